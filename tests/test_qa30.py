"""QA30's three exports (``tests/qa30``) through ``score`` and a report's headline, against pandas.

A Japanese city's e-form XLSX (full-width digits, 7点, わからない, a staff test row), a German
QuestionPro CSV (cp1252, ``;``, decimal-comma weights, ``Gesamt`` row, day-first dates) and a
HubSpot-style CSV (ISO times with each company's offset, ``9.0``/``NaN`` ratings, exact repeats).
The generators write each export and its truth; every figure below is computed again here with
pandas from the truth (``check.py``). The report's figures are those of ``prepare_unit`` and
``headline``, what the report notebook calls, without starting a kernel.
"""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType

import pandas as pd
import pytest
from _qa import qa_script

from nps_kit.cli import main
from nps_kit.errors import DataError
from nps_kit.inspect import inspect_export
from nps_kit.unit import data_quality, headline, prepare_unit

# Outside the repository's own (Japanese) project: these check the English output (MSG41).
pytestmark = pytest.mark.usefixtures("outside_the_demo_project")


check = qa_script("qa30", "check")
gen_city_logoform = qa_script("qa30", "gen_city_logoform")
gen_saas_hubspot = qa_script("qa30", "gen_saas_hubspot")
gen_werkstatt_questionpro = qa_script("qa30", "gen_werkstatt_questionpro")

MONTH = "2026-11"


class Case:
    """One export: its generator, file, unit column, date column and the loader options."""

    def __init__(
        self, gen: ModuleType, file: str, unit: str, date: str, score: str, **options: object
    ) -> None:
        self.gen, self.file, self.unit, self.date, self.score = gen, file, unit, date, score
        self.options = options


CASES = {
    "city": Case(
        gen_city_logoform,
        "city_logoform.xlsx",
        "ご利用になった窓口（区役所・支所）をお選びください。",
        "完了時刻",
        gen_city_logoform.NPS_Q,
        missing_values=["わからない"],
    ),
    "werk": Case(
        gen_werkstatt_questionpro,
        "werkstatt_questionpro.csv",
        "Filiale",
        "Zeitstempel (TT.MM.JJJJ)",
        gen_werkstatt_questionpro.NPS_Q,
        date_format="day-first",
    ),
    "saas": Case(
        gen_saas_hubspot,
        "saas_hubspot.csv",
        "Company",
        "Submitted at",
        "Rating",
        id_column="Record ID",
        dedupe=True,
    ),
}
# What should count: every row as written, but for the CRM's exact repeats (dedupe: true, as
# init proposes). The city's staff test row counts here (raw); data.exclude leaves it out (FIX70).
VARIANT = {"city": "raw", "werk": "raw", "saas": "dedup"}


