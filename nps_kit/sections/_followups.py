"""The follow-up questions: choices, ratings and open text with their themes (:func:`followups`)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd
from IPython.display import HTML

from nps_kit import plot, report
from nps_kit._same_comments import merge_same_comments
from nps_kit._section_result import SectionResult, detach
from nps_kit.analysis import FollowupAnalysis, QuestionResult
from nps_kit.closed_loop import (
    respondent_themes,
)
from nps_kit.drivers import quadrant_label
from nps_kit.i18n import (
    Language,
    join_names,
    label,
)
from nps_kit.sections._common import _escape, _w
from nps_kit.sections._strategies import TABLE_SHOWN, _phrase_table
from nps_kit.text.stance import stance_mask
from nps_kit.text.themes import representative_comments
from nps_kit.text.tokens import answered
from nps_kit.unit import (
    UnitData,
)


def followups(
    unit: UnitData, analysis: FollowupAnalysis, *, strategies: bool = True
) -> SectionResult:
    """Tabulate every follow-up question: shares and NPS per answer, ratings, drivers, text.

    ``.tables`` holds each question's table by column, ``ratings`` and ``drivers`` when there
    are rated attributes; ``.figures`` the theme-impact and key-driver charts. ``strategies``
    says whether the report shows the strategies section (the report notebook passes
    ``"strategies" in page``): an improvement question's note names the actions only then
    (FIX30: it named them in a report without any).
    """
    lang = unit.language
    parts: list[Any] = []
    tables: dict[str, pd.DataFrame] = {}
    first_text = True
    for result in analysis.questions:
        q = result.question
        tables[q.column] = result.table
        parts.append(HTML(f"<h3>{_escape(q.label)}</h3>"))
        if q.type in ("categorical", "multi"):
            _choice_table(parts, result.table, q.type, lang)
        else:
            # Words that separate detractors from promoters answer "why that score", the first
            # open question; for later ones (what to improve) the contrast says little.
            _text_question(
                parts,
                unit,
                result,
                lang,
                primary=first_text,
                listed=analysis.scope == "reasons",
                strategies=strategies,
            )
            first_text = False
    if analysis.ratings is not None:
        tables["ratings"] = analysis.ratings
        parts.append(HTML(f"<h3>{_escape(_w('ratings_title', lang))}</h3>"))
        _ratings_table(parts, analysis.ratings, lang)
        if analysis.rating_scale is not None:
            # A mean of 3.9 reads differently out of 0–5 and 1–5: the scale is said (FIX79).
            low, high = analysis.rating_scale
            parts.append(
                report.callout(_w("ratings_scale", lang, low=f"{low:g}", high=f"{high:g}"))
            )
    # Quadrants place attributes against each other's mean importance and rating: one rated
    # attribute is always "average" (QA18: a quadrant chart of one item), so none is drawn.
    if analysis.drivers is not None and len(analysis.drivers) >= 2:
        tables["drivers"] = analysis.drivers
        parts.append(HTML(f"<h3>{_escape(_w('drivers_title', lang))}</h3>"))
        ax = plot.driver_quadrant(
            analysis.drivers,
            lang=lang,
            scale=analysis.rating_scale,
            title=_w("drivers_title", lang),
        )
        parts.append(detach(ax))
        method = analysis.drivers["method"].iloc[0]
        parts.append(
            report.callout(
                _w(
                    "drivers_note",
                    lang,
                    method=_w("method_rw" if method == "relative_weights" else "method_corr", lang),
                )
            )
        )
        # An attribute whose importance is undefined (constant rating, too few answers) has no
        # quadrant: it shows as "—" instead of failing the whole section.
        shown = analysis.drivers.assign(
            quadrant=analysis.drivers["quadrant"].map(
                lambda q: quadrant_label(q, lang), na_action="ignore"
            )
        )
        parts.append(
            report.table(
                shown,
                columns={
                    "label": _w("attribute", lang),
                    "importance": _w("importance", lang),
                    "performance": _w("performance", lang),
                    "quadrant": _w("quadrant", lang),
                },
                formats={"importance": ".3f", "performance": ".2f"},
                lang=lang,
            )
        )
    return SectionResult("followups", tables=tables, parts=tuple(parts))


def _choice_table(parts: list[Any], table: pd.DataFrame, kind: str, lang: Language) -> None:
    key = "answer" if kind == "categorical" else "option"
    shown = table.copy()
    if "missing" in shown.columns:
        missing = shown["missing"].fillna(False).astype(bool)
        shown = shown.loc[~missing | (shown["n"] > 0)]
        shown.loc[missing.loc[shown.index], key] = label("no_answer", lang)
    parts.append(
        report.table(
            shown,
            # What a phone must show without scrolling comes first: the answer, n and NPS with
            # its interval (in one cell); the shares follow.
            columns={
                key: _w(key, lang),
                "n": _w("n", lang),
                "nps": _w("nps_ci_col", lang),
                "share": _w("share", lang),
                "share_promoters": _w("share_promoters", lang),
                "share_detractors": _w("share_detractors", lang),
            },
            formats={
                "share": ".1f",
                "share_promoters": ".1f",
                "share_detractors": ".1f",
                "nps": "+.1f",
            },
            intervals={"nps": ("ci_low", "ci_high")},
            flag_column="small_sample",
            lang=lang,
            first=TABLE_SHOWN,
        )
    )
    note = _hidden_note(shown, key, lang)
    if note:
        parts.append(report.callout(note))


def _hidden_note(table: pd.DataFrame, key: str, lang: Language) -> str:
    """Say why rows show only their size: too few responses, or the secondary rule's."""
    if "suppressed" not in table.columns:
        return ""
    hidden = table["suppressed"].fillna(False).astype(bool) & (table["n"] > 0)
    second = (
        table["complementary"].fillna(False).astype(bool)
        if "complementary" in table.columns
        else pd.Series(False, index=table.index)
    )
    lines = []
    for rows, word in ((hidden & ~second, "hidden_rows"), (hidden & second, "hidden_second")):
        if rows.any():
            names = join_names([str(v) for v in table.loc[rows, key]], lang)
            lines.append(_w(word, lang, names=names))
    return " ".join(lines)


