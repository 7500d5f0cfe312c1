"""The run summary's records (:class:`UnitSummary` and its parts), read from JSON by field type."""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import MISSING, dataclass, fields, replace
from typing import TYPE_CHECKING, Any, ClassVar, Self

if TYPE_CHECKING:
    from nps_kit.i18n import Language
    from nps_kit.load import UnreadableDates as LoadUnreadableDates
    from nps_kit.periods import FiscalSpan


def _float(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value) if value == value else None


def _int(value: object) -> int | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    if isinstance(value, float) and not math.isfinite(value):
        return None  # NaN or ±Infinity (Python's json reads both) is no count
    return int(value)


def _text(value: object) -> str | None:
    return None if value is None else str(value)


def _flag(value: object) -> bool | None:
    return value if isinstance(value, bool) else None


def _records(value: object) -> list[Mapping[str, Any]]:
    # A hand-edited manifest may hold anything: keep the rows that are objects.
    if not isinstance(value, list | tuple):
        return []
    return [r for r in value if isinstance(r, Mapping)]


#: How a JSON value is read for each plain field type of this module: a malformed value becomes
#: ``None`` (or the field's default), never an exception.
_READERS: dict[str, Callable[[object], object]] = {
    "float | None": _float,
    "int | None": _int,
    "str | None": _text,
    "bool | None": _flag,
    "str": lambda v: "" if v is None else str(v),
    "int": lambda v: _int(v) or 0,
    "bool": bool,
    "tuple[Mapping[str, Any], ...]": lambda v: tuple(dict(r) for r in _records(v)),
    "tuple[str, ...]": lambda v: tuple(str(x) for x in v) if isinstance(v, list | tuple) else (),
    # None when absent (a manifest written before the field): unknown, not empty.
    "tuple[int, ...] | None": lambda v: (
        tuple(_int(x) or 0 for x in v) if isinstance(v, list | tuple) else None
    ),
}


def _dump(value: object) -> object:
    if isinstance(value, _Record):
        return value.to_json()
    if isinstance(value, tuple):
        return [_dump(v) for v in value]
    if isinstance(value, Mapping):
        return dict(value)
    return value


class _Record:
    """``to_json``/``from_json`` derived from a frozen dataclass's fields, in field order.

    A record nested in another is named by its field's annotation (``Change | None``,
    ``tuple[Theme, ...]``); a list row without one of the keys in ``_REQUIRED`` is skipped.
    """

    _REQUIRED: ClassVar[tuple[str, ...]] = ()

    def to_json(self) -> dict[str, Any]:
        """Return the manifest's JSON object (plain JSON types, keys in field order)."""
        return {f.name: _dump(getattr(self, f.name)) for f in fields(self)}  # type: ignore[arg-type]

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Self:
        """Read a manifest JSON object; missing or malformed values become ``None`` or defaults."""
        values: dict[str, object] = {}
        for f in fields(cls):  # type: ignore[arg-type]
            kind, value = str(f.type), data.get(f.name)
            if kind in _READERS:
                if value is None and f.default is not MISSING:
                    continue
                values[f.name] = _READERS[kind](value)
            elif kind.startswith("tuple["):
                record = _RECORDS[kind.removeprefix("tuple[").removesuffix(", ...]")]
                rows = [r for r in _records(value) if all(k in r for k in record._REQUIRED)]
                values[f.name] = tuple(record.from_json(r) for r in rows)
            else:
                record = _RECORDS[kind.removesuffix(" | None")]
                values[f.name] = record.from_json(value) if isinstance(value, Mapping) else None
        return cls(**values)


@dataclass(frozen=True)
class Change(_Record):
    """The change against the first comparison period (``vs``), with its interval and verdict."""

    vs: str | None
    kind: str | None
    diff: float | None
    ci_low: float | None
    ci_high: float | None
    p_value: float | None
    verdict: str | None
    level: float | None = None
    nps: float | None = None


