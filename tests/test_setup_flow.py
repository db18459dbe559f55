"""The first-run setup state machine (no Qt) and :func:`apply_setup`."""

from __future__ import annotations

import datetime as _dt
import unicodedata

import pytest
from sqlalchemy import func, select

from desktop_app.errors import ValidationError
from desktop_app.services import accounts, register
from desktop_app.services.setup import apply_setup, needs_setup
from desktop_app.setup_flow import (
    DEFAULT_OFFICE_LABEL,
    SetupFlow,
    Step,
    default_standard,
    standard_choices,
)
from desktop_app.standards.loader import default_registry
from desktop_app.storage.models import AuditLogRow, CommuneRow, RoundRow, VillageRow
from desktop_app.storage.models_accounts import UserRow

LATE_2026 = _dt.date(2026, 10, 1)
UNIT = {"name": "Xã Tân Tiến", "code": "02287", "province": "Tỉnh Tuyên Quang", "default_area": "rural",
        "default_region": "northern_midlands_mountains", "office_label": "UBND xã"}
ADMIN = {"admin_full_name": "Hoàng Thị Mai", "admin_username": "mai", "admin_password": "mật khẩu 123",
         "admin_password_confirm": "mật khẩu 123"}


def new_flow(today: _dt.date = LATE_2026) -> SetupFlow:
    return SetupFlow(standard_choices(default_registry()), today=today)


def fields(errors) -> list[str]:
    return [e.field for e in errors]


def test_defaults_follow_the_domain_rules():
    flow = new_flow()
    assert flow.plan.round_name == "Rà soát định kỳ năm 2026"
    assert flow.plan.standard_id == "vn-2027-2030"  # a late-2026 periodic review decides the 2027 lists
    assert flow.plan.office_label == DEFAULT_OFFICE_LABEL == "Phòng/Sở tiếp nhận"
    assert flow.plan.default_area == "rural"
    # an ad-hoc review changes the lists of its own year
    flow.update({"round_kind": "ad_hoc"})
    assert flow.plan.round_name == "Rà soát thường xuyên năm 2026"
    assert flow.plan.standard_id == "vn-2022-2025"
    # a name the user typed is kept when the kind changes again
    flow.update({"round_name": "Đợt bổ sung"})
    flow.update({"round_kind": "periodic"})
    assert flow.plan.round_name == "Đợt bổ sung" and flow.plan.standard_id == "vn-2027-2030"


def test_default_standard_edge_cases():
    choices = standard_choices(default_registry())
    assert default_standard(choices, "periodic", _dt.date(2025, 10, 1)) == "vn-2022-2025"
    assert default_standard(choices, "ad_hoc", _dt.date(2027, 3, 1)) == "vn-2027-2030"
    assert default_standard(choices, "periodic", _dt.date(2040, 1, 1)) == "vn-2027-2030"  # newest
    assert default_standard([], "periodic", LATE_2026) is None


def test_commune_walk_through_and_back():
    flow = new_flow()
    assert flow.steps() == list(Step)
    assert flow.advance({"mode": "commune"}) == [] and flow.current is Step.UNIT
    assert flow.advance(UNIT) == [] and flow.current is Step.VILLAGES
    assert flow.advance({"villages": "Thôn Đông\n\n  Bản   Phiêng \nTổ dân phố 3\n"}) == []
    assert flow.plan.villages == ["Thôn Đông", "Bản Phiêng", "Tổ dân phố 3"]
    assert flow.current is Step.ADMIN
    assert flow.back() is Step.VILLAGES
    assert flow.advance() == [] and flow.advance(ADMIN) == [] and flow.current is Step.ROUND
    assert flow.advance() == [] and flow.current is Step.SUMMARY
    assert flow.ready()
    summary = dict(flow.summary())
    assert summary["Tên xã"] == "Xã Tân Tiến"
    assert summary["Thôn/tổ dân phố (3)"] == "Thôn Đông, Bản Phiêng, Tổ dân phố 3"
    assert summary["Quản trị viên"] == "Hoàng Thị Mai (mai)"
    assert "mật khẩu 123" not in str(flow.summary())
    assert flow.next_step() is None


def test_district_mode_skips_villages_and_round():
    flow = new_flow()
    flow.advance({"mode": "district"})
    assert flow.steps() == [Step.MODE, Step.UNIT, Step.ADMIN, Step.SUMMARY]
    errors = flow.advance({**UNIT, "name": "Sở Y tế tỉnh Tuyên Quang", "code": "08", "office_label": "Sở Y tế"})
    assert errors == [] and flow.current is Step.ADMIN


def test_unit_errors_name_the_fields():
    flow = new_flow()
    flow.advance({"mode": "commune"})
    errors = flow.advance({"name": "  ", "code": "2287", "province": "", "default_area": "mountain",
                           "office_label": ""})
    assert fields(errors) == ["name", "code", "province", "default_area", "office_label"]
    assert flow.current is Step.UNIT
    assert dict((e.field, e.message) for e in errors)["code"].startswith("mã đơn vị hành chính cấp xã gồm đúng 5")
    assert fields(flow.advance({**UNIT, "code": "0228A"})) == ["code"]
    assert flow.advance({**UNIT, "code": " 02 287 "}) == [] and flow.plan.code == "02287"


