"""The ways a date is written (ISO, 2026/4/1, 令和, US and day-first, serials) and one cell read."""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from collections.abc import Iterable
from numbers import Number
from typing import Any, Final

import numpy as np
import pandas as pd

from nps_kit._era import ERA_RE, arabic_numerals, era_date
from nps_kit.i18n import t

# --- dates -------------------------------------------------------------------------------------

_EXCEL_EPOCH: Final = pd.Timestamp("1899-12-30")
# Excel serials from 1900-03-01 to 2262-04-10; smaller numbers are more likely counts than dates.
# The upper end is the last whole day pandas' nanosecond timestamps hold (2262-04-11 is 132,320):
# up to 9999-12-31 (2,958,465), 6-7 digit response ids and order numbers overflowed into a
# traceback in inspect and init (QA26 #1). A larger number is not a date.
_SERIAL_MIN, _SERIAL_MAX = 61, 132_319
# A number written as text. One with a leading zero (顧客番号 0055584) is a code, never an Excel
# serial: Excel writes no serial with one (QA24 took customer numbers for 1937 dates).
_NUMBER_RE: Final = re.compile(r"^\d+(?:\.\d+)?$")
_ZERO_PADDED_RE: Final = re.compile(r"^0\d")
_YMD_RE: Final = re.compile(
    r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})"
    r"(?:[ T](\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:\.(\d{1,6}))?)?)?$"
)
_JA_RE: Final = re.compile(
    r"^(\d{4})年(\d{1,2})月(\d{1,2})日(?:\s*\(.\))?"
    r"(?:\s*(\d{1,2})(?:時|:)(?:(\d{1,2})分?(?:(\d{1,2})秒?)?)?)?$"
)
# Day and month in either order with a 2- or 4-digit year, as US and European spreadsheets and
# Google Forms write them: 12/13/2019 9:50:30, 9/8/18 15:29, 13.12.2019, 1/2/2026 3:04 PM,
# and SurveyMonkey's Japanese interface 11/03/2026 09:05:12 午前 (QA39: read as free text).
_NUMERIC_RE: Final = re.compile(
    r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})"
    r"(?:[ T,]+(\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:\.\d{1,6})?)?\s*([AaPp][Mm]|午前|午後)?)?$"
)
# Japanese Google Forms writes a 12-hour clock with 午前/午後 after the time and the zone after
# that: 2026/11/03 9:05:33 午前 GMT+9 (12:10:00 午前 is ten past midnight). QA34 read none of them.
_YMD_HALF_RE: Final = re.compile(
    r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\s+(\d{1,2}):(\d{1,2})(?::(\d{1,2}))?\s*"
    r"(午前|午後|[AaPp][Mm])(?:\s*(?:GMT|UTC)([+-]\d{1,2})(?::?(\d{2}))?)?$"
)
# The half of the day before the time, as a Japanese Excel or Windows writes it ("yyyy/m/d
# AM/PM h:mm"): 2026/11/03 午前 9:05, 2026/11/03 午後 1:05:33 (QA39).
_YMD_HALF_FIRST_RE: Final = re.compile(
    r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\s+(午前|午後)\s*(\d{1,2}):(\d{1,2})(?::(\d{1,2}))?$"
)
# A month's name first, as Alchemer (SurveyGizmo) and US tools write: Nov 3, 2026 9:05 AM,
# November 3, 2026, Sept. 30, 2026 12:10 PM. QA34 read none of them.
_MONTHS: Final = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov",
                  "dec")  # fmt: skip
_NAMED_RE: Final = re.compile(
    r"^([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})"
    r"(?:,?\s+(\d{1,2}):(\d{1,2})(?::(\d{1,2}))?\s*([AaPp][Mm])?)?$"
)
MONTH_FIRST, DAY_FIRST = "month-first", "day-first"
#: ``date_format: "%s"``, strftime's code for Unix epoch seconds: read every whole number of
#: the column as one (milliseconds when they are 13 digits), :func:`nps_kit.clock.epoch_instants`.
EPOCH_SECONDS: Final = "%s"
#: The date forms the loader reads, for messages.
#: The examples of :data:`DATE_FORMS` written with Japanese words, as the tools write them
#: (a space beside 午前 is theirs): fields of the catalogue's ``load.date_forms``.
DATE_EXAMPLES: Final = {
    "kanji": "2026年10月3日 9時15分",
    "google": "2026/11/03 9:05:33 午前 GMT+9",
    "excel": "2026/11/03 午前 9:05",
    "monkey": "11/03/2026 09:05:33 午前",
}
DATE_FORMS: Final = t("load.date_forms", "en", **DATE_EXAMPLES)
# Vectorised formats tried on the distinct values before the per-value fallback.
_NAT: Final = np.datetime64("NaT").astype("int64").item()
_FAST_FORMATS: Final = ("ISO8601", "%Y/%m/%d %H:%M:%S", "%Y/%m/%d %H:%M", "%Y/%m/%d")


