"""Remove personal data from comments before they are shown in a report.

E-mail addresses, phone numbers (Japanese and international), Japanese postal codes and card-like
digit runs are replaced by ``[EMAIL]``, ``[PHONE]``, ``[POSTCODE]`` and ``[CARD]``. Ordinary
numbers — quantities, prices, dates, times, short order numbers — are left alone. Full-width
digits and symbols (``０９０－１２３４－５６７８``) are recognised too.

The result is plain text; escaping for HTML is the report's job.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

__all__ = ["KINDS", "Redaction", "redact", "redact_one"]

KINDS: tuple[str, ...] = ("email", "phone", "postcode", "card")

# Full-width and look-alike characters mapped one-to-one to ASCII, so that match offsets in the
# folded text are offsets in the original text.
_FOLD = str.maketrans(
    {
        **{chr(0xFF10 + i): str(i) for i in range(10)},
        **{chr(0xFF21 + i): chr(0x41 + i) for i in range(26)},
        **{chr(0xFF41 + i): chr(0x61 + i) for i in range(26)},
        **dict.fromkeys("－‐‑‒–—―−ー", "-"),
        "（": "(",
        "）": ")",
        "＋": "+",
        "＠": "@",
        "．": ".",
        "＿": "_",
        "\u3000": " ",
    }
)

_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
# + country code, then groups of digits separated by one space, dash, dot or parentheses.
_INTL_PHONE = re.compile(r"(?<![\w+])\+\d{1,3}(?:[ .-]?\(\d{1,4}\)|[ .-]?\d{1,5}){2,5}(?![\d])")
# 13–19 digits, optionally grouped by single spaces or dashes; not glued to other digit groups.
_CARD = re.compile(r"(?<![\d])(?<!\d[ -])\d(?:[ -]?\d){12,18}(?![ -]?\d)")
# Japanese numbers start with 0: 090-1234-5678, 03-1234-5678, 0120-123-456, 03(1234)5678.
_JP_PHONE = re.compile(
    r"(?<![\d+-])0\d{1,4}(?:[ -]?\(\d{1,4}\)[ -]?|[ -]?\d{1,4}[ -]?)\d{3,4}(?![\d]|-\d)"
)
# North American numbers without a country code: (555) 010-4477, 555-010-4477.
_NA_PHONE = re.compile(r"(?<![\d+-])(?:\(\d{3}\) ?|\d{3}[-.])\d{3}[-.]\d{4}(?![\d]|-\d)")
# A bare seven-digit 555-0199 is only a phone number after words that say so (the words are kept);
# elsewhere the same shape may be a postal code or an order reference.
_LOCAL_PHONE = re.compile(
    r"(?:call(?: me)?(?: at| on)?|number(?: is)?|reach me(?: at| on)?|tel\.?|phone:?"
    r"|電話番号?[:：は]?|携帯[:：]?)\s*(\d{3}-\d{4})(?![\d]|-\d)",
    re.IGNORECASE,
)
_POSTMARK = re.compile(r"〒\s*\d{3}-?\d{4}(?![\d]|-\d)")
# A bare 123-4567 only counts as a postal code right after 住所 / 郵便番号 (the word is kept).
_POSTWORD = re.compile(r"(?:住所|郵便番号)[:：は]?\s*(\d{3}-?\d{4})(?![\d]|-\d)")


def _digits(text: str) -> int:
    return sum(c.isdigit() for c in text)


def _intl_ok(match: str) -> bool:
    return 8 <= _digits(match) <= 15


def _jp_ok(match: str) -> bool:
    digits = _digits(match)
    if digits not in (10, 11):
        return False
    if any(c in match for c in " -()"):
        return True
    # Unseparated runs are only phones when the prefix says so (mobile, IP phone, free dial);
    # a bare ten-digit number is more likely an order or member number.
    return bool(re.match(r"0[5789]0\d{8}$|0120\d{6}$|0800\d{7}$", match))


def _spans(folded: str) -> list[tuple[int, int, str]]:
    """Find non-overlapping spans to replace, most specific kind first."""
    found: list[tuple[int, int, str]] = []

    def add(pattern: re.Pattern[str], kind: str, ok: Callable[[str], bool], group: int) -> None:
        for m in pattern.finditer(folded):
            start, end = m.span(group)
            if ok(m.group(group)) and all(end <= s or start >= e for s, e, _ in found):
                found.append((start, end, kind))

    add(_EMAIL, "email", lambda _: True, 0)
    add(_INTL_PHONE, "phone", _intl_ok, 0)
    add(_POSTMARK, "postcode", lambda _: True, 0)
    add(_POSTWORD, "postcode", lambda _: True, 1)
    add(_CARD, "card", lambda _: True, 0)
    add(_JP_PHONE, "phone", _jp_ok, 0)
    add(_NA_PHONE, "phone", lambda _: True, 0)
    add(_LOCAL_PHONE, "phone", lambda _: True, 1)
    return sorted(found)


def redact_one(text: str) -> tuple[str, dict[str, int]]:
    """Redact one comment.

    Parameters
    ----------
    text
        A comment.

    Returns
    -------
    tuple of (str, dict)
        The redacted text and the number of replacements per kind.
    """
    counts = dict.fromkeys(KINDS, 0)
    # A replacement can free a neighbour that a look-around rejected while both were digits
    # ("〒123-4567090-1234-5678 090-…"), so repeat until nothing more is found.
    for _ in range(4):
        spans = _spans(text.translate(_FOLD))
        if not spans:
            break
        pieces, last = [], 0
        for start, end, kind in spans:
            pieces.append(text[last:start])
            pieces.append(f"[{kind.upper()}]")
            counts[kind] += 1
            last = end
        pieces.append(text[last:])
        text = "".join(pieces)
    return text, counts


@dataclass(frozen=True)
class Redaction:
    """Redacted comments and what was removed.

    Attributes
    ----------
    texts
        The comments with personal data replaced by placeholders (same index; missing stays
        missing).
    counts
        Number of replacements per kind (``email``, ``phone``, ``postcode``, ``card``), zero
        included.
    rows
        Number of comments that were changed.
    """

    texts: pd.Series
    counts: dict[str, int]
    rows: int


def redact(texts: pd.Series) -> Redaction:
    """Replace e-mail addresses, phone numbers, postal codes and card numbers in comments.

    Parameters
    ----------
    texts
        Comments.

    Returns
    -------
    Redaction
        The redacted comments (``string`` dtype, same index and name) and counts per kind.

    Examples
    --------
    >>> import pandas as pd
    >>> redact(pd.Series(["連絡は090-1234-5678まで。3日待った"])).texts[0]
    '連絡は[PHONE]まで。3日待った'
    """
    values = texts.astype("string")
    totals = dict.fromkeys(KINDS, 0)
    cache: dict[str, tuple[str, dict[str, int]]] = {}
    out: list[object] = []
    rows = 0
    for value in values.to_numpy(dtype=object):
        if value is pd.NA:
            out.append(pd.NA)
            continue
        if value not in cache:
            cache[value] = redact_one(value)
        new, counts = cache[value]
        out.append(new)
        if new != value:
            rows += 1
        for kind, count in counts.items():
            totals[kind] += count
    result = pd.Series(out, index=texts.index, name=texts.name, dtype="string")
    return Redaction(texts=result, counts=totals, rows=rows)
