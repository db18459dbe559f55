"""One-household papers and the key sheet: filled Phiếu B, certificate of a poor
or near-poor household, support ledger, and the key registration sheet.

Each function writes one A4 PDF atomically and returns its page count.
"""

from __future__ import annotations

import os
from typing import Sequence

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table, TableStyle

from desktop_app.i18n import t
from desktop_app.reports.data import Certificate, KeySheet, MemberLine, SupportLedger, SurveyForm
from desktop_app.reports.fonts import CONDENSED_BOLD, SANS_BOLD
from desktop_app.reports.formatting import (
    birth_year, fmt_date, fmt_number, fmt_score, fmt_vnd, group_fingerprint, in_sentence, nfc, resolve_lang,
)
from desktop_app.reports.pdf_common import (
    BASE_FONT, GRID, HEAD_BG, LANDSCAPE, PORTRAIT, CellMaker, Column, build_pdf, frame_width, grid_table,
    header_cells, label_value, markup, official_header, para, place_date, printed_footer, scale_columns,
    signature_block, styles,
)
from desktop_app.reports.texts import (
    INDICATORS, SERVICE_OF, bool_label, indicator_code, indicator_name, label, value_label,
)

TITLE_RED = colors.HexColor("#A00000")


def _info_grid(pairs: Sequence[tuple[str, object]], width: float, per_row: int = 2) -> Table:
    """Label/value pairs in a borderless grid."""
    st = styles()
    cells = [label_value(k, v if v not in (None, "") else "…", st.body) for k, v in pairs]
    rows = [cells[i:i + per_row] for i in range(0, len(cells), per_row)]
    if rows and len(rows[-1]) < per_row:
        rows[-1] += [""] * (per_row - len(rows[-1]))
    tbl = Table(rows, colWidths=[width / per_row] * per_row, hAlign="LEFT")
    tbl.setStyle(TableStyle([BASE_FONT, ("LEFTPADDING", (0, 0), (-1, -1), 0),
                             ("VALIGN", (0, 0), (-1, -1), "TOP"),
                             ("TOPPADDING", (0, 0), (-1, -1), 1), ("BOTTOMPADDING", (0, 0), (-1, -1), 1)]))
    return tbl


def _residence(address: str | None, village: str | None, commune: str, province: str | None) -> str:
    return ", ".join(in_sentence(p) for p in (address, village, commune, province) if p)


def _members_table(members: Sequence[MemberLine], lang: str, width: float, full: bool) -> Table:
    """Members of a household; ``full`` adds ethnicity, insurance, education and work (Phiếu B)."""
    col = lambda key: t(f"report.col.{key}", lang)  # noqa: E731
    spec = [Column(col("no"), 8, "CENTER"), Column(col("name"), 30), Column(col("relation"), 16),
            Column(col("sex"), 12, "CENTER"), Column(col("birth") if full else col("birth_year"), 17.5, "CENTER"),
            Column(col("id_number"), 21.5, "CENTER")]
    if full:
        spec += [Column(col("ethnicity"), 12), Column(col("insurance"), 13, "CENTER"),
                 Column(col("education"), 20), Column(col("employment"), 22)]
    columns = scale_columns(spec, width)
    cell = CellMaker(columns)
    rows = []
    for i, m in enumerate(members, 1):
        row = [str(i), cell(1, m.full_name), cell(2, value_label("relation", m.relation, lang)),
               cell(3, value_label("sex", m.sex, lang)),
               cell(4, fmt_date(m.birth_date) if full else birth_year(m.birth_date)), cell(5, m.id_number or "")]
        if full:
            row += [cell(6, m.ethnicity or ""), cell(7, bool_label(m.health_insurance, lang)),
                    cell(8, value_label("education", m.education, lang)),
                    cell(9, value_label("employment", m.employment, lang))]
        rows.append(row)
    return grid_table(columns, [header_cells(columns)], rows)


# --------------------------------------------------------------------------
# Phiếu B


