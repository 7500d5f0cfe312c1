"""Charts: check what is drawn (bar sizes, points, labels, legends), never compare images."""

from __future__ import annotations

import itertools
import struct
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import matplotlib as mpl
import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
import seaborn as sns
from fontTools.ttLib import TTFont
from matplotlib import font_manager
from matplotlib.axes import Axes
from matplotlib.collections import LineCollection, PathCollection
from matplotlib.colors import to_hex
from matplotlib.ft2font import FT2Font

from nps_kit import plot
from nps_kit.drivers import _with_thresholds, classify
from nps_kit.i18n import t
from nps_kit.plot import _base as plot_base
from nps_kit.plot import _glyphs, _png

PROMOTER, PASSIVE, DETRACTOR = (
    plot.SEGMENT_COLORS[k] for k in ("promoter", "passive", "detractor")
)


@pytest.fixture(autouse=True)
def _theme_and_strict_warnings() -> Iterator[None]:
    """Use the report theme; any warning (e.g. a missing glyph) fails the test."""
    with mpl.rc_context(), warnings.catch_warnings():
        warnings.simplefilter("error")
        plot.set_theme()
        yield


# -- tables built by hand, shaped like score.py / analysis outputs -------------------------------


def shares_table() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "label": ["2026年10月", "2026年9月", "2025年10月"],
            "n": [512, 480, 3],
            "pct_promoters": pd.array([20.1, 18.0, None], dtype="Float64"),
            "pct_passives": pd.array([54.9, 50.0, None], dtype="Float64"),
            "pct_detractors": pd.array([25.0, 32.0, None], dtype="Float64"),
            "nps": pd.array([-4.9, -14.0, None], dtype="Float64"),
        }
    )


def distribution_table() -> pd.DataFrame:
    pct = [3.0, 2, 2, 3, 4, 8, 9, 20, 25, 14, 10]
    return pd.DataFrame(
        {
            "score": range(11),
            "n": [int(p * 5) for p in pct],
            "pct": pct,
            "segment": ["detractor"] * 7 + ["passive"] * 2 + ["promoter"] * 2,
        }
    )


def trend_table() -> pd.DataFrame:
    starts = pd.date_range("2025-11-01", periods=6, freq="MS")
    return pd.DataFrame(
        {
            "period": starts.strftime("%Y-%m"),
            "period_start": starts,
            "n": [400, 20, 380, 3, 410, 395],
            "nps": pd.array([-8.1, 12.0, -5.5, None, -3.0, 2.5], dtype="Float64"),
            "ci_low": pd.array([-14.0, -20.0, -11.0, None, -9.0, -3.5], dtype="Float64"),
            "ci_high": pd.array([-2.0, 40.0, 0.5, None, 3.0, 8.0], dtype="Float64"),
            "small_sample": pd.array([False, True, False, None, False, False], dtype="boolean"),
        }
    )


def breakdown_table() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "channel": ["Web", "アプリ", "電話", "店頭"],
            "n": [300, 150, 25, 3],
            "nps": pd.array([-2.0, 8.5, -20.0, None], dtype="Float64"),
            "ci_low": pd.array([-9.0, -2.0, -48.0, None], dtype="Float64"),
            "ci_high": pd.array([5.0, 19.0, 10.0, None], dtype="Float64"),
            "small_sample": pd.array([False, False, True, None], dtype="boolean"),
            "suppressed": [False, False, False, True],
        }
    )


def quadrant_table() -> pd.DataFrame:
    table = pd.DataFrame(
        {
            "attribute": ["rating_staff", "rating_website", "rating_delivery", "rating_price"],
            "label": ["スタッフ", "ウェブサイト", "配送", "価格"],
            "importance": [0.42, 0.25, 0.51, 0.30],
            "performance": [4.1, 3.2, 3.0, 3.9],
            "performance_margin": [0.1, 0.1, 0.1, 0.1],
        }
    )
    table = _with_thresholds(table)
    table["quadrant"] = classify(table)
    assert table["quadrant"].tolist() == [
        "keep_up",
        "lower_priority",
        "fix_first",
        "possible_overkill",
    ]
    return table


def words_table() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "term": ["遅い", "丁寧", "高い", "便利", "普通"],
            "z": [-6.0, 4.5, -3.0, 2.0, 0.1],
            "favours": ["detractor", "promoter", "detractor", "promoter", "promoter"],
        }
    )


def theme_table() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "theme": ["price", "delivery", "support"],
            "label": ["価格", "配送", "サポート"],
            "nps_gain": [2.1, 4.2, 1.5],
            "detractors": [7, 14, 5],
        }
    )


def units_table() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "name": ["EC事業部", "店舗事業部", "Cloud Platform", "Retail Banking"],
            "nps": pd.array([-4.9, 12.0, 30.2, None], dtype="Float64"),
            "ci_low": pd.array([-11.0, 5.0, 22.0, None], dtype="Float64"),
            "ci_high": pd.array([1.2, 19.0, 38.0, None], dtype="Float64"),
            "n": [512, 800, 350, 2],
            "target": [0.0, 10.0, 35.0, 5.0],
        }
    )


# -- helpers --------------------------------------------------------------------------------


def legend_texts(ax: Axes) -> list[str]:
    legend = ax.get_legend()
    assert legend is not None
    return [t.get_text() for t in legend.get_texts()]


def tick_texts(ax: Axes, axis: str = "y") -> list[str]:
    ticks = ax.get_yticklabels() if axis == "y" else ax.get_xticklabels()
    return [t.get_text() for t in ticks]


def all_texts(ax: Axes) -> list[str]:
    return [t.get_text() for t in ax.texts]


def by_gid(ax: Axes, gid: str) -> list[Any]:
    return [a for a in ax.get_children() if a.get_gid() == gid]


def drawn(ax: Axes) -> Axes:
    """Render fully, so layout, tick labels and fonts are resolved (and may warn)."""
    ax.figure.canvas.draw()
    return ax


# -- theme and font -------------------------------------------------------------------------


def test_set_theme_font_has_japanese_glyphs_and_minus() -> None:
    path = font_manager.findfont(font_manager.FontProperties(family=mpl.rcParams["font.family"]))
    cmap = TTFont(path).getBestCmap()
    for char in "推中批ポイント−":
        assert ord(char) in cmap, char
    assert FT2Font(path).get_char_index(ord("推")) != 0
    assert mpl.rcParams["axes.unicode_minus"] is True


def test_set_theme_reapplies_font_after_seaborn_reset() -> None:
    sns.set_theme()
    assert mpl.rcParams["font.family"][0] != "IPAexGothic"
    plot.set_theme()
    assert mpl.rcParams["font.family"][0] == "IPAexGothic"
    assert mpl.rcParams["figure.figsize"] == [6.4, 3.5]
    assert min(mpl.rcParams["xtick.labelsize"], mpl.rcParams["legend.fontsize"]) >= 10


