"""Charts of analysis results: key-driver quadrant, distinguishing words and theme impact."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.backend_bases import RendererBase
from matplotlib.patches import Patch
from matplotlib.transforms import Bbox

from nps_kit.drivers import QUADRANTS, quadrant_label
from nps_kit.i18n import Language, impact_n_text, label, number, t
from nps_kit.plot._axes import new_axes, no_data, row_labels, top_legend, zero_line
from nps_kit.plot._base import (
    NEUTRAL_COLOR,
    SEGMENT_COLORS,
    check_table,
    floats,
    fmt_number,
    segment_key,
)
from nps_kit.plot._describe import alt_text, describe

__all__ = ["driver_quadrant", "theme_impact", "words"]

_QUADRANT_COLORS = {
    "fix_first": SEGMENT_COLORS["detractor"],
    "keep_up": SEGMENT_COLORS["promoter"],
    "lower_priority": NEUTRAL_COLOR,
    "possible_overkill": NEUTRAL_COLOR,
    "near_average": NEUTRAL_COLOR,
}
# Corner of the plot for each quadrant name: (x fraction, y fraction, ha, va).
_CORNERS = {
    "fix_first": (0.01, 0.99, "left", "top"),
    "keep_up": (0.99, 0.99, "right", "top"),
    "lower_priority": (0.01, 0.01, "left", "bottom"),
    "possible_overkill": (0.99, 0.01, "right", "bottom"),
}


def _quadrant_key(value: object) -> str | None:
    return value if isinstance(value, str) and value in QUADRANTS else None


def driver_quadrant(
    table: pd.DataFrame,
    *,
    ax: Axes | None = None,
    lang: Language = "ja",
    scale: tuple[float, float] | None = None,
    title: str | None = None,
) -> Axes:
    """Importance–performance scatter of the attributes, drawn with the table's thresholds.

    The quadrant lines are the table's means, the shaded band is the importance within which
    an attribute is "about average", and each point's horizontal bar its rating's margin of
    error: the thresholds :func:`nps_kit.drivers.classify` uses, so a point lies clear of the
    band with its bar clear of the vertical line exactly when the table gives it a quadrant.
    The importance axis always shows the band with room around it, so points a hair apart do
    not look far apart.

    Parameters
    ----------
    table
        One row per attribute: ``attribute`` (id), ``label`` (display name, written next to the
        point), ``importance`` (y), ``performance`` (x), ``quadrant`` (``fix_first``,
        ``keep_up``, ``lower_priority``, ``possible_overkill``, ``near_average`` or NA) and the
        thresholds ``performance_margin``, ``mean_importance``, ``importance_margin`` and
        ``mean_performance``, as from :func:`nps_kit.drivers.key_drivers`. The point colour
        follows ``quadrant``: fix first in the detractor colour, keep up in the promoter
        colour, the rest grey. Rows without importance or performance are not drawn.
    ax
        Axes to draw on; ``None`` creates a report-sized figure.
    lang
        Report language, ``"ja"`` or ``"en"``.
    scale
        The rating scale, e.g. ``(1, 5)``: the x-axis then spans the whole scale, so a 0.1
        difference looks as small as it is. ``None`` zooms to the points.
    title
        Chart title; defaults to a description in ``lang``.

    Returns
    -------
    matplotlib.axes.Axes
        The axes; point labels (``gid="driver-label"``) are placed so they never overlap each
        other; points (``gid="drivers"``), mean lines (``gid="mean-importance"``,
        ``"mean-performance"``), the near-average band (``gid="near-average"``, named by a
        text of ``gid="near-average-label"``), the ratings' margins (``gid="margins"``) and
        the four quadrant names (``gid="quadrant"``).
    """
    columns = [
        "attribute",
        "label",
        "importance",
        "performance",
        "quadrant",
        "performance_margin",
        "mean_importance",
        "importance_margin",
        "mean_performance",
    ]
    check_table(table, columns, func="driver_quadrant", lang=lang)
    title = title if title is not None else t("plot_analysis.driver_title", lang)
    ax = new_axes(ax, height=4.5)
    data = table.assign(_x=floats(table["performance"]), _y=floats(table["importance"])).dropna(
        subset=["_x", "_y"]
    )
    if data.empty:
        return no_data(ax, lang=lang, title=title)

    x, y = data["_x"].to_numpy(), data["_y"].to_numpy()
    margin = np.nan_to_num(floats(data["performance_margin"]), nan=0.0)
    # The table's thresholds (one value on every row), not means of the drawn points.
    mean_y = float(floats(data["mean_importance"])[0])
    band = float(np.nan_to_num(floats(data["importance_margin"])[0], nan=0.0))
    mean_x = float(floats(data["mean_performance"])[0])
    keys = [_quadrant_key(q) for q in data["quadrant"]]
    colors = [_QUADRANT_COLORS[k] if k else NEUTRAL_COLOR for k in keys]
    if band > 0:
        ax.axhspan(
            mean_y - band, mean_y + band, color="#eeeeee", zorder=0, lw=0, gid="near-average"
        )
        # Inside the band's top-left corner, so it names the band and never a point.
        ax.text(
            0.01,
            mean_y + band,
            quadrant_label("near_average", lang),
            transform=ax.get_yaxis_transform(),
            ha="left",
            va="top",
            fontsize=10,
            color="#777777",
            gid="near-average-label",
        )
    bars = ax.errorbar(x, y, xerr=margin, fmt="none", ecolor="#bbbbbb", elinewidth=1.5, zorder=2)
    for collection in bars.lines[2]:
        collection.set_gid("margins")
    ax.scatter(x, y, s=80, c=colors, edgecolors="white", linewidths=1, zorder=3, gid="drivers")
    labels = [
        ax.annotate(
            str(name),
            (xi, yi),
            xytext=(6, 4),
            textcoords="offset points",
            fontsize=10,
            va="bottom",
            ha="left",
            gid="driver-label",
        )
        for xi, yi, name in zip(x, y, data["label"], strict=True)
    ]
    ax.nps_kit_refit = lambda renderer: _place_labels(ax, labels, renderer)  # type: ignore[attr-defined]
    ax.axhline(mean_y, color="#777777", linestyle=":", linewidth=1.2, gid="mean-importance")
    ax.axvline(mean_x, color="#777777", linestyle=":", linewidth=1.2, gid="mean-performance")
    for key, (fx, fy, ha, va) in _CORNERS.items():
        ax.text(
            fx,
            fy,
            quadrant_label(key, lang),
            transform=ax.transAxes,
            ha=ha,
            va=va,
            fontsize=11,
            color=_QUADRANT_COLORS[key],
            alpha=0.85,
            gid="quadrant",
        )
    # The importance axis spans the points and at least three band widths either side of the
    # mean, so that the band reads as "about average" and a hair's difference looks like one;
    # then room around it for labels and corner names.
    low_y = min(float(y.min()), mean_y - 3 * band)
    high_y = max(float(y.max()), mean_y + 3 * band)
    span = (high_y - low_y) or max(abs(mean_y), 1.0)
    bottom, top = low_y - 0.25 * span, high_y + 0.35 * span
    if "method" in data.columns and data["method"].eq("correlation").all():
        # A correlation lies in [−1, 1]: no axis past it (QA25: "Importance" ran to 1.2).
        bottom, top = max(bottom, min(-1.0, float(y.min()))), min(top, max(1.0, float(y.max())))
    ax.set_ylim(bottom, top)
    if scale is not None:
        low, high = float(scale[0]), float(scale[1])
        ax.set_xlim(low - 0.05 * (high - low), high + 0.05 * (high - low))
        ax.set_xticks(np.arange(np.ceil(low), np.floor(high) + 1))
    else:
        low_x, high_x = float((x - margin).min()), float((x + margin).max())
        span = (high_x - low_x) or max(abs(mean_x), 1.0)
        ax.set_xlim(low_x - 0.25 * span, high_x + 0.35 * span)
    ax.set_xlabel(t("plot_analysis.performance", lang))
    ax.set_ylabel(t("plot_analysis.importance", lang))
    ax.set_title(title, loc="left")
    facts = [
        (
            # a true minus, as the table under the chart writes it (BROWSE36)
            f"{name}：重要度{number(yi, digits=3)}、評価{number(xi, digits=2)}"
            if lang == "ja"
            else f"{name}: importance {number(yi, digits=3)}, rating {number(xi, digits=2)}"
        )
        + (f"（{quadrant_label(k, lang)}）" if lang == "ja" and k else "")
        + (f" ({quadrant_label(k, lang)})" if lang == "en" and k else "")
        for name, xi, yi, k in zip(data["label"], x, y, keys, strict=True)
    ]
    describe(ax, alt=alt_text(title, facts, lang), facts=facts)
    figure = ax.get_figure(root=True)
    if figure is not None:  # place now; fit_to_width places again at the drawn size
        figure.draw_without_rendering()
        _place_labels(ax, labels, getattr(figure, "_get_renderer")())  # noqa: B009
    return ax


# Label offsets tried in turn (points from the dot): right-up, right-down, left-up, left-down,
# then further up and down; the first that overlaps no placed label and no corner name wins.
_OFFSETS = [
    (6, 4, "left", "bottom"),
    (6, -4, "left", "top"),
    (-6, 4, "right", "bottom"),
    (-6, -4, "right", "top"),
    *(
        (dx, dy, "left" if dx > 0 else "right", "bottom" if dy > 0 else "top")
        for dy in (16, -16, 28, -28, 40, -40, 52, -52)
        for dx in (6, -6)
    ),
]


def _place_labels(ax: Axes, labels: list[Any], renderer: RendererBase) -> None:
    """Move driver labels so that none overlaps another label, a corner name or another dot."""
    placed: list[Bbox] = [
        t.get_window_extent(renderer)
        for t in ax.texts
        if t.get_gid() in ("quadrant", "near-average-label")
    ]
    dots = [
        Bbox.from_bounds(x - 5, y - 5, 10, 10)
        for collection in ax.collections
        if collection.get_gid() == "drivers"
        for x, y in ax.transData.transform(collection.get_offsets())
    ]
    frame = ax.get_window_extent(renderer)
    for i, text in enumerate(labels):
        others = placed + [d for j, d in enumerate(dots) if j != i]
        best = None
        for dx, dy, ha, va in _OFFSETS:
            text.set_position((dx, dy))
            text.set_ha(ha)
            text.set_va(va)
            box = text.get_window_extent(renderer)
            inside = frame.x0 <= box.x0 and box.x1 <= frame.x1
            if inside and not any(box.overlaps(other) for other in others):
                best = box
                break
        if best is None:  # nothing free: keep the first offset (still readable, rare)
            dx, dy, ha, va = _OFFSETS[0]
            text.set_position((dx, dy))
            text.set_ha(ha)
            text.set_va(va)
            best = text.get_window_extent(renderer)
        placed.append(best)


def words(
    table: pd.DataFrame,
    *,
    ax: Axes | None = None,
    lang: Language = "ja",
    top: int = 15,
    title: str | None = None,
) -> Axes:
    """Horizontal bars of the words that most distinguish detractors from promoters.

    Parameters
    ----------
    table
        One row per term: ``term``, ``z`` (signed z-score of the log-odds ratio) and ``favours``
        (``detractor`` or ``promoter``), which sets the bar colour.
    ax
        Axes to draw on; ``None`` creates a figure sized to the number of terms.
    lang
        Report language, ``"ja"`` or ``"en"``.
    top
        Draw the ``top`` terms with the largest ``|z|`` (ordered by ``z`` for reading).
    title
        Chart title; defaults to a description in ``lang``.

    Returns
    -------
    matplotlib.axes.Axes
        The axes; one bar per term drawn, bar width equal to ``z``.
    """
    if top < 1:
        raise ValueError(f"words: top must be a positive number of terms; got {top!r}.")
    check_table(table, ["term", "z", "favours"], func="words", lang=lang)
    title = title if title is not None else t("plot_analysis.words_title", lang)
    data = table.assign(_z=floats(table["z"])).dropna(subset=["_z"])
    data = data.loc[data["_z"].abs().sort_values(ascending=False, kind="stable").index[:top]]
    data = data.sort_values("_z", ascending=False, kind="stable")
    ax = new_axes(ax, rows=max(len(data) * 0.6, 1))
    if data.empty:
        return no_data(ax, lang=lang, title=title)

    sides = [segment_key(v) for v in data["favours"]]
    colors = [SEGMENT_COLORS[s] if s in ("promoter", "detractor") else NEUTRAL_COLOR for s in sides]
    ys = np.arange(len(data))
    z = data["_z"].to_numpy()
    ax.barh(ys, z, height=0.7, color=colors, gid="words")
    row_labels(ax, ys, [str(t) for t in data["term"]])
    ax.set_ylim(len(data) - 0.5, -0.6)
    ax.set_xlabel(t("plot_analysis.z_axis", lang))
    limit = float(np.abs(z).max()) * 1.1
    ax.set_xlim(min(-limit * 0.15, float(z.min()) * 1.1), max(limit * 0.15, float(z.max()) * 1.1))
    zero_line(ax, axis="x")
    ax.grid(False, axis="y")
    handles: list[Artist] = []
    labels: list[str] = []
    for side in ("detractor", "promoter"):
        if side in sides:
            handles.append(Patch(color=SEGMENT_COLORS[side]))
            labels.append(t(f"plot_analysis.favours_{side}", lang))
    top_legend(ax, handles, labels, title=title, ncols=2)
    facts = [
        f"{term}：z {value:+.1f}（{t(f'plot_analysis.favours_{side}', lang)}）"
        if lang == "ja" and side in ("promoter", "detractor")
        else f"{term}: z {value:+.1f} ({t(f'plot_analysis.favours_{side}', lang).lower()})"
        if side in ("promoter", "detractor")
        else f"{term}: z {value:+.1f}"
        for term, value, side in zip(data["term"], z, sides, strict=True)
    ]
    describe(ax, alt=alt_text(title, facts, lang), facts=facts)
    return ax


def theme_impact(
    table: pd.DataFrame,
    *,
    ax: Axes | None = None,
    lang: Language = "ja",
    title: str | None = None,
) -> Axes:
    """Bars of how many NPS points each theme would add if its detractors became passives.

    Parameters
    ----------
    table
        One row per theme: ``theme`` (id), ``label`` (display name), ``nps_gain`` (points) and
        ``detractors`` (its n, this theme's detractors: written under the label in the words of
        :func:`nps_kit.i18n.impact_n_text`), as from :func:`nps_kit.text.theme_impact`.
    ax
        Axes to draw on; ``None`` creates a figure sized to the number of themes.
    lang
        Report language, ``"ja"`` or ``"en"``.
    title
        Chart title; defaults to a description in ``lang``.

    Returns
    -------
    matplotlib.axes.Axes
        The axes; one bar per theme (largest gain on top), bar width equal to ``nps_gain``.
    """
    columns = ["theme", "label", "nps_gain", "detractors"]
    check_table(table, columns, func="theme_impact", lang=lang)
    title = title if title is not None else label("impact", lang)
    data = table.assign(_gain=floats(table["nps_gain"])).dropna(subset=["_gain"])
    data = data.sort_values("_gain", ascending=False, kind="stable")
    ax = new_axes(ax, rows=max(len(data), 1))  # two lines a row: the name and its share
    if data.empty:
        return no_data(ax, lang=lang, title=title)

    ys = np.arange(len(data))
    gain = data["_gain"].to_numpy()
    ax.barh(ys, gain, height=0.65, color=SEGMENT_COLORS["detractor"], gid="nps-gain")
    for y, value in zip(ys, gain, strict=True):
        ax.annotate(
            ("+" if value > 0 else "") + fmt_number(value),
            (max(value, 0.0), y),
            xytext=(4, 0),
            textcoords="offset points",
            va="center",
            fontsize=10,
        )
    # Under each name the gain's n, in the words the strategy cards and the e-mail use.
    counts = floats(data["detractors"])
    # Japanese brackets are full-width and need no space before them (JAREV: 「配送 (…人)」).
    opening, closing, space = ("（", "）", "") if lang == "ja" else ("(", ")", " ")
    names = [
        f"{name}\n{opening}{impact_n_text(int(n), lang)}{closing}" if np.isfinite(n) else str(name)
        for name, n in zip(data["label"], counts, strict=True)
    ]
    row_labels(ax, ys, names)
    ax.set_ylim(len(data) - 0.5, -0.6)
    ax.set_xlim(min(0.0, float(gain.min()) * 1.2), max(1.0, float(gain.max()) * 1.2))
    ax.set_xlabel(t("plot_analysis.gain_axis", lang))
    zero_line(ax, axis="x")
    ax.grid(False, axis="y")
    ax.set_title(title, loc="left")
    facts = [
        f"{name}：{'+' if value > 0 else ''}{fmt_number(value)}ポイント"
        if lang == "ja"
        else f"{name}: {'+' if value > 0 else ''}{fmt_number(value)}\u00a0pts"
        for name, value in zip((n.replace("\n", space) for n in names), gain, strict=True)
    ]
    describe(ax, alt=alt_text(title, facts, lang), facts=facts)
    return ax
