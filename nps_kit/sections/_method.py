"""The data-quality section and the method: how the figures were made, which themes were used."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from nps_kit import __version__, report
from nps_kit._section_result import SectionResult
from nps_kit.analysis import FollowupAnalysis
from nps_kit.i18n import (
    Language,
    t,
)
from nps_kit.periods import (
    fiscal_to_date,
    format_period,
    shift_period,
)
from nps_kit.score import (
    CONTROL_MIN_PERIODS,
    DEFAULT_MIN_REPORT_N,
)
from nps_kit.sections._common import _now, _w
from nps_kit.sections._loop import contact_quality
from nps_kit.text.discovery import text_quality
from nps_kit.text.themes import ThemeBook
from nps_kit.unit import (
    UnitData,
    data_quality,
)


def data_quality_section(
    unit: UnitData,
    *,
    id_column: str | None = None,
    analysis: FollowupAnalysis | None = None,
    comment_column: str | None = None,
    book: ThemeBook | None = None,
    contact_column: str | None = None,
    contact_details: Sequence[str] = (),
) -> SectionResult:
    """Count rows read, excluded (missing, invalid), duplicates; date range and source.

    With ``analysis``, rating answers off the scale or not a number are counted too. With
    ``comment_column`` and ``book`` (the themes in use), also the share of the period's comments
    with a theme, the frequent phrases of the others, and a warning when the theme pack tags few
    of them (:func:`nps_kit.text.discovery.text_quality`). With ``contact_column`` or
    ``contact_details``, how many of the period's responses allowed contact, by the rule ``run``
    and ``alerts`` read them with (:func:`contact_quality`). ``.value`` is the table (``item``,
    ``value``).
    """
    ratings = analysis.ratings if analysis is not None else None
    table = data_quality(unit, id_column=id_column, ratings=ratings)
    lang = unit.language
    contact = contact_quality(unit, contact_column=contact_column, details=contact_details)
    if contact is not None:
        table = pd.concat([table, pd.DataFrame([contact])], ignore_index=True)
    if comment_column and book is not None and comment_column in unit.current.columns:
        texts = unit.current[comment_column]
        # Comments without a valid score count here, not in the follow-ups' commenters.
        unscored = unit.current["segment"].isna()
        table = pd.concat(
            [table, text_quality(texts, book, lang=lang, unscored=unscored)], ignore_index=True
        )
    shown = report.table(
        table, columns={"item": _w("item", lang), "value": _w("value", lang)}, lang=lang
    )
    return SectionResult("quality", value=table, tables={"quality": table}, parts=(shown,))


def method(
    unit: UnitData,
    *,
    level: float = 0.95,
    min_n: int = 30,
    min_report_n: int = DEFAULT_MIN_REPORT_N,
    timezone: str | None = None,
    analysis: FollowupAnalysis | None = None,
    control_min_months: int = CONTROL_MIN_PERIODS,
) -> SectionResult:
    """State thresholds, version and generation time (the definitions are in markdown).

    The time is in ``timezone`` (an IANA name such as ``Asia/Tokyo``); the default is the
    readers' by language (:data:`nps_kit.clock.DEFAULT_TIMEZONE`), never the server's UTC for a
    Japanese unit. With ``analysis`` of a unit with text questions, a line says which themes
    this report used: a shipped pack, a file that extends one, or a file of dictionaries alone.
    """
    now = _now(unit.language, timezone).strftime("%Y-%m-%d %H:%M %Z")
    parts = []
    if analysis is not None and analysis.themes is not None:
        parts.append(report.callout(themes_used(analysis.book, unit.language)))
    if min_report_n:
        parts.append(report.callout(_w("method_floor", unit.language, floor=min_report_n)))
    if unit.fiscal_year_start is not None:
        parts.append(report.callout(_fiscal_naming(unit)))
    facts = report.callout(
        _w(
            "method_facts",
            unit.language,
            level=round(level * 100),
            min_n=min_n,
            floor=min_report_n,
            months=control_min_months,
            version=__version__,
            now=now,
        )
    )
    return SectionResult("method", parts=(*parts, facts))


def _fiscal_naming(unit: UnitData) -> str:
    """Say how a fiscal year is named and what its year to date compares, with this unit's."""
    assert unit.fiscal_year_start is not None
    lang, start = unit.language, unit.fiscal_year_start
    span = fiscal_to_date(unit.period, start, named_by=unit.fiscal_year_named_by)
    end = shift_period(span.first, 11)
    return _w(
        "method_fiscal",
        lang,
        named=t(f"periods.named_by_{span.named_by}", lang),
        example=span.name,
        start=start,
        start_year=span.first[:4],
        end_year=end[:4],
        end=int(end[5:]),
        first=format_period(span.first, lang),
        last=format_period(end, lang),
    )


def themes_used(book: ThemeBook, lang: Language) -> str:
    """Say which themes tagged a report: a shipped pack, a file extending one, or a file alone.

    Examples
    --------
    >>> from nps_kit.text import load_pack
    >>> themes_used(load_pack("saas"), "en")
    'Themes of this report: the saas pack (dictionaries, learned layer and polarity correction)'
    """
    from nps_kit.text._layer import trained
    from nps_kit.text.packs import pack_files

    if book.pack is None:
        return _w("method_themes_own", lang, file=book.path.name)
    # The pack's name in the report's language; an unknown (newer) pack keeps its id.
    try:
        pack = t(f"sections.pack.{book.pack}", lang)
    except KeyError:
        pack = book.pack
    learned = trained(book.pack)  # the food pack has no learned layers: its rules alone
    if book.path.resolve() == pack_files(book.pack)[0].resolve():
        return _w("method_themes_pack" if learned else "method_themes_pack_rules", lang, pack=pack)
    if not learned:
        key = (
            "method_themes_extends_rules"
            if book.own or book.new
            else "method_themes_extends_rules_only"
        )
    elif book.own or book.new:
        key = "method_themes_extends_more"
    else:
        key = "method_themes_extends"
    return _w(
        key,
        lang,
        file=book.path.name,
        pack=pack,
        own=len(book.own),
        new=len(book.new),
    )