def test_set_theme_switches_inline_output_to_retina_only_under_ipython(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import IPython
    import matplotlib_inline.backend_inline as inline

    calls: list[tuple[tuple[str, ...], dict[str, object]]] = []
    monkeypatch.setattr(inline, "set_matplotlib_formats", lambda *f, **kw: calls.append((f, kw)))
    monkeypatch.setattr(IPython, "get_ipython", lambda: None)
    plot.set_theme()
    assert calls == []
    monkeypatch.setattr(IPython, "get_ipython", lambda: object())
    plot.set_theme()
    # bbox_inches=None: constrained layout already fits, and "tight" would draw twice.
    assert calls == [(("retina",), {"bbox_inches": None})]


def test_japanese_and_minus_render_without_warnings() -> None:
    ax = plot.breakdown(breakdown_table(), by="channel", lang="ja")
    drawn(ax)  # the autouse fixture turns "Glyph missing" warnings into errors
    assert "−20.0" in all_texts(ax)


# Issue 9, defect 3: any Unicode the data holds is drawn, or replaced by a visible placeholder.
TANGUT = "\U00017000"  # in no font nps-kit installs
EMOJI_FONT = any(name in _glyphs.FONT_FAMILY for name in ("Symbola", "Noto Emoji"))
APP = "アプリ📱" if EMOJI_FONT else "アプリ□"


def emoji_breakdown() -> pd.DataFrame:
    table = breakdown_table()
    table["channel"] = ["Web", "アプリ📱", f"電話{TANGUT}", "店頭"]
    return table


@pytest.mark.parametrize("render", ["to_png", "palette_retina_png"])
def test_emoji_and_rare_characters_draw_without_warnings(render: str) -> None:
    ax = plot.breakdown(emoji_breakdown(), by="channel", lang="ja", title="チャネル📱別のNPS")
    # the autouse fixture turns matplotlib's "Glyph … missing from font(s)" warning into an error
    if render == "to_png":
        png = plot.to_png(ax.figure)
    else:
        found = _png.palette_retina_png(ax.figure)
        assert found is not None
        png = found[0]
    assert png.startswith(b"\x89PNG")
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels == [f"{APP}\n(150件)", "Web\n(300件)", "電話□\n(25件)"]
    assert ax.get_title(loc="left") == ("チャネル📱別のNPS" if EMOJI_FONT else "チャネル□別のNPS")


def test_drawable_keeps_what_the_fonts_have() -> None:
    assert _glyphs.drawable("EC事業部 −4.9 ≥ 30\n(12件)") == "EC事業部 −4.9 ≥ 30\n(12件)"
    assert _glyphs.drawable(f"a{TANGUT}b") == "a□b"
    assert _glyphs.drawable("a\U000e0001b") == "ab"  # an invisible tag without a glyph goes


# -- shares_bar -----------------------------------------------------------------------------


def test_shares_bar_segments_match_table() -> None:
    table = shares_table()
    ax = plot.shares_bar(table, lang="ja")
    assert len(ax.containers) == 3
    assert len(ax.patches) == 3 * len(table)
    promoters, passives, detractors = ax.containers
    assert [p.get_width() for p in promoters] == pytest.approx([20.1, 18.0, 0.0])
    assert [p.get_width() for p in passives] == pytest.approx([54.9, 50.0, 0.0])
    assert [p.get_width() for p in detractors] == pytest.approx([25.0, 32.0, 0.0])
    assert [p.get_x() for p in detractors] == pytest.approx([75.0, 68.0, 0.0])
    assert to_hex(promoters[0].get_facecolor()) == PROMOTER.lower()
    assert to_hex(passives[0].get_facecolor()) == PASSIVE.lower()
    assert to_hex(detractors[0].get_facecolor()) == DETRACTOR.lower()


def test_shares_bar_labels_ja() -> None:
    ax = drawn(plot.shares_bar(shares_table(), lang="ja"))
    assert ax.get_title(loc="left") == "推奨者・中立者・批判者の構成比"
    assert legend_texts(ax) == ["推奨者", "中立者", "批判者"]
    assert tick_texts(ax) == ["2026年10月\n(512件)", "2026年9月\n(480件)", "2025年10月\n(3件)"]
    assert ax.get_xlabel() == "構成比（%）"
    texts = all_texts(ax)
    assert {"20%", "55%", "25%", "18%", "50%", "32%"} <= set(texts)
    assert "非表示（回答数不足）" in texts
    assert "NPS\n−4.9" in texts


def test_shares_bar_labels_en_and_narrow_segments_unlabelled() -> None:
    table = shares_table().iloc[:1].assign(pct_promoters=3.0, pct_passives=72.0)
    ax = drawn(plot.shares_bar(table, lang="en"))
    assert legend_texts(ax) == ["Promoters", "Passives", "Detractors"]
    assert tick_texts(ax) == ["2026年10月\n(n=512)"]
    assert ax.get_xlabel() == "Share (%)"
    assert "3%" not in all_texts(ax)  # too narrow to hold its label
    assert "72%" in all_texts(ax)


def test_shares_bar_says_no_responses_rather_than_hidden_for_an_empty_period() -> None:
    table = shares_table().assign(n=[512, 480, 0])
    for lang, empty, hidden in (
        ("ja", "回答なし", "非表示（回答数不足）"),
        ("en", "no responses", "hidden (too few responses)"),
    ):
        ax = drawn(plot.shares_bar(table, lang=lang))
        assert empty in all_texts(ax) and hidden not in all_texts(ax)
        colon = "：" if lang == "ja" else ": "
        assert ax.figure.nps_kit_facts[-1] == f"2025年10月{colon}{empty}"  # type: ignore[union-attr]
    # Three responses are a group the anonymity floor hides: it still says so.
    assert "非表示（回答数不足）" in all_texts(drawn(plot.shares_bar(shares_table(), lang="ja")))


# -- score_distribution ---------------------------------------------------------------------


def test_score_distribution_bars_and_colours() -> None:
    table = distribution_table().sample(frac=1, random_state=1)  # order must not matter
    ax = drawn(plot.score_distribution(table, lang="ja"))
    bars = sorted(ax.patches, key=lambda p: p.get_x())
    assert len(bars) == 11
    assert [b.get_height() for b in bars] == pytest.approx(distribution_table()["pct"].tolist())
    colours = [to_hex(b.get_facecolor()) for b in bars]
    assert colours == [DETRACTOR.lower()] * 7 + [PASSIVE.lower()] * 2 + [PROMOTER.lower()] * 2
    assert tick_texts(ax, "x") == [str(s) for s in range(11)]
    assert ax.get_xlabel() == "推奨度（0〜10）"
    assert ax.get_ylabel() == "構成比（%）"
    assert legend_texts(ax) == ["推奨者", "中立者", "批判者"]


def test_score_distribution_percent_ticks_say_their_value() -> None:
    # A tallest bar of 16–19 % gave ticks every 2.5 %, printed "2%, 5%, 8%…" (the EC demo).
    for top in [*np.arange(2.0, 40.0, 1.0), 47.0, 63.0, 100.0]:
        table = distribution_table().assign(pct=np.linspace(1.0, top, 11))
        ax = drawn(plot.score_distribution(table, lang="ja"))
        low, high = ax.get_ylim()
        shown = [
            (v, text)
            for v, text in zip(ax.get_yticks(), tick_texts(ax, "y"), strict=True)
            if low <= v <= high
        ]
        assert len(shown) >= 3, top
        assert all(text == f"{v:g}%" for v, text in shown), (top, shown)
        plt.close(ax.figure)


def test_score_distribution_counts_in_english() -> None:
    ax = drawn(plot.score_distribution(distribution_table(), lang="en", stat="n"))
    assert [b.get_height() for b in ax.patches] == distribution_table()["n"].tolist()
    assert ax.get_ylabel() == "Responses"
    assert ax.get_title(loc="left") == "Distribution of scores (0–10)"


# -- trend ----------------------------------------------------------------------------------


def test_trend_line_band_bars_and_target() -> None:
    table = trend_table()
    ax = drawn(plot.trend(table, lang="ja", target=0))
    x = mdates.date2num(table["period_start"])
    line = next(ln for ln in ax.get_lines() if ln.get_label() == "NPS")
    np.testing.assert_allclose(line.get_xdata(), x)
    np.testing.assert_allclose(line.get_ydata(), [-8.1, 12.0, -5.5, np.nan, -3.0, 2.5])

    (band,) = by_gid(ax, "ci-band")
    ys = band.get_paths()[0].vertices[:, 1]
    assert ys.min() == pytest.approx(-20.0)
    assert ys.max() == pytest.approx(40.0)

    (target,) = by_gid(ax, "nps-target")
    assert list(target.get_ydata()) == [0, 0]
    assert target.get_label() == "目標0ポイント"

    (counts,) = (a for a in ax.figure.axes if a is not ax)
    assert [b.get_height() for b in counts.patches] == [400, 20, 380, 3, 410, 395]
    assert counts.get_ylabel() == "回答数（件）"
    assert ax.get_ylabel() == "NPS（ポイント）"
    assert ax.get_title(loc="left") == "NPSの推移（月次）"
    # the dashed target sits at zero: no solid zero line under it to make it look solid
    assert by_gid(ax, "nps-zero") == []
    assert [t.get_text() for t in by_gid(ax, "note")] == ["非表示（回答数不足）：2026年2月"]


def test_trend_keeps_the_zero_line_under_another_target() -> None:
    ax = plot.trend(trend_table(), lang="ja", target=10)
    assert [ln.get_ydata()[0] for ln in by_gid(ax, "nps-zero")] == [0]
    (target,) = by_gid(ax, "nps-target")
    assert target.get_linestyle() == "--"


def test_trend_labels_the_reporting_month_and_counts_without_dashes() -> None:
    table = pd.DataFrame(
        {
            "period": [f"2025-{m:02d}" for m in range(1, 13)],
            "period_start": pd.date_range("2025-01-01", periods=12, freq="MS"),
            "n": [1234] * 12,
            "nps": np.linspace(-5, 5, 12),
            "ci_low": np.linspace(-9, 1, 12),
            "ci_high": np.linspace(-1, 9, 12),
            "small_sample": [False] * 12,
        }
    )
    ax = drawn(plot.trend(table, lang="en"))
    positions = [float(p) for p in ax.get_xticks()]
    assert positions[-1] == pytest.approx(mdates.date2num(pd.Timestamp("2025-12-01")))
    assert tick_texts(ax, "x")[-1] == "Dec"
    (counts,) = (a for a in ax.figure.axes if a is not ax)
    labels = [t.get_text() for t in counts.get_yticklabels()]
    assert labels and all(not t.startswith(("−", "-")) for t in labels)
    assert max(counts.get_yticks()) <= 1234 * 1.05  # ticks only where the bars are
    assert all(line.get_markersize() == 0 for line in counts.yaxis.get_ticklines())


def test_trend_marks_small_sample_months() -> None:
    table = trend_table()
    ax = plot.trend(table, lang="ja", min_n=30)
    (hollow,) = by_gid(ax, "small-sample")
    np.testing.assert_allclose(
        hollow.get_offsets(), [[mdates.date2num(table["period_start"][1]), 12.0]]
    )
    assert to_hex(hollow.get_facecolor()[0]) == "#ffffff"
    assert legend_texts(ax) == [
        "NPS",
        "95%信頼区間",
        "回答数30件未満（参考値）",
        "回答数（斜線：回答数不足、非表示）",  # with the hatched bar of the month of 3
    ]


def test_interval_legends_name_the_confidence_level() -> None:
    # With thresholds.level: 0.9 the charts said "95% interval".
    trend = drawn(plot.trend(trend_table(), lang="en", level=0.9, min_n=30))
    assert legend_texts(trend)[:2] == ["NPS", "90% interval"]
    groups = drawn(plot.breakdown(breakdown_table(), by="channel", lang="ja", level=0.9))
    assert "90%信頼区間" in legend_texts(groups)
    assert "95%信頼区間" not in legend_texts(groups)


def test_trend_english_labels() -> None:
    ax = drawn(plot.trend(trend_table(), lang="en", target=-2.5, min_n=50))
    assert legend_texts(ax) == [
        "NPS",
        "95% interval",
        "fewer than 50 responses (indicative)",
        "Target −2.5 pts",
        "Responses (hatched: too few, hidden)",
    ]
    assert ax.get_ylabel() == "NPS (points)"
    labels = tick_texts(ax, "x")
    assert labels[0] == "Nov\n2025"
    assert "Jan\n2026" in labels
    assert ax.get_ylim()[0] <= -20 and ax.get_ylim()[1] >= 40
    assert by_gid(ax, "note")[0].get_text() == "Hidden (too few responses): February 2026"


def test_trend_without_small_months_has_no_small_entry() -> None:
    table = trend_table().assign(small_sample=False)
    ax = plot.trend(table, lang="ja")
    assert by_gid(ax, "small-sample") == []
    assert by_gid(ax, "nps-target") == []
    assert "回答数30件未満（参考値）" not in legend_texts(ax)


# -- breakdown ------------------------------------------------------------------------------


def test_breakdown_sorted_intervals_and_suppressed_note() -> None:
    ax = drawn(plot.breakdown(breakdown_table(), by="channel", lang="ja"))
    assert tick_texts(ax) == ["アプリ\n(150件)", "Web\n(300件)", "電話\n(25件)"]
    (intervals,) = by_gid(ax, "ci")
    assert isinstance(intervals, LineCollection)
    segments = [s[:, 0].tolist() for s in intervals.get_segments()]
    assert segments == [[-2.0, 19.0], [-9.0, 5.0], [-48.0, 10.0]]
    (filled,) = by_gid(ax, "nps")
    np.testing.assert_allclose(filled.get_offsets(), [[8.5, 0], [-2.0, 1]])
    (hollow,) = by_gid(ax, "small-sample")
    assert isinstance(hollow, PathCollection)
    np.testing.assert_allclose(hollow.get_offsets(), [[-20.0, 2]])
    (note,) = by_gid(ax, "note")
    assert note.get_text() == "非表示（回答数不足）：店頭"
    assert not any("店頭" in t for t in tick_texts(ax))
    assert ax.get_title(loc="left") == "channel別のNPS"
    assert ax.get_xlabel() == "NPS（ポイント）"
    assert legend_texts(ax) == ["NPS", "95%信頼区間", "回答数少（参考値）"]
    assert [ln.get_xdata()[0] for ln in by_gid(ax, "nps-zero")] == [0]


def test_breakdown_english_with_title() -> None:
    table = breakdown_table().assign(suppressed=[False, True, False, True])
    ax = drawn(plot.breakdown(table, by="channel", lang="en", title="NPS by channel"))
    assert ax.get_title(loc="left") == "NPS by channel"
    assert tick_texts(ax) == ["Web\n(n=300)", "電話\n(n=25)"]
    assert by_gid(ax, "note")[0].get_text() == "Hidden (too few responses): アプリ, 店頭"
    assert legend_texts(ax) == ["NPS", "95% interval", "small sample"]


# -- unit_comparison ------------------------------------------------------------------------


def test_unit_comparison_intervals_targets_and_hidden_units() -> None:
    ax = drawn(plot.unit_comparison(units_table(), lang="ja"))
    assert tick_texts(ax) == ["Cloud Platform\n(350件)", "店舗事業部\n(800件)", "EC事業部\n(512件)"]
    (intervals,) = by_gid(ax, "ci")
    assert [s[:, 0].tolist() for s in intervals.get_segments()] == [
        [22.0, 38.0],
        [5.0, 19.0],
        [-11.0, 1.2],
    ]
    (targets,) = by_gid(ax, "nps-target")
    assert [s[0, 0] for s in targets.get_segments()] == [35.0, 10.0, 0.0]
    assert by_gid(ax, "note")[0].get_text() == "非表示（回答数不足）：Retail Banking"
    assert legend_texts(ax) == ["NPS", "95%信頼区間", "目標"]
    assert ax.get_title(loc="left") == "レポート別のNPS"


def test_unit_comparison_without_target_column() -> None:
    ax = drawn(plot.unit_comparison(units_table().drop(columns="target"), lang="en"))
    assert by_gid(ax, "nps-target") == []
    assert legend_texts(ax) == ["NPS", "95% interval"]
    assert ax.get_xlabel() == "NPS (points)"


# -- driver_quadrant ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "names"),
    [
        ("ja", ["最優先で改善", "強みを維持", "優先度低", "過剰品質の可能性"]),
        ("en", ["fix first", "keep up", "lower priority", "possible overkill"]),
    ],
)
def test_driver_quadrant_points_means_and_names(lang: str, names: list[str]) -> None:
    table = quadrant_table()
    ax = drawn(plot.driver_quadrant(table, lang=lang))  # type: ignore[arg-type]
    (points,) = by_gid(ax, "drivers")
    np.testing.assert_allclose(points.get_offsets(), table[["performance", "importance"]])
    colours = [to_hex(c) for c in points.get_facecolors()]
    assert colours[0] == PROMOTER.lower() and colours[2] == DETRACTOR.lower()
    assert [t.get_text() for t in by_gid(ax, "quadrant")] == names
    (mean_y,) = by_gid(ax, "mean-importance")
    (mean_x,) = by_gid(ax, "mean-performance")
    assert mean_y.get_ydata()[0] == pytest.approx(table["importance"].mean())
    assert mean_x.get_xdata()[0] == pytest.approx(table["performance"].mean())
    assert {"スタッフ", "配送"} <= set(all_texts(ax))


