"""One read of each export per run of alerts, shared by the units that name it."""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from nps_kit import clock
from nps_kit._contact_rule import ContactRule, unit_contact_rule
from nps_kit._values import has_time_of_day
from nps_kit.alerts._blockers import _data_options
from nps_kit.i18n import Language
from nps_kit.load import LoadResult
from nps_kit.params import UnitParameters
from nps_kit.unit import consent_unread

if TYPE_CHECKING:
    from nps_kit._consent import ConsentWords
    from nps_kit.cache import ExportCache


class _Caches:
    """The export cache of each unit that alerts, built when its first unit comes (FIX61).

    The cache is ``nps-kit run``'s (``<output>/.cache``, built from every unit's columns), so
    a daily alert after a run parses nothing, and one without a run parses each export once
    per loader options, whatever the number of units. Built unit by unit, as the export was
    read before: a unit whose export cannot be read stops the alerts there, after the units
    before it were alerted. Where that folder cannot be written (a reports folder shared
    read-only), run's caches are read from it and a missing one is built in a folder of this
    command's own, removed by :meth:`close` (FIX64): alerts write nothing there.
    """

    def __init__(self, units: Sequence[UnitParameters], *, output: Path, data: Path | None) -> None:
        self.units = units
        self.folder = output
        self.data = data
        self.built: dict[str, ExportCache] = {}
        self._spare: tempfile.TemporaryDirectory[str] | None = None

    def __getitem__(self, unit: str) -> ExportCache:
        from nps_kit.run import cache_folder, unit_caches

        if unit not in self.built:
            if self._spare is None:
                self._spare = tempfile.TemporaryDirectory(prefix="nps-kit-alerts-")
            self.built |= unit_caches(
                self.units,
                cache_dir=cache_folder(self.folder),
                read=lambda u: _data_options(u, self.data),
                only=[unit],
                spare_dir=Path(self._spare.name),
            )
        return self.built[unit]

    def close(self) -> None:
        """Remove the caches built aside, if any."""
        if self._spare is not None:
            self._spare.cleanup()
            self._spare = None


class _Export:
    """What alerts read of one export's cache: each unit's rows, and whole-export facts once.

    A fact of the whole export (its dates have a time of day, its date column carries UTC
    offsets, a consent column's answers) is read from its one column of the cache, once,
    not from a frame of the whole export per unit (FIX61).
    """

    def __init__(self, cache: ExportCache) -> None:
        self.cache = cache
        self._columns: dict[str, pd.Series] = {}
        self._timed: bool | None = None
        self._offsets: dict[str, bool] = {}
        self._problems: dict[tuple[str, ConsentWords, Language], str | None] = {}
        self._rules: dict[
            tuple[str | None, tuple[str, ...], ConsentWords, Language], ContactRule
        ] = {}

    def _column(self, name: str) -> pd.Series | None:
        from nps_kit.cache import read_rows

        if name not in self._columns:
            frame = read_rows(self.cache, columns=[name]).data
            if name not in frame.columns:
                return None
            self._columns[name] = frame[name]
        return self._columns[name]

    def unit_rows(self, unit: UnitParameters) -> LoadResult:
        """Return the unit's rows (every date), with the columns alerts read."""
        from nps_kit.cache import read_rows

        wanted = unit.data.filter
        used = [unit.frame_column(c) for c in unit.used_columns().values()]
        return read_rows(
            self.cache,
            unit_values=wanted.selects if wanted is not None else None,
            # The consent-like questions too (contactable_detractors reads them when no
            # columns.contact is set) and the columns of places (zone_hint).
            columns=[*used, *self.cache.places, *self._consent_like()],
        )

    def _consent_like(self) -> list[str]:
        import pyarrow.parquet as pq

        from nps_kit._consent import asks_about_contact

        names = pq.read_schema(self.cache.path).names
        return [n for n in names if asks_about_contact(n)]

    def timed(self) -> bool:
        """Whether the export's dates have a time of day (:func:`has_time_of_day`)."""
        if self._timed is None:
            dates = self._column("nps_date")
            self._timed = bool(dates is not None and has_time_of_day(dates))
        return self._timed

    def offsets(self, unit: UnitParameters) -> bool:
        """:func:`export_offsets` of the whole export, per date column."""
        column = unit.frame_column(unit.columns.date) if unit.columns.date else None
        if column is None:
            return False
        if column not in self._offsets:
            values = self._column(column)
            self._offsets[column] = values is not None and clock.carries_offsets(values)
        return self._offsets[column]

    def contact_rule(self, unit: UnitParameters) -> ContactRule:
        """:func:`nps_kit._contact_rule.unit_contact_rule` of the whole export, once each."""
        key = (
            unit.columns.contact,
            tuple(unit.columns.contact_details),
            unit.consent_words(),
            unit.language,
        )
        if key not in self._rules:
            self._rules[key] = unit_contact_rule(unit, self.cache)
        return self._rules[key]

    def consent_unread(
        self, column: str, *, column_name: str, words: ConsentWords, language: Language
    ) -> str | None:
        """:func:`nps_kit.unit.consent_unread` of the whole export's consent column.

        Read once per column, unit's own consent words and language.
        """
        key = (column, words, language)
        if key not in self._problems:
            values = self._column(column)
            self._problems[key] = (
                None
                if values is None
                else consent_unread(values, column=column_name, words=words, language=language)
            )
        return self._problems[key]
