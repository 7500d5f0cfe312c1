from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from nps_kit.drivers import (
    QUADRANTS,
    _with_thresholds,
    classify,
    key_drivers,
    quadrant_label,
    relative_weights,
)

COLUMNS = {
    "rating_staff": "Staff",
    "rating_delivery": "Delivery",
    "rating_price": "Price",
    "rating_website": "Website",
}


def planted(n: int = 300, seed: int = 1) -> pd.DataFrame:
    """Score driven by delivery; website correlates with delivery; staff and price are noise."""
    rng = np.random.default_rng(seed)
    delivery = rng.integers(1, 6, n)
    website = np.clip(delivery + rng.integers(-1, 2, n), 1, 5)
    data = pd.DataFrame(
        {
            "rating_staff": rng.integers(1, 6, n).astype(object),
            "rating_delivery": delivery.astype(object),
            "rating_price": rng.integers(1, 6, n).astype(object),
            "rating_website": website.astype(object),
        }
    )
    score = np.clip(np.rint(2.2 * delivery - 1.5 + rng.normal(0, 1.2, n)), 0, 10)
    data["nps_score"] = pd.array(score.astype(int), dtype="Int64")
    # Messy cells: blanks, invalid values and a missing score, so listwise != pairwise rows.
    data.loc[[3, 7], "rating_staff"] = None
    data.loc[[5], "rating_price"] = "N/A"
    data.loc[[11], "rating_website"] = 9
    data.loc[[13], "nps_score"] = pd.NA
    return data


@pytest.mark.parametrize("method", ["relative_weights", "correlation"])
def test_planted_driver_ranks_first(method: str) -> None:
    table = key_drivers(planted(), COLUMNS, method=method)  # type: ignore[arg-type]
    assert table["attribute"].iloc[0] == "rating_delivery"
    assert (table["method"] == method).all()
    # website only echoes delivery; staff and price are noise
    assert table["attribute"].iloc[1] == "rating_website"
    assert table["importance"].iloc[2:].abs().max() < 0.15 * table["importance"].iloc[0]


def test_relative_weights_sum_to_r_squared_of_ols() -> None:
    data = planted()
    table = key_drivers(data, COLUMNS)
    ratings = data[list(COLUMNS)].apply(pd.to_numeric, errors="coerce")
    ratings = ratings.where(ratings.ge(1) & ratings.le(5))
    complete = ratings.notna().all(axis=1) & data["nps_score"].notna()
    x = np.column_stack([np.ones(complete.sum()), ratings[complete].to_numpy(float)])
    y = data.loc[complete, "nps_score"].to_numpy(float)
    beta, *_ = np.linalg.lstsq(x, y, rcond=None)
    r_squared = 1 - np.sum((y - x @ beta) ** 2) / np.sum((y - y.mean()) ** 2)
    assert table["importance"].sum() == pytest.approx(r_squared, rel=1e-9)
    assert table["r_squared"].iloc[0] == pytest.approx(r_squared, rel=1e-9)
    assert (table["n"] == complete.sum()).all()
    assert (table["importance"] >= 0).all()


def test_relative_weights_of_uncorrelated_predictors_are_squared_correlations() -> None:
    # With orthogonal predictors Johnson's weights reduce to r² of each predictor.
    x = np.array([[1, 1], [1, -1], [-1, 1], [-1, -1]] * 5, dtype=float)
    y = np.array([3.0, 1.0, 0.5, -2.0] * 5) + np.tile([0.1, -0.1, 0.2, -0.2], 5)
    weights = relative_weights(x, y)
    r = [np.corrcoef(x[:, j], y)[0, 1] for j in range(2)]
    np.testing.assert_allclose(weights, np.square(r))


def test_correlation_is_pearson_on_pairwise_complete_rows() -> None:
    data = planted()
    table = key_drivers(data, COLUMNS, method="correlation").set_index("attribute")
    for column in COLUMNS:
        rating = pd.to_numeric(data[column], errors="coerce")
        rating = rating.where(rating.between(1, 5))
        both = rating.notna() & data["nps_score"].notna()
        expected = np.corrcoef(rating[both], data.loc[both, "nps_score"].astype(float))[0, 1]
        assert table.loc[column, "importance"] == pytest.approx(expected)
        assert table.loc[column, "n"] == both.sum()
        assert table.loc[column, "performance"] == pytest.approx(rating[both].mean())
    assert table["r_squared"].isna().all()


def test_falls_back_to_correlation_below_30_complete_rows() -> None:
    table = key_drivers(planted(n=29), COLUMNS)
    assert (table["method"] == "correlation").all()
    assert table["attribute"].iloc[0] == "rating_delivery"


