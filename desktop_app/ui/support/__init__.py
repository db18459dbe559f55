"""Support tracking screens (issue 4).

* :class:`SupportPage` - the page of the main window (ledger with filters,
  add/edit/delete, bulk action wizard, coverage dashboard, household tab);
* :class:`HouseholdSupportTimeline` and :class:`EligibilityHints` - widgets
  the household editor can embed (``set_household(id)``, ``refresh(changes)``);
* :class:`SupportRecordDialog`, :class:`BulkWizard`.
"""

from desktop_app.ui.support.bulk_wizard import BulkWizard
from desktop_app.ui.support.page import SupportPage
from desktop_app.ui.support.record_dialog import SupportRecordDialog
from desktop_app.ui.support.timeline import EligibilityHints, HouseholdSupportTimeline

__all__ = ["BulkWizard", "EligibilityHints", "HouseholdSupportTimeline", "SupportPage", "SupportRecordDialog"]
