"""Texts of the reports, registered in the core catalogue (:mod:`desktop_app.messages`).

Every key exists in Vietnamese and English with the same placeholders. The
indicator short codes are printed in lists with a legend. Labels of coded
record values (sex, relation, water source, causes of poverty …) are the shared
ones of :mod:`desktop_app.domain.labels`, so that reports, classification
reasons and the GUI say the same words.
"""

from __future__ import annotations

from desktop_app.domain.labels import value_label as domain_value_label
from desktop_app.i18n import t
from desktop_app.messages import CATALOGUE, register
from desktop_app.standards.model import INDICATOR_KEYS

#: the 12 indicators in the official order (the standards model's keys)
INDICATORS: tuple[str, ...] = INDICATOR_KEYS
SERVICE_OF: dict[str, str] = {
    "employment": "employment", "dependents": "employment",
    "nutrition": "health", "health_insurance": "health",
    "adult_education": "education", "child_schooling": "education",
    "housing_quality": "housing", "housing_area": "housing",
    "water": "water_sanitation", "latrine": "water_sanitation",
    "telecom": "information", "info_access": "information",
}
CATEGORIES: tuple[str, ...] = ("poor", "near_poor", "middle", "not_poor", "incomplete")
#: status between rounds (spec/domain.md §7)
CHANGES: tuple[str, ...] = (
    "out_of_poverty", "out_of_near_poverty", "fallen_back_poor", "new_poor",
    "fallen_back_near_poor", "new_near_poor", "poor_to_near_poor", "near_poor_to_poor", "unchanged",
)
PROGRAMMES: tuple[str, ...] = (
    "health_insurance", "tuition", "policy_credit", "housing", "electricity", "livelihood",
    "nutrition", "vocational_training", "employment", "information", "legal_aid",
    "water_sanitation", "social_allowance", "holiday_gift", "other",
)
FUNDING_SOURCES: tuple[str, ...] = (
    "central_budget", "local_budget", "social_policy_bank", "fund_for_the_poor",
    "enterprises_donors", "other",
)
GROUPS: tuple[str, ...] = ("ethnic_minority", "meritorious", "social_protection")


def _m(vi: str, en: str) -> dict[str, str]:
    return {"vi": vi, "en": en}


