"""A ``columns.id`` set by hand that repeats is said once per unit, never refused (FIX37)."""

from __future__ import annotations

import io
from pathlib import Path

import nbformat
import pandas as pd
import pytest
from nbformat.v4 import new_code_cell, new_notebook

from nps_kit._id_repeats import (
    cached_id_warning,
    id_repeats_warning,
    numbers_rows,
    same_response_repeats,
)
from nps_kit.params import load_unit
from nps_kit.run import export_cache, run_reports

CSV = (
    "顧客番号,submitted_at,business_unit,score\n"
    "C1,2026-10-03 10:00:00,A,9\n"
    "C1,2026-10-20 12:00:00,A,3\n"
    "C2,2026-10-21 12:00:00,A,8\n"
    "C2,2026-10-22 12:00:00,B,2\n"
    ",2026-10-23 12:00:00,A,5\n"
    ",2026-10-24 12:00:00,A,6\n"
)


def test_repeats_are_counted_beyond_the_first_and_blanks_are_not_ids() -> None:
    ids = pd.Series(["C1", "C1", "C2", " C2", None, "", ""])
    said = id_repeats_warning(ids, column="顧客番号", language="en")
    assert said is not None
    assert said.startswith(
        "columns.id 顧客番号 repeats in 2 of 7 rows: a returning customer's answers share it."
    )
    assert "each answer is alerted once" in said
    assert "by its latest answer" in said
    ja = id_repeats_warning(ids, column="顧客番号", language="ja")
    assert ja is not None and ja.startswith(
        "columns.id「顧客番号」は7行のうち2行で前の行と同じ値です。"
    )
    assert id_repeats_warning(pd.Series(["R1", "R2", None]), column="id", language="en") is None


def _unit(tmp_path: Path, *, filtered: bool) -> Path:
    (tmp_path / "responses.csv").write_text(CSV, encoding="utf-8")
    path = tmp_path / "a.yaml"
    where = "data: {path: responses.csv, filter: {column: business_unit, values: [A]}}\n"
    path.write_text(
        "name: Unit A\nlanguage: en\n"
        + (where if filtered else "data: {path: responses.csv}\n")
        + "columns: {date: submitted_at, id: 顧客番号}\n",
        encoding="utf-8",
    )
    return path


def test_the_cache_count_reads_only_the_unit_s_rows(tmp_path: Path) -> None:
    from nps_kit.cache import open_cache

    unit = load_unit(_unit(tmp_path, filtered=True))
    cache = open_cache(export_cache(unit, cache_dir=tmp_path / "cache"))
    said = cached_id_warning(unit, cache)
    # Unit A: C1 twice, C2 once (its other answer is unit B's), two blanks.
    assert said is not None and said.startswith("columns.id 顧客番号 repeats in 1 of 5 rows")


@pytest.mark.slow
def test_run_says_it_once_per_unit_and_builds_the_report(tmp_path: Path) -> None:
    unit = load_unit(_unit(tmp_path, filtered=False))
    notebook = tmp_path / "nb.ipynb"
    nb = new_notebook(
        cells=[new_code_cell("unit = None", metadata={"tags": ["parameters"]}), new_code_cell("1")]
    )
    nb.metadata.kernelspec = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, notebook)
    progress = io.StringIO()
    result = run_reports([unit], notebook=notebook, output=tmp_path / "out", progress=progress)
    assert result.ok
    lines = [line for line in progress.getvalue().splitlines() if "columns.id" in line]
    assert len(lines) == 1
    assert lines[0].startswith("warning: a: columns.id 顧客番号 repeats in 2 of 6 rows:")


@pytest.mark.parametrize(
    ("ids", "counts"),
    [
        (["1", "2", "3", "4"], True),
        (["001", "002", "003"], True),
        ([1.0, 2.0, 3.0], True),
        (["2", "1", "3", "4"], False),  # sorted otherwise: numbered by something else
        (["1", "2", "4"], False),
        (["5", "6", "7"], False),
        (["1", "2", None], False),
        (["1"], False),
    ],
)
def test_numbers_rows_tells_a_sheets_running_number(ids: list[object], counts: bool) -> None:
    # FIX49 (QA26 #7): No. 1..n in file order is a running number of this file.
    assert numbers_rows(pd.Series(ids, dtype=object)) is counts


EXACT = (
    "Respondent ID,submitted_at,club,score,reason\n"
    "101,2026-10-03 10:00:00,A,9,Great staff\n"
    "102,2026-10-04 12:00:00,A,3,Too busy\n"
    "102,2026-10-04 12:00:00,A,3,Too busy\n"
    "103,2026-10-05 12:00:00,A,8,Fine\n"
)


