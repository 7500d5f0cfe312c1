"""Propose a unit's ``timezone`` from what its export says, when it says something (FIX44).

An English unit without ``timezone`` shows its export's times without a zone
(:func:`nps_kit.clock.zone_assumed`); the line saying so named America/Chicago to a UK energy
supplier. The export often tells more: a date header naming its zone (Typeform's
``Submit Date (UTC)``), UTC offsets written in the times, or a column of countries, UK regions
or locales. Only a single zone is proposed: a country with several zones (the United States,
Canada, Australia) proposes none, and the caller falls back on the rule and neutral examples.

Offsets that change on the dates a European zone starts and ends summer time (``+01:00`` in
October, ``+00:00`` in November: QA26 #5, a hotel group's export) point to that zone's clock,
which several zones share (London, Lisbon and Dublin; Paris, Berlin and Rome): the unit's name
chooses among them when it names a city or country of one (``Harbour View Lisbon``).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from typing import Final, Literal
from zoneinfo import ZoneInfo, available_timezones

import pandas as pd

from nps_kit.clock import OFFSET_AT_END, written_offsets
from nps_kit.i18n import Language, t

__all__ = ["WrittenZones", "ZoneHint", "written_zones", "zone_hint", "zone_line"]

# Places in one zone each, as exports write them (lower case, NFKC). UK regions are how UK
# exports split customers (energy: Scotland, North West, Midlands).
_PLACES: Final[dict[str, str]] = {
    **dict.fromkeys(
        (
            "united kingdom",
            "uk",
            "great britain",
            "britain",
            "england",
            "scotland",
            "wales",
            "northern ireland",
            "london",
            "north west",
            "north east",
            "south east",
            "south west",
            "midlands",
            "east midlands",
            "west midlands",
            "yorkshire",
            "yorkshire and the humber",
            "east of england",
            "east anglia",
        ),
        "Europe/London",
    ),
    **dict.fromkeys(("ireland", "republic of ireland"), "Europe/Dublin"),
    **dict.fromkeys(("japan", "日本"), "Asia/Tokyo"),
    **dict.fromkeys(("germany", "deutschland"), "Europe/Berlin"),
    "france": "Europe/Paris",
    "netherlands": "Europe/Amsterdam",
    "spain": "Europe/Madrid",
    "italy": "Europe/Rome",
    "india": "Asia/Kolkata",
    "singapore": "Asia/Singapore",
    "hong kong": "Asia/Hong_Kong",
    "new zealand": "Pacific/Auckland",
}
# Two-letter country codes, read only in a column named for the country or locale ("IN", "DE"
# are words too) and in locales (en-GB, en_IE).
_CODES: Final[dict[str, str]] = {
    "gb": "Europe/London",
    "uk": "Europe/London",
    "ie": "Europe/Dublin",
    "jp": "Asia/Tokyo",
    "de": "Europe/Berlin",
    "fr": "Europe/Paris",
    "nl": "Europe/Amsterdam",
    "es": "Europe/Madrid",
    "it": "Europe/Rome",
    "in": "Asia/Kolkata",
    "sg": "Asia/Singapore",
    "hk": "Asia/Hong_Kong",
    "nz": "Pacific/Auckland",
}
_COUNTRY_HEADER: Final = re.compile(r"country|nation|locale|language|region|国", re.I)
_LOCALE: Final = re.compile(r"^[a-z]{2}[-_]([a-z]{2})$", re.I)
# A zone named in the date header: Typeform's "Submit Date (UTC)", "Timestamp (GMT)".
_HEADER_ZONE: Final = re.compile(r"\b(UTC|GMT)\b")
# Offsets that belong to one zone all year (no daylight saving there, or the zone is the only
# one of its country at that offset).
_OFFSET_ZONES: Final[dict[str, str]] = {
    "+0900": "Asia/Tokyo",
    "+0530": "Asia/Kolkata",
    "+0800": "Asia/Singapore",
}
# A zero offset (+00:00, Z) is UTC's and, in winter, London's, Dublin's, Lisbon's: a UK export
# of November says +00:00 and one of April +01:00 (REVIEW28 #2, QA26 #5). It points to a zone
# only when the unit's name names one whose offset it is on every written day.
_ZERO: Final = frozenset({"Z", "+0000"})
_ZERO_ZONES: Final = (
    "Europe/London",
    "Europe/Dublin",
    "Europe/Lisbon",
    "Atlantic/Reykjavik",
    "Atlantic/Canary",
    "Atlantic/Faroe",
    "Atlantic/Madeira",
)
# Cities exports name units after that are not in a zone's name (the zone is their country's).
_CITIES: Final[dict[str, str]] = {
    **dict.fromkeys(
        ("munich", "münchen", "hamburg", "frankfurt", "cologne", "köln"), "Europe/Berlin"
    ),
    **dict.fromkeys(("venice", "venezia", "milan", "milano", "florence", "firenze"), "Europe/Rome"),
    **dict.fromkeys(("lyon", "nice", "marseille", "bordeaux"), "Europe/Paris"),
    **dict.fromkeys(("barcelona", "seville", "sevilla", "valencia"), "Europe/Madrid"),
    **dict.fromkeys(("porto", "portugal"), "Europe/Lisbon"),
    **dict.fromkeys(("edinburgh", "manchester", "glasgow", "cardiff", "belfast"), "Europe/London"),
    **dict.fromkeys(("geneva", "genève", "switzerland"), "Europe/Zurich"),
    **dict.fromkeys(("austria", "salzburg"), "Europe/Vienna"),
}
# Zone abbreviations as exports write them beside the times (QA29 F7: an Australian hospital's
# "Time zone" column, AEST/AEDT), with the zones each may stand for, the usual one first. The
# zones all of a column's abbreviations share are its zone: AEST and AEDT are Sydney's (and
# Melbourne's; Brisbane has no AEDT), GMT and BST London's. IST (India, Ireland, Israel) and
# CST alone (Chicago, China) read as the first; their pairs (IST and GMT: Dublin) decide.
_ABBREVIATIONS: Final[dict[str, tuple[str, ...]]] = {
    "aest": ("Australia/Sydney", "Australia/Melbourne", "Australia/Hobart", "Australia/Brisbane"),
    "aedt": ("Australia/Sydney", "Australia/Melbourne", "Australia/Hobart"),
    "acst": ("Australia/Adelaide", "Australia/Darwin"),
    "acdt": ("Australia/Adelaide",),
    "awst": ("Australia/Perth",),
    "nzst": ("Pacific/Auckland",),
    "nzdt": ("Pacific/Auckland",),
    "jst": ("Asia/Tokyo",),
    "kst": ("Asia/Seoul",),
    "sgt": ("Asia/Singapore",),
    "hkt": ("Asia/Hong_Kong",),
    "ist": ("Asia/Kolkata", "Europe/Dublin"),
    "utc": ("UTC",),
    "gmt": ("UTC", "Europe/London", "Europe/Dublin", "Europe/Lisbon"),
    "bst": ("Europe/London",),
    "wet": ("Europe/Lisbon",),
    "west": ("Europe/Lisbon",),
    "cet": ("Europe/Berlin", "Europe/Paris", "Europe/Madrid", "Europe/Rome", "Europe/Amsterdam"),
    "cest": ("Europe/Berlin", "Europe/Paris", "Europe/Madrid", "Europe/Rome", "Europe/Amsterdam"),
    "eet": ("Europe/Helsinki", "Europe/Athens"),
    "eest": ("Europe/Helsinki", "Europe/Athens"),
    "est": ("America/New_York", "America/Toronto"),
    "edt": ("America/New_York", "America/Toronto"),
    "cst": ("America/Chicago", "Asia/Shanghai"),
    "cdt": ("America/Chicago",),
    "mst": ("America/Denver", "America/Phoenix"),
    "mdt": ("America/Denver",),
    "pst": ("America/Los_Angeles",),
    "pdt": ("America/Los_Angeles",),
    "akst": ("America/Anchorage",),
    "akdt": ("America/Anchorage",),
    "hst": ("Pacific/Honolulu",),
}
# A UTC offset written as a zone: "+09:00", "UTC+9", "GMT+10:00".
_OFFSET_NAME: Final = re.compile(r"^(?:utc|gmt)?\s*([-+−])(\d{1,2})(?::?(\d{2}))?$", re.I)
# A column of zone names holds a few: more distinct values are answers of another kind.
_MAX_ZONE_NAMES: Final = 24
# The zone proposed for a European clock when the unit's name names none of its zones.
_CLOCK_DEFAULT: Final = ("Europe/London", "Europe/Berlin", "Europe/Helsinki")
# At least this share of the answered rows must name places of the one zone.
_SHARE: Final = 0.8


@dataclass(frozen=True)
class ZoneHint:
    """A zone the export points to, and where it says so.

    Attributes
    ----------
    zone
        The IANA zone to propose.
    kind
        ``"header"`` (the date column's header names it), ``"offset"`` (the times carry its
        UTC offset), ``"offsets"`` (the times' offsets change on its summer-time dates) or
        ``"zone"`` (a column of zone names beside the times: AEST/AEDT, QA29 F7) or
        ``"place"`` (a column of countries, regions or locales).
    column
        The column that says it.
    evidence
        What it says: the zone word, the offset, or up to three of the places.
    """

    zone: str
    kind: Literal["header", "offset", "offsets", "zone", "place"]
    column: str
    evidence: str


@dataclass(frozen=True)
class WrittenZones:
    """A column whose answers name the times' zone (QA29 F7), and the zone they point to.

    Attributes
    ----------
    names
        Its distinct values as written, most frequent first (``("AEST", "AEDT")``).
    zone
        The one IANA zone they all point to (``Australia/Sydney``), ``None`` when they point
        to different zones (JST and AEST) or to none zoneinfo knows by them (``+05:00``).
    """

    names: tuple[str, ...]
    zone: str | None


def _text_like(values: pd.Series) -> bool:
    """Whether a column holds written answers (text or categories) a zone could be read from."""
    return (
        pd.api.types.is_object_dtype(values)
        or pd.api.types.is_string_dtype(values)
        or isinstance(values.dtype, pd.CategoricalDtype)
    )


def written_zones(values: pd.Series) -> WrittenZones | None:
    """Return what a column of zone names says, or ``None`` when it is no such column.

    Such a column (``Time zone`` holding AEST/AEDT, ``tz`` holding Asia/Tokyo or ``+09:00``)
    says in which zone the times are written: it is the times' metadata, not a group to
    compare NPS by (:func:`nps_kit._response_meta.technical`), and evidence for ``timezone``.
    Every distinct answer must name a zone: an abbreviation of :data:`_ABBREVIATIONS`, an IANA
    name with a ``/`` (``Japan`` and ``Poland`` are countries, whatever zoneinfo calls them)
    or a UTC offset.

    Parameters
    ----------
    values
        The column, of any dtype.

    Returns
    -------
    WrittenZones or None
        The names and the zone every name shares (the usual one of them first).

    Examples
    --------
    >>> written_zones(pd.Series(["AEST", "AEDT"])).zone
    'Australia/Sydney'
    """
    if not _text_like(values):
        return None
    text = values.dropna().astype(str).str.strip()
    counts = text[text != ""].value_counts()
    if not len(counts) or len(counts) > _MAX_ZONE_NAMES:
        return None
    candidates = [_zones_named(str(name)) for name in counts.index]
    if any(c is None for c in candidates):
        return None
    shared: list[str] | None = None
    for zones in candidates:
        assert zones is not None
        shared = list(zones) if shared is None else [z for z in shared if z in zones]
    names = tuple(str(name) for name in counts.index)
    return WrittenZones(names, shared[0] if shared else None)


def _zones_named(name: str) -> tuple[str, ...] | None:
    """Return the zones ``name`` may stand for (``()``: a zone, but none known), else ``None``."""
    folded = unicodedata.normalize("NFKC", name).strip()
    if "/" in folded and folded in _iana_zones():
        return (folded,)
    known = _ABBREVIATIONS.get(folded.casefold())
    if known is not None:
        return known
    offset = _OFFSET_NAME.match(folded)
    if offset is None:
        return None
    sign, hours, minutes = offset.groups()
    key = f"{'-' if sign in '-−' else '+'}{int(hours):02d}{minutes or '00'}"
    zone = _OFFSET_ZONES.get(key)
    return (zone,) if zone is not None else ("UTC",) if key in ("+0000", "-0000") else ()


@cache
def _iana_zones() -> frozenset[str]:
    return frozenset(available_timezones())


def zone_hint(
    responses: pd.DataFrame, *, date_column: str | None, name: str | None = None
) -> ZoneHint | None:
    """Return the one zone the export points to, or ``None`` when it points to none.

    Parameters
    ----------
    responses
        The loaded export, or one unit's rows of it (its own columns; the loader's ``nps_*``
        are not looked at): a group's export holds the offsets of each unit's zone.
    date_column
        ``columns.date`` (its header and written times are read first).
    name
        The unit's name: among zones with the same clock, one whose city or country it names
        (``Harbour View Lisbon``: Europe/Lisbon, not Europe/London).

    Returns
    -------
    ZoneHint or None
        The date header's zone, else the times' single offset when one zone has it, else the
        European zone whose summer-time dates the offsets change on, else the zone a column
        of zone names (:func:`written_zones`) says, else the zone of a column of places;
        ``None`` when none says one zone.
    """
    zero: list[str] | None = None  # the zones of written +00:00 offsets, when every one is
    if date_column is not None and date_column in responses.columns:
        named = _HEADER_ZONE.search(date_column)
        if named is not None:
            return ZoneHint("UTC", "header", date_column, named.group(1))
        values = responses[date_column]
        found = _offset(values)
        hint = None if found is None else _offset_zone(found, date_column)
        if found is not None and found.replace(":", "") in _ZERO:
            zero = _zero_fits(values)
            hint = hint or _zero_zone(zero, date_column, found, name=name)
        hint = hint or _switching(values, date_column, name=name)
        if hint is not None:
            return hint
    columns = [c for c in responses.columns if not str(c).startswith("nps_") and c != date_column]
    for column in columns:
        # The zone the export names beside its times says their clock, before any place.
        written = written_zones(responses[column])
        if written is not None and written.zone is not None and zero is None:
            return ZoneHint(written.zone, "zone", str(column), ", ".join(written.names))
    for column in columns:
        hint = _places(responses[column], str(column))
        # +00:00 times and UK regions: London's winter clock; a place whose zone is not at
        # +00:00 on those days says nothing of the times' clock.
        if hint is not None and (zero is None or hint.zone in zero):
            return hint
    return None


def _offset_zone(offset: str, column: str) -> ZoneHint | None:
    """Return the hint of one written offset, when a single zone has it."""
    key = offset if offset == "Z" else offset.replace(":", "")
    zone = _OFFSET_ZONES.get(key)
    return None if zone is None else ZoneHint(zone, "offset", column, offset)


def _zero_fits(values: pd.Series) -> list[str]:
    """Return the zones of :data:`_ZERO_ZONES` at offset zero on every written day."""
    text = values.dropna().astype(str).str.strip()
    instants = pd.to_datetime(text[text != ""], utc=True, errors="coerce", format="ISO8601")
    if not len(instants) or instants.isna().any():
        return []
    days = instants.dt.normalize().drop_duplicates()
    return [
        zone
        for zone in _ZERO_ZONES
        if (days.dt.tz_convert(zone).map(lambda d: d.utcoffset()) == dt.timedelta(0)).all()
    ]


def _zero_zone(fits: list[str], column: str, offset: str, *, name: str | None) -> ZoneHint | None:
    """Return the zone of ``fits`` the unit's name names, as the hint of a zero offset.

    ``+00:00`` alone is UTC or a western European zone in winter; the name decides
    (``Riverside London``), else ``None`` (nothing proposed, not UTC).
    """
    zone = _named_zone(fits, name)
    return None if zone is None else ZoneHint(zone, "offset", column, offset)


def _offset(values: pd.Series) -> str | None:
    """Return the one UTC offset every written time carries, else ``None``."""
    if not (pd.api.types.is_object_dtype(values) or pd.api.types.is_string_dtype(values)):
        return None
    # Every time, not the first rows': a file sorted by date starts in one season (FIX48).
    text = values.dropna().astype(str).str.strip()
    offsets = text.str.extract(OFFSET_AT_END, expand=False)
    if not len(text) or offsets.isna().any():
        return None
    distinct = offsets.unique()
    return str(distinct[0]) if len(distinct) == 1 else None


def _switching(values: pd.Series, column: str, *, name: str | None) -> ZoneHint | None:
    """Return the European zone on whose summer-time dates the written offsets change.

    Every time must carry an offset, two or more offsets must be written (one offset fits
    zones of many clocks), and each must be the zone's on its UTC day, the day before or the
    day after (exports differ on the hour a change takes effect).
    """
    if not (pd.api.types.is_object_dtype(values) or pd.api.types.is_string_dtype(values)):
        return None
    text = values.dropna().astype(str).str.strip()
    text = text[text != ""]
    offsets = written_offsets(text)
    if not len(text) or offsets.isna().any() or offsets.nunique() < 2:
        return None
    instants = pd.to_datetime(text, utc=True, errors="coerce", format="ISO8601")
    if instants.isna().any():
        return None
    pairs = pd.DataFrame(
        {"day": instants.dt.tz_localize(None).dt.normalize().to_numpy(), "offset": offsets}
    ).drop_duplicates()
    days = pd.date_range(
        pairs["day"].min() - pd.Timedelta(days=1), pairs["day"].max() + pd.Timedelta(days=1)
    )
    fits = [zone for zone in _european_zones() if _fits(pairs, days, zone)]
    if not fits:
        return None
    shown = " / ".join(_written(o) for o in sorted(pairs["offset"].unique()))
    return ZoneHint(_named(fits, name), "offsets", column, shown)


@cache
def _european_zones() -> tuple[str, ...]:
    """Return the IANA zones of Europe (``Europe/…``), the clocks offsets are matched to."""
    return tuple(sorted(z for z in available_timezones() if z.startswith("Europe/")))


def _fits(pairs: pd.DataFrame, days: pd.DatetimeIndex, zone: str) -> bool:
    """Whether each written (UTC day, offset) is ``zone``'s on that day or a day beside it."""
    # First the middle day of each offset: most zones fail there, at two zoneinfo look-ups.
    tz = ZoneInfo(zone)
    for offset, group in pairs.groupby("offset")["day"]:
        middle = group.iloc[len(group) // 2].to_pydatetime().replace(hour=12, tzinfo=dt.UTC)
        near = (middle + dt.timedelta(days=shift) for shift in (-1, 0, 1))
        if all(moment.astimezone(tz).utcoffset() != offset for moment in near):
            return False
    noon = (days + pd.Timedelta(hours=12)).tz_localize("UTC")
    own = (noon.tz_convert(zone).tz_localize(None) - noon.tz_localize(None)).to_numpy()
    at = ((pairs["day"] - days[0]) // pd.Timedelta(days=1)).to_numpy()
    written = pairs["offset"].to_numpy()
    fit = (own[at - 1] == written) | (own[at] == written) | (own[at + 1] == written)
    return bool(fit.all())


def _named(fits: list[str], name: str | None) -> str:
    """Return the zone of ``fits`` the unit's name names, else the clock's usual one."""
    named = _named_zone(fits, name)
    if named is not None:
        return named
    return next((zone for zone in _CLOCK_DEFAULT if zone in fits), fits[0])


def _named_zone(fits: list[str], name: str | None) -> str | None:
    """Return the zone of ``fits`` whose city, country or region the unit's name names."""
    words = unicodedata.normalize("NFKC", name or "").lower()
    for zone in fits:
        city = zone.split("/")[-1].replace("_", " ").lower()
        if re.search(rf"\b{re.escape(city)}\b", words):
            return zone
    for places in (_CITIES, _PLACES):
        for place, zone in places.items():
            if zone in fits and re.search(rf"\b{re.escape(place)}\b", words):
                return zone
    return None


def _written(offset: pd.Timedelta) -> str:
    """Write an offset as ISO 8601 does: ``+01:00``."""
    minutes = int(offset.total_seconds()) // 60
    sign = "-" if minutes < 0 else "+"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def _zone_of(value: str, *, coded: bool) -> str | None:
    """Return the zone of one lower-cased answer that names a place (or a locale), else ``None``."""
    locale = _LOCALE.match(value)
    if locale is not None:
        return _CODES.get(locale.group(1).lower())
    return _PLACES.get(value) or (_CODES.get(value) if coded else None)


def place_columns(responses: pd.DataFrame) -> tuple[str, ...]:
    """Return the columns :func:`zone_hint` could read a place from in some of the rows.

    Those of text whose answers name a place of a known zone at least once: a unit's rows of
    any other column give no hint. ``nps-kit run``'s cache keeps them, so alerts read from it
    find the zone the unit's rows point to, as from the export (FIX61).
    """
    found = []
    for column in responses.columns:
        values = responses[column]
        if str(column).startswith("nps_") or not _text_like(values):
            continue
        distinct = pd.Series(values.dropna().unique()).astype(str).str.strip().str.lower()
        coded = _COUNTRY_HEADER.search(str(column)) is not None
        if any(_zone_of(v, coded=coded) is not None for v in distinct.unique() if v):
            found.append(str(column))
        elif written_zones(values) is not None:
            found.append(str(column))  # the times' zone names (QA29 F7)
    return tuple(found)


def _places(values: pd.Series, column: str) -> ZoneHint | None:
    """Return the zone of a column whose answers are places of one zone, else ``None``."""
    if not _text_like(values):
        return None
    text = values.dropna().astype(str).str.strip()
    text = text[text != ""]
    counts = text.str.lower().value_counts()
    if not len(counts) or len(counts) > 60:
        return None
    coded = _COUNTRY_HEADER.search(column) is not None
    zones = {value: _zone_of(value, coded=coded) for value in counts.index}
    named = {zone for zone in zones.values() if zone is not None}
    if len(named) != 1:
        return None
    (zone,) = named
    matched = counts[[value for value, z in zones.items() if z == zone]]
    if matched.sum() < _SHARE * counts.sum():
        return None
    shown = text[text.str.lower().isin(matched.index[:3])].drop_duplicates().head(3)
    return ZoneHint(zone, "place", column, ", ".join(shown))


def zone_line(hint: ZoneHint | None, lang: Language, *, offsets: bool = False) -> str:
    """Say that no zone is set, and the zone to set: the export's (``hint``) or the rule.

    Parameters
    ----------
    hint
        What :func:`zone_hint` found, or ``None``.
    lang
        Language of the sentence.
    offsets
        Whether the times were written with their UTC offsets: shown at each one's clock
        (:func:`nps_kit.clock.export_zone`), which the sentence says.

    Returns
    -------
    str
        One paragraph.
    """
    written = "_offsets" if offsets else ""
    if hint is None:
        return t(f"alerts_mail.zone_unknown{written}", lang)
    column = hint.column
    if lang == "ja":
        column = column.replace("「", "").replace("」", "")
    evidence = t(
        f"zone_hint.{hint.kind}", lang, column=column, zone=hint.zone, evidence=hint.evidence
    )
    return t(f"alerts_mail.zone_hint{written}", lang, evidence=evidence, zone=hint.zone)
