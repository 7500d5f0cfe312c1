"""A totals row under an export's table (``nps_kit._totals``): found at the end, not a response."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from nps_kit._totals import totals_labels, totals_rows
from nps_kit.unit import data_quality, prepare_unit


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
    flags = totals_rows(frame, date_column="date").flags
    assert flags.tolist() == [False, True, True]
    assert totals_labels(frame, flags) == ("小計", "総計：")


def test_a_row_labelled_total_is_a_response_when_dated_or_not_last() -> None:
    frame = _frame(
        [["計", "2026/06/01", "函館", "3"], ["Total", None, "x", "9"], ["C3", None, "y", "1"]]
    )
    assert not totals_rows(frame, date_column="date").flags.any()
    # Without a date column, a cell written as a date says it is a response; a count or a
    # mean (2400, 6.49) is not read as an Excel serial date.
    dated = _frame([["C1", "2026/06/01", "a", "1"], ["TOTAL", "2026/06/30", None, "6.49"]])
    counted = _frame([["C1", "2026/06/01", "a", "1"], ["TOTAL", "2400", None, "6.49"]])
    assert totals_rows(dated, date_column=None).flags.tolist() == [False, False]
    assert totals_rows(counted, date_column=None).flags.tolist() == [False, True]


def test_empty_rows_at_the_end_are_passed_over() -> None:
    frame = _frame([["C1", "2026/06/01", "a", "1"], ["Grand Total", None, None, "1"], [None] * 4])
    blank = np.array([False, False, True])
    found = totals_rows(frame, date_column="date", blank=blank)
    assert found.flags.tolist() == [False, True, False]


def test_a_totals_row_labelled_in_german_or_dutch_is_found() -> None:
    # QA30: a German QuestionPro export ended with "Gesamt;;;…": counted as a response with no
    # score and no date, and with --weight-column the whole file was refused (row 2602: nan).
    for label in ("Gesamt", "Gesamtergebnis", "Summe", "Insgesamt", "Totaal", "Totale"):
        frame = _frame([["C1", "01.10.2026 09:52", "Köln-Süd", "3"], [label, None, None, None]])
        assert totals_rows(frame, date_column="date").flags.tolist() == [False, True], label


def test_a_summary_block_of_counts_means_and_nps_under_the_table_is_left_out() -> None:
    # QA34: a Freshdesk-style export ended "Total responses;450", "Average score;6,9",
    # "NPS;-12": three responses more, a date unread and 450/6,9 as answers to 'Asunto'.
    answers = [["48200", "03-11-2026", "Tienda Madrid", "9"], ["48203", "04-11-2026", "x", "3"]]
    for block in (
        [["Total responses", None, "450", None], ["Average score", None, "6,9", None],
         ["NPS", None, "-12", None]],
        [["Total respuestas", None, "2", None], ["Promedio", None, "6,0", None]],
        [["合計件数", None, "2件", None], ["平均", None, None, "6.0"]],
    ):  # fmt: skip
        frame = _frame(answers + block)
        found = totals_rows(frame, date_column="date", score_column="score")
        assert found.flags.tolist() == [False, False] + [True] * len(block), block[0][0]


def test_a_last_respondent_whose_id_reads_like_a_summary_word_with_a_score_is_kept() -> None:
    # The label alone is no evidence: "Mean" scoring 8 is an answer (FIX74's rule).
    frame = _frame([["C1", "2026-11-01", "a", "9"], ["Mean", None, "b", "8"]])
    found = totals_rows(frame, date_column="date", score_column="score")
    assert found.flags.tolist() == [False, False]
    assert found.kept == (1,)


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
        found = totals_rows(frame, date_column="date", score_column="score")
        assert found.flags.tolist() == [False, False, False], label
        assert found.kept == (2,), label


def test_a_totals_row_is_told_by_its_figures_and_says_why() -> None:
    # Its score is no single answer (a mean, a sum, blank), its numbers are the column sums
    # (a count of the rows above, 2件, sums their ones), or its score is the scores' mean.
    cases = {
        "not_answer": ["Gesamt", None, None, "7.5", "5", None],
        "no_score": ["Gesamt", None, None, None, None, None],
        "sums": ["Summe", None, "alle Filialen", "7", "5", "—"],
        "mean": ["Total", None, None, "5", None, None],
    }
    first = [*_FIRST[:1], ["Sato", "02.10.2026", "Bonn", "1", "3", None]]  # mean (9+1)/2 = 5
    for why, last in cases.items():
        frame = _answers([*first, last])
        found = totals_rows(frame, date_column="date", score_column="score")
        assert found.flags.tolist() == [False, False, True], why
        assert found.why == (why,) and found.kept == (), why
    counted = _answers([*_FIRST, ["合計", None, "2件", "7", "1", None]])
    found = totals_rows(counted, date_column="date", score_column="score")
    assert found.flags.tolist() == [False, False, True] and found.why == ("sums",)
    # Without a score column, a labelled last row with no text answer is totals.
    found = totals_rows(counted.drop(columns="unit"), date_column="date")
    assert found.why == ("no_text",)


def test_a_last_respondent_named_total_with_a_lone_score_and_no_comment_is_kept() -> None:
    # FIX74: 'Total' / 合計 / Summe scoring 8, no date, no comment: still dropped as totals by
    # "no text answer". A lone 0-10 score is someone's answer unless a figure says total.
    for label in ("Total", "合計", "Summe"):
        frame = _answers([*_FIRST, [label, None, None, "8", None, None]])
        found = totals_rows(frame, date_column="date", score_column="score")
        assert found.flags.tolist() == [False, False, False], label
        assert found.kept == (2,) and found.why == (), label
    # A sum (a score above 10) or a mean of the scores above is still a total, said once.
    for score, why in (("15", "not_answer"), ("7.5", "not_answer")):
        frame = _answers([*_FIRST, ["Total", None, None, score, None, None]])
        found = totals_rows(frame, date_column="date", score_column="score")
        assert found.why == (why,) and found.kept == ()


def test_the_data_quality_names_a_total_kept_as_a_response_with_its_file_and_row(
    tmp_path: Path,
) -> None:
    # FIX74: the row a reader would take for a total is counted, and said where it is.
    path = tmp_path / "filiale.csv"
    path.write_text(
        "name,date,score,comment\nMeyer,2026-10-01,9,Schnell\nSato,2026-10-02,6,\nSumme,,8,\n",
        encoding="utf-8",
    )
    unit = prepare_unit(
        path, name="Filiale", language="en", score_column="score", date_column="date",
        period="2026-10",
    )  # fmt: skip
    assert unit.load.totals_rows == () and unit.load.n_valid == 3
    assert unit.load.totals_kept_said() == "Summe (filiale.csv row 4)"
    table = data_quality(unit)
    said = dict(zip(table["item"], table["value"], strict=True))
    assert (
        said[
            "Kept as a response though labelled like a totals row (a lone 0–10 score, no sum or "
            "mean in it)"
        ]
        == "Summe (filiale.csv row 4)"
    )


def test_a_total_written_as_the_mean_to_one_decimal_is_left_out() -> None:
    # REVIEW34: under 25 integer scores whose mean is 7.04, a Summe row's '7.0' (the mean to one
    # decimal) was kept as a respondent scoring 7. A respondent's '7' among integers is kept.
    scores = ["7"] * 16 + ["8"] * 5 + ["6"] * 4  # mean 7.04
    above = [["A", "01.10.2026", "Köln", s, None, None] for s in scores]
    for last, flags, kept in (("7.0", True, ()), ("7,0", True, ()), ("7", False, (25,))):
        frame = _answers([*above, ["Summe", None, None, last, None, None]])
        found = totals_rows(frame, date_column="date", score_column="score")
        assert found.flags[-1] == flags and found.kept == kept, last
        assert found.why == (("mean",) if flags else ()), last
    # Scores all written with one decimal: a '7.0' is as written as theirs, so it must equal
    # the mean (7.04) to be a total.
    decimal = [[*row[:3], f"{row[3]}.0", None, None] for row in above]
    frame = _answers([*decimal, ["Total", None, None, "7.0", None, None]])
    assert totals_rows(frame, date_column="date", score_column="score").kept == (25,)


def test_a_dash_for_a_blank_first_cell_does_not_hide_the_totals_label() -> None:
    # REVIEW34: the date first, written '—' on the totals row: the dash was read as the row's
    # label, so the 'Total' scoring the mean 7 (of 8, 6) counted as a response.
    frame = pd.DataFrame(
        [
            ["2026-11-01", "A", "8", "good"],
            ["2026-11-02", "B", "6", "meh"],
            ["—", "Total", "7", "—"],
        ],
        columns=["date", "name", "score", "comment"],
        dtype=object,
    )
    found = totals_rows(frame, date_column="date", score_column="score")
    assert found.flags.tolist() == [False, False, True] and found.why == ("mean",)
    assert totals_labels(frame, found.flags) == ("Total",)


def test_a_japanese_data_quality_says_a_totals_rows_file_and_row_in_japanese(
    tmp_path: Path,
) -> None:
    # FIX77: a Japanese report said "合計 (tot.csv row 152)", English inside Japanese.
    path = tmp_path / "tot.csv"
    path.write_text(
        "店舗,日付,スコア\n新宿,2026-10-01,9\n渋谷,2026-10-02,7\n合計,,16\n", encoding="utf-8"
    )
    unit = prepare_unit(
        path, name="店舗", language="ja", score_column="スコア", date_column="日付",
        period="2026-10",
    )  # fmt: skip
    said = " ".join(str(v) for v in data_quality(unit)["value"])
    assert "tot.csv 4行目" in said
    assert " row " not in said


def _report(rows: list[list[object]]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["owner", "account", "date", "score"], dtype=object)


SALESFORCE = [
    ["Dana Whitfield", "Harbor", "10/1/2026", "9.00"],
    [None, "Granite", "10/2/2026", "3.00"],
    ["Subtotal", "Count: 2", None, "6.00"],
    ["Tom Kessler", "Apex", "10/3/2026", "8.00"],
    [None, "Metro", "10/4/2026", "7.00"],
    [None, "Redline", "10/5/2026", "10.00"],
    ["Subtotal", "Count: 3", None, "8.33"],
    ["Grand Totals (5 records)", None, None, "7.40"],
]


def test_a_grouped_report_s_subtotal_lines_are_no_responses() -> None:
    # QA36: Salesforce's Subtotal after each owner's rows stands inside the table; its mean
    # (here 6.00, a whole number) would count as a respondent scoring 6.
    found = totals_rows(_report(SALESFORCE), date_column="date", score_column="score")
    assert found.flags.tolist() == [False, False, True, False, False, False, True, True]
    assert found.why == ("mean", "not_answer", "not_answer")


def test_the_stems_first_letters_are_every_letter_the_case_blind_search_starts_on() -> None:
    # LOAD39: _STEM_STARTS passes most of an id column over in C before Python's search; a
    # letter it lacks would hide a subtotal line (ſubtotal, ＳＵＢＴＯＴＡＬ), one too many costs
    # only time.
    import re

    from nps_kit._totals import _STEM_STARTS, _SUBTOTAL_STEMS

    firsts = re.compile("|".join(re.escape(w[0]) for w in _SUBTOTAL_STEMS.pattern.split("|")), re.I)
    taken = {chr(c) for c in range(0x110000) if firsts.fullmatch(chr(c))}
    assert taken == set(_STEM_STARTS[1:-1])


def test_a_subtotal_line_in_full_width_or_with_a_long_s_is_found_among_many_ids() -> None:
    rows = [[f"R{i:05d}", "x", "10/1/2026", str(4 + 2 * (i % 2))] for i in range(300)]
    for label in ("ＳＵＢＴＯＴＡＬ", "ſubtotal", "小計"):
        frame = _report([*rows, [label, "Count: 300", None, "5.00"], ["Total", None, None, "5"]])
        found = totals_rows(frame, date_column="date", score_column="score")
        assert found.flags[300], label


def test_a_count_after_the_label_leaves_it_a_totals_label() -> None:
    from nps_kit._totals import is_totals_label

    assert is_totals_label("Grand Totals (1,234 records)")
    assert is_totals_label("合計（52件）") and is_totals_label("Total (12)")
    assert not is_totals_label("Grand Hotel (2 nights)")


def test_a_subtotal_label_with_a_date_or_an_answer_of_its_group_is_a_response() -> None:
    dated = [*SALESFORCE[:2], ["Subtotal", "x", "10/13/2026", "6.00"], *SALESFORCE[3:]]
    assert not totals_rows(_report(dated), date_column="date", score_column="score").flags[2]
    answered = [*SALESFORCE[:2], ["Subtotal", "Count: 2", None, "8"], *SALESFORCE[3:]]
    assert not totals_rows(_report(answered), date_column="date", score_column="score").flags[2]


def test_a_one_row_group_s_subtotal_without_a_count_is_told_by_the_report_s_other_lines() -> None:
    # FIX89: "Subtotal,,,9.00" under one account scoring 9: its mean is that score, so its
    # figures say nothing. The report's other Subtotal lines, proven on larger groups, and its
    # Grand Totals' record count (5 records without it) say it is a line, not a response.
    lone = [["Lee Park", "Solo", "10/6/2026", "9.00"], ["Subtotal", None, None, "9.00"]]
    rows = [
        *SALESFORCE[:3],
        *lone,
        *SALESFORCE[3:7],
        ["Grand Totals (6 records)", None, None, "7.67"],
    ]
    found = totals_rows(_report(rows), date_column="date", score_column="score")
    assert np.flatnonzero(found.flags).tolist() == [2, 4, 8, 9]
    assert found.why == ("mean", "mean", "not_answer", "not_answer")
    # A record count that counts it, or no other line proven: someone's answer.
    counted = [*rows[:-1], ["Grand Totals (7 records)", None, None, "7.67"]]
    found = totals_rows(_report(counted), date_column="date", score_column="score")
    assert not found.flags[4]
    alone = totals_rows(
        _report([*SALESFORCE[:1], lone[1]]), date_column="date", score_column="score"
    )
    assert not alone.flags.any()


def test_every_subtotal_word_is_a_totals_label() -> None:
    # FIX94: "Zwischensumme" and "sub total" were subtotal words the label test refused, so a
    # German subtotal line inside a table was read as a response. One list, one predicate.
    from nps_kit._totals import SUBTOTAL_WORDS, is_totals_label

    for word in SUBTOTAL_WORDS:
        for written in (word, word.upper(), word.title(), f"{word}:", f" {word} (3 Datensätze)"):
            assert is_totals_label(written), written


def _german_report(path: Path, kind: str) -> Path:
    rows = [
        ["Filiale", "Kunde", "Datum", "Bewertung"],
        ["Köln", "Becker", "01.10.2026", "9"],
        [None, "Schulz", "02.10.2026", "3"],
        ["Zwischensumme", None, None, "6"],
        ["Bonn", "Wagner", "03.10.2026", "8"],
        [None, "Hoffmann", "04.10.2026", "10"],
        [None, "Koch", "05.10.2026", "6"],
        ["Sub Total", None, None, "8"],
        ["Gesamtergebnis", None, None, "7,2"],
    ]
    if kind == "csv":
        text = "\n".join(";".join("" if c is None else c for c in row) for row in rows)
        path.write_text(text + "\n", encoding="utf-8")
        return path
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def test_a_german_report_s_zwischensumme_lines_are_no_responses(tmp_path: Path) -> None:
    # FIX94: each group's "Zwischensumme" (its mean, a whole number here) counted as a
    # respondent scoring 6 and 8, and the Filiale column was not filled down by them.
    from nps_kit.load import load_responses

    for kind in ("csv", "xlsx"):
        path = _german_report(tmp_path / f"bericht.{kind}", kind)
        loaded = load_responses(path, score_column="Bewertung", date_column="Datum")
        assert loaded.data["Kunde"].tolist() == ["Becker", "Schulz", "Wagner", "Hoffmann", "Koch"]
        assert loaded.data["Filiale"].tolist() == ["Köln", "Köln", "Bonn", "Bonn", "Bonn"], kind
        assert loaded.report.totals_rows == ("Zwischensumme", "Sub Total", "Gesamtergebnis")


@given(st.text())
def test_every_value_holding_a_stem_s_letter_holds_one_of_its_bytes(text: str) -> None:
    # LOAD41: distinct_found passes over a column none of whose bytes is in _STEM_BYTES.
    import re

    from nps_kit._totals import _STEM_BYTES, _STEM_STARTS

    for value in (text, text + "小計", "ｓｕｂ" + text):
        if re.search(_STEM_STARTS, value):
            assert _STEM_BYTES & set(value.encode()), value
