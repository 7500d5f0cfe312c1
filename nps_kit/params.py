"""Schema and validation of report parameters (``parameters/defaults.yaml`` + one file per unit).

A unit file is deep-merged over ``defaults.yaml`` (mappings merge, lists replace), relative paths
resolve against the folder of the YAML file that wrote them, and the result is validated with a
pydantic schema. Everything a run needs is checked here, before any kernel starts: YAML syntax,
unknown keys (with a "did you mean" hint), types, allowed values, e-mail addresses, that the data
file exists and that every configured column is in its header.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationError, field_validator

if TYPE_CHECKING:
    from nps_kit.load import ColumnIndex

from nps_kit._schema_errors import describe, display, problems_error
from nps_kit.errors import ConfigError, NpsKitError, closest

__all__ = [
    "Breakdown",
    "Columns",
    "DataSource",
    "Followup",
    "Mail",
    "ParameterSet",
    "Privacy",
    "RowFilter",
    "Thresholds",
    "UnitParameters",
    "load_all",
    "load_unit",
    "notebook_parameters",
    "resolve_period",
]

DEFAULTS_FILE = "defaults.yaml"
# Files of a parameters folder that are not units (read by other modules).
NOT_UNITS = frozenset({"defaults", "playbook", "themes"})
UNIT_ID = re.compile(r"^[a-z0-9][a-z0-9_-]{0,39}$")
_PERIOD = re.compile(r"^(latest|\d{4}-(0[1-9]|1[0-2]))$")
_EMAIL = re.compile(r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$")


Comparison = Literal["previous", "last_year"]
_COMPARISONS: tuple[Comparison, ...] = ("previous", "last_year")


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class RowFilter(_Model):
    """Keep only the rows whose ``column`` holds one of ``values``."""

    column: str
    values: list[str | int | float]


class DataSource(_Model):
    """Where a unit's responses come from and how to read them."""

    path: Path
    sheet: str | int | None = None
    encoding: str | None = None
    filter: RowFilter | None = None
    date_format: str | None = None
    missing_values: list[str] = Field(default_factory=list)
    fix_text: bool = False
    dedupe: bool = False

    @field_validator("date_format")
    @classmethod
    def _date_format(cls, value: str | None) -> str | None:
        from nps_kit._values import check_date_format

        check_date_format(value)
        return value


class Columns(_Model):
    """Names of the columns with a special meaning in the data file."""

    score: str = "score"
    date: str | None = None
    id: str | None = None
    comment: str | None = None
    contact: str | None = None
    weight: str | None = None


class Followup(_Model):
    """A follow-up question analysed in the report."""

    column: str
    type: Literal["categorical", "multi", "rating", "text"]
    label: str | None = None
    separator: str = ";"
    codes: dict[str, str] | None = None
    scale: list[int] | None = None

    @field_validator("scale")
    @classmethod
    def _two_ints(cls, value: list[int] | None) -> list[int] | None:
        if value is not None and (len(value) != 2 or value[0] >= value[1]):
            raise ValueError(f"expected [low, high] with low < high; found {value}")
        return value


class Breakdown(_Model):
    """A column to break the NPS down by, with its label in the report."""

    column: str
    label: str | None = None


class Thresholds(_Model):
    """Statistical thresholds."""

    min_n: int = Field(default=30, ge=1)
    min_report_n: int = Field(default=5, ge=1)
    level: float = Field(default=0.95, gt=0, lt=1)


class Privacy(_Model):
    """Privacy settings."""

    redact: bool = True


class Mail(_Model):
    """Who receives the unit's report."""

    to: list[str] = Field(default_factory=list)
    cc: list[str] = Field(default_factory=list)
    bcc: list[str] = Field(default_factory=list)
    reply_to: str | None = None
    attach: Literal["html", "zip", "none"] = "html"
    report_url: str | None = None

    @field_validator("to", "cc", "bcc")
    @classmethod
    def _addresses(cls, value: list[str]) -> list[str]:
        for address in value:
            _check_email(address)
        return value

    @field_validator("reply_to")
    @classmethod
    def _reply_to(cls, value: str | None) -> str | None:
        if value is not None:
            _check_email(value)
        return value


