"""``short_label``: what a question asks about, to title charts and tables by it."""

from __future__ import annotations

import pandas as pd
import pytest

from nps_kit._question_label import header_label, short_label, short_labels, shown_values
from nps_kit.i18n import t


@pytest.mark.parametrize(
    ("question", "label"),
    [
        # Japanese polite requests around the subject (Microsoft Forms, Google Forms).
        ("今回のご利用目的を教えてください。", "ご利用目的"),
        ("客室の満足度をお聞かせください。", "客室の満足度"),
        ("そのように評価された理由をお聞かせください。", "評価された理由"),
        ("そのように評価された理由を具体的にお聞かせください。", "評価された理由"),
        ("性別をお答えください", "性別"),
        ("ご利用のプランは何ですか？", "ご利用のプラン"),
        ("朝食はいかがでしたか？", "朝食"),
        # A survey tool's question numbers and an open "if any" (QA18).
        ("Q2 その点数をつけた理由", "その点数をつけた理由"),
        ("Q3 改善してほしい点があれば", "改善してほしい点"),
        ("Ｑ４：スタッフの対応", "スタッフの対応"),
        ("問5 ご意見があれば教えてください。", "ご意見"),
        # QA30: the polite ご before 自由に was left, so the label was cut mid-phrase
        # 「ご意見・ご感想があればご」.
        ("ご意見・ご感想があればご自由にお書きください。", "ご意見・ご感想"),
        ("その理由をご自由にお聞かせください。", "スコアの理由"),
        ("3. Which plan are you on?", "Plan"),
        ("Overall, how satisfied were you with the repair quality?", "Repair quality"),
        ("Q3_1", "Q3_1"),  # a Qualtrics id, not a number before a question
        ("2026 goals", "2026 goals"),
        # English question frames.
        ("Which plan are you on?", "Plan"),
        ("Which of our regional offices handled your most recent support request?",
         "Regional offices"),
        ("What's the main reason for your score?", "Main reason for your score"),
        ("What is your gender?", "Gender"),
        ("How satisfied are you with our documentation?", "Documentation"),
        ("How would you rate the help you got from our support team?",
         "Help you got from our support team"),
        ("Please select your region", "Region"),
        # A matrix row or multi-select option ("question - row", Qualtrics and SurveyMonkey):
        # the row, not the question every row of the matrix shares.
        ("以下の項目について、満足度をお聞かせください。 - 保険金の支払い", "保険金の支払い"),
        ("How satisfied were you with each of the following? - Ease of booking an appointment",
         "Ease of booking an appointment"),
        ("Which services did you receive today? (Select all that apply) - Filling", "Filling"),
        ("Which features do you use? - Selected Choice", "Features"),
        # The text box of an "Other (please specify)" option: the question's, not "Other -
        # Text" (Qualtrics) or "Other (please specify)" (SurveyMonkey).
        ("Which features do you use? - Other - Text", "Features — other (text)"),
        ("Which services did you receive today? (Select all that apply) - Other (please "
         "specify)", "Services — other (text)"),
        ("ご利用の機能を教えてください。 - その他 - テキスト", "ご利用の機能（その他・自由記述）"),
        ("ご利用の機能を教えてください。 - その他（具体的に） - テキスト",
         "ご利用の機能（その他・自由記述）"),
        # A grid row as Google Forms and Japanese survey tools name it, "question [row]"
        # (QA21: three ratings all labelled 「以下の項目について、5段階で評価してください。」).
        ("以下の項目について、5段階で評価してください。[フロント対応]", "フロント対応"),
        ("Q4. 以下の項目について、5段階で評価してください。［朝食］", "朝食"),
        ("How would you rate the following? [Cleanliness]", "Cleanliness"),
        ("Amount [USD]", "Amount [USD]"),  # a unit, not a row
        ("How much did you spend per night? [USD]", "How much did you spend per night? [USD]"),
        ("How old are you? [years]", "How old are you? [years]"),
        ("ご予算を教えてください。[円]", "ご予算を教えてください。[円]"),
        # A note on how to answer is no part of the subject (QA21).
        ("そのように評価された理由をお聞かせください。（自由記述）", "評価された理由"),
        ("ご意見・ご要望（任意）", "ご意見・ご要望"),
        ("Any other comments? (optional)", "Any other comments"),
        # An option called Other, or a row about other things, is a row like any other.
        ("Which features do you use? - Other", "Other"),
        ("以下の項目について、満足度をお聞かせください。 - その他のサービス", "その他のサービス"),
        ("How satisfied were you with each of the following? - Text messages", "Text messages"),
        ("Please rate 0 - 10", "Please rate 0 - 10"),
        ("Front desk - Austin", "Front desk - Austin"),
        # Not a question, or one of no known form: its words, without the question mark.
        ("年代", "年代"),
        # A column name reads as words (QA19: "NPS by region", a section called "comment").
        ("region", "Region"),
        ("plan_tier", "Plan tier"),
        ("nps-comment", "NPS comment"),
        ("account_id", "Account ID"),
        ("Region", "Region"),
        ("Store Name", "Store Name"),
        ("What could we improve?", "What could we improve"),
        ("？", "？"),
        # Google Forms' short questions (QA20: "NPS by Which clinic", "NPS by Appointment for",
        # a follow-up headed "Why").
        ("Which clinic?", "Clinic"),
        ("Which branch or clinic?", "Branch or clinic"),
        ("What was your appointment for?", "Appointment"),
        ("What is the visit about?", "Visit"),
        ("Why?", "Reason for the score"),
        ("Why did you give that score?", "Reason for the score"),
        ("Is there anything we could do better?", "What we could do better"),
        ("Is there anything else we could improve?", "What we could improve"),
        ("What else?", "What else"),
        # SurveyMonkey's improvement and company-size questions (QA22: "One thing", and the
        # whole "How many employees does your company have" as a chart title).
        ("What one thing should we improve?", "Improvement"),
        ("What is one thing we could improve?", "Improvement"),
        ("What one thing would you change about our service?", "Improvement"),
        ("If you could change one thing, what would it be?", "Improvement"),
        ("What could we do better?", "What we could do better"),
        ("What's the one thing you like most?", "One thing you like most"),
        ("How many employees does your company have?", "Company size"),
        ("How many people work at your organization?", "Company size"),
        ("How many seats does your team use?", "Number of seats"),
        ("How many times did you visit us this year?", "How many times did you visit us this year"),
        ("どのクリニックを受診されましたか？", "クリニック"),
        ("どちらの店舗をご利用になりましたか", "店舗"),
        ("なぜですか？", "スコアの理由"),
        ("その理由を教えてください。", "スコアの理由"),
    ],
)  # fmt: skip
def test_short_label(question: str, label: str) -> None:
    assert short_label(question) == label


