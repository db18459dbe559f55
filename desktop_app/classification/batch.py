"""Reading household-record files (JSON array or JSON Lines) and
classifying them in bulk: what the ``classify`` command does."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Iterable

from desktop_app.classification.engine import ClassificationResult, classify
from desktop_app.domain.record import Household, parse_record
from desktop_app.errors import ValidationError
from desktop_app.i18n import t
from desktop_app.messages import register
from desktop_app.standards.loader import StandardRegistry

register({
    "records.unreadable": {"vi": "không đọc được tệp: {problem}", "en": "cannot read the file: {problem}"},
    "records.bad_json": {
        "vi": "không phải JSON hợp lệ (dòng {line}, cột {col}: {problem}). Tệp phải là một mảng JSON "
              "[...] hoặc JSON Lines (mỗi dòng một hộ).",
        "en": "not valid JSON (line {line}, column {col}: {problem}). The file must be a JSON array [...] "
              "or JSON Lines (one household per line)."},
    "records.not_array": {
        "vi": "tệp phải là một mảng JSON [...] các hộ hoặc JSON Lines",
        "en": "the file must be a JSON array [...] of households or JSON Lines"},
    "records.no_standard": {
        "vi": "phiếu không ghi chuẩn nghèo áp dụng; hãy ghi survey.standard (ví dụ «vn-2022-2025») "
              "hoặc dùng tùy chọn --standard",
        "en": "the survey names no standard; set survey.standard (e.g. 'vn-2022-2025') or use --standard"},
    "records.unknown_standard": {
        "vi": "chuẩn «{standard}» chưa được cài đặt; các chuẩn hiện có: {known}",
        "en": "standard '{standard}' is not installed; installed: {known}"},
})


def load_records_text(text: str, source: str = "input") -> list[Any]:
    """Parse a JSON array or JSON Lines into raw objects (not yet validated)."""
    stripped = text.lstrip("\ufeff").strip()
    if not stripped:
        return []
    if stripped.startswith("["):
        try:
            data = json.loads(stripped)
        except json.JSONDecodeError as exc:
            raise ValidationError("(file)", t("records.bad_json", line=exc.lineno, col=exc.colno,
                                               problem=exc.msg), record=source) from None
        if not isinstance(data, list):
            raise ValidationError("(file)", t("records.not_array"), record=source)
        return data
    out = []
    for lineno, line in enumerate(stripped.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            out.append(json.loads(line))
        except json.JSONDecodeError as exc:
            raise ValidationError("(file)", t("records.bad_json", line=lineno, col=exc.colno, problem=exc.msg),
                                  record=source) from None
    return out


def load_records_file(path: Path) -> list[Any]:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ValidationError("(file)", t("records.unreadable", problem=exc.strerror), record=str(path)) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ValidationError("(file)", t("records.unreadable", problem=f"not UTF-8 ({exc.reason})"),
                              record=str(path)) from None
    return load_records_text(text, str(path))


def parse_records(objects: Iterable[Any]) -> list[Household]:
    """Validate every record; the first problem raises (naming the record)."""
    return [parse_record(obj, label=f"record {i + 1}") for i, obj in enumerate(objects)]


def classify_records(households: list[Household], registry: StandardRegistry, default_standard: str | None = None,
                     lang: str | None = None) -> list[ClassificationResult]:
    """Classify households with the standard each survey names (or the
    default). Every standard is resolved before any result is produced."""
    plan = []
    for i, h in enumerate(households):
        sid = (h.survey.standard if h.survey is not None else None) or default_standard
        label = f"record {i + 1} ({h.household_id})"
        if sid is None:
            raise ValidationError("survey.standard", t("records.no_standard"), record=label)
        if sid not in registry.ids():
            raise ValidationError("survey.standard", t("records.unknown_standard", standard=sid,
                                                       known=", ".join(registry.ids())), record=label)
        plan.append((h, registry.get(sid)))
    return [classify(h, std, lang) for h, std in plan]