def sapporo_table() -> pd.DataFrame:
    """The probe's hotel: three ratings a hair apart, all about average in the table."""
    table = pd.DataFrame(
        {
            "attribute": ["staff", "room", "breakfast"],
            "label": ["スタッフ", "客室", "朝食"],
            "importance": [0.284, 0.283, 0.268],
            "performance": [3.17, 3.22, 2.81],
            "performance_margin": [0.30, 0.29, 0.31],
        }
    )
    table = _with_thresholds(table)
    table["quadrant"] = classify(table)
    return table


def quadrant_seen(ax: Axes) -> list[str]:
    """Read each point's quadrant off the chart: its place against the drawn thresholds."""
    (points,) = by_gid(ax, "drivers")
    (mean_y,) = by_gid(ax, "mean-importance")
    (mean_x,) = by_gid(ax, "mean-performance")
    line_y, line_x = mean_y.get_ydata()[0], mean_x.get_xdata()[0]
    bands = by_gid(ax, "near-average")
    low, high = (bands[0].get_y(), bands[0].get_y() + bands[0].get_height()) if bands else (0, 0)
    (bars,) = by_gid(ax, "margins")
    seen = []
    for (x, y), segment in zip(points.get_offsets(), bars.get_segments(), strict=True):
        left, right = sorted(segment[:, 0])
        if low <= y <= high or left <= line_x <= right:
            seen.append("near_average")
            continue
        seen.append(
            {
                (True, False): "fix_first",
                (True, True): "keep_up",
                (False, False): "lower_priority",
                (False, True): "possible_overkill",
            }[(bool(y >= line_y), bool(x >= line_x))]
        )
    return seen


@pytest.mark.parametrize("make", [quadrant_table, sapporo_table])
def test_driver_chart_shows_the_tables_quadrants(make: Callable[[], pd.DataFrame]) -> None:
    table = make()
    ax = drawn(plot.driver_quadrant(table, lang="ja", scale=(1, 5)))
    assert quadrant_seen(ax) == table["quadrant"].tolist()
    (mean_y,) = by_gid(ax, "mean-importance")
    assert mean_y.get_ydata()[0] == pytest.approx(table["mean_importance"].iloc[0])


