"""Render an executed report notebook to one self-contained HTML file.

The HTML shows only what a manager should read: markdown prose, charts and the HTML components
of :mod:`nps_kit.report`. Code, prompts, stderr, errors, scripts and widgets are never rendered,
and nothing is loaded from the network (no ``<script>``; no remote ``<link>``, ``<img>`` or
``@import``).

:func:`check_outputs` lists outputs that signal a problem (stderr, errors, warnings) so the runner
can fail a unit; :func:`filter_outputs` removes known-harmless stderr and records what it removed.
"""

from __future__ import annotations

import base64
import copy
import io
import logging
import os
import re
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import nbformat
from bs4 import BeautifulSoup
from nbconvert import HTMLExporter
from traitlets.config import Config

from nps_kit._atomic import atomic_write_text
from nps_kit._channel import RUNNER_MIME
from nps_kit._fold import fold_sections
from nps_kit.i18n import LANGUAGES, Language, t
from nps_kit.periods import format_period

__all__ = [
    "TEMPLATE_DIR",
    "TEMPLATE_NAME",
    "FilteredOutput",
    "OutputProblem",
    "check_outputs",
    "filter_outputs",
    "page_title",
    "render_html",
    "write_html",
]

log = logging.getLogger(__name__)

TEMPLATE_DIR = Path(__file__).resolve().parent / "templates"
TEMPLATE_NAME = "nps_report"

#: Outputs of the runner's channel (summary, follow-up work table, see _channel.py) are never shown.
#: Cells with one of these tags are left out of the HTML (papermill tags its error banners).
_REMOVE_CELL_TAGS = frozenset({"remove_cell", "remove-cell", "papermill-error-cell-tag"})
_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
# A log line the kernel's machinery printed to stdout: a warning printed as Python prints one
# ("file.py:3: FutureWarning: ..." or "FutureWarning: ..."), a traceback, or an ERROR log line.
# Matched at the start of a line only, and never in displayed data, so that a comment or an
# answer label containing "ERROR" or "Warning" does not fail a report.
_LOG_LINE = re.compile(
    r"^(?:\S+:\d+: )?[A-Z]\w*Warning: |^Traceback \(most recent call last\)|^ERROR\b", re.M
)
_NETWORK_TAGS = ("script", "link", "iframe", "object", "embed", "base", "frame", "frameset")
_IMPORT = re.compile(r"@import\b[^;]*;?", re.IGNORECASE)
_REMOTE_URL = re.compile(r"url\(\s*['\"]?\s*(?!data:)[^)]*\)", re.IGNORECASE)

ProblemKind = Literal["stderr", "error", "warning", "traceback"]


@dataclass(frozen=True)
class OutputProblem:
    """An output of an executed notebook that signals something went wrong.

    Attributes
    ----------
    cell_index
        Index of the cell in ``nb.cells``.
    kind
        ``"stderr"`` (a stderr stream), ``"error"`` (an exception output), ``"warning"`` or
        ``"traceback"`` (a stdout line that is a printed warning, traceback or ERROR log line).
    text
        The output's text, ANSI colours removed (``ename: evalue`` for errors).
    """

    cell_index: int
    kind: ProblemKind
    text: str


@dataclass(frozen=True)
class FilteredOutput:
    """A piece of stderr removed by :func:`filter_outputs`.

    Attributes
    ----------
    cell_index
        Index of the cell in ``nb.cells``.
    text
        The removed text (one warning or message, with its indented continuation lines).
    pattern
        The allow pattern that matched it.
    """

    cell_index: int
    text: str
    pattern: str


_local = threading.local()


def _exporter() -> HTMLExporter:
    """Return this thread's exporter, building it on first use.

    Building an exporter loads and compiles the Jinja templates, which costs far more than
    rendering one notebook; the runner renders many units, so each thread builds it once.
    """
    exporter: HTMLExporter | None = getattr(_local, "exporter", None)
    if exporter is None:
        config = Config()
        config.HTMLExporter.extra_template_basedirs = [str(TEMPLATE_DIR)]
        config.HTMLExporter.template_name = TEMPLATE_NAME
        config.HTMLExporter.exclude_input = True
        config.HTMLExporter.exclude_input_prompt = True
        config.HTMLExporter.exclude_output_prompt = True
        config.HTMLExporter.exclude_output_stdin = True
        config.HTMLExporter.exclude_raw = True
        config.HTMLExporter.exclude_unknown = True
        config.HTMLExporter.exclude_anchor_links = True
        config.TagRemovePreprocessor.enabled = True
        config.TagRemovePreprocessor.remove_cell_tags = set(_REMOVE_CELL_TAGS)
        exporter = HTMLExporter(config=config)
        _local.exporter = exporter
    return exporter


def _check_lang(lang: str) -> Language:
    if lang not in LANGUAGES:
        raise ValueError(f"lang must be 'ja' or 'en', got {lang!r}")
    return lang


