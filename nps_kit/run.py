"""Run the report notebook for many units in parallel, on warm kernels, with atomic writes.

For every unit: inject its parameters into the notebook (papermill), execute it, check that no
cell wrote to stderr, warned or raised, export the HTML, and only then replace
``<output>/<period>/<unit>.html`` and ``<unit>.ipynb`` (temp file in the same folder +
``os.replace``), so a failed or interrupted run never destroys the last good report. A failed
unit's executed notebook goes to ``<output>/<period>/_failed/<unit>.ipynb`` and the other units
carry on. Each finished unit is merged into ``manifest.json`` at once (under the reports folder's
lock, so concurrent runs keep each other's units); at the end the overview ``index.html`` is
rewritten.

Interruption (``KeyboardInterrupt``; the command turns SIGTERM into one): workers replace a
unit's files only while the run is open, one unit at a time, so the main thread closes the run,
records the units that finished, rewrites the overview and removes the scratch folder where
notebooks execute. No partial file is left in ``<output>/<period>/``, the manifest lists exactly
the units whose reports were replaced, and every other unit keeps its last report.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import hashlib
import os
import queue
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TextIO

import nbformat

from nps_kit._atomic import atomic_write, atomic_write_text
from nps_kit._drop import drop_files, drop_sha256, is_drop
from nps_kit._id_repeats import cached_id_warning
from nps_kit._notebook_lines import (
    figures_differ,
    missing_parameters,
    outdated_warnings,
    parameter_notes,
)
from nps_kit._renames import shared_selections
from nps_kit._width import display_width, pad
from nps_kit.errors import ConfigError, NpsKitError
from nps_kit.i18n import Language, join_names, nps_text, t
from nps_kit.params import Overview, UnitParameters, notebook_parameters, resolve_period
from nps_kit.summary import UnitSummary, as_summary, report_floor, under_floor

if TYPE_CHECKING:
    import pandas as pd

    from nps_kit._unit_rows import ExportRows, UnitRefused
    from nps_kit.cache import ExportCache

__all__ = [
    "RunResult",
    "UnitResult",
    "build_once",
    "closing",
    "export_cache",
    "prepare_notebook",
    "progress_line",
    "record_parameter_errors",
    "run_reports",
    "summary_table",
    "unit_caches",
]

FAILED_DIR = "_failed"
CACHE_DIR = ".cache"


@dataclass(frozen=True)
class UnitResult:
    """What happened to one unit.

    Attributes
    ----------
    unit, name, language, period
        From the parameters (``period`` resolved to ``YYYY-MM``).
    status
        ``"ok"`` or ``"failed"``; in the manifest also ``"refused"`` (its filter matches no
        row) or ``"no data"`` (no response in the month): refused before any kernel started,
        recorded so that the overview no longer shows the unit's last figures as this run's;
        and ``"parameter error"`` (its parameter file could not be used, so nothing of it ran).
    seconds
        Wall time of execution and export.
    html
        The report, or ``None`` when the unit failed.
    notebook
        The executed notebook (under ``_failed/`` when the unit failed).
    error
        ``{"cell_index", "ename", "evalue"}`` when the unit failed; for a refused unit also
        ``key`` (:data:`nps_kit._unit_rows.NO_ROWS` or ``NO_RESPONSES``), ``reason`` and ``at``
        (when, ISO 8601 UTC). Else ``None``.
    summary
        What the notebook published with ``nps_kit.summary.publish_summary``, if anything (its
        manifest JSON is read into a :class:`~nps_kit.summary.UnitSummary`).
    parameters
        The parameters injected into the notebook.
    input
        ``{"path", "sha256"}`` of the data file.
    """

    unit: str
    name: str
    language: str
    period: str
    status: Literal["ok", "failed", "refused", "no data", "parameter error"]
    seconds: float
    html: Path | None
    notebook: Path | None
    error: dict[str, Any] | None
    summary: UnitSummary | None
    parameters: dict[str, Any]
    input: dict[str, str]

    def __post_init__(self) -> None:
        # A result rebuilt from manifest.json carries the summary's JSON: read it once, here.
        object.__setattr__(self, "summary", as_summary(self.summary))


@dataclass(frozen=True)
class RunResult:
    """Every unit's result, in the order the units were given.

    ``skipped`` holds, by unit id, the units that were not run because their filter matches no
    row of the export (``key`` ``data.filter.values``) or they have no response in the month
    (``key`` ``period``); no kernel started for them and nothing of theirs was written.
    """

    output: Path
    units: list[UnitResult] = field(default_factory=list)
    skipped: dict[str, ConfigError] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        """Whether every unit succeeded."""
        return all(u.status == "ok" for u in self.units)

    @property
    def failed(self) -> list[UnitResult]:
        """The units that failed."""
        return [u for u in self.units if u.status != "ok"]


def prepare_notebook(
    notebook: Path,
    parameters: dict[str, Any],
    *,
    sections: Sequence[str] | None = None,
    omit: Collection[str] = (),
) -> nbformat.NotebookNode:
    r"""Inject ``parameters`` into ``notebook`` the papermill way, with readable text.

    papermill's :func:`~papermill.parameterize.parameterize_notebook` places the
    ``injected-parameters`` cell after the cell tagged ``parameters`` and records the
    parameters in the metadata; its Python translator escapes non-ASCII text (``"EC\u4e8b…"``),
    so the injected cell's source is rewritten with ``repr`` (the parameters are plain JSON
    types, whose ``repr`` is a Python literal).

    Parameters
    ----------
    notebook
        The report notebook (it needs a cell tagged ``parameters``): ``.ipynb``, or ``.py`` in
        jupytext's percent format; of a jupytext pair, the file saved last
        (:func:`nps_kit.notebook.read_report_notebook`).
    parameters
        Plain JSON values by name, e.g. from :func:`nps_kit.params.notebook_parameters`.
    sections
        The unit's ``sections:`` (:func:`nps_kit.notebook.select_sections`); ``None`` keeps
        every section of the notebook.
    omit
        Sections left out even when ``sections`` names them
        (:attr:`nps_kit.params.UnitParameters.empty_sections`).

    Returns
    -------
    nbformat.NotebookNode
        The parameterised notebook, not executed.
    """
    from papermill.parameterize import parameterize_notebook

    from nps_kit.notebook import for_papermill, section_names, select_sections

    nb = for_papermill(notebook)
    if sections is not None or omit:
        names = section_names(nb) if sections is None else sections
        nb = select_sections(nb, [n for n in names if n not in omit], source=notebook)
    nb = parameterize_notebook(nb, parameters)
    for cell in nb.cells:
        if "injected-parameters" in cell.metadata.get("tags", []):
            lines = [f"{name} = {value!r}" for name, value in parameters.items()]
            cell.source = "# Parameters\n" + "\n".join(lines) + "\n"
    nb.metadata.papermill["input_path"] = str(notebook)
    return nb


def _sha256(path: Path) -> str:
    if is_drop(path):
        return drop_sha256(drop_files(path))  # every file's, in order
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


def _error_record(
    error: Exception, *, key: str | None, reason: str, **extra: Any
) -> dict[str, Any]:
    """Return the manifest's ``error`` of a unit no kernel ran for, stamped with the moment."""
    from datetime import UTC, datetime

    return {
        "cell_index": None,
        "ename": type(error).__name__,
        "evalue": str(error),
        "key": key,
        "reason": reason,
        **extra,
        "at": datetime.now(UTC).isoformat(timespec="seconds"),
    }


