"""Tests for nps_kit.render: the real nbconvert exporter on small fixture notebooks."""

from __future__ import annotations

import base64
import re
from pathlib import Path

import matplotlib.pyplot as plt
import nbformat
import numpy as np
import pandas as pd
import pytest
from bs4 import BeautifulSoup
from conftest import FakeChange as Change
from conftest import FakeResult as Result
from IPython.core.formatters import DisplayFormatter
from IPython.core.pylabtools import retina_figure
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from nps_kit import report
from nps_kit.render import (
    FilteredOutput,
    OutputProblem,
    check_outputs,
    filter_outputs,
    page_title,
    render_html,
    write_html,
)
from nps_kit.report import SUMMARY_MIME

TITLE = "EC事業部 NPSレポート 2026年10月"
CODE_MARKER = "secret_code_marker_42"
XSS = "<script>alert(1)</script>"


def _display_output(obj: object) -> nbformat.NotebookNode:
    """The display_data output IPython itself produces for ``obj``."""
    data, metadata = DisplayFormatter().format(obj)
    return new_output("display_data", data=data, metadata=metadata)


def chart_output(kind: str = "line", seed: int = 0) -> nbformat.NotebookNode:
    """A real matplotlib figure as the inline backend shows it with the 'retina' format."""
    rng = np.random.default_rng(seed)
    fig, ax = plt.subplots(figsize=(7.5, 3.8), dpi=100)
    x = np.arange(18)
    y = np.cumsum(rng.normal(0, 3, size=18))
    if kind == "line":
        ax.plot(x, y, marker="o", color="#1f4e79")
        ax.fill_between(x, y - 6, y + 6, alpha=0.15, color="#1f4e79")
    else:
        ax.barh(range(6), rng.uniform(5, 60, size=6), color="#2e7d5b")
        ax.set_yticks(range(6), [f"channel {i}" for i in range(6)])
    ax.set_title("NPS trend")
    ax.grid(alpha=0.3)
    png, size = retina_figure(fig)
    plt.close(fig)
    return new_output(
        "display_data",
        data={"image/png": base64.b64encode(png).decode("ascii"), "text/plain": "<Figure>"},
        metadata={"image/png": size},
    )


def code(source: str, *outputs: nbformat.NotebookNode, count: int = 1) -> nbformat.NotebookNode:
    cell = new_code_cell(source, execution_count=count)
    cell.outputs = list(outputs)
    return cell


def build_report_notebook(*, charts: int = 2, lang: str = "ja") -> nbformat.NotebookNode:
    """A small executed report notebook shaped like the real one (papermill metadata included)."""
    frame = pd.DataFrame(
        {
            "channel": ["アプリ", "ウェブ", "店舗", "電話"],
            "n": [240, 180, 70, 22],
            "nps": [-2.5, -8.0, 4.1, np.nan],
            "small_sample": [False, False, False, True],
        }
    )
    params = code(f"unit = 'ec'  # {CODE_MARKER}\nlanguage = '{lang}'", count=1)
    params.metadata["tags"] = ["parameters"]
    injected = code("unit = 'ec'", count=2)
    injected.metadata["tags"] = ["injected-parameters"]
    cells = [
        params,
        injected,
        new_markdown_cell(
            "# EC事業部 NPSレポート\n\n2026年10月の結果です。推奨者・批判者の内訳を示します。"
        ),
        code(
            f"report.headline(result, change)  # {CODE_MARKER}",
            _display_output(
                report.headline(
                    Result(),
                    Change(),
                    target=0.0,
                    lang=lang,
                    period_label="2026年10月",
                    comparison_label="前月比",
                )
            ),
            new_output("stream", name="stderr", text="UserWarning: font cache rebuilt\n"),
            count=3,
        ),
        new_markdown_cell("## 推移"),
    ]
    for i in range(charts):
        cells.append(
            code(
                "plot.trend(table, ax=ax)",
                chart_output("line" if i % 2 else "bar", i),
                new_output(
                    "execute_result",
                    data={"text/plain": "<Axes: title={'center': 'NPS trend'}>"},
                    execution_count=4,
                ),
                count=4,
            )
        )
    cells += [
        new_markdown_cell("## 内訳"),
        code(
            "report.table(frame)",
            _display_output(
                report.table(
                    frame,
                    columns={"channel": "チャネル", "n": "回答数", "nps": "NPS"},
                    lang=lang,
                    flag_column="small_sample",
                )
            ),
            count=5,
        ),
        new_markdown_cell("## 批判者のコメント"),
        code(
            "report.comments(items)",
            _display_output(report.comments([XSS, ("配送が遅い。", "スコア 3")], lang=lang)),
            new_output(
                "execute_result",
                data={"text/html": frame.to_html(), "text/plain": str(frame)},
                execution_count=6,
            ),
            count=6,
        ),
        code(
            "report.publish_summary(summary)",
            new_output("display_data", data={SUMMARY_MIME: {"n": 512, "nps": -4.9}}),
            count=7,
        ),
    ]
    nb = new_notebook(cells=cells)
    nb.metadata["papermill"] = {"parameters": {"unit": "ec"}, "duration": 1.2}
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    return nb