def _check_email(address: str) -> None:
    if not _EMAIL.match(address):
        raise ValueError(f"expected an e-mail address like team@example.com; found {address!r}")


class UnitParameters(_Model):
    """Validated parameters of one unit (``defaults.yaml`` merged under ``<unit>.yaml``)."""

    unit: str
    name: str
    language: Literal["ja", "en"]
    data: DataSource
    columns: Columns = Field(default_factory=Columns)
    period: str = "latest"
    comparison: list[Comparison] = Field(default_factory=lambda: list(_COMPARISONS))
    target: float | None = None
    top_n: int = Field(default=12, ge=1)
    breakdowns: list[str | Breakdown] = Field(default_factory=list)
    followups: list[Followup] = Field(default_factory=list)
    themes: Path | None = None
    playbook: Path | None = None
    thresholds: Thresholds = Field(default_factory=Thresholds)
    privacy: Privacy = Field(default_factory=Privacy)
    mail: Mail = Field(default_factory=Mail)
    _source: Path | None = PrivateAttr(default=None)
    _resolved: dict[str, str] = PrivateAttr(default_factory=dict)

    @field_validator("unit")
    @classmethod
    def _unit_id(cls, value: str) -> str:
        if not UNIT_ID.match(value):
            raise ValueError(
                "expected a short id of lower-case letters, digits, '-' or '_' "
                f"(used in file names); found {value!r}"
            )
        return value

    @field_validator("period")
    @classmethod
    def _period(cls, value: str) -> str:
        if not _PERIOD.match(value):
            raise ValueError(f"expected 'latest' or a month like '2026-10'; found {value!r}")
        return value

    @property
    def source(self) -> Path | None:
        """The unit's YAML file."""
        return self._source

    def column(self, name: str) -> str:
        """Return the column that ``name`` (header, Qualtrics QID or question text) names."""
        return self._resolved.get(name, name)

    def used_columns(self) -> dict[str, str]:
        """Return every configured column as ``{dotted key: column name}``."""
        used: dict[str, str] = {}
        for key, value in self.columns.model_dump().items():
            if value is not None:
                used[f"columns.{key}"] = value
        if self.data.filter is not None:
            used["data.filter.column"] = self.data.filter.column
        for i, item in enumerate(self.breakdowns):
            if isinstance(item, Breakdown):
                used[f"breakdowns[{i}].column"] = item.column
            else:
                used[f"breakdowns[{i}]"] = item
        for i, followup in enumerate(self.followups):
            used[f"followups[{i}].column"] = followup.column
        return used


@dataclass(frozen=True)
class ParameterSet:
    """The valid units of a parameters folder and one error per bad file.

    Attributes
    ----------
    units
        Valid units by id, in file-name order.
    errors
        One :class:`~nps_kit.errors.ConfigError` per file (or unknown unit) that failed.
    """

    units: dict[str, UnitParameters] = field(default_factory=dict)
    errors: list[ConfigError] = field(default_factory=list)

    def raise_if_errors(self) -> None:
        """Raise one :class:`ConfigError` listing every error, if there are any."""
        if not self.errors:
            return
        if len(self.errors) == 1:
            raise self.errors[0]
        text = "\n".join(str(e) for e in self.errors)
        raise ConfigError(f"{len(self.errors)} parameter files have problems:\n{text}")


