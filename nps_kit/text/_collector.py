"""Pause Python's cyclic garbage collector over the loops that read a column of comments.

Tagging a column fills per-comment caches (normalised texts, matches, clause scores, n-gram
columns) with hundreds of thousands of objects. Python's collector runs a full pass whenever
the objects that survived since the last one reach a quarter of all it tracks, and each pass
walks every object in the process: on a 30,000-response unit, three passes a run took 0.2-0.3 s
of its text section and freed nothing (those loops make no reference cycles). Reference
counting frees everything as usual while paused; only a cycle made inside waits for the next
pass after it.

The collector is one per process and Dask runs tasks in threads: the pauses of all threads are
counted under a lock, the first records whether the collector was on and only the last to end
turns it back on (a collector the caller turned off stays off).

The objects a pause leaves (the caches' entries: tuples of a comment's words, clause scores)
would all be young when the collector starts again, and its next young pass would walk every
one of them: after the typical phrases of a 30,000-response unit, 140,000 objects and 60-100 ms,
a tenth of the phrases' own time. So the last pause to end moves everything the collector
tracks to its oldest generation instead (``gc.freeze`` then ``gc.unfreeze``: two list splices,
no walk), where a full pass finds them as it would have after the young passes; a cycle made
during the pause waits for that full pass. Unless the caller froze objects of their own
(``gc.get_freeze_count``): unfreezing would thaw those too, so their young pass is left to run;
nor on a Python built without the GIL, whose collector marks each object to freeze it (a walk
over every object, not a splice).
"""

from __future__ import annotations

import functools
import gc
import sysconfig
import threading
from collections.abc import Callable
from typing import ParamSpec, TypeVar

__all__ = ["paused"]

_P = ParamSpec("_P")
_R = TypeVar("_R")


class _Pauses:
    """The pauses under way in every thread of the process."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.depth = 0
        self.resume = False  # whether the collector was on when the first pause began

    def begin(self) -> None:
        with self.lock:
            if self.depth == 0:
                self.resume = gc.isenabled()
                gc.disable()
            self.depth += 1

    def end(self) -> None:
        with self.lock:
            self.depth -= 1
            if self.depth == 0 and self.resume:
                if _SPLICES and gc.get_freeze_count() == 0:  # see the module description
                    gc.freeze()
                    gc.unfreeze()
                gc.enable()


_PAUSES = _Pauses()  # one per process, as the collector is
#: Whether freezing moves the collector's lists (a build with the GIL) rather than marks objects.
_SPLICES = not sysconfig.get_config_var("Py_GIL_DISABLED")


def paused(func: Callable[_P, _R]) -> Callable[_P, _R]:
    """Run ``func`` with the cyclic garbage collector paused (see the module description)."""

    @functools.wraps(func)
    def run(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        _PAUSES.begin()
        try:
            return func(*args, **kwargs)
        finally:
            _PAUSES.end()

    return run