_IND = {
    # key: (vi code, en code, vi name, en name)
    "employment": ("VL", "EM", "Việc làm", "Employment"),
    "dependents": ("PT", "DP", "Người phụ thuộc trong hộ gia đình", "Dependants in the household"),
    "nutrition": ("DD", "NU", "Dinh dưỡng", "Nutrition"),
    "health_insurance": ("BH", "HI", "Bảo hiểm y tế", "Health insurance"),
    "adult_education": ("GD", "AE", "Trình độ giáo dục của người lớn", "Adult education"),
    "child_schooling": ("TH", "CS", "Tình trạng đi học của trẻ em", "Children's school attendance"),
    "housing_quality": ("CL", "HQ", "Chất lượng nhà ở", "Housing quality"),
    "housing_area": ("DT", "HA", "Diện tích nhà ở bình quân đầu người", "Floor area per person"),
    "water": ("NS", "WA", "Nguồn nước sinh hoạt", "Drinking water source"),
    "latrine": ("VS", "LA", "Nhà tiêu hợp vệ sinh", "Hygienic latrine"),
    "telecom": ("VT", "TC", "Sử dụng dịch vụ viễn thông", "Use of telecom services"),
    "info_access": ("TT", "IA", "Phương tiện phục vụ tiếp cận thông tin", "Means of access to information"),
}
_SERVICES = {
    "employment": ("Việc làm", "Employment"), "health": ("Y tế", "Health"),
    "education": ("Giáo dục", "Education"), "housing": ("Nhà ở", "Housing"),
    "water_sanitation": ("Nước sinh hoạt và vệ sinh", "Water and sanitation"),
    "information": ("Thông tin", "Information"),
}
_CHANGES = {
    "out_of_poverty": ("Thoát nghèo", "Out of poverty"),
    "out_of_near_poverty": ("Thoát cận nghèo", "Out of near-poverty"),
    "fallen_back_poor": ("Tái nghèo", "Fallen back into poverty"),
    "new_poor": ("Nghèo phát sinh", "Newly poor"),
    "fallen_back_near_poor": ("Tái cận nghèo", "Fallen back into near-poverty"),
    "new_near_poor": ("Cận nghèo phát sinh", "Newly near-poor"),
    "poor_to_near_poor": ("Từ nghèo sang cận nghèo", "From poor to near-poor"),
    "near_poor_to_poor": ("Từ cận nghèo sang nghèo", "From near-poor to poor"),
    "unchanged": ("Không thay đổi", "Unchanged"),
}
_PROGRAMMES = {
    "health_insurance": ("Thẻ bảo hiểm y tế", "Health insurance card"),
    "tuition": ("Miễn, giảm học phí, hỗ trợ chi phí học tập", "Tuition exemption, study costs"),
    "policy_credit": ("Vay vốn Ngân hàng Chính sách xã hội", "Social Policy Bank loan"),
    "housing": ("Hỗ trợ nhà ở (xóa nhà tạm)", "Housing support (temporary houses)"),
    "electricity": ("Hỗ trợ tiền điện", "Electricity bill support"),
    "livelihood": ("Hỗ trợ sinh kế, phát triển sản xuất", "Livelihood and production support"),
    "nutrition": ("Hỗ trợ dinh dưỡng", "Nutrition support"),
    "vocational_training": ("Đào tạo nghề", "Vocational training"),
    "employment": ("Hỗ trợ việc làm", "Employment support"),
    "information": ("Hỗ trợ thông tin", "Information support"),
    "legal_aid": ("Trợ giúp pháp lý", "Legal aid"),
    "water_sanitation": ("Nước sạch, vệ sinh", "Water and sanitation"),
    "social_allowance": ("Trợ cấp xã hội hằng tháng", "Monthly social allowance"),
    "holiday_gift": ("Quà Tết, ngày lễ", "Tết and holiday gifts"),
    "other": ("Hỗ trợ khác", "Other support"),
}
_SOURCES = {
    "central_budget": ("Ngân sách trung ương", "Central budget"),
    "local_budget": ("Ngân sách địa phương", "Local budget"),
    "social_policy_bank": ("Ngân hàng Chính sách xã hội", "Social Policy Bank"),
    "fund_for_the_poor": ("Quỹ Vì người nghèo", "Fund for the Poor"),
    "enterprises_donors": ("Doanh nghiệp, nhà hảo tâm", "Enterprises and donors"),
    "other": ("Nguồn khác", "Other sources"),
}
_GROUPS = {
    "ethnic_minority": ("Hộ dân tộc thiểu số", "Ethnic minority households"),
    "meritorious": ("Hộ có người có công với cách mạng", "Households with meritorious-service members"),
    "social_protection": ("Hộ có đối tượng bảo trợ xã hội", "Households with social-protection beneficiaries"),
}
MESSAGES: dict[str, dict[str, str]] = {
    # --- common ------------------------------------------------------------
    "report.page": _m("Trang {page}/{pages}", "Page {page}/{pages}"),
    "report.printed_on": _m("In ngày {date}", "Printed on {date}"),
    "report.nation": _m("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "SOCIALIST REPUBLIC OF VIETNAM"),
    "report.motto": _m("Độc lập - Tự do - Hạnh phúc", "Independence - Freedom - Happiness"),
    "report.committee": _m("ỦY BAN NHÂN DÂN", "PEOPLE'S COMMITTEE"),
    "report.place_date": _m("{place}, ngày {day} tháng {month} năm {year}", "{place}, {day}/{month}/{year}"),
    "report.place_date_blank": _m("{place}, ngày ..... tháng ..... năm ..........",
                                  "{place}, date ..... / ..... / .........."),
    "report.sign_hint": _m("(Ký, ghi rõ họ tên)", "(Signature and full name)"),
    "report.stamp_hint": _m("(Ký tên, đóng dấu)", "(Signature and stamp)"),
    "report.yes": _m("Có", "Yes"),
    "report.no": _m("Không", "No"),
    "report.unknown": _m("Chưa rõ", "Unknown"),
    "report.households": _m("{count} hộ", "{count} households"),
    "report.legend": _m("Ký hiệu chỉ số thiếu hụt", "Deprivation indicator codes"),
    "report.proposed_note": _m("(đề xuất, chưa phải kết quả chính thức)", "(proposed, not yet official)"),
    "report.role.chair": _m("CHỦ TRÌ", "CHAIR"),
    "report.role.secretary": _m("THƯ KÝ", "SECRETARY"),
    "report.role.commune_chair": _m("TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH", "FOR THE PEOPLE'S COMMITTEE\nCHAIRPERSON"),
    "report.role.village_head": _m("TRƯỞNG THÔN", "VILLAGE HEAD"),
    "report.role.household_head": _m("CHỦ HỘ", "HEAD OF HOUSEHOLD"),
    "report.role.surveyor": _m("RÀ SOÁT VIÊN", "SURVEYOR"),
    "report.role.officer": _m("CÁN BỘ PHỤ TRÁCH", "OFFICER IN CHARGE"),
    "report.role.receiver": _m("XÁC NHẬN CỦA {office}", "CONFIRMED BY {office}"),
    # --- labels --------------------------------------------------------------
    "report.label.province": _m("Tỉnh/thành phố", "Province"),
    "report.label.commune": _m("Xã, phường", "Commune"),
    "report.label.commune_code": _m("Mã đơn vị hành chính", "Administrative unit code"),
    "report.label.village": _m("Thôn, tổ dân phố", "Village"),
    "report.label.round": _m("Đợt rà soát", "Review round"),
    "report.label.meeting_date": _m("Ngày họp", "Meeting date"),
    "report.label.head": _m("Họ và tên chủ hộ", "Head of household"),
    "report.label.address": _m("Địa chỉ", "Address"),
    "report.label.area": _m("Khu vực", "Area"),
    "report.label.household_code": _m("Mã hộ", "Household code"),
    "report.label.survey_date": _m("Ngày rà soát", "Survey date"),
    "report.label.standard": _m("Chuẩn nghèo áp dụng", "Poverty standard"),
    "report.label.surveyor": _m("Rà soát viên", "Surveyor"),
    "report.label.category": _m("Loại hộ", "Category"),
    "report.label.district_office": _m("Cơ quan tiếp nhận", "Receiving office"),
    # --- column headers -----------------------------------------------------------
    "report.col.no": _m("STT", "No."),
    "report.col.household_code": _m("Mã hộ", "Code"),
    "report.col.head": _m("Họ và tên chủ hộ", "Head of household"),
    "report.col.address": _m("Địa chỉ", "Address"),
    "report.col.village": _m("Thôn", "Village"),
    "report.col.members": _m("Số nhân khẩu", "People"),
    "report.col.proposed": _m("Phân loại đề xuất", "Proposed category"),
    "report.col.result": _m("Kết quả rà soát", "Review result"),
    "report.col.change": _m("Biến động", "Change"),
    "report.col.score_a": _m("Điểm A", "Score A"),
    "report.col.score_b": _m("Điểm B", "Score B"),
    "report.col.deprived": _m("Chỉ số thiếu hụt", "Deprived indicators"),
    "report.col.vote": _m("Ý kiến hội nghị", "Meeting's opinion"),
    "report.col.agree": _m("Đồng ý", "Agree"),
    "report.col.disagree": _m("Không đồng ý", "Disagree"),
    "report.col.note": _m("Ghi chú", "Note"),
    "report.col.name": _m("Họ và tên", "Full name"),
    "report.col.relation": _m("Quan hệ với chủ hộ", "Relation to head"),
    "report.col.sex": _m("Giới tính", "Sex"),
    "report.col.birth": _m("Ngày sinh", "Birth date"),
    "report.col.birth_year": _m("Năm sinh", "Birth year"),
    "report.col.id_number": _m("Số CCCD", "Citizen ID"),
    "report.col.ethnicity": _m("Dân tộc", "Ethnic group"),
    "report.col.insurance": _m("BHYT", "Insured"),
    "report.col.education": _m("Trình độ học vấn", "Education"),
    "report.col.employment": _m("Việc làm", "Employment"),
    "report.col.service": _m("Dịch vụ xã hội cơ bản", "Basic social service"),
    "report.col.indicator": _m("Chỉ số", "Indicator"),
    "report.col.code": _m("Ký hiệu", "Code"),
    "report.col.state": _m("Kết quả", "Result"),
    "report.col.reason": _m("Căn cứ", "Grounds"),
    "report.col.date": _m("Ngày", "Date"),
    "report.col.programme": _m("Chương trình, chính sách hỗ trợ", "Programme or policy"),
    "report.col.amount": _m("Số tiền (đồng)", "Amount (VND)"),
    "report.col.quantity": _m("Số lượng", "Quantity"),
    "report.col.unit": _m("Đơn vị tính", "Unit"),
    "report.col.source": _m("Nguồn kinh phí", "Funding source"),
    "report.col.recorded_by": _m("Người ghi", "Recorded by"),
    "report.col.recipient": _m("Người nhận", "Recipient"),
    # --- village meeting list ----------------------------------------------------------
    "report.meeting.title": _m("DANH SÁCH HỘ GIA ĐÌNH ĐƯA RA HỌP DÂN BÌNH XÉT",
                               "VILLAGE MEETING LIST OF HOUSEHOLDS FOR REVIEW"),
    "report.meeting.subtitle": _m("Rà soát hộ nghèo, hộ cận nghèo", "Poor and near-poor household review"),
    "report.meeting.totals": _m(
        "Tổng số: {total} hộ; đề xuất {poor} hộ nghèo, {near_poor} hộ cận nghèo.",
        "Total: {total} households; proposed {poor} poor and {near_poor} near-poor households."),
    "report.meeting.footer": _m("Danh sách họp dân – {village}", "Village meeting list – {village}"),
    "report.tick_hint": _m("Đánh dấu ✓ vào ô Đồng ý hoặc Không đồng ý theo kết quả biểu quyết của hội nghị.",
                           "Tick ✓ Agree or Disagree according to the meeting's vote."),
    # --- public posting -----------------------------------------------------------------
    "report.posting.title": _m("DANH SÁCH NIÊM YẾT CÔNG KHAI", "PUBLIC POSTING LIST"),
    "report.posting.subtitle": _m("Kết quả rà soát hộ nghèo, hộ cận nghèo – {round}",
                                  "Results of the poor and near-poor household review – {round}"),
    "report.posting.period": _m("Thời gian niêm yết: từ ngày {start} đến hết ngày {end}.",
                                "Posting period: from {start} to the end of {end}."),
    "report.posting.place": _m("Địa điểm niêm yết: {place}.", "Posted at: {place}."),
    "report.posting.complaints": _m(
        "Trong thời gian niêm yết, mọi ý kiến, khiếu nại về kết quả rà soát xin gửi trực tiếp hoặc bằng "
        "văn bản đến {office}.",
        "During the posting period, send any comment or complaint about the results, in person or in "
        "writing, to {office}."),
    "report.posting.default_office": _m("Ủy ban nhân dân {commune}", "the People's Committee of {commune}"),
    "report.posting.section": _m("{number}. {label}: {count} hộ", "{number}. {label}: {count} households"),
    "report.posting.footer": _m("Danh sách niêm yết công khai – {commune}", "Public posting list – {commune}"),
    # --- Phiếu B ------------------------------------------------------------------------
    "report.form_b.title": _m("PHIẾU B", "FORM B"),
    "report.form_b.subtitle": _m("PHIẾU RÀ SOÁT HỘ NGHÈO, HỘ CẬN NGHÈO", "POOR AND NEAR-POOR HOUSEHOLD SURVEY FORM"),
    "report.form_b.general": _m("I. THÔNG TIN CHUNG", "I. GENERAL INFORMATION"),
    "report.form_b.members": _m("II. THÀNH VIÊN HỘ GIA ĐÌNH", "II. HOUSEHOLD MEMBERS"),
    "report.form_b.b1": _m("III. B1 – THU NHẬP", "III. B1 – INCOME"),
    "report.form_b.b2": _m("IV. B2 – MỨC ĐỘ THIẾU HỤT DỊCH VỤ XÃ HỘI CƠ BẢN",
                           "IV. B2 – DEPRIVATION OF BASIC SOCIAL SERVICES"),
    "report.form_b.result": _m("V. KẾT QUẢ RÀ SOÁT", "V. RESULT"),
    "report.form_b.score_a": _m("Tổng điểm B1 (điểm A)", "B1 total score (score A)"),
    "report.form_b.cutoff": _m("ngưỡng: từ {cutoff} điểm trở xuống", "threshold: {cutoff} points or less"),
    "report.form_b.income": _m("Thu nhập bình quân đầu người", "Income per capita"),
    "report.form_b.income_unit": _m("{amount} đồng/người/tháng", "{amount} VND per person per month"),
    "report.form_b.line": _m("chuẩn nghèo: {amount} đồng/người/tháng",
                             "poverty line: {amount} VND per person per month"),
    "report.form_b.score_b": _m("Tổng điểm B2 (điểm B)", "B2 total score (score B)"),
    "report.form_b.deprived_count": _m("{count} chỉ số thiếu hụt", "deprived indicators: {count}"),
    "report.form_b.unknown_count": _m("{count} chỉ số chưa rõ", "unknown: {count}"),
    "report.form_b.missing": _m("Thông tin cần bổ sung", "Information still needed"),
    "report.form_b.warnings": _m("Lưu ý", "Warnings"),
    "report.form_b.footer": _m("Phiếu B – {head}", "Form B – {head}"),
    # --- certificate --------------------------------------------------------------------
    "report.cert.title.poor": _m("GIẤY CHỨNG NHẬN HỘ NGHÈO", "POOR HOUSEHOLD CERTIFICATE"),
    "report.cert.title.near_poor": _m("GIẤY CHỨNG NHẬN HỘ CẬN NGHÈO", "NEAR-POOR HOUSEHOLD CERTIFICATE"),
    "report.cert.number": _m("Số: {number}", "No.: {number}"),
    "report.cert.intro": _m("CHỦ TỊCH ỦY BAN NHÂN DÂN {commune} CHỨNG NHẬN:",
                            "THE CHAIRPERSON OF THE PEOPLE'S COMMITTEE OF {commune} CERTIFIES THAT:"),
    "report.cert.head": _m("Hộ gia đình ông/bà", "The household of"),
    "report.cert.residence": _m("Nơi cư trú", "Residence"),
    "report.cert.is.poor": _m("Là hộ nghèo theo chuẩn nghèo đa chiều {standard}.",
                              "Is a poor household under the multidimensional poverty standard {standard}."),
    "report.cert.is.near_poor": _m("Là hộ cận nghèo theo chuẩn nghèo đa chiều {standard}.",
                                   "Is a near-poor household under the multidimensional poverty standard {standard}."),
    "report.cert.decision": _m("Căn cứ Quyết định số {number} ngày {date} của Chủ tịch Ủy ban nhân dân {commune}.",
                               "Under Decision No. {number} of {date} of the Chairperson of the People's Committee "
                               "of {commune}."),
    "report.cert.valid": _m("Giấy chứng nhận có giá trị từ ngày {start} đến hết ngày {end}.",
                            "This certificate is valid from {start} to the end of {end}."),
    "report.cert.members": _m("Các thành viên trong hộ ({count} người):", "Household members ({count} people):"),
    "report.cert.footer": _m("Giấy chứng nhận – {head}", "Certificate – {head}"),
    # --- support ledger -----------------------------------------------------------------
    "report.ledger.title": _m("SỔ THEO DÕI HỖ TRỢ HỘ GIA ĐÌNH", "HOUSEHOLD SUPPORT LEDGER"),
    "report.ledger.total": _m("Tổng cộng", "Total"),
    "report.ledger.empty": _m("Chưa ghi nhận khoản hỗ trợ nào.", "No support has been recorded."),
    "report.ledger.footer": _m("Sổ theo dõi hỗ trợ – {head}", "Support ledger – {head}"),
    # --- key registration ---------------------------------------------------------------
    "report.keys.title": _m("PHIẾU ĐĂNG KÝ KHÓA KÝ SỐ CỦA XÃ", "COMMUNE SIGNING KEY REGISTRATION SHEET"),
    "report.keys.intro": _m(
        "Phiếu này gửi {office} để ghi nhận khóa ký số mà phần mềm của xã dùng để ký các gói dữ liệu gửi lên. "
        "Khi nhập gói dữ liệu đầu tiên của xã, cán bộ tiếp nhận đối chiếu dấu vân tay hiển thị trong phần "
        "mềm với dấu vân tay in dưới đây và chỉ chấp nhận khi trùng khớp hoàn toàn.",
        "This sheet is sent to {office} to register the key the commune's software uses to sign the data "
        "packages it sends. When importing the commune's first package, the receiving officer compares the "
        "fingerprint shown by the software with the fingerprint printed below and accepts only an exact match."),
    "report.keys.key": _m("Khóa", "Key"),
    "report.keys.algorithm": _m("Thuật toán", "Algorithm"),
    "report.keys.fingerprint": _m("Dấu vân tay", "Fingerprint"),
    "report.keys.created": _m("Ngày tạo", "Created"),
    "report.keys.device": _m("Máy tính", "Computer"),
    "report.keys.received": _m("Ngày nhận: ..... / ..... / ..........", "Received on: ..... / ..... / .........."),
    "report.keys.footer": _m("Phiếu đăng ký khóa – {commune}", "Key registration – {commune}"),
}

for _key, (_cvi, _cen, _nvi, _nen) in _IND.items():
    MESSAGES[f"report.ind.{_key}.code"] = _m(_cvi, _cen)
    MESSAGES[f"report.ind.{_key}.name"] = _m(_nvi, _nen)
for _table, _prefix in ((_SERVICES, "report.service"), (_CHANGES, "report.change"),
                        (_PROGRAMMES, "report.programme"), (_SOURCES, "report.source"),
                        (_GROUPS, "report.group")):
    for _key, (_vi, _en) in _table.items():
        MESSAGES[f"{_prefix}.{_key}"] = _m(_vi, _en)

register(MESSAGES)


def label(prefix: str, code: str | None, lang: str) -> str:
    """The label of ``code`` under ``prefix`` (e.g. ``report.programme``); an
    unknown code is shown as given (free text typed by the officer)."""
    if code is None:
        return ""
    key = f"{prefix}.{code}"
    return t(key, lang) if key in CATALOGUE else code


def value_label(group: str, code: str | None, lang: str) -> str:
    """Label of a coded record value for a table cell, from the shared labels of
    :mod:`desktop_app.domain.labels` with a capital first letter ("Nữ",
    "Vợ/chồng"); ``""`` when unknown. ``group`` "category" gives the category."""
    if code is None:
        return ""
    if group == "category":
        return t(f"category.{code}", lang) if code in CATEGORIES else code
    return capitalize(domain_value_label(group, code, lang))


def capitalize(text: str) -> str:
    """First letter in upper case, the rest untouched ("ti vi" -> "Ti vi")."""
    return text[:1].upper() + text[1:]


def indicator_code(key: str, lang: str) -> str:
    return t(f"report.ind.{key}.code", lang)


def indicator_name(key: str, lang: str) -> str:
    return t(f"report.ind.{key}.name", lang)


def bool_label(value: bool | None, lang: str) -> str:
    if value is None:
        return ""
    return t("report.yes" if value else "report.no", lang)
