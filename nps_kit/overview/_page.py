"""A period's overview page (``<output>/<period>/index.html``) and its notes."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import UTC, datetime
from html import escape
from pathlib import Path
from typing import Any

from nps_kit._atomic import atomic_write_text
from nps_kit.clock import format_time, zone
from nps_kit.i18n import (
    Language,
    interval_text,
    label,
    nps_text,
    t,
)
from nps_kit.overview._cells import (
    _FAMILIES,
    _adjusted_changes,
    _change_cell,
    _chart,
    _contacted_note,
    _fiscal_cell,
    _floor,
    _language,
    _months_drawn,
    _months_note,
    _number,
    _order,
    _sparkline,
    _summary,
    _to_contact,
    _under_floor,
    _word,
    _wrapped,
)
from nps_kit.overview._manifest import _REFUSED
from nps_kit.periods import TREND_MONTHS, format_period
from nps_kit.report import keep_terms, small_sample_badge

# Added to the reports' stylesheet (report.css) for the overview's own pieces.
_CSS = """
.nps-report{max-width:1240px}.failed{color:#b00020;font-weight:bold}
.nps-table th,.nps-table td{padding:7px 8px}.nps-table thead th{white-space:normal}
.nps-spark{display:block}.nps-table td .nps-verdict{display:block;margin:2px 0 0;width:max-content}
.nps-verdict-own{display:block;max-width:14em;margin-top:2px;color:#6b7280;font-size:.72rem;
white-space:normal;text-align:left}
.nps-why{display:block;max-width:14em;margin:2px 0;color:#4b5563;font-size:.78rem;
white-space:normal}
.nps-table small.nps-wrap{white-space:normal;max-width:9em;margin-left:auto}
.nps-table--cards small.nps-wrap{margin-left:0}
.nps-months{display:block;color:#4b5563;font-size:.78rem}
.nps-fy-change{display:block;margin-top:2px}
"""


#: The overview table's columns, as headed (overview.<key> in the catalogue).
_COLUMNS = (
    "unit",
    "nps_ci",
    "vs_previous",
    "vs_last_year",
    "target_status",
    "shares",
    "trend",
    "top_theme",
    "to_contact",
)


def _labelled(row: str, labels: Sequence[str]) -> str:
    """Give each cell of one table row its column's name (``data-label``), in order.

    Its content goes in a ``nps-table__value`` block, beside the name on a phone (report.css,
    ``.nps-table--cards``), as :func:`nps_kit.report.table` writes a wide table's cells.
    """
    names = iter(labels)
    return re.sub(
        r"<td([^>]*)>(.*?)</td>",
        lambda m: (
            f'<td data-label="{next(names, "")}"{m.group(1)}>'
            f'<div class="nps-table__value">{m.group(2)}</div></td>'
        ),
        row,
        flags=re.S,
    )


def write_overview(
    folder: Path,
    manifest: dict[str, Any],
    *,
    language: Language | None = None,
    timezone: str | None = None,
    unit_label: str | None = None,
) -> Path:
    """Write ``index.html`` of one period from its manifest; return its path.

    One row per unit, in the chart's order (highest NPS first): NPS with its interval, the change
    vs the previous month and vs the same month last year with their verdicts, the target
    status, promoter and detractor shares, a 12-month sparkline, the top complaint theme and the
    detractors awaiting follow-up, with the unit reports' stylesheet. Every label is in the
    page's one language, whatever each unit's report language; unit names and theme labels are
    shown as written.

    Parameters
    ----------
    folder
        The period folder.
    manifest
        The period's manifest.
    language
        The page's language (the project's ``overview.language``); ``None`` uses the units'
        majority language.
    timezone
        The zone of the generation time shown (an IANA name); ``None`` uses the zone every
        unit of the manifest shares (each unit's ``timezone``), else the language's
        (:data:`nps_kit.clock.DEFAULT_TIMEZONE`).
    unit_label
        What readers call one unit (店舗, "Store"; the project's ``overview.unit_label``), as
        written, in the first column's heading and the chart's title; ``None`` says
        レポート / "Unit".
    """
    units = _order(manifest["units"])
    lang = language if language is not None else _language(units)

    # The trend column is headed "12 months" only when every unit's line spans them; else it
    # says what it is and each shorter line its months (QA22: 4 months under "12 months").
    whole = all(
        _months_drawn(_summary(u).trend) >= TREND_MONTHS for u in units if u["status"] == "ok"
    )

    def w(key: str) -> str:
        if key == "unit" and unit_label is not None:
            return escape(unit_label)
        if key == "trend" and not whole:
            return escape(t("overview.trend_monthly", lang))
        return escape(_word(key, lang))

    rows = []
    flagged_min_n: set[int | None] = set()
    few_mentions_min_n: set[int | None] = set()  # the top complaint's own mark (QA24)
    incomplete: list[str] = []
    # Each change column's verdicts after Benjamini–Hochberg over the units, and the units' own.
    adjusted, owns, fdr = _adjusted_changes(units)
    # The fiscal year to date has a column only when some unit compares it (fiscal_ytd).
    fiscal = any(_summary(u).fiscal_ytd is not None for u in units if u["status"] == "ok")
    columns = (*_COLUMNS[:4], "fiscal_ytd", *_COLUMNS[4:]) if fiscal else _COLUMNS
    for u, changes, own in zip(units, adjusted, owns, strict=True):
        s = _summary(u)
        status = u["status"]
        html = u.get("html")
        # The unit's name links to its report; a failed unit says so under its name, with its
        # last good report and the failed notebook (one column less: the table fits a desktop).
        name = escape(str(u["name"]))
        if html:
            unit_cell = f'<a href="{escape(html)}">{name}</a>'
        else:
            unit_cell = name
        # Flagged as the unit report's headline flags it (the summary carries its decision),
        # with the badge its tables use: muted row, badge after the name.
        flagged = status == "ok" and s.small_sample
        if flagged:
            unit_cell += small_sample_badge(lang)
            flagged_min_n.add(s.min_n)
        if status == "ok" and s.incomplete_through:
            incomplete.append(s.incomplete_through)
        if status != "ok":
            # A unit refused before any kernel started says when and why (QA19: its last
            # figures stood in the table as this run's).
            if status in _REFUSED:
                built = (folder / f"{u['unit']}.html").is_file()
                unit_cell += "<br>" + _not_rebuilt(
                    u, manifest["period"], lang, timezone, built_before=built
                )
            else:
                unit_cell += f'<br><span class="failed">{w("failed")}</span>'
            if (folder / f"{u['unit']}.html").is_file():
                unit_cell += f' <a href="{escape(u["unit"])}.html">{w("previous")}</a>'
            if u.get("notebook"):
                unit_cell += f' <a href="{escape(u["notebook"])}">{w("notebook")}</a>'
        interval = (
            f'<small class="nps-ci">{escape(interval_text(s.ci_low, s.ci_high, lang))}</small>'
            if s.ci_low is not None and s.ci_high is not None
            else ""
        )
        if _under_floor(u, s):
            said = t("overview.under_floor", lang, n=s.n, min_n=_floor(u))
            interval = _wrapped([said], lang)

        target = (
            s.target_status or ("no_target" if s.target is None else None)
            if status == "ok"
            else None
        )
        shares = (
            f"{_number(s.pct_promoters)}% / {_number(s.pct_detractors)}%"
            if s.pct_promoters is not None and s.pct_detractors is not None
            else "—"
        )
        # The theme named in the page's language (an English overview of a Japanese unit).
        top_theme = escape(s.top_themes[0].label_in(lang)) if s.top_themes else "—"
        if s.top_themes and s.top_themes[0].small_sample:
            # The unit report's theme table flags it (QA22: Enterprise's rested on 2 people).
            # Few comments mention it: its own mark, not the unit's "small sample" (QA24).
            top_theme += _badge("few_mentions", lang)
            few_mentions_min_n.add(s.min_n)  # the badge's note under the table
        if (why := s.themes_note(lang)) is not None:
            # Comments mostly in a language no pack reads, or every theme under the floor: the
            # reason beside the dash, in the report's words and the page's language (FIX78: a
            # bare "—" for the French units, read as "no complaint").
            top_theme += f'<small class="nps-why">{escape(why)}</small>'
        ytd = s.fiscal_ytd
        if (
            fiscal
            and status == "ok"
            and ytd is not None
            and ytd.small_sample
            and ytd.nps is not None
        ):
            flagged_min_n.add(s.min_n)  # the fiscal cell's badge, said under the table
        rows.append(
            ('<tr class="is-flagged">' if flagged else "<tr>")
            + f'<td class="is-text">{unit_cell}</td>'
            f'<td class="is-num"><b>{escape(nps_text(s.nps))}</b>'
            f"{interval}</td>"
            + _change_cell(changes.get("previous"), lang, own.get("previous"))
            + _change_cell(changes.get("last_year"), lang, own.get("last_year"))
            + (
                _fiscal_cell(s.fiscal_ytd, lang, changes.get("fiscal_ytd"), own.get("fiscal_ytd"))
                if fiscal
                else ""
            )
            + f'<td class="is-text">{escape(label(target, lang)) if target else "—"}</td>'
            f'<td class="is-num">{escape(shares)}</td>'
            f"<td>{_sparkline(s.trend, lang)}{_months_note(s.trend, lang)}</td>"
            f'<td class="is-text">{top_theme}</td>'
            f'<td class="is-num">{_to_contact(s, lang)}{_contacted_note(s, lang)}</td></tr>'
        )
    if unit_label is None:
        image = _chart(units, lang, alt=_word("chart", lang)) or ""
    else:
        image = (
            _chart(
                units,
                lang,
                alt=t("overview.chart_by", lang, unit=unit_label),
                title=t("plot_groups.breakdown_title", lang, by=unit_label),
            )
            or ""
        )
    month = format_period(manifest["period"], lang)
    # A month not over when its reports were made: "December 2026 to date", as they say.
    when = format_period(manifest["period"], lang, to_date=bool(incomplete))
    title = t("overview.page_title", lang, title=_word("title", lang), period=when)
    # the period never splits over two lines (「2026年」/「10月」)
    heading = escape(title).replace(escape(when), f'<span class="nps-nb">{escape(when)}</span>')
    generated = _generated(manifest, lang, timezone or _shared_zone(manifest))
    head = "".join(f'<th scope="col">{w(key)}</th>' for key in columns)
    # Each cell names its column: on a phone each unit is a card (QA22: at 390 px the table
    # scrolled and hid Target, Top complaint and Detractors to contact).
    rows = [_labelled(row, [w(key) for key in columns]) for row in rows]
    page = (
        f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}</title><style>{_report_css()}{_CSS}</style></head><body>"
        f'<main class="nps-report"><div class="nps-prose"><h1>{heading}</h1>'
        + (f"<p>{escape(generated)}</p>" if generated else "")
        + _dates_flags(units, lang)
        + _incomplete_note(incomplete, month, lang)
        + f"</div>{image}"
        '<div class="nps-table-wrap"><table class="nps-table nps-table--cards">'
        f"<thead><tr>{head}</tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table></div>"
        + _badge_note(flagged_min_n, lang)
        + _badge_note(few_mentions_min_n, lang, key="few_mentions")
        + _note(_fdr_note(columns, lang, fdr))
        + f'<p><a href="../index.html">{w("periods")}</a></p></main></body></html>\n'
    )
    path = folder / "index.html"
    atomic_write_text(path, page)
    return path


def _fdr_note(columns: Sequence[str], lang: Language, fdr: float) -> str:
    """Say which verdicts are adjusted: each change column shown, as its own family."""
    families = [_word(key, lang) for key in _FAMILIES.values() if key in columns]
    said = ("・" if lang == "ja" else ", ").join(families)
    return t("overview.fdr_note", lang, fdr=f"{fdr * 100:g}", columns=said)


def _not_rebuilt(
    entry: dict[str, Any],
    period: str,
    lang: Language,
    timezone: str | None,
    *,
    built_before: bool = True,
) -> str:
    """Say when and why a refused unit's report was not rebuilt, in the page's language.

    A unit with no earlier report of the period (``built_before`` false) was not *built*.

    The run's words (``no row has store = 'Yrok'``) are the analyst's; the overview's reader
    learns the kind of problem: a filter to fix, or no response in the month.
    """
    error = entry.get("error") or {}
    try:
        moment = datetime.fromisoformat(str(error.get("at")))
    except ValueError:
        moment = datetime.now(UTC)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    date = moment.astimezone(zone(lang, timezone)).strftime("%Y-%m-%d")
    from nps_kit._unit_rows import NO_RESPONSES_YET

    if error.get("reason") == NO_RESPONSES_YET:
        # A unit set up before its first responses (QA21): nothing was ever built to rebuild.
        return f'<span class="nps-why">{escape(t("overview.no_responses_yet", lang))}</span>'
    responses = error.get("responses")
    if entry["status"] == "no data" and responses:
        # A month to date with fewer responses than a group needs to be shown.
        reason = t(
            "overview.too_few_so_far",
            lang,
            n=responses,
            period=format_period(period, lang),
            min_n=error.get("min_report_n"),
        )
    elif entry["status"] == "no data":
        reason = t("overview.no_responses", lang, period=format_period(period, lang))
    elif entry["status"] == "parameter error":
        reason = t("overview.parameter_error", lang)
    else:
        reason = t("overview.refused_filter", lang)
    said = "overview.not_rebuilt" if built_before else "overview.not_built"
    return (
        f'<span class="failed">{escape(t(said, lang, date=date))}</span>'
        f'<span class="nps-why">{escape(reason)}</span>'
    )


def _dates_flags(units: list[dict[str, Any]], lang: Language) -> str:
    """Flag each unit whose report left responses out because their date could not be read.

    Those responses are in no month, so the unit's figures on this page leave them out; the
    reader learns it before reading the table, in the words of the unit report's own flag.
    """
    colon = "：" if lang == "ja" else ": "
    flags = []
    for u in units:
        unread = _summary(u).unreadable_dates
        if unread is None or not unread.count:
            continue
        flags.append(
            '<p class="nps-flag" role="note">'
            f"<strong>{escape(t('quality.dates_unparsed', lang))}</strong>"
            f"{escape(str(u['name']))}{colon}{escape(unread.words().message(lang))}</p>"
        )
    return "".join(flags)


def _incomplete_note(dates: list[str], when: str, lang: Language) -> str:
    """Say the period was not complete, as the unit reports' titles do (latest answer date)."""
    if not dates:
        return ""
    note = t("sections.incomplete", lang, period=when, date=max(dates))
    return f'<p class="nps-title__note" role="note">{escape(note)}</p>'


def _badge(key: str, lang: Language) -> str:
    """Return the mark ``key`` flags a cell with (``"small_sample"`` or ``"few_mentions"``)."""
    if key == "small_sample":
        return small_sample_badge(lang)
    return f'<span class="nps-badge">{escape(label(key, lang))}</span>'


def _badge_note(min_ns: set[int | None], lang: Language, *, key: str = "small_sample") -> str:
    """Say what a badge means, with the threshold when the units share one.

    One note per mark, each saying what its own mark means: the unit's small sample
    (responses) and the top complaint's few mentions (comments).
    """
    if not min_ns:
        return ""
    if len(min_ns) == 1 and None not in min_ns:
        note = t(f"overview.{key}_note", lang, min_n=min_ns.pop())
    else:
        note = t(f"overview.{key}_note_few", lang)
    return _note(note, badge=_badge(key, lang))


def _note(text: str, *, badge: str = "") -> str:
    """Return a footnote under the table: wrapped between phrases, a 「term」 kept whole.

    At 390 px the note broke after 「有意」 and began the next line with が (FIX39).
    """
    return f'<p class="nps-overview__note">{badge}{keep_terms(escape(text))}</p>'


def _shared_zone(manifest: dict[str, Any]) -> str | None:
    """Return the time zone every unit of the manifest reports in, ``None`` when they differ.

    QA20: both units set Europe/London and defaults.yaml none; the overview said "UTC".
    """
    zones = {(u.get("parameters") or {}).get("timezone") for u in manifest.get("units", []) if u}
    return zones.pop() if len(zones) == 1 and None not in zones else None


def _generated(manifest: dict[str, Any], lang: Language, timezone: str | None) -> str | None:
    """Say when the manifest was last written, in the page's time zone with the zone shown."""
    stamp = manifest.get("generated_at")
    try:
        moment = datetime.fromisoformat(str(stamp)) if stamp else None
    except ValueError:
        return None
    if moment is None:
        return None
    return t("overview.generated", lang, time=format_time(moment, zone(lang, timezone)))


def _report_css() -> str:
    """Return the unit reports' stylesheet, so the overview looks like them."""
    from nps_kit.render import TEMPLATE_DIR, TEMPLATE_NAME

    css = TEMPLATE_DIR / TEMPLATE_NAME / "static" / "report.css"
    return css.read_text(encoding="utf-8")
