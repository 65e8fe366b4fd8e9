"""Rilis katalog in the app: publish the catalog as a release, compare two releases.

The catalog tab holds a :class:`ReleaseBar`: "Terbitkan rilis…" (a name and notes; greyed
for a role that does not write releases) and "Bandingkan rilis…", which opens
:class:`CompareDialog`: two releases (or the catalog now), their differences as a tree
(kind → added / removed / changed → rows) and the stored paths the newer one would change,
learner ids masked as exports mask them. The work is the core's
(:mod:`curriculum_tool.releases`); this module only shows it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QBoxLayout,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..errors import CurriculumError
from ..io.masking import pseudonym
from ..releases.content import catalog_digest
from ..releases.diff import ReleaseDiff, diff_releases
from ..releases.diff_text import SAID as DIFF_SAID, row_label
from ..releases.publish import Release, list_releases, publish_release
from ..store import Workspace
from ..store.names import table_name
from .i18n import error_text, in_app_language
from .roles import allow

__all__ = ["CompareDialog", "PublishDialog", "ReleaseBar"]

#: The compare dialog's "newer" choice that is not a release: the catalog now.
WORKING_COPY = ""


class PublishDialog(QDialog):
    """A release's name and notes; publishing happens on OK and a refusal keeps the
    dialog open with the reason under the fields."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None):
        super().__init__(parent)
        self.workspace = workspace
        self.release: Release | None = None
        self.setWindowTitle(self.tr("Terbitkan rilis katalog"))
        self.name = QLineEdit(self)
        self.name.setPlaceholderText(self.tr("mis. 2025.1"))
        self.notes = QPlainTextEdit(self)
        self.notes.setPlaceholderText(self.tr("Apa yang berubah dan mengapa"))
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b00020")
        form = QFormLayout()
        form.addRow(self.tr("Nama rilis"), self.name)
        form.addRow(self.tr("Catatan"), self.notes)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Terbitkan"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def accept(self) -> None:
        try:
            self.release = publish_release(
                self.workspace, self.name.text(), self.notes.toPlainText()
            )
        except CurriculumError as error:
            self.problem.setText(error_text(error))
            return
        super().accept()


