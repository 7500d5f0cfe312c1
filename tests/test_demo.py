"""Tests for the demo dataset generator (nps_kit.demo).

The file is parsed with plain pandas here (not nps_kit.load), so these tests pin the dataset
itself: its bytes, its schema and the effects planted in it. One test runs the loader and the
key-driver analysis on it, as a demo report does, to pin the driver story a manager sees.
"""

from __future__ import annotations

import dataclasses
import gzip
import hashlib
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from nps_kit import demo
from nps_kit.demo._text import THEMES, TextMaker
from nps_kit.drivers import Method, key_drivers
from nps_kit.load import load_responses

COMMITTED = Path(__file__).resolve().parent.parent / "data" / "demo_responses.csv.gz"
EXPECTED_COLUMNS = [
    "response_id",
    "submitted_at",
    "business_unit",
    "score",
    "channel",
    "plan",
    "region",
    "tenure",
    "heard_about",
    "used_features",
    "rating_staff",
    "rating_website",
    "rating_delivery",
    "rating_price",
    "rating_support_speed",
    "comment",
    "improvement",
    "contact_ok",
]
UNIT_NAMES = {"EC事業部", "店舗事業部", "保険サービス部", "Cloud Platform", "Retail Banking"}
MISSING_TOKENS = {"", "無回答", "N/A", "-"}
JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> tuple[bytes, bytes]:
    folder = tmp_path_factory.mktemp("demo")
    first = demo.write_demo(folder / "a" / "demo.csv.gz").read_bytes()
    second = demo.write_demo(folder / "b.csv.gz").read_bytes()
    return first, second


@pytest.fixture(scope="module")
def frame() -> pd.DataFrame:
    """The committed file, every cell as text, blanks as empty strings."""
    df = pd.read_csv(COMMITTED, dtype=str, keep_default_na=False)
    numeric = pd.to_numeric(df["score"], errors="coerce")
    valid = numeric.where(numeric.isin(list(range(11))))
    df["_score"] = valid
    df["_month"] = df["submitted_at"].str[:7]
    df["_segment"] = pd.cut(valid, [-1, 6, 8, 10], labels=["detractor", "passive", "promoter"])
    return df


def nps(scores: pd.Series) -> float:
    valid = scores.dropna()
    return float(100 * ((valid >= 9).mean() - (valid <= 6).mean()))


# --- bytes -------------------------------------------------------------------------------------


def test_two_writes_give_the_same_bytes(written: tuple[bytes, bytes]) -> None:
    first, second = written
    assert hashlib.sha256(first).hexdigest() == hashlib.sha256(second).hexdigest()


def test_committed_file_is_what_the_code_writes(written: tuple[bytes, bytes]) -> None:
    committed = COMMITTED.read_bytes()
    # Compare the CSV first so a failure says whether the data or only the compression differs.
    assert gzip.decompress(written[0]) == gzip.decompress(committed), (
        "data/demo_responses.csv.gz is stale: run python -m nps_kit.demo data/demo_responses.csv.gz"
    )
    assert written[0] == committed


def test_gzip_header_has_no_name_and_no_time(written: tuple[bytes, bytes]) -> None:
    header = written[0][:10]
    assert header[:2] == b"\x1f\x8b"
    assert header[3] & 0x08 == 0  # FNAME flag
    assert header[4:8] == b"\x00\x00\x00\x00"  # MTIME


def test_file_is_small(written: tuple[bytes, bytes]) -> None:
    assert len(written[0]) < 3_000_000


def test_demo_frame_is_the_file_content(written: tuple[bytes, bytes]) -> None:
    csv = demo.demo_frame().to_csv(index=False, lineterminator="\n").encode("utf-8")
    assert csv == gzip.decompress(written[0])


