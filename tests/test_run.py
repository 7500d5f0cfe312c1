"""The parallel runner: injection, warm-kernel isolation, failure isolation, atomic writes."""

from __future__ import annotations

import argparse
import ast
import gc
import json
import os
import re
import signal
import struct
import subprocess
import sys
import time
import warnings
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import nbformat
import papermill
import pytest
from bs4 import BeautifulSoup
from nbformat.v4 import new_code_cell, new_notebook

from nps_kit._width import display_width
from nps_kit.cli import main
from nps_kit.clock import zone
from nps_kit.commands import run as run_command
from nps_kit.errors import ConfigError
from nps_kit.overview import update_manifest, write_manifest_and_overview
from nps_kit.params import UnitParameters, load_unit, notebook_parameters
from nps_kit.run import (
    RunResult,
    UnitResult,
    playbook_notes,
    prepare_notebook,
    progress_line,
    run_reports,
    summary_table,
)
from nps_kit.unit import UnitData

CSV = (
    "response_id,submitted_at,business_unit,score\n"
    "R1,2026-10-03 10:00:00,A,9\n"
    "R2,2026-10-31 12:00:00,B,3\n"
)


def make_notebook(path: Path, *cells: str) -> Path:
    nb = new_notebook(
        cells=[
            new_code_cell('unit = "x"  # unit id', metadata={"tags": ["parameters"]}),
            *[new_code_cell(source) for source in cells],
        ]
    )
    nb.metadata.kernelspec = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, path)
    return path


@pytest.fixture
def units(tmp_path: Path) -> list[UnitParameters]:
    (tmp_path / "responses.csv").write_text(CSV, encoding="utf-8")
    found = []
    for unit, name in (("a", "Unit A"), ("b", "部門B")):
        path = tmp_path / f"{unit}.yaml"
        path.write_text(
            f"name: {name}\nlanguage: ja\ndata: {{path: responses.csv}}\n"
            "columns: {date: submitted_at}\n",
            encoding="utf-8",
        )
        found.append(load_unit(path))
    return found


def test_injection_keeps_papermill_placement_with_readable_japanese(
    tmp_path: Path, units: list[UnitParameters]
) -> None:
    notebook = make_notebook(tmp_path / "nb.ipynb", "print(unit)")
    params = notebook_parameters(units[1], period="2026-10")
    ours = prepare_notebook(notebook, params)
    theirs = papermill.execute_notebook(
        str(notebook), None, parameters=params, prepare_only=True, progress_bar=False
    )
    assert [c.metadata.tags for c in ours.cells] == [c.metadata.tags for c in theirs.cells]
    injected = ours.cells[1]
    assert injected.metadata.tags == ["injected-parameters"]
    assert "unit_name = '部門B'" in injected.source
    assert "\\u" not in injected.source
    assigned = {
        node.targets[0].id: ast.literal_eval(node.value)  # type: ignore[attr-defined]
        for node in ast.parse(injected.source).body
    }
    assert assigned == params
    # papermill's own cell holds the same values, only escaped
    assert "\\u90e8\\u9580B" in theirs.cells[1].source
    assert ours.metadata.papermill.parameters == params
    assert ours.metadata.papermill.input_path == str(notebook)


def _result(unit: str, status: str, *, nps: float | None, folder: Path) -> UnitResult:
    failed = status != "ok"
    return UnitResult(
        unit=unit,
        name=f"<b>{unit}</b>",
        language="en",
        period="2026-10",
        status="failed" if failed else "ok",
        seconds=1.5,
        html=None if failed else folder / f"{unit}.html",
        notebook=folder / ("_failed" if failed else "") / f"{unit}.ipynb",
        error={"cell_index": 3, "ename": "ValueError", "evalue": "boom"} if failed else None,
        summary=None if failed else {"n": 40, "nps": nps, "ci_low": -5.0, "ci_high": 25.0},
        parameters={"unit": unit},
        input={"path": "/data.csv", "sha256": "0" * 64},
    )


def test_progress_lines_line_up_with_long_and_japanese_unit_ids(tmp_path: Path) -> None:
    units = [f"u{i}" for i in range(1, 9)]
    units += ["さくら歯科-大宮院", "north-west-region-retail-stores", "ec"]
    lines = [
        progress_line(_result(u, "ok" if i % 3 else "failed", nps=1.0, folder=tmp_path),
                      i + 1, units, elapsed=12.5 * i)
        for i, u in enumerate(units)
    ]  # fmt: skip
    # A fixed 12-cell column pushed the status of the long id and of the 17-cell Japanese one
    # right, and "[10/11]" was one cell wider than "[9/11]".
    starts = {display_width(re.split(r" (?:ok|failed) ", line)[0]) for line in lines}
    assert len(starts) == 1
    assert lines[8].startswith("[ 9/11] さくら歯科-大宮院 ")
    assert lines[9] == (
        "[10/11] north-west-region-retail-stores failed    1.5 s   (elapsed 112.5 s)"
    )


