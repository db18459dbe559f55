"""Render every PDF report from sample data, then each page to PNG for a visual check.

Usage: ``python bench/render_samples.py OUT_DIR [--lang vi|en] [--dpi 80] [--pages 2]``

Writes ``OUT_DIR/<kind>.pdf`` and ``OUT_DIR/<kind>-<page>.png`` (first
``--pages`` pages of each) with ``pdftoppm`` from poppler-utils
(``apt-get install -y poppler-utils``; on Windows, poppler's ``bin`` folder on PATH).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from desktop_app.reports import (  # noqa: E402
    samples, write_certificate, write_key_sheet, write_posting_list, write_support_ledger, write_survey_form,
    write_village_meeting_list,
)

KINDS = {
    "village_meeting_list": (write_village_meeting_list, lambda: samples.meeting_list(45)),
    "posting_list": (write_posting_list, lambda: samples.posting_list(70)),
    "survey_form_b": (write_survey_form, samples.survey_form),
    "certificate": (write_certificate, samples.certificate),
    "support_ledger": (write_support_ledger, samples.support_ledger),
    "key_sheet": (write_key_sheet, samples.key_sheet),
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--lang", choices=("vi", "en"), default="vi")
    parser.add_argument("--dpi", type=int, default=80)
    parser.add_argument("--pages", type=int, default=2, help="pages of each PDF to render")
    args = parser.parse_args(argv)
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        print("pdftoppm not found: install poppler-utils", file=sys.stderr)
    args.out.mkdir(parents=True, exist_ok=True)
    for kind, (write, make) in KINDS.items():
        pdf = args.out / f"{kind}.pdf"
        pages = write(pdf, make(), lang=args.lang)
        print(f"{pdf} ({pages} pages)")
        if pdftoppm:
            subprocess.run([pdftoppm, "-r", str(args.dpi), "-png", "-f", "1", "-l", str(args.pages),
                            str(pdf), str(args.out / kind)], check=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
