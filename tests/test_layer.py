"""The learned theme layer: numpy inference, where it applies, and what it changes."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from nps_kit.score import segment
from nps_kit.text import _layer
from nps_kit.text.packs import load_pack, pack_files
from nps_kit.text.sentiment import tag_polarity
from nps_kit.text.themes import load_themes, tag_themes
from nps_kit.text.tokens import normalise_one

DATA = Path(__file__).resolve().parent / "data"

# Probabilities the training code (scikit-learn, benchmarks/train_theme_model.py --sample)
# gave these comments when it wrote the resource, rounded to 6 places.
EXPECTED = [
    (
        "en",
        "retail",
        "Parcel took ages to turn up and nobody answered my emails",
        {
            "usability": 0.008386,
            "checkout": 0.007585,
            "delivery": 0.799149,
            "phone": 0.041399,
            "chat": 0.005783,
            "email": 0.875355,
            "staff": 0.003163,
            "price": 0.005494,
            "quality": 0.001153,
            "returns": 0.015203,
            "faq": 0.005702,
            "communication": 0.18898,
        },
    ),
    (
        "en",
        "saas",
        "The app keeps crashing since the last update, support was useless",
        {
            "usability": 0.608554,
            "price": 0.003019,
            "communication": 0.003249,
            "performance": 0.040501,
            "reliability": 0.385156,
            "features": 0.025339,
            "support": 0.560324,
            "docs": 0.035692,
            "integrations": 0.002805,
            "onboarding": 0.011171,
        },
    ),
    (
        "en",
        "finance",
        "Friendly staff at the branch but the fees are far too high",
        {
            "usability": 0.048034,
            "phone": 0.000989,
            "staff": 0.996243,
            "price": 0.707707,
            "communication": 0.000762,
            "claims": 0.004364,
            "speed": 0.061518,
            "branch": 0.438862,
            "trust": 0.012677,
            "products": 0.023138,
        },
    ),
    (
        "en",
        "generic",
        "ok",
        {
            "usability": 0.009749,
            "staff": 0.009612,
            "price": 0.014143,
            "quality": 0.009507,
            "communication": 0.003603,
            "speed": 0.017291,
            "service": 0.008709,
        },
    ),
    (
        "ja",
        "retail",
        "送料がもう少し安ければ嬉しいです。配達は早かった",
        {
            "usability": 0.006604,
            "checkout": 0.006012,
            "delivery": 0.815624,
            "phone": 0.00507,
            "chat": 0.004936,
            "email": 0.005674,
            "staff": 0.005638,
            "price": 0.922291,
            "quality": 0.013589,
            "returns": 0.007024,
            "faq": 0.003461,
            "communication": 0.011057,
        },
    ),
    (
        "ja",
        "saas",
        "画面がわかりにくくて、サポートの返事も遅い",
        {
            "usability": 0.197549,
            "price": 0.006991,
            "communication": 0.01034,
            "performance": 0.045579,
            "reliability": 0.018106,
            "features": 0.014898,
            "support": 0.801273,
            "docs": 0.091729,
            "integrations": 0.006245,
            "onboarding": 0.019884,
        },
    ),
    (
        "ja",
        "finance",
        "窓口の対応は丁寧でしたが、手数料が高い",
        {
            "usability": 0.005265,
            "phone": 0.03587,
            "staff": 0.21218,
            "price": 0.91696,
            "communication": 0.00303,
            "claims": 0.011747,
            "speed": 0.03841,
            "branch": 0.055057,
            "trust": 0.025368,
            "products": 0.025398,
        },
    ),
    (
        "ja",
        "generic",
        "特になし",
        {
            "usability": 0.008024,
            "staff": 0.009803,
            "price": 0.00876,
            "quality": 0.019949,
            "communication": 0.013933,
            "speed": 0.019951,
            "service": 0.020206,
        },
    ),
]


@pytest.mark.parametrize(("lang", "pack", "text", "expected"), EXPECTED)
def test_numpy_inference_gives_the_training_codes_probabilities(
    lang: str, pack: str, text: str, expected: dict[str, float]
) -> None:
    themes, prob = _layer.probabilities([normalise_one(text)], lang, pack)
    assert set(themes) == set(expected) == set(load_pack(pack).ids)
    got = dict(zip(themes, prob[0], strict=True))
    for theme, value in expected.items():
        assert got[theme] == pytest.approx(value, abs=2e-6), theme


def test_a_batch_gives_each_comments_own_probabilities() -> None:
    frame = pd.read_csv(DATA / "theme_eval_blind.csv", keep_default_na=False, dtype=str)
    texts = [normalise_one(t) for t in frame.loc[frame["lang"] == "en", "text"]]
    texts = (texts * 10)[: _layer._CHUNK + 300]  # crosses a chunk boundary
    _, batch = _layer.probabilities(texts, "en", "retail")
    for i in (0, 1, _layer._CHUNK - 1, _layer._CHUNK, len(texts) - 1):
        _, alone = _layer.probabilities([texts[i]], "en", "retail")
        np.testing.assert_allclose(batch[i], alone[0], rtol=0, atol=1e-12)


def test_grams_are_those_of_the_training_vectorisers() -> None:
    text = pytest.importorskip("sklearn.feature_extraction.text")
    comments = [
        normalise_one(t)
        for t in ("Delivery took ages, the guy on the tills was rude!", "a b  cd", "ok", "x")
    ]
    char = text.TfidfVectorizer(analyzer="char", ngram_range=(1, 3)).build_analyzer()
    wb = text.TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5)).build_analyzer()
    words = text.TfidfVectorizer(token_pattern=r"[a-z0-9]+", ngram_range=(1, 2))
    for comment in [*comments, normalise_one("送料がもう少し安ければ、嬉しい。")]:
        assert _layer.char_grams(comment) == char(comment)
        assert _layer.char_wb_grams(comment) == wb(comment)
    lemmas = words.build_analyzer()
    from nps_kit.text._lemma import lemma_text

    for comment in comments:
        assert _layer.word_grams(comment) == lemmas(lemma_text(comment))


def test_the_layer_adds_and_drops_themes_of_a_shipped_pack() -> None:
    book = load_pack("finance")
    texts = pd.Series(
        [
            "窓口の方がとても親切で、年配の母にもわかるように説明してくれました",
            "電話でも店舗でも同じように丁寧に対応してもらえる。スタッフ教育がしっかりしてる",
        ]
    )
    rules = tag_themes(texts, book, learned=False)
    layer = tag_themes(texts, book)
    assert not rules.at[0, "branch"] and layer.at[0, "branch"]  # added
    assert rules.at[1, "branch"] and not layer.at[1, "branch"]  # dropped
    # polarity gives the same themes; an added theme reads the score, else it is neutral
    polarity = tag_polarity(texts, book)
    assert polarity.notna().equals(layer.astype(bool))
    assert polarity.at[0, "branch"] == "neutral"
    segments = segment(pd.Series([9, 9]))
    assert tag_polarity(texts, book, segments=segments).at[0, "branch"] == "positive"
    segments = segment(pd.Series([2, 9]))
    assert tag_polarity(texts, book, segments=segments).at[0, "branch"] == "negative"


def test_a_units_own_themes_file_gets_the_dictionaries_alone(tmp_path: Path) -> None:
    own = tmp_path / "themes.yaml"
    shutil.copy(pack_files("finance")[0], own)
    texts = pd.Series(["窓口の方がとても親切で、年配の母にもわかるように説明してくれました"])
    book = load_themes(own)
    assert tag_themes(texts, book).equals(tag_themes(texts, book, learned=False))
    assert not tag_themes(texts, book).at[0, "branch"]


def test_themes_and_polarity_agree_with_the_layer_on_a_labelled_set() -> None:
    frame = pd.read_csv(DATA / "theme_eval_blind3.csv", keep_default_na=False, dtype=str)
    for pack, group in frame.groupby("pack"):
        book = load_pack(str(pack))
        themes = tag_themes(group["text"], book)
        polarity = tag_polarity(group["text"], book)
        assert polarity.notna().equals(themes.fillna(False).astype(bool)), pack
        changed = themes.ne(tag_themes(group["text"], book, learned=False)).to_numpy().sum()
        assert changed > 0, pack


def test_comments_without_letters_keep_the_dictionaries_tags() -> None:
    book = load_pack("retail")
    texts = pd.Series(["👍👍", "12345", "!!!"])
    assert tag_themes(texts, book).equals(tag_themes(texts, book, learned=False))


def test_japanese_columns_cut_at_punctuation_are_those_of_the_whole_comment() -> None:
    block = _layer._models()["ja"].blocks[0]
    rng = np.random.default_rng(0)
    letters = list("あい、。 ,.!?配送遅a")
    texts = [
        "",
        "、",
        "、、。",
        "。a",
        "あ。",
        "あい、う",
        "送料が高い。配送は早い、でも箱が潰れていた",
    ]
    texts += ["".join(rng.choice(letters, size=int(rng.integers(0, 14)))) for _ in range(300)]
    for text in texts:
        cut = np.sort(np.frombuffer(_layer._char_columns(block, text), dtype=np.int32))
        whole = _layer._columns_of(block, _layer.char_grams(text))
        np.testing.assert_array_equal(cut, np.sort(np.frombuffer(whole, dtype=np.int32)), text)


def test_the_last_adjustment_is_given_again_only_for_the_same_comments_and_hits() -> None:
    book = load_pack("finance")
    texts = (
        normalise_one("窓口の方がとても親切で、年配の母にもわかるように説明してくれました"),
        normalise_one(
            "電話でも店舗でも同じように丁寧に対応してもらえる。スタッフ教育がしっかりしてる"
        ),
    )
    hits = np.zeros((2, len(book.ids)), dtype=bool)
    first = _layer.adjust(book.path, book.ids, texts, hits)
    first.found[:] = True  # a caller's own array: the next answer is not changed
    again = _layer.adjust(book.path, book.ids, texts, hits)
    assert not again.found.all() and again.found.any()
    other = hits.copy()
    other[0, book.ids.index("branch")] = True  # found by the words now: not added
    changed = _layer.adjust(book.path, book.ids, texts, other)
    _layer.clear_caches()
    fresh = _layer.adjust(book.path, book.ids, list(texts), other)
    assert np.array_equal(changed.found, fresh.found)
    assert np.array_equal(changed.added, fresh.added)
    assert not np.array_equal(changed.added, again.added)
