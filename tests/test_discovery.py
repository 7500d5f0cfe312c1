from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from nps_kit.text import load_pack, load_themes, tag_themes
from nps_kit.text.discovery import (
    covered_phrases,
    dropped_phrases,
    text_quality,
    uncovered_phrases,
)

COMMENTS = pd.Series(
    [
        "駐車場が狭い",
        "駐車場が狭くて停めにくい",
        "駐車場が少ない",
        "配送が遅い",
        "特になし",
        None,
    ]
)


def test_uncovered_share_and_phrases() -> None:
    found = uncovered_phrases(COMMENTS, load_pack("retail"))
    assert (found.comments, found.uncovered) == (4, 3)
    assert found.share == pytest.approx(75.0)
    first = found.phrases.iloc[0]
    assert (first["phrase"], first["lang"], first["count"], first["example"]) == (
        "駐車",  # UniDic lemma: 駐車場 is 駐車 + 場
        "ja",
        3,
        "駐車場が狭い",
    )


def test_text_quality_warns_when_a_pack_tags_few_comments() -> None:
    table = text_quality(COMMENTS, load_pack("retail"), lang="ja")
    assert table["item"].tolist() == [
        "テーマが付いたコメント",
        "テーマの語句を含まないコメントに多い語句（件数）",
        "⚠",
    ]
    # As the report's theme tables count them (the learned layer adds a theme to one more
    # comment), and by the words alone, which the warning reads.
    # Japanese layer round 16 also reads 駐車場が狭くて停めにくい as usability (hard to use).
    tagged = tag_themes(COMMENTS, load_pack("retail")).any(axis=1)
    assert tagged.tolist() == [False, True, True, True, False, False]
    assert table["value"].iloc[0] == (
        "75.0%（4件中3件）（テーマの語句だけでは25.0%）。コメントは何かを書いた回答です：期間内の6件"
        "のうち2件はコメントなし（空欄、「特になし」「n/a」、連絡先だけ。一覧のテーマは「—」）"
    )
    assert table["value"].iloc[1].startswith("駐車（3件）")
    assert table["value"].iloc[2] == (
        "注意：テーマの語句を含むコメントは25%だけです。別のテーマパック（retail、saas、finance、"
        "generic、food、logistics）を選ぶか、themes.yaml に語句を追加して"
        "ください"
    )
    english = text_quality(COMMENTS, load_pack("retail"), lang="en")["value"].iloc[0]
    assert english == (
        "75.0% (3 / 4); by the themes' words alone 25.0%; a comment is an answer that says "
        "something: 2 of the period's 6 rows have none (blank, 'n/a', 'nothing', only a way to "
        "reach them; Themes '—' in the lists)"
    )
    found = uncovered_phrases(COMMENTS, load_pack("retail"))
    assert (found.uncovered, found.untagged) == (3, 1)


def test_without_a_learned_layer_coverage_is_one_figure(tmp_path: Path) -> None:
    (tmp_path / "themes.yaml").write_text(PRICE_ONLY, encoding="utf-8")
    book = load_themes(tmp_path / "themes.yaml")
    texts = pd.Series(["価格が高い", "Superb.", "駐車場が狭い"])
    found = uncovered_phrases(texts, book)
    assert (found.comments, found.uncovered, found.untagged) == (3, 2, 2)
    assert text_quality(texts, book, lang="en")["value"].iloc[0] == "33.3% (1 / 3)"


def test_text_quality_without_comments_has_no_rows() -> None:
    assert text_quality(pd.Series(["特になし", None]), load_pack("generic"), lang="en").empty


PRICE_ONLY = """\
version: 1
themes:
  price:
    label: {ja: 価格, en: Price}
    keywords: {ja: [価格], en: [price]}
"""


def test_suggested_phrases_keep_negation_and_never_show_a_mask(tmp_path: Path) -> None:
    (tmp_path / "themes.yaml").write_text(PRICE_ONLY, encoding="utf-8")
    book = load_themes(tmp_path / "themes.yaml")
    texts = pd.Series(
        ["予約電話がつながらない"] * 3
        + ["麻酔が効かず痛かった"] * 2
        + ["連絡先[PHONE]までお願いします"] * 5
        + ["The parking app doesn't work"] * 2
        + ["I can't log in to the portal"] * 2
    )
    phrases = uncovered_phrases(texts, book, top=50)
    shown = set(phrases.phrases["phrase"])
    # a phrase in the same comments as a longer one stands for it: the longest is listed,
    # as the comment wrote it (つながらない, 効かず; UniDic's lemmas are 繋がる, 利く); until QA18
    # its words stood joined in dictionary forms (予約電話つながらない, 麻酔効かない痛い)
    assert {"予約電話がつながらない", "麻酔が効かず痛かった"} <= shown
    # 「連絡先[PHONE]まで」 is a contact detail with its label, no phrase of what was said (QA19:
    # 「連絡先」 was listed as typical of promoters)
    assert not any("連絡" in p for p in shown)
    assert not {"つながる", "予約電話つながる", "効く", "麻酔効く痛い"} & shown
    assert "予約電話繋がらない" not in shown
    assert {"parking app doesn't work", "can't log in to the portal"} <= shown
    assert "work" not in shown and "log" not in shown
    assert not any("phone" in p.lower() for p in shown)


