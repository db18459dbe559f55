"""The catalogue of support programmes and funding sources.

Shipped programmes come from ``resources/support/catalogue.toml`` (codes of
spec/domain.md §10); a commune's local programmes are stored in the
``support_programme`` table and merged in by
:func:`desktop_app.services.support.catalogue_for`. Labels exist in Vietnamese
and English; :meth:`Programme.name` picks the current language.
"""

from __future__ import annotations

import functools
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop_app.errors import StandardFileError
from desktop_app.i18n import get_language
from desktop_app.paths import resources_dir

PER_CHOICES = ("household", "member")
#: codes every catalogue must have (spec §10)
REQUIRED_PROGRAMMES = (
    "health_insurance", "tuition", "policy_credit", "housing", "electricity", "livelihood", "nutrition",
    "vocational_training", "employment", "information", "legal_aid", "water_sanitation",
    "social_allowance", "holiday_gift", "other",
)
SOURCE_CODES = ("central_budget", "local_budget", "social_policy_bank", "fund_for_the_poor",
                "enterprises_donors", "other")


def support_dir() -> Path:
    """``resources/support``."""
    return resources_dir() / "support"


@dataclass(frozen=True, slots=True)
class Programme:
    """A support programme (shipped, or local to the commune when ``local``)."""

    code: str
    vi: str
    en: str
    unit_vi: str
    unit_en: str
    per: str  # "household" or "member"
    default_source: str
    recipients_vi: str = ""
    recipients_en: str = ""
    local: bool = False

    def name(self, lang: str | None = None) -> str:
        """The name in ``lang`` (default: the current language)."""
        return self.en if (lang or get_language()) == "en" else self.vi

    def unit(self, lang: str | None = None) -> str:
        """The default unit of a quantity in ``lang``."""
        return self.unit_en if (lang or get_language()) == "en" else self.unit_vi

    def recipients(self, lang: str | None = None) -> str:
        """Who typically receives it, in ``lang``."""
        return self.recipients_en if (lang or get_language()) == "en" else self.recipients_vi


@dataclass(frozen=True, slots=True)
class FundingSource:
    """A funding source (central budget, Social Policy Bank ...)."""

    code: str
    vi: str
    en: str

    def name(self, lang: str | None = None) -> str:
        return self.en if (lang or get_language()) == "en" else self.vi


@dataclass(frozen=True)
class Catalogue:
    """Programmes (in catalogue order, local ones last) and funding sources."""

    programmes: tuple[Programme, ...]
    sources: tuple[FundingSource, ...]

    def programme(self, code: str) -> Programme | None:
        return next((p for p in self.programmes if p.code == code), None)

    def source(self, code: str) -> FundingSource | None:
        return next((s for s in self.sources if s.code == code), None)

    def programme_codes(self) -> list[str]:
        return [p.code for p in self.programmes]

    def source_codes(self) -> list[str]:
        return [s.code for s in self.sources]

    def programme_name(self, code: str, lang: str | None = None) -> str:
        """The programme's name, or the code itself when unknown."""
        p = self.programme(code)
        return p.name(lang) if p else code

    def source_name(self, code: str | None, lang: str | None = None) -> str:
        s = self.source(code) if code else None
        return s.name(lang) if s else (code or "")

    def with_local(self, local: tuple[Programme, ...]) -> Catalogue:
        """This catalogue with the commune's local programmes appended."""
        known = {p.code for p in self.programmes}
        return Catalogue(self.programmes + tuple(p for p in local if p.code not in known), self.sources)


def _need(source: str, entry: dict[str, Any], key: str, where: str) -> str:
    value = entry.get(key)
    if not isinstance(value, str) or not value.strip():
        raise StandardFileError(source, f"{where}.{key}", "missing or empty text")
    return value.strip()


def parse_catalogue(data: dict[str, Any], source: str = "catalogue.toml") -> Catalogue:
    """Check and build a catalogue from parsed TOML (errors name the key)."""
    if data.get("format") != "support-catalogue/1":
        raise StandardFileError(source, "format", "expected 'support-catalogue/1'")
    sources = []
    for i, entry in enumerate(data.get("source", [])):
        where = f"source[{i}]"
        sources.append(FundingSource(*(_need(source, entry, k, where) for k in ("code", "vi", "en"))))
    source_codes = [s.code for s in sources]
    if sorted(source_codes) != sorted(SOURCE_CODES):
        raise StandardFileError(source, "source", f"funding sources must be exactly {', '.join(SOURCE_CODES)}")
    programmes = []
    for i, entry in enumerate(data.get("programme", [])):
        where = f"programme[{i}]"
        fields = {k: _need(source, entry, k, where)
                  for k in ("code", "vi", "en", "unit_vi", "unit_en", "per", "default_source")}
        if fields["per"] not in PER_CHOICES:
            raise StandardFileError(source, f"{where}.per", "must be 'household' or 'member'")
        if fields["default_source"] not in source_codes:
            raise StandardFileError(source, f"{where}.default_source", "unknown funding source")
        programmes.append(Programme(**fields, recipients_vi=str(entry.get("recipients_vi", "")),
                                    recipients_en=str(entry.get("recipients_en", ""))))
    codes = [p.code for p in programmes]
    if len(set(codes)) != len(codes):
        raise StandardFileError(source, "programme", "a programme code appears twice")
    missing = [c for c in REQUIRED_PROGRAMMES if c not in codes]
    if missing:
        raise StandardFileError(source, "programme", f"missing programmes: {', '.join(missing)}")
    return Catalogue(tuple(programmes), tuple(sources))


def read_toml(path: Path) -> dict[str, Any]:
    """Parse a TOML file; a syntax error becomes a :class:`StandardFileError`."""
    try:
        with open(path, "rb") as f:
            return tomllib.load(f)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise StandardFileError(str(path), "-", str(exc)) from exc


@functools.lru_cache(maxsize=4)
def load_catalogue(path: Path | None = None) -> Catalogue:
    """The shipped catalogue (cached)."""
    path = path or support_dir() / "catalogue.toml"
    return parse_catalogue(read_toml(path), path.name)
