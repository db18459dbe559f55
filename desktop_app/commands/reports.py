"""Command line: printed reports, Excel export and import.

    report village-list  --round R --village V --out FILE.pdf [--meeting-date D]
    report posting-list  --round R [--village V] --out FILE.pdf [--start D --end D]
    report survey-form   --household H [--round R] --out FILE.pdf
    report certificate   --household H [--round R] --out FILE.pdf
    report support-ledger --household H --out FILE.pdf      (when the support feature is present)
    report key-sheet     --out FILE.pdf                     (when the sync key store is present)
    report tables        --round R --out FILE.xlsx
    export-excel  --out FILE.xlsx [--round R] [--no-id-numbers]
    import-excel  FILE [--mapping FILE.json] [--dry-run] [--all-or-nothing] [--rejects FILE.xlsx]
    export-template --out FILE.xlsx

``--round`` is a round id or its exact name (default: the current round);
``--village`` a village name; dates are ``YYYY-MM-DD`` or ``dd/mm/yyyy``.
Exit codes: 0 done, 2 bad input (unknown round, village, household, a file
with errors imported all-or-nothing), 3 an unreadable input file or an output
file that cannot be written. Messages go to stderr in the chosen language.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from desktop_app.errors import AppError, ValidationError
from desktop_app.i18n import t
from desktop_app.messages import register as register_messages
from desktop_app.services.reports import SUPPORT_MODULE, ReportInputError, optional_module

register_messages({
    "reports.cli.written": {"vi": "Đã ghi {file} ({pages} trang).", "en": "Wrote {file} ({pages} pages)."},
    "reports.cli.written_rows": {"vi": "Đã ghi {file} ({rows} hộ).", "en": "Wrote {file} ({rows} households)."},
    "reports.cli.written_file": {"vi": "Đã ghi {file}.", "en": "Wrote {file}."},
    "reports.cli.bad_date": {
        "vi": "Ngày «{value}» ({option}) không hợp lệ; ghi theo dạng NNNN-TT-NN hoặc ngày/tháng/năm.",
        "en": "Date '{value}' ({option}) is not valid; write YYYY-MM-DD or dd/mm/yyyy.",
    },
    "reports.cli.cannot_write": {
        "vi": "Không ghi được tệp {file}: {reason}. Hãy chọn thư mục khác hoặc đóng tệp nếu nó đang mở.",
        "en": "Cannot write {file}: {reason}. Choose another folder, or close the file if it is open.",
    },
    "reports.cli.no_input": {
        "vi": "Không có tệp {file}.", "en": "There is no file {file}.",
    },
    "reports.cli.imported": {
        "vi": "Đã nhập {imported} hộ ({inserted} hộ mới, {updated} hộ cập nhật, {members} nhân khẩu); "
              "đã phân loại {classified} hộ.",
        "en": "Imported {imported} households ({inserted} new, {updated} updated, {members} members); "
              "classified {classified}.",
    },
    "reports.cli.dry_run": {
        "vi": "Chạy thử: {valid} hộ hợp lệ sẽ được nhập, {rejected} hộ bị loại; chưa ghi gì vào sổ.",
        "en": "Dry run: {valid} valid households would be imported, {rejected} rejected; nothing was written.",
    },
    "reports.cli.rejected": {
        "vi": "{rejected} hộ bị loại vì có lỗi ({errors} lỗi); xem và sửa trong {file}, rồi nhập lại tệp đó.",
        "en": "{rejected} households were rejected ({errors} errors); see and fix them in {file}, then import it.",
    },
})

#: names of the ``--round`` etc. options in messages
_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")


def _date(option: str) -> Callable[[str], _dt.date]:
    def parse(value: str) -> _dt.date:
        text = value.strip()
        try:
            m = _DATE.match(text)
            if m:
                return _dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
            return _dt.date.fromisoformat(text)
        except ValueError:
            raise ReportInputError(t("reports.cli.bad_date", value=value, option=option)) from None
    return parse


def _date_arg(args: argparse.Namespace, name: str) -> _dt.date | None:
    value = getattr(args, name, None)
    return _date(f"--{name.replace('_', '-')}")(value) if value else None


class CannotWrite(AppError):
    exit_code = 3


class RefusedInput(AppError):
    exit_code = 3


def _write(out: Path, writer: Callable[[], Any]) -> Any:
    """Run a writer; an output file that cannot be written exits 3."""
    try:
        return writer()
    except OSError as exc:
        raise CannotWrite(t("reports.cli.cannot_write", file=str(out), reason=exc.strerror or exc)) from None


def _say(text: str) -> None:
    print(text, file=sys.stderr)


def register(subparsers: argparse._SubParsersAction) -> None:
    report = subparsers.add_parser("report", help="print a report (PDF) or the summary tables (Excel)")
    rs = report.add_subparsers(dest="report_kind", metavar="REPORT", required=True)

    def add(name: str, help_text: str, func: Callable, *, round_opt: bool = True) -> argparse.ArgumentParser:
        p = rs.add_parser(name, help=help_text)
        if round_opt:
            p.add_argument("--round", default=None, help="round id or exact name (default: the current round)")
        p.add_argument("--out", type=Path, required=True, help="file to write")
        p.set_defaults(func=func)
        return p

    p = add("village-list", "village-meeting list of one village (PDF)", run_village_list)
    p.add_argument("--village", required=True, help="village name")
    p.add_argument("--meeting-date", default=None, help="meeting date (default: the recorded meeting)")
    p = add("posting-list", "public posting list of the commune or one village (PDF)", run_posting_list)
    p.add_argument("--village", default=None, help="village name (default: the whole commune)")
    p.add_argument("--start", default=None, help="first day of the posting (default: as recorded)")
    p.add_argument("--end", default=None, help="last day of the posting (default: as recorded)")
    p = add("survey-form", "a household's filled form B (PDF)", run_survey_form)
    p.add_argument("--household", required=True, help="household code (e.g. TD-0012) or id")
    p = add("certificate", "certificate of a poor or near-poor household (PDF)", run_certificate)
    p.add_argument("--household", required=True, help="household code (e.g. TD-0012) or id")
    if optional_module(SUPPORT_MODULE) is not None:
        p = add("support-ledger", "a household's support ledger (PDF)", run_support_ledger, round_opt=False)
        p.add_argument("--household", required=True, help="household code (e.g. TD-0012) or id")
    if optional_module("desktop_app.syncdb.keystore") is not None:
        add("key-sheet", "key registration sheet to sign and send to the receiving office (PDF)", run_key_sheet,
            round_opt=False)
    add("tables", "summary tables of a round (Excel)", run_tables)

    ex = subparsers.add_parser("export-excel", help="full household list (Excel, one row per household)")
    ex.add_argument("--out", type=Path, required=True, help="file to write (.xlsx)")
    ex.add_argument("--round", default=None, help="round id or exact name (default: the current round)")
    ex.add_argument("--no-id-numbers", action="store_true", help="leave out citizen ID numbers (privacy)")
    ex.set_defaults(func=run_export_excel)

    im = subparsers.add_parser("import-excel", help="import a household list (Excel, one row per member)")
    im.add_argument("file", type=Path, help="the workbook (.xlsx)")
    im.add_argument("--mapping", type=Path, default=None, help='JSON {"field": "column header"} overriding detection')
    im.add_argument("--round", default=None, help="round of the surveys in the file (default: the current round)")
    im.add_argument("--dry-run", action="store_true", help="check only; write nothing to the register")
    im.add_argument("--all-or-nothing", action="store_true",
                    help="import nothing when any row has an error (default: import the valid households)")
    im.add_argument("--rejects", type=Path, default=None,
                    help="where to write the rejection report (default: FILE-loi.xlsx next to FILE)")
    im.set_defaults(func=run_import_excel)

    tp = subparsers.add_parser("export-template", help="the Excel template for importing a household list")
    tp.add_argument("--out", type=Path, required=True, help="file to write (.xlsx)")
    tp.set_defaults(func=run_export_template)


def _pdf(args: argparse.Namespace, ctx: Any, writer: Callable, data: Any) -> int:
    pages = _write(args.out, lambda: writer(args.out, data, ctx.lang))
    _say(t("reports.cli.written", file=str(args.out), pages=pages))
    return 0


def run_village_list(args: argparse.Namespace, ctx: Any) -> int:
    from desktop_app.reports import write_village_meeting_list
    from desktop_app.services.reports import village_meeting_list

    data = village_meeting_list(ctx.database(), args.round, args.village, _date_arg(args, "meeting_date"))
    return _pdf(args, ctx, write_village_meeting_list, data)


def run_posting_list(args: argparse.Namespace, ctx: Any) -> int:
    from desktop_app.reports import write_posting_list
    from desktop_app.services.reports import posting_list

    data = posting_list(ctx.database(), args.round, args.village, _date_arg(args, "start"), _date_arg(args, "end"))
    return _pdf(args, ctx, write_posting_list, data)


def run_survey_form(args: argparse.Namespace, ctx: Any) -> int:
    from desktop_app.reports import write_survey_form
    from desktop_app.services.reports import survey_form

    return _pdf(args, ctx, write_survey_form, survey_form(ctx.database(), args.household, args.round))


def run_certificate(args: argparse.Namespace, ctx: Any) -> int:
    from desktop_app.reports import write_certificate
    from desktop_app.services.reports import certificate

    return _pdf(args, ctx, write_certificate, certificate(ctx.database(), args.household, args.round))


def run_support_ledger(args: argparse.Namespace, ctx: Any) -> int:
    from desktop_app.reports import write_support_ledger
    from desktop_app.services.reports import support_ledger

    return _pdf(args, ctx, write_support_ledger, support_ledger(ctx.database(), args.household))


def run_key_sheet(args: argparse.Namespace, ctx: Any) -> int:
    from desktop_app.reports import write_key_sheet
    from desktop_app.services.reports import key_sheet

    return _pdf(args, ctx, write_key_sheet, key_sheet(ctx.database(), ctx.data_dir))


def run_tables(args: argparse.Namespace, ctx: Any) -> int:
    from desktop_app.reports import write_summary_workbook
    from desktop_app.services.report_tables import summary

    data = summary(ctx.database(), args.round)
    _write(args.out, lambda: write_summary_workbook(args.out, data, ctx.lang))
    _say(t("reports.cli.written_file", file=str(args.out)))
    return 0


def run_export_excel(args: argparse.Namespace, ctx: Any) -> int:
    from desktop_app.reports import write_household_list
    from desktop_app.services.report_tables import household_rows
    from desktop_app.services.reports import commune_data, resolve_round

    db = ctx.database()
    rnd = resolve_round(db, args.round)
    rows = household_rows(db, rnd.id, id_numbers=not args.no_id_numbers)
    n = _write(args.out, lambda: write_household_list(args.out, rows, commune_data(db, rnd.commune_id), rnd.name,
                                                      ctx.lang))
    _say(t("reports.cli.written_rows", file=str(args.out), rows=n))
    return 0


def run_export_template(args: argparse.Namespace, ctx: Any) -> int:
    from desktop_app.reports import write_import_template

    _write(args.out, lambda: write_import_template(args.out, ctx.lang))
    _say(t("reports.cli.written_file", file=str(args.out)))
    return 0


def run_import_excel(args: argparse.Namespace, ctx: Any) -> int:
    from desktop_app.services.excel_import import ALL_OR_NOTHING, VALID_ONLY, ImportRefused, import_excel

    if not args.file.is_file():
        raise RefusedInput(t("reports.cli.no_input", file=str(args.file)))
    if args.mapping is not None and not args.mapping.is_file():
        raise ReportInputError(t("reports.cli.no_input", file=str(args.mapping)))
    db = ctx.database()
    try:
        outcome = import_excel(db, args.file, mapping=args.mapping, round_ref=args.round,
                               mode=ALL_OR_NOTHING if args.all_or_nothing else VALID_ONLY, dry_run=args.dry_run,
                               rejects=args.rejects, lang=ctx.lang)
    except ImportRefused as exc:
        _say(exc.message)
        print(json.dumps(_summary(exc.outcome), ensure_ascii=False))
        return exc.exit_code
    except ValidationError as exc:
        if exc.field in ("(file)", "(header)"):  # not a readable household list
            raise RefusedInput(exc.message) from None
        raise
    except OSError as exc:
        raise CannotWrite(t("reports.cli.cannot_write", file=str(args.rejects or args.file),
                            reason=exc.strerror or exc)) from None
    result = outcome.preview.result
    if args.dry_run:
        _say(t("reports.cli.dry_run", valid=outcome.preview.valid, rejected=outcome.preview.rejected))
    else:
        _say(t("reports.cli.imported", imported=outcome.imported, inserted=outcome.inserted,
               updated=outcome.updated, members=outcome.members, classified=outcome.classified))
    if outcome.rejection_report is not None:
        _say(t("reports.cli.rejected", rejected=len(result.rejected), errors=len(result.errors),
               file=str(outcome.rejection_report)))
    print(json.dumps(_summary(outcome), ensure_ascii=False))
    return 0


def _summary(outcome: Any) -> dict[str, Any]:
    result = outcome.preview.result
    return {"file": str(outcome.preview.path), "mode": outcome.mode, "dry_run": outcome.dry_run,
            "rows_read": result.rows_read, "households_read": result.households_read,
            "valid": len(result.records), "rejected": len(result.rejected), "errors": len(result.errors),
            "imported": outcome.imported, "inserted": outcome.inserted, "updated": outcome.updated,
            "members": outcome.members, "classified": outcome.classified,
            "rejection_report": str(outcome.rejection_report) if outcome.rejection_report else None}
