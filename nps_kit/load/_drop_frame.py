"""A drop (a folder or glob of exports) inspected file by file and read as one frame.

A later file may add columns, never lack one; a response a later file repeats is read once,
keyed by its id (and date, where the ids restart) or by its cells.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from nps_kit import _formats
from nps_kit.errors import DataError
from nps_kit.load._rows import _file_rows, _formula_labels


def _drop_layouts(
    files: Sequence[Path], *, sheet: str | int | None, encoding: str | None
) -> tuple[_formats.Layout, ...]:
    """Inspect each file of a drop; refuse a file that lacks a column an earlier file has.

    A later file may add columns: a question added during the year (QA40: Qualtrics' monthly
    exports from May on have ``Q6``), whose cells in the earlier files' rows are blank. A file
    without a column an earlier one has cannot be read with it, and when it also adds one, the
    question was most likely renamed (QA40: Google Forms heads a column with the question's
    current title, so its downloads after a rename carry the new one): said before any column
    is looked for, since looking for it in the first file alone sent the user to its old name.
    """
    layouts: list[_formats.Layout] = []
    seen: dict[str, Path] = {}  # each column, and the first file that has it
    for file in files:
        layout = _formats.inspect(file, sheet=sheet, encoding=encoding)
        _refuse_lacking(file, list(seen), layout.columns, seen)
        for column in layout.columns:
            seen.setdefault(column, file)
        layouts.append(layout)
    return tuple(layouts)


def _refuse_lacking(
    file: Path, before: list[str], columns: Sequence[str], where: dict[str, Path]
) -> None:
    """Raise the drop's message when ``file`` lacks one of the earlier files' ``before``."""
    missing = [c for c in before if c not in columns]
    if not missing:
        return
    extra = [c for c in columns if c not in before]
    said = [
        f"{label} {', '.join(map(repr, names))}"
        for label, names in (("lacks", missing), ("adds", extra))
        if names
    ]
    hint = (
        "A later file of a folder or glob in data.path may add columns to the earlier files' "
        "(a question added: the earlier responses are blank in it), never lack one. "
    )
    if extra:
        hint += (
            "A question renamed is one column lacked and one added: give the earlier files its "
            "new header, or, when each file holds every response so far (Google Forms' "
            "download, a cumulative export), point data.path at the latest file alone."
        )
    else:
        hint += "Export it again with them, or move it out."
    raise DataError(
        f"{file}: its columns differ from {where[missing[0]].name}'s: it {' and '.join(said)}.",
        hint=hint,
        path=file,
    )


@dataclass(frozen=True)
class _Drop:
    """A drop's files read as one frame (:func:`_read_drop`)."""

    frame: pd.DataFrame
    rows: np.ndarray
    layout: _formats.Layout
    repeats: int
    replaced: int
    changed_in: tuple[str, ...]
    file_rows: tuple[int, ...]
    file_kept: tuple[int, ...]
    starts: tuple[int, ...]
    key: tuple[str, ...] = ()
    formula: np.ndarray = field(default_factory=lambda: np.empty(0, dtype=object))


def _read_drop(
    files: tuple[Path, ...],
    layouts: tuple[_formats.Layout, ...],
    *,
    encoding: str | None,
    text_columns: tuple[str, ...],
    id_column: str | None,
    date_column: str | None,
) -> _Drop:
    """Read and concatenate a drop's files; return frame, row numbers, layout and repeats.

    Row numbers run on from one file to the next, as if the files were one sheet with each
    file's header rows in it. A response in a later file that an earlier file already has is
    read once: the first file's when every file has it alike (``repeats`` counts the later
    ones), the latest file's when a later file changed it (a correction: ``replaced`` counts
    the earlier answers left out, ``changed_in`` names the files whose answers were kept).
    The same response is the same id (a per-response id: no file repeats one; a survey tool
    may rewrite the date of an edited response, FIX43), else the same id and date (an id
    that repeats within a file, a customer's, or ids a form numbers afresh in each file),
    else the same date (no id), else the same row; a row with a blank in its key is matched
    as a whole row. A corrected response keeps the place it was first read at.
    """
    frames: list[pd.DataFrame] = []
    numbers: list[np.ndarray] = []
    origin: list[np.ndarray] = []
    formulas: list[np.ndarray] = []
    layout = layouts[0]
    offset = 0
    starts: list[int] = []
    seen: dict[str, Path] = {}
    for number, (file, each) in enumerate(zip(files, layouts, strict=True)):
        frame, each = _formats.read_frame(
            each, encoding_given=encoding is not None, text_columns=text_columns
        )
        # As read (a header repeated is numbered): _drop_layouts checked the headers.
        _refuse_lacking(file, list(seen), list(frame.columns), seen)
        for column in frame.columns:
            seen.setdefault(column, file)
        if number == 0:
            layout = each
        frames.append(frame)
        rows = _file_rows(each, len(frame))
        starts.append(offset)
        numbers.append(rows + offset)
        origin.append(np.full(len(frame), number))
        formulas.append(_formula_labels(each, len(frame)))
        offset += int(rows.max()) if len(rows) else each.header_rows
    # The columns a later file adds are blank in the earlier files' rows.
    frame = pd.concat(frames, ignore_index=True)[list(seen)]
    rows = np.concatenate(numbers)
    source = np.concatenate(origin)
    formula = np.concatenate(formulas)
    key = _drop_key(frame, source, id_column, date_column)
    if key:
        # The key as written (ids 007 and 7 are two people); the answers compared as read. A
        # row with a blank in its key names no response (REVIEW27: every blank id was one
        # response, and all but the last file's were dropped): it is matched as a whole row,
        # marked with a NUL no written key starts with.
        keyed = frame[list(key)].astype("string")
        blank = keyed.isna().any(axis=1)
        named = keyed.fillna("\0").agg("\t".join, axis=1)
        if blank.any():
            named[blank] = "\0row" + _whole_rows(frame.loc[blank]).astype(str)
    else:  # the same row: a changed one is another response
        named = _whole_rows(frame)
    text = named.to_numpy()
    by_key = pd.Series(source).groupby(text)
    first_file = by_key.transform("min").to_numpy()
    last_file = by_key.transform("max").to_numpy()
    # A later file's answer that differs from the first file's is a correction (FIX39 #1):
    # the latest file's answer is kept. Compared as each file's set of rows for the key,
    # only for the responses in more than one file.
    multi = last_file > first_file
    pairs = pd.DataFrame({"key": text[multi], "row": _row_hashes(frame.loc[multi])})
    early = pairs[source[multi] == first_file[multi]].drop_duplicates()
    late = pairs[source[multi] == last_file[multi]].drop_duplicates()
    both = early.merge(late, how="outer", on=["key", "row"], indicator=True)
    changed = both.loc[both["_merge"] != "both", "key"].unique()
    corrected = multi & pd.Series(text).isin(changed).to_numpy(dtype=bool)
    keep = np.where(corrected, source == last_file, source == first_file)
    # Responses, not rows: one changed in the third of three files left two copies out, and
    # "2 responses changed" was said of one (REVIEW25). Its other copies count as repeats.
    replaced = len(pd.unique(pd.Series(text[corrected & ~keep])))
    changed_in = tuple(dict.fromkeys(files[int(f)].name for f in source[corrected & keep]))
    # A corrected response keeps the place it was first read at: the team's returned work file
    # names it so (REVIEW27: the correction was listed again as overdue under its new place).
    rows = np.where(corrected & keep, pd.Series(rows).groupby(text).transform("first"), rows)
    if not keep.all():
        frame = frame.loc[keep].reset_index(drop=True)
        rows = rows[keep]
        formula = formula[keep]
    repeats = int((~keep).sum()) - replaced
    # Each file's rows, and those of them read (FIX39 #2: Data quality named only the folder).
    count = len(files)
    read = tuple(int(n) for n in np.bincount(source, minlength=count))
    kept = tuple(int(n) for n in np.bincount(source[keep], minlength=count))
    return _Drop(
        frame, rows, layout, repeats, replaced, changed_in, read, kept, tuple(starts), key, formula
    )


