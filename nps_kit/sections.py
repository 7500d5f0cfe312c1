"""Report sections: each function computes with the analysis layer and draws, without showing.

A report notebook calls one function per section, so the notebook stays a thin script that an
analyst can read and edit, while every number comes from :mod:`nps_kit.score`,
:mod:`nps_kit.unit` and :mod:`nps_kit.analysis`. Every function returns a
:class:`SectionResult`: what it computed (``.value``, ``.tables``) and what it shows (HTML
blocks and figures, ``.parts``). Showing is a separate step (:meth:`Page.show`,
:func:`show` or ``result.show()``), so a cell can restyle a figure first; the :class:`Page`
keeps what was shown for the run summary (:meth:`Page.summary`).
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Collection, Mapping, Sequence
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import Any

import pandas as pd
from IPython.display import HTML

from nps_kit import __version__, clock, plot, report
from nps_kit._contact_rule import frame_contact_rule
from nps_kit._followup_html import FIRST_SCREEN, followup_html, loop_status_html
from nps_kit._same_comments import JOINERS, merge_same_comments
from nps_kit._section_result import Page, SectionResult, _Publish, detach, show
from nps_kit.analysis import FollowupAnalysis, QuestionResult
from nps_kit.closed_loop import (
    FollowupList,
    LoopRefused,
    LoopStatus,
    alerts_need,
    consent_unknown_detractors,
    consent_unknown_words,
    followup_list,
    loop_status,
    other_date_label,
    respondent_themes,
    still_open,
)
from nps_kit.decompose import (
    Contributor,
    apart,
    contributors_text,
    shift_share,
    top_contributors,
)
from nps_kit.drivers import quadrant_label
from nps_kit.errors import DataError
from nps_kit.followup_files import publish_followups, read_status_file, work_files
from nps_kit.i18n import (
    Language,
    hidden_month,
    interval_label,
    join_names,
    label,
    points,
    t,
)
from nps_kit.ordinal import group_order
from nps_kit.periods import (
    TREND_MONTHS,
    FiscalSpan,
    fiscal_to_date,
    format_period,
    shift_period,
)
from nps_kit.score import (
    CONTROL_MIN_PERIODS,
    DEFAULT_MIN_REPORT_N,
    n_below_floor,
    shown_diff,
    target_status,
    told_parts,
)
from nps_kit.score import Change as ScoreChange
from nps_kit.score import distribution as score_distribution
from nps_kit.strategy import Recommendation
from nps_kit.summary import (
    Action,
    Change,
    Control,
    Excluded,
    FiscalYtd,
    Theme,
    TrendPoint,
    UnitSummary,
    UnreadComments,
    floor_summary,
    publish_summary,
)
from nps_kit.summary import UnreadableDates as UnreadableDatesSummary
from nps_kit.text.discovery import text_quality
from nps_kit.text.stance import stance_mask
from nps_kit.text.themes import ThemeBook, representative_comments
from nps_kit.text.tokens import answered
from nps_kit.unit import (
    MONTH_COMPARISONS,
    Comparison,
    FiscalToDate,
    Headline,
    UnitData,
    breakdown_table,
    data_quality,
    headline,
    incomplete_through,
    trend_table,
    unit_unreadable_dates,
)

__all__ = [
    "Page",
    "SectionResult",
    "breakdowns",
    "change_drivers",
    "data_quality_section",
    "detractors",
    "distribution",
    "followup_status",
    "followups",
    "headline_section",
    "method",
    "show",
    "strategies",
    "summary",
    "title",
    "trend",
]


def _w(key: str, lang: Language, **values: object) -> str:
    return t(f"sections.{key}", lang, **values)


def _now(lang: Language, timezone: str | None) -> dt.datetime:
    return clock.now(lang, timezone)


def title(
    unit: UnitData, *, timezone: str | None = None, now: dt.datetime | None = None
) -> SectionResult:
    """Build the report title: unit, period, generation date and whether the month is running.

    The date is in ``timezone`` (an IANA name); the default is the readers' by language
    (:data:`nps_kit.clock.DEFAULT_TIMEZONE`: Asia/Tokyo for Japanese reports, UTC for English ones).
    ``now`` is when the report is made (default: the current time); the title says the month
    is not complete when that is before the month's end (:func:`nps_kit.unit.incomplete_through`).
    """
    lang = unit.language
    moment = now if now is not None else _now(lang, timezone)
    if moment.tzinfo is not None:
        moment = moment.astimezone(clock.zone(lang, timezone))
    today = moment.date().isoformat()
    last = incomplete_through(unit, now=moment, timezone=timezone)
    header = HTML(
        '<header class="nps-title"><h1>'
        + _escape(_w("title", lang, name=unit.name))
        + "</h1><p>"
        + _escape(_w("subtitle", lang, period=format_period(unit.period, lang), today=today))
        + "</p>"
        + _incomplete_note(unit, last)
        + "</header>"
    )
    # The value is the last response date of a month not complete yet: the run summary
    # publishes it so that the overview says so too.
    return SectionResult("title", value=last, parts=(header,))


def _incomplete_note(unit: UnitData, last: pd.Timestamp | None) -> str:
    if last is None:
        return ""
    period = format_period(unit.period, unit.language)
    note = _w("incomplete", unit.language, period=period, date=f"{last:%Y-%m-%d}")
    return f'<p class="nps-title__note" role="note">{_escape(note)}</p>'


def _escape(text: str) -> str:
    from html import escape

    return escape(text)


def headline_section(
    unit: UnitData,
    *,
    comparison: Sequence[str] = MONTH_COMPARISONS,
    target: float | None = None,
    weight: str | None = None,
    level: float = 0.95,
    min_n: int = 30,
    now: dt.datetime | None = None,
    min_report_n: int | None = None,
) -> SectionResult:
    """Compute the headline: NPS, interval, n, changes, gap to target and segment shares.

    ``.value`` is the :class:`~nps_kit.unit.Headline` (for :func:`change_drivers` and the
    summary), ``.tables["shares"]`` the shares of each period, ``.figure`` their chart. A
    month not over by ``now`` (default: the current time at the unit's place,
    :func:`nps_kit.unit.incomplete_through`) is labelled "December 2026 to date".
    ``min_report_n`` is the anonymity floor: a month of fewer responses shows only its n, as
    the overview and the e-mail do (QA28 #5), with no cards and no shares chart (its fiscal
    year to date stays, by the rule below); a change against a month under the floor is not
    shown either.

    With ``"fiscal_ytd"`` in ``comparison`` (a unit prepared with ``fiscal_year_start``), a
    block under the cards shows the fiscal year to date as the headline shows its month
    (:func:`nps_kit.report.year_to_date`), its change against the same months of the fiscal
    year before said as a month's; a change against months under the floor is not shown. Nor
    is the fiscal year to date when it holds fewer responses than the floor or when, minus the
    months the trend shows or the year to date an earlier report showed, it would tell the NPS
    of its months under the floor (:func:`_told_months`), nor its change when last year's span
    would tell one of its months so: a sentence says so.
    """
    lang = unit.language
    head = headline(
        unit,
        comparisons=[c for c in (*MONTH_COMPARISONS, "fiscal_ytd") if c in comparison],
        weight=weight,
        level=level,
        min_n=min_n,
    )
    # A month not over yet is "December 2026 to date": its NPS is not the month's result.
    running = incomplete_through(unit, now=now) is not None
    parts: list[Any] = [*_dates_note(unit)]
    if n_below_floor(head.result.n, min_report_n):
        when = format_period(unit.period, lang, to_date=running)
        hidden = t("overview.under_floor", lang, n=head.result.n, min_n=min_report_n)
        parts.append(HTML(f"<h3>{_escape(when)}</h3>"))
        parts.append(report.callout(hidden))
        # The fiscal year to date is the year's responses, not the month's: shown unless it
        # tells a month under the floor (a branch of 2–3 answers a month has 20 in the year).
        fiscal_parts, head = _fiscal_card(unit, replace(head, comparisons=()), min_report_n)
        parts += fiscal_parts
        return SectionResult("headline", value=head, tables={}, parts=tuple(parts))
    # A change against a month under the floor would tell that month's score.
    under = [n_below_floor(c.result.n, min_report_n) for c in head.comparisons]
    unshown = [c for c, u in zip(head.comparisons, under, strict=True) if u]
    compared = [c for c, u in zip(head.comparisons, under, strict=True) if not u]
    first = compared[0] if compared else None
    head = replace(head, comparisons=tuple(compared))  # the summary and drivers: none either
    parts += [
        report.headline(
            head.result,
            _shown_change(head, first) if first else None,
            target=target,
            lang=lang,
            period_label=format_period(unit.period, lang, to_date=running),
            comparison_label=_w(first.kind, lang) if first else None,
            compared_with=_compared_month(first, lang) if first else None,
        )
    ]
    # The headline says the first change; the row says only the others (BROWSE31: the same
    # "vs previous month" twice on the first screen).
    # Each card as the headline's own change: verdict beside the change, its interval under it,
    # then the month (BROWSE36: "October 2025: −10.6 pts · significant improvement").
    if len(compared) > 1:
        items = [
            (_w(c.kind, lang), _shown_change(head, c), _compared_month(c, lang))
            for c in compared[1:]
        ]
        parts.append(report.change_row(items, lang=lang))
    fiscal_parts, head = _fiscal_card(unit, head, min_report_n)
    parts += fiscal_parts
    rows = [_shares_row(format_period(unit.period, lang, to_date=running), head.result)]
    # A compared month without responses is said on its card; a bar row would be empty (BROWSE31).
    rows += [_shares_row(format_period(c.period, lang), c.result) for c in compared if c.result.n]
    shares = pd.DataFrame(rows)
    parts.append(detach(plot.shares_bar(shares, lang=lang, title=_w("shares_title", lang))))
    parts += [report.callout(note) for note in _floor_comparisons(unshown, lang, min_report_n)]
    return SectionResult("headline", value=head, tables={"shares": shares}, parts=tuple(parts))


def _fiscal_card(
    unit: UnitData, head: Headline, min_report_n: int | None
) -> tuple[list[Any], Headline]:
    """Return the fiscal year to date's card (or why it is hidden) and the headline as published.

    Shown as the headline shows its month (:func:`nps_kit.report.year_to_date`), with its change
    against last fiscal year's same months, in a month under the floor too: it is hidden only
    when, with the months and the earlier years to date shown, it would tell a month under the
    floor (:func:`_told_months`), and its change when last year's span is under the floor or
    would tell one of its months. ``head.fiscal`` then carries why (``unshown``), which the
    summary publishes for the overview and the e-mail.
    """
    lang = unit.language
    parts: list[Any] = []
    fiscal = head.fiscal
    told = [] if fiscal is None else _told_months(fiscal.span, fiscal.counts, min_report_n)
    if fiscal is not None and n_below_floor(fiscal.result.n, min_report_n):
        # Fewer responses in the year than the floor (a small branch's first months): its n.
        said = hidden_month(fiscal.span.label(lang), fiscal.result.n, min_report_n, lang)
        parts.append(report.callout(said))
        untold = replace(fiscal, comparison=None, unshown="ytd_under_floor", floor=min_report_n)
        head = replace(head, fiscal=untold)
    elif head.fiscal is not None and told:
        parts.append(
            report.callout(
                _w(
                    "fiscal_floor",
                    lang,
                    span=head.fiscal.span.label(lang),
                    n=f"{head.fiscal.result.n:,}",
                    floor=min_report_n,
                    months=join_names([format_period(m, lang) for m in told], lang),
                )
            )
        )
        # The summary publishes its span, n and why, no NPS (the overview and e-mail say why).
        untold = replace(head.fiscal, comparison=None, unshown="ytd_tells", floor=min_report_n)
        head = replace(head, fiscal=untold)
    elif head.fiscal is not None:
        fiscal = head.fiscal
        # Last year's span is hidden under the floor, or when it tells a month hidden there.
        few = fiscal.comparison is not None and n_below_floor(
            fiscal.comparison.result.n, min_report_n
        )
        told_before = [] if few else _told_months(fiscal.before, fiscal.before_counts, min_report_n)
        hides = fiscal.comparison is not None and (few or bool(told_before))
        parts.append(
            report.year_to_date(
                fiscal.result,
                None if hides else _shown_fiscal(fiscal),
                lang=lang,
                period_label=fiscal.span.label(lang),
                comparison_label=_w("fiscal_ytd", lang),
                compared_with=_compared_span(
                    fiscal, lang, hidden=hides, floor=min_report_n, told=told_before
                ),
            )
        )
        gaps = None if hides else _fiscal_gaps(unit, fiscal)
        if gaps is not None:
            parts.append(report.callout(gaps))
        if hides:  # the summary publishes no change either, and why
            why = "tells" if told_before else "under_floor"
            head = replace(
                head, fiscal=replace(fiscal, comparison=None, unshown=why, floor=min_report_n)
            )
        elif fiscal.comparison is not None and not fiscal.comparison.result.n:
            head = replace(head, fiscal=replace(fiscal, unshown="no_responses"))
        elif not fiscal.comparable:
            head = replace(head, fiscal=replace(fiscal, unshown="too_few"))
    return parts, head


def _told_months(span: FiscalSpan, counts: Sequence[int], min_report_n: int | None) -> list[str]:
    """Return the months under the floor that a fiscal span's NPS would tell, if any.

    Its months are a partition of its responses, each on a trend (this report's for this
    year's span, those of the reports a year ago for last year's): one under the floor there
    shows only its n, so the span's NPS and n minus the months shown are its NPS
    (:func:`nps_kit.score.told_parts`, the rule the overview and the e-mail apply to a
    published summary too). ``counts`` are the span's months' scored responses, as
    :class:`~nps_kit.unit.FiscalToDate` counted them.
    """
    return list(told_parts(span.months, counts, min_report_n))


def _fiscal_gaps(unit: UnitData, fiscal: FiscalToDate) -> str | None:
    """Say the months of last fiscal year's same months without responses, if some have some.

    An export that begins in May compares April–October with May–October: the reader must
    know. A span with no response at all, or with too few months to compare
    (:attr:`~nps_kit.unit.FiscalToDate.comparable`), says so on its card.
    """
    if fiscal.comparison is None or not fiscal.comparison.result.n or not fiscal.comparable:
        return None
    empty = fiscal.unanswered
    if not empty:
        return None
    lang = unit.language
    return _w(
        "fiscal_gaps",
        lang,
        span=fiscal.before.label(lang, to_date=False),
        months=join_names([format_period(m, lang) for m in empty], lang),
    )


def _shown_fiscal(fiscal: FiscalToDate) -> ScoreChange | None:
    """Return the fiscal year to date's change, its difference that of the shown values."""
    if fiscal.comparison is None:
        return None
    change = fiscal.comparison.change
    if change.diff is None or fiscal.result.nps is None or fiscal.comparison.result.nps is None:
        return change
    return replace(change, diff=shown_diff(fiscal.result.nps, fiscal.comparison.result.nps))


