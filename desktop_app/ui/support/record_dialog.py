"""Dialog to add or edit one support record."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox, QCompleter, QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
    QPlainTextEdit, QSpinBox, QVBoxLayout, QWidget,
)

from desktop_app.errors import AppError
from desktop_app.services import Changes
from desktop_app.services import support as svc
from desktop_app.storage.database import Database
from desktop_app.ui.support.common import from_qdate, to_qdate


class SupportRecordDialog(QDialog):
    """Add (``entry`` None) or edit a support record. On OK the service is
    called; a refused value is shown in the dialog, which stays open.
    :attr:`changes` and :attr:`record_id` tell what was done."""

    def __init__(self, db: Database, *, actor=None, entry: svc.SupportEntry | None = None,
                 household_id: str | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.db, self.actor, self.entry = db, actor, entry
        self.changes = Changes()
        self.record_id: str | None = entry.id if entry else None
        self.catalogue = svc.catalogue_for(db)
        self.setWindowTitle(self.tr("Edit support") if entry else self.tr("Record support"))
        self.setMinimumWidth(520)

        self.household = QComboBox()
        self.household.setEditable(True)
        self.household.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for h in svc.household_choices(db):
            self.household.addItem(h.label(), h.id)
        completer = self.household.completer()
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.member = QComboBox()
        self.programme = QComboBox()
        for p in self.catalogue.programmes:
            self.programme.addItem(p.name(), p.code)
        self.date = QDateEdit()
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("dd/MM/yyyy")
        self.date.setMaximumDate(QDate.currentDate())
        self.date.setDate(QDate.currentDate())
        self.amount = QLineEdit()
        self.amount.setPlaceholderText(self.tr("e.g. 500000"))
        self.quantity = QLineEdit()
        self.unit = QLineEdit()
        self.source = QComboBox()
        for s in self.catalogue.sources:
            self.source.addItem(s.name(), s.code)
        self.note = QPlainTextEdit()
        self.note.setFixedHeight(60)
        self.term = QSpinBox()
        self.term.setRange(0, 600)
        self.term.setSpecialValueText(self.tr("not given"))
        self.term.setSuffix(self.tr(" months"))
        self.purpose = QLineEdit()
        self.recipients = QLabel()
        self.recipients.setWordWrap(True)
        self.recipients.setStyleSheet("color: #555555;")
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b71c1c; font-weight: bold;")
        self.error.setVisible(False)

        form = QFormLayout()
        form.addRow(self.tr("&Household:"), self.household)
        form.addRow(self.tr("&Recipient:"), self.member)
        form.addRow(self.tr("&Programme:"), self.programme)
        form.addRow("", self.recipients)
        form.addRow(self.tr("&Date:"), self.date)
        form.addRow(self.tr("&Amount (VND):"), self.amount)
        form.addRow(self.tr("&Quantity:"), self.quantity)
        form.addRow(self.tr("&Unit:"), self.unit)
        form.addRow(self.tr("Funding &source:"), self.source)
        form.addRow(self.tr("Loan &term:"), self.term)
        form.addRow(self.tr("Loan &purpose:"), self.purpose)
        form.addRow(self.tr("&Note:"), self.note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Save"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

        self.household.currentIndexChanged.connect(self._household_changed)
        self.programme.currentIndexChanged.connect(self._programme_changed)
        if entry is not None:
            self._load(entry)
        else:
            if household_id is not None:
                self.household.setCurrentIndex(max(0, self.household.findData(household_id)))
            self._household_changed()
            self._programme_changed()

    # -- filling ---------------------------------------------------------

    def _household_changed(self) -> None:
        self.member.clear()
        self.member.addItem(self.tr("Whole household"), None)
        hid = self.household.currentData()
        if hid:
            for m in svc.member_choices(self.db, hid):
                self.member.addItem(m.name + (f" ({m.birth_date[:4]})" if m.birth_date else ""), m.id)

    def _programme_changed(self) -> None:
        p = self.catalogue.programme(self.programme.currentData() or "")
        if p is None:
            return
        self.recipients.setText(p.recipients())
        self.unit.setPlaceholderText(p.unit())
        self.source.setCurrentIndex(max(0, self.source.findData(p.default_source)))
        credit = p.code == "policy_credit"
        self.term.setEnabled(credit)
        self.purpose.setEnabled(credit)
        if not credit:
            self.term.setValue(0)
            self.purpose.clear()

    def _load(self, e: svc.SupportEntry) -> None:
        self.household.setCurrentIndex(max(0, self.household.findData(e.household_id)))
        self.household.setEnabled(False)
        self._household_changed()
        self.member.setCurrentIndex(max(0, self.member.findData(e.member_id)))
        self.programme.setCurrentIndex(max(0, self.programme.findData(e.programme)))
        self._programme_changed()
        self.date.setDate(to_qdate(e.date))
        self.amount.setText("" if e.amount_vnd is None else str(e.amount_vnd))
        if e.quantity is not None:
            self.quantity.setText(str(int(e.quantity)) if float(e.quantity).is_integer() else str(e.quantity))
        self.unit.setText(e.unit or "")
        self.source.setCurrentIndex(max(0, self.source.findData(e.source)))
        self.term.setValue(e.term_months or 0)
        self.purpose.setText(e.purpose or "")
        self.note.setPlainText(e.note or "")

    # -- saving ----------------------------------------------------------

    def values(self) -> dict:
        """The values as the service takes them."""
        credit = self.programme.currentData() == "policy_credit"
        return {
            "programme": self.programme.currentData(), "date": from_qdate(self.date.date()),
            "member_id": self.member.currentData(), "amount_vnd": self.amount.text().strip() or None,
            "quantity": self.quantity.text().strip() or None, "unit": self.unit.text().strip() or None,
            "source": self.source.currentData(), "note": self.note.toPlainText().strip() or None,
            "term_months": (self.term.value() or None) if credit else None,
            "purpose": (self.purpose.text().strip() or None) if credit else None,
        }

    def show_problem(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(True)

    def save(self) -> None:
        """Call the service; close on success, show the problem otherwise."""
        values = self.values()
        try:
            if self.entry is None:
                hid = self.household.currentData()
                created = svc.record_support(self.db, household_id=hid or "", actor=self.actor, **values)
                self.record_id, self.changes = created.id, created.changes
            else:
                self.changes = svc.update_support(self.db, self.entry.id, actor=self.actor, **values)
        except AppError as exc:
            self.show_problem(exc.message)
            return
        self.accept()
