"""Coverage of the support programmes against the plans' targets.

Targets are data (``resources/support/targets.toml``, each with the text of
the plan it comes from). :func:`compute_coverage` is pure: from the
households' facts and the support records it computes, for the commune and
for each village, every target's value, numerator, denominator and gap, plus
the year's totals by programme and by funding source. :func:`coverage` reads
the register and calls it.

Metrics (``metric`` in the targets file):

* ``people_insured`` - members of the households concerned who have health
  insurance (recorded on the member) or received a health-insurance card
  this year;
* ``pupils_tuition`` - pupils and students (at school or studying) of the
  households concerned who received a tuition support this year;
* ``households_water`` / ``households_latrine`` - households concerned whose
  survey proves the indicator *not deprived*; households whose indicator is
  unknown are left out of the denominator and counted in ``unknown``;
* ``households_housing`` - households concerned deprived in housing quality
  that received a housing support up to the end of the year;
* ``policy_loans`` - policy loans disbursed this year (count and VND) to any
  household; the plans' target ("everyone who needs a loan") cannot be
  measured from the register, so it has no target and no gap.
"""

from __future__ import annotations

import datetime as _dt
import functools
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select

from desktop_app.errors import StandardFileError
from desktop_app.i18n import get_language
from desktop_app.storage.database import Database
from desktop_app.storage.models import HouseholdRow
from desktop_app.storage.models_support import SupportRecordRow
from desktop_app.storage.records import live
from desktop_app.support.catalogue import read_toml, support_dir
from desktop_app.support.facts import STATUSES, HouseholdFacts, load_facts

METRICS = ("people_insured", "pupils_tuition", "households_water", "households_latrine",
           "households_housing", "policy_loans")
COMMUNE = "commune"


@dataclass(frozen=True, slots=True)
class Target:
    key: str
    metric: str
    categories: tuple[str, ...]
    target: float | None
    vi: str
    en: str
    source_document: str
    source_text: str

    def label(self, lang: str | None = None) -> str:
        return self.en if (lang or get_language()) == "en" else self.vi


@dataclass(frozen=True, slots=True)
class SupportFact:
    """A support record as coverage needs it."""

    household_id: str
    member_id: str | None
    programme: str
    date: _dt.date
    amount_vnd: int | None
    source: str


@dataclass(frozen=True, slots=True)
class Figure:
    """One target's figure for the commune (``scope == "commune"``) or a village."""

    key: str
    label: str
    scope: str
    village: str | None
    numerator: int
    denominator: int | None
    percent: float | None
    target: float | None
    gap: float | None
    unknown: int
    amount_vnd: int | None
    source_document: str
    source_text: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Total:
    """Records, households reached and VND of one programme or source in a year."""

    code: str
    records: int
    households: int
    amount_vnd: int


@dataclass(frozen=True)
class Coverage:
    year: int
    figures: tuple[Figure, ...]
    by_programme: tuple[Total, ...]
    by_source: tuple[Total, ...]

    def commune(self) -> list[Figure]:
        return [f for f in self.figures if f.scope == COMMUNE]

    def to_dict(self) -> dict[str, Any]:
        return {"year": self.year, "figures": [f.to_dict() for f in self.figures],
                "by_programme": [asdict(t) for t in self.by_programme],
                "by_source": [asdict(t) for t in self.by_source]}


def parse_targets(data: dict[str, Any], source: str = "targets.toml") -> tuple[Target, ...]:
    if data.get("format") != "support-targets/1":
        raise StandardFileError(source, "format", "expected 'support-targets/1'")
    out = []
    for i, e in enumerate(data.get("target", [])):
        where = f"target[{i}]"
        for k in ("key", "metric", "vi", "en", "source_document", "source_text"):
            if not isinstance(e.get(k), str) or not e[k].strip():
                raise StandardFileError(source, f"{where}.{k}", "missing or empty text")
        if e["metric"] not in METRICS:
            raise StandardFileError(source, f"{where}.metric", f"use one of {', '.join(METRICS)}")
        cats = tuple(e.get("categories", ()))
        if not cats or any(c not in STATUSES for c in cats):
            raise StandardFileError(source, f"{where}.categories", f"use some of {', '.join(STATUSES)}")
        target = e.get("target")
        if target is not None and not (isinstance(target, (int, float)) and 0 <= target <= 100):
            raise StandardFileError(source, f"{where}.target", "a percentage from 0 to 100")
        out.append(Target(e["key"], e["metric"], cats, None if target is None else float(target), e["vi"],
                          e["en"], e["source_document"], e["source_text"]))
    return tuple(out)


@functools.lru_cache(maxsize=4)
def load_targets(path: Path | None = None) -> tuple[Target, ...]:
    path = path or support_dir() / "targets.toml"
    return parse_targets(read_toml(path), path.name)


def _percent(num: int, den: int | None) -> float | None:
    return round(100.0 * num / den, 1) if den else None


def _received(records: Iterable[SupportFact], programme: str) -> tuple[set[str], set[str]]:
    """(households with a household-level record, members with a record)."""
    households, members = set(), set()
    for r in records:
        if r.programme == programme:
            (members.add(r.member_id) if r.member_id else households.add(r.household_id))
    return households, members


