"""QA35 fixture: a US telecom's NPS table dumped from a data warehouse, gzip, ``|``-separated.

Writes ``/tmp/qa35/nps_2026-11.csv.gz`` (or the path given as the first argument) and
``nps_2026-11_truth.csv`` beside it (response_id, region, UTC instant, score as it should count).

Shape: UTF-8, **``|`` separator**, LF, gzip; a header ``response_id|submitted_at|region|
channel|ltr_score|csat_score|verbatim|contact_ok|email``; ``submitted_at`` ISO with ``Z``
(``2026-11-01T03:12:45Z``, UTC; answers between 00:00 and 08:00 UTC on 1 November, which are
31 October in every US zone, and on 1 October); ``ltr_score`` as ``9.0``/``10.0`` floats, missing
as ``NULL`` or ``\\N`` (MySQL's dump); ``csat_score`` 1.0–5.0; 12 regions (the units), each with
its own US time zone in ``ZONES`` for the project's unit files; English comments about
coverage, billing, stores and the app; ``contact_ok`` ``Y``/``N``; 40,000 answers, October and
November 2026 (UTC). ``Pacific Northwest`` falls in November, ``Gulf Coast`` rises.
"""

from __future__ import annotations

import gzip
import sys
from datetime import datetime, timedelta
from pathlib import Path

import numpy as np
import pandas as pd

NPS_Q = "ltr_score"
UNIT_Q = "region"
DATE_Q = "submitted_at"
ZONES = {
    "Northeast": "America/New_York", "Mid-Atlantic": "America/New_York",
    "Southeast": "America/New_York", "Florida": "America/New_York",
    "Great Lakes": "America/Chicago", "Midwest": "America/Chicago",
    "Gulf Coast": "America/Chicago", "Texas": "America/Chicago",
    "Mountain": "America/Denver", "Southwest": "America/Phoenix",
    "California": "America/Los_Angeles", "Pacific Northwest": "America/Los_Angeles",
}  # fmt: skip
HEAD = ("response_id", "submitted_at", "region", "channel", "ltr_score", "csat_score", "verbatim",
        "contact_ok", "email")  # fmt: skip
SHIFT = {"Pacific Northwest": (0.6, -0.6), "Gulf Coast": (-0.5, 0.5)}
NEG = (
    "No coverage at all inside my house, calls drop constantly.",
    "I was billed twice this month and support could not fix it.",
    "The store had one employee and I waited 45 minutes.",
    "The app keeps logging me out and I can't pay my bill in it.",
    "Data speeds are terrible downtown.",
)
POS = (
    "Great coverage everywhere I travel.",
    "The store staff set up my new phone in ten minutes, very helpful.",
    "The app makes it easy to check usage and pay.",
)
MID = ("", "", "", "ok", "Price is fine.", "")


def main(out: Path = Path("/tmp/qa35/nps_2026-11.csv.gz")) -> None:
    rng = np.random.default_rng(3503)
    out.parent.mkdir(parents=True, exist_ok=True)
    regions = list(ZONES)
    lines = ["|".join(HEAD)]
    truth = []
    start = datetime(2026, 10, 1)
    for i in range(40000):
        region = regions[int(rng.integers(len(regions)))]
        when = start + timedelta(seconds=int(rng.integers(0, 61 * 86400)))
        if i % 500 == 7:  # early 1 November UTC: still 31 October in the US
            when = datetime(2026, 11, 1) + timedelta(seconds=int(rng.integers(0, 8 * 3600)))
        month_ix = 0 if when.month == 10 else 1
        local_month = pd.Timestamp(when, tz="UTC").tz_convert(ZONES[region]).month
        mean = 7.4 + SHIFT.get(region, (0.0, 0.0))[0 if local_month == 10 else 1]
        del month_ix
        s = int(np.clip(round(rng.normal(mean, 2.4)), 0, 10))
        missing = rng.random() < 0.03
        cell = ("NULL" if rng.random() < 0.5 else "\\N") if missing else f"{s}.0"
        consent = "Y" if rng.random() < 0.3 else "N"
        comment = str(rng.choice(NEG if s <= 6 else POS if s >= 9 else MID)) or "\\N"
        lines.append(
            "|".join([f"{9000000 + i}", f"{when:%Y-%m-%dT%H:%M:%S}Z", region,
                      str(rng.choice(["store", "app", "call center"])), cell,
                      f"{int(np.clip(round(s / 2.2), 1, 5))}.0", comment, consent,
                      f"cust{i}@example.com" if consent == "Y" else "NULL"])
        )  # fmt: skip
        truth.append(
            {"id": 9000000 + i, "unit": region, "utc": f"{when:%Y-%m-%dT%H:%M:%S}",
             "score": None if missing else s}
        )  # fmt: skip
    out.write_bytes(gzip.compress(("\n".join(lines) + "\n").encode("utf-8"), mtime=0))
    t = pd.DataFrame(truth)
    t["score"] = t["score"].astype("Int64")
    t.to_csv(out.parent / (out.name.removesuffix(".csv.gz") + "_truth.csv"), index=False)


if __name__ == "__main__":
    main(*(Path(a) for a in sys.argv[1:2]))
