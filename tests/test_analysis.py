"""Tests for nps_kit.analysis: configured questions, combined themes, drivers, strategies."""

from __future__ import annotations

import csv
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
import yaml

from nps_kit.analysis import FollowupAnalysis, Question, analyse_followups, mostly_unread
from nps_kit.errors import ConfigError, DataError
from nps_kit.i18n import Language
from nps_kit.unit import UnitData, prepare_unit

ROOT = Path(__file__).resolve().parent.parent
DEMO_DATA = ROOT / "data" / "demo_responses.csv.gz"

HEADER = [
    "response_id",
    "submitted_at",
    "score",
    "channel",
    "features",
    "rating_delivery",
    "rating_price",
    "comment",
    "improvement",
    "contact_ok",
]
# One row per respondent: id, day, score, channel, features, two 1–5 ratings, contact allowed.
Row = tuple[str, int, str, str, str, str, str, bool]
# 2026-10, the reporting month. Valid scores: 6 promoters (J01–J06), 4 passives (J07–J10),
# 8 detractors (J11–J18) → n 18, NPS −11.1. J19 (blank score) and J20 (11, invalid) mention
# delivery but are no valid respondents.
CURRENT: list[Row] = [
    ("J01", 2, "10", "web", "検索;お気に入り", "5", "4", True),
    ("J02", 3, "9", "app", "検索", "4", "5", False),
    ("J03", 4, "10", "web", "お気に入り;レビュー", "5", "4", True),
    ("J04", 5, "9", "app", "", "4", "4", False),
    ("J05", 6, "10", "store", "検索;レビュー", "5", "5", False),
    ("J06", 7, "9", "web", "検索", "4", "3", True),
    ("J07", 8, "8", "web", "検索", "3", "3", False),
    ("J08", 9, "7", "app", "レビュー", "4", "3", True),
    ("J09", 10, "8", "store", "検索;お気に入り", "3", "4", False),
    ("J10", 11, "7", "web", "", "3", "3", False),
    ("J11", 12, "3", "web", "検索", "1", "3", True),
    ("J12", 13, "5", "app", "お気に入り", "2", "3", True),
    ("J13", 14, "2", "web", "検索", "1", "2", False),
    ("J14", 15, "4", "store", "レビュー", "3", "1", True),
    ("J15", 16, "6", "app", "検索", "3", "2", False),
    ("J16", 17, "0", "web", "", "2", "2", True),
    ("J17", 18, "1", "app", "検索;レビュー", "2", "3", False),
    ("J18", 19, "5", "web", "お気に入り", "3", "3", True),
    ("J19", 20, "", "web", "検索", "1", "1", True),
    ("J20", 21, "11", "web", "検索", "1", "1", True),
]
# The two text questions, (ja, en); everyone else left them blank.
# Commenters with a valid score: comment 11 (J01 J02 J04 J07 J09 J11 J12 J14 J15 J16 J18),
# improvement 3 (J11 J13 J14; J06 wrote only spaces), either 12 (adds J13).
# Delivery: comment J01 J09 J11 J12, improvement J11 J13 → 5 respondents (J11 once);
# detractors among them J11 J12 J13. Price: comment J02 J14 J15; detractors J14 J15.
COMMENT = {
    "J01": ("配送が早くて助かる", "Fast delivery"),
    "J02": ("価格が安い", "Fair price"),
    "J04": ("満足", "Happy"),
    "J07": ("普通", "Okay"),
    "J09": ("配送はまあまあ", "Delivery was fine"),
    "J11": ("配送が遅い", "Delivery was late"),
    "J12": ("荷物が届くのが遅い", "The parcel arrived late"),
    "J14": ("価格が高い", "The price is too high"),
    "J15": ("価格が高すぎる", "Prices are too high"),
    "J16": ("最悪", "Terrible"),
    "J18": ("まあ普通です", "It was okay"),
    "J19": ("配送が遅い", "Delivery was late"),
    "J20": ("配送が遅い", "Delivery was late"),
}
IMPROVEMENT = {
    "J06": ("  ", "  "),
    "J11": ("配送を早くしてほしい", "Faster delivery please"),
    "J13": ("配送業者の対応が悪い", "Late delivery again"),
    "J14": ("値下げしてほしい", "Lower it"),
}
# 2026-09: 5 promoters, 3 passives, 2 detractors (NPS 30).
PREVIOUS: list[Row] = [
    (f"P{day:02d}", day, score, "web", "検索", "4", "4", False)
    for day, score in enumerate(["10", "10", "9", "9", "10", "8", "7", "8", "3", "6"], start=1)
]
VALID = 18
COMMENTERS = ["J01", "J02", "J04", "J07", "J09", "J11", "J12", "J14", "J15", "J16", "J18"]
IMPROVERS = ["J11", "J13", "J14"]

QUESTIONS: list[dict[str, Any]] = [
    {"column": "channel", "type": "categorical", "label": "チャネル"},
    {"column": "rating_delivery", "type": "rating", "label": "配送", "scale": [1, 5]},
    {"column": "features", "type": "multi", "label": "機能", "separator": ";"},
    {"column": "comment", "type": "text", "label": "理由"},
    {"column": "rating_price", "type": "rating", "label": "価格", "scale": [1, 5]},
    {"column": "improvement", "type": "text", "label": "改善"},
]


def write_export(path: Path, lang: Language) -> Path:
    side = 0 if lang == "ja" else 1
    yes, no = ("はい", "いいえ") if lang == "ja" else ("Yes", "No")
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(HEADER)
        for rows, month in ((CURRENT, "2026-10"), (PREVIOUS, "2026-09")):
            for rid, day, score, *answers, ok in rows:
                comment = COMMENT.get(rid, ("", ""))[side]
                improvement = IMPROVEMENT.get(rid, ("", ""))[side]
                date = f"{month}-{day:02d} 10:00:00"
                writer.writerow(
                    [rid, date, score, *answers, comment, improvement, yes if ok else no]
                )
    return path


def make_unit(tmp_path: Path, lang: Language = "ja") -> UnitData:
    return prepare_unit(
        write_export(tmp_path / f"responses_{lang}.csv", lang),
        name="EC" if lang == "ja" else "Shop",
        language=lang,
        period="2026-10",
        text_columns=["comment", "improvement"],
    )


