"""Tests for nps_kit._fold: the analysts' sections folded under their headings (real exporter)."""

from __future__ import annotations

import re
from collections import Counter

import nbformat
import pytest
from bs4 import BeautifulSoup, Tag
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output
from test_render import TITLE

from nps_kit import report
from nps_kit._fold import fold_sections
from nps_kit.i18n import t
from nps_kit.notebook import ANALYST_SECTIONS, SECTIONS
from nps_kit.render import render_html

#: A theme table as long as a real unit's (23 themes), every row a fact a reader may search for.
THEMES = [f"テーマ{i:02d}" for i in range(23)]


def _section(name: str, heading: str, html: str) -> list[nbformat.NotebookNode]:
    prose = new_markdown_cell(f"## {heading}\n\n{name} の説明です。")
    prose.metadata["tags"] = [f"section-{name}"]
    cell = new_code_cell("page.show(x)", execution_count=1)
    cell.outputs = [new_output("display_data", data={"text/html": html, "text/plain": "x"})]
    cell.metadata["tags"] = [f"section-{name}"]
    return [prose, cell]


def _notebook(order: list[str]) -> nbformat.NotebookNode:
    import pandas as pd

    themes = pd.DataFrame({"theme": THEMES, "n": range(23)})
    table = report.table(themes, columns={"theme": "テーマ", "n": "言及数"}, lang="ja").data
    cells = [new_markdown_cell("# 店舗事業部 NPSレポート")]
    for number, name in enumerate(order, 1):
        body = table if name == "followups" else f"<p>{name} の中身</p>"
        cells += _section(name, f"{number}. {name}見出し", body)
    return new_notebook(cells=cells)


def _top_level(html: str) -> list[Tag]:
    main = BeautifulSoup(html, "html.parser").find("main")
    assert isinstance(main, Tag)
    return main.find_all(recursive=False)


def test_analyst_sections_are_folded_under_their_heading_after_the_managers() -> None:
    html = render_html(_notebook(list(SECTIONS)), lang="ja", title=TITLE)
    soup = BeautifulSoup(html, "html.parser")
    folds = soup.select("main > details.nps-fold")
    assert [f["data-section"] for f in folds] == [s for s in SECTIONS if s in ANALYST_SECTIONS]
    for fold in folds:
        assert "open" not in fold.attrs  # closed on screen
        summary = fold.find("summary", recursive=False)
        assert summary is not None and summary.find("h2") is not None
        name = str(fold["data-section"])
        assert summary.get_text() == f"{SECTIONS.index(name) + 1}. {name}見出し"
        assert f"{fold['data-section']} の説明です。" in fold.get_text()
    # The manager's sections stay open, all of them before the first fold.
    kinds = [("fold" if c.name == "details" else c.get("data-section")) for c in _top_level(html)]
    first_fold = kinds.index("fold")
    managers = [s for s in SECTIONS if s not in ANALYST_SECTIONS]
    assert [k for k in dict.fromkeys(kinds[:first_fold]) if k in managers] == managers
    assert set(kinds[first_fold:]) <= {"fold", None}
    for name in managers:
        assert not soup.select(f"details [data-section='{name}']")
    # One line says where the manager's part ends, just before the first fold.
    intro = soup.select("main > p.nps-fold-intro")
    assert [p.get_text() for p in intro] == [t("report.analyst_part", "ja")]
    assert intro[0].find_next_sibling() is folds[0]


def test_no_fact_disappears_in_a_fold() -> None:
    nb = _notebook(list(SECTIONS))
    folded = render_html(nb, lang="ja", title=TITLE)
    plain = BeautifulSoup(folded, "html.parser")
    # Every theme row of the long table is in the page, inside the follow-up fold.
    rows = plain.select("details[data-section='followups'] tbody tr")
    assert [r.find("td").get_text() for r in rows] == THEMES
    # The words of the page are the words of the page before folding, plus the one line.
    unfolded = re.sub(r"</?details[^>]*>|</?summary[^>]*>", "", folded)
    words = Counter(BeautifulSoup(unfolded, "html.parser").get_text().split())
    words.subtract(t("report.analyst_part", "ja").split())
    plain_words = Counter(plain.get_text().split())
    plain_words.subtract(t("report.analyst_part", "ja").split())
    assert +words == +plain_words


def test_a_units_order_is_kept_and_an_analyst_section_is_folded_where_it_stands() -> None:
    html = render_html(_notebook(["headline", "method", "trend"]), lang="ja", title=TITLE)
    kinds = [
        ("fold:" + str(c["data-section"]) if c.name == "details" else c.get("data-section"))
        for c in _top_level(html)
        if c.get("data-section") or c.name == "details"
    ]
    assert list(dict.fromkeys(kinds)) == ["headline", "fold:method", "trend"]


def test_a_report_without_analyst_sections_is_unchanged() -> None:
    nb = _notebook(["headline", "trend"])
    html = render_html(nb, lang="en", title=TITLE)
    assert BeautifulSoup(html, "html.parser").select("details, .nps-fold-intro") == []
    soup = BeautifulSoup(html, "html.parser")
    assert fold_sections(soup, lang="en") == 0
    assert str(soup) == html


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_print_stylesheet_opens_every_fold(lang: str) -> None:
    html = render_html(_notebook(list(SECTIONS)), lang=lang, title=TITLE)
    css = BeautifulSoup(html, "html.parser").find("style").get_text()
    printed = "".join(re.findall(r"@media print\s*\{((?:[^{}]*\{[^{}]*\})*)[^{}]*\}", css))
    folds = ("nps-fold", "nps-recs__more", "nps-followups__notes", "nps-followups__more")
    for fold in (*folds, "nps-table__more"):
        assert re.search(
            rf"\.{fold}::details-content[^{{]*\{{\s*content-visibility: visible", printed
        ), fold
    assert "<script" not in html
