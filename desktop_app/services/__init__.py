"""Services: the only way data changes.

A service call that changes data runs in one transaction
(``with db.transaction() as s:``), writes the audit log, and returns a
:class:`Changes` naming the kinds of data it changed, so that each open view
reloads only when a kind it shows changed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

#: Kinds of data a :class:`Changes` may name (views compare against these).
KINDS = frozenset({
    "communes", "villages", "households", "members", "rounds", "surveys", "classifications", "settings",
    "review", "official", "support", "users", "sync", "standards",
})


@dataclass(frozen=True, slots=True)
class Changes:
    """What a service call changed: a set of kinds (``{"households", "members"}``)
    and, when useful, how many rows (``count``)."""

    kinds: frozenset[str] = field(default_factory=frozenset)
    count: int = 0

    @classmethod
    def of(cls, *kinds: str | Iterable[str], count: int = 0) -> Changes:
        """``Changes.of("households", "members")`` (iterables are flattened)."""
        flat: set[str] = set()
        for k in kinds:
            if isinstance(k, str):
                flat.add(k)
            else:
                flat.update(k)
        return cls(frozenset(flat), count)

    def __bool__(self) -> bool:
        return bool(self.kinds)

    def __contains__(self, kind: object) -> bool:
        return kind in self.kinds

    def __or__(self, other: Changes) -> Changes:
        return Changes(self.kinds | other.kinds, self.count + other.count)
