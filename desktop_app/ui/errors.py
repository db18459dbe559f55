"""The one place where errors of the core become message boxes.

:func:`describe_error` maps a typed error (:mod:`desktop_app.errors`,
:mod:`desktop_app.services.accounts`, :mod:`desktop_app.sync.errors`, an
``OSError`` or anything unexpected) to a title, the core's message (already
in the current language) and what to do next; :func:`show_error` shows it.
More specific classes are matched first (the class's MRO is walked).
"""

from __future__ import annotations

import logging
import traceback
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop_app import errors
from desktop_app.i18n import t
from desktop_app.services import accounts

log = logging.getLogger(__name__)


def _tr(text: str) -> str:
    return QCoreApplication.translate("ErrorMessages", text)


@dataclass(frozen=True, slots=True)
class ErrorText:
    """What a message box says about an error."""

    title: str
    text: str
    hint: str
    details: str = ""
    icon: QMessageBox.Icon = QMessageBox.Icon.Warning


def _by_class() -> dict[type, tuple[str, str]]:
    """Untranslated ``(title, what to do)`` per error class (translated when used)."""
    table: dict[type, tuple[str, str]] = {
        errors.ValidationError: (
            QT_TRANSLATE_NOOP("ErrorMessages", "Some data is not valid"),
            QT_TRANSLATE_NOOP("ErrorMessages", "Correct the item named above, then try again. Nothing was saved.")),
        errors.PermissionDenied: (
            QT_TRANSLATE_NOOP("ErrorMessages", "Not allowed"),
            QT_TRANSLATE_NOOP("ErrorMessages", "Log in with an account that has this right, or ask an "
                                               "administrator.")),
        accounts.AuthenticationFailed: (
            QT_TRANSLATE_NOOP("ErrorMessages", "Login failed"),
            QT_TRANSLATE_NOOP("ErrorMessages", "Check the username and the password (and the keyboard's Vietnamese "
                                               "input mode), then try again.")),
        accounts.AccountLocked: (
            QT_TRANSLATE_NOOP("ErrorMessages", "Account locked"),
            QT_TRANSLATE_NOOP("ErrorMessages", "Wait until the time shown, or ask an administrator to unlock the "
                                               "account.")),
        accounts.AccountDisabled: (
            QT_TRANSLATE_NOOP("ErrorMessages", "Account disabled"),
            QT_TRANSLATE_NOOP("ErrorMessages", "Ask an administrator to enable the account again.")),
        errors.NotFound: (
            QT_TRANSLATE_NOOP("ErrorMessages", "Not found"),
            QT_TRANSLATE_NOOP("ErrorMessages", "The data may have been changed or deleted meanwhile. Refresh the "
                                               "list and try again.")),
        errors.SchemaTooNew: (
            QT_TRANSLATE_NOOP("ErrorMessages", "A newer version is needed"),
            QT_TRANSLATE_NOOP("ErrorMessages", "Install the newest version of the application. The data file was "
                                               "not changed.")),
        errors.DatabaseError: (
            QT_TRANSLATE_NOOP("ErrorMessages", "Database problem"),
            QT_TRANSLATE_NOOP("ErrorMessages", "Check the data folder and the free disk space. If the file is "
                                               "damaged, restore a copy from the \"backups\" folder of the data "
                                               "folder.")),
        errors.StandardFileError: (
            QT_TRANSLATE_NOOP("ErrorMessages", "Poverty standard file not valid"),
            QT_TRANSLATE_NOOP("ErrorMessages", "Ask the office that issued the standards file for a corrected file.")),
        errors.UnknownStandard: (
            QT_TRANSLATE_NOOP("ErrorMessages", "Poverty standard not installed"),
            QT_TRANSLATE_NOOP("ErrorMessages", "Import the standards file named in the message, or choose another "
                                               "standard.")),
        errors.Refused: (
            QT_TRANSLATE_NOOP("ErrorMessages", "File refused"),
            QT_TRANSLATE_NOOP("ErrorMessages", "The file was not used and nothing was changed. Ask the sender for "
                                               "a new file.")),
        errors.AppError: (
            QT_TRANSLATE_NOOP("ErrorMessages", "Cannot continue"),
            QT_TRANSLATE_NOOP("ErrorMessages", "Read the message, correct what it names and try again.")),
        OSError: (
            QT_TRANSLATE_NOOP("ErrorMessages", "Cannot read or write a file"),
            QT_TRANSLATE_NOOP("ErrorMessages", "Check that the disk or USB stick is present, not full and not "
                                               "write-protected, then try again.")),
    }
    try:  # the sync package is optional at this stage of the project
        from desktop_app.sync import errors as sync_errors
    except ImportError:  # pragma: no cover - sync not installed
        return table
    table.update({
        sync_errors.SignatureMismatch: (
            QT_TRANSLATE_NOOP("ErrorMessages", "Signature does not match"),
            QT_TRANSLATE_NOOP("ErrorMessages", "The package may have been changed on the way. Ask the sender to "
                                               "export it again.")),
        sync_errors.UnknownSigner: (
            QT_TRANSLATE_NOOP("ErrorMessages", "Unknown sender"),
            QT_TRANSLATE_NOOP("ErrorMessages", "Enrol the sender's key first (from the key sheet they gave you), "
                                               "then import again.")),
        sync_errors.RevokedKey: (
            QT_TRANSLATE_NOOP("ErrorMessages", "Key revoked"),
            QT_TRANSLATE_NOOP("ErrorMessages", "The sender's key was revoked. Ask them to make a new key and send "
                                               "a new package.")),
        sync_errors.ReplayedPackage: (
            QT_TRANSLATE_NOOP("ErrorMessages", "Package already imported"),
            QT_TRANSLATE_NOOP("ErrorMessages", "This package (or a newer one) was imported before. Nothing was "
                                               "changed.")),
        sync_errors.WrongRecipient: (
            QT_TRANSLATE_NOOP("ErrorMessages", "Package for another office"),
            QT_TRANSLATE_NOOP("ErrorMessages", "The package was made for another office or commune. Check that you "
                                               "picked the right file.")),
        sync_errors.UnsupportedVersion: (
            QT_TRANSLATE_NOOP("ErrorMessages", "Package made by a newer version"),
            QT_TRANSLATE_NOOP("ErrorMessages", "Install the newest version of the application, then import again.")),
        sync_errors.PayloadTampered: (
            QT_TRANSLATE_NOOP("ErrorMessages", "Package damaged"),
            QT_TRANSLATE_NOOP("ErrorMessages", "Copy the file again from the sender; if it fails again, ask for a "
                                               "new export.")),
    })
    return table


