"""Build a reporting project from a survey export (``nps-kit init DIR --from EXPORT``).

:func:`project_from_export` inspects the export (:func:`nps_kit.inspect.inspect_export`) and
writes ``parameters/defaults.yaml`` and the unit files with every choice filled in and commented
— which column is the score and why, how dates are read, which columns become breakdowns and
follow-up questions — so that ``nps-kit run`` works at once and a person can correct any choice.
"""

from __future__ import annotations

import itertools
import json
import os
import re
import textwrap
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, Final

import pandas as pd

from nps_kit import clock
from nps_kit._code_table import FoundCodes
from nps_kit._consent import (
    CONSENT_CHOICES,
    CONSENT_NAME,
    OPT_IN_NAME,
    asks_about_contact,
    asks_how,
    asks_refusal,
    reversed_words,
)
from nps_kit._id_repeats import (
    id_repeat_count,
    numbers_rows,
    running_number_note,
    same_response_repeats,
)
from nps_kit._init_words import comment_lines, in_language
from nps_kit._question_label import header_label, short_labels
from nps_kit._renames import Rename, chains, renames
from nps_kit._value_key import cell_text, one_spelling, spellings
from nps_kit._values import (
    DATE_EXAMPLES,
    DATE_FORMS,
    parse_date_values,
    parse_scores,
    scale_split,
)
from nps_kit._width import display_width
from nps_kit._yaml import scalar
from nps_kit._zone_hint import WrittenZones, ZoneHint, written_zones, zone_hint
from nps_kit.closed_loop import record_columns, record_note
from nps_kit.errors import DataError, NpsKitError
from nps_kit.i18n import Language, t
from nps_kit.inspect import (
    _ASKS_IMPROVEMENT,
    _ID_NAME,
    _SEQUENCE_NAME,
    AnswerLanguage,
    ColumnInfo,
    Inspection,
    answer_language,
    coded_scores,
    detail_words,
    inspect_export,
    is_response_id,
    other_sheets,
    speaks_of_recommending,
)
from nps_kit.ordinal import not_applicable
from nps_kit.score import DEFAULT_MIN_REPORT_N
from nps_kit.text._layer import trained
from nps_kit.text.packs import PACKS

__all__ = [
    "ExportProject",
    "choose_theme_pack",
    "export_project",
    "pack_extension",
    "project_from_export",
    "short_playbook_head",
]

_MAX_BREAKDOWNS: Final = 6
# The breakdowns' top N values (the rest are grouped as Other), as init writes it.
_TOP_N: Final = 12
# A theme pack fits when it tags this share of the comments, spread over this many themes that
# each tag 5 % or more: one theme matching everywhere ("package" read as a parcel) is not a fit.
_FIT_SHARE: Final = 0.4
_FIT_THEMES: Final = 3

# A free-text question that asks for the reason of the score or for comments.
_REASON: Final = re.compile(
    r"reason|why|comment|feedback|explain|tell us|理由|なぜ|ご意見|意見|コメント|感想|要望",
    re.IGNORECASE,
)

# An id column named for who answered (customer_id, お客様番号, 会員番号): what the team
# looks the customer up by, the response id only when the export has no other.
_WHO_ID: Final = re.compile(
    r"customer|client|member|account|patient|user|guest|顧客|お客様|客番|会員|患者|利用者|"
    r"契約者|加入者|ユーザー",
    re.IGNORECASE,
)
# A name ending in ID after a word of another script (コールID, 受付ID): inspect's id words
# want a separator before a Latin "id".
_ENDS_ID: Final = re.compile(r"(?<=[^\x00-\x7f])id$", re.IGNORECASE)
# A survey tool's own per-response id under a name without "id": Typeform's "#" (and its
# "Token", "Response Token"); one per response by definition, so before any customer number.
_RESPONSE_TOKEN: Final = re.compile(r"^(#|token|response[ _-]?token|submission[ _-]?id)$", re.I)

# A column of last names (RecipientLastName, "Last name", Surname): listed after the first.
_LAST_NAME: Final = re.compile(r"last[ _-]?name|family[ _-]?name|surname", re.IGNORECASE)
# A column of the staff who served (担当スタッフ, Agent, Advisor): names, but never the
# customer's contact details (QA24: the alert printed the staff member under the customer).
_STAFF: Final = re.compile(
    r"staff|agent|advis[eo]r|employee|representative|consultant|\brep\b|担当|スタッフ|店員|"
    r"係員|営業|整備士",
    re.IGNORECASE,
)

# A free-text question that asks what to improve: its answers are requests
# (``asks: improvement``), not reasons for the score.
# A header asking what to improve (inspect's words, which make the column free text) or, more
# broadly, for wishes and suggestions: the follow-up gets ``asks: improvement``.
_IMPROVEMENT: Final = re.compile(
    _ASKS_IMPROVEMENT.pattern + r"|better|suggest|wish|change|missing|要望|希望", re.IGNORECASE
)
# A box that asks for opinions as well as wishes (「ご意見・ご要望」, "Comments and suggestions")
# is a general comment box: its answers praise as often as they ask, and a theme named without a
# judgement is no request there (QA43: the bank's passives "complained" of 連絡 in such a box).
# Only the broader words give way to it; "What could we improve? Any comments" asks to improve.
_ALSO_OPINION: Final = re.compile(
    r"\b(?:comments?|remarks?|feedback|opinions?|thoughts)\b|ご意見|意見|感想|コメント",
    re.IGNORECASE,
)


def _asks_improvement(header: str) -> bool:
    """Whether a free-text header asks what to improve (``asks: improvement``)."""
    if _ASKS_IMPROVEMENT.search(header):
        return True
    return bool(_IMPROVEMENT.search(header)) and not _ALSO_OPINION.search(header)


_EMPTY_THEMES: Final = """\
# Theme dictionaries for open-text comments. `nps-kit init --from` found that none of nps-kit's
# bundled theme packs ({packs}) fits the comments of this survey, so none is applied: the
# report shows the comments, distinguishing words and representative comments, but no themes.
# Add your own themes here (the format is described at the top of nps-kit's themes.yaml).
version: 1
themes: {{}}
"""


