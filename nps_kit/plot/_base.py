"""Shared pieces of the charts: theme, colours, words, table checks and axes helpers.

Public names are re-exported by :mod:`nps_kit.plot`; the chart functions live in
:mod:`nps_kit.plot._nps` and :mod:`nps_kit.plot._analysis`.
"""

from __future__ import annotations

import base64
import contextlib
import functools
import io
import math
import unicodedata
import warnings
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

import matplotlib as mpl
import matplotlib.pyplot as plt
import matplotlib_fontja  # registers IPAexGothic with matplotlib on import
import numpy as np
import numpy.typing as npt
import pandas as pd
import seaborn as sns
from matplotlib import font_manager
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.backend_bases import RendererBase
from matplotlib.figure import Figure, SubFigure
from matplotlib.text import Text
from matplotlib.ticker import Formatter, MaxNLocator
from matplotlib.transforms import Bbox

from nps_kit.i18n import LANGUAGES, Language, label, t

FloatArray = npt.NDArray[np.float64]

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

#: Segment colours, used by every chart: Okabe–Ito bluish green and vermillion stay apart for
#: red–green colour-blind readers (unlike pure green/red) and keep the usual good/bad reading.
SEGMENT_COLORS: dict[str, str] = {
    "promoter": "#009E73",
    "passive": "#BDBDBD",
    "detractor": "#D55E00",
}
SEGMENTS = ("promoter", "passive", "detractor")
NPS_COLOR = "#1F4E79"  # the NPS line/dots: dark blue, distinct from every segment colour
N_BAR_COLOR = "#E3E3E3"  # responses per month, kept faint behind the NPS line
TARGET_COLOR = "#555555"
ZERO_COLOR = "#333333"
NEUTRAL_COLOR = "#8C8C8C"

#: Width a chart is redrawn at for phones: 390 CSS px at 100 dpi, so text drawn at 10 pt stays
#: above 11 CSS px on a 390 px screen (shown at ~358 px between the page margins).
NARROW_WIDTH = 3.9

#: Report width in inches; heights grow with the number of rows in row-per-group charts.
# 6.4 in at 100 dpi is ~640 CSS px: full width on a desktop report, ~55 % on a phone.
WIDTH = 6.4
HEIGHT = 3.5


def text(key: str, lang: Language) -> str:
    """Return a chart word (``plot_base.<key>`` in the catalogue, else the shared label)."""
    try:
        return t(f"plot_base.{key}", lang)
    except KeyError:
        return label(key, lang)


def set_theme() -> None:
    """Apply the report look: seaborn theme, Japanese font and retina PNG output in notebooks.

    Calls :func:`seaborn.set_theme` first, because it resets the font family, then re-applies the
    bundled IPAexGothic font (matplotlib-fontja) so Japanese labels and the minus sign "−" render
    without missing glyphs. Under IPython, inline figures switch to retina PNG so they stay sharp
    on phones and high-density screens.

    Notes
    -----
    Changes matplotlib's global ``rcParams``, like :func:`seaborn.set_theme`; call it once at the
    top of a report notebook.
    """
    sns.set_theme(
        context="notebook",
        style="whitegrid",
        rc={
            "figure.figsize": (WIDTH, HEIGHT),
            "axes.titlesize": 14,
            "axes.titleweight": "normal",  # IPAexGothic has no bold face
            "axes.labelsize": 12,
            "xtick.labelsize": 11,
            "ytick.labelsize": 11,
            "legend.fontsize": 11,
            "axes.spines.top": False,
            "axes.spines.right": False,
            "savefig.facecolor": "white",
        },
    )
    matplotlib_fontja.japanize()  # registers the font file again if seaborn's reset dropped it
    mpl.rcParams["font.family"] = FONT_FAMILY
    mpl.rcParams["axes.unicode_minus"] = True  # IPAexGothic has U+2212
    _retina_inline()


