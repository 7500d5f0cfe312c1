"""Lines of the package's report notebook that a project's older copy may lack.

``nps-kit init`` copies the notebook into the project, where the analyst edits it; a line the
package's notebook gains later (a keyword a section call passes) never reaches that copy, and
its reports silently miss what the line does. :func:`missing_lines` reads the copy's calls (with
:mod:`ast`, so a reflowed call, a renamed variable or a cell of the analyst's own is no change)
and :func:`outdated_warning` says once, for a run, which of the missing lines its units need
and what to copy. A version number in the notebook would be wrong both ways: copying a line
would not bump it, and copying the metadata without the lines would.
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import nbformat

from nps_kit.params import UnitParameters

__all__ = ["LINES", "NotebookLine", "missing_lines", "outdated_warning", "outdated_warnings"]


@dataclass(frozen=True)
class NotebookLine:
    """A keyword a section's call passes in the package's notebook, and what it does.

    Attributes
    ----------
    section
        The section's tag name (its cells are tagged ``section-<section>``).
    call
        The function called (``sections.<call>(...)``).
    keyword
        The keyword the call passes.
    line
        The line of the package's notebook to copy.
    does
        What the report does with it, said in the warning.
    needed
        Whether a unit's report differs without the line.
    """

    section: str
    call: str
    keyword: str
    line: str
    does: str
    needed: Callable[[UnitParameters], bool]


#: Every line added to a section call since projects copied the notebook, oldest first.
LINES = (
    NotebookLine(
        "detractors",
        "detractors",
        "status",
        "status=loop.value,  (with loop = sections.followup_status(...) above)",
        "the people the returned status file marks contacted are listed as contacted, with the "
        "day, not as overdue.",
        lambda unit: unit.closed_loop.status_file is not None,
    ),
    NotebookLine(
        "detractors",
        "detractors",
        "contact_details",
        "contact_details=contact_details,",
        "without a consent column, section 7 lists the detractors who left a phone number or "
        "e-mail address (columns.contact_details), as nps-kit alerts alerts them, instead of "
        "every detractor as 'consent unknown'.",
        lambda unit: unit.columns.contact is None and bool(unit.columns.contact_details),
    ),
    NotebookLine(
        "followups",
        "followups",
        "strategies",
        'strategies="strategies" in page,',
        "an improvement question's note no longer names the actions in a report without the "
        "strategies section.",
        lambda unit: unit.sections is not None and "strategies" not in unit.sections,
    ),
)


#: Stands for the keywords a call passes with ``**mapping``: any of them.
_ANY = "**"


def _calls(source: str) -> list[ast.Call]:
    # IPython magics and shell lines (%matplotlib, !pip) are no Python: left out.
    lines = ["" if line.lstrip().startswith(("%", "!")) else line for line in source.splitlines()]
    try:
        tree = ast.parse("\n".join(lines))
    except SyntaxError:
        return []
    return [node for node in ast.walk(tree) if isinstance(node, ast.Call)]


def _name(call: ast.Call) -> str | None:
    func = call.func
    if isinstance(func, ast.Attribute):
        return func.attr
    return func.id if isinstance(func, ast.Name) else None


def missing_lines(nb: nbformat.NotebookNode) -> list[NotebookLine]:
    """List the :data:`LINES` that ``nb`` lacks.

    A line is lacking when the notebook has the section and calls its function, but never with
    the keyword. A section the analyst removed, or whose call they replaced, lacks nothing, nor
    does a call passing ``**mapping`` (which may hold the keyword): the check never guesses at
    code of their own.

    Parameters
    ----------
    nb
        A report notebook (:func:`nps_kit.notebook.read_report_notebook`).

    Returns
    -------
    list of NotebookLine
        In :data:`LINES` order.
    """
    keywords: dict[tuple[str, str], set[str]] = {}
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        tags = cell.metadata.get("tags", [])
        for tag in (t for t in tags if t.startswith("section-")):
            section = tag.removeprefix("section-")
            for call in _calls(cell.source):
                name = _name(call)
                if name is not None:
                    found = keywords.setdefault((section, name), set())
                    # `**mapping` may hold any keyword: the analyst's own code, never guessed at.
                    found |= {_ANY if k.arg is None else k.arg for k in call.keywords}
    return [
        line
        for line in LINES
        if (line.section, line.call) in keywords
        and not {line.keyword, _ANY} & keywords[(line.section, line.call)]
    ]


def outdated_warning(
    notebook: Path, missing: Sequence[NotebookLine], units: Sequence[UnitParameters]
) -> str | None:
    """Say which missing lines ``units`` need and what to copy; ``None`` when none is needed.

    Parameters
    ----------
    notebook
        The project's notebook.
    missing
        Its missing lines (:func:`missing_lines`).
    units
        The run's units that use ``notebook``.

    Returns
    -------
    str or None
        A ``warning:`` paragraph, or ``None``.
    """
    needed = [(line, [u.unit for u in units if line.needed(u)]) for line in missing]
    needed = [(line, ids) for line, ids in needed if ids]
    if not needed:
        return None
    ids = list(dict.fromkeys(i for _, names in needed for i in names))
    n = len(needed)
    lines = "\n".join(
        f"  - section {line.section!r}, in sections.{line.call}(...): {line.line}\n    {line.does}"
        for line, _ in needed
    )
    packaged = Path(__file__).parent / "resources" / "nps_report.ipynb"
    return (
        f"warning: {notebook} is a copy of an older nps-kit notebook; it lacks {n} "
        f"line{'' if n == 1 else 's'} that the unit{'' if len(ids) == 1 else 's'} "
        f"{', '.join(ids)} need{'s' if len(ids) == 1 else ''} "
        f"({'its report is' if len(ids) == 1 else 'their reports are'} built "
        f"without {'it' if n == 1 else 'them'}):\n{lines}\n"
        f"  Add the line{'' if n == 1 else 's'} to your cell (your own edits stay), or compare "
        f"the cell with nps-kit's notebook: {packaged} (README: 'Updating a project's notebook')."
    )


def outdated_warnings(jobs: Sequence[tuple[UnitParameters, nbformat.NotebookNode]]) -> list[str]:
    """One :func:`outdated_warning` per notebook the run's units use (each said once).

    Parameters
    ----------
    jobs
        Each unit with its parameterised notebook (sections selected: a unit without section 7
        needs none of its lines); the notebook's file is papermill's ``input_path``.

    Returns
    -------
    list of str
        The warnings, in the order the notebooks are first used.
    """
    by_file: dict[str, list[tuple[UnitParameters, list[NotebookLine]]]] = {}
    for unit, nb in jobs:
        path = str(nb.metadata.get("papermill", {}).get("input_path", ""))
        by_file.setdefault(path, []).append((unit, missing_lines(nb)))
    out = []
    for path, members in by_file.items():
        lacking = [line for line in LINES if any(line in missing for _, missing in members)]
        units = [u for u, missing in members if missing]
        said = outdated_warning(Path(path), lacking, units)
        if said is not None:
            out.append(said)
    return out
