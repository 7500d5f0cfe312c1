"""Dates typed without a year into a returned work file (nps_kit._yearless)."""

from __future__ import annotations

import datetime as dt

import pytest

from nps_kit._yearless import WINDOW_DAYS, has_no_year, yearless_date

TODAY = dt.date(2026, 12, 5)


@pytest.mark.parametrize(
    ("text", "order", "expected"),
    [
        ("12月4日", None, dt.date(2026, 12, 4)),
        ("１２月４日", None, dt.date(2026, 12, 4)),  # typed in full-width digits
        ("12/3", None, dt.date(2026, 12, 3)),  # 3 Dec fits; 12 Mar is months ago
        ("3/12", "day-first", dt.date(2026, 12, 3)),  # a UK team's 3 December
        ("11月20日", None, dt.date(2026, 11, 20)),
        ("12月5日", None, TODAY),
        ("12月6日", None, None),  # tomorrow: a contact is recorded after it happened
        ("1/15", None, None),  # Jan 2026 is too long ago, Jan 2027 in the future
        ("12/4", "day-first", None),  # 12 April: months ago
        ("2/30", None, None),
        ("yesterday", None, None),
        ("2026/12/03", None, None),  # has a year: the date reader's job, not this one
        # QA24: an English team's "3 Dec" was "not a date"; a month by name reads one way.
        ("3 Dec", None, dt.date(2026, 12, 3)),
        ("3 Dec", "month-first", dt.date(2026, 12, 3)),
        ("Dec 3", None, dt.date(2026, 12, 3)),
        ("3rd December", None, dt.date(2026, 12, 3)),
        ("30 Nov.", None, dt.date(2026, 11, 30)),
        ("3 Dex", None, None),
    ],
)
def test_a_date_without_a_year_is_read_only_when_one_date_of_the_weeks_before_fits(
    text: str, order: str | None, expected: dt.date | None
) -> None:
    assert yearless_date(text, today=TODAY, order=order) == expected


def test_across_new_year_the_year_before_is_read() -> None:
    assert yearless_date("12/28", today=dt.date(2027, 1, 4)) == dt.date(2026, 12, 28)


def test_two_readings_in_the_window_are_not_guessed() -> None:
    # 12/11 is 12 November or 11 December, both in the weeks before 15 December.
    today = dt.date(2026, 12, 15)
    assert yearless_date("12/11", today=today) is None
    assert yearless_date("12/11", today=today, order="month-first") == dt.date(2026, 12, 11)
    assert WINDOW_DAYS == 56


def test_has_no_year() -> None:
    texts = ("12月4日", "12/3", "2/29", "11/31", "31/12", "2026/12/3", "x", 3.0)
    assert [has_no_year(v) for v in texts] == [True, True, True, False, True] + [False] * 3
    assert not has_no_year("31/12", order="month-first")
