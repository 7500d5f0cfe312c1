"""The headline, trend and breakdown tables of a unit, from :mod:`nps_kit.score` results."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import pandas as pd

from nps_kit._value_key import one_spelling
from nps_kit.periods import (
    TREND_MONTHS,
    fiscal_to_date,
    shift_period,
)
from nps_kit.score import (
    CONTROL_MIN_PERIODS,
    DEFAULT_MIN_N,
    DEFAULT_MIN_REPORT_N,
    Change,
    against_rest,
    compare,
    control_chart,
    nps,
    score_groups,
)
from nps_kit.unit._data import (
    MONTH_COMPARISONS,
    Comparison,
    ComparisonKind,
    FiscalToDate,
    Headline,
    UnitData,
)


def _comparison_period(period: str, kind: ComparisonKind) -> str:
    return shift_period(period, -1 if kind == "previous" else -12)


def headline(
    unit: UnitData,
    *,
    comparisons: Sequence[ComparisonKind] = MONTH_COMPARISONS,
    weight: str | None = None,
    level: float = 0.95,
    min_n: int = DEFAULT_MIN_N,
) -> Headline:
    """NPS of the reporting period and its change against earlier periods.

    Parameters
    ----------
    unit
        Prepared unit.
    comparisons
        ``"previous"`` (month before) and/or ``"last_year"`` (same month a year before);
        ``"fiscal_ytd"`` adds the fiscal year to date against the same months of the fiscal
        year before (:attr:`Headline.fiscal`; the unit must be prepared with
        ``fiscal_year_start``, which reads those months).
    weight
        Weight column (``nps_weight``) if the data is weighted.
    level, min_n
        Confidence level and precision threshold.

    Returns
    -------
    Headline
        Current result and one :class:`Comparison` per requested month kind.

    Raises
    ------
    ValueError
        When ``"fiscal_ytd"`` is asked of a unit prepared without ``fiscal_year_start``.
    """
    current = nps(unit.current, weight=weight, level=level, min_n=min_n)
    out = []
    for kind in comparisons:
        if kind not in MONTH_COMPARISONS:
            continue
        other_period = _comparison_period(unit.period, kind)
        other = nps(unit.rows(other_period), weight=weight, level=level, min_n=min_n)
        out.append(Comparison(kind, other_period, other, compare(current, other, level=level)))
    fiscal = None
    if "fiscal_ytd" in comparisons:
        if unit.fiscal_year_start is None:
            raise ValueError(
                "comparison 'fiscal_ytd' needs prepare_unit(..., fiscal_year_start=M): "
                "it reads the months of the previous fiscal year"
            )
        span = fiscal_to_date(
            unit.period, unit.fiscal_year_start, named_by=unit.fiscal_year_named_by
        )
        before = span.year_before()
        ytd = nps(unit.span_rows(span.months), weight=weight, level=level, min_n=min_n)
        other = nps(unit.span_rows(before.months), weight=weight, level=level, min_n=min_n)
        counts = tuple(unit.scored_counts(span.months))
        before_counts = tuple(unit.scored_counts(before.months))
        fiscal = FiscalToDate(span, ytd, before, None, counts, before_counts)
        moved = (
            compare(ytd, other, level=level)
            if fiscal.comparable
            else Change(None, None, None, None, None, "insufficient_data", level)
        )
        fiscal = replace(fiscal, comparison=Comparison("fiscal_ytd", before.first, other, moved))
    return Headline(unit.period, current, tuple(out), fiscal)


def trend_table(
    unit: UnitData,
    *,
    months: int = TREND_MONTHS,
    weight: str | None = None,
    level: float = 0.95,
    min_n: int = DEFAULT_MIN_N,
    min_report_n: int = DEFAULT_MIN_REPORT_N,
    control_min_periods: int = CONTROL_MIN_PERIODS,
) -> pd.DataFrame:
    """Monthly NPS for the ``months`` months up to the reporting period.

    Returns the :func:`nps_kit.score.score_groups` table by month with the unit's own control
    limits over these months (:func:`nps_kit.score.control_chart`: ``control_centre``,
    ``control_low``, ``control_high``, ``out_of_control``). Months without responses are
    absent. A month of fewer responses than the anonymity floor ``min_report_n`` keeps only its
    ``n`` (``suppressed``, as a breakdown's group): its NPS, interval, counts and control limits
    are blank and it is left out of the pooled centre (FIX63: a 2-response month's NPS was read
    off the trend). :func:`nps_kit.summary.floor_trend` reads a published trend the same way.
    """
    first = shift_period(unit.period, -(months - 1))
    data = unit.responses
    window = data.loc[(data["period"] >= first) & (data["period"] <= unit.period)]
    table = score_groups(
        window,
        period="month",
        weight=weight,
        level=level,
        min_n=min_n,
        min_report_n=min_report_n,
    )
    return control_chart(table, min_periods=control_min_periods)


def breakdown_table(
    unit: UnitData,
    by: str,
    *,
    weight: str | None = None,
    level: float = 0.95,
    min_n: int = DEFAULT_MIN_N,
    min_report_n: int = DEFAULT_MIN_REPORT_N,
    top_n: int | None = None,
) -> pd.DataFrame:
    """NPS by the values of ``by`` in the reporting period, best first.

    Groups under ``min_report_n`` are suppressed (kept with ``suppressed=True`` so the report
    can say they exist) and sorted last. Each shown group is also compared with the rest of
    the unit, with the false discovery rate over the breakdown's groups held at ``1 − level``
    (:func:`nps_kit.score.against_rest`: ``versus_unit`` is ``above``, ``below`` or NA).

    With ``top_n``, the ``top_n`` largest groups are shown
    and the rest pooled into one "Other" / "その他" group, placed after them.
    """
    from nps_kit.followup import keep_top
    from nps_kit.i18n import label

    rows = unit.current
    other = label("other", unit.language)
    if by in rows.columns:
        # One group per value, however its rows spell it (ﾐﾗｲ / ミライ: QA29 F3).
        rows = rows.assign(**{by: one_spelling(rows[by])})
    if top_n is not None and by in rows.columns:
        rows = rows.assign(**{by: keep_top(rows[by], top_n=top_n, other=other)})
    if by in rows.columns and rows[by].isna().any():
        # The blank answers are a group of their own, named as the report names them.
        blank = label("no_answer", unit.language)
        rows = rows.assign(**{by: rows[by].astype(object).where(rows[by].notna(), blank)})
    table = against_rest(
        rows,
        by=by,
        weight=weight,
        level=level,
        min_n=min_n,
        min_report_n=min_report_n,
    )
    table["_other"] = (table[by].astype(object) == other) if top_n is not None else False
    table = table.sort_values(["suppressed", "_other", "nps"], ascending=[True, True, False])
    return table.drop(columns="_other").reset_index(drop=True)
