"""Segments of a score, one group's result (:class:`NpsResult`), a change (:class:`Change`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any, Literal

import numpy as np
import numpy.typing as npt
import pandas as pd

from nps_kit.errors import DataError, missing_column

SEGMENTS: tuple[str, str, str] = ("detractor", "passive", "promoter")
#: Groups with fewer (effective) responses are flagged as imprecise.
DEFAULT_MIN_N = 30
#: Groups with fewer responses are suppressed in group tables, for respondents' anonymity.
DEFAULT_MIN_REPORT_N = 5
# Fewest months with shown counts for p-chart limits (BROWSE36): a centre line pooled from two
# or three points is no baseline, and limits from it flagged both months of a two-month unit.
# Shewhart-chart texts (e.g. Montgomery) fix limits from 20-25 subgroups and treat limits from
# fewer as trial limits; 8 of the trend's 12 months is the floor for those trial limits.
CONTROL_MIN_PERIODS = 8

Period = Literal["week", "month", "quarter", "fiscal-year", "fiscal-quarter"]
Verdict = Literal["improvement", "decline", "no_change", "insufficient_data"]
TargetStatus = Literal["met", "missed", "not_distinguishable", "no_target", "no_data"]

_PERIOD_FREQ = {"week": "W-SUN", "month": "M", "quarter": "Q"}
# 0–6 → detractor (0), 7–8 → passive (1), 9–10 → promoter (2)
_SEGMENT_OF_SCORE = np.array([0, 0, 0, 0, 0, 0, 0, 1, 1, 2, 2], dtype=np.int64)
# Indexed by score code: position −1 (the last) maps missing answers to −1.
_SEGMENT_LUT = np.array([0, 0, 0, 0, 0, 0, 0, 1, 1, 2, 2, -1], dtype=np.int64)

COUNT_COLUMNS = [
    "n",
    "promoters",
    "passives",
    "detractors",
    "pct_promoters",
    "pct_passives",
    "pct_detractors",
    "nps",
    "ci_low",
    "ci_high",
    "n_eff",
    "small_sample",
    "suppressed",
]


@dataclass(frozen=True)
class NpsResult:
    """NPS of one group of responses.

    Attributes
    ----------
    n
        Number of valid responses.
    promoters, passives, detractors
        Counts (weighted sums when weights are used).
    pct_promoters, pct_passives, pct_detractors
        Shares in percent; ``None`` when ``n`` is 0.
    nps
        Net Promoter Score in points; ``None`` when ``n`` is 0.
    ci_low, ci_high
        Adjusted-Wald interval in points; ``None`` when ``n`` is 0.
    n_eff
        Effective sample size (Kish); equals ``n`` without weights.
    small_sample
        ``True`` when ``n_eff`` is below the precision threshold.
    level
        Confidence level of the interval.
    """

    n: int
    promoters: float
    passives: float
    detractors: float
    pct_promoters: float | None
    pct_passives: float | None
    pct_detractors: float | None
    nps: float | None
    ci_low: float | None
    ci_high: float | None
    n_eff: float
    small_sample: bool
    level: float = 0.95

    def to_dict(self) -> dict[str, Any]:
        """Return the fields as a JSON-safe dict (counts as ints when they are whole)."""
        out = asdict(self)
        for key in ("promoters", "passives", "detractors"):
            value = out[key]
            if float(value).is_integer():
                out[key] = int(value)
        return out


@dataclass(frozen=True)
class Change:
    """Change between two NPS values (current − previous).

    Attributes
    ----------
    diff
        Difference in points; ``None`` when either side has no responses.
    ci_low, ci_high
        Adjusted-Wald interval of the difference in points.
    z, p_value
        Adjusted difference over its standard error, and the two-sided p-value of the same
        adjusted-Wald method as the interval.
    verdict
        ``"improvement"`` when the interval lies above 0, ``"decline"`` when it lies below,
        else ``"no_change"``; ``"insufficient_data"`` when either side is empty.
    level
        Confidence level used for the interval and the verdict.
    """

    diff: float | None
    ci_low: float | None
    ci_high: float | None
    z: float | None
    p_value: float | None
    verdict: Verdict
    level: float = 0.95

    @property
    def significant(self) -> bool:
        """Whether the change is statistically significant."""
        return self.verdict in ("improvement", "decline")

    def to_dict(self) -> dict[str, Any]:
        """Return the fields as a JSON-safe dict."""
        return asdict(self)


def segment(scores: pd.Series) -> pd.Series:
    """Classify 0–10 scores as ``detractor`` (0–6), ``passive`` (7–8) or ``promoter`` (9–10).

    Parameters
    ----------
    scores
        Numeric scores; missing values stay missing.

    Returns
    -------
    pandas.Series
        Categorical series with categories ``detractor``, ``passive``, ``promoter``, same index.
    """
    codes = _SEGMENT_LUT[_score_codes(scores, name=str(scores.name))[0]]
    return pd.Series(
        pd.Categorical.from_codes(codes, categories=pd.Index(list(SEGMENTS))),
        index=scores.index,
        name="segment",
    )


def _score_codes(
    scores: pd.Series, *, name: str
) -> tuple[npt.NDArray[np.signedinteger[Any]], bool]:
    """Integer score 0–10 per row, ``-1`` for missing; raise if a value is off the 0–10 scale.

    Integer columns (the common case after loading) take a fast path: a NumPy integer column
    without missing values is returned as it is, after one range check. Also tells whether
    any score is missing.
    """
    dtype = scores.dtype
    if pd.api.types.is_integer_dtype(dtype) and not isinstance(
        dtype, pd.api.extensions.ExtensionDtype
    ):
        ints = scores.to_numpy()
        missing = None
    elif pd.api.types.is_integer_dtype(dtype):
        missing = scores.isna().to_numpy()
        ints = scores.to_numpy(dtype=np.int64, na_value=0)
    else:
        floats = pd.to_numeric(scores, errors="coerce").to_numpy(dtype=np.float64, na_value=np.nan)
        missing = np.isnan(floats)
        off = ~missing & ((floats != np.round(floats)) | (floats < 0) | (floats > 10))
        if off.any():
            _raise_off_scale(floats[off], name)
        ints = np.where(missing, 0, floats).astype(np.int64)
    # One pass checks both ends: seen as unsigned, negative integers are huge.
    if len(ints) and ints.view(f"u{ints.dtype.itemsize}").max() > 10:
        bad = (ints < 0) | (ints > 10)
        if missing is not None:
            bad &= ~missing
        if bad.any():
            _raise_off_scale(ints[bad], name)
    if missing is not None and missing.any():
        return np.where(missing, -1, ints), True
    return ints, False


def _raise_off_scale(values: npt.NDArray[np.generic], name: str) -> None:
    examples = ", ".join(str(v) for v in pd.unique(values.astype(np.float64))[:5])
    raise DataError(
        f"column {name!r} has {len(values)} value(s) outside the 0–10 integer scale "
        f"(e.g. {examples}).",
        hint="Load the file with nps_kit.load.load_responses, which separates invalid answers.",
    )


def _check_columns(data: pd.DataFrame, columns: Sequence[str]) -> None:
    for column in columns:
        if column not in data.columns:
            raise missing_column(column, data.columns)


def _weights(data: pd.DataFrame, weight: str | None) -> npt.NDArray[np.float64] | None:
    if weight is None:
        return None
    w = pd.to_numeric(data[weight], errors="coerce").to_numpy(dtype=np.float64, na_value=np.nan)
    if np.any(w[~np.isnan(w)] < 0):
        raise DataError(f"weight column {weight!r} has negative weights; weights must be ≥ 0.")
    return w
