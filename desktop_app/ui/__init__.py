"""The PySide6 GUI: the only package that imports Qt.

It draws the core's state and forwards the user's actions to the core
services; it never writes SQL. Start it with :func:`desktop_app.ui.app.run_gui`
(``python -m desktop_app`` with no command does).

Every user-visible text goes through ``tr()`` / ``QCoreApplication.translate``
(English source strings, Vietnamese in ``translations/desktop_app_vi.ts``);
texts made by the core (error messages, category and role names) come from
:func:`desktop_app.i18n.t` in the same language.
"""

from desktop_app.ui.qt_health import protect as _protect

_protect()  # see desktop_app/ui/qt_health.py: a PySide6 6.12.0 bug on Python 3.11
