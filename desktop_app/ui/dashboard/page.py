"""The dashboard page ("Tổng quan"): figures of a survey round at a glance.

The figures come from :func:`desktop_app.services.dashboard.load_dashboard`,
computed on a worker thread (a 100,000-household commune takes about a
second) while the page stays usable; a newer request supersedes an older one.
The page reloads only when a change names a kind of data it shows
(:data:`desktop_app.services.dashboard.DASHBOARD_KINDS`).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import (
    QComboBox, QFrame, QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget,
)

from desktop_app.services import Changes
from desktop_app.services.dashboard import DASHBOARD_KINDS, OFFICIAL, Dashboard, load_dashboard
from desktop_app.services.register import RoundInfo, current_round, list_rounds
from desktop_app.storage.database import Database
from desktop_app.ui.dashboard.sections import Sections
from desktop_app.ui.errors import describe_error
from desktop_app.ui.pages.base import Page
from desktop_app.ui.translation import arg

OFFICIAL_STYLE = "background: #e8f5e9; color: #1b5e20; border: 1px solid #a5d6a7; border-radius: 4px; padding: 4px 8px;"
PROPOSED_STYLE = "background: #fff8e1; color: #6d4c00; border: 1px solid #ffe082; border-radius: 4px; padding: 4px 8px;"


class _Relay(QObject):
    """Carries a worker's result to the GUI thread (queued signal)."""

    done = Signal(int, object, object)  # generation, dashboard or None, error or None


class _Load(QRunnable):
    def __init__(self, relay: _Relay, generation: int, db: Database, round_id: str | None) -> None:
        super().__init__()
        self.relay, self.generation, self.db, self.round_id = relay, generation, db, round_id

    def run(self) -> None:  # worker thread
        try:
            result: Any = load_dashboard(self.db, self.round_id)
        except Exception as exc:  # noqa: BLE001 - shown on the page
            self.relay.done.emit(self.generation, None, exc)
        else:
            self.relay.done.emit(self.generation, result, None)