def _compared_span(
    fiscal: FiscalToDate,
    lang: Language,
    *,
    hidden: bool,
    floor: int | None,
    told: Sequence[str] = (),
) -> str | None:
    """``FY2025 (Apr–Oct): +12.0 pts``, or that it had no responses or is not shown, and why.

    ``told`` are its months under the floor that its NPS would tell (:func:`_told_months`).
    """
    span = fiscal.before.label(lang, to_date=False)
    colon = "：" if lang == "ja" else ": "
    if fiscal.comparison is None:
        return None
    result = fiscal.comparison.result
    if told:
        months = join_names([format_period(m, lang) for m in told], lang)
        return _w("fiscal_floor_before", lang, span=span, floor=floor, months=months)
    if hidden:
        return hidden_month(span, result.n, floor, lang)
    if not result.n:
        return f"{span}{colon}{label('no_responses', lang)}"
    if not fiscal.comparable:
        total = len(fiscal.before.months)
        answered = total - len(fiscal.unanswered)
        return span + colon + _w("fiscal_too_few", lang, answered=answered, months=total)
    return f"{span}{colon}{points(result.nps, lang)}"


def _compared_month(c: Comparison, lang: Language) -> str:
    """``September 2026: +39.2 pts``: the month a change compares with and its NPS.

    Or that it had no responses. The verdict is the change's, said beside the change, never
    after this month's NPS (BROWSE36).
    """
    colon = "：" if lang == "ja" else ": "
    if not c.result.n:
        return f"{format_period(c.period, lang)}{colon}{label('no_responses', lang)}"
    return f"{format_period(c.period, lang)}{colon}{points(c.result.nps, lang)}"


