<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi" sourcelanguage="en">
<context>
    <name>AdminForm</name>
    <message>
        <source>e.g. Hoàng Thị Mai</source>
        <translation>ví dụ: Hoàng Thị Mai</translation>
    </message>
    <message>
        <source>e.g. mai.ht</source>
        <translation>ví dụ: mai.ht</translation>
    </message>
    <message>
        <source>Sho&amp;w the passwords</source>
        <translation>Hiện mật &amp;khẩu</translation>
    </message>
    <message>
        <source>&amp;Full name:</source>
        <translation>Họ và tê&amp;n:</translation>
    </message>
    <message>
        <source>&amp;Username:</source>
        <translation>Tên đăng nhậ&amp;p:</translation>
    </message>
    <message>
        <source>Lower-case letters without accents, digits, dot, underscore or hyphen.</source>
        <translation>Chữ thường không dấu, chữ số, dấu chấm, gạch dưới hoặc gạch ngang.</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Mật khẩu:</translation>
    </message>
    <message>
        <source>At least 8 characters. Turn the Vietnamese typing tool (Unikey) off while typing it.</source>
        <translation>Ít nhất 8 ký tự. Hãy tắt bộ gõ tiếng Việt (Unikey) khi nhập mật khẩu.</translation>
    </message>
    <message>
        <source>Password &amp;again:</source>
        <translation>Nhập &amp;lại mật khẩu:</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <source>Administrator</source>
        <translation>Quản trị viên</translation>
    </message>
    <message>
        <source>The person who manages this register and its user accounts. Other users are added later.</source>
        <translation>Người quản lý sổ và các tài khoản người dùng. Những người dùng khác sẽ được thêm sau.</translation>
    </message>
</context>
<context>
    <name>BarChart</name>
    <message>
        <source>Item</source>
        <translation>Mục</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Giá trị</translation>
    </message>
</context>
<context>
    <name>BulkConfirmPage</name>
    <message>
        <source>Confirm</source>
        <translation>Xác nhận</translation>
    </message>
</context>
<context>
    <name>BulkPreviewPage</name>
    <message>
        <source>Check the list</source>
        <translation>Kiểm tra danh sách</translation>
    </message>
    <message>
        <source>Include</source>
        <translation>Ghi</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>Hộ</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>Thôn/tổ</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Diện hộ</translation>
    </message>
    <message>
        <source>%1 selected of %2: %3 households, %4 people.</source>
        <translation>Đã chọn %1 trên %2: %3 hộ, %4 người.</translation>
    </message>
    <message>
        <source>Nobody to record: everyone concerned has already received it this year.</source>
        <translation>Không có ai cần ghi: mọi đối tượng đã nhận hỗ trợ này trong năm.</translation>
    </message>
</context>
<context>
    <name>BulkRulePage</name>
    <message>
        <source>Choose the bulk action</source>
        <translation>Chọn việc hỗ trợ hàng loạt</translation>
    </message>
    <message>
        <source>The next step lists every household or person it reaches; nothing is recorded before you confirm.</source>
        <translation>Bước tiếp theo liệt kê mọi hộ hoặc người được hỗ trợ; chưa có gì được ghi trước khi bạn xác nhận.</translation>
    </message>
    <message>
        <source>All villages</source>
        <translation>Tất cả thôn, tổ</translation>
    </message>
    <message>
        <source>amount for each, in VND (optional)</source>
        <translation>số tiền cho mỗi đối tượng, bằng đồng (không bắt buộc)</translation>
    </message>
    <message>
        <source>Usual source of the programme</source>
        <translation>Nguồn thường dùng của chương trình</translation>
    </message>
    <message>
        <source>&amp;Action:</source>
        <translation>&amp;Việc hỗ trợ:</translation>
    </message>
    <message>
        <source>&amp;Village:</source>
        <translation>&amp;Thôn/tổ:</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Ngày:</translation>
    </message>
    <message>
        <source>A&amp;mount (VND):</source>
        <translation>&amp;Số tiền (đồng):</translation>
    </message>
    <message>
        <source>Funding &amp;source:</source>
        <translation>&amp;Nguồn kinh phí:</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Ghi chú:</translation>
    </message>
</context>
<context>
    <name>BulkWizard</name>
    <message>
        <source>Bulk support</source>
        <translation>Hỗ trợ hàng loạt</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Tiếp &gt;</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Quay lại</translation>
    </message>
    <message>
        <source>&amp;Record</source>
        <translation>&amp;Ghi</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>%1 will be recorded on %2 for %3 targets.</source>
        <translation>Sẽ ghi «%1» ngày %2 cho %3 đối tượng.</translation>
    </message>
    <message>
        <source>Total: %1 VND.</source>
        <translation>Tổng cộng: %1 đồng.</translation>
    </message>
</context>
<context>
    <name>CausesBox</name>
    <message>
        <source>Causes of poverty (several allowed)</source>
        <translation>Nguyên nhân nghèo (có thể chọn nhiều)</translation>
    </message>
</context>
<context>
    <name>Chart</name>
    <message>
        <source>No data</source>
        <extracomment>colours of the household categories (poor red, near-poor orange, middle yellow-green, not poor blue-grey, incomplete grey hatched, not classified light grey) emitted after new data was set</extracomment>
        <translation>Không có số liệu</translation>
    </message>
</context>
<context>
    <name>ChartPanel</name>
    <message>
        <source>Show as table</source>
        <translation>Xem dạng bảng</translation>
    </message>
    <message>
        <source>Show the numbers of this chart as a table</source>
        <translation>Xem số liệu của biểu đồ này dưới dạng bảng</translation>
    </message>
    <message>
        <source>Show as chart</source>
        <translation>Xem dạng biểu đồ</translation>
    </message>
</context>
<context>
    <name>ClassificationPanel</name>
    <message>
        <source>Classification (updated as you type)</source>
        <translation>Kết quả phân loại (cập nhật ngay khi nhập)</translation>
    </message>
    <message>
        <source>Standard: %1</source>
        <translation>Chuẩn áp dụng: %1</translation>
    </message>
    <message>
        <source>Stopped at Form A (quick screen)</source>
        <translation>Dừng ở Phiếu A (nhận dạng nhanh)</translation>
    </message>
    <message>
        <source>Score A: %1</source>
        <translation>Điểm A: %1</translation>
    </message>
    <message>
        <source>Score B: %1 (%2 deprivations)</source>
        <translation>Điểm B: %1 (%2 chỉ số thiếu hụt)</translation>
    </message>
    <message>
        <source>Income: %1 VND per person per month</source>
        <translation>Thu nhập: %1 đồng/người/tháng</translation>
    </message>
    <message>
        <source>To correct before saving</source>
        <translation>Cần sửa trước khi lưu</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Lưu ý</translation>
    </message>
    <message>
        <source>Please check</source>
        <translation>Cần xem lại</translation>
    </message>
    <message>
        <source>Deprived indicators</source>
        <translation>Các chỉ số thiếu hụt</translation>
    </message>
    <message>
        <source>Not known yet (ask the household)</source>
        <translation>Chưa rõ (cần hỏi thêm hộ)</translation>
    </message>
    <message>
        <source>Needed to decide</source>
        <translation>Cần có để xác định</translation>
    </message>
    <message>
        <source>No deprivation and nothing missing.</source>
        <translation>Không thiếu hụt chỉ số nào và không thiếu thông tin.</translation>
    </message>
</context>
<context>
    <name>ComplaintDialog</name>
    <message>
        <source>Complaint</source>
        <translation>Khiếu nại</translation>
    </message>
    <message>
        <source>&amp;Household:</source>
        <translation>&amp;Hộ:</translation>
    </message>
    <message>
        <source>&amp;Date received:</source>
        <translation>&amp;Ngày nhận:</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>Người &amp;khiếu nại:</translation>
    </message>
    <message>
        <source>&amp;Content:</source>
        <translation>Nội &amp;dung:</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>Dashboard</source>
        <extracomment>emitted on the GUI thread after the figures of a round were shown (or failed)</extracomment>
        <translation>Tổng quan</translation>
    </message>
    <message>
        <source>R&amp;ound:</source>
        <translation>Đợt &amp;rà soát:</translation>
    </message>
    <message>
        <source>&amp;Update</source>
        <translation>&amp;Cập nhật</translation>
    </message>
    <message>
        <source>Compute the figures again</source>
        <translation>Tính lại số liệu</translation>
    </message>
    <message>
        <source>Updating…</source>
        <translation>Đang cập nhật…</translation>
    </message>
    <message>
        <source>%1 (closed)</source>
        <translation>%1 (đã đóng)</translation>
    </message>
    <message>
        <source>There is no survey round yet. Create a survey round, enter the surveys and classify them; the figures appear here.</source>
        <translation>Chưa có đợt rà soát nào. Hãy tạo đợt rà soát, nhập phiếu rà soát và phân loại hộ; số liệu sẽ hiện ở đây.</translation>
    </message>
    <message>
        <source>The commune has no households yet.</source>
        <translation>Xã chưa có hộ nào trong sổ.</translation>
    </message>
    <message>
        <source>Showing the OFFICIAL categories decided by the commune chairman (households the decision does not list keep their proposed category).</source>
        <translation>Đang hiển thị kết quả CHÍNH THỨC theo quyết định công nhận của Chủ tịch UBND xã (hộ không có trong quyết định giữ kết quả đề xuất).</translation>
    </message>
    <message>
        <source>Showing the PROPOSED categories computed from the surveys; they become official with the commune chairman&apos;s decision.</source>
        <translation>Đang hiển thị kết quả ĐỀ XUẤT tính từ phiếu rà soát; kết quả trở thành chính thức khi có quyết định công nhận của Chủ tịch UBND xã.</translation>
    </message>
    <message>
        <source>Round «%1», standard %2. %3</source>
        <translation>Đợt «%1», chuẩn nghèo %2. %3</translation>
    </message>
