"""Command line: ``add-user`` (create a user account).

    python -m desktop_app [--data-dir DIR] add-user --username U --full-name N --role R

The password is read from the environment variable ``CPR_PASSWORD`` or, when
it is not set, asked twice on the terminal (one line of standard input when
that is not a terminal). The command line acts as an administrator: whoever
can run it on the data folder can open the database file anyway. It is also
the way back in when the only administrator forgot their password.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys

from desktop_app.errors import ValidationError
from desktop_app.i18n import t
from desktop_app.messages import register as register_messages

PASSWORD_ENV = "CPR_PASSWORD"

register_messages({
    "cli.add_user.prompt": {"vi": "Mật khẩu cho {username}: ", "en": "Password for {username}: "},
    "cli.add_user.again": {"vi": "Nhập lại mật khẩu: ", "en": "Password again: "},
    "cli.add_user.mismatch": {
        "vi": "hai lần nhập mật khẩu không giống nhau",
        "en": "the two passwords differ",
    },
    "cli.add_user.created": {
        "vi": "Đã tạo người dùng «{username}» ({role}).",
        "en": "User '{username}' ({role}) created.",
    },
    "cli.add_user.no_password": {
        "vi": "chưa có mật khẩu: đặt biến môi trường {env} hoặc nhập trên bàn phím",
        "en": "no password: set the environment variable {env} or type it on the terminal",
    },
})


def register(subparsers: argparse._SubParsersAction) -> None:
    from desktop_app.storage.models_accounts import ROLES

    p = subparsers.add_parser("add-user", help=f"create a user account (password from ${PASSWORD_ENV} or asked)")
    p.add_argument("--username", required=True, help="login name: lower-case letters, digits, . _ -")
    p.add_argument("--full-name", required=True, help="the person's full name")
    p.add_argument("--role", required=True, choices=ROLES, help="what the user may do")
    p.set_defaults(func=run_add_user)


def _read_password(username: str) -> str:
    password = os.environ.get(PASSWORD_ENV)
    if password is not None:
        return password
    if sys.stdin is not None and sys.stdin.isatty():
        first = getpass.getpass(t("cli.add_user.prompt", username=username))
        second = getpass.getpass(t("cli.add_user.again"))
        if first != second:
            raise ValidationError("password", t("cli.add_user.mismatch"))
        return first
    line = sys.stdin.readline() if sys.stdin is not None else ""
    if not line:
        raise ValidationError("password", t("cli.add_user.no_password", env=PASSWORD_ENV))
    return line.rstrip("\r\n")


def run_add_user(args: argparse.Namespace, ctx) -> int:
    from desktop_app.services.accounts import (Actor, create_user, normalize_username, role_label,
                                               validate_password)

    password = _read_password(args.username)
    validate_password(password)
    created = create_user(ctx.database(), Actor.console(), username=args.username, full_name=args.full_name,
                          role=args.role, password=password)
    username = normalize_username(args.username)
    print(t("cli.add_user.created", username=username, role=role_label(args.role)), file=sys.stderr)
    print(json.dumps({"id": created.id, "username": username, "role": args.role}))
    return 0
