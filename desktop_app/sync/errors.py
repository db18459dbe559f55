"""Typed errors of the sync format, and their messages in Vietnamese and English.

Every error is a :class:`desktop_app.errors.Refused` (command line exit code
3). The error *class* says what kind of problem it is (the GUI and the tests
dispatch on it); the *message* is chosen at the raise site from the catalogue
below, so that one class can describe a package, a receipt or a signed file in
words an officer understands, and always says what to do next.

Use :func:`refuse` to build an error: ``raise refuse(SignatureMismatch,
"sync.bad_signature", what=...)``; the message is rendered in the current
language and the key and parameters are kept on the error (``err.key``,
``err.params``) so that the GUI can render it again in another language.
"""

from __future__ import annotations

from typing import Any, TypeVar

from desktop_app.errors import Refused
from desktop_app.i18n import t
from desktop_app.messages import register


class SyncError(Refused):
    """Base class of every refusal of the sync layer."""

    def __init__(self, message: str, key: str = "", params: dict[str, Any] | None = None):
        super().__init__(message)
        self.key = key
        self.params = dict(params or {})


class InvalidPackage(SyncError):
    """The file is not a well-formed package (or receipt, key file, signed file)."""


class UnsupportedVersion(SyncError):
    """The file declares a major format version this application cannot read."""

    @property
    def found(self) -> str:
        return str(self.params.get("found", ""))

    @property
    def supported(self) -> str:
        return str(self.params.get("supported", ""))


class SignatureMismatch(SyncError):
    """A signature does not verify with the enrolled key."""


class UnknownSigner(SyncError):
    """The signing key is not enrolled here (or enrolled for another unit/role)."""


class RevokedKey(SyncError):
    """The signing key has been revoked."""


class ReplayedPackage(SyncError):
    """The package's sequence number was already accepted (or is older)."""


class WrongRecipient(SyncError):
    """The package or receipt was made for another office, commune or device."""


class PayloadTampered(SyncError):
    """A hash does not match or the payload cannot be decrypted."""


class PackageTooLarge(SyncError):
    """A size limit (package, manifest, file count, file size, ratio) is exceeded."""


class UnsafeName(SyncError):
    """A payload file name is not a plain safe name ([a-z0-9_.-], no '..')."""


class KeyFileError(SyncError):
    """A private or public key file cannot be read or used."""


class WrongPassphrase(KeyFileError):
    """The passphrase does not open the private key file."""


E = TypeVar("E", bound=SyncError)


def refuse(cls: type[E], key: str, **params: Any) -> E:
    """Build ``cls`` with the catalogue text ``key`` rendered with ``params``."""
    return cls(t(key, **params), key, params)


_AGAIN = {
    "vi": " Hãy đề nghị xã xuất lại gói và chép lại vào USB.",
    "en": " Ask the commune to export the package again and copy it to the USB stick again.",
}


def _p(vi: str, en: str, again: bool = False) -> dict[str, str]:
    if again:
        return {"vi": vi + _AGAIN["vi"], "en": en + _AGAIN["en"]}
    return {"vi": vi, "en": en}


