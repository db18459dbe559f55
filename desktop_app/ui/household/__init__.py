"""The household editor: household data, members, Phiếu A and Phiếu B, with
the live classification beside the form (:class:`HouseholdEditor`)."""

from desktop_app.ui.household.editor import HouseholdEditor

__all__ = ["HouseholdEditor"]
