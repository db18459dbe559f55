"""The full household register (:class:`RegisterPage`, a main-window page)
over a lazily filled, database-sorted table model (:class:`RegisterModel`)."""

from desktop_app.ui.register.model import RegisterModel
from desktop_app.ui.register.page import RegisterPage

__all__ = ["RegisterModel", "RegisterPage"]
