"""The e-mail's HTML body in real headless chromium: its chart reads on a phone and a desktop."""

from __future__ import annotations

import base64
import email
import email.policy
import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from _chromium import (
    BROKEN_WORDS,
    DESKTOP,
    PHONE,
    Chromium,
    needs_chromium,
    open_page,
)
from test_mail_compose import PERIOD, SENDER, SUMMARY, make_unit

from nps_kit.mail.body import CHART_WIDTH
from nps_kit.mail.compose import compose_message, render_charts

pytestmark = [
    pytest.mark.slow,
    needs_chromium,
]

#: The chart as shown: its width on screen, and its drawn (attribute) width.
SHOWN = """(() => { const img = document.querySelector('img.chart');
  return {shown: img.getBoundingClientRect().width, drawn: Number(img.getAttribute('width')),
          scroll: document.documentElement.scrollWidth > document.documentElement.clientWidth};
})()"""


@pytest.fixture(scope="module")
def drawn(monkeypatch_module: pytest.MonkeyPatch) -> dict[str, Any]:
    """The mail's chart and the smallest text on it in CSS px at its drawn width."""
    import matplotlib.pyplot as plt

    from nps_kit import plot
    from nps_kit.plot._png import smallest_text_px

    figures: list[Any] = []
    original = plot.trend

    def keep(table: Any, **kwargs: Any) -> Any:
        figures.append(original(table, **kwargs).figure)  # the real chart, kept for measuring
        return figures[-1].axes[0]

    monkeypatch_module.setattr(plot, "trend", keep)
    charts = render_charts(SUMMARY, name="EC事業部", lang="ja")
    (fig,) = figures
    text_px = smallest_text_px(fig)
    plt.close("all")
    return {"charts": charts, "text_px": text_px, "dpi": fig.dpi, "inches": fig.get_size_inches()}


@pytest.fixture(scope="module")
def monkeypatch_module() -> Iterator[pytest.MonkeyPatch]:
    with pytest.MonkeyPatch.context() as patch:
        yield patch


def mail_page(folder: Path, charts: dict[str, bytes]) -> Path:
    """The message's HTML part as a mail client shows it: cid: images resolved."""
    composed = compose_message(make_unit(folder), PERIOD, sender=SENDER, charts=charts)
    message = email.message_from_bytes(composed.message.as_bytes(), policy=email.policy.default)
    html = message.get_body(("html",)).get_content()  # type: ignore[union-attr]
    for part in message.walk():
        if part.get_content_type() == "image/png":
            data = base64.b64encode(part.get_content()).decode("ascii")
            html = html.replace(
                f"cid:{part['Content-ID'].strip('<>')}", f"data:image/png;base64,{data}"
            )
    path = folder / "mail.html"
    path.write_text(html, encoding="utf-8")
    return path


def test_the_chart_is_drawn_at_the_width_it_is_shown_at(drawn: dict[str, Any]) -> None:
    from PIL import Image

    assert drawn["dpi"] * drawn["inches"][0] == pytest.approx(CHART_WIDTH)
    width, _ = Image.open(io.BytesIO(drawn["charts"]["trend"])).size
    assert width == 2 * CHART_WIDTH  # twice the pixels: crisp on a phone's dense screen


@pytest.mark.parametrize("device", ["phone", "desktop"])
def test_chart_text_is_at_least_11_css_px_on_a_phone_and_a_desktop(
    device: str, browser: Chromium, drawn: dict[str, Any], tmp_path: Path
) -> None:
    page = open_page(
        browser, mail_page(tmp_path, drawn["charts"]), PHONE if device == "phone" else DESKTOP
    )
    shown = page.js(SHOWN)
    assert shown["drawn"] == CHART_WIDTH
    assert not shown["scroll"]
    smallest = drawn["text_px"] * shown["shown"] / shown["drawn"]
    assert smallest >= 11, f"chart text {smallest:.1f} CSS px at {device} width"
    if device == "desktop":
        assert shown["shown"] == CHART_WIDTH  # never blown up past the size it was drawn for


@pytest.mark.parametrize("device", ["phone", "desktop"])
def test_words_numbers_and_file_names_never_split_and_nothing_scrolls_sideways(
    device: str, browser: Chromium, drawn: dict[str, Any], tmp_path: Path
) -> None:
    path = mail_page(tmp_path, drawn["charts"])
    page = open_page(browser, path, PHONE if device == "phone" else DESKTOP)
    assert page.js(BROKEN_WORDS) == []  # 「+12.9ポイ/ント」, 「2026年10/月」, "ec_2026-/10.html"
    assert page.js(SHOWN)["scroll"] is False
    # the attachment's name is on one line
    assert page.js(
        "Array.from(document.querySelectorAll('.nb, [style*=nowrap]'))"
        ".some(e => e.textContent === 'ec_2026-10.html' && e.getClientRects().length === 1)"
    )
