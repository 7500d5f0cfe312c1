"""Values of a unit column that look like one unit renamed: what ``init --from`` proposes.

QA29 F8: "Ward 3B" (to 14 October) and "Ward 3B (Cardiology)" (from 15 October) were two
units, the new one without a trend. The tool cannot know a rename, but one value that stops
the month another starts, the one name the start of the other, is the pattern worth a
proposal: ``data.filter.previous_names`` (:class:`nps_kit.params.RowFilter`), commented out.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Final

import pandas as pd

from nps_kit._value_key import value_key

__all__ = ["Rename", "renames"]

#: Longest gap between the old name's last answer and the new name's first.
WITHIN: Final = dt.timedelta(days=31)
#: Shortest name that may be the start of another ("B" starts "B2" by chance).
SHORTEST: Final = 3


@dataclass(frozen=True)
class Rename:
    """A value that ends the month another starts, one name the start of the other.

    Attributes
    ----------
    old, new
        The values as the unit files name them.
    last_old, first_new
        The old value's last answer and the new one's first (``YYYY-MM-DD``).
    """

    old: str
    new: str
    last_old: str
    first_new: str


def _number_goes_on(short: str, long: str) -> bool:
    """Whether ``long`` goes on with the number ``short`` ends with: "Store 30" after "Store 3"."""
    return short[-1:].isdigit() and long[len(short) : len(short) + 1].isdigit()


def renames(values: pd.Series, dates: pd.Series) -> list[Rename]:
    """Find the values of a unit column that look like one unit renamed.

    A pair is proposed when all the old value's dated answers come before all the new one's,
    at most :data:`WITHIN` apart, and one name (width, case and spacing aside) starts the
    other ("Ward 3B", "Ward 3B (Cardiology)"; not "Store 3", "Store 30", another number). A
    value with two such partners is none: which one was it?

    Parameters
    ----------
    values
        The unit column, one spelling per value (:func:`nps_kit._value_key.one_spelling`).
    dates
        The answers' dates (``datetime64``), same index; ``NaT`` rows are left out.

    Returns
    -------
    list of Rename
        Ordered by the new value's first answer.
    """
    frame = pd.DataFrame({"value": values, "date": dates}).dropna()
    if frame.empty:
        return []
    spans = frame.groupby(frame["value"].astype(str))["date"].agg(["min", "max"])
    # Plain lists, not DataFrame.iterrows: every value meets every other (a store chain's 300
    # values were 3 s of init's time in iterrows).
    spells = [(str(name), value_key(name), first, last) for name, (first, last) in spans.iterrows()]
    pairs = []
    for old, old_key, _, last_old in spells:
        for new, new_key, first_new, _ in spells:
            short, long = sorted((old_key, new_key), key=len)
            if (
                old != new
                and len(short) >= SHORTEST
                and long.startswith(short)
                and not _number_goes_on(short, long)
                and last_old < first_new <= last_old + WITHIN
            ):
                pairs.append((old, new, last_old, first_new))
    olds = pd.Series([p[0] for p in pairs]).value_counts()
    news = pd.Series([p[1] for p in pairs]).value_counts()
    found = [
        Rename(old, new, f"{last:%Y-%m-%d}", f"{first:%Y-%m-%d}")
        for old, new, last, first in pairs
        if olds[old] == 1 and news[new] == 1
    ]
    return sorted(found, key=lambda r: (r.first_new, r.new))