class CompareDialog(QDialog):
    """Two releases side by side: what differs, and which stored paths would change."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None):
        super().__init__(parent)
        self.workspace = workspace
        self.diff: ReleaseDiff | None = None
        self.setWindowTitle(self.tr("Bandingkan rilis katalog"))
        self.resize(760, 560)
        self.old = QComboBox(self)
        self.new = QComboBox(self)
        releases = list_releases(workspace)
        self.new.addItem(self.tr("katalog saat ini"), WORKING_COPY)
        for release in releases:
            label = f"{release.name} ({release.published[:10]})"
            self.old.addItem(label, release.name)
            self.new.addItem(label, release.name)
        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels([self.tr("Perbedaan"), self.tr("Rincian")])
        self.tree.setColumnWidth(0, 320)
        self.paths = QListWidget(self)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        choose = QHBoxLayout()
        choose.addWidget(QLabel(self.tr("Dari"), self))
        choose.addWidget(self.old, 1)
        choose.addWidget(QLabel(self.tr("ke"), self))
        choose.addWidget(self.new, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(choose)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 3)
        layout.addWidget(QLabel(self.tr("Jalur tersimpan yang akan berubah (ID disamarkan)")))
        layout.addWidget(self.paths, 1)
        layout.addWidget(buttons)
        self.old.currentIndexChanged.connect(self.compare)
        self.new.currentIndexChanged.connect(self.compare)
        self.compare()

    def compare(self) -> None:
        """Show the differences between the chosen releases."""
        self.tree.clear()
        self.paths.clear()
        old = self.old.currentData()
        if old is None:
            self.summary.setText(self.tr("Belum ada rilis yang diterbitkan."))
            return
        new = self.new.currentData() or None
        try:
            self.diff = diff = diff_releases(self.workspace, old, new)
        except CurriculumError as error:
            self.summary.setText(error_text(error))
            return
        if diff.empty:
            self.summary.setText(self.tr("Tidak ada perbedaan: isi keduanya sama."))
        else:
            self.summary.setText(
                self.tr("%1 baris berbeda; %2 jalur tersimpan akan berubah.")
                .replace("%1", str(sum(_rows(k) for k in diff.kinds)))
                .replace("%2", str(len(diff.affected_paths)))
            )
        self._fill_tree(diff)
        shown = _learner_shown(self.workspace)
        for change in diff.affected_paths:
            said = DIFF_SAID("path", learner=shown(change.learner), change=change.describe())
            self.paths.addItem(in_app_language(said).strip())

    def _fill_tree(self, diff: ReleaseDiff) -> None:
        for kind in diff.kinds:
            if kind.empty:
                continue
            top = QTreeWidgetItem([in_app_language(table_name(kind.kind)), str(_rows(kind))])
            self.tree.addTopLevelItem(top)
            for label, rows in (
                (self.tr("ditambah"), [(row_label(kind.kind, r), "") for r in kind.added]),
                (self.tr("dihapus"), [(row_label(kind.kind, r), "") for r in kind.removed]),
                (
                    self.tr("diubah"),
                    [
                        (
                            "/".join(c.key),
                            "; ".join(f"{col}: {old} → {new}" for col, old, new in c.columns),
                        )
                        for c in kind.changed
                    ],
                ),
            ):
                if not rows:
                    continue
                group = QTreeWidgetItem([label, str(len(rows))])
                top.addChild(group)
                for name, detail in rows:
                    group.addChild(QTreeWidgetItem([in_app_language(name), detail]))
            top.setExpanded(True)
            for i in range(top.childCount()):
                child = top.child(i)
                if child is not None:
                    child.setExpanded(True)

    def texts(self) -> list[str]:
        """Every line of the tree, depth first (what a test or a screen reader reads)."""
        found: list[str] = []

        def walk(item: QTreeWidgetItem | None) -> None:
            if item is None:
                return
            found.append(" ".join(item.text(c) for c in range(2)).strip())
            for i in range(item.childCount()):
                walk(item.child(i))

        for i in range(self.tree.topLevelItemCount()):
            walk(self.tree.topLevelItem(i))
        return found


def _rows(kind) -> int:
    return len(kind.added) + len(kind.removed) + len(kind.changed)


def _learner_shown(workspace: Workspace) -> Callable[[str], str]:
    secret = workspace.get_meta("pseudonym_key") or ""
    return lambda learner: pseudonym(secret, learner)


class ReleaseBar(QWidget):
    """The catalog tab's release actions and which release the catalog now is; it follows
    the tab's workspace, refreshing whenever the tab reloads its modules."""

    def __init__(self, tab, layout: QBoxLayout):
        super().__init__(tab)
        self.tab = tab
        self.publish_button = QPushButton(self.tr("Terbitkan rilis…"), self)
        self.publish_button.clicked.connect(self.publish)
        self.compare_button = QPushButton(self.tr("Bandingkan rilis…"), self)
        self.compare_button.clicked.connect(self.compare)
        self.state = QLabel(self)
        row = QHBoxLayout(self)
        row.setContentsMargins(6, 0, 6, 4)
        row.addWidget(self.publish_button)
        row.addWidget(self.compare_button)
        row.addWidget(self.state, 1)
        layout.addWidget(self)
        tab.modules.model.modelReset.connect(self.refresh)
        self.refresh()

    @property
    def workspace(self) -> Workspace:
        return self.tab.workspace

    def refresh(self) -> None:
        """Grey out what the role cannot do; say which release the catalog is."""
        releases = list_releases(self.workspace)
        allow([self.publish_button], self.workspace.actor, "releases")
        self.compare_button.setEnabled(bool(releases))
        if not releases:
            self.state.setText(self.tr("Belum ada rilis katalog."))
            return
        digest = catalog_digest(self.workspace)
        same = next((r for r in releases if r.sha256 == digest), None)
        if same is not None:
            self.state.setText(self.tr("Katalog saat ini: rilis %1").replace("%1", same.name))
        else:
            text = self.tr("Katalog sudah berubah sejak rilis %1")
            self.state.setText(text.replace("%1", releases[0].name))

    def publish_dialog(self) -> PublishDialog:
        return PublishDialog(self.workspace, self)

    def publish(self) -> None:
        dialog = self.publish_dialog()
        if dialog.exec() and dialog.release is not None:
            self.refresh()
            said = self.tr("Rilis %1 diterbitkan").replace("%1", dialog.release.name)
            self.tab.status_message.emit(said)

    def compare_dialog(self) -> CompareDialog:
        return CompareDialog(self.workspace, self)

    def compare(self) -> None:
        self.compare_dialog().exec()
