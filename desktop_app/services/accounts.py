"""User accounts: password hashing, login with lockout, roles and their checks.

Passwords are hashed with scrypt (memory-hard, in the standard library) and
stored as ``scrypt$n$r$p$salt_b64$hash_b64``; they are compared in constant
time. Five wrong passwords in a row lock the account for five minutes; an
administrator can unlock it at once (:func:`unlock_user`).

Whoever calls a service that manages accounts passes an :class:`Actor` (who is
acting, with which role); every such service checks the role itself with
:func:`require_role`, so the rules hold for the GUI, the command line and the
tests alike. Every change writes the audit log (never a password or a hash).

Login bookkeeping (failed attempts, lock, last login) is local state: it is
written with plain UPDATE statements that leave ``revision`` and
``updated_at`` alone, so logging in is not a change of the user's record.
"""

from __future__ import annotations

import base64
import datetime as _dt
import functools
import getpass
import hashlib
import hmac
import re
import secrets
import unicodedata
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from desktop_app.errors import AppError, NotFound, PermissionDenied, ValidationError
from desktop_app.i18n import t
from desktop_app.messages import register as register_messages
from desktop_app.services import Changes
from desktop_app.services.register import Created
from desktop_app.storage.audit import write_audit
from desktop_app.storage.database import Database
from desktop_app.storage.models import utcnow
from desktop_app.storage.models_accounts import ROLES, UserRow
from desktop_app.storage.records import live

__all__ = [
    "ADMINISTRATOR", "LOCKOUT", "MAX_FAILED_ATTEMPTS", "MIN_PASSWORD_LENGTH", "OFFICER", "ROLES", "VIEWER",
    "AccountDisabled", "AccountLocked", "Actor", "AuthenticationFailed", "User", "authenticate",
    "change_password", "count_users", "create_first_administrator", "create_user", "has_administrator",
    "hash_password", "insert_user", "list_users", "normalize_username", "require_role", "reset_password",
    "role_label", "unlock_user", "update_user", "validate_full_name", "validate_password", "verify_password",
]

ADMINISTRATOR, OFFICER, VIEWER = ROLES
MAX_FAILED_ATTEMPTS = 5
LOCKOUT = _dt.timedelta(minutes=5)
MIN_PASSWORD_LENGTH = 8
MAX_PASSWORD_LENGTH = 1024

SCRYPT_N = 2 ** 14
SCRYPT_R = 8
SCRYPT_P = 1
SALT_BYTES = 16
HASH_BYTES = 32
_USERNAME = re.compile(r"[a-z0-9][a-z0-9._-]{1,31}")

