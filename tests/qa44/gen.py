"""QA44: two exports no demo looks like, written from one seeded truth.

``write_<project>(root)`` writes ``root/<project>/`` with a ``truth.csv`` beside the export
(``unit, when, score, comment``): one row per real response, the rows a check recomputes every
figure from. The score and time helpers are QA43's (``tests/qa43/gen.py``).

- ``hotel`` — a hotel chain's Medallia-style export, **UTF-16 LE with BOM, tab-separated**
  (``GuestSurvey_Export.txt``), 14 months (October 2025 – November 2026). Properties as units:
  京都駅前 (large), Osaka Namba (medium), 札幌大通 (small, under the floor in winter). Inbound
  guests: Japanese and English comments mixed in the same property. The score column is
  「総合的に当ホテルを友人に薦める可能性」, mostly ``9``, some full-width (``９``, ``１０``), some
  labelled (``10 - Extremely likely``, ``0 - Not at all likely``). ``チェックアウト日`` is
  ``2026年11月3日``; ``ご滞在の目的``; four 1–5 ratings with 「該当なし」; ``連絡可否`` 可/不可 and
  a ``メールアドレス`` for those who allowed contact.
- ``dental`` — a US dental clinic group's **Google Forms** CSV (UTF-8): ``Timestamp``
  ``11/3/2026 14:05:09``, no id, no consent, the score question as its long header, the clinic
  location, a visit type, free text about hygienists, cleanings, crowns, insurance claims, the
  copay, the front desk and the wait in the lobby; blank rows, one exact duplicate row and one
  double submission (the same answers 4 s later). 13 months (November 2025 – November 2026).
"""

from __future__ import annotations

import csv
import datetime as dt
import importlib.util
import io
import sys
from pathlib import Path
from types import ModuleType

import numpy as np
import pandas as pd


def _qa43() -> ModuleType:
    """QA43's generator (its score and time helpers), loaded once under its round's name."""
    name = "qa43_gen"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(
            name, Path(__file__).parents[1] / "qa43" / "gen.py"
        )
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


qa43 = _qa43()
SEED = 44
MONTHS = qa43.MONTHS  # 2025-10 … 2026-11

# --- hotel ----------------------------------------------------------------------------------
HOTEL_FILE = "GuestSurvey_Export.txt"
HOTEL_ID = "Survey ID"
HOTEL_DATE = "チェックアウト日"
HOTEL_UNIT = "施設名"
HOTEL_PURPOSE = "ご滞在の目的"
HOTEL_NPS = "総合的に当ホテルを友人に薦める可能性"
HOTEL_RATINGS = ("スタッフの対応", "客室", "朝食", "価格に見合う価値")
HOTEL_COMMENT = "ご滞在中のご感想をお聞かせください"
HOTEL_CONSENT = "連絡可否"
HOTEL_EMAIL = "メールアドレス"
NOT_APPLICABLE = "該当なし"
# (promoter, passive, detractor) shares and monthly n per property; 札幌大通's winter is thin.
HOTEL_PROPERTIES = {
    "京都駅前": ((0.45, 0.30, 0.25), 60),
    "Osaka Namba": ((0.30, 0.35, 0.35), 38),
    "札幌大通": ((0.40, 0.35, 0.25), 8),
}
THIN_MONTHS = {"2025-12", "2026-01", "2026-02"}  # 札幌大通: 2–3 answers
HOTEL_PURPOSES = ("観光", "出張", "家族旅行", "その他")
HOTEL_GOOD_JA = [
    "フロントのスタッフの対応がとても丁寧で、気持ちよく過ごせました。",
    "駅から近く、観光にとても便利でした。",
    "朝食の和食メニューが美味しかったです。",
    "客室が清潔で、ベッドも快適でした。",
]
HOTEL_BAD_JA = [
    "チェックインに30分以上待たされました。",
    "部屋が狭く、エアコンの音がうるさくて眠れませんでした。",
    "朝食会場が混雑していて、座る席がありませんでした。",
    "この価格にしては部屋が古く、割高に感じます。",
    "隣の部屋の声が聞こえて、夜眠れなかった。",
]
HOTEL_GOOD_EN = [
    "The front desk staff were very friendly and spoke great English.",
    "Perfect location, a short walk from the station.",
    "Breakfast had a great selection of Japanese dishes.",
    "The room was spotless and the bed very comfortable.",
]
HOTEL_BAD_EN = [
    "Check-in took over 30 minutes, only one person at the front desk.",
    "The room was tiny and the air conditioning was noisy all night.",
    "Breakfast was overcrowded, we waited 20 minutes for a table.",
    "Overpriced for such an old room.",
    "Thin walls, we could hear the neighbours all night.",
]