def test_the_breakdown_title_reads_as_a_phrase() -> None:
    label = short_label("今回のご利用目的を教えてください。")
    assert t("sections.breakdown_title", "ja", label=label) == "ご利用目的別のNPS"
    label = short_label("Which plan are you on?")
    assert t("sections.breakdown_title", "en", label=label) == "NPS by Plan"


def test_rows_two_matrices_share_keep_their_question() -> None:
    assert short_labels(
        [
            "以下の項目について、重要度をお聞かせください。 - 保険料",
            "以下の項目について、満足度をお聞かせください。 - 保険料",
            "以下の項目について、満足度をお聞かせください。 - 支払い",
            "Which plan are you on?",
        ]
    ) == [
        "保険料（以下の項目について、重要度をお聞かせください）",
        "保険料（以下の項目について、満足度をお聞かせください）",
        "支払い",
        "Plan",
    ]


def test_grid_rows_in_brackets_are_their_rows_when_the_grid_shares_its_question() -> None:
    # Google Forms names a grid's columns "question [row]"; a question without a question mark
    # is known as a grid's by the rows that share it.
    assert short_labels(["Rate us [Staff]", "Rate us [Price]", "Amount [USD]"]) == [
        "Staff",
        "Price",
        "Amount [USD]",
    ]
    # …but a unit is no row, however many columns share the question (REVIEW21).
    assert short_labels(["Amount [USD]", "Amount [EUR]"]) == ["Amount [USD]", "Amount [EUR]"]


@pytest.mark.parametrize(
    ("header", "label"),
    [
        ("ｵﾍﾟﾚｰﾀ", "オペレータ"),
        ("ｺﾒﾝﾄ", "コメント"),
        ("ｺｰﾙID", "コールID"),
        ("ご利用の機能（その他）", "ご利用の機能（その他）"),  # full-width brackets stay
        ("ＮＰＳ", "ＮＰＳ"),
    ],
)
def test_a_header_s_half_width_kana_are_written_full_width(header: str, label: str) -> None:
    # QA25 C-5: ｺﾒﾝﾄ and ｵﾍﾟﾚｰﾀ headed the report's section and chart as written.
    assert header_label(header) == label
    assert short_label(header) == label