register_messages({
    "role.administrator": {"vi": "Quản trị viên", "en": "Administrator"},
    "role.officer": {"vi": "Cán bộ nhập liệu", "en": "Officer"},
    "role.viewer": {"vi": "Người xem", "en": "Viewer"},
    "accounts.permission_denied": {
        "vi": "Tài khoản «{username}» ({role}) không có quyền {action}. Hãy nhờ {allowed} thực hiện.",
        "en": "Account '{username}' ({role}) may not {action}. Ask a user with the role {allowed}.",
    },
    "accounts.action.manage_users": {"vi": "quản lý người dùng", "en": "manage users"},
    "accounts.action.view_user": {"vi": "xem tài khoản này", "en": "view this account"},
    "accounts.bad_login": {
        "vi": "Sai tên đăng nhập hoặc mật khẩu. Sau {max} lần sai liên tiếp, tài khoản bị khóa {minutes} phút.",
        "en": "Wrong username or password. After {max} wrong attempts in a row the account is locked "
              "for {minutes} minutes.",
    },
    "accounts.locked": {
        "vi": "Tài khoản «{username}» đang bị khóa đến {until} do nhập sai mật khẩu nhiều lần. "
              "Hãy chờ rồi thử lại, hoặc nhờ quản trị viên mở khóa.",
        "en": "Account '{username}' is locked until {until} after too many wrong passwords. "
              "Wait and try again, or ask an administrator to unlock it.",
    },
    "accounts.disabled": {
        "vi": "Tài khoản «{username}» đã bị ngừng sử dụng. Hãy liên hệ quản trị viên.",
        "en": "Account '{username}' has been disabled. Contact an administrator.",
    },
    "accounts.username_invalid": {
        "vi": "tên đăng nhập gồm 2–32 ký tự: chữ thường không dấu, chữ số, dấu chấm, gạch dưới hoặc "
              "gạch ngang, bắt đầu bằng chữ hoặc số",
        "en": "a username has 2–32 characters: lower-case letters without accents, digits, dot, underscore "
              "or hyphen, starting with a letter or digit",
    },
    "accounts.username_taken": {
        "vi": "tên đăng nhập «{username}» đã có người dùng",
        "en": "the username '{username}' is already taken",
    },
    "accounts.password_short": {
        "vi": "mật khẩu phải có ít nhất {min} ký tự",
        "en": "the password must have at least {min} characters",
    },
    "accounts.password_long": {
        "vi": "mật khẩu dài quá {max} ký tự",
        "en": "the password is longer than {max} characters",
    },
    "accounts.password_blank": {
        "vi": "mật khẩu không được chỉ gồm khoảng trắng",
        "en": "the password must not be only spaces",
    },
    "accounts.full_name_required": {
        "vi": "hãy nhập họ và tên",
        "en": "enter the full name",
    },
    "accounts.bad_role": {
        "vi": "vai trò «{role}» không hợp lệ; chọn một trong: {roles}",
        "en": "role '{role}' is not valid; choose one of: {roles}",
    },
    "accounts.not_found": {
        "vi": "Không tìm thấy người dùng «{user}».",
        "en": "User '{user}' was not found.",
    },
    "accounts.last_admin": {
        "vi": "Không thể bỏ quyền hoặc ngừng tài khoản quản trị viên cuối cùng; hãy tạo quản trị viên khác trước.",
        "en": "The last active administrator cannot be demoted or disabled; create another administrator first.",
    },
    "accounts.wrong_old_password": {
        "vi": "mật khẩu hiện tại không đúng",
        "en": "the current password is wrong",
    },
    "accounts.admin_exists": {
        "vi": "Sổ đã có quản trị viên; hãy đăng nhập bằng tài khoản quản trị viên để tạo người dùng.",
        "en": "The register already has an administrator; log in as an administrator to create users.",
    },
})


# --------------------------------------------------------------------------
# errors


class AuthenticationFailed(AppError):
    """Wrong username or password (deliberately not saying which)."""

    exit_code = 3


class AccountLocked(AuthenticationFailed):
    """Too many wrong passwords: the account is locked until ``until`` (UTC)."""

    def __init__(self, message: str, username: str, until: _dt.datetime):
        super().__init__(message)
        self.username = username
        self.until = until


class AccountDisabled(AuthenticationFailed):
    """The account exists and the password is right, but it was disabled."""


# --------------------------------------------------------------------------
# value objects


@dataclass(frozen=True, slots=True)
class User:
    """A user account as the services show it (no password hash)."""

    id: str
    username: str
    full_name: str
    role: str
    active: bool
    failed_attempts: int
    locked_until: _dt.datetime | None
    last_login_at: _dt.datetime | None
    created_at: _dt.datetime

    def locked(self, now: _dt.datetime | None = None) -> bool:
        """Whether the account is locked at ``now`` (default: now)."""
        return self.locked_until is not None and self.locked_until > (now or utcnow())


@dataclass(frozen=True, slots=True)
class Actor:
    """Who is acting: passed to services that check roles and written in the audit log."""

    user_id: str | None
    username: str
    role: str
    full_name: str = ""

    @classmethod
    def of(cls, user: User) -> Actor:
        return cls(user.id, user.username, user.role, user.full_name)

    @classmethod
    def console(cls) -> Actor:
        """The local command line: it runs with the rights of whoever can
        open the data folder (and so the database file), i.e. an administrator."""
        try:
            who = getpass.getuser()
        except Exception:  # noqa: BLE001 - no user name on some systems
            who = "?"
        return cls(None, f"console:{who}", ADMINISTRATOR, "")


def _user(row: UserRow) -> User:
    return User(row.id, row.username, row.full_name, row.role, row.active, row.failed_attempts,
                row.locked_until, row.last_login_at, row.created_at)


def role_label(role: str, lang: str | None = None) -> str:
    """The role's name in the current (or given) language."""
    return t(f"role.{role}", lang) if role in ROLES else role


