"""``manifest.json``: what each unit's run recorded, merged per period under the folder's lock."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Any, Protocol

from nps_kit import __version__
from nps_kit._atomic import atomic_write_text
from nps_kit._lock import file_lock
from nps_kit.overview._cells import _floor
from nps_kit.summary import (
    UnitSummary,
    floor_summary,
    report_floor,
)


class UnitResult(Protocol):
    """What the manifest records of a unit's run (:class:`nps_kit.run.UnitResult`).

    A protocol, so that this module does not import ``run``, which imports it.
    """

    @property
    def unit(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def language(self) -> str: ...
    @property
    def status(self) -> str: ...
    @property
    def seconds(self) -> float: ...
    @property
    def html(self) -> Path | None: ...
    @property
    def notebook(self) -> Path | None: ...
    @property
    def error(self) -> dict[str, Any] | None: ...
    @property
    def summary(self) -> UnitSummary | None: ...
    @property
    def parameters(self) -> dict[str, Any]: ...
    @property
    def input(self) -> dict[str, str]: ...


MANIFEST = "manifest.json"
#: In the reports folder, not a period folder: one lock also orders the periods index.
MANIFEST_LOCK = ".manifest.lock"
# Units refused before a kernel started (nps_kit.run): their entry replaces a report of an
# earlier run, whose figures the overview no longer shows as this run's, and says why.
_REFUSED = ("refused", "no data", "parameter error")
_PACKAGES = ("pandas", "numpy", "matplotlib", "seaborn", "papermill", "nbconvert", "nbclient")


def manifest_entry(result: UnitResult) -> dict[str, Any]:
    """Return the manifest record of one unit (paths relative to the period folder).

    Its summary as the anonymity floor shows it (:func:`nps_kit.summary.floor_summary`, with
    the floor the notebook ran with): a reports folder is shared as it is, so its JSON holds
    no figure the overview and the e-mail hide, only what they say instead (n, the floor, the
    fiscal year's counts and why it is hidden).
    """
    summary = (
        None
        if result.summary is None
        else floor_summary(result.summary, report_floor(result.parameters))
    )
    folder = result.notebook.parent if result.notebook else None
    if folder is not None and folder.name == "_failed":
        folder = folder.parent
    return {
        "unit": result.unit,
        "name": result.name,
        "language": result.language,
        "status": result.status,
        "html": result.html.name if result.html else None,
        "notebook": (
            result.notebook.relative_to(folder).as_posix() if result.notebook and folder else None
        ),
        "seconds": result.seconds,
        "parameters": result.parameters,
        "input": result.input,
        "error": result.error,
        "summary": summary.to_json() if summary else None,
    }


def _packages() -> dict[str, str]:
    versions = {}
    for name in _PACKAGES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            continue
    return versions


def update_manifest(output: Path, period: str, results: list[UnitResult]) -> dict[str, Any]:
    """Merge ``results`` into ``<output>/<period>/manifest.json`` under the folder's lock.

    The runner calls this as each unit finishes, so that an interrupted run still lists every
    unit whose report it replaced. The overview pages are left as they are.

    Parameters
    ----------
    output
        The reports folder.
    period
        ``YYYY-MM``.
    results
        Units just run for that period; other units already in the manifest are kept.

    Returns
    -------
    dict
        The manifest written.
    """
    with file_lock(Path(output) / MANIFEST_LOCK):
        return _merge_manifest(Path(output) / period, period, results)


def _merge_manifest(folder: Path, period: str, results: list[UnitResult]) -> dict[str, Any]:
    """Read, merge and write one manifest; the caller holds the lock."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / MANIFEST
    units: dict[str, dict[str, Any]] = {}
    if path.is_file():
        try:
            previous = json.loads(path.read_text(encoding="utf-8"))
            units = {u["unit"]: u for u in previous.get("units", [])}
        except (ValueError, KeyError, TypeError, AttributeError):
            units = {}  # unreadable: the units of this run replace it
        # The units this run keeps from a manifest written before the summary was floored at
        # write time lose what the floor hides now.
        units = {k: _floored_entry(u) for k, u in units.items()}
    for result in results:
        # A unit refused without an earlier entry is recorded too: send and the overview then
        # name every unit the run was asked for (QA24: "2 sent", exit 0, with 2 of 4 missing).
        units[result.unit] = manifest_entry(result)
    manifest = {
        "period": period,
        "generated_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "nps_kit_version": __version__,
        "packages": _packages(),
        "units": [units[k] for k in sorted(units)],
    }
    atomic_write_text(path, json.dumps(manifest, ensure_ascii=False, indent=2) + "\n")
    return manifest


def _floored_entry(entry: dict[str, Any]) -> dict[str, Any]:
    """Return a kept manifest record with its summary as the floor shows it (else as it was)."""
    summary = entry.get("summary")
    if not isinstance(summary, dict):
        return entry
    read = UnitSummary.from_json(summary)
    floored = floor_summary(read, _floor(entry))
    return entry if floored == read else {**entry, "summary": floored.to_json()}
