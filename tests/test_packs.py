from __future__ import annotations

import pandas as pd
import pytest

from nps_kit.strategy import load_playbook
from nps_kit.text import PACKS, best_pack, coverage, load_pack, pack_files

# TAXONOMY.md: the theme ids of every pack, in order.
IDS = {
    "retail": [
        "usability", "checkout", "delivery", "phone", "chat", "email", "staff", "price",
        "quality", "returns", "faq", "communication",
    ],
    "saas": [
        "usability", "performance", "reliability", "features", "support", "docs", "price",
        "integrations", "onboarding", "communication",
    ],
    "finance": [
        "staff", "phone", "usability", "price", "claims", "speed", "branch", "trust", "products",
        "communication",
    ],
    "generic": ["service", "staff", "price", "quality", "usability", "speed", "communication"],
}  # fmt: skip


@pytest.mark.parametrize("pack", PACKS)
def test_pack_theme_ids_and_playbook(pack: str) -> None:
    book = load_pack(pack)
    assert book.ids == IDS[pack]
    playbook = load_playbook(pack_files(pack)[1], themes=book.ids)
    # every theme has advice for detractors, in both languages
    for theme in book.ids:
        actions = playbook.themes[theme].detractor
        assert actions and all(a.ja and a.en for a in actions)


def test_coverage_counts_answered_comments_only() -> None:
    texts = pd.Series(["配送が遅い", "特になし", None, "Great people", "the app crashes"])
    # 特になし and the missing value are not comments; "Great people" names no retail theme
    assert coverage(texts, load_pack("retail")) == pytest.approx(100 * 2 / 3)


def test_best_pack_picks_the_domain() -> None:
    saas = pd.Series(["The API keeps timing out", "docs are outdated", "love the integrations"])
    assert best_pack(saas) == ("saas", pytest.approx(100.0))
    bank = pd.Series(["ATMの手数料が高い", "保険金の請求が面倒", "支店の窓口が混んでいる"])
    assert best_pack(bank).pack == "finance"


def test_a_domain_pack_must_show_its_domain_to_beat_generic() -> None:
    """A hotel survey: finance tags "location" (branches) and fees, generic tags more, and no
    second finance-only theme (claims, trust, products) appears: it is not a bank."""
    hotel = pd.Series(
        [
            "Lovely room and the front desk staff were so friendly",
            "Great location near the station, will be back",
            "Overpriced for what you get",
            "Room wasn't ready until 5pm, waited ages at reception",
            "Breakfast was cold and the coffee awful",
            "Check-in was quick and easy",
            "Charged twice and still waiting for the refund",
            "Near the airport, handy for an early flight",
            "Location was perfect for the conference",
            "Good location, walkable to everything",
            "We come every year for the festival",
        ]
    )
    # finance tags 8 of 11 (fees, waits, three "location" as branches), generic 9 of 11: under
    # the 10-point margin, but branches is finance's only own theme here
    assert best_pack(hotel).pack == "generic"
