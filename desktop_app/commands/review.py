"""Command line of the review procedure (rà soát) of a round.

    python -m desktop_app [--data-dir DIR] review status [--round R] [--json]
    review confirm-list [--round R]
    review request --household H (--enter | --leave) --date D [--note N]
    review quick-screen --household H --date D [--sign KEY ...]
    review meeting --village V --date D --chair C [--secretary S] [--attendance N]
    review outcome --household H (--agreed | --disputed) [--note N]
    review posting --start D [--end D] [--place P]
    review complaint --household H --date D --content C [--complainant P]
    review recheck --complaint ID --date D (--kept | --changed --category C --reason R) [--by P]
    review decide --number N --date D --signer S
    review certificate (--household H --number N | --auto [--pattern P]) [--date D]
    review report
    review official [--round R]          (JSON)
    review transitions [--round R]       (JSON)

``--round`` takes a round's id or name; the default is the current round.
Households are named by their code (``TD-0012``) or id, villages by name or id.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys

from desktop_app.i18n import t


def register(subparsers: argparse._SubParsersAction) -> None:
    review = subparsers.add_parser("review", help="the review procedure of a round (status, meeting, decision ...)")
    sub = review.add_subparsers(dest="review_command", metavar="STEP", required=True)

    def cmd(name: str, func, help_: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_)
        p.add_argument("--round", dest="round_id", default=None, help="round id or name (default: current)")
        p.set_defaults(func=func)
        return p

    p = cmd("status", _status, "the steps of the round and what remains")
    p.add_argument("--json", action="store_true", help="print JSON")
    cmd("confirm-list", _confirm_list, "step 1: confirm the list of households to review")
    p = cmd("request", _request, "record a request (Mẫu số 01) to enter or leave the lists")
    p.add_argument("--household", required=True)
    g = p.add_mutually_exclusive_group(required=True)
    g.add_argument("--enter", dest="kind", action="store_const", const="enter")
    g.add_argument("--leave", dest="kind", action="store_const", const="leave")
    p.add_argument("--date", required=True)
    p.add_argument("--note")
    p = cmd("quick-screen", _quick_screen, "record the quick screen (form A); --sign for each sign seen")
    p.add_argument("--household", required=True)
    p.add_argument("--date", required=True)
    p.add_argument("--sign", action="append", default=[], metavar="KEY",
                   help="a criterion of form A the household shows (repeat); none: it goes on to form B")
    p = cmd("meeting", _meeting, "record the village meeting of a village")
    p.add_argument("--village", required=True)
    p.add_argument("--date", required=True)
    p.add_argument("--chair", required=True)
    p.add_argument("--secretary")
    p.add_argument("--attendance", type=int)
    p = cmd("outcome", _outcome, "record agreed / disputed for a household at its meeting")
    p.add_argument("--household", required=True)
    g = p.add_mutually_exclusive_group(required=True)
    g.add_argument("--agreed", dest="outcome", action="store_const", const="agreed")
    g.add_argument("--disputed", dest="outcome", action="store_const", const="disputed")
    p.add_argument("--note")
    p = cmd("posting", _posting, "record the public posting (end: 3 working days by default)")
    p.add_argument("--start", required=True)
    p.add_argument("--end")
    p.add_argument("--place")
    p = cmd("complaint", _complaint, "record a complaint received during the posting (prints its id)")
    p.add_argument("--household", required=True)
    p.add_argument("--date", required=True)
    p.add_argument("--content", required=True)
    p.add_argument("--complainant")
    p = cmd("recheck", _recheck, "record the re-check of a complaint or meeting dispute")
    p.add_argument("--complaint", required=True, help="complaint id (see 'review status --json')")
    p.add_argument("--date", required=True)
    g = p.add_mutually_exclusive_group(required=True)
    g.add_argument("--kept", dest="result", action="store_const", const="kept")
    g.add_argument("--changed", dest="result", action="store_const", const="changed")
    p.add_argument("--category", choices=("poor", "near_poor", "middle", "not_poor"))
    p.add_argument("--reason")
    p.add_argument("--by", help="who did the re-check")
    p = cmd("decide", _decide, "record the chairman's decision: the lists become official")
    p.add_argument("--number", required=True)
    p.add_argument("--date", required=True)
    p.add_argument("--signer", required=True)
    p = cmd("certificate", _certificate, "record certificate numbers of poor / near-poor households")
    p.add_argument("--household")
    p.add_argument("--number")
    p.add_argument("--auto", action="store_true", help="number every missing certificate")
    p.add_argument("--pattern", default="{n:03d}/GCN", help="pattern of --auto numbers (default {n:03d}/GCN)")
    p.add_argument("--date")
    cmd("report", _report, "step 7: mark the round as reported up")
    cmd("official", _official, "print the official list of a decided round (JSON)")
    cmd("transitions", _transitions, "print the status changes of a decided round (JSON)")


def _print(obj) -> None:
    print(json.dumps(obj, ensure_ascii=False, indent=2, default=str))


def _done(changes) -> int:
    _print({"changed": sorted(changes.kinds), "count": changes.count})
    return 0


def _svc():
    from desktop_app.services import review

    return review


def _status(args: argparse.Namespace, ctx) -> int:
    svc = _svc()
    facts = svc.round_facts(ctx.database(), args.round_id)
    from desktop_app.review.machine import status

    st = status(facts)
    if args.json:
        _print({"round_id": st.round_id, "round": st.round_name, "current": st.current,
                "steps": [{"step": s.step, "title": s.title, "state": s.state, "remains": list(s.remains),
                           "by": s.mark.by if s.mark else None, "at": s.mark.at if s.mark else None}
                          for s in st.steps],
                "households": [{"household_id": h.household_id, "code": h.code, "village": h.village,
                                "proposed": h.proposed, "previous": h.previous, "request": h.request}
                               for h in facts.households],
                "complaints": [{"id": c.id, "household_id": c.household_id, "origin": c.origin,
                                "date": c.date, "content": c.content, "result": c.result}
                               for c in facts.complaints]})
        return 0
    print(st.round_name)
    for i, s in enumerate(st.steps, start=1):
        print(f"{i}. [{t(f'review.state.{s.state}')}] {s.title}")
        for line in s.remains:
            print(f"     - {line}")
    return 0


def _confirm_list(args, ctx) -> int:
    return _done(_svc().confirm_list(ctx.database(), round_id=args.round_id))


def _request(args, ctx) -> int:
    return _done(_svc().record_request(ctx.database(), args.household, args.kind, args.date, args.note,
                                       round_id=args.round_id))


def _quick_screen(args, ctx) -> int:
    from desktop_app.services.classify import round_standard

    svc = _svc()
    db = ctx.database()
    facts = svc.round_facts(db, args.round_id)
    keys = [c.key for c in round_standard(db, facts.round_id).quick_screen]
    answers = {k: k in args.sign for k in keys}
    answers.update({k: True for k in args.sign})  # unknown keys are refused by the service
    return _done(svc.record_quick_screen(db, args.household, answers, args.date, round_id=facts.round_id))


def _meeting(args, ctx) -> int:
    return _done(_svc().record_meeting(ctx.database(), args.village, args.date, args.chair, args.secretary,
                                       args.attendance, round_id=args.round_id))


def _outcome(args, ctx) -> int:
    return _done(_svc().record_outcome(ctx.database(), args.household, args.outcome, args.note,
                                       round_id=args.round_id))


def _posting(args, ctx) -> int:
    return _done(_svc().record_posting(ctx.database(), args.start, args.end, args.place, round_id=args.round_id))


def _complaint(args, ctx) -> int:
    cid = _svc().record_complaint(ctx.database(), args.household, args.date, args.content, args.complainant,
                                  round_id=args.round_id)
    _print({"complaint_id": cid})
    return 0


def _recheck(args, ctx) -> int:
    return _done(_svc().record_recheck(ctx.database(), args.complaint, args.date, args.result,
                                       new_category=args.category, reason=args.reason, by=args.by,
                                       round_id=args.round_id))


def _decide(args, ctx) -> int:
    return _done(_svc().decide(ctx.database(), args.number, args.date, args.signer, round_id=args.round_id))


def _certificate(args, ctx) -> int:
    svc = _svc()
    if args.auto:
        return _done(svc.issue_certificates(ctx.database(), pattern=args.pattern, date=args.date,
                                            round_id=args.round_id))
    if not args.household or not args.number:
        print("review certificate: give --household and --number, or --auto", file=sys.stderr)
        return 2
    return _done(svc.issue_certificate(ctx.database(), args.household, args.number, args.date,
                                       round_id=args.round_id))


def _report(args, ctx) -> int:
    return _done(_svc().mark_reported(ctx.database(), round_id=args.round_id))


def _official(args, ctx) -> int:
    _print([dataclasses.asdict(e) for e in _svc().official_list(ctx.database(), args.round_id)])
    return 0


def _transitions(args, ctx) -> int:
    _print([tr.to_dict() for tr in _svc().transitions(ctx.database(), args.round_id)])
    return 0
