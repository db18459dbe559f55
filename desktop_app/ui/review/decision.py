"""Steps 6-7 of the review: the chairman's decision (with confirmation), the
official list with certificate numbers, the status changes between rounds,
and reporting up."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.i18n import t
from desktop_app.review.machine import RoundFacts
from desktop_app.review.rules import LISTED
from desktop_app.services import review as svc
from desktop_app.ui.review.common import (
    ServicePanel,
    category_text,
    date_edit,
    date_text,
    fill,
    get_date,
    set_date,
    table,
)


class DecisionPanel(ServicePanel):
    """The decision form before the decision; the official lists after it."""

    def __init__(self, db, actor, parent: QWidget | None = None):
        super().__init__(db, actor, parent)
        self.facts: RoundFacts | None = None
        self._filling = False
        self.number = QLineEdit()
        self.number.setPlaceholderText(self.tr("e.g. 125/QĐ-UBND"))
        self.date = date_edit()
        self.signer = QLineEdit()
        self.decide_button = QPushButton(self.tr("Record the &decision…"))
        self.decide_button.clicked.connect(self.decide)
        self.form_box = QGroupBox(self.tr("Decision of the commune chairman"))
        form = QFormLayout(self.form_box)
        for text, widget in ((self.tr("Decision &number:"), self.number), (self.tr("Decision d&ate:"), self.date),
                             (self.tr("&Signed by:"), self.signer)):
            label = QLabel(text)
            label.setBuddy(widget)
            form.addRow(label, widget)
        decide_row = QHBoxLayout()
        decide_row.addStretch(1)
        decide_row.addWidget(self.decide_button)
        form.addRow(decide_row)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.official = table([self.tr("Code"), self.tr("Village"), self.tr("Official result"), self.tr("Basis"),
                               self.tr("Certificate number")], stretch=4)
        self.official.setEditTriggers(self.official.EditTrigger.DoubleClicked
                                      | self.official.EditTrigger.EditKeyPressed)
        self.official.itemChanged.connect(self._certificate_edited)
        self.number_button = QPushButton(self.tr("&Number missing certificates"))
        self.number_button.clicked.connect(self.number_certificates)
        self.report_button = QPushButton(self.tr("Mark as re&ported up"))
        self.report_button.clicked.connect(self.report)
        self.transitions = table([self.tr("Code"), self.tr("Village"), self.tr("Before"), self.tr("Now"),
                                  self.tr("Change")], stretch=4)
        buttons = QHBoxLayout()
        buttons.addWidget(self.number_button)
        buttons.addStretch(1)
        buttons.addWidget(self.report_button)
        self.after_box = QWidget()
        after = QVBoxLayout(self.after_box)
        after.setContentsMargins(0, 0, 0, 0)
        after.addWidget(QLabel(self.tr("Official list (double-click a certificate number to edit it):")))
        after.addWidget(self.official, 2)
        after.addLayout(buttons)
        after.addWidget(QLabel(self.tr("Changes since the previous official lists:")))
        after.addWidget(self.transitions, 1)
        self.no_transitions = QLabel()
        self.no_transitions.setWordWrap(True)
        after.addWidget(self.no_transitions)
        self.filler = QWidget()
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.form_box)
        layout.addWidget(self.after_box, 1)
        layout.addWidget(self.filler, 1)

    def show_facts(self, facts: RoundFacts) -> None:
        self.facts = facts
        self.round_id = facts.round_id
        d = facts.decision
        self.form_box.setVisible(d is None)
        self.after_box.setVisible(d is not None)
        self.filler.setVisible(d is None)
        if d is None:
            if facts.posting is not None:
                set_date(self.date, max([facts.posting.end] + [c.recheck_date for c in facts.complaints
                                                               if c.recheck_date]))
            self.summary.setText(self.tr("The decision makes the results of this round official. It can be "
                                         "recorded once every village has met, the lists were posted and every "
                                         "complaint was re-checked."))
            return
        counts = {c: sum(1 for v in facts.official.values() if v == c) for c in ("poor", "near_poor")}
        self.summary.setText(self.tr("Decision %1 of %2, signed by %3: %4 poor and %5 near-poor households.")
                             .replace("%1", d.number).replace("%2", date_text(d.date)).replace("%3", d.signer)
                             .replace("%4", str(counts["poor"])).replace("%5", str(counts["near_poor"])))
        entries = svc.official_list(self.db, facts.round_id)
        self._filling = True
        fill(self.official, [[e.code, e.village, category_text(e.category), t(f"review.source.{e.source}"),
                              e.certificate_number or ""] for e in entries], [e.household_id for e in entries])
        for row, e in enumerate(entries):
            item = self.official.item(row, 4)
            if e.category in LISTED:
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        self._filling = False
        changes = svc.transitions(self.db, facts.round_id)
        fill(self.transitions, [[c.code, c.village, category_text(c.previous), category_text(c.current),
                                 ", ".join(c.labels())] for c in changes], [c.household_id for c in changes])
        self.no_transitions.setText("" if changes else t("review.err.no_previous_round")
                                    if not svc.has_earlier_decision(self.db, facts.round_id)
                                    else self.tr("No household changed status."))
        self.number_button.setEnabled(bool(facts.missing_certificates()))
        self.report_button.setEnabled(facts.report_mark is None and not facts.missing_certificates())

    def decide(self) -> None:
        from desktop_app.ui.dialogs import confirm

        if self.facts is None:
            return
        text = self.tr("This decision will officially recognise the lists of poor, near-poor, out-of-poverty and "
                       "out-of-near-poverty households of \"%1\". The results can no longer be changed. Continue?"
                       ).replace("%1", self.facts.round_name)
        if confirm(self, text, title=self.tr("Record the decision"), action=self.tr("&Record the decision")):
            self.call(svc.decide, self.number.text(), get_date(self.date), self.signer.text())

    def number_certificates(self) -> None:
        self.call(svc.issue_certificates)

    def report(self) -> None:
        self.call(svc.mark_reported)

    def _certificate_edited(self, item: QTableWidgetItem) -> None:
        if self._filling or item.column() != 4 or not item.text().strip():
            return
        hid = self.official.item(item.row(), 0).data(Qt.ItemDataRole.UserRole)
        self.call(svc.issue_certificate, hid, item.text().strip())
