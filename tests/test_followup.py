from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nps_kit.errors import DataError
from nps_kit.followup import (
    categorical_summary,
    explode_options,
    keep_top,
    multi_select_summary,
    parse_ratings,
    ratings_summary,
)
from nps_kit.stats import nps_interval


def frame(scores: list[int | None], **columns: list[object]) -> pd.DataFrame:
    data = pd.DataFrame({"nps_score": pd.array(scores, dtype="Int64"), **columns})
    data["nps_row"] = np.arange(2, len(data) + 2)
    return data


# --- categorical -------------------------------------------------------------------------------


@pytest.fixture
def heard() -> pd.DataFrame:
    return frame(
        [10, 9, 8, 3, 9, 6, 10, None],
        heard_about=["Web", "Web ", "Web", "TV", "TV", None, " 無回答 ", "Web"],
    )


def test_categorical_counts_shares_and_nps(heard: pd.DataFrame) -> None:
    table = categorical_summary(heard, "heard_about", min_report_n=1)
    assert table["answer"].tolist() == ["Web", "TV", None]
    assert table["n"].tolist() == [3, 2, 2]
    assert table["missing"].tolist() == [False, False, True]
    # 5 respondents answered: 3 promoters (10, 9, 9), 1 passive (8), 1 detractor (3)
    np.testing.assert_allclose(table["share"][:2], [60.0, 40.0])
    np.testing.assert_allclose(table["share_promoters"][:2], [200 / 3, 100 / 3])
    np.testing.assert_allclose(table["share_passives"][:2], [100.0, 0.0])
    np.testing.assert_allclose(table["share_detractors"][:2], [0.0, 100.0])
    np.testing.assert_allclose(table["nps"], [200 / 3, 0.0, 0.0])  # skippers: 6 and 10
    interval = nps_interval(2, 1, 0)
    assert table.loc[0, "ci_low"] == pytest.approx(interval.low)
    assert table.loc[0, "ci_high"] == pytest.approx(interval.high)
    assert table["small_sample"].all()
    assert not table["suppressed"].any()
    assert np.isnan(table.loc[2, "share"])


def test_categorical_keeps_na_and_none_as_answers() -> None:
    # QA22: "NA" is North America and "None" an answer ("none of these"); only words that
    # cannot be an answer (blank, N/A, -, 無回答) are no answer.
    data = frame([10, 9, 3, 8, 6, 10], region=["NA", "NA", "None", "NULL", "N/A", " - "])
    table = categorical_summary(data, "region", min_report_n=1)
    assert table["answer"].tolist() == ["NA", "NULL", "None", None]
    assert table["n"].tolist() == [2, 1, 1, 2]


def test_ratings_read_na_none_null_as_no_answer() -> None:
    values, invalid = parse_ratings(pd.Series(["NA", "None", "NULL", "nan", "4"]), scale=(1, 5))
    assert values.isna().tolist() == [True, True, True, True, False]
    assert not invalid.any()


def test_categorical_suppression_hides_segments_and_nps_but_keeps_share(
    heard: pd.DataFrame,
) -> None:
    table = categorical_summary(heard, "heard_about", min_report_n=3)
    tv = table.iloc[1]
    assert tv["answer"] == "TV"
    assert tv["suppressed"]
    assert tv["n"] == 2
    assert tv["share"] == pytest.approx(40.0)
    assert tv[["share_promoters", "share_passives", "share_detractors", "nps"]].isna().all()
    assert not table.iloc[0]["suppressed"]


def test_a_lone_hidden_answer_hides_the_next_smallest_too() -> None:
    # PRIV56: one answer per respondent, so the answers partition the respondents the headline
    # counts: Radio's promoters were the unit's minus Web's and TV's. TV (5) is hidden with it.
    data = frame(
        [10] * 4 + [3] * 2 + [9] * 3 + [0] * 2 + [10, 2],
        heard=["Web"] * 6 + ["TV"] * 5 + ["Radio"] * 2,
    )
    table = categorical_summary(data, "heard", min_report_n=5).set_index("answer", drop=False)
    assert table["suppressed"].tolist() == [False, True, True, True]  # the blank row: none
    assert table["complementary"].tolist() == [False, True, False, False]
    tv = table.loc["TV"]
    assert tv["n"] == 5 and tv["share"] == pytest.approx(500 / 13)
    assert tv[["share_promoters", "share_detractors", "nps", "ci_low"]].isna().all()
    assert table.loc["Web", "nps"] == pytest.approx(100 * 2 / 6)


