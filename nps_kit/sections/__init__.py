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

from nps_kit._section_result import Page, SectionResult, show
from nps_kit.sections._followups import followups
from nps_kit.sections._headline import headline_section, title
from nps_kit.sections._loop import contact_quality, detractors, followup_status
from nps_kit.sections._method import data_quality_section, method, themes_used
from nps_kit.sections._moves import breakdowns, change_drivers, distribution, trend
from nps_kit.sections._strategies import STRATEGIES_SHOWN, TABLE_SHOWN, strategies
from nps_kit.sections._summary import summary

__all__ = [
    "STRATEGIES_SHOWN",
    "TABLE_SHOWN",
    "Page",
    "SectionResult",
    "breakdowns",
    "change_drivers",
    "contact_quality",
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
    "themes_used",
    "title",
    "trend",
]
