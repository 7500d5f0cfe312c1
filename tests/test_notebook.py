"""The report notebook's jupytext pair, per-unit notebooks, working copies and ``run --watch``."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import jupytext
import nbformat
import pytest

from nps_kit.commands.lab import lab_command, write_working_copy
from nps_kit.errors import ConfigError
from nps_kit.notebook import for_papermill, paired_path, read_report_notebook, sync_pair
from nps_kit.params import load_all, notebook_parameters
from nps_kit.run import run_reports

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


def test_the_file_saved_last_is_the_notebook(tmp_path: Path) -> None:
    ipynb = tmp_path / "r.ipynb"
    shutil.copy(NOTEBOOK, ipynb)
    script = sync_pair(ipynb)
    assert script == tmp_path / "r.py"
    text = script.read_text(encoding="utf-8")
    script.write_text(text.replace("## 2. スコア分布", "## 2. 点数の分布"), encoding="utf-8")
    later = ipynb.stat().st_mtime + 5
    os.utime(script, (later, later))
    sources = [c.source for c in read_report_notebook(ipynb).cells]
    assert any(s.startswith("## 2. 点数の分布") for s in sources)
    # papermill's metadata is set on every cell, from the script too
    nb = for_papermill(ipynb)
    assert all("tags" in c.metadata and "papermill" in c.metadata for c in nb.cells)
    os.utime(ipynb, (later + 5, later + 5))
    sources = [c.source for c in read_report_notebook(ipynb).cells]
    assert not any(s.startswith("## 2. 点数の分布") for s in sources)


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
    copy = write_working_copy("stores", parameters=project, period="2026-10")
    assert copy == project.parent / "notebooks" / "work" / "stores_2026-10.ipynb"
    nb = nbformat.read(copy, as_version=4)
    unit = load_all(project, units=["stores"]).units["stores"]
    assert nb.metadata.papermill.parameters == notebook_parameters(unit, period="2026-10")
    injected = [c for c in nb.cells if "injected-parameters" in c.metadata.tags]
    assert len(injected) == 1 and "unit_name = '店舗事業部'" in injected[0].source
    assert all(c.outputs == [] for c in nb.cells if c.cell_type == "code")


@pytest.mark.slow
def test_nps_kit_lab_starts_jupyterlab_on_the_working_copy(project: Path) -> None:
    command = [sys.executable, "-m", "nps_kit.cli", "lab", "stores", "--period", "2026-10"]
    command += ["--no-browser", "--port", "18931", "--parameters", str(project)]
    env = {**os.environ, "JUPYTER_TOKEN": "test"}
    proc = subprocess.Popen(command, cwd=project.parent, env=env, stderr=subprocess.PIPE, text=True)
    try:
        seen = ""
        deadline = time.monotonic() + 120
        while "http://" not in seen and time.monotonic() < deadline and proc.poll() is None:
            seen += proc.stderr.readline()  # type: ignore[union-attr]
        assert "working copy: " in seen
        assert re.search(r"http://(localhost|127\.0\.0\.1):18931/lab", seen), seen
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
    assert (project.parent / "notebooks" / "work" / "stores_2026-10.ipynb").is_file()


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
