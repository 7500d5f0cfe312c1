"""Tests for nps_kit._zone_hint: the zone an export points to (FIX44)."""

from __future__ import annotations

import pandas as pd
import pytest

from nps_kit._zone_hint import WrittenZones, ZoneHint, written_zones, zone_hint, zone_line


def _export(**columns: list[str]) -> pd.DataFrame:
    return pd.DataFrame(columns, dtype=object)


def test_uk_regions_point_to_london() -> None:
    # QA25 energy: a UK supplier's alert was told "e.g. America/Chicago".
    export = _export(
        Region=["Scotland", "North West", "Midlands", "South East", "Scotland"],
        when=["2026-11-01 09:00"] * 5,
    )
    hint = zone_hint(export, date_column="when")
    assert hint == ZoneHint("Europe/London", "place", "Region", "Scotland, North West, Midlands")
    assert zone_line(hint, "en") == (
        "Times are as the export wrote them: no timezone is set for this unit, so their zone is "
        "not known. The column 'Region' names places in Europe/London (Scotland, North West, "
        "Midlands): if the times are that zone's clock, set timezone: Europe/London in its "
        "parameters."
    )
    assert zone_line(hint, "ja") == (
        "時刻はエクスポートに書かれたとおりです。このユニットにはtimezoneが設定されていないため、"
        "どのタイムゾーンの時刻か分かりません。列「Region」はEurope/Londonの地域を挙げています"
        "（Scotland, North West, Midlands）。そのタイムゾーンの時刻であれば、パラメーターに"
        "timezone: Europe/Londonと設定してください。"
    )


def test_a_date_header_naming_utc_says_utc() -> None:
    export = _export(**{"Submit Date (UTC)": ["2026-11-01 09:00:00"]})
    assert zone_hint(export, date_column="Submit Date (UTC)") == ZoneHint(
        "UTC", "header", "Submit Date (UTC)", "UTC"
    )


@pytest.mark.parametrize(
    ("times", "zone"),
    [(["2026-11-01T09:00:00+09:00", "2026-11-02T10:00:00+09:00"], "Asia/Tokyo"),
     (["2026-11-01T09:00:00Z"], None),  # UTC, or London in winter (REVIEW28 #2)
     (["2026-11-01T09:00:00-06:00", "2026-11-02T09:00:00-06:00"], None),  # several zones
     (["2026-11-01T09:00:00+09:00", "2026-11-02T09:00:00+00:00"], None)],
)  # fmt: skip
def test_one_written_offset_of_one_zone_points_to_it(times: list[str], zone: str | None) -> None:
    hint = zone_hint(_export(when=times), date_column="when")
    assert (hint.zone if hint else None) == zone


def test_locales_and_coded_countries_point_to_their_zone() -> None:
    locales = _export(Locale=["en-GB", "en-GB", "en_GB"])
    assert zone_hint(locales, date_column=None) == ZoneHint(
        "Europe/London", "place", "Locale", "en-GB, en_GB"
    )
    # A code is a country only under a country header: "IN" in a column of answers is a word.
    assert zone_hint(_export(Country=["IE", "IE"]), date_column=None) == ZoneHint(
        "Europe/Dublin", "place", "Country", "IE"
    )
    assert zone_hint(_export(answer=["in", "in"]), date_column=None) is None


@pytest.mark.parametrize(
    "places",
    [["United States", "United States"],  # several zones: no guess
     ["United Kingdom", "Ireland", "Ireland"],  # two zones
     ["Scotland", "Texas", "Ohio", "Iowa", "Utah"]],  # too few of one zone
)  # fmt: skip
def test_no_single_zone_proposes_none_and_the_line_gives_the_rule(places: list[str]) -> None:
    assert zone_hint(_export(Country=places), date_column=None) is None
    assert zone_line(None, "en") == (
        "Times are as the export wrote them: no timezone is set for this unit, so their zone is "
        "not known. Set timezone: in its parameters to the zone the survey tool wrote them in, "
        "an IANA name such as Europe/London or America/New_York."
    )


def _season(offsets: dict[str, str], days: int = 40) -> list[str]:
    """Times of every day around 25 October 2026 (EU summer time ends), with their offsets."""
    out = []
    for day in pd.date_range("2026-10-05", periods=days):
        summer = day < pd.Timestamp("2026-10-25")
        out.append(f"{day:%Y-%m-%d}T00:30:00{offsets['summer' if summer else 'winter']}")
    return out


