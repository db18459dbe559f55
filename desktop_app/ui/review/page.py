"""The review page ("Rà soát"): the round's steps as a vertical stepper and,
beside it, the form of the chosen step. The state machine lives in the core
(:mod:`desktop_app.review`); this page only draws it and forwards actions to
:mod:`desktop_app.services.review`."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSplitter, QStackedWidget, QVBoxLayout, QWidget

from desktop_app.errors import AppError
from desktop_app.review.machine import status as machine_status
from desktop_app.services import Changes, review as svc
from desktop_app.services.accounts import Actor
from desktop_app.services.register import list_rounds
from desktop_app.storage.database import Database
from desktop_app.ui.pages.base import Page
from desktop_app.ui.review.decision import DecisionPanel
from desktop_app.ui.review.panels import ListPanel, MeetingPanel
from desktop_app.ui.review.posting import PostingPanel
from desktop_app.ui.review.stepper import Stepper

#: kinds of data this page shows
SHOWN = frozenset({"review", "official", "classifications", "surveys", "households", "villages", "rounds"})
#: which panel shows which step
PANEL_OF = {"list": 0, "quick_screen": 0, "survey": 0, "meeting": 1, "posting": 2, "decision": 3, "report": 3}


class ReviewPage(Page):
    """The review procedure of a round.

    ``ReviewPage(state)`` as a page of the main window, or
    ``ReviewPage(db, actor)`` on its own (tests, tools).
    """

    icon = "review"
    changed = Signal(object)

    def __init__(self, state_or_db, actor: Actor | None = None, parent: QWidget | None = None):
        if isinstance(state_or_db, Database):
            super().__init__(None, parent)  # type: ignore[arg-type]
            self.db = state_or_db
        else:
            super().__init__(state_or_db, parent)
            self.db = state_or_db.db
        self._actor = actor
        self.round_id: str | None = None
        self.heading = QLabel()
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        self.round_label = QLabel()
        self.rounds = QComboBox()
        self.round_label.setBuddy(self.rounds)
        self.rounds.activated.connect(self._round_chosen)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.stepper = Stepper()
        self.stepper.step_chosen.connect(self.show_step)
        self.panels = [ListPanel(self.db, self.current_actor), MeetingPanel(self.db, self.current_actor),
                       PostingPanel(self.db, self.current_actor), DecisionPanel(self.db, self.current_actor)]
        self.stack = QStackedWidget()
        for panel in self.panels:
            panel.changed.connect(self._announce)
            self.stack.addWidget(panel)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.round_label)
        top.addWidget(self.rounds)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.stepper)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([340, 760])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(splitter, 1)
        self.retranslate()
        self.reload()

    @property
    def actor(self) -> Actor | None:
        return self.current_actor()

    def current_actor(self) -> Actor | None:
        """Who acts now: the one given, else the one logged in (read at each action)."""
        if self._actor is not None or self.state is None:
            return self._actor
        return self.state.actor

    # -- Page API ----------------------------------------------------------

    def title(self) -> str:
        return self.tr("Review")

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Review procedure"))
        self.round_label.setText(self.tr("R&ound:"))

    def refresh(self, changes: Changes) -> None:
        if changes.kinds & SHOWN:
            self.reload()

    # -- drawing -------------------------------------------------------------

    def reload(self) -> None:
        """Read the round's facts again and redraw the stepper and the panels."""
        rounds = list_rounds(self.db)
        self.rounds.blockSignals(True)
        self.rounds.clear()
        for r in rounds:
            self.rounds.addItem(r.name, r.id)
        if self.round_id is None and rounds:
            current = next((r for r in rounds if r.status == "open"), rounds[0])
            self.round_id = current.id
        self.rounds.setCurrentIndex(max(self.rounds.findData(self.round_id), 0))
        self.rounds.blockSignals(False)
        try:
            facts = svc.round_facts(self.db, self.round_id)
        except AppError as exc:
            self.message.setText(exc.message)
            self.stepper.clear()
            self.stack.setEnabled(False)
            return
        self.stack.setEnabled(True)
        self.facts = facts
        status = machine_status(facts)
        self.status = status
        self.message.setText("")
        for panel in self.panels:
            panel.show_facts(facts)
        self.stepper.show_status(status)
        step = self.stepper.currentItem().data(Qt.ItemDataRole.UserRole) if self.stepper.currentItem() else None
        self.show_step(step or status.current or "report")

    def show_step(self, step: str) -> None:
        self.stack.setCurrentIndex(PANEL_OF.get(step, 0))

    def go_to_current(self) -> None:
        """Select the current step in the stepper (and show its form)."""
        if self.status.current:
            self.stepper.select_step(self.status.current)

    def _round_chosen(self, index: int) -> None:
        self.round_id = self.rounds.itemData(index)
        self.stepper.setCurrentRow(-1)
        self.reload()
        self.go_to_current()

    def _announce(self, changes: Changes) -> None:
        window = self.window()
        if window is not self and hasattr(window, "apply_changes"):
            window.apply_changes(changes)
        else:
            self.refresh(changes)
        self.changed.emit(changes)