def _refused_result(unit: UnitParameters, error: UnitRefused, sha256: str) -> UnitResult:
    """Return the manifest record of a unit refused before any kernel started (no files)."""
    from nps_kit._unit_rows import NO_RESPONSES

    return UnitResult(
        unit=unit.unit,
        name=unit.name,
        language=unit.language,
        period=error.period,
        status="no data" if error.key == NO_RESPONSES else "refused",
        seconds=0.0,
        html=None,
        notebook=None,
        # A month to date refused for too few responses: the overview says so.
        error=_error_record(
            error,
            key=error.key,
            reason=error.reason,
            **(
                {"responses": error.responses, "min_report_n": error.min_report_n}
                if error.responses is not None
                else {}
            ),
            # The reason's words, said in the reader's language by send (MSG41); reason keeps
            # the English sentence for older readers.
            **(
                {"reason_key": error.reason_key, "reason_args": error.reason_args}
                if error.reason_key is not None
                else {}
            ),
        ),
        summary=None,
        parameters={"mail": unit.mail.model_dump(mode="json")},
        input={"path": str(unit.data.path), "sha256": sha256},
    )


def _invalid_result(
    unit: str, error: ConfigError, period: str, *, name: str | None = None
) -> UnitResult:
    """Return the manifest record of a unit whose parameter file could not be used.

    ``name`` is the file's ``name`` when it could be read that far: the overview shows it as
    it shows every other unit's (FIX38: the id, beside the others' names); else the id.
    """
    return UnitResult(
        unit=unit,
        name=name or unit,
        language="",
        period=period,
        status="parameter error",
        seconds=0.0,
        html=None,
        notebook=None,
        error=_error_record(error, key=error.key, reason=error.message),
        summary=None,
        parameters={},
        input={},
    )


def _record_refusals(
    write: Callable[..., dict[str, Any]],
    output: Path,
    refused: Sequence[UnitResult],
    built: Sequence[UnitResult],
    invalid: Mapping[str, ConfigError] | None = None,
    names: Mapping[str, str] | None = None,
) -> None:
    """Write each period's manifest and overview with its refused units and the units built.

    A refused unit's row then says it was not rebuilt, and why, instead of showing its last
    report's figures as this run's (QA19); a unit refused or with a parameter error that has
    no earlier report is recorded too (QA24: ``send`` and the overview said nothing of the
    units not built). A unit whose parameter file could not be used is recorded in every
    month of the run. A month nothing was built for gets its manifest when something there is
    to fix (a unit refused for its filter, a parameter error), so that ``send`` and the
    overview say why nothing went out (FIX38: they said only "no manifest"); a month where
    every unit merely has no responses yet (a run before the month's data) gets no folder.
    """
    from nps_kit.overview import MANIFEST

    for month in sorted({r.period for r in [*built, *refused]}):
        made = [r for r in built if r.period == month]
        to_fix = invalid or any(r.status == "refused" for r in refused if r.period == month)
        if not made and not to_fix and not (output / month / MANIFEST).is_file():
            continue
        broken = [
            _invalid_result(u, e, month, name=(names or {}).get(u))
            for u, e in (invalid or {}).items()
        ]
        write(output, month, made + [r for r in refused if r.period == month] + broken)


def record_parameter_errors(
    invalid: Mapping[str, ConfigError],
    *,
    output: Path,
    period: str,
    overview: Overview | None = None,
    names: Mapping[str, str] | None = None,
) -> Path | None:
    """Record a run none of whose unit files could be used, when it named its month.

    ``run`` stops before :func:`run_reports` then; without this the month had no manifest and
    ``send`` and the overview could not say why nothing went out (FIX38).

    Parameters
    ----------
    invalid
        By unit id, the error of each unit file (:attr:`nps_kit.params.ParameterSet.invalid`).
    output
        The reports root.
    period
        The month asked for; ``latest``, ``current`` or a unit's own period cannot be known
        without a valid unit, and nothing is written.
    overview
        The overview pages' settings, as for :func:`run_reports`.
    names
        Their display names where the files could be read that far
        (:attr:`nps_kit.params.ParameterSet.invalid_names`).

    Returns
    -------
    Path or None
        The manifest written, or ``None``.
    """
    from nps_kit.overview import MANIFEST
    from nps_kit.periods import is_month

    if not invalid or not is_month(period):
        return None
    records = [_invalid_result(u, e, period, name=(names or {}).get(u)) for u, e in invalid.items()]
    _overview_writer(overview)(Path(output), period, records)
    return Path(output) / period / MANIFEST


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


