"""Fit a drawn chart to the size it is shown at, so nothing is cut and no text overprints text.

Run before every rendering (:func:`nps_kit.plot._png.palette_retina_png` for the report and the
e-mail, :func:`nps_kit.plot._png.to_png`) at the width the chart is drawn for: a desktop
report's 640 px, a phone's 390 px, the e-mail's 340 px. Titles and top legends start at the
left edge of the axes' y labels, not of the plot, so long row names leave them the whole width;
titles wrap, legends fold into fewer columns and wrap their longest labels, row names wrap at
:data:`ROW_LABEL_SHARE` of the width, x labels thin out, and :func:`grow_to_fit` makes the
figure taller while row names would touch or a legend leaves the plot too short.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import Any

from matplotlib.axes import Axes
from matplotlib.backend_bases import RendererBase
from matplotlib.figure import Figure
from matplotlib.text import Text
from matplotlib.ticker import FixedFormatter

from nps_kit.i18n import phrase_breaks
from nps_kit.plot._axes import left_title, title_text, top_legend
from nps_kit.plot._glyphs import DrawableFormatter, drawable
from nps_kit.plot._png import quiet_layout

__all__ = ["fit_to_width", "grow_to_fit", "layout_state", "restore_layout", "wrap_text"]

#: Widest the row names of a bar or dot chart may be, as a share of the figure's width: on a
#: phone a longer name wraps onto more lines, so its bars keep the rest of the width.
ROW_LABEL_SHARE = 0.45

#: Shortest the plot under a top legend may be, in inches (100 CSS px each): a legend of many
#: entries on a phone makes the figure taller instead of flattening the plot.
MIN_PLOT_HEIGHT = 1.6

#: Space left between two row names, in display px.
_ROW_GAP = 3.0


def wrap_text(artist: Text, text: str, room: float, renderer: RendererBase) -> str:
    """Break ``text`` into lines that each fit ``room`` display px when drawn as ``artist``.

    Lines break at phrase boundaries (:func:`nps_kit.i18n.phrase_breaks`), between two
    characters only where no boundary fits; breaks already in ``text`` stay. ``artist`` is left
    showing the result, which is returned.
    """

    def width(part: str) -> float:
        artist.set_text(part)
        return float(artist.get_window_extent(renderer).width)

    lines: list[str] = []
    for line in text.split("\n"):
        rest = line
        if not rest:
            lines.append("")
        while rest:
            if width(rest) <= room:
                lines.append(rest)
                break
            cut = 0
            for point in phrase_breaks(rest):
                if width(rest[:point].rstrip()) > room:
                    break
                cut = point
            if cut == 0:  # no break point fits: break between characters as a last resort
                cut = 1
                while cut < len(rest) and width(rest[: cut + 1]) <= room:
                    cut += 1
            lines.append(rest[:cut].rstrip())
            rest = rest[cut:].lstrip()
    wrapped = "\n".join(lines)
    artist.set_text(wrapped)
    return wrapped


def _wrap_title(ax: Axes, renderer: RendererBase, room: float) -> None:
    """Break a left title into lines that each fit ``room`` display pixels."""
    text = title_text(ax).replace("\n", "")
    if not text:
        return
    wrapped = wrap_text(left_title(ax), text, room, renderer)
    if wrapped != text:
        ax.nps_kit_wrapped = (text, wrapped)  # type: ignore[attr-defined]


def fit_to_width(fig: Figure) -> None:
    """Fit titles, top legends, row names and x labels inside ``fig`` at its current size.

    A title or legend wider than the figure would be cut at its edge ("…NPS改"), row names
    wider than half a phone's screen would squeeze the bars, x labels side by side would
    overprint. Its drawing passes are quiet (:func:`~nps_kit.plot._png.quiet_layout`): a
    crowded chart is still drawn, without a warning.
    """
    with quiet_layout():
        _fit_to_width(fig)


def _renderer(fig: Figure) -> RendererBase:
    renderer: RendererBase = getattr(fig, "_get_renderer")()  # noqa: B009 - the layout's renderer
    return renderer


def _fit_to_width(fig: Figure) -> None:
    fig.draw_without_rendering()
    renderer = _renderer(fig)
    width = fig.bbox.width
    for ax in fig.axes:
        _wrap_row_names(ax, renderer, ROW_LABEL_SHARE * width)
    fig.draw_without_rendering()
    _fit_headings(fig, renderer, width)
    refitted = False
    for ax in fig.axes:
        _thin_x_labels(ax, renderer)
        refit = getattr(ax, "nps_kit_refit", None)  # e.g. month labels, driver-chart labels
        if refit is not None:
            refit(renderer)
            refitted = True
    if refitted:  # a refit may move the plot (the trend's n scale gone): headings follow it
        fig.draw_without_rendering()
        _fit_headings(fig, renderer, width)


def _fit_headings(fig: Figure, renderer: RendererBase, width: float) -> None:
    # A long title first pushes the layout around; each pass fits the headings to the layout
    # the last one left, until every heading starts where its axes' labels start.
    for _ in range(4):
        moved = [ax for ax in fig.axes if _heading_is_off(ax, renderer, width)]
        if not moved:
            break
        for ax in moved:
            _fit_heading(ax, renderer, width)
        fig.draw_without_rendering()


def _margin(width: float) -> float:
    # Text is measured here at screen resolution but saved at twice it, where glyphs come out
    # a little wider: keep 3% of the width free, or a title's last characters are cut ("…NPS").
    return max(4.0, 0.03 * width)


def _heading_is_off(ax: Axes, renderer: RendererBase, width: float) -> bool:
    """Whether the title or legend of ``ax`` is not fitted to the layout as it is now."""
    title = left_title(ax)
    legend = ax.get_legend() if getattr(ax, "nps_kit_legend", None) is not None else None
    if not title.get_text() and legend is None and not getattr(ax, "nps_kit_notes", None):
        return False
    if getattr(ax, "nps_kit_fitted", None) != width:
        return True
    left = _heading_left(ax, renderer)
    starts = [float(ax.transAxes.transform((title.get_position()[0], 1.0))[0])]
    if legend is not None:
        starts.append(float(legend.get_bbox_to_anchor().x0))
    if any(abs(start - left) > 1 for start in starts):
        return True
    return bool(title.get_text()) and title.get_window_extent(renderer).x1 > width - _margin(width)


def _fit_heading(ax: Axes, renderer: RendererBase, width: float) -> None:
    """Fit the legend, then the title over it, from the left edge of the axes' labels."""
    left = _heading_left(ax, renderer)
    _fit_legend(ax, renderer, left=left, right=width - 2)
    _align_heading(ax, renderer, left)
    _pad_title(ax, renderer)
    _wrap_title(ax, renderer, width - left - _margin(width))
    _wrap_notes(ax, renderer, width - left - _margin(width))
    ax.nps_kit_fitted = width  # type: ignore[attr-defined]


