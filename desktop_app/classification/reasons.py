"""Sentences a villager understands: why an indicator is deprived, what is
missing, and warnings. Vietnamese and English from the core catalogue."""

from __future__ import annotations

from desktop_app.classification.indicators import Fact, Outcome
from desktop_app.domain.labels import field_label, value_label
from desktop_app.domain.record import Household
from desktop_app.i18n import t
from desktop_app.messages import register

register({
    "reason.member": {"vi": "{name}, {age} tuổi, {fact}", "en": "{name}, {age} years old, {fact}"},
    "reason.member_no_age": {"vi": "{name}, {fact}", "en": "{name}, {fact}"},
    "fact.employment.unemployed": {"vi": "thất nghiệp", "en": "unemployed"},
    "fact.employment.wage_without_contract": {
        "vi": "làm công không có hợp đồng lao động", "en": "works for wages without a labour contract"},
    "fact.nutrition.stunted": {"vi": "suy dinh dưỡng thấp còi", "en": "stunted"},
    "fact.nutrition.underweight": {"vi": "suy dinh dưỡng nhẹ cân", "en": "underweight"},
    "fact.health_insurance.none": {"vi": "không có thẻ bảo hiểm y tế", "en": "has no health insurance"},
    "fact.adult_education": {
        "vi": "không đi học, trình độ: {education}", "en": "not studying, education: {education}"},
    "fact.child_schooling": {"vi": "không đi học đúng bậc học", "en": "not attending school at their level"},
    "fact.dependents.share": {
        "vi": "{dependants}/{members} thành viên là người phụ thuộc (trên 50%)",
        "en": "{dependants} of {members} members are dependants (more than 50 %)"},
    "fact.dependents.child": {"vi": "dưới 16 tuổi", "en": "under 16"},
    "fact.dependents.past_working_age": {"vi": "quá tuổi lao động", "en": "past working age"},
    "fact.dependents.unable": {"vi": "không có khả năng lao động", "en": "unable to work"},
    "fact.dependents.student": {
        "vi": "đang đi học, không tham gia lao động", "en": "a student not in the labour force"},
    "fact.housing.none": {"vi": "Hộ không có nhà ở", "en": "The household has no house"},
    "fact.housing.non_durable": {
        "vi": "Nhà có {parts} làm bằng vật liệu không bền chắc",
        "en": "The house has {parts} of non-durable materials"},
    "part.walls": {"vi": "tường", "en": "walls"},
    "part.columns": {"vi": "cột", "en": "columns"},
    "part.roof": {"vi": "mái", "en": "roof"},
    "word.and": {"vi": "và", "en": "and"},
    "fact.housing.area": {
        "vi": "Diện tích nhà {area} m² cho {members} người: {per} m²/người (dưới {min} m²)",
        "en": "Floor area {area} m² for {members} people: {per} m² per person (under {min} m²)"},
    "fact.water": {"vi": "Nguồn nước sinh hoạt chính: {value} (không hợp vệ sinh)",
                   "en": "Main drinking water: {value} (not hygienic)"},
    "fact.latrine": {"vi": "Nhà tiêu: {value} (không hợp vệ sinh)", "en": "Latrine: {value} (not hygienic)"},
    "fact.telecom.none": {"vi": "Không thành viên nào sử dụng internet", "en": "No member uses the internet"},
    "fact.info.none": {
        "vi": "Không có ti vi, radio, máy tính, điện thoại thông minh hay máy tính bảng và không nghe được "
              "loa truyền thanh",
        "en": "No television, radio, computer, smartphone or tablet, and cannot hear the loudspeakers"},
    "unknown.needs": {"vi": "Cần hỏi thêm: {items}", "en": "Still to ask: {items}"},
    "missing.member_field": {"vi": "{field} của {name}", "en": "{field} of {name}"},
    "missing.survey": {"vi": "phiếu rà soát (Phiếu B) của hộ", "en": "the household's survey form (Phiếu B)"},
    "warning.quick_screen_stop": {
        "vi": "Hộ có dấu hiệu không nghèo theo Phiếu A (nhận dạng nhanh): dừng rà soát, không điền Phiếu B.",
        "en": "The household shows signs of not being poor on the quick screen (Phiếu A): the review stops "
              "here, Phiếu B is not filled in."},
    "warning.quick_screen_signs": {"vi": "Dấu hiệu: {items}", "en": "Signs: {items}"},
    "warning.no_survey": {
        "vi": "Hộ chưa có phiếu rà soát trong đợt này: hãy nhập Phiếu B.",
        "en": "The household has no survey in this round: enter its Phiếu B."},
    "warning.score_income_conflict_below": {
        "vi": "Điểm A ({score}) không vượt ngưỡng {cutoff} nhưng thu nhập {income} đồng cao hơn chuẩn {line} "
              "đồng: theo quy định, điểm A quyết định. Hãy kiểm tra lại phiếu.",
        "en": "Score A ({score}) is at or below the cut-off {cutoff} but income {income} VND is above the line "
              "{line} VND: the score decides, as the method requires. Check the form."},
    "warning.score_income_conflict_above": {
        "vi": "Điểm A ({score}) vượt ngưỡng {cutoff} nhưng thu nhập {income} đồng không cao hơn chuẩn {line} "
              "đồng: theo quy định, điểm A quyết định. Hãy kiểm tra lại phiếu.",
        "en": "Score A ({score}) is above the cut-off {cutoff} but income {income} VND is at or below the line "
              "{line} VND: the score decides, as the method requires. Check the form."},
    "warning.no_cutoff": {
        "vi": "Chuẩn {standard} chưa có ngưỡng điểm A: cần thu nhập bình quân để xác định.",
        "en": "Standard {standard} has no score A cut-off yet: the income per person is needed to decide."},
    "warning.no_middle_band": {
        "vi": "Chuẩn {standard} chưa có chuẩn hộ có mức sống trung bình: hộ được ghi là không nghèo.",
        "en": "Standard {standard} has no middle-living-standard band yet: the household is shown as not poor."},
})


