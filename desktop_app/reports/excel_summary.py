"""The commune's summary workbook to send up (openpyxl).

One workbook, six sheets, each with a title, two header rows, number formats
(``#,##0`` counts and amounts, ``0.0%`` rates), frozen panes below the header
and right of the first column, and print setup (A4 landscape, fit to width,
header rows repeated):

1. households and rates by category per village;
2. poor / near-poor households among ethnic-minority, meritorious-service and
   social-protection households;
3. deprived households per indicator;
4. causes of poverty;
5. movements since the last round;
6. support by programme and funding source.

Rates are written as values (not formulas) so that any program reading the
file gets the numbers; a rate whose base is zero is left blank.
"""

from __future__ import annotations

import os

from openpyxl import Workbook

from desktop_app.i18n import t
from desktop_app.messages import register
from desktop_app.reports.data import CommuneSummary
from desktop_app.reports.excel_common import COUNT, MONEY, RATE, XlColumn, add_table_sheet, rate, save_workbook
from desktop_app.reports.formatting import fmt_date, nfc, resolve_lang
from desktop_app.reports.texts import (
    FUNDING_SOURCES, SERVICE_OF, indicator_code, indicator_name, label, value_label,
)


def _m(vi: str, en: str) -> dict[str, str]:
    return {"vi": vi, "en": en}


MESSAGES = {
    "report.xl.subtitle": _m("{commune} – {round} – chuẩn nghèo {standard} – số liệu đến ngày {date}",
                             "{commune} – {round} – standard {standard} – figures as of {date}"),
    "report.xl.prepared_by": _m("Người lập biểu: {name}", "Prepared by: {name}"),
    "report.xl.count": _m("Số hộ", "Households"),
    "report.xl.rate": _m("Tỷ lệ", "Rate"),
    "report.xl.total": _m("Tổng cộng", "Total"),
    "report.xl.households": _m("Tổng số hộ", "Households"),
    "report.xl.people": _m("Nhân khẩu", "People"),
    "report.xl.people_total": _m("Tổng số", "Total"),
    "report.xl.poor_and_near": _m("Hộ nghèo và cận nghèo", "Poor and near-poor"),
    "report.xl.villages.sheet": _m("Theo thôn", "By village"),
    "report.xl.villages.title": _m("TỔNG HỢP HỘ NGHÈO, HỘ CẬN NGHÈO THEO THÔN",
                                   "POOR AND NEAR-POOR HOUSEHOLDS BY VILLAGE"),
    "report.xl.villages.note": _m("Tỷ lệ tính trên tổng số hộ của thôn.",
                                  "Rates are shares of all households of the village."),
    "report.xl.groups.sheet": _m("Theo nhóm đối tượng", "By group"),
    "report.xl.groups.title": _m("HỘ NGHÈO, HỘ CẬN NGHÈO THEO NHÓM ĐỐI TƯỢNG",
                                 "POOR AND NEAR-POOR HOUSEHOLDS BY GROUP"),
    "report.xl.groups.note": _m(
        "Một hộ có thể thuộc nhiều nhóm; tỷ lệ tính trên tổng số hộ của nhóm.",
        "A household may belong to several groups; rates are shares of the group's households."),
    "report.xl.group": _m("Nhóm đối tượng", "Group"),
    "report.xl.indicators.sheet": _m("Chỉ số thiếu hụt", "Deprivations"),
    "report.xl.indicators.title": _m("SỐ HỘ THIẾU HỤT THEO TỪNG CHỈ SỐ", "DEPRIVED HOUSEHOLDS PER INDICATOR"),
    "report.xl.indicators.note": _m(
        "Tỷ lệ tính trên số hộ nghèo {poor}, hộ cận nghèo {near_poor} và hộ được rà soát {surveyed}.",
        "Rates are shares of the {poor} poor, {near_poor} near-poor and {surveyed} surveyed households."),
    "report.xl.indicator": _m("Chỉ số", "Indicator"),
    "report.xl.code": _m("Ký hiệu", "Code"),
    "report.xl.service": _m("Dịch vụ xã hội cơ bản", "Basic social service"),
    "report.xl.surveyed": _m("Hộ được rà soát", "Surveyed households"),
    "report.xl.causes.sheet": _m("Nguyên nhân nghèo", "Causes"),
    "report.xl.causes.title": _m("NGUYÊN NHÂN NGHÈO", "CAUSES OF POVERTY"),
    "report.xl.causes.note": _m(
        "Một hộ có thể có nhiều nguyên nhân; tỷ lệ tính trên tổng số hộ nghèo, hộ cận nghèo.",
        "A household may have several causes; rates are shares of all poor and near-poor households."),
    "report.xl.cause": _m("Nguyên nhân", "Cause"),
    "report.xl.changes.sheet": _m("Biến động", "Changes"),
    "report.xl.changes.title": _m("BIẾN ĐỘNG HỘ NGHÈO, HỘ CẬN NGHÈO SO VỚI KỲ TRƯỚC",
                                  "CHANGES IN POOR AND NEAR-POOR HOUSEHOLDS SINCE THE LAST ROUND"),
    "report.xl.start": _m("Đầu kỳ", "Start"),
    "report.xl.out": _m("Thoát ra", "Left"),
    "report.xl.new": _m("Phát sinh mới", "New"),
    "report.xl.back": _m("Tái nghèo / tái cận nghèo", "Fallen back"),
    "report.xl.end": _m("Cuối kỳ", "End"),
    "report.xl.support.sheet": _m("Hỗ trợ", "Support"),
    "report.xl.support.title": _m("KẾT QUẢ HỖ TRỢ THEO CHƯƠNG TRÌNH VÀ NGUỒN KINH PHÍ",
                                  "SUPPORT BY PROGRAMME AND FUNDING SOURCE"),
    "report.xl.programme": _m("Chương trình, chính sách", "Programme"),
    "report.xl.records": _m("Số lượt", "Records"),
    "report.xl.by_source": _m("Kinh phí theo nguồn (đồng)", "Amount by funding source (VND)"),
    "report.xl.amount_total": _m("Tổng kinh phí (đồng)", "Total amount (VND)"),
    "report.xl.support.note": _m("Số hộ của từng chương trình không cộng dồn vì một hộ có thể nhận nhiều chương trình.",
                                 "Households are not added up across programmes: a household may receive several."),
}
register(MESSAGES)


