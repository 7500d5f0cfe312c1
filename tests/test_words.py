from __future__ import annotations

import math
import warnings

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from nps_kit.text.tokens import tokenise
from nps_kit.text.words import distinguishing_words

COMMON = ["service", "order", "time", "website", "product", "store", "staff", "help"]


def corpus(n: int, planted: str | None, rate: float, seed: int) -> pd.Series:
    """Comments of 3–6 common words; ``planted`` appears in ``rate`` of them."""
    rng = np.random.default_rng(seed)
    docs = []
    for _ in range(n):
        words = list(rng.choice(COMMON, size=int(rng.integers(3, 7))))
        if planted and rng.random() < rate:
            words.append(planted)
        docs.append(words)
    return pd.Series(docs)


def test_planted_words_rank_top_on_each_side() -> None:
    a = corpus(400, "refund", 0.3, seed=1)
    b = corpus(400, "friendly", 0.3, seed=2)
    table = distinguishing_words(a, b, top=5, labels=("detractor", "promoter"))
    assert list(table.columns) == ["term", "count_a", "count_b", "log_odds", "z", "favours"]
    first_a = table[table["favours"] == "detractor"].iloc[0]
    first_b = table[table["favours"] == "promoter"].iloc[0]
    assert first_a["term"] == "refund"
    assert first_b["term"] == "friendly"
    assert first_a["count_a"] == sum("refund" in d for d in a)
    assert first_a["count_b"] == 0
    assert first_a["z"] > 3 and first_b["z"] < -3
    # common words are spread evenly, so none of them is as distinctive as the planted ones
    assert table["z"].abs().max() == pytest.approx(max(abs(first_a["z"]), abs(first_b["z"])))


def test_formula_by_hand() -> None:
    a = pd.Series([["x", "y"], ["x"], ["x", "z"]])
    b = pd.Series([["y"], ["y", "z"], ["x"]])
    table = distinguishing_words(a, b, min_count=1, prior_scale=10.0).set_index("term")
    ya, yb, na, nb = 3.0, 1.0, 5.0, 4.0
    alpha = 10.0 * (ya + yb) / (na + nb)
    delta = math.log((ya + alpha) / (na + 10.0 - ya - alpha)) - math.log(
        (yb + alpha) / (nb + 10.0 - yb - alpha)
    )
    z = delta / math.sqrt(1 / (ya + alpha) + 1 / (yb + alpha))
    assert table.loc["x", "log_odds"] == pytest.approx(delta)
    assert table.loc["x", "z"] == pytest.approx(z)
    assert table.loc["x", "favours"] == "a"
    assert table.loc["y", "favours"] == "b"


def test_swapping_groups_flips_the_sign() -> None:
    a = corpus(200, "late", 0.4, seed=3)
    b = corpus(200, None, 0.0, seed=4)
    ab = distinguishing_words(a, b, top=50).set_index("term")["z"]
    ba = distinguishing_words(b, a, top=50).set_index("term")["z"]
    assert ab.sort_index().to_numpy() == pytest.approx(-ba.sort_index().to_numpy())


def test_a_word_counts_once_per_comment_and_rare_words_are_dropped() -> None:
    a = pd.Series([["late"] * 10, ["late"], ["rare"]])
    b = pd.Series([["fine"], ["fine"], ["fine"]])
    table = distinguishing_words(a, b, min_count=2)
    assert table.set_index("term").loc["late", "count_a"] == 2
    assert "rare" not in set(table["term"])


def test_empty_input_gives_an_empty_table() -> None:
    table = distinguishing_words(pd.Series([], dtype=object), pd.Series([[]]))
    assert table.empty
    assert list(table.columns) == ["term", "count_a", "count_b", "log_odds", "z", "favours"]


def test_works_on_japanese_tokens() -> None:
    detractors = tokenise(pd.Series(["配送が遅い", "配送が遅くて困った", "また配送が遅れた"] * 5))
    promoters = tokenise(pd.Series(["店員さんが親切", "対応が親切でした", "親切な店員"] * 5))
    table = distinguishing_words(detractors, promoters, top=1, labels=("批判者", "推奨者"))
    assert table["term"].tolist() == ["配送", "親切"]
    assert table["favours"].tolist() == ["批判者", "推奨者"]


def test_prior_scale_must_be_positive() -> None:
    with pytest.raises(ValueError, match=r"^prior_scale must be positive, got 0$"):
        distinguishing_words(pd.Series([["a"]]), pd.Series([["b"]]), prior_scale=0)


COLUMNS = ["term", "count_a", "count_b", "log_odds", "z", "favours"]
DEGENERATE: dict[str, tuple[list[list[str]], list[list[str]]]] = {
    "all identical": ([["満足"]] * 6, [["満足"]] * 4),
    "one word in many comments": ([["満足", "満足"]] * 3, [["満足"]] * 3),
    "one comment": ([["配送", "遅い", "困った"]], []),
    "all blank": ([[], []], [[]]),
    "one segment only": ([["配送", "遅い"], ["配送", "高い"], ["遅い"]], [[], []]),
}


@pytest.mark.parametrize("case", list(DEGENERATE))
def test_not_enough_text_gives_an_empty_table_without_warnings(case: str) -> None:
    a, b = DEGENERATE[case]
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # was: RuntimeWarning divide by zero on 満足 only
        table = distinguishing_words(pd.Series(a, dtype=object), pd.Series(b, dtype=object))
    assert table.empty
    assert list(table.columns) == COLUMNS


WORDS = st.sampled_from(["満足", "配送", "遅い", "price", "late", "fine"])
COMMENTS = st.lists(st.lists(WORDS, max_size=4), max_size=8)


@given(a=COMMENTS, b=COMMENTS, min_count=st.integers(1, 4))
def test_any_comments_give_finite_scores_or_an_empty_table(
    a: list[list[str]], b: list[list[str]], min_count: int
) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        table = distinguishing_words(
            pd.Series(a, dtype=object), pd.Series(b, dtype=object), min_count=min_count
        )
    assert list(table.columns) == COLUMNS
    words_a = {w for doc in a for w in doc}
    words_b = {w for doc in b for w in doc}
    if not words_a or not words_b or len(words_a | words_b) < 2:
        assert table.empty
    assert np.isfinite(table["z"].to_numpy(dtype=float)).all()
    assert np.isfinite(table["log_odds"].to_numpy(dtype=float)).all()
    assert ((table["z"] > 0) == (table["favours"] == "a")).all()
