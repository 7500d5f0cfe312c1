"""Charts of one NPS result and its history: segment shares, score distribution, monthly trend."""

from __future__ import annotations

import itertools
from typing import Any, Literal

import matplotlib.dates as mdates
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.backend_bases import RendererBase
from matplotlib.patches import Patch
from matplotlib.patheffects import withStroke
from matplotlib.ticker import MaxNLocator, PercentFormatter

from nps_kit.i18n import (
    Language,
    hidden_month,
    interval_label,
    join_names,
    label,
    nps_text,
    points,
    t,
)
from nps_kit.periods import format_period
from nps_kit.plot._axes import new_axes, no_data, note_below, nps_axis, row_labels, top_legend
from nps_kit.plot._base import (
    N_BAR_COLOR,
    NPS_COLOR,
    SEGMENT_COLORS,
    SEGMENTS,
    TARGET_COLOR,
    bools,
    check_table,
    floats,
    ink_for,
    segment_key,
    text,
    with_n,
)
from nps_kit.plot._describe import alt_text, describe, nps_fact
from nps_kit.plot._png import quiet_layout
from nps_kit.score import CONTROL_MIN_PERIODS

__all__ = ["score_distribution", "shares_bar", "trend"]


#: Okabe–Ito reddish purple: apart from the NPS blue and both segment colours.
_OUTSIDE_COLOR = "#CC79A7"


def _w(key: str, lang: Language, **kwargs: object) -> str:
    return t(f"plot_nps.{key}", lang, **kwargs)


def shares_bar(
    table: pd.DataFrame,
    *,
    ax: Axes | None = None,
    lang: Language = "ja",
    title: str | None = None,
) -> Axes:
    """Stacked horizontal bars of promoter, passive and detractor shares, one bar per row.

    Parameters
    ----------
    table
        Columns ``label`` (bar name, e.g. the period), ``pct_promoters``, ``pct_passives`` and
        ``pct_detractors`` (percent, 0–100); optional ``n`` (shown under the label) and ``nps``
        (written at the end of the bar). Rows are drawn top to bottom in table order; rows
        without shares show "no responses" when ``n`` is 0, else the "hidden" note (suppressed
        groups), instead of a bar.
    ax
        Axes to draw on; ``None`` creates a report-sized figure.
    lang
        Report language, ``"ja"`` or ``"en"``.
    title
        Chart title; defaults to a description in ``lang``.

    Returns
    -------
    matplotlib.axes.Axes
        The axes, with one bar container per segment (promoters, passives, detractors).
    """
    columns = ["label", "pct_promoters", "pct_passives", "pct_detractors"]
    check_table(table, columns, func="shares_bar", lang=lang)
    title = title if title is not None else _w("shares_title", lang)
    ax = new_axes(ax, rows=len(table) + 1)
    if table.empty:
        return no_data(ax, lang=lang, title=title)

    ys = np.arange(len(table))
    left = np.zeros(len(table))
    handles: list[Any] = []
    for key in SEGMENTS:
        widths = floats(table[f"pct_{key}s"])
        color = SEGMENT_COLORS[key]
        bars = ax.barh(
            ys,
            np.nan_to_num(widths),
            left=left,
            height=0.6,
            color=color,
            edgecolor="white",
            linewidth=1,
            label=label(key + "s", lang),
        )
        for y, x0, w in zip(ys.tolist(), left, widths, strict=True):
            if np.isfinite(w) and w >= 7:  # narrower segments cannot hold "12%" at 10 pt
                ax.text(
                    x0 + w / 2,
                    y,
                    f"{w:.0f}%",
                    ha="center",
                    va="center",
                    color=ink_for(color),
                    fontsize=10,
                )
        handles.append(bars)
        left = left + np.nan_to_num(widths)

    n = floats(table["n"]) if "n" in table.columns else np.full(len(table), np.nan)
    # A row without shares is hidden for anonymity, unless it has no responses to hide.
    empty = label("no_responses", lang)
    missing = [empty if k == 0 else label("suppressed", lang) for k in n.tolist()]
    hidden = ~np.isfinite(floats(table["pct_promoters"]))
    for y in ys[hidden].tolist():
        ax.text(1, y, missing[y], va="center", ha="left", fontsize=10, color="#444444")
    if "nps" in table.columns:
        for y, value in zip(ys.tolist(), floats(table["nps"]), strict=True):
            if np.isfinite(value):
                ax.text(
                    101.5,
                    y,
                    f"NPS\n{nps_text(value)}",
                    va="center",
                    ha="left",
                    fontsize=10,
                    color=NPS_COLOR,
                )

    names = [with_n(str(v), k, lang) for v, k in zip(table["label"], n, strict=True)]
    row_labels(ax, ys, names)
    ax.set_ylim(len(table) - 0.4, -0.6)  # first row on top
    ax.set_xlim(0, 100)
    ax.xaxis.set_major_formatter(PercentFormatter(decimals=0))
    ax.set_xlabel(label("share", lang))
    ax.grid(False, axis="y")
    top_legend(ax, handles, [label(k + "s", lang) for k in SEGMENTS], title=title, ncols=3)
    sep, space = ("・", "") if lang == "ja" else (", ", " ")  # 「推奨者33.7%」
    facts = []
    for i, row in enumerate(table.to_dict("records")):
        shares = [floats([row[f"pct_{key}s"]])[0] for key in SEGMENTS]
        if not np.isfinite(shares[0]):
            colon = "：" if lang == "ja" else ": "
            facts.append(f"{row['label']}{colon}{missing[i]}")
            continue
        text_ = sep.join(
            f"{label(key + 's', lang)}{space}{share:.1f}%"
            for key, share in zip(SEGMENTS, shares, strict=True)
        )
        facts.append(f"{row['label']}：{text_}" if lang == "ja" else f"{row['label']}: {text_}")
    describe(ax, alt=alt_text(title, facts, lang), facts=facts)
    return ax