def write_summary_workbook(path: str | os.PathLike, data: CommuneSummary, lang: str | None = None) -> None:
    """Write the summary workbook (six sheets, see the module docstring) atomically."""
    lang = resolve_lang(lang)
    wb = Workbook()
    wb.remove(wb.active)
    subtitle = t("report.xl.subtitle", lang, commune=nfc(data.commune.name), round=nfc(data.round_name),
                 standard=data.standard or "–", date=fmt_date(data.report_date))
    footer = t("report.page", lang, page="&P", pages="&N")
    signed = [t("report.xl.prepared_by", lang, name=nfc(data.prepared_by))] if data.prepared_by else []
    common = dict(subtitle=subtitle, footer=footer)
    _villages(wb, data, lang, signed, common)
    _groups(wb, data, lang, common)
    _indicators(wb, data, lang, common)
    _causes(wb, data, lang, common)
    _changes(wb, data, lang, common)
    _support(wb, data, lang, common)
    wb.properties.title = t("report.xl.villages.title", lang)
    wb.properties.creator = "commune-poverty-register"
    save_workbook(wb, path)


def _pair(group: str, lang: str) -> list[XlColumn]:
    return [XlColumn(t("report.xl.count", lang), COUNT, 10, group), XlColumn(t("report.xl.rate", lang), RATE, 9, group)]


def _villages(wb: Workbook, data: CommuneSummary, lang: str, signed: list[str], common: dict) -> None:
    with_people = any(v.people is not None for v in data.villages)
    cat = lambda c: t(f"category.{c}", lang)  # noqa: E731
    columns = [XlColumn(t("report.label.village", lang), None, 24),
               XlColumn(t("report.xl.households", lang), COUNT, 11)]
    columns += _pair(cat("poor"), lang) + _pair(cat("near_poor"), lang)
    columns += _pair(t("report.xl.poor_and_near", lang), lang)
    columns += _pair(cat("middle"), lang)
    if with_people:
        g = t("report.xl.people", lang)
        columns += [XlColumn(t("report.xl.people_total", lang), COUNT, 10, g), XlColumn(cat("poor"), COUNT, 10, g),
                    XlColumn(cat("near_poor"), COUNT, 10, g)]

    def line(name: str, hh: int, poor: int, near: int, middle: int, people: tuple) -> list:
        row = [name, hh, poor, rate(poor, hh), near, rate(near, hh), poor + near, rate(poor + near, hh),
               middle, rate(middle, hh)]
        return row + list(people) if with_people else row

    rows = [line(nfc(v.village), v.households, v.poor, v.near_poor, v.middle,
                 (v.people, v.poor_people, v.near_poor_people)) for v in data.villages]
    vs = data.villages
    people = tuple(sum(getattr(v, f) or 0 for v in vs) for f in ("people", "poor_people", "near_poor_people"))
    total = line(t("report.xl.total", lang), sum(v.households for v in vs), sum(v.poor for v in vs),
                 sum(v.near_poor for v in vs), sum(v.middle for v in vs), people)
    add_table_sheet(wb, t("report.xl.villages.sheet", lang), t("report.xl.villages.title", lang),
                    columns=columns, rows=rows, total=total, notes=[t("report.xl.villages.note", lang)] + signed,
                    **common)


def _groups(wb: Workbook, data: CommuneSummary, lang: str, common: dict) -> None:
    cat = lambda c: t(f"category.{c}", lang)  # noqa: E731
    columns = [XlColumn(t("report.xl.group", lang), None, 40), XlColumn(t("report.xl.households", lang), COUNT, 11)]
    columns += _pair(cat("poor"), lang) + _pair(cat("near_poor"), lang)
    rows = [[label("report.group", g.group, lang), g.households, g.poor, rate(g.poor, g.households),
             g.near_poor, rate(g.near_poor, g.households)] for g in data.groups]
    add_table_sheet(wb, t("report.xl.groups.sheet", lang), t("report.xl.groups.title", lang), columns=columns,
                    rows=rows, notes=[t("report.xl.groups.note", lang)], **common)


