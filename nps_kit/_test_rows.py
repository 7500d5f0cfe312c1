"""Rows of an export that look like the staff trying the form, not a customer answering it.

A city's e-form export held one row named テスト whose comment said 「テスト送信です。集計しないで
ください。」, sent the day before the survey opened (QA30 F7): counted, it made a March of n=1 in
a ward's trend. ``inspect`` says where such rows are and ``init --from`` proposes the
``data.exclude`` that leaves them out (:class:`nps_kit.params.RowExclude`); the loader leaves
them out (:func:`nps_kit.load.load_responses`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

import pandas as pd

from nps_kit._value_key import cell_text, value_key

__all__ = ["TestRows", "test_rows"]

#: A whole cell that says "test" (a name テスト, a comment "test"), after value_key.
_WORDS: Final = frozenset(
    {"テスト", "てすと", "テスト送信", "テスト回答", "テストです", "試験", "ダミー"}
    | {"test", "testing", "test test", "test response", "test submission", "dummy", "asdf"}
)
#: A cell that begins by saying it is a test (「テスト送信です。集計しないでください。」).
_STARTS: Final = re.compile(
    r"^(?:テスト(?:送信|回答|入力|です)|this is a test|test (?:only|entry))"
)
#: At most this many rows, and this share of them: a test is one or two submissions.
_MAX_ROWS: Final = 3
_MAX_SHARE: Final = 0.01


@dataclass(frozen=True)
class TestRows:
    """Rows that read as a test, and the ``data.exclude`` entry that leaves them out.

    Attributes
    ----------
    column
        The column whose cells say so (a name column before a comment: its value is short).
    values
        Those cells as written.
    rows
        Their spreadsheet rows.
    """

    __test__ = False  # not a pytest class

    column: str
    values: tuple[str, ...]
    rows: tuple[int, ...]

    def note(self) -> str:
        """Say where the rows are and what leaves them out, for ``inspect``'s notes."""
        where = ", ".join(str(r) for r in self.rows)
        said = ", ".join(repr(v) for v in self.values)
        one = len(self.rows) == 1
        return (
            f"{'Row' if one else 'Rows'} {where} {'looks' if one else 'look'} like a test, not "
            f"a response ({self.column!r} is {said}): data.exclude: [{self.rule()}] leaves "
            f"{'it' if one else 'them'} out of every figure."
        )

    def rule(self) -> str:
        """Return the ``data.exclude`` entry, as YAML on one line."""
        from nps_kit._yaml import scalar

        values = ", ".join(scalar(v) for v in self.values)
        return f"{{column: {scalar(self.column)}, values: [{values}]}}"


def _says_test(cell: object) -> bool:
    key = value_key(cell)
    return key in _WORDS or _STARTS.match(key) is not None


def test_rows(frame: pd.DataFrame, columns: Sequence[str], rows: Sequence[int]) -> TestRows | None:
    """Find the rows whose name or comment says they are a test.

    Parameters
    ----------
    frame
        The export as read (one row per response).
    columns
        The columns to look in: names and free text (a choice column's "Test" option is an
        answer).
    rows
        The spreadsheet row of each row of ``frame``.

    Returns
    -------
    TestRows or None
        The column with the shortest such cells (a name テスト before the comment
        「テスト送信です…」), or ``None`` when no column has one to three such rows (more are
        not a test, or not one to guess).
    """
    found: list[tuple[int, TestRows]] = []
    for column in columns:
        cells = frame[column]
        hits = cells.map(_says_test, na_action="ignore").fillna(False).astype(bool)
        count = int(hits.sum())
        if not count or count > _MAX_ROWS or count > max(1, _MAX_SHARE * len(frame)):
            continue
        said = tuple(dict.fromkeys(cell_text(v) for v in cells[hits]))
        where = tuple(int(r) for r, hit in zip(rows, hits, strict=True) if hit)
        found.append((max(len(v) for v in said), TestRows(column, said, where)))
    if not found:
        return None
    return min(found, key=lambda pair: pair[0])[1]