def test_categorical_codes_map_to_labels() -> None:
    data = frame([10, 0, 9, 7], heard_about=[1, 2.0, "２", "Web"])
    table = categorical_summary(data, "heard_about", codes={1: "Web", 2: "TV"}, min_report_n=1)
    assert table["answer"].tolist() == ["TV", "Web", None]
    assert table["n"].tolist() == [2, 2, 0]


def test_categorical_unknown_code_names_code_column_and_row() -> None:
    data = frame([10, 0, 9], heard_about=[1, 3, 2])
    with pytest.raises(DataError) as caught:
        categorical_summary(data, "heard_about", codes={1: "Web", 2: "TV"})
    assert str(caught.value) == (
        "Unknown code '3' in column 'heard_about' at row 3; known codes: 1, 2. "
        "Add the code to 'codes' of the 'heard_about' follow-up or correct the data."
    )


def test_missing_column_suggests_the_closest() -> None:
    data = frame([10], heard_about=["Web"])
    with pytest.raises(DataError) as caught:
        categorical_summary(data, "heard_abuot")
    assert str(caught.value) == (
        "no column 'heard_abuot' (followups); columns: 'nps_score', 'heard_about', 'nps_row'. "
        "Did you mean 'heard_about'?"
    )


def test_categorical_ignores_rows_without_score(heard: pd.DataFrame) -> None:
    table = categorical_summary(heard, "heard_about", min_report_n=1)
    assert table["n"].sum() == heard["nps_score"].notna().sum()


# --- multi-select --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "separator"),
    [
        ("A;B", ";"),
        ("A；B", ";"),
        (" A ; B ;", ";"),
        ("A, B", ","),
        ("A、B", ","),
        ("A，B", ","),
        ("A、B", (";", ",")),
        ("A;B", (";", ",")),
    ],
)
def test_multi_select_separators(cell: str, separator: str | tuple[str, ...]) -> None:
    table = multi_select_summary(
        frame([10], used=[cell]), "used", separator=separator, min_report_n=1
    )
    assert table["option"].tolist() == ["A", "B", None]
    assert table["n"].tolist() == [1, 1, 0]


def test_multi_select_share_is_of_respondents_not_mentions() -> None:
    data = frame([10, 9, 0, 7, 5], used=["A;B", "A;A", "B;C", "A;B;C", None])
    table = multi_select_summary(data, "used", min_report_n=1)
    assert table["option"].tolist() == ["A", "B", "C", None]
    assert table["n"].tolist() == [3, 3, 2, 1]
    # 4 respondents answered, 8 mentions: A is 75 % of respondents (not 3/8 of mentions)
    np.testing.assert_allclose(table["share"][:3], [75.0, 75.0, 50.0])
    np.testing.assert_allclose(table["share_promoters"][:3], [100.0, 50.0, 0.0])
    np.testing.assert_allclose(table["share_passives"][:3], [100.0, 100.0, 100.0])
    np.testing.assert_allclose(table["share_detractors"][:3], [0.0, 100.0, 100.0])
    np.testing.assert_allclose(table["nps"], [200 / 3, 0.0, -50.0, -100.0])


def test_multi_select_qualtrics_codes() -> None:
    data = frame([10, 6, 8], channels=["1,3", "１，２", 3.0])
    codes = {1: "Website", 2: "App", 3: "Shop"}
    table = multi_select_summary(data, "channels", separator=",", codes=codes, min_report_n=1)
    assert table["option"].tolist() == ["Shop", "Website", "App", None]
    assert table["n"].tolist() == [2, 2, 1, 0]


def test_multi_select_unknown_codes_collects_every_failure() -> None:
    data = frame([10, 6, 8, 9], channels=["1", "1,7", "2", "9;1"])
    with pytest.raises(DataError) as caught:
        multi_select_summary(
            data, "channels", separator=(",", ";"), codes={1: "Website", 2: "App", 3: "Shop"}
        )
    assert str(caught.value) == (
        "Unknown code '7' in column 'channels' at row 3 (and 1 more); known codes: 1, 2, 3. "
        "Add the code to 'codes' of the 'channels' follow-up or correct the data."
    )
    expected = pd.DataFrame(
        {
            "row": [3, 5],
            "column": ["channels", "channels"],
            "value": ["7", "9"],
            "reason": ["unknown code", "unknown code"],
        }
    )
    pd.testing.assert_frame_equal(caught.value.failures, expected, check_dtype=False)


