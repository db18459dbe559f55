"""The payload container: a set of named files, each stored raw or zlib-compressed.

Layout (all integers big-endian; this is the plaintext that gets encrypted)::

    magic      8 bytes  b"CPRPAYL\\0"
    count      u32      number of entries
    entries    count ×  { name_len u8 | name (ASCII) | method u8 (0 raw, 1 zlib)
                          | stored_len u64 | stored bytes }

Nothing may follow the last entry. Names are validated (:func:`check_name`);
every size is checked against :class:`Limits` *while* reading, and zlib output
is produced in bounded steps so that a compression bomb is stopped before it
takes memory. The manifest declares each file's size, method and SHA-256; the
reader in :mod:`desktop_app.sync.package` cross-checks the container with it.
"""

from __future__ import annotations

import hashlib
import re
import struct
import zlib
from dataclasses import dataclass

MAGIC = b"CPRPAYL\0"
METHOD_RAW = 0
METHOD_ZLIB = 1
METHODS = {METHOD_RAW: "none", METHOD_ZLIB: "zlib"}
METHOD_CODES = {v: k for k, v in METHODS.items()}

NAME_RE = re.compile(r"^[a-z0-9_.-]{1,64}$")

MiB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """Size limits enforced while writing and reading packages.

    ``max_ratio`` applies to a zlib file whose uncompressed size exceeds
    ``ratio_floor`` bytes: uncompressed/stored may not exceed it. The writer
    stores a file raw rather than write something the reader would refuse.
    """

    max_package_bytes: int = 256 * MiB
    max_manifest_bytes: int = 1 * MiB
    max_files: int = 64
    max_file_bytes: int = 256 * MiB
    max_total_bytes: int = 512 * MiB
    max_ratio: int = 100
    ratio_floor: int = 1 * MiB


DEFAULT_LIMITS = Limits()


class ContainerError(ValueError):
    """Structural problem of a container (text is a technical description)."""


class NameError_(ValueError):
    """A file name is unsafe (the offending name is in ``args[0]``)."""


class LimitError(ValueError):
    """A size limit is exceeded: ``what``, ``size``, ``limit``."""

    def __init__(self, what: str, size: int, limit: int):
        super().__init__(f"{what}: {size} > {limit}")
        self.what, self.size, self.limit = what, size, limit


def check_name(name: object) -> str:
    """Return ``name`` when it is a plain safe file name, else raise :class:`NameError_`.

    Allowed: 1-64 characters of ``[a-z0-9_.-]``, not starting with ``.`` or
    ``-``, no ``..``. This excludes ``/``, ``\\``, drive letters, absolute
    paths, hidden files and any traversal.
    """
    if (not isinstance(name, str) or not NAME_RE.match(name) or ".." in name
            or name[0] in ".-"):
        raise NameError_(repr(name)[:80] if not isinstance(name, str) else name[:80])
    return name


@dataclass(frozen=True)
class Entry:
    """One stored file: its name, method, plain size and SHA-256, stored bytes."""

    name: str
    method: str
    size: int
    sha256: str
    stored: bytes


def pack_entry(name: str, data: bytes, limits: Limits = DEFAULT_LIMITS) -> Entry:
    """Prepare one file: zlib when it helps and stays within the ratio guard."""
    check_name(name)
    if len(data) > limits.max_file_bytes:
        raise LimitError("file " + name, len(data), limits.max_file_bytes)
    compressed = zlib.compress(data, 6)
    method, stored = "none", data
    if len(compressed) < len(data) and not ratio_exceeded(len(data), len(compressed), limits):
        method, stored = "zlib", compressed
    return Entry(name, method, len(data), hashlib.sha256(data).hexdigest(), stored)


def ratio_exceeded(size: int, stored: int, limits: Limits) -> bool:
    return size > limits.ratio_floor and size > limits.max_ratio * max(stored, 1)


def encode(entries: list[Entry], limits: Limits = DEFAULT_LIMITS) -> bytes:
    """Serialise entries (in the given order) into container bytes."""
    if len(entries) > limits.max_files:
        raise LimitError("files", len(entries), limits.max_files)
    total = sum(e.size for e in entries)
    if total > limits.max_total_bytes:
        raise LimitError("total", total, limits.max_total_bytes)
    parts = [MAGIC, struct.pack(">I", len(entries))]
    for e in entries:
        raw_name = check_name(e.name).encode("ascii")
        parts += [struct.pack(">B", len(raw_name)), raw_name,
                  struct.pack(">BQ", METHOD_CODES[e.method], len(e.stored)), e.stored]
    return b"".join(parts)


