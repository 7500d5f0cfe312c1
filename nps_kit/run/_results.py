"""What a run returns and records.

:class:`UnitResult` (one unit's outcome), :class:`RunResult` (the run's), and the writer of the
manifest and overview with the project's overview settings.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from nps_kit.errors import ConfigError
from nps_kit.params import Overview
from nps_kit.summary import UnitSummary, as_summary

FAILED_DIR = "_failed"


CACHE_DIR = ".cache"


@dataclass(frozen=True)
class UnitResult:
    """What happened to one unit.

    Attributes
    ----------
    unit, name, language, period
        From the parameters (``period`` resolved to ``YYYY-MM``).
    status
        ``"ok"`` or ``"failed"``; in the manifest also ``"refused"`` (its filter matches no
        row) or ``"no data"`` (no response in the month): refused before any kernel started,
        recorded so that the overview no longer shows the unit's last figures as this run's;
        and ``"parameter error"`` (its parameter file could not be used, so nothing of it ran).
    seconds
        Wall time of execution and export.
    html
        The report, or ``None`` when the unit failed.
    notebook
        The executed notebook (under ``_failed/`` when the unit failed).
    error
        ``{"cell_index", "ename", "evalue"}`` when the unit failed; for a refused unit also
        ``key`` (:data:`nps_kit._unit_rows.NO_ROWS` or ``NO_RESPONSES``), ``reason`` and ``at``
        (when, ISO 8601 UTC). Else ``None``.
    summary
        What the notebook published with ``nps_kit.summary.publish_summary``, if anything (its
        manifest JSON is read into a :class:`~nps_kit.summary.UnitSummary`).
    parameters
        The parameters injected into the notebook.
    input
        ``{"path", "sha256"}`` of the data file.
    """

    unit: str
    name: str
    language: str
    period: str
    status: Literal["ok", "failed", "refused", "no data", "parameter error"]
    seconds: float
    html: Path | None
    notebook: Path | None
    error: dict[str, Any] | None
    summary: UnitSummary | None
    parameters: dict[str, Any]
    input: dict[str, str]

    def __post_init__(self) -> None:
        # A result rebuilt from manifest.json carries the summary's JSON: read it once, here.
        object.__setattr__(self, "summary", as_summary(self.summary))


@dataclass(frozen=True)
class RunResult:
    """Every unit's result, in the order the units were given.

    ``skipped`` holds, by unit id, the units that were not run because their filter matches no
    row of the export (``key`` ``data.filter.values``) or they have no response in the month
    (``key`` ``period``); no kernel started for them and nothing of theirs was written.
    """

    output: Path
    units: list[UnitResult] = field(default_factory=list)
    skipped: dict[str, ConfigError] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        """Whether every unit succeeded."""
        return all(u.status == "ok" for u in self.units)

    @property
    def failed(self) -> list[UnitResult]:
        """The units that failed."""
        return [u for u in self.units if u.status != "ok"]


def _overview_writer(overview: Overview | None) -> Callable[..., dict[str, Any]]:
    """``write_manifest_and_overview`` with the project's overview settings."""
    from nps_kit.overview import write_manifest_and_overview

    if overview is None:
        return write_manifest_and_overview
    return functools.partial(
        write_manifest_and_overview,
        language=overview.language,
        timezone=overview.timezone,
        unit_label=overview.unit_label,
    )