def require_role(actor: Actor, *roles: str, action: str = "manage_users") -> None:
    """Raise :class:`PermissionDenied` unless ``actor`` has one of ``roles``.

    ``action`` names what was attempted (``accounts.action.<action>`` in the
    catalogue, or any text) for the message.
    """
    if actor.role in roles:
        return
    key = f"accounts.action.{action}"
    try:
        what = t(key)
    except KeyError:
        what = action
    raise PermissionDenied(t("accounts.permission_denied", username=actor.username,
                             role=role_label(actor.role), action=what,
                             allowed=", ".join(role_label(r) for r in roles)))


# --------------------------------------------------------------------------
# passwords


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _scrypt(password: str, salt: bytes, n: int, r: int, p: int, length: int) -> bytes:
    return hashlib.scrypt(password.encode("utf-8"), salt=salt, n=n, r=r, p=p, dklen=length,
                          maxmem=256 * r * n + 16 * 1024 * 1024)


def hash_password(password: str, *, n: int = SCRYPT_N, r: int = SCRYPT_R, p: int = SCRYPT_P) -> str:
    """``scrypt$n$r$p$salt_b64$hash_b64`` of ``password`` with a fresh 16-byte salt."""
    salt = secrets.token_bytes(SALT_BYTES)
    digest = _scrypt(_nfc(password), salt, n, r, p, HASH_BYTES)
    return f"scrypt${n}${r}${p}${_b64(salt)}${_b64(digest)}"


def verify_password(password: str, stored: str) -> bool:
    """Whether ``password`` matches the stored hash (constant-time compare;
    a malformed hash never matches)."""
    try:
        scheme, n, r, p, salt_b64, hash_b64 = stored.split("$")
        if scheme != "scrypt":
            return False
        salt = base64.b64decode(salt_b64, validate=True)
        expected = base64.b64decode(hash_b64, validate=True)
        digest = _scrypt(_nfc(password), salt, int(n), int(r), int(p), len(expected))
    except (ValueError, TypeError, MemoryError):
        return False
    return hmac.compare_digest(digest, expected)


@functools.lru_cache(maxsize=1)
def _dummy_hash() -> str:
    """A hash to check against when the username is unknown, so that a wrong
    username takes as long as a wrong password."""
    return hash_password(secrets.token_hex(16))


# --------------------------------------------------------------------------
# validation


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def normalize_username(username: str) -> str:
    """The stored form of a username: trimmed, NFC, lower case."""
    return _nfc((username or "").strip()).lower()


def validate_username(username: str) -> str:
    """The normalised username, or :class:`ValidationError` on field ``username``."""
    name = normalize_username(username)
    if not _USERNAME.fullmatch(name):
        raise ValidationError("username", t("accounts.username_invalid"))
    return name


def validate_password(password: str) -> None:
    """:class:`ValidationError` on field ``password`` when too short, too long or blank."""
    if len(password or "") < MIN_PASSWORD_LENGTH:
        raise ValidationError("password", t("accounts.password_short", min=MIN_PASSWORD_LENGTH))
    if len(password) > MAX_PASSWORD_LENGTH:
        raise ValidationError("password", t("accounts.password_long", max=MAX_PASSWORD_LENGTH))
    if not password.strip():
        raise ValidationError("password", t("accounts.password_blank"))


def validate_full_name(full_name: str) -> str:
    """The cleaned full name (NFC, single spaces), or :class:`ValidationError`."""
    name = " ".join(_nfc(full_name or "").split())
    if not name:
        raise ValidationError("full_name", t("accounts.full_name_required"))
    return name


def _validate_role(role: str) -> str:
    if role not in ROLES:
        raise ValidationError("role", t("accounts.bad_role", role=role, roles=", ".join(ROLES)))
    return role


# --------------------------------------------------------------------------
# services


def _audit(s: Session, actor_name: str, action: str, row_id: str | None, old: Any = None,
           new: Any = None) -> None:
    write_audit(s, user=actor_name, action=action, table_name=UserRow.__tablename__, row_id=row_id,
                old=old, new=new)


def _active_admins(s: Session) -> int:
    return s.scalar(select(func.count()).select_from(UserRow).where(
        UserRow.role == ADMINISTRATOR, UserRow.active.is_(True), live(UserRow))) or 0


