"""Typed refusals and messages of the database side of sync.

Every error is a :class:`desktop_app.errors.Refused` (exit code 3) through
:class:`desktop_app.sync.errors.SyncError`, with ``key`` and ``params`` to
re-render the message in another language.
"""

from __future__ import annotations

from typing import Any

from desktop_app.errors import AppError
from desktop_app.i18n import t
from desktop_app.messages import register
from desktop_app.sync.errors import InvalidPackage, SyncError

register({
    "syncdb.invalid_record": {
        "vi": "Gói «{name}» bị từ chối: bản ghi {table} «{row}», trường {field}: {problem}. "
              "Không có dữ liệu nào được ghi. Hãy báo xã sửa dữ liệu rồi xuất gói mới.",
        "en": "Package '{name}' refused: {table} record '{row}', field {field}: {problem}. "
              "Nothing was written. Ask the commune to correct the data and export a new package.",
    },
    "syncdb.counts_mismatch": {
        "vi": "Gói «{name}» bị từ chối: bảng kê ghi {declared} bản ghi {table} nhưng tệp có {found}. "
              "Không có dữ liệu nào được ghi. Hãy yêu cầu xã xuất lại gói.",
        "en": "Package '{name}' refused: the manifest declares {declared} {table} records but the file holds {found}. "
              "Nothing was written. Ask the commune to export the package again.",
    },
    "syncdb.not_district": {
        "vi": "Việc này chỉ làm được ở máy của cơ quan tiếp nhận (chế độ huyện). Máy này đang ở chế độ xã.",
        "en": "This can only be done on the receiving office's installation (district mode); this one is a commune.",
    },
    "syncdb.not_commune": {
        "vi": "Việc này chỉ làm được ở máy của xã. Máy này là cơ quan tiếp nhận (chế độ huyện).",
        "en": "This can only be done on a commune installation; this one is a receiving office (district mode).",
    },
    "syncdb.not_set_up": {
        "vi": "Sổ chưa được thiết lập (chưa có xã hoặc cơ quan). Hãy thiết lập sổ trước.",
        "en": "The register is not set up yet (no commune or office). Set it up first.",
    },
    "syncdb.no_district_key": {
        "vi": "Chưa đăng ký khóa của cơ quan tiếp nhận. Hãy nhập tệp khóa (.cprkey) của cơ quan bằng lệnh enroll "
              "và đối chiếu mã nhận dạng với phiếu đăng ký.",
        "en": "The receiving office's key is not enrolled. Enrol its key file (.cprkey) with the enroll command "
              "and compare the fingerprint with the registration sheet.",
    },
    "syncdb.wrong_role_key": {
        "vi": "Tệp khóa {name} là khóa của {found}, nhưng ở đây cần khóa của {expected}.",
        "en": "The key file {name} is a {found} key, but a {expected} key is needed here.",
    },
    "syncdb.key_conflict": {
        "vi": "Khóa {key_id} đã được đăng ký cho {other}; không đăng ký lại.",
        "en": "The key {key_id} is already enrolled for {other}; it was not enrolled again.",
    },
    "syncdb.key_unknown": {
        "vi": "Không có khóa {key_id} trong danh sách khóa đã đăng ký.",
        "en": "No enrolled key {key_id}.",
    },
    "syncdb.no_receipt": {
        "vi": "Chưa có biên nhận nào cho xã {commune}. Hãy nhập gói dữ liệu của xã trước.",
        "en": "No receipt for commune {commune} yet. Import the commune's package first.",
    },
    "syncdb.conflict_unknown": {
        "vi": "Không có xung đột {conflict_id} chưa giải quyết.",
        "en": "No unresolved conflict {conflict_id}.",
    },
    "syncdb.receipt_duplicate": {
        "vi": "Biên nhận {receipt_id} đã được nhập trước đó; không có gì thay đổi.",
        "en": "The receipt {receipt_id} was already imported; nothing changed.",
    },
    "syncdb.standard_invalid": {
        "vi": "Tệp chuẩn «{name}» có chữ ký hợp lệ nhưng nội dung sai: {problem}. Tệp không được lưu.",
        "en": "The standard file '{name}' is signed correctly but its content is wrong: {problem}. It was not saved.",
    },
    "syncdb.standard_name": {
        "vi": "Tên tệp chuẩn «{file}» không hợp lệ: phải kết thúc bằng .toml.",
        "en": "The standard file name '{file}' is not valid: it must end in .toml.",
    },
    "syncdb.revoked_ok": {
        "vi": "Đã thu hồi khóa {key_id} (lý do: {reason}). Các gói ký bằng khóa này từ nay bị từ chối.",
        "en": "Key {key_id} revoked (reason: {reason}). Packages signed with it are refused from now on.",
    },
    "syncdb.p.unknown_column": {"vi": "cột không có trong bảng", "en": "unknown column"},
    "syncdb.p.unknown_table": {"vi": "bảng không có trong sổ", "en": "unknown table"},
    "syncdb.p.required": {"vi": "bắt buộc phải có", "en": "is required"},
    "syncdb.p.type": {"vi": "sai kiểu dữ liệu (cần {expected})", "en": "wrong type ({expected} expected)"},
    "syncdb.p.too_long": {"vi": "dài quá {max} ký tự", "en": "longer than {max} characters"},
    "syncdb.p.not_json": {"vi": "dòng không phải JSON hợp lệ", "en": "the line is not valid JSON"},
    "syncdb.p.duplicate": {"vi": "bản ghi xuất hiện hai lần", "en": "the record appears twice"},
    "syncdb.p.missing_parent": {"vi": "tham chiếu tới {target} «{value}» không có",
                                "en": "refers to a missing {target} '{value}'"},
    "syncdb.p.other_commune": {"vi": "bản ghi thuộc về đơn vị khác ({owner})",
                               "en": "the record belongs to another unit ({owner})"},
    "syncdb.p.wrong_commune": {"vi": "mã xã «{found}» khác mã xã của gói «{expected}»",
                               "en": "commune code '{found}' differs from the package's '{expected}'"},
})


