"""``manifest.json`` and the overview pages of a reports folder.

``<output>/<period>/manifest.json`` records every unit's status, parameters, input hash and
summary; a run of some units merges into the existing manifest of that period. Every merge holds
the reports folder's lock (``<output>/.manifest.lock``) from reading the manifest to writing it
and the overviews, so two runs at once never drop each other's units. The overview
``<output>/<period>/index.html`` and the period list ``<output>/index.html`` are rebuilt from the
manifests: self-contained (chart as a PNG data URI), no scripts, no network, readable on a phone,
every text html-escaped.
"""

from __future__ import annotations

import base64
import json
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime
from html import escape
from importlib import metadata
from pathlib import Path
from typing import Any, Protocol

from nps_kit import __version__
from nps_kit._atomic import atomic_write_text
from nps_kit._lock import file_lock
from nps_kit.clock import format_time, zone
from nps_kit.i18n import (
    Language,
    interval_text,
    join_names,
    label,
    nps_text,
    number,
    signed_number,
    t,
)
from nps_kit.periods import TREND_MONTHS, format_period
from nps_kit.report import keep_terms, nobreak, small_sample_badge
from nps_kit.summary import (
    Change,
    FiscalYtd,
    TrendPoint,
    UnitSummary,
    as_summary,
    floor_summary,
    report_floor,
    under_floor,
)


