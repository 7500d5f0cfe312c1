"""Schema and validation of report parameters (``parameters/defaults.yaml`` + one file per unit).

A unit file is deep-merged over ``defaults.yaml`` (mappings merge, lists replace), relative paths
resolve against the folder of the YAML file that wrote them, and the result is validated with a
pydantic schema. Everything a run needs is checked here, before any kernel starts: YAML syntax,
unknown keys (with a "did you mean" hint), types, allowed values, e-mail addresses, that the data
file exists and that every configured column is in its header.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal
from urllib.parse import urlsplit

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainValidator,
    PrivateAttr,
    ValidationInfo,
    field_validator,
    model_validator,
)

from nps_kit import clock
from nps_kit._drop import drop_files, is_drop
from nps_kit._project_language import (
    DEFAULTS_FILE,
    file_language,
    project_language,
    run_language,
)
from nps_kit._resubmit import DedupeKeep
from nps_kit._schema_errors import (
    Listed,
    Said,
    display,
    problems_error,
    read_yaml,
    validate_model,
)
from nps_kit.clock import check_timezone
from nps_kit.errors import ConfigError, DataError, NpsKitError, closest
from nps_kit.i18n import Language, join_names, t
from nps_kit.periods import is_month, is_period, latest_month_in_file
from nps_kit.score import CONTROL_MIN_PERIODS, DEFAULT_MIN_REPORT_N
from nps_kit.text.packs import PACKS, pack_files
from nps_kit.text.themes import extended_pack

if TYPE_CHECKING:
    from nps_kit._consent import ConsentWords
    from nps_kit.load import ColumnIndex
    from nps_kit.periods import NamedBy

__all__ = [
    "Alerts",
    "Breakdown",
    "ClosedLoop",
    "Columns",
    "Contact",
    "DataSource",
    "Followup",
    "Mail",
    "Overview",
    "ParameterSet",
    "Privacy",
    "RowExclude",
    "RowFilter",
    "Thresholds",
    "UnitParameters",
    "display_text_problem",
    "is_unit_id",
    "load_all",
    "load_unit",
    "notebook_parameters",
    "project_language",
    "resolve_period",
]

# Files of a parameters folder that are not units (read by other modules).
NOT_UNITS = frozenset({"defaults", "playbook", "themes"})
#: What a unit id may be, in words (for messages).
UNIT_ID_RULE = (
    "1-40 lower-case letters (of any script: 大宮院 and café are ids), digits, '-' or '_', "
    "starting with a letter or digit"
)


def is_unit_id(value: str) -> bool:
    """Whether ``value`` may be a unit id, which names files and is typed as a CLI argument.

    Letters of every script are allowed so that an id says which unit it is (``大宮院``, not
    ``unit-2``); what makes a name unsafe is not: no space, dot, slash or other punctuation,
    no leading ``-`` (an option), nothing two file systems store differently (the NFKC form,
    lower-case: ``Ａ`` and ``A`` are not two units on a case-blind disk), at most 40 characters.

    Parameters
    ----------
    value
        The proposed id.

    Returns
    -------
    bool
        ``True`` when it is safe.
    """
    if not 1 <= len(value) <= 40 or unicodedata.normalize("NFKC", value) != value:
        return False
    if value.casefold() != value or unicodedata.category(value[0])[0] not in "LN":
        return False
    return all(unicodedata.category(c)[0] in "LNM" or c in "-_" for c in value)


_EMAIL = re.compile(r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$")


# Characters that end a line or are invisible controls: in a name they break e-mail headers
# (a CR/LF in a subject), file listings and table layouts. Format characters such as the
# zero-width joiner of emoji sequences (category Cf) are ordinary text and stay allowed.
_CONTROL_CATEGORIES = frozenset({"Cc", "Zl", "Zp"})
#: The catalogue's name of a control character (params.control.*); others are "other".
_CONTROL_NAMES = {"\n": "lf", "\r": "cr", "\t": "tab"}


def display_text_problem(text: str, lang: Language = "en") -> str | None:
    """Return why ``text`` cannot be shown as a name or label, or ``None`` when it can.

    Display strings (a unit's ``name``, follow-up and breakdown labels) end up in e-mail
    subjects, HTML titles and table cells, so they must be one line without control characters.

    Parameters
    ----------
    text
        The name or label.
    lang
        The language of the problem.

    Returns
    -------
    str or None
        What is wrong, naming the character and its position, e.g. ``"expected one line of
        text without control characters; found '…' with a carriage return (U+000D) at
        character 3"``.
    """
    said = _display_text_said(text)
    return None if said is None else said.words(lang)


def _display_text_said(text: str) -> Said | None:
    for position, char in enumerate(text, 1):
        if unicodedata.category(char) in _CONTROL_CATEGORIES:
            what = Said(f"params.control.{_CONTROL_NAMES.get(char, 'other')}")
            code = f"{ord(char):04X}"
            return Said("params.display_text", found=text, what=what, code=code, position=position)
    return None


def _display_text(text: str) -> str:
    said = _display_text_said(text)
    if said is not None:
        raise said
    return text


#: A name or label shown to readers: one line, no control characters.
DisplayText = Annotated[str, AfterValidator(_display_text)]


def _unit_label(text: str) -> str:
    if not text.strip():
        raise Said("params.unit_label_blank", found=text)
    if len(text) > 24:
        raise Said("params.unit_label_long", found=text, n=len(text))
    return text


#: A label per report language (``{ja: スタッフ, en: Staff}``), so that one ``defaults.yaml``
#: serves units that report in either language; a plain string serves every unit.
def _label(value: object) -> str | dict[str, str]:
    # One validator for both forms, so that a bad label gets one message, not one per form.
    if isinstance(value, str):
        return _display_text(value)
    if isinstance(value, dict) and value:
        for lang, text in value.items():
            if lang not in ("ja", "en"):
                raise Said("params.label_key", found=lang)
            if not isinstance(text, str):
                raise Said("params.label_text", found=text, language=lang)
            _display_text(text)
        return dict(value)
    raise Said("params.label", found=value)


Label = Annotated[str | dict[Literal["ja", "en"], str], PlainValidator(_label)]


def in_language(label: Label | None, language: str) -> str | None:
    """Return ``label`` in ``language``: the string itself, or the mapping's entry for it.

    Parameters
    ----------
    label
        A follow-up's or breakdown's ``label``: a string, a mapping by language or ``None``.
    language
        The unit's report language (``"ja"`` or ``"en"``).

    Returns
    -------
    str or None
        ``None`` when there is no label (or, in a mapping the unit's validation has checked,
        none in that language).
    """
    if label is None or isinstance(label, str):
        return label
    return label.get(language)  # type: ignore[call-overload]


#: What readers call one unit (店舗, "Store"): a heading, so short and on one line.
UnitLabel = Annotated[DisplayText, AfterValidator(_unit_label)]
#: An IANA time zone name that zoneinfo knows (``Asia/Tokyo``, ``UTC``).
TimeZone = Annotated[str, AfterValidator(check_timezone)]

Comparison = Literal["previous", "last_year", "fiscal_ytd"]
#: The default comparisons: the month before and the same month a year before.
_COMPARISONS: tuple[Comparison, ...] = ("previous", "last_year")
# Data settings a unit inherits from defaults.yaml: one error for defaults.yaml, not one per unit.
_INHERITED = ("data.path", "data.encoding", "data.sheet")


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class RowFilter(_Model):
    """Keep only the rows whose ``column`` holds one of ``values`` or ``previous_names``.

    ``previous_names`` are values the unit had before a rename ("Ward 3B" before it became
    "Ward 3B (Cardiology)", QA29 F8): their rows are the unit's, so its trend, change and
    alerts go on, and the report says the earlier name once (data quality).
    """

    column: str
    values: list[str | int | float]
    previous_names: list[str | int | float] = Field(default_factory=list)

    @model_validator(mode="after")
    def _previous_not_current(self) -> RowFilter:
        from nps_kit.cache import normalise_key

        current = {normalise_key(v) for v in self.values}
        both = [v for v in self.previous_names if normalise_key(v) in current]
        if both:
            column = Listed([self.column])
            raise Said("params.previous_names", column=column, both=Listed(both, quote=_text))
        return self

    @property
    def selects(self) -> list[str | int | float]:
        """Every value whose rows are the unit's: ``values``, then ``previous_names``."""
        return [*self.values, *self.previous_names]


class RowExclude(_Model):
    """Leave out the rows whose ``column`` holds one of ``values`` (a staff test, QA30 F7).

    Cells are compared as ``data.filter`` compares them (:func:`nps_kit._value_key.value_key`:
    full-width, case and spacing aside), and the whole cell: ``テスト`` leaves out the row
    whose 名前 is テスト, not 「テスト送信です」.
    """

    column: str
    values: list[str | int | float] = Field(min_length=1)


class DataSource(_Model):
    """Where a unit's responses come from and how to read them."""

    path: Path
    sheet: str | int | None = None
    encoding: str | None = None
    filter: RowFilter | None = None
    #: Rows that are no customer's response (a staff test): left out of every figure, every
    #: flow (score, run, alerts, send) and counted in the report's data quality.
    exclude: list[RowExclude] = Field(default_factory=list)
    date_format: str | None = None
    missing_values: list[str] = Field(default_factory=list)
    fix_text: bool = False
    #: true: drop exact duplicate rows and repeated ids; resubmissions: also the same answers
    #: sent again within a minute (a form's double submission).
    dedupe: bool | Literal["resubmissions"] = False
    #: Which answer of a repeated id ``dedupe`` keeps: the ``earliest`` in time (the default),
    #: or the ``latest`` (Freshdesk and most ticket tools: the customer re-rated after a
    #: follow-up). The file's order decides among equal or unreadable times.
    dedupe_keep: DedupeKeep = "earliest"
    #: Qualtrics responses the respondent left unfinished (``Finished`` False) but answered
    #: the 0–10 question in: counted (``include``) or left out of every figure (``exclude``).
    unfinished: Literal["include", "exclude"] = "include"

    @field_validator("date_format")
    @classmethod
    def _date_format(cls, value: str | None) -> str | None:
        from nps_kit._values import check_date_format

        try:
            check_date_format(value)
        except ValueError:
            # In the file's language (MSG43: a Japanese project's run heard it in English).
            raise Said("params.date_format", found=value) from None
        return value


class Columns(_Model):
    """Names of the columns with a special meaning in the data file."""

    score: str = "score"
    date: str | None = None
    id: str | None = None
    comment: str | None = None
    contact: str | None = None
    weight: str | None = None
    #: Columns of the respondent's contact details (e-mail, phone, name) copied into the
    #: follow-up work files and the alert e-mail for detractors who allowed contact; without
    #: ``contact``, the cells a respondent filled (a "leave your number if you would like a
    #: call back" question is consent for that number). Never into the report or its notebook.
    #: Empty (the default): no details anywhere.
    contact_details: list[str] = Field(default_factory=list)


class Contact(_Model):
    """How the export words consent to be contacted (``columns.contact``'s answers).

    The known words are read without this (はい/いいえ, yes/no, 連絡可/連絡不可, 希望する/
    希望しない, ja/nein, oui/non …, :func:`nps_kit._consent.consent_answer`); an export that
    words consent its own way lists its answers here ("Happy to be contacted" / "Please
    don't", codes 1 / 2). Listed answers are read first, compared as the known words are
    (full-width, case and a final full stop aside).
    """

    consent_yes: list[str | int] = Field(default_factory=list)
    consent_no: list[str | int] = Field(default_factory=list)

    @field_validator("consent_no")
    @classmethod
    def _not_both(cls, value: list[str | int], info: ValidationInfo) -> list[str | int]:
        from nps_kit._consent import consent_key

        yes = {consent_key(v) for v in info.data.get("consent_yes", [])}
        both = [v for v in value if consent_key(v) in yes]
        if both:
            raise Said("params.consent_both", listed=Listed(both))
        return value


class Followup(_Model):
    """A follow-up question analysed in the report."""

    column: str
    type: Literal["categorical", "multi", "rating", "text"]
    label: Label | None = None
    separator: str = ";"
    codes: dict[str, DisplayText] | None = None
    scale: list[int] | None = None
    #: What an open question asks: "reason" (why that score; the default) or "improvement"
    #: (what to improve), whose answers are read as requests unless they praise.
    asks: Literal["reason", "improvement"] | None = None

    @field_validator("scale")
    @classmethod
    def _two_ints(cls, value: list[int] | None) -> list[int] | None:
        if value is not None and (len(value) != 2 or value[0] >= value[1]):
            raise Said("params.low_high", found=value)
        return value

    @model_validator(mode="after")
    def _rating_codes_are_points(self) -> Followup:
        # A rating's codes map its points to the answers of a labelled scale ("1": "Very
        # dissatisfied"): a code off the scale would make a valid answer silently invalid.
        if self.type != "rating" or not self.codes:
            return self
        low, high = self.scale or (1, 5)
        wrong = [code for code in self.codes if not _is_point(code, low, high)]
        if wrong:
            raise Said("params.rating_codes", low=low, high=high, wrong=Listed(wrong))
        return self

    @model_validator(mode="after")
    def _asks_only_of_text(self) -> Followup:
        # Only an open answer is read as a reason or a request; on another type the key would
        # do nothing, silently.
        if self.asks is not None and self.type != "text":
            raise Said("params.asks_text_only", column=Listed([self.column]), type=self.type)
        return self


def _text(value: object) -> str:
    """Quote a value as text (``'3'`` for 3), as a YAML list mixes them."""
    return repr(str(value))


def _is_point(code: str, low: int, high: int) -> bool:
    try:
        return low <= float(code) <= high
    except ValueError:
        return False


class Breakdown(_Model):
    """A column to break the NPS down by, with its label in the report."""

    column: str
    label: Label | None = None
    #: Group labels in display order (ordinal groups such as tenure bands); unlisted groups
    #: follow. Without it, labels that are numeric bands keep their natural order.
    order: list[str] | None = None

    @field_validator("order")
    @classmethod
    def _distinct(cls, value: list[str] | None) -> list[str] | None:
        if value is not None:
            repeated = sorted({v for v in value if value.count(v) > 1})
            if repeated:
                raise Said("params.order_repeated", repeated=Listed(repeated, quote=str))
        return value


def _code_table(value: object) -> object:
    """Read a column's ``{code: label}`` as text: YAML gives ``1: 男性`` an int code."""
    if not isinstance(value, Mapping):
        return value
    return {
        str(code): label if isinstance(label, str) or label is None else str(label)
        for code, label in value.items()
    }


def _codes_distinct(value: dict[str, str]) -> dict[str, str]:
    from nps_kit._value_labels import code_key

    if not value:
        raise Said("params.value_labels_empty")
    seen: dict[str, str] = {}
    for code in value:
        twin = seen.setdefault(code_key(code), code)
        if twin != code:
            raise Said("params.value_labels_same_code", first=twin, second=code)
    return value


#: One column's code table: ``{code: label}``, in the table's order (年代 1 … 6).
CodeTable = Annotated[
    dict[str, DisplayText], BeforeValidator(_code_table), AfterValidator(_codes_distinct)
]


class Thresholds(_Model):
    """Statistical thresholds."""

    min_n: int = Field(default=30, ge=1)
    min_report_n: int = Field(default=DEFAULT_MIN_REPORT_N, ge=1)
    level: float = Field(default=0.95, gt=0, lt=1)
    #: Fewest months with data before the trend draws control limits (FIX86's floor: a
    #: centre pooled from a few months is no baseline); 2 at least, for a pooled centre.
    control_min_months: int = Field(default=CONTROL_MIN_PERIODS, ge=2)


class Privacy(_Model):
    """Privacy settings."""

    redact: bool = True


Attach = Literal["html", "pdf", "zip", "none"]
#: What each ``mail.attach`` value sends, in the order to list them: the one place that names
#: them for people (``init --from`` writes its comment from it; a test keeps it equal to Attach).
ATTACH_CHOICES: dict[str, str] = {
    "html": "the report as an .html file, with the follow-up work file",
    "pdf": "the report printed to PDF by headless chromium, which must be installed",
    "zip": "the report and the work files in one .zip",
    "none": "no file, only the link in report_url",
}


class Mail(_Model):
    """Who receives the unit's report."""

    to: list[str] = Field(default_factory=list)
    cc: list[str] = Field(default_factory=list)
    bcc: list[str] = Field(default_factory=list)
    reply_to: str | None = None
    attach: Attach = "html"
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

    @field_validator("report_url")
    @classmethod
    def _web_address(cls, value: str | None) -> str | None:
        # The link goes into the e-mail as is: javascript:, file: or data: must not.
        if value is not None:
            parts = urlsplit(value)
            if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
                raise Said("params.web_address", found=value)
        return value


class Alerts(_Model):
    """Daily alerts for new detractors (``nps-kit alerts``)."""

    to: list[str] = Field(default_factory=list)
    max_score: int = Field(default=6, ge=0, le=10)

    @field_validator("to")
    @classmethod
    def _addresses(cls, value: list[str]) -> list[str]:
        for address in value:
            _check_email(address)
        return value


class ClosedLoop(_Model):
    """Where the team's follow-up status comes back from.

    Named ``closed_loop`` because ``followups`` already lists the follow-up questions.
    """

    status_file: Path | None = None


class Overview(_Model):
    """The overview page of the reports folder: a project setting, in ``defaults.yaml`` only.

    One page lists every unit, so it has one language and one time zone: ``None`` takes the
    project's ``language`` (and ``timezone``) of ``defaults.yaml``, else the units' majority
    language and that language's zone. ``unit_label`` is what readers call one unit (店舗, 支店,
    "Store"): the overview's first column and chart say it; ``None`` says レポート / "Unit".
    """

    language: Literal["ja", "en"] | None = None
    timezone: TimeZone | None = None
    unit_label: UnitLabel | None = None


class _Project(BaseModel):
    """The project-wide keys of ``defaults.yaml`` (the unit keys are checked per unit)."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    overview: Overview = Field(default_factory=Overview)
    language: Literal["ja", "en"] | None = None
    timezone: TimeZone | None = None


def _check_email(address: str) -> None:
    # The mailer's own rule (as for NPS_KIT_SMTP_FROM): a bare address or one with a display
    # name, "Regional Manager <rm@example.com>"; its address part must be a plain address too.
    from nps_kit.mail.units import parse_address  # lazily: nps_kit.mail imports this module

    try:
        spec = parse_address(address).addr_spec
    except Said:
        raise  # a reason of its own (a part before @ too long for mail servers: LEFT45B)
    except ValueError:
        spec = ""
    if not _EMAIL.match(spec):
        raise Said("params.email", found=address)


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


def _resolve_paths(raw: dict[str, Any], folder: Path) -> dict[str, Any]:
    def resolve(value: str) -> str:
        return str((folder / Path(value).expanduser()).resolve())

    data = raw.get("data")
    if isinstance(data, dict) and isinstance(data.get("path"), str):
        raw = {**raw, "data": {**data, "path": resolve(data["path"])}}
    pack = raw.get("themes")
    if isinstance(pack, str) and pack in PACKS:
        # A shipped pack: its themes file, and its playbook unless this file names one.
        themes_file, playbook_file = pack_files(pack)
        raw = {**raw, "themes": str(themes_file)}
        if "playbook" not in raw:
            raw = {**raw, "playbook": str(playbook_file)}
    for key in ("themes", "playbook", "notebook"):
        if isinstance(raw.get(key), str) and not (key == "themes" and raw[key] in PACKS):
            raw = {**raw, key: resolve(raw[key])}
    if isinstance(pack, str) and pack not in PACKS and "playbook" not in raw:
        # A themes file that extends a shipped pack brings the pack's playbook too.
        extended = extended_pack(Path(raw["themes"]))
        if extended is not None:
            raw = {**raw, "playbook": str(pack_files(extended)[1])}
    loop = raw.get("closed_loop")
    if isinstance(loop, dict) and isinstance(loop.get("status_file"), str):
        raw = {**raw, "closed_loop": {**loop, "status_file": resolve(loop["status_file"])}}
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
# Theme and playbook files checked so far in one load, by (themes, playbook) path: None if valid.
_Extras = dict[tuple[Path | None, Path | None], "tuple[str, ConfigError] | None"]


def _check_extras(unit: UnitParameters, path: Path, checked: _Extras) -> None:
    """Validate the unit's themes and playbook files, as the notebook will read them."""
    from nps_kit.strategy import load_playbook
    from nps_kit.themes import load_themes

    lang = unit.language  # why the unit is refused, in its language (FIX92)
    for key in ("themes", "playbook"):
        extra: Path | None = getattr(unit, key)
        if extra is not None and not extra.is_file():
            fix = t("params.fix_path_or_null", lang)
            if key == "themes" and not extra.suffix:
                guess = closest(extra.name, list(PACKS))
                said = t("schema.did_you_mean", lang, suggestion=guess) if guess else ""
                gap = " " if guess and lang == "en" else ""
                fix = f"{said}{gap}{t('params.use_a_pack', lang, packs=', '.join(PACKS))}"
            raise ConfigError(
                t("params.file_not_found", lang, file=display(path), setting=key, found=extra),
                hint=fix,
                path=path,
                key=key,
            )
    status_file = unit.closed_loop.status_file
    if status_file is not None and not status_file.is_file():
        key = "closed_loop.status_file"
        raise ConfigError(
            t("params.file_not_found", lang, file=display(path), setting=key, found=status_file),
            hint=t("params.status_file_hint", lang),
            path=path,
            key=key,
        )
    if unit.notebook is not None:
        from nps_kit.notebook import read_report_notebook

        try:
            read_report_notebook(unit.notebook)
        except ConfigError as exc:
            raise ConfigError(
                f"{display(path)}: notebook: {exc}",
                hint="Point notebook at a report notebook with one cell tagged 'parameters' "
                "(relative paths start at the YAML file's folder), or use null for the project's.",
                path=path,
                key="notebook",
            ) from None
    if unit.notebook is not None and unit.sections is not None:
        from nps_kit.notebook import read_report_notebook, select_sections

        try:
            select_sections(read_report_notebook(unit.notebook), unit.sections)
        except ConfigError as exc:
            raise ConfigError(
                f"{display(path)}: sections: {unit.notebook}: {exc.message}",
                hint=exc.hint,
                path=path,
                key="sections",
            ) from None
    pair = (unit.themes, unit.playbook)
    if pair not in checked:
        checked[pair] = None
        try:
            book = load_themes(unit.themes, lang=lang)
        except ConfigError as exc:
            checked[pair] = ("themes", exc)
        else:
            try:
                load_playbook(unit.playbook, themes=book.ids, lang=lang)
            except ConfigError as exc:
                checked[pair] = ("playbook", exc)
    problem = checked[pair]
    if problem is not None:
        key, error = problem
        raise ConfigError(
            f"{display(path)}: {key}: {error.message}", hint=error.hint, path=path, key=key
        )


def _check_data(
    unit: UnitParameters, path: Path, headers: _Header, extras: _Extras | None = None
) -> None:
    """Check the themes and playbook, that the data file exists and has every column."""
    _check_extras(unit, path, {} if extras is None else extras)
    source = unit.data
    if is_drop(source.path):
        try:
            drop_files(source.path)
        except DataError as exc:
            raise ConfigError(
                f"{display(path)}: data.path: {exc.message}",
                hint=exc.hint,
                path=path,
                key="data.path",
            ) from None
    elif not source.path.is_file():
        raise ConfigError(
            t("params.data_not_found", unit.language, file=display(path), found=source.path),
            hint=t("params.fix_path", unit.language),
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
    from nps_kit._formats import EncodingError, SheetError

    lang = unit.language
    if isinstance(header, EncodingError):
        # The CLI's hint names --encoding; in a project, the setting to change is this one.
        given = (
            t("params.encoding_given", lang, encoding=source.encoding)
            if source.encoding
            else t("params.encoding_detected", lang)
        )
        fix = header.suggestion or t("params.encoding_saved", lang)
        raise ConfigError(
            t(
                "params.encoding",
                lang,
                file=display(path),
                found=source.path,
                given=given,
                offset=header.offset,
                encoding=header.encoding,
            ),
            hint=t("params.encoding_hint", lang, fix=fix),
            path=path,
            key="data.encoding",
        )
    if isinstance(header, SheetError):
        raise ConfigError(
            f"{display(path)}: data.sheet: {header.message}",
            hint=t("params.sheet_hint", lang),
            path=path,
            key="data.sheet",
        )
    if isinstance(header, NpsKitError):
        raise ConfigError(
            f"{display(path)}: data.path: cannot read {source.path}: {header}",
            path=path,
            key="data.path",
        )
    problems: list[tuple[str, str, str | None]] = []
    for key, column in unit.used_columns().items():
        # A header, a Qualtrics QID/ImportId or question text: as `score` resolves them.
        found = header.find(column)
        if found is not None:
            unit._resolved[column] = found
        else:
            names = [*header.columns, *header.questions.values(), *header.import_ids.values()]
            suggestion = closest(column, names)
            if suggestion is not None and suggestion not in header.columns:
                suggestion = header.resolve(suggestion, option=key)
            hint = t("schema.did_you_mean", lang, suggestion=suggestion) if suggestion else None
            shown = f"「{column}」" if lang == "ja" else repr(column)
            said = t("params.no_column", lang, column=shown, file=source.path.name)
            problems.append((key, said, hint))
    if problems:
        # Like `score`, list what the file has, so the fix needs no second look at the export.
        error = problems_error(path, problems, lang=lang)
        listing = t("params.columns_in", lang, file=source.path.name, listing=header.listing())
        raise ConfigError(
            error.message,
            hint=f"{error.hint}{'' if lang == 'ja' else ' '}{listing}" if error.hint else listing,
            path=path,
            key=error.key,
        )


def _validate(
    raw: dict[str, Any],
    path: Path,
    headers: _Header,
    extras: _Extras | None = None,
    *,
    lang: Literal["ja", "en"] = "en",
) -> UnitParameters:
    raw = {"unit": path.stem, **raw}
    if "overview" in raw:
        raise ConfigError(
            f"{display(path)}: overview: the overview is one page for every unit; "
            "its settings belong in defaults.yaml, not in a unit file.",
            hint="Move the overview block to defaults.yaml.",
            path=path,
            key="overview",
        )
    followups = raw.get("followups")
    if isinstance(followups, Mapping) and "status_file" in followups:
        raise ConfigError(
            f"{display(path)}: followups: expected the list of follow-up questions; found "
            "status_file, which belongs under closed_loop.",
            hint=f"Write closed_loop: {{status_file: {followups['status_file']}}} instead.",
            path=path,
            key="followups",
        )
    unit = validate_model(raw, UnitParameters, path, lang=lang)
    unit._source = path
    _check_data(unit, path, headers, extras)
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
    base = _resolve_paths(read_yaml(defaults), defaults.parent) if defaults else {}
    base.pop("overview", None)  # a project setting (see load_all), not the unit's
    raw = _resolve_paths(read_yaml(path, lang=file_language(base)), path.parent)
    try:
        return _validate(_merge(base, raw), path, {}, lang=file_language(raw, base))
    except ConfigError as exc:
        raise _blamed(exc, raw, base, path, defaults) from None


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
    base = _resolve_paths(read_yaml(defaults_path), directory) if defaults_path.is_file() else {}
    project = validate_model(base, _Project, defaults_path, lang=file_language(base))
    base.pop("overview", None)  # a project setting, not a unit's
    overview = Overview(
        language=project.overview.language or project.language,
        timezone=project.overview.timezone or project.timezone,
        unit_label=project.overview.unit_label,
    )
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
            # In the project's language, as the files' own problems beside it (REVIEW38).
            lang = file_language(base)
            known = (", " if lang == "en" else "、").join(files) or t("params.no_units", lang)
            errors.append(
                ConfigError(
                    t("params.unknown_unit", lang, name=name, folder=display(directory),
                      units=known),
                    hint=t("schema.did_you_mean", lang, suggestion=suggestion)
                    if suggestion else None,
                    path=directory,
                )
            )  # fmt: skip
    headers: _Header = {}
    extras: _Extras = {}
    valid: dict[str, UnitParameters] = {}
    # A data file of defaults.yaml that cannot be used is that file's error, once, not one per
    # unit that inherits it: what is wrong → the units that use it.
    inherited: dict[tuple[str, str, str | None, Language], list[str]] = {}
    invalid: dict[str, ConfigError] = {}
    stems: dict[str, str] = {}  # an invalid unit's id → its file's name
    shown: dict[str, str] = {}  # an invalid unit's id → its display name, when readable
    own_names: dict[str, str | None] = {}  # a failing file's name → its display name
    for name in wanted:
        if name not in files:
            continue
        path = files[name]
        own: dict[str, Any] = {}
        try:
            own = read_yaml(path, lang=file_language(base))
            merged = _merge(base, _resolve_paths(own, path.parent))
            lang = file_language(own, base)
            unit = _validate(merged, path, headers, extras, lang=lang)
        except ConfigError as exc:
            exc = _blamed(exc, own, base, path, defaults_path)
            own_names[name] = _readable_name(own)
            setting = (exc.key or "").removeprefix("data.")
            # A column defaults.yaml names (_blamed) is as much every unit's as its data.path:
            # said once with the units, not once per unit file (QA32: four times the same).
            # One problem only: a list of several may hold the unit file's own too.
            columns = (
                defaults_path is not None
                and exc.path == defaults_path
                and exc.message.startswith(f"{display(defaults_path)}: {exc.key}: ")
            )
            if columns or (
                exc.key in _INHERITED
                and _sets(base, "data", setting)
                and not _sets(own, "data", setting)
            ):
                shown_path = display(defaults_path if columns else path)
                reason = exc.message.removeprefix(f"{shown_path}: {exc.key}: ")
                group = (exc.key or "", reason, exc.hint, lang)
                inherited.setdefault(group, []).append(name)
            else:
                errors.append(exc)
                unit_id = _unit_id(own, name)
                # A copied file keeps its model's 'unit:' id: its error is its file's.
                key = name if unit_id in invalid else unit_id
                invalid[key] = exc
                _name_as(shown, key, own_names[name])
                stems[unit_id] = name
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
    for unit_id, error in _selected_twice(valid, files, wanted, base).items():
        # An old unit file kept after a rename: its rows are the renamed unit's too (FIX71).
        errors.append(error)
        invalid[unit_id] = error
        del valid[unit_id]
    for (key, reason, hint, lang), names in inherited.items():
        # In the language the units' problem was said in (FIX92).
        if key == "data.path":
            hint = t("params.shared_data_hint", lang)
        elif not key.startswith("columns.") and hint:
            told = hint if lang == "ja" else f"{hint[:1].lower()}{hint[1:]}"
            hint = t("params.shared_hint", lang, hint=told)
        shared = ConfigError(
            t(
                "params.shared",
                lang,
                file=display(defaults_path),
                setting=key,
                reason=reason.rstrip("。."),
                units=join_names(names, lang),
                does="does" if len(names) == 1 else "do",
                its="its" if len(names) == 1 else "their",
            ),
            hint=hint,
            path=defaults_path,
            key=key,
        )
        errors.append(shared)
        invalid.update(dict.fromkeys(names, shared))
        for stem in names:
            _name_as(shown, stem, own_names.get(stem))
    for unit_id in [u for u in invalid if u in valid]:
        # A copy of example.yaml with an error, still saying 'unit: example', must not record
        # the valid example as a parameter error (run's manifest, send, the overview).
        error = invalid.pop(unit_id)
        shown_as = shown.pop(unit_id, None)
        if stems.get(unit_id, unit_id) not in valid:
            invalid[stems.get(unit_id, unit_id)] = error
            _name_as(shown, stems.get(unit_id, unit_id), shown_as)
    return ParameterSet(
        units=valid,
        errors=errors,
        overview=overview,
        invalid=invalid,
        invalid_names=shown,
        project_language=project.language,
    )


def _selected_twice(
    valid: Mapping[str, UnitParameters],
    files: Mapping[str, Path],
    wanted: list[str],
    base: Mapping[str, Any],
) -> dict[str, ConfigError]:
    """Refuse each unit that still selects another unit's earlier name (``previous_names``).

    Its rows would be reported twice, in both units (an old unit file kept after the rename).
    The renames of the folder's other unit files count too (read as far as their filter), so
    that ``run OLD`` alone is refused as ``run --all`` is.
    """
    from nps_kit._renames import earlier_names, stated, still_selected

    names = earlier_names(valid.values())
    for stem, path in files.items():
        if stem in wanted:
            continue
        try:
            raw = _merge(base, _resolve_paths(read_yaml(path), path.parent))
            data = DataSource.model_validate(raw.get("data"))
        except (NpsKitError, ValueError):
            continue  # its own run says what is wrong with it
        names += stated(data, path)
    out: dict[str, ConfigError] = {}
    for unit, name in still_selected(valid.values(), names):
        if unit.unit in out or unit.source is None:
            continue
        here, there = display(unit.source), display(name.source or unit.source)
        old, new = str(name.old), str(name.current[0])
        renamed = name.source.stem if name.source is not None else new
        # How many rows each file selects, by value: which one is live (FIX74).
        theirs = [*name.current, *(n.old for n in names if n.source == name.source)]
        own = unit.data.filter.values if unit.data.filter is not None else []
        counts = _selected_counts(unit, own, theirs, here, there)
        out[unit.unit] = ConfigError(
            f"{here}: data.filter.values: {old!r} is an earlier name of {new!r} "
            f"(data.filter.previous_names in {there}): the rows whose {name.column} is {old!r} "
            f"would be reported twice, in both units.{counts}",
            hint=f"If the unit was renamed, delete {here} (its history shows in {renamed}'s "
            f"report); if they are two units, take {old!r} out of previous_names in {there}.",
            path=unit.source,
            key="data.filter.values",
        )
    return out


def _selected_counts(
    unit: UnitParameters,
    own: Sequence[str | int | float],
    theirs: Sequence[str | int | float],
    here: str,
    there: str,
) -> str:
    """Say how many rows of the export each of two unit files selects, value by value.

    ``" In responses.csv, parameters/old.yaml selects 120 rows ('横浜店' 120) and
    parameters/new.yaml 460 ('横浜みなとみらい店' 340, '横浜店' 120)."``; empty when the
    export cannot be read (:func:`nps_kit._renames.rows_selected`).
    """
    from nps_kit._renames import rows_selected
    from nps_kit._value_key import value_key

    own = list({value_key(v): v for v in reversed(own)}.values())[::-1]
    theirs = list({value_key(v): v for v in reversed(theirs)}.values())[::-1]
    counts = rows_selected(unit, [*own, *theirs])
    if counts is None:
        return ""
    mine, other = counts[: len(own)], counts[len(own) :]

    def each(values: Sequence[str | int | float], found: Sequence[int]) -> str:
        return ", ".join(f"{str(v)!r} {n:,}" for v, n in zip(values, found, strict=True))

    rows = "row" if sum(mine) == 1 else "rows"
    return (
        f" In {unit.data.path.name}, {here} selects {sum(mine):,} {rows} ({each(own, mine)}) "
        f"and {there} {sum(other):,} ({each(theirs, other)})."
    )


def _readable_name(own: Mapping[str, Any]) -> str | None:
    """Return a unit file's ``name`` if it reads as one (the file had an error elsewhere)."""
    name = own.get("name") if isinstance(own, Mapping) else None
    if not isinstance(name, str) or not name.strip() or display_text_problem(name):
        return None
    return name.strip()


def _name_as(shown: dict[str, str], key: str, name: str | None) -> None:
    """Record ``name`` as the display name of the invalid unit ``key`` (none: forget it)."""
    if name is None:
        shown.pop(key, None)
    else:
        shown[key] = name


def _unit_id(own: Mapping[str, Any], name: str) -> str:
    """Return the id of a unit file that could not be used: its ``unit``, else its name."""
    unit = own.get("unit") if isinstance(own, Mapping) else None
    return unit if isinstance(unit, str) and unit.strip() else name


def _blamed(
    exc: ConfigError,
    own: Mapping[str, Any],
    base: Mapping[str, Any],
    path: Path,
    defaults: Path | None,
) -> ConfigError:
    """Name defaults.yaml for a column setting the unit file inherits from it, not the unit file.

    QA20: ``contact_details`` written in defaults.yaml was reported as
    ``parameters/north.yaml: …``; the fix belongs in the file that says it.
    """
    key = exc.key or ""
    if defaults is None or not key.startswith("columns."):
        return exc
    setting = key.removeprefix("columns.").split("[")[0]
    if _sets(own, "columns", setting) or not _sets(base, "columns", setting):
        return exc
    shown = display(path)
    if not exc.message.startswith(f"{shown}: "):
        return exc
    message = f"{display(defaults)}: " + exc.message.removeprefix(f"{shown}: ")
    return ConfigError(message, hint=exc.hint, path=defaults, key=key)


def _sets(raw: Mapping[str, Any], section: str, key: str) -> bool:
    """Tell whether a parameters file's own YAML sets ``section.key``."""
    block = raw.get(section)
    return isinstance(block, Mapping) and key in block


def resolve_period(unit: UnitParameters, *, period: str | None = None) -> str:
    """Return the month (``YYYY-MM``) to report for ``unit``.

    Parameters
    ----------
    unit
        Validated parameters.
    period
        An override (``YYYY-MM``, ``"latest"`` or ``"current"``); ``None`` uses
        ``unit.period``.

    Returns
    -------
    str
        The month. ``"latest"`` becomes the latest complete month with data, as of now in the
        unit's time zone; ``"current"`` the latest month with data, complete or not (the
        report's title says when it is not complete); see
        :func:`nps_kit.periods.reporting_month`.

    Raises
    ------
    ConfigError
        When the period is malformed, or ``"latest"`` is asked without a date column or the
        data holds no readable dates.
    """
    wanted = period or unit.period
    if not is_period(wanted):
        # In the unit's language, as the file's own period problem is (FIX94).
        raise ConfigError(t("params.bad_period", unit.language, found=repr(wanted)))
    if is_month(wanted):
        return wanted
    return _month_of(unit, wanted)


def _month_of(unit: UnitParameters, word: str) -> str:
    where = display(unit.source) if unit.source else unit.unit
    if unit.columns.date is None:
        raise ConfigError(
            t("params.period_needs_date", unit.language, where=where, word=repr(word)),
            hint=t("params.period_needs_date_hint", unit.language),
            key="period",
        )
    src = unit.data
    month = latest_month_in_file(
        src.path,
        score_column=unit.column(unit.columns.score),
        date_column=unit.column(unit.columns.date),
        sheet=src.sheet,
        encoding=src.encoding,
        date_format=src.date_format,
        timezone=clock.export_zone(unit.language, unit.timezone),
        word=word,
        now=clock.now(unit.language, unit.timezone),
    )
    if month is None:
        raise ConfigError(
            t(
                "params.period_no_dates", unit.language, where=where,
                column=repr(unit.columns.date), file=src.path.name,
            ),
            hint=t("params.period_no_dates_hint", unit.language),
            key="period",
        )  # fmt: skip
    return month


def _order(order: Sequence[str] | None) -> dict[str, list[str]]:
    """Return a breakdown's or follow-up's ``order`` entry, none without an order."""
    return {} if order is None else {"order": list(order)}


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
        ``unit, unit_name, language, timezone, export_timezone, data_path, data_sheet,
        data_encoding, filter_column, filter_values (with the earlier names), previous_names,
        data_exclude (``data.exclude`` as ``[column, values]`` pairs), value_labels
        (``{column: {code: label}}``; a breakdown's, categorical or multi-select
        follow-up's ``order`` is then its labels' order unless set by hand), score_column,
        date_column, id_column,
        comment_column, contact_column, contact_details (column names: the details themselves
        never enter the notebook), consent_yes, consent_no (``contact.``),
        weight_column, date_format, missing_values, fix_text, dedupe, dedupe_keep, unfinished,
        period,
        comparison, fiscal_year_start (the fiscal year's first month with ``fiscal_ytd``, else
        ``None``), fiscal_year_named_by (``"start"`` or ``"end"`` with ``fiscal_ytd``, else
        ``None``), target, top_n, breakdowns (``{column, label}``), followups, themes_path,
        playbook_path, min_n, min_report_n, level, control_min_months, redact, status_file``
        — only str, int, float, bool, None, list and dict.
        Columns named by Qualtrics QID or question text are given as the export's column ids.
    """
    src = unit.data
    cols = unit.columns
    loader = unit.loader_options()
    lang = unit.language

    from nps_kit._question_label import header_label
    from nps_kit._value_labels import label_order

    def coded(name: str) -> list[str] | None:
        # The labels of a column with a code table, in its order (value_labels).
        table = unit.value_labels.get(name)
        return None if table is None else label_order(table)

    def col(name: str | None) -> str | None:
        # Where the unit's frame keeps the column: an export's own 'segment' (a customer
        # segment) is 'segment (export)', beside the NPS segment prepare_unit adds (QA24).
        return None if name is None else unit.frame_column(name)

    return {
        "unit": unit.unit,
        "unit_name": unit.name,
        "language": unit.language,
        "timezone": unit.zone,
        # The zone prepare_unit reads the export in, as the run's cache is built (FIX48B,
        # REVIEW28 #3): an English unit without timezone keeps each offset's wall clock.
        "export_timezone": loader["timezone"],
        "data_path": str(src.path),
        "data_sheet": src.sheet,
        "data_encoding": src.encoding,
        "filter_column": col(src.filter.column) if src.filter else None,
        # The earlier names too, so a notebook that does not know previous_names still
        # reads the unit's rows as the run does.
        "filter_values": list(src.filter.selects) if src.filter else None,
        "previous_names": list(src.filter.previous_names) if src.filter else [],
        # As (column, values) pairs, as prepare_unit takes them and the run's cache applies
        # them: a notebook run by hand, without the cache, leaves out the same rows.
        "data_exclude": [[column, list(values)] for column, values in loader["exclude"]],
        # Coded answers and their labels, as the run's cache read them (a notebook run by
        # hand, without the cache, shows the same labels).
        "value_labels": {column: dict(table) for column, table in loader["value_labels"]},
        "score_column": loader["score_column"],
        "date_column": loader["date_column"],
        "id_column": loader["id_column"],
        "comment_column": col(cols.comment),
        "contact_column": col(cols.contact),
        "contact_details": [col(c) for c in cols.contact_details],
        "consent_yes": list(unit.contact.consent_yes),
        "consent_no": list(unit.contact.consent_no),
        "weight_column": loader["weight_column"],
        "date_format": src.date_format,
        "missing_values": list(src.missing_values),
        "fix_text": src.fix_text,
        "dedupe": src.dedupe,
        "dedupe_keep": src.dedupe_keep,
        "unfinished": src.unfinished,
        "period": period,
        "comparison": list(unit.comparison),
        # Only with fiscal_ytd: the notebook then reads the months back to the previous
        # fiscal year's first (prepare_unit), and no other report reads more than its 13.
        "fiscal_year_start": unit.fiscal_start if "fiscal_ytd" in unit.comparison else None,
        "fiscal_year_named_by": unit.fiscal_named_by if "fiscal_ytd" in unit.comparison else None,
        "target": unit.target,
        "top_n": unit.top_n,
        # A label not set by hand is the header, its half-width kana full-width (QA25).
        # Groups in the code table's order (年代 1 … 6) unless `order:` says otherwise.
        "breakdowns": [
            {"column": col(b.column), "label": in_language(b.label, lang) or header_label(b.column)}
            | _order(b.order if b.order is not None else coded(b.column))
            if isinstance(b, Breakdown)
            else {"column": col(b), "label": header_label(b)} | _order(coded(b))
            for b in unit.breakdowns
        ],
        "followups": [
            {
                **f.model_dump(mode="json"),
                "column": col(f.column),
                "label": in_language(f.label, lang)
                or (None if header_label(f.column) == f.column else header_label(f.column)),
            }
            | (_order(coded(f.column)) if f.type in ("categorical", "multi") else {})
            for f in unit.followups
        ],
        "themes_path": str(unit.themes) if unit.themes else None,
        "playbook_path": str(unit.playbook) if unit.playbook else None,
        "min_n": unit.thresholds.min_n,
        "min_report_n": unit.thresholds.min_report_n,
        "level": unit.thresholds.level,
        "control_min_months": unit.thresholds.control_min_months,
        "redact": unit.privacy.redact,
        "status_file": str(sf) if (sf := unit.closed_loop.status_file) else None,
    }
