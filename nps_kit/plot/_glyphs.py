"""Fonts of the charts, and every text made drawable with them (no "Glyph missing" warning)."""

from __future__ import annotations

import functools
import unicodedata
from typing import Any

import matplotlib as mpl
import matplotlib_fontja  # noqa: F401 - registers IPAexGothic before FONT_FAMILY looks for it
from matplotlib import font_manager
from matplotlib.figure import Figure
from matplotlib.text import Text
from matplotlib.ticker import Formatter

#: Fonts tried for each character, in order: Japanese first; DejaVu Sans fills the few symbols
#: IPAexGothic lacks (≥, ≤); Symbola (Debian ``fonts-symbola``) or Noto Emoji draw emoji such as
#: 📱 when installed. Only installed fonts are listed, because matplotlib logs a warning for
#: every missing family, and a warning fails a report.
_FONT_CHOICES = ("IPAexGothic", "DejaVu Sans", "Symbola", "Noto Emoji", "Noto Sans Symbols2")
FONT_FAMILY = [
    name for name in _FONT_CHOICES if name in {f.name for f in font_manager.fontManager.ttflist}
]

#: Drawn instead of a character that none of :data:`FONT_FAMILY` has (matplotlib would draw an
#: empty box and warn "Glyph … missing from font(s)").
PLACEHOLDER = "□"


@functools.cache
def _drawable_codepoints(family: tuple[str, ...]) -> frozenset[int]:
    # The same font list the renderer falls back through for this family.
    manager = font_manager.fontManager
    paths = manager._find_fonts_by_props(font_manager.FontProperties(family=list(family)))
    points: set[int] = set()
    for path in paths:
        points.update(font_manager.get_font(path).get_charmap())
    return frozenset(points)


def drawable(text: str) -> str:
    """Return ``text`` with every character the chart fonts cannot draw replaced.

    A character that none of the fonts of ``rcParams["font.family"]`` (:data:`FONT_FAMILY`
    after :func:`~nps_kit.plot._theme.set_theme`) has becomes :data:`PLACEHOLDER`; invisible
    joiners and variation selectors without a glyph (the U+FE0F after ❤, U+200D inside
    👨‍👩‍👧) are dropped. Line breaks and spaces stay.
    """
    family = mpl.rcParams["font.family"]
    points = _drawable_codepoints(tuple([family] if isinstance(family, str) else family))
    out = []
    for char in text:
        if ord(char) in points or char.isspace():
            out.append(char)
        elif unicodedata.category(char) not in ("Cf", "Mn", "Me", "Sk"):
            out.append(PLACEHOLDER)
    return "".join(out)


class DrawableFormatter(Formatter):
    """Tick labels of ``inner`` passed through :func:`drawable` (labels come at draw time)."""

    def __init__(self, inner: Formatter) -> None:
        self.inner = inner

    def __call__(self, x: float, pos: int | None = None) -> str:
        return drawable(self.inner(x, pos))

    def format_ticks(self, values: Any) -> list[str]:
        return [drawable(label) for label in self.inner.format_ticks(values)]

    def set_locs(self, locs: Any) -> None:
        self.inner.set_locs(locs)

    def get_offset(self) -> str:
        return drawable(self.inner.get_offset())

    def set_axis(self, axis: Any) -> None:
        super().set_axis(axis)
        self.inner.set_axis(axis)


def fill_missing_glyphs(fig: Figure) -> None:
    """Make every text of ``fig`` drawable with the chart fonts (see :func:`drawable`).

    Data can hold any Unicode (an emoji in a channel name, a rare kanji in a comment); drawing
    a character no font has makes matplotlib warn, and a warning fails a report. Titles, labels,
    legends and notes are rewritten now; tick labels, which axes format at draw time, through
    their formatter.
    """
    for artist in fig.findobj(Text):
        assert isinstance(artist, Text)
        current = artist.get_text()
        if drawable(current) != current:
            artist.set_text(drawable(current))
    for ax in fig.axes:
        for axis in (ax.xaxis, ax.yaxis):
            for get, put in (
                (axis.get_major_formatter, axis.set_major_formatter),
                (axis.get_minor_formatter, axis.set_minor_formatter),
            ):
                formatter = get()
                if not isinstance(formatter, DrawableFormatter):
                    put(DrawableFormatter(formatter))