def test_multi_select_without_row_numbers_names_the_index() -> None:
    data = pd.DataFrame({"nps_score": [10, 6], "channels": ["1", "4"]}, index=[10, 11])
    with pytest.raises(DataError) as caught:
        multi_select_summary(data, "channels", codes={1: "Website"})
    assert str(caught.value) == (
        "Unknown code '4' in column 'channels' at index 11; known codes: 1. "
        "Add the code to 'codes' of the 'channels' follow-up or correct the data."
    )


def test_unknown_code_with_other_separator_suggests_the_separator() -> None:
    data = frame([10, 6], channels=["1", "1，3"])
    with pytest.raises(DataError) as caught:
        multi_select_summary(data, "channels", codes={1: "Website", 3: "Shop"})
    assert str(caught.value) == (
        "Unknown code '1，3' in column 'channels' at row 3; known codes: 1, 3. "
        "If '1，3' lists several codes, set 'separator' to ','; otherwise add the code to 'codes' "
        "of the 'channels' follow-up or correct the data."
    )


def test_multi_select_nobody_answered() -> None:
    table = multi_select_summary(frame([10, 3], used=[None, ""]), "used")
    assert table["option"].tolist() == [None]
    assert table["n"].tolist() == [2]
    assert table["missing"].tolist() == [True]


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(0, 10), st.lists(st.sampled_from(["A", "B", "C", "D"]), max_size=4)),
        min_size=1,
        max_size=40,
    )
)
def test_multi_select_share_property(rows: list[tuple[int, list[str]]]) -> None:
    data = frame([score for score, _ in rows], used=["; ".join(options) for _, options in rows])
    table = multi_select_summary(data, "used", min_report_n=1).set_index("option")
    answered = [set(options) for _, options in rows if options]
    for option in "ABCD":
        chosen = sum(option in options for options in answered)
        if chosen == 0:
            assert option not in table.index
            continue
        assert table.loc[option, "n"] == chosen
        assert table.loc[option, "share"] == pytest.approx(100 * chosen / len(answered))
    assert table["n"].iloc[-1] == len(rows) - len(answered)  # the missing row


# --- ratings -------------------------------------------------------------------------------------


def test_parse_ratings_separates_invalid_from_missing() -> None:
    raw = pd.Series([5, "４", "x", 7, None, "N/A", 3.0, " 2 ", 0])
    values, invalid = parse_ratings(raw, scale=(1, 5))
    np.testing.assert_array_equal(
        values.to_numpy(), [5, 4, np.nan, np.nan, np.nan, np.nan, 3, 2, np.nan]
    )
    assert invalid.tolist() == [False, False, True, True, False, False, False, False, True]


def test_ratings_summary_per_segment() -> None:
    data = frame(
        [10, 9, 8, 7, 3, 0, None],
        rating_delivery=[5, "４", "x", 3, 1, None, 5],
        rating_staff=[5, 5, 4, 4, 9, 2, 1],
    )
    table = ratings_summary(
        data, {"rating_delivery": "配送", "rating_staff": "スタッフ"}, min_report_n=0
    )
    expected = pd.DataFrame(
        {
            "attribute": ["rating_delivery"] * 4 + ["rating_staff"] * 4,
            "label": ["配送"] * 4 + ["スタッフ"] * 4,
            "segment": ["promoter", "passive", "detractor", "all"] * 2,
            "n": [2, 1, 1, 4, 2, 2, 1, 5],
            "mean": [4.5, 3.0, 1.0, 3.25, 5.0, 4.0, 2.0, 4.0],
            "invalid": [0, 1, 0, 1, 0, 0, 1, 1],
            "missing": [0, 0, 1, 1, 0, 0, 0, 0],
            "suppressed": [False] * 8,
        }
    )
    pd.testing.assert_frame_equal(table, expected)


def test_ratings_of_a_segment_under_the_anonymity_floor_show_only_its_size() -> None:
    # FIX43: under the floor (5) a group shows only its size: the mean rating of 4 detractors
    # was shown beside their n.
    data = frame([10] * 5 + [0] * 4, rating_price=[5] * 5 + [1, 2, 1, 2])
    table = ratings_summary(data, {"rating_price": "Price"}).set_index("segment")
    assert table.loc["detractor", "n"] == 4 and np.isnan(table.loc["detractor", "mean"])
    assert table.loc["detractor", "suppressed"] and not table.loc["promoter", "suppressed"]
    assert table.loc["promoter", "mean"] == 5.0 and table.loc["all", "mean"] == pytest.approx(
        31 / 9
    )
    assert table.loc["passive", "n"] == 0 and not table.loc["passive", "suppressed"]


