"""The Reports page: choose a report, its parameters and the output file,
create it off the GUI thread, then open it.

Reports: the village-meeting list (PDF), the posting list (PDF), the summary
tables (Excel), the full household list (Excel) and the import of a
household list from Excel (a dialog, :class:`ExcelImportDialog`).
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDateEdit, QFileDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QListWidget,
    QPushButton, QVBoxLayout, QWidget,
)

from desktop_app import i18n
from desktop_app.services import Changes
from desktop_app.services.register import list_rounds, list_villages
from desktop_app.storage.database import Database
from desktop_app.ui.errors import show_error
from desktop_app.ui.pages.base import Page
from desktop_app.ui.reports.import_dialog import ExcelImportDialog
from desktop_app.ui.tasks import TaskRunner

#: report kinds in the order of the list
KINDS = ("village_list", "posting_list", "tables", "household_list", "import")
PDF_KINDS = ("village_list", "posting_list")
_FILE_STEMS = {"village_list": "danh-sach-hop-dan", "posting_list": "danh-sach-niem-yet",
               "tables": "bieu-tong-hop", "household_list": "danh-sach-ho"}


def _to_date(q: QDate) -> _dt.date:
    return _dt.date(q.year(), q.month(), q.day())


def make_report(db: Database, kind: str, out: Path, params: dict[str, Any], lang: str,
                progress: Callable[[int, int], bool] | None = None) -> Path:
    """Assemble and write one report (runs on the worker thread; Qt-free)."""
    from desktop_app import reports as writers
    from desktop_app.services import report_tables, reports

    if progress is not None:
        progress(0, 0)
    rnd = params.get("round")
    if kind == "village_list":
        data = reports.village_meeting_list(db, rnd, params["village"], params.get("meeting_date"))
        writers.write_village_meeting_list(out, data, lang)
    elif kind == "posting_list":
        data = reports.posting_list(db, rnd, params.get("village"), params.get("start"), params.get("end"))
        writers.write_posting_list(out, data, lang)
    elif kind == "tables":
        writers.write_summary_workbook(out, report_tables.summary(db, rnd), lang)
    elif kind == "household_list":
        info = reports.resolve_round(db, rnd)
        rows = report_tables.household_rows(db, info.id, id_numbers=params.get("id_numbers", True))
        writers.write_household_list(out, rows, reports.commune_data(db, info.commune_id), info.name, lang)
    else:
        raise ValueError(kind)
    return out


class ReportsPage(Page):
    """Reports, exports and the Excel import (see the module doc).

    ``ReportsPage(state)`` in the main window; ``ReportsPage(db, actor)``
    works too (tests, other windows).
    """

    icon = "reports"
    #: emitted after an operation changed data (the Excel import)
    data_changed = Signal(object)
    #: emitted with the path of each report written
    report_written = Signal(str)

    def __init__(self, state: Any, actor: Any = None, parent: QWidget | None = None):
        super().__init__(state if not isinstance(state, Database) else None, parent)  # type: ignore[arg-type]
        self.db: Database = state if isinstance(state, Database) else state.db
        self.actor = actor if actor is not None else getattr(state, "actor", None)
        self.runner = TaskRunner(self)
        self.last_output: Path | None = None
        self.task = None

        self.heading = QLabel()
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.heading.setFont(font)
        self.kinds = QListWidget()
        self.kinds.setMaximumWidth(260)
        self.description = QLabel()
        self.description.setWordWrap(True)

        self.round_combo = QComboBox()
        self.village_combo = QComboBox()
        self.meeting_check = QCheckBox()
        self.meeting_date = QDateEdit(QDate.currentDate())
        self.meeting_date.setCalendarPopup(True)
        self.meeting_date.setDisplayFormat("dd/MM/yyyy")
        self.meeting_date.setEnabled(False)
        self.meeting_check.toggled.connect(self.meeting_date.setEnabled)
        self.posting_check = QCheckBox()
        self.posting_check.setChecked(True)
        self.start_date = QDateEdit(QDate.currentDate())
        self.end_date = QDateEdit(QDate.currentDate().addDays(4))
        for edit in (self.start_date, self.end_date):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd/MM/yyyy")
            self.posting_check.toggled.connect(edit.setEnabled)
        self.no_ids = QCheckBox()
        self.output = QLineEdit()
        self.browse = QPushButton()
        self.browse.clicked.connect(self.choose_output)
        self.create_button = QPushButton()
        self.create_button.setDefault(True)
        self.create_button.clicked.connect(self.create_report)
        self.import_button = QPushButton()
        self.import_button.clicked.connect(self.open_import)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.open_button = QPushButton()
        self.open_button.setEnabled(False)
        self.open_button.clicked.connect(self.open_output)

        out_row = QHBoxLayout()
        out_row.addWidget(self.output, 1)
        out_row.addWidget(self.browse)
        meeting_row = QHBoxLayout()
        meeting_row.addWidget(self.meeting_check)
        meeting_row.addWidget(self.meeting_date, 1)
        posting_row = QHBoxLayout()
        posting_row.addWidget(self.posting_check)
        posting_row.addWidget(self.start_date, 1)
        posting_row.addWidget(QLabel("–"))
        posting_row.addWidget(self.end_date, 1)
        self.form = QFormLayout()
        self.labels = {key: QLabel() for key in ("round", "village", "meeting", "posting", "privacy", "output")}
        self.rows = {"round": self.round_combo, "village": self.village_combo, "meeting": meeting_row,
                     "posting": posting_row, "privacy": self.no_ids, "output": out_row}
        buddies = {"round": self.round_combo, "village": self.village_combo, "meeting": self.meeting_check,
                   "posting": self.posting_check, "privacy": self.no_ids, "output": self.output}
        for key, widget in self.rows.items():
            self.form.addRow(self.labels[key], widget)
            self.labels[key].setBuddy(buddies[key])
        buttons = QHBoxLayout()
        buttons.addWidget(self.create_button)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(self.description)
        right.addLayout(self.form)
        right.addLayout(buttons)
        right.addWidget(self.status)
        right.addStretch(1)
        body = QHBoxLayout()
        body.addWidget(self.kinds)
        body.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(body, 1)

        self.round_combo.currentIndexChanged.connect(self._load_villages)
        self.kinds.currentRowChanged.connect(self._kind_changed)
        self.retranslate()
        self.reload()
        self.kinds.setCurrentRow(0)

    # ------------------------------------------------------------------ texts

    def title(self) -> str:
        return self.tr("Reports")

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Reports and exports"))
        names = [self.tr("Village-meeting list (PDF)"), self.tr("Public posting list (PDF)"),
                 self.tr("Summary tables (Excel)"), self.tr("Household list export (Excel)"),
                 self.tr("Import households from Excel")]
        row = self.kinds.currentRow()
        self.kinds.blockSignals(True)
        self.kinds.clear()
        self.kinds.addItems(names)
        self.kinds.setCurrentRow(max(row, 0))
        self.kinds.blockSignals(False)
        self.labels["round"].setText(self.tr("Survey &round:"))
        self.labels["village"].setText(self.tr("&Village:"))
        self.labels["meeting"].setText(self.tr("Meeting date:"))
        self.labels["posting"].setText(self.tr("Posting period:"))
        self.labels["privacy"].setText(self.tr("Privacy:"))
        self.labels["output"].setText(self.tr("Output &file:"))
        self.meeting_check.setText(self.tr("print the date"))
        self.posting_check.setText(self.tr("set the dates"))
        self.no_ids.setText(self.tr("Leave out citizen ID numbers"))
        self.browse.setText(self.tr("&Browse…"))
        self.create_button.setText(self.tr("&Create"))
        self.import_button.setText(self.tr("&Import from Excel…"))
        self.open_button.setText(self.tr("&Open the file"))
        self._apply_kind()
        if self.round_combo.count():
            self._load_villages()

    def _descriptions(self) -> dict[str, str]:
        return {
            "village_list": self.tr("The proposed classification of one village's reviewed households, "
                                    "to read out and vote on at the village meeting."),
            "posting_list": self.tr("The list posted publicly at the village hall and the commune office, "
                                    "grouped by result, with where to send complaints."),
            "tables": self.tr("The commune's summary tables of the round, to send to the receiving office."),
            "household_list": self.tr("Every household of the commune, one row per household."),
            "import": self.tr("Import an existing household list (one row per member): check it, choose how "
                              "to treat rows with errors, then import."),
        }

    # ------------------------------------------------------------------ data

    def kind(self) -> str:
        row = self.kinds.currentRow()
        return KINDS[row] if 0 <= row < len(KINDS) else KINDS[0]

    def reload(self) -> None:
        """Read the rounds (newest first) and the villages of the chosen round's commune."""
        current = self.round_combo.currentData()
        self.round_combo.blockSignals(True)
        self.round_combo.clear()
        for r in list_rounds(self.db):
            self.round_combo.addItem(r.name, r.id)
        index = self.round_combo.findData(current) if current else -1
        self.round_combo.setCurrentIndex(index if index >= 0 else 0)
        self.round_combo.blockSignals(False)
        self._load_villages()

    def _load_villages(self) -> None:
        rid = self.round_combo.currentData()
        commune = next((r.commune_id for r in list_rounds(self.db) if r.id == rid), None)
        current = self.village_combo.currentText()
        self.village_combo.clear()
        if self.kind() == "posting_list":
            self.village_combo.addItem(self.tr("(whole commune)"), None)
        for v in list_villages(self.db, commune) if commune else []:
            self.village_combo.addItem(v.name, v.name)
        index = self.village_combo.findText(current)
        if index >= 0:
            self.village_combo.setCurrentIndex(index)

    def refresh(self, changes: Changes) -> None:
        if changes.kinds & {"rounds", "villages", "communes"}:
            self.reload()

    def _kind_changed(self, _row: int) -> None:
        """Another report chosen: show its parameters and forget the last file."""
        self._apply_kind()
        self._load_villages()
        self.output.clear()
        self.open_button.setEnabled(False)
        self.status.clear()

    def _apply_kind(self) -> None:
        kind = self.kind()
        self.description.setText(self._descriptions()[kind])
        shown = {"village_list": {"round", "village", "meeting", "output"},
                 "posting_list": {"round", "village", "posting", "output"},
                 "tables": {"round", "output"}, "household_list": {"round", "privacy", "output"},
                 "import": set()}[kind]
        for key, label in self.labels.items():
            self.form.setRowVisible(label, key in shown)
        self.create_button.setVisible(kind != "import")
        self.import_button.setVisible(kind == "import")

    # ------------------------------------------------------------------ actions

    def _suffix(self) -> str:
        return ".pdf" if self.kind() in PDF_KINDS else ".xlsx"

    def choose_output(self) -> None:
        stem = _FILE_STEMS.get(self.kind(), "bao-cao")
        if self.kind() == "village_list" and self.village_combo.currentText():
            from desktop_app.domain.text import fold

            stem += "-" + fold(self.village_combo.currentText()).replace(" ", "-")
        suggested = self.output.text() or str(Path.home() / f"{stem}{self._suffix()}")
        pattern = self.tr("PDF files (*.pdf)") if self._suffix() == ".pdf" else self.tr("Excel files (*.xlsx)")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the report as"), suggested, pattern)
        if path:
            self.output.setText(path if path.lower().endswith(self._suffix()) else path + self._suffix())

    def params(self) -> dict[str, Any]:
        """The chosen parameters of the current report."""
        kind = self.kind()
        out: dict[str, Any] = {"round": self.round_combo.currentData()}
        if kind in PDF_KINDS:
            out["village"] = self.village_combo.currentData()
        if kind == "village_list" and self.meeting_check.isChecked():
            out["meeting_date"] = _to_date(self.meeting_date.date())
        if kind == "posting_list" and self.posting_check.isChecked():
            out["start"], out["end"] = _to_date(self.start_date.date()), _to_date(self.end_date.date())
        if kind == "household_list":
            out["id_numbers"] = not self.no_ids.isChecked()
        return out

    def create_report(self) -> None:
        """Write the chosen report off the GUI thread (asks for the file when none is set)."""
        if not self.output.text().strip():
            self.choose_output()
            if not self.output.text().strip():
                return
        if self.kind() == "village_list" and not self.village_combo.currentData():
            self.status.setText(self.tr("Choose a village first."))
            return
        out = Path(self.output.text().strip())
        self.create_button.setEnabled(False)
        self.open_button.setEnabled(False)
        self.status.setText(self.tr("Creating the report…"))
        self.task = self.task_runner().run(make_report, self.db, self.kind(), out, self.params(), i18n.get_language(),
                                    label=self.tr("Creating the report…"))
        self.task.finished.connect(self._written)
        self.task.failed.connect(self._failed)
        self.task.cancelled.connect(self._cancelled)

    def _written(self, path: Path) -> None:
        self.last_output = Path(path)
        self.create_button.setEnabled(True)
        self.open_button.setEnabled(True)
        self.status.setText(self.tr("Saved: %1").replace("%1", str(path)))
        self.report_written.emit(str(path))

    def _failed(self, exc: BaseException) -> None:
        self.create_button.setEnabled(True)
        self.status.setText(str(exc))
        show_error(self, exc)

    def _cancelled(self) -> None:
        self.create_button.setEnabled(True)
        self.status.setText(self.tr("Cancelled; no file was written."))

    def task_runner(self) -> TaskRunner:
        """The main window's runner when there is one (one writer at a time), else the page's own."""
        shared = getattr(self.window(), "tasks", None)
        return shared if isinstance(shared, TaskRunner) else self.runner

    def open_output(self) -> None:
        """Open the last written file with the system's viewer."""
        if self.last_output is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.last_output)))

    def open_import(self) -> ExcelImportDialog:
        """Open the Excel import dialog (non-modal; returned for tests)."""
        dialog = ExcelImportDialog(self.db, self, round_id=self.round_combo.currentData(), runner=self.task_runner())
        dialog.imported.connect(self._imported)
        dialog.show()
        return dialog

    def _imported(self, changes: Changes) -> None:
        self.data_changed.emit(changes)
        apply = getattr(self.window(), "apply_changes", None)
        if callable(apply):
            apply(changes)
