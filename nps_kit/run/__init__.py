"""Run the report notebook for many units in parallel, on warm kernels, with atomic writes.

For every unit: inject its parameters into the notebook (papermill), execute it, check that no
cell wrote to stderr, warned or raised, export the HTML, and only then replace
``<output>/<period>/<unit>.html`` and ``<unit>.ipynb`` (temp file in the same folder +
``os.replace``), so a failed or interrupted run never destroys the last good report. A failed
unit's executed notebook goes to ``<output>/<period>/_failed/<unit>.ipynb`` and the other units
carry on. Each finished unit is merged into ``manifest.json`` at once (under the reports folder's
lock, so concurrent runs keep each other's units); at the end the overview ``index.html`` is
rewritten.

Interruption (``KeyboardInterrupt``; the command turns SIGTERM into one): workers replace a
unit's files only while the run is open, one unit at a time, so the main thread closes the run,
records the units that finished, rewrites the overview and removes the scratch folder where
notebooks execute. No partial file is left in ``<output>/<period>/``, the manifest lists exactly
the units whose reports were replaced, and every other unit keeps its last report.

This ``__init__`` is the package's public face (import from ``nps_kit.run``); the work is in
flat private modules, one job each:

- ``_runner``: :func:`run_reports`, the parallel run, and :func:`build_once` (``run --watch``);
- ``_results``: :class:`UnitResult`, :class:`RunResult`, and the manifest and overview writer;
- ``_jobs``: a unit's job, its notebook with parameters injected (:func:`prepare_notebook`);
- ``_execute``: one unit executed on a kernel and its files replaced;
- ``_refused``: units refused before any kernel, recorded in the manifest;
- ``_caches``: one parse per run, the export caches;
- ``_lines``: what ``run`` says (progress, warnings, notes, the end-of-run table).
"""

from __future__ import annotations

from nps_kit.run._caches import cache_folder as cache_folder
from nps_kit.run._caches import export_cache, unit_caches
from nps_kit.run._jobs import prepare_notebook
from nps_kit.run._lines import closing, progress_line, summary_table
from nps_kit.run._lines import contact_warnings as contact_warnings
from nps_kit.run._lines import playbook_notes as playbook_notes
from nps_kit.run._lines import refusal_line as refusal_line
from nps_kit.run._lines import stale_exports as stale_exports
from nps_kit.run._refused import record_parameter_errors
from nps_kit.run._results import CACHE_DIR as CACHE_DIR
from nps_kit.run._results import FAILED_DIR as FAILED_DIR
from nps_kit.run._results import RunResult, UnitResult
from nps_kit.run._runner import build_once, run_reports

__all__ = [
    "RunResult",
    "UnitResult",
    "build_once",
    "closing",
    "export_cache",
    "prepare_notebook",
    "progress_line",
    "record_parameter_errors",
    "run_reports",
    "summary_table",
    "unit_caches",
]
