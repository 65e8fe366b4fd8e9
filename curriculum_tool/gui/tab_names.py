"""The app's tabs by the names ``gui --tab NAME`` takes, in the window's order (no Qt
here: the command line's parser reads it for ``--help``)."""

__all__ = ["TAB_NAMES"]

TAB_NAMES = (
    "katalog",
    "graf",
    "jalur",
    "wilayah",
    "model",
    "data",
    "riwayat",
    "tindak-lanjut",
    "evaluasi",
)