def test_a_correlation_axis_stops_at_one() -> None:
    # QA25: the correlation fallback (n=27) drew "Importance (link to score)" up to 1.2.
    table = quadrant_table().assign(importance=[0.82, 0.55, 0.91, 0.6], method="correlation")
    ax = drawn(plot.driver_quadrant(table, lang="en", scale=(1, 5)))
    low, high = ax.get_ylim()
    assert high == 1.0 and low >= -1.0
    weights = drawn(plot.driver_quadrant(table.assign(method="relative_weights"), lang="en"))
    assert weights.get_ylim()[1] > 1.0  # shares of R²: the room above for labels stays


def test_ratings_a_hair_apart_look_about_average() -> None:
    # The probe: importance 0.268–0.284 filled the y-axis (0.265–0.285), so staff and room sat
    # in 強みを維持 and breakfast in 優先度低 while the table said 平均並み for all three.
    table = sapporo_table()
    assert table["quadrant"].tolist() == ["near_average"] * 3
    ax = drawn(plot.driver_quadrant(table, lang="ja", scale=(1, 5)))
    (band,) = by_gid(ax, "near-average")
    low, high = ax.get_ylim()
    assert low < band.get_y() and band.get_y() + band.get_height() < high
    # the points' spread is a small part of the axis, smaller than the band
    assert (0.284 - 0.268) < band.get_height() < (high - low) / 3
    assert "平均並み" in [t.get_text() for t in by_gid(ax, "near-average-label")]
    colours = {to_hex(c) for c in by_gid(ax, "drivers")[0].get_facecolors()}
    assert colours == {to_hex(plot_base.NEUTRAL_COLOR)}


# -- words ----------------------------------------------------------------------------------


def test_words_top_bars_coloured_by_side() -> None:
    ax = drawn(plot.words(words_table(), lang="ja", top=4))
    assert tick_texts(ax) == ["丁寧", "便利", "高い", "遅い"]  # "普通" (smallest |z|) dropped
    assert [p.get_width() for p in ax.patches] == [4.5, 2.0, -3.0, -6.0]
    colours = [to_hex(p.get_facecolor()) for p in ax.patches]
    assert colours == [PROMOTER.lower()] * 2 + [DETRACTOR.lower()] * 2
    assert legend_texts(ax) == ["批判者に多い", "推奨者に多い"]
    assert ax.get_xlabel() == "差の大きさ（zスコア）"


def test_words_english_and_bad_top() -> None:
    ax = drawn(plot.words(words_table(), lang="en"))
    assert len(ax.patches) == 5
    assert legend_texts(ax) == ["More from detractors", "More from promoters"]
    with pytest.raises(
        ValueError, match=r"^words: top must be a positive number of terms; got 0\.$"
    ):
        plot.words(words_table(), top=0)


# -- theme_impact ---------------------------------------------------------------------------


def test_theme_impact_bars_sorted_by_gain() -> None:
    ax = drawn(plot.theme_impact(theme_table(), lang="ja"))
    assert [p.get_width() for p in ax.patches] == [4.2, 2.1, 1.5]
    assert tick_texts(ax) == [
        "配送\n（不満・要望のある批判者14人）",
        "価格\n（不満・要望のある批判者7人）",
        "サポート\n（不満・要望のある批判者5人）",
    ]
    assert ax.get_xlabel() == "ポイント"
    assert {"+4.2", "+2.1", "+1.5"} <= set(all_texts(ax))
    assert ax.get_title(loc="left") == "このテーマの批判者が中立者になった場合のNPS改善幅"


def test_theme_impact_facts_join_a_theme_and_its_count_as_japanese_writes_them() -> None:
    # JAREV: the facts under the chart read 「配送（スピード・破損） (不満・要望のある批判者47人)」.
    from nps_kit.plot._png import palette_retina_png

    rendered = palette_retina_png(plot.theme_impact(theme_table(), lang="ja").figure)
    assert rendered is not None
    assert rendered[1]["facts"][0] == "配送（不満・要望のある批判者14人）：+4.2ポイント"
    english = palette_retina_png(plot.theme_impact(theme_table(), lang="en").figure)
    assert english is not None
    assert english[1]["facts"][0] == "配送 (14 complaining detractors): +4.2\u00a0pts"


def test_theme_impact_english() -> None:
    ax = drawn(plot.theme_impact(theme_table(), lang="en"))
    assert tick_texts(ax)[0] == "配送\n(14 complaining detractors)"
    assert ax.get_xlabel() == "NPS points"
    assert ax.get_title(loc="left") == (
        "NPS points gained if this theme's detractors became passives"
    )


# -- shared behaviour -----------------------------------------------------------------------

CHARTS: dict[str, tuple[Callable[..., Axes], Callable[[], pd.DataFrame], dict[str, Any]]] = {
    "shares_bar": (plot.shares_bar, shares_table, {}),
    "score_distribution": (plot.score_distribution, distribution_table, {}),
    "trend": (plot.trend, trend_table, {"target": 5}),
    "breakdown": (plot.breakdown, breakdown_table, {"by": "channel"}),
    "unit_comparison": (plot.unit_comparison, units_table, {}),
    "driver_quadrant": (plot.driver_quadrant, quadrant_table, {}),
    "words": (plot.words, words_table, {}),
    "theme_impact": (plot.theme_impact, theme_table, {}),
}


@pytest.mark.parametrize("name", CHARTS)
@pytest.mark.parametrize(("lang", "note"), [("ja", "データなし"), ("en", "no data")])
def test_zero_row_tables_show_a_note(name: str, lang: str, note: str) -> None:
    func, make, kwargs = CHARTS[name]
    ax = drawn(func(make().iloc[:0], lang=lang, **kwargs))
    assert [t.get_text() for t in by_gid(ax, "no-data")] == [note]
    assert ax.get_title(loc="left") != ""


@pytest.mark.parametrize("name", CHARTS)
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_charts_draw_on_given_axes_at_report_size(name: str, lang: str) -> None:
    func, make, kwargs = CHARTS[name]
    ax = drawn(func(make(), lang=lang, **kwargs))
    width, height = ax.figure.get_size_inches()
    assert width == 6.4 and 3.5 <= height <= 8
    _, given = plt.subplots()
    assert func(make(), ax=given, lang=lang, **kwargs) is given


def test_missing_columns_are_named() -> None:
    table = shares_table().drop(columns=["pct_passives"])
    message = (
        "shares_bar: table is missing column(s) 'pct_passives'; expected label, pct_promoters, "
        "pct_passives, pct_detractors; found label, n, pct_promoters, pct_detractors, nps."
    )
    with pytest.raises(ValueError) as info:
        plot.shares_bar(table)
    assert str(info.value) == message


def test_unknown_language_is_named() -> None:
    with pytest.raises(ValueError) as info:
        plot.trend(trend_table(), lang="fr")  # type: ignore[arg-type]
    assert str(info.value) == "trend: lang must be one of 'ja', 'en'; got 'fr'."


# -- to_png ---------------------------------------------------------------------------------


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_to_png_bytes_scale_with_dpi() -> None:
    ax = plot.trend(trend_table(), lang="ja", target=0)
    small = png_size(plot.to_png(ax.figure, dpi=72))
    large = png_size(plot.to_png(ax.figure, dpi=144))
    assert 0.8 * 8 * 72 <= small[0] <= 1.1 * 8 * 72
    assert large[0] == pytest.approx(2 * small[0], abs=4)
    assert large[1] == pytest.approx(2 * small[1], abs=4)


def test_to_png_accepts_axes_and_gives_the_same_bytes_for_the_same_chart() -> None:
    first = plot.to_png(plot.shares_bar(shares_table(), lang="en"))
    second = plot.to_png(plot.shares_bar(shares_table(), lang="en").figure)
    assert first == second  # no timestamp or software tag in the file


def test_score_distribution_without_answers_shows_a_note() -> None:
    table = distribution_table().assign(n=0, pct=0.0)  # what score.distribution gives for none
    ax = plot.score_distribution(table, lang="ja")
    assert [t.get_text() for t in by_gid(ax, "no-data")] == ["データなし"]


# -- the real tables from the scoring layer fit the charts ------------------------------------


def test_charts_accept_score_layer_tables() -> None:
    from nps_kit.score import distribution, score_groups

    rng = np.random.default_rng(7)
    size = 600
    responses = pd.DataFrame(
        {
            "nps_score": pd.array(rng.integers(0, 11, size), dtype="Int64"),
            "nps_date": pd.Timestamp("2026-05-01")
            + pd.to_timedelta(rng.integers(0, 180, size), unit="D"),
            "channel": rng.choice(["Web", "アプリ", "電話"], size, p=[0.6, 0.39, 0.01]),
        }
    )
    monthly = score_groups(responses, period="month")
    ax = drawn(plot.trend(monthly, lang="ja", target=0))
    line = next(ln for ln in ax.get_lines() if ln.get_label() == "NPS")
    np.testing.assert_allclose(line.get_ydata(), monthly["nps"].to_numpy(dtype=float))

    groups = score_groups(responses, by=["channel"])
    ax = drawn(plot.breakdown(groups, by="channel", lang="en"))
    shown = groups[~groups["suppressed"].astype(bool)]
    assert len(ax.get_yticklabels()) == len(shown)

    shares = groups.assign(label=groups["channel"])
    drawn(plot.shares_bar(shares, lang="ja"))
    ax = drawn(plot.score_distribution(distribution(responses), lang="en"))
    assert sum(p.get_height() for p in ax.patches) == pytest.approx(100.0)


