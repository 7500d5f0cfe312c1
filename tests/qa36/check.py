"""QA36: compare what nps-kit prints with figures pandas computes here, from the exports.

Each export is read with plain pandas and its own parsing (rows under the title and filter
lines, ``Subtotal``/``Grand Totals`` lines dropped and the owner filled down by hand; circled
digits, ``１０点``, ``無回答``/``＊`` for the paper survey; the long table pivoted), never
nps-kit's. ``truth_agrees`` checks that reading against the generators' truth. Usage:
``python check.py DATASET SCORE_JSON`` (``score --format json`` by unit and month) or
``python check.py run DATASET MANIFEST``.
"""

from __future__ import annotations

import math
import sys
import unicodedata
from pathlib import Path

import pandas as pd

ROOT = Path("/tmp/qa36")
FILES = {
    "leasing": "leasing_salesforce.xlsx",
    "leasing_csv": "leasing_salesforce.csv",
    "onsen": "onsen_paper.csv",
    "long": "nps_answers_long.parquet",
}
CIRCLED = {c: k + 1 for k, c in enumerate("①②③④⑤⑥⑦⑧⑨⑩")}


def _onsen_score(cell: str) -> float:
    if cell in CIRCLED:
        return float(CIRCLED[cell])
    text = unicodedata.normalize("NFKC", cell).removesuffix("点")
    return float(text) if text.isdigit() else float("nan")  # 無回答, ＊


def read(dataset: str, root: Path = ROOT) -> pd.DataFrame:
    """Columns unit, when, score (0-10 or NaN), consent, id: one row per response."""
    path = root / FILES[dataset]
    if dataset.startswith("leasing"):
        if dataset == "leasing":
            f = pd.read_excel(path, header=None, skiprows=7, dtype=object)
        else:
            f = pd.read_csv(path, header=None, skiprows=7, dtype=str, keep_default_na=False)
            f = f.replace("", None)
        first = f[0].astype("string")
        summary = first.str.startswith("Subtotal") | first.str.startswith("Grand Totals")
        owner = first.where(~summary).ffill()
        f = f.assign(owner=owner)[~summary.fillna(False).to_numpy(bool)]
        when = pd.to_datetime(f[3], format=None if dataset == "leasing" else "%m/%d/%Y")
        return pd.DataFrame(
            {"unit": f["owner"], "when": when, "score": pd.to_numeric(f[4]),
             "consent": f[6].astype(str).isin(["1", "1.0"]), "id": f[2]}
        ).reset_index(drop=True)  # fmt: skip
    if dataset == "onsen":
        f = pd.read_csv(path, encoding="cp932", dtype=str, keep_default_na=False)
        return pd.DataFrame(
            {"unit": f["施設"], "when": pd.to_datetime(f["記入日"], format="%Y.%m.%d"),
             "score": f["Ｑ１　おすすめ度"].map(_onsen_score), "consent": False, "id": f["No."]}
        )  # fmt: skip
    f = pd.read_parquet(path)
    wide = f.pivot_table(
        index=["response_id", "submitted_at"], columns="question_code", values="answer",
        aggfunc="first",
    ).reset_index()  # fmt: skip
    return pd.DataFrame(
        {"unit": wide["BRANCH"], "when": wide["submitted_at"].dt.tz_localize(None),
         "score": pd.to_numeric(wide["NPS"]), "consent": wide["CONTACT_OK"] == "Y",
         "id": wide["response_id"]}
    )  # fmt: skip


def nps(scores: pd.Series) -> tuple[int, float]:
    """N and NPS in points of whole 0-10 scores."""
    s = scores.dropna().astype(int)
    if s.empty:
        return 0, float("nan")
    return len(s), 100 * ((s >= 9).sum() - (s <= 6).sum()) / len(s)


def change_test(now: pd.Series, before: pd.Series) -> float:
    """p-value of NPS(now) - NPS(before): adjusted Wald (Rocks 2016), 3/4, 3/2, 3/4 added."""

    def adjusted(s: pd.Series) -> tuple[float, float, float]:
        s = s.dropna().astype(int)
        n = len(s) + 3.0
        pro, det = ((s >= 9).sum() + 0.75) / n, ((s <= 6).sum() + 0.75) / n
        raw = 100 * ((s >= 9).mean() - (s <= 6).mean())
        return pro - det, (pro + det - (pro - det) ** 2) / n, raw

    a, va, raw_a = adjusted(now)
    b, vb, raw_b = adjusted(before)
    p = math.erfc(abs((a - b) / math.sqrt(va + vb)) / math.sqrt(2))
    return p if (raw_a - raw_b) * (a - b) > 0 else 1.0


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
        rows.append({"unit": unit, "n": n, "nps": v, "change": round(round(v, 1) - round(pv, 1), 1),
                     "p": change_test(now, before)})  # fmt: skip
    return pd.DataFrame(rows).set_index("unit")


def truth_agrees(dataset: str, root: Path = ROOT) -> bool:
    """Whether the export read here gives the generator's units, scores and months."""
    stem = FILES[dataset].rsplit(".", 1)[0]
    t = pd.read_csv(root / f"{stem}_truth.csv")
    got = read(dataset, root)
    if dataset == "long":
        got = got.set_index("id").loc[t["id"]].reset_index()
    same = (
        got["unit"].tolist()
        == t[t.columns[1] if dataset.startswith("leasing") else "unit"].tolist()
    )
    scores = (
        got["score"].fillna(-1).astype(int).tolist() == t["score"].fillna(-1).astype(int).tolist()
    )
    return same and scores and got["when"].dt.strftime("%Y-%m").tolist() == t["month"].tolist()


def alert_counts(dataset: str, since: str, root: Path = ROOT) -> pd.Series:
    """Per unit, the detractors (0-6) since ``since`` who allowed contact."""
    t = read(dataset, root)
    keep = (t["score"] <= 6) & (t["when"] >= pd.Timestamp(since)) & t["consent"]
    return t.loc[keep, "unit"].value_counts().sort_index()


if __name__ == "__main__":
    if sys.argv[1] == "truth":
        sys.exit(0 if truth_agrees(sys.argv[2]) else 1)
    print(by_unit(sys.argv[1], sys.argv[2]).to_string())
