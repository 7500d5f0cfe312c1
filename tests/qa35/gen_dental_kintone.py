"""QA35 fixture: a Japanese dental chain's survey answers as kintone/formrun write them, XLSX.

Writes ``/tmp/qa35/dental_kintone.xlsx`` (or the path given as the first argument) and a
``*_truth.csv`` beside it (受付番号, clinic, month, score as it should count, consent).

Shape: one sheet ``回答一覧``; row 1 a **title** (merged over the table), row 2 **blank**, then a
**two-row header with merged cells**: ``受付番号``, ``回答日``, ``医院``, ``コメント``,
``連絡してもよいですか``, ``メールアドレス`` each merged over rows 3–4, and ``ご評価`` merged
over three columns whose own names are in row 4 (the NPS question, ``受付の対応（1〜5）``,
``待ち時間（1〜5）``). ``受付番号`` ``FR-000101``…; ``回答日`` as **和暦** text
``令和8年11月3日`` (a quarter as ``R8.11.3``); the NPS answer partly **full-width digits**
(``１０``, ``７``), partly labels at the ends (``10（非常にすすめたい）``,
``0（まったくすすめない）``), partly plain numbers, 3 % blank; ``医院`` (4 clinics, the units);
Japanese comments about 受付, 待ち時間, 先生, 治療費, 予約; 連絡可否 はい/いいえ with an
address; 640 answers in October and November 2026 (令和8年), 大宮 falling, 横浜 rising.
"""

from __future__ import annotations

import sys
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pandas as pd
from openpyxl import Workbook

TITLE = "【さくら歯科グループ】患者さまアンケート 回答一覧（2026年10月〜11月）"
NPS_Q = "当院をご家族やご友人にすすめる可能性はどのくらいありますか（0〜10）"
UNIT_Q = "医院"
DATE_Q = "回答日"
ID_Q = "受付番号"
COMMENT_Q = "コメント"
CONSENT_Q = "連絡してもよいですか"
GROUP = "ご評価"
RATES = ("受付の対応（1〜5）", "待ち時間（1〜5）")
# Mean score per clinic in October and November: 大宮 falls, 横浜 rises (a real change).
CLINICS = {
    "渋谷駅前歯科": (8.0, 8.0),
    "横浜みなと歯科": (6.3, 8.2),
    "大宮中央歯科": (8.3, 6.4),
    "千葉そよかぜ歯科": (7.2, 7.3),
}
NEG = (
    "予約しているのに待ち時間が40分以上ありました。",
    "受付の方の対応が冷たく、説明もありませんでした。",
    "治療費が事前の説明より高かった。",
    "先生の説明が早口でよく分からなかった。",
    "電話で予約が取りにくい。",
)
POS = (
    "先生が丁寧に説明してくださり、安心して治療を受けられました。",
    "受付の方がとても親切でした。",
    "予約がアプリで簡単に取れて、待ち時間もほとんどありません。",
)
MID = ("", "", "特になし", "普通です。", "")
FULL = str.maketrans("0123456789", "０１２３４５６７８９")


def wareki(day: date, short: bool) -> str:
    """``令和8年11月3日`` or ``R8.11.3`` (令和 starts in 2019)."""
    year = day.year - 2018
    return f"R{year}.{day.month}.{day.day}" if short else f"令和{year}年{day.month}月{day.day}日"


def answer(score: int, rng: np.random.Generator) -> str | int:
    """The NPS answer as the form wrote it: labels at the ends, full-width or plain digits."""
    if score == 10 and rng.random() < 0.5:
        return "10（非常にすすめたい）"
    if score == 0:
        return "0（まったくすすめない）"
    if rng.random() < 0.5:
        return str(score).translate(FULL)
    return score


def main(out: Path = Path("/tmp/qa35/dental_kintone.xlsx")) -> None:
    rng = np.random.default_rng(3501)
    out.parent.mkdir(parents=True, exist_ok=True)
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "回答一覧"
    sheet["A1"] = TITLE
    sheet.merge_cells("A1:I1")
    heads = {"A": ID_Q, "B": DATE_Q, "C": UNIT_Q, "G": COMMENT_Q, "H": CONSENT_Q}
    heads["I"] = "メールアドレス"
    for col, text in heads.items():
        sheet[f"{col}3"] = text
        sheet.merge_cells(f"{col}3:{col}4")
    sheet["D3"] = GROUP
    sheet.merge_cells("D3:F3")
    for col, text in zip("DEF", (NPS_Q, *RATES), strict=True):
        sheet[f"{col}4"] = text
    truth = []
    for i in range(640):
        clinic = list(CLINICS)[int(rng.integers(len(CLINICS)))]
        day = date(2026, 10, 1) + timedelta(days=int(rng.integers(0, 61)))
        mean = CLINICS[clinic][day.month - 10]
        s = int(np.clip(round(rng.normal(mean, 2.2)), 0, 10))
        score = None if rng.random() < 0.03 else s
        consent = "はい" if rng.random() < 0.4 else "いいえ"
        rid = f"FR-{101 + i:06d}"
        comment = str(rng.choice(NEG if s <= 6 else POS if s >= 9 else MID)) or None
        sheet.append(
            [rid, wareki(day, rng.random() < 0.25), clinic,
             None if score is None else answer(score, rng),
             int(np.clip(round(s / 2.2) + rng.integers(-1, 2), 1, 5)),
             int(np.clip(round(s / 2.5) + rng.integers(-1, 2), 1, 5)),
             comment, consent, f"patient{i}@example.jp" if consent == "はい" else None]
        )  # fmt: skip
        truth.append(
            {"id": rid, "unit": clinic, "month": f"{day:%Y-%m}", "day": f"{day:%Y-%m-%d}",
             "score": score, "consent": consent == "はい"}
        )  # fmt: skip
    book.save(out)
    t = pd.DataFrame(truth)
    t["score"] = t["score"].astype("Int64")
    t.to_csv(out.with_name(out.stem + "_truth.csv"), index=False)


if __name__ == "__main__":
    main(*(Path(a) for a in sys.argv[1:2]))
