"""One business unit's responses, prepared for its report.

:func:`prepare_unit` loads an export, keeps the unit's rows, resolves the reporting period,
redacts personal data in free text and records everything it did. The small functions below turn
a :class:`UnitData` into the tables each report section shows; they only combine
:mod:`nps_kit.score` results, so every figure traces back to the data.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Literal

import pandas as pd

from nps_kit import clock
from nps_kit._consent import (
    ConsentWords,
    asks_refusal,
    consent_questions,
    consent_read,
    read_consent,
    reads_as_consent,
    reversed_words,
    unread_answers,
)
from nps_kit._resubmit import DedupeKeep
from nps_kit._value_key import cell_text, one_spelling
from nps_kit._value_labels import ValueLabels, as_tables, rows_with_code
from nps_kit._width import display_width
from nps_kit.cache import normalise_key as _norm
from nps_kit.errors import DataError, closest, missing_column
from nps_kit.i18n import Language, join_names, t
from nps_kit.load import (
    LoadReport,
    LoadResult,
    UnreadableDates,
    export_column,
    load_responses,
    undated_answers,
    unfinished_refusal,
    unreadable_dates,
)
from nps_kit.periods import (
    TREND_MONTHS,
    WORDS,
    FiscalSpan,
    NamedBy,
    fiscal_named_by,
    fiscal_to_date,
    month_running,
    reporting_month,
    shift_period,
)
from nps_kit.score import (
    CONTROL_MIN_PERIODS,
    DEFAULT_MIN_N,
    DEFAULT_MIN_REPORT_N,
    Change,
    NpsResult,
    against_rest,
    compare,
    control_chart,
    nps,
    score_groups,
    segment,
)

__all__ = [
    "Comparison",
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
    "select_unit_rows",
    "shift_period",
    "trend_table",
    "unit_unreadable_dates",
]

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


def select_unit_rows(
    data: pd.DataFrame, *, column: str | None, values: Sequence[object], source: Path
) -> pd.DataFrame:
    """Keep the rows whose ``column`` is one of ``values`` (after normalisation and trimming).

    Parameters
    ----------
    data
        Loaded responses.
    column, values
        ``data.filter`` of the parameters; ``column=None`` keeps every row.
    source
        The file, for messages.

    Returns
    -------
    pandas.DataFrame
        The unit's rows (a view: copy before changing it).

    Raises
    ------
    DataError
        When the column does not exist or no row matches.
    """
    if column is None:
        return data
    column = export_column(column)  # an export's own 'segment' is 'segment (export)'
    if column not in data.columns:
        raise missing_column(
            column, _export_columns(data), source=source, option="data.filter.column", path=source
        )
    wanted = {_norm(v) for v in values}
    cells = data[column]
    data = data.loc[cells.map(_norm, na_action="ignore").isin(wanted)]
    if data.empty:
        # Named as written (the keys are case-folded): 'EC事業部', not 'ec事業部'.
        present = sorted({cell_text(v) for v in cells.dropna().unique()})
        asked = sorted({cell_text(v) for v in values})
        guess = closest(next(iter(asked), ""), present) if asked else None
        raise DataError(
            f"{source}: no rows with {column} in {asked}; "
            f"values present: {', '.join(present[:20])}.",
            hint=f"Did you mean {guess!r}?" if guess else "Check data.filter.values.",
            path=source,
        )
    return data


def prepare_unit(
    path: str | Path,
    *,
    name: str,
    language: Language = "ja",
    unit_column: str | None = None,
    unit_values: Sequence[str] = (),
    score_column: str = "score",
    date_column: str = "submitted_at",
    weight_column: str | None = None,
    text_columns: Sequence[str] = (),
    period: str = "latest",
    sheet: str | int | None = None,
    encoding: str | None = None,
    redact: bool = True,
    cache: str | Path | None = None,
    date_format: str | None = None,
    missing_values: Sequence[str] = (),
    fix_text: bool = False,
    id_column: str | None = None,
    dedupe: bool | Literal["resubmissions"] = False,
    dedupe_keep: DedupeKeep = "earliest",
    timezone: str | None = None,
    unfinished: Literal["include", "exclude"] | None = None,
    consent_yes: Sequence[str | int] = (),
    consent_no: Sequence[str | int] = (),
    previous_names: Sequence[str | int | float] = (),
    exclude: Sequence[tuple[str, Sequence[object]]] = (),
    value_labels: ValueLabels | None = None,
    fiscal_year_start: int | None = None,
    fiscal_year_named_by: NamedBy | None = None,
) -> UnitData:
    """Load a survey export and keep one unit's responses.

    Parameters
    ----------
    path
        The survey export (any format :func:`nps_kit.load.load_responses` reads).
    name
        Display name of the unit.
    language
        Report language, ``"ja"`` or ``"en"``.
    unit_column, unit_values
        Keep rows whose ``unit_column`` is one of ``unit_values`` (compared after Unicode
        normalisation and trimming). No column: keep every row.
    score_column, date_column, weight_column
        Columns of the export.
    text_columns
        Free-text columns to redact (in the reporting period's rows, the only ones a report
        shows text of).
    period
        Reporting month ``YYYY-MM``; ``"latest"`` for the latest complete month of the file, or
        ``"current"`` for the month of its latest response date, complete or not (as
        ``nps-kit run`` resolves them, :func:`nps_kit.periods.reporting_month`; the report's
        title says when the month is not complete, see :func:`incomplete_through`).
    sheet, encoding
        Passed to the loader.
    redact
        Replace e-mail addresses, phone numbers, postal codes and card numbers in
        ``text_columns`` (see :func:`nps_kit.redact.redact`).
    cache
        A cache file of the export written by ``nps-kit run`` (:func:`nps_kit.cache.build_cache`):
        the unit's rows and months are read from it instead of parsing ``path``. Either way the
        unit keeps the months a report shows (:func:`report_window`) and rows without a date.
    date_format, missing_values, fix_text, id_column, dedupe, dedupe_keep
        Passed to the loader: how to read dates that read both ways, more "no answer" codes,
        repair of double-decoded text, the id column whose repeats are counted, whether
        duplicate responses are dropped, and which answer of a repeated id is kept.
    timezone
        The unit's IANA time zone, where ``"latest"`` judges whether a month has ended and
        whose wall clock zone-aware dates are read as (the cache is built in it);
        ``None`` follows ``language`` (:data:`nps_kit.clock.DEFAULT_TIMEZONE`), except that an
        English unit's times written with a UTC offset keep the wall clock they were written
        in (:func:`nps_kit.clock.export_zone`).
    unfinished
        ``"include"`` counts the responses Qualtrics marks unfinished (``Finished`` False: the
        respondent left after answering some questions) like any other; ``"exclude"`` leaves
        them out of every figure, and :attr:`UnitData.unfinished_excluded` counts those of the
        reporting period. A response whose ``Finished`` cell is unreadable is kept. ``None``
        (the default) does what the data was loaded for: the unit's ``data.unfinished`` when
        reading the cache ``nps-kit run`` built from its parameters, so a report notebook
        that does not pass it still honours it; ``"include"`` when reading ``path``.
    consent_yes, consent_no
        The unit's own consent answers (``contact.consent_yes`` / ``consent_no``): how its
        follow-up list reads the consent column (:attr:`UnitData.consent`).
    previous_names
        Earlier values of ``unit_column`` that are this unit's (``data.filter.previous_names``:
        a renamed ward): their rows are selected with ``unit_values``, and
        :attr:`UnitData.renamed` says until when each was used.
    exclude
        ``data.exclude`` as ``(column, values)`` pairs: rows that are no response (a staff
        test), left out by the loader (:func:`nps_kit.load.load_responses`) and counted in
        the data quality. A cache carries the exclusion it was built with.
    value_labels
        ``value_labels:``, ``{column: {code: label}}``: coded answers read as their labels by
        the loader (a cache holds the labels it was built with).
    fiscal_year_start
        The first month of the fiscal year (1–12) when the headline compares the fiscal year
        to date (``fiscal_ytd``): the months back to the previous fiscal year's first month
        are read too, kept in :attr:`UnitData.earlier`. ``None`` (the default) reads only the
        report's 13 months.
    fiscal_year_named_by
        ``"start"`` or ``"end"``: which calendar year names a fiscal year (2026年度 or FY2027
        for April 2026 to March 2027); ``None`` (the default) by language and first month
        (:func:`nps_kit.periods.fiscal_named_by`: the start for Japanese, the end for English
        unless the year starts in January).

    Returns
    -------
    UnitData
        The unit's responses and how they were prepared.

    Raises
    ------
    DataError
        When the file cannot be read, no row belongs to the unit, there are no dates, the
        period has no responses at all, or ``unfinished="exclude"`` for an export that does
        not say which responses are finished (not Qualtrics, or no ``Finished`` column).
    ValueError
        When ``unfinished`` is neither ``"include"`` nor ``"exclude"``.
    """
    if unfinished not in (None, "include", "exclude"):
        raise ValueError(f"unfinished must be 'include' or 'exclude', got {unfinished!r}")
    # One selection: the earlier names' rows are the unit's (a notebook may pass them in
    # unit_values already, as nps-kit run's filter_values does).
    unit_values = list(dict.fromkeys([*(unit_values or ()), *map(cell_text, previous_names)]))
    source = Path(path)
    reach = None
    read_zone = clock.export_zone(language, timezone)
    if cache is not None:
        from nps_kit.cache import open_cache, read_rows

        store = open_cache(cache)
        reach = store.reach
        read_zone = store.timezone
        if period in WORDS:
            if store.report.date_max is None:
                raise DataError(
                    f"{source}: column {date_column!r} has no readable dates.",
                    hint="Check columns.date in the parameters.",
                    path=source,
                )
            first, last = store.report.date_min, store.report.date_max
            now = clock.now(language, timezone)
            period = reporting_month(period, first, last, now=now) or period
        start, end = report_window(period, fiscal_year_start=fiscal_year_start)
        loaded = read_rows(
            store, unit_values=unit_values if unit_column else None, start=start, end=end
        )
    else:
        loaded = _load_in(
            language,
            source,
            score_column=score_column,
            date_column=date_column,
            weight_column=weight_column,
            sheet=sheet,
            encoding=encoding,
            date_format=date_format,
            missing_values=tuple(missing_values),
            fix_text=fix_text,
            id_column=id_column,
            dedupe=dedupe,
            dedupe_keep=dedupe_keep,
            unfinished=unfinished or "include",
            timezone=read_zone,
            exclude=tuple((column, tuple(values)) for column, values in exclude),
            # As pairs: the loaded file is cached under its options (hashable).
            value_labels=tuple(
                (column, tuple(table.items())) for column, table in as_tables(value_labels).items()
            ),
        )
    data = loaded.data
    if cache is None:  # the cache's rows are the unit's already (pushed down by read_rows)
        data = select_unit_rows(data, column=unit_column, values=unit_values, source=source)
    dates = data["nps_date"]
    if dates.notna().sum() == 0 and cache is None:
        raise DataError(
            f"{source}: column {date_column!r} has no readable dates for {name}.",
            hint="Check columns.date in the parameters.",
            path=source,
        )
    if period in WORDS:
        every = loaded.data["nps_date"]  # the whole file's: every unit reports one month
        now = clock.now(language, timezone)
        month = reporting_month(period, every.min(), every.max(), now=now)
        assert month is not None  # the unit's own rows have dates (checked above)
        period = month
    covered = dates.dt.strftime("%Y-%m")
    start, end = report_window(period, fiscal_year_start=fiscal_year_start)
    data = data.loc[dates.isna() | ((dates >= start) & (dates < end))].copy()
    data = _shown_answers(data, keep={*(export_column(c) for c in text_columns), id_column})
    data["period"] = data["nps_date"].dt.strftime("%Y-%m").astype("string")
    excluded = None
    if (unfinished or loaded.report.unfinished) == "exclude":
        data, excluded = _drop_unfinished(data, period, source, loaded.report)
    data["segment"] = segment(data["nps_score"])
    earlier = None
    if fiscal_year_start is not None:  # the months only the fiscal comparison reads
        old = (data["nps_date"] < report_window(period)[0]).fillna(False)
        earlier, data = data.loc[old], data.loc[~old].copy()
    if not (data["period"] == period).any():
        if cache is not None:  # the error names the unit's whole range: read its dates
            covered = _unit_months(cache, unit_column, unit_values, source)
        if covered.dropna().empty:
            raise DataError(
                f"{source}: column {date_column!r} has no readable dates for {name}.",
                hint="Check columns.date in the parameters.",
                path=source,
            )
        first, last = covered.dropna().min(), covered.dropna().max()
        raise DataError(
            f"{source}: {name} has no responses in {period}; the data covers {first} to {last}.",
            hint="Pick a period inside that range (--period YYYY-MM).",
            path=source,
        )
    counts: dict[str, int] = {}
    if redact:
        from nps_kit.text.redaction import redact as redact_texts

        # The report shows free text of the reporting period only (comments, themes, the
        # detractor list), so that is what is redacted and counted.
        shown = data["period"] == period
        for column in dict.fromkeys(export_column(c) for c in text_columns):
            if column in data.columns:
                done = redact_texts(data.loc[shown, column])
                data[column] = data[column].astype("string")
                data.loc[shown, column] = done.texts
                for kind, count in done.counts.items():
                    counts[kind] = counts.get(kind, 0) + count
    return UnitData(
        name=name,
        language=language,
        period=period,
        responses=data,
        load=loaded.report,
        source=source,
        unit_rows=len(data),
        redactions=counts,
        redacted=redact,
        unfinished_excluded=excluded,
        timezone=timezone,
        reach=reach,
        read_zone=read_zone,
        consent=ConsentWords.of(consent_yes, consent_no),
        renamed=_renamed(data, unit_column, previous_names),
        fiscal_year_start=fiscal_year_start,
        earlier=earlier,
        fiscal_year_named_by=fiscal_named_by(
            language, fiscal_year_start or 1, fiscal_year_named_by
        ),
    )


def _renamed(
    data: pd.DataFrame, column: str | None, previous: Sequence[object]
) -> tuple[tuple[str, str], ...]:
    """Each earlier name the unit's rows have, with the date of its last row (dated rows)."""
    if column is None or not previous:
        return ()
    column = export_column(column)
    if column not in data.columns:
        return ()
    keys = data[column].map(_norm, na_action="ignore")
    found = []
    for name in dict.fromkeys(previous):
        dates = data.loc[keys == _norm(name), "nps_date"].dropna()
        if len(dates):
            found.append((cell_text(name), f"{dates.max():%Y-%m-%d}"))
    return tuple(found)