</context>
<context>
    <name>DecisionPanel</name>
    <message>
        <source>e.g. 125/QĐ-UBND</source>
        <translation>ví dụ 125/QĐ-UBND</translation>
    </message>
    <message>
        <source>Record the &amp;decision…</source>
        <translation>Ghi &amp;quyết định…</translation>
    </message>
    <message>
        <source>Decision of the commune chairman</source>
        <translation>Quyết định của Chủ tịch UBND xã</translation>
    </message>
    <message>
        <source>Decision &amp;number:</source>
        <translation>&amp;Số quyết định:</translation>
    </message>
    <message>
        <source>Decision d&amp;ate:</source>
        <translation>&amp;Ngày quyết định:</translation>
    </message>
    <message>
        <source>&amp;Signed by:</source>
        <translation>Người &amp;ký:</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Mã hộ</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>Thôn</translation>
    </message>
    <message>
        <source>Official result</source>
        <translation>Kết quả chính thức</translation>
    </message>
    <message>
        <source>Basis</source>
        <translation>Căn cứ</translation>
    </message>
    <message>
        <source>Certificate number</source>
        <translation>Số giấy chứng nhận</translation>
    </message>
    <message>
        <source>&amp;Number missing certificates</source>
        <translation>&amp;Đánh số giấy chứng nhận còn thiếu</translation>
    </message>
    <message>
        <source>Mark as re&amp;ported up</source>
        <translation>Đánh dấu đã &amp;báo cáo lên cấp trên</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Trước</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Nay</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Biến động</translation>
    </message>
    <message>
        <source>Official list (double-click a certificate number to edit it):</source>
        <translation>Danh sách chính thức (bấm đúp vào ô số giấy chứng nhận để sửa):</translation>
    </message>
    <message>
        <source>Changes since the previous official lists:</source>
        <translation>Biến động so với danh sách chính thức kỳ trước:</translation>
    </message>
    <message>
        <source>The decision makes the results of this round official. It can be recorded once every village has met, the lists were posted and every complaint was re-checked.</source>
        <translation>Quyết định công nhận làm cho kết quả của đợt rà soát này trở thành chính thức. Chỉ ghi được khi mọi thôn đã họp dân, danh sách đã niêm yết công khai và mọi khiếu nại đã được phúc tra.</translation>
    </message>
    <message>
        <source>Decision %1 of %2, signed by %3: %4 poor and %5 near-poor households.</source>
        <translation>Quyết định số %1 ngày %2, người ký %3: %4 hộ nghèo và %5 hộ cận nghèo.</translation>
    </message>
    <message>
        <source>No household changed status.</source>
        <translation>Không có hộ nào thay đổi tình trạng.</translation>
    </message>
    <message>
        <source>This decision will officially recognise the lists of poor, near-poor, out-of-poverty and out-of-near-poverty households of &quot;%1&quot;. The results can no longer be changed. Continue?</source>
        <translation>Quyết định này sẽ công nhận chính thức danh sách hộ nghèo, hộ cận nghèo, hộ thoát nghèo và hộ thoát cận nghèo của «%1». Sau đó không sửa được kết quả nữa. Tiếp tục?</translation>
    </message>
    <message>
        <source>Record the decision</source>
        <translation>Ghi quyết định công nhận</translation>
    </message>
    <message>
        <source>&amp;Record the decision</source>
        <translation>&amp;Ghi quyết định</translation>
    </message>
</context>
<context>
    <name>DeprivationBox</name>
    <message>
        <source>Form B, part B2 — basic social services</source>
        <translation>Phiếu B, phần B2 — dịch vụ xã hội cơ bản</translation>
    </message>
    <message>
        <source>Durable</source>
        <translation>Bền chắc</translation>
    </message>
    <message>
        <source>Not durable</source>
        <translation>Không bền chắc</translation>
    </message>
    <message>
        <source>No house</source>
        <translation>Không có nhà ở</translation>
    </message>
    <message>
        <source>Has a house</source>
        <translation>Có nhà ở</translation>
    </message>
    <message>
        <source>Yes, a member uses it</source>
        <translation>Có người sử dụng</translation>
    </message>
    <message>
        <source>No member uses it</source>
        <translation>Không ai sử dụng</translation>
    </message>
    <message>
        <source>Does the household have a house?</source>
        <translation>Hộ có nhà ở không?</translation>
    </message>
    <message>
        <source>&amp;Walls</source>
        <translation>&amp;Tường</translation>
    </message>
    <message>
        <source>&amp;Columns</source>
        <translation>&amp;Cột</translation>
    </message>
    <message>
        <source>Roo&amp;f</source>
        <translation>&amp;Mái</translation>
    </message>
    <message>
        <source>Floor area (m²)</source>
        <translation>Diện tích nhà ở (m²)</translation>
    </message>
    <message>
        <source>Main drinking &amp;water source</source>
        <translation>&amp;Nguồn nước sinh hoạt chính</translation>
    </message>
    <message>
        <source>&amp;Latrine</source>
        <translation>&amp;Loại nhà tiêu</translation>
    </message>
    <message>
        <source>Internet use</source>
        <translation>Sử dụng internet</translation>
    </message>
    <message>
        <source>Information devices</source>
        <translation>Phương tiện tiếp cận thông tin</translation>
    </message>
    <message>
        <source>Hears the commune or village loudspeakers</source>
        <translation>Nghe được loa truyền thanh của xã, thôn</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>Please confirm</source>
        <translation>Xin xác nhận</translation>
    </message>
    <message>
        <source>&amp;Continue</source>
        <translation>&amp;Tiếp tục</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
</context>
<context>
    <name>DonutChart</name>
    <message>
        <source>Item</source>
        <translation>Mục</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Giá trị</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Tỷ lệ</translation>
    </message>
</context>
<context>
    <name>EligibilityHints</name>
    <message>
        <source>No hint: nothing more this household appears eligible for this year.</source>
        <translation>Không có gợi ý: trong năm nay hộ không còn thuộc diện hỗ trợ nào chưa nhận.</translation>
    </message>
</context>
<context>
    <name>ErrorMessages</name>
    <message>
        <source>Some data is not valid</source>
        <translation>Dữ liệu chưa hợp lệ</translation>
    </message>
    <message>
        <source>Correct the item named above, then try again. Nothing was saved.</source>
        <translation>Hãy sửa mục được nêu ở trên rồi thử lại. Chưa có gì được lưu.</translation>
    </message>
    <message>
        <source>Not allowed</source>
        <translation>Không có quyền</translation>
    </message>
    <message>
        <source>Log in with an account that has this right, or ask an administrator.</source>
        <translation>Hãy đăng nhập bằng tài khoản có quyền này, hoặc nhờ quản trị viên.</translation>
    </message>
    <message>
        <source>Login failed</source>
        <translation>Đăng nhập không thành công</translation>
    </message>
    <message>
        <source>Check the username and the password (and the keyboard&apos;s Vietnamese input mode), then try again.</source>
        <translation>Hãy kiểm tra tên đăng nhập và mật khẩu (và chế độ gõ tiếng Việt của bàn phím) rồi thử lại.</translation>
    </message>
    <message>
        <source>Account locked</source>
        <translation>Tài khoản bị khóa</translation>
    </message>
    <message>
        <source>Wait until the time shown, or ask an administrator to unlock the account.</source>
        <translation>Hãy chờ đến thời điểm được nêu, hoặc nhờ quản trị viên mở khóa tài khoản.</translation>
    </message>
    <message>
        <source>Account disabled</source>
        <translation>Tài khoản đã ngừng sử dụng</translation>
    </message>
    <message>
        <source>Ask an administrator to enable the account again.</source>
        <translation>Hãy nhờ quản trị viên cho phép sử dụng lại tài khoản.</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>Không tìm thấy</translation>
    </message>
    <message>
        <source>The data may have been changed or deleted meanwhile. Refresh the list and try again.</source>
        <translation>Dữ liệu có thể vừa bị thay đổi hoặc bị xóa. Hãy tải lại danh sách rồi thử lại.</translation>
    </message>
    <message>
        <source>A newer version is needed</source>
        <translation>Cần phiên bản mới hơn</translation>
    </message>
    <message>
        <source>Install the newest version of the application. The data file was not changed.</source>
        <translation>Hãy cài đặt phiên bản mới nhất của phần mềm. Tệp dữ liệu không bị thay đổi.</translation>
    </message>
    <message>
        <source>Database problem</source>
        <translation>Lỗi cơ sở dữ liệu</translation>
    </message>
    <message>
        <source>Check the data folder and the free disk space. If the file is damaged, restore a copy from the &quot;backups&quot; folder of the data folder.</source>
        <translation>Hãy kiểm tra thư mục dữ liệu và dung lượng trống của ổ đĩa. Nếu tệp bị hỏng, hãy khôi phục bản sao trong thư mục &quot;backups&quot; của thư mục dữ liệu.</translation>
    </message>
    <message>
        <source>Poverty standard file not valid</source>
        <translation>Tệp chuẩn nghèo không hợp lệ</translation>
    </message>
    <message>
        <source>Ask the office that issued the standards file for a corrected file.</source>
        <translation>Hãy đề nghị cơ quan ban hành tệp chuẩn nghèo gửi tệp đã sửa.</translation>
    </message>
    <message>
        <source>Poverty standard not installed</source>
        <translation>Chưa cài đặt chuẩn nghèo</translation>
    </message>
    <message>
        <source>Import the standards file named in the message, or choose another standard.</source>
        <translation>Hãy nhập tệp chuẩn nghèo được nêu trong thông báo, hoặc chọn chuẩn nghèo khác.</translation>
    </message>
    <message>
        <source>File refused</source>
        <translation>Tệp bị từ chối</translation>
    </message>
    <message>
        <source>The file was not used and nothing was changed. Ask the sender for a new file.</source>
        <translation>Tệp không được sử dụng và không có gì bị thay đổi. Hãy đề nghị nơi gửi gửi tệp mới.</translation>
    </message>
    <message>
        <source>Cannot continue</source>
        <translation>Không thể tiếp tục</translation>
    </message>
    <message>
        <source>Read the message, correct what it names and try again.</source>
        <translation>Hãy đọc thông báo, sửa điều được nêu rồi thử lại.</translation>
    </message>
    <message>
        <source>Cannot read or write a file</source>
        <translation>Không đọc hoặc ghi được tệp</translation>
    </message>
    <message>
        <source>Check that the disk or USB stick is present, not full and not write-protected, then try again.</source>
        <translation>Hãy kiểm tra ổ đĩa hoặc USB vẫn đang cắm, chưa đầy và không bị chống ghi, rồi thử lại.</translation>
    </message>
    <message>
        <source>Signature does not match</source>
        <translation>Chữ ký không khớp</translation>
    </message>
    <message>
        <source>The package may have been changed on the way. Ask the sender to export it again.</source>
        <translation>Gói dữ liệu có thể đã bị thay đổi trong khi chuyển. Hãy đề nghị nơi gửi xuất lại.</translation>
    </message>
    <message>
        <source>Unknown sender</source>
        <translation>Không rõ nơi gửi</translation>
    </message>
    <message>
        <source>Enrol the sender&apos;s key first (from the key sheet they gave you), then import again.</source>
        <translation>Hãy đăng ký khóa của nơi gửi trước (theo phiếu khóa họ đã giao), rồi nhập lại.</translation>
    </message>
    <message>
        <source>Key revoked</source>
        <translation>Khóa đã bị thu hồi</translation>
    </message>
    <message>
        <source>The sender&apos;s key was revoked. Ask them to make a new key and send a new package.</source>
        <translation>Khóa của nơi gửi đã bị thu hồi. Hãy đề nghị họ tạo khóa mới và gửi gói dữ liệu mới.</translation>
    </message>
    <message>
        <source>Package already imported</source>
        <translation>Gói dữ liệu đã được nhập</translation>
    </message>
    <message>
        <source>This package (or a newer one) was imported before. Nothing was changed.</source>
        <translation>Gói dữ liệu này (hoặc một gói mới hơn) đã được nhập trước đây. Không có gì bị thay đổi.</translation>
    </message>
    <message>
        <source>Package for another office</source>
        <translation>Gói dữ liệu gửi nơi khác</translation>
    </message>
    <message>
        <source>The package was made for another office or commune. Check that you picked the right file.</source>
        <translation>Gói dữ liệu được lập cho cơ quan hoặc xã khác. Hãy kiểm tra đã chọn đúng tệp.</translation>
    </message>
    <message>
        <source>Package made by a newer version</source>
        <translation>Gói dữ liệu do phiên bản mới hơn lập</translation>
    </message>
    <message>
        <source>Install the newest version of the application, then import again.</source>
        <translation>Hãy cài đặt phiên bản mới nhất của phần mềm rồi nhập lại.</translation>
    </message>
    <message>
        <source>Package damaged</source>
        <translation>Gói dữ liệu bị hỏng</translation>
    </message>
    <message>
        <source>Copy the file again from the sender; if it fails again, ask for a new export.</source>
        <translation>Hãy sao chép lại tệp từ nơi gửi; nếu vẫn lỗi, hãy đề nghị xuất gói mới.</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>Lỗi ngoài dự kiến</translation>
    </message>
    <message>
        <source>Nothing more was changed. Note what you were doing and tell technical support; the details below help them.</source>
        <translation>Không có thay đổi nào khác. Hãy ghi lại việc đang làm và báo cho người hỗ trợ kỹ thuật; phần chi tiết bên dưới giúp họ tìm lỗi.</translation>
    </message>