def write_survey_form(path: str | os.PathLike, data: SurveyForm, lang: str | None = None) -> int:
    """Write a filled Phiếu B: general information, members, B1 (score A and/or
    income), B2 (the 12 indicators with their result and grounds, score B), the
    resulting category (marked as proposed unless ``official``), missing
    information and warnings, and the signatures of head and surveyor."""
    lang = resolve_lang(lang)
    st = styles()
    width = frame_width(PORTRAIT)
    unknown = t("report.unknown", lang)
    story: list = [
        official_header(data.commune, lang, width),
        para(t("report.form_b.title", lang), st.title),
        para(t("report.form_b.subtitle", lang), st.subtitle),
        para(t("report.form_b.general", lang), st.heading),
        _info_grid([
            (t("report.label.province", lang), data.commune.province),
            (t("report.label.commune", lang), data.commune.name),
            (t("report.label.village", lang), data.village),
            (t("report.label.address", lang), data.address),
            (t("report.label.head", lang), data.head_name),
            (t("report.label.household_code", lang), data.household_code),
            (t("report.label.area", lang), value_label("area", data.area, lang)),
            (t("report.label.survey_date", lang), fmt_date(data.survey_date)),
            (t("report.label.standard", lang), data.standard),
            (t("report.label.surveyor", lang), data.surveyor),
        ], width),
        para(t("report.form_b.members", lang), st.heading),
        _members_table(data.members, lang, width, full=True),
        para(t("report.form_b.b1", lang), st.heading),
    ]
    score = fmt_score(data.score_a) if data.score_a is not None else unknown
    if data.score_a_cutoff is not None:
        score += f" ({t('report.form_b.cutoff', lang, cutoff=data.score_a_cutoff)})"
    income = (t("report.form_b.income_unit", lang, amount=fmt_vnd(data.income_per_capita))
              if data.income_per_capita is not None else unknown)
    if data.poverty_line is not None:
        income += f" ({t('report.form_b.line', lang, amount=fmt_vnd(data.poverty_line))})"
    story += [label_value(t("report.form_b.score_a", lang), score),
              label_value(t("report.form_b.income", lang), income),
              para(t("report.form_b.b2", lang), st.heading),
              _indicator_table(data, lang, width)]
    states = [data.indicators.get(k, "unknown") for k in INDICATORS]
    b_text = f"{fmt_score(data.score_b)} – {t('report.form_b.deprived_count', lang, count=states.count('yes'))}"
    if states.count("unknown"):
        b_text += f", {t('report.form_b.unknown_count', lang, count=states.count('unknown'))}"
    story += [Spacer(1, 2 * mm), label_value(t("report.form_b.score_b", lang), b_text),
              para(t("report.form_b.result", lang), st.heading)]
    category = t(f"category.{data.category}", lang) if data.category else unknown
    note = "" if data.official else f" <font size=8.5>{markup(t('report.proposed_note', lang))}</font>"
    story.append(Paragraph(f"<b>{markup(t('report.label.category', lang))}:</b> "
                           f"<font name='{SANS_BOLD}' size=12>{markup(category)}</font>{note}",
                           st.body.clone("category", leading=17, spaceAfter=4)))
    for key, items in (("report.form_b.missing", data.missing), ("report.form_b.warnings", data.warnings)):
        if items:
            story.append(para(t(key, lang) + ":", st.body_bold))
            story += [para(f"• {nfc(item)}", st.body) for item in items]
    signers = [(t("report.role.household_head", lang), t("report.sign_hint", lang), data.head_name),
               (t("report.role.surveyor", lang), t("report.sign_hint", lang), data.surveyor)]
    story += [Spacer(1, 4 * mm),
              KeepTogether(signature_block(signers, width, place_date(data.commune, lang, data.survey_date)))]
    footer = printed_footer(t("report.form_b.footer", lang, head=nfc(data.head_name)), lang)
    return build_pdf(path, story, title=t("report.form_b.subtitle", lang), footer=footer, lang=lang)


