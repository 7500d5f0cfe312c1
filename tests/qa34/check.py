"""QA34: compare what nps-kit prints with figures pandas computes here, from the exports.

Every figure is computed from the export itself with plain pandas (its own date and score
parsing, not nps-kit's), and ``truth_agrees`` checks that reading against what the generator
wrote. Usage: ``python check.py DATASET SCORE_JSON`` with DATASET ``school``, ``vet`` or
``bikes`` (``score --format json``, overall and ``--by`` unit ``--period month`` groups);
``python check.py run DATASET MANIFEST`` compares each unit of a run's ``manifest.json`` (n,
NPS, change vs the month before, its p-value and verdict); ``python check.py alerts DATASET
SINCE`` prints the detractors each unit's alert should list. ``read``, ``nps``, ``by_unit``,
``change_test`` and ``alert_counts`` are imported by ``tests/test_qa34.py``.
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path

import pandas as pd

ROOT = Path("/tmp/qa34")
FILES = {
    "school": "school_gforms.csv",
    "vet": "vet_alchemer.xlsx",
    "bikes": "bikes_freshdesk.csv",
}


def read(dataset: str, root: Path = ROOT) -> pd.DataFrame:
    """Columns unit, when, score (0-10 or NA), consent (bool or NA) of every response."""
    path = root / FILES[dataset]
    if dataset == "school":
        f = pd.read_csv(path, encoding="utf-8-sig", dtype=str, keep_default_na=False)
        text = f["タイムスタンプ"].str.replace(" GMT+9", "", regex=False)
        text = text.str.replace("午前", "AM").str.replace("午後", "PM")
        when = pd.to_datetime(text, format="%Y/%m/%d %I:%M:%S %p")  # JST wall clock
        score = pd.to_numeric(f["当スクールを友人や同僚にすすめる可能性は？"])
        return pd.DataFrame(
            {"unit": f["教室"], "when": when, "score": score, "consent": pd.NA, "id": pd.NA}
        )
    if dataset == "vet":
        f = pd.read_excel(path, header=0, skiprows=[1], dtype=str)  # row 2: the sub-labels
        when = pd.to_datetime(f["Date Submitted"], format="%b %d, %Y %I:%M %p")
        score = pd.to_numeric(f.iloc[:, 5].str.extract(r"^(\d+)")[0])
        consent = f["May we contact you about your feedback?"] == "Yes"
        return pd.DataFrame(
            {
                "unit": f["Which clinic did you visit?"],
                "when": when,
                "score": score,
                "consent": consent,
                "id": f["Response ID"],
            }
        )
    f = pd.read_csv(path, sep=";", encoding="latin-1", dtype=str, keep_default_na=False)
    f = f[f["ID del ticket"].str.fullmatch(r"\d+")]  # no blank lines, no summary block
    when = pd.to_datetime(f["Fecha de respuesta"], format="%d-%m-%Y")
    score = pd.to_numeric(f.iloc[:, 5])
    return pd.DataFrame(
        {
            "unit": f["Canal"],
            "when": when,
            "score": score,
            "consent": f["¿Podemos contactarle?"] == "Sí",
            "id": f["ID del ticket"],
        }
    ).reset_index(drop=True)


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
            {
                "unit": unit,
                "n": n,
                "nps": v,
                "change": round(round(v, 1) - round(pv, 1), 1),
                "p": p,
            }
        )
    return pd.DataFrame(rows).set_index("unit")


def truth_agrees(dataset: str, root: Path = ROOT) -> bool:
    """Whether the export read here gives the generator's units, months and scores."""
    t = pd.read_csv(root / f"{Path(FILES[dataset]).stem}_truth.csv")
    got = read(dataset, root)
    return (
        got["unit"].tolist() == t["unit"].tolist()
        and got["when"].dt.strftime("%Y-%m").tolist() == t["month"].tolist()
        and got["score"].fillna(-1).astype(int).tolist()
        == t["score"].fillna(-1).astype(int).tolist()
    )


def alert_counts(dataset: str, since: str, root: Path = ROOT) -> pd.Series:
    """Per unit, the detractors (0-6) since ``since`` (the written clock) who allowed contact."""
    t = read(dataset, root)
    keep = (t["score"] <= 6) & (t["when"] >= pd.Timestamp(since)) & (t["consent"] == True)  # noqa: E712
    return t.loc[keep, "unit"].value_counts().sort_index()


def check_score(dataset: str, score_json: str) -> int:
    """Compare ``score --format json`` (overall, groups, periods); return the mismatches."""
    t = read(dataset)
    t["month"] = t["when"].dt.strftime("%Y-%m")
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
