"""One export read into the canonical frame: :func:`load_responses`.

A file, or a drop read as one, with every rule of the loader applied in order, and
:func:`parse_count`, how many exports this process has read.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import numpy as np
import pandas as pd

from nps_kit import _formats
from nps_kit._column_facts import ColumnFacts
from nps_kit._drop import drop_files, is_drop
from nps_kit._era import ERA_RE
from nps_kit._grouped_report import fill_group_column, group_column
from nps_kit._response_meta import NOT_RESPONSES, limesurvey_submitted, response_types
from nps_kit._resubmit import RESUBMISSIONS, DedupeKeep
from nps_kit._schema_errors import Listed
from nps_kit._totals import totals_labels, totals_rows
from nps_kit._value_key import value_key
from nps_kit._value_labels import Unlabelled, ValueLabels, apply_value_labels, as_tables
from nps_kit._values import (
    DECIMAL_COMMA_RE,
    MISSING_WORDS,
    OTHER_DIGITS,
    WORDED_SCORE,
    missing_words,
    missing_words_said,
    parse_scores,
)
from nps_kit.clock import order_guessed
from nps_kit.errors import DataError, Saying
from nps_kit.load._dates import _ERA_CANDIDATE, _check_dates, _dates_of, unreadable_dates
from nps_kit.load._drop_frame import _drop_layouts, _read_drop
from nps_kit.load._duplicates import _duplicates, _first, resubmitted_rows
from nps_kit.load._failures import (
    _as_written,
    _failures,
    _listing,
    _parse_weights,
    _Places,
    _refuse_dates,
)
from nps_kit.load._frame import LOADER_COLUMNS, UNIT_COLUMNS, export_column
from nps_kit.load._index import _resolve_column
from nps_kit.load._mojibake import _mojibake
from nps_kit.load._report import LoadReport, LoadResult, unfinished_refusal
from nps_kit.load._rows import _file_rows, _formula_labels
from nps_kit.load._scale import _check_scale

if TYPE_CHECKING:
    from nps_kit.load._dates import UnreadableDates

_parses = 0


def parse_count() -> int:
    """Return how many times :func:`load_responses` has read an export in this process.

    A cheap, real measure of how often a command parses exports: ``nps-kit run`` and
    ``nps-kit alerts`` parse each export once per loader options for all its units (FIX61), and
    tests compare this count before and after.
    """
    return _parses


def load_responses(
    path: str | Path,
    *,
    score_column: str = "score",
    date_column: str | None = None,
    weight_column: str | None = None,
    sheet: str | int | None = None,
    encoding: str | None = None,
    strict: bool = False,
    date_format: str | None = None,
    missing_values: Sequence[str] = (),
    fix_text: bool = False,
    id_column: str | None = None,
    dedupe: bool | Literal["resubmissions"] = False,
    dedupe_keep: DedupeKeep = "earliest",
    check_score: bool = True,
    unfinished: Literal["include", "exclude"] = "include",
    timezone: str | None = None,
    exclude: Sequence[tuple[str, Sequence[object]]] = (),
    value_labels: ValueLabels | None = None,
) -> LoadResult:
    """Read a survey export into the canonical response frame.

    Parameters
    ----------
    path
        CSV (UTF-8, UTF-8 with BOM, cp932 or UTF-16; comma, tab, semicolon or pipe; ``.gz``
        allowed), XLSX or Parquet file, plain or as exported by Qualtrics, SurveyMonkey or Google
        Forms.
    score_column
        Column with the 0–10 answers. For Qualtrics, the column id (``Q1``) or question text.
    date_column
        Column with the response date, parsed into ``nps_date``. Not guessed: a Google Forms
        timestamp is only used when named here.
    weight_column
        Column with non-negative weights, copied into ``nps_weight`` as float.
    sheet
        XLSX sheet name or 0-based index; the first sheet by default.
    encoding
        Text encoding of a CSV file, overriding detection (e.g. ``"cp932"``).
    strict
        Raise instead of counting when a score is invalid or a date cannot be read.
    date_format
        How to read dates like ``1/2/2026`` that could be either order: ``"month-first"``,
        ``"day-first"`` or a ``strftime`` pattern. Needed only when no day over 12 shows it.
    missing_values
        More score cell texts that mean "no answer" (``"Don't know"``, ``"わからない"``).
    fix_text
        Repair text garbled by a double decoding (``"Â¡Traduciendo!"``) with ftfy; such cells
        are always counted in ``report.mojibake_cells``.
    id_column
        Column with the response id: repeated ids are counted (and dropped with ``dedupe``).
    dedupe
        ``True`` drops rows identical to an earlier row and rows repeating an earlier row's
        id, keeping the earliest submitted (by ``date_column``; the first in the file among
        equal times, or without a date column); ``"resubmissions"`` also drops double
        submissions, the same answers sent again within a minute (:mod:`nps_kit._resubmit`),
        which are counted in ``report.resubmission_of`` either way.
    dedupe_keep
        Which response of a repeated id ``dedupe`` keeps: ``"earliest"`` (above) or
        ``"latest"`` submitted (the last in the file among equal times, or without a date
        column), as a ticket tool keeps a customer's re-rating (FIX83). Exact duplicates and
        double submissions keep their first copy either way (their answers are the same).
    check_score
        Refuse a score column whose answers are mostly not 0–10, and describe one that looks
        like 1–5 or 1–10 in ``report.scale_note``; ``False`` reads a file whose score column is
        not known yet (as :func:`nps_kit.inspect.inspect_export` does).
    unfinished
        What the unit does with the responses Qualtrics marks unfinished (``Finished``
        False): ``"include"`` counts them, ``"exclude"`` leaves them out. Every row is kept
        here (the unit leaves them out and counts those of its period,
        :func:`nps_kit.unit.prepare_unit`); the setting is checked against the export and
        kept in ``report.unfinished``, so the cache ``nps-kit run`` builds from a unit's
        parameters carries it to any report notebook.
    timezone
        The unit's IANA time zone: dates that carry their zone (a zone-aware Parquet column,
        ``2026-11-30T21:00:00Z``) are converted to it, so months and times are its wall clock.
        ``None`` keeps such a time's own wall clock (UTC for a UTC column). Naive dates are
        taken as the wall clock they are (see :func:`nps_kit._values.parse_date_values`).
    exclude
        ``(column, values)`` pairs (``data.exclude``): rows whose cell in ``column`` is one
        of ``values`` (compared as ``data.filter`` compares, :func:`value_key`) are no
        customer's response, a staff test say, and are left out before anything is counted;
        ``report.excluded_rows`` counts them (QA30 F7).
    value_labels
        ``{column: {code: label}}`` (``value_labels:``, a code table; or the same as pairs,
        as :meth:`~nps_kit.params.UnitParameters.loader_options` gives it): each coded cell of
        those columns is read as its label before anything else reads the frame
        (:func:`nps_kit._value_labels.apply_value_labels`), so filters, breakdowns and the
        score itself see labels; codes without a label stay as written and are counted in
        ``report.unlabelled_columns`` / ``unlabelled_codes`` / ``unlabelled_rows``.

    Returns
    -------
    LoadResult
        ``data`` (original columns plus ``nps_score``, ``nps_status``, ``nps_row``, when
        asked for ``nps_date`` and ``nps_weight``, and for a Qualtrics export with a
        ``Finished`` column ``nps_finished``: boolean, ``<NA>`` where unreadable) and ``report``.

    Raises
    ------
    DataError
        When the file cannot be read, a column does not exist, a weight is bad, the date column
        has no readable date or reads both ways, more than half the score answers are not
        0–10 (the message names the columns that look like 0–10), (with ``strict=True``) a
        score is invalid or a date cannot be read (``failures`` lists the bad cells), or
        ``unfinished="exclude"`` for an export that does not say who finished.
    ValueError
        When ``unfinished`` is neither ``"include"`` nor ``"exclude"``.

    Examples
    --------
    >>> result = load_responses("responses.csv", date_column="submitted_at")  # doctest: +SKIP
    >>> print(result.report.summary())  # doctest: +SKIP
    Read 512 rows from responses.csv (CSV, cp932, comma-separated).
    Scores: 505 valid, 4 missing, 3 invalid.
    Dates (submitted_at): 2026-10-01 to 2026-10-31.
    """
    if unfinished not in ("include", "exclude"):
        raise ValueError(f"unfinished must be 'include' or 'exclude', got {unfinished!r}")
    global _parses
    _parses += 1
    path = Path(path)
    files = drop_files(path) if is_drop(path) else ()
    layouts = _drop_layouts(files, sheet=sheet, encoding=encoding) if files else ()
    # A drop's columns are its last file's: files may add columns, never lack one.
    layout = layouts[-1] if layouts else _formats.inspect(path, sheet=sheet, encoding=encoding)
    score_col = _resolve_column(layout, score_column, "score_column")
    date_col = None if date_column is None else _resolve_column(layout, date_column, "date_column")
    weight_col = (
        None if weight_column is None else _resolve_column(layout, weight_column, "weight_column")
    )
    id_col = None if id_column is None else _resolve_column(layout, id_column, "id_column")
    excluded_by = [
        (_resolve_column(layout, column, "data.exclude.column"), values)
        for column, values in exclude
    ]
    coded = {
        _resolve_column(layout, column, "value_labels"): table
        for column, table in as_tables(value_labels).items()
    }
    text_columns = (id_col,) if id_col else ()
    if files:
        found = _read_drop(
            files,
            layouts,
            encoding=encoding,
            text_columns=text_columns,
            id_column=id_col,
            date_column=date_col,
        )
        frame, rows, layout = found.frame, found.rows, found.layout
        formula = found.formula
        drop_key = found.key
        repeats, replaced, changed_in = found.repeats, found.replaced, found.changed_in
        file_rows, file_kept = found.file_rows, found.file_kept
        places = _Places(files, found.starts)
        rows_read = len(frame) + repeats + replaced
    else:
        frame, layout = _formats.read_frame(
            layout, encoding_given=encoding is not None, text_columns=text_columns
        )
        rows_read = len(frame)
        rows = _file_rows(layout, rows_read)
        formula = _formula_labels(layout, len(frame))
        repeats = replaced = 0
        changed_in = ()
        file_rows = file_kept = ()
        drop_key = ()
        places = _Places()
    unlabelled: tuple[Unlabelled, ...] = ()
    if coded:
        # Codes become their labels first: every rule below reads the labels (CODES40).
        said_none = missing_words(missing_values) | missing_words(missing_values, typed=False)
        frame, unlabelled = apply_value_labels(frame, coded, missing=said_none)

    # One flag per row of the frame: a drop's repeats are already out of it (rows_read counts them).
    drop = np.zeros(len(frame), dtype=bool)
    blank = np.zeros(len(frame), dtype=bool)
    # An XLSX's subtotal lines of formulas saved without a value (FIX91): blank to pandas, said
    # with Excel's other subtotal lines, not as empty rows.
    lines = pd.notna(formula)  # None or a label (str), told in C (LOAD40)
    if len(frame) and (layout.format == "xlsx" or frame.shape[1] > 1):
        # Not only a sheet's: Google Sheets writes a row someone cleared as ",,,," to its CSV,
        # which the parser keeps (QA44: two such rows were a missing score and a duplicate).
        # In a file of one column a blank cell is that row's missing answer.
        blank = frame.isna().all(axis=1).to_numpy() & ~lines
        drop |= blank
    # A totals row under the table (合計,2400件,…) is no response (QA25).
    # Told by its figures, not its label alone (FIX71: a respondent named Summe was left out).
    # Each column's distinct values and dates, made once for every rule below (LOAD41).
    facts = ColumnFacts()
    found_totals = totals_rows(
        frame, date_column=date_col, score_column=score_col, blank=blank, lines=lines, facts=facts
    )
    totals = found_totals.flags
    # A grouped report names each group on its first row only (QA36): filled down.
    grouped_by = group_column(frame, totals, blank)
    if grouped_by is not None:
        frame[grouped_by] = fill_group_column(frame, grouped_by, totals, blank)
    totals_said = totals_labels(
        frame, totals, {int(i): str(formula[i]) for i in np.flatnonzero(lines)}
    )
    totals_files, totals_own = places.file_rows(rows[totals])
    # File and row kept apart, worded in the report's language where said (FIX77: a Japanese
    # report read "合計 (tot.csv row 152)").
    totals_in = tuple(name or path.name for name in totals_files)
    # A last row labelled Total kept as an answer (FIX74): named with its file and row.
    kept_flags = np.zeros(len(frame), dtype=bool)
    kept_flags[list(found_totals.kept)] = True
    kept_files, kept_own = places.file_rows(rows[kept_flags])
    totals_kept = totals_labels(frame, kept_flags)
    drop |= totals
    preview = np.zeros(len(frame), dtype=bool)
    if layout.source == "qualtrics" and "Status" in frame.columns:
        # "Export labels" writes words, "Export values" codes (1 = Survey Preview): the same
        # responses are left out of either (FIX31: the codes were all counted).
        status_text = response_types(frame["Status"])
        preview = status_text.isin(NOT_RESPONSES).fillna(False).to_numpy(dtype=bool)
        drop |= preview
    # Rows the parameters say are no response (a staff test, QA30 F7): one rule for every flow.
    excluded = np.zeros(len(frame), dtype=bool)
    for column, values in excluded_by:
        wanted = {value_key(v) for v in values}
        cells = frame[column].map(value_key, na_action="ignore")
        excluded |= (cells.isin(wanted).fillna(False) & ~drop).to_numpy(dtype=bool)
    drop |= excluded
    if drop.any():
        frame = frame.loc[~drop].reset_index(drop=True)
        rows = rows[~drop]

    when = None
    if id_col is not None and date_col is not None:
        # A repeated id keeps its earliest response in time (file order among equal or
        # unreadable times), as dedupe is documented to (REVIEW26: a December row above its
        # November twin in the file was kept); only the rows of a repeated id are read here.
        ids = frame[id_col]
        when = _dates_of(
            frame[date_col],
            (ids.duplicated(keep=False) & ids.notna()).to_numpy(dtype=bool),
            date_format=date_format,
            timezone=timezone,
            source=layout.source,
        )
    duplicate_rows, duplicate_ids, origin = _duplicates(
        frame, id_col, when=when, keep=dedupe_keep, facts=facts
    )
    own = np.arange(len(frame))
    again = own
    if date_col is not None:
        again = resubmitted_rows(
            frame,
            date_col,
            exact=origin != own,
            date_format=date_format,
            timezone=timezone,
            facts=facts,
        )
    resubmitted = again != own
    # The row each resubmission repeats, kept or not: a unit counts those of its own rows.
    resubmission_of = tuple(int(r) for r in rows[_first(again)[resubmitted]])
    if dedupe == RESUBMISSIONS:
        origin = _first(np.where(resubmitted, again, origin))
    dropped = origin != own
    # The row each dropped one repeats, as a spreadsheet row: a unit finds its own by it.
    duplicate_of = tuple(int(r) for r in rows[origin[dropped]]) if dedupe else ()
    # And each dropped row's own time: a unit counts those of its period (REVIEW26: a December
    # repeat of a November response was counted in November's data quality).
    duplicate_dates: tuple[str | None, ...] = ()
    if dedupe and date_col is not None and dropped.any():
        dropped_when = _dates_of(
            frame[date_col],
            dropped,
            date_format=date_format,
            timezone=timezone,
            source=layout.source,
        )[dropped]
        duplicate_dates = tuple(None if pd.isna(d) else d.isoformat() for d in dropped_when)
    if dedupe and dropped.any():
        frame = frame.loc[~dropped].reset_index(drop=True)
        rows = rows[~dropped]
    mojibake, frame = _mojibake(frame, fix=fix_text)

    parsed = parse_scores(frame[score_col], missing_values=missing_values, facts=facts)
    status = parsed.status.cat.codes.to_numpy()
    scale_note = None
    scale_said = None
    other_scale: tuple[int, ...] = ()
    other_scale_of: tuple[str, ...] = ()
    if check_score:
        scale_note, split, scale_said = _check_scale(
            frame, parsed, score_col, layout, missing_values, strict=strict, facts=facts
        )
        if split is not None:  # QA29 F6: their spreadsheet rows, for each unit's data quality
            other_scale = tuple(int(r) for r in rows[split.rows(frame).to_numpy()])
            other_scale_of = (split.column, split.value)
    bad = status == 2
    bad_rows = rows[bad]
    bad_values = frame[score_col][bad].tolist()
    bad_reasons = parsed.reason[bad].astype(str).tolist()
    invalid = _failures(bad_rows, score_col, bad_values, bad_reasons)
    if strict and len(bad_rows):
        bad_values = _as_written(layout, score_col, rows_read, bad_rows, bad_values, places)
        raise DataError(
            f"{path}: {len(bad_rows):,} invalid score(s) in column {score_col!r}: "
            f"{_listing(bad_rows, bad_values, places)}.",
            hint=f"Scores must be whole numbers 0–10 ({missing_words_said()} count as missing; "
            "data.missing_values adds more); fix these cells, or load without strict to count "
            "them as invalid.",
            path=path,
            failures=_failures(bad_rows, score_col, bad_values, bad_reasons, places),
        )

    # The export's own columns named like the loader's move aside before the loader writes.
    taken = (*LOADER_COLUMNS, *UNIT_COLUMNS)
    frame = frame.rename(columns={c: export_column(c) for c in taken if c in frame})
    frame["nps_score"] = parsed.score
    raw = frame[export_column(score_col)]
    rewritten_rows: tuple[int, ...] = ()
    decimal_comma_rows: tuple[int, ...] = ()
    worded_rows: tuple[int, ...] = ()
    worded_example = None
    if not pd.api.types.is_numeric_dtype(raw.dtype):
        # Each distinct cell once, mapped back by its code: a score column repeats a dozen texts
        # over every row (LOAD40: Python's regex went over each of 200,000 rows). The extra
        # last slot, False, is code -1's (a missing cell).
        if isinstance(raw.array, pd.arrays.ArrowStringArray):
            known = facts.distinct(raw)  # the score's codes, made once for the load (LOAD41)
            codes, distinct = known.codes, known.uniques.array
        else:
            codes, uniques = pd.factorize(raw.astype("string"), use_na_sentinel=True)
            distinct = uniques.array
        written = pd.Series(distinct, dtype="string").str.strip()
        # １０, ⑩ and 10点 are read as 10: counted, so the n can be trusted (QA24; QA36 O4:
        # circled digits, read through NFKC, were read but not counted).
        other = written.str.contains(OTHER_DIGITS, regex=True).fillna(False).to_numpy(bool)
        other = np.append(other, False)[codes]
        rewritten_rows = tuple(int(r) for r in rows[other & (status == 0)])
        # 9,0 is read as 9 (QA26 #4): said too.
        comma = written.str.match(DECIMAL_COMMA_RE.pattern).fillna(False).to_numpy(bool)
        comma = np.append(comma, False)[codes]
        decimal_comma_rows = tuple(int(r) for r in rows[comma & (status == 0)])
        # "10 - Extremely likely" is read as 10 (QA44): said too, with the most frequent one.
        worded = np.append(written.str.match(WORDED_SCORE.pattern).fillna(False), False)
        worded_rows = tuple(int(r) for r in rows[worded[codes] & (status == 0)])
        if worded_rows:
            common = np.bincount(codes[worded[codes] & (status == 0)]).argmax()
            worded_example = str(written.iloc[common])
    frame["nps_status"] = parsed.status
    frame["nps_row"] = rows
    if files:
        # A drop's row numbers run on from file to file, so a response without an id is named
        # by its file and its row there (FIX43: the report's detractor list cited 'row 51').
        names, own = places.file_rows(rows)
        frame["nps_place"] = pd.array(
            [f"{n}:{r}" for n, r in zip(names, own, strict=True)], dtype="string"
        )
    finished_unread = None
    finished_column = None
    submitted = limesurvey_submitted(frame.columns)
    if layout.source == "qualtrics" and "Finished" in frame.columns:
        finished_column = "Finished"
        # A respondent who left after some questions: Finished False (Progress under 100).
        finished = frame["Finished"].astype("string").str.strip()
        read = finished.str.casefold().map({"true": True, "1": True, "false": False, "0": False})
        read = read.astype("boolean")  # typed even when no cell reads (the cache needs a type)
        frame["nps_finished"] = read
        if read.isna().all():
            # Not one cell says who finished: unknown, which "0 unfinished" would hide.
            seen = finished.dropna()
            finished_unread = tuple(str(v) for v in seen[seen != ""].unique()[:3])
    elif submitted is not None:
        # LimeSurvey writes submitdate when the last page is sent: blank, never submitted.
        finished_column = submitted
        cells = frame[export_column(submitted)].astype("string").str.strip().str.casefold()
        frame["nps_finished"] = (~cells.fillna("").isin(MISSING_WORDS)).astype("boolean")
    date_min = date_max = None
    era_date_rows: tuple[int, ...] = ()
    unread: UnreadableDates | None = None
    date_order = None
    date_order_guess = None
    if date_col is not None:
        try:
            dates = facts.dates(
                frame[export_column(date_col)],
                date_format=date_format,
                timezone=timezone,
                source=layout.source,
            )
        except ValueError:
            # The one ValueError here: a date_format of no order and no pattern (MSG43).
            said = Saying("params.date_format", {"found": Listed([date_format])})
            raise DataError(
                said=Saying("load.sentence", {"said": said}, "load.date_format_hint"), path=path
            ) from None
        raw_dates = frame[export_column(date_col)]
        _check_dates(raw_dates, dates, date_col, path)
        date_order = dates.order
        if order_guessed(dates.order_evidence):
            date_order_guess = dates.order_evidence
        if not pd.api.types.is_numeric_dtype(raw_dates.dtype):
            # R8.11.3, 令和８年, 令和六年十二月一日: each a Japanese-era date. Only a cell with a
            # character past ASCII or an era letter first can be one: the rest, nearly every
            # cell of a large export, are passed over in C before Python's regex (LOAD40).
            text = raw_dates.astype("string")
            maybe = text.str.contains(_ERA_CANDIDATE, regex=True).fillna(False).to_numpy(bool)
            in_era = np.zeros(len(text), dtype=bool)
            if maybe.any():
                written = text[maybe].str.strip().str.normalize("NFKC")
                named = written.str.match("令和|平成|昭和|大正|明治")
                era = written.str.match(ERA_RE.pattern) | named
                in_era[maybe] = era.fillna(False).to_numpy(bool)
            in_era &= dates.dates.notna().to_numpy(bool)
            era_date_rows = tuple(int(r) for r in rows[in_era])
        frame["nps_date"] = dates.dates
        if dates.unparsed.any():
            unread = unreadable_dates(raw_dates, dates.dates, column=date_col, total=len(frame))
        if strict and unread is not None:
            _refuse_dates(raw_dates, dates.unparsed.to_numpy(), rows, unread, path, places)
        if dates.dates.notna().any():
            date_min, date_max = dates.dates.min(), dates.dates.max()
    if weight_col is not None:
        raw_weights = frame[export_column(weight_col)]
        frame["nps_weight"] = _parse_weights(raw_weights, rows, weight_col, path, places)

    report = LoadReport(
        path=path,
        format=layout.format,
        source=layout.source,
        encoding=layout.encoding,
        delimiter=layout.delimiter,
        sheet=layout.sheet,
        header_rows_skipped=layout.header_rows - 1 - layout.title_rows,
        rows_read=rows_read,
        preview_rows_dropped=int(preview.sum()),
        blank_rows_dropped=int(blank.sum()),
        excluded_rows=int(excluded.sum()),
        totals_rows=totals_said,
        totals_kept=totals_kept,
        totals_kept_in=tuple(name or path.name for name in kept_files),
        totals_kept_row=tuple(int(row) for row in kept_own),
        totals_in=totals_in,
        totals_row=tuple(int(row) for row in totals_own),
        totals_why=found_totals.why,
        n_valid=int((status == 0).sum()),
        n_missing=int((status == 1).sum()),
        n_invalid=int(bad.sum()),
        invalid=invalid,
        dates_unparsed=0 if unread is None else unread.count,
        date_min=date_min,
        date_max=date_max,
        score_column=score_col,
        date_column=date_col,
        weight_column=weight_col,
        timestamp_column=layout.timestamp_column,
        date_order=date_order,
        date_order_guess=date_order_guess,
        mojibake_cells=mojibake,
        text_fixed=fix_text and mojibake > 0,
        duplicate_rows=duplicate_rows,
        duplicate_ids=duplicate_ids,
        duplicates_dropped=int(dropped.sum()) if dedupe else 0,
        duplicate_of=duplicate_of,
        duplicate_dates=duplicate_dates,
        resubmission_of=resubmission_of,
        scale_note=scale_note,
        scale_said=scale_said,
        other_scale=other_scale,
        other_scale_of=other_scale_of,
        date_examples=() if unread is None else unread.examples,
        finished_unread=finished_unread,
        finished_column=finished_column,
        unfinished=unfinished,
        title_rows=layout.title_rows,
        title=layout.title,
        grouped_by=grouped_by,
        scores_rewritten=len(rewritten_rows),
        scores_decimal_comma=len(decimal_comma_rows),
        era_dates=len(era_date_rows),
        rewritten_rows=rewritten_rows,
        decimal_comma_rows=decimal_comma_rows,
        worded_rows=worded_rows,
        worded_example=worded_example,
        era_date_rows=era_date_rows,
        files=tuple(str(f) for f in files),
        drop_repeats=repeats,
        drop_replaced=replaced,
        drop_changed_in=changed_in,
        file_rows=file_rows,
        file_kept=file_kept,
        drop_key=drop_key,
        unlabelled_columns=tuple(u.column for u in unlabelled),
        unlabelled_codes=tuple("\t".join(u.codes) for u in unlabelled),
        unlabelled_rows=tuple(u.rows for u in unlabelled),
    )
    if unfinished == "exclude":
        refused = unfinished_refusal(path, report, has_finished="nps_finished" in frame.columns)
        if refused is not None:
            raise refused
    return LoadResult(data=frame, report=report)