def _indicator_table(data: SurveyForm, lang: str, width: float) -> Table:
    col = lambda key: t(f"report.col.{key}", lang)  # noqa: E731
    columns = scale_columns([
        Column(col("no"), 7, "CENTER"), Column(col("service"), 24), Column(col("indicator"), 38),
        Column(col("code"), 11, "CENTER"), Column(col("state"), 19, "CENTER"), Column(col("reason"), 60),
    ], width)
    cell = CellMaker(columns)
    rows, extra = [], []
    previous = None
    for i, key in enumerate(INDICATORS, 1):
        state = data.indicators.get(key, "unknown")
        service = SERVICE_OF[key]
        rows.append([str(i), cell(1, label("report.service", service, lang) if service != previous else ""),
                     cell(2, indicator_name(key, lang)), indicator_code(key, lang), t(f"state.{state}", lang),
                     cell(5, data.reasons.get(key, ""))])
        if state == "yes":
            extra.append(("FONT", (4, i), (4, i), CONDENSED_BOLD, 8.5, 10.2))
        if service == previous:
            extra.append(("SPAN", (1, i - 1), (1, i)))
        previous = service
    return grid_table(columns, [header_cells(columns)], rows, extra_style=extra, zebra=False)


# --------------------------------------------------------------------------
# certificate


def _double_border(canvas, doc) -> None:  # noqa: ANN001 - reportlab callback
    w, h = doc.pagesize
    canvas.saveState()
    canvas.setStrokeColor(TITLE_RED)
    canvas.setLineWidth(2)
    canvas.rect(7 * mm, 12 * mm, w - 14 * mm, h - 19 * mm)
    canvas.setLineWidth(0.6)
    canvas.rect(9 * mm, 14 * mm, w - 18 * mm, h - 23 * mm)
    canvas.restoreState()


def write_certificate(path: str | os.PathLike, data: Certificate, lang: str | None = None) -> int:
    """Write the certificate (Giấy chứng nhận hộ nghèo / hộ cận nghèo) of one household.

    ``data.category`` must be ``poor`` or ``near_poor`` (ValueError otherwise).
    """
    if data.category not in ("poor", "near_poor"):
        raise ValueError(f"a certificate is issued to poor or near-poor households, not {data.category!r}")
    lang = resolve_lang(lang)
    st = styles()
    width = frame_width(PORTRAIT)
    commune = in_sentence(data.commune.name)
    title = t(f"report.cert.title.{data.category}", lang)
    big = st.title.clone("cert_title", fontSize=18, leading=24, textColor=TITLE_RED, spaceBefore=14)
    name_style = st.body.clone("cert_name", fontSize=10.5, leading=18)
    story: list = [
        official_header(data.commune, lang, width, number=data.number),
        para(title, big),
        para(t("report.cert.valid", lang, start=fmt_date(data.valid_from), end=fmt_date(data.valid_to)), st.center),
        Spacer(1, 6 * mm),
        para(t("report.cert.intro", lang, commune=nfc(data.commune.name).upper()), st.body_bold),
        Spacer(1, 2 * mm),
        Paragraph(f"{markup(t('report.cert.head', lang))}: "
                  f"<font name='{SANS_BOLD}' size=13>{markup(data.head_name)}</font>", name_style),
        _info_grid([(t("report.col.birth_year", lang), birth_year(data.head_birth)),
                    (t("report.col.id_number", lang), data.head_id_number)], width),
        label_value(t("report.cert.residence", lang),
                    _residence(data.address, data.village, commune, data.commune.province)),
        Spacer(1, 2 * mm),
        para(t(f"report.cert.is.{data.category}", lang, standard=nfc(data.standard_period)), st.body_bold),
    ]
    if data.decision_number:
        story.append(para(t("report.cert.decision", lang, number=nfc(data.decision_number),
                            date=fmt_date(data.decision_date) or "…", commune=commune), st.body))
    story += [Spacer(1, 3 * mm), para(t("report.cert.members", lang, count=len(data.members)), st.body_bold),
              _members_table(data.members, lang, width, full=False), Spacer(1, 6 * mm)]
    story.append(KeepTogether(signature_block(
        [("", "", None), (t("report.role.commune_chair", lang), t("report.stamp_hint", lang), data.signer)],
        width, place_date(data.commune, lang, data.issued_on), space=26 * mm)))
    footer = printed_footer(t("report.cert.footer", lang, head=nfc(data.head_name)), lang)
    return build_pdf(path, story, title=title, footer=footer, lang=lang, on_page=_double_border)