</context>
<context>
    <name>ExcelImportDialog</name>
    <message>
        <source>Import households from Excel</source>
        <extracomment>emitted with the :class:`~desktop_app.services.Changes` of a finished import emitted when a preview (or re-check) is ready emitted with the outcome when an import finished (also a refused one)</extracomment>
        <translation>Nhập danh sách hộ từ Excel</translation>
    </message>
    <message>
        <source>&amp;Choose file…</source>
        <translation>&amp;Chọn tệp…</translation>
    </message>
    <message>
        <source>Workbook:</source>
        <translation>Tệp Excel:</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Trường dữ liệu</translation>
    </message>
    <message>
        <source>Column in the file</source>
        <translation>Cột trong tệp</translation>
    </message>
    <message>
        <source>Check &amp;again with this mapping</source>
        <translation>&amp;Kiểm tra lại theo cách ghép cột này</translation>
    </message>
    <message>
        <source>Column mapping</source>
        <translation>Ghép cột</translation>
    </message>
    <message>
        <source>Household code</source>
        <translation>Mã hộ</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>Thôn, tổ dân phố</translation>
    </message>
    <message>
        <source>Head</source>
        <translation>Chủ hộ</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Số dòng</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Lỗi</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Xem trước</translation>
    </message>
    <message>
        <source>&amp;Valid rows only (households with errors are left out)</source>
        <translation>&amp;Chỉ nhập dòng hợp lệ (bỏ qua các hộ có lỗi)</translation>
    </message>
    <message>
        <source>&amp;All or nothing (nothing is imported if any row has an error)</source>
        <translation>&amp;Tất cả hoặc không (không nhập gì nếu có dòng bị lỗi)</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Nhập</translation>
    </message>
    <message>
        <source>&amp;Save the rejection report…</source>
        <translation>&amp;Lưu báo cáo các dòng bị loại…</translation>
    </message>
    <message>
        <source>Choose the household list</source>
        <translation>Chọn tệp danh sách hộ</translation>
    </message>
    <message>
        <source>Excel files (*.xlsx)</source>
        <translation>Tệp Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Reading and checking the file…</source>
        <translation>Đang đọc và kiểm tra tệp…</translation>
    </message>
    <message>
        <source>Checking the file…</source>
        <translation>Đang kiểm tra tệp…</translation>
    </message>
    <message>
        <source>(automatic)</source>
        <translation>(tự nhận)</translation>
    </message>
    <message>
        <source>valid</source>
        <translation>hợp lệ</translation>
    </message>
    <message>
        <source>%1 rows, %2 households: %3 valid, %4 with errors (%5 errors).</source>
        <translation>%1 dòng, %2 hộ: %3 hộ hợp lệ, %4 hộ có lỗi (%5 lỗi).</translation>
    </message>
    <message>
        <source>Choose how to import, then press Import.</source>
        <translation>Chọn cách nhập rồi bấm Nhập.</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Đang nhập…</translation>
    </message>
    <message>
        <source>Importing households…</source>
        <translation>Đang nhập các hộ…</translation>
    </message>
    <message>
        <source>Imported %1 households (%2 new, %3 updated); %4 classified.</source>
        <translation>Đã nhập %1 hộ (%2 hộ mới, %3 hộ cập nhật); đã phân loại %4 hộ.</translation>
    </message>
    <message>
        <source>%1 households with errors were not imported; save the rejection report, correct it and import it again.</source>
        <translation>%1 hộ có lỗi chưa được nhập; hãy lưu báo cáo các dòng bị loại, sửa rồi nhập lại tệp đó.</translation>
    </message>
    <message>
        <source>Nothing was imported: %1 households have errors (all-or-nothing). Save the rejection report, correct it and import it again.</source>
        <translation>Không nhập hộ nào: %1 hộ có lỗi (chế độ tất cả hoặc không). Hãy lưu báo cáo các dòng bị loại, sửa rồi nhập lại.</translation>
    </message>
    <message>
        <source>Cancelled; nothing was imported.</source>
        <translation>Đã hủy; không nhập hộ nào.</translation>
    </message>
    <message>
        <source>Save the rejection report as</source>
        <translation>Lưu báo cáo các dòng bị loại thành</translation>
    </message>
    <message>
        <source>Rejection report saved: %1</source>
        <translation>Đã lưu báo cáo các dòng bị loại: %1</translation>
    </message>
</context>
<context>
    <name>FirstAdminDialog</name>
    <message>
        <source>Create the administrator</source>
        <translation>Tạo tài khoản quản trị viên</translation>
    </message>
    <message>
        <source>This register has no administrator account yet. Create one now: the administrator manages the register and the other users.</source>
        <translation>Sổ này chưa có tài khoản quản trị viên. Hãy tạo ngay: quản trị viên quản lý sổ và những người dùng khác.</translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation>&amp;Tạo tài khoản</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>T&amp;hoát</translation>
    </message>
</context>
<context>
    <name>HouseholdEditor</name>
    <message>
        <source>New household</source>
        <translation>Thêm hộ mới</translation>
    </message>
    <message>
        <source>Household %1</source>
        <translation>Hộ %1</translation>
    </message>
    <message>
        <source>Your account may look at households but not change them.</source>
        <translation>Tài khoản của bạn chỉ được xem, không được sửa thông tin hộ.</translation>
    </message>
    <message>
        <source>given automatically</source>
        <translation>phần mềm tự đặt</translation>
    </message>
    <message>
        <source>(no village)</source>
        <translation>(chưa chọn thôn)</translation>
    </message>
    <message>
        <source>dd/mm/yyyy</source>
        <translation>ngày/tháng/năm</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>Thông tin hộ</translation>
    </message>
    <message>
        <source>Household &amp;code</source>
        <translation>&amp;Mã hộ</translation>
    </message>
    <message>
        <source>&amp;Village</source>
        <translation>&amp;Thôn, tổ dân phố</translation>
    </message>
    <message>
        <source>&amp;Address</source>
        <translation>Đị&amp;a chỉ</translation>
    </message>
    <message>
        <source>A&amp;rea</source>
        <translation>&amp;Khu vực</translation>
    </message>
    <message>
        <source>Economic region</source>
        <translation>Vùng kinh tế</translation>
    </message>
    <message>
        <source>Agricultural household</source>
        <translation>Hộ làm nông, lâm, ngư, diêm nghiệp</translation>
    </message>
    <message>
        <source>Survey &amp;date</source>
        <translation>Ngày &amp;rà soát</translation>
    </message>
    <message>
        <source>Members of the household</source>
        <translation>Thành viên của hộ</translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>Lưu (Ctrl+S)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>The survey date is needed (dd/mm/yyyy).</source>
        <translation>Cần ghi ngày rà soát (ngày/tháng/năm).</translation>
    </message>
    <message>
        <source>Not a number: write digits only.</source>
        <translation>Không phải là số: chỉ ghi chữ số.</translation>
    </message>
    <message>
        <source>A sign of Form A is ticked: the household stops at the quick screen and Form B is not needed.</source>
        <translation>Đã đánh dấu một dấu hiệu ở Phiếu A: hộ dừng ở bước nhận dạng nhanh, không cần điền Phiếu B.</translation>
    </message>
    <message>
        <source>Not saved: correct the %1 problem(s) listed on the right first.</source>
        <translation>Chưa lưu: hãy sửa %1 lỗi ghi ở cột bên phải trước.</translation>
    </message>
    <message>
        <source>Close without saving? The changes to this household will be lost.</source>
        <translation>Đóng mà không lưu? Những thay đổi của hộ này sẽ bị mất.</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>Bỏ các thay đổi</translation>
    </message>
