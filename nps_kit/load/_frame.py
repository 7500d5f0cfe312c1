"""The columns the loader adds to an export's own, and the keys that name a row.

:data:`LOADER_COLUMNS` and :data:`UNIT_COLUMNS` are never written over (an export's own column
of such a name is kept under :func:`export_column`'s name); :func:`row_key`, :func:`row_keys`,
:func:`answer_keys` and :func:`blank_ids` say which response a row is, across re-pulls of an
export too.
"""

from __future__ import annotations

from typing import Final

import numpy as np
import pandas as pd

from nps_kit._content_key import content_keys

#: The columns :func:`load_responses` adds to the export's own. An export column of one of
#: these names is kept under :func:`export_column`'s name, so the loader never writes over it.
LOADER_COLUMNS: Final = (
    "nps_score",
    "nps_status",
    "nps_row",
    "nps_finished",
    "nps_date",
    "nps_weight",
    "nps_place",
)


#: The columns :func:`nps_kit.unit.prepare_unit` adds (the month, the NPS segment): an export's
#: own ``segment`` (a customer segment) or ``period`` is kept aside the same way (QA24).
UNIT_COLUMNS: Final = ("period", "segment")


_EXPORT_SUFFIX: Final = " (export)"


def export_column(name: str) -> str:
    """Return where the loaded frame keeps the export's column ``name``.

    Parameters
    ----------
    name
        A column of the export, as its header says.

    Returns
    -------
    str
        ``name``, or ``'nps_score (export)'`` for an export column named like one the loader
        adds (:data:`LOADER_COLUMNS`) or :func:`nps_kit.unit.prepare_unit` adds
        (:data:`UNIT_COLUMNS`): a data team's own ``nps_score`` or ``segment`` stays the export's.

    Examples
    --------
    >>> export_column("recommend"), export_column("nps_score")
    ('recommend', 'nps_score (export)')
    """
    taken = name in LOADER_COLUMNS or name in UNIT_COLUMNS
    return f"{name}{_EXPORT_SUFFIX}" if taken else name


def row_key(frame: pd.DataFrame, id_column: str | None) -> str:
    """Return the column that names each response to a reader: its id, else its place.

    Without an id a response is its row: ``nps_row`` in one file, ``nps_place``
    (``2026-11-30.csv:5``, the file and the row in it) in a drop, whose ``nps_row`` runs on
    from file to file and so is a row of no file. The report, the follow-up work files and
    the returned files' matching all name a response by this one column.
    """
    if id_column is not None:
        return id_column
    return "nps_place" if "nps_place" in frame.columns else "nps_row"


def row_keys(frame: pd.DataFrame, id_column: str | None) -> pd.Series:
    """Return the text that names each response: its id (:func:`row_key`), else its place.

    A response whose id cell is blank (an id given to signed-in respondents only) is named by
    its row, ``#`` and the row as :func:`row_key` without an id gives it (``#12``,
    ``#2026-11-30.csv:5``): named ``""`` like every other blank-id response, the work file
    gave them one another's e-mail addresses and a returned file's row matched none of them
    (REVIEW36). The report, the work files and the returned files' matching all read this.
    """
    keys = frame[row_key(frame, id_column)].astype("string")
    if id_column is None:
        return keys
    blank = blank_ids(frame, id_column)
    if blank.any():
        place = frame[row_key(frame, None)].astype("string")
        keys = keys.mask(blank, "#" + place)
    return keys


def answer_keys(
    frame: pd.DataFrame, id_column: str, *, date_column: str | None = None
) -> pd.Series:
    """Return the key that remembers each response across re-pulls: its id, else its answers.

    :func:`row_keys` *shows* a blank-id response by its row (``#12``); a row is not a name
    that lasts (the export pulled again with its rows sorted otherwise, or a response inserted
    above, gives it to another response), so the alert log remembers such a response by a
    hash of the cells it filled
    (:func:`nps_kit._content_key.content_keys`, ``#3f2a9c1e4b5d6a7f``; FIX88), its date by
    the date read from ``date_column`` (REVIEW37: Excel re-writes it).
    """
    keys = frame[id_column].astype("string")
    blank = blank_ids(frame, id_column)
    if not blank.any():
        return keys
    return keys.mask(blank, content_keys(frame, id_column, blank, date_column=date_column))


def blank_ids(frame: pd.DataFrame, id_column: str | None) -> np.ndarray:
    """Return which rows :func:`row_keys` names by their row because their id cell is blank.

    Blank: empty, white space or missing. Without an id column every row is named by its row
    and none of them for a blank id: all ``False``. The report's note under the id column and
    the alerts say so only of these rows.
    """
    if id_column is None:
        return np.zeros(len(frame), dtype=bool)
    keys = frame[id_column].astype("string")
    return (keys.isna() | (keys.str.strip() == "")).to_numpy(dtype=bool)
