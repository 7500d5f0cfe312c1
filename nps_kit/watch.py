"""``nps-kit run UNIT --watch``: rebuild one unit's report whenever its sources change.

For an analyst iterating on a section with the report open in a browser: the unit's report is
built once, then again each time the notebook (either file of its jupytext pair), the unit's
YAML, ``defaults.yaml``, the themes or playbook file, or the export changes. One warm kernel
serves every rebuild. A parameter error or a failing cell is printed and the watch goes on.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import TextIO

from nps_kit.errors import NpsKitError

__all__ = ["watch_unit"]


def _sources(parameters: Path, unit_id: str, notebook: Path) -> list[Path | None]:
    from nps_kit.notebook import paired_path
    from nps_kit.params import DEFAULTS_FILE, load_all

    files: list[Path | None] = [
        parameters / f"{unit_id}.yaml",
        parameters / DEFAULTS_FILE,
        notebook,
        paired_path(notebook),
    ]
    try:
        unit = load_all(parameters, units=[unit_id]).units.get(unit_id)
    except NpsKitError:
        unit = None
    if unit is not None:
        own = unit.notebook
        files += [unit.data.path, unit.themes, unit.playbook, own, own and paired_path(own)]
        files += _drop_sources(unit.data.path)
    return files


def _drop_sources(path: Path) -> list[Path | None]:
    """Return the files of a data drop (a folder or glob): a late file added is a change."""
    from nps_kit._drop import drop_files, is_drop

    if not is_drop(path):
        return []
    try:
        return list(drop_files(path))
    except NpsKitError:
        return []  # an empty drop: the build says so


def watch_unit(
    unit_id: str,
    *,
    parameters: Path,
    notebook: Path,
    output: Path,
    period: str | None = None,
    cache_dir: Path | None = None,
    progress: TextIO | None = None,
    stop: threading.Event | None = None,
    poll: float = 0.5,
) -> None:
    """Build ``unit_id``'s report, then rebuild it after every change of its sources.

    Parameters
    ----------
    unit_id
        The unit (``parameters/<unit_id>.yaml``).
    parameters, notebook, output, period, cache_dir
        As for ``nps-kit run``.
    progress
        Where the build lines go, and once the warning of an export whose ``latest`` month is
        not the last ended one (as ``run`` says it).
    stop
        Set it to end the watch (the command line ends it with Ctrl-C).
    poll
        Seconds between looks at the files' modification times.
    """
    from nps_kit._kernels import WarmKernel
    from nps_kit.notebook import watched_files
    from nps_kit.run import build_once

    stop = stop or threading.Event()
    said: set[str] = set()

    def warn(line: str) -> None:
        # Once per watch, not at every rebuild; a new warning (the export changed) is said.
        if progress is not None and line not in said:
            said.add(line)
            print(line, file=progress, flush=True)

    kernel = WarmKernel()
    kernel.start()
    try:
        seen: dict[Path, int] = {}
        while not stop.is_set():
            current = watched_files(_sources(parameters, unit_id, notebook))
            if current != seen:
                seen = current
                try:
                    result = build_once(
                        unit_id,
                        parameters=parameters,
                        notebook=notebook,
                        output=output,
                        period=period,
                        cache_dir=cache_dir,
                        kernel=kernel,
                        warn=warn,
                    )
                    line = f"{result.unit}: {result.status} in {result.seconds:.1f} s"
                    if result.error:
                        line += f" ({result.error.get('ename')}: {result.error.get('evalue')})"
                    line += f" → {result.html or result.notebook}"
                except NpsKitError as exc:
                    line = f"{unit_id}: error: {exc}"
                if progress is not None:
                    stamp = time.strftime("%H:%M:%S")
                    print(f"[{stamp}] {line}; watching for changes (Ctrl-C to stop)", file=progress)
                    progress.flush()
            stop.wait(poll)
    finally:
        kernel.shutdown()
