"""QA30: compare ``nps-kit score --format json`` with figures computed here from the truth.

Usage: ``python check.py DATASET SCORE_JSON [VARIANT [FLOOR]]`` with DATASET ``city``, ``werk`` or
``saas``. VARIANT: ``raw`` (every row as written, the default); ``city``: ``notest`` leaves out
the staff's test row; ``werk``: ``weighted`` weighs by Gewichtung; ``saas``: ``dedup`` leaves out
the exact repeats, ``utc`` also cuts months in UTC instead of the clock written.
Prints every (group, period) whose n or NPS differs, or that is hidden when pandas' n is at or
over FLOOR (score's --min-report-n, 5) or shown under it, then a summary line.
``python check.py units DATASET MONTH [VARIANT]`` prints each unit's n, NPS and change from the
month before; ``python check.py run DATASET MANIFEST [VARIANT]`` compares them with a run's
``manifest.json``; ``python check.py alerts DATASET SINCE`` counts the detractors each unit's
alert should list. ``truth`` and ``nps``
are imported by ``tests/test_qa30.py``.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import numpy as np
import pandas as pd

#: Where the generators wrote the exports; QA30_ROOT says another folder.
ROOT = Path(os.environ.get("QA30_ROOT", "/tmp/qa30"))
FILES = {"city": "city_logoform", "werk": "werkstatt_questionpro", "saas": "saas_hubspot"}


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
    t = pd.read_csv(root / f"{FILES[dataset]}_truth.csv", dtype={"id": str})
    if dataset == "city" and variant == "notest":
        t = t[~t["test"]]
    if dataset == "saas" and variant in ("dedup", "utc"):
        t = t[~t["dup"]]
    if dataset == "saas" and variant == "utc":
        t = t.assign(month=t["month_utc"])
    cols = ["unit", "month", "score"] + (["weight"] if "weight" in t else [])
    return t[cols].reset_index(drop=True)


def by_unit(dataset: str, month: str, variant: str = "raw", root: Path = ROOT) -> pd.DataFrame:
    """Each unit's n and NPS in ``month`` and the change from the month before, from the truth."""
    t = truth(dataset, variant, root)
    prev = str(pd.Period(month, "M") - 1)
    rows = []
    for unit, g in t.groupby("unit"):
        n, v = nps(g.loc[g["month"] == month, "score"])
        pn, pv = nps(g.loc[g["month"] == prev, "score"])
        # the report's change is that of the NPS it shows, each rounded to 0.1
        change = round(round(v, 1) - round(pv, 1), 1)
        rows.append({"unit": unit, "n": n, "nps": v, "prev_n": pn, "change": change})
    return pd.DataFrame(rows).set_index("unit")


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
        print(
            f"{'ok ' if ok else 'BAD'} {u['name']}: n {s['n']}/{e['n']}, NPS {s['nps']:.2f}/"
            f"{e['nps']:.2f}, change {change}/{e['change']:.2f}"
        )
    print(f"{dataset}/{variant} run {m['period']}: {len(m['units'])} units, {bad} mismatches")
    return bad


def alert_counts(dataset: str, since: str, root: Path = ROOT) -> pd.Series:
    """Per unit, the detractors (0-6) since ``since`` (wall clock) who can be contacted.

    Read from the export itself with plain pandas, not from the truth: consent is in the file
    only. City: 連絡 はい; werk: Ja; saas (no consent question): everyone with an e-mail, each
    record once.
    """
    path = root / f"{FILES[dataset]}{'.xlsx' if dataset == 'city' else '.csv'}"
    if dataset == "city":
        f = pd.read_excel(path, dtype=str)
        unit, consent = f.columns[6], f.columns[12]
        when = pd.to_datetime(f["完了時刻"], format="ISO8601")
        raw = f[f.columns[7]].fillna("").str.normalize("NFKC").str.extract(r"^(\d+)")[0]
        ok = f[consent] == "はい"
    elif dataset == "werk":
        f = pd.read_csv(path, sep=";", encoding="cp1252", dtype=str)
        f = f[f["Antwort-ID"] != "Gesamt"]
        unit = "Filiale"
        when = pd.to_datetime(f["Zeitstempel (TT.MM.JJJJ)"], format="%d.%m.%Y %H:%M")
        raw = f[f.columns[5]].fillna("").str.extract(r"^(\d+)")[0]
        ok = f["Dürfen wir Sie zu Ihrem Feedback kontaktieren?"] == "Ja"
    else:
        f = pd.read_csv(path, dtype=str, keep_default_na=False).drop_duplicates()
        unit = "Company"
        when = pd.to_datetime(f["Submitted at"].str.slice(0, 19))  # the clock written
        raw = pd.to_numeric(f["Rating"], errors="coerce")
        ok = f["Contact email"] != ""
    score = pd.to_numeric(raw, errors="coerce")
    keep = (score <= 6) & (when >= pd.Timestamp(since)) & ok
    return f.loc[keep, unit].value_counts().sort_index()


