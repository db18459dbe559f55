"""Steps 1-4 of the review: the list of households to review (with requests,
Mẫu số 01) and the village meetings (họp dân)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.i18n import t
from desktop_app.review.machine import RoundFacts
from desktop_app.services import review as svc
from desktop_app.ui.review.common import (
    ServicePanel,
    category_text,
    date_edit,
    fill,
    get_date,
    row_key,
    set_date,
    table,
)


class ListPanel(ServicePanel):
    """Steps 1-3: who is reviewed, their proposed result, and confirming the list."""

    def __init__(self, db, actor, parent: QWidget | None = None):
        super().__init__(db, actor, parent)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.view = table([self.tr("Code"), self.tr("Head of household"), self.tr("Village"),
                           self.tr("Previous official result"), self.tr("Proposed result"), self.tr("Request")],
                          stretch=1)
        self.confirm_button = QPushButton(self.tr("&Confirm the list"))
        self.confirm_button.clicked.connect(self.confirm)
        self.request_button = QPushButton(self.tr("Record a &request (form 01)…"))
        self.request_button.clicked.connect(self.add_request)
        buttons = QHBoxLayout()
        buttons.addWidget(self.request_button)
        buttons.addStretch(1)
        buttons.addWidget(self.confirm_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)

    def show_facts(self, facts: RoundFacts) -> None:
        self.round_id = facts.round_id
        self.heading.setText(self.tr("Households to review: those on the poor or near-poor list, those the survey "
                                     "proposes as poor or near-poor, and those that filed a request. "
                                     "%1 households.").replace("%1", str(len(facts.households))))
        fill(self.view, [[h.code, h.head, h.village, category_text(h.previous),
                          t("review.quick_screen.stopped") if h.screened_out else category_text(h.proposed),
                          t(f"review.request.{h.request}") if h.request else ""] for h in facts.households],
             [h.household_id for h in facts.households])
        open_ = facts.decision is None
        self.confirm_button.setEnabled(open_ and facts.list_mark is None and bool(facts.households))
        self.request_button.setEnabled(open_)

    def confirm(self) -> None:
        self.call(svc.confirm_list)

    def add_request(self) -> None:
        dialog = RequestDialog(self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.call(svc.record_request, dialog.household.text(), dialog.kind.currentData(),
                      get_date(dialog.date), dialog.note.text())


class RequestDialog(QDialog):
    """A household's request (Mẫu số 01) to enter or leave the lists."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Request of a household (form 01)"))
        self.household = QLineEdit()
        self.household.setPlaceholderText(self.tr("household code, e.g. TD-0012"))
        self.kind = QComboBox()
        for kind in ("enter", "leave"):
            self.kind.addItem(t(f"review.request.{kind}"), kind)
        self.date = date_edit()
        self.note = QLineEdit()
        form = QFormLayout(self)
        for text, widget in ((self.tr("&Household:"), self.household), (self.tr("&Request:"), self.kind),
                             (self.tr("&Date:"), self.date), (self.tr("&Note:"), self.note)):
            label = QLabel(text)
            label.setBuddy(widget)
            form.addRow(label, widget)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