def test_quadrants_follow_the_means_of_importance_and_performance() -> None:
    # the planted mean ratings lie within their margins of 3.0: none is above or below average
    assert key_drivers(planted(), COLUMNS)["quadrant"].tolist() == ["near_average"] * 4
    spread = planted()
    spread["rating_delivery"] = spread["rating_delivery"].where(spread.index % 2 == 0, 1)
    spread["rating_staff"] = spread["rating_staff"].where(spread.index % 2 == 0, 5)
    table = key_drivers(spread, COLUMNS)
    assert (table["quadrant"] != "near_average").sum() >= 2
    high_importance = table["importance"] >= table["importance"].mean()
    high_performance = table["performance"] >= table["performance"].mean()
    for row, imp, perf in zip(table.itertuples(), high_importance, high_performance, strict=True):
        if row.quadrant == "near_average":
            continue
        expected = {
            (True, False): "fix_first",
            (True, True): "keep_up",
            (False, False): "lower_priority",
            (False, True): "possible_overkill",
        }[(imp, perf)]
        assert row.quadrant == expected


def _quadrants(
    importance: pd.Series, performance: pd.Series, *, performance_margin: float = 0.0
) -> pd.Series:
    table = pd.DataFrame(
        {"importance": importance, "performance": performance, "performance_margin": 0.0}
    ).assign(performance_margin=performance_margin)
    return classify(_with_thresholds(table))


def test_quadrant_rule_on_explicit_values() -> None:
    importance = pd.Series([0.4, 0.3, 0.1, 0.0, np.nan])
    performance = pd.Series([2.0, 4.5, 2.5, 4.0, 3.0])
    # means over the four known rows: importance 0.2, performance 3.25
    assert _quadrants(importance, performance).tolist() == [
        "fix_first",
        "keep_up",
        "lower_priority",
        "possible_overkill",
        pd.NA,
    ]


def test_a_hairs_difference_earns_no_quadrant() -> None:
    importance = pd.Series([0.40, 0.30, 0.10, 0.0, 0.205])
    performance = pd.Series([2.0, 4.5, 2.5, 4.0, 3.25])
    # 3.19 against a 3.18 mean on a 1–5 scale is average, not "possible overkill"
    assert _quadrants(importance, performance, performance_margin=0.2).tolist() == [
        "fix_first",
        "keep_up",
        "lower_priority",
        "possible_overkill",
        "near_average",
    ]
    close = pd.Series([3.19, 3.18, 3.17])
    assert (
        _quadrants(pd.Series([0.5, 0.1, 0.2]), close, performance_margin=0.2).tolist()
        == ["near_average"] * 3
    )


def test_constant_rating_has_no_importance() -> None:
    data = planted()
    data["rating_price"] = 3
    table = key_drivers(data, COLUMNS).set_index("attribute")
    assert np.isnan(table.loc["rating_price", "importance"])
    assert pd.isna(table.loc["rating_price", "quadrant"])
    assert table.loc["rating_price", "performance"] == 3.0
    assert table["importance"].sum() == pytest.approx(table["r_squared"].iloc[0])


@pytest.mark.parametrize(
    ("quadrant", "ja", "en"),
    [
        ("fix_first", "最優先で改善", "fix first"),
        ("keep_up", "強みを維持", "keep up"),
        ("lower_priority", "優先度低", "lower priority"),
        ("possible_overkill", "過剰品質の可能性", "possible overkill"),
    ],
)
def test_quadrant_labels(quadrant: str, ja: str, en: str) -> None:
    assert quadrant in QUADRANTS
    assert quadrant_label(quadrant, "ja") == ja
    assert quadrant_label(quadrant, "en") == en


def test_unknown_quadrant_or_method() -> None:
    with pytest.raises(ValueError) as caught:
        quadrant_label("fix", "ja")
    assert str(caught.value) == (
        "quadrant must be one of fix_first, keep_up, lower_priority, possible_overkill, "
        "near_average and "
        "lang 'ja' or 'en', got quadrant='fix', lang='ja'"
    )
    with pytest.raises(ValueError) as caught:
        key_drivers(planted(), COLUMNS, method="shapley")  # type: ignore[arg-type]
    assert str(caught.value) == (
        "method must be 'relative_weights' or 'correlation', got 'shapley'"
    )


def test_demo_units_planted_drivers(repo_root: Path) -> None:
    demo = repo_root / "data" / "demo_responses.csv.gz"
    if not demo.exists():
        pytest.skip("demo dataset not generated yet (make data)")
    from nps_kit.load import load_responses

    data = load_responses(demo, score_column="score").data
    columns = {c: c.removeprefix("rating_") for c in data.columns if c.startswith("rating_")}
    for unit, driver in [
        ("EC事業部", "rating_delivery"),
        ("Cloud Platform", "rating_support_speed"),
    ]:
        for method in ("relative_weights", "correlation"):
            table = key_drivers(data[data["business_unit"] == unit], columns, method=method)
            assert table["method"].iloc[0] == method
            assert table["attribute"].iloc[0] == driver


def test_a_labelled_scale_drives_like_its_points() -> None:
    # "Very satisfied" … read through the question's codes: the same drivers as the digits.
    codes = {"1": "Very poor", "2": "Poor", "3": "Neutral", "4": "Good", "5": "Very good"}
    data = planted()
    labelled = data.assign(rating_delivery=data["rating_delivery"].map(lambda p: codes[str(p)]))
    columns = {c: c for c in ("rating_staff", "rating_delivery", "rating_price")}
    expected = key_drivers(data, columns)
    found = key_drivers(labelled, columns, codes={"rating_delivery": codes})
    pd.testing.assert_frame_equal(found, expected)