def score_distribution(
    table: pd.DataFrame,
    *,
    ax: Axes | None = None,
    lang: Language = "ja",
    stat: Literal["pct", "n"] = "pct",
    title: str | None = None,
) -> Axes:
    """Bars of how many respondents gave each score 0–10, coloured by segment.

    Parameters
    ----------
    table
        One row per score: ``score`` (0–10), ``n`` (responses), ``pct`` (percent of responses)
        and ``segment`` (``promoter``/``passive``/``detractor``).
    ax
        Axes to draw on; ``None`` creates a report-sized figure.
    lang
        Report language, ``"ja"`` or ``"en"``.
    stat
        Bar height: ``"pct"`` (percent, labelled on the bars) or ``"n"`` (counts).
    title
        Chart title; defaults to a description in ``lang``.

    Returns
    -------
    matplotlib.axes.Axes
        The axes; one bar per table row, in score order.
    """
    if stat not in ("pct", "n"):
        raise ValueError(f"score_distribution: stat must be one of 'pct', 'n'; got {stat!r}.")
    check_table(table, ["score", "n", "pct", "segment"], func="score_distribution", lang=lang)
    title = title if title is not None else _w("dist_title", lang)
    ax = new_axes(ax)
    if table.empty or not (floats(table["n"]) > 0).any():  # eleven zero rows: nobody answered
        return no_data(ax, lang=lang, title=title)

    ordered = table.sort_values("score")
    scores = floats(ordered["score"])
    heights = np.nan_to_num(floats(ordered[stat]))
    keys = [segment_key(s) for s in ordered["segment"]]
    colors = [SEGMENT_COLORS[k] if k else "#8C8C8C" for k in keys]
    bars = ax.bar(scores, heights, width=0.75, color=colors, edgecolor="white")
    for bar, value in zip(bars, heights, strict=True):
        shown = f"{value:.0f}%" if stat == "pct" else f"{value:,.0f}"
        ax.annotate(
            shown,
            (bar.get_x() + bar.get_width() / 2, value),
            xytext=(0, 2),
            textcoords="offset points",
            ha="center",
            va="bottom",
            fontsize=10,
        )
    ax.set_xticks(range(11))
    ax.set_xlim(-0.6, 10.6)
    ax.set_xlabel(label("score", lang))
    if stat == "pct":
        ax.set_ylabel(label("share", lang))
        # Whole-percent ticks only: a tick at 2.5 % printed as "2%" would misstate the scale.
        ax.yaxis.set_major_locator(MaxNLocator(integer=True, steps=[1, 2, 5, 10]))
        ax.yaxis.set_major_formatter(PercentFormatter(decimals=0))
    else:
        ax.set_ylabel(text("n_axis", lang))
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_ylim(0, max(float(heights.max()), 1.0) * 1.15)
    ax.grid(False, axis="x")
    handles = [Patch(color=SEGMENT_COLORS[k]) for k in SEGMENTS]
    top_legend(ax, handles, [label(k + "s", lang) for k in SEGMENTS], title=title, ncols=3)
    counts = floats(ordered["n"])
    pct = floats(ordered["pct"])
    facts = [
        f"{s:.0f}点：{p:.1f}%（{c:,.0f}件）" if lang == "ja" else f"{s:.0f}: {p:.1f}% (n={c:,.0f})"
        for s, p, c in zip(scores, pct, counts, strict=True)
    ]
    describe(ax, alt=alt_text(title, facts, lang), facts=facts)
    return ax


