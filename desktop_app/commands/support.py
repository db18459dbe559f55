"""``support``: record and query the support households receive.

* ``support add --household H [--member M] --programme P --date D [--amount A]
  [--quantity Q --unit U] [--source S] [--note N] [--term MONTHS --purpose TEXT]``
* ``support list [--household H] [--year Y] [--programme P] [--village V]`` (JSON)
* ``support bulk --rule R [--village V] [--date D] [--amount A] [--source S] [--dry-run]``
* ``support coverage [--year Y]`` (JSON)
* ``support eligible --household H`` (JSON)
* ``support export --out FILE.xlsx [--year Y]``

Households may be named by id or by code (``TD-0012``), villages by id or
name. JSON goes to stdout; errors to stderr with exit code 2 (bad input) or 3.
"""

from __future__ import annotations

import datetime as _dt
import json
import sys
from typing import Any


def register(sub) -> None:
    p = sub.add_parser("support", help="record and query support given to households")
    ss = p.add_subparsers(dest="support_command", metavar="ACTION", required=True)

    a = ss.add_parser("add", help="record one support")
    a.add_argument("--household", required=True, help="household id or code")
    a.add_argument("--member", default=None, help="member id (default: the whole household)")
    a.add_argument("--programme", required=True, help="programme code, e.g. health_insurance")
    a.add_argument("--date", required=True, help="YYYY-MM-DD")
    a.add_argument("--amount", default=None, help="amount in VND")
    a.add_argument("--quantity", default=None)
    a.add_argument("--unit", default=None)
    a.add_argument("--source", default=None, help="central_budget, local_budget, social_policy_bank, "
                                                  "fund_for_the_poor, enterprises_donors, other")
    a.add_argument("--note", default=None)
    a.add_argument("--term", default=None, help="policy credit: term in months")
    a.add_argument("--purpose", default=None, help="policy credit: purpose of the loan")
    a.set_defaults(func=run_add)

    li = ss.add_parser("list", help="list support records (JSON)")
    li.add_argument("--household", default=None, help="household id or code")
    li.add_argument("--year", type=int, default=None)
    li.add_argument("--programme", default=None)
    li.add_argument("--village", default=None, help="village id or name")
    li.set_defaults(func=run_list)

    b = ss.add_parser("bulk", help="record a support for every household or person a rule reaches")
    b.add_argument("--rule", required=True, help="health_insurance_uninsured, tet_gift_poor, "
                                                 "tet_gift_poor_near_poor, electricity_poor")
    b.add_argument("--village", default=None, help="village id or name (default: all)")
    b.add_argument("--date", default=None, help="YYYY-MM-DD (default: today)")
    b.add_argument("--amount", default=None, help="amount in VND for each target")
    b.add_argument("--quantity", default=None)
    b.add_argument("--unit", default=None)
    b.add_argument("--source", default=None)
    b.add_argument("--note", default=None)
    b.add_argument("--dry-run", action="store_true", help="only list the targets (JSON); record nothing")
    b.set_defaults(func=run_bulk)

    c = ss.add_parser("coverage", help="coverage against the plans' targets (JSON)")
    c.add_argument("--year", type=int, default=None)
    c.set_defaults(func=run_coverage)

    e = ss.add_parser("eligible", help="supports a household appears eligible for (JSON)")
    e.add_argument("--household", required=True, help="household id or code")
    e.set_defaults(func=run_eligible)

    x = ss.add_parser("export", help="write the support ledger as an Excel file")
    x.add_argument("--out", required=True, help="FILE.xlsx")
    x.add_argument("--year", type=int, default=None)
    x.set_defaults(func=run_export)


def _dump(value: Any) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=1, default=str)
    sys.stdout.write("\n")


def _household_id(db, ref: str | None) -> str | None:
    """Household id from an id or a code (unknown refs pass through; the
    service then names them in its error)."""
    if ref is None:
        return None
    from sqlalchemy import select

    from desktop_app.storage.models import HouseholdRow
    from desktop_app.storage.records import live

    with db.session() as s:
        if s.scalar(select(HouseholdRow.id).where(HouseholdRow.id == ref, live(HouseholdRow))):
            return ref
        found = s.scalar(select(HouseholdRow.id).where(HouseholdRow.code == ref, live(HouseholdRow)))
    return found or ref


def _village_id(db, ref: str | None) -> str | None:
    if ref is None:
        return None
    from desktop_app.services.register import list_villages

    for v in list_villages(db):
        if ref in (v.id, v.name):
            return v.id
    return ref  # the service names it in its error


def run_add(args, ctx) -> int:
    from desktop_app.services import support

    db = ctx.database()
    created = support.record_support(
        db, household_id=_household_id(db, args.household), member_id=args.member, programme=args.programme,
        date=args.date, amount_vnd=args.amount, quantity=args.quantity, unit=args.unit, source=args.source,
        note=args.note, term_months=args.term, purpose=args.purpose)
    _dump(support.get_support(db, created.id).to_dict())
    return 0


def run_list(args, ctx) -> int:
    from desktop_app.services import support

    db = ctx.database()
    entries = support.list_support(db, year=args.year, programme=args.programme,
                                   village_id=_village_id(db, args.village),
                                   household_id=_household_id(db, args.household))
    _dump([e.to_dict() for e in entries])
    return 0


def run_bulk(args, ctx) -> int:
    from desktop_app.services import support
    from desktop_app.support.validate import clean_amount, clean_quantity

    db = ctx.database()
    rule = support.BulkRule(code=args.rule, date=args.date or _dt.date.today().isoformat(),
                            village_id=_village_id(db, args.village), amount_vnd=clean_amount(args.amount),
                            quantity=clean_quantity(args.quantity), unit=args.unit, source=args.source,
                            note=args.note)
    targets = support.preview_bulk(db, rule)
    result: dict[str, Any] = {"rule": args.rule, "targets": [tg.to_dict() for tg in targets],
                              "count": len(targets), "dry_run": bool(args.dry_run), "recorded": 0}
    if targets and not args.dry_run:
        result["recorded"] = support.apply_bulk(db, rule, targets).count
    _dump(result)
    return 0


def run_coverage(args, ctx) -> int:
    from desktop_app.services import support

    db = ctx.database()
    _dump(support.coverage(db, args.year, lang=ctx.lang).to_dict())
    return 0


def run_eligible(args, ctx) -> int:
    from desktop_app.services import support

    db = ctx.database()
    hints = support.eligible_supports(db, _household_id(db, args.household), lang=ctx.lang)
    _dump([h.to_dict() for h in hints])
    return 0


def run_export(args, ctx) -> int:
    from desktop_app.services import support
    from desktop_app.services.register import list_communes
    from desktop_app.support.ledger_excel import write_ledger

    db = ctx.database()
    if args.year is not None:
        support.list_support(db, year=args.year)  # validates the year
    entries = support.list_support(db, year=args.year)
    communes = list_communes(db)
    name = communes[0].name if communes else ""
    path = write_ledger(args.out, entries, commune=name, year=args.year, lang=ctx.lang)
    _dump({"path": str(path), "records": len(entries), "amount_vnd": sum(e.amount_vnd or 0 for e in entries)})
    return 0