def _floor_comparisons(
    hidden: Sequence[Comparison], lang: Language, min_report_n: int | None
) -> list[str]:
    """Say why a change card is missing: its month is under the anonymity floor (BROWSE30).

    ``vs previous month: September 2026 (3 responses, fewer than 5: not shown)``.
    """
    notes = []
    for c in hidden:
        month = hidden_month(format_period(c.period, lang), c.result.n, min_report_n, lang)
        notes.append(
            f"{_w(c.kind, lang)}：{month}" if lang == "ja" else f"{_w(c.kind, lang)}: {month}"
        )
    return notes


def _dates_note(unit: UnitData) -> tuple[HTML, ...]:
    """Flag over the headline that some of the unit's dates could not be read.

    Those responses are in no month, so the headline and every monthly figure leave them out:
    the reader must know before reading the number.
    """
    unread = unit_unreadable_dates(unit)
    if unread is None:
        return ()
    lang = unit.language
    space = "" if lang == "ja" else " "
    return (
        HTML(
            '<div class="nps-flag" role="note">'
            f"<strong>{_escape(t('quality.dates_unparsed', lang))}</strong>"
            f"{_escape(unread.message(lang) + space + unread.hint(lang))}</div>"
        ),
    )


def _unreadable_summary(unit: UnitData) -> UnreadableDatesSummary | None:
    unread = unit_unreadable_dates(unit)
    if unread is None:
        return None
    return UnreadableDatesSummary(
        column=unread.column,
        count=unread.count,
        examples=unread.examples,
    )


def _shown_change(head: Headline, comparison: Comparison) -> ScoreChange:
    """Return the comparison's change with the difference of the shown (rounded) values.

    The interval and the verdict stay those of the exact difference; only the figure a reader
    can check by subtraction is made to agree with the two NPS values on the page.
    """
    change = comparison.change
    if change.diff is None or head.result.nps is None or comparison.result.nps is None:
        return change
    return replace(change, diff=shown_diff(head.result.nps, comparison.result.nps))


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


def _shares_row(name: str, result: Any) -> dict[str, Any]:
    return {
        "label": name,
        "n": result.n,
        "pct_promoters": result.pct_promoters,
        "pct_passives": result.pct_passives,
        "pct_detractors": result.pct_detractors,
        "nps": result.nps,
    }


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


def _phrase_table(phrases: pd.DataFrame, *, lang: Language) -> HTML:
    """Show :func:`nps_kit.text.segment_phrases`' table: each phrase over its example comment."""
    return report.table(
        phrases.assign(segment=phrases["segment"].map(lambda s: label(s, lang))),
        columns={
            "segment": _w("segment", lang),
            "phrase": _w("phrase_example", lang),
            "count": _w("phrase_count", lang),
            "share": _w("phrase_share", lang),
        },
        formats={"share": ".1f"},
        notes={"phrase": "example"},
        lang=lang,
    )


def _marked_groups(table: pd.DataFrame, column: str, lang: Language) -> str:
    """Name the groups marked above / below the unit, e.g. ``全体より高い ▲ Web、アプリ``."""
    if "versus_unit" not in table.columns:
        return ""
    joiner = "、" if lang == "ja" else ", "
    parts = []
    for side in ("above", "below"):
        names = [str(v) for v in table.loc[table["versus_unit"].eq(side).fillna(False), column]]
        if names:
            parts.append(_w(f"{side}_unit", lang, names=joiner.join(names)))
    return _w("parts_joiner", lang).join(parts)


#: Rows of a follow-up question's answer or theme table shown before its fold: each row is a
#: card on a phone, and a theme table of eight took three screens (REPORT31).
TABLE_SHOWN = 5
#: Actions shown of each segment before the strategies' fold: a manager reads the first
#: action for detractors, passives and promoters on one phone screen (REPORT31: nine cards
#: took 2.5 screens).
STRATEGIES_SHOWN = 1


class _NotPassed(enum.Enum):
    """A keyword an older copy of the report notebook does not pass (:mod:`_notebook_lines`)."""

    NOT_PASSED = enum.auto()


def strategies(
    unit: UnitData,
    analysis: FollowupAnalysis,
    *,
    contact_column: str | None = None,
    contact_details: Sequence[str] = (),
    id_column: str | _NotPassed | None = _NotPassed.NOT_PASSED,
) -> SectionResult:
    """List the data-driven recommendations per segment, each with its evidence.

    ``.tables["recommendations"]`` has one row per recommendation (``segment``, ``action``,
    ``evidence``). With the unit's consent column or contact details, a period whose detractors
    may none be contacted (:attr:`nps_kit.closed_loop.FollowupList.nobody_to_call`, the
    detractor list's own rule) shows why there is no one to call back in place of the
    playbook's call-back action, which would point to an empty list (QA26 #21). With
    ``id_column`` (the unit's ``columns.id``, ``None`` when it has none), an anonymous form
    (:attr:`~nps_kit.closed_loop.FollowupList.anonymous`: no id, consent or contact detail)
    says nobody can be called back and what to add to the form, as the e-mail does (QA44).
    An older notebook's call without ``id_column`` keeps the playbook's action there.
    """
    lang = unit.language
    recommendations = list(analysis.recommendations)
    id_known = not isinstance(id_column, _NotPassed)
    if contact_column is not None or contact_details or id_known:
        listed = followup_list(
            unit,
            id_column=None if isinstance(id_column, _NotPassed) else id_column,
            comment_column=None,
            contact_column=contact_column,
            details=contact_details,
        )
        basis = (
            ("declined" if listed.declined else "unreachable")
            if listed.nobody_to_call
            else "anonymous"
            if id_known and listed.anonymous
            else None
        )
        if basis is not None:
            recommendations = [
                replace(r, action=_w(f"nobody_to_call_{basis}", lang)) if _calls_back(r) else r
                for r in recommendations
            ]
    items = [(r.segment, r.action, r.evidence) for r in recommendations]
    table = pd.DataFrame(items, columns=["segment", "action", "evidence"])
    shown = (
        report.recommendations(items, lang=lang, per_segment=STRATEGIES_SHOWN)
        if items
        else report.callout(_w("no_recommendation", lang))
    )
    return SectionResult("strategies", tables={"recommendations": table}, parts=(shown,))


def _calls_back(recommendation: Recommendation) -> bool:
    """Whether a recommendation is the playbook's general detractor action: call them back."""
    return (
        recommendation.segment == "detractor"
        and recommendation.source == "general"
        and (recommendation.key != "no_data")
    )


