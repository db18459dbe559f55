"""Checking the values of a support record (raise :class:`ValidationError`
naming the field, the problem and the fix)."""

from __future__ import annotations

import datetime as _dt
import math
from typing import Any

from desktop_app.errors import ValidationError
from desktop_app.i18n import t
from desktop_app.support import texts as _texts  # noqa: F401 - registers the messages

#: the largest amount accepted (10,000 billion VND): more is a typing error
MAX_AMOUNT = 10_000_000_000_000
EARLIEST_YEAR = 2000


def clean_date(value: Any, today: _dt.date | None = None) -> _dt.date:
    """A date (or ``YYYY-MM-DD`` text) not in the future and not before 2000."""
    today = today or _dt.date.today()
    if isinstance(value, _dt.datetime):
        value = value.date()
    if not isinstance(value, _dt.date):
        try:
            value = _dt.date.fromisoformat(str(value).strip())
        except (TypeError, ValueError):
            raise ValidationError("date", t("support.bad_date", value=value)) from None
    if value > today:
        raise ValidationError("date", t("support.future_date", value=value.isoformat(), today=today.isoformat()))
    if value.year < EARLIEST_YEAR:
        raise ValidationError("date", t("support.too_old_date", value=value.isoformat(), year=EARLIEST_YEAR))
    return value


def clean_amount(value: Any) -> int | None:
    """Whole VND, 0 or more (``None`` / empty text: no amount). Text may use
    ``.``, ``,`` or spaces between thousands."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise ValidationError("amount_vnd", t("support.bad_amount", value=value))
    if isinstance(value, str):
        text = value.strip().replace(" ", "").replace("\u00a0", "")
        sign = text.startswith("-")
        digits = text.lstrip("-").replace(".", "").replace(",", "")
        if not digits.isdigit():
            raise ValidationError("amount_vnd", t("support.bad_amount", value=value))
        number = -int(digits) if sign else int(digits)
    elif isinstance(value, float):
        if not math.isfinite(value) or not value.is_integer():
            raise ValidationError("amount_vnd", t("support.bad_amount", value=value))
        number = int(value)
    elif isinstance(value, int):
        number = value
    else:
        raise ValidationError("amount_vnd", t("support.bad_amount", value=value))
    if number < 0:
        raise ValidationError("amount_vnd", t("support.negative_amount", value=number))
    if number > MAX_AMOUNT:
        raise ValidationError("amount_vnd", t("support.too_large_amount", value=number, max=MAX_AMOUNT))
    return number


def clean_quantity(value: Any) -> float | None:
    """A number greater than 0 (``None`` / empty text: no quantity)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        number = float(str(value).replace(",", ".")) if not isinstance(value, bool) else math.nan
    except ValueError:
        number = math.nan
    if not math.isfinite(number) or number <= 0 or number > 1e9:
        raise ValidationError("quantity", t("support.bad_quantity", value=value))
    return number


def clean_term(value: Any) -> int | None:
    """A loan term in whole months from 1 to 600 (``None``: not given)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        number = int(str(value).strip()) if not isinstance(value, bool) else 0
    except ValueError:
        number = 0
    if not 1 <= number <= 600:
        raise ValidationError("term_months", t("support.bad_term", value=value))
    return number