def test_a_negated_judgement_alone_is_not_a_phrase() -> None:
    texts = pd.Series(["not great"] * 3 + ["痛くない"] * 3)
    assert uncovered_phrases(texts, load_pack("retail")).phrases.empty


def test_a_japanese_phrase_stays_within_its_clause(tmp_path: Path) -> None:
    (tmp_path / "themes.yaml").write_text(PRICE_ONLY, encoding="utf-8")
    texts = pd.Series(["予約の電話がつながらない。連絡先は[PHONE]です"] * 3)
    found = uncovered_phrases(texts, load_themes(tmp_path / "themes.yaml"), top=50)
    shown = set(found.phrases["phrase"])
    assert "予約の電話がつながらない" in shown
    assert not any("つながらない連絡" in p for p in shown)
    # 「連絡先は[PHONE]」 is a contact detail with its label: no phrase at all (QA19)
    assert not any("連絡" in p for p in shown)


def test_a_japanese_phrase_starts_and_ends_at_a_word_s_edge() -> None:
    # QA27: 「便で買い忘れがなく」「定期便で買い」 in every 定期通販 report's data quality: cut
    # inside 定期便 and 買い忘れ, the words' tokens written together.
    from nps_kit.text.discovery import _comment_phrases
    from nps_kit.text.tokens import _tokens, normalise_one

    raw = "定期便で買い忘れがなく、助かっています。"
    found = set(_comment_phrases(list(_tokens(raw, None)), "ja", normalise_one(raw), raw).values())
    assert {"定期便", "買い忘れがなく"} <= found
    assert not found & {"便で買い忘れがなく", "定期便で買い", "便で買い"}


def test_uncovered_phrases_keep_the_case_respondents_wrote() -> None:
    comments = pd.Series(["Ask for Zed Quibble", "Saw Zed Quibble again", "want zed quibble"])
    found = uncovered_phrases(comments, load_pack("generic"))
    phrases = dict(zip(found.phrases["phrase"], found.phrases["count"], strict=True))
    assert phrases == {"Zed Quibble": 3}  # not "zed quibble"


def test_a_japanese_comments_phrases_come_from_its_clauses_alone() -> None:
    # uncovered_phrases does not tokenise Japanese comments whole: their phrases are read
    # clause by clause, and the comment's own tokens must change nothing.
    from nps_kit.text.discovery import _comment_phrases
    from nps_kit.text.tokens import _language_of, _tokens, normalise_one

    names = ["theme_eval_blind3.csv", "theme_eval_blind4.csv", "theme_train5_ja.csv"]
    data = Path(__file__).parent / "data"
    texts = pd.concat(
        pd.read_csv(data / name, keep_default_na=False, dtype=str)["text"] for name in names
    )
    japanese = [t for t in texts if _language_of(t) == "ja"]
    assert len(japanese) > 300
    for raw in japanese:
        text = normalise_one(raw)
        assert _comment_phrases(list(_tokens(raw, None)), "ja", text, raw) == _comment_phrases(
            [], "ja", text, raw
        )


def test_uncovered_counts_repeats_and_shows_the_commonest_wording_and_shortest_example() -> None:
    # A comment written three times counts three times, for the phrase and for its wording;
    # the example is the shortest comment with the phrase, the first of equal ones.
    comments = pd.Series(
        [
            "The Zed Quibble froze on me twice today",
            "zed quibble froze",
            "zed quibble froze",
            "zed quibble froze",
            "Zed Quibbles froze again",
            "Ask about Zed Quibble",
            "Ask about Zed Quibble",
        ]
    )
    found = uncovered_phrases(comments, load_pack("generic"), top=3, min_count=2)
    assert found.phrases.to_dict("list") == {
        # "Zed Quibble" 3 times as written (twice in one comment repeated), "zed quibble" 3
        # times, "Zed Quibbles" once: a tie of counts and lengths, then the text's order
        "phrase": ["Zed Quibble", "zed quibble froze", "ask about Zed Quibble"],
        "lang": ["en", "en", "en"],
        "count": [7, 5, 2],
        "example": ["zed quibble froze", "zed quibble froze", "Ask about Zed Quibble"],
    }
    assert found.uncovered == 7


