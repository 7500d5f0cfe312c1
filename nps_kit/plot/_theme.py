"""The report look: seaborn theme, Japanese font and retina palette PNGs in notebooks."""

from __future__ import annotations

import matplotlib as mpl
import matplotlib_fontja  # registers IPAexGothic with matplotlib on import
import seaborn as sns
from matplotlib.figure import Figure

from nps_kit.plot._base import HEIGHT, WIDTH
from nps_kit.plot._glyphs import FONT_FAMILY
from nps_kit.plot._png import palette_retina_png


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
