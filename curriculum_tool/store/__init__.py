"""Workspace storage: one SQLAlchemy Core schema on SQLite (default) or PostgreSQL."""

from .workspace import Workspace, is_url, resolve_url

__all__ = ["Workspace", "is_url", "resolve_url"]
