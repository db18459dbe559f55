"""What the open windows share: the database, who is logged in, the commune
and the current round. Passed to pages explicitly (no global singleton)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from desktop_app.services import register
from desktop_app.services.accounts import Actor
from desktop_app.storage.database import Database
from desktop_app.storage.queries import CommuneInfo, RoundInfo
from desktop_app.ui.settings import GuiSettings


@dataclass
class AppState:
    """The session of the GUI."""

    db: Database
    data_dir: Path
    settings: GuiSettings
    actor: Actor
    commune: CommuneInfo | None = None
    round: RoundInfo | None = None

    def __post_init__(self) -> None:
        self.db.user = self.actor.username  # the audit log names the officer

    def reload(self) -> None:
        """Read the commune (the receiving office's own row first) and its current round."""
        communes = register.list_communes(self.db)
        self.commune = next((c for c in communes if c.mode == "district"), communes[0] if communes else None)
        self.round = register.current_round(self.db, self.commune.id) if self.commune else None

    def set_actor(self, actor: Actor) -> None:
        """Change who is logged in; the audit log names them from now on."""
        self.actor = actor
        self.db.user = actor.username
