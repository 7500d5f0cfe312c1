"""The segments' recommended actions, each with its evidence (:func:`strategies`)."""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import replace

import pandas as pd
from IPython.display import HTML

from nps_kit import report
from nps_kit._section_result import SectionResult
from nps_kit.analysis import FollowupAnalysis
from nps_kit.closed_loop import (
    followup_list,
)
from nps_kit.i18n import (
    Language,
    label,
)
from nps_kit.sections._common import _w
from nps_kit.strategy import Recommendation
from nps_kit.unit import (
    UnitData,
)


def _phrase_table(phrases: pd.DataFrame, *, lang: Language) -> HTML:
    """Show :func:`nps_kit.text.segment_phrases`' table: each phrase over its example comment."""
    return report.table(
        phrases.assign(segment=phrases["segment"].map(lambda s: label(s, lang))),
        columns={
            "segment": _w("segment", lang),
            "phrase": _w("phrase_example", lang),
            "count": _w("phrase_count", lang),
            "share": _w("phrase_share", lang),
        },
        formats={"share": ".1f"},
        notes={"phrase": "example"},
        lang=lang,
    )


def _marked_groups(table: pd.DataFrame, column: str, lang: Language) -> str:
    """Name the groups marked above / below the unit, e.g. ``全体より高い ▲ Web、アプリ``."""
    if "versus_unit" not in table.columns:
        return ""
    joiner = "、" if lang == "ja" else ", "
    parts = []
    for side in ("above", "below"):
        names = [str(v) for v in table.loc[table["versus_unit"].eq(side).fillna(False), column]]
        if names:
            parts.append(_w(f"{side}_unit", lang, names=joiner.join(names)))
    return _w("parts_joiner", lang).join(parts)


#: Rows of a follow-up question's answer or theme table shown before its fold: each row is a
#: card on a phone, and a theme table of eight took three screens (REPORT31).
TABLE_SHOWN = 5
#: Actions shown of each segment before the strategies' fold: a manager reads the first
#: action for detractors, passives and promoters on one phone screen (REPORT31: nine cards
#: took 2.5 screens).
STRATEGIES_SHOWN = 1


class _NotPassed(enum.Enum):
    """A keyword an older copy of the report notebook does not pass (:mod:`_notebook_lines`)."""

    NOT_PASSED = enum.auto()


def strategies(
    unit: UnitData,
    analysis: FollowupAnalysis,
    *,
    contact_column: str | None = None,
    contact_details: Sequence[str] = (),
    id_column: str | _NotPassed | None = _NotPassed.NOT_PASSED,
) -> SectionResult:
    """List the data-driven recommendations per segment, each with its evidence.

    ``.tables["recommendations"]`` has one row per recommendation (``segment``, ``action``,
    ``evidence``). With the unit's consent column or contact details, a period whose detractors
    may none be contacted (:attr:`nps_kit.closed_loop.FollowupList.nobody_to_call`, the
    detractor list's own rule) shows why there is no one to call back in place of the
    playbook's call-back action, which would point to an empty list (QA26 #21). With
    ``id_column`` (the unit's ``columns.id``, ``None`` when it has none), an anonymous form
    (:attr:`~nps_kit.closed_loop.FollowupList.anonymous`: no id, consent or contact detail)
    says nobody can be called back and what to add to the form, as the e-mail does (QA44).
    An older notebook's call without ``id_column`` keeps the playbook's action there.
    """
    lang = unit.language
    recommendations = list(analysis.recommendations)
    id_known = not isinstance(id_column, _NotPassed)
    if contact_column is not None or contact_details or id_known:
        listed = followup_list(
            unit,
            id_column=None if isinstance(id_column, _NotPassed) else id_column,
            comment_column=None,
            contact_column=contact_column,
            details=contact_details,
        )
        basis = (
            ("declined" if listed.declined else "unreachable")
            if listed.nobody_to_call
            else "anonymous"
            if id_known and listed.anonymous
            else None
        )
        if basis is not None:
            recommendations = [
                replace(r, action=_w(f"nobody_to_call_{basis}", lang)) if _calls_back(r) else r
                for r in recommendations
            ]
    items = [(r.segment, r.action, r.evidence) for r in recommendations]
    table = pd.DataFrame(items, columns=["segment", "action", "evidence"])
    shown = (
        report.recommendations(items, lang=lang, per_segment=STRATEGIES_SHOWN)
        if items
        else report.callout(_w("no_recommendation", lang))
    )
    return SectionResult("strategies", tables={"recommendations": table}, parts=(shown,))


def _calls_back(recommendation: Recommendation) -> bool:
    """Whether a recommendation is the playbook's general detractor action: call them back."""
    return (
        recommendation.segment == "detractor"
        and recommendation.source == "general"
        and (recommendation.key != "no_data")
    )