def followups(
    unit: UnitData, analysis: FollowupAnalysis, *, strategies: bool = True
) -> SectionResult:
    """Tabulate every follow-up question: shares and NPS per answer, ratings, drivers, text.

    ``.tables`` holds each question's table by column, ``ratings`` and ``drivers`` when there
    are rated attributes; ``.figures`` the theme-impact and key-driver charts. ``strategies``
    says whether the report shows the strategies section (the report notebook passes
    ``"strategies" in page``): an improvement question's note names the actions only then
    (FIX30: it named them in a report without any).
    """
    lang = unit.language
    parts: list[Any] = []
    tables: dict[str, pd.DataFrame] = {}
    first_text = True
    for result in analysis.questions:
        q = result.question
        tables[q.column] = result.table
        parts.append(HTML(f"<h3>{_escape(q.label)}</h3>"))
        if q.type in ("categorical", "multi"):
            _choice_table(parts, result.table, q.type, lang)
        else:
            # Words that separate detractors from promoters answer "why that score", the first
            # open question; for later ones (what to improve) the contrast says little.
            _text_question(
                parts,
                unit,
                result,
                lang,
                primary=first_text,
                listed=analysis.scope == "reasons",
                strategies=strategies,
            )
            first_text = False
    if analysis.ratings is not None:
        tables["ratings"] = analysis.ratings
        parts.append(HTML(f"<h3>{_escape(_w('ratings_title', lang))}</h3>"))
        _ratings_table(parts, analysis.ratings, lang)
        if analysis.rating_scale is not None:
            # A mean of 3.9 reads differently out of 0–5 and 1–5: the scale is said (FIX79).
            low, high = analysis.rating_scale
            parts.append(
                report.callout(_w("ratings_scale", lang, low=f"{low:g}", high=f"{high:g}"))
            )
    # Quadrants place attributes against each other's mean importance and rating: one rated
    # attribute is always "average" (QA18: a quadrant chart of one item), so none is drawn.
    if analysis.drivers is not None and len(analysis.drivers) >= 2:
        tables["drivers"] = analysis.drivers
        parts.append(HTML(f"<h3>{_escape(_w('drivers_title', lang))}</h3>"))
        ax = plot.driver_quadrant(
            analysis.drivers,
            lang=lang,
            scale=analysis.rating_scale,
            title=_w("drivers_title", lang),
        )
        parts.append(detach(ax))
        method = analysis.drivers["method"].iloc[0]
        parts.append(
            report.callout(
                _w(
                    "drivers_note",
                    lang,
                    method=_w("method_rw" if method == "relative_weights" else "method_corr", lang),
                )
            )
        )
        # An attribute whose importance is undefined (constant rating, too few answers) has no
        # quadrant: it shows as "—" instead of failing the whole section.
        shown = analysis.drivers.assign(
            quadrant=analysis.drivers["quadrant"].map(
                lambda q: quadrant_label(q, lang), na_action="ignore"
            )
        )
        parts.append(
            report.table(
                shown,
                columns={
                    "label": _w("attribute", lang),
                    "importance": _w("importance", lang),
                    "performance": _w("performance", lang),
                    "quadrant": _w("quadrant", lang),
                },
                formats={"importance": ".3f", "performance": ".2f"},
                lang=lang,
            )
        )
    return SectionResult("followups", tables=tables, parts=tuple(parts))


def _choice_table(parts: list[Any], table: pd.DataFrame, kind: str, lang: Language) -> None:
    key = "answer" if kind == "categorical" else "option"
    shown = table.copy()
    if "missing" in shown.columns:
        missing = shown["missing"].fillna(False).astype(bool)
        shown = shown.loc[~missing | (shown["n"] > 0)]
        shown.loc[missing.loc[shown.index], key] = label("no_answer", lang)
    parts.append(
        report.table(
            shown,
            # What a phone must show without scrolling comes first: the answer, n and NPS with
            # its interval (in one cell); the shares follow.
            columns={
                key: _w(key, lang),
                "n": _w("n", lang),
                "nps": _w("nps_ci_col", lang),
                "share": _w("share", lang),
                "share_promoters": _w("share_promoters", lang),
                "share_detractors": _w("share_detractors", lang),
            },
            formats={
                "share": ".1f",
                "share_promoters": ".1f",
                "share_detractors": ".1f",
                "nps": "+.1f",
            },
            intervals={"nps": ("ci_low", "ci_high")},
            flag_column="small_sample",
            lang=lang,
            first=TABLE_SHOWN,
        )
    )
    note = _hidden_note(shown, key, lang)
    if note:
        parts.append(report.callout(note))


def _hidden_note(table: pd.DataFrame, key: str, lang: Language) -> str:
    """Say why rows show only their size: too few responses, or the secondary rule's."""
    if "suppressed" not in table.columns:
        return ""
    hidden = table["suppressed"].fillna(False).astype(bool) & (table["n"] > 0)
    second = (
        table["complementary"].fillna(False).astype(bool)
        if "complementary" in table.columns
        else pd.Series(False, index=table.index)
    )
    lines = []
    for rows, word in ((hidden & ~second, "hidden_rows"), (hidden & second, "hidden_second")):
        if rows.any():
            names = join_names([str(v) for v in table.loc[rows, key]], lang)
            lines.append(_w(word, lang, names=names))
    return " ".join(lines)


def _ratings_table(parts: list[Any], ratings: pd.DataFrame, lang: Language) -> None:
    wide = ratings.pivot_table(index="label", columns="segment", values="mean", sort=False)
    wide = wide.reindex(
        columns=[c for c in ("all", "promoter", "passive", "detractor") if c in wide.columns]
    )
    wide = wide.reset_index()
    names = {"label": _w("attribute", lang), "all": _w("all", lang)}
    names.update({s: label(s, lang) for s in ("promoter", "passive", "detractor")})
    parts.append(
        report.table(
            wide,
            columns={c: names[c] for c in wide.columns},
            formats={c: ".2f" for c in wide.columns if c != "label"},
            lang=lang,
        )
    )


