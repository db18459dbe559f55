"""Sync between the register database and the package format (Qt-free).

:mod:`desktop_app.sync` knows the file formats; this package wires them to
the database:

* :mod:`.keystore` - this installation's keys (``<data_dir>/keys``) and the
  enrolled keys of others, revocation;
* :mod:`.export` - commune side: export a package, import a receipt;
* :mod:`.importer` - office side: verify, validate and apply a package in one
  transaction, issue the receipt;
* :mod:`.validate` - record checks before anything is written;
* :mod:`.conflicts` - two devices changed the same row: list and resolve;
* :mod:`.standards` - signed standards files;
* :mod:`.summary` - office summaries and the province's Excel summary;
* :mod:`.demo` - a demonstration receiving office.
"""

from desktop_app.syncdb.conflicts import ConflictView, list_conflicts, resolve_conflict
from desktop_app.syncdb.errors import InvalidRecord
from desktop_app.syncdb.export import ExportResult, export_package, import_receipt
from desktop_app.syncdb.importer import ImportResult, import_package, latest_receipt
from desktop_app.syncdb.keystore import (
    PASSPHRASE_ENV,
    Installation,
    enroll,
    enroll_rotation,
    installation,
    list_peers,
    own_keys,
    revoke,
)
from desktop_app.syncdb.standards import import_standard, sign_standard
from desktop_app.syncdb.summary import (
    commune_households,
    commune_status,
    district_summary,
    district_totals,
    write_summary_xlsx,
)

__all__ = [
    "ConflictView", "list_conflicts", "resolve_conflict", "InvalidRecord",
    "ExportResult", "export_package", "import_receipt",
    "ImportResult", "import_package", "latest_receipt",
    "PASSPHRASE_ENV", "Installation", "enroll", "enroll_rotation", "installation", "list_peers", "own_keys",
    "revoke", "import_standard", "sign_standard",
    "commune_households", "commune_status", "district_summary", "district_totals", "write_summary_xlsx",
]
