"""QA40: every figure a manager sees, computed again from the exports with pandas and scipy.

Nothing here calls nps-kit. ``read(history, root)`` reads a history's exports with plain pandas
and its own date parsing (``unit, when, score, consent``); ``figures`` gives one unit-month's
n, NPS and adjusted-Wald interval (Rocks 2016: add ¾ promoter, 1½ passive, ¾ detractor, then
the Wald interval with the trinomial variance ``(p_P + p_D − (p_P − p_D)²) / ñ``); ``change``
the difference of two months with the same interval for the difference (variances summed,
Rocks 2016 §4) and its z test (``z = (Ñ_a − Ñ_b) / √(V_a + V_b)``, two-sided p from
``scipy.stats.norm``, or ``statistics.NormalDist`` where scipy is not installed), and the plain
unadjusted Wald z test beside it; ``target_status`` the README's rule (met when the whole
interval is above the target, missed when below).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

try:  # scipy when it is installed (not in the project's venv); else the standard library's
    from scipy.stats import norm as _norm

    def _ppf(q: float) -> float:
        return float(_norm.ppf(q))

    def _sf(x: float) -> float:
        return float(_norm.sf(x))
except ImportError:
    from statistics import NormalDist

    def _ppf(q: float) -> float:
        return NormalDist().inv_cdf(q)

    def _sf(x: float) -> float:
        return 1.0 - NormalDist().cdf(x)


from _qa import sibling

gen = sibling(__file__, "gen")


# --- reading ---------------------------------------------------------------------------------
def _saas(root: Path) -> pd.DataFrame:
    files = sorted((root / "saas" / "exports").glob("*.csv"))
    read = [
        pd.read_csv(p, encoding="utf-8-sig", skiprows=[1, 2], dtype=str, keep_default_na=False)
        for p in files
    ]
    f = pd.concat(read, ignore_index=True)
    # Qualtrics' StartDate is the response's date (init's choice, said in defaults.yaml).
    return pd.DataFrame({"unit": f[gen.SAAS_UNIT],
                         "when": pd.to_datetime(f["StartDate"], format="%Y-%m-%d %H:%M:%S"),
                         "score": pd.to_numeric(f[gen.SAAS_NPS].replace("", None)),
                         "consent": f[gen.SAAS_CONSENT] == "Yes",
                         "id": f[gen.SAAS_ID]})  # fmt: skip


_REIWA = re.compile(r"^令和(元|\d+)年(\d+)月(\d+)日$")
_GOZEN = re.compile(r"^(\d{4})/(\d{2})/(\d{2}) (午前|午後) (\d+):(\d{2})$")


def _retail_date(text: str) -> pd.Timestamp:
    found = _REIWA.match(text)
    if found:
        year = 2018 + (1 if found[1] == "元" else int(found[1]))
        return pd.Timestamp(year, int(found[2]), int(found[3]))
    found = _GOZEN.match(text)
    assert found, text
    hour = int(found[5]) % 12 + (12 if found[4] == "午後" else 0)
    return pd.Timestamp(int(found[1]), int(found[2]), int(found[3]), hour, int(found[6]))


def _retail(root: Path) -> pd.DataFrame:
    f = pd.read_excel(root / "retail" / "顧客満足度調査_累計.xlsx", sheet_name=gen.RETAIL_SHEET,
                      dtype={gen.RETAIL_DATE: str})  # fmt: skip
    return pd.DataFrame({"unit": f[gen.RETAIL_UNIT], "when": f[gen.RETAIL_DATE].map(_retail_date),
                         "score": pd.to_numeric(f[gen.RETAIL_NPS]),
                         "consent": f[gen.RETAIL_CONSENT] == "はい",
                         "id": f[gen.RETAIL_ID].astype(str)})  # fmt: skip


def _gforms(root: Path) -> pd.DataFrame:
    # The latest cumulative download holds every response, under the question's new title.
    latest = sorted((root / "gforms" / "downloads").glob("*.csv"))[-1]
    f = pd.read_csv(latest, dtype=str, keep_default_na=False)
    return pd.DataFrame({"unit": f[gen.GF_UNIT],
                         "when": pd.to_datetime(f[gen.GF_DATE], format="%m/%d/%Y %H:%M:%S"),
                         "score": pd.to_numeric(f[gen.GF_NEW].replace("", None)),
                         "consent": f[gen.GF_EMAIL] != "", "id": ""})  # fmt: skip


READERS = {"saas": _saas, "retail": _retail, "gforms": _gforms}


def read(history: str, root: Path) -> pd.DataFrame:
    """One history's responses read with pandas: ``unit, when, score, consent, id, month``."""
    frame = READERS[history](root)
    frame["month"] = frame["when"].dt.strftime("%Y-%m")
    return frame


