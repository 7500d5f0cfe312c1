"""LimeSurvey's answer codes in a 0–10 column: said, never read as scores (QA35)."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from nps_kit._answer_codes import numeric_codes_sentence, score_codes_sentence


@pytest.mark.parametrize(
    "codes",
    [
        [f"A{i}" for i in range(1, 12)],
        [f"AO{i:02d}" for i in range(1, 12)],
        [f"A{i}" for i in range(11)],
        [f"A{i}" for i in range(2, 12)],  # nobody answered the first code
    ],
)
def test_eleven_codes_of_one_prefix_are_a_coded_0_to_10_question(codes: list[str]) -> None:
    said = score_codes_sentence("NPS", pd.Series([*codes, None, "", *codes]))
    assert said is not None
    assert said.startswith(f"'NPS' holds answer codes ({codes[0]} … {codes[-1]}), not scores")
    assert "'Full answers'" in said


@pytest.mark.parametrize(
    "cells",
    [
        ["A1", "A2", "A3"],  # a 3-answer list
        [f"A{i}" for i in range(1, 12)] + ["B1"],  # two prefixes
        [f"A{i}" for i in range(1, 12)] + ["A12"],  # twelve answers
        [f"A{i}" for i in range(1, 12)] + ["Other"],
        [str(i) for i in range(11)],  # scores
        [],
    ],
)
def test_other_columns_are_no_coded_question(cells: list[str]) -> None:
    assert score_codes_sentence("Q1", pd.Series(cells, dtype=object)) is None


@given(
    st.lists(
        st.sampled_from([*map(str, range(13)), "11", "11", "1.0", " 3", "", "x", "1e1", None]),
        max_size=60,
    )
)
def test_numeric_codes_read_by_distinct_text_say_what_each_cell_read_says(
    cells: list[str | None],
) -> None:
    # LOAD40: a text column's distinct values are read as numbers once and put back in their
    # rows; an object column is read cell by cell, as before.
    from nps_kit._answer_codes import numeric_codes_sentence

    expected = numeric_codes_sentence("Q1", pd.Series(cells, dtype=object))
    for dtype in ("str", "string", pd.StringDtype("python")):
        assert numeric_codes_sentence("Q1", pd.Series(cells, dtype=dtype)) == expected, dtype
    coded = [*map(str, range(1, 12))] * 5 + [None]
    assert numeric_codes_sentence("Q1", pd.Series(coded, dtype="str")) is not None


def test_answer_codes_are_said_in_japanese() -> None:
    # MSG42: inspect in a Japanese project said the codes in English.
    codes = [f"A{i}" for i in range(1, 12)]
    said = score_codes_sentence("NPS", pd.Series(codes * 2), "ja")
    assert said is not None
    assert said.startswith("「NPS」はスコアではなく回答コード（A1 … A11）です。LimeSurveyが")
    numbers = pd.Series([1 + i % 11 for i in range(110)])
    said = numeric_codes_sentence("推奨度", numbers, lang="ja")
    assert said is not None
    assert said.startswith("「推奨度」は0〜10のスコアではなく、11段階の選択肢のコード1 … 11です")