def run_reports(
    units: Sequence[UnitParameters],
    *,
    notebook: Path,
    output: Path,
    period: str | None = None,
    jobs: int | None = None,
    fresh_kernels: bool = False,
    cache_dir: Path | None = None,
    scheduler: str | Any | None = None,
    overview: Overview | None = None,
    progress: TextIO | Literal["stderr"] | None = "stderr",
    invalid: Mapping[str, ConfigError] | None = None,
    invalid_names: Mapping[str, str] | None = None,
    language: Language = "en",
) -> RunResult:
    """Build every unit's report in parallel.

    Parameters
    ----------
    units
        Validated parameters (see :func:`nps_kit.params.load_all`).
    notebook
        The report notebook, with a cell tagged ``parameters``, for every unit that has no
        ``notebook`` of its own in its parameters.
    output
        The reports folder; files go to ``<output>/<period>/``.
    period
        ``YYYY-MM``, ``"latest"`` or ``"current"`` for every unit
        (:func:`nps_kit.periods.reporting_month`); ``None`` uses each unit's ``period``.
    jobs
        Units run at the same time (one kernel each); default: the number of CPU cores.
    fresh_kernels
        Run each unit with plain :func:`papermill.execute_notebook` on a new kernel instead of
        the warm kernels (slower; for comparison or when a notebook changes global state that
        a reset cannot undo).
    cache_dir
        Where the columnar caches of the exports go (default ``<output>/.cache``): each export
        is parsed once per run (or reused from an earlier run while it is unchanged) and each
        unit reads only its own rows and months from it (:mod:`nps_kit.cache`).
    scheduler
        A Dask scheduler address (``tcp://host:8786``) or a ``distributed.Client``: run one
        task per unit on the cluster's workers instead of local kernels (:mod:`nps_kit.cluster`);
        ``jobs`` and ``fresh_kernels`` then do not apply. The workers must see the exports and
        ``cache_dir`` at the same paths.
    overview
        The overview pages' language and time zone (:attr:`nps_kit.params.ParameterSet.
        overview`, from ``defaults.yaml``); ``None`` uses the units' majority language.
    progress
        Where progress lines go: ``"stderr"`` (default) is the standard error of the moment
        of the call, not the one of the moment this module was imported (which a test
        harness or notebook may have replaced and closed since); ``None``: silent.
    invalid
        By unit id, the error of each unit file asked for that could not be used
        (:attr:`nps_kit.params.ParameterSet.invalid`): recorded as ``parameter error`` in
        the manifest of every period the run writes, so that every unit asked for is there.
    invalid_names
        Their names where the files could be read that far
        (:attr:`nps_kit.params.ParameterSet.invalid_names`); the others keep their ids.
    language
        The language of the progress lines (the run's start, each unit done, an interruption):
        the project's (``nps-kit run`` passes ``defaults.yaml``'s ``language``, else the one
        every unit shares; FIX90). Default English.

    Returns
    -------
    RunResult
        One :class:`UnitResult` per unit, in the order given. ``manifest.json`` and
        ``index.html`` of every period touched are rewritten.

    Raises
    ------
    ConfigError
        When a period cannot be resolved or its reports folder cannot be written (both
        checked before any kernel starts).
    """
    from nps_kit.overview import update_manifest

    if progress == "stderr":
        progress = sys.stderr
    write_manifest_and_overview = _overview_writer(overview)
    output = Path(output)
    notebook = Path(notebook)
    hashes: dict[Path, str] = {}
    for unit in units:
        if unit.data.path not in hashes:
            hashes[unit.data.path] = _sha256(unit.data.path)
    fresh = not output.exists()
    _check_writable(output)  # before the export is parsed into the cache beneath it
    try:
        caches = _build_caches(units, hashes, cache_folder(output, cache_dir))
    except NpsKitError:
        if fresh:
            # An export refused before any unit (a formula saved without its value, FIX91):
            # the folder this run made is not left behind empty (REVIEW39).
            _remove_empty(output)
        raise
    from nps_kit._unit_rows import NO_RESPONSES, NO_ROWS, UnitRefused

    prepared: list[_Job] = []
    skipped: dict[str, ConfigError] = {}
    refusals: list[UnitResult] = []  # their manifest records
    rows: dict[Path, ExportRows] = {}
    months, month_notes = _export_months(units, period, caches)
    for line in month_notes:
        _say(progress, line)
    for unit in units:
        try:
            prepared.append(
                _prepare_job(
                    unit,
                    notebook=notebook,
                    period=period,
                    cache=caches[unit.unit],
                    hashes=hashes,
                    rows=rows,
                    month=months.get(unit.unit),
                )
            )
        except ConfigError as exc:
            if exc.key not in (NO_ROWS, NO_RESPONSES):
                raise
            skipped[unit.unit] = exc
            if isinstance(exc, UnitRefused):
                refusals.append(_refused_result(unit, exc, hashes[unit.data.path]))
    if not prepared:
        _record_refusals(write_manifest_and_overview, output, refusals, [], invalid, invalid_names)
        raise _nothing_to_run(list(skipped.values()), language)
    for refused in skipped.values():  # before any progress line: the check ran before any kernel
        _say(progress, refusal_line(refused, lang=language))
    for line in stale_exports([(job.unit, job.period) for job in prepared], period=period):
        _say(progress, line)
    for line in outdated_warnings([(job.unit, job.nb) for job in prepared]):
        _say(progress, line)
    for line in parameter_notes([(job.unit, job.nb) for job in prepared]):
        _say(progress, line)
    for line in contact_warnings([job.unit for job in prepared]):
        _say(progress, line)
    for line in shared_selections([job.unit for job in prepared]):
        _say(progress, line)
    for line in playbook_notes([job.unit for job in prepared]):
        _say(progress, line)
    for line in _cache_warnings([(job.unit, caches[job.unit.unit]) for job in prepared]):
        _say(progress, line)

    for month in sorted({job.period for job in prepared}):
        _check_writable(output / month)
    kernel_name = prepared[0].nb.metadata.get("kernelspec", {}).get("name", "python3")
    if scheduler is not None:
        ordered = _run_cluster(prepared, scheduler, output, kernel_name, progress, language)
        _record_refusals(
            write_manifest_and_overview, output, refusals, ordered, invalid, invalid_names
        )
        return RunResult(output=output, units=ordered, skipped=skipped)
    workers = max(1, min(jobs or os.cpu_count() or 1, len(prepared)))
    todo: queue.Queue[_Job] = queue.Queue()
    for job in prepared:
        todo.put(job)
    results: queue.Queue[UnitResult | BaseException] = queue.Queue()
    commits = _Commits()
    kernels_key = "count.fresh_kernels" if fresh_kernels else "count.warm_kernels"
    pool = t(kernels_key, language, n=workers)
    periods = join_names(sorted({j.period for j in prepared}), language)
    count = t("count.units", language, n=len(prepared))
    _say(progress, t("run.running", language, count=count, periods=periods, pool=pool))
    start = time.perf_counter()
    ids = [job.unit.unit for job in prepared]
    done: dict[str, UnitResult] = {}
    dead: list[Exception] = []
    kernels: list[Any] = []
    with tempfile.TemporaryDirectory(prefix="nps-kit-run-", ignore_cleanup_errors=True) as tmp:
        threads = [
            threading.Thread(
                target=_worker,
                args=(todo, results, output),
                kwargs={
                    "warm": not fresh_kernels,
                    "kernel_name": kernel_name,
                    "scratch": Path(tmp),
                    "commits": commits,
                    "kernels": kernels,
                },
                daemon=True,
                name=f"nps-kit-worker-{i}",
            )
            for i in range(workers)
        ]
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
                # At once, not at the end: an interrupted run still lists this unit.
                update_manifest(output, item.period, [item])
                elapsed = time.perf_counter() - start
                line = progress_line(item, len(done), ids, elapsed=elapsed, lang=language)
                _say(progress, line)
        except BaseException:
            _interrupted(
                output, commits, results, done, len(prepared), progress, overview, language
            )
            for kernel in kernels:
                kernel.kill()  # fresh kernels (no handle here) exit when this process does
            raise
        for thread in threads:
            thread.join()
    reason = f"{type(dead[-1]).__name__}: {dead[-1]}" if dead else "no worker was left"
    for job in prepared:
        if job.unit.unit not in done:
            done[job.unit.unit] = _failed_without_kernel(job, reason)
    ordered = [done[job.unit.unit] for job in prepared]
    _record_refusals(write_manifest_and_overview, output, refusals, ordered, invalid, invalid_names)
    return RunResult(output=output, units=ordered, skipped=skipped)


