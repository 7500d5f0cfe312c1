"""The overview table's cells: NPS, changes with their verdicts, fiscal year, trend, contacts."""

from __future__ import annotations

import base64
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from html import escape
from typing import Any

from nps_kit.i18n import (
    Language,
    join_names,
    label,
    nps_text,
    number,
    signed_number,
    t,
)
from nps_kit.periods import TREND_MONTHS, format_period
from nps_kit.report import nobreak, small_sample_badge
from nps_kit.summary import (
    Change,
    FiscalYtd,
    TrendPoint,
    UnitSummary,
    as_summary,
    floor_summary,
    report_floor,
    under_floor,
)


def _language(units: list[dict[str, Any]]) -> Language:
    counts = Counter(u.get("language") for u in units)
    return "ja" if counts["ja"] > counts["en"] else "en"


def _chart(
    units: list[dict[str, Any]], lang: Language, *, alt: str, title: str | None = None
) -> str | None:
    """Draw the units' NPS as a ``<figure>``: a phone variant, alt text and figures as text."""
    import matplotlib as mpl
    import pandas as pd
    from matplotlib.figure import Figure

    from nps_kit.plot import set_theme, unit_comparison
    from nps_kit.plot._png import palette_retina_png

    # small_sample is the unit report's own flag (its headline's), so the dot is hollow
    # exactly where the report says "small sample".
    rows = [
        {
            "name": u["name"],
            "nps": float("nan") if s.nps is None else s.nps,
            "ci_low": float("nan") if s.ci_low is None else s.ci_low,
            "ci_high": float("nan") if s.ci_high is None else s.ci_high,
            "n": s.n,
            "small_sample": s.small_sample,
        }
        for u in units
        # Under the floor: in the chart's note of hidden units ("Hidden (too few responses)").
        if u["status"] == "ok" and ((s := _summary(u)).nps is not None or _under_floor(u, s))
    ]
    if not any(r["nps"] == r["nps"] for r in rows):  # none with an NPS (NaN != NaN)
        return None
    # The reports' look (seaborn theme, Japanese font), without changing the caller's settings.
    with mpl.rc_context():
        set_theme()
        fig = Figure(figsize=(6.4, 1.2 + 0.45 * len(rows)), layout="constrained")
        ax = fig.subplots()
        unit_comparison(pd.DataFrame(rows), ax=ax, lang=lang, title=title)
        rendered = palette_retina_png(fig)
    if rendered is None:  # pragma: no cover - the figure always has an axes
        return None
    png, meta = rendered
    data = base64.b64encode(png).decode("ascii")
    source = (
        '<source media="(max-width: 600px)" '
        f'srcset="data:image/png;base64,{meta["narrow"]}" width="{meta["narrow_width"]}" '
        f'height="{meta["narrow_height"]}" data-text-px="{meta["narrow_text_px"]}">'
        if "narrow" in meta
        else ""
    )
    facts = "".join(f"<li>{escape(f)}</li>" for f in meta.get("facts", []))
    return (
        f'<figure class="nps-figure"><picture>{source}<img src="data:image/png;base64,{data}" '
        f'width="{meta["width"]}" height="{meta["height"]}" data-text-px="{meta["text_px"]}" '
        f'alt="{escape(meta.get("alt") or alt)}"></picture>'
        + (
            f'<figcaption class="nps-facts"><details><summary>{escape(alt)}</summary>'
            f"<ul>{facts}</ul></details></figcaption>"
            if facts
            else ""
        )
        + "</figure>"
    )


def _number(value: float) -> str:
    return number(value)