def _read_yaml(path: Path) -> dict[str, Any]:
    shown = display(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(f"{shown}: file not found.", path=path) from None
    try:
        raw = yaml.safe_load(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else "unknown line"
        raise ConfigError(
            f"{shown}: invalid YAML at {where}: {exc.problem}.",
            hint="Fix the syntax there (indentation, a missing ':' or an unclosed quote).",
            path=path,
        ) from None
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise ConfigError(
            f"{shown}: expected a mapping of keys at the top level; found {type(raw).__name__}.",
            path=path,
        )
    return raw


def _resolve_paths(raw: dict[str, Any], folder: Path) -> dict[str, Any]:
    def resolve(value: str) -> str:
        return str((folder / Path(value).expanduser()).resolve())

    data = raw.get("data")
    if isinstance(data, dict) and isinstance(data.get("path"), str):
        raw = {**raw, "data": {**data, "path": resolve(data["path"])}}
    for key in ("themes", "playbook"):
        if isinstance(raw.get(key), str):
            raw = {**raw, key: resolve(raw[key])}
    return raw


def _merge(base: Mapping[str, Any], over: Mapping[str, Any]) -> dict[str, Any]:
    """Deep-merge ``over`` onto ``base``: mappings merge, everything else (lists too) replaces."""
    merged = dict(base)
    for key, value in over.items():
        if isinstance(value, Mapping) and isinstance(merged.get(key), Mapping):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = value
    return merged


_Header = dict[tuple[str, str | int | None, str | None], "ColumnIndex | NpsKitError"]


def _check_data(unit: UnitParameters, path: Path, headers: _Header) -> None:
    """Check that the data file exists and has every configured column (header only)."""
    for key in ("themes", "playbook"):
        extra: Path | None = getattr(unit, key)
        if extra is not None and not extra.is_file():
            raise ConfigError(
                f"{display(path)}: {key}: file not found: {extra}.",
                hint="Fix the path (relative paths start at the YAML file's folder), or use null.",
                path=path,
                key=key,
            )
    source = unit.data
    if not source.path.is_file():
        raise ConfigError(
            f"{display(path)}: data.path: data file not found: {source.path}.",
            hint="Fix the path (relative paths start at the YAML file's folder).",
            path=path,
            key="data.path",
        )
    cache_key = (str(source.path), source.sheet, source.encoding)
    if cache_key not in headers:
        from nps_kit.load import read_column_index

        try:
            headers[cache_key] = read_column_index(
                source.path, sheet=source.sheet, encoding=source.encoding
            )
        except NpsKitError as exc:
            headers[cache_key] = exc
    header = headers[cache_key]
    if isinstance(header, NpsKitError):
        raise ConfigError(
            f"{display(path)}: data.path: cannot read {source.path}: {header}",
            path=path,
            key="data.path",
        )
    problems: list[tuple[str, str, str | None]] = []
    for key, column in unit.used_columns().items():
        try:
            # A header, a Qualtrics QID/ImportId or question text: as `score` resolves them.
            unit._resolved[column] = header.resolve(column, option=key)
        except NpsKitError:
            names = [*header.columns, *header.questions.values(), *header.import_ids.values()]
            suggestion = closest(column, names)
            if suggestion is not None and suggestion not in header.columns:
                suggestion = header.resolve(suggestion, option=key)
            hint = f"Did you mean {suggestion!r}?" if suggestion else None
            problems.append((key, f"no column {column!r} in {source.path.name}.", hint))
    if problems:
        # Like `score`, list what the file has, so the fix needs no second look at the export.
        error = problems_error(path, problems)
        listing = f"Columns in {source.path.name}: {header.listing()}."
        raise ConfigError(
            error.message,
            hint=f"{error.hint} {listing}" if error.hint else listing,
            path=path,
            key=error.key,
        )


def _validate(raw: dict[str, Any], path: Path, headers: _Header) -> UnitParameters:
    raw = {"unit": path.stem, **raw}
    try:
        unit = UnitParameters.model_validate(raw)
    except ValidationError as exc:
        raise problems_error(path, [describe(e, UnitParameters) for e in exc.errors()]) from None
    unit._source = path
    _check_data(unit, path, headers)
    return unit


def load_unit(path: Path, *, defaults: Path | None = None) -> UnitParameters:
    """Load and validate one unit's parameters.

    Parameters
    ----------
    path
        The unit's YAML file; ``unit`` defaults to its stem.
    defaults
        A ``defaults.yaml`` to merge under it; ``None`` uses ``defaults.yaml`` next to ``path``
        when there is one.

    Returns
    -------
    UnitParameters
        The validated parameters, with ``data.path`` absolute.

    Raises
    ------
    ConfigError
        Naming the file, the dotted key, what was expected and what was found.
    """
    path = Path(path)
    if defaults is None and (path.parent / DEFAULTS_FILE).is_file():
        defaults = path.parent / DEFAULTS_FILE
    base = _resolve_paths(_read_yaml(defaults), defaults.parent) if defaults else {}
    raw = _resolve_paths(_read_yaml(path), path.parent)
    return _validate(_merge(base, raw), path, {})


def load_all(directory: Path, *, units: Iterable[str] | None = None) -> ParameterSet:
    """Load and validate every unit of a parameters folder, collecting all errors.

    Parameters
    ----------
    directory
        Folder with ``defaults.yaml`` (optional) and one ``<unit>.yaml`` per unit.
    units
        Only these unit ids; ``None`` loads all. An unknown id becomes an error suggesting the
        closest known one.

    Returns
    -------
    ParameterSet
        The valid units and one :class:`ConfigError` per bad file; call
        :meth:`ParameterSet.raise_if_errors` to stop on any.

    Raises
    ------
    ConfigError
        When ``directory`` does not exist or ``defaults.yaml`` itself is broken.
    """
    directory = Path(directory)
    if not directory.is_dir():
        raise ConfigError(
            f"parameters folder not found: {display(directory)}.",
            hint="Pass --parameters DIR, or create one with 'nps-kit init'.",
            path=directory,
        )
    defaults_path = directory / DEFAULTS_FILE
    base = _resolve_paths(_read_yaml(defaults_path), directory) if defaults_path.is_file() else {}
    files = {
        p.stem: p
        for p in sorted([*directory.glob("*.yaml"), *directory.glob("*.yml")])
        if p.stem not in NOT_UNITS and not p.name.startswith(("_", "."))
    }
    errors: list[ConfigError] = []
    wanted = list(files) if units is None else list(dict.fromkeys(units))
    for name in wanted:
        if name not in files:
            suggestion = closest(name, files)
            known = ", ".join(files) or "none"
            errors.append(
                ConfigError(
                    f"unknown unit {name!r}: no {name}.yaml in {display(directory)} "
                    f"(units: {known}).",
                    hint=f"Did you mean {suggestion!r}?" if suggestion else None,
                    path=directory,
                )
            )
    headers: _Header = {}
    valid: dict[str, UnitParameters] = {}
    for name in wanted:
        if name not in files:
            continue
        path = files[name]
        try:
            unit = _validate(
                _merge(base, _resolve_paths(_read_yaml(path), path.parent)), path, headers
            )
        except ConfigError as exc:
            errors.append(exc)
            continue
        if unit.unit in valid:
            other = valid[unit.unit].source
            errors.append(
                ConfigError(
                    f"{display(path)}: unit: id {unit.unit!r} is already used by {other}.",
                    hint="Give every unit its own id.",
                    path=path,
                    key="unit",
                )
            )
            continue
        valid[unit.unit] = unit
    return ParameterSet(units=valid, errors=errors)


def resolve_period(unit: UnitParameters, *, period: str | None = None) -> str:
    """Return the month (``YYYY-MM``) to report for ``unit``.

    Parameters
    ----------
    unit
        Validated parameters.
    period
        An override (``YYYY-MM`` or ``"latest"``); ``None`` uses ``unit.period``.

    Returns
    -------
    str
        The month. ``"latest"`` becomes the latest month with data (the report's title says
        when that month is not complete yet).

    Raises
    ------
    ConfigError
        When the period is malformed, or ``"latest"`` is asked without a date column or the
        data holds no readable dates.
    """
    wanted = period or unit.period
    if not _PERIOD.match(wanted):
        raise ConfigError(f"period: expected 'latest' or a month like '2026-10'; found {wanted!r}.")
    if wanted != "latest":
        return wanted
    return _latest_complete_month(unit)


def _latest_complete_month(unit: UnitParameters) -> str:
    where = display(unit.source) if unit.source else unit.unit
    if unit.columns.date is None:
        raise ConfigError(
            f"{where}: period: 'latest' needs columns.date to find the latest month.",
            hint="Set columns.date, or give the period as YYYY-MM.",
            key="period",
        )
    src = unit.data
    from nps_kit.load import load_responses

    # Read the dates through the loader, as the report does (encodings, header rows, QIDs,
    # US and day-first dates), so both agree on the latest month.
    loaded = load_responses(
        src.path,
        score_column=unit.column(unit.columns.score),
        date_column=unit.column(unit.columns.date),
        sheet=src.sheet,
        encoding=src.encoding,
        date_format=src.date_format,
    )
    dates = loaded.data["nps_date"].dropna()
    if dates.empty:
        raise ConfigError(
            f"{where}: period: no readable dates in column {unit.columns.date!r} of "
            f"{src.path.name}.",
            hint="Give the period as YYYY-MM.",
            key="period",
        )
    # The latest month with data, complete or not (the report says when it is not).
    return str(dates.max().to_period("M"))


def notebook_parameters(unit: UnitParameters, *, period: str) -> dict[str, Any]:
    """Flatten ``unit`` into the notebook's ``parameters`` cell, as plain JSON types.

    Parameters
    ----------
    unit
        Validated parameters.
    period
        The resolved month, ``YYYY-MM``.

    Returns
    -------
    dict
        ``unit, unit_name, language, data_path, data_sheet, data_encoding, filter_column,
        filter_values, score_column, date_column, id_column, comment_column, contact_column,
        weight_column, date_format, missing_values, fix_text, dedupe, period, comparison,
        target, top_n, breakdowns (``{column, label}``), followups, themes_path, playbook_path,
        min_n, min_report_n, level, redact`` — only str, int, float, bool, None, list and dict.
        Columns named by Qualtrics QID or question text are given as the export's column ids.
    """
    src = unit.data
    cols = unit.columns

    def col(name: str | None) -> str | None:
        return None if name is None else unit.column(name)

    return {
        "unit": unit.unit,
        "unit_name": unit.name,
        "language": unit.language,
        "data_path": str(src.path),
        "data_sheet": src.sheet,
        "data_encoding": src.encoding,
        "filter_column": col(src.filter.column) if src.filter else None,
        "filter_values": list(src.filter.values) if src.filter else None,
        "score_column": col(cols.score),
        "date_column": col(cols.date),
        "id_column": col(cols.id),
        "comment_column": col(cols.comment),
        "contact_column": col(cols.contact),
        "weight_column": col(cols.weight),
        "date_format": src.date_format,
        "missing_values": list(src.missing_values),
        "fix_text": src.fix_text,
        "dedupe": src.dedupe,
        "period": period,
        "comparison": list(unit.comparison),
        "target": unit.target,
        "top_n": unit.top_n,
        "breakdowns": [
            {"column": unit.column(b.column), "label": b.label or b.column}
            if isinstance(b, Breakdown)
            else {"column": unit.column(b), "label": b}
            for b in unit.breakdowns
        ],
        "followups": [
            {**f.model_dump(mode="json"), "column": unit.column(f.column)} for f in unit.followups
        ],
        "themes_path": str(unit.themes) if unit.themes else None,
        "playbook_path": str(unit.playbook) if unit.playbook else None,
        "min_n": unit.thresholds.min_n,
        "min_report_n": unit.thresholds.min_report_n,
        "level": unit.thresholds.level,
        "redact": unit.privacy.redact,
    }