def _for_readers(nb: nbformat.NotebookNode, lang: str) -> nbformat.NotebookNode:
    """Return a copy of ``nb`` as readers of ``lang`` see it.

    Drops the sections the notebook left out under the anonymity floor
    (:func:`nps_kit._section_result.floor_hidden`), the runner's summary data (never shown),
    markdown cells tagged for another language
    (``lang-ja`` / ``lang-en``: one notebook carries both languages' words), the scratch cells
    an analyst added to a working copy (:func:`nps_kit.notebook.scratch_cells`), and re-encodes
    chart PNGs with an adaptive 256-colour palette, which keeps flat charts visually identical
    at about a third of the size.
    """
    from nps_kit._section_result import floor_hidden
    from nps_kit.notebook import scratch_cells, section_names, select_sections

    out = copy.deepcopy(nb)
    hidden = floor_hidden(out)
    if hidden:
        # Sections a month under the anonymity floor left out: gone with their headings, the
        # rest renumbered, as a unit's sections: leaves them out (one rendering for run and lab).
        out = select_sections(out, [n for n in section_names(out) if n not in hidden])
    scratch = set(scratch_cells(out))
    other = {f"lang-{code}" for code in LANGUAGES if code != lang}
    out.cells = [
        c
        for i, c in enumerate(out.cells)
        if i not in scratch and not other & set(c.get("metadata", {}).get("tags", []))
    ]
    for cell in out.cells:
        if cell.get("cell_type") != "code":
            continue
        kept = []
        for output in cell.get("outputs", []):
            data = output.get("data")
            # The summary and the follow-up work table (application/vnd.nps-kit.*) are for the
            # runner only.
            runner_only = [m for m in data or {} if m.startswith(RUNNER_MIME)]
            if data is not None and runner_only:
                for mime in runner_only:
                    del data[mime]
                if not data:
                    continue
            if data is not None and "image/png" in data:
                data["image/png"] = _smaller_png(data["image/png"])
            kept.append(output)
        cell.outputs = kept
    return out


def _smaller_png(encoded: str) -> str:
    """Re-encode a base64 PNG with a 256-colour palette when that makes it smaller."""
    from PIL import Image

    raw = base64.b64decode(encoded)
    with Image.open(io.BytesIO(raw)) as image:
        if image.mode == "P":  # already a palette image (nps_kit.plot's inline charts)
            return encoded
        palette = image.convert("RGB").quantize(colors=256, method=Image.Quantize.FASTOCTREE)
        buffer = io.BytesIO()
        palette.save(buffer, format="PNG")
    small = buffer.getvalue()
    return base64.b64encode(small).decode("ascii") if len(small) < len(raw) else encoded


def _harden(soup: BeautifulSoup) -> None:
    """Remove anything that could run code or reach the network (a safety net, not a sanitizer).

    The template renders no scripts and only ``data:`` images; this catches markdown or HTML
    outputs that embed a ``<script>``, a remote image, a stylesheet link or an ``@import``.
    """
    removed: list[str] = []
    for name in _NETWORK_TAGS:
        for element in soup.find_all(name):
            removed.append(name)
            element.decompose()
    for element in soup.find_all(src=True):
        if not str(element["src"]).startswith("data:"):
            removed.append(f"{element.name}[src]")
            element.decompose()
    for element in soup.find_all(srcset=True):
        srcset = str(element["srcset"])
        if srcset.startswith("data:") and not re.search(r"[\s,]", srcset.partition(",")[2]):
            continue  # one inline image (the phone variant of a chart): nothing to fetch
        removed.append(f"{element.name}[srcset]")
        del element["srcset"]
    for style in soup.find_all("style"):
        css = style.string or ""
        cleaned = _REMOTE_URL.sub("none", _IMPORT.sub("", css))
        if cleaned != css:
            removed.append("style @import/url()")
            style.string = cleaned
    for element in soup.find_all(style=True):
        css = str(element["style"])
        if _REMOTE_URL.search(css):
            removed.append(f"{element.name}[style] url()")
            element["style"] = _REMOTE_URL.sub("none", css)
    if removed:
        log.warning("removed from report HTML: %s", ", ".join(sorted(set(removed))))


def page_title(name: str, period: str, *, lang: str) -> str:
    """Return the standard page title of a unit's report.

    Parameters
    ----------
    name
        The unit's display name, e.g. ``"EC事業部"``.
    period
        The period label, e.g. ``"2026-10"``.
    lang
        ``"ja"`` or ``"en"``.

    Returns
    -------
    str
        ``"EC事業部 NPSレポート 2026年10月"`` or ``"Cloud Platform NPS report – October 2026"``.
    """
    _check_lang(lang)
    when = format_period(period, "ja" if lang == "ja" else "en")
    return f"{name} NPSレポート {when}" if lang == "ja" else f"{name} NPS report – {when}"


