"""Warm Jupyter kernels that run many notebooks one after the other.

Starting a kernel and importing pandas, matplotlib and nps_kit costs more than most report
notebooks take to run, so the runner keeps one kernel per worker thread and reuses it. Between
notebooks the kernel is reset (``%reset -f``, figures closed, matplotlib rc, warning filters and
pandas options restored to the state right after the imports), so one unit cannot see another's
variables. Each kernel belongs to the thread that started it: its ZeroMQ channels live on that
thread's event loop.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import nbformat
from jupyter_client.manager import AsyncKernelManager
from jupyter_core.utils import run_sync
from papermill.clientwrap import PapermillNotebookClient
from papermill.engines import NBClientEngine, papermill_engines
from papermill.log import logger

__all__ = ["KERNEL_ARGUMENTS", "PRELOAD", "KernelStartError", "WarmKernel"]

# The kernel logs a warning about its local TCP transport to the terminal at every start, and an
# ERROR 'KeyboardInterrupt caught in kernel' when a loaded machine makes jupyter_client interrupt
# it at shutdown; cell errors, outputs and a dead kernel reach the run through the channels, not
# the log, so the log keeps only critical lines. Input history
# goes to an SQLite file that units never read; with it off, resetting the execution count
# between units cannot clash with earlier line numbers. Warm and fresh kernels start alike.
KERNEL_ARGUMENTS: tuple[str, ...] = (
    "--IPKernelApp.log_level=CRITICAL",
    "--HistoryManager.enabled=False",
)

PRELOAD: tuple[str, ...] = (
    "numpy",
    "pandas",
    "matplotlib.pyplot",
    "seaborn",
    "nps_kit",
    "nps_kit.load",
    "nps_kit.score",
    "nps_kit.report",
    "nps_kit.plot",
    "nps_kit.followup",
    "nps_kit.drivers",
    "nps_kit.text.themes",
    "nps_kit.text.words",
    "nps_kit.strategy",
    "nps_kit.text",
    "nps_kit.text.redaction",
    "nps_kit.unit",
    "nps_kit.analysis",
    "nps_kit.sections",
)

# Runs once after start-up: import the heavy modules, then remember the clean state to restore.
_WARM_UP = """
import importlib as _il, sys as _sys, types as _types, warnings as _w
for _name in {modules!r}:
    try:
        _il.import_module(_name)
    except ImportError:
        pass
import matplotlib as _m
_state = _types.ModuleType("_nps_kit_warm")
_state.rc = {{k: v for k, v in _m.rcParams.items() if k != "backend"}}
_state.filters = list(_w.filters)
_sys.modules["_nps_kit_warm"] = _state
"""

_RESET = """
def _nps_kit_forget(ip):
    # Like %reset -f, but without its gc.collect() over the whole warm heap (~0.2 s a unit):
    # dropping every user name and cached output frees the objects; the cyclic collector
    # still runs on its own.
    ip.history_manager.reset(new_session=False)  # In/Out and the input history
    for name in [n for n in ip.user_ns if n not in ip.user_ns_hidden]:
        del ip.user_ns[name]
    hook = ip.displayhook
    hook._, hook.__, hook.___ = "", "", ""
    ip.user_ns.update({"_": "", "__": "", "___": "", "_i": "", "_ii": "", "_iii": ""})
_nps_kit_forget(get_ipython())
import sys as _sys, warnings as _w, matplotlib as _m, matplotlib.pyplot as _p
_p.close("all")
_m.rcParams.update(_sys.modules["_nps_kit_warm"].rc)
_w.filters[:] = _sys.modules["_nps_kit_warm"].filters
if "pandas" in _sys.modules:
    with _w.catch_warnings():
        _w.simplefilter("ignore")
        _sys.modules["pandas"].reset_option("all")
