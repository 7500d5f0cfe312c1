"""Repeated rows and double submissions.

Rows identical to an earlier row, ids repeated, and resubmissions (``dedupe: resubmissions``).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from nps_kit._column_facts import ColumnFacts
from nps_kit._resubmit import ChancePairs, DedupeKeep, judged_resubmissions, per_submission


def _duplicates(
    frame: pd.DataFrame,
    id_column: str | None,
    *,
    when: pd.Series | None = None,
    keep: DedupeKeep = "earliest",
    facts: ColumnFacts | None = None,
) -> tuple[int, int, np.ndarray]:
    """Count exact duplicate rows and other repeated ids; return the row each one repeats.

    The returned array holds, per row, the position of the row it repeats, and its own
    position when it repeats none: those others are the duplicates. An exact duplicate repeats
    the first identical row in the file (the same time too); the responses of one id repeat
    the earliest of them in ``when`` (their submission times, NaT for unread), the first in the
    file among equal times or without times; with ``keep="latest"`` the latest dated one, the
    last in the file among equal times or without times (an unread time is never the latest
    of dated ones).
    """
    own = np.arange(len(frame))
    if frame.empty:
        return 0, 0, own
    origin = _duplicated_rows(frame, facts)
    exact = origin != own
    repeated = np.zeros(len(frame), dtype=bool)
    if id_column is not None:
        ids = frame[id_column]
        shared = (ids.duplicated(keep=False) & ids.notna()).to_numpy()
        order = pd.DataFrame({"id": ids.to_numpy()[shared], "row": own[shared]})
        latest = keep == "latest"
        if when is not None:
            order["when"] = pd.to_datetime(when.to_numpy()[shared])
            order = order.sort_values(
                ["when", "row"], na_position="first" if latest else "last", kind="stable"
            )
        kept = order.groupby("id", sort=False)["row"].transform("last" if latest else "first")
        if latest:
            # The kept copy of a row repeated exactly is its first copy, which the others
            # repeat: never a row that itself repeats another (no chain back and forth).
            kept = pd.Series(origin[kept.to_numpy(dtype="int64")], index=kept.index)
        first = own.copy()
        first[order["row"].to_numpy()] = kept.to_numpy(dtype="int64")
        repeated = (first != own) & ~exact
        origin = np.where(repeated, first, origin)
    return int(exact.sum()), int(repeated.sum()), _first(origin)


def resubmitted_rows(
    frame: pd.DataFrame,
    date_column: str,
    *,
    exact: np.ndarray | None = None,
    date_format: str | None = None,
    timezone: str | None = None,
    facts: ColumnFacts | None = None,
) -> np.ndarray:
    """Return, per row of an export, the response it sends again, or its own position.

    A double submission has the same answers as a response sent at most a minute before it,
    the columns a tool writes anew for each submission aside (its id, link, update time:
    :func:`nps_kit._resubmit.per_submission`); ``exact`` marks the rows counted as exact
    duplicates instead (by default those that repeat an earlier row in every column).
    ``facts`` is the load's memo of its columns (:mod:`nps_kit._column_facts`).
    """
    return judged_resubmitted_rows(
        frame, date_column, exact=exact, date_format=date_format, timezone=timezone, facts=facts
    )[0]


def judged_resubmitted_rows(
    frame: pd.DataFrame,
    date_column: str,
    *,
    exact: np.ndarray | None = None,
    date_format: str | None = None,
    timezone: str | None = None,
    facts: ColumnFacts | None = None,
) -> tuple[np.ndarray, ChancePairs | None]:
    """Return :func:`resubmitted_rows`'s rows and the pairs chance explains, if any.

    :func:`nps_kit._resubmit.judged_resubmissions` over the export's answers: ``init`` says
    how many pairs alike within a minute were found against how many chance gives when it
    proposes no dedupe for them (FIX88).
    """
    own = np.arange(len(frame))
    if frame.shape[1] < 2 or len(frame) < 2:
        return own, None
    if exact is None:
        exact = _duplicated_rows(frame, facts) != own
    # A new id, link and update time for each submission are no answers (QA29 F4).
    fresh = per_submission(frame, skip=(date_column,), facts=facts)
    if frame.shape[1] - len(fresh) < 2:
        return own, None  # nothing but the date and per-submission stamps: no answers
    same = _duplicated_rows(frame.drop(columns=[date_column, *fresh]), facts)
    return judged_resubmissions(
        same,
        frame[date_column],
        exact=exact,
        date_format=date_format,
        timezone=timezone,
        facts=facts,
    )


def _first(origin: np.ndarray) -> np.ndarray:
    """Follow each row's repeat to the first row of its chain.

    A row can repeat one that itself repeats an earlier one; every link points to an earlier
    row (in the file, or in time for a resubmission), so this ends.
    """
    while not np.array_equal(origin[origin], origin):
        origin = origin[origin]
    return origin


def _duplicated_rows(frame: pd.DataFrame, facts: ColumnFacts | None = None) -> np.ndarray:
    """Return, per row, the earliest row whose cells read the same (``astype("string")``).

    A row that repeats no earlier one gets its own position.

    Converting every cell to text is the slow part on a large export, so each column is
    compared in a form whose equality is the same as its text's (:func:`_text_key`), by the
    code of each distinct cell (one hash-table pass; hashing each cell, as hash_pandas_object
    does, is 10x slower on an Arrow text column). Columns are taken one at a time: a row's
    group so far and its code in the next column make its next group, numbered again from 0
    (exact: no hash that two rows could share by chance, LOAD41), and only the rows that still
    share a group with another row go on to the next column (an id column usually leaves
    none). A text column's codes come from ``facts`` when the load has made them.
    """
    left = np.arange(len(frame))
    group = np.zeros(len(frame), dtype=np.int64)
    for i in range(frame.shape[1]):
        whole = len(left) == len(frame)
        values = frame.iloc[:, i] if whole else frame.iloc[left, i]
        if whole and facts is not None and isinstance(values.array, pd.arrays.ArrowStringArray):
            distinct = facts.distinct(values)
            width = len(distinct.uniques) + 1
            codes = np.where(distinct.codes < 0, width - 1, distinct.codes).astype(np.int64)
        else:
            found, uniques = pd.factorize(_text_key(values), use_na_sentinel=False)
            codes, width = found.astype(np.int64), len(uniques)
        # Below len(frame) ** 2: no overflow for any export a machine reads. The first
        # column's codes are its groups already.
        group = codes if i == 0 else pd.factorize(group * np.int64(width) + codes)[0]
        shared = np.bincount(group)[group] > 1
        left, group = left[shared], group[shared]
        if not len(left):
            break
    origin = np.arange(len(frame))
    if len(left):
        # Each group's first row, the least of its rows. Not a fancy assignment written from the
        # last row up: numpy does not promise which of an index's repeated writes is kept
        # (REVIEW42); ufunc.at does each one, and takes no longer.
        first = np.full(int(group.max()) + 1, len(frame), dtype=np.int64)
        np.minimum.at(first, group, left)
        origin[left] = first[group]
    return origin


def _text_key(values: pd.Series) -> pd.Series:
    """``values`` in a form whose equality is that of ``values.astype("string")``, made cheaply.

    Text stays as it is and whole numbers too; a float becomes its bits (``-0.0`` is not
    ``0.0`` as text; every NaN is one missing cell); a column of mixed or other types
    becomes text.
    """
    dtype = values.dtype
    if isinstance(dtype, pd.StringDtype) or dtype.kind in "iub":
        return values.reset_index(drop=True)
    if isinstance(dtype, np.dtype) and dtype.kind == "f":
        numbers = values.to_numpy(dtype="float64")
        bits = numbers.view(np.int64).copy()
        bits[np.isnan(numbers)] = np.array([np.nan]).view(np.int64)[0]
        return pd.Series(bits)
    return values.astype("string").reset_index(drop=True)
