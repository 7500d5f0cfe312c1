"""``_fonts``: one font stack per language, for the e-mails and the reports' stylesheet."""

from __future__ import annotations

import email
import email.policy
import re
from pathlib import Path

import pytest
from _chromium import DESKTOP, PHONE, Chromium, needs_chromium, open_page
from test_mail_compose import PERIOD, SENDER, make_unit

from nps_kit._fonts import MAIL_FONTS, REPORT_FONTS
from nps_kit.mail.compose import compose_message
from nps_kit.render import TEMPLATE_DIR, TEMPLATE_NAME

CSS = TEMPLATE_DIR / TEMPLATE_NAME / "static" / "report.css"


def _stack(css: str, selector: str) -> str:
    block = re.search(rf"^{re.escape(selector)} \{{(.*?)^\}}", css, re.M | re.S)
    assert block is not None, selector
    found = re.search(r"--font:\s*(.*?);", block.group(1), re.S)
    assert found is not None, selector
    return " ".join(found.group(1).split())


def test_report_css_says_the_stacks_of_the_one_home() -> None:
    css = CSS.read_text(encoding="utf-8")
    assert _stack(css, ":root") == REPORT_FONTS["ja"]
    assert _stack(css, ":root:lang(en)") == REPORT_FONTS["en"]


def test_english_names_the_system_fonts_first_japanese_its_own() -> None:
    # QA22: English e-mails and reports listed 'Hiragino Sans', Meiryo first.
    assert MAIL_FONTS["en"].startswith("'Segoe UI'")
    assert REPORT_FONTS["en"].startswith("-apple-system")
    assert MAIL_FONTS["ja"].startswith("'Hiragino Sans', Meiryo")
    assert REPORT_FONTS["ja"].startswith('"Hiragino Sans"')
    # the Japanese fonts stay in the English stacks for names written in Japanese
    assert "Meiryo" in MAIL_FONTS["en"] and "Hiragino Sans" in REPORT_FONTS["en"]


def _mail_html(tmp_path: Path, lang: str) -> Path:
    composed = compose_message(make_unit(tmp_path, language=lang), PERIOD, sender=SENDER)
    message = email.message_from_bytes(composed.message.as_bytes(), policy=email.policy.default)
    html = message.get_body(("html",)).get_content()  # type: ignore[union-attr]
    path = tmp_path / f"mail_{lang}.html"
    path.write_text(html, encoding="utf-8")
    return path


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_mails_cells_carry_their_languages_stack(tmp_path: Path, lang: str) -> None:
    html = _mail_html(tmp_path, lang).read_text(encoding="utf-8")
    styles = re.findall(r'<td style="([^"]*)"', html)
    assert styles and all(f"font-family: {MAIL_FONTS[lang]}" in s for s in styles)


def _report_page(tmp_path: Path, lang: str) -> Path:
    text = "NPS 48.0 · 連絡済み" if lang == "en" else "NPS 48.0・連絡済み"
    path = tmp_path / f"report_{lang}.html"
    path.write_text(
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<style>{CSS.read_text(encoding='utf-8')}</style></head>"
        f"<body><main><p>{text}</p></main></body></html>",
        encoding="utf-8",
    )
    return path


FONT_OF = "getComputedStyle(document.querySelector('{}')).fontFamily"


@pytest.mark.slow
@needs_chromium
@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize("device", ["phone", "desktop"])
def test_both_languages_render_with_their_stack(
    browser: Chromium, tmp_path: Path, lang: str, device: str
) -> None:
    size = PHONE if device == "phone" else DESKTOP
    first = {"en": ("-apple-system", "Segoe UI"), "ja": ('"Hiragino Sans"', "Hiragino Sans")}[lang]
    report = open_page(browser, _report_page(tmp_path, lang), size)
    assert report.js(FONT_OF.format("p")).startswith(first[0])
    assert report.js("document.fonts.check('16px ' + getComputedStyle(document.body).fontFamily)")
    assert report.problems() == []
    mail = open_page(browser, _mail_html(tmp_path, lang), size)
    assert mail.js(FONT_OF.format("td")).strip("'\"").startswith(first[1])
    assert not mail.js(
        "document.documentElement.scrollWidth > document.documentElement.clientWidth"
    )
