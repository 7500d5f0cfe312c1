"""The lines of ``defaults.yaml`` that say how the export's dates are read.

The date column (or why there is none), the day/month order, a ``date_format``, and the time
zone: written in the cells, a UTC offset, or a zone named by the evidence.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from nps_kit import clock
from nps_kit._values import DATE_EXAMPLES, DATE_FORMS
from nps_kit._zone_hint import WrittenZones, ZoneHint, written_zones, zone_hint
from nps_kit.errors import DataError
from nps_kit.i18n import t
from nps_kit.inspect import ColumnInfo, Inspection, inspect_export


def _no_date_column(found: Inspection, export: Path) -> DataError:
    """Refuse an export with no date column, in the language init would write the project in.

    The export was inspected in English for init's comments; a Japanese project's refusal
    reads its date notes again in Japanese (MSG44: it was English), once, as it stops.
    """
    lang = found.language
    notes = found.date_notes
    if lang != "en":
        notes = inspect_export(export, sheet=found.load.sheet, lang=lang).date_notes
    why = "".join(notes) if lang == "ja" else "".join(f" {note}" for note in notes)
    forms = DATE_FORMS if lang == "en" else t("load.date_forms", lang, **DATE_EXAMPLES)
    return DataError(
        t("init.no_date", lang, export=export, why=why, columns=found.listing(lang)),
        hint=t("init.no_date_hint", lang, forms=forms, hint=t("init.no_score_hint", lang)),
        path=export,
    )


def _date_order(found: Inspection, date: ColumnInfo) -> tuple[str | None, str | None]:
    """Return the order of the export's numeric dates and, when they read both ways, why.

    A day over 12 shows the order (``why`` is ``None``); dates that read both ways are read as
    the evidence says (:func:`nps_kit.clock.export_date_order`: the AM/PM clock and the survey
    tool, which inspection weighed, then this machine's zone); without evidence ``(None, why)``
    with ``why`` saying so.
    """
    if date.detail in ("month-first", "day-first"):
        return date.detail, found.date_order_evidence
    if "ambiguous" not in date.detail:
        return None, None  # ISO, Japanese or serial dates: no order to set
    zone = clock.machine_zone()
    order, why = clock.export_date_order((), source=None, timezone=zone)
    return order, why or "nothing in the export or on this machine says which"


def _date_format_lines(date: ColumnInfo, order: str | None, why: str | None) -> list[str]:
    """Write the ``date_format`` lines: the order detected, and how it was decided."""
    if order is None and why is None:
        return [
            "  # How to read dates that could be either order (1/2/2026): month-first,",
            "  # day-first or a strftime pattern; null = detect (a day over 12 decides).",
            "  date_format: null",
        ]
    if order is not None and clock.order_guessed(why):
        # QA28 #2: the tool's layout is a guess; written as decided, it outlived the export.
        text = (
            f"The dates in {date.column!r} read both ways (no day over 12). They are read "
            f"{order} for now only because {why}; nothing in the file confirms it, so each "
            "export is weighed again. SET THIS to month-first (12/03/2026 is December 3) or "
            "day-first (12 March) once you know."
        )
        wrapped = textwrap.wrap(
            text, 96, initial_indent="  # ", subsequent_indent="  # ", break_on_hyphens=False
        )
        return [*wrapped, "  date_format: null"]
    if order is None:
        text = (
            f"The dates in {date.column!r} read both ways (no day over 12) and {why}. SET "
            "THIS to month-first (12/03/2026 is December 3) or day-first (12 March): nps-kit "
            "run and alerts refuse these dates until it is set."
        )
        wrapped = textwrap.wrap(
            text, 96, initial_indent="  # ", subsequent_indent="  # ", break_on_hyphens=False
        )
        return [*wrapped, "  date_format: null"]
    other = "day-first" if order == "month-first" else "month-first"
    how = (
        f"they read both ways (no day over 12); {order} because {why}"
        if why is not None
        else f"a day over 12 shows it ({date.detail})"
    )
    text = (
        f"How to read the dates in {date.column!r}: {how}. Change it to {other} if that is "
        "wrong, or to a strftime pattern. Kept for later exports, whose days may all be 12 "
        "or under (the first days of a month)."
    )
    wrapped = textwrap.wrap(
        text, 96, initial_indent="  # ", subsequent_indent="  # ", break_on_hyphens=False
    )
    return [*wrapped, f"  date_format: {order}"]


def _written_zone(found: Inspection, date: ColumnInfo) -> tuple[str, str] | None:
    """Return the date column and the zone Qualtrics wrote its times in, when it says one."""
    zone = found.index.time_zones.get(date.column)
    if zone is None:
        return None
    try:
        clock.check_timezone(zone)
    except ValueError:
        return None  # a zone zoneinfo does not know: decides nothing
    return date.column, zone


@dataclass(frozen=True)
class _OffsetZones:
    """The zones an export's written UTC offsets point to (FIX48, QA26 #5).

    Attributes
    ----------
    offsets
        Whether the export writes its times with their UTC offsets
        (:func:`nps_kit.clock.carries_offsets`).
    project
        The one zone every unit's offsets point to (``defaults.yaml``), or ``None``.
    units
        When the units' offsets point to different zones: each unit's (by its value of the
        unit column), written in its own file; units whose offsets point to none are left out.
    zero
        Whether every offset is ``+00:00`` or ``Z``: UTC's, and a western European zone's in
        winter, so it proposes no zone by itself (REVIEW28 #2).
    stored
        The zone of a typed zone-aware column (a Parquet ``timestamp[us, UTC]``), or UTC for
        Unix epoch times (FIX65): instants stored in that zone, not a clock someone wrote, so
        it is the zone init writes (FIX58, QA28 #1: ``null`` let a ``ja`` unit read them in
        Asia/Tokyo, a month apart).
    """

    offsets: bool = False
    project: ZoneHint | None = None
    units: dict[str, ZoneHint] = field(default_factory=dict)
    zero: bool = False
    stored: str | None = None


def _offset_zones(
    data: pd.DataFrame, *, date_column: str, unit_column: str | None, name: str
) -> _OffsetZones:
    """Return the zones the export's written offsets point to, for the project and its units.

    Only the times' offsets are read (:func:`nps_kit._zone_hint.zone_hint` on the date
    column): they are the clock the times were written in, where a column of countries says
    where customers are, not which clock the survey tool wrote.

    Parameters
    ----------
    data
        The export as inspection read it (dates as written).
    date_column
        Its date column.
    unit_column
        The ``--unit-column``, or ``None`` for one unit of every response.
    name
        The single unit's name (its city or country chooses among zones of one clock).

    Returns
    -------
    _OffsetZones
        Nothing when the times carry no offsets.
    """
    values = data[date_column]
    if not clock.carries_offsets(values):
        return _OffsetZones()

    written = clock.written_offsets(values)
    zero = bool((written.dropna() == pd.Timedelta(0)).all())
    stored = str(values.dt.tz) if isinstance(values.dtype, pd.DatetimeTZDtype) and zero else None
    if clock.epoch_instants(values) is not None:
        stored = "UTC"  # Unix epoch times are UTC instants, as a typed UTC column's are

    def hint(rows: pd.Series, label: str) -> ZoneHint | None:
        # +00:00 alone: a column of UK regions or countries says whose winter clock it is
        # (REVIEW28 #2); otherwise places say where customers are, not the tool's clock.
        frame = data.loc[rows.index] if zero else rows.to_frame()
        found = zone_hint(frame, date_column=date_column, name=label)
        kinds = ("offset", "offsets", "place") if zero else ("offset", "offsets")
        return found if found is not None and found.kind in kinds else None

    if unit_column is None:
        return _OffsetZones(True, hint(values, name), zero=zero, stored=stored)
    units = data[unit_column].astype("string").str.strip()
    hints = {
        value: hint(values[(units == value).fillna(False).to_numpy(dtype=bool)], value)
        for value in sorted(v for v in units.dropna().unique() if v)
    }
    named = {h.zone if h is not None else None for h in hints.values()}
    if len(named) == 1 and None not in named:
        return _OffsetZones(True, next(iter(hints.values())), zero=zero, stored=stored)
    return _OffsetZones(
        True,
        units={v: h for v, h in hints.items() if h is not None},
        zero=zero,
        stored=stored,
    )


def _offset_lines(zones: _OffsetZones, language: str) -> list[str]:
    """Write the ``timezone`` lines of an export whose times carry their UTC offsets."""
    # A Japanese unit's null is Asia/Tokyo; an English unit's is no zone, not UTC.
    known = clock.export_zone("ja" if language == "ja" else "en", None)
    null = (
        "With null a time is read as the wall clock it was written in (months are cut by "
        "it), while ages and overdue call-backs count in UTC."
        if known is None
        else f"With null the times are read as {known}'s clock, the zone of the language."
    )
    if zones.project is not None:
        hint = zones.project
        text = (
            f"{_evidence(hint)}: the report reads the times as that zone's clock (the months "
            f"the export wrote) and counts ages and overdue call-backs by it. {null}"
        )
        value = "null" if hint.zone == known else hint.zone
    elif zones.units:
        text = (
            "The export writes each time with its UTC offset, and the units' offsets point "
            f"to different zones: each unit's file sets its own. {null}"
        )
        value = "null"
    elif zones.stored is not None:
        # FIX58 (QA28 #1): written, not null, so that no unit's zone follows from its language.
        text = (
            f"The export stores its times as instants in {zones.stored} (a typed time column "
            "or Unix epoch times, not a clock someone wrote): the months are cut in "
            f"{zones.stored} for every unit, whatever its language. Set the readers' zone "
            "(e.g. Europe/London, Asia/Tokyo) here, once for every unit, to cut them there."
        )
        value = zones.stored
    elif zones.zero:
        text = (
            "The export writes each time with the UTC offset +00:00 (or Z): UTC's, but also "
            "that of Europe/London, Europe/Dublin or Europe/Lisbon in winter, which write "
            "+01:00 from summer time on, so no zone is proposed (UTC would move those times "
            f"an hour back from then). {null} Set the zone of the times (UTC, Europe/London "
            "…) when you know it."
        )
        value = "null"
    else:
        text = (
            "The export writes each time with its UTC offset, and the offsets point to no "
            f"single zone. {null} Set the zone of the offsets (e.g. Europe/London, "
            "Australia/Sydney) to count them there too."
        )
        value = "null"
    wrapped = textwrap.wrap(
        text, 88, initial_indent="# ", subsequent_indent="# ", break_on_hyphens=False
    )
    return [*wrapped, f"timezone: {value}"]


def _evidence(hint: ZoneHint) -> str:
    """Say what the times' offsets show, in the words alerts use (``zone_hint.*``)."""
    return t(
        f"zone_hint.{hint.kind}", "en", column=hint.column, zone=hint.zone, evidence=hint.evidence
    )


def _named_zones(found: Inspection) -> tuple[str, WrittenZones] | None:
    """Return the column of zone names beside the times, and what it says (QA29 F7).

    Inspection calls it metadata (:func:`nps_kit._response_meta.technical`), so it is never a
    breakdown; here it is the evidence for ``timezone``.
    """
    for info in found.of_kind("metadata"):
        named = written_zones(found.data[info.column])
        if named is not None:
            return info.column, named
    return None


def _named_zone_lines(column: str, named: WrittenZones, language: str) -> list[str]:
    """Write the ``timezone`` lines of an export whose column ``column`` names the times' zone."""
    shown = ", ".join(named.names[:4]) + (", …" if len(named.names) > 4 else "")
    if named.zone is None:
        text = (
            f"The column {column!r} names different zones ({shown}): the times are not in one "
            "zone, so none is proposed. Set the zone of the readers (e.g. Australia/Sydney), "
            f"or one per unit in its file; {column!r} is no breakdown either way."
        )
        value = "null"
    else:
        hint = ZoneHint(named.zone, "zone", column, ", ".join(named.names))
        text = (
            f"{_evidence(hint)}: the report reads the times as that zone's clock (the months "
            "are cut, follow-ups aged and alerts' --since and call-backs counted by it); "
            f"{column!r} is therefore no breakdown."
        )
        known = clock.export_zone("ja" if language == "ja" else "en", None)
        value = "null" if named.zone == known else named.zone
    wrapped = textwrap.wrap(text, 88, initial_indent="# ", subsequent_indent="# ")
    return [*wrapped, f"timezone: {value}"]


def _timezone_lines(
    language: str,
    order: str | None,
    *,
    written: tuple[str, str] | None = None,
    zones: _OffsetZones | None = None,
    named: tuple[str, WrittenZones] | None = None,
) -> list[str]:
    """Write the ``timezone`` lines: the zone the export's times are in, when it says one.

    Qualtrics writes its dates in the zone chosen at download and names it (``written``: the
    date column and the zone). Export times are read as the wall clock they are, so the
    report's own clock (ages, overdue call-backs) must be that zone's. Times written with
    their UTC offsets (``zones``) point to the zone whose offsets they are, when one does
    (:func:`_offset_zones`). Otherwise a US machine's zone for US dates, else a suggestion.
    """
    explain = [
        "# Time zone of every time readers see: the report's 'generated' time, the months of",
        "# the export's times, follow-up ages and overdue call-backs; null = by language",
        "# (ja: Asia/Tokyo, en: UTC, not this machine's clock).",
    ]
    if written is not None:
        column, given = written
        default = clock.DEFAULT_TIMEZONE["ja" if language == "ja" else "en"]
        said = textwrap.wrap(
            f"Qualtrics wrote the export's times in {given} (the timeZone of {column} in its "
            "third header row): the report reads them as that zone's clock, and counts ages "
            "and overdue call-backs by it. To report in the readers' zone, download the "
            "export in it (Qualtrics' download options) and set it here.",
            88,
            initial_indent="# ",
            subsequent_indent="# ",
        )
        return [*explain, *said, f"timezone: {'null' if given == default else given}"]
    if zones is not None and zones.offsets:
        return [*explain, *_offset_lines(zones, language)]
    if named is not None:  # a column names the times' zone (QA29 F7: AEST/AEDT)
        return [*explain, *_named_zone_lines(*named, language)]
    if language != "en":
        return [*explain, "timezone: null"]
    # QA25 B-4: an English export's times carry no zone; null reads them as UTC's clock.
    unzoned = [
        "# The export's times carry no zone: they are read as this zone's wall clock. With null",
        "# they are taken as UTC and shown without a zone, hours off the readers' day; set the",
    ]
    if order != "month-first":
        return [
            *explain,
            *unzoned,
            "# zone the survey tool wrote them in (e.g. Europe/London, Australia/Sydney).",
            "timezone: null",
        ]
    zone = clock.machine_zone()
    if zone is not None and clock.in_united_states(zone):
        return [
            *explain,
            f"# The dates are US (month-first), and this machine is in {zone}: readers' zone.",
            f"timezone: {zone}",
        ]
    return [
        *explain,
        *unzoned,
        "# zone the survey tool wrote them in. The dates are US (month-first): in the United",
        "# States that is one of America/New_York, America/Chicago, America/Denver,",
        "# America/Los_Angeles (a US zone also prints the PDF on Letter).",
        "timezone: null",
    ]