# The days pandas' nanosecond timestamps hold: a date written past them (a typed 3026 for 2026)
# stopped inspect with OutOfBoundsDatetime or wrapped round to 1829 (QA26 #1): it is not read.
_FIRST_DAY: Final = pd.Timestamp("1677-09-22")
_LAST_DAY: Final = pd.Timestamp("2262-04-10")


def _in_range(parsed: Any) -> Any:
    """Return parsed dates (an index or a series) with those pandas cannot hold in ns as NaT."""
    return parsed.where((parsed >= _FIRST_DAY) & (parsed < _LAST_DAY + pd.Timedelta(days=1)))


def _serial(number: float) -> pd.Timestamp | None:
    if not _SERIAL_MIN <= number <= _SERIAL_MAX:
        return None
    return (_EXCEL_EPOCH + pd.to_timedelta(round(number * 86_400), unit="s")).as_unit("ns")


def _numeric_date(match: re.Match[str], order: str) -> pd.Timestamp | None:
    first, second, year_text, hour, minute, second_s, ampm = match.groups()
    day, month = (int(first), int(second)) if order == DAY_FIRST else (int(second), int(first))
    year = int(year_text)
    if len(year_text) == 2:
        year += 2000 if year < 70 else 1900
    h = _hour(hour, ampm)
    if h is None:
        return None
    try:
        return pd.Timestamp(dt.datetime(year, month, day, h, int(minute or 0), int(second_s or 0)))
    except ValueError:
        return None


def _hour(hour: str | None, half: str | None) -> int | None:
    """Return the hour on a 24-hour clock (on a 12-hour one ``12 AM`` / ``12 午前`` is 0)."""
    h = int(hour or 0)
    if not half:
        return h
    if not 1 <= h <= 12:
        return None
    return h % 12 + (12 if half in ("午後",) or half.casefold() == "pm" else 0)


def _stamp(
    day: tuple[int, int, int], hour: int | None, minute: int, second: int, offset: Any = None
) -> pd.Timestamp | None:
    """Return the timestamp, ``None`` when impossible; aware with ``offset`` (``("+9", None)``)."""
    if hour is None:
        return None
    try:
        when = dt.datetime(*day, hour, minute, second)
    except ValueError:
        return None
    if offset is None:
        return pd.Timestamp(when)
    hours, minutes = int(offset[0]), int(offset[1] or 0)
    if abs(hours) > 14:
        return None
    delta = dt.timedelta(hours=abs(hours), minutes=minutes)
    zone = dt.timezone(-delta if offset[0].startswith("-") else delta)
    return pd.Timestamp(when.replace(tzinfo=zone))


def _half_day_date(text: str) -> pd.Timestamp | None:
    """Read ``2026/11/03 9:05:33 午前 GMT+9``, ``2026/11/03 午前 9:05``, ``Nov 3, 2026 9:05 AM``."""
    if (m := _YMD_HALF_FIRST_RE.match(text)) is not None:
        year, month, day, half, hour, minute, second = m.groups()
        day_ = (int(year), int(month), int(day))
        return _stamp(day_, _hour(hour, half), int(minute), int(second or 0))
    if (m := _YMD_HALF_RE.match(text)) is not None:
        year, month, day, hour, minute, second, half, zone_h, zone_m = m.groups()
        offset = None if zone_h is None else (zone_h, zone_m)
        day_ = (int(year), int(month), int(day))
        return _stamp(day_, _hour(hour, half), int(minute), int(second or 0), offset)
    if (m := _NAMED_RE.match(text)) is not None:
        name, day, year, hour, minute, second, half = m.groups()
        key = name.casefold()[:3]
        spelt = len(name) == 3 or name.casefold() == "sept" or _month_name(name) == key
        if key not in _MONTHS or not spelt:
            return None
        month = _MONTHS.index(key) + 1
        day_ = (int(year), month, int(day))
        return _stamp(day_, _hour(hour, half), int(minute or 0), int(second or 0))
    return None


def _month_name(name: str) -> str | None:
    """Return the 3-letter key of a month's full name (``November`` → ``nov``), else None."""
    try:
        return dt.datetime.strptime(name.capitalize(), "%B").strftime("%b").casefold()
    except ValueError:
        return None


