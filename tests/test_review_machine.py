"""The review state machine and its rules, without Qt or a database."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from desktop_app.errors import ValidationError
from desktop_app.i18n import t
from desktop_app.review import machine, rules
from desktop_app.review.machine import (
    ComplaintFacts,
    DecisionFacts,
    HouseholdFacts,
    Mark,
    MeetingFacts,
    PostingFacts,
    RoundFacts,
)

D = dt.date
MARK = Mark("officer", dt.datetime(2025, 11, 1, tzinfo=dt.timezone.utc))
VILLAGES = (("v1", "Thôn Đông"), ("v2", "Thôn Đoài"), ("v3", "Thôn Nam"))


def hh(hid: str, village: str = "v1", classification: str | None = "poor", **kw) -> HouseholdFacts:
    return HouseholdFacts(hid, hid.upper(), village, dict(VILLAGES)[village], classification=classification,
                          surveyed=classification is not None, **kw)


def facts(**kw) -> RoundFacts:
    base = dict(round_id="r", round_name="Rà soát 2026",
                households=(hh("a"), hh("b", classification="near_poor"), hh("c", "v2")), villages=VILLAGES)
    base.update(kw)
    return RoundFacts(**base)


def meeting(village: str, day: D) -> MeetingFacts:
    return MeetingFacts(f"m-{village}", village, dict(VILLAGES)[village], day, "Chủ tọa", None, 20, MARK)


def ready(**kw) -> RoundFacts:
    """Facts at the decision: list confirmed, meetings held, posting done."""
    base = dict(list_mark=MARK, meetings={"v1": meeting("v1", D(2025, 11, 10)), "v2": meeting("v2", D(2025, 11, 11))},
                posting=PostingFacts(D(2025, 11, 12), D(2025, 11, 14), "Nhà văn hóa", 3, MARK))
    base.update(kw)
    return facts(**base)


def test_fresh_round_is_at_step_one_with_the_count_to_confirm():
    st = machine.status(facts())
    assert st.current == "list"
    assert st.remains == (t("review.remain.list_confirm", count=3),)
    assert [s.state for s in st.steps] == ["current", "done", "done", "pending", "pending", "pending", "pending"]


def test_empty_list_says_there_is_nothing_to_review_and_cannot_be_confirmed():
    f = facts(households=())
    assert machine.status(f).remains == (t("review.remain.list_empty"),)
    with pytest.raises(ValidationError):
        machine.check_confirm_list(f)


def test_what_remains_names_villages_without_meeting():
    f = facts(list_mark=MARK, meetings={"v1": meeting("v1", D(2025, 11, 10))})
    st = machine.status(f)
    assert st.current == "meeting"
    assert st.remains == ("Thôn Đoài: chưa họp dân",)  # Thôn Nam has no listed household


def test_unclassified_households_block_their_village_meeting_only():
    f = facts(list_mark=MARK, households=(hh("a"), hh("c", "v2", classification="incomplete"),
                                          hh("d", "v2", classification=None)))
    st = machine.status(f)
    assert st.current == "quick_screen"
    assert st.step("quick_screen").remains == (t("review.remain.quick_screen", count=1),)
    assert st.step("survey").remains == (t("review.remain.survey", count=2),)
    machine.check_meeting(f, "v1", D(2025, 11, 10))
    with pytest.raises(ValidationError, match="2 hộ chưa có kết quả phân loại"):
        machine.check_meeting(f, "v2", D(2025, 11, 10))


def test_quick_screen_stop_gives_not_poor_without_form_b():
    h = hh("x", classification="incomplete", screened=True, screened_out=True)
    assert h.proposed == "not_poor"
    assert hh("y", classification="incomplete").proposed is None


def test_meeting_refused_before_the_list_is_confirmed():
    with pytest.raises(ValidationError) as err:
        machine.check_meeting(facts(), "v1", D(2025, 11, 10))
    assert "chốt danh sách" in err.value.message


def test_posting_refused_while_a_village_has_not_met():
    f = facts(list_mark=MARK, meetings={"v1": meeting("v1", D(2025, 11, 10))})
    with pytest.raises(ValidationError, match="Thôn Đoài chưa họp dân"):
        machine.check_posting(f, D(2025, 11, 12), D(2025, 11, 14))


def test_dates_must_be_in_order_meeting_posting_decision():
    f = ready(posting=None)
    with pytest.raises(ValidationError, match="trước ngày họp dân"):
        machine.check_posting(f, D(2025, 11, 10), D(2025, 11, 14))  # before Thôn Đoài's meeting on 11-11
    with pytest.raises(ValidationError, match="trước ngày bắt đầu"):
        machine.check_posting(f, D(2025, 11, 12), D(2025, 11, 11))
    machine.check_posting(f, D(2025, 11, 11), D(2025, 11, 13))  # same day as the last meeting is fine
    f = ready()
    with pytest.raises(ValidationError, match="sau ngày bắt đầu niêm yết"):
        machine.check_meeting(f, "v1", D(2025, 11, 13))
    with pytest.raises(ValidationError, match="ngày kết thúc niêm yết"):
        machine.check_decision(f, "1/QĐ", D(2025, 11, 13), "Chủ tịch")
    assert machine.check_decision(f, "1/QĐ", D(2025, 11, 14), "Chủ tịch") is False


def test_no_decision_while_complaints_are_not_rechecked():
    open_ = ComplaintFacts("k1", "a", "posting", D(2025, 11, 13), "Bà X", "Xem lại")
    f = ready(complaints=(open_,))
    assert machine.status(f).step("posting").remains == ("1 khiếu nại chưa phúc tra",)
    with pytest.raises(ValidationError, match="1 khiếu nại chưa phúc tra"):
        machine.check_decision(f, "1/QĐ", D(2025, 11, 20), "Chủ tịch")
    done = dataclasses.replace(open_, recheck_date=D(2025, 11, 18), result="kept")
    f = ready(complaints=(done,))
    with pytest.raises(ValidationError, match="phúc tra"):
        machine.check_decision(f, "1/QĐ", D(2025, 11, 17), "Chủ tịch")  # before the re-check
    assert machine.check_decision(f, "1/QĐ", D(2025, 11, 18), "Chủ tịch") is False


def test_meeting_disputes_count_separately_from_complaints():
    dispute = ComplaintFacts("k0", "b", "meeting", D(2025, 11, 10), None, "Hộ có xe mới")
    st = machine.status(ready(complaints=(dispute,)))
    assert st.current == "posting"
    assert st.remains == ("1 hộ có ý kiến khác tại họp dân chưa phúc tra",)


def test_complaint_needs_a_posting_and_a_date_from_its_start():
    with pytest.raises(ValidationError, match="niêm yết"):
        machine.check_complaint(ready(posting=None), "a", D(2025, 11, 13))
    with pytest.raises(ValidationError, match="trước ngày bắt đầu niêm yết"):
        machine.check_complaint(ready(), "a", D(2025, 11, 11))
    with pytest.raises(ValidationError, match="không có trong danh sách"):
        machine.check_complaint(ready(), "zzz", D(2025, 11, 13))


def test_recheck_change_needs_a_different_category_and_a_reason():
    c = ComplaintFacts("k1", "a", "posting", D(2025, 11, 13), None, "Xem lại")
    f = ready(complaints=(c,))
    with pytest.raises(ValidationError, match="trước ngày khiếu nại"):
        machine.check_recheck(f, "k1", D(2025, 11, 12), "kept", None, None)
    with pytest.raises(ValidationError):
        machine.check_recheck(f, "k1", D(2025, 11, 14), "changed", "poor", "lý do")  # already poor
    with pytest.raises(ValidationError, match="lý do"):
        machine.check_recheck(f, "k1", D(2025, 11, 14), "changed", "near_poor", None)
    machine.check_recheck(f, "k1", D(2025, 11, 14), "changed", "near_poor", "thu nhập cao hơn")


def test_final_results_sources_and_last_change_wins():
    k1 = ComplaintFacts("k1", "a", "posting", D(2025, 11, 13), None, "x", D(2025, 11, 14), None, "changed",
                        "near_poor", "r1")
    k2 = ComplaintFacts("k2", "a", "posting", D(2025, 11, 13), None, "y", D(2025, 11, 16), None, "changed",
                        "middle", "r2")
    k3 = ComplaintFacts("k3", "c", "posting", D(2025, 11, 13), None, "z", D(2025, 11, 15), None, "kept")
    f = ready(complaints=(k2, k1, k3), outcomes={"b": ("agreed", None)})
    assert machine.final_results(f) == {"a": ("middle", "recheck"), "b": ("near_poor", "meeting"),
                                        "c": ("poor", "proposed")}


def test_decision_is_idempotent_but_not_overwritten_and_closes_the_round():
    d = DecisionFacts("d", "1/QĐ", D(2025, 11, 20), "Chủ tịch", MARK)
    f = ready(decision=d, official={"a": "poor", "b": "near_poor", "c": "poor"},
              certificates={"a": None, "b": "02", "c": None})
    assert machine.check_decision(f, "1/QĐ", D(2025, 11, 20), "Chủ tịch") is True
    with pytest.raises(ValidationError, match="không ghi đè"):
        machine.check_decision(f, "2/QĐ", D(2025, 11, 20), "Chủ tịch")
    for action in (lambda: machine.check_meeting(f, "v1", D(2025, 11, 10)), lambda: machine.check_open(f),
                   lambda: machine.check_complaint(f, "a", D(2025, 11, 13))):
        with pytest.raises(ValidationError, match="đã có quyết định"):
            action()
    st = machine.status(f)
    assert st.current == "decision"
    assert st.remains == ("2 hộ nghèo, cận nghèo chưa ghi số giấy chứng nhận",)
    with pytest.raises(ValidationError, match="chưa có số giấy chứng nhận"):
        machine.check_report(f)
    with pytest.raises(ValidationError, match="đã cấp cho hộ B"):
        machine.check_certificate(f, "a", "02")
    done = dataclasses.replace(f, certificates={"a": "01", "b": "02", "c": "03"}, report_mark=MARK)
    assert machine.status(done).current is None


def test_certificate_only_for_poor_and_near_poor_after_the_decision():
    with pytest.raises(ValidationError, match="chưa có quyết định"):
        machine.check_certificate(ready(), "a", "01")
    d = DecisionFacts("d", "1/QĐ", D(2025, 11, 20), "Chủ tịch", MARK)
    f = ready(decision=d, official={"a": "middle"}, certificates={})
    with pytest.raises(ValidationError, match="không cấp giấy chứng nhận"):
        machine.check_certificate(f, "a", "01")


def test_working_days_skip_the_weekend():
    assert rules.add_working_days(D(2025, 11, 17), 3) == D(2025, 11, 19)  # Monday -> Wednesday
    assert rules.add_working_days(D(2025, 11, 20), 3) == D(2025, 11, 24)  # Thursday -> Monday
    assert rules.add_working_days(D(2025, 11, 22), 3) == D(2025, 11, 26)  # Saturday start


def test_add_months_clamps_to_the_end_of_the_month():
    assert rules.add_months(D(2025, 11, 28), 36) == D(2028, 11, 28)
    assert rules.add_months(D(2024, 2, 29), 12) == D(2025, 2, 28)
    assert rules.add_months(D(2025, 12, 31), 2) == D(2026, 2, 28)


@pytest.mark.parametrize("history, current, events", [
    ([], "poor", ("newly_poor",)),
    ([], "near_poor", ("newly_near_poor",)),
    (["not_poor"], "poor", ("newly_poor",)),
    (["poor"], "not_poor", ("out_of_poverty",)),
    (["poor"], "near_poor", ("out_of_poverty", "newly_near_poor")),
    (["near_poor"], "middle", ("out_of_near_poverty",)),
    (["near_poor"], "poor", ("newly_poor",)),
    (["poor", "middle"], "poor", ("fallen_back",)),
    (["poor", "near_poor"], "poor", ("fallen_back",)),
    (["near_poor", "not_poor"], "near_poor", ("near_poor_again",)),
    (["poor"], "poor", ()),
    (["middle"], "not_poor", ()),
])
def test_transition_events(history, current, events):
    assert rules.transition_events(history, current) == events


def test_newly_out_of_poverty_window_is_36_months():
    left = D(2025, 11, 28)
    history = [(D(2024, 11, 20), "poor"), (left, "not_poor")]
    assert not rules.newly_out(history, D(2025, 11, 27))  # still poor then
    assert rules.newly_out(history, left)
    assert rules.newly_out(history, D(2028, 11, 27))
    assert not rules.newly_out(history, D(2028, 11, 28))
    back = history + [(D(2026, 11, 20), "poor")]
    assert not rules.newly_out(back, D(2027, 1, 1))  # fell back into poverty
    assert not rules.newly_out([(left, "not_poor")], D(2026, 1, 1))  # never on a list
    near = [(D(2024, 11, 20), "poor"), (D(2025, 11, 20), "near_poor"), (D(2026, 11, 20), "middle")]
    assert rules.newly_out(near, D(2029, 11, 19)) and not rules.newly_out(near, D(2029, 11, 20))


def test_dates_and_texts_are_validated_with_the_fix():
    with pytest.raises(ValidationError, match="NNNN-TT-NN"):
        rules.parse_date("date", "20/11/2025")
    with pytest.raises(ValidationError, match="không được để trống"):
        rules.text_value("chair", "   ")
    assert rules.text_value("chair", "  Nguyễn   Văn A ") == "Nguyễn Văn A"
