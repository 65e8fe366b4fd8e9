import pytest
from helpers import isolated_qsettings
from PySide6.QtCore import QSettings


@pytest.fixture(autouse=True)
def _isolated_settings(tmp_path_factory):
    """Recent workspaces and other QSettings go to a throwaway folder, not the user's."""
    isolated_qsettings(tmp_path_factory.mktemp("settings"))
    yield
    QSettings().clear()
