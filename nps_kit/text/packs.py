"""Theme packs: themes and playbook for one kind of business, shipped inside the package.

A pack is a themes file plus a playbook file (``nps_kit/resources/packs/<pack>/``; the
``retail`` pack is today's default files ``nps_kit/resources/themes.yaml`` and
``playbook.yaml``, theme ids unchanged). A unit chooses its pack with ``themes: <pack>`` in its
parameters; a path to a custom themes YAML file works as before, and one that starts with
``extends: <pack>`` adds its words to the pack, keeping the pack's learned layers and playbook
(:func:`nps_kit.text.load_themes`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import NamedTuple

import numpy as np
import pandas as pd

from nps_kit.errors import ConfigError, closest
from nps_kit.text.themes import ThemeBook, load_themes

__all__ = ["PACKS", "PackFit", "best_pack", "coverage", "load_pack", "pack_files"]

#: The shipped packs (see TAXONOMY in the README): retail & e-commerce, software/SaaS,
#: banking & insurance, any other service, restaurants & food service, freight & logistics.
PACKS: tuple[str, ...] = ("retail", "saas", "finance", "generic", "food", "logistics")


def pack_files(pack: str) -> tuple[Path, Path]:
    """Return the themes file and the playbook file of a shipped pack.

    Parameters
    ----------
    pack
        One of :data:`PACKS`.

    Returns
    -------
    tuple of pathlib.Path
        ``(themes.yaml, playbook.yaml)``.

    Raises
    ------
    ConfigError
        If ``pack`` is not a shipped pack; the message lists them.
    """
    if pack not in PACKS:
        suggestion = closest(pack, list(PACKS))
        raise ConfigError(
            f"unknown theme pack {pack!r}; expected one of {', '.join(PACKS)} "
            "or the path of a themes YAML file.",
            hint=f"Did you mean {suggestion!r}?" if suggestion else None,
            key="themes",
        )
    root = Path(str(resources.files("nps_kit") / "resources"))
    if pack == "retail":
        return root / "themes.yaml", root / "playbook.yaml"
    return root / "packs" / pack / "themes.yaml", root / "packs" / pack / "playbook.yaml"


def load_pack(pack: str) -> ThemeBook:
    """Load the themes of a shipped pack.

    Parameters
    ----------
    pack
        One of :data:`PACKS`.

    Returns
    -------
    ThemeBook
        The pack's compiled themes.

    Raises
    ------
    ConfigError
        If ``pack`` is not a shipped pack.
    """
    return load_themes(pack_files(pack)[0])


def _comments(texts: Iterable[str | None]) -> pd.Series:
    """Return comments given as a Series, list, tuple or any other iterable as a Series."""
    if isinstance(texts, pd.Series):
        return texts
    if isinstance(texts, str):
        # A string is an iterable of characters: one comment is almost surely meant.
        raise TypeError(
            "texts: expected comments (a pandas Series, list or tuple of str); found one str: "
            "pass [text]"
        )
    return pd.Series(list(texts), dtype=object)


def coverage(texts: Iterable[str | None], book: ThemeBook) -> float:
    """Return the percentage of answered comments that mention at least one theme of ``book``.

    ``texts`` is a Series or any sequence of comments (``None`` = no comment). NaN when no
    comment says something (:func:`nps_kit.text.answered`).
    """
    from nps_kit.text.themes import tag_themes
    from nps_kit.text.tokens import answered

    texts = _comments(texts)
    said = texts[answered(texts).to_numpy(dtype=bool)]
    if said.empty:
        return float("nan")
    tagged = tag_themes(said, book).fillna(False).to_numpy(dtype=bool).any(axis=1)
    return 100.0 * float(np.mean(tagged))


class PackFit(NamedTuple):
    """The pack that tags most comments (see :func:`best_pack`)."""

    pack: str
    coverage: float


# The generic pack's broad themes (service, quality, speed) tag some comments of any domain, so a
# domain pack is preferred unless generic covers this many percentage points more.
_GENERIC_MARGIN = 10.0
# When generic covers more at all, a domain pack must show its domain: this many of its own
# themes (those generic lacks: delivery, claims, reliability…) each tag this share of comments.
# A hotel's "location near the station" is one finance theme (branches), not a bank.
_DOMAIN_THEMES = 2
_DOMAIN_SHARE = 2.0
#: Words that say which domain a comment is about, per domain pack: a domain pack is chosen only
#: for comments that talk of its domain at all (:data:`DOMAIN_MARKER_SHARE`). Its themes alone
#: do not show it: a bike shop's "Harbour Road branch" and "products" are finance themes, and
#: finance tagged its comments a little more than generic did (QA18), so the report advised on
#: online banking. On the labelled sets (55-85 comments per pack and set) a pack's own words are
#: in 9-51 % of its comments, another pack's mostly under 10 %.
DOMAIN_MARKERS: dict[str, re.Pattern[str]] = {
    "retail": re.compile(
        r"\b(?:orders?|ordered|deliver(?:y|ies|ed)|shipping|shipped|parcels?|couriers?|checkout"
        r"|basket|cart|refunds?|refunded|returns?|returned|in stock|out of stock|stores?|shops?"
        r"|shopping|tills?|purchases?|purchased)\b"
        r"|注文|配送|発送|届|送料|返品|商品|店舗|在庫|レジ|通販|購入|買",
        re.IGNORECASE,
    ),
    "saas": re.compile(
        r"\b(?:apps?|software|platform|apis?|log ?in|bugs?|buggy|features?|integrations?"
        r"|integrates?|dashboard|sync|syncing|subscriptions?|saas|tools?|ui|ux|crash(?:es|ed)?"
        r"|downtime|outages?|users?|workspace|export|import)\b"
        r"|ソフト|アプリ|機能|ログイン|バグ|連携|画面|システム|クラウド|ツール|API|UI",
        re.IGNORECASE,
    ),
    "finance": re.compile(
        r"\b(?:banks?|banking|accounts?|loans?|mortgages?|insurance|insurers?|insured|premiums?"
        r"|polic(?:y|ies)|claims?|interest|savings|transfers?|payouts?|adviser|advisor|pension"
        r"|credit|debit|overdraft|atms?|isa|broker|cover|covered|excess)\b"
        r"|口座|銀行|保険|融資|ローン|金利|振込|振り込み|手数料|契約|補償|保障|証券|年金|ATM|カード",
        re.IGNORECASE,
    ),
    "food": re.compile(
        r"\b(?:restaurants?|caf[eé]s?|diners?|bistro|pubs?|bars?|takeaways?|take-?out|foods?|meals?"
        r"|menus?|dish(?:es)?|waiters?|waitress(?:es)?|burgers?|pizzas?|coffees?|lattes?|lunch"
        r"|dinner|breakfast|brunch|chips|fries|starters?|mains|desserts?|chefs?|kitchen|drive-?thru"
        r"|deliveroo|uber ?eats|doordash|just ?eat|tasty|delicious|bland|portions?|flavou?rs?"
        # Dishes and drinks judged by name ("the curry was cold"; REVIEW29: a restaurant's
        # salads, noodles and tacos fell under the share and it got generic).
        r"|salads?|curry|curries|noodles?|steaks?|soups?|pasta|sushi|tacos?|burritos?|kebabs?"
        r"|sandwich(?:es)?|wings|ramen|nachos|pies?|cakes?|pastr(?:y|ies)|croissants?|bagels?"
        r"|servers?|beers?|pints?|cocktails?|wines?)\b"
        r"|料理|メニュー|食事|ランチ|ディナー|美味|おいし|うまい|ラーメン|寿司|カフェ|居酒屋|レストラン"
        r"|飲食|定食|店員|味が|味は|味も|出前|ウーバーイーツ|テイクアウト|ドリンク|コーヒー"
        r"|焼肉|焼き鳥|焼鳥|そば|うどん|丼|カレー|スープ|パスタ|ピザ|ハンバーガー|餃子|唐揚げ|刺身"
        r"|ケーキ|パン屋|お味|ご飯|ごはん|麺",
        re.IGNORECASE,
    ),
    # Freight, not a shop's parcel: no delivery, parcel, courier, driver or tracking (a shop's
    # customers complain of those), but the words of those who buy freight, storage and
    # clearance (LOG76). Nor shipment, collection or pick-up (REVIEW34: a shop's "my shipment",
    # "the new collection", "click and collect pick-up" in a quarter of its comments chose
    # logistics).
    "logistics": re.compile(
        r"\b(?:freight|forwarders?|forwarding|logistics|containers?|pallets?|palletised"
        r"|palletized|customs|clearance|customs brok(?:er|ers|erage)|3pl|warehous(?:e|es|ing)"
        r"|consignments?|consignees?|haulage|hauliers?|haulers?|vessels?|sailings|the port"
        r"|ports? of|ocean|demurrage|detention|bills? of lading|b/l|incoterms?|trade lanes?"
        r"|transit times?"
        r"|fuel surcharges?|trucking|lorr(?:y|ies)|loading dock|dock appointments?|cargo"
        r"|removal (?:firm|company|companies|men|team|crew|van)s?|removals|movers|ltl|ftl|lcl|fcl"
        r"|cross-?dock(?:ing)?)\b"
        r"|物流|運送|輸送|貨物|通関|税関|フォワーダー|倉庫|コンテナ|パレット|海上|航空便|船便|運賃"
        r"|混載|引越し?業者|引越業者|乙仲|輸出入|集荷|荷主|トラック",
        re.IGNORECASE,
    ),
}
#: The share (%) of answered comments that must hold a domain pack's :data:`DOMAIN_MARKERS`
#: for it to be chosen (the demo's units: 7.7-32 % of their own domain's words).
DOMAIN_MARKER_SHARE = 5.0
#: Packs whose domain's words need a larger share than :data:`DOMAIN_MARKER_SHARE`. Food is
#: talked of in any hotel, venue or shop with a café (the labelled sets' generic comments: up to
#: 20 % hold a food word, retail's Japanese ones up to 16 %), but in most of a restaurant's.
#: Freight words (pickups, collections, a warehouse, movers) turn up in a few comments of other
#: businesses (the readable labelled sets: at most 6.3 % of a set's comments of one pack and
#: language, retail's at most 3.4 %), in 22-52 % of a forwarder's (QA28, QA31).
MARKER_SHARES: dict[str, float] = {"food": 25.0, "logistics": 10.0}


def best_pack(texts: Iterable[str | None]) -> PackFit:
    """Choose the shipped pack whose dictionaries tag the largest share of the comments.

    The choice reads the dictionaries and rules alone: a pack's learned layer was trained on
    that pack's kind of comments and adds its themes to comments of any kind, so with it a
    pack that does not fit can look as wide as one that does.

    Parameters
    ----------
    texts
        Comments of one unit (or a sample): a pandas Series or any sequence of str (a list,
        a tuple); ``None`` or NaN is no comment.

    Returns
    -------
    PackFit
        ``(pack, coverage)``: the pack id and the percentage of answered comments its dictionaries
        tag (:func:`coverage`, with the learned layer, may differ). Between domain packs (retail,
        saas, finance, food, logistics) a tie goes to the pack that finds more theme mentions, then
        to :data:`PACKS` order. Only a domain pack whose domain's words (:data:`DOMAIN_MARKERS`) are
        in at least :data:`DOMAIN_MARKER_SHARE` % of the comments (food, logistics:
        :data:`MARKER_SHARES`) may be chosen; with none, generic is. A domain pack beats ``generic``
        unless generic tags at least 10 percentage points more, or generic tags as many or more and
        fewer than two of the domain pack's own themes (the ones generic lacks) each tag 2% of the
        comments.

    Raises
    ------
    TypeError
        When ``texts`` is one string rather than comments.

    Examples
    --------
    >>> best_pack(["The API keeps timing out", "docs are outdated"]).pack
    'saas'
    """
    from nps_kit.text.themes import tag_themes
    from nps_kit.text.tokens import answered

    texts = _comments(texts)
    said = texts[answered(texts).to_numpy(dtype=bool)]
    scores: dict[str, tuple[float, int]] = {}
    own_themes: dict[str, int] = {}  # a domain pack's themes that generic lacks, in use
    generic_ids = set(load_pack("generic").ids)
    for pack in PACKS:
        book = load_pack(pack)
        # The dictionaries alone (see above): another pack's layer adds themes to any comment.
        matrix = tag_themes(said, book, learned=False).fillna(False).to_numpy(dtype=bool)
        share = 100.0 * float(matrix.any(axis=1).mean()) if len(said) else 0.0
        scores[pack] = (share, int(matrix.sum()))  # ties: the pack that finds more mentions
        shares = 100.0 * matrix.mean(axis=0) if len(said) else [0.0] * len(book.ids)
        own_themes[pack] = sum(
            1
            for theme, v in zip(book.ids, shares, strict=True)
            if theme not in generic_ids and v >= _DOMAIN_SHARE
        )
    # Only a domain the comments talk about at all (DOMAIN_MARKERS) may be chosen.
    domains = [
        p
        for p in PACKS
        if p != "generic"
        and len(said)
        and 100.0 * float(said.astype(str).str.contains(DOMAIN_MARKERS[p]).mean())
        >= MARKER_SHARES.get(p, DOMAIN_MARKER_SHARE)
    ]
    if not domains:
        return PackFit("generic", scores["generic"][0])
    domain = max(domains, key=lambda p: (*scores[p], -PACKS.index(p)))
    generic, best = scores["generic"][0], scores[domain][0]
    if generic >= best + _GENERIC_MARGIN or (
        generic >= best and own_themes[domain] < _DOMAIN_THEMES
    ):
        return PackFit("generic", generic)
    return PackFit(domain, best)