#: Label every month, else every 2nd, 3rd … month, whichever is the first whose labels fit.
_MONTH_STEPS = (1, 2, 3, 4, 6, 12)


def _month_labels(stamps: pd.Series, lang: Language, *, step: int) -> list[str]:
    """One label per month: every ``step``-th month named, counted back from the last one.

    The reporting month is always named, and so is the first month of a year none of whose
    months the step names (November of a chart from November to October), so every year
    shown is named once: on a second line under its first named month (``Aug`` over
    ``2026``, 「8月」 over 「2026年」). Months left unnamed get an empty label (their tick mark
    stays).
    """
    named = {i for i in range(len(stamps) - 1, -1, -step) if not pd.isna(stamps[i])}
    firsts: dict[int, int] = {}  # year -> its first month's position
    for i, stamp in enumerate(stamps):
        if not pd.isna(stamp):
            firsts.setdefault(stamp.year, i)
    years_named = {stamps[i].year for i in named}
    named |= {i for year, i in firsts.items() if year not in years_named}
    labels = [""] * len(stamps)
    previous_year: int | None = None
    for i in sorted(named):
        stamp = stamps[i]
        month = f"{stamp.month}月" if lang == "ja" else stamp.strftime("%b")
        year = f"{stamp.year}年" if lang == "ja" else str(stamp.year)
        labels[i] = f"{month}\n{year}" if stamp.year != previous_year else month
        previous_year = stamp.year
    return labels


#: The least space between two month labels, as a share of their font size: half an em reads
#: as a gap (at 2 px, the years under Dec and Feb read "20252026" in a 340 px e-mail chart).
_LABEL_GAP = 0.5


def _fit_month_labels(
    ax: Axes, positions: list[float], stamps: pd.Series, lang: Language, renderer: RendererBase
) -> None:
    """Name as many months as fit side by side at the drawn width (a fitting step).

    A label with its year is as wide as the year, so a year also keeps clear of the month
    names beside it.
    """
    figure = ax.get_figure(root=True)
    for step in _MONTH_STEPS:
        ax.set_xticks(positions, _month_labels(stamps, lang, step=step))
        for tick in ax.xaxis.get_major_ticks():
            tick.label1.set_visible(True)  # the generic thinning hid every other one
        with quiet_layout():
            figure.draw_without_rendering()  # type: ignore[union-attr]
        shown = [x for x in ax.get_xticklabels() if x.get_text()]
        boxes = [x.get_window_extent(renderer) for x in shown]
        size = shown[0].get_fontsize() if shown else 0.0
        gap = _LABEL_GAP * float(np.asarray(renderer.points_to_pixels(size)))
        if all(a.x1 + gap <= b.x0 for a, b in itertools.pairwise(boxes)):
            return