def test_covered_phrases_are_those_beside_the_themes_words() -> None:
    texts = pd.Series(
        [
            "営業さんの説明が丁寧で、発電量のシミュレーションも分かりやすかった",
            "発電量のシミュレーションより少ない。営業の話と違う",
            "工事の方が礼儀正しい。発電量のシミュレーションどおり",
            "Staff were great but the gate code never works",
            "Gate code failed again, the price is fine though",
            "Loading bay on Saturdays",  # no theme's words: uncovered, not here
            "Loading bay on Saturdays",
        ]
    )
    book = load_pack("generic")
    found = covered_phrases(texts, book, top=50)
    shown = dict(zip(found["phrase"], found["count"], strict=True))
    # The learned layer (Japanese round 11) keeps a theme in each of the three 発電量 comments,
    # so their phrase is covered, as written (QA18), not 発電量シミュレーション; a phrase of
    # comments it leaves without a theme would be dropped_phrases' (round 7 left two of them so),
    # not listed twice.
    assert shown == {"発電量のシミュレーション": 3, "gate code": 2}
    assert dropped_phrases(texts, book, top=50).empty
    # never the words that found a theme (staff, price, 営業, 説明), nor a single English word,
    # nor a phrase of a comment no theme's words are found in
    assert not any(w in p for p in shown for w in ("staff", "price", "営業", "説明"))
    assert not any(" " not in p and p.isascii() for p in shown)
    assert not any("loading" in p.lower() for p in shown)
    # the two lists split the answered comments between them
    uncovered = uncovered_phrases(texts, book, top=50)
    assert uncovered.phrases["phrase"].tolist() == ["loading bay on Saturdays"]


def test_dropped_phrases_are_those_of_comments_the_learned_layer_leaves_without_a_theme() -> None:
    # 保険請求 is a word of generic's themes, but the learned layer drops what it found (a
    # clinic's insurance wish): neither uncovered nor covered lists it. (Japanese layer round 16
    # keeps 駐車場を用意してほしい's theme, which round 11 dropped.)
    comments = pd.Series(
        ["駐車場を用意してほしい"] * 3 + ["保険請求を早くしてほしい"] * 2 + ["スタッフが親切"] * 2
    )
    book = load_pack("generic")
    tagged = tag_themes(comments, book).any(axis=1)
    assert tagged.tolist() == [True] * 3 + [False] * 2 + [True] * 2
    dropped = dropped_phrases(comments, book)
    assert dict(zip(dropped["phrase"], dropped["count"], strict=True)) == {
        "保険請求を早くしてほしい": 2,
    }
    assert uncovered_phrases(comments, book).phrases.empty
    assert not covered_phrases(comments, book)["phrase"].isin(dropped["phrase"]).any()
    # Without a learned layer nothing is dropped.
    assert dropped_phrases(comments[5:], book).empty


def test_japanese_phrases_read_as_the_comment_wrote_them(tmp_path: Path) -> None:
    # QA18 (a gym's export): 可ない不可ない, パーソナルトレーニングkg and かな were listed
    (tmp_path / "themes.yaml").write_text(PRICE_ONLY, encoding="utf-8")
    texts = pd.Series(
        ["可もなく不可もなく"] * 3
        + ["パーソナルトレーニングで5kg痩せました"] * 3
        + ["まあまあかなw"] * 3
        + ["混んでなくて快適"] * 3
        + ["駐車場に停められなかった"] * 3
    )
    book = load_themes(tmp_path / "themes.yaml")
    shown = set(uncovered_phrases(texts, book, top=50).phrases["phrase"])
    assert {
        "可もなく不可もなく",
        "パーソナルトレーニングで5kg痩せました",
        "混んでなくて快適",
        "駐車場に停められなかった",
    } <= shown
    assert not {"可ない不可ない", "パーソナルトレーニングkg", "かな", "仮名"} & shown


