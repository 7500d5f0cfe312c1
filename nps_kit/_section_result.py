"""What a report section computed and shows, and the page that shows sections in order.

A section function of :mod:`nps_kit.sections` computes its tables and draws its figures, then
returns a :class:`SectionResult` without displaying anything; showing it is a separate step
(:meth:`SectionResult.show`, :func:`show`, or :meth:`Page.show`, which also keeps it for the
run summary). In between, a notebook cell can restyle a figure::

    trend = sections.trend(u, target=target)
    trend.ax.set_title("NPS by month", loc="left")
    page.show(trend)

Figures are detached from pyplot when drawn, so the notebook's inline backend never shows them
on its own: a figure appears where, and only when, its section is shown.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

if TYPE_CHECKING:
    from nps_kit.analysis import FollowupAnalysis
    from nps_kit.summary import UnitSummary
    from nps_kit.unit import UnitData

__all__ = ["Page", "SectionResult", "show"]


@dataclass(frozen=True)
class _Publish:
    """A part that hands data to the runner when shown (the follow-up work table)."""

    publish: Callable[[], None]


@dataclass(frozen=True, eq=False)
class SectionResult:
    """What one report section computed, and what it shows.

    Attributes
    ----------
    name
        The section, e.g. ``"trend"`` (the names of ``sections:`` in the parameters, plus
        ``"title"``, ``"change_drivers"`` and ``"followup_status"``).
    value
        What later cells use: the :class:`~nps_kit.unit.Headline`, the trend table, the tables
        by breakdown, the :class:`~nps_kit.closed_loop.FollowupList`… (``None`` when the
        section only shows words).
    tables
        The tidy tables behind what is shown, by name.
    parts
        What :meth:`show` displays, in order: HTML blocks, figures, and data for the runner.
    """

    name: str
    value: Any = None
    tables: Mapping[str, pd.DataFrame] = field(default_factory=dict)
    parts: tuple[Any, ...] = ()

    @property
    def figures(self) -> tuple[Figure, ...]:
        """The section's figures, in the order they are shown."""
        return tuple(p for p in self.parts if isinstance(p, Figure))

    @property
    def figure(self) -> Figure:
        """The section's figure; an error when it has none or several (use :attr:`figures`)."""
        figures = self.figures
        if len(figures) != 1:
            raise ValueError(
                f"the {self.name} section has {len(figures)} figures, not one; "
                f"pick one from .figures (0 to {len(figures) - 1})"
                if figures
                else f"the {self.name} section has no figure"
            )
        return figures[0]

    @property
    def ax(self) -> Axes:
        """The main axes of :attr:`figure` (the one with the title)."""
        return self.figure.axes[0]

    @property
    def html(self) -> str:
        """The HTML of the section's text parts (figures and data for the runner left out)."""
        return "\n".join(p._repr_html_() for p in self.parts if hasattr(p, "_repr_html_"))

    def show(self) -> None:
        """Display the section: its parts, in order, as the notebook shows any output."""
        from IPython.display import display

        for part in self.parts:
            if isinstance(part, _Publish):
                part.publish()
            else:
                display(part)

    def _ipython_display_(self) -> None:
        # A cell ending with a section result shows it, as it would show a table or a chart.
        self.show()


def show(*results: SectionResult) -> None:
    """Display each of ``results`` in turn (:meth:`SectionResult.show`)."""
    for result in results:
        result.show()


class Page:
    """The sections a report shows, in order; the run summary is built from what was shown.

    A report notebook makes one page in its set-up cell, shows each section with
    :meth:`show`, and ends with :meth:`summary`. A section the unit leaves out (``sections:``
    in its parameters) is never shown, so the summary has nothing of it: no trend without the
    trend section, no top themes without the follow-ups, no actions without the strategies and
    no detractor count without the follow-up list.

    Parameters
    ----------
    unit
        The unit the page reports on.
    """

    def __init__(self, unit: UnitData) -> None:
        self.unit = unit
        self._shown: dict[str, SectionResult] = {}

    def show(self, *results: SectionResult) -> None:
        """Display ``results`` in turn and keep them by name for :meth:`summary`."""
        for result in results:
            result.show()
            self._shown[result.name] = result

    def __contains__(self, name: object) -> bool:
        return name in self._shown

    def __getitem__(self, name: str) -> SectionResult:
        return self._shown[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._shown)

    def names(self) -> list[str]:
        """Return the names of the sections shown so far, in order."""
        return list(self._shown)

    def summary(
        self,
        analysis: FollowupAnalysis | None = None,
        *,
        target: float | None = None,
        min_n: int | None = None,
    ) -> UnitSummary:
        """Build and publish the unit's run summary from the sections shown.

        Parameters
        ----------
        analysis
            The follow-up analysis; its top themes are published when the follow-ups were
            shown and its actions when the strategies were.
        target
            The unit's NPS target.
        min_n
            The small-sample threshold the sections were shown with.

        Returns
        -------
        UnitSummary
            What was published (:func:`nps_kit.sections.summary`).

        Raises
        ------
        ValueError
            When the headline was not shown: the summary's numbers are the headline's.
        """
        from nps_kit.sections import summary

        if "headline" not in self._shown:
            raise ValueError(
                "the run summary needs the headline section: show it with "
                "page.show(sections.headline_section(...)) before page.summary()"
            )

        def value(name: str) -> Any:
            return self._shown[name].value if name in self._shown else None

        return summary(
            self.unit,
            value("headline"),
            value("trend"),
            analysis,
            value("detractors"),
            loop=value("followup_status"),
            target=target,
            contributors=value("change_drivers") or (),
            shown=self.names(),
            min_n=min_n,
            incomplete=value("title"),
        )


def detach(ax: Axes) -> Figure:
    """Return the figure of ``ax``, detached from pyplot so only :meth:`show` displays it."""
    fig = ax.figure
    if not isinstance(fig, Figure):  # pragma: no cover - our charts draw on whole figures
        raise TypeError(f"expected axes of a whole figure; found one of {type(fig).__name__}")
    plt.close(fig)
    return fig
