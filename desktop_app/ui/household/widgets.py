"""Input widgets of the household editor where every answer may be unknown.

"Chưa rõ" (unknown, ``None``) is always a choice and the default: the
classification never guesses, so a blank answer must stay blank. Every
widget emits ``edited`` when the officer changes it (not when the editor
fills it in), so the editor can re-classify and mark unsaved changes.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QGridLayout, QLineEdit, QWidget

from desktop_app.domain.labels import value_label




class ChoiceCombo(QComboBox):
    """A coded value or unknown. Typing the first letters of a label selects it."""

    edited = Signal()

    def __init__(self, group: str | None, values: Sequence[str], labels: Sequence[str] | None = None,
                 parent: QWidget | None = None, unknown_text: str | None = None):
        super().__init__(parent)
        self.addItem(unknown_text or QCoreApplication.translate("SurveyInputs", "Unknown"), None)
        for i, value in enumerate(values):
            text = labels[i] if labels is not None else value_label(group or "", value)
            self.addItem(text[:1].upper() + text[1:], value)
        self.activated.connect(lambda _i: self.edited.emit())

    def value(self) -> Any:
        return self.currentData()

    def set_value(self, value: Any) -> None:
        i = self.findData(value) if value is not None else 0
        self.setCurrentIndex(max(i, 0))


class TriState(ChoiceCombo):
    """Yes / No / Unknown (``True`` / ``False`` / ``None``), with optional
    wording for yes and no ("Bền chắc" / "Không bền chắc")."""

    def __init__(self, yes: str | None = None, no: str | None = None, parent: QWidget | None = None):
        yes = yes or QCoreApplication.translate("SurveyInputs", "Yes")
        no = no or QCoreApplication.translate("SurveyInputs", "No")
        super().__init__(None, (True, False), (yes, no), parent)  # type: ignore[arg-type]

    def set_value(self, value: Any) -> None:
        self.setCurrentIndex({None: 0, True: 1, False: 2}.get(value, 0))


class NumberEdit(QLineEdit):
    """A number that may be blank (unknown). Accepts "1.500.000", "1 500 000"
    and "36,5"; ``value()`` is ``None`` when blank or not a number."""

    edited = Signal()

    def __init__(self, decimals: int = 0, maximum: float = 1e12, parent: QWidget | None = None):
        super().__init__(parent)
        self.decimals = decimals
        self.maximum = maximum
        self.textEdited.connect(self._changed)

    def _changed(self, _text: str) -> None:
        self.setStyleSheet("" if self.is_valid() else "QLineEdit { border: 2px solid #b3261e; }")
        self.edited.emit()

    def value(self) -> float | int | None:
        text = "".join(self.text().split())
        text = text.replace(",", ".") if self.decimals else text.replace(".", "").replace(",", "")
        if not text:
            return None
        try:
            number = float(text)
        except ValueError:
            return None
        if not 0 <= number <= self.maximum:
            return None
        return int(number) if number.is_integer() else number

    def is_valid(self) -> bool:
        return not self.text().strip() or self.value() is not None

    def set_value(self, value: float | int | None) -> None:
        if value is None:
            self.clear()
        elif isinstance(value, float) and not value.is_integer():
            self.setText(f"{value:.{max(self.decimals, 1)}f}".replace(".", ","))
        else:
            self.setText(str(int(value)))


class ChecklistBox(QWidget):
    """Several choices (information devices, causes of poverty). With
    ``unknown_box`` a first box "Unknown" makes the value ``None`` and
    disables the others; otherwise nothing ticked is ``None`` too."""

    edited = Signal()

    def __init__(self, group: str, values: Sequence[str], columns: int = 2, unknown_box: bool = True,
                 parent: QWidget | None = None, none_means_empty: bool = False):
        super().__init__(parent)
        self.group = group
        self.none_means_empty = none_means_empty
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        self.unknown: QCheckBox | None = None
        offset = 0
        if unknown_box:
            self.unknown = QCheckBox(QCoreApplication.translate("SurveyInputs", "Unknown (not asked yet)"))
            self.unknown.setChecked(True)
            self.unknown.toggled.connect(self._unknown_toggled)
            grid.addWidget(self.unknown, 0, 0, 1, columns)
            offset = 1
        self.boxes: dict[str, QCheckBox] = {}
        for i, value in enumerate(values):
            text = value_label(group, value)
            box = QCheckBox(text[:1].upper() + text[1:])
            box.toggled.connect(lambda _c: self.edited.emit())
            grid.addWidget(box, offset + i // columns, i % columns)
            self.boxes[value] = box
        self._unknown_toggled(bool(self.unknown and self.unknown.isChecked()), emit=False)

    def _unknown_toggled(self, checked: bool, emit: bool = True) -> None:
        for box in self.boxes.values():
            box.setEnabled(not checked)
        if emit:
            self.edited.emit()

    def value(self) -> list[str] | None:
        if self.unknown is not None and self.unknown.isChecked():
            return None
        chosen = [v for v, box in self.boxes.items() if box.isChecked()]
        return chosen or ([] if self.unknown is not None else None)

    def set_value(self, value: Sequence[str] | None) -> None:
        for v, box in self.boxes.items():
            box.blockSignals(True)
            box.setChecked(value is not None and v in value)
            box.blockSignals(False)
        if self.unknown is not None:
            self.unknown.blockSignals(True)
            self.unknown.setChecked(value is None)
            self.unknown.blockSignals(False)
            self._unknown_toggled(value is None, emit=False)

    def focus_widgets(self) -> list[QWidget]:
        """The boxes in Tab order."""
        return ([self.unknown] if self.unknown is not None else []) + list(self.boxes.values())
