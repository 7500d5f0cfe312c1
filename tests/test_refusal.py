"""A refused unit's reason: recorded as a key and arguments, said in either language (MSG41)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from nps_kit._refusal import (
    NO_RESPONSES_IN,
    NO_ROWS_WITH,
    SO_FAR,
    reason_text,
    recorded_reason,
)

_words = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=8)


@given(column=_words, values=st.lists(_words, min_size=1, max_size=3), guess=st.none() | _words)
def test_the_english_reason_is_the_sentence_run_wrote_before(
    column: str, values: list[str], guess: str | None
) -> None:
    # Older readers of manifest.json (and run's English table) see the same sentence.
    before = f"no row has {column} = {' or '.join(repr(v) for v in values)}" + (
        f"; did you mean {guess!r}?" if guess else ""
    )
    args = {"column": column, "values": values, "guess": guess}
    assert reason_text(NO_ROWS_WITH, args, "en") == before


def test_each_reason_in_japanese() -> None:
    args = {"column": "店舗", "values": ["大宮", "横浜"], "guess": "大宮店"}
    assert reason_text(NO_ROWS_WITH, args, "ja") == (
        "店舗が「大宮」または「横浜」の行がありません（「大宮店」のことですか？）"
    )
    assert reason_text(NO_RESPONSES_IN, {"month": "2026-10"}, "ja") == "2026-10の回答がありません"
    so_far = {"n": 1234, "month": "2026-12", "floor": 5000}
    assert reason_text(SO_FAR, so_far, "ja") == "2026-12の回答はまだ1,234件です（5000件未満）"
    assert reason_text(SO_FAR, {**so_far, "n": 1}, "en") == (
        "only 1 response so far in 2026-12 (fewer than 5000)"
    )


def test_a_manifest_without_the_key_keeps_its_sentence() -> None:
    # Manifests written before MSG41, and a parameter file's problem (already in its language).
    old = {"key": "period", "reason": "no responses in 2026-10"}
    assert recorded_reason(old, "ja") == "no responses in 2026-10"
    assert recorded_reason({"key": "period"}, "ja") is None
    assert recorded_reason(None, "en") is None


def test_a_recorded_key_is_said_in_the_readers_language() -> None:
    error = {
        "reason": "no responses in 2026-10",
        "reason_key": NO_RESPONSES_IN,
        "reason_args": {"month": "2026-10"},
    }
    assert recorded_reason(error, "ja") == "2026-10の回答がありません"
    assert recorded_reason(error, "en") == "no responses in 2026-10"


def test_a_key_or_arguments_edited_by_hand_fall_back_to_the_sentence() -> None:
    sentence = "no responses in 2026-10"
    for error in (
        {"reason": sentence, "reason_key": "run.reason.unknown", "reason_args": {}},
        {"reason": sentence, "reason_key": NO_RESPONSES_IN, "reason_args": {}},
        {"reason": sentence, "reason_key": SO_FAR, "reason_args": {"n": "many"}},
        {"reason": sentence, "reason_key": NO_RESPONSES_IN, "reason_args": ["2026-10"]},
    ):
        assert recorded_reason(error, "ja") == sentence
