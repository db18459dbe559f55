"""Finding (and, for villages, making) the rows a household record points to,
inside a caller's transaction: the commune, the survey round, the village by
name, and the next human household code of a village.

Used by :mod:`desktop_app.services.register`; errors are typed and name the
missing thing in the user's language.
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop_app.domain.text import fold, initials
from desktop_app.errors import NotFound, ValidationError
from desktop_app.i18n import t
from desktop_app.messages import register as register_messages
from desktop_app.storage.audit import write_audit
from desktop_app.storage.models import VILLAGE_KINDS, CommuneRow, HouseholdRow, RoundRow, VillageRow
from desktop_app.storage.records import live

register_messages({
    "register.no_commune": {
        "vi": "Chưa khai báo xã nào. Hãy thiết lập xã trước.",
        "en": "No commune has been set up yet. Set up the commune first.",
    },
    "register.which_commune": {
        "vi": "Sổ có nhiều xã; hãy chỉ rõ xã (mã xã).",
        "en": "The register holds several communes; name the commune (its code).",
    },
    "register.commune_not_found": {
        "vi": "Không có xã mã «{code}» trong sổ. Hãy thiết lập xã đó trước.",
        "en": "There is no commune with code '{code}' in the register. Set that commune up first.",
    },
    "register.village_not_found": {
        "vi": "Không có thôn/tổ dân phố «{village}» trong xã.",
        "en": "There is no village or residential group '{village}' in the commune.",
    },
    "register.round_not_found": {
        "vi": "Không tìm thấy đợt rà soát «{round_id}».",
        "en": "Survey round '{round_id}' was not found.",
    },
    "register.no_round": {
        "vi": "Chưa có đợt rà soát nào đang mở; hãy tạo đợt rà soát trước khi nhập phiếu.",
        "en": "No survey round is open; create a survey round before entering surveys.",
    },
    "register.round_other_commune": {
        "vi": "Đợt rà soát «{round}» thuộc xã khác, không phải xã «{code}» của hộ.",
        "en": "Survey round '{round}' belongs to another commune, not to the household's commune '{code}'.",
    },
    "register.empty": {"vi": "{field}: không được để trống", "en": "{field}: must not be empty"},
    "register.bad_kind": {
        "vi": "loại «{value}» không hợp lệ; chọn một trong: {choices}",
        "en": "kind '{value}' is not allowed; use one of: {choices}",
    },
})


def guess_village_kind(name: str) -> str:
    """``residential_group`` for "Tổ dân phố …"/"Tổ …"/"Khu phố …", else ``village``."""
    folded = fold(name)
    return "residential_group" if folded.startswith(("to dan pho", "to ", "khu pho", "tdp")) else "village"


def find_commune(s: Session, commune_id: str | None, code: str | None) -> CommuneRow:
    """The live commune by id, else by code, else the only live commune."""
    if commune_id is not None:
        row = s.get(CommuneRow, commune_id)
        if row is None or row.deleted:
            raise NotFound(t("register.commune_not_found", code=commune_id))
        return row
    if code is not None:
        row = s.scalar(select(CommuneRow).where(CommuneRow.code == code, live(CommuneRow)))
        if row is None:
            raise NotFound(t("register.commune_not_found", code=code))
        return row
    rows = s.scalars(select(CommuneRow).where(live(CommuneRow)).limit(2)).all()
    if not rows:
        raise NotFound(t("register.no_commune"))
    if len(rows) > 1:
        raise ValidationError("commune_code", t("register.which_commune"))
    return rows[0]


def find_round(s: Session, round_id: str | None, commune: CommuneRow | None) -> RoundRow:
    """The live round by id (it must be ``commune``'s when given), else the
    commune's newest open round."""
    if round_id is not None:
        row = s.get(RoundRow, round_id)
        if row is None or row.deleted:
            raise NotFound(t("register.round_not_found", round_id=round_id))
        if commune is not None and row.commune_id != commune.id:
            raise ValidationError("round_id", t("register.round_other_commune", round=row.name,
                                                code=commune.code))
        return row
    if commune is None:
        raise NotFound(t("register.no_round"))
    row = s.scalar(select(RoundRow).where(RoundRow.commune_id == commune.id, RoundRow.status == "open",
                                          live(RoundRow))
                   .order_by(RoundRow.start_date.desc().nulls_last(), RoundRow.created_at.desc()).limit(1))
    if row is None:
        raise NotFound(t("register.no_round"))
    return row


def add_village_row(s: Session, user: str | None, commune_id: str, name: str, kind: str | None,
                    position: int | None = None) -> VillageRow:
    """Insert a village (kind guessed from the name when ``None``; position
    after the last one when ``None``) and audit it."""
    name = (name or "").strip()
    if not name:
        raise ValidationError("village", t("register.empty", field="village"))
    kind = kind or guess_village_kind(name)
    if kind not in VILLAGE_KINDS:
        raise ValidationError("kind", t("register.bad_kind", value=kind, choices=", ".join(VILLAGE_KINDS)))
    if position is None:
        position = (s.scalar(select(func.max(VillageRow.position))
                             .where(VillageRow.commune_id == commune_id)) or 0) + 1
    village = VillageRow(commune_id=commune_id, name=name, kind=kind, position=position)
    s.add(village)
    s.flush()
    write_audit(s, user=user, action="insert", table_name=VillageRow.__tablename__, row_id=village.id,
                new={"commune_id": commune_id, "name": name, "kind": kind, "position": position})
    return village


class Resolver:
    """Communes, villages and household-code counters cached over one
    transaction (a bulk import resolves 100,000 records with a few queries)."""

    def __init__(self, s: Session, user: str | None, commune_id: str | None):
        self.s, self.user, self.commune_id = s, user, commune_id
        self.communes: dict[str | None, CommuneRow] = {}
        self.villages: dict[tuple[str, str], str] | None = None
        self.counters: dict[tuple[str, str], int] = {}
        #: kinds of data created while resolving (``{"villages"}``)
        self.kinds: set[str] = set()

    def commune(self, code: str | None) -> CommuneRow:
        """The commune of a record (the fixed one when ``commune_id`` was given)."""
        key = None if self.commune_id else code
        if key not in self.communes:
            self.communes[key] = find_commune(self.s, self.commune_id, code)
        return self.communes[key]

    def village(self, commune: CommuneRow, village_id: str | None, name: str | None) -> str | None:
        """The village id: ``village_id`` checked, else found by name ignoring
        accents and case, else created; ``None`` without either."""
        if village_id is not None:
            row = self.s.get(VillageRow, village_id)
            if row is None or row.deleted or row.commune_id != commune.id:
                raise NotFound(t("register.village_not_found", village=village_id))
            return row.id
        if not name:
            return None
        if self.villages is None:
            self.villages = {}
            rows = self.s.execute(select(VillageRow.id, VillageRow.commune_id, VillageRow.name)
                                  .where(live(VillageRow)).order_by(VillageRow.position))
            for vid, cid, vname in rows:
                self.villages.setdefault((cid, fold(vname)), vid)
        key = (commune.id, fold(name))
        if key not in self.villages:
            self.villages[key] = add_village_row(self.s, self.user, commune.id, name, None).id
            self.kinds.add("villages")
        return self.villages[key]

    def next_code(self, commune_id: str, village_name: str | None) -> str:
        """The next household code of a village: initials and a number, ``TD-0012``."""
        prefix = (initials(village_name) if village_name else "") or "HO"
        key = (commune_id, prefix)
        if key not in self.counters:
            last = self.s.scalar(
                select(HouseholdRow.code)
                .where(HouseholdRow.commune_id == commune_id, HouseholdRow.code >= f"{prefix}-",
                       HouseholdRow.code < f"{prefix}.")
                .order_by(func.length(HouseholdRow.code).desc(), HouseholdRow.code.desc()).limit(1))
            tail = last.rsplit("-", 1)[-1] if last else "0"
            self.counters[key] = int(tail) if tail.isdigit() else 0
        self.counters[key] += 1
        return f"{prefix}-{self.counters[key]:04d}"
