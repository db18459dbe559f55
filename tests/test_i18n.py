"""Core message catalogue: every message in Vietnamese and English with the
same placeholders. (Qt .ts files are checked in tests/test_translations.py.)"""

from __future__ import annotations

import importlib
import pkgutil

import desktop_app
from desktop_app import i18n
from desktop_app.messages import CATALOGUE


def import_all_core_modules():
    for info in pkgutil.walk_packages(desktop_app.__path__, "desktop_app."):
        if info.name.startswith("desktop_app.ui") or info.name.endswith("__main__") or ".migrations" in info.name:
            continue
        importlib.import_module(info.name)


def test_every_message_has_both_languages_and_same_placeholders():
    import_all_core_modules()
    assert len(CATALOGUE) > 50
    problems = []
    for key, entry in CATALOGUE.items():
        vi, en = entry.get("vi"), entry.get("en")
        if not vi or not en:
            problems.append(f"{key}: missing language")
            continue
        if i18n.placeholders(vi) != i18n.placeholders(en):
            problems.append(f"{key}: placeholders differ {i18n.placeholders(vi)} vs {i18n.placeholders(en)}")
    assert problems == []


def test_vietnamese_is_the_default_and_english_selectable():
    assert i18n.t("category.poor", "vi") == "Hộ nghèo"
    assert i18n.t("category.poor", "en") == "Poor household"
    previous = i18n.get_language()
    try:
        i18n.set_language("en")
        assert i18n.t("category.near_poor") == "Near-poor household"
    finally:
        i18n.set_language(previous)
