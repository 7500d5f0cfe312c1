"""Schema and validation of report parameters (``parameters/defaults.yaml`` + one file per unit).

A unit file is deep-merged over ``defaults.yaml`` (mappings merge, lists replace), relative paths
resolve against the folder of the YAML file that wrote them, and the result is validated with a
pydantic schema. Everything a run needs is checked here, before any kernel starts: YAML syntax,
unknown keys (with a "did you mean" hint), types, allowed values, e-mail addresses, that the data
file exists and that every configured column is in its header.
"""

from __future__ import annotations

from nps_kit._project_language import DEFAULTS_FILE, project_language
from nps_kit.params._fields import (
    NOT_UNITS,
    UNIT_ID_RULE,
    Comparison,
    DisplayText,
    Label,
    TimeZone,
    UnitLabel,
    display_text_problem,
    in_language,
    is_unit_id,
)
from nps_kit.params._notebook import notebook_parameters, resolve_period
from nps_kit.params._read import load_all, load_unit
from nps_kit.params._sections import (
    ATTACH_CHOICES,
    Alerts,
    Attach,
    Breakdown,
    ClosedLoop,
    CodeTable,
    Columns,
    Contact,
    DataSource,
    Followup,
    Mail,
    Overview,
    Privacy,
    RowExclude,
    RowFilter,
    Thresholds,
)
from nps_kit.params._unit import ParameterSet, UnitParameters

__all__ = [
    "ATTACH_CHOICES",
    "DEFAULTS_FILE",
    "NOT_UNITS",
    "UNIT_ID_RULE",
    "Alerts",
    "Attach",
    "Breakdown",
    "ClosedLoop",
    "CodeTable",
    "Columns",
    "Comparison",
    "Contact",
    "DataSource",
    "DisplayText",
    "Followup",
    "Label",
    "Mail",
    "Overview",
    "ParameterSet",
    "Privacy",
    "RowExclude",
    "RowFilter",
    "Thresholds",
    "TimeZone",
    "UnitLabel",
    "UnitParameters",
    "display_text_problem",
    "in_language",
    "is_unit_id",
    "load_all",
    "load_unit",
    "notebook_parameters",
    "project_language",
    "resolve_period",
]
