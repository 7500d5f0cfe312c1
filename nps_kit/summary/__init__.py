"""The run summary: a unit's key numbers, from the notebook to the manifest, overview and e-mail.

The notebook builds a :class:`UnitSummary` (:func:`nps_kit.sections.summary`) and publishes its
JSON (:func:`publish_summary`, through the runner's channel ``_channel.py``); the runner reads it
back from the executed notebook (:func:`read_summary`) and writes it under ``units[].summary`` in
``manifest.json``; the overview and ``nps-kit send`` read it from there. Every reader goes
through :meth:`UnitSummary.from_json`, so a key is named in one place. The JSON shape is
documented in ``docs/architecture.md``.
"""

from __future__ import annotations

from nps_kit.summary._floor import (
    floor_summary,
    floor_trend,
    month_under_floor,
    report_floor,
    under_floor,
)
from nps_kit.summary._publish import SUMMARY_MIME, as_summary, publish_summary, read_summary
from nps_kit.summary._records import (
    FISCAL_UNSHOWN,
    Action,
    Change,
    Control,
    Excluded,
    FiscalYtd,
    Theme,
    TrendPoint,
    UnitSummary,
    UnreadableDates,
    UnreadComments,
)

__all__ = [
    "FISCAL_UNSHOWN",
    "SUMMARY_MIME",
    "Action",
    "Change",
    "Control",
    "Excluded",
    "FiscalYtd",
    "Theme",
    "TrendPoint",
    "UnitSummary",
    "UnreadComments",
    "UnreadableDates",
    "as_summary",
    "floor_summary",
    "floor_trend",
    "month_under_floor",
    "publish_summary",
    "read_summary",
    "report_floor",
    "under_floor",
]
