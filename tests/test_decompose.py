"""Shift-share decomposition: the parts add up to the change, and each part means what it says."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nps_kit.decompose import Contributor, shift_share, top_contributors
from nps_kit.score import nps, shown_diff


def frame(groups: list[str], scores: list[int]) -> pd.DataFrame:
    return pd.DataFrame({"channel": groups, "nps_score": pd.array(scores, dtype="Int64")})


responses = st.lists(
    st.tuples(st.sampled_from(["web", "app", "phone", None]), st.integers(0, 10)),
    min_size=1,
    max_size=60,
)


@settings(max_examples=150, deadline=None)
@given(before=responses, after=responses)
def test_contributions_add_up_to_the_change(
    before: list[tuple[str | None, int]], after: list[tuple[str | None, int]]
) -> None:
    old = frame([g for g, _ in before], [s for _, s in before])  # type: ignore[misc]
    new = frame([g for g, _ in after], [s for _, s in after])  # type: ignore[misc]
    result = shift_share(new, old, by="channel")
    expected_old, expected_new = nps(old).nps, nps(new).nps
    assert expected_old is not None and expected_new is not None
    assert result.previous == pytest.approx(expected_old, abs=1e-9)
    assert result.current == pytest.approx(expected_new, abs=1e-9)
    assert math.fsum(result.table["contribution"]) == pytest.approx(result.total, abs=1e-9)
    assert math.fsum(result.table["within"]) + math.fsum(result.table["mix"]) == pytest.approx(
        expected_new - expected_old, abs=1e-9
    )
    # the shown parts add up to the shown change, to the last decimal
    parts = top_contributors(result, k=2)
    if parts:
        assert round(sum(p.value for p in parts), 1) == shown_diff(expected_new, expected_old)


def test_within_and_mix_on_a_hand_worked_example() -> None:
    # web: 10 answers, NPS 0 -> 10 answers, NPS +40; app: 10 at +50 -> 30 at +50
    old = frame(["web"] * 10 + ["app"] * 10, [9, 9, 9, 0, 0, 0, 7, 7, 7, 7] + [9] * 5 + [7] * 5)
    new = frame(
        ["web"] * 10 + ["app"] * 30,
        [9] * 5 + [0] + [7] * 4 + [9] * 15 + [7] * 15,
    )
    result = shift_share(new, old, by="channel")
    table = result.table.set_index("group")
    assert result.previous == pytest.approx(25.0) and result.current == pytest.approx(47.5)
    # web: mean share (0.5 + 0.25) / 2 = 0.375, NPS +40 -> within +15.0
    assert table.loc["web", "within"] == pytest.approx(15.0)
    # Mix parts are measured from the unit's NPS, (25 + 47.5) / 2 = 36.25 (they were measured
    # from zero, +12.5 and −5.0, which made web's falling share look like a loss of 5 points
    # though web, below the unit's NPS, pulled it up by shrinking):
    # app: share 0.5 -> 0.75 at NPS +50 -> 0.25 × (50 − 36.25) = +3.4375;
    # web: share 0.5 -> 0.25 at mean +20 -> −0.25 × (20 − 36.25) = +4.0625. Same sum, +7.5.
    assert table.loc["app", "mix"] == pytest.approx(3.4375)
    assert table.loc["web", "mix"] == pytest.approx(4.0625)
    assert table.loc["app", "within"] == pytest.approx(0.0)
    assert result.total == pytest.approx(22.5)
    parts = top_contributors(result, k=2)
    assert [(p.group, p.kind, p.value) for p in parts] == [
        ("web", "within", 15.0),
        ("web", "mix", 4.1),
        (None, "others", 3.4),
    ]
    assert all(p.noise for p in parts[:2])  # ten answers per group: small samples


def test_a_new_group_contributes_mix_only_and_a_missing_label_is_a_group() -> None:
    old = frame(["web"] * 40, [9] * 20 + [0] * 20)
    new = frame(["web"] * 40 + [None] * 40, [9] * 20 + [0] * 20 + [9] * 40)  # type: ignore[list-item]
    table = shift_share(new, old, by="channel").table.set_index("group", drop=False)
    missing = table.loc[table["group"].isna()].iloc[0]
    assert missing["within"] == 0.0
    # half the responses at +100, measured from the unit's NPS (0 + 50) / 2: 0.5 × 75; web's
    # share fell from 1 to 0.5 at NPS 0, 25 below the unit's: +12.5. Together the +50 change.
    assert missing["mix"] == pytest.approx(37.5)
    assert table.loc["web", "mix"] == pytest.approx(12.5)
    assert np.isnan(missing["nps_previous"])


def test_the_blank_answers_part_is_named_no_answer_never_nan() -> None:
    from nps_kit.decompose import contributors_text

    # A multi-select option (or any question) left blank by most: the blank group moved most.
    old = frame(["Filling"] * 20 + [None] * 60, [9] * 10 + [0] * 10 + [9] * 40 + [0] * 20)  # type: ignore[list-item]
    new = frame(["Filling"] * 20 + [None] * 60, [9] * 10 + [0] * 10 + [9] * 20 + [0] * 40)  # type: ignore[list-item]
    parts = top_contributors(shift_share(new, old, by="channel"), k=1)
    assert [(p.group, p.kind) for p in parts] == [(None, "within"), (None, "others")]
    record = {
        "kind": "previous",
        "label": "Services",
        "total": -50.0,
        "items": [
            {"group": p.group, "kind": p.kind, "value": p.value, "noise": p.noise} for p in parts
        ],
    }
    # The dental report said "nan (its NPS) −6.8 pts": the breakdown chart names it (no answer).
    assert contributors_text(record, "en") == (
        "What moved the −50.0 pts vs previous month (by Services): "
        "within (no answer): −50.0 pts of the unit's change, others ±0.0 pts"
    )
    assert "（無回答）のNPSの変化による分−50.0ポイント" in contributors_text(record, "ja")


def test_no_change_without_responses_gives_no_contributors() -> None:
    old = frame([], [])
    new = frame(["web"], [9])
    result = shift_share(new, old, by="channel")
    assert math.isnan(result.total)
    assert top_contributors(result) == []
    assert Contributor(group=None, kind="others", value=0.0, noise=False).share_current is None


def test_contributors_are_worded_the_same_for_report_and_mail() -> None:
    from nps_kit.decompose import contributors_text

    record = {
        "kind": "previous",
        "label": "チャネル",
        "total": 2.1,
        "items": [
            {
                "group": "Web",
                "kind": "within",
                "value": 1.6,
                "noise": False,
                "nps_previous": 40.0,
                "nps_current": 45.0,
            },
            {
                "group": "アプリ",
                "kind": "mix",
                "value": 0.7,
                "noise": True,
                "share": "up",
                "pct_previous": 40.0,
                "pct_current": 45.0,
            },
            {"group": None, "kind": "others", "value": -0.2, "noise": False},
        ],
    }
    assert contributors_text(record, "ja") == (
        "前月比+2.1ポイントの内訳（チャネル別）：WebのNPSが+40.0→+45.0となった分+1.6ポイント、その他−0.2ポイント。"
        "誤差の範囲内：回答に占めるアプリの割合が40.0%→45.0%に増えた分+0.7ポイント"
    )
    english = {**record, "kind": "last_year", "label": "Channel"}
    assert contributors_text(english, "en") == (
        "What moved the +2.1 pts vs same month last year (by Channel): Web (NPS +40.0 → +45.0) "
        "added 1.6 pts to the unit's NPS, others −0.2 pts. "
        "Within noise: more of the responses came from アプリ (40.0% → 45.0%), which added "
        "0.7 pts to the unit's NPS"
    )


def test_a_groups_part_is_worded_as_its_share_of_the_units_change() -> None:
    # QA20: "NPS of Oxford Summertown −9.3 pts" when Oxford's NPS fell 52.9 → 23.9: the manager
    # quotes −9.3 as Oxford's change. And with three clinics, each named, "others" was no other
    # clinic but the change of their shares.
    from nps_kit.decompose import contributors_text
    from nps_kit.sections._moves import _levels, _shares

    old = frame(
        ["Oxford"] * 20 + ["Bristol"] * 20 + ["Brighton"] * 20,
        [9] * 12 + [0] * 8 + [9] * 10 + [0] * 10 + [9] * 10 + [7] * 10,
    )
    new = frame(
        ["Oxford"] * 25 + ["Bristol"] * 20 + ["Brighton"] * 15,
        [9] * 10 + [0] * 15 + [9] * 10 + [0] * 10 + [9] * 8 + [7] * 7,
    )
    parts = top_contributors(shift_share(new, old, by="channel"), k=3)
    assert (parts[0].group, parts[0].kind, parts[-1].kind) == ("Oxford", "within", "others")
    assert (parts[0].nps_previous, parts[0].nps_current) == (20.0, -20.0)
    assert parts[-1].rest == "both"
    record = {
        "kind": "previous",
        "label": "Clinic",
        "total": round(parts[0].value + parts[1].value + parts[2].value + parts[3].value, 1),
        "items": [
            {"group": p.group, "kind": p.kind, "value": p.value, "noise": False}
            | ({"rest": p.rest} if p.rest else {})
            | _shares(p)
            | _levels(p)
            for p in parts
        ],
    }
    text = contributors_text(record, "en")
    assert "Oxford (NPS +20.0 → −20.0) took 15.0 pts off the unit's NPS" in text
    assert "NPS of Oxford" not in text
    assert "OxfordのNPSが+20.0→−20.0となった分−15.0ポイント" in contributors_text(record, "ja")


def test_the_rest_of_three_named_groups_is_their_shares() -> None:
    from nps_kit.decompose import contributors_text

    old = frame(["a"] * 20 + ["b"] * 20, [9] * 12 + [0] * 8 + [9] * 10 + [0] * 10)
    new = frame(["a"] * 25 + ["b"] * 15, [9] * 10 + [0] * 15 + [9] * 10 + [0] * 5)
    parts = top_contributors(shift_share(new, old, by="channel"), k=2)
    assert [(p.kind, p.rest) for p in parts] == [
        ("within", None),
        ("within", None),
        ("others", "mix"),
    ]
    record = {
        "kind": "previous",
        "label": "Clinic",
        "total": -10.0,
        "items": [
            {"group": p.group, "kind": p.kind, "value": p.value, "noise": False}
            | ({"rest": p.rest} if p.rest else {})
            for p in parts
        ],
    }
    assert contributors_text(record, "en").endswith(
        f"shifts in the groups' shares of responses {parts[-1].value:+.1f} pts".replace("-", "−")
    )
    assert "各グループの構成比の変化による分" in contributors_text(record, "ja")


def test_a_rest_of_one_groups_share_names_that_group() -> None:
    # QA25: 札幌's 「…可のNPSが−22.1→18.8となった分+15.1ポイント、各グループの構成比の変化による分
    # −0.1ポイント。誤差の範囲内：…可の構成比が下がった分−0.4ポイント」: the rest was 否's
    # share part alone, 可's being named. The words now say whose it is, in both languages.
    from nps_kit.decompose import contributors_text
    from nps_kit.sections._moves import _levels, _shares

    old = frame(["可"] * 40 + ["否"] * 60, [9] * 10 + [0] * 30 + [9] * 20 + [0] * 20 + [7] * 20)
    new = frame(["可"] * 45 + ["否"] * 55, [9] * 30 + [0] * 15 + [9] * 20 + [0] * 15 + [7] * 20)
    parts = top_contributors(shift_share(new, old, by="channel"), k=3)
    assert [(p.group, p.kind) for p in parts] == [
        ("可", "within"),
        ("否", "within"),
        ("可", "mix"),
        (None, "others"),
    ]
    assert (parts[-1].rest, parts[-1].groups) == ("mix", ("否",))
    record = {
        "kind": "previous",
        "label": "連絡可否",
        "total": 40.0,
        "items": [
            {"group": p.group, "kind": p.kind, "value": p.value, "noise": p.noise}
            | ({"rest": p.rest} if p.rest else {})
            | ({"groups": list(p.groups)} if p.groups else {})
            | _shares(p)
            | _levels(p)
            for p in parts
        ],
    }
    ja, en = contributors_text(record, "ja"), contributors_text(record, "en")
    assert "、否の構成比の変化による分−0.2ポイント。" in ja and "各グループ" not in ja
    assert ", the change in the share of 否 −0.2 pts. " in en and "the groups'" not in en
    # Every group's share parts in the rest: "each group's" is what they are.
    both = top_contributors(shift_share(new, old, by="channel"), k=2)
    assert (both[-1].rest, both[-1].groups) == ("mix", ())


def test_when_nothing_moved_beyond_noise_the_line_says_so_first() -> None:
    # QA17: "ライト（NPSの変化）−3.5ポイント（誤差の範囲内）、プレミアム（NPSの変化）+3.0ポイント
    # （誤差の範囲内）、…" made the manager read every part to learn that none of them counts.
    from nps_kit.decompose import contributors_text

    record = {
        "kind": "previous",
        "label": "プラン",
        "total": 0.1,
        "items": [
            {"group": "ライト", "kind": "within", "value": -3.5, "noise": True},
            {"group": "プレミアム", "kind": "within", "value": 3.0, "noise": True},
            {"group": "ライト", "kind": "mix", "value": 0.6, "noise": True, "share": "down"},
            {"group": None, "kind": "others", "value": 0.0, "noise": False},
        ],
    }
    assert contributors_text(record, "ja") == (
        "前月比+0.1ポイントの内訳（プラン別）：どのグループの動きも誤差の範囲内で、ライトのNPSの変化による分"
        "−3.5ポイント、プレミアムのNPSの変化による分+3.0ポイント、回答に占めるライトの割合が減った分+0.6ポイント、"
        "その他±0.0ポイント"
    )
    english = contributors_text({**record, "label": "plan"}, "en")
    assert english.startswith(
        "What moved the +0.1 pts vs previous month (by plan): every group's move is within noise "
        "— within ライト: "
    )
    assert english.endswith(
        "fewer of the responses came from ライト, which added 0.6 pts to the unit's NPS, "
        "others ±0.0 pts"
    )


def test_a_group_under_the_anonymity_floor_is_never_named() -> None:
    # 50代 falls from 10 answers to 2 (its share moved most), 20代 has 3 answers last month:
    # both are hidden by the report's breakdowns (fewer than 5), so neither is named; their
    # parts stay in the rest, which says it holds hidden groups. 60代 (2, then 3) is hidden
    # beside them, so that the hidden ones hold 5 in each month (with fewer, the secondary
    # rule would hide 40代 too: test_a_lone_hidden_group_hides_the_next_smallest_in_its_month).
    old = frame(
        ["40代"] * 10 + ["50代"] * 10 + ["20代"] * 3 + ["60代"] * 2,
        [9] * 5 + [7] * 5 + [9] * 10 + [0] * 3 + [0] * 2,
    )
    new = frame(
        ["40代"] * 10 + ["50代"] * 2 + ["20代"] * 10 + ["60代"] * 3,
        [9] * 2 + [0] * 8 + [0, 0] + [7] * 10 + [0] * 3,
    )
    result = shift_share(new, old, by="channel")
    table = result.table.set_index("group")
    assert table["suppressed"].to_dict() == {
        "20代": True,
        "40代": False,
        "50代": True,
        "60代": True,
    }
    # without the floor 50代 and 20代 would lead
    bare = shift_share(new, old, by="channel", min_report_n=0)
    assert {p.group for p in top_contributors(bare)} >= {"50代", "20代"}
    parts = top_contributors(result, k=3)
    assert {p.group for p in parts} == {"40代", None}
    others = parts[-1]
    assert others.kind == "others" and others.hidden
    assert round(sum(p.value for p in parts), 1) == shown_diff(result.current, result.previous)


def test_a_lone_hidden_group_hides_the_next_smallest_in_its_month() -> None:
    # PRIV56: the groups partition each month and the change is shown whole, so a lone hidden
    # group's part would be the change minus the others'. Last month 20代 (3) was alone under
    # the floor: 30代 (6), the smallest shown, is hidden with it and never named.
    old = frame(["40代"] * 20 + ["30代"] * 6 + ["20代"] * 3, [9] * 20 + [0] * 6 + [0] * 3)
    new = frame(["40代"] * 20 + ["30代"] * 8 + ["20代"] * 8, [0] * 20 + [9] * 8 + [9] * 8)
    result = shift_share(new, old, by="channel")
    table = result.table.set_index("group")
    assert table["suppressed"].to_dict() == {"20代": True, "30代": True, "40代": False}
    parts = top_contributors(result, k=3)
    assert {p.group for p in parts} == {"40代", None} and parts[-1].hidden


def test_a_group_at_the_floor_is_named_and_the_rest_says_nothing_of_hidden_groups() -> None:
    old = frame(["web"] * 5 + ["app"] * 40, [9] * 5 + [0] * 40)
    new = frame(["web"] * 5 + ["app"] * 40, [0] * 5 + [0] * 40)
    parts = top_contributors(shift_share(new, old, by="channel"), k=1)
    assert parts[0].group == "web"
    assert parts[-1].kind == "others" and not parts[-1].hidden


def test_the_rest_with_hidden_groups_says_so_in_both_languages() -> None:
    from nps_kit.decompose import contributors_text

    record = {
        "kind": "previous",
        "label": "年代",
        "total": -51.4,
        "items": [
            {"group": "40代", "kind": "mix", "value": 20.0, "noise": True, "share": "up"},
            {"group": None, "kind": "others", "value": -71.4, "noise": False, "hidden": True},
        ],
    }
    assert contributors_text(record, "ja") == (
        "前月比−51.4ポイントの内訳（年代別）：どのグループの動きも誤差の範囲内で、回答に占める"
        "40代の割合が増えた分+20.0ポイント、その他のグループ（匿名性のため非表示のグループを含む）"
        "−71.4ポイント"
    )
    assert contributors_text({**record, "label": "age"}, "en") == (
        "What moved the −51.4 pts vs previous month (by age): every group's move is within "
        "noise — more of the responses came from 40代, which added 20.0 pts to the unit's NPS, "
        "other groups (including groups hidden for anonymity) −71.4 pts"
    )


def test_with_every_group_hidden_the_line_says_what_moved_is_withheld() -> None:
    from nps_kit.decompose import contributors_text

    record = {"kind": "previous", "label": "年代", "total": -51.4, "items": []}
    assert contributors_text(record, "ja") == (
        "前月比−51.4ポイントの内訳（年代別）は、どのグループも回答数が少なく匿名性のため示しません。"
    )
    assert contributors_text({**record, "label": "age"}, "en") == (
        "What moved the −51.4 pts vs previous month (by age) is not shown: every group is too "
        "small to show without risking anonymity."
    )


def test_an_answer_named_like_a_segment_is_said_to_be_an_answer() -> None:
    # "Neutral (its NPS) −19.8" read as the passives' NPS; it was the answer of a rating.
    from nps_kit.decompose import contributors_text

    question = "How satisfied are you with our documentation?"
    record = {
        "kind": "previous",
        "label": question,
        "total": -5.0,
        "items": [
            {"group": "Neutral", "kind": "within", "value": -19.8, "noise": False},
            {"group": "Satisfied", "kind": "mix", "value": 3.1, "noise": False, "share": "up"},
        ],
    }
    assert contributors_text(record, "en") == (
        f"What moved the −5.0 pts vs previous month (by {question}): within the answer "
        "“Neutral”: −19.8 pts of the unit's change, more of the responses came from Satisfied, "
        "which added 3.1 pts to the unit's NPS"
    )
    ja = {**record, "label": "満足度", "items": [{**record["items"][0], "group": "中立"}]}
    assert contributors_text(ja, "ja") == (
        "前月比−5.0ポイントの内訳（満足度別）：回答「中立」のNPSの変化による分−19.8ポイント"
    )


def test_an_answer_named_like_the_rest_is_said_to_be_an_answer() -> None:
    # QA44: a hotel's stay purpose 「その他」 read 「その他のNPSが+25.0→+33.3となった分+2.0
    # ポイント…、その他−0.4ポイント」: two "others" in one sentence, the first an answer.
    from nps_kit.decompose import contributors_text

    record = {
        "kind": "previous",
        "label": "ご滞在の目的",
        "total": 1.6,
        "items": [
            {"group": "その他", "kind": "within", "value": 2.0, "noise": False},
            {"group": None, "kind": "others", "value": -0.4},
        ],
    }
    assert contributors_text(record, "ja") == (
        "前月比+1.6ポイントの内訳（ご滞在の目的別）：回答「その他」のNPSの変化による分"
        "+2.0ポイント、その他−0.4ポイント"
    )
    other = {**record["items"][0], "group": "Other"}
    english = {**record, "label": "purpose", "items": [other, record["items"][1]]}
    assert contributors_text(english, "en") == (
        "What moved the +1.6 pts vs previous month (by purpose): within the answer “Other”: "
        "+2.0 pts of the unit's change, others −0.4 pts"
    )


@settings(max_examples=150, deadline=None)
@given(before=responses, after=responses)
def test_mix_parts_are_measured_from_the_units_nps_and_still_add_up(
    before: list[tuple[str | None, int]], after: list[tuple[str | None, int]]
) -> None:
    # QA19: measured from zero, a group whose share FELL read "share of UK +2.3 pts" (its NPS
    # was negative), and two groups' parts were equal and opposite up to the NPS level.
    old = frame([g for g, _ in before], [s for _, s in before])  # type: ignore[misc]
    new = frame([g for g, _ in after], [s for _, s in after])  # type: ignore[misc]
    result = shift_share(new, old, by="channel")
    table = result.table
    reference = (result.previous + result.current) / 2
    previous = table["nps_previous"].fillna(table["nps_current"])
    current = table["nps_current"].fillna(table["nps_previous"])
    moved = table["share_current"] - table["share_previous"]
    expected = moved * ((previous + current) / 2 - reference)
    assert table["mix"].to_numpy() == pytest.approx(expected.to_numpy(), abs=1e-9)
    # the shares add up to 1 in both periods, so the reference cancels: Σ Δw = 0 and the parts
    # measured from the unit's NPS add up to the ones measured from zero, and to the change
    assert math.fsum(moved) == pytest.approx(0.0, abs=1e-12)
    from_zero = math.fsum(moved * (previous + current) / 2)
    assert math.fsum(table["mix"]) == pytest.approx(from_zero, abs=1e-9)
    assert math.fsum(table["within"]) + math.fsum(table["mix"]) == pytest.approx(
        result.total, abs=1e-9
    )
    # a shrinking group below the unit's NPS raised it; a growing one lowered it
    for row in table.itertuples():
        mean = (row.nps_previous if not np.isnan(row.nps_previous) else row.nps_current) / 2 + (
            row.nps_current if not np.isnan(row.nps_current) else row.nps_previous
        ) / 2
        if abs(row.mix) > 1e-9:
            shrank = row.share_current < row.share_previous
            assert (row.mix > 0) == (shrank == (mean < reference))


def test_a_shrinking_group_below_the_units_nps_reads_as_fewer_responses_raising_it() -> None:
    from nps_kit.decompose import contributors_text
    from nps_kit.sections._moves import _shares

    # QA19's Free plan by region: UK 43 % -> 35 % of the responses, at an NPS below the unit's.
    old = frame(["UK"] * 60 + ["US"] * 80, [0] * 30 + [9] * 20 + [7] * 10 + [9] * 40 + [7] * 40)
    new = frame(["UK"] * 50 + ["US"] * 95, [0] * 25 + [9] * 17 + [7] * 8 + [9] * 47 + [7] * 48)
    result = shift_share(new, old, by="channel", min_n=1)
    table = result.table.set_index("group")
    # both parts have the same sign: fewer UK and more US responses both raised the NPS
    assert table.loc["UK", "mix"] > 0 and table.loc["US", "mix"] > 0
    parts = top_contributors(result, k=4)
    mix = {p.group: p for p in parts if p.kind == "mix"}
    record = {
        "kind": "previous",
        "label": "region",
        "total": shown_diff(result.current, result.previous),
        "items": [
            {"group": p.group, "kind": p.kind, "value": p.value, "noise": p.noise} | _shares(p)
            for p in parts
        ],
    }
    english = contributors_text(record, "en")
    japanese = contributors_text({**record, "label": "地域"}, "ja")
    uk, us = mix["UK"].value, mix["US"].value
    # UK 60 of 140 responses -> 50 of 145, US 80 of 140 -> 95 of 145
    came = "of the responses came from"
    assert f"fewer {came} UK (42.9% → 34.5%), which added {uk:.1f} pts to the unit's NPS" in english
    assert f"more {came} US (57.1% → 65.5%), which added {us:.1f} pts to the unit's NPS" in english
    assert f"回答に占めるUKの割合が42.9%→34.5%に減った分+{uk:.1f}ポイント" in japanese
    assert f"回答に占めるUSの割合が57.1%→65.5%に増えた分+{us:.1f}ポイント" in japanese


def test_a_record_without_the_shares_does_not_say_which_way() -> None:
    # A summary written before the direction was published: its value was measured from zero.
    from nps_kit.decompose import contributors_text

    record = {
        "kind": "previous",
        "label": "region",
        "total": 2.3,
        "items": [{"group": "UK", "kind": "mix", "value": 2.3, "noise": False}],
    }
    assert contributors_text(record, "en") == (
        "What moved the +2.3 pts vs previous month (by region): change in the share of UK +2.3 pts"
    )
    assert contributors_text(record, "ja") == (
        "前月比+2.3ポイントの内訳（region別）：UKの構成比の変化+2.3ポイント"
    )


def test_under_a_heading_the_sentence_does_not_repeat_what_moved() -> None:
    from nps_kit.decompose import contributors_text

    record = {
        "kind": "previous",
        "label": "region",
        "total": -6.1,
        "items": [{"group": "US", "kind": "within", "value": -6.1, "noise": False}],
    }
    assert contributors_text(record, "en", lead=False) == (
        "−6.1 pts vs previous month (by region): within US: −6.1 pts of the unit's change"
    )
    assert contributors_text({**record, "label": "地域"}, "ja", lead=False) == (
        "前月比−6.1ポイント（地域別）：USのNPSの変化による分−6.1ポイント"
    )
    withheld = {**record, "items": []}
    assert contributors_text(withheld, "en", lead=False) == (
        "−6.1 pts vs previous month (by region): not shown, every group is too small to show "
        "without risking anonymity."
    )


def test_a_small_groups_part_carries_the_small_sample_mark() -> None:
    # QA22: Enterprise's "1000+ (NPS 87.5 → 40.0) took 29.4 pts off …" rested on groups of 9
    # and 15, which the breakdown table badges; What moved said it unmarked.
    from nps_kit.decompose import contributors_text

    old = frame(["1000+"] * 8 + ["11-50"] * 40, [10] * 7 + [0] + [9] * 20 + [0] * 20)
    new = frame(["1000+"] * 10 + ["11-50"] * 40, [10] * 6 + [0] * 4 + [9] * 20 + [0] * 20)
    parts = top_contributors(shift_share(new, old, by="channel", min_n=30), k=3)
    small = {p.group: p.small_sample for p in parts if p.group is not None}
    assert small == {"1000+": True, "11-50": False} or small == {"1000+": True}
    item = {
        "group": "1000+",
        "kind": "within",
        "value": -10.0,
        "noise": True,
        "nps_previous": 87.5,
        "nps_current": 40.0,
        "small_sample": True,
    }
    record = {"kind": "previous", "label": "Company size", "total": -10.0, "items": [item]}
    assert contributors_text(record, "en", lead=False) == (
        "−10.0 pts vs previous month (by Company size): every group's move is within noise "
        "— 1000+ (NPS +87.5 → +40.0) took 10.0 pts off the unit's NPS (small sample)"
    )
    assert contributors_text(record, "ja", lead=False).endswith(
        "誤差の範囲内で、1000+のNPSが+87.5→+40.0となった分−10.0ポイント（回答数少・参考値）"
    )


def _depth(text: str) -> int:
    """The deepest nesting of brackets, half- or full-width."""
    deepest = level = 0
    for char in text:
        level += (char in "(（") - (char in ")）")
        deepest = max(deepest, level)
    return deepest


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_when_every_part_is_within_noise_the_rest_is_inside_the_statement(lang: str) -> None:
    # FIX76: "within noise (APAC (NPS +31.2 → −36.4) took 21.4 pts … (small sample)), shifts in
    # the groups' shares +5.7 pts" nested brackets three deep and left the rest outside them,
    # where it read as beyond noise. One level at most, the rest in the same statement.
    from nps_kit.decompose import contributors_text

    record = {
        "kind": "previous",
        "label": "Region",
        "total": -15.7,
        "items": [
            {
                "group": "APAC",
                "kind": "within",
                "value": -21.4,
                "noise": True,
                "nps_previous": 31.2,
                "nps_current": -36.4,
                "small_sample": True,
            },
            {"group": None, "kind": "others", "value": 5.7, "noise": False, "rest": "mix"},
        ],
    }
    text = contributors_text(record, lang)  # type: ignore[arg-type]
    assert _depth(text) == 1, text
    statement = "誤差の範囲内で、" if lang == "ja" else "within noise — "
    inside = text.split(statement, 1)[1]
    rest = "各グループの構成比の変化による分+5.7ポイント" if lang == "ja" else "+5.7 pts"
    assert inside.startswith("APAC") and inside.endswith(rest), text


def test_a_change_of_none_is_spelt_as_the_headline_spells_it() -> None:
    from nps_kit.decompose import contributors_text

    # QA27: "±0.0 vs previous month" in the headline beside "What moved the 0.0 pts vs previous
    # month" in the same box and e-mail: a change of none is ±0.0 in both.
    record = {
        "kind": "previous",
        "label": "Order Type",
        "total": 0.0,
        "items": [{"group": "Dine-in", "kind": "within", "value": 0.0, "noise": True}],
    }
    assert contributors_text(record, "en").startswith(
        "What moved the ±0.0 pts vs previous month (by Order Type): "
    )
    assert contributors_text(record, "ja").startswith("前月比±0.0ポイントの内訳（Order Type別）")


def test_a_share_part_says_more_of_the_responses_came_from_the_group_with_both_shares() -> None:
    # FIX75: "higher share of Business −7.0 pts" read as Business' own NPS having moved. The
    # words now say where the responses came from, with the group's two shares, and what that
    # did to the unit's NPS, in both languages (report, overview and e-mail share the words).
    from nps_kit.decompose import contributors_text
    from nps_kit.sections._moves import _shares

    # Business (NPS 0) makes up 32 % of the responses, then 45 %; Consumer (about +50) the rest
    old = frame(["Business"] * 32 + ["Consumer"] * 68, [9] * 10 + [0] * 10 + [7] * 12 + [9, 7] * 34)
    new = frame(
        ["Business"] * 45 + ["Consumer"] * 55, [9] * 15 + [0] * 15 + [7] * 15 + [9] * 28 + [7] * 27
    )
    parts = top_contributors(shift_share(new, old, by="channel"), k=2)
    # 0.13 × (0 − 31.0) = −4.03 and −0.13 × (50.45 − 31.0) = −2.53: both took points off
    assert [(p.group, p.kind, p.value) for p in parts[:2]] == [
        ("Business", "mix", -4.0),
        ("Consumer", "mix", -2.5),
    ]
    record = {
        "kind": "previous",
        "label": "segment",
        "total": -6.0,
        "items": [
            {"group": p.group, "kind": p.kind, "value": p.value, "noise": False} | _shares(p)
            for p in parts[:2]
        ],
    }
    first = record["items"][0]
    assert (first["share"], first["pct_previous"], first["pct_current"]) == ("up", 32.0, 45.0)
    assert contributors_text(record, "en") == (
        "What moved the −6.0 pts vs previous month (by segment): more of the responses came "
        "from Business (32.0% → 45.0%), which took 4.0 pts off the unit's NPS, fewer of the "
        "responses came from Consumer (68.0% → 55.0%), which took 2.5 pts off the unit's NPS"
    )
    assert contributors_text({**record, "label": "区分"}, "ja") == (
        "前月比−6.0ポイントの内訳（区分別）：回答に占めるBusinessの割合が32.0%→45.0%に増えた分"
        "−4.0ポイント、回答に占めるConsumerの割合が68.0%→55.0%に減った分−2.5ポイント"
    )
    # a record with the direction but not the shares (a summary written before them)
    bare = {
        **record,
        "items": [
            {k: v for k, v in i.items() if not k.startswith("pct_")} for i in record["items"]
        ],
    }
    assert contributors_text(bare, "en").endswith(
        ": more of the responses came from Business, which took 4.0 pts off the unit's NPS, "
        "fewer of the responses came from Consumer, which took 2.5 pts off the unit's NPS"
    )
    assert "回答に占めるBusinessの割合が増えた分−4.0ポイント" in contributors_text(bare, "ja")


def test_two_shares_or_levels_that_round_alike_are_told_apart() -> None:
    # REVIEW33: 4,286 of 10,000 responses, then 4,294 (42.86% → 42.94%), from a group of
    # detractors took 0.1 pts off the unit's NPS; both shares printed 42.9%, and the words
    # said "more of the responses came from A (42.9% → 42.9%)". Shown with the decimals that
    # tell them apart, in both languages.
    from nps_kit.decompose import contributors_text
    from nps_kit.sections._moves import _levels, _shares

    old = frame(["A"] * 4286 + ["B"] * 5714, [0] * 4286 + [10] * 5714)
    new = frame(["A"] * 4294 + ["B"] * 5706, [0] * 4294 + [10] * 5706)
    parts = top_contributors(shift_share(new, old, by="channel"), k=1)
    assert (parts[0].group, parts[0].kind, parts[0].value) == ("A", "mix", -0.1)
    item = {"group": "A", "kind": "mix", "value": -0.1, "noise": False} | _shares(parts[0])
    assert (item["pct_previous"], item["pct_current"]) == (42.86, 42.94)
    record = {"kind": "previous", "label": "segment", "total": -0.2, "items": [item]}
    assert "more of the responses came from A (42.86% → 42.94%)" in contributors_text(record, "en")
    assert "回答に占めるAの割合が42.86%→42.94%に増えた分" in contributors_text(record, "ja")
    # a within part whose group's NPS moved less than 0.05 points, in a group of most
    # responses: "B (NPS +40.0 → +40.0) added 0.1 pts" said nothing moved
    within = Contributor(
        group="B", kind="within", value=0.1, noise=False, share_previous=0.9,
        share_current=0.9, nps_previous=39.98, nps_current=40.04, small_sample=False,
    )  # fmt: skip
    levels = _levels(within)
    assert (levels["nps_previous"], levels["nps_current"]) == (39.98, 40.04)
    said_item = {"group": "B", "kind": "within", "value": 0.1, "noise": False} | levels
    said = contributors_text({**record, "items": [said_item]}, "en")
    assert "B (NPS +39.98 → +40.04) added 0.1 pts" in said
    # shares that differ at one decimal keep one
    apart = Contributor(
        group="A", kind="mix", value=-4.0, noise=False, share_previous=0.32,
        share_current=0.45, nps_previous=0.0, nps_current=0.0, small_sample=False,
    )  # fmt: skip
    assert (_shares(apart)["pct_previous"], _shares(apart)["pct_current"]) == (32.0, 45.0)


def _channels(spec: dict[str, tuple[int, int, int]]) -> pd.DataFrame:
    """Promoters (10), passives (8) and detractors (3) per channel."""
    groups: list[str] = []
    scores: list[int] = []
    for group, (promoters, passives, detractors) in spec.items():
        groups += [group] * (promoters + passives + detractors)
        scores += [10] * promoters + [8] * passives + [3] * detractors
    return frame(groups, scores)


def _pandas_nps(data: pd.DataFrame) -> pd.Series:
    score = data["nps_score"].astype(float)
    flags = pd.DataFrame({"channel": data["channel"], "p": score >= 9, "d": score <= 6})
    means = flags.groupby("channel")[["p", "d"]].mean()
    return (means["p"] - means["d"]) * 100


@pytest.mark.parametrize(
    ("new", "significant", "ja", "en"),
    [
        # REVIEW36: 駅前 +18.7 "no significant change" beside 店頭 beyond noise. 店頭 0 → +46.7,
        # Web 0 → −20.0 (60 each): +13.3 overall, within noise; 店頭's part beyond its margin.
        (
            {"店頭": (36, 16, 8), "Web": (14, 20, 26)},
            False,
            "前月比+13.3ポイントの内訳（チャネル別）：全体の変化は誤差の範囲内ですが、次の動きは単独で"
            "誤差を超えています：店頭のNPSの変化による分+23.3ポイント、",
            "What moved the +13.3 pts vs previous month (by channel): the change as a whole is "
            "within noise, though one part of it stands out beyond noise on its own — within "
            "店頭: +23.3 pts of the unit's change, ",
        ),
        # The same 店頭 move with Web unchanged (180 each): significant, said as before.
        (
            {"店頭": (108, 48, 24), "Web": (60, 60, 60)},
            True,
            "前月比+23.3ポイントの内訳（チャネル別）：店頭のNPSの変化による分+23.3ポイント、",
            "What moved the +23.3 pts vs previous month (by channel): within 店頭: +23.3 pts of "
            "the unit's change, ",
        ),
    ],
)
def test_a_part_beyond_noise_beside_a_change_within_noise_is_worded_so_both_hold(
    new: dict[str, tuple[int, int, int]], significant: bool, ja: str, en: str
) -> None:
    from nps_kit.decompose import contributors_text
    from nps_kit.score import compare

    n = sum(new["Web"])
    old = _channels({"店頭": (n // 3, n // 3, n // 3), "Web": (n // 3, n // 3, n // 3)})
    current = _channels(new)
    # Checked with pandas: 店頭 0 → +46.7 in both cases; the unit's verdict as the headline's.
    before, after = _pandas_nps(old), _pandas_nps(current)
    assert before["店頭"] == pytest.approx(0) and after["店頭"] == pytest.approx(140 / 3)
    change = compare(nps(current), nps(old))
    assert change.significant is significant
    parts = top_contributors(shift_share(current, old, by="channel"), k=3)
    beyond = [p.group for p in parts if p.kind != "others" and not p.noise]
    assert beyond == ["店頭"]
    record = {
        "kind": "previous",
        "label": "チャネル",
        "total": round(change.diff or 0.0, 1),
        "significant": change.significant,
        "items": [
            {"group": p.group, "kind": p.kind, "value": p.value, "noise": p.noise} for p in parts
        ],
    }
    assert contributors_text(record, "ja").startswith(ja)
    assert contributors_text({**record, "label": "channel"}, "en").startswith(en)
    if not significant:  # Web's part is within noise and said so, after 店頭's
        assert contributors_text(record, "ja").endswith(
            "。誤差の範囲内：WebのNPSの変化による分−10.0ポイント"
        )


def test_several_parts_beyond_noise_beside_a_change_within_noise_say_some_parts() -> None:
    from nps_kit.decompose import contributors_text

    record = {
        "kind": "previous",
        "label": "channel",
        "total": 2.0,
        "significant": False,
        "items": [
            {"group": "Web", "kind": "within", "value": 20.0, "noise": False},
            {"group": "App", "kind": "within", "value": -18.0, "noise": False},
        ],
    }
    assert contributors_text(record, "en") == (
        "What moved the +2.0 pts vs previous month (by channel): the change as a whole is within "
        "noise, though some parts of it stand out beyond noise on their own — within Web: "
        "+20.0 pts of the unit's change, within App: −18.0 pts of the unit's change"
    )
    assert "全体の変化は誤差の範囲内ですが、次の動きは単独で誤差を超えています：Web" in (
        contributors_text(record, "ja")
    )
    # An older summary without the verdict says nothing of it.
    older = {k: v for k, v in record.items() if k != "significant"}
    assert "as a whole" not in contributors_text(older, "en")