def _indicators(wb: Workbook, data: CommuneSummary, lang: str, common: dict) -> None:
    cat = lambda c: t(f"category.{c}", lang)  # noqa: E731
    base = data.indicator_base or (None, None, None)
    columns = [XlColumn(t("report.xl.indicator", lang), None, 38), XlColumn(t("report.xl.code", lang), None, 8),
               XlColumn(t("report.xl.service", lang), None, 22)]
    columns += _pair(cat("poor"), lang) + _pair(cat("near_poor"), lang) + _pair(t("report.xl.surveyed", lang), lang)
    rows = [[indicator_name(i.indicator, lang), indicator_code(i.indicator, lang),
             label("report.service", SERVICE_OF.get(i.indicator), lang),
             i.poor, rate(i.poor, base[0]), i.near_poor, rate(i.near_poor, base[1]),
             i.surveyed, rate(i.surveyed, base[2])] for i in data.indicators]
    notes = []
    if data.indicator_base:
        notes.append(t("report.xl.indicators.note", lang, poor=base[0], near_poor=base[1], surveyed=base[2]))
    add_table_sheet(wb, t("report.xl.indicators.sheet", lang), t("report.xl.indicators.title", lang),
                    columns=columns, rows=rows, notes=notes, **common)


def _causes(wb: Workbook, data: CommuneSummary, lang: str, common: dict) -> None:
    cat = lambda c: t(f"category.{c}", lang)  # noqa: E731
    poor_base = sum(v.poor for v in data.villages) or None
    near_base = sum(v.near_poor for v in data.villages) or None
    both = (poor_base or 0) + (near_base or 0) or None
    columns = [XlColumn(t("report.xl.cause", lang), None, 44)]
    columns += _pair(cat("poor"), lang) + _pair(cat("near_poor"), lang) + _pair(t("report.xl.total", lang), lang)
    rows = [[value_label("poverty_causes", c.cause, lang), c.poor, rate(c.poor, poor_base), c.near_poor,
             rate(c.near_poor, near_base), c.poor + c.near_poor, rate(c.poor + c.near_poor, both)]
            for c in data.causes]
    add_table_sheet(wb, t("report.xl.causes.sheet", lang), t("report.xl.causes.title", lang), columns=columns,
                    rows=rows, notes=[t("report.xl.causes.note", lang)], **common)


_CHANGE_FIELDS = (("poor_start", "out_of_poverty", "new_poor", "fallen_back_poor", "poor_end"),
                  ("near_poor_start", "out_of_near_poverty", "new_near_poor", "fallen_back_near_poor",
                   "near_poor_end"))


def _changes(wb: Workbook, data: CommuneSummary, lang: str, common: dict) -> None:
    columns = [XlColumn(t("report.label.village", lang), None, 24)]
    for cat in ("poor", "near_poor"):
        group = t(f"category.{cat}", lang)
        columns += [XlColumn(t(f"report.xl.{k}", lang), COUNT, 11, group)
                    for k in ("start", "out", "new", "back", "end")]
    fields = _CHANGE_FIELDS[0] + _CHANGE_FIELDS[1]
    rows = [[nfc(tr.village)] + [getattr(tr, f) for f in fields] for tr in data.transitions]
    total = [t("report.xl.total", lang)] + [sum(getattr(tr, f) for tr in data.transitions) for f in fields]
    add_table_sheet(wb, t("report.xl.changes.sheet", lang), t("report.xl.changes.title", lang), columns=columns,
                    rows=rows, total=total, **common)


def _support(wb: Workbook, data: CommuneSummary, lang: str, common: dict) -> None:
    extra = sorted({s for p in data.support for s in p.amounts if s not in FUNDING_SOURCES})
    sources = list(FUNDING_SOURCES) + extra
    group = t("report.xl.by_source", lang)
    columns = [XlColumn(t("report.xl.programme", lang), None, 40), XlColumn(t("report.xl.households", lang), COUNT, 10),
               XlColumn(t("report.xl.records", lang), COUNT, 10)]
    columns += [XlColumn(label("report.source", s, lang), MONEY, 16, group) for s in sources]
    columns.append(XlColumn(t("report.xl.amount_total", lang), MONEY, 18))
    rows = [[label("report.programme", p.programme, lang), p.households, p.records]
            + [p.amounts.get(s) or None for s in sources] + [sum(p.amounts.values())] for p in data.support]
    total = [t("report.xl.total", lang), None, sum(p.records for p in data.support)]
    total += [sum(p.amounts.get(s, 0) for p in data.support) for s in sources]
    total.append(sum(sum(p.amounts.values()) for p in data.support))
    add_table_sheet(wb, t("report.xl.support.sheet", lang), t("report.xl.support.title", lang), columns=columns,
                    rows=rows, total=total, notes=[t("report.xl.support.note", lang)], **common)