def test_exact_duplicate_rows_point_to_dedupe_not_to_another_id(tmp_path: Path) -> None:
    # QA28 #7: a second download appended repeats whole rows; the warning said "a returning
    # customer's answers share it ... set columns.id to a column unique to each response",
    # sending the user to change a correct id. It says the rows repeat exactly, and dedupe.
    from nps_kit.cache import open_cache

    (tmp_path / "responses.csv").write_text(EXACT, encoding="utf-8")
    path = tmp_path / "a.yaml"
    path.write_text(
        "name: Unit A\nlanguage: en\ndata: {path: responses.csv}\n"
        "columns: {date: submitted_at, id: Respondent ID}\n",
        encoding="utf-8",
    )
    unit = load_unit(path)
    cache = open_cache(export_cache(unit, cache_dir=tmp_path / "cache"))
    said = cached_id_warning(unit, cache)
    assert said is not None
    assert said.startswith("columns.id Respondent ID repeats in 1 of 4 rows")
    assert "returning customer" not in said
    assert "repeat an earlier row exactly" in said and "dedupe: true" in said
    ja = id_repeats_warning(pd.Series(["1", "1"]), column="ID", language="ja", exact=True)
    assert ja is not None and "dedupe: true" in ja and "再び回答" not in ja
    # Rows that differ under one id are still a returning customer's.
    (tmp_path / "responses.csv").write_text(
        EXACT.replace(
            "102,2026-10-04 12:00:00,A,3,Too busy\n103", "102,2026-10-09 12:00:00,A,6,Ok\n103"
        ),
        encoding="utf-8",
    )
    unit = load_unit(path)
    cache = open_cache(export_cache(unit, cache_dir=tmp_path / "cache2"))
    said = cached_id_warning(unit, cache)
    assert said is not None and "a returning customer's answers share it" in said


def test_a_response_exported_again_with_a_new_time_is_the_same_response() -> None:
    # QA31 F5: a telecom's Response ID SM-260005 was written twice, 23:50 and 00:10 across a
    # month's turn, every answer equal: init called it a returning customer's answers, left
    # dedupe false, and the response counted in October and in November.
    frame = pd.DataFrame(
        {
            "Response ID": ["A", "B", "A", "C", "B"],
            "Submitted": [
                "2026-10-31 23:50",
                "2026-11-02",
                "2026-11-01 00:10",
                "2026-11-03",
                "2026-11-04",
            ],
            "Score": [7, 9, 7, 3, 2],
        }
    )
    assert same_response_repeats(frame, "Response ID", skip=("Submitted",)) == (2, 1)
    # Without the date left out, only exact repeats are the same response.
    assert same_response_repeats(frame, "Response ID") == (2, 0)


def test_a_returning_customer_with_the_same_answers_months_later_is_no_repeat() -> None:
    # REVIEW32: an account survey's Customer ID C005 scored 10 with no comment in September
    # and again in November: equal but for the time, it was called the same response
    # exported again, and init set dedupe: true, which dropped November's real answer. An
    # export written again restamps a time by minutes or a zone's hours, not by months.
    frame = pd.DataFrame(
        {
            "Customer ID": ["C5", "C6", "C5", "C7", "C6"],
            "Submitted": [
                "2026-09-06 10:05",
                "2026-10-31 23:50",
                "2026-11-20 09:00",
                "2026-11-03 12:00",
                "2026-11-01 00:10",
            ],
            "Score": [10, 7, 10, 3, 7],
        }
    )
    assert same_response_repeats(frame, "Customer ID", skip=("Submitted",)) == (2, 1)


def test_a_response_exported_again_with_a_new_time_is_not_called_a_returning_customer(
    tmp_path: Path,
) -> None:
    # QA31 O3: with dedupe: false kept by hand, run said of a response written again 20 minutes
    # later (every answer equal) "a returning customer's answers share it"; it is one response
    # counted twice, and dedupe: true is what to set.
    from nps_kit.cache import open_cache

    (tmp_path / "responses.csv").write_text(
        EXACT.replace("103,", "102,2026-10-04 12:20:00,A,3,Too busy\n103,"), encoding="utf-8"
    )
    path = tmp_path / "a.yaml"
    path.write_text(
        "name: Unit A\nlanguage: en\ndata: {path: responses.csv}\n"
        "columns: {date: submitted_at, id: Respondent ID}\n",
        encoding="utf-8",
    )
    unit = load_unit(path)
    cache = open_cache(export_cache(unit, cache_dir=tmp_path / "cache"))
    assert cached_id_warning(unit, cache) == (
        "columns.id Respondent ID repeats in 2 of 5 rows, each in a row equal to an earlier "
        "one but for its time: the same response exported again, counted twice (in two months "
        "when the times fall apart). The id is right; set dedupe: true to keep the first copy."
    )
    ja = id_repeats_warning(pd.Series(["1", "1"]), column="ID", language="ja", reexported=1)
    assert ja == (
        "columns.id「ID」は2行のうち1行で前の行と同じ値ですが、いずれも日時のほかは前の行と"
        "すべての列が同じ行です（同じ回答の再エクスポート）。このままでは同じ回答を二度数えます"
        "（日時が月をまたぐと両方の月に）。IDはそのままで、dedupe: trueを設定すると最初の行だけが"
        "残ります。"
    )
    # A returning customer among re-exports: both said, and what dedupe: true would drop.
    mixed = id_repeats_warning(
        pd.Series(["1", "1", "2", "2"]), column="ID", language="en", reexported=1
    )
    assert mixed is not None and "a returning customer's answers share it" in mixed
    assert mixed.endswith(
        " 1 of the 2 repeats is a row equal to an earlier one but for its time (the same "
        "response exported again), counted twice; dedupe: true would drop it, but also keep "
        "only the first answer of each returning customer."
    )
