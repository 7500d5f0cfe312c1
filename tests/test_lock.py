"""The inter-process file lock shared by ``send`` (per period) and ``run`` (manifest merges)."""

from __future__ import annotations

import fcntl
import threading
from pathlib import Path

from nps_kit._lock import file_lock


def test_a_second_holder_waits_for_the_first(tmp_path: Path) -> None:
    lock = tmp_path / ".send.lock"
    said: list[str] = []
    order: list[str] = []
    first_done = threading.Event()

    def second() -> None:
        with file_lock(lock, on_wait=lambda: said.append("waiting")):
            order.append("second ran" if first_done.is_set() else "second ran too early")

    with file_lock(lock, on_wait=lambda: said.append("first waited")):
        thread = threading.Thread(target=second, name="second-holder", daemon=True)
        thread.start()
        thread.join(timeout=0.5)
        assert thread.is_alive()  # still waiting
        first_done.set()
    thread.join(timeout=10)
    assert order == ["second ran"]
    assert said == ["waiting"]
    with lock.open() as handle:  # released: a non-blocking lock succeeds
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
