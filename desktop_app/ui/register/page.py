"""The household register page: search, filters, sortable table, and the
keyboard: Ctrl+F search, Enter open, Delete delete (after confirmation),
Ctrl+N new household. Opening a household shows the household editor."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.i18n import get_language, t
from desktop_app.services import Changes
from desktop_app.services.accounts import VIEWER
from desktop_app.services.register import current_round, delete_household, list_communes, list_villages
from desktop_app.services.register_queries import UNCLASSIFIED
from desktop_app.standards.model import INDICATOR_KEYS
from desktop_app.storage.database import Database
from desktop_app.ui.dialogs import confirm
from desktop_app.ui.errors import show_error
from desktop_app.ui.pages.base import Page
from desktop_app.ui.register.model import RegisterModel

SEARCH_DELAY_MS = 150
#: kinds of data this page shows
SHOWN = frozenset({"households", "members", "villages", "rounds", "surveys", "classifications", "communes",
                   "review"})
_CATEGORIES = ("poor", "near_poor", "middle", "not_poor", "incomplete")


class _Scope:
    """Where the page's database, commune and round come from: the shell's
    :class:`~desktop_app.ui.state.AppState`, or a bare database (tests, bench)."""

    def __init__(self, source: Any, actor: Any):
        self.state = None if isinstance(source, Database) else source
        self.db: Database = source if isinstance(source, Database) else source.db
        self.actor = actor if actor is not None else getattr(self.state, "actor", None)

    def ids(self) -> tuple[str | None, str | None]:
        """``(round id, commune id)`` of the register shown."""
        if self.state is not None:
            rnd, commune = self.state.round, self.state.commune
            return (rnd.id if rnd else None), (commune.id if commune else None)
        communes = list_communes(self.db)
        commune = communes[0] if communes else None
        rnd = current_round(self.db, commune.id) if commune else None
        return (rnd.id if rnd else None), (commune.id if commune else None)


class RegisterPage(Page):
    """The full household register. ``RegisterPage(state)`` in the main
    window, ``RegisterPage(db, actor)`` anywhere else."""

    icon = "register"
    #: a change made from this page (the main window's ``apply_changes`` is also called)
    changed = Signal(object)

    def __init__(self, source: Any, actor: Any = None, parent: QWidget | None = None):
        self.scope = _Scope(source, actor)
        super().__init__(self.scope.state, parent)  # type: ignore[arg-type]
        self.db = self.scope.db
        self.editor: QWidget | None = None
        actor = self.scope.actor
        #: a viewer account may look but not change (services.accounts roles)
        self.read_only = getattr(actor, "role", None) == VIEWER
        if self.scope.state is None and getattr(actor, "username", None):
            self.db.user = actor.username  # the audit log names the officer
        round_id, commune_id = self.scope.ids()

        self.heading = QLabel()
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.heading.setFont(font)
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setClearButtonEnabled(True)
        self.search_label = QLabel()
        self.search_label.setBuddy(self.search)
        self.count = QLabel()
        self.count.setObjectName("count")
        self.village = QComboBox()
        self.village.setObjectName("village_filter")
        self.category = QComboBox()
        self.category.setObjectName("category_filter")
        self.deprivation = QComboBox()
        self.deprivation.setObjectName("deprivation_filter")
        self.minority = QCheckBox()
        self.meritorious = QCheckBox()
        self.social = QCheckBox()
        self.clear_button = QPushButton()
        self.new_button = QPushButton()
        self.open_button = QPushButton()
        self.delete_button = QPushButton()

        self.model = RegisterModel(self.db, round_id, commune_id, parent=self)
        self.table = QTableView()
        self.table.setObjectName("register_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)  # sorts (= loads) once, by code
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.table.horizontalHeader()
        for column, width in enumerate((90, 220, 140, 80, 230, 70, 70, 150)):
            header.resizeSection(column, width)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(lambda index: self.open_household(self.model.household_id(index.row())))

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._apply_search)
        self.search.textChanged.connect(self._search_timer.start)
        self.search.returnPressed.connect(self._search_enter)
        self.model.reloaded.connect(self._show_count)
        self.village.activated.connect(self._filters_changed)
        self.category.activated.connect(self._filters_changed)
        self.deprivation.activated.connect(self._filters_changed)
        for box in (self.minority, self.meritorious, self.social):
            box.toggled.connect(self._filters_changed)
        self.clear_button.clicked.connect(self.clear_filters)
        self.new_button.clicked.connect(self.new_household)
        self.open_button.clicked.connect(lambda: self.open_household(self.selected_id()))
        self.delete_button.clicked.connect(self.delete_selected)
        QShortcut(QKeySequence.StandardKey.Find, self, self.focus_search,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        QShortcut(QKeySequence.StandardKey.New, self, self.new_household,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.table.installEventFilter(self)  # Delete on the list

        bar = QHBoxLayout()
        bar.addWidget(self.search_label)
        bar.addWidget(self.search, 1)
        bar.addWidget(self.count)
        filters = QHBoxLayout()
        for w in (self.village, self.category, self.deprivation, self.minority, self.meritorious, self.social,
                  self.clear_button):
            filters.addWidget(w)
        filters.addStretch(1)
        buttons = QHBoxLayout()
        for b in (self.new_button, self.open_button, self.delete_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(bar)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.setTabOrder(self.search, self.village)
        self.new_button.setEnabled(not self.read_only)
        self.delete_button.setEnabled(not self.read_only)
        self.retranslate()
        if not self.model.loaded:  # enabling sorting above loaded it already
            self.model.reload()
        if self.model.rowCount():
            self.table.selectRow(0)
        QTimer.singleShot(0, self.model.build_index)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if watched is self.table and event.type() == QEvent.Type.KeyPress \
                and event.key() == Qt.Key.Key_Delete and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            self.delete_selected()
            return True
        return super().eventFilter(watched, event)

    # -- page API --------------------------------------------------------------

    def title(self) -> str:
        return self.tr("Household register")

    def refresh(self, changes: Changes) -> None:
        """Reload when the register's data changed (anywhere in the application)."""
        if not changes.kinds & SHOWN:
            return
        round_id, commune_id = self.scope.ids()
        if changes.kinds & {"households", "members", "communes"} and changes.count > 1:
            self.model.drop_index()  # bulk change (import, sync): rebuild the search index
        current = self.selected_id()
        self._fill_villages()
        self.model.set_scope(round_id, commune_id)
        self.retranslate_heading()
        if current:
            self.select_household(current)

    def retranslate(self) -> None:
        self.retranslate_heading()
        self.search_label.setText(self.tr("&Search:"))
        self.search.setPlaceholderText(self.tr("Member name (accents optional), citizen ID number or household "
                                               "code — Ctrl+F"))
        self.minority.setText(self.tr("Ethnic minority"))
        self.meritorious.setText(self.tr("Meritorious service"))
        self.social.setText(self.tr("Social protection"))
        self.clear_button.setText(self.tr("Clear filters"))
        self.new_button.setText(self.tr("New household (Ctrl+N)"))
        self.open_button.setText(self.tr("Open (Enter)"))
        self.delete_button.setText(self.tr("Delete (Del)"))
        self._fill_villages()
        self._fill_combo(self.category, self.tr("All classifications"),
                         [(c, t(f"category.{c}")) for c in _CATEGORIES]
                         + [(UNCLASSIFIED, t("register_view.not_classified"))])
        self._fill_combo(self.deprivation, self.tr("Any deprivation"), self._indicator_items())
        self.model.retranslate()
        self._show_count()

    def retranslate_heading(self) -> None:
        rnd = self.scope.state.round if self.scope.state is not None else None
        name = rnd.name if rnd else None
        if name is None and self.model.filter.round_id:
            name = next((r.name for r in [current_round(self.db)] if r), None)
        self.heading.setText(self.tr("Household register — %1").replace("%1", name) if name
                             else self.tr("Household register"))

    # -- filters ----------------------------------------------------------------

    def _indicator_items(self) -> list[tuple[str, str]]:
        try:
            from desktop_app.services.classify import round_standard
            standard = round_standard(self.db, self.model.filter.round_id) if self.model.filter.round_id else None
        except Exception:  # noqa: BLE001 - the standard's names are a nicety here
            standard = None
        lang = get_language()
        if standard is None:
            return [(k, k) for k in INDICATOR_KEYS]
        return [(ind.key, ind.name.get(lang)) for ind in sorted(standard.indicators, key=lambda i: i.order)]

    @staticmethod
    def _fill_combo(combo: QComboBox, everything: str, items: list[tuple[str, str]]) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(everything, None)
        for value, text in items:
            combo.addItem(text, value)
        combo.setCurrentIndex(max(0, combo.findData(current)) if current is not None else 0)
        combo.blockSignals(False)

    def _fill_villages(self) -> None:
        commune_id = self.model.filter.commune_id
        villages = list_villages(self.db, commune_id) if commune_id else []
        self._fill_combo(self.village, self.tr("All villages"), [(v.id, v.name) for v in villages])

    def _filters_changed(self, *_args: Any) -> None:
        self.model.set_filter(village_id=self.village.currentData(), category=self.category.currentData(),
                              deprivation=self.deprivation.currentData(),
                              ethnic_minority=self.minority.isChecked(),
                              meritorious=self.meritorious.isChecked(),
                              social_protection=self.social.isChecked())
        if self.model.rowCount():
            self.table.selectRow(0)

    def clear_filters(self) -> None:
        for combo in (self.village, self.category, self.deprivation):
            combo.setCurrentIndex(0)
        for box in (self.minority, self.meritorious, self.social):
            box.blockSignals(True)
            box.setChecked(False)
            box.blockSignals(False)
        self._filters_changed()

    # -- search -----------------------------------------------------------------

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _apply_search(self) -> None:
        self._search_timer.stop()
        self.model.set_search(self.search.text())
        if self.model.rowCount():
            self.table.selectRow(0)

    def _search_enter(self) -> None:
        self._apply_search()
        if self.model.rowCount():
            self.table.setFocus()
            self.table.selectRow(0)

    def _show_count(self) -> None:
        n = self.model.rowCount()
        self.count.setText(self.tr("%n household(s)", "", n))

    # -- rows -------------------------------------------------------------------

    def selected_id(self) -> str | None:
        index = self.table.currentIndex()
        return self.model.household_id(index.row()) if index.isValid() else None

    def select_household(self, household_id: str) -> bool:
        row = self.model.row_of(household_id)
        if row >= 0:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))
        return row >= 0

    def new_household(self) -> None:
        if not self.read_only:
            self.open_household(None)

    def open_household(self, household_id: str | None) -> None:
        """Open the editor (``None``: a new household) as a window-modal dialog."""
        round_id = self.model.filter.round_id
        if round_id is None:
            show_error(self, _no_round_error())
            return
        from desktop_app.ui.household import HouseholdEditor  # the editor imports this package's model

        try:
            editor = HouseholdEditor(self.db, round_id, household_id, commune_id=self.model.filter.commune_id,
                                     read_only=self.read_only, parent=self)
        except Exception as exc:  # noqa: BLE001 - shown to the user in one place
            show_error(self, exc)
            return
        editor.saved.connect(self._editor_saved)
        self.editor = editor
        editor.open()
        editor.activateWindow()

    def _editor_saved(self, household_id: str, changes: Changes) -> None:
        self.model.household_changed(household_id)
        self._announce(changes)
        self.select_household(household_id)

    def delete_selected(self) -> None:
        hid = self.selected_id()
        row = self.model.row_data(self.table.currentIndex().row()) if hid else None
        if hid is None or row is None or self.read_only:
            return
        text = self.tr("Delete household %1 (%2)? It is kept in the history but no longer listed.") \
            .replace("%1", row.code).replace("%2", row.head_name or "")
        if not confirm(self, text, action=self.tr("Delete the household")):
            return
        try:
            changes = delete_household(self.db, hid)
        except Exception as exc:  # noqa: BLE001 - shown to the user in one place
            show_error(self, exc)
            return
        self.model.household_changed(hid)
        self._announce(changes)

    def _announce(self, changes: Changes) -> None:
        window = self.window()
        if window is not self and hasattr(window, "apply_changes"):
            window.apply_changes(changes)
        else:
            self.refresh(changes)
        self.changed.emit(changes)


def _no_round_error() -> Exception:
    from desktop_app.errors import NotFound
    return NotFound(t("register.no_round"))
