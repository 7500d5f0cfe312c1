"""The list of periods (``<output>/index.html``), newest first."""

from __future__ import annotations

import json
from html import escape
from pathlib import Path
from typing import Any

from nps_kit._atomic import atomic_write_text
from nps_kit.i18n import (
    Language,
    t,
)
from nps_kit.overview._cells import _language
from nps_kit.overview._manifest import MANIFEST
from nps_kit.overview._page import _CSS, _report_css
from nps_kit.periods import format_period


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
