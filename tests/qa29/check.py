"""QA29: compare ``nps-kit score --format json`` with figures computed here from the truth.

Usage: ``python check.py DATASET SCORE_JSON [VARIANT]`` with DATASET ``carrier``, ``insurance`` or
``hospital``. VARIANT picks what the truth's unit is: ``raw`` (as written, default) or
``merged`` (carrier: NFKC shop names; hospital: Ward 3B's rename undone); for ``insurance``,
``dedup`` leaves out the double submissions; for ``hospital``, ``v2`` keeps only 0-10 answers.
Prints every (group, period) whose n or NPS differs, then a summary line.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pandas as pd

ROOT = Path("/tmp/qa29")


def nps(scores: pd.Series) -> tuple[int, float]:
    """N and NPS in points of whole 0-10 scores."""
    s = scores.dropna().astype(int)
    if s.empty:
        return 0, float("nan")
    return len(s), 100 * ((s >= 9).mean() - (s <= 6).mean())


def truth(dataset: str, variant: str) -> pd.DataFrame:
    """Columns unit, month, score of the rows that should count."""
    if dataset == "carrier":
        t = pd.read_csv(ROOT / "carrier_medallia_truth.csv")
        unit = t["shop_nfkc"] if variant == "merged" else t["shop"]
        return pd.DataFrame({"unit": unit, "month": t["month"], "score": t["score"]})
    if dataset == "insurance":
        t = pd.read_csv(ROOT / "insurance_delighted_truth.csv", dtype={"id": str})
        if variant == "dedup":
            t = t[t["kept"]]
        return pd.DataFrame({"unit": t["region"], "month": t["month"], "score": t["score"]})
    if dataset == "hospital":
        t = pd.read_csv(ROOT / "hospital_two_sheets_truth.csv")
        if variant == "v2":
            t = t[t["version"] == "v2"]
        unit = t["ward_merged"] if variant == "merged" else t["ward"]
        return pd.DataFrame({"unit": unit, "month": t["month"], "score": t["score"]})
    raise SystemExit(f"unknown dataset {dataset}")


def main(dataset: str, score_json: str, variant: str = "raw") -> int:
    """Compare and print; return the number of mismatches."""
    t = truth(dataset, variant)
    got = json.loads(Path(score_json).read_text(encoding="utf-8"))
    bad = 0
    n_all, nps_all = nps(t["score"])
    o = got["overall"]
    print(f"overall: expected n={n_all} nps={nps_all:.2f}; got n={o['n']} nps={o['nps']}")
    if o["n"] != n_all or abs((o["nps"] or 0) - nps_all) > 0.01:
        bad += 1
    seen = set()
    for g in got["groups"]:
        key = g["group"] if isinstance(g["group"], dict) else {"unit": g["group"]}
        unit = next((v for k, v in key.items() if k != "period"), None)
        sel = pd.Series(True, index=t.index)
        if unit is not None:
            sel &= t["unit"].astype(str) == str(unit)
        if "period" in key:
            sel &= t["month"] == key["period"]
        seen.add((str(unit), key.get("period")))
        n, v = nps(t.loc[sel, "score"])
        if g["n"] != n or (g["nps"] is not None and abs(g["nps"] - v) > 0.01):
            bad += 1
            print(f"MISMATCH {key}: expected n={n} nps={v:.2f}; got n={g['n']} nps={g['nps']}")
    groups = t.dropna(subset=["score"]).groupby(["unit", "month"]).size()
    keys = [
        g["group"] if isinstance(g["group"], dict) else {"unit": g["group"]} for g in got["groups"]
    ]
    has_period = any("period" in k for k in keys)
    has_unit = any(c != "period" for k in keys for c in k)
    if has_period and has_unit:
        missing = [k for k in groups.index if (str(k[0]), k[1]) not in seen]
        for k in missing:
            bad += 1
            print(f"MISSING group {k}: expected n={groups[k]}")
    print(f"{dataset}/{variant}: {len(got['groups'])} groups compared, {bad} mismatches")
    return bad


if __name__ == "__main__":
    sys.exit(1 if main(*sys.argv[1:4]) else 0)
