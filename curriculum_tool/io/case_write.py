"""Writing a workspace as a 1EdTech CASE 1.0 CFPackage (the format is described in
:mod:`curriculum_tool.io.case`).

Identifiers are uuid5 of kind and code, and the document's of the workspace's identity, so
the same data always exports to the same file.

The document carries the catalog release it is (:mod:`curriculum_tool.releases`): its
``version`` is the release's name when the catalog is a published release, or
``<latest release>+draft`` when the catalog changed since; its ``notes`` say when the
release was published, its digest and the designer's notes. Both are CASE 1.0 fields, so
``strict`` keeps them; the extension (not strict) has them as data too. A workspace that
never published a release exports no version.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from pathlib import Path
from typing import Any

from ..domain.vocab import COMPETENCY_GROUPS
from ..releases.content import catalog_digest, current_release
from ..releases.publish import latest_release, list_releases
from ..store import Workspace
from .atomic import atomic_output
from .case_format import (
    COMPETENCY_TYPE,
    EXTENSION,
    GROUP_TYPE,
    MODULE_FIELDS,
    MODULE_TYPE,
    NAMESPACE,
    REGION_FIELDS,
    REGION_TYPE,
)

__all__ = ["GROUP_NAMES", "TITLE", "release_fields", "write_case"]

#: Title of the CFDocument.
TITLE = "Kamus Kompetensi dan Katalog Modul"
#: Full statement of each competency group's item.
GROUP_NAMES = {
    "teknis": "Kompetensi Teknis",
    "manajerial": "Kompetensi Manajerial",
    "sosial_kultural": "Kompetensi Sosial Kultural",
}


#: The document's ``notes`` (the document is in Indonesian): a release, or a draft after one.
RELEASE_NOTES = "Rilis {name}, diterbitkan {published}; SHA-256 katalog {sha256}."
DRAFT_NOTES = "Draf setelah rilis {name} ({published}); SHA-256 katalog {sha256}."


def release_fields(workspace: Workspace) -> dict[str, Any]:
    """The CFDocument fields that say which catalog release the package is: ``version``
    and ``notes``, and our extension's data under ``release``; empty when no release was
    ever published."""
    with workspace.engine.connect() as conn:
        latest = latest_release(conn)
        if latest is None:
            return {}
        digest = catalog_digest(workspace, conn)
        name = current_release(conn, digest)
    release = next(r for r in list_releases(workspace) if r.name == (name or latest.name))
    template = RELEASE_NOTES if name else DRAFT_NOTES
    notes = template.format(name=release.name, published=release.published, sha256=digest)
    if name and release.notes:
        notes += " " + release.notes
    return {
        "version": name or f"{latest.name}+draft",
        "notes": notes,
        "release": {
            "name": name,
            "draft_of": "" if name else latest.name,
            "published": release.published,
            "published_by": release.published_by,
            "catalog_sha256": digest,
            "notes": release.notes,
        },
    }


def _id(*parts: str) -> str:
    return str(uuid.uuid5(NAMESPACE, ":".join(parts)))


def _link(title: str, identifier: str, what: str) -> dict[str, str]:
    return {
        "title": title,
        "identifier": identifier,
        "uri": f"urn:curriculum-tool:{what}:{identifier}",
    }


def write_case(
    workspace: Workspace, path: Path, changed: dt.datetime | None = None, strict: bool = False
) -> int:
    """Write the workspace's regions, competencies, modules and prerequisites as a
    CFPackage; the document's identifier is the workspace's identity (the same data gives
    the same framework wherever its file lives).

    ``changed`` (default now; naive means UTC) is every ``lastChangeDateTime``. ``strict``
    writes plain CASE 1.0 with no ``extensions``: a CASE server gets the dictionary and the
    modules' codes and titles, but the package no longer carries what a module or region
    needs to be imported back. Returns the number of CFItems written.
    """
    changed = changed or dt.datetime.now(dt.UTC)
    if changed.tzinfo is None:
        changed = changed.replace(tzinfo=dt.UTC)
    stamp = changed.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S+00:00")
    document = _link(TITLE, _id("curriculum-tool", workspace.identity), "document")
    types = {
        name: _link(name, _id("type", name), "type")
        for name in (GROUP_TYPE, COMPETENCY_TYPE, MODULE_TYPE, REGION_TYPE)
    }
    items: list[dict[str, Any]] = []
    associations: list[dict[str, Any]] = []

    def item(kind: str, code: str, statement: str, **fields: Any) -> dict[str, str]:
        if strict:
            fields.pop("extensions", None)
        link = _link(code, _id(kind, code), "item")
        items.append(
            {
                "identifier": link["identifier"],
                "uri": link["uri"],
                "CFDocumentURI": document,
                "humanCodingScheme": code,
                "fullStatement": statement,
                **fields,
                "CFItemType": kind,
                "CFItemTypeURI": types[kind],
                "lastChangeDateTime": stamp,
            }
        )
        return link

    def associate(type_: str, origin: dict, destination: dict, **extension: Any) -> None:
        identifier = _id(type_, origin["identifier"], destination["identifier"])
        associations.append(
            {
                "identifier": identifier,
                "uri": f"urn:curriculum-tool:association:{identifier}",
                "CFDocumentURI": document,
                "associationType": type_,
                "originNodeURI": origin,
                "destinationNodeURI": destination,
                "lastChangeDateTime": stamp,
                **({"extensions": {EXTENSION: extension}} if extension and not strict else {}),
            }
        )

    for r in workspace.load("regions"):
        row = r.to_row()
        extension = {EXTENSION: {field: row[field] for field in REGION_FIELDS}}
        associate("isChildOf", item(REGION_TYPE, r.code, r.name, extensions=extension), document)
    competencies = workspace.load("competencies")
    used = {c.group for c in competencies}
    groups = {g: item(GROUP_TYPE, g, GROUP_NAMES[g]) for g in COMPETENCY_GROUPS if g in used}
    for link in groups.values():
        associate("isChildOf", link, document)
    competency_links = {}
    for c in competencies:
        notes = {"notes": c.description} if c.description else {}
        competency_links[c.code] = item(COMPETENCY_TYPE, c.code, c.name, **notes)
        associate("isChildOf", competency_links[c.code], groups[c.group])
    module_links = {}
    for m in workspace.load("modules"):
        row = m.to_row()
        extension = {EXTENSION: {field: row[field] for field in MODULE_FIELDS}}
        module_links[m.code] = item(MODULE_TYPE, m.code, m.title, extensions=extension)
        associate("isChildOf", module_links[m.code], document)  # no orphan in CASE viewers
        for code, level in m.competencies:
            associate("isRelatedTo", module_links[m.code], competency_links[code], level=level)
    for p in workspace.load("prerequisites"):
        associate("precedes", module_links[p.requires], module_links[p.module], kind=p.kind)
    released = release_fields(workspace)
    version: dict[str, Any] = {k: released[k] for k in ("version", "notes") if k in released}
    if released and not strict:
        version["extensions"] = {EXTENSION: {"release": released["release"]}}
    package = {
        "CFDocument": {
            "identifier": document["identifier"],
            "uri": document["uri"],
            "CFPackageURI": document,
            "creator": "curriculum-tool",
            "title": TITLE,
            "lastChangeDateTime": stamp,
            "adoptionStatus": "Draft",
            "language": "id",
            **version,
        },
        "CFItems": items,
        "CFAssociations": associations,
        "CFDefinitions": {
            "CFItemTypes": [
                {
                    "identifier": link["identifier"],
                    "uri": link["uri"],
                    "title": name,
                    "description": name,
                    "hierarchyCode": str(level),
                    "typeCode": name,
                    "lastChangeDateTime": stamp,
                }
                for level, (name, link) in enumerate(types.items(), start=1)
            ]
        },
    }
    with atomic_output(path, "w", encoding="utf-8", newline="\n") as handle:
        json.dump(package, handle, indent=2, ensure_ascii=False)
        handle.write("\n")
    return len(items)
