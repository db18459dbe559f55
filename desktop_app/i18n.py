"""A small Qt-free message catalogue for texts produced by the core.

The GUI translates its own widgets with Qt's ``tr()`` and ``translations/*.ts``;
texts that the core makes (classification reasons, error messages, report
labels) come from here so that the command line, the reports and the GUI say
the same thing. Vietnamese is the default language.

Catalogues live in :mod:`desktop_app.messages` as ``{key: {"vi": ..., "en": ...}}``;
a test checks that every key has both languages with the same placeholders.
"""

from __future__ import annotations

import string
import threading

from desktop_app.messages import CATALOGUE

LANGUAGES = ("vi", "en")
DEFAULT_LANGUAGE = "vi"

_state = threading.local()
_default = [DEFAULT_LANGUAGE]


def set_language(lang: str) -> None:
    """Set the process-wide default language for core texts."""
    if lang not in LANGUAGES:
        raise ValueError(f"unsupported language {lang!r}; use one of {LANGUAGES}")
    _default[0] = lang


def get_language() -> str:
    return getattr(_state, "lang", None) or _default[0]


def t(key: str, lang: str | None = None, /, **params) -> str:
    """Return the text of ``key`` in ``lang`` (default: current language)."""
    try:
        text = CATALOGUE[key][lang or getattr(_state, "lang", None) or _default[0]]
    except KeyError:
        if key not in CATALOGUE:
            raise KeyError(f"no message {key!r} in the catalogue") from None
        text = CATALOGUE[key]["vi"]
    return text.format(**params) if params else text


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}