def _hotel_score(rng: np.random.Generator, score: int) -> str:
    """The score as the export writes it: mostly digits, some full-width, a few labelled."""
    roll = rng.random()
    if roll < 0.08:
        return str(score).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    if roll < 0.14 and score in (0, 10):
        return "10 - Extremely likely" if score == 10 else "0 - Not at all likely"
    return str(score)


def _rating(rng: np.random.Generator, score: int, *, na: float) -> str:
    if rng.random() < na:
        return NOT_APPLICABLE
    return str(int(np.clip(round(score / 2.2 + rng.normal(0, 0.7)), 1, 5)))


def write_hotel(root: Path) -> Path:
    """Write the hotel chain's UTF-16 LE tab-separated export; return the project's folder."""
    rng = np.random.default_rng(SEED)
    folder = root / "hotel"
    folder.mkdir(parents=True, exist_ok=True)
    rows = []
    for month in MONTHS:
        for place, (mix, n) in HOTEL_PROPERTIES.items():
            if place == "札幌大通" and month in THIN_MONTHS:
                count = int(rng.integers(2, 4))
            else:
                count = max(1, int(n + rng.integers(-n // 6 - 1, n // 6 + 2)))
            for when, score in zip(
                qa43._times(rng, month, count), qa43._scores(rng, mix, count), strict=True
            ):
                english = rng.random() < 0.4  # inbound guests
                good, bad = (
                    (HOTEL_GOOD_EN, HOTEL_BAD_EN) if english else (HOTEL_GOOD_JA, HOTEL_BAD_JA)
                )
                consent = bool(rng.random() < 0.55)
                rows.append({
                    "when": when, "unit": place, "score": int(score),
                    "written": _hotel_score(rng, int(score)),
                    "purpose": HOTEL_PURPOSES[int(rng.integers(4))],
                    "ratings": [_rating(rng, int(score), na=na) for na in (0.03, 0.02, 0.3, 0.05)],
                    "comment": qa43._comment(rng, int(score), good, bad),
                    "consent": consent,
                })  # fmt: skip
    rows.sort(key=lambda r: r["when"])
    header = [HOTEL_ID, HOTEL_UNIT, HOTEL_DATE, HOTEL_PURPOSE, HOTEL_NPS, *HOTEL_RATINGS,
              HOTEL_COMMENT, HOTEL_CONSENT, HOTEL_EMAIL]  # fmt: skip
    buffer = io.StringIO()
    out = csv.writer(buffer, delimiter="\t", lineterminator="\r\n")
    out.writerow(header)
    for i, r in enumerate(rows, 1):
        day = r["when"]
        out.writerow([f"MDL-{880000 + i}", r["unit"], f"{day.year}年{day.month}月{day.day}日",
                      r["purpose"], r["written"], *r["ratings"], r["comment"],
                      "可" if r["consent"] else "不可",
                      f"guest{i}@example.jp" if r["consent"] else ""])  # fmt: skip
    (folder / HOTEL_FILE).write_bytes(b"\xff\xfe" + buffer.getvalue().encode("utf-16-le"))
    truth = pd.DataFrame({"unit": [r["unit"] for r in rows],
                          "when": [r["when"].date().isoformat() for r in rows],
                          "score": [r["score"] for r in rows],
                          "comment": [r["comment"] for r in rows]})  # fmt: skip
    truth.to_csv(folder / "truth.csv", index=False)
    return folder


# --- dental ---------------------------------------------------------------------------------
DENTAL_FILE = "Bright Smile Dental Patient Survey (Responses) - Form Responses 1.csv"
DENTAL_DATE = "Timestamp"
DENTAL_UNIT = "Which Bright Smile Dental location did you visit?"
DENTAL_NPS = (
    "On a scale from 0-10, how likely are you to recommend Bright Smile Dental to a friend or"
    " family member?"
)
DENTAL_VISIT = "What was the reason for your visit?"
DENTAL_COMMENT = "Please tell us why you gave that score."
DENTAL_MONTHS = MONTHS[1:]  # 2025-11 … 2026-11
DENTAL_CLINICS = {
    "Austin - Downtown": ((0.55, 0.25, 0.20), 35),
    "Round Rock": ((0.35, 0.30, 0.35), 25),
    "Cedar Park": ((0.50, 0.30, 0.20), 9),
}
DENTAL_VISITS = ("Cleaning / checkup", "Filling", "Crown", "Emergency", "Whitening")
DENTAL_GOOD = [
    "My hygienist was gentle and explained everything during the cleaning.",
    "Dr. Patel did my crown in one visit, painless.",
    "Front desk was friendly and got me in the same day for an emergency.",
    "They handled my insurance claim, I didn't have to do anything.",
    "Never waited more than five minutes in the lobby.",
]
DENTAL_BAD = [
    "Waited 45 minutes in the lobby past my appointment time.",
    "The front desk was rude when I asked about my copay.",
    "They billed me for a cleaning my insurance should have covered, the claim is still open.",
    "My crown came loose after two weeks and I had to pay the copay again.",
    "Hygienist was rushed and rough, my gums bled for days.",
    "Nobody called me back about my insurance claim.",
]


def _google(when: dt.datetime) -> str:
    return f"{when.month}/{when.day}/{when.year} {when.hour}:{when.minute:02d}:{when.second:02d}"


def write_dental(root: Path) -> Path:
    """Write the clinic group's Google Forms CSV; return the project's folder."""
    rng = np.random.default_rng(SEED + 1)
    folder = root / "dental"
    folder.mkdir(parents=True, exist_ok=True)
    rows = []
    for month in DENTAL_MONTHS:
        for clinic, (mix, n) in DENTAL_CLINICS.items():
            count = max(1, int(n + rng.integers(-n // 5 - 1, n // 5 + 2)))
            for when, score in zip(
                qa43._times(rng, month, count), qa43._scores(rng, mix, count), strict=True
            ):
                rows.append({"when": when, "unit": clinic, "score": int(score),
                             "visit": DENTAL_VISITS[int(rng.integers(5))],
                             "comment": qa43._comment(rng, int(score), DENTAL_GOOD,
                                                      DENTAL_BAD)})  # fmt: skip
    rows.sort(key=lambda r: r["when"])
    lines: list[list[str]] = []
    for i, r in enumerate(rows):
        line = [_google(r["when"]), r["unit"], str(r["score"]), r["visit"], r["comment"]]
        lines.append(line)
        if i == 200:  # a second click on Submit, the same answers 4 s later
            lines.append([_google(r["when"] + dt.timedelta(seconds=4)), *line[1:]])
        if i == 500:  # the same row twice (two sheets' exports pasted together)
            lines.append(list(line))
        if i in (100, 650):  # Sheets keeps a row someone cleared
            lines.append([""] * len(line))
    buffer = io.StringIO()
    out = csv.writer(buffer, lineterminator="\r\n")
    out.writerow([DENTAL_DATE, DENTAL_UNIT, DENTAL_NPS, DENTAL_VISIT, DENTAL_COMMENT])
    out.writerows(lines)
    (folder / DENTAL_FILE).write_text(buffer.getvalue(), "utf-8")
    truth = pd.DataFrame({"unit": [r["unit"] for r in rows],
                          "when": [r["when"].isoformat(sep=" ") for r in rows],
                          "score": [r["score"] for r in rows],
                          "comment": [r["comment"] for r in rows]})  # fmt: skip
    truth.to_csv(folder / "truth.csv", index=False)
    return folder


WRITERS = {"hotel": write_hotel, "dental": write_dental}


def main(root: Path) -> None:
    """Write every project under ``root``."""
    for write in WRITERS.values():
        write(root)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
