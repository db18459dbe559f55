"""The first-run setup wizard: draws :class:`desktop_app.setup_flow.SetupFlow`.

Each page shows one step of the core state machine; Next hands the page's
values to the flow, which validates them and names the bad fields (shown in
red under each field, the first one focused). The summary's Finish applies
the plan with :func:`desktop_app.services.setup.apply_setup` (one
transaction). Everything is reachable from the keyboard: every label has a
mnemonic (Alt+letter), Tab moves between fields, Enter presses Next.
"""

from __future__ import annotations

import datetime as _dt
import html
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from desktop_app.domain.labels import value_label
from desktop_app.domain.record import AREAS, REGIONS
from desktop_app.services.setup import SetupResult, apply_setup
from desktop_app.setup_flow import SetupFlow, Step
from desktop_app.standards.loader import StandardRegistry
from desktop_app.storage.database import Database
from desktop_app.ui.errors import show_error
from desktop_app.ui.forms import FieldErrors, hint_label
from desktop_app.ui.icons import app_icon

STEP_IDS: dict[Step, int] = {step: i for i, step in enumerate(Step)}


class AdminForm(QWidget):
    """Full name, username and the password twice (wizard page and the
    dialog that creates a missing administrator share it)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.errors = FieldErrors()
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        self.full_name = QLineEdit()
        self.full_name.setPlaceholderText(self.tr("e.g. Hoàng Thị Mai"))
        self.username = QLineEdit()
        self.username.setPlaceholderText(self.tr("e.g. mai.ht"))
        self.username.setMaxLength(32)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm = QLineEdit()
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)
        self.show_passwords = QCheckBox(self.tr("Sho&w the passwords"))
        self.show_passwords.toggled.connect(self._toggle_echo)
        self.errors.add_row(form, self.tr("&Full name:"), "admin_full_name", self.full_name)
        self.errors.add_row(form, self.tr("&Username:"), "admin_username", self.username,
                            self.tr("Lower-case letters without accents, digits, dot, underscore or hyphen."))
        self.errors.add_row(form, self.tr("&Password:"), "admin_password", self.password,
                            self.tr("At least 8 characters. Turn the Vietnamese typing tool (Unikey) off "
                                    "while typing it."))
        self.errors.add_row(form, self.tr("Password &again:"), "admin_password_confirm", self.confirm)
        form.addRow("", self.show_passwords)

    def _toggle_echo(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        self.password.setEchoMode(mode)
        self.confirm.setEchoMode(mode)

    def values(self) -> dict[str, Any]:
        return {"admin_full_name": self.full_name.text(), "admin_username": self.username.text(),
                "admin_password": self.password.text(), "admin_password_confirm": self.confirm.text()}

    def set_values(self, values: dict[str, Any]) -> None:
        self.full_name.setText(values.get("admin_full_name", ""))
        self.username.setText(values.get("admin_username", ""))
        self.password.setText(values.get("admin_password", ""))
        self.confirm.setText(values.get("admin_password_confirm", ""))


class FlowPage(QWizardPage):
    """A wizard page showing one step of the flow."""

    step: Step

    def __init__(self, flow: SetupFlow, parent: QWidget | None = None):
        super().__init__(parent)
        self.flow = flow
        self.errors = FieldErrors()

    def load(self) -> None:
        """Show the flow's current values."""

    def values(self) -> dict[str, Any]:
        """The values typed on this page, by plan field name."""
        return {}

    def initializePage(self) -> None:  # noqa: N802 - Qt API
        self.flow.current = self.step
        self.errors.clear()
        self.load()

    def cleanupPage(self) -> None:  # noqa: N802 - Qt API
        """Going back keeps what was typed (Qt would reset the fields)."""

    def validatePage(self) -> bool:  # noqa: N802 - Qt API
        self.flow.update(self.values())
        problems = self.flow.validate(self.step)
        self.errors.show((e.field, e.message) for e in problems)
        return not problems

    def nextId(self) -> int:  # noqa: N802 - Qt API
        following = self.flow.next_step(self.step)
        return STEP_IDS[following] if following is not None else -1


