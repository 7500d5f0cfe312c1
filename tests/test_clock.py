"""Times are shown with the zone their readers are in."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from nps_kit.clock import export_date_order, format_local_time, format_time


@pytest.mark.parametrize(
    ("moment", "zone", "shown"),
    [
        # An export's wall-clock time at the unit's place: the place's zone is added.
        (dt.datetime(2026, 11, 25, 22, 12), "Asia/Tokyo", "2026-11-25 22:12 JST"),
        (dt.datetime(2026, 11, 25, 22, 12), "UTC", "2026-11-25 22:12 UTC"),
        # The abbreviation in force that day.
        (dt.datetime(2026, 7, 1, 9, 0), "Europe/London", "2026-07-01 09:00 BST"),
        (dt.datetime(2026, 12, 1, 9, 0), "Europe/London", "2026-12-01 09:00 GMT"),
        # A zone-aware moment is converted to the place.
        (dt.datetime(2026, 11, 25, 13, 12, tzinfo=dt.UTC), "Asia/Tokyo", "2026-11-25 22:12 JST"),
    ],
)
def test_a_local_time_is_shown_with_its_zone(moment: dt.datetime, zone: str, shown: str) -> None:
    assert format_local_time(moment, ZoneInfo(zone)) == shown


def test_a_naive_moment_is_utc_for_format_time_and_local_for_format_local_time() -> None:
    # Logs and manifests are written in naive UTC; exports are naive local wall-clock times.
    naive = dt.datetime(2026, 11, 25, 13, 12)
    tokyo = ZoneInfo("Asia/Tokyo")
    assert format_time(naive, tokyo) == "2026-11-25 22:12 JST"
    assert format_local_time(naive, tokyo) == "2026-11-25 13:12 JST"


def test_a_zone_nobody_set_is_not_shown() -> None:
    # QA25 B-4: an English unit without timezone reads its export's times as UTC; a Texas
    # form's 14:38 was shown as "14:38 UTC", as if the zone were known.
    from nps_kit.clock import zone_assumed

    assert zone_assumed("en", None)
    assert not zone_assumed("en", "UTC")  # set on purpose
    assert not zone_assumed("en", "America/Chicago")
    assert not zone_assumed("ja", None)  # Asia/Tokyo, where Japanese exports are written
    naive = dt.datetime(2026, 11, 29, 14, 38)
    assert format_local_time(naive, ZoneInfo("UTC"), zone_shown=False) == "2026-11-29 14:38"
    assert format_local_time(naive, ZoneInfo("UTC")) == "2026-11-29 14:38 UTC"


@pytest.mark.parametrize(
    ("texts", "order"),
    [
        (["04.12.2026", "03.12.2026 10:15"], "day-first"),
        (["04.12.26"], "day-first"),
        (["04/12/2026"], None),
        (["04.12.2026", "04/12/2026"], None),
        (["04.12.2026 02:05:09 PM"], "month-first"),
    ],
)
def test_dotted_dates_are_day_first_evidence(texts: list[str], order: str | None) -> None:
    # QA26 #20: dotted dates are day-first wherever written (de, fr, ru …).
    assert export_date_order(texts, source=None, timezone=None)[0] == order


def test_carries_offsets() -> None:
    import pandas as pd

    from nps_kit.clock import carries_offsets

    assert carries_offsets(pd.Series(["2026-11-29T10:16:00+01:00", "2026-11-29T10:16:00Z"]))
    assert carries_offsets(pd.Series(["2026-11-29 10:16:00-0500", None, ""]))
    assert not carries_offsets(pd.Series(["2026-11-29 10:16:00", "29.11.2026"]))
    assert carries_offsets(pd.Series(pd.to_datetime(["2026-11-29 10:16"]).tz_localize("UTC")))


def test_offset_times_are_read_as_written_without_a_zone() -> None:
    # FIX48 (QA26 #5): 00:30+01:00 on 1 November is November's, as `score --period` cuts it.
    from nps_kit.clock import export_zone, zone_assumed

    assert export_zone("en", None) is None
    assert export_zone("en", "Europe/Paris") == "Europe/Paris"
    assert export_zone("en", "UTC") == "UTC"  # set on purpose: converted
    assert export_zone("ja", None) == "Asia/Tokyo"
    assert zone_assumed("en", None) and not zone_assumed("ja", None)


def test_written_offsets_and_instants() -> None:
    import pandas as pd

    from nps_kit.clock import utc_instants, written_offsets

    written = pd.Series(
        ["2026-11-29T10:16:00+01:00", "2026-11-29T10:16:00Z", "2026-11-29 10:16-0530", None, "x"]
    )
    assert [str(o) for o in written_offsets(written)] == [
        "0 days 01:00:00",
        "0 days 00:00:00",
        "-1 days +18:30:00",
        "NaT",
        "NaT",
    ]
    dates = pd.Series(pd.to_datetime(["2026-11-29 10:16"] * 5))
    assert [f"{d:%H:%M}" for d in utc_instants(dates, written)] == [
        "09:16",
        "10:16",
        "15:46",
        "10:16",  # no offset written: the unit's clock, UTC's
        "10:16",
    ]


@pytest.mark.parametrize(
    "cell",
    [
        "05-12-2026",  # dd-mm-yyyy: '-2026' was read as −20:26 (REVIEW28 #1)
        "12-05-2026",  # mm-dd-yyyy
        "2026-12-05",  # yyyy-mm-dd: '-05' is no offset either
        "05-12-2026 10:16",
        "12-05-2026 10:16:00",
        "2026-12-05 10:16:00",
        "05-12-26",
    ],
)
def test_a_date_written_with_hyphens_carries_no_offset(cell: str) -> None:
    import pandas as pd

    from nps_kit.clock import carries_offsets, written_offsets

    assert written_offsets(pd.Series([cell])).isna().all()
    assert not carries_offsets(pd.Series([cell, cell]))


@pytest.mark.parametrize(
    ("cell", "minutes"),
    [
        ("05-12-2026 10:16 +0100", 60),
        ("12-05-2026 10:16:00-05:00", -300),
        ("2026-12-05T00:30:00+01:00", 60),
        ("2026-12-05T10:16:00.123Z", 0),
        ("2026-12-05 10:16Z", 0),
    ],
)
def test_an_offset_after_a_time_of_day_is_read(cell: str, minutes: int) -> None:
    import pandas as pd

    from nps_kit.clock import written_offsets

    (offset,) = written_offsets(pd.Series([cell]))
    assert offset == pd.Timedelta(minutes=minutes)


def test_a_reading_that_puts_responses_in_the_future_is_refuted() -> None:
    # QA28 #2: a UK SurveyMonkey export of 1–12 October was read January–December, the last
    # date five days after today. Dates after today (beyond a day's margin) cannot be responses.
    texts = [f"{day:02d}/10/2026 18:05:00" for day in range(1, 13)]
    order, why = export_date_order(
        texts, source="surveymonkey", timezone=None, today=dt.date(2026, 12, 5)
    )
    assert order == "day-first"
    assert why is not None and "future" in why
    # Both readings in the past: the future decides nothing.
    texts = ["03/04/2026 10:00 AM"]
    assert export_date_order(texts, source=None, timezone=None, today=dt.date(2026, 12, 5)) == (
        "month-first",
        "a 12-hour AM/PM clock, which day-first dates almost never use",
    )


def test_a_24_hour_clock_is_evidence_against_a_us_tools_layout() -> None:
    # SurveyMonkey US writes "10/03/2026 6:05:00 PM"; "03/10/2026 18:05:00" is not its layout.
    texts = ["03/04/2026 18:05:00", "02/04/2026 09:10:00"]
    today = dt.date(2026, 12, 5)
    assert export_date_order(texts, source="surveymonkey", timezone=None, today=today) == (
        None,
        None,
    )
    # Without a time past 12 the clock says nothing, and the tool's layout stands.
    texts = ["03/04/2026 09:05:00"]
    order, _ = export_date_order(texts, source="surveymonkey", timezone=None, today=today)
    assert order == "month-first"


def test_an_order_from_the_tool_or_the_zone_is_a_guess() -> None:
    # QA28 #2: said in every command and not written into a project as decided.
    from nps_kit.clock import order_guessed

    today = dt.date(2026, 12, 5)
    _, why = export_date_order(["03/04/2026 09:05:00"], source="surveymonkey", timezone=None)
    assert order_guessed(why)
    _, why = export_date_order(["03/04/2026"], source=None, timezone="America/Chicago")
    assert order_guessed(why)
    _, why = export_date_order(["03/04/2026 9:05 PM"], source="surveymonkey", timezone=None)
    assert not order_guessed(why)
    _, why = export_date_order(["12/10/2026"], source="surveymonkey", timezone=None, today=today)
    assert not order_guessed(why)


@pytest.mark.parametrize(
    ("texts", "source", "timezone", "japanese"),
    [
        (["11/10/2026 09:00"], None, None, "month-firstで読むと未来の日付がある"),
        (
            ["03/04/2026 10:00 AM"],
            None,
            None,
            "時刻が12時間制（AM/PM）で、日が先の日付ではまず使われない",
        ),
        (["03.04.2026"], None, None, "点で区切った日付（04.12.2026）は、どこで書かれても日が先"),
        (
            ["03/04/2026 09:05"],
            "surveymonkey",
            None,
            "SurveyMonkeyは米国式の日付（月が先）で書き出す",
        ),
        (["03/04/2026"], None, "America/Chicago", "タイムゾーンAmerica/Chicagoは米国"),
    ],
)
def test_the_evidence_of_an_order_is_said_again_in_japanese(
    texts: list[str], source: str | None, timezone: str | None, japanese: str
) -> None:
    # MSG43: a Japanese note or error quoted the English evidence inside its sentence.
    from nps_kit.clock import order_evidence_words

    today = dt.date(2026, 10, 20)
    _, why = export_date_order(texts, source=source, timezone=timezone, today=today)
    assert why is not None
    assert order_evidence_words(why, "ja") == japanese
    assert order_evidence_words(why, "en") == why
    assert order_evidence_words("something else", "ja") == "something else"
