"""Fill Vietnamese translations from ``translations/pending/*.tsv`` into the .ts file.

Each pending line is ``context<TAB>source<TAB>vietnamese`` (UTF-8; ``\\t`` and
``\\n`` may be written escaped). Engineers working in parallel write their
strings there instead of editing the shared .ts file; this tool merges them:

    python packaging/i18n/merge_pending.py            # lupdate, fill, lrelease
    python packaging/i18n/merge_pending.py --remove   # ... and delete merged pending files

Only unfinished (or empty) entries are filled; a finished translation is never
overwritten. An entry whose context lupdate could not tell (empty ``<name>``)
is matched by its source text alone. Lines that match nothing are reported.
"""

from __future__ import annotations

import argparse
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import update_translations as ut  # noqa: E402

PENDING = ut.TRANSLATIONS / "pending"


def _unescape(text: str) -> str:
    return text.replace("\\t", "\t").replace("\\n", "\n")


def read_pending(folder: Path = PENDING) -> tuple[dict[tuple[str, str], str], dict[str, str], list[Path]]:
    by_context: dict[tuple[str, str], str] = {}
    by_source: dict[str, str] = {}
    files = sorted(folder.glob("*.tsv")) if folder.is_dir() else []
    for path in files:
        for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.split("\t")
            if len(parts) != 3:
                print(f"{path.name}:{lineno}: expected 3 tab-separated fields, found {len(parts)}", file=sys.stderr)
                continue
            context, source, vi = (_unescape(p) for p in parts)
            if vi.strip():
                by_context[(context, source)] = vi
                by_source.setdefault(source, vi)
    return by_context, by_source, files


def fill(ts: Path, by_context: dict[tuple[str, str], str], by_source: dict[str, str]) -> tuple[int, int]:
    """Fill unfinished entries of ``ts``; returns (filled, still unfinished)."""
    tree = ET.parse(ts)
    filled = remaining = 0
    for ctx in tree.getroot().iter("context"):
        name = (ctx.findtext("name") or "").strip()
        for msg in ctx.iter("message"):
            source = msg.findtext("source") or ""
            tr = msg.find("translation")
            if tr is None:
                continue
            if msg.get("numerus") == "yes":
                forms = [f.text or "" for f in tr.iter("numerusform")]
                unfinished = tr.get("type") == "unfinished" or not all(f.strip() for f in forms)
            else:
                unfinished = tr.get("type") == "unfinished" or not (tr.text or "").strip()
            if not unfinished or msg.get("numerus") == "yes":
                if unfinished:
                    remaining += 1
                continue
            vi = by_context.get((name, source)) or by_source.get(source)
            if vi is None:
                remaining += 1
                continue
            tr.text = vi
            tr.attrib.pop("type", None)
            filled += 1
    body = ET.tostring(tree.getroot(), encoding="unicode")
    ts.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")
    return filled, remaining


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--remove", action="store_true", help="delete the pending files after merging")
    args = ap.parse_args(argv)
    by_context, by_source, files = read_pending()
    ts = ut.ts_path("vi")
    ut.lupdate(ts, "vi")
    filled, remaining = fill(ts, by_context, by_source)
    ut.update()  # normalise the file through lupdate and compile both languages
    print(f"filled {filled} translation(s) from {len(files)} pending file(s); {remaining} still unfinished")
    if args.remove and remaining == 0:
        for path in files:
            path.unlink()
    return 0 if remaining == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
