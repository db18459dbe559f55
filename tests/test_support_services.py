"""Recording, editing, deleting support; bulk actions; register filters;
bad input refused with the database unchanged."""

from __future__ import annotations

import datetime as _dt

import pytest
from sqlalchemy import select

from desktop_app.errors import NotFound, PermissionDenied, ValidationError
from desktop_app.services import support
from desktop_app.services.accounts import Actor
from desktop_app.storage.models import AuditLogRow
from test_support_build import ON, build, count_rows


@pytest.fixture
def commune(db):
    return build(db)


def audit(db, row_id):
    with db.session() as s:
        return [(a.action, a.old, a.new, a.user) for a in
                s.scalars(select(AuditLogRow).where(AuditLogRow.row_id == row_id).order_by(AuditLogRow.id))]


def test_record_defaults_and_read_back(db, commune):
    created = support.record_support(db, household_id="h1", member_id="h1-b", programme="health_insurance",
                                     date="2026-02-01", note="  Thẻ 2026  ")
    assert "support" in created.changes
    e = support.get_support(db, created.id)
    assert (e.household_code, e.head_name, e.village, e.member_name) == ("H1", "Nguyễn Văn An", "Thôn Đông",
                                                                         "Trần Thị Bình")
    assert (e.quantity, e.unit, e.amount_vnd, e.source, e.note) == (1.0, "thẻ", None, "central_budget", "Thẻ 2026")
    assert e.source_name == "Ngân sách trung ương" and e.recorded_by == db.user
    loan = support.record_support(db, household_id="h3", programme="policy_credit", date=_dt.date(2026, 3, 1),
                                  amount_vnd="30.000.000", term_months="36", purpose="Nuôi bò")
    e = support.get_support(db, loan.id)
    assert (e.amount_vnd, e.term_months, e.purpose, e.source, e.quantity) == (30_000_000, 36, "Nuôi bò",
                                                                            "social_policy_bank", None)
    assert audit(db, loan.id)[0][0] == "insert"


def test_timeline_holds_household_and_member_records_newest_first(db, commune):
    support.record_support(db, household_id="h1", programme="holiday_gift", date="2025-01-20", amount_vnd=500_000)
    support.record_support(db, household_id="h1", member_id="h1-c", programme="tuition", date="2026-09-05")
    support.record_support(db, household_id="h2", programme="holiday_gift", date="2026-01-20")
    timeline = support.household_support(db, "h1")
    assert [(e.date.isoformat(), e.programme, e.member_id) for e in timeline] == [
        ("2026-09-05", "tuition", "h1-c"), ("2025-01-20", "holiday_gift", None)]
    with pytest.raises(NotFound):
        support.household_support(db, "nope")
    assert len(support.list_support(db, year=2026)) == 2
    assert len(support.list_support(db, year=2026, village_id=commune.west)) == 0
    assert len(support.list_support(db, programme="holiday_gift")) == 2
    assert support.years_with_support(db) == [2026, 2025]


def test_edit_and_delete_leave_an_audit_trail(db, commune):
    rid = support.record_support(db, household_id="h1", programme="holiday_gift", date="2026-01-20",
                                 amount_vnd=500_000).id
    changes = support.update_support(db, rid, amount_vnd=700_000, note="Quà của xã")
    assert "support" in changes
    assert not support.update_support(db, rid, amount_vnd=700_000)  # nothing changed: no kinds, no audit
    e = support.get_support(db, rid)
    assert (e.amount_vnd, e.note, e.revision) == (700_000, "Quà của xã", 2)
    support.delete_support(db, rid, actor=Actor(None, "can_bo_xa", "officer"))
    trail = audit(db, rid)
    assert [a[0] for a in trail] == ["insert", "update", "delete"]  # the no-op edit wrote nothing
    assert trail[1][1] == {"amount_vnd": 500_000, "note": None}
    assert trail[1][2] == {"amount_vnd": 700_000, "note": "Quà của xã"}
    assert trail[2][1]["amount_vnd"] == 700_000 and trail[2][2] == {"deleted": True}
    assert trail[2][3] == "can_bo_xa"
    assert support.list_support(db) == []
    with pytest.raises(NotFound):
        support.update_support(db, rid, note="x")
    with pytest.raises(NotFound):
        support.delete_support(db, rid)
    assert count_rows(db, "support_record") == 1  # tombstone kept


