"""Hits of the dictionaries that the learned layer may not drop (nps_kit/text/_kept.py)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from nps_kit.text._kept import (
    CHAT_WITH_SOMEONE,
    HOME_SIZE,
    MESSAGES_ARRIVE,
    PRICE_RISE,
    kept_hits,
)
from nps_kit.text._match import matcher
from nps_kit.text.packs import load_pack
from nps_kit.text.sentiment import tag_polarity
from nps_kit.text.tokens import normalise_one


@pytest.mark.parametrize(
    ("text", "theme", "polarity"),
    [
        # QA18 (a gym's export): the generic layer dropped these short answers' only theme.
        ("駐輪場が狭い", "usability", "negative"),
        ("駐輪場を増やしてください", "usability", "negative"),
        ("レッスンが楽しい", "quality", "positive"),
        ("ヨガのレッスンが楽しい♪", "quality", "positive"),
    ],
)
def test_a_short_answers_only_theme_survives_the_layer(
    text: str, theme: str, polarity: str
) -> None:
    tags = tag_polarity(pd.Series([text], dtype="string"), load_pack("generic"))
    assert tags.loc[0].dropna().astype(str).to_dict() == {theme: polarity}
    rules = tag_polarity(pd.Series([text], dtype="string"), load_pack("generic"), learned=False)
    assert rules.loc[0].dropna().astype(str).to_dict() == {theme: polarity}


def test_a_word_in_a_clause_that_names_another_theme_is_left_to_the_layer() -> None:
    book = load_pack("generic")
    texts = [normalise_one(t) for t in ("駐輪場が狭い", "駐輪場のスタッフが親切", "駐輪場が狭い")]
    dropped = np.zeros((3, len(book.ids)), dtype=bool)
    dropped[:, book.ids.index("usability")] = True
    kept = kept_hits("generic", book.ids, texts, dropped, matcher(book.themes))
    assert kept[:, book.ids.index("usability")].tolist() == [True, False, True]
    assert not kept.sum() - 2
    # Another pack, or none, keeps nothing.
    assert not kept_hits("retail", book.ids, texts, dropped, matcher(book.themes)).any()
    assert not kept_hits(None, book.ids, texts, dropped, matcher(book.themes)).any()


@pytest.mark.parametrize("pack", ["retail", "generic", "saas", "finance"])
def test_a_price_put_up_is_kept_where_it_names_no_other_theme(pack: str) -> None:
    # ERR21: the layers were trained before the pattern (kept.PRICE_RISE) and dropped its hits
    texts = pd.Series(["They've put the membership up again.", "Rent has gone up."])
    tags = tag_polarity(texts.astype("string"), load_pack(pack))
    assert tags["price"].astype(str).tolist() == ["negative", "negative"]


def test_the_kept_price_rise_is_a_pattern_of_every_packs_price_theme() -> None:
    for pack in ("retail", "generic", "saas", "finance"):
        price = next(t for t in load_pack(pack).themes if t.id == "price")
        assert PRICE_RISE in price.patterns, pack


def test_hard_cancellation_survives_the_retail_layer() -> None:
    # FIX51 (QA27 #1): the layer dropped 解約しにくい's usability beside a phone complaint.
    text = "退会しにくい。窓口に電話するしかない"
    tags = tag_polarity(pd.Series([text], dtype="string"), load_pack("retail"))
    assert tags.loc[0].dropna().astype(str).to_dict() == {
        "usability": "negative",
        "phone": "negative",
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # FIX51 (QA27 #1): the layer added delivery from 届 and price from 高く.
        ("広告メールが多い。毎日届くのでもう要らない", {"communication": "negative"}),
        ("保湿力が高くて冬でもしっとり", {"quality": "positive"}),
    ],
)
def test_the_retail_layer_adds_no_theme_its_veto_names(text: str, expected: dict) -> None:
    tags = tag_polarity(pd.Series([text], dtype="string"), load_pack("retail"))
    assert tags.loc[0].dropna().astype(str).to_dict() == expected


def test_the_veto_of_messages_is_the_delivery_exclude_of_the_retail_pack() -> None:
    from importlib import resources

    themes = resources.files("nps_kit.resources").joinpath("themes.yaml").read_text("utf-8")
    assert MESSAGES_ARRIVE.replace("\\", "\\\\") in themes or MESSAGES_ARRIVE in themes


@pytest.mark.parametrize(
    ("pack", "theme_id", "veto"),
    [("generic", "quality", HOME_SIZE), ("retail", "chat", CHAT_WITH_SOMEONE)],
)
def test_the_english_vetoes_are_excludes_of_their_theme(
    pack: str, theme_id: str, veto: str
) -> None:
    # FIX67: the same words as the exclude the layer of round 13 was trained beside
    book = load_pack(pack)
    assert veto in book.themes[book.ids.index(theme_id)].excludes
