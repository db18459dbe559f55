"""Deterministic sample data for every report: previews, benchmarks and tests.

Invented people and places; nothing here comes from a real register.
"""

from __future__ import annotations

import datetime as _dt
import random
from typing import Iterator

from desktop_app.reports.data import (
    CauseCounts, Certificate, Commune, CommuneSummary, GroupCounts, HouseholdExportRow, IndicatorCounts, KeyEntry,
    KeySheet, ListHousehold, MemberLine, PostingList, SupportEntry, SupportLedger, SupportTotals, SurveyForm,
    TransitionCounts, VillageCounts, VillageMeetingList,
)
from desktop_app.reports.texts import FUNDING_SOURCES, GROUPS, INDICATORS, PROGRAMMES

FAMILY = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô",
          "Dương", "Lý", "Lò", "Hà", "Triệu", "Đinh")
MIDDLE_F = ("Thị", "Thị Thu", "Thị Ngọc", "Thị Ánh", "Thị Hồng", "Ngọc", "Thuỳ")
MIDDLE_M = ("Văn", "Đức", "Hữu", "Quang", "Minh", "Công", "Xuân")
GIVEN_F = ("Lan", "Hương", "Hằng", "Nguyệt", "Thảo", "Yến", "Phượng", "Mỹ", "Duyên", "Quỳnh", "Ánh", "Hạnh")
GIVEN_M = ("Bình", "Dũng", "Cường", "Hùng", "Tuấn", "Khoa", "Lực", "Thắng", "Phúc", "Quý", "Đạt", "Sơn")
VILLAGES = ("Thôn Đông", "Thôn Tây", "Thôn Bắc Sơn", "Thôn Nam Hà", "Xóm Mới", "Bản Phố")
CATEGORY_WEIGHTS = (("poor", 3), ("near_poor", 3), ("middle", 2), ("not_poor", 1), ("incomplete", 1))

#: changes since the last round that are consistent with each category
CHANGES_BY_CATEGORY = {
    "poor": ("unchanged", "new_poor", "fallen_back_poor", "near_poor_to_poor"),
    "near_poor": ("unchanged", "new_near_poor", "fallen_back_near_poor", "poor_to_near_poor"),
    "middle": ("out_of_poverty", "out_of_near_poverty"),
    "not_poor": ("out_of_poverty", "out_of_near_poverty"),
    "incomplete": ("unchanged",),
}

COMMUNE = Commune(name="Xã Thanh Hà", code="22246", province="Tỉnh Ninh Bình", place="Thanh Hà")


def person_name(rnd: random.Random, female: bool | None = None) -> str:
    female = rnd.random() < 0.5 if female is None else female
    middle, given = (MIDDLE_F, GIVEN_F) if female else (MIDDLE_M, GIVEN_M)
    return f"{rnd.choice(FAMILY)} {rnd.choice(middle)} {rnd.choice(given)}"


def _category(rnd: random.Random) -> str:
    return rnd.choices([c for c, _ in CATEGORY_WEIGHTS], [w for _, w in CATEGORY_WEIGHTS])[0]


def list_households(n: int, seed: int = 1, village: str | None = None) -> list[ListHousehold]:
    """``n`` households with varied names (some long enough to wrap)."""
    rnd = random.Random(seed)
    out = []
    for i in range(n):
        cat = _category(rnd)
        deprived = rnd.sample(INDICATORS, rnd.choice((0, 1, 2, 3, 3, 4, 5))) if cat != "not_poor" else []
        name = person_name(rnd)
        if i % 17 == 5:
            name += f" (tức {person_name(rnd)}, chủ hộ mới từ năm 2024)"
        out.append(ListHousehold(
            head_name=name, members=rnd.randint(1, 9), category=cat,
            address=f"Xóm {rnd.randint(1, 12)}" + (", gần nhà văn hóa cũ" if i % 11 == 3 else ""),
            household_code=f"{(village or 'TH')[:1]}{i + 1:05d}",
            village=village or rnd.choice(VILLAGES),
            score_a=rnd.randint(90, 240) if rnd.random() > 0.1 else None,
            score_b=10 * len(deprived), deprived=deprived,
            change=rnd.choice(CHANGES_BY_CATEGORY[cat]) if rnd.random() < 0.4 else None,
        ))
    return out


def meeting_list(n: int = 60, seed: int = 1) -> VillageMeetingList:
    return VillageMeetingList(
        commune=COMMUNE, village="Thôn Đông", round_name="Rà soát định kỳ năm 2025",
        households=list_households(n, seed, "Thôn Đông"), meeting_date=_dt.date(2025, 11, 5),
        chair="Nguyễn Văn An", secretary="Lê Thị Bích",
    )


def posting_list(n: int = 80, seed: int = 2) -> PostingList:
    return PostingList(
        commune=COMMUNE, round_name="Rà soát định kỳ năm 2025", posting_from=_dt.date(2025, 11, 12),
        posting_to=_dt.date(2025, 11, 14), households=list_households(n, seed),
        posting_place="Nhà văn hóa các thôn và trụ sở Ủy ban nhân dân xã Thanh Hà",
        signed_on=_dt.date(2025, 11, 11), signer="Phạm Văn Hùng",
    )


