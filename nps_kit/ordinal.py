"""Order of group labels: ordinal categories keep their natural order, the rest sort by NPS.

Tenure bands (「1年未満, 1〜3年, 3〜5年, 5年以上」, "Less than 1 year, 1-3 years, 5+ years"), age
bands and size bands are ordered; a chart sorted by NPS scrambles them and hides the trend
across them. :func:`ordinal_order` recognises such labels (every label starts its number range
with a number) and returns them in order; a breakdown's ``order:`` in the parameters overrides it.

Labelled answer scales are ordinal too: satisfaction ("Very satisfied" … "Very dissatisfied",
「満足」…「不満」), agreement ("Strongly agree" …, 「そう思う」…「そう思わない」) and ease
("Very easy" …, 「簡単」…「難しい」) and quality ("Very poor" … "Excellent", 「とても悪い」…
「とても良い」), with their middle answer in any of its usual wordings ("Neutral", "Neither …",
"Average", "Fair", 「どちらでもない」, 「どちらともいえない」, 「普通」). SurveyMonkey's
"Poor, Fair, Good, Very good, Excellent", whose middle is "Good", is read by its place in that
list.
:func:`labelled_scale` recognises them and gives each answer its point on the scale (1 = the
most negative), so that ``nps-kit inspect`` calls such a question a rating and the report
analyses it like a 1–5 rating.

Where an answer that may mean "does not apply" (「わからない」, "Don't know") sits is the
export's to say, not its wording's: many tools number their answers ("1. そう思う" …
"5. そう思わない"), and a わからない numbered between the scale's answers is the scale's midpoint
(a rating), while one numbered after them is an answer beside the scale (no rating). Without
such numbers it is beside the scale, as 「利用していない」 always is.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Final

from nps_kit import i18n

__all__ = [
    "LabelledScale",
    "group_order",
    "labelled_scale",
    "not_applicable",
    "ordinal_order",
]

_NUMBER = re.compile(r"\d+(?:\.\d+)?")
# Words that put a band before or after the others starting at the same number.
_BELOW = re.compile(r"未満|以下|まで|less than|under|below|up to|<", re.IGNORECASE)
_ABOVE = re.compile(r"以上|超|more than|over|above|or more|\+|>", re.IGNORECASE)


def _key(label: str) -> tuple[float, int] | None:
    text = unicodedata.normalize("NFKC", label)
    found = _NUMBER.search(text)
    if found is None:
        return None
    rank = -1 if _BELOW.search(text) else 1 if _ABOVE.search(text) else 0
    return float(found.group()), rank


# --- labelled answer scales ---------------------------------------------------------------
# Each family names its positive and negative answer; an answer is one of them with an optional
# degree word before it, or a neutral answer. Degrees: 1 a little, 2 plain, 3 very.
_EN_STRONG: Final = r"(?:very|extremely|completely|totally|strongly|highly|absolutely)"
_EN_WEAK: Final = r"(?:somewhat|slightly|fairly|rather|mostly|moderately|a little|quite|tend to)"
_JA_STRONG: Final = r"(?:非常に|とても|大変|たいへん|すごく|かなり|強く|全く|まったく|全然)"
_JA_WEAK: Final = r"(?:やや|まあ|まあまあ|どちらかといえば|どちらかと言えば|少し|あまり|ある程度)"
_FAMILIES: Final[dict[str, tuple[str, str]]] = {
    # family: (positive, negative), as regular expressions on the NFKC, case-folded answer
    # without its trailing punctuation.
    "satisfaction": (
        r"satisfied|満足",
        r"dissatisfied|unsatisfied|not satisfied|不満|不満足|満足していない",
    ),
    "agreement": (
        r"agree|そう思う|あてはまる|当てはまる",
        r"disagree|そう思わない|思わない|あてはまらない|当てはまらない",
    ),
    "ease": (
        r"easy|簡単|易しい|やさしい",
        r"difficult|hard|難しい",
    ),
    # SurveyMonkey's rating matrices: "Very poor" … "Excellent", 「とても悪い」…「とても良い」.
    "quality": (
        r"good|良い|よい|良かった",
        r"poor|bad|悪い|わるい|悪かった",
    ),
}
# One word for a strong answer of a family: "Excellent" is the "Very good" end of the scale.
_STRONG_WORDS: Final = {
    "excellent": "very good",
    "outstanding": "very good",
    "terrible": "very poor",
    "awful": "very poor",
}
# A quality scale that is not symmetric about its middle: SurveyMonkey's "Poor, Fair, Good,
# Very good, Excellent" (most negative first). Read by its place in the list when both its top
# answers are given, which no symmetric scale has.
_LADDERS: Final = (("poor", "fair", "good", "very good", "excellent"),)
# The middle answer, of whichever family the other answers are ({p}, {n}: the family's words).
# Questionnaires word it many ways: 「どちらでもない」 as often as 「どちらともいえない」.
_NEUTRAL: Final = (
    r"neutral|neither|undecided|average|fair|acceptable|neither (?:{p}) (?:nor|or) (?:{n})"
    r"|neither (?:{n}) (?:nor|or) (?:{p})"
    r"|どちらでもない|どちらともいえない|どちらとも言えない|どちらとも思わない"
    r"|普通|ふつう|可もなく不可もなく|(?:{p})でも(?:{n})でもない"
)


# An answer beside the scale that says the question does not apply to the respondent: matrix
# rows offer it for a service not everyone used (Qualtrics' 「利用していない」, SurveyMonkey's
# "N/A"). It is no point of the scale, so a rating reads it as no answer.
_NOT_APPLICABLE: Final = re.compile(
    r"n/?a|not applicable|does ?n[o'’]t apply|not used|never used|"
    r"(?:i )?(?:did|have) ?n[o'’]t used?(?: it)?|(?:i )?do ?n[o'’]t know|"
    r"該当(?:なし|無し|しない)|非該当|未利用|(?:利用|使用)(?:していない|したことがない|なし|しない)|"
    r"使っていない|使ったことがない|(?:わから|分から|判ら)ない|経験(?:なし|がない)"
)


# The number a tool puts before each answer of a scale: "1. そう思う", "(3) わからない",
# "3 - Neither agree nor disagree", "5：そう思わない" (on the NFKC text).
_CODED: Final = re.compile(r"(?:\((\d{1,3})\)|(\d{1,3})\s*[.:)、=]|(\d{1,3})\s+-)\s*(\S.*)")


def _coded(answer: str) -> tuple[int, str] | None:
    """Return ``(code, words)`` of an answer the tool numbered, else ``None``."""
    found = _CODED.fullmatch(unicodedata.normalize("NFKC", answer).strip())
    if found is None:
        return None
    return int(found[1] or found[2] or found[3]), found[4]


# Of those, the answers that may be a scale's midpoint, as 「どちらともいえない」 is.
_UNSURE: Final = re.compile(
    r"(?:i )?do ?n[o'’]t know|not sure|unsure|(?:わから|分から|判ら)ない|判断できない"
)


def _plain(answer: str) -> str:
    """Return the answer NFKC-normalised, case-folded, single-spaced, without end marks."""
    text = unicodedata.normalize("NFKC", answer).casefold().strip().rstrip("。.!！")
    return " ".join(text.split())


def not_applicable(answer: str) -> bool:
    """Say whether an answer beside a labelled scale means the question does not apply.

    Parameters
    ----------
    answer
        One answer as exported.

    Returns
    -------
    bool
        ``True`` for "N/A", "Not applicable", "Don't know", 「該当なし」, 「利用していない」,
        「わからない」 and the like (after NFKC normalisation, case-insensitively), with or
        without the number a tool puts before it ("6. わからない"). Whether such an answer is
        beside a given scale or its midpoint is :func:`labelled_scale`'s to say.

    Examples
    --------
    >>> not_applicable("利用していない"), not_applicable("Not applicable"), not_applicable("満足")
    (True, True, False)
    """
    coded = _coded(answer)
    return _NOT_APPLICABLE.fullmatch(_plain(answer if coded is None else coded[1])) is not None


def _degree(answer: str) -> tuple[str, int] | None:
    """Return ``(family, signed degree)`` of a labelled answer (0 = neutral), else ``None``."""
    text = _plain(answer)
    text = _STRONG_WORDS.get(text, text)
    for family, (positive, negative) in _FAMILIES.items():
        if re.fullmatch(_NEUTRAL.format(p=positive, n=negative), text):
            return family, 0  # of every family: the other answers decide which
        for sign, words in ((-1, negative), (1, positive)):
            match = re.fullmatch(
                rf"(?:(?P<en_s>{_EN_STRONG})\s+|(?P<en_w>{_EN_WEAK})\s+)?"
                rf"(?:(?P<ja_s>{_JA_STRONG})|(?P<ja_w>{_JA_WEAK}))?(?:{words})",
                text,
            )
            if match:
                strong = match["en_s"] or match["ja_s"]
                weak = match["en_w"] or match["ja_w"]
                return family, sign * (3 if strong else 1 if weak else 2)
    return None


@dataclass(frozen=True)
class LabelledScale:
    """The answers of a labelled scale and their points.

    Attributes
    ----------
    family
        ``"satisfaction"``, ``"agreement"``, ``"ease"`` or ``"quality"``.
    points
        Each answer's point, 1 = the most negative answer.
    scale
        ``(1, k)``: the number of points the answers imply (5 for "very", plain and neutral
        answers, 7 when "somewhat" answers sit between plain ones and neutral).
    """

    family: str
    points: Mapping[str, int]
    scale: tuple[int, int]

    @property
    def levels(self) -> list[str]:
        """The answers from the most negative to the most positive."""
        return sorted(self.points, key=lambda answer: self.points[answer])


def labelled_scale(labels: Iterable[object]) -> LabelledScale | None:
    """Recognise the answers of a labelled satisfaction, agreement, ease or quality scale.

    Parameters
    ----------
    labels
        The distinct answers (missing values are ignored).

    Returns
    -------
    LabelledScale or None
        The answers' points when there are two or more and all are answers of one family's
        scale on both sides of neutral, else ``None``; an answer that says the question does
        not apply (:func:`not_applicable`: 「利用していない」, "N/A") is no point of the scale
        and is left out of ``points``. When the tool numbered every answer ("1. そう思う" …)
        in the scale's order, the numbers place 「わからない」, "Don't know" and a neutral
        answer: numbered between the scale's answers it is the midpoint, numbered outside them
        it does not apply. The degrees present set the points:
        "Very satisfied, Satisfied, Neutral, Dissatisfied, Very dissatisfied" is 1–5, as is
        「満足、やや満足、どちらともいえない、やや不満、不満」; with "somewhat" answers between
        plain ones and neutral it is 1–7. "Very poor, Poor, Average, Good, Excellent" is 1–5
        ("Excellent" is the "very good" end); "Poor, Fair, Good, Very good, Excellent" is 1–5
        in that order when both "Very good" and "Excellent" are among the answers. Two answers
        that would share a point are no scale.

    Examples
    --------
    >>> labelled_scale(["Satisfied", "Very dissatisfied", "Neutral"]).levels
    ['Very dissatisfied', 'Neutral', 'Satisfied']
    >>> labelled_scale(["満足", "やや不満", "不満"]).points["やや不満"]
    2
    >>> labelled_scale(["Web", "Satisfied"]) is None
    True
    >>> labelled_scale(["1. そう思う", "2. わからない", "3. そう思わない"]).points["2. わからない"]
    2
    """
    distinct = list(dict.fromkeys(str(v) for v in labels if v is not None and v == v))
    laddered = _laddered([label for label in distinct if not not_applicable(label)])
    if laddered is not None:
        return laddered
    degrees = _placed(distinct)
    if degrees is None:
        distinct = [label for label in distinct if not not_applicable(label)]
        degrees = {label: _degree(label) for label in distinct}
    if len(degrees) < 2 or any(d is None for d in degrees.values()):
        return None
    families = {d[0] for d in degrees.values() if d is not None and d[1] != 0}
    signs = {(d[1] > 0) - (d[1] < 0) for d in degrees.values() if d is not None}
    if len(families) != 1 or not {-1, 1} <= signs:
        return None
    # The degrees used on either side become consecutive steps away from neutral.
    steps = sorted({abs(d[1]) for d in degrees.values() if d is not None and d[1] != 0})
    neutral = any(d is not None and d[1] == 0 for d in degrees.values())
    middle = len(steps) + 1 if neutral else len(steps) + 0.5
    points: dict[str, int] = {}
    for label, found in degrees.items():
        assert found is not None
        degree = found[1]
        step = steps.index(abs(degree)) + 1 if degree else 0
        offset = step if neutral else step - 0.5
        points[label] = int(middle + (offset if degree > 0 else -offset))
    if len(set(points.values())) < len(points):
        return None  # two answers on one point ("Very good" and "Excellent"): no scale we know
    size = 2 * len(steps) + (1 if neutral else 0)
    return LabelledScale(family=families.pop(), points=points, scale=(1, size))


def _laddered(labels: list[str]) -> LabelledScale | None:
    """Return the points of answers of an asymmetric scale (:data:`_LADDERS`), else ``None``."""
    plain = {label: _plain(label) for label in labels}
    for ladder in _LADDERS:
        if set(plain.values()) <= set(ladder) and set(ladder[-2:]) <= set(plain.values()):
            points = {label: ladder.index(word) + 1 for label, word in plain.items()}
            return LabelledScale(family="quality", points=points, scale=(1, len(ladder)))
    return None


def _placed(labels: list[str]) -> dict[str, tuple[str, int] | None] | None:
    """Return the degrees of answers the tool numbered in order, placed by their numbers.

    ``None`` when not every answer has its own number, or the numbers do not follow the
    scale (then the words alone decide). A neutral or "don't know" answer numbered between
    the scale's answers is its midpoint (degree 0); numbered outside them it does not apply
    and is left out.
    """
    coded = {label: _coded(label) for label in labels}
    numbered = {label: c for label, c in coded.items() if c is not None}
    if len(numbered) != len(labels) or len({c[0] for c in numbered.values()}) != len(labels):
        return None
    degrees = {label: _degree(words) for label, (_, words) in numbered.items()}
    polar = [numbered[label][0] for label, d in degrees.items() if d is not None and d[1] != 0]
    if len(polar) < 2:
        return None
    family = next(d[0] for d in degrees.values() if d is not None and d[1] != 0)
    placed: dict[str, tuple[str, int] | None] = {}
    for label in sorted(numbered, key=lambda label: numbered[label][0]):
        degree = degrees[label]
        unsure = degree is None and _UNSURE.fullmatch(_plain(numbered[label][1])) is not None
        if unsure or (degree is not None and degree[1] == 0):
            if not min(polar) < numbered[label][0] < max(polar):
                continue  # numbered before or after the scale: it does not apply
            degree = (family, 0)
        elif degree is None and not_applicable(label):
            continue  # 「利用していない」 is beside the scale wherever it is numbered
        placed[label] = degree
    signs = [(d[1] > 0) - (d[1] < 0) for d in placed.values() if d is not None]
    if signs != sorted(signs) and signs != sorted(signs, reverse=True):
        return None  # the numbers do not follow the scale
    return placed


def ordinal_order(labels: Iterable[object]) -> list[str] | None:
    """Return the labels in their natural order when they are numeric bands, else ``None``.

    Parameters
    ----------
    labels
        The group labels (missing values are ignored).

    Returns
    -------
    list of str or None
        The distinct labels ordered by their first number ("1年未満" before "1〜3年", "5+
        years" after "3-5 years"), or the answers of a labelled scale from the most negative
        (:func:`labelled_scale`) with answers that say it does not apply last, or ``None``
        when fewer than two labels or the labels are neither (then the groups are not ordinal).

    Examples
    --------
    >>> ordinal_order(["5年以上", "1〜3年", "1年未満", "3〜5年"])
    ['1年未満', '1〜3年', '3〜5年', '5年以上']
    >>> ordinal_order(["Web", "アプリ"]) is None
    True
    """
    distinct = list(dict.fromkeys(str(v) for v in labels if v is not None and v == v))
    if len(distinct) < 2:
        return None
    keys = {label: _key(label) for label in distinct}
    if any(k is None for k in keys.values()):
        scale = labelled_scale(distinct)
        if scale is None:
            return None
        return scale.levels + [label for label in distinct if not_applicable(label)]
    return sorted(distinct, key=lambda label: keys[label])  # type: ignore[arg-type,return-value]


#: The groups a breakdown adds to the answers: blanks and the pooled rest, in each language.
_ADDED_GROUPS: Final = frozenset(
    i18n.label(key, lang) for key in ("no_answer", "other") for lang in ("en", "ja")
)


def group_order(labels: Iterable[object], order: Sequence[str] | None = None) -> list[str] | None:
    """Return the order to show groups in: ``order`` if given, else the ordinal order, else None.

    Labels present in the data but missing from ``order`` follow it, in their ordinal order when
    they have one; ``order`` entries absent from the data are skipped.

    Parameters
    ----------
    labels
        The group labels of the table.
    order
        The breakdown's ``order:`` from the parameters, or ``None``.

    Returns
    -------
    list of str or None
        The labels in display order, or ``None`` when they should be sorted by NPS.
    """
    present = list(dict.fromkeys(str(v) for v in labels if v is not None and v == v))
    # The groups a breakdown adds, "(no answer)" and "Other", are no point of the scale: a
    # rating 1–5 with blanks keeps its order, and they follow it (QA23).
    added = [p for p in present if p in _ADDED_GROUPS]
    points = [p for p in present if p not in _ADDED_GROUPS]
    if order is None:
        ordered = ordinal_order(points)
        return None if ordered is None else ordered + added
    listed = [o for o in order if o in present]
    rest = [p for p in points if p not in listed]
    return listed + (ordinal_order(rest) or rest) + [a for a in added if a not in listed]
