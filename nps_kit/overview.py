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
from collections import Counter
from datetime import UTC, datetime
from html import escape
from importlib import metadata
from pathlib import Path
from typing import Any, Protocol

from nps_kit import __version__
from nps_kit._atomic import atomic_write_text
from nps_kit._lock import file_lock
from nps_kit.i18n import Language, label, points, t
from nps_kit.periods import format_period
from nps_kit.summary import UnitSummary, as_summary


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
_PACKAGES = ("pandas", "numpy", "matplotlib", "seaborn", "papermill", "nbconvert", "nbclient")


_CSS = """
body{font-family:system-ui,-apple-system,"Hiragino Sans","Noto Sans JP",sans-serif;margin:1rem;
color:#222;max-width:60rem}
h1{font-size:1.4rem}.wrap{overflow-x:auto}table{border-collapse:collapse;width:100%}
th,td{padding:.4rem .6rem;border-bottom:1px solid #ddd;text-align:left;white-space:nowrap}
td.num{text-align:right}.failed{color:#b00020;font-weight:bold}img{max-width:100%;height:auto}
@media print{a{color:inherit;text-decoration:none}}
"""


def manifest_entry(result: UnitResult) -> dict[str, Any]:
    """Return the manifest record of one unit (paths relative to the period folder)."""
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
        "summary": result.summary.to_json() if result.summary else None,
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
    output: Path, period: str, results: list[UnitResult]
) -> dict[str, Any]:
    """Merge ``results`` into ``<output>/<period>/manifest.json`` and rebuild the overviews.

    Parameters
    ----------
    output
        The reports folder.
    period
        ``YYYY-MM``.
    results
        The units just run for that period; other units already in the manifest are kept.

    Returns
    -------
    dict
        The manifest written.
    """
    with file_lock(Path(output) / MANIFEST_LOCK):
        folder = Path(output) / period
        manifest = _merge_manifest(folder, period, results)
        write_overview(folder, manifest)
        write_periods_index(Path(output))
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
    for result in results:
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


def _language(units: list[dict[str, Any]]) -> Language:
    counts = Counter(u.get("language") for u in units)
    return "ja" if counts["ja"] > counts["en"] else "en"


def _chart(units: list[dict[str, Any]], lang: Language) -> str | None:
    import matplotlib as mpl
    import pandas as pd
    from matplotlib.figure import Figure

    from nps_kit.plot import set_theme, to_png, unit_comparison

    rows = [
        {"name": u["name"], "nps": s.nps, "ci_low": s.ci_low, "ci_high": s.ci_high, "n": s.n}
        for u in units
        if u["status"] == "ok" and (s := _summary(u)).nps is not None
    ]
    if not rows:
        return None
    # The reports' look (seaborn theme, Japanese font), without changing the caller's settings.
    with mpl.rc_context():
        set_theme()
        fig = Figure(figsize=(6.4, 1.2 + 0.45 * len(rows)), layout="constrained")
        ax = fig.subplots()
        unit_comparison(pd.DataFrame(rows), ax=ax, lang=lang)
        png = to_png(fig)
    return base64.b64encode(png).decode("ascii")


def _number(value: float) -> str:
    return f"{value:.1f}".replace("-", "\u2212")


def _summary(entry: dict[str, Any]) -> UnitSummary:
    return as_summary(entry.get("summary")) or UnitSummary()


def _adjusted_verdicts(units: list[dict[str, Any]]) -> tuple[list[str | None], float]:
    """Each unit's change verdict after Benjamini–Hochberg over the units, and the FDR used.

    A unit keeps ``improvement``/``decline`` only when its adjusted p-value is below
    ``1 − level``; the others read ``no_change``. Units without a p-value keep their verdict.
    """
    from nps_kit.stats import benjamini_hochberg

    changes = [_summary(u).change if u.get("status") == "ok" else None for u in units]
    p_values = [
        c.p_value if c is not None and c.p_value is not None else float("nan") for c in changes
    ]
    adjusted = benjamini_hochberg(p_values).tolist()
    levels = {c.level or 0.95 for c in changes if c is not None and c.p_value is not None}
    fdr = 1 - (max(levels) if levels else 0.95)
    verdicts: list[str | None] = []
    for change, q in zip(changes, adjusted, strict=True):
        verdict = change.verdict if change is not None else None
        if verdict in ("improvement", "decline") and not q < fdr:
            verdict = "no_change"
        verdicts.append(verdict)
    return verdicts, fdr


