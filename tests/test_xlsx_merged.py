"""A cell merged down over answer rows belongs to each of them (``nps_kit._xlsx_merged``)."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook

from nps_kit._xlsx_merged import merged_ranges
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
