"""User accounts: password hashing, login and lockout, role checks at the
service layer, the audit log, and the ``add-user`` command."""

from __future__ import annotations

import datetime as _dt
import json

import pytest
from sqlalchemy import select

import support
from desktop_app.errors import NotFound, PermissionDenied, ValidationError
from desktop_app.services import accounts as acc
from desktop_app.storage.models import AuditLogRow
from desktop_app.storage.models_accounts import UserRow

PASSWORD = "mật khẩu 2026"


@pytest.fixture
def admin(db) -> acc.Actor:
    acc.create_first_administrator(db, username="Admin", full_name="Trần Văn Quản", password=PASSWORD)
    return acc.Actor.of(acc.authenticate(db, "admin", PASSWORD))


def _audit_actions(db) -> list[str]:
    with db.session() as s:
        return list(s.scalars(select(AuditLogRow.action).where(AuditLogRow.table_name == "user_account")
                              .order_by(AuditLogRow.id)))


def test_hash_format_and_verify():
    stored = acc.hash_password("correct horse")
    scheme, n, r, p, salt, digest = stored.split("$")
    assert (scheme, n, r, p) == ("scrypt", str(2 ** 14), "8", "1")
    assert len(__import__("base64").b64decode(salt)) == 16
    assert acc.verify_password("correct horse", stored)
    assert not acc.verify_password("correct horsE", stored)
    assert acc.hash_password("correct horse") != stored  # fresh salt
    for bad in ("", "scrypt$1$2", "bcrypt$16384$8$1$AAAA$AAAA", "scrypt$x$8$1$AAAA$AAAA", "scrypt$16384$8$1$!!$AAAA"):
        assert not acc.verify_password("correct horse", bad)


def test_vietnamese_password_is_normalised():
    composed = "Mật khẩu"
    decomposed = __import__("unicodedata").normalize("NFD", composed)
    assert composed != decomposed
    assert acc.verify_password(decomposed, acc.hash_password(composed))


def test_login_success_resets_failures_and_is_audited(db, admin):
    with pytest.raises(acc.AuthenticationFailed):
        acc.authenticate(db, "admin", "wrong password")
    user = acc.authenticate(db, "  ADMIN ", PASSWORD)
    assert (user.username, user.role, user.failed_attempts) == ("admin", "administrator", 0)
    assert user.last_login_at is not None
    actions = _audit_actions(db)
    assert actions[0] == "insert" and actions[-2:] == ["login_failed", "login"]


def test_login_does_not_bump_revision(db, admin):
    with db.session() as s:
        before = s.scalar(select(UserRow.revision).where(UserRow.username == "admin"))
    acc.authenticate(db, "admin", PASSWORD)
    with pytest.raises(acc.AuthenticationFailed):
        acc.authenticate(db, "admin", "nope nope")
    with db.session() as s:
        assert s.scalar(select(UserRow.revision).where(UserRow.username == "admin")) == before


def test_unknown_user_and_wrong_password_say_the_same(db, admin):
    with pytest.raises(acc.AuthenticationFailed) as unknown:
        acc.authenticate(db, "nobody", PASSWORD)
    with pytest.raises(acc.AuthenticationFailed) as wrong:
        acc.authenticate(db, "admin", "wrong password")
    assert type(unknown.value) is type(wrong.value) is acc.AuthenticationFailed
    assert unknown.value.message == wrong.value.message


def test_lockout_after_five_failures_then_expiry(db, admin):
    now = _dt.datetime(2026, 11, 2, 8, 0, tzinfo=_dt.timezone.utc)
    for _ in range(acc.MAX_FAILED_ATTEMPTS - 1):
        with pytest.raises(acc.AuthenticationFailed) as err:
            acc.authenticate(db, "admin", "wrong password", now=now)
        assert not isinstance(err.value, acc.AccountLocked)
    with pytest.raises(acc.AccountLocked) as locked:
        acc.authenticate(db, "admin", "wrong password", now=now)
    assert locked.value.until == now + acc.LOCKOUT
    assert "khóa" in locked.value.message
    # while locked even the right password is refused
    with pytest.raises(acc.AccountLocked):
        acc.authenticate(db, "admin", PASSWORD, now=now + _dt.timedelta(minutes=4))
    # after five minutes the right password works again
    user = acc.authenticate(db, "admin", PASSWORD, now=now + _dt.timedelta(minutes=5, seconds=1))
    assert user.locked_until is None and user.failed_attempts == 0
    assert "lock" in _audit_actions(db) and "login_refused" in _audit_actions(db)


def test_administrator_unlocks(db, admin):
    acc.create_user(db, admin, username="lan", full_name="Nguyễn Thị Lan", role="officer", password=PASSWORD)
    for _ in range(acc.MAX_FAILED_ATTEMPTS):
        with pytest.raises(acc.AuthenticationFailed):
            acc.authenticate(db, "lan", "wrong password")
    lan = next(u for u in acc.list_users(db, admin) if u.username == "lan")
    assert lan.locked()
    acc.unlock_user(db, admin, lan.id)
    assert acc.authenticate(db, "lan", PASSWORD).username == "lan"


def test_disabled_account_is_refused_only_with_right_password(db, admin):
    created = acc.create_user(db, admin, username="hoa", full_name="Lê Hoa", role="viewer", password=PASSWORD)
    assert "users" in created.changes
    acc.update_user(db, admin, created.id, active=False)
    with pytest.raises(acc.AccountDisabled):
        acc.authenticate(db, "hoa", PASSWORD)
    with pytest.raises(acc.AuthenticationFailed) as err:
        acc.authenticate(db, "hoa", "wrong password")
    assert not isinstance(err.value, acc.AccountDisabled)


