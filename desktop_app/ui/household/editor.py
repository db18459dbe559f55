"""The household editor: one household of the current round, its members and
its survey, laid out like the paper forms, with the live classification
beside them. Ctrl+S saves (through the core service, which refuses a
household with errors), Esc asks before throwing changes away."""

from __future__ import annotations

import dataclasses
import datetime as _dt
import uuid

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.record import AREAS, REGIONS, Household, Member, Survey
from desktop_app.errors import NotFound, ValidationError
from desktop_app.services.classify import round_standard
from desktop_app.services.household_edit import (
    Issue,
    check_household,
    classify_edited,
    describe,
    format_date,
    parse_date,
    quick_screen_stop,
    save_and_classify,
)
from desktop_app.services.register import list_communes, list_rounds, list_villages, load_household
from desktop_app.services.register_queries import rows_for
from desktop_app.ui.dialogs import confirm
from desktop_app.ui.errors import show_error
from desktop_app.ui.household.members import BAD_FIELD, MembersEditor
from desktop_app.ui.household.panel import ClassificationPanel
from desktop_app.ui.household.survey import (
    CausesBox,
    DeprivationBox,
    IncomeBox,
    QuickScreenBox,
    apply_quick_screen,
)
from desktop_app.ui.household.widgets import ChoiceCombo, TriState

LIVE_DELAY_MS = 60