class ModePage(FlowPage):
    step = Step.MODE

    def __init__(self, flow: SetupFlow, parent: QWidget | None = None):
        super().__init__(flow, parent)
        self.setTitle(self.tr("Welcome"))
        self.setSubTitle(self.tr("This register is new. A few questions set it up; an administrator account "
                                 "is created at the end."))
        self.commune = QRadioButton(self.tr("&Commune register (xã, phường, đặc khu)"))
        self.district = QRadioButton(self.tr("&Receiving office (sums up the communes' data)"))
        self.group = QButtonGroup(self)
        self.group.addButton(self.commune)
        self.group.addButton(self.district)
        self.commune.toggled.connect(self._changed)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Who keeps this register?")))
        layout.addWidget(self.commune)
        layout.addWidget(self._indented(hint_label(self.tr(
            "For the commune officer: households by village, survey rounds, village meetings, lists and "
            "certificates, support records, reports sent up."))))
        layout.addWidget(self.district)
        layout.addWidget(self._indented(hint_label(self.tr(
            "For the office that receives the communes' sync packages, checks and sums them up. Since July "
            "2025 this may be a provincial department."))))
        layout.addStretch(1)

    @staticmethod
    def _indented(widget: QWidget) -> QWidget:
        widget.setContentsMargins(24, 0, 0, 8)
        return widget

    def _changed(self) -> None:
        self.flow.update(self.values())

    def load(self) -> None:
        (self.district if self.flow.plan.mode == "district" else self.commune).setChecked(True)
        self.commune.setFocus()

    def values(self) -> dict[str, Any]:
        return {"mode": "district" if self.district.isChecked() else "commune"}


class UnitPage(FlowPage):
    step = Step.UNIT

    def __init__(self, flow: SetupFlow, parent: QWidget | None = None):
        super().__init__(flow, parent)
        form = QFormLayout(self)
        self.name = QLineEdit()
        self.code = QLineEdit()
        self.code.setMaxLength(16)
        self.province = QLineEdit()
        self.province.setPlaceholderText(self.tr("e.g. Tỉnh Tuyên Quang"))
        self.area = QComboBox()
        for area in AREAS:
            self.area.addItem(value_label("area", area).capitalize(), area)
        self.region = QComboBox()
        self.region.addItem(self.tr("(not set)"), None)
        for region in REGIONS:
            self.region.addItem(value_label("region", region), region)
        self.office_label = QLineEdit()
        self.name_label, _ = self.errors.add_row(form, "", "name", self.name)
        self.code_label, self.code_hint = self.errors.add_row(form, "", "code", self.code, " ")
        self.errors.add_row(form, self.tr("&Province:"), "province", self.province)
        self.errors.add_row(form, self.tr("Default &area:"), "default_area", self.area,
                            self.tr("Proposed for new households; each household can differ."))
        self.errors.add_row(form, self.tr("Economic re&gion:"), "default_region", self.region,
                            self.tr("Needed to compute score A from the B1 answers of Phiếu B."))
        _, self.office_hint = self.errors.add_row(form, self.tr("Receiving &office label:"), "office_label",
                                                  self.office_label, " ")

    def load(self) -> None:
        plan = self.flow.plan
        if plan.is_commune:
            self.setTitle(self.tr("The commune"))
            self.setSubTitle(self.tr("The commune, ward or special zone whose households this register keeps."))
            self.name_label.setText(self.tr("Commune &name:"))
            self.name.setPlaceholderText(self.tr("e.g. Xã Tân Tiến"))
            self.code_label.setText(self.tr("Administrative &code:"))
            self.code_hint.setText(self.tr("The 5-digit code of the commune in the list of administrative "
                                           "units (e.g. 02287)."))
            self.office_hint.setText(self.tr("What the office that receives this commune's data is called on "
                                             "screens and reports, e.g. «UBND xã» or «Sở Y tế»."))
        else:
            self.setTitle(self.tr("The receiving office"))
            self.setSubTitle(self.tr("The office that receives and sums up the communes' data."))
            self.name_label.setText(self.tr("Office &name:"))
            self.name.setPlaceholderText(self.tr("e.g. Sở Y tế tỉnh Tuyên Quang"))
            self.code_label.setText(self.tr("Office &code:"))
            self.code_hint.setText(self.tr("A short code of the office, e.g. the province code."))
            self.office_hint.setText(self.tr("How this office is called on screens and reports."))
        self.name.setText(plan.name)
        self.code.setText(plan.code)
        self.province.setText(plan.province)
        self.area.setCurrentIndex(max(self.area.findData(plan.default_area), 0))
        index = self.region.findData(plan.default_region) if plan.default_region else 0
        self.region.setCurrentIndex(max(index, 0))
        self.office_label.setText(plan.office_label)
        self.name.setFocus()

    def values(self) -> dict[str, Any]:
        return {"name": self.name.text(), "code": self.code.text(), "province": self.province.text(),
                "default_area": self.area.currentData(), "default_region": self.region.currentData(),
                "office_label": self.office_label.text()}


