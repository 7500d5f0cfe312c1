"""What the anonymity floor hides of a summary: months, shares and a fiscal year to date."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from nps_kit.summary._records import FiscalYtd, TrendPoint, UnitSummary


def report_floor(parameters: Mapping[str, Any] | None) -> int | None:
    """Return a unit's ``thresholds.min_report_n`` as its notebook ran (the injected parameters).

    The one reading of the floor from a run's record: the overview's manifest entries and
    ``run``'s end-of-run table. ``None`` when the parameters do not say.
    """
    value = (parameters or {}).get("min_report_n")
    return int(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def under_floor(summary: UnitSummary, min_report_n: int | None) -> bool:
    """Whether the unit's month has fewer scored responses than its anonymity floor.

    The one test of :func:`floor_summary`, the e-mail and the overview
    (:func:`nps_kit.score.below_floor`); ``None`` or 0 hides nothing.
    """
    from nps_kit.score import n_below_floor

    return n_below_floor(summary.n, min_report_n)


def month_under_floor(point: TrendPoint, min_report_n: int | None) -> bool:
    """Whether a month of the unit's trend has fewer scored responses than the floor.

    The test of :func:`under_floor` for one trend point (:func:`nps_kit.score.below_floor`);
    ``None`` or 0 hides nothing, nor does a point without its n.
    """
    from nps_kit.score import n_below_floor

    return n_below_floor(point.n, min_report_n)


def floor_trend(trend: Sequence[TrendPoint], min_report_n: int | None) -> tuple[TrendPoint, ...]:
    """Return a unit's monthly series as it may be shown under the anonymity floor: the one rule.

    A month under the floor (:func:`month_under_floor`), the reporting month or an earlier one,
    keeps its period and n (what the report's chart, the e-mail's chart and the overview's line
    mark as "2 responses, fewer than 5: not shown"); its NPS, interval, control limits and
    its side of them are not shown: each tells its score (FIX63: a 2-response month's NPS was
    read off the trend while the change against it was hidden). The report's own trend table
    is blanked by the same floor (:func:`nps_kit.unit.trend_table`, through
    :func:`nps_kit.score.hide_below_floor`), which also keeps such a month out of the control
    limits' pooled centre; this reads a published summary (an older manifest too) the same way.

    Parameters
    ----------
    trend
        The summary's trend points.
    min_report_n
        The unit's ``thresholds.min_report_n``; ``None`` or 0 hides nothing.

    Returns
    -------
    tuple of TrendPoint
        The points, those under the floor without their figures.
    """
    return tuple(_only_n(p) if month_under_floor(p, min_report_n) else p for p in trend)


def _only_n(point: TrendPoint) -> TrendPoint:
    """Return ``point`` with its period, n and small-sample flag only."""
    return replace(
        point,
        nps=None,
        ci_low=None,
        ci_high=None,
        control_low=None,
        control_high=None,
        out_of_control=None,
    )


def floor_summary(summary: UnitSummary, min_report_n: int | None) -> UnitSummary:
    """Return ``summary`` as it may be shown under the anonymity floor: the one rule.

    A unit whose month has fewer scored responses than ``min_report_n``
    (:func:`nps_kit.score.below_floor`) keeps its n (and its report link, follow-ups); its
    NPS, interval, shares, target status, changes, contributors, themes and detractor counts
    are not shown (QA27 for the overview, QA28 #5 for the e-mail subject and body: "+100.0
    (+200.0 vs September)" for one respondent). Every month of the trend under the floor, this
    one or an earlier one, shows only its n (:func:`floor_trend`), and a change against such a
    month is not shown either: it tells that month's score. The fiscal year to date follows
    the report's rule (:func:`nps_kit.score.told_parts`), a manifest written before it too
    (:func:`_floor_fiscal`), in a month under the floor as in any other: it is shown when it
    tells no month under the floor. The runner writes the manifest through it
    (:func:`nps_kit.overview.manifest_entry`), so a reports folder holds nothing the floor
    hides; the overview and the e-mail read it again, for a manifest written before that.

    Parameters
    ----------
    summary
        The unit's summary, as the runner published it.
    min_report_n
        The unit's ``thresholds.min_report_n``; ``None`` or 0 hides nothing.

    Returns
    -------
    UnitSummary
        ``summary`` itself when nothing is hidden, else a copy without the hidden figures.
    """
    if summary.n is None or not min_report_n:
        return summary
    if under_floor(summary, min_report_n):
        return replace(
            summary,
            nps=None,
            ci_low=None,
            ci_high=None,
            pct_promoters=None,
            pct_passives=None,
            pct_detractors=None,
            target_status=None,
            change=None,
            changes=(),
            # Its fiscal year to date by the report's rule: a branch of 2–3 answers a month
            # has 20 in the year, shown unless it tells a month under the floor.
            fiscal_ytd=_floor_fiscal(summary.fiscal_ytd, summary.trend, min_report_n),
            contributors=(),
            top_themes=(),
            top_requests=(),
            unread_comments=None,
            themes_under_floor=None,
            themes_over_floor=0,
            actions=(),
            detractors_to_contact=None,
            detractors_contacted=None,
            control=None,
            # The month's own point too when it carries no n (an older or hand-made manifest).
            trend=tuple(
                _only_n(p) if p.period == summary.period else p
                for p in floor_trend(summary.trend, min_report_n)
            ),
        )
    trend = floor_trend(summary.trend, min_report_n)
    fiscal = _floor_fiscal(summary.fiscal_ytd, summary.trend, min_report_n)
    small = {p.period for p in trend if month_under_floor(p, min_report_n)}
    if not small and fiscal == summary.fiscal_ytd:
        return summary
    changes = tuple(c for c in summary.changes if c.vs not in small)
    change = (
        summary.change if summary.change is not None and summary.change.vs not in small else None
    )
    return replace(summary, change=change, changes=changes, trend=trend, fiscal_ytd=fiscal)


def _ytd_hidden(fiscal: FiscalYtd, why: str, min_report_n: int) -> FiscalYtd:
    """Return the year to date without its figures and its change, saying ``why``."""
    return replace(
        fiscal, nps=None, ci_low=None, ci_high=None, change=None, unshown=why, floor=min_report_n
    )


def _floor_fiscal(
    fiscal: FiscalYtd | None, trend: Sequence[TrendPoint], min_report_n: int
) -> FiscalYtd | None:
    """Return the fiscal year to date as the report's rule shows it under the floor.

    The report hides the year to date when, minus the trend's months, it would tell the NPS of
    its months under the floor, and its change when last year's same months are under the floor
    or would tell one of theirs (:func:`nps_kit.score.told_parts`, REVIEW42). A manifest written
    before that rule published both: its span's months are read off its trend's n (the span is
    at most the trend's twelve months, the reporting month last); last year's months' counts it
    does not have, so a change from it is not shown, and the reason says to run the month again.
    When its trend does not hold the year's responses either (a month under the floor publishes
    no trend), the year to date is not shown, for the same reason.
    """
    from nps_kit.score import n_below_floor, told_parts

    span = None if fiscal is None else fiscal.span()
    if fiscal is None or span is None:
        return fiscal
    if fiscal.counts is not None and len(fiscal.counts) == len(span.months):
        counts: Sequence[int] = fiscal.counts
    else:
        known = {p.period: p.n or 0 for p in trend}
        counts = [known.get(m, 0) for m in span.months]
        if fiscal.nps is not None and any(m not in known for m in span.months):
            return _ytd_hidden(fiscal, "ytd_rerun", min_report_n)
    if fiscal.nps is not None and told_parts(span.months, counts, min_report_n):
        few = n_below_floor(sum(counts), min_report_n)
        return _ytd_hidden(fiscal, "ytd_under_floor" if few else "ytd_tells", min_report_n)
    change = fiscal.change
    if change is None or (change.diff is None and change.nps is None):
        return fiscal
    before, why = span.year_before(), None
    if fiscal.before_counts is None or len(fiscal.before_counts) != len(before.months):
        why = "rerun"
    elif n_below_floor(sum(fiscal.before_counts), min_report_n):
        why = "under_floor"
    elif told_parts(before.months, fiscal.before_counts, min_report_n):
        why = "tells"
    if why is None:
        return fiscal
    if change.diff is None:  # not compared, and why (too few months): without last year's NPS
        return replace(fiscal, change=replace(change, nps=None))
    return replace(fiscal, change=None, unshown=why, floor=min_report_n)