def fmt_number(x: float | int, lang: str) -> str:
    """1500000 -> "1.500.000" (vi) / "1,500,000" (en); 6.5 -> "6,5" / "6.5"."""
    if isinstance(x, float) and not x.is_integer():
        text = f"{x:,.1f}"
    else:
        text = f"{int(x):,}"
    if lang == "vi":
        text = text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    return text


def _join(items: list[str], lang: str) -> str:
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {t('word.and', lang)} {items[-1]}"


def _member_fact(household: Household, fact: Fact, text: str, lang: str) -> str:
    m = household.members[fact.member]
    age = fact.params.get("age")
    if age is None:
        return t("reason.member_no_age", lang, name=m.full_name, fact=text)
    return t("reason.member", lang, name=m.full_name, age=age, fact=text)


def _fact_text(household: Household, fact: Fact, lang: str) -> str:
    code, p = fact.code, fact.params
    if code == "adult_education":
        text = t("fact.adult_education", lang, education=value_label("education", p.get("education"), lang))
    elif code.startswith("dependents.") and code != "dependents.share":
        text = t(f"fact.{code}", lang)
        return t("reason.member_no_age", lang, name=household.members[fact.member].full_name, fact=text)
    elif code == "housing.non_durable":
        return t("fact.housing.non_durable", lang, parts=_join([t(f"part.{x}", lang) for x in p["parts"]], lang))
    elif code == "housing.area":
        return t("fact.housing.area", lang, area=fmt_number(p["area"], lang), members=p["members"],
                 per=fmt_number(round(p["per"], 1), lang), min=fmt_number(p["min"], lang))
    elif code in ("water", "latrine"):
        group = "water_source" if code == "water" else "latrine"
        return t(f"fact.{code}", lang, value=value_label(group, p["value"], lang))
    elif code == "dependents.share":
        return t("fact.dependents.share", lang, **p)
    else:
        text = t(f"fact.{code}", lang)
    if fact.member is None:
        return text
    return _member_fact(household, fact, text, lang)


def reason(key: str, outcome: Outcome, household: Household, lang: str) -> str:
    """One sentence for a deprived indicator, naming members and facts."""
    facts = outcome.facts
    if key == "dependents" and facts:
        head = _fact_text(household, facts[0], lang)
        rest = [_fact_text(household, f, lang) for f in facts[1:]]
        return f"{head}: {'; '.join(rest)}" if rest else head
    return "; ".join(_fact_text(household, f, lang) for f in facts)


def missing_text(path: str, household: Household, lang: str) -> str:
    """A readable label of a missing answer path such as ``members[2].birth_date``."""
    if path == "survey":
        return t("missing.survey", lang)
    if path.startswith("members["):
        index = int(path[len("members["):path.index("]")])
        name = household.members[index].full_name
        return t("missing.member_field", lang, field=field_label(path.rsplit(".", 1)[1], lang), name=name)
    return field_label(path.rsplit(".", 1)[-1], lang)


def unknown_reason(outcome: Outcome, household: Household, lang: str) -> str:
    items = [missing_text(p, household, lang) for p in dict.fromkeys(outcome.missing)]
    return t("unknown.needs", lang, items=", ".join(items))


def score_income_conflict(score: int | None, cutoff: int, income: float, line: int, below: bool,
                          lang: str) -> str:
    key = "warning.score_income_conflict_below" if below else "warning.score_income_conflict_above"
    return t(key, lang, score="?" if score is None else score, cutoff=cutoff,
             income=fmt_number(income, lang), line=fmt_number(line, lang))


def no_cutoff(standard_id: str, lang: str) -> str:
    return t("warning.no_cutoff", lang, standard=standard_id)


def no_middle_band(standard_id: str, lang: str) -> str:
    return t("warning.no_middle_band", lang, standard=standard_id)


def no_survey(lang: str) -> str:
    return t("warning.no_survey", lang)


def quick_screen_stop(lang: str) -> str:
    return t("warning.quick_screen_stop", lang)


def quick_screen_signs(texts: list[str], lang: str) -> str:
    return t("warning.quick_screen_signs", lang, items="; ".join(texts))