def _heading_left(ax: Axes, renderer: RendererBase) -> float:
    """Left edge, in display px, of the axes together with its y tick labels and y label."""
    left = float(ax.get_window_extent(renderer).x0)
    if ax.yaxis.get_visible():
        decorations = ax.yaxis.get_tightbbox(renderer)
        if decorations is not None and decorations.width > 0:
            left = min(left, float(decorations.x0))
    return max(left, 0.0)


def _overhang(ax: Axes, renderer: RendererBase) -> float:
    """How far, in display px, the y labels reach above the plot (half the top tick label)."""
    if not ax.yaxis.get_visible():
        return 0.0
    decorations = ax.yaxis.get_tightbbox(renderer)
    if decorations is None or decorations.height <= 0:
        return 0.0
    return max(0.0, float(decorations.y1 - ax.get_window_extent(renderer).y1))


def _align_heading(ax: Axes, renderer: RendererBase, left: float) -> None:
    """Start the left title, the top legend and the notes under the chart at ``left`` px.

    None of them is in the layout sideways (the title counts one pixel wide, the legend and
    notes hold their room with one pixel), so moving them leaves the plot where it is. The
    legend starts above the top y tick label, which now sits under it.
    """
    box = ax.get_window_extent(renderer)
    x = (left - box.x0) / box.width if box.width > 0 else 0.0
    left_title(ax).set_x(x)
    legend = ax.get_legend()
    if legend is not None and getattr(ax, "nps_kit_legend", None) is not None:
        y = 1.0 + (_overhang(ax, renderer) / box.height if box.height > 0 else 0.0)
        legend.set_bbox_to_anchor((x, y), transform=ax.transAxes)
    for note, _ in getattr(ax, "nps_kit_notes", []):
        note.xy = (x, note.xy[1])


def _wrap_notes(ax: Axes, renderer: RendererBase, room: float) -> None:
    for note, text in getattr(ax, "nps_kit_notes", []):
        # The note as written: drawable again, as fill_missing_glyphs made the artist's text
        # (a hidden group's name may hold an emoji no chart font has).
        wrap_text(note, drawable(text), room, renderer)


def _fit_legend(ax: Axes, renderer: RendererBase, *, left: float, right: float) -> None:
    """Fold a top legend into fewer columns, then wrap its longest labels, until it fits."""
    spec = getattr(ax, "nps_kit_legend", None)
    if spec is None:
        return
    handles, labels, _, ncols = spec
    title = title_text(ax)  # as drawn, or as an analyst restyled it
    for n in range(ncols, 0, -1):
        left_title(ax).set_text(title)
        top_legend(ax, handles, labels, title=title, ncols=n, remember=False)
        legend = ax.get_legend()
        if legend is None:
            return
        _align_heading(ax, renderer, left)
        box = legend.get_window_extent(renderer)
        if box.x1 <= right:
            return
    # One column is still too wide ("fewer than 30 responses (indic" at 340 px): wrap.
    assert legend is not None  # the loop returned otherwise
    texts = legend.get_texts()
    widest = max(float(t.get_window_extent(renderer).width) for t in texts)
    room = (right - left) - (float(box.width) - widest)
    wrapped = [
        wrap_text(text, drawable(str(name)), room, renderer)
        for text, name in zip(texts, labels, strict=True)
    ]
    top_legend(ax, handles, wrapped, title=title, ncols=1, remember=False)
    _align_heading(ax, renderer, left)