def stale_exports(
    resolved: Sequence[tuple[UnitParameters, str]], *, period: str | None
) -> list[str]:
    """Return a ``warning:`` per export whose ``latest`` month is before the last ended month.

    ``latest`` is the latest complete month *with data*: an export without the month that just
    ended (a late warehouse load) makes a scheduled run report the month before, every unit
    ``ok``. Said once per export, naming both months and the units concerned; the exit status
    does not change (the figures are right for the month reported). Every flow that resolves
    ``latest`` from the data says it in these words: ``run``, ``run --watch`` and ``lab``.

    Parameters
    ----------
    resolved
        Each unit with the month its period was resolved to.
    period
        The period asked for every unit (``--period``), or ``None`` for each unit's own.

    Returns
    -------
    list[str]
        The warnings, one per stale export; empty when none is.
    """
    from nps_kit import clock
    from nps_kit.periods import LATEST, last_ended_month, late_export

    late: dict[tuple[Language, Path, str, str], list[str]] = {}
    for unit, month in resolved:
        if (period or unit.period) != LATEST:
            continue
        ended = last_ended_month(clock.now(unit.language, unit.timezone))
        if month < ended:
            # In the units' language, as alerts says it (FIX92: English in a Japanese project).
            late.setdefault((unit.language, unit.data.path, month, ended), []).append(unit.unit)
    return [
        late_export(
            path.name,
            month,
            missed=t("run.late_missed", lang, month=month, ended=ended),
            units=units,
            then=t("run.late_then", lang, month=month, ended=ended),
            lang=lang,
        )
        for (lang, path, month, ended), units in late.items()
    ]


def contact_warnings(units: Sequence[UnitParameters]) -> list[str]:
    """Return a ``warning:`` per setting of ``columns.contact_details`` that reaches nobody.

    Without a consent column, contact details naming only name columns (QA23:
    ``RecipientFirstName``, 氏名) leave consent unknown: the report lists every detractor
    with that warning and ``nps-kit alerts`` refuses the unit, both in these words
    (:func:`nps_kit.closed_loop.names_only`). Said once per setting, naming its units; the
    exit status does not change.

    Parameters
    ----------
    units
        The units run.

    Returns
    -------
    list[str]
        The warnings; empty when every unit's details reach someone (or it has a consent
        column).
    """
    from nps_kit.closed_loop import names_only

    said = []
    for unit in units:
        details = [unit.column(c) for c in unit.columns.contact_details]
        message = names_only(
            contact_column=unit.columns.contact, details=details, language=unit.language
        )
        if message is not None:
            # In the unit's language (FIX87), closed as that language closes a sentence.
            said.append((unit.unit, message + ("。" if unit.language == "ja" else ".")))
    return _said_once(said)


def playbook_notes(units: Sequence[UnitParameters]) -> list[str]:
    """Return a ``note:`` per themes file whose own themes have no action in the playbook.

    A unit that extends a pack with new themes (``themes.yaml``: ``extends``) sees them
    ranked; its strategy cards and e-mail actions then say that no action is written for them
    yet (:func:`nps_kit.strategy.no_action_text`). Said once per themes and playbook file,
    naming its units (QA25: the run said nothing and the strategies left them out).
    """
    from nps_kit.strategy import load_playbook, own_playbook
    from nps_kit.text.themes import load_themes

    said: dict[tuple[Path | None, Path | None, Language], tuple[list[str], list[str]]] = {}
    for unit in units:
        if unit.themes is None:
            continue
        key = (unit.themes, unit.playbook, unit.language)  # in the units' language (FIX92)
        if key not in said:
            try:
                book = load_themes(unit.themes)
                actions = load_playbook(unit.playbook, themes=book.ids, pack=book.pack)
            except NpsKitError:  # the unit's report says what is wrong with them
                continue
            said[key] = ([t for t in book.ids if t not in actions.themes], [])
        said[key][1].append(unit.unit)
    lines = []
    for (themes, path, lang), (missing, names) in said.items():
        if not missing or themes is None:
            continue
        own = own_playbook(path)
        where = t("run.playbook_own", lang, own=own) if own else t("run.playbook_set", lang)
        lines.append(
            t(
                "run.playbook_missing",
                lang,
                units=join_names(names, lang),
                themes=themes.name,
                missing=join_names(missing, lang),
                have="has" if len(missing) == 1 else "have",
                playbook=own if own is not None else t("run.playbook_builtin", lang),
                where=where,
            )
        )
    return lines