def _retina_inline() -> None:
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython ships with ipykernel
        return
    shell = get_ipython()
    if shell is None:
        return
    from matplotlib_inline.backend_inline import set_matplotlib_formats

    # Figures use constrained layout, so the inline backend's default bbox_inches="tight" (which
    # draws every figure twice to measure it) only costs time: ~0.07 s a chart, ~1 s a report.
    set_matplotlib_formats("retina", bbox_inches=None)
    formatters = getattr(getattr(shell, "display_formatter", None), "formatters", {})
    if "image/png" in formatters:
        formatters["image/png"].for_type(Figure, palette_retina_png)


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
    ``alt`` text and ``facts`` (its figures as text, see :func:`describe`) when the chart
    function gave them, and for a figure wider than a phone a ``narrow`` variant redrawn at
    :data:`NARROW_WIDTH` (base64 PNG with ``narrow_width``, ``narrow_height`` and
    ``narrow_text_px``), which the report shows on screens up to 600 px wide.
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
        alt = _alt(fig)
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


def describe(ax: Axes, *, alt: str, facts: Sequence[str]) -> None:
    """Attach what a chart shows, as text, to its figure.

    The report shows ``alt`` as the image's alternative text and ``facts`` (one line per
    drawn value, e.g. "Web: NPS +12.3 (95% interval +4.0 to +20.1, n=120)") as the chart's
    figures in text, so a screen reader, a search or a reader who wants the exact value gets
    them without reading the picture.

    Parameters
    ----------
    ax
        The chart's axes.
    alt
        One sentence: what the chart shows.
    facts
        The drawn values, one short line each.
    """
    fig = ax.figure
    fig.nps_kit_alt = alt  # type: ignore[union-attr]
    fig.nps_kit_facts = list(facts)  # type: ignore[union-attr]
    # The title the alt text starts with: a title restyled in a notebook cell renames both.
    fig.nps_kit_alt_title = (ax, left_title(ax).get_text())  # type: ignore[union-attr]


def _alt(fig: Figure) -> str | None:
    """Return the figure's alt text, starting with its title as it is now."""
    alt: str | None = getattr(fig, "nps_kit_alt", None)
    drawn = getattr(fig, "nps_kit_alt_title", None)
    if not alt or drawn is None:
        return alt
    ax, title = drawn
    now = title_text(ax)
    if title and now != title and alt.startswith(title):
        rest = alt[len(title) :]
        return now + rest if now else rest.lstrip("：: ")
    return alt


def _signed(value: float) -> str:
    return f"{value:+.1f}".replace("-", "−")


def nps_fact(
    name: str,
    nps: float,
    low: float,
    high: float,
    n: float,
    *,
    small: bool = False,
    lang: Language,
) -> str:
    """Write one group's figures as a line.

    ``Web：NPS +12.3（95%信頼区間：−5.1〜+29.0、回答数120件）`` or
    ``Web: NPS +12.3 (95% interval −5.1 to +29.0, n=120)``.
    """
    parts = []
    if np.isfinite(low) and np.isfinite(high):
        sep = "〜" if lang == "ja" else " to "
        colon = "：" if lang == "ja" else " "  # Japanese puts no space before a number
        parts.append(f"{label('ci', lang)}{colon}{_signed(low)}{sep}{_signed(high)}")
    if np.isfinite(n):
        parts.append(f"回答数{round(n):,}件" if lang == "ja" else f"n={round(n):,}")
    if small:
        parts.append(label("small_sample", lang))
    if not np.isfinite(nps):
        return (
            f"{name}：{label('suppressed', lang)}"
            if lang == "ja"
            else (f"{name}: {label('suppressed', lang)}")
        )
    if lang == "ja":
        return f"{name}：NPS {_signed(nps)}（{'、'.join(parts)}）"
    return f"{name}: NPS {_signed(nps)} ({', '.join(parts)})"


