"""``nps-kit inspect``: what a survey export holds, before any configuration."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING

from nps_kit._question_label import _BRACKET_ROW
from nps_kit._width import display_width, pad
from nps_kit.commands._options import add_language_option, command_language, sheet_option
from nps_kit.i18n import t

if TYPE_CHECKING:
    from nps_kit.i18n import Language
    from nps_kit.inspect import ColumnInfo, Inspection

__all__ = ["register"]


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser], lang: Language) -> None:
    """Add the ``inspect`` sub-command."""
    p = sub.add_parser(
        "inspect",
        help=t("help.inspect", lang),
        description=t("help.inspect.about", lang),
    )
    p.add_argument("data", metavar="EXPORT", type=Path, help=t("help.export", lang))
    p.add_argument("--sheet", metavar="NAME", help=t("help.sheet", lang))
    p.add_argument("--encoding", metavar="ENC", help=t("help.inspect.encoding", lang))
    p.add_argument(
        "--date-format",
        metavar="FMT",
        help=t("help.date_format", lang),
    )
    p.add_argument(
        "--codes",
        metavar="FILE",
        type=Path,
        help=t("help.inspect.codes", lang),
    )
    p.add_argument(
        "--format",
        choices=("table", "json"),
        default="table",
        help=t("help.output_format_table", lang),
    )
    p.add_argument(
        "--parameters",
        type=Path,
        metavar="DIR",
        help=t("help.inspect.parameters", lang),
    )
    add_language_option(p, lang)
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
    from nps_kit.load import read_column_index

    sheet = sheet_option(args.sheet)
    # The headers first: outside a project, a Japanese export is described in Japanese.
    index = read_column_index(args.data, sheet=sheet, encoding=args.encoding)
    headers = [*index.columns, *index.questions.values()]
    lang = command_language(args.language, args.parameters, headers=headers)
    found = inspect_export(
        args.data,
        sheet=sheet,
        encoding=args.encoding,
        date_format=args.date_format,
        codes=args.codes,
        lang=lang,
        index=index,
    )
    if args.format == "json":
        print(json.dumps(found.to_dict(), ensure_ascii=False))
    else:
        _table(args.data, found, lang)
    if found.nps_column is None:
        # Still described above, so the user sees what the file holds instead.
        raise no_score_error(found, lang)
    return 0


_HEADER = ("column", "qid", "kind", "detail", "distinct", "blanks", "shown")


def _table(path: Path, found: Inspection, lang: Language) -> None:
    from nps_kit.inspect import detail_words, kind_words

    facts = found.to_dict()
    details = [facts["format"].upper()]
    if facts["encoding"]:
        details.append(facts["encoding"])
    if facts["sheet"]:
        details.append(t("inspect.sheet", lang, sheet=facts["sheet"]))
    if facts["source"] != "generic":
        details.append(t("inspect.source", lang, source=facts["source"]))
    if facts["header_rows"] is not None:
        details.append(t("inspect.header_rows", lang, n=facts["header_rows"]))
    comma = "、" if lang == "ja" else ", "
    responses = f"{facts['responses']:,}"
    print(
        t("inspect.summary", lang, file=path.name, responses=responses, details=comma.join(details))
    )
    if found.date_column is not None:
        span = (
            t(
                "inspect.date_span",
                lang,
                first=f"{found.date_min:%Y-%m-%d}",
                last=f"{found.date_max:%Y-%m-%d}",
            )
            if found.date_min is not None and found.date_max is not None
            else t("inspect.dates_unreadable", lang)
        )
        date = found.column(found.date_column)
        if "ambiguous" in date.detail:
            span = t("inspect.dates_both_ways", lang)  # the note says which to set
        if date.contradicted is not None:
            span = detail_words(date.detail, lang)  # the note says what to pass
        print(t("inspect.dates", lang, column=found.date_column, span=span))
    else:
        print(t("inspect.no_dates", lang))
    nps = found.nps_column
    if nps is None:
        print(t("inspect.nps_none", lang))
    else:
        question = found.column(nps).question
        print(
            t("inspect.nps_question", lang, question=question, column=nps)
            if question
            else t("inspect.nps_column", lang, column=nps)
        )
    shares = (
        "" if found.spoken is None else t("inspect.shares", lang, said=found.spoken.describe(lang))
    )
    spoken = t(f"inspect.language.{found.language}", lang)
    print(t("inspect.answer_language", lang, language=spoken, shares=shares))
    for note in found.notes:
        print(f"note: {note}")
    print()
    header = [t(f"inspect.col.{name}", lang) for name in _HEADER]
    rows = []
    for c in found.columns:
        shown = (
            c.question
            if c.question
            else ", ".join(_spelt(c, i, lang) for i in range(len(c.sample)))
        )
        mark = "*" if c.column == nps else ""
        rows.append(
            [
                _cut_name(c.column, 24) + mark,
                c.qid or "",
                kind_words(c.kind, lang),
                _cut(detail_words(c.detail, lang), 28),
                str(c.distinct),
                str(c.blanks),
                _cut(shown, 60),
            ]
        )
    widths = [max(display_width(r[i]) for r in [header, *rows]) for i in range(len(header))]
    for r in [header, *rows]:
        cells = [pad(v, widths[i], right=i in (4, 5)) for i, v in enumerate(r)]
        print("  ".join(cells).rstrip())


def _spelt(column: ColumnInfo, i: int, lang: Language) -> str:
    """Return a sample value with the spellings merged into it: 'ホテルA' (also 'ホテル A')."""
    others = column.variants[i] if column.variants else ()
    also = t("inspect.also", lang, others=", ".join(repr(v) for v in others)) if others else ""
    return repr(column.sample[i]) + also
