"""What lint says, in English and in Bahasa Indonesia: each finding's message and fix, the
report's lines and summary.

The English templates write exactly the text ``lint`` has always printed (the command line
and ``lint --format json`` read it); the Indonesian ones are what the app's lint panel
shows. Sentences are put together from nested messages, so a part (who requires a level,
why a prerequisite cannot be completed) is in the same language as the whole.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..domain.labels import label
from ..errors import in_language
from ..messages import Catalogue, Message

__all__ = ["SAID", "joined", "word"]

#: A finding's line in a report: the English pads severity and rule to 8 and 27 columns
#: and indents the fix under the message (37 columns), as ``lint`` always printed it.
_FIX_INDENT_EN = " " * 37
_FIX_INDENT_ID = " " * 39

SAID = Catalogue(
    "graph.lint",
    {
        # -- the report ---------------------------------------------------------------------
        "error": ("error", "galat"),
        "warning": ("warning", "peringatan"),
        "finding": (
            "{severity:<8} {rule:<27} {message}\n" + _FIX_INDENT_EN + "fix: {fix}",
            "{severity:<10} {rule:<27} {message}\n" + _FIX_INDENT_ID + "perbaikan: {fix}",
        ),
        "summary": (
            "{modules} modules, {edges} prerequisite edges: {errors} errors, {warnings} warnings",
            "{modules:,} modul, {edges:,} prasyarat: {errors:,} galat, {warnings:,} peringatan",
        ),
        "chain": (
            "{jp} JP in {steps} step{s} ({modules})",
            "{jp:,} JP dalam {steps:,} langkah ({modules})",
        ),
        "longest_by_jp": (
            "longest prerequisite chain by JP: {chain}",
            "rantai prasyarat wajib terpanjang menurut JP: {chain}",
        ),
        "longest_by_steps": (
            "longest prerequisite chain by steps: {chain}",
            "rantai prasyarat wajib terpanjang menurut jumlah langkah: {chain}",
        ),
        # -- cycle --------------------------------------------------------------------------
        "cycle": ("prerequisite cycle {cycle}", "siklus prasyarat {cycle}"),
        "cycle_fix": (
            "remove one of these edges; no learner can start any module on it",
            "hapus salah satu prasyarat dalam siklus ini; tidak ada peserta yang dapat "
            "memulai modul mana pun di dalamnya",
        ),
        # -- unknown codes ------------------------------------------------------------------
        "unknown_module": (
            "prerequisite {module} → {requires} names unknown module {code}",
            "prasyarat {module} → {requires} menyebut modul {code} yang tidak dikenal",
        ),
        "unknown_module_fix": (
            "add module {code} to the catalog or remove the edge",
            "tambahkan modul {code} ke katalog atau hapus prasyarat ini",
        ),
        "unknown_competency": (
            "{code} teaches unknown competency {competency}",
            "{code} mengajarkan kompetensi {competency} yang tidak dikenal",
        ),
        "unknown_competency_fix": (
            "add {competency} to the competency dictionary or correct {code}",
            "tambahkan {competency} ke kamus kompetensi atau perbaiki {code}",
        ),
        "unknown_region": (
            "{code} is local to unknown region {scope}",
            "{code} adalah modul lokal wilayah {scope} yang tidak dikenal",
        ),
        "unknown_region_fix": (
            "add region {scope} or correct the scope of {code}",
            "tambahkan wilayah {scope} atau perbaiki cakupan {code}",
        ),
        # -- scope --------------------------------------------------------------------------
        "local_required_by_national": (
            "national module {code} requires {requires}, which is local to {scope}: "
            "learners outside {scope} can never take {code}",
            "modul nasional {code} memerlukan {requires}, yang merupakan modul lokal {scope}: "
            "peserta di luar {scope} tidak akan pernah dapat mengikuti {code}",
        ),
        "local_required_by_national_fix": (
            "make {requires} national, make {code} local to {scope}, or remove the edge",
            "jadikan {requires} modul nasional, jadikan {code} modul lokal {scope}, "
            "atau hapus prasyarat ini",
        ),
        "out_of_scope": (
            "{code} (local to {scope}) requires {requires}, which is offered only in {offered}",
            "{code} (modul lokal {scope}) memerlukan {requires}, yang hanya ditawarkan di "
            "{offered}",
        ),
        "out_of_scope_fix": (
            "offer {requires} in {scope} too, or remove the edge",
            "tawarkan {requires} juga di {scope}, atau hapus prasyarat ini",
        ),
        # -- status -------------------------------------------------------------------------
        "unapproved_prerequisite": (
            "approved module {code} requires {requires}, which is {status}: "
            "no learner can start {code}",
            "modul {code} yang sudah disetujui memerlukan {requires}, yang berstatus "
            "{status}: tidak ada peserta yang dapat memulai {code}",
        ),
        "unapproved_prerequisite_fix": (
            "approve {requires}, set {code} back to review, or remove the edge",
            "setujui {requires}, kembalikan {code} ke status ditinjau, atau hapus prasyarat ini",
        ),
        # -- redundancy and orphans ---------------------------------------------------------
        "redundant_edge": (
            "{kind} edge {code} → {requires} is implied by {path}",
            "prasyarat {kind} {code} → {requires} sudah tercakup oleh {path}",
        ),
        "redundant_edge_fix": (
            "remove the edge {code} → {requires}",
            "hapus prasyarat {code} → {requires}",
        ),
        "hard": ("hard", "wajib"),
        "soft": ("soft", "anjuran"),
        "orphan": (
            "{code} teaches no competency and has no prerequisite edge",
            "{code} tidak mengajarkan kompetensi apa pun dan tidak terhubung dengan "
            "prasyarat mana pun",
        ),
        "orphan_fix": (
            "give {code} the competencies it raises, or retire it",
            "tetapkan kompetensi yang ditingkatkan oleh {code}, atau tarik modul ini dari katalog",
        ),
        # -- untaught levels ----------------------------------------------------------------
        "untaught_level": (
            "no approved module teaches {competency} to level {level}, required by "
            "{needed_by}; {taught}",
            "tidak ada modul disetujui yang mengajarkan {competency} sampai level {level}, "
            "yang diwajibkan untuk {needed_by}; {taught}",
        ),
        "untaught_level_fix": (
            "add or approve a module that teaches {competency}:{level}",
            "tambahkan atau setujui modul yang mengajarkan {competency}:{level}",
        ),
        "position": ("position {position}", "jabatan {position}"),
        "region": ("region {region}", "wilayah {region}"),
        "and_more": ("{shown} and {n} more", "{shown} dan {n} lainnya"),
        "highest_taught": (
            "the highest taught is {top} ({teachers})",
            "level tertinggi yang diajarkan adalah {top} ({teachers})",
        ),
        "taught_nowhere": (
            "no approved module teaches it at all",
            "belum ada satu pun modul disetujui yang mengajarkannya",
        ),
        # -- unreachable modules ------------------------------------------------------------
        "connectivity_not_in_region": (
            "{code} needs {connectivity} connectivity, which its region {scope} does not have",
            "{code} memerlukan konektivitas {connectivity}, yang tidak dimiliki wilayahnya "
            "({scope})",
        ),
        "connectivity_nowhere": (
            "{code} needs {connectivity} connectivity, which no region has",
            "{code} memerlukan konektivitas {connectivity}, yang tidak dimiliki wilayah mana pun",
        ),
        "connectivity_fix": (
            "lower the connectivity {code} needs, or offer it where it can be delivered",
            "turunkan konektivitas yang diperlukan {code}, atau tawarkan modul ini di wilayah "
            "yang dapat menyelenggarakannya",
        ),
        "blocked": (
            "no learner can reach {code}: its prerequisite {blocker} cannot be completed "
            "in any region where {code} is offered",
            "tidak ada peserta yang dapat mencapai {code}: prasyaratnya, {blocker}, tidak "
            "dapat diselesaikan di wilayah mana pun tempat {code} ditawarkan",
        ),
        "blocked_because": (
            "no learner can reach {code}: its prerequisite {blocker} cannot be completed "
            "in any region where {code} is offered ({why})",
            "tidak ada peserta yang dapat mencapai {code}: prasyaratnya, {blocker}, tidak "
            "dapat diselesaikan di wilayah mana pun tempat {code} ditawarkan ({why})",
        ),
        "blocker_needs_connectivity": (
            "{code} needs {connectivity} connectivity",
            "{code} memerlukan konektivitas {connectivity}",
        ),
        "blocker_is_local": ("{code} is local to {scope}", "{code} adalah modul lokal {scope}"),
        "blocked_fix": (
            "offer {blocker} (or an equivalent) where {code} is offered, or drop the edge",
            "tawarkan {blocker} (atau modul yang setara) di wilayah tempat {code} ditawarkan, "
            "atau hapus prasyarat ini",
        ),
        "not_together": (
            "no learner can reach {code}: no region where it is offered can complete all "
            "of its prerequisites {prerequisites} together",
            "tidak ada peserta yang dapat mencapai {code}: tidak ada wilayah tempat modul ini "
            "ditawarkan yang dapat menyelesaikan semua prasyaratnya ({prerequisites}) sekaligus",
        ),
        "not_together_fix": (
            "offer {code}'s prerequisites in a common region, or drop one edge",
            "tawarkan prasyarat {code} di satu wilayah yang sama, atau hapus salah satu "
            "prasyaratnya",
        ),
    },
)


def joined(parts: Iterable[str], separator: str) -> Message:
    """``parts`` (messages, or codes) joined by ``separator``, in each language.

    >>> both = joined([SAID("position", position="p"), SAID("region", region="72")], ", ")
    >>> str(both), both.indonesian
    ('position p, region 72', 'jabatan p, wilayah 72')
    """
    parts = list(parts)
    return Message(
        separator.join(parts),
        separator.join(in_language(part, "id") for part in parts),
        params={"parts": parts, "separator": separator},
    )


def word(vocabulary: str, key: str) -> Message:
    """A vocabulary ``key`` (a status, a connectivity) inside a sentence: the key itself in
    English, as lint has always written it, and its Indonesian word.

    >>> status = word("status", "review")
    >>> str(status), status.indonesian
    ('review', 'ditinjau')
    """
    return Message(key, label(vocabulary, key, "id"), params={"vocabulary": vocabulary})
