"""Full household list export: ONE ROW PER HOUSEHOLD.

One row per household (not per member) because this is the list the commune
sends up and filters: category, scores, deprivations and groups are household
facts, and 100,000 households stay 100,000 rows. The head's name, sex, birth
date and ID number identify the household; the member-level list is the import
template's layout (:mod:`desktop_app.reports.import_columns`).

Columns: No., household code, head of household, village, address, sex, birth
date, citizen ID (text, leading zeros kept), ethnicity, members, area,
category, official/proposed, change since last round, score A, score B, income
per capita (VND, ``#,##0``), deprived indicator codes, ethnic-minority /
meritorious-service / social-protection household (Có/Không), causes of
poverty, survey date (``DD/MM/YYYY``), the register's household id. A second
sheet explains the indicator codes.

Written with the streaming writer (:mod:`desktop_app.reports.xlsx_stream`):
about 100,000 households in a few seconds.
"""

from __future__ import annotations

import os
from typing import Iterable, Iterator

from desktop_app.i18n import t
from desktop_app.messages import register
from desktop_app.reports.data import Commune, HouseholdExportRow
from desktop_app.reports.excel_common import safe_sheet_title
from desktop_app.reports.formatting import fmt_date, nfc, resolve_lang
from desktop_app.reports.texts import (
    CATEGORIES, INDICATORS, SERVICE_OF, bool_label, indicator_code, indicator_name, label, value_label,
)
from desktop_app.reports.xlsx_stream import StreamColumn, StreamSheet, write_xlsx


def _m(vi: str, en: str) -> dict[str, str]:
    return {"vi": vi, "en": en}


MESSAGES = {
    "report.export.sheet": _m("Danh sách hộ", "Households"),
    "report.export.title": _m("DANH SÁCH HỘ GIA ĐÌNH", "HOUSEHOLD LIST"),
    "report.export.subtitle": _m("{commune} – {round} – mỗi dòng một hộ",
                                 "{commune} – {round} – one row per household"),
    "report.export.legend_sheet": _m("Chú giải", "Legend"),
    "report.export.official": _m("Chính thức", "Official"),
    "report.export.proposed": _m("Đề xuất", "Proposed"),
    "report.export.col.status": _m("Tình trạng phân loại", "Classification status"),
    "report.export.col.income": _m("Thu nhập bình quân (đồng/người/tháng)", "Income per capita (VND/person/month)"),
    "report.export.col.ethnic_minority": _m("Hộ dân tộc thiểu số", "Ethnic minority household"),
    "report.export.col.meritorious": _m("Có người có công", "Meritorious-service member"),
    "report.export.col.social_protection": _m("Có đối tượng bảo trợ xã hội", "Social-protection beneficiary"),
    "report.export.col.causes": _m("Nguyên nhân nghèo", "Causes of poverty"),
    "report.export.col.household_id": _m("Mã định danh hộ (hệ thống)", "Household id (system)"),
}
register(MESSAGES)


def _columns(lang: str) -> list[StreamColumn]:
    c = lambda key: t(f"report.col.{key}", lang)  # noqa: E731
    e = lambda key: t(f"report.export.col.{key}", lang)  # noqa: E731
    return [
        StreamColumn(c("no"), "int", 7), StreamColumn(c("household_code"), "text", 11),
        StreamColumn(c("head"), "text", 26), StreamColumn(c("village"), "text", 16),
        StreamColumn(c("address"), "text", 20), StreamColumn(c("sex"), "text", 8),
        StreamColumn(c("birth"), "text", 11), StreamColumn(c("id_number"), "text", 15),
        StreamColumn(c("ethnicity"), "text", 10), StreamColumn(c("members"), "int", 9),
        StreamColumn(t("report.label.area", lang), "text", 11),
        StreamColumn(t("report.label.category", lang), "text", 18),
        StreamColumn(e("status"), "text", 12), StreamColumn(c("change"), "text", 16),
        StreamColumn(c("score_a"), "int", 8), StreamColumn(c("score_b"), "int", 8),
        StreamColumn(e("income"), "money", 16), StreamColumn(c("deprived"), "text", 22),
        StreamColumn(e("ethnic_minority"), "text", 11), StreamColumn(e("meritorious"), "text", 11),
        StreamColumn(e("social_protection"), "text", 12), StreamColumn(e("causes"), "text", 26),
        StreamColumn(t("report.label.survey_date", lang), "date", 12),
        StreamColumn(e("household_id"), "text", 38),
    ]


def _rows(households: Iterable[HouseholdExportRow], lang: str) -> Iterator[list]:
    # label look-ups are cached per code: the same few values repeat 100,000 times
    cats = {c: t(f"category.{c}", lang) for c in CATEGORIES}
    codes = {k: indicator_code(k, lang) for k in INDICATORS}
    order = {k: i for i, k in enumerate(INDICATORS)}
    status = {True: t("report.export.official", lang), False: t("report.export.proposed", lang), None: None}
    yes_no = {True: bool_label(True, lang), False: bool_label(False, lang), None: None}
    cache: dict[tuple[str, str], str] = {}

    def lab(group: str, code: str | None) -> str | None:
        if code is None:
            return None
        key = (group, code)
        if key not in cache:
            cache[key] = label(group, code, lang) if group == "report.change" else value_label(group, code, lang)
        return cache[key]

    for i, h in enumerate(households, 1):
        deprived = ", ".join(codes[k] for k in sorted(h.deprived, key=lambda k: order.get(k, 99)) if k in codes)
        yield [
            i, h.household_code, nfc(h.head_name), nfc(h.village) if h.village else None,
            nfc(h.address) if h.address else None, lab("sex", h.head_sex), fmt_date(h.head_birth),
            h.head_id_number, h.ethnicity, h.members, lab("area", h.area),
            cats.get(h.category or "", h.category), status[h.official], lab("report.change", h.change),
            h.score_a, h.score_b, h.income_per_capita, deprived, yes_no[h.ethnic_minority], yes_no[h.meritorious],
            yes_no[h.social_protection], "; ".join(lab("poverty_causes", c) or "" for c in h.poverty_causes),
            h.survey_date, h.household_id,
        ]


def write_household_list(path: str | os.PathLike, households: Iterable[HouseholdExportRow],
                         commune: Commune, round_name: str = "", lang: str | None = None) -> int:
    """Write the full household list (one row per household) atomically;
    returns the number of households written. ``households`` may be a
    generator (memory stays flat)."""
    lang = resolve_lang(lang)
    subtitle = t("report.export.subtitle", lang, commune=nfc(commune.name), round=nfc(round_name) or "–")
    main = StreamSheet(
        name=safe_sheet_title(t("report.export.sheet", lang)), columns=_columns(lang),
        rows=_rows(households, lang), title=t("report.export.title", lang), subtitle=subtitle, freeze_columns=3,
        footer=t("report.page", lang, page="&P", pages="&N"),
    )
    legend = StreamSheet(
        name=safe_sheet_title(t("report.export.legend_sheet", lang)),
        columns=[StreamColumn(t("report.col.code", lang), "text", 10),
                 StreamColumn(t("report.col.indicator", lang), "text", 44),
                 StreamColumn(t("report.col.service", lang), "text", 28)],
        rows=[[indicator_code(k, lang), indicator_name(k, lang), label("report.service", SERVICE_OF[k], lang)]
              for k in INDICATORS],
        title=t("report.legend", lang), autofilter=False,
    )
    write_xlsx(path, [main, legend], title=t("report.export.title", lang))
    return main.rows_written

