"""Reporting periods: the one home of the month rules.

A reporting period is a calendar month written ``YYYY-MM``. ``"latest"`` means the latest
month that has data: the month of the file's latest response date, complete or not (the
report's title says when that month is not complete, see
:func:`nps_kit.unit.incomplete_through`). The dates are always read through the loader
(:func:`nps_kit.load.load_responses`), so every encoding, delimiter, spreadsheet and survey-tool
export it reads, and every date form it parses (``2026年10月31日``), gives the same month in
``nps-kit run`` (before any kernel starts) and in the notebook (:func:`nps_kit.unit.prepare_unit`).
"""

from __future__ import annotations

import calendar
import re
from pathlib import Path
from typing import TYPE_CHECKING

from nps_kit.i18n import Language

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "LATEST",
    "MONTH",
    "format_period",
    "is_month",
    "is_period",
    "latest_month",
    "latest_month_in_file",
    "shift_period",
]

LATEST = "latest"
#: A reporting month, ``YYYY-MM`` (use with ``fullmatch``).
MONTH = re.compile(r"\d{4}-(0[1-9]|1[0-2])")


def is_month(text: str) -> bool:
    """Return whether ``text`` is a month written ``YYYY-MM`` (``2026-10``, not ``2026-9``)."""
    return MONTH.fullmatch(text) is not None


def is_period(text: str) -> bool:
    """Return whether ``text`` is a valid ``period`` option: a month or ``"latest"``."""
    return text == LATEST or is_month(text)


def shift_period(period: str, months: int) -> str:
    """Move a ``YYYY-MM`` period by ``months`` (negative = earlier)."""
    import pandas as pd  # lazily: the CLI and `nps-kit send` import this module

    return str(pd.Period(period, freq="M") + months)


def format_period(period: str, lang: Language) -> str:
    """Format a period label (``2026-10``, ``2026-Q3``, ``2026-W41``) for reading.

    ``2026-10`` becomes ``2026年10月`` in Japanese and ``October 2026`` in English.
    """
    year, _, rest = period.partition("-")
    if rest.isdigit():
        month = int(rest)
        if lang == "ja":
            return f"{year}年{month}月"
        return f"{calendar.month_name[month]} {year}"
    if rest.startswith("Q"):
        return f"{year}年 第{rest[1:]}四半期" if lang == "ja" else f"{rest} {year}"
    if rest.startswith("W"):
        return f"{year}年 第{int(rest[1:])}週" if lang == "ja" else f"Week {int(rest[1:])}, {year}"
    return period


def latest_month(dates: pd.Series) -> str | None:
    """Return the month of the latest date in ``dates``, or ``None`` when no date is readable.

    Parameters
    ----------
    dates
        Parsed dates (``datetime64``; ``NaT`` ignored), e.g. the loader's ``nps_date``.

    Returns
    -------
    str or None
        ``YYYY-MM``, complete or not. Judged on the whole file, not one unit, so that every
        unit of a run reports the same month.
    """
    last = dates.max()
    if last is None or last != last:  # NaT
        return None
    return str(last.to_period("M"))


# Key: the file's identity and the loader options. `nps-kit run` resolves "latest" once per unit
# and the units of a project usually share one export: read it once.
_LATEST: dict[tuple[object, ...], str | None] = {}


def latest_month_in_file(
    path: str | Path,
    *,
    score_column: str,
    date_column: str,
    sheet: str | int | None = None,
    encoding: str | None = None,
    date_format: str | None = None,
) -> str | None:
    """Return the latest month of a survey export that has data, read through the loader.

    Parameters
    ----------
    path
        The export (any format :func:`nps_kit.load.load_responses` reads).
    score_column, date_column, sheet, encoding, date_format
        Passed to the loader.

    Returns
    -------
    str or None
        ``YYYY-MM`` (see :func:`latest_month`), or ``None`` when the date column holds
        no readable date.

    Raises
    ------
    DataError
        When the loader cannot read the file or a column does not exist.
    """
    from nps_kit.load import load_responses  # heavy; `nps-kit send` formats periods only

    path = Path(path)
    stat = path.stat() if path.is_file() else None
    key = (
        str(path.resolve()),
        stat and (stat.st_mtime_ns, stat.st_size),
        score_column,
        date_column,
        sheet,
        encoding,
        date_format,
    )
    if stat is None or key not in _LATEST:
        loaded = load_responses(
            path,
            score_column=score_column,
            date_column=date_column,
            sheet=sheet,
            encoding=encoding,
            date_format=date_format,
        )
        _LATEST[key] = latest_month(loaded.data["nps_date"])
    return _LATEST[key]
