"""1EdTech CASE 1.0 JSON: the dictionary, the modules and the prerequisites as a CFPackage.

CASE (Competencies and Academic Standards Exchange) is how standards bodies and LMSs
publish competency frameworks (OpenSALT, state standards); a CFPackage holds one
``CFDocument``, its ``CFItems`` and the typed ``CFAssociations`` between them.

Writing gives one item per region (type ``Wilayah``, so the package imports into an empty
workspace), per competency group used (``Kelompok Kompetensi``), per competency
(``Kompetensi``) and per module (``Modul``); every contract cell of a region or module but
its code and name or title is kept in ``extensions.curriculum_tool``. ``isChildOf`` builds
the tree, ``isRelatedTo`` joins a module to its competencies, ``precedes`` runs from a
prerequisite to the module that requires it, its kind in the extension. Identifiers are
uuid5 of kind and code, the document's of the workspace's identity (never its path), so the
same data always exports to the same file (pass ``changed`` to fix the timestamp too).
``strict`` writes plain CASE 1.0, with no extensions.

Reading turns a package into the same records contract CSV files give, built with
``from_row``, so an import gets identical checks. ``Wilayah`` and ``Modul`` items with our
extension become regions and modules (without it, as a strict package writes them, they are
left out and counted); other
items but groups become competencies, coded by their ``humanCodingScheme`` when it is a valid
code, else ``CASE-`` + the 32 hex digits of their identifier (a prefix is not unique: every
SmartLevel identifier starts with ``00000000``). ``precedes`` between two modules becomes a
prerequisite (``soft`` without our extension: CASE only says "learn before"). ``precedes``
between competencies of a foreign framework has no module to attach to and is skipped,
associations with an end outside the package are ignored: :func:`case_summary` counts
them, and the import's summary says what it left out, by kind.
Problems are located by JSON path (row 0); ``ParsedFile.rows`` are 1-based positions in
``CFItems`` (competencies, modules) or ``CFAssociations`` (prerequisites).

Limits against hostile files, each a problem at ``$``: at most :data:`MAX_JSON_BYTES`
bytes, nesting at most :data:`MAX_DEPTH` deep (checked before parsing: ``json`` recurses
and would raise RecursionError near a thousand levels), whole numbers of at most
:data:`MAX_INT_DIGITS` digits (Python refuses int() past 4,300), and no ``NaN`` or
``Infinity``, which are not JSON.

This module is the public face: the reader is in :mod:`.case_read`, the writer in
:mod:`.case_write`, the limited JSON parser in :mod:`.case_json` and the names both sides
share in :mod:`.case_format`.
"""

from __future__ import annotations

from .case_format import (
    COMPETENCY_TYPE as COMPETENCY_TYPE,
    EXTENSION as EXTENSION,
    GROUP_TYPE as GROUP_TYPE,
    MODULE_FIELDS as MODULE_FIELDS,
    MODULE_TYPE as MODULE_TYPE,
    NAMESPACE as NAMESPACE,
    REGION_TYPE as REGION_TYPE,
)
from .case_json import (
    MAX_DEPTH as MAX_DEPTH,
    MAX_INT_DIGITS as MAX_INT_DIGITS,
    MAX_JSON_BYTES as MAX_JSON_BYTES,
)
from .case_read import case_summary as case_summary, read_case as read_case
from .case_write import GROUP_NAMES as GROUP_NAMES, TITLE as TITLE, write_case as write_case

__all__ = [
    "COMPETENCY_TYPE",
    "EXTENSION",
    "GROUP_TYPE",
    "MODULE_TYPE",
    "NAMESPACE",
    "REGION_TYPE",
    "case_summary",
    "read_case",
    "write_case",
]
