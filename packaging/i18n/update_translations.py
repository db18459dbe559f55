"""Update the GUI's Qt translation files and compile them.

    python packaging/i18n/update_translations.py          # lupdate + lrelease
    python packaging/i18n/update_translations.py --check  # exit 1 if anything would change

``pyside6-lupdate`` collects every ``tr()`` / ``translate()`` /
``QT_TRANSLATE_NOOP`` string of ``desktop_app/ui`` into
``translations/desktop_app_vi.ts`` (the complete Vietnamese translation; new
strings appear as ``type="unfinished"`` for a translator to fill in with Qt
Linguist or a text editor) and ``translations/desktop_app_en.ts`` (English is
the source language: only plural forms need an entry there). Then
``pyside6-lrelease`` compiles both to the ``.qm`` files the application loads.
Locations are not stored (``-locations none``) so that the files only change
when texts change.

``tests/test_translations.py`` uses the same functions.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SOURCES = REPO / "desktop_app" / "ui"
TRANSLATIONS = REPO / "translations"
CATALOGUE = "desktop_app"
LANGUAGES = ("vi", "en")
#: languages that translate every string; the others (the source language) only plurals
FULL = frozenset({"vi"})


def tool(name: str) -> str:
    """``pyside6-<name>`` of the running interpreter's environment (else from PATH)."""
    exe = f"pyside6-{name}" + (".exe" if os.name == "nt" else "")
    local = Path(sys.executable).parent / exe
    found = str(local) if local.exists() else shutil.which(exe)
    if not found:
        raise SystemExit(f"{exe} not found: install PySide6 (pip install pyside6-essentials)")
    return found


def ui_sources() -> list[Path]:
    """Every Python file of the GUI, in a stable order."""
    return sorted(SOURCES.rglob("*.py"))


def ts_path(lang: str, folder: Path = TRANSLATIONS) -> Path:
    return folder / f"{CATALOGUE}_{lang}.ts"


def qm_path(lang: str, folder: Path = TRANSLATIONS) -> Path:
    return folder / f"{CATALOGUE}_{lang}.qm"


def lupdate(ts: Path, lang: str) -> None:
    """Merge the GUI's current strings into ``ts`` (created when missing)."""
    args = [tool("lupdate"), *[str(p.relative_to(REPO)) for p in ui_sources()], "-ts", str(ts),
            "-locations", "none", "-no-obsolete", "-source-language", "en", "-target-language", lang, "-silent"]
    if lang not in FULL:
        args.append("-pluralonly")
    subprocess.run(args, cwd=REPO, check=True)


def lrelease(ts: Path, qm: Path) -> None:
    """Compile ``ts`` into ``qm`` (unfinished entries are left out)."""
    subprocess.run([tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], cwd=REPO, check=True)


def update(folder: Path = TRANSLATIONS) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for lang in LANGUAGES:
        lupdate(ts_path(lang, folder), lang)
        lrelease(ts_path(lang, folder), qm_path(lang, folder))


def check() -> list[str]:
    """Names of the files that :func:`update` would change."""
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for lang in LANGUAGES:
            if ts_path(lang).exists():
                shutil.copy2(ts_path(lang), ts_path(lang, work))
        update(work)
        changed = []
        for lang in LANGUAGES:
            for made, committed in ((ts_path(lang, work), ts_path(lang)), (qm_path(lang, work), qm_path(lang))):
                if not committed.exists() or made.read_bytes() != committed.read_bytes():
                    changed.append(str(committed.relative_to(REPO)))
        return changed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="only report files that are not up to date")
    args = parser.parse_args(argv)
    if args.check:
        changed = check()
        for name in changed:
            print(f"out of date: {name}")
        return 1 if changed else 0
    update()
    for lang in LANGUAGES:
        unfinished = ts_path(lang).read_text(encoding="utf-8").count('type="unfinished"')
        if lang in FULL and unfinished:
            print(f"{ts_path(lang).name}: {unfinished} string(s) to translate", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
