"""Why a workspace cannot be opened, created or written, in English and Indonesian.

The messages of :mod:`.workspace` (kept apart so that module stays short). ``{reason}`` is
the database's own first line (SQLite's or PostgreSQL's words, as the driver gives them).
"""

from __future__ import annotations

from ..messages import Catalogue

__all__ = ["SAID"]

SAID = Catalogue(
    "store.workspace",
    {
        "bad_url": (
            "cannot use database URL '{url}': {reason}",
            "URL basis data '{url}' tidak dapat digunakan: {reason}",
        ),
        "unsupported_database": (
            "unsupported database '{name}': use a SQLite file or PostgreSQL",
            "basis data '{name}' tidak didukung: gunakan berkas SQLite atau PostgreSQL",
        ),
        "missing": (
            "no workspace at '{target}': create one with 'init {target}'",
            "tidak ada ruang kerja di '{target}': buat dengan 'init {target}'",
        ),
        "no_access": (
            "this login may not read '{label}'; ask the workspace's admin to add you "
            "(users W add LOGIN --role ROLE)",
            "login ini tidak berhak membaca '{label}'; minta admin ruang kerja menambahkan "
            "Anda (users W add LOGIN --role PERAN)",
        ),
        "cannot_connect": (
            "cannot connect to '{label}': {reason}",
            "tidak dapat tersambung ke '{label}': {reason}",
        ),
        "foreign_because": (
            "'{label}' is not a curriculum-tool workspace ({reason})",
            "'{label}' bukan ruang kerja curriculum-tool ({reason})",
        ),
        "foreign": (
            "'{label}' is not a curriculum-tool workspace",
            "'{label}' bukan ruang kerja curriculum-tool",
        ),
        "newer_schema": (
            "'{label}' was written by a newer curriculum-tool (schema {version} > {current}); "
            "upgrade the tool",
            "'{label}' ditulis oleh curriculum-tool versi yang lebih baru (skema {version} > "
            "{current}); perbarui aplikasi ini",
        ),
        "exists": (
            "'{target}' already exists; choose another file name",
            "'{target}' sudah ada; pilih nama berkas lain",
        ),
        "holds_workspace": (
            "'{label}' already holds a workspace",
            "'{label}' sudah berisi ruang kerja",
        ),
        "cannot_create": (
            "cannot create '{label}': {reason}",
            "'{label}' tidak dapat dibuat: {reason}",
        ),
        "database_error": (
            "workspace '{label}': {reason}",
            "ruang kerja '{label}': {reason}",
        ),
    },
)