def truth_agrees(history: str, root: Path) -> bool:
    """Whether the pandas reading holds the generator's scores, units and days."""
    mine = read(history, root)
    truth = pd.read_csv(root / history / "truth.csv", parse_dates=["when"])
    if len(mine) != len(truth):
        return False

    def key(f: pd.DataFrame) -> pd.Series:
        day = f["when"].dt.strftime("%Y-%m-%d")
        return (
            f["unit"].astype(str)
            + "|"
            + day
            + "|"
            + f["score"].astype(float).fillna(-1).astype(str)
        ).sort_values()

    return bool((key(mine).to_numpy() == key(truth).to_numpy()).all())


# --- figures ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class Figures:
    """One group's figures, in points."""

    n: int
    promoters: int
    passives: int
    detractors: int
    nps: float
    low: float
    high: float
    adjusted: float  # the adjusted-Wald centre, a proportion difference
    variance: float  # its variance


def figures(scores: pd.Series, *, level: float = 0.95) -> Figures:
    """n, NPS and the adjusted-Wald interval of one group's 0–10 scores (NaN: not answered)."""
    s = scores.dropna()
    n = len(s)
    pro, det = int((s >= 9).sum()), int((s <= 6).sum())
    pas = n - pro - det
    n_adj = n + 3
    p_pro, p_det = (pro + 0.75) / n_adj, (det + 0.75) / n_adj
    centre = p_pro - p_det
    variance = (p_pro + p_det - centre**2) / n_adj
    z = _ppf(0.5 + level / 2)
    nps = 100 * (pro - det) / n if n else math.nan
    # Bounds clipped to [−100, 100] and widened to hold the observed NPS (stats.py's docstring).
    low = min(max(centre - z * math.sqrt(variance), -1.0) * 100, nps)
    high = max(min(centre + z * math.sqrt(variance), 1.0) * 100, nps)
    return Figures(n, pro, pas, det, nps, low, high, centre, variance)


@dataclass(frozen=True)
class Change:
    """``now − before`` with its adjusted-Wald interval, z test and the plain Wald z test."""

    diff: float
    low: float
    high: float
    z: float
    p_value: float
    wald_z: float
    wald_p: float

    @property
    def verdict(self) -> str:
        return "improvement" if self.low > 0 else "decline" if self.high < 0 else "no change"


def change(now: Figures, before: Figures, *, level: float = 0.95) -> Change:
    """The change between two independent months (Rocks 2016 §4; scipy's normal)."""
    diff = now.nps - before.nps
    centre = now.adjusted - before.adjusted
    se = math.sqrt(now.variance + before.variance)
    zc = _ppf(0.5 + level / 2)
    low = min(max(centre - zc * se, -2.0) * 100, diff)
    high = max(min(centre + zc * se, 2.0) * 100, diff)
    z = centre / se
    p = 2 * _sf(abs(z)) if diff * centre > 0 else 1.0

    def _var(f: Figures) -> float:
        p_pro, p_det = f.promoters / f.n, f.detractors / f.n
        return (p_pro + p_det - (p_pro - p_det) ** 2) / f.n

    wald_se = math.sqrt(_var(now) + _var(before))
    wald_z = (diff / 100) / wald_se if wald_se else math.nan
    return Change(diff, low, high, z, p, wald_z, 2 * _sf(abs(wald_z)))


def target_status(f: Figures, target: float) -> str:
    """The README's rule: met when the whole interval is above the target, missed when below."""
    return "met" if f.low > target else "missed" if f.high < target else "not distinguishable"


def month_figures(frame: pd.DataFrame, month: str) -> dict[str, Figures]:
    """Each unit's figures in one month."""
    rows = frame[frame["month"] == month]
    return {str(u): figures(g["score"]) for u, g in rows.groupby("unit")}


def previous_month(month: str, back: int = 1) -> str:
    """The month ``back`` months before ``YYYY-MM``."""
    return (pd.Period(month, "M") - back).strftime("%Y-%m")


def detractors_since(frame: pd.DataFrame, since: pd.Timestamp, *, max_score: int = 6) -> dict:
    """Per unit, the scored detractors from ``since`` on who allowed contact."""
    keep = (frame["score"] <= max_score) & (frame["when"] >= since) & frame["consent"]
    return {str(k): int(v) for k, v in frame.loc[keep, "unit"].value_counts().items()}