def members() -> list[MemberLine]:
    return [
        MemberLine("Nguyễn Thị Lan", "head", "female", "1979-04-12", "035179001234", "Kinh", True,
                   "lower_secondary", "self_employed"),
        MemberLine("Trần Văn Dũng", "spouse", "male", "1975", "035075004321", "Kinh", False, "primary",
                   "wage_without_contract"),
        MemberLine("Trần Thị Ngọc Ánh", "child", "female", "2010-09-01", None, "Kinh", True, "primary",
                   "not_in_labour_force"),
        MemberLine("Trần Đức Phúc", "child", "male", "2016-02-29", None, "Kinh", True, "none", "not_in_labour_force"),
        MemberLine("Nguyễn Thị Hằng", "parent", "female", "1948", "035148000077", "Kinh", True, "none",
                   "not_in_labour_force"),
    ]


def survey_form() -> SurveyForm:
    states = {k: "no" for k in INDICATORS}
    states.update(housing_quality="yes", latrine="yes", telecom="yes", health_insurance="yes", nutrition="unknown")
    return SurveyForm(
        commune=COMMUNE, village="Thôn Đông", head_name="Nguyễn Thị Lan", members=members(), indicators=states,
        category="poor", score_b=40, address="Xóm 3", household_code="D00017", area="rural",
        survey_date=_dt.date(2025, 10, 20), standard="vn-2022-2025", surveyor="Đỗ Quang Minh", score_a=131,
        score_a_cutoff=140, income_per_capita=1_200_000, poverty_line=1_500_000,
        reasons={
            "housing_quality": "Tường bền chắc nhưng cột và mái nhà không bền chắc.",
            "latrine": "Hộ không có nhà tiêu.",
            "telecom": "Không thành viên nào sử dụng dịch vụ internet.",
            "health_insurance": "Trần Văn Dũng (50 tuổi) không có thẻ bảo hiểm y tế còn hạn.",
        },
        missing=["Tình trạng dinh dưỡng của Trần Đức Phúc (9 tuổi)"],
        warnings=["Điểm A dưới ngưỡng nhưng thu nhập ghi nhận gần chuẩn nghèo; kiểm tra lại phiếu thu nhập."],
    )


def certificate() -> Certificate:
    return Certificate(
        commune=COMMUNE, category="poor", head_name="Nguyễn Thị Lan", members=members(),
        valid_from=_dt.date(2026, 1, 1), valid_to=_dt.date(2026, 12, 31),
        standard_period="giai đoạn 2022–2025", number="15/GCN-UBND", address="Xóm 3", village="Thôn Đông",
        head_birth="1979-04-12", head_id_number="035179001234", decision_number="245/QĐ-UBND",
        decision_date=_dt.date(2025, 12, 20), issued_on=_dt.date(2025, 12, 22), signer="Phạm Văn Hùng",
    )


def support_ledger() -> SupportLedger:
    entries = [
        SupportEntry("health_insurance", _dt.date(2025, 1, 6), None, 5, "thẻ", "central_budget",
                     "Thẻ BHYT năm 2025 cho cả hộ", "Đỗ Quang Minh"),
        SupportEntry("holiday_gift", _dt.date(2025, 1, 20), 500_000, 1, "suất", "fund_for_the_poor",
                     "Quà Tết Ất Tỵ", "Đỗ Quang Minh"),
        SupportEntry("policy_credit", _dt.date(2025, 3, 15), 50_000_000, None, None, "social_policy_bank",
                     "Vay hộ nghèo, thời hạn 60 tháng, mục đích nuôi bò sinh sản", "Đỗ Quang Minh"),
        SupportEntry("livelihood", _dt.date(2025, 4, 2), None, 2.5, "tạ", "local_budget",
                     "Giống ngô lai vụ xuân", "Lê Thị Bích"),
        SupportEntry("tuition", _dt.date(2025, 9, 5), 1_500_000, None, None, "central_budget",
                     "Hỗ trợ chi phí học tập", "Lê Thị Bích", member_name="Trần Thị Ngọc Ánh"),
        SupportEntry("Hỗ trợ sửa mái nhà sau bão số 3", _dt.date(2025, 9, 20), 12_000_000, None, None,
                     "enterprises_donors", "Công ty TNHH Minh Phát tài trợ", "Lê Thị Bích"),
    ]
    return SupportLedger(commune=COMMUNE, head_name="Nguyễn Thị Lan", entries=entries, village="Thôn Đông",
                         address="Xóm 3", household_code="D00017", category="poor")


def key_sheet() -> KeySheet:
    return KeySheet(
        commune=COMMUNE, district_office="Sở Nông nghiệp và Môi trường tỉnh Ninh Bình",
        keys=[KeyEntry("Khóa ký gói dữ liệu của xã", "9f2c4be07d1a66e35b0c8a9174d3e2f0a18b5c6d7e8f90123456789abcdef012",
                       "Ed25519", _dt.date(2025, 9, 1))],
        device="LAPTOP-THANHHA-01", officer="Đỗ Quang Minh", chairman="Phạm Văn Hùng", signed_on=_dt.date(2025, 9, 2),
    )


