"""One business unit's responses, prepared for its report.

:func:`prepare_unit` loads an export, keeps the unit's rows, resolves the reporting period,
redacts personal data in free text and records everything it did. The small functions below turn
a :class:`UnitData` into the tables each report section shows; they only combine
:mod:`nps_kit.score` results, so every figure traces back to the data.
"""

from __future__ import annotations

from nps_kit.periods import shift_period
from nps_kit.unit._consent_checks import (
    CONSENT_HINT,
    consent_hint,
    consent_left_unset,
    consent_problem,
    consent_unread,
    contact_allowed,
)
from nps_kit.unit._data import (
    MONTH_COMPARISONS,
    Comparison,
    ComparisonKind,
    FiscalToDate,
    Headline,
    UnitData,
)
from nps_kit.unit._prepare import (
    incomplete_through,
    prepare_unit,
    report_window,
    select_unit_rows,
    unit_unreadable_dates,
)
from nps_kit.unit._quality import data_quality
from nps_kit.unit._tables import breakdown_table, headline, trend_table

__all__ = [
    "CONSENT_HINT",
    "MONTH_COMPARISONS",
    "Comparison",
    "ComparisonKind",
    "FiscalToDate",
    "Headline",
    "UnitData",
    "breakdown_table",
    "consent_hint",
    "consent_left_unset",
    "consent_problem",
    "consent_unread",
    "contact_allowed",
    "data_quality",
    "headline",
    "incomplete_through",
    "prepare_unit",
    "report_window",
    "select_unit_rows",
    "shift_period",
    "trend_table",
    "unit_unreadable_dates",
]