@pytest.mark.parametrize(
    ("language", "names"),
    [
        ("en", {"Cloud Platform", "Retail Banking"}),
        ("ja", {"EC事業部", "店舗事業部", "保険サービス部"}),
    ],
)
def test_a_language_s_demo_is_its_units_rows_unchanged(
    tmp_path: Path, frame: pd.DataFrame, language: str, names: set[str]
) -> None:
    """INIT43: init --language en wrote the whole file, so its example reported EC事業部.

    The rows of the language's units as the whole demo has them, but for their free-text
    answers in the other language (a tenth), left blank.
    """
    path = demo.write_demo(tmp_path / "demo.csv.gz", language=language)  # type: ignore[arg-type]
    part = pd.read_csv(path, dtype=str, keep_default_na=False)
    whole = frame.loc[frame["business_unit"].isin(names), EXPECTED_COLUMNS].reset_index(drop=True)
    assert set(part["business_unit"]) == names
    texts = ["comment", "improvement"]
    pd.testing.assert_frame_equal(part.drop(columns=texts), whole.drop(columns=texts))
    for column in texts:
        kept = part[column] != ""
        assert (part.loc[kept, column] == whole.loc[kept, column]).all()
        blanked = whole.loc[whole[column].ne("") & ~kept, column]
        japanese = blanked.str.contains(JAPANESE)
        assert (japanese if language == "en" else ~japanese).mean() > 0.99
        assert 0.05 < len(blanked) / whole[column].ne("").sum() < 0.15


def test_main_writes_the_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out.csv.gz"
    assert demo.main([str(out)]) == 0
    assert out.read_bytes() == COMMITTED.read_bytes()
    assert capsys.readouterr().out.strip() == str(out)


