"""Value formatting shared by the PDF and Excel writers (Vietnamese conventions).

Amounts are written with a dot as thousands separator ("1.500.000"), decimals
with a comma ("2,5"), dates as dd/mm/yyyy in both languages (the official
Vietnamese layout; English reports keep it so that printed lists match).
"""

from __future__ import annotations

import datetime as _dt
import re
import unicodedata
from typing import Iterable

from desktop_app import i18n
from desktop_app.domain.text import fold

DASH = "–"
_NON_WORD = re.compile(r"[\W_]+")


def resolve_lang(lang: str | None) -> str:
    """``lang`` if given (checked), else the current core language."""
    if lang is None:
        return i18n.get_language()
    if lang not in i18n.LANGUAGES:
        raise ValueError(f"unsupported language {lang!r}; use one of {i18n.LANGUAGES}")
    return lang


def nfc(text: object) -> str:
    """Text in Unicode NFC: Vietnamese typed as combining marks (Windows
    "Unicode tổ hợp" keyboards) becomes precomposed letters the fonts draw."""
    if text is None:
        return ""
    s = str(text)
    return s if s.isascii() else unicodedata.normalize("NFC", s)


_UNIT_KINDS = ("Xã ", "Phường ", "Đặc khu ", "Thị trấn ", "Thôn ", "Xóm ", "Bản ", "Ấp ", "Tổ dân phố ", "Tỉnh ",
               "Thành phố ")


def in_sentence(name: object) -> str:
    """An administrative name as written inside a sentence: the kind in lower
    case ("Xã Thanh Hà" -> "xã Thanh Hà", "Tỉnh Ninh Bình" -> "tỉnh Ninh Bình")."""
    s = nfc(name)
    for kind in _UNIT_KINDS:
        if s.startswith(kind):
            return kind.lower() + s[len(kind):]
    return s


def fmt_vnd(amount: int | float | None) -> str:
    """``1500000`` -> ``"1.500.000"``; ``None`` -> ``""``. Rounded to the đồng."""
    if amount is None:
        return ""
    return f"{round(amount):,}".replace(",", ".")


def fmt_number(value: int | float | None, decimals: int = 2) -> str:
    """A quantity in Vietnamese notation: ``2.5`` -> ``"2,5"``, ``1200`` -> ``"1.200"``."""
    if value is None:
        return ""
    if float(value).is_integer():
        return fmt_vnd(value)
    text = f"{value:,.{decimals}f}".rstrip("0").rstrip(".")
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


def fmt_date(value: _dt.date | str | None) -> str:
    """dd/mm/yyyy for a date or an ISO ``YYYY-MM-DD`` string; a year alone stays ``YYYY``."""
    if value is None or value == "":
        return ""
    if isinstance(value, _dt.datetime):
        value = value.date()
    if isinstance(value, _dt.date):
        return f"{value.day:02d}/{value.month:02d}/{value.year:04d}"
    text = str(value).strip()
    if len(text) == 4 and text.isdigit():
        return text
    try:
        return fmt_date(_dt.date.fromisoformat(text))
    except ValueError:
        return text


def birth_year(value: _dt.date | str | None) -> str:
    """The year of a birth date given as a date, ``YYYY-MM-DD`` or ``YYYY``."""
    if value is None or value == "":
        return ""
    if isinstance(value, _dt.date):
        return str(value.year)
    return str(value).strip()[:4]


def fmt_score(value: int | float | None) -> str:
    """A score, or a dash when unknown."""
    if value is None:
        return DASH
    return fmt_number(value)


def join_codes(codes: Iterable[str]) -> str:
    return ", ".join(codes)


def group_fingerprint(fingerprint: str, group: int = 4, per_line: int = 8) -> str:
    """``"a1b2c3..."`` -> ``"A1B2 C3D4 ..."`` in lines of ``per_line`` groups.

    Separators already present (spaces, colons, dashes) are ignored.
    """
    clean = "".join(ch for ch in fingerprint if ch.isalnum()).upper()
    groups = [clean[i:i + group] for i in range(0, len(clean), group)]
    lines = [" ".join(groups[i:i + per_line]) for i in range(0, len(groups), per_line)]
    return "\n".join(lines)


def roman(n: int) -> str:
    """Roman numeral of a small positive integer (section numbers I, II, ...)."""
    out = []
    for value, sym in ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out.append(sym)
            n -= value
    return "".join(out)


def match_key(text: object) -> str:
    """Key for matching what officers type: accents, case and punctuation
    ignored (``"Ngày sinh (dd/mm)"`` -> ``"ngay sinh dd mm"``, ``"Vợ/chồng"`` ->
    ``"vo chong"``). Built on :func:`desktop_app.domain.text.fold`."""
    if text is None:
        return ""
    return " ".join(_NON_WORD.sub(" ", fold(str(text))).split())
