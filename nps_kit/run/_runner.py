"""The parallel run: :func:`run_reports`, and :func:`build_once` for ``run --watch``.

Units refused before any kernel, the rest run on warm kernels (threads, or a Dask cluster), an
interrupt closing the run with the finished units recorded.
"""

from __future__ import annotations

import contextlib
import os
import queue
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TextIO

from nps_kit._notebook_lines import outdated_warnings, parameter_notes
from nps_kit._renames import shared_selections
from nps_kit.errors import ConfigError, NpsKitError
from nps_kit.i18n import Language, join_names, t
from nps_kit.params import Overview, UnitParameters
from nps_kit.run._caches import _build_caches, _sha256, cache_folder
from nps_kit.run._execute import (
    _Commits,
    _execute_unit,
    _failed_without_kernel,
    _worker,
    _write_unit,
)
from nps_kit.run._jobs import _export_months, _prepare_job
from nps_kit.run._lines import (
    _cache_warnings,
    _say,
    contact_warnings,
    playbook_notes,
    progress_line,
    refusal_line,
    stale_exports,
)
from nps_kit.run._refused import _record_refusals, _refused_result
from nps_kit.run._results import RunResult, UnitResult, _overview_writer

if TYPE_CHECKING:
    from nps_kit._unit_rows import ExportRows
    from nps_kit.run._jobs import _Job


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