class UnitResult(Protocol):
    """What the manifest records of a unit's run (:class:`nps_kit.run.UnitResult`).

    A protocol, so that this module does not import ``run``, which imports it.
    """

    @property
    def unit(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def language(self) -> str: ...
    @property
    def status(self) -> str: ...
    @property
    def seconds(self) -> float: ...
    @property
    def html(self) -> Path | None: ...
    @property
    def notebook(self) -> Path | None: ...
    @property
    def error(self) -> dict[str, Any] | None: ...
    @property
    def summary(self) -> UnitSummary | None: ...
    @property
    def parameters(self) -> dict[str, Any]: ...
    @property
    def input(self) -> dict[str, str]: ...


__all__ = [
    "manifest_entry",
    "update_manifest",
    "write_manifest_and_overview",
    "write_overview",
    "write_periods_index",
]

MANIFEST = "manifest.json"
#: In the reports folder, not a period folder: one lock also orders the periods index.
MANIFEST_LOCK = ".manifest.lock"
# Units refused before a kernel started (nps_kit.run): their entry replaces a report of an
# earlier run, whose figures the overview no longer shows as this run's, and says why.
_REFUSED = ("refused", "no data", "parameter error")
_PACKAGES = ("pandas", "numpy", "matplotlib", "seaborn", "papermill", "nbconvert", "nbclient")


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


def manifest_entry(result: UnitResult) -> dict[str, Any]:
    """Return the manifest record of one unit (paths relative to the period folder).

    Its summary as the anonymity floor shows it (:func:`nps_kit.summary.floor_summary`, with
    the floor the notebook ran with): a reports folder is shared as it is, so its JSON holds
    no figure the overview and the e-mail hide, only what they say instead (n, the floor, the
    fiscal year's counts and why it is hidden).
    """
    summary = (
        None
        if result.summary is None
        else floor_summary(result.summary, report_floor(result.parameters))
    )
    folder = result.notebook.parent if result.notebook else None
    if folder is not None and folder.name == "_failed":
        folder = folder.parent
    return {
        "unit": result.unit,
        "name": result.name,
        "language": result.language,
        "status": result.status,
        "html": result.html.name if result.html else None,
        "notebook": (
            result.notebook.relative_to(folder).as_posix() if result.notebook and folder else None
        ),
        "seconds": result.seconds,
        "parameters": result.parameters,
        "input": result.input,
        "error": result.error,
        "summary": summary.to_json() if summary else None,
    }


def _packages() -> dict[str, str]:
    versions = {}
    for name in _PACKAGES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            continue
    return versions


def update_manifest(output: Path, period: str, results: list[UnitResult]) -> dict[str, Any]:
    """Merge ``results`` into ``<output>/<period>/manifest.json`` under the folder's lock.

    The runner calls this as each unit finishes, so that an interrupted run still lists every
    unit whose report it replaced. The overview pages are left as they are.

    Parameters
    ----------
    output
        The reports folder.
    period
        ``YYYY-MM``.
    results
        Units just run for that period; other units already in the manifest are kept.

    Returns
    -------
    dict
        The manifest written.
    """
    with file_lock(Path(output) / MANIFEST_LOCK):
        return _merge_manifest(Path(output) / period, period, results)


def write_manifest_and_overview(
    output: Path,
    period: str,
    results: list[UnitResult],
    *,
    language: Language | None = None,
    timezone: str | None = None,
    unit_label: str | None = None,
) -> dict[str, Any]:
    """Merge ``results`` into ``<output>/<period>/manifest.json`` and rebuild the overviews.

    Parameters
    ----------
    output
        The reports folder.
    period
        ``YYYY-MM``.
    results
        The units just run for that period; other units already in the manifest are kept. A
        unit refused before its report was built (status ``"refused"`` or ``"no data"``)
        replaces its entry, whose row then says it was not rebuilt and why; a unit without
        an entry is left out.
    language, timezone, unit_label
        The overview pages' language, time zone and name of a unit (the project's ``overview``
        setting, see :class:`nps_kit.params.Overview`); ``None`` as in :func:`write_overview`.

    Returns
    -------
    dict
        The manifest written.
    """
    with file_lock(Path(output) / MANIFEST_LOCK):
        folder = Path(output) / period
        manifest = _merge_manifest(folder, period, results)
        write_overview(
            folder, manifest, language=language, timezone=timezone, unit_label=unit_label
        )
        write_periods_index(Path(output), language=language)
    return manifest


def _merge_manifest(folder: Path, period: str, results: list[UnitResult]) -> dict[str, Any]:
    """Read, merge and write one manifest; the caller holds the lock."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / MANIFEST
    units: dict[str, dict[str, Any]] = {}
    if path.is_file():
        try:
            previous = json.loads(path.read_text(encoding="utf-8"))
            units = {u["unit"]: u for u in previous.get("units", [])}
        except (ValueError, KeyError, TypeError, AttributeError):
            units = {}  # unreadable: the units of this run replace it
        # The units this run keeps from a manifest written before the summary was floored at
        # write time lose what the floor hides now.
        units = {k: _floored_entry(u) for k, u in units.items()}
    for result in results:
        # A unit refused without an earlier entry is recorded too: send and the overview then
        # name every unit the run was asked for (QA24: "2 sent", exit 0, with 2 of 4 missing).
        units[result.unit] = manifest_entry(result)
    manifest = {
        "period": period,
        "generated_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "nps_kit_version": __version__,
        "packages": _packages(),
        "units": [units[k] for k in sorted(units)],
    }
    atomic_write_text(path, json.dumps(manifest, ensure_ascii=False, indent=2) + "\n")
    return manifest


def _floored_entry(entry: dict[str, Any]) -> dict[str, Any]:
    """Return a kept manifest record with its summary as the floor shows it (else as it was)."""
    summary = entry.get("summary")
    if not isinstance(summary, dict):
        return entry
    read = UnitSummary.from_json(summary)
    floored = floor_summary(read, _floor(entry))
    return entry if floored == read else {**entry, "summary": floored.to_json()}


def _language(units: list[dict[str, Any]]) -> Language:
    counts = Counter(u.get("language") for u in units)
    return "ja" if counts["ja"] > counts["en"] else "en"


def _chart(
    units: list[dict[str, Any]], lang: Language, *, alt: str, title: str | None = None
) -> str | None:
    """Draw the units' NPS as a ``<figure>``: a phone variant, alt text and figures as text."""
    import matplotlib as mpl
    import pandas as pd
    from matplotlib.figure import Figure

    from nps_kit.plot import set_theme, unit_comparison
    from nps_kit.plot._png import palette_retina_png

    # small_sample is the unit report's own flag (its headline's), so the dot is hollow
    # exactly where the report says "small sample".
    rows = [
        {
            "name": u["name"],
            "nps": float("nan") if s.nps is None else s.nps,
            "ci_low": float("nan") if s.ci_low is None else s.ci_low,
            "ci_high": float("nan") if s.ci_high is None else s.ci_high,
            "n": s.n,
            "small_sample": s.small_sample,
        }
        for u in units
        # Under the floor: in the chart's note of hidden units ("Hidden (too few responses)").
        if u["status"] == "ok" and ((s := _summary(u)).nps is not None or _under_floor(u, s))
    ]
    if not any(r["nps"] == r["nps"] for r in rows):  # none with an NPS (NaN != NaN)
        return None
    # The reports' look (seaborn theme, Japanese font), without changing the caller's settings.
    with mpl.rc_context():
        set_theme()
        fig = Figure(figsize=(6.4, 1.2 + 0.45 * len(rows)), layout="constrained")
        ax = fig.subplots()
        unit_comparison(pd.DataFrame(rows), ax=ax, lang=lang, title=title)
        rendered = palette_retina_png(fig)
    if rendered is None:  # pragma: no cover - the figure always has an axes
        return None
    png, meta = rendered
    data = base64.b64encode(png).decode("ascii")
    source = (
        '<source media="(max-width: 600px)" '
        f'srcset="data:image/png;base64,{meta["narrow"]}" width="{meta["narrow_width"]}" '
        f'height="{meta["narrow_height"]}" data-text-px="{meta["narrow_text_px"]}">'
        if "narrow" in meta
        else ""
    )
    facts = "".join(f"<li>{escape(f)}</li>" for f in meta.get("facts", []))
    return (
        f'<figure class="nps-figure"><picture>{source}<img src="data:image/png;base64,{data}" '
        f'width="{meta["width"]}" height="{meta["height"]}" data-text-px="{meta["text_px"]}" '
        f'alt="{escape(meta.get("alt") or alt)}"></picture>'
        + (
            f'<figcaption class="nps-facts"><details><summary>{escape(alt)}</summary>'
            f"<ul>{facts}</ul></details></figcaption>"
            if facts
            else ""
        )
        + "</figure>"
    )


def _number(value: float) -> str:
    return number(value)


def _summary(entry: dict[str, Any]) -> UnitSummary:
    """Return the unit's summary as the overview may show it: under the floor, only its size.

    The overview sets units side by side as a breakdown sets groups, so the anonymity floor
    (``thresholds.min_report_n``, :func:`nps_kit.score.below_floor`) applies to it as to every
    group (QA27: a location of 3 responses ranked 2nd of 14, one of 2 showed its "0.0 % / 50.0 %"
    while ``score --by`` hid both): a unit whose month has fewer scored responses than its floor
    keeps its n and its report link; its NPS, shares, changes, top theme, detractor count and
    this month's trend point are not shown. Its own report, for its own team, is unchanged.
    """
    summary = as_summary(entry.get("summary")) or UnitSummary()
    if entry.get("status") != "ok":
        return summary
    # The one rule, shared with the e-mail's subject and body (QA28 #5).
    return floor_summary(summary, _floor(entry))


def _floor(entry: dict[str, Any]) -> int | None:
    """Return the unit's ``thresholds.min_report_n`` as its notebook ran (the manifest's)."""
    return report_floor(entry.get("parameters"))


def _under_floor(entry: dict[str, Any], summary: UnitSummary) -> bool:
    return entry.get("status") == "ok" and under_floor(summary, _floor(entry))


#: The overview's change columns by comparison kind: each is one family of tests across units.
_FAMILIES = {"previous": "vs_previous", "last_year": "vs_last_year", "fiscal_ytd": "fiscal_ytd"}
_SIGNIFICANT = ("improvement", "decline")


def _own_changes(entry: dict[str, Any]) -> dict[str, Change]:
    """Return a unit's changes by column (its own, unadjusted verdicts), the fiscal one too."""
    s = _summary(entry)
    found = _changes(s)
    if s.fiscal_ytd is not None and s.fiscal_ytd.change is not None:
        found["fiscal_ytd"] = s.fiscal_ytd.change
    return found


def _family_verdicts(changes: Sequence[Change | None], fdr: float) -> list[Change | None]:
    """Return one family's changes with their verdicts after Benjamini–Hochberg.

    A change keeps ``improvement``/``decline`` only when its adjusted p-value is below
    ``fdr``; the others read ``no_change``. A change without a p-value (no test made) is no
    member of the family and keeps its verdict.
    """
    from nps_kit.stats import benjamini_hochberg

    p_values = [
        c.p_value if c is not None and c.p_value is not None else float("nan") for c in changes
    ]
    adjusted = benjamini_hochberg(p_values).tolist()
    out: list[Change | None] = []
    for change, q in zip(changes, adjusted, strict=True):
        if change is not None and change.verdict in _SIGNIFICANT and q == q and not q < fdr:
            change = replace(change, verdict="no_change")
        out.append(change)
    return out


def _adjusted_changes(
    units: list[dict[str, Any]],
) -> tuple[list[dict[str, Change]], list[dict[str, Change]], float]:
    """Each unit's changes by column, adjusted and its own, and the false discovery rate used.

    Each column (vs the previous month, vs the same month last year, the fiscal year to date)
    is its own family across the units, adjusted by Benjamini–Hochberg; the rate is ``1 −`` the
    highest confidence level of the tested changes (0.95 when none is tested).
    """
    own = [_own_changes(u) for u in units]
    levels = {c.level or 0.95 for found in own for c in found.values() if c.p_value is not None}
    fdr = 1 - max(levels, default=0.95)
    adjusted = [dict(found) for found in own]
    ok = [u.get("status") == "ok" for u in units]  # a failed unit's figures are not this run's
    for kind in _FAMILIES:
        members = [found.get(kind) if is_ok else None for found, is_ok in zip(own, ok, strict=True)]
        family = _family_verdicts(members, fdr)
        for found, change in zip(adjusted, family, strict=True):
            if change is not None:
                found[kind] = change
    return adjusted, own, fdr


# Where a note in a figure's column may wrap: before a bracket, after a colon.
_WRAP_AT = re.compile(r"(?=[（(])|(?<=[：:])")


def _wrapped(parts: list[str], lang: Language) -> str:
    """Return ``parts`` as a note under a figure that wraps only between its phrases.

    The parts are joined by the language's dot, each cut before a bracket and after a colon
    (``2026年度`` / ``（4〜11月）・`` / ``回答数475件``); on one line, the fiscal year's span
    and n and the under-floor note pushed the last two columns behind the table's scroll edge
    at 1280 px, and a plain wrap left ``示`` alone on a line (QA43).
    """
    items = (
        "".join(f'<span class="nps-nb">{escape(piece)}</span>' for piece in _WRAP_AT.split(part))
        for part in parts
    )
    return f'<small class="nps-ci nps-wrap">{escape(t("mail.dot", lang)).join(items)}</small>'


def _contacted_note(s: UnitSummary, lang: Language) -> str:
    """Say how many of the listed detractors the returned status file marks contacted."""
    if not s.detractors_contacted or s.detractors_to_contact is None:
        return ""
    listed = s.detractors_to_contact + s.detractors_contacted
    note = t("followup.close_note", lang, total=listed, contacted=s.detractors_contacted)
    return f'<small class="nps-ci">{escape(note)}</small>'


def _to_contact(s: UnitSummary, lang: Language) -> str:
    """Say how many detractors to contact; on an anonymous form none, and why (QA44: 4)."""
    if s.contact_basis == "anonymous":
        return f'—<small class="nps-ci">{escape(t("overview.anonymous", lang))}</small>'
    return escape(str(_or_dash(s.detractors_to_contact)))


def _or_dash(value: Any) -> Any:
    return "—" if value is None else value


def _word(key: str, lang: Language) -> str:
    try:
        return t(f"overview.{key}", lang)
    except KeyError:
        return label(key, lang)


def _changes(s: UnitSummary) -> dict[str, Change]:
    """Each month comparison by kind, with the unit's own verdicts.

    A change without a kind is the previous month's; an older summary with only ``change``
    gives that one as the previous month's.
    """
    found = {c.kind or "previous": c for c in s.changes}
    if not found and s.change is not None:
        found["previous"] = s.change
    return found


def _verdict(change: Change, lang: Language, own: Change | None = None) -> str:
    """Return a change's verdict badge; with ``own``, the unit's own verdict when BH changed it."""
    verdict = change.verdict
    badge = (
        f'<span class="nps-verdict nps-verdict--{escape(verdict)}">{escape(label(verdict, lang))}'
        "</span>"
        if verdict in {"improvement", "decline", "no_change"}
        else ""
    )
    if own is not None and own.verdict in _SIGNIFICANT and own.verdict != verdict:
        # The unit's report and e-mail say its own verdict (QA18: "significant decline" in the
        # subject, "no significant change" here): say both, so neither looks wrong.
        badge += (
            f'<small class="nps-verdict-own">'
            f"{escape(t('overview.own_verdict', lang, verdict=label(own.verdict, lang)))}</small>"
        )
    return badge


def _change_cell(change: Change | None, lang: Language, own: Change | None = None) -> str:
    """One change's cell; ``own`` is the unit's own (unadjusted) change when BH replaced it."""
    if change is None or change.diff is None:
        return '<td class="is-num is-na">—</td>'
    return (
        f'<td class="is-num"><span class="nps-nb">{signed_number(change.diff)}</span>'
        f"{_verdict(change, lang, own)}</td>"
    )


def _fiscal_cell(
    fiscal: FiscalYtd | None, lang: Language, change: Change | None, own: Change | None
) -> str:
    """Return the fiscal year to date's cell, a figure with a badge as the other columns.

    Its NPS; its change against the same months of the fiscal year before with the verdict
    after Benjamini–Hochberg (``change``; ``own``, the unit's, when that differs); and the
    months and responses it counts, flagged as a small sample as the unit report flags it.
    Without a change, or without the year to date, why, as the report's card says it
    (:meth:`~nps_kit.summary.FiscalYtd.why`).
    """
    why = None if fiscal is None else fiscal.why(lang)
    if fiscal is None or fiscal.year is None or (fiscal.nps is None and why is None):
        return '<td class="is-num is-na">—</td>'
    said = "<b>—</b>" if fiscal.nps is None else f"<b>{escape(nps_text(fiscal.nps))}</b>"
    if change is not None and change.diff is not None:
        what, diff = t("sections.fiscal_ytd", lang), signed_number(change.diff)
        words = f"{what} {diff}" if lang == "ja" else f"{diff} {what}"
        said += f'<span class="nps-fy-change">{escape(words)}</span>{_verdict(change, lang, own)}'
    elif why is not None:  # it wraps: each number kept with its unit ("3 responses", 1か月)
        said += f'<small class="nps-why">{nobreak(escape(why))}</small>'
    counted = []
    if (span := fiscal.span()) is not None:
        counted.append(span.label(lang, to_date=False))
    if fiscal.n is not None:
        counted.append(t("mail.responses", lang, n=f"{fiscal.n:,}"))
    said += _wrapped(counted, lang)
    if fiscal.small_sample and fiscal.nps is not None:
        said += small_sample_badge(lang)
    return f'<td class="is-num">{said}</td>'


def _sparkline(trend: Sequence[TrendPoint], lang: Language) -> str:
    """Draw a 12-month line as inline SVG (no script, no network), labelled with its values."""
    points_ = [(r.period, r.nps) for r in trend[-TREND_MONTHS:]]
    values = [v for _, v in points_ if v is not None]
    if len(values) < 2:
        return "—"
    low, high = min([*values, 0.0]), max([*values, 0.0])
    span = (high - low) or 1.0
    width, height = 96, 28
    step = width / max(len(points_) - 1, 1)
    coords = [
        f"{i * step:.1f},{height - 2 - (v - low) / span * (height - 4):.1f}"
        for i, (_, v) in enumerate(points_)
        if v is not None
    ]
    zero = height - 2 - (0 - low) / span * (height - 4)
    text = join_names(
        (f"{format_period(str(p), lang)} {nps_text(v)}" for p, v in points_ if v is not None), lang
    )
    last = coords[-1].split(",")
    return (
        f'<svg class="nps-spark" width="{width}" height="{height}" viewBox="0 0 {width} {height}"'
        f' role="img" aria-label="{escape(text)}"><title>{escape(text)}</title>'
        f'<line x1="0" x2="{width}" y1="{zero:.1f}" y2="{zero:.1f}" stroke="#8c959f"'
        ' stroke-width="0.6"/>'
        f'<polyline fill="none" stroke="#1f4e79" stroke-width="1.6" points="{" ".join(coords)}"/>'
        f'<circle cx="{last[0]}" cy="{last[1]}" r="2.2" fill="#1f4e79"/></svg>'
    )


def _months_drawn(trend: Sequence[TrendPoint]) -> int:
    """Return how many months :func:`_sparkline` draws: those of the window with an NPS.

    A month the report hides (under the anonymity floor: no NPS) is a gap in the line, not a
    month shown (FIX30: "12 months" under a line of 10 points).
    """
    return sum(r.nps is not None for r in trend[-TREND_MONTHS:])


def _months_note(trend: Sequence[TrendPoint], lang: Language) -> str:
    """Under a line of fewer months than the trend's window, say how many it shows."""
    drawn = _months_drawn(trend)
    if drawn < 2 or drawn >= TREND_MONTHS:  # no line (_sparkline), or the whole window
        return ""
    note = t("overview.trend_months", lang, n=drawn)
    return f'<small class="nps-months">{escape(note)}</small>'


def _order(units: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Highest NPS first (as the chart draws them); small samples after, then units without one.

    A unit flagged as a small sample is ranked after every unit with enough responses (QA27:
    3 responses at +33.3 came 2nd of 14 locations), among the small ones by NPS.
    """

    def key(u: dict[str, Any]) -> tuple[int, float]:
        s = _summary(u)
        if u["status"] != "ok" or s.nps is None:
            return (2, 0.0)
        return (1 if s.small_sample else 0, -float(s.nps))

    return sorted(units, key=key)


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


def write_periods_index(output: Path, *, language: Language | None = None) -> Path:
    """Write ``<output>/index.html`` listing every period that has a manifest, newest first.

    In ``language`` (the project's ``overview.language``); ``None`` uses the units' majority.
    """
    entries = []
    languages: list[dict[str, Any]] = []
    for manifest_path in sorted(Path(output).glob(f"*/{MANIFEST}"), reverse=True):
        try:
            manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        except ValueError:
            continue
        units = manifest.get("units", [])
        languages.extend(units)
        ok = sum(u.get("status") == "ok" for u in units)
        entries.append((manifest_path.parent.name, ok, len(units)))
    lang = language if language is not None else _language(languages)
    items = "".join(
        f'<li><a href="{escape(name)}/index.html">{escape(format_period(name, lang))}</a>'
        f"{escape(t('overview.period_units', lang, ok=ok, total=total))}</li>"
        for name, ok, total in entries
    )
    title = t("overview.title", lang)
    page = (
        f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}</title><style>{_report_css()}{_CSS}</style></head><body>"
        f'<main class="nps-report"><div class="nps-prose"><h1>{escape(title)}</h1>'
        f"<ul>{items}</ul></div></main></body></html>\n"
    )
    path = Path(output) / "index.html"
    atomic_write_text(path, page)
    return path