</context>
<context>
    <name>HouseholdSupportTimeline</name>
    <message>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>Support</source>
        <translation>Hỗ trợ</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Người nhận</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Số tiền</translation>
    </message>
    <message>
        <source>No support recorded for this household.</source>
        <translation>Hộ chưa có hỗ trợ nào được ghi.</translation>
    </message>
    <message>
        <source>Whole household</source>
        <translation>Cả hộ</translation>
    </message>
</context>
<context>
    <name>IncomeBox</name>
    <message>
        <source>Form B, part B1 — income</source>
        <translation>Phiếu B, phần B1 — thu nhập</translation>
    </message>
    <message>
        <source>Score &amp;A (B1 total written on the form)</source>
        <translation>Điểm &amp;A (tổng điểm B1 ghi trên phiếu)</translation>
    </message>
    <message>
        <source>Score A (computed)</source>
        <translation>Điểm A (tự tính)</translation>
    </message>
    <message>
        <source>Income worksheet: income and production costs of the last 12 months (VND)</source>
        <translation>Bảng tính thu nhập: thu và chi phí sản xuất trong 12 tháng qua (đồng)</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Nguồn thu</translation>
    </message>
    <message>
        <source>Income in 12 months</source>
        <translation>Thu trong 12 tháng</translation>
    </message>
    <message>
        <source>Production costs</source>
        <translation>Chi phí sản xuất</translation>
    </message>
    <message>
        <source>Income per person per &amp;month (VND)</source>
        <translation>Thu nhập bình quân người/&amp;tháng (đồng)</translation>
    </message>
    <message>
        <source>Type the income per person, or fill in the worksheet above and it is computed.</source>
        <translation>Ghi thu nhập bình quân đầu người, hoặc điền bảng tính ở trên để phần mềm tự tính.</translation>
    </message>
    <message>
        <source>Computed: (income − costs) ÷ %1 members ÷ 12 months.</source>
        <translation>Tự tính: (tổng thu − chi phí) ÷ %1 người ÷ 12 tháng.</translation>
    </message>
</context>
<context>
    <name>ListPanel</name>
    <message>
        <source>Code</source>
        <translation>Mã hộ</translation>
    </message>
    <message>
        <source>Head of household</source>
        <translation>Chủ hộ</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>Thôn</translation>
    </message>
    <message>
        <source>Previous official result</source>
        <translation>Kết quả chính thức kỳ trước</translation>
    </message>
    <message>
        <source>Proposed result</source>
        <translation>Kết quả dự kiến</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Đề nghị</translation>
    </message>
    <message>
        <source>&amp;Confirm the list</source>
        <translation>&amp;Chốt danh sách</translation>
    </message>
    <message>
        <source>Record a &amp;request (form 01)…</source>
        <translation>Ghi &amp;giấy đề nghị (Mẫu số 01)…</translation>
    </message>
    <message>
        <source>Households to review: those on the poor or near-poor list, those the survey proposes as poor or near-poor, and those that filed a request. %1 households.</source>
        <translation>Hộ cần rà soát: hộ đang trong danh sách hộ nghèo, hộ cận nghèo; hộ mà kết quả rà soát dự kiến là nghèo hoặc cận nghèo; và hộ có giấy đề nghị. Tổng cộng %1 hộ.</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Log in</source>
        <translation>Đăng nhập</translation>
    </message>
    <message>
        <source>Poverty register</source>
        <translation>Sổ theo dõi hộ nghèo</translation>
    </message>
    <message numerus="yes">
        <source>The window was locked after %n minute(s) without use. Log in again to continue.</source>
        <translation>
            <numerusform>Cửa sổ đã tự khóa sau %n phút không sử dụng. Hãy đăng nhập lại để tiếp tục.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Username:</source>
        <translation>&amp;Tên đăng nhập:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Mật khẩu:</translation>
    </message>
    <message>
        <source>&amp;Log in</source>
        <translation>Đăng &amp;nhập</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>T&amp;hoát</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Tệp</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Xem</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Cài đặt</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Trợ &amp;giúp</translation>
    </message>
    <message>
        <source>&amp;Lock the window</source>
        <translation>&amp;Khóa màn hình</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>T&amp;hoát</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Ngôn ngữ</translation>
    </message>
    <message>
        <source>&amp;Idle lock time…</source>
        <translation>Thời gian tự &amp;khóa…</translation>
    </message>
    <message>
        <source>&amp;User accounts…</source>
        <translation>&amp;Tài khoản người dùng…</translation>
    </message>
    <message>
        <source>Change my &amp;password…</source>
        <translation>Đổi &amp;mật khẩu…</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>&amp;Giới thiệu</translation>
    </message>
    <message>
        <source>The window is locked. Log in again to continue.</source>
        <translation>Màn hình đang khóa. Hãy đăng nhập lại để tiếp tục.</translation>
    </message>
    <message>
        <source>Poverty register</source>
        <translation>Sổ theo dõi hộ nghèo</translation>
    </message>
    <message>
        <source>No commune</source>
        <translation>Chưa có xã</translation>
    </message>
    <message>
        <source>Round: %1</source>
        <translation>Đợt: %1</translation>
    </message>
    <message>
        <source>No survey round</source>
        <translation>Chưa có đợt rà soát</translation>
    </message>
    <message>
        <source>User: %1</source>
        <translation>Người dùng: %1</translation>
    </message>
    <message>
        <source>Idle lock time</source>
        <translation>Thời gian tự khóa</translation>
    </message>
    <message>
        <source>Lock the window after this many minutes without use (0: never):</source>
        <translation>Tự khóa màn hình sau số phút không sử dụng (0: không bao giờ):</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Phiên bản</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>Thư mục dữ liệu</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Cơ sở dữ liệu</translation>
    </message>
    <message>
        <source>Schema</source>
        <translation>Cấu trúc dữ liệu</translation>
    </message>
    <message>
        <source>Commune poverty register</source>
        <translation>Sổ theo dõi hộ nghèo cấp xã</translation>
    </message>
    <message>
        <source>For the yearly review of poor and near-poor households.</source>
        <translation>Phục vụ rà soát hộ nghèo, hộ cận nghèo hằng năm.</translation>
    </message>
    <message>
        <source>Poverty standards installed:</source>
        <translation>Các chuẩn nghèo đã cài đặt:</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Giới thiệu</translation>
    </message>
</context>
<context>
    <name>MeetingPanel</name>
    <message>
        <source>&amp;Village:</source>
        <translation>&amp;Thôn:</translation>
    </message>
    <message>
        <source>Meeting &amp;date:</source>
        <translation>&amp;Ngày họp:</translation>
    </message>
    <message>
        <source>C&amp;hair:</source>
        <translation>&amp;Chủ trì:</translation>
    </message>
    <message>
        <source>&amp;Secretary:</source>
        <translation>Thư &amp;ký:</translation>
    </message>
    <message>
        <source>&amp;Attendance (people):</source>
        <translation>Số người &amp;dự họp:</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Mã hộ</translation>
    </message>
    <message>
        <source>Head of household</source>
        <translation>Chủ hộ</translation>
    </message>
    <message>
        <source>Proposed result</source>
        <translation>Kết quả dự kiến</translation>
    </message>
    <message>
        <source>Meeting said</source>
        <translation>Ý kiến cuộc họp</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>Save the &amp;meeting</source>
        <translation>&amp;Lưu biên bản họp</translation>
    </message>
    <message>
        <source>Households not marked &quot;disputed&quot; are taken as agreed. A dispute must be re-checked before the decision.</source>
        <translation>Hộ không đánh dấu «Có ý kiến khác» được coi là thống nhất. Hộ có ý kiến khác phải được phúc tra trước khi ra quyết định.</translation>
    </message>
    <message>
        <source>Agreed</source>
        <translation>Thống nhất</translation>
    </message>
    <message>
        <source>Disputed</source>
        <translation>Có ý kiến khác</translation>
    </message>
    <message>
        <source>Meeting recorded by %1.</source>
        <translation>Biên bản họp do %1 ghi.</translation>
    </message>
    <message>
        <source>No meeting recorded for this village yet.</source>
        <translation>Thôn này chưa có biên bản họp dân.</translation>
    </message>
