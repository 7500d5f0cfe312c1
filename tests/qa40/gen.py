"""QA40: a year of monthly exports, as a scheduler meets them, written from one seeded truth.

Three histories, each written by ``write_<history>(root)`` under ``root/<history>/`` with a
``truth.csv`` beside its exports (``unit, when, score, consent, id``; ``score`` blank when
unanswered), the rows ``check.py`` recomputes every figure from.

- ``saas`` — an English SaaS company, 13 monthly Qualtrics CSVs (three header rows,
  ``2026-11-03 09:05:12``, ``Finished``, ``ResponseId``) in ``exports/``, one per month from
  November 2025 to November 2026, read as one folder (``data.path: ../exports/``). Unit column
  ``Q3`` (the product the respondent uses): Billing holds about +35 all year and drops to
  about −15 in November 2026 (a real, significant decline); Analytics has 8 responses in
  November 2026 (a small sample) and about 60 before; Mobile is steady at about +10.
  ``gained=True`` writes a question added in May 2026 (``Q6``, ease of setup): the files from
  then on have a column the earlier ones lack.
- ``retail`` — a Japanese 小売 chain, one cumulative XLSX (``回答一覧``) of 13 months, fiscal year
  from April: answers before April 2026 (the previous 年度) dated in 和暦 (``令和7年11月3日``),
  from April in Excel's Japanese ``2026/11/03 午前 9:05``; a store that opens on 15 July 2026
  (横浜みなとみらい店); store names with a cp932 extension character (髙崎駅前店); consent
  ``はい/いいえ`` and a phone number.
- ``gforms`` — a Google Forms member survey of three gym clubs: the monthly cumulative
  downloads (each holds every response so far) of December 2025 to November 2026 in a drop
  folder, ``Timestamp`` ``11/3/2026 9:05:12`` (US, unpadded), no id, no consent column, an
  optional e-mail; the score question renamed in month 7 (June 2026), so the downloads from
  July on carry the new title for every row (Google Forms heads a column with the question's
  current title).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import numpy as np
import pandas as pd

SEED = 40

# --- saas -----------------------------------------------------------------------------------
SAAS_MONTHS = [
    f"{y}-{m:02d}" for y, m in [(2025, 11), (2025, 12)] + [(2026, k) for k in range(1, 12)]
]
SAAS_UNIT = "Q3"
SAAS_NPS = "Q1"
SAAS_DATE = "RecordedDate"
SAAS_ID = "ResponseId"
SAAS_CONSENT = "Q5"
SAAS_GAINED = "Q6"
SAAS_GAINED_FROM = "2026-05"
# (promoter, passive, detractor) shares and monthly n per unit; November 2026 overrides.
SAAS_MIX = {"Billing": ((0.55, 0.25, 0.20), 70), "Analytics": ((0.45, 0.30, 0.25), 60),
            "Mobile": ((0.40, 0.30, 0.30), 50)}  # fmt: skip
SAAS_LAST = {"Billing": ((0.25, 0.35, 0.40), 75), "Analytics": ((0.45, 0.30, 0.25), 8)}

# --- retail ---------------------------------------------------------------------------------
RETAIL_MONTHS = SAAS_MONTHS
RETAIL_SHEET = "回答一覧"
RETAIL_ID = "回答No"
RETAIL_DATE = "回答日時"
RETAIL_UNIT = "店舗名"
RETAIL_NPS = "総合評価（ご家族・ご友人へのおすすめ度）"
RETAIL_COMMENT = "その理由をお聞かせください"
RETAIL_CONSENT = "今後ご連絡してもよろしいですか"
RETAIL_PHONE = "電話番号"
RETAIL_AGE = "年代"
RETAIL_STORES = {
    "札幌大通店": ((0.35, 0.35, 0.30), 55),
    "髙崎駅前店": ((0.30, 0.35, 0.35), 45),
    "梅田店": ((0.45, 0.30, 0.25), 65),
    "横浜みなとみらい店": ((0.30, 0.30, 0.40), 50),
}
RETAIL_OPENS = dt.datetime(2026, 7, 15)
FISCAL_START = dt.datetime(2026, 4, 1)

# --- gforms ---------------------------------------------------------------------------------
GF_MONTHS = ["2025-12"] + [f"2026-{k:02d}" for k in range(1, 12)]
GF_DATE = "Timestamp"
GF_OLD = "How likely are you to recommend Acme Fitness to a friend?"
GF_NEW = "How likely are you to recommend Acme Fitness to a friend or family member?"
GF_RENAMED_FROM = "2026-06"  # month 7 of 12: its download and every later one say GF_NEW
GF_UNIT = "Which club do you usually visit?"
GF_COMMENT = "What is the main reason for your score?"
GF_EMAIL = "Email address (optional, if you'd like us to follow up)"
GF_CLUBS = {"Downtown": ((0.50, 0.30, 0.20), 40), "Riverside": ((0.35, 0.35, 0.30), 35),
            "Northgate": ((0.30, 0.30, 0.40), 30)}  # fmt: skip

EN_COMMENTS = (
    ["Support answered within the hour.", "Setup took ten minutes.", "Great value for money."],
    [
        "The app keeps crashing on sync.",
        "Invoices are always late.",
        "Too expensive for what it does.",
    ],
)
JA_COMMENTS = (
    ["店員さんの対応がとても丁寧でした。", "品揃えが豊富で満足です。", "レジが早くて助かります。"],
    ["レジの待ち時間が長すぎます。", "商品の場所がわかりにくい。", "駐車場が狭くて停めにくい。"],
)


def _month_start(month: str) -> dt.datetime:
    return dt.datetime.strptime(month, "%Y-%m")


def _next_month(month: str) -> dt.datetime:
    start = _month_start(month)
    return (start + dt.timedelta(days=32)).replace(day=1)


def _scores(rng: np.random.Generator, mix: tuple[float, float, float], n: int) -> np.ndarray:
    """Scores drawn from a promoter/passive/detractor mix (0–6, 7–8, 9–10 uniformly within)."""
    kind = rng.choice(3, size=n, p=list(mix))
    return np.where(kind == 0, rng.integers(9, 11, n),
                    np.where(kind == 1, rng.integers(7, 9, n), rng.integers(0, 7, n)))  # fmt: skip


def _times(rng: np.random.Generator, start: dt.datetime, end: dt.datetime, n: int) -> list:
    """``n`` distinct times to the second between ``start`` and ``end``, sorted."""
    span = int((end - start).total_seconds())
    picks = np.sort(rng.choice(span, size=n, replace=False))
    return [start + dt.timedelta(seconds=int(s)) for s in picks]


def _comment(rng: np.random.Generator, score: float, pool: tuple[list[str], list[str]]) -> str:
    if np.isnan(score) or rng.random() < 0.3:
        return ""
    side = pool[0] if score >= 7 else pool[1]
    return side[int(rng.integers(len(side)))]


def _truth(rows: list[dict], folder: Path) -> None:
    pd.DataFrame(rows).to_csv(folder / "truth.csv", index=False)


# --- saas -----------------------------------------------------------------------------------
def write_saas(root: Path, *, gained: bool = False) -> Path:
    """Write the SaaS company's 13 monthly Qualtrics CSVs; return the history's folder."""
    rng = np.random.default_rng(SEED)
    folder = root / "saas"
    exports = folder / "exports"
    exports.mkdir(parents=True, exist_ok=True)
    truth: list[dict] = []
    serial = 0
    for month in SAAS_MONTHS:
        rows = []
        for unit, (mix, n) in SAAS_MIX.items():
            if month == SAAS_MONTHS[-1] and unit in SAAS_LAST:
                mix, n = SAAS_LAST[unit]
            scores = _scores(rng, mix, n).astype(float)
            scores[rng.random(n) < 0.03] = np.nan  # skipped the question
            for when, score in zip(_times(rng, _month_start(month), _next_month(month), n),
                                   scores, strict=True):  # fmt: skip
                serial += 1
                rid = f"R_{serial:05d}{rng.integers(10**9):09d}"[:17]
                consent = bool(rng.random() < 0.6)
                rows.append({"when": when, "unit": unit, "score": score, "id": rid,
                             "consent": consent, "comment": _comment(rng, score, EN_COMMENTS),
                             "email": f"user{serial}@example.com",
                             "setup": int(rng.integers(1, 6))})  # fmt: skip
        rows.sort(key=lambda r: r["when"])
        with_q6 = gained and month >= SAAS_GAINED_FROM
        header = ["StartDate", "EndDate", "Status", "IPAddress", "Progress",
                  "Duration (in seconds)", "Finished", SAAS_DATE, SAAS_ID, "RecipientEmail",
                  "DistributionChannel", "UserLanguage", SAAS_NPS, "Q1_NPS_GROUP", "Q2",
                  SAAS_UNIT, SAAS_CONSENT]  # fmt: skip
        texts = ["Start Date", "End Date", "Response Type", "IP Address", "Progress",
                 "Duration (in seconds)", "Finished", "Recorded Date", "Response ID",
                 "Recipient Email", "Distribution Channel", "User Language",
                 "How likely are you to recommend Ledgerly to a friend or colleague?",
                 "How likely are you to recommend Ledgerly to a friend or colleague? - Group",
                 "What is the main reason for your score?",
                 "Which Ledgerly product do you use most?",
                 "May we contact you about your feedback?"]  # fmt: skip
        if with_q6:
            header.append(SAAS_GAINED)
            texts.append("How easy was it to set up Ledgerly? (1 = very hard, 5 = very easy)")
        imports = [json.dumps({"ImportId": h if h.startswith("Q") else h.lower()}) for h in header]
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerows([header, texts, imports])
        for r in rows:
            start = r["when"] - dt.timedelta(seconds=int(rng.integers(40, 600)))
            r["start"] = start
            score = r["score"]
            group = ""
            if not np.isnan(score):
                group = "Promoter" if score >= 9 else "Passive" if score >= 7 else "Detractor"
            start_text, when_text = f"{start:%Y-%m-%d %H:%M:%S}", f"{r['when']:%Y-%m-%d %H:%M:%S}"
            seconds = str(int((r["when"] - start).total_seconds()))
            cells = [start_text, when_text, "IP Address", "203.0.113.7", "100", seconds, "True",
                     when_text, r["id"], r["email"], "email", "EN",
                     "" if np.isnan(score) else str(int(score)), group, r["comment"], r["unit"],
                     "Yes" if r["consent"] else "No"]  # fmt: skip
            if with_q6:
                cells.append(str(r["setup"]))
            writer.writerow(cells)
        (exports / f"ledgerly_nps_{month}.csv").write_text(out.getvalue(), "utf-8-sig", newline="")
        # The truth dates a response by its StartDate, as init's columns.date does.
        truth += [{"unit": r["unit"], "when": r["start"], "score": r["score"],
                   "consent": r["consent"], "id": r["id"]} for r in rows]  # fmt: skip
    _truth(truth, folder)
    return folder


# --- retail ---------------------------------------------------------------------------------
_ERAS = (("令和", dt.datetime(2019, 5, 1)), ("平成", dt.datetime(1989, 1, 8)))


def _wareki(when: dt.datetime) -> str:
    """``令和7年11月3日`` (元年 for the first year), the date alone."""
    for era, start in _ERAS:
        if when >= start:
            year = when.year - start.year + 1
            return f"{era}{'元' if year == 1 else year}年{when.month}月{when.day}日"
    raise ValueError(when)


def _gozen(when: dt.datetime) -> str:
    """Excel's Japanese ``yyyy/mm/dd 午前 h:mm`` (12-hour clock, 12 for noon and midnight)."""
    half = "午前" if when.hour < 12 else "午後"
    hour = when.hour % 12 or 12
    return f"{when:%Y/%m/%d} {half} {hour}:{when:%M}"


