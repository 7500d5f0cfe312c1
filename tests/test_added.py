"""The polarity of a theme the learned layer adds, in a comment that praises and complains."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from nps_kit.score import segment
from nps_kit.text._added import clause_polarities
from nps_kit.text.packs import load_pack
from nps_kit.text.sentiment import tag_polarity
from nps_kit.text.themes import tag_themes
from nps_kit.text.tokens import normalise_one


@pytest.mark.parametrize("score", [10.0, 8.0, 3.0, None])
def test_a_theme_added_to_the_complaint_of_a_mixed_comment_is_no_praise(
    score: float | None,
) -> None:
    # QA18: the generic layer dropped the rules' usability (混んでる) and added speed, which took
    # the promoter's praise (a passive's neutral became praise through the correction): the
    # staff's praise is in the other clause. Its Japanese round 11 drops usability there and adds
    # nothing, so the case is one it makes now: communication (返事) dropped, speed added.
    texts = pd.Series(["スタッフはいいけど返事が遅い"], dtype="string")
    book = load_pack("generic")
    segments = None if score is None else segment(pd.Series([score]))
    tags = tag_polarity(texts, book, segments=segments).loc[0].dropna().astype(str).to_dict()
    assert tags.pop("staff") == "positive"
    assert tags, "the complaint names no theme"
    assert set(tags.values()) == {"negative"}, tags


def test_a_theme_added_where_the_comment_judges_one_way_keeps_the_comments_judgement() -> None:
    texts = ["スタッフはいいけど混んでる", "スタッフが親切で、いつも空いていて快適"]
    book = load_pack("generic")
    unique = tuple(normalise_one(t) for t in texts)
    added = np.zeros((2, len(book.ids)), dtype=bool)
    speed = book.ids.index("speed")
    added[:, speed] = True
    assert clause_polarities("generic", book.ids, unique, added, ("comment", "comment")) == {
        0: {speed: "negative"}
    }
    # The English rule, the score's, is left as its training chose it; and no pack, no layer.
    assert clause_polarities("generic", book.ids, unique, added, ("score", "score")) == {}
    assert clause_polarities(None, book.ids, unique, added, ("comment", "comment")) == {}


def test_the_added_themes_polarity_changes_no_theme() -> None:
    texts = pd.Series(["スタッフはいいけど混んでる", "料金は安い。でも受付が遅い"], dtype="string")
    book = load_pack("generic")
    tags = tag_polarity(texts, book, segments=segment(pd.Series([10.0, 8.0])))
    assert (tags.notna().to_numpy() == tag_themes(texts, book).to_numpy()).all()
