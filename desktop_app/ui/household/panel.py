"""The live classification panel beside the household editor's form.

Shows the proposed category (large, coloured), score A, score B, each
deprived indicator with its reason sentence, each unknown indicator with what
to ask, what is missing to decide, the warnings, and the form's problems.
Texts of the classification come from the core (Vietnamese by default).
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from desktop_app.classification import ClassificationResult
from desktop_app.i18n import get_language, t
from desktop_app.services.household_edit import Issue
from desktop_app.standards.model import Standard
from desktop_app.ui.register.model import CATEGORY_COLOURS, category_text

_ERROR, _WARN = "#b3261e", "#8a5300"


class ClassificationPanel(QFrame):
    """Re-filled by the editor after every change (:meth:`show_result`)."""

    def __init__(self, standard: Standard, parent: QWidget | None = None):
        super().__init__(parent)
        self.standard = standard
        self.setObjectName("classification_panel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setMinimumWidth(340)
        self.heading = QLabel(self.tr("Classification (updated as you type)"))
        self.heading.setStyleSheet("font-weight: bold;")
        self.category = QLabel()
        self.category.setObjectName("category")
        self.category.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.category.setWordWrap(True)
        self.category.setMinimumHeight(56)
        self.scores = QLabel()
        self.scores.setObjectName("scores")
        self.scores.setWordWrap(True)
        self.standard_label = QLabel(self.tr("Standard: %1").replace("%1", standard.title.get(get_language())))
        self.standard_label.setWordWrap(True)
        self.standard_label.setStyleSheet("color: #555555;")
        self.details = QLabel()
        self.details.setObjectName("details")
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        inner = QWidget()
        box = QVBoxLayout(inner)
        box.addWidget(self.details)
        box.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(inner)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.category)
        layout.addWidget(self.scores)
        layout.addWidget(self.standard_label)
        layout.addWidget(scroll, 1)

    def show_result(self, result: ClassificationResult, issues: Sequence[Issue] = (),
                    stopped_at_quick_screen: bool = False) -> None:
        """Show ``result`` and the form's ``issues`` (errors block saving)."""
        lang = get_language()
        colour = CATEGORY_COLOURS.get(result.category, ("#444444", "#eeeeee"))
        text = category_text(result.category, official=False)
        if stopped_at_quick_screen:
            stopped = self.tr("Stopped at Form A (quick screen)")
            text = f"{text}\n{stopped}"
        self.category.setText(text)
        self.category.setStyleSheet(
            f"QLabel {{ font-size: 16pt; font-weight: bold; color: {colour[0]}; background: {colour[1]};"
            f" border-radius: 6px; padding: 6px; }}")
        score_a = "—" if result.score_a is None else str(result.score_a)
        parts = [self.tr("Score A: %1").replace("%1", score_a),
                 self.tr("Score B: %1 (%2 deprivations)").replace("%1", str(result.score_b))
                 .replace("%2", str(result.deprived_count))]
        if result.income_per_capita is not None:
            income = f"{int(round(result.income_per_capita)):,}".replace(",", ".")
            parts.append(self.tr("Income: %1 VND per person per month").replace("%1", income))
        self.scores.setText("   ·   ".join(parts))
        html: list[str] = []
        errors = [i for i in issues if i.is_error]
        warnings = [i for i in issues if not i.is_error]
        if errors:
            html.append(self._section(self.tr("To correct before saving"),
                                      [escape(i.message) for i in errors], _ERROR))
        if result.warnings:
            html.append(self._section(self.tr("Warnings"), [escape(w) for w in result.warnings], _WARN))
        if warnings:
            html.append(self._section(self.tr("Please check"), [escape(i.message) for i in warnings], _WARN))
        if result.reasons:
            html.append(self._section(self.tr("Deprived indicators"), [
                f"<b>{escape(self._name(k, lang))}</b>: {escape(r)}" for k, r in self._ordered(result.reasons)],
                _ERROR))
        if result.unknown_reasons and not stopped_at_quick_screen:
            html.append(self._section(self.tr("Not known yet (ask the household)"), [
                f"<b>{escape(self._name(k, lang))}</b>: {escape(r)}"
                for k, r in self._ordered(result.unknown_reasons)], "#333333"))
        if result.missing_text:
            html.append(self._section(self.tr("Needed to decide"), [escape(m) for m in result.missing_text],
                                      "#333333"))
        if not html:
            html.append(escape(self.tr("No deprivation and nothing missing.")))
        self.details.setText("".join(html))

    def _ordered(self, texts: dict[str, str]) -> list[tuple[str, str]]:
        order = {ind.key: ind.order for ind in self.standard.indicators}
        return sorted(texts.items(), key=lambda kv: order.get(kv[0], 99))

    def _name(self, key: str, lang: str) -> str:
        try:
            return self.standard.indicator(key).name.get(lang)
        except KeyError:
            return t(f"field.{key}") if key else key

    @staticmethod
    def _section(title: str, items: list[str], colour: str) -> str:
        lis = "".join(f"<li>{item}</li>" for item in items)
        return (f'<p style="margin-bottom:2px"><b style="color:{colour}">{escape(title)}</b></p>'
                f'<ul style="margin-top:0; margin-left:-20px">{lis}</ul>')
