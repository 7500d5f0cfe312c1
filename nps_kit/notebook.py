"""Report notebooks on disk: jupytext pairing, and working copies for one unit.

The report notebook is kept as a pair: ``nps_report.ipynb`` (what JupyterLab opens) and
``nps_report.py`` in jupytext's percent format (what a reviewer reads in git: a change to a
section is a few lines of Python and Markdown, with no outputs or ids). Whichever of the two was
saved last is the notebook :func:`read_report_notebook` returns, so ``nps-kit run`` uses an
edit made in either file.

The standard sections of a report notebook are blocks of cells tagged ``section-<name>`` (the
section's markdown cells in each language and its code cell); :func:`select_sections` keeps the
blocks a unit's ``sections:`` list names, in that order.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Collection, Iterable, Sequence
from pathlib import Path
from typing import Any

import nbformat

from nps_kit.errors import ConfigError

__all__ = [
    "ANALYST_SECTIONS",
    "PAIRED_FORMATS",
    "SECTIONS",
    "for_papermill",
    "paired_path",
    "read_report_notebook",
    "safe_name",
    "scratch_cells",
    "section_names",
    "select_sections",
    "sync_pair",
    "watched_files",
    "working_copy",
]

#: The jupytext ``formats`` of a paired report notebook.
PAIRED_FORMATS = "ipynb,py:percent"

#: The standard sections of the report notebook, in its order: the names a unit's
#: ``sections:`` list may use. The title comes first and the run summary last in every report;
#: ``headline`` is required, because the overview and the e-mail show its numbers. A manager
#: reading on a phone gets what to do first (REPORT31: the headline and what moved, the actions,
#: who to call back), then the trend and breakdowns; the analysts' sections come last.
SECTIONS = (
    "headline",
    "strategies",
    "detractors",
    "trend",
    "breakdowns",
    "distribution",
    "followups",
    "quality",
    "method",
)
#: Sections for analysts: the HTML folds each into a ``<details>`` under its heading (closed on
#: screen, open on paper; :mod:`nps_kit._fold`), wherever a unit's ``sections:`` puts it.
ANALYST_SECTIONS = frozenset({"distribution", "followups", "quality", "method"})
_SECTION_TAG = "section-"
#: Notebook metadata key of a working copy (unit, period, the ids of the cells it was written with).
_MARK = "nps_kit_working_copy"
# Cells papermill adds at every run (the injected parameters, an error banner).
_RUNNER_TAGS = frozenset({"injected-parameters", "papermill-error-cell-tag"})
_NUMBERED = re.compile(r"^(#{1,6} )\d+\. ", re.MULTILINE)


def paired_path(notebook: str | Path) -> Path:
    """Return the other file of a notebook pair (``x.ipynb`` ↔ ``x.py``)."""
    path = Path(notebook)
    return path.with_suffix(".py" if path.suffix == ".ipynb" else ".ipynb")


def _read_one(path: Path) -> nbformat.NotebookNode:
    try:
        if path.suffix == ".py":
            import jupytext

            return jupytext.read(path, fmt="py:percent")
        return nbformat.read(path, as_version=4)
    except FileNotFoundError as exc:
        raise ConfigError(f"notebook not found: {path}.", path=path) from exc
    except Exception as exc:  # malformed JSON or percent script: a user's file
        raise ConfigError(
            f"{path}: not a readable notebook ({type(exc).__name__}: {exc}).",
            hint="Open it in JupyterLab to repair it, or restore it from git.",
            path=path,
        ) from exc


def read_report_notebook(notebook: str | Path) -> nbformat.NotebookNode:
    """Read a report notebook, from whichever file of its jupytext pair was saved last.

    Parameters
    ----------
    notebook
        ``.ipynb`` or ``.py`` (percent format). A lone file is read as it is.

    Returns
    -------
    nbformat.NotebookNode
        The notebook (version 4), with a cell tagged ``parameters``.

    Raises
    ------
    ConfigError
        When the file does not exist, cannot be read, or has no cell tagged ``parameters``.
    """
    path = Path(notebook)
    other = paired_path(path)
    source = path
    if other.is_file() and path.is_file() and other.stat().st_mtime > path.stat().st_mtime:
        source = other
    nb = _read_one(source)
    tagged = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
    if len(tagged) != 1:
        raise ConfigError(
            f"{source}: expected exactly one cell tagged 'parameters'; found {len(tagged)}.",
            hint="Tag the cell that holds the defaults with 'parameters' (JupyterLab: "
            "property inspector → cell tags).",
            path=source,
        )
    return nb


def for_papermill(notebook: str | Path) -> nbformat.NotebookNode:
    """Read a report notebook (:func:`read_report_notebook`) with papermill's metadata set.

    The same set-up as :func:`papermill.iorw.load_notebook_node`, which reads ``.ipynb`` JSON
    only: an empty ``tags`` list and ``papermill`` block on every cell, and the notebook's
    ``papermill`` block.
    """
    from papermill import __version__ as papermill_version

    nb = read_report_notebook(notebook)
    nb.metadata.setdefault(
        "papermill",
        {
            "default_parameters": {},
            "parameters": {},
            "environment_variables": {},
            "version": papermill_version,
        },
    )
    for cell in nb.cells:
        cell.metadata.setdefault("tags", [])
        cell.metadata.setdefault("papermill", {})
    return nbformat.from_dict(nb)  # nested dicts become NotebookNodes, as papermill expects


def _section_of(cell: nbformat.NotebookNode) -> str | None:
    for tag in cell.get("metadata", {}).get("tags", []):
        if tag.startswith(_SECTION_TAG):
            return str(tag[len(_SECTION_TAG) :])
    return None


def section_names(nb: nbformat.NotebookNode) -> list[str]:
    """List the sections of ``nb`` (blocks of cells tagged ``section-<name>``) in its order."""
    names = (_section_of(cell) for cell in nb.cells)
    return list(dict.fromkeys(n for n in names if n is not None))


def select_sections(
    nb: nbformat.NotebookNode, names: Sequence[str], *, source: str | Path | None = None
) -> nbformat.NotebookNode:
    """Keep the section blocks ``names`` lists, in that order; drop the other sections.

    A block is every cell tagged ``section-<name>``. The chosen blocks fill the places the
    notebook's blocks held, one after the other, so cells without a section tag (the set-up,
    the summary, an analyst's own cell) stay where they are. Numbered headings of the kept
    blocks (``## 4. 内訳``) are renumbered from 1 in the new order.

    Parameters
    ----------
    nb
        The report notebook (not changed).
    names
        Section names (:data:`SECTIONS` for the project's notebook).
    source
        The notebook's file, named in the error.

    Returns
    -------
    nbformat.NotebookNode
        A copy with the chosen sections.

    Raises
    ------
    ConfigError
        When the notebook has no block for one of ``names``.
    """
    blocks: dict[str, list[nbformat.NotebookNode]] = {}
    slots: list[int] = []
    for index, cell in enumerate(nb.cells):
        name = _section_of(cell)
        if name is None:
            continue
        if name not in blocks:
            blocks[name] = []
            slots.append(index)
        blocks[name].append(cell)
    missing = [n for n in names if n not in blocks]
    if missing:
        where = f"{source}: " if source is not None else ""
        found = ", ".join(blocks) or "none"
        raise ConfigError(
            f"{where}no cells tagged section-{missing[0]} for sections: {missing[0]} "
            f"(sections in this notebook: {found}).",
            hint=f"Tag the {missing[0]} section's cells 'section-{missing[0]}', or leave "
            f"{missing[0]} out of sections:.",
            path=Path(source) if source is not None else None,
        )
    chosen = iter(enumerate(names, 1))
    out = nbformat.from_dict(nb)
    cells: list[nbformat.NotebookNode] = []
    for index, cell in enumerate(nb.cells):
        if index in slots:
            number, name = next(chosen, (0, ""))
            for kept in blocks.get(name, []):
                kept = nbformat.from_dict(kept)
                if kept.cell_type == "markdown":
                    kept.source = _NUMBERED.sub(rf"\g<1>{number}. ", kept.source)
                cells.append(kept)
        elif _section_of(cell) is None:
            cells.append(cell)
    out.cells = cells
    return out


def sync_pair(notebook: str | Path) -> Path:
    """Write the ``.py`` twin of ``notebook`` (or the ``.ipynb`` twin of a ``.py``).

    Outputs and execution counts are never written. Returns the file written.
    """
    import jupytext

    path = Path(notebook)
    nb = _read_one(path)
    nb.metadata.setdefault("jupytext", {})["formats"] = PAIRED_FORMATS
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    target = paired_path(path)
    if target.suffix == ".py":
        jupytext.write(nb, target, fmt="py:percent")
    else:
        nbformat.write(nb, target)
    return target


def working_copy(
    notebook: str | Path,
    parameters: dict[str, Any],
    *,
    folder: str | Path,
    name: str,
    sections: Sequence[str] | None = None,
    omit: Collection[str] = (),
) -> Path:
    """Write ``notebook`` parameterised with ``parameters`` (not executed) to ``folder/name``.

    The copy is what ``nps-kit run`` would execute for the unit (papermill's injected
    parameters cell after the ``parameters`` cell, only the unit's ``sections`` less
    ``omit``), so *Run all* in JupyterLab shows the unit's report. Relative
    ``data_path``-like values need no change: the parameters hold absolute paths.

    The analyst reads it in the unit's language (``parameters["language"]``): markdown cells
    tagged for another language are left out, and the notebook's own introduction (a cell
    tagged ``remove_cell``, written for the shared notebook) gives way to a note naming the
    unit and period, where a lasting parameter change goes (``parameters/<unit_id>.yaml``,
    which ``nps-kit run`` injects again) and the command that renders the edited copy as the
    unit's report (``parameters["unit"]`` is the unit id, ``["unit_name"]`` its name).
    """
    from nps_kit.i18n import t
    from nps_kit.run import prepare_notebook

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    nb = prepare_notebook(Path(notebook), parameters, sections=sections, omit=omit)
    nb.metadata.pop("jupytext", None)  # a working copy is not paired with the shipped script
    target = folder / name
    lang = parameters.get("language")
    if lang in ("ja", "en"):
        other = {f"lang-{code}" for code in ("ja", "en") if code != lang}
        nb.cells = [
            c
            for c in nb.cells
            if not (other | {"remove_cell"}) & set(c.get("metadata", {}).get("tags", []))
        ]
        note = t(
            "working_copy",
            lang,
            unit=parameters.get("unit_name") or parameters.get("unit", ""),
            unit_id=parameters.get("unit", "<unit>"),
            period=parameters.get("period", ""),
            path=target.as_posix(),
        )
        cell = nbformat.v4.new_markdown_cell(note)
        cell.metadata["tags"] = ["remove_cell"]  # never part of a rendered report
        nb.cells.insert(0, cell)
    # The cells as written: a cell the analyst adds later (a quick groupby) runs, but its
    # output reaches the HTML only when tagged for a section (scratch_cells).
    nb.metadata[_MARK] = {
        "unit": parameters.get("unit"),
        "period": parameters.get("period"),
        "cells": [c.get("id") for c in nb.cells if c.get("id")],
    }
    nbformat.write(nb, target)
    return target


def scratch_cells(nb: nbformat.NotebookNode) -> list[int]:
    """Return the indices of the cells an analyst added to a working copy without a section tag.

    A working copy (:func:`working_copy`) records the ids of the cells it was written with. A
    cell added since (JupyterLab gives it a new id) whose tags name no section
    (``section-<name>``, e.g. ``section-trend``) is a scratch cell: the run executes it, so a
    variable it sets is there for the cells below, but its output is no part of the report.
    Any other notebook has no scratch cells: every cell of the project's notebook, or of a
    unit's own ``notebook:``, is the report's.
    """
    mark = nb.get("metadata", {}).get(_MARK)
    if not isinstance(mark, dict) or not isinstance(mark.get("cells"), list):
        return []
    written = set(mark["cells"])
    return [
        index
        for index, cell in enumerate(nb.cells)
        if cell.get("id") not in written
        and _section_of(cell) is None
        and not _RUNNER_TAGS & set(cell.get("metadata", {}).get("tags", []))
    ]


def watched_files(paths: Iterable[Path | None]) -> dict[Path, int]:
    """Return ``{path: mtime_ns}`` of the existing files among ``paths`` (for ``run --watch``)."""
    found: dict[Path, int] = {}
    for path in paths:
        if path is not None and Path(path).is_file():
            found[Path(path)] = Path(path).stat().st_mtime_ns
    return found


# Characters a file name cannot hold on Windows, macOS or Linux (and control characters and
# white space, which shells and URLs make awkward); letters of every script are kept.
_UNSAFE = re.compile(r'[\x00-\x1f\x7f/\\:*?"<>|\s]+')


def safe_name(text: str) -> str:
    """Return ``text`` made safe for a file name (used for working copies).

    Letters and digits of every script are kept (``さくら歯科-本院`` stays as it is): only the
    characters a file system refuses, control characters and white space become ``_``, and
    leading dots are dropped. When anything was replaced, a short digest of ``text`` is added,
    so two different texts never give the same name (``a/b`` and ``a:b``).
    """
    name = _UNSAFE.sub("_", text).lstrip(".")
    if name == text and name:
        return name
    digest = hashlib.sha1(text.encode("utf-8")).hexdigest()[:6]
    return f"{name.strip('_') or 'notebook'}-{digest}"
