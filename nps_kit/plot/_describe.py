"""What a chart shows, as text: its alt text and one line of figures per drawn value."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from nps_kit.i18n import Language, interval_text, label, nps_text
from nps_kit.plot._axes import left_title, title_text


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


def figure_alt(fig: Figure) -> str | None:
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
        colon = "：" if lang == "ja" else " "  # Japanese puts no space before a number
        parts.append(f"{label('ci', lang)}{colon}{interval_text(low, high, lang)}")
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
        return f"{name}：NPS {nps_text(nps)}（{'、'.join(parts)}）"
    return f"{name}: NPS {nps_text(nps)} ({', '.join(parts)})"


def alt_text(title: str, facts: Sequence[str], lang: Language, *, shown: int = 3) -> str:
    """Return the chart's title followed by its first ``shown`` facts (all are in the text)."""
    head = "；".join(facts[:shown]) if lang == "ja" else "; ".join(facts[:shown])
    more = len(facts) > shown
    if lang == "ja":
        return f"{title}：{head}{'ほか' if more else ''}"
    return f"{title}: {head}{' and more' if more else ''}"