def test_manifest_merges_with_the_previous_run_and_overview_is_self_contained(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "2026-10"
    write_manifest_and_overview(
        tmp_path,
        "2026-10",
        [_result("a", "ok", nps=10.0, folder=folder), _result("b", "ok", nps=-5.0, folder=folder)],
    )
    manifest = write_manifest_and_overview(
        tmp_path, "2026-10", [_result("b", "failed", nps=None, folder=folder)]
    )
    assert manifest == json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["period"] == "2026-10"
    assert set(manifest["packages"]) >= {"pandas", "papermill", "nbconvert"}
    assert [(u["unit"], u["status"], u["html"], u["notebook"]) for u in manifest["units"]] == [
        ("a", "ok", "a.html", "a.ipynb"),
        ("b", "failed", None, "_failed/b.ipynb"),
    ]
    assert manifest["units"][0]["summary"]["nps"] == 10.0
    assert manifest["units"][1]["error"] == {
        "cell_index": 3,
        "ename": "ValueError",
        "evalue": "boom",
    }
    page = (folder / "index.html").read_text(encoding="utf-8")
    assert '<meta name="viewport"' in page
    assert "data:image/png;base64," in page
    assert "&lt;b&gt;a&lt;/b&gt;" in page and "<b>a</b>" not in page
    assert "<script" not in page and "http" not in page
    assert 'href="_failed/b.ipynb"' in page
    top = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert '<a href="2026-10/index.html">October 2026</a> (1 of 2 units&#x27; reports)' in top


def test_run_notes_once_the_added_themes_the_playbook_has_no_action_for(tmp_path: Path) -> None:
    # QA25: billing and metering, added in themes.yaml, ranked 2nd and 3rd by points gained;
    # the strategies left them out and run said nothing. One note per themes file.
    from nps_kit.text.packs import pack_files

    (tmp_path / "responses.csv").write_text(CSV, encoding="utf-8")
    (tmp_path / "themes.yaml").write_text(
        "version: 1\nextends: generic\nthemes:\n"
        "  billing: {label: {ja: 請求, en: Bills}, keywords: {en: [direct debit]}}\n"
        "  metering: {label: {ja: 検針, en: Meters}, keywords: {en: [meter]}}\n",
        encoding="utf-8",
    )
    playbook = pack_files("generic")[1].read_text(encoding="utf-8")
    (tmp_path / "playbook.yaml").write_text(playbook, encoding="utf-8")
    found = []
    for unit, extra in (("nw", "playbook: playbook.yaml\n"), ("se", "playbook: playbook.yaml\n"),
                        ("sc", ""), ("plain", None)):  # fmt: skip
        path = tmp_path / f"{unit}.yaml"
        path.write_text(
            "name: X\nlanguage: en\ndata: {path: responses.csv}\ncolumns: {date: submitted_at}\n"
            + ("" if extra is None else "themes: themes.yaml\n" + extra),
            encoding="utf-8",
        )
        found.append(load_unit(path))
    assert playbook_notes(found) == [
        "note: nw, se: themes.yaml adds billing, metering, which have no action in playbook.yaml "
        "yet; the strategies and e-mails show them with their evidence and say so. Write their "
        "actions under themes: in playbook.yaml.",
        "note: sc: themes.yaml adds billing, metering, which have no action in the built-in "
        "playbook yet; the strategies and e-mails show them with their evidence and say so. "
        "Write their actions under themes: in a playbook file set as playbook: in the "
        "parameters.",
    ]
    # Written there, nothing to say.
    (tmp_path / "playbook.yaml").write_text(
        playbook.replace(
            "\nthemes:\n",
            "\nthemes:\n  billing: {detractor: [{ja: 直す, en: Fix}]}\n"
            "  metering: {detractor: [{ja: 直す, en: Fix}]}\n",
            1,
        ),
        encoding="utf-8",
    )
    assert playbook_notes(found[:2]) == []


def test_the_playbook_note_of_a_japanese_unit_is_japanese(tmp_path: Path) -> None:
    # FIX92 #2: a Japanese project's run said this note in English.
    (tmp_path / "responses.csv").write_text(CSV, encoding="utf-8")
    (tmp_path / "themes.yaml").write_text(
        "version: 1\nextends: generic\nthemes:\n"
        "  billing: {label: {ja: 請求, en: Bills}, keywords: {ja: [引き落とし]}}\n"
        "  metering: {label: {ja: 検針, en: Meters}, keywords: {ja: [メーター]}}\n",
        encoding="utf-8",
    )
    path = tmp_path / "omiya.yaml"
    path.write_text(
        "name: 大宮\nlanguage: ja\ndata: {path: responses.csv}\ncolumns: {date: submitted_at}\n"
        "themes: themes.yaml\n",
        encoding="utf-8",
    )
    assert playbook_notes([load_unit(path)]) == [
        "note: omiya：themes.yamlが加えるテーマbilling、meteringには、組み込みのプレイブックに"
        "まだ対応策がありません。戦略とメールでは根拠とともに表示し、そのことを伝えます。"
        "対応策をパラメーターのplaybook:に指定したプレイブックファイルのthemes:の下に"
        "書いてください。"
    ]


def test_summary_table_shows_the_failing_cell(tmp_path: Path) -> None:
    result = RunResult(
        output=tmp_path,
        units=[
            _result("a", "ok", nps=10.0, folder=tmp_path),
            _result("b", "failed", nps=None, folder=tmp_path),
        ],
    )
    assert summary_table(result) == (
        "unit  status  NPS    n   seconds  output\n"
        f"a     ok      +10.0  40  1.5      {tmp_path}/a.html\n"
        f"b     failed  -      -   1.5      {tmp_path}/_failed/b.ipynb\n"
        "b: failed at cell 3: ValueError: boom"
    )


def test_summary_table_says_a_timed_out_cell_failed_in_a_cell_not_at_before_any(
    tmp_path: Path,
) -> None:
    # BROWSE35: a cell that timed out (no cell index) printed "failed at before any cell" above
    # the preview of the very cell that timed out; one that never reached a cell reads plainly.
    timed_out = replace(
        _result("b", "failed", nps=None, folder=tmp_path),
        error={"cell_index": None, "ename": "CellTimeoutError", "evalue": "after 4 s"},
    )
    early = replace(
        _result("c", "failed", nps=None, folder=tmp_path),
        error={"cell_index": None, "ename": "DeadKernelError", "evalue": "gone"},
    )
    lines = summary_table(RunResult(output=tmp_path, units=[timed_out, early])).splitlines()
    assert lines[-2:] == [
        "b: failed in a cell: CellTimeoutError: after 4 s",
        "c: failed before any cell: DeadKernelError: gone",
    ]


def test_summary_table_signs_the_nps_as_the_reports_do_with_an_ascii_minus(
    tmp_path: Path,
) -> None:
    # BROWSE30: the console said 1.0 and -4.9 where the report said +1.0 and −4.9. Signed as
    # i18n.nps_text signs it, with an ASCII minus that float() and awk read (and cp1252 has).
    result = RunResult(
        output=tmp_path,
        units=[
            _result(unit, "ok", nps=nps, folder=tmp_path)
            for unit, nps in (("a", 1.0), ("b", 0.04), ("c", -0.04), ("d", -4.94))
        ],
    )
    nps = [line.split()[2] for line in summary_table(result).splitlines()[1:]]
    assert nps == ["+1.0", "0.0", "0.0", "-4.9"]
    assert [float(value) for value in nps] == [1.0, 0.0, 0.0, -4.9]


def test_summary_table_shows_no_nps_of_a_month_under_the_anonymity_floor(tmp_path: Path) -> None:
    # REVIEW31: a unit of 37 responses under a floor of 40 printed its NPS (-70.3) in the
    # end-of-run table, which schedulers keep in logs, while the report, overview and e-mail
    # hide it. The floor is the one the notebook ran with (its injected min_report_n).
    ok = _result("a", "ok", nps=10.0, folder=tmp_path)
    small = replace(
        ok,
        unit="b",
        summary={"n": 37, "nps": -70.3},
        parameters={"unit": "b", "min_report_n": 40},
    )
    at_floor = replace(ok, unit="c", parameters={"unit": "c", "min_report_n": 40})
    table = summary_table(RunResult(output=tmp_path, units=[ok, small, at_floor]))
    assert "70.3" not in table
    rows = [line.split(maxsplit=6) for line in table.splitlines()[1:]]
    assert [row[2] for row in rows] == ["+10.0", "-", "+10.0"]
    assert rows[1][3] == "37"  # the count is no secret: the report says it too
    assert table.splitlines()[2].endswith(
        "NPS not shown: fewer than 40 responses (anonymity floor)"
    )


def test_summary_table_warns_of_a_units_unreadable_dates(tmp_path: Path) -> None:
    ok = _result("a", "ok", nps=10.0, folder=tmp_path)
    unread = {"column": "回答日", "count": 29, "examples": ["10月5日", "先週"]}
    warned = replace(ok, unit="b", summary={"n": 40, "nps": 10.0, "unreadable_dates": unread})
    assert summary_table(RunResult(output=tmp_path, units=[ok, warned])) == (
        "unit  status  NPS    n   seconds  output" + " " * (len(str(tmp_path)) + 3) + "note\n"
        f"a     ok      +10.0  40  1.5      {tmp_path}/a.html\n"
        f"b     ok      +10.0  40  1.5      {tmp_path}/a.html  29 unreadable dates\n"
        "b: warning: 29 responses have a date in column '回答日' that could not be read, such "
        "as '10月5日', '先週'. A response without a readable date belongs to no period and is "
        "left out of every period's figures. Write these cells in a form nps-kit reads "
        "(2026-10-03, 2026/10/03, 2026年10月3日, 令和8年10月3日, R8.10.3), or give date_format "
        "(--date-format) a strftime pattern such as '%d.%m.%Y'."
    )


def test_summary_table_lines_up_japanese_unit_ids(tmp_path: Path) -> None:
    # A unit id may be its clinic's name: padded by display width, not by len().
    result = RunResult(
        output=tmp_path,
        units=[
            _result("大宮院", "ok", nps=10.0, folder=tmp_path),
            _result("east", "ok", nps=10.0, folder=tmp_path),
        ],
    )
    lines = summary_table(result).splitlines()
    assert [display_width(line[: line.index("ok")]) for line in lines[1:]] == [8, 8]
    assert lines[0].index("status") == 8


def test_summary_table_and_progress_lines_in_japanese(tmp_path: Path) -> None:
    # FIX90 #1: a Japanese project's run closed on an English table (unit, status, n, note,
    # "failed at cell"); its header, status words, notes and failed lines are the project's.
    ok = _result("a", "ok", nps=10.0, folder=tmp_path)
    unread = {"column": "回答日", "count": 1, "examples": ["先週"]}
    warned = replace(ok, unit="b", summary={"n": 40, "nps": 10.0, "unreadable_dates": unread})
    small = replace(
        ok, unit="c", summary={"n": 37, "nps": -70.3}, parameters={"unit": "c", "min_report_n": 40}
    )
    failed = _result("d", "failed", nps=None, folder=tmp_path)
    result = RunResult(output=tmp_path, units=[ok, warned, small, failed])
    lines = summary_table(result, lang="ja").splitlines()
    assert lines[0].split() == ["ユニット", "状態", "NPS", "回答数", "秒", "出力", "備考"]
    assert lines[1].split()[:4] == ["a", "成功", "+10.0", "40"]
    assert lines[2].endswith("読めない日付1件")
    assert lines[3].endswith("NPS非表示：回答数が40件未満（匿名性の下限）")
    assert lines[4].split()[:3] == ["d", "失敗", "-"]
    # the header's columns line up over the rows by display width
    assert display_width(lines[0][: lines[0].index("状態")]) == display_width(
        lines[1][: lines[1].index("成功")]
    )
    assert lines[5].startswith("b: warning: 「回答日」の日付を読み取れない回答が1件あります")
    assert lines[-1] == "d: セル3で失敗しました：ValueError: boom"
    # English is as it was
    assert summary_table(result).splitlines()[-1] == "d: failed at cell 3: ValueError: boom"
    units = ["a", "d"]
    assert progress_line(ok, 1, units, elapsed=2.25, lang="ja") == (
        "[1/2] a            成功      1.5秒   （経過2.2秒）"
    )
    assert progress_line(failed, 2, units, elapsed=3.0) == (
        "[2/2] d            failed    1.5 s   (elapsed 3.0 s)"
    )


def _publish(**fields: str) -> str:
    """A cell publishing summary ``fields`` (summary key → expression)."""
    values = ", ".join(f'"{key}": {value}' for key, value in fields.items())
    return f"from nps_kit.report import publish_summary\npublish_summary({{{values}}})"


@pytest.mark.slow
def test_warm_kernel_is_reused_and_units_cannot_see_each_others_variables(
    tmp_path: Path, units: list[UnitParameters]
) -> None:
    notebook = make_notebook(
        tmp_path / "nb.ipynb",
        "import os\npid = os.getpid()\nleaked = 'secret' in globals() or bool(Out) or _ != ''\n"
        "secret = unit",
        "unit  # an expression result lands in Out and _",
        _publish(n="pid", small_sample="leaked"),  # the summary carries them back
    )
    result = run_reports(
        units, notebook=notebook, output=tmp_path / "reports", jobs=1, progress=None
    )
    assert [(u.unit, u.status) for u in result.units] == [("a", "ok"), ("b", "ok")]
    pids = [u.summary.n if u.summary else None for u in result.units]
    assert pids[0] == pids[1]  # one kernel ran both units
    assert [u.summary.small_sample if u.summary else None for u in result.units] == [False, False]


def _png_size(data: str) -> tuple[int, int]:
    import base64

    width, height = struct.unpack(">II", base64.b64decode(data)[16:24])
    return width, height


@pytest.mark.slow
def test_fresh_kernels_make_the_same_figures_as_warm_kernels(
    tmp_path: Path, units: list[UnitParameters], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("MPLBACKEND", raising=False)  # kernels use the inline backend
    notebook = make_notebook(
        tmp_path / "nb.ipynb",
        # unit a changes global matplotlib state; the reset must undo it before unit b
        "import matplotlib.pyplot as plt\n"
        'if unit == "a":\n'
        '    plt.rcParams["figure.figsize"] = (2, 2)',
        "fig, ax = plt.subplots()\nax.plot([1, 3, 2])\nplt.show()",
    )
    sizes = {}
    for fresh in (False, True):
        out = tmp_path / ("fresh" if fresh else "warm")
        result = run_reports(
            units, notebook=notebook, output=out, jobs=1, fresh_kernels=fresh, progress=None
        )
        assert result.ok, result.failed
        nb = nbformat.read(out / "2026-10" / "b.ipynb", as_version=4)
        images = [
            o.data["image/png"]
            for c in nb.cells
            for o in c.get("outputs", [])
            if "image/png" in o.get("data", {})
        ]
        sizes[fresh] = [_png_size(i) for i in images]
    assert len(sizes[False]) == 1
    assert sizes[False] == sizes[True]


def _cli(*argv: str) -> int:
    parser = argparse.ArgumentParser()
    run_command.register(parser.add_subparsers(), "en")
    args = parser.parse_args(["run", *argv])
    status: int = args.handler(args)
    return status


@pytest.mark.slow
def test_a_failing_unit_is_isolated_and_never_replaces_the_last_good_report(
    tmp_path: Path, units: list[UnitParameters], capsys: pytest.CaptureFixture[str]
) -> None:
    params = tmp_path
    output = tmp_path / "reports"
    good = make_notebook(tmp_path / "good.ipynb", "n = 1", _publish(n="n"))
    bad = make_notebook(
        tmp_path / "bad.ipynb",
        "n = 2",
        'if unit == "b":\n    raise ValueError("boom in " + unit)',
        _publish(n="n"),
    )
    common = ["--parameters", str(params), "--output", str(output), "--jobs", "2"]
    assert _cli(*common, "--notebook", str(good)) == 0
    folder = output / "2026-10"
    first_html = (folder / "b.html").read_bytes()
    first_nb = (folder / "b.ipynb").read_bytes()

    assert _cli(*common, "--notebook", str(bad)) == 1
    out = capsys.readouterr().out
    assert out.splitlines()[-1] == "b: セル3で失敗しました：ValueError: boom in b"  # FIX90
    assert (folder / "b.html").read_bytes() == first_html
    assert (folder / "b.ipynb").read_bytes() == first_nb
    failed = nbformat.read(folder / "_failed" / "b.ipynb", as_version=4)
    errors = [o for c in failed.cells for o in c.get("outputs", []) if o.output_type == "error"]
    assert [(e.ename, e.evalue) for e in errors] == [("ValueError", "boom in b")]
    assert nbformat.read(folder / "a.ipynb", as_version=4).cells[2].source == "n = 2"

    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    a, b = manifest["units"]
    assert (a["unit"], a["status"], a["html"], a["summary"]["n"]) == ("a", "ok", "a.html", 2)
    assert (b["unit"], b["status"], b["html"], b["notebook"]) == (
        "b",
        "failed",
        None,
        "_failed/b.ipynb",
    )
    assert b["error"] == {"cell_index": 3, "ename": "ValueError", "evalue": "boom in b"}
    assert a["parameters"]["unit_name"] == "Unit A"
    assert len(a["input"]["sha256"]) == 64

    # re-running only unit b with the good notebook clears _failed and keeps a in the manifest
    assert _cli(*common, "--notebook", str(good), "b") == 0
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    assert [(u["unit"], u["status"]) for u in manifest["units"]] == [("a", "ok"), ("b", "ok")]
    assert not (folder / "_failed" / "b.ipynb").exists()
    assert sorted(p.name for p in folder.iterdir() if p.name.startswith(".")) == []


@pytest.mark.slow
def test_the_run_writes_the_overview_in_the_projects_language_and_time_zone(
    tmp_path: Path, units: list[UnitParameters]
) -> None:
    # Both units report in Japanese; the project's overview is in English, times in Tokyo,
    # and its units are branches.
    (tmp_path / "defaults.yaml").write_text(
        "overview: {language: en, timezone: Asia/Tokyo, unit_label: Branch}\n", encoding="utf-8"
    )
    notebook = make_notebook(tmp_path / "nb.ipynb", "n = 1", _publish(n="n"))
    output = tmp_path / "reports"
    args = ["--parameters", str(tmp_path), "--output", str(output), "--notebook", str(notebook)]
    assert _cli(*args, "--jobs", "1") == 0
    soup = BeautifulSoup((output / "2026-10" / "index.html").read_text("utf-8"), "html.parser")
    assert soup.html["lang"] == "en"
    assert soup.select_one("thead th").get_text() == "Branch"
    assert sorted(tr.td.get_text() for tr in soup.select("tbody tr")) == ["Unit A", "部門B"]
    assert soup.select_one(".nps-prose p").get_text().endswith(" JST")
    top = (output / "index.html").read_text(encoding="utf-8")
    assert '<a href="2026-10/index.html">October 2026</a> (2 of 2 units&#x27; reports)' in top


def test_a_kernel_that_cannot_start_fails_every_unit_with_the_reason(
    tmp_path: Path, units: list[UnitParameters]
) -> None:
    notebook = make_notebook(tmp_path / "nb.ipynb", "pass")
    nb = nbformat.read(notebook, as_version=4)
    nb.metadata.kernelspec["name"] = "no-such-kernel"
    nbformat.write(nb, notebook)
    result = run_reports(units, notebook=notebook, output=tmp_path / "out", progress=None)
    assert not result.ok
    assert [(u.unit, u.status, u.html, u.notebook) for u in result.units] == [
        ("a", "failed", None, None),
        ("b", "failed", None, None),
    ]
    assert result.units[0].error == {
        "cell_index": None,
        "ename": "WorkerError",
        "evalue": "KernelStartError: kernel 'no-such-kernel' did not start after 3 attempts: "
        "No such kernel named no-such-kernel",
    }
    manifest = json.loads((tmp_path / "out" / "2026-10" / "manifest.json").read_text("utf-8"))
    assert [u["status"] for u in manifest["units"]] == ["failed", "failed"]


@pytest.mark.slow
def test_output_on_stderr_fails_the_unit(tmp_path: Path, units: list[UnitParameters]) -> None:
    notebook = make_notebook(
        tmp_path / "nb.ipynb",
        'import sys\nif unit == "b":\n    print("something is off", file=sys.stderr)',
    )
    result = run_reports(units, notebook=notebook, output=tmp_path / "out", jobs=1, progress=None)
    assert [(u.unit, u.status) for u in result.units] == [("a", "ok"), ("b", "failed")]
    assert result.units[1].error == {
        "cell_index": 2,
        "ename": "stderr",
        "evalue": "something is off\n",
    }
    assert (tmp_path / "out" / "2026-10" / "_failed" / "b.ipynb").is_file()
    assert not (tmp_path / "out" / "2026-10" / "b.html").exists()


# --- issue 9, defect 8: an unwritable reports folder is a message, before any kernel starts -----

WRITE_HINT = (
    "Make the folder writable (or mount it read-write), or pass --output DIR with a folder you "
    "can write to."
)


def test_reports_folder_under_a_file_is_refused_before_any_kernel(
    tmp_path: Path, units: list[UnitParameters]
) -> None:
    (tmp_path / "taken").write_text("not a folder", encoding="utf-8")
    output = tmp_path / "taken" / "reports"
    notebook = make_notebook(tmp_path / "nb.ipynb", "pass")
    with pytest.raises(ConfigError) as info:
        run_reports(units, notebook=notebook, output=output, progress=None)
    assert str(info.value) == (
        f"cannot write reports to {output}: Not a directory (errno 20). {WRITE_HINT}"
    )


def test_read_only_reports_folder_gives_a_message_and_exit_2(
    tmp_path: Path, units: list[UnitParameters], capsys: pytest.CaptureFixture[str]
) -> None:
    if os.geteuid() == 0:  # root writes through file modes; sysfs refuses new entries even to it
        output = Path("/sys/nps-kit-reports")
        if not Path("/sys").is_dir():
            pytest.skip("running as root without /sys: no folder root cannot write to")
    else:
        output = tmp_path / "reports"
        output.mkdir()
        output.chmod(0o555)
    try:
        (output / "2026-10").mkdir(parents=True)  # what the run would try first
    except OSError as exc:
        reason = f"{exc.strerror} (errno {exc.errno})"
    else:  # pragma: no cover - the folder must not be writable for this test
        pytest.skip(f"{output} is writable here")
    notebook = make_notebook(tmp_path / "nb.ipynb", "pass")
    argv = ["run", "--all", "--parameters", str(tmp_path), "--output", str(output)]
    assert main([*argv, "--notebook", str(notebook)]) == 2
    assert capsys.readouterr().err.splitlines()[-1] == (
        f"nps-kit run: error: cannot write reports to {output}: {reason}. {WRITE_HINT}"
    )


# --- concurrent runs and interruption (issue 9: lost units, leftovers after SIGTERM) ----------


def _project(root: Path, units: list[str]) -> Path:
    """A parameters folder with one tiny unit per id, all on the same responses file."""
    params = root / "parameters"
    params.mkdir(parents=True, exist_ok=True)
    (root / "responses.csv").write_text(CSV, encoding="utf-8")
    for unit in units:
        (params / f"{unit}.yaml").write_text(
            f"name: 部門 {unit}\nlanguage: ja\ndata: {{path: ../responses.csv}}\n"
            "columns: {date: submitted_at}\nperiod: 2026-10\n",
            encoding="utf-8",
        )
    return params


def _nps_kit(*argv: str) -> list[str]:
    return [sys.executable, "-m", "nps_kit.cli", *argv]


def _manifest_units(folder: Path) -> dict[str, dict]:
    try:
        manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    except (FileNotFoundError, ValueError):
        return {}
    return {u["unit"]: u for u in manifest["units"]}


def _merge_many(output: str, prefix: str) -> None:
    """Merge 25 units one by one, as a run does while its units finish."""
    folder = Path(output) / "2026-10"
    for i in range(25):
        result = _result(f"{prefix}{i:02d}", "ok", nps=float(i), folder=folder)
        update_manifest(Path(output), "2026-10", [result])


@pytest.mark.slow
def test_manifest_merges_from_two_processes_at_once_keep_every_unit(tmp_path: Path) -> None:
    import multiprocessing

    context = multiprocessing.get_context("spawn")
    workers = [context.Process(target=_merge_many, args=(str(tmp_path), prefix)) for prefix in "pq"]
    for process in workers:
        process.start()
    for process in workers:
        process.join(timeout=300)
        assert process.exitcode == 0
    units = _manifest_units(tmp_path / "2026-10")
    assert sorted(units) == sorted(f"{p}{i:02d}" for p in "pq" for i in range(25))


def _overview_rows(page: str) -> int:
    """Count the overview's unit rows: one ``tbody`` row per unit (h12's markup)."""
    return len(BeautifulSoup(page, "html.parser").select("table.nps-table > tbody > tr"))


@pytest.mark.slow
def test_two_concurrent_runs_of_25_units_each_end_with_50_units(tmp_path: Path) -> None:
    params = _project(tmp_path, [f"a{i:02d}" for i in range(25)] + [f"b{i:02d}" for i in range(25)])
    notebook = make_notebook(tmp_path / "nb.ipynb", _publish(period="unit"))
    output = tmp_path / "reports"
    common = ["--parameters", str(params), "--output", str(output), "--notebook", str(notebook)]
    runs = [
        subprocess.Popen(
            _nps_kit("run", *[f"{p}{i:02d}" for i in range(25)], *common, "--jobs", "1"),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for p in "ab"
    ]
    for run in runs:
        _out, err = run.communicate(timeout=900)
        assert run.returncode == 0, err
    folder = output / "2026-10"
    units = _manifest_units(folder)
    assert len(units) == 50
    assert {u["status"] for u in units.values()} == {"ok"}
    assert {name: u["summary"]["period"] for name, u in units.items()} == {n: n for n in units}
    page = (folder / "index.html").read_text(encoding="utf-8")
    assert _overview_rows(page) == 50
    assert '<a href="2026-10/index.html">2026年10月</a>（レポート50件中50件を作成）' in (
        output / "index.html"
    ).read_text(encoding="utf-8")


def _wait_for(condition: Callable[[], bool], process: subprocess.Popen[str]) -> None:
    """Poll ``condition`` until it holds; fail if the process ends first (or after 10 min)."""
    deadline = time.monotonic() + 600  # a safety net for a hung run, not a timing assert
    while not condition():
        if process.poll() is not None:
            pytest.fail(f"the run ended early: {process.communicate()}")
        if time.monotonic() > deadline:
            process.kill()
            pytest.fail("the run did not get there")
        time.sleep(0.1)


@pytest.mark.slow
def test_sigterm_mid_run_leaves_no_temporaries_and_records_exactly_the_finished_units(
    tmp_path: Path,
) -> None:
    params = _project(tmp_path, ["a", "b", "c", "d"])
    gate = tmp_path / "gate"
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    output = tmp_path / "reports"
    folder = output / "2026-10"

    def notebook(version: int) -> Path:
        # Every unit but a waits until the gate file exists: with the gate closed, a finishes
        # and b, c, d are still running when the run is stopped.
        return make_notebook(
            tmp_path / f"v{version}.ipynb",
            f"import pathlib, time\nversion = {version}\n"
            f"while unit != 'a' and not pathlib.Path({str(gate)!r}).exists():\n"
            "    time.sleep(0.05)",
            _publish(n="version"),
        )

    def run(version: int) -> subprocess.Popen[str]:
        return subprocess.Popen(
            _nps_kit(
                "run",
                "--all",
                "--parameters",
                str(params),
                "--output",
                str(output),
                "--notebook",
                str(notebook(version)),
                "--jobs",
                "2",
            ),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "TMPDIR": str(scratch)},
        )

    gate.touch()
    first = run(1)
    assert first.wait(timeout=600) == 0, first.communicate()
    old = {unit: (folder / f"{unit}.ipynb").read_bytes() for unit in "abcd"}

    gate.unlink()
    second = run(2)
    _wait_for(
        lambda: (_manifest_units(folder).get("a", {}).get("summary") or {}).get("n") == 2, second
    )
    second.send_signal(signal.SIGTERM)
    _out, err = second.communicate(timeout=120)

    assert second.returncode == 130
    assert err.splitlines()[-2:] == [
        # in the units' language (FIX90)
        "中断しました：4ユニットのうち1ユニットが完了し、manifest.jsonに記録されています。"
        "ほかのユニットは前回のレポートのままです",
        "nps-kit: interrupted",
    ]
    units = _manifest_units(folder)
    assert {name: u["summary"]["n"] for name, u in units.items()} == {
        "a": 2,
        "b": 1,
        "c": 1,
        "d": 1,
    }
    assert "version = 2" in (folder / "a.ipynb").read_text(encoding="utf-8")
    assert {unit: (folder / f"{unit}.ipynb").read_bytes() for unit in "bcd"} == {
        unit: old[unit] for unit in "bcd"
    }
    leftovers = [
        p.relative_to(folder).as_posix()
        for p in folder.rglob("*")
        if p.name.startswith(".") or (p.is_file() and p.stat().st_size == 0)
    ]
    assert leftovers == []
    assert not (folder / "_failed").exists() or list((folder / "_failed").iterdir()) == []
    assert list(scratch.iterdir()) == []  # the scratch folder where notebooks ran is gone
    page = (folder / "index.html").read_text(encoding="utf-8")
    assert _overview_rows(page) == 4


def test_a_unit_without_breakdowns_gets_no_breakdowns_section(
    tmp_path: Path, units: list[UnitParameters]
) -> None:
    from nps_kit.notebook import SECTIONS, section_names

    notebook = Path(__file__).resolve().parent.parent / "notebooks" / "nps_report.ipynb"
    unit = units[1]
    assert unit.breakdowns == [] and unit.empty_sections == ("breakdowns",)
    params = notebook_parameters(unit, period="2026-10")
    for sections in (None, ["headline", "breakdowns", "trend"]):
        nb = prepare_notebook(notebook, params, sections=sections, omit=unit.empty_sections)
        kept = [s for s in (sections or SECTIONS) if s != "breakdowns"]
        assert section_names(nb) == kept
        headings = [c.source.split("\n", 1)[0] for c in nb.cells if c.cell_type == "markdown"]
        numbered = [h for h in headings if h[:3] == "## " and h[3].isdigit()]
        # renumbered without a gap where the section was
        assert [int(h[3:].split(".")[0]) for h in numbered[::2]] == list(range(1, len(kept) + 1))
    with_groups = unit.model_copy(update={"breakdowns": ["channel"]})
    assert with_groups.empty_sections == ()


def test_worker_threads_leave_no_event_loop_for_the_garbage_collector(
    tmp_path: Path, units: list[UnitParameters]
) -> None:
    # jupyter_core opens an event loop per thread that executes a notebook; left open, the
    # collector later warns "unclosed event loop" inside whichever test or cell runs then.
    notebook = make_notebook(tmp_path / "nb.ipynb", "x = 1")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ResourceWarning)
        result = run_reports(
            units, notebook=notebook, output=tmp_path / "reports", jobs=2, progress=None
        )
        gc.collect()
    assert [u.status for u in result.units] == ["ok", "ok"]
    assert [str(w.message) for w in caught if issubclass(w.category, ResourceWarning)] == []


def test_fresh_kernels_print_no_kernel_log_on_the_terminal(
    tmp_path: Path, units: list[UnitParameters], capfd: pytest.CaptureFixture[str]
) -> None:
    # Each fresh kernel used to print "[IPKernelApp] WARNING | Kernel is running over TCP
    # without encryption" (and an ERROR line at shutdown) into the scheduler's mail.
    notebook = make_notebook(tmp_path / "nb.ipynb", "x = 1")
    result = run_reports(
        units,
        notebook=notebook,
        output=tmp_path / "reports",
        jobs=1,
        fresh_kernels=True,
        progress=None,
    )
    assert [u.status for u in result.units] == ["ok", "ok"]
    assert "IPKernelApp" not in capfd.readouterr().err


# --- a unit without rows is the user's mistake, refused before any kernel (QA18 finding 5) ---

MONTHS_CSV = (
    "response_id,submitted_at,business_unit,score\n"
    "R1,2026-09-03 10:00:00,大宮店,9\n"
    "R2,2026-10-31 12:00:00,大宮店,3\n"
    "R3,2026-09-12 12:00:00,横浜店,7\n"
)


def _shops(root: Path, **filters: str) -> Path:
    """A parameters folder with one unit per shop, filtered on business_unit."""
    params = root / "parameters"
    params.mkdir(parents=True, exist_ok=True)
    (root / "responses.csv").write_text(MONTHS_CSV, encoding="utf-8")
    for unit, value in filters.items():
        (params / f"{unit}.yaml").write_text(
            f"name: {unit}\nlanguage: ja\ndata: {{path: ../responses.csv, filter: "
            f"{{column: business_unit, values: [{value}]}}}}\ncolumns: {{date: submitted_at}}\n",
            encoding="utf-8",
        )
    return params


def _written(output: Path) -> list[str]:
    """What a run left in its reports folder, except the export's cache."""
    return sorted(str(p.relative_to(output)) for p in output.rglob("*") if ".cache" not in p.parts)


def test_a_month_without_responses_is_refused_before_any_kernel_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    params = _shops(tmp_path, yokohama="横浜店")
    notebook = make_notebook(tmp_path / "nb.ipynb", "raise SystemExit('no kernel may start')")
    output = tmp_path / "reports"
    argv = ["run", "yokohama", "--parameters", str(params), "--output", str(output)]
    assert main([*argv, "--notebook", str(notebook), "--period", "2026-11"]) == 2
    assert capsys.readouterr().err.splitlines()[-1] == (
        # A Japanese unit's refusal is Japanese (FIX94).
        "nps-kit run: error: parameters/yokohama.yaml：yokohamaには2026-11の回答がありません。"
        "responses.csvにあるこのユニットの回答（business_unit：「横浜店」）は2026-09のものです。"
        "その範囲の月を選ぶか（--period 2026-09、終わった最後の月）、エクスポートに2026-11の"
        "回答が入ってからもう一度実行してください。"
    )
    assert _written(output) == []  # no _failed notebook, no empty period in the overview


def test_a_renamed_unit_is_run_with_the_rows_of_its_earlier_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # QA29 F8: 横浜店 became 横浜みなとみらい店 in October; October's report has September
    # (the old name's rows) to compare with, read from the run's cache.
    monkeypatch.chdir(tmp_path)
    params = _shops(tmp_path, yokohama="横浜みなとみらい店")
    (tmp_path / "responses.csv").write_text(
        MONTHS_CSV + "R4,2026-10-02 12:00:00,横浜みなとみらい店,10\n", encoding="utf-8"
    )
    unit_file = params / "yokohama.yaml"
    unit_file.write_text(
        unit_file.read_text(encoding="utf-8").replace(
            "values: [横浜みなとみらい店]}",
            "values: [横浜みなとみらい店], previous_names: [横浜店]}",
        ),
        encoding="utf-8",
    )
    notebook = make_notebook(
        tmp_path / "nb.ipynb",
        "from nps_kit.unit import prepare_unit\n"
        "u = prepare_unit(data_path, name=unit_name, unit_column=filter_column, "
        "unit_values=filter_values, date_column=date_column, period=period, cache=data_cache, "
        "previous_names=previous_names)\n"
        "assert u.responses['nps_score'].tolist() == [7, 10], u.responses\n"
        "assert u.renamed == (('横浜店', '2026-09-12'),), u.renamed",
    )
    output = tmp_path / "reports"
    argv = ["run", "yokohama", "--parameters", str(params), "--output", str(output)]
    assert main([*argv, "--notebook", str(notebook), "--period", "2026-10"]) == 0


def test_a_report_notebook_names_its_cache_by_a_path_that_holds_from_its_own_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # REVIEW28: `make reports` runs with `--output reports`; the cache was injected as the
    # relative 'reports/.cache/….parquet', so the report notebook opened from reports/2026-10/
    # (JupyterLab's folder) stopped on a file that does not exist from there.
    monkeypatch.chdir(tmp_path)
    params = _shops(tmp_path, omiya="大宮店")
    notebook = make_notebook(tmp_path / "nb.ipynb", "print(unit)")
    argv = ["run", "omiya", "--parameters", "parameters", "--output", "reports"]
    assert main([*argv, "--notebook", str(notebook), "--period", "2026-10"]) == 0
    built = nbformat.read(tmp_path / "reports" / "2026-10" / "omiya.ipynb", as_version=4)
    cache = Path(built.metadata.papermill.parameters["data_cache"])
    assert cache.is_absolute() and cache.parent == tmp_path / "reports" / ".cache"
    monkeypatch.chdir(tmp_path / "reports" / "2026-10")
    assert cache.is_file() and str(params) not in str(cache)


# A Google Forms export (QA20's dental chain) on 4 December: November complete, and in
# December one answer from the north clinic, five from the south one.
FORM_CSV = (
    "Timestamp,How likely are you to recommend us?,Which clinic?\n"
    + "".join(
        f"11/{day}/2026 10:00:00,{score},{clinic}\n"
        for clinic in ("Leeds", "Oxford")
        for day, score in ((13, 9), (14, 3), (15, 10), (16, 7), (17, 8), (18, 9))
    )
    + "12/1/2026 09:12:00,9,Leeds\n"
    + "".join(
        f"12/{day}/2026 11:00:00,{score},Oxford\n"
        for day, score in ((1, 9), (2, 2), (2, 10), (3, 9), (3, 6))
    )
)


def _clinics(root: Path) -> Path:
    params = root / "parameters"
    params.mkdir(parents=True, exist_ok=True)
    (root / "responses.csv").write_text(FORM_CSV, encoding="utf-8")
    (params / "defaults.yaml").write_text(
        "language: en\ntimezone: Europe/London\ndata: {path: ../responses.csv}\n"
        "columns: {score: 'How likely are you to recommend us?', date: Timestamp}\n",
        encoding="utf-8",
    )
    for unit, clinic in (("north", "Leeds"), ("south", "Oxford")):
        (params / f"{unit}.yaml").write_text(
            f"name: {unit}\ndata: {{filter: {{column: 'Which clinic?', values: [{clinic}]}}}}\n",
            encoding="utf-8",
        )
    return params


def test_a_month_to_date_with_fewer_responses_than_a_group_needs_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # QA20: `run north --period current` on 4 December reported "NPS 100.0, 1 response": one
    # patient's answer, which the regional manager read as December's result (a group of
    # under 5 is hidden for anonymity, the unit's total was not).
    from nps_kit import clock

    monkeypatch.chdir(tmp_path)
    when = datetime(2026, 12, 4, 9, 0, tzinfo=zone("en", "Europe/London"))
    monkeypatch.setattr(clock, "now", lambda language, timezone=None: when)
    params = _clinics(tmp_path)
    notebook = make_notebook(tmp_path / "nb.ipynb", "pass")
    output = tmp_path / "reports"
    argv = ["--parameters", str(params), "--output", str(output), "--notebook", str(notebook)]
    assert main(["run", "north", *argv, "--period", "current"]) == 2
    assert capsys.readouterr().err.splitlines()[-1] == (
        "nps-kit run: error: parameters/north.yaml: north has only 1 response so far in 2026-12, "
        "a month that has not ended, fewer than the 5 that thresholds.min_report_n asks before "
        "a group's figures are shown: its NPS would be a few people's answers, not the month's "
        "result. Report the last complete month instead: nps-kit run north --period 2026-11 (or "
        "--period latest). Run again once 2026-12 has 5 responses."
    )
    assert _written(output) == []
    # The scheduler's run --all: the south clinic's five answers are reported (as December to
    # date), the north one is a note, and the run succeeds.
    assert main(["run", "--all", *argv, "--period", "current", "--jobs", "1"]) == 0
    err = capsys.readouterr().err
    assert "note: parameters/north.yaml: north has only 1 response so far in 2026-12" in err
    # Every unit asked for is in the month's manifest (FIX34): north as "no data", so send and
    # the overview say why it has no report.
    units = _manifest_units(output / "2026-12")
    assert sorted(units) == ["north", "south"]
    assert (units["north"]["status"], units["north"]["html"]) == ("no data", None)
    # Once December has ended, its one answer is December's result (a small sample).
    ended = datetime(2027, 1, 2, 9, 0, tzinfo=zone("en", "Europe/London"))
    monkeypatch.setattr(clock, "now", lambda language, timezone=None: ended)
    assert main(["run", "north", *argv, "--period", "2026-12"]) == 0
    assert sorted(_manifest_units(output / "2026-12")) == ["north", "south"]


def test_a_filter_value_that_matches_no_row_is_refused_with_the_closest_value(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    params = _shops(tmp_path, omiya="大宮")
    notebook = make_notebook(tmp_path / "nb.ipynb", "raise SystemExit('no kernel may start')")
    output = tmp_path / "reports"
    argv = ["run", "omiya", "--parameters", str(params), "--output", str(output)]
    assert main([*argv, "--notebook", str(notebook), "--period", "2026-10"]) == 2
    assert capsys.readouterr().err.splitlines()[-1] == (
        "nps-kit run: error: parameters/omiya.yaml：data.filter.values：responses.csvに"
        "business_unitが「大宮」の行がありません（ユニットomiya）。business_unitの値：「大宮店」、"
        "「横浜店」。「大宮店」のことですか？parameters/omiya.yamlのdata.filter.valuesを直して"
        "ください。"
    )
    # No report file; the month's manifest records why, for send and the overview (FIX38).
    assert [p for p in _written(output) if not p.endswith(("index.html", ".lock"))] == [
        "2026-10",
        "2026-10/manifest.json",
    ]
    assert _manifest_units(output / "2026-10")["omiya"]["status"] == "refused"


def test_a_japanese_projects_refusal_reason_is_recorded_with_its_key_and_said_in_japanese(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # MSG41: the manifest kept the reason as an English sentence only, and send printed it
    # inside its Japanese line. The sentence stays (older readers, JSON consumers) beside the
    # key and arguments send says it in the line's language from.
    monkeypatch.chdir(tmp_path)
    params = _shops(tmp_path, omiya="大宮")
    notebook = make_notebook(tmp_path / "nb.ipynb", "raise SystemExit('no kernel may start')")
    output = tmp_path / "reports"
    argv = ["run", "omiya", "--parameters", str(params), "--output", str(output)]
    assert main([*argv, "--notebook", str(notebook), "--period", "2026-10"]) == 2
    error = _manifest_units(output / "2026-10")["omiya"]["error"]
    assert error["reason"] == "no row has business_unit = '大宮'; did you mean '大宮店'?"
    assert error["reason_key"] == "run.reason.no_rows"
    assert error["reason_args"] == {
        "column": "business_unit",
        "values": ["大宮"],
        "guess": "大宮店",
    }
    capsys.readouterr()
    send = ["send", "omiya", "--period", "2026-10", "--dry-run"]
    assert main([*send, "--parameters", str(params), "--output", str(output)]) == 1
    out = capsys.readouterr().out
    assert (
        "omiya: 送信しません：前回の実行でレポートが作り直されていません（実行せず："
        "business_unitが「大宮」の行がありません（「大宮店」のことですか？））。ユニットを直し、"
        "'nps-kit run omiya --period 2026-10'をもう一度実行してから送信してください。" in out
    )


def test_run_all_skips_a_unit_without_responses_in_the_month_and_builds_the_others(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    # The scheduler's `run --all` for the latest month, one shop with no responses yet: the
    # others' reports are built and the run succeeds; the shop is named, with its months.
    params = _shops(tmp_path, omiya="大宮店", yokohama="横浜店")
    notebook = make_notebook(tmp_path / "nb.ipynb", "pass")
    output = tmp_path / "reports"
    argv = ["run", "--all", "--parameters", str(params), "--output", str(output)]
    assert main([*argv, "--notebook", str(notebook), "--period", "2026-10", "--jobs", "1"]) == 0
    err = capsys.readouterr().err
    assert (
        "note: parameters/yokohama.yaml：yokohamaには2026-10の回答がありません。responses.csv"
        "にあるこのユニットの回答（business_unit：「横浜店」）は2026-09のものです。" in err
    )
    units = _manifest_units(output / "2026-10")
    assert sorted(units) == ["omiya", "yokohama"]  # recorded, not built (FIX34)
    assert (units["yokohama"]["status"], units["yokohama"]["html"]) == ("no data", None)
    assert not (output / "2026-10" / "_failed").exists()


def test_run_all_names_a_refused_unit_in_the_table_and_before_the_progress_lines(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # QA19: a filter typo left the unit out of the stdout table cron captures, and its error
    # came last, after the progress lines, though the check runs before any kernel starts.
    monkeypatch.chdir(tmp_path)
    params = _shops(tmp_path, omiya="大宮", yokohama="横浜店")
    notebook = make_notebook(tmp_path / "nb.ipynb", "pass")
    output = tmp_path / "reports"
    argv = ["run", "--all", "--parameters", str(params), "--output", str(output)]
    assert main([*argv, "--notebook", str(notebook), "--period", "2026-09", "--jobs", "1"]) == 1
    out, err = capsys.readouterr()
    table = {line.split()[0]: line.split(maxsplit=6) for line in out.splitlines()}
    assert table["omiya"] == [
        "omiya",
        "実行せず",  # the project's language (FIX90), its reason too (MSG41)
        "-",
        "-",
        "-",
        "-",
        "business_unitが「大宮」の行がありません（「大宮店」のことですか？）",
    ]
    assert table["yokohama"][1] == "成功"
    lines = err.splitlines()
    refused = lines.index(
        "error: parameters/omiya.yaml：data.filter.values：responses.csvにbusiness_unitが"
        "「大宮」の行がありません（ユニットomiya）。business_unitの値：「大宮店」、「横浜店」。"
        "「大宮店」のことですか？parameters/omiya.yamlのdata.filter.valuesを直してください。"
        "このユニットは実行しません。"
    )
    first_progress = next(i for i, line in enumerate(lines) if line.endswith("で実行します"))
    assert refused < first_progress


def test_latest_on_a_stale_export_warns_naming_both_months(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # QA19: an export without last month (a late warehouse load) made the scheduled run report
    # the month before, every unit ok, exit 0, nothing on stderr.
    from nps_kit import clock
    from nps_kit.periods import last_ended_month, shift_period

    monkeypatch.chdir(tmp_path)
    ended = last_ended_month(clock.now("ja"))
    old = shift_period(ended, -1)
    params = tmp_path / "parameters"
    params.mkdir()
    notebook = make_notebook(tmp_path / "nb.ipynb", "pass")
    for name, last in (("stale.csv", old), ("fresh.csv", ended)):
        (tmp_path / name).write_text(
            "response_id,submitted_at,business_unit,score\n"
            f"R1,{shift_period(last, -1)}-10 10:00:00,大宮店,9\n"
            f"R2,{last}-12 12:00:00,大宮店,3\n",
            encoding="utf-8",
        )
        (params / "omiya.yaml").write_text(
            f"name: omiya\nlanguage: ja\ndata: {{path: ../{name}}}\n"
            "columns: {date: submitted_at}\n",
            encoding="utf-8",
        )
        argv = ["run", "--all", "--parameters", str(params), "--output", str(tmp_path / name[:-4])]
        assert main([*argv, "--notebook", str(notebook), "--jobs", "1"]) == 0  # unchanged
        warned = [line for line in capsys.readouterr().err.splitlines() if "warning" in line]
        if name == "fresh.csv":
            assert warned == []
            continue
        assert warned == [
            # In the unit's language (FIX92: English in a Japanese project until then).
            f"warning: stale.csvには{old}より後の回答がないため、期間「latest」は{ended}が"
            f"終わっているのに{old}をレポートします（ユニット：omiya）。エクスポートが遅れて"
            f"いませんか？{ended}を含むエクスポートになったら、もう一度実行してください。"
            f"--period {old}を付けると、どの月かを明示できます。"
        ]


def test_contact_details_naming_only_names_are_warned_about_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # QA23: contact_details: [RecipientFirstName] reaches nobody; the run listed nobody
    # without a word. It warns once per setting, naming its units, in the words alerts
    # refuses with (closed_loop.names_only); the exit status does not change.
    monkeypatch.chdir(tmp_path)
    params = tmp_path / "parameters"
    params.mkdir()
    (tmp_path / "responses.csv").write_text(
        "ResponseId,RecordedDate,Region,Q1,RecipientFirstName\n"
        "R1,2026-10-03 10:00:00,North,3,Léa\nR2,2026-10-04 10:00:00,South,9,Tom\n",
        encoding="utf-8",
    )
    (params / "defaults.yaml").write_text(
        "language: en\ndata: {path: ../responses.csv}\ncolumns: {id: ResponseId, "
        "date: RecordedDate, score: Q1, contact: null, contact_details: [RecipientFirstName]}\n",
        encoding="utf-8",
    )
    for unit in ("north", "south"):
        (params / f"{unit}.yaml").write_text(f"name: {unit}\n", encoding="utf-8")
    notebook = make_notebook(tmp_path / "nb.ipynb", "pass")
    argv = ["run", "--all", "--parameters", str(params), "--output", str(tmp_path / "reports")]
    assert main([*argv, "--notebook", str(notebook), "--period", "2026-10", "--jobs", "1"]) == 0
    warned = [line for line in capsys.readouterr().err.splitlines() if "warning" in line]
    assert warned == [
        "warning: north, south: columns.contact_details lists only name columns "
        "('RecipientFirstName'): a name says who someone is, not how to reach them, so no "
        "detractor counts as having left a way to be contacted. Add the column where "
        "respondents leave a phone number or e-mail address (e.g. RecipientEmail) to "
        "columns.contact_details, or set columns.contact to a consent (Yes/No) question."
    ]
    # A Japanese unit's warning is Japanese, closed with 。 (FIX87).
    (params / "north.yaml").write_text("name: north\nlanguage: ja\n", encoding="utf-8")
    assert main([*argv, "--notebook", str(notebook), "--period", "2026-10", "--jobs", "1"]) == 0
    warned = [line for line in capsys.readouterr().err.splitlines() if "warning" in line]
    assert warned == [
        "warning: north: columns.contact_detailsは氏名の列（'RecipientFirstName'）だけです。"
        "氏名は誰かを示しますが連絡の手段ではないため、連絡先を残した方として数えられる回答者が"
        "いません。回答者が電話番号やメールアドレスを記入する列をcolumns.contact_detailsに"
        "加えるか、columns.contactに連絡の同意（はい／いいえ）を尋ねる設問を設定してください。",
        "warning: south: columns.contact_details lists only name columns "
        "('RecipientFirstName'): a name says who someone is, not how to reach them, so no "
        "detractor counts as having left a way to be contacted. Add the column where "
        "respondents leave a phone number or e-mail address (e.g. RecipientEmail) to "
        "columns.contact_details, or set columns.contact to a consent (Yes/No) question.",
    ]


def test_a_run_none_of_whose_units_has_the_month_names_each_unit(
    tmp_path: Path, units: list[UnitParameters], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Units without a filter read the whole export: its months are theirs.
    monkeypatch.chdir(tmp_path)
    notebook = make_notebook(tmp_path / "nb.ipynb", "raise SystemExit('no kernel may start')")
    with pytest.raises(ConfigError) as info:
        run_reports(
            units, notebook=notebook, output=tmp_path / "out", period="2026-11", language="ja"
        )
    # Japanese units of a Japanese run (FIX94).
    each = (
        "{0}.yaml：{0}には2026-11の回答がありません。responses.csvにあるこのユニットの回答は"
        "2026-10のものです。その範囲の月を選ぶか（--period 2026-10、終わった最後の月）、"
        "エクスポートに2026-11の回答が入ってからもう一度実行してください。"
    )
    assert str(info.value) == (
        "2ユニットのどれにもレポートする回答がありません：\n"
        f"- {each.format('a')}\n- {each.format('b')}"
    )
    assert not (tmp_path / "out" / "2026-11").exists()


def test_a_usually_active_unit_without_responses_in_the_month_may_be_a_broken_feed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # QA24: Pet (about 60 responses a month) had none in November, and the note pointed at
    # December, 4 days old: the last complete month is October, and a gap is likely a feed.
    from nps_kit import clock

    monkeypatch.chdir(tmp_path)
    when = datetime(2026, 12, 4, 9, 0, tzinfo=zone("en", "Europe/London"))
    monkeypatch.setattr(clock, "now", lambda language, timezone=None: when)
    days = [f"2026-{m:02d}-{d:02d}" for m in (7, 8, 9, 10) for d in range(1, 13)]
    rows = "".join(f"R{i},{day} 10:00:00,{i % 11}\n" for i, day in enumerate([*days, "2026-12-02"]))
    (tmp_path / "responses.csv").write_text(
        "response_id,submitted_at,score\n" + rows, encoding="utf-8"
    )
    (tmp_path / "pet.yaml").write_text(
        "name: Pet\nlanguage: en\ndata: {path: responses.csv}\ncolumns: {date: submitted_at}\n",
        encoding="utf-8",
    )
    notebook = make_notebook(tmp_path / "nb.ipynb", "raise SystemExit('no kernel may start')")
    with pytest.raises(ConfigError) as info:
        run_reports(
            [load_unit(tmp_path / "pet.yaml")],
            notebook=notebook,
            output=tmp_path / "out",
            period="2026-11",
        )
    assert str(info.value) == (
        "pet.yaml: pet has no responses in 2026-11; its responses in responses.csv cover "
        "2026-07, 2026-08, 2026-09, 2026-10, 2026-12. Pick a month inside that range "
        "(--period 2026-10, the last "
        "complete month), or run again once the export has responses for 2026-11. pet usually "
        "has about 12 responses a month: none in 2026-11 may be a broken feed, so check that "
        "the export has all its rows first."
    )


def _unit_cells(folder: Path) -> dict[str, str]:
    soup = BeautifulSoup((folder / "index.html").read_text(encoding="utf-8"), "html.parser")
    rows = [tr.select("td")[0] for tr in soup.select("tbody tr")]
    return {td.get_text(" ", strip=True).split()[0]: td.get_text(" ", strip=True) for td in rows}


def test_a_unit_refused_after_an_earlier_report_is_marked_not_rebuilt_in_the_overview(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # QA19: after a filter typo (refused) the overview still showed the unit's figures from
    # the period's earlier run, as if current. Its row now says it was not rebuilt, when and
    # why, and links the last good report; the figures go. Same for a unit without responses.
    monkeypatch.chdir(tmp_path)
    params = _shops(tmp_path, omiya="大宮店", yokohama="横浜店")
    notebook = make_notebook(tmp_path / "nb.ipynb", "pass")
    output = tmp_path / "reports"
    folder = output / "2026-09"
    argv = ["run", "--all", "--parameters", str(params), "--output", str(output)]
    argv += ["--notebook", str(notebook), "--period", "2026-09", "--jobs", "1"]
    assert main(argv) == 0
    assert {u: e["status"] for u, e in _manifest_units(folder).items()} == {
        "omiya": "ok",
        "yokohama": "ok",
    }
    omiya = params / "omiya.yaml"
    omiya.write_text(omiya.read_text(encoding="utf-8").replace("大宮店", "大宮"), encoding="utf-8")
    assert main(argv) == 1
    capsys.readouterr()
    entry = _manifest_units(folder)["omiya"]
    assert (entry["status"], entry["html"], entry["summary"]) == ("refused", None, None)
    assert (entry["error"]["key"], entry["error"]["reason"]) == (
        "data.filter.values",
        "no row has business_unit = '大宮'; did you mean '大宮店'?",
    )
    day = datetime.fromisoformat(entry["error"]["at"]).astimezone(zone("ja")).date()
    rows = _unit_cells(folder)
    assert rows["omiya"] == (
        f"omiya {day}の実行で更新されず 絞り込み条件に一致する回答なし（パラメーターの修正が必要） "
        "前回の成功分"
    )
    assert rows["yokohama"] == "yokohama"
    assert (folder / "omiya.html").is_file()  # the last good report, linked from the row
    # Only the refused unit, asked alone: nothing to run (exit 2), still marked.
    omiya_only = [a if a != "--all" else "omiya" for a in argv]
    assert main(omiya_only) == 2
    assert _manifest_units(folder)["omiya"]["status"] == "refused"
    # The filter fixed, a new export without September for 横浜店: yokohama has no data.
    omiya.write_text(omiya.read_text(encoding="utf-8").replace("大宮", "大宮店"), encoding="utf-8")
    (tmp_path / "responses.csv").write_text(
        MONTHS_CSV.replace("2026-09-12", "2026-10-12"), encoding="utf-8"
    )
    assert main(argv) == 0
    capsys.readouterr()
    units = _manifest_units(folder)
    assert (units["omiya"]["status"], units["yokohama"]["status"]) == ("ok", "no data")
    rows = _unit_cells(folder)
    assert rows["omiya"] == "omiya"
    assert rows["yokohama"].endswith("の実行で更新されず 2026年9月の回答なし 前回の成功分")


def test_a_refused_unit_without_an_earlier_report_has_a_row_without_figures(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # QA24 #8: a unit refused on its first run was left out of the manifest, so send said
    # "1 sent", exit 0, and the overview did not name it. Every unit asked for is recorded.
    monkeypatch.chdir(tmp_path)
    params = _shops(tmp_path, omiya="大宮店", yokohama="横浜")
    notebook = make_notebook(tmp_path / "nb.ipynb", "pass")
    output = tmp_path / "reports"
    argv = ["run", "--all", "--parameters", str(params), "--output", str(output)]
    assert main([*argv, "--notebook", str(notebook), "--period", "2026-09", "--jobs", "1"]) == 1
    units = _manifest_units(output / "2026-09")
    assert {u: e["status"] for u, e in units.items()} == {"omiya": "ok", "yokohama": "refused"}
    assert (units["yokohama"]["html"], units["yokohama"]["summary"]) == (None, None)
    cells = _unit_cells(output / "2026-09")
    assert "絞り込み条件に一致する回答なし" in cells["yokohama"]


def test_a_unit_with_a_parameter_error_is_recorded_with_its_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # QA24 #8: a unit file with a typo stopped before run_reports and was in no manifest.
    monkeypatch.chdir(tmp_path)
    params = _shops(tmp_path, omiya="大宮店")
    (params / "travel.yaml").write_text("name: travel\nlanguag: ja\n", encoding="utf-8")
    notebook = make_notebook(tmp_path / "nb.ipynb", "pass")
    output = tmp_path / "reports"
    argv = ["run", "--all", "--parameters", str(params), "--output", str(output)]
    assert main([*argv, "--notebook", str(notebook), "--period", "2026-09", "--jobs", "1"]) == 1
    entry = _manifest_units(output / "2026-09")["travel"]
    assert (entry["status"], entry["html"], entry["summary"]) == ("parameter error", None, None)
    assert "languag" in entry["error"]["evalue"]
    assert "パラメーターファイルのエラー" in _unit_cells(output / "2026-09")["travel"]


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("ja", "パラメーターファイルのエラー"),
        ("en", "parameter error (its parameter file needs fixing)"),
    ],
)
def test_a_unit_with_a_parameter_error_is_shown_by_its_name_when_the_file_gives_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, said: str
) -> None:
    # FIX38: the overview showed such a unit by its id ('travel') beside the other units'
    # names; its file's name is shown when the file reads that far, else its file name.
    monkeypatch.chdir(tmp_path)
    params = _shops(tmp_path, omiya="大宮店")
    (params / "defaults.yaml").write_text(f"language: {lang}\n", encoding="utf-8")
    (params / "travel.yaml").write_text("name: 旅行事業部\nlanguag: ja\n", encoding="utf-8")
    (params / "hotel.yaml").write_text("name: [ホテル\n", encoding="utf-8")  # YAML broken
    notebook = make_notebook(tmp_path / "nb.ipynb", "pass")
    output = tmp_path / "reports"
    argv = ["run", "--all", "--parameters", str(params), "--output", str(output)]
    assert main([*argv, "--notebook", str(notebook), "--period", "2026-09", "--jobs", "1"]) == 1
    units = _manifest_units(output / "2026-09")
    assert {u: (e["name"], e["status"]) for u, e in units.items()} == {
        "omiya": ("omiya", "ok"),
        "travel": ("旅行事業部", "parameter error"),
        "hotel": ("hotel", "parameter error"),
    }
    cells = _unit_cells(output / "2026-09")
    assert said in cells["旅行事業部"] and said in cells["hotel"]
    assert "travel" not in cells


def test_a_month_where_every_unit_is_refused_still_records_each_unit_and_why(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # FIX38: with every unit refused nothing was built, so no manifest was written and send
    # said only "manifest.json does not exist"; the overview did not name the month.
    monkeypatch.chdir(tmp_path)
    params = _shops(tmp_path, omiya="大宮", yokohama="横浜")
    (params / "travel.yaml").write_text("name: travel\nlanguag: ja\n", encoding="utf-8")
    notebook = make_notebook(tmp_path / "nb.ipynb", "raise SystemExit('no kernel may start')")
    output = tmp_path / "reports"
    argv = ["run", "--all", "--parameters", str(params), "--output", str(output)]
    assert main([*argv, "--notebook", str(notebook), "--period", "2026-09"]) == 2
    units = _manifest_units(output / "2026-09")
    assert {u: e["status"] for u, e in units.items()} == {
        "omiya": "refused",
        "yokohama": "refused",
        "travel": "parameter error",
    }
    assert units["omiya"]["error"]["reason"] == (
        "no row has business_unit = '大宮'; did you mean '大宮店'?"
    )
    cells = _unit_cells(output / "2026-09")
    assert "絞り込み条件に一致する回答なし" in cells["omiya"]
    assert "パラメーターファイルのエラー" in cells["travel"]
    capsys.readouterr()
    send = ["send", "--all", "--period", "2026-09", "--output", str(output), "--dry-run"]
    assert main(send) == 1
    out = capsys.readouterr().out
    # A Japanese unit's line is Japanese (FIX87); travel's language could not be read, and
    # the units share none, so the rest is English.
    # Its reason too, from the key the manifest records beside the sentence (MSG41).
    assert (
        "omiya: 送信しません：前回の実行でレポートが作り直されていません（実行せず：business_unitが"
        "「大宮」の行がありません（「大宮店」のことですか？））。" in out
    )
    assert "travel: skipped, its parameter file has an error" in out
    assert out.endswith("2026-09: 3 reports not ready.\n")


def test_a_run_whose_every_unit_file_is_broken_records_each_in_the_month_asked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # FIX38: with every unit file broken run stopped before any month was known or written.
    monkeypatch.chdir(tmp_path)
    params = _shops(tmp_path)
    for unit in ("omiya", "travel"):
        (params / f"{unit}.yaml").write_text(f"name: {unit}\nlanguag: ja\n", encoding="utf-8")
    output = tmp_path / "reports"
    argv = ["run", "--all", "--parameters", str(params), "--output", str(output)]
    assert main([*argv, "--period", "2026-09"]) == 2
    assert "2 parameter files have problems" in capsys.readouterr().err
    units = _manifest_units(output / "2026-09")
    assert {u: e["status"] for u, e in units.items()} == {
        "omiya": "parameter error",
        "travel": "parameter error",
    }
    # Without a month asked for, the month is not known: nothing is written.
    assert main([*argv, "--output", str(tmp_path / "elsewhere")]) == 2
    assert not (tmp_path / "elsewhere").exists()


def test_run_send_without_an_smtp_host_exits_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # FIX38: a monthly `run --all --send` without NPS_KIT_SMTP_HOST built the reports, wrote
    # the mails to the outbox and exited 0: the scheduler never learnt that nothing went out.
    monkeypatch.chdir(tmp_path)  # no stray .env
    for name in ("HOST", "PORT", "SECURITY", "FROM", "USER", "PASSWORD", "CAFILE"):
        monkeypatch.delenv(f"NPS_KIT_SMTP_{name}", raising=False)
    params = _shops(tmp_path, omiya="大宮店")
    with (params / "omiya.yaml").open("a", encoding="utf-8") as file:
        file.write("mail: {to: [omiya@example.com]}\n")
    notebook = make_notebook(tmp_path / "nb.ipynb", _publish(n="1", nps="100.0"))
    output = tmp_path / "reports"
    argv = ["run", "omiya", "--send", "--parameters", str(params), "--output", str(output)]
    assert main([*argv, "--notebook", str(notebook), "--period", "2026-09"]) == 2
    assert (output / "2026-09" / "outbox" / "omiya.eml").is_file()
    last = capsys.readouterr().out.splitlines()[-1]
    # In the project's language: its only unit's, Japanese (FIX87).
    assert last.startswith("error: 何も送信されていません。NPS_KIT_SMTP_HOSTが設定されていないため")
    # REVIEW25: it said "pass --dry-run", which run does not accept (usage error, exit 2).
    assert last.endswith(
        "（'nps-kit send --help'を参照）、'nps-kit send --all --period 2026-09'を実行してください"
        "（レポートは作成済みです）。レポートの作成だけなら、--sendを外してください。"
        "終了ステータスは2です。"
    )
    assert "--dry-run" not in last


def test_a_watch_build_refused_marks_the_units_earlier_report_as_run_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # `run --watch` prepares a unit as `run` does: a filter typo refuses it before any kernel,
    # and the month's overview no longer shows its earlier report as current.
    from nps_kit.run import build_once

    monkeypatch.chdir(tmp_path)
    params = _shops(tmp_path, omiya="大宮")
    output = tmp_path / "reports"
    folder = output / "2026-10"
    update_manifest(output, "2026-10", [_result("omiya", "ok", nps=10.0, folder=folder)])
    (folder / "omiya.html").write_text("<p>earlier</p>", encoding="utf-8")  # the earlier report
    notebook = make_notebook(tmp_path / "nb.ipynb", "raise SystemExit('no kernel may start')")
    # a Japanese project's refusal, in Japanese (FIX94)
    with pytest.raises(
        ConfigError, match=re.escape("responses.csvにbusiness_unitが「大宮」の行がありません")
    ):
        build_once("omiya", parameters=params, notebook=notebook, output=output, period="2026-10")
    entry = _manifest_units(folder)["omiya"]
    assert (entry["status"], entry["summary"]) == ("refused", None)
    assert "の実行で更新されず" in (folder / "index.html").read_text(encoding="utf-8")


def test_summary_table_warns_of_what_the_returned_status_file_could_not_give(
    tmp_path: Path,
) -> None:
    # QA20: one date typed as 03/12/2026 failed the unit ("failed at cell 24: DataError");
    # now the report is built and the run names the file, row and column.
    ok = _result("a", "ok", nps=10.0, folder=tmp_path)
    said = "returned/north.xlsx: row 4, contacted_at: 'yesterday' is not a date; counted …"
    warned = replace(ok, unit="b", summary={"n": 40, "nps": 10.0, "followup_warnings": [said]})
    lines = summary_table(RunResult(output=tmp_path, units=[ok, warned])).splitlines()
    assert lines[2].endswith("follow-up status: 1 warning")
    assert lines[-1] == f"b: warning: {said}"


def test_a_consent_column_without_yes_or_no_answers_is_refused_with_its_values(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # QA20: columns.contact set to the form's phone-number question: every number read as "no",
    # the report said "No detractor allowed contact" and the 29 detractors were gone.
    monkeypatch.chdir(tmp_path)
    params = tmp_path / "parameters"
    params.mkdir()
    (tmp_path / "responses.csv").write_text(
        "Timestamp,Score,Phone (optional - if you would like us to call you back)\n"
        "10/13/2026 10:00:00,3,07668 729516\n10/14/2026 11:00:00,9,\n"
        "10/15/2026 12:00:00,2,07700 900123\n",
        encoding="utf-8",
    )
    (params / "north.yaml").write_text(
        "name: North\nlanguage: en\ndata: {path: ../responses.csv}\ncolumns: {date: Timestamp, "
        "score: Score, contact: 'Phone (optional - if you would like us to call you back)'}\n",
        encoding="utf-8",
    )
    notebook = make_notebook(tmp_path / "nb.ipynb", "raise SystemExit('no kernel may start')")
    argv = ["run", "north", "--parameters", str(params), "--output", str(tmp_path / "reports")]
    assert main([*argv, "--notebook", str(notebook), "--period", "2026-10"]) == 2
    assert capsys.readouterr().err.splitlines()[-1] == (
        "nps-kit run: error: parameters/north.yaml: columns.contact: 'Phone (optional - if you "
        "would like us to call you back)' holds no yes/no answers, so nobody would count as "
        "allowing contact; its values are '07668 729516', '07700 900123'. Set columns.contact to "
        "the survey's consent question, whose answers say yes or no (Yes/No, はい/いいえ, "
        "「はい、連絡してもよい」, 連絡可/連絡不可, 希望する/希望しない, 1/0); if its answers are "
        "worded otherwise, list them under contact.consent_yes and contact.consent_no (or recode "
        "them to Yes/No in the export). Phone numbers and e-mail addresses "
        "belong in columns.contact_details. Only a survey that asks no consent question may have "
        "columns.contact: null; with one, null would list the contact details of people who said "
        "no."
    )


def test_a_unit_set_up_before_its_first_responses_is_no_data_yet_not_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # QA21: a new hotel (filter 「ステイイン京都四条」, no guest yet) made every scheduled
    # `run --all` exit 1. A filter value like none of the column's is a new unit: no data yet,
    # said in the overview, exit 0; a misspelt one (大宮 for 大宮店) is still refused.
    monkeypatch.chdir(tmp_path)
    params = _shops(tmp_path, omiya="大宮店", kyoto="京都四条")
    for unit in ("omiya", "kyoto"):
        with (params / f"{unit}.yaml").open("a", encoding="utf-8") as file:
            file.write(f"mail: {{to: [{unit}@example.com]}}\n")
    notebook = make_notebook(tmp_path / "nb.ipynb", "pass")
    output = tmp_path / "reports"
    argv = ["run", "--all", "--parameters", str(params), "--output", str(output)]
    assert main([*argv, "--notebook", str(notebook), "--period", "2026-10", "--jobs", "1"]) == 0
    out, err = capsys.readouterr()
    assert (
        "note: parameters/kyoto.yaml：kyotoにはまだ回答がありません：responses.csvに"
        "business_unitが「京都四条」の行がありません（business_unitの値：「大宮店」、「横浜店」）。"
        "最初のレポートは最初の回答とともに作られます。「京都四条」が書き間違いなら、"
        "parameters/kyoto.yamlのdata.filter.valuesを直してください。このユニットのレポートは"
        "ありません。" in err
    )
    table = {line.split()[0]: line.split(maxsplit=6) for line in out.splitlines()}
    assert table["kyoto"][1] == "回答なし"
    assert _manifest_units(output / "2026-10")["kyoto"]["status"] == "no data"
    assert _unit_cells(output / "2026-10")["kyoto"] == (
        "kyoto まだ回答がありません（最初の回答が届くとレポートを作成します）"
    )
    # send says why it leaves the unit out, not that its report failed or its id is unknown.
    for name in ("HOST", "PORT", "SECURITY", "FROM", "USER", "PASSWORD", "CAFILE"):
        monkeypatch.delenv(f"NPS_KIT_SMTP_{name}", raising=False)
    send = ["send", "--all", "--period", "2026-10", "--dry-run", "--output", str(output)]
    assert main(send) == 0
    assert (
        "kyoto: 送信しません：まだ回答がないため、レポートはありません。最初のレポートは回答が"
        "届いてから作られます。" in capsys.readouterr().out
    )


@pytest.mark.parametrize(
    ("yes", "no", "hint"),
    [
        (
            "はい、連絡してもよい",
            "いいえ、連絡しないでほしい",
            "columns.contact: 'ご連絡してもよろしいですか'を設定してください。",
        ),
        (
            "連絡してOK",
            "連絡NG",
            "回答が可否として読めません。columns.contact: 'ご連絡してもよろしいですか'を設定し、"
            "連絡を許可する回答と拒否する回答をcontact.consent_yesとcontact.consent_noに挙げる"
            "（またはエクスポートで「はい／いいえ」に置き換える）か、columns.contact_detailsを"
            "外してください。",
        ),
    ],
)
def test_contact_details_beside_an_unset_consent_question_are_refused(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    yes: str,
    no: str,
    hint: str,
) -> None:
    # QA21: contact: null (init had not read the consent question) with contact_details
    # uncommented: the work file gave the e-mail and phone of guests who had said no. In the
    # Japanese unit's language (FIX87: it was English).
    monkeypatch.chdir(tmp_path)
    params = tmp_path / "parameters"
    params.mkdir()
    (tmp_path / "responses.csv").write_text(
        "回答日時,おすすめ度,ご連絡してもよろしいですか,メール\n"
        f"2026/10/13 10:00,3,{yes},a@example.jp\n2026/10/14 11:00,2,{no},b@example.jp\n",
        encoding="utf-8",
    )
    (params / "north.yaml").write_text(
        "name: North\nlanguage: ja\ndata: {path: ../responses.csv}\ncolumns: {date: 回答日時, "
        "score: おすすめ度, contact: null, contact_details: [メール]}\n",
        encoding="utf-8",
    )
    notebook = make_notebook(tmp_path / "nb.ipynb", "raise SystemExit('no kernel may start')")
    argv = ["run", "north", "--parameters", str(params), "--output", str(tmp_path / "reports")]
    assert main([*argv, "--notebook", str(notebook), "--period", "2026-10"]) == 2
    assert capsys.readouterr().err.splitlines()[-1] == (
        "nps-kit run: error: parameters/north.yaml: columns.contactがnullですが、"
        f"「ご連絡してもよろしいですか」は連絡の同意を尋ねる設問です（回答：「{yes}」、「{no}」）。"
        "columns.contact_detailsを挙げたままでは、作業用ファイルに連絡を断った方の連絡先が"
        f"載ってしまいます。{hint}"
    )


# Google Forms (no id: row numbers are the ids), month first: 20 November shows it. Rows 2, 4
# and 6 are detractors of 2, 4 and 6 November, dates that read both ways once Excel re-saves
# them as 11/4/2026.
_FORMS_ROWS = [
    "11/02/2026 09:00:00,3,Waited an hour",
    "11/03/2026 10:00:00,10,Lovely",
    "11/04/2026 11:00:00,1,Rude receptionist",
    "11/20/2026 12:00:00,9,Great",
    "11/06/2026 13:00:00,5,Too expensive",
]


@pytest.mark.slow
def test_a_rerun_reads_an_excel_work_file_s_dates_as_the_export_s(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # FIX26: an English unit without a timezone. Excel re-saved the work file's dates as
    # 11/4/2026, left unread, so row 4, now someone else, inherited "Amy, done". The run reads
    # them in the order the unit reads its export's dates (the cache's report) and says so.
    import pandas as pd

    monkeypatch.chdir(tmp_path)
    params = tmp_path / "parameters"
    params.mkdir()
    export = tmp_path / "responses.csv"
    header = "Timestamp,How likely are you to recommend us?,Why?\n"
    export.write_text(header + "\n".join(_FORMS_ROWS) + "\n", encoding="utf-8")
    (params / "north.yaml").write_text(
        "name: North\nlanguage: en\ndata: {path: ../responses.csv}\n"
        "columns: {score: 'How likely are you to recommend us?', date: Timestamp, "
        "comment: 'Why?'}\n",
        encoding="utf-8",
    )
    argv = ["run", "north", "--parameters", str(params), "--output", "reports"]
    assert main([*argv, "--period", "2026-11"]) == 0
    work = tmp_path / "reports" / "2026-11" / "north_followups.csv"
    frame = pd.read_csv(work, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    assert frame["response_id"].tolist() == ["4", "2", "6"]
    when = pd.to_datetime(frame["date"])
    frame["date"] = when.dt.month.astype(str) + "/" + when.dt.day.astype(str) + "/2026"
    frame.loc[frame["response_id"] == "4", ["owner", "status"]] = ["Amy", "done"]
    frame.to_csv(work, index=False, encoding="utf-8-sig")
    saved = time.time_ns() + 5_000_000_123
    os.utime(work, ns=(saved, saved))
    rows = [_FORMS_ROWS[i] for i in (2, 1, 0, 3, 4)]  # sorted since: row 4 is now 2 November
    export.write_text(header + "\n".join(rows) + "\n", encoding="utf-8")
    capsys.readouterr()
    assert main([*argv, "--period", "2026-11"]) == 0
    again = pd.read_csv(work, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    assert again.set_index("response_id").loc["4", ["owner", "status"]].tolist() == ["", ""]
    err = capsys.readouterr().err
    assert (
        "north: note: north_followups.csv/.xlsx: the dates that read both ways (no day over 12) "
        "were read month-first (3/4/2026 is March 4): the unit reads its export's dates "
        "month-first (data.date_format, or detected)." in err
    )
    assert "north: warning: response 4 is dated 2026-11-02 now but 11/4/2026 in the work" in err


@pytest.mark.slow
def test_a_breakdown_by_a_rating_with_blanks_shows_the_scale_in_order(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # QA23: `breakdowns: [{column: Q4_4, label: Call centre rating}]`, a 1–5 rating some left
    # blank, failed the unit at the breakdowns cell with a raw TypeError.
    monkeypatch.chdir(tmp_path)
    rows = "".join(
        f"R{i:03d},2026-10-{1 + i % 28:02d} 10:00:00,{i % 11},"
        + ("" if i % 6 == 0 else str(1 + i % 5))
        + "\n"
        for i in range(150)
    )
    (tmp_path / "responses.csv").write_text(
        "response_id,submitted_at,score,Q4_4\n" + rows, encoding="utf-8"
    )
    params = tmp_path / "parameters"
    params.mkdir()
    (params / "north.yaml").write_text(
        "name: North\nlanguage: en\ndata: {path: ../responses.csv}\n"
        "columns: {date: submitted_at, id: response_id}\n"
        "breakdowns: [{column: Q4_4, label: Call centre rating}]\n",
        encoding="utf-8",
    )
    output = tmp_path / "reports"
    argv = ["run", "north", "--parameters", str(params), "--output", str(output)]
    assert main([*argv, "--period", "2026-10", "--jobs", "1"]) == 0, capsys.readouterr().err
    page = (output / "2026-10" / "north.html").read_text("utf-8")
    soup = BeautifulSoup(page, "html.parser")
    chart = next(i for i in soup.find_all("img") if "NPS by Call centre rating" in i["alt"])
    figure = chart.find_parent("figure")
    assert figure is not None
    text = figure.get_text(" ", strip=True)  # "Figures in this chart", in the chart's order
    groups = ("1", "2", "3", "4", "5", "(no answer)")
    positions = [text.find(f" {g}: NPS ") for g in groups]
    assert -1 not in positions and positions == sorted(positions), text


@pytest.mark.parametrize("header", ["period", "segment"])
def test_a_consent_column_headed_like_a_unit_column_is_the_one_checked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, header: str
) -> None:
    # FIX39: an export's own 'period' is kept as 'period (export)'; the consent check looked
    # it up by its header, found nothing and let a column of quarters pass as consent.
    monkeypatch.chdir(tmp_path)
    params = tmp_path / "parameters"
    params.mkdir()
    (tmp_path / "responses.csv").write_text(
        f"Timestamp,Score,{header}\n2026-10-13 10:00,3,Q3\n2026-10-14 11:00,9,Q4\n",
        encoding="utf-8",
    )
    (params / "north.yaml").write_text(
        "name: North\nlanguage: en\ndata: {path: ../responses.csv}\n"
        f"columns: {{date: Timestamp, score: Score, contact: {header}}}\n",
        encoding="utf-8",
    )
    notebook = make_notebook(tmp_path / "nb.ipynb", "raise SystemExit('no kernel may start')")
    argv = ["run", "north", "--parameters", str(params), "--output", str(tmp_path / "reports")]
    assert main([*argv, "--notebook", str(notebook), "--period", "2026-10"]) == 2
    said = capsys.readouterr().err.splitlines()[-1]
    assert said.startswith(
        f"nps-kit run: error: parameters/north.yaml: columns.contact: '{header}' holds no "
        "yes/no answers, so nobody would count as allowing contact; its values are 'Q3', 'Q4'."
    )


# FIX48 (QA26 #5): a hotel group's export writes each time with its UTC offset. Paris answers at
# 00:30 on 1 November (+01:00) are November's in `score --period month`; the report, reading
# them as UTC for want of a zone, filed them under October, and London's 00:20 on 1 June
# (+01:00) made a "May" month of one guest.
HOTEL_ROWS = (
    ("L1", "2026-06-01T00:20:00+01:00", 6, "Riverside London"),
    ("L2", "2026-06-10T10:00:00+01:00", 9, "Riverside London"),
    ("L3", "2026-10-31T23:40:00+00:00", 3, "Riverside London"),
    ("L4", "2026-11-01T00:30:00+00:00", 10, "Riverside London"),
    ("L5", "2026-11-15T10:00:00+00:00", 9, "Riverside London"),
    ("P1", "2026-10-10T10:00:00+02:00", 9, "Hotel Lumière Paris"),
    ("P2", "2026-10-31T23:50:00+01:00", 10, "Hotel Lumière Paris"),
    ("P3", "2026-11-01T00:30:00+01:00", 2, "Hotel Lumière Paris"),
    ("P4", "2026-11-01T01:30:00+01:00", 9, "Hotel Lumière Paris"),
    ("P5", "2026-11-20T12:00:00+01:00", 10, "Hotel Lumière Paris"),
    ("P6", "2026-11-30T23:50:00+01:00", 8, "Hotel Lumière Paris"),
)


def _hotel_project(tmp_path: Path) -> Path:
    text = "Survey ID\tResponse Date\tLikelihood to Recommend\tProperty\r\n" + "".join(
        f"{i}\t{d}\t{s}\t{p}\r\n" for i, d, s, p in HOTEL_ROWS
    )
    (tmp_path / "hotel_export.tsv").write_bytes(text.encode("utf-16"))
    params = tmp_path / "parameters"
    params.mkdir()
    (params / "defaults.yaml").write_text(
        "language: en\ntimezone: null\ndata: {path: ../hotel_export.tsv}\n"
        "columns: {score: Likelihood to Recommend, date: Response Date, id: Survey ID}\n",
        encoding="utf-8",
    )
    for unit, name in (("london", "Riverside London"), ("paris", "Hotel Lumière Paris")):
        (params / f"{unit}.yaml").write_text(
            f"name: {name}\ndata: {{filter: {{column: Property, values: [{name}]}}}}\n",
            encoding="utf-8",
        )
    return params


def _report_unit(params: Path, unit: str, period: str) -> UnitData:
    from nps_kit.run import export_cache
    from nps_kit.unit import prepare_unit

    parameters = load_unit(params / f"{unit}.yaml", defaults=params / "defaults.yaml")
    cache = export_cache(parameters, cache_dir=params.parent / "reports" / ".cache")
    nb = notebook_parameters(parameters, period=period)
    return prepare_unit(
        nb["data_path"],
        name=nb["unit_name"],
        language=nb["language"],
        unit_column=nb["filter_column"],
        unit_values=nb["filter_values"],
        score_column=nb["score_column"],
        date_column=nb["date_column"],
        period=period,
        cache=cache,
        timezone=nb["timezone"],
    )


def test_times_written_with_an_offset_fall_in_the_month_they_were_written_in_as_score_cuts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from nps_kit.errors import DataError
    from nps_kit.score import nps
    from nps_kit.unit import trend_table

    params = _hotel_project(tmp_path)
    paris = _report_unit(params, "paris", "2026-11")
    november = paris.responses[paris.responses["period"] == "2026-11"]
    # P3 (00:30 on 1 November, +01:00) is November's: n 4, 2 promoters, 1 detractor.
    assert sorted(november["Survey ID"].astype(str)) == ["P3", "P4", "P5", "P6"]
    assert round(nps(november).nps, 1) == 25.0
    assert (
        main(
            [
                "score",
                str(tmp_path / "hotel_export.tsv"),
                "--score-column",
                "Likelihood to Recommend",
                "--by",
                "Property",
                "--period",
                "month",
                "--date-column",
                "Response Date",
                "--format",
                "json",
                "--min-report-n",
                "0",
            ]
        )
        == 0
    )
    rows = json.loads(capsys.readouterr().out)
    paris_november = next(
        r
        for r in rows["groups"]
        if r["group"] == {"Property": "Hotel Lumière Paris", "period": "2026-11"}
    )
    assert (paris_november["n"], round(paris_november["nps"], 1)) == (4, 25.0)
    # London's first month is June, the month its first guest answered in, not "May".
    london = _report_unit(params, "london", "2026-11")
    assert trend_table(london)["period"].astype(str).min() == "2026-06"
    with pytest.raises(DataError, match=r"no responses in 2026-05; the data covers 2026-06"):
        _report_unit(params, "london", "2026-05")


def test_a_report_notebook_run_by_hand_without_the_cache_reads_offsets_as_score_does(
    tmp_path: Path,
) -> None:
    # REVIEW28 #3: re-run by hand (data_cache None), the notebook passed its display zone
    # ('UTC' for an English unit without timezone) to prepare_unit, which converted P3 (00:30 on
    # 1 November, +01:00) to 31 October: Paris's November had 3 responses, score's 4.
    from importlib import resources

    from nps_kit.unit import prepare_unit

    params = _hotel_project(tmp_path)
    unit = load_unit(params / "paris.yaml", defaults=params / "defaults.yaml")
    nb = notebook_parameters(unit, period="2026-11")
    cells = json.loads(
        resources.files("nps_kit").joinpath("resources/nps_report.ipynb").read_text("utf-8")
    )["cells"]
    code = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")
    call = re.search(r"prepare_unit\((.*?)\n\)", code, re.S)
    assert call is not None
    zone = re.search(r"\btimezone=(\w+)", call.group(1))
    assert zone is not None
    paris = prepare_unit(
        nb["data_path"],
        name=nb["unit_name"],
        language=nb["language"],
        unit_column=nb["filter_column"],
        unit_values=nb["filter_values"],
        score_column=nb["score_column"],
        date_column=nb["date_column"],
        period="2026-11",
        cache=None,
        timezone=nb[zone.group(1)],
    )
    november = paris.responses[paris.responses["period"] == "2026-11"]
    assert sorted(november["Survey ID"].astype(str)) == ["P3", "P4", "P5", "P6"]
    # The generation time is still shown in the language's zone.
    assert nb["timezone"] == "UTC"


# A project's own copy of the report notebook from before export_timezone (FIX48B): the
# package's notebook at c66a264, as an analyst copied it on 5 December 2026.
OLD_NOTEBOOK = Path(__file__).parent / "data" / "nps_report_c66a264.ipynb"


def test_an_older_notebook_copy_is_named_and_never_publishes_other_figures(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # FIX55: papermill injects export_timezone into a copy whose parameters cell lacks it and
    # whose prepare_unit never reads it. Read from the run's cache (data_cache), its figures
    # are score's: a note says what to copy. A copy older still, which parses the export itself
    # in its display zone (UTC), files P3 (00:30 +01:00 on 1 November) under October: 3
    # responses where score counts 4. That report must not be published.
    params = _hotel_project(tmp_path)
    old = tmp_path / "old.ipynb"
    old.write_bytes(OLD_NOTEBOOK.read_bytes())
    assert "export_timezone" not in old.read_text("utf-8")
    older = nbformat.read(old, as_version=4)
    for cell in older.cells:
        cell.source = cell.source.replace("    cache=data_cache,\n", "")
        cell.source = re.sub(r"data_cache = None[^\n]*\n", "", cell.source)
    nbformat.write(older, tmp_path / "older.ipynb")
    (params / "paris.yaml").write_text(
        "name: Hotel Lumière Paris\nnotebook: ../old.ipynb\n"
        "data: {filter: {column: Property, values: [Hotel Lumière Paris]}}\n",
        encoding="utf-8",
    )
    (params / "paris2.yaml").write_text(
        "name: Hotel Lumière Paris\nnotebook: ../older.ipynb\n"
        "data: {filter: {column: Property, values: [Hotel Lumière Paris]}}\n",
        encoding="utf-8",
    )
    output = tmp_path / "reports"
    argv = ["--parameters", str(params), "--output", str(output), "--period", "2026-11"]
    code = main(["run", "paris", "paris2", *argv, "--jobs", "1"])
    err = capsys.readouterr().err
    notes = [line for line in err.splitlines() if line.startswith("note: ")]
    assert any(
        line.startswith(
            f"note: {old} is a copy of an older nps-kit notebook whose parameters "
            "cell lacks export_timezone, data_exclude, value_labels, fiscal_year_start and "
            "fiscal_year_named_by: "
            "export_timezone (the zone "
            "prepare_unit reads"
        )
        and "it changes paris)" in line
        and "To update, copy 'export_timezone = None" in line
        for line in notes
    ), notes
    assert any(
        line.startswith(
            f"note: {tmp_path / 'older.ipynb'} is a copy of an older nps-kit "
            "notebook whose parameters cell lacks data_cache, export_timezone, data_exclude, "
            "value_labels, fiscal_year_start and fiscal_year_named_by:"
        )
        for line in notes
    ), notes
    units = _manifest_units(output / "2026-11")
    assert code == 1
    assert units["paris"]["status"] == "ok"
    assert units["paris"]["summary"]["n"] == 4
    assert units["paris2"]["status"] == "failed"
    assert units["paris2"]["html"] is None
    assert units["paris2"]["error"]["ename"] == "OutdatedNotebook"
    # Both under the floor of 5: the message (kept in manifest.json) says their n only (PRIV44).
    assert (
        "counts 3 responses for 2026-11, where nps-kit reads the export as 4 responses for 2026-11"
    ) in units["paris2"]["error"]["evalue"]
    assert not (output / "2026-11" / "paris2.html").exists()


@pytest.mark.slow
def test_consent_worded_the_export_s_own_way_is_read_as_the_unit_lists_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # PRIV56: "Happy to be contacted" / "Please don't" read as neither yes nor no, so the run
    # refused the consent column; contact.consent_yes / consent_no say how the export words
    # it, and the work file then lists the detractors who said yes, with their details.
    import pandas as pd

    monkeypatch.chdir(tmp_path)
    params = tmp_path / "parameters"
    params.mkdir()
    rows = [
        ("11/02/2026 09:00:00", 3, "Waited an hour", "Happy to be contacted", "a@example.com"),
        ("11/03/2026 10:00:00", 1, "Rude", "Please don't", "b@example.com"),
        ("11/04/2026 11:00:00", 2, "Cold", "Maybe later", "c@example.com"),
        ("11/05/2026 12:00:00", 9, "Great", "Happy to be contacted", "d@example.com"),
        ("11/06/2026 13:00:00", 5, "Too expensive", "Happy to be contacted", "e@example.com"),
        ("11/07/2026 14:00:00", 10, "Lovely", "Please don't", "f@example.com"),
    ]
    pd.DataFrame(rows, columns=["Timestamp", "Score", "Why?", "Contact OK?", "Email"]).to_csv(
        tmp_path / "responses.csv", index=False
    )
    unit = params / "north.yaml"
    unit.write_text(
        # Month-first said: 11/02 13:00 reads both ways, and a 24-hour clock is no US tool's
        # layout (FIX59), so the dates would be refused before consent is read.
        "name: North\nlanguage: en\ndata: {path: ../responses.csv, date_format: month-first}\n"
        "columns: {score: Score, date: Timestamp, comment: 'Why?', contact: 'Contact OK?', "
        "contact_details: [Email]}\n",
        encoding="utf-8",
    )
    argv = ["run", "north", "--parameters", str(params), "--output", "reports"]
    assert main([*argv, "--period", "2026-11"]) == 2
    err = capsys.readouterr().err
    assert "columns.contact: 'Contact OK?' holds no yes/no answers" in err
    assert "list them under contact.consent_yes and contact.consent_no" in err
    with unit.open("a", encoding="utf-8") as file:
        file.write(
            "contact:\n  consent_yes: [Happy to be contacted]\n  consent_no: [Please don't]\n"
        )
    assert main([*argv, "--period", "2026-11"]) == 0
    assert (
        "warning: north: columns.contact: 'Contact OK?' has answers read as neither yes nor no: "
        "'Maybe later'; nobody who gave them is contacted." in capsys.readouterr().err
    )
    work = tmp_path / "reports" / "2026-11" / "north_followups.csv"
    frame = pd.read_csv(work, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    assert frame["response_id"].tolist() == ["2", "6"]  # file rows 2 and 6 said yes
    assert frame["Email"].tolist() == ["a@example.com", "e@example.com"]


def test_an_old_unit_file_kept_after_a_rename_is_refused_naming_both_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # FIX71 #5: yokohama lists 横浜店 in previous_names and yokohama_old.yaml still selects 横浜店:
    # September's 横浜店 rows were reported twice, in both units' reports and the overview.
    monkeypatch.chdir(tmp_path)
    params = _shops(tmp_path, yokohama="横浜みなとみらい店", yokohama_old="横浜店")
    unit_file = params / "yokohama.yaml"
    unit_file.write_text(
        unit_file.read_text(encoding="utf-8").replace(
            "values: [横浜みなとみらい店]}",
            "values: [横浜みなとみらい店], previous_names: [横浜店]}",
        ),
        encoding="utf-8",
    )
    notebook = make_notebook(tmp_path / "nb.ipynb", "pass")
    output = tmp_path / "reports"
    argv = ["run", "--all", "--parameters", "parameters", "--output", str(output)]
    assert main([*argv, "--notebook", str(notebook), "--period", "2026-09"]) == 1
    err = capsys.readouterr().err
    assert (
        "nps-kit run: error: parameters/yokohama_old.yaml: data.filter.values: '横浜店' is an "
        "earlier name of '横浜みなとみらい店' (data.filter.previous_names in "
        "parameters/yokohama.yaml): the rows whose business_unit is '横浜店' would be reported "
        "twice, in both units. In responses.csv, parameters/yokohama_old.yaml selects 1 row "
        "('横浜店' 1) and parameters/yokohama.yaml 1 ('横浜みなとみらい店' 0, '横浜店' 1). "
        "If the unit was renamed, delete parameters/yokohama_old.yaml "
        "(its history shows in yokohama's report); if they are two units, take '横浜店' out of "
        "previous_names in parameters/yokohama.yaml. This unit is skipped."
    ) in err
    assert (output / "2026-09" / "yokohama.ipynb").is_file()
    assert not (output / "2026-09" / "yokohama_old.ipynb").exists()
    # Run alone, it is refused as well: the other file's rename is read even when not run.
    argv = ["run", "yokohama_old", "--parameters", "parameters", "--output", str(output)]
    assert main([*argv, "--notebook", str(notebook), "--period", "2026-09"]) == 2
    assert "would be reported twice" in capsys.readouterr().err


def test_two_units_selecting_one_value_as_spelt_apart_are_warned_of(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # REVIEW32: an older project had units for 横浜店 and 横浜 店 (a space in it); since
    # QA31 reads such spellings as one value, both units report the same respondents. The run
    # goes on (one unit in two languages is a choice) but says so, naming both files.
    monkeypatch.chdir(tmp_path)
    _shops(tmp_path, yokohama="横浜店", yokohama_old="横浜 店")
    notebook = make_notebook(tmp_path / "nb.ipynb", "pass")
    output = tmp_path / "reports"
    argv = ["run", "--all", "--parameters", "parameters", "--output", str(output)]
    assert main([*argv, "--notebook", str(notebook), "--period", "2026-09"]) == 0
    err = capsys.readouterr().err
    assert (  # Japanese units: in Japanese (FIX92); English in test_renames
        "warning: yokohamaとyokohama_oldは同じエクスポートのbusiness_unit = 「横浜店」／「横浜 店」"
        "をどちらも選んでいるため、その回答者が2回レポートされます（両方のレポート、メール、"
        "一覧ページ）。意図したものでなければ、ユニットのファイルを1つ削除するか、別の値を指定して"
        "ください（yokohama.yaml、yokohama_old.yaml）"
    ) in err
    assert (output / "2026-09" / "yokohama_old.ipynb").is_file()
    # Different values: no warning.
    _shops(tmp_path, yokohama="横浜店", yokohama_old="大宮店")
    assert main([*argv, "--notebook", str(notebook), "--period", "2026-09"]) == 0
    assert "reported twice" not in capsys.readouterr().err


@pytest.mark.slow
def test_without_an_id_column_the_list_heads_rows_as_rows_in_the_report_and_work_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # BROWSE35: a Google Forms export has no id column, so the follow-up list's first column
    # holds the file's row numbers; it was headed 回答ID, in the report and the work files. It
    # is headed as the rows it is, said once under the list, and the returned file is read back.
    import pandas as pd

    monkeypatch.chdir(tmp_path)
    params = tmp_path / "parameters"
    params.mkdir()
    header = "タイムスタンプ,おすすめ度,理由\n"
    rows = [
        "2026/11/02 9:00:00,3,待ち時間が長い",
        "2026/11/03 10:00:00,10,親切",
        "2026/11/04 11:00:00,1,受付が冷たい",
    ]
    (tmp_path / "responses.csv").write_text(header + "\n".join(rows) + "\n", encoding="utf-8")
    unit = params / "north.yaml"
    unit.write_text(
        "name: 北院\nlanguage: ja\ndata: {path: ../responses.csv}\n"
        "columns: {score: おすすめ度, date: タイムスタンプ, comment: 理由}\n",
        encoding="utf-8",
    )
    argv = ["run", "north", "--parameters", str(params), "--output", "reports", "--period"]
    assert main([*argv, "2026-11"]) == 0
    folder = tmp_path / "reports" / "2026-11"
    heading, note = "行番号（ファイル）", "エクスポートに回答IDの列がないため"
    soup = BeautifulSoup((folder / "north.html").read_text("utf-8"), "html.parser")
    (table,) = soup.select(".nps-followups__table")
    assert table.th.get_text() == heading
    assert [td.get_text() for td in table.select("td.nps-followup__response_id")] == ["4", "2"]
    assert soup.get_text().count(note) == 1
    assert "回答ID" not in table.get_text()
    # the work files share the heading; the team's 状況 on row 4 comes back through it
    work = pd.read_csv(folder / "north_followups.csv", dtype=str, keep_default_na=False)
    assert work.columns[0].removeprefix("\ufeff") == heading
    assert pd.read_excel(folder / "north_followups.xlsx", dtype=str).columns[0] == heading
    work.loc[work.iloc[:, 0] == "4", "状況"] = "済"
    work.to_csv(tmp_path / "returned.csv", index=False, encoding="utf-8-sig")
    with unit.open("a", encoding="utf-8") as file:
        file.write("closed_loop: {status_file: ../returned.csv}\n")
    assert main([*argv, "2026-11"]) == 0
    soup = BeautifulSoup((folder / "north.html").read_text("utf-8"), "html.parser")
    (loop,) = soup.select(".nps-loop")
    assert "2人中1人に連絡済み" in loop.get_text(), loop.get_text()
    assert loop.select_one(".nps-followups__table th").get_text() == heading
    assert [td.get_text() for td in loop.select("td.nps-followup__response_id")] == ["2"]
    assert loop.get_text().count(note) == 1


def test_a_consent_column_without_contact_details_is_the_analyst_s_warning_in_the_unit_s_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # FIX87 #3: the report's follow-up box named columns.contact_details to its manager; it
    # now says only to ask the analytics team, and run tells the analyst which columns of the
    # export hold the details and what to set, in the unit's language.
    import pandas as pd

    monkeypatch.chdir(tmp_path)
    params = tmp_path / "parameters"
    params.mkdir()
    rows = [
        ("2026-11-02 09:00:00", 3, "遅い", "はい", "090-1234-5678"),
        ("2026-11-03 10:00:00", 9, "良い", "いいえ", "03-1234-5678"),
        ("2026-11-04 10:00:00", 8, "普通", "たぶん", "03-1234-0000"),
    ]
    pd.DataFrame(rows, columns=["回答日時", "推奨度", "理由", "連絡可否", "電話番号"]).to_csv(
        tmp_path / "responses.csv", index=False
    )
    (params / "minami.yaml").write_text(
        "name: 南口\nlanguage: ja\ndata: {path: ../responses.csv}\n"
        "columns: {score: 推奨度, date: 回答日時, comment: 理由, contact: 連絡可否}\n",
        encoding="utf-8",
    )
    notebook = make_notebook(tmp_path / "nb.ipynb", "pass")
    argv = ["run", "minami", "--parameters", str(params), "--output", "reports"]
    assert main([*argv, "--notebook", str(notebook), "--period", "2026-11"]) == 0
    err = capsys.readouterr().err
    # FIX87 #2: the consent column's unread answers, too, in the unit's language.
    assert (
        "warning: minami: columns.contact：「連絡可否」に、可否のどちらとも読めない回答があります："
        "「たぶん」。この回答をした人には連絡しません。" in err
    )
    assert (
        "warning: minami: 批判者の一覧と作業用ファイルに電話番号やメールアドレスが載りません"
        "（連絡先の列columns.contact_detailsが設定されていません）。initがエクスポートで見つけた"
        "連絡先の列は「電話番号」です。columns.contact_detailsに挙げると、作業用ファイルと"
        "アラートにコピーされます。\n"
    ) in err
    # An English unit's line is English; one with its details set has none.
    (params / "minami.yaml").write_text(
        (params / "minami.yaml")
        .read_text(encoding="utf-8")
        .replace("language: ja", "language: en"),
        encoding="utf-8",
    )
    assert main([*argv, "--notebook", str(notebook), "--period", "2026-11"]) == 0
    err = capsys.readouterr().err
    assert (
        "warning: minami: columns.contact: '連絡可否' has answers read as neither yes nor no: "
        "'たぶん'; nobody who gave them is contacted." in err
    )
    assert (
        "warning: minami: The follow-up list and its work files carry no phone number or "
        "e-mail address (no columns.contact_details is set). The e-mail and phone columns init "
        "finds in the export: '電話番号'; list them in columns.contact_details to copy them "
        "into the work files and alerts.\n"
    ) in err
    (params / "minami.yaml").write_text(
        (params / "minami.yaml")
        .read_text(encoding="utf-8")
        .replace("contact: 連絡可否}", "contact: 連絡可否, contact_details: [電話番号]}"),
        encoding="utf-8",
    )
    assert main([*argv, "--notebook", str(notebook), "--period", "2026-11"]) == 0
    assert "contact_details" not in capsys.readouterr().err


def test_a_warning_several_units_earn_alike_is_said_once_with_their_names(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # QA42: init --from a store chain's export sets columns.contact but not contact_details;
    # run said the same sentence once per store (four lines for four stores, forty for forty).
    import pandas as pd

    monkeypatch.chdir(tmp_path)
    params = tmp_path / "parameters"
    params.mkdir()
    rows = [
        ("2026-11-02 09:00:00", 3, store, "はい", "090-1234-5678")
        for store in ("梅田", "札幌", "高崎")
    ]
    pd.DataFrame(rows, columns=["回答日時", "推奨度", "店舗", "連絡可否", "電話番号"]).to_csv(
        tmp_path / "responses.csv", index=False
    )
    (params / "defaults.yaml").write_text(
        "language: ja\ndata: {path: ../responses.csv}\n"
        "columns: {score: 推奨度, date: 回答日時, contact: 連絡可否}\n",
        encoding="utf-8",
    )
    for unit, store in (("umeda", "梅田"), ("sapporo", "札幌"), ("takasaki", "高崎")):
        (params / f"{unit}.yaml").write_text(
            f"name: {store}店\ndata: {{filter: {{column: 店舗, values: [{store}]}}}}\n",
            encoding="utf-8",
        )
    (params / "takasaki.yaml").write_text(
        "name: 高崎店\ndata: {filter: {column: 店舗, values: [高崎]}}\n"
        "columns: {contact_details: [電話番号]}\n",
        encoding="utf-8",
    )
    notebook = make_notebook(tmp_path / "nb.ipynb", "pass")
    argv = ["run", "--all", "--parameters", str(params), "--output", "reports"]
    assert main([*argv, "--notebook", str(notebook), "--period", "2026-11"]) == 0
    err = capsys.readouterr().err
    lines = [line for line in err.splitlines() if "contact_details" in line]
    assert len(lines) == 1, err
    assert lines[0].startswith("warning: sapporo, umeda: 批判者の一覧と作業用ファイルに"), lines


def test_an_export_refused_before_any_unit_leaves_no_reports_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # REVIEW39: a score written =8 and saved without its value (FIX91) stopped the run, and the
    # reports folder it had made was left behind, empty.
    from openpyxl import Workbook

    from nps_kit._xlsx_formulas import FormulaError

    monkeypatch.chdir(tmp_path)
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["submitted_at", "score"])
    sheet.append(["2026-10-03 10:00:00", 9])
    sheet.append(["2026-10-04 10:00:00", "=8"])
    book.save(tmp_path / "responses.xlsx")
    (tmp_path / "a.yaml").write_text(
        "name: a\nlanguage: en\ndata: {path: responses.xlsx}\ncolumns: {date: submitted_at}\n",
        encoding="utf-8",
    )
    notebook = make_notebook(tmp_path / "nb.ipynb", "raise SystemExit('no kernel may start')")
    with pytest.raises(FormulaError):
        run_reports(
            [load_unit(tmp_path / "a.yaml")], notebook=notebook, output=tmp_path / "out",
            period="2026-10",
        )  # fmt: skip
    assert not (tmp_path / "out").exists()


def test_a_unit_comparing_its_fiscal_year_to_date_reads_the_year_before_through_the_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # fiscal_ytd: the previous fiscal year's April reaches 18 months before October 2026, past
    # the 13 months a report reads; the run's cache holds them and the notebook reads them.
    import numpy as np
    import pandas as pd

    rng = np.random.default_rng(7)
    rows = [
        (f"{month}-{1 + i % 28:02d} 10:00:00", unit, int(rng.integers(0, 11)))
        for month in pd.period_range("2024-11", "2026-10", freq="M").astype(str)
        for unit in ("本店", "支店")
        for i in range(int(rng.integers(8, 20)))
    ]
    frame = pd.DataFrame(rows, columns=["回答日時", "店舗", "スコア"])
    frame.to_csv(tmp_path / "export.csv", index=False, encoding="utf-8")
    params = tmp_path / "parameters"
    params.mkdir()
    (params / "defaults.yaml").write_text(
        "language: ja\ndata: {path: ../export.csv}\ncolumns: {score: スコア, date: 回答日時}\n"
        "period: 2026-10\n",
        encoding="utf-8",
    )
    (params / "honten.yaml").write_text(
        "name: 本店\ndata: {filter: {column: 店舗, values: [本店]}}\n"
        "comparison: [previous, fiscal_ytd]\n",
        encoding="utf-8",
    )
    (params / "shiten.yaml").write_text(
        "name: 支店\ndata: {filter: {column: 店舗, values: [支店]}}\n", encoding="utf-8"
    )
    output = tmp_path / "reports"
    code = main(["run", "--parameters", str(params), "--output", str(output), "--jobs", "1"])
    assert code == 0, capsys.readouterr().err
    units = _manifest_units(output / "2026-10")
    fiscal = units["honten"]["summary"]["fiscal_ytd"]
    assert units["shiten"]["summary"]["fiscal_ytd"] is None
    assert units["honten"]["parameters"]["fiscal_year_start"] == 4  # a Japanese project's April
    assert units["shiten"]["parameters"]["fiscal_year_start"] is None

    def plain(first: str, last: str) -> tuple[int, float]:
        own = frame.loc[frame["店舗"] == "本店"]
        month = own["回答日時"].str[:7]
        scores = own.loc[(month >= first) & (month <= last), "スコア"]
        return len(scores), 100 * ((scores >= 9).sum() - (scores <= 6).sum()) / len(scores)

    n, value = plain("2026-04", "2026-10")
    _, value_before = plain("2025-04", "2025-10")
    assert (fiscal["first"], fiscal["last"], fiscal["n"]) == ("2026-04", "2026-10", n)
    assert fiscal["nps"] == pytest.approx(value)
    assert fiscal["change"]["nps"] == pytest.approx(value_before)
    assert fiscal["change"]["diff"] == round(round(value, 1) - round(value_before, 1), 1)
    page = (output / "2026-10" / "honten.html").read_text(encoding="utf-8")
    assert "2026年度累計（4〜10月）" in page and "2025年度（4〜10月）" in page
    text = BeautifulSoup(page, "html.parser").get_text()
    assert "年度は始まる年で呼びます：2026年度は2026年4月から2027年3月までです。" in text
    overview = (output / "2026-10" / "index.html").read_text(encoding="utf-8")
    assert "年度累計" in overview
    # every other figure is the 13 months' as before: the month's n is the plain count
    assert units["honten"]["summary"]["n"] == plain("2026-10", "2026-10")[0]


def test_dates_read_in_a_guessed_order_are_one_of_the_cache_s_warnings_said_once(
    tmp_path: Path,
) -> None:
    # MSG43: run grouped these lines itself after _cache_warnings, and run --watch (which
    # calls only _cache_warnings) never said the guessed order. Now they are one list: the
    # guess follows the other warnings, once for the units that share it.
    import pandas as pd

    from nps_kit.params import load_all
    from nps_kit.run._caches import _build_caches, _sha256
    from nps_kit.run._lines import _cache_warnings

    params = tmp_path / "parameters"
    params.mkdir()
    rows = [
        (f"11/{day:02d}/2025 09:00", day % 11, store, "はい")
        for day in range(1, 13)
        for store in ("梅田", "札幌")
    ]
    pd.DataFrame(rows, columns=["回答日時", "推奨度", "店舗", "連絡可否"]).to_csv(
        tmp_path / "responses.csv", index=False
    )
    (params / "defaults.yaml").write_text(
        "language: ja\ntimezone: America/Chicago\ndata: {path: ../responses.csv}\n"
        "columns: {score: 推奨度, date: 回答日時, contact: 連絡可否}\n",
        encoding="utf-8",
    )
    for unit, store in (("umeda", "梅田"), ("sapporo", "札幌")):
        (params / f"{unit}.yaml").write_text(
            f"name: {store}店\ndata: {{filter: {{column: 店舗, values: [{store}]}}}}\n",
            encoding="utf-8",
        )
    units = list(load_all(params).units.values())
    path = units[0].data.path
    caches = _build_caches(units, {path: _sha256(path)}, tmp_path / "cache")
    lines = _cache_warnings([(unit, caches[unit.unit]) for unit in units])
    assert lines[-1] == (
        "warning: sapporo, umeda: 「回答日時」の日付は月日どちらの順にも読めます（12を超える日が"
        "ない）。month-firstで読みましたが、根拠は推測だけです（タイムゾーンAmerica/Chicagoは"
        "米国）。違う場合はdate_format: day-first（--date-format day-first）を指定してください。"
    )
    assert len(lines) == 2 and lines[0].startswith("warning: sapporo, umeda: 批判者の一覧と")


@pytest.mark.slow
def test_a_branch_under_the_floor_leaves_no_figure_in_the_reports_folder_but_its_fiscal_year(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # PRIV44 on QA43's bank (tests/qa43/gen.py, cp932): 髙島屋前出張所 has 3 answers in November
    # 2026, all promoters (NPS +100.0), and 20 in FY2026 to date (NPS +40.0). The overview and
    # the e-mail hid the month, but manifest.json and the executed notebook beside the report,
    # shared with the folder, held it; and the year to date was hidden with the month.
    from email.headerregistry import Address

    import pandas as pd
    from _qa import qa_script

    from nps_kit.mail.compose import compose_message
    from nps_kit.mail.units import read_manifest
    from nps_kit.summary import read_summary

    gen = qa_script("qa43", "gen")
    bank = gen.write_bank(tmp_path)
    truth = pd.read_csv(bank / "truth.csv")
    mine = truth.loc[(truth["unit"] == "髙島屋前出張所") & truth["when"].str.startswith("2026-11")]
    assert mine["score"].ge(9).all() and len(mine) == 3
    monkeypatch.chdir(tmp_path)
    project = tmp_path / "bank-project"
    init = ["init", str(project), "--from", str(bank / gen.BANK_FILE), "--unit-column", "支店名"]
    assert main(init) == 0
    defaults = project / "parameters" / "defaults.yaml"
    text = defaults.read_text(encoding="utf-8")
    assert "comparison: [previous, last_year]\n" in text
    defaults.write_text(
        text.replace("comparison: [previous, last_year]\n", "comparison: [previous, fiscal_ytd]\n"),
        encoding="utf-8",
    )
    output = tmp_path / "reports"
    argv = ["--parameters", str(project / "parameters"), "--output", str(output)]
    assert main(["run", "髙島屋前出張所", *argv, "--period", "2026-11", "--jobs", "1"]) == 0
    capsys.readouterr()
    folder = output / "2026-11"
    raw = (folder / "manifest.json").read_text(encoding="utf-8")
    summary = json.loads(raw)["units"][0]["summary"]
    hidden = ("nps", "ci_low", "ci_high", "pct_promoters", "pct_passives", "pct_detractors")
    assert [summary[k] for k in hidden] == [None] * len(hidden)
    assert (summary["n"], summary["changes"], summary["top_themes"]) == (3, [], [])
    assert "100.0" not in raw  # the month's NPS and promoters' share, nowhere
    fiscal = summary["fiscal_ytd"]
    assert (fiscal["n"], fiscal["nps"], fiscal["unshown"]) == (20, 40.0, "too_few")
    # the executed notebook kept beside the report, and the report itself
    notebook = nbformat.read(folder / "髙島屋前出張所.ipynb", as_version=4)
    assert read_summary(notebook) == summary
    assert "100.0" not in (folder / "髙島屋前出張所.ipynb").read_text(encoding="utf-8")
    report = (folder / "髙島屋前出張所.html").read_text(encoding="utf-8")
    assert "+100.0" not in report and "+40.0" in report
    # the overview's fiscal cell and the e-mail's line say the year to date
    cells = BeautifulSoup((folder / "index.html").read_text("utf-8"), "html.parser")
    row = cells.select("tbody tr")[0].get_text(" ", strip=True)
    assert "回答3件： 5件未満のため非表示" in row and "+40.0 前年度同期" in row
    unit = next(u for u in read_manifest(folder, "2026-11").units)
    mail = compose_message(unit, "2026-11", sender=Address("NPS", "nps", "example.com")).message
    body = mail.get_body(("plain",)).get_content()
    assert "2026年度累計（4〜11月）：NPS +40.0ポイント・回答数20件" in body
    assert "100.0" not in body and "5件未満のため非表示" in mail["Subject"]
