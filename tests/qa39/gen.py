"""QA39: exports of Japanese survey tools nps-kit had not seen, written from one seeded truth.

Each ``write_<tool>(path)`` writes the file as that tool does and ``<stem>_truth.csv`` beside it
(``unit, month, score`` with ``score`` blank when unanswered), the figures ``check.py`` compares.

- Questant (Macromill): cp932, CRLF, ``No.``/``回答開始日時``/``回答終了日時`` then ``Q1.…``
  columns; the 0–10 choice written as its label at both ends (``10（非常にすすめたい）``,
  ``0（全くすすめたくない）``), plain digits between; ``2026/11/03 9:05`` (no seconds, hour not
  padded); blank when unanswered; comments with line breaks.
- CREATIVE SURVEY: UTF-8 with BOM, ``回答ID``/``回答日時`` (``2026-11-03 09:05:12 +0900``),
  ``無回答`` in unanswered cells.
- Tayori: UTF-16 (BOM) tab-separated, ``受信日時`` ``2026年11月3日 9:05``, score ``8点``, some
  全角 (``１０点``).
- formrun: cp932, ``ID, ステータス, 担当者, ラベル, 登録日時, 更新日時`` then the items.
- SurveyMonkey (Japanese UI): UTF-8 BOM, two header rows (``回答者 ID`` …; ``回答`` under a
  question), ``開始日``/``終了日`` ``11/03/2026 09:05:12 午前``.
- A research agency's 集計表 (XLSX): a merged title and four lines of survey facts above the
  table, ``Q1. …をおすすめしますか`` answered ``0：全くそう思わない`` … ``10：非常にそう思う``
  (digits between as ``5``), ``回答日`` an Excel date; and its SA-code twin, the 0–10 question as
  codes 1–11 with a ``コード表`` sheet (code 1 = 0 points).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import numpy as np
import pandas as pd

SEED = 39
START = dt.datetime(2026, 10, 1)

COMMENTS = {
    "retail": (
        [
            "店員さんの対応がとても丁寧でした。",
            "品揃えが豊富で、欲しい物がすぐ見つかりました。",
            "レジが早くて助かります。",
        ],
        [
            "レジの待ち時間が長すぎます。",
            "商品の場所がわかりにくい。\n案内表示を増やしてほしい。",
            "店員さんの態度が悪かったです。",
        ],
    ),
    "saas": (
        [
            "画面が見やすく、導入後すぐに使いこなせました。",
            "サポートの返信が早くて安心です。",
            "API連携が簡単でした。",
        ],
        [
            "動作が重く、締め日に固まります。",
            "料金が高い割に機能が少ない。",
            "問い合わせの返信が遅い。\n電話窓口もほしいです。",
        ],
    ),
    "clinic": (
        ["先生の説明がわかりやすかったです。", "受付の方が親切でした。", "予約が取りやすい。"],
        [
            "待ち時間が長く、1時間以上待ちました。",
            "駐車場が狭くて停めにくい。",
            "会計に時間がかかりすぎる。\n改善してください。",
        ],
    ),
    "school": (
        [
            "講師の教え方が丁寧で成績が上がりました。",
            "自習室が使いやすいです。",
            "振替授業に柔軟に対応してもらえました。",
        ],
        [
            "授業料が高いと感じます。",
            "教室が寒い。\n空調を見直してほしい。",
            "講師がよく変わるので不安です。",
        ],
    ),
    "hotel": (
        ["部屋が清潔で快適でした。", "朝食がおいしかったです。", "フロントの対応が素晴らしい。"],
        [
            "チェックインに30分かかりました。",
            "Wi-Fiが遅くて仕事になりません。",
            "隣の部屋の音がうるさい。\n防音を改善してほしい。",
        ],
    ),
}


def _responses(n: int, units: dict[str, float], industry: str, seed: int) -> pd.DataFrame:
    """n responses over October–November 2026: unit, when, score (NaN unanswered), comment.

    ``units`` maps each unit to a shift of its score distribution, so units differ."""
    rng = np.random.default_rng(seed)
    names = list(units)
    unit = rng.choice(names, size=n)
    seconds = np.sort(rng.integers(0, 61 * 86400, size=n))
    when = [START + dt.timedelta(seconds=int(s)) for s in seconds]
    base = rng.choice(np.arange(11), size=n,
                      p=[.03, .02, .03, .04, .05, .08, .10, .15, .18, .16, .16])  # fmt: skip
    shift = np.array([units[u] for u in unit])
    late = np.array([w.month == 11 for w in when])
    score = np.clip(base + np.round(shift * late).astype(int), 0, 10).astype(float)
    score[rng.random(n) < 0.04] = np.nan
    good, bad = COMMENTS[industry]
    comment = [
        "" if rng.random() < 0.25 else str(rng.choice(good if s >= 9 else bad))
        for s in np.nan_to_num(score, nan=5)
    ]
    return pd.DataFrame({"unit": unit, "when": when, "score": score, "comment": comment})


def _truth(frame: pd.DataFrame, path: Path) -> None:
    months = [w.strftime("%Y-%m") for w in frame["when"]]
    out = pd.DataFrame({"unit": frame["unit"], "month": months,
                        "score": frame["score"].astype("Int64")})  # fmt: skip
    out.to_csv(path.with_name(path.stem + "_truth.csv"), index=False)


def _csv(rows: list[list[str]], *, delimiter: str = ",", newline: str = "\r\n") -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator=newline,
                        quoting=csv.QUOTE_ALL)  # fmt: skip
    writer.writerows(rows)
    return buffer.getvalue()


QUESTANT_UNIT = "Q1.ご利用の店舗をお選びください。"
QUESTANT_NPS = "Q2.あなたは当店を友人や知人にすすめる可能性はどのくらいありますか？"
QUESTANT_COMMENT = "Q3.そのように評価された理由をお聞かせください。"
QUESTANT_DATE = "回答終了日時"


def questant_score(s: float) -> str:
    if np.isnan(s):
        return ""
    return {10: "10（非常にすすめたい）", 0: "0（全くすすめたくない）"}.get(int(s), str(int(s)))


def write_questant(path: Path) -> pd.DataFrame:
    f = _responses(420, {"新宿店": 0, "梅田店": -2, "博多店": 1}, "retail", SEED)
    rows = [["No.", "回答開始日時", QUESTANT_DATE, QUESTANT_UNIT, QUESTANT_NPS, QUESTANT_COMMENT,
             "Q4.性別", "Q5.年代"]]  # fmt: skip
    rng = np.random.default_rng(SEED + 1)
    for k, r in enumerate(f.itertuples(), 1):
        end = r.when
        begin = end - dt.timedelta(seconds=int(rng.integers(40, 600)))
        stamp = lambda t: f"{t:%Y/%m/%d} {t.hour}:{t:%M}"  # noqa: E731
        sex = str(rng.choice(["男性", "女性", "回答しない"]))
        rows.append([str(k), stamp(begin), stamp(end), r.unit, questant_score(r.score),
                     r.comment.replace("\n", "\r\n"), sex,
                     str(rng.choice(["20代", "30代", "40代", "50代", "60代以上"]))])  # fmt: skip
    path.write_bytes(_csv(rows).encode("cp932"))
    _truth(f, path)
    return f


CS_UNIT = "ご利用中のサービス"
CS_NPS = "このサービスを同僚や知人にすすめる可能性は、0〜10でどのくらいですか？"
CS_COMMENT = "その点数をつけた理由を教えてください"
CS_DATE = "回答日時"


def write_creative_survey(path: Path) -> pd.DataFrame:
    f = _responses(360, {"クラウド会計": 0, "勤怠管理": -2, "経費精算": 2}, "saas", SEED + 10)
    rng = np.random.default_rng(SEED + 11)
    rows = [["回答ID", CS_DATE, "回答時間（秒）", CS_UNIT, CS_NPS, CS_COMMENT, "会社規模"]]
    for r in f.itertuples():
        rid = "".join(rng.choice(list("abcdef0123456789"), size=12))
        rows.append([rid, f"{r.when:%Y-%m-%d %H:%M:%S} +0900", str(int(rng.integers(30, 900))),
                     r.unit, "無回答" if np.isnan(r.score) else str(int(r.score)),
                     r.comment or "無回答",
                     str(rng.choice(["1〜49名", "50〜299名", "300名以上"]))])  # fmt: skip
    path.write_bytes(b"\xef\xbb\xbf" + _csv(rows, newline="\n").encode("utf-8"))
    _truth(f, path)
    return f


TAYORI_UNIT = "受診された診療科"
TAYORI_NPS = "当院をご家族やご友人にすすめたいと思いますか（0〜10点）"
TAYORI_COMMENT = "ご意見・ご感想"
TAYORI_DATE = "受信日時"
ZEN = str.maketrans("0123456789", "０１２３４５６７８９")


def write_tayori(path: Path) -> pd.DataFrame:
    f = _responses(300, {"内科": 0, "小児科": 1, "整形外科": -2}, "clinic", SEED + 20)
    rng = np.random.default_rng(SEED + 21)
    rows = [["フォーム名", TAYORI_DATE, "ステータス", TAYORI_UNIT, TAYORI_NPS, TAYORI_COMMENT,
             "お名前", "メールアドレス"]]  # fmt: skip
    for k, r in enumerate(f.itertuples()):
        if np.isnan(r.score):
            score = ""
        else:
            score = f"{int(r.score)}点"
            if rng.random() < 0.15:
                score = score.translate(ZEN)
        rows.append(["外来満足度アンケート", f"{r.when.year}年{r.when.month}月{r.when.day}日 "
                     f"{r.when.hour}:{r.when:%M}", str(rng.choice(["未対応", "対応済み"])), r.unit,
                     score, r.comment, f"患者{k:03d}", f"patient{k:03d}@example.jp"])  # fmt: skip
    path.write_bytes(_csv(rows, delimiter="\t").encode("utf-16"))
    _truth(f, path)
    return f


FORMRUN_UNIT = "ご利用の教室"
FORMRUN_NPS = "当塾をお知り合いにおすすめする可能性はどのくらいありますか"
FORMRUN_COMMENT = "その理由を教えてください"
FORMRUN_DATE = "登録日時"


def write_formrun(path: Path) -> pd.DataFrame:
    f = _responses(330, {"渋谷校": 0, "横浜校": 2, "大宮校": -1}, "school", SEED + 30)
    rng = np.random.default_rng(SEED + 31)
    rows = [["ID", "ステータス", "担当者", "ラベル", FORMRUN_DATE, "更新日時", FORMRUN_UNIT,
             "学年", FORMRUN_NPS, FORMRUN_COMMENT, "保護者氏名", "電話番号",
             "今後ご連絡してもよろしいですか"]]  # fmt: skip
    for k, r in enumerate(f.itertuples(), 1001):
        updated = r.when + dt.timedelta(days=int(rng.integers(0, 3)))
        rows.append([str(k), str(rng.choice(["未対応", "対応中", "完了"])),
                     str(rng.choice(["佐藤", "鈴木", ""])), "", f"{r.when:%Y/%m/%d %H:%M:%S}",
                     f"{updated:%Y/%m/%d %H:%M:%S}", r.unit,
                     str(rng.choice(["小学生", "中学1年", "中学2年", "中学3年"])),
                     "" if np.isnan(r.score) else str(int(r.score)), r.comment,
                     f"保護者{k}", f"090-{k:04d}-{int(rng.integers(1000, 9999))}",
                     str(rng.choice(["はい", "いいえ"]))])  # fmt: skip
    path.write_bytes(_csv(rows).encode("cp932"))
    _truth(f, path)
    return f


SM_UNIT = "ご宿泊いただいたホテルを選択してください。"
SM_NPS = "このホテルを友人や同僚に薦める可能性はどのくらいありますか？"
SM_COMMENT = "そのスコアを付けた主な理由は何ですか？"
SM_DATE = "終了日"


def _ampm(t: dt.datetime) -> str:
    hour = t.hour % 12 or 12
    return f"{t:%m/%d/%Y} {hour:02d}:{t:%M:%S} {'午前' if t.hour < 12 else '午後'}"


def write_surveymonkey_ja(path: Path) -> pd.DataFrame:
    f = _responses(380, {"ホテル東京ベイ": 0, "ホテル京都駅前": 2, "ホテル札幌": -2}, "hotel",
                   SEED + 40)  # fmt: skip
    rng = np.random.default_rng(SEED + 41)
    head = ["回答者 ID", "コレクター ID", "開始日", SM_DATE, "IP アドレス", "メール アドレス", "名",
            "姓", "カスタム データ 1", SM_UNIT, SM_NPS, SM_COMMENT]  # fmt: skip
    sub = [""] * 9 + ["回答", "回答", "自由回答"]
    rows = [head, sub]
    for k, r in enumerate(f.itertuples()):
        begin = r.when - dt.timedelta(seconds=int(rng.integers(60, 400)))
        rows.append([str(114000000000 + k * 7), "431234567", _ampm(begin), _ampm(r.when),
                     f"203.0.113.{k % 250}", "", "", "", "", r.unit,
                     "" if np.isnan(r.score) else str(int(r.score)), r.comment])  # fmt: skip
    path.write_bytes(b"\xef\xbb\xbf" + _csv(rows).encode("utf-8"))
    _truth(f, path)
    return f


AGENCY_NPS = "Q1. 当社の商品を、ご家族やご友人におすすめしますか"
AGENCY_UNIT = "エリア"
AGENCY_DATE = "回答日"
AGENCY_COMMENT = "Q2. その理由をお聞かせください"


def agency_label(s: float) -> str:
    if np.isnan(s):
        return "無回答"
    return {0: "0：全くそう思わない", 10: "10：非常にそう思う"}.get(int(s), str(int(s)))


def write_agency(path: Path, *, codes: bool = False) -> pd.DataFrame:
    """The agency's 集計表; ``codes`` writes the SA-code twin (1–11, コード表 sheet)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    f = _responses(400, {"関東": 0, "関西": -2, "九州": 2}, "retail", SEED + 50 + codes)
    rng = np.random.default_rng(SEED + 51)
    wb = Workbook()
    ws = wb.active
    ws.title = "ローデータ"
    ws["A1"] = "2026年度 顧客満足度調査　ローデータ"
    ws["A1"].font = Font(bold=True, size=14)
    ws.merge_cells("A1:G1")
    ws["A1"].alignment = Alignment(horizontal="center")
    ws["A2"] = "調査主体：株式会社サンプル食品"
    ws["A3"] = "調査期間：2026年10月1日～2026年11月30日"
    ws["A4"] = "調査方法：インターネット調査（n=400）"
    header = ["SampleID", AGENCY_DATE, AGENCY_UNIT, "性別", "年代", AGENCY_NPS, AGENCY_COMMENT]
    ws.append([])
    ws.append(header)
    for k, r in enumerate(f.itertuples(), 1):
        if codes:
            answer: object = None if np.isnan(r.score) else int(r.score) + 1
        else:
            answer = agency_label(r.score)
        ws.append([f"S{k:05d}", r.when.date(), r.unit, int(rng.integers(1, 3)),
                   int(rng.integers(2, 7)), answer, r.comment or None])  # fmt: skip
        ws.cell(ws.max_row, 2).number_format = "yyyy/m/d"
    if codes:
        table = wb.create_sheet("コード表")
        table.append(["設問", "コード", "選択肢"])
        for code in range(1, 12):
            table.append([AGENCY_NPS if code == 1 else None, code, agency_label(code - 1)])
        for code, sex in enumerate(["男性", "女性"], 1):
            table.append(["性別" if code == 1 else None, code, sex])
    wb.save(path)
    _truth(f, path)
    return f


WRITERS = {
    "questant.csv": write_questant,
    "creative_survey.csv": write_creative_survey,
    "tayori.tsv": write_tayori,
    "formrun.csv": write_formrun,
    "surveymonkey_ja.csv": write_surveymonkey_ja,
    "agency.xlsx": write_agency,
    "agency_codes.xlsx": lambda p: write_agency(p, codes=True),
}


def main(root: Path) -> None:
    root.mkdir(parents=True, exist_ok=True)
    for name, write in WRITERS.items():
        write(root / name)


if __name__ == "__main__":
    import sys

    main(Path(sys.argv[1]))
