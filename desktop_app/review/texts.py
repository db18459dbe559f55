"""Core texts of the review procedure (Vietnamese and English)."""

from __future__ import annotations

from desktop_app.messages import register

MESSAGES: dict[str, dict[str, str]] = {
    # steps
    "review.step.list": {"vi": "Lập danh sách hộ cần rà soát", "en": "List the households to review"},
    "review.step.quick_screen": {"vi": "Nhận dạng nhanh (Phiếu A)", "en": "Quick screen (form A)"},
    "review.step.survey": {"vi": "Rà soát (Phiếu B) và phân loại dự kiến",
                           "en": "Survey (form B) and proposed classification"},
    "review.step.meeting": {"vi": "Họp dân ở các thôn", "en": "Village meetings"},
    "review.step.posting": {"vi": "Niêm yết công khai và phúc tra", "en": "Public posting and re-checks"},
    "review.step.decision": {"vi": "Quyết định công nhận và cấp giấy chứng nhận",
                             "en": "Decision and certificates"},
    "review.step.report": {"vi": "Báo cáo lên cấp trên", "en": "Report up"},
    "review.state.done": {"vi": "Đã xong", "en": "Done"},
    "review.state.current": {"vi": "Đang làm", "en": "Current"},
    "review.state.pending": {"vi": "Chưa đến", "en": "Pending"},
    # what remains
    "review.remain.list_confirm": {
        "vi": "Chưa chốt danh sách {count} hộ cần rà soát",
        "en": "The list of {count} households to review is not confirmed yet",
    },
    "review.remain.list_empty": {
        "vi": "Chưa có hộ nào cần rà soát (chưa có hộ nghèo, cận nghèo hay giấy đề nghị)",
        "en": "No household to review yet (no poor or near-poor household, no request)",
    },
    "review.remain.quick_screen": {
        "vi": "{count} hộ chưa nhận dạng nhanh (Phiếu A) hoặc chưa có Phiếu B",
        "en": "{count} households have neither a quick screen (form A) nor a survey (form B)",
    },
    "review.remain.survey": {
        "vi": "{count} hộ chưa có kết quả phân loại (nhập đủ Phiếu B rồi phân loại lại)",
        "en": "{count} households have no classification yet (complete form B, then reclassify)",
    },
    "review.remain.no_village": {
        "vi": "Hộ {code} chưa thuộc thôn nào; hãy gán thôn trong sổ hộ",
        "en": "Household {code} belongs to no village; set its village in the register",
    },
    "review.remain.meeting": {"vi": "{village}: chưa họp dân", "en": "{village}: no village meeting yet"},
    "review.remain.posting": {"vi": "Chưa niêm yết công khai", "en": "Not publicly posted yet"},
    "review.remain.disputes": {
        "vi": "{count} hộ có ý kiến khác tại họp dân chưa phúc tra",
        "en": "{count} households disputed at a meeting are not re-checked yet",
    },
    "review.remain.complaints": {
        "vi": "{count} khiếu nại chưa phúc tra",
        "en": "{count} complaints are not re-checked yet",
    },
    "review.remain.decision": {"vi": "Chưa có quyết định công nhận của Chủ tịch UBND xã",
                               "en": "No decision of the commune chairman yet"},
    "review.remain.certificates": {
        "vi": "{count} hộ nghèo, cận nghèo chưa ghi số giấy chứng nhận",
        "en": "{count} poor or near-poor households have no certificate number yet",
    },
    "review.remain.report": {"vi": "Chưa báo cáo lên cấp trên", "en": "Not reported up yet"},
    # refusals
    "review.err.decided": {
        "vi": "Đợt rà soát này đã có quyết định công nhận số {number}; không sửa được nữa.",
        "en": "This round was decided by decision {number}; it can no longer be changed.",
    },
    "review.err.list_not_confirmed": {
        "vi": "Chưa chốt danh sách hộ cần rà soát; hãy chốt danh sách trước (bước 1).",
        "en": "The list of households to review is not confirmed; confirm it first (step 1).",
    },
    "review.err.list_empty": {
        "vi": "Danh sách hộ cần rà soát đang trống; hãy phân loại các hộ hoặc ghi giấy đề nghị trước.",
        "en": "The list of households to review is empty; classify the households or record requests first.",
    },
    "review.err.village_unknown": {
        "vi": "Không tìm thấy thôn «{village}» trong xã; hãy chọn một thôn có trong sổ.",
        "en": "Village '{village}' is not in the commune; choose a village of the register.",
    },
    "review.err.village_not_ready": {
        "vi": "{village}: còn {count} hộ chưa có kết quả phân loại; hoàn thành Phiếu A/Phiếu B trước khi họp dân.",
        "en": "{village}: {count} households have no classification; finish forms A/B before the meeting.",
    },
    "review.err.not_listed": {
        "vi": "Hộ {code} không có trong danh sách rà soát của đợt này.",
        "en": "Household {code} is not on this round's review list.",
    },
    "review.err.no_meeting": {
        "vi": "{village} chưa họp dân; hãy ghi biên bản họp dân trước.",
        "en": "{village} has had no village meeting; record the meeting first.",
    },
    "review.err.meetings_missing": {
        "vi": "Chưa niêm yết được: {villages} chưa họp dân.",
        "en": "Cannot post yet: {villages} had no village meeting.",
    },
    "review.err.not_ready_posting": {
        "vi": "Chưa niêm yết được: {count} hộ chưa có kết quả phân loại.",
        "en": "Cannot post yet: {count} households have no classification.",
    },
    "review.err.meeting_after_posting": {
        "vi": "ngày họp {date} sau ngày bắt đầu niêm yết {start}; ngày họp phải trước hoặc bằng ngày niêm yết",
        "en": "meeting date {date} is after the posting start {start}; the meeting must come first",
    },
    "review.err.posting_before_meeting": {
        "vi": "ngày bắt đầu niêm yết {start} trước ngày họp dân {date} ({village}); hãy chọn ngày từ {date}",
        "en": "posting start {start} is before the meeting of {village} on {date}; choose {date} or later",
    },
    "review.err.posting_end_before_start": {
        "vi": "ngày kết thúc niêm yết {end} trước ngày bắt đầu {start}",
        "en": "posting end {end} is before its start {start}",
    },
    "review.err.posting_after_complaint": {
        "vi": "đã có khiếu nại ngày {date}; ngày bắt đầu niêm yết phải trước hoặc bằng ngày đó",
        "en": "a complaint is dated {date}; the posting must start on or before that day",
    },
    "review.err.no_posting": {
        "vi": "Chưa niêm yết công khai; hãy ghi việc niêm yết trước khi nhận khiếu nại.",
        "en": "The lists are not posted yet; record the posting before complaints.",
    },
    "review.err.complaint_before_posting": {
        "vi": "ngày khiếu nại {date} trước ngày bắt đầu niêm yết {start}",
        "en": "complaint date {date} is before the posting start {start}",
    },
    "review.err.complaint_unknown": {
        "vi": "Không tìm thấy khiếu nại «{complaint_id}» trong đợt này.",
        "en": "Complaint '{complaint_id}' is not in this round.",
    },
    "review.err.recheck_before_complaint": {
        "vi": "ngày phúc tra {date} trước ngày khiếu nại {complaint_date}",
        "en": "re-check date {date} is before the complaint date {complaint_date}",
    },
    "review.err.new_category": {
        "vi": "khi kết quả phúc tra thay đổi, hãy chọn loại hộ mới (nghèo, cận nghèo, trung bình, không nghèo) "
              "khác với kết quả hiện tại",
        "en": "when the re-check changes the result, choose a new category (poor, near-poor, middle, "
              "not poor) different from the current one",
    },
    "review.err.reason_required": {
        "vi": "hãy ghi lý do thay đổi kết quả",
        "en": "write the reason for the change",
    },
    "review.err.not_ready_decision": {
        "vi": "Chưa ra quyết định được; còn: {remains}.",
        "en": "Cannot decide yet; still to do: {remains}.",
    },
    "review.err.decision_before": {
        "vi": "ngày quyết định {date} trước {what} ngày {other}; hãy chọn ngày từ {other}",
        "en": "decision date {date} is before {what} on {other}; choose {other} or later",
    },
    "review.what.posting_end": {"vi": "ngày kết thúc niêm yết", "en": "the end of the posting"},
    "review.what.complaint": {"vi": "một khiếu nại", "en": "a complaint"},
    "review.what.recheck": {"vi": "một lần phúc tra", "en": "a re-check"},
    "review.err.decision_differs": {
        "vi": "Đợt này đã có quyết định số {number} ngày {date}; không ghi đè được.",
        "en": "This round already has decision {number} of {date}; it cannot be overwritten.",
    },
    "review.err.not_decided": {
        "vi": "Đợt này chưa có quyết định công nhận; hãy ghi quyết định trước.",
        "en": "This round has no decision yet; record the decision first.",
    },
    "review.err.no_certificate_needed": {
        "vi": "Hộ {code} không phải hộ nghèo hay cận nghèo nên không cấp giấy chứng nhận.",
        "en": "Household {code} is neither poor nor near-poor: no certificate is issued.",
    },
    "review.err.certificate_taken": {
        "vi": "số giấy chứng nhận «{number}» đã cấp cho hộ {code}",
        "en": "certificate number '{number}' was already issued to household {code}",
    },
    "review.err.certificates_missing": {
        "vi": "Chưa báo cáo được: {count} hộ nghèo, cận nghèo chưa có số giấy chứng nhận.",
        "en": "Cannot report yet: {count} poor or near-poor households have no certificate number.",
    },
    "review.err.round_unknown": {
        "vi": "Không tìm thấy đợt rà soát «{round_id}»; dùng «review status» để xem đợt hiện tại.",
        "en": "Survey round '{round_id}' was not found; 'review status' shows the current round.",
    },
    "review.err.no_round": {
        "vi": "Chưa có đợt rà soát nào; hãy tạo đợt rà soát trước.",
        "en": "There is no survey round yet; create one first.",
    },
    "review.err.household_unknown": {
        "vi": "Không tìm thấy hộ «{household}»; ghi mã hộ (ví dụ TD-0012) hoặc mã định danh của hộ.",
        "en": "Household '{household}' was not found; give its code (e.g. TD-0012) or its id.",
    },
    "review.err.bad_date": {
        "vi": "ngày «{value}» không hợp lệ; ghi theo dạng NNNN-TT-NN, ví dụ 2026-11-20",
        "en": "date '{value}' is not valid; write YYYY-MM-DD, e.g. 2026-11-20",
    },
    "review.err.required": {"vi": "không được để trống", "en": "must not be empty"},
    "review.err.bad_choice": {
        "vi": "giá trị «{value}» không hợp lệ; chọn một trong: {choices}",
        "en": "value '{value}' is not valid; choose one of: {choices}",
    },
    "review.err.bad_attendance": {
        "vi": "số người dự họp phải là số nguyên không âm",
        "en": "the attendance must be a whole number, zero or more",
    },
    "review.err.screen_after_meeting": {
        "vi": "{village} đã họp dân; thay đổi kết quả sau họp dân phải qua phúc tra.",
        "en": "{village} has already met; changes after the meeting go through a re-check.",
    },
    "review.err.unknown_criterion": {
        "vi": "tiêu chí «{key}» không có trong Phiếu A của chuẩn {standard}; các tiêu chí: {keys}",
        "en": "criterion '{key}' is not on form A of standard {standard}; criteria: {keys}",
    },
    "review.err.no_previous_round": {
        "vi": "Chưa có đợt nào được công nhận trước đợt này nên chưa so sánh được.",
        "en": "No earlier round was decided, so there is nothing to compare with.",
    },
    "accounts.action.review": {"vi": "ghi các bước rà soát", "en": "record review steps"},
    # transitions
    "review.transition.out_of_poverty": {"vi": "Thoát nghèo", "en": "Out of poverty"},
    "review.transition.out_of_near_poverty": {"vi": "Thoát cận nghèo", "en": "Out of near-poverty"},
    "review.transition.fallen_back": {"vi": "Tái nghèo", "en": "Fallen back into poverty"},
    "review.transition.newly_poor": {"vi": "Nghèo phát sinh", "en": "Newly poor"},
    "review.transition.near_poor_again": {"vi": "Tái cận nghèo", "en": "Near-poor again"},
    "review.transition.newly_near_poor": {"vi": "Cận nghèo phát sinh", "en": "Newly near-poor"},
    "review.source.proposed": {"vi": "Theo kết quả phân loại", "en": "As classified"},
    "review.source.meeting": {"vi": "Họp dân thống nhất", "en": "Agreed at the meeting"},
    "review.source.recheck": {"vi": "Theo kết quả phúc tra", "en": "After re-check"},
    "review.origin.meeting": {"vi": "Ý kiến tại họp dân", "en": "Disputed at the meeting"},
    "review.origin.posting": {"vi": "Khiếu nại khi niêm yết", "en": "Complaint during posting"},
    "review.result.kept": {"vi": "Giữ nguyên kết quả", "en": "Result kept"},
    "review.result.changed": {"vi": "Thay đổi kết quả", "en": "Result changed"},
    "review.request.enter": {"vi": "Đề nghị vào danh sách", "en": "Request to enter the lists"},
    "review.request.leave": {"vi": "Đề nghị ra khỏi danh sách", "en": "Request to leave the lists"},
    "review.quick_screen.stopped": {"vi": "Dừng ở Phiếu A (không nghèo)",
                                    "en": "Stopped at form A (not poor)"},
}

register(MESSAGES)
