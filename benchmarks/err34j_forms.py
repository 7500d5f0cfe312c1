"""ERR34J: Japanese forms of set 32's even ids' and blind 28's errors, over the readable sets.

As ERR29's ``err29_forms.py`` over the sets of ``err34j_sets`` (every readable Japanese set and
set 32's even ids; set 32's odd ids and the later sets are never read here). A *theme* form names
a theme: per form, comments labelled with it (yes) or not (no), and how many of each the rules
alone and the shipped tagger find. A *polarity* form: per (comment, labelled theme) holding it,
the gold polarity and how many the rules alone and the shipped tagger read right.
``--show NAME`` lists a form's comments; ``--try PACKS THEME REGEX`` counts an ad-hoc form.
"""

from __future__ import annotations

import argparse
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

import pandas as pd
from err34j_sets import _files, _frame
from implied_forms import form_hits

from nps_kit.text import tag_themes
from nps_kit.text.evaluation import parse_labels
from nps_kit.text.packs import load_pack
from nps_kit.text.sentiment import _tag_polarity

ALL = ("retail", "saas", "finance", "generic")
GEN, SAAS, FIN = ("generic",), ("saas",), ("finance",)
#: name -> (kind, packs, theme, pattern); theme "" for a polarity form of every labelled theme.
#: Kept: written as a rule (an exclude for the "not" forms); the rest rejected (ERR34J_set32.md).
FORMS: dict[str, tuple[str, tuple[str, ...], str, str]] = {
    "kept: 仲居 (staff)": ("theme", GEN, "staff", "仲居"),
    "kept: 番号札 (speed)": ("theme", GEN, "speed", "番号札"),
    "kept: 当日のうちに (speed)": ("theme", GEN, "speed", "(午前中|半日|当日|その日)のうちに"),
    "kept: 人が多すぎ (usability)": ("theme", GEN, "usability", "(人|客)(が|も)?(多すぎ|多過ぎ)"),
    "kept: 薬が効いた (quality)": (
        "theme",
        GEN,
        "quality",
        "(薬|治療|施術|注射)[^。、!?]{0,6}効(い|か|く|き)",
    ),
    "kept: 処理に N 秒 / 時間かかる (performance)": (
        "theme",
        SAAS,
        "performance",
        "(処理|読み込み|表示|保存|起動|同期|反映|書き出し|出力|生成|変換|ログイン)(に|まで|は|が)"
        "[^。、!?]{0,10}(時間|秒|分)[^。、!?]{0,4}かか",
    ),
    "kept: 広告が多すぎ / うざい (usability)": (
        "theme",
        SAAS,
        "usability",
        "広告(が|も)?(多|うざ|邪魔|うっとうし|鬱陶し)",
    ),
    "kept: 保険がおりない (claims)": (
        "theme",
        FIN,
        "claims",
        "(保険|保険金|補償|共済)(が|は|も)?(おり|下り|降り)",
    ),
    "kept, not: 営業の電話 (staff)": ("theme", FIN, "staff", "営業(の)?電話"),
    "kept, not: 2時間があっという間 (speed)": (
        "theme",
        GEN,
        "speed",
        "(時間|\\d+時間|\\d+分|[一二三四五六]時間|[一二三四五六十]+分)(が|も)?(あっという間|あっと言う間|一瞬で過ぎ)",
    ),
    "kept, not: 体験レッスン (service)": (
        "theme",
        GEN,
        "service",
        "体験(の時|のとき|レッスン|入会|会|で作)",
    ),
    "kept, not: 精度が落ちる (reliability)": (
        "theme",
        SAAS,
        "reliability",
        "(精度|品質|質|クオリティ|音質|画質)(が|も|は)?(落ち|下が)",
    ),
    "kept: もうちょい (request)": ("polarity", ALL, "", "もうちょい"),
    "kept: てくれ / てや at a sentence end (order)": (
        "polarity",
        ALL,
        "",
        "(てくれ|てや)($|[。！!？?\\s])",
    ),
    "kept: うまくいかず (complaint)": ("polarity", ALL, "", "(うまく|上手く)(いか|行か)ず"),
    "kept: 買取価格が安い (price complaint)": (
        "polarity",
        ALL,
        "price",
        "(買取|買い取り|下取り)[^。、!?]{0,10}(安|低)|安く叩|買い叩",
    ),
    "kept: 安すぎ (price praise)": ("polarity", ALL, "price", "(?<!買取)安(す|過)"),
    "rejected: 席 / 区画 / 駐車場が狭い・少ない (usability)": (
        "theme",
        GEN,
        "usability",
        "(席|区画|トイレ|ロッカー|駐車場)[^。、]{0,4}(少な|狭|せま)",
    ),
    "rejected: 進捗 / 途中経過 (communication)": (
        "theme",
        ALL,
        "communication",
        "進捗|進み具合|途中経過",
    ),
    "rejected: N か月かかる (finance speed)": (
        "theme",
        FIN,
        "speed",
        "(\\d+|[一二三四五六七八九十数何半])\\s?(か月|ヶ月|カ月|ヵ月|週間|日)(以上|近く|ほど|も)?かか",
    ),
    "rejected: 取り寄せ (retail delivery)": ("theme", ("retail",), "delivery", "取り寄せ|取りよせ"),
    "rejected: 壁が薄い / いびき (usability)": ("theme", GEN, "usability", "壁(が|も)?薄|いびき"),
    "rejected: 人は親切 (finance staff)": (
        "theme",
        FIN,
        "staff",
        "(人|方)(は|が|も)(とても|すごく|本当に|みんな)?(親切|優し|丁寧)",
    ),
    "rejected: 誰も言わなかった (communication)": (
        "theme",
        ALL,
        "communication",
        "(誰も|だれも|一言も|何も|なんも)[^。、]{0,6}(言わ|教え|説明|連絡|書いて)(ん|へん|ひん|な|ず)",
    ),
    "rejected: 速なった (Kansai, performance)": (
        "theme",
        ALL,
        "performance",
        "(速|早|遅|重|軽)なっ",
    ),
    "rejected: CSV / Excel に書き出し (integrations)": (
        "theme",
        SAAS,
        "integrations",
        "(pdf|psd|csv|エクセル|excel)(で|に|へ|への|形式で)?(の)?(書き出|出力|エクスポート|読み込|取り込)",
    ),
    "rejected: 紙より (usability)": ("theme", ALL, "usability", "紙より"),
    "rejected: トイレの列 (usability)": (
        "theme",
        GEN,
        "usability",
        "(トイレ|レジ|受付)(の|に)?(列|行列|並)",
    ),
    "rejected: 傷みにくい (praise)": (
        "polarity",
        ALL,
        "",
        "(傷み|痛み|壊れ|汚れ|割れ|崩れ|ズレ|蒸れ|冷め|劣化し|錆び)にく(い|く|かっ)",
    ),
    "rejected: 被害を防いだ (praise)": (
        "polarity",
        ALL,
        "",
        "(被害|不正利用|不正|トラブル|詐欺)(を|が)?(未然に)?(防|食い止め)",
    ),
    "rejected: 精度は…高い (praise)": (
        "polarity",
        ALL,
        "",
        "(精度|品質|評価|満足度|クオリティ|完成度|レベル)(は|が|も)[^。、]{0,10}高(い|く|か)",
    ),
    "rejected: 料金の割に (price)": (
        "polarity",
        ALL,
        "price",
        "(料金|値段|価格|金額|費用|入場料)の割に",
    ),
}