#: Why a fiscal year to date's change is not shown (:attr:`FiscalYtd.unshown`): not computed,
#: as last year's same months have no response or fewer than half of them one
#: (:attr:`nps_kit.unit.FiscalToDate.comparable`); or hidden by the anonymity floor, as they
#: hold fewer responses than it or would tell a month under it
#: (:func:`nps_kit.score.told_parts`); or the year to date itself holds fewer responses than
#: the floor (``"ytd_under_floor"``: the first months of a small branch's year) or would tell
#: a month under it (``"ytd_tells"``).
#: ``"rerun"``: a manifest written before the months' counts, read under a floor, whose change
#: cannot be checked (:func:`floor_summary`); ``"ytd_rerun"``: nor its year to date, as its
#: trend does not hold the year's months (a month under the floor publishes no trend).
FISCAL_UNSHOWN = (
    "no_responses",
    "too_few",
    "under_floor",
    "tells",
    "ytd_tells",
    "ytd_under_floor",
    "rerun",
    "ytd_rerun",
)
_NOT_COMPUTED = ("no_responses", "too_few")
#: The codes that hide the year to date itself (its NPS is ``None``), not only its change.
_YTD_UNSHOWN = ("ytd_tells", "ytd_under_floor", "ytd_rerun")


@dataclass(frozen=True)
class FiscalYtd(_Record):
    """The fiscal year to date: NPS of its months through the reporting month, and its change.

    ``year`` is the calendar year the fiscal year starts in (``named_by`` says which year
    names it, :meth:`span`); ``first`` and ``last`` are its
    first month and the reporting month. ``change`` (kind ``fiscal_ytd``, ``vs`` the first
    month of the previous fiscal year's same months) is ``None`` when the report hides it;
    its difference is ``None`` when it is not computed. ``unshown`` then says why
    (:data:`FISCAL_UNSHOWN`), as the report's card does, so that the overview and the e-mail
    say it too (:meth:`why`); ``"ytd_tells"`` hides the year to date itself (its NPS is
    ``None``).
    """

    year: int | None = None
    first: str | None = None
    last: str | None = None
    n: int | None = None
    nps: float | None = None
    ci_low: float | None = None
    ci_high: float | None = None
    small_sample: bool = False
    change: Change | None = None
    #: Scored responses of each month of the span and of last fiscal year's same months, for
    #: the anonymity floor of a published summary (:func:`floor_summary`); ``None`` in a
    #: manifest written before them.
    counts: tuple[int, ...] | None = None
    before_counts: tuple[int, ...] | None = None
    #: Why the change (or with ``"ytd_tells"``, ``"ytd_under_floor"``, ``"ytd_rerun"`` the
    #: year to date) is not shown, if it is not.
    unshown: str | None = None
    #: The anonymity floor that hid it (``"under_floor"``, ``"tells"``, ``"ytd_…"``).
    floor: int | None = None
    #: Which year names the fiscal year (``fiscal_year_named_by``): ``"start"`` or ``"end"``;
    #: ``None`` in a manifest written before it, which named it by its start.
    named_by: str | None = None

    def span(self) -> FiscalSpan | None:
        """Return its months as a :class:`~nps_kit.periods.FiscalSpan`, named as it was."""
        from nps_kit.periods import FiscalSpan

        if self.year is None or self.first is None or self.last is None:
            return None
        return FiscalSpan(
            self.year, self.first, self.last, "end" if self.named_by == "end" else "start"
        )

    def why(self, lang: Language) -> str | None:
        """Say in a few words why the change is not shown, ``None`` when it is (or unknown).

        ``前年度同期：比較なし（回答のある月が7か月中3か月）``, ``vs last FY: not compared
        (3 of 7 months answered)``; ``vs last FY: not shown (3 responses, fewer than 5)``.
        """
        from nps_kit.i18n import t

        code = self.unshown
        before = self.before_counts or ()
        if code is None or code not in FISCAL_UNSHOWN:
            return None
        if code == "too_few":
            answered = sum(1 for n in before if n)
            why = t("summary.fiscal_answered", lang, answered=answered, months=len(before))
        elif code == "under_floor":
            why = t("summary.fiscal_under_floor", lang, n=sum(before), floor=self.floor)
        elif code == "ytd_under_floor":
            why = t("summary.fiscal_under_floor", lang, n=self.n or 0, floor=self.floor)
        elif code in ("tells", "ytd_tells"):
            why = t("summary.fiscal_tells", lang, floor=self.floor)
        elif code in ("rerun", "ytd_rerun"):
            why = t("summary.fiscal_rerun", lang, floor=self.floor)
        else:
            why = t("summary.fiscal_no_responses", lang)
        verb = (
            "summary.fiscal_not_compared" if code in _NOT_COMPUTED else "summary.fiscal_not_shown"
        )
        said = t(verb, lang, why=why)
        return said if code in _YTD_UNSHOWN else t("summary.fiscal_vs_before", lang, said=said)

    def text(self, lang: Language) -> str | None:
        """Say it in one line, as the e-mail and the overview show it; ``None`` when unknown.

        ``2026年度累計（4〜10月）：NPS +12.3・回答数3,456件・前年度同期比+2.1ポイント・有意差なし``,
        ``FY2026 to date (Apr–Oct): NPS +12.3 · 3,456 responses · +2.1 pts vs same months
        last fiscal year · no significant change``. Without its change, why (:meth:`why`):
        ``… · vs last FY: not compared (1 of 7 months answered)``; hidden (``"ytd_tells"``),
        its n and why, no NPS.
        """
        from nps_kit.i18n import change_points, label, points, t

        whole = self.span()
        if whole is None:
            return None
        span = whole.label(lang)
        colon = "：" if lang == "ja" else ": "
        parts = [f"{label('nps', lang)} {points(self.nps, lang, signed=True)}"]
        if self.n is not None:
            parts.append(t("mail.responses", lang, n=f"{self.n:,}"))
        if self.small_sample:
            parts.append(label("small_sample", lang))
        if self.change is not None and self.change.diff is not None:
            what = t("sections.fiscal_ytd", lang)
            diff = change_points(self.change.diff, lang)
            parts.append(f"{what}{diff}" if lang == "ja" else f"{diff} {what}")
            if self.change.verdict:
                parts.append(label(self.change.verdict, lang))
        why = self.why(lang)
        if self.unshown in _YTD_UNSHOWN:  # no NPS: its n and why
            said_n = self.n is None or self.unshown == "ytd_under_floor"  # said in why
            parts = [] if said_n else [t("mail.responses", lang, n=f"{self.n:,}")]
        if why is not None:
            parts.append(why)
        return span + colon + t("mail.dot", lang).join(parts)


