"""The installed PySide6 must not lose references to None/True at each call.

PySide6-Essentials 6.12.0 on Python 3.11 does (see desktop_app/ui/qt_health.py):
the GUI would abort after a few thousand calls without the guard. This test
fails while such a PySide6 is installed, so that it gets replaced (6.11.x is
fine), and checks that the guard keeps the interpreter alive meanwhile.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import subprocess  # noqa: E402
import sys  # noqa: E402

from desktop_app.ui import qt_health  # noqa: E402


def test_the_guard_keeps_a_long_session_alive():
    code = (
        "import desktop_app.ui\n"  # applies the guard when needed
        "from PySide6.QtWidgets import QApplication, QLabel\n"
        "app = QApplication([])\n"
        "label = QLabel()\n"
        "for i in range(50_000):\n"
        "    label.setText(str(i))\n"
        "print('alive')\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                          env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    assert proc.returncode == 0 and "alive" in proc.stdout, proc.stderr[-2000:]


def test_installed_pyside6_keeps_reference_counts():
    import PySide6

    lost = qt_health.leaked_references(64)
    assert not qt_health.buggy(64), (
        f"PySide6 {PySide6.__version__} on Python {sys.version.split()[0]} loses references at every call "
        f"({lost}); the GUI only survives thanks to desktop_app/ui/qt_health.py. "
        "Install pyside6-essentials 6.11.x (or use Python 3.12+).")