def _shown_answers(data: pd.DataFrame, *, keep: set[str | None]) -> pd.DataFrame:
    """Write the answers' half-width kana full-width, as every report shows them (QA27 #7).

    The comments (shown as written) and the id (matched with the work files) stay as they are,
    and so do the columns nps-kit adds (``nps_…``).
    """
    from nps_kit._question_label import shown_values

    for column in data.columns:
        if column in keep or str(column).startswith("nps_"):
            continue
        shown = shown_values(data[column])
        if shown is not data[column]:
            data[column] = shown
    return data


def _drop_unfinished(
    data: pd.DataFrame, period: str, source: Path, report: LoadReport
) -> tuple[pd.DataFrame, int]:
    """Drop the responses Qualtrics marks unfinished; count those of ``period``."""
    refused = unfinished_refusal(source, report, has_finished="nps_finished" in data.columns)
    if refused is not None:
        raise refused
    left = data["nps_finished"].astype("boolean").eq(False).fillna(False).to_numpy(dtype=bool)
    dropped = int((left & (data["period"] == period).fillna(False).to_numpy(dtype=bool)).sum())
    return data.loc[~left].copy(), dropped


def report_window(
    period: str, *, fiscal_year_start: int | None = None
) -> tuple[pd.Timestamp, pd.Timestamp]:
    """Return ``[start, end)`` of the months a report for ``period`` uses.

    The trend shows the 12 months up to ``period`` and the comparison with last year reaches
    12 months back, so a report needs ``period`` and the 12 months before it; rows outside are
    not read (from the run's cache) or dropped (from the export). With ``fiscal_year_start``
    (``fiscal_ytd``) it reaches back to the first month of the previous fiscal year, up to
    23 months before ``period``.
    """
    month = pd.Period(period, freq="M")
    start = (month - 12).start_time
    if fiscal_year_start is not None:
        before = fiscal_to_date(period, fiscal_year_start).year_before()
        start = min(start, pd.Period(before.first, freq="M").start_time)
    return start, (month + 1).start_time