def test_data_quality_lists_the_phrases_of_comments_the_learned_layer_left_without_a_theme() -> (
    None
):
    # QA19: "We were billed twice …" (51 detractors) and 「冷蔵庫に傷がつき、破損の連絡を…」 show
    # "—" in the report's detractor list, and the data quality listed only uncovered phrases,
    # so a manager never learned that they were missing from the theme table.
    comments = pd.Series(
        ["駐車場を用意してほしい"] * 3 + ["保険請求を早くしてほしい"] * 2 + ["スタッフが親切"] * 2
    )
    book = load_pack("generic")
    table = text_quality(comments, book, lang="ja")
    rows = dict(zip(table["item"], table["value"], strict=True))
    assert rows[
        "テーマの語句はあるが、コメント全体からはそのテーマではないと判定された"
        "コメントに多い語句（件数）"
    ] == ("保険請求を早くしてほしい（2件）")
    assert rows["テーマの語句を含まないコメントに多い語句（件数）"] == "—"
    english = text_quality(comments, book, lang="en")
    assert english["item"].tolist()[:3] == [
        "Comments with a theme",
        "Frequent phrases in comments without any theme's words (count)",
        "Frequent phrases in comments whose theme words were judged, from the comment "
        "as a whole, not to name that theme (count)",
    ]
    # nothing overruled, no such row
    assert len(text_quality(comments[5:], book, lang="en")) == 2


def test_the_coverage_row_says_which_comments_it_counts() -> None:
    # QA19: data quality said "Comments with a theme (103 / 118)", the follow-up section "112
    # respondents commented": 118 included 6 comments with a missing or invalid score.
    texts = pd.Series(["配送が遅い", "駐車場が狭い", "価格が高い", "特になし", None])
    unscored = pd.Series([False, True, False, True, True])
    table = text_quality(texts, load_pack("retail"), lang="en", unscored=unscored)
    assert (
        table["value"]
        .iloc[0]
        .endswith(
            "; the 3 comments include 1 without a valid score (the follow-up questions' "
            "'2 respondents commented' count only scored ones)"
        )
    )
    japanese = text_quality(texts, load_pack("retail"), lang="ja", unscored=unscored)
    assert (
        japanese["value"]
        .iloc[0]
        .endswith(
            "。3件には有効なスコアのない1件を含みます（追加設問の「回答者2人がコメント」は"
            "スコアのある回答だけを数えます）"
        )
    )
    # every comment scored: the row says nothing more
    scored = text_quality(texts, load_pack("retail"), lang="en", unscored=unscored & False)
    assert "valid score" not in scored["value"].iloc[0]


# QA26 #13, #14, #19: comments in a language no pack reads.
FOREIGN = pd.Series(
    [
        "Das WLAN war sehr langsam und das Zimmer zu laut.",
        "Zu laut, das Zimmer lag direkt an der Straße.",
        "Der Check-in hat ewig gedauert, das Personal war überfordert.",
        "Le Wi-Fi ne fonctionnait pas dans la chambre.",
        "The delivery was late and the staff were rude.",
    ]
)


def test_data_quality_counts_the_comments_in_languages_no_pack_reads() -> None:
    table = text_quality(FOREIGN, load_pack("retail"), lang="en")
    rows = dict(zip(table["item"], table["value"], strict=True))
    assert rows["Comments in a language no theme pack reads"] == (
        "80.0% (4 / 5): German 3, French 1; no pack's words nor learned layer read themes in "
        "them and no polarity is given (not the score's either); the words of your own "
        "themes.yaml do tag them, as neutral mentions"
    )
    # Most comments without a theme's words are German: no other pack would help.
    assert rows["⚠"] == (
        "Warning: only 20% of comments contain a theme's words. Most comments are in German, "
        "French, which no theme pack reads (another pack would not help); words of that "
        "language written in themes.yaml tag them, as neutral mentions"
    )
    japanese = text_quality(FOREIGN, load_pack("retail"), lang="ja")
    rows = dict(zip(japanese["item"], japanese["value"], strict=True))
    assert rows["テーマパックが読まない言語のコメント"] == (
        "80.0%（5件中4件）：ドイツ語3件、フランス語1件。テーマパックの語句も学習済みの層もテーマを"
        "読み取らず、賛否も付けません（スコアからも）。themes.yaml に書いた独自の語句はテーマを"
        "付けます（賛否は「中立」）"
    )
    assert rows["⚠"] == (
        "注意：テーマの語句を含むコメントは20%だけです。コメントの多くはドイツ語、フランス語で、"
        "どのテーマパックもこの言語を読みません（別のパックを選んでも変わりません）。"
        "その言語の語句を themes.yaml に書けば、テーマが付きます（賛否は「中立」）"
    )


