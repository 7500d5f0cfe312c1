"""Tests for nps_kit.text.languages: comments in a language no pack reads (QA26 #13, #14, #19)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from nps_kit.text import load_pack, tag_themes
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
