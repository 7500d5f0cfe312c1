"""Tests for nps_kit.text.languages: comments in a language no pack reads (QA26 #13, #14, #19)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from nps_kit.text import languages, load_pack, tag_themes
from nps_kit.text.languages import comment_languages, language_name, other_language, unread
from nps_kit.text.sentiment import tag_polarity
from nps_kit.text.tokens import normalise_one

FRENCH_WIFI = "Le Wi-Fi ne fonctionnait pas dans la chambre."
GERMAN_NOISE = "Zu laut, das Zimmer lag direkt an der Straße."
SPANISH_CHECKIN = "El check-in fue muy lento."


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (FRENCH_WIFI, "fr"),
        (GERMAN_NOISE, "de"),
        (SPANISH_CHECKIN, "es"),
        ("Rapport qualité-prix décevant, chambre minuscule.", "fr"),
        ("Telefonisch nie erreichbar, Termin wurde vergessen.", "de"),
    ],
)
def test_other_language_finds_french_german_spanish(text: str, code: str) -> None:
    assert other_language(text) == code
    assert other_language(normalise_one(text)) == code  # as the tagger reads it


@pytest.mark.parametrize(
    "text",
    [
        "Wi-Fi kept dropping, impossible to work.",
        "No frills, no fuss.",  # CLD2 says Romansh: under MIN_LETTERS
        "Merci",
        "Danke!",
        "受付の方がとても親切でした。",
        "Great café, the croissants were délicieux.",
        "🙆‍♀️",
        "",
    ],
)
def test_other_language_leaves_english_japanese_and_short_answers(text: str) -> None:
    assert other_language(text) is None


def test_comment_languages_per_comment() -> None:
    texts = pd.Series(["Staff were lovely.", FRENCH_WIFI, "とても良かった", None, "123"])
    assert comment_languages(texts).tolist() == ["en", "fr", "ja", pd.NA, pd.NA]


def test_unread_mask() -> None:
    assert unread([GERMAN_NOISE, "Room was noisy all night."]).tolist() == [True, False]
    assert unread([]).dtype == np.bool_


def test_language_name_en_ja() -> None:
    assert language_name("fr", "en") == "French"
    assert language_name("de", "ja") == "ドイツ語"
    assert language_name("sw", "en") == "Swahili"  # CLD2's own name where none is kept


def test_tag_themes_gives_a_foreign_comment_no_theme() -> None:
    book = load_pack("generic")
    texts = pd.Series(["Wi-Fi kept dropping, impossible to work.", FRENCH_WIFI])
    for learned in (True, False):
        tags = tag_themes(texts, book, learned=learned).fillna(False).astype(bool)
        assert tags.iloc[0].any()
        assert not tags.iloc[1].any()


def test_tag_polarity_gives_no_score_polarity_to_a_foreign_comment() -> None:
    # QA26 #13: a French Wi-Fi complaint from a promoter was quality:positive (the score's).
    book = load_pack("generic")
    texts = pd.Series(
        [FRENCH_WIFI, GERMAN_NOISE, "Rapport qualité-prix décevant, chambre minuscule."]
    )
    segments = pd.Series(["promoter"] * 3)
    polarity = tag_polarity(texts, book, segments=segments)
    assert polarity.isna().all().all()


def test_one_long_word_is_no_other_language() -> None:
    # Hypothesis found CLD2 sure of a language in a keyword repeated without a space.
    assert other_language("MESSENGERMESSENGER") is None
    assert other_language("redeliveryarrivesredeliveryapps使いづら") is None


# Letters, digits, marks, spaces and punctuation of several scripts, as comments mix them.
_MIXED = st.text(
    alphabet=st.sampled_from(list("ab Zé1_-'.,!ßø漢かナ\u0301\t\n😀ǅⅣ٣")) | st.characters(),
    max_size=60,
)


@given(_MIXED)
def test_enough_letters_and_words_as_counting_them(text: str) -> None:
    # SPEED63: other_language tells "at least 15 letters in at least 3 words" by a match from
    # the start instead of listing every letter; the answers must be the counts'.
    letters = len(languages._LETTER.findall(text)) >= languages.MIN_LETTERS
    words = len(languages._WORD.findall(text)) >= languages.MIN_WORDS
    assert (languages._ENOUGH_LETTERS.match(text) is not None) == letters
    assert (languages._ENOUGH_WORDS.match(text) is not None) == words


def test_enough_words_never_cuts_a_word_in_two() -> None:
    assert languages._ENOUGH_WORDS.match("abcdefghijklmnopqrst") is None
    assert languages._ENOUGH_WORDS.match("ab cd") is None
    assert languages._ENOUGH_WORDS.match("ab, cd 9 ef") is not None
    assert languages._ENOUGH_LETTERS.match("a1 " * 14) is None
    assert languages._ENOUGH_LETTERS.match("a1 " * 15) is not None


# FIX50 (QA26 #14): a user's own keywords still tag comments in a language no pack reads.
EXTENDS = """version: 1
extends: generic
themes:
  speed:
    keywords:
      en: [Wartezeit, Termin]
  werkstatt:
    label: {ja: 整備, en: Workshop}
    keywords:
      en: [Reparatur]
"""
OWN_FILE = """version: 1
themes:
  wartezeit:
    label: {ja: 待ち時間, en: Waiting time}
    keywords:
      en: [Wartezeit, Termin]
"""
GERMAN_WAIT = "Telefonisch nie erreichbar, Termin wurde vergessen."
GERMAN_REPAIR = "Nach der Reparatur war das Geräusch immer noch da."


def _book(tmp_path, text: str):
    from nps_kit.text import load_themes

    path = tmp_path / "themes.yaml"
    path.write_text(text, encoding="utf-8")
    return load_themes(path)


def test_own_keywords_tag_a_foreign_comment_and_pack_words_do_not(tmp_path) -> None:
    # Before TEXT47 "Wartezeit, Termin" under en: tagged 240 of 781 German comments; TEXT47
    # gave them none. A pack's loan word ("Wi-Fi" in French) still tags nothing.
    texts = pd.Series([GERMAN_WAIT, GERMAN_REPAIR, FRENCH_WIFI, "Wi-Fi kept dropping, all day."])
    for text, learned in ((EXTENDS, True), (EXTENDS, False), (OWN_FILE, False)):
        book = _book(tmp_path, text)
        tags = tag_themes(texts, book, learned=learned).fillna(False).astype(bool)
        wait = "speed" if "speed" in book.ids else "wartezeit"
        assert tags.loc[0][tags.loc[0]].index.tolist() == [wait]
        assert tags.loc[1].any() == ("werkstatt" in book.ids)
        assert not tags.loc[2].any()
        if text == EXTENDS:
            assert tags.loc[1][tags.loc[1]].index.tolist() == ["werkstatt"]
            assert tags.loc[3, "quality"]


def test_a_foreign_comment_tagged_by_own_words_is_neutral_never_the_scores(tmp_path) -> None:
    # Nothing reads the language: neither the rules nor the score judge the mention.
    book = _book(tmp_path, EXTENDS)
    texts = pd.Series([GERMAN_WAIT, GERMAN_REPAIR, GERMAN_WAIT])
    segments = pd.Series(["detractor", "promoter", "promoter"])
    for learned in (True, False):
        polarity = tag_polarity(texts, book, segments=segments, learned=learned)
        assert polarity.loc[0, "speed"] == "neutral" and polarity.loc[2, "speed"] == "neutral"
        assert polarity.loc[1, "werkstatt"] == "neutral"
        assert polarity.notna().sum().sum() == 3  # the themes of tag_themes, no more
