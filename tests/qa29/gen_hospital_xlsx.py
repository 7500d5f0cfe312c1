"""QA29 fixture: an Australian hospital group's patient-experience XLSX with two sheets.

Writes ``/tmp/qa29/hospital_two_sheets.xlsx`` (or the path given as the first argument) and a
``*_truth.csv`` beside it (ward as written, ward with the rename undone, month by the Sydney wall
clock, score, survey version).

Shape: a "Summary" sheet first (a title, a pivot of responses and average score by ward, a blank
row, a "Grand Total"), then "Responses": ``Response No.``, ``Submitted`` as text ``dd/mm/yyyy
HH:MM`` on the Sydney wall clock with a ``Time zone`` column (AEST until 02:00 on Sunday
2026-10-04, AEDT after), ``Hospital``, ``Ward`` (the units), ``Survey version`` (v1 asked the
recommend question 1-10, v2 asks 0-10), the NPS question, a 1-5 rating, a reason comment, consent
("Happy to be contacted?" Yes/No), ``Mobile`` (Australian ``04xx xxx xxx``) and ``Email``. Traps:
"Ward 3B" renamed "Ward 3B (Cardiology)" on 15 October; v1 rows (no 0 possible, 10 still the
top) mixed in; answers around the daylight-saving change (01:00-03:59 on 4 October, the hour
02:00-02:59 does not exist there).
"""

from __future__ import annotations

import sys
from datetime import datetime, timedelta
from pathlib import Path

import numpy as np
import pandas as pd
from openpyxl import Workbook

WARDS = {
    ("Royal Harbour", "Ward 2A"): 0.16,
    ("Royal Harbour", "Ward 3B"): 0.14,
    ("Royal Harbour", "Emergency"): 0.22,
    ("Royal Harbour", "Maternity"): 0.12,
    ("Northside Private", "Day Surgery"): 0.16,
    ("Northside Private", "Ward 5 Rehab"): 0.12,
    ("Northside Private", "ICU"): 0.08,
}
RENAMED_FROM = datetime(2026, 10, 15)
NEG = (
    "Waited 9 hours in emergency before anyone saw me",
    "Nurses were lovely but the food was cold and inedible",
    "Nobody explained my discharge medication. Had to ring the ward twice.",
    "Parking cost $38 a day, outrageous for families visiting",
    "Call bell not answered for 25 minutes overnight",
)
POS = (
    "The midwives were absolutely brilliant, thank you",
    "Dr Patel and the cardiology team explained everything clearly",
    "Clean room, friendly staff, discharge was smooth",
    "Physio team in rehab got me walking again, can't thank them enough",
)
MID = ("Fine", "Average stay", "Food could be better", "", "", "Nil")
RATING = ("1", "2", "3", "4", "5")


def zone(t: datetime) -> str:
    """AEST before 02:00 on 2026-10-04 (then clocks go to 03:00), AEDT after."""
    return "AEDT" if t >= datetime(2026, 10, 4, 3, 0) else "AEST"


def main(out: Path) -> None:
    """Write the workbook and its truth."""
    rng = np.random.default_rng(29003)
    n = 2200
    start, end = datetime(2026, 4, 1), datetime(2026, 11, 1)
    span = (end - start).total_seconds()
    times = [start + timedelta(seconds=float(x)) for x in rng.uniform(0, span, n)]
    # 14 answers in the night of the change, never in the hour that does not exist
    for k in range(14):
        h = (1, 3)[k % 2]
        times[k] = datetime(2026, 10, 4, h, int(rng.integers(0, 60)))
    times.sort()
    keys = list(WARDS)
    p = np.array(list(WARDS.values()))
    rows, truth = [], []
    for i, t in enumerate(times):
        hosp, ward = keys[rng.choice(len(keys), p=p / p.sum())]
        base = {"Emergency": 5.6, "Maternity": 8.6, "ICU": 8.0}.get(ward, 7.5)
        s = int(np.clip(np.round(rng.normal(base, 2.4)), 0, 10))
        version = "v1" if (t < datetime(2026, 6, 1) and rng.random() < 0.25) else "v2"
        if version == "v1":
            s = max(s, 1)  # the old survey asked 1-10
        shown_ward = "Ward 3B (Cardiology)" if (ward == "Ward 3B" and t >= RENAMED_FROM) else ward
        cell: object = s
        if rng.random() < 0.02:
            cell = ""
        src = NEG if s <= 6 else POS if s >= 9 else MID
        consent = "Yes" if rng.random() < 0.5 else "No"
        rows.append(
            [
                1000 + i,
                t.strftime("%d/%m/%Y %H:%M"),
                zone(t),
                hosp,
                shown_ward,
                version,
                cell,
                RATING[int(np.clip(round(s / 2.5), 0, 4))],
                src[rng.integers(len(src))] if rng.random() < 0.7 else "",
                consent,
                f"04{rng.integers(10, 99)} {rng.integers(100, 999)} {rng.integers(100, 999)}"
                if consent == "Yes"
                else "",
                f"patient{i}@example.com.au" if consent == "Yes" and rng.random() < 0.6 else "",
            ]
        )
        truth.append(
            {
                "row": i + 2,
                "ward": shown_ward,
                "ward_merged": ward,
                "month": t.strftime("%Y-%m"),
                "time": t.isoformat(),
                "version": version,
                "score": None if cell == "" else s,
            }
        )
    header = [
        "Response No.",
        "Submitted",
        "Time zone",
        "Hospital",
        "Ward",
        "Survey version",
        "How likely are you to recommend this hospital to friends and family?",
        "Overall, how would you rate the care you received? (1-5)",
        "What is the main reason for your score?",
        "Happy to be contacted about your feedback?",
        "Mobile",
        "Email",
    ]
    wb = Workbook()
    summ = wb.active
    summ.title = "Summary"
    summ.append(["Patient experience - responses by ward", None, None])
    summ.append([None, None, None])
    summ.append(["Row Labels", "Count of Response No.", "Average of Score"])
    tdf = pd.DataFrame(truth)
    for w, g in tdf.groupby("ward"):
        summ.append([w, len(g), round(float(g["score"].mean()), 2)])
    summ.append([None, None, None])
    summ.append(["Grand Total", len(tdf), round(float(tdf["score"].mean()), 2)])
    ws = wb.create_sheet("Responses")
    ws.append(header)
    for r in rows:
        ws.append(r)
    out.parent.mkdir(parents=True, exist_ok=True)
    wb.save(out)
    tdf.to_csv(out.with_name(out.stem + "_truth.csv"), index=False)
    print(f"wrote {out} ({len(rows)} rows)")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/tmp/qa29/hospital_two_sheets.xlsx"))