def _summary(entry: dict[str, Any]) -> UnitSummary:
    """Return the unit's summary as the overview may show it: under the floor, only its size.

    The overview sets units side by side as a breakdown sets groups, so the anonymity floor
    (``thresholds.min_report_n``, :func:`nps_kit.score.below_floor`) applies to it as to every
    group (QA27: a location of 3 responses ranked 2nd of 14, one of 2 showed its "0.0 % / 50.0 %"
    while ``score --by`` hid both): a unit whose month has fewer scored responses than its floor
    keeps its n and its report link; its NPS, shares, changes, top theme, detractor count and
    this month's trend point are not shown. Its own report, for its own team, is unchanged.
    """
    summary = as_summary(entry.get("summary")) or UnitSummary()
    if entry.get("status") != "ok":
        return summary
    # The one rule, shared with the e-mail's subject and body (QA28 #5).
    return floor_summary(summary, _floor(entry))


def _floor(entry: dict[str, Any]) -> int | None:
    """Return the unit's ``thresholds.min_report_n`` as its notebook ran (the manifest's)."""
    return report_floor(entry.get("parameters"))


def _under_floor(entry: dict[str, Any], summary: UnitSummary) -> bool:
    return entry.get("status") == "ok" and under_floor(summary, _floor(entry))


#: The overview's change columns by comparison kind: each is one family of tests across units.
_FAMILIES = {"previous": "vs_previous", "last_year": "vs_last_year", "fiscal_ytd": "fiscal_ytd"}
_SIGNIFICANT = ("improvement", "decline")


def _own_changes(entry: dict[str, Any]) -> dict[str, Change]:
    """Return a unit's changes by column (its own, unadjusted verdicts), the fiscal one too."""
    s = _summary(entry)
    found = _changes(s)
    if s.fiscal_ytd is not None and s.fiscal_ytd.change is not None:
        found["fiscal_ytd"] = s.fiscal_ytd.change
    return found


def _family_verdicts(changes: Sequence[Change | None], fdr: float) -> list[Change | None]:
    """Return one family's changes with their verdicts after Benjamini–Hochberg.

    A change keeps ``improvement``/``decline`` only when its adjusted p-value is below
    ``fdr``; the others read ``no_change``. A change without a p-value (no test made) is no
    member of the family and keeps its verdict.
    """
    from nps_kit.stats import benjamini_hochberg

    p_values = [
        c.p_value if c is not None and c.p_value is not None else float("nan") for c in changes
    ]
    adjusted = benjamini_hochberg(p_values).tolist()
    out: list[Change | None] = []
    for change, q in zip(changes, adjusted, strict=True):
        if change is not None and change.verdict in _SIGNIFICANT and q == q and not q < fdr:
            change = replace(change, verdict="no_change")
        out.append(change)
    return out


def _adjusted_changes(
    units: list[dict[str, Any]],
) -> tuple[list[dict[str, Change]], list[dict[str, Change]], float]:
    """Each unit's changes by column, adjusted and its own, and the false discovery rate used.

    Each column (vs the previous month, vs the same month last year, the fiscal year to date)
    is its own family across the units, adjusted by Benjamini–Hochberg; the rate is ``1 −`` the
    highest confidence level of the tested changes (0.95 when none is tested).
    """
    own = [_own_changes(u) for u in units]
    levels = {c.level or 0.95 for found in own for c in found.values() if c.p_value is not None}
    fdr = 1 - max(levels, default=0.95)
    adjusted = [dict(found) for found in own]
    ok = [u.get("status") == "ok" for u in units]  # a failed unit's figures are not this run's
    for kind in _FAMILIES:
        members = [found.get(kind) if is_ok else None for found, is_ok in zip(own, ok, strict=True)]
        family = _family_verdicts(members, fdr)
        for found, change in zip(adjusted, family, strict=True):
            if change is not None:
                found[kind] = change
    return adjusted, own, fdr


# Where a note in a figure's column may wrap: before a bracket, after a colon.
_WRAP_AT = re.compile(r"(?=[（(])|(?<=[：:])")