def trend(
    table: pd.DataFrame,
    *,
    ax: Axes | None = None,
    lang: Language = "ja",
    level: float = 0.95,
    target: float | None = None,
    min_n: int = 30,
    min_report_n: int | None = None,
    title: str | None = None,
    control_min_months: int = CONTROL_MIN_PERIODS,
) -> Axes:
    """Monthly NPS line with its interval band, responses per month and the target.

    Parameters
    ----------
    table
        ``score_groups(period="month")`` output: ``period``, ``period_start``, ``n``, ``nps``,
        ``ci_low``, ``ci_high`` and ``small_sample``. Months with NA ``nps`` (suppressed) leave a
        gap in the line and are listed in a note under the chart; their response count is still
        shown, as a hatched bar (``gid="responses-hidden"``). With the columns of
        :func:`nps_kit.score.control_chart` (``control_low``, ``control_high``,
        ``out_of_control``) the control limits are drawn as dotted lines and months outside
        them get a ring (``gid="out-of-control"``).
    ax
        Axes to draw the NPS on; ``None`` creates a report-sized figure. Responses per month are
        drawn as faint bars on a twin axis (right-hand scale) behind the line.
    lang
        Report language, ``"ja"`` or ``"en"``.
    level
        Confidence level of the table's intervals, for the legend ("90% interval").
    target
        NPS target in points, drawn as a dashed line; ``None`` draws none.
    min_n
        The small-sample threshold used by scoring; only named in the legend of the hollow
        markers that flag months with ``small_sample`` true.
    min_report_n
        The anonymity floor the table was blanked with: the note names each hidden month with
        its n ("July 2026 (2 responses, fewer than 5: not shown)"); ``None`` says only that
        they are hidden.
    title
        Chart title; defaults to a description in ``lang``.
    control_min_months
        The fewest months with data the table's control limits were drawn from
        (``thresholds.control_min_months``): a table of fewer months and no limits is said so
        under the chart with this number.

    Returns
    -------
    matplotlib.axes.Axes
        The NPS axes. The response bars (``gid="responses"``) sit on a twin axes that shares
        its x-axis (the other axes in ``ax.figure.axes``).
    """
    columns = ["period", "period_start", "n", "nps", "ci_low", "ci_high", "small_sample"]
    check_table(table, columns, func="trend", lang=lang)
    title = title if title is not None else _w("trend_title", lang)
    ax = new_axes(ax)
    if table.empty:
        return no_data(ax, lang=lang, title=title)

    ordered = table.sort_values("period_start")
    x = mdates.date2num(pd.to_datetime(ordered["period_start"]))
    nps = floats(ordered["nps"])
    low, high = floats(ordered["ci_low"]), floats(ordered["ci_high"])
    n = np.nan_to_num(floats(ordered["n"]))
    small = bools(ordered["small_sample"]) & np.isfinite(nps)

    counts = ax.twinx()
    bars = counts.bar(
        x, n, width=20, color=N_BAR_COLOR, zorder=0, label=text("n_axis", lang), gid="responses"
    )
    top = max(float(n.max()), 1.0)
    marks = []  # each month's n: a hidden month's over its bar, the others' under their point
    for bar, value, k in zip(bars.patches, nps, n, strict=True):
        if not np.isfinite(value):  # a month under the floor: its n, marked as the note says
            bar.set_hatch("////")
            bar.set_edgecolor("#999999")
            bar.set_gid("responses-hidden")
            # Its true n over it (BROWSE30: a bar of 2 on a 0-40 axis is 2 px, its hatching
            # unseen); the bar keeps its true height, so no month is drawn as more answers.
            middle = bar.get_x() + bar.get_width() / 2
            marks.append(
                counts.annotate(
                    f"n={k:,.0f}",
                    xy=(middle, bar.get_height()),
                    xytext=(0, 2),
                    textcoords="offset points",
                    ha="center",
                    va="bottom",
                    color="#777777",
                    fontsize=_N_SIZE,
                    gid="responses-hidden-n",
                )
            )
    counts.set_ylim(0, top * 3)  # bars use the lower third only
    counts.set_ylabel(text("n_axis", lang), color="#777777")
    # No tick marks: a dash before "1,500" reads as a minus sign. Ticks only where the bars are.
    counts.tick_params(axis="y", colors="#777777", length=0, pad=4)
    nice = MaxNLocator(nbins=2, integer=True).tick_values(0, top)
    counts.set_yticks([t for t in nice if 0 <= t <= top * 1.05])
    counts.yaxis.set_major_formatter(lambda value, _: f"{value:,.0f}")
    counts.grid(False)
    ax.set_zorder(counts.get_zorder() + 1)  # line above bars; keep the NPS axes' spines/labels
    ax.patch.set_visible(False)

    band = ax.fill_between(
        x,
        low,
        high,
        color=NPS_COLOR,
        alpha=0.15,
        linewidth=0,
        label=interval_label(level, lang),
        gid="ci-band",
    )
    # A month between two gaps (its neighbours under the floor, or none) has no band to be
    # part of: its interval is a bar of the band's colour (FIX63: months of 2, 30, 3, 40).
    alone = _between_gaps(nps)
    if alone.any():
        ax.vlines(
            x[alone],
            low[alone],
            high[alone],
            color=NPS_COLOR,
            alpha=0.15,
            linewidth=8,
            gid="ci-alone",
        )
    (line,) = ax.plot(
        x, nps, color=NPS_COLOR, linewidth=2, marker="o", markersize=6, label="NPS", zorder=3
    )
    for at, value, k in zip(x, nps, n, strict=True):
        if np.isfinite(value):  # shown where it fits (_fit_n_labels), under its point
            marks.append(
                ax.annotate(
                    f"n={k:,.0f}",
                    xy=(at, value),
                    xytext=(0, -7),
                    textcoords="offset points",
                    ha="center",
                    va="top",
                    color="#555555",
                    fontsize=_N_SIZE,
                    path_effects=[withStroke(linewidth=3, foreground="white")],
                    zorder=6,
                    gid="responses-n",
                    visible=False,
                )
            )
    handles: list[Any] = [line, band]
    labels = ["NPS", interval_label(level, lang)]
    if small.any():
        hollow = ax.scatter(
            x[small],
            nps[small],
            s=40,
            facecolors="white",
            edgecolors=NPS_COLOR,
            linewidths=1.8,
            zorder=4,
            label=_w("few", lang, min_n=min_n),
            gid="small-sample",
        )
        handles.append(hollow)
        labels.append(_w("few", lang, min_n=min_n))
    shown = [nps, low, high]
    withheld = np.zeros(len(x), dtype=bool)
    few_months = 0
    if {"control_low", "control_high", "out_of_control"} <= set(ordered.columns):
        # Too few months for any limits (score.control_chart's min_periods): say so (BROWSE36).
        months_shown = int(np.isfinite(nps).sum())
        no_limits = ordered[["control_low", "control_high"]].isna().all().all()
        if no_limits and 0 < months_shown < control_min_months:
            few_months = months_shown
        # A month under min_n gets no limits (FIX73): ±3σ over 5-8 responses spans most of
        # the scale, dotted segments that tell nothing, and a phone's legend gave them lines.
        few = bools(ordered["small_sample"])
        limit_low, limit_high = floats(ordered["control_low"]), floats(ordered["control_high"])
        withheld = few & (np.isfinite(limit_low) | np.isfinite(limit_high))
        limit_low = np.where(few, np.nan, limit_low)
        limit_high = np.where(few, np.nan, limit_high)
        if np.isfinite(limit_low).any() or np.isfinite(limit_high).any():
            style: dict[str, Any] = {"color": TARGET_COLOR, "linestyle": ":", "linewidth": 1.0}
            (limits,) = ax.plot(x, limit_low, gid="control-low", zorder=2, **style)
            ax.plot(x, limit_high, gid="control-high", zorder=2, **style)
            # A month between gaps: its limits as short dotted lines the width of its bar,
            # where no line runs through it, drawn as the key draws them (BROWSE30).
            for at in x[_between_gaps(limit_low) | _between_gaps(limit_high)]:
                for limit in (limit_low, limit_high):
                    level = limit[x == at][0]
                    ax.plot(
                        [at - 10, at + 10], [level, level], gid="control-alone", zorder=2, **style
                    )
            handles.append(limits)
            labels.append(_w("control", lang))
            shown += [limit_low, limit_high]
        outside = ordered["out_of_control"].notna().to_numpy(dtype=bool) & np.isfinite(nps) & ~few
        if outside.any():
            ring = ax.scatter(
                x[outside],
                nps[outside],
                s=160,
                facecolors="none",
                edgecolors=_OUTSIDE_COLOR,
                linewidths=2.0,
                zorder=5,
                gid="out-of-control",
            )
            handles.append(ring)
            labels.append(_w("outside", lang))
    if target is not None:
        digits = 0 if float(target).is_integer() else 1
        space = "" if lang == "ja" else " "  # 「目標0ポイント」
        target_label = f"{label('target', lang)}{space}{points(target, lang, digits=digits)}"
        target_line = ax.axhline(
            target,
            color=TARGET_COLOR,
            linestyle="--",
            linewidth=1.2,
            label=target_label,
            gid="nps-target",
            zorder=2,
        )
        handles.append(target_line)
        labels.append(target_label)
        shown.append(np.array([target], dtype=float))
    # The key shows a plain bar: the first month's may be hatched (under the floor).
    plain = Patch(facecolor=N_BAR_COLOR, label=text("n_axis", lang))
    gone = ~np.isfinite(nps)
    if gone.any():
        # The hatched bar beside the plain one, in one entry: a key of its own added a line
        # to the legend, which a phone (390 px) shows one entry a line (FIX69). The note
        # under the chart names each hidden month with its n.
        hatched = Patch(facecolor=N_BAR_COLOR, edgecolor="#999999", hatch="////")
        handles.append((plain, hatched))
        labels.append(
            _w("bars_key", lang, min_n=min_report_n) if min_report_n else _w("bars_key_plain", lang)
        )
    else:
        handles.append(plain)
        labels.append(text("n_axis", lang))

    nps_axis(ax, axis="y", lang=lang, values=np.concatenate(shown))
    if target is not None and float(target) == 0.0:
        # A dashed target on the solid zero line would look solid: the target line alone.
        for artist in [a for a in ax.lines if a.get_gid() == "nps-zero"]:
            artist.remove()
    stamps = pd.to_datetime(ordered["period_start"]).reset_index(drop=True)
    positions = [float(v) for v in x]
    ax.set_xticks(positions, _month_labels(stamps, lang, step=1))
    # A tick mark under every month, named or not, so a thinned axis still counts the months.
    ax.tick_params(axis="x", bottom=True, length=3, width=0.8, color="#BBBBBB")
    scale = (list(counts.get_yticks()), counts.get_ylabel())

    def refit(renderer: RendererBase) -> None:
        # The n labels first: the right-hand scale they replace moves the plot, and the
        # month names are fitted to where it ends up.
        _fit_n_labels(counts, marks, scale, renderer)
        _fit_month_labels(ax, positions, stamps, lang, renderer)

    ax.nps_kit_refit = refit  # type: ignore[attr-defined]
    ax.set_xlim(float(x.min()) - 20, float(x.max()) + 20)
    ax.grid(False, axis="x")
    top_legend(ax, handles, labels, title=title, ncols=3)
    hidden = [format_period(str(p), lang) for p in ordered["period"][gone]]
    notes = []
    if hidden and min_report_n:
        # Each month with its n, in the overview's and the e-mail's words (FIX63).
        months = [
            _hidden_fact(name, k, min_report_n, lang)
            for name, k in zip(hidden, n[gone], strict=True)
        ]
        notes.append(("、" if lang == "ja" else "; ").join(months))
    elif hidden:
        notes.append(_w("hidden", lang, names=join_names(hidden, lang)))
    if withheld.any():
        notes.append(_w("no_control", lang, min_n=min_n))
    if few_months:
        notes.append(_w("no_control_months", lang, min_months=control_min_months, n=few_months))
    if notes:
        note_below(ax, "\n".join(notes))
    facts = [
        _hidden_fact(format_period(str(p), lang), k, min_report_n, lang)
        if not np.isfinite(v) and min_report_n
        else nps_fact(format_period(str(p), lang), v, lo, hi, k, small=bool(sm), lang=lang)
        for p, v, lo, hi, k, sm in zip(ordered["period"], nps, low, high, n, small, strict=True)
    ][::-1]  # the reporting month first
    describe(ax, alt=alt_text(title, facts, lang), facts=facts)
    return ax


