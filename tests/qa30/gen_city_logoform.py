"""QA30 fixture: a Japanese city's counter-service survey, exported from a LoGo-form-like tool.

Writes ``/tmp/qa30/city_logoform.xlsx`` (or the path given as the first argument) and a
``*_truth.csv`` beside it (ward office, month on the JST wall clock, score as it should count,
whether the row is the staff's test).

Shape (a municipal e-form service's Excel download): ``受付番号`` (``R8-000123``), ``開始時刻`` and
``完了時刻`` as real Excel date-times on the Japan wall clock, ``メール``, ``名前``, ``ステータス``
(未対応 / 対応済), the ward office or branch asked in a long question
(``ご利用になった窓口（区役所・支所）``, the units: 5 区役所 and 3 支所, one of which sees 1-4
residents a month), the recommend question with a heading of 90+ characters and a line break,
answered in a free-text box: ``8``, full-width ``１０``, ``７点``, ``10（ぜひすすめたい）``,
``わからない`` and blanks; a 5-point 待ち時間 rating in words, an age band, a multi-select
purpose joined by ``;`` and a comment. Traps: one test submission by the staff (名前 テスト,
comment テスト送信) the day before the survey opened; full-width digits; answers near midnight at
month ends.
"""

from __future__ import annotations

import sys
from datetime import datetime, timedelta
from pathlib import Path

import numpy as np
import pandas as pd
from openpyxl import Workbook

WARDS = {
    "中央区役所": 0.22,
    "北区役所": 0.16,
    "南区役所": 0.15,
    "東区役所": 0.14,
    "西区役所": 0.13,
    "北区役所 新川支所": 0.09,
    "南区役所 緑が丘支所": 0.09,
    "西区役所 山間支所": 0.02,
}
NPS_Q = (
    "今回の窓口でのお手続きを通じて、あなたはご家族やご友人、知人に、本市の窓口サービスを\n"
    "どの程度すすめたいと思いますか。0（まったくすすめたくない）から10（ぜひすすめたい）の"
    "11段階の数字でご記入ください。"
)
WAIT_Q = "窓口での待ち時間について、どのように感じましたか。"
WAIT = ("とても不満", "やや不満", "どちらともいえない", "やや満足", "とても満足")
AGE = ("10代", "20代", "30代", "40代", "50代", "60代", "70歳以上")
PURPOSE = (
    "住民票・証明書",
    "転入・転出",
    "マイナンバーカード",
    "国民健康保険",
    "子育て・保育",
    "税金",
)
NEG = (
    "番号札を取ってから1時間以上待たされました。土曜開庁を増やしてほしい。",
    "書類の不備で3回も窓口を回されました。最初に説明してほしかったです。",
    "駐車場が狭く、停めるまでに20分かかった。",
    "職員の説明が早口で、高齢の母には分かりにくかったようです。",
    "オンラインでできると思ったら結局来庁が必要だった。",
)
POS = (
    "職員の方がとても親切で、丁寧に案内していただきました。",
    "マイナンバーカードの受け取りが予約制でスムーズでした。",
    "待ち時間がアプリで確認でき、買い物をしてから戻れて便利でした。",
    "支所は空いていて、5分で手続きが終わりました。ありがとうございました。",
)
MID = ("特になし", "普通", "", "", "可もなく不可もなく")
FAMILY = ("佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺")
GIVEN = ("一郎", "花子", "健太", "美穂")
FW = str.maketrans("0123456789", "０１２３４５６７８９")


def cell_for(s: int, rng: np.random.Generator) -> str:
    """The score as residents typed it in a free-text box."""
    r = rng.random()
    if r < 0.55:
        return str(s)
    if r < 0.75:
        return str(s).translate(FW)
    if r < 0.85:
        return f"{s}点"
    if r < 0.9 and s in (0, 10):
        return "10（ぜひすすめたい）" if s == 10 else "0（まったくすすめたくない）"
    return str(s)


