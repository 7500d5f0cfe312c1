"""The row rules a parameters folder reads an export with, for ``nps-kit score`` (FIX80).

``run`` reads a unit's export with its ``data.`` options (:meth:`UnitParameters.loader_options
<nps_kit.params.UnitParameters.loader_options>`, the one home): some of them decide which rows
count (``dedupe``, ``data.exclude``, ``data.unfinished``, ``data.missing_values``). ``score``
on the same file counted every row while ``run`` did not, so the two printed different n and NPS
for one unit without a word. This module reads those rules from the units of a folder that
read the export, so that ``score --parameters`` applies them and ``score`` without it says them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from nps_kit.params import ParameterSet, UnitParameters

__all__ = ["ROW_RULES", "RowRules", "export_row_rules", "said_rules"]

#: The loader options that decide which rows count (the others say how to read a cell).
ROW_RULES = ("dedupe", "exclude", "unfinished", "missing_values")
# What dedupe needs beside itself: the id it compares, the time that picks the answer kept,
# and which one it keeps (dedupe_keep: earliest or latest, FIX83).
_DEDUPE_NEEDS = ("id_column", "date_column", "date_format", "timezone", "dedupe_keep")


@dataclass(frozen=True)
class RowRules:
    """The row rules of the units that read one export.

    Attributes
    ----------
    files
        The unit files that read it (``ec.yaml``), in the folder's order.
    options
        The loader options of the rules (:data:`ROW_RULES`, and with ``dedupe`` the id and date
        columns it reads), when every such unit has the same rules; else empty.
    said
        The rules as a parameter file writes them (``dedupe: true``,
        ``data.exclude (名前=テスト)``); empty when the units have none.
    differ
        Each unit file with its rules, when the units read the export with different rules
        (then none is applied: each unit's report counts its own rows its own way).
    """

    files: tuple[str, ...]
    options: dict[str, Any] = field(default_factory=dict)
    said: tuple[str, ...] = ()
    differ: tuple[tuple[str, tuple[str, ...]], ...] = ()


def said_rules(options: dict[str, Any]) -> tuple[str, ...]:
    """Write row rules (loader options, :data:`ROW_RULES`) as a parameter file does."""
    out = []
    if options["dedupe"]:
        out.append(f"dedupe: {'true' if options['dedupe'] is True else options['dedupe']}")
        if options.get("dedupe_keep", "earliest") != "earliest":
            out.append(f"data.dedupe_keep: {options['dedupe_keep']}")
    if options["exclude"]:
        pairs = ", ".join(
            f"{column}={value}" for column, values in options["exclude"] for value in values
        )
        out.append(f"data.exclude ({pairs})")
    if options["unfinished"] != "include":
        out.append(f"data.unfinished: {options['unfinished']}")
    if options["missing_values"]:
        out.append(f"data.missing_values ({', '.join(map(str, options['missing_values']))})")
    return tuple(out)


def _rules(unit: UnitParameters) -> dict[str, Any]:
    options = unit.loader_options()  # run's own reading of the unit's data options
    rules = {key: options[key] for key in ROW_RULES}
    if rules["dedupe"]:
        rules |= {key: options[key] for key in _DEDUPE_NEEDS}
    return rules


def export_row_rules(parameters: ParameterSet, export: Path) -> RowRules | None:
    """Return the row rules the units of ``parameters`` read ``export`` with.

    Parameters
    ----------
    parameters
        A parameters folder as :func:`nps_kit.params.load_all` read it (once for ``score``'s
        row rules and renames, FIX83); a broken unit file is left out (``run`` reports it).
    export
        The file ``score`` reads.

    Returns
    -------
    RowRules or None
        ``None`` when no unit of the folder reads ``export``.
    """
    target = export.resolve()
    units = [u for u in parameters.units.values() if u.data.path.resolve() == target]
    if not units:
        return None
    files = tuple(u.source.name if u.source is not None else u.unit for u in units)
    rules = [_rules(u) for u in units]
    if any(r != rules[0] for r in rules[1:]):
        return RowRules(
            files, differ=tuple((f, said_rules(r)) for f, r in zip(files, rules, strict=True))
        )
    said = said_rules(rules[0])
    return RowRules(files, options=rules[0] if said else {}, said=said)


def export_value_labels(
    parameters: ParameterSet, export: Path
) -> tuple[tuple[str, tuple[tuple[str, str], ...]], ...] | None:
    """Return the ``value_labels`` the units of ``parameters`` read ``export`` with.

    ``score --parameters`` reads coded answers (and a score column of codes, CODES40) as
    ``run`` does. ``None`` when no unit reads the export, or its units' code tables differ
    (then each report reads its own).
    """
    target = export.resolve()
    found = {
        u.loader_options()["value_labels"]
        for u in parameters.units.values()
        if u.data.path.resolve() == target
    }
    return found.pop() if len(found) == 1 else None
