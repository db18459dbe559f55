"""Reclassifying a survey round with the standard it names.

The classification is a pure function (:mod:`desktop_app.classification`);
this service feeds it the round's households from the database and stores the
results with the standard id and version that produced them, so that history
is reproducible. Reasons are stored in Vietnamese (the register's language);
views that show another language classify the household again on the fly.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from desktop_app.classification import ClassificationResult, classify
from desktop_app.domain.record import Household
from desktop_app.errors import AppError, NotFound
from desktop_app.i18n import t
from desktop_app.messages import register
from desktop_app.services import Changes
from desktop_app.services.register import iter_households_for_classification, list_rounds, store_classifications
from desktop_app.standards.loader import StandardRegistry, default_registry
from desktop_app.standards.model import Standard
from desktop_app.storage.database import Database

register({
    "classify.cancelled": {
        "vi": "Đã hủy phân loại lại; không có gì thay đổi.",
        "en": "Reclassification cancelled; nothing was changed.",
    },
    "classify.round_not_found": {
        "vi": "Không tìm thấy đợt rà soát «{round_id}».",
        "en": "Survey round '{round_id}' was not found.",
    },
})

#: ``progress(done, total) -> bool``: return False to cancel
Progress = Callable[[int, int], bool]


class Cancelled(AppError):
    exit_code = 1

    def __init__(self) -> None:
        super().__init__(t("classify.cancelled"))


def registry_for(db: Database) -> StandardRegistry:
    """Shipped standards plus those imported into the database's data folder."""
    data_dir: Path | None = getattr(db, "data_dir", None)
    return default_registry(data_dir) if data_dir is not None else default_registry()


def round_standard(db: Database, round_id: str, registry: StandardRegistry | None = None) -> Standard:
    rnd = next((r for r in list_rounds(db) if r.id == round_id), None)
    if rnd is None:
        raise NotFound(t("classify.round_not_found", round_id=round_id))
    return (registry or registry_for(db)).get(rnd.standard_id)


def classify_household(db: Database, household: Household, round_id: str, lang: str | None = None,
                       registry: StandardRegistry | None = None) -> ClassificationResult:
    """Classify one household under its round's standard (nothing stored)."""
    return classify(household, round_standard(db, round_id, registry), lang)


def classify_round(db: Database, round_id: str, *, progress: Progress | None = None,
                   registry: StandardRegistry | None = None, total: int | None = None) -> int:
    """Classify every surveyed household of the round and store the results
    in one transaction. Returns how many households were classified.
    ``progress`` may cancel (return False): then nothing is stored."""
    standard = round_standard(db, round_id, registry)
    results = []
    step = 2000
    for i, household in enumerate(iter_households_for_classification(db, round_id), start=1):
        results.append(classify(household, standard, "vi", explain_unknowns=False).to_dict())
        if progress is not None and i % step == 0 and progress(i, total or 0) is False:
            raise Cancelled()
    if progress is not None and progress(len(results), total or len(results)) is False:
        raise Cancelled()
    store_classifications(db, round_id, results)
    return len(results)


def classify_round_changes(db: Database, round_id: str, **kwargs) -> Changes:
    n = classify_round(db, round_id, **kwargs)
    return Changes.of("classifications", count=n)
