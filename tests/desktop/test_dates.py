"""Tests for day-first Vietnamese date formatting and parsing."""

from datetime import date, datetime, timedelta

import pytest

from desktop.dates import (
    WEEKDAY_NAMES,
    format_datetime,
    format_long,
    format_short,
    parse_short,
)

WEDNESDAY = date(2023, 6, 14)
SUNDAY = date(2023, 6, 18)


def test_format_short_unpadded():
    assert format_short(WEDNESDAY) == "14/6/2023"
    assert format_short(date(2026, 1, 5)) == "5/1/2026"


def test_format_short_padded():
    assert format_short(WEDNESDAY, padded=True) == "14/06/2023"
    assert format_short(date(2026, 1, 5), padded=True) == "05/01/2026"


def test_format_long_wednesday():
    assert format_long(WEDNESDAY) == "Thứ Tư, ngày 14 tháng 6 năm 2023"


def test_format_long_sunday():
    assert format_long(SUNDAY) == "Chủ Nhật, ngày 18 tháng 6 năm 2023"


def test_format_long_without_weekday():
    assert format_long(WEDNESDAY, weekday=False) == "ngày 14 tháng 6 năm 2023"


def test_format_long_issue_date_padding():
    assert format_long(date(2023, 2, 1), weekday=False, issue_date=True) == (
        "ngày 01 tháng 02 năm 2023"
    )
    assert format_long(date(2023, 7, 5), weekday=False, issue_date=True) == (
        "ngày 05 tháng 7 năm 2023"
    )
    assert format_long(date(2023, 12, 14), weekday=False, issue_date=True) == (
        "ngày 14 tháng 12 năm 2023"
    )


def test_format_long_every_weekday():
    monday = date(2023, 6, 12)
    expected = [
        "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật",
    ]
    for offset, name in enumerate(expected):
        assert format_long(monday + timedelta(days=offset)).startswith(name + ", ")
    assert list(WEEKDAY_NAMES) == expected


def test_format_datetime():
    assert format_datetime(datetime(2023, 6, 14, 9, 5)) == "14/06/2023 09:05"
    assert format_datetime(datetime(2023, 12, 31, 23, 59, 59)) == "31/12/2023 23:59"


@pytest.mark.parametrize(
    "text",
    ["14/6/2023", "14/06/2023", " 14 / 6 / 2023 ", "14-6-2023", "14.06.2023"],
)
def test_parse_short_forms(text):
    assert parse_short(text) == WEDNESDAY


def test_parse_short_is_day_first():
    assert parse_short("5/6/2023") == date(2023, 6, 5)


@pytest.mark.parametrize(
    "text",
    [
        "6/14/2023",  # month first: rejected, never read as 14 June
        "31/2/2023",
        "29/2/2023",
        "0/1/2023",
        "14/6/23",
        "2023-06-14",
        "14/6-2023",
        "14/6/2023 09:05",
        "",
        "ngày 14 tháng 6",
    ],
)
def test_parse_short_rejects(text):
    with pytest.raises(ValueError, match="invalid date"):
        parse_short(text)


def test_parse_short_leap_day():
    assert parse_short("29/2/2024") == date(2024, 2, 29)


def test_format_then_parse_round_trip():
    day = date(2023, 1, 1)
    while day.year == 2023:
        assert parse_short(format_short(day)) == day
        assert parse_short(format_short(day, padded=True)) == day
        day += timedelta(days=1)
