"""The follow-up work files beside a report, and the status file a team returns.

``reports/<period>/<unit>_followups.csv`` (UTF-8 with BOM, so that Excel shows Japanese) and
``<unit>_followups.xlsx`` hold the report's follow-up list plus empty ``owner``, ``status``,
``contacted_at`` and ``note`` columns for the team, headed in the unit's language (回答ID, 担当者,
状況, 連絡日, メモ … for a Japanese team; :func:`work_headers`), the breakdowns by their
labels. Whatever comes back is read under either language's headers. The notebook publishes
the list as a custom output (:data:`FOLLOWUPS_MIME`, never shown in the HTML); the runner writes
both files atomically once the unit succeeded (:func:`read_followups`, then
:func:`write_work_files`; :func:`write_from_notebook` does both for a notebook alone). A
re-run keeps what the team typed into either file (both merged per response id; where they
disagree on a cell the file saved last wins, and stderr says so). With
``columns.contact_details`` the runner adds the contact details of each listed person who
allowed contact, or, without a consent column, the details each one left
(:func:`with_contact_details`): they are looked up in the export, never pass through the
notebook, so the report and its saved notebook never hold them.

:func:`read_status` reads a returned file (the work file, or any CSV/XLSX with ``response_id``
and ``status`` and/or ``contacted_at``) for :func:`nps_kit.closed_loop.loop_status`.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

import nbformat
import numpy as np
import pandas as pd

from nps_kit import _channel, _formats
from nps_kit._consent import ConsentWords, refused
from nps_kit._yearless import WINDOW_DAYS, has_no_year, yearless_date
from nps_kit.clock import order_evidence_words
from nps_kit.closed_loop import FollowupList, restore_ids, rows_moved
from nps_kit.errors import DataError, closest
from nps_kit.i18n import LANGUAGES, Language, t
from nps_kit.load import parse_date_values, row_keys
from nps_kit.unit import contact_allowed

__all__ = [
    "FOLLOWUPS_MIME",
    "TEAM_COLUMNS",
    "StatusFile",
    "WorkFiles",
    "publish_followups",
    "read_followups",
    "read_status",
    "read_status_file",
    "with_contact_details",
    "work_files",
    "work_headers",
    "work_table",
    "write_from_notebook",
    "write_work_files",
]

FOLLOWUPS_MIME = "application/vnd.nps-kit.followups+json"
#: Columns the team fills in; empty in a new work file.
TEAM_COLUMNS = ("owner", "status", "contacted_at", "note")
#: The list's own columns (the breakdowns, headed by their labels, come between).
_LISTED = ("response_id", "date", "age_days", "score", "themes", "comment")


def work_headers(lang: Language, *, rows: bool = False) -> dict[str, str]:
    """Return the work file's header of each of its columns in ``lang``.

    English keeps the column names (``response_id``, ``contacted_at``), which scripts and the
    README use; Japanese uses the words of the report's follow-up table (回答ID, 連絡日). With
    ``rows`` (no ``columns.id``: the ids are the export's row numbers) the Japanese id column
    is headed as the report's list heads it, 行番号（ファイル）, not 回答ID (BROWSE35).
    """
    columns = (*_LISTED, *TEAM_COLUMNS)
    if lang == "en":
        return {c: c for c in columns}
    headers = {c: t(f"followup.{c}", lang) for c in columns}
    if rows:
        headers["response_id"] = t("followup.row_in_file", lang)
    return headers


def _with_headers(table: pd.DataFrame, lang: Language, *, rows: bool = False) -> pd.DataFrame:
    """Head ``table`` in ``lang``; a breakdown already called 状況 keeps its name alone."""
    taken = set(table.columns)
    return table.rename(
        columns={c: h for c, h in work_headers(lang, rows=rows).items() if h == c or h not in taken}
    )


def _id_headers() -> list[str]:
    """Every header a work file's id column may have: each language's, of ids and of rows."""
    found = [
        work_headers(lang, rows=rows)["response_id"] for lang in LANGUAGES for rows in (False, True)
    ]
    return list(dict.fromkeys(found))


def _with_columns(frame: pd.DataFrame) -> pd.DataFrame:
    """Rename the headers of a returned file, in any language, to the column names."""
    present = {str(c) for c in frame.columns}
    renames: dict[str, str] = {}
    for lang, rows in ((lang, rows) for lang in LANGUAGES for rows in (False, True)):
        for column, header in work_headers(lang, rows=rows).items():
            if header in present and column not in present and column not in renames.values():
                renames[header] = column
    return frame.rename(columns=renames)


@dataclass(frozen=True)
class WorkFiles:
    """The two work files of one unit and period."""

    csv: Path
    xlsx: Path
    #: Cells typed differently into the two files, as written on stderr by
    #: :func:`write_work_files` (the file saved last won each).
    conflicts: tuple[str, ...] = ()


def work_files(folder: Path, unit: str) -> WorkFiles:
    """Return where a unit's work files live in a period folder (whether or not they exist)."""
    return WorkFiles(csv=folder / f"{unit}_followups.csv", xlsx=folder / f"{unit}_followups.xlsx")


def work_table(followups: FollowupList) -> pd.DataFrame:
    """Return the follow-up list as the work file holds it: all text, team columns empty.

    The breakdown columns are headed by their labels, as in the report's follow-up table
    (ご利用目的, not the export's question 今回のご利用目的を教えてください。); a label that
    another column already has keeps the export's column name, so no two columns share a
    header.
    """
    table = followups.rows.astype("string").fillna("")
    for column in TEAM_COLUMNS:
        table[column] = ""
    taken = {str(c) for c in table.columns} | set(_LISTED) | set(TEAM_COLUMNS)
    renames: dict[str, str] = {}
    for column, label in followups.breakdowns:
        if label != column and label not in taken and column in table.columns:
            renames[column] = label
            taken.add(label)
    return table.rename(columns=renames)


def publish_followups(followups: FollowupList) -> None:
    """Hand the work table to the runner as a notebook output that the HTML never shows."""
    table = work_table(followups)
    data = {"columns": list(table.columns), "rows": table.to_numpy(dtype=object).tolist()}
    _channel.publish(FOLLOWUPS_MIME, data)


def read_followups(nb: nbformat.NotebookNode) -> pd.DataFrame | None:
    """Return the last work table published in an executed notebook, or ``None``."""
    found = _channel.read_last(nb, FOLLOWUPS_MIME)
    if found is None:
        return None
    return pd.DataFrame(found["rows"], columns=found["columns"], dtype="string")


def _read_typed(path: Path) -> pd.DataFrame | None:
    """Return the team columns of one work file's rows with anything typed, by response id."""
    if path.suffix == ".csv":
        # The encoding and delimiter as the returned file is read (read_status_file): Excel in
        # Japanese saves a CSV as cp932, which read as UTF-8 ended the re-run in a traceback.
        layout = _formats.inspect(path, sheet=None, encoding=None)
        frame = pd.read_csv(
            path,
            dtype=str,
            encoding=layout.encoding or "utf-8-sig",
            sep=layout.delimiter or ",",
            keep_default_na=False,
        )
    else:
        # As the CSV: what the team typed is kept as written ("NA", "None" are no blanks).
        frame = pd.read_excel(path, dtype=str, engine="openpyxl", keep_default_na=False)
        frame = frame.fillna("")
    frame = _with_columns(frame)
    if "response_id" not in frame.columns:
        return None
    kept = [c for c in TEAM_COLUMNS if c in frame.columns]
    # The response date too: a row whose id now names a response of another day (row-number
    # ids of an export sorted since) must not inherit what was typed (write_work_files).
    # With the score and comment, what a blank id's row (#12) is followed by (FIX88).
    dated = [c for c in ("date", "score", "comment") if c in frame.columns]
    frame = frame[["response_id", *kept, *dated]].astype(str)
    frame[kept] = frame[kept].apply(lambda c: c.str.strip())
    typed = (frame[kept] != "").any(axis=1)
    if not typed.any():
        return None
    return frame.loc[typed].drop_duplicates("response_id", keep="last").set_index("response_id")


def _as_written(path: Path) -> bool:
    """Whether ``path`` still has the whole-second time stamp the runner gave it.

    The runner stamps both work files with one whole second (:func:`_stamp`); a save by Excel,
    an editor or a script sets the time of that moment, whose nanoseconds are almost never
    zero. On a file system that keeps whole seconds only, every file looks unedited and both
    are merged (:func:`_read_team_columns`).
    """
    return path.stat().st_mtime_ns % 1_000_000_000 == 0


def _stamp(files: WorkFiles) -> None:
    """Give both freshly written work files one whole-second time stamp (:func:`_as_written`)."""
    now = time.time_ns() // 1_000_000_000 * 1_000_000_000
    for path in (files.csv, files.xlsx):
        os.utime(path, ns=(now, now))


def _read_team_columns(files: WorkFiles) -> tuple[pd.DataFrame | None, tuple[str, ...]]:
    """Return what the team typed into the work files, by response id, and the conflicts.

    Two people may each use one of the two files. When only one of them was saved since the
    run wrote both, it holds everything typed (the other is the run's copy): it alone is read,
    so a status changed or cleared there is taken as it is. Otherwise both are merged cell by
    cell, the file saved last winning where both hold different non-empty values; each such
    cell is described in the returned messages, so nothing is dropped silently.
    """
    existing = sorted(
        (p for p in (files.csv, files.xlsx) if p.is_file()), key=lambda p: p.stat().st_mtime_ns
    )
    edited = [p for p in existing if not _as_written(p)]
    if len(existing) == 2 and len(edited) == 1:
        existing = edited
    merged: pd.DataFrame | None = None
    conflicts: list[str] = []
    older: Path | None = None
    for path in existing:  # oldest first: the file saved last wins a conflict
        typed = _read_typed(path)
        if typed is None:
            continue
        if merged is None:
            merged, older = typed, path
            continue
        merged = merged.reindex(
            index=merged.index.union(typed.index, sort=False),
            columns=list(dict.fromkeys([*merged.columns, *typed.columns])),
        ).fillna("")
        for column in typed.columns:
            new = typed[column]
            old = merged.loc[new.index, column]
            for rid in new.index[(new != "") & (old != "") & (new != old)]:
                conflicts.append(
                    f"warning: {path.name} and {older.name if older else ''} differ for "
                    f"response {rid}, {column}: kept {new[rid]!r} from {path.name} (saved "
                    f"later) over {old[rid]!r}."
                )
            merged.loc[new.index, column] = new.where(new != "", old)
        older = path
    return merged, tuple(conflicts)


def with_contact_details(
    table: pd.DataFrame,
    responses: pd.DataFrame,
    *,
    id_column: str | None,
    contact_column: str | None,
    details: Sequence[str],
    words: ConsentWords | None = None,
) -> pd.DataFrame:
    """Add each listed person's contact details (``columns.contact_details``) after ``score``.

    Parameters
    ----------
    table
        The work table (:func:`work_table`), ``response_id`` first.
    responses
        The unit's responses as loaded (any months): the details are looked up by id among the
        rows whose ``contact_column`` allows contact, an id's latest such response winning.
    id_column
        The id column of the export; ``None`` when ids are row numbers (``nps_row``).
    contact_column
        The consent column: a row that does not allow contact never gives its details.
        ``None`` when the export has none: then each detail cell a respondent filled is their
        consent for that means (a "leave your number if you would like a call back" question),
        so the filled cells are copied and the empty ones stay empty.
    details
        The export's columns to copy, headed as in the export. A column the table already
        has (a breakdown) is not copied twice.
    words
        The unit's own consent answers (``contact.consent_yes`` / ``consent_no``).

    Returns
    -------
    pandas.DataFrame
        ``table`` with one text column per detail (empty where the id has none).
    """
    allowed = (
        # A detail left is consent, unless the export's consent question says no (QA26).
        responses.loc[~refused(responses, skip=details, words=words)]
        if contact_column is None
        else responses.loc[contact_allowed(responses[contact_column], words=words)]
    )
    if "nps_date" in allowed.columns:  # an id's latest response gives its details
        allowed = allowed.sort_values("nps_date", kind="stable", na_position="first")
    # A blank id is its row's: "" gave every blank-id person one address (REVIEW36).
    keys = row_keys(allowed, id_column).fillna("")
    found = allowed[list(details)].astype("string").set_axis(keys.to_numpy())
    found = found.loc[~found.index.duplicated(keep="last")]
    out = table.copy()
    at = list(out.columns).index("score") + 1 if "score" in out.columns else len(out.columns)
    for column in details:
        if column in out.columns:
            continue
        out.insert(at, column, out["response_id"].map(found[column]).fillna("").astype("string"))
        at += 1
    return out


@dataclass(frozen=True, eq=False)
class _TeamDates:
    """The date columns of a returned file as read, and how those that read both ways were."""

    dates: dict[str, pd.Series]
    #: The order ``3/4/2026`` was read in (``None``: no such dates, or nothing decided).
    order: str | None = None
    #: Why, when the dates read both ways and something other than the file's days decided:
    #: a catalogue key (``followup_files.why.*``) and its fields, said in the reader's
    #: language (MSG44: a Japanese report's box said it in English).
    why: tuple[str, dict[str, str]] | None = None
    #: Whether dates that read both ways were left unread: nothing decided their order.
    undecided: bool = False

    def note(self, what: str, lang: Language = "en") -> str | None:
        """Say which order the dates of ``what`` that read both ways were read in, and why."""
        if self.why is None or self.order is None:
            return None
        other = "day-first" if self.order == "month-first" else "month-first"
        key, fields = self.why
        if key == "followup_files.why.evidence":  # the file's own, recorded in English
            why = order_evidence_words(fields["evidence"], lang)
        else:
            why = t(key, lang, **{k: t(f"followup_files.{v}", lang) for k, v in fields.items()})
        return t(
            "followup_files.order_note",
            lang,
            what=what,
            order=t(f"followup_files.{self.order}", lang),
            example=t(f"followup_files.example.{self.order}", lang),
            why=why,
            other=t(f"followup_files.{other}", lang),
        )


def _team_dates(
    columns: dict[str, pd.Series], *, date_order: str | None, export_order: str | None
) -> _TeamDates:
    """Read the date columns of a file the team returned, in one order for the whole file.

    A spreadsheet saves every date of the file in its user's format, so the columns are
    decided together. The unit's ``timezone`` (``date_order``, :func:`nps_kit.clock.date_order`)
    says how its team writes dates; without it, dates that read both ways (3/4/2026 when
    no day is over 12) are read in the order the file's other dates show (a day over 12 in
    another column), then as its own evidence says (a 12-hour AM/PM clock,
    :func:`nps_kit.clock.export_date_order`), then in the order the unit reads its export's
    dates in (``export_order``: ``data.date_format``, or as detected, the evidence ``nps-kit
    init`` weighs). Left unread only when nothing decides.
    """
    free = {c: parse_date_values(v) for c, v in columns.items()}
    both_ways = [c for c, read in free.items() if read.ambiguous]
    if date_order is not None:
        dates = {c: parse_date_values(v, date_format=date_order).dates for c, v in columns.items()}
        zone: tuple[str, dict[str, str]] = ("followup_files.why.zone", {})
        return _TeamDates(dates, date_order, zone if both_ways else None)
    shown = {r.order for r in free.values() if r.order is not None and r.order_evidence is None}
    evidence = [r for r in free.values() if r.order_evidence is not None]
    if not both_ways:
        read = evidence[0] if evidence else None
        return _TeamDates(
            {c: r.dates for c, r in free.items()},
            read.order if read else (shown.pop() if len(shown) == 1 else None),
            _evidence(read.order_evidence) if read else None,
        )
    order: str | None
    why: tuple[str, dict[str, str]] | None
    if len(shown) == 1:
        order, why = shown.pop(), ("followup_files.why.other_dates", {})
    elif evidence:
        order, why = evidence[0].order, _evidence(evidence[0].order_evidence)
    elif export_order is not None:
        order = export_order
        why = ("followup_files.why.export", {"order": export_order})
    else:
        return _TeamDates({c: r.dates for c, r in free.items()}, undecided=True)
    dates = {
        c: parse_date_values(columns[c], date_format=order).dates if c in both_ways else r.dates
        for c, r in free.items()
    }
    return _TeamDates(dates, order, why)


def _evidence(why: str | None) -> tuple[str, dict[str, str]] | None:
    """Keep the file's own evidence for the order (:func:`nps_kit.clock.export_date_order`)."""
    return None if why is None else ("followup_files.why.evidence", {"evidence": why})


def write_work_files(
    table: pd.DataFrame,
    folder: Path,
    unit: str,
    *,
    lang: Language = "en",
    date_order: str | None = None,
    export_order: str | None = None,
    rows: bool = False,
) -> WorkFiles:
    """Write ``table`` as the unit's CSV (UTF-8 with BOM) and XLSX work files, atomically.

    Parameters
    ----------
    table
        The work table (:func:`work_table`).
    folder
        The period folder, ``reports/<period>``.
    unit
        The unit id.
    lang
        The language of the headers (:func:`work_headers`): the unit's report language.
    date_order
        How the team's spreadsheet writes ``3/12/2026`` (:func:`nps_kit.clock.date_order`):
        Excel rewrites the work file's dates in its user's format when it saves the CSV, and
        they are read back that way to tell whether a row still holds the same response.
    export_order
        The order the unit reads its export's dates in (``report.date_order`` of its load):
        without ``date_order``, the work file's dates that read both ways are read so, and
        stderr says it (:func:`_team_dates`).
    rows
        The ids are the export's row numbers (no ``columns.id``): headed so
        (:func:`work_headers`).

    Returns
    -------
    WorkFiles
        The two files written. Owner, status, contacted_at and note already typed into either
        existing file are kept for the same response ids, so re-running a period never throws
        away the team's work; where the two files hold different non-empty values for one
        cell, the file saved last wins and the cell is named on stderr (and in ``conflicts``).
    """
    from nps_kit._atomic import atomic_write  # the one home of atomic writes

    files = work_files(folder, unit)
    typed, conflicts = _read_team_columns(files)
    for message in conflicts:
        print(f"{unit}: {message}", file=sys.stderr)
    table = table.copy()
    if typed is not None:
        ids = table["response_id"]
        # A spreadsheet's 8609 is the export's 0008609, as the report's box reads it
        # (restore_ids): otherwise what the team typed on that row was dropped here.
        matched = restore_ids(
            pd.Series(typed.index, dtype="string"), pd.Index(ids.astype("string"))
        )
        typed = typed.set_axis(matched.ids.to_numpy())
        typed = typed.loc[~typed.index.duplicated(keep="last")]
        typed = _follow_blank_rows(typed, table)
        moved = pd.Series(False, index=table.index)
        if "date" in typed.columns and "date" in table.columns:
            was = ids.map(typed["date"]).astype("string").fillna("").str.strip()
            now = table["date"].astype("string").fillna("")
            read = _team_dates({"date": was}, date_order=date_order, export_order=export_order)
            moved = rows_moved(read.dates["date"], parse_date_values(now).dates)
            note = read.note(f"{files.csv.stem}.csv/.xlsx", lang)
            if note is not None:
                print(f"{unit}: note: {note}", file=sys.stderr)
            if read.undecided:
                print(
                    f"{unit}: warning: the dates of {files.csv.stem}.csv/.xlsx read both ways "
                    "(no day over 12) and nothing says which order, so whether the export's rows "
                    "moved since cannot be checked: set the unit's timezone to the team's.",
                    file=sys.stderr,
                )
            for rid, new, old in zip(ids[moved], now[moved], was[moved], strict=True):
                print(
                    f"{unit}: warning: response {rid} is dated {new} now but {old} in the work "
                    "files: its owner, status, contacted_at and note were not carried over (the "
                    "export's rows moved; set columns.id to a column unique to each response).",
                    file=sys.stderr,
                )
        for column in (c for c in typed.columns if c in TEAM_COLUMNS):
            carried = ids.map(typed[column]).astype("string").mask(moved)
            table[column] = carried.where(carried.notna(), table[column])
    table = _with_headers(table, lang, rows=rows)
    atomic_write(files.csv, lambda p: table.to_csv(p, index=False, encoding="utf-8-sig"))
    atomic_write(files.xlsx, lambda p: _write_xlsx(table, p, lang=lang))
    _stamp(files)
    return WorkFiles(csv=files.csv, xlsx=files.xlsx, conflicts=conflicts)


def _follow_blank_rows(typed: pd.DataFrame, table: pd.DataFrame) -> pd.DataFrame:
    """Re-key what was typed on a blank id's row (``#12``) to that response's row now.

    A response whose id cell is blank is named by its row (:func:`nps_kit.load.row_keys`),
    and a row is no name that lasts: the export pulled again with its rows sorted otherwise
    gives ``#12`` to another response, which then inherited the first one's 済 (FIX88). Such
    a typed row follows the one listed ``#`` response with its day, score and comment; one
    that matches none, or several, keeps its row unless a response that followed its key now
    has it (and :func:`nps_kit.closed_loop.rows_moved` still guards it by its day).
    """
    if not {"date", "score", "comment"} <= set(typed.columns) or not len(typed):
        return typed
    if not {"response_id", "date", "score", "comment"} <= set(table.columns):
        return typed

    def keys(frame: pd.DataFrame) -> pd.Series:
        day = pd.to_datetime(frame["date"].astype("string"), errors="coerce").dt.strftime("%F")
        score = pd.to_numeric(frame["score"].astype("string"), errors="coerce").astype("string")
        comment = frame["comment"].astype("string").fillna("").str.strip()
        return day.fillna("") + "\x1f" + score.fillna("") + "\x1f" + comment

    blank_now = table["response_id"].astype("string").str.startswith("#").fillna(False)
    now = pd.Series(
        table.loc[blank_now, "response_id"].astype("string").to_numpy(),
        index=keys(table.loc[blank_now]).to_numpy(),
    )
    now = now.loc[~now.index.duplicated(keep=False)]  # one response per key, or none
    ids = pd.Series(typed.index.astype("string"), index=typed.index)
    blank_typed = ids.str.startswith("#").fillna(False).to_numpy(dtype=bool)
    if not blank_typed.any() or now.empty:
        return typed
    found = keys(typed.loc[blank_typed].reset_index(drop=True)).map(now)
    moved = ids.copy()
    moved.loc[blank_typed] = found.fillna(pd.Series(ids[blank_typed].to_numpy())).to_numpy()
    out = typed.set_axis(moved.to_numpy())
    # A row taken by a response that followed its key is its: a typed row left there whose
    # own response matches none (gone, or its comment edited) does not cover it (REVIEW37:
    # the 済 of the response that moved was replaced by the gone one's note).
    followed = np.zeros(len(out), dtype=bool)
    followed[np.flatnonzero(blank_typed)[found.notna().to_numpy(dtype=bool)]] = True
    taken = moved[followed].to_numpy()
    out = out.loc[followed | ~moved.isin(taken).to_numpy(dtype=bool)]
    return out.loc[~out.index.duplicated(keep="last")]


#: The work file's columns that hold numbers: Excel sorts and filters them as numbers. Every
#: other cell stays text, so an id or a phone keeps its leading zeros.
_NUMBERS: Final = ("age_days", "score")


def _write_xlsx(table: pd.DataFrame, path: Path, *, lang: Language) -> None:
    headers = work_headers(lang)
    table = table.copy()
    for column in (headers[c] for c in _NUMBERS):
        if column in table.columns:
            text = table[column].astype("string").str.strip()
            table[column] = pd.to_numeric(text.mask(text == ""), errors="coerce").astype("Int64")
    with pd.ExcelWriter(path, engine="openpyxl") as writer:
        table.to_excel(writer, index=False, sheet_name="followups")
        sheet = writer.sheets["followups"]
        sheet.freeze_panes = "A2"
        for cells in sheet.columns:
            longest = max((len(str(c.value or "")) for c in cells), default=8)
            sheet.column_dimensions[cells[0].column_letter].width = min(60, max(10, longest + 2))


def write_from_notebook(
    nb: nbformat.NotebookNode,
    folder: Path,
    unit: str,
    *,
    lang: Language = "en",
    date_order: str | None = None,
    export_order: str | None = None,
    rows: bool = False,
) -> WorkFiles | None:
    """Write the work files from what an executed notebook published (nothing if it did not).

    ``lang`` is the language of their headers, the unit's report language; ``date_order``,
    ``export_order`` and ``rows`` as :func:`write_work_files`.
    """
    table = read_followups(nb)
    if table is None:
        return None
    return write_work_files(
        table,
        folder,
        unit,
        lang=lang,
        date_order=date_order,
        export_order=export_order,
        rows=rows,
    )


@dataclass(frozen=True, eq=False)
class StatusFile:
    """A returned status file as read, with the cells that could not be.

    Attributes
    ----------
    rows
        ``response_id`` (text, rows without one dropped), ``status``, ``owner`` (text, ``""``
        when blank), ``contacted_at`` and ``date`` (datetime, ``NaT`` when blank or unreadable)
        and ``contacted_unread`` (a contact date was typed but cannot be read: the person was
        contacted, on a day not known).
    unreadable
        One row per date cell that cannot be read: ``row`` (the file's row), ``column``,
        ``value``, ``reason``.
    order
        The order ``3/12/2026`` was read in (``None``: no such dates, or nothing decided).
    order_read
        How the file's dates were read (:func:`_team_dates`): :meth:`order_note` says it.
    """

    path: Path
    rows: pd.DataFrame
    unreadable: pd.DataFrame
    order: str | None = None
    order_read: _TeamDates | None = field(default=None, repr=False)
    #: The file's own header of each column read (連絡日 for ``contacted_at``).
    headers: dict[str, str] = field(default_factory=dict)
    #: The report's day: dates without a year were read in the weeks before it.
    today: dt.date | None = None

    def order_note(self, lang: Language = "en") -> str | None:
        """Say which order the file's dates that read both ways were read in and why, or None."""
        return None if self.order_read is None else self.order_read.note(str(self.path), lang)

    def warnings(self, lang: Language = "en") -> tuple[str, ...]:
        """Say each unreadable cell in ``lang``: where, its value, what was done, what to do.

        The column is named as the file heads it (連絡日 in a Japanese work file). A date typed
        without a year (12月4日) whose year cannot be told asks for the year.
        """
        records: list[dict[str, Any]] = self.unreadable.to_dict("records")  # type: ignore[assignment]
        return tuple(self._warning(f, lang) for f in records)

    def _warning(self, failure: dict[str, Any], lang: Language) -> str:
        column = failure["column"]
        words = {
            "path": self.path,
            "row": failure["row"],
            "column": self.headers.get(column, column),
            "value": failure["value"],
            "done": t(f"followup.date_done.{column}", lang),
        }
        if failure["reason"] == _BOTH_WAYS and (both := _both_ways(failure["value"])):
            return t(
                "followup.date_both_ways",
                lang,
                **words,
                day_first=both[0].isoformat(),
                month_first=both[1].isoformat(),
                iso=both[0].isoformat(),
            )
        if failure["reason"] == _NO_YEAR and self.today is not None:
            return t(
                "followup.date_no_year",
                lang,
                **words,
                today=self.today.isoformat(),
                weeks=WINDOW_DAYS // 7,
                example=_date_example(self.order),
            )
        hint = t("followup.date_hint", lang, example=_date_example(self.order))
        return t("followup.date_unread", lang, **words, hint=hint)


_NO_YEAR = "no year"
#: A date that reads as two days (2/12/2026) with nothing to say the team's order (QA24).
_BOTH_WAYS = "order ambiguous"


def _both_ways(value: object) -> tuple[dt.date, dt.date] | None:
    """Return the day-first and month-first readings of ``value`` when they are two days."""
    cell = pd.Series([value])
    day = parse_date_values(cell, date_format="day-first").dates.iloc[0]
    month = parse_date_values(cell, date_format="month-first").dates.iloc[0]
    if pd.isna(day) or pd.isna(month) or day.normalize() == month.normalize():
        return None
    return day.date(), month.date()


def _date_example(order: str | None) -> str:
    example = {"day-first": " or 3/11/2026", "month-first": " or 11/3/2026"}.get(
        order or "", " (or 2026/11/03, 2026年11月3日)"
    )
    return f"2026-11-03{example}"


def _date_hint(order: str | None) -> str:
    return t("followup.date_hint", "en", example=_date_example(order))


def read_status_file(
    path: Path,
    *,
    sheet: str | int | None = None,
    date_order: str | None = None,
    export_order: str | None = None,
    today: dt.date | None = None,
) -> StatusFile:
    """Read a returned status file, keeping the cells that cannot be read aside.

    Parameters
    ----------
    path
        CSV (any encoding the loader detects: UTF-8 with or without BOM, cp932, UTF-16) or
        XLSX, with ``response_id`` and ``status`` and/or ``contacted_at``; ``owner`` and
        ``date`` are read when present. The Japanese work file's headers (回答ID, 状況, 連絡日,
        担当者, 回答日) are read as these.
    sheet
        XLSX sheet; the first by default.
    date_order
        How the team writes ``3/12/2026`` (:func:`nps_kit.clock.date_order`): ``"day-first"``,
        ``"month-first"``, or ``None`` to let the file's dates decide.
    export_order
        The order the unit reads its export's dates in (``data.date_format``, or as detected:
        ``report.date_order`` of its load). Without ``date_order``, dates that read both ways
        and nothing in the file decides (3/4/2026 re-saved by Excel) are read so, and
        ``order_note`` says it; ``None`` leaves them unread.
    today
        The report's day. With it, a date typed without a year (``12月4日``, ``12/3``) is
        read when one date of the weeks up to it fits (:func:`nps_kit._yearless.yearless_date`);
        without it, or when none or two fit, the cell is unreadable and its warning asks for
        the year.

    Returns
    -------
    StatusFile
        The rows, and the date cells that cannot be read (a typo must not cost the unit its
        report: the follow-up box and the run say which cell).

    Raises
    ------
    DataError
        When the file cannot be read or lacks ``response_id`` or both ``status`` and
        ``contacted_at``.
    """
    layout = _formats.inspect(Path(path), sheet=sheet, encoding=None)
    # The id as the work file wrote it: 0055584 is text there, never the number 55584 (QA24).
    id_headers = _id_headers()
    frame, layout = _formats.read_frame(layout, encoding_given=False, text_columns=id_headers)
    headed = [str(c) for c in frame.columns]
    frame = _with_columns(frame)
    columns = [str(c) for c in frame.columns]
    headers = dict(zip(columns, headed, strict=True))
    if "response_id" not in columns or not {"status", "contacted_at"} & set(columns):
        wanted = "response_id" if "response_id" not in columns else "status or contacted_at"
        guess = closest(wanted.split()[0], columns)
        raise DataError(
            f"{path}: no column {wanted} in the status file; columns are "
            f"{', '.join(columns) or 'none'}.",
            hint=(f"Did you mean {guess!r}? " if guess else "")
            + "Return the work file <unit>_followups.csv with its header, or a table with "
            "response_id and status and/or contacted_at (in Japanese: 回答ID and 状況 and/or "
            "連絡日).",
            path=Path(path),
        )
    rows = frame.index.to_numpy() + layout.header_rows + 1
    ids = frame["response_id"].map(_text)
    out = pd.DataFrame({"response_id": ids})
    for column in ("status", "owner"):
        out[column] = frame[column].map(_text) if column in columns else ""
    failures: list[dict[str, Any]] = []
    out["contacted_unread"] = False
    raws = {
        column: frame[column] if column in columns else pd.Series(pd.NA, index=frame.index)
        for column in ("contacted_at", "date")
    }
    read = _team_dates(raws, date_order=date_order, export_order=export_order)
    for column, raw in raws.items():
        parsed = read.dates[column]
        blank = raw.map(_text) == ""
        unread = parsed.isna() & ~blank & (ids != "")
        for i in frame.index[unread]:
            day = None if today is None else yearless_date(raw[i], today=today, order=read.order)
            if day is not None:
                parsed[i] = pd.Timestamp(day)
                unread[i] = False
                continue
            reason = _NO_YEAR if has_no_year(raw[i], order=read.order) else "not a date"
            if read.order is None and _both_ways(raw[i]) is not None:
                reason = _BOTH_WAYS
            failures.append(
                {"row": int(rows[i]), "column": column, "value": raw[i], "reason": reason}
            )
        if column == "contacted_at":
            out["contacted_unread"] = unread.to_numpy()
        out[column] = parsed
    unreadable = pd.DataFrame(failures, columns=["row", "column", "value", "reason"])
    return StatusFile(
        path=Path(path),
        rows=out.loc[out["response_id"] != ""].reset_index(drop=True),
        unreadable=unreadable,
        order=read.order,
        order_read=read,
        headers=headers,
        today=today,
    )


def read_status(
    path: Path,
    *,
    sheet: str | int | None = None,
    date_order: str | None = None,
    export_order: str | None = None,
) -> pd.DataFrame:
    """Read a returned status file: the work file, or any table with the needed columns.

    Parameters
    ----------
    path, sheet, date_order, export_order
        As :func:`read_status_file`.

    Returns
    -------
    pandas.DataFrame
        :attr:`StatusFile.rows`.

    Raises
    ------
    DataError
        When the file cannot be read, lacks ``response_id`` or both ``status`` and
        ``contacted_at``, or has dates that cannot be read (every bad cell listed with its row;
        the report reads it with :func:`read_status_file` and says them instead).
    """
    read = read_status_file(path, sheet=sheet, date_order=date_order, export_order=export_order)
    failures = read.unreadable
    if len(failures):
        listing = "; ".join(
            f"row {f['row']} {f['column']} {f['value']!r}"
            for f in failures.head(20).to_dict("records")
        )
        raise DataError(
            f"{path}: {len(failures)} date(s) cannot be read: {listing}.",
            hint=_date_hint(read.order),
            path=Path(path),
            failures=failures,
        )
    return read.rows


def _text(value: object) -> str:
    if value is None or value is pd.NA or value is pd.NaT:
        return ""
    if isinstance(value, float) and value != value:  # NaN
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # an id column of whole numbers is read as float
    return str(value).strip()
