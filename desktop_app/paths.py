"""Where things live: the user's data folder and the shipped resources."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

from desktop_app import APP_AUTHOR, APP_NAME

DB_FILENAME = "register.sqlite3"


def default_data_dir() -> Path:
    """The data folder: ``$CPR_DATA_DIR``, a portable ``data`` folder next to a
    frozen executable that has a ``portable.txt`` marker, else platformdirs'
    user data folder."""
    env = os.environ.get("CPR_DATA_DIR")
    if env:
        return Path(env)
    if getattr(sys, "frozen", False):
        exe_dir = Path(sys.executable).resolve().parent
        if (exe_dir / "portable.txt").exists():
            return exe_dir / "data"
    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))


def resources_dir() -> Path:
    """The ``resources/`` folder (source tree, editable install or bundle)."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def translations_dir() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "translations"
    return Path(__file__).resolve().parent.parent / "translations"


def standards_dir() -> Path:
    return resources_dir() / "standards"


def fonts_dir() -> Path:
    return resources_dir() / "fonts"