@dataclass(frozen=True)
class TrendPoint(_Record):
    """One month of the trend: NPS (``None`` when hidden), interval and responses."""

    _REQUIRED: ClassVar[tuple[str, ...]] = ("period",)

    period: str
    nps: float | None
    n: int | None
    ci_low: float | None = None
    ci_high: float | None = None
    small_sample: bool = False
    control_low: float | None = None
    control_high: float | None = None
    out_of_control: str | None = None


@dataclass(frozen=True)
class Control(_Record):
    """The reporting month against the unit's own control limits (p-chart, trailing 12 months).

    ``outside`` is ``"above"``, ``"below"`` or ``None`` (inside, or not enough history).
    """

    period: str | None
    centre: float | None
    low: float | None
    high: float | None
    outside: str | None


@dataclass(frozen=True)
class Theme(_Record):
    """A top theme of the period's comments: id, label, share of comments, NPS gain."""

    theme: str
    label: str
    share: float | None
    nps_gain: float | None
    detractors: int | None = None
    #: The theme's name in each language, so that a page in the other language (the overview
    #: of a project whose units report in both) names it in its own; ``None`` in older manifests.
    label_ja: str | None = None
    label_en: str | None = None
    #: The report's theme tables flag the theme as a small sample (fewer mentions than
    #: ``min_n``: :func:`nps_kit.analysis.analyse_followups`); the e-mail and the overview say
    #: so beside it too (QA22: Enterprise's top theme rested on 2 detractors, unmarked).
    small_sample: bool = False
    #: How many respondents mentioned it (``top_requests``: how many asked for it).
    mentions: int | None = None

    def label_in(self, lang: str) -> str:
        """Return the theme's name in ``lang``, else the unit's own ``label``."""
        return (self.label_ja if lang == "ja" else self.label_en) or self.label

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Self:
        """Read one ``top_themes`` row; the label falls back to the theme id."""
        theme = super().from_json(data)
        return theme if theme.label else replace(theme, label=theme.theme)


