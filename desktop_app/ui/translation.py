"""Loading the GUI's Qt translations and switching language at run time.

``translations/desktop_app_<lang>.qm`` holds the application's strings and
also Vietnamese texts for Qt's own widgets (wizard buttons, standard dialog
buttons, edit menus: see :mod:`desktop_app.ui.qt_strings`), since Qt ships no
Vietnamese translation of its own. The core's texts switch language together
(:func:`desktop_app.i18n.set_language`).
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from desktop_app import i18n
from desktop_app.paths import translations_dir

log = logging.getLogger(__name__)
CATALOGUE = "desktop_app"
_LOCALES = {"vi": QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam),
            "en": QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)}
_installed: list[QTranslator] = []
_PLACEHOLDER = re.compile(r"%([1-9])")


def qm_path(lang: str, folder: Path | None = None) -> Path:
    """The compiled catalogue of ``lang``."""
    return (folder or translations_dir()) / f"{CATALOGUE}_{lang}.qm"


def current_language() -> str:
    return i18n.get_language()


def set_language(lang: str) -> bool:
    """Use ``lang`` for the core and the GUI; returns whether a Qt catalogue was loaded.

    Installing the translator sends every widget a ``LanguageChange`` event,
    so open windows retranslate themselves.
    """
    app = QCoreApplication.instance()
    i18n.set_language(lang)
    QLocale.setDefault(_LOCALES.get(lang, _LOCALES["vi"]))
    if app is None:
        return False
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    translator = QTranslator(app)
    path = qm_path(lang)
    if not translator.load(str(path)):
        log.warning("no translation catalogue at %s; showing source texts", path)
        return False
    app.installTranslator(translator)
    _installed.append(translator)
    return True


def uninstall() -> None:
    """Remove the catalogues installed by :func:`set_language` (Qt then shows
    the English source texts); the core's language is left as it is."""
    app = QCoreApplication.instance()
    for old in _installed:
        if app is not None:
            app.removeTranslator(old)
    _installed.clear()


def arg(text: str, *values: object) -> str:
    """Fill Qt-style placeholders ``%1`` … ``%9`` of a translated text
    (Python strings have no ``QString.arg``)."""
    def fill(match: re.Match[str]) -> str:
        number = int(match.group(1))
        return str(values[number - 1]) if number <= len(values) else match.group(0)

    return _PLACEHOLDER.sub(fill, text)
