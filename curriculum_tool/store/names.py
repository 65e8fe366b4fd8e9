"""What the workspace's tables and the columns that refer across them are called in a
sentence: the English keeps the table's own name (``modules``, as the contract's files and
the command line name it), the Indonesian says what it holds (``modul``).

Messages about a table (an import's summary, a reference left dangling) take these names
as parameters, so each renders in its language:

>>> name = table_name("job_standards")
>>> str(name), name.indonesian
('job_standards', 'standar jabatan')
>>> table_name("no_such_table")
'no_such_table'
"""

from __future__ import annotations

from ..messages import Catalogue

__all__ = ["NAMES", "column_name", "table_name", "target_name"]

#: ``<table>``: a table (a contract kind, or one of its list tables); ``in:<kind>``: the
#: kind a reference must name a record of; ``column:<name>``: a referring column.
NAMES = Catalogue(
    "store.names",
    {
        "competencies": ("competencies", "kompetensi"),
        "regions": ("regions", "wilayah"),
        "region_hazards": ("region_hazards", "bahaya wilayah"),
        "modules": ("modules", "modul"),
        "module_competencies": ("module_competencies", "kompetensi modul"),
        "module_hazards": ("module_hazards", "bahaya modul"),
        "prerequisites": ("prerequisites", "prasyarat"),
        "regional_standards": ("regional_standards", "standar wilayah"),
        "job_standards": ("job_standards", "standar jabatan"),
        "learners": ("learners", "peserta"),
        "learner_competencies": ("learner_competencies", "kompetensi peserta"),
        "learner_completed": ("learner_completed", "modul yang diselesaikan peserta"),
        "outcomes": ("outcomes", "hasil pelatihan"),
        "obligations": ("obligations", "program wajib"),
        "paths": ("paths", "jalur belajar"),
        "people": ("people", "pengguna"),
        "models": ("models", "model"),
        "path_steps": ("path_steps", "langkah jalur belajar"),
        "path_exclusions": ("path_exclusions", "modul di luar jalur belajar"),
        "path_archive": ("path_archive", "versi jalur belajar terdahulu"),
        "releases": ("releases", "rilis katalog"),
        "in:competencies": ("competencies", "kamus kompetensi"),
        "in:regions": ("regions", "daftar wilayah"),
        "in:modules": ("modules", "katalog modul"),
        "in:job_standards": ("job_standards", "standar jabatan"),
        "in:learners": ("learners", "daftar peserta"),
        "column:parent": ("parent", "wilayah induk"),
        "column:scope": ("scope", "wilayah cakupan"),
        "column:competency": ("competency", "kompetensi"),
        "column:module": ("module", "modul"),
        "column:requires": ("requires", "modul prasyarat"),
        "column:region": ("region", "wilayah"),
        "column:position": ("position", "jabatan"),
        "column:supervisor": ("supervisor", "atasan"),
        "column:learner": ("learner", "peserta"),
    },
)


def _named(kind: str, fallback: str) -> str:
    return NAMES(kind) if kind in NAMES.templates else fallback


def table_name(table: str) -> str:
    """A table (or contract kind) as a sentence names it: a message, or ``table`` as it is
    when it has no name here."""
    return _named(table, table)


def target_name(kind: str) -> str:
    """The kind a reference must find its record in (``katalog modul`` for ``modules``)."""
    return _named(f"in:{kind}", kind)


def column_name(column: str) -> str:
    """A referring column (``parent``, ``module``…) as a sentence names it."""
    return _named(f"column:{column}", column)
