"""A unit's job: its notebook with its parameters injected, for its month.

:func:`prepare_notebook` (also what ``nps-kit lab`` opens), the months an export covers, and the
period a unit's run resolves to.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import nbformat

from nps_kit.errors import ConfigError
from nps_kit.i18n import t
from nps_kit.params import UnitParameters, notebook_parameters, resolve_period

if TYPE_CHECKING:
    from nps_kit._unit_rows import ExportRows
    from nps_kit.cache import ExportCache


def prepare_notebook(
    notebook: Path,
    parameters: dict[str, Any],
    *,
    sections: Sequence[str] | None = None,
    omit: Collection[str] = (),
) -> nbformat.NotebookNode:
    r"""Inject ``parameters`` into ``notebook`` the papermill way, with readable text.

    papermill's :func:`~papermill.parameterize.parameterize_notebook` places the
    ``injected-parameters`` cell after the cell tagged ``parameters`` and records the
    parameters in the metadata; its Python translator escapes non-ASCII text (``"EC\u4e8b…"``),
    so the injected cell's source is rewritten with ``repr`` (the parameters are plain JSON
    types, whose ``repr`` is a Python literal).

    Parameters
    ----------
    notebook
        The report notebook (it needs a cell tagged ``parameters``): ``.ipynb``, or ``.py`` in
        jupytext's percent format; of a jupytext pair, the file saved last
        (:func:`nps_kit.notebook.read_report_notebook`).
    parameters
        Plain JSON values by name, e.g. from :func:`nps_kit.params.notebook_parameters`.
    sections
        The unit's ``sections:`` (:func:`nps_kit.notebook.select_sections`); ``None`` keeps
        every section of the notebook.
    omit
        Sections left out even when ``sections`` names them
        (:attr:`nps_kit.params.UnitParameters.empty_sections`).

    Returns
    -------
    nbformat.NotebookNode
        The parameterised notebook, not executed.
    """
    from papermill.parameterize import parameterize_notebook

    from nps_kit.notebook import for_papermill, section_names, select_sections

    nb = for_papermill(notebook)
    if sections is not None or omit:
        names = section_names(nb) if sections is None else sections
        nb = select_sections(nb, [n for n in names if n not in omit], source=notebook)
    nb = parameterize_notebook(nb, parameters)
    for cell in nb.cells:
        if "injected-parameters" in cell.metadata.get("tags", []):
            lines = [f"{name} = {value!r}" for name, value in parameters.items()]
            cell.source = "# Parameters\n" + "\n".join(lines) + "\n"
    nb.metadata.papermill["input_path"] = str(notebook)
    return nb


@dataclass(frozen=True)
class _Job:
    unit: UnitParameters
    period: str
    parameters: dict[str, Any]
    nb: nbformat.NotebookNode
    input: dict[str, str]


def _prepare_job(
    unit: UnitParameters,
    *,
    notebook: Path,
    period: str | None,
    cache: ExportCache,
    hashes: dict[Path, str],
    rows: dict[Path, ExportRows] | None = None,
    month: str | None = None,
) -> _Job:
    """Resolve ``unit``'s period from the cache and parameterise its notebook to read the cache.

    The one preparation of a unit, for ``run`` and ``run --watch`` alike. A unit that has no
    row in its export or no response in the month is refused here, before any kernel starts
    (:func:`nps_kit._unit_rows.check_unit_rows`); ``rows`` keeps each export's units and months
    for the next unit of the same export. ``month``: the month resolved for every unit of the
    export (:func:`_export_months`), else the unit's own.
    """
    from nps_kit._unit_rows import ExportRows, check_unit_rows

    month = month or _resolve_period(unit, period, cache)
    seen = {} if rows is None else rows
    if cache.path not in seen:
        seen[cache.path] = ExportRows.read(cache)
    check_unit_rows(unit, month, seen[cache.path])
    parameters = {**notebook_parameters(unit, period=month), "data_cache": str(cache.path)}
    data_input = {"path": str(unit.data.path), "sha256": hashes[unit.data.path]}
    # A month under the anonymity floor is the notebook's to leave out (its page, FIX63), so
    # that a notebook run by hand shows what the run shows.
    nb = prepare_notebook(
        unit.notebook or notebook, parameters, sections=unit.sections, omit=unit.empty_sections
    )
    return _Job(unit, month, parameters, nb, data_input)


def _export_months(
    units: Sequence[UnitParameters], period: str | None, caches: dict[str, ExportCache]
) -> tuple[dict[str, str], list[str]]:
    """Resolve ``latest`` / ``current`` once per export, for all of its units (FIX58, QA28 #1).

    Each unit reads the export's times in its own zone, so a unit in Asia/Tokyo sees the last
    hours of 31 October (UTC) as 1 November, and would report a November of a few spill-over
    responses while the others report October. The month of an export is the one most of its
    units resolve to (ties: the earliest, complete in more zones); a unit whose own reading
    differs gets it too, with a ``note:`` naming both months.

    Returns
    -------
    tuple of (dict, list)
        The month of each unit whose period is a word, by unit id; the notes for stderr.
    """
    from collections import Counter

    from nps_kit.periods import WORDS

    own: dict[tuple[Path, str], dict[str, str]] = {}
    words: dict[str, str] = {}
    languages = {unit.unit: unit.language for unit in units}
    for unit in units:
        words[unit.unit] = word = period or unit.period
        if word not in WORDS:
            continue
        try:
            month = _resolve_period(unit, period, caches[unit.unit])
        except ConfigError:
            continue  # said again, with its own message, when the unit is prepared
        own.setdefault((unit.data.path, word), {})[unit.unit] = month
    months: dict[str, str] = {}
    notes: list[str] = []
    for (path, _), found in own.items():
        counts = Counter(found.values())
        chosen = min(counts, key=lambda m: (-counts[m], m))
        for unit_id, month in found.items():
            months[unit_id] = chosen
            if month != chosen:
                lang = languages[unit_id]
                word = f"「{words[unit_id]}」" if lang == "ja" else repr(words[unit_id])
                notes.append(
                    t(
                        "run.period_shared",
                        lang,
                        unit=unit_id,
                        word=word,
                        chosen=chosen,
                        export=path.name,
                        count=counts[chosen],
                        n=len(found),
                        month=month,
                    )
                )
    return months, notes


def _resolve_period(unit: UnitParameters, period: str | None, cache: ExportCache) -> str:
    """``resolve_period``, with ``latest`` and ``current`` read from the cache's date range."""
    from nps_kit import clock
    from nps_kit.periods import WORDS, reporting_month

    wanted = period or unit.period
    month = None
    if wanted in WORDS:
        report = cache.report
        now = clock.now(unit.language, unit.timezone)
        month = reporting_month(wanted, report.date_min, report.date_max, now=now)
    return month or resolve_period(unit, period=period)