def insert_user(s: Session, *, username: str, full_name: str, role: str, password: str,
                audit_user: str) -> UserRow:
    """Validate and add a user inside the caller's transaction (no role check:
    callers check, see :func:`create_user`, or are the first-run setup)."""
    name = validate_username(username)
    full = validate_full_name(full_name)
    _validate_role(role)
    validate_password(password)
    if s.scalar(select(UserRow.id).where(func.lower(UserRow.username) == name)):
        raise ValidationError("username", t("accounts.username_taken", username=name))
    row = UserRow(username=name, full_name=full, role=role, password_hash=hash_password(password),
                  failed_attempts=0, active=True)
    s.add(row)
    s.flush()
    _audit(s, audit_user, "insert", row.id, new={"username": name, "full_name": full, "role": role})
    return row


def create_user(db: Database, actor: Actor, *, username: str, full_name: str, role: str,
                password: str) -> Created:
    """Add a user (administrators only)."""
    require_role(actor, ADMINISTRATOR)
    with db.transaction() as s:
        row = insert_user(s, username=username, full_name=full_name, role=role, password=password,
                          audit_user=actor.username)
        return Created(row.id, Changes.of("users"))


def create_first_administrator(db: Database, *, username: str, full_name: str, password: str) -> Created:
    """Add an administrator to a register that has no active administrator
    (first run, or a register made before accounts existed); refused otherwise."""
    with db.transaction() as s:
        if _active_admins(s):
            raise PermissionDenied(t("accounts.admin_exists"))
        row = insert_user(s, username=username, full_name=full_name, role=ADMINISTRATOR,
                          password=password, audit_user=normalize_username(username))
        return Created(row.id, Changes.of("users"))


def has_administrator(db: Database) -> bool:
    """Whether at least one active administrator exists (else the GUI asks for one)."""
    with db.session() as s:
        return _active_admins(s) > 0


def count_users(db: Database) -> int:
    """Number of live user accounts (active or not)."""
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(UserRow).where(live(UserRow))) or 0


def authenticate(db: Database, username: str, password: str, *, now: _dt.datetime | None = None) -> User:
    """The user whose username and password these are.

    Raises :class:`AuthenticationFailed` (wrong username or password),
    :class:`AccountLocked` (locked now, or just locked by this attempt) or
    :class:`AccountDisabled`. Every attempt is written in the audit log.
    """
    now = now or utcnow()
    name = normalize_username(username)
    error: AuthenticationFailed | None = None
    with db.transaction() as s:
        row = s.scalar(select(UserRow).where(UserRow.username == name, live(UserRow)))
        if row is None:
            verify_password(password, _dummy_hash())
            _audit(s, name, "login_failed", None, new={"username": name, "reason": "unknown_user"})
            error = AuthenticationFailed(_bad_login())
        elif row.locked_until is not None and row.locked_until > now:
            _audit(s, name, "login_refused", row.id, new={"reason": "locked"})
            error = _locked(row.username, row.locked_until)
        elif not verify_password(password, row.password_hash):
            failures = row.failed_attempts + 1
            values: dict[str, Any] = {"failed_attempts": failures}
            if failures >= MAX_FAILED_ATTEMPTS:
                values = {"failed_attempts": 0, "locked_until": now + LOCKOUT}
                error = _locked(row.username, now + LOCKOUT)
                _audit(s, name, "lock", row.id, new={"locked_until": now + LOCKOUT})
            else:
                error = AuthenticationFailed(_bad_login())
                _audit(s, name, "login_failed", row.id, new={"failed_attempts": failures})
            _set_login_state(s, row.id, values)
        elif not row.active:
            _audit(s, name, "login_refused", row.id, new={"reason": "disabled"})
            error = AccountDisabled(t("accounts.disabled", username=row.username))
        else:
            _set_login_state(s, row.id, {"failed_attempts": 0, "locked_until": None, "last_login_at": now})
            _audit(s, name, "login", row.id)
            s.refresh(row)
            user = _user(row)
    if error is not None:
        raise error
    return user