def refusal_line(error: ConfigError, *, lang: Language = "en") -> str:
    """Return what ``run`` says of a unit refused before any kernel started.

    A unit without responses in the month is what the data says (``note:``; a scheduled
    ``run --all`` still succeeds); any other refusal, such as a filter matching no row, is a
    broken unit file (``error:``).
    """
    from nps_kit._unit_rows import NO_RESPONSES

    if error.key == NO_RESPONSES:
        return f"note: {closing(error, 'run.no_report', lang)}"
    return f"error: {closing(error, 'run.skipped', lang)}"


def closing(error: NpsKitError, key: str, lang: Language) -> str:
    """Return ``error``'s message closed by the catalogue's ``key`` (This unit is skipped.).

    The closing sentence speaks the message's language: the run's where the message is said in
    it (a Japanese sentence ends in 「。」 and takes no space after it), English after a message
    still said in English, so that no line switches language in its last words (FIX90).

    Parameters
    ----------
    error
        The refused unit's error.
    key
        The closing sentence: ``run.skipped`` or ``run.no_report``.
    lang
        The run's language.

    Returns
    -------
    str
        The message and its closing sentence.
    """
    said = str(error)
    if said.endswith("。"):
        return f"{said}{t(key, lang)}"
    return f"{said} {t(key, 'en')}"


def _nothing_to_run(errors: list[ConfigError], lang: Language) -> ConfigError:
    """One error for a run none of whose units has rows to report: each unit's own words."""
    if len(errors) == 1:
        return errors[0]
    listing = "\n".join(f"- {e}" for e in errors)
    return ConfigError(t("run.nothing_to_run", lang, count=len(errors), listing=listing))


def _interrupted(
    output: Path,
    commits: _Commits,
    results: queue.Queue[UnitResult | BaseException],
    done: dict[str, UnitResult],
    total: int,
    progress: TextIO | None,
    overview: Overview | None = None,
    language: Language = "en",
) -> None:
    """Close the run and record the units that finished; every other unit keeps its files."""
    write_manifest_and_overview = _overview_writer(overview)
    commits.close()  # waits for a unit being written; no report file is replaced after this
    while True:
        try:
            item = results.get_nowait()
        except queue.Empty:
            break
        if isinstance(item, UnitResult):
            done[item.unit] = item
    for month in sorted({r.period for r in done.values()}):
        write_manifest_and_overview(output, month, [r for r in done.values() if r.period == month])
    count = t("count.units", language, n=total)
    _say(progress, t("run.interrupted", language, done=len(done), count=count))


def _overview_writer(overview: Overview | None) -> Callable[..., dict[str, Any]]:
    """``write_manifest_and_overview`` with the project's overview settings."""
    from nps_kit.overview import write_manifest_and_overview

    if overview is None:
        return write_manifest_and_overview
    return functools.partial(
        write_manifest_and_overview,
        language=overview.language,
        timezone=overview.timezone,
        unit_label=overview.unit_label,
    )


def _run_cluster(
    prepared: list[_Job],
    scheduler: str | Any,
    output: Path,
    kernel_name: str,
    progress: TextIO | None,
    language: Language = "en",
) -> list[UnitResult]:
    import importlib.util

    if importlib.util.find_spec("distributed") is None:
        raise ConfigError(
            "--scheduler needs the 'distributed' package, which is not installed.",
            hint="Install it with: pip install 'nps-kit[dask]' (on the workers too).",
        )
    from nps_kit.cluster import connect, run_on_cluster

    client = connect(scheduler) if isinstance(scheduler, str) else scheduler
    count = t("count.units", language, n=len(prepared))
    _say(
        progress,
        t("run.running_cluster", language, count=count, address=client.scheduler.address),
    )
    try:
        return run_on_cluster(
            prepared,
            client=client,
            output=output,
            kernel_name=kernel_name,
            progress=progress,
            language=language,
        )
    finally:
        if isinstance(scheduler, str):
            client.close()


def _consent_like_columns(path: Path, options: dict[str, Any]) -> set[str]:
    """Return the export's columns whose name asks for consent (連絡, contact, Opt-out …)."""
    from nps_kit._consent import asks_about_contact
    from nps_kit.load import read_column_index

    index = read_column_index(path, sheet=options.get("sheet"), encoding=options.get("encoding"))
    return {c for c in index.columns if asks_about_contact(c)}


def _unit_export(unit: UnitParameters) -> tuple[Path, dict[str, Any]]:
    return unit.data.path, unit.loader_options()


def _build_caches(
    units: Sequence[UnitParameters],
    hashes: dict[Path, str],
    cache_dir: Path,
    *,
    read: Callable[[UnitParameters], tuple[Path, dict[str, Any]]] = _unit_export,
    only: Collection[str] | None = None,
    spare_dir: Path | None = None,
) -> dict[str, ExportCache]:
    """Parse each export once (one cache per export and loader options) for all its units.

    ``read`` gives a unit's export and loader options (default its ``data.path`` and
    :meth:`~nps_kit.params.UnitParameters.loader_options`; ``nps-kit alerts --data`` reads
    another file). ``only``: build the caches of these units alone; the other units still add
    their columns, so the cache is the one ``run`` builds for the same units (FIX61).
    """
    from nps_kit._xlsx_formulas import FormulaError
    from nps_kit.cache import build_cache

    groups: dict[tuple[Any, ...], list[UnitParameters]] = {}
    reads: dict[tuple[Any, ...], tuple[Path, str | None, dict[str, Any]]] = {}
    for unit in units:
        src = unit.data
        by = unit.column(src.filter.column) if src.filter else None
        path, options = read(unit)
        key = (path, by, *sorted(options.items()))
        groups.setdefault(key, []).append(unit)
        reads[key] = (path, by, options)
    caches: dict[str, ExportCache] = {}
    for key, members in groups.items():
        if only is not None and not any(u.unit in only for u in members):
            continue
        path, by, options = reads[key]
        columns = {u.column(c) for u in members for c in u.used_columns().values()}
        if any(u.columns.contact is None and u.columns.contact_details for u in members):
            # Contact details without a consent column: the export's consent-like questions
            # too, which check_unit_rows refuses to leave unset (QA21).
            columns |= _consent_like_columns(path, options)
        try:
            cache = build_cache(
                path,
                # Absolute: the report notebook names it, and is opened again from its own folder.
                cache_dir=cache_dir.resolve(),
                sha256=hashes[path],
                columns=columns,
                unit_column=by,
                spare_dir=spare_dir,
                **options,
            )
        except FormulaError as exc:
            # Said in its units' language when they share one (a Japanese project's run, FIX91).
            languages = {u.language for u in members}
            raise exc.said(languages.pop() if len(languages) == 1 else "en") from None
        for unit in members:
            caches[unit.unit] = cache
    return caches


