"""Printed lists: the village-meeting list (danh sách họp dân) and the public
posting list (danh sách niêm yết công khai).

Both are A4 landscape tables whose header rows repeat on every page, with long
names wrapped and "Trang x/y" at the bottom. A list of thousands of households
stays fast because a cell stays a plain string unless its text needs wrapping.
"""

from __future__ import annotations

import os
from typing import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table, TableStyle

from desktop_app.i18n import t
from desktop_app.reports.data import ListHousehold, PostingList, VillageMeetingList
from desktop_app.reports.fonts import SANS
from desktop_app.reports.formatting import fmt_date, fmt_score, in_sentence, nfc, resolve_lang, roman
from desktop_app.reports.pdf_common import (
    BASE_FONT, LANDSCAPE, CellMaker, Column, PagedTable, build_pdf, frame_width, header_cells, label_value,
    legend_table, markup, official_header, para, place_date, printed_footer, scale_columns, signature_block,
    styles,
)
from desktop_app.reports.texts import CATEGORIES, INDICATORS, indicator_code, indicator_name, label

BOX = "☐"


def deprived_codes(deprived: Sequence[str], lang: str) -> str:
    """Short codes of the deprived indicators in the official order ("VL, BH, NS")."""
    chosen = set(deprived)
    return ", ".join(indicator_code(k, lang) for k in INDICATORS if k in chosen)


def indicator_legend(lang: str, width: float) -> list:
    """Title and grid explaining the 12 indicator codes."""
    items = [(indicator_code(k, lang), indicator_name(k, lang)) for k in INDICATORS]
    return [para(t("report.legend", lang) + ":", styles().body_bold), legend_table(items, width)]


def _category(code: str | None, lang: str) -> str:
    return t(f"category.{code}", lang) if code else ""


