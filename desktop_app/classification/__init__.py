"""Never-guess classification of households (spec/domain.md §4–6)."""

from desktop_app.classification.engine import CATEGORIES, ClassificationResult, classify

__all__ = ["CATEGORIES", "ClassificationResult", "classify"]
