"""Which columns ``init --from`` proposes, and why.

The response id, contact and name columns (:func:`proposed_columns`, which ``alerts`` also
asks), the comment (the free text that asks for a reason), consent and permission columns, and
the breakdowns (real categories whose chart would not be one "Other" bar).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Final

import pandas as pd

from nps_kit._consent import (
    CONSENT_CHOICES,
    CONSENT_NAME,
    OPT_IN_NAME,
    asks_about_contact,
    asks_how,
)
from nps_kit._id_repeats import numbers_rows, running_number_note
from nps_kit._value_key import cell_text
from nps_kit._width import display_width
from nps_kit.closed_loop import record_columns
from nps_kit.inspect import ColumnInfo, Inspection, is_response_id
from nps_kit.inspect._facts import _ID_NAME, _SEQUENCE_NAME
from nps_kit.score import DEFAULT_MIN_REPORT_N

# The breakdowns' top N values (the rest are grouped as Other), as init writes it.
_TOP_N: Final = 12


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


def _short(text: str, width: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


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
