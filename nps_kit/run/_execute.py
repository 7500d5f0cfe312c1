"""One unit executed on a kernel, and its files replaced only when every cell ran.

The workers' loop, the run's lock on replacing files (closed on an interrupt), the executed
notebook's checks, and the unit's HTML, notebook and follow-up files written atomically.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import queue
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import nbformat

from nps_kit._atomic import atomic_write, atomic_write_text
from nps_kit._notebook_lines import figures_differ, missing_parameters
from nps_kit.run._results import FAILED_DIR, UnitResult
from nps_kit.summary import UnitSummary, as_summary

if TYPE_CHECKING:
    import pandas as pd

    from nps_kit.run._jobs import _Job


class _Interrupted(Exception):
    """The run was interrupted: this unit's files are left as they were."""


class _Commits:
    """Lets workers replace report files, one unit at a time, until the run is closed."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._open = True

    @property
    def open(self) -> bool:
        """Whether units may still replace their files."""
        return self._open

    @contextlib.contextmanager
    def hold(self) -> Iterator[None]:
        """Replace one unit's files (and hand over its result) in this block, or raise."""
        with self._lock:
            if not self._open:
                raise _Interrupted
            yield

    def close(self) -> None:
        """Wait for a unit being written to finish, then refuse every later one."""
        with self._lock:
            self._open = False


def _execute(job: _Job, folder: Path, kernel: Any) -> tuple[nbformat.NotebookNode, dict | None]:
    """Execute one notebook; return it and the error (``None`` when every cell ran)."""
    import papermill
    from papermill.exceptions import PapermillExecutionError

    from nps_kit._kernels import IOPUB_TIMEOUT, KERNEL_ARGUMENTS

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
                extra_arguments=list(KERNEL_ARGUMENTS),
                iopub_timeout=IOPUB_TIMEOUT,
            )
        return nb, None
    except PapermillExecutionError as exc:
        nb = nbformat.read(tmp, as_version=4)
        return nb, {"cell_index": exc.cell_index, "ename": exc.ename, "evalue": exc.evalue}
    except Exception as exc:  # dead kernel, timeout: the unit fails, the run goes on
        return job.nb, {"cell_index": None, "ename": type(exc).__name__, "evalue": str(exc)}
    finally:
        tmp.unlink(missing_ok=True)


@dataclass(frozen=True)
class _Executed:
    """One unit executed and rendered, not yet written: what a worker hands back."""

    nb: nbformat.NotebookNode
    html: str | None
    summary: UnitSummary | None
    error: dict[str, Any] | None
    seconds: float


def _execute_unit(job: _Job, scratch: Path, kernel: Any) -> _Executed:
    """Execute ``job``'s notebook, check its outputs and render the HTML, in memory.

    ``scratch`` holds papermill's temporary output (the report folder locally; a private
    folder on a cluster worker). Nothing is written to the reports folder here, so the same
    function serves the local threads and the Dask workers (:mod:`nps_kit.cluster`).
    """
    from nps_kit.render import check_outputs, render_html
    from nps_kit.summary import read_summary

    start = time.perf_counter()
    unit = job.unit
    nb, error = _execute(job, scratch, kernel)
    nb.metadata.papermill["input_path"] = job.nb.metadata.papermill["input_path"]
    summary = None
    html: str | None = None
    if error is None:
        problems = check_outputs(nb)
        if problems:
            first = problems[0]
            error = {"cell_index": first.cell_index, "ename": first.kind, "evalue": first.text}
    if error is None:
        try:
            summary = as_summary(read_summary(nb))
            html = render_html(nb, lang=unit.language, title=unit.name)
        except Exception as exc:  # a broken export fails this unit only
            error = {"cell_index": None, "ename": type(exc).__name__, "evalue": str(exc)}
            html = None
    lacking = [p.name for p in missing_parameters(job.nb)]
    if error is None and summary is not None and lacking:
        # An older copy that never reads a parameter may count otherwise than nps-kit score:
        # its report is not published with other numbers (FIX55).
        source = Path(job.nb.metadata.papermill["input_path"])
        differ = figures_differ(source, job.parameters, summary, lacking=lacking)
        if differ is not None:
            error = {"cell_index": None, "ename": "OutdatedNotebook", "evalue": differ}
            html = None
    seconds = round(time.perf_counter() - start, 2)
    return _Executed(nb, html, summary if error is None else None, error, seconds)


def _unit_responses(job: _Job) -> pd.DataFrame:
    """Return the unit's rows of the export's cache (every month), as the notebook read them.

    The run groups each cache by the unit's filter column (:func:`_build_caches`), so the
    filter values select the rows.
    """
    from nps_kit.cache import open_cache, read_rows

    wanted = job.unit.data.filter
    cache = open_cache(job.parameters["data_cache"])
    return read_rows(cache, unit_values=wanted.selects if wanted is not None else None).data


