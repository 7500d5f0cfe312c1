"""Fold the analysts' sections of a rendered report under their headings.

A manager opening a report on a phone reads the headline, the actions and who to call back; the
method, the data quality, the score distribution and every follow-up table are for analysts
(REPORT31: 46 phone screens, 28 of them those four sections). Each section of
:data:`nps_kit.notebook.ANALYST_SECTIONS` becomes one ``<details>`` whose ``<summary>`` is the
section's own heading: closed on screen, every word still in the page (find-in-page opens it),
printed open (``report.css``). No script: a reader opens a fold by tapping its heading.
"""

from __future__ import annotations

from bs4 import BeautifulSoup, Tag

from nps_kit.i18n import Language, t
from nps_kit.notebook import ANALYST_SECTIONS

__all__ = ["fold_sections"]

#: Class of a folded section (``<details>``), its summary and the line before the first fold.
FOLD = "nps-fold"
SUMMARY = "nps-fold__summary"
INTRO = "nps-fold-intro"


def _blocks(main: Tag) -> list[tuple[str | None, list[Tag]]]:
    """Return the page's cells as runs of one section each (``None``: cells of no section)."""
    runs: list[tuple[str | None, list[Tag]]] = []
    for child in main.find_all(recursive=False):
        name = child.get("data-section")
        name = str(name) if name is not None else None
        if runs and runs[-1][0] == name:
            runs[-1][1].append(child)
        else:
            runs.append((name, [child]))
    return runs


def _fold(soup: BeautifulSoup, name: str, cells: list[Tag]) -> Tag:
    details = soup.new_tag("details", attrs={"class": FOLD, "data-section": name})
    summary = soup.new_tag("summary", attrs={"class": f"{SUMMARY} nps-prose"})
    heading = next((c.find("h2") for c in cells if c.find("h2") is not None), None)
    if heading is not None:
        summary.append(heading.extract())
    else:  # an analyst's own cells tagged for the section, without its heading
        fallback = soup.new_tag("h2")
        fallback.string = name
        summary.append(fallback)
    cells[0].insert_before(details)
    details.append(summary)
    for cell in cells:
        details.append(cell.extract())
    return details


def fold_sections(soup: BeautifulSoup, *, lang: Language) -> int:
    """Fold every analysts' section of a rendered report into a ``<details>`` under its heading.

    Parameters
    ----------
    soup
        A report page from the ``nps_report`` template (each cell a child of ``main`` carrying
        ``data-section`` when its notebook cell is tagged ``section-<name>``), changed in place:
        each run of cells of a section in :data:`~nps_kit.notebook.ANALYST_SECTIONS` moves into
        ``<details class="nps-fold">`` with the section's ``<h2>`` as its ``<summary>``, where
        the run stood (a unit's ``sections:`` order is kept), and one ``nps-fold-intro`` line
        goes before the first fold. A page without such a section is left as it is.
    lang
        The report's language, for the line before the first fold.

    Returns
    -------
    int
        The number of folds made.
    """
    main = soup.find("main")
    if not isinstance(main, Tag):
        return 0
    folds = [
        _fold(soup, name, cells)
        for name, cells in _blocks(main)
        if name is not None and name in ANALYST_SECTIONS
    ]
    if folds:
        intro = soup.new_tag("p", attrs={"class": INTRO})
        intro.string = t("report.analyst_part", lang)
        folds[0].insert_before(intro)
    return len(folds)
