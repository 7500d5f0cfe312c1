"""An XLSX's formulas saved without their values (``nps_kit._xlsx_formulas``, FIX91).

Every reader of values reads such a cell as blank: a ``=SUBTOTAL(…)`` line with a label was a
response with a missing score, a score written ``=8`` a missing score, without a word. The
fixtures (``tests/fix91/gen_formulas.py``) are written by openpyxl, which computes nothing;
the figures are checked against plain pandas on the rows with a date.
"""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from _qa import qa_script
from openpyxl import Workbook

from nps_kit._xlsx_formulas import FormulaError
from nps_kit.cli import main
from nps_kit.load import load_responses
from nps_kit.unit import prepare_unit

# Outside the repository's own (Japanese) project: these check the English output (MSG41).
pytestmark = pytest.mark.usefixtures("outside_the_demo_project")


gen = qa_script("fix91", "gen_formulas")
NAMES = {"ja": gen.JA, "en": gen.EN}


@pytest.fixture(scope="module")
def exports(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("fix91")
    gen.main(root)
    return root


def _truth(path: Path, lang: str) -> pd.DataFrame:
    """The responses by hand: every row with a date (the lines have none)."""
    names = NAMES[lang]
    frame = pd.read_excel(path)
    frame = frame[frame[names[1]].notna()].copy()
    frame["month"] = pd.to_datetime(frame[names[1]]).dt.strftime("%Y-%m")
    return frame


def _nps(scores: pd.Series) -> tuple[int, float]:
    s = scores.dropna().astype(float)
    return len(s), round(100 * ((s >= 9).sum() - (s <= 6).sum()) / len(s), 4)


@pytest.mark.parametrize(("stem", "lang"), [("ja_lines", "ja"), ("en_lines", "en"),
                                            ("ja_saved", "ja")])  # fmt: skip
def test_score_counts_pandas_n_and_nps_overall_and_by_branch_and_month(
    stem: str, lang: str, exports: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    names = NAMES[lang]
    truth = _truth(exports / f"{stem}.xlsx", lang)
    capsys.readouterr()
    args = [str(exports / f"{stem}.xlsx"), "--score-column", names[3], "--by", names[2],
            "--period", "month", "--date-column", names[1]]  # fmt: skip
    assert main(["score", *args, "--format", "json", "--min-report-n", "0"]) == 0
    got = json.loads(capsys.readouterr().out)
    assert (got["overall"]["n"], round(got["overall"]["nps"], 4)) == _nps(truth[names[3]])
    assert (got["excluded"]["missing"], got["excluded"]["invalid"]) == (0, 0)
    groups = truth.groupby([names[2], "month"])
    expected = {(str(u), m): _nps(g[names[3]]) for (u, m), g in groups}
    seen = {(g["group"][names[2]], g["group"]["period"]): (g["n"], round(g["nps"], 4))
            for g in got["groups"]}  # fmt: skip
    assert seen == expected


def test_the_lines_are_said_with_excel_s_subtotal_lines_in_either_language(
    exports: Path,
) -> None:
    loaded = load_responses(exports / "ja_lines.xlsx", score_column="おすすめ度")
    assert loaded.report.totals_why == ("excel_formula",) * 6
    assert loaded.report.left_out("ja") == [
        "Excelの小計（集計）機能が表の中に入れた集計行6行（名古屋 平均（ja_lines.xlsx 3行目；"
        "Excelの集計行：上の行を集計する数式で、値が保存されていません（または#DIV/0!などの"
        "エラー））、名古屋 標本標準偏差（ja_lines.xlsx 4行目；Excelの集計行：上の行を集計する"
        "数式で、値が保存されていません（または#DIV/0!などのエラー））、大阪 平均（ja_lines.xlsx "
        "19行目；Excelの集計行：上の行を集計する数式で、値が保存されていません（または#DIV/0!"
        "などのエラー））、東京 本店 平均（ja_lines.xlsx 29行目；Excelの集計行：上の行を集計する"
        "数式で、値が保存されていません（または#DIV/0!などのエラー））、福岡 平均（ja_lines.xlsx "
        "36行目；Excelの集計行：上の行を集計する数式で、値が保存されていません（または#DIV/0!"
        "などのエラー））、全体の平均（ja_lines.xlsx 37行目；Excelの集計行：上の行を集計する"
        "数式で、値が保存されていません（または#DIV/0!などのエラー）））を除きました。グループの"
        "数値で、回答ではありません。"
    ]
    # The sheet's empty rows are not these lines: no "empty rows skipped".
    assert loaded.report.blank_rows_dropped == 0
    english = load_responses(exports / "en_lines.xlsx", score_column="Score").report
    assert english.totals_rows[:2] == ("Chicago Average", "Chicago Count")
    assert english.left_out("en")[0].startswith(
        "7 subtotal lines that Excel's Data → Subtotal put into the table (Chicago Average "
        "(en_lines.xlsx row 14; an Excel subtotal line: a formula over the rows above whose "
        "value is not saved (or is an error such as #DIV/0!)), "
    )


def test_a_line_without_a_label_is_named_by_its_formula(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["date", "score"])
    sheet.append(["2026-11-01", 9])
    sheet.append(["2026-11-02", 4])
    sheet.append([None, "=AVERAGE(B2:B3)"])
    sheet.append(["2026-11-03", 10])  # a response under it: the line is inside the table
    book.save(tmp_path / "x.xlsx")
    report = load_responses(tmp_path / "x.xlsx", score_column="score").report
    assert report.totals_rows == ("=AVERAGE(B2:B3)",)
    assert (report.n_valid, report.n_missing) == (3, 0)


@pytest.mark.parametrize(
    "formula",
    [
        '=IFERROR(SUBTOTAL(1,B2:B3),"")',
        "=IFNA(AVERAGE(B2:B3),0)",
        "=ROUND(SUBTOTAL(1,$B$2:$B$3),1)",
        '=IFERROR(ROUND(_xlfn.AGGREGATE(1,6,B2:B3),1),"-")',
    ],
)
def test_an_aggregate_wrapped_in_iferror_or_round_is_a_line(tmp_path: Path, formula: str) -> None:
    # FIX94: a report tool's =IFERROR(SUBTOTAL(9,…),"") line (blank when its group is) was
    # refused as a formula that is no line, the whole file with it.
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["date", "score", "branch"])
    sheet.append(["2026-11-01", 9, "Osaka"])
    sheet.append(["2026-11-02", 4, "Osaka"])
    sheet.append([None, formula, "Osaka Average"])
    sheet.append(["2026-11-03", 10, "Kobe"])
    book.save(tmp_path / "x.xlsx")
    report = load_responses(tmp_path / "x.xlsx", score_column="score").report
    assert report.totals_rows == ("Osaka Average",)
    assert (report.n_valid, report.n_missing) == (3, 0)


@pytest.mark.parametrize(
    "formula", ["=IFERROR(B3*2,0)", "=ROUND(B3/2,0)", "=IFERROR(SUM(B2:B4),0)"]
)
def test_a_wrapper_around_no_aggregate_of_other_rows_is_still_refused(
    tmp_path: Path, formula: str
) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["date", "score", "x"])
    sheet.append(["2026-11-01", 9, None])
    sheet.append(["2026-11-02", 4, formula])
    sheet.append(["2026-11-03", 8, None])
    book.save(tmp_path / "x.xlsx")
    with pytest.raises(FormulaError):
        load_responses(tmp_path / "x.xlsx", score_column="score")


