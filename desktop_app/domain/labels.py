"""Vietnamese and English labels of the record's coded values and fields.

Used by classification reasons, reports and the GUI so that every place
says the same words (glossary of spec/domain.md).
"""

from __future__ import annotations

from desktop_app.i18n import t
from desktop_app.messages import register

_VALUES: dict[str, dict[str, tuple[str, str]]] = {
    "area": {"rural": ("nông thôn", "rural"), "urban": ("thành thị", "urban")},
    "sex": {"male": ("nam", "male"), "female": ("nữ", "female")},
    "relation": {
        "head": ("chủ hộ", "head"), "spouse": ("vợ/chồng", "spouse"), "child": ("con", "child"),
        "parent": ("bố/mẹ", "parent"), "grandchild": ("cháu", "grandchild"),
        "sibling": ("anh/chị/em", "sibling"), "other": ("khác", "other"),
    },
    "disability": {
        "none": ("không", "none"), "mild": ("nhẹ", "mild"), "severe": ("nặng", "severe"),
        "especially_severe": ("đặc biệt nặng", "especially severe"),
    },
    "employment": {
        "wage_with_contract": ("làm công có hợp đồng lao động", "wage work with a labour contract"),
        "wage_without_contract": ("làm công không có hợp đồng lao động", "wage work without a labour contract"),
        "self_employed": ("tự làm", "self-employed"),
        "unemployed": ("thất nghiệp", "unemployed"),
        "not_in_labour_force": ("không tham gia lực lượng lao động", "not in the labour force"),
    },
    "education": {
        "none": ("chưa đi học/không có bằng cấp", "no schooling"),
        "primary": ("tiểu học", "primary"),
        "lower_secondary": ("trung học cơ sở", "lower secondary"),
        "upper_secondary": ("trung học phổ thông", "upper secondary"),
        "vocational_elementary": ("sơ cấp nghề", "vocational, elementary"),
        "vocational_intermediate": ("trung cấp", "vocational, intermediate"),
        "college": ("cao đẳng", "college"),
        "university": ("đại học trở lên", "university"),
    },
    "nutrition": {
        "normal": ("bình thường", "normal"), "stunted": ("suy dinh dưỡng thấp còi", "stunted"),
        "underweight": ("suy dinh dưỡng nhẹ cân", "underweight"),
    },
    "water_source": {
        "piped": ("nước máy", "piped water"), "borehole": ("giếng khoan", "borehole"),
        "protected_dug_well": ("giếng đào được bảo vệ", "protected dug well"),
        "protected_spring": ("khe/mó được bảo vệ", "protected spring"),
        "rain_water": ("nước mưa", "rain water"), "bottled": ("nước đóng chai", "bottled water"),
        "unprotected_dug_well": ("giếng đào không được bảo vệ", "unprotected dug well"),
        "unprotected_spring": ("khe/mó không được bảo vệ", "unprotected spring"),
        "surface_water": ("nước mặt (sông, suối, ao, hồ)", "surface water (river, stream, pond)"),
        "other": ("nguồn khác", "other source"),
    },
    "latrine": {
        "septic_flush": ("tự hoại", "flush to septic tank"),
        "semi_septic_flush": ("bán tự hoại", "flush to semi-septic tank"),
        "ventilated_pit": ("chìm có ống thông hơi", "ventilated improved pit"),
        "double_vault": ("hai ngăn", "double-vault composting"),
        "unimproved_pit": ("hố xí đơn giản", "unimproved pit"),
        "other": ("loại khác", "other"), "none": ("không có nhà tiêu", "no latrine"),
    },
    "info_devices": {
        "tv": ("ti vi", "television"), "radio": ("radio", "radio"),
        "computer": ("máy tính", "computer"), "smartphone": ("điện thoại thông minh", "smartphone"),
        "tablet": ("máy tính bảng", "tablet"), "basic_phone": ("điện thoại thường", "basic phone"),
    },
    "poverty_causes": {
        "lack_capital": ("thiếu vốn sản xuất", "lack of capital"),
        "lack_land": ("thiếu đất canh tác", "lack of farmland"),
        "lack_means": ("thiếu phương tiện sản xuất", "lack of means of production"),
        "lack_labour": ("thiếu lao động", "lack of labour"),
        "lack_skills": ("không biết cách làm ăn, không có kỹ năng lao động", "no business know-how or skills"),
        "no_job": ("có lao động nhưng không có việc làm", "workers without jobs"),
        "illness": ("ốm đau, bệnh nặng, tai nạn", "illness, serious disease, accident"),
        "social_evils": ("có người mắc tệ nạn xã hội", "a member with a social vice"),
        "idleness": ("chây lười lao động", "unwilling to work"),
        "many_dependants": ("đông người ăn theo", "many dependants"),
        "other": ("nguyên nhân khác", "other cause"),
    },
    "region": {
        "northern_midlands_mountains": ("Trung du và miền núi phía Bắc", "Northern midlands and mountains"),
        "red_river_delta": ("Đồng bằng sông Hồng", "Red River Delta"),
        "north_central_coast": ("Bắc Trung Bộ và duyên hải miền Trung", "North Central and Central Coast"),
        "central_highlands": ("Tây Nguyên", "Central Highlands"),
        "southeast": ("Đông Nam Bộ", "Southeast"),
        "mekong_delta": ("Đồng bằng sông Cửu Long", "Mekong Delta"),
    },
}

