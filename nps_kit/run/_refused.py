"""Units refused before any kernel starts, recorded in the manifest.

A unit whose rows or parameters cannot make a report (no response in the month, a filter that
matches no row, an invalid parameter file) gets its error record, said in the run's language.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from nps_kit.errors import ConfigError
from nps_kit.params import Overview, UnitParameters
from nps_kit.run._results import UnitResult, _overview_writer

if TYPE_CHECKING:
    from nps_kit._unit_rows import UnitRefused


def _error_record(
    error: Exception, *, key: str | None, reason: str, **extra: Any
) -> dict[str, Any]:
    """Return the manifest's ``error`` of a unit no kernel ran for, stamped with the moment."""
    from datetime import UTC, datetime

    return {
        "cell_index": None,
        "ename": type(error).__name__,
        "evalue": str(error),
        "key": key,
        "reason": reason,
        **extra,
        "at": datetime.now(UTC).isoformat(timespec="seconds"),
    }


def _refused_result(unit: UnitParameters, error: UnitRefused, sha256: str) -> UnitResult:
    """Return the manifest record of a unit refused before any kernel started (no files)."""
    from nps_kit._unit_rows import NO_RESPONSES

    return UnitResult(
        unit=unit.unit,
        name=unit.name,
        language=unit.language,
        period=error.period,
        status="no data" if error.key == NO_RESPONSES else "refused",
        seconds=0.0,
        html=None,
        notebook=None,
        # A month to date refused for too few responses: the overview says so.
        error=_error_record(
            error,
            key=error.key,
            reason=error.reason,
            **(
                {"responses": error.responses, "min_report_n": error.min_report_n}
                if error.responses is not None
                else {}
            ),
            # The reason's words, said in the reader's language by send (MSG41); reason keeps
            # the English sentence for older readers.
            **(
                {"reason_key": error.reason_key, "reason_args": error.reason_args}
                if error.reason_key is not None
                else {}
            ),
        ),
        summary=None,
        parameters={"mail": unit.mail.model_dump(mode="json")},
        input={"path": str(unit.data.path), "sha256": sha256},
    )


def _invalid_result(
    unit: str, error: ConfigError, period: str, *, name: str | None = None
) -> UnitResult:
    """Return the manifest record of a unit whose parameter file could not be used.

    ``name`` is the file's ``name`` when it could be read that far: the overview shows it as
    it shows every other unit's (FIX38: the id, beside the others' names); else the id.
    """
    return UnitResult(
        unit=unit,
        name=name or unit,
        language="",
        period=period,
        status="parameter error",
        seconds=0.0,
        html=None,
        notebook=None,
        error=_error_record(error, key=error.key, reason=error.message),
        summary=None,
        parameters={},
        input={},
    )


def _record_refusals(
    write: Callable[..., dict[str, Any]],
    output: Path,
    refused: Sequence[UnitResult],
    built: Sequence[UnitResult],
    invalid: Mapping[str, ConfigError] | None = None,
    names: Mapping[str, str] | None = None,
) -> None:
    """Write each period's manifest and overview with its refused units and the units built.

    A refused unit's row then says it was not rebuilt, and why, instead of showing its last
    report's figures as this run's (QA19); a unit refused or with a parameter error that has
    no earlier report is recorded too (QA24: ``send`` and the overview said nothing of the
    units not built). A unit whose parameter file could not be used is recorded in every
    month of the run. A month nothing was built for gets its manifest when something there is
    to fix (a unit refused for its filter, a parameter error), so that ``send`` and the
    overview say why nothing went out (FIX38: they said only "no manifest"); a month where
    every unit merely has no responses yet (a run before the month's data) gets no folder.
    """
    from nps_kit.overview import MANIFEST

    for month in sorted({r.period for r in [*built, *refused]}):
        made = [r for r in built if r.period == month]
        to_fix = invalid or any(r.status == "refused" for r in refused if r.period == month)
        if not made and not to_fix and not (output / month / MANIFEST).is_file():
            continue
        broken = [
            _invalid_result(u, e, month, name=(names or {}).get(u))
            for u, e in (invalid or {}).items()
        ]
        write(output, month, made + [r for r in refused if r.period == month] + broken)


def record_parameter_errors(
    invalid: Mapping[str, ConfigError],
    *,
    output: Path,
    period: str,
    overview: Overview | None = None,
    names: Mapping[str, str] | None = None,
) -> Path | None:
    """Record a run none of whose unit files could be used, when it named its month.

    ``run`` stops before :func:`run_reports` then; without this the month had no manifest and
    ``send`` and the overview could not say why nothing went out (FIX38).

    Parameters
    ----------
    invalid
        By unit id, the error of each unit file (:attr:`nps_kit.params.ParameterSet.invalid`).
    output
        The reports root.
    period
        The month asked for; ``latest``, ``current`` or a unit's own period cannot be known
        without a valid unit, and nothing is written.
    overview
        The overview pages' settings, as for :func:`run_reports`.
    names
        Their display names where the files could be read that far
        (:attr:`nps_kit.params.ParameterSet.invalid_names`).

    Returns
    -------
    Path or None
        The manifest written, or ``None``.
    """
    from nps_kit.overview import MANIFEST
    from nps_kit.periods import is_month

    if not invalid or not is_month(period):
        return None
    records = [_invalid_result(u, e, period, name=(names or {}).get(u)) for u, e in invalid.items()]
    _overview_writer(overview)(Path(output), period, records)
    return Path(output) / period / MANIFEST
