"""``nps-kit lab``: open JupyterLab on the report notebook, or on one unit's working copy."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import signal
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from nps_kit.commands._options import (
    add_notebook_option,
    add_parameters_option,
    default_notebook,
)
from nps_kit.errors import ConfigError
from nps_kit.i18n import Language, t

if TYPE_CHECKING:
    from nps_kit.params import UnitParameters

__all__ = ["WorkingCopy", "lab_command", "register", "serve", "write_working_copy"]

#: Folder (under ``notebooks/work/``) where ``--fresh`` moves an earlier copy.
BACKUP_DIR = "backup"

#: Seconds the server has to stop cleanly (its kernels, its runtime files) before it is killed.
STOP_GRACE = 15.0

#: The signals that stop ``nps-kit lab`` and, with it, the server it started: Ctrl-C, ``kill``
#: (a scheduler, an IDE closing its terminal) and a closed terminal.
_STOP_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name)
)


@dataclass(frozen=True)
class WorkingCopy:
    """The working copy ``nps-kit lab UNIT`` opens.

    Attributes
    ----------
    path
        ``notebooks/work/<unit id>_<period>.ipynb``.
    unit
        The unit id.
    period
        The month it reports (``YYYY-MM``).
    kept
        True when the copy already existed and is opened as it is (the analyst's edits kept).
    backup
        Where ``fresh`` moved the earlier copy before writing a new one, else None.
    """

    path: Path
    unit: str
    period: str
    kept: bool
    backup: Path | None = None
    #: A kept copy reads the export as it was when the copy was written: set when the export
    #: has changed since (its cache is not the current one), to say so.
    older_export: bool = False

    def message(self) -> str:
        """Return what ``nps-kit lab`` says about the copy (one paragraph)."""
        if not self.kept:
            said = f"working copy: {self.path}"
            if self.backup is not None:
                said += f" (new; your earlier copy was moved to {self.backup})"
            return said
        return (
            f"working copy: {self.path} (yours, opened as it is, with your edits; it was written "
            f"{_mtime(self.path)}). To start again from the project's notebook, run "
            f"'nps-kit lab {self.unit} --period {self.period} --fresh': your copy is first "
            f"moved to {self.path.parent / BACKUP_DIR}/."
            + (
                " Note: the export has changed since the copy was written, and the copy still "
                "reads it as it was then; --fresh reads the current one."
                if self.older_export
                else ""
            )
        )


def _mtime(path: Path) -> str:
    return dt.datetime.fromtimestamp(path.stat().st_mtime).strftime("%Y-%m-%d %H:%M")


def _cache_of(copy: Path) -> str | None:
    """Return the export cache a working copy was written to read (None if it cannot say)."""
    import nbformat

    try:
        nb = nbformat.read(copy, as_version=4)
        value = nb.metadata["papermill"]["parameters"]["data_cache"]
    except Exception:  # an analyst's file: whatever it holds, it is still opened as it is
        return None
    return value if isinstance(value, str) else None


def _backup(path: Path) -> Path:
    """Move ``path`` to ``backup/<stem>_<YYYYmmdd-HHMMSS>.ipynb`` beside it; return the new path."""
    folder = path.parent / BACKUP_DIR
    folder.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.fromtimestamp(path.stat().st_mtime).strftime("%Y%m%d-%H%M%S")
    target = folder / f"{path.stem}_{stamp}{path.suffix}"
    n = 1
    while target.exists():
        n += 1
        target = folder / f"{path.stem}_{stamp}-{n}{path.suffix}"
    path.replace(target)
    return target


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser], lang: Language) -> None:
    """Add the ``lab`` sub-command."""
    p = sub.add_parser(
        "lab",
        help=t("help.lab", lang),
        description=t("help.lab.about", lang),
    )
    p.add_argument("unit", nargs="?", metavar="UNIT", help=t("help.lab.unit", lang))
    p.add_argument(
        "--period",
        metavar="YYYY-MM",
        help=t("help.lab.period", lang),
    )
    add_parameters_option(p, lang)
    add_notebook_option(p, lang, command="lab")
    p.add_argument("--port", type=int, metavar="N", help=t("help.lab.port", lang))
    p.add_argument("--no-browser", action="store_true", help=t("help.lab.no_browser", lang))
    p.add_argument(
        "--fresh",
        action="store_true",
        help=t("help.lab.fresh", lang),
    )
    p.set_defaults(handler=_lab)


def write_working_copy(
    unit_id: str,
    *,
    parameters: Path,
    period: str | None = None,
    notebook: Path | None = None,
    fresh: bool = False,
    warn: Callable[[str], None] | None = None,
) -> WorkingCopy:
    """Write the working copy ``nps-kit lab UNIT`` opens, unless it exists, and return it.

    The copy goes to ``notebooks/work/`` beside the parameters folder (ignored by git): the
    unit's report notebook with the parameters ``nps-kit run`` would inject for ``period``,
    the cache of the export among them (``reports/.cache`` beside the parameters folder,
    built as ``run`` builds it), so the copy reads the unit as the run does. ``warn`` is
    given the warning ``run`` prints when ``latest`` resolves to a month before the last
    ended one (:func:`nps_kit.run.stale_exports`).

    The copy is named by the unit id as it is (:func:`nps_kit.notebook.safe_name`: Japanese
    letters kept, so two units never share a file) and the period. A copy that exists is the
    analyst's work: it is never written over, but opened as it is (``kept``; ``older_export``
    when the export has changed since it was written), unless ``fresh``, which first moves it
    to ``notebooks/work/backup/<name>_<its time>.ipynb``.

    Raises
    ------
    ConfigError
        When the unit's parameters are invalid, the unit does not exist, or the period cannot
        be resolved.
    DataError
        When the export cannot be read as the parameters say (the CLI says why, as ``run``).
    """
    from nps_kit.notebook import safe_name, working_copy
    from nps_kit.params import load_all, notebook_parameters, resolve_period
    from nps_kit.run import cache_folder, export_cache, stale_exports

    found = load_all(parameters, units=[unit_id])
    found.raise_if_errors()
    unit = found.units[unit_id]
    month = resolve_period(unit, period=period)
    if warn is not None:
        for line in stale_exports([(unit, month)], period=period):
            warn(line)
    source = notebook or unit.notebook or default_notebook(parameters)
    root = Path(parameters).resolve().parent
    folder = root / "notebooks" / "work"
    name = f"{safe_name(unit.unit)}_{month}.ipynb"
    backup = None
    cache = export_cache(unit, cache_dir=cache_folder(root / "reports"))
    if (folder / name).exists():
        if not fresh:
            older = _cache_of(folder / name) not in (None, str(cache))
            _parameter_notes(unit, folder / name, folder / name, warn)
            return WorkingCopy(folder / name, unit.unit, month, kept=True, older_export=older)
        backup = _backup(folder / name)
    path = working_copy(
        source,
        {**notebook_parameters(unit, period=month), "data_cache": str(cache)},
        folder=folder,
        name=name,
        sections=unit.sections,
        omit=unit.empty_sections,
    )
    _parameter_notes(unit, path, Path(source), warn)
    return WorkingCopy(path, unit.unit, month, kept=False, backup=backup)


def _parameter_notes(
    unit: UnitParameters, copy: Path, named: Path, warn: Callable[[str], None] | None
) -> None:
    """Say, as ``run`` does, which parameters ``copy``'s parameters cell lacks (``named``'s)."""
    if warn is None:
        return
    import nbformat

    from nps_kit._notebook_lines import parameter_notes

    try:
        nb = nbformat.read(copy, as_version=4)
    except Exception:  # an analyst's file: whatever it holds, it is still opened as it is
        return
    nb.metadata.setdefault("papermill", {})["input_path"] = str(named)
    for line in parameter_notes([(unit, nb)]):
        warn(line)


def lab_command(target: Path, *, port: int | None, browser: bool) -> list[str]:
    """Return the JupyterLab command line that opens ``target`` (a notebook or a folder)."""
    command = [sys.executable, "-m", "jupyterlab"]
    if target.is_dir():
        command.append(f"--ServerApp.root_dir={target}")
    else:
        command += [f"--ServerApp.root_dir={target.parent}", str(target)]
    if port is not None:
        command.append(f"--ServerApp.port={port}")
    if not browser:
        command.append("--no-browser")
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.append("--allow-root")  # containers and CI run as root; Jupyter refuses without
    return command


def _lab(args: argparse.Namespace) -> int:
    if args.port is not None and not 0 < args.port < 65536:
        raise ConfigError(f"--port: expected a port number 1-65535; found {args.port}.")
    if args.unit is None:
        if args.fresh:
            raise ConfigError(
                "--fresh needs a UNIT: it starts that unit's working copy again.",
                hint="Run 'nps-kit lab UNIT --fresh'.",
            )
        if args.period:
            raise ConfigError(
                "--period needs a UNIT: the notebook alone shows its own defaults.",
                hint="Run 'nps-kit lab UNIT --period YYYY-MM'.",
            )
        target = Path(args.parameters).resolve().parent / "notebooks"
        if not target.is_dir():
            target = Path.cwd()
    else:
        copy = write_working_copy(
            args.unit,
            parameters=args.parameters,
            period=args.period,
            notebook=args.notebook,
            fresh=args.fresh,
            warn=lambda line: print(line, file=sys.stderr, flush=True),
        )
        print(copy.message(), file=sys.stderr, flush=True)
        target = copy.path
    return serve(lab_command(target, port=args.port, browser=not args.no_browser))


class _Stop(Exception):
    """A stop signal received while the server runs."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