class DashboardPage(Page):
    """Households and rates per category, per village and for the commune,
    the change since the previous round, the deprivation indicators, the
    causes of poverty and the people per category, for a chosen round.

    ``DashboardPage(state)`` as a page of the main window, or
    ``DashboardPage(db, actor)`` on its own (tests, tools).
    """

    icon = "dashboard"
    #: emitted on the GUI thread after the figures of a round were shown (or failed)
    loaded = Signal()

    def __init__(self, state_or_db: Any, actor: Any = None, parent: QWidget | None = None) -> None:
        if isinstance(state_or_db, Database):
            super().__init__(None, parent)
            self.db, self.actor = state_or_db, actor
        else:
            super().__init__(state_or_db, parent)
            self.db, self.actor = state_or_db.db, actor or state_or_db.actor
        self.dashboard: Dashboard | None = None
        self.round_id: str | None = None
        self._generation = 0
        self._running = False  # a computation is on the worker thread
        self._again = False  # another was asked for meanwhile
        self._stale = False  # data changed while the page was hidden
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._relay = _Relay(self)
        self._relay.done.connect(self._loaded, Qt.ConnectionType.QueuedConnection)

        self.heading = QLabel()
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.heading.setFont(font)
        self.round_label = QLabel()
        self.rounds = QComboBox()
        self.rounds.setMinimumContentsLength(22)
        self.round_label.setBuddy(self.rounds)
        self.rounds.activated.connect(self._round_chosen)
        self.reload_button = QPushButton()
        self.reload_button.clicked.connect(self.reload)
        self.source_label = QLabel()
        self.source_label.setWordWrap(True)
        self.status = QLabel()
        self.status.setStyleSheet("color: #555555;")
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setStyleSheet("color: #444444; padding: 40px;")
        self.sections = Sections()
        content = QWidget()
        content.setObjectName("dashboardContent")
        content.setStyleSheet("#dashboardContent { background: #f4f5f7; }")
        inner = QVBoxLayout(content)
        inner.setContentsMargins(12, 12, 12, 12)
        inner.addWidget(self.message)
        inner.addWidget(self.sections)
        inner.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidget(content)

        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.status)
        top.addWidget(self.round_label)
        top.addWidget(self.rounds)
        top.addWidget(self.reload_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.source_label)
        layout.addWidget(self.scroll, 1)
        self.retranslate()
        self.reload()

    # -- Page API --------------------------------------------------------

    def title(self) -> str:
        return self.tr("Dashboard")

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Dashboard"))
        self.round_label.setText(self.tr("R&ound:"))
        self.reload_button.setText(self.tr("&Update"))
        self.reload_button.setToolTip(self.tr("Compute the figures again"))
        self.sections.retranslate()
        if self.dashboard is not None:  # names in the figures (villages total, indicators) too
            self.refresh(None)

    def refresh(self, changes: Changes | None) -> None:
        """Reload when ``changes`` names a kind of data the dashboard shows; a
        hidden page only notes it and reloads when it is shown again."""
        if changes is not None and not set(changes.kinds) & DASHBOARD_KINDS:
            return
        if self.isVisible():
            self.reload()
        else:
            self._stale = True

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        if self._stale:
            self.reload()

    # -- loading ---------------------------------------------------------

    def reload(self) -> None:
        """Read the rounds again and compute the chosen round's figures off the GUI thread."""
        commune = getattr(self.state, "commune", None)  # the shell's commune (None on its own)
        rounds = list_rounds(self.db, commune.id if commune else None)
        if self.round_id not in {r.id for r in rounds}:
            default = current_round(self.db, commune.id if commune else None)
            self.round_id = default.id if default else None
        self._fill_rounds(rounds)
        if self.round_id is None:
            self.dashboard = None
            self._message(self._no_round_text())
            self.loaded.emit()
            return
        self._stale = False
        self._generation += 1
        self.status.setText(self.tr("Updating…"))
        self.reload_button.setEnabled(False)
        if self._running:  # one computation at a time: the newest request runs next
            self._again = True
            return
        self._start()

    def _start(self) -> None:
        self._running, self._again = True, False
        self._pool.start(_Load(self._relay, self._generation, self.db, self.round_id))

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until the worker is idle (tests, closing; queued results
        arrive with the next event processing)."""
        return self._pool.waitForDone(msecs)

    def select_round(self, round_id: str) -> None:
        """Show the figures of ``round_id``."""
        self.round_id = round_id
        self.reload()

    def _round_chosen(self, index: int) -> None:
        round_id = self.rounds.itemData(index)
        if round_id and round_id != self.round_id:
            self.select_round(round_id)

    def _fill_rounds(self, rounds: list[RoundInfo]) -> None:
        self.rounds.blockSignals(True)
        self.rounds.clear()
        for r in rounds:
            label = r.name if r.status == "open" else arg(self.tr("%1 (closed)"), r.name)
            self.rounds.addItem(label, r.id)
        index = self.rounds.findData(self.round_id)
        self.rounds.setCurrentIndex(max(index, 0))
        self.rounds.blockSignals(False)
        self.rounds.setEnabled(bool(rounds))

    def _loaded(self, generation: int, dashboard: Dashboard | None, error: BaseException | None) -> None:
        self._running = False
        if self._again:
            self._start()  # asked again meanwhile: compute with the newest data and round
        if generation != self._generation:
            return  # superseded by a newer request
        self.status.setText("")
        self.reload_button.setEnabled(True)
        if error is not None:
            info = describe_error(error)
            self.dashboard = None
            self._message(f"{info.title}\n{info.text}\n{info.hint}")
        elif dashboard is not None:
            self.dashboard = dashboard
            self._show(dashboard)
        self.loaded.emit()

    # -- drawing ---------------------------------------------------------

    def _no_round_text(self) -> str:
        return self.tr("There is no survey round yet. Create a survey round, enter the surveys and "
                       "classify them; the figures appear here.")

    def _message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(True)
        self.sections.setVisible(False)
        self.source_label.setVisible(False)

    def _show(self, d: Dashboard) -> None:
        self.message.setVisible(d.commune.households == 0)
        if d.commune.households == 0:
            self.message.setText(self.tr("The commune has no households yet."))
        self.sections.setVisible(d.commune.households > 0)
        self.sections.show_dashboard(d)
        if d.source == OFFICIAL:
            text = self.tr("Showing the OFFICIAL categories decided by the commune chairman (households the "
                           "decision does not list keep their proposed category).")
            self.source_label.setStyleSheet(OFFICIAL_STYLE)
        else:
            text = self.tr("Showing the PROPOSED categories computed from the surveys; they become official "
                           "with the commune chairman's decision.")
            self.source_label.setStyleSheet(PROPOSED_STYLE)
        rnd = d.round
        self.source_label.setText(arg(self.tr("Round «%1», standard %2. %3"), rnd.name, rnd.standard_id, text))
        self.source_label.setVisible(True)