def _text_question(
    parts: list[Any],
    unit: UnitData,
    result: Any,
    lang: Language,
    *,
    primary: bool = True,
    listed: bool = False,
    strategies: bool = True,
) -> None:
    parts.append(report.callout(_w("commenters", lang, n=f"{result.commenters:,}")))
    # Themes exactly the same comments carry are one row, of the table, the chart and the
    # quotes (FIX75: two rows with the same n, shares and gain read as two problems).
    impact = (
        result.table
        if result.tags is None
        else merge_same_comments(result.table, result.tags, lang=lang)
    )
    mentioned = bool(len(impact)) and impact["mentions"].sum() > 0
    if result.question.asks == "improvement" and mentioned:  # its mentions were read as requests
        # Beside a reason question, the strategies and the e-mail rank the reasons and list
        # these requests apart (analysis.scope "reasons"): say so where the requests are shown,
        # naming the actions only in a report that shows them.
        note = "asks_improvement"
        if listed:
            note = "asks_improvement_listed" if strategies else "asks_improvement_listed_mail"
        parts.append(report.callout(_w(note, lang)))
    if mentioned:
        themes = impact.loc[impact["mentions"] > 0]
        shown = themes.head(8)
        # The chart for the first open question; later ones get the table only. Under the
        # floor every gain is hidden: one line says so, not a full-height "no data" chart
        # (QA28 #10a).
        drawn = pd.to_numeric(shown["nps_gain"], errors="coerce").notna().any()
        # A theme no detractor complains about adds nothing: an empty "0.0" bar only takes a
        # row of the chart (BROWSE32 e); the table below still lists it.
        gaining = shown.loc[pd.to_numeric(shown["detractors"], errors="coerce").fillna(0) > 0]
        if primary and drawn and len(gaining):
            parts.append(detach(plot.theme_impact(gaining, lang=lang, title=label("impact", lang))))
        elif primary and drawn and pd.to_numeric(themes["nps_gain"], errors="coerce").isna().any():
            # A theme under the floor may have complaining detractors: not "none" (REVIEW35).
            parts.append(report.callout(_w("impact_none_floor", lang, floor=result.min_report_n)))
        elif primary and drawn:
            parts.append(report.callout(_w("impact_none", lang)))
        elif primary:
            parts.append(report.callout(_w("impact_hidden", lang, floor=result.min_report_n)))
        # The key figure (the gain) right after the theme, intervals under their NPS: the
        # table fits a desktop and shows theme, mentions and gain on a phone.
        # Every theme mentioned, the first few in view and the others in a fold (REPORT31: the
        # table stopped at 8 of a pack's 20-odd themes).
        parts.append(
            report.table(
                themes,
                first=TABLE_SHOWN,
                columns={
                    "label": _w("theme", lang),
                    "mentions": _w("mentions", lang),
                    "nps_gain": _w("in_points", lang, what=label("impact", lang)),
                    "detractors": label("impact_n", lang),
                    "nps_with": label("nps_commenters_with", lang),
                    "nps_without": label("nps_commenters_without", lang),
                    "share_detractors": _w("mention_share_detractors", lang),
                },
                formats={
                    "share_detractors": ".1f",
                    "nps_with": "+.1f",
                    "nps_without": "+.1f",
                    "nps_gain": "+.1f",
                    "detractors": ".0f",  # a count, a float where the floor blanks it
                },
                intervals={
                    "nps_with": ("ci_with_low", "ci_with_high"),
                    "nps_without": ("ci_without_low", "ci_without_high"),
                },
                lang=lang,
                flag_column="small_sample",
                flag="few_mentions",  # few mentions, however many responses the unit has
            )
        )
        hidden = (
            themes["suppressed"] if "suppressed" in themes.columns else themes["nps_with"].isna()
        )
        if hidden.any() or themes["nps_without"].isna().any():
            parts.append(report.callout(_w("theme_floor", lang, floor=result.min_report_n)))
        merged = themes["themes"].map(len) > 1 if "themes" in themes else []
        for name in themes.loc[merged, "label"]:
            parts.append(report.callout(_w("same_comments", lang, label=name)))
    # Most comments in a language no pack reads: why the question has no themes (BROWSE33:
    # French comments were "not enough text"), said in the words the e-mail and the overview
    # use (FIX78), under every question it holds for.
    unread = None if result.unread is None else result.unread.message(lang)
    if primary and result.phrases is not None and len(result.phrases):
        parts.append(HTML(f"<h4>{_escape(_w('phrases_title', lang))}</h4>"))
        parts.append(_phrase_table(result.phrases, lang=lang))
        if unread:
            parts.append(report.callout(unread))
    elif primary and result.phrases is not None:  # too few or too uniform comments to compare
        parts.append(report.callout(unread or _w("words_too_few", lang)))
    elif unread:
        parts.append(report.callout(unread))
    texts = unit.current[result.question.column].astype("string").str.strip()
    seg = unit.current["segment"]
    # A comment given two themes is quoted under the first only (BROWSE31: "Faster ticket
    # responses." under Support and again under Performance): the same words under a
    # second heading show nothing new of it, and a theme with no other comment has none.
    quoted: set[str] = set()
    theme_parts: list[HTML] = []
    if result.polarity is not None and len(impact):
        # Quoted under a theme: detractors who complain about it or ask to improve it, the
        # people the gain counts (a detractor praising the theme is not one of its voices).
        complains = stance_mask(result.polarity, "complaint")
        for theme in impact.loc[impact["detractors"] > 0, "theme"].head(3):
            hit = complains[theme] & (seg == "detractor").fillna(False).astype(bool)
            picked = representative_comments(texts[hit], k=2, leave_out=quoted)
            quoted.update(picked)
            if picked:
                name = impact.loc[impact["theme"] == theme, "label"].iloc[0]
                theme_parts.append(
                    HTML(f"<h4>{_escape(_w('theme_voices', lang, theme=name))}</h4>")
                )
                theme_parts.append(report.comments(picked, lang=lang))
    for segment in ("detractor", "passive", "promoter"):
        # The detractors' voices are others than those quoted under a theme below (BROWSE32:
        # every report quoted one or two of them twice, "Voices of Detractors" and again
        # under "Detractors' complaints and requests on …"); the theme keeps its own.
        leave_out = quoted if segment == "detractor" else ()
        picked = representative_comments(
            texts[(seg == segment) & answered(texts)], k=3, leave_out=leave_out
        )
        if picked:
            parts.append(
                HTML(f"<h4>{_escape(_w('voices', lang, segment=label(segment, lang)))}</h4>")
            )
            parts.append(report.comments(picked, lang=lang))
    parts.extend(theme_parts)


def _themes_by_answer(
    questions: Sequence[QuestionResult],
    comment_column: str | None,
    labels: Mapping[str, str],
    lang: Language,
    *,
    polarity: pd.DataFrame | None,
) -> pd.Series:
    """Name each respondent's themes: the shown comment's, then ``label: …`` per other answer.

    A theme is named once per respondent, with the first answer that names it (the shown
    comment's first), and with its sign over all the respondent's answers (``polarity``,
    :func:`nps_kit.text.merge_polarity`'s): FIX75's row read "Delivery (−) / To improve:
    Delivery (−)" for a late delivery and a request for faster delivery.
    """
    named = []
    seen: pd.DataFrame | None = None  # the themes an earlier answer of the row has named
    for q in sorted(questions, key=lambda q: q.question.column != comment_column):
        assert q.tags is not None
        tags = q.tags.fillna(False).astype(bool)
        new = tags if seen is None else tags & ~seen
        seen = tags if seen is None else seen | tags
        signs = q.polarity if polarity is None else polarity
        text = respondent_themes(new, labels, polarity=signs, lang=lang)
        if q.question.column != comment_column:
            name = q.question.label or q.question.column
            text = text.where(text == "", f"{name}{'：' if lang == 'ja' else ': '}" + text)
        named.append(text)
    joined = pd.concat(named, axis=1)
    between = _w("parts_joiner", lang)
    return joined.apply(lambda row: between.join(v for v in row if v), axis=1)


