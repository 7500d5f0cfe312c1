"""Run the report notebook for many units in parallel, on warm kernels, with atomic writes.

For every unit: inject its parameters into the notebook (papermill), execute it, check that no
cell wrote to stderr, warned or raised, export the HTML, and only then replace
``<output>/<period>/<unit>.html`` and ``<unit>.ipynb`` (temp file in the same folder +
``os.replace``), so a failed or interrupted run never destroys the last good report. A failed
unit's executed notebook goes to ``<output>/<period>/_failed/<unit>.ipynb`` and the other units
carry on. At the end ``manifest.json`` (merged with the previous one of that period) and the
overview ``index.html`` are rewritten.
"""

from __future__ import annotations

import hashlib
import os
import queue
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, TextIO

import nbformat

from nps_kit.params import UnitParameters, notebook_parameters, resolve_period

__all__ = ["RunResult", "UnitResult", "prepare_notebook", "run_reports", "summary_table"]

FAILED_DIR = "_failed"


@dataclass(frozen=True)
class UnitResult:
    """What happened to one unit.

    Attributes
    ----------
    unit, name, language, period
        From the parameters (``period`` resolved to ``YYYY-MM``).
    status
        ``"ok"`` or ``"failed"``.
    seconds
        Wall time of execution and export.
    html
        The report, or ``None`` when the unit failed.
    notebook
        The executed notebook (under ``_failed/`` when the unit failed).
    error
        ``{"cell_index", "ename", "evalue"}`` when the unit failed, else ``None``.
    summary
        What the notebook published with ``nps_kit.report.publish_summary``, if anything.
    parameters
        The parameters injected into the notebook.
    input
        ``{"path", "sha256"}`` of the data file.
    """

    unit: str
    name: str
    language: str
    period: str
    status: Literal["ok", "failed"]
    seconds: float
    html: Path | None
    notebook: Path | None
    error: dict[str, Any] | None
    summary: dict[str, Any] | None
    parameters: dict[str, Any]
    input: dict[str, str]


@dataclass(frozen=True)
class RunResult:
    """Every unit's result, in the order the units were given."""

    output: Path
    units: list[UnitResult] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """Whether every unit succeeded."""
        return all(u.status == "ok" for u in self.units)

    @property
    def failed(self) -> list[UnitResult]:
        """The units that failed."""
        return [u for u in self.units if u.status != "ok"]


def prepare_notebook(notebook: Path, parameters: dict[str, Any]) -> nbformat.NotebookNode:
    r"""Inject ``parameters`` into ``notebook`` the papermill way, with readable text.

    papermill's :func:`~papermill.parameterize.parameterize_notebook` places the
    ``injected-parameters`` cell after the cell tagged ``parameters`` and records the
    parameters in the metadata; its Python translator escapes non-ASCII text (``"EC\u4e8b…"``),
    so the injected cell's source is rewritten with ``repr`` (the parameters are plain JSON
    types, whose ``repr`` is a Python literal).

    Parameters
    ----------
    notebook
        The report notebook (it needs a cell tagged ``parameters``).
    parameters
        Plain JSON values by name, e.g. from :func:`nps_kit.params.notebook_parameters`.

    Returns
    -------
    nbformat.NotebookNode
        The parameterised notebook, not executed.
    """
    from papermill.iorw import load_notebook_node
    from papermill.parameterize import parameterize_notebook

    nb = parameterize_notebook(load_notebook_node(str(notebook)), parameters)
    for cell in nb.cells:
        if "injected-parameters" in cell.metadata.get("tags", []):
            lines = [f"{name} = {value!r}" for name, value in parameters.items()]
            cell.source = "# Parameters\n" + "\n".join(lines) + "\n"
    nb.metadata.papermill["input_path"] = str(notebook)
    return nb