def test_phrases_of_comments_in_another_language_are_not_suggested() -> None:
    # "das", "la" were offered as phrases to add to themes.yaml (QA26 #19).
    found = uncovered_phrases(pd.concat([FOREIGN, FOREIGN]), load_pack("retail"))
    assert found.uncovered == 8  # the German and French comments: no theme's words are read
    assert not {"das", "la", "zimmer", "der"} & {str(p).lower() for p in found.phrases["phrase"]}


def test_the_coverage_row_says_what_a_comment_is() -> None:
    # FIX50: "Comments with a theme 100.0% (19 / 19)" above cards showing Themes "—": the
    # period's other 20 rows (blank, 特にありません。) were no comments, and nothing said so.
    texts = pd.Series(["配送が遅い", "特にありません。", None, "価格が高い"])
    value = text_quality(texts, load_pack("retail"), lang="en")["value"].iloc[0]
    assert value == (
        "100.0% (2 / 2); a comment is an answer that says something: 2 of the period's 4 rows "
        "have none (blank, 'n/a', 'nothing', only a way to reach them; Themes '—' in the lists)"
    )
    # every row a comment: the share alone
    assert text_quality(texts.iloc[[0, 3]], load_pack("retail"), lang="en")["value"].iloc[0] == (
        "100.0% (2 / 2)"
    )


def test_own_words_on_comments_no_pack_reads_count_as_themed(tmp_path: Path) -> None:
    # FIX50 (QA26 #14): a German keyword of the unit's own themes file tags German comments,
    # so data quality counts them as the report's tables do (it said 0 / 17 beside cards
    # tagged "Waiting time"); a pack's loan word in French still counts for nothing.
    (tmp_path / "themes.yaml").write_text(
        "version: 1\nextends: retail\nthemes:\n  wlan:\n    label: {ja: WLAN, en: WLAN}\n"
        "    keywords:\n      en: [WLAN, Zimmer]\n",
        encoding="utf-8",
    )
    book = load_themes(tmp_path / "themes.yaml")
    found = uncovered_phrases(FOREIGN, book)
    tagged = tag_themes(FOREIGN, book).any(axis=1)
    assert tagged.tolist() == [True, True, False, False, True]
    assert (found.comments, found.uncovered, found.untagged) == (5, 2, 2)


def test_data_quality_proposes_splitting_a_theme_that_holds_most_comments() -> None:
    # QA26 #15: a hotel's comments on the generic pack, 71 % of those with a theme under Quality.
    from _exports import hotel_comments

    texts = pd.Series([c for c, _ in hotel_comments()], dtype="string")
    table = text_quality(texts, load_pack("generic"), lang="ja")
    row = table[table["item"] == "1つのテーマに集中"]
    assert (
        row["value"]
        .iloc[0]
        .startswith(
            "「品質・内容」がテーマの付いたコメント132件の71%を占めています。内容ごとのテーマに分けると、"
            "対策がそれぞれの担当に届きます。よく出る語：room（28件）、breakfast（18件）、Wi-Fi（10件）"
        )
    )
    assert (
        "1つのテーマに集中"
        not in text_quality(COMMENTS, load_pack("retail"), lang="ja")["item"].tolist()
    )


def test_a_dump_s_null_markers_are_no_comment_in_discovery_and_the_report(tmp_path: Path) -> None:
    # REVIEW36: 「NULL（2件）」 among the phrases no theme covers. A dump writes an empty comment
    # as NULL, \N, None or N/A: the loader's markers of no answer (_values.MISSING_WORDS), so
    # the text side counts them as no comment, from that one home.
    from nps_kit.load import load_responses

    path = tmp_path / "dump.csv"
    path.write_text(
        "id|score|comment\n"
        "1|3|駐車場が狭い\n2|2|駐車場が狭い\n3|1|NULL\n4|0|NULL\n5|5|\\N\n"
        "6|4|None\n7|6|N/A\n8|9|null\n9|8|NaN\n",
        encoding="utf-8",
    )
    texts = load_responses(path).data["comment"]
    assert texts.tolist()[2:4] == ["NULL", "NULL"]  # kept as written by the reader (QA22)
    found = uncovered_phrases(texts, load_pack("retail"))
    assert (found.comments, found.uncovered) == (2, 2)
    assert found.phrases["phrase"].tolist() == ["駐車場が狭い"]
    table = text_quality(texts, load_pack("retail"), lang="ja")
    rows = dict(zip(table["item"], table["value"], strict=True))
    assert rows["テーマの語句を含まないコメントに多い語句（件数）"] == "駐車場が狭い（2件）"
