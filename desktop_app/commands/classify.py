"""``classify FILE [--lang vi|en] [--standard ID]``: classify household records."""

from __future__ import annotations

import json
import sys
from pathlib import Path


def register(sub) -> None:
    p = sub.add_parser("classify", help="classify household records (JSON array or JSON Lines) to stdout")
    p.add_argument("file", type=Path, help="household-record/1 file; '-' reads standard input")
    p.add_argument("--lang", dest="sub_lang", choices=("vi", "en"), default=None,
                   help="language of reasons and warnings (default vi)")
    p.add_argument("--standard", default=None, help="standard for surveys that name none")
    p.set_defaults(func=run)


def run(args, ctx) -> int:
    from desktop_app.classification.batch import classify_records, load_records_file, load_records_text, \
        parse_records
    from desktop_app.standards.loader import default_registry

    if str(args.file) == "-":
        objects = load_records_text(sys.stdin.read(), "stdin")
    else:
        objects = load_records_file(args.file)
    households = parse_records(objects)
    registry = default_registry(ctx.data_dir if ctx.data_dir.exists() else None)
    lang = args.sub_lang or ctx.lang
    results = classify_records(households, registry, args.standard, lang)
    json.dump([r.to_dict() for r in results], sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")
    return 0
