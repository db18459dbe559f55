"""The Excel import dialog: file → column mapping → preview → mode → import → summary.

1. choose the workbook; it is read and checked off the GUI thread
   (:func:`desktop_app.services.excel_import.preview_import`);
2. the column mapping shows, per field, the header detected (editable with a
   combo box; "automatic" keeps the detection); "Check again" re-reads;
3. the preview lists the households: valid ones, and rejected ones shaded
   with their errors;
4. the officer chooses "chỉ nhập dòng hợp lệ" or "tất cả hoặc không";
5. import (one transaction) then a summary; the rejection report can be saved.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QDialog, QDialogButtonBox, QFileDialog, QGroupBox, QHBoxLayout, QHeaderView,
    QLabel, QLineEdit, QPushButton, QRadioButton, QSplitter, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from desktop_app import i18n
from desktop_app.reports import COLUMNS, write_rejection_report
from desktop_app.reports.import_columns import column_label
from desktop_app.services.excel_import import (
    ALL_OR_NOTHING, VALID_ONLY, ExcelImportOutcome, ImportPreview, ImportRefused, import_excel, preview_import,
)
from desktop_app.storage.database import Database
from desktop_app.ui.errors import show_error
from desktop_app.ui.tasks import TaskRunner

ERROR_BRUSH = QBrush(QColor("#FFD7D7"))


def _cell(raw: tuple, index: dict[str, int], field: str) -> str:
    """The text of ``field``'s cell in a raw row ("" when absent)."""
    i = index.get(field)
    value = raw[i] if i is not None and i < len(raw) else None
    return "" if value is None else str(value).strip()


def preview_rows(preview: ImportPreview) -> list[tuple[str, str, str, int, str, bool]]:
    """(code, village, head, rows, status, ok) per household, valid ones first in file order,
    then the rejected ones with their errors."""
    out: list[tuple[str, str, str, int, str, bool]] = []
    result = preview.result
    for r in result.records:
        members = r.get("members") or []
        head = next((m for m in members if m.get("relation") == "head"), members[0] if members else {})
        out.append((str(r.get("household_code") or ""), str(r.get("village") or ""), str(head.get("full_name") or ""),
                    len(members), "", True))
    index = {field: result.headers.index(header) for field, header in result.columns.items()
             if header in result.headers}
    by_code: dict[str, list[tuple[int, tuple, str]]] = {}
    last = ""
    for number, raw, note in result.rejected_rows:
        last = _cell(raw, index, "household_code") or last or f"?{number}"
        by_code.setdefault(last, []).append((number, raw, note))
    errors_by_row: dict[int, list[str]] = {}
    for e in result.errors:
        errors_by_row.setdefault(e.row, []).append(e.text)
    for code, rows in by_code.items():
        first = rows[0][1]
        texts = [text for number, _, _ in rows for text in errors_by_row.get(number, [])]
        out.append((code, _cell(first, index, "village"), _cell(first, index, "full_name"), len(rows),
                    "\n".join(texts) or rows[0][2], False))
    return out