</context>
<context>
    <name>MembersEditor</name>
    <message>
        <source>&amp;Add member</source>
        <extracomment>text typed in birth date / ID number fields that does not parse yet</extracomment>
        <translation>Thêm thành &amp;viên</translation>
    </message>
    <message>
        <source>Add a member (Ctrl+M)</source>
        <translation>Thêm một thành viên (Ctrl+M)</translation>
    </message>
    <message>
        <source>Remove member</source>
        <translation>Bỏ thành viên</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Chuyển lên</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Chuyển xuống</translation>
    </message>
    <message>
        <source>dd/mm/yyyy or yyyy</source>
        <translation>ngày/tháng/năm hoặc chỉ năm sinh</translation>
    </message>
    <message>
        <source>12 digits</source>
        <translation>12 chữ số</translation>
    </message>
    <message>
        <source>Able to work</source>
        <translation>Có khả năng lao động</translation>
    </message>
    <message>
        <source>Unable to work</source>
        <translation>Không có khả năng lao động</translation>
    </message>
    <message>
        <source>Has a valid card</source>
        <translation>Có thẻ còn giá trị</translation>
    </message>
    <message>
        <source>No card</source>
        <translation>Không có thẻ</translation>
    </message>
    <message>
        <source>Full &amp;name</source>
        <translation>&amp;Họ và tên</translation>
    </message>
    <message>
        <source>Se&amp;x</source>
        <translation>&amp;Giới tính</translation>
    </message>
    <message>
        <source>&amp;Birth date</source>
        <translation>Ngày &amp;sinh</translation>
    </message>
    <message>
        <source>Citizen &amp;ID number</source>
        <translation>Số &amp;CCCD</translation>
    </message>
    <message>
        <source>&amp;Relation to the head</source>
        <translation>&amp;Quan hệ với chủ hộ</translation>
    </message>
    <message>
        <source>E&amp;thnicity</source>
        <translation>&amp;Dân tộc</translation>
    </message>
    <message>
        <source>Ability to work</source>
        <translation>Khả năng lao động</translation>
    </message>
    <message>
        <source>Disability</source>
        <translation>Mức độ khuyết tật</translation>
    </message>
    <message>
        <source>Employment</source>
        <translation>Tình trạng việc làm</translation>
    </message>
    <message>
        <source>Health insurance</source>
        <translation>Thẻ bảo hiểm y tế</translation>
    </message>
    <message>
        <source>Highest education</source>
        <translation>Trình độ học vấn cao nhất</translation>
    </message>
    <message>
        <source>Studying or in training (16+)</source>
        <translation>Đang đi học, đào tạo (từ 16 tuổi)</translation>
    </message>
    <message>
        <source>Employer-certified training</source>
        <translation>Đào tạo tại nơi làm việc có xác nhận</translation>
    </message>
    <message>
        <source>Attends school at their level (3–15)</source>
        <translation>Đi học đúng bậc học (3–15 tuổi)</translation>
    </message>
    <message>
        <source>Nutrition (under 16)</source>
        <translation>Dinh dưỡng (dưới 16 tuổi)</translation>
    </message>
    <message>
        <source>Person with meritorious service</source>
        <translation>Người có công với cách mạng</translation>
    </message>
    <message>
        <source>Social-protection beneficiary</source>
        <translation>Đối tượng bảo trợ xã hội</translation>
    </message>
    <message>
        <source>Member %1 of %2</source>
        <translation>Thành viên %1 trên %2</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Relation</source>
        <translation>Quan hệ với chủ hộ</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Giới tính</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>Ngày sinh</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>Số CCCD</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Kiểm tra</translation>
    </message>
    <message>
        <source>(no name yet)</source>
        <translation>(chưa ghi tên)</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Có lỗi</translation>
    </message>
    <message>
        <source>Please check</source>
        <translation>Cần xem lại</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Lỗi: %1</translation>
    </message>
    <message>
        <source>Please check: %1</source>
        <translation>Cần xem lại: %1</translation>
    </message>
</context>
<context>
    <name>ModePage</name>
    <message>
        <source>Welcome</source>
        <translation>Chào mừng</translation>
    </message>
    <message>
        <source>This register is new. A few questions set it up; an administrator account is created at the end.</source>
        <translation>Sổ này còn trống. Trả lời vài câu hỏi để thiết lập sổ; cuối cùng sẽ tạo tài khoản quản trị viên.</translation>
    </message>
    <message>
        <source>&amp;Commune register (xã, phường, đặc khu)</source>
        <translation>Sổ của &amp;xã (xã, phường, đặc khu)</translation>
    </message>
    <message>
        <source>&amp;Receiving office (sums up the communes&apos; data)</source>
        <translation>&amp;Cơ quan tiếp nhận (tổng hợp số liệu các xã)</translation>
    </message>
    <message>
        <source>Who keeps this register?</source>
        <translation>Ai sử dụng sổ này?</translation>
    </message>
    <message>
        <source>For the commune officer: households by village, survey rounds, village meetings, lists and certificates, support records, reports sent up.</source>
        <translation>Dành cho cán bộ xã: hộ gia đình theo thôn, các đợt rà soát, họp dân, danh sách và giấy chứng nhận, theo dõi hỗ trợ, báo cáo gửi cấp trên.</translation>
    </message>
    <message>
        <source>For the office that receives the communes&apos; sync packages, checks and sums them up. Since July 2025 this may be a provincial department.</source>
        <translation>Dành cho cơ quan nhận gói dữ liệu của các xã, kiểm tra và tổng hợp. Từ tháng 7/2025, cơ quan này có thể là một sở cấp tỉnh.</translation>
    </message>
</context>
<context>
    <name>NewUserDialog</name>
    <message>
        <source>New user</source>
        <translation>Người dùng mới</translation>
    </message>
    <message>
        <source>&amp;Full name:</source>
        <translation>Họ và tê&amp;n:</translation>
    </message>
    <message>
        <source>&amp;Username:</source>
        <translation>Tên đăng nhậ&amp;p:</translation>
    </message>
    <message>
        <source>Lower-case letters without accents, digits, dot, underscore or hyphen.</source>
        <translation>Chữ thường không dấu, chữ số, dấu chấm, gạch dưới hoặc gạch ngang.</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Vai trò:</translation>
    </message>
    <message>
        <source>Administrators manage users; officers enter and change data; viewers only look and print.</source>
        <translation>Quản trị viên quản lý người dùng; cán bộ nhập liệu nhập và sửa dữ liệu; người xem chỉ xem và in.</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Mật khẩu:</translation>
    </message>
    <message>
        <source>At least 8 characters; the user can change it later.</source>
        <translation>Ít nhất 8 ký tự; người dùng có thể tự đổi sau.</translation>
    </message>
    <message>
        <source>Password &amp;again:</source>
        <translation>Nhập &amp;lại mật khẩu:</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Hai lần nhập mật khẩu không giống nhau.</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>Change my password</source>
        <translation>Đổi mật khẩu của tôi</translation>
    </message>
    <message>
        <source>&amp;Current password:</source>
        <translation>Mật khẩu &amp;hiện tại:</translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation>Mật khẩu &amp;mới:</translation>
    </message>
    <message>
        <source>At least 8 characters.</source>
        <translation>Ít nhất 8 ký tự.</translation>
    </message>
    <message>
        <source>Password &amp;again:</source>
        <translation>Nhập &amp;lại mật khẩu:</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <extracomment>set by the caller: ``action(current, new)``, raising ValidationError when refused</extracomment>
        <translation>Hai lần nhập mật khẩu không giống nhau.</translation>
    </message>
</context>
<context>
    <name>PostingPanel</name>
    <message>
        <source>e.g. village hall and commune office</source>
        <translation>ví dụ nhà văn hóa thôn và trụ sở UBND xã</translation>
    </message>
    <message>
        <source>Posting &amp;starts:</source>
        <translation>&amp;Ngày bắt đầu niêm yết:</translation>
    </message>
    <message>
        <source>Posting &amp;ends:</source>
        <translation>Ngày &amp;kết thúc niêm yết:</translation>
    </message>
    <message>
        <source>&amp;Place:</source>
        <translation>Đị&amp;a điểm:</translation>
    </message>
    <message>
        <source>Sa&amp;ve the posting</source>
        <translation>&amp;Lưu việc niêm yết</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>Hộ</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <source>Re-check</source>
        <translation>Phúc tra</translation>
    </message>
    <message>
        <source>&amp;Add a complaint…</source>
        <translation>&amp;Thêm khiếu nại…</translation>
    </message>
    <message>
        <source>&amp;Re-check…</source>
        <translation>&amp;Phúc tra…</translation>
    </message>
    <message>
        <source>Complaints and meeting disputes:</source>
        <translation>Khiếu nại và ý kiến khác tại họp dân:</translation>
    </message>
    <message>
        <source>The lists stay posted for %1 working days (provisional rule); the end date is filled in from the start and can be corrected for holidays.</source>
        <translation>Danh sách được niêm yết trong %1 ngày làm việc (quy định tạm thời); ngày kết thúc được tính từ ngày bắt đầu và có thể sửa khi có ngày nghỉ lễ.</translation>
    </message>
    <message>
        <source>Not re-checked</source>
        <translation>Chưa phúc tra</translation>
    </message>
</context>
<context>
    <name>QAbstractSpinBox</name>
    <message>
        <source>&amp;Select All</source>
        <translation>&amp;Chọn tất cả</translation>
    </message>
    <message>
        <source>&amp;Step up</source>
        <translation>&amp;Tăng</translation>
    </message>
    <message>
        <source>Step &amp;down</source>
        <translation>&amp;Giảm</translation>
    </message>
</context>
<context>
    <name>QDialogButtonBox</name>
    <message>
        <source>OK</source>
        <translation>Đồng ý</translation>
    </message>
</context>
<context>
    <name>QLineEdit</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Hoàn tác</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Làm lại</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>Cắ&amp;t</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Sao chép</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>&amp;Dán</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>Chọn tất cả</translation>
    </message>
</context>
<context>
    <name>QMessageBox</name>
    <message>
        <source>Show Details...</source>
        <translation>Xem chi tiết...</translation>
    </message>
    <message>
        <source>Hide Details...</source>
        <translation>Ẩn chi tiết...</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>OK</source>
        <translation>Đồng ý</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Áp dụng</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Đặt lại</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Trợ giúp</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Mở</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Không lưu</translation>
    </message>
    <message>
        <source>Abort</source>
        <translation>Hủy bỏ</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Thử lại</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>Bỏ qua</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation>&amp;Có</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>&amp;Không</translation>
    </message>
    <message>
        <source>Yes to &amp;All</source>
        <translation>Có với &amp;tất cả</translation>
    </message>
    <message>
        <source>N&amp;o to All</source>
        <translation>Không với tất &amp;cả</translation>
    </message>
    <message>
        <source>Save All</source>
        <translation>Lưu tất cả</translation>
    </message>
    <message>
        <source>Restore Defaults</source>
        <translation>Khôi phục mặc định</translation>
    </message>
</context>
<context>
    <name>QProgressDialog</name>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
