"""End to end: the real report notebook for a Japanese and an English unit, through real kernels,
the real exporter and a real browser. The figures in the HTML must be nps_kit's own."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pandas as pd
import pytest

from nps_kit.params import load_all
from nps_kit.run import run_reports
from nps_kit.score import nps
from nps_kit.unit import prepare_unit

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = "<script>alert('xss')</script>"
IMG = "<img src=x onerror=alert(1)>"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """Run ec (ja) and cloud (en) on the demo data with two hostile comments planted."""
    root = tmp_path_factory.mktemp("project")
    data = pd.read_csv(ROOT / "data" / "demo_responses.csv.gz", dtype=str, keep_default_na=False)
    october = data["submitted_at"].str.startswith("2026-10-31")
    for unit, payload in (("EC事業部", SCRIPT), ("Cloud Platform", IMG)):
        rows = data.index[october & (data["business_unit"] == unit)][:1]
        data.loc[rows, ["score", "comment", "contact_ok"]] = ["0", payload, "はい"]
    data.to_csv(root / "export.csv", index=False)
    params = root / "parameters"
    shutil.copytree(ROOT / "parameters", params)
    for unit in ("stores", "insurance", "banking"):
        (params / f"{unit}.yaml").unlink()
    defaults = (params / "defaults.yaml").read_text(encoding="utf-8")
    (params / "defaults.yaml").write_text(
        defaults.replace("path: ../data/demo_responses.csv.gz", "path: ../export.csv"),
        encoding="utf-8",
    )
    found = load_all(params)
    found.raise_if_errors()
    result = run_reports(
        list(found.units.values()),
        notebook=ROOT / "notebooks" / "nps_report.ipynb",
        output=root / "reports",
        jobs=1,  # one warm kernel runs both units: the second one runs on a reset kernel
        progress=None,
    )
    assert [u.status for u in result.units] == ["ok", "ok"], [u.error for u in result.units]
    return root, root / "reports" / "2026-10"


@pytest.mark.parametrize(
    ("unit", "name", "lang"), [("ec", "EC事業部", "ja"), ("cloud", "Cloud Platform", "en")]
)
def test_headline_nps_in_html_is_nps_kits_figure(built, unit, name, lang):
    root, folder = built
    html = (folder / f"{unit}.html").read_text(encoding="utf-8")
    prepared = prepare_unit(
        root / "export.csv",
        name=name,
        unit_column="business_unit",
        unit_values=[name],
        period="2026-10",
    )
    expected = nps(prepared.current)
    shown = re.search(r'class="nps-headline__value">([^<]+)<', html)
    assert shown is not None
    assert float(shown.group(1).replace("−", "-")) == pytest.approx(expected.nps, abs=0.05)
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    entry = next(u for u in manifest["units"] if u["unit"] == unit)
    assert entry["status"] == "ok"
    assert entry["summary"]["nps"] == pytest.approx(expected.nps)
    assert entry["summary"]["n"] == expected.n
    assert entry["parameters"]["mail"]["to"] == [f"{unit}-team@example.com"]
    assert f'<html lang="{lang}"' in html


@pytest.mark.parametrize("unit", ["ec", "cloud"])
def test_report_is_clean_self_contained_html(built, unit):
    _, folder = built
    html = (folder / f"{unit}.html").read_text(encoding="utf-8")
    assert len(html.encode()) < 1_500_000
    assert "<script" not in html.lower()
    for attribute in re.findall(r'(?:src|href)\s*=\s*"([^"]*)"', html):
        assert not attribute.startswith(("http:", "https:", "//")), attribute
    assert "@import" not in html
    for leak in (
        "Traceback",
        "Warning",
        "ERROR",
        "prepare_unit(",
        "sections.",
        "In&nbsp;[",
        "papermill",
    ):
        assert leak not in html, leak
    other = "lang-en" if unit == "ec" else "lang-ja"
    assert other not in html


def test_hostile_comments_stay_text(built):
    _, folder = built
    ja = (folder / "ec.html").read_text(encoding="utf-8")
    en = (folder / "cloud.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert('xss')&lt;/script&gt;" in ja
    assert "<script" not in ja
    assert "&lt;img src=x onerror=alert(1)&gt;" in en
    assert "<img src=x" not in en


def test_overview_links_every_unit(built):
    _, folder = built
    overview = (folder / "index.html").read_text(encoding="utf-8")
    assert 'href="ec.html"' in overview and 'href="cloud.html"' in overview
    assert "<script" not in overview.lower()


@pytest.mark.skipif(shutil.which("chromium") is None, reason="Debian chromium is not installed")
@pytest.mark.parametrize("unit", ["ec", "cloud"])
def test_reports_in_a_real_browser(built, unit, tmp_path_factory):
    from test_browser import DESKTOP, PHONE, Chromium, open_page

    _, folder = built
    chromium = Chromium(tmp_path_factory.mktemp("profile"))
    try:
        for device in (PHONE, DESKTOP):
            page = open_page(chromium, folder / f"{unit}.html", device)
            assert page.problems() == []
            schemes = {url.split(":", 1)[0] for url in page.requested_urls()}
            assert schemes <= {"file", "data"}
            assert page.js("document.scripts.length") == 0
            # The planted <img onerror> is text, never an element.
            assert page.js("document.querySelectorAll('img:not([src^=\"data:\"])').length") == 0
            width = page.js("document.documentElement.scrollWidth")
            assert width <= device["width"]
            shot = page.screenshot(tmp_path_factory.mktemp("shots") / f"{unit}.png")
            assert shot.startswith(b"\x89PNG")
    finally:
        chromium.close()


def test_successful_reports_can_be_mailed_from_the_manifest(built, monkeypatch, tmp_path):
    """The manifest written by the runner is what `nps-kit send` reads: recipients included."""
    import email
    from email import policy

    from nps_kit.commands.run import _send
    from nps_kit.run import RunResult, UnitResult

    root, folder = built
    for name in list(__import__("os").environ):
        if name.startswith("NPS_KIT_SMTP_"):
            monkeypatch.delenv(name)
    monkeypatch.chdir(tmp_path)  # no .env here: no SMTP host, so sending is a dry run
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    units = [
        UnitResult(
            unit=u["unit"],
            name=u["name"],
            language=u["language"],
            period="2026-10",
            status="ok",
            seconds=0.0,
            html=folder / u["html"],
            notebook=None,
            error=None,
            summary=u["summary"],
            parameters=u["parameters"],
            input=u["input"],
        )
        for u in manifest["units"]
    ]
    assert _send(RunResult(output=root / "reports", units=units), root / "reports") == 0
    eml = folder / "outbox" / "ec.eml"
    message = email.message_from_bytes(eml.read_bytes(), policy=policy.default)
    assert message["To"] == "ec-team@example.com"
    assert message["Subject"].startswith("[NPS] EC事業部 2026年10月: ")


def test_every_verdict_in_the_reports_agrees_with_its_interval(built):
    """The change verdict each report publishes is significant exactly when its interval
    excludes 0, and the months it flags lie outside their control limits."""
    _, folder = built
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    for entry in manifest["units"]:
        summary = entry["summary"]
        change = summary["change"]
        low, high = change["ci_low"], change["ci_high"]
        expected = "improvement" if low > 0 else "decline" if high < 0 else "no_change"
        assert change["verdict"] == expected, entry["unit"]
        assert low <= change["diff"] <= high
        assert (change["p_value"] < 1 - change["level"]) == (expected != "no_change")
        for month in summary["trend"]:
            outside = month["out_of_control"]
            if month["nps"] > month["control_high"]:
                assert outside == "above", month
            elif month["nps"] < month["control_low"]:
                assert outside == "below", month
            else:
                assert outside is None, month
        assert summary["control"]["period"] == "2026-10"


@pytest.mark.parametrize(
    ("unit", "phrases"),
    [
        (
            "ec",
            [
                "この区間が0を含まないときに限り「有意に改善／悪化」とします",
                "p値も同じ区間を反転して求める",
                "三項分布の分散と各月の回答数から ±3σ",
                "Benjamini–Hochberg 法で偽発見率を 1 − 信頼水準（5%）に抑えて",
                "評価項目の平均・重要度・テーマの割合とNPSと改善余地",
                "Kish の有効回答数",
            ],
        ),
        (
            "cloud",
            [
                "a change is significant exactly when this interval excludes 0",
                "The p-value inverts the same interval",
                "(a p-chart)",
                "1 − confidence level (5%) with Benjamini–Hochberg",
                "answer shares and NPS per answer, mean ratings, importance",
                "Kish&#x27;s effective sample size",
            ],
        ),
    ],
)
def test_method_section_says_how_verdicts_marks_and_weights_work(built, unit, phrases):
    _, folder = built
    html = (folder / f"{unit}.html").read_text(encoding="utf-8")
    for phrase in phrases:
        assert phrase in html or phrase.replace("&#x27;", "'") in html, phrase