def _unit_months(
    cache: str | Path, column: str | None, values: Sequence[str] | None, source: Path
) -> pd.Series:
    """Return the months of the unit's rows in the run's cache of ``source``.

    A unit none of whose rows exist is the export's error, as without the cache: its filter
    values and the values present (:func:`select_unit_rows`), not the cache file's.
    """
    from nps_kit.cache import open_cache, read_rows

    store = open_cache(cache)
    rows = read_rows(store, unit_values=values if column else None).data
    if rows.empty and column is not None:
        select_unit_rows(read_rows(store).data, column=column, values=values or [], source=source)
    return rows["nps_date"].dt.strftime("%Y-%m")


def unit_unreadable_dates(unit: UnitData) -> UnreadableDates | None:
    """Return the unit's responses whose date could not be read: no month of its report has them.

    The loader counts them in the whole file (``unit.load.unreadable_dates``); a report is
    about one unit, so this counts the unit's own rows.
    """
    column = unit.load.date_column
    # An export's own column named nps_date is kept beside the parsed one (load.export_column).
    raw = None if column is None else export_column(column)
    if column is None or raw not in unit.responses.columns:
        return None
    return unreadable_dates(unit.responses[raw], unit.responses["nps_date"], column=column)


def incomplete_through(
    unit: UnitData, *, now: dt.datetime | None = None, timezone: str | None = None
) -> pd.Timestamp | None:
    """Return the last response date when the report is made before its month has ended.

    A month is incomplete only while it is still running where the readers are: a report made
    after the month's end is complete however early its last response came.

    Parameters
    ----------
    unit
        The prepared unit.
    now
        When the report is made (zone-aware, or naive wall-clock time at the unit's place);
        ``None`` is the current time (:func:`nps_kit.clock.now`).
    timezone
        The unit's IANA time zone; ``None`` uses the one :func:`prepare_unit` was given, else
        follows its language (:data:`nps_kit.clock.DEFAULT_TIMEZONE`). Export dates are
        wall-clock times there.

    Returns
    -------
    pandas.Timestamp or None
        The latest response date of the file (of the unit's month, when the file goes on
        later), or ``None`` when the reporting month has ended
        (:func:`nps_kit.periods.month_running`).
    """
    timezone = timezone if timezone is not None else unit.timezone
    moment = now if now is not None else clock.now(unit.language, timezone)
    if moment.tzinfo is not None:
        moment = moment.astimezone(clock.zone(unit.language, timezone)).replace(tzinfo=None)
    if not month_running(unit.period, now=moment):
        return None
    last = unit.load.date_max
    if last is None or str(last.to_period("M")) != unit.period:
        last = unit.current["nps_date"].max()
    return None if pd.isna(last) else pd.Timestamp(last)