def test_village_errors():
    flow = new_flow()
    flow.current = Step.VILLAGES
    assert fields(flow.advance({"villages": "\n  \n"})) == ["villages"]
    errors = flow.advance({"villages": ["Thôn Đông", "Thôn Đoài", "thôn đông"]})
    assert fields(errors) == ["villages[2]"]
    assert "dòng 3" in errors[0].message
    # "Thôn Đồng" is another village than "Thôn Đông": accents matter
    assert flow.advance({"villages": ["Thôn Đông", "Thôn Đồng"]}) == []


def test_decomposed_vietnamese_is_normalised():
    flow = new_flow()
    decomposed = unicodedata.normalize("NFD", "Thôn Đông")
    flow.update({"villages": [decomposed, "Thôn Đông"], "name": unicodedata.normalize("NFD", "Xã Tân Tiến")})
    assert flow.plan.name == "Xã Tân Tiến"
    assert fields(flow.validate(Step.VILLAGES)) == ["villages[1]"]


def test_admin_errors():
    flow = new_flow()
    flow.current = Step.ADMIN
    errors = flow.advance({"admin_full_name": "", "admin_username": "x y", "admin_password": "short",
                           "admin_password_confirm": "shorter"})
    assert fields(errors) == ["admin_full_name", "admin_username", "admin_password", "admin_password_confirm"]
    assert "ít nhất 8 ký tự" in errors[2].message


def test_round_errors():
    flow = new_flow()
    flow.current = Step.ROUND
    errors = flow.advance({"round_name": "", "round_kind": "sometimes", "standard_id": "vn-1999",
                           "round_start": _dt.date(1990, 1, 1)})
    assert fields(errors) == ["round_name", "round_kind", "standard_id", "round_start"]


def test_messages_follow_the_language():
    flow = new_flow()
    flow.current = Step.VILLAGES
    from desktop_app import i18n

    previous = i18n.get_language()
    try:
        i18n.set_language("en")
        assert flow.advance({"villages": ""})[0].message == "enter at least one village or residential group"
    finally:
        i18n.set_language(previous)


def complete_flow(mode: str = "commune") -> SetupFlow:
    flow = new_flow()
    flow.advance({"mode": mode})
    flow.advance(UNIT if mode == "commune" else {**UNIT, "code": "08"})
    if mode == "commune":
        flow.advance({"villages": ["Thôn Đông", "Tổ dân phố 3"]})
    flow.advance(ADMIN)
    if mode == "commune":
        flow.advance()
    assert flow.current is Step.SUMMARY and flow.ready()
    return flow


def test_apply_setup_creates_everything(db):
    assert needs_setup(db)
    result = apply_setup(db, complete_flow().plan)
    assert not needs_setup(db)
    assert {"communes", "villages", "rounds", "users"} <= result.changes.kinds
    commune = register.list_communes(db)[0]
    assert (commune.code, commune.name, commune.office_label, commune.mode) == ("02287", "Xã Tân Tiến",
                                                                               "UBND xã", "commune")
    villages = register.list_villages(db, commune.id)
    assert [(v.name, v.kind) for v in villages] == [("Thôn Đông", "village"), ("Tổ dân phố 3", "residential_group")]
    rnd = register.current_round(db)
    assert (rnd.name, rnd.kind, rnd.standard_id, rnd.start_date) == ("Rà soát định kỳ năm 2026", "periodic",
                                                                      "vn-2027-2030", LATE_2026)
    assert rnd.standard_version == "vn-2027-2030@1"
    user = accounts.authenticate(db, "mai", "mật khẩu 123")
    assert (user.role, user.full_name) == ("administrator", "Hoàng Thị Mai")
    with db.session() as s:
        audited = set(s.scalars(select(AuditLogRow.table_name)))
    assert {"commune", "village", "survey_round", "user_account"} <= audited
    with pytest.raises(ValidationError):
        apply_setup(db, complete_flow().plan)  # only once


def test_apply_setup_district_mode(db):
    result = apply_setup(db, complete_flow("district").plan)
    assert result.round_id is None
    assert register.list_villages(db) == []
    assert register.list_communes(db)[0].mode == "district"
    assert register.list_rounds(db) == []


def test_apply_setup_is_one_transaction(db, monkeypatch):
    """A failure at the last row (the administrator) leaves nothing behind."""
    def boom(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(accounts, "insert_user", boom)
    with pytest.raises(RuntimeError):
        apply_setup(db, complete_flow().plan)
    with db.session() as s:
        for model in (CommuneRow, VillageRow, RoundRow, UserRow, AuditLogRow):
            assert s.scalar(select(func.count()).select_from(model)) == 0, model


def test_apply_setup_refuses_an_invalid_plan(db):
    flow = complete_flow()
    flow.plan.villages = []
    with pytest.raises(ValidationError) as err:
        apply_setup(db, flow.plan)
    assert err.value.field == "villages"
    assert needs_setup(db)
