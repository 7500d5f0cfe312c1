"""Axes helpers of the charts: new axes, titles, row names, NPS axes, legends and notes."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.backend_bases import RendererBase
from matplotlib.legend_handler import HandlerTuple
from matplotlib.text import Text
from matplotlib.ticker import MaxNLocator
from matplotlib.transforms import Bbox

from nps_kit.i18n import Language
from nps_kit.plot._base import HEIGHT, NEUTRAL_COLOR, WIDTH, ZERO_COLOR, FloatArray, text


def left_title(ax: Axes) -> Text:
    title: Text = getattr(ax, "_left_title")  # noqa: B009 - matplotlib keeps loc="left" titles here
    return title


def title_text(ax: Axes) -> str:
    """Return the left title of ``ax`` as set, without the breaks fitting it added.

    A title set after the chart was drawn (``ax.set_title("…", loc="left")`` in a notebook
    cell) is returned as it is, so it survives every refit.
    """
    text = left_title(ax).get_text()
    wrapped = getattr(ax, "nps_kit_wrapped", None)
    if wrapped is not None and wrapped[1] == text:
        return str(wrapped[0])
    return text


def row_labels(ax: Axes, positions: Iterable[float], names: Sequence[str]) -> None:
    """Name the rows of a bar or dot chart, so fitting it to a width can wrap the names.

    On a phone a name wider than :data:`nps_kit.plot._fit.ROW_LABEL_SHARE` of the chart wraps
    onto more lines and the image grows taller (:func:`nps_kit.plot._fit.grow_to_fit`) rather
    than print names over each other.
    """
    ax.set_yticks([float(p) for p in positions], list(names))
    ax.nps_kit_rows = (list(names), ax.yaxis.get_major_formatter())  # type: ignore[attr-defined]


def new_axes(ax: Axes | None, *, rows: float | None = None, height: float = HEIGHT) -> Axes:
    """Return ``ax``, or a new report-sized axes (taller for charts with many rows)."""
    if ax is not None:
        return ax
    if rows is not None:
        height = max(height, 1.4 + 0.38 * rows)
    _, new = plt.subplots(figsize=(WIDTH, height), layout="constrained")
    return new


def no_data(ax: Axes, *, lang: Language, title: str) -> Axes:
    """Draw the "no data" note on an otherwise empty axes."""
    ax.set_title(title, loc="left")
    ax.text(
        0.5,
        0.5,
        text("no_data", lang),
        transform=ax.transAxes,
        ha="center",
        va="center",
        fontsize=12,
        color=NEUTRAL_COLOR,
        gid="no-data",
    )
    ax.set_xticks([])
    ax.set_yticks([])
    ax.grid(False)
    for spine in ax.spines.values():
        spine.set_visible(False)
    return ax


def zero_line(ax: Axes, *, axis: str) -> None:
    """Draw the NPS zero line (vertical for ``axis="x"``)."""
    style: dict[str, Any] = {"color": ZERO_COLOR, "linewidth": 1.0, "zorder": 1, "gid": "nps-zero"}
    if axis == "x":
        ax.axvline(0.0, **style)
    else:
        ax.axhline(0.0, **style)


def nps_limits(values: Sequence[float] | FloatArray) -> tuple[float, float]:
    """Axis limits in points that include zero, the values and some room, inside −100…100."""
    finite = np.asarray(values, dtype=float)
    finite = finite[np.isfinite(finite)]
    low = min(0.0, float(finite.min())) if finite.size else -10.0
    high = max(0.0, float(finite.max())) if finite.size else 10.0
    pad = max(5.0, 0.08 * (high - low))
    return max(-105.0, low - pad), min(105.0, high + pad)


_NICE_STEPS = [1, 2, 5, 10]  # ticks at ±5, ±10, ±20 … points, never at 8 or 15


def nps_axis(ax: Axes, *, axis: str, lang: Language, values: FloatArray) -> None:
    """Label an NPS axis in points, set limits and draw the zero line."""
    low, high = nps_limits(values)
    if axis == "x":
        ax.set_xlim(low, high)
        ax.set_xlabel(text("nps_axis", lang))
        ax.xaxis.set_major_locator(MaxNLocator(nbins=8, steps=_NICE_STEPS, integer=True))
    else:
        ax.set_ylim(low, high)
        ax.set_ylabel(text("nps_axis", lang))
        ax.yaxis.set_major_locator(MaxNLocator(nbins=6, steps=_NICE_STEPS, integer=True))
    zero_line(ax, axis=axis)


class _Room(Artist):
    """Holds the height of a heading or note of an axes in constrained layout, one pixel wide.

    The legend above a chart and the note under it stay out of the layout themselves: counted
    at their full width, one wider than the plot made constrained layout narrow the plot to a
    third of the e-mail's chart, and, anchored to the plot, they moved with it and never
    settled. Counted one pixel wide, each only takes its height above or under the plot.
    """

    def __init__(self, ax: Axes, held: Callable[[], Artist | None]) -> None:
        super().__init__()
        self._owner = ax
        self._held = held

    def get_tightbbox(self, renderer: RendererBase | None = None) -> Bbox | None:
        held = self._held()
        if held is None or not held.get_visible():
            return None
        box = held.get_window_extent(renderer)
        x0 = self._owner.get_window_extent(renderer).x0
        return Bbox([[x0, box.y0], [x0 + 1, box.y1]])

    def get_window_extent(self, renderer: RendererBase | None = None) -> Bbox:
        return self.get_tightbbox(renderer) or Bbox.null()

    def draw(self, renderer: RendererBase) -> None:
        """Draw nothing: what it holds room for draws itself."""


def _hold_room(ax: Axes, held: Callable[[], Artist | None], *, gid: str) -> None:
    """Take ``held()`` out of the layout and hold its height instead (once per ``gid``)."""
    artist = held()
    if artist is not None:
        artist.set_in_layout(False)
    if any(isinstance(a, _Room) and a.get_gid() == gid for a in ax.get_children()):
        return
    room = _Room(ax, held)
    room.set_gid(gid)
    ax.add_artist(room)
    room.set_clip_on(False)  # clipped to the axes, the layout would not count it


def top_legend(
    ax: Axes,
    handles: Sequence[Any],
    labels: Sequence[str],
    *,
    title: str,
    ncols: int = 4,
    remember: bool = True,
) -> None:
    """Put the title top left and the legend right under it, above the plot area.

    Outside the data so it never hides a point; fitting the chart to its width
    (:func:`nps_kit.plot._fit.fit_to_width`) folds it into more rows when the figure is too
    narrow for ``ncols`` columns (``remember=False`` is that refit), wraps its longest labels
    when one column is still too wide, and puts the title just above it.
    """
    if remember:
        ax.nps_kit_legend = (list(handles), list(labels), title, ncols)  # type: ignore[attr-defined]
    ncols = max(1, min(ncols, len(handles)))
    rows = math.ceil(len(handles) / ncols) if handles else 0
    if handles:
        ax.legend(
            handles,
            labels,
            loc="lower left",
            bbox_to_anchor=(0.0, 1.0),
            ncols=ncols,
            frameon=False,
            borderaxespad=0.2,
            handlelength=1.6,
            columnspacing=1.2,
            # A key of two artists (a plain and a hatched bar) side by side, not overlaid.
            handler_map={tuple: HandlerTuple(ndivide=None, pad=0.2)},
        )
        _hold_room(ax, ax.get_legend, gid="legend-room")
    ax.set_title(title, loc="left", pad=6 + 19 * rows)  # until fitting measures the legend


def note_below(ax: Axes, note: str) -> None:
    """Write a small note under the x-axis (e.g. which groups were hidden)."""

    def below_x_axis(renderer: RendererBase) -> Bbox:
        # Tick labels and axis label together, whichever is present, resolved at draw time.
        box = ax.xaxis.get_tightbbox(renderer)
        return box if box is not None else ax.get_window_extent(renderer)

    annotation = ax.annotate(
        note,
        xy=(0.0, 0.0),
        xycoords=("axes fraction", below_x_axis),
        xytext=(0, -4),
        textcoords="offset points",
        ha="left",
        va="top",
        fontsize=10,
        color="#444444",
        gid="note",
        annotation_clip=False,
    )
    # Fitting wraps it to the figure's width and starts it under the y labels, as the title.
    ax.nps_kit_notes = [*getattr(ax, "nps_kit_notes", []), (annotation, note)]  # type: ignore[attr-defined]
    _hold_room(ax, lambda: annotation, gid=f"note-room-{len(ax.nps_kit_notes)}")  # type: ignore[attr-defined]