# The runner builds many units from one export on each warm kernel: keep the last few parsed
# files, keyed on the file's identity and the options, so a kernel reads each file once. Callers
# never mutate the cached frame (prepare_unit filters and copies it).
_CACHE: dict[tuple[object, ...], LoadResult] = {}
_CACHE_SIZE = 4


def _load_cached(path: Path, **options: object) -> LoadResult:
    try:
        stat = path.stat()
    except OSError:
        return load_responses(path, **options)  # type: ignore[arg-type]  # loader words it
    key = (str(path.resolve()), stat.st_mtime_ns, stat.st_size, *sorted(options.items()))
    if key not in _CACHE:
        if len(_CACHE) >= _CACHE_SIZE:
            _CACHE.pop(next(iter(_CACHE)))
        _CACHE[key] = load_responses(path, **options)  # type: ignore[arg-type]
    return _CACHE[key]


def _load_in(language: Language, path: Path, **options: object) -> LoadResult:
    """Load as :func:`_load_cached` does; an XLSX's unsaved formulas are said in ``language``."""
    from nps_kit._xlsx_formulas import FormulaError

    try:
        return _load_cached(path, **options)
    except FormulaError as exc:
        raise exc.said(language) from None


def _comparison_period(period: str, kind: ComparisonKind) -> str:
    return shift_period(period, -1 if kind == "previous" else -12)


def headline(
    unit: UnitData,
    *,
    comparisons: Sequence[ComparisonKind] = MONTH_COMPARISONS,
    weight: str | None = None,
    level: float = 0.95,
    min_n: int = DEFAULT_MIN_N,
) -> Headline:
    """NPS of the reporting period and its change against earlier periods.

    Parameters
    ----------
    unit
        Prepared unit.
    comparisons
        ``"previous"`` (month before) and/or ``"last_year"`` (same month a year before);
        ``"fiscal_ytd"`` adds the fiscal year to date against the same months of the fiscal
        year before (:attr:`Headline.fiscal`; the unit must be prepared with
        ``fiscal_year_start``, which reads those months).
    weight
        Weight column (``nps_weight``) if the data is weighted.
    level, min_n
        Confidence level and precision threshold.

    Returns
    -------
    Headline
        Current result and one :class:`Comparison` per requested month kind.

    Raises
    ------
    ValueError
        When ``"fiscal_ytd"`` is asked of a unit prepared without ``fiscal_year_start``.
    """
    current = nps(unit.current, weight=weight, level=level, min_n=min_n)
    out = []
    for kind in comparisons:
        if kind not in MONTH_COMPARISONS:
            continue
        other_period = _comparison_period(unit.period, kind)
        other = nps(unit.rows(other_period), weight=weight, level=level, min_n=min_n)
        out.append(Comparison(kind, other_period, other, compare(current, other, level=level)))
    fiscal = None
    if "fiscal_ytd" in comparisons:
        if unit.fiscal_year_start is None:
            raise ValueError(
                "comparison 'fiscal_ytd' needs prepare_unit(..., fiscal_year_start=M): "
                "it reads the months of the previous fiscal year"
            )
        span = fiscal_to_date(
            unit.period, unit.fiscal_year_start, named_by=unit.fiscal_year_named_by
        )
        before = span.year_before()
        ytd = nps(unit.span_rows(span.months), weight=weight, level=level, min_n=min_n)
        other = nps(unit.span_rows(before.months), weight=weight, level=level, min_n=min_n)
        counts = tuple(unit.scored_counts(span.months))
        before_counts = tuple(unit.scored_counts(before.months))
        fiscal = FiscalToDate(span, ytd, before, None, counts, before_counts)
        moved = (
            compare(ytd, other, level=level)
            if fiscal.comparable
            else Change(None, None, None, None, None, "insufficient_data", level)
        )
        fiscal = replace(fiscal, comparison=Comparison("fiscal_ytd", before.first, other, moved))
    return Headline(unit.period, current, tuple(out), fiscal)


def trend_table(
    unit: UnitData,
    *,
    months: int = TREND_MONTHS,
    weight: str | None = None,
    level: float = 0.95,
    min_n: int = DEFAULT_MIN_N,
    min_report_n: int = DEFAULT_MIN_REPORT_N,
    control_min_periods: int = CONTROL_MIN_PERIODS,
) -> pd.DataFrame:
    """Monthly NPS for the ``months`` months up to the reporting period.

    Returns the :func:`nps_kit.score.score_groups` table by month with the unit's own control
    limits over these months (:func:`nps_kit.score.control_chart`: ``control_centre``,
    ``control_low``, ``control_high``, ``out_of_control``). Months without responses are
    absent. A month of fewer responses than the anonymity floor ``min_report_n`` keeps only its
    ``n`` (``suppressed``, as a breakdown's group): its NPS, interval, counts and control limits
    are blank and it is left out of the pooled centre (FIX63: a 2-response month's NPS was read
    off the trend). :func:`nps_kit.summary.floor_trend` reads a published trend the same way.
    """
    first = shift_period(unit.period, -(months - 1))
    data = unit.responses
    window = data.loc[(data["period"] >= first) & (data["period"] <= unit.period)]
    table = score_groups(
        window,
        period="month",
        weight=weight,
        level=level,
        min_n=min_n,
        min_report_n=min_report_n,
    )
    return control_chart(table, min_periods=control_min_periods)


