"""The ``data.filter`` a new unit file suggests: values its export has, most frequent first.

``nps-kit new-unit`` wrote the same example filter into every project (``region = North``, a
value the English demo export lacks, INIT43). The unit reads the export of ``defaults.yaml``, so
the suggestion comes from there: the column other unit files already filter on (else that of
``defaults.yaml``, else its first breakdown) and its values by frequency. When there is nothing
to read, the note says why instead of inventing a value.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

import yaml

from nps_kit.errors import NpsKitError

__all__ = ["FilterSuggestion", "suggest_filter"]

#: Values named in the note, most frequent first.
SHOWN: Final = 5


@dataclass(frozen=True)
class FilterSuggestion:
    """What a new unit file says about ``data.filter``.

    Attributes
    ----------
    column
        The column to filter on, or ``None`` when there is nothing to suggest.
    values
        ``(value, responses)`` of that column in the export, most frequent first.
    pick
        The value the commented example filters on: the most frequent one no other unit file
        takes (else the most frequent).
    export
        The export's file name, as the note names it.
    reason
        Why there is no suggestion (``column`` is ``None``); else ``None``.
    """

    column: str | None
    values: tuple[tuple[str, int], ...] = ()
    pick: str | None = None
    export: str | None = None
    reason: str | None = None


def _read(path: Path) -> Any:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return None


def _filter_of(raw: Any) -> Mapping[str, Any] | None:
    data = raw.get("data") if isinstance(raw, Mapping) else None
    found = data.get("filter") if isinstance(data, Mapping) else None
    return found if isinstance(found, Mapping) else None


def _siblings(parameters: Path, name: str) -> tuple[list[str], set[str]]:
    """Return the filter columns of the other unit files (most common first), and their values."""
    from nps_kit.params import NOT_UNITS

    columns: Counter[str] = Counter()
    taken: set[str] = set()
    for path in sorted(parameters.glob("*.yaml")):
        if path.stem in NOT_UNITS or path.stem == name:
            continue
        found = _filter_of(_read(path))
        if found is not None and isinstance(found.get("column"), str):
            columns[found["column"]] += 1
            values = found.get("values")
            taken |= {str(v) for v in values} if isinstance(values, list) else set()
    return [column for column, _ in columns.most_common()], taken


def _candidates(defaults: Mapping[str, Any], siblings: list[str]) -> list[str]:
    own = _filter_of(defaults)
    found = [*siblings, *([own["column"]] if own and isinstance(own.get("column"), str) else [])]
    breakdowns = defaults.get("breakdowns")
    for entry in breakdowns if isinstance(breakdowns, list) else []:
        column = entry.get("column") if isinstance(entry, Mapping) else entry
        if isinstance(column, str):
            found.append(column)
    return list(dict.fromkeys(found))


def suggest_filter(parameters: Path, *, name: str) -> FilterSuggestion:
    """Return the filter a new unit ``name`` of the folder ``parameters`` should suggest.

    Parameters
    ----------
    parameters
        The parameters folder; its ``defaults.yaml`` names the export (``data.path``).
    name
        The new unit's id (its own file, if any, is not one of the others).

    Returns
    -------
    FilterSuggestion
        The column and its values, or the reason there is none.
    """
    from nps_kit import _formats
    from nps_kit._drop import drop_files, is_drop

    defaults = _read(parameters / "defaults.yaml")
    defaults = defaults if isinstance(defaults, Mapping) else {}
    data = defaults.get("data")
    data = data if isinstance(data, Mapping) else {}
    written = data.get("path")
    if not isinstance(written, str) or not written.strip():
        return FilterSuggestion(None, reason="defaults.yaml names no export (data.path)")
    path = Path(written).expanduser()
    path = path if path.is_absolute() else parameters / path
    export = path.name
    siblings, taken = _siblings(parameters, name)
    columns = _candidates(defaults, siblings)
    sheet, encoding = data.get("sheet"), data.get("encoding")
    try:
        first = drop_files(path)[0] if is_drop(path) else path
        layout = _formats.inspect(
            first,
            sheet=sheet if isinstance(sheet, str | int) else None,
            encoding=encoding if isinstance(encoding, str) else None,
        )
        present = [c for c in columns if c in layout.columns]
        if not present:
            return FilterSuggestion(
                None,
                export=export,
                reason=f"no unit file nor defaults.yaml names a column of {export} to filter on "
                "(data.filter, breakdowns)",
            )
        frame, _ = _formats.read_frame(
            layout, encoding_given=isinstance(encoding, str), text_columns=present[:1]
        )
    except (NpsKitError, OSError):
        # nps-kit run says what is wrong with the export; here it only means no values.
        return FilterSuggestion(
            None, export=export, reason=f"{export} cannot be read (nps-kit inspect says why)"
        )
    column = present[0]
    cells = frame[column].dropna().astype(str).str.strip()
    counts = cells[cells != ""].value_counts(sort=False)
    # Most frequent first; ties in the export's order (value_counts' own tie order varies).
    order = {value: i for i, value in enumerate(dict.fromkeys(cells))}
    values = tuple(
        sorted(((str(v), int(n)) for v, n in counts.items()), key=lambda x: (-x[1], order[x[0]]))
    )
    if not values:
        return FilterSuggestion(
            None, export=export, reason=f"the column {column} of {export} is empty"
        )
    free = [v for v, _ in values if v not in taken]
    return FilterSuggestion(column, values, (free or [values[0][0]])[0], export)
