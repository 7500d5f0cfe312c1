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

from nps_kit.overview._manifest import (
    MANIFEST,
    MANIFEST_LOCK,
    UnitResult,
    manifest_entry,
    update_manifest,
)
from nps_kit.overview._page import write_overview
from nps_kit.overview._periods_index import write_periods_index
from nps_kit.overview._write import write_manifest_and_overview

__all__ = [
    "MANIFEST",
    "MANIFEST_LOCK",
    "UnitResult",
    "manifest_entry",
    "update_manifest",
    "write_manifest_and_overview",
    "write_overview",
    "write_periods_index",
]
