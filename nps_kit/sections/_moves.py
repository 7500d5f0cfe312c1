"""What moved the NPS, its distribution, trend and breakdowns."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd
from IPython.display import HTML

from nps_kit import plot, report
from nps_kit._section_result import SectionResult, detach
from nps_kit.decompose import (
    Contributor,
    apart,
    contributors_text,
    shift_share,
    top_contributors,
)
from nps_kit.i18n import (
    interval_label,
    join_names,
)
from nps_kit.ordinal import group_order
from nps_kit.periods import (
    TREND_MONTHS,
    format_period,
)
from nps_kit.score import (
    CONTROL_MIN_PERIODS,
    DEFAULT_MIN_REPORT_N,
    n_below_floor,
)
from nps_kit.score import distribution as score_distribution
from nps_kit.sections._common import _shown_change, _w
from nps_kit.sections._strategies import _marked_groups
from nps_kit.unit import (
    Headline,
    UnitData,
    breakdown_table,
    trend_table,
)


def change_drivers(
    unit: UnitData,
    head: Headline,
    dimensions: Sequence[str | Mapping[str, Any]],
    *,
    weight: str | None = None,
    level: float = 0.95,
    min_n: int = 30,
    min_report_n: int = DEFAULT_MIN_REPORT_N,
    k: int = 3,
) -> SectionResult:
    """Find what moved each headline change: the largest within-group and mix effects.

    For every comparison, each breakdown's shift-share decomposition
    (:func:`nps_kit.decompose.shift_share`) splits the change; the breakdown whose largest
    clear (not noise) component is biggest is shown, as "+2.1: Web (NPS +40.0 → +45.0) added
    1.6 pts, others −0.2. Within noise: more of the responses came from app (40.0% → 45.0%),
    which added 0.7 pts", components inside their margin of error said together.
    A change against a month under the anonymity floor ``min_report_n``, which the
    headline hides, has no line (its size would tell that month's NPS). A group under the
    floor in either period, which the breakdowns hide, is never named: its parts are in
    "other groups", which says so. A breakdown with no group to name is not shown; when no
    breakdown has one because their groups are hidden, the line says that what moved is
    withheld (no items).

    Returns
    -------
    SectionResult
        ``.value`` is, per comparison, a dict of ``kind``, ``vs``, ``by``, ``label``,
        ``total``, ``significant`` (the change's verdict), ``items`` (``group``, ``kind``,
        ``value``, ``noise``; ``share``, ``"up"`` or ``"down"``, for mix parts; ``hidden`` for
        others) and ``min_report_n`` (the
        anonymity floor its items were checked against, which ``nps-kit send`` requires
        before it mails a group's name), as published in the summary.
    """
    lang = unit.language
    out: list[dict[str, Any]] = []
    lines = []
    for c in head.comparisons:
        shown = _shown_change(head, c).diff
        # a change the headline hides (either month under the floor) would tell a month's NPS
        hides = n_below_floor(head.result.n, min_report_n) or n_below_floor(
            c.result.n, min_report_n
        )
        if shown is None or hides:
            continue
        best: tuple[float, str, str, list[Contributor]] | None = None
        withheld: tuple[str, str] | None = None  # a breakdown whose every group is hidden
        for dim in dimensions:
            column = dim if isinstance(dim, str) else dim["column"]
            name = column if isinstance(dim, str) else (dim.get("label") or column)
            parts = top_contributors(
                shift_share(
                    unit.current,
                    unit.rows(c.period),
                    by=column,
                    weight=weight,
                    level=level,
                    min_n=min_n,
                    min_report_n=min_report_n,
                ),
                k=k,
            )
            named = [p for p in parts if p.kind != "others"]
            clear = [abs(p.value) for p in named if not p.noise]
            strength = max(clear) if clear else max((abs(p.value) for p in named), default=0.0) / 10
            # "Others" alone (every group hidden or too small a part) says nothing moved.
            if named and (best is None or strength > best[0]):
                best = (strength, column, name, parts)
            elif not named and withheld is None and any(p.hidden for p in parts):
                withheld = (column, name)
        if best is None and withheld is not None:  # say why, rather than nothing
            best = (0.0, *withheld, [])
        if best is None:
            continue
        _, column, name, parts = best
        out.append(
            {
                "kind": c.kind,
                "vs": c.period,
                "by": column,
                "label": name,
                "total": shown,
                # the headline's verdict: parts all within noise then read as a spread change
                "significant": c.change.significant,
                "items": [
                    {"group": p.group, "kind": p.kind, "value": p.value, "noise": p.noise}
                    | ({"hidden": True} if p.hidden else {})
                    | ({"small_sample": True} if p.small_sample else {})
                    | ({"rest": p.rest} if p.rest else {})
                    | ({"groups": list(p.groups)} if p.groups else {})
                    | _shares(p)
                    | _levels(p)
                    for p in parts
                ],
                "min_report_n": min_report_n,
            }
        )
        lines.append(contributors_text(out[-1], lang))
    callout: tuple[HTML, ...] = (report.callout("\n\n".join(lines)),) if lines else ()
    return SectionResult("change_drivers", value=out, parts=callout)


def _shares(part: Contributor) -> dict[str, str | float]:
    """Give a mix part's group's share of the responses in both periods (%) and which way it moved.

    Its words then say where the responses came from ("more of the responses came from
    Business (32.0% → 45.0%)"), never read as the group's own NPS having moved (FIX75).
    """
    if part.kind != "mix" or part.share_previous is None or part.share_current is None:
        return {}
    before, after = apart(100 * part.share_previous, 100 * part.share_current)
    return {
        "share": "up" if part.share_current > part.share_previous else "down",
        "pct_previous": before,
        "pct_current": after,
    }


def _levels(part: Contributor) -> dict[str, float]:
    """Give a within part's group NPS in both periods: its words then never read as its change."""
    if part.kind != "within" or part.nps_previous is None or part.nps_current is None:
        return {}
    before, after = apart(part.nps_previous, part.nps_current)
    return {"nps_previous": before, "nps_current": after}


def distribution(unit: UnitData, *, weight: str | None = None) -> SectionResult:
    """Compute the 0–10 score distribution of the period (weighted shares with ``weight``).

    ``.value`` is the table (one row per score), ``.figure`` its chart.
    """
    table = score_distribution(unit.current, weight=weight)
    lang = unit.language
    ax = plot.score_distribution(
        table,
        lang=lang,
        title=_w("distribution_title", lang, period=format_period(unit.period, lang)),
    )
    return SectionResult(
        "distribution", value=table, tables={"distribution": table}, parts=(detach(ax),)
    )


def trend(
    unit: UnitData,
    *,
    target: float | None = None,
    weight: str | None = None,
    level: float = 0.95,
    min_n: int = 30,
    min_report_n: int = DEFAULT_MIN_REPORT_N,
    control_min_months: int = CONTROL_MIN_PERIODS,
) -> SectionResult:
    """Compute monthly NPS for the last 12 months with intervals, n, target and small months.

    ``.value`` is the trend table (one row per month, with control limits), ``.figure`` its
    chart. A month under the anonymity floor ``min_report_n`` shows only its n, marked under
    the chart (:func:`nps_kit.unit.trend_table`). Control limits are drawn once
    ``control_min_months`` months have data (``thresholds.control_min_months``).
    """
    table = trend_table(
        unit,
        weight=weight,
        level=level,
        min_n=min_n,
        min_report_n=min_report_n,
        control_min_periods=control_min_months,
    )
    ax = plot.trend(
        table,
        level=level,
        target=target,
        min_n=min_n,
        min_report_n=min_report_n,
        control_min_months=control_min_months,
        lang=unit.language,
        # Say what is there: an export of four months is no "last 12 months" (QA22).
        title=_w("trend_title", unit.language)
        if len(table) >= TREND_MONTHS
        else _w("trend_title_n", unit.language, n=len(table)),
    )
    parts: list[Any] = [detach(ax)]
    nps_shown = pd.to_numeric(table["nps"], errors="coerce").notna()
    if (~nps_shown & (pd.to_numeric(table["n"], errors="coerce").fillna(0) > 0)).any():
        # The section's text explains hollow months; a hatched one is said here (BROWSE30).
        parts.append(report.callout(_w("trend_hidden", unit.language, floor=min_report_n)))
    return SectionResult("trend", value=table, tables={"trend": table}, parts=tuple(parts))


def breakdowns(
    unit: UnitData,
    dimensions: Sequence[str | Mapping[str, Any]],
    *,
    weight: str | None = None,
    level: float = 0.95,
    min_n: int = 30,
    min_report_n: int = DEFAULT_MIN_REPORT_N,
    top_n: int | None = 12,
) -> SectionResult:
    """Compute NPS with intervals by each dimension, best first, small groups flagged.

    Each chart shows the ``top_n`` largest groups and the rest as one "Other" group.
    ``.value`` (and ``.tables``) holds one table per dimension by column, ``.figures`` one
    chart per dimension.
    """
    lang = unit.language
    out: dict[str, pd.DataFrame] = {}
    parts: list[Any] = []
    drawn = False  # the note below explains the charts' dots and marks: none, no note
    for dim in dimensions:
        column = dim if isinstance(dim, str) else dim["column"]
        name = column if isinstance(dim, str) else (dim.get("label") or column)
        table = breakdown_table(
            unit,
            column,
            weight=weight,
            level=level,
            min_n=min_n,
            min_report_n=min_report_n,
            top_n=top_n,
        )
        out[column] = table
        if len(table) == 1:
            # One group in the month says nothing a chart could show (QA29 F11: "Royal
            # Harbour (n=21)" alone, a full chart): one line says who they all are.
            parts.append(
                report.callout(
                    _w(
                        "breakdown_single",
                        lang,
                        title=_w("breakdown_title", lang, label=name),
                        n=f"{int(table['n'].iloc[0]):,}",
                        group=table[column].iloc[0],
                    )
                )
            )
            continue
        if len(table) and bool(table["suppressed"].all()):
            # Every group hidden for anonymity (QA30 F10: "NPS by Status" was a frame reading
            # "no data" over the names of its two hidden groups): one line says so.
            parts.append(
                report.callout(
                    _w(
                        "breakdown_hidden",
                        lang,
                        title=_w("breakdown_title", lang, label=name),
                        floor=min_report_n,
                        groups=join_names(sorted(map(str, table[column])), lang),
                    )
                )
            )
            continue
        # Ordinal groups (tenure bands) keep their order; `order:` in the parameters wins.
        order = group_order(table[column], None if isinstance(dim, str) else dim.get("order"))
        ax = plot.breakdown(
            table,
            by=column,
            lang=lang,
            level=level,
            order=order,
            title=_w("breakdown_title", lang, label=name),
        )
        parts.append(detach(ax))
        drawn = True
        marked = _marked_groups(table, column, lang)
        if marked:
            parts.append(report.callout(_w("marked", lang, label=name, groups=marked)))
    fdr = f"{(1 - level) * 100:g}"
    interval = interval_label(level, lang)
    note = _w("breakdown_note", lang, interval=interval, min_n=min_n, floor=min_report_n, fdr=fdr)
    if drawn:
        parts.append(report.callout(note))
    return SectionResult("breakdowns", value=out, tables=out, parts=tuple(parts))