def alt_text(title: str, facts: Sequence[str], lang: Language, *, shown: int = 3) -> str:
    """Return the chart's title followed by its first ``shown`` facts (all are in the text)."""
    head = "；".join(facts[:shown]) if lang == "ja" else "; ".join(facts[:shown])
    more = len(facts) > shown
    if lang == "ja":
        return f"{title}：{head}{'ほか' if more else ''}"
    return f"{title}: {head}{' and more' if more else ''}"


def left_title(ax: Axes) -> Text:
    title: Text = getattr(ax, "_left_title")  # noqa: B009 - matplotlib keeps loc="left" titles here
    return title


def title_text(ax: Axes) -> str:
    """Return the left title of ``ax`` as set, without the breaks fitting it added.

    A title set after the chart was drawn (``ax.set_title("…", loc="left")`` in a notebook
    cell) is returned as it is, so it survives every refit.
    """
    text = left_title(ax).get_text()
    wrapped = getattr(ax, "nps_kit_wrapped", None)
    if wrapped is not None and wrapped[1] == text:
        return str(wrapped[0])
    return text


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
    after :func:`set_theme`) has becomes :data:`PLACEHOLDER`; invisible joiners and variation
    selectors without a glyph (the U+FE0F after ❤, U+200D inside 👨‍👩‍👧) are dropped. Line
    breaks and spaces stay.
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


# -- checks and conversions ------------------------------------------------------------------


def check_table(
    table: pd.DataFrame, columns: Iterable[str], *, func: str, lang: str
) -> pd.DataFrame:
    """Validate ``lang`` and the presence of ``columns``; return the table.

    Raises
    ------
    ValueError
        Naming the function, the missing columns, the expected ones and what was found.
    """
    if lang not in LANGUAGES:
        raise ValueError(f"{func}: lang must be one of 'ja', 'en'; got {lang!r}.")
    if not isinstance(table, pd.DataFrame):
        raise TypeError(f"{func}: table must be a pandas DataFrame; got {type(table).__name__}.")
    expected = list(columns)
    missing = [c for c in expected if c not in table.columns]
    if missing:
        raise ValueError(
            f"{func}: table is missing column(s) {', '.join(map(repr, missing))}; "
            f"expected {', '.join(expected)}; found {', '.join(map(str, table.columns))}."
        )
    return table


def floats(values: Any) -> FloatArray:
    """Numbers as a float array with NaN for missing (``pd.NA``, ``None``, blanks)."""
    series = pd.to_numeric(pd.Series(values), errors="coerce")
    return series.to_numpy(dtype=np.float64, na_value=np.nan)


def bools(values: Any) -> npt.NDArray[np.bool_]:
    """Booleans with missing values read as ``False``."""
    series = pd.Series(values, dtype="object")
    return np.array(
        [bool(v) if v is not None and not pd.isna(v) else False for v in series], dtype=bool
    )