@pytest.mark.parametrize("kwargs, field", [
    ({"amount_vnd": -5}, "amount_vnd"),
    ({"amount_vnd": "12abc"}, "amount_vnd"),
    ({"amount_vnd": 10 ** 15}, "amount_vnd"),
    ({"date": "2099-01-01"}, "date"),
    ({"date": "1/2/2026"}, "date"),
    ({"date": "1990-01-01"}, "date"),
    ({"member_id": "h2-a"}, "member_id"),  # a member of another household
    ({"member_id": "nobody"}, "member_id"),
    ({"programme": "lottery"}, "programme"),
    ({"source": "bank"}, "source"),
    ({"quantity": 0}, "quantity"),
    ({"quantity": "many"}, "quantity"),
    ({"term_months": 12}, "term_months"),  # only for policy credit
    ({"programme": "policy_credit", "term_months": 0}, "term_months"),
])
def test_bad_input_is_refused_with_the_database_unchanged(db, commune, kwargs, field):
    before = (count_rows(db, "support_record"), count_rows(db, "audit_log"))
    values = {"household_id": "h1", "programme": "holiday_gift", "date": "2026-01-20", **kwargs}
    with pytest.raises(ValidationError) as info:
        support.record_support(db, **values)
    assert info.value.field == field
    assert info.value.problem  # a sentence naming the problem and the fix
    assert (count_rows(db, "support_record"), count_rows(db, "audit_log")) == before


def test_messages_name_problem_and_fix(db, commune):
    from desktop_app import i18n

    i18n.set_language("en")
    try:
        with pytest.raises(ValidationError, match="must not be negative; write the amount in VND"):
            support.record_support(db, household_id="h1", programme="tuition", date="2026-01-01", amount_vnd=-1)
    finally:
        i18n.set_language("vi")
    tomorrow = (_dt.date.today() + _dt.timedelta(days=1)).isoformat()
    with pytest.raises(ValidationError, match="ở tương lai"):
        support.record_support(db, household_id="h1", programme="tuition", date=tomorrow)
    with pytest.raises(NotFound, match="Không tìm thấy hộ «zz»"):
        support.record_support(db, household_id="zz", programme="tuition", date="2026-01-01")


def test_bad_edit_is_refused_with_the_database_unchanged(db, commune):
    rid = support.record_support(db, household_id="h1", programme="holiday_gift", date="2026-01-20").id
    before = (count_rows(db, "audit_log"), support.get_support(db, rid))
    for bad in ({"amount_vnd": -1}, {"member_id": "h3-a"}, {"date": "2999-01-01"}, {"household_id": "h2"}):
        with pytest.raises(ValidationError):
            support.update_support(db, rid, **bad)
    assert (count_rows(db, "audit_log"), support.get_support(db, rid)) == before


def test_viewer_may_not_record(db, commune):
    before = count_rows(db, "support_record")
    with pytest.raises(PermissionDenied):
        support.record_support(db, household_id="h1", programme="tuition", date="2026-01-01",
                               actor=Actor(None, "xem", "viewer"))
    assert count_rows(db, "support_record") == before


def test_local_programme(db, commune):
    created = support.add_programme(db, code="bo_giong", name_vi="Hỗ trợ bò giống", name_en="Breeding cow",
                                    unit_vi="con", unit_en="head", default_source="enterprises_donors")
    assert "support_programmes" in created.changes
    assert support.catalogue_for(db).programme("bo_giong").local
    rid = support.record_support(db, household_id="h3", programme="bo_giong", date="2026-05-01").id
    e = support.get_support(db, rid)
    assert (e.programme_name, e.unit, e.source) == ("Hỗ trợ bò giống", "con", "enterprises_donors")
    for bad in ({"code": "health_insurance"}, {"code": "bo_giong"}, {"code": "Bò giống"}):
        with pytest.raises(ValidationError):
            support.add_programme(db, name_vi="x", **bad)
    assert count_rows(db, "support_programme") == 1


