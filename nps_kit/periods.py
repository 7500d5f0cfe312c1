"""Reporting periods: the one home of the month rules.

A reporting period is a calendar month written ``YYYY-MM``. Two words pick one from the data:

- ``"latest"`` (the default) is the latest *complete* month with data: the month of the file's
  latest response date once that month has ended where the readers are (the unit's time zone),
  else the month before it. A scheduler that runs on the 1st reports the month that just ended,
  not a day of the new one. Only when every response is in the running month (a survey that
  started this month) is that month reported, and its title says it is not complete.
- ``"current"`` is the month of the file's latest response date, complete or not: what
  ``"latest"`` meant in earlier versions. A month still running where the readers are
  (:func:`month_running`) is labelled "month to date" wherever its figures are shown
  (``format_period(..., to_date=True)``: the report's headline, the e-mail, the overview),
  and ``nps-kit run`` refuses it while it has fewer responses than a group needs to be shown
  (``thresholds.min_report_n``): one patient's answer is not the month's result.

The dates are always read through the loader (:func:`nps_kit.load.load_responses`), so every
encoding, delimiter, spreadsheet and survey-tool export it reads, and every date form it parses
(``2026年10月31日``), gives the same month in ``nps-kit run`` (before any kernel starts) and in
the notebook (:func:`nps_kit.unit.prepare_unit`).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from nps_kit.i18n import Language, join_names, t

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "CURRENT",
    "FISCAL_START",
    "LATEST",
    "MONTH",
    "TREND_MONTHS",
    "WORDS",
    "FiscalSpan",
    "NamedBy",
    "fiscal_label_text",
    "fiscal_named_by",
    "fiscal_period",
    "fiscal_start",
    "fiscal_to_date",
    "fiscal_year",
    "fiscal_year_name",
    "format_period",
    "is_month",
    "is_period",
    "last_ended_month",
    "late_export",
    "latest_month",
    "latest_month_in_file",
    "month_running",
    "reporting_month",
    "shift_period",
]

LATEST = "latest"
CURRENT = "current"
#: The words a ``period`` may be instead of a month.
WORDS = (LATEST, CURRENT)
#: Months of a report's trend and of its control limits, the reporting month last.
TREND_MONTHS = 12
#: A reporting month, ``YYYY-MM`` (use with ``fullmatch``).
MONTH = re.compile(r"\d{4}-(0[1-9]|1[0-2])")


def is_month(text: str) -> bool:
    """Return whether ``text`` is a month written ``YYYY-MM`` (``2026-10``, not ``2026-9``)."""
    return MONTH.fullmatch(text) is not None


def is_period(text: str) -> bool:
    """Return whether ``text`` is a valid ``period`` option: a month, ``latest`` or ``current``."""
    return text in WORDS or is_month(text)


def shift_period(period: str, months: int) -> str:
    """Move a ``YYYY-MM`` period by ``months`` (negative = earlier)."""
    import pandas as pd  # lazily: the CLI and `nps-kit send` import this module

    return str(pd.Period(period, freq="M") + months)


def format_period(period: str, lang: Language, *, to_date: bool = False) -> str:
    """Format a period label (``2026-10``, ``2026-Q3``, ``2026-W41``) for reading.

    ``2026-10`` becomes ``2026年10月`` in Japanese and ``October 2026`` in English; with
    ``to_date`` (a month still running, :func:`month_running`) ``2026年10月（月途中）`` and
    ``October 2026 to date``, so that a partial month is never read as the month's result.
    """
    year, _, rest = period.partition("-")
    if rest.isdigit():
        month = int(rest)
        name = f"{year}年{month}月" if lang == "ja" else f"{calendar.month_name[month]} {year}"
        return t("periods.to_date", lang, period=name) if to_date else name
    if rest.startswith("Q"):
        return f"{year}年 第{rest[1:]}四半期" if lang == "ja" else f"{rest} {year}"
    if rest.startswith("W"):
        return f"{year}年 第{int(rest[1:])}週" if lang == "ja" else f"Week {int(rest[1:])}, {year}"
    return period


#: The first month of a unit's fiscal year when its parameters do not say
#: (``fiscal_year_start``): April for a Japanese unit (年度, April to March), January (the
#: calendar year) for any other, whose country nps-kit cannot tell (the UK's starts in April,
#: the US federal year in October, Australia's in July: set it).
FISCAL_START: dict[str, int] = {"ja": 4, "en": 1}


def fiscal_start(language: str, given: int | None = None) -> int:
    """Return the first month of the fiscal year: ``given``, else the language's default."""
    return given if given is not None else FISCAL_START.get(language, 1)


