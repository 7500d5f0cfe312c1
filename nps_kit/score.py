"""NPS scoring: segments, one-group results, grouped tables and comparisons.

Promoters score 9–10, passives 7–8, detractors 0–6. NPS = % promoters − % detractors, in points
(−100…100), computed on valid answers only (missing scores are ignored, never counted).
Grouped scoring factorises the group keys once and counts segments with ``numpy.bincount``, so
it scales to tens of millions of responses.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any, Literal

import numpy as np
import numpy.typing as npt
import pandas as pd

from nps_kit import stats
from nps_kit._value_key import one_spelling
from nps_kit.errors import DataError, missing_column

if TYPE_CHECKING:
    from nps_kit.periods import NamedBy
from nps_kit.ordinal import group_order, labelled_scale, not_applicable

__all__ = [
    "DEFAULT_MIN_N",
    "DEFAULT_MIN_REPORT_N",
    "SEGMENTS",
    "Change",
    "NpsResult",
    "Period",
    "TargetStatus",
    "against_rest",
    "below_floor",
    "compare",
    "complement_floor",
    "control_chart",
    "distribution",
    "hide_below_floor",
    "hide_complement",
    "n_below_floor",
    "nps",
    "score_groups",
    "segment",
    "shown_diff",
    "target_status",
    "told_parts",
]

SEGMENTS: tuple[str, str, str] = ("detractor", "passive", "promoter")
#: Groups with fewer (effective) responses are flagged as imprecise.
DEFAULT_MIN_N = 30
#: Groups with fewer responses are suppressed in group tables, for respondents' anonymity.
DEFAULT_MIN_REPORT_N = 5
# Fewest months with shown counts for p-chart limits (BROWSE36): a centre line pooled from two
# or three points is no baseline, and limits from it flagged both months of a two-month unit.
# Shewhart-chart texts (e.g. Montgomery) fix limits from 20-25 subgroups and treat limits from
# fewer as trial limits; 8 of the trend's 12 months is the floor for those trial limits.
CONTROL_MIN_PERIODS = 8

Period = Literal["week", "month", "quarter", "fiscal-year", "fiscal-quarter"]
Verdict = Literal["improvement", "decline", "no_change", "insufficient_data"]
TargetStatus = Literal["met", "missed", "not_distinguishable", "no_target", "no_data"]

_PERIOD_FREQ = {"week": "W-SUN", "month": "M", "quarter": "Q"}
# 0–6 → detractor (0), 7–8 → passive (1), 9–10 → promoter (2)
_SEGMENT_OF_SCORE = np.array([0, 0, 0, 0, 0, 0, 0, 1, 1, 2, 2], dtype=np.int64)
# Indexed by score code: position −1 (the last) maps missing answers to −1.
_SEGMENT_LUT = np.array([0, 0, 0, 0, 0, 0, 0, 1, 1, 2, 2, -1], dtype=np.int64)

COUNT_COLUMNS = [
    "n",
    "promoters",
    "passives",
    "detractors",
    "pct_promoters",
    "pct_passives",
    "pct_detractors",
    "nps",
    "ci_low",
    "ci_high",
    "n_eff",
    "small_sample",
    "suppressed",
]


@dataclass(frozen=True)
class NpsResult:
    """NPS of one group of responses.

    Attributes
    ----------
    n
        Number of valid responses.
    promoters, passives, detractors
        Counts (weighted sums when weights are used).
    pct_promoters, pct_passives, pct_detractors
        Shares in percent; ``None`` when ``n`` is 0.
    nps
        Net Promoter Score in points; ``None`` when ``n`` is 0.
    ci_low, ci_high
        Adjusted-Wald interval in points; ``None`` when ``n`` is 0.
    n_eff
        Effective sample size (Kish); equals ``n`` without weights.
    small_sample
        ``True`` when ``n_eff`` is below the precision threshold.
    level
        Confidence level of the interval.
    """

    n: int
    promoters: float
    passives: float
    detractors: float
    pct_promoters: float | None
    pct_passives: float | None
    pct_detractors: float | None
    nps: float | None
    ci_low: float | None
    ci_high: float | None
    n_eff: float
    small_sample: bool
    level: float = 0.95

    def to_dict(self) -> dict[str, Any]:
        """Return the fields as a JSON-safe dict (counts as ints when they are whole)."""
        out = asdict(self)
        for key in ("promoters", "passives", "detractors"):
            value = out[key]
            if float(value).is_integer():
                out[key] = int(value)
        return out


@dataclass(frozen=True)
class Change:
    """Change between two NPS values (current − previous).

    Attributes
    ----------
    diff
        Difference in points; ``None`` when either side has no responses.
    ci_low, ci_high
        Adjusted-Wald interval of the difference in points.
    z, p_value
        Adjusted difference over its standard error, and the two-sided p-value of the same
        adjusted-Wald method as the interval.
    verdict
        ``"improvement"`` when the interval lies above 0, ``"decline"`` when it lies below,
        else ``"no_change"``; ``"insufficient_data"`` when either side is empty.
    level
        Confidence level used for the interval and the verdict.
    """

    diff: float | None
    ci_low: float | None
    ci_high: float | None
    z: float | None
    p_value: float | None
    verdict: Verdict
    level: float = 0.95

    @property
    def significant(self) -> bool:
        """Whether the change is statistically significant."""
        return self.verdict in ("improvement", "decline")

    def to_dict(self) -> dict[str, Any]:
        """Return the fields as a JSON-safe dict."""
        return asdict(self)


def segment(scores: pd.Series) -> pd.Series:
    """Classify 0–10 scores as ``detractor`` (0–6), ``passive`` (7–8) or ``promoter`` (9–10).

    Parameters
    ----------
    scores
        Numeric scores; missing values stay missing.

    Returns
    -------
    pandas.Series
        Categorical series with categories ``detractor``, ``passive``, ``promoter``, same index.
    """
    codes = _SEGMENT_LUT[_score_codes(scores, name=str(scores.name))[0]]
    return pd.Series(
        pd.Categorical.from_codes(codes, categories=pd.Index(list(SEGMENTS))),
        index=scores.index,
        name="segment",
    )


def _score_codes(
    scores: pd.Series, *, name: str
) -> tuple[npt.NDArray[np.signedinteger[Any]], bool]:
    """Integer score 0–10 per row, ``-1`` for missing; raise if a value is off the 0–10 scale.

    Integer columns (the common case after loading) take a fast path: a NumPy integer column
    without missing values is returned as it is, after one range check. Also tells whether
    any score is missing.
    """
    dtype = scores.dtype
    if pd.api.types.is_integer_dtype(dtype) and not isinstance(
        dtype, pd.api.extensions.ExtensionDtype
    ):
        ints = scores.to_numpy()
        missing = None
    elif pd.api.types.is_integer_dtype(dtype):
        missing = scores.isna().to_numpy()
        ints = scores.to_numpy(dtype=np.int64, na_value=0)
    else:
        floats = pd.to_numeric(scores, errors="coerce").to_numpy(dtype=np.float64, na_value=np.nan)
        missing = np.isnan(floats)
        off = ~missing & ((floats != np.round(floats)) | (floats < 0) | (floats > 10))
        if off.any():
            _raise_off_scale(floats[off], name)
        ints = np.where(missing, 0, floats).astype(np.int64)
    # One pass checks both ends: seen as unsigned, negative integers are huge.
    if len(ints) and ints.view(f"u{ints.dtype.itemsize}").max() > 10:
        bad = (ints < 0) | (ints > 10)
        if missing is not None:
            bad &= ~missing
        if bad.any():
            _raise_off_scale(ints[bad], name)
    if missing is not None and missing.any():
        return np.where(missing, -1, ints), True
    return ints, False


def _raise_off_scale(values: npt.NDArray[np.generic], name: str) -> None:
    examples = ", ".join(str(v) for v in pd.unique(values.astype(np.float64))[:5])
    raise DataError(
        f"column {name!r} has {len(values)} value(s) outside the 0–10 integer scale "
        f"(e.g. {examples}).",
        hint="Load the file with nps_kit.load.load_responses, which separates invalid answers.",
    )


def _check_columns(data: pd.DataFrame, columns: Sequence[str]) -> None:
    for column in columns:
        if column not in data.columns:
            raise missing_column(column, data.columns)


def _weights(data: pd.DataFrame, weight: str | None) -> npt.NDArray[np.float64] | None:
    if weight is None:
        return None
    w = pd.to_numeric(data[weight], errors="coerce").to_numpy(dtype=np.float64, na_value=np.nan)
    if np.any(w[~np.isnan(w)] < 0):
        raise DataError(f"weight column {weight!r} has negative weights; weights must be ≥ 0.")
    return w


def below_floor(n: npt.ArrayLike, min_report_n: int | None) -> npt.NDArray[np.bool_]:
    """Tell which groups the anonymity floor hides: some responses, but fewer than the floor.

    The one rule behind ``suppressed`` in :func:`score_groups` (breakdowns, answer tables) and
    behind the groups that :mod:`nps_kit.decompose` never names.

    Parameters
    ----------
    n
        Responses per group (unweighted counts).
    min_report_n
        The anonymity floor; ``None`` or ``0`` hides nothing.

    Returns
    -------
    numpy.ndarray
        Boolean, one per group: ``0 < n < min_report_n``. A group without responses hides
        nobody.
    """
    counts = np.asarray(n, dtype=np.float64)
    if not min_report_n:
        return np.zeros(counts.shape, dtype=bool)
    return (counts > 0) & (counts < min_report_n)


def n_below_floor(n: int | None, min_report_n: int | None) -> bool:
    """Whether one month or group of ``n`` responses is under the anonymity floor.

    :func:`below_floor` for one count; an unknown ``n`` (``None``) hides nothing. The one test
    of a unit's month (:func:`nps_kit.summary.under_floor`), a trend point and a compared month.
    """
    return n is not None and bool(below_floor([n], min_report_n)[0])


def hide_below_floor(
    table: pd.DataFrame,
    n: str | npt.ArrayLike,
    *,
    min_report_n: int | None,
    keep: Sequence[str] = (),
) -> pd.DataFrame:
    """Show only the size of the groups under the anonymity floor: every other figure is blank.

    The floor exists so that a group of fewer than ``min_report_n`` people cannot be read. Any
    figure taken from such a group's score mix (its NPS, interval, promoter or detractor counts
    and shares, points gained, change) would let a reader work the NPS out ("this theme's
    detractors 4 of 4" is an NPS of −100), so all of them are blanked, in every table built for a
    report, chart, card, overview or e-mail; only the size stays. The one home of that rule
    (:func:`below_floor` says which groups it hides; :func:`hide_complement` adds the groups a
    breakdown must hide too so that these cannot be worked out from its total).

    Parameters
    ----------
    table
        One row per group (or per group and segment).
    n
        The groups' sizes: a column of ``table`` (kept), or one count per row.
    min_report_n
        The anonymity floor; ``None`` or ``0`` hides nothing.
    keep
        Other numeric columns that say the group's size, not its score mix (e.g. its share of
        all respondents), kept too. Columns that are not numbers (labels, ids) and flags
        (``small_sample``) are always kept.

    Returns
    -------
    pandas.DataFrame
        A copy with ``suppressed`` (:func:`below_floor`) and every other numeric column NaN in
        the suppressed rows.
    """
    size = table[n] if isinstance(n, str) else n
    hidden = below_floor(np.asarray(size, dtype=np.float64), min_report_n)
    out = table.assign(suppressed=hidden)
    return _blank(out, hidden, n, keep)


def _blank(
    table: pd.DataFrame, hidden: npt.NDArray[np.bool_], n: str | npt.ArrayLike, keep: Sequence[str]
) -> pd.DataFrame:
    """Blank every numeric column of the ``hidden`` rows but the size, ``keep`` and flags."""
    if not hidden.any():
        return table
    kept = {*keep, *([n] if isinstance(n, str) else []), "suppressed"}
    out = table.copy()
    for column in out.columns:
        values = out[column]
        if column in kept or pd.api.types.is_bool_dtype(values):
            continue
        if pd.api.types.is_numeric_dtype(values):
            out[column] = values.astype(float).where(~hidden)
    return out


def complement_floor(
    n: npt.ArrayLike,
    min_report_n: int | None,
    *,
    hidden: npt.ArrayLike | None = None,
) -> npt.NDArray[np.bool_]:
    """Tell which shown groups of a partition must be hidden too (complementary suppression).

    When a breakdown's groups partition the responses whose total the report shows (a
    single-choice column: region, plan, channel, one answer per respondent, blanks a group of
    their own), the groups under the floor can be worked out by subtraction: the unit's
    promoters minus the shown groups' promoters are the hidden group's. So when the hidden
    groups together hold fewer than ``min_report_n`` responses (and more than none), the
    smallest shown groups are hidden too, one by one, until the hidden ones together hold at
    least the floor (the classic secondary-suppression rule). What a reader can then subtract
    is the mix of at least ``min_report_n`` people, the pool's; no one hidden group's counts
    follow from it unless the whole pool answered alike, which a shown group of that size
    says as plainly.

    Multi-select breakdowns (a respondent in several options) and rows per segment are not
    partitions: their groups do not add up to a shown total and this rule does not apply.

    Parameters
    ----------
    n
        Responses per group, over every group of the partition (unweighted counts).
    min_report_n
        The anonymity floor; ``None`` or ``0`` hides nothing.
    hidden
        The groups hidden already (default :func:`below_floor`).

    Returns
    -------
    numpy.ndarray
        Boolean, one per group: hidden for this rule only (not the groups under the floor).
        Ties in size go to the group that comes first.
    """
    counts = np.asarray(n, dtype=np.float64)
    extra = np.zeros(counts.shape, dtype=bool)
    if not min_report_n:
        return extra
    primary = (
        below_floor(counts, min_report_n)
        if hidden is None
        else np.asarray(hidden, dtype=bool) & (counts > 0)
    )
    pool = float(counts[primary].sum())
    if pool <= 0 or pool >= min_report_n:
        return extra
    candidates = ~primary & (counts > 0)
    for i in np.argsort(np.where(candidates, counts, np.inf), kind="stable"):
        if not candidates[i] or pool >= min_report_n:
            break
        extra[i] = True
        pool += float(counts[i])
    return extra


def told_parts(
    labels: Sequence[str], n: Sequence[int], min_report_n: int | None
) -> tuple[str, ...]:
    """Return the parts under the floor that a shown total of ``labels`` would tell, if any.

    The parts (a fiscal span's months) partition the total's responses and each is shown on
    its own with only its n when under the floor (a trend's month). The total's NPS and n minus
    the parts shown are then the hidden parts' NPS: told when the hidden parts hold fewer
    than the floor together (:func:`complement_floor`), and the total must not be shown, nor a
    change that tells it. The total is a running one (a fiscal year to date, published every
    month), so the totals through the earlier parts, as this rule shows them in the earlier
    reports, are subtracted too: the year to date through October minus the one through
    September is October, which must not be told when it is under the floor (a branch of 2–3
    answers a month). The one rule of the report's fiscal card and of
    :func:`nps_kit.summary.floor_summary` (a published fiscal year to date, an older
    manifest's too).

    Parameters
    ----------
    labels
        The parts' names, e.g. months ``YYYY-MM``, first to last.
    n
        Responses with a score per part, in the order of ``labels``.
    min_report_n
        The anonymity floor; ``None`` or ``0`` hides nothing.

    Returns
    -------
    tuple of str
        The labels of the parts under the floor the total would tell; empty when it tells none.

    Examples
    --------
    >>> m = ["2026-05", "2026-06"]
    >>> told_parts(m, [20, 3], 5), told_parts(m, [20, 3], 0), told_parts(m, [3, 4], 5)
    (('2026-06',), (), ())
    >>> told_parts(["2026-04", "2026-05", "2026-06"], [3, 4, 2], 5)  # May's total minus June's
    ('2026-06',)
    """
    shown: list[int] = []  # the earlier parts through which the running total is shown
    told: tuple[str, ...] = ()
    for last in range(len(n)):
        told = _told_by(labels, n, min_report_n, 0, last)
        for end in shown:
            told = told or _told_by(labels, n, min_report_n, end + 1, last)
        if not told:
            shown.append(last)
    return told


def _told_by(
    labels: Sequence[str], n: Sequence[int], min_report_n: int | None, first: int, last: int
) -> tuple[str, ...]:
    """Return the parts under the floor the total of parts ``first`` to ``last`` tells."""
    counts = np.asarray(n[first : last + 1], dtype=np.float64)
    hidden = below_floor(counts, min_report_n)
    # The parts shown subtracted, the hidden ones' pool is told unless it holds the floor
    # (:func:`complement_floor`); with none shown, the total is that pool.
    pool = float(counts[hidden].sum())
    if not min_report_n or pool <= 0 or pool >= min_report_n:
        return ()
    return tuple(m for m, h in zip(labels[first : last + 1], hidden, strict=True) if h)


#: The periods of several months whose rows :func:`hide_told_spans` checks.
_SPANS = ("quarter", "fiscal-quarter", "fiscal-year")


def hide_told_spans(
    table: pd.DataFrame,
    data: pd.DataFrame,
    *,
    by: Sequence[str] | str = (),
    period: Period,
    fiscal_starts: Sequence[int] = (4,),
    fiscal_named_by: NamedBy = "start",
    min_report_n: int | None,
    keep: Sequence[str] = (),
    score: str = "nps_score",
    date: str = "nps_date",
) -> pd.DataFrame:
    """Hide the rows of several months that, with the years to date shown, tell a month.

    A quarter's or fiscal year's row is a total over months; so is each fiscal year to date
    a report shows (:func:`told_parts`). A row of ``score --period quarter`` minus the year to
    date through the month before it, or a fiscal year's row minus the year to date through
    September, is a month or a pool of months that may be under the floor (REVIEW45: a small
    branch's October, hidden in its report, was the fiscal year's row minus September's year
    to date). So a row is shown only when it follows from what the floor shows: in each fiscal
    year it spans (by every start of ``fiscal_starts``), its months under the floor lie between
    two years to date shown by :func:`told_parts`, one through a month before the first of them
    (or before the fiscal year) and one through a month from the last of them, the months
    outside those two shown on their own. It then tells nothing they do not.

    Parameters
    ----------
    table
        :func:`score_groups`' rows by ``by`` and ``period``, after :func:`hide_below_floor`.
    data
        The responses they were scored from.
    by, period, score, date
        As given to :func:`score_groups`.
    fiscal_starts
        The first months of the fiscal years whose years to date are shown (one per unit);
        the first is the one ``table``'s fiscal periods were labelled by.
    fiscal_named_by
        Which year names them, as given to :func:`score_groups`.
    min_report_n
        The anonymity floor; ``None`` or ``0`` hides nothing.
    keep
        As in :func:`hide_below_floor`.

    Returns
    -------
    pandas.DataFrame
        ``table`` with such rows ``suppressed`` and blank, ``told`` marking them; unchanged for
        other periods.
    """
    from nps_kit.periods import fiscal_period, fiscal_to_date, shift_period

    if not min_report_n or period not in _SPANS or table.empty:
        return table
    keys = [by] if isinstance(by, str) else list(by)
    monthly = score_groups(data, by=keys, period="month", score=score, date=date)
    first_of = {
        "quarter": lambda m: str(pd.Period(m, freq="M").asfreq("Q").asfreq("M", how="start")),
        "fiscal-quarter": lambda m: fiscal_period(m, fiscal_starts[0], quarter=True)[1],
        "fiscal-year": lambda m: fiscal_period(m, fiscal_starts[0])[1],
    }[period]
    counts: dict[tuple[Any, ...], dict[str, int]] = {}
    spans: dict[str, tuple[str, str]] = {}  # label: first and last month
    for row in monthly[[*keys, "period", "n"]].itertuples(index=False):
        *group, month, n = row
        counts.setdefault(_group_of(group), {})[str(month)] = int(n)
        label = _span_label(str(month), period, fiscal_starts[0], fiscal_named_by)
        first = first_of(str(month))
        spans[label] = (first, shift_period(first, 11 if period == "fiscal-year" else 2))

    def shown(group: dict[str, int], month: str, start: int) -> bool:
        months = fiscal_to_date(month, start).months
        return not told_parts(months, [group.get(m, 0) for m in months], min_report_n)

    def follows(group: dict[str, int], first: str, last: str, start: int) -> bool:
        month = first
        while month <= last:
            year = fiscal_to_date(month, start).first
            end = min(last, shift_period(year, 11))
            # Its months under the floor lie between two years to date shown, the months
            # outside them shown on their own: the part is their difference, give or take those.
            hidden = [
                m
                for m in fiscal_to_date(end, start).months
                if m >= month and 0 < group.get(m, 0) < min_report_n
            ]
            if hidden:
                before = [shift_period(month, -1), *_months(month, shift_period(hidden[0], -1))]
                after = _months(hidden[-1], end)
                if not any(m < year or shown(group, m, start) for m in before):
                    return False
                if not any(shown(group, m, start) for m in after):
                    return False
            month = shift_period(end, 1)
        return True

    told = np.zeros(len(table), dtype=bool)
    primary = table["suppressed"].fillna(False).to_numpy(dtype=bool)
    for i, row in enumerate(table[[*keys, "period"]].itertuples(index=False)):
        *group, label = row
        span = spans.get(str(label))
        if primary[i] or span is None:
            continue
        months = counts.get(_group_of(group), {})
        told[i] = not all(follows(months, *span, start) for start in fiscal_starts)
    out = _blank(table, told, "n", keep)
    return out.assign(suppressed=primary | told, told=told)


def _months(first: str, last: str) -> list[str]:
    """Return the months ``first`` to ``last`` (``YYYY-MM``), none when ``last`` is earlier."""
    from nps_kit.periods import shift_period

    out = []
    while first <= last:
        out.append(first)
        first = shift_period(first, 1)
    return out


def _group_of(values: Sequence[Any]) -> tuple[Any, ...]:
    """Return a group's keys as a dictionary key (a blank answer, NaN, is one group)."""
    return tuple(None if pd.isna(v) else v for v in values)


def _span_label(month: str, period: Period, fiscal_start: int, named_by: NamedBy) -> str:
    """Return the label :func:`score_groups` gives the span of ``period`` holding ``month``."""
    from nps_kit.periods import fiscal_period

    if period == "quarter":
        return str(pd.Period(month, freq="M").asfreq("Q").strftime("%Y-Q%q"))
    quarter = period == "fiscal-quarter"
    return fiscal_period(month, fiscal_start, quarter=quarter, named_by=named_by)[0]


def hide_complement(
    table: pd.DataFrame,
    n: str,
    *,
    min_report_n: int | None,
    keep: Sequence[str] = (),
) -> pd.DataFrame:
    """Hide the further groups of a partition that :func:`complement_floor` names.

    ``table`` has one row per group of a partition shown with its total (a breakdown by a
    single-choice column), after :func:`hide_below_floor`. A group hidden for this rule keeps
    its size, like a group under the floor: every group's size is shown or follows from the
    total anyway, and sizes say nothing of the mix; with the pooled counts and every hidden
    size known, a hidden group of ``k`` among ``N`` hidden people with ``P`` promoters between
    them may hold any number of promoters from ``max(0, P − (N − k))`` to ``min(k, P)``.

    Parameters
    ----------
    table
        One row per group of the partition, with ``suppressed`` (:func:`hide_below_floor`);
        without it the floor is applied here first.
    n
        The column of group sizes.
    min_report_n
        The anonymity floor; ``None`` or ``0`` hides nothing.
    keep
        As in :func:`hide_below_floor`.

    Returns
    -------
    pandas.DataFrame
        A copy where the groups hidden for this rule also have ``suppressed`` set and their
        figures blank, with ``complementary`` marking them (so the report can say why they are
        blank: not too few responses of their own). Text columns stay: apply it before
        anything that reads the groups' mix into words (:func:`against_rest` does).
    """
    if "suppressed" not in table.columns:
        table = hide_below_floor(table, n, min_report_n=min_report_n, keep=keep)
    sizes = pd.to_numeric(table[n], errors="coerce").fillna(0).to_numpy(dtype=np.float64)
    primary = table["suppressed"].fillna(False).to_numpy(dtype=bool)
    extra = complement_floor(sizes, min_report_n, hidden=primary)
    out = _blank(table, extra, n, keep)
    return out.assign(suppressed=primary | extra, complementary=extra)


def _result_columns(
    counts: npt.NDArray[np.float64],
    n: npt.NDArray[np.int64],
    n_eff: npt.NDArray[np.float64],
    *,
    level: float,
    min_n: int,
) -> dict[str, Any]:
    """Columns of a grouped table from per-group segment counts (shape groups × 3).

    Nothing is hidden here (``suppressed`` all false): :func:`score_groups` applies the floor
    with :func:`hide_below_floor`, its one home.
    """
    det, pas, pro = counts[:, 0], counts[:, 1], counts[:, 2]
    total = det + pas + pro
    with np.errstate(invalid="ignore", divide="ignore"):
        pct_pro = np.where(total > 0, 100.0 * pro / total, np.nan)
        pct_pas = np.where(total > 0, 100.0 * pas / total, np.nan)
        pct_det = np.where(total > 0, 100.0 * det / total, np.nan)
    low, high = stats.nps_interval_array(pro, pas, det, n_eff=n_eff, level=level)
    columns: dict[str, Any] = {
        "n": n,
        "promoters": pro,
        "passives": pas,
        "detractors": det,
        "pct_promoters": pct_pro,
        "pct_passives": pct_pas,
        "pct_detractors": pct_det,
        "nps": pct_pro - pct_det,
        "ci_low": low,
        "ci_high": high,
        "n_eff": n_eff,
        "small_sample": n_eff < min_n,
        "suppressed": np.zeros(len(n), dtype=bool),
    }
    return columns


def _segment_counts(
    scores: npt.NDArray[np.signedinteger[Any]],
    codes: npt.NDArray[np.intp],
    n_groups: int,
    weights: npt.NDArray[np.float64] | None,
    *,
    complete: bool = False,
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.int64], npt.NDArray[np.float64]]:
    """Per-group (detractor, passive, promoter) counts, valid n and Kish effective n.

    ``scores`` holds scores 0–10 (−1 = missing), ``codes`` group codes (−1 = left out);
    ``complete`` says the caller knows neither has a −1, which saves two passes. Counting
    the 11 scores per group with one ``bincount`` and summing them into segments afterwards
    needs no per-row segment lookup.
    """
    flat = codes * 11 + scores
    valid: npt.NDArray[np.bool_] | None = None
    if weights is not None:
        valid = (scores >= 0) & (codes >= 0) & ~np.isnan(weights)
    elif not complete and len(flat) and (scores.min() < 0 or codes.min() < 0):
        valid = (scores >= 0) & (codes >= 0)
    if valid is not None:
        flat = flat[valid]
    w = None if weights is None else weights[valid]
    per_score = np.bincount(flat, weights=w, minlength=n_groups * 11).astype(np.float64)
    per_score = per_score.reshape(n_groups, 11)
    counts = np.stack(
        [per_score[:, :7].sum(axis=1), per_score[:, 7:9].sum(axis=1), per_score[:, 9:].sum(axis=1)],
        axis=1,
    )
    if w is None:
        n = counts.sum(axis=1).astype(np.int64)
        return counts, n, n.astype(np.float64)
    assert valid is not None
    group = codes[valid]
    n = np.bincount(group, minlength=n_groups).astype(np.int64)
    sum_w = np.bincount(group, weights=w, minlength=n_groups)
    sum_w2 = np.bincount(group, weights=w * w, minlength=n_groups)
    with np.errstate(invalid="ignore", divide="ignore"):
        n_eff = np.where(sum_w2 > 0, sum_w**2 / sum_w2, 0.0).astype(np.float64)
    return counts, n, n_eff


def nps(
    data: pd.DataFrame,
    *,
    score: str = "nps_score",
    weight: str | None = None,
    level: float = 0.95,
    min_n: int = DEFAULT_MIN_N,
) -> NpsResult:
    """Score one group of responses.

    Parameters
    ----------
    data
        Responses; the ``score`` column holds 0–10 integers or missing values.
    score
        Name of the score column (``nps_score`` in frames from :func:`nps_kit.load.load_responses`).
    weight
        Optional name of a column of non-negative response weights. The interval then uses Kish's
        effective sample size.
    level
        Confidence level of the interval.
    min_n
        Precision threshold: results with fewer (effective) responses are flagged ``small_sample``.

    Returns
    -------
    NpsResult
        Counts, shares, NPS and its adjusted-Wald interval.

    Examples
    --------
    >>> import pandas as pd
    >>> nps(pd.DataFrame({"nps_score": [10, 9, 8, 3]})).nps
    25.0
    """
    _check_columns(data, [score] + ([weight] if weight else []))
    values, missing = _score_codes(data[score], name=score)
    codes = np.zeros(len(values), dtype=np.intp)
    counts, n, n_eff = _segment_counts(
        values, codes, 1, _weights(data, weight), complete=not missing
    )
    cols = _result_columns(counts, n, n_eff, level=level, min_n=min_n)
    empty = int(n[0]) == 0

    def opt(key: str) -> float | None:
        return None if empty else float(cols[key][0])

    return NpsResult(
        n=int(n[0]),
        promoters=float(cols["promoters"][0]),
        passives=float(cols["passives"][0]),
        detractors=float(cols["detractors"][0]),
        pct_promoters=opt("pct_promoters"),
        pct_passives=opt("pct_passives"),
        pct_detractors=opt("pct_detractors"),
        nps=opt("nps"),
        ci_low=opt("ci_low"),
        ci_high=opt("ci_high"),
        n_eff=float(n_eff[0]),
        small_sample=bool(cols["small_sample"][0]),
        level=level,
    )


def _nps_of_masks(
    data: pd.DataFrame,
    masks: npt.NDArray[np.bool_],
    *,
    score: str,
    weight: str | None,
    level: float,
) -> dict[str, Any]:
    """Return :func:`nps`'s figures of the rows each mask selects, as arrays (one per mask).

    ``masks`` is boolean (masks, rows of ``data``); the masks may overlap. Every figure is the
    one ``nps(data[mask])`` gives, bit for bit (each group's rows are counted and weighed in the
    same order), with ``nan`` where that returns ``None``; one ``bincount`` for all of them
    instead of a frame and a call per mask (``theme_impact``: two per theme).
    """
    _check_columns(data, [score] + ([weight] if weight else []))
    values, _ = _score_codes(data[score], name=score)
    weights = _weights(data, weight)
    group, row = np.nonzero(masks)  # by mask, each mask's rows in order
    counts, n, n_eff = _segment_counts(
        values[row], group, len(masks), None if weights is None else weights[row]
    )
    return _result_columns(counts, n, n_eff, level=level, min_n=DEFAULT_MIN_N)


def _fiscal_keys(
    parsed: pd.Series, period: Period, fiscal_start: int, named_by: NamedBy = "start"
) -> tuple[pd.Series, pd.Series]:
    """Fiscal period label (``FY2026``, ``FY2026 Q1``) and start timestamp per row.

    Each distinct month is named once by :func:`nps_kit.periods.fiscal_period`, the one rule.
    """
    from nps_kit.periods import fiscal_period

    codes, months = pd.factorize(parsed.dt.to_period("M"))  # no date: −1
    named = [
        fiscal_period(str(m), fiscal_start, quarter=period == "fiscal-quarter", named_by=named_by)
        for m in months
    ]
    labels = np.array([label for label, _ in named] + [pd.NA], dtype=object)
    # the last is the start of no period: rows without a date (code −1)
    firsts = pd.Series([first for _, first in named] + ["NaT"])
    starts = pd.to_datetime(firsts, format="%Y-%m").to_numpy()
    label = pd.Series(labels[codes], index=parsed.index, dtype="string")
    return label, pd.Series(starts[codes], index=parsed.index)


def _period_keys(
    dates: pd.Series, period: Period, fiscal_start: int = 4, named_by: NamedBy = "start"
) -> tuple[pd.Series, pd.Series]:
    """Period label (``2026-10``, ``2026-Q3``, ``2026-W41``, ``FY2026 Q1``) and start per row."""
    parsed = pd.to_datetime(dates, errors="coerce")
    if period in ("fiscal-year", "fiscal-quarter"):
        return _fiscal_keys(parsed, period, fiscal_start, named_by)
    periods = parsed.dt.to_period(_PERIOD_FREQ[period])
    start = periods.dt.start_time
    if period == "month":
        label = periods.dt.strftime("%Y-%m")
    elif period == "quarter":
        label = periods.dt.strftime("%Y-Q%q")
    else:
        iso = start.dt.isocalendar()
        label = iso["year"].astype("string") + "-W" + iso["week"].astype("string").str.zfill(2)
    return label.astype("string"), start


def score_groups(
    data: pd.DataFrame,
    *,
    by: Sequence[str] | str = (),
    period: Period | None = None,
    score: str = "nps_score",
    date: str = "nps_date",
    weight: str | None = None,
    level: float = 0.95,
    min_n: int = DEFAULT_MIN_N,
    min_report_n: int = DEFAULT_MIN_REPORT_N,
    order: Mapping[str, Sequence[str]] | None = None,
    fiscal_start: int = 4,
    fiscal_named_by: NamedBy = "start",
) -> pd.DataFrame:
    """Score every group of responses: one tidy row per group.

    Parameters
    ----------
    data
        Responses with a 0–10 ``score`` column (missing values ignored).
    by
        Column name(s) to group by. Missing keys form their own group.
    period
        Also group by calendar ``"week"`` (ISO, Monday start), ``"month"`` or ``"quarter"`` of
        the ``date`` column, or by ``"fiscal-year"`` (``FY2026``, named as ``fiscal_named_by``
        says) or ``"fiscal-quarter"`` (``FY2026 Q1``, its first three months); rows without a
        date are left out of period groups.
    score, date, weight
        Column names; see :func:`nps`.
    level
        Confidence level of the intervals.
    min_n
        Precision threshold: groups with fewer (effective) responses get ``small_sample=True``.
    min_report_n
        Anonymity floor: groups with fewer responses get ``suppressed=True`` and their counts,
        shares, NPS and interval are blanked (``n`` is kept). ``0`` disables suppression.
    order
        ``{key: its values in order}``, e.g. a code table's labels
        (:func:`nps_kit._value_labels.label_order`): that key's groups in this order, any
        value not in it after them.
    fiscal_start
        The fiscal year's first month (1–12; 4 = April, 年度) of the fiscal periods.
    fiscal_named_by
        Which year names them (:func:`nps_kit.periods.fiscal_year_name`): ``"start"``
        (``FY2026`` for April 2026 to March 2027) or ``"end"`` (``FY2027``).

    Returns
    -------
    pandas.DataFrame
        Columns: the ``by`` keys, then ``period`` and ``period_start`` when grouping by period,
        then ``n, promoters, passives, detractors, pct_promoters, pct_passives, pct_detractors,
        nps, ci_low, ci_high, n_eff, small_sample, suppressed``. Sorted by the keys (in
        ``order``'s order, or a labelled scale's). Groups with no valid response are left out.
    """
    keys = [by] if isinstance(by, str) else list(by)
    if period is not None and period not in (*_PERIOD_FREQ, "fiscal-year", "fiscal-quarter"):
        raise DataError(
            "period must be one of 'week', 'month', 'quarter', 'fiscal-year', 'fiscal-quarter'; "
            f"got {period!r}.",
        )
    if not 1 <= fiscal_start <= 12:
        raise DataError(f"fiscal_start must be a month number 1–12; got {fiscal_start!r}.")
    needed = [score, *keys] + ([date] if period else []) + ([weight] if weight else [])
    _check_columns(data, needed)
    values, missing = _score_codes(data[score], name=score)

    # One group per value however its rows spell it (ﾐﾗｲ / ミライ, North / north: QA29 F3),
    # as units match their filter values (nps_kit._value_key).
    key_frame = {k: one_spelling(_no_answer_off_scale(data[k])) for k in keys}
    period_start: pd.Series | None = None
    if period is not None:
        label, period_start = _period_keys(data[date], period, fiscal_start, fiscal_named_by)
        key_frame["period"] = label
    names = list(key_frame)
    codes, uniques, left_out = _factorize(key_frame, len(values))
    n_groups = len(uniques)
    counts, n, n_eff = _segment_counts(
        values, codes, n_groups, _weights(data, weight), complete=not (missing or left_out)
    )
    columns = _result_columns(counts, n, n_eff, level=level, min_n=min_n)
    table = pd.DataFrame({name: uniques[name] for name in names})
    if period_start is not None:
        starts = pd.Series(period_start.to_numpy(), dtype="datetime64[ns]")
        first = (
            pd.DataFrame({"code": codes, "start": starts})
            .loc[lambda f: f["code"] >= 0]
            .groupby("code")["start"]
            .min()
        )
        table["period_start"] = first.reindex(range(n_groups)).to_numpy()
    for name, column in columns.items():
        table[name] = column
    # The floor's one home blanks what a group under it would tell; the keys (a numeric rating
    # 1–5 is a key too) and n_eff, which the weights alone make (n without weights), stay.
    table = hide_below_floor(table, "n", min_report_n=min_report_n, keep=(*names, "n_eff"))
    table = table.loc[table["n"] > 0]
    if names:
        # A labelled scale's answers in the scale's order, as the report shows them (QA28 #8:
        # とても不満, とても満足, どちらでもない … in code-point order): ordinal.group_order.
        # A key given an order (a code table's: 年代 1 … 6) is in that order first.
        given = order or {}
        placed = {n: _given_positions(table[n], given[n]) for n in given if n in keys}
        scales = {
            name: placed.get(name) or _scale_positions(table[name])
            for name in names
            if name in keys
        }

        def scale_key(column: pd.Series) -> pd.Series:
            positions = scales.get(str(column.name))
            return column if positions is None else column.map(positions)

        def mixed_key(column: pd.Series) -> pd.Series:
            name = str(column.name)
            return column.map(placed[name]) if name in placed else _mixed_key(column)

        try:
            table = table.sort_values(names, kind="stable", na_position="last", key=scale_key)
        except TypeError:
            # Ratings 1–5 beside a "(no answer)" group (QA23): numbers first, then text.
            table = table.sort_values(names, kind="stable", na_position="last", key=mixed_key)
    return table.reset_index(drop=True)


def _scale_positions(column: pd.Series) -> dict[Any, int] | None:
    """Return each label's place in its ordinal order (a labelled scale's), or ``None``."""
    if column.dtype != object and not pd.api.types.is_string_dtype(column.dtype):
        return None
    labels = [v for v in column if isinstance(v, str)]
    if len(labels) != int(column.notna().sum()):
        return None
    order = group_order(labels)
    return None if order is None else {label: at for at, label in enumerate(order)}


def _given_positions(column: pd.Series, order: Sequence[str]) -> dict[Any, int]:
    """Return each value's place: ``order``'s values first, then the others as they sort."""
    present = column.dropna().unique().tolist()
    known = set(order)
    rest = sorted((v for v in present if v not in known), key=lambda v: (str(type(v)), str(v)))
    return {value: at for at, value in enumerate([*order, *rest])}


def _no_answer_off_scale(column: pd.Series) -> pd.Series:
    """Return a labelled scale's answers with 該当なし / N/A as no answer, as the report reads them.

    Beside a scale's points, "N/A" says the question did not apply: it joins the blanks (the
    group shown as no answer), not a point of the scale. Other columns are returned as they are.
    """
    if column.dtype != object and not pd.api.types.is_string_dtype(column.dtype):
        return column
    labels = pd.unique(column.dropna())
    if not all(isinstance(v, str) for v in labels):
        return column
    if labelled_scale([v for v in labels if not not_applicable(v)]) is None:
        return column
    off = column.map(lambda v: isinstance(v, str) and not_applicable(v)).astype(bool)
    return column.mask(off) if off.any() else column


def _mixed_key(column: pd.Series) -> pd.Series:
    """Sort key of a column mixing numbers and text: the numbers in order, then the text."""
    if column.dtype != object:
        return column

    def one(value: Any) -> tuple[int, Any]:
        if value is None or (isinstance(value, float) and np.isnan(value)) or value is pd.NA:
            return (2, 0)
        if isinstance(value, int | float | np.number) and not isinstance(value, bool):
            return (0, float(value))
        return (1, str(value))

    return column.map(one)


def _factorize(
    key_frame: dict[str, pd.Series], length: int
) -> tuple[npt.NDArray[np.intp], pd.DataFrame, bool]:
    """Give each row its group code (−1 = left out), the keys per code, and whether any is out.

    Codes index the full product of each key's unique values (groups without responses are
    dropped later), so the common case — one categorical key — costs a single cast.
    """
    if not key_frame:
        return np.zeros(length, dtype=np.intp), pd.DataFrame(index=[0]), False
    per_codes: list[npt.NDArray[np.intp]] = []
    per_uniques: list[pd.Index] = []
    left_out = None
    for name, column in key_frame.items():
        if isinstance(column.dtype, pd.CategoricalDtype):
            small = column.cat.codes.to_numpy()  # int8/int16: cheap to scan before widening
            u = pd.Index(column.cat.categories)
            if len(small) and small.min() < 0:  # missing key → its own group after the others
                small = np.where(small < 0, len(u), small)
                u = u.append(pd.Index([None]))
            c = small.astype(np.intp)
        else:
            raw, u = pd.factorize(column, use_na_sentinel=name == "period")
            c = np.asarray(raw, dtype=np.intp)
            if len(c) and c.min() < 0:  # only period codes use the −1 sentinel
                left_out = (c < 0) if left_out is None else (left_out | (c < 0))
        per_codes.append(c)
        per_uniques.append(pd.Index(u))
    sizes = [max(len(u), 1) for u in per_uniques]
    if length == 0 or (left_out is not None and left_out.all()):
        # No row has a complete key: no group at all.
        empty = pd.DataFrame({name: pd.Series([], dtype=object) for name in key_frame})
        return np.full(length, -1, dtype=np.intp), empty, True
    if len(per_codes) == 1:
        codes = per_codes[0]
        keep = np.arange(sizes[0])
    else:
        safe = per_codes if left_out is None else [np.where(left_out, 0, c) for c in per_codes]
        combined = np.ravel_multi_index(safe, sizes).astype(np.intp)
        # Compact to the combinations present so the product of many keys stays small.
        keep, codes = np.unique(combined, return_inverse=True)
        codes = codes.astype(np.intp)
    if left_out is not None:
        codes = np.where(left_out, -1, codes)
    positions = np.unravel_index(keep, sizes)
    uniques = pd.DataFrame(
        # .array keeps a whole-number key whole: to_numpy() makes 1 (Int64 with a blank) 1.0.
        {name: per_uniques[i].take(positions[i]).array for i, name in enumerate(key_frame)}
    )
    return codes, uniques, left_out is not None


def compare(current: NpsResult, previous: NpsResult, *, level: float = 0.95) -> Change:
    """Compare two independent NPS results (two periods or two groups).

    Parameters
    ----------
    current, previous
        Results from :func:`nps`; the change is ``current − previous``.
    level
        Confidence level of the interval. The verdict is significant exactly when this interval
        of the difference excludes 0; the p-value comes from the same (inverted) interval, so it
        is below ``1 − level`` for the same changes (see :func:`nps_kit.stats.diff_test`).

    Returns
    -------
    Change
        Difference, interval, z, p-value and a plain verdict.
    """
    if current.n == 0 or previous.n == 0:
        return Change(None, None, None, None, None, "insufficient_data", level)
    test = stats.diff_test(
        (current.promoters, current.passives, current.detractors),
        (previous.promoters, previous.passives, previous.detractors),
        n_eff_a=current.n_eff,
        n_eff_b=previous.n_eff,
        level=level,
    )
    diff = float(test.diff)
    p_value = float(test.p_value)
    z = float(test.z)
    ci_low, ci_high = float(test.ci_low), float(test.ci_high)
    # One rule for every verdict: significant exactly when the interval shown excludes 0.
    direction = int(stats.verdict_of(ci_low, ci_high))
    verdict: Verdict = "no_change"
    if direction:
        verdict = "improvement" if direction > 0 else "decline"
    return Change(
        diff=diff,
        ci_low=ci_low,
        ci_high=ci_high,
        z=None if np.isnan(z) else z,
        p_value=None if np.isnan(p_value) else p_value,
        verdict=verdict,
        level=level,
    )


def against_rest(
    data: pd.DataFrame,
    *,
    by: str,
    score: str = "nps_score",
    weight: str | None = None,
    level: float = 0.95,
    min_n: int = DEFAULT_MIN_N,
    min_report_n: int = DEFAULT_MIN_REPORT_N,
) -> pd.DataFrame:
    """Score each group and say which differ from the rest of the responses, FDR-controlled.

    Each shown group is compared with all the other responses (an independent sample, so
    ``group − rest`` has the adjusted-Wald interval and test of :func:`compare`; it has the
    sign of ``group − all``). Over the groups of one breakdown, the p-values are adjusted with
    Benjamini–Hochberg, and a group is marked ``above`` or ``below`` only when its adjusted
    p-value is below ``1 − level``: with 12 groups that do not differ, about one would pass an
    unadjusted test by chance, while the marks keep the expected share of false ones at or
    under ``1 − level``. A marked group's unadjusted interval always excludes 0.

    Parameters
    ----------
    data
        Responses with ``score`` and ``by`` columns.
    by
        The breakdown column.
    score, weight, level, min_n, min_report_n
        As in :func:`score_groups`; suppressed groups are neither tested nor in the family.
        The groups of ``by`` partition ``data``, so the groups under the floor are hidden
        with the secondary rule (:func:`hide_complement`) as well.

    Returns
    -------
    pandas.DataFrame
        :func:`score_groups` ``(by=by)`` with ``complementary`` (:func:`hide_complement`), plus
        ``diff_rest``, ``diff_rest_low``,
        ``diff_rest_high`` (group − rest in points, with its unadjusted interval), ``p_value``,
        ``p_adjusted`` (Benjamini–Hochberg over the breakdown's shown groups) and
        ``versus_unit`` (``"above"``, ``"below"`` or NA).
    """
    options: dict[str, Any] = {"score": score, "weight": weight, "level": level, "min_n": min_n}
    table = score_groups(data, by=by, min_report_n=min_report_n, **options)
    # One column's groups partition ``data``, whose total the report shows: a lone hidden
    # group would be the total minus the others, so the secondary rule hides more first.
    table = hide_complement(table, "n", min_report_n=min_report_n, keep=(by, "n_eff"))
    raw = score_groups(data, by=by, min_report_n=0, **options)
    test = stats.versus_rest(
        raw[["promoters", "passives", "detractors"]].to_numpy(dtype=np.float64),
        n_eff=raw["n_eff"].to_numpy(dtype=np.float64),
        tested=~table["suppressed"].to_numpy(dtype=bool),
        level=level,
    )
    side = np.where(test.direction > 0, "above", np.where(test.direction < 0, "below", ""))
    table["diff_rest"] = test.diff
    table["diff_rest_low"] = test.ci_low
    table["diff_rest_high"] = test.ci_high
    table["p_value"] = test.p_value
    table["p_adjusted"] = test.p_adjusted
    table["versus_unit"] = pd.Series(side, index=table.index, dtype="string").replace("", pd.NA)
    return table


def control_chart(
    table: pd.DataFrame, *, sigmas: float = 3.0, min_periods: int = CONTROL_MIN_PERIODS
) -> pd.DataFrame:
    """Add p-chart control limits to a table of consecutive periods of one unit.

    The centre line and the per-response trinomial variance are pooled over every row of
    ``table`` (for the report's trend: the trailing 12 months) whose counts are shown; a row
    under the anonymity floor (``suppressed``, counts blanked by :func:`hide_below_floor`) is
    left out of the pooling and gets no limits: the centre would tell its score to a reader who
    knows the other months' (FIX63). Each period's limits are
    ``centre ± sigmas · √(variance / n_eff)`` (:func:`nps_kit.stats.control_limits`). A period
    whose NPS lies outside its limits moved more than sampling noise explains for this unit.
    With fewer than ``min_periods`` periods whose counts are shown, no period gets limits (all
    blank): a centre line pooled from so few points is not a stable baseline (BROWSE36: a
    two-month unit had both months "outside").

    Parameters
    ----------
    table
        :func:`score_groups` output with one row per period (``promoters``, ``passives``,
        ``detractors``, ``n_eff``, ``nps``), e.g. from ``score_groups(period="month")``.
        Weighted counts pool as weighted counts.
    sigmas
        Width of the limits in standard errors (3, as in Shewhart's charts).
    min_periods
        Fewest periods with shown counts for any limits (:data:`CONTROL_MIN_PERIODS`, 8:
        Shewhart-chart texts fix limits from 20-25 subgroups and call fewer trial limits).

    Returns
    -------
    pandas.DataFrame
        A copy of ``table`` with ``control_centre``, ``control_low``, ``control_high`` (points)
        and ``out_of_control`` (``"above"``, ``"below"`` or NA).
    """
    _check_columns(table, ["promoters", "passives", "detractors", "n_eff", "nps"])
    out = table.copy()
    centre, low, high = stats.control_limits(
        pd.to_numeric(out["promoters"], errors="coerce").to_numpy(dtype=np.float64),
        pd.to_numeric(out["passives"], errors="coerce").to_numpy(dtype=np.float64),
        pd.to_numeric(out["detractors"], errors="coerce").to_numpy(dtype=np.float64),
        n_eff=pd.to_numeric(out["n_eff"], errors="coerce").to_numpy(dtype=np.float64),
        sigmas=sigmas,
    )
    value = pd.to_numeric(out["nps"], errors="coerce").to_numpy(dtype=np.float64)
    if "suppressed" in out.columns:
        hidden = out["suppressed"].fillna(False).to_numpy(dtype=bool)
        low, high = np.where(hidden, np.nan, low), np.where(hidden, np.nan, high)
    if int(np.isfinite(low).sum()) < min_periods:
        centre, low, high = float("nan"), np.full(len(out), np.nan), np.full(len(out), np.nan)
    out["control_centre"] = centre
    out["control_low"] = low
    out["control_high"] = high
    with np.errstate(invalid="ignore"):
        side = np.where(value > high, "above", np.where(value < low, "below", ""))
    out["out_of_control"] = pd.Series(side, index=out.index, dtype="string").replace("", pd.NA)
    return out


def distribution(
    data: pd.DataFrame, *, score: str = "nps_score", weight: str | None = None
) -> pd.DataFrame:
    """Count answers per score 0–10.

    Parameters
    ----------
    data
        Responses.
    score
        Score column.
    weight
        Optional weight column: ``pct`` is then the weighted share.

    Returns
    -------
    pandas.DataFrame
        Eleven rows, columns ``score`` (0–10), ``n`` (answers), ``pct`` (percent of valid
        answers, weighted when ``weight`` is given) and ``segment``.
    """
    _check_columns(data, [score, *([weight] if weight else [])])
    values, _ = _score_codes(data[score], name=score)
    n = np.bincount(values[values >= 0], minlength=11)
    w = _weights(data, weight)
    if w is None:
        mass = n.astype(np.float64)
    else:
        known = (values >= 0) & ~np.isnan(w)
        mass = np.bincount(values[known], weights=w[known], minlength=11).astype(np.float64)
    total = float(mass.sum())
    pct = 100.0 * mass / total if total else np.zeros(11, dtype=np.float64)
    return pd.DataFrame(
        {
            "score": np.arange(11),
            "n": n,
            "pct": pct,
            "segment": [SEGMENTS[s] for s in _SEGMENT_OF_SCORE],
        }
    )


def target_status(
    nps: float | None, ci_low: float | None, ci_high: float | None, target: float | None
) -> TargetStatus:
    """Whether an NPS meets its target, judged by the interval rather than the point estimate.

    Parameters
    ----------
    nps, ci_low, ci_high
        The NPS and its interval in points (``None`` when there are no responses).
    target
        The target in points, or ``None`` when none is set.

    Returns
    -------
    str
        ``"no_target"`` without a target; ``"no_data"`` without an NPS; ``"met"`` when the whole
        interval lies above the target, ``"missed"`` when it lies below, otherwise
        ``"not_distinguishable"`` (the data cannot tell the score from the target).
    """
    if target is None:
        return "no_target"
    if nps is None or nps != nps:
        return "no_data"
    low = nps if ci_low is None else ci_low
    high = nps if ci_high is None else ci_high
    if low > target:
        return "met"
    if high < target:
        return "missed"
    return "not_distinguishable"


def shown_diff(current: float, previous: float, *, digits: int = 1) -> float:
    """Return the difference a reader gets by subtracting the two values as they are shown.

    Both values are rounded to ``digits`` first and the difference is rounded once more (to
    remove floating-point noise), so "38.2 − 33.3" is shown as +4.9 even when the unrounded
    difference is 4.85. Every report, e-mail and overview shows this difference.

    Parameters
    ----------
    current, previous
        The two values (e.g. NPS this month and last year).
    digits
        Decimals shown.

    Returns
    -------
    float
        ``round(round(current) − round(previous))`` at ``digits`` decimals.
    """
    return round(round(current, digits) - round(previous, digits), digits)
