"""Ordinal group labels keep their order; `order:` from the parameters wins."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nps_kit.ordinal import group_order, labelled_scale, not_applicable, ordinal_order


@pytest.mark.parametrize(
    ("labels", "expected"),
    [
        (["5年以上", "1〜3年", "1年未満", "3〜5年"], ["1年未満", "1〜3年", "3〜5年", "5年以上"]),
        (
            ["5+ years", "1-3 years", "Less than 1 year", "3-5 years"],
            ["Less than 1 year", "1-3 years", "3-5 years", "5+ years"],
        ),
        (
            ["３０代", "２０代", "６０歳以上", "２０歳未満"],
            ["２０歳未満", "２０代", "３０代", "６０歳以上"],
        ),
        (["Web", "アプリ", "電話"], None),
        (["1年未満", "その他"], None),  # one label without a number: not ordinal
        (["5年以上"], None),
    ],
)
def test_ordinal_order(labels: list[str], expected: list[str] | None) -> None:
    assert ordinal_order(labels) == expected


def test_order_from_parameters_wins_and_unlisted_groups_follow() -> None:
    labels = ["Premium", "Basic", "Standard", "Trial"]
    assert group_order(labels, ["Basic", "Standard", "Premium", "Enterprise"]) == [
        "Basic",
        "Standard",
        "Premium",
        "Trial",
    ]
    assert group_order(labels) is None
    assert group_order(["5年以上", None, "1年未満"]) == ["1年未満", "5年以上"]


@pytest.mark.parametrize(
    ("answers", "scale", "levels"),
    [
        (
            ["Neutral", "Very satisfied", "Dissatisfied", "Satisfied", "Very dissatisfied"],
            (1, 5),
            ["Very dissatisfied", "Dissatisfied", "Neutral", "Satisfied", "Very satisfied"],
        ),
        (
            ["満足", "やや不満", "どちらともいえない", "やや満足", "不満"],
            (1, 5),
            ["不満", "やや不満", "どちらともいえない", "やや満足", "満足"],
        ),
        (
            # Microsoft Forms' Japanese Likert answers: どちらでもない is the neutral point.
            ["満足", "どちらでもない", "とても満足", "不満", "とても不満"],
            (1, 5),
            ["とても不満", "不満", "どちらでもない", "満足", "とても満足"],
        ),
        (
            ["Agree", "Strongly disagree", "Neither agree nor disagree", "Strongly agree"],
            (1, 5),
            ["Strongly disagree", "Neither agree nor disagree", "Agree", "Strongly agree"],
        ),
        (
            [
                "そう思う",
                "あまりそう思わない",
                "ややそう思う",
                "そう思わない",
                "どちらともいえない",
            ],
            (1, 5),
            [
                "そう思わない",
                "あまりそう思わない",
                "どちらともいえない",
                "ややそう思う",
                "そう思う",
            ],
        ),
        (
            ["Somewhat easy", "Very difficult", "Easy", "Difficult", "Neutral", "Very easy"],
            (1, 7),
            ["Very difficult", "Difficult", "Neutral", "Somewhat easy", "Easy", "Very easy"],
        ),
        # A SurveyMonkey rating matrix: a breakdown by it put Poor above Average (by NPS).
        (
            ["Good", "Poor", "Excellent", "Average", "Very poor"],
            (1, 5),
            ["Very poor", "Poor", "Average", "Good", "Excellent"],
        ),
        # SurveyMonkey's other quality scale, whose middle is Good: read by its place.
        (
            ["Very good", "Excellent", "Poor", "Good", "Fair"],
            (1, 5),
            ["Poor", "Fair", "Good", "Very good", "Excellent"],
        ),
        (
            ["良い", "悪い", "普通", "とても良い", "とても悪い"],
            (1, 5),
            ["とても悪い", "悪い", "普通", "良い", "とても良い"],
        ),
    ],
)
def test_labelled_scales_are_ordinal(
    answers: list[str], scale: tuple[int, int], levels: list[str]
) -> None:
    found = labelled_scale(answers)
    assert found is not None
    assert (found.scale, found.levels) == (scale, levels)
    # Breakdowns by such a question keep the scale's order, not the NPS order.
    assert ordinal_order(answers) == levels


def test_a_quality_scale_keeps_its_points_when_answers_are_missing() -> None:
    # Nobody answered Very poor this month: Poor is still 2 of 5, not the bottom of a 1–4.
    found = labelled_scale(["Poor", "Average", "Good", "Excellent", "N/A"])
    assert found is not None
    assert (found.points, found.scale) == (
        {"Poor": 2, "Average": 3, "Good": 4, "Excellent": 5},
        (1, 5),
    )


def test_two_answers_on_one_point_are_no_scale() -> None:
    # "Very good" and "Excellent" are both the top of a symmetric scale: without the ladder's
    # Poor … Fair they cannot both be placed.
    assert labelled_scale(["Very poor", "Average", "Very good", "Excellent"]) is None


def test_points_of_a_seven_point_scale_leave_room_for_the_unused_answers() -> None:
    found = labelled_scale(["Somewhat easy", "Very difficult", "Easy", "Difficult", "Neutral"])
    assert found is not None
    assert found.points == {
        "Very difficult": 1,
        "Difficult": 2,
        "Neutral": 4,
        "Somewhat easy": 5,
        "Easy": 6,
    }


@pytest.mark.parametrize(
    "extra",
    [
        "利用していない",
        "該当なし",
        "わからない",
        "N/A",
        "Not applicable",
        "Don't know",
        "Does not apply",
        # Typographic apostrophes, as Word, Excel and survey editors write them.
        "I haven’t used it",
        "Didn’t use",
        "Doesn’t apply",
        "Don’t know",
    ],
)
def test_an_answer_that_does_not_apply_is_beside_the_scale(extra: str) -> None:
    # Qualtrics' insurer matrix: the call-centre row offers 「利用していない」 (not used); the
    # whole row became a 6-value category, a breakdown of "what moved" instead of a rating.
    answers = ["非常に不満", "やや不満", "どちらでもない", "やや満足", "非常に満足", extra]
    found = labelled_scale(answers)
    assert found is not None
    assert found.scale == (1, 5)
    assert found.levels == answers[:5]
    assert ordinal_order(answers) == answers  # shown after the scale, never dropped
    assert not_applicable(extra)


@pytest.mark.parametrize("answer", ["満足", "Neutral", "Web", "利用している", "Used it", "NA料金"])
def test_answers_of_or_off_a_scale_apply(answer: str) -> None:
    assert not not_applicable(answer)


_JA_AGREE = ("そう思う", "ややそう思う", "あまりそう思わない", "そう思わない")
_EN_AGREE = ("Strongly agree", "Agree", "Disagree", "Strongly disagree")


@pytest.mark.parametrize(
    ("scale", "unsure", "form"),
    [
        (_JA_AGREE, "わからない", "{}. {}"),
        (_JA_AGREE, "どちらともいえない", "{}：{}"),
        (_EN_AGREE, "Don't know", "{} - {}"),
        (_EN_AGREE, "Neither agree nor disagree", "({}) {}"),
    ],
)
def test_an_answer_numbered_between_the_scales_answers_is_its_midpoint(
    scale: tuple[str, ...], unsure: str, form: str
) -> None:
    # 1 そう思う, 2 ややそう思う, 3 わからない, 4 あまりそう思わない, 5 そう思わない: the tool's
    # numbers put わからない in the middle. It was dropped as "does not apply", leaving a 1-4
    # scale whose midpoint answers counted as no answer.
    words = [*scale[:2], unsure, *scale[2:]]
    answers = [form.format(k, word) for k, word in enumerate(words, 1)]
    found = labelled_scale(list(reversed(answers)))
    assert found is not None
    assert found.scale == (1, 5)
    assert found.points == dict(zip(answers, [5, 4, 3, 2, 1], strict=True))
    assert ordinal_order(answers[::-1]) == answers


@pytest.mark.parametrize(
    ("scale", "unsure", "form"),
    [
        (_JA_AGREE, "わからない", "{}. {}"),
        (_JA_AGREE, "どちらともいえない", "{}. {}"),
        (_EN_AGREE, "Don't know", "{} - {}"),
        (_EN_AGREE, "Neither agree nor disagree", "{} - {}"),
    ],
)
def test_an_answer_numbered_after_the_scale_does_not_apply(
    scale: tuple[str, ...], unsure: str, form: str
) -> None:
    answers = [form.format(k, word) for k, word in enumerate([*scale, unsure], 1)]
    found = labelled_scale(answers)
    assert found is not None
    assert found.scale == (1, 4)
    assert found.points == dict(zip(answers[:4], [4, 3, 2, 1], strict=True))
    assert not_applicable(answers[-1]) == (unsure in ("わからない", "Don't know"))


def test_without_numbers_dont_know_is_beside_the_scale_and_not_used_always_is() -> None:
    # The words alone do not say where わからない was offered: beside the scale, as most often.
    found = labelled_scale(["わからない", *_JA_AGREE])
    assert found is not None
    assert (found.scale, "わからない" in found.points) == ((1, 4), False)
    # 「利用していない」 numbered inside the scale is still no point of it.
    numbered = ["1. 満足", "2. やや満足", "3. 利用していない", "4. やや不満", "5. 不満"]
    found = labelled_scale(numbered)
    assert found is not None
    assert (found.scale, "3. 利用していない" in found.points) == ((1, 4), False)


def test_only_not_applicable_answers_beside_one_label_are_no_scale() -> None:
    assert labelled_scale(["満足", "利用していない", "該当なし"]) is None


@pytest.mark.parametrize(
    "answers",
    [["Web", "Satisfied"], ["Satisfied", "Very satisfied"], ["Satisfied", "Disagree"], ["満足"]],
)
def test_other_answers_are_no_labelled_scale(answers: list[str]) -> None:
    assert labelled_scale(answers) is None


# Published answer scales, most negative first; "{neutral}" is each middle wording in turn.
SCALES = {
    "satisfaction ja": ["とても不満", "不満", "{neutral}", "満足", "とても満足"],
    "satisfaction ja, やや": ["不満", "やや不満", "{neutral}", "やや満足", "満足"],
    "satisfaction ja, 7": [
        "非常に不満",
        "不満",
        "やや不満",
        "{neutral}",
        "やや満足",
        "満足",
        "非常に満足",
    ],
    "satisfaction en": [
        "Very dissatisfied",
        "Dissatisfied",
        "{neutral}",
        "Satisfied",
        "Very satisfied",
    ],
    "agreement ja": ["そう思わない", "あまりそう思わない", "{neutral}", "ややそう思う", "そう思う"],
    "agreement ja, 強く": [
        "全くそう思わない",
        "そう思わない",
        "{neutral}",
        "そう思う",
        "とてもそう思う",
    ],
    "agreement ja, あてはまる": [
        "あてはまらない",
        "あまりあてはまらない",
        "{neutral}",
        "ややあてはまる",
        "あてはまる",
    ],
    "agreement en": [
        "Strongly disagree",
        "Disagree",
        "{neutral}",
        "Agree",
        "Strongly agree",
    ],
    "agreement en, tend to": [
        "Strongly disagree",
        "Tend to disagree",
        "{neutral}",
        "Tend to agree",
        "Strongly agree",
    ],
    "ease ja": ["とても難しい", "難しい", "{neutral}", "簡単", "とても簡単"],
    "ease en": ["Very difficult", "Difficult", "{neutral}", "Easy", "Very easy"],
    "quality en": ["Very poor", "Poor", "{neutral}", "Good", "Excellent"],
    "quality en, very good": ["Very poor", "Poor", "{neutral}", "Good", "Very good"],
    "quality ja": ["とても悪い", "悪い", "{neutral}", "良い", "とても良い"],
}
NEUTRAL = {
    "ja": ["どちらでもない", "どちらともいえない", "どちらとも言えない", "普通", "ふつう"],
    "en": ["Neutral", "Neither", "Neither {p} nor {n}", "Neither {p} or {n}", "Average", "Fair"],
}
WORDS = {"satisfaction": ("satisfied", "dissatisfied"), "agreement": ("agree", "disagree")}
WORDS["ease"] = ("easy", "difficult")
WORDS["quality"] = ("good", "poor")


def _scale(name: str, neutral: str) -> list[str]:
    positive, negative = WORDS[name.split()[0]]
    middle = neutral.format(p=positive, n=negative)
    return [middle if answer == "{neutral}" else answer for answer in SCALES[name]]


@pytest.mark.parametrize(
    ("name", "neutral"),
    [(name, neutral) for name in SCALES for neutral in NEUTRAL[name.split(",")[0].split()[1]]],
)
def test_every_neutral_wording_makes_a_scale(name: str, neutral: str) -> None:
    answers = _scale(name, neutral)
    found = labelled_scale(list(reversed(answers)))
    assert found is not None
    assert (found.family, found.levels, found.scale) == (
        name.split()[0],
        answers,
        (1, len(answers)),
    )
    assert [found.points[a] for a in answers] == list(range(1, len(answers) + 1))


@settings(max_examples=300)
@given(data=st.data())
def test_any_answers_of_a_scale_keep_its_order(data: st.DataObject) -> None:
    # A month's answers are a subset of the scale, in any order: those on both sides of the
    # middle are always a scale, in the scale's order, with points rising along it.
    name = data.draw(st.sampled_from(sorted(SCALES)))
    language = name.split(",")[0].split()[1]
    answers = _scale(name, data.draw(st.sampled_from(NEUTRAL[language])))
    middle = len(answers) // 2
    chosen = data.draw(
        st.sets(st.sampled_from(answers), min_size=2).filter(
            lambda s: (
                any(answers.index(a) < middle for a in s)
                and any(answers.index(a) > middle for a in s)
            )
        )
    )
    shuffled = data.draw(st.permutations(sorted(chosen)))
    found = labelled_scale(shuffled)
    assert found is not None
    expected = [a for a in answers if a in chosen]
    assert found.levels == expected
    points = [found.points[a] for a in expected]
    assert points == sorted(set(points))
    assert 1 <= points[0] and points[-1] <= found.scale[1]
