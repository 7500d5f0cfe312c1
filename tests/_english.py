"""A guard for a Japanese reader's lines: no English sentence left in them (MSG42)."""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["english_runs"]

# Three or more English words in a row, apostrophes and hyphens inside a word allowed: a
# sentence or a phrase of one, not a column name, an option (--dedupe) or a key (data.exclude).
_RUN = re.compile(r"(?<![\w.\-/])[A-Za-z][A-Za-z'\-]*(?: [A-Za-z][A-Za-z'\-]*){2,}(?![\w.\-/])")


def english_runs(text: str, *, names: Iterable[str] = ()) -> list[str]:
    """Return the runs of English words in ``text``, once the ``names`` it quotes are removed.

    ``names`` are what a Japanese line names as written: columns, questions, file names,
    commands (``nps-kit run``).
    """
    for name in sorted(names, key=len, reverse=True):
        text = text.replace(name, " ")
    return _RUN.findall(text)
