"""Typed errors of the core.

The core raises these; the command line maps them to exit codes and the GUI
maps them to dialogs in one place (:mod:`desktop_app.ui.errors`). Every error
carries a message in plain language that names the problem and what to do.
Messages are built through :func:`desktop_app.i18n.t` so that they exist in
Vietnamese and English.
"""

from __future__ import annotations


class AppError(Exception):
    """Base class of every error the core raises on purpose."""

    #: exit code of the command line for this kind of error
    exit_code = 2

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:  # pragma: no cover - trivial
        return self.message


class ValidationError(AppError):
    """A value given by the user or a file is not acceptable.

    ``field`` is the dotted path of the offending field, e.g.
    ``members[2].birth_date``; ``record`` names the record (its index in the
    file and its household id when known).
    """

    def __init__(self, field: str, message: str, record: str | None = None):
        self.field = field
        self.record = record
        self.problem = message
        where = f"{record}: " if record else ""
        super().__init__(f"{where}{field}: {message}")


class StandardError_(AppError):
    """A standards file is malformed or inconsistent (names key and problem)."""

    def __init__(self, source: str, key: str, message: str):
        self.source = source
        self.key = key
        self.problem = message
        super().__init__(f"{source}: {key}: {message}")


# Friendlier public name; the trailing underscore avoids shadowing the builtin.
StandardFileError = StandardError_


class UnknownStandard(AppError):
    def __init__(self, standard_id: str, known: list[str]):
        self.standard_id = standard_id
        super().__init__(
            f"standard '{standard_id}' is not installed; installed: {', '.join(sorted(known)) or 'none'}"
        )


class DatabaseError(AppError):
    """The database cannot be opened or used."""

    exit_code = 3


class SchemaTooNew(DatabaseError):
    """The database was written by a newer version of the application."""

    def __init__(self, found: str, newest_known: str, path: str):
        self.found = found
        self.newest_known = newest_known
        self.path = path
        from desktop_app.i18n import t

        super().__init__(t("db.schema_too_new", path=path, found=found, newest=newest_known))


class NotFound(AppError):
    exit_code = 2


class PermissionDenied(AppError):
    exit_code = 3


class Refused(AppError):
    """A package or file was refused (exit code 3 on the command line)."""

    exit_code = 3
