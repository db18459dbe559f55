"""Register the shipped DejaVu fonts with reportlab (once per process).

The fonts live in ``resources/fonts/`` (:func:`desktop_app.paths.fonts_dir`)
with their licence; they cover every Vietnamese letter and are embedded as
subsets in each PDF, so a report prints the same on every machine.
"""

from __future__ import annotations

import threading

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from desktop_app.errors import AppError
from desktop_app.paths import fonts_dir

SANS = "DejaVuSans"
SANS_BOLD = "DejaVuSans-Bold"
CONDENSED = "DejaVuSansCondensed"
CONDENSED_BOLD = "DejaVuSansCondensed-Bold"
MONO = "DejaVuSansMono"

_FILES = {
    SANS: "DejaVuSans.ttf",
    SANS_BOLD: "DejaVuSans-Bold.ttf",
    CONDENSED: "DejaVuSansCondensed.ttf",
    CONDENSED_BOLD: "DejaVuSansCondensed-Bold.ttf",
    MONO: "DejaVuSansMono.ttf",
}
_lock = threading.Lock()
_done = False


def ensure_fonts() -> None:
    """Register the fonts and their bold mapping (idempotent, thread-safe).

    Raises :class:`AppError` naming the missing file when the installation is
    incomplete.
    """
    global _done
    if _done:
        return
    with _lock:
        if _done:
            return
        folder = fonts_dir()
        for name, filename in _FILES.items():
            path = folder / filename
            if not path.is_file():
                raise AppError(f"font file {path} is missing; reinstall the application")
            pdfmetrics.registerFont(TTFont(name, str(path)))
        for regular, bold in ((SANS, SANS_BOLD), (CONDENSED, CONDENSED_BOLD)):
            addMapping(regular, 0, 0, regular)
            addMapping(regular, 1, 0, bold)
            addMapping(regular, 0, 1, regular)
            addMapping(regular, 1, 1, bold)
        addMapping(MONO, 0, 0, MONO)
        addMapping(MONO, 1, 0, MONO)
        _done = True
