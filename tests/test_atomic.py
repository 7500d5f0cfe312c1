"""Atomic writes: the old file or the new one, readable by all, no temporary left behind."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from nps_kit._atomic import atomic_write, atomic_write_bytes, atomic_write_text


def test_write_replaces_and_is_shared(tmp_path: Path) -> None:
    target = tmp_path / "new" / "index.html"
    assert atomic_write_text(target, "こんにちは\n") == target
    atomic_write_bytes(target, b"second")
    assert target.read_bytes() == b"second"
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
    assert [p.name for p in target.parent.iterdir()] == ["index.html"]


def test_a_failed_write_keeps_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "manifest.json"
    target.write_text("old", encoding="utf-8")

    def fail(tmp: Path) -> None:
        tmp.write_text("half", encoding="utf-8")
        raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"):
        atomic_write(target, fail)
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["manifest.json"]
