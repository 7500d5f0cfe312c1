"""Themes that exactly the same comments carry are one row, and only those."""

from __future__ import annotations

import pandas as pd

from nps_kit._same_comments import merge_same_comments

# Four comments (a fifth response without one); columns in the themes file's order.
TAGS = pd.DataFrame(
    {
        "delivery": [True, True, False, False, None],
        "packaging": [True, True, False, False, None],
        "price": [False, False, True, True, None],
        "staff": [False, False, True, False, None],
        "returns": [False, False, False, False, None],
        "wrapping": [True, True, False, False, None],
    },
    dtype="boolean",
)


def table(**gains: float) -> pd.DataFrame:
    """A theme table, in the order shown: the same figures for the themes of rows 0 and 1."""
    rows = [
        ("packaging", "梱包", 2, 50.0, -100.0, gains.get("packaging", 40.0)),
        ("delivery", "配送", 2, 50.0, -100.0, gains.get("delivery", 40.0)),
        ("price", "価格", 2, 50.0, float("nan"), 20.0),
        ("staff", "スタッフ", 1, 25.0, float("nan"), 20.0),
        ("returns", "返品", 0, 0.0, float("nan"), 0.0),
        ("wrapping", "包装", 2, 50.0, -100.0, gains.get("wrapping", 40.0)),
    ]
    columns = ["theme", "label", "mentions", "share", "nps_with", "nps_gain"]
    return pd.DataFrame(rows, columns=columns)


def test_themes_of_the_same_comments_and_figures_are_one_row_named_in_the_files_order() -> None:
    merged = merge_same_comments(table(), TAGS, lang="ja")
    assert merged["label"].tolist() == ["配送／梱包／包装", "価格", "スタッフ", "返品"]
    assert merged["themes"].tolist() == [
        ("delivery", "packaging", "wrapping"),
        ("price",),
        ("staff",),
        ("returns",),
    ]
    # the row's figures are each theme's own, and the columns keep their types
    first = merged.iloc[0]
    assert (first["theme"], first["mentions"], first["nps_gain"]) == ("packaging", 2, 40.0)
    assert merged.dtypes.drop("themes").equals(table().dtypes)


def test_the_same_comments_with_other_figures_stay_two_rows() -> None:
    # the same comments praising packaging and complaining about delivery: other gains
    merged = merge_same_comments(table(delivery=0.0, wrapping=0.0), TAGS, lang="ja")
    assert merged["label"].tolist()[:2] == ["梱包", "配送／包装"]


def test_the_same_figures_from_other_comments_stay_two_rows() -> None:
    tags = TAGS.assign(wrapping=pd.array([True, False, True, False, None], dtype="boolean"))
    merged = merge_same_comments(table(), tags, lang="ja")
    assert merged["label"].tolist() == ["配送／梱包", "価格", "スタッフ", "返品", "包装"]


def test_themes_nobody_mentioned_are_never_one_row() -> None:
    tags = TAGS.assign(staff=TAGS["returns"])
    quiet = table().assign(mentions=0, share=0.0, nps_with=float("nan"), nps_gain=0.0)
    merged = merge_same_comments(quiet, tags, lang="ja")
    assert merged["themes"].map(len).tolist() == [1] * 6


def test_an_empty_table_stays_empty() -> None:
    merged = merge_same_comments(table().iloc[:0], TAGS, lang="ja")
    assert merged.empty and "themes" in merged.columns


def test_each_language_joins_the_labels_with_its_own_joiner() -> None:
    # FIX76: Japanese labels were joined with the half-width " · " where every other Japanese
    # list uses "／"; English keeps " · ".
    english = table().assign(
        label=["Packaging", "Delivery", "Price", "Staff", "Returns", "Wrapping"]
    )
    merged = merge_same_comments(english, TAGS, lang="en")
    assert merged["label"].iloc[0] == "Delivery · Packaging · Wrapping"
    assert merge_same_comments(table(), TAGS, lang="ja")["label"].iloc[0] == "配送／梱包／包装"
