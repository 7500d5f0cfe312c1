"""Show once the themes that exactly the same comments carry.

A question whose comments all name delivery and packaging together ("配送も梱包もひどい") gave
the theme table and chart two rows with the same mentions, shares, NPS and gain (FIX75): two
rows that say one thing, and a manager reads two problems. Such themes are one row, named by
every label ("配送／梱包", "Delivery · Packaging"), and its ``themes`` lists the theme ids it
stands for, so each theme's figures are traced to the row. Themes are one row only when the
same comments carry them *and* every figure is the same: the same comments praising one theme
and complaining about the other give different gains, and stay two rows.
"""

from __future__ import annotations

from typing import Final

import pandas as pd

from nps_kit.i18n import Language

__all__ = ["JOINERS", "merge_same_comments"]

#: Between the labels of one row's themes, per language: Japanese joins with "／" as its other
#: lists do ("配送／梱包"; FIX76: the half-width " · " read as English), English with " · ".
JOINERS: Final[dict[Language, str]] = {"ja": "／", "en": " · "}


def merge_same_comments(table: pd.DataFrame, tags: pd.DataFrame, *, lang: Language) -> pd.DataFrame:
    """Make one row of the themes mentioned in exactly the same comments with the same figures.

    Parameters
    ----------
    table
        A theme table (:func:`nps_kit.text.theme_impact`, flagged by the analysis): one row per
        theme, ``theme`` and ``label`` then its figures, in the order it is shown.
    tags
        The theme tags the table was measured on: one boolean column per theme (NA where a
        response has no comment).
    lang
        The language of the table's labels: ``"ja"`` or ``"en"``.

    Returns
    -------
    pandas.DataFrame
        The table in its order, each group of such themes one row at its first theme's place,
        its ``label`` the themes' labels joined by the language's :data:`JOINERS`; a ``themes``
        column holds the theme ids of every row (one for most). Themes nobody mentioned stay as
        they are.
    """
    figures = [c for c in table.columns if c not in ("theme", "label")]
    said = tags.fillna(False).astype(bool)
    groups: list[list[int]] = []  # positions of the table's rows, one list per shown row
    for i, (theme, mentions) in enumerate(zip(table["theme"], table["mentions"], strict=True)):
        for group in groups:
            first = group[0]
            if mentions > 0 and _same_comments(said, theme, table["theme"].iloc[first]):
                if _same(table[figures].iloc[first], table[figures].iloc[i]):
                    group.append(i)
                    break
        else:
            groups.append([i])
    order: dict[object, int] = {theme: k for k, theme in enumerate(said.columns)}
    rows = []
    for group in groups:
        row = table.iloc[group[0]].to_dict()
        # Named in the themes file's order, as a comment's themes are ("配送／梱包").
        named = sorted(
            table.iloc[group][["theme", "label"]].itertuples(index=False),
            key=lambda r: order.get(r.theme, len(order)),
        )
        joined = JOINERS[lang].join(str(r.label) for r in named)
        row["label"] = joined if len(group) > 1 else row["label"]
        row["themes"] = tuple(r.theme for r in named)
        rows.append(row)
    merged = pd.DataFrame(rows, columns=[*table.columns, "themes"])
    return merged.astype(table.dtypes.to_dict()) if len(merged) else table.assign(themes=None)


def _same_comments(said: pd.DataFrame, theme: object, other: object) -> bool:
    """Whether both themes are in the tags and exactly the same comments carry them."""
    if theme not in said.columns or other not in said.columns:
        return False
    return bool(said[theme].equals(said[other]))


def _same(first: pd.Series, second: pd.Series) -> bool:
    """Whether two rows' figures read the same: equal values, or both blank (the floor's NaN)."""
    return all((pd.isna(a) and pd.isna(b)) or a == b for a, b in zip(first, second, strict=True))
