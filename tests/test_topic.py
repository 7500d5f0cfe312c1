"""Tests of nps_kit.text._topic: comments that judge without naming a topic get no added theme."""

from __future__ import annotations

import pandas as pd
import pytest

from nps_kit.text import load_pack, tag_themes
from nps_kit.text._topic import GENERIC_EN, GENERIC_JA, names_no_topic
from nps_kit.text.tokens import normalise_one


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("残念です。", "ja"),
        ("最悪。二度と利用しません。", "ja"),
        ("期待しています。", "ja"),
        ("Won't be back.", "en"),
        ("Hope it gets better.", "en"),
        ("Very disappointed. Never again!", "en"),
    ],
)
def test_judgements_name_no_topic(text: str, lang: str) -> None:
    assert names_no_topic(normalise_one(text), lang)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("値段が高い。残念です。", "ja"),  # a topic beside the judgement
        ("使いこなせませんでした", "ja"),  # using the product is usability
        ("次回いつ来ればいいのか、はっきり言ってほしい", "ja"),
        ("よろしくお願いします。", "ja"),  # no content word at all: not judged
        ("Way too pricey. Won't be back.", "en"),
        ("Rude.", "en"),  # a judgement that points at a topic
        ("$$$ for what it does", "en"),
        ("", "en"),
    ],
)
def test_topics_or_nothing_to_judge(text: str, lang: str) -> None:
    assert not names_no_topic(normalise_one(text), lang)  # type: ignore[arg-type]


def test_vocabularies_hold_no_theme_word() -> None:
    # Words the packs' themes are about must never be generic.
    for word in ("service", "people", "work", "price", "delivery", "staff", "app", "return"):
        assert word not in GENERIC_EN
    for word in ("使う", "次回", "値段", "配送", "店員", "品質", "安い", "高い"):
        assert word not in GENERIC_JA


def _themes(texts: list[str], pack: str) -> list[list[str]]:
    tags = tag_themes(pd.Series(texts), load_pack(pack))
    return [[c for c in tags.columns if tags.at[i, c]] for i in tags.index]


def test_layer_adds_no_theme_to_a_bare_judgement() -> None:
    # The layer alone read quality into 残念です。 and returns into "Won't be back."
    assert _themes(["残念です。", "Won't be back.", "Hope it gets better."], "retail") == [
        [],
        [],
        [],
    ]


def test_dictionary_hits_stay_beside_a_judgement() -> None:
    found = _themes(["値段が高い。残念です。", "Way too expensive. Won't be back."], "retail")
    assert ["price"] == [t for t in found[0] if t == "price"]
    assert "price" in found[1]


def test_overall_theme_of_the_generic_pack_may_still_be_added() -> None:
    # In the generic pack "service" is the experience as a whole: a bare judgement is about it.
    assert names_no_topic(normalise_one("Amazing, just amazing"), "en")
    assert _themes(["Amazing, just amazing"], "generic") == [["service"]]
