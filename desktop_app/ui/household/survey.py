"""The survey sections of the household editor, laid out like the paper forms:
Phiếu A (quick screen), Phiếu B part B1 (income: score A, or the B1 answers
when the standard has a score table, and the income worksheet) and part B2
(the inputs of the 12 indicators), and the causes of poverty."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QGridLayout, QGroupBox, QLabel, QVBoxLayout, QWidget

from desktop_app.domain.record import INFO_DEVICES, LATRINES, POVERTY_CAUSES, WATER_SOURCES, Survey
from desktop_app.i18n import get_language, t
from desktop_app.services.household_edit import INCOME_SOURCES, QUICK_SCREEN_KEY, WORKSHEET_KEY, income_from_worksheet
from desktop_app.standards.model import Standard
from desktop_app.ui.household.widgets import ChecklistBox, ChoiceCombo, NumberEdit, TriState


def _money(value: float | int | None) -> str:
    return "" if value is None else f"{int(round(value)):,}".replace(",", ".")


class QuickScreenBox(QGroupBox):
    """Phiếu A: one yes / no / unknown per criterion of the standard."""

    edited = Signal()

    def __init__(self, standard: Standard, parent: QWidget | None = None):
        super().__init__(self.tr("Form A — quick screen"), parent)
        self.setObjectName("quick_screen")
        lang = get_language()
        form = QFormLayout(self)
        hint = QLabel(self.tr("If any sign below is present, the household stops here: "
                              "Form B is not filled in."))
        hint.setWordWrap(True)
        form.addRow(hint)
        self.criteria: dict[str, TriState] = {}
        for c in standard.quick_screen:
            box = TriState(self.tr("Yes"), self.tr("No"))
            box.setObjectName(f"qs_{c.key}")
            box.edited.connect(self.edited)
            label = QLabel(c.text.get(lang))
            label.setWordWrap(True)
            label.setBuddy(box)
            form.addRow(label, box)
            self.criteria[c.key] = box

    def value(self) -> dict[str, Any] | None:
        answers = {k: box.value() for k, box in self.criteria.items()}
        return answers if any(v is not None for v in answers.values()) else None

    def set_value(self, answers: dict[str, Any] | None) -> None:
        for k, box in self.criteria.items():
            box.set_value((answers or {}).get(k))

    def focus_order(self) -> list[QWidget]:
        return list(self.criteria.values())


class IncomeBox(QGroupBox):
    """Phiếu B, part B1: score A (or the B1 answers) and the income worksheet."""

    edited = Signal()

    def __init__(self, standard: Standard, parent: QWidget | None = None):
        super().__init__(self.tr("Form B, part B1 — income"), parent)
        self.setObjectName("b1")
        self.standard = standard
        self.members = 0
        lang = get_language()
        layout = QVBoxLayout(self)
        form = QFormLayout()
        layout.addLayout(form)
        self.score_a = NumberEdit(maximum=100_000)
        self.score_a.setObjectName("score_a")
        self.answers: dict[str, ChoiceCombo] = {}
        self.score_label = QLabel()
        if standard.score_table is None:
            label = QLabel(self.tr("Score &A (B1 total written on the form)"))
            label.setBuddy(self.score_a)
            form.addRow(label, self.score_a)
            self.score_a.edited.connect(self.edited)
        else:
            for item in standard.score_table.items:
                keys = list(item.answers)
                combo = ChoiceCombo(None, keys, [item.answers[k].label.get(lang) for k in keys])
                combo.setObjectName(f"b1_{item.key}")
                combo.edited.connect(self.edited)
                label = QLabel(item.question.get(lang))
                label.setWordWrap(True)
                label.setBuddy(combo)
                form.addRow(label, combo)
                self.answers[item.key] = combo
            form.addRow(self.tr("Score A (computed)"), self.score_label)
        layout.addWidget(QLabel(self.tr("Income worksheet: income and production costs of the last 12 months "
                                        "(VND)")))
        grid = QGridLayout()
        grid.addWidget(QLabel(self.tr("Source")), 0, 0)
        grid.addWidget(QLabel(self.tr("Income in 12 months")), 0, 1)
        grid.addWidget(QLabel(self.tr("Production costs")), 0, 2)
        self.worksheet: dict[str, tuple[NumberEdit, NumberEdit]] = {}
        for row, source in enumerate(INCOME_SOURCES, start=1):
            income, cost = NumberEdit(), NumberEdit()
            income.setObjectName(f"income_{source}")
            cost.setObjectName(f"cost_{source}")
            for w in (income, cost):
                w.edited.connect(self._worksheet_edited)
            label = QLabel(t(f"income.{source}"))
            label.setBuddy(income)
            grid.addWidget(label, row, 0)
            grid.addWidget(income, row, 1)
            grid.addWidget(cost, row, 2)
            self.worksheet[source] = (income, cost)
        layout.addLayout(grid)
        bottom = QFormLayout()
        self.income = NumberEdit()
        self.income.setObjectName("income_per_capita")
        self.income.edited.connect(self.edited)
        label = QLabel(self.tr("Income per person per &month (VND)"))
        label.setBuddy(self.income)
        bottom.addRow(label, self.income)
        self.income_hint = QLabel()
        self.income_hint.setWordWrap(True)
        self.income_hint.setStyleSheet("color: #555555;")
        bottom.addRow(self.income_hint)
        layout.addLayout(bottom)

    def _sheet(self) -> dict[str, Any] | None:
        sources = {}
        for source, (income, cost) in self.worksheet.items():
            if income.value() is not None or cost.value() is not None:
                sources[source] = {"income": income.value(), "cost": cost.value()}
        return {"sources": sources} if sources else None

    def _worksheet_edited(self) -> None:
        self.recompute()
        self.edited.emit()

    def set_member_count(self, n: int) -> None:
        if n != self.members:
            self.members = n
            self.recompute()

    def recompute(self) -> None:
        """Income per capita from the worksheet (the field is then read-only)."""
        sheet = self._sheet()
        self.income.setReadOnly(sheet is not None)
        if sheet is None:
            self.income_hint.setText(self.tr("Type the income per person, or fill in the worksheet above and it "
                                             "is computed."))
            return
        value = income_from_worksheet(sheet, self.members)
        self.income.set_value(value)
        self.income_hint.setText(self.tr("Computed: (income − costs) ÷ %1 members ÷ 12 months.")
                                 .replace("%1", str(self.members)))

    def score_text(self, score: int | None) -> None:
        self.score_label.setText("" if score is None else str(score))

    def fill(self, survey: Survey) -> None:
        if self.answers:
            for key, combo in self.answers.items():
                combo.set_value((survey.b1_answers or {}).get(key))
        self.score_a.set_value(survey.score_a)
        sheet = (survey.extra.get(WORKSHEET_KEY) or {}).get("sources") or {}
        for source, (income, cost) in self.worksheet.items():
            income.set_value((sheet.get(source) or {}).get("income"))
            cost.set_value((sheet.get(source) or {}).get("cost"))
        self.income.set_value(survey.income_per_capita)
        self.recompute()

    def apply(self, survey: Survey) -> None:
        if self.answers:
            answers = {k: c.value() for k, c in self.answers.items() if c.value() is not None}
            survey.b1_answers = answers or None
            survey.score_a = None
        else:
            survey.score_a = self.score_a.value()  # type: ignore[assignment]
        sheet = self._sheet()
        if sheet is not None:
            survey.extra[WORKSHEET_KEY] = sheet
        else:
            survey.extra.pop(WORKSHEET_KEY, None)
        survey.income_per_capita = self.income.value()

    def invalid_fields(self) -> list[str]:
        edits = [self.score_a, self.income] + [w for pair in self.worksheet.values() for w in pair]
        return [w.objectName() for w in edits if not w.is_valid()]

    def focus_order(self) -> list[QWidget]:
        first: list[QWidget] = list(self.answers.values()) if self.answers else [self.score_a]
        return first + [w for pair in self.worksheet.values() for w in pair] + [self.income]


class DeprivationBox(QGroupBox):
    """Phiếu B, part B2: the answers behind the 12 indicators that are not
    asked per member (housing, water, latrine, information)."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(self.tr("Form B, part B2 — basic social services"), parent)
        self.setObjectName("b2")
        form = QFormLayout(self)
        durable, weak = self.tr("Durable"), self.tr("Not durable")
        self.house_none = TriState(self.tr("No house"), self.tr("Has a house"))
        self.walls_durable = TriState(durable, weak)
        self.columns_durable = TriState(durable, weak)
        self.roof_durable = TriState(durable, weak)
        self.floor_area_m2 = NumberEdit(decimals=1, maximum=100_000)
        self.water_source = ChoiceCombo("water_source", WATER_SOURCES)
        self.latrine = ChoiceCombo("latrine", LATRINES)
        self.internet_use = TriState(self.tr("Yes, a member uses it"), self.tr("No member uses it"))
        self.info_devices = ChecklistBox("info_devices", INFO_DEVICES, columns=3)
        self.hears_loudspeaker = TriState()
        rows = (
            ("house_none", self.tr("Does the household have a house?"), self.house_none),
            ("walls_durable", self.tr("&Walls"), self.walls_durable),
            ("columns_durable", self.tr("&Columns"), self.columns_durable),
            ("roof_durable", self.tr("Roo&f"), self.roof_durable),
            ("floor_area_m2", self.tr("Floor area (m²)"), self.floor_area_m2),
            ("water_source", self.tr("Main drinking &water source"), self.water_source),
            ("latrine", self.tr("&Latrine"), self.latrine),
            ("internet_use", self.tr("Internet use"), self.internet_use),
            ("info_devices", self.tr("Information devices"), self.info_devices),
            ("hears_loudspeaker", self.tr("Hears the commune or village loudspeakers"), self.hears_loudspeaker),
        )
        self.fields: dict[str, QWidget] = {}
        for name, text, widget in rows:
            widget.setObjectName(name)
            label = QLabel(text)
            label.setWordWrap(True)
            label.setBuddy(widget)
            form.addRow(label, widget)
            widget.edited.connect(self.edited)  # type: ignore[attr-defined]
            self.fields[name] = widget
        self.house_none.edited.connect(self._house_toggled)

    def _house_toggled(self) -> None:
        no_house = self.house_none.value() is True
        for name in ("walls_durable", "columns_durable", "roof_durable", "floor_area_m2"):
            self.fields[name].setEnabled(not no_house)

    def fill(self, survey: Survey) -> None:
        for name, widget in self.fields.items():
            widget.set_value(getattr(survey, name))  # type: ignore[attr-defined]
        self._house_toggled()

    def apply(self, survey: Survey) -> None:
        for name, widget in self.fields.items():
            setattr(survey, name, widget.value())  # type: ignore[attr-defined]

    def invalid_fields(self) -> list[str]:
        return [] if self.floor_area_m2.is_valid() else ["floor_area_m2"]

    def focus_order(self) -> list[QWidget]:
        out: list[QWidget] = []
        for widget in self.fields.values():
            out.extend(widget.focus_widgets() if isinstance(widget, ChecklistBox) else [widget])
        return out


class CausesBox(QGroupBox):
    """Causes of poverty (several allowed; none ticked = not recorded)."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(self.tr("Causes of poverty (several allowed)"), parent)
        self.setObjectName("causes")
        layout = QVBoxLayout(self)
        self.box = ChecklistBox("poverty_causes", POVERTY_CAUSES, columns=2, unknown_box=False)
        self.box.edited.connect(self.edited)
        layout.addWidget(self.box)

    def fill(self, survey: Survey) -> None:
        self.box.set_value(survey.poverty_causes)

    def apply(self, survey: Survey) -> None:
        survey.poverty_causes = self.box.value()

    def focus_order(self) -> list[QWidget]:
        return self.box.focus_widgets()


def apply_quick_screen(box: QuickScreenBox, survey: Survey) -> None:
    value = box.value()
    if value is None:
        survey.extra.pop(QUICK_SCREEN_KEY, None)
    else:
        survey.extra[QUICK_SCREEN_KEY] = value
