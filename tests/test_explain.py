from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from nps_kit.text import load_pack, load_themes, normalise_one, tag_themes
from nps_kit.text.explain import SOURCES, explain_themes, matched_words

DATA = Path(__file__).parent / "data"


def _comments(pack: str) -> pd.Series:
    frame = pd.read_csv(DATA / "theme_train12_en.csv", dtype=str, keep_default_na=False)
    other = pd.read_csv(DATA / "theme_train12_ja.csv", dtype=str, keep_default_na=False)
    both = pd.concat([frame, other], ignore_index=True)
    return both.loc[both["pack"] == pack, "text"].reset_index(drop=True)


@pytest.mark.parametrize("pack", ["retail", "saas", "finance", "generic"])
def test_explained_themes_are_the_tagged_ones(pack: str) -> None:
    texts = pd.concat([_comments(pack), pd.Series([None, "", "特になし"])], ignore_index=True)
    book = load_pack(pack)
    why = explain_themes(texts, book)
    tags = tag_themes(texts, book)
    tagged = {(r, t) for r, t in zip(*tags.fillna(False).to_numpy().nonzero(), strict=True)}
    kept = why[why["source"] != "dropped"]
    ids = {t: j for j, t in enumerate(book.ids)}
    assert {(r, ids[t]) for r, t in zip(kept["row"], kept["theme"], strict=True)} == tagged
    # the words that found a theme are those the dictionaries alone find
    words = why[why["source"] != "layer"]
    alone = tag_themes(texts, book, learned=False).fillna(False).to_numpy().nonzero()
    assert {(r, ids[t]) for r, t in zip(words["row"], words["theme"], strict=True)} == set(
        zip(*alone, strict=True)
    )
    assert (words["words"] != "").all() and (why.loc[why["source"] == "layer", "words"] == "").all()
    assert set(why["source"]) <= set(SOURCES)


@pytest.mark.parametrize("pack", ["retail", "generic"])
def test_matched_words_are_found_exactly_where_the_theme_matches(pack: str) -> None:
    book = load_pack(pack)
    for text in _comments(pack).head(120):
        normalised = normalise_one(text)
        for theme in book.themes:
            words = matched_words(theme, normalised)
            assert (words is not None) == theme.matches(normalised), (theme.id, text)
            if words is not None and not words.endswith(" (lemmas)"):
                assert words in normalised


def test_explain_says_what_matched_what_the_layer_added_and_dropped() -> None:
    texts = pd.Series(
        [
            "Cheap but out of town.",
            "Good product, just took ages to turn up",
            "営業マンの説明が丁寧でした",
        ],
        index=["a", "b", "c"],
    )
    why = explain_themes(texts, load_pack("retail"))
    assert why.to_dict("records") == [
        {"row": "a", "theme": "price", "source": "words", "words": "cheap"},
        {"row": "a", "theme": "quality", "source": "layer", "words": ""},
        {"row": "b", "theme": "delivery", "source": "words", "words": "took ages to turn up"},
        {"row": "b", "theme": "quality", "source": "words", "words": "good product"},
        {"row": "c", "theme": "staff", "source": "dropped", "words": "営業マン"},
        {"row": "c", "theme": "communication", "source": "layer", "words": ""},
    ]


def test_a_lemma_match_says_so(tmp_path: Path) -> None:
    path = tmp_path / "themes.yaml"
    path.write_text(
        "version: 1\nthemes:\n  speed:\n    label: {ja: 速さ, en: Speed}\n"
        "    keywords: {en: [take age]}\n",
        encoding="utf-8",
    )
    book = load_themes(path)
    assert matched_words(book.themes[0], normalise_one("It took ages")) == "take age (lemmas)"
    why = explain_themes(pd.Series(["It took ages", "Fast"]), book)  # no pack: no layer
    assert why.to_dict("records") == [
        {"row": 0, "theme": "speed", "source": "words", "words": "take age (lemmas)"}
    ]


