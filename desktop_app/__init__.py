"""The commune poverty register.

Everything in this package except :mod:`desktop_app.ui` is the Qt-free core:
domain model, standards and classification, storage, services, sync format and
reports. The GUI in :mod:`desktop_app.ui` only draws and forwards to the core.
"""

__version__ = "0.1.0"
APP_NAME = "commune-poverty-register"
APP_AUTHOR = "CommunePovertyRegister"