def unit_caches(
    units: Sequence[UnitParameters],
    *,
    cache_dir: Path,
    read: Callable[[UnitParameters], tuple[Path, dict[str, Any]]] = _unit_export,
    only: Collection[str] | None = None,
    spare_dir: Path | None = None,
) -> dict[str, ExportCache]:
    """Return the cache ``nps-kit run`` reads for each unit, parsing each export once.

    One cache per export and loader options, shared by its units (:mod:`nps_kit.cache`); a
    cache ``run`` built already is reused as it is. ``nps-kit alerts`` reads its units' rows
    from it, so a daily alert over a large export parses it once, not once per unit (FIX61).

    Parameters
    ----------
    units
        Validated parameters.
    cache_dir
        The folder of the caches (``run`` uses ``<output>/.cache``).
    read
        A unit's export and loader options; default its ``data.path`` and
        :meth:`~nps_kit.params.UnitParameters.loader_options`.
    only
        Unit ids whose caches to build; ``None``, every unit's. The others still add the
        columns they use, so the cache is the one ``run`` builds for all of ``units``.
    spare_dir
        Where to build a cache that ``cache_dir`` lacks and cannot take (a reports folder
        shared read-only): caches already in ``cache_dir`` are read from there
        (:func:`nps_kit.cache.build_cache`). ``None``: always ``cache_dir``.

    Returns
    -------
    dict of str to ExportCache
        By unit id, for the units built.

    Raises
    ------
    DataError
        When an export cannot be read as the parameters say.
    """
    wanted = {read(u)[0] for u in units if only is None or u.unit in only}
    hashes = {path: _sha256(path) for path in wanted}
    return _build_caches(units, hashes, Path(cache_dir), read=read, only=only, spare_dir=spare_dir)


def cache_folder(output: Path, cache_dir: Path | None = None) -> Path:
    """Return the folder of the export caches: ``cache_dir``, else ``<output>/.cache``.

    The one rule ``run``, ``run --watch`` and ``alerts`` find run's caches by.

    Parameters
    ----------
    output
        The reports folder.
    cache_dir
        ``run --cache-dir``, or ``None``.

    Returns
    -------
    Path
        The folder.
    """
    return Path(cache_dir) if cache_dir else Path(output) / CACHE_DIR


def export_cache(unit: UnitParameters, *, cache_dir: Path) -> Path:
    """Return the cache of ``unit``'s export that ``nps-kit run`` reads, building it if needed.

    The cache is the one home of how the unit's export is read (its loader options, with
    ``data.unfinished``): a report notebook given it as ``data_cache`` reads the unit as the
    run does, whatever options the notebook passes itself.

    Parameters
    ----------
    unit
        Validated parameters.
    cache_dir
        The folder of the caches (``run`` uses ``<output>/.cache``).

    Returns
    -------
    pathlib.Path
        The cache file.

    Raises
    ------
    DataError
        When the export cannot be read as the parameters say.
    """
    hashes = {unit.data.path: _sha256(unit.data.path)}
    return _build_caches([unit], hashes, Path(cache_dir))[unit.unit].path


def _prepare_job(
    unit: UnitParameters,
    *,
    notebook: Path,
    period: str | None,
    cache: ExportCache,
    hashes: dict[Path, str],
    rows: dict[Path, ExportRows] | None = None,
    month: str | None = None,
) -> _Job:
    """Resolve ``unit``'s period from the cache and parameterise its notebook to read the cache.

    The one preparation of a unit, for ``run`` and ``run --watch`` alike. A unit that has no
    row in its export or no response in the month is refused here, before any kernel starts
    (:func:`nps_kit._unit_rows.check_unit_rows`); ``rows`` keeps each export's units and months
    for the next unit of the same export. ``month``: the month resolved for every unit of the
    export (:func:`_export_months`), else the unit's own.
    """
    from nps_kit._unit_rows import ExportRows, check_unit_rows

    month = month or _resolve_period(unit, period, cache)
    seen = {} if rows is None else rows
    if cache.path not in seen:
        seen[cache.path] = ExportRows.read(cache)
    check_unit_rows(unit, month, seen[cache.path])
    parameters = {**notebook_parameters(unit, period=month), "data_cache": str(cache.path)}
    data_input = {"path": str(unit.data.path), "sha256": hashes[unit.data.path]}
    # A month under the anonymity floor is the notebook's to leave out (its page, FIX63), so
    # that a notebook run by hand shows what the run shows.
    nb = prepare_notebook(
        unit.notebook or notebook, parameters, sections=unit.sections, omit=unit.empty_sections
    )
    return _Job(unit, month, parameters, nb, data_input)


