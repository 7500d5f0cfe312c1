"""A grouped report's group column (``nps_kit._grouped_report``): filled down between subtotals."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from nps_kit._grouped_report import fill_group_column, group_column
from nps_kit.load import load_responses

ROWS = [
    ["Dana Whitfield", "Harbor", "10/13/2026", "9"],
    [None, "Granite", "10/14/2026", "3"],
    ["Subtotal", "Count: 2", None, "6.00"],
    ["Tom Kessler", "Apex", "10/15/2026", "8"],
    [None, "Metro", "10/16/2026", "7"],
    [None, "Redline", "10/17/2026", "10"],
    ["Subtotal", "Count: 3", None, "8.33"],
    ["Grand Totals (5 records)", None, None, "7.40"],
]
TOTALS = np.array([False, False, True, False, False, False, True, True])


def _frame(rows: list[list[object]]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["Owner", "Account", "Date", "Score"], dtype=object)


def test_the_column_named_on_each_group_s_first_row_only_is_filled_down() -> None:
    frame = _frame(ROWS)
    blank = np.zeros(len(frame), dtype=bool)
    assert group_column(frame, TOTALS, blank) == "Owner"
    filled = fill_group_column(frame, "Owner", TOTALS, blank)
    assert filled[~TOTALS].tolist() == ["Dana Whitfield"] * 2 + ["Tom Kessler"] * 3


def test_blanks_without_subtotal_lines_are_unanswered_not_a_group() -> None:
    # A question left blank below an answer is no grouped report: never filled in.
    rows = [r for r, t in zip(ROWS, TOTALS, strict=True) if not t]
    frame = _frame(rows)
    assert group_column(frame, np.zeros(5, bool), np.zeros(5, bool)) is None
    # Nor a column blank on a group's first row, or filled below it.
    broken = [*ROWS[:3], [None, "Apex", "10/15/2026", "8"], *ROWS[4:]]
    assert group_column(_frame(broken), TOTALS, np.zeros(8, bool)) is None


def test_the_loader_fills_the_owner_in_and_says_so(tmp_path: Path) -> None:
    path = tmp_path / "report.csv"
    _frame(ROWS).to_csv(path, index=False)
    loaded = load_responses(path, score_column="Score", date_column="Date")
    assert loaded.data["Owner"].tolist() == ["Dana Whitfield"] * 2 + ["Tom Kessler"] * 3
    assert loaded.report.grouped_by == "Owner"
    assert any("'Owner' is written on the first row of each group only" in s
               for s in loaded.report.read_notes())  # fmt: skip
    assert loaded.report.n_valid == 5 and loaded.report.n_invalid == 0


def test_a_grouped_column_without_subtotal_lines_is_said_not_filled() -> None:
    # QA36 O1: exported without subtotals, the owner stood on 5 of 520 rows and nothing was said.
    from nps_kit._grouped_report import ungrouped_sentence

    rows = [r for r, t in zip(ROWS, TOTALS, strict=True) if not t]
    said = ungrouped_sentence(_frame([*rows, [None, "Pinecrest", "10/18/2026", "9"]]))
    assert said is not None and said.startswith("'Owner' is filled on 2 of 6 rows")
    # A sparse column whose values repeat, or that starts blank, is an unanswered question.
    sparse = _frame(
        [["a", "x", "d", "1"], [None] * 4, [None] * 4, ["a", "y", "d", "2"]] + [[None] * 4] * 4
    )
    assert ungrouped_sentence(sparse) is None
    assert ungrouped_sentence(_frame([[None, "x", "d", "1"], *rows])) is None


def test_a_group_of_one_is_ended_by_its_subtotal_s_count(tmp_path: Path) -> None:
    # REVIEW37: an owner with one account has a subtotal whose mean is that account's score
    # (9.00): it was counted as a promoter named 'Subtotal', and the owner column was not
    # filled down at all (3 rows '(missing)').
    text = (
        "Account Owner,Account Name,Survey Date,NPS Score\n"
        "Dana Whitfield,Harbor,10/13/2026,9\n,Granite,10/14/2026,3\nSubtotal,Count: 2,,6.00\n"
        "Lee Park,Solo,10/18/2026,9\nSubtotal,Count: 1,,9.00\n"
        "Tom Kessler,Apex,10/15/2026,8\n,Metro,10/16/2026,7\n,Redline,10/17/2026,10\n"
        "Subtotal,Count: 3,,8.33\nGrand Totals (6 records),,,7.67\n"
    )
    path = tmp_path / "r.csv"
    path.write_text(text, encoding="utf-8")
    loaded = load_responses(path, score_column="NPS Score", date_format="month-first")
    assert loaded.data["Account Owner"].tolist() == (
        ["Dana Whitfield"] * 2 + ["Lee Park"] + ["Tom Kessler"] * 3
    )
