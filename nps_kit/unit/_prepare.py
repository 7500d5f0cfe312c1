"""Load an export and keep one unit's rows for its report (:func:`prepare_unit`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Literal

import pandas as pd

from nps_kit import clock
from nps_kit._consent import (
    ConsentWords,
)
from nps_kit._resubmit import DedupeKeep
from nps_kit._value_key import cell_text
from nps_kit._value_labels import ValueLabels, as_tables
from nps_kit.cache import normalise_key as _norm
from nps_kit.errors import DataError, closest, missing_column
from nps_kit.i18n import Language
from nps_kit.load import (
    LoadReport,
    LoadResult,
    UnreadableDates,
    export_column,
    load_responses,
    unfinished_refusal,
    unreadable_dates,
)
from nps_kit.periods import (
    WORDS,
    NamedBy,
    fiscal_named_by,
    fiscal_to_date,
    month_running,
    reporting_month,
)
from nps_kit.score import (
    segment,
)
from nps_kit.unit._data import UnitData, _export_columns


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
