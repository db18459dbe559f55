"""Coverage and eligibility on the hand-built commune (known answers)."""

from __future__ import annotations

import datetime as _dt

import pytest

from desktop_app.services import support
from desktop_app.support.coverage import COMMUNE, compute_coverage, support_facts
from desktop_app.support.eligibility import hints_for, load_rules, parse_rules
from desktop_app.support.facts import HouseholdFacts, MemberFacts, _newly_out_fallback, load_facts
from desktop_app.errors import StandardFileError
from test_support_build import ON, YEAR, build


@pytest.fixture
def commune(db):
    return build(db)


def figures(db, scope=COMMUNE, year=YEAR):
    facts = load_facts(db, on=ON)
    cov = compute_coverage(facts, support_facts(db), year, lang="en")
    return {f.key: f for f in cov.figures if f.scope == scope}, cov


def test_facts_read_categories_ages_and_indicators(db, commune):
    facts = {h.id: h for h in load_facts(db, on=ON)}
    assert {h: f.category for h, f in facts.items()} == {
        "h1": "poor", "h2": "near_poor", "h3": "poor", "h4": "not_poor", "h5": "middle"}
    assert [m.age for m in facts["h1"].members] == [40, 38, 10]
    assert facts["h1"].deprived("water") and not facts["h2"].deprived("water")
    assert facts["h5"].statuses() == {"middle_farm"}
    assert facts["h4"].statuses() == set()


def test_coverage_before_any_support(db, commune):
    f, cov = figures(db)
    hi = f["health_insurance"]
    assert (hi.numerator, hi.denominator, hi.percent, hi.target, hi.gap) == (4, 6, 66.7, 100.0, 33.3)
    assert (f["tuition"].numerator, f["tuition"].denominator, f["tuition"].percent) == (0, 1, 0.0)
    assert (f["hygienic_water"].numerator, f["hygienic_water"].denominator) == (2, 3)
    assert (f["hygienic_latrine"].numerator, f["hygienic_latrine"].denominator) == (2, 3)
    assert f["hygienic_latrine"].gap == round(80 - 66.7, 1)
    assert (f["housing"].numerator, f["housing"].denominator) == (0, 2)
    loans = f["policy_loans"]
    assert (loans.numerator, loans.denominator, loans.amount_vnd, loans.target, loans.gap) == (0, None, 0, None, None)
    assert cov.by_programme == () and cov.by_source == ()
    east, _ = figures(db, commune.east)
    assert (east["health_insurance"].numerator, east["health_insurance"].denominator) == (3, 5)
    assert east["health_insurance"].village == "Thôn Đông"
    west, _ = figures(db, commune.west)
    assert (west["health_insurance"].numerator, west["health_insurance"].denominator, west["health_insurance"].gap) \
        == (1, 1, 0.0)
    assert "Hải Dương" in hi.source_document and hi.source_text.startswith("100% người thuộc hộ nghèo")