def describe_error(exc: BaseException) -> ErrorText:
    """Title, message and advice for ``exc`` in the current language."""
    table = _by_class()
    for cls in type(exc).__mro__:
        if cls in table:
            title, hint = table[cls]
            break
    else:
        log.error("unexpected error", exc_info=exc)
        details = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
        title = QCoreApplication.translate("ErrorMessages", "Unexpected error")
        hint = QCoreApplication.translate("ErrorMessages", "Nothing more was changed. Note what you were doing "
                                                           "and tell technical support; the details below help them.")
        return ErrorText(title, str(exc) or type(exc).__name__, hint,
                         details, QMessageBox.Icon.Critical)
    message = getattr(exc, "message", None) or str(exc)
    key, params = getattr(exc, "key", ""), getattr(exc, "params", None)
    if key:  # sync errors keep their key: render again in the current language
        try:
            message = t(key, **(params or {}))
        except (KeyError, IndexError, ValueError):
            pass
    if isinstance(exc, OSError) and exc.filename:
        message = f"{exc.strerror or exc}: {exc.filename}"
    return ErrorText(_tr(title), message, _tr(hint))


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    """Show ``exc`` in a modal message box (title, message, what to do)."""
    info = describe_error(exc)
    box = QMessageBox(info.icon, info.title, info.text, QMessageBox.StandardButton.Ok, parent)
    box.setInformativeText(info.hint)
    if info.details:
        box.setDetailedText(info.details)
    box.exec()
