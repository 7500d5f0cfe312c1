"""Japanese era dates (和暦): 令和8年10月3日, R8.10.3, 令和六年十二月一日, and their Gregorian day.

Used by :mod:`nps_kit._values`, which reads every date cell; this module only knows the eras, the
era date pattern and kanji numerals.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Final

import pandas as pd

__all__ = ["ERA_RE", "arabic_numerals", "era_date"]

# Japanese era dates (和暦), as Japanese forms and office systems write them: 令和8年10月3日,
# 令和元年5月1日 9時15分, R8.10.3, R8/10/3, H31-4-30. NFKC has already turned full-width text and
# the one-character era signs (㋿ ㍻ ㍼) into these.
ERA_RE: Final = re.compile(
    r"^(?P<era>令和|平成|昭和|大正|明治|[RHSTMrhstm])\s*(?P<year>元|\d{1,2})\s*"
    r"(?:年\s*(?P<jm>\d{1,2})\s*月\s*(?P<jd>\d{1,2})\s*日|[./-](?P<m>\d{1,2})[./-](?P<d>\d{1,2}))"
    r"(?:\s*\(.\))?"
    r"(?:\s*(?P<hour>\d{1,2})(?:時|:)(?:(?P<minute>\d{1,2})分?(?::?(?P<second>\d{1,2})秒?)?)?)?$"
)
# Kanji numerals as era dates are written out on forms and in letters: 令和六年十二月一日,
# 令和八年十月三日 九時十五分; positional (二〇二六年) or with 十/百/千 (三十一, 二千二十六年).
_KANJI_DIGITS: Final = {"〇": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6}
_KANJI_DIGITS.update({"七": 7, "八": 8, "九": 9})
_KANJI_UNITS: Final = {"十": 10, "百": 100, "千": 1000}
_KANJI_NUMBER_RE: Final = re.compile("[〇零一二三四五六七八九十百千]+")
# Gregorian year of each era's first year (元年), by its name and its initial.
_ERA_FIRST_YEARS: Final = {
    "令和": 2019,
    "平成": 1989,
    "昭和": 1926,
    "大正": 1912,
    "明治": 1868,
    "R": 2019,
    "H": 1989,
    "S": 1926,
    "T": 1912,
    "M": 1868,
}


def _kanji_number(run: str) -> str:
    """Return a run of kanji numerals as Arabic digits (三十一 → 31, 二〇二六 → 2026).

    A run that is not a well-formed number (十十, 二三十) is returned as written, so the date it
    is part of stays unread rather than read wrong.
    """
    if not any(c in _KANJI_UNITS for c in run):
        return "".join(str(_KANJI_DIGITS[c]) for c in run)  # positional: 二〇二六
    total, digit, last_unit = 0, None, 10_000
    for char in run:
        if char in _KANJI_DIGITS:
            if digit is not None:
                return run
            digit = _KANJI_DIGITS[char]
        else:
            unit = _KANJI_UNITS[char]
            if unit >= last_unit or digit == 0:
                return run
            total += (1 if digit is None else digit) * unit
            digit, last_unit = None, unit
    return str(total + (digit or 0))


def arabic_numerals(text: str) -> str:
    """Write the kanji numbers of a date as Arabic digits: 令和六年十二月一日 → 令和6年12月1日."""
    if not _KANJI_NUMBER_RE.search(text):
        return text
    return _KANJI_NUMBER_RE.sub(lambda m: _kanji_number(m[0]), text)


def era_date(match: re.Match[str]) -> pd.Timestamp | None:
    """Return the Gregorian timestamp of an era date; ``None`` when the day does not exist.

    An era's year 1 (元年) is the Gregorian year it began in, so 令和8年 is 2026. A year written
    past the era's end (平成32年, as forms printed before 2019 still say) is read the same way.
    """
    first = _ERA_FIRST_YEARS[match["era"].upper() if len(match["era"]) == 1 else match["era"]]
    year = first + (0 if match["year"] == "元" else int(match["year"]) - 1)
    month = int(match["jm"] or match["m"])
    day = int(match["jd"] or match["d"])
    hour, minute, second = (int(match[k] or 0) for k in ("hour", "minute", "second"))
    try:
        return pd.Timestamp(dt.datetime(year, month, day, hour, minute, second))
    except ValueError:
        return None