def breakdown_table(
    unit: UnitData,
    by: str,
    *,
    weight: str | None = None,
    level: float = 0.95,
    min_n: int = DEFAULT_MIN_N,
    min_report_n: int = DEFAULT_MIN_REPORT_N,
    top_n: int | None = None,
) -> pd.DataFrame:
    """NPS by the values of ``by`` in the reporting period, best first.

    Groups under ``min_report_n`` are suppressed (kept with ``suppressed=True`` so the report
    can say they exist) and sorted last. Each shown group is also compared with the rest of
    the unit, with the false discovery rate over the breakdown's groups held at ``1 − level``
    (:func:`nps_kit.score.against_rest`: ``versus_unit`` is ``above``, ``below`` or NA).

    With ``top_n``, the ``top_n`` largest groups are shown
    and the rest pooled into one "Other" / "その他" group, placed after them.
    """
    from nps_kit.followup import keep_top
    from nps_kit.i18n import label

    rows = unit.current
    other = label("other", unit.language)
    if by in rows.columns:
        # One group per value, however its rows spell it (ﾐﾗｲ / ミライ: QA29 F3).
        rows = rows.assign(**{by: one_spelling(rows[by])})
    if top_n is not None and by in rows.columns:
        rows = rows.assign(**{by: keep_top(rows[by], top_n=top_n, other=other)})
    if by in rows.columns and rows[by].isna().any():
        # The blank answers are a group of their own, named as the report names them.
        blank = label("no_answer", unit.language)
        rows = rows.assign(**{by: rows[by].astype(object).where(rows[by].notna(), blank)})
    table = against_rest(
        rows,
        by=by,
        weight=weight,
        level=level,
        min_n=min_n,
        min_report_n=min_report_n,
    )
    table["_other"] = (table[by].astype(object) == other) if top_n is not None else False
    table = table.sort_values(["suppressed", "_other", "nps"], ascending=[True, True, False])
    return table.drop(columns="_other").reset_index(drop=True)


def contact_allowed(values: pd.Series, *, words: ConsentWords | None = None) -> pd.Series:
    """Whether each answer grants permission to contact (:func:`nps_kit._consent.consent_answer`).

    Only a yes grants it: a no, a blank and an answer read as neither do not. ``words``: the
    unit's own consent answers (``contact.consent_yes`` / ``consent_no``), read first.
    """
    return read_consent(values, words=words).fillna(False).astype(bool)


def _its_yes_and_no(values: Sequence[str]) -> tuple[str, str]:
    """Return a "Do not contact" column's first yes and no, as written (``yes``/``no`` if none).

    What the refusals name for its answers listed the other way round (QA31 F4).
    """
    grant, refuse = reversed_words(values)
    return refuse[0], grant[0]


def consent_problem(
    values: pd.Series,
    *,
    column: str,
    words: ConsentWords | None = None,
    language: Language = "en",
) -> str | None:
    """Say why ``values`` cannot be a consent column (``columns.contact``), else ``None``.

    :func:`contact_allowed` reads anything but a yes (はい, yes, true, 1 …) as no, so a column
    with not one yes/no answer (QA20: the form's phone-number question) would silently list
    nobody. A column whose cells are all blank says nothing either way and is let through.
    A column that asks whether *not* to contact ("Do not contact",
    :func:`nps_kit._consent.asks_refusal`) is refused unless the unit lists its answers the
    other way round (``contact.consent_yes`` / ``consent_no``), as ``init --from`` does.

    Parameters
    ----------
    values
        The column's cells (any rows; its distinct values are enough).
    column
        Its name, for the message.
    words
        The unit's own consent answers (``contact.consent_yes`` / ``consent_no``).
    language
        The message's language: the unit's (FIX87: ``run`` refused a Japanese unit in English).

    Returns
    -------
    str or None
        ``"columns.contact: '<column>' holds no yes/no answers, …; its values are …."`` with
        up to five of its values, or ``None`` when half or more of its distinct values read
        as a yes or a no (:func:`nps_kit._consent.reads_as_consent`).
    """
    seen = [cell_text(v) for v in pd.unique(values.dropna())]  # 1.0 reads as 1, as when listing
    seen = [v for v in seen if v]
    if asks_refusal(column) and not words and seen:
        # QA31 F4: "Do not contact" yes/no read as consent listed exactly the wrong people.
        yes, no = _its_yes_and_no(seen)
        quote = _quote(language)
        return t(
            "consent.reversed",
            language,
            column=quote(column),
            yes=quote(yes),
            no=quote(no),
            yes_word=yes,
            no_word=no,
        )
    # Most of a consent column's answers read as yes or no; a comment column set by mistake
    # has the odd 「連絡不要」 among its texts (QA21's wider reading must not let it through).
    read, _ = consent_read(seen, words=words)
    if not seen or reads_as_consent(seen, words=words):
        return None
    quote = _quote(language)
    listed = join_names((quote(v) for v in seen[:5]), language)
    more = t("consent.unread_more", language, n=f"{len(seen) - 5:,}") if len(seen) > 5 else ""
    if not read:
        return t("consent.no_answers", language, column=quote(column), listed=listed, more=more)
    return t(
        "consent.few_answers",
        language,
        column=quote(column),
        read=f"{read:,}",
        n=f"{len(seen):,}",
        listed=listed,
        more=more,
    )


def _quote(language: Language) -> Callable[[object], str]:
    """How a message quotes a column or an answer: 「…」 in Japanese, ``repr`` in English."""
    return (lambda v: f"「{v}」") if language == "ja" else repr


def consent_unread(
    values: pd.Series,
    *,
    column: str,
    words: ConsentWords | None = None,
    language: Language = "en",
) -> str | None:
    """Name the answers of an accepted consent column that read as neither yes nor no.

    A column most of whose answers read as consent is used (:func:`consent_problem`); its
    other answers never grant contact. Said, so that answers the export words its own way
    ("Happy to be contacted", a code 2) can be listed under ``contact.consent_yes`` /
    ``contact.consent_no`` instead of silently leaving people out.

    Parameters
    ----------
    values
        The column's cells (any rows; its distinct values are enough).
    column
        Its name, for the message.
    words
        The unit's own consent answers.
    language
        The warning's language (``alerts`` of a Japanese unit: FIX83; ``run`` speaks English).

    Returns
    -------
    str or None
        The warning, naming up to five such answers; ``None`` when every answer reads (or the
        column is refused as a whole: :func:`consent_problem` says why).
    """
    if consent_problem(values, column=column, words=words) is not None:
        return None
    unread = unread_answers(values, words=words)
    if not unread:
        return None
    quote = _quote(language)
    listed = join_names((quote(v) for v in unread[:5]), language)
    more = t("consent.unread_more", language, n=f"{len(unread) - 5:,}") if len(unread) > 5 else ""
    return t("consent.unread", language, column=quote(column), listed=listed, more=more)


