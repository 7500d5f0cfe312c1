"""QA34 fixture: a US veterinary clinic chain's Alchemer (SurveyGizmo) export, XLSX.

Writes ``/tmp/qa34/vet_alchemer.xlsx`` (or the path given as the first argument) and a
``*_truth.csv`` beside it (Response ID, clinic, month, score as it should count, consent, the
time, status).

Shape: one sheet ``Responses``; **two header rows**: the question text, then a sub-label row
(Alchemer's matrix rows ``Veterinarian``, ``Front desk``, ``Waiting room`` under one repeated
question text; blank under a question without rows); ``Response ID`` 1001…, ``Time Started`` and
``Date Submitted`` as text ``Nov 3, 2026 9:05 AM`` (12-hour clock, ``12:10 AM`` after midnight),
``Status`` ``Complete`` / ``Partial`` (7 % partial: half of those left the NPS question blank,
the others stopped after it; partial answers with a score count, as the tool counts them);
``Which clinic did you visit?`` (4, the units); the NPS question answered as labels
``10 - Extremely likely``, ``0 - Not at all likely`` and plain ``1``…``9``; a matrix of
ratings ``Excellent``…``Poor``; English comments about vets, appointments, prices, waiting rooms;
``May we contact you about your feedback?`` Yes/No with an e-mail; 600 responses Sep–Nov 2026.
"""

from __future__ import annotations

import sys
from datetime import datetime, timedelta
from pathlib import Path

import numpy as np
import pandas as pd
from openpyxl import Workbook

NPS_Q = "How likely is it that you would recommend PawsFirst Veterinary to a friend or colleague?"
UNIT_Q = "Which clinic did you visit?"
RATE_Q = "Please rate the following parts of your visit:"
ROWS = ("Veterinarian", "Front desk", "Waiting room")
SCALE = ("Poor", "Fair", "Good", "Very good", "Excellent")
COMMENT_Q = "What is the main reason for your score?"
CONSENT_Q = "May we contact you about your feedback?"
CLINICS = {"Austin": 0.6, "Denver": -0.2, "Portland": -1.0, "Raleigh": 0.3}
NEG = (
    "Waited over an hour in a crowded waiting room with a barking dog next to my cat.",
    "The prices for a simple checkup are outrageous, and the invoice had charges nobody explained.",
    "Could not get an appointment for a sick puppy for 9 days.",
    "The vet rushed through the exam and did not answer my questions.",
)
POS = (
    "Dr. Alvarez was so gentle with our senior dog and explained every option.",
    "Easy online booking and we were seen right on time.",
    "The front desk staff remembered my cat's name, lovely team.",
)
MID = ("", "", "Fine.", "Prices are a bit high but the care is good.", "")


def label(score: int) -> str:
    """The NPS answer as Alchemer writes it: the ends labelled, the rest plain."""
    return {10: "10 - Extremely likely", 0: "0 - Not at all likely"}.get(score, str(score))


def written(when: datetime) -> str:
    """``Nov 3, 2026 9:05 AM``."""
    return f"{when:%b} {when.day}, {when.year} {when.hour % 12 or 12}:{when:%M %p}"


def main(out: Path = Path("/tmp/qa34/vet_alchemer.xlsx")) -> None:
    rng = np.random.default_rng(3402)
    out.parent.mkdir(parents=True, exist_ok=True)
    head = ["Response ID", "Time Started", "Date Submitted", "Status", UNIT_Q, NPS_Q,
            RATE_Q, RATE_Q, RATE_Q, COMMENT_Q, CONSENT_Q, "Email address"]  # fmt: skip
    sub = ["", "", "", "", "", "", *ROWS, "", "", ""]
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Responses"
    sheet.append(head)
    sheet.append([s or None for s in sub])
    truth = []
    start = datetime(2026, 9, 1)
    for i in range(600):
        clinic = list(CLINICS)[rng.integers(len(CLINICS))]
        done = start + timedelta(minutes=int(rng.integers(0, 91 * 24 * 60)))
        if i == 5:
            done = datetime(2026, 11, 1, 0, 10)  # 12:10 AM: November, not noon of 1 November
        s = int(np.clip(round(rng.normal(7.5 + CLINICS[clinic], 2.3)), 0, 10))
        partial = rng.random() < 0.07
        score = None if (partial and rng.random() < 0.5) or rng.random() < 0.02 else s
        rest = not partial
        consent = "Yes" if rng.random() < 0.5 and rest else "No" if rest else None
        rid = 1001 + i
        sheet.append(
            [
                rid,
                written(done - timedelta(minutes=int(rng.integers(2, 15)))),
                written(done),
                "Partial" if partial else "Complete",
                clinic,
                None if score is None else label(score),
                *(SCALE[int(np.clip(round(s / 2.5) + rng.integers(-1, 1), 0, 4))] if rest else None
                  for _ in ROWS),
                (str(rng.choice(NEG if s <= 6 else POS if s >= 9 else MID)) or None)
                if rest
                else None,
                consent,
                f"owner{i}@example.com" if consent == "Yes" else None,
            ]
        )  # fmt: skip
        truth.append(
            {
                "id": rid,
                "unit": clinic,
                "month": f"{done:%Y-%m}",
                "score": score,
                "consent": consent == "Yes",
                "when": f"{done:%Y-%m-%d %H:%M}",
                "status": "Partial" if partial else "Complete",
            }
        )
    book.save(out)
    t = pd.DataFrame(truth)
    t["score"] = t["score"].astype("Int64")
    t.to_csv(out.with_name(out.stem + "_truth.csv"), index=False)


if __name__ == "__main__":
    main(*(Path(a) for a in sys.argv[1:2]))