@pytest.mark.parametrize("argv", [[], ["a.csv.gz", "b.csv.gz"], ["--help"]])
def test_main_usage_error(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert demo.main(argv) == 2
    assert capsys.readouterr().err == (
        "usage: python -m nps_kit.demo OUT  (e.g. data/demo_responses.csv.gz)\n"
    )


# --- schema ------------------------------------------------------------------------------------


def test_columns_follow_the_contract(frame: pd.DataFrame) -> None:
    assert list(demo.DEMO_COLUMNS) == EXPECTED_COLUMNS
    assert [c for c in frame.columns if not c.startswith("_")] == EXPECTED_COLUMNS


def test_row_count_and_ids(frame: pd.DataFrame) -> None:
    assert 28_000 <= len(frame) <= 32_000
    expected = [f"R{i:06d}" for i in range(1, len(frame) + 1)]
    assert frame["response_id"].tolist() == expected


def test_dates_cover_18_months_in_order(frame: pd.DataFrame) -> None:
    stamps = pd.to_datetime(frame["submitted_at"], format="%Y-%m-%d %H:%M:%S")
    assert stamps.min() >= pd.Timestamp("2025-05-01")
    assert stamps.max() < pd.Timestamp("2026-11-01")
    assert stamps.is_monotonic_increasing
    assert sorted(frame["_month"].unique()) == list(demo.DEMO_MONTHS)
    assert demo.DEMO_MONTHS[0] == "2025-05"
    assert demo.DEMO_MONTHS[-1] == "2026-10"
    assert len(demo.DEMO_MONTHS) == 18


def test_units(frame: pd.DataFrame) -> None:
    assert set(frame["business_unit"]) == UNIT_NAMES
    assert [u.unit for u in demo.DEMO_UNITS] == ["ec", "stores", "insurance", "cloud", "banking"]
    assert {u.name for u in demo.DEMO_UNITS} == UNIT_NAMES
    assert {u.name: u.language for u in demo.DEMO_UNITS} == {
        "EC事業部": "ja",
        "店舗事業部": "ja",
        "保険サービス部": "ja",
        "Cloud Platform": "en",
        "Retail Banking": "en",
    }


def test_demo_unit_is_frozen_and_reports_its_trend() -> None:
    ec = demo.DEMO_UNITS[0]
    assert ec.trend == ec.nps_end - ec.nps_start == 13.0
    with pytest.raises(dataclasses.FrozenInstanceError):
        ec.nps_end = 0.0  # type: ignore[misc]


def test_volumes_differ_by_unit(frame: pd.DataFrame) -> None:
    per_month = frame.groupby(["business_unit", "_month"]).size().unstack()
    assert per_month.loc["保険サービス部"].between(40, 60).all()
    assert (per_month.loc["EC事業部"] > per_month.loc["Cloud Platform"]).all()
    assert per_month.loc["EC事業部"].std() > 0  # month-to-month variation, not a constant


# --- planted effects ---------------------------------------------------------------------------


@pytest.mark.parametrize("unit", demo.DEMO_UNITS, ids=lambda u: u.unit)
def test_planted_level_and_trend(frame: pd.DataFrame, unit: demo.DemoUnit) -> None:
    rows = frame[frame["business_unit"] == unit.name]
    first = nps(rows.loc[rows["_month"].isin(demo.DEMO_MONTHS[:3]), "_score"])
    last = nps(rows.loc[rows["_month"].isin(demo.DEMO_MONTHS[-3:]), "_score"])
    if unit.trend > 0:
        assert last - first > 5
    elif unit.trend < 0:
        assert last - first < -5
    else:
        assert abs(last - first) < 10
    overall = nps(rows["_score"])
    tolerance = 10 if len(rows) < 2000 else 5
    assert abs(overall - (unit.nps_start + unit.nps_end) / 2) < tolerance
    if unit.language == "ja":
        assert max(first, last, overall) < 0
    if unit.unit == "cloud":
        assert min(first, last) > 15


@pytest.mark.parametrize("unit", demo.DEMO_UNITS, ids=lambda u: u.unit)
def test_driver_rating_correlates_most_with_the_score(
    frame: pd.DataFrame, unit: demo.DemoUnit
) -> None:
    rows = frame[frame["business_unit"] == unit.name]
    corr = {c: pd.to_numeric(rows[c]).corr(rows["_score"]) for c in demo.RATINGS}
    assert max(corr, key=lambda c: corr[c]) == unit.driver
    assert min(corr.values()) > 0.1  # every rating goes with the score


# Where the driver is planted as a weakness (matters most, rated worst) or a strength.
DRIVER_QUADRANT = {"ec": "fix_first", "stores": "fix_first", "cloud": "keep_up"}


@pytest.mark.parametrize(
    "unit", [u for u in demo.DEMO_UNITS if u.unit in DRIVER_QUADRANT], ids=lambda u: u.unit
)
def test_driver_rating_is_a_weakness_or_a_strength(
    frame: pd.DataFrame, unit: demo.DemoUnit
) -> None:
    rows = frame[frame["business_unit"] == unit.name]
    means = {c: pd.to_numeric(rows[c]).mean() for c in demo.RATINGS}
    gap = means[unit.driver] - np.mean(list(means.values()))
    if DRIVER_QUADRANT[unit.unit] == "fix_first":
        assert gap < -0.1
        assert min(means, key=lambda c: means[c]) == unit.driver
    else:
        assert gap > 0.1


@pytest.mark.parametrize("method", ["relative_weights", "correlation"])
def test_key_drivers_find_the_planted_driver_and_quadrant(method: Method) -> None:
    data = load_responses(COMMITTED, score_column="score", date_column="submitted_at").data
    for unit in demo.DEMO_UNITS:
        rows = data[data["business_unit"] == unit.name]
        table = key_drivers(rows, {c: c for c in demo.RATINGS}, method=method)
        assert (table["method"] == method).all()
        assert table["attribute"].iloc[0] == unit.driver, unit.unit
        if unit.unit in DRIVER_QUADRANT:
            assert table["quadrant"].iloc[0] == DRIVER_QUADRANT[unit.unit], unit.unit


def test_phone_channel_is_worse_in_every_unit(frame: pd.DataFrame) -> None:
    for name, rows in frame.groupby("business_unit"):
        phone = rows["channel"].isin(["電話", "Phone"])
        assert phone.any(), name
        assert nps(rows.loc[phone, "_score"]) < nps(rows.loc[~phone, "_score"]) - 10, name


def test_plan_and_tenure_differ(frame: pd.DataFrame) -> None:
    by_plan = frame.groupby("plan")["_score"].apply(nps)
    assert by_plan["プレミアム"] > by_plan["ライト"] + 10
    assert by_plan["Premium"] > by_plan["Basic"] + 10
    by_tenure = frame.groupby("tenure")["_score"].apply(nps)
    assert by_tenure["5年以上"] > by_tenure["1年未満"] + 10
    assert by_tenure["5+ years"] > by_tenure["Less than 1 year"] + 10


def test_rare_regions_give_small_samples(frame: pd.DataFrame) -> None:
    insurance = frame[frame["business_unit"] == "保険サービス部"]
    assert 0 < (insurance["region"] == "沖縄").sum() < 30
    share = frame["region"].value_counts(normalize=True)
    assert share["沖縄"] < 0.02
    assert share["Alaska & Hawaii"] < 0.04


# --- messy scores ------------------------------------------------------------------------------


def test_about_one_percent_missing(frame: pd.DataFrame) -> None:
    missing = frame["score"].isin(MISSING_TOKENS)
    assert 0.006 < missing.mean() < 0.014
    assert set(frame.loc[missing, "score"]) == MISSING_TOKENS


def test_messy_but_valid_scores(frame: pd.DataFrame) -> None:
    clean = frame["score"].str.fullmatch(r"[0-9]{1,2}")
    messy = frame.loc[~clean & ~frame["score"].isin(MISSING_TOKENS), "score"]
    assert messy.str.fullmatch(r"(10|\d)点").any()
    assert messy.str.fullmatch(r"[０-９]{1,2}").any()
    assert messy.str.fullmatch(r" \d{1,2} ").any()
    assert (messy == "10 - Extremely likely").any()


def test_a_few_invalid_scores(frame: pd.DataFrame) -> None:
    invalid = frame["score"].isin(["11", "12", "abc", "7.5"])
    assert 10 <= invalid.sum() <= 0.003 * len(frame)
    assert {"abc", "7.5"} <= set(frame.loc[invalid, "score"])
    assert frame["score"].isin(["11", "12"]).any()


# --- follow-up questions -----------------------------------------------------------------------


def test_ratings_are_1_to_5_with_some_blanks(frame: pd.DataFrame) -> None:
    for column in demo.RATINGS:
        assert set(frame[column]) == {"", "1", "2", "3", "4", "5"}, column
        assert 0.03 < (frame[column] == "").mean() < 0.07, column


def test_multi_select_has_one_to_three_distinct_options(frame: pd.DataFrame) -> None:
    options = frame["used_features"].str.split(";")
    assert options.str.len().between(1, 3).all()
    assert (options.str.len() == 3).any()
    assert (options.apply(lambda o: len(set(o))) == options.str.len()).all()


def test_heard_about_is_categorical(frame: pd.DataFrame) -> None:
    assert frame["heard_about"].ne("").all()
    assert 5 <= frame.groupby("business_unit")["heard_about"].nunique().min() <= 8


def test_contact_ok_language_and_detractors_say_yes_more(frame: pd.DataFrame) -> None:
    ja = frame["business_unit"].isin(["EC事業部", "店舗事業部", "保険サービス部"])
    assert set(frame.loc[ja, "contact_ok"]) == {"はい", "いいえ", ""}
    assert set(frame.loc[~ja, "contact_ok"]) == {"Yes", "No", ""}
    yes = frame["contact_ok"].isin(["はい", "Yes"])
    by_segment = yes.groupby(frame["_segment"], observed=True).mean()
    assert by_segment["detractor"] > by_segment["promoter"] + 0.1


# --- free text ---------------------------------------------------------------------------------


def test_comment_and_improvement_fill_rates(frame: pd.DataFrame) -> None:
    assert 0.2 < (frame["comment"] == "").mean() < 0.3
    assert 0.35 < (frame["improvement"] != "").mean() < 0.45


@pytest.mark.parametrize("unit", demo.DEMO_UNITS, ids=lambda u: u.unit)
def test_comment_language_follows_the_unit(frame: pd.DataFrame, unit: demo.DemoUnit) -> None:
    comments = frame.loc[
        (frame["business_unit"] == unit.name) & (frame["comment"] != ""), "comment"
    ]
    japanese = comments.str.contains(JAPANESE).mean()
    if unit.language == "ja":
        assert 0.83 < japanese < 0.97
    else:
        assert 0.03 < japanese < 0.17


def test_theme_mix_differs_by_unit(frame: pd.DataFrame) -> None:
    def share(name: str, pattern: str) -> float:
        rows = frame[(frame["business_unit"] == name) & (frame["_segment"] == "detractor")]
        return float(rows["comment"].str.contains(pattern).mean())

    delivery = "配送|届|梱包"
    assert share("EC事業部", delivery) > 2 * share("店舗事業部", delivery)
    staff = "店員|スタッフ"
    assert share("店舗事業部", staff) > 2 * share("EC事業部", staff)
    assert share("保険サービス部", "電話") > 2 * share("EC事業部", "電話")
    assert share("Retail Banking", "[Ff]ees") > 0.05
    assert share("Cloud Platform", "[Cc]hat|[Tt]icket|[Ss]upport") > 0.15


def test_promoters_praise_and_detractors_complain(frame: pd.DataFrame) -> None:
    ec = frame[frame["business_unit"] == "EC事業部"]
    late = ec["comment"].str.contains("遅すぎ|届かず")
    assert late[ec["_segment"] == "detractor"].mean() > 0.03
    assert not late[ec["_segment"] == "promoter"].any()


def test_colloquial_variety(frame: pd.DataFrame) -> None:
    text = frame["comment"] + frame["improvement"]
    assert text.str.contains("悪くない").any()
    assert text.str.contains("[０-９Ａ-Ｚａ-ｚ]").any()  # full-width letters or digits
    assert text.str.contains("[😊👍😡🙏]").any()
    assert text.str.contains("recieve|realy|suport|teh |waitted|anwser").any()
    lengths = frame.loc[frame["comment"] != "", "comment"].str.len()
    assert lengths.min() <= 5
    assert lengths.quantile(0.99) >= 60


def test_personal_data_for_redaction(frame: pd.DataFrame) -> None:
    comments = frame["comment"]
    emails = comments.str.extractall(r"([\w.+-]+@[\w.-]+\.[a-z]+)")[0]
    assert 0.005 < comments.str.contains("@").mean() < 0.02
    assert emails.str.fullmatch(r".+@(\w+\.)?example\.(com|jp|net|org)").all()
    assert comments.str.contains(r"0\d0-\d{4}-\d{4}").any()
    assert comments.str.contains(r"0\d-\d{4}-\d{4}").any()
    assert comments.str.contains(r"\+1 \(555\) \d{3}-\d{4}").any()
    phone = r"0\d{1,2}-\d{4}-\d{4}|555|０９０"
    assert 0.005 < comments.str.contains(phone).mean() < 0.02
    assert comments.str.contains("〒1").any()
    assert frame["improvement"].str.contains("@|555|0\\d0-").any()


def test_html_specials_for_escaping(frame: pd.DataFrame) -> None:
    comments = frame["comment"]
    assert 1 <= comments.str.contains("<script>alert(1)</script>", regex=False).sum() <= 3
    assert comments.str.contains("<b>", regex=False).any()
    for special in ("<", "&", '"'):
        assert comments.str.contains(special, regex=False).sum() >= 5, special
    assert comments.str.contains("\n").any()  # quoted multi-line cells


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_every_analysis_theme_has_phrases(lang: str) -> None:
    makers = [TextMaker(unit.unit) for unit in demo.DEMO_UNITS]
    for tone in ("n", "p", "i"):
        covered = np.max([maker.available(lang, tone) for maker in makers], axis=0)
        assert covered.tolist() == [1.0] * len(THEMES), (tone, lang)