</context>
<context>
    <name>QWidgetTextControl</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Hoàn tác</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Làm lại</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>Cắ&amp;t</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Sao chép</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>&amp;Dán</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>Chọn tất cả</translation>
    </message>
</context>
<context>
    <name>QWizard</name>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Quay lại</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Tiếp tục &gt;</translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation>&amp;Tiếp tục</translation>
    </message>
    <message>
        <source>&amp;Finish</source>
        <translation>&amp;Hoàn tất</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Trợ &amp;giúp</translation>
    </message>
    <message>
        <source>Go Back</source>
        <translation>Quay lại</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Tiếp tục</translation>
    </message>
    <message>
        <source>Commit</source>
        <translation>Xác nhận</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Xong</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Trợ giúp</translation>
    </message>
</context>
<context>
    <name>QuickScreenBox</name>
    <message>
        <source>Form A — quick screen</source>
        <translation>Phiếu A — nhận dạng nhanh</translation>
    </message>
    <message>
        <source>If any sign below is present, the household stops here: Form B is not filled in.</source>
        <translation>Nếu hộ có bất kỳ dấu hiệu nào dưới đây thì dừng ở đây: không điền Phiếu B.</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Có</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Không</translation>
    </message>
</context>
<context>
    <name>RecheckDialog</name>
    <message>
        <source>Re-check</source>
        <translation>Phúc tra</translation>
    </message>
    <message>
        <source>Re-check &amp;date:</source>
        <translation>&amp;Ngày phúc tra:</translation>
    </message>
    <message>
        <source>Re-checked &amp;by:</source>
        <translation>Người phúc &amp;tra:</translation>
    </message>
    <message>
        <source>Result:</source>
        <translation>Kết quả:</translation>
    </message>
    <message>
        <source>New &amp;category:</source>
        <translation>&amp;Loại hộ mới:</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>Lý &amp;do:</translation>
    </message>
</context>
<context>
    <name>RegisterModel</name>
    <message>
        <source>Decided</source>
        <extracomment>(text, background) colours of each category emitted after every reload (new filter, search, sort or data) emitted (on the GUI thread) when the search index is ready</extracomment>
        <translation>Đã có quyết định</translation>
    </message>
    <message>
        <source>Agreed at the meeting</source>
        <translation>Họp dân thống nhất</translation>
    </message>
    <message>
        <source>Disputed at the meeting</source>
        <translation>Họp dân chưa thống nhất</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Mã hộ</translation>
    </message>
    <message>
        <source>Head of household</source>
        <translation>Chủ hộ</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>Thôn, tổ dân phố</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Số người</translation>
    </message>
    <message>
        <source>Classification</source>
        <translation>Phân loại</translation>
    </message>
    <message>
        <source>Score A</source>
        <translation>Điểm A</translation>
    </message>
    <message>
        <source>Score B</source>
        <translation>Điểm B</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Rà soát</translation>
    </message>
</context>
<context>
    <name>RegisterPage</name>
    <message numerus="yes">
        <source>%n household(s)</source>
        <translation>
            <numerusform>%n hộ</numerusform>
        </translation>
    </message>
    <message>
        <source>Household register — %1</source>
        <translation>Sổ hộ — %1</translation>
    </message>
    <message>
        <source>Household register</source>
        <extracomment>kinds of data this page shows a change made from this page (the main window&apos;s ``apply_changes`` is also called) a viewer account may look but not change (services.accounts roles)</extracomment>
        <translation>Sổ hộ</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>Tìm &amp;kiếm:</translation>
    </message>
    <message>
        <source>Member name (accents optional), citizen ID number or household code — Ctrl+F</source>
        <translation>Tên thành viên (gõ có dấu hay không dấu đều được), số CCCD hoặc mã hộ — Ctrl+F</translation>
    </message>
    <message>
        <source>Ethnic minority</source>
        <translation>Dân tộc thiểu số</translation>
    </message>
    <message>
        <source>Meritorious service</source>
        <translation>Người có công</translation>
    </message>
    <message>
        <source>Social protection</source>
        <translation>Bảo trợ xã hội</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Bỏ lọc</translation>
    </message>
    <message>
        <source>New household (Ctrl+N)</source>
        <translation>Thêm hộ mới (Ctrl+N)</translation>
    </message>
    <message>
        <source>Open (Enter)</source>
        <translation>Mở hộ (Enter)</translation>
    </message>
    <message>
        <source>Delete (Del)</source>
        <translation>Xóa hộ (Del)</translation>
    </message>
    <message>
        <source>All classifications</source>
        <translation>Mọi loại hộ</translation>
    </message>
    <message>
        <source>Any deprivation</source>
        <translation>Mọi chỉ số thiếu hụt</translation>
    </message>
    <message>
        <source>All villages</source>
        <translation>Tất cả thôn, tổ dân phố</translation>
    </message>
    <message>
        <source>Delete household %1 (%2)? It is kept in the history but no longer listed.</source>
        <translation>Xóa hộ %1 (%2)? Hộ vẫn được lưu trong lịch sử nhưng không còn hiện trong danh sách.</translation>
    </message>
    <message>
        <source>Delete the household</source>
        <translation>Xóa hộ này</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>Reports</source>
        <extracomment>report kinds in the order of the list emitted after an operation changed data (the Excel import) emitted with the path of each report written</extracomment>
        <translation>Báo cáo</translation>
    </message>
    <message>
        <source>Reports and exports</source>
        <translation>Báo cáo và xuất dữ liệu</translation>
    </message>
    <message>
        <source>Village-meeting list (PDF)</source>
        <translation>Danh sách họp dân (PDF)</translation>
    </message>
    <message>
        <source>Public posting list (PDF)</source>
        <translation>Danh sách niêm yết công khai (PDF)</translation>
    </message>
    <message>
        <source>Summary tables (Excel)</source>
        <translation>Biểu tổng hợp (Excel)</translation>
    </message>
    <message>
        <source>Household list export (Excel)</source>
        <translation>Xuất danh sách hộ (Excel)</translation>
    </message>
    <message>
        <source>Import households from Excel</source>
        <translation>Nhập danh sách hộ từ Excel</translation>
    </message>
    <message>
        <source>Survey &amp;round:</source>
        <translation>Đợt &amp;rà soát:</translation>
    </message>
    <message>
        <source>&amp;Village:</source>
        <translation>&amp;Thôn, tổ dân phố:</translation>
    </message>
    <message>
        <source>Meeting date:</source>
        <translation>Ngày họp:</translation>
    </message>
    <message>
        <source>Posting period:</source>
        <translation>Thời gian niêm yết:</translation>
    </message>
    <message>
        <source>Privacy:</source>
        <translation>Bảo mật:</translation>
    </message>
    <message>
        <source>Output &amp;file:</source>
        <translation>&amp;Tệp kết quả:</translation>
    </message>
    <message>
        <source>print the date</source>
        <translation>in ngày họp</translation>
    </message>
    <message>
        <source>set the dates</source>
        <translation>ghi ngày</translation>
    </message>
    <message>
        <source>Leave out citizen ID numbers</source>
        <translation>Không ghi số CCCD</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Chọn…</translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation>&amp;Tạo báo cáo</translation>
    </message>
    <message>
        <source>&amp;Import from Excel…</source>
        <translation>&amp;Nhập từ Excel…</translation>
    </message>
    <message>
        <source>&amp;Open the file</source>
        <translation>&amp;Mở tệp</translation>
    </message>
    <message>
        <source>The proposed classification of one village&apos;s reviewed households, to read out and vote on at the village meeting.</source>
        <translation>Kết quả phân loại đề xuất của các hộ được rà soát trong một thôn, để đọc và biểu quyết tại cuộc họp dân.</translation>
    </message>
    <message>
        <source>The list posted publicly at the village hall and the commune office, grouped by result, with where to send complaints.</source>
        <translation>Danh sách niêm yết công khai tại nhà văn hóa thôn và trụ sở UBND xã, chia theo kết quả, kèm nơi nhận ý kiến, khiếu nại.</translation>
    </message>
    <message>
        <source>The commune&apos;s summary tables of the round, to send to the receiving office.</source>
        <translation>Các biểu tổng hợp của xã trong đợt rà soát, để gửi cơ quan tiếp nhận.</translation>
    </message>
    <message>
        <source>Every household of the commune, one row per household.</source>
        <translation>Toàn bộ các hộ của xã, mỗi hộ một dòng.</translation>
    </message>
    <message>
        <source>Import an existing household list (one row per member): check it, choose how to treat rows with errors, then import.</source>
        <translation>Nhập danh sách hộ có sẵn (mỗi nhân khẩu một dòng): kiểm tra, chọn cách xử lý các dòng có lỗi, rồi nhập.</translation>
    </message>
    <message>
        <source>(whole commune)</source>
        <translation>(toàn xã)</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Tệp PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Excel files (*.xlsx)</source>
        <translation>Tệp Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Save the report as</source>
        <translation>Lưu báo cáo thành</translation>
    </message>
    <message>
        <source>Choose a village first.</source>
        <translation>Hãy chọn thôn trước.</translation>
    </message>
    <message>
        <source>Creating the report…</source>
        <translation>Đang tạo báo cáo…</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>Đã lưu: %1</translation>
    </message>
    <message>
        <source>Cancelled; no file was written.</source>
        <translation>Đã hủy; không ghi tệp nào.</translation>
    </message>
</context>
<context>
    <name>RequestDialog</name>
    <message>
        <source>Request of a household (form 01)</source>
        <translation>Giấy đề nghị của hộ (Mẫu số 01)</translation>
    </message>
    <message>
        <source>household code, e.g. TD-0012</source>
        <translation>mã hộ, ví dụ TD-0012</translation>
    </message>
    <message>
        <source>&amp;Household:</source>
        <translation>&amp;Hộ:</translation>
    </message>
    <message>
        <source>&amp;Request:</source>
        <translation>&amp;Nội dung đề nghị:</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>N&amp;gày:</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>Ghi &amp;chú:</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <source>Review</source>
        <extracomment>kinds of data this page shows which panel shows which step</extracomment>
        <translation>Rà soát</translation>
    </message>
    <message>
        <source>Review procedure</source>
        <translation>Quy trình rà soát</translation>
    </message>
    <message>
        <source>R&amp;ound:</source>
        <translation>Đợt &amp;rà soát:</translation>
    </message>
