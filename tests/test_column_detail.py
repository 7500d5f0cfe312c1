"""A column's detail: English text that says itself in Japanese from its catalogue entry."""

from __future__ import annotations

import copy
import json
import pickle

from nps_kit._column_detail import Detail, said


def test_a_detail_is_its_english_wherever_a_string_is_expected() -> None:
    detail = Detail("nearly_unique", n="1,204")
    assert detail == "nearly unique, 1,204 repeat"
    assert detail.startswith("nearly unique") and "repeat" in detail
    assert json.dumps({"detail": detail}) == '{"detail": "nearly unique, 1,204 repeat"}'
    assert said(detail, "ja") == "ほぼ一意（1,204個が重複）"
    assert said("3–9", "ja") == "3–9"  # a range has no words


def test_a_detail_of_parts_says_each_part_in_its_words() -> None:
    detail = Detail.joined([Detail("as_stated", range="1–5"), Detail("half_points")])
    assert detail == "1–5 as stated, half points"
    assert detail.said("ja") == "1–5（設問の記載どおり）、0.5刻み"
    assert detail.said("en") == "1–5 as stated, half points"


def test_a_detail_keeps_its_words_when_copied_or_pickled() -> None:
    detail = Detail.joined(["0–10", Detail("low_only", range="0–6")])
    for again in (pickle.loads(pickle.dumps(detail)), copy.deepcopy(detail)):
        assert type(again) is Detail
        assert (again, again.said("ja")) == ("0–10, answers only 0–6", "0–10、回答は0–6のみ")
