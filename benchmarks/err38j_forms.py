"""ERR38J: Japanese forms of blind 37's even ids' and blind 35's errors, over the readable sets.

As ERR34J's ``err34j_forms.py`` over the sets of ``err38j_sets`` (every readable Japanese set and
blind 37's even ids; blind 37's odd ids and blind 39 are never read here). A *theme* form names
a theme: per form, comments labelled with it (yes) or not (no), and how many of each the rules
alone and the shipped tagger find. A *polarity* form: per (comment, labelled theme) holding it,
the gold polarity and how many the rules alone and the shipped tagger read right.
``--show NAME`` lists a form's comments; ``--try PACKS THEME REGEX`` counts an ad-hoc form.
"""

from __future__ import annotations

import re
from functools import cache

import pandas as pd
from err34j_forms import ALL, FormCounts
from err38j_sets import _frame, round38j_sets

GEN, SAAS, FIN = ("generic",), ("saas",), ("finance",)
#: name -> (kind, packs, theme, pattern); theme "" for a polarity form of every labelled theme.
#: Kept: written as a rule (an exclude for the "not" forms); the rest rejected (ERR38J_blind37.md).
FORMS: dict[str, tuple[str, tuple[str, ...], str, str]] = {
    "kept: ねだん / りょうきん / てすうりょう (price)": (
        "theme",
        ALL,
        "price",
        "ねだん|りょうきん|てすうりょう",
    ),
    "kept: がくひ / げつがく / ほけんりょう / きんり (price)": (
        "theme",
        ALL,
        "price",
        "がくひ|げつがく|ほけんりょう|きんり",
    ),
    "kept: へんぴん / へんきん (returns)": ("theme", ("retail",), "returns", "へんぴん|へんきん"),
    "kept: てんいん / たんとう の ひと / まどぐち の ひと (staff)": (
        "theme",
        ("retail", "finance", "generic"),
        "staff",
        "てんいん|たんとう ?(しゃ|さん|の ?(ひと|かた|[^\\s、。]{1,5}さん))"
        "|まどぐち ?の ?(ひと|かた)",
    ),
    "kept: でんわ (finance phone)": ("theme", FIN, "phone", "でんわ"),
    "kept: れんらく / おしらせ (communication)": (
        "theme",
        ALL,
        "communication",
        "れんらく|おしらせ",
    ),
    "kept: こわれ (quality)": ("theme", ("retail", "generic"), "quality", "こわれ"),
    "kept: 夜間もやってる (usability)": (
        "theme",
        GEN,
        "usability",
        "夜間[^。!?、]{0,6}(開いて|開館|営業|やって|使え|利用でき|通え|行け)",
    ),
    "kept, not: 電話しなくて済んだ (phone)": (
        "theme",
        ("retail", "finance"),
        "phone",
        "(電話|でんわ)(しなくて|せずに|せず|しないで)(済|す)",
    ),
    "kept, not: 時間に合わせて (speed)": ("theme", ("generic", "finance"), "speed", "時間に合わ"),
    "kept: たかい in kana (price complaint)": (
        "polarity",
        ALL,
        "price",
        "(?<!あた)(?<!あっ)(たかい|たかく|たかすぎ|たかめ)",
    ),
    "kept: 待ち時間 N 時間 (speed complaint)": (
        "polarity",
        GEN,
        "speed",
        "待ち時間(は|が)?(毎回|いつも)?(\\d+|[一二三四五六])\\s*時間",
    ),
    "rejected: せつめい (communication)": ("theme", ALL, "communication", "せつめい"),
    "rejected: かんたん (saas usability)": ("theme", SAAS, "usability", "かんたん"),
    "rejected: とどく / とどい (delivery)": ("theme", ("retail",), "delivery", "とど(く|い|か)"),
    "rejected: はやい / おそい (speed)": (
        "theme",
        ("generic", "finance"),
        "speed",
        "(はや|おそ)(い|く|か)",
    ),
    "rejected: 電話…つながらん (usability)": (
        "theme",
        GEN,
        "usability",
        "(電話|でんわ)[^。!?、]{0,8}(つなが|繋が)ら(な|ん|へん|ね)",
    ),
    "rejected: メール / 通知が届かない (not delivery)": (
        "theme",
        ("retail",),
        "delivery",
        "(メール|通知|連絡|お知らせ)(が|も)?(届か|来な|こな)",
    ),
    "rejected: ラグ (saas performance)": ("theme", SAAS, "performance", "ラグ"),
    "rejected: 他の方が安い (price complaint)": (
        "polarity",
        ALL,
        "price",
        "(他|隣|よそ|ほか|別|前)[^。!?、]{0,8}(の方|のほう)が(安|やす)",
    ),
    "rejected: 〜たらいいのに / 〜たら嬉しい (request)": (
        "polarity",
        ALL,
        "",
        "(たら|れば|あれば) ?(いいのに|良いのに|うれしい|嬉しい|助かる|神|最高)",
    ),
}


@cache
def _sets() -> dict[str, pd.DataFrame]:
    return {n: _frame(f) for n, f in round38j_sets().items() if not re.search(r"\den$", n)}


def main(argv: list[str] | None = None) -> None:
    FormCounts(FORMS, _sets).main(argv, description=__doc__.split("\n")[0])


if __name__ == "__main__":
    main()