#: ``nps-kit score``'s anonymity floor (--min-report-n) unless told: a group of fewer is hidden.
FLOOR = 5


def hidden_right(groups: list[dict], key: str, n: dict[int, int], floor: int = FLOOR) -> list[str]:
    """Say each group hidden or shown against pandas' n: hidden iff 0 < n < floor.

    A group at or over the floor may be hidden only as the complement of one under it (its
    ``complementary`` flag, with a group under the floor beside it in the same period), else
    the total would give the hidden one away; any other hidden group is a mismatch (REVIEW31:
    a wrongly hidden group passed, its NPS None never compared).
    """
    out = []
    under = {
        (g["group"].get("period") if isinstance(g["group"], dict) else None)
        for i, g in enumerate(groups)
        if 0 < n[i] < floor
    }
    for i, g in enumerate(groups):
        shown = g[key] is not None
        period = g["group"].get("period") if isinstance(g["group"], dict) else None
        if 0 < n[i] < floor and shown:
            out.append(f"SHOWN {g['group']}: n={n[i]} < floor {floor}, NPS {g[key]}")
        elif n[i] >= floor and not shown and not (g.get("complementary") and period in under):
            out.append(f"HIDDEN {g['group']}: n={n[i]} >= floor {floor}")
    return out


def main(
    dataset: str, score_json: str, variant: str = "raw", floor: int = FLOOR, root: Path = ROOT
) -> int:
    """Compare and print; return the number of mismatches."""
    t = truth(dataset, variant, root)
    weighted = variant == "weighted"
    got = json.loads(Path(score_json).read_text(encoding="utf-8"))
    key = "weighted_nps" if weighted and "weighted_nps" in got["overall"] else "nps"
    bad = 0

    def weights(sel: pd.Series) -> pd.Series | None:
        return t.loc[sel, "weight"] if weighted else None

    n_all, nps_all = nps(t["score"], t["weight"] if weighted else None)
    o = got["overall"]
    print(f"overall: expected n={n_all} nps={nps_all:.2f}; got n={o['n']} nps={o[key]}")
    if o["n"] != n_all or abs((o[key] or 0) - nps_all) > 0.01:
        bad += 1
    seen = set()
    counts: dict[int, int] = {}
    for i, g in enumerate(got["groups"]):
        k = g["group"] if isinstance(g["group"], dict) else {"unit": g["group"]}
        unit = next((v for c, v in k.items() if c != "period"), None)
        sel = pd.Series(True, index=t.index)
        if unit is not None:
            sel &= t["unit"].astype(str) == str(unit)
        if "period" in k:
            sel &= t["month"] == k["period"]
        seen.add((str(unit), k.get("period")))
        n, v = nps(t.loc[sel, "score"], weights(sel))
        counts[i] = n
        if g["n"] != n or (g[key] is not None and abs(g[key] - v) > 0.01):
            bad += 1
            print(f"MISMATCH {k}: expected n={n} nps={v:.2f}; got n={g['n']} nps={g[key]}")
    # A hidden group's NPS is None: whether it should be hidden is checked by pandas' n.
    for line in hidden_right(got["groups"], key, counts, floor):
        bad += 1
        print(line)
    keys = [
        g["group"] if isinstance(g["group"], dict) else {"unit": g["group"]} for g in got["groups"]
    ]
    if any("period" in k for k in keys) and any(c != "period" for k in keys for c in k):
        groups = t.dropna(subset=["score"]).groupby(["unit", "month"]).size()
        for k in groups.index:
            if (str(k[0]), k[1]) not in seen:
                bad += 1
                print(f"MISSING group {k}: expected n={groups[k]}")
    print(f"{dataset}/{variant}: {len(got['groups'])} groups compared, {bad} mismatches")
    return bad


if __name__ == "__main__":
    if sys.argv[1] == "units":  # check.py units DATASET MONTH [VARIANT]
        print(by_unit(sys.argv[2], sys.argv[3], *sys.argv[4:5]).round(2).to_string())
        sys.exit(0)
    if sys.argv[1] == "alerts":  # check.py alerts DATASET SINCE
        print(alert_counts(sys.argv[2], sys.argv[3]).to_string())
        sys.exit(0)
    if sys.argv[1] == "run":  # check.py run DATASET MANIFEST [VARIANT]
        sys.exit(1 if check_run(*sys.argv[2:5]) else 0)
    # check.py DATASET SCORE_JSON [VARIANT [FLOOR]]: FLOOR is the run's --min-report-n (5).
    floor = int(sys.argv[4]) if len(sys.argv) > 4 else FLOOR
    sys.exit(1 if main(*sys.argv[1:4], floor=floor) else 0)
