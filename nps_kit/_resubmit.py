"""Find double submissions: a form sent twice, the same answers seconds apart.

Google Forms (and other forms without a response id) records a second click on "Submit" as a
second response with every answer equal and a timestamp a few seconds later (QA20: 8 of 892
rows, 2–6 s apart, each then counted twice and listed twice to call back). They are not exact
duplicates (the timestamps differ) and have no id to repeat, so ``dedupe: true`` kept them.
A row is a resubmission when an earlier row has the same value in every column but the date
and was sent at most :data:`RESUBMIT_SECONDS` before it. Two people who happen to give the same
answers are seldom a minute apart; a whole month of "10, no comment" from one clinic is.
"""

from __future__ import annotations

from typing import Final

import numpy as np
import pandas as pd

from nps_kit._values import parse_date_values

__all__ = [
    "RESUBMISSIONS",
    "RESUBMIT_SECONDS",
    "dedupe_option",
    "resubmission_note",
    "resubmissions",
]

#: Longest gap between a response and its resubmission.
RESUBMIT_SECONDS: Final = 60
#: The ``dedupe`` value (parameters) and ``--dedupe`` value (``nps-kit score``) that also drops
#: double submissions; ``true`` / a bare ``--dedupe`` drops exact duplicates and repeated ids.
RESUBMISSIONS: Final = "resubmissions"


def resubmissions(
    same: np.ndarray,
    dates: pd.Series,
    *,
    exact: np.ndarray,
    date_format: str | None = None,
    timezone: str | None = None,
) -> np.ndarray:
    """Return, per row, the row it resubmits, or its own position when it resubmits none.

    Parameters
    ----------
    same
        Per row, the position of the earliest row with the same answers in every column but
        the date (its own when none).
    dates
        The raw date column.
    exact
        Rows that repeat an earlier row exactly (counted as exact duplicates, not here).
    date_format, timezone
        As the loader reads the dates.

    Returns
    -------
    numpy.ndarray
        Positions; a resubmission points to the response sent just before it with the same
        answers (which may itself be a resubmission).
    """
    own = np.arange(len(same))
    shared = pd.Series(same[~exact]).duplicated(keep=False).to_numpy()
    rows = own[~exact][shared]
    if len(rows) < 2:
        return own
    raw = dates.iloc[rows].reset_index(drop=True)
    try:
        parsed = parse_date_values(raw, date_format=date_format, timezone=timezone)
        if parsed.ambiguous and date_format is None:
            # Seconds apart on one day: either order gives the same gap.
            parsed = parse_date_values(raw, date_format="month-first", timezone=timezone)
    except ValueError:
        return own
    table = pd.DataFrame({"key": same[rows], "row": rows, "date": parsed.dates.to_numpy()})
    table = table.dropna(subset=["date"]).sort_values(["key", "date", "row"], kind="stable")
    before = table.groupby("key")["date"].shift()
    previous = table.groupby("key")["row"].shift()
    gap = (table["date"] - before).dt.total_seconds()
    again = (gap <= RESUBMIT_SECONDS).fillna(False).to_numpy(dtype=bool)
    out = own.copy()
    out[table["row"].to_numpy()[again]] = previous.to_numpy()[again].astype("int64")
    return out


def dedupe_option(text: str) -> str:
    """Read the value of ``nps-kit score --dedupe``: only ``resubmissions`` may follow it.

    A bare ``--dedupe`` is ``dedupe: true``; ``--dedupe resubmissions`` is ``dedupe:
    resubmissions``, so the command offers what the parameters do.

    Raises
    ------
    argparse.ArgumentTypeError
        For any other word (a file name written after ``--dedupe`` lands here too).
    """
    import argparse

    if text == RESUBMISSIONS:
        return text
    raise argparse.ArgumentTypeError(
        f"expected {RESUBMISSIONS!r} or nothing; found {text!r}. --dedupe alone drops exact "
        f"duplicates and repeated ids; --dedupe {RESUBMISSIONS} also drops double submissions "
        "(put DATA before --dedupe)"
    )


def resubmission_note(count: int, *, option: str = f"dedupe: {RESUBMISSIONS}") -> str:
    """Say that ``count`` double submissions were found and how to drop them.

    One wording for ``nps-kit inspect``, the comment ``init --from`` writes above ``dedupe``
    and ``nps-kit score`` (whose ``option`` is ``--dedupe resubmissions``).
    """
    rows = "row repeats" if count == 1 else "rows repeat"
    return (
        f"{count:,} {rows} the answers of a response sent at most {RESUBMIT_SECONDS} seconds "
        f"earlier (a double submission, as a second click on Submit makes); {option} "
        "drops them, with the exact duplicates."
    )