def detractors(
    unit: UnitData,
    *,
    id_column: str | None,
    comment_column: str | None,
    contact_column: str | None,
    contact_details: Sequence[str] = (),
    breakdowns: Sequence[str | Mapping[str, str]] = (),
    analysis: FollowupAnalysis | None = None,
    unit_id: str | None = None,
    first: int = FIRST_SCREEN,
    timezone: str | None = None,
    status: LoopStatus | LoopRefused | None = None,
    now: dt.datetime | None = None,
) -> SectionResult:
    """List every contactable detractor of the period, most urgent first, to show and publish.

    Ages count to today (the generation date) in ``timezone`` (default: by the unit's
    language, as :func:`title`); ``now`` is when the report is made (default: the current
    time), against which each call-back is judged at the answer's instant, as ``nps-kit
    alerts`` judges it (:func:`nps_kit.closed_loop.call_backs`). The first ``first`` people
    are shown, the others in a collapsed block; showing the section also hands the whole list
    to the runner, which writes it to ``<unit_id>_followups.csv/.xlsx``. ``.value`` is the
    :class:`~nps_kit.closed_loop.FollowupList` (see :func:`nps_kit.closed_loop.followup_list`),
    ``.tables["followups"]`` its rows. ``status`` is :func:`followup_status`'s ``.value``: the
    people the returned file marks contacted are shown as contacted, with the day, instead of
    a call-by date (QA22: they read "Call by 2026-11-25 (overdue)"). ``contact_details`` are
    the unit's ``columns.contact_details``: without a consent column, those who left a way to
    reach them are listed, as ``nps-kit alerts`` alerts them (one rule:
    :func:`nps_kit.closed_loop.contactable_detractors`); their details never enter the report.
    """
    themes = None
    if analysis is not None and analysis.tags is not None and analysis.themes is not None:
        labels = dict(zip(analysis.themes["theme"], analysis.themes["label"], strict=True))
        texts = [q for q in analysis.questions if q.tags is not None]
        if any(q.question.column == comment_column for q in texts):
            # The shown comment's themes, then each other answer's under its question's label:
            # a theme from an answer the card does not show could not be traced (QA18: 会費が
            # 高い listed with usability, from the improvement answer).
            themes = _themes_by_answer(
                texts, comment_column, labels, unit.language, polarity=analysis.polarity
            )
        else:
            themes = respondent_themes(
                analysis.tags, labels, polarity=analysis.polarity, lang=unit.language
            )
    made = now or _now(unit.language, timezone)
    found = followup_list(
        unit,
        id_column=id_column,
        comment_column=comment_column,
        contact_column=contact_column,
        details=contact_details,
        breakdowns=breakdowns,
        themes=themes,
        as_of=made.astimezone(clock.zone(unit.language, timezone)).date(),
        now=made,
    )
    files = None
    if unit_id is not None:
        paths = work_files(Path(), unit_id)
        files = (paths.csv.name, paths.xlsx.name)
    parts = (
        followup_html(
            found,
            lang=unit.language,
            work_files=files,
            first=first,
            # Only where `nps-kit alerts` can work: the check alerts' blocker makes, shared
            # (FIX30: the date column was checked there only).
            alerts=alerts_need(
                id_column=id_column,
                date_column=unit.load.date_column,
                contact_column=contact_column,
                details=contact_details,
            )
            is None,
            status=status,
        ),
        _Publish(partial(publish_followups, found)),
    )
    return SectionResult("detractors", value=found, tables={"followups": found.rows}, parts=parts)


def followup_status(
    unit: UnitData,
    status_file: str | Path | None,
    *,
    id_column: str | None,
    comment_column: str | None,
    timezone: str | None = None,
    contact_column: str | None = None,
    contact_details: Sequence[str] = (),
    over_list: bool = False,
) -> SectionResult:
    """Measure how the team followed up a returned list: close rate, median days, who is open.

    Nothing is shown without a status file (``closed_loop.status_file`` in the parameters).
    Open people's ages count to today in ``timezone`` (default: by the unit's language); dates
    the team typed as ``3/12/2026`` are read in the order the unit's readers write them
    (:func:`nps_kit.clock.date_order`). A file that cannot be used never fails the report:
    the box says what is wrong and what to do, in the unit's language and with the file's own
    column names (連絡日). Without such a zone, dates that read both ways and nothing in the file
    decides (3/4/2026, re-saved by Excel) are read in the order the unit reads its export's dates
    (``data.date_format``, or detected), and the box says so. A date typed without a year
    (12月4日, 12/3) is read in the weeks up to today when only one date fits, else the box asks
    for the year. ``.value`` is the
    :class:`~nps_kit.closed_loop.LoopStatus` (its ``warnings`` name each unreadable cell), a
    :class:`~nps_kit.closed_loop.LoopRefused`, or ``None`` without a file. With ``over_list``
    the close rate is over the period's follow-up list (as :func:`detractors` lists it with
    ``contact_column`` and ``contact_details``), the listed people the file leaves out being
    still open, as the e-mail counts them (QA26); without it, over the file's rows.
    """
    if status_file is None:
        return SectionResult("followup_status")
    path = Path(status_file)
    lang = unit.language
    try:
        today = _now(lang, timezone).date()
        read = read_status_file(
            path,
            date_order=clock.date_order(lang, timezone),
            export_order=unit.load.date_order,
            today=today,
        )
        status: LoopStatus | LoopRefused = loop_status(
            read.rows,
            unit.responses,
            source=path,
            id_column=id_column,
            comment_column=comment_column,
            redact=unit.redacted,
            as_of=today,
            warnings=read.warnings(lang),
            order_note=read.order_note(lang),
            lang=lang,
            listed=followup_list(
                unit,
                id_column=id_column,
                comment_column=comment_column,
                contact_column=contact_column,
                details=contact_details,
                as_of=today,
            ).rows["response_id"]
            if over_list
            else None,
        )
    except DataError as err:
        status = LoopRefused(source=path, message=str(err))
    return SectionResult(
        "followup_status",
        value=status,
        parts=(
            loop_status_html(
                status, lang=lang, rows=id_column is None, date_label=other_date_label(unit)
            ),
        ),
    )


def contact_quality(
    unit: UnitData, *, contact_column: str | None, details: Sequence[str] = ()
) -> dict[str, str] | None:
    """Return the data-quality row of the period's responses that allowed contact, or ``None``.

    Read by the one contact rule (:func:`nps_kit._contact_rule.frame_contact_rule`), as
    ``run`` and ``alerts`` read it: a yes in ``columns.contact`` (a "Do not contact" column's
    no, its answers listed reversed, says so), or without one a way to reach them left in
    ``columns.contact_details``. ``None`` when consent is unknown or the settings do not fit
    the rows (``run`` refuses such a unit before any report).
    """
    rule = frame_contact_rule(
        unit.responses, contact=contact_column, details=details, words=unit.consent
    )
    if not rule.known or rule.problem is not None:
        return None
    lang = unit.language
    n = f"{len(rule.contactable(unit.current, max_score=10)):,}"
    if rule.column is None:
        return {"item": t("quality.contact_details", lang), "value": n}
    if rule.reversed:
        quoted = (f"「{w}」" if lang == "ja" else f"'{w}'" for w in sorted(rule.words.yes))
        grants = join_names(quoted, lang)
        n += t("quality.contact_reversed", lang, answers=grants)
    # Detractors whose consent is unknown (a box left blank) are left off the call-back list:
    # how many, and what would decide it (FIX77).
    unknown = len(
        consent_unknown_detractors(unit.current, contact_column=rule.column, words=rule.words)
    )
    if unknown:
        n += consent_unknown_words(unknown, lang)
    return {"item": t("quality.contact", lang, column=rule.column), "value": n}


def data_quality_section(
    unit: UnitData,
    *,
    id_column: str | None = None,
    analysis: FollowupAnalysis | None = None,
    comment_column: str | None = None,
    book: ThemeBook | None = None,
    contact_column: str | None = None,
    contact_details: Sequence[str] = (),
) -> SectionResult:
    """Count rows read, excluded (missing, invalid), duplicates; date range and source.

    With ``analysis``, rating answers off the scale or not a number are counted too. With
    ``comment_column`` and ``book`` (the themes in use), also the share of the period's comments
    with a theme, the frequent phrases of the others, and a warning when the theme pack tags few
    of them (:func:`nps_kit.text.discovery.text_quality`). With ``contact_column`` or
    ``contact_details``, how many of the period's responses allowed contact, by the rule ``run``
    and ``alerts`` read them with (:func:`contact_quality`). ``.value`` is the table (``item``,
    ``value``).
    """
    ratings = analysis.ratings if analysis is not None else None
    table = data_quality(unit, id_column=id_column, ratings=ratings)
    lang = unit.language
    contact = contact_quality(unit, contact_column=contact_column, details=contact_details)
    if contact is not None:
        table = pd.concat([table, pd.DataFrame([contact])], ignore_index=True)
    if comment_column and book is not None and comment_column in unit.current.columns:
        texts = unit.current[comment_column]
        # Comments without a valid score count here, not in the follow-ups' commenters.
        unscored = unit.current["segment"].isna()
        table = pd.concat(
            [table, text_quality(texts, book, lang=lang, unscored=unscored)], ignore_index=True
        )
    shown = report.table(
        table, columns={"item": _w("item", lang), "value": _w("value", lang)}, lang=lang
    )
    return SectionResult("quality", value=table, tables={"quality": table}, parts=(shown,))


