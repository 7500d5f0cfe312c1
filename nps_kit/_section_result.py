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

from nps_kit.score import DEFAULT_MIN_REPORT_N

if TYPE_CHECKING:
    from nps_kit.analysis import FollowupAnalysis
    from nps_kit.summary import UnitSummary
    from nps_kit.unit import UnitData

__all__ = ["FLOOR_HIDDEN", "FLOOR_MIME", "Page", "SectionResult", "floor_hidden", "show"]

FLOOR_HIDDEN: tuple[str, ...] = (
    "distribution",
    "trend",
    "breakdowns",
    "strategies",
    "followups",
    "quality",
)
"""Sections a page leaves out when its month is under the anonymity floor (FIX60B).

Each is made of figures of the month's score mix (its distribution, the trend's current point
and change, groups, segment strategies and their evidence, follow-up answers by score, themes and
their gains, segment figures of data quality). The headline shows only n (and the fiscal year to
date when it tells no month under the floor), the detractor follow-up (the call-back list, not a
group) and the method stay.
"""

#: The runner-channel output a section left out under the floor shows in its place: the HTML
#: leaves out that section's cells (:func:`nps_kit.render.render_html`), as a unit's
#: ``sections:`` would, so a notebook run by hand renders as ``nps-kit run`` renders it.
FLOOR_MIME = "application/vnd.nps-kit.floor-hidden+json"


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

    A month with fewer scored responses than the anonymity floor ``min_report_n`` shows none of
    the sections made of its score mix (:data:`FLOOR_HIDDEN`): :meth:`show` shows a line saying
    why in place of each (left out of the HTML with the section's heading) and, after the
    headline, the one line that names them. So a notebook run by hand (JupyterLab, papermill)
    honours the floor as ``nps-kit run`` does; the cells themselves only call :meth:`show`.

    Parameters
    ----------
    unit
        The unit the page reports on.
    min_report_n
        The unit's anonymity floor (``thresholds.min_report_n``); ``None`` or 0 hides nothing.
        Its default is nps-kit's (5), so a page made before it was passed still hides.
    """

    def __init__(self, unit: UnitData, *, min_report_n: int | None = DEFAULT_MIN_REPORT_N) -> None:
        self.unit = unit
        self._shown: dict[str, SectionResult] = {}
        self.min_report_n = min_report_n
        #: The month's scored responses when they are under the floor, else ``None``.
        self.under_floor = _under_floor(unit, min_report_n)

    def show(self, *results: SectionResult) -> None:
        """Display ``results`` in turn and keep them by name for :meth:`summary`.

        Under the anonymity floor a section of :data:`FLOOR_HIDDEN` is not shown (nor kept):
        a line says why in its place.
        """
        from IPython.display import display

        from nps_kit import _channel, report
        from nps_kit.i18n import t

        lang = self.unit.language
        for result in results:
            if self.under_floor is not None and result.name in FLOOR_HIDDEN:
                _channel.publish(FLOOR_MIME, {"section": result.name})
                display(report.callout(t("sections.floor_hidden", lang, floor=self.min_report_n)))
                continue
            result.show()
            self._shown[result.name] = result
        if self.under_floor is not None and any(r.name == "headline" for r in results):
            note = t("sections.floor_note", lang, n=self.under_floor, floor=self.min_report_n)
            display(report.callout(note))

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
            min_report_n=self.min_report_n,
        )


def _under_floor(unit: UnitData, min_report_n: int | None) -> int | None:
    """Return the month's scored responses when they are under the floor, else ``None``.

    The headline's n (:func:`nps_kit.score.nps` of the month) against the one test of the
    e-mail, the overview and the summary (:func:`nps_kit.summary.under_floor`).
    """
    from nps_kit.score import nps
    from nps_kit.summary import UnitSummary, under_floor

    n = nps(unit.current).n
    return n if under_floor(UnitSummary(n=n), min_report_n) else None


def floor_hidden(nb: Any) -> list[str]:
    """Return the sections an executed notebook left out under the floor (:data:`FLOOR_MIME`).

    Each is named by the ``section-<name>`` tag of the cell that showed the line in its place; a
    cell without one (an analyst's own) names none, so its line stays in the HTML.
    """
    from nps_kit.notebook import _section_of

    found = []
    for cell in nb.cells:
        outputs = cell.get("outputs", []) if cell.get("cell_type") == "code" else []
        name = _section_of(cell)
        if name and any(FLOOR_MIME in (o.get("data") or {}) for o in outputs):
            found.append(name)
    return list(dict.fromkeys(found))


def detach(ax: Axes) -> Figure:
    """Return the figure of ``ax``, detached from pyplot so only :meth:`show` displays it."""
    fig = ax.figure
    if not isinstance(fig, Figure):  # pragma: no cover - our charts draw on whole figures
        raise TypeError(f"expected axes of a whole figure; found one of {type(fig).__name__}")
    plt.close(fig)
    return fig
