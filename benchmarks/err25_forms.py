"""ERR25: general forms of spurious and missed themes, counted over every readable set first.

A *sense* form (``"sense"``) is text where a theme's word means something else (``〜体験``, an
activity sold, is no verdict on the service; ``最後の方は`` is no person): a comment holding it and
labelled with the theme is a contrary label, and the rules mend it only where there is none. An
*implied* form (``"implied"``) names the theme without its words, as in ERR24's
``implied_forms.py``: contrary labels are the comments holding it not labelled with the theme.
Each form is counted over the sets readable in ERR25 (``err_sets.readable_sets(24)`` with
training set 28 held out whole, never opened, plus spent blind set 24): comments of the form's
packs holding it, labelled with the theme (yes) or not (no), and how many the rules alone
(``learned=False``) tag with the theme now. ``--show NAME`` lists a form's comments to read
its labels by eye. Blind set 25 and training set 28 are never read here.
"""

from __future__ import annotations

import argparse
from functools import cache

import pandas as pd
from err_sets import DATA, ROUNDS, readable_sets
from implied_forms import form_hits

ALL = ("retail", "saas", "finance", "generic")
#: name -> (kind, packs, language, theme, pattern); the case is ignored
FORMS: dict[str, tuple[str, tuple[str, ...], str, str, str]] = {
    # Japanese spurious words (blind 24's S-SENSE)
    "〜体験 (an activity)": ("sense", ("generic",), "ja", "service", r"[一-龥ァ-ヶー]体験"),
    "体験 (any)": ("sense", ("generic",), "ja", "service", r"体験"),
    "最後の方 (a place in a row)": (
        "sense",
        ALL,
        "ja",
        "staff",
        r"(最後|最初|初め|始め|前|後ろ|後|うしろ|上|下|奥|手前|端|右|左|一番|先頭|真ん中|端っこ|窓"
        r"側|通路側|中)の方[のがは]",
    ),
    "会社員 (the customer)": ("sense", ALL, "ja", "staff", r"会社員"),
    "交換用 (a spare part)": ("sense", ALL, "ja", "returns", r"交換用|交換部品|交換品(?!が届)"),
    "交換用 / 交換部品": ("sense", ALL, "ja", "returns", r"交換用|交換部品"),
    "最後の方 (a place), not 前の方": (
        "sense",
        ALL,
        "ja",
        "staff",
        r"(最後|最初|初め|始め|後ろ|うしろ|奥|手前|端|先頭|真ん中|一番前|一番後ろ|前半|後半)の方",
    ),
    "100円ショップ": ("sense", ALL, "ja", "price", r"100円(ショップ|均一|ショ)|百円ショップ|100均"),
    "N分でN円 (time bought)": (
        "sense",
        ALL,
        "ja",
        "speed",
        r"(\d+|[一二三四五六七八九十半])(分|時間)(で|コース|の)[^。!?、]{0,3}(\d|[一二三四五六七八"
        r"九十]万|[一二三四五六七八九十]千)[^。!?、]{0,6}円",
    ),
    "Xサービス (a service sold)": (
        "sense",
        ("generic",),
        "ja",
        "service",
        r"[一-龥ァ-ヶー]サービス",
    ),
    "連絡アプリ / 連絡帳": (
        "sense",
        ("saas",),
        "ja",
        "communication",
        r"連絡(アプリ|帳|ツール|網)",
    ),
    "スマホ保険": ("sense", ("finance",), "ja", "usability", r"(スマホ|携帯|モバイル)(の)?保険"),
    "仕上げ by the customer": ("sense", ("generic",), "ja", "quality", r"仕上げ(られ|た|ま|る)"),
    "届いた of wrong or broken goods": (
        "sense",
        ("retail",),
        "ja",
        "delivery",
        r"届いた(の|もの|商品|ら|ものは|のは|物)[^。!?]{0,20}(違|足りな|欠け|割れ|壊れ|汚れ|傷|別"
        r"物|ピンク|サイズ)",
    ),
    "追跡番号": ("sense", ("retail",), "ja", "delivery", r"追跡番号"),
    "営業 … 電話してくる (a sales call)": (
        "sense",
        ("finance",),
        "ja",
        "staff",
        r"営業(の人|さん|マン)?(から|が|、)?[^。!?]{0,12}(電話|勧誘)",
    ),
    # English spurious words (blind 24's S-SENSE)
    "returned my call": (
        "sense",
        ALL,
        "en",
        "returns",
        r"\breturn(ed|s|ing)? (my|our|the|his|her|a|their) (\w+ )?(calls?|emails?|messages?|voicem"
        r"ails?|texts?)\b",
    ),
    "arrived of wrong or broken goods": (
        "sense",
        ("retail",),
        "en",
        "delivery",
        r"\barrived (looking|with|in|damaged|broken|cracked|smashed|the wrong|wrong|missing|faulty"
        r"|dented|scratched|torn|ripped|stained)\b",
    ),
    # missed themes (blind 19-24's misses): roles, vocabulary, waits
    "rep (retail)": ("implied", ("retail",), "en", "staff", r"\breps?\b"),
    "配達員 (retail)": (
        "implied",
        ("retail",),
        "ja",
        "staff",
        r"配達員|配達の(人|方)|ドライバーさん|配達のおじさん",
    ),
    "chauffeur / keepers / rider": (
        "implied",
        ("generic",),
        "en",
        "staff",
        r"\b(chauffeurs?|zoo ?keepers?|keepers|riders?|pilots?|genius(es)?|ranger|rangers)\b",
    ),
    "cowboys (generic)": ("implied", ("generic", "retail"), "en", "staff", r"\bcowboys?\b"),
    "芋洗い": (
        "implied",
        ("generic",),
        "ja",
        "usability",
        r"芋洗い|イモ洗い|いも洗い|すし詰め|ぎゅうぎゅう",
    ),
    "表示崩れ (saas)": (
        "implied",
        ("saas",),
        "ja",
        "reliability",
        r"表示(が|も)?崩れ|レイアウト(が|も)?崩れ",
    ),
    "音が途切れ (saas)": (
        "implied",
        ("saas",),
        "ja",
        "performance",
        r"(音|音声|映像|画面|声)(が|も)?(途切れ|遅れ|カクカク|止ま)",
    ),
    "元は取れた": ("implied", ALL, "ja", "price", r"元(は|が|を)?(十分)?(取れ|とれ|取っ|とっ)"),
    "複雑 (saas)": ("implied", ("saas",), "ja", "usability", r"複雑"),
    "精度 (saas)": ("implied", ("saas",), "ja", "features", r"精度"),
    "freeze (saas)": ("implied", ("saas",), "en", "performance", r"\bfreez(e|es|ing)\b|\bfroze\b"),
    "briefing (generic)": ("implied", ("generic",), "en", "communication", r"\bbriefings?\b"),
    "paid out within N days": (
        "implied",
        ("finance",),
        "en",
        "speed",
        r"\b(paid|paid out|settled|approved|processed|sorted)( \w+){0,6} (within|in) (\d+|a|an|one"
        r"|two|three|four|five|six|seven|ten) (minutes?|hours?|days?|working days?|weeks?)\b",
    ),
    "N minutes on the app and done": (
        "implied",
        ("finance", "saas", "generic"),
        "en",
        "speed",
        r"\b(\d+|two|five|ten|a few|few) (minutes?|mins?|seconds?) (on|in|with|via) the (app|websi"
        r"te|site|phone)\b",
    ),
    "every call N mins": (
        "implied",
        ALL,
        "en",
        "speed",
        r"\b(every|each) call (was |is |took |takes )?(\d+|an|over|at least)",
    ),
    "すぐ担当者から電話が来た": (
        "implied",
        ("finance",),
        "ja",
        "speed",
        r"(すぐ|すぐに|即|その日のうちに|当日中?に|翌日に?)[^。!?、]{0,8}(電話|連絡)(が|を)?(来|く"
        r"れ|いただ|もら|あ)",
    ),
    "N日で保険金 / 振り込まれた": (
        "implied",
        ("finance",),
        "ja",
        "speed",
        r"(\d+|[一二三四五六七八九十])(日|営業日|週間)(で|後に|以内に)[^。!?、]{0,10}(保険金|振り?"
        r"込|入金|支払|おり|下り)",
    ),
    # refined after reading the contrary labels of the forms above
    "chauffeur / keepers / pilot": (
        "implied",
        ("generic",),
        "en",
        "staff",
        r"\b(chauffeurs?|zoo ?keepers?|keepers|pilots?)\b(?! (scheme|programme|program|project|stu"
        r"dy|light))",
    ),
    "N minutes on the app or site": (
        "implied",
        ("finance", "saas", "generic"),
        "en",
        "speed",
        r"\b(\d+|two|three|five|ten|a few|few) (minutes?|mins?|seconds?) (on|in|with|via|through) "
        r"the (app|website|site)\b",
    ),
    "every call N minutes": (
        "implied",
        ALL,
        "en",
        "speed",
        r"\b(every|each) call (was |is |took |takes |lasted )?(\d+\+?|an?|over|at least|ten|twenty"
        r"|thirty|forty)( \w+)? ?(min|mins|minutes|hours?)\b",
    ),
    "精度 (any pack)": ("implied", ("retail", "generic", "finance"), "ja", "features", r"精度"),
    "精度 (quality, other packs)": ("implied", ("retail", "generic"), "ja", "quality", r"精度"),
    "good value (quality's pattern)": (
        "sense",
        ALL,
        "en",
        "quality",
        r"\b(is|was|are|were)( \w+)? (good|great|excellent|decent|fair|poor|brilliant|amazing) val"
        r"ue\b",
    ),
    "元が取れた (past)": ("implied", ALL, "ja", "price", r"元(は|が|を)?(十分)?(取れ|とれ)(た|て)"),
}


