"""QA44's two exports (``tests/qa44/gen.py``) through init and score, against pandas.

A hotel chain's Medallia-style export (UTF-16 LE with BOM, tab-separated; scores written ``9``,
``９``, ``１０`` and ``10 - Extremely likely``; check-out dates ``2026年11月3日``; Japanese and
English comments in one property; 札幌大通 under the floor in winter) and a US dental clinic
group's Google Forms CSV (``11/3/2026 14:05:09``, no id, no consent, blank rows, an exact
duplicate row and a double submission). Every unit × month is computed again with pandas from
the generator's truth, with an adjusted-Wald interval written here.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
import yaml
from _qa import assert_same, expected_groups, qa_script, score_groups, score_json
from bs4 import BeautifulSoup

from nps_kit.cli import main

pytestmark = pytest.mark.usefixtures("outside_the_demo_project")

gen = qa_script("qa44", "gen")


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("qa44")
    gen.main(folder)
    return folder


def _same(result: dict, unit: str, truth: pd.DataFrame) -> None:
    month = truth["when"].dt.strftime("%Y-%m")
    assert_same(score_groups(result, unit), expected_groups(truth, month))


def test_every_property_s_months_equal_pandas_whatever_way_the_score_is_written(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    result = score_json(capsys, str(root / "hotel" / gen.HOTEL_FILE), "--score-column",
                        gen.HOTEL_NPS, "--by", gen.HOTEL_UNIT, "--date-column", gen.HOTEL_DATE,
                        "--period", "month")  # fmt: skip
    truth = pd.read_csv(root / "hotel" / "truth.csv", parse_dates=["when"])
    # ９, １０ and "10 - Extremely likely" are each read as their number: none left out.
    _same(result, gen.HOTEL_UNIT, truth)


def test_every_clinic_s_months_equal_pandas_read_month_first_once_each(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    result = score_json(capsys, str(root / "dental" / gen.DENTAL_FILE), "--score-column",
                        gen.DENTAL_NPS, "--by", gen.DENTAL_UNIT, "--date-column", gen.DENTAL_DATE,
                    "--period", "month", "--dedupe", "resubmissions")  # fmt: skip
    truth = pd.read_csv(root / "dental" / "truth.csv", parse_dates=["when"])
    _same(result, gen.DENTAL_UNIT, truth)


def _defaults(project: Path) -> dict:
    return yaml.safe_load((project / "parameters" / "defaults.yaml").read_text("utf-8"))


def test_init_from_the_hotel_export_takes_every_rating_with_its_not_applicable(root: Path) -> None:
    project = root / "hotel-project"
    assert main(["init", str(project), "--from", str(root / "hotel" / gen.HOTEL_FILE),
                 "--unit-column", gen.HOTEL_UNIT]) == 0  # fmt: skip
    defaults = _defaults(project)
    assert (defaults["language"], defaults["data"]["encoding"]) == ("ja", "utf-16")
    assert defaults["columns"]["contact"] == gen.HOTEL_CONSENT
    assert defaults["columns"]["id"] == gen.HOTEL_ID
    # 朝食, 30 % 「該当なし」, is a rating like the other three, not a breakdown by "4".
    ratings = [f["column"] for f in defaults["followups"] if f["type"] == "rating"]
    assert ratings == list(gen.HOTEL_RATINGS)
    assert [b["column"] for b in defaults["breakdowns"]] == [gen.HOTEL_PURPOSE]


def test_init_from_the_google_form_reads_month_first_and_drops_double_submissions(
    root: Path,
) -> None:
    project = root / "dental-project"
    assert main(["init", str(project), "--from", str(root / "dental" / gen.DENTAL_FILE),
                 "--unit-column", gen.DENTAL_UNIT]) == 0  # fmt: skip
    defaults = _defaults(project)
    assert defaults["language"] == "en"
    assert defaults["data"]["date_format"] == "month-first"
    assert defaults["data"]["dedupe"] == "resubmissions"
    assert (defaults["columns"]["id"], defaults["columns"]["contact"]) == (None, None)
    names = {
        yaml.safe_load(p.read_text("utf-8"))["name"]
        for p in (project / "parameters").glob("*.yaml")
        if p.stem not in ("defaults", "themes", "playbook")
    }
    assert names == set(gen.DENTAL_CLINICS)


@pytest.mark.slow
def test_the_google_form_s_report_calls_nobody_back_in_its_strategies(
    root: Path, tmp_path: Path
) -> None:
    # QA44: the dental group's form has no id, consent or contact field; the e-mail and the
    # follow-up box said nobody can be called back, but the strategy card still gave the
    # playbook's "an owner who checks consent, calls back and records it".
    project = tmp_path / "dental-run"
    assert main(["init", str(project), "--from", str(root / "dental" / gen.DENTAL_FILE),
                 "--unit-column", gen.DENTAL_UNIT]) == 0  # fmt: skip
    done = subprocess.run(
        [sys.executable, "-m", "nps_kit.cli", "run", "round-rock", "--period", "2026-11",
         "--parameters", str(project / "parameters"), "--output", str(project / "reports"),
         "--notebook", str(project / "notebooks" / "nps_report.ipynb")],
        capture_output=True, text=True, check=False,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
    )  # fmt: skip
    assert done.returncode == 0, done.stderr + done.stdout
    page = BeautifulSoup(
        (project / "reports" / "2026-11" / "round-rock.html").read_text("utf-8"), "html.parser"
    )
    text = " ".join(page.get_text(" ").split())
    card = text[text.index("2. Segment strategies") : text.index("3. Detractor follow-up")]
    assert "calls back" not in card
    assert (
        "The form keeps no response id, consent or contact details, so there is no one to call "
        "back: the detractors' comments and themes in this report say what to improve. To call "
        "detractors back, add a consent question and a phone or e-mail field to the form" in card
    )
