"""Rows that look like the staff trying the form (``nps_kit._test_rows``)."""

from __future__ import annotations

import pandas as pd

from nps_kit._test_rows import TestRows, month_rows


def _export(months: list[str]) -> tuple[pd.DataFrame, pd.Series]:
    frame = pd.DataFrame({"ID": [f"R{i}" for i in range(len(months))], "date": months})
    return frame, pd.to_datetime(frame["date"])


def test_the_note_says_before_or_after_by_the_side_found_not_by_its_wording() -> None:
    # FIX74: note() told "before the survey opened" from "after it closed" by searching its
    # own `apart` text for "before"; a wording without the word read as after.
    early = TestRows("ID", ("T1",), (2,), month="2026-03", side="before", apart="2か月前")
    assert "a staff test before the survey opened?" in early.note()
    late = TestRows("ID", ("T9",), (40,), month="2026-12", side="after", apart="2 months on")
    assert "a staff test after it closed?" in late.note()


def test_a_month_after_every_other_is_found_with_its_side() -> None:
    months = [f"2026-0{m}-1{d}" for m in (5, 6, 7) for d in range(4)] + ["2026-10-02"]
    frame, dates = _export(months)
    found = month_rows(
        frame, dates, list(range(2, len(frame) + 2)), id_column="ID", date_column="date"
    )
    assert found is not None
    assert (found.month, found.side, found.values) == ("2026-10", "after", ("R12",))
    assert found.note().startswith(
        "Row 14 (ID R12) is the only response of 2026-10, 3 months after any other month with "
        "responses (2026-05 to 2026-07): a staff test after it closed?"
    )
    frame, dates = _export(["2026-02-01", *months[:-1]])
    found = month_rows(
        frame, dates, list(range(2, len(frame) + 2)), id_column="ID", date_column="date"
    )
    assert found is not None and found.side == "before"