def _change(summary: UnitSummary, lang: Language, verdict: str | None) -> str:
    change = summary.change
    if change is None or change.diff is None:
        return "—"
    text = points(change.diff, lang, signed=True)
    return (
        f"{text} ({label(verdict, lang)})"
        if verdict in {"improvement", "decline", "no_change"}
        else text
    )


def write_overview(folder: Path, manifest: dict[str, Any]) -> Path:
    """Write ``index.html`` of one period from its manifest; return its path."""
    units = manifest["units"]
    lang = _language(units)

    def w(key: str) -> str:
        return escape(t(f"overview.{key}", lang))

    rows = []
    verdicts, fdr = _adjusted_verdicts(units)
    for u, verdict in zip(units, verdicts, strict=True):
        s = _summary(u)
        status = u["status"]
        html = u.get("html")
        if html:
            link = f'<a href="{escape(html)}">{w("report")}</a>'
        elif (folder / f"{u['unit']}.html").is_file():
            link = f'<a href="{escape(u["unit"])}.html">{w("previous")}</a>'
        else:
            link = ""
        if status != "ok" and u.get("notebook"):
            link += f' <a href="{escape(u["notebook"])}">{w("notebook")}</a>'
        interval = (
            f"{_number(s.ci_low)} – {_number(s.ci_high)}"
            if s.ci_low is not None and s.ci_high is not None
            else "—"
        )
        nps = s.nps
        state = f'<span class="failed">{w("failed")}</span>' if status != "ok" else w("ok")
        rows.append(
            "<tr>"
            f"<td>{escape(str(u['name']))}</td>"
            f'<td class="num">{escape(points(nps, lang) if nps is not None else "—")}</td>'
            f"<td>{escape(interval)}</td>"
            f"<td>{escape(_change(s, lang, verdict))}</td>"
            f'<td class="num">{escape("—" if s.n is None else str(s.n))}</td>'
            f"<td>{state}</td><td>{link}</td></tr>"
        )
    chart = _chart(units, lang)
    image = f'<img alt="{w("chart")}" src="data:image/png;base64,{chart}">' if chart else ""
    title = f"{t('overview.title', lang)} — {format_period(manifest['period'], lang)}"
    head = "".join(
        f"<th>{escape(word)}</th>"
        for word in (
            t("overview.unit", lang),
            label("nps", lang),
            label("ci", lang),
            t("overview.change", lang),
            label("n", lang),
            t("overview.status", lang),
            t("overview.report", lang),
        )
    )
    page = (
        f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}</title><style>{_CSS}</style></head><body>"
        f"<h1>{escape(title)}</h1>{image}"
        f'<div class="wrap"><table><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div>"
        f"<p>{escape(t('overview.fdr_note', lang, fdr=f'{fdr * 100:g}'))}</p>"
        f'<p><a href="../index.html">{w("periods")}</a></p></body></html>\n'
    )
    path = folder / "index.html"
    atomic_write_text(path, page)
    return path


def write_periods_index(output: Path) -> Path:
    """Write ``<output>/index.html`` listing every period that has a manifest, newest first."""
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
    lang = _language(languages)
    items = "".join(
        f'<li><a href="{escape(name)}/index.html">{escape(format_period(name, lang))}</a> '
        f"({ok}/{total})</li>"
        for name, ok, total in entries
    )
    title = t("overview.title", lang)
    page = (
        f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}</title><style>{_CSS}</style></head><body>"
        f"<h1>{escape(title)}</h1><ul>{items}</ul></body></html>\n"
    )
    path = Path(output) / "index.html"
    atomic_write_text(path, page)
    return path
