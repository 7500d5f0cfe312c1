"""Segment strategies: data-ranked actions for promoters, passives and detractors.

The *playbook* (``parameters/playbook.yaml``; a copy ships as ``nps_kit/resources/playbook.yaml``)
holds the words: actions in Japanese and English per segment, per open-text theme and per rated
attribute. :func:`segment_strategies` decides which of them a unit sees, using only the unit's
data, and attaches the evidence to each one. Every card agrees with its evidence:

* detractors: actions for the themes the largest share of commenting detractors complain about
  or ask to be improved (negative or mixed mentions), with the NPS points gained if this theme's
  detractors (those same complaining detractors) became passives and their number, both read
  from the theme-impact table; then the general detractor action;
* passives: "fix first" key drivers (the levers that lift a 7–8 to a 9–10), then the themes
  passives complain about or ask to be improved, then the general passive action;
* promoters: actions for the themes promoters praise (positive or mixed mentions, more praise
  than complaint), then the general promoter action.

A theme card is only made where the segment's stance on the theme points the card's way, and
each piece of evidence backs one card only: themes that exactly the same comments carry with the
same figures are one card naming them all, as they are one row of the theme table. A segment
without respondents gets a single note saying so instead of advice.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import pandas as pd

from nps_kit._same_comments import merge_same_comments
from nps_kit.i18n import Language, Scope, impact_text, label, points
from nps_kit.playbook import (
    Action,
    DriverActions,
    GeneralActions,
    Playbook,
    Segment,
    SegmentActions,
    load_playbook,
)
from nps_kit.text.themes import DEFAULT_THEME_IDS

__all__ = [
    "SEGMENTS",
    "THEME_IDS",
    "Action",
    "DriverActions",
    "GeneralActions",
    "Playbook",
    "Recommendation",
    "SegmentActions",
    "load_playbook",
    "no_action_text",
    "own_playbook",
    "segment_strategies",
]

Source = Literal["theme", "driver", "general"]
SEGMENTS: tuple[Segment, ...] = ("detractor", "passive", "promoter")
THEME_IDS: tuple[str, ...] = DEFAULT_THEME_IDS


# --- recommendations -------------------------------------------------------------------------


@dataclass(frozen=True)
class Recommendation:
    """One recommended action with the data behind it.

    Attributes
    ----------
    segment
        ``"detractor"``, ``"passive"`` or ``"promoter"``.
    source
        ``"theme"`` (open-text theme), ``"driver"`` (key-driver analysis) or ``"general"``.
    key
        Theme id, driver id, ``"general"``, or ``"no_data"`` when the segment had no respondents.
    action
        What to do, in the report language.
    evidence
        Why, with the numbers (the segment's share praising or complaining about a theme and
        its n, the NPS points gained if this theme's detractors became passives, key-driver
        importance, segment shares).
    priority
        Rank within the segment, 1 = first.
    """

    segment: Segment
    source: Source
    key: str
    action: str
    evidence: str
    priority: int


_THEME_COLUMNS = ("theme", "nps_gain", "detractors")
_STANCE_COLUMNS = (
    "theme",
    "label",
    "segment",
    "commenters",
    "mentions",
    "praise",
    "complaint",
    "pct_praise",
    "pct_complaint",
)
_DRIVER_COLUMNS = ("attribute", "label", "importance", "performance", "n", "quadrant", "method")


def segment_strategies(
    current: Any,
    *,
    previous: Any = None,
    stance: pd.DataFrame | None = None,
    themes: pd.DataFrame | None = None,
    drivers: pd.DataFrame | None = None,
    tags: pd.DataFrame | None = None,
    playbook: Playbook | None = None,
    lang: Language = "ja",
    top: int = 3,
    min_mentions: int = 3,
    scope: Scope = "all",
    playbook_file: str | None = None,
) -> list[Recommendation]:
    """Recommend up to ``top`` actions per segment, ranked by the unit's data.

    Parameters
    ----------
    current
        The period's segment counts: an :class:`nps_kit.score.NpsResult`, a one-row
        :func:`nps_kit.score.score_groups` frame, a ``Series`` or a mapping with ``n``,
        ``promoters``, ``passives``, ``detractors`` (counts) and ``pct_promoters``,
        ``pct_passives``, ``pct_detractors`` (percent).
    previous
        The same for the comparison period; adds the change in each segment's share to the
        evidence of the general actions.
    stance
        What each segment says about each theme (:func:`nps_kit.text.theme_stance`), or
        ``None`` for no theme cards. Promoter cards come from themes promoters praise more
        than they complain about; detractor and passive cards from themes the segment
        complains about (or asks to be improved) more than it praises. A card quotes the
        table's share and its unweighted n of commenters: give it the ``weight`` that
        ``themes`` was computed with, so that the share and the gain beside it agree.
    themes
        Theme-impact table (:func:`nps_kit.text.theme_impact`; ``theme``, ``nps_gain`` and
        its n ``detractors`` are read), or ``None``; adds the NPS points gained if this theme's
        detractors became passives, with their number, to the detractor cards.
    drivers
        Table from :func:`nps_kit.drivers.key_drivers`, or ``None``; attributes in the
        ``fix_first`` quadrant whose column maps to a playbook driver are recommended to
        passives.
    tags
        The theme tags ``stance`` and ``themes`` were measured on (one boolean column per
        theme, NA where a response has no comment), or ``None``. With them, the themes that
        exactly the same comments carry with the same figures on a card are one card naming
        them all, with the action of the first of them (in the tags' order) the playbook has
        one for (:func:`nps_kit._same_comments.merge_same_comments`, as the theme table).
    playbook
        The playbook; ``None`` loads the built-in one.
    lang
        ``"ja"`` or ``"en"``: language of ``action`` and ``evidence``.
    top
        Most actions per segment.
    min_mentions
        Fewest praising (promoters) or complaining (detractors, passives) commenters of the
        segment before a theme drives advice.
    scope
        Which open answers ``stance`` and ``themes`` read: ``"all"`` or ``"reasons"`` (with an
        improvement question beside, its requests left out); the impact metric's name says it.
    playbook_file
        The name of the playbook file the unit's parameters set (``playbook:``), ``None`` for
        the built-in one. A theme the playbook has no entry for (one added in the unit's
        themes file) that ranks still gets its card, with its evidence: the card says that no
        action is written for it yet and where to write one (QA25: added themes ranked 2nd
        and 3rd by points gained were left out without a word).

    Returns
    -------
    list of Recommendation
        Detractors first, then passives, then promoters; within a segment by ``priority``.
        No two recommendations share their evidence.

    Raises
    ------
    ValueError
        If ``lang`` is unknown, ``top`` is below 1, or a table lacks required columns.
    """
    if lang not in ("ja", "en"):
        raise ValueError(f"lang must be 'ja' or 'en', got {lang!r}")
    if top < 1:
        raise ValueError(f"top must be at least 1, got {top!r}")
    book = playbook if playbook is not None else load_playbook()
    now = _counts(current)
    before = _counts(previous) if previous is not None else None
    stance_table = _require(stance, _STANCE_COLUMNS, "stance")
    theme_table = _require(themes, _THEME_COLUMNS, "themes")
    driver_table = _require(drivers, _DRIVER_COLUMNS, "drivers")
    gains = {
        str(theme): (gain, n)
        for theme, gain, n in zip(
            theme_table["theme"], theme_table["nps_gain"], theme_table["detractors"], strict=True
        )
    }
    out: list[Recommendation] = []
    for seg in SEGMENTS:
        count = now[f"{seg}s"]
        if count is None or count <= 0:
            out.append(_no_data(seg, now, lang))
            continue
        by_source = {
            "theme": _theme_items(
                stance_table, gains, seg, book, lang, min_mentions, scope, playbook_file, tags
            ),
            "driver": _driver_items(driver_table, book, lang) if seg == "passive" else [],
            "general": _general_items(seg, now, before, book, lang),
        }
        order: tuple[Source, ...] = (
            ("driver", "theme", "general") if seg == "passive" else ("theme", "driver", "general")
        )
        # One card per piece of evidence (its first action not already shown), so that no
        # two cards quote the same numbers.
        seen: set[str] = set()
        cited: set[str] = set()
        chosen: list[tuple[Source, str, str, str]] = []
        for source in order:
            for key, action, evidence in by_source[source]:
                if action not in seen and evidence not in cited and len(chosen) < top:
                    seen.add(action)
                    cited.add(evidence)
                    chosen.append((source, key, action, evidence))
        out.extend(
            Recommendation(seg, source, key, action, evidence, rank)
            for rank, (source, key, action, evidence) in enumerate(chosen, start=1)
        )
    return out


def _counts(result: Any) -> dict[str, float | None]:
    """Read n, segment counts and percents from an NpsResult, a one-row frame or a mapping."""
    if isinstance(result, pd.DataFrame):
        if len(result) != 1:
            raise ValueError(f"expected a one-row segment table, got {len(result)} rows")
        result = result.iloc[0]
    names = (
        *("n", "promoters", "passives", "detractors"),
        *("pct_promoters", "pct_passives", "pct_detractors"),
    )
    if isinstance(result, Mapping | pd.Series):
        raw = {name: result.get(name) for name in names}
    else:
        raw = {name: getattr(result, name, None) for name in names}
    if raw["n"] is None:
        raise ValueError("segment counts need at least 'n' and the three segment counts")
    return {name: _number(value) for name, value in raw.items()}


def _number(value: object) -> float | None:
    if value is None or value is pd.NA:
        return None
    number = float(value)  # type: ignore[arg-type]
    return None if math.isnan(number) else number


def _require(table: pd.DataFrame | None, columns: tuple[str, ...], name: str) -> pd.DataFrame:
    if table is None:
        return pd.DataFrame(columns=list(columns))
    lacking = [c for c in columns if c not in table.columns]
    if lacking:
        raise ValueError(f"{name} table lacks column(s) {', '.join(lacking)}")
    return table


def _seg_label(seg: Segment, lang: Language) -> str:
    return label(seg, lang) if lang == "ja" else label(seg, lang).lower()


def _no_data(seg: Segment, now: dict[str, float | None], lang: Language) -> Recommendation:
    n = int(now["n"] or 0)
    name = _seg_label(seg, lang)
    if now[f"{seg}s"] is None:  # suppressed: too few responses to show segment counts
        action = (
            f"回答数が少ないため{name}の内訳は非表示です。施策は提案しません。"
            if lang == "ja"
            else f"Too few responses to report {name}; no advice is given."
        )
        evidence = f"回答{n}件" if lang == "ja" else f"{n} responses"
        return Recommendation(seg, "general", "no_data", action, evidence, 1)
    action = (
        f"今月は{name}の回答がないため、このセグメント向けの施策は提案しません。"
        if lang == "ja"
        else f"No {name} this period, so no advice is given for this segment."
    )
    evidence = f"{name}0人（回答{n}件）" if lang == "ja" else f"0 {name} of {n} responses"
    return Recommendation(seg, "general", "no_data", action, evidence, 1)


def _theme_items(
    table: pd.DataFrame,
    gains: Mapping[str, tuple[object, object]],
    seg: Segment,
    book: Playbook,
    lang: Language,
    min_mentions: int,
    scope: Scope,
    playbook_file: str | None = None,
    tags: pd.DataFrame | None = None,
) -> list[tuple[str, str, str]]:
    rows = table[table["segment"].astype(str) == seg]
    if seg == "promoter":
        said, share, other = "praise", "pct_praise", "pct_complaint"
    else:
        said, share, other = "complaint", "pct_complaint", "pct_praise"
    count = pd.to_numeric(rows[said], errors="coerce")
    own = pd.to_numeric(rows[share], errors="coerce")
    # The card's direction must be the segment's: more praise than complaint for a promoter
    # card ("keep and promote it"), the reverse for a detractor or passive card ("fix it"),
    # judged on the shares the card quotes (weighted for a weighted unit), while the fewest
    # commenters a theme needs stays a count of people.
    keep = count.ge(min_mentions) & own.gt(pd.to_numeric(rows[other], errors="coerce"))
    ranked = rows[keep].assign(share_in_segment=own[keep])
    ranked = ranked.sort_values("share_in_segment", ascending=False, kind="stable")
    name = _seg_label(seg, lang)
    labels = dict(zip(ranked["theme"].astype(str), ranked["label"].astype(str), strict=True))
    items: list[tuple[str, str, str]] = []
    cards = _cards(ranked, gains, seg, tags, lang)
    for row, themes in zip(cards.itertuples(index=False), cards["themes"].tolist(), strict=True):
        # The action of the first theme the playbook has one for; a theme it has no entry
        # for gets the card that says so; one it names without an action for this segment none.
        ids = [str(x) for x in themes]
        theme = next((x for x in ids if book.theme_actions(x, seg)), None) or next(
            (x for x in ids if x not in book.themes), ""
        )
        if not theme:
            continue  # the playbook names the themes and has no action for this segment
        actions = book.theme_actions(theme, seg)
        pct = f"{float(row.share):.0f}%"  # type: ignore[arg-type]
        n = f"n={int(row.commenters):,}"  # type: ignore[arg-type]
        if lang == "ja":
            said = "を評価" if seg == "promoter" else "に不満・要望"
            evidence = f"コメントした{name}の{pct}（{n}）が「{row.label}」{said}"
        else:
            said = "praise" if seg == "promoter" else "complain about or ask to improve"
            evidence = f"{pct} of {name} who commented ({n}) {said} “{row.label}”"
        gain, involved = gains.get(theme, (None, None))
        value = _number(gain)
        if seg == "detractor" and value is not None:
            count_n = _number(involved)
            evidence += ("。" if lang == "ja" else "; ") + impact_text(
                value, None if count_n is None else int(count_n), lang, scope=scope
            )
        action = (
            actions[0].text(lang)
            if actions
            else no_action_text(theme, labels[theme], playbook_file, lang)
        )
        # A merged card keeps the note each of its themes without a playbook entry would get
        # on a card of its own (FIX78: the note of "other" vanished behind delivery's action).
        notes = [
            no_action_text(x, labels[x], playbook_file, lang)
            for x in ids
            if x != theme and x not in book.themes
        ]
        items.append((theme, _with_notes(action, notes, lang), evidence))
    return items


def _with_notes(action: str, notes: Sequence[str], lang: Language) -> str:
    """Return ``action`` followed by ``notes``, each its own sentence."""
    if not notes:
        return action
    end = "。" if lang == "ja" else "."
    ended = action if action.rstrip().endswith(("。", ".", "!", "?", "！", "？")) else action + end
    return ("" if lang == "ja" else " ").join([ended, *notes])


def _cards(
    ranked: pd.DataFrame,
    gains: Mapping[str, tuple[object, object]],
    seg: Segment,
    tags: pd.DataFrame | None,
    lang: Language,
) -> pd.DataFrame:
    """One row per theme card in rank order, with the figures the card quotes.

    With ``tags``, the themes exactly the same comments carry with the same figures are one row
    named by them all (FIX76: "配送" and "梱包" cards quoted the same "100% (n=34)" and gain, as
    the theme table once showed two such rows); ``themes`` lists each row's theme ids.
    """
    theme = ranked["theme"].astype(str).tolist()
    involved = [gains.get(t, (None, None)) for t in theme]
    detractor = seg == "detractor"  # only a detractor card quotes the gain and its n
    cards = pd.DataFrame(
        {
            "theme": theme,
            "label": ranked["label"].astype(str).tolist(),
            # the segment's commenters saying it: a theme nobody says is never merged
            "mentions": pd.to_numeric(
                ranked["praise" if seg == "promoter" else "complaint"], errors="coerce"
            ).tolist(),
            "commenters": ranked["commenters"].tolist(),
            "share": ranked["share_in_segment"].astype(float).tolist(),
            "gain": [_number(g) if detractor else None for g, _ in involved],
            "involved": [_number(n) if detractor else None for _, n in involved],
        }
    ).astype({"gain": float, "involved": float})
    if tags is None:
        return cards.assign(themes=pd.Series([(t,) for t in theme], index=cards.index))
    return merge_same_comments(cards, tags, lang=lang)


def own_playbook(path: str | Path | None) -> str | None:
    """Return the file name of a unit's own playbook; ``None`` for a built-in one.

    A unit whose themes file extends a pack reads the pack's playbook, shipped inside nps-kit:
    an action is written in the unit's own file (``playbook:``), never there.
    """
    if path is None:
        return None
    shipped = Path(__file__).resolve().parent
    found = Path(path).resolve()
    return None if found.is_relative_to(shipped) else found.name


def no_action_text(theme: str, name: str, playbook_file: str | None, lang: Language) -> str:
    """Say that the playbook has no action for ``theme`` yet and where to write one.

    ``name`` is the theme's label; ``playbook_file`` the unit's playbook (``None``: the
    built-in one, which a unit replaces with ``playbook:`` in its parameters).
    """
    if lang == "ja":
        where = (
            f"{playbook_file} の themes: の下"
            if playbook_file
            else "パラメーターの playbook: に指定するプレイブックの themes: の下"
        )
        return (
            f"「{name}」への施策はまだ書かれていません。"
            f"{where}に {theme}: として書き加えてください。"
        )
    where = (
        f"in {playbook_file}"
        if playbook_file
        else "in a playbook file set as playbook: in the parameters"
    )
    return f"No action is written for “{name}” yet: add one under themes: {theme}: {where}."


def _driver_items(
    table: pd.DataFrame, book: Playbook, lang: Language
) -> list[tuple[str, str, str]]:
    fix = table[table["quadrant"].astype("string").eq("fix_first").fillna(False).astype(bool)]
    fix = fix.sort_values("importance", ascending=False, kind="stable")
    average = pd.to_numeric(table["performance"], errors="coerce").mean()
    items: list[tuple[str, str, str]] = []
    for row in fix.itertuples(index=False):
        driver = book.driver_for(str(row.attribute))
        if driver is None:
            continue
        method = str(row.method)
        if lang == "ja":
            how = "相対重要度" if method == "relative_weights" else "相関係数"
            evidence = (
                f"キードライバー分析で「{row.label}」は重要度が高く評価が低い"
                f"（{how}{row.importance:.3f}、平均評価{row.performance:.2f}、"
                f"全項目平均{average:.2f}、n={row.n}）"
            )
        else:
            how = "relative weight" if method == "relative_weights" else "correlation"
            evidence = (
                f"Key drivers: {row.label} matters much but rates low ({how} "
                f"{row.importance:.3f}, mean rating {row.performance:.2f} vs {average:.2f} "
                f"across attributes, n = {row.n})"
            )
        items.extend((driver, a.text(lang), evidence) for a in book.drivers[driver].actions[:1])
    return items


def _general_items(
    seg: Segment,
    now: dict[str, float | None],
    before: dict[str, float | None] | None,
    book: Playbook,
    lang: Language,
) -> list[tuple[str, str, str]]:
    name = _seg_label(seg, lang)
    count = round(now[f"{seg}s"] or 0)
    n = round(now["n"] or 0)
    pct = now[f"pct_{seg}s"]
    change = ""
    if before is not None and pct is not None and before[f"pct_{seg}s"] is not None:
        diff = points(pct - (before[f"pct_{seg}s"] or 0.0), lang, signed=True)
        change = f"、前月比{diff}" if lang == "ja" else f", {diff} vs previous"
    share = f"{pct:.1f}%" if pct is not None else "—"
    if lang == "ja":
        evidence = f"{name}{share}（回答{n}件中{count}人{change}）"
    else:
        evidence = f"{name} {share} ({count} of {n} responses{change})"
    actions = getattr(book.general, seg)
    return [("general", actions[0].text(lang), evidence)]
