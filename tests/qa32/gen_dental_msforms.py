"""QA32 fixture: a dental group's Microsoft Forms survey, downloaded as an XLSX.

Writes ``/tmp/qa32/dental_msforms.xlsx`` (or the path given as the first argument) and a
``*_truth.csv`` beside it (id, clinic, month, score as it should count, consent, the time).

Shape: one sheet ``Sheet1``; Forms' own columns ``ID, Start time, Completion time, Email, Name,
Last modified time`` (Email ``anonymous``, Name and Last modified time blank), the times as text
with a **2-digit year, month first** (``11/30/26 10:05:33``); the NPS question ``How likely are
you to recommend Contoso Dental to a friend?`` as number cells (4 % blank), ``Which clinic did
you visit?`` (4 clinics, the units), a multi-select ``What did we do well?`` joined by ``;`` with
Forms' trailing ``;``, English comments about a dental practice, ``May we contact you about
your feedback?`` Yes/No and an optional phone; 640 responses Jun–Nov 2026.
"""

from __future__ import annotations

import sys
from datetime import datetime, timedelta
from pathlib import Path

import numpy as np
import pandas as pd

NPS_Q = "How likely are you to recommend Contoso Dental to a friend?"
CLINIC_Q = "Which clinic did you visit?"
CLINICS = {"Redmond": 0.7, "Bellevue": 0.1, "Seattle Downtown": -0.9, "Kirkland": -0.2}
WELL = ("Cleaning", "Friendly staff", "On-time appointment", "Clear explanation", "Billing")
NEG = (
    "Waited 50 minutes past my appointment time and nobody apologized.",
    "The hygienist was rough and my gums bled for days.",
    "Billed twice for the same X-ray, insurance claim still not fixed.",
    "Could not get an emergency appointment for a broken tooth.",
)
POS = (
    "Dr. Patel explained every step of the root canal, painless.",
    "Friendly front desk and the cleaning was thorough.",
    "On time, gentle, and they remembered my kids' names.",
)
MID = ("", "", "Fine.", "Parking is hard to find.", "")


def main(out: Path = Path("/tmp/qa32/dental_msforms.xlsx")) -> None:
    rng = np.random.default_rng(3202)
    out.parent.mkdir(parents=True, exist_ok=True)
    rows, truth = [], []
    start = datetime(2026, 6, 1)
    for i in range(640):
        clinic = list(CLINICS)[rng.integers(len(CLINICS))]
        done = start + timedelta(seconds=int(rng.integers(0, 183 * 24 * 3600)))
        s = int(np.clip(round(rng.normal(7.4 + CLINICS[clinic], 2.3)), 0, 10))
        score = None if rng.random() < 0.04 else s
        well = [w for w in WELL if rng.random() < 0.35]
        consent = "Yes" if rng.random() < 0.5 else "No"
        rows.append(
            {
                "ID": i + 1,
                "Start time": (done - timedelta(seconds=int(rng.integers(40, 600)))).strftime(
                    "%m/%d/%y %H:%M:%S"
                ),
                "Completion time": done.strftime("%m/%d/%y %H:%M:%S"),
                "Email": "anonymous",
                "Name": None,
                "Last modified time": None,
                NPS_Q: score,
                CLINIC_Q: clinic,
                "What did we do well?": "".join(f"{w};" for w in well) or None,
                "Anything else you would like to tell us?": str(
                    rng.choice(NEG if s <= 6 else POS if s >= 9 else MID)
                )
                or None,
                "May we contact you about your feedback?": consent,
                "Phone number (optional)": f"425-555-{rng.integers(1000, 9999)}"
                if consent == "Yes"
                else None,
            }
        )
        truth.append(
            {
                "id": i + 1,
                "unit": clinic,
                "month": done.strftime("%Y-%m"),
                "score": score,
                "consent": consent == "Yes",
                "when": done.strftime("%Y-%m-%d %H:%M:%S"),
            }
        )
    pd.DataFrame(rows).to_excel(out, sheet_name="Sheet1", index=False)
    t = pd.DataFrame(truth)
    t["score"] = t["score"].astype("Int64")
    t.to_csv(out.with_name(out.stem + "_truth.csv"), index=False)


if __name__ == "__main__":
    main(*(Path(a) for a in sys.argv[1:2]))
