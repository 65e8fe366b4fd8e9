"""Every word of a learner's path document, by language, and how it writes dates and
numbers: ``6 Desember 2026``, ``7,5`` (Indonesian, the default) or ``6 December 2026``,
``7.5`` (English). Plain data and functions, no Qt."""

from __future__ import annotations

import datetime as dt

from ..errors import CurriculumError
from ..messages import Catalogue

__all__ = [
    "LABELS",
    "MONTHS",
    "check_language",
    "created_day",
    "date_text",
    "moment_text",
    "number_text",
]

SAID = Catalogue(
    "report.path_labels",
    {
        "unknown_language": (
            "unknown language '{lang}': use id or en",
            "bahasa '{lang}' tidak dikenal: gunakan id atau en",
        ),
    },
)

#: Every heading and label of the document, by language.
LABELS: dict[str, dict[str, str]] = {
    "id": {
        "title": "Rencana Pengembangan Kompetensi",
        "subtitle": "Jalur belajar individual Aparatur Sipil Negara",
        "proposed": "Diusulkan, belum disetujui",
        "approved": "Disetujui oleh {by} pada {date}",
        "name": "Nama",
        "nip": "NIP",
        "learner_id": "Identitas",
        "masked": "disamarkan",
        "position": "Jabatan",
        "unit": "Unit kerja",
        "region": "Wilayah",
        "supervisor": "Atasan langsung",
        "model": "Model peluang berhasil",
        "plan_year": "Tahun rencana",
        "plan_version": "{year} (versi {version})",
        "catalog": "Katalog",
        "catalog_release": "rilis {release}",
        "catalog_unreleased": "belum dirilis · sha256 {sha}",
        "created": "Disusun",
        "total": "Total JP",
        "total_text": "{total} JP dari anggaran {max} JP ({hours} jam); minimum {min} JP "
        "per tahun (PP 11/2017)",
        "meets": "memenuhi minimum",
        "below": "di bawah minimum",
        "value": "Nilai harapan",
        "value_text": "{value} (jumlah kesenjangan kompetensi yang diperkirakan tertutup)",
        "gaps": "Kesenjangan kompetensi",
        "gaps_intro": "Target: standar kompetensi jabatan dan standar wilayah (yang tertinggi). "
        "Kolom \u201cSetelah rencana\u201d adalah level yang dicapai bila setiap "
        "langkah berhasil diselesaikan.",
        "gaps_from_path": "Hanya kompetensi yang ditangani rencana ini (data pegawai tidak "
        "tersedia).",
        "no_gaps": "Tidak ada kesenjangan: level peserta sudah memenuhi target.",
        "competency": "Kompetensi",
        "code": "Kode",
        "level_now": "Level sekarang",
        "target": "Target",
        "after": "Setelah rencana",
        "gap_status": "Keterangan",
        "closed": "tertutup",
        "narrowed": "menyempit",
        "open": "belum ditangani",
        "period": "Periode {n}",
        "period_total": "Jumlah periode {n}: {jp} JP",
        "no": "No.",
        "module": "Modul",
        "module_title": "Judul",
        "jp": "JP",
        "modality": "Modalitas",
        "p": "Peluang berhasil (P)",
        "step_value": "Nilai",
        "reasons": "Alasan",
        "no_steps": "Tidak ada langkah: tidak ada modul yang dapat diikuti yang menutup "
        "kesenjangan.",
        "obligations": "Program wajib",
        "obligations_intro": "Program wajib berikut belum diikuti peserta. Program wajib "
        "berada di luar anggaran JP tahunan dan tidak dihitung dalam "
        "total JP rencana ini.",
        "regulation": "Dasar hukum",
        "excluded": "Modul yang tidak dipilih",
        "excluded_intro": "Modul yang dapat menutup kesenjangan peserta tetapi tidak masuk "
        "rencana, dikelompokkan menurut alasannya.",
        "excluded_hidden": "{n} modul lain tidak dicantumkan: ditujukan bagi jabatan atau "
        "status lain, atau tidak menutup kesenjangan peserta.",
        "group_count": "{label} ({n} modul)",
        "reason": "Alasan",
        "none_excluded": "Tidak ada.",
        "budget_common": "Tidak dipilih: bersama prasyaratnya yang belum diikuti, modul ini "
        "melebihi sisa anggaran ({left} JP dari {max_jp} JP) setelah langkah "
        "terpilih.",
        "jp_with_prerequisites": "JP (dengan prasyarat)",
        "replaced": "diganti {module} ({modality}) yang ada dalam rencana ini: {weak} di "
        "{region} kurang andal untuk pembelajaran daring",
        "alternative": "pembelajaran daring kurang andal dengan {weak} di {region}; "
        "alternatif luring: {module} ({modality}) mengajarkan hal yang sama, "
        "tetapi tidak termasuk dalam rencana ini",
        "instead_in_path": "; {module} ({modality}) dalam rencana ini mengajarkan {teaches} "
        "sebagai gantinya",
        "instead_elsewhere": "; alternatif: {module} ({modality}) mengajarkan {teaches}",
        "weak_none": "tanpa internet",
        "weak": "konektivitas {level}",
        "signatures": "Persetujuan",
        "sign_learner": "Peserta",
        "sign_supervisor": "Atasan Langsung",
        "sign_officer": "Pejabat BKD / Pengelola Kepegawaian",
        "agree": "Menyetujui,",
        "know": "Mengetahui,",
        "page": "halaman {page} dari {pages}",
        "legend": "P: peluang peserta menyelesaikan modul dan menerapkannya di tempat kerja "
        "menurut model. Nilai: sumbangan langkah pada penutupan kesenjangan "
        "kompetensi. 1 JP = 45 menit.",
        "footer": "Dibuat dengan curriculum-tool. Setiap langkah dapat dijelaskan: "
        "kesenjangan yang ditutup, prasyarat yang dibuka, alasan modalitas, dan "
        "modul yang tidak dipilih.",
    },
    "en": {
        "title": "Competency Development Plan",
        "subtitle": "Individual learning path of a civil servant (ASN)",
        "proposed": "Proposed, not yet approved",
        "approved": "Approved by {by} on {date}",
        "name": "Name",
        "nip": "NIP",
        "learner_id": "Identifier",
        "masked": "masked",
        "position": "Position (jabatan)",
        "unit": "Work unit",
        "region": "Region",
        "supervisor": "Direct supervisor",
        "model": "Success model",
        "plan_year": "Plan year",
        "plan_version": "{year} (version {version})",
        "catalog": "Catalog",
        "catalog_release": "release {release}",
        "catalog_unreleased": "not released · sha256 {sha}",
        "created": "Prepared",
        "total": "Total JP",
        "total_text": "{total} JP of a {max} JP budget ({hours} hours); yearly minimum "
        "{min} JP (PP 11/2017)",
        "meets": "meets the minimum",
        "below": "below the minimum",
        "value": "Expected value",
        "value_text": "{value} (competency gap levels expected to close)",
        "gaps": "Competency gaps",
        "gaps_intro": "Target: the higher of the position's job standard and the regional "
        "standards. \u201cAfter the plan\u201d is the level reached if every "
        "step is completed successfully.",
        "gaps_from_path": "Only the competencies this plan works on (no learner records "
        "available).",
        "no_gaps": "No gap: the learner's levels meet the targets.",
        "competency": "Competency",
        "code": "Code",
        "level_now": "Level now",
        "target": "Target",
        "after": "After the plan",
        "gap_status": "Note",
        "closed": "closed",
        "narrowed": "narrowed",
        "open": "not addressed",
        "period": "Period {n}",
        "period_total": "Total of period {n}: {jp} JP",
        "no": "No.",
        "module": "Module",
        "module_title": "Title",
        "jp": "JP",
        "modality": "Modality",
        "p": "Chance of success (P)",
        "step_value": "Value",
        "reasons": "Reasons",
        "no_steps": "No step: no takeable module closes a gap.",
        "obligations": "Compulsory programmes",
        "obligations_intro": "The learner has not yet completed these compulsory programmes. "
        "They are outside the yearly JP budget and not counted in this "
        "plan's total JP.",
        "regulation": "Regulation",
        "excluded": "Modules not chosen",
        "excluded_intro": "Modules that would close one of the learner's gaps but are not "
        "in the plan, grouped by why.",
        "excluded_hidden": "{n} other modules are not listed: meant for another position or "
        "status, or closing none of the learner's gaps.",
        "group_count": "{label} ({n} modules)",
        "reason": "Reason",
        "none_excluded": "None.",
        "budget_common": "Not selected: with the prerequisites not yet taken, each module "
        "exceeds what is left of the budget ({left} JP of {max_jp} JP) after "
        "the chosen steps.",
        "jp_with_prerequisites": "JP (with prerequisites)",
        "replaced": "replaced by {module} ({modality}), which is in this plan: {weak} in "
        "{region} is too unreliable for online learning",
        "alternative": "online learning is unreliable with {weak} in {region}; offline "
        "alternative: {module} ({modality}) teaches the same, but is not in "
        "this plan",
        "instead_in_path": "; {module} ({modality}), in this plan, teaches {teaches} instead",
        "instead_elsewhere": "; alternative: {module} ({modality}) teaches {teaches}",
        "weak_none": "no internet",
        "weak": "{level} connectivity",
        "signatures": "Approval",
        "sign_learner": "Learner",
        "sign_supervisor": "Direct supervisor",
        "sign_officer": "BKD officer / Personnel administrator",
        "agree": "Approved,",
        "know": "Acknowledged,",
        "page": "page {page} of {pages}",
        "legend": "P: the model's chance that the learner completes the module and applies "
        "it at work. Value: the step's share in closing the competency gaps. "
        "1 JP = 45 minutes.",
        "footer": "Made with curriculum-tool. Every step is explained: the gap it closes, "
        "the prerequisite it unlocks, why this modality, and what was left out.",
    },
}


