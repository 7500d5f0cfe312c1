"""LimeSurvey's answer codes in a 0–10 column: said, never read as scores (QA35)."""

from __future__ import annotations

import pandas as pd
import pytest

from nps_kit._answer_codes import score_codes_sentence


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
