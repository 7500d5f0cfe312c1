"""QA43's two projects (``tests/qa43/gen.py``) through init and score, against pandas.

A Japanese regional bank's cp932 call-centre CSV (``2026/4/1`` and ``令和8年5月2日`` mixed in one
column, 髙島屋前出張所 under the anonymity floor, 年度 from April) and a US SaaS company's survey
written three times (Qualtrics CSV, SurveyMonkey XLSX, Parquet with UTC timestamps, fiscal year
from October). Every unit × month and unit × fiscal year is computed again with pandas from the
generator's truth; the three SaaS exports must give the same figures.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
import yaml
from _qa import assert_same, expected_groups, qa_script, score_groups, score_json

from nps_kit.cli import main

pytestmark = pytest.mark.usefixtures("outside_the_demo_project")

gen = qa_script("qa43", "gen")

SAAS_EXPORTS = {
    "qualtrics": (gen.SAAS_QUALTRICS, gen.SAAS_NPS, gen.SAAS_UNIT, "StartDate"),
    "surveymonkey": (gen.SAAS_MONKEY, gen.SAAS_NPS_TEXT, gen.SAAS_PLAN_TEXT, "Start Date"),
    "parquet": (gen.SAAS_PARQUET, "nps_score", "plan_tier", "submitted_at"),
}


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("qa43")
    gen.main(folder)
    return folder


def test_the_bank_s_branches_by_month_and_by_fiscal_year_equal_pandas(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    export = str(root / "bank" / gen.BANK_FILE)
    truth = pd.read_csv(root / "bank" / "truth.csv", parse_dates=["when"])
    args = ("--score-column", gen.BANK_NPS, "--by", gen.BANK_UNIT, "--date-column", gen.BANK_DATE)
    by_month = score_groups(score_json(capsys, export, *args, "--period", "month"), gen.BANK_UNIT)
    assert_same(by_month, expected_groups(truth, truth["when"].dt.strftime("%Y-%m")))
    # From April. Outside a project the command speaks the locale's language (the suite's is
    # English), whose fiscal years start in January and are named by the year they end in
    # (FY43), so the month is given and April 2026 is in FY2027.
    by_year = score_groups(
        score_json(capsys, export, *args, "--period", "fiscal-year", "--fiscal-start", "4"),
        gen.BANK_UNIT,
    )
    year = truth["when"].dt.year - (truth["when"].dt.month < 4)
    assert_same(by_year, expected_groups(truth, "FY" + (year + 1).astype(str)))


@pytest.mark.parametrize("export", list(SAAS_EXPORTS))
def test_each_saas_export_gives_pandas_figures_by_plan_and_fiscal_quarter(
    export: str, root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    name, score, unit, date = SAAS_EXPORTS[export]
    result = score_json(capsys, str(root / "saas" / name), "--score-column", score, "--by", unit,
                    "--date-column", date, "--period", "fiscal-quarter",
                    "--fiscal-start", "10")  # fmt: skip
    truth = pd.read_csv(root / "saas" / "truth.csv", parse_dates=["when"])
    when = truth["when"]
    start = when.dt.year - (when.dt.month < 10) + 1  # named by the year it ends in (FY43)
    quarter = ((when.dt.month - 10) % 12) // 3 + 1
    assert_same(
        score_groups(result, unit),
        expected_groups(truth, "FY" + start.astype(str) + " Q" + quarter.astype(str)),
    )


def test_init_from_the_bank_s_export_makes_its_three_branches(root: Path) -> None:
    project = root / "bank-project"
    assert main(["init", str(project), "--from", str(root / "bank" / gen.BANK_FILE),
                 "--unit-column", gen.BANK_UNIT]) == 0  # fmt: skip
    defaults = yaml.safe_load((project / "parameters" / "defaults.yaml").read_text("utf-8"))
    assert (defaults["language"], defaults["data"]["encoding"]) == ("ja", "cp932")
    assert defaults["fiscal_year_start"] == 4
    assert defaults["columns"]["date"] == gen.BANK_DATE
    names = {
        yaml.safe_load(p.read_text("utf-8"))["name"]
        for p in (project / "parameters").glob("*.yaml")
        if p.stem not in ("defaults", "themes", "playbook")
    }
    assert names == set(gen.BANK_BRANCHES)
    themes = yaml.safe_load((project / "parameters" / "themes.yaml").read_text("utf-8"))
    assert themes["extends"] == "finance"
