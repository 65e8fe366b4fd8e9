"""The prerequisite graph: plain functions over ``networkx.DiGraph``."""

from .cycles import find_cycles, format_cycle

__all__ = ["find_cycles", "format_cycle"]
