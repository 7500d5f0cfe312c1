"""QA36 fixture: a retail bank's NPS answers from a warehouse in long (tidy) form, Parquet.

Writes ``/tmp/qa36/nps_answers_long.parquet`` (or the path given) and
``nps_answers_long_truth.csv`` beside it (response_id, branch, month, score).

Shape: one row per (``response_id``, ``question_code``, ``answer``) with ``submitted_at``
(UTC timestamps) and ``survey_id`` repeated on each row: ``question_code`` ``NPS`` (the 0-10
answer as text, ``"9"``), ``WHY`` (the comment; no row when none was written), ``BRANCH`` (the
unit), ``CSAT`` (1-5) and ``CONTACT_OK`` (``Y``/``N``); a response that skipped the NPS question
has no ``NPS`` row. 600 responses, October and November 2026, 4 branches; Riverside falls.
"""

from __future__ import annotations

import sys
from datetime import datetime, timedelta
from pathlib import Path

import numpy as np
import pandas as pd

BRANCHES = {"Riverside": (8.3, 6.2), "Old Town": (7.2, 7.3), "Harbourfront": (7.6, 7.7),
            "Northgate": (6.8, 7.0)}  # fmt: skip
NEG = ("Queue at the counter was 40 minutes.", "Mortgage advisor never called back.",
       "App locked me out twice this month.")  # fmt: skip
POS = ("Staff sorted my card in minutes.", "Very helpful advisor, clear on fees.")
MID = ("", "", "OK.")


def main(out: Path = Path("/tmp/qa36/nps_answers_long.parquet")) -> None:
    rng = np.random.default_rng(3603)
    out.parent.mkdir(parents=True, exist_ok=True)
    rows, truth = [], []
    start = datetime(2026, 10, 1)
    for i in range(600):
        branch = list(BRANCHES)[int(rng.integers(len(BRANCHES)))]
        when = start + timedelta(seconds=int(rng.integers(0, 61 * 86400)))
        s = int(np.clip(round(rng.normal(BRANCHES[branch][when.month - 10], 2.2)), 0, 10))
        s = 0 if rng.random() < 0.03 else s
        score = None if rng.random() < 0.04 else s
        rid = f"R{880000 + i}"
        answers = {"BRANCH": branch, "NPS": None if score is None else str(score),
                   "WHY": str(rng.choice(NEG if s <= 6 else POS if s >= 9 else MID)) or None,
                   "CSAT": str(int(np.clip(round(s / 2.2), 1, 5))),
                   "CONTACT_OK": "Y" if rng.random() < 0.4 else "N"}  # fmt: skip
        for code, answer in answers.items():
            if answer is not None:
                rows.append({"survey_id": "RB-NPS-26", "response_id": rid,
                             "submitted_at": pd.Timestamp(when, tz="UTC"),
                             "question_code": code, "answer": answer})  # fmt: skip
        truth.append({"id": rid, "unit": branch, "month": f"{when:%Y-%m}", "score": score})
    frame = pd.DataFrame(rows)
    frame = frame.sample(frac=1.0, random_state=3603).reset_index(drop=True)  # warehouse order
    frame.to_parquet(out, index=False)
    t = pd.DataFrame(truth)
    t["score"] = t["score"].astype("Int64")
    t.to_csv(out.with_name(out.stem + "_truth.csv"), index=False)


if __name__ == "__main__":
    main(*(Path(a) for a in sys.argv[1:2]))
