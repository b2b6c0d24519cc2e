"""Date ranges for queries: ``since``/``until`` as a year, a month or a day, both inclusive.

A fact is placed in time by the most precise date it has: a visit by its own date (or year), an
indicator by its period, anything else by its article's publication date. A fact with no date
at all cannot be placed, so a range leaves it out (without a range everything is shown).
Partial dates and spans of years compare as intervals: "2017" is within since=2016, and within
until=2017-06 as long as it may fall before July 2017; "2016-2020" is within since=2019 (a date
overlaps a range when any of its days does).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from cachlamhay.errors import UsageError

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_SPAN = re.compile(r"^(\d{4})\s*[-–]\s*(\d{4})$")


def _interval(date: str | None) -> tuple[str, str] | None:
    """The first and last day a date, a partial date or a span of years may be."""
    if not date:
        return None
    span = _SPAN.match(date.strip())
    if span:
        return f"{span.group(1)}-01-01", f"{span.group(2)}-12-31"
    match = _DATE.match(date[:10])
    return _bounds(match.group(0)) if match else None


def _bounds(value: str) -> tuple[str, str]:
    """ "2017" → ("2017-01-01", "2017-12-31"); "2017-06" → ("2017-06-01", "2017-06-31")."""
    match = _DATE.match(value)
    if not match:
        raise UsageError(f"{value!r} is not a date: use YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = match.groups()
    if month is None:
        return f"{year}-01-01", f"{year}-12-31"
    if not 1 <= int(month) <= 12:
        raise UsageError(f"{value!r}: no month {month}")
    if day is None:
        return f"{year}-{month}-01", f"{year}-{month}-31"
    if not 1 <= int(day) <= 31:
        raise UsageError(f"{value!r}: no day {day}")
    return value, value


@dataclass(frozen=True, slots=True)
class Timeframe:
    since: str | None = None  # as given: "2016", "2016-03", "2016-03-01"
    until: str | None = None

    @classmethod
    def parse(cls, since: str | None, until: str | None) -> Timeframe:
        since = (since or "").strip() or None
        until = (until or "").strip() or None
        frame = cls(since, until)
        if since and until and _bounds(since)[0] > _bounds(until)[1]:
            raise UsageError(f"since {since} is after until {until}")
        for value in (since, until):
            if value:
                _bounds(value)
        return frame

    @property
    def active(self) -> bool:
        return bool(self.since or self.until)

    def contains(self, date: str | None) -> bool:
        """Whether a (possibly partial) ISO date, or a span of years ("2016-2020"), can fall
        inside the range: it is in when any of its days is. An unknown date only when there
        is no range."""
        if not self.active:
            return True
        interval = _interval(date)
        if interval is None:
            return False
        first, last = interval
        if self.since and last < _bounds(self.since)[0]:
            return False
        return not (self.until and first > _bounds(self.until)[1])

    def as_dict(self) -> dict[str, str | None]:
        return {"since": self.since, "until": self.until}