def method(
    unit: UnitData,
    *,
    level: float = 0.95,
    min_n: int = 30,
    min_report_n: int = DEFAULT_MIN_REPORT_N,
    timezone: str | None = None,
    analysis: FollowupAnalysis | None = None,
    control_min_months: int = CONTROL_MIN_PERIODS,
) -> SectionResult:
    """State thresholds, version and generation time (the definitions are in markdown).

    The time is in ``timezone`` (an IANA name such as ``Asia/Tokyo``); the default is the
    readers' by language (:data:`nps_kit.clock.DEFAULT_TIMEZONE`), never the server's UTC for a
    Japanese unit. With ``analysis`` of a unit with text questions, a line says which themes
    this report used: a shipped pack, a file that extends one, or a file of dictionaries alone.
    """
    now = _now(unit.language, timezone).strftime("%Y-%m-%d %H:%M %Z")
    parts = []
    if analysis is not None and analysis.themes is not None:
        parts.append(report.callout(themes_used(analysis.book, unit.language)))
    if min_report_n:
        parts.append(report.callout(_w("method_floor", unit.language, floor=min_report_n)))
    if unit.fiscal_year_start is not None:
        parts.append(report.callout(_fiscal_naming(unit)))
    facts = report.callout(
        _w(
            "method_facts",
            unit.language,
            level=round(level * 100),
            min_n=min_n,
            floor=min_report_n,
            months=control_min_months,
            version=__version__,
            now=now,
        )
    )
    return SectionResult("method", parts=(*parts, facts))


def _fiscal_naming(unit: UnitData) -> str:
    """Say how a fiscal year is named and what its year to date compares, with this unit's."""
    assert unit.fiscal_year_start is not None
    lang, start = unit.language, unit.fiscal_year_start
    span = fiscal_to_date(unit.period, start, named_by=unit.fiscal_year_named_by)
    end = shift_period(span.first, 11)
    return _w(
        "method_fiscal",
        lang,
        named=t(f"periods.named_by_{span.named_by}", lang),
        example=span.name,
        start=start,
        start_year=span.first[:4],
        end_year=end[:4],
        end=int(end[5:]),
        first=format_period(span.first, lang),
        last=format_period(end, lang),
    )


def themes_used(book: ThemeBook, lang: Language) -> str:
    """Say which themes tagged a report: a shipped pack, a file extending one, or a file alone.

    Examples
    --------
    >>> from nps_kit.text import load_pack
    >>> themes_used(load_pack("saas"), "en")
    'Themes of this report: the saas pack (dictionaries, learned layer and polarity correction)'
    """
    from nps_kit.text._layer import trained
    from nps_kit.text.packs import pack_files

    if book.pack is None:
        return _w("method_themes_own", lang, file=book.path.name)
    # The pack's name in the report's language; an unknown (newer) pack keeps its id.
    try:
        pack = t(f"sections.pack.{book.pack}", lang)
    except KeyError:
        pack = book.pack
    learned = trained(book.pack)  # the food pack has no learned layers: its rules alone
    if book.path.resolve() == pack_files(book.pack)[0].resolve():
        return _w("method_themes_pack" if learned else "method_themes_pack_rules", lang, pack=pack)
    if not learned:
        key = (
            "method_themes_extends_rules"
            if book.own or book.new
            else "method_themes_extends_rules_only"
        )
    elif book.own or book.new:
        key = "method_themes_extends_more"
    else:
        key = "method_themes_extends"
    return _w(
        key,
        lang,
        file=book.path.name,
        pack=pack,
        own=len(book.own),
        new=len(book.new),
    )


def _optional(value: Any) -> Any:
    return None if value is None or pd.isna(value) else value


def _control_fields(row: Mapping[Any, Any]) -> dict[str, Any]:
    """Return a trend row's control limits and signal (``above``/``below``/``None``)."""
    if "out_of_control" not in row:
        return {}
    return {
        "control_low": _optional(row.get("control_low")),
        "control_high": _optional(row.get("control_high")),
        "out_of_control": _optional(row.get("out_of_control")),
    }


def _summary_theme(
    row: Mapping[Any, Any],
    book: ThemeBook,
    *,
    nps_gain: float | None,
    detractors: int | None = None,
    mentions: int | None = None,
) -> Theme:
    """Turn one theme-table row into the summary's :class:`~nps_kit.summary.Theme`.

    Named in both languages and flagged as the report's table flags it, for the top themes and
    the improvement requests alike.
    """
    theme = str(row["theme"])
    # One row of the themes exactly the same comments carry (merge_same_comments) is named by
    # them all, in each language.
    ids = [str(x) for x in (row.get("themes") or (theme,))]
    return Theme(
        theme=row["theme"],
        label=row["label"],
        share=row["share"],
        nps_gain=nps_gain,
        detractors=detractors,
        label_ja=JOINERS["ja"].join(book.label(x, "ja") for x in ids),
        label_en=JOINERS["en"].join(book.label(x, "en") for x in ids),
        small_sample=bool(row.get("small_sample", False)),
        mentions=mentions,
    )


def _control_of(trend_rows: pd.DataFrame, period: str) -> Control | None:
    """Return the reporting month against the unit's control limits (e-mail, manifest)."""
    if "out_of_control" not in trend_rows.columns:
        return None
    month = trend_rows.loc[trend_rows["period"] == period]
    if month.empty:
        return None
    row = month.iloc[0]
    return Control(
        period=period,
        centre=_optional(row["control_centre"]),
        low=_optional(row["control_low"]),
        high=_optional(row["control_high"]),
        outside=_optional(row["out_of_control"]),
    )


def _published_change(c: Comparison, diff: float | None) -> Change:
    """Return a comparison as the summary publishes it, with the shown difference ``diff``."""
    return Change(
        vs=c.period,
        kind=c.kind,
        diff=diff,
        ci_low=c.change.ci_low,
        ci_high=c.change.ci_high,
        p_value=c.change.p_value,
        verdict=c.change.verdict,
        level=c.change.level,
        nps=c.result.nps,
    )


def _fiscal_summary(fiscal: FiscalToDate) -> FiscalYtd:
    """Return the fiscal year to date as published: its change as a month's (:class:`Change`)."""
    c, shown = fiscal.comparison, _shown_fiscal(fiscal)
    change = None if c is None or shown is None else _published_change(c, shown.diff)
    r, shown_ytd = fiscal.result, fiscal.unshown not in ("ytd_tells", "ytd_under_floor")
    return FiscalYtd(
        year=fiscal.span.year,
        first=fiscal.span.first,
        last=fiscal.span.last,
        named_by=fiscal.span.named_by,
        n=r.n,
        nps=r.nps if shown_ytd else None,
        ci_low=r.ci_low if shown_ytd else None,
        ci_high=r.ci_high if shown_ytd else None,
        small_sample=r.small_sample,
        change=change,
        counts=fiscal.counts,
        before_counts=fiscal.before_counts,
        unshown=fiscal.unshown,
        floor=fiscal.floor,
    )


