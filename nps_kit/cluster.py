"""Run units on a Dask cluster: one task per unit, warm kernels on every worker.

The client (``nps-kit run --scheduler tcp://HOST:8786``) validates the parameters, builds the
export caches and parameterises the notebooks as for a local run, then submits one task per
unit. Each worker keeps one warm kernel per worker thread (:class:`WarmKernels`, a worker
plugin), executes the unit's notebook, checks and renders it, and hands back the executed
notebook, the HTML and the summary; the client writes them atomically and builds the manifest
and overview exactly as a local run does. A worker that dies takes its unit with it and the
scheduler runs that unit again elsewhere.

Workers must see the export caches (and the exports, for units without a cache) at the same
paths as the client: a shared filesystem.
"""

from __future__ import annotations

import tempfile
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from distributed import WorkerPlugin

from nps_kit.errors import ConfigError

if TYPE_CHECKING:
    from nps_kit.i18n import Language
    from nps_kit.run import UnitResult
    from nps_kit.run._execute import _Executed
    from nps_kit.run._jobs import _Job

__all__ = ["PLUGIN_NAME", "WarmKernels", "run_on_cluster"]

PLUGIN_NAME = "nps-kit-warm-kernels"


class WarmKernels(WorkerPlugin):
    """Dask worker plugin: one warm Jupyter kernel per worker thread, started on first use.

    A kernel's channels belong to the thread that started it (see :mod:`nps_kit._kernels`), and
    a worker runs tasks on a fixed pool of threads, so each thread keeps its own kernel. The
    plugin is pickled to the workers, so its thread state is made there, in :meth:`setup`.
    """

    name = PLUGIN_NAME

    def __init__(self, kernel_name: str = "python3") -> None:
        self.kernel_name = kernel_name

    def setup(self, worker: Any) -> None:
        """Prepare the per-thread kernel registry; kernels start when a unit arrives."""
        self._local = threading.local()
        self._kernels: list[Any] = []
        self._lock = threading.Lock()

    def kernel(self) -> Any:
        """Return this thread's warm kernel, starting it if needed."""
        from nps_kit._kernels import WarmKernel

        kernel = getattr(self._local, "kernel", None)
        if kernel is None:
            kernel = WarmKernel(kernel_name=self.kernel_name)
            kernel.start()
            self._local.kernel = kernel
            with self._lock:
                self._kernels.append(kernel)
        return kernel

    def teardown(self, worker: Any) -> None:
        """Shut every kernel down when the worker closes."""
        with self._lock:
            for kernel in self._kernels:
                kernel.shutdown()
            self._kernels.clear()


def _execute_remote(job: _Job) -> _Executed:
    """Execute and render one unit on this worker's warm kernel (the task)."""
    from distributed import get_worker

    from nps_kit.run._execute import _execute_unit

    plugin: WarmKernels = get_worker().plugins[PLUGIN_NAME]  # type: ignore[assignment]
    with tempfile.TemporaryDirectory(prefix="nps-kit-") as scratch:
        return _execute_unit(job, Path(scratch), plugin.kernel())


def connect(address: str, *, timeout: float = 30) -> Any:
    """Return a ``distributed.Client`` for ``address``, or a clear error.

    Raises
    ------
    ConfigError
        When the scheduler does not answer.
    """
    from distributed import Client

    try:
        return Client(address, timeout=timeout)
    except (OSError, TimeoutError) as exc:
        raise ConfigError(
            f"--scheduler: no Dask scheduler answered at {address} within {timeout:g} s ({exc}).",
            hint="Start one with 'dask scheduler' and workers with 'dask worker ADDRESS', or "
            "drop --scheduler to run on this machine.",
        ) from exc


def run_on_cluster(
    jobs: Sequence[_Job],
    *,
    client: Any,
    output: Path,
    kernel_name: str = "python3",
    progress: TextIO | None = None,
    language: Language = "en",
) -> list[UnitResult]:
    """Run ``jobs`` as Dask tasks and write each unit's files as its result arrives.

    Parameters
    ----------
    jobs
        Parameterised units (see :func:`nps_kit.run.run_reports`).
    client
        A connected ``distributed.Client``.
    output
        The reports folder on the client's machine.
    kernel_name
        Jupyter kernel the workers start.
    progress
        Where progress lines go.
    language
        Their language (:func:`nps_kit.run.progress_line`).

    Returns
    -------
    list of UnitResult
        In the order of ``jobs``. A unit whose task could not finish (e.g. its workers kept
        dying) is failed with ``ename`` ``"WorkerError"``; the others are unaffected.
    """
    from distributed import as_completed

    from nps_kit.run import progress_line
    from nps_kit.run._execute import _failed_without_kernel, _write_unit
    from nps_kit.run._lines import _say

    client.register_plugin(WarmKernels(kernel_name), name=PLUGIN_NAME)
    futures = {client.submit(_execute_remote, job, pure=False): job for job in jobs}
    done: dict[str, UnitResult] = {}
    ids = [job.unit.unit for job in jobs]
    start = time.perf_counter()
    for future in as_completed(futures):
        job = futures[future]
        try:
            executed = future.result()
        except Exception as exc:  # lost too many workers, unpicklable result: this unit only
            result = _failed_without_kernel(job, f"{type(exc).__name__}: {exc}")
        else:
            (output / job.period).mkdir(parents=True, exist_ok=True)
            result = _write_unit(job, executed, output)
        done[job.unit.unit] = result
        elapsed = time.perf_counter() - start
        _say(progress, progress_line(result, len(done), ids, elapsed=elapsed, lang=language))
    return [done[job.unit.unit] for job in jobs]