#: Which calendar year names a fiscal year (``fiscal_year_named_by``): the one it starts in
#: (Japanese 年度: 2026年度 is April 2026 to March 2027) or the one it ends in (the UK's and
#: the US federal government's: FY2027 is April 2026 to March 2027, October 2026 to
#: September 2027).
NamedBy = Literal["start", "end"]


def fiscal_named_by(language: str, start: int, given: NamedBy | None = None) -> NamedBy:
    """Return which year names a fiscal year: ``given``, else by language and first month.

    Japanese names 年度 by the year it starts in; English by the year it ends in, as the UK
    (April) and the US federal government (October) do, unless the year is the calendar
    year (``start`` 1), which starts and ends in one year.

    Examples
    --------
    >>> fiscal_named_by("ja", 4), fiscal_named_by("en", 4), fiscal_named_by("en", 1)
    ('start', 'end', 'start')
    >>> fiscal_named_by("en", 10, "start")
    'start'
    """
    if given is not None:
        return given
    return "end" if language != "ja" and start != 1 else "start"


def fiscal_year_name(year: int, start: int, named_by: NamedBy = "start") -> int:
    """Return the number that names the fiscal year starting in month ``start`` of ``year``.

    The one rule of every place that names a fiscal year (the report's card and method text,
    the overview, the e-mail, ``nps-kit score --period fiscal-year``).

    Examples
    --------
    >>> fiscal_year_name(2026, 4), fiscal_year_name(2026, 4, "end")
    (2026, 2027)
    >>> fiscal_year_name(2026, 1, "end")  # the calendar year starts and ends in 2026
    2026
    """
    return year + 1 if named_by == "end" and start != 1 else year


def fiscal_year(month: str, start: int) -> int:
    """Return the fiscal year of the month ``YYYY-MM``, named by the year it starts in.

    2026年度 (FY2026) with ``start=4`` is April 2026 to March 2027, so March 2027 is in 2026.

    Examples
    --------
    >>> fiscal_year("2027-03", 4), fiscal_year("2027-04", 4), fiscal_year("2027-03", 1)
    (2026, 2027, 2027)
    """
    year, number = int(month[:4]), int(month[5:7])
    return year if number >= start else year - 1


@dataclass(frozen=True)
class FiscalSpan:
    """Months of one fiscal year from its first month through ``last`` (fiscal year to date).

    Attributes
    ----------
    year
        The calendar year the fiscal year starts in.
    first, last
        Its first month and the last month counted, ``YYYY-MM``.
    named_by
        Which year names it (:func:`fiscal_year_name`): :attr:`name`, FY2026 or 2026年度
        for ``year`` 2026 named by its start, FY2027 named by its end.
    """

    year: int
    first: str
    last: str
    named_by: NamedBy = "start"

    @property
    def name(self) -> int:
        """The number the fiscal year is named by (:func:`fiscal_year_name`)."""
        return fiscal_year_name(self.year, int(self.first[5:7]), self.named_by)

    @property
    def months(self) -> tuple[str, ...]:
        """Every month of the span, ``YYYY-MM``, in order."""
        import pandas as pd  # lazily: the CLI and `nps-kit send` import this module

        first, last = pd.Period(self.first, freq="M"), pd.Period(self.last, freq="M")
        return tuple(str(first + i) for i in range((last - first).n + 1))

    def year_before(self) -> FiscalSpan:
        """Return the same months of the fiscal year before (what year to date compares with)."""
        first, last = shift_period(self.first, -12), shift_period(self.last, -12)
        return FiscalSpan(self.year - 1, first, last, self.named_by)

    def label(self, lang: Language, *, to_date: bool = True) -> str:
        """Name the span: ``2026年度累計（4〜10月）``, ``FY2026 to date (Apr–Oct)``.

        A span of one month (the reporting month opens the fiscal year) says so:
        ``2026年度累計（4月のみ）``, ``FY2026 to date (Apr only)``. Without ``to_date`` the
        span of an earlier year: ``2025年度（4〜10月）``, ``FY2025 (Apr–Oct)``.
        """
        first, last = int(self.first[5:]), int(self.last[5:])
        if lang == "ja":
            months = f"{first}月のみ" if self.first == self.last else None
            months = months or f"{first}〜{last}月"
        else:
            abbr = calendar.month_abbr
            months = f"{abbr[first]} only" if self.first == self.last else None
            months = months or f"{abbr[first]}\u2013{abbr[last]}"
        key = "periods.fiscal_to_date" if to_date else "periods.fiscal_span"
        return t(key, lang, year=self.name, months=months)


