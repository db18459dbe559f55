"""PDF reports: every kind is written, read back with pypdf (Vietnamese text,
page numbering "Trang x/y", header rows repeated, embedded fonts)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader

from desktop_app.reports import (
    ListHousehold, samples, write_certificate, write_key_sheet, write_posting_list, write_support_ledger,
    write_survey_form, write_village_meeting_list,
)
from desktop_app.reports.formatting import (
    fmt_date, fmt_number, fmt_vnd, group_fingerprint, in_sentence, match_key,
)
from desktop_app.reports.texts import INDICATORS, indicator_code


def pages_text(path: Path) -> list[str]:
    """Text of each page, white space collapsed (wrapped cells become one line)."""
    return [" ".join(page.extract_text().split()) for page in PdfReader(path).pages]


def font_names(path: Path) -> set[str]:
    names = set()
    for page in PdfReader(path).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            assert "/FontFile2" in font["/FontDescriptor"].get_object(), f"{font['/BaseFont']} not embedded"
            names.add(str(font["/BaseFont"]).split("+")[-1])
    return names


def meeting_with_lan(n: int) -> "samples.VillageMeetingList":
    data = samples.meeting_list(n)
    lan = ListHousehold(head_name="Nguyễn Thị Lan", members=5, category="poor", address="Xóm 3",
                        household_code="D00017", score_a=131, score_b=40,
                        deprived=["housing_quality", "latrine", "telecom", "health_insurance"])
    data.households = [lan] + list(data.households)
    return data


def test_village_meeting_list_three_pages(tmp_path: Path) -> None:
    path = tmp_path / "hop_dan.pdf"
    pages = write_village_meeting_list(path, meeting_with_lan(44))
    texts = pages_text(path)
    assert pages == len(texts) == 3
    for i, text in enumerate(texts, 1):
        assert f"Trang {i}/3" in text
        # the header rows are repeated on every page
        assert "Họ và tên chủ hộ" in text and "Không" in text and "Đồng ý" in text
    first = texts[0]
    assert "DANH SÁCH HỘ GIA ĐÌNH ĐƯA RA HỌP DÂN BÌNH XÉT" in first
    assert "Xã Thanh Hà" in first and "Thôn Đông" in first and "Rà soát định kỳ năm" in first
    assert "05/11/2025" in first  # meeting date
    assert "Nguyễn Thị Lan" in first and "Hộ nghèo" in first
    assert "BH, CL, VS, VT" in first  # codes in the official order
    for key in INDICATORS:  # the legend explains every code
        assert f"{indicator_code(key, 'vi')}:" in first
    assert "☐" in first
    last = texts[-1]
    assert "CHỦ TRÌ" in last and "THƯ KÝ" in last and "Nguyễn Văn An" in last
    assert "Tổng số: 45 hộ" in last
    assert font_names(path) <= {"DejaVuSans", "DejaVuSans-Bold", "DejaVuSansCondensed", "DejaVuSansCondensed-Bold"}


def test_village_meeting_list_english(tmp_path: Path) -> None:
    path = tmp_path / "meeting_en.pdf"
    write_village_meeting_list(path, meeting_with_lan(10), lang="en")
    text = pages_text(path)[0]
    assert "Page 1/" in text and "Head of household" in text and "Poor household" in text and "People" in text
    assert "Nguyễn Thị Lan" in text and "HI, HQ, LA, TC" in text


def test_long_list_repeats_header_and_wraps_long_names(tmp_path: Path) -> None:
    data = meeting_with_lan(400)
    long_name = "Nguyễn Thị Lan Hương (tức Trần Thị Bé, chủ hộ mới thay mẹ từ tháng 3 năm 2024)"
    data.households[3] = dataclasses.replace(data.households[3], head_name=long_name)
    path = tmp_path / "long.pdf"
    pages = write_village_meeting_list(path, data)
    texts = pages_text(path)
    assert pages == len(texts) > 10
    assert all(f"Trang {i}/{pages}" in text for i, text in enumerate(texts, 1))
    # every page holding households starts with the header (the last may hold only the signatures)
    assert all("Họ và tên chủ hộ" in text for text in texts if " T00" in text)
    codes = {word for text in texts for word in text.split()}
    assert {"D00017", "T00200", "T00400"} <= codes  # first, middle and last household all printed
    assert "chủ hộ mới thay mẹ từ tháng 3 năm 2024)" in texts[0]  # wrapped, not cut


def test_decomposed_vietnamese_is_printed_precomposed(tmp_path: Path) -> None:
    data = meeting_with_lan(2)
    data.households[0] = dataclasses.replace(data.households[0],
                                             head_name=unicodedata.normalize("NFD", "Nguyễn Thị Lan"))
    path = tmp_path / "nfd.pdf"
    write_village_meeting_list(path, data)
    assert "Nguyễn Thị Lan" in pages_text(path)[0]


def test_posting_list(tmp_path: Path) -> None:
    path = tmp_path / "niem_yet.pdf"
    data = samples.posting_list(120)
    pages = write_posting_list(path, data)
    texts = pages_text(path)
    assert pages == len(texts) >= 2
    first = texts[0]
    assert "DANH SÁCH NIÊM YẾT CÔNG KHAI" in first
    assert "từ ngày 12/11/2025 đến hết ngày 14/11/2025" in first
    assert "Ủy ban nhân dân xã Thanh Hà" in first  # where to complain
    assert "I. Hộ nghèo:" in first
    assert f"Trang 1/{pages}" in first
    assert "Họ và tên chủ hộ" in texts[1] and "Thôn" in texts[1]  # header repeated
    assert "Phạm Văn Hùng" in texts[-1] and "CHỦ TỊCH" in texts[-1]


def test_survey_form(tmp_path: Path) -> None:
    path = tmp_path / "phieu_b.pdf"
    write_survey_form(path, samples.survey_form())
    text = "\n".join(pages_text(path))
    for expected in ("PHIẾU B", "Nguyễn Thị Lan", "Trần Thị Ngọc Ánh", "035179001234", "12/04/1979",
                     "131", "1.200.000 đồng/người/tháng", "Bảo hiểm y tế", "Thiếu hụt", "Chưa rõ",
                     "Hộ không có nhà tiêu.", "Hộ nghèo", "đề xuất", "RÀ SOÁT VIÊN", "Trang 1/"):
        assert expected in text, expected


def test_survey_form_from_record(tmp_path: Path) -> None:
    record = {"household_id": "h1", "village": "Thôn Đông", "area": "rural",
              "members": [{"member_id": "m1", "full_name": "Lò Văn Sáng", "relation": "head", "sex": "male",
                           "birth_date": "1970"}],
              "survey": {"date": "2025-10-20", "score_a": 120}}
    result = {"category": "near_poor", "score_a": 120, "score_b": 20,
              "indicators": {k: "no" for k in INDICATORS} | {"water": "yes", "latrine": "yes"},
              "reasons": {"water": "Nguồn nước chính là nước mặt."}}
    form = samples.survey_form().from_record(record, result, samples.COMMUNE, surveyor="Hà Thị Mơ", official=True)
    assert form.head_name == "Lò Văn Sáng" and form.survey_date == dt.date(2025, 10, 20)
    path = tmp_path / "b.pdf"
    write_survey_form(path, form, lang="vi")
    text = "\n".join(pages_text(path))
    assert "Lò Văn Sáng" in text and "Hộ cận nghèo" in text and "Nguồn nước chính là nước mặt." in text
    assert "chưa phải kết quả chính thức" not in text


@pytest.mark.parametrize("category, title", [("poor", "GIẤY CHỨNG NHẬN HỘ NGHÈO"),
                                             ("near_poor", "GIẤY CHỨNG NHẬN HỘ CẬN NGHÈO")])
def test_certificate(tmp_path: Path, category: str, title: str) -> None:
    path = tmp_path / f"gcn_{category}.pdf"
    data = dataclasses.replace(samples.certificate(), category=category)
    assert write_certificate(path, data) == 1
    text = pages_text(path)[0]
    assert title in text and "Nguyễn Thị Lan" in text and "Số: 15/GCN-UBND" in text
    assert "01/01/2026" in text and "31/12/2026" in text and "245/QĐ-UBND" in text
    assert "Nguyễn Thị Hằng" in text and "Trang 1/1" in text


def test_certificate_only_for_poor_or_near_poor(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        write_certificate(tmp_path / "x.pdf", dataclasses.replace(samples.certificate(), category="middle"))
    assert not list(tmp_path.iterdir())


def test_support_ledger(tmp_path: Path) -> None:
    path = tmp_path / "so_ho_tro.pdf"
    write_support_ledger(path, samples.support_ledger())
    text = pages_text(path)[0]
    for expected in ("SỔ THEO DÕI HỖ TRỢ HỘ GIA ĐÌNH", "Thẻ bảo hiểm y tế", "1.500.000", "50.000.000",
                     "64.000.000", "2,5", "tạ", "Ngân hàng Chính sách xã hội", "Quỹ Vì người nghèo",
                     "Hỗ trợ sửa mái nhà sau bão số 3", "Trần Thị Ngọc Ánh", "15/03/2025", "Tổng cộng"):
        assert expected in text, expected


def test_key_sheet(tmp_path: Path) -> None:
    path = tmp_path / "khoa.pdf"
    write_key_sheet(path, samples.key_sheet())
    text = pages_text(path)[0]
    assert "PHIẾU ĐĂNG KÝ KHÓA KÝ SỐ CỦA XÃ" in text and "22246" in text
    assert "9F2C 4BE0 7D1A 66E3" in text and "BCDE F012" in text
    assert "CÁN BỘ PHỤ TRÁCH" in text and "đóng dấu" in text and "SỞ NÔNG NGHIỆP" in text
    assert "DejaVuSansMono" in font_names(path)


def test_write_replaces_file_atomically(tmp_path: Path) -> None:
    path = tmp_path / "gcn.pdf"
    path.write_bytes(b"old")
    write_certificate(path, samples.certificate())
    assert path.read_bytes().startswith(b"%PDF")
    assert [p.name for p in tmp_path.iterdir()] == ["gcn.pdf"]  # no temporary file left


def test_formatting() -> None:
    assert fmt_vnd(1500000) == "1.500.000" and fmt_vnd(None) == "" and fmt_vnd(500) == "500"
    assert fmt_number(2.5) == "2,5" and fmt_number(1200) == "1.200" and fmt_number(1234.25) == "1.234,25"
    assert fmt_date(dt.date(2025, 1, 6)) == "06/01/2025" and fmt_date("1979-04-12") == "12/04/1979"
    assert fmt_date("1979") == "1979"
    assert group_fingerprint("ab:cd:ef:01:23", per_line=2) == "ABCD EF01\n23"
    assert match_key("  Ngày SINH (dd/mm) ") == "ngay sinh dd mm" and match_key("Vợ/chồng") == "vo chong"
    assert in_sentence("Xã Thanh Hà") == "xã Thanh Hà" and in_sentence("Thanh Hà") == "Thanh Hà"