get_ipython().execution_count = 1
del _sys, _w, _m, _p
"""


ENGINE = "nps_kit_warm"
#: Seconds to wait for a cell's output messages after its reply. nbclient's default is 4 and
#: papermill raises when it passes (``raise_on_iopub_timeout``): on a busy machine a unit
#: failed with "Timeout waiting for IOPub output" and passed alone in 9 s (BROWSE35). A cell's
#: own run time is not limited by this; a kernel that died is still found by nbclient.
IOPUB_TIMEOUT = 120


class _WarmEngine(NBClientEngine):
    """papermill's nbclient engine, on a kernel that is already running.

    ``kc`` is not a constructor argument of nbclient's client (it would be dropped and a new
    client opened per notebook, never closed), so it is set on the client after construction.
    """

    @classmethod
    def execute_managed_notebook(
        cls,
        nb_man: Any,
        kernel_name: str,
        log_output: bool = False,
        stdout_file: Any = None,
        stderr_file: Any = None,
        start_timeout: float = 60,
        execution_timeout: float | None = None,
        warm_kernel: WarmKernel | None = None,
        **kwargs: Any,
    ) -> Any:
        assert warm_kernel is not None and warm_kernel.km is not None
        client = PapermillNotebookClient(
            nb_man,
            km=warm_kernel.km,
            kernel_name=kernel_name,
            timeout=execution_timeout,
            startup_timeout=start_timeout,
            iopub_timeout=kwargs.get("iopub_timeout", IOPUB_TIMEOUT),
            log=logger,
            log_output=log_output,
            stdout_file=stdout_file,
            stderr_file=stderr_file,
        )
        client.kc = warm_kernel.kc
        return client.execute()


papermill_engines.register(ENGINE, _WarmEngine)


class KernelStartError(RuntimeError):
    """A kernel could not be started (after retries)."""


class WarmKernel:
    """One kernel, started once, reset between notebooks.

    Parameters
    ----------
    kernel_name
        Jupyter kernel name, e.g. ``"python3"``.
    preload
        Modules imported at start-up (missing ones are skipped).
    startup_timeout
        Seconds to wait for the kernel to answer.
    """

    def __init__(
        self,
        *,
        kernel_name: str = "python3",
        preload: Sequence[str] = PRELOAD,
        startup_timeout: float = 60,
    ) -> None:
        self.kernel_name = kernel_name
        self.preload = tuple(preload)
        self.startup_timeout = startup_timeout
        self.km: AsyncKernelManager | None = None
        self.kc: Any = None

    def start(self, *, attempts: int = 3) -> None:
        """Start the kernel and import :data:`PRELOAD`, retrying up to ``attempts`` times."""
        error: BaseException | None = None
        for _ in range(attempts):
            try:
                self._start_once()
                return
            except Exception as exc:
                error = exc
                self.shutdown()
        raise KernelStartError(
            f"kernel {self.kernel_name!r} did not start after {attempts} attempts: {error}"
        ) from error

    def _start_once(self) -> None:
        self.km = AsyncKernelManager(kernel_name=self.kernel_name)
        run_sync(self.km.start_kernel)(extra_arguments=list(KERNEL_ARGUMENTS))
        self.kc = self.km.client()
        self.kc.start_channels()
        run_sync(self.kc.wait_for_ready)(timeout=self.startup_timeout)
        self.run_code(_WARM_UP.format(modules=self.preload))

    @property
    def alive(self) -> bool:
        """Whether the kernel process is running."""
        return self.km is not None and bool(run_sync(self.km.is_alive)())

    def run_code(self, code: str, *, timeout: float = 120) -> None:
        """Run ``code`` silently in the kernel; raise ``RuntimeError`` if it fails.

        Goes through :class:`nbclient.NotebookClient`, like the notebooks do: mixing raw
        ``execute_interactive`` calls with nbclient on one client loses iopub messages.
        """
        from nbclient import NotebookClient

        nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(code)])
        client = NotebookClient(nb, km=self.km, kernel_name=self.kernel_name, timeout=timeout)
        client.kc = self.kc  # not a constructor argument: see _WarmEngine
        try:
            client.execute()
        except Exception as exc:
            raise RuntimeError(f"kernel set-up code failed: {exc}") from exc

    def reset(self) -> None:
        """Forget the previous notebook: namespace, figures, rc, warning filters, options."""
        self.run_code(_RESET)

    def execute(self, nb: nbformat.NotebookNode, output_path: Path) -> nbformat.NotebookNode:
        """Execute a parameterised notebook with papermill on this kernel.

        The kernel is reset first. Raises papermill's ``PapermillExecutionError`` (after writing
        ``output_path``) when a cell fails, like :func:`papermill.execute_notebook`.
        """
        import papermill

        if not self.alive:
            self.shutdown()
            self.start()
        self.reset()
        result: nbformat.NotebookNode = papermill.execute_notebook(
            nb,
            str(output_path),
            kernel_name=self.kernel_name,
            progress_bar=False,
            engine_name=ENGINE,
            warm_kernel=self,
            request_save_on_cell_execute=False,
        )
        return result

    def kill(self) -> None:
        """Kill the kernel process and remove its connection file, from any thread.

        For an interrupted run: :meth:`shutdown` talks to the kernel on the owning thread's
        event loop, which is busy executing; a signal and an unlink need no loop.
        """
        km = self.km
        if km is None:
            return
        process = getattr(km.provisioner, "process", None)
        if process is not None:
            process.kill()
        if km.connection_file:
            Path(km.connection_file).unlink(missing_ok=True)

    def shutdown(self) -> None:
        """Stop the channels and the kernel; safe to call twice."""
        if self.kc is not None:
            try:
                self.kc.stop_channels()
            except Exception:  # already closed: nothing left to clean up
                pass
            self.kc = None
        if self.km is not None:
            try:
                if run_sync(self.km.is_alive)():
                    run_sync(self.km.shutdown_kernel)(now=True)
                run_sync(self.km.cleanup_resources)()
            except Exception:  # the process is gone already
                pass
            self.km = None
