"""Layout checks of a drawn chart: what a reader would see cut or printed over other text.

``layout_problems(fig)`` measures the figure as it is laid out now; ``rendered_layouts``
measures every image :func:`nps_kit.plot._png.palette_retina_png` renders (the chart and its
phone variant) at the moment it is rendered, so a test checks the pictures the report and the
e-mail show, not the figure as it was left afterwards.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import pytest
from matplotlib.axes import Axes
from matplotlib.axis import Axis
from matplotlib.figure import Figure
from matplotlib.text import Text
from matplotlib.transforms import Bbox

from nps_kit.plot import _png as plot_png


def _shown(texts: list[Text]) -> list[Text]:
    return [t for t in texts if t.get_visible() and t.get_text().strip()]


def drawn_tick_labels(axis: Axis) -> list[Text]:
    """The tick labels the axis draws: inside its view limits, visible, not blank."""
    if not axis.get_visible():
        return []
    ticks = axis._update_ticks()  # the ticks inside the view limits, as drawn
    return _shown([label for tick in ticks for label in (tick.label1, tick.label2)])


def _name(text: Text) -> str:
    return repr(text.get_text().replace("\n", "⏎"))


def _inside(box: Bbox, fig: Figure) -> bool:
    return (
        box.x0 >= -0.5
        and box.y0 >= -0.5
        and box.x1 <= fig.bbox.width + 0.5
        and (box.y1 <= fig.bbox.height + 0.5)
    )


def _apart(a: Bbox, b: Bbox) -> bool:
    """Boxes that at most touch (a shared edge is no overlap)."""
    return a.x1 <= b.x0 + 0.5 or b.x1 <= a.x0 + 0.5 or a.y1 <= b.y0 + 0.5 or b.y1 <= a.y0 + 0.5


def left_title(ax: Axes) -> Text:
    title: Text = getattr(ax, "_left_title")  # noqa: B009 - where matplotlib keeps it
    return title


def layout_problems(fig: Figure) -> list[str]:
    """Everything cut at the figure's edge or printed over other text, as sentences.

    Checked: tick labels of each axis against each other; every tick label, axis label, title
    and legend inside the figure; titles, legends and axis labels against each other and
    against every tick label. Value labels drawn on bars are the charts' own business.
    """
    with plot_png.quiet_layout():  # a crowded chart is still drawn, as in the report
        fig.draw_without_rendering()
    renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]
    problems: list[str] = []
    headings: list[tuple[str, Bbox]] = []
    ticks: list[tuple[str, Bbox]] = []
    for ax in fig.axes:
        for axis, labels in (("x", ax.xaxis), ("y", ax.yaxis)):
            boxes = [(_name(t), t.get_window_extent(renderer)) for t in drawn_tick_labels(labels)]
            for (na, a), (nb, b) in itertools.combinations(boxes, 2):
                if not _apart(a, b):
                    problems.append(f"{axis} tick labels {na} and {nb} overlap")
            ticks += boxes
        for text in _shown([left_title(ax), ax.title, ax.xaxis.label, ax.yaxis.label]):
            headings.append((_name(text), text.get_window_extent(renderer)))
        legend = ax.get_legend()
        if legend is not None and legend.get_visible():
            headings.append(("the legend", legend.get_window_extent(renderer)))
    for name, box in headings + ticks:
        if not _inside(box, fig):
            problems.append(f"{name} is cut at the figure's edge ({box.bounds})")
    for (na, a), (nb, b) in itertools.combinations(headings, 2):
        if not _apart(a, b):
            problems.append(f"{na} and {nb} overlap")
    for (na, a), (nb, b) in itertools.product(headings, ticks):
        if not _apart(a, b):
            problems.append(f"{na} and tick label {nb} overlap")
    return problems


@dataclass
class Rendered:
    """One rendered image's size (inches), its problems and its axes' boxes (display px)."""

    size: tuple[float, float]
    problems: list[str]
    axes: list[Bbox] = field(default_factory=list)
    x_labels: list[list[str]] = field(default_factory=list)
    ticks: list[list[float]] = field(default_factory=list)


@contextmanager
def rendered_layouts(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[Rendered]]:
    """Measure every image ``palette_retina_png`` renders while the block runs."""
    seen: list[Rendered] = []
    original = plot_png._palette_png

    def measure(fig: Figure) -> Any:
        problems = layout_problems(fig)
        renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]
        seen.append(
            Rendered(
                size=(float(fig.get_size_inches()[0]), float(fig.get_size_inches()[1])),
                problems=problems,
                axes=[ax.get_window_extent(renderer) for ax in fig.axes],
                x_labels=[[t.get_text() for t in drawn_tick_labels(ax.xaxis)] for ax in fig.axes],
                ticks=[[float(v) for v in ax.get_xticks()] for ax in fig.axes],
            )
        )
        return original(fig)

    with monkeypatch.context() as patch:
        patch.setattr(plot_png, "_palette_png", measure)
        yield seen