def consent_left_unset(
    columns: Sequence[str],
    distinct: Callable[[str], pd.Series],
    *,
    details: Sequence[str],
    words: ConsentWords | None = None,
    language: Language = "en",
) -> tuple[str, str] | None:
    """Name a consent question of the export while ``columns.contact`` is null (QA21).

    With ``columns.contact: null`` each contact detail a respondent filled counts as their
    consent, which is right only when the survey asks no consent question: with one, the work
    files would give the details of the people who said no.

    Parameters
    ----------
    columns
        The export's columns.
    distinct
        Gives a column's distinct values.
    details
        ``columns.contact_details``, which are never the consent question.
    words
        The unit's own consent answers (``contact.consent_yes`` / ``consent_no``).
    language
        The message's and hint's language: the unit's (FIX87).

    Returns
    -------
    tuple of str or None
        ``(message, hint)`` naming the first column whose name asks for consent (連絡,
        contact, consent …) and whose few answers (at most 12) are a choice, with its values;
        ``None`` when there is none.
    """
    quote = _quote(language)
    for column in consent_questions(columns, distinct, skip=details):
        values = [v for v in (cell_text(x) for x in pd.unique(distinct(column).dropna())) if v]
        listed = join_names((quote(v) for v in values[:6]), language)
        refusal = asks_refusal(column) and not words
        # REVIEW34: a "Do not contact" column's refusers said yes, not no.
        asks, who = (
            ("consent.asks_refusal", "consent.who_refused")
            if refusal
            else ("consent.asks_consent", "consent.who_said_no")
        )
        message = t(
            "consent.left_unset",
            language,
            column=quote(column),
            asks=t(asks, language),
            listed=listed,
            who=t(who, language),
        )
        setting = repr(column)  # as the parameter file writes it
        if refusal:
            # Its yes refuses: set as init --from writes it (FIX74: "Set columns.contact" alone
            # led to a second refusal, consent_problem's).
            yes, no = _its_yes_and_no(values)
            return message, t(
                "consent.hint_reversed", language, setting=setting, yes_word=yes, no_word=no
            )
        if consent_problem(pd.Series(values), column=column, words=words) is None:
            return message, t("consent.hint_set", language, setting=setting)
        return message, t("consent.hint_words", language, setting=setting)
    return None


#: What to do about :func:`consent_problem`, in English (:func:`consent_hint`).
CONSENT_HINT = t("consent.hint", "en")


def consent_hint(language: Language) -> str:
    """Say what to do about :func:`consent_problem` in ``language`` (the unit's)."""
    return t("consent.hint", language)


def _export_columns(data: pd.DataFrame) -> list[str]:
    """Return the export's own columns, without those the loader and prepare_unit add."""
    return [str(c) for c in data.columns if not str(c).startswith("nps_") and c not in _ADDED]


_ADDED = ("period", "segment")


def _require(data: pd.DataFrame, column: str, option: str) -> None:
    if column not in data.columns:
        raise missing_column(column, _export_columns(data), option=f"columns.{option}")


def _unfinished(unit: UnitData) -> str | None:
    """Count the period's valid answers from responses Qualtrics marks unfinished.

    Qualtrics records a respondent who left after answering some questions (``Finished``
    False, ``Progress`` under 100). One who answered the 0–10 question counts in the NPS like
    any other, but the reader should know how many did not finish. ``None`` when the export
    has no such column; "unknown", with the values found, when no cell of it could be read.
    """
    if "nps_finished" not in unit.current.columns:  # the loader reads Qualtrics' Finished
        return None
    if unit.load.finished_unread is not None:
        return t(
            "quality.unfinished_unknown",
            unit.language,
            column="Finished",
            values=_finished_values(unit.load.finished_unread, unit.language),
        )
    unfinished = unit.current["nps_finished"].astype("boolean").eq(False).fillna(False)
    valid = unit.current["nps_status"].astype(str) == "valid"
    return f"{int((valid & unfinished).sum()):,}"


def _finished_values(values: Sequence[str], lang: Language) -> str:
    """Say the values found in an unreadable ``Finished`` column: ``'Yes', 'No'``."""
    if not values:
        return t("quality.blanks_only", lang)
    return join_names((repr(v) for v in values), lang)


def _duplicates_dropped(unit: UnitData) -> int:
    """Count the rows of the period that ``dedupe`` dropped as repeats of the unit's rows.

    A dropped row is the unit's when the row it repeats is, and the period's when it was sent
    in the period (REVIEW26: a December repeat of a November response was counted in
    November); a dropped row without a readable date is counted where the row it repeats is.
    """
    report = unit.load
    kept = unit.responses.set_index("nps_row")["period"]
    kept = kept[~kept.index.duplicated()]
    repeated = pd.Series(report.duplicate_of, dtype="int64")
    theirs = kept.reindex(repeated).to_numpy(dtype=object)
    dates = list(report.duplicate_dates) or [None] * len(repeated)
    own = [None if d is None else str(d)[:7] for d in dates]
    periods = [o if o is not None else k for o, k in zip(own, theirs, strict=True)]
    ours = repeated.isin(kept.index).to_numpy(dtype=bool)
    return int(sum(1 for o, p in zip(ours, periods, strict=True) if o and p == unit.period))


def _repeats_in_period(unit: UnitData, columns: Sequence[str]) -> int:
    """Count the period's rows that repeat, in ``columns``, an earlier row of the unit.

    Earlier in time (then in the file): an id answered in October and again in November is
    a repeat in November's table, not in October's. The data-quality rows below "Rows in the
    period" are the period's (QA25: a unit's 12 months of double submissions, 7, shown beside
    the month's 19 rows).
    """
    if not len(unit.current):
        return 0
    rows = unit.responses.sort_values("nps_date", kind="stable", na_position="last")
    values = rows[list(columns)]
    values = values.dropna() if len(columns) == 1 else values
    repeated = values.astype("string").duplicated()
    return int((rows.loc[values.index, "period"] == unit.period)[repeated].sum())