def _wrapped(parts: list[str], lang: Language) -> str:
    """Return ``parts`` as a note under a figure that wraps only between its phrases.

    The parts are joined by the language's dot, each cut before a bracket and after a colon
    (``2026年度`` / ``（4〜11月）・`` / ``回答数475件``); on one line, the fiscal year's span
    and n and the under-floor note pushed the last two columns behind the table's scroll edge
    at 1280 px, and a plain wrap left ``示`` alone on a line (QA43).
    """
    items = (
        "".join(f'<span class="nps-nb">{escape(piece)}</span>' for piece in _WRAP_AT.split(part))
        for part in parts
    )
    return f'<small class="nps-ci nps-wrap">{escape(t("mail.dot", lang)).join(items)}</small>'


def _contacted_note(s: UnitSummary, lang: Language) -> str:
    """Say how many of the listed detractors the returned status file marks contacted."""
    if not s.detractors_contacted or s.detractors_to_contact is None:
        return ""
    listed = s.detractors_to_contact + s.detractors_contacted
    note = t("followup.close_note", lang, total=listed, contacted=s.detractors_contacted)
    return f'<small class="nps-ci">{escape(note)}</small>'


def _to_contact(s: UnitSummary, lang: Language) -> str:
    """Say how many detractors to contact; on an anonymous form none, and why (QA44: 4)."""
    if s.contact_basis == "anonymous":
        return f'—<small class="nps-ci">{escape(t("overview.anonymous", lang))}</small>'
    return escape(str(_or_dash(s.detractors_to_contact)))


def _or_dash(value: Any) -> Any:
    return "—" if value is None else value


def _word(key: str, lang: Language) -> str:
    try:
        return t(f"overview.{key}", lang)
    except KeyError:
        return label(key, lang)


def _changes(s: UnitSummary) -> dict[str, Change]:
    """Each month comparison by kind, with the unit's own verdicts.

    A change without a kind is the previous month's; an older summary with only ``change``
    gives that one as the previous month's.
    """
    found = {c.kind or "previous": c for c in s.changes}
    if not found and s.change is not None:
        found["previous"] = s.change
    return found


def _verdict(change: Change, lang: Language, own: Change | None = None) -> str:
    """Return a change's verdict badge; with ``own``, the unit's own verdict when BH changed it."""
    verdict = change.verdict
    badge = (
        f'<span class="nps-verdict nps-verdict--{escape(verdict)}">{escape(label(verdict, lang))}'
        "</span>"
        if verdict in {"improvement", "decline", "no_change"}
        else ""
    )
    if own is not None and own.verdict in _SIGNIFICANT and own.verdict != verdict:
        # The unit's report and e-mail say its own verdict (QA18: "significant decline" in the
        # subject, "no significant change" here): say both, so neither looks wrong.
        badge += (
            f'<small class="nps-verdict-own">'
            f"{escape(t('overview.own_verdict', lang, verdict=label(own.verdict, lang)))}</small>"
        )
    return badge


def _change_cell(change: Change | None, lang: Language, own: Change | None = None) -> str:
    """One change's cell; ``own`` is the unit's own (unadjusted) change when BH replaced it."""
    if change is None or change.diff is None:
        return '<td class="is-num is-na">—</td>'
    return (
        f'<td class="is-num"><span class="nps-nb">{signed_number(change.diff)}</span>'
        f"{_verdict(change, lang, own)}</td>"
    )


