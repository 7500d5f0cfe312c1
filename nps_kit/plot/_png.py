"""Rendering a chart: retina palette PNGs for reports and e-mail, PNG bytes for embedding.

The report's PNG carries a phone-width variant and the chart's text; layout warnings are kept
quiet while drawing (:func:`quiet_layout`).
"""

from __future__ import annotations

import base64
import contextlib
import io
import math
import warnings
from collections.abc import Iterator
from typing import Any

from matplotlib.axes import Axes
from matplotlib.figure import Figure, SubFigure
from matplotlib.text import Text

from nps_kit.plot._base import NARROW_WIDTH
from nps_kit.plot._describe import figure_alt
from nps_kit.plot._glyphs import fill_missing_glyphs


@contextlib.contextmanager
def quiet_layout() -> Iterator[None]:
    """Silence matplotlib's layout warnings while drawing one of our figures.

    A chart whose labels do not all fit ("constrained_layout not applied") is still drawn,
    just tighter; the warning would go to the report's stderr and fail the unit. Charts are
    kept small (top N groups), so this is the safety net for data nobody foresaw.
    """
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=r".*(constrained_layout|[Tt]ight layout) not")
        yield


def palette_retina_png(fig: Figure) -> tuple[bytes, dict[str, Any]] | None:
    """Render ``fig`` as a 2x PNG with a 256-colour palette, shown at 1x size.

    Charts are flat colours, so an adaptive palette looks the same as true colour at about a
    third of the bytes; quantising here, from the raw pixels, saves encoding a true-colour PNG
    only to decode and shrink it later. Returns ``(png, metadata)`` like IPython's
    ``retina_figure`` (``width``, ``height`` in CSS px), or ``None`` for an empty figure.

    Titles, legends, row names and x labels are fitted to the figure
    (:func:`nps_kit.plot._fit.fit_to_width`), and the image is drawn taller than the figure
    where row names would touch or a legend leaves the plot too short
    (:func:`nps_kit.plot._fit.grow_to_fit`); the figure keeps its own size. The
    metadata also carries ``text_px`` (the smallest text in CSS px at that width), the chart's
    ``alt`` text and ``facts`` (its figures as text, see
    :func:`~nps_kit.plot._describe.describe`) when the chart function gave them, and for a
    figure wider than a phone a ``narrow`` variant redrawn at
    :data:`~nps_kit.plot._base.NARROW_WIDTH` (base64 PNG with ``narrow_width``,
    ``narrow_height`` and ``narrow_text_px``), which the report shows on screens up to 600 px
    wide.
    """
    from nps_kit.plot._fit import fit_to_width, grow_to_fit, layout_state, restore_layout

    if not fig.axes and not fig.lines and not fig.texts:
        return None
    fill_missing_glyphs(fig)  # before any text is measured: no "Glyph missing" warning
    width, height = (float(v) for v in fig.get_size_inches())
    saved = layout_state(fig)
    try:
        fit_to_width(fig)
        grow_to_fit(fig)
        png, metadata = _palette_png(fig)
        alt = figure_alt(fig)
        facts = getattr(fig, "nps_kit_facts", None)
        if alt:
            metadata["alt"] = alt
        if facts:
            metadata["facts"] = list(facts)
        if width > NARROW_WIDTH * 1.1:
            fig.set_size_inches(NARROW_WIDTH, height * 1.15)
            fit_to_width(fig)
            grow_to_fit(fig)
            narrow, narrow_meta = _palette_png(fig)
            metadata["narrow"] = base64.b64encode(narrow).decode("ascii")
            metadata["narrow_width"] = narrow_meta["width"]
            metadata["narrow_height"] = narrow_meta["height"]
            metadata["narrow_text_px"] = narrow_meta["text_px"]
    finally:
        if tuple(float(v) for v in fig.get_size_inches()) != (width, height):
            fig.set_size_inches(width, height)
            restore_layout(fig, saved)
    return png, metadata


def _palette_png(fig: Figure) -> tuple[bytes, dict[str, Any]]:
    from PIL import Image

    fill_missing_glyphs(fig)
    dpi = 2 * fig.dpi
    raw = io.BytesIO()
    with quiet_layout():
        fig.savefig(raw, format="rgba", dpi=dpi, facecolor="white")
    width, height = (int(v) for v in fig.get_size_inches() * dpi)
    pixels = raw.getvalue()
    if len(pixels) != width * height * 4:  # pragma: no cover - defensive: unexpected size
        width, height = int(fig.bbox.width * 2), int(fig.bbox.height * 2)
    image = Image.frombuffer("RGBA", (width, height), pixels, "raw", "RGBA", 0, 1)
    palette = image.convert("RGB").quantize(colors=256, method=Image.Quantize.FASTOCTREE)
    out = io.BytesIO()
    palette.save(out, format="PNG")
    return out.getvalue(), {
        "width": width // 2,
        "height": height // 2,
        "text_px": smallest_text_px(fig),
    }


def smallest_text_px(fig: Figure) -> float:
    """Size of the smallest visible text of ``fig`` in CSS px when shown at 1x (1 px per dot).

    Returns ``inf`` for a figure without text.
    """
    sizes = [
        float(t.get_fontsize()) * fig.dpi / 72
        for t in fig.findobj(Text)
        if isinstance(t, Text) and t.get_visible() and t.get_text().strip()
    ]
    return round(float(min(sizes)), 2) if sizes else math.inf


def to_png(fig: Figure | SubFigure | Axes, *, dpi: int = 144) -> bytes:
    """Render a figure to PNG bytes for e-mail or HTML embedding.

    Parameters
    ----------
    fig
        The figure (an ``Axes`` or sub-figure is accepted and its whole figure is rendered).
    dpi
        Pixels per inch; the default 144 gives a crisp image on phones (2× of 72).

    Returns
    -------
    bytes
        PNG file contents, cropped to the drawn content (``bbox_inches="tight"``) on a white
        background, without a timestamp so the same chart gives the same bytes.
    """
    root = fig.figure if isinstance(fig, Axes | SubFigure) else fig
    if not isinstance(root, Figure):  # pragma: no cover - matplotlib guarantees a Figure root
        raise TypeError(f"to_png: fig must be a matplotlib Figure or Axes, got {type(fig)!r}")
    from nps_kit.plot._fit import fit_to_width

    fill_missing_glyphs(root)  # before any text is measured: no "Glyph missing" warning
    fit_to_width(root)
    buffer = io.BytesIO()
    with quiet_layout():
        root.savefig(
            buffer,
            format="png",
            dpi=dpi,
            bbox_inches="tight",
            facecolor="white",
            metadata={"Software": None},
        )
    return buffer.getvalue()
