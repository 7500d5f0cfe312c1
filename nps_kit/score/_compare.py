"""Comparisons: change between periods, a group against the rest, control chart, targets."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from nps_kit import stats
from nps_kit.score._floor import hide_complement
from nps_kit.score._groups import score_groups
from nps_kit.score._results import (
    _SEGMENT_OF_SCORE,
    CONTROL_MIN_PERIODS,
    DEFAULT_MIN_N,
    DEFAULT_MIN_REPORT_N,
    SEGMENTS,
    Change,
    NpsResult,
    TargetStatus,
    Verdict,
    _check_columns,
    _score_codes,
    _weights,
)


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
