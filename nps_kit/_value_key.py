"""When two cells of a column name the same group: one rule for units and breakdowns.

An export writes one shop as ``ﾐﾗｲﾓﾊﾞｲﾙｼｮｯﾌﾟ新宿西口`` on some rows and
``ミライモバイルショップ新宿西口`` on others (half- and full-width katakana, QA29 F2/F3), one
region as ``North`` and ``north``, one ward as ``Ward  3B``. Init's unit list, a unit's
``data.filter``, ``score --by`` and a report's breakdowns all group or match cells by
:func:`value_key`, so the same shop is one unit and one group everywhere, shown in the spelling
most of its rows use (:func:`one_spelling`).
"""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "SEPARATOR_FAMILIES",
    "cell_text",
    "counted_spellings",
    "one_spelling",
    "spellings",
    "value_key",
]

#: How a multi-select cell separates its options (``A;B``, ``1,3``, ``A、B``): each family's
#: forms are one separator. The follow-ups split by them and ``value_labels`` labels codes by them.
SEPARATOR_FAMILIES: Final[tuple[tuple[str, ...], ...]] = (
    (";", "；"),
    (",", "，", "、", "､"),
    ("|", "｜"),
    ("/", "／"),
)

# Kana, kanji and Japanese punctuation (after NFKC: half-width kana are full-width by then).
_JAPANESE: Final = "\u3001-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# A space beside a Japanese character: Japanese writes no spaces between words (QA31 F3).
_JAPANESE_SPACE: Final = re.compile(f"(?<=[{_JAPANESE}]) | (?=[{_JAPANESE}])")


def cell_text(value: object) -> str:
    """Return a cell as one text: NFKC, trimmed, a whole float without ``.0`` (``1.0`` is ``1``).

    A column of whole numbers with blanks is read as float: ``1.0`` must match ``"1"``; a
    full-width ``Ａ`` or ``１`` is the ``A`` or ``1`` of the same answer. Case and inner spaces
    are kept: what a message shows of an answer.
    """
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return unicodedata.normalize("NFKC", str(value)).strip()


def value_key(value: object) -> str:
    """Return the identity of a unit's or a breakdown's value: equal keys are one group.

    :func:`cell_text` with runs of white space as one space and letters case-folded, so
    ``ﾐﾗｲﾓﾊﾞｲﾙ`` and ``ミライモバイル``, ``Ward  3B`` and ``ward 3b`` are one value; a space
    beside a Japanese character is dropped, as Japanese separates no words with spaces, so
    ``ホテル Ａ`` is ``ホテルA`` (QA31 F3) while ``Ward 3B`` stays apart from ``Ward3B``.

    Parameters
    ----------
    value
        A cell as the export wrote it, or a value of ``data.filter.values``.

    Returns
    -------
    str
        The key; ``""`` for a blank cell.
    """
    return _JAPANESE_SPACE.sub("", " ".join(cell_text(value).split())).casefold()


def spellings(values: pd.Series) -> dict[str, list[tuple[str, int]]]:
    """Return each value's spellings and their rows, most frequent first, by :func:`value_key`.

    Parameters
    ----------
    values
        A column's cells; blanks are left out.

    Returns
    -------
    dict
        ``{key: [(spelling, rows), …]}``, the spelling most rows use first (ties: the first in
        code-point order), the spellings as written but trimmed.
    """
    return counted_spellings(values.dropna().astype(str).str.strip().value_counts(sort=False))


def counted_spellings(counts: pd.Series) -> dict[str, list[tuple[str, int]]]:
    """Return :func:`spellings` of texts already counted (``{text: rows}``, as inspect has them).

    Parameters
    ----------
    counts
        Rows per distinct text, the texts as the index; ``""`` is left out.

    Returns
    -------
    dict
        ``{key: [(spelling, rows), …]}``, the spelling most rows use first, in the order the
        keys first occur in ``counts``.
    """
    found: dict[str, list[tuple[str, int]]] = {}
    for text, n in counts.items():
        if text:
            found.setdefault(value_key(text), []).append((str(text), int(n)))
    return {
        key: sorted(written, key=lambda pair: (-pair[1], pair[0])) for key, written in found.items()
    }


def one_spelling(values: pd.Series) -> pd.Series:
    """Return a column with each value written as most of its rows spell it.

    Values with one :func:`value_key` become the one spelling of :func:`spellings` (the most
    frequent); a column without such variants is returned as it is, numbers and dates too.

    Parameters
    ----------
    values
        The column to group by (a unit column, a breakdown).

    Returns
    -------
    pandas.Series
        Same index; variants merged (object dtype then), blanks kept.
    """
    import pandas as pd

    dtype = values.dtype
    if isinstance(dtype, pd.CategoricalDtype):
        texts = pd.Index(dtype.categories)
    elif pd.api.types.is_object_dtype(dtype) or pd.api.types.is_string_dtype(dtype):
        texts = pd.Index(pd.unique(values.dropna()))
    else:
        return values
    if len(texts) < 2 or not all(isinstance(v, str) for v in texts):
        return values
    keys = [value_key(v) for v in texts]
    if len(set(keys)) == len(keys):
        return values
    shown = {key: written[0][0] for key, written in spellings(values).items()}
    merged = {v: shown.get(k, v) for v, k in zip(texts, keys, strict=True)}
    out = values.astype(object).map(merged)
    return out.where(values.notna(), values.astype(object))
