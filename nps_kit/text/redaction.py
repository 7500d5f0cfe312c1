"""Remove personal data from comments before they are shown in a report.

E-mail addresses, phone numbers (Japanese and international), Japanese postal codes, card
numbers, 12-digit Japanese individual numbers (マイナンバー) and names written before 様 are
replaced by ``[EMAIL]``, ``[PHONE]``, ``[POSTCODE]``, ``[CARD]``, ``[MYNUMBER]`` and ``[NAME]``.
Ordinary numbers — quantities, prices, dates, times, short order numbers — are left alone.
Full-width digits and symbols (``０９０－１２３４－５６７８``) are recognised too.

The result is plain text; escaping for HTML is the report's job.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import Final

import pandas as pd

__all__ = [
    "KINDS",
    "PLACEHOLDER",
    "Redaction",
    "placeholder",
    "redact",
    "redact_one",
    "without_contacts",
]

KINDS: tuple[str, ...] = ("email", "phone", "postcode", "card", "mynumber", "name")


def placeholder(kind: str) -> str:
    """Return what replaces personal data of ``kind`` in a comment, e.g. ``[PHONE]``."""
    return f"[{kind.upper()}]"


#: A placeholder in a comment, in any case (normalised comments are case-folded): what the
#: phrase finders skip, so that a mask never becomes a phrase ("連絡先phone").
PLACEHOLDER = re.compile(
    r"\[(?:" + "|".join(re.escape(kind) for kind in KINDS) + r")\]", re.IGNORECASE
)

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

# Latin letters with their accents (Latin-1 and Extended-A/B, not × ÷) and digits: zoë.brontë@…,
# chloé@café.fr. Not \w, which would take the Japanese word glued before an address
# (連絡はtaro@example.comまで); the top-level domain stays ASCII, so まで is not taken after it.
_LATIN = "A-Za-z0-9\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f"
_EMAIL = re.compile(rf"[{_LATIN}._%+-]+@[{_LATIN}-]+(?:\.[{_LATIN}-]+)*\.[A-Za-z]{{2,}}")
# + country code, then groups of digits separated by one space, dash, dot or parentheses.
_INTL_PHONE = re.compile(r"(?<![\w+])\+\d{1,3}(?:[ .-]?\(\d{1,4}\)|[ .-]?\d{1,5}){2,5}(?![\d])")


def _grouped_card(sep: str) -> str:
    # 4-4-4-4 (up to 4-4-4-7) or 4-6-5 / 4-6-4 with one separator throughout, so a digit before
    # it in another grouping ("カード2 4111-1111-1111-1111") stays outside the match.
    s = re.escape(sep)
    return (
        rf"(?<!\d)(?<!\d{s})\d{{4}}{s}(?:\d{{4}}{s}\d{{4}}{s}\d{{1,7}}|\d{{6}}{s}\d{{4,5}})"
        rf"(?!\d|{s}\d)"
    )


# 13–19 digits in a row, or grouped by single spaces or by dashes; not glued to other digits.
_CARD = re.compile("|".join([r"(?<!\d)\d{13,19}(?!\d)", _grouped_card(" "), _grouped_card("-")]))
# Japanese numbers start with 0: 090-1234-5678, 03-1234-5678, 0120-123-456, 03(1234)5678,
# (03)1234-5678.
_JP_PHONE = re.compile(
    r"(?<![\d+-])(?:0\d{1,4}(?:[ -]?\(\d{1,4}\)[ -]?|[ -]?\d{1,4}[ -]?)"
    r"|\(0\d{1,4}\)[ -]?\d{1,4}[ -]?)\d{3,4}(?![\d]|-\d)"
)
# マイナンバー: 12 digits (also 4-4-4); after the words that name it any such number, elsewhere
# only one whose check digit is right (an order number has a 1 in 10 chance to look like one).
_MYNUMBER_WORD = re.compile(
    r"(?:マイナンバ[ー-]|個人番号)(?:カ[ー-]ド)?(?:の番号)?[:：は]?\s*(\d{4}([ -]?)\d{4}\2\d{4})"
    r"(?![\d]|[ -]\d)"
)
_MYNUMBER = re.compile(r"(?<!\d)(?<!\d[ -])\d{4}([ -]?)\d{4}\1\d{4}(?!\d|[ -]\d)")
# A name before 様 (山田太郎様, 山田 太郎様): two to ten kanji; not 様々/様子/様式, and not words
# for a role or a group (お客様, 会員様, 利用者様, ご家族様, 皆様, 神様) — those end in one of
# _ROLE_ENDINGS or are a single kanji.
_KANJI = "\u3400-\u4dbf\u4e00-\u9fff々〆ヶ"
_NAME = re.compile(rf"(?<![{_KANJI}])((?:[{_KANJI}]{{1,5}} )?[{_KANJI}]{{1,5}})様(?![々子式相態])")
_ROLE_ENDINGS = frozenset("者客社員店舗先族主神王殿仏皆業当意")
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
# A bare 123-4567 is a postal code only right after 住所 / 郵便 / 郵便番号 (the word is kept).
_POSTWORD = re.compile(r"(?:住所|郵便(?:番号)?)[:：は]?\s*(\d{3}-?\d{4})(?![\d]|-\d)")


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


def _mynumber_ok(match: str) -> bool:
    digits = [int(c) for c in match if c.isdigit()]
    # Check digit of the individual number (総務省令第85号): weights 2–7, 2–6 from the right.
    body = digits[:11][::-1]
    remainder = sum(d * (n + 1 if n <= 6 else n - 5) for n, d in enumerate(body, start=1)) % 11
    return digits[11] == (0 if remainder <= 1 else 11 - remainder)


def _name_ok(match: str) -> bool:
    kanji = match.replace(" ", "")
    return len(kanji) >= 2 and kanji[-1] not in _ROLE_ENDINGS


#: What every kind of personal data holds once folded: a digit (the numbers: ``\d`` as the
#: patterns read it), the ``@`` of an e-mail address or the 様 after a name. A comment without
#: any is searched by none of the eleven patterns of :func:`_spans`.
_MAY_HOLD = re.compile(r"[@様\d]")


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
    add(_MYNUMBER_WORD, "mynumber", lambda _: True, 1)
    add(_CARD, "card", lambda _: True, 0)
    add(_MYNUMBER, "mynumber", _mynumber_ok, 0)
    add(_JP_PHONE, "phone", _jp_ok, 0)
    add(_NA_PHONE, "phone", lambda _: True, 0)
    add(_LOCAL_PHONE, "phone", lambda _: True, 1)
    add(_NAME, "name", _name_ok, 1)
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
        folded = text.translate(_FOLD)
        if _MAY_HOLD.search(folded) is None:  # most comments: none of the searches can match
            break
        spans = _spans(folded)
        if not spans:
            break
        pieces, last = [], 0
        for start, end, kind in spans:
            pieces.append(text[last:start])
            pieces.append(placeholder(kind))
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
        Number of replacements per kind (``email``, ``phone``, ``postcode``, ``card``,
        ``mynumber``, ``name``), zero included.
    rows
        Number of comments that were changed.
    """

    texts: pd.Series
    counts: dict[str, int]
    rows: int


