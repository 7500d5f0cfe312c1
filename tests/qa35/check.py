"""QA35: compare what nps-kit prints with figures pandas computes here, from the exports.

Every figure is computed from the export itself with plain pandas (its own date and score
parsing, not nps-kit's), and ``truth_agrees`` checks that reading against what the generator
wrote. Usage: ``python check.py DATASET SCORE_JSON`` with DATASET ``dental``, ``hospital`` or
``telecom`` (``score --format json``, overall and ``--by`` unit ``--period month`` groups);
``python check.py run DATASET MANIFEST`` compares each unit of a run's ``manifest.json`` (n,
NPS, change vs the month before, its p-value and verdict); ``python check.py alerts DATASET
SINCE`` prints the detractors each unit's alert should list. The telecom's months are those of
each region's own zone (``gen_telecom_dump.ZONES``, as the project's unit files set them).
"""

from __future__ import annotations

import json
import math
import re
import sys
import unicodedata
from pathlib import Path

import pandas as pd

ROOT = Path("/tmp/qa35")
FILES = {
    "dental": "dental_kintone.xlsx",
    "hospital": "hospital_limesurvey.csv",
    "telecom": "nps_2026-11.csv.gz",
}
TELECOM_ZONES = {
    "Northeast": "America/New_York", "Mid-Atlantic": "America/New_York",
    "Southeast": "America/New_York", "Florida": "America/New_York",
    "Great Lakes": "America/Chicago", "Midwest": "America/Chicago",
    "Gulf Coast": "America/Chicago", "Texas": "America/Chicago",
    "Mountain": "America/Denver", "Southwest": "America/Phoenix",
    "California": "America/Los_Angeles", "Pacific Northwest": "America/Los_Angeles",
}  # fmt: skip


def _wareki(text: str) -> pd.Timestamp:
    m = re.fullmatch(r"(?:令和|R)(\d+)[年.](\d+)[月.](\d+)日?", text)
    assert m is not None, text
    return pd.Timestamp(2018 + int(m[1]), int(m[2]), int(m[3]))


def read(dataset: str, root: Path = ROOT) -> pd.DataFrame:
    """Columns unit, when (local wall clock), score (0-10 or NA), consent, id of every response."""
    path = root / FILES[dataset]
    if dataset == "dental":
        f = pd.read_excel(path, header=None, skiprows=4, dtype=str)  # title, blank, 2 header rows
        text = f[3].fillna("").map(lambda v: unicodedata.normalize("NFKC", v))
        score = pd.to_numeric(text.str.extract(r"^(\d+)")[0])
        return pd.DataFrame(
            {"unit": f[2], "when": f[1].map(_wareki), "score": score,
             "consent": f[7] == "はい", "id": f[0]}
        )  # fmt: skip
    if dataset == "hospital":
        f = pd.read_csv(path, dtype=str, keep_default_na=False)
        # A1…A11 are 0…10 (the order of the 11-point list); the date is when it was submitted.
        score = pd.to_numeric(f["NPS"].str.extract(r"^A(\d+)$")[0]) - 1
        return pd.DataFrame(
            {"unit": f["Station"], "when": pd.to_datetime(f["submitdate"], errors="coerce"),
             "score": score, "consent": f["Q4"].isin(["Ja", "Yes"]), "id": f["id"]}
        )  # fmt: skip
    f = pd.read_csv(path, sep="|", dtype=str, keep_default_na=False, compression="gzip")
    utc = pd.to_datetime(f["submitted_at"], utc=True)
    when = pd.Series(
        [
            t.tz_convert(TELECOM_ZONES[u]).tz_localize(None)
            for t, u in zip(utc, f["region"], strict=True)
        ],
        index=f.index,
    )
    score = pd.to_numeric(f["ltr_score"].where(~f["ltr_score"].isin(["NULL", "\\N"])))
    return pd.DataFrame(
        {"unit": f["region"], "when": when, "score": score, "consent": f["contact_ok"] == "Y",
         "id": f["response_id"], "utc": utc.dt.tz_localize(None)}
    )  # fmt: skip


def nps(scores: pd.Series) -> tuple[int, float]:
    """N and NPS in points of whole 0-10 scores."""
    s = scores.dropna().astype(int)
    if s.empty:
        return 0, float("nan")
    return len(s), 100 * ((s >= 9).sum() - (s <= 6).sum()) / len(s)


def change_test(now: pd.Series, before: pd.Series) -> tuple[float, float]:
    """p-value of NPS(now) - NPS(before): adjusted Wald (Rocks 2016), 3/4, 3/2, 3/4 added."""

    def adjusted(s: pd.Series) -> tuple[float, float, float]:
        s = s.dropna().astype(int)
        n = len(s) + 3.0
        pro, det = ((s >= 9).sum() + 0.75) / n, ((s <= 6).sum() + 0.75) / n
        return (
            pro - det,
            (pro + det - (pro - det) ** 2) / n,
            100 * ((s >= 9).mean() - (s <= 6).mean()),
        )

    a, va, raw_a = adjusted(now)
    b, vb, raw_b = adjusted(before)
    z = (a - b) / math.sqrt(va + vb)
    p = math.erfc(abs(z) / math.sqrt(2))
    if not (raw_a - raw_b) * (a - b) > 0:
        p = 1.0
    return z, p


