"""The sync commands end to end through ``python -m desktop_app`` (subprocess):
exit 0 on success, 2 on bad usage, 3 on a refused package or file (reason on
stderr). The office runs on SQLite and, with ``CPR_TEST_PG_URL``, PostgreSQL."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app.paths import standards_dir
from desktop_app.syncdb.testing import commune_site, district_on, district_site, link

ROOT = Path(__file__).resolve().parents[1]


def run(data_dir: Path, *args: str, db_url: str | None = None) -> subprocess.CompletedProcess:
    cmd = [sys.executable, "-m", "desktop_app", "--data-dir", str(data_dir)]
    if db_url:
        cmd += ["--db-url", db_url]
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("CPR_KEY_PASSPHRASE", None)
    return subprocess.run(cmd + [str(a) for a in args], capture_output=True, text=True, cwd=ROOT, env=env,
                          timeout=300)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def office(request, tmp_path: Path):
    """``(data dir, db url or None)`` of a receiving office set up in district mode."""
    if request.param == "postgres" and not os.environ.get("CPR_TEST_PG_URL"):
        pytest.skip("set CPR_TEST_PG_URL to run the PostgreSQL variant")
    with district_on(request.param, tmp_path / "office") as site:
        url = None if request.param == "sqlite" else site.db.url
        site.db.close()
        yield site.data_dir, url


def test_cli_end_to_end(office, tmp_path):
    ddir, url = office
    cdir = tmp_path / "commune"

    def d(*args):
        return run(ddir, *args, db_url=url)

    def c(*args):
        return run(cdir, *args)

    commune_site(cdir, households=6).close()
    r = c("export-key", "--out", tmp_path / "c.cprkey")
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "c.cprkey").exists() and len(r.stdout.splitlines()) > 4
    assert d("export-key", "--out", tmp_path / "d.cprkey").returncode == 0
    r = d("enroll", tmp_path / "c.cprkey")
    assert r.returncode == 0, r.stderr
    code = json.loads(r.stdout)["code"]
    assert c("enroll", tmp_path / "d.cprkey").returncode == 0

    r = c("export-package", "--out", tmp_path / "p1.cprsync")
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["kind"] == "full"
    r = d("import-package", tmp_path / "p1.cprsync")
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["applied"]["household"]["inserted"] == 6
    r = d("import-package", tmp_path / "p1.cprsync")
    assert r.returncode == 3 and r.stderr.strip()

    assert d("receipt", "--commune", code, "--out", tmp_path / "r1.cprrcpt").returncode == 0
    r = c("import-receipt", tmp_path / "r1.cprrcpt")
    assert r.returncode == 0, r.stderr
    r = c("export-package", "--out", tmp_path / "p2.cprsync")
    assert json.loads(r.stdout)["kind"] == "delta"

    r = d("district-summary")
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["sum"]["households"] == 6
    r = d("conflicts")
    assert r.returncode == 0 and json.loads(r.stdout) == []

    # lost laptop: revoke, the next package is refused
    key_id = json.loads(d("enroll", tmp_path / "c.cprkey").stdout)["key_id"]
    r = d("revoke-key", "--key-id", key_id, "--reason", "mất máy")
    assert r.returncode == 0, r.stderr
    assert d("revoke-key", "--key-id", "0" * 32, "--reason", "x").returncode == 2
    r = d("import-package", tmp_path / "p2.cprsync")
    assert r.returncode == 3 and "mất máy" in r.stderr


def test_cli_usage_errors_refusals_and_standards(tmp_path):
    """Exit codes 2 and 3, summaries, conflicts and standards (office on SQLite)."""
    cdir, ddir = tmp_path / "commune", tmp_path / "office"
    commune, office = commune_site(cdir, households=4), district_site(ddir)
    link(commune, office)
    commune.close()
    office.close()

    def d(*args):
        return run(ddir, *args)

    def c(*args):
        return run(cdir, *args)

    assert c("export-key", "--out", tmp_path / "c.cprkey").returncode == 0
    assert c("enroll", tmp_path / "c.cprkey").returncode == 3  # a commune key at a commune: refused
    assert c("export-package", "--out", tmp_path / "p1.cprsync").returncode == 0
    r = d("import-package", tmp_path / "p1.cprsync")
    assert r.returncode == 0, r.stderr
    code = json.loads(r.stdout)["commune_code"]
    assert d("receipt", "--commune", "00000", "--out", tmp_path / "none.cprrcpt").returncode == 2
    assert d("district-summary", "--out", tmp_path / "s.xlsx").returncode == 0 and (tmp_path / "s.xlsx").exists()
    r = d("district-summary", "--commune", code)
    assert len(json.loads(r.stdout)) == 4
    assert d("resolve-conflict", "nope", "--keep", "local").returncode == 2
    assert d("resolve-conflict", "nope", "--keep", "maybe").returncode == 2
    # bad usage and refused files
    assert c("import-package", tmp_path / "p1.cprsync").returncode == 2  # not an office
    assert d("export-package", "--out", tmp_path / "x.cprsync").returncode == 2  # not a commune
    assert c("export-package").returncode == 2  # --out missing
    (tmp_path / "junk.cprsync").write_bytes(b"hello")
    r = d("import-package", tmp_path / "junk.cprsync")
    assert r.returncode == 3 and r.stderr.strip()
    (tmp_path / "junk.cprkey").write_text("{}")
    assert d("enroll", tmp_path / "junk.cprkey").returncode == 3

    # standards
    src = tmp_path / "vn-2027-2030.toml"
    src.write_bytes((standards_dir() / "vn-2027-2030.toml").read_bytes())
    assert d("sign-standard", src, "--out", tmp_path / "std.cprsig").returncode == 0
    r = c("import-standard", tmp_path / "std.cprsig")
    assert r.returncode == 0, r.stderr
    assert (cdir / "standards" / "vn-2027-2030.toml").exists()
    data = bytearray((tmp_path / "std.cprsig").read_bytes())
    data[-3] ^= 1
    (tmp_path / "bad.cprsig").write_bytes(bytes(data))
    assert c("import-standard", tmp_path / "bad.cprsig").returncode == 3

