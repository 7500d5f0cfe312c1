"""Merge a run into its period's manifest and rebuild the overviews, under one lock."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from nps_kit._lock import file_lock
from nps_kit.i18n import (
    Language,
)
from nps_kit.overview._manifest import MANIFEST_LOCK, UnitResult, _merge_manifest
from nps_kit.overview._page import write_overview
from nps_kit.overview._periods_index import write_periods_index


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
