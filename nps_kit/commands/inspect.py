"""``nps-kit inspect``: what a survey export holds, before any configuration."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING

from nps_kit._question_label import _BRACKET_ROW
from nps_kit._width import display_width, pad

if TYPE_CHECKING:
    from nps_kit.inspect import ColumnInfo, Inspection

__all__ = ["register"]


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``inspect`` sub-command."""
    p = sub.add_parser(
        "inspect",
        help="show what a survey export holds: format, encoding, dates and every column",
        description=(
            "Describe a survey export on one screen: format, encoding, header rows, responses "
            "and date range, then every column with its Qualtrics QID and question text, "
            "detected kind, distinct values, blanks and a sample. Names the likely NPS question; "
            "a file with no 0–10 column is still described, then said to be no NPS export "
            "(exit status 2)."
        ),
    )
    p.add_argument("data", metavar="EXPORT", type=Path, help="the survey export file")
    p.add_argument("--sheet", metavar="NAME", help="XLSX sheet name or 0-based index")
    p.add_argument("--encoding", metavar="ENC", help="text encoding, e.g. cp1252 (default: detect)")
    p.add_argument(
        "--date-format",
        metavar="FMT",
        help="month-first, day-first or a strftime pattern, for dates like 1/2/2026",
    )
    p.add_argument(
        "--codes",
        metavar="FILE",
        type=Path,
        help="the survey's code table (CSV or XLSX: question, code, label): coded answers are "
        "described as their labels (default: a code-table sheet of the workbook, if any)",
    )
    p.add_argument(
        "--format",
        choices=("table", "json"),
        default="table",
        help="output format (default: table)",
    )
    p.set_defaults(handler=_run)


def _cut(text: str, width: int) -> str:
    out = ""
    for char in text:
        if display_width(out + char) > width - 1:
            return out + "…"
        out += char
    return out


def _cut_name(name: str, width: int) -> str:
    """Cut a column name to ``width``, keeping the row of a "question - row" name readable.

    SurveyMonkey and Qualtrics name each matrix row and multi-select option "question - row",
    Google Forms each grid row "question [row]": cut at the end, every row of one question
    read the same ("How satisfied were you …", QA25: "Please rate the followi…" four times).
    """
    if display_width(name) <= width:
        return name
    bracket = _BRACKET_ROW.match(name)
    if bracket is not None and bracket["q"]:
        row = f"[{bracket['row'].strip()}]"
        room = width - display_width(row) - 1
        if room >= 6:
            return _cut(bracket["q"], room) + " " + row
        # The row alone when "… " leaves it no room: brackets say it is a row.
        return _cut("… " + row if display_width(row) + 2 <= width else row, width)
    question, sep, row = name.rpartition(" - ")
    if not sep:
        return _cut(name, width)
    room = width - display_width(row) - 3
    if room >= 6:
        return _cut(question, room) + " - " + row
    return _cut("… - " + row, width)


def _run(args: argparse.Namespace) -> int:
    from nps_kit.inspect import inspect_export, no_score_error

    sheet: str | int | None = args.sheet
    if isinstance(sheet, str) and sheet.isdigit():
        sheet = int(sheet)
    found = inspect_export(
        args.data,
        sheet=sheet,
        encoding=args.encoding,
        date_format=args.date_format,
        codes=args.codes,
    )
    if args.format == "json":
        print(json.dumps(found.to_dict(), ensure_ascii=False))
    else:
        _table(args.data, found)
    if found.nps_column is None:
        # Still described above, so the user sees what the file holds instead.
        raise no_score_error(found)
    return 0


def _table(path: Path, found: Inspection) -> None:
    facts = found.to_dict()
    details = [facts["format"].upper()]
    details += [x for x in (facts["encoding"], facts["sheet"] and f"sheet {facts['sheet']!r}") if x]
    if facts["source"] != "generic":
        details.append(f"{facts['source']} export")
    if facts["header_rows"] is not None:
        details.append(f"{facts['header_rows']} header row(s)")
    print(f"{path.name}: {facts['responses']:,} responses ({', '.join(details)})")
    if found.date_column is not None:
        span = (
            f"{found.date_min:%Y-%m-%d} to {found.date_max:%Y-%m-%d}"
            if found.date_min is not None and found.date_max is not None
            else "not readable"
        )
        date = found.column(found.date_column)
        if "ambiguous" in date.detail:
            span = "reads both ways (set date_format)"  # the note says which to set
        if date.contradicted is not None:
            span = date.detail  # which order the dates read in: the note says what to pass
        print(f"dates: {found.date_column!r}, {span}")
    else:
        print("dates: no date column found")
    nps = found.nps_column
    if nps is None:
        print("NPS question: none")
    else:
        question = found.column(nps).question
        print(f"NPS question: {question!r} ({nps!r})" if question else f"NPS question: {nps!r}")
    shares = "" if found.spoken is None else f" ({found.spoken.describe()})"
    print(f"language of the answers: {found.language}{shares}")
    for note in found.notes:
        print(f"note: {note}")
    print()
    header = ["column", "QID", "kind", "detail", "distinct", "blanks", "question / sample"]
    rows = []
    for c in found.columns:
        shown = c.question if c.question else ", ".join(_spelt(c, i) for i in range(len(c.sample)))
        mark = "*" if c.column == nps else ""
        rows.append(
            [
                _cut_name(c.column, 24) + mark,
                c.qid or "",
                c.kind,
                _cut(c.detail, 28),
                str(c.distinct),
                str(c.blanks),
                _cut(shown, 60),
            ]
        )
    widths = [max(display_width(r[i]) for r in [header, *rows]) for i in range(len(header))]
    for r in [header, *rows]:
        cells = [pad(v, widths[i], right=i in (4, 5)) for i, v in enumerate(r)]
        print("  ".join(cells).rstrip())


def _spelt(column: ColumnInfo, i: int) -> str:
    """Return a sample value with the spellings merged into it: 'ホテルA' (also 'ホテル A')."""
    others = column.variants[i] if column.variants else ()
    also = f" (also {', '.join(repr(v) for v in others)})" if others else ""
    return repr(column.sample[i]) + also
