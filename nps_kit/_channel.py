"""The runner's channel: data a report notebook hands to ``nps-kit run``, never shown to readers.

A notebook cell displays ``{mime: data}`` as a raw output with no ``text/plain`` part (so the
notebook shows nothing); the runner reads the last such output from the executed notebook. The
HTML export drops every output whose type starts with :data:`RUNNER_MIME` (``render.py``). Used
for the run summary (:mod:`nps_kit.summary`) and the follow-up work table
(:mod:`nps_kit.followup_files`).
"""

from __future__ import annotations

import datetime as dt
import json
import math
from collections.abc import Mapping
from typing import Any

import nbformat
import pandas as pd

__all__ = ["RUNNER_MIME", "jsonable", "publish", "read_last"]

#: Every MIME type of the channel starts with this.
RUNNER_MIME = "application/vnd.nps-kit."


def jsonable(value: Any) -> Any:
    """Turn numpy/pandas scalars, NaN/NA/NaT, infinities and dates into plain JSON values."""
    if isinstance(value, Mapping):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, pd.Timestamp | dt.date):
        return value.isoformat()
    if hasattr(value, "item") and not isinstance(value, str | bytes):
        return jsonable(value.item())
    if isinstance(value, float) and (math.isnan(value) or math.isinf(value)):
        return None
    return value


def publish(mime: str, data: Any) -> None:
    """Display ``data`` under ``mime`` for the runner; nothing is shown in the notebook.

    Raises
    ------
    TypeError
        If ``data`` cannot be written as JSON (raised in the cell that built it).
    """
    from IPython.display import display

    if not mime.startswith(RUNNER_MIME):
        raise ValueError(f"runner outputs use {RUNNER_MIME}* types, got {mime!r}")
    json.dumps(data, allow_nan=False)
    display({mime: data}, raw=True)


def read_last(nb: nbformat.NotebookNode, mime: str) -> Any | None:
    """Return the last ``mime`` output of an executed notebook as plain values, or ``None``."""
    found: Any | None = None
    for cell in nb.cells:
        for output in cell.get("outputs", []) if cell.get("cell_type") == "code" else []:
            data = output.get("data", {})
            if mime in data:
                value = data[mime]
                found = json.loads(value if isinstance(value, str) else json.dumps(value))
    return found
