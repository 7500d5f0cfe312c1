"""QA29 fixture: a Japanese mobile carrier / ISP's Medallia-style export, UTF-16 LE, tab-separated.

Writes ``/tmp/qa29/carrier_medallia.txt`` (or the path given as the first argument) and a
``*_truth.csv`` beside it with what each row means (shop as written and NFKC-normalised, month,
score), so the tool's figures can be checked with pandas independently of its loader.

Shape: a BOM and UTF-16 LE with tabs and CRLF (Excel "Unicode text", as Medallia's "Export to
Excel (text)" writes it); half-width katakana in headers (ｱﾝｹｰﾄ回答日時, ｼｮｯﾌﾟ名) and values
(ﾐﾗｲﾓﾊﾞｲﾙｼｮｯﾌﾟ…); the invitation time (ｱﾝｹｰﾄ配信日時) before the answer time; dates as
``2026年10月3日 14時05分``; the NPS question as labelled answers ("10 - 非常にそう思う",
"0 - 全くそう思わない", the rest bare digits) plus 「わからない」; a staff rating as numbered labels
("5 - 満足" … "1 - 不満"); a plan question; comments about 通信速度 / 料金プラン / 機種変更 /
店頭の待ち時間; 「今後の連絡: 可/不可」; a phone column. Traps: one shop written in half-width
katakana on some rows and full-width on others (the same shop); responses a few minutes either
side of midnight at month ends; わからない in the score.
"""

from __future__ import annotations

import sys
import unicodedata
from datetime import datetime, timedelta
from pathlib import Path

import numpy as np
import pandas as pd

SHOPS = {
    "ﾐﾗｲﾓﾊﾞｲﾙｼｮｯﾌﾟ新宿西口": 0.22,
    "ミライモバイルショップ渋谷": 0.20,
    "ミライモバイルショップ梅田": 0.18,
    "ﾐﾗｲﾓﾊﾞｲﾙｼｮｯﾌﾟ札幌駅前": 0.12,
    "ミライモバイルショップ博多": 0.16,
    "ミライモバイルショップ那覇": 0.12,
}
PLANS = ("ﾐﾗｲ無制限", "ミライ20GB", "ミライ3GB", "光回線セット")
STAFF = ("1 - 不満", "2 - やや不満", "3 - どちらともいえない", "4 - やや満足", "5 - 満足")
NEG = (
    "通信速度が遅い。特に夜は動画が止まる",
    "料金プランが複雑でよくわからない。もっと安くしてほしい",
    "機種変更の手続きに２時間もかかった",
    "店頭の待ち時間が長すぎる。予約したのに４０分待たされた",
    "データ移行を手伝ってもらえなかった",
    "ｽﾀｯﾌの説明が早口で分かりにくい",
    "解約金が高い。乗り換えを検討中",
    "地下鉄で電波が入らない",
)
POS = (
    "スタッフの方がとても丁寧に機種変更を手伝ってくれた",
    "料金プランを見直して月額が安くなった",
    "通信速度が速くて満足",
    "待ち時間が短く、予約通りに案内された",
    "ﾃﾞｰﾀ移行もすぐ終わって助かりました",
)
MID = ("特になし", "普通です", "可もなく不可もなく", "", "", "")


def score_label(s: int) -> str:
    """Medallia's labelled answer: the ends carry their words, the rest are digits."""
    if s == 10:
        return "10 - 非常にそう思う"
    if s == 0:
        return "0 - 全くそう思わない"
    return str(s)


def jdate(t: datetime) -> str:
    """2026年10月3日 14時05分 (no zero-padding on month and day, as Medallia writes)."""
    return f"{t.year}年{t.month}月{t.day}日 {t.hour:02d}時{t.minute:02d}分"


def main(out: Path) -> None:
    """Write the export and its truth."""
    rng = np.random.default_rng(29001)
    n = 2600
    start = datetime(2025, 11, 1)
    end = datetime(2026, 11, 1)
    span = (end - start).total_seconds()
    times = sorted(start + timedelta(seconds=float(x)) for x in rng.uniform(0, span, n))
    # month-end edges: 12 answers in the last/first 5 minutes of a month
    edges = []
    for m in (
        datetime(2026, 9, 1),
        datetime(2026, 10, 1),
        datetime(2026, 11, 1) - timedelta(days=0),
    ):
        for k in range(4):
            edges.append(
                m - timedelta(minutes=int(rng.integers(1, 5)))
                if k % 2 == 0
                else m + timedelta(minutes=int(rng.integers(0, 5)))
            )
    times = sorted(times[: n - len(edges)] + [t for t in edges if t < end])
    shop_names = list(SHOPS)
    p = np.array(list(SHOPS.values()))
    rows = []
    truth = []
    for i, t in enumerate(times):
        shop = shop_names[rng.choice(len(shop_names), p=p / p.sum())]
        shown = shop
        # the same Shinjuku shop typed in full-width katakana on about a third of its rows
        if shop.startswith("ﾐﾗｲﾓﾊﾞｲﾙｼｮｯﾌﾟ新宿") and rng.random() < 0.33:
            shown = unicodedata.normalize("NFKC", shop)
        base = {"ﾐﾗｲﾓﾊﾞｲﾙｼｮｯﾌﾟ新宿西口": 6.8, "ミライモバイルショップ那覇": 8.3}.get(shop, 7.4)
        s = int(np.clip(np.round(rng.normal(base, 2.3)), 0, 10))
        r = rng.random()
        if r < 0.03:
            cell, valid = "わからない", None
        elif r < 0.045:
            cell, valid = "", None
        else:
            cell, valid = score_label(s), s
        invited = t - timedelta(hours=float(rng.uniform(1, 70)))
        src = NEG if (valid is not None and valid <= 6) else POS if (valid or 0) >= 9 else MID
        comment = src[rng.integers(len(src))] if rng.random() < 0.8 else ""
        contact = "可" if rng.random() < 0.45 else "不可"
        phone = (
            f"090-{rng.integers(1000, 9999)}-{rng.integers(1000, 9999)}" if contact == "可" else ""
        )
        rows.append(
            {
                "回答ID": f"MDL{7000000 + i * 7}",
                "ｱﾝｹｰﾄ配信日時": jdate(invited),
                "ｱﾝｹｰﾄ回答日時": jdate(t),
                "ｼｮｯﾌﾟ名": shown,
                "ご契約の料金プラン": PLANS[rng.integers(len(PLANS))],
                "Q1. ミライモバイルを家族や友人にすすめたいと思いますか？": cell,
                "Q2. 店頭スタッフの対応はいかがでしたか？": STAFF[
                    int(np.clip(round((s + 1) / 2.4), 0, 4))
                ],
                "Q3. その評価の理由をお聞かせください（自由記述）": comment,
                "今後の連絡: 可/不可": contact,
                "電話番号": phone,
            }
        )
        truth.append(
            {
                "row": i + 2,
                "shop": shown,
                "shop_nfkc": unicodedata.normalize("NFKC", shown),
                "month": t.strftime("%Y-%m"),
                "time": t.isoformat(),
                "score": valid,
                "contact": contact,
            }
        )
    df = pd.DataFrame(rows)
    out.parent.mkdir(parents=True, exist_ok=True)
    text = df.to_csv(sep="\t", index=False, lineterminator="\r\n")
    out.write_bytes(b"\xff\xfe" + text.encode("utf-16-le"))
    pd.DataFrame(truth).to_csv(out.with_name(out.stem + "_truth.csv"), index=False)
    print(f"wrote {out} ({len(df)} rows)")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/tmp/qa29/carrier_medallia.txt"))
