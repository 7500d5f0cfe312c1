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


def test_a_wide_export_whose_dates_repeat_a_little_is_no_long_table() -> None:
    # MSG43: a wide export (score, date, comment) was read as a long table: its comment column
    # as question codes, its scores as the answers, its dates (56 for 60 rows) as the ids.
    wide = pd.DataFrame(
        {
            "id": [f"R{i:03d}" for i in range(60)],
            "推奨度": [str(i * 7 % 11) for i in range(60)],
            "回答日": [f"2026-{10 if i < 30 else 11}-{i % 28 + 1:02d}" for i in range(60)],
            "コメント": [["配送が遅い", "とても良い", "価格が高い", ""][i % 4] for i in range(60)],
        }
    )
    assert long_form_sentence(wide) is None


def test_a_long_table_is_said_in_japanese() -> None:
    said = long_form_sentence(_long(), "ja")
    assert said is not None
    assert said.startswith("表が縦長（tidy）です：1行は1件の回答ではなく、1つの設問への答えです。")
    assert "「question_code」が「NPS」の行で、点数の列はありません。" in said
