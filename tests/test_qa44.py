"""QA44's two exports (``tests/qa44/gen.py``) through init and score, against pandas.

A hotel chain's Medallia-style export (UTF-16 LE with BOM, tab-separated; scores written ``9``,
``９``, ``１０`` and ``10 - Extremely likely``; check-out dates ``2026年11月3日``; Japanese and
English comments in one property; 札幌大通 under the floor in winter) and a US dental clinic
group's Google Forms CSV (``11/3/2026 14:05:09``, no id, no consent, blank rows, an exact
duplicate row and a double submission). Every unit × month is computed again with pandas from
the generator's truth, with an adjusted-Wald interval written here.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import pandas as pd
import pytest
import yaml
from _qa import qa_script

from nps_kit.cli import main

pytestmark = pytest.mark.usefixtures("outside_the_demo_project")

gen = qa_script("qa44", "gen")


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("qa44")
    gen.main(folder)
    return folder


def _score(capsys: pytest.CaptureFixture[str], *args: str) -> dict:
    capsys.readouterr()
    assert main(["score", *args, "--format", "json", "--min-report-n", "0"]) == 0
    return json.loads(capsys.readouterr().out)


def _adjusted_wald(p: int, n: int, d: int) -> tuple[float, float]:
    """Rocks (2016): +3/4 promoter, +3/2 passive, +3/4 detractor, 95 %, clipped to [-100, 100]
    and widened to hold the observed NPS."""
    m = n + 3
    pp, dd = (p + 0.75) / m, (d + 0.75) / m
    est, se = pp - dd, math.sqrt((pp + dd - (pp - dd) ** 2) / m)
    observed = (p - d) / n
    low, high = max(-1.0, est - 1.959964 * se), min(1.0, est + 1.959964 * se)
    return 100 * min(low, observed), 100 * max(high, observed)


def _by_unit_month(truth: pd.DataFrame) -> dict[tuple[str, str], tuple[int, float, float, float]]:
    out = {}
    for (unit, month), rows in truth.groupby([truth["unit"], truth["when"].dt.strftime("%Y-%m")]):
        s = rows["score"]
        p, d = int((s >= 9).sum()), int((s <= 6).sum())
        out[(str(unit), str(month))] = (
            len(s),
            100 * (p - d) / len(s),
            *_adjusted_wald(p, len(s), d),
        )
    return out


def _same(result: dict, unit: str, truth: pd.DataFrame) -> None:
    got = {
        (g["group"][unit], g["group"]["period"]): (g["n"], g["nps"], g["ci_low"], g["ci_high"])
        for g in result["groups"]
    }
    expected = _by_unit_month(truth)
    assert got.keys() == expected.keys()
    for key, (n, nps, low, high) in expected.items():
        assert got[key][0] == n, key
        assert got[key][1:] == pytest.approx((nps, low, high), abs=1e-4), key


def test_every_property_s_months_equal_pandas_whatever_way_the_score_is_written(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    result = _score(capsys, str(root / "hotel" / gen.HOTEL_FILE), "--score-column", gen.HOTEL_NPS,
                    "--by", gen.HOTEL_UNIT, "--date-column", gen.HOTEL_DATE, "--period",
                    "month")  # fmt: skip
    truth = pd.read_csv(root / "hotel" / "truth.csv", parse_dates=["when"])
    # ９, １０ and "10 - Extremely likely" are each read as their number: none left out.
    _same(result, gen.HOTEL_UNIT, truth)


def test_every_clinic_s_months_equal_pandas_read_month_first_once_each(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    result = _score(capsys, str(root / "dental" / gen.DENTAL_FILE), "--score-column",
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
