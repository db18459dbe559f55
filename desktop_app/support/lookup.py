"""Read-only look-ups the support screens and the command line need:
households and members to choose from (re-exported by
:mod:`desktop_app.services.support`)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from desktop_app.storage.database import Database
from desktop_app.storage.models import HouseholdRow, MemberRow, VillageRow
from desktop_app.storage.records import live


@dataclass(frozen=True, slots=True)
class HouseholdChoice:
    id: str
    code: str
    head_name: str | None
    village_id: str | None
    village: str | None

    def label(self) -> str:
        """``TD-0012 – Nguyễn Văn A (Thôn Đông)``."""
        text = self.code + (f" – {self.head_name}" if self.head_name else "")
        return text + (f" ({self.village})" if self.village else "")


@dataclass(frozen=True, slots=True)
class MemberChoice:
    id: str
    name: str
    birth_date: str | None


def household_choices(db: Database, village_id: str | None = None) -> list[HouseholdChoice]:
    """Live households (of one village) with their head's name, by village and code."""
    with db.session() as s:
        stmt = (select(HouseholdRow.id, HouseholdRow.code, HouseholdRow.village_id, VillageRow.name)
                .outerjoin(VillageRow, VillageRow.id == HouseholdRow.village_id)
                .where(live(HouseholdRow)).order_by(VillageRow.position, HouseholdRow.code))
        if village_id is not None:
            stmt = stmt.where(HouseholdRow.village_id == village_id)
        rows = s.execute(stmt).all()
        heads: dict[str, str] = {}
        for hid, name in s.execute(select(MemberRow.household_id, MemberRow.full_name)
                                   .where(live(MemberRow)).order_by(MemberRow.position)):
            heads.setdefault(hid, name)
    return [HouseholdChoice(hid, code, heads.get(hid), vid, vname) for hid, code, vid, vname in rows]


def member_choices(db: Database, household_id: str) -> list[MemberChoice]:
    """Live members of a household, in order."""
    with db.session() as s:
        rows = s.execute(select(MemberRow.id, MemberRow.full_name, MemberRow.birth_date)
                         .where(MemberRow.household_id == household_id, live(MemberRow))
                         .order_by(MemberRow.position)).all()
    return [MemberChoice(*r) for r in rows]
