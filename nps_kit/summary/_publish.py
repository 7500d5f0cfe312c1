"""Carry a unit's summary from its notebook to the runner (publish, read back)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import nbformat

from nps_kit import _channel
from nps_kit.summary._records import UnitSummary

#: The notebook output type that carries the summary to the runner (never shown).
SUMMARY_MIME = "application/vnd.nps-kit.summary+json"


def as_summary(value: UnitSummary | Mapping[str, Any] | None) -> UnitSummary | None:
    """Return ``value`` as a :class:`UnitSummary`, reading its manifest JSON when it is a mapping.

    Parameters
    ----------
    value
        A summary, its JSON object (``manifest.json``'s ``units[].summary``), or ``None``.

    Returns
    -------
    UnitSummary or None
        ``None`` only for ``None``.
    """
    if value is None or isinstance(value, UnitSummary):
        return value
    return UnitSummary.from_json(value)


def publish_summary(summary: UnitSummary | Mapping[str, Any]) -> None:
    """Publish the unit's summary for the runner; the HTML report shows nothing.

    Displays ``{"application/vnd.nps-kit.summary+json": summary}`` as a raw output with no
    ``text/plain`` part, so neither the notebook nor the HTML shows it.

    Parameters
    ----------
    summary
        The unit's :class:`UnitSummary` (or its JSON object, see ``docs/architecture.md``).
        numpy/pandas scalars become plain numbers, NaN/NA become ``null``, dates ISO text.

    Raises
    ------
    TypeError
        If a value cannot be written as JSON.
    """
    data = summary.to_json() if isinstance(summary, UnitSummary) else summary
    _channel.publish(SUMMARY_MIME, _channel.jsonable(data))


def read_summary(nb: nbformat.NotebookNode) -> dict[str, Any] | None:
    """Read the summary published by :func:`publish_summary` from an executed notebook.

    Parameters
    ----------
    nb
        The executed notebook.

    Returns
    -------
    dict or None
        The last published summary as plain Python values, or ``None`` if there is none.
    """
    found = _channel.read_last(nb, SUMMARY_MIME)
    return found if isinstance(found, dict) else None