class VillagesPage(FlowPage):
    step = Step.VILLAGES

    def __init__(self, flow: SetupFlow, parent: QWidget | None = None):
        super().__init__(flow, parent)
        self.setTitle(self.tr("Villages and residential groups"))
        self.setSubTitle(self.tr("The thôn, bản, ấp and tổ dân phố of the commune. More can be added later."))
        layout = QVBoxLayout(self)
        self.villages = QPlainTextEdit()
        self.villages.setTabChangesFocus(True)
        self.villages.setPlaceholderText("Thôn Đông\nThôn Đoài\nBản Nà Cọ\nTổ dân phố 3")
        self.count = QLabel()
        self.villages.textChanged.connect(self._count)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.errors.add_row(form, self.tr("&One name per line, in the order of the lists:"), "villages",
                            self.villages)
        form.addRow(self.count)
        layout.addLayout(form)
        layout.addStretch(1)

    def _count(self) -> None:
        n = len([line for line in self.villages.toPlainText().splitlines() if line.strip()])
        self.count.setText(self.tr("%n village(s) or residential group(s)", "", n))

    def load(self) -> None:
        self.villages.setPlainText("\n".join(self.flow.plan.villages))
        self._count()
        self.villages.setFocus()

    def values(self) -> dict[str, Any]:
        return {"villages": self.villages.toPlainText()}


class AdminPage(FlowPage):
    step = Step.ADMIN

    def __init__(self, flow: SetupFlow, parent: QWidget | None = None):
        super().__init__(flow, parent)
        self.setTitle(self.tr("Administrator"))
        self.setSubTitle(self.tr("The person who manages this register and its user accounts. Other users "
                                 "are added later."))
        self.form = AdminForm()
        self.errors = self.form.errors
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addStretch(1)

    def load(self) -> None:
        self.form.set_values(self.flow.values(Step.ADMIN))
        self.form.full_name.setFocus()

    def values(self) -> dict[str, Any]:
        return self.form.values()


