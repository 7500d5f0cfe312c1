"""A unit's validated parameters (:class:`UnitParameters`), a project's (:class:`ParameterSet`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from pydantic import (
    Field,
    PrivateAttr,
    field_validator,
    model_validator,
)

from nps_kit import clock
from nps_kit._project_language import (
    run_language,
)
from nps_kit._schema_errors import (
    Listed,
    Said,
)
from nps_kit.errors import ConfigError, closest
from nps_kit.i18n import t
from nps_kit.params._fields import (
    _COMPARISONS,
    UNIT_ID_RULE,
    Comparison,
    DisplayText,
    Label,
    TimeZone,
    is_unit_id,
)
from nps_kit.params._sections import (
    Alerts,
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
    Thresholds,
    _Model,
)
from nps_kit.periods import is_period

if TYPE_CHECKING:
    from nps_kit._consent import ConsentWords
    from nps_kit.periods import NamedBy


class UnitParameters(_Model):
    """Validated parameters of one unit (``defaults.yaml`` merged under ``<unit>.yaml``)."""

    unit: str
    name: DisplayText
    language: Literal["ja", "en"]
    #: IANA time zone of the times readers see; ``None`` = by language (ja: Asia/Tokyo, else UTC).
    timezone: TimeZone | None = None
    data: DataSource
    columns: Columns = Field(default_factory=Columns)
    contact: Contact = Field(default_factory=Contact)
    period: str = "latest"
    comparison: list[Comparison] = Field(default_factory=lambda: list(_COMPARISONS))
    #: The first month of the fiscal year (1–12; 4 = April, 年度) whose year to date
    #: ``fiscal_ytd`` compares; ``None`` = by language (:data:`nps_kit.periods.FISCAL_START`).
    fiscal_year_start: int | None = None
    #: Which calendar year names a fiscal year: ``start`` (2026年度 = April 2026 – March
    #: 2027) or ``end`` (FY2027 = the same months, the UK's and the US federal way); ``None``
    #: = the start for Japanese, the end for English unless the year starts in January
    #: (:func:`nps_kit.periods.fiscal_named_by`).
    fiscal_year_named_by: Literal["start", "end"] | None = None
    target: float | None = Field(default=None, allow_inf_nan=False)
    top_n: int = Field(default=12, ge=1)
    breakdowns: list[str | Breakdown] = Field(default_factory=list)
    followups: list[Followup] = Field(default_factory=list)
    #: Coded answers and what each code means (a code table): ``{column: {code: label}}``.
    #: The loader reads each code as its label, so breakdowns, follow-ups, the overview and
    #: the e-mail show labels, in this order; a code without a label stays as written and is
    #: said in the data quality.
    value_labels: dict[str, CodeTable] = Field(default_factory=dict)
    themes: Path | None = None
    playbook: Path | None = None
    notebook: Path | None = None
    #: The standard sections to show, in order (:data:`nps_kit.notebook.SECTIONS`); ``None``
    #: shows every section of the notebook.
    sections: list[str] | None = None
    thresholds: Thresholds = Field(default_factory=Thresholds)
    privacy: Privacy = Field(default_factory=Privacy)
    mail: Mail = Field(default_factory=Mail)
    alerts: Alerts = Field(default_factory=Alerts)
    closed_loop: ClosedLoop = Field(default_factory=ClosedLoop)
    _source: Path | None = PrivateAttr(default=None)
    _resolved: dict[str, str] = PrivateAttr(default_factory=dict)

    @field_validator("unit")
    @classmethod
    def _unit_id(cls, value: str) -> str:
        if not is_unit_id(value):
            raise Said("params.unit_id", found=value, rule=UNIT_ID_RULE)
        return value

    @field_validator("period")
    @classmethod
    def _period(cls, value: str) -> str:
        if not is_period(value):
            raise Said("params.period", found=value)
        return value

    @field_validator("fiscal_year_start", mode="before")
    @classmethod
    def _fiscal_year_start(cls, value: object) -> object:
        # Before pydantic's int: a YAML `true` or `4.5` is no month either.
        if value is not None and (
            isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 12
        ):
            raise Said("params.fiscal_year_start", found=value)
        return value

    @field_validator("fiscal_year_named_by", mode="before")
    @classmethod
    def _fiscal_year_named_by(cls, value: object) -> object:
        if value is not None and value not in ("start", "end"):
            raise Said("params.fiscal_year_named_by", found=value)
        return value

    @field_validator("sections")
    @classmethod
    def _sections(cls, value: list[str] | None) -> list[str] | None:
        from nps_kit.notebook import SECTIONS

        if value is None:
            return value
        valid = Listed(SECTIONS, quote=str)
        for name in value:
            if name not in SECTIONS:
                guess = closest(name, SECTIONS)
                if guess:
                    raise Said(
                        "params.section_unknown_guess",
                        found=name,
                        guess=Listed([guess]),
                        valid=valid,
                    )
                raise Said("params.section_unknown", found=name, valid=valid)
        repeated = sorted({n for n in value if value.count(n) > 1}, key=SECTIONS.index)
        if repeated:
            raise Said("params.section_repeated", repeated=Listed(repeated, quote=str))
        if "headline" not in value:
            raise Said("params.headline_required", found=value)
        return value

    @model_validator(mode="after")
    def _labels_in_its_language(self) -> UnitParameters:
        # A label given per language must have this unit's: a Japanese unit under a
        # defaults.yaml written with {en: …} labels would otherwise show the column's name.
        items: list[tuple[str, str, Label | None]] = [
            (f"breakdowns[{i}]", b.column, b.label)
            for i, b in enumerate(self.breakdowns)
            if isinstance(b, Breakdown)
        ]
        items += [(f"followups[{i}]", f.column, f.label) for i, f in enumerate(self.followups)]
        for where, column, label in items:
            if isinstance(label, dict) and self.language not in label:
                given = ", ".join(f"{lang}: {text}" for lang, text in label.items())
                raise Said(
                    "params.label_missing",
                    where=where,
                    column=Listed([column]),
                    given=given or Said("params.label_none"),
                    language=self.language,
                )
        return self

    @property
    def source(self) -> Path | None:
        """The unit's YAML file."""
        return self._source

    @property
    def fiscal_start(self) -> int:
        """The first month of the fiscal year: ``fiscal_year_start``, else by language."""
        from nps_kit.periods import fiscal_start

        return fiscal_start(self.language, self.fiscal_year_start)

    @property
    def fiscal_named_by(self) -> NamedBy:
        """Which year names a fiscal year: ``fiscal_year_named_by``, else by language."""
        from nps_kit.periods import fiscal_named_by

        return fiscal_named_by(self.language, self.fiscal_start, self.fiscal_year_named_by)

    @property
    def zone(self) -> str:
        """The time zone of the unit's times: ``timezone``, else the default of its language."""
        from nps_kit.clock import DEFAULT_TIMEZONE

        return self.timezone or DEFAULT_TIMEZONE[self.language]

    @property
    def empty_sections(self) -> tuple[str, ...]:
        """Standard sections this unit has nothing for: ``breakdowns`` without ``breakdowns:``.

        The run leaves them out of the report (a heading over an empty section tells a manager
        nothing), whether or not ``sections:`` names them.
        """
        return () if self.breakdowns else ("breakdowns",)

    def consent_words(self) -> ConsentWords:
        """Return the unit's own consent answers (``contact.consent_yes`` / ``consent_no``)."""
        from nps_kit._consent import ConsentWords

        return ConsentWords.of(self.contact.consent_yes, self.contact.consent_no)

    def column(self, name: str) -> str:
        """Return the column that ``name`` (header, Qualtrics QID or question text) names."""
        return self._resolved.get(name, name)

    def frame_column(self, name: str) -> str:
        """Return where a loaded frame keeps the column ``name`` names (:meth:`column`).

        An export's own column named like one the loader or the unit adds (``period``,
        ``segment``, ``nps_score``) is kept as ``'segment (export)'``
        (:func:`nps_kit.load.export_column`): whatever reads a configured column from the
        loaded responses reads it here, never by its header (FIX39: a consent column headed
        ``segment`` was 'no column' to alerts).
        """
        from nps_kit.load import export_column

        return export_column(self.column(name))

    def loader_options(self) -> dict[str, Any]:
        """Return the keyword options of :func:`nps_kit.load.load_responses` for this unit.

        Columns named by Qualtrics QID or question text are given as the export's column ids.
        ``timezone`` is the zone the unit reads times that carry their zone in
        (:func:`nps_kit.clock.export_zone`: its ``timezone``; ``None``, the wall clock each was
        written in, for an English unit without one). It is part of the cache's key, so two
        units in different zones never share a cached frame (on a naive export their caches
        hold the same rows).
        """
        src, cols = self.data, self.columns
        return {
            "score_column": self.column(cols.score),
            "date_column": self.column(cols.date) if cols.date else None,
            "weight_column": self.column(cols.weight) if cols.weight else None,
            "sheet": src.sheet,
            "encoding": src.encoding,
            "date_format": src.date_format,
            "missing_values": tuple(src.missing_values),
            "fix_text": src.fix_text,
            "id_column": self.column(cols.id) if cols.id else None,
            "dedupe": src.dedupe,
            "dedupe_keep": src.dedupe_keep,
            "unfinished": src.unfinished,
            "timezone": clock.export_zone(self.language, self.timezone),
            "exclude": tuple((self.column(e.column), tuple(e.values)) for e in src.exclude),
            # As pairs: the options are a run's key (hashable) and the cache's (JSON).
            "value_labels": tuple(
                (self.column(column), tuple(table.items()))
                for column, table in self.value_labels.items()
            ),
        }

    def used_columns(self) -> dict[str, str]:
        """Return every configured column as ``{dotted key: column name}``."""
        used: dict[str, str] = {}
        for key, value in self.columns.model_dump().items():
            if isinstance(value, list):
                used |= {f"columns.{key}[{i}]": column for i, column in enumerate(value)}
            elif value is not None:
                used[f"columns.{key}"] = value
        if self.data.filter is not None:
            used["data.filter.column"] = self.data.filter.column
        for i, rule in enumerate(self.data.exclude):
            used[f"data.exclude[{i}].column"] = rule.column
        for i, item in enumerate(self.breakdowns):
            if isinstance(item, Breakdown):
                used[f"breakdowns[{i}].column"] = item.column
            else:
                used[f"breakdowns[{i}]"] = item
        for i, followup in enumerate(self.followups):
            used[f"followups[{i}].column"] = followup.column
        for column in self.value_labels:
            used[f"value_labels.{column}"] = column
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
    invalid
        By unit id (the file's ``unit``, else its name without ``.yaml``), the error of each
        unit file that was found but could not be used: ``run`` records those units in the
        period's manifest as ``parameter error`` so that ``send`` and the overview name them.
    invalid_names
        By the same ids, the ``name`` of each such file when it could be read that far (its
        YAML parsed and ``name`` one line of text): the overview shows it as it shows a valid
        unit's, instead of the id.
    overview
        The overview page's language and time zone: ``overview`` of ``defaults.yaml``, its
        blanks filled from the project's ``language`` and ``timezone`` there.
    project_language
        ``language`` of ``defaults.yaml``, if set.
    """

    units: dict[str, UnitParameters] = field(default_factory=dict)
    errors: list[ConfigError] = field(default_factory=list)
    overview: Overview = field(default_factory=Overview)
    invalid: dict[str, ConfigError] = field(default_factory=dict)
    invalid_names: dict[str, str] = field(default_factory=dict)
    project_language: Literal["ja", "en"] | None = None

    @property
    def language(self) -> Literal["ja", "en"]:
        """The language of what ``run`` says of the whole run (FIX90).

        ``language`` of ``defaults.yaml``, else the language every valid unit shares, else
        English: the rule of :mod:`nps_kit._project_language`, as ``send`` and ``alerts`` say
        their own lines.
        """
        return run_language(self.project_language, (u.language for u in self.units.values()))

    def raise_if_errors(self) -> None:
        """Raise one :class:`ConfigError` listing every error, if there are any."""
        if not self.errors:
            return
        if len(self.errors) == 1:
            raise self.errors[0]
        text = "\n".join(str(e) for e in self.errors)
        said = t("params.files_have_problems", self.language, n=len(self.errors))
        raise ConfigError(f"{said}\n{text}")