@pytest.mark.parametrize(
    ("question", "label"),
    [
        (
            "Which of these have you contacted us about in the last 6 months? "
            "(select all that apply)",
            "Contacted us about",
        ),
        (
            "Which of these have you contacted us about in the last 6 months? "
            "(select all that apply) - Other (please specify)",
            "Contacted us about — other (text)",
        ),
        # One verb says too little: the question is kept.
        ("Which of the following did you use in the past year?", "Which of the following did "
         "you use in the past year"),
        ("Which of these services have you used? (Select all that apply)", "Services"),
    ],
)  # fmt: skip
def test_which_of_these_have_you_is_labelled_by_what_was_done(question: str, label: str) -> None:
    # QA25 A-1: SurveyMonkey's multi-select was labelled "Have you" (and its Other box
    # "Have you — other (text)") in init's defaults, the report's heading and answer table.
    assert short_label(question) == label


def test_answers_are_shown_with_half_width_kana_full_width() -> None:
    # QA27 #7: the display form of answers is the headers' (header_label), one home.
    values = pd.Series(["ﾃｲｷｺｰｽ", "ｳｪﾌﾞ広告", "Ｗｅｂ", None, 3], dtype=object)
    assert shown_values(values).tolist() == ["テイキコース", "ウェブ広告", "Ｗｅｂ", None, 3]
    plain = pd.Series(["Web", "App"])
    assert shown_values(plain) is plain
    numbers = pd.Series([1.0, 2.0])
    assert shown_values(numbers) is numbers


@pytest.mark.parametrize(
    ("header", "label"),
    [
        # QA29 F11: Delighted names its person properties so; "NPS by Person properties:
        # Policy Type" was written 30 times in one report.
        ("Person properties: Policy Type", "Policy Type"),
        ("Person properties: Region", "Region"),
        # Qualtrics' question id before a name (Q12_Region), not a matrix's own id (Q3_10).
        ("Q12_Region", "Region"),
        ("Q3_10", "Q3_10"),
        ("Region", "Region"),
        # QA36 O5: a Japanese tool's full-width id (Ｑ３＿予約経路), not its matrix id.
        ("Ｑ３＿予約経路", "予約経路"),
        ("ＱＩＤ１２＿地域", "地域"),
        ("Ｑ３＿１０", "Ｑ３＿１０"),
    ],
)
def test_a_survey_tool_s_prefix_is_not_part_of_the_label(header: str, label: str) -> None:
    assert header_label(header) == label
    assert short_label(header) == label


def test_a_scale_note_after_the_question_is_dropped_with_the_question_mark() -> None:
    # QA29 F11: "(1-5)" after the "?" kept both: "Care you received? (1-5)".
    question = "Overall, how would you rate the care you received? (1-5)"
    assert short_label(question) == "Care you received"
    assert short_label("How likely are you to recommend us? (0–10)") == (
        "How likely are you to recommend us"
    )


@pytest.mark.parametrize(
    ("question", "label"),
    [
        # QA32: Microsoft Forms' "What did we do well?" was labelled "Did we" (the which/what
        # frame took the auxiliary for the subject). A question of no known form keeps its words.
        ("What did we do well?", "What did we do well"),
        ("What do we do best?", "What do we do best"),
        ("Which plan are you on?", "Plan"),
        ("What store do you use?", "Store"),
    ],
)
def test_a_what_question_without_a_noun_keeps_its_words(question: str, label: str) -> None:
    assert short_label(question) == label


def test_a_multiple_answer_note_is_dropped() -> None:
    # QA32: a Japanese survey tool's 「ご来院の目的（複数回答）」 kept its note on how to answer.
    assert short_label("ご来院の目的（複数回答）") == "ご来院の目的"
    assert short_label("ご利用の機能（複数選択）") == "ご利用の機能"
    assert short_label("ご利用の機能（複数回答可）") == "ご利用の機能"


@pytest.mark.parametrize(
    ("question", "label"),
    [
        ("ご意見・ご感想（日本語・英語どちらでも）", "ご意見・ご感想"),
        ("ご感想（英語でも日本語でもどちらでも可）", "ご感想"),
        ("Comments (English or Japanese)", "Comments"),
        ("Comments (in Spanish or English is fine)", "Comments"),
        ("ご利用の店舗（渋谷・新宿）", "ご利用の店舗（渋谷・新宿）"),
    ],
)
def test_a_note_on_the_language_to_answer_in_is_dropped(question: str, label: str) -> None:
    # QA34: the language school's comment question kept （日本語・英語どちらでも） in its label.
    assert short_label(question) == label


@pytest.mark.parametrize(
    ("question", "label"),
    [
        ("Note de la cuisine (sur 5)", "Note de la cuisine"),
        ("Food (out of 5)", "Food"),
        ("料理（5点満点）", "料理"),
    ],
)
def test_the_scale_a_rating_is_out_of_is_dropped(question: str, label: str) -> None:
    # QA32: the French chain's rating was labelled "Note de la cuisine (sur 5)".
    assert short_label(question) == label