def by_unit(dataset: str, month: str, root: Path = ROOT) -> pd.DataFrame:
    """Each unit's n, NPS, change from the month before (rounded) and its p-value."""
    t = read(dataset, root)
    t["month"] = t["when"].dt.strftime("%Y-%m")
    prev = str(pd.Period(month, "M") - 1)
    rows = []
    for unit, g in t.groupby("unit"):
        now, before = g.loc[g["month"] == month, "score"], g.loc[g["month"] == prev, "score"]
        n, v = nps(now)
        _, pv = nps(before)
        _, p = change_test(now, before)
        rows.append(
            {"unit": unit, "n": n, "nps": v, "change": round(round(v, 1) - round(pv, 1), 1),
             "p": p}
        )  # fmt: skip
    return pd.DataFrame(rows).set_index("unit")


def truth_agrees(dataset: str, root: Path = ROOT) -> bool:
    """Whether the export read here gives the generator's units, scores and months."""
    stem = FILES[dataset].removesuffix(".gz").removesuffix(".csv").removesuffix(".xlsx")
    t = pd.read_csv(root / f"{stem}_truth.csv")
    got = read(dataset, root)
    same = got["unit"].tolist() == t["unit"].tolist() and (
        got["score"].fillna(-1).astype(int).tolist() == t["score"].fillna(-1).astype(int).tolist()
    )
    if dataset == "telecom":
        return same and (got["utc"] == pd.to_datetime(t["utc"])).all()
    if dataset == "hospital":  # an incomplete response has no submitdate: in no month
        done = got["when"].dt.strftime("%Y-%m").where(t["complete"])
        return same and done.fillna("").tolist() == t["month"].where(t["complete"], "").tolist()
    return same and got["when"].dt.strftime("%Y-%m").tolist() == t["month"].tolist()


def alert_counts(dataset: str, since: str, root: Path = ROOT) -> pd.Series:
    """Per unit, the detractors (0-6) since ``since`` (the local clock) who allowed contact."""
    t = read(dataset, root)
    keep = (t["score"] <= 6) & (t["when"] >= pd.Timestamp(since)) & (t["consent"] == True)  # noqa: E712
    return t.loc[keep, "unit"].value_counts().sort_index()


def check_score(dataset: str, score_json: str) -> int:
    """Compare ``score --format json`` (overall, groups, periods); return the mismatches.

    ``score`` knows no unit's zone: the telecom's months are those of UTC there.
    """
    t = read(dataset)
    t["month"] = t["utc" if dataset == "telecom" else "when"].dt.strftime("%Y-%m")
    got = json.loads(Path(score_json).read_text(encoding="utf-8"))
    n_all, v_all = nps(t["score"])
    o = got["overall"]
    bad = int(o["n"] != n_all or abs((o["nps"] or 0) - v_all) > 0.01)
    print(f"overall: expected n={n_all} nps={v_all:.2f}; got n={o['n']} nps={o['nps']}")
    for g in got["groups"]:
        k = g["group"]
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


def check_run(dataset: str, manifest: str, root: Path = ROOT) -> int:
    """Compare each unit's n, NPS, change and its p-value in a run's manifest."""
    m = json.loads(Path(manifest).read_text(encoding="utf-8"))
    expected = by_unit(dataset, m["period"], root)
    bad = 0
    for u in m["units"]:
        s, e = u["summary"], expected.loc[u["name"]]
        change = next(c for c in s["changes"] if c["kind"] == "previous")
        ok = s["n"] == e["n"] and abs(s["nps"] - e["nps"]) < 0.01
        ok &= abs(change["diff"] - e["change"]) < 0.001
        ok &= abs(change["p_value"] - e["p"]) < 1e-9
        ok &= (change["verdict"] != "no_change") == (e["p"] < 0.05)
        bad += not ok
        print(f"{'ok ' if ok else 'BAD'} {u['name']}: n {s['n']}/{e['n']}, NPS {s['nps']:.2f}/"
              f"{e['nps']:.2f}, change {change['diff']}/{e['change']:.1f}, "
              f"p {change['p_value']:.4f}/{e['p']:.4f} {change['verdict']}")  # fmt: skip
    print(f"{dataset} run {m['period']}: {len(m['units'])} units, {bad} mismatches")
    return bad


if __name__ == "__main__":
    if sys.argv[1] == "alerts":
        print(alert_counts(sys.argv[2], sys.argv[3]).to_string())
        sys.exit(0)
    if sys.argv[1] == "truth":
        sys.exit(0 if truth_agrees(sys.argv[2]) else 1)
    if sys.argv[1] == "run":
        sys.exit(1 if check_run(*sys.argv[2:4]) else 0)
    sys.exit(1 if check_score(*sys.argv[1:3]) else 0)