def _figure(t: Target, facts: list[HouseholdFacts], year_records: list[SupportFact],
            all_records: list[SupportFact]) -> tuple[int, int | None, int, int | None]:
    """``(numerator, denominator, unknown, amount)`` of one target over ``facts``."""
    concerned = [h for h in facts if h.statuses() & set(t.categories)]
    unknown = 0
    amount = None
    if t.metric == "people_insured":
        hh, mm = _received(year_records, "health_insurance")
        people = [(h, m) for h in concerned for m in h.members]
        num = sum(1 for h, m in people if m.health_insurance is True or m.id in mm or h.id in hh)
        den: int | None = len(people)
    elif t.metric == "pupils_tuition":
        hh, mm = _received(year_records, "tuition")
        pupils = [(h, m) for h in concerned for m in h.members if m.pupil]
        num = sum(1 for h, m in pupils if m.id in mm or h.id in hh)
        den = len(pupils)
    elif t.metric in ("households_water", "households_latrine"):
        key = "water" if t.metric == "households_water" else "latrine"
        states = [h.indicators.get(key) for h in concerned]
        num = sum(1 for s in states if s == "no")
        unknown = sum(1 for s in states if s not in ("yes", "no"))
        den = len(states) - unknown
    elif t.metric == "households_housing":
        helped = {r.household_id for r in all_records if r.programme == "housing"}
        needing = [h for h in concerned if h.deprived("housing_quality")]
        num = sum(1 for h in needing if h.id in helped)
        den = len(needing)
    else:  # policy_loans
        ids = {h.id for h in facts}
        loans = [r for r in year_records if r.programme == "policy_credit" and r.household_id in ids]
        num, den, amount = len(loans), None, sum(r.amount_vnd or 0 for r in loans)
    return num, den, unknown, amount


def compute_coverage(facts: list[HouseholdFacts], records: list[SupportFact], year: int,
                     targets: tuple[Target, ...] | None = None, lang: str | None = None) -> Coverage:
    """Coverage of ``year`` for the commune and each village (pure)."""
    targets = targets if targets is not None else load_targets()
    upto = [r for r in records if r.date.year <= year]
    in_year = [r for r in upto if r.date.year == year]
    scopes: list[tuple[str, str | None, list[HouseholdFacts]]] = [(COMMUNE, None, facts)]
    villages: dict[str | None, list[HouseholdFacts]] = defaultdict(list)
    names: dict[str | None, str | None] = {}
    for h in facts:
        villages[h.village_id].append(h)
        names[h.village_id] = h.village
    scopes += [(vid or "", names[vid], hs) for vid, hs in villages.items()]
    figures = []
    for scope, vname, hs in scopes:
        ids = {h.id for h in hs}
        yr = [r for r in in_year if r.household_id in ids]
        al = [r for r in upto if r.household_id in ids]
        for t in targets:
            num, den, unknown, amount = _figure(t, hs, yr, al)
            pct = _percent(num, den)
            gap = round(t.target - pct, 1) if t.target is not None and pct is not None else None
            if t.target is not None and den == 0:
                gap = 0.0  # nobody concerned: nothing is missing
            figures.append(Figure(t.key, t.label(lang), scope, vname, num, den, pct, t.target, gap, unknown,
                                  amount, t.source_document, t.source_text))
    return Coverage(year, tuple(figures), _totals(in_year, "programme"), _totals(in_year, "source"))


def _totals(records: list[SupportFact], attr: str) -> tuple[Total, ...]:
    groups: dict[str, list[SupportFact]] = defaultdict(list)
    for r in records:
        groups[getattr(r, attr)].append(r)
    out = [Total(code, len(rs), len({r.household_id for r in rs}), sum(r.amount_vnd or 0 for r in rs))
           for code, rs in groups.items()]
    return tuple(sorted(out, key=lambda t: (-t.amount_vnd, -t.records, t.code)))


def support_facts(db: Database, until: _dt.date | None = None) -> list[SupportFact]:
    """Live support records of live households (up to ``until``)."""
    with db.session() as s:
        stmt = (select(SupportRecordRow.household_id, SupportRecordRow.member_id, SupportRecordRow.programme,
                       SupportRecordRow.date, SupportRecordRow.amount_vnd, SupportRecordRow.source)
                .join(HouseholdRow, HouseholdRow.id == SupportRecordRow.household_id)
                .where(live(SupportRecordRow), live(HouseholdRow)))
        if until is not None:
            stmt = stmt.where(SupportRecordRow.date <= until)
        return [SupportFact(*row) for row in s.execute(stmt)]


def coverage(db: Database, year: int | None = None, *, lang: str | None = None,
             targets: tuple[Target, ...] | None = None) -> Coverage:
    """Coverage of ``year`` (default: this year) read from the register."""
    year = year or _dt.date.today().year
    end = _dt.date(year, 12, 31)
    on = min(end, _dt.date.today())
    return compute_coverage(load_facts(db, on=on), support_facts(db, end), year, targets, lang)
