"""QA31: compare what nps-kit prints with figures pandas computes here, independently.

Usage: ``python check.py DATASET SCORE_JSON [VARIANT]`` with DATASET ``hotel``, ``telecom`` or
``logistics`` (``score --format json`` output). VARIANT: ``raw`` (every row as written, the
default); ``telecom``: ``dedup`` leaves out the second copy of the repeated id; ``logistics``:
``weighted`` weighs by Account weight. ``python check.py run DATASET MANIFEST [VARIANT]``
compares each unit of a run's ``manifest.json``; ``python check.py alerts DATASET SINCE``
prints the detractors each unit's alert should list, read from the export with plain pandas.
``truth``, ``nps``, ``by_unit`` and ``alert_counts`` are imported by ``tests/test_qa31.py``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path("/tmp/qa31")
FILES = {
    "hotel": "hotel_medallia.xlsx",
    "telecom": "telecom_unicode.txt",
    "logistics": "logistics_monkey.parquet",
}


def nps(scores: pd.Series, weights: pd.Series | None = None) -> tuple[int, float]:
    """N and NPS in points of whole 0-10 scores (weighted when ``weights`` is given)."""
    keep = scores.notna()
    s = scores[keep].astype(int)
    if s.empty:
        return 0, float("nan")
    w = np.ones(len(s)) if weights is None else weights[keep].to_numpy(dtype=float)
    return len(s), 100 * (w[(s >= 9).to_numpy()].sum() - w[(s <= 6).to_numpy()].sum()) / w.sum()


def truth(dataset: str, variant: str = "raw", root: Path = ROOT) -> pd.DataFrame:
    """Columns unit, month, score (and weight) of the rows that should count."""
    name = Path(FILES[dataset]).stem
    t = pd.read_csv(root / f"{name}_truth.csv", dtype={"id": str})
    t["score"] = t["score"].astype("Int64")
    if dataset == "telecom" and variant == "dedup":
        t = t[~t["dup"]]
    cols = ["unit", "month", "score"] + (["weight"] if "weight" in t else [])
    return t[cols].reset_index(drop=True)


def by_unit(dataset: str, month: str, variant: str = "raw", root: Path = ROOT) -> pd.DataFrame:
    """Each unit's n and NPS in ``month`` and the change from the month before (rounded NPS)."""
    t = truth(dataset, variant, root)
    prev = str(pd.Period(month, "M") - 1)
    rows = []
    for unit, g in t.groupby("unit"):
        now, before = g[g["month"] == month], g[g["month"] == prev]
        weighted = variant == "weighted"
        n, v = nps(now["score"], now["weight"] if weighted else None)
        pn, pv = nps(before["score"], before["weight"] if weighted else None)
        rows.append({"unit": unit, "n": n, "nps": v, "prev_n": pn,
                     "change": round(round(v, 1) - round(pv, 1), 1)})  # fmt: skip
    return pd.DataFrame(rows).set_index("unit")


def alert_counts(dataset: str, since: str, root: Path = ROOT) -> pd.Series:
    """Per unit, the detractors (0-6) since ``since`` (local wall clock) who may be contacted.

    Read from the export itself with plain pandas, not from the truth. Hotel: ``Do not
    contact`` is ``no`` (the property cell merged over its rows filled down, spellings folded by
    NFKC and spaces); telecom: consent ``Yes``, the repeated id once.
    """
    path = root / FILES[dataset]
    if dataset == "hotel":
        f = pd.read_excel(path, sheet_name="Responses", header=2, dtype=str)
        unit = f["Property"].ffill().str.normalize("NFKC").str.replace(" ", "").str.upper()
        unit = unit.map({"ホテルA": "ホテルA", "ホテルB": "ホテルB", "ホテルC": "ホテルC",
                         "SAKURAINNKYOTO": "Sakura Inn Kyoto"})  # fmt: skip
        serial = pd.to_numeric(f["Response Date"])
        when = pd.Timestamp("1899-12-30") + pd.to_timedelta(serial.round(6), unit="D")
        raw = f["Likelihood to Recommend"].fillna("").str.extract(r"^(\d+)")[0]
        ok = f["Do not contact"] == "no"
    else:
        f = pd.read_csv(path, sep="\t", encoding="utf-16", dtype=str, keep_default_na=False)
        f = f.drop_duplicates("Response ID")
        unit = f["Region"]
        when = pd.to_datetime(f["Submitted"].str.slice(0, 19))  # the local clock written
        raw = f[f.columns[5]]
        ok = f["May we contact you about your answer?"] == "Yes"
    score = pd.to_numeric(raw, errors="coerce")
    keep = (score <= 6) & (when >= pd.Timestamp(since)) & ok
    return unit[keep].value_counts().sort_index()


def check_score(dataset: str, score_json: str, variant: str = "raw") -> int:
    """Compare ``score --format json`` (overall, groups, periods); return the mismatches."""
    t = truth(dataset, variant)
    weighted = variant == "weighted"
    got = json.loads(Path(score_json).read_text(encoding="utf-8"))
    key = "weighted_nps" if weighted and "weighted_nps" in got["overall"] else "nps"
    n_all, v_all = nps(t["score"], t["weight"] if weighted else None)
    o = got["overall"]
    bad = int(o["n"] != n_all or abs((o[key] or 0) - v_all) > 0.01)
    print(f"overall: expected n={n_all} nps={v_all:.2f}; got n={o['n']} nps={o[key]}")
    for g in got["groups"]:
        k = g["group"] if isinstance(g["group"], dict) else {"unit": g["group"]}
        unit = next((v for c, v in k.items() if c != "period"), None)
        sel = pd.Series(True, index=t.index)
        if unit is not None:
            sel &= t["unit"].astype(str) == str(unit)
        if "period" in k:
            sel &= t["month"] == k["period"]
        n, v = nps(t.loc[sel, "score"], t.loc[sel, "weight"] if weighted else None)
        if g["n"] != n or (g[key] is not None and abs(g[key] - v) > 0.01):
            bad += 1
            print(f"MISMATCH {k}: expected n={n} nps={v:.2f}; got n={g['n']} nps={g[key]}")
    print(f"{dataset}/{variant}: {len(got['groups'])} groups compared, {bad} mismatches")
    return bad


def check_run(dataset: str, manifest: str, variant: str = "raw") -> int:
    """Compare each unit's n, NPS and change vs the month before in a run's manifest."""
    m = json.loads(Path(manifest).read_text(encoding="utf-8"))
    expected = by_unit(dataset, m["period"], variant)
    bad = 0
    for u in m["units"]:
        s, e = u["summary"], expected.loc[u["name"]]
        change = next((c["diff"] for c in s["changes"] if c["kind"] == "previous"), None)
        ok = s["n"] == e["n"] and abs(s["nps"] - e["nps"]) < 0.01
        ok &= change is None or abs(change - e["change"]) < 0.001
        bad += not ok
        print(f"{'ok ' if ok else 'BAD'} {u['name']}: n {s['n']}/{e['n']}, NPS {s['nps']:.2f}/"
              f"{e['nps']:.2f}, change {change}/{e['change']:.2f}")  # fmt: skip
    print(f"{dataset}/{variant} run {m['period']}: {len(m['units'])} units, {bad} mismatches")
    return bad


if __name__ == "__main__":
    if sys.argv[1] == "alerts":
        print(alert_counts(sys.argv[2], sys.argv[3]).to_string())
        sys.exit(0)
    if sys.argv[1] == "run":
        sys.exit(1 if check_run(*sys.argv[2:5]) else 0)
    sys.exit(1 if check_score(*sys.argv[1:4]) else 0)
