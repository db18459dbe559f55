"""Pure rules of the review procedure: dates, working days, status between
rounds (domain.md §7) and the 36-month "newly out of poverty" window."""

from __future__ import annotations

import calendar
import datetime as _dt
from collections.abc import Sequence

from desktop_app.errors import ValidationError
from desktop_app.i18n import t
from desktop_app.review import texts  # noqa: F401  (registers the messages)

#: categories that are on a list (hộ nghèo, hộ cận nghèo)
LISTED = ("poor", "near_poor")
#: categories an official decision may give
DECIDABLE = ("poor", "near_poor", "middle", "not_poor")
#: the window of "hộ mới thoát nghèo" (newly out of poverty), in months
NEWLY_OUT_MONTHS = 36
#: default length of the public posting in working days (provisional; a
#: standards file may set ``[review] posting_working_days``)
POSTING_WORKING_DAYS = 3

#: transition codes, in the order reports list them
TRANSITIONS = ("out_of_poverty", "out_of_near_poverty", "fallen_back", "newly_poor",
               "near_poor_again", "newly_near_poor")


def parse_date(field: str, value: _dt.date | str | None, *, required: bool = True) -> _dt.date | None:
    """A date from a ``date`` or ISO text; a :class:`ValidationError` naming the fix otherwise."""
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise ValidationError(field, t("review.err.required"))
        return None
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    try:
        return _dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise ValidationError(field, t("review.err.bad_date", value=value)) from None


def text_value(field: str, value: str | None, *, required: bool = True) -> str | None:
    """Stripped text; empty text is refused when ``required`` else ``None``."""
    value = " ".join((value or "").split())
    if not value:
        if required:
            raise ValidationError(field, t("review.err.required"))
        return None
    return value


def choice(field: str, value: str | None, choices: Sequence[str]) -> str:
    """``value`` when it is one of ``choices``."""
    if value not in choices:
        raise ValidationError(field, t("review.err.bad_choice", value=value, choices=", ".join(choices)))
    return value


def add_working_days(start: _dt.date, days: int) -> _dt.date:
    """The last day of a period of ``days`` working days (Monday to Friday)
    beginning on ``start`` (counted when it is a working day).

    Public holidays are not known to the software; the officer corrects the
    end date when a holiday falls inside the posting.
    """
    day = start
    counted = 0
    while True:
        if day.weekday() < 5:
            counted += 1
            if counted >= max(days, 1):
                return day
        day += _dt.timedelta(days=1)


def add_months(day: _dt.date, months: int) -> _dt.date:
    """``day`` plus ``months`` calendar months (the 31st becomes the month's last day)."""
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    return _dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def transition_events(history: Sequence[str], current: str) -> tuple[str, ...]:
    """The status changes of a household whose official categories before
    (oldest first) were ``history`` and whose new official category is ``current``.

    * ``out_of_poverty`` (thoát nghèo): poor before, not poor now;
    * ``out_of_near_poverty`` (thoát cận nghèo): near-poor before, above near-poor now;
    * ``fallen_back`` (tái nghèo): poor now, not poor before, poor some time earlier;
    * ``newly_poor`` (nghèo phát sinh): poor now, never poor before;
    * ``near_poor_again`` (tái cận nghèo) / ``newly_near_poor`` (cận nghèo
      phát sinh): likewise for the near-poor list.

    A household going from poor to near-poor both leaves poverty and enters
    the near-poor list; from near-poor to poor it enters the poor list.
    """
    previous = history[-1] if history else None
    events: list[str] = []
    if previous == "poor" and current != "poor":
        events.append("out_of_poverty")
    if previous == "near_poor" and current not in LISTED:
        events.append("out_of_near_poverty")
    if current == "poor" and previous != "poor":
        events.append("fallen_back" if "poor" in history else "newly_poor")
    if current == "near_poor" and previous != "near_poor":
        events.append("near_poor_again" if "near_poor" in history else "newly_near_poor")
    return tuple(sorted(events, key=TRANSITIONS.index))


def newly_out(history: Sequence[tuple[_dt.date, str]], on_date: _dt.date,
              months: int = NEWLY_OUT_MONTHS) -> bool:
    """Whether a household is *hộ mới thoát nghèo* on ``on_date``.

    ``history`` holds ``(decision date, official category)`` pairs. True when
    the category in force on ``on_date`` is above near-poor and the decision
    that took the household off the poor or near-poor list is less than
    ``months`` months old on that day.
    """
    entries = sorted((d, c) for d, c in history if d <= on_date)
    if not entries or entries[-1][1] in LISTED:
        return False
    exit_date = None
    for (_, before), (day, after) in zip(entries, entries[1:]):
        if before in LISTED and after not in LISTED:
            exit_date = day
    return exit_date is not None and on_date < add_months(exit_date, months)