@contextmanager
def _stop_signals_raise() -> Iterator[None]:
    def handler(signum: int, frame: object) -> None:
        raise _Stop(signum)

    before = {sig: signal.signal(sig, handler) for sig in _STOP_SIGNALS}
    try:
        yield
    finally:
        for sig, old in before.items():
            signal.signal(sig, old)


def _signal_group(proc: subprocess.Popen[bytes], sig: int) -> None:
    try:
        if os.name == "posix":
            os.killpg(proc.pid, sig)
        elif proc.poll() is None:
            proc.send_signal(sig)
    except (ProcessLookupError, PermissionError):
        pass  # already gone


#: prctl(2) option: the signal the kernel sends a process when the thread that made it ends.
_PR_SET_PDEATHSIG = 1


def _parent_death_signal() -> Callable[[], None] | None:
    """Return a ``preexec_fn`` that has the server stopped when ``nps-kit lab`` dies (Linux).

    ``kill -9`` (an out-of-memory kill, an IDE killing its terminal's process) ends
    ``nps-kit lab`` before it can stop the server, which was left running under PID 1 holding
    its port. With PR_SET_PDEATHSIG the kernel itself sends the server SIGTERM then, which
    Jupyter answers as a clean stop (kernels shut down, runtime files removed). Elsewhere
    there is no such call and nothing is done.
    """
    if not sys.platform.startswith("linux"):
        return None
    import ctypes

    parent = os.getpid()
    # Looked up here, in the parent: the child between fork and exec only makes the call.
    prctl = ctypes.CDLL(None, use_errno=True).prctl

    def preexec() -> None:
        prctl(_PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)
        if os.getppid() != parent:  # died before the call took effect: nobody would stop us
            os.kill(os.getpid(), signal.SIGTERM)

    return preexec