def _meta_line(pairs: Sequence[tuple[str, str]], width: float) -> Table:
    """Label/value pairs in a borderless row (header of a list)."""
    st = styles()
    cells = [label_value(k, v, st.body) for k, v in pairs]
    tbl = Table([cells], colWidths=[width / len(cells)] * len(cells), hAlign="LEFT")
    tbl.setStyle(TableStyle([BASE_FONT, ("LEFTPADDING", (0, 0), (-1, -1), 0),
                             ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return tbl


def write_village_meeting_list(path: str | os.PathLike, data: VillageMeetingList, lang: str | None = None) -> int:
    """Write the village-meeting list of one village and round; returns the page count.

    Header: commune, village, round and meeting date; one line per household
    (number, code, head, address, members, proposed category, score A, score B,
    deprived indicator codes, empty "Đồng ý / Không đồng ý" boxes, note); the
    code legend; totals; signature lines for the chair and the secretary.
    """
    lang = resolve_lang(lang)
    st = styles()
    width = frame_width(LANDSCAPE)
    col = lambda key: t(f"report.col.{key}", lang)  # noqa: E731
    columns = scale_columns([
        Column(col("no"), 9, "CENTER"), Column(col("household_code"), 17, "CENTER"), Column(col("head"), 46),
        Column(col("address"), 35), Column(col("members"), 14, "CENTER"), Column(col("proposed"), 33),
        Column(col("score_a"), 13, "CENTER"), Column(col("score_b"), 13, "CENTER"), Column(col("deprived"), 37),
        Column(col("agree"), 15, "CENTER"), Column(col("disagree"), 17, "CENTER"), Column(col("note"), 24),
    ], width)
    head0 = header_cells(columns)
    head0[9], head0[10] = Paragraph(markup(col("vote")), st.head), ""
    head1: list = [""] * len(columns)
    head1[9], head1[10] = Paragraph(markup(col("agree")), st.head), Paragraph(markup(col("disagree")), st.head)
    spans = [("SPAN", (c, 0), (c, 1)) for c in range(len(columns)) if c not in (9, 10)]
    spans.append(("SPAN", (9, 0), (10, 0)))

    cell = CellMaker(columns)
    cat_labels = {c: _category(c, lang) for c in CATEGORIES}
    rows = []
    counts = {"poor": 0, "near_poor": 0}
    for i, h in enumerate(data.households, 1):
        if h.category in counts:
            counts[h.category] += 1
        rows.append([
            str(i), cell(1, h.household_code or ""), cell(2, h.head_name), cell(3, h.address or ""),
            str(h.members), cell(5, cat_labels.get(h.category or "", h.category or "")),
            fmt_score(h.score_a), fmt_score(h.score_b), cell(8, deprived_codes(h.deprived, lang)),
            BOX, BOX, cell(11, h.note or ""),
        ])
    table = PagedTable(columns, [head0, head1], rows, header_style=spans,
                       column_fonts={9: (SANS, 12, 13), 10: (SANS, 12, 13)})

    meta = [
        (t("report.label.commune", lang), nfc(data.commune.name)),
        (t("report.label.village", lang), nfc(data.village)),
        (t("report.label.round", lang), nfc(data.round_name)),
        (t("report.label.meeting_date", lang), fmt_date(data.meeting_date) or "....../....../.........."),
    ]
    story: list = [
        official_header(data.commune, lang, width),
        para(t("report.meeting.title", lang), st.title),
        para(t("report.meeting.subtitle", lang), st.subtitle),
        _meta_line(meta, width),
        Spacer(1, 2 * mm),
        *indicator_legend(lang, width),
        para(t("report.tick_hint", lang), st.small),
        Spacer(1, 2 * mm),
        table,
        Spacer(1, 3 * mm),
    ]
    totals = para(t("report.meeting.totals", lang, total=len(rows), poor=counts["poor"],
                    near_poor=counts["near_poor"]), st.body_bold)
    signers = [(t("report.role.chair", lang), t("report.sign_hint", lang), data.chair),
               (t("report.role.secretary", lang), t("report.sign_hint", lang), data.secretary)]
    story.append(KeepTogether([totals, Spacer(1, 3 * mm),
                               signature_block(signers, width, place_date(data.commune, lang, data.meeting_date))]))
    footer = printed_footer(t("report.meeting.footer", lang, village=nfc(data.village)), lang)
    return build_pdf(path, story, title=t("report.meeting.title", lang), footer=footer, lang=lang,
                     pagesize=LANDSCAPE)


def _sections(households: Sequence[ListHousehold]) -> list[tuple[str, list[ListHousehold]]]:
    groups: dict[str, list[ListHousehold]] = {c: [] for c in CATEGORIES}
    for h in households:
        groups.get(h.category or "incomplete", groups["incomplete"]).append(h)
    return [(c, hs) for c, hs in groups.items() if hs]


def write_posting_list(path: str | os.PathLike, data: PostingList, lang: str | None = None) -> int:
    """Write the public posting list; returns the page count.

    Households are grouped by result (poor, near-poor, ...), each group numbered
    from 1. The header states the posting period and place, and where and how to
    send comments and complaints; the commune chair (or village head) signs.
    """
    lang = resolve_lang(lang)
    st = styles()
    width = frame_width(LANDSCAPE)
    col = lambda key: t(f"report.col.{key}", lang)  # noqa: E731
    spec = [Column(col("no"), 9, "CENTER"), Column(col("household_code"), 17, "CENTER"), Column(col("head"), 50)]
    if data.village is None:
        spec.append(Column(col("village"), 30))
    spec += [Column(col("address"), 44), Column(col("members"), 14, "CENTER"), Column(col("result"), 33),
             Column(col("change"), 33), Column(col("note"), 30)]
    columns = scale_columns(spec, width)
    cell = CellMaker(columns)
    rows: list[list] = []
    sections: set[int] = set()
    for number, (category, households) in enumerate(_sections(data.households), 1):
        sections.add(len(rows))
        text = t("report.posting.section", lang, number=roman(number), label=_category(category, lang),
                 count=len(households))
        rows.append([text] + [""] * (len(columns) - 1))
        for i, h in enumerate(households, 1):
            line = [str(i), cell(1, h.household_code or ""), cell(2, h.head_name)]
            if data.village is None:
                line.append(cell(3, h.village or ""))
            k = len(line)
            line += [cell(k, h.address or ""), str(h.members), cell(k + 2, _category(h.category, lang)),
                     cell(k + 3, label("report.change", h.change, lang)), cell(k + 4, h.note or "")]
            rows.append(line)
    table = PagedTable(columns, [header_cells(columns)], rows, sections=frozenset(sections))

    commune = nfc(data.commune.name)
    office = data.complaint_to or t("report.posting.default_office", lang, commune=in_sentence(commune))
    meta = [(t("report.label.commune", lang), commune)]
    if data.village:
        meta.append((t("report.label.village", lang), nfc(data.village)))
    meta.append((t("report.label.round", lang), nfc(data.round_name)))
    story: list = [
        official_header(data.commune, lang, width),
        para(t("report.posting.title", lang), st.title),
        para(t("report.posting.subtitle", lang, round=nfc(data.round_name)), st.subtitle),
        _meta_line(meta, width),
        para(t("report.posting.period", lang, start=fmt_date(data.posting_from), end=fmt_date(data.posting_to)),
             st.body_bold),
    ]
    if data.posting_place:
        story.append(para(t("report.posting.place", lang, place=nfc(data.posting_place)), st.body))
    story += [para(t("report.posting.complaints", lang, office=nfc(office)), st.body), Spacer(1, 2 * mm), table,
              Spacer(1, 4 * mm)]
    role = "report.role.village_head" if data.signer_role == "village_head" else "report.role.commune_chair"
    hint = "report.sign_hint" if data.signer_role == "village_head" else "report.stamp_hint"
    story.append(KeepTogether(signature_block(
        [("", "", None), (t(role, lang), t(hint, lang), data.signer)], width,
        place_date(data.commune, lang, data.signed_on))))
    footer = printed_footer(t("report.posting.footer", lang, commune=commune), lang)
    return build_pdf(path, story, title=t("report.posting.title", lang), footer=footer, lang=lang,
                     pagesize=LANDSCAPE)