def _export_months(
    units: Sequence[UnitParameters], period: str | None, caches: dict[str, ExportCache]
) -> tuple[dict[str, str], list[str]]:
    """Resolve ``latest`` / ``current`` once per export, for all of its units (FIX58, QA28 #1).

    Each unit reads the export's times in its own zone, so a unit in Asia/Tokyo sees the last
    hours of 31 October (UTC) as 1 November, and would report a November of a few spill-over
    responses while the others report October. The month of an export is the one most of its
    units resolve to (ties: the earliest, complete in more zones); a unit whose own reading
    differs gets it too, with a ``note:`` naming both months.

    Returns
    -------
    tuple of (dict, list)
        The month of each unit whose period is a word, by unit id; the notes for stderr.
    """
    from collections import Counter

    from nps_kit.periods import WORDS

    own: dict[tuple[Path, str], dict[str, str]] = {}
    words: dict[str, str] = {}
    languages = {unit.unit: unit.language for unit in units}
    for unit in units:
        words[unit.unit] = word = period or unit.period
        if word not in WORDS:
            continue
        try:
            month = _resolve_period(unit, period, caches[unit.unit])
        except ConfigError:
            continue  # said again, with its own message, when the unit is prepared
        own.setdefault((unit.data.path, word), {})[unit.unit] = month
    months: dict[str, str] = {}
    notes: list[str] = []
    for (path, _), found in own.items():
        counts = Counter(found.values())
        chosen = min(counts, key=lambda m: (-counts[m], m))
        for unit_id, month in found.items():
            months[unit_id] = chosen
            if month != chosen:
                lang = languages[unit_id]
                word = f"「{words[unit_id]}」" if lang == "ja" else repr(words[unit_id])
                notes.append(
                    t(
                        "run.period_shared",
                        lang,
                        unit=unit_id,
                        word=word,
                        chosen=chosen,
                        export=path.name,
                        count=counts[chosen],
                        n=len(found),
                        month=month,
                    )
                )
    return months, notes


def _resolve_period(unit: UnitParameters, period: str | None, cache: ExportCache) -> str:
    """``resolve_period``, with ``latest`` and ``current`` read from the cache's date range."""
    from nps_kit import clock
    from nps_kit.periods import WORDS, reporting_month

    wanted = period or unit.period
    month = None
    if wanted in WORDS:
        report = cache.report
        now = clock.now(unit.language, unit.timezone)
        month = reporting_month(wanted, report.date_min, report.date_max, now=now)
    return month or resolve_period(unit, period=period)


def build_once(
    unit_id: str,
    *,
    parameters: Path,
    notebook: Path,
    output: Path,
    period: str | None = None,
    cache_dir: Path | None = None,
    kernel: Any = None,
    warn: Callable[[str], None] | None = None,
) -> UnitResult:
    """Validate one unit and build its report on ``kernel`` (for ``run --watch``).

    The unit is prepared as :func:`run_reports` prepares it: its export is read through the
    cache in ``cache_dir`` (default ``<output>/.cache``), built again only when the export or
    the loader options change. ``warn`` is given the warning of a stale export
    (:func:`stale_exports`) before the build.

    Raises
    ------
    ConfigError
        When the unit's parameters are invalid or its period cannot be resolved; when it is
        refused (:class:`~nps_kit._unit_rows.UnitRefused`: its filter matches no row, or it
        has no response in the month), its earlier report of the month is marked not rebuilt
        in the overview first, as ``run`` marks it.
    DataError
        When the export cannot be read.
    """
    from nps_kit.params import load_all

    found = load_all(parameters, units=[unit_id])
    write_manifest_and_overview = _overview_writer(found.overview)
    found.raise_if_errors()
    unit = found.units[unit_id]
    output = Path(output)
    hashes = {unit.data.path: _sha256(unit.data.path)}
    _check_writable(output)
    cache = _build_caches([unit], hashes, cache_folder(output, cache_dir))
    from nps_kit._unit_rows import UnitRefused

    try:
        job = _prepare_job(
            unit, notebook=notebook, period=period, cache=cache[unit.unit], hashes=hashes
        )
    except UnitRefused as exc:
        # As run records it: the month's overview no longer shows its last report as current.
        refused = [_refused_result(unit, exc, hashes[unit.data.path])]
        _record_refusals(write_manifest_and_overview, output, refused, [])
        raise
    if warn is not None:
        for line in stale_exports([(unit, job.period)], period=period):
            warn(line)
        for line in outdated_warnings([(unit, job.nb)]):
            warn(line)
        for line in parameter_notes([(unit, job.nb)]):
            warn(line)
        for line in contact_warnings([unit]):
            warn(line)
        for line in _cache_warnings([(unit, cache[unit.unit])]):
            warn(line)
    with tempfile.TemporaryDirectory(prefix="nps-kit-watch-") as scratch:
        result = _write_unit(job, _execute_unit(job, Path(scratch), kernel), output)
    write_manifest_and_overview(output, job.period, [result])
    return result


def _remove_empty(folder: Path) -> None:
    """Remove ``folder`` and the folders under it when no file is in any of them."""
    for each in sorted((p for p in folder.rglob("*") if p.is_dir()), reverse=True):
        with contextlib.suppress(OSError):
            each.rmdir()
    with contextlib.suppress(OSError):
        folder.rmdir()  # refused when a file is left: then it stays, as it is


def _check_writable(folder: Path) -> None:
    """Fail before any kernel starts when reports cannot be written to ``folder``."""
    from nps_kit._atomic import check_writable

    check_writable(folder, what="reports")


def progress_line(
    result: UnitResult,
    count: int,
    units: Sequence[str],
    *,
    elapsed: float,
    lang: Language = "en",
) -> str:
    """Return the line ``run`` prints when a unit is done: ``[3/12] ec  ok  4.2 s …``.

    Parameters
    ----------
    result
        The unit just done.
    count
        How many units are done, this one included.
    units
        The ids of every unit of the run.
    elapsed
        Seconds since the run started its units.
    lang
        The run's language (its status word, ``s`` or 秒).

    Returns
    -------
    str
        The line, whose columns line up over the whole run: ids are padded to the run's widest
        id by display width (``さくら歯科-大宮院`` takes 17 cells; a long id more than any fixed
        width would give), the count to the width of the total.
    """
    width = max(12, *(display_width(unit) for unit in units))
    total = str(len(units))
    status = t(f"run.status.{result.status}", lang)
    timing = t("run.progress", lang, seconds=f"{result.seconds:6.1f}", elapsed=f"{elapsed:.1f}")
    return f"[{count:>{len(total)}}/{total}] {pad(result.unit, width)} {pad(status, 6)} {timing}"


