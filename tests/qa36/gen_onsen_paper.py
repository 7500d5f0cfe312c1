"""QA36 fixture: a 温泉旅館 chain's paper questionnaires as a data-entry vendor keys them (cp932).

Writes ``/tmp/qa36/onsen_paper.csv`` (or the path given) and ``onsen_paper_truth.csv`` beside
it (No., facility, month, score as it should count, channels).

Shape: cp932, CRLF, a header in Japanese with **全角 spaces and numbered questions**
(``Ｑ１　おすすめ度``); ``No.`` 1…n; ``施設`` (4 inns, the units); ``記入日`` ``2026.11.3`` (year
first, dots); the recommendation score keyed as **circled digits** (``⑩``, ``⑨`` … ``①``; a 0,
which cp932 has no circled digit for, as ``０点``) by one keyer and ``１０点`` / ``７点`` by the
other; **``無回答`` or ``＊``** where the box was left empty; ``Ｑ２　総合満足度（５段階）`` 1–5;
the booking channel (one question, several answers allowed) **one-hot encoded** as 0/1 columns
``Ｑ３＿予約経路＿公式サイト``, ``…＿じゃらん``, ``…＿楽天トラベル``, ``…＿電話``, ``…＿その他``;
``Ｑ４　ご意見・ご感想`` comments about 露天風呂, 夕食, 仲居さん, 送迎, 料金; ``Ｑ５　今後のご案内``
希望する/希望しない. 480 sheets in October and November 2026; 湯の花亭's score falls.
"""

from __future__ import annotations

import sys
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pandas as pd

ID_Q, UNIT_Q, DATE_Q = "No.", "施設", "記入日"
NPS_Q = "Ｑ１　おすすめ度"
SAT_Q = "Ｑ２　総合満足度（５段階）"
CHANNELS = ("公式サイト", "じゃらん", "楽天トラベル", "電話", "その他")
CHANNEL_QS = tuple(f"Ｑ３＿予約経路＿{c}" for c in CHANNELS)
COMMENT_Q = "Ｑ４　ご意見・ご感想"
CONSENT_Q = "Ｑ５　今後のご案内"
INNS = {
    "湯の花亭": (8.5, 6.3),
    "月見荘": (7.4, 7.5),
    "山翠館": (7.8, 7.9),
    "川霧の宿": (6.9, 7.1),
}
NEG = (
    "露天風呂が狭く、夜は混雑していてゆっくりできませんでした。",
    "夕食の品数は多いが、冷めた料理が多かった。",
    "送迎バスの時間が少なく、駅で40分待ちました。",
    "料金の割に部屋が古く、畳も傷んでいました。",
    "仲居さんの説明がなく、夕食の時間も分かりませんでした。",
)
POS = (
    "仲居さんがとても親切で、家族みんな大満足でした。",
    "露天風呂からの紅葉が素晴らしかったです。",
    "夕食の地魚がおいしく、また来たいと思います。",
    "駅からの送迎がありがたかったです。",
)
MID = ("", "", "特になし", "料金は普通だと思います。", "")
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩"
FULL = str.maketrans("0123456789", "０１２３４５６７８９")


def keyed(score: int | None, circled: bool, rng: np.random.Generator) -> str:
    """The score as one of the two keyers typed it."""
    if score is None:
        return "無回答" if rng.random() < 0.5 else "＊"
    if circled and score > 0:
        return CIRCLED[score - 1]
    return f"{score}点".translate(FULL)


def main(out: Path = Path("/tmp/qa36/onsen_paper.csv")) -> None:
    rng = np.random.default_rng(3602)
    out.parent.mkdir(parents=True, exist_ok=True)
    rows, truth = [], []
    for i in range(480):
        inn = list(INNS)[int(rng.integers(len(INNS)))]
        day = date(2026, 10, 1) + timedelta(days=int(rng.integers(0, 61)))
        s = int(np.clip(round(rng.normal(INNS[inn][day.month - 10], 2.2)), 0, 10))
        score = None if rng.random() < 0.05 else s
        picked = [int(rng.random() < p) for p in (0.35, 0.4, 0.3, 0.15, 0.05)]
        comment = str(rng.choice(NEG if s <= 6 else POS if s >= 9 else MID))
        consent = "希望する" if rng.random() < 0.3 else "希望しない"
        rows.append(
            {ID_Q: i + 1, UNIT_Q: inn, DATE_Q: f"{day.year}.{day.month}.{day.day}",
             NPS_Q: keyed(score, i % 2 == 0, rng),
             SAT_Q: int(np.clip(round(s / 2.2) + rng.integers(-1, 2), 1, 5)),
             **dict(zip(CHANNEL_QS, picked, strict=True)), COMMENT_Q: comment,
             CONSENT_Q: consent}
        )  # fmt: skip
        chosen = ";".join(c for c, p in zip(CHANNELS, picked, strict=True) if p)
        truth.append({"id": i + 1, "unit": inn, "month": f"{day:%Y-%m}", "score": score,
                      "channels": chosen})  # fmt: skip
    frame = pd.DataFrame(rows)
    frame.to_csv(out, index=False, encoding="cp932", lineterminator="\r\n")
    t = pd.DataFrame(truth)
    t["score"] = t["score"].astype("Int64")
    t.to_csv(out.with_name(out.stem + "_truth.csv"), index=False)


if __name__ == "__main__":
    main(*(Path(a) for a in sys.argv[1:2]))
