"""Core texts of support tracking (Vietnamese and English, same placeholders)."""

from __future__ import annotations

from desktop_app.i18n import t
from desktop_app.messages import register

_INDICATORS = {
    "employment": ("việc làm", "employment"),
    "dependents": ("người phụ thuộc", "dependants"),
    "nutrition": ("dinh dưỡng", "nutrition"),
    "health_insurance": ("bảo hiểm y tế", "health insurance"),
    "adult_education": ("trình độ giáo dục của người lớn", "adult education"),
    "child_schooling": ("tình trạng đi học của trẻ em", "child schooling"),
    "housing_quality": ("chất lượng nhà ở", "housing quality"),
    "housing_area": ("diện tích nhà ở bình quân đầu người", "housing area per person"),
    "water": ("nguồn nước sinh hoạt", "drinking water"),
    "latrine": ("nhà tiêu hợp vệ sinh", "hygienic latrine"),
    "telecom": ("sử dụng dịch vụ viễn thông", "telecom services"),
    "info_access": ("phương tiện tiếp cận thông tin", "means of information access"),
}

MESSAGES: dict[str, dict[str, str]] = {
    f"support.indicator.{k}": {"vi": vi, "en": en} for k, (vi, en) in _INDICATORS.items()
}
MESSAGES.update({
    "support.status.poor": {"vi": "hộ nghèo", "en": "poor household"},
    "support.status.near_poor": {"vi": "hộ cận nghèo", "en": "near-poor household"},
    "support.status.newly_out_of_poverty": {"vi": "hộ mới thoát nghèo", "en": "household newly out of poverty"},
    "support.status.middle_farm": {
        "vi": "hộ làm nông, lâm, ngư nghiệp có mức sống trung bình",
        "en": "middle-living-standard farm household",
    },
    # --- errors: each names the problem and the fix -------------------------
    "support.unknown_programme": {
        "vi": "chương trình hỗ trợ «{value}» không có trong danh mục; chọn một trong: {choices}",
        "en": "support programme '{value}' is not in the catalogue; use one of: {choices}",
    },
    "support.unknown_source": {
        "vi": "nguồn kinh phí «{value}» không hợp lệ; chọn một trong: {choices}",
        "en": "funding source '{value}' is not valid; use one of: {choices}",
    },
    "support.bad_date": {
        "vi": "ngày «{value}» không hợp lệ; ghi theo dạng NNNN-TT-NN, ví dụ 2026-01-15",
        "en": "date '{value}' is not valid; write YYYY-MM-DD, e.g. 2026-01-15",
    },
    "support.future_date": {
        "vi": "ngày {value} ở tương lai (hôm nay là {today}); chỉ ghi hỗ trợ đã nhận",
        "en": "date {value} is in the future (today is {today}); record only support already given",
    },
    "support.too_old_date": {
        "vi": "ngày {value} quá xa (trước năm {year}); hãy kiểm tra lại năm",
        "en": "date {value} is too long ago (before {year}); check the year",
    },
    "support.negative_amount": {
        "vi": "số tiền {value} không được âm; ghi số tiền bằng đồng, ví dụ 500000",
        "en": "amount {value} must not be negative; write the amount in VND, e.g. 500000",
    },
    "support.bad_amount": {
        "vi": "số tiền «{value}» không phải là số nguyên đồng; ghi ví dụ 500000",
        "en": "amount '{value}' is not a whole number of VND; write e.g. 500000",
    },
    "support.too_large_amount": {
        "vi": "số tiền {value} quá lớn (tối đa {max} đồng); hãy kiểm tra số chữ số 0",
        "en": "amount {value} is too large (at most {max} VND); check the number of zeros",
    },
    "support.bad_quantity": {
        "vi": "số lượng «{value}» phải là số lớn hơn 0",
        "en": "quantity '{value}' must be a number greater than 0",
    },
    "support.nothing_given": {
        "vi": "cần ghi số tiền hoặc số lượng (kèm đơn vị) của hỗ trợ",
        "en": "give the amount or the quantity (with its unit) of the support",
    },
    "support.credit_only": {
        "vi": "thời hạn vay và mục đích vay chỉ ghi cho chương trình vay vốn tín dụng chính sách",
        "en": "loan term and purpose are only for the policy credit programme",
    },
    "support.bad_term": {
        "vi": "thời hạn vay «{value}» phải là số tháng từ 1 đến 600",
        "en": "loan term '{value}' must be a number of months from 1 to 600",
    },
    "support.household_not_found": {
        "vi": "Không tìm thấy hộ «{household_id}» (có thể đã bị xóa). Hãy chọn hộ có trong sổ.",
        "en": "Household '{household_id}' was not found (it may have been deleted). Choose a household in the register.",
    },
    "support.member_not_found": {
        "vi": "thành viên «{member_id}» không thuộc hộ {code}; chọn một thành viên của hộ hoặc để trống để ghi cho cả hộ",
        "en": "member '{member_id}' is not a member of household {code}; choose one of its members or leave it empty for the whole household",
    },
    "support.record_not_found": {
        "vi": "Không tìm thấy bản ghi hỗ trợ «{record_id}» (có thể đã bị xóa).",
        "en": "Support record '{record_id}' was not found (it may have been deleted).",
    },
    "support.programme_exists": {
        "vi": "mã chương trình «{code}» đã có; chọn mã khác",
        "en": "programme code '{code}' already exists; choose another code",
    },
    "support.bad_code": {
        "vi": "mã «{value}» chỉ được gồm chữ thường không dấu, chữ số và dấu gạch dưới (tối đa 40 ký tự), ví dụ ho_tro_bo_giong",
        "en": "code '{value}' may only hold lower-case letters, digits and underscores (at most 40), e.g. local_seed_support",
    },
    "support.bad_per": {
        "vi": "«{value}» không hợp lệ; ghi «household» (cả hộ) hoặc «member» (từng người)",
        "en": "'{value}' is not valid; write 'household' or 'member'",
    },
    "support.unknown_rule": {
        "vi": "quy tắc hỗ trợ hàng loạt «{value}» không có; chọn một trong: {choices}",
        "en": "bulk rule '{value}' does not exist; use one of: {choices}",
    },
    "support.village_not_found": {
        "vi": "Không có thôn/tổ dân phố «{village}» trong sổ; hãy kiểm tra tên hoặc mã thôn.",
        "en": "There is no village or residential group '{village}'; check its name or id.",
    },
    "support.no_targets": {
        "vi": "Không có hộ hoặc người nào trong danh sách đã xác nhận; không có gì được ghi.",
        "en": "No household or person in the confirmed list; nothing was recorded.",
    },
    "support.bad_target": {
        "vi": "đối tượng «{value}» không có trong danh sách xem trước của quy tắc; hãy xem trước lại rồi xác nhận",
        "en": "target '{value}' is not in the rule's preview; preview again and confirm",
    },
    "support.bad_year": {
        "vi": "năm «{value}» không hợp lệ; ghi năm dạng NNNN, ví dụ 2026",
        "en": "year '{value}' is not valid; write a year such as 2026",
    },
    "support.file_failed": {
        "vi": "Không ghi được tệp {path}: {error}. Hãy chọn thư mục khác hoặc đóng tệp nếu đang mở trong Excel.",
        "en": "Could not write {path}: {error}. Choose another folder or close the file if Excel has it open.",
    },
    "support.not_editable": {
        "vi": "trường này không sửa được; chỉ sửa: {choices}",
        "en": "this field cannot be changed; only: {choices}",
    },
    "support.whole_household": {"vi": "Cả hộ", "en": "Whole household"},
    "support.members_join": {"vi": "{first} và {last}", "en": "{first} and {last}"},
    # --- bulk rules -----------------------------------------------------------
    "support.rule.health_insurance_uninsured": {
        "vi": "Cấp thẻ BHYT cho mọi người chưa có thẻ thuộc hộ nghèo, hộ cận nghèo",
        "en": "Health-insurance cards for every uninsured member of poor and near-poor households",
    },
    "support.rule.tet_gift_poor": {
        "vi": "Tặng quà Tết cho mọi hộ nghèo",
        "en": "A Tết gift to every poor household",
    },
    "support.rule.tet_gift_poor_near_poor": {
        "vi": "Tặng quà Tết cho mọi hộ nghèo, hộ cận nghèo",
        "en": "A Tết gift to every poor and near-poor household",
    },
    "support.rule.electricity_poor": {
        "vi": "Hỗ trợ tiền điện cho mọi hộ nghèo",
        "en": "Electricity bill support for every poor household",
    },
    "support.bulk_note": {
        "vi": "Ghi hàng loạt: {rule}",
        "en": "Recorded in bulk: {rule}",
    },
    # --- ledger (Excel and CLI) ----------------------------------------------
    "support.ledger.title": {"vi": "SỔ THEO DÕI HỖ TRỢ HỘ NGHÈO, HỘ CẬN NGHÈO", "en": "SUPPORT LEDGER"},
    "support.ledger.subtitle": {"vi": "{commune} - năm {year}", "en": "{commune} - year {year}"},
    "support.ledger.subtitle_all": {"vi": "{commune} - tất cả các năm", "en": "{commune} - all years"},
    "support.ledger.total": {"vi": "Tổng cộng", "en": "Total"},
    "support.col.no": {"vi": "STT", "en": "No."},
    "support.col.date": {"vi": "Ngày", "en": "Date"},
    "support.col.household": {"vi": "Mã hộ", "en": "Household"},
    "support.col.head": {"vi": "Chủ hộ", "en": "Head"},
    "support.col.village": {"vi": "Thôn/tổ", "en": "Village"},
    "support.col.member": {"vi": "Người nhận", "en": "Recipient"},
    "support.col.programme": {"vi": "Chương trình", "en": "Programme"},
    "support.col.amount": {"vi": "Số tiền (đồng)", "en": "Amount (VND)"},
    "support.col.quantity": {"vi": "Số lượng", "en": "Quantity"},
    "support.col.unit": {"vi": "Đơn vị", "en": "Unit"},
    "support.col.source": {"vi": "Nguồn kinh phí", "en": "Funding source"},
    "support.col.term": {"vi": "Thời hạn vay (tháng)", "en": "Loan term (months)"},
    "support.col.purpose": {"vi": "Mục đích vay", "en": "Loan purpose"},
    "support.col.note": {"vi": "Ghi chú", "en": "Note"},
    "support.col.recorded_by": {"vi": "Người ghi", "en": "Recorded by"},
})
register(MESSAGES)


def status_label(status: str, lang: str | None = None) -> str:
    """``hộ nghèo`` / ``poor household`` ... for a support status."""
    return t(f"support.status.{status}", lang)


def indicator_label(key: str, lang: str | None = None) -> str:
    k = f"support.indicator.{key}"
    return t(k, lang) if k in MESSAGES else key


def join_names(names: list[str], lang: str | None = None) -> str:
    """``A, B và C`` / ``A, B and C``."""
    if not names:
        return ""
    if len(names) == 1:
        return names[0]
    return t("support.members_join", lang, first=", ".join(names[:-1]), last=names[-1])
