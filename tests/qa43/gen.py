"""QA43: two projects that do not look like the demo, written from one seeded truth.

``write_<project>(root)`` writes ``root/<project>/`` with a ``truth.csv`` beside the exports
(``unit, when, score, comment``), the rows a check recomputes every figure from.

- ``bank`` — a Japanese 地方銀行's call-centre export, one **cp932** CSV
  (``相談受付一覧.csv``) of 14 months (October 2025 – November 2026, two 年度 from April).
  ``回答日`` is ``2026/4/1`` (unpadded)
  for some rows and ``令和8年5月2日`` for others, mixed in one column; ``おすすめ度（0〜10）``;
  ``支店名`` with 六本木支店 (large), 梅田支店 (medium) and 髙島屋前出張所 (髙: cp932 only, 2–3
  answers a month: under ``min_report_n``); ``相談内容`` (口座開設/住宅ローン/相続/NISA);
  ``担当者評価`` 1–5; a free-text ``ご意見・ご要望`` about 待ち時間, 窓口, アプリ, 手数料, 金利. No
  consent column.
- ``saas`` — a US SaaS company's survey, the same responses three times: a **Qualtrics CSV**
  (three header rows, ImportId JSON row, ``StartDate`` ``11/3/2026 9:05``, ``Q1_NPS_GROUP``),
  a **SurveyMonkey XLSX** (two header rows, the "Response" / "Open-Ended Response"
  sub-header) and a **Parquet** file with tz-aware UTC timestamps. Plan tiers (Free, Team,
  Enterprise) as units; open text about onboarding, SSO, API rate limits, billing; consent and
  an e-mail.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import numpy as np
import pandas as pd

SEED = 43
MONTHS = [f"2025-{m:02d}" for m in (10, 11, 12)] + [f"2026-{m:02d}" for m in range(1, 12)]

# --- bank -----------------------------------------------------------------------------------
BANK_FILE = "相談受付一覧.csv"
BANK_ID = "受付番号"
BANK_DATE = "回答日"
BANK_UNIT = "支店名"
BANK_TOPIC = "相談内容"
BANK_NPS = "おすすめ度（0〜10）"
BANK_STAFF = "担当者評価"
BANK_COMMENT = "ご意見・ご要望"
# (promoter, passive, detractor) shares and monthly n per branch.
BANK_BRANCHES = {
    "六本木支店": ((0.35, 0.35, 0.30), 60),
    "梅田支店": ((0.25, 0.35, 0.40), 30),
    "髙島屋前出張所": ((0.40, 0.40, 0.20), 3),
}
BANK_TOPICS = ("口座開設", "住宅ローン", "相続", "NISA")
BANK_GOOD = [
    "窓口の方の説明がとても丁寧でわかりやすかったです。",
    "住宅ローンの金利について親身に相談に乗っていただきました。",
    "待ち時間が短く、手続きがスムーズでした。",
    "アプリで残高がすぐ確認できて便利です。",
    "相続の手続きを一つずつ案内してもらえて安心しました。",
    "NISAの説明が分かりやすく、始めてみようと思いました。",
]
BANK_BAD = [
    "窓口の待ち時間が長すぎます。1時間以上待たされました。",
    "振込手数料が高いので、他の銀行に移ろうか考えています。",
    "アプリがすぐログアウトされて使いにくい。",
    "定期預金の金利が低すぎる。",
    "相続の手続きで何度も来店させられ、書類の説明も分かりにくかった。",
    "電話がなかなかつながらず、たらい回しにされた。",
    "ATMの手数料が高い。土日も無料にしてほしい。",
]

# --- saas -----------------------------------------------------------------------------------
SAAS_QUALTRICS = "Acme_NPS_Survey_Qualtrics.csv"
SAAS_MONKEY = "Acme NPS Survey (SurveyMonkey).xlsx"
SAAS_PARQUET = "acme_nps_responses.parquet"
SAAS_UNIT = "Q2"  # Qualtrics' column id of the plan tier
SAAS_NPS = "Q1"
SAAS_PLANS = {
    "Free": ((0.25, 0.35, 0.40), 40),
    "Team": ((0.40, 0.35, 0.25), 35),
    "Enterprise": ((0.50, 0.30, 0.20), 20),
}
SAAS_NPS_TEXT = "How likely are you to recommend Acme to a friend or colleague?"
SAAS_PLAN_TEXT = "Which plan is your company on?"
SAAS_WHY_TEXT = "What is the main reason for your score?"
SAAS_CONSENT_TEXT = "May we contact you about your feedback?"
SAAS_EMAIL_TEXT = "Your work e-mail (optional)"
SAAS_GOOD = [
    "Onboarding was smooth and the setup wizard got us live in a day.",
    "SSO with Okta just worked, our IT team was happy.",
    "The API is well documented and easy to integrate.",
    "Support answered within the hour and fixed our issue.",
    "Dashboards are fast and my team uses them daily.",
]
SAAS_BAD = [
    "We keep hitting API rate limits during our nightly sync.",
    "SSO is only on the Enterprise plan, which is far too expensive for us.",
    "Billing charged us twice this month and nobody replied for a week.",
    "Onboarding was confusing, no one showed us how to import our data.",
    "The price went up 30% at renewal without notice.",
    "Rate limiting makes the API unusable for bulk exports.",
    "Invoices are wrong every quarter, billing support is slow.",
]


def _next_month(month: str) -> dt.datetime:
    start = dt.datetime.strptime(month, "%Y-%m")
    return (start + dt.timedelta(days=32)).replace(day=1)


def _scores(rng: np.random.Generator, mix: tuple[float, float, float], n: int) -> np.ndarray:
    kind = rng.choice(3, size=n, p=list(mix))
    return np.where(kind == 0, rng.integers(9, 11, n),
                    np.where(kind == 1, rng.integers(7, 9, n), rng.integers(0, 7, n)))  # fmt: skip


def _times(rng: np.random.Generator, month: str, n: int) -> list[dt.datetime]:
    start = dt.datetime.strptime(month, "%Y-%m")
    span = int((_next_month(month) - start).total_seconds())
    picks = np.sort(rng.choice(span, size=n, replace=False))
    return [start + dt.timedelta(seconds=int(s)) for s in picks]


def _comment(rng: np.random.Generator, score: int, good: list[str], bad: list[str]) -> str:
    if rng.random() < 0.25:
        return ""
    side = good if score >= 7 else bad
    return side[int(rng.integers(len(side)))]


def _reiwa(when: dt.datetime) -> str:
    return f"令和{when.year - 2018}年{when.month}月{when.day}日"


def write_bank(root: Path) -> Path:
    """Write the bank's cp932 CSV; return the project's folder."""
    rng = np.random.default_rng(SEED)
    folder = root / "bank"
    folder.mkdir(parents=True, exist_ok=True)
    rows, truth = [], []
    for month in MONTHS:
        for branch, (mix, n) in BANK_BRANCHES.items():
            count = max(1, int(n + rng.integers(-n // 6 - 1, n // 6 + 2)))
            for when, score in zip(
                _times(rng, month, count), _scores(rng, mix, count), strict=True
            ):
                comment = _comment(rng, int(score), BANK_GOOD, BANK_BAD)
                # The call-centre system writes 和暦 for rows keyed by the old screen.
                day = _reiwa(when) if rng.random() < 0.3 else f"{when.year}/{when.month}/{when.day}"
                rows.append({
                    BANK_ID: "",  # numbered below, in date order
                    BANK_DATE: day,
                    BANK_UNIT: branch,
                    BANK_TOPIC: BANK_TOPICS[int(rng.integers(4))],
                    BANK_NPS: int(score),
                    BANK_STAFF: int(np.clip(round(score / 2.2 + rng.normal(0, 0.7)), 1, 5)),
                    BANK_COMMENT: comment,
                    "_when": when,
                })  # fmt: skip
    rows.sort(key=lambda r: r["_when"])
    for i, row in enumerate(rows, 1):
        row[BANK_ID] = f"C{i:06d}"
        when = row.pop("_when")
        truth.append({"unit": row[BANK_UNIT], "when": when.date().isoformat(),
                      "score": row[BANK_NPS], "comment": row[BANK_COMMENT]})  # fmt: skip
    frame = pd.DataFrame(rows)
    frame.to_csv(folder / BANK_FILE, index=False, encoding="cp932", lineterminator="\r\n")
    pd.DataFrame(truth).to_csv(folder / "truth.csv", index=False)
    return folder


def _saas_rows(rng: np.random.Generator) -> list[dict]:
    rows = []
    for month in MONTHS:
        for plan, (mix, n) in SAAS_PLANS.items():
            count = int(n + rng.integers(-n // 5, n // 5 + 1))
            for when, score in zip(
                _times(rng, month, count), _scores(rng, mix, count), strict=True
            ):
                consent = bool(rng.random() < 0.6)
                rows.append({"when": when, "plan": plan, "score": int(score),
                             "comment": _comment(rng, int(score), SAAS_GOOD, SAAS_BAD),
                             "consent": consent,
                             "email": f"user{len(rows)}@customer{len(rows) % 17}.com"
                             if consent else ""})  # fmt: skip
    rows.sort(key=lambda r: r["when"])
    for i, row in enumerate(rows):
        row["id"] = f"R_{i:05d}{'abcdefghij'[i % 10]}Xq"
        row["duration"] = int(rng.integers(40, 900))
    return rows


def _us(when: dt.datetime) -> str:
    return f"{when.month}/{when.day}/{when.year} {when.hour}:{when.minute:02d}"


def _group(score: int) -> str:
    return "Promoter" if score >= 9 else "Passive" if score >= 7 else "Detractor"


def write_saas(root: Path) -> Path:
    """Write the SaaS survey as Qualtrics CSV, SurveyMonkey XLSX and Parquet; return the folder."""
    rng = np.random.default_rng(SEED + 1)
    folder = root / "saas"
    folder.mkdir(parents=True, exist_ok=True)
    rows = _saas_rows(rng)

    ids = ["StartDate", "EndDate", "Status", "Progress", "Duration (in seconds)", "Finished",
           "RecordedDate", "ResponseId", "Q1", "Q1_NPS_GROUP", "Q2", "Q3", "Q4", "Q5"]  # fmt: skip
    texts = ["Start Date", "End Date", "Response Type", "Progress", "Duration (in seconds)",
             "Finished", "Recorded Date", "Response ID", SAAS_NPS_TEXT,
             f"{SAAS_NPS_TEXT} - Group", SAAS_PLAN_TEXT, SAAS_WHY_TEXT, SAAS_CONSENT_TEXT,
             SAAS_EMAIL_TEXT]  # fmt: skip
    imports = ["startDate", "endDate", "status", "progress", "duration", "finished",
               "recordedDate", "_recordId", "QID1", "QID1_NPS_GROUP", "QID2", "QID3_TEXT",
               "QID4", "QID5_TEXT"]  # fmt: skip
    buffer = io.StringIO()
    out = csv.writer(buffer, lineterminator="\r\n")
    out.writerow(ids)
    out.writerow(texts)
    out.writerow([json.dumps({"ImportId": i}, separators=(",", ":")) for i in imports])
    for r in rows:
        end = r["when"] + dt.timedelta(seconds=r["duration"])
        out.writerow([_us(r["when"]), _us(end), "IP Address", 100, r["duration"], "True",
                      _us(end), r["id"], r["score"], _group(r["score"]), r["plan"],
                      r["comment"], "Yes" if r["consent"] else "No", r["email"]])  # fmt: skip
    (folder / SAAS_QUALTRICS).write_bytes(b"\xef\xbb\xbf" + buffer.getvalue().encode("utf-8"))

    # SurveyMonkey: row 1 the questions (blank over a question's further columns), row 2 the
    # sub-header ("Response", "Open-Ended Response", blank over the meta columns).
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Sheet"
    head1 = ["Respondent ID", "Collector ID", "Start Date", "End Date", "IP Address",
             "Email Address", "First Name", "Last Name", "Custom Data 1", SAAS_NPS_TEXT,
             SAAS_PLAN_TEXT, SAAS_WHY_TEXT, SAAS_CONSENT_TEXT, SAAS_EMAIL_TEXT]  # fmt: skip
    head2 = ["", "", "", "", "", "", "", "", "", "Response", "Response",
             "Open-Ended Response", "Response", "Open-Ended Response"]  # fmt: skip
    sheet.append(head1)
    sheet.append([h or None for h in head2])
    for i, r in enumerate(rows):
        end = r["when"] + dt.timedelta(seconds=r["duration"])
        sheet.append([11400000000 + i, 431234567, r["when"], end, "", "", "", "", "",
                      r["score"], r["plan"], r["comment"] or None,
                      "Yes" if r["consent"] else "No", r["email"] or None])  # fmt: skip
    book.save(folder / SAAS_MONKEY)

    frame = pd.DataFrame({
        "response_id": [r["id"] for r in rows],
        "submitted_at": pd.to_datetime([r["when"] for r in rows]).tz_localize("UTC"),
        "plan_tier": [r["plan"] for r in rows],
        "nps_score": pd.array([r["score"] for r in rows], dtype="Int64"),
        "reason": [r["comment"] for r in rows],
        "contact_ok": [r["consent"] for r in rows],
        "email": [r["email"] or None for r in rows],
    })  # fmt: skip
    frame.to_parquet(folder / SAAS_PARQUET, index=False)
    truth = pd.DataFrame({"unit": [r["plan"] for r in rows],
                          "when": [r["when"].isoformat(sep=" ") for r in rows],
                          "score": [r["score"] for r in rows],
                          "comment": [r["comment"] for r in rows]})  # fmt: skip
    truth.to_csv(folder / "truth.csv", index=False)
    return folder


WRITERS = {"bank": write_bank, "saas": write_saas}


def main(root: Path) -> None:
    """Write every project under ``root``."""
    for write in WRITERS.values():
        write(root)


if __name__ == "__main__":
    import sys

    main(Path(sys.argv[1]))