class InvalidRecord(InvalidPackage):
    """A record of a verified package is not acceptable: nothing was written.

    ``table``, ``row`` and ``field`` name the offending value.
    """

    def __init__(self, message: str, key: str = "", params: dict[str, Any] | None = None):
        super().__init__(message, key, params)
        params = params or {}
        self.table = str(params.get("table", ""))
        self.row = str(params.get("row", ""))
        self.field = str(params.get("field", ""))


def invalid_record(name: str, table: str, row: Any, field: str, problem_key: str, **problem: Any) -> InvalidRecord:
    """An :class:`InvalidRecord` whose problem text is ``t(problem_key, **problem)``
    (or ``problem_key`` itself when it is already a sentence)."""
    text = t(problem_key, **problem) if problem_key.startswith("syncdb.p.") else problem_key
    params = {"name": name, "table": table, "row": str(row)[:80], "field": field, "problem": text}
    return InvalidRecord(t("syncdb.invalid_record", **params), "syncdb.invalid_record", params)


class SyncUsageError(AppError):
    """The operation does not fit this installation or its state (exit code 2):
    e.g. exporting on the office's installation, or no office key enrolled."""

    exit_code = 2

    def __init__(self, message: str, key: str = "", params: dict[str, Any] | None = None):
        super().__init__(message)
        self.key = key
        self.params = dict(params or {})


#: message keys of usage problems (exit code 2) rather than refused files (3)
USAGE_KEYS = frozenset({"syncdb.not_district", "syncdb.not_commune", "syncdb.not_set_up", "syncdb.no_district_key",
                        "syncdb.no_receipt", "syncdb.conflict_unknown", "syncdb.key_unknown"})


def refuse(key: str, **params: Any) -> SyncError | SyncUsageError:
    """A :class:`SyncUsageError` (exit code 2) for the keys of :data:`USAGE_KEYS`,
    else a plain :class:`SyncError` (exit code 3), with message ``key``."""
    if key in USAGE_KEYS:
        return SyncUsageError(t(key, **params), key, params)
    return SyncError(t(key, **params), key, params)
