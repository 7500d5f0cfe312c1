"""A columnar cache of a survey export: parse once per run, each unit reads only its rows.

``nps-kit run`` reads every export once through :func:`nps_kit.load.load_responses` (every
format the loader knows), keeps only the columns some unit uses, sorts the rows by unit and
date, and writes them to a Parquet file in small row groups. A unit then reads its own rows
and months with predicate pushdown (row groups whose statistics cannot match are never read),
so a kernel's memory and time depend on the unit's size, not the export's.

The file name is a hash of the export's SHA-256, the loader options and the kept columns, so
a later run reuses it while the input is unchanged and a changed export or option builds a new
one. The whole-file :class:`~nps_kit.load.LoadReport` is stored in the Parquet metadata, so a
report built from the cache shows the same data-quality facts as one built from the export.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from nps_kit._atomic import atomic_write, cannot_write
from nps_kit._value_key import value_key
from nps_kit.errors import DataError
from nps_kit.load import LoadReport, LoadResult, export_column, load_responses

if TYPE_CHECKING:
    import pyarrow as pa

__all__ = [
    "STALE_AFTER",
    "UNIT_KEY",
    "ExportCache",
    "build_cache",
    "normalise_key",
    "open_cache",
    "prune_stale",
    "read_rows",
]

#: Column added to the cache: the unit filter column's value, normalised as units compare it.
UNIT_KEY = "nps_unit"
_META = b"nps_kit.cache"
# 2: repetitive text columns stored dictionary-encoded; 3: nps_finished (Qualtrics);
# 4: a SurveyMonkey multi-select's option columns merged into one column; 5: the report says
# when Finished could not be read (finished_unread); 6: the rows dedupe's duplicates repeat
# (duplicate_of), so a unit counts its own; 7: a CSV's id column read as text (00123 kept);
# 8: double submissions (resubmission_of); 9: "NA", "None", "NULL" answers kept as written
# (a cache of 8 holds them as blanks); 10: a title row above the header skipped (title_rows);
# 11: Qualtrics' test responses (Status "Survey Test") dropped as previews are;
# 12: numbers that are text kept as written (07700900123), whole numbers with blanks whole;
# 13: Qualtrics' previews and tests left out of an export of numeric values (Status 1, 2, 9,
# 17) and of "Survey Preview Spam"
# 14: scores read from １０ or 10点 and Japanese-era dates counted (scores_rewritten, era_dates),
# an export's own nps_score kept as 'nps_score (export)'
# 15: a folder or glob read as one export (files, drop_repeats)
# 16: an export's own period and segment kept as 'segment (export)' (prepare_unit adds its own)
# 17: a totals row under the table (合計, Total) left out (totals_rows)
# 18: a response a later file of a drop changed is read from that file (drop_replaced)
# 19: a response corrected in a later file counted once, its other copies as repeats (REVIEW25)
# 20: the export's e-mail and phone columns named (reach), which the cache leaves out (FIX44)
# 21: dedupe keeps the earliest response of an id in time; the dropped rows' dates (FIX43)
# 22: a drop's responses named by their file and row there (nps_place, FIX43)
# 23: a drop's files matched by a per-response id alone, or the date without an id (drop_key)
# 24: scores written with a decimal comma (9,0) read as whole numbers and counted (QA26 #4)
# 25: a drop's blank ids and ids numbered afresh per file never matched; a corrected
# response keeps its first place (REVIEW27)
# 26: the zone the export's times were read in (timezone): a report notebook older than
# export_timezone reads the unit from the cache at the wall clock the run read (FIX55)
# 27: the columns that name places kept (places), for alerts' zone hint (FIX61)
# 28: dates read in an order only guessed (the tool, the zone) said in run (date_order_guess)
# 29: unit keys also one space and case-folded (value_key: one unit of ﾐﾗｲ and ミライ, FIX65)
# 30: the rows of a value whose answers have no 0 where the rest do (other_scale, QA29 F6)
# 31: rows the parameters leave out (data.exclude: a staff test) counted (excluded_rows, QA30 F7)
# 32: a last row labelled 合計/Total kept when its figures are one answer; each totals row's
# file, row and why (totals_at, totals_why, FIX71)
# 33: the rows of scores read from １０, 10点 or 9,0 and of era dates, for each unit's own count
# (FIX72)
# 34: a last row labelled Total with a lone 0-10 score kept and named (totals_kept, FIX74)
# 35: each totals row's file and row kept apart, worded in the reader's language (totals_in,
# totals_row, totals_kept_in, totals_kept_row, FIX77: 合計 (tot.csv row 152) in Japanese)
# 36: a LimeSurvey export's blank submitdate read as unfinished (nps_finished, finished_column,
# QA35 O2)
# 37: a grouped report's group column filled down, and its subtotal lines left out (grouped_by,
# QA36)
# 38: a multi-select question written one-hot (a 0/1 column per option) read as one column
# (MultiSelect.labels, QA36)
# 39: flags named is_/has_ (is_member, is_vip) and consent questions (consent_email) are each
# a column, not one multi-select 'is' or 'consent' (REVIEW37)
# 40: a grouped report's subtotal line under a group of one row (Count: 1) is left out and the
# group column filled down past it (REVIEW37)
# 41: Excel's Data → Subtotal lines (Osaka Average, 大阪 平均, Grand Count) left out (FIX89)
# 42: scores in circled or other scripts' digits (⑩, ١٠) counted with １０ (QA36 O4)
# 43: German/English subtotal lines (Zwischensumme, sub total) and IFERROR(SUBTOTAL(…)) lines left
# out (FIX94); a date without a time no longer a double submission beside timed dates (QA40)
# 44: scores written with words (10 - Extremely likely) counted, with an example (worded_rows,
# QA44)
_FORMAT = 44
# Small row groups let a unit of a few thousand rows skip almost all of a large export.
_ROW_GROUP = 8192


@dataclass(frozen=True)
class ExportCache:
    """One export's cache file and what the loader reported about the whole export.

    Attributes
    ----------
    path
        The Parquet file.
    source
        The export it was built from.
    sha256
        The export's SHA-256 when the cache was built.
    unit_column
        The column the rows are grouped by (its normalised value is in :data:`UNIT_KEY`), or
        ``None``.
    report
        The loader's report on the whole export.
    reach
        The export's e-mail and phone columns (:func:`nps_kit.closed_loop.export_reach`): the
        cache leaves them out unless a unit lists them, and the report names them (FIX44).
    timezone
        The zone the export's times were read in (the loader's ``timezone``): ``nps_date`` is
        its wall clock; ``None``, each time's as written (:func:`nps_kit.clock.export_zone`).
    places
        The export's columns that name places (:func:`nps_kit._zone_hint.place_columns`),
        kept so that alerts read from the cache find the zone a unit's rows point to (FIX61).
    """

    path: Path
    source: Path
    sha256: str
    unit_column: str | None
    report: LoadReport
    reach: tuple[str, ...] = ()
    timezone: str | None = None
    places: tuple[str, ...] = ()

    def columns(self) -> list[str]:
        """Return the cache's columns (the export's, as the rows keep them, and ``nps_…``)."""
        import pyarrow.parquet as pq

        return list(pq.read_schema(self.path).names)

    def distinct(self, column: str) -> pd.Series:
        """Return one column's distinct values over the whole export (empty when absent)."""
        import pyarrow.compute as pc
        import pyarrow.parquet as pq

        if column not in pq.read_schema(self.path).names:
            return pd.Series([], dtype=object)
        cells = pq.read_table(self.path, columns=[column])[column]
        return pd.Series(pc.unique(cells).to_pylist(), dtype=object)