@pytest.fixture(scope="module")
def rendered() -> str:
    return render_html(build_report_notebook(), lang="ja", title=TITLE)


def test_document_head(rendered: str) -> None:
    soup = BeautifulSoup(rendered, "html.parser")
    assert rendered.startswith("<!DOCTYPE html>")
    assert soup.html is not None and soup.html["lang"] == "ja"
    assert soup.title is not None and soup.title.string == TITLE
    assert soup.find("meta", charset="utf-8") is not None
    viewport = soup.find("meta", attrs={"name": "viewport"})
    assert viewport is not None
    assert viewport["content"] == "width=device-width, initial-scale=1"


def test_no_code_prompts_or_scripts(rendered: str) -> None:
    assert CODE_MARKER not in rendered
    assert "report.headline" not in rendered
    assert "In [" not in rendered and "In&nbsp;[" not in rendered and "Out[" not in rendered
    assert "<script" not in rendered.lower()
    assert "papermill" not in rendered
    assert "font cache rebuilt" not in rendered  # stderr is never shown
    assert "Axes:" not in rendered  # a plot call's return value is not report content


def test_printed_text_is_shown() -> None:
    nb = new_notebook(
        cells=[code("print(x)", new_output("stream", name="stdout", text="対象期間: 10月\n"))]
    )
    soup = BeautifulSoup(render_html(nb, lang="ja", title="T"), "html.parser")
    assert soup.select_one("pre.nps-text").get_text() == "対象期間: 10月\n"


def test_nothing_loaded_from_network(rendered: str) -> None:
    soup = BeautifulSoup(rendered, "html.parser")
    for element in soup.find_all(src=True):
        assert str(element["src"]).startswith("data:"), element.name
    for element in soup.find_all(href=True):
        assert not re.match(r"\s*(https?:)?//", str(element["href"])), element
    assert soup.find("link") is None
    for style in soup.find_all("style"):
        assert "@import" not in (style.string or "")
        assert not re.search(r"url\(\s*['\"]?(https?:)?//", style.string or "")
    assert not re.search(r"""(src|href)\s*=\s*["']?https?://""", rendered)


def test_escaped_comment_stays_text(rendered: str) -> None:
    soup = BeautifulSoup(rendered, "html.parser")
    quotes = [q.get_text() for q in soup.select(".nps-comments blockquote")]
    assert XSS in quotes
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in rendered


def test_summary_is_not_rendered(rendered: str) -> None:
    assert SUMMARY_MIME not in rendered
    assert "vnd.nps-kit" not in rendered


def test_markdown_and_components_rendered(rendered: str) -> None:
    soup = BeautifulSoup(rendered, "html.parser")
    assert soup.find("h1", string=re.compile("EC事業部 NPSレポート")) is not None
    assert "推奨者・批判者の内訳" in rendered
    assert soup.select_one(".nps-headline .nps-headline__value").get_text() == "−4.9"
    assert soup.select_one(".nps-table-wrap table.nps-table") is not None
    assert soup.select_one(".nps-html table.dataframe") is not None
    assert not soup.select("a.anchor-link")


