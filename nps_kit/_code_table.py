"""A code table in the export's workbook (「コード表」, "Codebook", "Value labels"), read.

A research agency's 集計表 and an SPSS-style export write single-choice answers as codes (性別
1/2, 年代 1 … 6) and ship what each code means on another sheet, in one of two layouts:

- *long*: one row per code under a heading row naming the question, code and label columns
  (設問・コード・選択肢, 質問・値・ラベル, Variable/Question · Value/Code · Label), the question
  written on its first code's row only or on every row;
- *blocks*: a question on a row of its own (``性別`` or ``Q2 性別``), its codes and labels on the
  rows below it (``1 | 男性``), a blank row or the next question ending the block.

:func:`read_code_tables` finds such a sheet (not the answers' own) and returns each question's
``{code: label}`` in the table's order; :func:`match_columns` names the export column each
question is (its header, its Qualtrics id or question text, or the question number it starts
with: ``Q1`` for ``Q1. 当社の商品を…``). ``nps-kit init --from`` writes what it matched as
``value_labels:`` (CODES40).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Final

from nps_kit._value_key import cell_text
from nps_kit.errors import DataError

if TYPE_CHECKING:
    from nps_kit.i18n import Language
    from nps_kit.load import ColumnIndex

__all__ = [
    "CodeTables",
    "FoundCodes",
    "found_code_tables",
    "match_columns",
    "read_code_file",
    "read_code_tables",
]

# A sheet named as a code table is read first; any other sheet is read only by its headings.
_SHEET_NAME: Final = re.compile(
    r"コード|選択肢|codebook|code ?book|value ?labels?|labels?|codes?|カテゴリ", re.IGNORECASE
)
_QUESTION: Final = re.compile(
    r"^(設問|質問|項目|変数|変数名|設問名|質問文|設問文|question|variable|item|column|field)", re.I
)
_CODE: Final = re.compile(r"^(コード|値|番号|code|value|no\.?)$", re.I)
_LABEL: Final = re.compile(
    r"^(選択肢|ラベル|カテゴリー?|内容|回答|値ラベル|選択肢内容|label|value ?label|"
    r"category|answer|text|description)$",
    re.I,
)
# A question number an export's header starts with: Q1, Q1-2, SQ3, F1, 問1.
_NUMBER: Final = re.compile(r"^((?:[A-Za-z]{1,3}\d+(?:[-_.]\d+)*)|問\d+)(?=$|[\s.:：．、)）_-])")


@dataclass(frozen=True)
class CodeTables:
    """The code tables of one workbook sheet.

    Attributes
    ----------
    sheet
        The sheet they were read from.
    tables
        ``{question as the sheet writes it: {code: label}}``, in the sheet's order.
    """

    sheet: str
    tables: dict[str, dict[str, str]]


def _text(cell: object) -> str:
    """Return a cell as written, trimmed (a label keeps its full-width ：); ``1.0`` is ``1``."""
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        cell = int(cell)
    return str(cell).strip()


def _is_code(cell: object) -> bool:
    """Tell a code: a whole number (``1``, ``01``, ``-1``, ``99``), as a code table numbers."""
    return re.fullmatch(r"-?\d{1,4}", cell_text(_text(cell))) is not None


def _fold(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split()).casefold()


def _long(rows: list[list[object]]) -> dict[str, dict[str, str]] | None:
    """Read the long layout: a heading row of question, code and label columns."""
    for at, row in enumerate(rows[:10]):
        heads = [_fold(_text(c)) for c in row]
        question = next((i for i, h in enumerate(heads) if _QUESTION.match(h)), None)
        code = next((i for i, h in enumerate(heads) if _CODE.match(h)), None)
        label = next((i for i, h in enumerate(heads) if _LABEL.match(h) and i != code), None)
        if question is None or code is None or label is None:
            continue
        tables: dict[str, dict[str, str]] = {}
        current = ""
        for cells in rows[at + 1 :]:
            cells = [*cells, *([None] * 3)]
            asked = _text(cells[question])
            current = asked or current
            if not current or not _is_code(cells[code]) or not _text(cells[label]):
                continue
            tables.setdefault(current, {})[cell_text(_text(cells[code]))] = _text(cells[label])
        return tables or None
    return None


#: The most cells a block's question row fills ("Q2 | 性別 | 単一回答"); a row of more is the
#: header of a table of answers, whose rows start with an id that reads as a code (MSG42: the
#: answers' sheet after a cover sheet was read as one question of id → first answer).
_QUESTION_CELLS: Final = 3


def _blocks(rows: list[list[object]]) -> dict[str, dict[str, str]]:
    """Read the block layout: a question on a row of its own, then ``code | label`` rows."""
    tables: dict[str, dict[str, str]] = {}
    current = ""
    for row in rows:
        filled = [text for text in map(_text, row) if text]
        if not filled:
            current = ""  # a blank row ends the block
        elif _is_code(filled[0]):
            if current and len(filled) >= 2:
                tables.setdefault(current, {})[cell_text(filled[0])] = filled[1]
        elif len(filled) > _QUESTION_CELLS:
            current = ""  # a table's header row, no question
        else:
            # "性別", or "Q2 | 性別" over two cells: the question, said as one text.
            current = " ".join(filled)
    return {q: t for q, t in tables.items() if len(t) >= 2}


def read_code_tables(path: str | Path, *, data_sheet: str | None = None) -> CodeTables | None:
    """Return the code tables of a workbook's code-table sheet, ``None`` when it has none.

    Parameters
    ----------
    path
        An XLSX workbook (anything else has no other sheet: ``None``).
    data_sheet
        The sheet of the answers, never read as a code table.

    Returns
    -------
    CodeTables or None
        The first sheet (those named like a code table first) with a question of two codes
        or more.
    """
    path = Path(path)
    if path.suffix.casefold() not in (".xlsx", ".xlsm"):
        return None
    import openpyxl

    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        names = [n for n in book.sheetnames if n != data_sheet]
        if data_sheet is None and names:
            names = names[1:]  # the first sheet is the answers
        names.sort(key=lambda n: _SHEET_NAME.search(n) is None)
        for name in names:
            rows = [list(r) for r in book[name].iter_rows(max_row=5000, values_only=True)]
            tables = _long(rows) or _blocks(rows)
            if tables:
                return CodeTables(name, tables)
    finally:
        book.close()
    return None


def read_code_file(path: str | Path) -> CodeTables:
    """Read a code table given as its own file (``--codes``): CSV, or any sheet of an XLSX.

    Parameters
    ----------
    path
        A CSV (UTF-8, UTF-8 with BOM, cp932 or UTF-16) or XLSX file in either layout.

    Returns
    -------
    CodeTables
        Its tables; ``sheet`` is the file's name (or ``name: sheet`` for a workbook's sheet).

    Raises
    ------
    DataError
        When the file cannot be read or holds no code table.
    """
    path = Path(path)
    if not path.is_file():
        raise DataError(
            f"--codes {path}: no such file.", hint="Give the code table's CSV or XLSX.", path=path
        )
    found: tuple[str, dict[str, dict[str, str]] | None] | None = None
    if path.suffix.casefold() in (".xlsx", ".xlsm"):
        import openpyxl

        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
        try:
            for name in book.sheetnames:
                rows = [list(r) for r in book[name].iter_rows(max_row=5000, values_only=True)]
                tables = _long(rows) or _blocks(rows)
                if tables:
                    found = (f"{path.name}: {name}", tables)
                    break
        finally:
            book.close()
    else:
        rows = _csv_rows(path)
        found = (path.name, _long(rows) or _blocks(rows))
    if found is None or not found[1]:
        raise DataError(
            f"--codes {path}: no code table found: expected a heading row of question, code and "
            "label columns (設問・コード・選択肢, Question · Code · Label) or a block per question "
            "(the question on a row of its own, 'code | label' rows under it).",
            hint="Check the file, or write value_labels: in parameters/defaults.yaml by hand.",
            path=path,
        )
    return CodeTables(found[0], found[1])


def _csv_rows(path: Path) -> list[list[object]]:
    """Return the cells of a small CSV code table (UTF-8 with or without BOM, UTF-16, cp932)."""
    import csv
    import io

    raw = path.read_bytes()
    for encoding in ("utf-8-sig", "utf-16", "cp932"):
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        if encoding == "utf-16" and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
            continue
        dialect = "excel-tab" if "\t" in text.split("\n", 1)[0] else "excel"
        return [list(row) for row in csv.reader(io.StringIO(text), dialect=dialect)]
    raise DataError(
        f"--codes {path}: cannot read the file as UTF-8, UTF-16 or cp932 text.",
        hint="Save it as UTF-8 CSV or XLSX.",
        path=path,
    )


def match_columns(tables: CodeTables, index: ColumnIndex) -> tuple[dict[str, str], list[str]]:
    """Name the export column of each question of ``tables``.

    Parameters
    ----------
    tables
        From :func:`read_code_tables`.
    index
        The export's columns (:func:`nps_kit.load.read_column_index`).

    Returns
    -------
    tuple
        ``{question: column}`` for the questions matched (a header, a Qualtrics id or question
        text, the same text but for width and spaces, or the question number a header starts
        with), and the questions no column is.
    """
    folded = {_fold(c): c for c in index.columns}
    numbered: dict[str, list[str]] = {}
    for header in index.columns:
        found = _NUMBER.match(unicodedata.normalize("NFKC", header).strip())
        if found:
            numbered.setdefault(found[1].casefold(), []).append(header)
    matched: dict[str, str] = {}
    unmatched: list[str] = []
    for question in tables.tables:
        # The whole text, then each part of a block's heading ("Q2 性別"), as written.
        column: str | None = next(
            (folded[k] for k in (_fold(question), *map(_fold, question.split())) if k in folded),
            None,
        )
        if column is None:  # no such header, id or question text: tried by number below
            column = index.find(question)
        if column is None:
            found = _NUMBER.match(unicodedata.normalize("NFKC", question).strip())
            same = numbered.get(found[1].casefold(), []) if found else []
            column = same[0] if len(same) == 1 else None
        if column is None or column in matched.values():
            unmatched.append(question)
        else:
            matched[question] = column
    return matched, unmatched


@dataclass(frozen=True)
class FoundCodes:
    """What a workbook's code table labels, as ``inspect`` and ``init --from`` say it.

    Attributes
    ----------
    sheet
        The code table's sheet.
    value_labels
        ``{column: {code: label}}`` for the export's columns it labels (``value_labels:``).
    unmatched
        Its questions that no column of the export is.
    scores_left
        Columns whose 11 codes it labels with texts that are no 0–10 score (``全くそう思わない``
        without its 0): left as codes, which the score check refuses with its own words.
    """

    sheet: str
    value_labels: dict[str, dict[str, str]]
    unmatched: tuple[str, ...] = ()
    scores_left: tuple[str, ...] = ()
    #: Read from a file of its own (``--codes``): ``sheet`` is then that file's name.
    file: bool = False

    @property
    def where(self) -> str:
        """Say where the table is, as init's comment does: ``sheet 'コード表'``, ``'codes.csv'``."""
        return repr(self.sheet) if self.file else f"sheet {self.sheet!r}"

    def said(self, key: str, lang: Language, **values: object) -> str:
        """Say the catalogue's sentence ``key`` of this table: where it is, what it labels.

        ``init.code_table`` (init) and ``score.code_table`` (score) fill ``{where}`` (sheet
        「コード表」, in 'codes.csv') and ``{columns}`` (「性別」、「年代」, 'gender', 'age').
        """
        from nps_kit.i18n import join_names, t

        labelled = (f"「{c}」" if lang == "ja" else repr(c) for c in self.value_labels)
        where = t("init.code_file" if self.file else "init.code_sheet", lang, name=self.sheet)
        return t(key, lang, where=where, columns=join_names(labelled, lang), **values)

    @property
    def note(self) -> str:
        """One sentence for ``inspect``'s notes: the sheet, what it labels and what not."""
        return self.note_in("en")

    def note_in(self, lang: Language) -> str:
        """:attr:`note` in ``lang`` (MSG42: ``inspect`` in a Japanese project)."""
        from nps_kit.i18n import join_names, t

        quote = (lambda c: f"「{c}」") if lang == "ja" else repr
        where = t("inspect.code_file" if self.file else "inspect.code_sheet", lang, name=self.sheet)
        if self.value_labels:
            labelled = join_names(map(quote, self.value_labels), lang)
            said = t("inspect.code_table", lang, where=where, columns=labelled)
        else:
            said = t("inspect.code_table_none", lang, where=where)
        if self.unmatched:
            names = join_names(map(quote, self.unmatched), lang)
            said += t("inspect.code_unmatched", lang, names=names)
        if self.scores_left:
            names = join_names(map(quote, self.scores_left), lang)
            said += t("inspect.code_scores_left", lang, names=names)
        return said