# --------------------------------------------------------------------------
# support ledger


def write_support_ledger(path: str | os.PathLike, data: SupportLedger, lang: str | None = None) -> int:
    """Write a household's support ledger: programme, date, amount in VND
    ("1.500.000"), quantity and unit, funding source, note and who recorded it,
    oldest first, with the total amount."""
    lang = resolve_lang(lang)
    st = styles()
    width = frame_width(LANDSCAPE)
    col = lambda key: t(f"report.col.{key}", lang)  # noqa: E731
    with_member = any(e.member_name for e in data.entries)
    spec = [Column(col("no"), 8, "CENTER"), Column(col("date"), 18, "CENTER"), Column(col("programme"), 52)]
    if with_member:
        spec.append(Column(col("recipient"), 32))
    spec += [Column(col("amount"), 24, "RIGHT"), Column(col("quantity"), 15, "RIGHT"), Column(col("unit"), 15),
             Column(col("source"), 34), Column(col("note"), 44), Column(col("recorded_by"), 24)]
    columns = scale_columns(spec, width)
    cell = CellMaker(columns)
    entries = sorted(data.entries, key=lambda e: e.date)
    rows = []
    for i, e in enumerate(entries, 1):
        row = [str(i), fmt_date(e.date), cell(2, label("report.programme", e.programme, lang))]
        if with_member:
            row.append(cell(3, e.member_name or ""))
        k = len(row)
        row += [fmt_vnd(e.amount_vnd), fmt_number(e.quantity), cell(k + 2, e.unit or ""),
                cell(k + 3, label("report.source", e.funding_source, lang)), cell(k + 4, e.note or ""),
                cell(k + 5, e.recorded_by or "")]
        rows.append(row)
    amount_col = 4 if with_member else 3
    total = [""] * len(columns)
    total[0] = t("report.ledger.total", lang)
    total[amount_col] = fmt_vnd(sum(e.amount_vnd or 0 for e in entries))
    rows.append(total)
    last = len(rows)
    extra = [("SPAN", (0, last), (amount_col - 1, last)), ("FONT", (0, last), (-1, last), CONDENSED_BOLD, 8.5, 10.2),
             ("ALIGN", (0, last), (0, last), "RIGHT"), ("BACKGROUND", (0, last), (-1, last), HEAD_BG)]
    category = t(f"category.{data.category}", lang) if data.category else ""
    story: list = [
        official_header(data.commune, lang, width),
        para(t("report.ledger.title", lang), st.title),
        _info_grid([(t("report.label.head", lang), data.head_name),
                    (t("report.label.household_code", lang), data.household_code),
                    (t("report.label.category", lang), category),
                    (t("report.label.village", lang), data.village),
                    (t("report.label.address", lang), data.address),
                    (t("report.label.commune", lang), data.commune.name)], width, per_row=3),
        Spacer(1, 3 * mm),
        grid_table(columns, [header_cells(columns)], rows, extra_style=extra),
    ]
    if not entries:
        story.append(para(t("report.ledger.empty", lang), st.body))
    footer = printed_footer(t("report.ledger.footer", lang, head=nfc(data.head_name)), lang)
    return build_pdf(path, story, title=t("report.ledger.title", lang), footer=footer, lang=lang,
                     pagesize=LANDSCAPE)


# --------------------------------------------------------------------------
# key registration sheet


