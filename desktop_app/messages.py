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
}


def register(messages: dict[str, dict[str, str]]) -> None:
    """Add messages of a module to the catalogue (keys must be new)."""
    for key, entry in messages.items():
        if key in CATALOGUE and CATALOGUE[key] != entry:
            raise KeyError(f"message {key!r} registered twice with different texts")
        CATALOGUE[key] = entry