def _drop_key_said(report: LoadReport, lang: Language) -> str:
    """Say how a drop's files were matched: by the id, the id and date, the date or the row."""
    key, date = report.drop_key, report.date_column or ""
    if not key:
        return t("quality.drop_key.row", lang)
    if len(key) > 1:
        return t("quality.drop_key.id_date", lang, id=key[0], date=date)
    if key[0] == date:
        return t("quality.drop_key.date", lang, date=date)
    return t("quality.drop_key.id", lang, id=key[0])


# A column named in a data-quality row: a whole survey question (QA30's city heading of 140
# characters) filled a phone's label column for 15 lines (BROWSE31). Its start tells it apart.
_MENTION_CELLS = 40


def _mention(column: str | None) -> str | None:
    """Return ``column`` as a data-quality row names it: up to 40 cells, then an ellipsis.

    Wide (CJK) characters count two cells (:func:`nps_kit._width.display_width`); a cut
    inside an English word goes back to the space before it. Line breaks and runs of spaces
    are one space.
    """
    if not column:
        return column
    text = " ".join(column.split())
    cells = 0
    at = len(text)
    for i, char in enumerate(text):
        cells += display_width(char)
        if cells > _MENTION_CELLS:
            at = i
            break
    if at == len(text):
        return text
    cut = text[:at]
    if text[at].isalnum() and cut[-1:].isalnum() and " " in cut:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" 、。,.;:：-（(") + "…"


def _said(key: str, report: LoadReport) -> str:
    """Return a row's words: a drop's row count is before repeats were removed (FIX39 #2)."""
    return "rows_read_drop" if key == "rows_read" and report.files else key


def _unlabelled_said(rows: pd.DataFrame, report: LoadReport, lang: Language) -> str:
    """Say the codes of ``value_labels`` columns without a label among ``rows``, and how many.

    ``性別 3（4件）、年代 9（1件）``; ``""`` when the rows have none.
    """
    said = []
    for column, codes in zip(report.unlabelled_columns, report.unlabelled_codes, strict=True):
        frame_column = export_column(column)
        if frame_column not in rows.columns:
            continue
        for code in codes.split("\t"):
            # A multi-select cell's code counts too (``Web;9``: 9).
            n = rows_with_code(rows[frame_column], code)
            if n:
                said.append(t("quality.unlabelled_code", lang, column=column, code=code, n=n))
    return join_names(said, lang)