@cache
def _sets() -> dict[str, pd.DataFrame]:
    return {n: _frame(n) for n in [*_files(), "set32even"]}


@dataclass(frozen=True)
class FormCounts:
    """A round's forms counted over its sets (ERR34J's here; ERR38J's in ``err38j_forms``).

    ``sets`` returns the readable sets' Japanese rows by name, read when first counted.
    """

    forms: dict[str, tuple[str, tuple[str, ...], str, str]]
    sets: Callable[[], dict[str, pd.DataFrame]]

    def hits(self, packs: tuple[str, ...], theme: str, pattern: str) -> pd.DataFrame:
        h = form_hits(self.sets(), packs, "ja", theme, pattern)
        shipped = []
        for pack, g in h.groupby("pack", sort=False):
            tags = tag_themes(g["text"].astype("string"), load_pack(str(pack)))
            col = tags[theme].fillna(False) if theme in tags else pd.Series(False, index=tags.index)
            shipped.append(pd.Series(col.astype(bool).to_numpy(), index=g.index))
        h["shipped"] = pd.concat(shipped) if shipped else pd.Series(dtype=bool)
        return h

    def polarity_hits(self, packs: tuple[str, ...], theme: str, pattern: str) -> pd.DataFrame:
        h = form_hits(self.sets(), packs, "ja", theme or "-", pattern)
        rows = []
        for pack, g in h.groupby("pack", sort=False):
            book = load_pack(str(pack))
            g = g.reset_index(drop=True)
            texts = g["text"].astype("string")
            alone = _tag_polarity(texts, book, segments=None, learned=False, correct=False)
            shipped = _tag_polarity(texts, book, segments=None, learned=True, correct=True)
            for i, r in g.iterrows():
                for t, want in parse_labels(r["labels"]).items():
                    if theme and t != theme:
                        continue
                    a = alone.at[i, t] if t in alone else None
                    s = shipped.at[i, t] if t in shipped else None
                    rows.append(
                        {
                            "set": r["set"],
                            "id": r["id"],
                            "theme": t,
                            "gold": want,
                            "alone": "" if a is None or pd.isna(a) else str(a),
                            "shipped": "" if s is None or pd.isna(s) else str(s),
                            "text": r["text"],
                        }
                    )
        columns = ["set", "id", "theme", "gold", "alone", "shipped", "text"]
        return pd.DataFrame(rows, columns=columns)

    def line(self, kind: str, packs: tuple[str, ...], theme: str, pattern: str) -> str:
        if kind == "theme":
            h = self.hits(packs, theme, pattern)
            if h.empty:
                return "yes 0 no 0"
            yes, no = h[h["yes"]], h[~h["yes"]]
            return (
                f"yes {len(yes)} no {len(no)} | yes found alone {int(yes['found'].sum())} shipped "
                f"{int(yes['shipped'].sum())} | no found alone {int(no['found'].sum())} shipped "
                f"{int(no['shipped'].sum())}"
            )
        p = self.polarity_hits(packs, theme, pattern)
        if p.empty:
            return "gold {} | none"
        gold = dict(Counter(p["gold"]))
        return (
            f"gold {gold} | right alone {int((p['alone'] == p['gold']).sum())} shipped "
            f"{int((p['shipped'] == p['gold']).sum())} of {len(p)}"
        )

    def show(self, kind: str, packs: tuple[str, ...], theme: str, pattern: str) -> None:
        if kind == "theme":
            for r in self.hits(packs, theme, pattern).itertuples():
                print(
                    f"{r.set}|{r.id}|{'yes' if r.yes else 'no'}|alone={r.found}|"
                    f"shipped={r.shipped}|{r.labels}|{r.text[:120]}"
                )
            return
        for r in self.polarity_hits(packs, theme, pattern).itertuples():
            print(
                f"{r.set}|{r.id}|{r.theme}|{r.gold}|alone={r.alone}|shipped={r.shipped}|"
                f"{r.text[:120]}"
            )

    def main(self, argv: list[str] | None = None, *, description: str) -> None:
        parser = argparse.ArgumentParser(description=description)
        parser.add_argument("--show", nargs="*")
        parser.add_argument(
            "--try", dest="adhoc", nargs=4, metavar=("KIND", "PACKS", "THEME", "RE")
        )
        args = parser.parse_args(argv)
        if args.adhoc:
            kind, packs, theme, pattern = args.adhoc
            spec = (kind, ALL if packs == "all" else tuple(packs.split(",")), theme, pattern)
            print(self.line(*spec))
            self.show(*spec)
            return
        for name in args.show or []:
            print(f"== {name}")
            self.show(*self.forms[name])
        if not args.show:
            for name, spec in self.forms.items():
                print(f"| {name} | {spec[0]} | {spec[2]} | {self.line(*spec)} |")


COUNTS = FormCounts(FORMS, _sets)


def main(argv: list[str] | None = None) -> None:
    COUNTS.main(argv, description=__doc__.split("\n")[0])


if __name__ == "__main__":
    main()