def _drop_key(
    frame: pd.DataFrame, source: np.ndarray, id_column: str | None, date_column: str | None
) -> tuple[str, ...]:
    """Return the columns that say two files' rows are one response (``()``: the whole row).

    A column names a response only when no file has one of its values twice: an id that
    repeats within a file is a customer's (then the id and the date), and a date that does is
    a day, not a submission time (then the whole row: two people's answers of one day in two
    files are two responses).
    """

    def unique_per_file(column: str) -> bool:
        values = frame[column].astype("string")
        present = values.notna().to_numpy(dtype=bool)
        pairs = pd.DataFrame({"file": source[present], "value": values[present].to_numpy()})
        return not pairs.duplicated().any()

    if id_column is not None:
        if date_column is not None and (
            not unique_per_file(id_column) or _ids_restart(frame, source, id_column, date_column)
        ):
            return (id_column, date_column)
        return (id_column,)
    if date_column is not None and unique_per_file(date_column):
        return (date_column,)
    return ()


def _whole_rows(frame: pd.DataFrame) -> pd.Series:
    """Return a hash of each row's cells as written: equal for rows alike in every cell."""
    return pd.util.hash_pandas_object(frame.astype("string").fillna("\0"), index=False)


def _ids_restart(frame: pd.DataFrame, source: np.ndarray, id_column: str, date_column: str) -> bool:
    """Say whether a drop's files number their responses afresh (1, 2, … in each file).

    A per-response id found again in a later file is the same response, its date perhaps
    rewritten by an edit (FIX43); but a form that numbers each month's answers from 1 gives
    November's 1 October's id (REVIEW27: November's answers were taken for corrections of
    October's). Such a file's ids are mostly earlier files' ids with other dates: when over
    half of any later file's rows are, the id names a response only with its date.
    """
    ids = frame[id_column].astype("string")
    dates = frame[date_column].astype("string")
    present = (ids.notna() & dates.notna()).to_numpy(dtype=bool)
    rows = pd.DataFrame(
        {"file": source[present], "id": ids[present].to_numpy(), "date": dates[present].to_numpy()}
    )
    first = rows.groupby("id", sort=False)[["file", "date"]].transform("first")
    moved = (rows["file"] > first["file"]) & (rows["date"] != first["date"])
    per_file = moved.groupby(rows["file"]).mean()
    return bool((per_file > 0.5).any())


def _row_hashes(frame: pd.DataFrame) -> np.ndarray:
    """Return a hash of each row's cells, alike for the same answer read from two files.

    A cell that reads as a number is taken as that number, so a score read as 9 from one
    file and as the text ' 9 ' from another (whose column also holds 無回答) is one answer.
    Hashed column by column (no per-row Python): a drop of 30,000 rows in 18 columns.
    """
    columns = {}
    for i, name in enumerate(frame.columns):
        text = frame[name].astype("string").str.strip()
        number = pd.to_numeric(text, errors="coerce").astype("Float64").astype("string")
        columns[i] = number.fillna(text).fillna("\0")
    cells = pd.DataFrame(columns, index=frame.index)
    return pd.util.hash_pandas_object(cells, index=False).to_numpy()
