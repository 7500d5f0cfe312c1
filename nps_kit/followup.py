"""Follow-up questions: categorical, multi-select and rating summaries.

Every table here describes the *respondents with a valid score* (``score`` not NA), like every
other NPS table, so that shares, segment splits and NPS refer to the same people. A respondent who
skipped the follow-up question is *missing*: missing respondents are not part of the denominator of
``share`` and are reported in a separate last row (``missing`` is ``True``, ``share`` is NaN) whose
NPS shows whether skippers differ.

The NPS maths (counts, interval, small-sample flag, suppression) come from
:func:`nps_kit.score.score_groups`; this module only reshapes answers into groups. With a
``weight`` column every share, NPS and mean is weighted, and intervals and small-sample flags use
Kish's effective sample size, exactly as in the headline; ``n`` stays the number of respondents.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from nps_kit._value_key import SEPARATOR_FAMILIES, one_spelling
from nps_kit._values import MISSING_WORDS, NO_ANSWER_WORDS, read_numbers
from nps_kit.errors import DataError, missing_column
from nps_kit.load import row_key
from nps_kit.ordinal import not_applicable
from nps_kit.score import DEFAULT_MIN_REPORT_N, hide_below_floor, hide_complement

__all__ = [
    "MISSING_TOKENS",
    "categorical_summary",
    "explode_options",
    "keep_top",
    "multi_select_summary",
    "parse_ratings",
    "ratings_summary",
]

#: Cell texts that mean "no answer" in a rating (compared after NFKC normalisation,
#: case-insensitively): a rating must be a number, so ``NA`` and ``None`` are no answer there.
MISSING_TOKENS = MISSING_WORDS

_SEGMENTS = ("promoter", "passive", "detractor")
_OUTPUT_COLUMNS = [
    "n",
    "share",
    "share_promoters",
    "share_passives",
    "share_detractors",
    "nps",
    "ci_low",
    "ci_high",
    "small_sample",
    "suppressed",
    "missing",
]


def keep_top(values: pd.Series, *, top_n: int | None, other: str = "Other") -> pd.Series:
    """Keep the ``top_n`` most frequent values and replace the rest by ``other``.

    Parameters
    ----------
    values
        Answers (NA stays NA and does not count).
    top_n
        How many distinct values to keep; ``None`` keeps all. When only one value would go
        into ``other`` it is kept as it is.
    other
        The label of the rest ("Other" / "その他").

    Returns
    -------
    pandas.Series
        Same index; object dtype.
    """
    counts = values.value_counts(dropna=True, sort=False)
    if top_n is None or len(counts) <= top_n + 1:
        return values
    order = pd.DataFrame({"n": counts.to_numpy(), "key": counts.index.astype(str)})
    order = order.sort_values(["n", "key"], ascending=[False, True], kind="stable")
    kept = set(counts.index[order.index[:top_n]])
    out = values.astype(object)
    rare = values.notna() & ~values.isin(kept)
    out.loc[rare] = other
    return out


def _other_last(table: pd.DataFrame, key: str, other: str | None) -> pd.DataFrame:
    """Move the ``other`` row after the real answers (before the ``missing`` row)."""
    if other is None:
        return table
    is_other = (table[key].astype(object) == other) & ~table["missing"]
    if not is_other.any():
        return table
    rank = np.where(table["missing"], 2, np.where(is_other, 1, 0))
    return table.iloc[np.argsort(rank, kind="stable")].reset_index(drop=True)


def categorical_summary(
    data: pd.DataFrame,
    column: str,
    *,
    codes: Mapping[Any, str] | None = None,
    score: str = "nps_score",
    weight: str | None = None,
    level: float = 0.95,
    min_n: int = 30,
    min_report_n: int = DEFAULT_MIN_REPORT_N,
    top_n: int | None = None,
    other: str = "Other",
    order: Sequence[str] | None = None,
) -> pd.DataFrame:
    """Summarise a single-choice question: share and NPS per answer.

    Parameters
    ----------
    data
        Response frame with the score column and ``column``.
    column
        The follow-up question's column.
    codes
        Optional map from answer code to label (e.g. Qualtrics ``{1: "Web search"}``); every
        answer must then be a code or a label, else :class:`~nps_kit.errors.DataError`.
    score
        Column with the 0–10 score; rows where it is NA are ignored.
    weight
        Optional column of response weights (``nps_weight``): shares, segment splits and NPS
        are then weighted, intervals and the small-sample flag use Kish's effective n.
    level, min_n, min_report_n
        Passed to :func:`nps_kit.score.score_groups` (interval level, small-sample and
        suppression thresholds).
    top_n, other
        Show the ``top_n`` most frequent answers and the rest as one ``other`` row (after the
        answers); ``None`` shows every answer.
    order
        The answers in display order (a code table's, ``value_labels``: 年代 1 … 6): the
        rows follow it, answers it does not list after them; ``None``: most frequent first.

    Returns
    -------
    pandas.DataFrame
        One row per answer, most frequent first (or in ``order``), then one ``missing`` row:
        ``answer``, ``n``, ``share`` (percent of respondents who answered),
        ``share_promoters``, ``share_passives``, ``share_detractors`` (percent of that
        segment's answering respondents who gave this answer), ``nps``, ``ci_low``,
        ``ci_high``, ``small_sample``, ``suppressed`` and ``missing``. Suppressed rows keep
        ``n`` and ``share`` but hide the segment split and NPS. The rows partition the scored
        respondents, so when the hidden ones hold fewer than ``min_report_n`` together the
        smallest shown answers are hidden too, marked ``complementary``
        (:func:`nps_kit.score.hide_complement`). A multi-select question
        (:func:`multi_select_summary`) is no partition: its rows overlap and add up to no total.

    Raises
    ------
    DataError
        If ``column`` or ``score`` is not in ``data``, or an answer is not in ``codes``.
    """
    scored = _scored(data, [column, *([weight] if weight else [])], score)
    answers = scored[column].map(_clean_cell)
    if codes is not None:
        answers = _decode(
            answers.map(lambda cell: [] if cell is None else [cell]), scored, column, codes
        )
        answers = answers.map(lambda tokens: tokens[0] if tokens else None)
    kept = [score, *([weight] if weight else [])]
    # One answer however its cells spell it (Ｅメール / Eメール, Web / web), as units and
    # breakdowns group (nps_kit._value_key): counted once, before top_n ranks the answers.
    answers = keep_top(one_spelling(answers), top_n=top_n, other=other)
    long = scored[kept].assign(answer=answers).dropna(subset=["answer"])
    skipped = scored.loc[answers.isna(), kept]
    table = _summary(long, "answer", long, skipped, score, weight, level, min_n, min_report_n)
    # One answer per respondent (the blanks a row of their own): the rows partition the
    # respondents the headline counts, so a lone hidden answer would be the rest's complement.
    table = hide_complement(table, "n", min_report_n=min_report_n, keep=("share",))
    if order is not None:
        table = _in_order(table, "answer", order)
    return _other_last(table, "answer", other if top_n is not None else None)


def _in_order(table: pd.DataFrame, key: str, order: Sequence[str]) -> pd.DataFrame:
    """Put the answers in ``order`` (the rest after them, as they were; ``missing`` last)."""
    place = {str(answer): i for i, answer in enumerate(order)}
    rank = [
        (2, 0) if missing else (0, place[str(a)]) if str(a) in place else (1, 0)
        for a, missing in zip(table[key].astype(object), table["missing"], strict=True)
    ]
    moved = sorted(range(len(table)), key=lambda i: rank[i])
    return table.iloc[moved].reset_index(drop=True)


def multi_select_summary(
    data: pd.DataFrame,
    column: str,
    *,
    separator: str | Sequence[str] = ";",
    codes: Mapping[Any, str] | None = None,
    score: str = "nps_score",
    weight: str | None = None,
    level: float = 0.95,
    min_n: int = 30,
    min_report_n: int = DEFAULT_MIN_REPORT_N,
    top_n: int | None = None,
    other: str = "Other",
    order: Sequence[str] | None = None,
) -> pd.DataFrame:
    """Summarise a multi-select question: share of respondents and NPS per option.

    Cells such as ``A;B``, ``A, B``, ``A、B`` or Qualtrics codes ``1,3`` are split into options.
    Each separator also matches its full-width and ideographic forms (``;`` matches ``；``;
    ``,`` matches ``，`` and ``、``). Pass several separators to accept mixed exports, e.g.
    ``separator=(";", ",")``; do not include ``,`` when option labels contain commas. An option
    chosen twice in one cell counts once.

    Parameters
    ----------
    data
        Response frame with the score column and ``column``.
    column
        The multi-select question's column.
    separator
        One separator or several (see above).
    codes
        Optional map from option code to label (``{1: "Website", 2: "App"}``). Every option must
        then be a code or a label; unknown codes raise :class:`~nps_kit.errors.DataError`.
    score
        Column with the 0–10 score; rows where it is NA are ignored.
    weight
        Optional column of response weights; see :func:`categorical_summary`.
    level, min_n, min_report_n
        Passed to :func:`nps_kit.score.score_groups`.
    top_n, other
        Show the ``top_n`` most chosen options and the rest as one ``other`` row (a respondent
        counts once there however many of the rest they chose); ``None`` shows every option.
    order
        The options in display order (a code table's, ``value_labels``): the rows follow it,
        options it does not list after them; ``None``: most chosen first.

    Returns
    -------
    pandas.DataFrame
        One row per option, most chosen first (or in ``order``), then one ``missing`` row:
        ``option``, ``n`` (respondents choosing it), ``share`` (percent of *respondents* who
        answered the question, not of mentions, so shares may add up to more than 100),
        ``share_promoters``, ``share_passives``, ``share_detractors`` (same, within each
        segment), ``nps``, ``ci_low``, ``ci_high`` (NPS of respondents choosing the option),
        ``small_sample``, ``suppressed`` and ``missing``. The options overlap (a respondent in
        several), so they are no partition: no option is the total minus the others, and only
        the floor hides (not the secondary rule of :func:`nps_kit.score.complement_floor`).

    Raises
    ------
    DataError
        If ``column`` or ``score`` is missing, or an option is not in ``codes``; the error's
        ``failures`` lists every unknown code with its row.
    """
    scored = _scored(data, [column, *([weight] if weight else [])], score)
    pattern = _separator_pattern(separator)
    tokens = scored[column].map(lambda cell: _split(cell, pattern))
    if codes is not None:
        tokens = _decode(tokens, scored, column, codes)
    tokens = tokens.map(lambda options: list(dict.fromkeys(options)))
    answered = tokens.map(len) > 0
    kept = [score, *([weight] if weight else [])]
    long = scored.loc[answered, kept].assign(option=tokens[answered]).explode("option")
    # One option however its cells spell it, as categorical_summary's answers.
    long["option"] = one_spelling(long["option"])
    if top_n is not None:
        long["option"] = keep_top(long["option"], top_n=top_n, other=other)
    # Index = respondent: an option once per respondent however many spellings of it (or, as
    # "Other", however many rare options) they chose.
    pairs = pd.DataFrame({"r": long.index.to_numpy(), "o": long["option"].to_numpy()})
    long = long.iloc[np.flatnonzero(~pairs.duplicated().to_numpy())]
    long = long.reset_index(drop=True)
    respondents = scored.loc[answered, kept]
    skipped = scored.loc[~answered, kept]
    table = _summary(
        long, "option", respondents, skipped, score, weight, level, min_n, min_report_n
    )
    if order is not None:
        table = _in_order(table, "option", order)
    return _other_last(table, "option", other if top_n is not None else None)


def explode_options(
    data: pd.DataFrame, column: str, *, separator: str | Sequence[str] = ";"
) -> pd.DataFrame:
    """Return one row per respondent and option of a multi-select question they chose.

    Cells are split as :func:`multi_select_summary` splits them (an option chosen twice in one
    cell counts once), so grouping the result by ``column`` scores each option's respondents:
    a respondent who chose two options is in both groups.

    Parameters
    ----------
    data
        Response frame with ``column``.
    column
        The multi-select question's column.
    separator
        One separator or several (see :func:`multi_select_summary`).

    Returns
    -------
    pandas.DataFrame
        ``data``'s rows, each repeated once per option chosen with that option in ``column``;
        a respondent who chose none keeps one row with ``column`` missing (NA). The index is
        ``data``'s, repeated.

    Raises
    ------
    DataError
        If ``column`` is not in ``data``.
    """
    if column not in data.columns:
        raise missing_column(column, list(data.columns))
    pattern = _separator_pattern(separator)
    tokens = data[column].map(lambda cell: list(dict.fromkeys(_split(cell, pattern))) or [pd.NA])
    return data.assign(**{column: tokens}).explode(column)


def ratings_summary(
    data: pd.DataFrame,
    columns: Mapping[str, str],
    *,
    scale: tuple[float, float] = (1, 5),
    codes: Mapping[str, Mapping[Any, str]] | None = None,
    score: str = "nps_score",
    weight: str | None = None,
    min_report_n: int = DEFAULT_MIN_REPORT_N,
) -> pd.DataFrame:
    """Mean rating per segment for each rating attribute.

    Parameters
    ----------
    data
        Response frame with the score column and the rating columns.
    columns
        Rating column → display label, e.g. ``{"rating_delivery": "配送"}``.
    scale
        Lowest and highest valid rating (inclusive).
    codes
        Per column of a labelled scale, its point → answer (see :func:`parse_ratings`).
    score
        Column with the 0–10 score; rows where it is NA are ignored.
    weight
        Optional column of response weights: ``mean`` is then the weighted mean.
    min_report_n
        The anonymity floor: a segment with fewer valid ratings shows only its ``n``, its
        ``mean`` is NaN (:func:`nps_kit.score.hide_below_floor`).

    Returns
    -------
    pandas.DataFrame
        One row per attribute and segment (``promoter``, ``passive``, ``detractor``, ``all``):
        ``attribute``, ``label``, ``segment``, ``n`` (valid ratings), ``mean`` (weighted when
        ``weight`` is given; NaN when ``n`` or the weights are 0, or ``n`` is under the floor),
        ``invalid`` (non-numeric or out-of-scale values, not used),
        ``missing`` (blank or "no answer") and ``suppressed`` (under the floor).

    Raises
    ------
    DataError
        If a column is not in ``data``.
    """
    from nps_kit.score import segment

    scored = _scored(data, [*columns, *([weight] if weight else [])], score)
    groups = segment(scored[score]).astype("string")
    weights = _weight_values(scored, weight)
    rows: list[dict[str, Any]] = []
    for column, label in columns.items():
        values, invalid = parse_ratings(
            scored[column], scale=scale, codes=(codes or {}).get(column)
        )
        missing = values.isna() & ~invalid
        for name in (*_SEGMENTS, "all"):
            mask = pd.Series(True, index=scored.index) if name == "all" else groups.eq(name)
            mask = mask.fillna(False).astype(bool)
            chosen = values[mask].dropna()
            rows.append(
                {
                    "attribute": column,
                    "label": label,
                    "segment": name,
                    "n": len(chosen),
                    "mean": _mean(chosen, weights),
                    "invalid": int(invalid[mask].sum()),
                    "missing": int(missing[mask].sum()),
                }
            )
    table = pd.DataFrame(
        rows, columns=["attribute", "label", "segment", "n", "mean", "invalid", "missing"]
    )
    # Answers left unused are counts of the segment's size, not of what it rated.
    return hide_below_floor(table, "n", min_report_n=min_report_n, keep=("invalid", "missing"))


def parse_ratings(
    values: pd.Series,
    *,
    scale: tuple[float, float] = (1, 5),
    codes: Mapping[Any, str] | None = None,
) -> tuple[pd.Series, pd.Series]:
    """Parse a rating column into numbers, separating invalid values from missing ones.

    Text is NFKC-normalised first, so full-width digits (``４``) parse. Blank cells and
    :data:`MISSING_TOKENS` (``N/A``, ``無回答`` …) are missing, and so are answers that say the
    question does not apply (:func:`nps_kit.ordinal.not_applicable`: 「該当なし」,
    「利用していない」, "Not applicable") unless ``codes`` gives them a point (「わからない」 as the
    midpoint of a labelled scale); anything else that is not a number within ``scale``, nor an
    answer of ``codes``, is invalid.

    Parameters
    ----------
    values
        The raw column.
    scale
        Lowest and highest valid rating (inclusive).
    codes
        Point → answer of a labelled scale (``{1: "Very dissatisfied", …, 5: "Very
        satisfied"}``, as ``nps-kit init --from`` writes it): an answer is read as its point
        (case and width aside).

    Returns
    -------
    tuple of pandas.Series
        ``(ratings, invalid)``: float ratings with NaN where missing or invalid, and a boolean
        mask of invalid cells, both on ``values.index``.
    """
    low, high = scale
    text = values.astype("string").str.normalize("NFKC").str.strip()
    missing = (values.isna() | text.isna() | text.str.casefold().isin(MISSING_TOKENS)).astype(bool)
    # 「該当なし」, "Not applicable" beside a scale, labelled or of numbers (QA44: a hotel's 1–5
    # breakfast rating, 該当なし for guests without breakfast): no answer, not off the scale;
    # but a point of a labelled scale when its codes say so (わからない as its midpoint).
    cells = text.fillna("")
    beside = {cell: not_applicable(cell) for cell in cells.unique()}  # once per answer
    off = cells.map(beside).astype(bool)
    if codes:
        points = {_answer_key(answer): _point(code) for code, answer in codes.items()}
        off &= ~cells.map(_answer_key).isin(list(points)).astype(bool)
    missing |= off
    # 4,0 is 4, as the score's 9,0 is 9 (German Excel's 0,0 format; FIX49).
    numbers = read_numbers(text.where(~missing))
    if codes:
        said = text.where(~missing).map(lambda cell: points.get(_answer_key(cell)))
        numbers = numbers.fillna(pd.to_numeric(said, errors="coerce").astype(float))
    invalid = ~missing & ~numbers.between(low, high)
    return numbers.where(~invalid & ~missing), invalid.astype(bool)


# --- helpers -----------------------------------------------------------------------------------


def _answer_key(answer: object) -> str | None:
    if not isinstance(answer, str):
        return None
    return " ".join(unicodedata.normalize("NFKC", answer).casefold().split())


def _point(code: object) -> float | None:
    try:
        return float(str(code))
    except ValueError:
        return None


def _scored(data: pd.DataFrame, columns: str | list[str], score: str) -> pd.DataFrame:
    """Return the rows with a valid score, after checking that the columns exist."""
    wanted = [columns] if isinstance(columns, str) else columns
    for name in [score, *wanted]:
        if name not in data.columns:
            raise missing_column(name, data.columns, option="followups")
    return data.loc[data[score].notna()]


def _weight_values(data: pd.DataFrame, weight: str | None) -> pd.Series | None:
    """Weights as floats (a missing weight counts as 0, as scoring leaves such rows out)."""
    if weight is None:
        return None
    return pd.to_numeric(data[weight], errors="coerce").astype(float).fillna(0.0)


def _mean(values: pd.Series, weights: pd.Series | None) -> float:
    """Mean of ``values`` (NaN-free), weighted by ``weights`` on the same index if given."""
    if weights is None:
        return float(values.mean()) if len(values) else np.nan
    w = weights.reindex(values.index)
    total = float(w.sum())
    return float((values * w).sum() / total) if total > 0 else np.nan


def _clean_cell(cell: object) -> object | None:
    """Strip text; turn blanks and "no answer" tokens into ``None``; integral floats into ints."""
    if cell is None or cell is pd.NA or (isinstance(cell, float) and np.isnan(cell)):
        return None
    if isinstance(cell, float) and cell.is_integer():
        return int(cell)
    if isinstance(cell, str):
        text = cell.strip()
        # A categorical answer is kept as written ("NA" is North America): only the words that
        # cannot be an answer are none.
        return None if unicodedata.normalize("NFKC", text).casefold() in NO_ANSWER_WORDS else text
    return cell


def _separator_pattern(separator: str | Sequence[str]) -> re.Pattern[str]:
    chosen = [separator] if isinstance(separator, str) else list(separator)
    if not chosen or any(not s for s in chosen):
        raise ValueError(f"separator must be non-empty strings, got {separator!r}")
    forms: set[str] = set()
    for sep in chosen:
        family = next((f for f in SEPARATOR_FAMILIES if sep in f), (sep,))
        forms.update(family)
    return re.compile("|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True)))


def _split(cell: object, pattern: re.Pattern[str]) -> list[object]:
    value = _clean_cell(cell)
    if value is None:
        return []
    if not isinstance(value, str):
        return [value]
    return [part.strip() for part in pattern.split(value) if part.strip()]


def _code_key(token: object) -> str:
    return unicodedata.normalize("NFKC", str(token)).strip()


def _decode(
    tokens: pd.Series, rows: pd.DataFrame, column: str, codes: Mapping[Any, str]
) -> pd.Series:
    """Map every token through ``codes`` (labels pass through); collect every unknown code."""
    lookup = {_code_key(code): label for code, label in codes.items()}
    labels = set(codes.values())
    # A drop's responses are named by file and row (load.row_key), one file's by row.
    place = row_key(rows, None)
    row_numbers = rows[place] if place in rows.columns else None
    failures: list[dict[str, object]] = []
    decoded: dict[Any, list[object]] = {}
    for index, options in tokens.items():
        out: list[object] = []
        for token in options:
            if token in labels:
                out.append(token)
            elif _code_key(token) in lookup:
                out.append(lookup[_code_key(token)])
            else:
                row = row_numbers.at[index] if row_numbers is not None else index
                failures.append(
                    {"row": row, "column": column, "value": token, "reason": "unknown code"}
                )
        decoded[index] = out
    if failures:
        first = failures[0]
        where = "row" if row_numbers is not None else "index"
        known = ", ".join(str(code) for code in codes)
        more = f" (and {len(failures) - 1} more)" if len(failures) > 1 else ""
        value = str(first["value"])
        fix = f"add the code to 'codes' of the {column!r} follow-up or correct the data."
        hint = fix[0].upper() + fix[1:]
        used = next((f[0] for f in SEPARATOR_FAMILIES if any(c in value for c in f)), None)
        if used is not None:  # e.g. "1,3" read whole because the separator is ";"
            hint = f"If {value!r} lists several codes, set 'separator' to {used!r}; otherwise {fix}"
        raise DataError(
            f"Unknown code {value!r} in column {column!r} at {where} "
            f"{first['row']}{more}; known codes: {known}.",
            hint=hint,
            failures=pd.DataFrame(failures, columns=["row", "column", "value", "reason"]),
        )
    return pd.Series(decoded, dtype=object).reindex(tokens.index)


def _percent(part: pd.Series, whole: float) -> pd.Series:
    numbers = pd.to_numeric(part, errors="coerce").astype(float)
    return numbers * 100.0 / whole if whole else numbers * np.nan


def _summary(
    long: pd.DataFrame,
    key: str,
    respondents: pd.DataFrame,
    skipped: pd.DataFrame,
    score: str,
    weight: str | None,
    level: float,
    min_n: int,
    min_report_n: int,
) -> pd.DataFrame:
    """Turn one row per (respondent, answer) into the per-answer table plus a ``missing`` row.

    Shares divide the (weighted) count of an answer by the (weighted) count of the respondents
    who answered, overall and within each segment; with weights these are sums of weights.
    """
    from nps_kit.score import score_groups, segment

    options = dict(level=level, min_n=min_n, min_report_n=min_report_n, score=score, weight=weight)
    segments = segment(respondents[score])
    w = _weight_values(respondents, weight)
    totals = segments.value_counts() if w is None else w.groupby(segments, observed=False).sum()
    whole = len(respondents) if w is None else float(w.sum())
    columns = [key, *_OUTPUT_COLUMNS]
    if long.empty:
        table = pd.DataFrame(columns=columns)
    else:
        columns_used = [key, score, *([weight] if weight else [])]
        groups = score_groups(long[columns_used], by=[key], **options)  # type: ignore[arg-type]
        table = pd.DataFrame({key: groups[key], "n": groups["n"].astype(int)})
        mentioned = groups["n"]
        long_weights = _weight_values(long, weight)
        if long_weights is not None:  # weighted answer count, also for suppressed answers
            sums = long_weights.groupby(long[key], sort=False).sum()
            mentioned = pd.Series(sums.reindex(groups[key]).to_numpy(), index=groups.index)
        table["share"] = _percent(mentioned, whole)
        for name in _SEGMENTS:
            table[f"share_{name}s"] = _percent(groups[f"{name}s"], float(totals.get(name, 0)))
        for name in ("nps", "ci_low", "ci_high"):
            table[name] = pd.to_numeric(groups[name], errors="coerce").astype(float)
        table["small_sample"] = groups["small_sample"].astype(bool)
        table["suppressed"] = groups["suppressed"].astype(bool)
        table["missing"] = False
        table["_order"] = table[key].astype(str)
        table["_size"] = mentioned.astype(float)  # the (weighted) count the share shows
        table = table.sort_values(["_size", "_order"], ascending=[False, True], kind="stable")
        table = table.drop(columns=["_order", "_size"])
    skipped_row: dict[str, object] = {key: None, "n": len(skipped), "missing": True}
    for name in ("share", *(f"share_{s}s" for s in _SEGMENTS), "nps", "ci_low", "ci_high"):
        skipped_row[name] = np.nan
    if len(skipped):
        result = score_groups(skipped, **options)  # type: ignore[arg-type]
        for name in ("nps", "ci_low", "ci_high"):
            skipped_row[name] = pd.to_numeric(result[name], errors="coerce").astype(float).iloc[0]
        skipped_row["small_sample"] = bool(result["small_sample"].iloc[0])
        skipped_row["suppressed"] = bool(result["suppressed"].iloc[0])
    else:
        skipped_row["small_sample"] = True
        skipped_row["suppressed"] = True
    out = pd.concat([table, pd.DataFrame([skipped_row], columns=columns)], ignore_index=True)
    out["n"] = out["n"].astype(int)
    for name in ("small_sample", "suppressed", "missing"):
        out[name] = out[name].astype(bool)
    return out[columns]
