"""Width of text in a terminal, for the tables the commands print.

East Asian wide and full-width characters take two cells, so a column of unit ids such as
``さくら歯科-大宮院`` lines up only when padded by display width, not by ``len``.
"""

from __future__ import annotations

import unicodedata

__all__ = ["display_width", "pad"]


def display_width(text: str) -> int:
    """Return the cells ``text`` takes in a terminal (wide and full-width characters two)."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def pad(text: str, width: int, *, right: bool = False) -> str:
    """Pad ``text`` with spaces to ``width`` cells: on the right, or on the left if ``right``."""
    gap = " " * max(0, width - display_width(text))
    return gap + text if right else text + gap