@pytest.mark.parametrize(
    ("offsets", "name", "zone"),
    [
        ({"summer": "+01:00", "winter": "+00:00"}, "Riverside London", "Europe/London"),
        # London's clock is Lisbon's too: the unit's name chooses.
        ({"summer": "+01:00", "winter": "+00:00"}, "Harbour View Lisbon", "Europe/Lisbon"),
        ({"summer": "+02:00", "winter": "+01:00"}, "Hotel Lumière Paris", "Europe/Paris"),
        ({"summer": "+02:00", "winter": "+01:00"}, "Alpenhof Munich", "Europe/Berlin"),
        ({"summer": "+02:00", "winter": "+01:00"}, "Grand Canal Venice", "Europe/Rome"),
        ({"summer": "+02:00", "winter": "+01:00"}, None, "Europe/Berlin"),
        # US summer time ends a week later, and the US is not one zone: none.
        ({"summer": "-04:00", "winter": "-05:00"}, None, None),
    ],
)
def test_offsets_changing_on_a_european_zones_summer_time_dates_point_to_it(
    offsets: dict[str, str], name: str | None, zone: str | None
) -> None:
    # QA26 #5: a hotel group's export writes +01:00/+02:00 (Paris), +00:00/+01:00 (London).
    export = _export(**{"Response Date": _season(offsets)})
    hint = zone_hint(export, date_column="Response Date", name=name)
    assert (hint.zone if hint else None) == zone
    if hint is not None:
        assert hint.kind == "offsets"
        evidence = f"{offsets['winter']} / {offsets['summer']}"
        assert hint.evidence == evidence
        assert zone_line(hint, "en", offsets=True) == (
            "Times are as the export wrote them, each at the UTC offset written with it: no "
            f"timezone is set for this unit. The times carry the UTC offsets {evidence}, "
            f"changing on the days summer time starts and ends in {zone}: if the times are "
            f"that zone's clock, set timezone: {zone} in its parameters."
        )


def test_one_summer_offset_or_offsets_of_two_zones_point_to_none() -> None:
    # +02:00 all summer is Paris, Helsinki's winter, Cairo, Johannesburg …: no zone.
    summer = _export(when=[f"2026-07-{d:02d}T10:00:00+02:00" for d in range(1, 29)])
    assert zone_hint(summer, date_column="when") is None
    # A group's whole export (London and Paris rows): no one zone has all its offsets.
    group = _export(
        when=_season({"summer": "+01:00", "winter": "+00:00"})
        + _season({"summer": "+02:00", "winter": "+01:00"})
    )
    assert zone_hint(group, date_column="when") is None


def test_every_time_is_read_not_only_the_first_season() -> None:
    # A file sorted by date: its first 500 times were all +02:00, and the hint stopped there.
    times = [f"2026-08-{1 + i % 28:02d}T10:00:00+02:00" for i in range(600)]
    times += [f"2026-11-{1 + i % 28:02d}T10:00:00+01:00" for i in range(100)]
    hint = zone_hint(_export(when=times), date_column="when", name="Paris")
    assert hint is not None
    assert hint.zone == "Europe/Paris"


@pytest.mark.parametrize("offset", ["+00:00", "Z", "+0000"])
def test_a_zero_offset_alone_points_to_no_zone(offset: str) -> None:
    # REVIEW28 #2: +00:00 is UTC's and London's, Dublin's, Lisbon's in winter.
    frame = pd.DataFrame({"d": [f"2026-11-{d:02d}T10:00:00{offset}" for d in range(1, 29)]})
    assert zone_hint(frame, date_column="d", name="Survey") is None
    london = zone_hint(frame, date_column="d", name="Riverside London")
    assert london is not None and (london.zone, london.kind) == ("Europe/London", "offset")
    # In July London writes +01:00: a London hotel's +00:00 then is not London's clock.
    july = pd.DataFrame({"d": [f"2026-07-{d:02d}T10:00:00{offset}" for d in range(1, 29)]})
    assert zone_hint(july, date_column="d", name="Riverside London") is None


@pytest.mark.parametrize(
    ("values", "zone"),
    [
        (["AEST", "AEDT", "AEST"], "Australia/Sydney"),  # QA29 F7: an Australian hospital
        (["JST"] * 3, "Asia/Tokyo"),
        (["Asia/Tokyo", "Asia/Tokyo"], "Asia/Tokyo"),
        (["+09:00", "+09:00"], "Asia/Tokyo"),
        (["GMT", "BST"], "Europe/London"),
        (["EST", "EDT"], "America/New_York"),
        (["NZST", "NZDT"], "Pacific/Auckland"),
    ],
)
def test_a_column_of_zone_names_points_to_its_zone(values: list[str], zone: str) -> None:
    export = _export(**{"Time zone": values, "when": ["06/04/2026 09:00"] * len(values)})
    hint = zone_hint(export, date_column="when")
    shown = ", ".join(dict.fromkeys(values))
    assert hint == ZoneHint(zone, "zone", "Time zone", shown)
    assert written_zones(export["Time zone"]) == WrittenZones(tuple(dict.fromkeys(values)), zone)
    assert zone_line(hint, "en").startswith(
        f"Times are as the export wrote them: no timezone is set for this unit, so their zone is "
        f"not known. The column 'Time zone' names the times' zone ({shown}, {zone}):"
    )


def test_a_column_of_different_zones_points_to_none_and_says_they_differ() -> None:
    export = _export(tz=["JST", "AEST", "JST"], when=["2026-11-01 09:00"] * 3)
    assert zone_hint(export, date_column="when") is None
    assert written_zones(export["tz"]) == WrittenZones(("JST", "AEST"), None)


@pytest.mark.parametrize(
    "values",
    [
        ["Japan", "Poland"],  # countries (zoneinfo has such names), places say no clock here
        ["Royal Harbour", "Northside Private"],
        ["EST", "Eastern", "EST"],  # one answer that is no zone
    ],
)
def test_other_columns_are_no_zone_columns(values: list[str]) -> None:
    assert written_zones(pd.Series(values, dtype=object)) is None
