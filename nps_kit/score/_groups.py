"""NPS of one group (:func:`nps`) and of every group by columns and period."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt
import pandas as pd

from nps_kit import stats
from nps_kit._value_key import one_spelling
from nps_kit.errors import DataError
from nps_kit.score._floor import hide_below_floor
from nps_kit.score._results import (
    _PERIOD_FREQ,
    DEFAULT_MIN_N,
    DEFAULT_MIN_REPORT_N,
    NpsResult,
    Period,
    _check_columns,
    _score_codes,
    _weights,
)

if TYPE_CHECKING:
    from nps_kit.periods import NamedBy
from nps_kit.ordinal import group_order, labelled_scale, not_applicable


def _result_columns(
    counts: npt.NDArray[np.float64],
    n: npt.NDArray[np.int64],
    n_eff: npt.NDArray[np.float64],
    *,
    level: float,
    min_n: int,
) -> dict[str, Any]:
    """Columns of a grouped table from per-group segment counts (shape groups × 3).

    Nothing is hidden here (``suppressed`` all false): :func:`score_groups` applies the floor
    with :func:`hide_below_floor`, its one home.
    """
    det, pas, pro = counts[:, 0], counts[:, 1], counts[:, 2]
    total = det + pas + pro
    with np.errstate(invalid="ignore", divide="ignore"):
        pct_pro = np.where(total > 0, 100.0 * pro / total, np.nan)
        pct_pas = np.where(total > 0, 100.0 * pas / total, np.nan)
        pct_det = np.where(total > 0, 100.0 * det / total, np.nan)
    low, high = stats.nps_interval_array(pro, pas, det, n_eff=n_eff, level=level)
    columns: dict[str, Any] = {
        "n": n,
        "promoters": pro,
        "passives": pas,
        "detractors": det,
        "pct_promoters": pct_pro,
        "pct_passives": pct_pas,
        "pct_detractors": pct_det,
        "nps": pct_pro - pct_det,
        "ci_low": low,
        "ci_high": high,
        "n_eff": n_eff,
        "small_sample": n_eff < min_n,
        "suppressed": np.zeros(len(n), dtype=bool),
    }
    return columns


def _segment_counts(
    scores: npt.NDArray[np.signedinteger[Any]],
    codes: npt.NDArray[np.intp],
    n_groups: int,
    weights: npt.NDArray[np.float64] | None,
    *,
    complete: bool = False,
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.int64], npt.NDArray[np.float64]]:
    """Per-group (detractor, passive, promoter) counts, valid n and Kish effective n.

    ``scores`` holds scores 0–10 (−1 = missing), ``codes`` group codes (−1 = left out);
    ``complete`` says the caller knows neither has a −1, which saves two passes. Counting
    the 11 scores per group with one ``bincount`` and summing them into segments afterwards
    needs no per-row segment lookup.
    """
    flat = codes * 11 + scores
    valid: npt.NDArray[np.bool_] | None = None
    if weights is not None:
        valid = (scores >= 0) & (codes >= 0) & ~np.isnan(weights)
    elif not complete and len(flat) and (scores.min() < 0 or codes.min() < 0):
        valid = (scores >= 0) & (codes >= 0)
    if valid is not None:
        flat = flat[valid]
    w = None if weights is None else weights[valid]
    per_score = np.bincount(flat, weights=w, minlength=n_groups * 11).astype(np.float64)
    per_score = per_score.reshape(n_groups, 11)
    counts = np.stack(
        [per_score[:, :7].sum(axis=1), per_score[:, 7:9].sum(axis=1), per_score[:, 9:].sum(axis=1)],
        axis=1,
    )
    if w is None:
        n = counts.sum(axis=1).astype(np.int64)
        return counts, n, n.astype(np.float64)
    assert valid is not None
    group = codes[valid]
    n = np.bincount(group, minlength=n_groups).astype(np.int64)
    sum_w = np.bincount(group, weights=w, minlength=n_groups)
    sum_w2 = np.bincount(group, weights=w * w, minlength=n_groups)
    with np.errstate(invalid="ignore", divide="ignore"):
        n_eff = np.where(sum_w2 > 0, sum_w**2 / sum_w2, 0.0).astype(np.float64)
    return counts, n, n_eff


def nps(
    data: pd.DataFrame,
    *,
    score: str = "nps_score",
    weight: str | None = None,
    level: float = 0.95,
    min_n: int = DEFAULT_MIN_N,
) -> NpsResult:
    """Score one group of responses.

    Parameters
    ----------
    data
        Responses; the ``score`` column holds 0–10 integers or missing values.
    score
        Name of the score column (``nps_score`` in frames from :func:`nps_kit.load.load_responses`).
    weight
        Optional name of a column of non-negative response weights. The interval then uses Kish's
        effective sample size.
    level
        Confidence level of the interval.
    min_n
        Precision threshold: results with fewer (effective) responses are flagged ``small_sample``.

    Returns
    -------
    NpsResult
        Counts, shares, NPS and its adjusted-Wald interval.

    Examples
    --------
    >>> import pandas as pd
    >>> nps(pd.DataFrame({"nps_score": [10, 9, 8, 3]})).nps
    25.0
    """
    _check_columns(data, [score] + ([weight] if weight else []))
    values, missing = _score_codes(data[score], name=score)
    codes = np.zeros(len(values), dtype=np.intp)
    counts, n, n_eff = _segment_counts(
        values, codes, 1, _weights(data, weight), complete=not missing
    )
    cols = _result_columns(counts, n, n_eff, level=level, min_n=min_n)
    empty = int(n[0]) == 0

    def opt(key: str) -> float | None:
        return None if empty else float(cols[key][0])

    return NpsResult(
        n=int(n[0]),
        promoters=float(cols["promoters"][0]),
        passives=float(cols["passives"][0]),
        detractors=float(cols["detractors"][0]),
        pct_promoters=opt("pct_promoters"),
        pct_passives=opt("pct_passives"),
        pct_detractors=opt("pct_detractors"),
        nps=opt("nps"),
        ci_low=opt("ci_low"),
        ci_high=opt("ci_high"),
        n_eff=float(n_eff[0]),
        small_sample=bool(cols["small_sample"][0]),
        level=level,
    )


def _nps_of_masks(
    data: pd.DataFrame,
    masks: npt.NDArray[np.bool_],
    *,
    score: str,
    weight: str | None,
    level: float,
) -> dict[str, Any]:
    """Return :func:`nps`'s figures of the rows each mask selects, as arrays (one per mask).

    ``masks`` is boolean (masks, rows of ``data``); the masks may overlap. Every figure is the
    one ``nps(data[mask])`` gives, bit for bit (each group's rows are counted and weighed in the
    same order), with ``nan`` where that returns ``None``; one ``bincount`` for all of them
    instead of a frame and a call per mask (``theme_impact``: two per theme).
    """
    _check_columns(data, [score] + ([weight] if weight else []))
    values, _ = _score_codes(data[score], name=score)
    weights = _weights(data, weight)
    group, row = np.nonzero(masks)  # by mask, each mask's rows in order
    counts, n, n_eff = _segment_counts(
        values[row], group, len(masks), None if weights is None else weights[row]
    )
    return _result_columns(counts, n, n_eff, level=level, min_n=DEFAULT_MIN_N)


def _fiscal_keys(
    parsed: pd.Series, period: Period, fiscal_start: int, named_by: NamedBy = "start"
) -> tuple[pd.Series, pd.Series]:
    """Fiscal period label (``FY2026``, ``FY2026 Q1``) and start timestamp per row.

    Each distinct month is named once by :func:`nps_kit.periods.fiscal_period`, the one rule.
    """
    from nps_kit.periods import fiscal_period

    codes, months = pd.factorize(parsed.dt.to_period("M"))  # no date: −1
    named = [
        fiscal_period(str(m), fiscal_start, quarter=period == "fiscal-quarter", named_by=named_by)
        for m in months
    ]
    labels = np.array([label for label, _ in named] + [pd.NA], dtype=object)
    # the last is the start of no period: rows without a date (code −1)
    firsts = pd.Series([first for _, first in named] + ["NaT"])
    starts = pd.to_datetime(firsts, format="%Y-%m").to_numpy()
    label = pd.Series(labels[codes], index=parsed.index, dtype="string")
    return label, pd.Series(starts[codes], index=parsed.index)


def _period_keys(
    dates: pd.Series, period: Period, fiscal_start: int = 4, named_by: NamedBy = "start"
) -> tuple[pd.Series, pd.Series]:
    """Period label (``2026-10``, ``2026-Q3``, ``2026-W41``, ``FY2026 Q1``) and start per row."""
    parsed = pd.to_datetime(dates, errors="coerce")
    if period in ("fiscal-year", "fiscal-quarter"):
        return _fiscal_keys(parsed, period, fiscal_start, named_by)
    periods = parsed.dt.to_period(_PERIOD_FREQ[period])
    start = periods.dt.start_time
    if period == "month":
        label = periods.dt.strftime("%Y-%m")
    elif period == "quarter":
        label = periods.dt.strftime("%Y-Q%q")
    else:
        iso = start.dt.isocalendar()
        label = iso["year"].astype("string") + "-W" + iso["week"].astype("string").str.zfill(2)
    return label.astype("string"), start


def score_groups(
    data: pd.DataFrame,
    *,
    by: Sequence[str] | str = (),
    period: Period | None = None,
    score: str = "nps_score",
    date: str = "nps_date",
    weight: str | None = None,
    level: float = 0.95,
    min_n: int = DEFAULT_MIN_N,
    min_report_n: int = DEFAULT_MIN_REPORT_N,
    order: Mapping[str, Sequence[str]] | None = None,
    fiscal_start: int = 4,
    fiscal_named_by: NamedBy = "start",
) -> pd.DataFrame:
    """Score every group of responses: one tidy row per group.

    Parameters
    ----------
    data
        Responses with a 0–10 ``score`` column (missing values ignored).
    by
        Column name(s) to group by. Missing keys form their own group.
    period
        Also group by calendar ``"week"`` (ISO, Monday start), ``"month"`` or ``"quarter"`` of
        the ``date`` column, or by ``"fiscal-year"`` (``FY2026``, named as ``fiscal_named_by``
        says) or ``"fiscal-quarter"`` (``FY2026 Q1``, its first three months); rows without a
        date are left out of period groups.
    score, date, weight
        Column names; see :func:`nps`.
    level
        Confidence level of the intervals.
    min_n
        Precision threshold: groups with fewer (effective) responses get ``small_sample=True``.
    min_report_n
        Anonymity floor: groups with fewer responses get ``suppressed=True`` and their counts,
        shares, NPS and interval are blanked (``n`` is kept). ``0`` disables suppression.
    order
        ``{key: its values in order}``, e.g. a code table's labels
        (:func:`nps_kit._value_labels.label_order`): that key's groups in this order, any
        value not in it after them.
    fiscal_start
        The fiscal year's first month (1–12; 4 = April, 年度) of the fiscal periods.
    fiscal_named_by
        Which year names them (:func:`nps_kit.periods.fiscal_year_name`): ``"start"``
        (``FY2026`` for April 2026 to March 2027) or ``"end"`` (``FY2027``).

    Returns
    -------
    pandas.DataFrame
        Columns: the ``by`` keys, then ``period`` and ``period_start`` when grouping by period,
        then ``n, promoters, passives, detractors, pct_promoters, pct_passives, pct_detractors,
        nps, ci_low, ci_high, n_eff, small_sample, suppressed``. Sorted by the keys (in
        ``order``'s order, or a labelled scale's). Groups with no valid response are left out.
    """
    keys = [by] if isinstance(by, str) else list(by)
    if period is not None and period not in (*_PERIOD_FREQ, "fiscal-year", "fiscal-quarter"):
        raise DataError(
            "period must be one of 'week', 'month', 'quarter', 'fiscal-year', 'fiscal-quarter'; "
            f"got {period!r}.",
        )
    if not 1 <= fiscal_start <= 12:
        raise DataError(f"fiscal_start must be a month number 1–12; got {fiscal_start!r}.")
    needed = [score, *keys] + ([date] if period else []) + ([weight] if weight else [])
    _check_columns(data, needed)
    values, missing = _score_codes(data[score], name=score)

    # One group per value however its rows spell it (ﾐﾗｲ / ミライ, North / north: QA29 F3),
    # as units match their filter values (nps_kit._value_key).
    key_frame = {k: one_spelling(_no_answer_off_scale(data[k])) for k in keys}
    period_start: pd.Series | None = None
    if period is not None:
        label, period_start = _period_keys(data[date], period, fiscal_start, fiscal_named_by)
        key_frame["period"] = label
    names = list(key_frame)
    codes, uniques, left_out = _factorize(key_frame, len(values))
    n_groups = len(uniques)
    counts, n, n_eff = _segment_counts(
        values, codes, n_groups, _weights(data, weight), complete=not (missing or left_out)
    )
    columns = _result_columns(counts, n, n_eff, level=level, min_n=min_n)
    table = pd.DataFrame({name: uniques[name] for name in names})
    if period_start is not None:
        starts = pd.Series(period_start.to_numpy(), dtype="datetime64[ns]")
        first = (
            pd.DataFrame({"code": codes, "start": starts})
            .loc[lambda f: f["code"] >= 0]
            .groupby("code")["start"]
            .min()
        )
        table["period_start"] = first.reindex(range(n_groups)).to_numpy()
    for name, column in columns.items():
        table[name] = column
    # The floor's one home blanks what a group under it would tell; the keys (a numeric rating
    # 1–5 is a key too) and n_eff, which the weights alone make (n without weights), stay.
    table = hide_below_floor(table, "n", min_report_n=min_report_n, keep=(*names, "n_eff"))
    table = table.loc[table["n"] > 0]
    if names:
        # A labelled scale's answers in the scale's order, as the report shows them (QA28 #8:
        # とても不満, とても満足, どちらでもない … in code-point order): ordinal.group_order.
        # A key given an order (a code table's: 年代 1 … 6) is in that order first.
        given = order or {}
        placed = {n: _given_positions(table[n], given[n]) for n in given if n in keys}
        scales = {
            name: placed.get(name) or _scale_positions(table[name])
            for name in names
            if name in keys
        }

        def scale_key(column: pd.Series) -> pd.Series:
            positions = scales.get(str(column.name))
            return column if positions is None else column.map(positions)

        def mixed_key(column: pd.Series) -> pd.Series:
            name = str(column.name)
            return column.map(placed[name]) if name in placed else _mixed_key(column)

        try:
            table = table.sort_values(names, kind="stable", na_position="last", key=scale_key)
        except TypeError:
            # Ratings 1–5 beside a "(no answer)" group (QA23): numbers first, then text.
            table = table.sort_values(names, kind="stable", na_position="last", key=mixed_key)
    return table.reset_index(drop=True)


def _scale_positions(column: pd.Series) -> dict[Any, int] | None:
    """Return each label's place in its ordinal order (a labelled scale's), or ``None``."""
    if column.dtype != object and not pd.api.types.is_string_dtype(column.dtype):
        return None
    labels = [v for v in column if isinstance(v, str)]
    if len(labels) != int(column.notna().sum()):
        return None
    order = group_order(labels)
    return None if order is None else {label: at for at, label in enumerate(order)}


def _given_positions(column: pd.Series, order: Sequence[str]) -> dict[Any, int]:
    """Return each value's place: ``order``'s values first, then the others as they sort."""
    present = column.dropna().unique().tolist()
    known = set(order)
    rest = sorted((v for v in present if v not in known), key=lambda v: (str(type(v)), str(v)))
    return {value: at for at, value in enumerate([*order, *rest])}


def _no_answer_off_scale(column: pd.Series) -> pd.Series:
    """Return a labelled scale's answers with 該当なし / N/A as no answer, as the report reads them.

    Beside a scale's points, "N/A" says the question did not apply: it joins the blanks (the
    group shown as no answer), not a point of the scale. Other columns are returned as they are.
    """
    if column.dtype != object and not pd.api.types.is_string_dtype(column.dtype):
        return column
    labels = pd.unique(column.dropna())
    if not all(isinstance(v, str) for v in labels):
        return column
    if labelled_scale([v for v in labels if not not_applicable(v)]) is None:
        return column
    off = column.map(lambda v: isinstance(v, str) and not_applicable(v)).astype(bool)
    return column.mask(off) if off.any() else column


def _mixed_key(column: pd.Series) -> pd.Series:
    """Sort key of a column mixing numbers and text: the numbers in order, then the text."""
    if column.dtype != object:
        return column

    def one(value: Any) -> tuple[int, Any]:
        if value is None or (isinstance(value, float) and np.isnan(value)) or value is pd.NA:
            return (2, 0)
        if isinstance(value, int | float | np.number) and not isinstance(value, bool):
            return (0, float(value))
        return (1, str(value))

    return column.map(one)


def _factorize(
    key_frame: dict[str, pd.Series], length: int
) -> tuple[npt.NDArray[np.intp], pd.DataFrame, bool]:
    """Give each row its group code (−1 = left out), the keys per code, and whether any is out.

    Codes index the full product of each key's unique values (groups without responses are
    dropped later), so the common case — one categorical key — costs a single cast.
    """
    if not key_frame:
        return np.zeros(length, dtype=np.intp), pd.DataFrame(index=[0]), False
    per_codes: list[npt.NDArray[np.intp]] = []
    per_uniques: list[pd.Index] = []
    left_out = None
    for name, column in key_frame.items():
        if isinstance(column.dtype, pd.CategoricalDtype):
            small = column.cat.codes.to_numpy()  # int8/int16: cheap to scan before widening
            u = pd.Index(column.cat.categories)
            if len(small) and small.min() < 0:  # missing key → its own group after the others
                small = np.where(small < 0, len(u), small)
                u = u.append(pd.Index([None]))
            c = small.astype(np.intp)
        else:
            raw, u = pd.factorize(column, use_na_sentinel=name == "period")
            c = np.asarray(raw, dtype=np.intp)
            if len(c) and c.min() < 0:  # only period codes use the −1 sentinel
                left_out = (c < 0) if left_out is None else (left_out | (c < 0))
        per_codes.append(c)
        per_uniques.append(pd.Index(u))
    sizes = [max(len(u), 1) for u in per_uniques]
    if length == 0 or (left_out is not None and left_out.all()):
        # No row has a complete key: no group at all.
        empty = pd.DataFrame({name: pd.Series([], dtype=object) for name in key_frame})
        return np.full(length, -1, dtype=np.intp), empty, True
    if len(per_codes) == 1:
        codes = per_codes[0]
        keep = np.arange(sizes[0])
    else:
        safe = per_codes if left_out is None else [np.where(left_out, 0, c) for c in per_codes]
        combined = np.ravel_multi_index(safe, sizes).astype(np.intp)
        # Compact to the combinations present so the product of many keys stays small.
        keep, codes = np.unique(combined, return_inverse=True)
        codes = codes.astype(np.intp)
    if left_out is not None:
        codes = np.where(left_out, -1, codes)
    positions = np.unravel_index(keep, sizes)
    uniques = pd.DataFrame(
        # .array keeps a whole-number key whole: to_numpy() makes 1 (Int64 with a blank) 1.0.
        {name: per_uniques[i].take(positions[i]).array for i, name in enumerate(key_frame)}
    )
    return codes, uniques, left_out is not None
