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

__all__ = [
    "append_line",
    "atomic_write",
    "atomic_write_bytes",
    "atomic_write_text",
    "cannot_write",
    "check_writable",
]


def cannot_write(folder: Path) -> OSError | None:
    """Return why files cannot be written in ``folder`` (created when missing), else ``None``.

    Tried, not asked: ``os.access`` says yes to root in a folder without write permission and
    knows nothing of a share mounted read-only. The probe file is removed at once.

    Parameters
    ----------
    folder
        The folder files would be written to.

    Returns
    -------
    OSError or None
        The error a write there raised (read-only, permission denied, a file in the way).
    """
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(dir=folder, prefix=".nps-kit-write-test.")
        os.close(fd)
        os.unlink(name)
    except OSError as exc:
        return exc
    return None


def check_writable(folder: Path, *, what: str) -> None:
    """Fail with a message when ``what`` cannot be written to ``folder`` (:func:`cannot_write`).

    Parameters
    ----------
    folder
        The folder.
    what
        What goes there, as the message says it ("reports", "the alert log").

    Raises
    ------
    ConfigError
        Naming the folder, the reason and what to do.
    """
    from nps_kit.errors import ConfigError

    exc = cannot_write(folder)
    if exc is not None:
        reason = exc.strerror or type(exc).__name__
        raise ConfigError(
            f"cannot write {what} to {folder}: {reason} (errno {exc.errno}).",
            hint="Make the folder writable (or mount it read-write), or pass --output DIR with "
            "a folder you can write to.",
            path=folder,
        )


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