def test_score_distribution_rejects_unknown_stat() -> None:
    with pytest.raises(ValueError) as info:
        plot.score_distribution(distribution_table(), stat="share")  # type: ignore[arg-type]
    assert str(info.value) == "score_distribution: stat must be one of 'pct', 'n'; got 'share'."


def test_driver_quadrant_skips_undefined_importance() -> None:
    table = quadrant_table()
    table.loc[1, ["importance", "quadrant"]] = [np.nan, pd.NA]
    ax = plot.driver_quadrant(table, lang="ja")
    (points,) = by_gid(ax, "drivers")
    assert len(points.get_offsets()) == 3
    assert "ウェブサイト" not in all_texts(ax)


def test_inline_charts_are_palette_pngs_at_twice_the_display_size() -> None:
    import io

    from PIL import Image

    from nps_kit.plot._png import palette_retina_png

    fig, ax = plt.subplots(figsize=(4, 2), dpi=100)
    ax.bar(["推奨者", "批判者"], [3, 1], color=["#009E73", "#D55E00"])
    rendered = palette_retina_png(fig)
    assert rendered is not None
    png, metadata = rendered
    assert metadata == {"width": 400, "height": 200, "text_px": 15.28}  # 11 pt ticks at 100 dpi
    with Image.open(io.BytesIO(png)) as image:
        assert image.format == "PNG" and image.mode == "P"
        assert image.size == (800, 400)
        colours = {rgb for _, rgb in image.convert("RGB").getcolors(maxcolors=256) or []}
    assert (0, 158, 115) in colours and (213, 94, 0) in colours  # bar colours kept exactly
    empty = plt.figure()
    assert palette_retina_png(empty) is None


#: Widest a chart is shown on a 390 px phone (the report has 16 px margins each side).
PHONE_CHART_PX = 390 - 2 * 16


def test_wide_charts_get_a_phone_variant_with_readable_text() -> None:
    import base64
    import io

    from PIL import Image

    from nps_kit.plot._png import palette_retina_png

    ax = plot.trend(trend_table(), lang="ja", target=5)
    rendered = palette_retina_png(ax.figure)
    assert rendered is not None
    _, metadata = rendered
    assert metadata["width"] == 640 and metadata["narrow_width"] == 390
    # shown at its own width on a desktop, at ~358 px on a phone: no text under 11 CSS px
    assert metadata["text_px"] >= 11
    assert metadata["narrow_text_px"] * PHONE_CHART_PX / metadata["narrow_width"] >= 11
    narrow = base64.b64decode(metadata["narrow"])
    with Image.open(io.BytesIO(narrow)) as image:
        assert image.size == (2 * metadata["narrow_width"], 2 * metadata["narrow_height"])
    assert ax.figure.get_size_inches()[0] == pytest.approx(6.4)  # the figure itself is unchanged
    assert ax.get_title(loc="left") == "NPSの推移（月次）"


@pytest.mark.parametrize("width", [6.4, 3.9])
def test_long_titles_wrap_and_legends_fold_inside_the_figure(width: float) -> None:
    from nps_kit.plot._fit import fit_to_width

    title = "テーマ別：批判者が中立者になった場合のNPS改善幅（スコアの理由、直近1か月）"
    fig, ax = plt.subplots(figsize=(width, 3.5), layout="constrained")
    plot.trend(trend_table(), ax=ax, lang="ja", target=5, title=title)
    fit_to_width(fig)
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]
    box = ax.title.get_figure().bbox  # type: ignore[union-attr]
    left_title = ax._left_title
    title_box = left_title.get_window_extent(renderer)
    assert left_title.get_text().replace("\n", "") == title
    assert 0 <= title_box.x0 and title_box.x1 <= box.width
    legend_box = ax.get_legend().get_window_extent(renderer)
    assert 0 <= legend_box.x0 and legend_box.x1 <= box.width
    assert legend_box.y1 <= title_box.y0 + 1  # the legend sits under the title, not over it


def test_value_labels_sit_over_the_lines_they_cross() -> None:
    """A narrow chart puts "−25.0" across the zero line: the line must not strike through it."""
    from matplotlib.colors import to_rgba

    ax = plot.breakdown(breakdown_table(), by="channel", lang="ja")
    labels = [t for t in ax.texts if t.get_gid() == "value-label"]
    assert len(labels) == 3  # the shown groups
    lines = [a.get_zorder() for a in [*ax.lines, *ax.collections]]
    for text in labels:
        patch = text.get_bbox_patch()
        assert patch is not None and to_rgba(patch.get_facecolor()) == (1.0, 1.0, 1.0, 1.0)
        assert text.get_zorder() > max(lines)


def test_a_legend_without_a_title_stays_inside_the_figure() -> None:
    """The e-mail's chart has no title (the message heads it): its legend must not be cut."""
    from nps_kit.plot._fit import fit_to_width

    fig, ax = plt.subplots(figsize=(3.4, 3.2), dpi=100, layout="constrained")
    plot.trend(trend_table(), ax=ax, lang="ja", target=0, title="")
    fit_to_width(fig)
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]
    legend_box = ax.get_legend().get_window_extent(renderer)
    assert 0 <= legend_box.x0 and legend_box.x1 <= fig.bbox.width
    assert 0 <= legend_box.y0 and legend_box.y1 <= fig.bbox.height  # was ~20 px above the top
    assert legend_box.y0 >= ax.get_window_extent(renderer).y1  # above the plot, not over it


def test_charts_describe_their_figures_as_text() -> None:
    from nps_kit.plot._png import palette_retina_png

    ax = plot.breakdown(breakdown_table(), by="channel", lang="ja", title="チャネル別のNPS")
    rendered = palette_retina_png(ax.figure)
    assert rendered is not None
    _, metadata = rendered
    assert metadata["alt"].startswith("チャネル別のNPS：")
    assert metadata["facts"] == [
        "アプリ：NPS +8.5（95%信頼区間：−2.0〜+19.0、回答数150件）",
        "Web：NPS −2.0（95%信頼区間：−9.0〜+5.0、回答数300件）",
        "電話：NPS −20.0（95%信頼区間：−48.0〜+10.0、回答数25件、回答数少（参考値））",
        "店頭：非表示（回答数不足）",
    ]


def test_report_css_uses_the_chart_segment_colours() -> None:
    import re
    from pathlib import Path

    css = (
        Path(plot.__file__).parent.parent / "templates" / "nps_report" / "static" / "report.css"
    ).read_text(encoding="utf-8")
    for key, colour in plot.SEGMENT_COLORS.items():
        found = re.search(rf"--{key}: (#[0-9a-fA-F]{{6}})", css)
        assert found is not None and found.group(1).lower() == colour.lower()


@pytest.mark.parametrize("width", [6.4, 3.9])
def test_driver_labels_never_overlap_even_for_close_points(width: float) -> None:
    from nps_kit.plot._fit import fit_to_width

    # the demo's EC case: five ratings within 0.25 of each other, two nearly on top
    table = pd.DataFrame(
        {
            "attribute": ["a", "b", "c", "d", "e"],
            "label": ["Website and app", "Delivery", "Staff", "Price", "Speed of support"],
            "importance": [0.110, 0.108, 0.06, 0.03, 0.09],
            "performance": [3.19, 3.18, 3.05, 3.30, 3.21],
            "performance_margin": [0.3] * 5,
        }
    )
    table = _with_thresholds(table)
    table["quadrant"] = classify(table)
    assert table["quadrant"].tolist() == ["near_average"] * 5
    fig, ax = plt.subplots(figsize=(width, 4.5), layout="constrained")
    plot.driver_quadrant(table, ax=ax, lang="en", scale=(1, 5))
    fit_to_width(fig)
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]
    boxes = [t.get_window_extent(renderer) for t in by_gid(ax, "driver-label")]
    assert len(boxes) == 5
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert not a.overlaps(b), (a, b)
    # the x-axis shows the whole 1–5 scale, not a 0.25-wide zoom
    low, high = ax.get_xlim()
    assert low <= 1 and high >= 5
    assert [t.get_text() for t in ax.get_xticklabels()] == ["1", "2", "3", "4", "5"]