def segment_key(value: object) -> str | None:
    """Map a segment name (``promoter``, ``Promoters``, ``推奨者`` …) to its key, else ``None``."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    name = str(value).strip().casefold()
    for key in SEGMENTS:
        words = {key, key + "s", label(key, "ja").casefold(), label(key, "en").casefold()}
        if name in words:
            return key
    return None


def ink_for(color: str) -> str:
    """Black or white text, whichever contrasts more with ``color`` (WCAG luminance)."""
    rgb = np.array(mpl.colors.to_rgb(color))
    linear = np.where(rgb <= 0.03928, rgb / 12.92, ((rgb + 0.055) / 1.055) ** 2.4)
    luminance = float(linear @ np.array([0.2126, 0.7152, 0.0722]))
    return "#111111" if (luminance + 0.05) / 0.05 >= 1.05 / (luminance + 0.05) else "white"


def with_n(name: str, n: float, lang: Language) -> str:
    """Add the response count under a row label, e.g. ``EC事業部`` over ``(512件)``."""
    if not np.isfinite(n):
        return name
    return f"{name}\n({t('plot_base.n_tick', lang, n=round(n))})"


def row_labels(ax: Axes, positions: Iterable[float], names: Sequence[str]) -> None:
    """Name the rows of a bar or dot chart, so fitting it to a width can wrap the names.

    On a phone a name wider than :data:`nps_kit.plot._fit.ROW_LABEL_SHARE` of the chart wraps
    onto more lines and the image grows taller (:func:`nps_kit.plot._fit.grow_to_fit`) rather
    than print names over each other.
    """
    ax.set_yticks([float(p) for p in positions], list(names))
    ax.nps_kit_rows = (list(names), ax.yaxis.get_major_formatter())  # type: ignore[attr-defined]


def fmt_number(value: float) -> str:
    """``-4.9`` as ``−4.9`` (true minus sign, one decimal)."""
    return f"{value:.1f}".replace("-", "−")


# -- axes helpers ----------------------------------------------------------------------------


def new_axes(ax: Axes | None, *, rows: float | None = None, height: float = HEIGHT) -> Axes:
    """Return ``ax``, or a new report-sized axes (taller for charts with many rows)."""
    if ax is not None:
        return ax
    if rows is not None:
        height = max(height, 1.4 + 0.38 * rows)
    _, new = plt.subplots(figsize=(WIDTH, height), layout="constrained")
    return new


def no_data(ax: Axes, *, lang: Language, title: str) -> Axes:
    """Draw the "no data" note on an otherwise empty axes."""
    ax.set_title(title, loc="left")
    ax.text(
        0.5,
        0.5,
        text("no_data", lang),
        transform=ax.transAxes,
        ha="center",
        va="center",
        fontsize=12,
        color=NEUTRAL_COLOR,
        gid="no-data",
    )
    ax.set_xticks([])
    ax.set_yticks([])
    ax.grid(False)
    for spine in ax.spines.values():
        spine.set_visible(False)
    return ax


def zero_line(ax: Axes, *, axis: str) -> None:
    """Draw the NPS zero line (vertical for ``axis="x"``)."""
    style: dict[str, Any] = {"color": ZERO_COLOR, "linewidth": 1.0, "zorder": 1, "gid": "nps-zero"}
    if axis == "x":
        ax.axvline(0.0, **style)
    else:
        ax.axhline(0.0, **style)


def nps_limits(values: Sequence[float] | FloatArray) -> tuple[float, float]:
    """Axis limits in points that include zero, the values and some room, inside −100…100."""
    finite = np.asarray(values, dtype=float)
    finite = finite[np.isfinite(finite)]
    low = min(0.0, float(finite.min())) if finite.size else -10.0
    high = max(0.0, float(finite.max())) if finite.size else 10.0
    pad = max(5.0, 0.08 * (high - low))
    return max(-105.0, low - pad), min(105.0, high + pad)


_NICE_STEPS = [1, 2, 5, 10]  # ticks at ±5, ±10, ±20 … points, never at 8 or 15


def nps_axis(ax: Axes, *, axis: str, lang: Language, values: FloatArray) -> None:
    """Label an NPS axis in points, set limits and draw the zero line."""
    low, high = nps_limits(values)
    if axis == "x":
        ax.set_xlim(low, high)
        ax.set_xlabel(text("nps_axis", lang))
        ax.xaxis.set_major_locator(MaxNLocator(nbins=8, steps=_NICE_STEPS, integer=True))
    else:
        ax.set_ylim(low, high)
        ax.set_ylabel(text("nps_axis", lang))
        ax.yaxis.set_major_locator(MaxNLocator(nbins=6, steps=_NICE_STEPS, integer=True))
    zero_line(ax, axis=axis)


class _Room(Artist):
    """Holds the height of a heading or note of an axes in constrained layout, one pixel wide.

    The legend above a chart and the note under it stay out of the layout themselves: counted
    at their full width, one wider than the plot made constrained layout narrow the plot to a
    third of the e-mail's chart, and, anchored to the plot, they moved with it and never
    settled. Counted one pixel wide, each only takes its height above or under the plot.
    """

    def __init__(self, ax: Axes, held: Callable[[], Artist | None]) -> None:
        super().__init__()
        self._owner = ax
        self._held = held

    def get_tightbbox(self, renderer: RendererBase | None = None) -> Bbox | None:
        held = self._held()
        if held is None or not held.get_visible():
            return None
        box = held.get_window_extent(renderer)
        x0 = self._owner.get_window_extent(renderer).x0
        return Bbox([[x0, box.y0], [x0 + 1, box.y1]])

    def get_window_extent(self, renderer: RendererBase | None = None) -> Bbox:
        return self.get_tightbbox(renderer) or Bbox.null()

    def draw(self, renderer: RendererBase) -> None:
        """Draw nothing: what it holds room for draws itself."""


def _hold_room(ax: Axes, held: Callable[[], Artist | None], *, gid: str) -> None:
    """Take ``held()`` out of the layout and hold its height instead (once per ``gid``)."""
    artist = held()
    if artist is not None:
        artist.set_in_layout(False)
    if any(isinstance(a, _Room) and a.get_gid() == gid for a in ax.get_children()):
        return
    room = _Room(ax, held)
    room.set_gid(gid)
    ax.add_artist(room)
    room.set_clip_on(False)  # clipped to the axes, the layout would not count it


def top_legend(
    ax: Axes,
    handles: Sequence[Any],
    labels: Sequence[str],
    *,
    title: str,
    ncols: int = 4,
    remember: bool = True,
) -> None:
    """Put the title top left and the legend right under it, above the plot area.

    Outside the data so it never hides a point; fitting the chart to its width
    (:func:`nps_kit.plot._fit.fit_to_width`) folds it into more rows when the figure is too
    narrow for ``ncols`` columns (``remember=False`` is that refit), wraps its longest labels
    when one column is still too wide, and puts the title just above it.
    """
    if remember:
        ax.nps_kit_legend = (list(handles), list(labels), title, ncols)  # type: ignore[attr-defined]
    ncols = max(1, min(ncols, len(handles)))
    rows = math.ceil(len(handles) / ncols) if handles else 0
    if handles:
        ax.legend(
            handles,
            labels,
            loc="lower left",
            bbox_to_anchor=(0.0, 1.0),
            ncols=ncols,
            frameon=False,
            borderaxespad=0.2,
            handlelength=1.6,
            columnspacing=1.2,
        )
        _hold_room(ax, ax.get_legend, gid="legend-room")
    ax.set_title(title, loc="left", pad=6 + 19 * rows)  # until fitting measures the legend


def note_below(ax: Axes, note: str) -> None:
    """Write a small note under the x-axis (e.g. which groups were hidden)."""

    def below_x_axis(renderer: RendererBase) -> Bbox:
        # Tick labels and axis label together, whichever is present, resolved at draw time.
        box = ax.xaxis.get_tightbbox(renderer)
        return box if box is not None else ax.get_window_extent(renderer)

    annotation = ax.annotate(
        note,
        xy=(0.0, 0.0),
        xycoords=("axes fraction", below_x_axis),
        xytext=(0, -4),
        textcoords="offset points",
        ha="left",
        va="top",
        fontsize=10,
        color="#444444",
        gid="note",
        annotation_clip=False,
    )
    # Fitting wraps it to the figure's width and starts it under the y labels, as the title.
    ax.nps_kit_notes = [*getattr(ax, "nps_kit_notes", []), (annotation, note)]  # type: ignore[attr-defined]
    _hold_room(ax, lambda: annotation, gid=f"note-room-{len(ax.nps_kit_notes)}")  # type: ignore[attr-defined]
