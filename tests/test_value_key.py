"""One rule for when two cells name one group (FIX65, QA29 F2/F3): ﾐﾗｲ is ミライ."""

from __future__ import annotations

import unicodedata

import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from nps_kit._value_key import cell_text, one_spelling, spellings, value_key
from nps_kit.cache import normalise_key

HALF = "ﾐﾗｲﾓﾊﾞｲﾙｼｮｯﾌﾟ新宿西口"
FULL = "ミライモバイルショップ新宿西口"


def test_width_case_and_spaces_are_one_value() -> None:
    assert value_key(HALF) == value_key(FULL)
    assert value_key("Ward  3B ") == value_key("ward 3b")
    assert value_key(1.0) == value_key("1") == "1"
    assert value_key("Ｎｏｒｔｈ") == value_key("north")
    assert value_key("Ward 3B") != value_key("Ward 3B (Cardiology)")
    # Units match their filter values by the same rule.
    assert normalise_key(HALF) == value_key(FULL)
    # A message keeps the case of what it shows.
    assert cell_text(" Yes ") == "Yes"


def test_one_spelling_names_a_group_as_most_rows_spell_it() -> None:
    shops = pd.Series([HALF, HALF, FULL, "渋谷", None, HALF])
    merged = one_spelling(shops)
    assert merged.tolist()[:4] == [HALF, HALF, HALF, "渋谷"]
    assert pd.isna(merged.iloc[4])
    assert spellings(shops)[value_key(FULL)] == [(HALF, 3), (FULL, 1)]


def test_a_column_without_variants_is_returned_as_it_is() -> None:
    plain = pd.Series(["a", "b", "a"], dtype="category")
    assert one_spelling(plain) is plain
    numbers = pd.Series([1, 2, 3])
    assert one_spelling(numbers) is numbers


def test_categories_spelled_two_ways_are_merged() -> None:
    regions = pd.Series(["North", "north", "North", "South"], dtype="category")
    assert one_spelling(regions).tolist() == ["North", "North", "North", "South"]


@given(st.lists(st.sampled_from([HALF, FULL, "North", "north", " North", "Ｓｏｕｔｈ", "South"])))
def test_one_spelling_keeps_one_spelling_per_key_and_is_stable(cells: list[str]) -> None:
    merged = one_spelling(pd.Series(cells, dtype=object))
    keys = {value_key(c) for c in cells}
    assert merged.nunique() == len(keys)
    assert [value_key(v) for v in merged] == [value_key(c) for c in cells]
    assert one_spelling(merged).tolist() == merged.tolist()
    assert all(unicodedata.normalize("NFKC", v).strip() for v in merged)


def test_a_space_beside_japanese_text_names_no_other_group() -> None:
    # QA31 F3: a hotel group's export spelled one property ホテル Ａ on some rows and ホテルA on
    # others; score --by and init's units made two hotels of it. Japanese writes no spaces
    # between words, so a space beside a Japanese character is spelling, not a word break.
    assert value_key("ホテル Ａ") == value_key("ホテルA") == value_key("ﾎﾃﾙ　A")
    assert value_key("北区役所 新川支所") == value_key("北区役所新川支所")
    # Between two Latin words a space still separates them.
    assert value_key("Ward 3B") != value_key("Ward3B")
    cells = pd.Series(["ホテルA", "ホテル Ａ", "ホテルA"])
    assert one_spelling(cells).tolist() == ["ホテルA"] * 3
