"""Step 5 of the review: the public posting (niêm yết công khai), the
complaints received and their re-check (phúc tra)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.i18n import t
from desktop_app.review.machine import RoundFacts
from desktop_app.review.rules import add_working_days
from desktop_app.services import review as svc
from desktop_app.ui.review.common import (
    CATEGORIES,
    ServicePanel,
    category_text,
    date_edit,
    date_text,
    fill,
    get_date,
    row_key,
    set_date,
    table,
)


def _form(layout: QFormLayout, rows) -> None:
    for text, widget in rows:
        label = QLabel(text)
        label.setBuddy(widget)
        layout.addRow(label, widget)


class PostingPanel(ServicePanel):
    """The posting dates and place; the complaints and their re-checks."""

    def __init__(self, db, actor, parent: QWidget | None = None):
        super().__init__(db, actor, parent)
        self.facts: RoundFacts | None = None
        self.days = 3
        self.start = date_edit()
        self.end = date_edit()
        self.start.dateChanged.connect(self._start_changed)
        self.place = QLineEdit()
        self.place.setPlaceholderText(self.tr("e.g. village hall and commune office"))
        self.days_label = QLabel()
        self.days_label.setWordWrap(True)
        form = QFormLayout()
        _form(form, ((self.tr("Posting &starts:"), self.start), (self.tr("Posting &ends:"), self.end),
                     (self.tr("&Place:"), self.place)))
        form.addRow(self.days_label)
        self.save_button = QPushButton(self.tr("Sa&ve the posting"))
        self.save_button.clicked.connect(self.save)
        save_row = QHBoxLayout()
        save_row.addStretch(1)
        save_row.addWidget(self.save_button)
        form.addRow(save_row)
        self.view = table([self.tr("Household"), self.tr("Kind"), self.tr("Date"), self.tr("Content"),
                           self.tr("Re-check")], stretch=3)
        self.view.doubleClicked.connect(lambda _index: self.recheck())
        self.add_button = QPushButton(self.tr("&Add a complaint…"))
        self.add_button.clicked.connect(self.add_complaint)
        self.recheck_button = QPushButton(self.tr("&Re-check…"))
        self.recheck_button.clicked.connect(self.recheck)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.recheck_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Complaints and meeting disputes:")))
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)

    def show_facts(self, facts: RoundFacts) -> None:
        self.facts = facts
        self.round_id = facts.round_id
        self.days = svc.posting_working_days(self.db, facts.round_id)
        self.days_label.setText(self.tr("The lists stay posted for %1 working days (provisional rule); the end "
                                        "date is filled in from the start and can be corrected for holidays.")
                                .replace("%1", str(self.days)))
        p = facts.posting
        if p is not None:
            self.start.blockSignals(True)
            set_date(self.start, p.start)
            self.start.blockSignals(False)
            set_date(self.end, p.end)
            self.place.setText(p.place or "")
        elif facts.meetings:
            set_date(self.start, max(m.date for m in facts.meetings.values()))
        codes = {h.household_id: h.code for h in facts.households}
        fill(self.view, [[codes.get(c.household_id, c.household_id), t(f"review.origin.{c.origin}"),
                          date_text(c.date), c.content or "", self._result(c)] for c in facts.complaints],
             [c.id for c in facts.complaints])
        open_ = facts.decision is None
        for w in (self.save_button, self.add_button, self.recheck_button):
            w.setEnabled(open_)
        self.add_button.setEnabled(open_ and p is not None)
        self.recheck_button.setEnabled(open_ and bool(facts.complaints))

    def _result(self, c) -> str:
        if c.result is None:
            return self.tr("Not re-checked")
        if c.result == "changed":
            return f"{t('review.result.changed')}: {category_text(c.new_category)} ({date_text(c.recheck_date)})"
        return f"{t('review.result.kept')} ({date_text(c.recheck_date)})"

    def _start_changed(self) -> None:
        set_date(self.end, add_working_days(get_date(self.start), self.days))

    def save(self) -> None:
        self.call(svc.record_posting, get_date(self.start), get_date(self.end), self.place.text())

    def add_complaint(self) -> None:
        if self.facts is None:
            return
        dialog = ComplaintDialog(self.facts, self)
        if self.facts.posting:
            set_date(dialog.date, self.facts.posting.start)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.call(svc.record_complaint, dialog.household.currentData(), get_date(dialog.date),
                      dialog.content.toPlainText(), dialog.complainant.text())

    def recheck(self) -> None:
        cid = row_key(self.view)
        complaint = next((c for c in self.facts.complaints if c.id == cid), None) if self.facts else None
        if complaint is None or self.facts.decision is not None:
            return
        dialog = RecheckDialog(self)
        set_date(dialog.date, max(complaint.date, complaint.recheck_date or complaint.date))
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.call(svc.record_recheck, cid, get_date(dialog.date), dialog.chosen_result(),
                      new_category=dialog.category.currentData() if dialog.chosen_result() == "changed" else None,
                      reason=dialog.reason.text(), by=dialog.by.text())


class ComplaintDialog(QDialog):
    """A complaint about a household received during the posting."""

    def __init__(self, facts: RoundFacts, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Complaint"))
        self.household = QComboBox()
        for h in facts.households:
            self.household.addItem(f"{h.code} – {h.head or ''}", h.household_id)
        self.date = date_edit()
        self.complainant = QLineEdit()
        self.content = QPlainTextEdit()
        self.content.setTabChangesFocus(True)
        form = QFormLayout(self)
        _form(form, ((self.tr("&Household:"), self.household), (self.tr("&Date received:"), self.date),
                     (self.tr("&From:"), self.complainant), (self.tr("&Content:"), self.content)))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


class RecheckDialog(QDialog):
    """The re-check (phúc tra) of a complaint: result kept, or changed to a new category."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Re-check"))
        self.date = date_edit()
        self.by = QLineEdit()
        self.kept = QRadioButton(t("review.result.kept"))
        self.changed = QRadioButton(t("review.result.changed"))
        self.kept.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.kept)
        group.addButton(self.changed)
        self.category = QComboBox()
        for category in CATEGORIES:
            self.category.addItem(category_text(category), category)
        self.reason = QLineEdit()
        self.changed.toggled.connect(self._toggle)
        self._toggle(False)
        results = QHBoxLayout()
        results.addWidget(self.kept)
        results.addWidget(self.changed)
        form = QFormLayout(self)
        _form(form, ((self.tr("Re-check &date:"), self.date), (self.tr("Re-checked &by:"), self.by)))
        form.addRow(self.tr("Result:"), results)
        _form(form, ((self.tr("New &category:"), self.category), (self.tr("&Reason:"), self.reason)))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _toggle(self, on: bool) -> None:
        self.category.setEnabled(on)
        self.reason.setEnabled(on)

    def chosen_result(self) -> str:
        return "changed" if self.changed.isChecked() else "kept"