def data_quality(
    unit: UnitData, *, id_column: str | None = None, ratings: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Data-quality facts for the report: what was read, used and excluded, and why.

    Parameters
    ----------
    unit
        The prepared unit.
    id_column
        Column with response ids, to count duplicates.
    ratings
        The period's :func:`nps_kit.followup.ratings_summary` table; adds a row counting the
        ratings left out as off the scale or not a number, per question (``0`` when none).

    Returns
    -------
    pandas.DataFrame
        Columns ``item`` (label in the unit's language) and ``value`` (text).
    """
    lang = unit.language
    current = unit.current
    months = int(unit.responses["period"].dropna().nunique())
    status = current["nps_status"].astype(str)
    report = unit.load
    dup = 0
    if id_column and id_column in unit.responses.columns:
        dup = _repeats_in_period(unit, [id_column])
    original = [c for c in unit.responses.columns if not str(c).startswith("nps_")]
    original = [c for c in original if c not in ("period", "segment")]
    exact = _repeats_in_period(unit, original)
    dates = unit.responses["nps_date"].dropna()
    unread = unit_unreadable_dates(unit)
    unparsed = 0 if unread is None else unread.count
    dash = "〜" if lang == "ja" else " – "
    date_range = f"{dates.min():%Y-%m-%d}{dash}{dates.max():%Y-%m-%d}" if len(dates) else "—"
    comma = "、" if lang == "ja" else ", "
    if unit.redacted:
        redacted = (
            # 「メールアドレス5件」, "email 5"
            comma.join(
                f"{t(f'quality.{k}', lang)}{v}件"
                if lang == "ja"
                else f"{t(f'quality.{k}', lang)} {v}"
                for k, v in unit.redactions.items()
                if v
            )
            or "0"
        )
    else:
        redacted = t("quality.off", lang)
    fmt = (report.format.upper() if lang == "ja" else report.format) + (
        f" ({report.source})" if report.source != "generic" else ""
    )
    if report.encoding:
        encoding = report.encoding.upper() if lang == "ja" else report.encoding
        fmt += comma + t("quality.encoding", lang, name=encoding)
    # The unit's rows (all its months) and their dates first, then the period's counts: a
    # count of the 12 months among the period's rows reads as the period's (QA25).
    rows = [
        ("source", unit.source.name),
        ("format", fmt),
        ("rows_read", f"{report.rows_read:,}"),
        ("unit_rows", f"{unit.unit_rows:,}"),
        ("dates", date_range),
        ("dates_unparsed", f"{unparsed:,}"),
        ("period_rows", f"{len(current):,}"),
        ("valid", f"{int((status == 'valid').sum()):,}"),
        ("missing", f"{int((status == 'missing').sum()):,}"),
        ("invalid", f"{int((status == 'invalid').sum()):,}"),
        ("duplicates", f"{dup:,}"),
        ("duplicate_rows", f"{exact:,}"),
        ("redacted", redacted),
    ]
    if unit.renamed:
        # QA29 F8: a renamed ward's trend goes on; the report says once what it was called.
        rows.insert(
            [k for k, _ in rows].index("unit_rows") + 1,
            (
                "previous_names",
                join_names(
                    (t("quality.named_until", lang, name=n, date=d) for n, d in unit.renamed),
                    lang,
                ),
            ),
        )

    def after(key: str) -> int:
        return [k for k, _ in rows].index(key) + 1

    undated = undated_answers(unit.responses)
    if undated:
        # Scored but in no period, so in none of the counts below (QA35 O2: LimeSurvey's
        # incomplete responses have no submitdate; the ward's report said nothing).
        rows.insert(after("dates_unparsed"), ("undated", f"{undated:,}"))
    if unit.unfinished_excluded is not None:
        # Left out with unfinished: exclude, so none of the counts above has them.
        rows.insert(after("invalid"), ("unfinished_excluded", f"{unit.unfinished_excluded:,}"))
    else:
        unfinished = _unfinished(unit)
        if unfinished is not None:
            rows.insert(after("valid"), ("unfinished", unfinished))
    if report.resubmission_of:
        # Double submissions (QA20: Google Forms, same answers seconds apart), dropped or not:
        # those of the period's rows.
        again = pd.Series(report.resubmission_of, dtype="int64")
        found = int(again.isin(current["nps_row"]).sum())
        rows.insert(after("duplicate_rows"), ("resubmissions", f"{found:,}"))
    if report.other_scale:
        # QA29 F6: answers of a value (a survey version) with no 0 where the rest have them,
        # counted as 0-10: the period's, and the unit's months' when the period has fewer.
        other = pd.Series(report.other_scale, dtype="int64")
        in_period = int(current["nps_row"].isin(other).sum())
        in_unit = int(unit.responses["nps_row"].isin(other).sum())
        if in_unit:
            said = f"{in_period:,}" + (
                ""
                if in_unit == in_period
                else t("quality.other_scale_unit", lang, n=f"{in_unit:,}")
            )
            rows.insert(after("invalid"), ("other_scale", said))
    if report.duplicates_dropped:
        # The period's own, like the duplicate counts above: the file's would blame every unit.
        rows.insert(after("redacted") - 1, ("dropped", f"{_duplicates_dropped(unit):,}"))
    if ratings is not None and len(ratings):
        every = ratings[ratings["segment"] == "all"]
        bad = [
            f"{label} {count:,}"
            for label, count in zip(every["label"], every["invalid"].astype(int), strict=True)
            if count
        ]
        rows.append(("invalid_ratings", ", ".join(bad) or "0"))
    unlabelled = _unlabelled_said(current, report, lang)
    if unlabelled:
        # A code the code table does not name is shown as written, never guessed (CODES40).
        rows.append(("unlabelled", unlabelled))
    if report.mojibake_cells:
        key = "repaired" if report.text_fixed else "not_repaired"
        rows.append(("mojibake", t(f"quality.{key}", lang, n=f"{report.mojibake_cells:,}")))
    # What the file's count has and no unit's does (QA23: 12 previews, said nowhere).
    left_out = [
        ("previews", report.preview_rows_dropped),
        ("blank_rows", report.blank_rows_dropped),
        ("totals_rows", len(report.totals_rows)),
        ("excluded_rows", report.excluded_rows),  # data.exclude: a staff test (QA30 F7)
    ]
    at = rows.index(("rows_read", f"{report.rows_read:,}")) + 1
    # A totals row is named with its file, row and why: a response wrongly taken for one can be
    # found and told (FIX71: a respondent named Summe).
    totals = report.totals_said(lang)
    shown = {"totals_rows": f"（{totals}）" if lang == "ja" else f" ({totals})"}
    rows[at:at] = [(key, f"{n:,}{shown.get(key, '')}") for key, n in left_out if n]
    if report.totals_kept:
        # A last row labelled Total kept as an answer, named so that it can be checked (FIX74).
        kept = report.totals_kept_said(lang)
        rows.insert(at + sum(1 for _, n in left_out if n), ("totals_kept", kept))
    if report.files:
        # A folder or glob read as one export: how many files, and the newest (QA24).
        # Each file with its rows, before and after repeats (FIX39 #2: only the newest).
        said = (
            join_names(
                (
                    t("quality.file_rows", lang, name=Path(f).name, n=f"{n:,}", kept=f"{k:,}")
                    for f, n, k in zip(
                        report.files, report.file_rows, report.file_kept, strict=False
                    )
                ),
                lang,
            )
            or f"{len(report.files):,} ({Path(report.files[-1]).name})"
        )
        rows[at:at] = [("files", said), ("drop_key", _drop_key_said(report, lang))] + (
            [("drop_repeats", f"{report.drop_repeats:,}")] if report.drop_repeats else []
        )
        if report.drop_replaced:
            # A later file's corrected answers, kept over the first file's (FIX39).
            where = join_names(report.drop_changed_in, lang)
            changed = f"{report.drop_replaced:,}" + (
                f"（{where}）" if lang == "ja" else f" ({where})"
            )
            rows.insert(at + 2 + bool(report.drop_repeats), ("drop_changed", changed))
    # Read from another way of writing them (１０, 10点, 令和8年) (QA24): the unit's own, as
    # the rows beside them count (BROWSE31: the file's count read as every unit's): the
    # period's scores beside its valid answers, the unit's dates beside their range.
    for key, written, among, before in (
        ("scores_rewritten", report.rewritten_rows, current, "valid"),
        ("scores_worded", report.worded_rows, current, "valid"),
        ("scores_decimal_comma", report.decimal_comma_rows, current, "valid"),
        ("era_dates", report.era_date_rows, unit.responses, "dates"),
    ):
        n = int(among["nps_row"].isin(written).sum()) if written else 0
        if n:
            rows.insert(after(before), (key, f"{n:,}"))
    # Which column was read another way (FIX37): an export may hold several 0-10 questions.
    named: dict[str, dict[str, object]] = {
        "unit_rows": {"n": months},
        "scores_rewritten": {"column": _mention(report.score_column)},
        "scores_worded": {
            "column": _mention(report.score_column),
            "example": _mention(report.worded_example),
        },
        "scores_decimal_comma": {"column": _mention(report.score_column)},
        "era_dates": {"column": _mention(report.date_column)},
        "other_scale": dict(
            zip(
                ("column", "value"),
                (_mention(report.other_scale_of[0]), *report.other_scale_of[1:]),
                strict=False,
            )
        )
        if report.other_scale_of
        else {},
    }
    return pd.DataFrame(
        {
            # "unit_rows" says how many months they span (QA22: "the 13 months shown" of 4).
            "item": [t(f"quality.{_said(k, report)}", lang, **named.get(k, {})) for k, _ in rows],
            "value": [v for _, v in rows],
        }
    )