def _ratings_table(parts: list[Any], ratings: pd.DataFrame, lang: Language) -> None:
    wide = ratings.pivot_table(index="label", columns="segment", values="mean", sort=False)
    wide = wide.reindex(
        columns=[c for c in ("all", "promoter", "passive", "detractor") if c in wide.columns]
    )
    wide = wide.reset_index()
    names = {"label": _w("attribute", lang), "all": _w("all", lang)}
    names.update({s: label(s, lang) for s in ("promoter", "passive", "detractor")})
    parts.append(
        report.table(
            wide,
            columns={c: names[c] for c in wide.columns},
            formats={c: ".2f" for c in wide.columns if c != "label"},
            lang=lang,
        )
    )


def _text_question(
    parts: list[Any],
    unit: UnitData,
    result: Any,
    lang: Language,
    *,
    primary: bool = True,
    listed: bool = False,
    strategies: bool = True,
) -> None:
    parts.append(report.callout(_w("commenters", lang, n=f"{result.commenters:,}")))
    # Themes exactly the same comments carry are one row, of the table, the chart and the
    # quotes (FIX75: two rows with the same n, shares and gain read as two problems).
    impact = (
        result.table
        if result.tags is None
        else merge_same_comments(result.table, result.tags, lang=lang)
    )
    mentioned = bool(len(impact)) and impact["mentions"].sum() > 0
    if result.question.asks == "improvement" and mentioned:  # its mentions were read as requests
        # Beside a reason question, the strategies and the e-mail rank the reasons and list
        # these requests apart (analysis.scope "reasons"): say so where the requests are shown,
        # naming the actions only in a report that shows them.
        note = "asks_improvement"
        if listed:
            note = "asks_improvement_listed" if strategies else "asks_improvement_listed_mail"
        parts.append(report.callout(_w(note, lang)))
    if mentioned:
        themes = impact.loc[impact["mentions"] > 0]
        shown = themes.head(8)
        # The chart for the first open question; later ones get the table only. Under the
        # floor every gain is hidden: one line says so, not a full-height "no data" chart
        # (QA28 #10a).
        drawn = pd.to_numeric(shown["nps_gain"], errors="coerce").notna().any()
        # A theme no detractor complains about adds nothing: an empty "0.0" bar only takes a
        # row of the chart (BROWSE32 e); the table below still lists it.
        gaining = shown.loc[pd.to_numeric(shown["detractors"], errors="coerce").fillna(0) > 0]
        if primary and drawn and len(gaining):
            parts.append(detach(plot.theme_impact(gaining, lang=lang, title=label("impact", lang))))
        elif primary and drawn and pd.to_numeric(themes["nps_gain"], errors="coerce").isna().any():
            # A theme under the floor may have complaining detractors: not "none" (REVIEW35).
            parts.append(report.callout(_w("impact_none_floor", lang, floor=result.min_report_n)))
        elif primary and drawn:
            parts.append(report.callout(_w("impact_none", lang)))
        elif primary:
            parts.append(report.callout(_w("impact_hidden", lang, floor=result.min_report_n)))
        # The key figure (the gain) right after the theme, intervals under their NPS: the
        # table fits a desktop and shows theme, mentions and gain on a phone.
        # Every theme mentioned, the first few in view and the others in a fold (REPORT31: the
        # table stopped at 8 of a pack's 20-odd themes).
        parts.append(
            report.table(
                themes,
                first=TABLE_SHOWN,
                columns={
                    "label": _w("theme", lang),
                    "mentions": _w("mentions", lang),
                    "nps_gain": _w("in_points", lang, what=label("impact", lang)),
                    "detractors": label("impact_n", lang),
                    "nps_with": label("nps_commenters_with", lang),
                    "nps_without": label("nps_commenters_without", lang),
                    "share_detractors": _w("mention_share_detractors", lang),
                },
                formats={
                    "share_detractors": ".1f",
                    "nps_with": "+.1f",
                    "nps_without": "+.1f",
                    "nps_gain": "+.1f",
                    "detractors": ".0f",  # a count, a float where the floor blanks it
                },
                intervals={
                    "nps_with": ("ci_with_low", "ci_with_high"),
                    "nps_without": ("ci_without_low", "ci_without_high"),
                },
                lang=lang,
                flag_column="small_sample",
                flag="few_mentions",  # few mentions, however many responses the unit has
            )
        )
        hidden = (
            themes["suppressed"] if "suppressed" in themes.columns else themes["nps_with"].isna()
        )
        if hidden.any() or themes["nps_without"].isna().any():
            parts.append(report.callout(_w("theme_floor", lang, floor=result.min_report_n)))
        merged = themes["themes"].map(len) > 1 if "themes" in themes else []
        for name in themes.loc[merged, "label"]:
            parts.append(report.callout(_w("same_comments", lang, label=name)))
    # Most comments in a language no pack reads: why the question has no themes (BROWSE33:
    # French comments were "not enough text"), said in the words the e-mail and the overview
    # use (FIX78), under every question it holds for.
    unread = None if result.unread is None else result.unread.message(lang)
    if primary and result.phrases is not None and len(result.phrases):
        parts.append(HTML(f"<h4>{_escape(_w('phrases_title', lang))}</h4>"))
        parts.append(_phrase_table(result.phrases, lang=lang))
        if unread:
            parts.append(report.callout(unread))
    elif primary and result.phrases is not None:  # too few or too uniform comments to compare
        parts.append(report.callout(unread or _w("words_too_few", lang)))
    elif unread:
        parts.append(report.callout(unread))
    texts = unit.current[result.question.column].astype("string").str.strip()
    seg = unit.current["segment"]
    # A comment given two themes is quoted under the first only (BROWSE31: "Faster ticket
    # responses." under Support and again under Performance): the same words under a
    # second heading show nothing new of it, and a theme with no other comment has none.
    quoted: set[str] = set()
    theme_parts: list[HTML] = []
    if result.polarity is not None and len(impact):
        # Quoted under a theme: detractors who complain about it or ask to improve it, the
        # people the gain counts (a detractor praising the theme is not one of its voices).
        complains = stance_mask(result.polarity, "complaint")
        for theme in impact.loc[impact["detractors"] > 0, "theme"].head(3):
            hit = complains[theme] & (seg == "detractor").fillna(False).astype(bool)
            picked = representative_comments(texts[hit], k=2, leave_out=quoted)
            quoted.update(picked)
            if picked:
                name = impact.loc[impact["theme"] == theme, "label"].iloc[0]
                theme_parts.append(
                    HTML(f"<h4>{_escape(_w('theme_voices', lang, theme=name))}</h4>")
                )
                theme_parts.append(report.comments(picked, lang=lang))
    for segment in ("detractor", "passive", "promoter"):
        # The detractors' voices are others than those quoted under a theme below (BROWSE32:
        # every report quoted one or two of them twice, "Voices of Detractors" and again
        # under "Detractors' complaints and requests on …"); the theme keeps its own.
        leave_out = quoted if segment == "detractor" else ()
        picked = representative_comments(
            texts[(seg == segment) & answered(texts)], k=3, leave_out=leave_out
        )
        if picked:
            parts.append(
                HTML(f"<h4>{_escape(_w('voices', lang, segment=label(segment, lang)))}</h4>")
            )
            parts.append(report.comments(picked, lang=lang))
    parts.extend(theme_parts)


