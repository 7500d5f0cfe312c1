"""Charts comparing groups: NPS by breakdown column and by unit, as dots with intervals."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.lines import Line2D

from nps_kit.i18n import Language, interval_label, join_names, label, nps_text, t
from nps_kit.plot._axes import (
    new_axes,
    no_data,
    note_below,
    nps_axis,
    nps_limits,
    row_labels,
    top_legend,
)
from nps_kit.plot._base import (
    NPS_COLOR,
    TARGET_COLOR,
    FloatArray,
    bools,
    check_table,
    floats,
    with_n,
)
from nps_kit.plot._describe import alt_text, describe, nps_fact

__all__ = ["breakdown", "unit_comparison"]


def _w(key: str, lang: Language, **kwargs: object) -> str:
    return t(f"plot_groups.{key}", lang, **kwargs)


def _dot_interval(
    ax: Axes,
    names: list[str],
    nps: FloatArray,
    low: FloatArray,
    high: FloatArray,
    small: npt.NDArray[np.bool_],
    *,
    lang: Language,
    level: float = 0.95,
    targets: FloatArray | None = None,
) -> list[tuple[Any, str]]:
    """Draw NPS dots with interval lines (and target ticks), first row on top.

    Returns the legend entries as (handle, text) pairs.
    """
    ys = np.arange(len(names), dtype=float)
    ax.hlines(
        ys,
        low,
        high,
        color=NPS_COLOR,
        linewidth=2.5,
        alpha=0.45,
        label=interval_label(level, lang),
        gid="ci",
    )
    filled = ax.scatter(
        nps[~small], ys[~small], s=70, color=NPS_COLOR, zorder=3, label="NPS", gid="nps"
    )
    entries: list[tuple[Any, str]] = [
        (filled, "NPS"),
        (Line2D([], [], color=NPS_COLOR, linewidth=2.5, alpha=0.45), interval_label(level, lang)),
    ]
    if small.any():
        small_text = label("small_sample", lang)
        hollow = ax.scatter(
            nps[small],
            ys[small],
            s=70,
            facecolors="white",
            edgecolors=NPS_COLOR,
            linewidths=1.8,
            zorder=3,
            label=small_text,
            gid="small-sample",
        )
        entries.append((hollow, small_text))
    right: FloatArray = np.where(np.isfinite(high), high, nps)
    shown = [nps, low, high]
    if targets is not None and np.isfinite(targets).any():
        has = np.isfinite(targets)
        ax.vlines(
            targets[has],
            ys[has] - 0.3,
            ys[has] + 0.3,
            color=TARGET_COLOR,
            linestyle="--",
            linewidth=1.5,
            zorder=2,
            gid="nps-target",
            label=label("target", lang),
        )
        entries.append((Line2D([], [], color=TARGET_COLOR, linestyle="--"), label("target", lang)))
        shown.append(targets)
        # Move the value label past a target tick that sits just right of the interval.
        low_lim, high_lim = nps_limits(np.concatenate(shown))
        near = (targets > right) & (targets - right < 0.12 * (high_lim - low_lim))
        right = np.where(near, targets, right)
    for y, value, x in zip(ys.tolist(), nps.tolist(), right.tolist(), strict=True):
        ax.annotate(
            nps_text(value),
            (x, y),
            xytext=(5, 0),
            textcoords="offset points",
            va="center",
            fontsize=10,
            color=NPS_COLOR,
            # Over the zero line and grid lines it crosses (a narrow chart puts "−25.0" across
            # zero), on a background of its own so no line strikes through the figure.
            bbox={"boxstyle": "square,pad=0.1", "facecolor": "white", "edgecolor": "none"},
            zorder=4,
            gid="value-label",
        )
    row_labels(ax, ys, names)
    ax.set_ylim(len(names) - 0.5, -0.6)
    ax.grid(False, axis="y")
    nps_axis(ax, axis="x", lang=lang, values=np.concatenate(shown))
    return entries


def _describe_groups(
    ax: Axes,
    shown: pd.DataFrame,
    *,
    name_column: str,
    hidden: list[str],
    complementary: Sequence[str] = (),
    lang: Language,
    title: str,
) -> None:
    small = (
        bools(shown["small_sample"])
        if "small_sample" in shown.columns
        else np.zeros(len(shown), dtype=bool)
    )
    facts = [
        nps_fact(str(g), v, lo, hi, k, small=bool(sm), lang=lang)
        for g, v, lo, hi, k, sm in zip(
            shown[name_column],
            floats(shown["nps"]),
            floats(shown["ci_low"]),
            floats(shown["ci_high"]),
            floats(shown["n"]),
            small,
            strict=True,
        )
    ]
    facts += [nps_fact(h, np.nan, np.nan, np.nan, np.nan, lang=lang) for h in hidden]
    colon = "：" if lang == "ja" else ": "
    facts += [f"{h}{colon}{label('complementary', lang)}" for h in complementary]
    describe(ax, alt=alt_text(title, facts, lang), facts=facts)


def breakdown(
    table: pd.DataFrame,
    *,
    by: str,
    ax: Axes | None = None,
    lang: Language = "ja",
    order: Sequence[str] | None = None,
    level: float = 0.95,
    title: str | None = None,
) -> Axes:
    """NPS with its interval for each group, highest on top (or in ``order``).

    Parameters
    ----------
    table
        ``score_groups(by=[by])`` output: column ``by`` (group labels), ``n``, ``nps``,
        ``ci_low``, ``ci_high``; optional ``small_sample`` (hollow dots), ``suppressed``
        (rows left out, listed in a note under the chart) and ``versus_unit`` (``above`` /
        ``below`` add ▲ / ▼ after the group's name, as from :func:`nps_kit.score.against_rest`).
    by
        Name of the column holding the group labels; also used in the default title.
    ax
        Axes to draw on; ``None`` creates a figure sized to the number of groups.
    lang
        Report language, ``"ja"`` or ``"en"``.
    order
        Group labels top to bottom, for ordinal groups (tenure bands); groups not listed
        follow by NPS. ``None`` sorts by NPS, highest on top.
    level
        Confidence level of the table's intervals, for the legend ("90% interval").
    title
        Chart title; defaults to "<by>別のNPS" / "NPS by <by>" (pass a readable name here
        when the column name is technical).

    Returns
    -------
    matplotlib.axes.Axes
        The axes; interval lines (``gid="ci"``) and dots (``gid="nps"``/``"small-sample"``).
    """
    check_table(table, [by, "n", "nps", "ci_low", "ci_high"], func="breakdown", lang=lang)
    title = title if title is not None else _w("breakdown_title", lang, by=by)
    suppressed = bools(table["suppressed"]) if "suppressed" in table.columns else None
    hide = ~np.isfinite(floats(table["nps"]))
    if suppressed is not None:
        hide |= suppressed
    shown = table[~hide].sort_values("nps", ascending=False, kind="stable")
    if order is not None:
        rank = {str(label): i for i, label in enumerate(order)}
        position = shown[by].map(lambda v: rank.get(str(v), len(rank)))
        shown = shown.assign(_rank=position).sort_values("_rank", kind="stable")
    ax = new_axes(ax, rows=len(shown))
    # Hidden for the secondary rule (score.hide_complement), not for too few responses.
    second = bools(table["complementary"]) & hide if "complementary" in table.columns else None
    first = hide if second is None else hide & ~second
    hidden_names = [str(v) for v in table.loc[first, by]]
    second_names = [] if second is None else [str(v) for v in table.loc[second, by]]
    if shown.empty:
        no_data(ax, lang=lang, title=title)
    else:
        small = (
            bools(shown["small_sample"])
            if "small_sample" in shown.columns
            else np.zeros(len(shown), dtype=bool)
        )
        names = [
            with_n(str(g), k, lang) for g, k in zip(shown[by], floats(shown["n"]), strict=True)
        ]
        if "versus_unit" in shown.columns:  # marked above/below the rest (FDR-controlled)
            arrows = shown["versus_unit"].map({"above": " ▲", "below": " ▼"}, na_action="ignore")
            names = [
                name.replace("\n", f"{arrow}\n", 1) if "\n" in name else name + arrow
                for name, arrow in zip(names, arrows.fillna("").astype(str), strict=True)
            ]
        entries = _dot_interval(
            ax,
            names,
            floats(shown["nps"]),
            floats(shown["ci_low"]),
            floats(shown["ci_high"]),
            small,
            lang=lang,
            level=level,
        )
        top_legend(ax, [h for h, _ in entries], [t for _, t in entries], title=title)
    notes = [_w("hidden", lang, names=join_names(hidden_names, lang))] if hidden_names else []
    if second_names:
        notes.append(_w("hidden_complementary", lang, names=join_names(second_names, lang)))
    if notes:
        note_below(ax, "\n".join(notes))
    _describe_groups(
        ax,
        shown,
        name_column=by,
        hidden=hidden_names,
        complementary=second_names,
        lang=lang,
        title=title,
    )
    return ax


def _small(table: pd.DataFrame) -> npt.NDArray[np.bool_]:
    """Return which rows are flagged ``small_sample`` (none without that column)."""
    if "small_sample" in table.columns:
        return bools(table["small_sample"])
    return np.zeros(len(table), dtype=bool)


def unit_comparison(
    table: pd.DataFrame,
    *,
    ax: Axes | None = None,
    lang: Language = "ja",
    level: float = 0.95,
    title: str | None = None,
) -> Axes:
    """Compare units' NPS with intervals (and each unit's target when given), highest on top.

    Units flagged ``small_sample`` are drawn below every unit with enough responses (among
    themselves highest first), as the overview's table ranks them: a unit of 3 responses is
    not second of 14.

    Parameters
    ----------
    table
        One row per unit: ``name``, ``nps``, ``ci_low``, ``ci_high``, ``n``; optional ``target``
        (points, drawn as a dashed tick per unit) and ``small_sample`` (hollow dots).
        Units without an NPS (suppressed) are left out and listed in a note.
    ax
        Axes to draw on; ``None`` creates a figure sized to the number of units.
    lang
        Report language, ``"ja"`` or ``"en"``.
    level
        Confidence level of the table's intervals, for the legend ("90% interval").
    title
        Chart title; defaults to a description in ``lang``.

    Returns
    -------
    matplotlib.axes.Axes
        The axes; interval lines (``gid="ci"``), dots and target ticks (``gid="nps-target"``).
    """
    check_table(table, ["name", "nps", "ci_low", "ci_high", "n"], func="unit_comparison", lang=lang)
    title = title if title is not None else _w("units_title", lang)
    hide = ~np.isfinite(floats(table["nps"]))
    shown = table[~hide].assign(_small=_small(table[~hide]))
    shown = shown.sort_values(["_small", "nps"], ascending=[True, False], kind="stable")
    ax = new_axes(ax, rows=len(shown))
    hidden_names = [str(v) for v in table.loc[hide, "name"]]
    if shown.empty:
        no_data(ax, lang=lang, title=title)
    else:
        small = _small(shown)
        names = [
            with_n(str(g), k, lang) for g, k in zip(shown["name"], floats(shown["n"]), strict=True)
        ]
        entries = _dot_interval(
            ax,
            names,
            floats(shown["nps"]),
            floats(shown["ci_low"]),
            floats(shown["ci_high"]),
            small,
            lang=lang,
            level=level,
            targets=floats(shown["target"]) if "target" in shown.columns else None,
        )
        top_legend(ax, [h for h, _ in entries], [t for _, t in entries], title=title)
    if hidden_names:
        note_below(ax, _w("hidden", lang, names=join_names(hidden_names, lang)))
    _describe_groups(ax, shown, name_column="name", hidden=hidden_names, lang=lang, title=title)
    return ax
