"""End to end: the real report notebook for a Japanese and an English unit, through real kernels,
the real exporter and a real browser. The figures in the HTML must be nps_kit's own."""

from __future__ import annotations

import json
import re
import shutil
from html import unescape
from pathlib import Path

import pandas as pd
import pytest
from _chromium import (
    CLEAN,
    DESKTOP,
    PHONE,
    layout_problems,
    needs_chromium,
    open_page,
)

from nps_kit.i18n import nps_text
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


@needs_chromium
@pytest.mark.parametrize("unit", ["ec", "cloud"])
def test_reports_in_a_real_browser(built, unit, browser, tmp_path):
    _, folder = built
    for device in (PHONE, DESKTOP):
        page = open_page(browser, folder / f"{unit}.html", device)
        assert page.problems() == []
        schemes = {url.split(":", 1)[0] for url in page.requested_urls()}
        assert schemes <= {"file", "data"}
        assert page.js("document.scripts.length") == 0
        # The planted <img onerror> is text, never an element.
        assert page.js("document.querySelectorAll('img:not([src^=\"data:\"])').length") == 0
        width = page.js("document.documentElement.scrollWidth")
        assert width <= device["width"]
        shot = page.screenshot(tmp_path / f"{unit}-{device['width']}.png")
        assert shot.startswith(b"\x89PNG")


@needs_chromium
@pytest.mark.parametrize("page_name", ["ec", "cloud", "index"])
def test_layout_on_a_phone_and_a_desktop(built, page_name, browser):
    """No hidden NPS figure, no word or number–unit split, no chart text under 11 px, no
    sideways page scroll, every chart described: checked on the rendered line boxes."""
    _, folder = built
    for device in (PHONE, DESKTOP):
        page = open_page(browser, folder / f"{page_name}.html", device)
        assert layout_problems(page) == CLEAN, device["width"]


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
    monkeypatch.chdir(tmp_path)  # no .env here: no SMTP host, so the messages only reach the outbox
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
    # fix38: without a host the messages go to the outbox and the exit status says nothing was
    # sent (2), so that a monthly cron job sees it.
    result = RunResult(output=root / "reports", units=units)
    assert _send(result, root / "reports", root / "parameters") == 2
    eml = folder / "outbox" / "ec.eml"
    message = email.message_from_bytes(eml.read_bytes(), policy=policy.default)
    assert message["To"] == "ec-team@example.com"
    assert message["Subject"].startswith("【NPS】EC事業部 2026年10月：")


def test_the_japanese_report_follows_japanese_spacing(built):
    """No half-width space between Japanese words or before a number, no "·" or "–"."""
    from bs4 import BeautifulSoup
    from test_i18n import ja_spacing_problems

    _, folder = built
    soup = BeautifulSoup((folder / "ec.html").read_text(encoding="utf-8"), "html.parser")
    for tag in soup(["style", "script", "title"]):
        tag.decompose()
    for quote in soup.select("blockquote"):
        quote.decompose()  # the respondents' own words, as they wrote them
    assert ja_spacing_problems(soup.body.get_text()) == []


@pytest.mark.parametrize(
    ("unit", "metric", "stale"),
    [
        (
            "ec",
            "このテーマの批判者が中立者になった場合のNPS改善幅",
            ("NPS への影響", "改善余地", "NPSの改善幅（", "批判者と推奨者を分ける言葉", "言及率"),
        ),
        (
            "cloud",
            "NPS points gained if this theme's detractors became passives",
            ("NPS impact", "Gain (pts)", "Words that separate", "% of comments)"),
        ),
    ],
)
def test_the_impact_metric_has_one_name_everywhere(built, unit, metric, stale):
    _, folder = built
    html = unescape((folder / f"{unit}.html").read_text(encoding="utf-8"))
    # strategy cards, the theme table header and the method section all use the one name
    assert html.count(metric) >= 3, html.count(metric)
    for word in stale:
        assert word not in html, word


def _number(text: str) -> float:
    """The leading number of ``text`` ("+1.8ポイント", "−4.9 pts", "1,234")."""
    found = re.match(r"[−+-]?[\d,]*\.?\d+", text.strip())
    assert found is not None, text
    return float(found.group(0).replace("−", "-").replace("+", "").replace(",", ""))


@pytest.mark.parametrize(("unit", "lang"), [("ec", "ja"), ("cloud", "en")])
def test_every_repeated_figure_agrees(built, unit, lang, monkeypatch, tmp_path):
    """Headline, KPI cards, trend's last point, overview, manifest and e-mail show one figure."""
    from bs4 import BeautifulSoup

    from nps_kit.mail.compose import compose_message
    from nps_kit.mail.units import parse_address, read_manifest

    _, folder = built
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    summary = next(u for u in manifest["units"] if u["unit"] == unit)["summary"]
    shown = nps_text(summary["nps"])  # +1.0, 0.0, −4.9 (FIX64)
    soup = BeautifulSoup((folder / f"{unit}.html").read_text(encoding="utf-8"), "html.parser")
    assert soup.select_one(".nps-headline__value").get_text() == shown
    assert nps_text(summary["trend"][-1]["nps"]) == shown
    assert summary["trend"][-1]["period"] == "2026-10"

    # The headline's change and the card of the other (FIX72: each said once): each shown
    # change is the difference of the two shown NPS values
    # (FIX81, BROWSE36: the year-ago change is laid out as the headline's own, the compared
    # month's NPS on a line of its own under the change's interval)
    said = [
        (fact.contents[0].get_text(), fact.select_one(".nps-headline__compared").get_text())
        for fact in soup.select(".nps-headline__facts dd")
        if fact.select_one(".nps-headline__compared")
    ]
    assert len(said) == len(summary["changes"]) == 2
    for (shown_value, shown_note), change in zip(said, summary["changes"], strict=True):
        value = _number(shown_value.split()[0])
        note = shown_note.replace("\u00a0", " ")
        earlier = _number(re.search(r"[:：] ?([−+]?[\d.]+)", note).group(1))
        assert value == round(_number(shown) - earlier, 1) == change["diff"]
        assert f"{change['nps']:.1f}".replace("-", "−").lstrip("+") in note

    # overview row of the unit
    overview = BeautifulSoup((folder / "index.html").read_text(encoding="utf-8"), "html.parser")
    row = next(r for r in overview.select("tbody tr") if r.select_one(f'a[href="{unit}.html"]'))
    cells = [c.get_text() for c in row.select("td")]
    assert any(c.startswith(shown) for c in cells), cells

    # e-mail: subject and body
    for name in list(__import__("os").environ):
        if name.startswith("NPS_KIT_"):
            monkeypatch.delenv(name)
    mail_unit = next(u for u in read_manifest(folder, "2026-10").units if u.unit == unit)
    composed = compose_message(mail_unit, "2026-10", sender=parse_address("n@example.com"))
    first = summary["changes"][0]
    diff = f"{first['diff']:+.1f}".replace("-", "−")
    signed = f"{summary['nps']:+.1f}".replace("-", "−")
    if lang == "ja":
        assert composed.subject.startswith(f"【NPS】EC事業部 2026年10月：{signed}（前月比{diff}")
    else:
        assert composed.subject.startswith(
            f"[NPS] Cloud Platform October 2026: {signed} ({diff} vs September"
        )
    text = composed.message.get_body(("plain",)).get_content()
    assert diff in text
    # what moved: the shown parts add up to the shown change
    for record in summary["contributors"]:
        total = round(sum(i["value"] for i in record["items"]), 1)
        assert (
            total
            == record["total"]
            == next(c["diff"] for c in summary["changes"] if c["kind"] == record["kind"])
        )
