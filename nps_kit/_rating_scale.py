"""The scale of a rating question: what its header states, and one scale for its block.

The one home of the rule ``inspect`` (and so ``init --from``) follows for a numeric rating's
scale. A header may state the whole range ("(1-5)", （0〜5）: that range, whatever was
answered), only the top ("(sur 5)", "(out of 5)", "/5", 5点満点: a mark out of 5) or nothing
(the answers show the top, 5 or 7, and the bottom, 1 unless someone answered under 1).

Questions whose headers state the top in the same words are one block ("Note de la cuisine
(sur 5)", "Note du service (sur 5)"): one scale for all, from 0 when any of them was answered
under 1 (a 0 or a half point 0,5: a mark out of 5 may be 0), else from 1. Before (QA32 followed
by FIX79), each took the bottom of its own answers, so the service's 0,5 made it 0–5 beside
the food's 1–5, and ``init`` left one of them out of the ratings as answers of a second scale.
The top stated is the scale's whatever it is: "(sur 10)" is a mark out of 10, a rating (not a
second NPS question) even when its answers stop at 7 (REVIEW35: a "(sur 10)" pair was no block).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from nps_kit.i18n import Language

__all__ = [
    "OUT_OF_FIVE",
    "BlockScale",
    "answered_scale",
    "block_scales",
    "stated_maximum",
    "stated_top",
]

# A header that states a rating out of 5 ("(sur 5)", "(out of 5)", "/5", 5点満点, "(1-5)"): its
# answers in half points (4,5; 3.0) are ratings on that scale, not numbers to leave out (QA32).
# The 5 is the scale's only when no word but a rating's unit follows it: "sur 5 jours" (hours
# over five days) and "moins de 5" (an amount under 5 €) are no scale (REVIEW33).
OUT_OF_FIVE: Final = re.compile(
    r"(?:\bsur|\bout of|\bvon|\bsu|/)\s*5(?![\d.,])"
    r"(?!\s*(?!(?:stars?|étoiles?|sterne|stelle|points?|pts)\b)[^\W\d_])|5\s*点満点"
    r"|[(（]\s*[01]\s*(?:[-–—〜~～]|to|à|bis)\s*5\s*[)）]",
    re.I,
)
# A header that states the top of a rating's scale, any from 3 to 10 ("(sur 10)", "/7",
# 10点満点), by OUT_OF_FIVE's rule: no word but a rating's unit after it ("sur 10 jours" is no
# scale), and no number before a slash ("24/7" is hours and days).
_STATED_TOP: Final = re.compile(
    r"(?:(?:\bsur|\bout of|\bvon|\bsu)\s*|(?<![\d/])/\s*)(?P<top>10|[3-9])(?![\d.,])"
    r"(?!\s*(?!(?:stars?|étoiles?|sterne|stelle|points?|pts)\b)[^\W\d_])"
    r"|(?<![\d.,])(?P<top_ja>10|[3-9])\s*点満点",
    re.I,
)
# A header that states both ends of a rating's range: "(1-5)", （0〜5）, "(1 to 7)".
_RANGE: Final = re.compile(r"[(（]\s*([01])\s*(?:[-–—〜~～]|to|à|bis)\s*([57])\s*[)）]", re.I)


def _asked(header: str) -> str:
    return unicodedata.normalize("NFKC", header)


def _stated_range(header: str) -> tuple[int, int] | None:
    found = _RANGE.search(_asked(header))
    return None if found is None else (int(found.group(1)), int(found.group(2)))


def stated_top(header: str) -> str | None:
    """Return the words in which a header states only the top of its scale, else ``None``.

    Examples
    --------
    >>> stated_top("Note du service (sur 5)")
    'sur 5'
    >>> stated_top("Rate the food (1-5)") is None  # the whole range: no block needed
    True
    """
    asked = _asked(header)
    if _stated_range(asked) is not None:
        return None
    found = _STATED_TOP.search(asked)
    if found is None:
        return None
    # One spelling of the words: "/ 5" is "/5", "sur  5" "sur 5" (REVIEW35: two blocks).
    return re.sub(r"/\s+", "/", " ".join(found.group().casefold().split()))


def stated_maximum(header: str) -> int | None:
    """Return the top a header states alone ("(sur 10)": 10), else ``None``.

    Examples
    --------
    >>> stated_maximum("Note du service (sur 10)")
    10
    >>> stated_maximum("Open 24/7") is None
    True
    """
    words = stated_top(header)
    return None if words is None else int(re.sub(r"\D", "", words))


def answered_scale(header: str, low: float, high: float) -> tuple[tuple[int, int], bool]:
    """Return a numeric rating's scale, and whether its header's range overrules the answers.

    Parameters
    ----------
    header
        The column's header and question text.
    low, high
        The lowest and highest answer.

    Returns
    -------
    tuple
        ``((bottom, top), overruled)``: a stated range as stated ("(1-5)" answered 0 is 1–5:
        its 0 is off the scale, counted as invalid in the report; ``overruled`` says the
        answers alone would give another), else the top stated ("(sur 10)" answered up to 7 is
        out of 10, overruled) or 5 or 7 by the answers, and bottom 1, or 0 when an answer is
        under 1 (before the block's rule, :func:`block_scales`).
    """
    stated = _stated_range(header)
    answered = ((0 if low < 1 else 1), (5 if high <= 5 else 7 if high <= 7 else 10))
    if stated is None:
        top = stated_maximum(header)
        if top is None or high > top:
            return answered, False
        stated = (answered[0], top)
    return stated, stated != answered


@dataclass(frozen=True)
class BlockScale:
    """The one scale of the rating questions whose headers state the top in the same words.

    Attributes
    ----------
    scale
        ``(bottom, top)``.
    words
        How the headers state it (``"sur 5"``).
    columns
        The block's questions, in file order.
    under_one
        The questions answered under 1, which put the bottom at 0 (empty when it is 1).
    """

    scale: tuple[int, int]
    words: str
    columns: tuple[str, ...]
    under_one: tuple[str, ...]

    def note(self, lang: Language = "en") -> str:
        """Say which scale the block's questions have and why, for ``inspect`` and ``init``.

        In ``lang`` (MSG42: ``inspect --language``), also as the column's own note.
        """
        from nps_kit.i18n import join_names, t

        low, high = self.scale
        if len(self.columns) > 1:
            n = len(self.columns)
            said = t("rating.block", lang, n=n, words=self.words, low=low, high=high)
        else:
            said = t("rating.one", lang, column=self.columns[0], low=low, high=high)
        if self.under_one:
            quote = (lambda c: f"「{c}」") if lang == "ja" else repr
            names = join_names(map(quote, self.under_one), lang)
            has = "has" if len(self.under_one) == 1 else "have"
            return t("rating.from_zero", lang, said=said, high=high, names=names, has=has)
        return t("rating.from_one", lang, said=said, high=high)


def block_scales(ratings: Sequence[tuple[str, str, tuple[int, int]]]) -> list[BlockScale]:
    """Give the rating questions whose headers state the top in the same words one scale.

    Parameters
    ----------
    ratings
        ``(column, header, scale by its own answers)`` of each numeric rating, in file order.

    Returns
    -------
    list of BlockScale
        One per block: the top stated, the bottom 0 when any question of the block was
        answered under 1, else 1.
    """
    blocks: dict[tuple[str, int], list[tuple[str, tuple[int, int]]]] = {}
    for column, header, scale in ratings:
        words = stated_top(header)
        if words is not None:
            blocks.setdefault((words, scale[1]), []).append((column, scale))
    return [
        BlockScale(
            scale=(min(s[0] for _, s in members), top),
            words=words,
            columns=tuple(c for c, _ in members),
            under_one=tuple(c for c, s in members if s[0] == 0),
        )
        for (words, top), members in blocks.items()
    ]
