"""Bulk action wizard: choose a rule -> preview who it reaches (with counts,
each target can be unticked) -> confirm; then everything is recorded in one
transaction by :func:`desktop_app.services.support.apply_bulk`."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QDateEdit, QFormLayout, QHeaderView, QLabel, QLineEdit, QTableWidget,
    QTableWidgetItem, QVBoxLayout, QWidget, QWizard, QWizardPage,
)

from desktop_app.errors import AppError
from desktop_app.services import Changes
from desktop_app.services import support as svc
from desktop_app.services.register import list_villages
from desktop_app.storage.database import Database
from desktop_app.support.texts import status_label
from desktop_app.support.validate import clean_amount
from desktop_app.ui.support.common import from_qdate, money


class BulkRulePage(QWizardPage):
    """Step 1: the rule and what each target receives."""

    def __init__(self, db: Database, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle(self.tr("Choose the bulk action"))
        self.setSubTitle(self.tr("The next step lists every household or person it reaches; nothing is "
                                 "recorded before you confirm."))
        self.rule = QComboBox()
        for code, label in svc.bulk_rules():
            self.rule.addItem(label, code)
        self.village = QComboBox()
        self.village.addItem(self.tr("All villages"), None)
        for v in list_villages(db):
            self.village.addItem(v.name, v.id)
        self.date = QDateEdit(QDate.currentDate())
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("dd/MM/yyyy")
        self.date.setMaximumDate(QDate.currentDate())
        self.amount = QLineEdit()
        self.amount.setPlaceholderText(self.tr("amount for each, in VND (optional)"))
        self.source = QComboBox()
        self.source.addItem(self.tr("Usual source of the programme"), None)
        for s in svc.catalogue_for(db).sources:
            self.source.addItem(s.name(), s.code)
        self.note = QLineEdit()
        form = QFormLayout(self)
        form.addRow(self.tr("&Action:"), self.rule)
        form.addRow(self.tr("&Village:"), self.village)
        form.addRow(self.tr("&Date:"), self.date)
        form.addRow(self.tr("A&mount (VND):"), self.amount)
        form.addRow(self.tr("Funding &source:"), self.source)
        form.addRow(self.tr("&Note:"), self.note)


class BulkPreviewPage(QWizardPage):
    """Step 2: who the rule reaches, with counts; untick to leave someone out."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle(self.tr("Check the list"))
        self.counts = QLabel()
        self.counts.setWordWrap(True)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b71c1c; font-weight: bold;")
        self.table = QTableWidget(0, 5)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemChanged.connect(lambda _item: self._count())
        layout = QVBoxLayout(self)
        layout.addWidget(self.counts)
        layout.addWidget(self.problem)
        layout.addWidget(self.table, 1)
        self.targets: list[svc.BulkTarget] = []

    def show_targets(self, targets: list[svc.BulkTarget], problem: str = "") -> None:
        self.targets = targets
        self.problem.setText(problem)
        self.problem.setVisible(bool(problem))
        self.table.blockSignals(True)
        self.table.setHorizontalHeaderLabels([self.tr("Include"), self.tr("Household"), self.tr("Village"),
                                              self.tr("Name"), self.tr("Status")])
        self.table.setRowCount(len(targets))
        for r, tg in enumerate(targets):
            check = QTableWidgetItem()
            check.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
            check.setCheckState(Qt.CheckState.Checked)
            self.table.setItem(r, 0, check)
            for c, text in enumerate((tg.household_code, tg.village or "", tg.name or "",
                                      status_label(tg.status)), start=1):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.table.blockSignals(False)
        self._count()

    def chosen(self) -> list[svc.BulkTarget]:
        return [tg for r, tg in enumerate(self.targets)
                if self.table.item(r, 0).checkState() == Qt.CheckState.Checked]

    def _count(self) -> None:
        chosen = self.chosen()
        people = sum(1 for tg in chosen if tg.member_id)
        households = len({tg.household_id for tg in chosen})
        villages = Counter(tg.village or "" for tg in chosen)
        by_village = ", ".join(f"{name or '-'}: {n}" for name, n in sorted(villages.items()))
        text = self.tr("%1 selected of %2: %3 households, %4 people.").replace("%1", str(len(chosen))) \
            .replace("%2", str(len(self.targets))).replace("%3", str(households)).replace("%4", str(people))
        if not self.targets:
            text = self.tr("Nobody to record: everyone concerned has already received it this year.")
        self.counts.setText(text + ("\n" + by_village if by_village else ""))
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 - Qt API
        return bool(self.chosen())


class BulkConfirmPage(QWizardPage):
    """Step 3: what will be recorded."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle(self.tr("Confirm"))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b71c1c; font-weight: bold;")
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.problem)
        layout.addStretch(1)
        self.setFinalPage(True)


class BulkWizard(QWizard):
    """The wizard; after ``accept`` :attr:`changes` says what was recorded."""

    def __init__(self, db: Database, *, actor=None, parent: QWidget | None = None):
        super().__init__(parent)
        self.db, self.actor = db, actor
        self.changes = Changes()
        self.setWindowTitle(self.tr("Bulk support"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("&Next >"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< &Back"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Record"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Cancel"))
        self.rule_page = BulkRulePage(db)
        self.preview_page = BulkPreviewPage()
        self.confirm_page = BulkConfirmPage()
        for page in (self.rule_page, self.preview_page, self.confirm_page):
            self.addPage(page)
        self.resize(760, 520)

    def rule(self) -> svc.BulkRule:
        """The rule as set on the first page (raises on a bad amount)."""
        p = self.rule_page
        return svc.BulkRule(code=p.rule.currentData(), date=from_qdate(p.date.date()),
                            village_id=p.village.currentData(), amount_vnd=clean_amount(p.amount.text()),
                            source=p.source.currentData(), note=p.note.text().strip() or None)

    def initializePage(self, page_id: int) -> None:  # noqa: N802 - Qt API
        page = self.page(page_id)
        if page is self.preview_page:
            try:
                self.preview_page.show_targets(svc.preview_bulk(self.db, self.rule()))
            except AppError as exc:
                self.preview_page.show_targets([], exc.message)
        elif page is self.confirm_page:
            chosen = self.preview_page.chosen()
            rule = self.rule()
            total = (rule.amount_vnd or 0) * len(chosen)
            text = self.tr("%1 will be recorded on %2 for %3 targets.").replace(
                "%1", self.rule_page.rule.currentText()).replace(
                "%2", rule.date.strftime("%d/%m/%Y")).replace("%3", str(len(chosen)))
            if total:
                text += " " + self.tr("Total: %1 VND.").replace("%1", money(total))
            self.confirm_page.summary.setText(text)
            self.confirm_page.problem.clear()
        super().initializePage(page_id)

    def validateCurrentPage(self) -> bool:  # noqa: N802 - Qt API
        if self.currentPage() is not self.confirm_page:
            return super().validateCurrentPage()
        try:
            self.changes = svc.apply_bulk(self.db, self.rule(), self.preview_page.chosen(), actor=self.actor)
        except AppError as exc:
            self.confirm_page.problem.setText(exc.message)
            return False
        return True
