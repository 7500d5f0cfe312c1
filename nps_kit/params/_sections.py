"""The sections of a unit's parameters (data, columns, contact, mail …) as pydantic models."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Annotated, Literal
from urllib.parse import urlsplit

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationInfo,
    field_validator,
    model_validator,
)

from nps_kit._resubmit import DedupeKeep
from nps_kit._schema_errors import (
    Listed,
    Said,
)
from nps_kit.params._fields import _EMAIL, DisplayText, Label, TimeZone, UnitLabel
from nps_kit.score import CONTROL_MIN_PERIODS, DEFAULT_MIN_REPORT_N


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
    except ValueError:
        spec = ""
    if not _EMAIL.match(spec):
        raise Said("params.email", found=address)