def write_key_sheet(path: str | os.PathLike, data: KeySheet, lang: str | None = None) -> int:
    """Write the key registration sheet: commune and receiving office, each key's
    fingerprint in groups of four characters, and boxes for the officer's and the
    chairman's signatures and stamp and for the receiving office's confirmation."""
    lang = resolve_lang(lang)
    st = styles()
    width = frame_width(PORTRAIT)
    office = nfc(data.district_office)
    story: list = [
        official_header(data.commune, lang, width),
        para(t("report.keys.title", lang), st.title),
        Spacer(1, 2 * mm),
        para(t("report.keys.intro", lang, office=office), st.body),
        Spacer(1, 2 * mm),
        _info_grid([(t("report.label.commune", lang), data.commune.name),
                    (t("report.label.commune_code", lang), data.commune.code),
                    (t("report.label.province", lang), data.commune.province),
                    (t("report.label.district_office", lang), data.district or office),
                    (t("report.keys.device", lang), data.device)], width),
        Spacer(1, 3 * mm),
    ]
    fp_style = st.mono.clone("fingerprint", fontSize=12.5, leading=18, alignment=1)
    for key in data.keys:
        fingerprint = "<br/>".join(markup(line) for line in group_fingerprint(key.fingerprint).split("\n"))
        box = Table([
            [label_value(t("report.keys.key", lang), key.label),
             label_value(t("report.keys.algorithm", lang), key.algorithm or "…"),
             label_value(t("report.keys.created", lang), fmt_date(key.created) or "…")],
            [para(t("report.keys.fingerprint", lang) + ":", st.body_bold), "", ""],
            [Paragraph(fingerprint, fp_style), "", ""],
        ], colWidths=[width * 0.5, width * 0.25, width * 0.25])
        box.setStyle(TableStyle([BASE_FONT, ("BOX", (0, 0), (-1, -1), 1, GRID), ("SPAN", (0, 1), (-1, 1)),
                                 ("SPAN", (0, 2), (-1, 2)), ("BACKGROUND", (0, 0), (-1, 0), HEAD_BG),
                                 ("LINEBELOW", (0, 0), (-1, 0), 0.4, GRID), ("ALIGN", (0, 2), (-1, 2), "CENTER"),
                                 ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("BOTTOMPADDING", (0, 2), (-1, 2), 8)]))
        story += [KeepTogether(box), Spacer(1, 4 * mm)]
    story.append(KeepTogether([para(place_date(data.commune, lang, data.signed_on), st.center.clone(
        "date_right", alignment=2)), Spacer(1, 2 * mm), _signature_boxes(data, lang, width)]))
    footer = printed_footer(t("report.keys.footer", lang, commune=nfc(data.commune.name)), lang)
    return build_pdf(path, story, title=t("report.keys.title", lang), footer=footer, lang=lang)


def _signature_boxes(data: KeySheet, lang: str, width: float) -> Table:
    """Three boxes (officer, chairman with stamp, receiving office) with the names aligned."""
    st = styles()
    office = nfc(data.district_office).upper()
    roles = [[para(t("report.role.officer", lang), st.center_bold), para(t("report.sign_hint", lang), st.hint)],
             [para(t("report.role.commune_chair", lang), st.center_bold), para(t("report.stamp_hint", lang), st.hint)],
             [para(t("report.role.receiver", lang, office=office), st.center_bold),
              para(t("report.stamp_hint", lang), st.hint)]]
    names = [para(data.officer or "", st.center_bold), para(data.chairman or "", st.center_bold), ""]
    received = ["", "", para(t("report.keys.received", lang), st.small.clone("recv", alignment=1))]
    tbl = Table([roles, [""] * 3, names, received], colWidths=[width / 3] * 3,
                rowHeights=[None, 32 * mm, None, 9 * mm])
    style = [BASE_FONT, ("VALIGN", (0, 0), (-1, -1), "TOP"), ("TOPPADDING", (0, 0), (-1, 0), 6)]
    style += [("BOX", (c, 0), (c, -1), 0.8, GRID) for c in range(3)]
    tbl.setStyle(TableStyle(style))
    return tbl
