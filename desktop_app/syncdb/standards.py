"""Signed standards files: the office signs, communes verify and install.

* :func:`sign_standard` (office): checks that the file is a valid standard
  (:func:`desktop_app.standards.loader.load_standard_bytes`), then wraps it in
  a signed envelope (:func:`desktop_app.sync.write_signed_file`) with the
  office key, written atomically.
* :func:`import_standard` (commune): verifies the envelope against the
  enrolled office key (not revoked), validates the content as a standard, and
  only then saves it atomically as ``<data_dir>/standards/<file name>`` where
  :class:`desktop_app.standards.loader.StandardRegistry` picks it up.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from desktop_app.errors import StandardFileError
from desktop_app.fsutil import atomic_write_bytes
from desktop_app.standards.loader import load_standard_bytes
from desktop_app.storage.database import Database
from desktop_app.sync.keys import ROLE_COMMUNE, ROLE_DISTRICT
from desktop_app.sync.signed_file import verify_signed_file, write_signed_file
from desktop_app.syncdb import keystore
from desktop_app.syncdb.errors import refuse

STANDARDS_DIRNAME = "standards"


@dataclass(frozen=True)
class InstalledStandard:
    """A standard saved by :func:`import_standard`."""

    standard_id: str
    revision: int
    path: Path
    signer_key_id: str


def _check_name(file_name: str) -> None:
    if not file_name.endswith(".toml"):
        raise refuse("syncdb.standard_name", file=file_name)


def sign_standard(db: Database, data_dir: Path, source: str | os.PathLike, out: str | os.PathLike) -> str:
    """Office: sign a standards TOML file; returns the standard's id."""
    keystore.require_role(db, ROLE_DISTRICT)
    path = Path(source)
    _check_name(path.name)
    try:
        content = path.read_bytes()
    except OSError as exc:
        raise refuse("sync.cannot_read", name=path.name, problem=exc.strerror or str(exc)) from None
    standard = load_standard_bytes(content, path.name)  # never sign a file the communes would refuse
    keys = keystore.own_keys(db, data_dir)
    write_signed_file(out, content, path.name, keys)
    return standard.id


def import_standard(db: Database, data_dir: Path, source: str | os.PathLike | bytes) -> InstalledStandard:
    """Commune: verify a signed standards file and install it (see module docstring)."""
    keystore.require_role(db, ROLE_COMMUNE)
    book = keystore.load_peers(db)
    signed = verify_signed_file(source, trusted_keys=book.trusted, revoked=book.revoked,
                                allowed_roles=(ROLE_DISTRICT,))
    _check_name(signed.file_name)
    try:
        standard = load_standard_bytes(signed.content, signed.file_name)
    except StandardFileError as exc:
        raise refuse("syncdb.standard_invalid", name=signed.file_name, problem=exc.message) from None
    target = Path(data_dir) / STANDARDS_DIRNAME / signed.file_name
    atomic_write_bytes(target, signed.content)
    return InstalledStandard(standard.id, standard.revision, target, signed.signer.key_id)
