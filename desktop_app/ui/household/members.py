"""The members part of the household editor: a list of the members and,
below it, the form of the selected member in the paper form's column order.

Birth dates and ID numbers keep the text the officer typed until it parses,
so a half-typed value is never lost when moving between members; problems
(:class:`desktop_app.services.household_edit.Issue`) are shown in the list's
status column, under the form and as a red frame around the field.
"""

from __future__ import annotations

import dataclasses
import uuid

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.labels import value_label
from desktop_app.domain.record import DISABILITIES, EDUCATIONS, EMPLOYMENTS, NUTRITIONS, RELATIONS, SEXES, Member
from desktop_app.errors import ValidationError
from desktop_app.services.household_edit import Issue, format_date, parse_birth_date, parse_id_number
from desktop_app.ui.household.widgets import ChoiceCombo, TriState

ETHNICITIES = ("Kinh", "Tày", "Thái", "Mường", "Khmer", "H'Mông", "Nùng", "Hoa", "Dao", "Gia Rai", "Ê Đê",
               "Ba Na", "Sán Chay", "Chăm", "Cơ Ho", "Xơ Đăng", "Sán Dìu", "Hrê", "Ra Glai", "Mnông")
BAD_FIELD = "border: 2px solid #b3261e;"
_TEXT_FIELDS = ("birth_date", "id_number")


