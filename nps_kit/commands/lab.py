"""``nps-kit lab``: open JupyterLab on the report notebook, or on one unit's working copy."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from nps_kit.commands._options import (
    add_notebook_option,
    add_parameters_option,
    default_notebook,
)
from nps_kit.errors import ConfigError

__all__ = ["lab_command", "register", "write_working_copy"]


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``lab`` sub-command."""
    p = sub.add_parser(
        "lab",
        help="open JupyterLab on the report notebook, or on one unit's working copy",
        description=(
            "Without UNIT, start JupyterLab on the notebooks folder. With UNIT, write "
            "notebooks/work/<UNIT>_<period>.ipynb: the unit's notebook with its merged, validated "
            "parameters injected as 'nps-kit run' does (not executed), and open it, so 'Run all' "
            "shows that unit's report."
        ),
    )
    p.add_argument("unit", nargs="?", metavar="UNIT", help="unit id (parameters/<UNIT>.yaml)")
    p.add_argument(
        "--period",
        metavar="YYYY-MM",
        help="month to report, 'latest' (complete) or 'current' (default: the unit's)",
    )
    add_parameters_option(p)
    add_notebook_option(p, applies_to="the unit, in place of its own 'notebook:'")
    p.add_argument("--port", type=int, metavar="N", help="port for JupyterLab (default: 8888)")
    p.add_argument(
        "--no-browser", action="store_true", help="start the server without opening a browser"
    )
    p.set_defaults(handler=_lab)


def write_working_copy(
    unit_id: str,
    *,
    parameters: Path,
    period: str | None = None,
    notebook: Path | None = None,
    warn: Callable[[str], None] | None = None,
) -> Path:
    """Write the working copy ``nps-kit lab UNIT`` opens and return its path.

    The copy goes to ``notebooks/work/`` beside the parameters folder (ignored by git): the
    unit's report notebook with the parameters ``nps-kit run`` would inject for ``period``,
    the cache of the export among them (``reports/.cache`` beside the parameters folder,
    built as ``run`` builds it), so the copy reads the unit as the run does. ``warn`` is
    given the warning ``run`` prints when ``latest`` resolves to a month before the last
    ended one (:func:`nps_kit.run.stale_exports`).

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
    from nps_kit.run import CACHE_DIR, export_cache, stale_exports

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
    cache = export_cache(unit, cache_dir=root / "reports" / CACHE_DIR)
    return working_copy(
        source,
        {**notebook_parameters(unit, period=month), "data_cache": str(cache)},
        folder=folder,
        name=f"{safe_name(unit.unit)}_{month}.ipynb",
        sections=unit.sections,
        omit=unit.empty_sections,
    )


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
        if args.period:
            raise ConfigError(
                "--period needs a UNIT: the notebook alone shows its own defaults.",
                hint="Run 'nps-kit lab UNIT --period YYYY-MM'.",
            )
        target = Path(args.parameters).resolve().parent / "notebooks"
        if not target.is_dir():
            target = Path.cwd()
    else:
        target = write_working_copy(
            args.unit,
            parameters=args.parameters,
            period=args.period,
            notebook=args.notebook,
            warn=lambda line: print(line, file=sys.stderr, flush=True),
        )
        print(f"working copy: {target}", file=sys.stderr, flush=True)
    try:
        return subprocess.call(lab_command(target, port=args.port, browser=not args.no_browser))
    except KeyboardInterrupt:
        return 0