@dataclass(frozen=True)
class Action(_Record):
    """A recommended action for a segment, with the evidence behind it."""

    segment: str
    text: str
    evidence: str


@dataclass(frozen=True)
class Excluded(_Record):
    """Responses of the period left out of the NPS: score missing or invalid."""

    missing: int
    invalid: int


@dataclass(frozen=True)
class UnreadableDates(_Record):
    """The unit's responses whose date could not be read: in no month, so left out of every one.

    The words that say so are :class:`nps_kit.load.UnreadableDates`'s.
    """

    column: str
    count: int
    examples: tuple[str, ...] = ()

    def words(self) -> LoadUnreadableDates:
        """Return the loader's record of them, whose ``message(lang)`` and ``hint(lang)`` say so.

        The run table, the e-mail and the overview word them with the report's sentences.
        """
        from nps_kit.load import UnreadableDates as Words

        return Words(self.column, self.count, None, self.examples)


@dataclass(frozen=True)
class UnreadComments(_Record):
    """Most of a question's comments are in languages no theme pack reads (BROWSE33, FIX78).

    No theme, polarity or typical phrase comes from them, so a unit whose comments are mostly
    French has no top themes for that reason, not for want of comments: the report says so
    under the question, and the e-mail and the overview say it beside their empty top themes,
    each in its own language (:meth:`message`), from these counts. Made by
    :func:`nps_kit.analysis.mostly_unread`.
    """

    #: The question's comments (answers that say something).
    comments: int
    #: Those in a language no pack reads.
    unread: int
    #: Their languages' codes (``"fr"``), most comments first.
    languages: tuple[str, ...] = ()

    def message(self, lang: Language) -> str:
        """Return the reader's sentence: how many comments are in which languages, unanalysed.

        ``Most comments (22 of 24) are in French, which this report's analysis does not read:
        they are not analysed, …`` / ``コメントの多く（24件中22件）はフランス語で、…``. No word of
        themes.yaml: the manager who reads the report and the e-mail cannot edit it (REVIEW35);
        :meth:`hint` is the analyst's.
        """
        from nps_kit.i18n import join_names, t
        from nps_kit.text.languages import language_name

        names = [language_name(code, lang) for code in self.languages]
        return t(
            # "that language" or "those languages" (FIX80)
            "sections.words_unread" if len(names) <= 1 else "sections.words_unread_several",
            lang,
            n=f"{self.unread:,}",
            comments=f"{self.comments:,}",
            languages=join_names(names, lang),
        )

    def hint(self, lang: Language = "en", *, themes: str = "themes.yaml") -> str:
        """Return the analyst's instruction: words of the language in ``themes`` tag them.

        Said where the analyst reads (the end of ``run``; the report's data quality has its own
        row), never to the report's or the e-mail's reader.
        """
        from nps_kit.i18n import t

        several = len(self.languages) > 1
        key = "sections.words_unread_hint_several" if several else "sections.words_unread_hint"
        return t(key, lang, themes=themes)