class _Reader:
    def __init__(self, data: bytes):
        self.data, self.pos = memoryview(data), 0

    def take(self, n: int) -> bytes:
        if n < 0 or self.pos + n > len(self.data):
            raise ContainerError("truncated")
        chunk = bytes(self.data[self.pos : self.pos + n])
        self.pos += n
        return chunk

    def unpack(self, fmt: str) -> tuple:
        return struct.unpack(fmt, self.take(struct.calcsize(fmt)))


def inflate(stored: bytes, expected_size: int, name: str, limits: Limits) -> bytes:
    """Decompress zlib data producing at most ``expected_size`` bytes (+1 to detect overrun)."""
    d = zlib.decompressobj()
    out = bytearray()
    chunk = 1 * MiB
    data = stored
    try:
        while True:
            piece = d.decompress(data, chunk)
            out += piece
            if len(out) > expected_size:
                raise LimitError("file " + name, len(out), expected_size)
            if ratio_exceeded(len(out), len(stored), limits):
                raise LimitError("ratio " + name, len(out) // max(len(stored), 1), limits.max_ratio)
            data = d.unconsumed_tail
            if not data:
                break
        out += d.flush()
        if len(out) > expected_size:
            raise LimitError("file " + name, len(out), expected_size)
    except zlib.error as exc:
        raise ContainerError(f"file {name} is not valid zlib data") from exc
    if not d.eof or d.unused_data:
        raise ContainerError(f"file {name} has a broken zlib stream")
    if len(out) != expected_size:
        raise ContainerError(f"file {name} is not of the declared size")
    return bytes(out)


def decode(plain: bytes, declared: dict[str, dict], limits: Limits = DEFAULT_LIMITS) -> dict[str, bytes]:
    """Parse container bytes and return ``{name: content}``.

    ``declared`` is the manifest's ``files`` mapping (already validated:
    safe names, sizes within limits, ``method`` and ``sha256`` present). The
    container must hold exactly those files, in sorted name order, with the
    declared methods and sizes; each file's SHA-256 must match.
    Raises :class:`ContainerError`, :class:`NameError_`, :class:`LimitError`,
    or :class:`HashError`.
    """
    r = _Reader(plain)
    if r.take(len(MAGIC)) != MAGIC:
        raise ContainerError("bad container magic")
    (count,) = r.unpack(">I")
    if count > limits.max_files:
        raise LimitError("files", count, limits.max_files)
    if count != len(declared):
        raise ContainerError("the number of files differs from the manifest")
    files: dict[str, bytes] = {}
    expected_order = sorted(declared)
    for index in range(count):
        (name_len,) = r.unpack(">B")
        raw_name = r.take(name_len)
        try:
            name = check_name(raw_name.decode("ascii"))
        except UnicodeDecodeError:
            raise NameError_(repr(raw_name)[:80]) from None
        if name != expected_order[index]:
            raise ContainerError(f"file {name} is not the one the manifest lists at this place")
        method_code, stored_len = r.unpack(">BQ")
        info = declared[name]
        if METHODS.get(method_code) != info["method"]:
            raise ContainerError(f"file {name} is not stored as the manifest says")
        if stored_len > limits.max_file_bytes:
            raise LimitError("stored " + name, stored_len, limits.max_file_bytes)
        if stored_len != info["stored_size"]:
            raise ContainerError(f"file {name} is not of the declared stored size")
        stored = r.take(stored_len)
        if method_code == METHOD_ZLIB:
            content = inflate(stored, info["size"], name, limits)
        elif len(stored) != info["size"]:
            raise ContainerError(f"file {name} is not of the declared size")
        else:
            content = stored
        if hashlib.sha256(content).hexdigest() != info["sha256"]:
            raise HashError(name)
        files[name] = content
    if r.pos != len(plain):
        raise ContainerError("unexpected data after the last file")
    return files


class HashError(ValueError):
    """A file's SHA-256 differs from the manifest (``args[0]`` is the name)."""