def serve(command: list[str], *, grace: float = STOP_GRACE) -> int:
    """Run the JupyterLab server ``command`` until it ends, and never leave it behind.

    The server runs in a process group of its own, so that only ``nps-kit lab`` receives
    Ctrl-C, ``kill`` and a closed terminal's hang-up. On any of them it asks the server to
    stop (SIGTERM, which Jupyter answers by shutting its kernels down and removing its runtime
    files), waits up to ``grace`` seconds, then kills what is left of the group. Before this,
    ``kill`` ended ``nps-kit lab`` alone and left the server running under PID 1, holding its
    port, one per call; Ctrl-C killed it without letting it clean up. ``kill -9``, which no
    handler sees, stops the server too on Linux (:func:`_parent_death_signal`).

    Returns
    -------
    int
        The server's exit code; 0 after Ctrl-C (the usual way to stop JupyterLab), and 128 +
        the signal's number after ``kill`` or a hang-up, as a shell reports it.
    """
    with _stop_signals_raise():
        try:
            proc = subprocess.Popen(
                command,
                start_new_session=os.name == "posix",
                preexec_fn=_parent_death_signal(),
            )
        except _Stop as stop:
            return 0 if stop.signum == signal.SIGINT else 128 + stop.signum
        try:
            return proc.wait()
        except (_Stop, KeyboardInterrupt) as stop:
            signum = stop.signum if isinstance(stop, _Stop) else signal.SIGINT
            _stop_server(proc, grace=grace)
            return 0 if signum == signal.SIGINT else 128 + signum
        finally:
            if proc.poll() is None:  # an error of ours: the server still goes with us
                _stop_server(proc, grace=grace)


def _stop_server(proc: subprocess.Popen[bytes], *, grace: float) -> None:
    """SIGTERM the server's group, wait up to ``grace`` seconds, then SIGKILL what is left.

    A second stop signal while waiting (Ctrl-C pressed again) kills at once.
    """
    _signal_group(proc, signal.SIGTERM)
    try:
        proc.wait(timeout=grace)
    except (subprocess.TimeoutExpired, _Stop, KeyboardInterrupt):
        pass
    _signal_group(proc, getattr(signal, "SIGKILL", signal.SIGTERM))
    with _ignoring_stop_signals():
        proc.wait()


@contextmanager
def _ignoring_stop_signals() -> Iterator[None]:
    before = {sig: signal.signal(sig, signal.SIG_IGN) for sig in _STOP_SIGNALS}
    try:
        yield
    finally:
        for sig, old in before.items():
            signal.signal(sig, old)
