"""A long table of answers (``nps_kit._long_form``): said, with the pivot to run."""

from __future__ import annotations

import pandas as pd

from nps_kit._long_form import long_form_sentence


def _long(n: int = 20) -> pd.DataFrame:
    rows = []
    for i in range(n):
        for code, answer in (("NPS", str(i % 11)), ("WHY", "slow app"), ("BRANCH", "North")):
            rows.append({"response_id": f"R{i}", "question_code": code, "answer": answer})
    return pd.DataFrame(rows)


def test_a_long_table_names_its_code_its_answers_and_the_pivot() -> None:
    said = long_form_sentence(_long())
    assert said is not None
    assert "rows whose 'question_code' is 'NPS'" in said
    assert "index=['response_id'], columns='question_code', values='answer'" in said


def test_a_wide_export_is_no_long_table() -> None:
    wide = pd.DataFrame(
        {"id": [f"R{i}" for i in range(20)], "score": [str(i % 11) for i in range(20)],
         "region": ["North", "South"] * 10}
    )  # fmt: skip
    assert long_form_sentence(wide) is None
    # A code column whose answers are ratings 1-5 only holds no NPS.
    low = _long()
    low.loc[low["question_code"] == "NPS", "answer"] = "3"
    assert long_form_sentence(low) is None
