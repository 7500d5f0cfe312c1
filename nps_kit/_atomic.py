"""Atomic file writes: a reader sees the old file or the new one, never half of one.

Every file nps-kit writes for others to read (reports, notebooks, manifest, overview, e-mails) is
written to a temporary file in the same folder and moved over the target with ``os.replace``.
Logs that only grow (the send and alert logs) are appended one whole line at a time, forced to
disk before the call returns (:func:`append_line`).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

__all__ = ["append_line", "atomic_write", "atomic_write_bytes", "atomic_write_text"]


def atomic_write(path: Path, write: Callable[[Path], object]) -> Path:
    """Call ``write(tmp)`` on a temporary file next to ``path``, then move it over ``path``.

    Parameters
    ----------
    path
        The target; its folder is created when missing.
    write
        Writes the content to the path it is given.

    Returns
    -------
    Path
        ``path``. The file is readable by everyone (0644): reports are meant to be shared. When
        ``write`` fails, the temporary file is removed and ``path`` is left as it was.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(fd)
    tmp = Path(name)
    try:
        write(tmp)
        tmp.chmod(0o644)  # mkstemp makes it private
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return path


def atomic_write_bytes(path: Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` atomically (see :func:`atomic_write`)."""
    return atomic_write(path, lambda tmp: tmp.write_bytes(data))


def atomic_write_text(path: Path, text: str) -> Path:
    """Write ``text`` as UTF-8 (line ends as given) to ``path`` atomically."""
    return atomic_write_bytes(path, text.encode("utf-8"))


def append_line(path: Path, line: str) -> None:
    """Append ``line`` and a newline to ``path`` and force it to disk (flush + fsync).

    Parameters
    ----------
    path
        The log file; it and its folder are created when missing.
    line
        One line of text, without its newline.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a", encoding="utf-8") as handle:
        handle.write(line + "\n")
        handle.flush()
        os.fsync(handle.fileno())