def _write_unit(job: _Job, done: _Executed, output: Path) -> UnitResult:
    """Write an executed unit's files atomically and describe the result."""
    unit = job.unit
    folder = output / job.period
    html: Path | None = None
    error = done.error
    if error is None and done.html is not None:
        from nps_kit import clock
        from nps_kit.followup_files import read_followups, with_contact_details, write_work_files

        # <unit>_followups.csv / .xlsx, headed in the unit's language, with the contact
        # details of those who allowed contact when the unit asks for them (read here from the
        # export's cache: they never pass through the notebook, so no report holds them).
        table = read_followups(done.nb)
        if table is not None:
            if unit.columns.contact_details:
                consent = unit.columns.contact
                table = with_contact_details(
                    table,
                    _unit_responses(job),
                    id_column=job.parameters["id_column"],
                    contact_column=unit.frame_column(consent) if consent is not None else None,
                    details=[unit.frame_column(c) for c in unit.columns.contact_details],
                    words=unit.consent_words(),
                )
            from nps_kit.cache import open_cache

            write_work_files(
                table,
                folder,
                unit.unit,
                lang=unit.language,
                date_order=clock.date_order(unit.language, unit.timezone),
                # Without a zone, dates Excel re-saved as 3/4/2026 read as the export's do.
                export_order=open_cache(job.parameters["data_cache"]).report.date_order,
                # without columns.id the ids are the export's rows, headed so (BROWSE35)
                rows=job.parameters["id_column"] is None,
            )
        text = done.html
        html = folder / f"{unit.unit}.html"
        atomic_write_text(html, text)
        notebook = folder / f"{unit.unit}.ipynb"
        atomic_write(notebook, lambda p: nbformat.write(done.nb, p))
        (folder / FAILED_DIR / f"{unit.unit}.ipynb").unlink(missing_ok=True)
    else:
        notebook = folder / FAILED_DIR / f"{unit.unit}.ipynb"
        atomic_write(notebook, lambda p: nbformat.write(done.nb, p))
    return UnitResult(
        unit=unit.unit,
        name=unit.name,
        language=unit.language,
        period=job.period,
        status="ok" if error is None else "failed",
        seconds=done.seconds,
        html=html,
        notebook=notebook,
        error=error,
        summary=done.summary,
        parameters=_recorded_parameters(job),
        input=job.input,
    )


def _run_unit(
    job: _Job,
    output: Path,
    kernel: Any,
    *,
    scratch: Path,
    commits: _Commits,
    results: queue.Queue[UnitResult | BaseException],
) -> None:
    """Run one unit and put its result on ``results``; do nothing once the run is interrupted."""
    done = _execute_unit(job, scratch, kernel)
    if not commits.open or (done.error is not None and done.error["ename"] == "KeyboardInterrupt"):
        return  # Ctrl-C reaches the kernels too: an interrupted unit is not a failed one
    try:
        with commits.hold():
            # Inside the hold: an interrupt either sees this result or finds nothing written.
            results.put(_write_unit(job, done, output))
    except _Interrupted:
        return


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
    scratch: Path,
    commits: _Commits,
    kernels: list[Any],
) -> None:
    """Take jobs until none are left; a warm worker owns one kernel for its whole life."""
    from nps_kit._kernels import WarmKernel

    kernel = WarmKernel(kernel_name=kernel_name) if warm else None
    if kernel is not None:
        kernels.append(kernel)  # for the main thread to kill if the run is interrupted
    try:
        if kernel is not None:
            kernel.start()
        while commits.open:
            try:
                job = jobs.get_nowait()
            except queue.Empty:
                return
            _run_unit(job, output, kernel, scratch=scratch, commits=commits, results=results)
    except BaseException as exc:
        results.put(exc)
    finally:
        if kernel is not None:
            kernel.shutdown()
        _close_thread_loop()


def _close_thread_loop() -> None:
    """Close the event loop jupyter_client opened for this worker thread.

    jupyter_core's ``run_sync`` gives every thread that executes a notebook a loop of its own and
    never closes it; when the thread ends, the loop and its self-pipe sockets are left for the
    garbage collector, which warns (``ResourceWarning: unclosed event loop``) in whatever code
    happens to run then.
    """
    try:
        loop = asyncio.get_event_loop()  # a worker thread never gets one made on demand
    except RuntimeError:
        return
    if not loop.is_running() and not loop.is_closed():
        loop.close()
    asyncio.set_event_loop(None)
