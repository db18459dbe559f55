"""GUI settings kept by Qt in an INI file in the data folder (``gui.ini``).

Only presentation state lives here (language, idle lock time, window
geometry, last user name); register data lives in the database.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from desktop_app.i18n import DEFAULT_LANGUAGE, LANGUAGES

SETTINGS_FILENAME = "gui.ini"
DEFAULT_IDLE_MINUTES = 15
MAX_IDLE_MINUTES = 240


class GuiSettings:
    """Typed access to the GUI's :class:`QSettings` (INI format, written by Qt)."""

    def __init__(self, data_dir: Path):
        self.path = Path(data_dir) / SETTINGS_FILENAME
        self.qsettings = QSettings(str(self.path), QSettings.Format.IniFormat)

    def _get(self, key: str, default: object) -> object:
        return self.qsettings.value(key, default)

    @property
    def language(self) -> str | None:
        """The saved UI language, or ``None`` when never chosen."""
        value = self._get("ui/language", None)
        return value if value in LANGUAGES else None

    @language.setter
    def language(self, lang: str) -> None:
        if lang not in LANGUAGES:
            raise ValueError(lang)
        self.qsettings.setValue("ui/language", lang)

    def language_or(self, fallback: str | None) -> str:
        return self.language or (fallback if fallback in LANGUAGES else DEFAULT_LANGUAGE)

    @property
    def idle_minutes(self) -> int:
        """Minutes without input before the window locks (0: never)."""
        try:
            value = int(self._get("ui/idle_minutes", DEFAULT_IDLE_MINUTES))
        except (TypeError, ValueError):
            return DEFAULT_IDLE_MINUTES
        return min(max(value, 0), MAX_IDLE_MINUTES)

    @idle_minutes.setter
    def idle_minutes(self, minutes: int) -> None:
        self.qsettings.setValue("ui/idle_minutes", min(max(int(minutes), 0), MAX_IDLE_MINUTES))

    @property
    def last_username(self) -> str:
        return str(self._get("login/last_username", "") or "")

    @last_username.setter
    def last_username(self, username: str) -> None:
        self.qsettings.setValue("login/last_username", username)

    def window_state(self, name: str) -> tuple[QByteArray | None, QByteArray | None]:
        """Saved ``(geometry, state)`` of a window."""
        geometry = self._get(f"{name}/geometry", None)
        state = self._get(f"{name}/state", None)
        return (geometry if isinstance(geometry, QByteArray) else None,
                state if isinstance(state, QByteArray) else None)

    def save_window_state(self, name: str, geometry: QByteArray, state: QByteArray | None = None) -> None:
        self.qsettings.setValue(f"{name}/geometry", geometry)
        if state is not None:
            self.qsettings.setValue(f"{name}/state", state)

    def sync(self) -> None:
        """Write pending changes to the file now."""
        self.qsettings.sync()