@pytest.fixture(scope="module")
def exports(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("qa30")
    for case in CASES.values():
        case.gen.main(root / case.file)
    return root


@pytest.mark.parametrize("dataset", list(CASES))
def test_score_by_unit_and_month_equals_pandas(
    dataset: str, exports: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    case = CASES[dataset]
    path = exports / case.file
    found = inspect_export(path)
    assert (found.nps_column, found.date_column) == (case.score, case.date)
    capsys.readouterr()
    args = [
        "score", str(path), "--score-column", case.score, "--by", case.unit, "--period", "month",
        "--date-column", case.date, "--format", "json", "--min-report-n", "0",
        *(["--id-column", "Record ID", "--dedupe"] if case.options.get("dedupe") else []),
    ]  # fmt: skip
    assert main(args) == 0
    got = json.loads(capsys.readouterr().out)
    truth = check.truth(dataset, VARIANT[dataset], exports)
    n, value = check.nps(truth["score"])
    assert (got["overall"]["n"], round(got["overall"]["nps"], 4)) == (n, round(value, 4))
    expected = {
        (str(unit), month): check.nps(g["score"])
        for (unit, month), g in truth.groupby(["unit", "month"])
        if g["score"].notna().any()
    }
    seen = {
        (g["group"][case.unit], g["group"]["period"]): (g["n"], round(g["nps"], 4))
        for g in got["groups"]
    }
    assert seen == {k: (n, round(v, 4)) for k, (n, v) in expected.items()}


def test_weighted_score_with_decimal_comma_weights_equals_pandas(
    exports: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    case = CASES["werk"]
    capsys.readouterr()
    args = ["score", str(exports / case.file), "--score-column", case.score, "--by", case.unit,
            "--weight-column", "Gewichtung", "--format", "json"]  # fmt: skip
    assert main(args) == 0
    got = json.loads(capsys.readouterr().out)
    truth = check.truth("werk", "raw", exports)
    for g in got["groups"]:
        rows = truth[truth["unit"] == g["group"]]
        n, value = check.nps(rows["score"], rows["weight"])
        assert (g["n"], round(g["nps"], 4)) == (n, round(value, 4)), g["group"]


@pytest.mark.parametrize("dataset", list(CASES))
def test_each_unit_s_headline_and_change_equal_pandas(dataset: str, exports: Path) -> None:
    case = CASES[dataset]
    truth = check.truth(dataset, VARIANT[dataset], exports)
    previous = str(pd.Period(MONTH, "M") - 1)
    for unit in sorted(truth["unit"].unique()):
        u = prepare_unit(
            exports / case.file,
            name=unit,
            language="ja" if dataset == "city" else "en",
            unit_column=case.unit,
            unit_values=[unit],
            score_column=case.score,
            date_column=case.date,
            period=MONTH,
            **case.options,  # type: ignore[arg-type]
        )
        head = headline(u, comparisons=("previous",))
        rows = truth[truth["unit"] == unit]
        n, value = check.nps(rows.loc[rows["month"] == MONTH, "score"])
        _, before = check.nps(rows.loc[rows["month"] == previous, "score"])
        before_result = head.comparisons[0].result
        assert head.result.n == n, unit
        assert head.result.nps == pytest.approx(value, abs=1e-9), unit
        assert before_result.nps == pytest.approx(before, abs=1e-9), unit


def test_the_staff_test_row_is_left_out_by_exclude_in_score_and_the_report(
    exports: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # QA30 F7: the city's staff test (名前 テスト, 31 March) counted; 中央区役所's trend had a
    # March of n=1 and the all-unit figures 2,295 responses for 2,294.
    case = CASES["city"]
    path = exports / case.file
    truth = check.truth("city", "notest", exports)
    capsys.readouterr()
    args = ["score", str(path), "--score-column", case.score, "--by", case.unit, "--period",
            "month", "--date-column", case.date, "--format", "json", "--min-report-n", "0",
            "--exclude", "名前=ﾃｽﾄ"]  # fmt: skip
    assert main(args) == 0
    got = json.loads(capsys.readouterr().out)
    n, value = check.nps(truth["score"])
    assert (got["overall"]["n"], round(got["overall"]["nps"], 4)) == (n, round(value, 4))
    assert "1 row matching exclude was left out (a test response or the like)." in got["notes"]
    assert not any(g["group"]["period"] == "2026-03" for g in got["groups"])
    unit = prepare_unit(
        path,
        name="中央区役所",
        language="ja",
        unit_column=case.unit,
        unit_values=["中央区役所"],
        score_column=case.score,
        date_column=case.date,
        period=MONTH,
        exclude=[("名前", ["テスト"])],
        **case.options,  # type: ignore[arg-type]
    )
    assert "2026-03" not in set(unit.responses["period"].dropna())
    quality = data_quality(unit)
    said = dict(zip(quality["item"], quality["value"], strict=True))
    assert said["除外の指定（data.exclude）で除いた行（テスト回答など）"] == "1"


def test_exclude_names_a_column_the_export_lacks(exports: Path) -> None:
    case = CASES["city"]
    with pytest.raises(DataError) as caught:
        prepare_unit(
            exports / case.file,
            name="中央区役所",
            unit_column=case.unit,
            unit_values=["中央区役所"],
            score_column=case.score,
            date_column=case.date,
            period=MONTH,
            exclude=[("氏名", ["テスト"])],
        )
    assert "data.exclude.column" in str(caught.value)
    assert "'名前'" in str(caught.value)


def test_check_py_holds_a_hidden_group_to_pandas_n_under_the_floor(
    exports: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # FIX71 #7: check.py compared a group's NPS only when shown, so a group hidden at n >= 5
    # (or one shown under the floor) passed. Hidden iff pandas' n is under score's floor (5).
    case = CASES["saas"]
    args = [
        "score", str(exports / case.file), "--score-column", case.score, "--by", case.unit,
        "--period", "month", "--date-column", case.date, "--format", "json",
        "--id-column", "Record ID", "--dedupe",
    ]  # fmt: skip
    assert main(args) == 0
    got = json.loads(capsys.readouterr().out)
    hidden = [g for g in got["groups"] if g["nps"] is None]
    shown = [g for g in got["groups"] if g["nps"] is not None and g["n"] >= check.FLOOR]
    assert hidden and all(0 < g["n"] < check.FLOOR for g in hidden)
    path = tmp_path / "score.json"
    path.write_text(json.dumps(got), encoding="utf-8")
    assert check.main("saas", str(path), "dedup", root=exports) == 0
    shown[0].update(nps=None, suppressed=True)  # wrongly hidden
    hidden[0].update(nps=12.5, suppressed=False)  # wrongly shown
    path.write_text(json.dumps(got), encoding="utf-8")
    # The shown one's 12.5 is also compared with pandas' NPS: three mismatches.
    assert check.main("saas", str(path), "dedup", root=exports) == 3
    out = capsys.readouterr().out
    assert f"HIDDEN {shown[0]['group']}: n={shown[0]['n']} >= floor 5" in out
    assert f"SHOWN {hidden[0]['group']}: n={hidden[0]['n']} < floor 5, NPS 12.5" in out