_FIELDS: dict[str, tuple[str, str]] = {
    "household_id": ("mã hộ", "household id"),
    "area": ("khu vực (nông thôn/thành thị)", "area (rural/urban)"),
    "region": ("vùng kinh tế", "economic region"),
    "full_name": ("họ và tên", "full name"),
    "sex": ("giới tính", "sex"),
    "birth_date": ("ngày sinh", "birth date"),
    "id_number": ("số CCCD", "citizen ID number"),
    "relation": ("quan hệ với chủ hộ", "relation to the head"),
    "ethnicity": ("dân tộc", "ethnicity"),
    "able_to_work": ("khả năng lao động", "ability to work"),
    "disability": ("mức độ khuyết tật", "disability"),
    "employment": ("tình trạng việc làm", "employment"),
    "health_insurance": ("thẻ bảo hiểm y tế", "health insurance"),
    "education": ("trình độ học vấn cao nhất", "highest education"),
    "studying": ("đang đi học/đào tạo", "currently studying"),
    "vocational_certificate": ("đào tạo tại nơi làm việc có xác nhận", "employer-certified training"),
    "in_school": ("đi học đúng bậc học", "attending school"),
    "nutrition": ("tình trạng dinh dưỡng", "nutrition"),
    "score_a": ("điểm A (tổng điểm B1)", "score A (B1 total)"),
    "b1_answers": ("câu trả lời phần B1", "B1 answers"),
    "income_per_capita": ("thu nhập bình quân đầu người/tháng", "income per person per month"),
    "house_none": ("hộ có nhà ở hay không", "whether the household has a house"),
    "walls_durable": ("tường nhà bền chắc", "durable walls"),
    "columns_durable": ("cột nhà bền chắc", "durable columns"),
    "roof_durable": ("mái nhà bền chắc", "durable roof"),
    "floor_area_m2": ("diện tích nhà ở (m²)", "floor area (m²)"),
    "water_source": ("nguồn nước sinh hoạt chính", "main drinking water source"),
    "latrine": ("loại nhà tiêu", "latrine"),
    "internet_use": ("sử dụng internet", "internet use"),
    "info_devices": ("phương tiện tiếp cận thông tin", "information devices"),
    "hears_loudspeaker": ("nghe được loa truyền thanh", "hears the loudspeakers"),
    "poverty_causes": ("nguyên nhân nghèo", "causes of poverty"),
}

_messages: dict[str, dict[str, str]] = {}
for _group, _values in _VALUES.items():
    for _value, (_vi, _en) in _values.items():
        _messages[f"value.{_group}.{_value}"] = {"vi": _vi, "en": _en}
for _field, (_vi, _en) in _FIELDS.items():
    _messages[f"field.{_field}"] = {"vi": _vi, "en": _en}
register(_messages)


def value_label(group: str, value: str | None, lang: str | None = None) -> str:
    """Label of a coded value, e.g. ``value_label("water_source", "piped")``."""
    if value is None:
        return t("state.unknown", lang)
    key = f"value.{group}.{value}"
    return t(key, lang) if f"value.{group}.{value}" in _messages else str(value)


def field_label(name: str, lang: str | None = None) -> str:
    return t(f"field.{name}", lang) if f"field.{name}" in _messages else name


def values_of(group: str) -> tuple[str, ...]:
    return tuple(_VALUES[group])
