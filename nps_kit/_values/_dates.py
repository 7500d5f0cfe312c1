"""Read a date column once per distinct value, and what a date column tells (a time of day)."""

from __future__ import annotations

import re
import unicodedata
from typing import Any, Final

import numpy as np
import numpy.typing as npt
import pandas as pd

from nps_kit._values._date_forms import (
    _EXCEL_EPOCH,
    _FIRST_DAY,
    _LAST_DAY,
    _NAT,
    _SERIAL_MAX,
    _SERIAL_MIN,
    DAY_FIRST,
    EPOCH_SECONDS,
    MONTH_FIRST,
    _fast_pass,
    _in_range,
    _order_evidence,
    _parse_date_value,
    numeric_date_order,
)
from nps_kit._values._scores import MISSING_WORDS, DateParse
from nps_kit.clock import epoch_instants, export_date_order


def _is_text(values: Any) -> bool:
    """Whether every non-missing value is a string (pandas ``str`` dtype or all-str objects)."""
    if values.dtype == object:
        return pd.api.types.infer_dtype(values, skipna=True) in {"string", "empty"}
    return pd.api.types.is_string_dtype(values.dtype)


def _by_uniques(
    values: pd.Series, order: str | None, timezone: str | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """Parse each distinct value once; return int64 nanoseconds (NaT) and a blank mask."""
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    out = np.full(len(uniques) + 1, _NAT, dtype="int64")  # last slot: code -1 (NaN)
    blank = np.zeros(len(uniques) + 1, dtype=bool)
    blank[-1] = True
    if len(uniques):
        if _is_text(uniques):
            stripped = pd.Index(uniques).str.strip()
            # "NA", "None" in a date column: no answer, as in the score (not an unread date).
            blank[:-1] = (stripped == "") | stripped.str.casefold().isin(MISSING_WORDS)
            _fast_pass(stripped, out[:-1])
        for i in np.flatnonzero((out[:-1] == _NAT) & ~blank[:-1]):
            value = uniques[int(i)]
            if isinstance(value, str) and not value.strip():
                blank[i] = True
                continue
            stamp = _parse_date_value(value, order, timezone)
            if stamp is not None and _FIRST_DAY <= stamp < _LAST_DAY + pd.Timedelta(days=1):
                out[i] = stamp.as_unit("ns").value
    return out[codes], blank[codes]


def _arrow_iso(values: pd.Series) -> npt.NDArray[np.int64]:
    """Nanosecond stamps of the cells in the two commonest export forms, else NaT.

    ``YYYY-MM-DD HH:MM:SS`` and ``YYYY-MM-DD`` are parsed by Arrow's C++ ``strptime`` straight
    from Arrow-backed strings (pandas' default string storage), three times faster than
    ``pandas.to_datetime``, which first converts every cell to a Python object.
    """
    result = np.full(len(values), _NAT, dtype="int64")
    if not isinstance(values.array, pd.arrays.ArrowStringArray):
        return result
    import pyarrow as pa
    import pyarrow.compute as pc

    arrow = pa.array(values.array)
    for fmt in ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d"):
        todo = result == _NAT
        if not todo.any():
            break
        parsed = pc.strptime(arrow, format=fmt, unit="s", error_is_null=True)
        held = pc.and_(
            pc.greater_equal(parsed, pa.scalar(_FIRST_DAY.to_pydatetime(), pa.timestamp("s"))),
            pc.less(parsed, pa.scalar(_LAST_DAY.to_pydatetime(), pa.timestamp("s"))),
        )
        parsed = pc.if_else(held, parsed, pa.scalar(None, pa.timestamp("s")))
        ints = np.asarray(
            parsed.cast(pa.timestamp("ns")).to_numpy(zero_copy_only=False), dtype="datetime64[ns]"
        ).view("int64")
        ok = todo & (ints != _NAT)
        # Arrow's strptime rolls impossible dates over (2026-02-30 becomes 03-02), always onto
        # day 1-3: check those few against the day written, digits 9-10 of a padded date.
        days = np.asarray(pc.fill_null(pc.day(parsed), 0).to_numpy(zero_copy_only=False))
        suspect = np.flatnonzero(ok & (days <= 3))
        if len(suspect):
            texts = pc.take(arrow, pa.array(suspect))
            digits = pc.utf8_slice_codeunits(texts, 8, 10)
            numeric = pc.match_substring_regex(digits, r"^\d\d$")
            written = pc.cast(pc.if_else(numeric, digits, "0"), pa.int64()).to_numpy()
            ok[suspect[written != days[suspect]]] = False
        result[ok] = ints[ok]
    return result


def check_date_format(date_format: str | None) -> None:
    """Raise ``ValueError`` unless ``date_format`` is ``None``, an order or a strftime pattern."""
    if date_format is not None and date_format not in (MONTH_FIRST, DAY_FIRST):
        if "%" not in date_format:
            raise ValueError(
                f"date_format must be {MONTH_FIRST!r}, {DAY_FIRST!r} or a strftime pattern such "
                f"as '%d/%m/%Y %H:%M'; found {date_format!r}"
            )


def parse_date_values(
    values: pd.Series,
    *,
    date_format: str | None = None,
    timezone: str | None = None,
    source: str | None = None,
) -> DateParse:
    """Parse a date column and tell which non-blank cells could not be read.

    See :func:`parse_dates` for the accepted forms.

    Parameters
    ----------
    values
        The raw date column, of any dtype.
    date_format
        How to read numeric dates that could be either order: ``"month-first"``
        (``12/01/2019`` is December 1), ``"day-first"``, or a ``strftime`` pattern tried
        first (``"%d.%m.%Y %H:%M"``). ``None`` detects the order from a day over 12 and leaves
        the cells unread (``ambiguous=True``) when every date reads both ways.
    timezone
        An IANA zone: times that carry their zone (a zone-aware column, ``...Z`` or ``+09:00``
        in the text) are converted to it before the zone is dropped, so they read as its wall
        clock. ``None`` keeps each such time's own wall clock (UTC for a UTC column). Naive
        times are wall-clock times already and are kept as they are either way. A zone of
        the United States is also evidence of month-first dates (below).
    source
        The survey tool that wrote the export (``"surveymonkey"``, ``"google_forms"`` …).
        Without ``date_format``, dates that read both ways are read in the order the evidence
        gives (:func:`nps_kit.clock.export_date_order`: a 12-hour AM/PM clock, a tool that
        writes US dates, a US ``timezone``); ``order_evidence`` then says which.

    Returns
    -------
    DateParse
        ``dates`` (``datetime64[ns]``) and ``unparsed`` (bool), both with the index of
        ``values``, plus the numeric-date ``order`` used and whether it was ``ambiguous``.

    Raises
    ------
    ValueError
        When ``date_format`` is none of the accepted forms.
    """
    check_date_format(date_format)
    if isinstance(values.dtype, pd.DatetimeTZDtype):
        aware = values.dt.tz_convert(timezone) if timezone is not None else values
        dates = aware.dt.tz_localize(None).astype("datetime64[ns]")
        return DateParse(dates, pd.Series(False, index=values.index, name=values.name))
    if pd.api.types.is_datetime64_dtype(values.dtype):
        dates = values.astype("datetime64[ns]")
        return DateParse(dates, pd.Series(False, index=values.index, name=values.name))
    epoch = epoch_instants(values, forced=date_format == EPOCH_SECONDS)
    if epoch is not None:
        if timezone is not None:
            epoch = epoch.dt.tz_localize("UTC").dt.tz_convert(timezone).dt.tz_localize(None)
        present = values.notna().to_numpy() & ~values.astype("string").str.strip().fillna(
            ""
        ).str.casefold().isin(MISSING_WORDS).to_numpy(dtype=bool)
        unread = pd.Series(present & epoch.isna().to_numpy(), index=values.index, name=values.name)
        return DateParse(epoch.astype("datetime64[ns]"), unread, epoch=True)
    order: str | None = None
    evidence: str | None = None
    ambiguous = False
    contradiction: tuple[str | None, tuple[str, ...], int, int] = (None, (), 0, 0)
    if pd.api.types.is_numeric_dtype(values.dtype) and not pd.api.types.is_bool_dtype(values.dtype):
        number = values.to_numpy(dtype="float64", na_value=np.nan)
        ok = (number >= _SERIAL_MIN) & (number <= _SERIAL_MAX)
        seconds = np.round(np.where(ok, number, 0) * 86_400).astype("int64")
        stamps = _EXCEL_EPOCH.as_unit("ns").value + seconds * 1_000_000_000
        result = np.where(ok, stamps, _NAT)
        unparsed = ~np.isnan(number) & ~ok
    else:
        text = _is_text(values)
        # Timestamps with seconds are nearly all distinct, so factorizing would not shrink the
        # work: parse the whole column as ISO 8601 first (vectorised in C), then only the rest
        # by distinct value.
        result = _arrow_iso(values) if text else np.full(len(values), _NAT, dtype="int64")
        present = values.notna().to_numpy()
        if text:
            patterns = ["ISO8601"]
            if date_format is not None and "%" in date_format:
                patterns.insert(0, date_format)
            for pattern in patterns:
                todo = (result == _NAT) & present
                if not todo.any():
                    break
                try:
                    parsed = pd.to_datetime(
                        values[todo].str.strip(), format=pattern, errors="coerce"
                    )
                except (ValueError, TypeError):
                    continue
                if getattr(parsed.dtype, "tz", None) is not None:
                    if timezone is None:
                        continue  # each cell's own wall clock: read one by one below
                    parsed = parsed.dt.tz_convert(timezone).dt.tz_localize(None)
                parsed = _in_range(parsed)
                result[todo] = parsed.to_numpy(dtype="datetime64[ns]").view("int64")
        rest = np.flatnonzero((result == _NAT) & present)
        unparsed = np.zeros(len(values), dtype=bool)
        if len(rest):
            subset = values.iloc[rest]
            uniques = pd.unique(subset.dropna())
            texts = [
                unicodedata.normalize("NFKC", v).strip() for v in uniques if isinstance(v, str)
            ]
            order, ambiguous = numeric_date_order(texts)
            if ambiguous and date_format is None:
                order, evidence = export_date_order(texts, source=source, timezone=timezone)
                ambiguous = order is None
            if date_format in (MONTH_FIRST, DAY_FIRST):
                # An order asked for is used, unless the dates say otherwise: a first number
                # over 12 under month-first is a wrong option (a month 23), not 183 bad cells.
                wrong, decided = _order_evidence(texts, date_format)
                if len(wrong) > decided - len(wrong):
                    other = DAY_FIRST if date_format == MONTH_FIRST else MONTH_FIRST
                    contradiction = (other, tuple(wrong[:2]), len(wrong), decided)
                order, ambiguous = date_format, False
            parsed_rest, blank = _by_uniques(subset, order, timezone)
            result[rest] = parsed_rest
            unparsed[rest] = (parsed_rest == _NAT) & ~blank
    return DateParse(
        pd.Series(result.view("datetime64[ns]"), index=values.index, name=values.name),
        pd.Series(unparsed, index=values.index, name=values.name),
        order=order,
        ambiguous=ambiguous,
        contradicted=contradiction[0],
        contradicting=contradiction[1],
        against=contradiction[2],
        decided=contradiction[3],
        order_evidence=evidence,
    )


def any_date(values: list[object]) -> bool:
    """Whether any of ``values`` reads as a date (a totals or subtotal line has none)."""
    if not values:
        return False
    try:
        dates = parse_date_values(pd.Series(values, dtype=object).astype("string"))
    except ValueError:
        return False
    return bool(dates.dates.notna().any())


# The decimals a number is written with (7.0, 7,0).
_DECIMALS: Final = re.compile(r"\d[.,](\d+)$")


def written_decimals(cell: object) -> int:
    """Return how many decimals a cell writes (``7.0``, ``7,0``: 1; ``7``: 0)."""
    found = _DECIMALS.search(unicodedata.normalize("NFKC", str(cell)).strip())
    return 0 if found is None else len(found.group(1))


def parse_dates(values: pd.Series) -> pd.Series:
    """Parse dates written in the forms survey tools and spreadsheets produce.

    Accepted: ISO (``2026-10-03``, ``2026-10-03T09:15:00``), slashes (``2026/10/03 9:15``),
    Japanese (``2026年10月3日``, ``2026年10月3日 9時15分``), Japanese era dates (``令和8年10月3日``,
    ``令和元年5月1日``, ``R8.10.3``, ``R8/10/3``, ``H31-4-30``; 令和, 平成, 昭和, 大正 and 明治 or
    their initials R, H, S, T, M; numbers also in kanji, ``令和六年十二月一日``, and full-width,
    ``Ｒ６．１２．１``), Excel serial numbers (``46298`` is
    2026-10-03; as numbers or text), datetime cells, and month-first or day-first dates with a
    2- or 4-digit year (``12/13/2019 9:50:30``, ``9/8/18 15:29``, ``13.12.2019``) when a day
    over 12 shows the order. Time zones are dropped, keeping the wall clock time the time was
    written in (:func:`parse_date_values` converts to a zone first). Each distinct value is
    parsed once.

    Parameters
    ----------
    values
        The raw date column, of any dtype.

    Returns
    -------
    pandas.Series
        ``datetime64[ns]`` with the index of ``values``; ``NaT`` where the cell is blank or
        cannot be read.
    """
    return parse_date_values(values).dates


def has_time_of_day(dates: pd.Series) -> bool:
    """Whether any parsed date has a time of day: ``False`` for a date-only column.

    Exports that write dates only (``2026/10/26``, ``令和8年10月26日``) are read as midnight; a
    made-up ``00:00`` should not be shown for them.

    Parameters
    ----------
    dates
        Parsed dates (``datetime64``), e.g. the loader's ``nps_date``; ``NaT`` is ignored.

    Returns
    -------
    bool
        ``True`` when at least one date is not at midnight.
    """
    present = dates.dropna()
    return bool((present != present.dt.normalize()).any())


def date_only(dates: pd.Series) -> pd.Series:
    """Which parsed dates carry no time of day: the loader reads 「令和8年12月4日」 as midnight.

    Such a response was given at some time of that day, not at 00:00 (QA21: a daily
    ``alerts --since 1d`` never alerted one, and its call-by came up to 24 h early), so it
    covers its whole day. A response written at exactly 00:00 reads the same; it too is then
    taken for its day.

    Parameters
    ----------
    dates
        Parsed dates (``datetime64``), e.g. the loader's ``nps_date``.

    Returns
    -------
    pandas.Series
        ``True`` where the date is at midnight; ``False`` for ``NaT`` and for a time of day.
    """
    return (dates.notna() & (dates == dates.dt.normalize())).astype(bool)