def redact(texts: pd.Series) -> Redaction:
    """Replace contact details, card and individual numbers and names before 様 in comments.

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


# --- what themes and phrases read ---------------------------------------------------------
# A contact detail and the words that introduce it are no part of what a comment says: "Email
# me at [EMAIL]" is no communication complaint, 「（連絡先 [PHONE]）」 no 情報・連絡, and an
# address's domain (user@example.co.uk) no mention of docs' "example". Normalised text
# (NFKC, case-folded) is what is read.
_CONTACT_KINDS: Final = ("email", "phone")
# Anything in a comment that may be a contact: a placeholder, an address, seven digits or more.
_MAYBE_CONTACT: Final = re.compile(r"[\[@]|\d[\d ().+-]{5,}\d")
_EN_LABEL: Final = (
    r"(?:(?:please\s+)?(?:e-?mail|call|text|phone|ring|contact|reach|message|write to)\s+"
    r"(?:me|us)(?:\s+(?:at|on|via|by))?"
    r"|(?:my\s+)?(?:e-?mail(?:\s+address)?|phone(?:\s+(?:number|no\.?))?|tel\.?|telephone"
    r"|mobile|cell|contact(?:\s+(?:details|info))?|number)(?:\s+is)?\s*:?)"
)
_JA_LABEL: Final = (
    r"(?:ご?連絡(?:先|は|を)?|お?電話(?:番号)?(?:は)?|携帯(?:番号)?(?:は)?|メール(?:アドレス)?(?:は)?)"
    r"\s*[:は]?"
)
_JA_TAIL: Final = (
    r"(?:\s*(?:まで|へ)(?:ご?連絡(?:を)?(?:ください|下さい|お願いします)|お願いします)?)?"
)
_CONTACT: Final = re.compile(
    rf"(?:(?:{_EN_LABEL}|{_JA_LABEL})\s*)?\[(?:{'|'.join(_CONTACT_KINDS)})\]{_JA_TAIL}"
)
# Where a contact detail was, until its clause is judged (a character no comment holds once
# normalised: NFKC keeps it, but text read from an export never has it).
_MARK: Final = "\x00"
# A clause is cut at these (kept with the clause before them).
_CLAUSE_END: Final = re.compile(r"(?<=[。．.!?！？\n,、;；])")
# What a clause that held a contact detail says besides it when it only asks to be contacted:
# 「返信は [EMAIL] にお願いします」, "call me on [PHONE] please", "reach me at [EMAIL] anytime".
# Such a clause goes whole (QA19: 返信, please and anytime were typical phrases); one that says
# anything else keeps it ("the app crashes, call me on [PHONE]" keeps "the app crashes").
_JA_REQUEST: Final = re.compile(
    r"お願い(?:いたします|致します|します|いたしたく|申し上げます)?|(?:して|お)?ください|下さい"
    r"|(?:いただ|頂)(?:けると|ければ|けますか|けますでしょうか|きたいです|きたい)"
    r"|幸いです|助かります|よろしく|宜しく|返信|返事|回答|折り?返し|お?問い?合わせ"
    r"|ご?連絡(?:先)?|お?電話(?:番号)?|携帯(?:番号)?|メール(?:アドレス)?|かけて|して"
    r"|です|ます|まで|から|は|に|へ|で|を|の|か|も"
)
_EN_REQUEST: Final = frozenset(
    "please pls plz kindly thanks thank thx cheers you can could would will i me us we my our "
    "at on via by to or and back get reply respond answer contact reach call ring text phone "
    "email e mail message write number tel mobile cell address is am be available anytime any "
    "time asap as soon possible if needed need necessary required for more details info "
    "information further questions question happy feel free let know ok okay here the a an "
    "directly".split()
)
_EN_WORD: Final = re.compile(r"[a-z]+")
_LEFT_STOP: Final = re.compile(r"(?<=[.。!?])\s*[.。]")
_EMPTY_BRACKETS: Final = re.compile(r"\(\s*\)|「\s*」|【\s*】|\[\s*\]")


def without_contacts(normalised: str) -> str:
    """Return a normalised comment without its contact details and the words introducing them.

    E-mail addresses and phone numbers (raw, or already redacted as ``[email]``/``[phone]``)
    go with the label before them ("email me at", 連絡先, 電話番号は) and 「まで」 after, and the
    clause that held one goes whole when it only asks to be contacted (「返信は [EMAIL] に
    お願いします」, "call me on [PHONE] please": no 「返信は にお願いします」 or "please" left to
    read as a phrase); other placeholders ([name], [postcode]) go alone; brackets left empty
    go too. A comment without any of them is returned unchanged (the same object).

    Parameters
    ----------
    normalised
        One comment, normalised (:func:`nps_kit.text.tokens.normalise_one` without this step).

    Returns
    -------
    str
        The comment as themes, polarity and phrases read it.

    Examples
    --------
    >>> without_contacts("もう少し安いと嬉しいです。(連絡先 [phone])")
    'もう少し安いと嬉しいです。'
    >>> without_contacts("the ui is clean. email me at user56@example.co.uk")
    'the ui is clean.'
    >>> without_contacts("返信は [email] にお願いします。対応が遅い")
    '対応が遅い'
    """
    if _MAYBE_CONTACT.search(normalised) is None:
        return normalised
    text = normalised
    spans = [span for span in _spans(text) if span[2] in _CONTACT_KINDS]
    if spans:  # raw details (the themes command reads the export as it is): mask them first
        pieces, last = [], 0
        for start, end, kind in spans:
            pieces += [text[last:start], f"[{kind}]"]
            last = end
        text = "".join([*pieces, text[last:]])
    stripped = _CONTACT.sub(f" {_MARK} ", text)
    stripped = PLACEHOLDER.sub(" ", stripped)
    if stripped == text and text == normalised:
        return normalised
    if _MARK in stripped:
        stripped = _without_requests(stripped)
    stripped = _EMPTY_BRACKETS.sub(" ", stripped)
    # What the removal left: a stop after a stop ("keep it up. ."), separators at either end.
    stripped = _LEFT_STOP.sub("", " ".join(stripped.split()))
    return stripped.lstrip(" .,、。:;").rstrip(" ,、:;")


def _without_requests(marked: str) -> str:
    """Drop what each clause that held a contact detail says to ask to be contacted."""
    kept = []
    for clause in _CLAUSE_END.split(marked):
        if _MARK in clause:
            clause = clause.replace(_MARK, " ")
            felt = _beside_the_request(clause)
            if felt is not None:
                clause = felt
        kept.append(clause)
    return "".join(kept)


def _beside_the_request(clause: str) -> str | None:
    """Return what ``clause`` says besides asking to be contacted, if only emoji; else ``None``.

    ``""`` for a clause of request words and punctuation alone. An emoji is kept: 「👍折り返しは
    [PHONE] へ」 says how the respondent feels (👍) and nothing else to read.
    """
    rest = _JA_REQUEST.sub(" ", clause)
    rest = _EN_WORD.sub(lambda m: " " if m.group() in _EN_REQUEST else m.group(), rest)
    if any(c.isalnum() for c in rest):
        return None
    return "".join(c for c in rest if unicodedata.category(c)[0] not in "PZC" and not c.isspace())
