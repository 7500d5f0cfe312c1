"""QA28 fixture: a Japanese electricity and gas retailer's Qualtrics XLSX export.

Writes ``/tmp/qa28/denki_qualtrics.xlsx`` (or the path given as the first argument) and a
``*_truth.csv`` beside it with what every row means (kept, month in JST, score), so the figures
the tool prints can be checked with pandas independently of its loader.

Shape of a real Qualtrics XLSX: three header rows (column ids, question texts, ImportId JSON),
Qualtrics' own columns (Status, IPAddress, Progress, Finished, RecordedDate, ResponseId, the
Recipient* columns, location), JST times written as text, Survey Preview rows, responses that did
not finish, the NPS question with its ``Q1_NPS_GROUP``, 8 regions (the units), a contract type,
a satisfaction matrix (料金 / 検針 / コールセンター) with labelled answers, a reason and an
improvement comment, the consent question 「担当者からの連絡を希望する／希望しない」 and a phone
column. Traps: responses started in the last minutes of a month and recorded in the next, a
region with very few responses, blank scores, and a few scores the respondent left blank while
Qualtrics still wrote an NPS group (never the case in real exports, so not done here).
"""

from __future__ import annotations

import json
import sys
from datetime import datetime, timedelta
from pathlib import Path

import numpy as np
import pandas as pd
from openpyxl import Workbook

REGIONS = {
    "北海道": 0.06,
    "東北": 0.08,
    "関東": 0.40,
    "中部": 0.14,
    "関西": 0.20,
    "中国": 0.05,
    "四国": 0.005,
    "九州": 0.065,
}
CONTRACTS = ("電気のみ", "ガスのみ", "電気・ガスセット")
SAT = ("とても不満", "やや不満", "どちらでもない", "やや満足", "とても満足")
REASON_NEG = (
    "料金が高すぎる。燃料費調整額の説明もない。",
    "検針票が届かず、使用量がわからない。",
    "引越し手続きが煩雑で、電話が全然つながらなかった。",
    "コールセンターに何度かけても繋がらない。待ち時間が30分以上。",
    "請求額が先月の倍になっていて驚いた。説明してほしい。",
    "引越しの際に解約手続きがWebでできず不便でした",
    "検針員の方が勝手に敷地に入ってきて不快だった",
    "ガスの開栓立ち会いの日程が合わず困った",
)
REASON_MID = (
    "料金は普通。特に不満はない。",
    "可もなく不可もなく。",
    "ポイントがもう少し貯まるとうれしい",
    "アプリの使用量グラフは見やすいが、料金は他社並み",
    "",
)
REASON_POS = (
    "セット割で料金が安くなった。",
    "コールセンターの方の対応がとても丁寧でした。",
    "引越し手続きがWebで簡単に済んだ。",
    "検針結果がアプリですぐ見られて便利",
    "停電時の情報提供が早くて助かった",
    "",
)
IMPROVE = (
    "電話がつながりやすくしてほしい",
    "料金プランをもっとわかりやすく",
    "検針票を紙で送ってほしい",
    "引越し手続きをオンラインで完結できるように",
    "特になし",
    "",
    "",
)


def build(seed: int = 28) -> pd.DataFrame:
    """Rows of the export with truth columns (``_kept``, ``_month``, ``_score``)."""
    rng = np.random.default_rng(seed)
    rows = []
    start = datetime(2025, 9, 1)
    end = datetime(2026, 11, 1)
    days = (end - start).days
    names = list(REGIONS)
    probs = np.array(list(REGIONS.values()))
    probs = probs / probs.sum()
    n = 3200
    for i in range(n):
        region = names[rng.choice(len(names), p=probs)]
        t = start + timedelta(seconds=int(rng.integers(0, days * 86400)))
        # Some responses started in the last minutes of a month and recorded much later.
        if i % 97 == 0:
            t = datetime(t.year, t.month, 1) - timedelta(minutes=int(rng.integers(1, 30)))
            if t < start:
                t = start + timedelta(hours=1)
        base = {"関東": 0.0, "関西": 0.6, "四国": -1.0, "北海道": 0.3}.get(region, -0.3)
        score = int(np.clip(round(rng.normal(6.6 + base, 2.4)), 0, 10))
        finished = rng.random() > 0.07
        duration = int(rng.integers(40, 900))
        recorded = t + timedelta(seconds=duration) if finished else t + timedelta(days=7)
        status = "IP Address"
        if i % 211 == 5:
            status = "Survey Preview"
        if score <= 6:
            reason = REASON_NEG[int(rng.integers(len(REASON_NEG)))]
        elif score <= 8:
            reason = REASON_MID[int(rng.integers(len(REASON_MID)))]
        else:
            reason = REASON_POS[int(rng.integers(len(REASON_POS)))]
        blank_score = i % 53 == 0
        consent = rng.choice(
            ["担当者からの連絡を希望する", "担当者からの連絡を希望しない", ""], p=[0.35, 0.55, 0.10]
        )
        phone = (
            f"0{int(rng.integers(70, 91))}-{int(rng.integers(1000, 9999))}-"
            f"{int(rng.integers(1000, 9999))}"
            if consent == "担当者からの連絡を希望する"
            else ""
        )
        mat = [
            SAT[int(np.clip(round((score - 1) / 2.2 + rng.normal(0, 0.8)), 0, 4))] for _ in range(3)
        ]
        if rng.random() < 0.15:
            mat[1] = "該当なし"
        rows.append(
            {
                "StartDate": t.strftime("%Y-%m-%d %H:%M:%S"),
                "EndDate": recorded.strftime("%Y-%m-%d %H:%M:%S"),
                "Status": status,
                "IPAddress": f"203.0.113.{i % 250}" if status == "IP Address" else "",
                "Progress": 100 if finished else int(rng.integers(20, 90)),
                "Duration (in seconds)": duration,
                "Finished": "True" if finished else "False",
                "RecordedDate": recorded.strftime("%Y-%m-%d %H:%M:%S"),
                "ResponseId": f"R_{rng.integers(16**14):014x}",
                "RecipientLastName": "",
                "RecipientFirstName": "",
                "RecipientEmail": "",
                "ExternalReference": f"C{1000000 + i}",
                "LocationLatitude": "35.6895",
                "LocationLongitude": "139.6917",
                "DistributionChannel": "email" if status == "IP Address" else "preview",
                "UserLanguage": "JA",
                "Q1": "" if blank_score else score,
                "Q1_NPS_GROUP": ""
                if blank_score
                else ("Promoter" if score >= 9 else "Passive" if score >= 7 else "Detractor"),
                "Q2": region,
                "Q3": CONTRACTS[int(rng.integers(3))],
                "Q4_1": mat[0],
                "Q4_2": mat[1],
                "Q4_3": mat[2],
                "Q5": reason,
                "Q6": IMPROVE[int(rng.integers(len(IMPROVE)))],
                "Q7": consent,
                "Q8": phone,
                "_kept": status == "IP Address",
                "_month": t.strftime("%Y-%m"),
                "_score": np.nan if blank_score else score,
            }
        )
    return pd.DataFrame(rows)


