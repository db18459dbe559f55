"""Data of the printed key registration sheet (the reports module renders it).

The sheet travels on paper (or is read out on the phone) separately from the
public-key file on the USB stick, so that the receiving side can check that
the file it enrols is the one the other side made: it compares the
fingerprints group by group.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass

from desktop_app.i18n import get_language, t
from desktop_app.sync import canonical as cj
from desktop_app.sync.keys import PublicKeyInfo


@dataclass(frozen=True)
class RegistrationSheet:
    """Title, labelled fields (in print order), instructions and signature blocks."""

    title: str
    fields: list[tuple[str, str]]
    instructions: str
    signature_blocks: list[str]

    def lines(self) -> list[str]:
        """Plain-text rendering, one line per item (for the command line and tests)."""
        out = [self.title, ""]
        out += [f"{label}: {value}" for label, value in self.fields]
        out += ["", self.instructions, ""]
        out += self.signature_blocks
        return out


def _date(value: _dt.date, lang: str) -> str:
    return value.strftime("%d/%m/%Y") if lang == "vi" else value.isoformat()


def registration_sheet(info: PublicKeyInfo, *, lang: str | None = None,
                       printed_on: _dt.date | None = None) -> RegistrationSheet:
    """The fields of the registration sheet of ``info`` in ``lang`` (default: current)."""
    lang = lang or get_language()
    created = cj.parse_time(info.created_at).date()
    fields = [
        (t("sheet.role", lang), t(f"sheet.role.{info.role}", lang)),
        (t("sheet.code", lang), info.code),
        (t("sheet.name", lang), info.name),
    ]
    if info.device_id:
        fields.append((t("sheet.device", lang), info.device_id))
    fields.append((t("sheet.key_id", lang), info.key_id))
    fields.append((t("sheet.signing_fp", lang), info.signing_fingerprint))
    if info.encryption_fingerprint:
        fields.append((t("sheet.encryption_fp", lang), info.encryption_fingerprint))
    fields.append((t("sheet.created", lang), _date(created, lang)))
    fields.append((t("sheet.printed", lang), _date(printed_on or _dt.date.today(), lang)))
    return RegistrationSheet(
        title=t("sheet.title", lang),
        fields=fields,
        instructions=t("sheet.instructions", lang),
        signature_blocks=[t("sheet.prepared_by", lang), t("sheet.head", lang)],
    )
