"""The CASE vocabulary the reader and the writer share: our extension key, item types, the
identifier namespace and the module cells kept in the extension.

One place, so a package written by :func:`~curriculum_tool.io.case.write_case` is read back
by :func:`~curriculum_tool.io.case.read_case` under the very same names.
"""

from __future__ import annotations

import uuid

from ..domain import Module, Region

__all__ = [
    "COMPETENCY_TYPE",
    "EXTENSION",
    "GROUP_TYPE",
    "MODULE_FIELDS",
    "MODULE_TYPE",
    "NAMESPACE",
    "RECORD_ITEMS",
    "REGION_FIELDS",
    "REGION_TYPE",
]

#: Key of our data inside a CASE object's ``extensions``.
EXTENSION = "curriculum_tool"
GROUP_TYPE, COMPETENCY_TYPE, MODULE_TYPE = "Kelompok Kompetensi", "Kompetensi", "Modul"
#: Regions travel as items of their own type, so a package imports into an empty workspace
#: (modules and standards name regions).
REGION_TYPE = "Wilayah"
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:curriculum-tool")
#: Module cells kept in the extension (code and title are humanCodingScheme, fullStatement).
MODULE_FIELDS = tuple(c for c in Module.COLUMNS if c not in ("code", "title"))
#: Region cells kept in the extension (code and name are humanCodingScheme, fullStatement).
REGION_FIELDS = tuple(c for c in Region.COLUMNS if c not in ("code", "name"))
#: Item types that carry whole records: the record kind, the column in ``fullStatement``
#: and the columns in our extension.
RECORD_ITEMS = {
    REGION_TYPE: ("regions", "name", REGION_FIELDS),
    MODULE_TYPE: ("modules", "title", MODULE_FIELDS),
}
