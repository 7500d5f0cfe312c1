"""What the loader's modules read from a text column, derived once per load (LOAD41).

The totals rules, the duplicate and resubmission checks and the date rules each looked at the
same columns of one export: an id column was hashed twice, a date column parsed twice. A
:class:`ColumnFacts` made by :func:`nps_kit.load.load_responses` and passed down keeps each
column's distinct values (one ``factorize``) and its parsed dates, so each is made once.

It holds only Arrow-backed columns (pandas' default text storage), keyed by the Arrow array
itself: Arrow arrays are immutable, so the same array holds the same values, and a column
that is changed, dropped from or renamed into another frame either keeps its array (a rename)
or gets a new one (anything that changes a value). Other columns are derived each time, as
without a memo. It lives for one load, never across loads.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from nps_kit._values import DateParse, parse_date_values

__all__ = ["ColumnFacts", "Distinct", "factorized"]


@dataclass(frozen=True)
class Distinct:
    """A column's distinct values: ``codes`` per row (-1 missing), ``uniques`` as first seen."""

    codes: np.ndarray
    uniques: pd.Series

    @property
    def unique(self) -> bool:
        """Whether no two non-missing cells are equal."""
        return len(self.uniques) == int((self.codes >= 0).sum())


def _stored(values: pd.Series) -> Any:
    """Return the Arrow array behind a text column, or ``None`` for any other storage."""
    array = values.array
    if isinstance(array, pd.arrays.ArrowStringArray):
        return array.__arrow_array__()  # the Arrow data itself, not a copy
    return None


def _distinct(values: pd.Series) -> Distinct:
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    return Distinct(codes, pd.Series(uniques, dtype=values.dtype))


class ColumnFacts:
    """A per-load memo of columns' distinct values and parsed dates (see the module's note)."""

    def __init__(self) -> None:
        # id of the Arrow array -> (the array, kept so the id stays its own; its facts).
        self._distinct: dict[int, tuple[Any, Distinct]] = {}
        self._dates: dict[tuple[int, str | None, str | None, str | None], tuple[Any, DateParse]]
        self._dates = {}

    def distinct(self, values: pd.Series) -> Distinct:
        """Return ``pd.factorize(values)`` as :class:`Distinct`, made once per Arrow column."""
        stored = _stored(values)
        if stored is None:
            return _distinct(values)
        hit = self._distinct.get(id(stored))
        if hit is None:
            hit = (stored, _distinct(values))
            self._distinct[id(stored)] = hit
        return hit[1]

    def known(self, values: pd.Series) -> Distinct | None:
        """Return the column's :class:`Distinct` if already made, without making it."""
        stored = _stored(values)
        hit = None if stored is None else self._distinct.get(id(stored))
        return None if hit is None else hit[1]

    def dates(
        self,
        values: pd.Series,
        *,
        date_format: str | None = None,
        timezone: str | None = None,
        source: str | None = None,
    ) -> DateParse:
        """Return :func:`~nps_kit._values.parse_date_values` of ``values``, parsed once.

        The parse keeps ``values``' index and name. A parse without ``source`` serves a call
        with one when it never asked the evidence (:func:`nps_kit.clock.export_date_order`):
        ``source`` is read only for dates that read both ways, and then either leaves them
        ambiguous or says why it chose (``order_evidence``).
        """
        stored = _stored(values)
        if stored is None:
            return parse_date_values(
                values, date_format=date_format, timezone=timezone, source=source
            )
        key = (id(stored), date_format, timezone, source)
        hit = self._dates.get(key)
        if hit is None and source is not None:
            plain = self._dates.get((id(stored), date_format, timezone, None))
            if plain is not None and not plain[1].ambiguous and plain[1].order_evidence is None:
                hit = plain
        if hit is None:
            parsed = parse_date_values(
                values, date_format=date_format, timezone=timezone, source=source
            )
            hit = (stored, parsed)
            self._dates[key] = hit
        parsed = hit[1]
        if parsed.dates.index.equals(values.index) and parsed.dates.name == values.name:
            return parsed
        return dataclasses.replace(
            parsed,
            dates=pd.Series(parsed.dates.to_numpy(), index=values.index, name=values.name),
            unparsed=pd.Series(parsed.unparsed.to_numpy(), index=values.index, name=values.name),
        )


def factorized(values: pd.Series, facts: ColumnFacts | None) -> Distinct:
    """Return ``values``' :class:`Distinct`, through ``facts`` when given."""
    return _distinct(values) if facts is None else facts.distinct(values)
