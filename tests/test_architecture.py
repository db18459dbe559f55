"""The core never imports Qt: walk every module outside desktop_app/ui and
check its imports statically, then import the whole core in a fresh
interpreter and check PySide6 was not loaded."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "desktop_app"


# The launcher starts the GUI when no command is given (a lazy import inside
# a function); it is the entry point, not part of the core.
LAUNCHER = {"cli.py"}


def core_modules() -> list[Path]:
    return [p for p in PACKAGE.rglob("*.py") if "ui" not in p.relative_to(PACKAGE).parts[:1]]


def importable(path: Path) -> bool:
    # Alembic revision scripts and env.py run only inside Alembic
    return "migrations" not in path.relative_to(PACKAGE).parts


def test_core_modules_found():
    names = {p.relative_to(PACKAGE).as_posix() for p in core_modules()}
    assert "classification/engine.py" in names
    assert not any(n.startswith("ui/") for n in names)


def test_no_core_module_imports_qt():
    offenders = []
    for path in core_modules():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
                if node.module == "desktop_app":
                    names += [f"desktop_app.{a.name}" for a in node.names]
            for name in names:
                qt = name.split(".")[0] in ("PySide6", "shiboken6", "PyQt5", "PyQt6")
                gui = name.startswith("desktop_app.ui") and path.relative_to(PACKAGE).as_posix() not in LAUNCHER
                if qt or gui:
                    offenders.append(f"{path.relative_to(PACKAGE)}: {name}")
    assert offenders == []


def test_importing_the_whole_core_loads_no_qt():
    modules = []
    for path in filter(importable, core_modules()):
        rel = path.relative_to(PACKAGE.parent).with_suffix("")
        parts = list(rel.parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        if parts[-1] == "__main__":
            continue
        modules.append(".".join(parts))
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}:\n"
        "    importlib.import_module(m)\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6')]\n"
        "print(bad)\n"
        "sys.exit(1 if bad else 0)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=PACKAGE.parent)
    assert proc.returncode == 0, proc.stdout + proc.stderr