MESSAGES: dict[str, dict[str, str]] = {
    # --- package structure ------------------------------------------------
    "sync.not_a_package": _p(
        "Tệp «{name}» không phải là gói đồng bộ của phần mềm sổ hộ nghèo. Hãy kiểm tra lại đã chọn đúng tệp chưa.",
        "The file '{name}' is not a sync package of the poverty register. Check that you chose the right file.",
    ),
    "sync.cannot_read": _p(
        "Không đọc được tệp «{name}»: {problem}. Hãy kiểm tra USB và chép lại tệp.",
        "The file '{name}' cannot be read: {problem}. Check the USB stick and copy the file again.",
    ),
    "sync.truncated": _p(
        "Gói đồng bộ «{name}» bị thiếu dữ liệu (có thể chép chưa xong hoặc USB bị lỗi).",
        "The sync package '{name}' is incomplete (the copy may have been interrupted or the USB stick is faulty).",
        again=True,
    ),
    "sync.trailing_data": _p(
        "Gói đồng bộ «{name}» có dữ liệu thừa ở cuối tệp.",
        "The sync package '{name}' has unexpected data at its end.",
        again=True,
    ),
    "sync.bad_manifest": _p(
        "Phần mô tả của gói đồng bộ «{name}» không đọc được: {problem}.",
        "The description (manifest) of the sync package '{name}' cannot be read: {problem}.",
        again=True,
    ),
    "sync.bad_field": _p(
        "Phần mô tả của gói đồng bộ «{name}» có trường «{field}» không hợp lệ: {problem}.",
        "The manifest of the sync package '{name}' has an invalid field '{field}': {problem}.",
        again=True,
    ),
    "sync.bad_container": _p(
        "Nội dung đã giải mã của gói «{name}» không đúng cấu trúc: {problem}.",
        "The decrypted content of the package '{name}' is malformed: {problem}.",
        again=True,
    ),
    "sync.unsupported_version": _p(
        "Gói đồng bộ «{name}» dùng định dạng phiên bản {found}; phần mềm này chỉ đọc được phiên bản {supported}. "
        "Hãy cài phiên bản phần mềm mới hơn (hoặc đề nghị xã xuất gói bằng phiên bản phù hợp). Dữ liệu chưa bị thay đổi.",
        "The sync package '{name}' uses format version {found}; this application reads version {supported} only. "
        "Install a newer version of the application (or ask the commune to export with a matching version). Nothing was changed.",
    ),
    "sync.unsupported_crypto": _p(
        "Gói đồng bộ «{name}» dùng phương pháp mã hóa «{scheme}» mà phần mềm này không hỗ trợ. Hãy cài phiên bản phần mềm mới hơn.",
        "The sync package '{name}' uses the encryption method '{scheme}', which this application does not support. Install a newer version of the application.",
    ),
    # --- keys, signatures ---------------------------------------------------
    "sync.unknown_signer": _p(
        "Gói đồng bộ «{name}» được ký bằng khóa {key_id} chưa được đăng ký tại đơn vị này. "
        "Hãy đăng ký khóa công khai của xã (đối chiếu dấu vân tay trên phiếu đăng ký khóa) rồi nhập lại.",
        "The sync package '{name}' is signed with key {key_id}, which is not enrolled here. "
        "Enrol the commune's public key (compare the fingerprint on the key registration sheet), then import again.",
    ),
    "sync.signer_wrong_unit": _p(
        "Gói đồng bộ «{name}» ghi là của xã {claimed}, nhưng khóa ký {key_id} được đăng ký cho đơn vị {enrolled}. Gói bị từ chối; hãy liên hệ xã để kiểm tra.",
        "The sync package '{name}' claims to come from commune {claimed}, but its signing key {key_id} is enrolled for unit {enrolled}. The package was refused; contact the commune to check.",
    ),
    "sync.revoked_key": _p(
        "Khóa ký {key_id} của gói «{name}» đã bị thu hồi ngày {revoked_at} (lý do: {reason}). "
        "Hãy đề nghị xã tạo khóa mới, đăng ký lại và xuất lại gói.",
        "The signing key {key_id} of '{name}' was revoked on {revoked_at} (reason: {reason}). "
        "Ask the commune to create a new key, enrol it, and export the package again.",
    ),
    "sync.bad_signature": _p(
        "Chữ ký của gói đồng bộ «{name}» không khớp: gói đã bị sửa sau khi ký hoặc bị hỏng.",
        "The signature of the sync package '{name}' does not match: the package was changed after signing or is damaged.",
        again=True,
    ),
    "sync.wrong_recipient": _p(
        "Gói đồng bộ «{name}» được mã hóa cho đơn vị nhận khác (khóa {recipient}), không phải đơn vị này (khóa {mine}). "
        "Hãy kiểm tra đã chọn đúng gói chưa, hoặc đề nghị xã xuất lại gói cho đơn vị này.",
        "The sync package '{name}' was encrypted for another receiving office (key {recipient}), not this one (key {mine}). "
        "Check that you chose the right package, or ask the commune to export it again for this office.",
    ),
    "sync.replayed": _p(
        "Gói đồng bộ «{name}» (xã {commune}, máy {device}, số thứ tự {sequence}) đã được nhận trước đây "
        "(số thứ tự mới nhất đã nhận: {last}). Gói không được nhập lại. Nếu xã có dữ liệu mới, hãy đề nghị xã xuất gói mới.",
        "The sync package '{name}' (commune {commune}, device {device}, sequence {sequence}) was already received "
        "(latest accepted sequence: {last}). It was not imported again. If the commune has new data, ask it to export a new package.",
    ),
    "sync.hash_mismatch": _p(
        "Nội dung của gói «{name}» không khớp với phần mô tả đã ký ({what}): gói đã bị sửa hoặc bị hỏng.",
        "The content of the package '{name}' does not match its signed description ({what}): the package was changed or is damaged.",
        again=True,
    ),
    "sync.decrypt_failed": _p(
        "Không giải mã được nội dung của gói «{name}»: gói đã bị sửa, bị hỏng, hoặc không được mã hóa cho khóa của đơn vị này.",
        "The content of the package '{name}' cannot be decrypted: the package was changed or damaged, or not encrypted for this office's key.",
        again=True,
    ),
    "sync.no_decryption_key": _p(
        "Máy này không có khóa giải mã của đơn vị nhận, nên không mở được gói «{name}». Hãy nhập gói trên máy của đơn vị nhận.",
        "This installation has no receiving-office decryption key, so it cannot open the package '{name}'. Import it on the receiving office's computer.",
    ),
    # --- limits and names -------------------------------------------------
    "sync.too_large": _p(
        "Gói «{name}» vượt giới hạn cho phép ({what}: {size}, tối đa {limit}). Gói bị từ chối để bảo vệ máy; hãy liên hệ xã để kiểm tra.",
        "The package '{name}' exceeds a limit ({what}: {size}, at most {limit}). It was refused to protect this computer; contact the commune to check.",
    ),
    "sync.unsafe_name": _p(
        "Gói «{name}» chứa tên tệp không an toàn «{file}» (chỉ được dùng chữ thường a-z, số, «_», «.», «-»). Gói bị từ chối.",
        "The package '{name}' contains an unsafe file name '{file}' (only a-z, digits, '_', '.', '-' are allowed). The package was refused.",
        again=True,
    ),
    # --- warnings (not refusals) --------------------------------------------
    "sync.warn_gap": _p(
        "Thiếu gói: số thứ tự mới nhất đã nhận của máy {device} là {last}, gói này là {sequence}. Có thể một gói trước chưa được chuyển đến.",
        "Missing packages: the latest accepted sequence of device {device} is {last}; this package is {sequence}. An earlier package may not have arrived.",
    ),
    "sync.warn_first_not_one": _p(
        "Đây là gói đầu tiên nhận từ máy {device} nhưng có số thứ tự {sequence} (không phải 1).",
        "This is the first package received from device {device}, but its sequence is {sequence} (not 1).",
    ),
    "sync.warn_base_mismatch": _p(
        "Gói bổ sung này dựa trên biên nhận số {base}, nhưng số thứ tự mới nhất đã nhận là {last}. Hãy kiểm tra dữ liệu sau khi nhập; nếu cần, đề nghị xã xuất gói đầy đủ.",
        "This delta package builds on receipt {base}, but the latest accepted sequence is {last}. Check the data after import; if needed, ask the commune for a full package.",
    ),
    # --- receipts -----------------------------------------------------------
    "sync.receipt_bad": _p(
        "Biên nhận «{name}» không đọc được: {problem}. Hãy đề nghị đơn vị nhận gửi lại biên nhận.",
        "The receipt '{name}' cannot be read: {problem}. Ask the receiving office to send the receipt again.",
    ),
    "sync.receipt_unknown_signer": _p(
        "Biên nhận «{name}» được ký bằng khóa {key_id} không phải khóa đơn vị nhận đã đăng ký tại máy này. Hãy kiểm tra khóa của đơn vị nhận.",
        "The receipt '{name}' is signed with key {key_id}, which is not the receiving office key enrolled here. Check the receiving office's key.",
    ),
    "sync.receipt_revoked": _p(
        "Biên nhận «{name}» được ký bằng khóa {key_id} đã bị thu hồi. Hãy đề nghị đơn vị nhận gửi lại biên nhận ký bằng khóa mới.",
        "The receipt '{name}' is signed with key {key_id}, which was revoked. Ask the receiving office to send a receipt signed with its new key.",
    ),
    "sync.receipt_bad_signature": _p(
        "Chữ ký của biên nhận «{name}» không khớp: biên nhận đã bị sửa hoặc bị hỏng. Hãy đề nghị đơn vị nhận gửi lại biên nhận.",
        "The signature of the receipt '{name}' does not match: it was changed or is damaged. Ask the receiving office to send it again.",
    ),
    "sync.receipt_wrong_commune": _p(
        "Biên nhận «{name}» dành cho xã {commune}, máy {device}; không phải máy này (xã {my_commune}, máy {my_device}).",
        "The receipt '{name}' is for commune {commune}, device {device}; not this installation (commune {my_commune}, device {my_device}).",
    ),
    "sync.receipt_unknown_package": _p(
        "Biên nhận «{name}» xác nhận gói số {sequence}, nhưng máy này không xuất gói nào như vậy (mã gói không khớp). Hãy liên hệ đơn vị nhận.",
        "The receipt '{name}' acknowledges package {sequence}, but this installation exported no such package (package hash differs). Contact the receiving office.",
    ),
    # --- signed files -----------------------------------------------------
    "sync.signed_file_bad": _p(
        "Tệp có chữ ký «{name}» không đọc được: {problem}. Hãy xin lại tệp từ cơ quan ban hành.",
        "The signed file '{name}' cannot be read: {problem}. Ask the issuing office for the file again.",
    ),
    "sync.signed_file_unknown_signer": _p(
        "Tệp «{name}» được ký bằng khóa {key_id} chưa được đăng ký là khóa của cơ quan ban hành. Không dùng tệp này.",
        "The file '{name}' is signed with key {key_id}, which is not enrolled as an issuing office key. Do not use this file.",
    ),
    "sync.signed_file_revoked": _p(
        "Tệp «{name}» được ký bằng khóa {key_id} đã bị thu hồi. Hãy xin tệp mới ký bằng khóa hiện hành.",
        "The file '{name}' is signed with key {key_id}, which was revoked. Ask for a new file signed with the current key.",
    ),
    "sync.signed_file_tampered": _p(
        "Tệp «{name}» đã bị sửa sau khi ký hoặc bị hỏng ({what}). Không dùng tệp này; hãy xin lại tệp từ cơ quan ban hành.",
        "The file '{name}' was changed after signing or is damaged ({what}). Do not use it; ask the issuing office for the file again.",
    ),
    # --- key files ----------------------------------------------------------
    "sync.key_file_bad": _p(
        "Tệp khóa «{name}» không đọc được: {problem}. Hãy khôi phục tệp khóa từ bản sao lưu hoặc tạo khóa mới và đăng ký lại.",
        "The key file '{name}' cannot be read: {problem}. Restore it from a backup or create a new key and enrol it again.",
    ),
    "sync.key_wrong_passphrase": _p(
        "Mật khẩu bảo vệ khóa không đúng. Hãy nhập lại (chú ý chữ hoa, chữ thường và bộ gõ tiếng Việt).",
        "The key passphrase is not correct. Type it again (mind upper/lower case and the Vietnamese input method).",
    ),
    "sync.key_needs_passphrase": _p(
        "Tệp khóa «{name}» được bảo vệ bằng mật khẩu. Hãy nhập mật khẩu.",
        "The key file '{name}' is protected by a passphrase. Enter the passphrase.",
    ),
    "sync.key_doc_bad": _p(
        "Tệp khóa công khai «{name}» không hợp lệ: {problem}. Hãy xin lại tệp khóa công khai.",
        "The public key file '{name}' is not valid: {problem}. Ask for the public key file again.",
    ),
    "sync.rotation_bad": _p(
        "Thông báo đổi khóa «{name}» không hợp lệ: {problem}. Hãy đăng ký khóa mới bằng phiếu đăng ký khóa.",
        "The key rotation statement '{name}' is not valid: {problem}. Enrol the new key with a key registration sheet instead.",
    ),
    "sync.revocation_bad": _p(
        "Quyết định thu hồi khóa «{name}» không hợp lệ: {problem}.",
        "The key revocation record '{name}' is not valid: {problem}.",
    ),
    # --- registration sheet labels ------------------------------------------
    "sheet.title": _p("PHIẾU ĐĂNG KÝ KHÓA ĐỒNG BỘ DỮ LIỆU", "SYNC KEY REGISTRATION SHEET"),
    "sheet.role": _p("Loại đơn vị", "Unit type"),
    "sheet.role.commune": _p("Xã (bên gửi dữ liệu)", "Commune (sender)"),
    "sheet.role.district": _p("Đơn vị nhận dữ liệu", "Receiving office"),
    "sheet.code": _p("Mã đơn vị hành chính", "Administrative unit code"),
    "sheet.name": _p("Tên đơn vị", "Unit name"),
    "sheet.device": _p("Mã máy", "Device id"),
    "sheet.key_id": _p("Mã khóa", "Key id"),
    "sheet.signing_fp": _p("Dấu vân tay khóa ký (Ed25519)", "Signing key fingerprint (Ed25519)"),
    "sheet.encryption_fp": _p("Dấu vân tay khóa mã hóa (X25519)", "Encryption key fingerprint (X25519)"),
    "sheet.created": _p("Ngày tạo khóa", "Key created"),
    "sheet.printed": _p("Ngày in phiếu", "Sheet printed"),
    "sheet.instructions": _p(
        "Bên nhận đối chiếu từng nhóm ký tự của dấu vân tay với tệp khóa công khai nhận được (qua điện thoại hoặc trực tiếp) trước khi đăng ký khóa. Nếu khác nhau dù chỉ một ký tự: không đăng ký.",
        "The receiving side compares every group of the fingerprint with the public key file it received (by phone or in person) before enrolling the key. If even one character differs: do not enrol.",
    ),
    "sheet.prepared_by": _p("Người lập phiếu (ký, ghi rõ họ tên)", "Prepared by (signature, full name)"),
    "sheet.head": _p("Thủ trưởng đơn vị (ký, đóng dấu)", "Head of unit (signature, seal)"),
}
register(MESSAGES)
