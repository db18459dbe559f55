"""Vietnamese personal names for the demo commune, by ethnic group.

Each :class:`NameStyle` lists family names with rough weights, middle names and
given names for men and women. Kinh, Tày, Nùng, Mường and Hoa people mostly
use Kinh-style names with their own common family names; H'Mông, Dao, Thái and
Khmer names follow their own patterns ("Giàng A Páo", "Sùng Thị Mỷ",
"Lò Văn Ún", "Thạch Thị Sa Rết"). The data is only for making a realistic
demonstration register; it is not a list of real people.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

KINH_MALE_MIDDLE = ("Văn", "Văn", "Văn", "Đức", "Minh", "Quang", "Hữu", "Công", "Thành", "Xuân",
                    "Ngọc", "Trọng", "Tiến", "Đình", "Gia", "Anh", "Bá", "Mạnh", "Duy", "Quốc")
KINH_FEMALE_MIDDLE = ("Thị", "Thị", "Thị", "Thị", "Thu", "Ngọc", "Thanh", "Kim", "Hồng", "Minh",
                      "Phương", "Bảo", "Mai", "Diệu", "Hải", "Thùy", "Khánh", "Thị Thu", "Thị Kim")
KINH_MALE_GIVEN = (
    "An", "Bình", "Cường", "Dũng", "Duy", "Đạt", "Đông", "Giang", "Hải", "Hào", "Hiếu", "Hòa",
    "Hoàng", "Hùng", "Huy", "Khải", "Khang", "Khánh", "Kiên", "Lâm", "Long", "Lộc", "Luân",
    "Mạnh", "Minh", "Nam", "Nghĩa", "Nhân", "Phong", "Phúc", "Quân", "Quang", "Quý", "Sơn",
    "Tài", "Tâm", "Thái", "Thắng", "Thanh", "Thành", "Thiện", "Thịnh", "Toàn", "Trung", "Tuấn",
    "Tùng", "Việt", "Vinh", "Vũ", "Đức", "Hưng", "Khoa", "Lợi", "Nguyên", "Tú", "Chiến",
)
KINH_FEMALE_GIVEN = (
    "Anh", "Ánh", "Bích", "Châu", "Chi", "Dung", "Duyên", "Giang", "Hà", "Hạnh", "Hằng", "Hiền",
    "Hoa", "Hồng", "Huệ", "Hương", "Hường", "Lan", "Liên", "Linh", "Loan", "Mai", "My", "Nga",
    "Ngân", "Ngọc", "Nhung", "Oanh", "Phương", "Quyên", "Quỳnh", "Tâm", "Thảo", "Thanh", "Thu",
    "Thúy", "Thủy", "Trang", "Trinh", "Tuyết", "Uyên", "Vân", "Xuân", "Yến", "Lụa", "Nguyệt",
)


@dataclass(frozen=True)
class NameStyle:
    """How people of one ethnic group are usually named."""

    family: tuple[tuple[str, int], ...]
    male_middle: tuple[str, ...] = KINH_MALE_MIDDLE
    female_middle: tuple[str, ...] = KINH_FEMALE_MIDDLE
    male_given: tuple[str, ...] = KINH_MALE_GIVEN
    female_given: tuple[str, ...] = KINH_FEMALE_GIVEN

    def __post_init__(self) -> None:
        names, weights = zip(*self.family)
        object.__setattr__(self, "_names", names)
        object.__setattr__(self, "_cum", tuple(_cumulative(weights)))

    def family_name(self, rng: random.Random) -> str:
        return rng.choices(self._names, cum_weights=self._cum)[0]  # type: ignore[attr-defined]

    def full_name(self, rng: random.Random, family: str, sex: str) -> str:
        if sex == "male":
            middle, given = rng.choice(self.male_middle), rng.choice(self.male_given)
        else:
            middle, given = rng.choice(self.female_middle), rng.choice(self.female_given)
        return " ".join(part for part in (family, middle, given) if part)


def _cumulative(weights) -> list[int]:
    total, out = 0, []
    for w in weights:
        total += w
        out.append(total)
    return out


STYLES: dict[str, NameStyle] = {
    "Kinh": NameStyle(family=(
        ("Nguyễn", 380), ("Trần", 110), ("Lê", 95), ("Phạm", 70), ("Hoàng", 30), ("Huỳnh", 20),
        ("Phan", 45), ("Vũ", 25), ("Võ", 14), ("Đặng", 21), ("Bùi", 20), ("Đỗ", 14), ("Hồ", 13),
        ("Ngô", 13), ("Dương", 10), ("Lý", 5), ("Đinh", 6), ("Trương", 6), ("Lương", 4), ("Mai", 4),
        ("Cao", 4), ("Đào", 4), ("Trịnh", 4), ("Tạ", 2), ("Phùng", 2), ("Hà", 3), ("Chu", 2),
        ("Kiều", 1), ("Tô", 1), ("Lâm", 2), ("Khúc", 1),
    )),
    "Tày": NameStyle(family=(
        ("Hoàng", 30), ("Nông", 25), ("Lục", 10), ("Vi", 8), ("Lương", 10), ("Triệu", 6), ("Hà", 8),
        ("Ma", 6), ("Đàm", 5), ("Lăng", 3), ("Mông", 3), ("Bế", 6), ("Nguyễn", 10),
    )),
    "Nùng": NameStyle(family=(
        ("Hoàng", 25), ("Nông", 20), ("Lục", 8), ("Vi", 10), ("Lý", 8), ("Mã", 6), ("Chu", 6),
        ("Lành", 4), ("Sầm", 3), ("Dương", 5),
    )),
    "Mường": NameStyle(family=(("Bùi", 45), ("Đinh", 25), ("Quách", 10), ("Hà", 10), ("Xa", 5), ("Cao", 5))),
    "Hoa": NameStyle(family=(("Lâm", 20), ("Trương", 20), ("Quách", 10), ("Lý", 15), ("Mã", 10), ("Diệp", 10),
                             ("Tăng", 10), ("Hứa", 5))),
    "Thái": NameStyle(
        family=(("Lò", 25), ("Lường", 15), ("Cầm", 12), ("Quàng", 10), ("Lù", 8), ("Tòng", 8), ("Vi", 8),
                ("Hà", 8), ("Điêu", 4), ("Lê", 2)),
        male_middle=("Văn", "Văn", "Văn", "Đức", "Minh"),
        female_middle=("Thị", "Thị", "Thị", "Thị Thu"),
        male_given=("Ún", "Pọm", "Khăm", "Panh", "Sương", "Chiến", "Thoan", "Ính", "Xôm", "Hặc", "Tiến",
                    "Sơn", "Hùng", "Thắng", "Doãn", "Phóng"),
        female_given=("Ươm", "Xuân", "Bun", "Ín", "Hiên", "Lả", "Ngoan", "Ánh", "Phương", "Hương", "Cương",
                      "Ngân", "Muôn", "Hoa"),
    ),
    "H'Mông": NameStyle(
        family=(("Giàng", 20), ("Sùng", 15), ("Vàng", 18), ("Thào", 12), ("Lầu", 8), ("Mùa", 8),
                ("Hạng", 6), ("Lý", 6), ("Chảo", 3), ("Tráng", 4), ("Vừ", 5), ("Hầu", 3)),
        male_middle=("A", "A", "A", "Seo", "Mí", "Chẩn"),
        female_middle=("Thị", "Thị", "Thị", "Mỷ"),
        male_given=("Páo", "Dính", "Sử", "Chứ", "Tủa", "Pó", "Dế", "Lử", "Sình", "Chinh", "Súa",
                    "Dìa", "Chá", "Lồng", "Tráng", "Khua"),
        female_given=("Mỷ", "Dợ", "Mai", "Chở", "Sủa", "Dở", "Lan", "Pàng", "Dinh", "Xua", "Ly",
                      "Say", "Mỉ", "Chi"),
    ),
    "Dao": NameStyle(
        family=(("Triệu", 30), ("Bàn", 25), ("Lý", 15), ("Đặng", 12), ("Phùng", 8), ("Chảo", 5), ("Tẩn", 5)),
        male_middle=("Văn", "Văn", "Tòn", "Phủ", "Kim", "Tiến"),
        female_middle=("Thị", "Thị", "Mùi", "Thị"),
        male_given=("Chàn", "Sành", "Kiều", "Quẩy", "Tả", "Lở", "Sinh", "Vần", "Phin", "Ton", "Dìn", "Quý"),
        female_given=("Mẩy", "Nhất", "Sao", "Chang", "Dính", "Dụ", "Mai", "Vàng", "Kiều", "Sằm", "Lai"),
    ),
    "Khmer": NameStyle(
        family=(("Thạch", 35), ("Sơn", 20), ("Danh", 15), ("Kim", 10), ("Lâm", 6), ("Chau", 6), ("Trà", 4),
                ("Lý", 4)),
        male_middle=("", "", "Sa", "Ngọc", "Minh", "Sô"),
        female_middle=("Thị", "Thị", "Thị Sa", "Thị Mỹ", "Thị Sô"),
        male_given=("Rinh", "Sóc", "Phol", "Sang", "Mol", "Kha", "Sươl", "Đa Ra", "Ni", "Sà Rây",
                    "Thươl", "Chanh", "Vọng", "Sóc Tha"),
        female_given=("Pha", "Rết", "Chanh Đa", "Sô Phia", "Ngọc Hân", "Kim Ly", "Sà Ly", "Thu", "Mây",
                      "Sa Vuôl", "Ni", "Phương"),
    ),
}


def style_of(ethnicity: str) -> NameStyle:
    """The name style of an ethnic group (Kinh style for groups not listed)."""
    return STYLES.get(ethnicity, STYLES["Kinh"])