def test_coverage_after_support(db, commune):
    support.record_support(db, household_id="h1", member_id="h1-b", programme="health_insurance", date="2026-02-01")
    support.record_support(db, household_id="h2", programme="health_insurance", date="2026-02-01")  # whole household
    support.record_support(db, household_id="h1", member_id="h1-c", programme="tuition", date="2026-09-05",
                           amount_vnd=1_200_000)
    support.record_support(db, household_id="h3", programme="housing", date="2025-11-20", amount_vnd=40_000_000)
    support.record_support(db, household_id="h1", programme="policy_credit", date="2026-03-01",
                           amount_vnd=30_000_000, term_months=36, purpose="Nuôi bò")
    support.record_support(db, household_id="h4", programme="policy_credit", date="2026-04-01",
                           amount_vnd=20_000_000, source="social_policy_bank")
    support.record_support(db, household_id="h1", programme="holiday_gift", date="2025-01-20", amount_vnd=500_000,
                           source="fund_for_the_poor")
    f, cov = figures(db)
    assert (f["health_insurance"].numerator, f["health_insurance"].percent, f["health_insurance"].gap) == (6, 100.0, 0.0)
    assert (f["tuition"].numerator, f["tuition"].percent) == (1, 100.0)
    assert (f["housing"].numerator, f["housing"].denominator, f["housing"].percent) == (1, 2, 50.0)
    assert (f["policy_loans"].numerator, f["policy_loans"].amount_vnd) == (2, 50_000_000)
    totals = {t.code: (t.records, t.households, t.amount_vnd) for t in cov.by_programme}
    assert totals == {"health_insurance": (2, 2, 0), "tuition": (1, 1, 1_200_000),
                      "policy_credit": (2, 2, 50_000_000)}  # 2025 records are not in 2026's totals
    sources = {t.code: t.amount_vnd for t in cov.by_source}
    assert sources == {"central_budget": 1_200_000, "social_policy_bank": 50_000_000}
    f2025, cov2025 = figures(db, year=2025)
    assert (f2025["housing"].numerator, f2025["health_insurance"].numerator) == (1, 4)
    assert {t.code for t in cov2025.by_programme} == {"housing", "holiday_gift"}
    # the service wrapper gives the same commune figures
    wrapped = {x.key: x for x in support.coverage(db, YEAR).commune()}
    assert wrapped["policy_loans"].amount_vnd == 50_000_000


def test_eligibility_hints_with_reasons(db, commune):
    h3 = {h.programme for h in support.eligible_supports(db, "h3", on=ON, lang="en")}
    assert h3 == {"social_allowance", "policy_credit", "livelihood", "housing", "water_sanitation", "electricity",
                  "holiday_gift"}
    h1 = {h.programme: h for h in support.eligible_supports(db, "h1", on=ON, lang="vi")}
    assert h1["health_insurance"].member_ids == ("h1-b",)
    assert h1["health_insurance"].reason == ("Trần Thị Bình chưa có thẻ bảo hiểm y tế; người thuộc hộ nghèo được "
                                             "hỗ trợ mua thẻ bảo hiểm y tế.")
    assert h1["tuition"].member_ids == ("h1-c",)
    assert h1["nutrition"].member_ids == ("h1-c",)
    assert set(h1["vocational_training"].member_ids) == {"h1-a", "h1-b"}
    assert "chất lượng nhà ở" in h1["housing"].reason
    assert "nguồn nước sinh hoạt" in h1["water_sanitation"].reason
    assert "information" not in h1 and "social_allowance" not in h1
    h5 = support.eligible_supports(db, "h5", on=ON, lang="en")
    assert [h.programme for h in h5] == ["health_insurance"]
    assert "middle-living-standard farm household" in h5[0].reason
    assert support.eligible_supports(db, "h4", on=ON) == []


def test_hints_leave_out_what_was_received_this_year(db, commune):
    support.record_support(db, household_id="h3", programme="holiday_gift", date="2026-01-20", amount_vnd=500_000)
    support.record_support(db, household_id="h1", member_id="h1-b", programme="health_insurance", date="2026-02-01")
    support.record_support(db, household_id="h1", member_id="h1-a", programme="vocational_training",
                           date="2026-03-01")
    support.record_support(db, household_id="h3", programme="livelihood", date="2025-05-01")  # last year: still hinted
    h3 = {h.programme for h in support.eligible_supports(db, "h3", on=ON)}
    assert "holiday_gift" not in h3 and "livelihood" in h3
    h1 = {h.programme: h for h in support.eligible_supports(db, "h1", on=ON)}
    assert "health_insurance" not in h1
    assert h1["vocational_training"].member_ids == ("h1-b",)


