"""The review page of the GUI (draws :mod:`desktop_app.review`)."""

from desktop_app.ui.review.page import ReviewPage

__all__ = ["ReviewPage"]
