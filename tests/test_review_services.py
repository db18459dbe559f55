"""Review services on a demo register: a whole round to the decision, the
official lists and certificates, and the status between two rounds."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop_app.errors import PermissionDenied, ValidationError
from desktop_app.services import review as rv
from desktop_app.services.accounts import Actor
from desktop_app.services.classify import classify_round
from desktop_app.services.demo import create_demo
from desktop_app.services.register import create_round, load_household, save_household
from desktop_app.storage.database import Database
from desktop_app.storage.models import AuditLogRow
from desktop_app.storage.models_review import OfficialClassificationRow

D = dt.date
OFFICER = Actor("u1", "canbo", "officer", "Cán bộ Lan")


@pytest.fixture
def demo(db: Database):
    result = create_demo(db, households=60, seed=3, classify=classify_round)
    return db, result.round_id


def run_round(db: Database, round_id: str, year: int, *, actor: Actor | None = None,
              certificates: bool = True) -> None:
    """Walk a round from the list to the decision (and certificates)."""
    rv.confirm_list(db, round_id=round_id, actor=actor)
    facts = rv.round_facts(db, round_id)
    for _, name in facts.review_villages():
        rv.record_meeting(db, name, D(year, 11, 10), "Trưởng thôn", "Thư ký", 25, round_id=round_id, actor=actor)
    rv.record_posting(db, D(year, 11, 12), place="Nhà văn hóa thôn", round_id=round_id, actor=actor)
    rv.decide(db, f"{year - 2000}/QĐ-UBND", D(year, 11, 25), "Chủ tịch UBND xã", round_id=round_id, actor=actor)
    if certificates:
        rv.issue_certificates(db, round_id=round_id, actor=actor)


def count(db: Database, model, *where) -> int:
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(model).where(*where))


def test_whole_round_to_the_decision_makes_official_rows_and_certificates(demo):
    db, rid = demo
    facts = rv.round_facts(db)
    n = len(facts.households)
    assert facts.round_id == rid and n >= 4
    assert {h.proposed for h in facts.households} <= {"poor", "near_poor"}
    villages = facts.review_villages()
    assert rv.review_status(db).current == "list"

    assert rv.confirm_list(db, actor=OFFICER) and not rv.confirm_list(db, actor=OFFICER)  # idempotent
    first, second = facts.households[0], facts.households[1]
    for _, name in villages:
        rv.record_meeting(db, name, "2025-11-20", "Trưởng thôn", attendance=30, actor=OFFICER)
    assert not rv.record_meeting(db, villages[0][1], "2025-11-20", "Trưởng thôn", attendance=30, actor=OFFICER)
    rv.record_outcome(db, first.code, "disputed", "Hộ mới mua xe máy", actor=OFFICER)
    rv.record_outcome(db, facts.households[2].code, "agreed", actor=OFFICER)
    status = rv.review_status(db)
    assert status.current == "posting"

    assert rv.record_posting(db, "2025-11-21", place="Nhà văn hóa", actor=OFFICER)  # a Friday
    posting = rv.round_facts(db).posting
    assert (posting.start, posting.end, posting.working_days) == (D(2025, 11, 21), D(2025, 11, 25), 3)
    cid = rv.record_complaint(db, second.code, "2025-11-24", "Hộ có người đi làm xa gửi tiền về",
                              "Ông Ba", actor=OFFICER)
    status = rv.review_status(db)
    assert status.remains == ("1 hộ có ý kiến khác tại họp dân chưa phúc tra", "1 khiếu nại chưa phúc tra")
    with pytest.raises(ValidationError, match="Chưa ra quyết định được"):
        rv.decide(db, "12/QĐ-UBND", "2025-11-28", "Chủ tịch", actor=OFFICER)

    dispute = next(c for c in rv.round_facts(db).complaints if c.origin == "meeting")
    rv.record_recheck(db, dispute.id, "2025-11-26", "kept", by="Tổ phúc tra", actor=OFFICER)
    rv.record_recheck(db, cid, "2025-11-26", "changed", new_category="middle", reason="Thu nhập trên chuẩn",
                      by="Tổ phúc tra", actor=OFFICER)
    before = count(db, AuditLogRow)
    with pytest.raises(ValidationError, match="ngày quyết định 2025-11-24"):
        rv.decide(db, "12/QĐ-UBND", "2025-11-24", "Chủ tịch", actor=OFFICER)
    assert count(db, AuditLogRow) == before  # refused: nothing written
    changes = rv.decide(db, "12/QĐ-UBND", "2025-11-28", "Chủ tịch UBND xã", actor=OFFICER)
    assert "official" in changes and changes.count == n
    assert not rv.decide(db, "12/QĐ-UBND", "2025-11-28", "Chủ tịch UBND xã", actor=OFFICER)
    with pytest.raises(ValidationError, match="đã có quyết định"):
        rv.record_meeting(db, villages[0][1], "2025-11-20", "Người khác", actor=OFFICER)

    official = {e.household_id: e for e in rv.official_list(db)}
    assert len(official) == n == count(db, OfficialClassificationRow)
    assert official[second.household_id].category == "middle"
    assert official[second.household_id].source == "recheck"
    assert official[facts.households[2].household_id].source == "meeting"
    assert official[first.household_id].category == first.proposed
    assert rv.official_category(db, second.household_id) == "middle"
    assert rv.official_category(db, first.household_id, rid) == first.proposed
    assert rv.transitions(db) == []  # the first decided round has nothing to compare with

    status = rv.review_status(db)
    assert status.current == "decision"
    assert status.remains == (f"{n - 1} hộ nghèo, cận nghèo chưa ghi số giấy chứng nhận",)
    with pytest.raises(ValidationError, match="chưa có số giấy chứng nhận"):
        rv.mark_reported(db, actor=OFFICER)
    with pytest.raises(ValidationError, match="không cấp giấy chứng nhận"):
        rv.issue_certificate(db, second.code, "001/GCN", actor=OFFICER)
    rv.issue_certificate(db, first.code, "001/GCN", actor=OFFICER)
    with pytest.raises(ValidationError, match="đã cấp cho hộ"):
        rv.issue_certificate(db, facts.households[2].code, "001/GCN", actor=OFFICER)
    assert rv.issue_certificates(db, actor=OFFICER).count == n - 2
    numbers = [e.certificate_number for e in rv.official_list(db) if e.category in ("poor", "near_poor")]
    assert len(set(numbers)) == n - 1 and "001/GCN" in numbers
    rv.mark_reported(db, actor=OFFICER)
    status = rv.review_status(db)
    assert status.current is None
    assert status.step("decision").mark.by == "canbo"
    with db.session() as s:
        users = set(s.scalars(select(AuditLogRow.user).where(AuditLogRow.action.like("review.%"))))
    assert users == {"canbo"}


def test_viewer_may_not_record_steps(demo):
    db, _ = demo
    with pytest.raises(PermissionDenied):
        rv.confirm_list(db, actor=Actor("u2", "xem", "viewer"))


def test_bad_input_is_refused_with_the_fix_and_nothing_written(demo):
    db, _ = demo
    before = count(db, AuditLogRow)
    with pytest.raises(ValidationError, match="chốt danh sách"):
        rv.record_meeting(db, "Khóm 1", "2025-11-20", "Trưởng thôn")
    rv.confirm_list(db)
    before = count(db, AuditLogRow)
    for call, match in [
        (lambda: rv.record_meeting(db, "Thôn Không Có", "2025-11-20", "A"), "Không tìm thấy thôn"),
        (lambda: rv.record_meeting(db, "Khóm 1", "20/11/2025", "A"), "NNNN-TT-NN"),
        (lambda: rv.record_meeting(db, "Khóm 1", "2025-11-20", " "), "không được để trống"),
        (lambda: rv.record_meeting(db, "Khóm 1", "2025-11-20", "A", attendance=-1), "số người dự họp"),
        (lambda: rv.record_outcome(db, "XX-9999", "agreed"), "Không tìm thấy hộ"),
        (lambda: rv.record_posting(db, "2025-11-21"), "chưa họp dân"),
        (lambda: rv.decide(db, "1", "2025-11-28", "A"), "Chưa ra quyết định"),
        (lambda: rv.round_facts(db, "no-such-round"), "Không tìm thấy đợt"),
    ]:
        with pytest.raises((ValidationError, Exception), match=match):
            call()
    assert count(db, AuditLogRow) == before


def test_requests_and_quick_screen_put_households_on_the_list(demo):
    db, rid = demo
    listed = {h.household_id for h in rv.round_facts(db).households}
    other = next(h for h in _all_households(db) if h.household_id not in listed)
    rv.record_request(db, other.household_id, "enter", "2025-10-01", "Chồng mất, thu nhập giảm")
    facts = rv.round_facts(db)
    entry = facts.household(other.household_id)
    assert entry is not None and entry.request == "enter"
    rv.record_quick_screen(db, other.household_id, {"car": True, "public_servant": False}, "2025-10-05")
    entry = rv.round_facts(db).household(other.household_id)
    assert entry.screened_out and entry.proposed == "not_poor"
    assert load_household(db, other.household_id, rid).survey.extra["quick_screen"]["car"] is True
    classify_round(db, rid)  # the engine reads the same answers: stopped at form A, not poor
    assert rv.round_facts(db).household(other.household_id).classification == "not_poor"
    with pytest.raises(ValidationError, match="tiêu chí «yacht»"):
        rv.record_quick_screen(db, other.household_id, {"yacht": True}, "2025-10-05")
    run_round(db, rid, 2025)
    assert rv.official_category(db, other.household_id, rid) == "not_poor"


def _all_households(db: Database, round_id: str | None = None):
    from desktop_app.services.register import list_households

    return list_households(db, round_id, limit=1000)


def _make_poor(db: Database, household_id: str, round_id: str) -> None:
    h = load_household(db, household_id)
    h.survey.score_a = 100
    h.survey.water_source = "surface_water"
    h.survey.latrine = "none"
    h.survey.house_none = True
    save_household(db, h, round_id=round_id)


def _make_rich(db: Database, household_id: str, round_id: str) -> None:
    h = load_household(db, household_id)
    h.survey.score_a = 400
    h.survey.income_per_capita = 9_000_000
    save_household(db, h, round_id=round_id)


def test_two_rounds_transitions_and_the_36_month_window(demo, tmp_path: Path):
    db, r1 = demo
    run_round(db, r1, 2025)
    official1 = {e.household_id: e.category for e in rv.official_list(db, r1)}
    poor = next(hid for hid, c in official1.items() if c == "poor")
    outsider = next(h.household_id for h in _all_households(db, r1) if h.household_id not in official1
                    and h.category in ("not_poor", "middle"))

    r2 = create_round(db, name="Rà soát định kỳ 2027", standard_id="vn-2022-2025",
                      start_date="2026-09-15", end_date="2026-12-15").id
    for h in _all_households(db):  # the same answers as last year ...
        save_household(db, load_household(db, h.household_id, r1), round_id=r2)
    _make_rich(db, poor, r2)  # ... but one poor household got richer
    _make_poor(db, outsider, r2)  # ... and one household fell into poverty
    classify_round(db, r2)
    facts = rv.round_facts(db, r2)
    assert facts.household(poor).previous == "poor"
    assert facts.household(outsider).proposed == "poor"
    run_round(db, r2, 2026)

    found = {tr.household_id: tr for tr in rv.transitions(db, r2)}
    assert found[poor].events == ("out_of_poverty",) and found[poor].current == "not_poor"
    assert found[outsider].events == ("newly_poor",) and found[outsider].previous is None
    assert found[poor].labels() == ["Thoát nghèo"]
    assert all(tr.events for tr in found.values())
    assert rv.official_category(db, poor) == "not_poor"
    assert rv.official_category(db, poor, r1) == "poor"

    decided = D(2026, 11, 25)
    assert not rv.newly_out_of_poverty(db, poor, decided - dt.timedelta(days=1))
    assert rv.newly_out_of_poverty(db, poor, decided)
    assert rv.newly_out_of_poverty(db, poor, "2029-11-24")
    assert not rv.newly_out_of_poverty(db, poor, "2029-11-25")
    assert not rv.newly_out_of_poverty(db, outsider, "2027-01-01")


def test_meeting_with_outcomes_in_one_transaction_and_order_of_later_changes(demo):
    db, rid = demo
    rv.confirm_list(db)
    facts = rv.round_facts(db)
    vid, name = facts.review_villages()[0]
    codes = [h.code for h in facts.households if h.village_id == vid]
    before = count(db, AuditLogRow)
    bad = {codes[0]: ("disputed", "x"), "XX-0000": ("agreed", None)}
    with pytest.raises(ValidationError, match="Không tìm thấy hộ"):
        rv.record_meeting(db, name, "2025-11-20", "Trưởng thôn", outcomes=bad)
    assert count(db, AuditLogRow) == before and not rv.round_facts(db).meetings  # all or nothing
    changes = rv.record_meeting(db, name, "2025-11-20", "Trưởng thôn", None, 20,
                                outcomes={c: ("agreed", None) for c in codes})
    assert changes.kinds == {"review"}
    assert not rv.record_meeting(db, name, "2025-11-20", "Trưởng thôn", None, 20,
                                 outcomes={c: ("agreed", None) for c in codes})  # idempotent
    assert set(rv.round_facts(db).outcomes) == {h.household_id for h in facts.households if h.village_id == vid}
    with pytest.raises(ValidationError, match="phúc tra"):
        rv.record_quick_screen(db, codes[0], {"car": True}, "2025-11-21")  # after the meeting
    # a dispute that is withdrawn before its re-check disappears
    rv.record_outcome(db, codes[0], "disputed", "Ý kiến")
    assert len(rv.round_facts(db).open_complaints("meeting")) == 1
    rv.record_outcome(db, codes[0], "agreed")
    assert rv.round_facts(db).open_complaints() == []
    for _, other in facts.review_villages()[1:]:
        rv.record_meeting(db, other, "2025-11-20", "Trưởng thôn")
    rv.record_posting(db, "2025-11-21", "2025-11-27")
    rv.record_complaint(db, codes[0], "2025-11-24", "Xem lại")
    with pytest.raises(ValidationError, match="khiếu nại ngày 2025-11-24"):
        rv.record_posting(db, "2025-11-25", "2025-11-27")  # would start after a complaint
    with pytest.raises(ValidationError, match="sau ngày bắt đầu niêm yết"):
        rv.record_meeting(db, name, "2025-11-22", "Trưởng thôn")