def fiscal_to_date(month: str, start: int, *, named_by: NamedBy = "start") -> FiscalSpan:
    """Return the fiscal year to date of ``month``: its fiscal year's first month to it.

    Examples
    --------
    >>> fiscal_to_date("2027-01", 4)
    FiscalSpan(year=2026, first='2026-04', last='2027-01', named_by='start')
    >>> fiscal_to_date("2026-04", 4).months, fiscal_to_date("2026-04", 4, named_by="end").name
    (('2026-04',), 2027)
    """
    if not 1 <= start <= 12:
        raise ValueError(f"start must be a month number 1-12, got {start!r}")
    year = fiscal_year(month, start)
    return FiscalSpan(year, f"{year:04d}-{start:02d}", month, named_by)


def fiscal_period(
    month: str, start: int, *, quarter: bool = False, named_by: NamedBy = "start"
) -> tuple[str, str]:
    """Return the fiscal year (or quarter) of ``month`` as ``nps-kit score`` labels it.

    Returns ``(label, first month)``: ``("FY2026", "2026-04")``, or with ``quarter``
    ``("FY2026 Q3", "2026-10")``; Q1 is the fiscal year's first three months. The year is
    named as ``named_by`` says (:func:`fiscal_year_name`).

    Examples
    --------
    >>> fiscal_period("2027-02", 4), fiscal_period("2027-02", 4, quarter=True)
    (('FY2026', '2026-04'), ('FY2026 Q4', '2027-01'))
    >>> fiscal_period("2026-10", 10, named_by="end")
    ('FY2027', '2026-10')
    """
    span = fiscal_to_date(month, start, named_by=named_by)
    if not quarter:
        return f"FY{span.name}", span.first
    number = (len(span.months) - 1) // 3
    return f"FY{span.name} Q{number + 1}", shift_period(span.first, 3 * number)


#: A fiscal group label of ``nps-kit score`` (:func:`fiscal_period`): ``FY2026``, ``FY2026 Q1``.
_FISCAL_LABEL = re.compile(r"FY(\d{4})(?: Q([1-4]))?")


def fiscal_label_text(label: str, lang: Language) -> str:
    """Say a :func:`fiscal_period` label in ``lang``; any other text is returned unchanged.

    ``FY2026`` is ``2026年度`` and ``FY2026 Q1`` ``2026年度第1四半期`` in Japanese, as a
    Japanese reader names them; English keeps the label (csv and json always do).

    Examples
    --------
    >>> fiscal_label_text("FY2026 Q1", "ja"), fiscal_label_text("FY2026", "en")
    ('2026年度第1四半期', 'FY2026')
    """
    found = _FISCAL_LABEL.fullmatch(label)
    if found is None or lang != "ja":
        return label
    year, quarter = found.groups()
    if quarter is None:
        return t("periods.fiscal_year", lang, year=year)
    return t("periods.fiscal_quarter", lang, year=year, quarter=quarter)


def month_running(month: str, *, now: dt.datetime) -> bool:
    """Return whether the month ``YYYY-MM`` has not ended by ``now`` (its wall clock).

    The one rule for "this month's figures are partial": a report made after the month's end
    is complete however early its last response came.

    Examples
    --------
    >>> import datetime as dt
    >>> month_running("2026-12", now=dt.datetime(2026, 12, 4, 9))
    True
    >>> month_running("2026-11", now=dt.datetime(2026, 12, 1, 0, 0))
    False
    """
    import pandas as pd  # lazily: the CLI and `nps-kit send` import this module

    moment = pd.Timestamp(now.replace(tzinfo=None))
    return bool(moment < (pd.Period(month, freq="M") + 1).start_time)


def late_export(
    name: str,
    newest: str,
    *,
    missed: str,
    units: Sequence[str],
    then: str,
    lang: Language = "en",
) -> str:
    """Return the warning of an export that holds nothing of the time asked for (QA22 #6).

    One wording for ``run`` (period ``latest`` falls back to an earlier month) and ``alerts``
    (no response in the window at all): an export downloaded by hand and forgotten would
    otherwise look like a quiet month or a quiet day, indefinitely.

    Parameters
    ----------
    name
        The export's file name.
    newest
        Its newest response: a month (``2026-10``) or a time (``2026-12-01 00:05``).
    missed
        What that means for the command, e.g. "period 'latest' reports 2026-10 though
        2026-11 has ended".
    units
        The units concerned.
    then
        What to do once the export is complete.
    lang
        The language of ``missed`` and ``then`` (``alerts`` says a unit's in its own; FIX80).
    """
    return t(
        "late_export",
        lang,
        name=name,
        newest=newest,
        missed=missed,
        units=join_names(units, lang),
        then=then,
    )