def test_a_score_written_as_a_formula_is_an_error_naming_file_sheet_cells_and_formula(
    exports: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = exports / "ja_unsaved.xlsx"
    capsys.readouterr()
    assert main(["score", str(path), "--score-column", "おすすめ度"]) == 2
    # A Japanese header hears Japanese before any project language is known (FIX94).
    assert capsys.readouterr().err == (
        f"nps-kit score: error: {path}のシート「回答」：6個のセルが数式だけで、その値がファイルに"
        "保存されていません（D5 =8、D10 =10、D15 =9、D20 =6、D25 =8 ほか1個）。数式を計算しない"
        "プログラムで書かれたブックで、値はすべて空欄（無回答）として読まれてしまうため、"
        "読み込みを中止しました。ExcelかLibreOfficeでファイルを開いて保存し直し、値を保存して"
        "ください。またはCSVで出力してください。\n"
    )
    english = exports / "en_unsaved.xlsx"
    assert main(["inspect", str(english)]) == 2
    assert capsys.readouterr().err.startswith(
        f"nps-kit inspect: error: {english}, sheet 'Responses': 30 cells hold a formula whose "
        "value the file does not store (D2 =ROUND(F2*2,0), "
    )


def test_a_japanese_unit_hears_it_in_japanese(exports: Path) -> None:
    path = exports / "en_unsaved.xlsx"
    with pytest.raises(FormulaError) as caught:
        prepare_unit(
            path, name="全体", language="ja", score_column="Score", date_column="Date",
            period=gen.MONTH,
        )  # fmt: skip
    assert str(caught.value) == (
        f"{path}のシート「Responses」：30個のセルが数式だけで、その値がファイルに保存されて"
        "いません（D2 =ROUND(F2*2,0)、D3 =ROUND(F3*2,0)、D4 =ROUND(F4*2,0)、D5 =ROUND(F5*2,0)、"
        "D6 =ROUND(F6*2,0) ほか25個）。数式を計算しないプログラムで書かれたブックで、値はすべて"
        "空欄（無回答）として読まれてしまうため、読み込みを中止しました。ExcelかLibreOfficeで"
        "ファイルを開いて保存し直し、値を保存してください。またはCSVで出力してください。"
    )
    assert caught.value.cells[0] == ("D2", "=ROUND(F2*2,0)")
    assert caught.value.failures.iloc[0].to_dict() == {
        "row": 2, "column": "Score", "value": "=ROUND(F2*2,0)",
        "reason": "formula without a saved value",
    }  # fmt: skip
    assert len(caught.value.failures) == 30


def test_a_shared_formula_is_named_as_each_cell_holds_it(exports: Path, tmp_path: Path) -> None:
    # Excel and exporters write a column's formula once (t="shared") and the other cells by
    # reference: each is named with its own formula.
    source, path = exports / "en_unsaved.xlsx", tmp_path / "shared.xlsx"
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(path, "w") as new:
        for item in old.infolist():
            data = old.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                text = data.decode("utf-8")
                text = text.replace(
                    "<f>ROUND(F2*2,0)</f>", '<f t="shared" ref="D2:D31" si="0">ROUND(F2*2,0)</f>'
                )
                text = re.sub(r"<f>ROUND\(F(\d+)\*2,0\)</f>", '<f t="shared" si="0"/>', text)
                data = text.encode("utf-8")
            new.writestr(item, data)
    with pytest.raises(FormulaError) as caught:
        load_responses(path, score_column="Score")
    assert caught.value.cells[:3] == (
        ("D2", "=ROUND(F2*2,0)"), ("D3", "=ROUND(F3*2,0)"), ("D4", "=ROUND(F4*2,0)")
    )  # fmt: skip
    assert len(caught.value.cells) == 30


@pytest.mark.parametrize(
    "formula",
    [
        "=SUM(E3:G3)",  # a row's own total: an answer computed, not a group's line
        "=B3*2",
        '=IF(B3>8,"promoter","")',
    ],
)
def test_any_formula_that_is_no_line_is_refused(tmp_path: Path, formula: str) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["date", "score", "label", "x", "a", "b", "c"])
    sheet.append(["2026-11-01", 9, "Osaka", None, 1, 2, 3])
    sheet.append(["2026-11-02", 4, "Osaka", formula, 1, 2, 3])
    book.save(tmp_path / "x.xlsx")
    with pytest.raises(FormulaError) as caught:
        load_responses(tmp_path / "x.xlsx", score_column="score")
    assert caught.value.cells == (("D3", formula),)