def choose_theme_pack(texts: pd.Series) -> str | None:
    """Return the shipped theme pack that fits ``texts``, or ``None`` when none does.

    The pack that tags the most comments (:func:`nps_kit.text.packs.best_pack`: retail, saas,
    finance, generic, food or logistics) is chosen when it tags at least 40 % of the non-blank
    comments, spread over three or more themes that each tag at least 5 % of them. Otherwise no
    themes are applied, rather than dictionaries that do not fit (e-commerce delivery advice for a
    software survey).

    Parameters
    ----------
    texts
        The survey's free-text answers.

    Returns
    -------
    str or None
        The pack id, or ``None``.
    """
    from nps_kit.text.packs import best_pack, load_pack
    from nps_kit.text.themes import tag_themes

    comments = texts.dropna().astype(str)
    comments = comments[comments.str.strip() != ""]
    if comments.empty:
        return None
    pack = best_pack(comments).pack
    tags = tag_themes(comments, load_pack(pack)).fillna(False).astype(bool)
    share = float(tags.any(axis=1).mean())
    spread = int((tags.mean() >= 0.05).sum())
    return pack if share >= _FIT_SHARE and spread >= _FIT_THEMES else None


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _short(text: str, width: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _slug(value: str, taken: set[str], i: int) -> str:
    """Return a unit id a person recognises: the value's letters, in a form safe as a file name.

    Letters of every script stay, accented ones too (``さくら歯科 大宮院`` is
    ``さくら歯科-大宮院``, ``Werkstatt München-Süd`` is ``werkstatt-münchen-süd``: QA26 #23,
    a German reader took ``munchen``/``sud`` for misspellings), as README's rule for unit ids
    says; everything else becomes ``-``.
    """
    from nps_kit.params import NOT_UNITS, is_unit_id

    text = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", value).casefold())
    kept = "".join(c if unicodedata.category(c)[0] in "LNM" else "-" for c in text)
    slug = re.sub(r"-+", "-", kept).strip("-")[:40].strip("-")
    if not slug or not is_unit_id(slug) or slug in NOT_UNITS:
        slug = f"unit-{i + 1}"
    while slug in taken:
        slug = f"{slug[:36]}-{i + 1}"
    taken.add(slug)
    return slug


def _example_address(unit: str) -> str:
    """Return an example address for ``unit``'s team that ``mail.to`` accepts once uncommented.

    The unit id keeps its letters (``köln-hauptbahnhof``, ``さくら歯科-大宮院``), but an
    address's local part must be ASCII (:mod:`nps_kit.params` checks it, as most mail servers
    do): accents are dropped (``koln-hauptbahnhof-team@example.com``) and a name with no
    Latin letter gives ``team@example.com``.
    """
    folded = unicodedata.normalize("NFKD", unit).encode("ascii", "ignore").decode("ascii")
    local = re.sub(r"-+", "-", re.sub(r"[^a-z0-9-]", "-", folded.lower())).strip("-")
    return f"{local}-team@example.com" if re.search(r"[a-z0-9]", local) else "team@example.com"


def _id_rank(info: ColumnInfo) -> tuple[int, bool]:
    """Rank an id column as the response id: lower is better (:data:`_WHO_ID`).

    A column named as an id that does not name the customer (回答ID, Response ID, ｺｰﾙID), or
    a survey tool's per-response token (Typeform's "#", :data:`_RESPONSE_TOKEN`) first; then
    one naming who answered (customer_id, お客様番号: QA25 took it over the call id, so the
    detractor list showed the customer number as the response id); then an unnamed token or
    code. Within each, one unique per response first.
    """
    name = unicodedata.normalize("NFKC", info.column).strip()
    named = (
        _ID_NAME.search(name) is not None
        or _ENDS_ID.search(name) is not None
        or _RESPONSE_TOKEN.search(name) is not None
    )
    rank = 1 if _WHO_ID.search(name) else 0 if named else 2
    return rank, info.detail != "unique"


def _permissions(found: Inspection) -> list[ColumnInfo]:
    """Return the yes/no choice columns named as a permission (メール配信可, 連絡可否, opt-in).

    Neither a breakdown nor, unless it asks for consent to contact (``consent`` kind, never
    here), ``columns.contact``: a mailing-list opt-in is not consent to be called back about
    one's answer (QA27 #6).
    """
    return [
        c
        for c in found.of_kind("categorical")
        if c.detail == "yes/no" and (OPT_IN_NAME.search(c.column) or CONSENT_NAME.search(c.column))
    ]


def _asks_consent(found: Inspection) -> list[ColumnInfo]:
    """Return the choice questions that ask for consent to contact but were not read as it.

    Answered in codes (1/2), a ticked box or ways to be contacted ("By phone"), such a
    question is neither consent (``consent`` kind) nor a group to compare NPS by: who may be
    contacted says nothing of how a segment feels (FIX64: a hotel's "May we contact you?"
    was proposed as a breakdown). :func:`_unread_consent` says how to read it.
    """
    permits = {c.column for c in _permissions(found)}
    return [
        c
        for c in found.of_kind("categorical")
        if c.column not in permits
        and asks_about_contact(f"{c.column} {c.question or ''}")
        and not asks_how(c.column, _answers(found, c))
    ]


def _answers(found: Inspection, c: ColumnInfo) -> list[str]:
    """Return a column's distinct non-blank answers, as the contact rule reads them."""
    return [v for v in (cell_text(x) for x in pd.unique(found.data[c.column].dropna())) if v]


def _breakdowns(
    found: Inspection, *, skip: set[str], only_other: frozenset[str] = frozenset()
) -> list[ColumnInfo]:
    """Return the columns init proposes as breakdowns, in the export's order.

    The one rule: a real category (``categorical`` kind, so never consent, contact details,
    an id, a date or free text, which :func:`nps_kit.inspect.inspect_export` gives their own
    kinds), not a permission or a question asking for consent, and not a column whose chart
    would show only "Other" (:func:`_only_other`), nor one value on every row (Tayori's
    ``フォーム名``, the form's name: a chart of one bar, the unit itself, QA39).
    """
    left_out = skip | only_other | {c.column for c in _permissions(found) + _asks_consent(found)}
    return [c for c in found.of_kind("categorical") if c.column not in left_out and c.distinct > 1]


def _pick(found: Inspection, kind: str) -> ColumnInfo | None:
    return next(iter(found.of_kind(kind)), None)


def _exclude_lines(found: Inspection) -> list[str]:
    """Propose ``data.exclude`` for the rows that look like a staff test (QA30 F7).

    Nothing when none does: every figure counts every row, as it did before.
    """
    lines = []
    tests = found.test_rows
    if tests is not None:
        where = ", ".join(str(r) for r in tests.rows)
        said = ", ".join(scalar(v) for v in tests.values)
        lines += [
            f"  # Row(s) {where} look like a test, not a response ({tests.column}: {said}): left",
            "  # out of every figure and counted in data quality. Remove if they are responses.",
            f"  exclude: [{tests.rule()}]",
        ]
    alone = found.month_rows
    if alone is not None:
        # The month alone says it (FIX71): proposed, commented out, for the analyst to decide.
        where = ", ".join(str(r) for r in alone.rows)
        lines += [
            f"  # Row(s) {where} ({alone.column}: {', '.join(scalar(v) for v in alone.values)}) "
            f"are the only response(s) of {alone.month}, {alone.apart}:",
            "  # a staff test before launch? If so, uncomment to leave them out of every figure.",
            f"  # exclude: [{alone.rule()}]",
        ]
    return lines


def _one_line_comments(lines: list[str]) -> list[str]:
    """Keep each comment of a parameter file on its comment lines.

    A header written on two lines (a long question broken in the form, QA30) quoted in a
    comment would end the comment at its line break, and its second line would be read as
    YAML. The part after such a break joins the comment line before it; values are written
    with :func:`nps_kit._yaml.scalar`, which escapes line breaks.
    """
    out: list[str] = []
    for line in lines:
        parts = line.splitlines() or [""]
        if not parts[0].lstrip().startswith("#"):
            out.append(line)
            continue
        kept = [parts[0]]
        for part in parts[1:]:
            if part.lstrip().startswith("#"):
                kept.append(part)
            else:
                kept[-1] = f"{kept[-1]} {part.strip()}".rstrip()
        out.append("\n".join(kept))
    return out


def _comment(info: ColumnInfo) -> str:
    if info.question:
        return f"{info.column}: {_short(info.question)}"
    return info.column


def _comment_column(
    found: Inspection, texts: dict[str, pd.Series]
) -> tuple[ColumnInfo | None, str]:
    """Choose the comment: the free text that reads like the reason for the score, and why.

    A header that asks for a reason or a comment decides first; then the longest answers (the
    mean width of the distinct answers, so "特になし" said 200 times does not make a column
    long). Contact and identity columns are never free text (:func:`inspect_export` gives
    them their own kinds).
    """
    candidates = found.of_kind("text")
    if not candidates:
        return None, "No free-text column found."

    def width(info: ColumnInfo) -> float:
        values = texts[info.column].dropna().astype(str).str.strip()
        distinct = values[values != ""].drop_duplicates()
        return float(distinct.map(display_width).mean()) if len(distinct) else 0.0

    def asks(info: ColumnInfo) -> bool:
        return bool(_REASON.search(f"{info.column} {info.question or ''}"))

    best = max(candidates, key=lambda c: (asks(c), width(c)))
    why = (
        "the free-text question that asks for the reason or a comment"
        if asks(best)
        else f"the free-text question with the longest answers ({width(best):.0f} characters "
        "on average)"
    )
    return best, f"{_comment(best)}: {why}."


@dataclass(frozen=True)
class ProposedColumns:
    """The id, consent and contact-details columns ``init --from`` proposes for an export.

    The one rule (FIX44): ``init`` writes them into ``defaults.yaml`` and ``nps-kit alerts``
    names them when a unit lacks them.

    Attributes
    ----------
    id
        The response id (:func:`_id_rank`), or ``None``.
    id_said
        What the id comment says of it (``"unique"``, a Qualtrics note).
    shared
        An id-named column whose values repeat in rows that differ: said, never set.
    customer
        Customer numbers passed over for the response id.
    contact
        The consent question, or ``None``.
    unread
        A consent question whose answers read as neither yes nor no, or ``None``.
    details
        The contact-details columns (e-mail, phone, names, customer numbers), in order.
    reach
        Whether an e-mail or phone column is among them (and no unread consent).
    running
        What to know of an id that counts the export's rows 1 to n (a running ``No.``:
        :func:`nps_kit._id_repeats.numbers_rows`), else ``None``.
    recorded
        Without a consent column, the e-mail and phone columns filled on nearly every row
        with the share (:func:`nps_kit.closed_loop.record_columns`): the tool's record, no
        consent, so not offered as one.
    renumbered
        A running number (回答No, ``Response No.``) whose numbers repeat (numbered again per
        form or per export): said, never set.
    """

    id: ColumnInfo | None
    id_said: str | None
    shared: ColumnInfo | None
    customer: tuple[ColumnInfo, ...]
    contact: ColumnInfo | None
    unread: ColumnInfo | None
    details: tuple[str, ...]
    reach: bool
    running: str | None = None
    recorded: Mapping[str, float] = field(default_factory=dict)
    renumbered: ColumnInfo | None = None


def proposed_columns(found: Inspection) -> ProposedColumns:
    """Return the id, consent and contact-details columns ``init --from`` proposes.

    Parameters
    ----------
    found
        The export's inspection (:func:`nps_kit.inspect.inspect_export`).

    Returns
    -------
    ProposedColumns
        What ``init`` writes under ``columns:``.
    """
    report = found.load
    # An id named for the response (回答ID, ｺｰﾙID, Typeform's "#") first, then one a person
    # can look up (customer_id) before an unnamed token or hash, and one unique per response
    # before a code a returning customer repeats (Custom Data 1).
    ids = sorted(filter(is_response_id, found.of_kind("id")), key=_id_rank)
    # An id whose values repeat in rows that differ (顧客番号: a returning customer) is not one
    # per response: said, never set (QA24: alerts then skipped a returning customer).
    shared = next((c for c in ids if c.repeats_differ), None)
    ids = [c for c in ids if not c.repeats_differ]
    id_info = ids[0] if ids else None
    # A customer number passed over for the response id: what the team looks the customer up by.
    customer = [c for c in ids if _id_rank(c)[0] == 1 > _id_rank(ids[0])[0]]
    id_said = None if id_info is None else id_info.detail
    if id_info is None and report.source == "qualtrics" and "ResponseId" in found.index.columns:
        id_info = found.column("ResponseId")
        # Its kind is Qualtrics metadata: its detail ("Qualtrics") says nothing of the id.
        id_said = "Qualtrics' own id of each response"
    contact = _pick(found, "consent")
    unread = _unread_consent(found) if contact is None else None
    # The respondents' e-mail and phone columns are never copied anywhere unless asked for:
    # the comment says how, the analyst decides.
    # A first name before a last name: the alert heads the person with the name columns in
    # the order listed (Qualtrics exports RecipientLastName first).
    people = sorted(
        (
            c
            for c in found.columns
            if c.kind in ("email", "phone") or (c.kind == "name" and not _STAFF.search(c.column))
        ),
        key=lambda c: (c.kind != "name", c.kind == "name" and bool(_LAST_NAME.search(c.column))),
    )
    details = [c.column for c in people]
    # Without a consent question, a detail filled on nearly every row is the tool's record,
    # no consent to that means (QA30 F9): not offered as one, and said why.
    recorded = (
        {} if contact is not None or unread is not None else record_columns(found.data, details)
    )
    # Offered only where no unread consent question says some respondents refused.
    reach = unread is None and any(
        c.kind in ("email", "phone") and c.column not in recorded for c in found.columns
    )
    if reach:
        # QA25: the customer number beside the phone number, as Qualtrics' reference below.
        details += [c.column for c in customer]
    # Qualtrics' ExternalReference (a customer number, C1000000) is no means of contact: not
    # offered (QA28 #4), as alerts and the report never name it (inspect.reach_kind).
    running = None
    sequence = id_info is not None and _SEQUENCE_NAME.search(
        unicodedata.normalize("NFKC", id_info.column).strip()
    )
    if id_info is not None and sequence and numbers_rows(found.data[id_info.column]):
        # A sheet's No. 1..n: unique here, perhaps not in next month's export (FIX49). A
        # survey tool's own id (response_id 1, 2, 3 …) is not said to be one.
        first, last = found.date_min, found.date_max
        span = (
            f"{first:%Y-%m-%d} to {last:%Y-%m-%d}"
            if first is not None
            and last is not None
            and first.to_period("M") != last.to_period("M")
            else None
        )
        running = running_number_note(id_info.column, len(found.data), span)
    # A running number that repeats (two exports joined, each numbered from 1) is not the
    # id, as an account_id is not: said, as init otherwise wrote "No id column found" beside
    # 回答No and never named it (REVIEW33).
    renumbered = next(
        (
            c
            for c in found.of_kind("id")
            if c.repeats_by_design
            and c is not id_info
            and _SEQUENCE_NAME.search(unicodedata.normalize("NFKC", c.column).strip())
        ),
        None,
    )
    return ProposedColumns(
        renumbered=renumbered,
        id=id_info,
        id_said=id_said,
        shared=shared,
        customer=tuple(customer),
        contact=contact,
        unread=unread,
        details=tuple(details),
        reach=reach,
        running=running,
        recorded=recorded,
    )


def _fiscal_lines(language: str) -> list[str]:
    """Return the lines of the fiscal year's first month: April in Japanese (年度), else unset.

    Written for a Japanese project, where the fiscal year starts in April but for a few;
    commented out for any other, whose fiscal year nps-kit cannot guess (the calendar year
    when unset).
    """
    what = [
        "# First month of the fiscal year (4 = April): with fiscal_ytd in comparison the",
        "# headline adds the fiscal year to date against the same months a year before.",
    ]
    if language == "ja":
        return [*what, "fiscal_year_start: 4"]
    return [
        *what,
        "# Unset, the fiscal year is the calendar year (1 = January).",
        "# fiscal_year_start: 4",
    ]


def _defaults_text(
    found: Inspection,
    export: Path,
    folder: Path,
    pack: str | None,
    unit_column: str | None,
    comment: tuple[ColumnInfo | None, str],
    *,
    only_other: frozenset[str] = frozenset(),
    zones: _OffsetZones | None = None,
    languages: str | None = None,
    others: Sequence[str] = (),
) -> str:
    report = found.load
    score = found.column(found.nps_column) if found.nps_column else None
    if score is None:
        lang = found.language  # as init writes the project (MSG43)
        raise DataError(
            t("init.no_score", lang, export=export, columns=found.listing(lang))
            + coded_scores(found, lang),
            hint=t("init.no_score_hint", lang),
            path=export,
        )
    if found.date_column is None:
        raise _no_date_column(found, export)
    date = found.column(found.date_column)
    chosen = proposed_columns(found)
    comment_info, comment_why = comment
    id_info, id_said, shared = chosen.id, chosen.id_said, chosen.shared
    renumbered = chosen.renumbered
    customer, contact, unread = chosen.customer, chosen.contact, chosen.unread
    details, reach = list(chosen.details), chosen.reach
    date_order, order_why = _date_order(found, date)
    path = Path(os.path.relpath(export.resolve(), folder.resolve())).as_posix()
    lines = [
        "# Defaults for every unit of this folder, written by `nps-kit init --from` from",
        f"# {export.name}. Every choice below was detected from the export; the comment says why,",
        "# so correct whatever is wrong. `nps-kit inspect` shows the whole export again.",
        "# Each parameters/<unit>.yaml is deep-merged over this file (lists replace).",
        "",
        "# Report language, detected from the answers"
        + ("" if found.spoken is None else f" ({found.spoken.describe()})")
        + ".",
        "# Set once here, the readers' language for every unit; init notes in a unit's file",
        "# when its customers answer mostly in another language, and does not switch it.",
        f"language: {found.language}",
        *_other_language_lines(others, found.language),
        "",
        *_timezone_lines(
            found.language,
            date_order,
            written=_written_zone(found, date),
            zones=zones,
            named=_named_zones(found),
        ),
        "",
        "data:",
        # FIX31: inspect's note on an export of Qualtrics codes, repeated where it is read.
        *(f"  # {line}" for line in textwrap.wrap(_numeric_note(found) or "", 96)),
        "  # The inspected export (relative to this folder).",
        *(
            [
                f"  # Its first {report.title_rows} row(s) are a title above the table "
                f"({report.title!r}): skipped on every read, the column names are row "
                f"{report.title_rows + 1}."
            ]
            if report.title_rows
            else []
        ),
        f"  path: {scalar(path)}",
        "  # XLSX sheet name or 0-based index; null = first sheet.",
        f"  sheet: {scalar(report.sheet)}",
        "  # Text encoding"
        + (f" (detected: {report.encoding})" if report.encoding else "")
        + "; null = detect again.",
        f"  encoding: {scalar(report.encoding)}",
        *_exclude_lines(found),
    ]
    lines += _date_format_lines(date, date_order, order_why)
    mojibake = report.mojibake_cells
    dupes = report.duplicate_rows
    # Counted as run counts them (FIX53: 'none found' here, 69 repeats of 会員ID there).
    id_repeats = id_repeat_count(found.data[id_info.column]) if id_info else 0
    # Exact duplicate rows under a response id that repeats nowhere else are one response
    # read twice (init's id never repeats in rows that differ: repeats_differ above); so are
    # rows equal but for their time under a repeated id (QA31 F5: exported again later).
    exact = dupes if id_info is not None and 0 < id_repeats <= dupes else 0
    if id_info is not None and id_repeats and not exact:
        skip = (date.column,)
        count, same = same_response_repeats(found.data, id_info.column, skip=skip)
        exact = same if count and same == count else 0
    said = _no_answer_words(found.data[score.column])
    lines += [
        "  # More score answers that mean 'no answer' (blank, NA, N/A, -, 無回答 already do),",
        '  # e.g. ["Don\'t know", わからない].' + (" Found in the score column." if said else ""),
        f"  missing_values: [{', '.join(scalar(w) for w in said)}]",
        "  # Repair text garbled by a double decoding ('Â¡' for '¡'): "
        + (f"{mojibake:,} such cells found." if mojibake else "none found."),
        f"  fix_text: {scalar(mojibake > 0)}",
        "  # Drop exact duplicate responses and repeated ids: "
        + (
            f"{dupes:,} exact duplicate rows found."
            if dupes
            else "no exact duplicate rows."
            if id_repeats
            else "none found."
        ),
        *textwrap.wrap(
            f"{id_info.column!r} repeats in {id_repeats:,} of {len(found.data):,} rows (a "
            "returning customer's answers): true would drop all but each id's first."
            if id_info and id_repeats and not exact
            else f"{id_info.column!r} repeats in {id_repeats:,} of {len(found.data):,} rows, "
            "each with every answer of an earlier row but its time: the same response exported "
            "again."
            if id_info and exact and not dupes
            else "",
            96,
            initial_indent="  # ",
            subsequent_indent="  # ",
        ),
        *_resubmission_lines(found, exact=exact),
        *_unfinished_lines(found),
        "",
        "columns:",
        f"  # {_comment(score)}",
        *_score_why(found, score),
    ]
    no_zero = t("inspect.no_zero", "en", column=score.column)  # _score_why says it
    lines += [
        f"  # {note}"
        for note in found.notes
        if ("NPS" in note or "_NPS_GROUP" in note) and note != no_zero
    ]
    lines += _scale_split_lines(found, score.column)
    lines += [
        f"  score: {scalar(score.column)}",
        f"  # {_comment(date)} ({date.detail}"
        + (
            f"; {found.date_min:%Y-%m-%d} to {found.date_max:%Y-%m-%d}"
            if found.date_min is not None and found.date_max is not None
            else ""
        )
        + ").",
        *(f"  # WARNING: {n}" for n in found.date_notes if n.startswith(f"{date.column}:")),
        *(
            [
                "  # When the response was given: Qualtrics records an unfinished response",
                "  # (RecordedDate, EndDate) when it closes it, up to a week later.",
            ]
            if report.source == "qualtrics" and date.column == "StartDate"
            else []
        ),
        f"  date: {scalar(date.column)}",
        "  # "
        + (
            f"{_comment(id_info)}: "
            + ("unique per response." if id_said == "unique" else f"{id_said}.")
            if id_info
            else "No id column found: the detractor list shows the row number in the file."
        ),
        *(
            textwrap.wrap(id_info.note, 96, initial_indent="  # ", subsequent_indent="  # ")
            if id_info and id_info.note
            else []
        ),
        *(
            textwrap.wrap(chosen.running, 96, initial_indent="  # ", subsequent_indent="  # ")
            if chosen.running
            else []
        ),
        *(
            textwrap.wrap(
                f"{shared.column!r} is not the id: {shared.repeats_differ:,} of its values "
                "repeat in rows that differ (a returning customer), so a later response would "
                "be taken for one already seen (alerts skip it, dedupe drops it).",
                96,
                initial_indent="  # ",
                subsequent_indent="  # ",
            )
            if shared
            else []
        ),
        *(
            textwrap.wrap(
                f"{renumbered.column!r} is not the id: "
                f"{len(found.data) - renumbered.blanks - renumbered.distinct:,} of its "
                f"{len(found.data) - renumbered.blanks:,} numbers repeat an earlier one "
                "(numbered again per form or per export), so a later response would be taken "
                "for one already seen (alerts skip it, dedupe drops it).",
                96,
                initial_indent="  # ",
                subsequent_indent="  # ",
            )
            if renumbered
            else []
        ),
        *(
            line
            for c in customer[:1]
            for line in textwrap.wrap(
                f"{c.column!r} is not the id: a customer number names who answered, not the "
                "response.",
                96,
                initial_indent="  # ",
                subsequent_indent="  # ",
            )
        ),
        f"  id: {scalar(id_info.column if id_info else None)}",
        f"  # {comment_why}",
        f"  comment: {scalar(comment_info.column if comment_info else None)}",
        "  # "
        + (
            f"{_comment(contact)}: yes = do not contact, read the other way round (contact:)."
            if contact and asks_refusal(contact.column)
            else f"{_comment(contact)}: yes/no answers about being contacted."
            if contact
            else "No contact/consent column found: the report lists detractors and says that"
        ),
    ]
    if contact is None:
        lines.append("  # consent to contact them is unknown.")
        recorded_said = record_note(chosen.recorded)
        if recorded_said is not None:
            lines += textwrap.wrap(
                f"{recorded_said}.", 96, initial_indent="  # ", subsequent_indent="  # "
            )
        # Not "no consent column" as if none was seen (QA27 #6): the yes/no one named, and why.
        lines += [
            line
            for c in _permissions(found)[:1]
            for line in textwrap.wrap(
                f"{c.column!r} (yes/no) is not used: it reads as an e-mail marketing opt-in, not "
                "consent to be contacted about the answer. Set contact to it yourself only if "
                "your survey asked that.",
                96,
                initial_indent="  # ",
                subsequent_indent="  # ",
            )
        ]
    words = _consent_words_lines(unread) if unread is not None else []
    if contact is not None and asks_refusal(contact.column):
        words = _refusal_words_lines(contact)
    if unread is not None:
        answers = ", ".join(repr(v) for v in unread.sample)
        lines += textwrap.wrap(
            f"{unread.column!r} asks for consent to contact, but its answers ({answers}) do "
            + (
                "not read as yes or no: check the contact: lines below, which say which answer "
                "grants contact, and set contact to it."
                if words
                else "not read as yes or no: recode them to Yes/No (はい/いいえ) in the export "
                "and set contact to it."
            )
            + " Until then no contact details are offered: they would list people who said no.",
            96,
            initial_indent="  # ",
            subsequent_indent="  # ",
        )
    lines.append(f"  contact: {scalar(contact.column if contact else None)}")
    # A column unique in every row that no id rule took (a number not named as one): said by
    # name rather than "no column unique" (QA29 F5: Response No. was such a column).
    unique = next(
        (
            c.column
            for c in found.columns
            if c.kind == "number" and c.distinct == found.responses and not c.blanks
        ),
        None,
    )
    # QA34: counted with the rows read, a summary block's 3 lines were "rows" of the export.
    lines += _alerts_lines(id_info, contact, date, found.responses, details=reach, unique=unique)
    # Names alone reach nobody: without a consent column they are no way to be contacted
    # (closed_loop.names_only), so they are offered only beside an e-mail or phone column, or
    # to head the people a consent column lists.
    if details and unread is None and (reach or contact is not None):
        listed = ", ".join(scalar(c) for c in details)
        lines += (
            [
                "  # Contact details found; copied into the follow-up work files and alert e-mails",
                "  # of detractors who allowed contact (never the report) only when listed here:",
            ]
            if contact is not None
            else [
                "  # Contact details found. Without a consent column, a detail a respondent left",
                '  # ("leave your number if you would like a call back") is their consent for it:',
                "  # listed here, the filled cells reach the follow-up work files, and those who",
                "  # left a number or address are alerted by nps-kit alerts (never the report).",
                "  # List only columns respondents filled to be contacted:",
            ]
        ) + [f"  # contact_details: [{listed}]"]
    lines += [
        "  # Survey weights; null = unweighted.",
        *_weight_lines(found),
        "  weight: null",
        "",
        *words,
        "# Month to report: YYYY-MM; latest = the latest complete month with data (run on the",
        "# 1st, the month that just ended); current = the latest month with data even if it is",
        "# still running (the report says it is not complete yet).",
        "period: latest",
        "# Comparisons shown in the headline: previous (month) and/or last_year (same month).",
        "comparison: [previous, last_year]",
        *_fiscal_lines(found.language),
        "# NPS target in points (-100 to 100); null = no target (the headline says so).",
        "target: null",
        "# Breakdowns and answer tables show the top N values and group the rest as Other.",
        f"top_n: {_TOP_N}",
        "",
    ]
    # The unit column is constant within a unit: no breakdown by it.
    lines += _question_lines(
        found, skip={score.column, date.column, unit_column or ""}, only_other=only_other
    )
    if pack is None:
        lines += [f"# {languages}"] if languages else []
        lines += [
            f"# Theme dictionaries: none of the bundled packs ({', '.join(PACKS)}) fits",
            "# these comments, so themes.yaml here has none (add your own there).",
        ]
    elif not trained(pack):  # the food pack: its words and rules alone
        lines += [
            f"# Theme dictionaries: the bundled '{pack}' pack, the one that fits these comments",
            "# best (its words and rules alone: it has no learned layers yet), through",
            "# themes.yaml beside this file: it extends the pack, so the words you add there are",
            "# tagged too.",
        ]
    else:
        lines += [
            f"# Theme dictionaries: the bundled '{pack}' pack, the one that fits these comments",
            "# best, with its learned layers, through themes.yaml beside this file: it extends",
            "# the pack, so the words you add there are tagged too.",
        ]
    lines += [
        "themes: themes.yaml",
        "# Recommended actions per segment, theme and rating driver.",
        "playbook: playbook.yaml",
        "",
        "thresholds:",
        "  # Below this many responses a group is flagged as a small sample.",
        "  min_n: 30",
        "  # Below this many responses a group's numbers are hidden.",
        "  min_report_n: 5",
        "  # Confidence level of the intervals.",
        "  level: 0.95",
        "  # Months with data before the trend draws control limits (2 or more).",
        "  control_min_months: 8",
        "",
        "privacy:",
        "  # Mask e-mail addresses, phone numbers and similar in free text before showing it.",
        "  redact: true",
        "",
        "mail:",
        *_attach_comment(),
        "  attach: html",
        "  # Link to the report on your intranet, shown in the e-mail; null = none.",
        "  report_url: null",
        "",
    ]
    # The comments in the project's language (QA23: a Japanese clinic's file was all English).
    return in_language("\n".join(_one_line_comments(lines)), found.language)


def _no_date_column(found: Inspection, export: Path) -> DataError:
    """Refuse an export with no date column, in the language init would write the project in.

    The export was inspected in English for init's comments; a Japanese project's refusal
    reads its date notes again in Japanese (MSG44: it was English), once, as it stops.
    """
    lang = found.language
    notes = found.date_notes
    if lang != "en":
        notes = inspect_export(export, sheet=found.load.sheet, lang=lang).date_notes
    why = "".join(notes) if lang == "ja" else "".join(f" {note}" for note in notes)
    forms = DATE_FORMS if lang == "en" else t("load.date_forms", lang, **DATE_EXAMPLES)
    return DataError(
        t("init.no_date", lang, export=export, why=why, columns=found.listing(lang)),
        hint=t("init.no_date_hint", lang, forms=forms, hint=t("init.no_score_hint", lang)),
        path=export,
    )


def _said_lines(text: str, lang: Language) -> list[str]:
    """Return ``text`` as the columns section's comment lines, in ``lang``'s wrapping."""
    if lang == "ja":
        return comment_lines(text, "  ")
    return textwrap.wrap(text, 96, initial_indent="  # ", subsequent_indent="  # ")


def _score_why(found: Inspection, score: ColumnInfo) -> list[str]:
    """Say why ``score`` is the NPS question: what was found, never more (QA25 C-3).

    That the question speaks of recommending is said only when it does: a header ｽｺｱ is the
    only 0–10 column, which the analyst is asked to check.
    """
    if score.kind != "nps":
        # Said where it is decided, in the project's language (MSG44: it was English).
        lang = found.language
        detail = detail_words(score.detail, lang)
        lines = _said_lines(t("init.score_not_nps", lang, detail=detail), lang)
        if t("inspect.no_zero", "en", column=score.column) in found.notes:
            no_zero = t("inspect.no_zero", lang, column=score.column)
            lines += [f"  # {no_zero}"] if lang == "en" else _said_lines(no_zero, lang)
        return lines
    elif speaks_of_recommending(score):
        why = "0–10 and the question speaks of recommending."
    elif len(found.of_kind("nps")) == 1:
        why = (
            "The only 0–10 column (its header does not speak of recommending): check that it "
            "is the NPS question."
        )
    else:
        why = (
            f"One of {len(found.of_kind('nps'))} 0–10 columns, none of which speaks of "
            "recommending: check that it is the NPS question."
        )
    return textwrap.wrap(why, 96, initial_indent="  # ", subsequent_indent="  # ")


def _no_answer_words(scores: pd.Series) -> list[str]:
    """Return the score column's answers that say "no answer" (わからない, Don't know).

    QA21: init saw 「わからない」 in the score column but wrote ``missing_values: []``, so
    ``score`` counted them invalid and the report's data quality listed them as 無効な値.
    """
    parsed = parse_scores(scores)
    invalid = scores[parsed.status == "invalid"].dropna().astype(str).str.strip()
    counts = invalid[invalid.map(not_applicable)].value_counts()
    return [str(w) for w in counts.index]


# What a refusal says that a grant does not ("Please don't", 「連絡しないで」, 不要, NG).
_REFUSES = re.compile(r"\b(not|don'?t|no|never|rather not|ng)\b|ない|不|否|拒|断|結構", re.I)


def _consent_words_lines(unread: ColumnInfo) -> list[str]:
    """Propose ``contact.consent_yes`` / ``consent_no`` for a consent question of two answers.

    Its answers read as neither yes nor no (:func:`_unread_consent`); with two, one grants and
    one refuses. The one a refusal's words mark (:data:`_REFUSES`) is the no; when neither or
    both are marked (codes 1 / 2), the first (the more common) is written as the yes and the
    comment says init cannot tell. Commented out: a swapped pair would list people who said
    no, so the analyst checks before it counts.
    """
    if unread.distinct != 2 or len(unread.sample) != 2:
        return []
    first, second = (str(v) for v in unread.sample)
    marked = [bool(_REFUSES.search(v)) for v in (first, second)]
    yes, no = (second, first) if marked == [True, False] else (first, second)
    told = marked in ([True, False], [False, True])
    text = (
        f"How {unread.column!r} words consent, read from its two answers: check it, then "
        f"uncomment these lines and set columns.contact to {unread.column!r}."
        if told
        else f"How {unread.column!r} words consent: init cannot tell which of its two answers "
        "grants contact, so check and swap them if needed, then uncomment these lines and set "
        f"columns.contact to {unread.column!r}."
    )
    return [
        *textwrap.wrap(text, 88, initial_indent="# ", subsequent_indent="# "),
        "# contact:",
        f"#   consent_yes: [{scalar(yes)}]",
        f"#   consent_no: [{scalar(no)}]",
        "",
    ]


# A header that names weights: weight, Gewicht(ung), poids, peso, ウェイト, ウエイト, 重み.
_WEIGHT_NAME: Final = re.compile(r"weight|gewicht|poids|peso|ウェイト|ウエイト|重み", re.I)


def _weight_lines(found: Inspection) -> list[str]:
    """Name a column of numbers headed as weights, left unset (QA31 O1).

    init never sets ``weight`` (whether a figure is weighted is the analyst's decision), but a
    column ``Account weight`` of numbers went unmentioned, so nothing said it could be used.
    """
    for c in found.columns:
        if c.kind == "number" and _WEIGHT_NAME.search(c.column) and not c.detail.startswith("-"):
            return textwrap.wrap(
                f"{c.column!r} holds numbers ({c.detail}): set weight to it if they are the "
                "responses' weights; every figure is then weighted.",
                96,
                initial_indent="  # ",
                subsequent_indent="  # ",
            )
    return []


def _refusal_words_lines(contact: ColumnInfo) -> list[str]:
    """Write ``contact.consent_yes`` / ``consent_no`` for a "Do not contact" column (QA31 F4).

    Its yes refuses contact and its no grants it (:func:`nps_kit._consent.asks_refusal`): the
    answers are listed the other way round, uncommented, as the run refuses such a column
    without them.
    """
    yes, no = reversed_words(contact.sample)
    return [
        f"# {contact.column!r} asks whether NOT to contact a respondent: its answers are read",
        "# the other way round (its no allows contact, its yes refuses it).",
        "contact:",
        f"  consent_yes: [{', '.join(scalar(v) for v in yes)}]",
        f"  consent_no: [{', '.join(scalar(v) for v in no)}]",
        "",
    ]


def _unread_consent(found: Inspection) -> ColumnInfo | None:
    """Return a choice question asking for consent whose answers read as neither (QA21).

    Offering contact details beside it would, once listed, copy the details of everyone who
    filled them in, including those who said no.
    """
    for c in found.columns:
        asks = asks_about_contact(f"{c.column} {c.question or ''}")
        if asks and c.kind in ("categorical", "multi") and c.distinct <= CONSENT_CHOICES:
            if not asks_how(c.column, _answers(found, c)):
                return c
    return None


def _alerts_lines(
    id_info: ColumnInfo | None,
    contact: ColumnInfo | None,
    date: ColumnInfo,
    rows: int,
    *,
    details: bool = False,
    unique: str | None = None,
) -> list[str]:
    """Say that the daily alerts need an id and a consent column when the export lacks one.

    ``unique`` is a column of numbers unique in every row that no id rule took: offered as
    the id to check, never said not to exist.

    A Google Forms export has neither (QA20): without this, alerts.to was set in a unit file
    and ``nps-kit alerts`` skipped the unit every day. A date column with a distinct value per
    row (a Google Forms Timestamp) is named as the id to try. With ``details`` (a phone or
    e-mail column found, offered as ``contact_details`` below), those serve instead of the
    consent column (:func:`nps_kit.alerts.alerts_blocker`).
    """
    if id_info is not None and contact is not None:
        return []
    consent = "a consent column or the contact details below" if details else "a consent column"
    missing = " and ".join(
        w for w, gone in (("an id", id_info is None), (consent, contact is None)) if gone
    )
    if id_info is not None and details:
        text = (
            f"nps-kit alerts (daily e-mails about new detractors) needs {missing}: add a consent "
            "question to the survey (May we contact you about your answer? Yes/No) and set "
            "contact to it, or uncomment contact_details."
        )
        return textwrap.wrap(
            text, 88, initial_indent="  # ", subsequent_indent="  # ", break_on_hyphens=False
        )
    lines = [f"  # nps-kit alerts (daily e-mails about new detractors) needs {missing}:"]
    if id_info is None and 0 < date.distinct < rows:
        # QA24: 2,808 distinct of 3,000 (minute stamps, 和暦 days) was still offered as the id.
        # A repeating id names a customer or a minute, not a response: say how many share one.
        text = (
            f"{date.column!r} repeats: {rows - date.distinct:,} of {rows:,} rows share a value "
            "with an earlier row, so it cannot be the id either, and init found no column "
            "unique to each response. Add a response id (a response or receipt number) to "
            "the export and set id to it; a customer number repeats when a customer answers "
            "again."
            if unique is None
            else f"{date.column!r} repeats: {rows - date.distinct:,} of {rows:,} rows share a "
            f"value with an earlier row, so it cannot be the id either. {unique!r} is unique "
            "in every row but not named as an id: set id to it when it numbers the responses "
            "(not a count or an amount)."
        )
        lines += textwrap.wrap(
            text, 88, initial_indent="  # ", subsequent_indent="  # ", break_on_hyphens=False
        )
    elif id_info is None:
        lines.append(
            f"  # {date.column!r} is distinct in {date.distinct:,} of {rows:,} rows; when no two "
            "responses share one, set"
            if date.distinct
            else "  # set"
        )
        lines.append(
            f"  # id: {scalar(date.column)} (dedupe: true drops exact duplicate rows)."
            if date.distinct
            else "  # id to a column unique to each response."
        )
    if contact is None:
        lines += [
            "  # Add a consent question to the survey (May we contact you about your answer?",
            "  # Yes/No) and set contact to it"
            + (", or uncomment contact_details." if details else "."),
        ]
    return lines


def _attach_comment() -> list[str]:
    """Comment lines listing every ``mail.attach`` value (from its one home in the schema)."""
    from nps_kit.params import ATTACH_CHOICES

    lines = ["  # How the report is sent:"]
    lines += [f"  #   {value}: {what}" for value, what in ATTACH_CHOICES.items()]
    return lines


def _main_scale(ratings: list[ColumnInfo]) -> tuple[int, int] | None:
    """Return the scale most rating questions use.

    A tie goes to the scale with more answers (fewer blanks: every column has the same rows),
    then to the one asked first; never to whichever a set happens to yield first, which made
    init's choice change from run to run.
    """
    scales: dict[tuple[int, int], tuple[int, int, int]] = {}
    for order, info in enumerate(ratings):
        if info.scale is None:
            continue
        questions, fewer_blanks, first = scales.get(info.scale, (0, 0, -order))
        scales[info.scale] = (questions + 1, fewer_blanks - info.blanks, first)
    return max(scales, key=lambda scale: scales[scale]) if scales else None


def _date_order(found: Inspection, date: ColumnInfo) -> tuple[str | None, str | None]:
    """Return the order of the export's numeric dates and, when they read both ways, why.

    A day over 12 shows the order (``why`` is ``None``); dates that read both ways are read as
    the evidence says (:func:`nps_kit.clock.export_date_order`: the AM/PM clock and the survey
    tool, which inspection weighed, then this machine's zone); without evidence ``(None, why)``
    with ``why`` saying so.
    """
    if date.detail in ("month-first", "day-first"):
        return date.detail, found.date_order_evidence
    if "ambiguous" not in date.detail:
        return None, None  # ISO, Japanese or serial dates: no order to set
    zone = clock.machine_zone()
    order, why = clock.export_date_order((), source=None, timezone=zone)
    return order, why or "nothing in the export or on this machine says which"


def _date_format_lines(date: ColumnInfo, order: str | None, why: str | None) -> list[str]:
    """Write the ``date_format`` lines: the order detected, and how it was decided."""
    if order is None and why is None:
        return [
            "  # How to read dates that could be either order (1/2/2026): month-first,",
            "  # day-first or a strftime pattern; null = detect (a day over 12 decides).",
            "  date_format: null",
        ]
    if order is not None and clock.order_guessed(why):
        # QA28 #2: the tool's layout is a guess; written as decided, it outlived the export.
        text = (
            f"The dates in {date.column!r} read both ways (no day over 12). They are read "
            f"{order} for now only because {why}; nothing in the file confirms it, so each "
            "export is weighed again. SET THIS to month-first (12/03/2026 is December 3) or "
            "day-first (12 March) once you know."
        )
        wrapped = textwrap.wrap(
            text, 96, initial_indent="  # ", subsequent_indent="  # ", break_on_hyphens=False
        )
        return [*wrapped, "  date_format: null"]
    if order is None:
        text = (
            f"The dates in {date.column!r} read both ways (no day over 12) and {why}. SET "
            "THIS to month-first (12/03/2026 is December 3) or day-first (12 March): nps-kit "
            "run and alerts refuse these dates until it is set."
        )
        wrapped = textwrap.wrap(
            text, 96, initial_indent="  # ", subsequent_indent="  # ", break_on_hyphens=False
        )
        return [*wrapped, "  date_format: null"]
    other = "day-first" if order == "month-first" else "month-first"
    how = (
        f"they read both ways (no day over 12); {order} because {why}"
        if why is not None
        else f"a day over 12 shows it ({date.detail})"
    )
    text = (
        f"How to read the dates in {date.column!r}: {how}. Change it to {other} if that is "
        "wrong, or to a strftime pattern. Kept for later exports, whose days may all be 12 "
        "or under (the first days of a month)."
    )
    wrapped = textwrap.wrap(
        text, 96, initial_indent="  # ", subsequent_indent="  # ", break_on_hyphens=False
    )
    return [*wrapped, f"  date_format: {order}"]


def _written_zone(found: Inspection, date: ColumnInfo) -> tuple[str, str] | None:
    """Return the date column and the zone Qualtrics wrote its times in, when it says one."""
    zone = found.index.time_zones.get(date.column)
    if zone is None:
        return None
    try:
        clock.check_timezone(zone)
    except ValueError:
        return None  # a zone zoneinfo does not know: decides nothing
    return date.column, zone


@dataclass(frozen=True)
class _OffsetZones:
    """The zones an export's written UTC offsets point to (FIX48, QA26 #5).

    Attributes
    ----------
    offsets
        Whether the export writes its times with their UTC offsets
        (:func:`nps_kit.clock.carries_offsets`).
    project
        The one zone every unit's offsets point to (``defaults.yaml``), or ``None``.
    units
        When the units' offsets point to different zones: each unit's (by its value of the
        unit column), written in its own file; units whose offsets point to none are left out.
    zero
        Whether every offset is ``+00:00`` or ``Z``: UTC's, and a western European zone's in
        winter, so it proposes no zone by itself (REVIEW28 #2).
    stored
        The zone of a typed zone-aware column (a Parquet ``timestamp[us, UTC]``), or UTC for
        Unix epoch times (FIX65): instants stored in that zone, not a clock someone wrote, so
        it is the zone init writes (FIX58, QA28 #1: ``null`` let a ``ja`` unit read them in
        Asia/Tokyo, a month apart).
    """

    offsets: bool = False
    project: ZoneHint | None = None
    units: dict[str, ZoneHint] = field(default_factory=dict)
    zero: bool = False
    stored: str | None = None


def _offset_zones(
    data: pd.DataFrame, *, date_column: str, unit_column: str | None, name: str
) -> _OffsetZones:
    """Return the zones the export's written offsets point to, for the project and its units.

    Only the times' offsets are read (:func:`nps_kit._zone_hint.zone_hint` on the date
    column): they are the clock the times were written in, where a column of countries says
    where customers are, not which clock the survey tool wrote.

    Parameters
    ----------
    data
        The export as inspection read it (dates as written).
    date_column
        Its date column.
    unit_column
        The ``--unit-column``, or ``None`` for one unit of every response.
    name
        The single unit's name (its city or country chooses among zones of one clock).

    Returns
    -------
    _OffsetZones
        Nothing when the times carry no offsets.
    """
    values = data[date_column]
    if not clock.carries_offsets(values):
        return _OffsetZones()

    written = clock.written_offsets(values)
    zero = bool((written.dropna() == pd.Timedelta(0)).all())
    stored = str(values.dt.tz) if isinstance(values.dtype, pd.DatetimeTZDtype) and zero else None
    if clock.epoch_instants(values) is not None:
        stored = "UTC"  # Unix epoch times are UTC instants, as a typed UTC column's are

    def hint(rows: pd.Series, label: str) -> ZoneHint | None:
        # +00:00 alone: a column of UK regions or countries says whose winter clock it is
        # (REVIEW28 #2); otherwise places say where customers are, not the tool's clock.
        frame = data.loc[rows.index] if zero else rows.to_frame()
        found = zone_hint(frame, date_column=date_column, name=label)
        kinds = ("offset", "offsets", "place") if zero else ("offset", "offsets")
        return found if found is not None and found.kind in kinds else None

    if unit_column is None:
        return _OffsetZones(True, hint(values, name), zero=zero, stored=stored)
    units = data[unit_column].astype("string").str.strip()
    hints = {
        value: hint(values[(units == value).fillna(False).to_numpy(dtype=bool)], value)
        for value in sorted(v for v in units.dropna().unique() if v)
    }
    named = {h.zone if h is not None else None for h in hints.values()}
    if len(named) == 1 and None not in named:
        return _OffsetZones(True, next(iter(hints.values())), zero=zero, stored=stored)
    return _OffsetZones(
        True,
        units={v: h for v, h in hints.items() if h is not None},
        zero=zero,
        stored=stored,
    )


def _offset_lines(zones: _OffsetZones, language: str) -> list[str]:
    """Write the ``timezone`` lines of an export whose times carry their UTC offsets."""
    # A Japanese unit's null is Asia/Tokyo; an English unit's is no zone, not UTC.
    known = clock.export_zone("ja" if language == "ja" else "en", None)
    null = (
        "With null a time is read as the wall clock it was written in (months are cut by "
        "it), while ages and overdue call-backs count in UTC."
        if known is None
        else f"With null the times are read as {known}'s clock, the zone of the language."
    )
    if zones.project is not None:
        hint = zones.project
        text = (
            f"{_evidence(hint)}: the report reads the times as that zone's clock (the months "
            f"the export wrote) and counts ages and overdue call-backs by it. {null}"
        )
        value = "null" if hint.zone == known else hint.zone
    elif zones.units:
        text = (
            "The export writes each time with its UTC offset, and the units' offsets point "
            f"to different zones: each unit's file sets its own. {null}"
        )
        value = "null"
    elif zones.stored is not None:
        # FIX58 (QA28 #1): written, not null, so that no unit's zone follows from its language.
        text = (
            f"The export stores its times as instants in {zones.stored} (a typed time column "
            "or Unix epoch times, not a clock someone wrote): the months are cut in "
            f"{zones.stored} for every unit, whatever its language. Set the readers' zone "
            "(e.g. Europe/London, Asia/Tokyo) here, once for every unit, to cut them there."
        )
        value = zones.stored
    elif zones.zero:
        text = (
            "The export writes each time with the UTC offset +00:00 (or Z): UTC's, but also "
            "that of Europe/London, Europe/Dublin or Europe/Lisbon in winter, which write "
            "+01:00 from summer time on, so no zone is proposed (UTC would move those times "
            f"an hour back from then). {null} Set the zone of the times (UTC, Europe/London "
            "…) when you know it."
        )
        value = "null"
    else:
        text = (
            "The export writes each time with its UTC offset, and the offsets point to no "
            f"single zone. {null} Set the zone of the offsets (e.g. Europe/London, "
            "Australia/Sydney) to count them there too."
        )
        value = "null"
    wrapped = textwrap.wrap(
        text, 88, initial_indent="# ", subsequent_indent="# ", break_on_hyphens=False
    )
    return [*wrapped, f"timezone: {value}"]


def _evidence(hint: ZoneHint) -> str:
    """Say what the times' offsets show, in the words alerts use (``zone_hint.*``)."""
    return t(
        f"zone_hint.{hint.kind}", "en", column=hint.column, zone=hint.zone, evidence=hint.evidence
    )


def _scale_split_lines(found: Inspection, score: str) -> list[str]:
    """Warn of one value's answers with no 0 where the rest have them (QA29 F6), and what to do.

    The rule of inspect's note (:func:`nps_kit._values.scale_split`); nothing is converted,
    and ``data: filter`` is the unit's, so the way out is the export's.
    """
    said = _no_answer_words(found.data[score])
    scores = parse_scores(found.data[score], missing_values=said).score
    split = scale_split(scores, found.data, skip=(score,))
    if split is None:
        return []
    lang = found.language  # said where it is decided (MSG44: it was English)
    text = t(
        "init.scale_split",
        lang,
        answers=f"{split.answers:,}",
        zeros=f"{split.others_zero:,}",
        column=split.column,
        value=split.value,
    )
    return _said_lines(text, lang)


def _named_zones(found: Inspection) -> tuple[str, WrittenZones] | None:
    """Return the column of zone names beside the times, and what it says (QA29 F7).

    Inspection calls it metadata (:func:`nps_kit._response_meta.technical`), so it is never a
    breakdown; here it is the evidence for ``timezone``.
    """
    for info in found.of_kind("metadata"):
        named = written_zones(found.data[info.column])
        if named is not None:
            return info.column, named
    return None


def _named_zone_lines(column: str, named: WrittenZones, language: str) -> list[str]:
    """Write the ``timezone`` lines of an export whose column ``column`` names the times' zone."""
    shown = ", ".join(named.names[:4]) + (", …" if len(named.names) > 4 else "")
    if named.zone is None:
        text = (
            f"The column {column!r} names different zones ({shown}): the times are not in one "
            "zone, so none is proposed. Set the zone of the readers (e.g. Australia/Sydney), "
            f"or one per unit in its file; {column!r} is no breakdown either way."
        )
        value = "null"
    else:
        hint = ZoneHint(named.zone, "zone", column, ", ".join(named.names))
        text = (
            f"{_evidence(hint)}: the report reads the times as that zone's clock (the months "
            "are cut, follow-ups aged and alerts' --since and call-backs counted by it); "
            f"{column!r} is therefore no breakdown."
        )
        known = clock.export_zone("ja" if language == "ja" else "en", None)
        value = "null" if named.zone == known else named.zone
    wrapped = textwrap.wrap(text, 88, initial_indent="# ", subsequent_indent="# ")
    return [*wrapped, f"timezone: {value}"]


def _timezone_lines(
    language: str,
    order: str | None,
    *,
    written: tuple[str, str] | None = None,
    zones: _OffsetZones | None = None,
    named: tuple[str, WrittenZones] | None = None,
) -> list[str]:
    """Write the ``timezone`` lines: the zone the export's times are in, when it says one.

    Qualtrics writes its dates in the zone chosen at download and names it (``written``: the
    date column and the zone). Export times are read as the wall clock they are, so the
    report's own clock (ages, overdue call-backs) must be that zone's. Times written with
    their UTC offsets (``zones``) point to the zone whose offsets they are, when one does
    (:func:`_offset_zones`). Otherwise a US machine's zone for US dates, else a suggestion.
    """
    explain = [
        "# Time zone of every time readers see: the report's 'generated' time, the months of",
        "# the export's times, follow-up ages and overdue call-backs; null = by language",
        "# (ja: Asia/Tokyo, en: UTC, not this machine's clock).",
    ]
    if written is not None:
        column, given = written
        default = clock.DEFAULT_TIMEZONE["ja" if language == "ja" else "en"]
        said = textwrap.wrap(
            f"Qualtrics wrote the export's times in {given} (the timeZone of {column} in its "
            "third header row): the report reads them as that zone's clock, and counts ages "
            "and overdue call-backs by it. To report in the readers' zone, download the "
            "export in it (Qualtrics' download options) and set it here.",
            88,
            initial_indent="# ",
            subsequent_indent="# ",
        )
        return [*explain, *said, f"timezone: {'null' if given == default else given}"]
    if zones is not None and zones.offsets:
        return [*explain, *_offset_lines(zones, language)]
    if named is not None:  # a column names the times' zone (QA29 F7: AEST/AEDT)
        return [*explain, *_named_zone_lines(*named, language)]
    if language != "en":
        return [*explain, "timezone: null"]
    # QA25 B-4: an English export's times carry no zone; null reads them as UTC's clock.
    unzoned = [
        "# The export's times carry no zone: they are read as this zone's wall clock. With null",
        "# they are taken as UTC and shown without a zone, hours off the readers' day; set the",
    ]
    if order != "month-first":
        return [
            *explain,
            *unzoned,
            "# zone the survey tool wrote them in (e.g. Europe/London, Australia/Sydney).",
            "timezone: null",
        ]
    zone = clock.machine_zone()
    if zone is not None and clock.in_united_states(zone):
        return [
            *explain,
            f"# The dates are US (month-first), and this machine is in {zone}: readers' zone.",
            f"timezone: {zone}",
        ]
    return [
        *explain,
        *unzoned,
        "# zone the survey tool wrote them in. The dates are US (month-first): in the United",
        "# States that is one of America/New_York, America/Chicago, America/Denver,",
        "# America/Los_Angeles (a US zone also prints the PDF on Letter).",
        "timezone: null",
    ]


def _resubmission_lines(found: Inspection, *, exact: int = 0) -> list[str]:
    """Comment on the double submissions found (QA20: init said nothing of 8 of them).

    ``exact``: exact duplicate rows that repeat a response id too, so one response read twice
    (a second download appended): ``dedupe: true`` drops them (QA28 #7: left false, each was
    counted twice). Without an id, identical rows may be two people's answers: left false.
    """
    from nps_kit._resubmit import RESUBMISSIONS, per_submission, resubmission_note

    count = len(found.load.resubmission_of)
    if not count and exact:
        return [
            "  # Set because of them: each repeats a response id and every answer, so one",
            "  # response read twice; with false it would count twice.",
            "  dedupe: true",
        ]
    if not count and found.resubmission_chance is not None:
        # Said, not only decided (FIX88): a reader who sees equal rows seconds apart asks why.
        said = found.resubmission_chance.said()
        return [*(f"  # {line}" for line in textwrap.wrap(said, 88)), "  dedupe: false"]
    if not count:
        return ["  dedupe: false"]
    # Proposed, not only noted (QA25: 18 found, dedupe left false, each counted twice). The
    # columns new for each submission (an id, a link) were no answers compared (QA29 F4).
    skip = (found.date_column,) if found.date_column is not None else ()
    fresh = per_submission(found.data, skip=skip)
    return [
        *(f"  # {line}" for line in textwrap.wrap(resubmission_note(count, ignored=fresh), 88)),
        *(f"  # {line}" for line in textwrap.wrap(_RESUBMISSIONS_SET, 88)),
        f"  dedupe: {RESUBMISSIONS}",
    ]


_RESUBMISSIONS_SET: Final = (
    "Set because of them: with false each would count twice, in the NPS and in the lists."
)


def _unfinished_lines(found: Inspection) -> list[str]:
    """Return the ``unfinished`` setting for a Qualtrics export that says who finished.

    A LimeSurvey export whose ``submitdate`` is empty on some rows holds incomplete responses
    (never submitted): ``exclude`` is proposed, with why (FIX88; QA35 O2: 33 of them were
    scored and in no month, counted in the totals alone).
    """
    from nps_kit._response_meta import limesurvey_submitted

    submitted = limesurvey_submitted(found.index.columns)
    if submitted is not None and submitted in found.data.columns:
        blank = found.data[submitted].astype("string").str.strip().fillna("").eq("")
        if not blank.any():
            return []
        score = found.data[found.nps_column] if found.nps_column is not None else None
        answered = (
            score.astype("string").str.strip().fillna("").ne("") if score is not None else blank
        )
        scored = int((blank & answered).sum())
        why = (
            f"LimeSurvey writes {submitted} only when the respondent sent the last page: "
            f"{int(blank.sum()):,} responses have none (incomplete, never submitted), "
            f"{scored:,} of them with a score. exclude leaves them out of every figure, as "
            "LimeSurvey's own statistics count completed responses; include counts them "
            f"(without a {submitted} they fall in no month unless columns.date is another "
            "date, such as datestamp)."
        )
        return [
            *(f"  # {line}" for line in textwrap.wrap(why, 88)),
            "  unfinished: exclude",
        ]
    if found.load.source != "qualtrics" or "Finished" not in found.index.columns:
        return []
    return [
        "  # Qualtrics responses the respondent did not finish (Finished = False) but scored:",
        "  # include counts them, exclude leaves them out; the report counts them either way.",
        "  unfinished: include",
    ]


def _numeric_note(found: Inspection) -> str | None:
    """Return inspect's note that the export holds Qualtrics' numeric codes, if it does."""
    return next((n for n in found.notes if n.startswith(_NUMERIC_NOTE)), None)


# The start of inspect's note on a Qualtrics export of numeric values (FIX31).
_NUMERIC_NOTE: Final = "This Qualtrics export holds numeric values"


def _value_labels_lines(found: Inspection) -> list[str]:
    """Write the code table the workbook holds as ``value_labels:`` (CODES40), else nothing."""
    coded = found.code_tables
    if coded is None or not coded.value_labels:
        return []
    lines = [
        f"# Coded answers and their labels, from the code table {'in' if coded.file else 'on'} "
        f"{coded.where}: the report shows the labels, in this order.",
        "# A code without a label stays as written and is said in the data quality.",
    ]
    if coded.unmatched:
        listed = ", ".join(repr(q) for q in coded.unmatched)
        lines.append(f"# Not here: {listed}, which no column of the export is.")
    lines.append("value_labels:")
    lines += [f"  {scalar(column)}: {_json(table)}" for column, table in coded.value_labels.items()]
    return [*lines, ""]


def _question_lines(
    found: Inspection, *, skip: set[str], only_other: frozenset[str] = frozenset()
) -> list[str]:
    asked = [c for c in found.columns if c.column not in skip]
    # Told apart where two matrices share a row ("Price" of importance and of satisfaction).
    labels = dict(
        zip([c.column for c in asked], short_labels([c.label for c in asked]), strict=True)
    )

    def entry(info: ColumnInfo, **extra: Any) -> str:
        parts = [f"column: {scalar(info.column)}"]
        parts += [f"{k}: {scalar(v) if not isinstance(v, list | dict) else _json(v)}"
                  for k, v in extra.items()]  # fmt: skip
        # What the question asks about, said short ("Which plan are you on?" is "Plan",
        # 今回のご利用目的を教えてください。 is ご利用目的): the label titles charts ("NPS by
        # Plan", ご利用目的別のNPS) and tables and names the question in the e-mail. Never
        # cut: "How satisfied are you with our document…" named nothing.
        parts.append(f"label: {scalar(labels[info.column])}")
        return "  - {" + ", ".join(parts) + "}"

    permits = {c.column for c in _permissions(found)}
    asking = {c.column for c in _asks_consent(found)}
    groups = _breakdowns(found, skip=skip, only_other=only_other)
    lines = _value_labels_lines(found)
    lines += [
        f"# Columns to break the NPS down by: the categorical questions (first {_MAX_BREAKDOWNS}).",
    ]
    for name in sorted(permits - skip):
        # QA27 #6: "NPS by メール配信可" in every report, a "what moved" line by it.
        lines.append(f"# Not {scalar(name)}: a yes/no permission, not a group to compare NPS by.")
    for name in sorted(asking - skip):
        lines.append(
            f"# Not {scalar(name)}: it asks for consent to contact, not a group to compare NPS by."
        )
    for info in found.of_kind("name"):
        if info.column not in skip and _STAFF.search(info.column):
            # Left out by default (names), but a breakdown the analyst may well want: said.
            lines.append(
                f"# Not {scalar(info.column)}: people's names, not a breakdown; add it under "
                "breakdowns if you want it."
            )
    for name in sorted(only_other - skip):
        lines.append(
            f"# Not {scalar(name)}: too many small groups; in a month of one unit none would reach "
            f"{DEFAULT_MIN_REPORT_N} responses, so its chart would show only Other."
        )
    if groups and _numeric_note(found):
        lines += [
            "# This export holds Qualtrics' numeric values: the groups of these breakdowns are",
            "# answer codes (1, 2, 3), not the answers (a Yes/No question reads 1 and 2).",
        ]
    if groups:
        lines.append("breakdowns:")
        lines += [entry(c) for c in groups[:_MAX_BREAKDOWNS]]
    else:
        lines.append("breakdowns: []")
    # The report compares ratings on one scale: the commonest scale's ratings are ratings,
    # any other rating question is summarised answer by answer.
    main = _main_scale([c for c in found.of_kind("rating") if c.column not in skip])
    questions = []
    said: set[str] = set()
    for info in found.columns:
        if info.column in skip | permits | asking:
            continue
        if info.kind == "rating" and info.scale is not None and info.scale == main:
            # A labelled scale's answers are read as their points (codes: point -> answer).
            codes = {str(point): answer for point, answer in info.codes}
            extra: dict[str, Any] = {"codes": codes} if codes else {}
            if info.note and info.note not in said:
                # The scale inferred from "(sur 5)" and the block's answers, said once (FIX79).
                said.add(info.note)
                questions += textwrap.wrap(
                    info.note, 96, initial_indent="  # ", subsequent_indent="  # "
                )
            questions.append(entry(info, type="rating", scale=list(info.scale), **extra))
        elif info.kind == "multi":
            questions.append(entry(info, type="multi", separator=info.separator))
        elif info.kind == "text":
            # An improvement question's answers are read as requests unless they praise.
            header = f"{info.column} {info.question or ''}"
            extra = {"asks": "improvement"} if _asks_improvement(header) else {}
            questions.append(entry(info, type="text", **extra))
        elif info.kind == "rating" or (
            info.kind == "categorical"
            and info not in groups[:_MAX_BREAKDOWNS]
            and info.column not in only_other
        ):
            if info.kind == "rating" and info.scale is not None and main is not None:
                # A rating on another scale ("(1-5)" as stated beside a block 0–5): why it is
                # no rating here (REVIEW35: left out without a word).
                (low, high), (main_low, main_high) = info.scale, main
                why = (
                    f"{info.column!r} is rated {low}–{high}, not {main_low}–{main_high} as the "
                    "ratings here: summarised answer by answer, as mean ratings compare one "
                    "scale (followups.scale)."
                )
                questions += textwrap.wrap(why, 96, initial_indent="  # ", subsequent_indent="  # ")
            questions.append(entry(info, type="categorical"))
    lines.append(
        "# Follow-up questions: ratings (with their scale), multi-select (with the separator"
    )
    lines.append("# found), the rest of the categorical questions and free text.")
    if questions:
        lines.append("followups:")
        lines += questions
    else:
        lines.append("followups: []")
    lines.append("")
    return lines


def _other_language_lines(others: Sequence[str], language: str) -> list[str]:
    """Say which units' customers answer mostly in another language (FIX58): not switched."""
    if not others:
        return []
    other = "Japanese" if language != "ja" else "English"
    text = (
        f"The customers of {len(others)} units answer mostly in {other} "
        f"({', '.join(others)}): their reports stay in {language}, the readers' language; "
        "each unit's file says how to change it."
    )
    return textwrap.wrap(text, 88, initial_indent="# ", subsequent_indent="# ")


def _renamed_text(chain: Sequence[Rename]) -> str:
    """Say why a unit's file proposes its earlier names: one rename, or a chain of them.

    A unit renamed twice (A -> B -> C) is one proposal in C's file listing A and B (REVIEW35:
    two, B's listing A and C's listing B, which followed made two units again).
    """
    first = chain[0]
    if len(chain) == 1:
        return (
            f"{first.old!r} has no answers after {first.last_old} and this unit none before "
            f"{first.first_new}: if it was renamed, this filter instead keeps them one unit "
            f"with one trend (then delete the unit file of {first.old!r}):"
        )
    between = "".join(
        f"{later.old!r} none before {earlier.first_new} nor after {later.last_old}, "
        for earlier, later in itertools.pairwise(chain)
    )
    times = {2: "twice", 3: "three times"}.get(len(chain), f"{len(chain)} times")
    olds = [repr(r.old) for r in chain]
    return (
        f"{first.old!r} has no answers after {first.last_old}, {between}and this unit none "
        f"before {chain[-1].first_new}: if it was renamed {times}, this filter instead keeps "
        f"them one unit with one trend (then delete the unit files of {', '.join(olds[:-1])} "
        f"and {olds[-1]}):"
    )


def _unit_text(
    unit: str,
    name: str,
    row_filter: tuple[str, list[str]] | None,
    why: str,
    *,
    language: AnswerLanguage | None = None,
    project_language: str = "en",
    zone: ZoneHint | None = None,
    also: Sequence[tuple[str, int]] = (),
    renamed: Sequence[Rename] = (),
) -> str:
    lines = [
        f"# The {name} report, written by `nps-kit init --from`; merged over defaults.yaml.",
        f"# {why}",
    ]
    for written, rows in also:
        # QA29 F2: another spelling of the value is this unit, said (nps_kit._value_key).
        text = (
            f"Also written {written!r} ({rows:,} rows): the same value in another width, case "
            "or spacing, so one unit."
        )
        lines += textwrap.wrap(
            text, 88, initial_indent="# ", subsequent_indent="# ", break_on_hyphens=False
        )
    lines += [
        f"unit: {scalar(unit)}",
        f"name: {scalar(name)}",
    ]
    if zone is not None:  # FIX48: a group's units in different zones, each its own
        text = (
            f"{_evidence(zone)} (this unit's rows): its report reads them as that zone's "
            "clock and counts ages and overdue call-backs by it."
        )
        lines += [
            *textwrap.wrap(
                text, 88, initial_indent="# ", subsequent_indent="# ", break_on_hyphens=False
            ),
            f"timezone: {zone.zone}",
        ]
    if language is not None:
        # FIX58 (QA28 #1, #10): a report is read by the unit's team, not its customers; each
        # comment is still read by its own language's pack. Said, not switched.
        lines += [
            f"# This unit's customers answer mostly in another language ({language.describe()});",
            f"# its report stays in the project's language ({project_language}), that of its",
            "# readers: each comment is still read in its own language. If this unit's readers",
            "# read that language, uncomment (the months stay those of defaults.yaml's timezone):",
            f"# language: {language.language}",
        ]
    if row_filter is not None:
        column, values = row_filter
        listed = ", ".join(scalar(v) for v in values)
        lines += [
            "data:",
            "  # Only this unit's rows.",
            f"  filter: {{column: {scalar(column)}, values: [{listed}]}}",
        ]
        if renamed:
            # QA29 F8: a ward renamed mid-month was two units, the new one without a trend.
            lines += textwrap.wrap(
                _renamed_text(renamed),
                88,
                initial_indent="  # ",
                subsequent_indent="  # ",
                break_on_hyphens=False,
            )
            earlier = ", ".join(scalar(r.old) for r in renamed)
            lines.append(
                f"  # filter: {{column: {scalar(column)}, values: [{listed}], "
                f"previous_names: [{earlier}]}}"
            )
    # Commented out: a live list would replace the recipients defaults.yaml may be given later.
    lines += [
        "# Recipients of the report; none yet: nps-kit send skips a unit without any, and",
        "# stops with an error when no unit it is asked to send has any. Uncomment to set them",
        "# for this unit (a list here replaces that of defaults.yaml):",
        "# mail:",
        f"#   to: [{_example_address(unit)}]",
        "",
    ]
    # In the project's language: the unit's report language is the readers'.
    return in_language("\n".join(_one_line_comments(lines)), project_language)


@dataclass(frozen=True)
class ExportProject:
    """What :func:`export_project` wrote, and what ``init`` says of it.

    Attributes
    ----------
    written
        The files written, as :func:`project_from_export` returns them.
    code_tables
        The code table written as ``value_labels:`` (its sheet or file and the columns it
        labels); ``None`` when none labels a column.
    """

    written: list[Path]
    code_tables: FoundCodes | None = None


def project_from_export(
    directory: str | Path,
    export: str | Path,
    *,
    unit_column: str | None = None,
    sheet: str | int | None = None,
    codes: str | Path | None = None,
) -> list[Path]:
    """Write a reporting project for ``export`` into ``directory``.

    Parameters, errors and the files are those of :func:`export_project`.

    Returns
    -------
    list of Path
        The files written.
    """
    return export_project(
        directory, export, unit_column=unit_column, sheet=sheet, codes=codes
    ).written


def export_project(
    directory: str | Path,
    export: str | Path,
    *,
    unit_column: str | None = None,
    sheet: str | int | None = None,
    codes: str | Path | None = None,
) -> ExportProject:
    """Write a reporting project for ``export`` into ``directory``.

    Parameters
    ----------
    directory
        The project folder; created if missing.
    export
        The survey export; the project refers to it by a path relative to ``parameters/``.
    unit_column
        One unit per value of this column (header, Qualtrics QID or question text); ``None``
        makes a single unit of every response.
    sheet
        The workbook's sheet with the answers (name or 0-based index), written as
        ``data.sheet``; ``None`` reads the first.
    codes
        The survey's code table as a file of its own (CSV or XLSX, ``--codes``); ``None``
        reads the workbook's code-table sheet, if any. What it labels is ``value_labels:``.

    Returns
    -------
    ExportProject
        The files written (``notebooks/nps_report.ipynb``, ``parameters/defaults.yaml``,
        ``themes.yaml``, ``playbook.yaml``, the unit files and ``README.md``) and the code
        table written as ``value_labels:``.

    Raises
    ------
    NpsKitError
        When a file to write exists already (nothing is written then), the export cannot be
        read, or it has no 0–10 score or date column.
    """
    root = Path(directory)
    export = Path(export)
    found = inspect_export(export, sheet=sheet, codes=codes)
    if found.nps_column is None and other_sheets(found) is not None:
        # Before the unit column is looked for: on a cover sheet it is never found, and
        # "no column 担当支社" would hide that the answers are on another sheet.
        # In the language init would write the project in (MSG43: a Japanese export heard
        # English); the English is as before.
        lang = found.language
        raise DataError(
            t(
                "init.no_score_sheet", lang, export=export, sheet=found.load.sheet,
                sheets=other_sheets(found, lang), codes=coded_scores(found, lang),
            ),
            hint=t("init.no_score_sheet_hint", lang),
            path=export,
        )  # fmt: skip
    folder = root / "parameters"
    # Every decision below reads the answers inspection read: the export is read once.
    texts = {c.column: found.data[c.column] for c in found.of_kind("text")}
    comment = _comment_column(found, texts)
    # The pack is measured on the comments the report will tag, not on every free-text column.
    comments = texts[comment[0].column] if comment[0] is not None else pd.Series([], dtype=object)
    pack = choose_theme_pack(comments)
    unread = unread_comments(comments) if pack is None else None
    column = (
        None
        if unit_column is None
        else found.index.resolve_unique(unit_column, option="--unit-column")
    )
    single = root.resolve().name or export.stem
    # One unit per value however its rows spell it (QA29 F2: ﾐﾗｲﾓﾊﾞｲﾙ… and ミライモバイル… were two
    # unit files whose filters both matched every row of the shop): named as most rows spell it.
    data = found.data
    variants: dict[str, list[tuple[str, int]]] = {}
    if column is not None:
        variants = spellings(data[column])
        data = data.assign(**{column: one_spelling(data[column])})
    moved: dict[str, tuple[Rename, ...]] = {}
    if column is not None and found.date_column is not None:
        read = parse_date_values(found.data[found.date_column], source=found.load.source)
        # A chain A -> B -> C is one unit: C's file proposes A and B, B's nothing (REVIEW35).
        moved = {chain[-1].new: chain for chain in chains(renames(data[column], read.dates))}
    zones = (
        _offset_zones(data, date_column=found.date_column, unit_column=column, name=single)
        if found.date_column is not None
        else _OffsetZones()
    )
    spoken: dict[str, AnswerLanguage] = {}
    if column is not None:
        values = data[column].astype("string").str.strip()
        for value in sorted(v for v in values.dropna().unique() if v):
            rows = (values == value).fillna(False).to_numpy(dtype=bool)
            said = answer_language([t[rows] for t in texts.values()])
            if said.answers and said.language != found.language:
                spoken[value] = said
    texts_by_file: dict[Path, str] = {
        Path("parameters/defaults.yaml"): _defaults_text(
            found,
            export,
            folder,
            pack,
            column,
            comment,
            only_other=_only_other(found, column),
            zones=zones,
            languages=unread,
            others=list(spoken),
        ),
        # A Japanese analyst adds 代車 and 車検 here: the comments in the project's language.
        Path("parameters/themes.yaml"): in_language(
            pack_extension(pack)
            + _split_proposal(
                texts[comment[0].column],
                pack,
                found.language,
                None if column is None else data[column],
            )
            if pack and comment[0] is not None
            else pack_extension(pack)
            if pack
            else _empty_themes(unread),
            found.language,
        ),
        Path("parameters/playbook.yaml"): in_language(
            _playbook(pack, language=found.language), found.language
        ),
        Path("notebooks/nps_report.ipynb"): _resource("nps_report.ipynb"),
    }
    if column is None:
        # Named after the project, not the file (QA20: Google Forms' "responses" beside the
        # regions in the overview); the export's name only when the folder has none.
        name = single
        unit = _slug(name, {"defaults", "themes", "playbook"}, 0)
        texts_by_file[Path(f"parameters/{unit}.yaml")] = _unit_text(
            unit,
            name,
            None,
            "No --unit-column: one report for every response.",
            project_language=found.language,
        )
    else:
        taken: set[str] = {"defaults", "themes", "playbook"}
        named = sorted(variants.values(), key=lambda forms: forms[0][0])
        for i, forms in enumerate(named):
            value = forms[0][0]
            unit = _slug(value, taken, i)
            texts_by_file[Path(f"parameters/{unit}.yaml")] = _unit_text(
                unit,
                # Shown in titles, the overview and subjects as the answers are (QA27 #7:
                # 「【NPS】ｵｰｶﾞﾆｯｸﾗﾎﾞ 2026年11月」); the filter keeps the values as written.
                header_label(value),
                (column, [w for w, _ in forms]),
                f"One unit per value of {column!r} (--unit-column).",
                also=forms[1:],
                # Its customers' language said, the readers' kept (FIX58, QA28 #1 and #10).
                language=spoken.get(value),
                project_language=found.language,
                zone=zones.units.get(value),
                renamed=moved.get(value, ()),
            )
    texts_by_file[Path("README.md")] = _readme(export, language=found.language)
    existing = [str(p) for p in texts_by_file if (root / p).exists()]
    if existing:
        raise NpsKitError(
            f"{root} already has {', '.join(existing)}; init never overwrites files.",
            hint="Choose a new or empty folder.",
        )
    written = []
    for relative, text in texts_by_file.items():
        target = root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        written.append(target)
    coded = found.code_tables
    return ExportProject(written, coded if coded is not None and coded.value_labels else None)


def _only_other(found: Inspection, unit_column: str | None) -> frozenset[str]:
    """Return the categorical columns whose breakdown chart would show only "Other".

    A month of one unit holds about ``rows / (units × months)`` responses; a group whose
    share of the export gives it fewer than the anonymity floor there is hidden. When a
    column has more groups than a chart shows (top N) and none of them reaches the floor
    (100 companies over 600 responses), the chart is one "Other" bar under a list of hidden
    names: no breakdown. A column of a few groups stays one however small the export (a
    pilot's 年代 of 5 groups grows into its chart).
    """
    candidates = [c.column for c in found.of_kind("categorical") if c.column != unit_column]
    if not candidates or found.date_min is None or found.date_max is None:
        return frozenset()
    months = (
        (found.date_max.year - found.date_min.year) * 12
        + found.date_max.month
        - found.date_min.month
        + 1
    )
    read = found.data
    units = 1
    if unit_column is not None:
        units = max(int(read[unit_column].nunique()), 1)
    sparse = set()
    for column in candidates:
        counts = read[column].astype("string").str.strip().value_counts()
        if len(counts) <= _TOP_N:
            continue
        if counts.max() / (units * months) < DEFAULT_MIN_REPORT_N:
            sparse.add(column)
    return frozenset(sparse)


_PLAYBOOK_HEAD: Final = """\
# nps-kit playbook: the actions a report may recommend, per segment, theme and rating driver,
# written by `{by}`. The format is described at the top of nps-kit's
# playbook.yaml (nps_kit/resources/playbook.yaml).
"""


#: Heads the generic pack's playbook in a project: its actions fit no business in particular.
_GENERIC_REVIEW = """\
# REVIEW THIS FILE: `nps-kit init --from` chose the generic theme pack, so these are the generic
# pack's actions, written for no business in particular. Before the first report goes out, read
# the actions under `general:` (per segment) and `themes:` (per theme and segment) and reword or
# delete any that does not fit your business or its rules; `nps-kit run` uses this file as it is.
"""

#: Heads the built-in playbook in a project no pack fits (FIX54: it asked a project no pack fits
#: for referrals and reviews, unsaid).
_BUILTIN_REVIEW = """\
# REVIEW THIS FILE: `nps-kit init --from` found no theme pack that fits these comments, so these
# are nps-kit's built-in actions, not chosen for your business: they ask promoters for referrals
# and reviews, which some sectors' rules restrict. Before the first report goes out, read the
# actions under `general:` (per segment) and `drivers:` and reword or delete any that does not
# fit your business or its rules; `nps-kit run` uses this file as it is.
"""


def _empty_themes(unread: str | None = None) -> str:
    said = f"# {unread}\n" if unread else ""
    return said + _EMPTY_THEMES.format(packs=", ".join(PACKS))


def unread_comments(texts: pd.Series) -> str | None:
    """Say when half or more of the comments are in languages no pack reads, else ``None``.

    Said in themes.yaml and defaults.yaml, and by ``nps-kit init`` (which finds the sentence
    in themes.yaml): "none of the packs fits these comments" sent the user to try another pack
    for German comments, which none reads (FIX49, QA26 #14).

    Parameters
    ----------
    texts
        The comments of the comment column.

    Returns
    -------
    str or None
        ``781 of 781 comments are in languages no pack reads (German 100 %).`` (languages by
        :func:`nps_kit.text.languages.comment_languages`, most frequent first, at most three);
        ``None`` when most comments are English or Japanese, or there are none.
    """
    from nps_kit.text.languages import comment_languages, language_name

    comments = texts.dropna().astype(str)
    comments = comments[comments.str.strip() != ""]
    if comments.empty:
        return None
    found = comment_languages(comments).dropna()
    other = found[~found.isin(["en", "ja"])]
    if len(other) < 0.5 * len(comments):
        return None
    counts = other.value_counts().head(3)
    listed = ", ".join(
        f"{language_name(str(code), 'en')} {round(100 * n / len(comments))} %"
        for code, n in counts.items()
    )
    return (
        f"{len(other):,} of {len(comments):,} comments are in languages no pack reads ({listed})."
    )


def pack_extension(pack: str, *, written_by: str = "nps-kit init --from") -> str:
    """Return a themes file that extends a shipped pack, with no words yet and how to add some.

    ``nps-kit init`` without ``--from`` writes it too, for a Japanese demo project: the shipped
    themes file's annotated YAML sketch of the format is no sentence :func:`in_language` knows.
    """
    from nps_kit.text.packs import load_pack

    ids = load_pack(pack).ids
    listed = textwrap.fill(
        ", ".join(ids) + ".", width=98, initial_indent="# ", subsequent_indent="# "
    )
    uses = (
        "# defaults.yaml uses this file (`themes: themes.yaml`): the pack's themes and learned\n"
        "# layers, plus the words you write under `themes:` below. The pack's theme ids:\n"
        if trained(pack)
        else "# defaults.yaml uses this file (`themes: themes.yaml`): the pack's themes (its\n"
        "# words and rules alone: it has no learned layers yet), plus the words you write\n"
        "# under `themes:` below. The pack's theme ids:\n"
    )
    return (
        f"# Your own words for nps-kit's '{pack}' theme pack, written by `{written_by}`.\n"
        f"{uses}"
        f"{listed}\n"
        "# Keywords under one of them are added to that theme; a new id with a label is a new\n"
        "# theme. For example:\n"
        "#   themes:\n"
        f"#     {ids[0]}:\n"
        "#       keywords: {en: [a word, a phrase], ja: [言葉]}\n"
        "#     my_theme:\n"
        "#       label: {ja: 表示名, en: Display name}\n"
        "#       keywords: {en: [another word], ja: [別の言葉]}\n"
        "# `nps-kit themes EXPORT --text-column COL --suggest` lists frequent phrases no theme\n"
        "# covers; the format is described at the top of nps-kit's themes.yaml.\n"
        f"version: 1\nextends: {pack}\nthemes: {{}}\n"
    )


def _split_proposal(
    texts: pd.Series, pack: str, language: str, units: pd.Series | None = None
) -> str:
    """Return commented lines that split a theme holding most comments (QA26 #15), or ``""``.

    Measured on the whole comment column (the themes file serves every unit) and on each
    unit's comments (``units``: the unit column), with the threshold of
    :data:`nps_kit.text.split.DOMINANT_SHARE`; the words proposed are the whole column's, or,
    when only some units pass it, those of the unit where the theme holds the most.
    """
    from nps_kit.text.packs import load_pack
    from nps_kit.text.redaction import redact
    from nps_kit.text.split import DOMINANT_SHARE, dominant_theme, split_yaml

    # The examples are comments written into a file: masked as --suggest masks them.
    masked = redact(texts.astype("string")).texts
    book = load_pack(pack)
    found = dominant_theme(masked, book)
    by_unit = []
    if units is not None:
        for name, part in masked.groupby(units.reindex(masked.index), sort=True):
            held = dominant_theme(part, book)
            if held is not None:
                by_unit.append((str(name), held))
    of = ""
    if found is None and by_unit:
        name, found = max(by_unit, key=lambda pair: pair[1].share)
        of = f" of {name}"
    # Named by the label the report shows in the project's language (FIX54: 「quality」 in a
    # Japanese file whose readers know 「品質・内容」), with the id the lines below use.
    lang: Language = "ja" if language == "ja" else "en"
    snippet = "" if found is None else split_yaml(found, lang=lang)
    if found is None or not (snippet or len(found.layer_phrases)):
        return ""
    theme = found.theme
    head = (
        f"One theme holds most of these comments: '{theme.label(lang)}' ({theme.id}), "
        f"{found.share:.1f}% of the {found.tagged:,} comments with a theme{of} (over "
        f"{DOMINANT_SHARE:.0f}%, one action covers the problems of different teams)."
    )
    if by_unit:
        listed = ", ".join(
            f"{name} {held.theme.label(lang)} {held.share:.1f}%" for name, held in by_unit
        )
        head += f" Units where one theme holds over {DOMINANT_SHARE:.0f}%: {listed}."
    if not snippet:
        # FIX54: the learned layer tagged most of them, with none of the theme's words: say so
        # and which phrases recur, rather than nothing.
        said = ", ".join(
            f"{p} ({n:,})"
            for p, n in zip(
                found.layer_phrases["phrase"], found.layer_phrases["count"], strict=True
            )
        )
        head += (
            f" The learned layer tagged {found.unmatched:,} of its {found.count:,} comments, "
            f"which contain none of its words, so no split of them is proposed; their most "
            f"frequent phrases: {said}. Add those that name a topic of their own as keywords "
            "of a new theme under `themes:` above."
        )
        return "".join(f"# {line}\n" for line in textwrap.wrap(head, width=96))
    head += (
        " To split it into themes of its most frequent words, replace `themes: {}` above with "
        "the lines below, without their leading '# '."
    )
    lines = textwrap.wrap(head, width=96)
    return (
        "".join(f"# {line}\n" for line in lines)
        + "# themes:\n"
        + "".join(f"# {line}\n" for line in snippet.splitlines())
    )


def _playbook(pack: str | None, *, language: str = "en") -> str:
    """Return the bundled playbook; without a theme pack, without its theme actions.

    For a Japanese project the bundled playbook's English description of its format (an
    annotated YAML sketch no sentence table can translate) becomes one line that points to it.
    """
    text = _pack_text(pack, 1) if pack is not None else _resource("playbook.yaml")
    if language == "ja":
        text = short_playbook_head(text)
    if pack == "generic":
        # Written for no business in particular (QA26 #16: a referral scheme for a hospital).
        return _GENERIC_REVIEW + text
    if pack is not None:
        return text
    start = text.index("\nthemes:\n") + 1
    end = text.index("\ndrivers:", start) + 1
    note = (
        "# No theme actions: this project's themes.yaml has no themes yet (written by\n"
        "# `nps-kit init --from`). Add actions per theme here when you add themes there.\n"
        "themes: {}\n\n"
    )
    return _BUILTIN_REVIEW + text[:start] + note + text[end:]


def short_playbook_head(text: str, *, written_by: str = "nps-kit init --from") -> str:
    """Return a playbook whose annotated description of its format is one line that points to it.

    For a Japanese project (an annotated YAML sketch no sentence table can translate); a
    playbook without that description (a pack's own) is returned as it is.
    """
    if not text.startswith("# nps-kit playbook:"):  # the retail pack's starts so too
        return text
    return _PLAYBOOK_HEAD.format(by=written_by) + text[text.index("\nversion:") + 1 :]


def _pack_text(pack: str, which: int) -> str:
    """Return the text of a shipped pack's themes (``which=0``) or playbook (``1``) file."""
    from nps_kit.text.packs import pack_files

    return pack_files(pack)[which].read_text(encoding="utf-8")


def _resource(name: str) -> str:
    return resources.files("nps_kit").joinpath("resources", name).read_text(encoding="utf-8")


def _readme(export: Path, *, language: str = "en") -> str:
    if language == "ja":
        return f"""# {export.name} のNPSレポート

`nps-kit init --from {export.name}` で作成しました。`parameters/defaults.yaml` の設定はどれも
エクスポートから判定したもので、理由をコメントに書いています。内容を確認してから、次のコマンドを
実行してください：

```sh
nps-kit run --all          # reports/<期間>/<ユニット>.html、index.html、manifest.json
```

`nps-kit inspect {export.name}` でエクスポートの各列の内容を確認できます。レポート本体は
`notebooks/nps_report.ipynb` です。
"""
    return f"""# NPS reports for {export.name}

Made with `nps-kit init --from {export.name}`. Every setting in `parameters/defaults.yaml` was
detected from the export and is commented with the reason; check them, then:

```sh
nps-kit run --all          # reports/<period>/<unit>.html, index.html, manifest.json
```

`nps-kit inspect {export.name}` shows what each column of the export holds. The report itself is
`notebooks/nps_report.ipynb`.
"""