#: The months, by language.
MONTHS: dict[str, tuple[str, ...]] = {
    "id": (
        "Januari",
        "Februari",
        "Maret",
        "April",
        "Mei",
        "Juni",
        "Juli",
        "Agustus",
        "September",
        "Oktober",
        "November",
        "Desember",
    ),
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
}


def check_language(lang: str) -> str:
    """``lang`` when the document can be written in it (``id`` or ``en``)."""
    if lang not in LABELS:
        raise CurriculumError(SAID("unknown_language", lang=lang))
    return lang


def date_text(day: dt.date, lang: str = "id") -> str:
    """A date written out: ``6 Desember 2026`` (``6 December 2026`` in English).

    >>> date_text(dt.date(2026, 12, 6))
    '6 Desember 2026'
    """
    return f"{day.day} {MONTHS['en' if lang == 'en' else 'id'][day.month - 1]} {day.year}"


def created_day(created: str) -> dt.date | None:
    """The local calendar day of an ISO timestamp (``2026-12-06T03:04:05+00:00``)."""
    try:
        moment = dt.datetime.fromisoformat(created)
    except ValueError:
        return None
    return (moment.astimezone() if moment.tzinfo else moment).date()


def moment_text(at: str, lang: str = "id") -> str:
    """An ISO time (UTC, as stored) as a local date and time: ``6 Desember 2026 17.20``
    (``6 December 2026 17:20`` in English); the text itself when it is no time.

    >>> moment_text("not a time")
    'not a time'
    """
    try:
        moment = dt.datetime.fromisoformat(at)
    except ValueError:
        return at
    local = moment.astimezone() if moment.tzinfo else moment
    clock = f"{local:%H:%M}" if lang == "en" else f"{local:%H.%M}"
    return f"{date_text(local.date(), lang)} {clock}"


def number_text(value: float, digits: int, lang: str) -> str:
    """``value`` with ``digits`` decimals, a decimal comma in Indonesian."""
    text = f"{value:.{digits}f}"
    return text.replace(".", ",") if lang == "id" else text
