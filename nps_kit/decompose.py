"""What changed and why: shift-share decomposition of an NPS change into groups.

The NPS of a period is the response-weighted mean of its groups' NPS, ``NPS = Σ_g w_g·NPS_g``
(``w_g`` the group's share of the responses, in [0, 1]). Between two periods (0 → 1) the change
splits exactly, group by group, into

* **within**: the group's own NPS moved, ``w̄_g · (NPS_g¹ − NPS_g⁰)``, and
* **mix**: the group's share of the responses moved, ``(w_g¹ − w_g⁰) · (NPS̄_g − NPS̄)``,

with ``w̄`` and ``NPS̄_g`` the two periods' means and ``NPS̄`` the mean of the unit's NPS in the
two periods (the symmetric, "midpoint" shift-share, so the result does not depend on which
period is the base). The mix part is measured from the unit's NPS, not from zero: a larger
share of a group above the unit's NPS raises it, a larger share of a group below lowers it,
whatever the sign of the group's own NPS. Measured from zero, the parts of two groups were
equal and opposite up to the NPS level, so which one was "largest" depended on where zero
is, and a group whose share fell read as having raised the NPS because its NPS was negative.
Since the shares add up to 1 in both periods, ``Σ_g (w_g¹ − w_g⁰) = 0`` and the reference
``NPS̄`` cancels in the sum: the parts over the groups still add up exactly to
``NPS¹ − NPS⁰``. A group present in one period only has no NPS in the other; its NPS there is
taken equal to the one it has, so it contributes mix only (its arrival or departure). Missing
group labels form their own group.

Each component gets an approximate margin of error at the confidence level (normal
approximation: the groups' adjusted-Wald standard errors for the within part, multinomial share
errors for the mix part); a component whose value is within its margin is flagged as ``noise``.

A group under the anonymity floor (fewer than ``min_report_n`` responses in either period, the
rule of :func:`nps_kit.score.below_floor` that hides it in the report's breakdowns) is never
named: its parts stay in the total and go to the rest ("other groups, including groups too small
to show"), so what moved never shows what a breakdown hides.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np
import pandas as pd

from nps_kit.i18n import Language, change_points, label, nps_text, number, points, t
from nps_kit.score import (
    DEFAULT_MIN_N,
    DEFAULT_MIN_REPORT_N,
    below_floor,
    complement_floor,
    score_groups,
)
from nps_kit.stats import z_critical

__all__ = [
    "Contributor",
    "ShiftShare",
    "apart",
    "contributors_text",
    "decompose_all",
    "shift_share",
    "top_contributors",
]

_MISSING = "\u0000missing"  # stands for a missing label while grouping; never shown

ContributorKind = Literal["within", "mix", "others"]


@dataclass(frozen=True)
class ShiftShare:
    """The change of NPS between two periods, split over the groups of one column.

    Attributes
    ----------
    by
        The column the responses were grouped by.
    previous, current
        NPS of the two periods in points (``NaN`` without responses).
    total
        ``current − previous``; equals ``table["contribution"].sum()`` up to rounding error.
    table
        One row per group: ``group`` (``None`` for a missing label), ``n_previous``,
        ``n_current``, ``share_previous``, ``share_current`` (0–1), ``nps_previous``,
        ``nps_current`` (points, NaN when the group has no responses in that period),
        ``within``, ``mix``, ``contribution`` (= within + mix, points), ``within_margin``,
        ``mix_margin`` (half-widths of approximate intervals, points), ``within_noise``,
        ``mix_noise`` (the component is inside its margin), ``small_sample`` (fewer than
        ``min_n`` responses in either period) and ``suppressed`` (under the anonymity floor
        in either period, or hidden with such a group by the secondary rule of
        :func:`nps_kit.score.complement_floor`: never named, see :func:`top_contributors`).
    """

    by: str
    previous: float
    current: float
    total: float
    table: pd.DataFrame


@dataclass(frozen=True)
class Contributor:
    """One of the largest parts of a change, as shown in the headline and the e-mail.

    Attributes
    ----------
    group
        The group label (``None`` for the rest, or for a missing label).
    kind
        ``"within"`` (the group's NPS moved), ``"mix"`` (its share moved) or ``"others"``.
    value
        Points, rounded to ``digits``; the shown values add up to the shown total change.
    noise
        The component is within its margin of error (``False`` for ``others``).
    share_previous, share_current
        The group's share of responses (0–1), for wording a mix effect; ``None`` for others.
    hidden
        For ``others``: the rest includes groups under the anonymity floor, whose parts are
        never shown on their own.
    nps_previous, nps_current
        The group's own NPS in the two periods (points), for wording a within part: its
        value is the group's weighted part of the unit's change, not the change of its NPS
        (QA20: "NPS of Oxford −9.3 pts" read as Oxford's change, 52.9 → 23.9); ``None`` for
        others.
    small_sample
        The group has fewer than ``min_n`` responses in either period (:func:`shift_share`'s
        flag, the breakdown tables' rule): its words carry the small-sample mark (QA22: groups
        of 9 and 15 read as "NPS 87.5 → 40.0" unmarked).
    rest
        For ``others``: which parts the rest holds, ``"mix"`` (only changes of the named
        groups' shares: with three clinics, "others" was no other clinic), ``"within"``
        (only other groups' own NPS) or ``"both"``; ``None`` otherwise.
    groups
        For ``others`` holding only mix or only within parts: the groups they are of, when
        these are not every group's (QA25: with 可 and 否, 可's share part named, the rest,
        否's alone, read 「各グループの構成比の変化」); empty otherwise. A missing label is
        ``None``.
    """

    group: str | None
    kind: ContributorKind
    value: float
    noise: bool
    share_previous: float | None = None
    share_current: float | None = None
    hidden: bool = False
    nps_previous: float | None = None
    nps_current: float | None = None
    rest: Literal["mix", "within", "both"] | None = None
    small_sample: bool = False
    groups: tuple[str | None, ...] = ()


def _groups(data: pd.DataFrame, by: str) -> pd.DataFrame:
    labels = data[by].astype("object").where(data[by].notna(), _MISSING)
    return data.assign(**{by: labels.astype(str)})


def shift_share(
    current: pd.DataFrame,
    previous: pd.DataFrame,
    *,
    by: str,
    score: str = "nps_score",
    weight: str | None = None,
    level: float = 0.95,
    min_n: int = DEFAULT_MIN_N,
    min_report_n: int = DEFAULT_MIN_REPORT_N,
) -> ShiftShare:
    """Split the change of NPS between two periods into within-group and mix effects.

    Parameters
    ----------
    current, previous
        Responses of the two periods (any frame with the score and ``by`` columns).
    by
        Column whose values are the groups (e.g. ``channel``).
    score
        0–10 score column; rows without a valid score are ignored.
    weight
        Optional weight column: shares and NPS are then weighted.
    level
        Confidence level of the margins of error.
    min_n
        Groups with fewer responses in either period are flagged ``small_sample``.
    min_report_n
        The anonymity floor: groups with fewer responses in either period are flagged
        ``suppressed`` (:func:`nps_kit.score.below_floor`) and never named, with the groups
        the breakdown hides beside them (:func:`nps_kit.score.complement_floor`).

    Returns
    -------
    ShiftShare
        The total change and one row per group; see the module docstring for the maths.

    Raises
    ------
    DataError
        If ``by`` or ``score`` is not a column of both frames.
    """
    tables = []
    for data in (previous, current):
        grouped = score_groups(
            _groups(data, by), by=by, score=score, weight=weight, level=level, min_report_n=0
        )
        tables.append(grouped.set_index(by))
    old, new = tables
    groups = sorted(set(old.index) | set(new.index))
    old, new = old.reindex(groups), new.reindex(groups)
    count = "n_eff" if weight else "n"
    # Weighted shares use the weight sums: promoters + passives + detractors of each group.
    mass_old = (old["promoters"] + old["passives"] + old["detractors"]).fillna(0.0)
    mass_new = (new["promoters"] + new["passives"] + new["detractors"]).fillna(0.0)
    w0 = (mass_old / mass_old.sum()).to_numpy(float) if mass_old.sum() else np.zeros(len(groups))
    w1 = (mass_new / mass_new.sum()).to_numpy(float) if mass_new.sum() else np.zeros(len(groups))
    n0 = old["n"].fillna(0).to_numpy(float)
    n1 = new["n"].fillna(0).to_numpy(float)
    p0 = old["nps"].to_numpy(float, na_value=np.nan)
    p1 = new["nps"].to_numpy(float, na_value=np.nan)
    # A group missing from one period: its NPS there is the one it has (mix effect only).
    q0 = np.where(np.isnan(p0), p1, p0)
    q1 = np.where(np.isnan(p1), p0, p1)
    q0, q1 = np.nan_to_num(q0), np.nan_to_num(q1)
    total_old = _overall(w0, p0)
    total_new = _overall(w1, p1)
    # The unit's NPS over the two periods: each group's mix part is measured from it. Without
    # responses in one period the change is undefined (and Σ Δw ≠ 0): keep zero then.
    level_mean = (total_old + total_new) / 2
    reference = level_mean if np.isfinite(level_mean) else 0.0
    within = (w0 + w1) / 2 * (q1 - q0)
    mix = (w1 - w0) * ((q0 + q1) / 2 - reference)

    z = z_critical(level)
    se0 = ((old["ci_high"] - old["ci_low"]) / (2 * z)).to_numpy(float, na_value=np.nan)
    se1 = ((new["ci_high"] - new["ci_low"]) / (2 * z)).to_numpy(float, na_value=np.nan)
    se_diff = np.sqrt(np.nan_to_num(se0) ** 2 + np.nan_to_num(se1) ** 2)
    eff0 = old[count].fillna(0).to_numpy(float).sum()
    eff1 = new[count].fillna(0).to_numpy(float).sum()
    var_w = w0 * (1 - w0) / max(eff0, 1.0) + w1 * (1 - w1) / max(eff1, 1.0)
    within_margin = z * (w0 + w1) / 2 * se_diff
    mix_margin = z * np.sqrt(var_w) * np.abs((q0 + q1) / 2 - reference)
    table = pd.DataFrame(
        {
            # An object Series keeps None for the blank answers: a plain list first in the
            # column (the missing label sorts first) became NaN, which the text printed "nan".
            "group": pd.Series([None if g == _MISSING else g for g in groups], dtype=object),
            "n_previous": n0.astype(int),
            "n_current": n1.astype(int),
            "share_previous": w0,
            "share_current": w1,
            "nps_previous": p0,
            "nps_current": p1,
            "within": within,
            "mix": mix,
            "contribution": within + mix,
            "within_margin": within_margin,
            "mix_margin": mix_margin,
            "within_noise": np.abs(within) <= within_margin,
            "mix_noise": np.abs(mix) <= mix_margin,
            "small_sample": (n0 < min_n) | (n1 < min_n),
            "suppressed": _hidden(n0, min_report_n) | _hidden(n1, min_report_n),
        }
    )
    return ShiftShare(
        by=by, previous=total_old, current=total_new, total=total_new - total_old, table=table
    )


def _hidden(n: np.ndarray, min_report_n: int) -> np.ndarray:
    """Return the groups a period's breakdown hides: under the floor, and by the secondary rule.

    The groups partition the period and the change is shown whole, so a lone hidden group's
    part would be the change minus the named ones (:func:`nps_kit.score.complement_floor`).
    """
    return below_floor(n, min_report_n) | complement_floor(n, min_report_n)


def _overall(shares: np.ndarray, nps: np.ndarray) -> float:
    if not shares.any():
        return float("nan")
    return float(np.nansum(shares * nps))


def top_contributors(result: ShiftShare, *, k: int = 3, digits: int = 1) -> list[Contributor]:
    """Return the ``k`` largest parts of a change and the rest, in points as a reader sees them.

    Parameters
    ----------
    result
        A :func:`shift_share` result.
    k
        How many within or mix components to name, largest absolute value first.
    digits
        Decimals shown.

    Returns
    -------
    list of Contributor
        Up to ``k`` named components, then an ``"others"`` entry (when other components exist)
        equal to the shown total minus the shown named values, so the shown parts add up to
        the shown change exactly. Empty when the change is undefined. Groups flagged
        ``suppressed`` (under the anonymity floor) are never named: their parts are in
        ``others``, marked ``hidden``.
    """
    if not np.isfinite(result.total):
        return []
    rows = []
    hidden = False
    for r in result.table.to_dict("records"):
        if r.get("suppressed", False):
            hidden = True
            continue
        for kind in ("within", "mix"):
            rows.append((abs(r[kind]), kind, r))
    rows.sort(key=lambda item: -item[0])
    named = [item for item in rows[:k] if round(item[0], digits) > 0]
    shown_total = round(round(result.current, digits) - round(result.previous, digits), digits)
    out = [
        Contributor(
            group=r["group"],
            kind=kind,  # type: ignore[arg-type]
            value=round(float(r[kind]), digits),
            noise=bool(r[f"{kind}_noise"]) or bool(r["small_sample"]),
            share_previous=float(r["share_previous"]),
            share_current=float(r["share_current"]),
            nps_previous=_finite(r["nps_previous"]),
            nps_current=_finite(r["nps_current"]),
            small_sample=bool(r["small_sample"]),
        )
        for _, kind, r in named
    ]
    rest = round(shown_total - sum(c.value for c in out), digits)
    if len(rows) > len(named) or hidden:
        left = rows[len(named) :]
        kinds = {kind for _, kind, _ in left}
        holds: Literal["mix", "within", "both"] = (
            "both" if hidden or len(kinds) != 1 else "mix" if kinds == {"mix"} else "within"
        )
        # Whose parts the rest holds, when not every group's: the words then name them.
        groups = tuple(r["group"] for _, _, r in left) if holds != "both" else ()
        if len(groups) == len(result.table):
            groups = ()
        out.append(
            Contributor(
                group=None,
                kind="others",
                value=rest,
                noise=False,
                hidden=hidden,
                rest=holds,
                groups=groups,
            )
        )
    return out


def _finite(value: object) -> float | None:
    number = float(value)  # type: ignore[arg-type]
    return number if np.isfinite(number) else None


def decompose_all(
    current: pd.DataFrame,
    previous: pd.DataFrame,
    *,
    by: Sequence[str],
    score: str = "nps_score",
    weight: str | None = None,
    level: float = 0.95,
    min_n: int = DEFAULT_MIN_N,
    min_report_n: int = DEFAULT_MIN_REPORT_N,
) -> list[ShiftShare]:
    """Run :func:`shift_share` for each column of ``by``; same parameters."""
    return [
        shift_share(
            current,
            previous,
            by=column,
            score=score,
            weight=weight,
            level=level,
            min_n=min_n,
            min_report_n=min_report_n,
        )
        for column in by
    ]


# Answers that read as an NPS segment next to "its NPS", besides the segments' own labels.
_LIKE_SEGMENTS = frozenset({"neutral", "neutrals", "中立", "passive", "promoter", "detractor"})


def _reads_as_segment(group: object) -> bool:
    """Whether a group's name could be taken for an NPS segment (a rating's answer "Neutral")."""
    segments = {
        label(key, lang).casefold()
        for key in ("promoters", "passives", "detractors")
        for lang in ("ja", "en")
    }
    return str(group).strip().casefold() in segments | _LIKE_SEGMENTS


# Answers that read as the rest of the statement ("その他−0.4ポイント", "others +1.2 pts").
_LIKE_REST = frozenset({"その他", "そのほか", "other", "others", "other groups"})


def _reads_as_rest(group: object) -> bool:
    """Whether a group's name could be taken for the rest ("その他", an answer as often as not).

    QA44: a stay purpose 「その他」 read 「その他のNPSが+25.0→+33.3となった分+2.0ポイント…、
    その他−0.4ポイント」, two "others" in one sentence, one of them an answer.
    """
    return unicodedata.normalize("NFKC", str(group)).strip().casefold() in _LIKE_REST


def contributors_text(record: Mapping[str, Any], lang: Language, *, lead: bool = True) -> str:
    """Word one comparison's contributors, e.g. "前月比+2.1ポイントの内訳（チャネル別）：…".

    Parameters
    ----------
    record
        One comparison: ``kind`` (``previous``/``last_year``), ``label`` (the breakdown's
        name), ``total`` and ``items`` (``group``, ``kind``, ``value``, ``noise``; for
        ``mix``, ``share`` (``"up"`` or ``"down"``: which way the group's share moved) and
        ``pct_previous``, ``pct_current`` (its share of the responses, %); for ``within``,
        ``nps_previous``, ``nps_current``; for ``others``, ``hidden``) and ``significant``
        (the change's verdict is significant; absent in an older summary: not), as in the
        summary's ``contributors`` (``nps_kit.sections.change_drivers``).
    lang
        ``"ja"`` or ``"en"``.
    lead
        Begin with "What moved the …" (the report's callout). ``False`` under a heading that
        already says it (the e-mail's "What moved"): "−6.1 pts vs previous month (by region): …".

    Returns
    -------
    str
        One sentence; the report and the e-mail use the same words. The parts that moved
        beyond their margin come first ("Web (NPS +40.0 → +45.0) added 1.6 pts to the unit's
        NPS", "fewer of the responses came from UK (42.9% → 34.5%), which added 3.4 pts to the
        unit's NPS": UK's NPS is below the unit's), then the rest ("others"), then the parts
        within noise together; when none moved beyond noise it says so first, and, beside a
        significant change, that the change is real overall but spread across the groups;
        beside a change that is not significant, parts beyond noise are said to stand out
        though the change as a whole is within noise. Without
        items (every group under the anonymity floor) it says that what moved is withheld.
    """
    what = label("vs_previous" if record["kind"] == "previous" else "vs_last_year", lang)
    total = change_points(record["total"], lang)
    if not record["items"]:  # every group under the anonymity floor: nothing can be named
        key = "decompose.withheld" if lead else "decompose.withheld_short"
        return t(key, lang, what=what, total=total, by=record["label"])
    clear: list[str] = []  # parts beyond their margin, then the rest ("others")
    noisy: list[str] = []  # parts within their margin, said once as a group
    rest: list[str] = []
    for item in record["items"]:
        value = change_points(item["value"], lang)
        if item["kind"] == "others":
            # The rest that holds groups under the anonymity floor says so; a rest of share
            # changes only says that it is no other group (QA20: "others" beside every clinic).
            key = "decompose.others"
            if item.get("hidden"):
                key = "decompose.others_hidden"
            elif item.get("rest") in ("mix", "within"):
                key = f"decompose.others_{item['rest']}"
                named = [t("no_answer", lang) if g is None else g for g in item.get("groups", ())]
                if 0 < len(named) <= 3:
                    # Only some groups' parts (QA25: 否's share part alone read as every
                    # group's): named, as the parts before it are.
                    joiner = "・" if lang == "ja" else " and "
                    groups = joiner.join(named)
                    rest.append(t(f"{key}_of", lang, groups=groups, value=value))
                    continue
            rest.append(t(key, lang, value=value))
            continue
        group = item["group"] if item["group"] is not None else t("no_answer", lang)
        if _reads_as_segment(group) or _reads_as_rest(group):
            # A rating's answer "Neutral" (or 中立) beside "its NPS" reads as the passives; an
            # answer 「その他」 as the rest said after the parts.
            group = t("decompose.answer", lang, answer=group)
        part = _part_text(item, group, value, lang)
        if item.get("small_sample"):  # the breakdown tables' badge, in words
            part += t("decompose.small_sample", lang)
        (noisy if item.get("noise") else clear).append(part)
    comma = "、" if lang == "ja" else ", "
    if clear:
        joined = comma.join(clear + rest)
        if record.get("significant") is False:
            # Beside a headline "no significant change" a part beyond noise read as a
            # contradiction (REVIEW36: 駅前 +18.7 not significant, 店頭 +20.0 beyond noise):
            # one group's move stands out though the unit's change as a whole is within noise.
            n = "one" if len(clear) == 1 else "many"
            joined = t(f"decompose.clear_in_noise_{n}", lang, items=joined)
        if noisy:
            joined += t("decompose.noise", lang, items=comma.join(noisy))
    elif noisy:  # nothing moved beyond noise: say that first, every part and the rest in it
        # Beside a significant change it says the change is real, spread over the groups.
        key = "decompose.all_noise_spread" if record.get("significant") else "decompose.all_noise"
        joined = t(key, lang, items=comma.join(noisy + rest))
    else:
        joined = comma.join(rest)
    key = "decompose.contributors" if lead else "decompose.contributors_short"
    return t(key, lang, what=what, total=total, by=record["label"], items=joined)


def _part_text(item: Mapping[str, Any], group: str, value: str, lang: Language) -> str:
    """Word one named part: a within part with its NPS levels, a mix part with its shares.

    A within part's value then reads as the group's part of the unit's change, never as the
    change of the group's NPS; a mix part's as what more (or fewer) of the responses coming
    from the group did to the unit's NPS, never as the group's own move (FIX75).
    """
    amount = float(item["value"])
    effect = t(
        "decompose.effect_down" if amount < 0 else "decompose.effect_up",
        lang,
        value=value,
        amount=points(abs(amount), lang, signed=False),
    )
    if item["kind"] == "mix":
        share = item.get("share")
        if share not in ("up", "down"):  # a summary written before the direction was published
            return t("decompose.part_mix", lang, group=group, value=value)
        before, after = item.get("pct_previous"), item.get("pct_current")
        shares = (
            ""
            if before is None or after is None
            else t(
                "decompose.shares",
                lang,
                before=_percent(before, _digits(before, after)),
                after=_percent(after, _digits(before, after)),
            )
        )
        key = f"decompose.part_mix_{share}"
        return t(key, lang, group=group, shares=shares, value=value, effect=effect)
    before, after = item.get("nps_previous"), item.get("nps_current")
    if before is None or after is None:  # a summary written before they were published
        return t("decompose.part_within", lang, group=group, value=value)
    return t(
        "decompose.part_within_levels",
        lang,
        group=group,
        value=value,
        effect=effect,
        before=_level(before, _digits(before, after)),
        after=_level(after, _digits(before, after)),
    )


def apart(before: float, after: float) -> tuple[float, float]:
    """Round two figures of a part (shares in %, NPS levels) to the decimals that tell them apart.

    One decimal, as the report's figures read, unless both would print alike (42.86% → 42.94%
    as "42.9% → 42.9%" beside "more of the responses", REVIEW33): then two, at most three.
    The summary publishes the pair so rounded and the words print it with :func:`_digits`.
    """
    for digits in (1, 2, 3):
        pair = round(before, digits), round(after, digits)
        if pair[0] != pair[1]:
            return pair
    return pair


def _digits(before: float, after: float) -> int:
    """Return the decimals to print a pair :func:`apart` rounded: one, or what parts them."""
    return next((d for d in (1, 2, 3) if round(before, d) != round(after, d)), 1)


def _percent(value: float, digits: int = 1) -> str:
    """Print a share of the responses as the report's shares read: ``32.0%``."""
    return f"{number(value, digits=digits)}%"


def _level(value: float, digits: int = 1) -> str:
    """Print an NPS level as the reports do (:func:`nps_kit.i18n.nps_text`)."""
    return nps_text(value, digits=digits)
