"""Ordinal group labels keep their order; `order:` from the parameters wins."""

from __future__ import annotations

import pytest

from nps_kit.ordinal import group_order, ordinal_order


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
