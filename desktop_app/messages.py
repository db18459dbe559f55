"""Core message catalogue: every key in Vietnamese ("vi") and English ("en").

Keep placeholders identical in both languages (tests/test_i18n.py checks).
Domain words follow the glossary of spec/domain.md.
"""

CATALOGUE: dict[str, dict[str, str]] = {
    # --- categories -----------------------------------------------------
    "category.poor": {"vi": "Hộ nghèo", "en": "Poor household"},
    "category.near_poor": {"vi": "Hộ cận nghèo", "en": "Near-poor household"},
    "category.middle": {"vi": "Hộ có mức sống trung bình", "en": "Middle-living-standard household"},
    "category.not_poor": {"vi": "Hộ không nghèo", "en": "Not poor"},
    "category.incomplete": {"vi": "Chưa đủ thông tin", "en": "Incomplete"},
    # --- indicator states ----------------------------------------------
    "state.yes": {"vi": "Thiếu hụt", "en": "Deprived"},
    "state.no": {"vi": "Không thiếu hụt", "en": "Not deprived"},
    "state.unknown": {"vi": "Chưa rõ", "en": "Unknown"},
    # --- database -------------------------------------------------------
    "db.schema_too_new": {
        "vi": "Tệp dữ liệu {path} được tạo bởi phiên bản phần mềm mới hơn (lược đồ {found}; phiên bản này "
              "chỉ mở được đến {newest}). Hãy cài phiên bản phần mềm mới hơn để mở; tệp chưa bị thay đổi.",
        "en": "The database {path} was written by a newer version of the application (schema {found}, this "
              "version knows up to {newest}). Install the newer version of the application to open it; "
              "the file was not changed.",
    },
}


def register(messages: dict[str, dict[str, str]]) -> None:
    """Add messages of a module to the catalogue (keys must be new)."""
    for key, entry in messages.items():
        if key in CATALOGUE and CATALOGUE[key] != entry:
            raise KeyError(f"message {key!r} registered twice with different texts")
        CATALOGUE[key] = entry
