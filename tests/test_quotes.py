"""The quote choice (``nps_kit.text._quotes``): diverse, readable quotes, none saying another's."""

from __future__ import annotations

import pandas as pd
import pytest

from nps_kit.text._quotes import _quote_key, representative_comments


def test_representative_comments_diverse_mid_length_and_truncated() -> None:
    texts = pd.Series(
        [
            "遅い",
            "配送がとても遅くて、届くまで一週間もかかりました。次回は改善してほしいです。",
            "配送がとても遅くて、届くまで一週間もかかりました。次回は改善してほしいです！",
            "電話が全然つながらず、三十分も待たされました。サポート体制を見直してください。",
            None,
            "x" * 300,
        ]
    )
    picked = representative_comments(texts, k=3, max_chars=40)
    # closest to 60 characters first; the near-duplicate ending in "！" is skipped
    assert picked == [
        "電話が全然つながらず、三十分も待たされました。サポート体制を見直してください。",
        "配送がとても遅くて、届くまで一週間もかかりました。次回は改善してほしいです。",
        "遅い",
    ]
    long = representative_comments(texts, k=4, max_chars=40)[-1]
    assert long == "x" * 39 + "…"
    assert representative_comments(texts, k=3, max_chars=40) == picked  # deterministic


def test_representative_comments_empty() -> None:
    assert representative_comments(pd.Series([None, "  "], dtype=object)) == []


def test_representative_comments_leave_out_quotes_already_shown() -> None:
    # FIX72: a comment quoted under one theme is not quoted again under the next.
    texts = pd.Series(["Faster ticket responses.", "Reply to emails faster.", "Slow console."])
    first = representative_comments(texts, k=2)
    again = representative_comments(texts, k=2, leave_out=first)
    assert not set(first) & set(again) and again == ["Slow console."]
    long = "x " * 100
    (cut,) = representative_comments(pd.Series([long]), k=1)
    assert cut.endswith("…") and representative_comments(pd.Series([long]), leave_out={cut}) == []


def test_representative_comments_tell_quotes_apart_without_punctuation_width_or_emoji() -> None:
    # FIX75: a quote may differ from another only in punctuation, width or a trailing emoji.
    # Two comments are one quote when they read the same without punctuation, symbols
    # (emoji), spaces and width: among the picks, and against the quotes already shown.
    texts = pd.Series(["配送が遅い", "配送が遅い😠", "ＡＰＰが重い！", "appが重い", "Slow app."])
    # "最高" and "最高👍": too short for the 3-gram likeness to see them as one
    texts = pd.concat([texts, pd.Series(["slow app", "最高", "最高👍"])], ignore_index=True)
    picked = representative_comments(texts, k=8)
    assert picked == ["Slow app.", "ＡＰＰが重い！", "配送が遅い😠", "最高👍"]  # the longest first
    # nor one already shown, as the theme quotes are to the voices of the same segment
    again = representative_comments(
        pd.Series(["slow app 👎", "配送が遅い!!", "Billing is wrong"]), leave_out=picked
    )
    assert again == ["Billing is wrong"]
    # comments of emoji alone are told apart by their emoji
    assert representative_comments(pd.Series(["👍", "😡"])) == ["👍", "😡"]


def test_representative_comments_keep_quotes_whose_signs_say_the_opposite() -> None:
    # REVIEW33: FIX75's quote key dropped every symbol, so comments that differ only in a sign
    # that carries the meaning were one quote and the second never shown: Japanese ○ and ×
    # (good, bad), stars, < and >. FIX79: the 3-gram likeness no longer makes one of two
    # comments whose signs differ a near-duplicate ("Price +20%" and "Price -20%" were one).
    pairs = [
        ["接客は○、料金は×です", "接客は×、料金は○です"],
        ["配送★★★★★", "配送★☆☆☆☆"],
        ["Wait < 5 min", "Wait > 5 min"],
        ["Price +20% this year", "Price -20% this year"],
        ["Wait 5 min", "Wait < 5 min"],
    ]
    for pair in pairs:
        assert sorted(representative_comments(pd.Series(pair), k=2)) == sorted(pair), pair
    assert _quote_key("Price +20%") != _quote_key("Price -20%") != _quote_key("Price 20%")
    # punctuation, width and emoji still say nothing more
    assert len(representative_comments(pd.Series(["配送が遅い😠", "配送が遅い！！"]), k=2)) == 1


