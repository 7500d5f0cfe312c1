from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from nps_kit.text import load_pack, load_themes
from nps_kit.text.discovery import text_quality, uncovered_phrases

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
        "テーマなしのコメントに多い語句（件数）",
        "⚠",
    ]
    assert table["value"].iloc[0] == "25.0% (1 / 4)"
    assert table["value"].iloc[1].startswith("駐車 (3)")
    assert table["value"].iloc[2] == (
        "注意：テーマが付いたコメントは25%だけです。別のテーマパック（retail, saas, finance, "
        "generic）を選ぶか、themes.yaml に語句を追加してください"
    )


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
    # in the writer's kana and kanji (つながらない, 効かない; UniDic's lemmas are 繋がる, 利く)
    assert {"予約電話つながらない", "麻酔効かない痛い", "連絡先"} <= shown
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
    assert {"予約電話つながらない", "連絡先"} <= shown
    assert not any("つながらない連絡" in p for p in shown)


def test_uncovered_phrases_keep_the_case_respondents_wrote() -> None:
    comments = pd.Series(["Ask for Zed Quibble", "Saw Zed Quibble again", "want zed quibble"])
    found = uncovered_phrases(comments, load_pack("generic"))
    phrases = dict(zip(found.phrases["phrase"], found.phrases["count"], strict=True))
    assert phrases == {"Zed Quibble": 3}  # not "zed quibble"
