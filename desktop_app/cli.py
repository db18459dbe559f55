"""Command line: ``python -m desktop_app [--data-dir DIR] [--db-url URL] [--lang vi|en] COMMAND``.

With no command it starts the GUI. Commands are contributed by the modules of
:mod:`desktop_app.commands`: each has ``register(subparsers)`` adding its
sub-commands with ``set_defaults(func=handler)``; a handler takes
``(args, ctx)`` and returns an exit code. Command names are a contract.

Exit codes: 0 success, 2 bad usage or bad input, 3 a refused file or package
or an unusable database. Messages go to stderr.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

from desktop_app import __version__, i18n
from desktop_app.errors import AppError


@dataclass
class Context:
    """What a command needs from the global options."""

    data_dir: Path
    db_url: str | None
    lang: str
    _db: object | None = field(default=None, repr=False)

    def database(self, create: bool = True):
        """Open (creating and migrating when needed) the database."""
        if self._db is None:
            from desktop_app.storage.database import Database

            self._db = Database.open(data_dir=self.data_dir, url=self.db_url, create=create)
        return self._db

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m desktop_app",
        description="Commune poverty register (Sổ theo dõi hộ nghèo cấp xã).",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--data-dir", type=Path, default=None,
                        help="folder holding the register database (default: the user data folder)")
    parser.add_argument("--db-url", default=None,
                        help="SQLAlchemy database URL, e.g. postgresql+psycopg://user@host/db (district mode)")
    parser.add_argument("--lang", choices=i18n.LANGUAGES, default=None,
                        help="language of messages and reports (default: vi)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    import desktop_app.commands as commands_pkg

    for info in sorted(pkgutil.iter_modules(commands_pkg.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"desktop_app.commands.{info.name}")
        module.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    from desktop_app.paths import default_data_dir

    lang = args.lang or getattr(args, "sub_lang", None) or "vi"
    i18n.set_language(lang)
    ctx = Context(data_dir=args.data_dir or default_data_dir(), db_url=args.db_url, lang=lang)
    if args.command is None:
        from desktop_app.ui.app import run_gui

        return run_gui(ctx, sys.argv[:1])
    try:
        return int(args.func(args, ctx) or 0)
    except AppError as exc:
        print(f"{exc.message}", file=sys.stderr)
        return exc.exit_code
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    finally:
        ctx.close()