def test_emoji_that_judge_differently_keep_two_quotes_apart() -> None:
    # FIX79: "Delivery 👍" and "Delivery 👎" were one quote (the key dropped every emoji, and
    # the 3-gram likeness called them near-duplicates): the second judgement was never shown.
    pairs = [
        ["Delivery 👍", "Delivery 👎"],
        ["配送😊", "配送😡"],
        ["Support ❤️", "Support 😭"],
        ["Checkout :)", "Checkout :("],
        ["Fast delivery:-)", "Fast delivery :-("],
        ["配送 👍 価格 👎", "配送 👎 価格 👍"],
    ]
    for pair in pairs:
        assert sorted(representative_comments(pd.Series(pair), k=2)) == sorted(pair), pair
        # ... and against a quote already shown (the theme's quote, then the segment's voices)
        assert representative_comments(pd.Series(pair[1:]), leave_out=pair[:1]) == pair[1:]
    # Signs and stars in emoji form are kept as written: ⭐⭐⭐⭐⭐ is a rating, ❌ a cross.
    signs = [["Delivery ✅", "Delivery ❌"], ["Food ⭐⭐⭐⭐⭐", "Food ⭐"], ["接客⭕", "接客❌"]]
    for pair in signs:
        assert sorted(representative_comments(pd.Series(pair), k=2)) == sorted(pair), pair


def test_decorative_emoji_differences_stay_one_quote() -> None:
    # Variation selectors, skin tones, a repeated emoji, an emoji of the words' own judgement
    # and one that judges nothing say nothing more.
    groups = [
        ["Great staff ❤️", "Great staff ❤", "great staff!! ❤❤❤"],
        ["Delivery 👍", "Delivery 👍🏽", "Delivery 👍👍👍", "delivery 😊"],
        ["配送が遅い", "配送が遅い😠", "配送が遅い😠😠", "配送が遅い🚚"],
        ["Nice :)", "nice :-)"],
    ]
    for group in groups:
        assert len(representative_comments(pd.Series(group), k=5)) == 1, group
    assert _quote_key("Delivery 👍🏽👍") == _quote_key("delivery 👍")
    # an emoticon is read where it is one: not in a time, nor a word
    assert _quote_key("Open 10:30)").judged == () and _quote_key("re:design").judged == ()


def test_a_negation_keeps_two_alike_comments_apart() -> None:
    # FIX79: the 3-gram likeness (0.6) called "The delivery was good" a near-duplicate of "The
    # delivery was not good" (0.68), so a segment's voices showed one side only.
    pairs = [
        ["The delivery was good", "The delivery was not good"],
        ["I would recommend you", "I would not recommend you"],
        ["I wasn't happy with the wait", "I was happy with the wait"],
        ["Staff were helpful", "Staff were unhelpful"],
        ["配送はとても早くて満足しています", "配送はとても早くなくて満足していません"],
    ]
    for pair in pairs:
        assert sorted(representative_comments(pd.Series(pair), k=2)) == sorted(pair), pair
    # what only punctuation or an adverb tells apart stays one quote
    for pair in (
        [
            "The staff was friendly and the food great",
            "The staff was friendly and the food great!!",
        ],
        ["Delivery was quick and easy", "Delivery was quick and very easy"],
    ):
        assert len(representative_comments(pd.Series(pair), k=2)) == 1, pair


def test_a_word_that_only_begins_like_a_negating_prefix_splits_no_duplicates() -> None:
    # REVIEW35: "into" read as "in" + "to" and "unit" as "un" + "it" made two comments that say
    # the same thing, and read 0.86 alike, two quotes. A negated word is "un" + a word of three
    # letters or more ("unfit", "unhappy"), not of two.
    for pair in (
        [
            "I went into the shop and the staff were friendly",
            "I went to the shop and the staff were friendly",
        ],
        ["We liked the unit a lot, clean and quiet", "We liked it a lot, clean and quiet"],
    ):
        assert len(representative_comments(pd.Series(pair), k=2)) == 1, pair
    pair = ["The room was fit for a family", "The room was unfit for a family"]
    assert sorted(representative_comments(pd.Series(pair), k=2)) == sorted(pair)


