"""QA32: compare what nps-kit prints with figures pandas computes here, independently.

Usage: ``python check.py DATASET SCORE_JSON`` with DATASET ``bistro``, ``dental`` or ``clinic``
(``score --format json`` output, overall, ``--by`` unit and ``--period month`` groups);
``python check.py run DATASET MANIFEST`` compares each unit of a run's ``manifest.json``;
``python check.py alerts DATASET SINCE`` prints the detractors each unit's alert should list,
read from the export itself with plain pandas (not from the truth). ``truth``, ``nps``,
``by_unit`` and ``alert_counts`` are imported by ``tests/test_qa32.py``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pandas as pd

ROOT = Path("/tmp/qa32")
FILES = {
    "bistro": "bistro_typeform.csv",
    "dental": "dental_msforms.xlsx",
    "clinic": "clinic_cp932.csv",
}


def nps(scores: pd.Series) -> tuple[int, float]:
    """N and NPS in points of whole 0-10 scores."""
    s = scores.dropna().astype(int)
    if s.empty:
        return 0, float("nan")
    return len(s), 100 * ((s >= 9).sum() - (s <= 6).sum()) / len(s)


def truth(dataset: str, root: Path = ROOT) -> pd.DataFrame:
    """Columns unit, month, score of every row as the generator wrote it."""
    t = pd.read_csv(root / f"{Path(FILES[dataset]).stem}_truth.csv", dtype={"id": str})
    t["score"] = t["score"].astype("Int64")
    return t[["unit", "month", "score"]]


def by_unit(dataset: str, month: str, root: Path = ROOT) -> pd.DataFrame:
    """Each unit's n and NPS in ``month`` and the change from the month before (rounded)."""
    t = truth(dataset, root)
    prev = str(pd.Period(month, "M") - 1)
    rows = []
    for unit, g in t.groupby("unit"):
        n, v = nps(g.loc[g["month"] == month, "score"])
        _, pv = nps(g.loc[g["month"] == prev, "score"])
        rows.append(
            {"unit": unit, "n": n, "nps": v, "change": round(round(v, 1) - round(pv, 1), 1)}
        )
    return pd.DataFrame(rows).set_index("unit")


def _read_export(dataset: str, root: Path) -> tuple[pd.Series, pd.Series, pd.Series, pd.Series]:
    """Unit, time, score and consent of every row, read with plain pandas."""
    path = root / FILES[dataset]
    if dataset == "bistro":
        f = pd.read_csv(path, sep=";", encoding="cp1252", dtype=str, keep_default_na=False)
        when = pd.to_datetime(f["Submit Date (UTC)"], format="%d/%m/%Y %H:%M")
        return f["ville"], when, pd.to_numeric(f.iloc[:, 1]), f.iloc[:, 5] == "Oui"
    if dataset == "dental":
        f = pd.read_excel(path, dtype=str)
        when = pd.to_datetime(f["Completion time"], format="%m/%d/%y %H:%M:%S")
        score = pd.to_numeric(f["How likely are you to recommend Contoso Dental to a friend?"])
        return f["Which clinic did you visit?"], when, score, f.iloc[:, 10] == "Yes"
    f = pd.read_csv(path, encoding="cp932", dtype=str, keep_default_na=False)
    when = pd.to_datetime(f["回答日時"], format="%Y/%m/%d %H:%M")
    raw = f.iloc[:, 3].str.normalize("NFKC").str.removesuffix("点")
    return f["ｸﾘﾆｯｸ名"], when, pd.to_numeric(raw), f["連絡の可否"] == "可"


def alert_counts(dataset: str, since: str, root: Path = ROOT) -> pd.Series:
    """Per unit, the detractors (0-6) since ``since`` (the written clock) who allowed contact."""
    unit, when, score, ok = _read_export(dataset, root)
    keep = (score <= 6) & (when >= pd.Timestamp(since)) & ok
    return unit[keep].value_counts().sort_index()


def check_score(dataset: str, score_json: str) -> int:
    """Compare ``score --format json`` (overall, groups, periods); return the mismatches."""
    t = truth(dataset)
    got = json.loads(Path(score_json).read_text(encoding="utf-8"))
    n_all, v_all = nps(t["score"])
    o = got["overall"]
    bad = int(o["n"] != n_all or abs((o["nps"] or 0) - v_all) > 0.01)
    print(f"overall: expected n={n_all} nps={v_all:.2f}; got n={o['n']} nps={o['nps']}")
    for g in got["groups"]:
        k = g["group"] if isinstance(g["group"], dict) else {"unit": g["group"]}
        unit = next((v for c, v in k.items() if c != "period"), None)
        sel = pd.Series(True, index=t.index)
        if unit is not None:
            sel &= t["unit"].astype(str) == str(unit)
        if "period" in k:
            sel &= t["month"] == k["period"]
        n, v = nps(t.loc[sel, "score"])
        if g["n"] != n or (g["nps"] is not None and abs(g["nps"] - v) > 0.01):
            bad += 1
            print(f"MISMATCH {k}: expected n={n} nps={v:.2f}; got n={g['n']} nps={g['nps']}")
    print(f"{dataset}: {len(got['groups'])} groups compared, {bad} mismatches")
    return bad


def check_run(dataset: str, manifest: str) -> int:
    """Compare each unit's n, NPS and change vs the month before in a run's manifest."""
    m = json.loads(Path(manifest).read_text(encoding="utf-8"))
    expected = by_unit(dataset, m["period"])
    bad = 0
    for u in m["units"]:
        s, e = u["summary"], expected.loc[u["name"]]
        change = next((c["diff"] for c in s["changes"] if c["kind"] == "previous"), None)
        ok = s["n"] == e["n"] and abs(s["nps"] - e["nps"]) < 0.01
        ok &= change is None or abs(change - e["change"]) < 0.001
        bad += not ok
        print(f"{'ok ' if ok else 'BAD'} {u['name']}: n {s['n']}/{e['n']}, NPS {s['nps']:.2f}/"
              f"{e['nps']:.2f}, change {change}/{e['change']:.2f}")  # fmt: skip
    print(f"{dataset} run {m['period']}: {len(m['units'])} units, {bad} mismatches")
    return bad


if __name__ == "__main__":
    if sys.argv[1] == "alerts":
        print(alert_counts(sys.argv[2], sys.argv[3]).to_string())
        sys.exit(0)
    if sys.argv[1] == "run":
        sys.exit(1 if check_run(*sys.argv[2:4]) else 0)
    sys.exit(1 if check_score(*sys.argv[1:3]) else 0)