@cache
def _sets() -> dict[str, pd.DataFrame]:
    names = readable_sets(24, held_out=ROUNDS[24][0], held_out_blind=ROUNDS[24][1])
    assert not {"train28en", "train28ja", "blind25"} & names.keys()
    names["blind24"] = "theme_eval_blind24.csv"
    return {n: pd.read_csv(DATA / f, keep_default_na=False, dtype=str) for n, f in names.items()}


def hits(name: str) -> pd.DataFrame:
    _, packs, lang, theme, pattern = FORMS[name]
    return form_hits(_sets(), packs, lang, theme, pattern)


def table() -> str:
    lines = ["| form | kind | packs | lang | theme | yes | no | yes found | no found |"]
    lines.append("|---" * 9 + "|")
    for name, (kind, packs, lang, theme, _) in FORMS.items():
        h = hits(name)
        yes, no = h[h["yes"]], h[~h["yes"]]
        lines.append(
            f"| {name} | {kind} | {', '.join(packs)} | {lang} | {theme} | {len(yes)} | {len(no)} | "
            f"{int(yes['found'].astype(bool).sum())} | {int(no['found'].astype(bool).sum())} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--show", nargs="*", help="list these forms' comments")
    args = parser.parse_args(argv)
    if args.show:
        for name in args.show:
            print(f"== {name}")
            for r in hits(name).itertuples():
                print(
                    f"{r.set}|{r.id}|{'yes' if r.yes else 'no'}|found={r.found}|{r.labels}|{r.text}"
                )
        return
    print(table())


if __name__ == "__main__":
    main()
