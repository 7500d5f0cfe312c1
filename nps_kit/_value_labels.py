"""Coded answers read as their labels: ``value_labels:`` (column → {code: label}) at load.

Research agencies and many survey tools (SPSS-style exports, a 集計表 of SA codes, Qualtrics'
"numeric values") write a single-choice answer as its code: 性別 1/2, 年代 1 … 6. What each code
means is in a code table (「コード表」, "Codebook", "Value labels"). A report of groups "1" and
"2" tells a manager nothing, so the loader writes each coded cell as its label once, right after
the export is read (CODES40): every later step (unit filter, ``data.exclude``, the score parse,
breakdowns, follow-ups, the overview and the e-mail) sees the labels. A code the table does not
name is never guessed: it stays as written and is said in the data quality
(:class:`Unlabelled`). The table's order is the labels' order (年代 1 … 6): :func:`label_order`.
A multi-select cell of codes (``1;3``, ``1, 3``, ``1 3``) has each code labelled, its own
separators kept, so the follow-up splits ``Web;店舗`` as it split ``1;3`` (CODES41). Whether a
column is multi-select is decided per column, not per cell (REVIEW41): only when a clear share
of its answers list several options (:data:`MULTI_SHARE`). A stray ``1;2`` in a single-answer
column (性別) is a slip, not two answers: it stays as written and is said with the codes
without a label.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Final

import pandas as pd

from nps_kit._value_key import SEPARATOR_FAMILIES, cell_text, value_key

__all__ = [
    "MULTI_ROWS",
    "MULTI_SHARE",
    "Unlabelled",
    "ValueLabels",
    "apply_value_labels",
    "as_tables",
    "code_key",
    "label_order",
    "rows_with_code",
]

# The separators of a multi-select cell, with the spaces around them (kept as written).
_SEPARATED = re.compile(
    r"(\s*(?:" + "|".join(re.escape(f) for family in SEPARATOR_FAMILIES for f in family) + r")\s*)"
)
_SPACED = re.compile(r"(\s+)")

#: The share of a column's answers (and at least :data:`MULTI_ROWS` of them) that must list
#: several options for its cells to be read as multi-select. A multi-select question has many
#: respondents choosing two options or more; a single-answer column's slips are one in hundreds.
MULTI_SHARE: Final = 0.05
MULTI_ROWS: Final = 2

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
        a label stays; a multi-select column's cells option by option, :data:`MULTI_SHARE`),
        and one :class:`Unlabelled` per column with codes the table does not name, which stay
        as written (a single-answer column's cell listing several codes among them).
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
        # Each distinct cell read once: a coded column holds a handful of codes (or of
        # multi-select cells of codes).
        distinct = cells.dropna().unique()
        shown_of: dict[object, str] = {}
        unknown_of: dict[object, tuple[str, ...]] = {}
        several: dict[object, tuple[str, tuple[str, ...]]] = {}
        answers: list[object] = []
        listing: list[object] = []  # cells of several options, labelled or not
        for value in distinct:
            text = cell_text(value)
            key = code_key(value)
            if not text or key in said_none:
                continue
            answers.append(value)
            if key in lookup:
                shown_of[value] = lookup[key]
                continue
            if _lists_options(text, lookup):
                listing.append(value)
            options = _label_options(text, lookup, said_none)
            if options is None:
                unknown_of[value] = (text,)
            else:
                several[value] = options
        if several and _multi_select(cells, listing, answers):
            for value, (labelled, unnamed) in several.items():
                shown_of[value], unknown_of[value] = labelled, unnamed
        else:
            # A single-answer column's "1;2": one slip, kept as written and said (REVIEW41).
            unknown_of |= {value: (cell_text(value),) for value in several}
        written = cells.map({v: cell_text(v) for v in distinct})
        present = written.notna() & (written != "")
        # A code without a label, and a "no answer" word, stay as written (never guessed).
        shown = cells.map(shown_of).astype(object)
        out[column] = shown.fillna(written).where(present).astype("string")
        unknown = {v: codes for v, codes in unknown_of.items() if codes}
        if unknown:
            codes = tuple(dict.fromkeys(c for v in distinct if v in unknown for c in unknown[v]))
            rows = int(cells.isin(list(unknown)).sum())
            unlabelled.append(Unlabelled(str(column), codes, rows))
    return out, tuple(unlabelled)


def _multi_select(cells: pd.Series, listing: Iterable[object], answers: Iterable[object]) -> bool:
    """Whether a column is multi-select: its cells listing options are a clear share of answers.

    ``listing`` and ``answers`` are distinct cells of ``cells``: those listing two options or
    more (:func:`_lists_options`), and every answer (blanks and "no answer" words aside).
    """
    rows = cells.value_counts()
    listed = int(rows.reindex(list(listing), fill_value=0).sum())
    answered = int(rows.reindex(list(answers), fill_value=0).sum())
    return listed >= MULTI_ROWS and listed >= MULTI_SHARE * answered


def rows_with_code(cells: pd.Series, code: str) -> int:
    """Count the cells of a labelled column that hold ``code`` whole or as one of their options.

    Parameters
    ----------
    cells
        A column as :func:`apply_value_labels` wrote it (some rows of it).
    code
        One of :attr:`Unlabelled.codes`.

    Returns
    -------
    int
        The rows whose cell is ``code`` or a multi-select cell (``Web;9``) with ``code`` in it.
    """
    distinct = cells.dropna().unique()
    holding = [v for v in distinct if code in {cell_text(v), *_options(cell_text(v))[0::2]}]
    return int(cells.isin(holding).sum())


def _options(text: str) -> list[str]:
    """Return a multi-select cell's options and separators, alternating (options at 0, 2 …)."""
    # Spaces separate options only in a cell without a separator: "Web search;2" is two.
    parts = _SEPARATED.split(text)
    return parts if len(parts) >= 3 else _SPACED.split(text)


def _lists_options(text: str, lookup: Mapping[str, str]) -> bool:
    """Whether a cell lists two options or more, one of them a code or label of ``lookup``."""
    options = _options(text)[0::2]
    return len(options) >= 2 and any(code_key(o) in lookup for o in options)


def _label_options(
    text: str, lookup: Mapping[str, str], said_none: set[str]
) -> tuple[str, tuple[str, ...]] | None:
    """Label each code of a multi-select cell (``1;3``, ``1, 3``, ``1 3``); ``None``: not one.

    The cell's own separators are kept, so the follow-up's ``separator:`` splits the labels as
    it split the codes. A cell is one when it holds two options or more and one of them is a
    code or label; its other options stay as written and are returned as codes without a label.
    """
    if not _lists_options(text, lookup):
        return None
    parts = _options(text)
    options = parts[0::2]
    # A label holding the cell's own separator ("Price, value" in a cell split on ",") would be
    # split again into options no one chose: such a cell keeps its codes (said as unlabelled).
    separators = {part.strip() or part for part in parts[1::2]}
    labels = [lookup[code_key(o)] for o in options if code_key(o) in lookup]
    if any(sep in label for sep in separators for label in labels):
        return None
    parts[0::2] = [lookup.get(code_key(o), o) for o in options]
    unknown = (o for o in options if o and code_key(o) not in {*lookup, *said_none})
    return "".join(parts), tuple(unknown)


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
