"""The learned theme layer: numpy inference, where it applies, and what it changes."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from nps_kit.score import segment
from nps_kit.text import _kept, _layer, _polarity_layer
from nps_kit.text.packs import load_pack, pack_files
from nps_kit.text.sentiment import tag_polarity
from nps_kit.text.themes import Theme, ThemeBook, load_themes, tag_themes
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
            "usability": 0.001163,
            "checkout": 0.000841,
            "delivery": 0.999353,
            "phone": 0.029263,
            "chat": 0.00232,
            "email": 0.987485,
            "staff": 0.000334,
            "price": 0.000278,
            "quality": 0.007054,
            "returns": 0.003874,
            "faq": 0.002105,
            "communication": 0.659853,
        },
    ),
    (
        "en",
        "saas",
        "The app keeps crashing since the last update, support was useless",
        {
            "usability": 0.684422,
            "price": 4.2e-05,
            "communication": 0.000407,
            "performance": 9.5e-05,
            "reliability": 0.989644,
            "features": 0.002068,
            "support": 0.967342,
            "docs": 0.000802,
            "integrations": 0.000837,
            "onboarding": 0.000433,
        },
    ),
    (
        "en",
        "finance",
        "Friendly staff at the branch but the fees are far too high",
        {
            "usability": 0.00367,
            "phone": 0.000177,
            "staff": 0.99969,
            "price": 0.988571,
            "communication": 2.2e-05,
            "claims": 0.000272,
            "speed": 0.022019,
            "branch": 0.316729,
            "trust": 0.000731,
            "products": 0.003891,
        },
    ),
    (
        "en",
        "generic",
        "ok",
        {
            "usability": 0.001964,
            "staff": 0.001834,
            "price": 0.001756,
            "quality": 0.004943,
            "communication": 0.001551,
            "speed": 0.00136,
            "service": 0.006689,
        },
    ),
    (
        "ja",
        "retail",
        "送料がもう少し安ければ嬉しいです。配達は早かった",
        {
            "usability": 0.000118,
            "checkout": 0.00032,
            "delivery": 0.991089,
            "phone": 0.000225,
            "chat": 0.000208,
            "email": 0.000128,
            "staff": 0.000774,
            "price": 0.999723,
            "quality": 0.003871,
            "returns": 0.00103,
            "faq": 0.000167,
            "communication": 0.000864,
        },
    ),
    (
        "ja",
        "saas",
        "画面がわかりにくくて、サポートの返事も遅い",
        {
            "usability": 0.923203,
            "price": 0.000126,
            "communication": 0.000274,
            "performance": 0.067249,
            "reliability": 0.000404,
            "features": 0.001616,
            "support": 0.998909,
            "docs": 0.004115,
            "integrations": 0.000115,
            "onboarding": 0.000592,
        },
    ),
    (
        "ja",
        "finance",
        "窓口の対応は丁寧でしたが、手数料が高い",
        {
            "usability": 3.4e-05,
            "phone": 0.003699,
            "staff": 0.995156,
            "price": 0.999819,
            "communication": 5.6e-05,
            "claims": 0.000817,
            "speed": 0.002961,
            "branch": 0.006029,
            "trust": 0.001138,
            "products": 0.00058,
        },
    ),
    (
        "ja",
        "generic",
        "特になし",
        {
            "usability": 0.001154,
            "staff": 0.000153,
            "price": 0.000349,
            "quality": 0.00012,
            "communication": 0.002696,
            "speed": 0.000597,
            "service": 0.010244,
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
    # polarity gives the same themes; an added theme takes the comment's praise, whatever the
    # score (the rule the training chose for Japanese)
    assert str(_layer._models()["ja"].added_polarity) == "comment"
    polarity = tag_polarity(texts, book)
    assert polarity.notna().equals(layer.astype(bool))
    assert polarity.at[0, "branch"] == "positive"
    for scores in ([9, 9], [2, 9], [7, 9]):
        segments = segment(pd.Series(scores))
        assert tag_polarity(texts, book, segments=segments).at[0, "branch"] == "positive"


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


def _reference_entries(block: _layer._Block, texts: list[str]) -> list[tuple[int, int]]:
    """The (row, column) of every known gram of each text, gram by gram as char_grams cuts them."""
    out = []
    for row, text in enumerate(texts):
        columns = np.frombuffer(_layer._columns_of(block, _layer.char_grams(text)), dtype=np.int32)
        out += [(row, int(c)) for c in columns if c >= 0]
    return sorted(out)


def test_japanese_grams_found_all_at_once_are_those_of_each_comment() -> None:
    # The character block's grams are looked up for a whole chunk at once by code-point keys:
    # the same (row, column) multiset as cutting each text into grams, across the texts'
    # borders, upper case (lowered, also where that changes a length), characters above
    # U+FFFF and unpaired surrogates.
    for block in (_layer._models()["ja"].blocks[0], _polarity_layer._models()["ja"].block):
        rng = np.random.default_rng(0)
        letters = list("あい、。 ,.!?配送遅aA😡\U00020b9fİ")
        texts = [
            "",
            "、",
            "あ",
            "あい",
            "送料が高い。配送は早い、でも箱が潰れていた",
            "",
            "\ud800あ",
        ]
        texts += ["".join(rng.choice(letters, size=int(rng.integers(0, 14)))) for _ in range(300)]
        rows, cols = _layer._char_entries(block, texts)
        found = sorted(zip(rows.tolist(), cols.tolist(), strict=True))
        assert found == _reference_entries(block, texts)
        assert len(found) > 1000
        assert _layer._char_entries(block, [])[0].size == 0


def test_english_word_grams_found_by_token_ids_are_those_of_each_comment() -> None:
    # The word block's uni- and bigrams are looked up for a whole chunk at once by token ids:
    # the same (row, column) multiset as cutting each text into word_grams, with words met
    # before and new ones, bigrams never across the texts' borders, tokens no term has,
    # digits and words that lemmatise to two tokens.
    for block in (_layer._models()["en"].blocks[0], _polarity_layer._models()["en"].block):
        rng = np.random.default_rng(1)
        words = "the staff were very helpful and friendly delivery took ages not good customer "
        words += "service app crashes 3 days later zzzq pricing, price. it's can't refund"
        pieces = words.split()
        texts = ["", "good", "customer service", "delivery  took ages", "zzzq zzzq", ""]
        texts += [" ".join(rng.choice(pieces, size=int(rng.integers(0, 12)))) for _ in range(300)]
        for chunk in (texts[:40], texts):  # new words, then most met before
            rows, cols = _layer._word_entries(block, chunk)
            found = sorted(zip(rows.tolist(), cols.tolist(), strict=True))
            expected = []
            for row, text in enumerate(chunk):
                grams = _layer.word_grams(text)
                expected += [(row, block.vocabulary[g]) for g in grams if g in block.vocabulary]
            assert found == sorted(expected)
        assert len(found) > 1000
        assert _layer._word_entries(block, [])[0].size == 0


def test_the_last_adjustment_is_given_again_only_for_the_same_comments_and_hits() -> None:
    book = load_pack("finance")
    texts = (
        normalise_one("窓口の方がとても親切で、年配の母にもわかるように説明してくれました"),
        normalise_one(
            "電話でも店舗でも同じように丁寧に対応してもらえる。スタッフ教育がしっかりしてる"
        ),
    )
    hits = np.zeros((2, len(book.ids)), dtype=bool)
    first = _layer.adjust(book.pack, book.ids, texts, hits)
    first.found[:] = True  # a caller's own array: the next answer is not changed
    again = _layer.adjust(book.pack, book.ids, texts, hits)
    assert not again.found.all() and again.found.any()
    other = hits.copy()
    other[0, book.ids.index("branch")] = True  # found by the words now: not added
    changed = _layer.adjust(book.pack, book.ids, texts, other)
    _layer.clear_caches()
    fresh = _layer.adjust(book.pack, book.ids, list(texts), other)
    assert np.array_equal(changed.found, fresh.found)
    assert np.array_equal(changed.added, fresh.added)
    assert not np.array_equal(changed.added, again.added)


def test_an_added_theme_takes_its_polarity_by_the_rule_the_layer_chose() -> None:
    from nps_kit.text.sentiment import POLARITIES, _added_polarity

    code = {p: i for i, p in enumerate(POLARITIES)}
    agree = np.array([-1, code["negative"], -1, code["negative"]], dtype=np.int8)
    differ = np.array([code["negative"], code["positive"]], dtype=np.int8)
    neutral = np.array([code["neutral"], -1], dtype=np.int8)
    nothing = np.array([-1, -1], dtype=np.int8)
    # others: the dictionaries' polarity of the comment's other themes when they all agree
    assert _added_polarity("x", agree, "others", silent=False) == "negative"
    assert _added_polarity("x", differ, "others", silent=False) is None
    assert _added_polarity("x", nothing, "others", silent=False) is None
    assert _added_polarity("x", neutral, "others", silent=False) == "neutral"
    assert _added_polarity("x", neutral, "others", silent=True) is None  # the score's
    # comment: the whole comment's judgement when it praises or complains
    praise = normalise_one("The staff were lovely and so helpful")
    assert _added_polarity(praise, nothing, "comment", silent=False) == "positive"
    complaint = normalise_one("送料が高すぎる")
    assert _added_polarity(complaint, agree, "comment", silent=False) == "negative"
    plain = normalise_one("Ordered Monday, delivered Thursday.")
    assert _added_polarity(plain, agree, "comment", silent=True) is None
    # score: always the score's
    assert _added_polarity(praise, agree, "score", silent=False) is None


def _reference_wb(block: _layer._Block, texts: list[str]) -> list[tuple[int, int]]:
    """The (row, column) of every known gram of each text, as char_wb_grams cuts them."""
    out = []
    for row, text in enumerate(texts):
        grams = _layer.char_wb_grams(text)
        columns = np.frombuffer(_layer._columns_of(block, grams), dtype=np.int32)
        out += [(row, int(c)) for c in columns if c >= 0]
    return sorted(out)


def test_english_word_grams_found_all_at_once_are_those_of_each_comment() -> None:
    # The char_wb block's grams (3-5 characters of each space-padded word) are looked up for a
    # whole chunk at once: the same (row, column) multiset as cutting each text word by word,
    # across the texts' borders, with runs of white space of every kind, upper case (also
    # where lowering changes a length), characters no term has, above U+FFFF and unpaired
    # surrogates, words of one or two letters and texts of none.
    block = _layer._models()["en"].blocks[1]
    assert block.cut is _layer.char_wb_grams
    rng = np.random.default_rng(0)
    letters = list("abcdeilnorstuy  ,.!'-AİDÉé😡\U00020b9f\t\u3000\x1c")
    words = ["delivery", "the", "a", "ok", "slow", "x", "Staff", "isn't", "re-order"]
    texts = ["", " ", "a", "ab", "a b", "  a  b  ", "Delivery was slow!", "\ud800ab cd", "\t\n"]
    texts += ["".join(rng.choice(letters, size=int(rng.integers(0, 20)))) for _ in range(300)]
    texts += [" ".join(rng.choice(words, size=int(rng.integers(1, 8)))) for _ in range(300)]
    rows, cols = _layer._wb_entries(block, texts)  # type: ignore[misc]
    found = sorted(zip(rows.tolist(), cols.tolist(), strict=True))
    assert found == _reference_wb(block, texts)
    assert len(found) > 3000
    assert _layer._wb_entries(block, [])[0].size == 0  # type: ignore[index]
    # The features read each distinct word's columns, cut once (all new words of a chunk at
    # once) and remembered: the same multiset cold and warm.
    block.words.clear()
    for _ in range(2):
        parts = _layer._wb_parts(block, texts)
        read = [(r, int(c)) for r, p in enumerate(parts) for c in np.frombuffer(p, np.int32)]
        assert sorted(read) == found


def test_a_char_wb_block_of_too_many_characters_is_cut_text_by_text() -> None:
    # Keys of 5 characters must fit in 63 bits: a vocabulary of more characters than that
    # allows is read gram by gram, with the same features.
    terms = [chr(0x4E00 + k) * 3 for k in range(7000)] + [" ab", "ab ", " ab "]
    block = _layer._Block(
        _layer.char_wb_grams, {t: i for i, t in enumerate(terms)}, np.ones(len(terms))
    )
    assert _layer._wb_keys(block) is None
    texts = ["ab 一一一 cd", "丁丁丁丁", "", "ab"]
    rows, cols, _ = _layer._features(block, texts)
    found = sorted(zip(rows.tolist(), cols.tolist(), strict=True))
    assert found == sorted(set(_reference_wb(block, texts)))
    assert len(found) == 8


def test_windows_that_are_no_padded_words_gram_are_never_read() -> None:
    # A shipped vocabulary holds only padded words' grams, so it cannot tell whether a window
    # with a space inside, or across two texts, is read: a vocabulary of such terms does.
    terms = ["a b", "a  b", " a  ", "  b", "b  ", " ab", "ab ", "b c", " b ", " c "]
    block = _layer._Block(
        _layer.char_wb_grams, {t: i for i, t in enumerate(terms)}, np.ones(len(terms))
    )
    texts = ["a b", "ab", "b", "a  b c", "", "a", "b"]
    rows, cols = _layer._wb_entries(block, texts)  # type: ignore[misc]
    found = sorted(zip(rows.tolist(), cols.tolist(), strict=True))
    assert found == _reference_wb(block, texts)
    assert len(found) == 7


# A comment the finance pack's layer adds branch to, one it drops branch from (found by the
# pack's 店舗), and one whose phone mention the polarity correction reads as mixed (blind set 3).
EXTENDED = pd.Series(
    [
        "窓口の方がとても親切で、年配の母にもわかるように説明してくれました",
        "電話でも店舗でも同じように丁寧に対応してもらえる。スタッフ教育がしっかりしてる",
        "The call centre staff are helpful once you get through, but the wait is ridiculous",
    ]
)


def _extends(tmp_path: Path, themes: str) -> Path:
    path = tmp_path / "themes.yaml"
    path.write_text(f"version: 1\nextends: finance\nthemes:\n{themes}", encoding="utf-8")
    return path


def test_a_file_that_extends_a_pack_keeps_the_packs_layer(tmp_path: Path) -> None:
    pack = load_pack("finance")
    # an unrelated word for a theme of the pack, and a new theme
    book = load_themes(
        _extends(
            tmp_path,
            "  branch:\n    keywords: {en: [kiosk]}\n"
            "  hold:\n    label: {ja: 待ち時間, en: Waiting}\n    keywords: {en: [the wait]}\n",
        )
    )
    tags = tag_themes(EXTENDED, book)
    assert tags[pack.ids].equals(tag_themes(EXTENDED, pack))
    assert tags["branch"].tolist() == [True, False, False]  # added, dropped: as the pack
    assert tags["hold"].tolist() == [False, False, True]  # the new theme: its words
    # (a detractor's: round 6 of the correction leaves a passive's "helpful … but the wait is
    # ridiculous" positive, as the rules read it; round 5 made it mixed)
    segments = segment(pd.Series([9, 9, 3]))
    polarity = tag_polarity(EXTENDED, book, segments=segments)
    assert polarity[pack.ids].equals(tag_polarity(EXTENDED, pack, segments=segments))
    # the polarity correction reads the pack's themes (phone: the rules' positive -> mixed)...
    assert polarity.at[2, "phone"] == "mixed"
    assert tag_polarity(EXTENDED, book, segments=segments, learned=False).at[2, "phone"] == (
        "positive"
    )
    # ...and leaves a new theme as the rules read it
    assert polarity.at[2, "hold"] == "negative"


def test_the_layer_never_drops_a_theme_the_files_own_words_find(tmp_path: Path) -> None:
    pack = load_pack("finance")
    assert not tag_themes(EXTENDED, pack).at[1, "branch"]  # the pack's layer drops it
    book = load_themes(_extends(tmp_path, "  branch:\n    keywords: {ja: [店舗でも]}\n"))
    assert [t.id for t in book.own] == ["branch"]
    tags = tag_themes(EXTENDED, book)
    assert tags["branch"].tolist() == [True, True, False]  # kept; the layer still adds one
    assert tag_polarity(EXTENDED, book).notna().equals(tags.astype(bool))
    # a word the pack has already is the pack's: the layer may drop what it finds
    same = load_themes(_extends(tmp_path, "  branch:\n    keywords: {ja: [店舗]}\n"))
    assert same.own == ()
    assert not tag_themes(EXTENDED, same).at[1, "branch"]


def _generic(tmp_path: Path, body: str) -> ThemeBook:
    path = tmp_path / "themes.yaml"
    path.write_text(f"version: 1\nextends: generic\n{body}", encoding="utf-8")
    return load_themes(path)


def test_a_files_exclude_stops_the_layer_adding_its_theme(tmp_path: Path) -> None:
    texts = pd.Series(
        ["Cheap, but it's out of town.", "Great quality units, shame it's out of town.", "Superb."]
    )
    pack = load_pack("generic")
    assert tag_themes(texts, pack)["quality"].tolist() == [True, True, True]
    assert not tag_themes(texts, pack, learned=False).at[0, "quality"]  # the layer's addition
    for body in (
        "themes:\n  quality:\n    exclude: {en: ['\\bout of town\\b']}\n",
        "exclude: {en: ['\\bout of town\\b']}\nthemes: {}\n",  # top level: every theme
    ):
        book = _generic(tmp_path, body)
        assert [theme_id for theme_id, _ in book.vetoes][:2] == (
            ["quality"] if body.startswith("themes") else ["service", "staff"]
        )
        tags = tag_themes(texts, book)
        # not added where the exclude matches; the words' own hit ("quality") elsewhere stays
        assert tags["quality"].tolist() == [False, True, True]
        assert tags.drop(columns="quality").equals(tag_themes(texts, pack).drop(columns="quality"))
        polarity = tag_polarity(texts, book)
        assert pd.isna(polarity.at[0, "quality"]) and polarity.at[0, "price"] == "positive"
    assert _generic(tmp_path, "themes: {}\n").vetoes == ()


def _theme(pack: str, theme_id: str) -> Theme:
    book = load_pack(pack)
    return book.themes[book.ids.index(theme_id)]


def test_the_resource_records_the_excludes_each_language_was_trained_beside() -> None:
    # generic quality's exclude of a home's size ("two bed flat", SENSE25) was written after
    # English round 8; the English models of round 13 (LAY28) and the Japanese of round 11 were
    # trained beside every exclude the packs have.
    quality = _theme("generic", "quality")
    bed = [part for part in quality.excludes if "bed" in part]
    assert len(bed) == 1
    for lang in ("en", "ja"):
        trained = _layer.trained_excludes(lang, "generic")
        assert trained is not None and set(quality.excludes) <= trained["quality"]


def _record_without(monkeypatch, lang: str, pack: str, theme: str, word: str) -> None:
    """Make the record say that ``lang``'s models never saw ``theme``'s exclude of ``word``."""
    record = {k: {p: dict(t) for p, t in v.items()} for k, v in _layer._trained_excludes().items()}
    themes = record[lang][pack]
    themes[theme] = frozenset(part for part in themes[theme] if word not in part)
    monkeypatch.setattr(_layer, "_trained_excludes", lambda: record)


def test_an_exclude_newer_than_the_layer_stops_it_adding_the_theme(monkeypatch) -> None:
    # the record as round 8's English models had it: generic quality's "bed" exclude and retail
    # chat's chat with a person (ERR23) written after them
    _record_without(monkeypatch, "en", "generic", "quality", "bed")
    _record_without(monkeypatch, "en", "retail", "chat", "owner")
    texts = pd.Series(
        [
            "Standing charge is ridiculous for a one bed flat",
            "Rent went up again on our 2 bed apartment, awful",
            "Great quality, shame the rent on a two bed flat is so high",
            "Cheap, but it's out of town.",
        ]
    )
    pack = load_pack("generic")
    rules = tag_themes(texts, pack, learned=False)
    assert rules["quality"].tolist() == [False, False, True, False]
    tags = tag_themes(texts, pack)
    # not added where the newer exclude took the words ("bed") away; the words' own hit and an
    # addition where no excluded word of the theme is, stay
    assert tags["quality"].tolist() == [False, False, True, True]
    assert tags["price"].tolist() == [True, True, False, True]
    polarity = tag_polarity(texts, pack, segments=segment(pd.Series([2, 2, 6, 9])))
    assert polarity.notna().equals(tags.astype(bool))
    assert polarity.at[1, "price"] == "negative" and pd.isna(polarity.at[1, "quality"])
    chat = pd.Series(["Had a lovely chat with the owner, great little shop"])
    assert not tag_themes(chat, load_pack("retail"))["chat"].any()


@pytest.mark.parametrize(
    ("pack", "theme", "text"),
    [
        ("generic", "quality", "Standing charge is ridiculous for a one bed flat"),
        ("retail", "chat", "Had a lovely chat with the owner, great little shop"),
    ],
)
def test_the_layer_adds_no_theme_its_exclude_takes_away(pack: str, theme: str, text: str) -> None:
    # English round 13 (LAY28) was trained beside these excludes, so the record no longer lets
    # them outrank it and it adds the theme; FIX67's narrow vetoes (_kept.VETOED) take it back
    assert not tag_themes(pd.Series([text]), load_pack(pack)).at[0, theme]


def test_an_exclude_the_layer_was_trained_beside_does_not_outrank_it() -> None:
    # finance branch's exclude gives 窓口の方 (the staff at the counter) to staff; the labels tag
    # branch too, as the layer learned, so the layer still adds branch there
    branch = _theme("finance", "branch")
    text = normalise_one("窓口の方がとても親切で、年配の母にもわかるように説明してくれました")
    assert branch.pattern.search(text) and not branch.matches(text)
    trained = _layer.trained_excludes("ja", "finance")
    assert trained is not None and set(branch.excludes) <= trained["branch"]
    assert tag_themes(pd.Series([text]), load_pack("finance")).at[0, "branch"]


def test_a_resource_without_a_record_lets_every_exclude_be_older(monkeypatch) -> None:
    monkeypatch.setattr(_layer, "_trained_excludes", lambda: {})
    monkeypatch.setitem(_kept.VETOED, "generic", {})  # FIX67's veto of the same words aside
    assert _layer.trained_excludes("en", "generic") is None
    texts = pd.Series(["Standing charge is ridiculous for a one bed flat"])
    assert tag_themes(texts, load_pack("generic")).at[0, "quality"]  # as before the record


def _vetted_reference(prob, hit, keep, themes, pack, vetting) -> np.ndarray:
    """_vet_additions written addition by addition, feature by feature."""
    out = keep.copy()

    def logit(p: float) -> float:
        p = min(max(p, 1e-4), 1 - 1e-4)
        return float(np.log(p / (1 - p)))

    for i in range(len(prob)):
        kept = [j for j in range(len(themes)) if hit[i, j] and keep[i, j]]
        added = [j for j in range(len(themes)) if keep[i, j] and not hit[i, j]]
        for b in added:
            x = [
                logit(prob[i, b]),
                max(logit(prob[i, j]) for j in kept) if kept else 0.0,
                float(not kept),
                min(len(kept), 3),
                float(any((themes[j], themes[b]) in vetting.neighbours for j in kept)),
                min(len(added), 3) - 1,
                min(sum(prob[i, j] > prob[i, b] for j in range(len(themes))), 3),
                *[float(pack == name) for name in _layer._VET_PACKS],
            ]
            z = vetting.intercept + sum(w * v for w, v in zip(vetting.weights, x, strict=True))
            if 1 / (1 + np.exp(-z)) < vetting.threshold:
                out[i, b] = False
    return out


def test_the_addition_verifier_drops_only_doubtful_additions() -> None:
    vetting = _layer._VETTING["en"]
    rng = np.random.default_rng(0)
    for pack in ("retail", "saas", "finance", "generic"):
        themes = _layer._pack_model("en", pack)[0]
        prob = rng.beta(0.6, 0.8, size=(400, len(themes)))
        prob[:5] = 0.5  # ties: a theme as probable as the added one is not above it
        hit = rng.random(prob.shape) < 0.2
        keep = np.where(hit, prob >= 0.2, prob >= 0.36)
        got = _layer._vet_additions(prob, hit, keep, themes, pack, vetting)
        assert np.array_equal(got, _vetted_reference(prob, hit, keep, themes, pack, vetting))
        assert np.array_equal(got & hit, keep & hit)  # kept hits are never touched
        assert not (got & ~keep).any()  # nothing new
        assert 0 < (keep & ~got).sum() < (keep & ~hit).sum()  # some additions go, not all
    none = np.zeros((3, len(themes)), dtype=bool)
    assert _layer._vet_additions(prob[:3], none, none, themes, pack, vetting) is none


def test_an_addition_beside_a_neighbour_needs_more_probability() -> None:
    vetting = _layer._VETTING["en"]
    themes = _layer._pack_model("en", "saas")[0]
    at = {t: j for j, t in enumerate(themes)}
    assert ("performance", "usability") in vetting.neighbours
    assert ("docs", "usability") not in vetting.neighbours
    prob = np.full((2, len(themes)), 0.01)
    hit = np.zeros(prob.shape, dtype=bool)
    prob[:, at["usability"]] = 0.6
    prob[0, at["performance"]] = prob[1, at["docs"]] = 0.9
    hit[0, at["performance"]] = hit[1, at["docs"]] = True
    keep = np.where(hit, prob >= 0.2, prob >= 0.36)
    got = _layer._vet_additions(prob, hit, keep, themes, "saas", vetting)
    assert not got[0, at["usability"]]  # added where performance was found: a neighbour
    assert got[1, at["usability"]]  # beside docs, no neighbour: made


def test_the_verifier_drops_the_layers_doubtful_english_additions(monkeypatch) -> None:
    book = load_pack("finance")
    texts = pd.Series(
        [  # training sets 20 and 22 (round 17 of the layer adds communication and products here)
            "Honest company, never tried to wriggle out. Paperwork is confusing though, pages and "
            "pages.",
            "Adviser said flowers were included. They weren't. Very upsetting for my sister.",
        ]
    )
    vetted = tag_themes(texts, book)
    rules = tag_themes(texts, book, learned=False)
    _layer.clear_caches()
    monkeypatch.setattr(_layer, "_VETTING", {})
    layer = tag_themes(texts, book)
    _layer.clear_caches()
    assert layer.at[0, "communication"] and not vetted.at[0, "communication"]
    assert not rules.at[0, "communication"]
    assert layer.at[1, "products"] and not vetted.at[1, "products"] and not rules.at[1, "products"]
    assert rules.at[0, "trust"] and rules.at[1, "staff"]
    assert vetted.at[0, "trust"] and vetted.at[1, "staff"]  # the rules' hits stay


def test_japanese_additions_are_not_vetted() -> None:
    assert "ja" not in _layer._VETTING


def test_a_pack_without_models_gets_its_dictionaries_alone() -> None:
    # FOOD57: the food pack has no models in theme_layer.npz nor polarity_layer.npz; the layer
    # neither crashes on it nor adds another pack's themes, and the polarity correction trained
    # on other packs' mentions leaves its polarities as the rules read them.
    assert not _layer.trained("food") and _layer.trained("generic") and not _layer.trained(None)
    book = load_pack("food")
    texts = pd.Series(
        [
            "They forgot my fries and the burger was cold",
            "Great people, would come again",
            "注文と違う品が来た。店員さんは親切",
            "Waited 40 minutes for a table",
            "12345",
        ],
        dtype="string",
    )
    assert tag_themes(texts, book).equals(tag_themes(texts, book, learned=False))
    scores = pd.Series([2, 9, 5, 0, 7])
    segments = segment(scores)
    with_layer = tag_polarity(texts, book, segments=segments)
    assert with_layer.equals(tag_polarity(texts, book, segments=segments, learned=False))
    hits = np.ones((2, len(book.ids)), dtype=bool)
    done = _layer.adjust("food", book.ids, ("cold chips", "冷めてた"), hits)
    assert done.found.all() and not done.added.any()


def test_the_benchmarks_read_a_layer_as_the_package_runs_it() -> None:
    # FIX67: the scripts' pair figures stopped at the thresholds; the package then runs the
    # English addition verifier, which takes back communication here
    pytest.importorskip("sklearn")
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    from theme_layer_eval2 import as_package, combine

    texts = [
        "Broker fee of £900 on top of the lender's arrangement fee. Nobody mentioned that until "
        "the very end.",
        "Great app, support answered in minutes",
    ]
    book = load_pack("finance")
    norm = [normalise_one(t) for t in texts]
    hits = tag_themes(pd.Series(texts), book, learned=False).fillna(False).astype(bool)
    themes, prob = _layer.probabilities(norm, "en", "finance")
    model = _layer._models()["en"]
    table = pd.DataFrame(
        [
            {"lang": "en", "pack": "finance", "theme": t, "hit": bool(hits.at[i, t]),
             "p": prob[i, j], "hit_pol": None, "comment": None, "score": "5", "index": i}
            for i in range(len(texts))
            for j, t in enumerate(themes)
        ]
    )  # fmt: skip
    found = combine(table, model.t_drop, model.t_add, "score")
    package = tag_themes(pd.Series(texts), book).fillna(False).astype(bool)
    expected = [bool(package.at[i, t]) for i, t in zip(table["index"], table["theme"], strict=True)]
    assert found["found"].tolist() != expected  # the thresholds alone add communication
    assert as_package(found)["found"].tolist() == expected


#: Labelled sets read as they were tuned on (never a blind or decision set still unread).
READABLE_SETS = (
    "theme_eval.csv",
    "theme_eval_blind.csv",
    "theme_eval_blind2.csv",
    "theme_eval_blind3.csv",
    "theme_eval_blind4.csv",
    "theme_eval_blind5.csv",
    "theme_train5_en.csv",
    "theme_train5_ja.csv",
    "theme_eval_imp12_en.csv",
    "theme_eval_imp12_ja.csv",
)


def test_every_block_looks_up_the_labelled_comments_grams_as_cut_one_by_one() -> None:
    # SPEED64: the grams' keys are looked up in a hash index (get_indexer), not by a binary
    # search; every block of both layers finds, in chunks of the labelled sets' comments, the
    # (row, column) multiset that cutting each comment into grams finds.
    data = Path(__file__).parent / "data"
    frames = [pd.read_csv(data / name, keep_default_na=False, dtype=str) for name in READABLE_SETS]
    labelled = pd.concat(frames, ignore_index=True)
    texts = {
        lang: [normalise_one(t) for t in labelled.loc[labelled["lang"] == lang, "text"]]
        for lang in ("en", "ja")
    }
    assert min(len(t) for t in texts.values()) > 1500
    for lang in ("en", "ja"):
        blocks = [*_layer._models()[lang].blocks, _polarity_layer._models()[lang].block]
        for block in blocks:
            block.words.clear()
            block.tokens.clear()
            found: list[tuple[int, int]] = []
            for first in range(0, len(texts[lang]), 700):
                rows, cols, _ = _layer._features(block, texts[lang][first : first + 700])
                found += [(first + r, c) for r, c in zip(rows.tolist(), cols.tolist(), strict=True)]
            expected = []
            for row, text in enumerate(texts[lang]):
                columns = np.frombuffer(_layer._columns_of(block, block.cut(text)), np.int32)
                expected += [(row, int(c)) for c in set(columns.tolist()) if c >= 0]
            assert sorted(found) == sorted(expected)
            assert len(found) > 20 * len(texts[lang])


def test_the_logistics_pack_has_no_models_and_is_read_by_its_rules() -> None:
    # LOG76: like food, the logistics pack has no models in theme_layer.npz nor
    # polarity_layer.npz; the layers neither crash on it nor add another pack's themes to it.
    assert not _layer.trained("logistics")
    book = load_pack("logistics")
    texts = pd.Series(
        [
            "Container sat at customs for 9 days, nobody told us why.",
            "Great people, would use again",
            "配送遅延が多く、連絡もない。",
            "Freight rates changed after booking without notice.",
        ],
        dtype="string",
    )
    assert tag_themes(texts, book).equals(tag_themes(texts, book, learned=False))
    segments = segment(pd.Series([2, 9, 5, 0]))
    with_layer = tag_polarity(texts, book, segments=segments)
    assert with_layer.equals(tag_polarity(texts, book, segments=segments, learned=False))
