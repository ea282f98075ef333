"""Vietnamese date formats, independent of the system locale.

Vietnamese writes the day first: 14/6/2023, never 6/14/2023. Running text and
citations of documents usually write d/m/yyyy ("ngày 24/6/2022"), while lists and
tables pad to dd/mm/yyyy ("24/06/2022") so that columns line up.
"""

import re
from datetime import date, datetime

# Monday first, as date.weekday() counts.
WEEKDAY_NAMES = (
    "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật",
)

# Day, month and four-digit year separated by "/", "-" or "." with optional spaces.
_SHORT_DATE = re.compile(
    r"\s*(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{4})\s*", re.ASCII
)


def format_short(day: date, padded: bool = False) -> str:
    """Format a date as d/m/yyyy ("14/6/2023"), or as dd/mm/yyyy ("14/06/2023").

    Running text uses the unpadded form. Lists and tables pass padded.
    """
    if padded:
        return f"{day.day:02d}/{day.month:02d}/{day.year}"
    return f"{day.day}/{day.month}/{day.year}"


def format_long(day: date, weekday: bool = True, issue_date: bool = False) -> str:
    """Format a date in words: "Thứ Tư, ngày 14 tháng 6 năm 2023".

    Without the weekday it reads "ngày 14 tháng 6 năm 2023". With issue_date, a
    day below 10 and the months 1 and 2 get a leading zero ("ngày 05 tháng 02 năm
    2023"). Decree 30/2020/NĐ-CP, Appendix I, sets this rule for the issue date of
    administrative documents.
    """
    day_number, month_number = str(day.day), str(day.month)
    if issue_date:
        day_number = f"{day.day:02d}"
        month_number = f"{day.month:02d}" if day.month <= 2 else month_number

    text = f"ngày {day_number} tháng {month_number} năm {day.year}"
    if weekday:
        return f"{WEEKDAY_NAMES[day.weekday()]}, {text}"
    return text


def format_datetime(moment: datetime) -> str:
    """Format a date and time for lists: "14/06/2023 09:05", 24-hour clock.

    The time is shown as stored, so convert an aware datetime to local time first.
    """
    return f"{format_short(moment.date(), padded=True)} {moment:%H:%M}"


def parse_short(text: str) -> date:
    """Parse a day-first date such as "14/6/2023", "14/06/2023" or "14-6-2023".

    The first number is always the day, so "6/14/2023" is rejected rather than read
    as 14 June. Raises ValueError if the text is not a valid date in that form.
    """
    match = _SHORT_DATE.fullmatch(text)
    if match is None:
        raise ValueError(
            f"invalid date {text!r}: expected day/month/year, e.g. 14/6/2023"
        )

    day, _, month, year = match.groups()
    try:
        return date(int(year), int(month), int(day))
    except ValueError as error:
        raise ValueError(f"invalid date {text!r}: {error}") from None