def _scores_of(table: dict[str, str]) -> bool:
    """Whether a table's labels are 0–10 scores (``0：全くそう思わない`` … ``10``), 10 or more."""
    import pandas as pd

    from nps_kit._values import parse_scores

    parsed = parse_scores(pd.Series(list(table.values()), dtype=object)).score
    return int(parsed.dropna().nunique()) >= 10 and bool(parsed.notna().all())


def _looks_like_score_codes(table: dict[str, str]) -> bool:
    codes = {int(c) for c in table if re.fullmatch(r"\d+", c)}
    return len(table) >= 10 and (codes <= set(range(1, 12)) or codes <= set(range(11)))


def found_code_tables(
    path: str | Path,
    index: ColumnIndex,
    *,
    sheet: str | int | None = None,
    codes: str | Path | None = None,
) -> FoundCodes | None:
    """Find the code table of the workbook ``path`` and the export columns it labels.

    Parameters
    ----------
    path
        The export; only an XLSX workbook has a code table.
    index
        Its columns (:func:`nps_kit.load.read_column_index`).
    sheet
        The sheet of the answers (name or 0-based index; ``None``: the first).
    codes
        A code table of its own (``--codes``, :func:`read_code_file`), read instead of the
        workbook's.

    Returns
    -------
    FoundCodes or None
        ``None`` when the workbook has no code table (or the file is no workbook).

    Raises
    ------
    DataError
        When ``codes`` cannot be read or holds no code table.
    """
    if codes is not None:
        return _matched(read_code_file(codes), index, file=True)
    if Path(path).suffix.casefold() not in (".xlsx", ".xlsm"):
        return None
    if isinstance(sheet, int):
        import openpyxl

        book = openpyxl.load_workbook(path, read_only=True)
        try:
            sheet = book.sheetnames[sheet] if 0 <= sheet < len(book.sheetnames) else None
        finally:
            book.close()
    tables = read_code_tables(path, data_sheet=sheet)
    return None if tables is None else _matched(tables, index, file=False)


def _matched(tables: CodeTables, index: ColumnIndex, *, file: bool) -> FoundCodes:
    """Match ``tables`` to the export's columns; a score's codes without points are left."""
    matched, unmatched = match_columns(tables, index)
    labels: dict[str, dict[str, str]] = {}
    left: list[str] = []
    for question, column in matched.items():
        table = tables.tables[question]
        if _looks_like_score_codes(table) and not _scores_of(table):
            left.append(column)  # 11 codes of a 0-10 question without their points
        else:
            labels[column] = table
    return FoundCodes(tables.sheet, labels, tuple(unmatched), tuple(left), file=file)