@pytest.mark.parametrize(
    "formula",
    [
        "=AVERAGE($D$2:D{r})",  # a running mean: its range ends on its own row
        "=AVERAGE($D$2:D{p})",  # the mean of the rows above: a figure of others, on a response
        "=AVERAGE($D$2:$D$9)",  # the column's mean on every row, to compare each score with
        "=MAX($D$2:$D$9)",
    ],
)
def test_a_column_aggregating_rows_on_every_response_is_refused_not_read_as_lines(
    tmp_path: Path, formula: str
) -> None:
    # REVIEW39: each response of such a column was left out as a subtotal line, and the score
    # was of none or one response, exit 0. A line holds a label and its figures, no answer,
    # and never aggregates its own row.
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["id", "date", "region", "score", "comment", "helper"])
    for r in range(2, 10):
        helper = formula.format(r=r, p=r - 1) if r > 2 else None
        sheet.append([f"R{r}", f"2026-11-{r:02d}", "Osaka", r, "fine", helper])
    book.save(tmp_path / "x.xlsx")
    with pytest.raises(FormulaError) as caught:
        load_responses(tmp_path / "x.xlsx", score_column="score")
    assert caught.value.cells[:2] == (
        ("F3", formula.format(r=3, p=2)), ("F4", formula.format(r=4, p=3))
    )  # fmt: skip
    assert len(caught.value.cells) == 7


def test_formulas_whose_values_are_saved_read_as_before(exports: Path) -> None:
    # ja_saved holds the lines' values, as Excel saves them: read by their figures
    # (nps_kit._excel_subtotals); its #DIV/0! line reads as blank, so only its formula says.
    report = load_responses(exports / "ja_saved.xlsx", score_column="おすすめ度").report
    assert report.totals_why == ("excel_mean", "excel_formula") + ("excel_mean",) * 4


def test_init_from_such_an_export_writes_nothing(exports: Path, tmp_path: Path) -> None:
    project = tmp_path / "project"
    assert main(["init", str(project), "--from", str(exports / "ja_unsaved.xlsx")]) == 2
    assert not project.exists()


def test_init_and_inspect_refuse_a_japanese_export_in_japanese(
    exports: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # FIX94: init --from and inspect on a Japanese workbook refused it in English.
    path = exports / "ja_unsaved.xlsx"
    capsys.readouterr()
    for command in (["init", str(tmp_path / "p"), "--from", str(path)], ["inspect", str(path)]):
        assert main(command) == 2
        assert capsys.readouterr().err == (
            f"nps-kit {command[0]}: error: {path}のシート「回答」：6個のセルが数式だけで、その値が"
            "ファイルに保存されていません（D5 =8、D10 =10、D15 =9、D20 =6、D25 =8 ほか1個）。"
            "数式を計算しないプログラムで書かれたブックで、値はすべて空欄（無回答）として読まれて"
            "しまうため、読み込みを中止しました。ExcelかLibreOfficeでファイルを開いて保存し直し、"
            "値を保存してください。またはCSVで出力してください。\n"
        )
