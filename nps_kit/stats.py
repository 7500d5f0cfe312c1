"""Statistics on promoter/passive/detractor counts.

Everything here is pure numpy maths on counts (weighted counts allowed) and works element-wise on
arrays, so grouped scoring can compute every group's interval in one call.

References
----------
.. [1] Rocks, B. (2016). *Interval Estimation for the "Net Promoter Score"*. The American
   Statistician, 70(4), 365-372. https://doi.org/10.1080/00031305.2016.1158124
.. [2] Kish, L. (1965). *Survey Sampling*. Wiley. (Effective sample size of a weighted sample.)
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from statistics import NormalDist

import numpy as np
import numpy.typing as npt

__all__ = [
    "PSEUDO_DETRACTORS",
    "PSEUDO_PASSIVES",
    "PSEUDO_PROMOTERS",
    "DiffTest",
    "Interval",
    "RestTest",
    "benjamini_hochberg",
    "control_limits",
    "diff_test",
    "kish_effective_n",
    "nps_interval",
    "nps_interval_array",
    "verdict_of",
    "versus_rest",
    "z_critical",
]

#: Pseudo-responses added by the adjusted-Wald interval (Rocks 2016): 3 in all.
PSEUDO_PROMOTERS = 0.75
PSEUDO_DETRACTORS = 0.75
PSEUDO_PASSIVES = 1.5

FloatArray = npt.NDArray[np.float64]


@dataclass(frozen=True)
class Interval:
    """A confidence interval for an NPS, in points (−100…100)."""

    low: float
    high: float


@dataclass(frozen=True)
class DiffTest:
    """Difference between two NPS values with its interval and the test that inverts it.

    All values in points; ``z`` and ``p_value`` are ``nan`` when a sample is empty.
    """

    diff: FloatArray
    ci_low: FloatArray
    ci_high: FloatArray
    z: FloatArray
    p_value: FloatArray


def z_critical(level: float) -> float:
    """Return the two-sided standard-normal critical value for confidence ``level``.

    Parameters
    ----------
    level
        Confidence level strictly between 0 and 1, e.g. ``0.95``.

    Returns
    -------
    float
        ``z`` such that ``P(|Z| <= z) = level`` (1.959964 for 0.95).

    Raises
    ------
    ValueError
        If ``level`` is not strictly between 0 and 1.
    """
    if not 0 < level < 1:
        raise ValueError(f"level must be between 0 and 1 (exclusive), got {level!r}")
    return NormalDist().inv_cdf(0.5 + level / 2)


def _adjusted(
    promoters: FloatArray, passives: FloatArray, detractors: FloatArray, n_eff: FloatArray
) -> tuple[FloatArray, FloatArray]:
    """Adjusted-Wald estimate (as a proportion difference) and its variance."""
    total = promoters + passives + detractors
    with np.errstate(invalid="ignore", divide="ignore"):
        p_pro = np.where(total > 0, promoters / total, 0.0)
        p_det = np.where(total > 0, detractors / total, 0.0)
    n_adj = n_eff + PSEUDO_PROMOTERS + PSEUDO_PASSIVES + PSEUDO_DETRACTORS
    a_pro = (p_pro * n_eff + PSEUDO_PROMOTERS) / n_adj
    a_det = (p_det * n_eff + PSEUDO_DETRACTORS) / n_adj
    estimate = a_pro - a_det
    variance = (a_pro + a_det - estimate**2) / n_adj
    return estimate, variance


def nps_interval_array(
    promoters: npt.ArrayLike,
    passives: npt.ArrayLike,
    detractors: npt.ArrayLike,
    *,
    n_eff: npt.ArrayLike | None = None,
    level: float = 0.95,
) -> tuple[FloatArray, FloatArray]:
    """Vectorised adjusted-Wald NPS interval; see :func:`nps_interval`.

    Parameters
    ----------
    promoters, passives, detractors
        Counts (or weighted counts) per group, broadcastable to one shape.
    n_eff
        Effective sample size per group; defaults to the plain count total (unweighted data).
    level
        Confidence level.

    Returns
    -------
    tuple of numpy.ndarray
        ``(low, high)`` in points, ``nan`` where a group has no responses.
    """
    pro = np.asarray(promoters, dtype=np.float64)
    pas = np.asarray(passives, dtype=np.float64)
    det = np.asarray(detractors, dtype=np.float64)
    total = pro + pas + det
    neff = total if n_eff is None else np.asarray(n_eff, dtype=np.float64)
    estimate, variance = _adjusted(pro, pas, det, neff)
    half = z_critical(level) * np.sqrt(variance)
    with np.errstate(invalid="ignore", divide="ignore"):
        observed = np.where(total > 0, (pro - det) / total, np.nan)
    # For tiny n the adjusted interval can exclude the observed score (e.g. n = 1, one promoter);
    # widen to include it so that the reported estimate always lies inside its interval.
    low = np.fmin(np.clip(estimate - half, -1.0, 1.0), observed) * 100.0
    high = np.fmax(np.clip(estimate + half, -1.0, 1.0), observed) * 100.0
    empty = total <= 0
    low = np.where(empty, np.nan, low)
    high = np.where(empty, np.nan, high)
    return low, high


def nps_interval(
    promoters: float,
    passives: float,
    detractors: float,
    *,
    n_eff: float | None = None,
    level: float = 0.95,
) -> Interval:
    """Adjusted-Wald confidence interval for an NPS (Rocks 2016).

    Adds three pseudo-responses — ¾ promoter, 1½ passive and ¾ detractor — to the (effective)
    sample, then applies the Wald interval with the trinomial variance
    ``(p_P + p_D − (p_P − p_D)²) / n``. Bounds are clipped to [−100, 100] and, for very small
    samples, widened just enough to contain the observed NPS.

    Parameters
    ----------
    promoters, passives, detractors
        Counts, or weighted counts.
    n_eff
        Effective sample size (Kish) for weighted counts; defaults to the count total.
    level
        Confidence level, 0.95 by default.

    Returns
    -------
    Interval
        Bounds in points; both ``nan`` when there are no responses.

    Examples
    --------
    >>> nps_interval(50, 30, 20)
    Interval(low=14.05..., high=44.20...)
    """
    low, high = nps_interval_array(promoters, passives, detractors, n_eff=n_eff, level=level)
    return Interval(low=float(low), high=float(high))


def diff_test(
    a: tuple[npt.ArrayLike, npt.ArrayLike, npt.ArrayLike],
    b: tuple[npt.ArrayLike, npt.ArrayLike, npt.ArrayLike],
    *,
    n_eff_a: npt.ArrayLike | None = None,
    n_eff_b: npt.ArrayLike | None = None,
    level: float = 0.95,
) -> DiffTest:
    """Compare two independent NPS values: ``NPS(a) − NPS(b)``.

    The interval is the adjusted-Wald interval of the difference (pseudo-responses added to each
    sample, variances summed; Rocks 2016, section 4), widened when needed to contain the observed
    difference. The test is the same interval inverted, so verdict, interval and p-value never
    disagree: ``z`` is the adjusted difference over its standard error, and the two-sided p-value
    is the smallest ``1 − level`` at which the shown interval excludes 0 (``2 (1 − Φ(|z|))``, or
    1 when the observed and the adjusted difference do not share a sign, because the widened
    interval then always contains 0). Hence ``p_value < 1 − level`` exactly when the interval
    at ``level`` excludes 0, up to rounding at the boundary; :func:`verdict_of` reads the
    interval itself.

    Parameters
    ----------
    a, b
        ``(promoters, passives, detractors)`` counts for each sample (arrays allowed).
    n_eff_a, n_eff_b
        Effective sample sizes for weighted counts.
    level
        Confidence level for the interval.

    Returns
    -------
    DiffTest
        Difference, interval (points, clipped to [−200, 200]), z and two-sided p-value; ``z`` and
        ``p_value`` are ``nan`` when either sample is empty.
    """
    arrays_a = [np.asarray(x, dtype=np.float64) for x in a]
    arrays_b = [np.asarray(x, dtype=np.float64) for x in b]
    total_a = arrays_a[0] + arrays_a[1] + arrays_a[2]
    total_b = arrays_b[0] + arrays_b[1] + arrays_b[2]
    neff_a = total_a if n_eff_a is None else np.asarray(n_eff_a, dtype=np.float64)
    neff_b = total_b if n_eff_b is None else np.asarray(n_eff_b, dtype=np.float64)
    with np.errstate(invalid="ignore", divide="ignore"):
        nps_a = (arrays_a[0] - arrays_a[2]) / total_a
        nps_b = (arrays_b[0] - arrays_b[2]) / total_b
        diff = nps_a - nps_b
    est_a, avar_a = _adjusted(arrays_a[0], arrays_a[1], arrays_a[2], neff_a)
    est_b, avar_b = _adjusted(arrays_b[0], arrays_b[1], arrays_b[2], neff_b)
    centre = est_a - est_b
    # The pseudo-responses make every adjusted variance positive: se > 0 always.
    se = np.sqrt(avar_a + avar_b)
    defined = (total_a > 0) & (total_b > 0)
    z = np.where(defined, centre / se, np.nan)
    two_sided = np.asarray(_two_sided_p(z), dtype=np.float64)
    # Observed and adjusted difference on opposite sides of 0 (or the observed one at 0): the
    # widened interval contains 0 at every level, so nothing is significant.
    p_value = np.where(defined & ~(diff * centre > 0), 1.0, two_sided)
    half = z_critical(level) * se
    low = np.fmin(np.clip(centre - half, -2.0, 2.0), diff) * 100.0
    high = np.fmax(np.clip(centre + half, -2.0, 2.0), diff) * 100.0
    return DiffTest(
        diff=np.asarray(diff * 100.0, dtype=np.float64),
        ci_low=np.asarray(low, dtype=np.float64),
        ci_high=np.asarray(high, dtype=np.float64),
        z=np.asarray(z, dtype=np.float64),
        p_value=np.asarray(p_value, dtype=np.float64),
    )


def _two_sided_p(z: FloatArray) -> FloatArray:
    """Two-sided standard-normal p-value ``erfc(|z| / √2)``, ``nan`` where ``z`` is."""
    erfc = np.vectorize(math.erfc, otypes=[np.float64])
    values = np.asarray(z, dtype=np.float64)
    with np.errstate(invalid="ignore"):
        return np.asarray(erfc(np.abs(values) / math.sqrt(2.0)), dtype=np.float64)


def verdict_of(ci_low: npt.ArrayLike, ci_high: npt.ArrayLike) -> npt.NDArray[np.int8]:
    """Direction of a difference that its interval shows to be significant.

    The one rule every verdict in nps-kit follows: a difference is significant exactly when its
    interval excludes 0.

    Parameters
    ----------
    ci_low, ci_high
        Interval bounds of differences (any unit), ``nan`` when undefined.

    Returns
    -------
    numpy.ndarray
        ``1`` where the interval lies above 0, ``-1`` where it lies below, else ``0``.
    """
    low = np.asarray(ci_low, dtype=np.float64)
    high = np.asarray(ci_high, dtype=np.float64)
    with np.errstate(invalid="ignore"):
        return np.where(low > 0, 1, np.where(high < 0, -1, 0)).astype(np.int8)


def benjamini_hochberg(p_values: npt.ArrayLike) -> FloatArray:
    """Benjamini–Hochberg adjusted p-values (q-values) for families of tests.

    Rejecting the tests whose adjusted p-value is at most ``q`` controls the false discovery
    rate at ``q`` (Benjamini & Hochberg 1995 [3]_). ``nan`` p-values (tests not made) are left out
    of the family and stay ``nan``.

    Parameters
    ----------
    p_values
        Raw p-values; the last axis is one family (so a 2-D array holds many families).

    Returns
    -------
    numpy.ndarray
        Adjusted p-values, ``min(1, min_{j ≥ i} m p_(j) / j)`` in the original order; never below
        the raw p-value.

    References
    ----------
    .. [3] Benjamini, Y., & Hochberg, Y. (1995). Controlling the false discovery rate. *Journal
       of the Royal Statistical Society B*, 57(1), 289-300.
    """
    p = np.asarray(p_values, dtype=np.float64)
    if p.size == 0:
        return p.copy()
    order = np.argsort(p, axis=-1, kind="stable")  # nan last
    ranked = np.take_along_axis(p, order, axis=-1)
    m = np.sum(~np.isnan(p), axis=-1, keepdims=True)
    rank = np.arange(1, p.shape[-1] + 1)
    scaled = ranked * m / rank
    # Step-up: the running minimum from the largest p-value down (fmin skips the nan tail).
    stepped = np.fmin.accumulate(scaled[..., ::-1], axis=-1)[..., ::-1]
    adjusted = np.where(np.isnan(ranked), np.nan, np.minimum(stepped, 1.0))
    out = np.empty_like(adjusted)
    np.put_along_axis(out, order, adjusted, axis=-1)
    return out


@dataclass(frozen=True)
class RestTest:
    """Each group of a breakdown against the rest, with Benjamini–Hochberg marks.

    Arrays shaped like the groups (``(..., k)``): ``diff``, ``ci_low``, ``ci_high`` (group −
    rest, points, unadjusted interval), ``p_value``, ``p_adjusted`` and ``direction`` (``1``
    above, ``-1`` below, ``0`` not marked). Untested groups hold ``nan`` and ``0``.
    """

    diff: FloatArray
    ci_low: FloatArray
    ci_high: FloatArray
    p_value: FloatArray
    p_adjusted: FloatArray
    direction: npt.NDArray[np.int8]


def versus_rest(
    counts: npt.ArrayLike,
    *,
    n_eff: npt.ArrayLike | None = None,
    tested: npt.ArrayLike | None = None,
    level: float = 0.95,
) -> RestTest:
    """Compare each group with all other responses and mark differences at FDR ``1 − level``.

    Group and rest are independent samples, so the change test of :func:`diff_test` applies;
    ``group − rest`` has the sign of ``group − all``. The p-values of one breakdown (the last
    group axis) are adjusted with :func:`benjamini_hochberg`, and a group is marked when its
    adjusted p-value is below ``1 − level`` (its unadjusted interval then excludes 0).

    Parameters
    ----------
    counts
        ``(..., k, 3)`` promoters, passives, detractors per group (weighted counts allowed);
        every response is in exactly one group.
    n_eff
        ``(..., k)`` Kish effective n per group; defaults to the count totals. The rest's
        effective n follows from ``Σw² = (Σw)² / n_eff``.
    tested
        ``(..., k)`` which groups are tested (e.g. not suppressed); default all with responses.
    level
        Confidence level of the intervals; the false discovery rate is ``1 − level``.

    Returns
    -------
    RestTest
        Difference, unadjusted interval, raw and adjusted p-values, and marks.
    """
    c = np.asarray(counts, dtype=np.float64)
    totals = c.sum(axis=-1)
    neff = totals if n_eff is None else np.asarray(n_eff, dtype=np.float64)
    with np.errstate(invalid="ignore", divide="ignore"):
        squares = np.where(neff > 0, totals**2 / neff, 0.0)
        rest = c.sum(axis=-2, keepdims=True) - c
        rest_total = rest.sum(axis=-1)
        rest_squares = squares.sum(axis=-1, keepdims=True) - squares
        rest_neff = np.where(rest_squares > 0, rest_total**2 / rest_squares, 0.0)
    test = diff_test(
        (c[..., 0], c[..., 1], c[..., 2]),
        (rest[..., 0], rest[..., 1], rest[..., 2]),
        n_eff_a=neff,
        n_eff_b=rest_neff,
        level=level,
    )
    made = (totals > 0) if tested is None else np.asarray(tested, dtype=bool) & (totals > 0)
    made = made & (rest_total > 0)
    p_value = np.where(made, test.p_value, np.nan)
    adjusted = benjamini_hochberg(p_value)
    direction = verdict_of(test.ci_low, test.ci_high)
    with np.errstate(invalid="ignore"):
        marked = made & (adjusted < 1 - level)
    return RestTest(
        diff=np.where(made, test.diff, np.nan),
        ci_low=np.where(made, test.ci_low, np.nan),
        ci_high=np.where(made, test.ci_high, np.nan),
        p_value=p_value,
        p_adjusted=adjusted,
        direction=np.where(marked, direction, 0).astype(np.int8),
    )


def control_limits(
    promoters: npt.ArrayLike,
    passives: npt.ArrayLike,
    detractors: npt.ArrayLike,
    *,
    n_eff: npt.ArrayLike | None = None,
    sigmas: float = 3.0,
) -> tuple[float, FloatArray, FloatArray]:
    """P-chart control limits for the NPS of consecutive periods of one unit.

    The centre line is the pooled NPS of all the periods given; each period's limits are
    ``centre ± sigmas · √(v / n_eff)``, where ``v = p_P + p_D − (p_P − p_D)²`` is the pooled
    trinomial variance of one response (Shewhart's p-chart with the NPS variance in place of
    the binomial one). A period outside its limits varies more than sampling alone explains.

    Parameters
    ----------
    promoters, passives, detractors
        Counts (or weighted counts) per period.
    n_eff
        Effective sample size per period; defaults to the count totals.
    sigmas
        Width of the limits in standard errors (3 in Shewhart's charts).

    Returns
    -------
    tuple
        ``(centre, low, high)``: centre line in points and per-period limits in points, clipped
        to [−100, 100]; ``nan`` without any response.
    """
    pro = np.asarray(promoters, dtype=np.float64)
    pas = np.asarray(passives, dtype=np.float64)
    det = np.asarray(detractors, dtype=np.float64)
    total = pro + pas + det
    neff = total if n_eff is None else np.asarray(n_eff, dtype=np.float64)
    whole = float(np.nansum(total))
    if whole <= 0:
        nan = np.full(total.shape, np.nan)
        return float("nan"), nan, nan.copy()
    p_pro, p_det = float(np.nansum(pro)) / whole, float(np.nansum(det)) / whole
    centre = p_pro - p_det
    variance = p_pro + p_det - centre**2
    with np.errstate(invalid="ignore", divide="ignore"):
        half = np.where(neff > 0, sigmas * np.sqrt(variance / neff), np.nan)
    low = np.clip(centre - half, -1.0, 1.0) * 100.0
    high = np.clip(centre + half, -1.0, 1.0) * 100.0
    return centre * 100.0, low, high


def kish_effective_n(weights: npt.ArrayLike) -> float:
    """Kish's effective sample size ``(Σw)² / Σw²``.

    Parameters
    ----------
    weights
        Non-negative weights of the responses in one group.

    Returns
    -------
    float
        Effective sample size; equals the number of responses when all weights are equal, and 0
        for an empty group.
    """
    w = np.asarray(weights, dtype=np.float64)
    squares = float(np.sum(w * w))
    return float(np.sum(w)) ** 2 / squares if squares > 0 else 0.0