@dataclass(frozen=True)
class UnitSummary(_Record):
    """A unit's key numbers for the manifest, the overview and the e-mail.

    Every field may be ``None`` (or empty) in a summary read from an older or hand-edited
    manifest; readers show a dash for what is missing.
    """

    period: str | None = None
    n: int | None = None
    nps: float | None = None
    ci_low: float | None = None
    ci_high: float | None = None
    pct_promoters: float | None = None
    pct_passives: float | None = None
    pct_detractors: float | None = None
    small_sample: bool = False
    min_n: int | None = None
    incomplete_through: str | None = None
    target: float | None = None
    target_status: str | None = None
    change: Change | None = None
    changes: tuple[Change, ...] = ()
    #: The fiscal year to date (``comparison: fiscal_ytd``); ``None`` otherwise.
    fiscal_ytd: FiscalYtd | None = None
    contributors: tuple[Mapping[str, Any], ...] = ()
    trend: tuple[TrendPoint, ...] = ()
    control: Control | None = None
    top_themes: tuple[Theme, ...] = ()
    #: Which open answers rank ``top_themes``: ``"all"``, or ``"reasons"`` when an improvement
    #: question's requests are left out of the ranking and listed in ``top_requests``.
    theme_scope: str | None = None
    top_requests: tuple[Theme, ...] = ()
    actions: tuple[Action, ...] = ()
    #: Listed detractors still awaiting follow-up (:func:`nps_kit.closed_loop.still_open`).
    detractors_to_contact: int | None = None
    consent_known: bool | None = None
    #: Why the listed detractors may be contacted (:data:`nps_kit.closed_loop.ContactBasis`):
    #: ``"consent"`` or ``"details"``; ``"anonymous"`` when the export holds no way to reach
    #: anyone (no consent, contact detail or id: the list is for reading, QA44); ``None`` when
    #: consent is unknown or in a manifest written before it (then ``consent_known`` tells
    #: consent from unknown).
    contact_basis: str | None = None
    #: Listed detractors the returned status file marks contacted; ``None`` without one.
    detractors_contacted: int | None = None
    #: The period's detractors not listed because they may not be contacted: they did not
    #: allow contact, or left no way to reach them (``contact_basis`` says which); ``None``
    #: without a list or in a manifest written before it.
    detractors_not_listed: int | None = None
    excluded: Excluded | None = None
    unreadable_dates: UnreadableDates | None = None
    #: Most comments ranking ``top_themes`` are in languages no pack reads: why there are
    #: none (or few); ``None`` otherwise, under the anonymity floor, or in an older manifest.
    unread_comments: UnreadComments | None = None
    #: The anonymity floor when ``top_themes`` is empty and themes mentioned by fewer
    #: commenters than it hide their points gained: why there is no top theme though
    #: comments name themes (FIX78: "—" in the overview read as "no complaint"); ``None``
    #: otherwise.
    themes_under_floor: int | None = None
    #: With ``themes_under_floor``, how many themes are mentioned by the floor or more, none
    #: with a complaining detractor (REVIEW35: then not "every theme has fewer …"); 0 when
    #: every theme is under it, or in an older manifest.
    themes_over_floor: int = 0
    #: What the returned status file could not give (an unreadable date, rows that moved):
    #: said in the report's follow-up box and as warnings at the end of the run.
    followup_warnings: tuple[str, ...] = ()

    def themes_note(self, lang: Language) -> str | None:
        """Say why there are no (or few) top themes, in the report's words, else ``None``.

        Comments mostly in languages no pack reads (:class:`UnreadComments`), or themes
        mentioned by fewer commenters than the anonymity floor: every theme, or those beside
        themes over it that no detractor complains of. The e-mail says it under its top themes
        and the overview in the top-complaint cell.
        """
        from nps_kit.i18n import t

        if self.unread_comments is not None:
            return self.unread_comments.message(lang)
        if self.themes_under_floor is not None and not self.top_themes:
            key = "themes_none_over_floor" if self.themes_over_floor else "themes_under_floor"
            return t(f"summary.{key}", lang, floor=self.themes_under_floor)
        return None

    def share(self, segment: str) -> float | None:
        """Return the share in percent of ``"promoters"``, ``"passives"`` or ``"detractors"``."""
        shares = {
            "promoters": self.pct_promoters,
            "passives": self.pct_passives,
            "detractors": self.pct_detractors,
        }
        return shares[segment]


#: Record types by the name their fields' annotations use.
_RECORDS: dict[str, type[_Record]] = {
    c.__name__: c
    for c in (
        Change,
        FiscalYtd,
        TrendPoint,
        Control,
        Theme,
        Action,
        Excluded,
        UnreadableDates,
        UnreadComments,
    )
}
