"""The anonymity floor: groups too small to show, and groups a shown total would give away."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt
import pandas as pd


def below_floor(n: npt.ArrayLike, min_report_n: int | None) -> npt.NDArray[np.bool_]:
    """Tell which groups the anonymity floor hides: some responses, but fewer than the floor.

    The one rule behind ``suppressed`` in :func:`score_groups` (breakdowns, answer tables) and
    behind the groups that :mod:`nps_kit.decompose` never names.

    Parameters
    ----------
    n
        Responses per group (unweighted counts).
    min_report_n
        The anonymity floor; ``None`` or ``0`` hides nothing.

    Returns
    -------
    numpy.ndarray
        Boolean, one per group: ``0 < n < min_report_n``. A group without responses hides
        nobody.
    """
    counts = np.asarray(n, dtype=np.float64)
    if not min_report_n:
        return np.zeros(counts.shape, dtype=bool)
    return (counts > 0) & (counts < min_report_n)


def n_below_floor(n: int | None, min_report_n: int | None) -> bool:
    """Whether one month or group of ``n`` responses is under the anonymity floor.

    :func:`below_floor` for one count; an unknown ``n`` (``None``) hides nothing. The one test
    of a unit's month (:func:`nps_kit.summary.under_floor`), a trend point and a compared month.
    """
    return n is not None and bool(below_floor([n], min_report_n)[0])


def hide_below_floor(
    table: pd.DataFrame,
    n: str | npt.ArrayLike,
    *,
    min_report_n: int | None,
    keep: Sequence[str] = (),
) -> pd.DataFrame:
    """Show only the size of the groups under the anonymity floor: every other figure is blank.

    The floor exists so that a group of fewer than ``min_report_n`` people cannot be read. Any
    figure taken from such a group's score mix (its NPS, interval, promoter or detractor counts
    and shares, points gained, change) would let a reader work the NPS out ("this theme's
    detractors 4 of 4" is an NPS of −100), so all of them are blanked, in every table built for a
    report, chart, card, overview or e-mail; only the size stays. The one home of that rule
    (:func:`below_floor` says which groups it hides; :func:`hide_complement` adds the groups a
    breakdown must hide too so that these cannot be worked out from its total).

    Parameters
    ----------
    table
        One row per group (or per group and segment).
    n
        The groups' sizes: a column of ``table`` (kept), or one count per row.
    min_report_n
        The anonymity floor; ``None`` or ``0`` hides nothing.
    keep
        Other numeric columns that say the group's size, not its score mix (e.g. its share of
        all respondents), kept too. Columns that are not numbers (labels, ids) and flags
        (``small_sample``) are always kept.

    Returns
    -------
    pandas.DataFrame
        A copy with ``suppressed`` (:func:`below_floor`) and every other numeric column NaN in
        the suppressed rows.
    """
    size = table[n] if isinstance(n, str) else n
    hidden = below_floor(np.asarray(size, dtype=np.float64), min_report_n)
    out = table.assign(suppressed=hidden)
    return _blank(out, hidden, n, keep)


def _blank(
    table: pd.DataFrame, hidden: npt.NDArray[np.bool_], n: str | npt.ArrayLike, keep: Sequence[str]
) -> pd.DataFrame:
    """Blank every numeric column of the ``hidden`` rows but the size, ``keep`` and flags."""
    if not hidden.any():
        return table
    kept = {*keep, *([n] if isinstance(n, str) else []), "suppressed"}
    out = table.copy()
    for column in out.columns:
        values = out[column]
        if column in kept or pd.api.types.is_bool_dtype(values):
            continue
        if pd.api.types.is_numeric_dtype(values):
            out[column] = values.astype(float).where(~hidden)
    return out


def complement_floor(
    n: npt.ArrayLike,
    min_report_n: int | None,
    *,
    hidden: npt.ArrayLike | None = None,
) -> npt.NDArray[np.bool_]:
    """Tell which shown groups of a partition must be hidden too (complementary suppression).

    When a breakdown's groups partition the responses whose total the report shows (a
    single-choice column: region, plan, channel, one answer per respondent, blanks a group of
    their own), the groups under the floor can be worked out by subtraction: the unit's
    promoters minus the shown groups' promoters are the hidden group's. So when the hidden
    groups together hold fewer than ``min_report_n`` responses (and more than none), the
    smallest shown groups are hidden too, one by one, until the hidden ones together hold at
    least the floor (the classic secondary-suppression rule). What a reader can then subtract
    is the mix of at least ``min_report_n`` people, the pool's; no one hidden group's counts
    follow from it unless the whole pool answered alike, which a shown group of that size
    says as plainly.

    Multi-select breakdowns (a respondent in several options) and rows per segment are not
    partitions: their groups do not add up to a shown total and this rule does not apply.

    Parameters
    ----------
    n
        Responses per group, over every group of the partition (unweighted counts).
    min_report_n
        The anonymity floor; ``None`` or ``0`` hides nothing.
    hidden
        The groups hidden already (default :func:`below_floor`).

    Returns
    -------
    numpy.ndarray
        Boolean, one per group: hidden for this rule only (not the groups under the floor).
        Ties in size go to the group that comes first.
    """
    counts = np.asarray(n, dtype=np.float64)
    extra = np.zeros(counts.shape, dtype=bool)
    if not min_report_n:
        return extra
    primary = (
        below_floor(counts, min_report_n)
        if hidden is None
        else np.asarray(hidden, dtype=bool) & (counts > 0)
    )
    pool = float(counts[primary].sum())
    if pool <= 0 or pool >= min_report_n:
        return extra
    candidates = ~primary & (counts > 0)
    for i in np.argsort(np.where(candidates, counts, np.inf), kind="stable"):
        if not candidates[i] or pool >= min_report_n:
            break
        extra[i] = True
        pool += float(counts[i])
    return extra


def told_parts(
    labels: Sequence[str], n: Sequence[int], min_report_n: int | None
) -> tuple[str, ...]:
    """Return the parts under the floor that a shown total of ``labels`` would tell, if any.

    The parts (a fiscal span's months) partition the total's responses and each is shown on
    its own with only its n when under the floor (a trend's month). The total's NPS and n minus
    the parts shown are then the hidden parts' NPS: told when the hidden parts hold fewer
    than the floor together (:func:`complement_floor`), and the total must not be shown, nor a
    change that tells it. The total is a running one (a fiscal year to date, published every
    month), so the totals through the earlier parts, as this rule shows them in the earlier
    reports, are subtracted too: the year to date through October minus the one through
    September is October, which must not be told when it is under the floor (a branch of 2–3
    answers a month). The one rule of the report's fiscal card and of
    :func:`nps_kit.summary.floor_summary` (a published fiscal year to date, an older
    manifest's too).

    Parameters
    ----------
    labels
        The parts' names, e.g. months ``YYYY-MM``, first to last.
    n
        Responses with a score per part, in the order of ``labels``.
    min_report_n
        The anonymity floor; ``None`` or ``0`` hides nothing.

    Returns
    -------
    tuple of str
        The labels of the parts under the floor the total would tell; empty when it tells none.

    Examples
    --------
    >>> m = ["2026-05", "2026-06"]
    >>> told_parts(m, [20, 3], 5), told_parts(m, [20, 3], 0), told_parts(m, [3, 4], 5)
    (('2026-06',), (), ())
    >>> told_parts(["2026-04", "2026-05", "2026-06"], [3, 4, 2], 5)  # May's total minus June's
    ('2026-06',)
    """
    shown: list[int] = []  # the earlier parts through which the running total is shown
    told: tuple[str, ...] = ()
    for last in range(len(n)):
        told = _told_by(labels, n, min_report_n, 0, last)
        for end in shown:
            told = told or _told_by(labels, n, min_report_n, end + 1, last)
        if not told:
            shown.append(last)
    return told


def _told_by(
    labels: Sequence[str], n: Sequence[int], min_report_n: int | None, first: int, last: int
) -> tuple[str, ...]:
    """Return the parts under the floor the total of parts ``first`` to ``last`` tells."""
    counts = np.asarray(n[first : last + 1], dtype=np.float64)
    hidden = below_floor(counts, min_report_n)
    # The parts shown subtracted, the hidden ones' pool is told unless it holds the floor
    # (:func:`complement_floor`); with none shown, the total is that pool.
    pool = float(counts[hidden].sum())
    if not min_report_n or pool <= 0 or pool >= min_report_n:
        return ()
    return tuple(m for m, h in zip(labels[first : last + 1], hidden, strict=True) if h)


#: The periods of several months whose rows :func:`hide_told_spans` checks.


def hide_complement(
    table: pd.DataFrame,
    n: str,
    *,
    min_report_n: int | None,
    keep: Sequence[str] = (),
) -> pd.DataFrame:
    """Hide the further groups of a partition that :func:`complement_floor` names.

    ``table`` has one row per group of a partition shown with its total (a breakdown by a
    single-choice column), after :func:`hide_below_floor`. A group hidden for this rule keeps
    its size, like a group under the floor: every group's size is shown or follows from the
    total anyway, and sizes say nothing of the mix; with the pooled counts and every hidden
    size known, a hidden group of ``k`` among ``N`` hidden people with ``P`` promoters between
    them may hold any number of promoters from ``max(0, P − (N − k))`` to ``min(k, P)``.

    Parameters
    ----------
    table
        One row per group of the partition, with ``suppressed`` (:func:`hide_below_floor`);
        without it the floor is applied here first.
    n
        The column of group sizes.
    min_report_n
        The anonymity floor; ``None`` or ``0`` hides nothing.
    keep
        As in :func:`hide_below_floor`.

    Returns
    -------
    pandas.DataFrame
        A copy where the groups hidden for this rule also have ``suppressed`` set and their
        figures blank, with ``complementary`` marking them (so the report can say why they are
        blank: not too few responses of their own). Text columns stay: apply it before
        anything that reads the groups' mix into words (:func:`against_rest` does).
    """
    if "suppressed" not in table.columns:
        table = hide_below_floor(table, n, min_report_n=min_report_n, keep=keep)
    sizes = pd.to_numeric(table[n], errors="coerce").fillna(0).to_numpy(dtype=np.float64)
    primary = table["suppressed"].fillna(False).to_numpy(dtype=bool)
    extra = complement_floor(sizes, min_report_n, hidden=primary)
    out = _blank(table, extra, n, keep)
    return out.assign(suppressed=primary | extra, complementary=extra)
