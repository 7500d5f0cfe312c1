"""Tests of nps_kit.mail.log: the outbox and the send log."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from nps_kit.mail.log import set_aside_stale


def test_set_aside_stale_moves_only_the_asked_units_messages(tmp_path: Path) -> None:
    # `send ec --dry-run` after `send --all`: the other units' messages are not this run's
    # business and stay; ec's second message of the earlier run (ec.2.eml) is set aside.
    for name in ("ec.eml", "ec.2.eml", "ec-west.eml", "cloud.eml", "cloud.3.eml"):
        (tmp_path / name).write_bytes(b"x")
    line = set_aside_stale(
        tmp_path,
        written=[tmp_path / "ec.eml"],
        units=["ec"],
        now=dt.datetime(2026, 12, 5, 10, 0, tzinfo=dt.UTC),
    )
    earlier = tmp_path / "earlier-2026-12-05T100000Z"
    assert sorted(p.name for p in earlier.iterdir()) == ["ec.2.eml"]
    assert sorted(p.name for p in tmp_path.glob("*.eml")) == [
        "cloud.3.eml",
        "cloud.eml",
        "ec-west.eml",
        "ec.eml",
    ]
    assert line == f"outbox: 1 message of an earlier run moved to {earlier} (ec.2.eml)."
