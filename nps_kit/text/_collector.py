"""Pause Python's cyclic garbage collector over the loops that read a column of comments.

Tagging a column fills per-comment caches (normalised texts, matches, clause scores, n-gram
columns) with hundreds of thousands of objects. Python's collector runs a full pass whenever
the objects that survived since the last one reach a quarter of all it tracks, and each pass
walks every object in the process: on a 30,000-response unit, three passes a run took 0.2-0.3 s
of its text section and freed nothing (those loops make no reference cycles). Reference
counting frees everything as usual while paused; only a cycle made inside waits for the next
pass after it. A collector the caller turned off stays off.
"""

from __future__ import annotations

import functools
import gc
from collections.abc import Callable
from typing import ParamSpec, TypeVar

__all__ = ["paused"]

_P = ParamSpec("_P")
_R = TypeVar("_R")


def paused(func: Callable[_P, _R]) -> Callable[_P, _R]:
    """Run ``func`` with the cyclic garbage collector paused (see the module description)."""

    @functools.wraps(func)
    def run(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        if not gc.isenabled():
            return func(*args, **kwargs)
        gc.disable()
        try:
            return func(*args, **kwargs)
        finally:
            gc.enable()

    return run
