"""Command line: ``demo`` (fill an empty register with a demonstration commune)
and ``stats`` (print a JSON summary of the register).

    python -m desktop_app --data-dir DIR demo [--households N] [--seed S]
    python -m desktop_app --data-dir DIR stats
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import json
import sys
import time

from desktop_app.i18n import t
from desktop_app.messages import register as register_messages

register_messages({
    "demo.created": {
        "vi": "Đã tạo dữ liệu mẫu: {households} hộ, {members} nhân khẩu ({seconds} giây).",
        "en": "Demo data created: {households} households, {members} members ({seconds} s).",
    },
    "demo.kept": {
        "vi": "Sổ đã có dữ liệu: giữ nguyên, không tạo dữ liệu mẫu.",
        "en": "The register already holds data: kept as it is, no demo data created.",
    },
    "demo.not_classified": {
        "vi": "Chưa phân loại các hộ: phiên bản này chưa có bộ phân loại.",
        "en": "Households were not classified: this version has no classifier yet.",
    },
})

CLASSIFY_MODULE = "desktop_app.services.classify"


def register(subparsers: argparse._SubParsersAction) -> None:
    demo = subparsers.add_parser("demo", help="fill an empty register with a demonstration commune")
    demo.add_argument("--households", type=int, default=200, metavar="N",
                      help="number of households (default 200)")
    demo.add_argument("--seed", type=int, default=1, metavar="S",
                      help="random seed; the same seed gives the same commune (default 1)")
    demo.add_argument("--district", action="store_true",
                      help="set up a demonstration receiving office (district mode) with enrolled communes")
    demo.add_argument("--communes", type=int, default=3, metavar="N",
                      help="with --district: number of demonstration communes (default 3)")
    demo.add_argument("--if-empty", action="store_true",
                      help="do nothing (exit 0) when the register already holds a commune")
    demo.set_defaults(func=run_demo)
    stats = subparsers.add_parser("stats", help="print a JSON summary of the register")
    stats.set_defaults(func=run_stats)


def _classifier():
    """``classify_round(db, round_id) -> int`` when the classification service
    exists in this version, else ``None`` (errors inside it are not hidden)."""
    if importlib.util.find_spec(CLASSIFY_MODULE) is None:
        return None
    return importlib.import_module(CLASSIFY_MODULE).classify_round


def run_demo(args: argparse.Namespace, ctx) -> int:
    from desktop_app.services.demo import create_demo

    db = ctx.database()
    if getattr(args, "if_empty", False):
        from desktop_app.services.register import list_communes

        if list_communes(db):
            print(t("demo.kept"), file=sys.stderr)
            return 0
    if getattr(args, "district", False):
        from desktop_app.syncdb.demo import create_district_demo

        r = create_district_demo(db, ctx.data_dir, communes=args.communes, households=args.households,
                                 seed=args.seed, classify=_classifier())
        print(json.dumps({"district_id": r.district_id, "key_id": r.key_id, "communes": len(r.imports),
                          "households": r.households}, ensure_ascii=False))
        return 0
    classify = _classifier()
    started = time.perf_counter()
    result = create_demo(db, households=args.households, seed=args.seed, classify=classify)
    seconds = round(time.perf_counter() - started, 1)
    print(t("demo.created", households=result.households, members=result.members, seconds=seconds),
          file=sys.stderr)
    if classify is None:
        print(t("demo.not_classified"), file=sys.stderr)
    summary = {"commune_id": result.commune_id, "round_id": result.round_id,
               "households": result.households, "members": result.members,
               "classified": result.classified, "seconds": seconds}
    print(json.dumps(summary, ensure_ascii=False))
    return 0


def run_stats(args: argparse.Namespace, ctx) -> int:
    from desktop_app.services.register import stats

    print(json.dumps(stats(ctx.database()), ensure_ascii=False, indent=2))
    return 0