def test_charts_are_inline_png_at_css_size(rendered: str) -> None:
    soup = BeautifulSoup(rendered, "html.parser")
    images = soup.select("figure.nps-figure img")
    assert len(images) == 2
    for img in images:
        assert img["src"].startswith("data:image/png;base64,")
        assert img["alt"] == "グラフ"
        png = base64.b64decode(img["src"].split(",", 1)[1])
        pixel_width = int.from_bytes(png[16:20], "big")
        assert pixel_width // 2 == int(img["width"])  # retina: 2x pixels shown at 1x size
    css = soup.style.string
    assert re.search(r"\.nps-figure img\s*{[^}]*max-width:\s*100%;[^}]*height:\s*auto", css)


def test_css_is_inline_and_complete(rendered: str) -> None:
    css = BeautifulSoup(rendered, "html.parser").style.string
    for font in ('"Hiragino Sans"', '"Noto Sans CJK JP"', '"Yu Gothic"', "Meiryo"):
        assert font in css
    assert "@media print" in css
    assert "max-width: 960px" in css
    assert "overflow-x: auto" in css


def test_print_keeps_headings_and_intros_with_what_follows(rendered: str) -> None:
    # QA24: the PDF ended a page with "Reason" and "78 respondents commented" (the chart alone on
    # the next) and another with "7. Detractor follow-up" and its introduction. Checked by
    # printing that report with chromium: both moved to the next page, still 14 pages.
    css = BeautifulSoup(rendered, "html.parser").style.string
    print_css = css[css.index("@media print") :]
    rule = re.search(r"\.nps-cell\.nps-prose,[^{]*{[^}]*}", print_css)
    assert rule is not None
    for selector in (
        ".nps-html:has(> h2:last-child, > h3:last-child, > h4:last-child)",
        ".nps-html:has(> .nps-callout:only-child)",
    ):
        assert selector in rule.group(0)
    assert "break-after: avoid;" in rule.group(0)


def test_english_report() -> None:
    html = render_html(build_report_notebook(charts=0, lang="en"), lang="en", title="Cloud")
    soup = BeautifulSoup(html, "html.parser")
    assert soup.html["lang"] == "en"
    assert "small sample" in html


def test_input_notebook_is_not_modified() -> None:
    nb = build_report_notebook(charts=0)
    before = nbformat.writes(nb)
    render_html(nb, lang="ja", title=TITLE)
    assert nbformat.writes(nb) == before


def test_ten_chart_report_stays_small() -> None:
    html = render_html(build_report_notebook(charts=10), lang="ja", title=TITLE)
    assert len(html.encode("utf-8")) < 1.5 * 1024 * 1024


def test_remote_resources_and_scripts_in_markdown_are_removed(
    caplog: pytest.LogCaptureFixture,
) -> None:
    nb = new_notebook(
        cells=[
            new_markdown_cell(
                '# T\n\n<img src="https://example.com/x.png">\n\n'
                '<script src="https://cdn.example.com/a.js"></script>\n\n'
                "<style>@import url('https://fonts.example.com/a.css'); "
                "p { color: red; }</style>\n\n"
                '<link rel="stylesheet" href="https://example.com/a.css">\n\n本文'
            )
        ]
    )
    with caplog.at_level("WARNING", logger="nps_kit.render"):
        html = render_html(nb, lang="ja", title="T")
    assert [r.getMessage() for r in caplog.records if r.name == "nps_kit.render"] == [
        "removed from report HTML: img[src], link, script, style @import/url()"
    ]
    assert "example.com" not in html
    assert "<script" not in html
    assert "p { color: red; }" in html
    assert "本文" in html


def test_papermill_error_banner_is_not_rendered() -> None:
    banner = new_markdown_cell('<span style="color:red">An Exception was encountered</span>')
    banner.metadata["tags"] = ["papermill-error-cell-tag"]
    nb = new_notebook(cells=[banner, new_markdown_cell("本文")])
    html = render_html(nb, lang="ja", title="T")
    assert "An Exception" not in html
    assert "本文" in html