Q_NPS = (
    "当社の電気・ガスを、ご家族やご友人にどの程度すすめたいと思いますか？"
    "（0＝まったくすすめたくない〜10＝非常にすすめたい）"
)
Q_OK = (
    "いただいたご意見について、担当者からの連絡を希望しますか？"
    "（担当者からの連絡を希望する／希望しない）"
)
TEXTS = {
    "StartDate": "Start Date",
    "EndDate": "End Date",
    "Status": "Response Type",
    "IPAddress": "IP Address",
    "Progress": "Progress",
    "Duration (in seconds)": "Duration (in seconds)",
    "Finished": "Finished",
    "RecordedDate": "Recorded Date",
    "ResponseId": "Response ID",
    "RecipientLastName": "Recipient Last Name",
    "RecipientFirstName": "Recipient First Name",
    "RecipientEmail": "Recipient Email",
    "ExternalReference": "External Data Reference",
    "LocationLatitude": "Location Latitude",
    "LocationLongitude": "Location Longitude",
    "DistributionChannel": "Distribution Channel",
    "UserLanguage": "User Language",
    "Q1": Q_NPS,
    "Q1_NPS_GROUP": Q_NPS + " - Group",
    "Q2": "お住まいの地域を教えてください。",
    "Q3": "ご契約内容を教えてください。",
    "Q4_1": "以下の項目について、満足度をお聞かせください。 - 料金",
    "Q4_2": "以下の項目について、満足度をお聞かせください。 - 検針",
    "Q4_3": "以下の項目について、満足度をお聞かせください。 - コールセンター",
    "Q5": "そのように評価された理由をお聞かせください。（自由記述）",
    "Q6": "今後改善してほしい点があればお聞かせください。",
    "Q7": Q_OK,
    "Q8": "ご連絡先の電話番号をご記入ください。",
}
IMPORT = {
    "StartDate": "startDate",
    "EndDate": "endDate",
    "Status": "status",
    "IPAddress": "ipAddress",
    "Progress": "progress",
    "Duration (in seconds)": "duration",
    "Finished": "finished",
    "RecordedDate": "recordedDate",
    "ResponseId": "_recordId",
    "RecipientLastName": "recipientLastName",
    "RecipientFirstName": "recipientFirstName",
    "RecipientEmail": "recipientEmail",
    "ExternalReference": "externalDataReference",
    "LocationLatitude": "locationLatitude",
    "LocationLongitude": "locationLongitude",
    "DistributionChannel": "distributionChannel",
    "UserLanguage": "userLanguage",
    "Q1": "QID11",
    "Q1_NPS_GROUP": "QID11_NPS_GROUP",
    "Q2": "QID12",
    "Q3": "QID13",
    "Q4_1": "QID14_1",
    "Q4_2": "QID14_2",
    "Q4_3": "QID14_3",
    "Q5": "QID15_TEXT",
    "Q6": "QID16_TEXT",
    "Q7": "QID17",
    "Q8": "QID18_TEXT",
}


def write(path: Path) -> pd.DataFrame:
    """Write the XLSX and its truth file; return the rows."""
    df = build()
    cols = list(TEXTS)
    wb = Workbook()
    ws = wb.active
    ws.title = "Sheet0"
    ws.append(cols)
    ws.append([TEXTS[c] for c in cols])
    ws.append([json.dumps({"ImportId": IMPORT[c]}) for c in cols])
    for rec in df[cols].itertuples(index=False):
        ws.append([None if v == "" else v for v in rec])
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    truth = df[["ResponseId", "Q2", "_kept", "_month", "_score", "Q7", "Finished"]]
    truth.to_csv(path.with_name(path.stem + "_truth.csv"), index=False)
    return df


if __name__ == "__main__":
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/tmp/qa28/denki_qualtrics.xlsx")
    frame = write(out)
    print(out, len(frame), "rows")
