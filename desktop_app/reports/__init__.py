"""Report writers: printed PDF lists and forms (reportlab) and Excel tables (openpyxl).

Qt-free and database-free: every writer takes the plain dataclasses of
:mod:`desktop_app.reports.data` and a language (``"vi"`` default, ``"en"``),
and writes its file atomically. The services layer fills the data from the
register.

PDF (A4, embedded DejaVu fonts, "Trang x/y", header rows repeated on each page):

* :func:`write_village_meeting_list` – danh sách họp dân of one village and round
* :func:`write_posting_list` – danh sách niêm yết công khai
* :func:`write_survey_form` – a filled Phiếu B
* :func:`write_certificate` – Giấy chứng nhận hộ nghèo / hộ cận nghèo
* :func:`write_support_ledger` – a household's support ledger
* :func:`write_key_sheet` – the key registration sheet

Excel:

* :func:`write_summary_workbook` – the commune's summary tables to send up
* :func:`write_household_list` – full household list (one row per household)
* :func:`write_import_template` / :func:`read_household_workbook` /
  :func:`write_rejection_report` – import of an existing household list
  (one row per member; see :mod:`desktop_app.reports.import_columns`)
"""

from desktop_app.reports.data import (  # noqa: F401
    CauseCounts, Certificate, Commune, CommuneSummary, GroupCounts, HouseholdExportRow, IndicatorCounts, KeyEntry,
    KeySheet, ListHousehold, MemberLine, PostingList, SupportEntry, SupportLedger, SupportTotals, SurveyForm,
    TransitionCounts, VillageCounts, VillageMeetingList,
)
from desktop_app.reports.excel_export import write_household_list  # noqa: F401
from desktop_app.reports.excel_import import (  # noqa: F401
    ImportResult, RowError, household_id, load_mapping, member_id, read_household_workbook, write_rejection_report,
)
from desktop_app.reports.excel_summary import write_summary_workbook  # noqa: F401
from desktop_app.reports.import_columns import COLUMNS, record_rows, write_import_template  # noqa: F401
from desktop_app.reports.pdf_forms import (  # noqa: F401
    write_certificate, write_key_sheet, write_support_ledger, write_survey_form,
)
from desktop_app.reports.pdf_lists import write_posting_list, write_village_meeting_list  # noqa: F401
from desktop_app.reports import samples  # noqa: F401