def _themes_by_answer(
    questions: Sequence[QuestionResult],
    comment_column: str | None,
    labels: Mapping[str, str],
    lang: Language,
    *,
    polarity: pd.DataFrame | None,
) -> pd.Series:
    """Name each respondent's themes: the shown comment's, then ``label: …`` per other answer.

    A theme is named once per respondent, with the first answer that names it (the shown
    comment's first), and with its sign over all the respondent's answers (``polarity``,
    :func:`nps_kit.text.merge_polarity`'s): FIX75's row read "Delivery (−) / To improve:
    Delivery (−)" for a late delivery and a request for faster delivery.
    """
    named = []
    seen: pd.DataFrame | None = None  # the themes an earlier answer of the row has named
    for q in sorted(questions, key=lambda q: q.question.column != comment_column):
        assert q.tags is not None
        tags = q.tags.fillna(False).astype(bool)
        new = tags if seen is None else tags & ~seen
        seen = tags if seen is None else seen | tags
        signs = q.polarity if polarity is None else polarity
        text = respondent_themes(new, labels, polarity=signs, lang=lang)
        if q.question.column != comment_column:
            name = q.question.label or q.question.column
            text = text.where(text == "", f"{name}{'：' if lang == 'ja' else ': '}" + text)
        named.append(text)
    joined = pd.concat(named, axis=1)
    between = _w("parts_joiner", lang)
    return joined.apply(lambda row: between.join(v for v in row if v), axis=1)
