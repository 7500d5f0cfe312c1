"""Tests for nps_kit._content_key: what follows a blank-id response across re-pulls."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from nps_kit._content_key import content_keys
from nps_kit.load import answer_keys, load_responses

_ROWS = "id,date,score,comment,store\n,{date},3,Bad service ,S1\n,2026-01-26,9,Great,S2\n"


def _keys(path: Path, date: str, **kwargs: str) -> list[str]:
    path.write_text(_ROWS.format(date=date), encoding="utf-8")
    frame = load_responses(path, score_column="score", id_column="id", date_column="date", **kwargs)
    return list(answer_keys(frame.data, "id", date_column="date"))


def test_a_date_rewritten_by_excel_keeps_the_key(tmp_path: Path) -> None:
    # REVIEW37: opened and saved in Excel, 2026-01-25 10:31:22 is written 1/25/2026 10:31:22;
    # keyed by the text, the same blank-id detractor was a new response and alerted again.
    first = _keys(tmp_path / "a.csv", "2026-01-25 10:31:22")
    excel = _keys(tmp_path / "b.csv", "1/25/2026 10:31:22", date_format="month-first")
    slash = _keys(tmp_path / "c.csv", "2026/01/25 10:31:22")
    assert first == excel == slash
    assert first[0] != first[1]
    # Another second is another answer.
    assert _keys(tmp_path / "d.csv", "2026-01-25 10:31:23")[0] != first[0]


def test_columns_reordered_and_trailing_spaces_keep_the_key(tmp_path: Path) -> None:
    a = tmp_path / "a.csv"
    a.write_text(_ROWS.format(date="2026-01-25"), encoding="utf-8")
    b = tmp_path / "b.csv"
    b.write_text(
        "store,comment,score,date,id\nS1 ,Bad service,3,2026-01-25,\nS2,Great,9,2026-01-26,\n",
        encoding="utf-8",
    )
    keys = [
        list(
            content_keys(
                frame := load_responses(p, score_column="score", id_column="id").data,
                "id",
                np.ones(len(frame), dtype=bool),
            )
        )
        for p in (a, b)
    ]
    assert keys[0] == keys[1]
