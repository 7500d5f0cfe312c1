"""Propose a unit's ``timezone`` from what its export says, when it says something (FIX44).

An English unit without ``timezone`` shows its export's times without a zone
(:func:`nps_kit.clock.zone_assumed`); the line saying so named America/Chicago to a UK energy
supplier. The export often tells more: a date header naming its zone (Typeform's
``Submit Date (UTC)``), UTC offsets written in the times, or a column of countries, UK regions
or locales. Only a single zone is proposed: a country with several zones (the United States,
Canada, Australia) proposes none, and the caller falls back on the rule and neutral examples.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final, Literal

import pandas as pd

from nps_kit.clock import OFFSET_AT_END
from nps_kit.i18n import Language, t

__all__ = ["ZoneHint", "zone_hint", "zone_line"]

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
    "Z": "UTC",
    "+0000": "UTC",
}
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
        UTC offset) or ``"place"`` (a column of countries, regions or locales).
    column
        The column that says it.
    evidence
        What it says: the zone word, the offset, or up to three of the places.
    """

    zone: str
    kind: Literal["header", "offset", "place"]
    column: str
    evidence: str


def zone_hint(responses: pd.DataFrame, *, date_column: str | None) -> ZoneHint | None:
    """Return the one zone the export points to, or ``None`` when it points to none.

    Parameters
    ----------
    responses
        The loaded export (its own columns; the loader's ``nps_*`` are not looked at).
    date_column
        ``columns.date`` (its header and written times are read first).

    Returns
    -------
    ZoneHint or None
        The date header's zone, else the times' single offset when one zone has it, else the
        zone of a column of places; ``None`` when none says one zone.
    """
    if date_column is not None and date_column in responses.columns:
        named = _HEADER_ZONE.search(date_column)
        if named is not None:
            return ZoneHint("UTC", "header", date_column, named.group(1))
        found = _offset(responses[date_column])
        if found is not None:
            return _offset_zone(found, date_column)
    for column in responses.columns:
        if str(column).startswith("nps_") or column == date_column:
            continue
        hint = _places(responses[column], str(column))
        if hint is not None:
            return hint
    return None


def _offset_zone(offset: str, column: str) -> ZoneHint | None:
    """Return the hint of one written offset, when a single zone has it."""
    key = offset if offset == "Z" else offset.replace(":", "")
    zone = _OFFSET_ZONES.get(key)
    return None if zone is None else ZoneHint(zone, "offset", column, offset)


def _offset(values: pd.Series) -> str | None:
    """Return the one UTC offset every written time carries, else ``None``."""
    if not (pd.api.types.is_object_dtype(values) or pd.api.types.is_string_dtype(values)):
        return None
    text = values.dropna().astype(str).str.strip().head(500)
    offsets = text.str.extract(OFFSET_AT_END, expand=False)
    if not len(text) or offsets.isna().any():
        return None
    distinct = offsets.unique()
    return str(distinct[0]) if len(distinct) == 1 else None


def _places(values: pd.Series, column: str) -> ZoneHint | None:
    """Return the zone of a column whose answers are places of one zone, else ``None``."""
    if not (
        pd.api.types.is_object_dtype(values)
        or pd.api.types.is_string_dtype(values)
        or isinstance(values.dtype, pd.CategoricalDtype)
    ):
        return None
    text = values.dropna().astype(str).str.strip()
    text = text[text != ""]
    counts = text.str.lower().value_counts()
    if not len(counts) or len(counts) > 60:
        return None
    coded = _COUNTRY_HEADER.search(column) is not None

    def zone_of(value: str) -> str | None:
        locale = _LOCALE.match(value)
        if locale is not None:
            return _CODES.get(locale.group(1).lower())
        return _PLACES.get(value) or (_CODES.get(value) if coded else None)

    zones = {value: zone_of(value) for value in counts.index}
    named = {zone for zone in zones.values() if zone is not None}
    if len(named) != 1:
        return None
    (zone,) = named
    matched = counts[[value for value, z in zones.items() if z == zone]]
    if matched.sum() < _SHARE * counts.sum():
        return None
    shown = text[text.str.lower().isin(matched.index[:3])].drop_duplicates().head(3)
    return ZoneHint(zone, "place", column, ", ".join(shown))


def zone_line(hint: ZoneHint | None, lang: Language) -> str:
    """Say that no zone is set, and the zone to set: the export's (``hint``) or the rule.

    Parameters
    ----------
    hint
        What :func:`zone_hint` found, or ``None``.
    lang
        Language of the sentence.

    Returns
    -------
    str
        One paragraph.
    """
    if hint is None:
        return t("alerts_mail.zone_unknown", lang)
    column = hint.column
    if lang == "ja":
        column = column.replace("「", "").replace("」", "")
    evidence = t(
        f"zone_hint.{hint.kind}", lang, column=column, zone=hint.zone, evidence=hint.evidence
    )
    return t("alerts_mail.zone_hint", lang, evidence=evidence, zone=hint.zone)
