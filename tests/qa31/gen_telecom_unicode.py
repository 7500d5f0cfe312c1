"""QA31 fixture: a mobile operator's shop survey, saved by Excel as "Unicode text".

Writes ``/tmp/qa31/telecom_unicode.txt`` (or the path given as the first argument) and a
``*_truth.csv`` beside it (id, region, store, month on the local clock, score as it should
count, whether the row repeats an earlier id, contact consent, the local time).

Shape: UTF-16 LE with a BOM, tab-separated, CRLF line ends, comments quoted with line breaks
inside them (``"Waited 40 min.\r\nStaff was kind"``). ``Region`` / ``Store`` (4 regions, 9
stores), ``Submitted`` with the Japan offset (``2026-10-04T23:30:00+09:00``: the month is the
local one; 1 in 12 answers between 23:00 and 01:00 at a month's turn), scores ``0``-``10``,
5 % blank and a few ``N/A``; one response id written twice with two different times (the later
one a re-export of the same answer, 20 minutes on, across midnight at the month's turn).
"""

from __future__ import annotations

import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import numpy as np
import pandas as pd

JST = timezone(timedelta(hours=9))
STORES = {
    "Kanto": ("Shinjuku", "Shibuya", "Yokohama"),
    "Kansai": ("Umeda", "Namba"),
    "Tokai": ("Nagoya Sakae", "Shizuoka"),
    "Kyushu": ("Hakata", "Tenjin"),
}
NPS_Q = "How likely are you to recommend Sora Mobile to a friend or family member? (0-10)"
PLAN = ("Sora Lite", "Sora Standard", "Sora Unlimited", "Family bundle")
NEG = (
    "Waited 40 minutes for a SIM swap.\r\nNobody explained the fees.",
    "The shop had no stock of the phone I reserved online.",
    "Coverage in my flat is terrible,\r\ncalls drop all the time.\r\nI want to switch.",
    "Billing error again, charged twice for roaming.",
)
POS = (
    "Quick and friendly, done in 10 minutes.",
    "The staff moved all my data to the new phone,\r\nvery helpful.",
    "Good value plan, clear explanation.",
)
MID = ("", "", "OK", "Average service.", "")


def main(out: Path = Path("/tmp/qa31/telecom_unicode.txt")) -> None:
    rng = np.random.default_rng(3102)
    out.parent.mkdir(parents=True, exist_ok=True)
    pairs = [(r, s) for r, stores in STORES.items() for s in stores]
    rows = []
    start = datetime(2026, 6, 1, tzinfo=JST)
    for i in range(1400):
        region, store = pairs[rng.integers(len(pairs))]
        if i % 12 == 0:  # around midnight at a month's turn, local clock
            month = 7 + (i // 12) % 5
            when = datetime(2026, month, 1, tzinfo=JST) + timedelta(
                minutes=int(rng.integers(-60, 60))
            )
        else:
            when = start + timedelta(minutes=int(rng.integers(0, 183 * 24 * 60)))
        bias = {"Kanto": 0.3, "Kansai": -0.4, "Tokai": 0.8, "Kyushu": -1.0}[region]
        s = int(np.clip(round(rng.normal(6.8 + bias, 2.5)), 0, 10))
        r = rng.random()
        written, score = (str(s), s)
        if r < 0.05:
            written, score = "", None
        elif r < 0.06:
            written, score = "N/A", None
        comment = rng.choice(NEG if s <= 6 else POS if s >= 9 else MID)
        rows.append(
            {
                "Response ID": f"SM-{260000 + i}",
                "Submitted": when,
                "Region": region,
                "Store": store,
                "Plan": rng.choice(PLAN),
                NPS_Q: written,
                "score": score,
                "Tell us why you gave that score": comment,
                "May we contact you about your answer?": "Yes" if rng.random() < 0.5 else "No",
                "Phone": f"090-{rng.integers(1000, 9999)}-{rng.integers(1000, 9999)}",
            }
        )
    # one response exported twice: the second copy 20 minutes later, across the month's turn
    first = dict(rows[5])
    first["Submitted"] = datetime(2026, 10, 31, 23, 50, tzinfo=JST)
    again = dict(first, Submitted=first["Submitted"] + timedelta(minutes=20))
    rows[5] = first
    rows.append(again)
    frame = pd.DataFrame(rows)
    frame["dup"] = frame["Response ID"].duplicated()
    written = frame.drop(columns=["score", "dup"]).copy()
    written["Submitted"] = frame["Submitted"].map(lambda t: t.isoformat())
    text = written.to_csv(sep="\t", index=False, lineterminator="\r\n")
    out.write_bytes(b"\xff\xfe" + text.encode("utf-16-le"))
    truth = pd.DataFrame(
        {
            "id": frame["Response ID"],
            "unit": frame["Region"],
            "store": frame["Store"],
            "month": frame["Submitted"].map(lambda t: t.strftime("%Y-%m")),
            "score": frame["score"].astype("Int64"),
            "dup": frame["dup"],
            "consent": frame["May we contact you about your answer?"] == "Yes",
            "when": frame["Submitted"].map(lambda t: t.strftime("%Y-%m-%d %H:%M")),
        }
    )
    truth.to_csv(out.with_name(out.stem + "_truth.csv"), index=False)


if __name__ == "__main__":
    main(*(Path(a) for a in sys.argv[1:2]))