def summary(
    unit: UnitData,
    head: Headline,
    trend_rows: pd.DataFrame | None = None,
    analysis: FollowupAnalysis | None = None,
    detractor_list: FollowupList | None = None,
    *,
    loop: LoopStatus | LoopRefused | None = None,
    target: float | None = None,
    contributors: Sequence[Mapping[str, Any]] = (),
    shown: Collection[str] | None = None,
    min_n: int | None = None,
    incomplete: pd.Timestamp | None = None,
    min_report_n: int | None = None,
) -> UnitSummary:
    """Build and publish the unit's summary for the runner's manifest and the e-mail.

    :meth:`Page.summary` calls it with what the report showed. ``contributors`` is
    :func:`change_drivers`' ``.value``, published as ``contributors``. What a report leaves
    out is left out of the summary too, so the overview and the e-mail show a dash: no trend
    or control limits without ``trend_rows``, no detractor count without ``detractor_list``,
    and with ``shown`` (the names of the sections shown) no top themes unless ``followups``
    is among them and no actions unless ``strategies`` is. ``min_n`` is the small-sample
    threshold the sections were shown with, published so the e-mail's trend names the same one.
    ``incomplete`` is the title's last response date of a month not complete yet
    (:func:`title`'s ``.value``), published as ``incomplete_through`` for the overview.
    ``loop`` is the returned status (:func:`followup_status`'s ``.value``): those it marks
    contacted are no longer counted as awaiting follow-up, and what it could not read (or why it
    was refused) is published as ``followup_warnings`` for the run's warnings.
    ``min_report_n`` is the anonymity floor the page was shown with: what it hides is not
    published either (:func:`nps_kit.summary.floor_summary`), as the notebook and the
    ``manifest.json`` beside the reports are read by whoever the folder is shared with.
    """
    result = head.result
    warnings: tuple[str, ...] = ()
    if isinstance(loop, LoopRefused):
        warnings, loop = (loop.message,), None
    elif loop is not None:
        warnings = loop.warnings
    changes = [_published_change(c, _shown_change(head, c).diff) for c in head.comparisons]
    change = changes[0] if changes else None
    fiscal = None if head.fiscal is None else _fiscal_summary(head.fiscal)
    themes: list[Theme] = []
    requests: list[Theme] = []
    unread: UnreadComments | None = None
    under: int | None = None
    over = 0
    scope: str | None = None
    actions: list[Action] = []
    if analysis is not None:
        if analysis.themes is not None and (shown is None or "followups" in shown):
            # The themes to act on: those some detractor complains about or asks to improve
            # (QA18: a theme with no such detractor was listed with "+0.0 points, 0 people").
            # Themes exactly the same comments carry are one, as in the report's table
            # (REVIEW33: the e-mail listed "Packaging +6.7, Delivery +6.7" beside its one row).
            ranked = (
                analysis.themes
                if analysis.ranked_tags is None
                else merge_same_comments(analysis.themes, analysis.ranked_tags, lang=unit.language)
            )
            top = ranked.loc[ranked["detractors"] > 0].head(3)
            # No top theme while themes under the floor hide their gain (every theme, FIX78, or
            # those a detractor may complain of beside themes over it none does, REVIEW35): the
            # e-mail and the overview say why, as the report does (impact_hidden,
            # impact_none_floor), not a bare dash read as "no complaint".
            mentioned = ranked.loc[pd.to_numeric(ranked["mentions"], errors="coerce") > 0]
            hidden = pd.to_numeric(mentioned["nps_gain"], errors="coerce").isna()
            if top.empty and hidden.any():
                under = next(q.min_report_n for q in analysis.questions if q.tags is not None)
                over = int((~hidden).sum())
            themes = [
                _summary_theme(
                    r, analysis.book, nps_gain=r["nps_gain"], detractors=int(r["detractors"])
                )
                for r in top.to_dict("records")
            ]
            scope = analysis.scope
            # Why there are no top themes when the comments ranked are mostly in a language no
            # pack reads: the report's sentence under that question (FIX78: the e-mail showed no
            # themes and the overview a bare "—").
            unread = next(
                (
                    q.unread
                    for q in analysis.questions
                    if q.unread is not None
                    and not (scope == "reasons" and q.question.asks == "improvement")
                ),
                None,
            )
            if analysis.requests is not None:
                # What the improvement question asked for, by how many asked (QA22: these
                # requests had outranked why detractors scored low).
                asked = analysis.requests.loc[analysis.requests["mentions"] > 0]
                asked = asked.sort_values("mentions", ascending=False, kind="stable").head(3)
                requests = [
                    _summary_theme(r, analysis.book, nps_gain=None, mentions=int(r["mentions"]))
                    for r in asked.to_dict("records")
                ]
        if shown is None or "strategies" in shown:
            # Once the returned file marks every listed detractor contacted, the playbook's
            # general detractor action (its first: contact them within 48 hours) is done
            # (QA22: the e-mail led with it beside "2 of 2 contacted").
            done = (
                detractor_list is not None
                and isinstance(loop, LoopStatus)
                and len(detractor_list) > 0
                and still_open(detractor_list, loop) == 0
            )
            # With detractors none of whom may be contacted, calling them back is no action
            # either: the list it points to is empty (QA26 #21, 小児科).
            # Nor is it on an anonymous form, whose list nobody can be called from (QA44).
            nobody = detractor_list is not None and (
                detractor_list.nobody_to_call or detractor_list.anonymous
            )
            actions = [
                Action(segment=r.segment, text=r.action, evidence=r.evidence)
                for r in analysis.recommendations
                if not ((done or nobody) and _calls_back(r))
                # "No detractors this period, so no advice is given" is no action to number in
                # the e-mail (QA26 #21); the report's strategy table still says it.
                and r.key != "no_data"
            ][:3]
    trend_rows = pd.DataFrame() if trend_rows is None else trend_rows
    data = UnitSummary(
        period=unit.period,
        n=result.n,
        nps=result.nps,
        ci_low=result.ci_low,
        ci_high=result.ci_high,
        pct_promoters=result.pct_promoters,
        pct_passives=result.pct_passives,
        pct_detractors=result.pct_detractors,
        small_sample=result.small_sample,
        min_n=min_n,
        incomplete_through=None if incomplete is None else f"{incomplete:%Y-%m-%d}",
        target=target,
        target_status=target_status(result.nps, result.ci_low, result.ci_high, target),
        change=change,
        changes=tuple(changes),
        fiscal_ytd=fiscal,
        contributors=tuple(dict(c) for c in contributors),
        trend=tuple(
            TrendPoint(
                period=r["period"],
                nps=r["nps"],
                ci_low=r["ci_low"],
                ci_high=r["ci_high"],
                n=int(r["n"]),
                small_sample=bool(r["small_sample"]),
                **_control_fields(r),
            )
            for r in trend_rows.to_dict("records")
        ),
        control=_control_of(trend_rows, unit.period),
        top_themes=tuple(themes),
        theme_scope=scope,
        top_requests=tuple(requests),
        unread_comments=unread,
        themes_under_floor=under,
        themes_over_floor=over,
        actions=tuple(actions),
        detractors_to_contact=None if detractor_list is None else still_open(detractor_list, loop),
        consent_known=None if detractor_list is None else detractor_list.consent_known,
        contact_basis=None
        if detractor_list is None
        else "anonymous"
        if detractor_list.anonymous
        else detractor_list.basis,
        detractors_contacted=None
        if detractor_list is None or loop is None
        else len(detractor_list) - still_open(detractor_list, loop),
        detractors_not_listed=None
        if detractor_list is None
        else detractor_list.declined + detractor_list.unreachable,
        excluded=Excluded(
            missing=int((unit.current["nps_status"] == "missing").sum()),
            invalid=int((unit.current["nps_status"] == "invalid").sum()),
        ),
        unreadable_dates=_unreadable_summary(unit),
        followup_warnings=warnings,
    )
    data = floor_summary(data, min_report_n)
    publish_summary(data)
    return data
