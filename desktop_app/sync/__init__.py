"""Sync package format and keys (Qt-free, database-independent).

* :mod:`.keys` — installation keys, public-key documents, fingerprints,
  private-key storage, rotation and revocation;
* :mod:`.package` — writing and fully verifying a sync package;
* :mod:`.container` — the payload container and size limits;
* :mod:`.receipt` — the office's signed receipt;
* :mod:`.signed_file` — signed standards files;
* :mod:`.sheet` — data of the printed key registration sheet;
* :mod:`.errors` — typed refusals (all :class:`desktop_app.errors.Refused`);
* :mod:`.canonical` — canonical JSON and domain-separated signatures.

The format is described in ``docs/sync-package.md``.
"""

from desktop_app.sync.container import DEFAULT_LIMITS, Limits
from desktop_app.sync.errors import (
    InvalidPackage,
    KeyFileError,
    PackageTooLarge,
    PayloadTampered,
    ReplayedPackage,
    RevokedKey,
    SignatureMismatch,
    SyncError,
    UnknownSigner,
    UnsafeName,
    UnsupportedVersion,
    WrongPassphrase,
    WrongRecipient,
)
from desktop_app.sync.keys import (
    ROLE_COMMUNE,
    ROLE_DISTRICT,
    InstallationKeys,
    PublicKeyInfo,
    Revocation,
    RotationStatement,
    fingerprint,
    load_public_key,
    make_revocation,
    make_rotation,
    not_revoked,
    verify_revocation,
    verify_rotation,
)
from desktop_app.sync.package import (
    Manifest,
    PackageWarning,
    VerifiedPackage,
    build_package,
    read_package,
    write_package,
)
from desktop_app.sync.receipt import Receipt, make_receipt, verify_receipt
from desktop_app.sync.sheet import RegistrationSheet, registration_sheet
from desktop_app.sync.signed_file import SignedFile, sign_file, verify_signed_file, write_signed_file

__all__ = [
    "DEFAULT_LIMITS", "Limits",
    "InvalidPackage", "KeyFileError", "PackageTooLarge", "PayloadTampered", "ReplayedPackage", "RevokedKey",
    "SignatureMismatch", "SyncError", "UnknownSigner", "UnsafeName", "UnsupportedVersion", "WrongPassphrase",
    "WrongRecipient",
    "ROLE_COMMUNE", "ROLE_DISTRICT", "InstallationKeys", "PublicKeyInfo", "Revocation", "RotationStatement",
    "fingerprint", "load_public_key", "make_revocation", "make_rotation", "not_revoked", "verify_revocation",
    "verify_rotation",
    "Manifest", "PackageWarning", "VerifiedPackage", "build_package", "read_package", "write_package",
    "Receipt", "make_receipt", "verify_receipt",
    "RegistrationSheet", "registration_sheet",
    "SignedFile", "sign_file", "verify_signed_file", "write_signed_file",
]
