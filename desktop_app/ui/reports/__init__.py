"""The Reports page (printed lists, summary tables, Excel export) and the
Excel import dialog. Both call :mod:`desktop_app.services.reports`,
:mod:`desktop_app.services.report_tables` and
:mod:`desktop_app.services.excel_import`; work runs off the GUI thread
through :class:`desktop_app.ui.tasks.TaskRunner`."""

from desktop_app.ui.reports.import_dialog import ExcelImportDialog
from desktop_app.ui.reports.page import ReportsPage

__all__ = ["ExcelImportDialog", "ReportsPage"]