def test_bulk_health_insurance_preview_apply_and_idempotence(db, commune):
    rule = support.BulkRule("health_insurance_uninsured", _dt.date(2026, 2, 1))
    targets = support.preview_bulk(db, rule)
    assert {(t.household_id, t.member_id) for t in targets} == {("h1", "h1-b"), ("h2", "h2-a")}
    assert {t.status for t in targets} == {"poor", "near_poor"}
    assert count_rows(db, "support_record") == 0  # preview writes nothing
    east = support.preview_bulk(db, support.BulkRule("health_insurance_uninsured", _dt.date(2026, 2, 1),
                                                     village_id=commune.west))
    assert east == []
    changes = support.apply_bulk(db, rule, targets)
    assert changes.count == 2 and "support" in changes
    records = support.list_support(db)
    assert {(e.member_id, e.programme, e.unit) for e in records} == {("h1-b", "health_insurance", "thẻ"),
                                                                    ("h2-a", "health_insurance", "thẻ")}
    assert len({e.batch_id for e in records}) == 1 and records[0].note.startswith("Ghi hàng loạt")
    assert support.preview_bulk(db, rule) == []  # idempotent: nobody left
    before = (count_rows(db, "support_record"), count_rows(db, "audit_log"))
    with pytest.raises(ValidationError):
        support.apply_bulk(db, rule, targets)  # applying again records nothing twice
    assert (count_rows(db, "support_record"), count_rows(db, "audit_log")) == before
    next_year_rule = support.BulkRule("health_insurance_uninsured", _dt.date(2025, 2, 1))
    assert len(support.preview_bulk(db, next_year_rule)) == 2  # another year: due again


def test_bulk_tet_gift_only_confirmed_targets(db, commune):
    rule = support.BulkRule("tet_gift_poor", _dt.date(2026, 1, 20), amount_vnd=500_000, source="fund_for_the_poor")
    targets = support.preview_bulk(db, rule)
    assert [(t.household_id, t.member_id) for t in targets] == [("h1", None), ("h3", None)]
    support.apply_bulk(db, rule, targets[:1])
    assert [t.household_id for t in support.preview_bulk(db, rule)] == ["h3"]
    with pytest.raises(ValidationError):  # a target the rule does not reach
        support.apply_bulk(db, rule, [("h4", None)])
    with pytest.raises(ValidationError):
        support.apply_bulk(db, rule, [])
    with pytest.raises(ValidationError):
        support.preview_bulk(db, support.BulkRule("free_money", _dt.date(2026, 1, 1)))
    with pytest.raises(NotFound):
        support.preview_bulk(db, support.BulkRule("tet_gift_poor", _dt.date(2026, 1, 1), village_id="nowhere"))
    both = support.preview_bulk(db, support.BulkRule("tet_gift_poor_near_poor", _dt.date(2026, 1, 20)))
    assert [t.household_id for t in both] == ["h2", "h3"]
    e = support.list_support(db)[0]
    assert (e.amount_vnd, e.source, e.quantity) == (500_000, "fund_for_the_poor", None)
    bulk_audit = [a for a in audit(db, None) if a[0] == "bulk_support"]
    assert bulk_audit and bulk_audit[0][2]["count"] == 1


def test_bulk_with_bad_values_writes_nothing(db, commune):
    rule = support.BulkRule("tet_gift_poor", _dt.date(2026, 1, 20), amount_vnd=-1)
    targets = support.preview_bulk(db, rule)
    before = (count_rows(db, "support_record"), count_rows(db, "audit_log"))
    with pytest.raises(ValidationError):
        support.apply_bulk(db, rule, targets)
    assert (count_rows(db, "support_record"), count_rows(db, "audit_log")) == before


def test_register_filters(db, commune):
    assert support.households_without_support(db, 2026) == ["h1", "h2", "h3", "h4", "h5"]
    assert support.households_uninsured_eligible(db, ON) == ["h1", "h2", "h5"]
    support.record_support(db, household_id="h2", programme="health_insurance", date="2026-02-01")
    support.record_support(db, household_id="h4", programme="other", date="2025-12-31")
    assert support.households_without_support(db, 2026) == ["h1", "h3", "h4", "h5"]
    assert support.households_without_support(db, 2025) == ["h1", "h2", "h3", "h5"]
    assert support.households_uninsured_eligible(db, ON) == ["h1", "h5"]