def test_ratings_summary_empty_segment_has_nan_mean() -> None:
    table = ratings_summary(frame([10, 9], rating_price=[4, 2]), {"rating_price": "Price"})
    detractors = table[table["segment"] == "detractor"].iloc[0]
    assert detractors["n"] == 0
    assert np.isnan(detractors["mean"])


SATISFACTION = {
    "1": "Very dissatisfied",
    "2": "Dissatisfied",
    "3": "Neutral",
    "4": "Satisfied",
    "5": "Very satisfied",
}


def test_a_labelled_scale_is_read_as_its_points() -> None:
    raw = pd.Series(
        ["Very satisfied", "neutral ", "４", "Ｄｉｓｓａｔｉｓｆｉｅｄ", "Meh", None, "N/A"]
    )
    values, invalid = parse_ratings(raw, scale=(1, 5), codes=SATISFACTION)
    assert values.tolist()[:4] == [5.0, 3.0, 4.0, 2.0]
    assert values.isna().tolist() == [False, False, False, False, True, True, True]
    assert invalid.tolist() == [False, False, False, False, True, False, False]
    # Without its codes the same column has no valid rating but the digit.
    assert parse_ratings(raw, scale=(1, 5))[1].sum() == 4


def test_a_labelled_scale_reads_not_applicable_as_no_answer() -> None:
    raw = pd.Series(["Satisfied", "Not applicable", "利用していない", "Meh"])
    values, invalid = parse_ratings(raw, scale=(1, 5), codes=SATISFACTION)
    assert values.isna().tolist() == [False, True, True, True]
    # Not off the scale: the data-quality table would count them as answers left out.
    assert invalid.tolist() == [False, False, False, True]
    # Read without its codes, the labels are invalid, but not the answers that the question
    # did not apply: those are no answer on any scale.
    assert parse_ratings(raw, scale=(1, 5))[1].tolist() == [True, False, False, True]


def test_a_number_scale_reads_not_applicable_as_no_answer() -> None:
    # QA44: a hotel's 1–5 breakfast rating, 「該当なし」 for guests without breakfast, was
    # counted in the report's data quality as invalid ratings (尺度外・数値以外).
    raw = pd.Series(["4", "該当なし", "５", "N/A", "Not applicable", "わからない", "7", "x"])
    values, invalid = parse_ratings(raw, scale=(1, 5))
    assert values.fillna(-1).tolist() == [4, -1, 5, -1, -1, -1, -1, -1]
    assert invalid.tolist() == [False, False, False, False, False, False, True, True]


def test_an_answer_that_codes_give_a_point_is_read_as_it_whatever_its_words() -> None:
    # わからない as the midpoint of an agreement scale: init writes it into codes, and it was
    # read as "does not apply" all the same.
    codes = {"1": "そう思わない", "2": "あまりそう思わない", "3": "わからない",
             "4": "ややそう思う", "5": "そう思う"}  # fmt: skip
    raw = pd.Series(["そう思う", "わからない", "そう思わない", "利用していない"])
    values, invalid = parse_ratings(raw, scale=(1, 5), codes=codes)
    assert values.tolist()[:3] == [5.0, 3.0, 1.0]
    assert values.isna().tolist() == [False, False, False, True]
    assert not invalid.any()
    # Beside the scale (not in codes) it is still no answer, not an invalid one.
    del codes["3"]
    values, invalid = parse_ratings(raw, scale=(1, 5), codes=codes)
    assert values.isna().tolist() == [False, True, False, True]
    assert not invalid.any()


def test_ratings_summary_of_a_labelled_scale_matches_its_points() -> None:
    answers = ["Very satisfied", "Satisfied", "Neutral", "Dissatisfied", "Very dissatisfied"]
    data = frame([10, 9, 7, 3, 0], docs=answers)
    table = ratings_summary(data, {"docs": "Docs"}, codes={"docs": SATISFACTION}, min_report_n=0)
    means = table.set_index("segment")["mean"]
    assert means.to_dict() == {"promoter": 4.5, "passive": 3.0, "detractor": 1.5, "all": 3.0}
    assert table["invalid"].sum() == 0


def test_multi_select_with_100_one_off_options_shows_top_n_and_other() -> None:
    # Three common options, then 100 one-off "Other: ..." answers typed by respondents.
    cells = ["Reports;Alerts"] * 20 + ["Alerts"] * 10 + ["Dashboards"] * 5
    cells += [f"Reports;my own tool {i}" for i in range(100)]
    data = pd.DataFrame({"nps_score": [i % 11 for i in range(len(cells))], "used": cells})
    table = multi_select_summary(data, "used", top_n=3, other="Other", min_report_n=0)
    assert table["option"].tolist() == ["Reports", "Alerts", "Dashboards", "Other", None]
    assert table["n"].tolist() == [120, 30, 5, 100, 0]
    assert len(multi_select_summary(data, "used", min_report_n=0)) == 104


