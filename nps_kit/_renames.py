"""Values of a unit column that look like one unit renamed: what ``init --from`` proposes.

QA29 F8: "Ward 3B" (to 14 October) and "Ward 3B (Cardiology)" (from 15 October) were two
units, the new one without a trend. The tool cannot know a rename, but one value that stops
the month another starts, the one name the start of the other, is the pattern worth a
proposal: ``data.filter.previous_names`` (:class:`nps_kit.params.RowFilter`), commented out.

Once stated, the renames are read here too (:func:`earlier_names`): ``score --by`` counts an
earlier name under the current one (:func:`merge_earlier`), and the parameters check refuses
an old unit file that still selects one (FIX71).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Final

import pandas as pd

from nps_kit._project_language import run_language
from nps_kit._value_key import cell_text, value_key
from nps_kit.i18n import t

if TYPE_CHECKING:
    from nps_kit.params import DataSource, UnitParameters

__all__ = [
    "EarlierName",
    "Rename",
    "chains",
    "earlier_names",
    "merge_earlier",
    "renames",
    "rows_selected",
    "shared_selections",
    "stated",
    "still_selected",
]

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


def chains(found: Iterable[Rename]) -> list[tuple[Rename, ...]]:
    """Join renames into one unit's names: A -> B and B -> C are one unit renamed twice.

    What ``init --from`` proposes (one merge of A, B and C: the file of C lists A and B) and
    ``score --by`` says, from :func:`renames`: REVIEW35 saw two proposals, B's file listing A
    and C's listing B, which followed made two units again. Each chain in the order of its
    renames; chains ordered as their first renames are.
    """
    found = list(found)
    after = {r.old: r for r in found}
    news = {r.new for r in found}
    out = []
    for first in (r for r in found if r.old not in news):
        chain = [first]
        while chain[-1].new in after and len(chain) <= len(found):
            chain.append(after[chain[-1].new])
        out.append(tuple(chain))
    return out


@dataclass(frozen=True)
class EarlierName:
    """A unit's earlier name (``data.filter.previous_names``): its rows are now the unit's.

    The one reading of the renames the parameters state, for ``score --by`` (which merges the
    earlier name's rows under the current one, as ``run`` does) and for the parameters check
    that refuses an old unit file still selecting them (their rows would be reported twice).

    Attributes
    ----------
    old
        The earlier value as the parameters write it.
    current
        The unit's values (``data.filter.values``): the first is the name shown.
    column
        The unit column (``data.filter.column``).
    export
        The export the unit reads (``data.path``).
    source
        The unit file that says so.
    """

    old: str | int | float
    current: tuple[str | int | float, ...]
    column: str
    export: Path
    source: Path | None


def earlier_names(units: Iterable[UnitParameters]) -> list[EarlierName]:
    """Return every earlier name the units' ``data.filter.previous_names`` state."""
    return [name for unit in units for name in stated(unit.data, unit.source)]


def stated(data: DataSource, source: Path | None) -> list[EarlierName]:
    """Return the earlier names one unit's ``data`` states (``source``: its file)."""
    wanted = data.filter
    if wanted is None:
        return []
    current = tuple(wanted.values)
    return [
        EarlierName(o, current, wanted.column, data.path, source) for o in wanted.previous_names
    ]


def merge_earlier(
    values: pd.Series, names: Iterable[EarlierName]
) -> tuple[pd.Series, list[EarlierName]]:
    """Write each earlier name's cells as the unit's current name (its first value).

    Compared as ``data.filter`` compares (:func:`value_key`). Returns the column and the
    earlier names it held.
    """
    current = {value_key(n.old): (n, cell_text(n.current[0])) for n in names if n.current}
    keys = values.map(value_key, na_action="ignore")
    found = [current[k][0] for k in dict.fromkeys(keys.dropna()) if k in current]
    if not found:
        return values, []
    shown = keys.map({k: name for k, (_, name) in current.items()})
    return shown.where(shown.notna(), values), found


def still_selected(
    units: Iterable[UnitParameters], names: Iterable[EarlierName]
) -> list[tuple[UnitParameters, EarlierName]]:
    """Pair each unit that still selects another unit's earlier name with that name.

    Its rows would be reported twice: in the unit's report and in the renamed unit's (an old
    unit file kept after the rename, FIX71). Same export, same column, the value compared as
    ``data.filter`` compares.
    """
    names = list(names)
    out = []
    for unit in units:
        wanted = unit.data.filter
        if wanted is None:
            continue
        keys = {value_key(v) for v in wanted.values}
        out += [
            (unit, name)
            for name in names
            if name.source != unit.source
            and name.export == unit.data.path
            and name.column == wanted.column
            and value_key(name.old) in keys
        ]
    return out


def rows_selected(unit: UnitParameters, values: Iterable[object]) -> list[int] | None:
    """Count the rows of ``unit``'s export whose filter column holds each of ``values``.

    Read as ``run`` reads the export (the unit's loader options: totals rows, tests and
    repeats left out) and compared as ``data.filter`` compares (:func:`value_key`). What the
    refusal of an old unit file kept after a rename says of each file, so that the analyst
    sees which one is live (FIX74). ``None`` when the export cannot be read: the refusal then
    goes without the counts (the unit's own run names what is wrong).
    """
    from nps_kit.errors import NpsKitError
    from nps_kit.load import load_responses

    wanted = unit.data.filter
    if wanted is None:
        return None
    try:
        loaded = load_responses(unit.data.path, **unit.loader_options())
    except NpsKitError:
        return None
    column = unit.frame_column(wanted.column)
    if column not in loaded.data.columns:
        return None
    counts = loaded.data[column].dropna().map(value_key).value_counts()
    return [int(counts.get(value_key(v), 0)) for v in values]


def shared_selections(units: Iterable[UnitParameters]) -> list[str]:
    """Return a ``warning:`` per pair of units whose filters select the same rows.

    Two unit files of one export and column whose ``data.filter.values`` name one value as
    ``data.filter`` compares them (:func:`~nps_kit._value_key.value_key`: width, case and a
    space beside a Japanese character aside) report the same respondents twice: in both
    reports, both e-mails and the overview. An older project's ``ホテルA`` and ``ホテル Ａ``
    units became one selection when QA31 read such spellings as one unit (REVIEW32). A warning,
    not a refusal: one unit reported in two languages is a choice.
    """
    seen: dict[tuple[str, str, str], tuple[UnitParameters, str | int | float]] = {}
    out = []
    for unit in units:
        wanted = unit.data.filter
        if wanted is None:
            continue
        for value in dict.fromkeys(wanted.values):
            key = (str(unit.data.path), wanted.column, value_key(value))
            first, spelt = seen.setdefault(key, (unit, value))
            if first is unit:
                continue
            lang = run_language(None, (first.language, unit.language))
            quote = (lambda v: f"「{v}」") if lang == "ja" else repr
            slash = "／" if lang == "ja" else " / "
            values = quote(spelt) + (f"{slash}{quote(value)}" if spelt != value else "")
            said = t(
                "run.shared_selection",
                lang,
                first=first.unit,
                second=unit.unit,
                column=wanted.column,
                values=values,
                first_file=_file(first),
                second_file=_file(unit),
            )
            out.append(said)
    return out


def _file(unit: UnitParameters) -> str:
    return unit.source.name if unit.source is not None else unit.unit
