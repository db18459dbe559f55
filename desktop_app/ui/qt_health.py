"""A guard against a reference-counting bug of PySide6 6.12.0 on Python 3.11.

With PySide6-Essentials 6.12.0 on CPython 3.11, every call of a Qt method
returning ``void`` drops one reference to ``None`` and every ``Signal.emit``
drops one to ``True`` without having taken it. Python 3.12 made these objects
immortal (PEP 683), so the bug is invisible there; on 3.11 the interpreter
aborts ("Fatal Python error: none_dealloc") after a few thousand calls, i.e.
minutes into a working session. PySide6 6.11.x does not have the bug.

The real fix is to install a PySide6 without the bug (or run on Python 3.12+).
Until then :func:`protect` detects the bug with a short probe and, only when it
is present on a Python without immortal objects, gives ``None``, ``True`` and
``False`` a reference count so large that it can never reach zero, which is
what Python 3.12 does for them anyway. It is called once when the GUI package
is imported; ``tests/test_ui_qt_health.py`` reports the bug while it exists.
"""

from __future__ import annotations

import ctypes
import gc
import logging
import sys

from PySide6.QtCore import QObject, Signal

log = logging.getLogger(__name__)
_PROBES = 32
_MARGIN = 1 << 40
_protected = False


class _Probe(QObject):
    ping = Signal()


def leaked_references(samples: int = _PROBES) -> dict[str, int]:
    """References to ``None`` and ``True`` lost by ``samples`` void calls and
    signal emissions (0 and 0 on a healthy PySide6)."""
    probe = _Probe()
    gc.collect()
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(samples):
        probe.setObjectName("probe")  # a void method
    none_after = sys.getrefcount(None)
    for _ in range(samples):
        probe.ping.emit()
    true_after = sys.getrefcount(True)
    return {"None": max(none_before - none_after, 0), "True": max(true_before - true_after, 0)}


def buggy(samples: int = _PROBES) -> bool:
    """Whether this PySide6 loses references at nearly every call."""
    lost = leaked_references(samples)
    return any(n >= samples // 2 for n in lost.values())


def protect() -> bool:
    """Apply the guard when needed; returns whether it was applied."""
    global _protected
    if _protected or sys.version_info >= (3, 12) or not buggy():
        return _protected
    for obj in (None, True, False):
        ctypes.c_ssize_t.from_address(id(obj)).value += _MARGIN
    _protected = True
    import PySide6

    log.warning("PySide6 %s loses references to None/True on Python %d.%d; guard applied. "
                "Install PySide6 6.11 or run on Python 3.12+.", PySide6.__version__, *sys.version_info[:2])
    return True
