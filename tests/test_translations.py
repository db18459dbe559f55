"""The GUI's Qt translations: complete Vietnamese, same placeholders and
mnemonics, and compiled catalogues that match their sources.

When this fails after a GUI change: ``python packaging/i18n/update_translations.py``,
translate what it reports in ``translations/desktop_app_vi.ts``, run it again.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import importlib.util  # noqa: E402
import re  # noqa: E402
import shutil  # noqa: E402
import xml.etree.ElementTree as ET  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("update_translations",
                                               REPO / "packaging" / "i18n" / "update_translations.py")
i18n_tool = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(i18n_tool)

PLACEHOLDER = re.compile(r"%(?:\d+|n|L\d+)|\{[A-Za-z_][A-Za-z0-9_]*\}")
HOW_TO_FIX = "run: python packaging/i18n/update_translations.py, translate, run it again"


def messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    """``{(context, source): <message>}`` of a .ts file."""
    root = ET.parse(ts).getroot()
    found = {}
    for context in root.iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            found[(name, message.findtext("source"))] = message
    return found


def translations_of(message: ET.Element) -> list[str]:
    node = message.find("translation")
    forms = node.findall("numerusform")
    return [f.text or "" for f in forms] if forms else [node.text or ""]


def placeholders(text: str) -> set[str]:
    return set(PLACEHOLDER.findall(text))


def mnemonic(text: str) -> bool:
    return bool(re.search(r"&[^&\s]", text.replace("&&", "")))


@pytest.fixture(scope="module")
def fresh(tmp_path_factory) -> Path:
    """What lupdate finds in desktop_app/ui now (a new, empty catalogue)."""
    ts = tmp_path_factory.mktemp("lupdate") / "fresh_vi.ts"
    i18n_tool.lupdate(ts, "vi")
    return ts


@pytest.fixture(scope="module")
def committed() -> dict[tuple[str, str], ET.Element]:
    return messages(i18n_tool.ts_path("vi"))


def test_every_gui_string_is_in_the_vietnamese_catalogue(fresh, committed):
    found = set(messages(fresh))
    assert len(found) > 100
    missing = sorted(found - set(committed))
    assert missing == [], f"strings missing from desktop_app_vi.ts ({HOW_TO_FIX}): {missing[:20]}"
    obsolete = sorted(set(committed) - found)
    assert obsolete == [], f"strings no longer in the code ({HOW_TO_FIX}): {obsolete[:20]}"


def test_every_string_has_its_class_as_context(fresh):
    """``self.tr()`` looks a text up under the class's name; lupdate's Python
    parser loses the class (context "") after a ``def`` nested inside a loop
    or another block of an earlier function. Such texts would never be
    translated at run time: move the nested function out."""
    lost = sorted(source for (context, source) in messages(fresh) if not context)
    assert lost == [], f"texts lupdate could not attach to their class: {lost[:10]}"


def test_vietnamese_is_complete(committed):
    unfinished = [key for key, m in committed.items()
                  if m.find("translation").get("type") in ("unfinished", "vanished", "obsolete")
                  or not all(text.strip() for text in translations_of(m))]
    assert unfinished == [], f"untranslated in desktop_app_vi.ts: {unfinished[:20]}"


def test_placeholders_and_mnemonics_match(committed):
    problems = []
    for (context, source), message in committed.items():
        for text in translations_of(message):
            if not text:
                continue  # untranslated: reported by test_vietnamese_is_complete
            if placeholders(text) != placeholders(source):
                problems.append(f"{context}: {source!r} -> {text!r}: placeholders differ")
            if mnemonic(text) != mnemonic(source):
                problems.append(f"{context}: {source!r} -> {text!r}: keyboard shortcut (&) differs")
    assert problems == []


def test_english_catalogue_has_every_plural(tmp_path):
    en = messages(i18n_tool.ts_path("en"))
    plurals = {key for key, m in messages(i18n_tool.ts_path("vi")).items() if m.get("numerus") == "yes"}
    assert plurals and set(en) == plurals
    for (context, source), message in en.items():
        forms = translations_of(message)
        assert len(forms) == 2 and all("%n" in f for f in forms), (context, source)
        assert message.find("translation").get("type") is None, (context, source)


@pytest.mark.parametrize("lang", i18n_tool.LANGUAGES)
def test_compiled_catalogues_are_up_to_date(tmp_path, lang):
    ts = tmp_path / f"{lang}.ts"
    shutil.copy2(i18n_tool.ts_path(lang), ts)
    qm = tmp_path / f"{lang}.qm"
    i18n_tool.lrelease(ts, qm)
    committed_qm = i18n_tool.qm_path(lang)
    assert committed_qm.exists(), f"{committed_qm.name} missing ({HOW_TO_FIX})"
    assert qm.read_bytes() == committed_qm.read_bytes(), f"{committed_qm.name} is stale ({HOW_TO_FIX})"


def test_vietnamese_catalogue_loads_and_translates(qapp):
    from PySide6.QtCore import QCoreApplication, QTranslator

    translator = QTranslator()
    assert translator.load(str(i18n_tool.qm_path("vi")))
    assert translator.translate("QWizard", "&Next >") == "&Tiếp tục >"
    assert translator.translate("MainWindow", "&File") == "&Tệp"
    assert translator.translate("RegisterPage", "%n household(s)", "", 3) == "%n hộ"
    assert QCoreApplication.instance() is not None
