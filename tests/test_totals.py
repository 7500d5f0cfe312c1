"""A totals row under an export's table (``nps_kit._totals``): found at the end, not a response."""

from __future__ import annotations

import numpy as np
import pandas as pd

from nps_kit._totals import totals_labels, totals_reasons, totals_rows


def _frame(rows: list[list[object]]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["id", "date", "unit", "score"], dtype=object)


def test_the_last_rows_labelled_as_totals_without_a_date_are_found() -> None:
    frame = _frame(
        [
            ["C1", "2026/06/01 09:52", "函館", "3"],
            ["小計", "1件", None, "3"],
            [None, "総計：", None, "3"],
        ]
    )
    flags = totals_rows(frame, date_column="date")
    assert flags.tolist() == [False, True, True]
    assert totals_labels(frame, flags) == ("小計", "総計：")


def test_a_row_labelled_total_is_a_response_when_dated_or_not_last() -> None:
    frame = _frame(
        [["計", "2026/06/01", "函館", "3"], ["Total", None, "x", "9"], ["C3", None, "y", "1"]]
    )
    assert not totals_rows(frame, date_column="date").any()
    # Without a date column, a cell written as a date says it is a response; a count or a
    # mean (2400, 6.49) is not read as an Excel serial date.
    dated = _frame([["C1", "2026/06/01", "a", "1"], ["TOTAL", "2026/06/30", None, "6.49"]])
    counted = _frame([["C1", "2026/06/01", "a", "1"], ["TOTAL", "2400", None, "6.49"]])
    assert totals_rows(dated, date_column=None).tolist() == [False, False]
    assert totals_rows(counted, date_column=None).tolist() == [False, True]


def test_empty_rows_at_the_end_are_passed_over() -> None:
    frame = _frame([["C1", "2026/06/01", "a", "1"], ["Grand Total", None, None, "1"], [None] * 4])
    blank = np.array([False, False, True])
    assert totals_rows(frame, date_column="date", blank=blank).tolist() == [False, True, False]


def test_a_totals_row_labelled_in_german_or_dutch_is_found() -> None:
    # QA30: a German QuestionPro export ended with "Gesamt;;;…": counted as a response with no
    # score and no date, and with --weight-column the whole file was refused (row 2602: nan).
    for label in ("Gesamt", "Gesamtergebnis", "Summe", "Insgesamt", "Totaal", "Totale"):
        frame = _frame([["C1", "01.10.2026 09:52", "Köln-Süd", "3"], [label, None, None, None]])
        assert totals_rows(frame, date_column="date").tolist() == [False, True], label


def _answers(rows: list[list[object]]) -> pd.DataFrame:
    return pd.DataFrame(
        rows, columns=["name", "date", "unit", "score", "visits", "comment"], dtype=object
    )


_FIRST = [
    ["Meyer", "01.10.2026", "Köln", "9", "2", "Schnell und freundlich"],
    ["Sato", "02.10.2026", "Bonn", "6", "3", None],
]


def test_a_last_response_named_like_a_total_is_kept_when_it_reads_as_one_answer() -> None:
    # FIX71 #1: a respondent named Summe / Total / 合計 (a last row with a valid 0-10 score and
    # a comment, the date left blank) was dropped as a totals row by its label alone.
    for label in ("Summe", "Total", "合計"):
        frame = _answers([*_FIRST, [label, None, "Köln", "8", "1", "Termin war pünktlich"]])
        flags = totals_rows(frame, date_column="date", score_column="score")
        assert flags.tolist() == [False, False, False], label


def test_a_totals_row_is_told_by_its_figures_and_says_why() -> None:
    # Its score is no single answer (a mean, a sum, blank), its numbers are the column sums,
    # or it holds no text answer (a count with its unit, 2 件 or 2 responses, is none).
    cases = {
        "not_answer": ["Gesamt", None, None, "7.5", "5", None],
        "no_score": ["Gesamt", None, None, None, None, None],
        "sums": ["Summe", None, "alle Filialen", "7", "5", "—"],
        "no_text": ["合計", None, "2件", "7", "1", None],
    }
    for why, last in cases.items():
        frame = _answers([*_FIRST, last])
        flags = totals_rows(frame, date_column="date", score_column="score")
        assert flags.tolist() == [False, False, True], why
        assert totals_reasons(frame, flags, score_column="score") == (why,)
