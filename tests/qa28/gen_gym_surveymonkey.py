"""QA28 fixture: a UK gym chain's SurveyMonkey CSV export, in Windows-1252.

Writes ``/tmp/qa28/gym_surveymonkey.csv`` (or the first argument) and ``*_truth.csv`` beside it.

Shape of a real SurveyMonkey CSV from a UK account: two header rows (questions, then "Response",
"Open-Ended Response" or the option of a multi-select), SurveyMonkey's own columns (Respondent ID,
Collector ID, Start Date, End Date, IP Address, Email Address, First Name, Last Name, Custom
Data 1), dates day-first with a 24-hour clock (``03/10/2026 14:22:01``), 8 clubs of which three
have only 1-4 answers in October 2026, a "select all that apply" question with an Other box, a
satisfaction matrix ("Very satisfied" ... "Very dissatisfied", "N/A"), smart quotes, £ and an
en dash in the comments, cp1252 bytes, and two exact duplicate rows (a re-download appended).
"""

from __future__ import annotations

import csv
import io
import sys
from datetime import datetime, timedelta
from pathlib import Path

import numpy as np
import pandas as pd

CLUBS = {
    "Leeds Central": 0.22,
    "Manchester Deansgate": 0.2,
    "Bristol Harbourside": 0.16,
    "London Shoreditch": 0.2,
    "Glasgow Merchant City": 0.14,
    "Cardiff Bay": 0.08,
}
TINY = {"Bath Spa": 3, "Norwich Riverside": 1, "Exeter Quay": 4}  # answers in October 2026
FACILITIES = ("Gym floor", "Group classes", "Swimming pool", "Sauna & steam", "Personal training")
MATRIX = ("Cleanliness", "Equipment", "Staff")
SAT = ("Very dissatisfied", "Dissatisfied", "Neutral", "Satisfied", "Very satisfied")
NEG = (
    "The £45 a month membership isn’t worth it – half the machines are broken.",
    "Changing rooms are filthy and the showers are cold.",
    "Classes are always full, you can’t book anything after 6pm.",
    "Staff on reception were rude when I asked to freeze my membership.",
    "Too crowded in the evenings, waiting 20 mins for a squat rack.",
    "They put the price up by £5 with two weeks’ notice. Not happy.",
    "Cancelling is a nightmare – you have to write a “letter” by post!",
)
MID = (
    "It’s fine, does the job.",
    "Good gym but parking is a pain.",
    "Decent value for £29.99, could be cleaner.",
    "",
    "",
)
POS = (
    "Brilliant instructors – the spin classes are the best in town.",
    "Always clean, friendly staff and great kit.",
    "Love the pool and sauna, worth every penny.",
    "My PT Sam is fantastic, really helped me with my “new year” goals.",
    "",
)


def _row(rng: np.random.Generator, rid: int, club: str, t: datetime) -> dict[str, object]:
    base = {"Leeds Central": 0.8, "London Shoreditch": -0.6, "Cardiff Bay": 0.3}.get(club, 0.0)
    score = int(np.clip(round(rng.normal(7.2 + base, 2.3)), 0, 10))
    facilities = [f for f in FACILITIES if rng.random() < 0.45]
    other = "Climbing wall" if rng.random() < 0.04 else ""
    comment = (
        NEG[int(rng.integers(len(NEG)))]
        if score <= 6
        else MID[int(rng.integers(len(MID)))]
        if score <= 8
        else POS[int(rng.integers(len(POS)))]
    )
    consent = "Yes" if rng.random() < 0.4 else "No"
    first = ("Olivia", "Jack", "Amelia", "Harry", "Isla", "Oscar", "Sophie", "Alfie")[rid % 8]
    return {
        "rid": rid,
        "start": t,
        "end": t + timedelta(seconds=int(rng.integers(60, 600))),
        "club": club,
        "score": score,
        "facilities": facilities,
        "other": other,
        "mat": [
            "N/A"
            if rng.random() < 0.05
            else SAT[int(np.clip(round(score / 2.5 + rng.normal(0, 0.7)), 0, 4))]
            for _ in MATRIX
        ],
        "comment": comment,
        "consent": consent,
        "email": f"{first.lower()}.{rid % 1000}@example.co.uk" if consent == "Yes" else "",
        "first": first,
    }