def test_a_bullet_an_arrow_a_tilde_or_a_heart_splits_no_duplicates() -> None:
    # REVIEW35: FIX79 told apart two comments whose signs differ, and a bullet (●, ■), an
    # arrow (=>, →), a tilde (~20 min) or a heart (<3) is a sign: "●スタッフの対応がとても良かった
    # です" and the same words without the bullet were quoted twice (one quote before FIX79).
    pairs = [
        ["●スタッフの対応がとても良かったです", "スタッフの対応がとても良かったです"],
        ["■ Staff were friendly and helpful", "Staff were friendly and helpful"],
        ["The staff were friendly => will come back", "The staff were friendly, will come back"],
        ["料金が高い→もう少し安くしてほしい", "料金が高い、もう少し安くしてほしい"],
        ["Wait time ~ 20 min at the desk", "Wait time 20 min at the desk"],
        ["Great staff as always <3", "Great staff as always"],
    ]
    for pair in pairs:
        assert len(representative_comments(pd.Series(pair), k=2)) == 1, pair
    # the signs that say something still do, beside a bullet
    pair = ["● Wait < 5 min", "● Wait > 5 min"]
    assert sorted(representative_comments(pd.Series(pair), k=2)) == sorted(pair)
    pair = ["Waited <3 min at the desk", "Waited 3 min at the desk"]
    assert sorted(representative_comments(pd.Series(pair), k=2)) == sorted(pair)


def test_a_repeated_negation_is_one_direction_not_a_count() -> None:
    # REVIEW35: "not good, not good at all" negates twice, "not good" once: the count told two
    # comments saying the same apart, so both were quoted. A negation is a direction.
    for pair in (
        ["The delivery was not good, not good at all", "The delivery was not good at all"],
        ["受付スタッフの対応が良くない、全然良くない", "受付スタッフの対応が全然良くない"],
    ):
        assert len(representative_comments(pd.Series(pair), k=2)) == 1, pair
    # ... and FIX79's rule holds: said and negated stay two quotes (each pair reads 0.65 or
    # more alike, over the near-duplicate threshold of 0.6)
    for pair in (
        ["The delivery was good, really good", "The delivery was not good, really not good"],
        ["The delivery was good", "The delivery was not good"],
        [
            "受付スタッフの対応がとても良い、全然良い",
            "受付スタッフの対応がとても良くない、全然良くない",
        ],
    ):
        assert sorted(representative_comments(pd.Series(pair), k=2)) == sorted(pair), pair


def test_an_adjectives_own_nai_is_no_negation() -> None:
    # REVIEW35: the ない of 少ない (危ない, 情けない, 味気ない) counted as a negation, so
    # 「待ち時間が少ない」 negated once like 「待ち時間が少なくない」 and the two were one quote.
    # The tokeniser tells 助動詞/補助形容詞 ない from an adjective's own kana.
    for pair in (
        ["待ち時間が少ないのが良かったです", "待ち時間が少なくないのが良かったです"],
        ["駐車場の出口が危ないと思いました", "駐車場の出口が危なくないと思いました"],
        ["説明がつまらない内容でした", "説明がつまらなくない内容でした"],
    ):
        assert sorted(representative_comments(pd.Series(pair), k=2)) == sorted(pair), pair
    from nps_kit.text._quotes import _negates

    assert not _negates("待ち時間が少ない") and not _negates("対応が情けない、味気ない")
    assert _negates("待ち時間が少なくない") and _negates("電話がつながらない")
    assert not _negates("つまらなくない") and _negates("つまらない")  # a double negation
    assert _negates("時間がない") and _negates("問題なし") and _negates("届きません")
    assert _negates("I wasn't happy") and not _negates("I was happy")


def test_read_normalises_a_comment_once(monkeypatch: pytest.MonkeyPatch) -> None:
    # FIX90 #4: _read normalised each comment for its words and again in _negates; the
    # negation now reads the words' normalised text, and says what it said before.
    from nps_kit.text import _quotes

    calls: list[str] = []
    real = _quotes.normalise_one

    def counted(text: str) -> str:
        calls.append(text)
        return real(text)

    monkeypatch.setattr(_quotes, "normalise_one", counted)
    for text in ("I wasn't happy", "待ち時間が少なくない", "つまらなくない", "Great staff"):
        calls.clear()
        read = _quotes._read(text, _quote_key(text))
        assert calls == [text]
        assert read.negates == _quotes._negates(text)