def numeric_date_order(texts: Iterable[str]) -> tuple[str | None, bool]:
    """Decide whether ``n/n/yy`` dates are month-first or day-first.

    Returns ``(order, ambiguous)``: the order proven by a first number over 12 (day-first) or a
    second number over 12 (month-first); ``(None, True)`` when every date reads both ways;
    ``(None, False)`` when there are no such dates or they contradict each other.
    """
    firsts = seconds = 0
    seen = False
    for text in texts:
        match = _NUMERIC_RE.match(text)
        if match is None:
            continue
        seen = True
        firsts = max(firsts, int(match[1]))
        seconds = max(seconds, int(match[2]))
    if not seen or (firsts > 12 and seconds > 12):
        return None, False
    if firsts > 12:
        return DAY_FIRST, False
    if seconds > 12:
        return MONTH_FIRST, False
    return None, True


def _order_evidence(texts: Iterable[str], chosen: str) -> tuple[list[str], int]:
    """Return the numeric dates that read only against ``chosen``, and how many read one way.

    A first number over 12 reads only day-first, a second number over 12 only month-first;
    a date with both over 12 reads neither way and decides nothing.
    """
    against: list[str] = []
    decided = 0
    for text in texts:
        match = _NUMERIC_RE.match(text)
        if match is None:
            continue
        first, second = int(match[1]), int(match[2])
        if (first > 12) == (second > 12):
            continue
        decided += 1
        if (DAY_FIRST if first > 12 else MONTH_FIRST) != chosen:
            against.append(text)
    return against, decided


def _naive(stamp: pd.Timestamp, timezone: str | None) -> pd.Timestamp:
    """Return ``stamp`` as a naive wall-clock time: of ``timezone`` when it carries a zone.

    A time that carries its zone is an instant: seen in ``timezone`` it is the wall clock of
    the unit's readers. ``timezone`` ``None`` keeps the wall clock it was written in. A naive
    time is already a wall clock and stays as it is.
    """
    if stamp.tzinfo is None:
        return stamp
    if timezone is not None:
        stamp = stamp.tz_convert(timezone)
    return stamp.tz_localize(None)


def _parse_date_value(
    value: Any, order: str | None = None, timezone: str | None = None
) -> pd.Timestamp | None:
    """Parse one distinct cell into a naive timestamp, or ``None`` when it is not a date.

    ``order`` says how to read ``n/n/yy`` dates; ``None`` leaves them unread. A time with a
    zone is seen in ``timezone`` (:func:`_naive`).
    """
    if isinstance(value, dt.datetime | dt.date):
        return _naive(pd.Timestamp(value), timezone)
    if isinstance(value, bool | np.bool_):
        return None
    if isinstance(value, Number):
        number = float(value)  # type: ignore[arg-type]
        return _serial(number) if math.isfinite(number) else None
    text = unicodedata.normalize("NFKC", str(value)).strip()
    if "年" in text:
        text = arabic_numerals(text)
    if _NUMBER_RE.match(text):
        return None if _ZERO_PADDED_RE.match(text) else _serial(float(text))
    if order is not None and (numeric := _NUMERIC_RE.match(text)) is not None:
        return _numeric_date(numeric, order)
    if (era := ERA_RE.match(text)) is not None:
        return era_date(era)
    if (half_day := _half_day_date(text)) is not None:
        return _naive(half_day, timezone)
    match = _YMD_RE.match(text) or _JA_RE.match(text)
    if match is not None:
        year, month, day, hour, minute, second = (int(p) if p else 0 for p in match.groups()[:6])
        fraction = match.groups()[6] if len(match.groups()) > 6 else None
        micro = int((fraction or "0").ljust(6, "0"))
        try:
            return pd.Timestamp(dt.datetime(year, month, day, hour, minute, second, micro))
        except ValueError:
            return None
    try:
        stamp = pd.Timestamp(dt.datetime.fromisoformat(text))
    except ValueError:
        return None
    return _naive(stamp, timezone)


def _fast_pass(texts: pd.Index, out: np.ndarray) -> None:
    """Fill ``out`` (int64 ns, NaT) for distinct values that pandas parses with a fixed format."""
    todo = np.flatnonzero(out == _NAT)
    for fmt in _FAST_FORMATS:
        if len(todo) == 0:
            return
        try:
            parsed = pd.to_datetime(pd.Index(texts[todo]), format=fmt, errors="coerce")
        except (ValueError, TypeError):
            continue
        if getattr(parsed, "tz", None) is not None:
            continue
        parsed = _in_range(parsed)
        as_ns = parsed.as_unit("ns").asi8
        ok = ~parsed.isna()
        out[todo[ok]] = as_ns[ok]
        todo = todo[~ok]
