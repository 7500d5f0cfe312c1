"""The shapes of a column's answers: scores, ratings, sentences, names, contact details, dates."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from typing import Final, Literal

import numpy as np
import pandas as pd

from nps_kit._column_detail import Detail
from nps_kit._phone import looks_like_phone
from nps_kit._rating_scale import OUT_OF_FIVE, answered_scale, block_scales
from nps_kit._response_meta import (
    ANONYMOUS,
)
from nps_kit._value_key import cell_text
from nps_kit._values import (
    MISSING_WORDS,
    NO_ANSWER_WORDS,
    DateParse,
    parse_date_values,
    parse_scores,
)
from nps_kit._width import display_width
from nps_kit.i18n import Language, join_names, t
from nps_kit.inspect._facts import (
    _EMAIL_NAME,
    _INSIDE_OPTIONS,
    _NAME_VALUE,
    _PERSON_NAME,
    _PHONE_NAME,
    _SEPARATORS,
    _TOOL_META,
    ColumnInfo,
    Kind,
)
from nps_kit.ordinal import not_applicable


@dataclass(frozen=True)
class _Answers:
    """A column's non-blank answers as distinct stripped strings and how often each occurs.

    Every share below is weighted by ``counts``, so a 30,000-row column with five distinct
    answers is judged from five strings: the same verdicts as row by row, in a fraction of the
    time.
    """

    values: pd.Series  # distinct, in order of first appearance
    counts: np.ndarray

    @property
    def n(self) -> int:
        return int(self.counts.sum())

    def share(self, mask: pd.Series | np.ndarray) -> float:
        """Return the share of answers (not of distinct values) where ``mask`` holds."""
        n = self.n
        return float(self.counts[np.asarray(mask, dtype=bool)].sum()) / n if n else 0.0


def _answers(values: pd.Series) -> _Answers:
    """Non-blank cells as stripped strings (whole floats without ``.0``), per distinct value."""
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    raw_counts = np.bincount(codes[codes >= 0], minlength=len(uniques))
    norm = pd.Series([cell_text(u) for u in uniques], dtype=object)
    # Two raw values may normalise to one text ("9" and "9.0", "Ａ" and "A").
    grouped = pd.Series(raw_counts).groupby(norm.to_numpy(), sort=False).sum()
    # "N/A", "-", 無回答 are no answer in any column (nps_kit._values.NO_ANSWER_WORDS).
    grouped = grouped[~pd.Index(grouped.index).str.casefold().isin(NO_ANSWER_WORDS)]
    return _Answers(pd.Series(grouped.index, dtype=object), grouped.to_numpy(dtype="int64"))


def _scores(answers: _Answers) -> tuple[float, int, int, int]:
    """Share of answers that read as whole numbers 0–10; their count, lowest and highest.

    Answers that say the question does not apply (「該当なし」, "N/A") are no answers here, as
    the report reads them (:func:`nps_kit.followup.parse_ratings`): a hotel's breakfast rating
    with 30 % 該当なし is a rating, not a categorical question of "4" and "該当なし" (QA44).
    """
    parsed = parse_scores(answers.values)
    ok = (parsed.status.astype(str) == "valid").to_numpy()
    missing = (parsed.status.astype(str) == "missing").to_numpy()
    missing = missing | (answers.values.map(not_applicable).to_numpy(dtype=bool) & ~ok)
    answered = int(answers.counts[~missing].sum())
    valid = int(answers.counts[ok].sum())
    share = valid / answered if answered else 0.0
    if not ok.any():
        return share, 0, 0, 0
    numbers = parsed.score[ok].to_numpy(dtype="int64")
    return share, valid, int(numbers.min()), int(numbers.max())


def _half_points(numbers: pd.Series, asked: str) -> bool:
    """Whether numbers are ratings out of 5 in half points: 0–5 in steps of 0.5, so stated."""
    found = numbers.dropna()
    halves = (found * 2).round(9)
    return (
        OUT_OF_FIVE.search(asked) is not None
        and bool(found.between(0, 5).all())
        and bool((halves == halves.round()).all())
    )


def _rating(
    asked: str, low: float, high: float, *also: str
) -> tuple[Kind, str, tuple[int, int], None]:
    """Classify a numeric rating on its scale (:func:`nps_kit._rating_scale.answered_scale`)."""
    (bottom, top), overruled = answered_scale(asked, low, high)
    scale = f"{bottom}–{top}"
    detail = Detail.joined([Detail("as_stated", range=scale) if overruled else scale, *also])
    return "rating", detail, (bottom, top), None


def _one_scale_per_block(
    infos: list[ColumnInfo], notes: list[str], lang: Language = "en"
) -> list[ColumnInfo]:
    """Give ratings whose headers state the top in the same words one scale, and say it.

    (:func:`nps_kit._rating_scale.block_scales`: "Note du service (sur 5)" answered 0,5 made
    its block 0–5, not itself alone beside the food's 1–5.)
    """
    numeric = [
        (c.column, f"{c.column} {c.question or ''}", c.scale)
        for c in infos
        if c.kind == "rating" and c.scale is not None and not c.codes
    ]
    blocks = {c: block for block in block_scales(numeric) for c in block.columns}
    notes += [said.note(lang) for said in dict.fromkeys(blocks.values())]
    out = []
    for info in infos:
        block = blocks.get(info.column)
        if block is not None and block.scale != info.scale:
            low, high = block.scale
            parts = info.detail.parts if isinstance(info.detail, Detail) else (info.detail,)
            detail = Detail.joined([Detail("as_its_block", range=f"{low}–{high}"), *parts[1:]])
            info = replace(info, scale=block.scale, detail=detail)
        out.append(info if block is None else replace(info, note=block.note(lang)))
    return out


def _lone_mark_out_of_ten(
    infos: list[ColumnInfo], notes: list[str]
) -> tuple[list[ColumnInfo], str | None]:
    """Take a lone rating "(sur 10)" as the score when no column is 0–10.

    A mark out of 10 beside the NPS question is a rating (REVIEW35); alone in its export it is
    the only score there is, as it was before, and its block's note no longer applies. Without
    a 0 answered it is a 1–10 scale, said so as any score without a 0.
    """
    alone = [
        c
        for c in infos
        if c.kind == "rating" and c.scale is not None and c.scale[1] == 10 and not c.codes
    ]
    if len(alone) != 1:
        return infos, None
    taken = alone[0]
    if taken.note is not None:
        notes.remove(taken.note)
    if taken.scale == (0, 10):
        kind: Kind = "nps"
        detail: str = "0–10"
    else:
        kind, detail = "scale", Detail("no_zero", range="1–10")
    out = [
        replace(c, kind=kind, detail=detail, scale=(0, 10) if kind == "nps" else (1, 10), note=None)
        if c is taken
        else c
        for c in infos
    ]
    return out, taken.column


def _separator(answers: _Answers) -> str | None:
    """Return the separator of a multi-select column, or ``None``.

    Options repeat across respondents; the clauses of free text do not. So a separator counts
    when it splits a tenth of the answers or more into short pieces, most of them found in
    more than one distinct answer (an option recombines with others; one answer given often
    is no evidence).
    """
    text = answers.values
    for sep in _SEPARATORS:
        if answers.share(text.str.contains(sep, regex=False)) < 0.1:
            continue
        tokens = text.str.split(sep, regex=False).explode().str.strip()
        weights = pd.Series(answers.counts[tokens.index.to_numpy()], index=tokens.index)
        keep = tokens != ""
        tokens, weights = tokens[keep], weights[keep]
        total = int(weights.sum())
        if not total or float((tokens.str.len() * weights).sum()) / total > 40:
            continue
        counts = weights.groupby(tokens.to_numpy()).sum()
        if sep in _INSIDE_OPTIONS:
            joined = int(text.str.contains(sep, regex=False).sum())
            numbers = float(weights[tokens.str.contains(r"\d")].sum()) / total
            if joined <= len(counts) or numbers > 0.1:
                continue
        # A part is an option when it recurs in other answers (alone or with other parts):
        # the same answer given many times repeats its clauses too (QA28 #3: "Nothing, keep
        # it up" made "Nothing" and "keep it up" options), so repeats count across answers.
        answers_with = pd.Series(tokens.index.to_numpy()).groupby(tokens.to_numpy()).nunique()
        options = answers_with.index[answers_with.to_numpy() >= 2]
        if counts[counts.index.isin(options)].sum() >= 0.5 * total:
            return sep
    return None


_SENTENCE: Final = re.compile(r"[。！？!?]|\.(?:\s|$)")


def _sentences(answers: _Answers) -> bool:
    """Whether the answers are sentences or long: free text, whatever else they look like."""
    text = answers.values
    widths = np.array([display_width(t) for t in text])
    sentence = np.array([bool(_SENTENCE.search(t)) for t in text], dtype=bool)
    mean_width = float((widths * answers.counts).sum()) / answers.n
    return answers.share(sentence) >= 0.3 or mean_width > 30


_CJK: Final = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")
_INNER_MARK: Final = re.compile(r"[,;、，；]")


def _phrase(value: str) -> bool:
    """Whether one answer reads as a phrase someone wrote, not an option picked.

    Six words or more, three or more with a comma inside ("room was small, but clean"), or
    Japanese of 12 characters or more, or with 、: options are shorter ("More than 5 years",
    1年未満).
    """
    if _CJK.search(value):
        width = display_width(value)
        return width >= 24 or (width >= 12 and bool(_INNER_MARK.search(value)))
    words = len(value.split())
    return words >= 6 or (words >= 3 and bool(_INNER_MARK.search(value)))


def _phrases(answers: _Answers) -> bool:
    """Whether the answers are free text by their shape, however few rows (FIX64).

    Most answers are phrases (:func:`_phrase`) and they vary: at least half as many distinct
    answers as answers. A long option picked by many (a big export's "No, I would not") is no
    comment.
    """
    distinct = len(answers.values)
    if distinct < 2 or 2 * distinct < answers.n:
        return False
    return answers.share(np.array([_phrase(v) for v in answers.values], dtype=bool)) >= 0.5


def _header(name: str, question: str | None) -> str:
    """Return the header without a trailing note or colon: お名前（任意）： is お名前."""
    text = unicodedata.normalize("NFKC", question or name).strip()
    text = re.sub(r"\s*\([^()]*\)\s*$", "", text)
    return text.rstrip(" :：?？。.*").strip()


def _whole(values: pd.Series) -> np.ndarray:
    """Return what each value is as a whole by the redaction's rules (``[EMAIL]``, ``[PHONE]``).

    Only short values with an ``@`` or a digit can be an address or a number: comments are not
    redacted here.
    """
    from nps_kit.text.redaction import redact_one

    def one(value: str) -> str:
        if len(value) > 80 or not ("@" in value or any(c.isdigit() for c in value)):
            return value
        return redact_one(value)[0].strip()

    return np.array([one(v) for v in values], dtype=object)


def _person_names(answers: _Answers) -> bool:
    """Whether the answers are people's names: ``佐藤 花子``, ``Jane Smith``.

    Two words in a name's shape are not enough (``North West``, ``New York``): family and given
    names recombine, so most first words and most second words recur with another partner.
    """
    text = answers.values
    head = text.head(50)
    if len(text) < 20 or sum(bool(_NAME_VALUE.fullmatch(v)) for v in head) < 0.8 * len(head):
        return False
    shaped = text[[bool(_NAME_VALUE.fullmatch(v)) for v in text]]
    if len(shaped) < 0.8 * len(text):
        return False
    parts = shaped.str.split(" ", n=1, expand=True)
    first, last = parts[0], parts[1]
    return bool(first.duplicated(keep=False).mean() >= 0.5) and bool(
        last.duplicated(keep=False).mean() >= 0.5
    )


def _number_cells(values: pd.Series) -> bool:
    """Whether a column holds numbers as numbers (not text, not true/false)."""
    return pd.api.types.is_numeric_dtype(values.dtype) and not pd.api.types.is_bool_dtype(
        values.dtype
    )


def _personal(
    name: str, question: str | None, answers: _Answers, values: pd.Series
) -> tuple[Kind, str] | None:
    """Return ``("email"|"phone"|"name", detail)`` for a column of who answered, else ``None``.

    A column of number cells (a workbook's numbers, a Parquet float) holds no phone numbers: a
    phone is written as text (QA31: Medallia's Excel serial dates, ``46203.995139``, read as
    dotted phone numbers, so the export had no date column and ``init --from`` stopped).
    """
    header = _header(name, question)
    probe = _Answers(answers.values.head(200), answers.counts[:200])
    from nps_kit.text.redaction import placeholder

    whole = _whole(probe.values)
    # Microsoft Forms' "anonymous" beside the addresses it did record (signed-in respondents)
    # names nobody: the addresses are judged among the answers that name someone (REVIEW33: a
    # few addresses among 'anonymous' were groups of a proposed "NPS by Email").
    # So does a dump's NULL (None, NA) where a customer left no address (QA35: 70 % NULL made
    # a warehouse's e-mail column a breakdown).
    folded = probe.values.str.strip().str.casefold()
    anonymous = (folded.isin(ANONYMOUS) | folded.isin(MISSING_WORDS)).to_numpy()
    named = 1.0 - probe.share(anonymous)
    email = probe.share((whole == placeholder("email")) & ~anonymous) / named if named else 0.0
    if email >= 0.5 or (email >= 0.2 and _EMAIL_NAME.search(header)):
        return "email", Detail("emails")
    # A UK mobile typed without spaces (07700900123) is no [PHONE] to the comment redaction.
    dialled = np.array([looks_like_phone(v) for v in probe.values], dtype=bool)
    phone = probe.share((whole == placeholder("phone")) | dialled)
    if _number_cells(values):
        phone = 0.0
    if phone >= 0.5 or (phone >= 0.2 and _PHONE_NAME.search(header)):
        return "phone", Detail("phones")
    if _PERSON_NAME.search(header) and not _sentences(probe):
        return "name", Detail("names")
    if _person_names(answers):
        return "name", Detail("names")
    return None


def reach_kind(values: pd.Series, *, column: str) -> Literal["email", "phone"] | None:
    """Tell whether a column holds e-mail addresses or phone numbers, as ``inspect`` reads it.

    The one rule for "which columns hold a means of contact": ``init --from`` offers such a
    column as ``columns.contact_details``; alerts and the report's follow-up box name such
    columns when none is configured (QA25 A-4). A survey tool's own columns (Qualtrics'
    ``Location*``, ``ExternalReference``, ``IPAddress``, ``ResponseId``; SurveyMonkey's
    ``IP Address``, ``Respondent ID``) never are (QA28 #4); a recipient's e-mail is.

    Parameters
    ----------
    values
        The column's cells.
    column
        Its header (an "Email"/"電話番号" header lowers the share of addresses needed).

    Returns
    -------
    {"email", "phone"} or None
        What the column holds, ``None`` when it is neither.
    """
    if column in _TOOL_META:
        return None
    answers = _answers(values)
    found = _personal(column, None, answers, values) if answers.n else None
    if found is None or found[0] not in ("email", "phone"):
        return None
    return "email" if found[0] == "email" else "phone"


def _dates_read(
    values: pd.Series, *, date_format: str | None, source: str | None = None
) -> tuple[int, DateParse]:
    """Parse each distinct cell once; return how many cells read as dates, and the parse."""
    present = values.dropna()
    distinct = present.drop_duplicates()
    counts = present.value_counts(sort=False).reindex(distinct).to_numpy()
    dates = parse_date_values(
        distinct.reset_index(drop=True), date_format=date_format, source=source
    )
    return int(counts[dates.dates.notna().to_numpy()].sum()), dates


def _date_note(
    name: str,
    values: pd.Series,
    dates: DateParse,
    bad: int,
    n: int,
    *,
    taken: bool,
    lang: Language = "en",
) -> str:
    """Say how many of a date-like column's values are not dates, with examples, in ``lang``."""
    distinct = values.dropna().drop_duplicates().reset_index(drop=True)
    unread = distinct[dates.unparsed.to_numpy()].astype(str).str.strip()
    quote = (lambda v: f"「{v}」") if lang == "ja" else repr
    examples = join_names(map(quote, unread.head(3)), lang)
    what = t("inspect.not_dates_taken" if taken else "inspect.not_dates_left", lang)
    return t(
        "inspect.not_dates", lang, column=name, bad=f"{bad:,}", n=f"{n:,}", examples=examples,
        what=what,
    )  # fmt: skip