def _atomic_write(path: Path, write: Callable[[Path], object]) -> None:
    """Call ``write(tmp)`` on a temp file next to ``path``, then move it over ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}.", suffix=path.suffix)
    os.close(fd)
    tmp = Path(name)
    try:
        write(tmp)
        tmp.chmod(0o644)  # mkstemp makes it private; reports are meant to be shared
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


@dataclass(frozen=True)
class _Job:
    unit: UnitParameters
    period: str
    parameters: dict[str, Any]
    nb: nbformat.NotebookNode
    input: dict[str, str]


def _execute(job: _Job, folder: Path, kernel: Any) -> tuple[nbformat.NotebookNode, dict | None]:
    """Execute one notebook; return it and the error (``None`` when every cell ran)."""
    import papermill
    from papermill.exceptions import PapermillExecutionError

    fd, name = tempfile.mkstemp(dir=folder, prefix=f".{job.unit.unit}.", suffix=".ipynb")
    os.close(fd)
    tmp = Path(name)
    kernel_name = job.nb.metadata.get("kernelspec", {}).get("name", "python3")
    try:
        if kernel is not None:
            nb = kernel.execute(job.nb, tmp)
        else:
            nb = papermill.execute_notebook(
                job.nb,
                str(tmp),
                kernel_name=kernel_name,
                progress_bar=False,
                request_save_on_cell_execute=False,
            )
        return nb, None
    except PapermillExecutionError as exc:
        nb = nbformat.read(tmp, as_version=4)
        return nb, {"cell_index": exc.cell_index, "ename": exc.ename, "evalue": exc.evalue}
    except Exception as exc:  # dead kernel, timeout: the unit fails, the run goes on
        return job.nb, {"cell_index": None, "ename": type(exc).__name__, "evalue": str(exc)}
    finally:
        tmp.unlink(missing_ok=True)


def _run_unit(job: _Job, output: Path, kernel: Any) -> UnitResult:
    from nps_kit.followup_files import write_from_notebook
    from nps_kit.render import check_outputs, write_html
    from nps_kit.report import read_summary

    start = time.perf_counter()
    unit = job.unit
    folder = output / job.period
    folder.mkdir(parents=True, exist_ok=True)
    nb, error = _execute(job, folder, kernel)
    nb.metadata.papermill["input_path"] = job.nb.metadata.papermill["input_path"]
    summary = None
    html: Path | None = None
    if error is None:
        problems = check_outputs(nb)
        if problems:
            first = problems[0]
            error = {"cell_index": first.cell_index, "ename": first.kind, "evalue": first.text}
    if error is None:
        try:
            summary = read_summary(nb)
            write_from_notebook(nb, folder, unit.unit)  # <unit>_followups.csv / .xlsx
            html = folder / f"{unit.unit}.html"
            title = unit.name
            _atomic_write(html, lambda p: write_html(nb, p, lang=unit.language, title=title))
            notebook = folder / f"{unit.unit}.ipynb"
            _atomic_write(notebook, lambda p: nbformat.write(nb, p))
            (folder / FAILED_DIR / f"{unit.unit}.ipynb").unlink(missing_ok=True)
        except Exception as exc:  # a broken export fails this unit only
            error = {"cell_index": None, "ename": type(exc).__name__, "evalue": str(exc)}
            html = None
    if error is not None:
        notebook = folder / FAILED_DIR / f"{unit.unit}.ipynb"
        _atomic_write(notebook, lambda p: nbformat.write(nb, p))
    return UnitResult(
        unit=unit.unit,
        name=unit.name,
        language=unit.language,
        period=job.period,
        status="ok" if error is None else "failed",
        seconds=round(time.perf_counter() - start, 2),
        html=html,
        notebook=notebook,
        error=error,
        summary=summary if error is None else None,
        parameters=_recorded_parameters(job),
        input=job.input,
    )


def _recorded_parameters(job: _Job) -> dict[str, Any]:
    """Parameters recorded in the manifest: the notebook's, plus the unit's mail block."""
    return {**job.parameters, "mail": job.unit.mail.model_dump(mode="json")}


def _failed_without_kernel(job: _Job, reason: str) -> UnitResult:
    return UnitResult(
        unit=job.unit.unit,
        name=job.unit.name,
        language=job.unit.language,
        period=job.period,
        status="failed",
        seconds=0.0,
        html=None,
        notebook=None,
        error={"cell_index": None, "ename": "WorkerError", "evalue": reason},
        summary=None,
        parameters=_recorded_parameters(job),
        input=job.input,
    )


def _worker(
    jobs: queue.Queue[_Job],
    results: queue.Queue[UnitResult | BaseException],
    output: Path,
    *,
    warm: bool,
    kernel_name: str,
    stop: threading.Event,
) -> None:
    """Take jobs until none are left; a warm worker owns one kernel for its whole life."""
    from nps_kit._kernels import WarmKernel

    kernel = WarmKernel(kernel_name=kernel_name) if warm else None
    try:
        if kernel is not None:
            kernel.start()
        while not stop.is_set():
            try:
                job = jobs.get_nowait()
            except queue.Empty:
                return
            results.put(_run_unit(job, output, kernel))
    except BaseException as exc:
        results.put(exc)
    finally:
        if kernel is not None:
            kernel.shutdown()


def run_reports(
    units: Sequence[UnitParameters],
    *,
    notebook: Path,
    output: Path,
    period: str | None = None,
    jobs: int | None = None,
    fresh_kernels: bool = False,
    progress: TextIO | None = sys.stderr,
) -> RunResult:
    """Build every unit's report in parallel.

    Parameters
    ----------
    units
        Validated parameters (see :func:`nps_kit.params.load_all`).
    notebook
        The report notebook, with a cell tagged ``parameters``.
    output
        The reports folder; files go to ``<output>/<period>/``.
    period
        ``YYYY-MM`` or ``"latest"`` for every unit; ``None`` uses each unit's ``period``.
    jobs
        Units run at the same time (one kernel each); default: the number of CPU cores.
    fresh_kernels
        Run each unit with plain :func:`papermill.execute_notebook` on a new kernel instead of
        the warm kernels (slower; for comparison or when a notebook changes global state that
        a reset cannot undo).
    progress
        Where progress lines go (``None``: silent).

    Returns
    -------
    RunResult
        One :class:`UnitResult` per unit, in the order given. ``manifest.json`` and
        ``index.html`` of every period touched are rewritten.

    Raises
    ------
    ConfigError
        When a period cannot be resolved (checked before any kernel starts).
    """
    from nps_kit.overview import write_manifest_and_overview

    output = Path(output)
    notebook = Path(notebook)
    hashes: dict[Path, str] = {}
    prepared: list[_Job] = []
    for unit in units:
        month = resolve_period(unit, period=period)
        parameters = notebook_parameters(unit, period=month)
        if unit.data.path not in hashes:
            hashes[unit.data.path] = _sha256(unit.data.path)
        data_input = {"path": str(unit.data.path), "sha256": hashes[unit.data.path]}
        nb = prepare_notebook(notebook, parameters)
        prepared.append(_Job(unit, month, parameters, nb, data_input))

    workers = max(1, min(jobs or os.cpu_count() or 1, len(prepared)))
    kernel_name = prepared[0].nb.metadata.get("kernelspec", {}).get("name", "python3")
    todo: queue.Queue[_Job] = queue.Queue()
    for job in prepared:
        todo.put(job)
    results: queue.Queue[UnitResult | BaseException] = queue.Queue()
    stop = threading.Event()
    mode = "fresh kernels" if fresh_kernels else "warm kernels"
    periods = ", ".join(sorted({j.period for j in prepared}))
    _say(progress, f"running {len(prepared)} unit(s) for {periods} on {workers} {mode}")
    threads = [
        threading.Thread(
            target=_worker,
            args=(todo, results, output),
            kwargs={
                "warm": not fresh_kernels,
                "kernel_name": kernel_name,
                "stop": stop,
            },
            daemon=True,
            name=f"nps-kit-worker-{i}",
        )
        for i in range(workers)
    ]
    start = time.perf_counter()
    done: dict[str, UnitResult] = {}
    dead: list[Exception] = []
    for thread in threads:
        thread.start()
    try:
        while len(done) < len(prepared):
            try:
                item = results.get(timeout=0.2)
            except queue.Empty:
                if any(t.is_alive() for t in threads) or not results.empty():
                    continue
                break  # every worker stopped: the units left are reported as failed below
            if isinstance(item, Exception):
                dead.append(item)
                continue
            if isinstance(item, BaseException):
                raise item
            done[item.unit] = item
            elapsed = time.perf_counter() - start
            _say(
                progress,
                f"[{len(done)}/{len(prepared)}] {item.unit:<12} {item.status:<6} "
                f"{item.seconds:6.1f} s   (elapsed {elapsed:.1f} s)",
            )
    except BaseException:
        stop.set()  # workers stop after their current unit; kernels exit with this process
        raise
    for thread in threads:
        thread.join()
    reason = f"{type(dead[-1]).__name__}: {dead[-1]}" if dead else "no worker was left"
    for job in prepared:
        if job.unit.unit not in done:
            done[job.unit.unit] = _failed_without_kernel(job, reason)
    ordered = [done[job.unit.unit] for job in prepared]
    for month in sorted({r.period for r in ordered}):
        write_manifest_and_overview(output, month, [r for r in ordered if r.period == month])
    return RunResult(output=output, units=ordered)


def _say(stream: TextIO | None, text: str) -> None:
    if stream is not None:
        print(text, file=stream, flush=True)


def summary_table(result: RunResult) -> str:
    """Format the end-of-run table: unit, status, NPS, n, seconds, output path.

    Failed units are followed by their failing cell and error.
    """
    rows = [("unit", "status", "NPS", "n", "seconds", "output")]
    for r in result.units:
        summary = r.summary or {}
        nps = summary.get("nps")
        rows.append(
            (
                r.unit,
                r.status,
                f"{nps:.1f}" if isinstance(nps, int | float) else "-",
                str(summary.get("n", "-")),
                f"{r.seconds:.1f}",
                str(r.html or r.notebook or "-"),
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)) for row in rows]
    for r in result.failed:
        err = r.error or {}
        cell = err.get("cell_index")
        where = f"cell {cell}" if cell is not None else "before any cell"
        lines.append(f"{r.unit}: failed at {where}: {err.get('ename')}: {err.get('evalue')}")
    return "\n".join(line.rstrip() for line in lines)
