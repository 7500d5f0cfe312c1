"""An exclusive lock on a file, held across processes (POSIX ``flock``).

One home for inter-process locking: ``nps-kit send`` holds one per period so that two sends never
mail twice, and the runner holds one per reports folder while it merges ``manifest.json`` so that
two runs never lose each other's units.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from pathlib import Path

__all__ = ["file_lock"]


@contextlib.contextmanager
def file_lock(path: Path, *, on_wait: Callable[[], object] | None = None) -> Iterator[None]:
    """Hold an exclusive lock on ``path`` for the ``with`` block, waiting for any other holder.

    Parameters
    ----------
    path
        The lock file; created if missing and left in place (removing it would let a waiting
        process lock a file that no one else can see).
    on_wait
        Called once, before waiting, when another process (or thread) holds the lock.

    Notes
    -----
    On Windows there is no ``fcntl``; the block runs unlocked.
    """
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        yield
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if on_wait is not None:
                on_wait()
            fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
