"""Totals over months (quarters, fiscal years) shown only where the years to date tell them."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from nps_kit.score._floor import _blank, told_parts
from nps_kit.score._groups import score_groups
from nps_kit.score._results import Period

if TYPE_CHECKING:
    from nps_kit.periods import NamedBy


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