def test_exporter_is_built_once_per_thread() -> None:
    import threading

    from nps_kit import render

    first = render._exporter()
    render_html(new_notebook(), lang="ja", title="T")
    assert render._exporter() is first
    other: list[object] = []
    thread = threading.Thread(target=lambda: other.append(render._exporter()))
    thread.start()
    thread.join()
    assert other[0] is not first  # threads do not share one exporter's mutable state


def test_page_title() -> None:
    assert page_title("EC事業部", "2026-10", lang="ja") == "EC事業部 NPSレポート 2026年10月"
    assert (
        page_title("Cloud Platform", "2026-10", lang="en")
        == "Cloud Platform NPS report – October 2026"
    )


def test_unknown_language_names_allowed_values() -> None:
    with pytest.raises(ValueError, match=r"^lang must be 'ja' or 'en', got 'fr'$"):
        render_html(new_notebook(), lang="fr", title="T")


def test_write_html_is_atomic_and_utf8(tmp_path: Path) -> None:
    target = tmp_path / "ec.html"
    target.write_text("old", encoding="utf-8")
    result = write_html(build_report_notebook(charts=1), target, lang="ja", title=TITLE)
    assert result == target
    text = target.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>") and TITLE in text
    assert [p.name for p in tmp_path.iterdir()] == ["ec.html"]  # no temp files left


def test_write_html_failure_leaves_old_file(tmp_path: Path) -> None:
    target = tmp_path / "ec.html"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(ValueError):
        write_html(build_report_notebook(charts=0), target, lang="xx", title=TITLE)
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["ec.html"]


# ---- check_outputs / filter_outputs ----


def _problem_notebook() -> nbformat.NotebookNode:
    return new_notebook(
        cells=[
            new_markdown_cell("# Warning: this heading is prose, not output"),
            code("x = 1", new_output("stream", name="stdout", text="ok\n")),
            code(
                "import warnings",
                new_output(
                    "stream",
                    name="stderr",
                    text=(
                        "/x/font_manager.py:1: UserWarning: Matplotlib is building the font cache\n"
                        "  warnings.warn(msg)\n"
                        "real problem on stderr\n"
                    ),
                ),
            ),
            code(
                "1/0",
                new_output(
                    "error",
                    ename="ZeroDivisionError",
                    evalue="division by zero",
                    traceback=["\x1b[31mTraceback\x1b[0m ..."],
                ),
            ),
            code("print(w)", new_output("stream", name="stdout", text="FutureWarning: old API\n")),
            code(
                "thread.join()",
                new_output(
                    "stream", name="stdout", text="Traceback (most recent call last):\n  ...\n"
                ),
            ),
            code("fig", chart_output()),
        ]
    )


def test_check_outputs_finds_each_problem_kind() -> None:
    problems = check_outputs(_problem_notebook())
    assert [(p.cell_index, p.kind) for p in problems] == [
        (2, "stderr"),
        (3, "error"),
        (4, "warning"),
        (5, "traceback"),
    ]
    assert problems[1] == OutputProblem(3, "error", "ZeroDivisionError: division by zero")
    assert "real problem on stderr" in problems[0].text


def test_check_outputs_flags_error_log_lines_printed_to_stdout() -> None:
    line = "ERROR! Session/line number was not unique in database. History logging moved\n"
    nb = new_notebook(cells=[code("x", new_output("stream", name="stdout", text=line))])
    assert check_outputs(nb) == [OutputProblem(0, "warning", line)]
    fine = new_notebook(cells=[code("x", new_output("stream", name="stdout", text="Errors: 0\n"))])
    assert check_outputs(fine) == []


def test_check_outputs_never_judges_displayed_data() -> None:
    # A comment or an answer label containing ERROR or Warning used to fail the unit.
    comments = ["ERROR: アプリが落ちる", "Warning: 画面が固まる", "Traceback"]
    frame = pd.DataFrame({"comment": comments})
    table = new_output(
        "display_data", data={"text/html": frame.to_html(), "text/plain": str(frame)}
    )
    result = new_output(
        "execute_result", data={"text/plain": "'UserWarning: ERROR'"}, execution_count=1
    )
    printed = new_output("stream", name="stdout", text="回答: ERRORが出る / Warning lights\n")
    nb = new_notebook(cells=[code("t", table), code("'x'", result), code("print(c)", printed)])
    assert check_outputs(nb) == []