def _bad_login() -> str:
    return t("accounts.bad_login", max=MAX_FAILED_ATTEMPTS, minutes=int(LOCKOUT.total_seconds() // 60))


def _locked(username: str, until: _dt.datetime) -> AccountLocked:
    local = until.astimezone().strftime("%H:%M:%S %d/%m/%Y")
    return AccountLocked(t("accounts.locked", username=username, until=local), username, until)


def _set_login_state(s: Session, user_id: str, values: dict[str, Any]) -> None:
    """Update login bookkeeping without bumping ``revision``/``updated_at``."""
    s.execute(update(UserRow).where(UserRow.id == user_id).values(**values)
              .execution_options(synchronize_session=False))


def _get(s: Session, user_id: str) -> UserRow:
    row = s.get(UserRow, user_id)
    if row is None or row.deleted:
        raise NotFound(t("accounts.not_found", user=user_id))
    return row


def list_users(db: Database, actor: Actor, *, include_inactive: bool = True) -> list[User]:
    """Every live account by username (administrators only)."""
    require_role(actor, ADMINISTRATOR)
    with db.session() as s:
        stmt = select(UserRow).where(live(UserRow))
        if not include_inactive:
            stmt = stmt.where(UserRow.active.is_(True))
        return [_user(r) for r in s.scalars(stmt.order_by(UserRow.username))]


def get_user(db: Database, actor: Actor, user_id: str) -> User:
    """One account: one's own, or any for an administrator."""
    if actor.user_id != user_id:
        require_role(actor, ADMINISTRATOR, action="view_user")
    with db.session() as s:
        return _user(_get(s, user_id))


def update_user(db: Database, actor: Actor, user_id: str, *, full_name: str | None = None,
                role: str | None = None, active: bool | None = None) -> Changes:
    """Change a user's full name, role or active flag (administrators only).
    The last active administrator cannot be demoted or disabled."""
    require_role(actor, ADMINISTRATOR)
    with db.transaction() as s:
        row = _get(s, user_id)
        values: dict[str, Any] = {}
        if full_name is not None:
            values["full_name"] = validate_full_name(full_name)
        if role is not None:
            values["role"] = _validate_role(role)
        if active is not None:
            values["active"] = bool(active)
        changed = {k: v for k, v in values.items() if getattr(row, k) != v}
        if not changed:
            return Changes()
        loses_admin = row.role == ADMINISTRATOR and row.active and (
            changed.get("role", ADMINISTRATOR) != ADMINISTRATOR or changed.get("active", True) is False)
        if loses_admin and _active_admins(s) <= 1:
            raise PermissionDenied(t("accounts.last_admin"))
        old = {k: getattr(row, k) for k in changed}
        for key, value in changed.items():
            setattr(row, key, value)
        s.flush()
        _audit(s, actor.username, "update", row.id, old, changed)
        return Changes.of("users")


def reset_password(db: Database, actor: Actor, user_id: str, new_password: str) -> Changes:
    """Set another user's password and unlock the account (administrators only)."""
    require_role(actor, ADMINISTRATOR)
    validate_password(new_password)
    with db.transaction() as s:
        row = _get(s, user_id)
        row.password_hash = hash_password(new_password)
        s.flush()
        _set_login_state(s, row.id, {"failed_attempts": 0, "locked_until": None})
        _audit(s, actor.username, "reset_password", row.id)
        return Changes.of("users")


def change_password(db: Database, actor: Actor, old_password: str, new_password: str) -> Changes:
    """Change one's own password, given the current one."""
    validate_password(new_password)
    if actor.user_id is None:
        raise NotFound(t("accounts.not_found", user=actor.username))
    with db.transaction() as s:
        row = _get(s, actor.user_id)
        if not verify_password(old_password, row.password_hash):
            raise ValidationError("old_password", t("accounts.wrong_old_password"))
        row.password_hash = hash_password(new_password)
        s.flush()
        _audit(s, actor.username, "change_password", row.id)
        return Changes.of("users")


def unlock_user(db: Database, actor: Actor, user_id: str) -> Changes:
    """Lift a lockout and forget the failed attempts (administrators only)."""
    require_role(actor, ADMINISTRATOR)
    with db.transaction() as s:
        row = _get(s, user_id)
        _set_login_state(s, row.id, {"failed_attempts": 0, "locked_until": None})
        _audit(s, actor.username, "unlock", row.id, old={"locked_until": row.locked_until,
                                                        "failed_attempts": row.failed_attempts})
        return Changes.of("users")
