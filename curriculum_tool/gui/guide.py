"""Bantuan → Panduan: a short in-app guide for each of the tool's three users.

Each guide is one page of steps for a day's work (which tab, which button, which
shortcut), written in Indonesian with its English translation in the ``.ts`` file like
every other text of the app.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

__all__ = ["GUIDES", "GuideDialog", "guide_html", "guide_title"]

# The guides, by user: curriculum designer, training officer, regional staff.
GUIDES = ("perancang", "pengelola", "wilayah")


def guide_title(guide: str) -> str:
    """The guide's title, as its menu entry shows it."""
    return {
        "perancang": QCoreApplication.translate("Guide", "Panduan perancang kurikulum"),
        "pengelola": QCoreApplication.translate("Guide", "Panduan pengelola pelatihan"),
        "wilayah": QCoreApplication.translate("Guide", "Panduan staf wilayah"),
    }[guide]


def guide_html(guide: str) -> str:
    """The guide's page: a heading and numbered steps."""
    steps = {
        "perancang": [
            QCoreApplication.translate(
                "Guide",
                "<b>Katalog</b>: pilih Kompetensi atau Modul, ubah sel langsung di tabel; "
                "isian yang salah ditolak dengan alasannya. Ctrl+Z mengurungkan.",
            ),
            QCoreApplication.translate(
                "Guide",
                "<b>Graf Prasyarat</b>: seret dari satu modul ke modul lain untuk menambah "
                "prasyarat. Siklus ditolak dan disebut namanya; temuan lint ada di panel kanan.",
            ),
            QCoreApplication.translate(
                "Guide",
                "Sebelum menyimpan, lihat <b>Dampak</b>: jalur peserta yang tersimpan dan "
                "akan berubah karena suntingan ini.",
            ),
            QCoreApplication.translate(
                "Guide",
                "<b>Berkas → Ekspor</b> (Ctrl+E): kamus ke Moodle atau CASE, graf ke GraphML "
                "untuk Gephi atau yEd.",
            ),
        ],
        "pengelola": [
            QCoreApplication.translate(
                "Guide",
                "<b>Berkas → Impor</b> (Ctrl+I): muat peserta (learners.csv atau XLSX). NIP "
                "dan nama disamarkan di setiap ekspor kecuali Anda memilih sebaliknya.",
            ),
            QCoreApplication.translate(
                "Guide",
                "<b>Peserta &amp; Jalur</b>: cari peserta (Ctrl+F), pilih, dan jalurnya "
                "dihitung: setiap langkah dengan alasan, kesenjangan, dan JP.",
            ),
            QCoreApplication.translate(
                "Guide",
                "Atur anggaran JP, minimum tahunan dan periode; simpan jalur (Ctrl+S) atau "
                "ekspor PDF (Ctrl+P) untuk ditandatangani peserta dan atasan.",
            ),
            QCoreApplication.translate(
                "Guide",
                "<b>Semua peserta → Buat jalur untuk semua peserta</b>: seluruh instansi "
                "sekaligus, dengan kemajuan dan tombol Batal; jalur tersimpan baru diganti "
                "setelah semuanya selesai.",
            ),
        ],
        "wilayah": [
            QCoreApplication.translate(
                "Guide",
                "<b>Wilayah &amp; Modul Lokal</b>: pilih provinsi atau kabupaten/kota; "
                "lihat indeks bahaya dan konektivitasnya.",
            ),
            QCoreApplication.translate(
                "Guide",
                "Tambahkan <b>standar wilayah</b>: tingkat kompetensi yang harus dicapai "
                "setiap ASN di wilayah itu (misalnya kebencanaan di zona gempa).",
            ),
            QCoreApplication.translate(
                "Guide",
                "Tambahkan <b>modul lokal</b> sebagai draf, lalu ajukan untuk ditinjau; "
                "modul baru dipakai dalam jalur setelah disetujui.",
            ),
            QCoreApplication.translate(
                "Guide",
                "Modul dengan bahaya hanya ditawarkan di wilayah yang indeks bahayanya "
                "minimal 0,3, agar latihan tsunami tidak dikirim ke daerah kekeringan.",
            ),
        ],
    }[guide]
    items = "".join(f"<li>{step}</li>" for step in steps)
    return f"<h3>{guide_title(guide)}</h3><ol>{items}</ol>"


class GuideDialog(QDialog):
    """One guide in a small window."""

    def __init__(self, guide: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.guide = guide
        self.setWindowTitle(guide_title(guide))
        self.resize(560, 420)
        layout = QVBoxLayout(self)
        self.text = QTextBrowser(self)
        self.text.setHtml(guide_html(guide))
        layout.addWidget(self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