@pytest.fixture
def unit(tmp_path: Path) -> UnitData:
    return make_unit(tmp_path)


@pytest.fixture
def analysis(unit: UnitData) -> FollowupAnalysis:
    return analyse_followups(unit, QUESTIONS)


def by_theme(table: pd.DataFrame) -> pd.DataFrame:
    return table.set_index("theme")


def ids(unit: UnitData, mask: pd.Series) -> list[str]:
    return unit.current.loc[mask[mask].index, "response_id"].tolist()


# --- Question.from_dict ------------------------------------------------------------------------


def test_from_dict_fills_defaults() -> None:
    q = Question.from_dict({"column": "rating_staff", "type": "rating"})
    assert q == Question("rating_staff", "rating", "rating_staff", None, None, (1.0, 5.0))
    q = Question.from_dict(
        {"column": "nps_q", "type": "rating", "label": None, "scale": [0, 10], "codes": None}
    )
    assert (q.label, q.scale) == ("nps_q", (0.0, 10.0))


@pytest.mark.parametrize(
    ("spec", "message", "key"),
    [
        (
            {"column": "channel", "type": "ratings"},
            "follow-up question 'channel': type must be one of categorical, multi, rating, "
            "text; got 'ratings'. Did you mean 'rating'?",
            "followups.type",
        ),
        (
            {"column": "channel", "type": "free"},
            "follow-up question 'channel': type must be one of categorical, multi, rating, "
            "text; got 'free'.",
            "followups.type",
        ),
        (
            {"column": "channel"},
            "follow-up question 'channel': type must be one of categorical, multi, rating, "
            "text; got None.",
            "followups.type",
        ),
        (
            {"type": "text", "label": "理由"},
            "follow-up question without a column: {'type': 'text', 'label': '理由'}. "
            "Add column: <name of the question's column in the data>.",
            "followups.column",
        ),
        (
            {"column": "rating_staff", "type": "rating", "scale": [5, 1]},
            "follow-up question 'rating_staff': scale must be [low, high] with low < high; "
            "got [5, 1].",
            "followups.scale",
        ),
    ],
    ids=["type-typo", "type-unknown", "type-missing", "column-missing", "scale-reversed"],
)
def test_from_dict_rejects_bad_entries(spec: Mapping[str, Any], message: str, key: str) -> None:
    with pytest.raises(ConfigError) as info:
        Question.from_dict(spec)
    assert str(info.value) == message
    assert info.value.key == key


def test_from_dict_reads_what_a_text_question_asks() -> None:
    assert Question.from_dict({"column": "comment", "type": "text"}).asks == "reason"
    spec = {"column": "improvement", "type": "text", "asks": "improvement"}
    assert Question.from_dict(spec).asks == "improvement"


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        (
            {"column": "channel", "type": "categorical", "asks": "improvement"},
            "follow-up question 'channel': asks must be one of reason, improvement on a text "
            "question; got 'improvement' on a categorical question. Remove asks, or set type: "
            "text.",
        ),
        (
            {"column": "improvement", "type": "text", "asks": "improvment"},
            "follow-up question 'improvement': asks must be one of reason, improvement on a "
            "text question; got 'improvment' on a text question. Did you mean 'improvement'?",
        ),
    ],
)
def test_from_dict_rejects_asks_off_a_text_question(spec: Mapping[str, Any], message: str) -> None:
    with pytest.raises(ConfigError) as info:
        Question.from_dict(spec)
    assert str(info.value) == message
    assert info.value.key == "followups.asks"


