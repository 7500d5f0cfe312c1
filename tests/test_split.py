from __future__ import annotations

from pathlib import Path

import pandas as pd
from _exports import hotel_comments

from nps_kit.text import load_pack, load_themes, tag_themes
from nps_kit.text.split import DOMINANT_SHARE, dominant_theme, split_rows, split_yaml

HOTEL = pd.Series([c for c, _ in hotel_comments()], dtype="string")


def _top_share(texts: pd.Series, book: object) -> tuple[str, float]:
    tags = tag_themes(texts, book).fillna(False).astype(bool)  # type: ignore[arg-type]
    tagged = tags[tags.any(axis=1)]
    counts = tagged.sum().sort_values(ascending=False)
    return str(counts.index[0]), 100.0 * float(counts.iloc[0]) / len(tagged)


def test_a_theme_that_holds_most_tagged_comments_is_found_with_its_words() -> None:
    # QA26 #15: the generic pack files a hotel's room, breakfast and Wi-Fi comments as Quality.
    found = dominant_theme(HOTEL, load_pack("generic"))
    assert found is not None
    assert (found.theme.id, found.count, found.tagged) == ("quality", 94, 132)
    assert round(found.share, 1) == 71.2
    top = found.phrases.head(3)
    assert top[["phrase", "lang", "count"]].values.tolist() == [
        ["room", "en", 28],
        ["breakfast", "en", 18],
        ["Wi-Fi", "en", 10],
    ]
    assert top["example"].tolist() == [
        "Quiet room, slept like a baby.",
        "Breakfast was ok but the same every day.",
        "Wi-Fi kept dropping, impossible to work.",
    ]


def test_the_pasted_split_takes_the_words_out_of_the_theme(tmp_path: Path) -> None:
    book = load_pack("generic")
    found = dominant_theme(HOTEL, book)
    assert found is not None
    snippet = split_yaml(found)
    assert snippet.splitlines()[:2] == [
        "  quality:  # these words go to the new themes below",
        "    exclude:",
    ]
    assert '  room:  # 28 comments, e.g. "Quiet room, slept like a baby."' in snippet
    path = tmp_path / "themes.yaml"
    path.write_text(f"version: 1\nextends: generic\nthemes:\n{snippet}\n", encoding="utf-8")
    split = load_themes(path)
    assert {"room", "breakfast", "wi_fi"} <= set(split.ids)
    _, share = _top_share(HOTEL, split)
    assert share < DOMINANT_SHARE
    assert dominant_theme(HOTEL, split) is None
    assert tag_themes(pd.Series(["Quiet room, slept like a baby."]), split).iloc[0]["room"]


def test_no_split_when_themes_are_shared_out_or_comments_are_few() -> None:
    shared = pd.Series(
        ["Staff were friendly", "Too expensive", "The room was dirty", "Check-in took ages"] * 10
    )
    assert dominant_theme(shared, load_pack("generic")) is None
    few = HOTEL.iloc[:20]
    assert dominant_theme(few, load_pack("generic")) is None  # fewer than 30 with a theme
    assert dominant_theme(few, load_pack("generic"), min_tagged=10) is not None


def test_japanese_words_become_themes_with_ids_of_their_own() -> None:
    comments = pd.Series(
        ["部屋が狭かった。"] * 12 + ["朝食がおいしかった。"] * 10 + ["スタッフが親切でした。"] * 8,
        dtype="string",
    )
    found = dominant_theme(comments, load_pack("generic"))
    assert found is not None and found.theme.id == "quality"
    assert found.phrases["phrase"].tolist()[:2] == ["部屋", "朝食"]
    snippet = split_yaml(found, lang="ja")
    assert "  quality_2:  # 12件、例：「部屋が狭かった。」" in snippet
    assert "    keywords: {ja: ['部屋']}" in snippet


def test_the_data_quality_row_names_the_theme_and_its_words_without_examples() -> None:
    ((item, value),) = split_rows(HOTEL, load_pack("generic"), lang="en")
    assert item == "One theme holds most comments"
    assert value.startswith(
        "Quality holds 71% of the 132 comments with a theme: split it into themes of their "
        "own, so that each action reaches the team it concerns. Its most frequent words: "
        "room (28), breakfast (18), Wi-Fi (10),"
    )
    assert "slept like a baby" not in value
    assert split_rows(HOTEL.iloc[:20], load_pack("generic"), lang="ja") == []


def test_one_recurring_word_proposes_no_split() -> None:
    # A theme found by one word alone names no second topic to split off (a telco's "minutes").
    texts = pd.Series(["The room was dirty."] * 30 + ["Staff were friendly."] * 5)
    found = dominant_theme(texts, load_pack("generic"))
    assert found is not None and found.phrases["phrase"].tolist() == ["room"]
    assert split_yaml(found) == ""
    assert split_rows(texts, load_pack("generic"), lang="en") == []


def test_a_proposed_themes_label_says_its_other_name_is_still_to_write() -> None:
    # FIX54: {ja: '朝食', en: '朝食'} gave a Japanese word as the English name, unsaid; the
    # schema needs both names, so the line says which one to write.
    comments = pd.Series(["部屋が狭かった。"] * 20 + ["朝食がおいしかった。"] * 15, dtype="string")
    found = dominant_theme(comments, load_pack("generic"))
    assert found is not None
    assert (
        "    label: {ja: '部屋', en: '部屋'}  # en: 英語の表示名に書き換え（ja・en とも必須）\n"
        in split_yaml(found, lang="ja")
    )
    assert (
        "    label: {ja: '部屋', en: '部屋'}  # en: write its English name (both ja and en are "
        "required)\n" in split_yaml(found, lang="en")
    )