def build(seed: int = 2028) -> list[dict[str, object]]:
    """Responses in file order (SurveyMonkey writes newest first)."""
    rng = np.random.default_rng(seed)
    out = []
    rid = 114000000000
    start = datetime(2026, 5, 1)
    days = (datetime(2026, 11, 1) - start).days
    names = list(CLUBS)
    probs = np.array(list(CLUBS.values()))
    for _ in range(1400):
        rid += int(rng.integers(3, 40))
        t = start + timedelta(seconds=int(rng.integers(0, days * 86400)))
        out.append(_row(rng, rid, names[rng.choice(len(names), p=probs / probs.sum())], t))
    for club, k in TINY.items():
        for j in range(k):
            rid += 7
            out.append(_row(rng, rid, club, datetime(2026, 10, 3 + 6 * j, 18, 5 + j)))
        # and a handful in earlier months
        for j in range(3):
            rid += 7
            out.append(_row(rng, rid, club, datetime(2026, 7 + j, 20, 9, 30)))
    out.sort(key=lambda r: r["start"], reverse=True)  # type: ignore[arg-type,return-value]
    out.append(dict(out[10]))  # exact duplicates of two rows, appended by a second download
    out.append(dict(out[20]))
    return out


Q_NPS = "How likely is it that you would recommend Pulse Fitness to a friend or colleague?"
Q_CLUB = "Which club do you visit most often?"
Q_FAC = "Which of our facilities do you use? (Select all that apply)"
Q_MAT = "How satisfied are you with the following at your club?"
Q_WHY = "What is the main reason for your score?"
Q_OK = "May we contact you about your feedback?"


def headers() -> tuple[list[str], list[str]]:
    """SurveyMonkey's two header rows."""
    top = [
        "Respondent ID",
        "Collector ID",
        "Start Date",
        "End Date",
        "IP Address",
        "Email Address",
        "First Name",
        "Last Name",
        "Custom Data 1",
        Q_NPS,
        Q_CLUB,
        Q_FAC,
        *[""] * (len(FACILITIES) - 1),
        "",
        Q_MAT,
        *[""] * (len(MATRIX) - 1),
        Q_WHY,
        Q_OK,
    ]
    second = [
        *[""] * 9,
        "Response",
        "Response",
        *FACILITIES,
        "Other (please specify)",
        *MATRIX,
        "Open-Ended Response",
        "Response",
    ]
    return top, second


def write(path: Path) -> list[dict[str, object]]:
    """Write the cp1252 CSV and its truth file."""
    rows = build()
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    top, second = headers()
    w.writerow(top)
    w.writerow(second)
    for r in rows:
        w.writerow(
            [
                r["rid"],
                431234567,
                r["start"].strftime("%d/%m/%Y %H:%M:%S"),  # type: ignore[attr-defined]
                r["end"].strftime("%d/%m/%Y %H:%M:%S"),  # type: ignore[attr-defined]
                f"81.2.{int(r['rid']) % 200}.{int(r['rid']) % 97}",  # type: ignore[call-overload]
                r["email"],
                r["first"] if r["consent"] == "Yes" else "",
                "",
                "",
                r["score"],
                r["club"],
                *[f if f in r["facilities"] else "" for f in FACILITIES],  # type: ignore[operator]
                r["other"],
                *r["mat"],  # type: ignore[misc]
                r["comment"],
                r["consent"],
            ]
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(buf.getvalue().encode("cp1252"))
    truth = pd.DataFrame(
        {
            "rid": [r["rid"] for r in rows],
            "club": [r["club"] for r in rows],
            "score": [r["score"] for r in rows],
            # submitted (End Date), as the README says the report dates a response
            "month": [r["end"].strftime("%Y-%m") for r in rows],  # type: ignore[attr-defined]
            "consent": [r["consent"] for r in rows],
        }
    )
    truth.to_csv(path.with_name(path.stem + "_truth.csv"), index=False)
    return rows


def write_first_days(path: Path) -> int:
    """The same export cut to 1-12 October 2026 (a mid-month download): no day over 12."""
    raw = path.with_name("_full_tmp.csv")
    write(raw)
    lines = raw.read_bytes().decode("cp1252").split("\r\n")
    keep = lines[:2] + [
        ln for ln in lines[2:] if ln and ln.split(",")[3][:2] <= "12" and "/10/2026" in ln
    ]
    path.write_bytes("\r\n".join([*keep, ""]).encode("cp1252"))
    raw.unlink()
    raw.with_name("_full_tmp_truth.csv").unlink()
    return len(keep) - 2


if __name__ == "__main__":
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/tmp/qa28/gym_surveymonkey.csv")
    print(out, len(write(out)), "rows")
    early = out.with_name("gym_surveymonkey_oct1-12.csv")
    print(early, write_first_days(early), "rows (1-12 October only)")