def write_retail(root: Path) -> Path:
    """Write the chain's cumulative XLSX; return the history's folder."""
    rng = np.random.default_rng(SEED + 1)
    folder = root / "retail"
    folder.mkdir(parents=True, exist_ok=True)
    rows = []
    for month in RETAIL_MONTHS:
        for store, (mix, n) in RETAIL_STORES.items():
            start, end = _month_start(month), _next_month(month)
            if store == "横浜みなとみらい店":
                if end <= RETAIL_OPENS:
                    continue
                if start < RETAIL_OPENS:
                    start, n = RETAIL_OPENS, n // 2
            scores = _scores(rng, mix, n).astype(float)
            scores[rng.random(n) < 0.04] = np.nan
            for when, score in zip(_times(rng, start, end, n), scores, strict=True):
                when = when.replace(second=0)
                rows.append({"when": when, "unit": store, "score": score,
                             "consent": bool(rng.random() < 0.5),
                             "comment": _comment(rng, score, JA_COMMENTS),
                             "age": f"{int(rng.integers(2, 8)) * 10}代"})  # fmt: skip
    rows.sort(key=lambda r: r["when"])
    table = []
    for number, r in enumerate(rows, start=1):
        r["id"] = number
        shown = _wareki(r["when"]) if r["when"] < FISCAL_START else _gozen(r["when"])
        phone = f"090-{rng.integers(1000, 9999)}-{rng.integers(1000, 9999)}" if r["consent"] else ""
        table.append({RETAIL_ID: number, RETAIL_DATE: shown, RETAIL_UNIT: r["unit"],
                      RETAIL_NPS: r["score"], RETAIL_COMMENT: r["comment"],
                      RETAIL_CONSENT: "はい" if r["consent"] else "いいえ",
                      RETAIL_PHONE: phone, RETAIL_AGE: r["age"]})  # fmt: skip
    frame = pd.DataFrame(table)
    frame[RETAIL_NPS] = frame[RETAIL_NPS].astype("Int64")
    frame.to_excel(folder / "顧客満足度調査_累計.xlsx", sheet_name=RETAIL_SHEET, index=False)
    # The truth keeps the wall-clock minute the 和暦 cells drop: check.py reads the cells.
    _truth([{k: r[k] for k in ("unit", "when", "score", "consent", "id")} for r in rows], folder)
    return folder