</context>
<context>
    <name>RoundPage</name>
    <message>
        <source>First survey round</source>
        <translation>Đợt rà soát đầu tiên</translation>
    </message>
    <message>
        <source>The review the commune is doing now (đợt rà soát).</source>
        <translation>Đợt rà soát mà xã đang thực hiện.</translation>
    </message>
    <message>
        <source>Periodic review (rà soát định kỳ)</source>
        <translation>Rà soát định kỳ</translation>
    </message>
    <message>
        <source>Ad-hoc review (rà soát thường xuyên)</source>
        <translation>Rà soát thường xuyên</translation>
    </message>
    <message>
        <source>Round &amp;name:</source>
        <translation>Tê&amp;n đợt rà soát:</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Loại:</translation>
    </message>
    <message>
        <source>&amp;Start date:</source>
        <translation>Ngày &amp;bắt đầu:</translation>
    </message>
    <message>
        <source>Poverty &amp;standard:</source>
        <translation>&amp;Chuẩn nghèo:</translation>
    </message>
    <message>
        <source>A periodic review at the end of a year decides the lists of the next year, so it uses the standard of that year.</source>
        <translation>Đợt rà soát định kỳ cuối năm xác định danh sách của năm sau, nên dùng chuẩn nghèo áp dụng cho năm sau.</translation>
    </message>
</context>
<context>
    <name>Sections</name>
    <message>
        <source>Households by category (whole commune)</source>
        <translation>Cơ cấu hộ theo phân loại (toàn xã)</translation>
    </message>
    <message>
        <source>People by household category</source>
        <translation>Số nhân khẩu theo phân loại hộ</translation>
    </message>
    <message>
        <source>Households by category in each village</source>
        <translation>Phân loại hộ theo từng thôn, tổ dân phố</translation>
    </message>
    <message>
        <source>Deprivation indicators: deprived households</source>
        <translation>Chỉ số thiếu hụt: số hộ bị thiếu hụt</translation>
    </message>
    <message>
        <source>Causes of poverty (poor and near-poor households)</source>
        <translation>Nguyên nhân nghèo (hộ nghèo và hộ cận nghèo)</translation>
    </message>
    <message>
        <source>Change since the previous round</source>
        <translation>Thay đổi so với đợt rà soát trước</translation>
    </message>
    <message>
        <source>households</source>
        <translation>hộ</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Phân loại</translation>
    </message>
    <message>
        <source>Households</source>
        <translation>Số hộ</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Tỷ lệ</translation>
    </message>
    <message>
        <source>People (share)</source>
        <translation>Nhân khẩu (tỷ lệ)</translation>
    </message>
    <message>
        <source>%1 people in %2 households.</source>
        <translation>%1 nhân khẩu trong %2 hộ.</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>Thôn, tổ dân phố</translation>
    </message>
    <message>
        <source>%1 people</source>
        <translation>%1 nhân khẩu</translation>
    </message>
    <message>
        <source>Surveyed this round</source>
        <translation>Đã rà soát trong đợt</translation>
    </message>
    <message>
        <source>%1 of households</source>
        <translation>%1 số hộ</translation>
    </message>
    <message>
        <source>rate %1</source>
        <translation>tỷ lệ %1</translation>
    </message>
    <message>
        <source>%1 since the previous round</source>
        <translation>%1 so với đợt trước</translation>
    </message>
    <message>
        <source>%1 unknown</source>
        <translation>%1 chưa rõ</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>Chỉ số</translation>
    </message>
    <message>
        <source>Deprived households (share)</source>
        <translation>Số hộ thiếu hụt (tỷ lệ)</translation>
    </message>
    <message>
        <source>Share of the %1 households surveyed in this round.</source>
        <translation>Tỷ lệ trên %1 hộ đã rà soát trong đợt.</translation>
    </message>
    <message>
        <source>Cause</source>
        <translation>Nguyên nhân</translation>
    </message>
    <message>
        <source>A household may name several causes.</source>
        <translation>Một hộ có thể có nhiều nguyên nhân.</translation>
    </message>
    <message>
        <source>No cause recorded: %1 poor and %2 near-poor households.</source>
        <translation>Chưa ghi nguyên nhân: %1 hộ nghèo và %2 hộ cận nghèo.</translation>
    </message>
    <message>
        <source>There is no earlier round to compare with.</source>
        <translation>Chưa có đợt rà soát trước để so sánh.</translation>
    </message>
    <message>
        <source>Category and round</source>
        <translation>Phân loại và đợt</translation>
    </message>
    <message>
        <source>Households (change)</source>
        <translation>Số hộ (thay đổi)</translation>
    </message>
    <message>
        <source>official</source>
        <translation>chính thức</translation>
    </message>
    <message>
        <source>proposed</source>
        <translation>đề xuất</translation>
    </message>
    <message>
        <source>Compared with «%1» (%2 categories).</source>
        <translation>So sánh với «%1» (kết quả %2).</translation>
    </message>
    <message>
        <source>Out of poverty: %1 · newly poor or fallen back: %2 · out of near-poverty: %3 · newly near-poor: %4 households.</source>
        <translation>Thoát nghèo: %1 · nghèo phát sinh hoặc tái nghèo: %2 · thoát cận nghèo: %3 · cận nghèo phát sinh: %4 hộ.</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>Set up the poverty register</source>
        <translation>Thiết lập sổ theo dõi hộ nghèo</translation>
    </message>
</context>
<context>
    <name>StackedBarChart</name>
    <message>
        <source>Total</source>
        <translation>Tổng</translation>
    </message>
</context>
<context>
    <name>Stepper</name>
    <message>
        <source>Done</source>
        <translation>Đã xong</translation>
    </message>
    <message>
        <source>Current step</source>
        <translation>Đang làm</translation>
    </message>
    <message>
        <source>Not yet</source>
        <translation>Chưa đến</translation>
    </message>
    <message>
        <source>by %1, %2</source>
        <translation>do %1 ghi, %2</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <source>Summary</source>
        <translation>Tóm tắt</translation>
    </message>
    <message>
        <source>Check the information, then press Finish to create the register.</source>
        <translation>Hãy kiểm tra thông tin, rồi bấm Hoàn tất để tạo sổ.</translation>
    </message>
</context>
<context>
    <name>SupportCoverageView</name>
    <message>
        <source>Support this year by programme (VND)</source>
        <translation>Hỗ trợ trong năm theo chương trình (đồng)</translation>
    </message>
    <message>
        <source>Support this year by funding source (VND)</source>
        <translation>Hỗ trợ trong năm theo nguồn kinh phí (đồng)</translation>
    </message>
    <message>
        <source>&amp;Year:</source>
        <translation>&amp;Năm:</translation>
    </message>
    <message>
        <source>&amp;Area:</source>
        <translation>&amp;Phạm vi:</translation>
    </message>
    <message>
        <source>Whole commune</source>
        <translation>Toàn xã</translation>
    </message>
    <message>
        <source>No village</source>
        <translation>Chưa có thôn</translation>
    </message>
    <message>
        <source>Target of the plan</source>
        <translation>Chỉ tiêu kế hoạch</translation>
    </message>
    <message>
        <source>Reached</source>
        <translation>Đạt được</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Tỷ lệ</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Chỉ tiêu</translation>
    </message>
    <message>
        <source>Gap</source>
        <translation>Còn thiếu</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Chưa rõ</translation>
    </message>
    <message>
        <source>Loans: %1, %2 VND</source>
        <translation>Số món vay: %1, %2 đồng</translation>
    </message>
    <message>
        <source>Target exceeded by %1 points</source>
        <translation>Vượt chỉ tiêu %1 điểm phần trăm</translation>
    </message>
    <message>
        <source>%1 VND · %2 rec.</source>
        <translation>%1 đồng · %2 lượt</translation>
    </message>
    <message>
        <source>Programme</source>
        <translation>Chương trình</translation>
    </message>
    <message>
        <source>Amount (VND)</source>
        <translation>Số tiền (đồng)</translation>
    </message>
    <message>
        <source>%1 VND</source>
        <translation>%1 đồng</translation>
    </message>
    <message>
        <source>Funding source</source>
        <translation>Nguồn kinh phí</translation>
    </message>
</context>
<context>
    <name>SupportLedgerModel</name>
    <message>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>Hộ</translation>
    </message>
    <message>
        <source>Head</source>
        <translation>Chủ hộ</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>Thôn/tổ</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Người nhận</translation>
    </message>
    <message>
        <source>Programme</source>
        <translation>Chương trình</translation>
    </message>
    <message>
        <source>Amount (VND)</source>
        <translation>Số tiền (đồng)</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Số lượng</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Nguồn</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>Whole household</source>
        <translation>Cả hộ</translation>
    </message>
    <message>
        <source>Loan: %1 months, %2</source>
        <translation>Khoản vay: %1 tháng, %2</translation>
    </message>
    <message>
        <source>Recorded by %1</source>
        <translation>Người ghi: %1</translation>
    </message>
</context>
<context>
    <name>SupportLedgerView</name>
    <message>
        <source>&amp;Year:</source>
        <translation>&amp;Năm:</translation>
    </message>
    <message>
        <source>&amp;Programme:</source>
        <translation>&amp;Chương trình:</translation>
    </message>
    <message>
        <source>&amp;Village:</source>
        <translation>&amp;Thôn/tổ:</translation>
    </message>
    <message>
        <source>&amp;Source:</source>
        <translation>N&amp;guồn:</translation>
    </message>
    <message>
        <source>All years</source>
        <translation>Tất cả các năm</translation>
    </message>
    <message>
        <source>All programmes</source>
        <translation>Tất cả chương trình</translation>
    </message>
    <message>
        <source>All villages</source>
        <translation>Tất cả thôn, tổ</translation>
    </message>
    <message>
        <source>All sources</source>
        <translation>Tất cả nguồn</translation>
    </message>
    <message>
        <source>%1 records, total %2 VND</source>
        <translation>%1 lượt hỗ trợ, tổng cộng %2 đồng</translation>
    </message>
