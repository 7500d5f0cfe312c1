"""Charts for NPS reports.

Every chart takes an already-computed table (from :mod:`nps_kit.score` or the analysis modules)
as its first argument, draws it on ``ax`` (a report-sized figure when ``ax=None``), labels it fully
in the report's language (``lang="ja"`` or ``"en"``) and returns the ``Axes``. Charts compute
nothing; a table without rows gives an axes with a "no data" / 「データなし」 note.

Promoters, passives and detractors have the same colours everywhere (:data:`SEGMENT_COLORS`,
colour-blind safe), and NPS axes are in points with a zero line.

Importing this module registers the bundled IPAexGothic font (matplotlib-fontja); call
:func:`set_theme` at the top of a report for the full look.
"""

from __future__ import annotations

from nps_kit.plot._analysis import driver_quadrant, theme_impact, words
from nps_kit.plot._base import SEGMENT_COLORS
from nps_kit.plot._groups import breakdown, unit_comparison
from nps_kit.plot._nps import score_distribution, shares_bar, trend
from nps_kit.plot._png import to_png
from nps_kit.plot._theme import set_theme

__all__ = [
    "SEGMENT_COLORS",
    "breakdown",
    "driver_quadrant",
    "score_distribution",
    "set_theme",
    "shares_bar",
    "theme_impact",
    "to_png",
    "trend",
    "unit_comparison",
    "words",
]
