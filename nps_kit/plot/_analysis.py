"""Charts of analysis results: key-driver quadrant, distinguishing words and theme impact."""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.patches import Patch

from nps_kit.drivers import QUADRANTS, quadrant_label
from nps_kit.i18n import Language, label, t
from nps_kit.plot._base import (
    NEUTRAL_COLOR,
    SEGMENT_COLORS,
    check_table,
    floats,
    fmt_number,
    new_axes,
    no_data,
    segment_key,
    top_legend,
    zero_line,
)

__all__ = ["driver_quadrant", "theme_impact", "words"]

_QUADRANT_COLORS = {
    "fix_first": SEGMENT_COLORS["detractor"],
    "keep_up": SEGMENT_COLORS["promoter"],
    "lower_priority": NEUTRAL_COLOR,
    "possible_overkill": NEUTRAL_COLOR,
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
    title: str | None = None,
) -> Axes:
    """Importance–performance scatter of the attributes, with quadrant lines at the means.

    Parameters
    ----------
    table
        One row per attribute: ``attribute`` (id), ``label`` (display name, written next to the
        point), ``importance`` (y), ``performance`` (x) and ``quadrant`` (``fix_first``,
        ``keep_up``, ``lower_priority``, ``possible_overkill`` or NA), as from
        :func:`nps_kit.drivers.key_drivers`. The point colour follows ``quadrant``: fix first in
        the detractor colour, keep up in the promoter colour, the rest grey. Rows without
        importance or performance are not drawn.
    ax
        Axes to draw on; ``None`` creates a report-sized figure.
    lang
        Report language, ``"ja"`` or ``"en"``.
    title
        Chart title; defaults to a description in ``lang``.

    Returns
    -------
    matplotlib.axes.Axes
        The axes; points (``gid="drivers"``), mean lines (``gid="mean-importance"``,
        ``"mean-performance"``) and the four quadrant names (``gid="quadrant"``).
    """
    columns = ["attribute", "label", "importance", "performance", "quadrant"]
    check_table(table, columns, func="driver_quadrant", lang=lang)
    title = title if title is not None else t("plot_analysis.driver_title", lang)
    ax = new_axes(ax, height=4.5)
    data = table.assign(_x=floats(table["performance"]), _y=floats(table["importance"])).dropna(
        subset=["_x", "_y"]
    )
    if data.empty:
        return no_data(ax, lang=lang, title=title)

    x, y = data["_x"].to_numpy(), data["_y"].to_numpy()
    keys = [_quadrant_key(q) for q in data["quadrant"]]
    colors = [_QUADRANT_COLORS[k] if k else NEUTRAL_COLOR for k in keys]
    ax.scatter(x, y, s=80, c=colors, edgecolors="white", linewidths=1, zorder=3, gid="drivers")
    for xi, yi, name in zip(x, y, data["label"], strict=True):
        ax.annotate(
            str(name),
            (xi, yi),
            xytext=(6, 4),
            textcoords="offset points",
            fontsize=10,
            va="bottom",
            ha="left",
        )
    ax.axhline(
        float(y.mean()), color="#777777", linestyle=":", linewidth=1.2, gid="mean-importance"
    )
    ax.axvline(
        float(x.mean()), color="#777777", linestyle=":", linewidth=1.2, gid="mean-performance"
    )
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
    # Room around the points so labels and corner names do not collide with them.
    for values, setter in ((x, ax.set_xlim), (y, ax.set_ylim)):
        span = float(values.max() - values.min()) or max(abs(float(values.mean())), 1.0)
        setter(float(values.min()) - 0.25 * span, float(values.max()) + 0.35 * span)
    ax.set_xlabel(t("plot_analysis.performance", lang))
    ax.set_ylabel(t("plot_analysis.importance", lang))
    ax.set_title(title, loc="left")
    return ax


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
    ax.set_yticks(ys, [str(t) for t in data["term"]])
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
        One row per theme: ``theme`` (id), ``label`` (display name), ``nps_gain`` (points),
        ``share_promoters``, ``share_passives`` and ``share_detractors`` (percent of each
        segment's commenters mentioning the theme; the detractor share is written under the
        label), as from :func:`nps_kit.themes.theme_impact`.
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
    columns = [
        "theme",
        "label",
        "nps_gain",
        "share_promoters",
        "share_passives",
        "share_detractors",
    ]
    check_table(table, columns, func="theme_impact", lang=lang)
    title = title if title is not None else t("plot_analysis.theme_title", lang)
    data = table.assign(_gain=floats(table["nps_gain"])).dropna(subset=["_gain"])
    data = data.sort_values("_gain", ascending=False, kind="stable")
    ax = new_axes(ax, rows=max(len(data) * 0.6, 1))
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
    shares = floats(data["share_detractors"])
    who = label("detractors", lang)
    names = [
        f"{name}\n({who}コメントの{share:.0f}%)"
        if lang == "ja" and np.isfinite(share)
        else f"{name}\n({share:.0f}% of {who.lower()}' comments)"
        if np.isfinite(share)
        else str(name)
        for name, share in zip(data["label"], shares, strict=True)
    ]
    ax.set_yticks(ys, names)
    ax.set_ylim(len(data) - 0.5, -0.6)
    ax.set_xlim(min(0.0, float(gain.min()) * 1.2), max(1.0, float(gain.max()) * 1.2))
    ax.set_xlabel(t("plot_analysis.gain_axis", lang))
    zero_line(ax, axis="x")
    ax.grid(False, axis="y")
    ax.set_title(title, loc="left")
    return ax