class RoundPage(FlowPage):
    step = Step.ROUND

    def __init__(self, flow: SetupFlow, parent: QWidget | None = None):
        super().__init__(flow, parent)
        self.setTitle(self.tr("First survey round"))
        self.setSubTitle(self.tr("The review the commune is doing now (đợt rà soát)."))
        form = QFormLayout(self)
        self.name = QLineEdit()
        self.kind = QComboBox()
        self.kind.addItem(self.tr("Periodic review (rà soát định kỳ)"), "periodic")
        self.kind.addItem(self.tr("Ad-hoc review (rà soát thường xuyên)"), "ad_hoc")
        self.standard = QComboBox()
        for choice in flow.standards:
            self.standard.addItem(choice.title, choice.id)
            self.standard.setItemData(self.standard.count() - 1, choice.id, Qt.ItemDataRole.ToolTipRole)
        self.start = QDateEdit()
        self.start.setCalendarPopup(True)
        self.start.setDisplayFormat("dd/MM/yyyy")
        self.errors.add_row(form, self.tr("Round &name:"), "round_name", self.name)
        self.errors.add_row(form, self.tr("&Kind:"), "round_kind", self.kind)
        self.errors.add_row(form, self.tr("&Start date:"), "round_start", self.start)
        self.errors.add_row(form, self.tr("Poverty &standard:"), "standard_id", self.standard,
                            self.tr("A periodic review at the end of a year decides the lists of the next year, "
                                    "so it uses the standard of that year."))
        self.kind.currentIndexChanged.connect(self._defaults_changed)
        self.start.dateChanged.connect(self._defaults_changed)
        self._loading = False

    def _defaults_changed(self) -> None:
        if self._loading:
            return
        self.flow.update(self.values())
        self._show_name_and_standard()

    def _show_name_and_standard(self) -> None:
        self._loading = True
        try:
            self.name.setText(self.flow.plan.round_name)
            self.standard.setCurrentIndex(max(self.standard.findData(self.flow.plan.standard_id), 0))
        finally:
            self._loading = False

    def load(self) -> None:
        plan = self.flow.plan
        self._loading = True
        try:
            self.kind.setCurrentIndex(max(self.kind.findData(plan.round_kind), 0))
            self.start.setDate(QDate(plan.round_start.year, plan.round_start.month, plan.round_start.day))
        finally:
            self._loading = False
        self._show_name_and_standard()
        self.name.setFocus()

    def values(self) -> dict[str, Any]:
        d = self.start.date()
        return {"round_name": self.name.text(), "round_kind": self.kind.currentData(),
                "standard_id": self.standard.currentData() or "",
                "round_start": _dt.date(d.year(), d.month(), d.day())}


class SummaryPage(FlowPage):
    step = Step.SUMMARY

    def __init__(self, flow: SetupFlow, apply: Callable[[], bool], parent: QWidget | None = None):
        super().__init__(flow, parent)
        self.apply = apply
        self.setTitle(self.tr("Summary"))
        self.setSubTitle(self.tr("Check the information, then press Finish to create the register."))
        layout = QVBoxLayout(self)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.text)
        layout.addStretch(1)

    def load(self) -> None:
        rows = "".join(
            f"<tr><td style='padding:2px 12px 2px 0'><b>{html.escape(label)}</b></td>"
            f"<td style='padding:2px 0'>{html.escape(value)}</td></tr>"
            for label, value in self.flow.summary())
        self.text.setText(f"<table>{rows}</table>")

    def validatePage(self) -> bool:  # noqa: N802 - Qt API
        problems = self.flow.validate(Step.SUMMARY)
        if problems:  # cannot happen through the pages; kept as a guard
            first = problems[0]
            self.text.setText(html.escape(f"{first.field}: {first.message}"))
            return False
        return bool(self.apply())


class SetupWizard(QWizard):
    """The first-run wizard. After ``exec()`` returns ``Accepted``,
    :attr:`result` holds what was created."""

    def __init__(self, db: Database, registry: StandardRegistry, flow: SetupFlow,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self.registry = registry
        self.flow = flow
        self.result: SetupResult | None = None
        self.setWindowTitle(self.tr("Set up the poverty register"))
        self.setWindowIcon(app_icon())
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setPixmap(QWizard.WizardPixmap.LogoPixmap, app_icon().pixmap(48, 48))
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setMinimumSize(760, 560)
        self.pages: dict[Step, FlowPage] = {
            Step.MODE: ModePage(flow), Step.UNIT: UnitPage(flow), Step.VILLAGES: VillagesPage(flow),
            Step.ADMIN: AdminPage(flow), Step.ROUND: RoundPage(flow), Step.SUMMARY: SummaryPage(flow, self._apply),
        }
        for step, page in self.pages.items():
            self.setPage(STEP_IDS[step], page)
        self.setStartId(STEP_IDS[Step.MODE])

    def page_for(self, step: Step) -> FlowPage:
        return self.pages[step]

    def _apply(self) -> bool:
        try:
            self.result = apply_setup(self.db, self.flow.plan, self.registry)
        except Exception as exc:  # noqa: BLE001 - every error is shown to the user
            show_error(self, exc)
            return False
        return True

