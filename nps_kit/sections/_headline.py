"""The report's title and headline: the month's NPS, its changes and the fiscal year to date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

import pandas as pd
from IPython.display import HTML

from nps_kit import clock, plot, report
from nps_kit._section_result import SectionResult, detach
from nps_kit.i18n import (
    Language,
    hidden_month,
    join_names,
    label,
    points,
    t,
)
from nps_kit.periods import (
    FiscalSpan,
    format_period,
)
from nps_kit.score import Change as ScoreChange
from nps_kit.score import (
    n_below_floor,
    shown_diff,
    told_parts,
)
from nps_kit.sections._common import _escape, _now, _shares_row, _shown_change, _w
from nps_kit.summary import UnreadableDates as UnreadableDatesSummary
from nps_kit.unit import (
    MONTH_COMPARISONS,
    Comparison,
    FiscalToDate,
    Headline,
    UnitData,
    headline,
    incomplete_through,
    unit_unreadable_dates,
)


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
