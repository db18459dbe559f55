"""Form helpers: a label with a mnemonic, the field, and an error line under it."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

ERROR_STYLE = "color: #b3261e;"
HINT_STYLE = "color: #555555;"
#: the signal telling that the user changed a field, by widget kind
_EDITED = ("textChanged", "currentIndexChanged", "dateChanged", "toggled")


def hint_label(text: str = "") -> QLabel:
    """A grey explanatory line that wraps."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet(HINT_STYLE)
    return label


class FieldErrors:
    """Error lines under form fields, keyed by field name.

    ``add_row(form, label_text, name, widget)`` lays out the row, an optional
    hint row and a hidden error row (rows of the form itself, so that word
    wrapping gets the right height); :meth:`show` displays ``(field, message)``
    pairs (a field ``villages[2]`` shows under ``villages``) and focuses the
    first bad field.
    """

    def __init__(self) -> None:
        self.widgets: dict[str, QWidget] = {}
        self.labels: dict[str, QLabel] = {}
        self._forms: dict[str, QFormLayout] = {}

    def add_row(self, form: QFormLayout, label_text: str, name: str, widget: QWidget,
                hint: str = "") -> tuple[QLabel, QLabel | None]:
        """Add ``label_text`` (with ``&`` mnemonic, buddy = widget), the widget,
        an optional hint and a hidden error line; returns (label, hint label)."""
        label = QLabel(label_text)
        label.setBuddy(widget)
        form.addRow(label, widget)
        hint_widget = None
        if hint:
            hint_widget = hint_label(hint)
            form.addRow(QLabel(), hint_widget)
        error = QLabel()
        error.setWordWrap(True)
        error.setStyleSheet(ERROR_STYLE)
        error.setObjectName(f"error_{name}")
        form.addRow(QLabel(), error)
        form.setRowVisible(error, False)
        self.widgets[name] = widget
        self.labels[name] = error
        self._forms[name] = form
        for signal_name in _EDITED:  # an edited field loses its (now stale) error
            signal = getattr(widget, signal_name, None)
            if signal is not None:
                signal.connect(lambda *_args, field=name: self._set(field, ""))
                break
        return label, hint_widget

    def _set(self, name: str, text: str) -> None:
        label = self.labels[name]
        label.setText(text)
        self._forms[name].setRowVisible(label, bool(text))

    def clear(self) -> None:
        for name in self.labels:
            self._set(name, "")

    def show(self, errors: Iterable[tuple[str, str]]) -> None:
        self.clear()
        first: QWidget | None = None
        texts: dict[str, list[str]] = {}
        for field, message in errors:
            base = field.split("[", 1)[0]
            if base not in self.labels:
                base = next(iter(self.labels), base)
            texts.setdefault(base, []).append(message)
            if first is None:
                first = self.widgets.get(base)
        for base, messages in texts.items():
            if base in self.labels:
                self._set(base, "\n".join(messages))
        if first is not None:
            first.setFocus()

    def message(self, name: str) -> str:
        """The error text shown under ``name`` (empty when none)."""
        label = self.labels.get(name)
        return label.text() if label is not None else ""