def render_html(nb: nbformat.NotebookNode, *, lang: str, title: str) -> str:
    """Render an executed report notebook to a self-contained HTML page.

    Parameters
    ----------
    nb
        The executed notebook (version 4). It is not modified.
    lang
        Report language, ``"ja"`` or ``"en"``; sets ``<html lang>`` and default image text.
    title
        Page title, e.g. ``"EC事業部 NPSレポート 2026年10月"``.

    Returns
    -------
    str
        The HTML document: markdown cells and outputs only, charts and styles inline; the
        analysts' sections each folded under its heading (:func:`nps_kit._fold.fold_sections`).

    Raises
    ------
    ValueError
        If ``lang`` is not ``"ja"`` or ``"en"``.
    """
    language = _check_lang(lang)
    resources = {
        "nps_kit": {
            "lang": lang,
            "title": title,
            "chart_alt": t("report.chart_alt", language),
            "facts_label": t("report.facts_label", language),
        },
        "metadata": {"name": title},
    }
    body, _ = _exporter().from_notebook_node(_for_readers(nb, lang), resources=resources)
    soup = BeautifulSoup(body, features="html.parser")  # parsed once for both passes
    _harden(soup)
    fold_sections(soup, lang=language)
    return str(soup)


def write_html(
    nb: nbformat.NotebookNode, path: str | os.PathLike[str], *, lang: str, title: str
) -> Path:
    """Render ``nb`` and write the HTML to ``path`` atomically.

    The page is written to a temporary file in the same folder and then moved over ``path``, so
    a reader never sees a half-written report.

    Parameters
    ----------
    nb
        The executed notebook.
    path
        Where to write the HTML file; its folder must exist.
    lang
        Report language, ``"ja"`` or ``"en"``.
    title
        Page title.

    Returns
    -------
    Path
        ``path`` as a :class:`~pathlib.Path`.
    """
    return atomic_write_text(Path(path), render_html(nb, lang=lang, title=title))


def _text(value: Any) -> str:
    text = "".join(value) if isinstance(value, list) else str(value)
    return _ANSI.sub("", text)


def check_outputs(nb: nbformat.NotebookNode) -> list[OutputProblem]:
    """List the outputs of an executed notebook that signal a problem.

    Parameters
    ----------
    nb
        The executed notebook.

    Returns
    -------
    list of OutputProblem
        In cell order: every stderr stream (where Python writes the warnings a cell raises),
        every error output, and every stdout stream with a line that starts like a warning, a
        traceback or an ``ERROR`` log message. Displayed data (tables, figures, HTML) is never
        judged by its text: a comment saying "ERROR" is data. Empty when clean.
    """
    problems: list[OutputProblem] = []
    for index, cell in enumerate(nb.cells):
        for output in cell.get("outputs", []) if cell.get("cell_type") == "code" else []:
            kind = output.get("output_type")
            if kind == "stream" and output.get("name") == "stderr":
                problems.append(OutputProblem(index, "stderr", _text(output.get("text", ""))))
                continue
            if kind == "error":
                text = f"{output.get('ename', '')}: {_text(output.get('evalue', ''))}"
                problems.append(OutputProblem(index, "error", text))
                continue
            if kind != "stream":
                continue  # displayed data: judged by nothing but the errors around it
            text = _text(output.get("text", ""))
            if _LOG_LINE.search(text):
                found: ProblemKind = "traceback" if "Traceback" in text else "warning"
                problems.append(OutputProblem(index, found, text))
    return problems


def _records(text: str) -> list[str]:
    """Split stderr into messages: a line that is not indented starts a new message.

    Python warnings print the message and then the indented source line; tracebacks indent
    their frames. Keeping those together lets an allow pattern drop a whole warning.
    """
    records: list[str] = []
    for line in text.splitlines(keepends=True):
        if records and (line[:1].isspace() or not line.strip()):
            records[-1] += line
        else:
            records.append(line)
    return records


def filter_outputs(
    nb: nbformat.NotebookNode, *, allow: Sequence[re.Pattern[str] | str]
) -> tuple[nbformat.NotebookNode, list[FilteredOutput]]:
    """Remove known-harmless stderr messages and record what was removed.

    Each stderr stream is split into messages (a line plus its indented continuation lines).
    A message is removed when any ``allow`` pattern matches it (``re.search``); a stream whose
    messages are all removed disappears. Other outputs are never touched.

    Parameters
    ----------
    nb
        The executed notebook. It is not modified.
    allow
        Regular expressions (compiled or strings) for messages that are known to be harmless.

    Returns
    -------
    tuple of (NotebookNode, list of FilteredOutput)
        A filtered copy of the notebook, and one record per removed message in cell order.
    """
    patterns = [re.compile(p) if isinstance(p, str) else p for p in allow]
    out = copy.deepcopy(nb)
    removed: list[FilteredOutput] = []
    for index, cell in enumerate(out.cells):
        if cell.get("cell_type") != "code":
            continue
        kept = []
        for output in cell.get("outputs", []):
            if output.get("output_type") != "stream" or output.get("name") != "stderr":
                kept.append(output)
                continue
            remaining = []
            for record in _records(_text(output.get("text", ""))):
                pattern = next((p for p in patterns if p.search(record)), None)
                if pattern is None:
                    remaining.append(record)
                else:
                    removed.append(FilteredOutput(index, record, pattern.pattern))
            if remaining:
                output.text = "".join(remaining)
                kept.append(output)
        cell.outputs = kept
    return out, removed