class HouseholdEditor(QDialog):
    """Edit (``household_id``) or create (``None``) a household of ``round_id``.

    ``saved(household_id, changes)`` is emitted after a successful save.
    """

    saved = Signal(str, object)

    def __init__(self, db, round_id: str, household_id: str | None = None, *, commune_id: str | None = None,
                 read_only: bool = False, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self.round_id = round_id
        self.commune_id = commune_id
        self.standard = round_standard(db, round_id)
        self.round = next((r for r in list_rounds(db) if r.id == round_id), None)
        if self.round is None:
            raise NotFound(round_id)
        self.commune_id = commune_id or self.round.commune_id
        self.new = household_id is None
        self.code = ""
        self.read_only = read_only
        if household_id is None:  # a new household: the commune's usual area and region
            commune = next((c for c in list_communes(db) if c.id == self.commune_id), None)
            self.household = Household(household_id=str(uuid.uuid4()), members=[
                Member(member_id=str(uuid.uuid4()), full_name="", relation="head")], survey=None,
                area=commune.default_area if commune else None,
                region=commune.default_region if commune else None)
        else:
            self.household = load_household(db, household_id, round_id)
            row = rows_for(db, round_id, [household_id]).get(household_id)
            self.code = row.code if row else ""
        self.dirty = False
        self.result = None
        self.issues: list[Issue] = []
        self.setWindowTitle(self.tr("New household") if self.new else
                            self.tr("Household %1").replace("%1", self.code))
        self.resize(1320, 860)
        self._build()
        self._fill()
        self._live_timer = QTimer(self)
        self._live_timer.setSingleShot(True)
        self._live_timer.setInterval(LIVE_DELAY_MS)
        self._live_timer.timeout.connect(self.update_live)
        for source in (self.members, self.quick, self.income, self.b2, self.causes):
            source.edited.connect(self._edited)
        self.update_live()
        self.dirty = False
        if read_only:
            self.save_button.setEnabled(False)
            self.message.setText(self.tr("Your account may look at households but not change them."))
        (self.village if self.new else self.code_edit).setFocus()

    # -- layout ----------------------------------------------------------------

    def _build(self) -> None:
        self.code_edit = QLineEdit()
        self.code_edit.setObjectName("code")
        self.code_edit.setPlaceholderText(self.tr("given automatically"))
        self.village = QComboBox()
        self.village.setObjectName("village")
        self.village.addItem(self.tr("(no village)"), None)
        for v in list_villages(self.db, self.commune_id):
            self.village.addItem(v.name, v.id)
        self.address = QLineEdit()
        self.address.setObjectName("address")
        self.area = ChoiceCombo("area", AREAS)
        self.region = ChoiceCombo("region", REGIONS)
        self.agricultural = TriState()
        self.survey_date = QLineEdit()
        self.survey_date.setObjectName("survey_date")
        self.survey_date.setPlaceholderText(self.tr("dd/mm/yyyy"))
        house = QGroupBox(self.tr("Household"))
        form = QFormLayout(house)
        for text, widget in ((self.tr("Household &code"), self.code_edit), (self.tr("&Village"), self.village),
                             (self.tr("&Address"), self.address), (self.tr("A&rea"), self.area),
                             (self.tr("Economic region"), self.region),
                             (self.tr("Agricultural household"), self.agricultural),
                             (self.tr("Survey &date"), self.survey_date)):
            label = QLabel(text)
            label.setBuddy(widget)
            form.addRow(label, widget)
        for w in (self.code_edit, self.address, self.survey_date):
            w.textEdited.connect(self._edited)
        self.village.activated.connect(self._edited)
        for w in (self.area, self.region, self.agricultural):
            w.edited.connect(self._edited)
        self.date_error = QLabel()
        self.date_error.setStyleSheet("color: #b3261e;")
        self.date_error.hide()
        form.addRow(self.date_error)

        members_box = QGroupBox(self.tr("Members of the household"))
        self.members = MembersEditor()
        QVBoxLayout(members_box).addWidget(self.members)
        self.quick = QuickScreenBox(self.standard)
        self.income = IncomeBox(self.standard)
        self.b2 = DeprivationBox()
        self.causes = CausesBox()
        self.stop_banner = QLabel()
        self.stop_banner.setObjectName("stop_banner")
        self.stop_banner.setWordWrap(True)
        self.stop_banner.setStyleSheet("QLabel { background: #e1f4e4; color: #1d6b2f; font-weight: bold;"
                                       " padding: 8px; border-radius: 4px; }")
        self.stop_banner.hide()

        form_widget = QWidget()
        column = QVBoxLayout(form_widget)
        for w in (house, members_box, self.quick, self.stop_banner, self.income, self.b2, self.causes):
            column.addWidget(w)
        column.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(form_widget)
        self.panel = ClassificationPanel(self.standard)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.scroll)
        splitter.addWidget(self.panel)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)

        self.message = QLabel()
        self.message.setObjectName("save_message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b3261e;")
        self.save_button = QPushButton(self.tr("Save (Ctrl+S)"))
        self.save_button.setObjectName("save")
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)
        self.save_button.setAutoDefault(False)
        self.cancel_button.setAutoDefault(False)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)

        chain: list[QWidget] = [self.code_edit, self.village, self.address, self.area, self.region,
                                self.agricultural, self.survey_date, *self.members.focus_order(),
                                *self.quick.focus_order(), *self.income.focus_order(), *self.b2.focus_order(),
                                *self.causes.focus_order(), self.save_button, self.cancel_button]
        for a, b in zip(chain, chain[1:]):
            QWidget.setTabOrder(a, b)

    # -- data in and out ---------------------------------------------------------

    def _fill(self) -> None:
        h = self.household
        self.code_edit.setText(self.code)
        i = self.village.findText(h.village) if h.village else 0
        self.village.setCurrentIndex(max(0, i))
        self.address.setText(h.address or "")
        self.area.set_value(h.area)
        self.region.set_value(h.region)
        self.agricultural.set_value(h.agricultural)
        survey = h.survey or Survey(date=_dt.date.today().isoformat(), standard=self.standard.id)
        self.survey_date.setText(format_date(survey.date))
        self.members.set_members(h.members)
        self.quick.set_value(survey.extra.get("quick_screen"))
        self.income.set_member_count(len(h.members))
        self.income.fill(survey)
        self.b2.fill(survey)
        self.causes.fill(survey)

    def _survey_date(self) -> tuple[str | None, str | None]:
        """(ISO date or None, error text or None)."""
        try:
            return parse_date(self.survey_date.text(), "survey.date"), None
        except ValidationError as exc:
            return None, exc.problem

    def build_household(self) -> Household:
        """The household as the form says now (unparsable inputs as unknown)."""
        h = self.household
        date, _ = self._survey_date()
        base = h.survey or Survey(date="", standard=self.standard.id)
        survey = dataclasses.replace(base, extra=dict(base.extra), date=date or _dt.date.today().isoformat(),
                                     standard=self.standard.id)
        apply_quick_screen(self.quick, survey)
        self.income.apply(survey)
        self.b2.apply(survey)
        self.causes.apply(survey)
        members = [dataclasses.replace(m, extra=dict(m.extra)) for m in self.members.members]
        return dataclasses.replace(
            h, members=members, survey=survey, village=self.village.currentText() if self.village.currentData()
            else None, address=self.address.text().strip() or None, area=self.area.value(),
            region=self.region.value(), agricultural=self.agricultural.value(), extra=dict(h.extra))

    def current_issues(self, household: Household) -> list[Issue]:
        """Every problem of the form: typed texts that do not parse, then the core checks."""
        issues: list[Issue] = []
        date, error = self._survey_date()
        if error or date is None:
            issues.append(Issue("survey.date", error or self.tr("The survey date is needed (dd/mm/yyyy).")))
        issues.extend(self.members.parse_issues())
        bad = self.income.invalid_fields() + self.b2.invalid_fields()
        issues.extend(Issue(f"survey.{name}", self.tr("Not a number: write digits only.")) for name in bad)
        issues.extend(check_household(self.db, household, commune_id=self.commune_id))
        return issues

    # -- live classification ----------------------------------------------------

    def _edited(self, *_args) -> None:
        self.dirty = True
        self.message.clear()
        self._live_timer.start()

    def update_live(self) -> None:
        """Classify the household as it is on screen and show the result."""
        self._live_timer.stop()
        household = self.build_household()
        self.income.set_member_count(len(household.members))
        if self.income._sheet() is not None:  # the computed income goes into the record
            household.survey.income_per_capita = self.income.income.value()  # type: ignore[union-attr]
        self.issues = self.current_issues(household)
        stopped = bool(quick_screen_stop(household, self.standard))
        self.result = classify_edited(household, self.standard)
        self.panel.show_result(self.result, [self._described(i, household) for i in self.issues], stopped)
        self.members.set_issues(self.issues)
        self.income.score_text(self.result.score_a)
        date_problem = next((i.message for i in self.issues if i.field == "survey.date"), "")
        self.date_error.setText(date_problem)
        self.date_error.setVisible(bool(date_problem))
        self.survey_date.setStyleSheet(BAD_FIELD if date_problem else "")
        for box in (self.income, self.b2, self.causes):
            box.setEnabled(not stopped)
        self.stop_banner.setText(self.tr("A sign of Form A is ticked: the household stops at the quick screen "
                                         "and Form B is not needed.") if stopped else "")
        self.stop_banner.setVisible(stopped)

    def _described(self, issue: Issue, household: Household) -> Issue:
        return dataclasses.replace(issue, message=describe(issue, household.members))

    # -- save / cancel -----------------------------------------------------------

    def save(self) -> bool:
        """Save when the form has no error; returns whether it was saved."""
        if self.read_only:
            return False
        self.update_live()
        household = self.build_household()
        errors = [i for i in self.issues if i.is_error]
        if errors:
            self.message.setText(self.tr("Not saved: correct the %1 problem(s) listed on the right first.")
                                 .replace("%1", str(len(errors))))
            self._focus_issue(errors[0])
            return False
        code = self.code_edit.text().strip() or None
        try:
            outcome = save_and_classify(self.db, household, self.standard, round_id=self.round_id,
                                        village_id=self.village.currentData(), commune_id=self.commune_id,
                                        code=code)
        except Exception as exc:  # noqa: BLE001 - shown to the user in one place
            show_error(self, exc)
            return False
        self.household = household
        self.dirty = False
        self.saved.emit(household.household_id, outcome.changes)
        self.accept()
        return True

    def _focus_issue(self, issue: Issue) -> None:
        if issue.member is not None:
            self.members.select(issue.member)
            name = issue.field.rsplit(".", 1)[-1]
            widget = self.members.fields.get(name, self.members.full_name)
            widget.setFocus()
            self.scroll.ensureWidgetVisible(widget)
        elif issue.field == "survey.date":
            self.survey_date.setFocus()
            self.scroll.ensureWidgetVisible(self.survey_date)

    def reject(self) -> None:
        if self.dirty and not confirm(self, self.tr("Close without saving? The changes to this household will "
                                                    "be lost."), action=self.tr("Discard changes")):
            return
        self.dirty = False
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        if self.dirty and not confirm(self, self.tr("Close without saving? The changes to this household will "
                                                    "be lost."), action=self.tr("Discard changes")):
            event.ignore()
            return
        self.dirty = False
        super().closeEvent(event)


__all__ = ["HouseholdEditor"]
