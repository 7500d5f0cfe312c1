from __future__ import annotations

import re
import sys
import unicodedata

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nps_kit.text.tokens import (
    _distinct,
    _en_spans,
    _ja_parsed_words,
    _ja_words,
    _masked,
    _normalised_codes,
    _tagger,
    answered,
    detect_language,
    en_token_spans,
    ja_token_words,
    normalise,
    normalise_one,
    tokenise,
)


def test_normalise_folds_width_case_and_space_and_keeps_index() -> None:
    texts = pd.Series(
        ["ＡＢＣ　ｄｅｆ１２３", "ｻﾎﾟｰﾄ  最悪", None, "  Hello\tWorld "], index=[5, 6, 7, 8]
    )
    out = normalise(texts)
    assert out.tolist() == ["abc def123", "サポート 最悪", pd.NA, "hello world"]
    assert list(out.index) == [5, 6, 7, 8]
    assert out.dtype == "string"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("配送が遅すぎる", "ja"),
        ("The delivery was late", "en"),
        ("アプリのUIとUXが最悪", "ja"),  # English words inside Japanese stay Japanese
        ("Great service and fast delivery, ありがとう", "en"),  # one Japanese word
        ("ＦＡＱ　ｗａｓ　ｕｓｅｌｅｓｓ", "en"),
        ("😊👍", None),
        ("12345", None),
        ("", None),
    ],
)
def test_detect_language(text: str, expected: str | None) -> None:
    out = detect_language(pd.Series([text]))[0]
    if expected is None:
        assert out is pd.NA
    else:
        assert out == expected


def test_detect_language_missing_stays_missing() -> None:
    assert detect_language(pd.Series([None, "ok"])).isna().tolist() == [True, False]


def test_tokenise_japanese_lemmas_of_content_words() -> None:
    out = tokenise(pd.Series(["配送が遅くて、商品も壊れていました。"]))
    assert out[0] == ["配送", "遅い", "商品", "壊れる"]


def test_katakana_nouns_written_together_are_one_token() -> None:
    # MeCab splits チェックイン, ログイン and コスパ (QA21: a phrase list showed 「イン」).
    texts = pd.Series(
        ["遅い時間のチェックインでも快く対応", "ログイン画面", "値段のわりにコスパ最高"]
    )
    assert tokenise(texts).tolist() == [
        ["遅い", "時間", "チェックイン", "快い", "対応"],
        ["ログイン", "画面"],
        ["値段", "割", "コスパ", "最高"],
    ]


def test_tokenise_japanese_drops_stop_words_and_numbers() -> None:
    out = tokenise(pd.Series(["3日待ったことがあります。ｱﾌﾟﾘがとても使いにくいと思う"]))
    assert out[0] == ["待つ", "アプリ", "使いにくい"]  # not 使う: the opposite


def test_tokenise_english_lowercase_stop_words_and_plurals() -> None:
    out = tokenise(pd.Series(["The BOXES were damaged and my orders didn't arrive!! Replies?"]))
    assert out[0] == ["box", "damaged", "order", "not arrive", "reply"]


def test_tokenise_keeps_accented_english_words_whole() -> None:
    # QA18: a typical phrase read "lovely staff and the caf".
    out = tokenise(pd.Series(["Lovely staff and the café, a naïve question for Zoë"]))
    assert out[0] == ["lovely", "staff", "café", "naïve", "question", "zoë"]


def test_tokenise_full_width_english_and_missing() -> None:
    out = tokenise(pd.Series(["ＲＥＦＵＮＤＳ　ｐｌｅａｓｅ", None, "😡"], index=["a", "b", "c"]))
    assert out.tolist() == [["refund", "please"], [], []]
    assert list(out.index) == ["a", "b", "c"]


def test_tokenise_forced_language() -> None:
    assert tokenise(pd.Series(["app 最悪"]), lang="en")[0] == ["app"]


def test_tagger_is_created_once() -> None:
    assert _tagger() is _tagger()