def test_newly_out_of_poverty_household_keeps_credit_and_insurance_hints():
    member = MemberFacts("m", "Vũ Văn Lâm", 35, "male", False, None, None, "self_employed", None, True, None)
    h = HouseholdFacts("x", "X-1", None, None, False, "not_poor", True, (member,), {})
    assert h.statuses() == {"newly_out_of_poverty"}
    programmes = [x.programme for x in hints_for(h, {}, lang="en")]
    assert programmes == ["health_insurance", "vocational_training", "policy_credit", "livelihood"]
    assert all("newly out of poverty" in x.reason for x in hints_for(h, {}, lang="en"))
    old = HouseholdFacts("x", "X-1", None, None, False, "not_poor", False, (member,), {})
    assert hints_for(old, {}) == []


def test_newly_out_fallback_uses_36_months_of_rounds(db, commune):
    from desktop_app.services import register

    r2 = register.create_round(db, name="Rà soát 2026", standard_id="vn-2022-2025",
                               start_date="2026-09-15", end_date="2026-10-30")
    register.store_classifications(db, r2.id, [
        {"household_id": "h1", "standard": "vn-2022-2025", "category": "not_poor", "indicators": {}},
        {"household_id": "h2", "standard": "vn-2022-2025", "category": "near_poor", "indicators": {}},
    ])
    with db.session() as s:
        assert _newly_out_fallback(s, {"h1", "h2", "h4"}, _dt.date(2026, 11, 1)) == {"h1"}
        assert _newly_out_fallback(s, {"h1"}, _dt.date(2030, 1, 1)) == set()


def test_rules_file_errors_name_the_key():
    with pytest.raises(StandardFileError, match="format"):
        parse_rules({"format": "x"})
    bad = {"format": "support-eligibility/1", "rule": [
        {"programme": "tuition", "statuses": ["poor"], "vi": "{members} đi học", "en": "at school"}]}
    with pytest.raises(StandardFileError, match=r"rule\[0\]"):
        parse_rules(bad)
    bad["rule"][0]["statuses"] = ["rich"]
    with pytest.raises(StandardFileError, match="statuses"):
        parse_rules(bad)
    assert load_rules().ages.child_below == 16


def test_official_decisions_override_proposal_and_give_newly_out(db, commune):
    """With the review procedure's decisions, the official category in force
    and its 36-month window decide (rows written as the review service would)."""
    from desktop_app.services import register
    from desktop_app.storage.models_review import OfficialClassificationRow, ReviewDecisionRow

    old = register.create_round(db, name="Rà soát 2024", standard_id="vn-2022-2025",
                                start_date="2024-09-15", end_date="2024-12-15")
    with db.transaction() as s:
        d1 = ReviewDecisionRow(round_id=old.id, number="12/QĐ-UBND", date=_dt.date(2024, 12, 20), signer="A")
        d2 = ReviewDecisionRow(round_id=commune.round_id, number="98/QĐ-UBND", date=_dt.date(2025, 12, 20),
                               signer="A")
        s.add_all([d1, d2])
        s.flush()
        for rnd, dec, hid, category in ((old.id, d1, "h4", "poor"), (commune.round_id, d2, "h4", "not_poor"),
                                        (commune.round_id, d2, "h2", "poor")):
            s.add(OfficialClassificationRow(household_id=hid, round_id=rnd, decision_id=dec.id, category=category,
                                            decided_at=dec.date, source="proposed"))
    facts = {h.id: h for h in load_facts(db, on=ON)}
    assert facts["h2"].category == "poor"  # official, not the proposed near-poor
    assert facts["h4"].category == "not_poor" and facts["h4"].newly_out
    assert facts["h4"].statuses() == {"newly_out_of_poverty"}
    before = {h.id: h for h in load_facts(db, on=_dt.date(2025, 6, 1))}
    assert before["h4"].category == "poor" and not before["h4"].newly_out  # the decision in force then
    later = {h.id: h for h in load_facts(db, on=_dt.date(2029, 1, 1))}
    assert not later["h4"].newly_out  # more than 36 months after leaving
    h4 = {h.programme for h in support.eligible_supports(db, "h4", on=ON)}
    assert {"health_insurance", "policy_credit", "livelihood", "vocational_training"} <= h4
    assert "h4" in support.households_uninsured_eligible(db, ON)