# --- gforms ---------------------------------------------------------------------------------
def _us(when: dt.datetime) -> str:
    return f"{when.month}/{when.day}/{when.year} {when.hour}:{when:%M:%S}"


def write_gforms(root: Path) -> Path:
    """Write the gym's monthly cumulative Google Forms downloads; return the history's folder."""
    rng = np.random.default_rng(SEED + 2)
    folder = root / "gforms"
    drop = folder / "downloads"
    drop.mkdir(parents=True, exist_ok=True)
    rows: list[dict] = []
    for month in GF_MONTHS:
        for club, (mix, n) in GF_CLUBS.items():
            scores = _scores(rng, mix, n).astype(float)
            for when, score in zip(_times(rng, _month_start(month), _next_month(month), n),
                                   scores, strict=True):  # fmt: skip
                left = rng.random() < 0.35
                rows.append(
                    {
                        "when": when,
                        "unit": club,
                        "score": score,
                        "consent": left,
                        "comment": _comment(rng, score, EN_COMMENTS),
                        "email": f"member{len(rows)}@example.net" if left else "",
                    }
                )
        rows.sort(key=lambda r: r["when"])
        title = GF_NEW if month >= GF_RENAMED_FROM else GF_OLD
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow([GF_DATE, title, GF_UNIT, GF_COMMENT, GF_EMAIL])
        for r in rows:
            writer.writerow(
                [_us(r["when"]), str(int(r["score"])), r["unit"], r["comment"], r["email"]]
            )
        day = _next_month(month)
        name = f"Acme Fitness Member Survey (Responses) {day:%Y-%m-%d}.csv"
        (drop / name).write_text(out.getvalue(), "utf-8", newline="")
    _truth([{"unit": r["unit"], "when": r["when"], "score": r["score"], "consent": r["consent"],
             "id": ""} for r in rows], folder)  # fmt: skip
    return folder


WRITERS = {"saas": write_saas, "retail": write_retail, "gforms": write_gforms}


def main(root: Path) -> None:
    """Write every history under ``root``."""
    for write in WRITERS.values():
        write(root)


if __name__ == "__main__":
    import sys

    main(Path(sys.argv[1]))
