"""Order of group labels: ordinal categories keep their natural order, the rest sort by NPS.

Tenure bands (「1年未満, 1〜3年, 3〜5年, 5年以上」, "Less than 1 year, 1-3 years, 5+ years"), age
bands and size bands are ordered; a chart sorted by NPS scrambles them and hides the trend
across them. :func:`ordinal_order` recognises such labels (every label starts its number range
with a number) and returns them in order; a breakdown's ``order:`` in the parameters overrides it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence

__all__ = ["group_order", "ordinal_order"]

_NUMBER = re.compile(r"\d+(?:\.\d+)?")
# Words that put a band before or after the others starting at the same number.
_BELOW = re.compile(r"未満|以下|まで|less than|under|below|up to|<", re.IGNORECASE)
_ABOVE = re.compile(r"以上|超|more than|over|above|or more|\+|>", re.IGNORECASE)


def _key(label: str) -> tuple[float, int] | None:
    text = unicodedata.normalize("NFKC", label)
    found = _NUMBER.search(text)
    if found is None:
        return None
    rank = -1 if _BELOW.search(text) else 1 if _ABOVE.search(text) else 0
    return float(found.group()), rank


def ordinal_order(labels: Iterable[object]) -> list[str] | None:
    """Return the labels in their natural order when they are numeric bands, else ``None``.

    Parameters
    ----------
    labels
        The group labels (missing values are ignored).

    Returns
    -------
    list of str or None
        The distinct labels ordered by their first number ("1年未満" before "1〜3年", "5+
        years" after "3-5 years"), or ``None`` when fewer than two labels or any label has
        no number (then the groups are not ordinal).

    Examples
    --------
    >>> ordinal_order(["5年以上", "1〜3年", "1年未満", "3〜5年"])
    ['1年未満', '1〜3年', '3〜5年', '5年以上']
    >>> ordinal_order(["Web", "アプリ"]) is None
    True
    """
    distinct = list(dict.fromkeys(str(v) for v in labels if v is not None and v == v))
    if len(distinct) < 2:
        return None
    keys = {label: _key(label) for label in distinct}
    if any(k is None for k in keys.values()):
        return None
    return sorted(distinct, key=lambda label: keys[label])  # type: ignore[arg-type,return-value]


def group_order(labels: Iterable[object], order: Sequence[str] | None = None) -> list[str] | None:
    """Return the order to show groups in: ``order`` if given, else the ordinal order, else None.

    Labels present in the data but missing from ``order`` follow it, in their ordinal order when
    they have one; ``order`` entries absent from the data are skipped.

    Parameters
    ----------
    labels
        The group labels of the table.
    order
        The breakdown's ``order:`` from the parameters, or ``None``.

    Returns
    -------
    list of str or None
        The labels in display order, or ``None`` when they should be sorted by NPS.
    """
    present = list(dict.fromkeys(str(v) for v in labels if v is not None and v == v))
    if order is None:
        return ordinal_order(present)
    listed = [o for o in order if o in present]
    rest = [p for p in present if p not in listed]
    return listed + (ordinal_order(rest) or rest)