def test_answered_treats_no_comment_answers_as_blank() -> None:
    from nps_kit.text.tokens import answered

    texts = pd.Series(
        ["特になし。", "N/A", "  ", None, "ー", "Nothing!", "無回答", "配送が遅い", "no", "なし"],
        index=range(10, 20),
    )
    assert answered(texts).tolist() == [
        False, False, False, False, False, False, False, True, False, False,
    ]  # fmt: skip
    assert list(answered(texts).index) == list(range(10, 20))


def test_a_whole_answer_no_says_nothing_and_a_comment_starting_with_no_says_something() -> None:
    # QA25 B-2: "No" and "Nope" to "Anything else?" were counted and quoted as comments.
    from nps_kit.text.tokens import answered, said

    texts = pd.Series(
        [" No. ", "Nope", "No, thanks!", "No waiting at all", "Nothing to add", "ないです",
         "n/a", "-", "特になし", None, "Email me at a@b.co", "Not really sure why I waited"]
    )  # fmt: skip
    assert answered(texts).tolist() == [
        False, False, False, True, False, False, False, False, False, False, False, True,
    ]  # fmt: skip
    # Shown as written, stripped; blank when it says nothing. A request to be contacted stays.
    assert said(texts).tolist() == [
        "", "", "", "No waiting at all", "", "", "", "", "", "", "Email me at a@b.co",
        "Not really sure why I waited",
    ]  # fmt: skip


def test_japanese_answers_that_say_nothing_count_as_written_in_kana_or_kanji() -> None:
    # REVIEW26: 「ないです」 and 「特にないです」 said nothing, but 「とくにないです」,
    # 「特に無いです」, 「何もないです！」 and 「いいえ」 were counted and quoted;
    # 「ないですね、満足です」 says something.
    from nps_kit.text.tokens import answered

    texts = pd.Series(
        ["とくにないです", "特に無いです", "無いです", "何もないです！", "なにもないです",
         "いいえ。", "ない", "ないですね、満足です", "特にないですが、配送が遅い"]
    )  # fmt: skip
    assert answered(texts).tolist() == [False] * 7 + [True, True]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [*"。、.,!！?？・ \t\n\u3000\u00a0\u2003", "特になし", "n/a", "a", "配送", "…"]
        ),
        max_size=8,
    ).map("".join)
)
def test_answered_trims_what_a_regular_expression_would(text: str) -> None:
    from nps_kit.text.tokens import NO_ANSWER, answered, normalise_one

    # the definition the trimming stands for: white space and punctuation at either end
    core = re.sub(r"^[\s。、.,!！?？・]+|[\s。、.,!！?？・]+$", "", normalise_one(text))
    expected = bool(core) and core not in NO_ANSWER
    assert answered(pd.Series([text])).tolist() == [expected]


def test_old_import_paths_still_work():
    # The text modules moved into nps_kit.text; notebooks and scripts written against the old
    # module paths keep working.
    import importlib

    import nps_kit.text.redaction
    import nps_kit.text.themes
    import nps_kit.text.words

    assert importlib.import_module("nps_kit.themes") is nps_kit.text.themes
    assert importlib.import_module("nps_kit.words") is nps_kit.text.words
    assert importlib.import_module("nps_kit.redact") is nps_kit.text.redaction
    from nps_kit.redact import redact_one
    from nps_kit.themes import tag_themes
    from nps_kit.words import distinguishing_words

    assert tag_themes is nps_kit.text.tag_themes
    assert distinguishing_words is nps_kit.text.distinguishing_words
    assert redact_one is nps_kit.text.redact_one
    assert nps_kit.text.tokenise is nps_kit.text.tokens.tokenise