def summary(seed: int = 3) -> CommuneSummary:
    rnd = random.Random(seed)
    villages = []
    for v in VILLAGES:
        hh = rnd.randint(150, 420)
        poor, near = rnd.randint(5, 40), rnd.randint(5, 35)
        villages.append(VillageCounts(v, hh, poor, near, rnd.randint(3, 20), hh * 4, poor * 4, near * 4))
    poor_total = sum(v.poor for v in villages)
    near_total = sum(v.near_poor for v in villages)
    return CommuneSummary(
        commune=COMMUNE, round_name="Rà soát định kỳ năm 2025", report_date=_dt.date(2025, 12, 22),
        standard="vn-2022-2025", villages=villages,
        groups=[GroupCounts(g, rnd.randint(40, 200), rnd.randint(3, 30), rnd.randint(3, 30)) for g in GROUPS],
        indicators=[IndicatorCounts(k, rnd.randint(0, poor_total), rnd.randint(0, near_total),
                                    rnd.randint(near_total, 400)) for k in INDICATORS],
        indicator_base=(poor_total, near_total, 600),
        causes=[CauseCounts(c, rnd.randint(0, 40), rnd.randint(0, 40)) for c in
                ("lack_capital", "lack_land", "lack_labour", "illness", "many_dependants", "other")],
        transitions=[TransitionCounts(v.village, v.poor + 4, 6, 1, 1, v.poor, v.near_poor + 2, 5, 3, 0,
                                      v.near_poor) for v in villages],
        support=[SupportTotals(p, rnd.randint(5, 90), rnd.randint(5, 150),
                               {s: rnd.randint(0, 20) * 1_000_000 for s in rnd.sample(FUNDING_SOURCES, 2)})
                 for p in PROGRAMMES[:8]],
        prepared_by="Đỗ Quang Minh",
    )


def export_rows(n: int, seed: int = 4) -> Iterator[HouseholdExportRow]:
    """``n`` household rows for the full list export (a generator: constant memory)."""
    rnd = random.Random(seed)
    for i in range(n):
        cat = _category(rnd)
        female = rnd.random() < 0.4
        deprived = rnd.sample(INDICATORS, rnd.randint(0, 5))
        yield HouseholdExportRow(
            household_code=f"H{i + 1:06d}", village=VILLAGES[i % len(VILLAGES)], head_name=person_name(rnd, female),
            members=rnd.randint(1, 9), address=f"Xóm {rnd.randint(1, 12)}", head_sex="female" if female else "male",
            head_birth=f"{rnd.randint(1940, 2000)}-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}",
            head_id_number=f"0{rnd.randint(10**10, 10**11 - 1)}", ethnicity="Kinh" if rnd.random() < 0.8 else "Tày",
            area="rural", category=cat, official=rnd.random() < 0.5, change=rnd.choice(CHANGES_BY_CATEGORY[cat]),
            score_a=rnd.randint(90, 240), score_b=10 * len(deprived), income_per_capita=rnd.randint(8, 40) * 100_000,
            deprived=deprived, ethnic_minority=rnd.random() < 0.2, meritorious=rnd.random() < 0.05,
            social_protection=rnd.random() < 0.1, poverty_causes=["illness"] if cat == "poor" else [],
            survey_date=_dt.date(2025, 10, 1) + _dt.timedelta(days=i % 40), household_id=f"hh-{i:08d}",
        )


def import_rows(households: int, seed: int = 5) -> Iterator[dict]:
    """Template rows ``{field: code value}`` of ``households`` valid households
    (1 to 6 members each) for import tests and benchmarks."""
    rnd = random.Random(seed)
    relations = ("spouse", "child", "child", "parent", "grandchild", "sibling")
    for h in range(households):
        code = f"H{h + 1:06d}"
        size = rnd.randint(1, 6)
        survey = rnd.random() < 0.7
        for m in range(size):
            female = rnd.random() < 0.5
            row = {"household_code": code, "full_name": person_name(rnd, female),
                   "relation": "head" if m == 0 else relations[m - 1], "sex": "female" if female else "male",
                   "birth_date": f"{rnd.randint(1945, 2020)}-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}",
                   "id_number": f"0{h:06d}{m:05d}" if rnd.random() < 0.8 else None,
                   "ethnicity": "Kinh", "health_insurance": rnd.random() < 0.8}
            if m == 0:
                row.update(village=VILLAGES[h % len(VILLAGES)], address=f"Xóm {rnd.randint(1, 12)}", area="rural",
                           listed_category=rnd.choice(("poor", "near_poor")))
                if survey:
                    row.update(survey_date="2025-10-20", score_a=rnd.randint(90, 200), water_source="borehole",
                               latrine=rnd.choice(("septic_flush", "none")), info_devices=["tv", "smartphone"],
                               poverty_causes=rnd.sample(("illness", "lack_capital", "lack_land"), 2))
            yield row
