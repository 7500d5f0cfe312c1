"""Coded answers read as their labels: ``value_labels:`` (column → {code: label}) at load.

Research agencies and many survey tools (SPSS-style exports, a 集計表 of SA codes, Qualtrics'
"numeric values") write a single-choice answer as its code: 性別 1/2, 年代 1 … 6. What each code
means is in a code table (「コード表」, "Codebook", "Value labels"). A report of groups "1" and
"2" tells a manager nothing, so the loader writes each coded cell as its label once, right after
the export is read (CODES40): every later step (unit filter, ``data.exclude``, the score parse,
breakdowns, follow-ups, the overview and the e-mail) sees the labels. A code the table does not
name is never guessed: it stays as written and is said in the data quality
(:class:`Unlabelled`). The table's order is the labels' order (年代 1 … 6): :func:`label_order`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import pandas as pd

from nps_kit._value_key import cell_text, value_key

__all__ = [
    "Unlabelled",
    "ValueLabels",
    "apply_value_labels",
    "as_tables",
    "code_key",
    "label_order",
]

#: ``{column: {code: label}}``, or the same as pairs (hashable: a cache's and a run's key).
ValueLabels = Mapping[str, Mapping[str, str]] | Sequence[tuple[str, Sequence[tuple[str, str]]]]


def as_tables(value_labels: ValueLabels | None) -> dict[str, dict[str, str]]:
    """Return ``value_labels`` as ``{column: {code: label}}``, the tables' order kept."""
    if not value_labels:
        return {}
    pairs = value_labels.items() if isinstance(value_labels, Mapping) else value_labels
    return {
        str(column): dict(table.items() if isinstance(table, Mapping) else table)
        for column, table in pairs
    }


def code_key(value: object) -> str:
    """Return the identity of a code: ``1``, ``1.0``, ``"１"`` and ``"01"`` are one code.

    Parameters
    ----------
    value
        A cell as the export wrote it, or a code of ``value_labels``.

    Returns
    -------
    str
        :func:`nps_kit._value_key.value_key`, with a whole number's leading zeros dropped
        (an agency writes ``01`` … ``06``, its code table ``1`` … ``6``).
    """
    key = value_key(value)
    return str(int(key)) if key.isdigit() else key


@dataclass(frozen=True)
class Unlabelled:
    """The codes of one column that its ``value_labels`` do not name.

    Attributes
    ----------
    column
        The export's column.
    codes
        The codes as written (trimmed, NFKC), in first-seen order.
    rows
        The rows holding one of them, in the whole export.
    """

    column: str
    codes: tuple[str, ...]
    rows: int


def apply_value_labels(
    frame: pd.DataFrame,
    labels: Mapping[str, Mapping[str, str]],
    *,
    missing: Iterable[str] = (),
) -> tuple[pd.DataFrame, tuple[Unlabelled, ...]]:
    """Write each coded cell of ``labels``' columns as its label.

    Parameters
    ----------
    frame
        The export as read; not changed.
    labels
        ``{column: {code: label}}``, the columns as ``frame`` names them.
    missing
        Cell texts that mean "no answer" (case-folded, NFKC): left as they are and not said.

    Returns
    -------
    tuple
        The frame with those columns as text (labels; blanks ``<NA>``; a cell that already is
        a label stays), and one :class:`Unlabelled` per column with codes the table does not
        name, which stay as written.
    """
    said_none = {str(word).casefold() for word in missing}
    out = frame.copy()
    unlabelled: list[Unlabelled] = []
    for column, table in labels.items():
        lookup = {code_key(code): label for code, label in table.items()}
        lookup |= {
            code_key(label): label for label in table.values() if code_key(label) not in lookup
        }
        cells = frame[column].astype(object)
        # Each distinct cell read once: a coded column holds a handful of codes.
        distinct = cells.dropna().unique()
        written = cells.map({v: cell_text(v) for v in distinct})
        present = written.notna() & (written != "")
        keys = cells.map({v: code_key(v) for v in distinct})
        shown = keys.map(lookup).astype(object)
        unknown = present & shown.isna() & ~keys.isin(said_none)
        # A code without a label, and a "no answer" word, stay as written (never guessed).
        out[column] = shown.fillna(written).where(present).astype("string")
        if unknown.any():
            codes = tuple(dict.fromkeys(written[unknown].astype(str)))
            unlabelled.append(Unlabelled(str(column), codes, int(unknown.sum())))
    return out, tuple(unlabelled)


def label_order(labels: Mapping[str, str], present: Sequence[object] = ()) -> list[str]:
    """Return the labels in the code table's order, then any other value of ``present``.

    Parameters
    ----------
    labels
        One column's ``{code: label}``, in the code table's order.
    present
        The values a table shows (a code without a label among them), kept after the labels.

    Returns
    -------
    list of str
        Each label once, in order.
    """
    ordered = list(dict.fromkeys(str(label) for label in labels.values()))
    known = set(ordered)
    ordered += [str(v) for v in dict.fromkeys(present) if str(v) not in known]
    return ordered