def test_normalise_collapses_every_kind_of_white_space() -> None:
    # normalise_one splits at str.isspace(): the same characters as the regex r"\s", so that
    # every white-space run (ideographic, no-break, line separators…) becomes one space.
    spaces = [chr(c) for c in range(sys.maxunicode + 1) if re.fullmatch(r"\s", chr(c))]
    assert spaces == [chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()]
    text = "".join(f"{s}Ａ{s}{s}" for s in spaces)
    expected = re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text).casefold()).strip()
    assert normalise_one(text) == expected == " ".join(["a"] * len(spaces))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("予約電話がつながらない。", ["予約", "電話", "繋がらない"]),
        ("麻酔が効かず痛い", ["麻酔", "利かない", "痛い"]),
        ("説明が分かりにくい", ["説明", "分かりにくい"]),
        ("分かりやすい説明", ["分かりやすい", "説明"]),
        ("予約が取れなかった", ["予約", "取れない"]),
        ("待ち時間が長くない", ["待ち", "時間", "長くない"]),
        ("問題はありません", ["問題ない"]),
        ("予約ができない", ["予約できない"]),
        ("荷物が届いていない", ["荷物", "届かない"]),
        ("対応していない", ["対応しない"]),
        ("便利ではない", ["便利でない"]),
        ("The app doesn't work", ["app", "not work"]),
        ("My order never arrived", ["order", "not arrived"]),
        ("I can't log in", ["not log"]),
        ("no reply from support", ["not reply", "support"]),
        ("I don't really like the colour", ["not like", "colour"]),
        ("Never again.", ["never"]),
        ("Never got a shipping confirmation", ["never", "shipping", "confirmation"]),
        ("Not. Great staff", ["great", "staff"]),  # a clause break ends the negation
    ],
)
def test_tokenise_keeps_negation_with_its_word(text: str, expected: list[str]) -> None:
    assert tokenise(pd.Series([text]))[0] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The potential stays with its negation: "could not park", not 止めない "does not stop";
        # the token is built from the lemma (止める), the wording keeps the writer's 停.
        ("駐車場に停められなかった", [("駐車", "駐車"), ("止められない", "停められない")]),
        ("車を止められない", [("車", "車"), ("止められない", "止められない")]),
        ("ご飯が食べられなかった", [("御飯", "ご飯"), ("食べられない", "食べられない")]),
        # potential verbs (UniDic lemmatises 使え to 使う, 帰れ to 返る)
        ("アプリが使えない", [("アプリ", "アプリ"), ("使えない", "使えない")]),
        ("アプリが使えません", [("アプリ", "アプリ"), ("使えない", "使えない")]),
        ("家に帰れなかった", [("家", "家"), ("返れない", "帰れない")]),
        ("字が読めない", [("字", "字"), ("読めない", "読めない")]),
        ("使えるアプリ", [("使える", "使える"), ("アプリ", "アプリ")]),
        # a true 下一段 verb is not taken for a potential
        ("袋に入れない", [("袋", "袋"), ("入れない", "入れない")]),
        # the writer's kana and kanji where the lemma has others
        ("電話がつながらない", [("電話", "電話"), ("繋がらない", "つながらない")]),
        ("麻酔が効かず痛かった", [("麻酔", "麻酔"), ("利かない", "効かない"), ("痛い", "痛い")]),
        ("説明がわかりにくい", [("説明", "説明"), ("分かりにくい", "わかりにくい")]),
        ("意味が解らない", [("意味", "意味"), ("分からない", "解らない")]),
        ("車を停めた", [("車", "車"), ("止める", "停める")]),
        # the passive without a negation is left out, as before (言われた is not 言われる)
        ("車を停められた", [("車", "車"), ("止める", "停める")]),
    ],
)
def test_japanese_words_keep_potential_negation_and_the_writers_kanji(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert ja_token_words(text) == expected
    assert tokenise(pd.Series([text]))[0] == [token for token, _ in expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The words that introduce a contact detail go with it (QA19: 「連絡先」 was a phrase
        # typical of promoters, "Email me at" a communication mention): until then 連絡 and 先,
        # and call, were read as words here.
        ("連絡先[PHONE]までお願いします", []),
        # and what only asks to be contacted goes with them (QA19: "please" was left).
        ("call me on [PHONE] or [EMAIL] please", []),
        ("the app crashes. call me on [PHONE] or [EMAIL] please", ["app", "crash"]),
    ],
)
def test_redaction_placeholders_are_not_words(text: str, expected: list[str]) -> None:
    assert tokenise(pd.Series([text]))[0] == expected


def _reference_codes(texts: list[str | None]) -> tuple[list[int], list[str]]:
    """Each comment's position among the distinct non-empty normalised comments, one by one."""
    index: dict[str, int] = {}
    codes = []
    for text in texts:
        norm = normalise_one(text) if text is not None else ""
        codes.append(index.setdefault(norm, len(index)) if norm else -1)
    return codes, list(index)


@settings(max_examples=100, deadline=None)
@given(
    st.lists(st.sampled_from(["a", "A", "ａ", " a ", "b", "", " ", "配送", None]), max_size=8),
    st.lists(st.sampled_from(["a", "b", "c", None]), max_size=3),
)
def test_normalised_codes_equal_the_reference_when_called_again(
    texts: list[str | None], edits: list[str | None]
) -> None:
    # tag_themes and tag_polarity ask for the same column in turn; the second answer is
    # remembered, and an edited column is normalised afresh.
    for column in (texts, texts, [*edits, *texts[len(edits) :]], texts):
        codes, unique = _normalised_codes(pd.Series(column, dtype=object))
        assert (codes.tolist(), list(unique)) == _reference_codes(column)


_JA_PIECES = [
    "配送がとても遅かった",
    "クリニックの先生がとても丁寧に説明してくださって",
    "待ち時間も短くて助かりました",
    "2時間待ち",
    "味はまあまあ",
    "atmの手数料高すぎ",
    "店員さん忙しそうで声かけづらかった",
    "faqにのってない質問だったのでチャットで聞きました",
    "駐車場に停められなかった",
    "電話がつながらない",
    "もう少しです",
    "the app is great",
    "[PHONE]に電話",
    "待ち",
]
_JA_MARKS = [
    "、",
    "。",
    "!",
    "?",
    "「",
    "」",
    "。」",
    "!!",
    "!?",
    "...",
    "ー",
    "・",
    " ",
    "(笑)",
    "",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_JA_PIECES), st.sampled_from(_JA_MARKS)), max_size=5))
