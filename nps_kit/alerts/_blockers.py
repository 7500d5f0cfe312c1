"""Why a unit cannot be alerted, and the columns its export offers to fix that."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from nps_kit.closed_loop import (
    alerts_need,
)
from nps_kit.errors import NpsKitError
from nps_kit.i18n import t
from nps_kit.params import UnitParameters


def _data_options(unit: UnitParameters, data: Path | None) -> tuple[Path, dict[str, object]]:
    # The unit's own loader options (one home: dates, "no answer" words, dedupe, unfinished),
    # as the report reads its export; another file's own sheet and encoding are detected.
    source = unit.data
    path = data or source.path
    options = unit.loader_options()
    if data is not None and data.suffix.lower() != source.path.suffix.lower():
        options |= {"sheet": None, "encoding": None}
    return path, options


def _skip(unit: UnitParameters) -> str | None:
    """Say why ``unit`` sends no alerts when it does not ask for any (no ``alerts.to``)."""
    return None if unit.alerts.to else t("alerts.no_to", unit.language)


def export_proposals(path: Path, options: Mapping[str, object]) -> dict[str, str]:
    """Return the ``columns:`` lines ``init --from`` would write for the export's own columns.

    The id, the consent question and the contact details, found by ``init``'s own rule
    (:func:`nps_kit.scaffold.proposed_columns`), each as its YAML line (``'id: "Response ID"'``),
    keyed by setting; a setting the export has no column for is left out. Read only when a
    unit cannot alert, so that the message names what to set (FIX44).

    Parameters
    ----------
    path
        The export.
    options
        The unit's loader options (its ``sheet``, ``encoding`` and ``date_format`` are used).

    Returns
    -------
    dict of str to str
        ``{"id": …, "contact": …, "contact_details": …}``, possibly empty (also when the
        export cannot be read: the loader then says why).
    """
    from nps_kit._yaml import scalar
    from nps_kit.inspect import inspect_export
    from nps_kit.scaffold import proposed_columns

    sheet = options.get("sheet")
    encoding = options.get("encoding")
    date_format = options.get("date_format")
    try:
        found = inspect_export(
            path,
            sheet=sheet if isinstance(sheet, (str, int)) else None,
            encoding=encoding if isinstance(encoding, str) else None,
            date_format=date_format if isinstance(date_format, str) else None,
        )
    except (NpsKitError, OSError):
        return {}
    chosen = proposed_columns(found)
    lines: dict[str, str] = {}
    if chosen.id is not None:
        lines["id"] = f"id: {scalar(chosen.id.column)}"
    else:
        # No id: the date is named only when no two rows share one, as init's comment
        # proposes it; "" says no column is unique (QA26 #18: Datum, shared by 1,027 of 1,210
        # rows, was suggested).
        date = found.column(found.date_column) if found.date_column else None
        rows = found.load.rows_read
        lines["unique"] = date.column if date is not None and date.distinct == rows > 0 else ""
    if chosen.contact is not None:
        lines["contact"] = f"contact: {scalar(chosen.contact.column)}"
    if chosen.reach:
        lines["contact_details"] = (
            f"contact_details: [{', '.join(scalar(c) for c in chosen.details)}]"
        )
    return lines


def alerts_blocker(
    unit: UnitParameters, *, proposed: Mapping[str, str] | None = None
) -> str | None:
    """Say which columns alerts need that ``unit`` has not set, and what to set; else ``None``.

    The one rule for "alerts can work": the alert log keys on ``columns.id``, only those who
    allowed contact are alerted (a yes in ``columns.contact``, or without one, a way to reach
    them left in ``columns.contact_details``:
    :func:`~nps_kit.closed_loop.contactable_detractors`), and ``--since`` reads
    ``columns.date``. A Google Forms export has neither an id nor a consent question (QA20),
    so the message names its timestamp as the id to try. The check itself is
    :func:`~nps_kit.closed_loop.alerts_need`, which the report's follow-up section asks too
    before it points the team to the alerts. ``proposed`` (:func:`export_proposals`): the
    lines to add for the columns the export has.
    """
    return alerts_need(
        id_column=unit.columns.id,
        date_column=unit.columns.date,
        contact_column=unit.columns.contact,
        details=[unit.column(c) for c in unit.columns.contact_details],
        language=unit.language,
        proposed=proposed,
    )


def _cannot_alert(unit: UnitParameters, blocker: str) -> str:
    """Return the error line of a unit that asks for alerts (``alerts.to``) and cannot."""
    if unit.language == "ja":
        return (
            f"{unit.unit}: error: alerts.toが設定されていますが、アラートを送れません。"
            f"{blocker}。またはalerts.toを削除してください。"
        )
    return (
        f"{unit.unit}: error: alerts.to is set but no alert can be sent: {blocker}, "
        "or remove alerts.to."
    )
