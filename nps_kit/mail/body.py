"""The e-mail body: a short HTML summary for mail clients and a plain-text twin with the same facts.

Mail clients ignore ``<style>`` blocks (Gmail on phones, Outlook), so the HTML uses a table layout
at most 640 px wide and its CSS is inlined with ``css_inline``. Japanese wraps at phrase
boundaries where the client knows ``word-break: auto-phrase`` (Chromium-based clients), else by
the usual Japanese line-breaking rules; a number with its unit, the period and file names never
split (``white-space: nowrap`` spans), and the fixed table layout keeps a long run from widening
the message past a phone's screen. Every value from the report is
escaped: theme labels and actions come from free text.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from nps_kit._fonts import MAIL_FONTS
from nps_kit.decompose import contributors_text
from nps_kit.i18n import (
    Language,
    Scope,
    change_points,
    impact_name,
    impact_value,
    join_names,
    label,
    points,
    t,
)
from nps_kit.periods import TREND_MONTHS, format_period, shift_period
from nps_kit.score import target_status
from nps_kit.summary import Change, UnitSummary, under_floor

__all__ = [
    "CHART_WIDTH",
    "Body",
    "BodyFacts",
    "change_label",
    "change_text",
    "render_body",
]

#: Width in CSS px the mail's charts are drawn and shown at: a phone's screen (390 px) less the
#: body's margins, so one image reads on a phone and on a desktop alike.
CHART_WIDTH = 340

_CSS = """
body { margin: 0; padding: 0; background: #f3f4f6; }
.outer { background: #f3f4f6; }
.wrap { padding: 16px 0; }
.inner { max-width: 640px; width: 100%; background: #ffffff; border-collapse: collapse;
         table-layout: fixed; }
td { color: #1f2937;
     font-size: 15px; line-height: 1.5; padding: 0 24px;
     overflow-wrap: break-word; word-break: auto-phrase; line-break: strict; }
.nb { white-space: nowrap; }
h1 { font-size: 20px; margin: 24px 0 8px; }
h2 { font-size: 16px; margin: 20px 0 8px; border-bottom: 1px solid #e5e7eb; }
.big { font-size: 32px; font-weight: bold; }
.muted { color: #6b7280; font-size: 13px; }
.flag { background: #fff3d6; border: 1px solid #f0d08a; color: #5c3b00; padding: 8px 12px;
        font-size: 14px; }
.button { display: inline-block; background: #2563eb; color: #ffffff; padding: 8px 16px;
          text-decoration: none; border-radius: 4px; }
ol { margin: 0; padding-left: 20px; }
""" + (
    f".chart {{ display: block; width: 100%; max-width: {CHART_WIDTH}px; height: auto; "
    "border: 0; }"
)


_COLON: dict[str, str] = {"ja": "：", "en": ": "}  # after a title: 「形式不正の日付：…」
#: A word joined by hyphens ("follow-up", "e-mail") in text between tags: mail clients break it
#: at its hyphen ("(awaiting follow-" / "up)" at 390 px, REVIEW22).
_HYPHENATED = re.compile(r"(?<![\w-])[^\W\d_]+(?:-[^\W\d_]+)+(?![\w-])")
_TAG = re.compile(r"(<[^>]*>)")


@dataclass(frozen=True)
class BodyFacts:
    """What the body says, beyond the manifest summary."""

    name: str
    period: str
    language: Language
    summary: UnitSummary
    attachment: str | None
    report_url: str | None
    charts: Mapping[str, str]
    """Chart name (``trend``) → Content-ID without angle brackets."""
    work_file: str | None = None
    """File name of the attached follow-up work file (or archive holding it), if any."""
    work_url: str | None = None
    """Link to the follow-up work file next to the linked report, if any."""
    replaces: str | None = None
    """The first line of an update: which earlier mail it replaces and what changed."""
    floor: int | None = None
    """The unit's anonymity floor: under it the headline is only n (:func:`under_floor`)."""


@dataclass(frozen=True)
class Body:
    """The rendered HTML (CSS inlined) and plain text."""

    html: str
    text: str


def change_label(vs: str, period: str, lang: Language) -> str:
    """Name a comparison: ``前月比`` / ``vs previous month``, ``前年同月比``, ``2026年7月比``."""
    if vs == shift_period(period, -1):
        return label("vs_previous", lang)
    if vs == shift_period(period, -12):
        return label("vs_last_year", lang)
    return f"{format_period(vs, lang)}比" if lang == "ja" else f"vs {format_period(vs, lang)}"


def change_text(change: Change | None, period: str, lang: Language) -> str | None:
    """Describe a change, ``前月比+3.2ポイント`` / ``+2.0 pts vs previous month``, or ``None``.

    In points as "What moved" below it writes the same change (:func:`change_points`;
    BROWSE30: "−1.0 vs previous month" above "−1.0 pts vs previous month"). The subject line
    keeps the bare number (:func:`nps_kit.mail.compose.subject`).
    """
    if change is None or change.diff is None:
        return None
    what = change_label(change.vs or "", period, lang)
    diff = change_points(change.diff, lang)
    return f"{what}{diff}" if lang == "ja" else f"{diff} {what}"


def render_body(facts: BodyFacts) -> Body:
    """Render the HTML and text bodies for one unit.

    Parameters
    ----------
    facts
        Unit name, period, language, the manifest ``summary``, the attachment file name (or
        ``None``), the report URL (or ``None``) and the Content-IDs of the chart images.

    Returns
    -------
    Body
        HTML with inlined CSS and the plain-text alternative.
    """
    import css_inline

    from nps_kit.summary import floor_summary

    lang, s = facts.language, floor_summary(facts.summary, facts.floor)

    def w(key: str, **values: Any) -> str:
        return t(f"mail.{key}", lang, **values)

    # A month not over when the report was made: "December 2026 to date", as the report says.
    when = format_period(facts.period, lang, to_date=bool(s.incomplete_through))
    heading = w("heading", name=facts.name, period=when)
    headline = f"{label('nps', lang)} {points(s.nps, lang, signed=True)}"
    hidden = under_floor(s, facts.floor)
    if hidden:  # only n, as the overview (QA28 #5: "Promoters 100.0%" for one respondent)
        headline = t("overview.under_floor", lang, n=s.n, min_n=facts.floor)
    details = [] if s.n is None else [w("responses", n=f"{s.n:,}")]
    if s.ci_low is not None and s.ci_high is not None:
        low, high = points(s.ci_low, lang, signed=True), points(s.ci_high, lang, signed=True)
        details.insert(0, w("interval", low=low, high=high))
    status = s.target_status or target_status(s.nps, s.ci_low, s.ci_high, s.target)
    if s.target is not None:
        details.append(
            w("target", target=points(s.target, lang, signed=True), status=label(status, lang))
        )
    else:
        details.append(label("no_target", lang))
    if s.small_sample:
        details.append(label("small_sample", lang))
    # every comparison (previous month and same month last year), with its verdict
    changes = list(s.changes) or ([s.change] if s.change is not None else [])
    change_lines = []
    for c in changes:
        change = change_text(c, facts.period, lang)
        if change is not None:
            verdicts = [label(c.verdict, lang)] if c.verdict else []
            change_lines.append(w("dot").join([change, *verdicts]))
    # The fiscal year to date (fiscal_ytd) after the month's interval and n, as the report
    # shows it under the month's card: above them, they read as the fiscal year's.
    fiscal = None if s.fiscal_ytd is None else s.fiscal_ytd.text(lang)
    if s.incomplete_through:  # first, in the report title's words
        month = format_period(facts.period, lang)
        change_lines.insert(
            0, t("sections.incomplete", lang, period=month, date=s.incomplete_through)
        )
    change_line = "\n".join(change_lines)
    dates_note = _dates_note(s, lang)
    # Under the heading "What moved": the sentences do not repeat it.
    movers = [contributors_text(r, lang, lead=False) for r in s.contributors]
    control = _control_lines(s, lang, w)
    space = "" if lang == "ja" else " "  # 「推奨者33.7%」
    shares = (
        []
        if hidden
        else [
            f"{label(seg, lang)}{space}{_pct(s.share(seg))}"
            for seg in ("promoters", "passives", "detractors")
        ]
    )
    # The metric is named once above the rows (QA22: its long name on every line); a theme
    # the report's table flags as mentioned by few is flagged here too, in the same words.
    themes = [
        w("theme_row", label=th.label, impact=impact_value(th.nps_gain, th.detractors, lang))
        + (w("dot") + label("few_mentions", lang) if th.small_sample else "")
        for th in s.top_themes[:3]
    ]
    # Why there are no (or few) themes, in the report's words: comments mostly in a language
    # no pack reads (FIX78: the e-mail of a French restaurant showed no themes and no reason),
    # or every theme under the anonymity floor (a bare absence read as "no complaint").
    themes_why = s.themes_note(lang)
    scope: Scope = "reasons" if s.theme_scope == "reasons" else "all"
    metric = impact_name(lang, scope=scope) + _COLON[lang].rstrip()
    # With an improvement question, what it asked for is a list of its own (QA22): counts of
    # people, no estimate, so no small-sample mark.
    requests = [
        w("request_row", label=th.label, n=f"{th.mentions:,}")
        for th in s.top_requests[:3]
        if th.mentions
    ]
    actions = [a.text for a in s.actions[:3]]
    count = s.detractors_to_contact
    # Worded from why they may be contacted, as the report's follow-up box words it (FIX30:
    # "allowed contact" here beside the report's "left a way to reach them").
    basis = s.contact_basis or ("consent" if s.consent_known is not False else None)
    consent = {"consent": "detractors", "details": "detractors_details"}.get(
        basis or "", "detractors_unknown"
    )
    detractors = w(consent, count=count) if count is not None else None
    if basis == "anonymous" and count:
        # A form that keeps no way to reach anyone: its detractors are to be read, not called
        # back (QA44: "7 detractors awaiting follow-up" on a Google Form with nothing to call).
        detractors = w("detractors_anonymous", n=f"{count:,}")
    elif count == 0 and not s.detractors_contacted and s.detractors_not_listed and basis:
        # Detractors none of whom may be contacted: why nobody is to be called (QA26 #21).
        why = "detractors_declined" if basis == "consent" else "detractors_unreachable"
        detractors = w(why, n=f"{s.detractors_not_listed:,}")
    elif count == 0 and not s.detractors_contacted:
        # Nobody to call: said so, not "0 detractors … awaiting follow-up" (QA26 #21).
        detractors = w("detractors_none")
    elif count == 0 and s.detractors_contacted:
        # Nobody is waiting: say that everyone was contacted, not "0 … await follow-up".
        done = s.detractors_contacted
        detractors = w(f"{consent}_done", n=done)
    elif count is not None and s.detractors_contacted:
        # The team returned the work file: count who is still waiting, as the report does.
        detractors = w(
            f"{consent}_open",
            count=count,
            contacted=s.detractors_contacted,
            listed=count + s.detractors_contacted,
        )
    notices = []
    if facts.attachment:
        notices.append(w("attached", file=facts.attachment))
    if facts.report_url:
        notices.append(w("link", url=facts.report_url))
    if facts.work_file:
        notices.append(w("work_attached", file=facts.work_file))
    elif facts.work_url:
        notices.append(w("work_link", url=facts.work_url))
    if not notices:
        notices.append(w("no_report"))

    text = _text(
        heading,
        headline,
        details,
        change_line,
        movers,
        shares,
        themes,
        actions,
        w,
        detractors,
        control,
        None if dates_note is None else _COLON[lang].join(dates_note),
        metric,
        requests,
        themes_why,
        fiscal,
    )
    text += "\n" + "\n".join(notices) + "\n\n-- \n" + w("footer") + "\n"
    if facts.replaces:
        text = f"{facts.replaces}\n\n{text}"

    e = html.escape
    rows = [
        f"<tr><td><p><strong>{e(facts.replaces)}</strong></p></td></tr>" if facts.replaces else "",
        f"<tr><td><h1>{_nb(heading, when)}</h1></td></tr>",
        f'<tr><td><span class="big">{_nb(headline)}</span><br>'
        f"{'<br>'.join(_nb(x) for x in change_lines)}<br>"
        f'<span class="muted">{_nb(w("dot").join(details))}</span>'
        + ("" if fiscal is None else f"<br>{_nb(fiscal)}")
        + "</td></tr>",
    ]
    if dates_note:
        title, message = dates_note
        rows.append(
            f'<tr><td><p class="flag" role="note"><strong>{e(title)}</strong>'
            f"{_COLON[lang]}{_nb(message)}</p></td></tr>"
        )
    if movers:
        # One comparison is a paragraph, not a one-item numbered list.
        listed = _ol(movers) if len(movers) > 1 else f"<p>{_nb(movers[0])}</p>"
        rows.append(f"<tr><td><h2>{e(w('movers'))}</h2>{listed}</td></tr>")
    if shares:
        rows.append(
            f"<tr><td><h2>{e(w('shares'))}</h2>{_nb(w('shares_joiner').join(shares))}</td></tr>"
        )
    if "trend" in facts.charts or control:
        rows.append(f"<tr><td><h2>{e(w('trend'))}</h2></td></tr>")
    if control:
        rows.append(f"<tr><td><p>{'<br>'.join(_nb(c) for c in control)}</p></td></tr>")
    if "trend" in facts.charts:
        rows.append(_img(facts.charts["trend"], w("trend")))
    if themes or themes_why:
        listed = f'<p class="muted">{_nb(metric)}</p>{_ol(themes)}' if themes else ""
        said = f"<p>{_nb(themes_why)}</p>" if themes_why else ""
        rows.append(f"<tr><td><h2>{e(w('themes'))}</h2>{listed}{said}</td></tr>")
    if requests:
        rows.append(f"<tr><td><h2>{e(w('requests'))}</h2>{_ol(requests)}</td></tr>")
    if actions:
        rows.append(f"<tr><td><h2>{e(w('actions'))}</h2>{_ol(actions)}</td></tr>")
    if detractors:
        rows.append(f"<tr><td><p><strong>{_nb(detractors)}</strong></p></td></tr>")
    files = [f for f in (facts.attachment, facts.work_file) if f]
    notice_html = "<br>".join(_nb(n, *files) for n in notices)
    if facts.report_url:
        url = e(facts.report_url, quote=True)
        notice_html += f'<br><br><a class="button" href="{url}">{e(w("open"))}</a>'
    rows.append(f"<tr><td><p>{notice_html}</p></td></tr>")
    rows.append(f'<tr><td><p class="muted">{e(w("footer"))}</p></td></tr>')
    document = (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{e(heading)}</title><style>td {{ font-family: {MAIL_FONTS[lang]}; }}{_CSS}"
        "</style></head><body>"
        '<table role="presentation" class="outer" width="100%" cellpadding="0" cellspacing="0">'
        '<tr><td class="wrap" align="center">'
        '<table role="presentation" class="inner" width="640" cellpadding="0" cellspacing="0">'
        + "".join(rows)
        + "</table></td></tr></table></body></html>"
    )
    return Body(html=css_inline.inline(document), text=text)


def _text(
    heading: str,
    headline: str,
    details: Sequence[str],
    change_line: str,
    movers: Sequence[str],
    shares: Sequence[str],
    themes: Sequence[str],
    actions: Sequence[str],
    w: Any,
    detractors: str | None,
    control: Sequence[str] = (),
    dates_line: str | None = None,
    metric: str = "",
    requests: Sequence[str] = (),
    themes_why: str | None = None,
    fiscal: str | None = None,
) -> str:
    lines = [heading, "=" * 40, headline, change_line, w("dot").join(details)]
    lines += [fiscal, ""] if fiscal else [""]
    if dates_line:
        lines += [dates_line, ""]
    if movers:
        lines += [w("movers"), *movers, ""]
    if shares:
        lines += [w("shares"), w("shares_joiner").join(shares), ""]
    if control:
        lines += [w("trend"), *control, ""]
    if themes:
        named = [w("themes"), metric] if metric else [w("themes")]
        lines += [*named, *(f"{i}. {t}" for i, t in enumerate(themes, 1))]
        lines += [themes_why, ""] if themes_why else [""]
    elif themes_why:
        lines += [w("themes"), themes_why, ""]
    if requests:
        lines += [w("requests"), *(f"{i}. {r}" for i, r in enumerate(requests, 1)), ""]
    if actions:
        lines += [w("actions"), *(f"{i}. {a}" for i, a in enumerate(actions, 1)), ""]
    if detractors:
        lines += [detractors, ""]
    return "\n".join(lines)


def _control_lines(s: UnitSummary, lang: Language, w: Any) -> list[str]:
    """Say whether this month, and which months of the trend, left the unit's control limits."""
    lines = []
    control = s.control
    if control is not None and control.outside in ("above", "below") and control.low is not None:
        low = points(control.low, lang, signed=True)
        high = points(control.high, lang, signed=True)
        # The limits pool the trend's months: 12, or the fewer that have data (QA22) and are
        # not under the anonymity floor (FIX63: those show no NPS and are not pooled).
        pooled = sum(r.nps is not None for r in s.trend)
        span = w("control_span") if pooled >= TREND_MONTHS else w("control_span_n", n=pooled)
        lines.append(w(f"control_{control.outside}", low=low, high=high, span=span))
    months = [
        f"{format_period(r.period, lang)}" + (f"（{w(side)}）" if lang == "ja" else f" ({w(side)})")
        for r in s.trend
        if (side := r.out_of_control) in ("above", "below")
    ]
    if months:
        lines.append(w("control_months", months=join_names(months, lang)))
    return lines


def _dates_note(s: UnitSummary, lang: Language) -> tuple[str, str] | None:
    """Title and sentence saying how many responses were left out for an unreadable date.

    The report's words (:meth:`nps_kit.load.UnreadableDates.message`): those responses are in
    no month, so the figures above leave them out. ``None`` when every date was read.
    """
    if s.unreadable_dates is None or not s.unreadable_dates.count:
        return None
    return t("quality.dates_unparsed", lang), s.unreadable_dates.words().message(lang)


def _img(cid: str, alt: str) -> str:
    return (
        f'<tr><td><img class="chart" src="cid:{html.escape(cid, quote=True)}" '
        f'width="{CHART_WIDTH}" '
        f'alt="{html.escape(alt, quote=True)}"></td></tr>'
    )


def _nb(text: str, *whole: str) -> str:
    """Escape ``text``, keeping each number with its unit and each of ``whole`` on one line.

    Mail clients wrap where browsers would not: 「+12.9ポイ/ント」, 「2026年10/月」,
    "ec_2026-/10.html", "follow-/up".
    """
    from nps_kit.report import nobreak

    escaped = nobreak(html.escape(text)).replace('class="nps-nb"', 'class="nb"')
    for part in whole:
        escaped = escaped.replace(html.escape(part), f'<span class="nb">{html.escape(part)}</span>')
    return "".join(
        piece
        if piece.startswith("<")
        else _HYPHENATED.sub(lambda m: f'<span class="nb">{m.group(0)}</span>', piece)
        for piece in _TAG.split(escaped)
    )


def _ol(items: Sequence[str]) -> str:
    return "<ol>" + "".join(f"<li>{_nb(i)}</li>" for i in items) + "</ol>"


def _num(value: Any) -> str:
    return "—" if value is None else f"{float(value):.1f}"


def _pct(value: Any) -> str:
    return "—" if value is None else f"{float(value):.1f}%"
