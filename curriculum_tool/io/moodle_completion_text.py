"""What reading Moodle's course-completion report says to people, in English and Indonesian.

:data:`SAID` holds the refusals and import notes of :mod:`.moodle_completion`. The file's
own generic problems (not found, empty, too many rows, a short row, a column twice) are
those of the competency-framework reader, :data:`.moodle_text.SAID`. Moodle's Indonesian
interface calls an ID number "nomor ID" and a course short name "nama singkat kursus".
Table file names (``learners.csv``) are parameters, never template text.
"""

from __future__ import annotations

from ..messages import Catalogue

__all__ = ["SAID"]

SAID = Catalogue(
    "io.moodle_completion",
    {
        "not_completion_report": (
            "the last column is '{column}', not Moodle's '{expected}': this is not a "
            "course-completion report (Reports > Course completion > Download in "
            "spreadsheet format)",
            "kolom terakhir adalah '{column}', bukan '{expected}' milik Moodle: berkas ini "
            "bukan laporan penyelesaian kursus (Laporan > Penyelesaian kursus > Unduh dalam "
            "format spreadsheet)",
        ),
        "no_id_number": (
            "the report has no '{column}' column: ask the Moodle administrator to tick "
            "'ID number' in Show user identity (showuseridentity, Site administration > "
            "Users > Permissions > User policies) and download the report again; learners "
            "are matched by their ID number (the NIP), not by Moodle's own '{user_id}' column",
            "laporan tidak memuat kolom '{column}': minta administrator Moodle mencentang "
            "'ID number' (nomor ID) pada Show user identity (showuseridentity, Site "
            "administration > Users > Permissions > User policies) lalu unduh ulang "
            "laporannya; peserta dicocokkan menurut nomor ID (NIP), bukan menurut kolom "
            "'{user_id}' milik Moodle",
        ),
        "no_shortname": (
            "cannot tell the module from the file name '{name}' (Moodle names the report "
            "completion-<course short name>-….csv); give it with --module CODE",
            "modul tidak dapat diketahui dari nama berkas '{name}' (Moodle menamai laporan "
            "ini completion-<nama singkat kursus>-….csv); sebutkan dengan --module KODE",
        ),
        "no_module_for_shortname": (
            "no module of the workspace has a code Moodle would write as '{shortname}' (the "
            "course short name in the file name); give the module with --module CODE",
            "tidak ada modul di ruang kerja yang kodenya ditulis Moodle sebagai "
            "'{shortname}' (nama singkat kursus pada nama berkas); sebutkan modulnya dengan "
            "--module KODE",
        ),
        "ambiguous_shortname": (
            "the course short name '{shortname}' in the file name fits several modules "
            "({modules}); choose one with --module CODE",
            "nama singkat kursus '{shortname}' pada nama berkas cocok dengan beberapa modul "
            "({modules}); pilih salah satu dengan --module KODE",
        ),
        "unknown_module": (
            "module '{module}' (--module) is not in the workspace; add it to {table} first",
            "modul '{module}' (--module) tidak ada di ruang kerja; tambahkan dulu ke {table}",
        ),
        "empty_id_number": (
            "this user completed the course but has no ID number in Moodle; fill in the "
            "user's ID number (the NIP) in Moodle and download the report again",
            "pengguna ini telah menyelesaikan kursus tetapi tidak memiliki nomor ID di Moodle; "
            "isi nomor ID (NIP) pengguna di Moodle lalu unduh ulang laporannya",
        ),
        "unknown_learner": (
            "no learner has the id '{id_number}' (this ID number): the ID number in Moodle "
            "must be the learner's id (the NIP) in {table}; import the learner first or "
            "correct the ID number in Moodle",
            "tidak ada peserta dengan id '{id_number}' (nomor ID ini): nomor ID di Moodle "
            "harus sama dengan id peserta (NIP) di {table}; impor dulu peserta tersebut atau "
            "perbaiki nomor ID di Moodle",
        ),
        "duplicate_id_number": (
            "ID number '{id_number}' appears twice, first at row {first}",
            "nomor ID '{id_number}' muncul dua kali, pertama kali pada baris {first}",
        ),
        "bad_date": (
            "'{value}' is not a completion date as Moodle writes it (day/month/year, "
            "hour:minute, e.g. '9/02/25, 14:30')",
            "'{value}' bukan tanggal penyelesaian seperti yang ditulis Moodle "
            "(hari/bulan/tahun, jam:menit, misalnya '9/02/25, 14:30')",
        ),
        "twelve_hour": (
            "'{value}' has a 12-hour time: the report was downloaded in a language whose "
            "dates may put the month first; download it again with Moodle set to English "
            "(en) or Indonesian (id)",
            "'{value}' memakai format jam 12-jam: laporan diunduh dalam bahasa yang mungkin "
            "menaruh bulan di depan; unduh ulang dengan bahasa Moodle Inggris (en) atau "
            "Indonesia (id)",
        ),
        # -- notes with the import's summary -------------------------------------------
        "skipped": (
            "users who have not completed the course, skipped: {n:,} (no outcome until "
            "their enrolment ends)",
            "pengguna yang belum menyelesaikan kursus, dilewati: {n:,} (belum ada hasil "
            "pelatihan sampai pendaftarannya berakhir)",
        ),
        "module_from_name": (
            "module {module}, from the course short name '{shortname}' in the file name",
            "modul {module}, dari nama singkat kursus '{shortname}' pada nama berkas",
        ),
        "module_given": (
            "module {module}, as given with --module",
            "modul {module}, sesuai --module",
        ),
    },
)