</context>
<context>
    <name>SupportPage</name>
    <message>
        <source>Support</source>
        <extracomment>kinds of data this page shows</extracomment>
        <translation>Hỗ trợ</translation>
    </message>
    <message>
        <source>&amp;Record support…</source>
        <translation>&amp;Ghi hỗ trợ…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Sửa…</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Xóa…</translation>
    </message>
    <message>
        <source>&amp;Bulk action…</source>
        <translation>Hỗ trợ &amp;hàng loạt…</translation>
    </message>
    <message>
        <source>E&amp;xport to Excel…</source>
        <translation>&amp;Xuất ra Excel…</translation>
    </message>
    <message>
        <source>Ledger</source>
        <translation>Sổ hỗ trợ</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>Mức độ bao phủ</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>Hộ</translation>
    </message>
    <message>
        <source>Support received</source>
        <translation>Hỗ trợ đã nhận</translation>
    </message>
    <message>
        <source>Appears eligible for (not received this year)</source>
        <translation>Có thể thuộc diện được hỗ trợ (chưa nhận trong năm)</translation>
    </message>
    <message>
        <source>Delete the support record of %1 for household %2 on %3?</source>
        <translation>Xóa bản ghi hỗ trợ «%1» của hộ %2 ngày %3?</translation>
    </message>
    <message>
        <source>&amp;Delete the record</source>
        <translation>&amp;Xóa bản ghi</translation>
    </message>
    <message>
        <source>The record is kept in the history (audit log) with who deleted it.</source>
        <translation>Bản ghi vẫn được lưu trong nhật ký thay đổi, kèm tên người xóa.</translation>
    </message>
    <message>
        <source>Export the support ledger</source>
        <translation>Xuất sổ hỗ trợ</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Bảng tính Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>Đã xuất ra %1</translation>
    </message>
    <message>
        <source>%1 VND</source>
        <translation>%1 đồng</translation>
    </message>
</context>
<context>
    <name>SupportRecordDialog</name>
    <message>
        <source>Edit support</source>
        <translation>Sửa hỗ trợ</translation>
    </message>
    <message>
        <source>Record support</source>
        <translation>Ghi hỗ trợ</translation>
    </message>
    <message>
        <source>e.g. 500000</source>
        <translation>ví dụ 500000</translation>
    </message>
    <message>
        <source>not given</source>
        <translation>không ghi</translation>
    </message>
    <message>
        <source> months</source>
        <translation> tháng</translation>
    </message>
    <message>
        <source>&amp;Household:</source>
        <translation>&amp;Hộ:</translation>
    </message>
    <message>
        <source>&amp;Recipient:</source>
        <translation>&amp;Người nhận:</translation>
    </message>
    <message>
        <source>&amp;Programme:</source>
        <translation>&amp;Chương trình:</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Ngày:</translation>
    </message>
    <message>
        <source>&amp;Amount (VND):</source>
        <translation>&amp;Số tiền (đồng):</translation>
    </message>
    <message>
        <source>&amp;Quantity:</source>
        <translation>Số &amp;lượng:</translation>
    </message>
    <message>
        <source>&amp;Unit:</source>
        <translation>Đơn &amp;vị:</translation>
    </message>
    <message>
        <source>Funding &amp;source:</source>
        <translation>&amp;Nguồn kinh phí:</translation>
    </message>
    <message>
        <source>Loan &amp;term:</source>
        <translation>&amp;Thời hạn vay:</translation>
    </message>
    <message>
        <source>Loan &amp;purpose:</source>
        <translation>&amp;Mục đích vay:</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Ghi chú:</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Lưu</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Whole household</source>
        <translation>Cả hộ</translation>
    </message>
</context>
<context>
    <name>SurveyInputs</name>
    <message>
        <source>Unknown</source>
        <translation>Chưa rõ</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Có</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Không</translation>
    </message>
    <message>
        <source>Unknown (not asked yet)</source>
        <translation>Chưa rõ (chưa hỏi)</translation>
    </message>
</context>
<context>
    <name>TaskRunner</name>
    <message>
        <source>Cancel</source>
        <extracomment>a progress dialog appears only for work lasting longer than this</extracomment>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Please wait</source>
        <translation>Xin chờ</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Đang hủy…</translation>
    </message>
</context>
<context>
    <name>UnitPage</name>
    <message>
        <source>e.g. Tỉnh Tuyên Quang</source>
        <translation>ví dụ: Tỉnh Tuyên Quang</translation>
    </message>
    <message>
        <source>(not set)</source>
        <translation>(chưa chọn)</translation>
    </message>
    <message>
        <source>&amp;Province:</source>
        <translation>Tỉnh/thành &amp;phố:</translation>
    </message>
    <message>
        <source>Default &amp;area:</source>
        <translation>&amp;Khu vực mặc định:</translation>
    </message>
    <message>
        <source>Proposed for new households; each household can differ.</source>
        <translation>Gợi ý cho hộ mới; từng hộ có thể khác.</translation>
    </message>
    <message>
        <source>Economic re&amp;gion:</source>
        <translation>&amp;Vùng kinh tế:</translation>
    </message>
    <message>
        <source>Needed to compute score A from the B1 answers of Phiếu B.</source>
        <translation>Cần để tính điểm A từ các câu trả lời phần B1 của Phiếu B.</translation>
    </message>
    <message>
        <source>Receiving &amp;office label:</source>
        <translation>Tên gọi &amp;cơ quan tiếp nhận:</translation>
    </message>
    <message>
        <source>The commune</source>
        <translation>Thông tin xã</translation>
    </message>
    <message>
        <source>The commune, ward or special zone whose households this register keeps.</source>
        <translation>Xã, phường hoặc đặc khu có các hộ gia đình được theo dõi trong sổ này.</translation>
    </message>
    <message>
        <source>Commune &amp;name:</source>
        <translation>Tê&amp;n xã:</translation>
    </message>
    <message>
        <source>e.g. Xã Tân Tiến</source>
        <translation>ví dụ: Xã Tân Tiến</translation>
    </message>
    <message>
        <source>Administrative &amp;code:</source>
        <translation>&amp;Mã đơn vị hành chính:</translation>
    </message>
    <message>
        <source>The 5-digit code of the commune in the list of administrative units (e.g. 02287).</source>
        <translation>Mã gồm 5 chữ số của xã trong danh mục đơn vị hành chính (ví dụ 02287).</translation>
    </message>
    <message>
        <source>What the office that receives this commune&apos;s data is called on screens and reports, e.g. «UBND xã» or «Sở Y tế».</source>
        <translation>Tên gọi của cơ quan nhận số liệu của xã trên màn hình và báo cáo, ví dụ «UBND xã» hoặc «Sở Y tế».</translation>
    </message>
    <message>
        <source>The receiving office</source>
        <translation>Cơ quan tiếp nhận</translation>
    </message>
    <message>
        <source>The office that receives and sums up the communes&apos; data.</source>
        <translation>Cơ quan nhận và tổng hợp số liệu của các xã.</translation>
    </message>
    <message>
        <source>Office &amp;name:</source>
        <translation>Tê&amp;n cơ quan:</translation>
    </message>
    <message>
        <source>e.g. Sở Y tế tỉnh Tuyên Quang</source>
        <translation>ví dụ: Sở Y tế tỉnh Tuyên Quang</translation>
    </message>
    <message>
        <source>Office &amp;code:</source>
        <translation>&amp;Mã cơ quan:</translation>
    </message>
    <message>
        <source>A short code of the office, e.g. the province code.</source>
        <translation>Mã ngắn của cơ quan, ví dụ mã tỉnh.</translation>
    </message>
    <message>
        <source>How this office is called on screens and reports.</source>
        <translation>Tên gọi của cơ quan này trên màn hình và báo cáo.</translation>
    </message>
</context>
<context>
    <name>UsersDialog</name>
    <message>
        <source>User accounts</source>
        <translation>Tài khoản người dùng</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Tên đăng nhập</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Vai trò</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Last login</source>
        <translation>Đăng nhập gần nhất</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Thêm…</translation>
    </message>
    <message>
        <source>&amp;Reset password…</source>
        <translation>Đặt lại &amp;mật khẩu…</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>Mở &amp;khóa</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Đã ngừng</translation>
    </message>
    <message>
        <source>Locked until %1</source>
        <translation>Bị khóa đến %1</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Đang dùng</translation>
    </message>
    <message>
        <source>&amp;Enable</source>
        <translation>&amp;Cho dùng lại</translation>
    </message>
    <message>
        <source>&amp;Disable…</source>
        <translation>&amp;Ngừng sử dụng…</translation>
    </message>
    <message>
        <source>New password for %1</source>
        <translation>Mật khẩu mới cho %1</translation>
    </message>
    <message>
        <source>Disable the account of %1 (%2)? They can no longer log in.</source>
        <translation>Ngừng sử dụng tài khoản của %1 (%2)? Người này sẽ không đăng nhập được nữa.</translation>
    </message>
    <message>
        <source>&amp;Disable the account</source>
        <translation>&amp;Ngừng tài khoản</translation>
    </message>
</context>
<context>
    <name>VillagesPage</name>
    <message>
        <source>Villages and residential groups</source>
        <translation>Thôn và tổ dân phố</translation>
    </message>
    <message>
        <source>The thôn, bản, ấp and tổ dân phố of the commune. More can be added later.</source>
        <translation>Các thôn, bản, ấp và tổ dân phố của xã. Có thể thêm sau.</translation>
    </message>
    <message>
        <source>&amp;One name per line, in the order of the lists:</source>
        <translation>Mỗi dòng một tên, theo thứ tự trên &amp;danh sách:</translation>
    </message>
    <message numerus="yes">
        <source>%n village(s) or residential group(s)</source>
        <translation>
            <numerusform>%n thôn/tổ dân phố</numerusform>
        </translation>
    </message>
</context>
</TS>
