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
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import nbformat

from nps_kit.params import UnitParameters
from nps_kit.score import DEFAULT_MIN_REPORT_N

if TYPE_CHECKING:
    from nps_kit.summary import UnitSummary

__all__ = [
    "LINES",
    "PARAMETERS",
    "NotebookLine",
    "NotebookParameter",
    "figures_differ",
    "missing_lines",
    "missing_parameters",
    "outdated_warning",
    "outdated_warnings",
    "parameter_notes",
]


@dataclass(frozen=True)
class NotebookLine:
    """A keyword a section's call passes in the package's notebook, and what it does.

    Attributes
    ----------
    section
        The section's tag name (its cells are tagged ``section-<section>``); ``""`` for the
        cells of no section (the set-up cell, where the page is made).
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
    NotebookLine(
        "strategies",
        "strategies",
        "contact_column",
        "u, analysis, contact_column=contact_column, contact_details=contact_details",
        "a month whose detractors may none be contacted says why there is nobody to call back, "
        "instead of the playbook's call-back action pointing to an empty list (QA26 #21).",
        lambda unit: unit.columns.contact is not None or bool(unit.columns.contact_details),
    ),
    NotebookLine(
        "detractors",
        "followup_status",
        "over_list",
        "contact_column=contact_column, contact_details=contact_details, over_list=True,",
        "the close rate is over the month's listed detractors, as the e-mail counts them, not "
        "over the rows the team returned (QA26 #6).",
        lambda unit: unit.closed_loop.status_file is not None,
    ),
    NotebookLine(
        "",
        "Page",
        "min_report_n",
        "page = sections.Page(u, min_report_n=min_report_n)",
        "a month under the unit's anonymity floor (thresholds.min_report_n) shows only its n and "
        "the detractor follow-up; without it the page applies nps-kit's default floor of "
        f"{DEFAULT_MIN_REPORT_N} (FIX63: nps-kit run no longer leaves those sections out itself).",
        lambda unit: unit.thresholds.min_report_n != DEFAULT_MIN_REPORT_N,
    ),
    NotebookLine(
        "trend",
        "trend",
        "min_report_n",
        "u, target=target, weight=weight, level=level, min_n=min_n, min_report_n=min_report_n",
        "a month of the trend under the unit's anonymity floor shows only its n, not its NPS; "
        f"without it the trend applies nps-kit's default floor of {DEFAULT_MIN_REPORT_N}.",
        lambda unit: unit.thresholds.min_report_n != DEFAULT_MIN_REPORT_N,
    ),
    NotebookLine(
        "strategies",
        "strategies",
        "id_column",
        "id_column=id_column,  (in sections.strategies(...))",
        "on a form with no response id, consent or contact details, section 2 says nobody can be "
        "called back and what to add to the form, instead of the playbook's call-back action "
        "(QA44).",
        lambda unit: (
            unit.columns.id is None
            and unit.columns.contact is None
            and not unit.columns.contact_details
        ),
    ),
)


@dataclass(frozen=True)
class NotebookParameter:
    """A parameter of the package's notebook that an older copy's parameters cell may lack.

    papermill injects every parameter whether or not the cell names it, so the copy runs; but
    its code was written before the parameter and never reads it.

    Attributes
    ----------
    name
        The parameter.
    line
        The line of the package's parameters cell to copy.
    use
        Where the package's notebook reads it, to copy too.
    does
        What the parameter changes, said in the note.
    needed
        Whether a unit's report can differ without it.
    """

    name: str
    line: str
    use: str
    does: str
    needed: Callable[[UnitParameters], bool]


def _reads_offsets_as_written(unit: UnitParameters) -> bool:
    # An English unit without timezone reads offsets as written (export_zone None) while the
    # display zone, which an older copy passes to prepare_unit, is UTC.
    from nps_kit.clock import export_zone

    return export_zone(unit.language, unit.timezone) != unit.zone


def _names_fiscal_years_its_own_way(unit: UnitParameters) -> bool:
    # A copy without the parameter names fiscal years by language (prepare_unit's default).
    from nps_kit.periods import fiscal_named_by

    by_language = fiscal_named_by(unit.language, unit.fiscal_start)
    return "fiscal_ytd" in unit.comparison and unit.fiscal_named_by != by_language


#: The parameters added to the package's notebook since projects copied it, oldest first.
PARAMETERS = (
    NotebookParameter(
        "data_cache",
        "data_cache = None  # columnar cache of the export written by `nps-kit run`",
        "prepare_unit(..., cache=data_cache)",
        "the export as the run parsed it once; without it each report parses the export again, "
        "its own way (see export_timezone)",
        lambda unit: True,
    ),
    NotebookParameter(
        "export_timezone",
        "export_timezone = None  # zone times with a UTC offset are read in; None = as written",
        "prepare_unit(..., timezone=export_timezone)",
        "the zone prepare_unit reads an export's times written with a UTC offset in; the copy "
        "passes timezone instead (UTC for an English unit without one), so run by hand with "
        "data_cache = None it files 00:30 +01:00 on the 1st under the month before and can count "
        "other responses than nps-kit score",
        _reads_offsets_as_written,
    ),
    NotebookParameter(
        "data_exclude",
        'data_exclude = []  # rows that are no response (a staff test), e.g. [["name", ["test"]]]',
        "prepare_unit(..., exclude=data_exclude)",
        "the rows data.exclude names (a staff test); run by hand with data_cache = None the "
        "copy counts them in every figure",
        lambda unit: bool(unit.data.exclude),
    ),
    NotebookParameter(
        "value_labels",
        'value_labels = {}  # labels of coded answers (a code table), e.g. {"性別": {"1": "男性"}}',
        "prepare_unit(..., value_labels=value_labels)",
        "the labels of coded answers (value_labels); run by hand with data_cache = None the "
        "copy shows the codes (1, 2) in breakdowns and follow-ups",
        lambda unit: bool(unit.value_labels),
    ),
    NotebookParameter(
        "fiscal_year_start",
        "fiscal_year_start = None  # fiscal year's first month (4 = April) for "
        '"fiscal_ytd"; None = none',
        "prepare_unit(..., fiscal_year_start=fiscal_year_start)",
        "the months of the previous fiscal year that comparison fiscal_ytd compares the fiscal "
        "year to date with; without it the headline of a unit that asks for fiscal_ytd fails",
        lambda unit: "fiscal_ytd" in unit.comparison,
    ),
    NotebookParameter(
        "fiscal_year_named_by",
        'fiscal_year_named_by = None  # "start" (2026年度) or "end" (FY2027 = Apr 2026–Mar 2027); '
        "None = by language",
        "prepare_unit(..., fiscal_year_named_by=fiscal_year_named_by)",
        "which year names the fiscal year; the copy names it as the language does (the start in "
        "Japanese, the end in English), not as fiscal_year_named_by says",
        _names_fiscal_years_its_own_way,
    ),
)


def _parameter_names(nb: nbformat.NotebookNode) -> set[str] | None:
    """Return the names the cell tagged ``parameters`` assigns; ``None`` without such a cell."""
    for cell in nb.cells:
        if cell.cell_type == "code" and "parameters" in cell.metadata.get("tags", []):
            try:
                tree = ast.parse(cell.source)
            except SyntaxError:
                return None
            names: set[str] = set()
            for node in ast.walk(tree):
                if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                    names.add(node.id)
            return names
    return None


def missing_parameters(nb: nbformat.NotebookNode) -> list[NotebookParameter]:
    """List the :data:`PARAMETERS` that ``nb``'s parameters cell does not name.

    Only a notebook that reads the unit as the package's does (it calls ``prepare_unit``) can
    lack them: one of the analyst's own design, or without a cell tagged ``parameters`` (or
    one that is not Python), lacks nothing: the check never guesses.
    """
    names = _parameter_names(nb)
    if names is None:
        return []
    calls = (_name(c) for cell in nb.cells if cell.cell_type == "code" for c in _calls(cell.source))
    if "prepare_unit" not in calls:
        return []
    return [p for p in PARAMETERS if p.name not in names]


def parameter_notes(
    jobs: Sequence[tuple[UnitParameters, nbformat.NotebookNode]],
) -> list[str]:
    """One ``note:`` line per notebook whose parameters cell lacks :data:`PARAMETERS`.

    The line names the notebook, each missing parameter and what it changes, which of the
    run's units it changes (the run checks their figures: :func:`figures_differ`) and how to
    update the copy.

    Parameters
    ----------
    jobs
        Each unit with its parameterised notebook (papermill's ``input_path`` names the file).

    Returns
    -------
    list of str
        The notes, in the order the notebooks are first used.
    """
    by_file = _by_file(jobs, missing_parameters)
    packaged = Path(__file__).parent / "resources" / "nps_report.ipynb"
    out = []
    for path, members in by_file.items():
        lacking = [p for p in PARAMETERS if any(p in missing for _, missing in members)]
        if not lacking:
            continue
        said = []
        for parameter in lacking:
            ids = [u.unit for u, missing in members if parameter in missing and parameter.needed(u)]
            whom = f"it changes {', '.join(ids)}" if ids else "it changes none of this run's units"
            said.append(f"{parameter.name} ({parameter.does}; {whom})")
        *first, last = [p.name for p in lacking]
        names = f"{', '.join(first)} and {last}" if first else last
        copy = "; ".join(f"{p.line!r} and {p.use}" for p in lacking)
        out.append(
            f"note: {path} is a copy of an older nps-kit notebook whose parameters cell lacks "
            f"{names}: {'; '.join(said)}. nps-kit run checks such a report's responses and NPS "
            f"against its own reading of the export and fails the unit where they differ. To "
            f"update, copy {copy} from {packaged}."
        )
    return out


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
        # A cell of no section (the set-up) is section "" (where the page is made).
        named = [t.removeprefix("section-") for t in tags if t.startswith("section-")]
        for section in named or [""]:
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
        f"  - {_where(line)}, in sections.{line.call}(...): {line.line}\n    {line.does}"
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


def _where(line: NotebookLine) -> str:
    return f"section {line.section!r}" if line.section else "the set-up cell"


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
    by_file = _by_file(jobs, missing_lines)
    out = []
    for path, members in by_file.items():
        lacking = [line for line in LINES if any(line in missing for _, missing in members)]
        units = [u for u, missing in members if missing]
        said = outdated_warning(Path(path), lacking, units)
        if said is not None:
            out.append(said)
    return out


def figures_differ(
    notebook: Path, parameters: Mapping[str, Any], summary: UnitSummary, *, lacking: Sequence[str]
) -> str | None:
    """Say how an older notebook's figures differ from the export as nps-kit reads it, if they do.

    A copy whose parameters cell lacks :data:`PARAMETERS` may read the export its own way (no
    ``data_cache``: it parses the file again; no ``export_timezone``: in the display zone). Its
    month, responses and NPS are checked against the unit read as the package's notebook
    reads it (the run's cache, in ``export_timezone``), as ``nps-kit score`` counts them.

    Parameters
    ----------
    notebook
        The notebook run, named in the message.
    parameters
        The parameters injected (:func:`nps_kit.params.notebook_parameters` and
        ``data_cache``).
    summary
        The report's summary.
    lacking
        The names of the parameters its cell lacks (:func:`missing_parameters`).

    Returns
    -------
    str or None
        The message that fails the unit, or ``None`` when the figures agree.
    """
    from nps_kit.score import DEFAULT_MIN_REPORT_N, n_below_floor, nps
    from nps_kit.unit import prepare_unit

    p = parameters
    unit = prepare_unit(
        p["data_path"],
        name=p["unit_name"],
        language=p["language"],
        unit_column=p["filter_column"],
        unit_values=p["filter_values"] or (),
        score_column=p["score_column"],
        date_column=p["date_column"],
        weight_column=p["weight_column"],
        period=p["period"],
        sheet=p["data_sheet"],
        encoding=p["data_encoding"],
        redact=False,
        date_format=p["date_format"],
        missing_values=p["missing_values"],
        fix_text=p["fix_text"],
        id_column=p["id_column"],
        dedupe=p["dedupe"],
        dedupe_keep=p["dedupe_keep"],
        cache=p["data_cache"],
        timezone=p["export_timezone"],
        unfinished=p["unfinished"],
        exclude=p["data_exclude"],
        value_labels=p["value_labels"],
    )
    weight = "nps_weight" if p["weight_column"] else None
    expected = nps(unit.current, weight=weight, level=p["level"], min_n=p["min_n"])
    same = summary.period == unit.period and summary.n == expected.n
    # A month under the floor publishes only its n (floor_summary): that is what is checked.
    # A copy whose cell lacks min_report_n made its page with nps-kit's default floor.
    floors = (p.get("min_report_n"), DEFAULT_MIN_REPORT_N)
    if summary.nps is None and any(n_below_floor(summary.n, f) for f in floors):
        pass
    elif summary.nps is None or expected.nps is None:
        same = same and summary.nps is None and expected.nps is None
    else:
        same = same and abs(summary.nps - expected.nps) < 1e-6
    if same:
        return None
    # The message goes to the manifest: a month under the floor is said by its n only.
    found = _counted(summary.n, summary.nps, floors[0])
    wanted = _counted(expected.n, expected.nps, floors[0])
    return (
        f"{notebook} counts {found} for {summary.period}, where nps-kit reads the export as "
        f"{wanted} for {unit.period} (as nps-kit score counts it): the copy's parameters cell "
        f"lacks {' and '.join(lacking)}, which its code was written before. The report was "
        "not published. Copy the lines the note above names from nps-kit's notebook, or run "
        "with --notebook on nps-kit's own."
    )


def _counted(n: int | None, value: float | None, floor: int | None) -> str:
    """``4 responses, NPS +25.0``; ``4 responses`` under the anonymity floor."""
    from nps_kit.score import n_below_floor

    said = f"{n} responses"
    return said if n_below_floor(n, floor) else f"{said}, NPS {_points(value)}"


def _points(value: float | None) -> str:
    from nps_kit.i18n import nps_text

    return nps_text(value)


_T = TypeVar("_T")


def _by_file(
    jobs: Sequence[tuple[UnitParameters, nbformat.NotebookNode]],
    missing: Callable[[nbformat.NotebookNode], list[_T]],
) -> dict[str, list[tuple[UnitParameters, list[_T]]]]:
    """Group the run's units by their notebook's file (papermill's ``input_path``).

    Each unit comes with what ``missing`` finds lacking in its parameterised notebook; the
    files are in the order they are first used.
    """
    by_file: dict[str, list[tuple[UnitParameters, list[_T]]]] = {}
    for unit, nb in jobs:
        path = str(nb.metadata.get("papermill", {}).get("input_path", ""))
        by_file.setdefault(path, []).append((unit, missing(nb)))
    return by_file