def main(out: Path) -> None:
    """Write the workbook and its truth."""
    rng = np.random.default_rng(30001)
    n = 2400
    start, end = datetime(2026, 4, 1), datetime(2026, 12, 1)
    span = (end - start).total_seconds()
    times = sorted(start + timedelta(seconds=float(x)) for x in rng.uniform(0, span, n))
    # answers in the last and first minutes of months (JST wall clock)
    for k, m in enumerate((5, 6, 7, 8, 9, 10, 11)):
        times[100 + k * 300] = datetime(2026, m + 1, 1, 0, 2) - timedelta(minutes=5)
        times[101 + k * 300] = datetime(2026, m + 1, 1, 0, 1)
    times.sort()
    keys = list(WARDS)
    p = np.array(list(WARDS.values()))
    rows, truth = [], []
    header = ["受付番号", "開始時刻", "完了時刻", "メール", "名前", "ステータス",
              "ご利用になった窓口（区役所・支所）をお選びください。", NPS_Q, WAIT_Q, "年代",
              "本日のご用件（複数選択可）", "ご意見・ご感想があればご自由にお書きください。",
              "回答内容について市から連絡してもよろしいですか。"]  # fmt: skip
    # the staff's test the day before the survey opened
    t0 = datetime(2026, 3, 31, 17, 45)
    rows.append(["R8-000001", t0 - timedelta(minutes=2), t0, "koho@city.example.lg.jp", "テスト",
                 "対応済", "中央区役所", "１０", WAIT[4], "40代", "住民票・証明書",
                 "テスト送信です。集計しないでください。", "いいえ"])  # fmt: skip
    truth.append({"row": 2, "unit": "中央区役所", "month": "2026-03", "score": 10, "test": True})
    for i, t in enumerate(times):
        ward = keys[rng.choice(len(keys), p=p / p.sum())]
        base = {"中央区役所": 5.8, "北区役所 新川支所": 8.2, "南区役所 緑が丘支所": 8.0}.get(
            ward, 6.9
        )
        s = int(np.clip(np.round(rng.normal(base, 2.6)), 0, 10))
        r = rng.random()
        cell, score = cell_for(s, rng), s
        if r < 0.03:
            cell, score = "", None
        elif r < 0.05:
            cell, score = "わからない", None
        src = NEG if s <= 6 else POS if s >= 9 else MID
        named = rng.random() < 0.6
        consent = ("はい" if rng.random() < 0.45 else "いいえ") if named else ""
        purposes = rng.choice(PURPOSE, size=int(rng.integers(1, 3)), replace=False)
        rows.append(
            [
                f"R8-{i + 2:06d}",
                t - timedelta(seconds=int(rng.integers(60, 900))),
                t,
                f"resident{i}@example.jp" if named else "",
                f"{FAMILY[i % 6]} {GIVEN[i % 4]}" if named else "",
                "対応済" if rng.random() < 0.3 else "未対応",
                ward,
                cell,
                WAIT[int(np.clip(round(s / 2.5), 0, 4))] if rng.random() > 0.04 else "",
                AGE[int(rng.integers(len(AGE)))],
                ";".join(purposes),
                src[rng.integers(len(src))] if rng.random() < 0.6 else "",
                consent,
            ]
        )
        truth.append({"row": i + 3, "unit": ward, "month": t.strftime("%Y-%m"), "score": score,
                      "test": False})  # fmt: skip
    wb = Workbook()
    ws = wb.active
    ws.title = "回答一覧"
    ws.append(header)
    for r in rows:
        ws.append(r)
    for col in ("B", "C"):
        for c in ws[col][1:]:
            c.number_format = "yyyy/mm/dd hh:mm:ss"
    out.parent.mkdir(parents=True, exist_ok=True)
    wb.save(out)
    pd.DataFrame(truth).to_csv(out.with_name(out.stem + "_truth.csv"), index=False)
    print(f"wrote {out} ({len(rows)} rows)")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/tmp/qa30/city_logoform.xlsx"))