def test_breakdown_keeps_the_given_order_of_ordinal_groups() -> None:
    table = pd.DataFrame(
        {
            "tenure": ["5年以上", "1〜3年", "3〜5年", "1年未満"],
            "n": [160, 190, 142, 104],
            "nps": [13.1, 7.9, -2.8, -25.0],
            "ci_low": [3.0, -1.0, -13.0, -39.0],
            "ci_high": [23.0, 17.0, 7.0, -11.0],
        }
    )
    order = ["1年未満", "1〜3年", "3〜5年", "5年以上"]
    ax = plot.breakdown(table, by="tenure", lang="ja", order=order)
    assert [t.get_text().split("\n")[0] for t in ax.get_yticklabels()] == order
    by_nps = plot.breakdown(table, by="tenure", lang="ja")
    assert by_nps.get_yticklabels()[0].get_text().split("\n")[0] == "5年以上"


def test_trend_draws_control_limits_and_rings_months_outside_them() -> None:
    table = trend_table().assign(
        control_low=[-10.0, -30.0, -10.0, -40.0, -10.0, -10.0],
        control_high=[0.0, 20.0, 0.0, 30.0, 0.0, 0.0],
        out_of_control=pd.array([None, None, None, None, None, "above"], dtype="string"),
    )
    ax = plot.trend(table, lang="ja")
    (low,) = by_gid(ax, "control-low")
    (high,) = by_gid(ax, "control-high")
    # December (n=20, under min_n) gets none (FIX73)
    np.testing.assert_allclose(low.get_ydata(), [-10.0, np.nan, -10.0, -40.0, -10.0, -10.0])
    np.testing.assert_allclose(high.get_ydata(), [0.0, np.nan, 0.0, 30.0, 0.0, 0.0])
    (ring,) = by_gid(ax, "out-of-control")
    np.testing.assert_allclose(
        ring.get_offsets(), [[mdates.date2num(table["period_start"][5]), 2.5]]
    )
    assert "管理限界（±3σ）" in legend_texts(ax) and "管理限界外の月" in legend_texts(ax)
    calm = plot.trend(table.assign(out_of_control=pd.NA), lang="en")
    assert by_gid(calm, "out-of-control") == []
    assert "Control limits (±3σ)" in legend_texts(calm)
    assert "Outside control limits" not in legend_texts(calm)