class ExcelImportDialog(QDialog):
    """Import a household list from Excel (see the module doc)."""

    #: emitted with the :class:`~desktop_app.services.Changes` of a finished import
    imported = Signal(object)
    #: emitted when a preview (or re-check) is ready
    previewed = Signal(object)
    #: emitted with the outcome when an import finished (also a refused one)
    finished_import = Signal(object)

    def __init__(self, db: Database, parent: QWidget | None = None, round_id: str | None = None,
                 runner: TaskRunner | None = None):
        super().__init__(parent)
        self.db = db
        self.round_id = round_id
        self.runner = runner or TaskRunner(self)
        self.preview: ImportPreview | None = None
        self.outcome: ExcelImportOutcome | None = None
        self.setWindowTitle(self.tr("Import households from Excel"))
        self.resize(980, 680)

        self.file_edit = QLineEdit()
        self.file_edit.setReadOnly(True)
        self.browse = QPushButton(self.tr("&Choose file…"))
        self.browse.clicked.connect(self.choose_file)
        file_row = QHBoxLayout()
        file_row.addWidget(QLabel(self.tr("Workbook:")))
        file_row.addWidget(self.file_edit, 1)
        file_row.addWidget(self.browse)

        self.mapping = QTableWidget(len(COLUMNS), 2)
        self.mapping.setHorizontalHeaderLabels([self.tr("Field"), self.tr("Column in the file")])
        self.mapping.verticalHeader().hide()
        self.mapping.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.mapping.horizontalHeader().setStretchLastSection(True)
        self.combos: dict[str, QComboBox] = {}
        lang = i18n.get_language()
        for row, col in enumerate(COLUMNS):
            label = QTableWidgetItem(column_label(col.field, lang) + (" *" if col.required else ""))
            label.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.mapping.setItem(row, 0, label)
            combo = QComboBox()
            self.combos[col.field] = combo
            self.mapping.setCellWidget(row, 1, combo)
        self.recheck = QPushButton(self.tr("Check &again with this mapping"))
        self.recheck.clicked.connect(self.check_again)
        map_box = QGroupBox(self.tr("Column mapping"))
        map_layout = QVBoxLayout(map_box)
        map_layout.addWidget(self.mapping)
        map_layout.addWidget(self.recheck)

        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels([self.tr("Household code"), self.tr("Village"), self.tr("Head"),
                                              self.tr("Rows"), self.tr("Errors")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.counts = QLabel()
        preview_box = QGroupBox(self.tr("Preview"))
        preview_layout = QVBoxLayout(preview_box)
        preview_layout.addWidget(self.counts)
        preview_layout.addWidget(self.table)
        splitter = QSplitter()
        splitter.addWidget(map_box)
        splitter.addWidget(preview_box)
        splitter.setStretchFactor(1, 2)

        self.valid_only = QRadioButton(self.tr("&Valid rows only (households with errors are left out)"))
        self.all_or_nothing = QRadioButton(self.tr("&All or nothing (nothing is imported if any row has an error)"))
        self.valid_only.setChecked(True)
        mode_row = QHBoxLayout()
        mode_row.addWidget(self.valid_only)
        mode_row.addWidget(self.all_or_nothing)
        mode_row.addStretch(1)
        self.import_button = QPushButton(self.tr("&Import"))
        self.import_button.clicked.connect(self.start_import)
        self.save_rejects = QPushButton(self.tr("&Save the rejection report…"))
        self.save_rejects.clicked.connect(self.choose_rejection_path)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        action_row = QHBoxLayout()
        action_row.addWidget(self.import_button)
        action_row.addWidget(self.save_rejects)
        action_row.addStretch(1)
        action_row.addWidget(buttons)

        layout = QVBoxLayout(self)
        layout.addLayout(file_row)
        layout.addWidget(splitter, 1)
        layout.addLayout(mode_row)
        layout.addWidget(self.summary)
        layout.addLayout(action_row)
        self._set_ready(False)

    # ------------------------------------------------------------------ steps

    def _set_ready(self, ready: bool) -> None:
        self.import_button.setEnabled(ready and bool(self.preview and self.preview.result.records))
        self.recheck.setEnabled(ready)
        self.save_rejects.setEnabled(ready and bool(self.preview and self.preview.result.rejected))

    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose the household list"), str(Path.home()),
                                              self.tr("Excel files (*.xlsx)"))
        if path:
            self.load_file(path)

    def load_file(self, path: str | Path, mapping: dict[str, str] | None = None) -> None:
        """Read and check the workbook off the GUI thread (detected mapping unless ``mapping``)."""
        self.file_edit.setText(str(path))
        self.outcome = None
        self.summary.setText(self.tr("Reading and checking the file…"))
        self._set_ready(False)
        task = self.runner.run(self._preview_job, Path(path), mapping or None, label=self.tr("Checking the file…"))
        task.finished.connect(self._show_preview)
        task.failed.connect(self._failed)

    def _preview_job(self, path: Path, mapping: dict[str, str] | None, progress: Any = None) -> ImportPreview:
        return preview_import(self.db, path, mapping, round_ref=self.round_id, lang=i18n.get_language())

    def mapping_choice(self) -> dict[str, str]:
        """The headers chosen in the combo boxes (fields left on "automatic" are left out)."""
        return {field: combo.currentData() for field, combo in self.combos.items() if combo.currentData()}

    def check_again(self) -> None:
        if self.file_edit.text():
            self.load_file(self.file_edit.text(), self.mapping_choice())

    def _show_preview(self, preview: ImportPreview) -> None:
        self.preview = preview
        result = preview.result
        headers = [h for h in result.headers if h]
        for field, combo in self.combos.items():
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("(automatic)"), None)
            for h in headers:
                combo.addItem(h, h)
            chosen = result.columns.get(field)
            combo.setCurrentIndex(combo.findData(chosen) if chosen else 0)
            combo.blockSignals(False)
        rows = preview_rows(preview)
        self.table.setRowCount(len(rows))
        for r, (code, village, head, count, status, ok) in enumerate(rows):
            for c, value in enumerate((code, village, head, str(count), status or self.tr("valid"))):
                item = QTableWidgetItem(value)
                if not ok:
                    item.setBackground(ERROR_BRUSH)
                    item.setToolTip(status)
                self.table.setItem(r, c, item)
        self.table.resizeRowsToContents()
        self.counts.setText(self.tr("%1 rows, %2 households: %3 valid, %4 with errors (%5 errors).")
                            .replace("%1", str(result.rows_read)).replace("%2", str(result.households_read))
                            .replace("%3", str(len(result.records))).replace("%4", str(len(result.rejected)))
                            .replace("%5", str(len(result.errors))))
        self.summary.setText(self.tr("Choose how to import, then press Import."))
        self._set_ready(True)
        self.previewed.emit(preview)

    def mode(self) -> str:
        return ALL_OR_NOTHING if self.all_or_nothing.isChecked() else VALID_ONLY

    def start_import(self) -> None:
        """Import the checked file with the chosen mode (one transaction, off the GUI thread)."""
        if self.preview is None:
            return
        self._set_ready(False)
        self.summary.setText(self.tr("Importing…"))
        task = self.runner.run(self._import_job, self.preview, self.mode(), label=self.tr("Importing households…"))
        task.finished.connect(self._done)
        task.failed.connect(self._import_failed)
        task.cancelled.connect(lambda: self._cancelled())

    def _import_job(self, preview: ImportPreview, mode: str, progress: Any = None) -> ExcelImportOutcome:
        return import_excel(self.db, preview.path, preview=preview, mode=mode, write_report=False,
                            lang=i18n.get_language(), progress=progress)

    def _done(self, outcome: ExcelImportOutcome) -> None:
        self.outcome = outcome
        text = self.tr("Imported %1 households (%2 new, %3 updated); %4 classified.") \
            .replace("%1", str(outcome.imported)).replace("%2", str(outcome.inserted)) \
            .replace("%3", str(outcome.updated)).replace("%4", str(outcome.classified))
        if outcome.preview.rejected:
            text += " " + self.tr("%1 households with errors were not imported; save the rejection report, "
                                  "correct it and import it again.").replace("%1", str(outcome.preview.rejected))
        self.summary.setText(text)
        self._set_ready(True)
        self.import_button.setEnabled(False)
        self.imported.emit(outcome.changes)
        self.finished_import.emit(outcome)

    def _import_failed(self, exc: BaseException) -> None:
        if isinstance(exc, ImportRefused):
            self.outcome = exc.outcome
            self.summary.setText(self.tr("Nothing was imported: %1 households have errors (all-or-nothing). "
                                         "Save the rejection report, correct it and import it again.")
                                 .replace("%1", str(exc.outcome.preview.rejected)))
            self._set_ready(True)
            self.finished_import.emit(exc.outcome)
            return
        self._failed(exc)

    def _cancelled(self) -> None:
        self.summary.setText(self.tr("Cancelled; nothing was imported."))
        self._set_ready(True)

    def _failed(self, exc: BaseException) -> None:
        self.summary.setText(str(exc))
        self._set_ready(self.preview is not None)
        show_error(self, exc)

    def choose_rejection_path(self) -> None:
        if self.preview is None:
            return
        src = self.preview.path
        suggested = str(src.with_name(f"{src.stem}-loi.xlsx"))
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the rejection report as"), suggested,
                                              self.tr("Excel files (*.xlsx)"))
        if path:
            self.save_rejection_report(path)

    def save_rejection_report(self, path: str | Path) -> Path:
        """Write the rejected households' rows with their errors to ``path``."""
        assert self.preview is not None
        target = Path(path)
        try:
            write_rejection_report(self.preview.result, target, i18n.get_language())
        except OSError as exc:
            show_error(self, exc)
            raise
        self.summary.setText(self.summary.text() + "\n" + self.tr("Rejection report saved: %1")
                             .replace("%1", str(target)))
        return target