def _pad_title(ax: Axes, renderer: RendererBase) -> None:
    """Put the left title just above the top legend, or above the top y label without one."""
    title = left_title(ax)
    if not title.get_text():
        return
    box = ax.get_window_extent(renderer)
    legend = ax.get_legend() if getattr(ax, "nps_kit_legend", None) is not None else None
    if legend is not None:
        top = float(legend.get_window_extent(renderer).y1)
    else:
        top = float(box.y1) + _overhang(ax, renderer)
    pad = (top - float(box.y1)) * 72 / ax.figure.dpi + 5
    ax.set_title(title.get_text(), loc="left", pad=pad)


def _wrap_row_names(ax: Axes, renderer: RendererBase, room: float) -> None:
    """Wrap the row names set by :func:`~nps_kit.plot._axes.row_labels` to ``room`` px."""
    rows = getattr(ax, "nps_kit_rows", None)
    if rows is None:
        return
    names, expected = rows
    formatter = ax.yaxis.get_major_formatter()
    current = formatter.inner if isinstance(formatter, DrawableFormatter) else formatter
    if current is not expected:  # relabelled since, e.g. in a notebook cell: theirs to lay out
        return
    ticks = ax.get_yticklabels()
    if not ticks:
        return
    probe = ticks[0]  # measured in the tick labels' own font; every label is set again below
    wrapped = [wrap_text(probe, drawable(str(name)), room, renderer) for name in names]
    fixed = FixedFormatter(wrapped)
    ax.yaxis.set_major_formatter(DrawableFormatter(fixed))
    ax.nps_kit_rows = (names, fixed)  # type: ignore[attr-defined]


def _thin_x_labels(ax: Axes, renderer: RendererBase) -> None:
    """Hide every other x tick label while labels overlap, always keeping the last one."""
    # Every tick's label: get_xticklabels() leaves out the ones an earlier, narrower fit hid.
    labels = [t.label1 for t in ax.xaxis.get_major_ticks() if t.label1.get_text().strip()]
    for x in labels:
        x.set_visible(True)
    for step in (1, 2, 3, 4, 6):
        shown = labels[::-1][::step][::-1]  # counted from the end: the last label stays
        for x in labels:
            x.set_visible(x in shown)
        boxes = [x.get_window_extent(renderer) for x in shown]
        if all(a.x1 + 2 <= b.x0 for a, b in itertools.pairwise(boxes)):
            return


def _row_crowding(ax: Axes, renderer: RendererBase) -> float:
    """How many times taller the rows must get for their names not to touch (1: they fit)."""
    if getattr(ax, "nps_kit_rows", None) is None:
        return 1.0
    shown = [t for t in ax.get_yticklabels() if t.get_visible() and t.get_text().strip()]
    boxes = sorted((t.get_window_extent(renderer) for t in shown), key=lambda b: b.y0)
    ratio = 1.0
    for a, b in itertools.pairwise(boxes):
        apart = (b.y0 + b.y1 - a.y0 - a.y1) / 2  # between the rows' centres
        needed = (a.height + b.height) / 2 + _ROW_GAP
        if apart > 0:
            ratio = max(ratio, needed / apart)
    return float(ratio)


def grow_to_fit(fig: Figure) -> bool:
    """Make ``fig`` taller while row names overlap or a plot under its legend is too short.

    Call after :func:`fit_to_width`; the figure is fitted again at each new height. Its width
    stays. Returns whether the figure grew.
    """
    grew = False
    for _ in range(4):
        with quiet_layout():
            fig.draw_without_rendering()
        renderer = _renderer(fig)
        extra = 0.0
        for ax in fig.axes:
            height = float(ax.get_window_extent(renderer).height)
            extra = max(extra, height * (_row_crowding(ax, renderer) - 1))
            if getattr(ax, "nps_kit_legend", None) is not None:
                extra = max(extra, MIN_PLOT_HEIGHT * fig.dpi - height)
        if extra < 1:
            break
        width, height = (float(v) for v in fig.get_size_inches())
        fig.set_size_inches(width, height + (extra + 2) / fig.dpi)
        fit_to_width(fig)
        grew = True
    return grew


LayoutState = list[tuple[Axes, str, Any]]


def layout_state(fig: Figure) -> LayoutState:
    """Each axes' title and legend as set, for :func:`restore_layout`."""
    return [(ax, title_text(ax), getattr(ax, "nps_kit_legend", None)) for ax in fig.axes]


def restore_layout(fig: Figure, saved: Sequence[tuple[Axes, str, Any]]) -> None:
    """Put back titles and legends as saved and fit them to the figure's size again."""
    for ax, title, legend in saved:
        ax.nps_kit_fitted = None  # type: ignore[attr-defined]
        left_title(ax).set_text(title)
        if legend is not None:
            handles, labels, _, ncols = legend
            top_legend(ax, handles, labels, title=title, ncols=ncols)
    fit_to_width(fig)