def test_an_improvement_question_reads_its_answers_as_requests(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # J13, a detractor, answers "what to improve" with a bare comparative.
    monkeypatch.setitem(IMPROVEMENT, "J13", ("配送を早く", "Faster delivery"))
    for lang in ("ja", "en"):
        unit = make_unit(tmp_path, lang)
        asked = {"column": "improvement", "type": "text", "label": "改善"}
        read = {}
        for asks in ("reason", "improvement"):
            analysis = analyse_followups(unit, [{**asked, "asks": asks}])
            polarity = analysis.questions[0].polarity
            assert polarity is not None
            j13 = unit.current["response_id"].eq("J13")
            read[asks] = polarity.loc[j13, "delivery"].item()
            # The respondent's polarity (call-back list, stance, strategies) follows it.
            assert analysis.polarity is not None
            assert analysis.polarity.loc[j13, "delivery"].item() == read[asks]
        assert read == {"reason": "positive", "improvement": "negative"}, lang


def test_bad_type_in_the_questions_raises_before_any_analysis(unit: UnitData) -> None:
    questions = [*QUESTIONS, {"column": "comment", "type": "txt", "label": "理由"}]
    with pytest.raises(ConfigError) as info:
        analyse_followups(unit, questions)
    assert str(info.value) == (
        "follow-up question 'comment': type must be one of categorical, multi, rating, text; "
        "got 'txt'. Did you mean 'text'?"
    )


# --- every question, in order ------------------------------------------------------------------


def test_every_question_yields_a_result_of_its_kind_in_order(analysis: FollowupAnalysis) -> None:
    got = [(r.question.column, r.question.type, r.question.label) for r in analysis.questions]
    assert got == [
        ("channel", "categorical", "チャネル"),
        ("features", "multi", "機能"),
        ("comment", "text", "理由"),
        ("improvement", "text", "改善"),
    ]
    channel, features, comment, improvement = analysis.questions
    assert channel.table["answer"].tolist() == ["web", "app", "store", None]
    assert channel.table["n"].tolist() == [9, 6, 3, 0]
    assert features.table["option"].tolist() == ["検索", "お気に入り", "レビュー", None]
    assert features.table["n"].tolist() == [10, 5, 5, 3]  # J04, J10, J16 chose nothing
    for text in (comment, improvement):
        assert text.tags is not None and text.phrases is not None
        assert list(text.tags.columns) == analysis.book.ids
        assert set(text.table["theme"]) == set(analysis.book.ids)
    assert channel.tags is None and features.phrases is None
    # Ratings: both attributes, in configured order, each for the three segments and all.
    assert analysis.ratings is not None and analysis.drivers is not None
    assert analysis.ratings["attribute"].unique().tolist() == ["rating_delivery", "rating_price"]
    means = {(r["attribute"], r["segment"]): r["mean"] for r in analysis.ratings.to_dict("records")}
    assert means["rating_delivery", "promoter"] == pytest.approx(27 / 6)  # 5 4 5 4 5 4
    assert means["rating_delivery", "detractor"] == pytest.approx(17 / 8)  # 1 2 1 3 3 2 2 3
    assert means["rating_delivery", "all"] == pytest.approx(57 / 18)
    assert sorted(analysis.drivers["attribute"]) == ["rating_delivery", "rating_price"]
    assert analysis.drivers["label"].tolist() == ["配送", "価格"]  # most important first


def test_question_objects_are_accepted_as_given(unit: UnitData) -> None:
    q = Question("channel", "categorical", "Channel")
    result = analyse_followups(unit, [q])
    assert [r.question for r in result.questions] == [q]


# --- themes across text questions --------------------------------------------------------------


def test_combined_themes_count_a_respondent_once(
    unit: UnitData, analysis: FollowupAnalysis
) -> None:
    comment, improvement = analysis.questions[2:]
    assert by_theme(comment.table).loc["delivery", "mentions"] == 4  # J01 J09 J11 J12
    assert by_theme(improvement.table).loc["delivery", "mentions"] == 2  # J11 J13
    assert analysis.themes is not None and analysis.tags is not None
    delivery = by_theme(analysis.themes).loc["delivery"]
    assert delivery["mentions"] == 5  # not 6: J11 wrote about delivery twice
    assert delivery["share"] == pytest.approx(100 * 5 / 12)  # 12 commenters in either question
    assert delivery["share_detractors"] == pytest.approx(100 * 3 / 7)  # J11 J12 J13 of 7
    tagged = analysis.tags["delivery"].fillna(False).astype(bool)
    valid = unit.current["nps_status"] == "valid"
    assert ids(unit, tagged & valid) == ["J01", "J09", "J11", "J12", "J13"]
    price = by_theme(analysis.themes).loc["price"]
    assert (price["mentions"], price["share"]) == (3, pytest.approx(100 * 3 / 12))


def test_beside_a_reason_question_improvement_requests_are_listed_not_ranked(
    unit: UnitData,
) -> None:
    # QA22: every answer to "what should we improve?" is a request, so with both questions
    # pooled whatever people asked for outranked why detractors scored low.
    questions = [
        {**q, "asks": "improvement"} if q["column"] == "improvement" else q for q in QUESTIONS
    ]
    analysis = analyse_followups(unit, questions, min_report_n=0)  # the floor: its own test
    assert analysis.scope == "reasons"
    assert analysis.themes is not None and analysis.requests is not None
    delivery = by_theme(analysis.themes).loc["delivery"]
    assert delivery["mentions"] == 4  # J01 J09 J11 J12: the comment question alone
    assert delivery["share"] == pytest.approx(100 * 4 / 11)  # of its 11 commenters
    assert delivery["detractors"] == 2  # J11 J12 complain; J13 only asked
    requests = by_theme(analysis.requests)
    assert requests.loc["delivery", "mentions"] == 2  # J11 J13
    assert requests.loc["price", "mentions"] == 1  # J14: 値下げしてほしい
    # The call-back list still reads every answer: J13 asked about delivery.
    assert analysis.tags is not None and analysis.polarity is not None
    j13 = unit.current["response_id"].eq("J13")
    assert bool(analysis.tags.loc[j13, "delivery"].item())
    assert analysis.polarity.loc[j13, "delivery"].item() == "negative"


def test_a_request_list_counts_who_asked_not_who_praised(tmp_path: Path) -> None:
    # REVIEW22: "What should we improve?" is often answered with praise ("Nothing, the staff
    # are brilliant"), which the rules read as positive; counted as mentions, the e-mail said
    # "Staff: 6 asked" at the top of "Most requested improvements" though nobody asked.
    path = tmp_path / "export.csv"
    reason = ["Delivery was late", "The parcel arrived late", "Friendly staff"]
    improve = [
        "Nothing, the staff are brilliant",
        "Lower prices please",
        "Nothing, the staff are brilliant",
    ]
    rows = [
        {
            "response_id": f"R{i:02d}",
            "submitted_at": f"2026-10-{1 + i:02d} 10:00:00",
            "score": [2, 4, 10][i % 3],
            "comment": reason[i % 3],
            "improvement": improve[i % 3],
        }
        for i in range(18)
    ]
    pd.DataFrame(rows).to_csv(path, index=False)
    unit = prepare_unit(
        path,
        name="X",
        language="en",
        id_column="response_id",
        text_columns=["comment", "improvement"],
    )
    questions = [
        {"column": "comment", "type": "text", "label": "Why"},
        {"column": "improvement", "type": "text", "label": "Improve", "asks": "improvement"},
    ]
    analysis = analyse_followups(unit, questions)
    assert analysis.scope == "reasons" and analysis.requests is not None
    [asked] = [q for q in analysis.questions if q.question.column == "improvement"]
    assert asked.polarity is not None
    assert set(asked.polarity["staff"].dropna()) == {"positive"}  # the rules' reading
    requests = by_theme(analysis.requests)
    assert requests.loc["staff", "mentions"] == 0  # 12 praised the staff, none asked
    assert requests.loc["price", "mentions"] == 6
    assert requests.loc["price", "share"] == pytest.approx(100 * 6 / 18)  # of who answered


def test_a_month_without_reasons_ranks_the_requests(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # REVIEW22: a unit whose reason question nobody answered this month ranked nothing.
    for rid in list(COMMENT):
        monkeypatch.setitem(COMMENT, rid, ("", ""))
    unit = make_unit(tmp_path)
    questions = [
        {**q, "asks": "improvement"} if q["column"] == "improvement" else q for q in QUESTIONS
    ]
    analysis = analyse_followups(unit, questions)
    assert analysis.scope == "all" and analysis.requests is None
    assert analysis.themes is not None
    assert by_theme(analysis.themes).loc["delivery", "mentions"] == 2  # J11 J13 asked


def test_improvement_questions_alone_are_ranked(unit: UnitData) -> None:
    asked = {"column": "improvement", "type": "text", "label": "改善", "asks": "improvement"}
    analysis = analyse_followups(unit, [asked])
    assert analysis.scope == "all" and analysis.requests is None
    assert analysis.themes is not None
    assert by_theme(analysis.themes).loc["delivery", "mentions"] == 2


def test_nps_gain_is_relative_to_all_valid_respondents(unit: UnitData) -> None:
    # 100 × detractors mentioning the theme / the period's 18 valid respondents (commenters or
    # not); J19 and J20 mention delivery without a valid score and count nowhere. No floor: the
    # themes here have 3 and 4 mentions (the floor has its own test).
    analysis = analyse_followups(unit, QUESTIONS, min_report_n=0)
    assert analysis.themes is not None
    themes = by_theme(analysis.themes)
    assert themes.loc["delivery", "nps_gain"] == pytest.approx(100 * 3 / VALID)
    assert themes.loc["price", "nps_gain"] == pytest.approx(100 * 2 / VALID)
    assert analysis.themes["theme"].tolist()[:2] == ["delivery", "price"]
    comment, improvement = analysis.questions[2:]
    assert by_theme(comment.table).loc["delivery", "nps_gain"] == pytest.approx(200 / VALID)
    assert by_theme(improvement.table).loc["delivery", "nps_gain"] == pytest.approx(200 / VALID)
    assert by_theme(comment.table).loc["price", "nps_gain"] == pytest.approx(200 / VALID)
    # NPS of the commenters mentioning delivery: J01 promoter, J09 passive, J11 J12 J13 detractors
    assert themes.loc["delivery", "nps_with"] == pytest.approx(100 * (1 - 3) / 5)


def test_no_comment_answers_are_not_commenters(tmp_path: Path) -> None:
    export = write_export(tmp_path / "responses.csv", "ja")
    frame = pd.read_csv(export, dtype=str, keep_default_na=False)
    frame.loc[frame["response_id"] == "J18", "comment"] = "特になし。"
    frame.loc[frame["response_id"] == "J01", "comment"] = "N/A"
    frame.to_csv(export, index=False)
    unit = prepare_unit(export, name="EC", period="2026-10", text_columns=["comment"])
    result = analyse_followups(unit, [{"column": "comment", "type": "text", "label": "理由"}])
    assert result.questions[0].commenters == len(COMMENTERS) - 2


def test_non_commenters_are_not_commenters(unit: UnitData, analysis: FollowupAnalysis) -> None:
    comment, improvement = analysis.questions[2:]
    # Blank and white-space-only answers (J06's improvement) are no comments; answers without
    # a valid score (J19, J20) are not counted either, as in the theme table's shares.
    assert comment.commenters == len(COMMENTERS)
    assert improvement.commenters == len(IMPROVERS)
    assert comment.tags is not None and improvement.tags is not None
    valid = unit.current["nps_status"] == "valid"
    assert ids(unit, comment.tags.notna().all(axis=1) & valid) == COMMENTERS
    assert ids(unit, improvement.tags.notna().all(axis=1) & valid) == IMPROVERS
    assert by_theme(comment.table).loc["delivery", "share"] == pytest.approx(100 * 4 / 11)
    assert analysis.tags is not None
    silent = analysis.tags.isna().all(axis=1)
    assert ids(unit, silent) == ["J03", "J05", "J06", "J08", "J10", "J17"]


def test_english_comments_find_the_same_themes(tmp_path: Path) -> None:
    unit = make_unit(tmp_path, "en")
    questions = [{**q, "label": q["column"]} for q in QUESTIONS]
    analysis = analyse_followups(unit, questions, min_report_n=0)  # price has 3 mentions
    assert analysis.themes is not None
    themes = by_theme(analysis.themes)
    assert themes.loc["delivery", "label"] == "Delivery speed and damage"
    assert themes.loc["delivery", "mentions"] == 5
    assert themes.loc["delivery", "nps_gain"] == pytest.approx(100 * 3 / VALID)
    assert themes.loc["price", "nps_gain"] == pytest.approx(100 * 2 / VALID)


# --- recommendations ---------------------------------------------------------------------------


def test_recommendations_per_segment_with_evidence(analysis: FollowupAnalysis) -> None:
    recs = analysis.recommendations
    # Themes with at least 3 complaints (detractors, passives) or 3 praises (promoters) make a
    # card; each segment then gets its one general card.
    assert [(r.segment, r.source, r.key, r.priority) for r in recs] == [
        ("detractor", "theme", "delivery", 1),
        ("detractor", "general", "general", 2),
        ("passive", "general", "general", 1),
        ("promoter", "general", "general", 1),
    ]
    # Delivery complaints or requests: J11 J12 J13 of the 7 commenting detractors; the impact
    # metric counts the 3 detractors mentioning delivery among all 18 valid respondents.
    assert recs[0].evidence == (
        "コメントした批判者の43%（n=7）が「配送（スピード・破損）」に不満・要望。"
        "このテーマの批判者が中立者になった場合のNPS改善幅（自由回答全体）：+16.7ポイント"
        "（不満・要望のある批判者3人）"
    )
    assert analysis.stance is not None
    delivery = analysis.stance.set_index(["theme", "segment"]).loc[("delivery", "promoter")]
    assert (delivery["commenters"], delivery["praise"], delivery["complaint"]) == (3, 1, 0)


def test_theme_rows_carry_their_detractors_and_small_sample_flag(
    unit: UnitData, analysis: FollowupAnalysis
) -> None:
    assert analysis.themes is not None
    table = by_theme(analysis.themes)
    assert table.loc["delivery", ["mentions", "detractors"]].tolist() == [5, 3]
    assert table["small_sample"].all()  # every theme has fewer than min_n = 30 mentions
    # Delivery has 5 mentions, price 3: only price is flagged at min_n = 4.
    wide = analyse_followups(unit, QUESTIONS, min_n=4)
    assert wide.themes is not None
    flags = by_theme(wide.themes)["small_sample"]
    assert not flags["delivery"] and flags["price"]


def test_a_theme_below_the_anonymity_floor_shows_only_its_size(unit: UnitData) -> None:
    # QA25: a theme with 1 mention showed its NPS (−100.0) though the report's anonymity floor
    # is 5, which every breakdown and answer table applies. FIX43: under the floor a group shows
    # only its size; "this theme's detractors 2 of 3", its gain, its mention shares per segment
    # and the NPS of the others (with the commenters' NPS, the theme's own) gave the NPS away.
    analysis = analyse_followups(unit, QUESTIONS)  # the floor's default, 5
    assert analysis.themes is not None
    themes = by_theme(analysis.themes)
    assert themes.loc["delivery", "nps_with"] == -40.0  # 5 mentions: at the floor
    assert themes.loc["delivery", "detractors"] == 3
    price = themes.loc["price"]  # 3 mentions
    assert price["suppressed"] and not themes.loc["delivery", "suppressed"]
    assert price["mentions"] == 3 and price["share"] > 0  # its size, as a count and a share
    mix = [
        *("nps_with", "ci_with_low", "ci_with_high", "nps_without", "ci_without_low"),
        *("ci_without_high", "nps_gain", "detractors"),
        *("share_promoters", "share_passives", "share_detractors"),
    ]
    assert price[mix].isna().all()
    # What each segment says about it is its score mix told apart: blank, so no card quotes it.
    assert analysis.stance is not None
    stance = analysis.stance.set_index(["theme", "segment"])
    said = ["mentions", "praise", "complaint", "pct_praise", "pct_complaint"]
    assert stance.loc["price", said].isna().all().all()
    commenters = stance["commenters"]
    assert commenters.loc["price"].tolist() == commenters.loc["delivery"].tolist()
    assert stance.loc[("delivery", "detractor"), "mentions"] == 3
    comment, improvement = (q for q in analysis.questions if q.question.type == "text")
    assert comment.min_report_n == 5
    assert comment.table.set_index("theme").loc[
        "delivery", ["mentions", "suppressed"]
    ].tolist() == [
        4,
        True,
    ]
    assert pd.isna(comment.table.set_index("theme").loc["delivery", "nps_with"])
    # 3 commenters in all: those not mentioning a theme are fewer than 5 too.
    assert improvement.table["nps_without"].isna().all()
    lower = analyse_followups(unit, QUESTIONS, min_report_n=4)
    table = next(q for q in lower.questions if q.question.column == "comment").table
    assert table.set_index("theme").loc["delivery", "nps_with"] == -25.0
    off = analyse_followups(unit, QUESTIONS, min_report_n=0)
    assert off.themes is not None
    assert by_theme(off.themes).loc["price", "nps_with"] == pytest.approx(-100 / 3)


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_a_theme_added_without_actions_is_shown_with_its_evidence(
    tmp_path: Path, lang: Language
) -> None:
    # QA25: a unit extending the generic pack with billing saw it rank by points gained, yet
    # the strategies (and the e-mail's actions) left it out without a word.
    from nps_kit.text.packs import pack_files

    # Comments that name billing alone: "The estimated bill was wrong again" is price's too,
    # and themes the same comments carry are one card with price's action (FIX76).
    said = "請求書の金額が間違っていた" if lang == "ja" else "My direct debit failed again"
    rows = [f"R{i:02d},2026-10-{i + 1:02d} 10:00:00,2,{said}" for i in range(6)]
    rows += [f"S{i:02d},2026-10-{i + 11:02d} 10:00:00,10,Friendly staff" for i in range(6)]
    export = tmp_path / "r.csv"
    export.write_text("id,submitted_at,score,comment\n" + "\n".join(rows) + "\n", encoding="utf-8")
    unit = prepare_unit(
        export, name="NW", language=lang, period="2026-10", text_columns=["comment"]
    )
    themes = tmp_path / "themes.yaml"
    themes.write_text(
        "version: 1\nextends: generic\nthemes:\n  billing:\n"
        "    label: {ja: 請求, en: Bills and direct debit}\n"
        "    keywords: {en: [estimated bill, direct debit], ja: [請求]}\n",
        encoding="utf-8",
    )
    playbook = tmp_path / "playbook.yaml"
    playbook.write_text(pack_files("generic")[1].read_text(encoding="utf-8"), encoding="utf-8")
    question = [{"column": "comment", "type": "text"}]
    analysis = analyse_followups(unit, question, themes_path=themes, playbook_path=playbook)
    assert analysis.themes is not None
    assert by_theme(analysis.themes).loc["billing", ["nps_gain", "detractors"]].tolist() == [50, 6]
    card = next(r for r in analysis.recommendations if r.key == "billing")
    assert (card.segment, card.source) == ("detractor", "theme")
    assert card.action == (
        "「請求」への施策はまだ書かれていません。"
        "playbook.yaml の themes: の下に billing: として書き加えてください。"
        if lang == "ja"
        else "No action is written for “Bills and direct debit” yet: add one under themes: "
        "billing: in playbook.yaml."
    )
    assert "+50.0" in card.evidence  # 6 of 12 detractors complaining: its evidence as ever
    # Once written there, the card is the action.
    text = playbook.read_text(encoding="utf-8").replace(
        "\nthemes:\n",
        "\nthemes:\n  billing:\n    detractor:\n      - {ja: 請求を正す, en: Fix the bills}\n",
        1,
    )
    playbook.write_text(text, encoding="utf-8")
    again = analyse_followups(unit, question, themes_path=themes, playbook_path=playbook)
    card = next(r for r in again.recommendations if r.key == "billing")
    assert card.action == ("請求を正す" if lang == "ja" else "Fix the bills")


def test_recommendations_compare_with_the_previous_month(analysis: FollowupAnalysis) -> None:
    general = [r for r in analysis.recommendations if r.source == "general"]
    assert general
    # Passives 22.2% now (4 of 18) against 30.0% in 2026-09 (3 of 10).
    passive = next(r for r in general if r.segment == "passive")
    assert "22.2%" in passive.evidence and "−7.8" in passive.evidence


# --- units without some kinds of question ------------------------------------------------------


@pytest.mark.parametrize(
    "questions",
    [
        [],
        [{"column": "channel", "type": "categorical", "label": "チャネル"}],
        [{"column": "features", "type": "multi", "label": "機能", "separator": ";"}],
    ],
)
def test_units_without_text_or_rating_questions(
    unit: UnitData, questions: Sequence[Mapping[str, Any]]
) -> None:
    analysis = analyse_followups(unit, questions)
    assert len(analysis.questions) == len(questions)
    assert analysis.themes is None and analysis.tags is None
    assert analysis.ratings is None and analysis.drivers is None
    assert {r.segment for r in analysis.recommendations} == {"detractor", "passive", "promoter"}
    assert all(r.source == "general" and r.evidence for r in analysis.recommendations)


def test_ratings_without_text_and_text_without_ratings(unit: UnitData) -> None:
    ratings_only = analyse_followups(unit, [QUESTIONS[1], QUESTIONS[4]])
    assert ratings_only.themes is None and ratings_only.questions == ()
    assert ratings_only.drivers is not None and len(ratings_only.drivers) == 2
    text_only = analyse_followups(unit, [QUESTIONS[3]])
    assert text_only.drivers is None and text_only.ratings is None
    assert text_only.themes is not None
    assert by_theme(text_only.themes).loc["delivery", "mentions"] == 4


# --- configuration and data errors -------------------------------------------------------------


def test_rating_questions_on_different_scales_are_rejected(unit: UnitData) -> None:
    questions = [
        {"column": "rating_delivery", "type": "rating", "scale": [1, 5]},
        {"column": "score", "type": "rating", "scale": [0, 10]},
    ]
    with pytest.raises(ConfigError) as info:
        analyse_followups(unit, questions)
    assert str(info.value) == (
        "rating questions must share one scale to be compared; found rating_delivery [1, 5], "
        "score [0, 10]. Give every rating question the same scale, or rescale the columns in "
        "the data."
    )
    assert info.value.key == "followups.scale"


def test_missing_text_column_is_a_data_error(unit: UnitData) -> None:
    with pytest.raises(DataError) as info:
        analyse_followups(unit, [{"column": "coment", "type": "text", "label": "理由"}])
    assert str(info.value) == (
        "no column 'coment' (followups); columns: 'response_id', 'submitted_at', 'score', "
        "'channel', 'features', 'rating_delivery', 'rating_price', 'comment', 'improvement', "
        "'contact_ok', 'nps_score', 'nps_status', 'nps_row', 'nps_date', 'period', 'segment'. "
        "Did you mean 'comment'?"
    )


# --- demo data ---------------------------------------------------------------------------------


def test_demo_ec_top_theme_is_delivery_and_top_driver_fix_first() -> None:
    spec = yaml.safe_load((ROOT / "parameters" / "ec.yaml").read_text(encoding="utf-8"))
    unit = prepare_unit(
        DEMO_DATA,
        name=spec["name"],
        language=spec["language"],
        unit_column=spec["data"]["filter"]["column"],
        unit_values=spec["data"]["filter"]["values"],
        text_columns=["comment", "improvement"],
    )
    analysis = analyse_followups(unit, spec["followups"])
    assert unit.period == "2026-10"
    assert [r.question.column for r in analysis.questions] == [
        "heard_about",
        "used_features",
        "comment",
        "improvement",
    ]
    assert analysis.themes is not None and analysis.drivers is not None
    assert analysis.themes.iloc[0]["theme"] == "delivery"
    top = analysis.drivers.iloc[0]
    assert (top["attribute"], top["quadrant"]) == ("rating_delivery", "fix_first")
    # the others lie within their margins of the mean rating: no hair's-width labels
    assert set(analysis.drivers["quadrant"].iloc[1:]) == {"near_average"}
    assert analysis.drivers["method"].iloc[0] == "relative_weights"
    assert analysis.rating_scale == (1.0, 5.0)  # the key-driver chart's honest x-axis
    assert analysis.recommendations[0].segment == "detractor"
    assert analysis.recommendations[0].key == "delivery"


# --- weights -----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def weighted_demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[UnitData, FollowupAnalysis]:
    """The demo's EC unit with a weight column (0.5 … 3.0 by row) added to a copy of the data."""
    import numpy as np

    raw = pd.read_csv(DEMO_DATA, dtype=str, keep_default_na=False)
    raw["weight"] = [f"{w:.2f}" for w in np.random.default_rng(17).uniform(0.5, 3.0, len(raw))]
    path = tmp_path_factory.mktemp("weighted") / "weighted.csv.gz"
    raw.to_csv(path, index=False)
    spec = yaml.safe_load((ROOT / "parameters" / "ec.yaml").read_text(encoding="utf-8"))
    unit = prepare_unit(
        path,
        name=spec["name"],
        language=spec["language"],
        unit_column="business_unit",
        unit_values=["EC事業部"],
        weight_column="weight",
        text_columns=["comment", "improvement"],
    )
    return unit, analyse_followups(unit, spec["followups"], weight="nps_weight")


def _ranked(analysis: FollowupAnalysis) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The tags and polarity the theme ranking reads, from the questions' own results.

    The demo's EC unit asks why (``comment``) and what to improve (``asks: improvement``), so
    the ranking reads the reason question only.
    """
    from nps_kit.text.stance import merge_polarity

    assert analysis.scope == "reasons"
    reasons = [
        q for q in analysis.questions if q.tags is not None and q.question.asks != "improvement"
    ]
    [reason] = reasons
    assert reason.tags is not None and reason.polarity is not None
    return reason.tags, merge_polarity([reason.polarity])


def _by_hand(weights: pd.Series, scores: pd.Series) -> dict[str, float]:
    """Weighted NPS, shares and the adjusted-Wald interval with Kish's n, from the formulas."""
    import math

    total = weights.sum()
    pro = weights[scores >= 9].sum() / total
    det = weights[scores <= 6].sum() / total
    n_eff = total**2 / (weights**2).sum()
    n_adj = n_eff + 3
    a_pro, a_det = (pro * n_eff + 0.75) / n_adj, (det * n_eff + 0.75) / n_adj
    half = 1.959963984540054 * math.sqrt((a_pro + a_det - (a_pro - a_det) ** 2) / n_adj)
    nps = 100 * (pro - det)
    low = min(100 * max(a_pro - a_det - half, -1.0), nps)
    high = max(100 * min(a_pro - a_det + half, 1.0), nps)
    return {"nps": nps, "ci_low": low, "ci_high": high, "n_eff": n_eff, "total": total}


def test_weighted_demo_answer_shares_and_nps_equal_a_hand_computation(
    weighted_demo: tuple[UnitData, FollowupAnalysis],
) -> None:
    unit, analysis = weighted_demo
    rows = unit.current.loc[unit.current["nps_score"].notna()]
    w, s = rows["nps_weight"], rows["nps_score"].astype(float)
    answered = rows["heard_about"].astype("string").str.strip().replace("", pd.NA).notna()
    table = analysis.questions[0].table.set_index("answer")
    for answer, group in rows.loc[answered].groupby("heard_about"):
        expected = _by_hand(w[group.index], s[group.index])
        got = table.loc[answer]
        assert got["n"] == len(group)
        assert got["share"] == pytest.approx(100 * expected["total"] / w[answered].sum())
        assert got["nps"] == pytest.approx(expected["nps"])
        assert got["ci_low"] == pytest.approx(expected["ci_low"])
        assert got["ci_high"] == pytest.approx(expected["ci_high"])
        assert got["small_sample"] == (expected["n_eff"] < 30)
        detractors = s < 7
        assert got["share_detractors"] == pytest.approx(
            100 * w[group.index][detractors[group.index]].sum() / w[answered & detractors].sum()
        )
    # Weighted shares are not the counted ones (else the test would prove nothing).
    plain = 100 * table["n"].iloc[0] / answered.sum()
    assert table["share"].iloc[0] != pytest.approx(plain, abs=0.05)


def test_weighted_demo_multi_select_shares_and_nps(
    weighted_demo: tuple[UnitData, FollowupAnalysis],
) -> None:
    unit, analysis = weighted_demo
    rows = unit.current.loc[unit.current["nps_score"].notna()]
    w, s = rows["nps_weight"], rows["nps_score"].astype(float)
    options = rows["used_features"].astype("string").fillna("").str.split(";")
    options = options.map(lambda xs: {x.strip() for x in xs if x.strip()})
    answered = options.map(len) > 0
    table = analysis.questions[1].table.set_index("option")
    for option in ["商品検索", "クーポン", "レビュー"]:
        chose = options.map(lambda xs, o=option: o in xs)
        expected = _by_hand(w[chose], s[chose])
        got = table.loc[option]
        assert got["n"] == int(chose.sum())
        assert got["share"] == pytest.approx(100 * expected["total"] / w[answered].sum())
        assert got["nps"] == pytest.approx(expected["nps"])
        assert got["ci_low"] == pytest.approx(expected["ci_low"])


def test_weighted_demo_ratings_and_drivers_are_weighted(
    weighted_demo: tuple[UnitData, FollowupAnalysis],
) -> None:
    import numpy as np

    unit, analysis = weighted_demo
    rows = unit.current.loc[unit.current["nps_score"].notna()]
    w, s = rows["nps_weight"], rows["nps_score"].astype(float)
    assert analysis.ratings is not None and analysis.drivers is not None
    ratings = analysis.ratings.set_index(["attribute", "segment"])["mean"]
    columns = [c for c in rows.columns if c.startswith("rating_")]
    values = {c: pd.to_numeric(rows[c], errors="coerce") for c in columns}
    for column, v in values.items():
        known = v.notna()
        assert ratings[(column, "all")] == pytest.approx(
            (v[known] * w[known]).sum() / w[known].sum()
        )
        det = known & (s <= 6)
        assert ratings[(column, "detractor")] == pytest.approx(
            (v[det] * w[det]).sum() / w[det].sum()
        )
    drivers = analysis.drivers.set_index("attribute")
    assert drivers["method"].iloc[0] == "relative_weights"
    # Relative weights share out the R² of the weighted least-squares fit of the score.
    complete = pd.concat(values, axis=1).notna().all(axis=1)
    x = pd.concat(values, axis=1).loc[complete].to_numpy(float)
    y, ww = s[complete].to_numpy(float), w[complete].to_numpy(float)
    xc = x - np.average(x, axis=0, weights=ww)
    yc = y - np.average(y, weights=ww)
    root = np.sqrt(ww)[:, None]
    beta = np.linalg.lstsq(xc * root, yc * root[:, 0], rcond=None)[0]
    residual = yc - xc @ beta
    r_squared = 1 - (ww * residual**2).sum() / (ww * yc**2).sum()
    assert drivers["r_squared"].iloc[0] == pytest.approx(r_squared)
    assert drivers["importance"].sum() == pytest.approx(r_squared)
    for column, v in values.items():
        known = v.notna()
        assert drivers.loc[column, "performance"] == pytest.approx(
            (v[known] * w[known]).sum() / w[known].sum()
        )


def test_weighted_demo_theme_impact_equals_a_hand_computation(
    weighted_demo: tuple[UnitData, FollowupAnalysis],
) -> None:
    unit, analysis = weighted_demo
    data = unit.current
    valid = data["nps_score"].notna()
    w, s = data["nps_weight"], data["nps_score"].astype(float)
    assert analysis.themes is not None
    tags, _ = _ranked(analysis)
    commented = tags.notna().all(axis=1) & valid
    themes = analysis.themes.set_index("theme")
    for theme in ["delivery", "price"]:
        hit = commented & tags[theme].fillna(False).astype(bool)
        expected = _by_hand(w[hit], s[hit])
        got = themes.loc[theme]
        assert got["mentions"] == int(hit.sum())
        assert got["share"] == pytest.approx(100 * w[hit].sum() / w[commented].sum())
        assert got["nps_with"] == pytest.approx(expected["nps"])
        assert got["ci_with_low"] == pytest.approx(expected["ci_low"])
        assert got["nps_gain"] == pytest.approx(100 * w[hit & (s <= 6)].sum() / w[valid].sum())
        rest = commented & ~hit
        assert got["nps_without"] == pytest.approx(_by_hand(w[rest], s[rest])["nps"])


def test_weighted_demo_cards_quote_weighted_shares_beside_their_weighted_gains(
    weighted_demo: tuple[UnitData, FollowupAnalysis],
) -> None:
    # A card says "38% of detractors who commented (n=…) complain about delivery; +4.1 pt if
    # they became passives": the gain is weighted, so the share must be too, its n a count.
    from nps_kit.text.stance import stance_mask

    unit, analysis = weighted_demo
    data = unit.current
    assert analysis.stance is not None
    tags, polarity = _ranked(analysis)
    w = data["nps_weight"].reindex(polarity.index)
    seg = data["segment"].reindex(polarity.index)
    commented = tags.notna().all(axis=1).reindex(polarity.index)
    stance = analysis.stance.set_index(["theme", "segment"])
    cards = [r for r in analysis.recommendations if r.source == "theme"]
    assert {r.segment for r in cards} >= {"detractor", "promoter"}
    differs = 0
    for card in cards:
        side = "praise" if card.segment == "promoter" else "complaint"
        who = commented & (seg == card.segment)
        flags = stance_mask(polarity, side)[card.key] & who
        weighted = 100 * w[flags].sum() / w[who].sum()
        unweighted = 100 * flags.sum() / who.sum()
        row = stance.loc[(card.key, card.segment)]
        assert row[f"pct_{side}"] == pytest.approx(weighted)
        assert (row["commenters"], row[side]) == (int(who.sum()), int(flags.sum()))
        assert f"{weighted:.0f}%" in card.evidence and f"n={int(who.sum()):,}" in card.evidence
        differs += f"{unweighted:.0f}%" != f"{weighted:.0f}%"
    assert differs  # the weights change what some card says


def test_unit_weights_give_the_unweighted_analysis(tmp_path: Path) -> None:
    unit = make_unit(tmp_path, "ja")
    plain = analyse_followups(unit, QUESTIONS)
    ones = UnitData(**{**unit.__dict__, "responses": unit.responses.assign(nps_weight=1.0)})
    weighted = analyse_followups(ones, QUESTIONS, weight="nps_weight")
    for a, b in zip(plain.questions, weighted.questions, strict=True):
        pd.testing.assert_frame_equal(a.table, b.table, check_dtype=False)
    assert plain.ratings is not None and weighted.ratings is not None
    pd.testing.assert_frame_equal(plain.ratings, weighted.ratings)
    pd.testing.assert_frame_equal(plain.themes, weighted.themes, check_dtype=False)
    pd.testing.assert_frame_equal(plain.stance, weighted.stance)
    assert plain.recommendations == weighted.recommendations
    assert plain.drivers is not None and weighted.drivers is not None
    pd.testing.assert_frame_equal(plain.drivers, weighted.drivers)


@pytest.mark.parametrize(("floor", "told"), [(5, False), (0, True)])
def test_the_strategies_tell_no_change_against_a_month_under_the_floor(
    tmp_path: Path, floor: int, told: bool
) -> None:
    # FIX63: October's evidence said "detractors 20.0% (8 of 40 responses, −46.7 pts vs
    # previous)" after a September of 3 responses: 66.7 % of them detractors.
    from _exports import write_months

    unit = prepare_unit(
        write_months(tmp_path / "export.csv"),
        name="Leeds",
        language="en",
        score_column="score",
        date_column="submitted_at",
        text_columns=["comment"],
        period="2026-10",
    )
    questions = [{"column": "comment", "type": "text", "label": "Why"}]
    analysis = analyse_followups(unit, questions, min_report_n=floor)
    evidence = [r.evidence for r in analysis.recommendations if r.key == "general"]
    assert evidence and all("(8 of 40" in e or "of 40 responses" in e for e in evidence)
    assert any("vs previous" in e for e in evidence) is told
    assert any("−46.7" in e for e in evidence) is told


def test_a_theme_below_the_floor_is_not_ranked_by_its_hidden_gain() -> None:
    # BROWSE32: telecom Kanto's theme table listed Quality (4 mentions, every figure "—")
    # between Ease of use (+9.1) and Staff (0.0): ranked by its hidden gain, its place said
    # that some of its 4 commenters were complaining detractors. Hidden themes come last,
    # by mentions, then by name.
    from nps_kit.analysis import _flag_small

    impact = pd.DataFrame(
        {
            "theme": ["ease", "quality", "service", "staff"],
            "label": ["Ease", "Quality", "Overall service", "Staff"],
            "mentions": [5, 4, 4, 10],
            "share": [10.0, 8.0, 8.0, 20.0],
            "nps_with": [-100.0, -50.0, 0.0, 100.0],
            "nps_without": [2.4, 1.0, 0.0, -38.9],
            "nps_gain": [9.1, 3.6, 1.8, 0.0],
            "detractors": [5, 2, 1, 0],
        }
    )
    out = _flag_small(impact, 30, min_report_n=5, commenters=50)
    assert out["theme"].tolist() == ["ease", "staff", "service", "quality"]
    assert out["suppressed"].tolist() == [False, False, True, True]


_FRENCH = [
    "Le service était très lent ce soir",
    "La cuisine était froide et fade",
    "Le personnel est vraiment aimable",
    "Trop cher pour ce que c'est",
    "Attente beaucoup trop longue au comptoir",
]
_ENGLISH = [
    "The service was very slow tonight",
    "The food was cold and bland",
    "The staff are really friendly",
    "Too expensive for what it is",
    "Waited far too long at the counter",
]


def test_half_the_comments_in_french_are_not_most_of_them() -> None:
    # REVIEW35: a unit half French, half English was told 'Most comments (5 of 10) are in
    # French' in its report, e-mail and overview. The sentence says most: more than half.
    assert mostly_unread(pd.Series(_FRENCH + _ENGLISH)) is None
    unread = mostly_unread(pd.Series(_FRENCH + _ENGLISH[:4]))
    assert unread is not None and (unread.unread, unread.comments) == (5, 9)
    assert unread.message("en").startswith("Most comments (5 of 9) are in French")
