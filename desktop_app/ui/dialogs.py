"""Small shared dialogs: confirmation before destructive actions."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget


def confirm(parent: QWidget | None, text: str, *, title: str | None = None, action: str | None = None,
            informative: str = "") -> bool:
    """Ask before a destructive action; ``True`` only when the user confirms.

    ``action`` labels the confirming button (e.g. "Disable the account");
    the safe choice ("Cancel") is the default button, so Enter does nothing harmful.
    """
    box = QMessageBox(QMessageBox.Icon.Question,
                      title or QCoreApplication.translate("Dialogs", "Please confirm"), text,
                      QMessageBox.StandardButton.NoButton, parent)
    if informative:
        box.setInformativeText(informative)
    yes = box.addButton(action or QCoreApplication.translate("Dialogs", "&Continue"),
                        QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton(QCoreApplication.translate("Dialogs", "Cancel"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.exec()
    return box.clickedButton() is yes
