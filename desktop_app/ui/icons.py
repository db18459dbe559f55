"""Icons shipped in ``resources/icons`` (SVG, with a PNG of the application icon)."""

from __future__ import annotations

import functools

from PySide6.QtGui import QIcon

from desktop_app.paths import resources_dir


def icons_dir():
    return resources_dir() / "icons"


@functools.cache
def icon(name: str) -> QIcon:
    """``resources/icons/<name>.svg`` (or ``.png``) as an icon; empty when missing."""
    for suffix in (".svg", ".png"):
        path = icons_dir() / f"{name}{suffix}"
        if path.exists():
            return QIcon(str(path))
    return QIcon()


def app_icon() -> QIcon:
    """The application icon: the SVG plus the PNG for systems without the SVG plugin."""
    result = QIcon()
    for suffix in (".svg", ".png"):
        path = icons_dir() / f"app{suffix}"
        if path.exists():
            result.addFile(str(path))
    return result
