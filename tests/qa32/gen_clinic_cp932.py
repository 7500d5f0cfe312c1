"""QA32 fixture: a Japanese clinic group's patient survey from a Japanese survey tool, cp932 CSV.

Writes ``/tmp/qa32/clinic_cp932.csv`` (or the path given as the first argument) and a
``*_truth.csv`` beside it (id, clinic, month, score as it should count, consent, the time).

Shape: **cp932**, ``,`` separator, CRLF; **half-width katakana headers** (``ｸﾘﾆｯｸ名``,
``ﾒｰﾙｱﾄﾞﾚｽ``); the recommend question worded without 推奨,
``当院をご家族やご友人に紹介したいと思いますか（0〜10）`` (cp932 has no U+301C: the tool writes
0x8160, read back as ``～`` U+FF5E); scores written ``10点``, ``7点``, ``０`` (full-width digits,
with and without 点; 3 % blank); ``回答日時`` ``2026/11/03 9:05`` (hour without a leading zero);
``連絡の可否`` 可/否; ``ご来院の目的（複数回答）`` joined by 「、」; comments about waiting times,
reception, doctors and parking; 4 clinics (the units); 700 responses Jun–Nov 2026.
"""

from __future__ import annotations

import sys
from datetime import datetime, timedelta
from pathlib import Path

import numpy as np
import pandas as pd

NPS_Q = "当院をご家族やご友人に紹介したいと思いますか（0〜10）"
NPS_Q_WRITTEN = NPS_Q.replace("〜", "～")  # what cp932 writes for 〜 (0x8160) reads back as
CLINICS = {
    "さくら内科クリニック": 0.5,
    "みなと歯科": -0.3,
    "ひかり眼科": 0.2,
    "あおば整形外科": -0.9,
}
PURPOSE = ("定期検診", "風邪・発熱", "予防接種", "健康診断", "紹介状")
NEG = (
    "待ち時間が1時間以上あり、説明もなかった。",
    "受付の対応が冷たく、保険証の確認で何度も待たされた。",
    "先生の説明が早口で分かりにくかった。",
    "駐車場が狭くて停められない。",
)
POS = (
    "先生が丁寧に説明してくださり安心しました。",
    "受付の方がとても親切でした。",
    "予約時間通りに診てもらえて待ち時間が短かった。",
)
MID = ("", "", "特になし", "普通です。", "")
FULL = str.maketrans("0123456789", "０１２３４５６７８９")


def _written(score: int, rng: np.random.Generator) -> str:
    r = rng.random()
    if r < 0.6:
        return f"{score}点"
    if r < 0.8:
        return str(score).translate(FULL)
    return str(score)


def main(out: Path = Path("/tmp/qa32/clinic_cp932.csv")) -> None:
    rng = np.random.default_rng(3203)
    out.parent.mkdir(parents=True, exist_ok=True)
    rows = []
    start = datetime(2026, 6, 1)
    for i in range(700):
        clinic = list(CLINICS)[rng.integers(len(CLINICS))]
        when = start + timedelta(minutes=int(rng.integers(0, 183 * 24 * 60)))
        s = int(np.clip(round(rng.normal(7.0 + CLINICS[clinic], 2.4)), 0, 10))
        score = None if rng.random() < 0.03 else s
        consent = "可" if rng.random() < 0.5 else "否"
        purposes = [p for p in PURPOSE if rng.random() < 0.3] or [PURPOSE[0]]
        rows.append(
            {
                "回答No": 10001 + i,
                "回答日時": f"{when:%Y/%m/%d} {when.hour}:{when:%M}",
                "ｸﾘﾆｯｸ名": clinic,
                NPS_Q_WRITTEN: "" if score is None else _written(score, rng),
                "ご来院の目的（複数回答）": "、".join(purposes),
                "ご意見・ご感想": str(rng.choice(NEG if s <= 6 else POS if s >= 9 else MID)),
                "連絡の可否": consent,
                "ﾒｰﾙｱﾄﾞﾚｽ": f"patient{i}@example.jp" if consent == "可" else "",
                "score": score,
                "when": when,
            }
        )
    frame = pd.DataFrame(rows)
    written = frame.drop(columns=["score", "when"])
    out.write_bytes(written.to_csv(index=False, lineterminator="\r\n").encode("cp932"))
    truth = pd.DataFrame(
        {
            "id": frame["回答No"],
            "unit": frame["ｸﾘﾆｯｸ名"],
            "month": frame["when"].map(lambda t: t.strftime("%Y-%m")),
            "score": frame["score"].astype("Int64"),
            "consent": frame["連絡の可否"] == "可",
            "when": frame["when"].map(lambda t: t.strftime("%Y-%m-%d %H:%M")),
        }
    )
    truth.to_csv(out.with_name(out.stem + "_truth.csv"), index=False)


if __name__ == "__main__":
    main(*(Path(a) for a in sys.argv[1:2]))
