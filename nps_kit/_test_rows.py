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
from typing import Final, Literal

import pandas as pd

from nps_kit._value_key import cell_text, value_key
from nps_kit.i18n import Language

__all__ = ["TestRows", "month_rows", "test_rows"]

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
#: A month of at most this many rows, this many months or more from every other month with
#: responses, before or after them all (FIX71: a try of the form before the survey opened).
_MONTH_ROWS: Final = 2
_MONTHS_APART: Final = 2
#: Responses the other months need: two rows beside three are no survey to stand apart from.
_MONTH_REST: Final = 10


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
    #: For rows told by their month alone (:func:`month_rows`): the month, whether it lies
    #: before or after every other month with responses, and how far it is from them
    #: (``3 months before any other month with responses (2026-05 to …)``).
    month: str | None = None
    side: Literal["before", "after"] | None = None
    apart: str = ""
    #: ``apart``'s facts, for another language: months from the others, and their first and
    #: last month (MSG42).
    gap: int = 0
    span: tuple[str, str] = ("", "")

    def note(self, lang: Language = "en") -> str:
        """Say where the rows are and what leaves them out, for ``inspect``'s notes.

        In ``lang`` (MSG42); the ``data.exclude`` entry is YAML in either.
        """
        from nps_kit.i18n import join_names, t

        where = join_names((str(r) for r in self.rows), lang)
        one = len(self.rows) == 1
        # English's number: Row … looks … it, or Rows … look … them (Japanese needs none).
        words = {"row": "Row" if one else "Rows", "it": "it" if one else "them"}
        if self.month is not None:
            # The side as found, not searched for in the wording (FIX74).
            return t(
                f"test_rows.month_{self.side}",
                lang,
                **words,
                only="is the only response" if one else "are the only responses",
                where=where,
                column=self.column,
                values=join_names(self.values, lang),
                month=self.month,
                apart=self.apart,
                gap=self.gap,
                first=self.span[0],
                last=self.span[1],
                rule=self.rule(),
            )
        quote = (lambda v: f"「{v}」") if lang == "ja" else repr
        return t(
            "test_rows.test",
            lang,
            **words,
            looks="looks" if one else "look",
            where=where,
            column=self.column,
            values=join_names(map(quote, self.values), lang),
            rule=self.rule(),
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


def month_rows(
    frame: pd.DataFrame,
    dates: pd.Series,
    rows: Sequence[int],
    *,
    id_column: str | None,
    date_column: str,
) -> TestRows | None:
    """Find the one or two rows of a month far before (or after) every other month.

    A staff test before launch says nothing of itself (a score, an "ok"), but its month stands
    apart: at most :data:`_MONTH_ROWS` rows, :data:`_MONTHS_APART` months or more before or
    after every other month with responses. A small month among the others is the survey's.

    Parameters
    ----------
    frame
        The export as read (one row per response).
    dates
        Each row's date (``datetime64``, ``NaT`` where unread), on ``frame``'s index.
    rows
        The spreadsheet row of each row of ``frame``.
    id_column
        The response id, by which ``data.exclude`` names the rows; ``None``: the date cells
        as written.
    date_column
        The date column.

    Returns
    -------
    TestRows or None
        The rows with their month and how far it is from the others, or ``None``.
    """
    months = dates.dt.to_period("M")
    counts = months.value_counts()
    for month, n in sorted(counts.items()):
        others = counts.drop(month)
        if n > _MONTH_ROWS or others.sum() < _MONTH_REST:
            continue
        first, last = min(others.index), max(others.index)
        side: Literal["before", "after"]
        if month < first:
            gap, side = first.ordinal - month.ordinal, "before"
        elif month > last:
            gap, side = month.ordinal - last.ordinal, "after"
        else:
            continue  # inside the survey: a quiet month, a pause
        if gap < _MONTHS_APART:
            continue
        hits = (months == month).to_numpy()
        column = id_column if id_column is not None else date_column
        values = tuple(dict.fromkeys(cell_text(v) for v in frame.loc[hits, column]))
        return TestRows(
            column,
            values,
            tuple(int(r) for r, hit in zip(rows, hits, strict=True) if hit),
            month=str(month),
            side=side,
            apart=f"{gap} months {side} any other month with responses ({first} to {last})",
            gap=gap,
            span=(str(first), str(last)),
        )
    return None