def test_a_crowded_breakdown_draws_without_any_warning() -> None:
    import warnings

    from nps_kit.plot._png import palette_retina_png, to_png

    # Labels this long once made constrained layout give up with a UserWarning on stderr,
    # which failed the unit's report.
    names = [f"Answer {k} " + "x" * 100 for k in range(57)]
    table = pd.DataFrame(
        {
            "region": names,
            "n": [40] * 57,
            "nps": [float(k - 28) for k in range(57)],
            "ci_low": [float(k - 40) for k in range(57)],
            "ci_high": [float(k - 16) for k in range(57)],
            "small_sample": [False] * 57,
            "suppressed": [False] * 57,
        }
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        ax = plot.breakdown(table, by="region", lang="en", title="NPS by region")
        assert palette_retina_png(ax.figure) is not None
        assert to_png(ax).startswith(b"\x89PNG")


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_title_restyled_after_drawing_is_the_one_rendered_and_in_the_alt(lang: str) -> None:
    from nps_kit.plot._axes import title_text
    from nps_kit.plot._png import palette_retina_png

    # The trend keeps its legend under the title; refitting the legend once put the title it
    # was drawn with back, so a notebook cell's set_title never reached the report.
    ax = plot.trend(trend_table(), lang=lang, title="Monthly NPS")
    restyled = "店舗のNPS：月ごとの推移と目標" if lang == "ja" else "Stores: NPS by month vs target"
    ax.set_title(restyled, loc="left")
    rendered = palette_retina_png(ax.figure)
    assert rendered is not None
    _, metadata = rendered
    assert title_text(ax) == restyled
    sep = "：" if lang == "ja" else ": "
    assert metadata["alt"].startswith(restyled + sep)
    assert "Monthly NPS" not in metadata["alt"]
    # the phone variant is drawn with it too, and the figure keeps it afterwards
    assert "narrow" in metadata and title_text(ax) == restyled


def test_an_english_title_wrapped_twice_keeps_its_spaces() -> None:
    from nps_kit.plot._axes import title_text
    from nps_kit.plot._fit import fit_to_width

    long = "Net Promoter Score of every store by month, with the target and intervals"
    ax = plot.trend(trend_table(), lang="en", title=long)
    fit_to_width(ax.figure)
    assert "\n" in ax.get_title(loc="left")  # wrapped to fit
    fit_to_width(ax.figure)
    assert title_text(ax) == long


def test_a_long_title_is_not_cut_in_the_saved_image() -> None:
    # Measured at screen resolution but saved at twice it, a title that fitted by 4 px ran past
    # the image's edge ("…場合のNPS" cut). No ink may touch the right edge of the title band, and
    # the title breaks after a particle, not inside "NPS".
    import io

    from PIL import Image

    from nps_kit.i18n import phrase_breaks
    from nps_kit.plot._fit import fit_to_width
    from nps_kit.plot._png import palette_retina_png

    labels = ["配送（スピード・破損）", "価格・コストパフォーマンス", "サイト・アプリの使いやすさ"]
    table = pd.DataFrame(
        {
            "theme": [f"t{i}" for i in range(8)],
            "label": [f"{x}\n(批判者コメントの33%)" for x in labels * 2 + labels[:2]],
            "nps_gain": [9.2, 4.2, 3.5, 3.0, 2.5, 2.5, 2.2, 1.7],
            "detractors": [46, 21, 18, 15, 12, 12, 11, 9],
        }
    )
    title = "このテーマの批判者が中立者になった場合のNPS改善幅"
    ax = plot.theme_impact(table, lang="ja", title=title)
    rendered = palette_retina_png(ax.figure)
    assert rendered is not None
    with Image.open(io.BytesIO(rendered[0])) as image:
        pixels = np.asarray(image.convert("L"))
    band = pixels[: pixels.shape[0] // 6]
    assert int((band[:, -3:] < 128).sum()) == 0
    # Starting at the figure's left edge, not the plot's, it fits the desktop width on one line.
    assert ax.get_title(loc="left") == title
    ax.figure.set_size_inches(3.9, 5.0)
    fit_to_width(ax.figure)
    lines = ax.get_title(loc="left").split("\n")
    assert "".join(lines) == title and "NPS改善幅" in lines[-1]
    assert all(len("".join(lines[: i + 1])) in phrase_breaks(title) for i in range(len(lines) - 1))


# -- nothing cut, nothing printed over other text, on a desktop and on a phone ----------------


def saas_theme_table(lang: str) -> pd.DataFrame:
    """Eight themes with the long names of a SaaS export (the probe's Enterprise report)."""
    names = {
        "en": [
            "Pricing and plans",
            "Reliability, outages and bugs",
            "Onboarding and setup",
            "Integrations and APIs",
            "Features",
            "Communication and release notes",
            "Ease of use and UI",
            "Documentation, tutorials and self-service help centre",
        ],
        "ja": [
            "料金・プラン",
            "安定性・障害・不具合",
            "導入・初期設定",
            "外部サービス連携・API",
            "機能",
            "お知らせ・リリースノートの連絡",
            "使いやすさ・画面",
            "ドキュメント・チュートリアル・セルフサービスのヘルプセンター",
        ],
    }[lang]
    return pd.DataFrame(
        {
            "theme": [f"t{i}" for i in range(8)],
            "label": names,
            "nps_gain": [16.2, 8.1, 8.1, 5.4, 5.4, 5.4, 0.0, 0.0],
            "detractors": [17, 9, 9, 6, 6, 6, 0, 0],
        }
    )


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_theme_labels_never_overlap_on_a_desktop_or_a_phone(
    lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # At 390 px the theme names and "(46% of detractors' comments)" were printed over each
    # other, and the title wrapped to six lines beside the labels.
    from _layout import rendered_layouts

    from nps_kit.plot._png import palette_retina_png

    ax = plot.theme_impact(saas_theme_table(lang), lang=lang)
    with rendered_layouts(monkeypatch) as seen:
        assert palette_retina_png(ax.figure) is not None
    desktop, phone = seen
    assert desktop.size[0] == pytest.approx(6.4) and phone.size[0] == pytest.approx(3.9)
    assert desktop.problems == [] and phone.problems == []
    title = ax._left_title
    assert title.get_text().count("\n") <= 1  # two lines at most, even on a phone
    assert ax.get_figure().get_size_inches()[1] == pytest.approx(desktop.size[1])


@pytest.mark.parametrize("name", CHARTS)
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_no_chart_cuts_or_overprints_text_on_a_desktop_or_a_phone(
    name: str, lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from _layout import rendered_layouts

    from nps_kit.plot._png import palette_retina_png

    func, make, kwargs = CHARTS[name]
    ax = func(make(), lang=lang, **kwargs)
    with rendered_layouts(monkeypatch) as seen:
        assert palette_retina_png(ax.figure) is not None
    assert [r.problems for r in seen] == [[], []]


def months_table(months: int, *, start: str = "2025-05-01") -> pd.DataFrame:
    """A trend of ``months`` months with a small-sample month and control limits."""
    starts = pd.date_range(start, periods=months, freq="MS")
    nps = -20 + 30 * np.sin(np.arange(months) / 2.3)
    n = np.where(np.arange(months) == max(0, months - 2), 12, 150)
    return pd.DataFrame(
        {
            "period": starts.strftime("%Y-%m"),
            "period_start": starts,
            "n": n,
            "nps": nps,
            "ci_low": nps - 12,
            "ci_high": nps + 12,
            "small_sample": n < 30,
            "control_low": -45.0,
            "control_high": 35.0,
            "out_of_control": pd.array(
                ["above" if i == months - 1 else None for i in range(months)], dtype="string"
            ),
        }
    )


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_trend_at_the_mails_width_names_each_year_once_and_apart(
    lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # QA17 L1: the e-mail's 340 px trend of Nov 2025 – Oct 2026 named Dec over 2025 and Feb
    # over 2026, two months apart, and the years read "20252026"; the Japanese one thinned to
    # every third month from October, so neither November nor December named 2025.
    from nps_kit.mail.body import CHART_WIDTH
    from nps_kit.mail.compose import CHART_HEIGHT
    from nps_kit.plot import _png as plot_png

    drawn: list[list[str]] = []
    original = plot_png._palette_png

    def keep_labels(fig: Any) -> Any:
        drawn.append([t.get_text() for t in fig.axes[0].get_xticklabels()])
        return original(fig)

    monkeypatch.setattr(plot_png, "_palette_png", keep_labels)
    fig, ax = plt.subplots(
        figsize=(CHART_WIDTH / 100, CHART_HEIGHT / 100), dpi=100, layout="constrained"
    )
    plot.trend(months_table(12, start="2025-11-01"), ax=ax, lang=lang, target=30, title="")
    assert plot_png.palette_retina_png(fig) is not None
    (labels,) = drawn
    years = {i: x.split("\n")[1] for i, x in enumerate(labels) if "\n" in x}
    assert list(years.values()) == (["2025年", "2026年"] if lang == "ja" else ["2025", "2026"])
    first, second = years
    assert second - first >= 3, labels  # not two months apart, where the years ran together
    assert labels[-1].split("\n")[0] == ("10月" if lang == "ja" else "Oct")


def test_month_labels_name_a_year_none_of_whose_months_the_thinning_names() -> None:
    from nps_kit.plot._nps import _month_labels

    stamps = pd.Series(pd.date_range("2025-11-01", periods=12, freq="MS"))
    # Every 3rd month back from October names Jan, Apr, Jul and Oct: November names 2025.
    assert _month_labels(stamps, "ja", step=3) == (
        ["11月\n2025年", "", "1月\n2026年", "", "", "4月", "", "", "7月", "", "", "10月"]
    )
    assert _month_labels(stamps, "en", step=2) == (
        ["", "Dec\n2025", "", "Feb\n2026", "", "Apr", "", "Jun", "", "Aug", "", "Oct"]
    )


@pytest.mark.parametrize("months", [2, 3, 12, 18])
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_trend_month_labels_never_overlap_and_name_the_year(
    months: int, lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from _layout import rendered_layouts

    from nps_kit.plot._png import palette_retina_png

    ax = plot.trend(months_table(months), lang=lang, target=10)
    with rendered_layouts(monkeypatch) as seen:
        assert palette_retina_png(ax.figure) is not None
    for image in seen:
        assert image.problems == []
        labels = image.x_labels[0]
        assert len(image.ticks[0]) == months  # a tick at every month, labelled or not
        last = {2: "6月", 3: "7月", 12: "4月", 18: "10月"}[months]
        if lang == "en":
            last = {2: "Jun", 3: "Jul", 12: "Apr", 18: "Oct"}[months]
        assert labels[-1].split("\n")[0] == last  # the reporting month is always labelled
        year = "2025年" if lang == "ja" else "2025"
        assert labels[0].endswith("\n" + year)  # the first labelled month names its year
        if months > 8:
            assert any(x.endswith("2026" if lang == "en" else "2026年") for x in labels)
        if months <= 3:
            assert len(labels) == months  # every point's month labelled


@pytest.mark.parametrize(
    ("lang", "note"),
    [
        (
            "en",
            "July 2026 (2 responses, fewer than 5: not shown); "
            "September 2026 (3 responses, fewer than 5: not shown)",
        ),
        (
            "ja",
            "2026年7月（回答2件：5件未満のため非表示）、2026年9月（回答3件：5件未満のため非表示）",
        ),
    ],
)
def test_trend_months_under_the_floor_draw_only_their_n(
    tmp_path: Path, lang: str, note: str
) -> None:
    # FIX63: the months of 2 and 3 responses of a real export (+100.0 and -33.3) as the
    # report's trend table gives them: no point, band, limit or ring; their n marked.
    from _exports import write_months

    from nps_kit.score import control_chart
    from nps_kit.unit import prepare_unit
    from nps_kit.unit import trend_table as unit_trend

    unit = prepare_unit(
        write_months(tmp_path / "export.csv"),
        name="Leeds",
        language=lang,
        score_column="score",
        date_column="submitted_at",
        period="2026-10",
    )
    # Two shown months are under control_chart's 8 (BROWSE36): limits from them anyway, to
    # see that the hidden months get none.
    table = control_chart(unit_trend(unit, min_report_n=5), min_periods=2)
    ax = drawn(plot.trend(table, lang=lang, min_report_n=5))
    (line,) = [a for a in ax.lines if a.get_label() == "NPS"]
    y = np.asarray(line.get_ydata(), dtype=float)
    assert np.isnan(y[[0, 2]]).all() and y[[1, 3]] == pytest.approx([10.0, 20.0])
    for gid in ("control-low", "control-high"):
        (limit,) = by_gid(ax, gid)
        assert np.isnan(np.asarray(limit.get_ydata(), dtype=float)[[0, 2]]).all()
    # August and October lie between gaps: their intervals are bars, their limits dashes.
    (alone,) = by_gid(ax, "ci-alone")
    tops = sorted(round(float(max(seg[:, 1])), 1) for seg in alone.get_segments())
    assert tops == sorted(round(float(v), 1) for v in table.loc[[1, 3], "ci_high"])
    assert len(by_gid(ax, "control-alone")) == 4  # a dotted line per limit and month
    (band,) = by_gid(ax, "ci-band")
    assert all(100.0 not in np.round(p.vertices[:, 1], 1) for p in band.get_paths())
    assert all(ring.get_offsets().shape[0] == 0 for ring in by_gid(ax, "out-of-control"))
    for artist in ax.get_children():
        if hasattr(artist, "get_offsets"):  # markers (hollow small months, rings)
            offsets = np.asarray(artist.get_offsets(), dtype=float).reshape(-1, 2)
            assert not np.isin(np.round(offsets[:, 1], 1), [100.0, -33.3]).any()
    (counts,) = [a for a in ax.figure.axes if a is not ax]
    hidden = [p for p in counts.patches if p.get_gid() == "responses-hidden"]
    assert [p.get_height() for p in hidden] == [2, 3]
    assert all(p.get_hatch() for p in hidden)
    # the responses' key: a plain bar beside a hatched one (July's hatched bar alone is not
    # the key), in one entry, so a hidden month adds no line to the legend (FIX69)
    (key,) = [h for h in ax.nps_kit_legend[0] if isinstance(h, tuple)]
    assert [bool(bar.get_hatch()) for bar in key] == [False, True]
    assert [t.get_text() for t in by_gid(ax, "note")] == [note]
    facts = ax.figure.nps_kit_facts
    assert facts[1] == note.split("; " if lang == "en" else "、")[1]
    assert not any("+100.0" in f or "−33.3" in f for f in facts)


@pytest.mark.parametrize(
    ("lang", "said"),
    [("en", "Responses (hatched: under 5, hidden)"), ("ja", "回答数（斜線：5件未満、非表示）")],
)
def test_trend_months_under_the_floor_can_be_seen_and_the_key_matches_the_limits(
    tmp_path: Path, lang: str, said: str
) -> None:
    # BROWSE30: bars of 2 and 3 on a 0-40 axis were ~2 px tall, their hatching invisible, and
    # the key drew the control limits dotted while a month between gaps had solid dashes.
    from _exports import write_months

    from nps_kit.score import control_chart
    from nps_kit.unit import prepare_unit
    from nps_kit.unit import trend_table as unit_trend

    unit = prepare_unit(
        write_months(tmp_path / "export.csv"),
        name="Leeds",
        language=lang,
        score_column="score",
        date_column="submitted_at",
        period="2026-10",
    )
    # limits from the two shown months, under control_chart's 8 (BROWSE36), to see their key
    table = control_chart(unit_trend(unit, min_report_n=5), min_periods=2)
    ax = drawn(plot.trend(table, lang=lang, min_report_n=5))
    (counts,) = [a for a in ax.figure.axes if a is not ax]
    # the bars keep their true height (never a drawn n other than the month's) ...
    hidden = [p for p in counts.patches if p.get_gid() == "responses-hidden"]
    assert [p.get_height() for p in hidden] == [2, 3]
    # ... and each carries its n as a label over it, which a 2 px bar cannot show
    marks = [a for a in counts.texts if a.get_gid() == "responses-hidden-n"]
    assert [m.get_text() for m in marks] == ["n=2", "n=3"]
    assert [m.xy for m in marks] == [
        (p.get_x() + p.get_width() / 2, p.get_height()) for p in hidden
    ]
    # the key names the hatched bar in the floor's words, beside the plain bar's
    legend = ax.get_legend()
    names = [x.get_text() for x in legend.get_texts()]
    keys = dict(zip(names, legend.legend_handles, strict=True))
    given = dict(zip(ax.nps_kit_legend[1], ax.nps_kit_legend[0], strict=True))
    assert [bool(bar.get_hatch()) for bar in given[said]] == [False, True]
    assert said in names
    # the limits of a month between gaps are drawn as the key draws the limits: dotted
    limits = keys[t("plot_nps.control", lang)]
    alone = by_gid(ax, "control-alone")
    assert len(alone) == 4  # August's and October's, low and high
    assert {a.get_linestyle() for a in alone} == {limits.get_linestyle()} == {":"}
    assert all(len(a.get_xdata()) == 2 and a.get_marker() in ("None", "", None) for a in alone)


def _small_unit_trend() -> pd.DataFrame:
    """Seven months of a branch office of 2-8 responses (QA30's city e-form, 山間支所)."""
    starts = pd.date_range("2026-04-01", periods=7, freq="MS")
    nps = [-33.3, -50.0, None, -60.0, -60.0, None, -62.5]
    return pd.DataFrame(
        {
            "period": starts.strftime("%Y-%m"),
            "period_start": starts,
            "n": [6, 8, 2, 5, 5, 4, 8],
            "nps": pd.array(nps, dtype="Float64"),
            "ci_low": pd.array([v if v is None else v - 40 for v in nps], dtype="Float64"),
            "ci_high": pd.array([v if v is None else v + 50 for v in nps], dtype="Float64"),
            "small_sample": pd.array([v is not None for v in nps], dtype="boolean"),
        }
    )


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_small_units_trend_writes_every_months_n_on_a_phone(lang: str) -> None:
    # FIX72 (BROWSE31 #3): on a 390 px phone a unit of 2-8 responses a month showed only the
    # hidden months' n; the others' were to be read off a 0-4-8 scale on the right. Where each
    # month's n fits over its bar, every bar says it and the right-hand scale goes.
    from nps_kit.plot._fit import fit_to_width

    ax = plot.trend(_small_unit_trend(), lang=lang, min_n=30, min_report_n=5)
    fig = ax.figure
    fig.set_size_inches(plot_base.NARROW_WIDTH, plot_base.HEIGHT * 1.15)
    fit_to_width(fig)
    (counts,) = (a for a in fig.axes if a is not ax)
    shown = [a for a in [*ax.texts, *counts.texts] if a.get_visible() and "n=" in a.get_text()]
    shown.sort(key=lambda a: a.xy[0])
    assert [a.get_text() for a in shown] == ["n=6", "n=8", "n=2", "n=5", "n=5", "n=4", "n=8"]
    # a hidden month's over its bar, the others' under their point
    assert [a.get_gid() for a in shown].count("responses-hidden-n") == 2
    assert [a.xy[1] for a in shown if a.get_gid() == "responses-n"] == [-33.3, -50, -60, -60, -62.5]
    assert list(counts.get_yticks()) == [] and counts.get_ylabel() == ""
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]
    boxes = [a.get_window_extent(renderer) for a in shown]
    assert all(a.x1 < b.x0 for a, b in itertools.pairwise(boxes))


def test_a_trend_whose_ns_do_not_fit_keeps_its_scale() -> None:
    # Twelve months of 1,234 on a phone: the labels would touch, so the scale stays and only
    # a hidden month's n is written (BROWSE30).
    from nps_kit.plot._fit import fit_to_width

    table = pd.DataFrame(
        {
            "period": [f"2025-{m:02d}" for m in range(1, 13)],
            "period_start": pd.date_range("2025-01-01", periods=12, freq="MS"),
            "n": [1234] * 11 + [3],
            "nps": pd.array([*np.linspace(-5, 5, 11), None], dtype="Float64"),
            "ci_low": pd.array([*np.linspace(-9, 1, 11), None], dtype="Float64"),
            "ci_high": pd.array([*np.linspace(-1, 9, 11), None], dtype="Float64"),
            "small_sample": pd.array([False] * 11 + [None], dtype="boolean"),
        }
    )
    ax = plot.trend(table, lang="en", min_report_n=5)
    ax.figure.set_size_inches(plot_base.NARROW_WIDTH, plot_base.HEIGHT * 1.15)
    fit_to_width(ax.figure)
    (counts,) = (a for a in ax.figure.axes if a is not ax)
    assert [a.get_text() for a in counts.texts if a.get_visible()] == ["n=3"]
    assert len(counts.get_yticks()) and counts.get_ylabel() == "Responses"


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "No control limits for months of fewer than 30 responses: ±3σ is too wide there."),
        (
            "ja",
            "回答数30件未満の月には管理限界（±3σ）を引いていません"
            "（幅が広すぎて目安になりません）。",
        ),
    ],
)
def test_a_small_months_trend_draws_no_control_limits_and_says_why(lang: str, said: str) -> None:
    # FIX72's note: ±3σ over months of 2-8 responses were near-meaningless dotted segments, and
    # their key lines filled a phone's legend. A month under min_n gets no limit and no ring;
    # the key names only what is drawn, and the note says why.
    months = _small_unit_trend()
    shown = months["nps"].notna()  # control_chart gives a month under the floor no limits
    months = months.assign(
        control_low=np.where(shown, -100.0, np.nan),
        control_high=np.where(shown, 80.0, np.nan),
        out_of_control=pd.array([None, None, None, None, None, None, "below"], dtype="string"),
    )
    ax = plot.trend(months, lang=lang, min_n=30, min_report_n=5)
    for gid in ("control-low", "control-high", "control-alone", "out-of-control"):
        assert by_gid(ax, gid) == []
    names = legend_texts(ax)
    assert t("plot_nps.control", lang) not in names and t("plot_nps.outside", lang) not in names
    (note,) = by_gid(ax, "note")
    assert note.get_text().split("\n")[-1] == said
    # A table of large months and one of 12: limits for the large ones only, and the key.
    mixed = months_table(6)
    ax = plot.trend(mixed, lang=lang, min_n=30)
    (low,) = by_gid(ax, "control-low")
    y = np.asarray(low.get_ydata(), dtype=float)
    assert np.isnan(y[4]) and (y[[0, 1, 2, 3, 5]] == -45.0).all()
    assert t("plot_nps.control", lang) in legend_texts(ax)
    assert [n.get_text() for n in by_gid(ax, "note")] == [said]


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_driver_facts_write_a_negative_importance_with_a_true_minus(lang: str) -> None:
    # BROWSE36: under 30 answers importance is a correlation, and a negative one read
    # "importance -0.351" under the chart beside "−0.351" in the table below it.
    table = quadrant_table()
    table.loc[0, "importance"] = -0.351
    ax = plot.driver_quadrant(table, lang=lang)
    facts = ax.figure.nps_kit_facts  # type: ignore[attr-defined]
    said = [f for f in facts if "0.351" in f]
    assert said and all("\u22120.351" in f and "-0.351" not in f for f in said), facts


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("ja", "管理限界（±3σ）はデータのある月が8か月以上になってから引きます"),
        ("en", "Control limits (±3σ) are drawn once 8 months have data: 2 months"),
    ],
)
def test_a_two_month_trend_draws_no_control_limits_and_says_why(lang: str, said: str) -> None:
    # BROWSE36: a dental unit of two months had limits pooled from the two, and both months
    # ringed as outside them. Through score_groups and control_chart as trend_table runs them.
    from nps_kit.score import control_chart, score_groups

    mood = {"2026-10-15": [10] * 80 + [8] * 40 + [0] * 20, "2026-11-15": [10] * 20 + [0] * 80}
    rows = [(d, s) for d, scores in mood.items() for s in scores]
    data = pd.DataFrame(
        {
            "nps_score": pd.array([s for _, s in rows], dtype="Int64"),
            "nps_date": pd.to_datetime([d for d, _ in rows]),
        }
    )
    ax = plot.trend(control_chart(score_groups(data, period="month")), lang=lang)
    for gid in ("control-low", "control-high", "out-of-control"):
        assert by_gid(ax, gid) == []
    (note,) = by_gid(ax, "note")
    assert said in note.get_text()
    # A unit of 12 months gets its limits and no such note.
    full = plot.trend(months_table(12), lang=lang)
    assert by_gid(full, "control-low")
    assert not any(said[:20] in n.get_text() for n in by_gid(full, "note"))