def _fiscal_cell(
    fiscal: FiscalYtd | None, lang: Language, change: Change | None, own: Change | None
) -> str:
    """Return the fiscal year to date's cell, a figure with a badge as the other columns.

    Its NPS; its change against the same months of the fiscal year before with the verdict
    after Benjamini–Hochberg (``change``; ``own``, the unit's, when that differs); and the
    months and responses it counts, flagged as a small sample as the unit report flags it.
    Without a change, or without the year to date, why, as the report's card says it
    (:meth:`~nps_kit.summary.FiscalYtd.why`).
    """
    why = None if fiscal is None else fiscal.why(lang)
    if fiscal is None or fiscal.year is None or (fiscal.nps is None and why is None):
        return '<td class="is-num is-na">—</td>'
    said = "<b>—</b>" if fiscal.nps is None else f"<b>{escape(nps_text(fiscal.nps))}</b>"
    if change is not None and change.diff is not None:
        what, diff = t("sections.fiscal_ytd", lang), signed_number(change.diff)
        words = f"{what} {diff}" if lang == "ja" else f"{diff} {what}"
        said += f'<span class="nps-fy-change">{escape(words)}</span>{_verdict(change, lang, own)}'
    elif why is not None:  # it wraps: each number kept with its unit ("3 responses", 1か月)
        said += f'<small class="nps-why">{nobreak(escape(why))}</small>'
    counted = []
    if (span := fiscal.span()) is not None:
        counted.append(span.label(lang, to_date=False))
    if fiscal.n is not None:
        counted.append(t("mail.responses", lang, n=f"{fiscal.n:,}"))
    said += _wrapped(counted, lang)
    if fiscal.small_sample and fiscal.nps is not None:
        said += small_sample_badge(lang)
    return f'<td class="is-num">{said}</td>'


def _sparkline(trend: Sequence[TrendPoint], lang: Language) -> str:
    """Draw a 12-month line as inline SVG (no script, no network), labelled with its values."""
    points_ = [(r.period, r.nps) for r in trend[-TREND_MONTHS:]]
    values = [v for _, v in points_ if v is not None]
    if len(values) < 2:
        return "—"
    low, high = min([*values, 0.0]), max([*values, 0.0])
    span = (high - low) or 1.0
    width, height = 96, 28
    step = width / max(len(points_) - 1, 1)
    coords = [
        f"{i * step:.1f},{height - 2 - (v - low) / span * (height - 4):.1f}"
        for i, (_, v) in enumerate(points_)
        if v is not None
    ]
    zero = height - 2 - (0 - low) / span * (height - 4)
    text = join_names(
        (f"{format_period(str(p), lang)} {nps_text(v)}" for p, v in points_ if v is not None), lang
    )
    last = coords[-1].split(",")
    return (
        f'<svg class="nps-spark" width="{width}" height="{height}" viewBox="0 0 {width} {height}"'
        f' role="img" aria-label="{escape(text)}"><title>{escape(text)}</title>'
        f'<line x1="0" x2="{width}" y1="{zero:.1f}" y2="{zero:.1f}" stroke="#8c959f"'
        ' stroke-width="0.6"/>'
        f'<polyline fill="none" stroke="#1f4e79" stroke-width="1.6" points="{" ".join(coords)}"/>'
        f'<circle cx="{last[0]}" cy="{last[1]}" r="2.2" fill="#1f4e79"/></svg>'
    )


def _months_drawn(trend: Sequence[TrendPoint]) -> int:
    """Return how many months :func:`_sparkline` draws: those of the window with an NPS.

    A month the report hides (under the anonymity floor: no NPS) is a gap in the line, not a
    month shown (FIX30: "12 months" under a line of 10 points).
    """
    return sum(r.nps is not None for r in trend[-TREND_MONTHS:])


def _months_note(trend: Sequence[TrendPoint], lang: Language) -> str:
    """Under a line of fewer months than the trend's window, say how many it shows."""
    drawn = _months_drawn(trend)
    if drawn < 2 or drawn >= TREND_MONTHS:  # no line (_sparkline), or the whole window
        return ""
    note = t("overview.trend_months", lang, n=drawn)
    return f'<small class="nps-months">{escape(note)}</small>'


def _order(units: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Highest NPS first (as the chart draws them); small samples after, then units without one.

    A unit flagged as a small sample is ranked after every unit with enough responses (QA27:
    3 responses at +33.3 came 2nd of 14 locations), among the small ones by NPS.
    """

    def key(u: dict[str, Any]) -> tuple[int, float]:
        s = _summary(u)
        if u["status"] != "ok" or s.nps is None:
            return (2, 0.0)
        return (1 if s.small_sample else 0, -float(s.nps))

    return sorted(units, key=key)