def test_keep_top_leaves_small_columns_alone() -> None:
    values = pd.Series(["a", "b", "b", None, "c"])
    assert keep_top(values, top_n=2).fillna("-").tolist() == ["a", "b", "b", "-", "c"]
    assert keep_top(values, top_n=1, other="その他").fillna("-").tolist() == [
        "その他",
        "b",
        "b",
        "-",
        "その他",
    ]
    assert keep_top(values, top_n=None) is values


def test_categorical_other_comes_after_the_answers() -> None:
    answers = ["Search"] * 6 + ["Friend"] * 4 + [f"Ad {i}" for i in range(8)]
    data = pd.DataFrame({"nps_score": [9] * len(answers), "heard": answers})
    table = categorical_summary(data, "heard", top_n=2, other="Other", min_report_n=0)
    assert table["answer"].tolist() == ["Search", "Friend", "Other", None]
    assert table["n"].tolist() == [6, 4, 8, 0]


def test_answers_spelt_in_another_width_or_case_are_one_answer() -> None:
    # FIX69: "Ｅメール" and "Eメール" were two answers to top_n (Ｅメール, the rarer spelling,
    # went to Other) and to a weighted share; units and breakdowns group them as one
    # (_value_key). The answer is shown as most of its rows spell it.
    data = pd.DataFrame(
        {
            "nps_score": [9, 9, 3, 7, 10, 2, 8, 5],
            "heard": ["Ｅメール", "Eメール", "Eメール", "Web", "web", "Eメール", "TV", "Radio"],
            "nps_weight": [1.0, 1.0, 1.0, 1.0, 1.0, 2.0, 1.0, 1.0],
        }
    )
    table = categorical_summary(data, "heard", top_n=2, other="Other", min_report_n=0)
    assert table["answer"].tolist() == ["Eメール", "Web", "Other", None]
    assert table["n"].tolist() == [4, 2, 2, 0]
    weighted = categorical_summary(data, "heard", weight="nps_weight", min_report_n=0)
    assert weighted["answer"].tolist()[:2] == ["Eメール", "Web"]
    assert weighted["share"].round(1).tolist()[:2] == [55.6, 22.2]  # 5 and 2 of 9


def test_a_respondent_choosing_two_spellings_of_an_option_counts_once() -> None:
    data = pd.DataFrame(
        {"nps_score": [9, 9, 3, 7], "used": ["Ｅメール;Eメール", "Eメール", "Eメール;WEB", "web"]}
    )
    table = multi_select_summary(data, "used", min_report_n=0)
    assert table["option"].tolist() == ["Eメール", "WEB", None]
    assert table["n"].tolist() == [3, 2, 0]
    assert table["share"].round(1).tolist()[:2] == [75.0, 50.0]


def test_explode_options_gives_each_option_its_respondents() -> None:
    data = pd.DataFrame({"used": ["Web; App", "App", None, "Web;Web"], "nps_score": [9, 3, 7, 10]})
    long = explode_options(data, "used")
    # A respondent who chose two options is in both groups; one who chose none stays, once.
    assert long["used"].fillna("-").tolist() == ["Web", "App", "App", "-", "Web"]
    assert long["nps_score"].tolist() == [9, 9, 3, 7, 10]
    assert long.index.tolist() == [0, 0, 1, 2, 3]


def test_explode_options_names_a_missing_column() -> None:
    with pytest.raises(DataError) as error:
        explode_options(pd.DataFrame({"used": ["A"]}), "usd")
    assert str(error.value) == "no column 'usd'; columns: 'used'. Did you mean 'used'?"


def test_a_rating_written_with_a_decimal_comma_reads_as_the_score_does() -> None:
    # FIX49: German Excel writes a 1-5 rating formatted 0,0 as 4,0; every answer was invalid
    # while the 0-10 score's 9,0 read as 9 (QA26 #4).
    values, invalid = parse_ratings(pd.Series(["4,0", "5,0", "1,0", "3,5", "6,0"]), scale=(1, 5))
    assert values.tolist()[:4] == [4.0, 5.0, 1.0, 3.5]
    assert invalid.tolist() == [False, False, False, False, True]