def _say(stream: TextIO | None, text: str) -> None:
    if stream is not None:
        print(text, file=stream, flush=True)


def _cache_warnings(units: Sequence[tuple[UnitParameters, ExportCache]]) -> list[str]:
    """Return the ``warning:`` lines their export's cache tells of units, before any kernel starts.

    A ``columns.id`` set by hand that repeats (FIX37), a consent question not set, a consent
    question without contact details (FIX87) and a ``data.filter.previous_names`` no row has
    (REVIEW31); then dates read in an order only guessed (QA28 #2), in the unit's language
    (FIX92). What ``run`` and ``run --watch`` say, each line once for the units that earn it
    alike (:func:`_said_once`).
    """
    from nps_kit._unit_rows import (
        consent_warning,
        contact_details_warning,
        previous_names_warning,
    )

    checks = (cached_id_warning, consent_warning, contact_details_warning, previous_names_warning)
    said = [
        (unit.unit, message)
        for unit, cache in units
        for check in checks
        if (message := check(unit, cache))
    ]
    # After the others, as run said them before they shared this list (MSG43).
    said += [
        (unit.unit, cache.report.read_notes(unit.language)[0])
        for unit, cache in units
        if cache.report.date_order_guess is not None
    ]
    return _said_once(said)


def _said_once(said: Iterable[tuple[str, str]]) -> list[str]:
    """Return ``warning: a, b: message`` for each ``(unit, message)``, a message once.

    A warning several units earn alike is said once with their names (``warning: 梅田店,
    札幌大通店: …``), in the order first said: a project of 40 stores without contact details
    read 40 lines of the same sentence (QA42).
    """
    units: dict[str, list[str]] = {}
    for unit, message in said:
        units.setdefault(message, []).append(unit)
    return [f"warning: {', '.join(names)}: {message}" for message, names in units.items()]


def summary_table(result: RunResult, *, lang: Language = "en") -> str:
    """Format the end-of-run table: unit, status, NPS, n, seconds, output path, note.

    In ``lang``, the run's language (FIX90): its header, status words, notes and the failed
    units' lines; ids, figures, paths and the errors of a notebook stay as they are.

    A unit with unreadable dates says how many in its note and is followed by a warning line
    (examples, what to do); failed units are followed by their failing cell and error. A unit
    refused before any kernel started (:attr:`RunResult.skipped`) has a row too, ``refused``
    (or ``no data`` when it has no responses in the month) with the reason in its note; the
    whole message was said before the run's progress lines (:func:`refusal_line`).
    """
    from nps_kit._refusal import reason_text
    from nps_kit._unit_rows import NO_RESPONSES, UnitRefused

    columns = ("unit", "status", "nps", "n", "seconds", "output", "note")
    rows: list[tuple[str, ...]] = [tuple(t(f"run.col.{c}", lang) for c in columns)]
    notes = []
    for r in result.units:
        floor = report_floor(r.parameters)
        # a month under the anonymity floor shows no NPS anywhere: nor here (REVIEW31)
        hidden = r.summary is not None and under_floor(r.summary, floor)
        nps = r.summary.nps if r.summary and not hidden else None
        n = r.summary.n if r.summary else None
        unread = r.summary.unreadable_dates if r.summary else None
        said = r.summary.followup_warnings if r.summary else ()
        rows.append(
            (
                r.unit,
                t(f"run.status.{r.status}", lang),
                # Signed as the reports write it (+1.0, 0.0), ASCII minus: nps_text.
                "-" if nps is None else nps_text(nps, ascii_minus=True),
                "-" if n is None else str(n),
                f"{r.seconds:.1f}",
                str(r.html or r.notebook or "-"),
                "; ".join(
                    note
                    for note in (
                        t("run.note.hidden", lang, floor=floor) if hidden else "",
                        t("run.note.unreadable", lang, n=f"{unread.count:,}") if unread else "",
                        t("run.note.followup", lang, n=len(said)) if said else "",
                    )
                    if note
                ),
            )
        )
        if unread:
            words = unread.words()
            notes.append(f"{r.unit}: warning: {_sentences(words.message(lang), words.hint(lang))}")
        foreign = r.summary.unread_comments if r.summary else None
        if foreign is not None:
            # The report and the e-mail say what it means for their reader; what to do is the
            # analyst's, said here (REVIEW35).
            themes = r.parameters.get("themes_path") or "themes.yaml"
            said_there = _sentences(foreign.message(lang), foreign.hint(lang, themes=str(themes)))
            notes.append(f"{r.unit}: warning: {said_there}")
        notes += [f"{r.unit}: warning: {warning}" for warning in said]
    for unit, error in result.skipped.items():
        status = "no data" if error.key == NO_RESPONSES else "refused"
        reason = (
            (
                reason_text(error.reason_key, error.reason_args, lang)
                if error.reason_key is not None
                else error.reason
            )
            if isinstance(error, UnitRefused)
            else error.message
        )
        rows.append((unit, t(f"run.status.{status}", lang), "-", "-", "-", "-", reason))
    if not notes and not result.skipped and not any(row[-1] for row in rows[1:]):
        # the note column only when a unit has one
        rows = [row[:-1] for row in rows]
    widths = [max(display_width(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(pad(cell, w) for cell, w in zip(row, widths, strict=True)) for row in rows]
    lines += notes
    for r in result.failed:
        err = r.error or {}
        cell = err.get("cell_index")
        ename = err.get("ename")
        if cell is not None:
            where = t("run.failed_at_cell", lang, cell=cell)
        else:  # a timeout names no index, but it happened in a cell (its preview follows)
            which = "run.failed_in_cell" if ename == "CellTimeoutError" else "run.failed_before"
            where = t(which, lang)
        failure = f"{ename}: {err.get('evalue')}"
        lines.append(f"{r.unit}: {t('run.failed', lang, where=where, error=failure)}")
    return "\n".join(line.rstrip() for line in lines)


def _sentences(first: str, second: str) -> str:
    """Join two sentences: a Japanese one closed by 「。」 takes no space."""
    return f"{first}{'' if first.endswith('。') else ' '}{second}"
