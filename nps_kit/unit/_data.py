"""What one unit's report is made of: :class:`UnitData` and the headline's comparisons."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import pandas as pd

from nps_kit._consent import (
    ConsentWords,
)
from nps_kit.i18n import Language
from nps_kit.load import (
    LoadReport,
)
from nps_kit.periods import (
    FiscalSpan,
    NamedBy,
)
from nps_kit.score import (
    Change,
    NpsResult,
)

ComparisonKind = Literal["previous", "last_year", "fiscal_ytd"]
#: The comparisons of the reporting month with one earlier month.
MONTH_COMPARISONS: tuple[ComparisonKind, ...] = ("previous", "last_year")


@dataclass(frozen=True, eq=False)
class UnitData:
    """A unit's responses and the record of how they were prepared.

    Attributes
    ----------
    name
        Display name of the unit.
    language
        Report language.
    period
        Reporting month, ``YYYY-MM``.
    responses
        The unit's rows over all periods: original columns plus ``nps_score``, ``nps_status``,
        ``nps_row``, ``nps_date``, ``segment`` and ``period`` (``YYYY-MM``).
    load
        What the loader did with the whole file.
    source
        The file read.
    unit_rows
        Rows of the file that belong to the unit.
    redactions
        Personal-data replacements per kind in the reporting period's free text (empty when
        redaction is off).
    redacted
        Whether redaction was applied.
    unfinished_excluded
        Responses of the reporting period left out because Qualtrics marks them unfinished
        (``unfinished="exclude"``); ``None`` when unfinished responses are counted.
    timezone
        The unit's IANA time zone as given to :func:`prepare_unit` (``None``: by language):
        where "the month has not ended yet" is judged (:func:`incomplete_through`).
    reach
        The export's e-mail and phone columns when ``responses`` lacks them (read from
        ``nps-kit run``'s cache: :attr:`nps_kit.cache.ExportCache.reach`); ``None`` when
        ``responses`` holds every column of the export.
    read_zone
        The zone the export's times were read in: ``nps_date`` is its wall clock; ``None``,
        each time's as written (:func:`nps_kit.clock.export_zone`). From ``nps-kit run``'s
        cache, the zone the run read it in, whatever ``timezone`` the notebook passed.
    consent
        The unit's own consent answers (``contact.consent_yes`` / ``consent_no``), with which
        its follow-up list reads the consent column (:func:`contact_allowed`).
    renamed
        Each earlier name of the unit (``previous_names``) that rows of the months shown
        have, with the date of its last row (``YYYY-MM-DD``): what the report says once.
    fiscal_year_start
        The first month of the fiscal year (4: April) when the headline compares the fiscal
        year to date (``fiscal_ytd``); ``None`` otherwise.
    earlier
        With ``fiscal_year_start``, the unit's rows of the months before the report's 13 that
        the previous fiscal year's same months reach (as ``responses``, no text redacted: no
        text of them is shown); ``None`` otherwise. Kept apart so that every other figure
        reads the same months with or without ``fiscal_ytd``.
    fiscal_year_named_by
        Which year names its fiscal years (:func:`nps_kit.periods.fiscal_year_name`):
        ``"start"`` (2026年度, April 2026 to March 2027) or ``"end"`` (FY2027, the same months).
    """

    name: str
    language: Language
    period: str
    responses: pd.DataFrame
    load: LoadReport
    source: Path
    unit_rows: int
    redactions: dict[str, int] = field(default_factory=dict)
    redacted: bool = True
    unfinished_excluded: int | None = None
    timezone: str | None = None
    reach: tuple[str, ...] | None = None
    read_zone: str | None = None
    consent: ConsentWords = field(default_factory=ConsentWords)
    renamed: tuple[tuple[str, str], ...] = ()
    fiscal_year_start: int | None = None
    earlier: pd.DataFrame | None = None
    fiscal_year_named_by: NamedBy = "start"

    def rows(self, period: str | None = None) -> pd.DataFrame:
        """Responses of ``period`` (default: the reporting period)."""
        wanted = self.period if period is None else period
        return self.responses.loc[self.responses["period"] == wanted]

    def span_rows(self, months: Sequence[str]) -> pd.DataFrame:
        """Responses of the months ``months`` (``YYYY-MM``), ``earlier`` ones included."""
        frames = [self.responses] if self.earlier is None else [self.earlier, self.responses]
        return pd.concat([f.loc[f["period"].isin(list(months))] for f in frames])

    def scored_counts(self, months: Sequence[str]) -> list[int]:
        """Responses with a score in each of the months ``months``, in their order."""
        rows = self.span_rows(months)
        counted = rows.loc[rows["nps_score"].notna(), "period"].astype(str).value_counts()
        return [int(counted.get(m, 0)) for m in months]

    @property
    def current(self) -> pd.DataFrame:
        """Responses of the reporting period."""
        return self.rows()


@dataclass(frozen=True)
class Comparison:
    """The reporting period compared with an earlier one."""

    kind: ComparisonKind
    period: str
    result: NpsResult
    change: Change


@dataclass(frozen=True)
class FiscalToDate:
    """The fiscal year to date compared with the same months of the fiscal year before.

    ``comparison`` is computed as a month's: :func:`nps_kit.score.nps` of the earlier span's
    responses and :func:`nps_kit.score.compare` of ``result`` with it (kind ``fiscal_ytd``,
    ``period`` the earlier span's first month); ``None`` once the report hides it (the
    earlier span under the anonymity floor). ``unanswered`` are the earlier span's months
    without a response. When they are more than half its months, the earlier span is no
    fiscal year's same months but a few of them (an export that begins in the last of them
    compared April–November with November alone, QA42): its change is
    ``"insufficient_data"``, with no difference, and ``comparable`` is false.

    ``counts`` and ``before_counts`` are the scored responses of each month of ``span`` and
    ``before``, counted once here for the comparison, the anonymity floor
    (:func:`nps_kit.score.told_parts`) and the summary.
    """

    span: FiscalSpan
    result: NpsResult
    before: FiscalSpan
    comparison: Comparison | None
    counts: tuple[int, ...]
    before_counts: tuple[int, ...]
    #: Why the report shows no change (or no year to date), as the summary publishes it
    #: (:data:`nps_kit.summary.FISCAL_UNSHOWN`), and the anonymity floor that hid it.
    unshown: str | None = None
    floor: int | None = None

    @property
    def unanswered(self) -> tuple[str, ...]:
        """The earlier span's months without a scored response."""
        months = self.before.months
        return tuple(m for m, n in zip(months, self.before_counts, strict=True) if not n)

    @property
    def comparable(self) -> bool:
        """Whether the earlier span's answered months are at least half of its months."""
        return 2 * len(self.unanswered) <= len(self.before.months)


@dataclass(frozen=True)
class Headline:
    """Headline figures of a unit for its reporting period."""

    period: str
    result: NpsResult
    comparisons: tuple[Comparison, ...]
    #: The fiscal year to date, when ``fiscal_ytd`` is asked for.
    fiscal: FiscalToDate | None = None

    def comparison(self, kind: ComparisonKind) -> Comparison | None:
        """Return the comparison of ``kind``, if configured."""
        return next((c for c in self.comparisons if c.kind == kind), None)


def _export_columns(data: pd.DataFrame) -> list[str]:
    """Return the export's own columns, without those the loader and prepare_unit add."""
    return [str(c) for c in data.columns if not str(c).startswith("nps_") and c not in _ADDED]


_ADDED = ("period", "segment")