def test_japanese_words_read_piece_by_piece_are_the_whole_comments(
    parts: list[tuple[str, str]],
) -> None:
    # Pieces between 、。!?「」 are parsed apart with the marks around them; MeCab's analysis of
    # the whole comment gives the same words (among them 待ち before a full stop, which a piece
    # parsed without its mark reads as 待つ).
    text = normalise_one("".join(piece + mark for piece, mark in parts))
    assert _ja_words(text) == _ja_parsed_words(_masked(text))


_EN_WORDS = (
    "not never no the delivery didn't arrive [phone] great don't really like it . - — ’s ok box"
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*_EN_WORDS.split(), ",", ", ", ",,"]), max_size=12))
def test_english_words_read_piece_by_piece_are_the_whole_comments(words: list[str]) -> None:
    # A comment's pieces between commas are read apart and their places shifted back; a
    # negation never reaches over a comma ("not, great" keeps great).
    text = normalise_one(" ".join(words))
    assert _en_spans(text) == tuple(en_token_spans(text))


def test_the_distinct_comments_of_an_edited_column_are_read_again() -> None:
    # The last column's distinct comments are remembered by its (immutable) Arrow array: an
    # edit gives the column a new array, which is read again.
    texts = pd.Series(["配送が遅い", "fine", "配送が遅い"], dtype="string[pyarrow]")
    codes, uniques = _distinct(texts)
    assert (codes.tolist(), uniques.tolist()) == ([0, 1, 0], ["配送が遅い", "fine"])
    assert _distinct(texts)[1] is uniques
    texts.iloc[1] = "特になし"
    codes, uniques = _distinct(texts)
    assert (codes.tolist(), uniques.tolist()) == ([0, 1, 0], ["配送が遅い", "特になし"])
    assert answered(texts).tolist() == [True, False, True]
    with pytest.raises(ValueError, match="read-only"):
        codes[0] = 1
