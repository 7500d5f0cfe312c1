"""Dates typed without a year (``12月4日``, ``12/3``, ``3 Dec``) into a returned work file.

A receptionist marking whom they called writes the day as they would on paper. The year is
known when exactly one reading falls in the weeks before the report is made (:data:`WINDOW_DAYS`)
and none in the future: a contact is recorded after it happened, and a work file comes back
within weeks. Otherwise the cell stays unread and the report asks for the year.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

__all__ = ["WINDOW_DAYS", "has_no_year", "yearless_date"]

#: How far before the report's day a date without a year may be read (eight weeks).
WINDOW_DAYS = 56

_KANJI = re.compile(r"^(\d{1,2})\s*月\s*(\d{1,2})\s*日$")
_NUMERIC = re.compile(r"^(\d{1,2})\s*[/.]\s*(\d{1,2})$")
#: English month names and their three-letter forms: 3 Dec, 3rd December, Dec 3 (QA24).
_MONTHS = {
    name: number
    for number, full in enumerate(
        (
            "january february march april may june july august september october november december"
        ).split(),
        1,
    )
    for name in (full, full[:3], "sept" if full == "september" else full[:3])
}
_NAMED = "(" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
_DAY_MONTH = re.compile(rf"^{_DAY}\s*{_NAMED}$", re.IGNORECASE)
_MONTH_DAY = re.compile(rf"^{_NAMED}\s*{_DAY}$", re.IGNORECASE)


def _parts(text: str, order: str | None) -> list[tuple[int, int]]:
    """Return the (month, day) readings of ``text``: one for 12月4日, one or two for 12/3."""
    text = unicodedata.normalize("NFKC", text).strip()
    if m := _KANJI.match(text):
        return [(int(m[1]), int(m[2]))]
    if m := _DAY_MONTH.match(text):  # a month by name is never ambiguous
        return [(_MONTHS[m[2].casefold()], int(m[1]))]
    if m := _MONTH_DAY.match(text):
        return [(_MONTHS[m[1].casefold()], int(m[2]))]
    if m := _NUMERIC.match(text):
        a, b = int(m[1]), int(m[2])
        readings = {"month-first": [(a, b)], "day-first": [(b, a)]}
        return readings.get(order or "", [(a, b), (b, a)])
    return []


def _exists(month: int, day: int) -> bool:
    try:
        dt.date(2024, month, day)  # a leap year: 2月29日 is a day of some years
    except ValueError:
        return False
    return True


def has_no_year(text: object, *, order: str | None = None) -> bool:
    """Whether ``text`` is a day of the calendar written without a year (``12月4日``, ``12/3``).

    ``11/31`` is not: no year has it, so the cell is simply not a date.
    """
    return isinstance(text, str) and any(_exists(m, d) for m, d in _parts(text, order))


def yearless_date(text: object, *, today: dt.date, order: str | None = None) -> dt.date | None:
    """Read a month and day without a year, when only one date in the window fits.

    Parameters
    ----------
    text
        The cell as typed (``12月4日``, ``１２月４日``, ``12/3``).
    today
        The report's day, in the unit's time zone.
    order
        How the team writes ``3/12`` (``"day-first"``, ``"month-first"``), or ``None`` to
        try both readings.

    Returns
    -------
    datetime.date or None
        The one date, in this year or the last, from ``WINDOW_DAYS`` days before ``today`` to
        ``today``; ``None`` when there is none, more than one, or ``text`` is no such date.
    """
    if not isinstance(text, str):
        return None
    found = set()
    for month, day in _parts(text, order):
        for year in (today.year, today.year - 1):
            try:
                day_ = dt.date(year, month, day)
            except ValueError:
                continue
            if 0 <= (today - day_).days <= WINDOW_DAYS:
                found.add(day_)
    return found.pop() if len(found) == 1 else None
