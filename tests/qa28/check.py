"""QA28: compare ``nps-kit score --format json`` with figures computed here from the truth.

Usage: ``python check.py DATASET SCORE_JSON`` with DATASET ``denki``, ``gym`` or ``logistics``.
Prints every (group, period) whose n or NPS differs, then a summary line.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pandas as pd

ROOT = Path("/tmp/qa28")


def nps(scores: pd.Series) -> tuple[int, float]:
    """n and NPS in points of whole 0-10 scores."""
    s = scores.dropna().astype(int)
    if s.empty:
        return 0, float("nan")
    return len(s), 100 * ((s >= 9).mean() - (s <= 6).mean())


def truth(dataset: str) -> pd.DataFrame:
    """Columns unit, month, score of the rows that should count."""
    if dataset == "denki":
        t = pd.read_csv(ROOT / "denki_qualtrics_truth.csv")
        t = t[t["_kept"]]
        return pd.DataFrame({"unit": t["Q2"], "month": t["_month"], "score": t["_score"]})
    if dataset == "gym":
        t = pd.read_csv(ROOT / "gym_surveymonkey_truth.csv")
        return pd.DataFrame({"unit": t["club"], "month": t["month"], "score": t["score"]})
    if dataset == "logistics":
        p = pd.read_parquet(ROOT / "logistics_nps.parquet")
        s = pd.to_numeric(p["nps_score"].astype("object"), errors="coerce")
        s = s.where(s.isin(range(11)))
        month = p["submitted_at"].dt.tz_convert("UTC").dt.strftime("%Y-%m")
        return pd.DataFrame({"unit": p["account_manager"], "month": month, "score": s})
    raise SystemExit(f"unknown dataset {dataset}")


def main(dataset: str, score_json: str) -> int:
    """Compare and print; return the number of mismatches."""
    t = truth(dataset)
    got = json.loads(Path(score_json).read_text(encoding="utf-8"))
    bad = 0
    n_all, nps_all = nps(t["score"])
    o = got["overall"]
    print(f"overall: expected n={n_all} nps={nps_all:.2f}; got n={o['n']} nps={o['nps']}")
    if o["n"] != n_all or abs((o["nps"] or 0) - nps_all) > 0.01:
        bad += 1
    for g in got["groups"]:
        key = g["group"]
        unit = next(v for k, v in key.items() if k != "period")
        sel = t["unit"].astype(str) == str(unit)
        if "period" in key:
            sel &= t["month"] == key["period"]
        n, v = nps(t.loc[sel, "score"])
        if g["n"] != n or (g["nps"] is not None and abs(g["nps"] - v) > 0.01):
            bad += 1
            print(f"MISMATCH {key}: expected n={n} nps={v:.2f}; got n={g['n']} nps={g['nps']}")
    print(f"{dataset}: {len(got['groups'])} groups compared, {bad} mismatches")
    return bad


if __name__ == "__main__":
    sys.exit(1 if main(sys.argv[1], sys.argv[2]) else 0)
