from __future__ import annotations

import pandas as pd
import pytest

from nps_kit.text import load_pack
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
