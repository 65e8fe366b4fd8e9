"""A learner's path document as a printable A4 PDF: the leaf renderer.

The document's content (HTML, labels, dates, gaps, signatures) is built without Qt in
:mod:`curriculum_tool.report.path_document`; this module only lays it out with Qt's own
QTextDocument and writes it with QPdfWriter: numbered pages, the signature block kept on
one page, the file written atomically (a crash leaves any earlier file whole).

It imports nothing else of the GUI, so the CLI's ``report`` command can use it: Qt needs
an application object to lay out text, and a :class:`QGuiApplication` is created here when
none exists, on the ``offscreen`` platform when there is no display (a server, a CI job).
One learner's document is unmasked by default, bulk output masked (see the core module).
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QMarginsF,
    QRectF,
    QSizeF,
    Qt,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextBlockFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)

from ..domain import LearnerPath
from ..errors import CurriculumError
from ..io.atomic import atomic_output
from ..report.path_details import LearnerDetails
from ..report.path_document import (
    PathDocument,
    learner_document,
    path_document,
    path_documents,
    path_html,
    stored_learner_document,
    workspace_documents,
)
from ..report.path_labels import LABELS, date_text
from ..report.summary import ReportContext
from ..store import Workspace

__all__ = [
    "LABELS",
    "LearnerDetails",
    "date_text",
    "path_html",
    "render_pdf",
    "write_learner_pdf",
    "write_path_document",
    "write_path_pdf",
    "write_paths_pdf",
    "write_pdf",
    "write_workspace_pdfs",
]

#: Page margins of the A4 page in millimetres, and the height of the footer line.
_MARGIN_MM = 15
_FOOTER_MM = 8


def _application() -> QCoreApplication:
    """The process's Qt application: the running one, or a QGuiApplication made here
    (offscreen when there is no display)."""
    app = QCoreApplication.instance()
    if app is not None:
        return app
    headless = sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    )
    if headless:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QGuiApplication(sys.argv[:1])
    app.setApplicationName("curriculum-tool")
    app.setOrganizationName("curriculum-tool")
    return app


def render_pdf(document: PathDocument) -> bytes:
    """The PDF bytes of ``document`` on numbered A4 pages.

    The document is paginated here rather than by ``QTextDocument.print`` so that each
    page gets a footer (``document.footer`` with ``{page}`` and ``{pages}``) and the block
    that starts with the heading ``document.keep_together`` (the signatures) is moved
    whole to a new page when it would be split.
    """
    _application()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(
        QMarginsF(_MARGIN_MM, _MARGIN_MM, _MARGIN_MM, _MARGIN_MM), QPageLayout.Unit.Millimeter
    )
    writer.setResolution(300)
    writer.setTitle(document.title)
    writer.setCreator("curriculum-tool")
    area = writer.pageLayout().paintRectPixels(writer.resolution())
    footer_height = _FOOTER_MM / 25.4 * writer.resolution()
    page = QSizeF(area.width(), area.height() - footer_height)

    text = QTextDocument()
    text.documentLayout().setPaintDevice(writer)  # lay out in the PDF's own units
    text.setDocumentMargin(0)
    text.setHtml(document.html)
    text.setPageSize(page)
    _keep_together(text, document.keep_together, page.height())

    pages = text.pageCount()
    painter = QPainter(writer)
    try:
        font = QFont(text.defaultFont())
        font.setPointSizeF(7)
        for index in range(pages):
            if index:
                writer.newPage()
            painter.save()
            painter.translate(0, -index * page.height())
            text.drawContents(
                painter, QRectF(0, index * page.height(), page.width(), page.height())
            )
            painter.restore()
            painter.setFont(font)
            painter.setPen(QColor("#555555"))
            painter.drawText(
                QRectF(0, page.height(), page.width(), footer_height),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom),
                document.footer.format(page=index + 1, pages=pages),
            )
    finally:
        painter.end()
    del writer
    buffer.close()
    pdf = bytes(data.data())
    if not pdf.startswith(b"%PDF"):
        raise CurriculumError("Qt did not produce a PDF")
    return pdf


def _keep_together(document: QTextDocument, heading: str, height: float) -> None:
    """Start the part from the block ``heading`` to the end on a new page if it would
    otherwise be split across two pages."""
    layout = document.documentLayout()
    block = document.lastBlock()
    while block.isValid() and block.text() != heading:
        block = block.previous()
    if not block.isValid():
        return
    top = layout.blockBoundingRect(block).top()
    bottom = layout.blockBoundingRect(document.lastBlock()).bottom()
    if int(top // height) == int((bottom - 1) // height):
        return
    if bottom - top > height:  # longer than a page: it cannot be kept together anyway
        return
    fmt = QTextBlockFormat()
    fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
    QTextCursor(block).mergeBlockFormat(fmt)


def _pdf_target(out: str | os.PathLike[str]) -> Path:
    out = Path(out)
    if out.suffix.lower() != ".pdf":
        raise CurriculumError(
            f"the path report is a PDF: the file must end in .pdf, not '{out.name}'"
        )
    return out


def write_pdf(document: PathDocument, out: str | os.PathLike[str]) -> None:
    """Render ``document`` as an A4 PDF at ``out``, written atomically."""
    out = _pdf_target(out)
    pdf = render_pdf(document)
    with atomic_output(out, "wb") as handle:
        handle.write(pdf)


def write_path_pdf(
    path: LearnerPath,
    out: str | os.PathLike[str],
    learner_name: str | None = None,
    lang: str = "id",
    *,
    learner_label: str | None = None,
    position_title: str = "",
    region_name: str = "",
    details: LearnerDetails | None = None,
    today: dt.date | None = None,
) -> None:
    """Render ``path`` as an A4 PDF at ``out``, written atomically (a crash leaves any
    earlier file whole).

    ``details`` says who the learner is, as shown; without it ``learner_name`` is printed
    as given (pass it only when the name may be shown) and ``learner_label`` identifies
    the learner (pseudonym or NIP); without a label the id is printed with its middle
    hidden.
    """
    out = _pdf_target(out)
    document = path_document(
        path,
        learner_name,
        lang,
        learner_label=learner_label,
        position_title=position_title,
        region_name=region_name,
        details=details,
        today=today,
    )
    write_pdf(document, out)


def _write_all(documents: Iterable[PathDocument], out_dir: str | os.PathLike[str]) -> list[Path]:
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for document in documents:
        target = out_dir / f"{document.label}.pdf"
        write_pdf(document, target)
        written.append(target)
    return written


def write_paths_pdf(
    paths: Iterable[LearnerPath],
    out_dir: str | os.PathLike[str],
    context: ReportContext | None = None,
    lang: str = "id",
    today: dt.date | None = None,
) -> list[Path]:
    """One PDF per learner in ``out_dir``, named ``LABEL.pdf`` by the learner's pseudonym
    (by the id when ``context.unmask``); returns the files in the order of ``paths``.
    Names and ids are masked unless ``context.unmask``."""
    return _write_all(path_documents(paths, context, lang, today), out_dir)


def write_path_document(
    workspace: Workspace,
    path: LearnerPath,
    out: str | os.PathLike[str],
    *,
    unmask: bool = True,
    lang: str = "id",
    today: dt.date | None = None,
) -> None:
    """The PDF of one learner's ``path`` (stored or just planned), with what
    ``workspace`` knows about them: addressed to the learner, so their name and NIP are
    shown unless ``unmask`` is False."""
    out = _pdf_target(out)
    write_pdf(learner_document(workspace, path, unmask=unmask, lang=lang, today=today), out)


def write_learner_pdf(
    workspace: Workspace,
    learner: str,
    out: str | os.PathLike[str],
    unmask: bool = True,
    lang: str = "id",
    today: dt.date | None = None,
) -> None:
    """The PDF of one learner's stored path (``recommend --save`` or ``batch`` stores it),
    addressed to them: name and NIP shown unless ``unmask`` is False."""
    document = stored_learner_document(workspace, learner, unmask=unmask, lang=lang, today=today)
    write_pdf(document, out)


def write_workspace_pdfs(
    workspace: Workspace,
    out_dir: str | os.PathLike[str],
    learners: Sequence[str] | None = None,
    unmask: bool = False,
    lang: str = "id",
    today: dt.date | None = None,
) -> list[Path]:
    """PDFs of the stored paths (of ``learners`` only, when given) into ``out_dir``:
    bulk output, masked unless ``unmask``."""
    return _write_all(workspace_documents(workspace, learners, unmask, lang, today), out_dir)