def test_check_outputs_clean_notebook() -> None:
    nb = build_report_notebook(charts=1)
    nb.cells[3].outputs = [o for o in nb.cells[3].outputs if o.output_type != "stream"]
    assert check_outputs(nb) == []


def test_check_outputs_strips_ansi() -> None:
    nb = new_notebook(
        cells=[code("x", new_output("stream", name="stderr", text="\x1b[31mboom\x1b[0m\n"))]
    )
    assert check_outputs(nb) == [OutputProblem(0, "stderr", "boom\n")]


def test_filter_outputs_removes_only_matching_messages() -> None:
    nb = _problem_notebook()
    filtered, removed = filter_outputs(nb, allow=[r"Matplotlib is building the font cache"])
    assert removed == [
        FilteredOutput(
            2,
            "/x/font_manager.py:1: UserWarning: Matplotlib is building the font cache\n"
            "  warnings.warn(msg)\n",
            "Matplotlib is building the font cache",
        )
    ]
    assert filtered.cells[2].outputs[0].text == "real problem on stderr\n"
    assert nb.cells[2].outputs[0].text.startswith("/x/font_manager.py")  # input untouched
    assert [p.kind for p in check_outputs(filtered)] == ["stderr", "error", "warning", "traceback"]


def test_filter_outputs_drops_stream_when_all_messages_allowed() -> None:
    nb = _problem_notebook()
    allow = [re.compile(r"font cache"), "^real problem"]
    filtered, removed = filter_outputs(nb, allow=allow)
    assert filtered.cells[2].outputs == []
    assert [r.pattern for r in removed] == ["font cache", "^real problem"]
    assert [p.kind for p in check_outputs(filtered)] == ["error", "warning", "traceback"]


def test_filter_outputs_never_touches_errors_or_stdout() -> None:
    nb = _problem_notebook()
    filtered, removed = filter_outputs(nb, allow=[r".*"])
    assert [r.cell_index for r in removed] == [2, 2]
    assert [p.kind for p in check_outputs(filtered)] == ["error", "warning", "traceback"]


# ---- a real kernel: what the notebook displays survives execution, saving and rendering ----

KERNEL_CELLS = [
    "%matplotlib inline\n"
    "from matplotlib_inline.backend_inline import set_matplotlib_formats\n"
    "set_matplotlib_formats('retina')\n"
    "import matplotlib.pyplot as plt\n"
    "from nps_kit import report",
    "fig, ax = plt.subplots(figsize=(6, 3))\nax.plot([1, 2, 3], [3, 1, 2])\nax",
    "report.callout('<b>太字ではない</b>', kind='warning')",
    "report.publish_summary({'n': 512, 'nps': -4.9, 'change': None})",
]


@pytest.mark.slow
def test_real_kernel_outputs_render(tmp_path: Path) -> None:
    import papermill

    nb = new_notebook(cells=[new_code_cell(src) for src in KERNEL_CELLS])
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    source, executed = tmp_path / "in.ipynb", tmp_path / "out.ipynb"
    nbformat.write(nb, source)
    papermill.execute_notebook(
        source, executed, kernel_name="python3", progress_bar=False, cwd=str(tmp_path)
    )
    result = nbformat.read(executed, as_version=4)

    assert check_outputs(result) == []
    assert report.read_summary(result) == {"n": 512, "nps": -4.9, "change": None}
    summary_output = result.cells[3].outputs[0]
    assert set(summary_output.data) == {SUMMARY_MIME}  # no text/plain: nothing to show

    html = render_html(result, lang="ja", title=TITLE)
    soup = BeautifulSoup(html, "html.parser")
    (img,) = soup.select("figure.nps-figure img")
    png = base64.b64decode(img["src"].split(",", 1)[1])
    assert int.from_bytes(png[16:20], "big") // 2 == int(img["width"])
    assert soup.select_one(".nps-callout--warning").get_text() == "<b>太字ではない</b>"
    assert "Axes" not in html and "papermill" not in html and SUMMARY_MIME not in html
