"""Key-driver analysis: which rated attributes move the 0–10 score, and where to act.

Two importance measures:

``relative_weights``
    Johnson's relative weights (Johnson 2000 [1]_). The predictor correlation matrix
    ``R = V Λ Vᵀ`` is eigen-decomposed; the ratings are replaced by their closest orthogonal
    counterparts ``Z`` (correlations between ``Z`` and the ratings: ``Λ* = V Λ^½ Vᵀ``); the score is
    regressed on ``Z`` (``β = Λ*⁻¹ r_xy``) and attribute ``j`` gets ``ε_j = Σ_k Λ*_jk² β_k²``.
    The weights are non-negative, share out the fit's R² between correlated ratings and **sum to
    the R² of the ordinary least-squares fit** of the score on all ratings. Computed on
    listwise-complete rows (every rating and the score present).
``correlation``
    Pearson correlation of each rating with the 0–10 score on pairwise-complete rows.

:func:`key_drivers` uses relative weights when at least ``min_complete`` (30) listwise-complete
rows exist and otherwise falls back to correlation, recording the method used in the ``method``
column. Ratings are parsed with :func:`nps_kit.followup.parse_ratings` (invalid values unused).

References
----------
.. [1] Johnson, J. W. (2000). A heuristic method for estimating the relative weight of predictor
   variables in multiple regression. *Multivariate Behavioral Research*, 35(1), 1-19.
   https://doi.org/10.1207/S15327906MBR3501_1
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, cast

import numpy as np
import numpy.typing as npt
import pandas as pd

from nps_kit.followup import _scored, parse_ratings
from nps_kit.i18n import Language, t
from nps_kit.stats import kish_effective_n, z_critical

__all__ = [
    "QUADRANTS",
    "Method",
    "Quadrant",
    "classify",
    "key_drivers",
    "quadrant_label",
    "relative_weights",
]

Method = Literal["relative_weights", "correlation"]
Quadrant = Literal["fix_first", "keep_up", "lower_priority", "possible_overkill", "near_average"]
QUADRANTS: tuple[Quadrant, ...] = (
    "fix_first",
    "keep_up",
    "lower_priority",
    "possible_overkill",
    "near_average",
)
#: Confidence level of the margin a mean rating must clear to count as above or below average:
#: 3.19 against a 3.18 average (±0.09 for 600 answers) is average, not "possible overkill".
PERFORMANCE_LEVEL = 0.95
#: Smallest gap to the mean importance, as a share of that mean, that counts as more or less
#: important than average.
IMPORTANCE_MARGIN = 0.10

FloatArray = npt.NDArray[np.float64]


_COLUMNS = [
    "attribute",
    "label",
    "importance",
    "performance",
    "n",
    "quadrant",
    "method",
    "r_squared",
    "performance_margin",
    "mean_importance",
    "importance_margin",
    "mean_performance",
]


def key_drivers(
    data: pd.DataFrame,
    columns: Mapping[str, str],
    *,
    score: str = "nps_score",
    method: Method = "relative_weights",
    scale: tuple[float, float] = (1, 5),
    codes: Mapping[str, Mapping[Any, str]] | None = None,
    min_complete: int = 30,
    weight: str | None = None,
) -> pd.DataFrame:
    """Rank rated attributes by their importance for the 0–10 score and place them in quadrants.

    Parameters
    ----------
    data
        Response frame with the score column and the rating columns.
    columns
        Rating column → display label, e.g. ``{"rating_delivery": "配送"}``.
    score
        Column with the 0–10 score (used as a number, not as segments); NA rows are ignored.
    method
        ``"relative_weights"`` (Johnson 2000, listwise-complete rows; falls back to
        ``"correlation"`` below ``min_complete`` rows) or ``"correlation"`` (Pearson r,
        pairwise-complete rows). See the module docstring.
    scale
        Lowest and highest valid rating; other values are invalid and unused.
    codes
        Per column of a labelled scale, its point → answer
        (:func:`nps_kit.followup.parse_ratings`).
    min_complete
        Fewest listwise-complete rows for relative weights (with weights: Kish's effective n
        of those rows).
    weight
        Optional column of response weights: correlations, relative weights and mean ratings
        are then weighted (weighted covariances); ``n`` stays the number of rows.

    Returns
    -------
    pandas.DataFrame
        One row per attribute, most important first: ``attribute``, ``label``, ``importance``
        (relative weight, or correlation), ``performance`` (mean valid rating), ``n`` (rows used
        for the importance), ``quadrant`` (``fix_first``: importance ≥ mean and performance <
        mean; ``keep_up``: both ≥ mean; ``lower_priority``: both < mean; ``possible_overkill``:
        importance < mean, performance ≥ mean; means taken across attributes; ``near_average``
        when the mean rating is within its margin of error (95 %, ``1.96·sd/√n``) of the
        mean of the attributes, or the importance within :data:`IMPORTANCE_MARGIN` of the
        mean importance, so a hair's difference never earns a label; NA when the importance
        is undefined, e.g. a
        constant rating), ``method`` (the method actually used),
        ``r_squared`` (R² of the listwise OLS fit for relative weights, else NaN), and the
        thresholds of the quadrants (:func:`classify`), which the chart draws:
        ``performance_margin`` (the attribute's margin of error), ``mean_importance``,
        ``importance_margin`` and ``mean_performance`` (the same on every row).

    Raises
    ------
    DataError
        If a column is not in ``data``.
    ValueError
        If ``method`` is not one of the two methods.
    """
    if method not in ("relative_weights", "correlation"):
        raise ValueError(f"method must be 'relative_weights' or 'correlation', got {method!r}")
    scored = _scored(data, [*columns, *([weight] if weight else [])], score)
    y = pd.to_numeric(scored[score], errors="coerce").astype(float)
    w = (
        pd.Series(1.0, index=scored.index)
        if weight is None
        else pd.to_numeric(scored[weight], errors="coerce").astype(float).fillna(0.0)
    )
    ratings = pd.DataFrame(
        {
            column: parse_ratings(scored[column], scale=scale, codes=(codes or {}).get(column))[0]
            for column in columns
        },
        index=scored.index,
    )
    attributes = list(columns)
    performance = pd.Series(
        {c: _weighted_mean(ratings[c], w) for c in attributes}, dtype=float, index=attributes
    )
    complete = ratings.notna().all(axis=1) & y.notna()
    n_complete = int(complete.sum())
    n_eff = n_complete if weight is None else kish_effective_n(w[complete].to_numpy())
    used: Method = method
    if method == "relative_weights" and (
        n_complete < max(min_complete, len(attributes) + 2) or n_eff < min_complete
    ):
        used = "correlation"
    r_squared = np.nan
    if used == "relative_weights":
        x = ratings.loc[complete].to_numpy()
        varying = x.std(axis=0) > 0
        weights = np.full(len(attributes), np.nan)
        if varying.any():
            outcome = cast(FloatArray, y[complete].to_numpy(dtype=np.float64))
            row_weights = (
                None if weight is None else cast(FloatArray, w[complete].to_numpy(np.float64))
            )
            weights[varying] = relative_weights(x[:, varying], outcome, weights=row_weights)
            r_squared = float(np.nansum(weights))
        importance = pd.Series(weights, index=attributes)
        n = pd.Series(n_complete, index=attributes)
    else:
        importance = pd.Series({c: _pearson(ratings[c], y, w) for c in attributes}, dtype=float)
        n = pd.Series({c: int((ratings[c].notna() & y.notna()).sum()) for c in attributes})
    table = pd.DataFrame(
        {
            "attribute": attributes,
            "label": [columns[c] for c in attributes],
            "importance": importance.to_numpy(dtype=float),
            "performance": performance.to_numpy(dtype=float),
            "n": n.to_numpy(dtype=int),
        }
    )
    margin: pd.Series = z_critical(PERFORMANCE_LEVEL) * ratings.std() / np.sqrt(ratings.count())
    table["performance_margin"] = np.nan_to_num(margin.to_numpy(dtype=float), nan=0.0)
    table = _with_thresholds(table)
    table["quadrant"] = classify(table)
    table["method"] = used
    table["r_squared"] = r_squared
    table = table.sort_values("importance", ascending=False, na_position="last", kind="stable")
    return table.reset_index(drop=True)[_COLUMNS]


def relative_weights(
    x: FloatArray, y: FloatArray, *, weights: FloatArray | None = None
) -> FloatArray:
    """Johnson's (2000) relative weights of the columns of ``x`` for predicting ``y``.

    Parameters
    ----------
    x
        ``(n, p)`` predictor matrix without missing values; no constant columns.
    y
        ``(n,)`` outcome without missing values.
    weights
        Optional ``(n,)`` non-negative row weights: the correlations are then weighted, so the
        weights sum to the R² of the weighted least-squares fit.

    Returns
    -------
    numpy.ndarray
        ``(p,)`` non-negative weights that sum to the R² of the OLS fit of ``y`` on ``x``.
    """
    corr = _correlation(np.column_stack([x, y]), weights)
    rxx, rxy = corr[:-1, :-1], corr[:-1, -1]
    eigenvalues, eigenvectors = np.linalg.eigh(rxx)
    root = eigenvectors @ np.diag(np.sqrt(np.clip(eigenvalues, 0.0, None))) @ eigenvectors.T
    # pinv: perfectly collinear ratings make R singular; the weights then split the shared part.
    beta = np.linalg.pinv(root) @ rxy
    return np.asarray((root**2) @ (beta**2), dtype=np.float64)


def quadrant_label(quadrant: str, lang: Language) -> str:
    """Return the display label of a quadrant.

    Parameters
    ----------
    quadrant
        One of :data:`QUADRANTS`.
    lang
        ``"ja"`` (「最優先で改善」…) or ``"en"`` ("fix first" …).

    Returns
    -------
    str
        The label.

    Raises
    ------
    ValueError
        If ``quadrant`` or ``lang`` is unknown.
    """
    if quadrant not in QUADRANTS or lang not in ("ja", "en"):
        raise ValueError(
            f"quadrant must be one of {', '.join(QUADRANTS)} and lang 'ja' or 'en', "
            f"got quadrant={quadrant!r}, lang={lang!r}"
        )
    return t(f"quadrant.{quadrant}", lang)


def _correlation(matrix: FloatArray, weights: FloatArray | None) -> FloatArray:
    """Correlation matrix of the columns, weighted by ``weights`` (rows) when given."""
    if weights is None:
        return np.atleast_2d(np.corrcoef(matrix, rowvar=False))
    cov = np.atleast_2d(np.cov(matrix, rowvar=False, aweights=weights))
    scale = np.sqrt(np.diag(cov))
    return np.asarray(cov / np.outer(scale, scale), dtype=np.float64)


def _weighted_mean(values: pd.Series, w: pd.Series) -> float:
    known = values.notna()
    total = float(w[known].sum())
    return float((values[known] * w[known]).sum() / total) if total > 0 else float("nan")


def _pearson(x: pd.Series, y: pd.Series, w: pd.Series) -> float:
    both = x.notna() & y.notna() & (w > 0)
    if both.sum() < 3 or x[both].std() == 0 or y[both].std() == 0:
        return float("nan")
    pair = np.column_stack([x[both].to_numpy(float), y[both].to_numpy(float)])
    return float(_correlation(pair, w[both].to_numpy(float))[0, 1])


def _with_thresholds(table: pd.DataFrame) -> pd.DataFrame:
    """Add the means of importance and performance and the importance margin.

    Means over the attributes with both known; the margin is :data:`IMPORTANCE_MARGIN` of the
    mean importance.
    """
    known = table["importance"].notna() & table["performance"].notna()
    mean_importance = float(table.loc[known, "importance"].mean()) if known.any() else np.nan
    mean_performance = float(table.loc[known, "performance"].mean()) if known.any() else np.nan
    return table.assign(
        mean_importance=mean_importance,
        importance_margin=IMPORTANCE_MARGIN * abs(mean_importance),
        mean_performance=mean_performance,
    )


def classify(table: pd.DataFrame) -> pd.Series:
    """Place each attribute in its quadrant: the one rule the table and the chart show.

    An attribute is ``near_average`` when its mean rating is within its margin of error of
    the attributes' mean rating or its importance within ``importance_margin`` of the mean
    importance; otherwise importance ≥ the mean and a rating below the mean is ``fix_first``,
    both at or above ``keep_up``, both below ``lower_priority`` and the rest
    ``possible_overkill``. :func:`nps_kit.plot.driver_quadrant` draws these thresholds (mean
    lines, the near-average band of importance, each rating's margin), so a point's place on
    the chart says what the table says.

    Parameters
    ----------
    table
        ``importance``, ``performance``, ``performance_margin``, ``mean_importance``,
        ``importance_margin`` and ``mean_performance`` per attribute, as from
        :func:`key_drivers`.

    Returns
    -------
    pandas.Series
        A quadrant of :data:`QUADRANTS` per row (``string``); NA where importance or
        performance is unknown.
    """
    importance = table["importance"].astype(float)
    performance = table["performance"].astype(float)
    known = importance.notna() & performance.notna()
    if not known.any():
        return pd.Series(pd.NA, index=table.index, dtype="string")
    mean_importance = table["mean_importance"].astype(float)
    mean_performance = table["mean_performance"].astype(float)
    high_importance = importance >= mean_importance
    high_performance = performance >= mean_performance
    near = ((performance - mean_performance).abs() <= table["performance_margin"]) | (
        (importance - mean_importance).abs() <= table["importance_margin"]
    )
    quadrant = np.select(
        [
            near,
            high_importance & ~high_performance,
            high_importance & high_performance,
            ~high_importance & ~high_performance,
        ],
        ["near_average", "fix_first", "keep_up", "lower_priority"],
        default="possible_overkill",
    )
    return pd.Series(quadrant, index=table.index, dtype="string").where(known)
