"""Import and export of the contract's interchange files (CSV and XLSX)."""

from .exporter import export_file
from .importer import KINDS, ImportSummary, import_file, import_files, parse_file

__all__ = ["KINDS", "ImportSummary", "export_file", "import_file", "import_files", "parse_file"]
