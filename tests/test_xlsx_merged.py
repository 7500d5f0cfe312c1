"""A cell merged down over answer rows belongs to each of them (``nps_kit._xlsx_merged``)."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from nps_kit._xlsx_merged import merged_ranges, sheet_marks
from nps_kit.load import load_responses


def _grouped(path: Path) -> Path:
    """A Medallia-style sheet: a title row, then the property merged down over its rows."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Responses"
    ws.append(["Responses"])
    ws.append(["Property", "Score", "Note"])
    for prop, score, note in [("ホテルA", 9, "a"), (None, 3, "b"), (None, 10, None),
                              ("ホテルB", 7, "c"), (None, 0, "d")]:  # fmt: skip
        ws.append([prop, score, note])
    ws.merge_cells("A3:A5")
    ws.merge_cells("A6:A7")
    ws.merge_cells("C3:C4")  # a merged answer: one column, also filled
    ws.merge_cells("A1:C1")  # the title: above the header, left alone
    wb.save(path)
    return path


def test_a_property_merged_down_over_its_rows_names_each_row(tmp_path: Path) -> None:
    # QA31 F1: 1,071 of 1,100 hotel responses had no property, so score --by and the units
    # counted 29 of them.
    path = _grouped(tmp_path / "grouped.xlsx")
    assert (1, 3, 1, 5) in merged_ranges(path, "Responses")
    data = load_responses(path, score_column="Score").data
    assert data["Property"].tolist() == ["ホテルA"] * 3 + ["ホテルB"] * 2
    assert data["Note"].tolist()[:2] == ["a", "a"]
    assert data["Note"].isna().iat[2]


def test_cells_merged_across_columns_are_not_copied_into_another_question(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.append(["Property", "Score", "Comment", "Reason"])
    ws.append(["A", 9, "same words", None])
    ws.append(["B", 5, "other", "why"])
    ws.merge_cells("C2:D2")
    wb.save(tmp_path / "across.xlsx")
    data = load_responses(tmp_path / "across.xlsx", score_column="Score").data
    assert data["Reason"].isna().iat[0]
    assert data["Property"].tolist() == ["A", "B"]


def _saved(path: Path, value: str, *, cell_type: str = "") -> Path:
    """A sheet with ``=B2*2`` in C2, its value saved as ``value`` (``<v>14</v>``, ``<v/>``)."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["date", "score", "double"])
    sheet.append(["2026-11-01", 7, "=B2*2"])
    book.save(path)
    out = path.with_name(f"saved_{path.name}")
    with zipfile.ZipFile(path) as old, zipfile.ZipFile(out, "w") as new:
        for item in old.infolist():
            data = old.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = re.sub(rb'<c r="C2"[^>]*>.*?</c>', (
                    f'<c r="C2"{cell_type}><f>B2*2</f>{value}</c>'.encode()), data)  # fmt: skip
            new.writestr(item, data)
    return out


@pytest.mark.parametrize(
    ("value", "cell_type", "unsaved"),
    [
        ("<v>14</v>", "", False),  # as Excel saves it: the sheet is read once (REVIEW39)
        ("<v>Good</v>", ' t="str"', False),
        ("<v/>", "", True),  # as openpyxl and exporters save it: read for its formulas
        ("<v></v>", "", True),
        ("", "", True),
        ("<v>#DIV/0!</v>", ' t="e"', True),
    ],
)
def test_the_scan_tells_formulas_without_a_saved_value(
    tmp_path: Path, value: str, cell_type: str, unsaved: bool
) -> None:
    marks = sheet_marks(_saved(tmp_path / "x.xlsx", value, cell_type=cell_type), "Sheet")
    assert marks.unsaved is unsaved
