"""QA28: each unit's n and NPS for a month, its previous month and the same month last year.

Usage: ``python expected.py DATASET [YYYY-MM] [--tokyo UNIT ...]`` (``--tokyo``: units whose months
are counted in Asia/Tokyo, as a ``language: ja`` unit's are; logistics only).
"""

from __future__ import annotations

import sys

import pandas as pd
from check import nps, truth

ds = sys.argv[1]
month = sys.argv[2] if len(sys.argv) > 2 and not sys.argv[2].startswith("--") else "2026-10"
tokyo = sys.argv[sys.argv.index("--tokyo") + 1 :] if "--tokyo" in sys.argv else []
t = truth(ds)
if ds == "logistics" and tokyo:
    p = pd.read_parquet("/tmp/qa28/logistics_nps.parquet")
    jst = p["submitted_at"].dt.tz_convert("Asia/Tokyo").dt.strftime("%Y-%m")
    t.loc[t["unit"].isin(tokyo), "month"] = jst[t["unit"].isin(tokyo)]
m = pd.Period(month)
rows = []
for unit, g in t.groupby("unit"):
    out = {"unit": unit}
    for lab, mm in (("cur", m), ("prev", m - 1), ("ly", m - 12)):
        n, v = nps(g.loc[g["month"] == str(mm), "score"])
        out[f"n_{lab}"] = n
        out[f"nps_{lab}"] = round(v, 1)
    out["chg_prev"] = round(out["nps_cur"] - out["nps_prev"], 1)
    rows.append(out)
print(pd.DataFrame(rows).sort_values("nps_cur", ascending=False).to_string(index=False))