class MeetingPanel(ServicePanel):
    """Step 4: one village's meeting and what it said about each household."""

    OUTCOMES = ("agreed", "disputed")

    def __init__(self, db, actor, parent: QWidget | None = None):
        super().__init__(db, actor, parent)
        self.facts: RoundFacts | None = None
        self.village = QComboBox()
        self.village.currentIndexChanged.connect(self._load_village)
        self.date = date_edit()
        self.chair = QLineEdit()
        self.secretary = QLineEdit()
        self.attendance = QSpinBox()
        self.attendance.setRange(0, 100000)
        form = QFormLayout()
        for text, widget in ((self.tr("&Village:"), self.village), (self.tr("Meeting &date:"), self.date),
                             (self.tr("C&hair:"), self.chair), (self.tr("&Secretary:"), self.secretary),
                             (self.tr("&Attendance (people):"), self.attendance)):
            label = QLabel(text)
            label.setBuddy(widget)
            form.addRow(label, widget)
        self.state_label = QLabel()
        self.view = table([self.tr("Code"), self.tr("Head of household"), self.tr("Proposed result"),
                           self.tr("Meeting said"), self.tr("Note")], stretch=4)
        self.view.setEditTriggers(self.view.EditTrigger.AllEditTriggers)
        self.save_button = QPushButton(self.tr("Save the &meeting"))
        self.save_button.clicked.connect(self.save)
        hint = QLabel(self.tr("Households not marked \"disputed\" are taken as agreed. A dispute must be "
                              "re-checked before the decision."))
        hint.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(hint, 1)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.state_label)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)

    def outcome_text(self, outcome: str) -> str:
        return self.tr("Agreed") if outcome == "agreed" else self.tr("Disputed")

    def show_facts(self, facts: RoundFacts) -> None:
        self.facts = facts
        self.round_id = facts.round_id
        chosen = self.village.currentData()
        self.village.blockSignals(True)
        self.village.clear()
        for vid, name in facts.review_villages():
            mark = "✓ " if vid in facts.meetings else ""
            self.village.addItem(mark + name, vid)
        index = self.village.findData(chosen)
        if index < 0:
            index = next((i for i in range(self.village.count()) if self.village.itemData(i) not in facts.meetings),
                         0)
        self.village.setCurrentIndex(index)
        self.village.blockSignals(False)
        self._load_village()

    def _load_village(self) -> None:
        facts = self.facts
        vid = self.village.currentData()
        if facts is None or vid is None:
            self.view.setRowCount(0)
            self.save_button.setEnabled(False)
            return
        meeting = facts.meetings.get(vid)
        if meeting is not None:
            set_date(self.date, meeting.date)
            self.chair.setText(meeting.chair)
            self.secretary.setText(meeting.secretary or "")
            self.attendance.setValue(meeting.attendance or 0)
            self.state_label.setText(self.tr("Meeting recorded by %1.").replace("%1", meeting.mark.by or "?"))
        else:
            self.chair.clear()
            self.secretary.clear()
            self.attendance.setValue(0)
            self.state_label.setText(self.tr("No meeting recorded for this village yet."))
        households = [h for h in facts.households if h.village_id == vid]
        fill(self.view, [[h.code, h.head, category_text(h.proposed), "", ""] for h in households],
             [h.household_id for h in households])
        for row, h in enumerate(households):
            combo = QComboBox()
            for outcome in self.OUTCOMES:
                combo.addItem(self.outcome_text(outcome), outcome)
            outcome, note = facts.outcomes.get(h.household_id, ("agreed", None))
            combo.setCurrentIndex(self.OUTCOMES.index(outcome))
            self.view.setCellWidget(row, 3, combo)
            self.view.setItem(row, 4, QTableWidgetItem(note or ""))
        self.save_button.setEnabled(facts.decision is None)

    def outcomes(self) -> dict[str, tuple[str, str | None]]:
        """``{household_id: (outcome, note)}`` as shown in the table."""
        out = {}
        for row in range(self.view.rowCount()):
            hid = row_key(self.view, row)
            combo = self.view.cellWidget(row, 3)
            note = self.view.item(row, 4).text() if self.view.item(row, 4) else ""
            out[hid] = (combo.currentData(), note or None)
        return out

    def set_outcome(self, code: str, outcome: str, note: str = "") -> None:
        """Set a household's row (used by keyboard users' tests and scripts)."""
        for row in range(self.view.rowCount()):
            if self.view.item(row, 0).text() == code:
                self.view.cellWidget(row, 3).setCurrentIndex(self.OUTCOMES.index(outcome))
                self.view.setItem(row, 4, QTableWidgetItem(note))

    def save(self) -> None:
        vid = self.village.currentData()
        if vid is None:
            return
        if self.call(svc.record_meeting, vid, get_date(self.date), self.chair.text(), self.secretary.text(),
                     self.attendance.value(), outcomes=self.outcomes()) and self.facts is not None:
            self.next_village()

    def next_village(self) -> None:
        """Go on to the first village still without a meeting (if any)."""
        assert self.facts is not None
        for i in range(self.village.count()):
            if self.village.itemData(i) not in self.facts.meetings:
                self.village.setCurrentIndex(i)
                return
