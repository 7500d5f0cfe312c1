"""Excel's Data → Subtotal lines (``nps_kit._excel_subtotals``): a group's figure, no response.

FIX89: an export grouped in Excel (Osaka Average, 大阪 平均, Grand Count, 全体のデータの個数, 総計)
and saved counted each line as a response: a whole mean or a count of ten or less as a
respondent, the rest as invalid scores. The fixtures (``tests/fix89/gen_excel_subtotals.py``)
are checked against plain pandas, which drops the lines by their blank date.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import yaml
from _qa import qa_script
from hypothesis import given, settings
from hypothesis import strategies as st

from nps_kit._totals import totals_labels, totals_rows
from nps_kit.cli import main
from nps_kit.inspect import inspect_export
from nps_kit.unit import data_quality, prepare_unit

# Outside the repository's own (Japanese) project: these check the English output (MSG41).
pytestmark = pytest.mark.usefixtures("outside_the_demo_project")


gen = qa_script("fix89", "gen_excel_subtotals")
MONTH = "2026-11"
CASES = [
    (stem, ext) for stem in gen.FILES for ext in ("csv", "xlsx") if ext == "csv" or stem in gen.XLSX
]


@pytest.fixture(scope="module")
def exports(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("fix89")
    gen.main(root)
    return root


def _names(stem: str) -> dict[str, str]:
    return gen.EN if gen.FILES[stem][0] == "en" else gen.JA


def _pandas(exports: Path, stem: str, ext: str) -> pd.DataFrame:
    """The export's responses by hand: read, Excel's lines (no date) dropped, scores as numbers."""
    path = exports / f"{stem}.{ext}"
    if ext == "xlsx":
        frame = pd.read_excel(path)
    else:
        frame = pd.read_csv(path, encoding="cp932" if gen.FILES[stem][0] == "ja" else "utf-8")
    names = _names(stem)
    frame = frame[frame[names["date"]].notna()].copy()
    frame["score"] = pd.to_numeric(frame[names["score"]])
    frame["month"] = pd.to_datetime(frame[names["date"]]).dt.strftime("%Y-%m")
    return frame


def _nps(scores: pd.Series) -> tuple[int, float]:
    s = scores.dropna()
    return len(s), round(100 * ((s >= 9).sum() - (s <= 6).sum()) / len(s), 4)


def _score(capsys: pytest.CaptureFixture[str], *args: str) -> dict:
    capsys.readouterr()
    assert main(["score", *args, "--format", "json", "--min-report-n", "0"]) == 0
    return json.loads(capsys.readouterr().out)


def _frame(rows: list[list[object]]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["id", "date", "branch", "score", "comment"], dtype=object)


ROWS = [
    ["r1", "2026-10-01", "Osaka", "9", None],
    ["r2", "2026-10-02", "Osaka", "6", "Total"],
    [None, None, "Osaka Average", "7.5", None],
    ["r3", "2026-10-03", "New York", "8", None],
    [None, None, "New York Average", "8", None],
    ["r4", "2026-10-03", "Grand", "10", None],
    ["r5", "2026-10-04", "Grand", "3", None],
    ["r6", "2026-10-04", "Grand", "5", None],
    [None, None, "Grand Average", "6", None],
    [None, None, "Grand Average", "6.833333333", None],
]


def test_each_group_s_line_and_the_grand_line_are_found_by_their_figures() -> None:
    # A one-row group's mean is its score (New York Average 8): left out because the other
    # Average lines of 'branch' are proven on groups whose rows differ. A branch named Grand
    # has its own 'Grand Average' (its mean, 6) before the grand one (every row, 6.83).
    found = totals_rows(_frame(ROWS), date_column="date", score_column="score")
    assert np.flatnonzero(found.flags).tolist() == [2, 4, 8, 9]
    assert found.why == ("excel_mean",) * 4
    assert totals_labels(_frame(ROWS), found.flags) == (
        "Osaka Average", "New York Average", "Grand Average", "Grand Average"
    )  # fmt: skip


def test_a_line_s_last_letters_and_trailing_spaces_are_every_one_the_first_look_keeps() -> None:
    # LOAD40: _END_CANDIDATE passes most of a text column over in C before each value is
    # stripped, lowered and compared with _ENDS; a character it lacked would hide a line.
    import re

    from nps_kit._excel_subtotals import _END_CANDIDATE, _ENDS

    lasts = {word[-1] for word in _ENDS}
    ending = [chr(c) for c in range(0x110000) if chr(c).lower()[-1:] in lasts]
    spaces = [chr(c) for c in range(0x110000) if chr(c).isspace()]
    assert [c for c in ending if not re.search(_END_CANDIDATE, c)] == []
    assert [s for s in spaces if not re.search(_END_CANDIDATE, f"Total{s}{s}")] == []
    assert not any(re.search(_END_CANDIDATE, v) for v in ("R0000001", "2026-10-01", "Osaka"))


def test_text_columns_read_as_strings_find_the_same_lines() -> None:
    # The first look in C runs on string columns (a CSV's): the lines found are the object
    # columns' ones, also with a label's trailing full-width space or in capitals.
    rows = [[*row[:2], f"{row[2]}\u3000" if row[2] == "Osaka Average" else row[2], *row[3:]]
            for row in ROWS]  # fmt: skip
    rows[4][2] = "NEW YORK AVERAGE"
    for frame in (_frame(rows), _frame(rows).astype("string"), _frame(rows).astype("str")):
        found = totals_rows(frame, date_column="date", score_column="score")
        assert np.flatnonzero(found.flags).tolist() == [2, 4, 8, 9], frame.dtypes.iloc[0]


def test_a_label_alone_is_no_evidence() -> None:
    # A figure that is not the group's, a comment, a date or a one-row group with nothing
    # proven beside it: each is someone's answer.
    cases = {
        # 9: not 7.5, nor 7.5 shown without decimals (8, Excel's format "0").
        "another figure": [*ROWS[:2], [None, None, "Osaka Average", "9", None]],
        "a comment": [*ROWS[:2], [None, None, "Osaka Average", "7.5", "ok"]],
        "a date": [*ROWS[:2], ["r9", "2026-10-05", "Osaka Average", "7.5", None]],
        "one row alone": [*ROWS[3:5]],
        "not the group above": [*ROWS[:2], [None, None, "Kyoto Average", "7.5", None]],
        # Excel leaves every column it does not subtotal blank: a number there is an answer.
        "a number id": [*ROWS[:2], ["1042", None, "Osaka Max", "9", None]],
    }
    for case, rows in cases.items():
        found = totals_rows(_frame(rows), date_column="date", score_column="score")
        assert not found.flags.any(), case


def test_a_mean_shown_without_decimals_is_its_group_s_rounded_mean() -> None:
    # REVIEW38: a score column formatted "0" saves Osaka's 7.33 as 7 and Kobe's 3.5 as 4
    # (half away from zero); the lines were three respondents (n 8, NPS -50; pandas 5, -40).
    rows = [
        ["a", "2026-10-01", "Osaka", "9", None],
        ["b", "2026-10-01", "Osaka", "6", None],
        ["c", "2026-10-01", "Osaka", "7", None],
        [None, None, "Osaka Average", "7", None],
        ["d", "2026-10-01", "Kobe", "3", None],
        ["e", "2026-10-01", "Kobe", "4", None],
        [None, None, "Kobe Average", "4", None],
        [None, None, "Grand Average", "6", None],
    ]
    found = totals_rows(_frame(rows), date_column="date", score_column="score")
    assert np.flatnonzero(found.flags).tolist() == [3, 6, 7]
    rows[6][3] = "3"  # 3.5 never shows as 3: Kobe's line is an answer (then the grand mean
    found = totals_rows(_frame(rows), date_column="date", score_column="score")  # is 5.33)
    assert np.flatnonzero(found.flags).tolist() == [3]


def test_a_sum_shown_with_thousands_separators_is_a_figure() -> None:
    # REVIEW38: Osaka Total 2,250 (format "#,##0") read as text, so the line was an invalid
    # answer; 1_0 is no number (Python's float reads it as 10).
    rows = [[f"r{i}", "2026-10-01", "Osaka", "9" if i % 2 else "6", None] for i in range(300)]
    found = totals_rows(
        _frame([*rows, [None, None, "Osaka Total", "2,250", None]]),
        date_column="date", score_column="score",
    )  # fmt: skip
    assert np.flatnonzero(found.flags).tolist() == [300]
    assert found.why == ("excel_sum",)
    two = [["a", None, "Osaka", "9", None], ["b", None, "Osaka", "1", None]]
    proven = [*two, [None, None, "Osaka Average", "5", None]]
    found = totals_rows(
        _frame([*proven, [None, None, "Osaka Total", "1_0", None]]),
        date_column="date", score_column="score",
    )  # fmt: skip
    assert np.flatnonzero(found.flags).tolist() == [2]


def test_nested_functions_and_counts_sums_and_japanese_labels() -> None:
    rows = [
        ["a", "2026-10-01", "大阪", "9", None],
        ["b", "2026-10-02", "大阪", "", None],  # COUNTA counts two cells, 数値の個数 one
        ["c", "2026-10-02", "大阪", "3", None],
        [None, None, "大阪 データの個数", "2", None],
        [None, None, "大阪 平均", "6.00", None],
        ["d", "2026-10-03", "東京 本店", "10", None],
        ["e", "2026-10-03", "東京 本店", "8", None],
        [None, None, "東京 本店 データの個数", "2", None],
        [None, None, "東京 本店 平均", "9.00", None],
        [None, None, "全体のデータの個数", "4", None],
        [None, None, "全体の平均", "7.50", None],
    ]
    found = totals_rows(_frame(rows), date_column="date", score_column="score")
    assert np.flatnonzero(found.flags).tolist() == [3, 4, 7, 8, 9, 10]
    assert found.why == ("excel_count", "excel_mean") * 3
    summed = [*rows[:3], [None, None, "大阪 集計", "12", None], [None, None, "総計", "12", None]]
    found = totals_rows(_frame(summed), date_column="date", score_column="score")
    assert found.flags.tolist() == [False] * 3 + [True] * 2


@pytest.mark.parametrize(("stem", "ext"), CASES)
def test_score_and_score_by_count_pandas_n_and_nps(
    stem: str, ext: str, exports: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    names, truth = _names(stem), _pandas(exports, stem, ext)
    got = _score(
        capsys, str(exports / f"{stem}.{ext}"), "--score-column", names["score"],
        "--by", names["unit"], "--period", "month", "--date-column", names["date"],
    )  # fmt: skip
    n, value = _nps(truth["score"])
    assert (got["overall"]["n"], round(got["overall"]["nps"], 4)) == (n, value)
    assert got["excluded"]["invalid"] == 0
    assert got["overall"]["n"] + got["excluded"]["missing"] == len(truth)
    groups = truth.groupby([names["unit"], "month"])
    expected = {(str(u), m): _nps(g["score"]) for (u, m), g in groups if g["score"].notna().any()}
    seen = {(g["group"][names["unit"]], g["group"]["period"]): (g["n"], round(g["nps"], 4))
            for g in got["groups"]}  # fmt: skip
    assert seen == expected


def test_the_lines_are_said_in_english_and_in_japanese(
    exports: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert main(["score", str(exports / "en_average.csv"), "--score-column", "Score"]) == 0
    err = " ".join(capsys.readouterr().err.split())
    assert (
        "6 subtotal lines that Excel's Data → Subtotal put into the table (Chicago Average "
        "(en_average.csv row 16; an Excel subtotal line: the mean of its rows above)"
    ) in err
    assert "totals rows under the table" not in err
    unit = prepare_unit(
        exports / "ja_count.csv", name="全店", language="ja", score_column="おすすめ度",
        date_column="回答日", period=MONTH,
    )  # fmt: skip
    table = data_quality(unit)
    said = dict(zip(table["item"], table["value"], strict=True))
    lines = said["除いた合計行（回答ではありません）"]
    assert lines.startswith(
        "5（名古屋 データの個数（ja_count.csv 3行目；Excelの集計行：上の行のデータの個数）"
    )
    assert lines.endswith(
        "全体のデータの個数（ja_count.csv 45行目；Excelの集計行：上の行のデータの個数））"
    )
    assert unit.load.left_out("ja")[0].startswith(
        "Excelの小計（集計）機能が表の中に入れた集計行5行"
    )


@pytest.mark.parametrize("stem", ["en_nested", "ja_average"])
def test_inspect_counts_the_responses_and_init_makes_a_unit_per_branch(
    stem: str, exports: Path
) -> None:
    names, truth = _names(stem), _pandas(exports, stem, "csv")
    assert inspect_export(exports / f"{stem}.csv").responses == len(truth)
    project = exports / f"project_{stem}"
    assert main(["init", str(project), "--from", str(exports / f"{stem}.csv"),
                 "--unit-column", names["unit"]]) == 0  # fmt: skip
    made = {
        yaml.safe_load(p.read_text("utf-8"))["name"]
        for p in (project / "parameters").glob("*.yaml")
        if p.stem not in ("defaults", "playbook", "themes")
    }
    assert made == set(truth[names["unit"]].astype(str))


@pytest.mark.slow
def test_run_reports_a_branch_s_pandas_n_and_nps(exports: Path, tmp_path: Path) -> None:
    # The whole path on a real kernel: 大阪's November report from the cp932 export.
    project = exports / "project_run"
    source = exports / "ja_average.csv"
    assert main(["init", str(project), "--from", str(source), "--unit-column", "店舗"]) == 0
    unit = next(
        p.stem for p in (project / "parameters").glob("*.yaml")
        if yaml.safe_load(p.read_text("utf-8")).get("name") == "大阪"
    )  # fmt: skip
    done = subprocess.run(
        [sys.executable, "-m", "nps_kit.cli", "run", unit, "--period", MONTH,
         "--parameters", str(project / "parameters"), "--output", str(tmp_path / "reports"),
         "--notebook", str(project / "notebooks" / "nps_report.ipynb")],
        capture_output=True, text=True, check=False, cwd=project,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
    )  # fmt: skip
    assert done.returncode == 0, done.stderr + done.stdout
    manifest = json.loads((tmp_path / "reports" / MONTH / "manifest.json").read_text("utf-8"))
    summary = manifest["units"][0]["summary"]
    truth = _pandas(exports, "ja_average", "csv")
    november = truth[(truth["店舗"] == "大阪") & (truth["month"] == MONTH)]
    assert (summary["n"], round(summary["nps"], 4)) == _nps(november["score"])


def test_lines_above_their_groups_are_found_too() -> None:
    # "Summary below data" unticked: each line above its group, the grand line above the table,
    # two functions (Count, then Average) above each group.
    rows = [
        [None, None, "Grand Count", "5", None],
        [None, None, "Grand Average", "6.4", None],
        [None, None, "Osaka Count", "2", None],
        [None, None, "Osaka Average", "7.5", None],
        ["r1", "2026-10-01", "Osaka", "9", None],
        ["r2", "2026-10-02", "Osaka", "6", None],
        [None, None, "Tokyo Count", "3", None],
        [None, None, "Tokyo Average", "5.666666667", None],
        ["r3", "2026-10-03", "Tokyo", "10", None],
        ["r4", "2026-10-04", "Tokyo", "3", None],
        ["r5", "2026-10-04", "Tokyo", "4", None],
    ]
    found = totals_rows(_frame(rows), date_column="date", score_column="score")
    assert np.flatnonzero(found.flags).tolist() == [0, 1, 2, 3, 6, 7]
    assert found.why == ("excel_count", "excel_mean") * 3


def test_nested_levels_region_then_store_are_found() -> None:
    # Subtotal by Region, then by Store without replacing: the store lines stand inside each
    # region, the region line after its stores' lines (its figure over the region's rows).
    frame = pd.DataFrame(
        [
            ["2026-10-01", "Kanto", "Shinjuku", "9"],
            ["2026-10-02", "Kanto", "Shinjuku", "5"],
            [None, None, "Shinjuku Average", "7"],
            ["2026-10-03", "Kanto", "Ueno", "10"],
            [None, None, "Ueno Average", "10"],
            [None, "Kanto Average", None, "8"],
            ["2026-10-04", "Kansai", "Umeda", "4"],
            ["2026-10-05", "Kansai", "Umeda", "6"],
            [None, None, "Umeda Average", "5"],
            [None, "Kansai Average", None, "5"],
            [None, "Grand Average", None, "6.8"],
        ],
        columns=["date", "region", "store", "score"],
        dtype=object,
    )
    found = totals_rows(frame, date_column="date", score_column="score")
    assert np.flatnonzero(found.flags).tolist() == [2, 4, 5, 8, 9, 10]


# FIX91: the dialog's six other functions, sample and population as Excel computes them.
SPREAD = {
    "product": ("Product", "積", lambda v: v.prod()),
    "stdev": ("StdDev", "標本標準偏差", lambda v: v.std(ddof=1)),
    "stdevp": ("StdDevp", "標準偏差", lambda v: v.std(ddof=0)),
    "var": ("Var", "標本分散", lambda v: v.var(ddof=1)),
    "varp": ("Varp", "分散", lambda v: v.var(ddof=0)),
}


def _grouped(groups: list[list[int]], word: str, grand: str, compute: object) -> list[list]:
    rows: list[list] = []
    every: list[int] = []
    for k, scores in enumerate(groups):
        name = f"Branch {k}"
        rows += [[f"r{k}-{j}", "2026-10-01", name, str(s), None] for j, s in enumerate(scores)]
        value = compute(pd.Series(scores, dtype=float))  # type: ignore[operator]
        rows.append([None, None, f"{name} {word}", f"{value:.10g}", None])
        every += scores
    value = compute(pd.Series(every, dtype=float))  # type: ignore[operator]
    rows.append([None, None, grand, f"{value:.10g}", None])
    return rows


@pytest.mark.parametrize("function", list(SPREAD))
@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_other_functions_lines_are_their_groups_figures(function: str, lang: str) -> None:
    en, ja, compute = SPREAD[function]
    word, grand = (en, f"Grand {en}") if lang == "en" else (ja, f"全体の{ja}")
    groups = [[9, 6, 3], [10, 8], [7, 2, 5, 9]]
    rows = _grouped(groups, word, grand, compute)
    found = totals_rows(_frame(rows), date_column="date", score_column="score")
    truth = [i for i, row in enumerate(rows) if row[1] is None]
    assert np.flatnonzero(found.flags).tolist() == truth
    assert found.why == (f"excel_{function}",) * len(truth)


@pytest.mark.parametrize(
    ("word", "other"), [("StdDev", "stdevp"), ("StdDevp", "stdev"), ("Var", "varp"),
                        ("Varp", "var"), ("標本標準偏差", "stdevp"), ("分散", "var")]
)  # fmt: skip
def test_a_sample_figure_is_not_the_population_s_nor_the_other_way(word: str, other: str) -> None:
    # Excel's STDEV divides by n - 1, STDEVP by n: the other one's figure is no such line.
    # [10, 8] would not do: its population deviation 1 is the sample's 1.41 shown as "0".
    rows = _grouped([[9, 6, 3], [10, 7]], word, "Grand Total", SPREAD[other][2])[:-1]
    found = totals_rows(_frame(rows), date_column="date", score_column="score")
    assert not found.flags.any()


def test_a_sample_line_over_one_row_is_excel_s_div0() -> None:
    rows = [
        ["a", "2026-10-01", "Osaka", "9", None],
        ["b", "2026-10-01", "Osaka", "6", None],
        [None, None, "Osaka StdDev", "2.121320344", None],
        ["c", "2026-10-01", "Kobe", "7", None],
        [None, None, "Kobe StdDev", "#DIV/0!", None],
        [None, None, "Grand StdDev", "1.527525232", None],
    ]
    found = totals_rows(_frame(rows), date_column="date", score_column="score")
    assert np.flatnonzero(found.flags).tolist() == [2, 4, 5]
    # #DIV/0! under two rows, or under a population's function, is no such figure.
    rows[4] = [None, None, "Osaka Varp", "#DIV/0!", None]
    rows[4:4] = [["d", "2026-10-01", "Osaka", "8", None]]
    found = totals_rows(_frame(rows[:2] + rows[4:5]), date_column="date", score_column="score")
    assert not found.flags.any()


def test_a_product_shown_in_scientific_notation_is_its_group_s() -> None:
    # Excel's General format shows 9^12 (282,429,536,481) as 2.8243E+11.
    rows = [[f"r{j}", "2026-10-01", "Osaka", "9", None] for j in range(12)]
    rows.append([None, None, "Osaka Product", "2.8243E+11", None])
    found = totals_rows(_frame(rows), date_column="date", score_column="score")
    assert np.flatnonzero(found.flags).tolist() == [12]
    rows[-1][3] = "2.8244E+11"  # off in the last written digit: an answer
    assert not totals_rows(_frame(rows), date_column="date", score_column="score").flags.any()


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.lists(st.integers(0, 10), min_size=1, max_size=6), min_size=2, max_size=4),
    st.sampled_from(["product", "stdevp", "varp"]),
)
def test_any_groups_lines_are_found_and_never_a_response(
    groups: list[list[int]], function: str
) -> None:
    # Every line is left out once one of them is a figure no row holds; while each is also its
    # rows' own answer (equal scores whose figure is that score), none is.
    en, _, compute = SPREAD[function]
    rows = _grouped(groups, en, f"Grand {en}", compute)
    found = totals_rows(_frame(rows), date_column="date", score_column="score")
    lines = [i for i, row in enumerate(rows) if row[1] is None]

    def own(scores: list[int]) -> bool:
        return len(set(scores)) == 1 and np.isclose(
            compute(pd.Series(scores, dtype=float)),
            scores[0],  # type: ignore[operator]
        )

    every = [s for g in groups for s in g]
    trivial = all(own(g) for g in groups) and own(every)
    assert np.flatnonzero(found.flags).tolist() == ([] if trivial else lines)


@given(st.text())
def test_every_value_the_end_pattern_finds_ends_with_one_of_its_last_characters(text: str) -> None:
    # LOAD41: distinct_found searches an id or a time stamp column only in the rows that end
    # with one of _END_LAST; a value found must end so, whatever it holds.
    import re

    from nps_kit._excel_subtotals import _END_CANDIDATE, _END_LAST

    for value in (text, text + "Total", text + "平均 ", text + "\u3000"):
        if re.search(_END_CANDIDATE, value):
            assert value[-1] in _END_LAST, value