class MembersEditor(QWidget):
    """Members list + the selected member's form. ``edited`` on every change."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.members: list[Member] = []
        #: text typed in birth date / ID number fields that does not parse yet
        self.raw: list[dict[str, str]] = []
        self.current = -1
        self._loading = False
        self.issues: list[Issue] = []

        self.table = QTableWidget(0, 6)
        self.table.setObjectName("members_table")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.setMinimumHeight(120)
        self.table.setMaximumHeight(160)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.currentCellChanged.connect(lambda row, *_: self.select(row))

        self.add_button = QPushButton(self.tr("&Add member"))
        self.add_button.setToolTip(self.tr("Add a member (Ctrl+M)"))
        self.remove_button = QPushButton(self.tr("Remove member"))
        self.up_button = QPushButton(self.tr("Move up"))
        self.down_button = QPushButton(self.tr("Move down"))
        self.add_button.clicked.connect(self.add_member)
        self.remove_button.clicked.connect(self.remove_member)
        self.up_button.clicked.connect(lambda: self.move_member(-1))
        self.down_button.clicked.connect(lambda: self.move_member(1))
        QShortcut(QKeySequence("Ctrl+M"), self, self.add_member, context=Qt.ShortcutContext.WindowShortcut)
        buttons = QHBoxLayout()
        for b in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(b)
        buttons.addStretch(1)

        self.heading = QLabel()
        self.heading.setStyleSheet("font-weight: bold;")
        self.fields: dict[str, QWidget] = {}
        self.full_name = QLineEdit()
        self.sex = ChoiceCombo("sex", SEXES)
        self.birth_date = QLineEdit()
        self.birth_date.setPlaceholderText(self.tr("dd/mm/yyyy or yyyy"))
        self.id_number = QLineEdit()
        self.id_number.setPlaceholderText(self.tr("12 digits"))
        self.id_number.setMaxLength(14)
        self.relation = ChoiceCombo("relation", RELATIONS)
        self.ethnicity = QComboBox()
        self.ethnicity.setEditable(True)
        self.ethnicity.addItems(("",) + ETHNICITIES)
        self.able_to_work = TriState(self.tr("Able to work"), self.tr("Unable to work"))
        self.disability = ChoiceCombo("disability", DISABILITIES)
        self.employment = ChoiceCombo("employment", EMPLOYMENTS)
        self.health_insurance = TriState(self.tr("Has a valid card"), self.tr("No card"))
        self.education = ChoiceCombo("education", EDUCATIONS)
        self.studying = TriState()
        self.vocational_certificate = TriState()
        self.in_school = TriState()
        self.nutrition = ChoiceCombo("nutrition", NUTRITIONS)
        self.meritorious = TriState()
        self.social_protection = TriState()
        rows = (
            ("full_name", self.tr("Full &name"), self.full_name),
            ("sex", self.tr("Se&x"), self.sex),
            ("birth_date", self.tr("&Birth date"), self.birth_date),
            ("id_number", self.tr("Citizen &ID number"), self.id_number),
            ("relation", self.tr("&Relation to the head"), self.relation),
            ("ethnicity", self.tr("E&thnicity"), self.ethnicity),
            ("able_to_work", self.tr("Ability to work"), self.able_to_work),
            ("disability", self.tr("Disability"), self.disability),
            ("employment", self.tr("Employment"), self.employment),
            ("health_insurance", self.tr("Health insurance"), self.health_insurance),
            ("education", self.tr("Highest education"), self.education),
            ("studying", self.tr("Studying or in training (16+)"), self.studying),
            ("vocational_certificate", self.tr("Employer-certified training"), self.vocational_certificate),
            ("in_school", self.tr("Attends school at their level (3–15)"), self.in_school),
            ("nutrition", self.tr("Nutrition (under 16)"), self.nutrition),
            ("meritorious", self.tr("Person with meritorious service"), self.meritorious),
            ("social_protection", self.tr("Social-protection beneficiary"), self.social_protection),
        )
        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        half = (len(rows) + 1) // 2
        for i, (name, text, widget) in enumerate(rows):
            widget.setObjectName(f"member_{name}")
            label = QLabel(text)
            label.setBuddy(widget)
            col = 0 if i < half else 2
            grid.addWidget(label, i % half, col)
            grid.addWidget(widget, i % half, col + 1)
            self.fields[name] = widget
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        self.issue_label = QLabel()
        self.issue_label.setObjectName("member_issues")
        self.issue_label.setWordWrap(True)
        self.issue_label.setTextFormat(Qt.TextFormat.RichText)

        self.full_name.textEdited.connect(lambda _t: self._changed("full_name"))
        self.birth_date.textEdited.connect(lambda _t: self._changed("birth_date"))
        self.id_number.textEdited.connect(lambda _t: self._changed("id_number"))
        self.ethnicity.editTextChanged.connect(lambda _t: self._changed("ethnicity"))
        for name, widget in self.fields.items():
            if hasattr(widget, "edited"):
                widget.edited.connect(lambda n=name: self._changed(n))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        layout.addWidget(self.heading)
        layout.addLayout(grid)
        layout.addWidget(self.issue_label)
        self._set_form_enabled(False)

    # -- data --------------------------------------------------------------

    def set_members(self, members: list[Member]) -> None:
        self.members = [dataclasses.replace(m, extra=dict(m.extra)) for m in members]
        self.raw = [{} for _ in self.members]
        self.current = -1
        self._refill_table()
        self.select(0 if self.members else -1)

    def focus_order(self) -> list[QWidget]:
        """The form's widgets in paper-form order (the editor chains Tab through them)."""
        return [self.table, *self.fields.values(), self.add_button, self.remove_button,
                self.up_button, self.down_button]

    def parse_issues(self) -> list[Issue]:
        """Typed texts that do not parse (birth date, ID number), as errors."""
        out: list[Issue] = []
        for i, raw in enumerate(self.raw):
            for name in _TEXT_FIELDS:
                if name not in raw:
                    continue
                try:
                    (parse_birth_date if name == "birth_date" else parse_id_number)(raw[name], name)
                except ValidationError as exc:
                    out.append(Issue(f"members[{i}].{name}", exc.problem, member=i))
        return out

    # -- editing -----------------------------------------------------------

    def add_member(self) -> None:
        head = next((m for m in self.members if m.relation == "head"), None)
        member = Member(member_id=str(uuid.uuid4()), full_name="",
                        relation=None if self.members else "head",
                        ethnicity=head.ethnicity if head else None)
        self.members.append(member)
        self.raw.append({})
        self._refill_table()
        self.select(len(self.members) - 1)
        self.full_name.setFocus()
        self.edited.emit()

    def remove_member(self) -> None:
        i = self.current
        if not 0 <= i < len(self.members) or len(self.members) == 1:
            return
        del self.members[i]
        del self.raw[i]
        self.current = -1
        self._refill_table()
        self.select(min(i, len(self.members) - 1))
        self.edited.emit()

    def move_member(self, step: int) -> None:
        i, j = self.current, self.current + step
        if not (0 <= i < len(self.members) and 0 <= j < len(self.members)):
            return
        self.members[i], self.members[j] = self.members[j], self.members[i]
        self.raw[i], self.raw[j] = self.raw[j], self.raw[i]
        self.current = -1
        self._refill_table()
        self.select(j)
        self.edited.emit()

    def select(self, row: int) -> None:
        if row == self.current or row >= len(self.members):
            return
        self.current = row
        self._set_form_enabled(row >= 0)
        if row < 0:
            return
        if self.table.currentRow() != row:
            self.table.selectRow(row)
        self._load_form()

    def _set_form_enabled(self, enabled: bool) -> None:
        for widget in self.fields.values():
            widget.setEnabled(enabled)
        self.remove_button.setEnabled(enabled and len(self.members) > 1)

    def _load_form(self) -> None:
        m, raw = self.members[self.current], self.raw[self.current]
        self._loading = True
        try:
            self.heading.setText(self.tr("Member %1 of %2").replace("%1", str(self.current + 1))
                                 .replace("%2", str(len(self.members))))
            self.full_name.setText(m.full_name)
            self.birth_date.setText(raw.get("birth_date", format_date(m.birth_date)))
            self.id_number.setText(raw.get("id_number", m.id_number or ""))
            self.ethnicity.setEditText(m.ethnicity or "")
            for name in ("sex", "relation", "able_to_work", "disability", "employment", "health_insurance",
                         "education", "studying", "vocational_certificate", "in_school", "nutrition",
                         "meritorious", "social_protection"):
                self.fields[name].set_value(getattr(m, name))  # type: ignore[attr-defined]
        finally:
            self._loading = False
        self._show_issues()

    def _changed(self, name: str) -> None:
        if self._loading or not 0 <= self.current < len(self.members):
            return
        m, raw = self.members[self.current], self.raw[self.current]
        if name == "full_name":
            m.full_name = self.full_name.text().strip()
        elif name in _TEXT_FIELDS:
            text = (self.birth_date if name == "birth_date" else self.id_number).text()
            try:
                value = (parse_birth_date if name == "birth_date" else parse_id_number)(text, name)
                raw.pop(name, None)
            except ValidationError:
                value = None
                raw[name] = text
            setattr(m, name, value)
        elif name == "ethnicity":
            m.ethnicity = self.ethnicity.currentText().strip() or None
        else:
            setattr(m, name, self.fields[name].value())  # type: ignore[attr-defined]
        self._update_row(self.current)
        self.edited.emit()

    # -- display -----------------------------------------------------------

    def _headers(self) -> list[str]:
        return [self.tr("Full name"), self.tr("Relation"), self.tr("Sex"), self.tr("Birth date"),
                self.tr("ID number"), self.tr("Check")]

    def _refill_table(self) -> None:
        self.table.blockSignals(True)
        self.table.setHorizontalHeaderLabels(self._headers())
        self.table.setRowCount(len(self.members))
        for i in range(len(self.members)):
            self._update_row(i)
        self.table.blockSignals(False)
        self.remove_button.setEnabled(len(self.members) > 1)

    def _update_row(self, i: int) -> None:
        m, raw = self.members[i], self.raw[i]
        texts = [m.full_name or self.tr("(no name yet)"),
                 value_label("relation", m.relation) if m.relation else "",
                 value_label("sex", m.sex) if m.sex else "",
                 raw.get("birth_date", format_date(m.birth_date)),
                 raw.get("id_number", m.id_number or ""), self._status(i)]
        for col, text in enumerate(texts):
            item = self.table.item(i, col)
            if item is None:
                item = QTableWidgetItem()
                self.table.setItem(i, col, item)
            item.setText(text)
        mine = [x for x in self.issues if x.member == i]
        tip = "\n".join(x.message for x in mine)
        for col in range(self.table.columnCount()):
            self.table.item(i, col).setToolTip(tip)

    def _status(self, i: int) -> str:
        mine = [x for x in self.issues if x.member == i]
        if any(x.is_error for x in mine):
            return self.tr("Error")
        return self.tr("Please check") if mine else ""

    def set_issues(self, issues: list[Issue]) -> None:
        """Show the editor's current problems (from the core checks)."""
        self.issues = issues
        for i in range(len(self.members)):
            self._update_row(i)
        self._show_issues()

    def _show_issues(self) -> None:
        mine = [x for x in self.issues if x.member == self.current]
        bad = {x.field.rsplit(".", 1)[-1] for x in mine if x.is_error}
        for name in ("full_name", "birth_date", "id_number", "relation"):
            self.fields[name].setStyleSheet(BAD_FIELD if name in bad else "")
        lines = []
        for x in mine:
            text = (self.tr("Error: %1") if x.is_error else self.tr("Please check: %1")).replace("%1", x.message)
            lines.append(f'<span style="color:{"#b3261e" if x.is_error else "#8a5300"}">{_escape(text)}</span>')
        self.issue_label.setText("<br>".join(lines))
        self.issue_label.setVisible(bool(lines))


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