def last_ended_month(now: dt.datetime) -> str:
    """Return the last calendar month that has ended by ``now`` (its wall clock), ``YYYY-MM``.

    What ``latest`` reports when the export is up to date; a ``latest`` that resolves to an
    earlier month means the export has nothing after it (a late or failed load), which
    ``nps-kit run`` warns about.

    Examples
    --------
    >>> import datetime as dt
    >>> last_ended_month(dt.datetime(2026, 12, 4, 9))
    '2026-11'
    """
    return shift_period(f"{now.year:04d}-{now.month:02d}", -1)


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


def reporting_month(
    word: str, first: pd.Timestamp | None, last: pd.Timestamp | None, *, now: dt.datetime
) -> str | None:
    """Return the month ``"latest"`` or ``"current"`` stands for, given the data's date range.

    Parameters
    ----------
    word
        ``"latest"`` (the latest complete month) or ``"current"`` (the latest month with data,
        complete or not); a month ``YYYY-MM`` is returned as it is.
    first, last
        The earliest and latest response dates of the whole file (not one unit's, so every unit
        of a run reports the same month); ``None`` when no date is readable.
    now
        When the report is made, as wall-clock time where its readers are (a zone-aware
        moment is read in its own zone: pass :func:`nps_kit.clock.now` of the unit).

    Returns
    -------
    str or None
        ``YYYY-MM``, or ``None`` when there is no date. ``"latest"`` is the month of ``last``
        when that month has ended by ``now``, else the month before ``now``'s, unless no
        response is earlier than that (a survey that started this month: its running month).

    Examples
    --------
    >>> import datetime as dt, pandas as pd
    >>> first, last = pd.Timestamp("2026-09-01"), pd.Timestamp("2026-12-01 08:00")
    >>> reporting_month("latest", first, last, now=dt.datetime(2026, 12, 1, 9))
    '2026-11'
    >>> reporting_month("current", first, last, now=dt.datetime(2026, 12, 1, 9))
    '2026-12'
    """
    import pandas as pd  # lazily: the CLI and `nps-kit send` import this module

    if word not in WORDS:
        return word
    if first is None or last is None or pd.isna(first) or pd.isna(last):
        return None
    newest = pd.Timestamp(last).to_period("M")
    if word == CURRENT:
        return str(newest)
    running = pd.Timestamp(now.replace(tzinfo=None)).to_period("M")
    if newest < running:
        return str(newest)
    ended = running - 1
    if pd.Timestamp(first).to_period("M") > ended:
        return str(newest)  # nothing has ended yet: the running month, said to be incomplete
    return str(ended)


# Key: the file's identity and the loader options. `nps-kit run` resolves "latest" once per unit
# and the units of a project usually share one export: read it once.
_RANGES: dict[tuple[object, ...], tuple[pd.Timestamp | None, pd.Timestamp | None]] = {}


def latest_month_in_file(
    path: str | Path,
    *,
    score_column: str,
    date_column: str,
    sheet: str | int | None = None,
    encoding: str | None = None,
    date_format: str | None = None,
    timezone: str | None = None,
    word: str = CURRENT,
    now: dt.datetime | None = None,
) -> str | None:
    """Return the month ``word`` stands for in a survey export, read through the loader.

    Parameters
    ----------
    path
        The export (any format :func:`nps_kit.load.load_responses` reads).
    score_column, date_column, sheet, encoding, date_format, timezone
        Passed to the loader.
    word
        ``"current"`` (the latest month with data) or ``"latest"`` (the latest complete one,
        as of ``now``); see :func:`reporting_month`.
    now
        When the report is made, wall-clock time where its readers are; needed for
        ``"latest"`` (``None``: the current UTC time).

    Returns
    -------
    str or None
        ``YYYY-MM``, or ``None`` when the date column holds no readable date.

    Raises
    ------
    DataError
        When the loader cannot read the file or a column does not exist.
    """
    from nps_kit._drop import drop_files, is_drop
    from nps_kit.load import load_responses  # heavy; `nps-kit send` formats periods only

    path = Path(path)
    # A folder or glob (a data drop) is as new as each of its files.
    files = drop_files(path) if is_drop(path) else (path,) if path.is_file() else ()
    key = (
        str(path.resolve()),
        tuple((str(f), f.stat().st_mtime_ns, f.stat().st_size) for f in files),
        score_column,
        date_column,
        sheet,
        encoding,
        date_format,
        timezone,
    )
    if not files or key not in _RANGES:
        loaded = load_responses(
            path,
            score_column=score_column,
            date_column=date_column,
            sheet=sheet,
            encoding=encoding,
            date_format=date_format,
            timezone=timezone,
        )
        dates = loaded.data["nps_date"]
        _RANGES[key] = (dates.min(), dates.max()) if dates.notna().any() else (None, None)
    first, last = _RANGES[key]
    moment = now if now is not None else dt.datetime.now(dt.UTC)
    return reporting_month(word, first, last, now=moment)