def test_a_money_amount_is_shown_whole() -> None:
    # QA23 #4: the price pattern needs only the first digit, so the why read "price: £8" for
    # "£85"; what matched is shown to the end of its word or number.
    book = load_pack("retail")
    price = book.themes[book.ids.index("price")]
    # (Not "my direct debit went up from £85": since ERR24 that rise is what matches first.)
    text = normalise_one("They took £85 then £140.50 with no explanation.")
    assert matched_words(price, text) == "£85"
    assert matched_words(price, normalise_one("It was £1,230.50 in the end")) == "£1,230.50"


def test_a_foreign_comment_shows_only_the_own_words_that_tagged_it(tmp_path: Path) -> None:
    # FIX50 (QA26): "Le Wi-Fi ne fonctionnait pas" was explained "quality: dropped by the
    # learned layer (wi-fi)", a hit never read (the comment is French); the analyst's own word
    # that does tag a German comment is shown, not a pack word of the same theme.
    path = tmp_path / "themes.yaml"
    path.write_text(
        "version: 1\nextends: generic\nthemes:\n  speed:\n    keywords:\n      en: [Termin]\n",
        encoding="utf-8",
    )
    book = load_themes(path)
    texts = pd.Series(
        [
            "Le Wi-Fi ne fonctionnait pas dans la chambre.",
            "Termin wurde vergessen, lange Wartezeit, es ging nicht schnell.",
        ]
    )
    frame = explain_themes(texts, book)
    assert frame[["row", "theme", "source", "words"]].values.tolist() == [
        [1, "speed", "words", "termin"]
    ]
    tagged = tag_themes(texts, book).fillna(False).astype(bool)
    assert tagged.loc[1, "speed"] and not tagged.loc[0].any()


@pytest.mark.parametrize("pack", ["retail", "saas"])
def test_polarity_sources_say_where_each_mentions_polarity_came_from(pack: str) -> None:
    # FIX90 #3: --explain said which words found a theme, not where its polarity came from.
    from nps_kit.text.sentiment import (
        POLARITY_SOURCES,
        _tag_polarity,
        polarity_sources,
        tag_polarity,
    )

    texts = pd.concat(
        [_comments(pack), pd.Series([None, "Die Lieferung war schnell, delivery gut"])],
        ignore_index=True,
    )
    segments = pd.Series(
        [("detractor", "passive", "promoter")[i % 3] for i in range(len(texts))],
        index=texts.index,
    )
    book = load_pack(pack)
    for given in (None, segments):
        reading = polarity_sources(texts, book, segments=given)
        # the polarity is tag_polarity's, read in the same pass
        pd.testing.assert_frame_equal(reading.polarity, tag_polarity(texts, book, segments=given))
        assert reading.polarity.notna().equals(reading.source.notna())
        found = {s for s in reading.source.to_numpy(dtype=object).ravel() if isinstance(s, str)}
        assert found <= set(POLARITY_SOURCES) and {"rules", "layer"} <= found
        if given is None:  # without scores neither the score nor the correction reads one
            assert not found & {"score", "correction"}
    # with scores: the correction's mentions are those it changed, the score's are judged
    # by their segment, and the rules' are what the rules alone say
    assert {"score", "correction"} <= found
    alone = _tag_polarity(texts, book, segments=segments, learned=True, correct=False)
    source = reading.source.to_numpy(dtype=object)
    after, before = reading.polarity.to_numpy(dtype=object), alone.to_numpy(dtype=object)
    corrected = source == "correction"
    assert (after[corrected] != before[corrected]).all()
    rows, _ = np.nonzero(source == "score")
    expected = segments.iloc[rows].map({"detractor": "negative", "promoter": "positive"})
    assert (after[source == "score"] == expected.to_numpy()).all()
    assert (after[source == "unread"] == "neutral").all()