def normalise_key(value: object) -> str:
    """Normalise a unit filter value the way units compare them (:func:`value_key`).

    NFKC, trimmed, one space, case-folded, ``1.0`` = ``1``: ``ﾐﾗｲﾓﾊﾞｲﾙ`` is ``ミライモバイル``
    (QA29 F2), ``North`` is ``north``.
    """
    return value_key(value)


def _key(sha256: str, options: dict[str, Any], columns: Sequence[str], unit: str | None) -> str:
    options = {k: list(v) if isinstance(v, tuple) else v for k, v in sorted(options.items())}
    blob = json.dumps(
        {
            "v": _FORMAT,
            "sha256": sha256,
            "options": options,
            "columns": sorted(columns),
            "by": unit,
        },
        sort_keys=True,
        default=str,
    )
    return hashlib.sha256(blob.encode()).hexdigest()[:24]


def build_cache(
    path: str | Path,
    *,
    cache_dir: str | Path,
    sha256: str,
    columns: Iterable[str] = (),
    unit_column: str | None = None,
    spare_dir: str | Path | None = None,
    **options: Any,
) -> ExportCache:
    """Return the cache of ``path``, building it when no cache for this input exists.

    Parameters
    ----------
    path
        The survey export.
    cache_dir
        Folder of the cache files (created when missing). Workers on other machines need it
        on a shared filesystem.
    sha256
        The export's SHA-256 (the runner computes it once for the manifest).
    columns
        The export's columns that some unit uses; the loader's ``nps_*`` columns are always kept.
    unit_column
        The column units are selected by (rows are sorted by it for pushdown).
    spare_dir
        Where to build the cache when ``cache_dir`` has none and cannot be written (a
        reports folder shared read-only; ``nps-kit alerts`` gives a folder of its own, removed
        when it ends). ``None``: ``cache_dir`` always, and an unwritable one raises ``OSError``.
    **options
        Loader options (``score_column``, ``date_column``, ``sheet``, ``encoding``,
        ``date_format``… see :func:`nps_kit.load.load_responses`); part of the cache's key.

    Returns
    -------
    ExportCache
        The cache, new or reused.

    Raises
    ------
    DataError
        What the loader raises for the export.
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    source = Path(path)
    wanted = sorted({c for c in columns if c} | ({unit_column} if unit_column else set()))
    name = f"{_key(sha256, options, wanted, unit_column)}.parquet"
    found = _reuse(Path(cache_dir) / name)
    if found is not None:
        return found
    if spare_dir is not None and cannot_write(Path(cache_dir)) is not None:
        # Run's cache folder is read-only here and lacks this cache: built aside (FIX64).
        cache_dir = spare_dir
        found = _reuse(Path(cache_dir) / name)
        if found is not None:
            return found
    target = Path(cache_dir) / name
    from nps_kit.closed_loop import export_reach

    loaded = load_responses(source, **options)
    frame = loaded.data
    report = loaded.report
    reach = export_reach(frame)
    from nps_kit._zone_hint import place_columns

    places = place_columns(frame)
    # The raw score and date cells stay too: the data-quality section reads them.
    wanted.extend(c for c in (report.score_column, report.date_column, report.weight_column) if c)
    # An export's own 'segment' or 'nps_score' is kept as 'segment (export)' (export_column).
    kept = {export_column(c) for c in wanted} | set(places)
    keep = [c for c in frame.columns if c in kept or str(c).startswith("nps_")]
    frame = frame[keep]
    table = pa.Table.from_pandas(_text_columns_as_strings(frame), preserve_index=False)
    repetitive = _repetitive(table)
    table = _dictionary_encode(table, repetitive)
    by = None if unit_column is None else export_column(unit_column)
    if by is not None and by in frame.columns:
        unit_keys, order = _group_by_unit(frame[by])
        if order is not None:
            table = table.take(pa.array(order))  # Arrow indices: not converted per column
        table = table.append_column(UNIT_KEY, unit_keys)
    meta = {
        "format": _FORMAT,
        "source": str(source),
        "sha256": sha256,
        "unit_column": unit_column,
        "report": _report_to_json(loaded.report),
        "reach": list(reach),
        "timezone": options.get("timezone"),
        "places": list(places),
    }
    table = table.replace_schema_metadata(
        {**(table.schema.metadata or {}), _META: json.dumps(meta).encode()}
    )
    stats = [UNIT_KEY, "nps_date", "nps_row"]
    atomic_write(
        target,
        lambda tmp: pq.write_table(
            table,
            tmp,
            row_group_size=_ROW_GROUP,
            compression="lz4",
            use_dictionary=repetitive,
            write_statistics=[c for c in stats if c in table.column_names],
        ),
    )
    prune_stale(cache_dir, source=source, sha256=sha256)
    return ExportCache(
        target, source, sha256, unit_column, loaded.report, reach, options.get("timezone"), places
    )


def _reuse(target: Path) -> ExportCache | None:
    """Return the cache at ``target`` when it exists and reads, else ``None``."""
    if not target.exists():
        return None
    try:
        cache = open_cache(target)
    except (DataError, OSError, ValueError):
        return None  # unreadable (e.g. an older format): built again
    try:
        os.utime(target)  # its last use, which prune_stale reads
    except OSError:
        pass  # a read-only shared cache folder: its age is its build time
    return cache


#: A cache of an earlier version of an export is removed once unused this long (seconds): long
#: enough that a run still reading it (two runs at once, one started before the export changed)
#: is never left without it, short enough that a daily extract keeps about two versions.
STALE_AFTER = 24 * 3600


def prune_stale(
    cache_dir: str | Path, *, source: str | Path, sha256: str, now: float | None = None
) -> list[Path]:
    """Remove the caches of earlier versions of ``source`` unused for :data:`STALE_AFTER`.

    A cache is keyed by the export's content, so each new version of a daily extract adds a
    file; without pruning the folder grows forever (QA19). Caches of other exports, of this
    version (other loader options or columns) and anything that is not a cache are kept.

    Returns
    -------
    list of pathlib.Path
        The files removed.
    """
    import time

    now = time.time() if now is None else now
    removed: list[Path] = []
    for path in Path(cache_dir).glob("*.parquet"):
        try:
            if now - path.stat().st_mtime < STALE_AFTER:
                continue
            cache = open_cache(path)
        except (DataError, OSError, ValueError):
            continue
        if cache.source == Path(source) and cache.sha256 != sha256:
            path.unlink(missing_ok=True)
            removed.append(path)
    return removed


def _group_by_unit(values: pd.Series) -> tuple[pa.Array, np.ndarray | None]:
    """Return the rows' unit keys once grouped, and the order that groups them.

    One stable sort on the units' integer codes: rows stay in file order within a unit, and
    a unit's rows are contiguous, so its read touches few row groups. Rows without a unit go
    last. The order is ``None`` when the rows are grouped already (nothing to move).
    """
    import pyarrow as pa

    # Normalise each distinct value once, not each row.
    raw, distinct = pd.factorize(values)
    names, keys = pd.factorize(
        np.array([normalise_key(v) for v in distinct], dtype=object), sort=True
    )
    codes = np.where(raw < 0, len(keys), names[raw] if len(names) else raw)
    if len(keys) < np.iinfo(np.int16).max:
        codes = codes.astype(np.int16)  # NumPy sorts 16-bit integers stably by radix sort
    order = None if (np.diff(codes) >= 0).all() else np.argsort(codes, kind="stable")
    grouped = codes if order is None else codes[order]
    labels = pa.array([*keys, None], pa.string())
    return labels.take(pa.array(grouped)), order


def _repetitive(table: pa.Table) -> list[str]:
    """Columns worth dictionary-encoding: few distinct values in the first row group.

    Encoding a column of free text or ids as a dictionary only costs time.
    """
    import pyarrow as pa
    import pyarrow.compute as pc

    head = table.slice(0, _ROW_GROUP)
    return [
        name
        for name, column in zip(head.column_names, head.columns, strict=True)
        if pa.types.is_dictionary(column.type)
        or pc.count_distinct(column).as_py() <= len(head) // 4
    ]


def _dictionary_encode(table: pa.Table, columns: list[str]) -> pa.Table:
    """Dictionary-encode the text columns among ``columns`` before the rows are regrouped.

    Regrouping then moves one integer per cell instead of its text, and the Parquet writer
    takes the dictionary as it is instead of building it again. :func:`read_rows` decodes
    them, so a unit's frame is the same.
    """
    import pyarrow as pa
    import pyarrow.compute as pc

    for name in columns:
        index = table.schema.get_field_index(name)
        kind = table.schema.field(index).type
        if pa.types.is_string(kind) or pa.types.is_large_string(kind):
            table = table.set_column(index, name, pc.dictionary_encode(table.column(index)))
    return table


def _text_columns_as_strings(frame: pd.DataFrame) -> pd.DataFrame:
    # Mixed object columns (numbers and text as the CSV reader left them) cannot go to Arrow
    # as they are; the loader keeps cell values as read, so store them as text.
    fixed = {}
    for column in frame.columns:
        if frame[column].dtype == object:
            fixed[column] = frame[column].astype("string")  # str() of each cell, blanks stay
    return frame.assign(**fixed) if fixed else frame


#: What to do when a report notebook's cache cannot be read (gone, or of an earlier format).
_REBUILD = (
    "Run nps-kit run again: it builds a new cache from the export. A report notebook run by "
    "hand reads the export itself with data_cache set to None."
)


def open_cache(path: str | Path) -> ExportCache:
    """Open a cache file written by :func:`build_cache`.

    Raises
    ------
    DataError
        When the file is not an nps-kit cache.
    """
    import pyarrow.parquet as pq

    path = Path(path)
    if not path.is_file():
        raise DataError(
            f"{path}: no such cache file: the run that wrote this notebook's data_cache built it, "
            "and it has since been removed or moved.",
            hint=_REBUILD,
            path=path,
        )
    metadata = pq.read_schema(path).metadata or {}
    if _META not in metadata:
        raise DataError(f"{path}: not an nps-kit cache file.", path=path)
    meta = json.loads(metadata[_META])
    if meta.get("format") != _FORMAT:
        raise DataError(
            f"{path}: cache format {meta.get('format')} is not {_FORMAT}: it was written by an "
            "earlier nps-kit, which read the export differently.",
            hint=_REBUILD,
            path=path,
        )
    return ExportCache(
        path=path,
        source=Path(meta["source"]),
        sha256=meta["sha256"],
        unit_column=meta["unit_column"],
        report=_report_from_json(meta["report"]),
        reach=tuple(meta["reach"]),
        timezone=meta["timezone"],
        places=tuple(meta["places"]),
    )


def read_rows(
    cache: ExportCache,
    *,
    unit_values: Sequence[object] | None = None,
    start: pd.Timestamp | None = None,
    end: pd.Timestamp | None = None,
    columns: Sequence[str] | None = None,
) -> LoadResult:
    """Read one unit's rows (and months) from the cache.

    Parameters
    ----------
    cache
        From :func:`build_cache` or :func:`open_cache`.
    unit_values
        Keep rows whose unit column is one of these (compared after :func:`normalise_key`);
        ``None`` keeps every unit.
    start, end
        Keep rows dated in ``[start, end)``; rows without a readable date are always kept (the
        data-quality section counts them).
    columns
        Read only these of the export's columns (those the cache lacks are left out) and the
        loader's ``nps_*`` columns; ``None`` reads every column. ``nps-kit alerts`` reads the
        few it needs (FIX61).

    Returns
    -------
    LoadResult
        The rows, in export order, with the whole export's report.
    """
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.dataset as ds

    condition = None
    if unit_values is not None:
        if cache.unit_column is None:
            raise DataError(
                f"{cache.path}: the cache is not grouped by a unit column.", path=cache.path
            )
        keys = sorted({normalise_key(v) for v in unit_values})
        condition = pc.field(UNIT_KEY).isin(keys)
    if start is not None or end is not None:
        date = pc.field("nps_date")
        window = date.is_valid()
        if start is not None:
            window = window & (date >= pd.Timestamp(start).to_datetime64())
        if end is not None:
            window = window & (date < pd.Timestamp(end).to_datetime64())
        window = window | date.is_null()
        condition = window if condition is None else condition & window
    dataset = ds.dataset(cache.path, format="parquet")
    names = None
    if columns is not None:
        wanted = set(columns)
        names = [
            n
            for n in dataset.schema.names
            if n in wanted or (n.startswith("nps_") and n != UNIT_KEY)
        ]
    table = dataset.to_table(columns=names, filter=condition)
    for index, field in enumerate(table.schema):
        if pa.types.is_dictionary(field.type):  # encoded by build_cache, text in the export
            table = table.set_column(
                index, field.name, table.column(index).cast(field.type.value_type)
            )
    frame = table.to_pandas(ignore_metadata=True)
    for field in table.schema:
        # Whole numbers with blanks stay whole, as the loader reads them (Int64, not 1.0).
        if pa.types.is_integer(field.type) and frame[field.name].dtype.kind == "f":
            frame[field.name] = frame[field.name].astype("Int64")
    frame = frame.drop(columns=[UNIT_KEY], errors="ignore")
    frame = frame.sort_values("nps_row", kind="stable").reset_index(drop=True)
    if "nps_status" in frame.columns:
        frame["nps_status"] = pd.Categorical(
            frame["nps_status"].astype(str), categories=["valid", "missing", "invalid"]
        )
    if "nps_score" in frame.columns:
        frame["nps_score"] = frame["nps_score"].astype("Int64")
    return LoadResult(data=frame, report=cache.report)


def _report_to_json(report: LoadReport) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for item in dataclasses.fields(report):
        value = getattr(report, item.name)
        if isinstance(value, pd.DataFrame):
            value = json.loads(value.to_json(orient="split", index=False, date_format="iso"))
        elif isinstance(value, pd.Timestamp):
            value = value.isoformat()
        elif isinstance(value, Path):
            value = str(value)
        out[item.name] = value
    return out


def _report_from_json(data: dict[str, Any]) -> LoadReport:
    values: dict[str, Any] = {}
    for item in dataclasses.fields(LoadReport):
        value: Any = data.get(item.name)
        if item.name == "path":
            value = Path(value)
        elif item.name in {"date_min", "date_max"} and value is not None:
            value = pd.Timestamp(value)
        elif item.name == "invalid":
            value = pd.DataFrame(value["data"], columns=value["columns"])
        elif item.name == "scale_said" and value is not None:
            # (key, ((name, value), ...)); a list of names (the other columns) as a tuple
            key, args = value
            value = (key, tuple((k, tuple(v) if isinstance(v, list) else v) for k, v in args))
        elif item.name in {
            "date_examples",
            "duplicate_of",
            "duplicate_dates",
            "resubmission_of",
            "other_scale",
            "other_scale_of",
            "rewritten_rows",
            "worded_rows",
            "decimal_comma_rows",
            "era_date_rows",
            "files",
            "totals_rows",
            "totals_in",
            "totals_row",
            "totals_why",
            "totals_kept",
            "totals_kept_in",
            "totals_kept_row",
            "drop_changed_in",
            "file_rows",
            "file_kept",
            "drop_key",
            "unlabelled_columns",
            "unlabelled_codes",
            "unlabelled_rows",
        }:
            value = tuple(value or ())
        elif item.name == "finished_unread" and value is not None:
            value = tuple(value)
        values[item.name] = value
    return LoadReport(**values)
