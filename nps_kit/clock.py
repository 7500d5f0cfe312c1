"""The one home of the time zone readers see times in: reports, the overview and e-mails.

A unit's times (the report's generation date and time, the day follow-up ages count to) are
in its ``timezone`` parameter, an IANA name such as ``Asia/Tokyo``. Without one, the zone
follows the unit's language (:data:`DEFAULT_TIMEZONE`): the readers of a Japanese report are in
Japan whatever clock the server that builds it runs on (often UTC in a container or CI job),
so the language says more about the readers than the server's locale does.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Final
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from nps_kit.errors import closest
from nps_kit.i18n import Language, t

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

__all__ = [
    "DEFAULT_TIMEZONE",
    "US_ZONES",
    "answer_instants",
    "carries_offsets",
    "check_timezone",
    "date_order",
    "epoch_instants",
    "export_date_order",
    "export_zone",
    "format_local_time",
    "format_time",
    "in_united_states",
    "machine_zone",
    "now",
    "utc_instants",
    "written_offsets",
    "zone",
    "zone_assumed",
]

#: Time zone of a unit's times when none is given: the readers' (by language).
DEFAULT_TIMEZONE: dict[Language, str] = {"ja": "Asia/Tokyo", "en": "UTC"}


def check_timezone(name: str) -> str:
    """Return ``name`` when it is a time zone :mod:`zoneinfo` knows.

    Parameters
    ----------
    name
        An IANA time zone name, e.g. ``Asia/Tokyo``, ``Europe/London`` or ``UTC``.

    Returns
    -------
    str
        ``name`` unchanged.

    Raises
    ------
    ValueError
        Saying what was expected and found, and the closest known zone.
    """
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        guess = closest(name, available_timezones())
        hint = f" (closest: {guess})" if guess else ""
        raise ValueError(
            "expected an IANA time zone name such as Asia/Tokyo, Europe/London or UTC; "
            f"found {name!r}{hint}"
        ) from None
    return name


#: The IANA zones of the United States (zone1970.tab, country US), besides the ``US/*`` aliases:
#: its readers write 3/12/2026 for March 12 and print on Letter (:func:`in_united_states`).
US_ZONES = frozenset(
    {
        "America/New_York", "America/Detroit", "America/Kentucky/Louisville",
        "America/Kentucky/Monticello", "America/Indiana/Indianapolis",
        "America/Indiana/Vincennes", "America/Indiana/Winamac", "America/Indiana/Marengo",
        "America/Indiana/Petersburg", "America/Indiana/Vevay", "America/Chicago",
        "America/Indiana/Tell_City", "America/Indiana/Knox", "America/Menominee",
        "America/North_Dakota/Center", "America/North_Dakota/New_Salem",
        "America/North_Dakota/Beulah", "America/Denver", "America/Boise", "America/Phoenix",
        "America/Los_Angeles", "America/Anchorage", "America/Juneau", "America/Sitka",
        "America/Metlakatla", "America/Yakutat", "America/Nome", "America/Adak",
        "Pacific/Honolulu", "America/Puerto_Rico", "Pacific/Guam", "EST5EDT", "CST6CDT",
        "MST7MDT", "PST8PDT",
    }
)  # fmt: skip
#: Outside the United States, the zone whose readers write month first too (the Philippines);
#: Canada mixes both orders, so its zones decide nothing.
_EITHER_ORDER_ZONES = (
    "America/Toronto",
    "America/Vancouver",
    "America/Edmonton",
    "America/Winnipeg",
    "America/Halifax",
    "America/St_Johns",
    "America/Regina",
    "America/Moncton",
    "America/Whitehorse",
    "America/Yellowknife",
    "America/Iqaluit",
    "Canada/",
)


def date_order(language: Language, timezone: str | None) -> str | None:
    """Return how a unit's team writes ``3/12/2026``: day-first, month-first or ``None``.

    The dates a team types by hand (a contact date in a returned work file) follow the readers'
    convention, not the export's: a UK team on a Google Forms export (US dates) still writes
    3 December as ``03/12/2026``. An English unit's ``timezone`` tells where its readers are:
    the United States (and the Philippines) write month first, Canada either way, elsewhere day
    first. Without a zone, or for a Japanese unit (who write year first), ``None``: a day over 12
    decides, as for an export.

    Parameters
    ----------
    language
        The unit's report language.
    timezone
        The unit's ``timezone`` parameter, or ``None``.

    Returns
    -------
    str or None
        A ``date_format`` order of :func:`nps_kit.load.parse_date_values`.
    """
    if language != "en" or timezone is None or timezone in ("UTC", "Etc/UTC"):
        return None
    if timezone.startswith(_EITHER_ORDER_ZONES):
        return None
    month_first = in_united_states(timezone) or timezone == "Asia/Manila"
    return "month-first" if month_first else "day-first"


#: A time on a 12-hour clock (``02:05:09 PM``, ``9:15 a.m.``): the United States' way of writing
#: times, which writers of day-first dates (Europe, Australia, India's exports) almost never use.
# A date of numbers and separators (4.12.2026, 12/4/26), and one written with dots: dotted dates
# are day-first wherever they are written (German, French, Nordic, Russian, Turkish …); no tool
# writes month-first with dots.
_NUMERIC_DATE = re.compile(r"\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}(?!\d)")
_DOTTED = re.compile(r"\d{1,2}\.\d{1,2}\.\d{2,4}(?!\d)")
#: A written time's UTC offset as ISO 8601 writes it at its end (+01:00, -0500, Z), captured:
#: the one rule for "this export's times carry their zone" (:func:`carries_offsets`) and for
#: the zone an offset points to (``nps_kit._zone_hint``). An offset follows a time of day
#: (``T00:30:00+01:00``, ``10:16 +0100``, ``…:00.123Z``): the year of a date written with
#: hyphens (``05-12-2026``) is no offset (FIX48B, REVIEW28 #1: read as −20:26).
OFFSET_AT_END: Final = re.compile(
    r"(?<!\d)\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})$"
)
_AM_PM = re.compile(r"\d{1,2}:\d{2}(?::\d{2})?\s*[ap]\.?m\.?(?![a-z])", re.IGNORECASE)
#: A numeric date's day, month and year, and the hour of a time written after it.
_DATE_PARTS = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})(?:[ T,]+(\d{1,2}):\d{2})?")
#: Survey tools whose exports write numeric dates month first (11/03/2026 02:05:09 PM).
_US_TOOLS: Final = {"surveymonkey": "SurveyMonkey", "google_forms": "Google Forms"}


def _future_reading(texts: list[str], today: dt.date) -> str | None:
    """Return the order whose reading puts a date after ``today`` (plus a day), if one alone does.

    Responses cannot have been sent in the future: a reading that puts any date more than a day
    (for the zones) after today is refuted. ``None`` when both readings or neither do.
    """
    last = today + dt.timedelta(days=1)
    late = {"month-first": False, "day-first": False}
    for text in texts:
        match = _DATE_PARTS.match(text)
        if match is None:
            continue
        first, second, year = int(match[1]), int(match[2]), int(match[3])
        year += (2000 if year < 70 else 1900) if len(match[3]) == 2 else 0
        for order, (month, day) in (
            ("month-first", (first, second)),
            ("day-first", (second, first)),
        ):
            try:
                late[order] = late[order] or dt.date(year, month, day) > last
            except ValueError:
                continue
    refuted = [order for order, future in late.items() if future]
    return refuted[0] if len(refuted) == 1 else None


def _twenty_four_hour(texts: list[str]) -> bool:
    """Whether the times after the dates use a 24-hour clock: an hour 0 or over 12, no AM/PM."""
    hours = [int(m[4]) for m in map(_DATE_PARTS.match, texts) if m is not None and m[4] is not None]
    return any(h == 0 or h > 12 for h in hours) and not any(_AM_PM.search(t) for t in texts)


def export_date_order(
    texts: Iterable[str],
    *,
    source: str | None,
    timezone: str | None,
    today: dt.date | None = None,
) -> tuple[str | None, str | None]:
    """Decide the order of an export's dates that read both ways (no day over 12), from evidence.

    The dates of an export are written by the survey tool, so the file's own evidence comes
    first: a 12-hour AM/PM clock says month-first; dates written with dots (``04.12.2026``) say
    day-first, as they are written wherever dots are used; then the layout of a tool that writes
    US dates (SurveyMonkey, Google Forms) and a United States ``timezone`` of the readers
    (:func:`in_united_states`, as :func:`date_order` reads typed dates) say month-first. A zone
    elsewhere says nothing (a UK team's export may come from a US tool), so without evidence
    the order stays undecided and the user is asked for ``date_format``.

    Before all of these, a reading that puts a response after ``today`` (beyond a day's margin
    for the zones) is refuted and the other order is used (QA28 #2: a UK export of 1–12 October
    read January–December). A 24-hour clock (an hour 0 or over 12, no AM/PM) is not the layout
    of a tool that writes US dates (SurveyMonkey US writes ``10/03/2026 6:05:00 PM``), so the
    tool then says nothing.

    Parameters
    ----------
    texts
        The date cells (or their distinct values), as written.
    source
        The survey tool that wrote the export (``"surveymonkey"`` …), ``None`` if unknown.
    timezone
        The readers' IANA zone (the unit's ``timezone``, or the machine's), or ``None``.
    today
        The date now; ``None`` is today (UTC).

    Returns
    -------
    tuple
        ``(order, why)``: ``"month-first"`` or ``"day-first"`` and the evidence in a few
        English words, or ``(None, None)`` when nothing decides.
    """
    texts = list(texts)
    refuted = _future_reading(texts, today or dt.datetime.now(dt.UTC).date())
    if refuted is not None:
        order = "day-first" if refuted == "month-first" else "month-first"
        return order, t("clock.order.future", "en", refuted=refuted)
    if any(_AM_PM.search(text) for text in texts):
        return "month-first", t("clock.order.am_pm", "en")
    numeric = [text for text in texts if _NUMERIC_DATE.match(text)]
    if numeric and all(_DOTTED.match(text) for text in numeric):
        # QA26 #20: an extract of 1–12 December (04.12.2026) stopped run and alerts.
        return "day-first", t("clock.order.dots", "en")
    if source in _US_TOOLS and not _twenty_four_hour(texts):
        return "month-first", t("clock.order.us_tool", "en", tool=_US_TOOLS[source])
    if timezone is not None and in_united_states(timezone):
        return "month-first", t("clock.order.us_zone", "en", timezone=timezone)
    return None, None


#: Each piece of evidence's catalogue entry (``clock.order.<name>``) and the fields it names.
_EVIDENCE: Final = {
    "future": ("refuted",),
    "am_pm": (),
    "dots": (),
    "us_tool": ("tool",),
    "us_zone": ("timezone",),
}


def order_evidence_words(why: str, lang: Language) -> str:
    """Return :func:`export_date_order`'s ``why`` in ``lang`` (MSG43).

    ``why`` is recorded in English (the cache, inspect's json); it is said again from the
    catalogue entry whose English it is, its fields read back from it. English, or a ``why``
    of no entry, is returned as is.
    """
    if lang == "en":
        return why
    for name, fields in _EVIDENCE.items():
        key = f"clock.order.{name}"
        english = re.escape(t(key, "en", **{f: f"QQ{f}QQ" for f in fields}))
        for field in fields:
            english = english.replace(f"QQ{field}QQ", f"(?P<{field}>.+)")
        match = re.fullmatch(english, why)
        if match is not None:
            return t(key, lang, **match.groupdict())
    return why


def order_guessed(why: str | None) -> bool:
    """Whether :func:`export_date_order`'s ``why`` is a guess: the tool's layout or the zone.

    The file's own evidence (an AM/PM clock, dots, a reading in the future) decides the
    order; a tool that writes US dates, or readers in the United States, only make it likely
    (QA28 #2: a UK SurveyMonkey export was read month-first for the tool), so the order is
    said in every command and not written into a project as decided.
    """
    return why is not None and (why.endswith("writes US dates") or why.startswith("the time zone"))


def machine_zone() -> str | None:
    """Return the IANA name of this machine's time zone (``TZ``, else ``/etc/localtime``)."""
    name = os.environ.get("TZ", "").removeprefix(":")
    if not name:
        try:
            target = Path("/etc/localtime").resolve(strict=True).as_posix()
        except OSError:
            return None
        name = target.split("/zoneinfo/", 1)[1] if "/zoneinfo/" in target else ""
    return name if name in available_timezones() else None


def in_united_states(timezone: str) -> bool:
    """Whether ``timezone`` is a zone of the United States (:data:`US_ZONES` or ``US/*``)."""
    return timezone in US_ZONES or timezone.startswith("US/")


def zone(language: Language, timezone: str | None = None) -> ZoneInfo:
    """Return ``timezone``, or the default zone of ``language`` when it is ``None``."""
    return ZoneInfo(timezone or DEFAULT_TIMEZONE[language])


def now(language: Language, timezone: str | None = None) -> dt.datetime:
    """Return the current time in ``timezone`` (default: by ``language``), zone-aware."""
    return dt.datetime.now(zone(language, timezone))


def format_time(moment: dt.datetime, where: ZoneInfo) -> str:
    """Show ``moment`` in ``where`` with its zone: ``2026-11-02 18:00 JST``.

    A naive ``moment`` is taken as UTC (what nps-kit writes to its logs and manifests).
    """
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(where).strftime("%Y-%m-%d %H:%M %Z")


def format_local_time(moment: dt.datetime, where: ZoneInfo, *, zone_shown: bool = True) -> str:
    """Show a wall-clock time at ``where`` with its zone: ``2026-11-25 22:12 JST``.

    Export dates and the moments derived from them are naive wall-clock times at the unit's
    place (:func:`nps_kit.unit.incomplete_through`), so a naive ``moment`` is taken as a time
    *at* ``where`` (unlike :func:`format_time`, which takes it as UTC); the zone is the one in
    force on that day (JST, or GMT/BST for Europe/London). With ``zone_shown=False`` (a zone
    nobody set: :func:`zone_assumed`) the time is shown without one: ``2026-11-25 22:12``.
    """
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=where)
    shown = "%Y-%m-%d %H:%M %Z" if zone_shown else "%Y-%m-%d %H:%M"
    return moment.astimezone(where).strftime(shown)


def export_zone(language: Language, timezone: str | None) -> str | None:
    """Return the zone an export's times that carry their zone are read in, or ``None``.

    The one rule for every command that cuts months or shows times (FIX48, QA26 #5): a
    unit's ``timezone`` when set, and a Japanese unit's default (Asia/Tokyo, where its readers
    are). An English unit without one has no zone to read them in (:func:`zone_assumed`), so
    ``None``: a time written with its UTC offset (``2026-11-01T00:30:00+01:00``) is read as the
    wall clock it was written in, 00:30 on 1 November, and falls in November, as ``nps-kit
    score --period`` (which knows no unit) cuts it. Converting it to UTC, for want of a zone,
    filed it under 31 October, a month and a day the guest did not answer in. Naive times are
    wall-clock times either way.

    Parameters
    ----------
    language
        The unit's report language.
    timezone
        The unit's ``timezone`` parameter, or ``None``.

    Returns
    -------
    str or None
        The ``timezone`` option of :func:`nps_kit.load.load_responses`.
    """
    if timezone is not None:
        return timezone
    default = DEFAULT_TIMEZONE[language]
    return None if default == "UTC" else default


def zone_assumed(language: Language, timezone: str | None) -> bool:
    """Whether a unit's export times are read in a zone nobody chose: shown without a zone.

    An English unit without ``timezone`` reads its export's times as the wall clock they were
    written in (:func:`export_zone`: naive ones as they are, ones written with a UTC offset
    in that offset's clock), whatever zone the survey tool wrote them in (a Texas clinic's
    Google Form, a UK export in BST): labelled "UTC", such a time reads as known (QA25 B-4).
    Its "now" is UTC's. A Japanese unit's default, Asia/Tokyo, is where its exports are written.

    Parameters
    ----------
    language
        The unit's report language.
    timezone
        The unit's ``timezone`` parameter, or ``None``.

    Returns
    -------
    bool
        ``True`` when the times should be shown without a zone.
    """
    return export_zone(language, timezone) is None


def written_offsets(values: pd.Series) -> pd.Series:
    """Return the UTC offset each date cell was written with, ``NaT`` where it has none.

    The one reader of written offsets (:data:`OFFSET_AT_END`): ``+01:00``, ``-0500`` and ``Z``
    at a time's end, a zone-aware column's own offsets, or zero for Unix epoch times
    (:func:`epoch_instants`).

    Parameters
    ----------
    values
        The date column as the export wrote it.

    Returns
    -------
    pandas.Series
        ``timedelta64[ns]`` with the index of ``values``: ``+01:00`` is one hour.
    """
    import pandas as pd

    if getattr(values.dtype, "tz", None) is not None:
        wall = values.dt.tz_localize(None)
        return (wall - values.dt.tz_convert("UTC").dt.tz_localize(None)).astype("timedelta64[ns]")
    epoch = epoch_instants(values)
    if epoch is not None:
        # An epoch time is a UTC instant: written at offset zero, as a time ending in Z is.
        zero = pd.Series(pd.Timedelta(0), index=values.index, name=values.name)
        return zero.where(epoch.notna()).astype("timedelta64[ns]")
    text = values.astype("string").str.strip()
    found = text.str.extract(OFFSET_AT_END, expand=False)
    parts = found.str.extract(r"^([+-])(\d{2}):?(\d{2})$")
    sign = parts[0].map({"+": 1.0, "-": -1.0}).astype("float64")
    hours = pd.to_numeric(parts[1], errors="coerce").astype("float64")
    minutes = sign * (hours * 60 + pd.to_numeric(parts[2], errors="coerce").astype("float64"))
    minutes = minutes.mask((found == "Z").fillna(False).astype(bool), 0.0)
    offsets = pd.to_timedelta(minutes.astype("float64"), unit="min")
    return pd.Series(offsets.to_numpy("timedelta64[ns]"), index=values.index, name=values.name)


def utc_instants(dates: pd.Series, written: pd.Series) -> pd.Series:
    """Return read wall-clock times as UTC instants, by the offset each was written with.

    For the times of a unit read in no zone (:func:`export_zone` ``None``): ``dates`` are the
    wall clocks the export wrote, and an instant compares them with "now" (an alert's
    ``--since 12h``, an overdue call-back) and with the alert log's keys written when they were
    read as UTC. A time written without an offset is taken as UTC's, as the unit's clock is.

    Parameters
    ----------
    dates
        The loader's ``nps_date`` (naive).
    written
        The date column as the export wrote it, with the same index.

    Returns
    -------
    pandas.Series
        Naive UTC times, ``NaT`` where ``dates`` is.
    """
    import pandas as pd

    offsets = written_offsets(written).reindex(dates.index)
    return dates - offsets.fillna(pd.Timedelta(0))


def answer_instants(dates: pd.Series, written: pd.Series | None, *, zone: str | None) -> pd.Series:
    """Return the moments the answers were given, as naive UTC times, however they were read.

    The one reader of "when did this person answer" for a comparison with now (an overdue
    call-back: :func:`nps_kit.closed_loop.call_backs`), whichever zone the export was read in.
    With ``zone`` (the one :func:`nps_kit.load.load_responses` read the export in:
    :func:`export_zone`) the dates are that zone's wall clock; without, each is the wall clock
    it was written in, at the offset written with it (:func:`utc_instants`), and one written
    without an offset is taken as UTC's, as the unit's clock is.

    Parameters
    ----------
    dates
        The loader's ``nps_date`` (naive wall-clock times).
    written
        The date column as the export wrote it, with the same index; ``None`` when it is not
        at hand (read as written without offsets).
    zone
        The IANA zone the export was read in, or ``None``.

    Returns
    -------
    pandas.Series
        Naive UTC times, ``NaT`` where ``dates`` is (and at a wall-clock time the zone skips).
    """
    import numpy as np
    import pandas as pd

    dates = pd.to_datetime(dates, errors="coerce")
    if zone is None:
        return dates if written is None else utc_instants(dates, written)
    # A time a change of clocks repeats is read as its first (summer) passing; one it skips,
    # as the moment after the gap: a call-back's 48 hours do not hinge on that hour.
    local = dates.dt.tz_localize(
        ZoneInfo(zone), ambiguous=np.ones(len(dates), dtype=bool), nonexistent="shift_forward"
    )
    return local.dt.tz_convert("UTC").dt.tz_localize(None)


#: The first Unix epoch time read as an answer's: 2000-01-01 UTC. Earlier whole numbers of nine
#: or ten digits are ids, counts and phone numbers, not survey times (FIX65, QA29 F1).
EPOCH_FIRST: Final = 946_684_800
#: Digits only: how a CSV writes an epoch time (``1761958394``, ``1761958394000``).
_DIGITS = re.compile(r"^\d+(?:\.0*)?$")
# Cells looked at first: a column of written dates is seen to be no epoch times in its first.
_FIRST_CELLS: Final = 1_000


def _digit_cells(values: pd.Series) -> tuple[np.ndarray, np.ndarray, pd.Series]:
    """Mark the text cells with a digit, and those written as a whole number; return the text."""
    text = values.astype("string").str.strip()
    has_digit = text.str.contains(r"\d", regex=True).fillna(False).to_numpy(dtype=bool)
    digits = text.str.match(_DIGITS).fillna(False).to_numpy(dtype=bool)
    return has_digit, digits, text


def epoch_instants(values: pd.Series, *, forced: bool = False) -> pd.Series | None:
    """Read a column of Unix epoch times as the UTC instants they are, or say it is none.

    The one rule for epoch times (FIX65, QA29 F1), as Delighted, HubSpot, Typeform's API and
    warehouse extracts write an answer's time: whole seconds since 1970-01-01 UTC
    (``1761958394``) or milliseconds (``1761958394000``). A column is one when every cell with
    a digit is a whole number and all of them are seconds, or all are milliseconds, from
    2000-01-01 to a day after now: no id, phone number or count falls in that range by chance
    in every row.

    Parameters
    ----------
    values
        The date column as the export wrote it: numbers or text.
    forced
        ``date_format: "%s"`` (the ``strftime`` code for epoch seconds): read every whole
        number as seconds, or as milliseconds when they are 13 digits, also where some fall
        outside the range (those are left unread).

    Returns
    -------
    pandas.Series or None
        Naive UTC times (``datetime64[ns]``, ``NaT`` where a cell is blank or not read), with
        the index of ``values``; ``None`` when the column holds no epoch times.
    """
    import numpy as np
    import pandas as pd

    if getattr(values.dtype, "tz", None) is not None or pd.api.types.is_bool_dtype(values.dtype):
        return None
    if pd.api.types.is_datetime64_any_dtype(values.dtype):
        return None
    if pd.api.types.is_numeric_dtype(values.dtype):
        number = values.to_numpy(dtype="float64", na_value=np.nan)
        written = ~np.isnan(number)
    else:
        if not forced:
            # A column of written dates says so in its first cells: the rest are not read
            # (LOAD40: all 200,000 of a large export's went through Python's regex).
            has_digit, digits, _ = _digit_cells(values.iloc[:_FIRST_CELLS])
            if (has_digit & ~digits).any():
                return None
        has_digit, digits, text = _digit_cells(values)
        if not forced and (has_digit & ~digits).any():
            return None
        number = np.where(digits, pd.to_numeric(text.where(digits), errors="coerce"), np.nan)
        number = number.astype("float64")
        written = digits
    if not written.any():
        return None
    whole = written & (np.floor(np.where(written, number, 0)) == np.where(written, number, 0))
    if not forced and not whole[written].all():
        return None
    last = dt.datetime.now(dt.UTC).timestamp() + 86_400
    seconds = whole & (number >= EPOCH_FIRST) & (number <= last)
    millis = whole & (number >= EPOCH_FIRST * 1_000) & (number <= last * 1_000)
    if seconds[written].all():
        scale = 1_000_000_000
    elif millis[written].all():
        scale = 1_000_000
    elif forced:
        millis_more = millis.sum() > seconds.sum()
        scale = 1_000_000 if millis_more else 1_000_000_000
    else:
        return None
    ok = millis if scale == 1_000_000 else seconds
    stamps = np.where(ok, np.round(np.where(ok, number, 0)).astype("int64") * scale, 0)
    result = pd.Series(stamps.astype("datetime64[ns]"), index=values.index, name=values.name).where(
        ok
    )
    return result.astype("datetime64[ns]")


def carries_offsets(values: pd.Series) -> bool:
    """Whether an export's date cells carry their zone: a UTC offset or ``Z``, or a typed zone.

    Parameters
    ----------
    values
        The date column as the export wrote it.

    Returns
    -------
    bool
        ``True`` when half or more of the non-blank cells end in an offset
        (``2026-11-29T10:16:00+01:00``, ``…Z``) or are Unix epoch times (UTC instants), or
        the column is zone-aware.
    """
    text = values.dropna().astype("string").str.strip()
    text = text[text != ""]
    return bool(len(text)) and float(written_offsets(text).notna().mean()) >= 0.5