#: The size of a month's n: the note's under the chart, so that "n=6" fits a phone's month.
_N_SIZE = 10


def _fit_n_labels(
    counts: Axes, marks: list[Any], scale: tuple[list[float], str], renderer: RendererBase
) -> None:
    """Write every month's n where the labels fit side by side (a fitting step).

    A small unit's months (BROWSE31: 2-8 responses at 390 px) then each say their n, under
    their point (a hidden month's over its bar), and the right-hand scale, which only told it
    roughly, goes. Where they would touch (twelve months of 1,234 on a phone), the scale stays
    and only a hidden month's n is written.
    """
    ticks, name = scale
    counts.set_yticks(ticks)  # as drawn, whatever an earlier fit at another width chose
    counts.set_ylabel(name, color="#777777")
    for mark in marks:
        mark.set_visible(True)
    figure = counts.get_figure(root=True)
    with quiet_layout():
        figure.draw_without_rendering()  # type: ignore[union-attr]
    boxes = sorted((m.get_window_extent(renderer) for m in marks), key=lambda box: box.x0)
    size = marks[0].get_fontsize() if marks else 0.0
    gap = _LABEL_GAP * float(np.asarray(renderer.points_to_pixels(size)))
    if all(a.x1 + gap <= b.x0 for a, b in itertools.pairwise(boxes)):
        counts.set_yticks([])
        counts.set_ylabel("")
        return
    for mark in marks:
        mark.set_visible(mark.get_gid() == "responses-hidden-n")


def _hidden_fact(name: str, n: float, min_report_n: int, lang: Language) -> str:
    """``July 2026 (2 responses, fewer than 5: not shown)``: a month under the floor."""
    return hidden_month(name, round(n), min_report_n, lang)


def _between_gaps(values: np.ndarray) -> np.ndarray:
    """Which values are finite with no finite neighbour: a line or band cannot show them."""
    shown = np.isfinite(values)
    before = np.concatenate([[False], shown[:-1]])
    after = np.concatenate([shown[1:], [False]])
    return shown & ~before & ~after