def test_roles_are_checked_by_the_services(db, admin):
    acc.create_user(db, admin, username="xem", full_name="Người Xem", role="viewer", password=PASSWORD)
    acc.create_user(db, admin, username="canbo", full_name="Cán Bộ", role="officer", password=PASSWORD)
    viewer = acc.Actor.of(acc.authenticate(db, "xem", PASSWORD))
    officer = acc.Actor.of(acc.authenticate(db, "canbo", PASSWORD))
    for actor in (viewer, officer):
        with pytest.raises(PermissionDenied) as err:
            acc.create_user(db, actor, username="moi", full_name="Mới", role="administrator", password=PASSWORD)
        assert "không có quyền" in err.value.message
        with pytest.raises(PermissionDenied):
            acc.list_users(db, actor)
        with pytest.raises(PermissionDenied):
            acc.reset_password(db, actor, admin.user_id, "new password 1")
        with pytest.raises(PermissionDenied):
            acc.update_user(db, actor, actor.user_id, role="administrator")
    with pytest.raises(PermissionDenied):
        acc.get_user(db, viewer, admin.user_id)
    assert acc.get_user(db, viewer, viewer.user_id).username == "xem"
    assert [u.username for u in acc.list_users(db, admin)] == ["admin", "canbo", "xem"]


def test_require_role_message_is_vietnamese_by_default():
    with pytest.raises(PermissionDenied) as err:
        acc.require_role(acc.Actor("1", "xem", "viewer"), "administrator")
    assert err.value.message.startswith("Tài khoản «xem» (Người xem) không có quyền quản lý người dùng")
    assert err.value.exit_code == 3


def test_validation(db, admin):
    cases = [
        ({"username": "a"}, "username"),
        ({"username": "Nguyễn"}, "username"),
        ({"username": "has space"}, "username"),
        ({"password": "short"}, "password"),
        ({"password": " " * 10}, "password"),
        ({"full_name": "   "}, "full_name"),
        ({"role": "boss"}, "role"),
        ({"username": "ADMIN"}, "username"),  # taken, case-insensitively
    ]
    for override, field in cases:
        values = {"username": "newuser", "full_name": "Người Mới", "role": "officer", "password": PASSWORD,
                  **override}
        with pytest.raises(ValidationError) as err:
            acc.create_user(db, admin, **values)
        assert err.value.field == field, override


def test_last_administrator_is_protected(db, admin):
    with pytest.raises(PermissionDenied):
        acc.update_user(db, admin, admin.user_id, role="officer")
    with pytest.raises(PermissionDenied):
        acc.update_user(db, admin, admin.user_id, active=False)
    second = acc.create_user(db, admin, username="admin2", full_name="Phó Quản", role="administrator",
                             password=PASSWORD)
    acc.update_user(db, admin, admin.user_id, role="officer")
    assert acc.get_user(db, admin, admin.user_id).role == "officer"
    assert second.id


def test_first_administrator_only_once(db, admin):
    assert acc.has_administrator(db)
    with pytest.raises(PermissionDenied):
        acc.create_first_administrator(db, username="other", full_name="Khác", password=PASSWORD)


def test_passwords_change_and_reset(db, admin):
    lan = acc.create_user(db, admin, username="lan", full_name="Lan", role="officer", password=PASSWORD)
    me = acc.Actor.of(acc.authenticate(db, "lan", PASSWORD))
    with pytest.raises(ValidationError) as err:
        acc.change_password(db, me, "not my password", "brand new pw")
    assert err.value.field == "old_password"
    acc.change_password(db, me, PASSWORD, "brand new pw")
    assert acc.authenticate(db, "lan", "brand new pw")
    acc.reset_password(db, admin, lan.id, "admin chosen pw")
    assert acc.authenticate(db, "lan", "admin chosen pw")
    with pytest.raises(NotFound):
        acc.reset_password(db, admin, "no-such-id", "admin chosen pw")


def test_audit_never_holds_passwords(db, admin):
    acc.create_user(db, admin, username="lan", full_name="Lan", role="officer", password=PASSWORD)
    with db.session() as s:
        blob = json.dumps([(r.old, r.new) for r in s.scalars(select(AuditLogRow))], ensure_ascii=False)
    assert PASSWORD not in blob and "scrypt$" not in blob


def test_add_user_command(data_dir, monkeypatch):
    env_password = "từ biến môi trường"
    monkeypatch.setenv("CPR_PASSWORD", env_password)
    proc = support.run_cli("add-user", "--username", "Lan", "--full-name", "Nguyễn Thị Lan", "--role", "officer",
                           data_dir=data_dir)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["username"] == "lan"
    assert "Đã tạo người dùng «lan»" in proc.stderr
    proc = support.run_cli("add-user", "--username", "lan", "--full-name", "X", "--role", "viewer",
                           data_dir=data_dir)
    assert proc.returncode == 2 and "đã có người dùng" in proc.stderr
    monkeypatch.delenv("CPR_PASSWORD")
    proc = support.run_cli("add-user", "--username", "hoa", "--full-name", "Hoa", "--role", "viewer",
                           data_dir=data_dir, input="short\n")
    assert proc.returncode == 2 and "ít nhất 8" in proc.stderr
    from desktop_app.storage.database import Database

    with Database.open(data_dir, create=False) as db:
        assert acc.authenticate(db, "lan", env_password).full_name == "Nguyễn Thị Lan"
