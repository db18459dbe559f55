"""Command line of sync (names are a contract; exit 0 success, 2 bad usage,
3 a refused package or file with the reason on stderr).

Both sides::

    export-key --out FILE                 this installation's public key (.cprkey) + registration sheet
    enroll FILE                           office: a commune's key (or rotation); commune: the office's key;
                                          either: a signed revocation record (.cprrev)

Commune::

    export-package --out FILE [--full]    changes since the last receipt (or everything)
    import-receipt FILE                   the office's receipt: the next export is a delta
    import-standard FILE                  a standards file signed by the office

Office (district mode)::

    import-package FILE                   verify, validate, apply; the receipt is stored
    receipt --commune CODE --out FILE     write the last receipt for a commune
    sign-standard FILE --out FILE         sign a standards file for the communes
    revoke-key --key-id ID --reason R [--out FILE.cprrev]   refuse a lost laptop's key from now on
    district-summary [--out FILE.xlsx] [--commune CODE]
    conflicts [--all]                     JSON list of rows two devices changed differently
    resolve-conflict ID --keep local|incoming

Keys are created on first need in ``<data_dir>/keys``; set
``CPR_KEY_PASSPHRASE`` to seal them with a passphrase.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from desktop_app.i18n import t
from desktop_app.messages import register as register_messages

register_messages({
    "synccli.key_written": {
        "vi": "Đã ghi khóa công khai vào {path}. Hãy in phiếu đăng ký, ký, đóng dấu và gửi kèm tệp.",
        "en": "Public key written to {path}. Print the registration sheet, sign, stamp and send it with the file.",
    },
    "synccli.enrolled": {
        "vi": "Đã đăng ký khóa {role} {code} «{name}», mã nhận dạng: {fingerprint}. "
              "Hãy đối chiếu từng nhóm 4 ký tự với phiếu đăng ký giấy.",
        "en": "Enrolled the {role} key {code} '{name}', fingerprint: {fingerprint}. "
              "Compare it group by group with the paper registration sheet.",
    },
    "synccli.already_enrolled": {
        "vi": "Khóa {code} ({fingerprint}) đã được đăng ký trước đó; không có gì thay đổi.",
        "en": "The key {code} ({fingerprint}) was already enrolled; nothing changed.",
    },
    "synccli.exported": {
        "vi": "Đã xuất gói số {sequence} ({kind}) vào {path}.",
        "en": "Package number {sequence} ({kind}) written to {path}.",
    },
    "synccli.imported": {
        "vi": "Đã nhập gói số {sequence} của xã {commune} (máy {device}). Xung đột cần xem: {conflicts}. "
              "Hãy ghi biên nhận bằng lệnh receipt và gửi lại cho xã.",
        "en": "Imported package number {sequence} of commune {commune} (device {device}). Conflicts to review: "
              "{conflicts}. Write the receipt with the receipt command and send it back to the commune.",
    },
    "synccli.receipt_written": {"vi": "Đã ghi biên nhận vào {path}.", "en": "Receipt written to {path}."},
    "synccli.receipt_imported": {
        "vi": "Đã nhận biên nhận của gói số {sequence}. Lần xuất sau chỉ gồm các thay đổi mới.",
        "en": "Receipt for package number {sequence} recorded. The next export holds only new changes.",
    },
    "synccli.standard_signed": {"vi": "Đã ký chuẩn {standard} vào {path}.",
                                "en": "Standard {standard} signed into {path}."},
    "synccli.standard_installed": {
        "vi": "Đã cài chuẩn {standard} (lần sửa {revision}) vào {path}.",
        "en": "Standard {standard} (revision {revision}) installed as {path}.",
    },
    "synccli.conflict_resolved": {"vi": "Đã giải quyết xung đột {conflict_id}: giữ bản {keep}.",
                                  "en": "Conflict {conflict_id} resolved: kept the {keep} version."},
    "synccli.summary_written": {"vi": "Đã ghi bảng tổng hợp vào {path}.", "en": "Summary written to {path}."},
})


def _print_json(value: Any) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=2, default=str))


def _say(message: str) -> None:
    print(message, file=sys.stderr)


def register(subparsers: argparse._SubParsersAction) -> None:
    def add(name: str, func, help_text: str) -> argparse.ArgumentParser:
        parser = subparsers.add_parser(name, help=help_text)
        parser.set_defaults(func=func)
        return parser

    p = add("export-key", run_export_key, "write this installation's public key file (.cprkey)")
    p.add_argument("--out", type=Path, required=True, metavar="FILE")
    p = add("enroll", run_enroll, "enrol another installation's public key file (or a key rotation statement)")
    p.add_argument("file", type=Path, metavar="FILE")
    p = add("export-package", run_export_package, "commune: write a sync package for the receiving office")
    p.add_argument("--out", type=Path, required=True, metavar="FILE")
    p.add_argument("--full", action="store_true", help="every row, not only the changes since the last receipt")
    p = add("import-package", run_import_package, "office: verify and import a commune's sync package")
    p.add_argument("file", type=Path, metavar="FILE")
    p = add("receipt", run_receipt, "office: write the last receipt issued to a commune")
    p.add_argument("--commune", required=True, metavar="CODE")
    p.add_argument("--device", default=None, metavar="DEVICE")
    p.add_argument("--out", type=Path, required=True, metavar="FILE")
    p = add("import-receipt", run_import_receipt, "commune: record the receiving office's receipt")
    p.add_argument("file", type=Path, metavar="FILE")
    p = add("sign-standard", run_sign_standard, "office: sign a standards file for the communes")
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument("--out", type=Path, required=True, metavar="FILE")
    p = add("import-standard", run_import_standard, "commune: install a standards file signed by the office")
    p.add_argument("file", type=Path, metavar="FILE")
    p = add("revoke-key", run_revoke, "office: revoke an enrolled commune key (lost laptop)")
    p.add_argument("--key-id", required=True, metavar="ID")
    p.add_argument("--reason", required=True, metavar="R")
    p.add_argument("--out", type=Path, default=None, metavar="FILE",
                   help="also write the signed revocation record (.cprrev) for other installations")
    p = add("district-summary", run_summary, "office: summary of every commune (JSON, or Excel with --out)")
    p.add_argument("--out", type=Path, default=None, metavar="FILE.xlsx")
    p.add_argument("--commune", default=None, metavar="CODE", help="list this commune's households instead")
    p = add("conflicts", run_conflicts, "office: JSON list of conflicts between devices of a commune")
    p.add_argument("--all", action="store_true", help="include resolved conflicts")
    p = add("resolve-conflict", run_resolve, "office: keep one version of a conflict")
    p.add_argument("conflict_id", metavar="ID")
    p.add_argument("--keep", required=True, choices=("local", "incoming"))


def run_export_key(args: argparse.Namespace, ctx) -> int:
    from desktop_app.sync.sheet import registration_sheet
    from desktop_app.syncdb import keystore

    keys = keystore.own_keys(ctx.database(), ctx.data_dir)
    keys.public.save(args.out)
    print("\n".join(registration_sheet(keys.public, lang=ctx.lang).lines()))
    _say(t("synccli.key_written", path=args.out))
    return 0


def run_enroll(args: argparse.Namespace, ctx) -> int:
    from desktop_app.syncdb import keystore

    db = ctx.database()
    data = _read(args.file)
    if b'"cpr-key-revocation/' in data[:4096]:
        record = keystore.record_revocation(db, data, name=args.file.name)
        _say(t("syncdb.revoked_ok", key_id=record.key_id, reason=record.reason))
        _print_json({"key_id": record.key_id, "revoked_at": record.revoked_at, "reason": record.reason})
        return 0
    if b'"cpr-key-rotation/' in data[:4096]:
        info, new = keystore.enroll_rotation(db, data, name=args.file.name), True
    else:
        info, new = keystore.enroll(db, args.file)
    if new:
        _say(t("synccli.enrolled", role=info.role, code=info.code, name=info.name,
               fingerprint=info.signing_fingerprint))
    else:
        _say(t("synccli.already_enrolled", code=info.code, fingerprint=info.signing_fingerprint))
    _print_json({"key_id": info.key_id, "role": info.role, "code": info.code, "name": info.name,
                 "device_id": info.device_id, "fingerprint": info.signing_fingerprint, "new": new})
    return 0


def _read(path: Path) -> bytes:
    from desktop_app.sync.errors import InvalidPackage, refuse

    try:
        return path.read_bytes()
    except OSError as exc:
        raise refuse(InvalidPackage, "sync.cannot_read", name=path.name, problem=exc.strerror or str(exc)) from None


def run_export_package(args: argparse.Namespace, ctx) -> int:
    from desktop_app.syncdb.export import export_package

    result = export_package(ctx.database(), ctx.data_dir, args.out, full=args.full)
    _say(t("synccli.exported", sequence=result.sequence, kind=result.kind, path=args.out))
    _print_json({"sequence": result.sequence, "kind": result.kind, "counts": result.counts,
                 "manifest_sha256": result.manifest_sha256, "base_receipt": result.base_receipt})
    return 0


def run_import_package(args: argparse.Namespace, ctx) -> int:
    from desktop_app.syncdb.importer import import_package

    result = import_package(ctx.database(), ctx.data_dir, args.file)
    for warning in result.warnings:
        _say(warning)
    _say(t("synccli.imported", sequence=result.sequence, commune=result.commune_code, device=result.device_id,
           conflicts=result.conflicts))
    _print_json({"commune_code": result.commune_code, "device_id": result.device_id, "sequence": result.sequence,
                 "kind": result.kind, "counts": result.counts, "applied": result.applied,
                 "conflicts": result.conflicts, "warnings": result.warnings,
                 "receipt_id": result.receipt.receipt_id, "backup": str(result.backup) if result.backup else None})
    return 0


def run_receipt(args: argparse.Namespace, ctx) -> int:
    from desktop_app.fsutil import atomic_write_bytes
    from desktop_app.syncdb.importer import latest_receipt

    atomic_write_bytes(args.out, latest_receipt(ctx.database(), args.commune, args.device))
    _say(t("synccli.receipt_written", path=args.out))
    return 0


def run_import_receipt(args: argparse.Namespace, ctx) -> int:
    from desktop_app.syncdb.export import import_receipt

    receipt, new = import_receipt(ctx.database(), ctx.data_dir, args.file)
    _say(t("synccli.receipt_imported", sequence=receipt.sequence) if new
         else t("syncdb.receipt_duplicate", receipt_id=receipt.receipt_id))
    _print_json({"receipt_id": receipt.receipt_id, "sequence": receipt.sequence, "new": new})
    return 0


def run_sign_standard(args: argparse.Namespace, ctx) -> int:
    from desktop_app.syncdb.standards import sign_standard

    standard_id = sign_standard(ctx.database(), ctx.data_dir, args.file, args.out)
    _say(t("synccli.standard_signed", standard=standard_id, path=args.out))
    return 0


def run_import_standard(args: argparse.Namespace, ctx) -> int:
    from desktop_app.syncdb.standards import import_standard

    installed = import_standard(ctx.database(), ctx.data_dir, args.file)
    _say(t("synccli.standard_installed", standard=installed.standard_id, revision=installed.revision,
           path=installed.path))
    return 0


def run_revoke(args: argparse.Namespace, ctx) -> int:
    from desktop_app.syncdb import keystore

    record = keystore.revoke(ctx.database(), ctx.data_dir, args.key_id, args.reason)
    if args.out is not None:
        from desktop_app.fsutil import atomic_write_bytes

        atomic_write_bytes(args.out, record.to_bytes())
    _say(t("syncdb.revoked_ok", key_id=record.key_id, reason=record.reason))
    _print_json({"key_id": record.key_id, "revoked_at": record.revoked_at, "reason": record.reason})
    return 0


def run_summary(args: argparse.Namespace, ctx) -> int:
    from desktop_app.sync.keys import ROLE_DISTRICT
    from desktop_app.syncdb import keystore, summary

    db = ctx.database()
    keystore.require_role(db, ROLE_DISTRICT)
    if args.commune is not None:
        _print_json(summary.commune_households(db, args.commune))
    elif args.out is not None:
        summary.write_summary_xlsx(db, args.out, ctx.lang)
        _say(t("synccli.summary_written", path=args.out))
    else:
        _print_json(summary.district_summary(db))
    return 0


def run_conflicts(args: argparse.Namespace, ctx) -> int:
    from desktop_app.syncdb.conflicts import list_conflicts

    _print_json([c.to_dict() for c in list_conflicts(ctx.database(), include_resolved=args.all)])
    return 0


def run_resolve(args: argparse.Namespace, ctx) -> int:
    from desktop_app.syncdb.conflicts import resolve_conflict

    resolve_conflict(ctx.database(), args.conflict_id, args.keep)
    _say(t("synccli.conflict_resolved", conflict_id=args.conflict_id, keep=args.keep))
    return 0
