"""Close the loop with detractors: who to contact, in which order, and how the team is doing.

:func:`contactable_detractors` is the one rule for "a detractor we may contact" (used by the
report's follow-up list, its work file and ``nps-kit alerts``). :func:`followup_list` turns a
unit's reporting period into the list the team works through, sorted by urgency: lowest score
first, then the oldest response, then the response id. :func:`loop_status` measures the loop from
a status file the team returns: close rate, median days to contact and who is still open.

Everything here is pure; reading and writing the work and status files is
:mod:`nps_kit.followup_files`.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final, Literal

import pandas as pd

from nps_kit import clock
from nps_kit._consent import ConsentWords, consent_answer, read_consent
from nps_kit._consent import refused as refused_contact
from nps_kit._question_label import short_label
from nps_kit._response_meta import ANONYMOUS, answer_time
from nps_kit._values import MISSING_WORDS, date_only
from nps_kit.errors import DataError, closest
from nps_kit.i18n import Language, join_names, t
from nps_kit.load import blank_ids, export_column, row_keys
from nps_kit.text.tokens import NO_ANSWER, said
from nps_kit.unit import UnitData, contact_allowed

__all__ = [
    "ATTEMPT_STATUSES",
    "CALL_WITHIN_HOURS",
    "DETRACTOR_MAX_SCORE",
    "NAME_HEADER",
    "OPEN_STATUSES",
    "RESPONSE_ID_NAMES",
    "ContactBasis",
    "FollowupList",
    "LoopRefused",
    "LoopStatus",
    "RestoredIds",
    "alerts_need",
    "call_backs",
    "call_by",
    "consent_known",
    "consent_unknown_detractors",
    "consent_unknown_words",
    "contact_basis",
    "contactable_detractors",
    "date_not_answered",
    "export_reach",
    "followup_list",
    "id_heading",
    "left_contact_details",
    "loop_status",
    "names_only",
    "other_date_label",
    "reach_columns",
    "record_columns",
    "record_note",
    "respondent_themes",
    "restore_ids",
    "rows_moved",
    "still_open",
    "unlisted_note",
    "unlisted_reach",
]

#: Detractors score 0–6 (the segment rule of :mod:`nps_kit.score`).
DETRACTOR_MAX_SCORE = 6
#: How soon the playbooks' first detractor action (an owner calls back each listed
#: detractor) is due; the follow-up list gives each person's call-by date from it and marks
#: the overdue.
CALL_WITHIN_HOURS = 48
#: Urgency: the lowest score first (the unhappiest), then the oldest response (the most
#: overdue), then the response id so that equal rows keep a stable order.
URGENCY = ("score", "date", "response_id")
#: A contact-details column holding the person's name, by its header ("Your name (optional)",
#: お名前, 氏名): it says who they are, not how to reach them. A header that also names a means
#: ("Name and phone number", お名前と電話番号) holds a way to reach them (REVIEW22). Qualtrics'
#: RecipientFirstName and RecipientLastName are name columns too (QA23).
NAME_HEADER = re.compile(
    r"^(?!.*(?:phone|e-?mail|\bmail|number|mobile|\btel\b|電話|メール|携帯|連絡先))"
    r".*(?:\bname\b|(?:first|last|given|family|sur)name\b|名前|氏名)",
    re.IGNORECASE | re.DOTALL,
)
#: Why the listed detractors may be contacted, which every surface words the count from (the
#: report's follow-up box, the e-mail, the alert): ``"consent"``, a yes in ``columns.contact``;
#: ``"details"``, without one, a way to reach them left in ``columns.contact_details``
#: (FIX30: the report said "left a way to reach them" while the e-mail said "allowed contact").
#: ``None`` where neither tells: consent is unknown.
ContactBasis = Literal["consent", "details"]


def _require(data: pd.DataFrame, column: str, option: str) -> None:
    if column not in data.columns:
        guess = closest(column, [str(c) for c in data.columns])
        raise DataError(
            f"no column {column!r} ({option}) in the responses.",
            hint=f"Did you mean {guess!r}?" if guess else f"Check columns.{option}.",
        )


def left_contact_details(
    responses: pd.DataFrame, details: Sequence[str], *, words: ConsentWords | None = None
) -> pd.Series:
    """Whether each respondent left a way to reach them in one of ``details``.

    Without a consent column, a detail a respondent filled ("leave your number if you would
    like a call back") is their consent for that means, as the work file copies it
    (:func:`nps_kit.followup_files.with_contact_details`). A name column (:data:`NAME_HEADER`)
    says who they are, not how to reach them, so a name alone is no request to be contacted.
    A cell that says "no answer" where a number or an address must stand
    (:data:`nps_kit._values.MISSING_WORDS`: "N/A", "None", "-" …, kept as written by the
    readers) leaves none either, nor does one that says none as an open answer does
    (:data:`nps_kit.text.tokens.NO_ANSWER`: なし, 特になし, "Nothing") or refuses as a consent
    answer does (:func:`nps_kit._consent.consent_answer`: 不要, "no", "No, thanks"), nor
    Microsoft Forms' ``anonymous`` (:data:`nps_kit._response_meta.ANONYMOUS`).

    Parameters
    ----------
    responses
        Loaded responses.
    details
        The export's contact-details columns (``columns.contact_details``).
    words
        The unit's own consent answers (``contact.consent_yes`` / ``consent_no``), with which
        the export's consent question and a detail cell's refusal are read.

    Returns
    -------
    pandas.Series
        Boolean, index of ``responses``.

    Raises
    ------
    DataError
        When a column of ``details`` is not a column of ``responses``.
    """
    left = pd.Series(False, index=responses.index)
    for column in details:
        _require(responses, column, "contact_details")
    for column in reach_columns(details):
        cells = responses[column].astype("string").fillna("")
        said = cells.map(lambda text: unicodedata.normalize("NFKC", text).strip().casefold())
        # なし, "Nothing" (what an open answer says for none) or "No, thanks" (a refusal, as a
        # consent question reads it) leave nobody's number (REVIEW22).
        none = said.str.strip(" 。、.,!！・").isin(NO_ANSWER)
        refused = cells.map(lambda text: consent_answer(text, words=words) is False).astype(bool)
        # Microsoft Forms' "anonymous" where it recorded nobody reaches nobody (REVIEW33).
        left |= ~said.isin(MISSING_WORDS) & ~said.isin(ANONYMOUS) & ~none & ~refused
    # A detail left is consent only where the export's consent question does not say no.
    return left & ~refused_contact(responses, skip=details, words=words)


#: A contact column filled on this share of the responses or more is a record the tool keeps
#: of everyone it surveyed (a CRM's ``Contact email``), not a way a respondent chose to leave
#: (QA30 F9: the report said "9 detractors left a way to reach them … asked to be contacted
#: that way" of an e-mail the CRM filled on every row).
RECORD_SHARE = 0.95
#: Fewer responses say nothing of the tool: three detractors may all have left a number.
RECORD_MIN_ROWS = 20


def record_columns(responses: pd.DataFrame, details: Sequence[str]) -> dict[str, float]:
    """Return the reach columns of ``details`` filled on nearly every response, with the share.

    Without a consent column, a detail a respondent filled is their consent to that means
    (:func:`left_contact_details`); a column filled on :data:`RECORD_SHARE` of the responses
    or more is no one's choice but the tool's record, and so no consent. The one rule for
    ``inspect``, ``init --from``, the report's follow-up list and ``nps-kit alerts``.

    Parameters
    ----------
    responses
        The responses the share is read over: the whole export, or a unit's rows of every
        month it shows (never a handful of new detractors).
    details
        Contact-details columns; name columns are no way to reach anyone and are skipped.

    Returns
    -------
    dict
        ``{column: share filled}``, empty with fewer than :data:`RECORD_MIN_ROWS` responses.
    """
    if len(responses) < RECORD_MIN_ROWS:
        return {}
    found: dict[str, float] = {}
    for column in reach_columns(details):
        if column not in responses.columns:
            continue
        cells = responses[column].astype("string").str.strip().str.casefold()
        filled = cells.notna() & (cells != "") & ~cells.isin(MISSING_WORDS)
        share = float(filled.fillna(False).mean())
        if share >= RECORD_SHARE:
            found[column] = share
    return found


def record_note(recorded: Mapping[str, float], *, language: str = "en") -> str | None:
    """Say that the columns of :func:`record_columns` are no consent, and what to do; or ``None``.

    ``inspect``'s note and ``init --from``'s comment (a full stop added), and why
    ``nps-kit alerts`` cannot alert; the report then says consent is unknown. The sentence has
    no full stop, as :func:`names_only`'s does not.
    """
    if not recorded:
        return None
    if language == "ja":
        said = "、".join(f"「{c}」（{share:.0%}）" for c, share in recorded.items())
        return (
            f"{said}はほぼすべての回答に入っています。回答者が連絡を望んで残したものではなく、"
            "ツールが持つ記録なので、連絡の同意とはみなしません。同意を尋ねる設問"
            "（はい／いいえ）を加えてcolumns.contactに設定してください"
        )
    said = ", ".join(f"{c!r} ({share:.0%})" for c, share in recorded.items())
    return (
        f"{said} is filled on nearly every response: the tool's record of whom it surveyed, "
        "not a way a respondent chose to leave, so it is no consent to be contacted. Add a "
        "consent question (May we contact you about your answer? Yes/No) and set "
        "columns.contact to it"
    )


def reach_columns(details: Sequence[str]) -> tuple[str, ...]:
    """Return the columns of ``details`` that can hold a way to reach someone (not a name).

    Parameters
    ----------
    details
        The contact-details columns (``columns.contact_details``).

    Returns
    -------
    tuple of str
        ``details`` without its name columns (:data:`NAME_HEADER`), in order.
    """
    return tuple(c for c in details if not NAME_HEADER.search(c))


def contact_basis(*, contact_column: str | None, details: Sequence[str]) -> ContactBasis | None:
    """Say why the listed detractors may be contacted (:data:`ContactBasis`), or ``None``.

    A consent column (``columns.contact``) says it; without one, contact details
    (``columns.contact_details``) do, a detail left being the respondent's consent for that
    means (:func:`left_contact_details`). Name columns alone reach nobody and consent to
    nothing, so they leave consent unknown, as no details do (:func:`names_only` says so).

    Parameters
    ----------
    contact_column
        The consent column, or ``None``.
    details
        The contact-details columns.

    Returns
    -------
    {"consent", "details"} or None
        ``None`` when consent is unknown.
    """
    if contact_column is not None:
        return "consent"
    return "details" if reach_columns(details) else None


def names_only(
    *, contact_column: str | None, details: Sequence[str], language: str = "en"
) -> str | None:
    """Say that ``columns.contact_details`` names only name columns, and what to set; else ``None``.

    Without a consent column such a list reaches nobody (QA23: ``RecipientFirstName``, 氏名):
    ``nps-kit run`` warns with this sentence, ``nps-kit alerts`` refuses with it, and the
    report's follow-up box says it.

    Parameters
    ----------
    contact_column
        The consent column, or ``None`` (with one, names are printed beside the consent).
    details
        The contact-details columns.
    language
        ``"ja"`` or ``"en"``: the language of the sentence (the unit's).

    Returns
    -------
    str or None
        The sentence (a message of the command line), or ``None``.
    """
    if contact_column is not None or not details or reach_columns(details):
        return None
    names = ", ".join(repr(c) for c in details)
    if language == "ja":
        return (
            f"columns.contact_detailsは氏名の列（{names}）だけです。氏名は誰かを示しますが"
            "連絡の手段ではないため、連絡先を残した方として数えられる回答者がいません。"
            "回答者が電話番号やメールアドレスを記入する列をcolumns.contact_detailsに加えるか、"
            "columns.contactに連絡の同意（はい／いいえ）を尋ねる設問を設定してください"
        )
    return (
        f"columns.contact_details lists only name columns ({names}): a name says who someone "
        "is, not how to reach them, so no detractor counts as having left a way to be "
        "contacted. Add the column where respondents leave a phone number or e-mail address "
        "(e.g. RecipientEmail) to columns.contact_details, or set columns.contact to a "
        "consent (Yes/No) question"
    )


def alerts_need(
    *,
    id_column: str | None,
    date_column: str | None,
    contact_column: str | None,
    details: Sequence[str],
    language: str = "en",
    proposed: Mapping[str, str] | None = None,
) -> str | None:
    """Say which columns ``nps-kit alerts`` needs and are not set, and what to set; else ``None``.

    The one check of "alerts can work", asked by ``nps-kit alerts``
    (:func:`nps_kit.alerts.alerts_blocker`) and by the report's follow-up section before it
    points the team to the alerts: the alert log keys on the id, only those who may be
    contacted are alerted (:func:`contact_basis`; names alone reach nobody:
    :func:`names_only`), and ``--since`` reads the date. Every missing column is named at once,
    each with what to set (QA25 B-1: a Google Forms unit learnt of the consent only after
    setting the id).

    Parameters
    ----------
    id_column, date_column, contact_column
        ``columns.id``, ``columns.date`` and ``columns.contact``, or ``None`` when unset.
    details
        ``columns.contact_details``.
    language
        ``"ja"`` or ``"en"``: the language of the sentence (the unit's).
    proposed
        The lines ``init --from`` would write for the export's own columns, by key (``id``,
        ``contact``, ``contact_details``: ``'id: "Response ID"'``;
        :func:`nps_kit.alerts.export_proposals`): a missing column the export has is told as
        the line to add, not as a question to add to the survey (FIX44). Without an id,
        ``unique`` names the date column when no two rows share one, ``""`` when no column is
        unique (QA26 #18).

    Returns
    -------
    str or None
        The sentence (a command-line message; several numbered when several columns are
        missing), or ``None`` when alerts can work.
    """
    ja = language == "ja"
    proposed = proposed or {}
    unique = proposed.get("unique")
    needs: list[str] = []
    if id_column is None and "id" in proposed:
        needs.append(
            "columns.idがありません。アラートの記録は回答ごとに一度だけ通知するためにIDを"
            f"使います。エクスポートにはIDに使える列があります。columns:の下に`{proposed['id']}`を加えてください"
            if ja
            else "no columns.id, which the alert log needs to alert each response once. The "
            f"export has one: add `{proposed['id']}` under columns:"
        )
    elif id_column is None:
        # Only a column unique in the export is named (QA26 #18: the date column was, when it
        # repeated in 1,027 of 1,210 rows); when none is, what to add.
        if ja:
            example = (
                ""
                if unique is None
                else f"（例：エクスポートで回答ごとに異なる「{unique}」）"
                if unique
                else "。エクスポートには回答ごとに異なる列がありません。回答番号などの回答IDを"
                "エクスポートに加えてcolumns.idに設定してください"
            )
            needs.append(
                "columns.idがありません。アラートの記録は回答ごとに一度だけ通知するためにIDを"
                f"使います。回答ごとに異なる列をcolumns.idに設定してください{example}"
            )
        else:
            example = (
                ""
                if unique is None
                else f" (e.g. {unique!r}, unique in the export)"
                if unique
                else ": no column of the export is, so add a response id (a response or "
                "receipt number) to the export and set columns.id to it"
            )
            needs.append(
                "no columns.id, which the alert log needs to alert each response once. Set "
                f"columns.id to a column unique to each response{example}"
            )
    names = names_only(contact_column=contact_column, details=details, language=language)
    unknown = names is None and not consent_known(contact_column=contact_column, details=details)
    if names is not None:
        needs.append(names)
    elif unknown and "contact" in proposed:
        needs.append(
            "columns.contactがないため連絡の同意が分からず、誰にもアラートを送れません。"
            f"エクスポートには同意の設問があります。columns:の下に`{proposed['contact']}`を"
            "加えてください"
            if ja
            else "no columns.contact, so consent to contact is unknown and nobody may be "
            f"alerted. The export asks for it: add `{proposed['contact']}` under columns:"
        )
    elif unknown and "contact_details" in proposed:
        needs.append(
            "columns.contactがないため連絡の同意が分からず、誰にもアラートを送れません。"
            "エクスポートに同意の設問はありませんが、回答者が連絡先を残す列があります。"
            f"columns:の下に`{proposed['contact_details']}`を加えてください（連絡先を残したことが"
            "その手段での連絡の同意になります）"
            if ja
            else "no columns.contact, so consent to contact is unknown and nobody may be "
            "alerted. The export has no consent question, but respondents leave a way to reach "
            f"them: add `{proposed['contact_details']}` under columns: (a detail left is then "
            "consent to that means)"
        )
    elif unknown:
        needs.append(
            "columns.contactがないため連絡の同意が分からず、誰にもアラートを送れません。"
            "同意を尋ねる設問（例：「ご回答についてご連絡してもよろしいですか？」はい／いいえ）を"
            "加えてcolumns.contactに設定するか、回答者が連絡用の電話番号やメールアドレスを"
            "記入する列をcolumns.contact_detailsに挙げてください"
            if ja
            else "no columns.contact, so consent to contact is unknown and nobody may be "
            "alerted. Add a consent question (e.g. 'May we contact you about your answer?' "
            "Yes/No) and set columns.contact to it, or list the columns where respondents "
            "leave a phone number or e-mail address to be contacted in columns.contact_details"
        )
    if date_column is None:
        needs.append(
            "columns.dateがありません。--sinceは回答日時を読みます。columns.dateに回答日時の列を"
            "設定してください"
            if ja
            else "no columns.date, which --since needs. Set columns.date to the response date"
        )
    if len(needs) <= 1:
        return needs[0] if needs else None
    if ja:
        return f"設定が{len(needs)}つ足りません。" + "。".join(
            f"（{i}）{need}" for i, need in enumerate(needs, 1)
        )
    return f"{len(needs)} settings are missing: " + "; ".join(
        f"({i}) {need}" for i, need in enumerate(needs, 1)
    )


def export_reach(responses: pd.DataFrame) -> tuple[str, ...]:
    """Return the e-mail and phone columns of an export, as ``init --from`` finds them.

    The rule by which ``init`` offers contact details (:func:`nps_kit.inspect.reach_kind`).
    ``nps-kit run``'s cache keeps only the columns a unit uses, never these unless listed,
    so it stores their names (:attr:`nps_kit.cache.ExportCache.reach`) for the report.

    Parameters
    ----------
    responses
        Loaded responses (the loader's own columns are not looked at).

    Returns
    -------
    tuple of str
        The columns, in the export's order (possibly none).
    """
    from nps_kit.inspect import reach_kind
    from nps_kit.load import LOADER_COLUMNS

    return tuple(
        str(column)
        for column in responses.columns
        if column not in LOADER_COLUMNS
        and not pd.api.types.is_datetime64_any_dtype(responses[column])
        and reach_kind(responses[column], column=str(column)) is not None
    )


def unlisted_reach(
    responses: pd.DataFrame,
    *,
    contact_column: str | None,
    details: Sequence[str],
    found: Sequence[str] | None = None,
) -> tuple[str, ...] | None:
    """Name the export's e-mail and phone columns when a consent column has none beside it.

    With ``columns.contact`` set and no ``columns.contact_details`` that reaches anyone, the
    people who allowed contact are listed (report, work files, alerts) without any way to
    reach them (QA25 A-4). The columns are those ``init --from`` offers as contact details
    (:func:`export_reach`).

    Parameters
    ----------
    responses
        Loaded responses (the loader's own columns are not looked at).
    contact_column
        The consent column, or ``None``.
    details
        The contact-details columns.
    found
        The export's e-mail and phone columns when ``responses`` may lack them (a unit read
        from ``nps-kit run``'s cache: :attr:`nps_kit.unit.UnitData.reach`); ``None`` looks
        at ``responses``.

    Returns
    -------
    tuple of str or None
        ``None`` when there is no consent column or a contact detail is configured; else the
        e-mail and phone columns of the export (possibly none), in order.
    """
    if contact_column is None or reach_columns(details):
        return None
    columns = export_reach(responses) if found is None else tuple(found)
    return tuple(c for c in columns if c != contact_column)


def unlisted_note(found: Sequence[str], lang: Language) -> str:
    """Say where the export holds a way to reach people, for :func:`unlisted_reach`'s columns.

    Parameters
    ----------
    found
        The export's e-mail and phone columns (:func:`unlisted_reach`), possibly none.
    lang
        Language of the sentence.

    Returns
    -------
    str
        One sentence naming the columns and what to set, or saying there is none.
    """
    if not found:
        return t("contact.unlisted_none", lang)
    quoted = "、".join(f"「{c}」" for c in found) if lang == "ja" else ", ".join(map(repr, found))
    return t("contact.unlisted_found", lang, columns=quoted)


def consent_known(*, contact_column: str | None, details: Sequence[str]) -> bool:
    """Whether anyone may be said to have allowed contact (the report's and the alerts' rule).

    True when :func:`contact_basis` names a basis. With neither a consent column nor a
    detail that reaches someone, consent is unknown: the report lists every detractor and
    says so, and ``nps-kit alerts`` alerts nobody (:func:`nps_kit.alerts.alerts_blocker`).

    Parameters
    ----------
    contact_column
        The consent column, or ``None``.
    details
        The contact-details columns.

    Returns
    -------
    bool
        ``True`` when :func:`contactable_detractors` keeps only people who allowed contact.
    """
    return contact_basis(contact_column=contact_column, details=details) is not None


def consent_unknown_detractors(
    responses: pd.DataFrame,
    *,
    contact_column: str,
    max_score: int = DETRACTOR_MAX_SCORE,
    words: ConsentWords | None = None,
) -> pd.DataFrame:
    """Keep the responses scoring ``0 … max_score`` whose consent answer reads as neither.

    A blank (a 連絡不要 box left unticked) or an answer neither yes nor no: never contacted
    (:func:`contactable_detractors`), counted so that the alerts and the report say how many
    were left out and why (FIX77: "no new detractors" while three had left the box blank).

    Parameters
    ----------
    responses
        Loaded responses.
    contact_column
        The consent column.
    max_score
        Highest score that counts.
    words
        The unit's own consent answers.

    Returns
    -------
    pandas.DataFrame
        The matching rows, unchanged.
    """
    _require(responses, contact_column, "contact")
    scores = responses["nps_score"]
    unknown = read_consent(responses[contact_column], words=words).isna()
    keep = scores.notna() & (scores <= max_score) & unknown
    return responses.loc[keep.fillna(False).astype(bool)]


def consent_unknown_words(n: int, lang: Language, *, column: str | None = None) -> str:
    """Say that ``n`` detractors are left out because their consent is unknown, and the fix.

    The one wording of :func:`consent_unknown_detractors`' count, in the unit's language: the
    report's contact line (``column`` ``None``: a clause after the count of responses allowing
    contact) and ``nps-kit alerts``' line (naming the consent ``column``; FIX78: it was English
    for a Japanese unit).

    Parameters
    ----------
    n
        How many detractors.
    lang
        The unit's language.
    column
        The consent column as the export heads it, for the alerts' sentence.

    Returns
    -------
    str
        The words, with what would decide their consent (``contact.consent_yes`` / ``_no``).
    """
    fix = t("consent.unknown_fix", lang)
    if column is None:
        return t("quality.contact_unknown", lang, n=f"{n:,}", count=n, fix=fix)
    if lang == "en":
        fix = fix[:1].upper() + fix[1:]  # a sentence of its own
    return t("alerts.consent_unknown", lang, n=f"{n:,}", count=n, column=column, fix=fix)


def contactable_detractors(
    responses: pd.DataFrame,
    *,
    contact_column: str | None,
    details: Sequence[str] | None = None,
    max_score: int = DETRACTOR_MAX_SCORE,
    words: ConsentWords | None = None,
) -> pd.DataFrame:
    """Keep the responses scoring ``0 … max_score`` whose respondent allowed contact.

    Parameters
    ----------
    responses
        Loaded responses (``nps_score`` as from :func:`nps_kit.load.load_responses`).
    contact_column
        Column saying whether the respondent allows contact (see
        :func:`nps_kit.unit.contact_allowed`); ``None`` when the export has none.
    details
        Without ``contact_column``: the contact-details columns, of which a filled one is the
        respondent's consent (:func:`left_contact_details`), so only those who left a way to
        reach them are kept. ``None`` (or without any detail other than names) keeps every
        low score: consent is then unknown and callers must say so. Ignored with
        ``contact_column``: the consent answer decides.
    max_score
        Highest score that counts (default 6, the detractor segment).
    words
        The unit's own consent answers (``contact.consent_yes`` / ``consent_no``), read before
        the known words (:func:`nps_kit._consent.consent_answer`).

    Returns
    -------
    pandas.DataFrame
        The matching rows, unchanged.

    Raises
    ------
    DataError
        When ``contact_column`` (or a column of ``details``) is not a column: a misspelt
        consent column must never list people who said no.
    """
    if contact_column is not None:
        _require(responses, contact_column, "contact")
    scores = responses["nps_score"]
    keep = scores.notna() & (scores <= max_score)
    if contact_column is not None:
        keep &= contact_allowed(responses[contact_column], words=words)
    elif details and reach_columns(details):
        keep &= left_contact_details(responses, details, words=words)
    return responses.loc[keep.fillna(False).astype(bool)]


def respondent_themes(
    tags: pd.DataFrame | None,
    labels: Mapping[str, str],
    *,
    polarity: pd.DataFrame | None = None,
    lang: Language = "en",
) -> pd.Series:
    """Name each respondent's comment themes, e.g. ``"Delivery, Price"`` or ``"配送、価格"``.

    Parameters
    ----------
    tags
        One boolean column per theme id and respondent (``FollowupAnalysis.tags``); ``None``
        gives an empty series.
    labels
        Theme id → label in the report's language.
    polarity
        Optional, same index and columns as ``tags``: ``"positive"``, ``"negative"``,
        ``"mixed"``, ``"neutral"`` or NA per theme and respondent
        (:attr:`nps_kit.analysis.FollowupAnalysis.polarity`). A theme is then written with its
        sign, ``"Delivery (−)"`` (complaint or request), ``(+)`` (praise) or ``(±)`` (both),
        in Japanese full-width, ``"配送（−）"``; neutral mentions and a missing polarity give
        the bare label.
    lang
        The report's language: its list separator and brackets (``"配送（−）、価格"``; JAREV: a
        Japanese table showed ``"配送 (−), 価格"``).

    Returns
    -------
    pandas.Series
        Text per respondent (``""`` without themes), index of ``tags``.
    """
    if tags is None:
        return pd.Series(dtype=object)
    present = tags.fillna(False).astype(bool)
    opening, closing = ("（", "）") if lang == "ja" else (" (", ")")
    signs = {
        kind: f"{opening}{sign}{closing}"
        for kind, sign in (("positive", "+"), ("negative", "−"), ("mixed", "±"))
    }
    out = []
    for index, row in present.iterrows():
        names = []
        for theme in row.index[row.to_numpy()]:
            name = labels.get(str(theme), str(theme))
            if polarity is not None and theme in polarity.columns:
                name += signs.get(str(polarity.at[index, theme]), "")
            names.append(name)
        out.append(join_names(names, lang))
    return pd.Series(out, index=tags.index, dtype=object)


@dataclass(frozen=True, eq=False)
class FollowupList:
    """The period's contactable detractors, most urgent first.

    Attributes
    ----------
    rows
        One row per person: ``response_id``, ``date`` (``YYYY-MM-DD``), ``age_days`` (whole days
        from the response to ``as_of``), ``score``, one column per breakdown (named by its
        column in the export), ``themes`` and ``comment`` (redacted as the unit is).
    breakdowns
        ``(column, label)`` of the breakdown columns in ``rows``.
    consent_known
        Whether consent can be told (:func:`consent_known`): a consent column, or contact
        details. Without either every detractor is listed and nobody may be said to have
        allowed contact.
    as_of
        The day ages are counted to (the report's generation date).
    details
        Without a consent column, the contact-details columns whose filled cell is the
        person's consent (a name column excluded: :data:`NAME_HEADER`); empty otherwise.
    unreachable
        With ``details``: the period's detractors who left no way to reach them, not listed.
    declined
        With a consent column: the period's detractors who did not allow contact, not listed.
    names
        Without a consent column, the contact-details columns when they are all name
        columns (:func:`names_only`): consent is then unknown, and the report says why.
    unlisted
        With a consent column and no contact detail configured, the export's e-mail and phone
        columns (:func:`unlisted_reach`, possibly none): the box says the work files carry no
        way to reach anyone. ``None`` otherwise.
    id_name
        The id column (``columns.id``) the rows' ``response_id`` comes from; ``None``: the
        row number. Heads the id (:func:`id_heading`).
    id_label
        The unit's label for the id column (a breakdown's ``label``), if it gives one: heads
        the id in its place.
    answered
        When each person of ``rows`` (same index) answered: ``date`` at the clock the export
        wrote it in and ``instant``, the same moment in UTC (:func:`nps_kit.clock.answer_instants`);
        ``None`` when the list was made without them (each then answered on its ``date``).
    made_at
        The moment the list was made (zone-aware): the call-backs are judged against it
        (:meth:`call_backs`); ``None``: the start of ``as_of`` at the answers' clock.
    blank_ids
        How many of ``rows`` have a blank id cell and so a ``response_id`` that is their row
        (``#12``, :func:`nps_kit.load.row_keys`): the list then says what ``#`` means.
    date_label
        The export's label of the date column when its header names another event than the
        answer (:func:`other_date_label`: a hotel's チェックアウト日): ``date`` is then not when
        the person answered, the list heads it so and gives no call-by date. ``None``: the
        date is the answer's.
    no_ids
        Whether the id column is blank on every response of the period, as on a survey tool's
        anonymous link: like a form without one, it keeps no id (:attr:`anonymous`).
    """

    rows: pd.DataFrame
    breakdowns: tuple[tuple[str, str], ...]
    consent_known: bool
    as_of: dt.date
    details: tuple[str, ...] = ()
    unreachable: int = 0
    names: tuple[str, ...] = ()
    unlisted: tuple[str, ...] | None = None
    id_name: str | None = None
    declined: int = 0
    id_label: str | None = None
    answered: pd.DataFrame | None = None
    made_at: dt.datetime | None = None
    blank_ids: int = 0
    date_label: str | None = None
    no_ids: bool = False

    def __len__(self) -> int:
        return len(self.rows)

    def call_backs(self) -> pd.DataFrame:
        """Each person's call-by time and whether it has passed, as ``nps-kit alerts`` judges.

        Returns
        -------
        pandas.DataFrame
            :func:`call_backs` of the rows (same index): ``call_by`` at the answer's clock,
            ``overdue`` at its instant against :attr:`made_at`.
        """
        if self.answered is None or self.made_at is None:
            dates = self.rows["date"] if self.answered is None else self.answered["date"]
            return call_backs(pd.to_datetime(dates, errors="coerce"), now=self.as_of)
        return call_backs(
            self.answered["date"], instants=self.answered["instant"], now=self.made_at
        )

    @property
    def nobody_to_call(self) -> bool:
        """Whether the period has detractors but none may be contacted (no consent, no detail).

        The playbook's call-back action then points to an empty list: the report says why
        instead, and the e-mail neither numbers it nor attaches the empty work file.
        """
        return not len(self) and self.consent_known and self.declined + self.unreachable > 0

    @property
    def anonymous(self) -> bool:
        """Whether nobody on the list can be reached: no consent, no contact detail, no id.

        An anonymous form (Google Forms: a timestamp and answers, QA44) lists its detractors
        for reading what they said; nobody on it can be called back, and the report, the
        e-mail and the overview say so rather than count them as awaiting follow-up. So does
        an id column blank on every response of the period (REVIEW45: a tool's anonymous
        link), whose detractors are named by their rows, as on a form without ids.
        """
        return not self.consent_known and not self.names and (self.id_name is None or self.no_ids)

    @property
    def basis(self) -> ContactBasis | None:
        """Why the listed people may be contacted (:data:`ContactBasis`); ``None``: unknown."""
        if not self.consent_known:
            return None
        return "details" if self.details else "consent"


def _breakdown_pairs(
    breakdowns: Sequence[str | Mapping[str, str]], columns: pd.Index
) -> tuple[tuple[str, str], ...]:
    pairs = []
    for item in breakdowns:
        column = item if isinstance(item, str) else item["column"]
        name = column if isinstance(item, str) else (item.get("label") or column)
        if column in columns:
            pairs.append((column, name))
    return tuple(pairs)


def id_heading(column: str | None, lang: Language, *, label: str | None = None) -> str:
    """Return how a detractor's id is headed where the reader looks the person up by it.

    The unit's label for the id column when it gives one (a breakdown's ``label``); else the
    id column's own name (会員ID), as the export and the cart call it, not 回答ID (QA27 #6:
    「エクスポートで回答IDから探してください」 for a member id); "Row in file" (行番号（ファイル）)
    where the id is the row number (no ``columns.id``: BROWSE35 saw a Google Forms export's
    rows headed 回答ID); "Response ID" (回答ID) where the column's name is a machine name
    (lower-case ASCII such as ``response_id``: BROWSE30 saw it raw on the Japanese cards)
    that means a response's id (:data:`RESPONSE_ID_NAMES`); another machine name is written
    as a title (``member_id`` is "Member ID": it is a member's, not a response's, id).
    The work files keep their fixed headers, which the returned file is read back by.
    """
    if label:
        return label
    if column and not re.fullmatch(r"_?[a-z][a-z0-9_]*", column):
        return column
    if column is None:
        return t("followup.row_in_file", lang)
    if column.replace("_", "") in RESPONSE_ID_NAMES:
        return t("followup.response_id", lang)
    words = [w for w in column.split("_") if w]
    titled = [{"id": "ID", "no": "No."}.get(w, w) for w in words]
    return " ".join([titled[0][:1].upper() + titled[0][1:], *titled[1:]])


#: Machine names (lower case, underscores removed) of a column of response ids: headed
#: "Response ID" / 回答ID. Any other machine-named id column is titled from its name.
RESPONSE_ID_NAMES: Final = frozenset(
    {
        "id",
        "responseid",
        "respondentid",
        "responseno",
        "responsenumber",
        "respid",
        "answerid",
        "submissionid",
        "entryid",
    }
)


def followup_list(
    unit: UnitData,
    *,
    id_column: str | None,
    comment_column: str | None,
    contact_column: str | None,
    details: Sequence[str] = (),
    breakdowns: Sequence[str | Mapping[str, str]] = (),
    themes: pd.Series | None = None,
    as_of: dt.date | None = None,
    now: dt.datetime | None = None,
) -> FollowupList:
    """List every detractor of the reporting period who may be contacted, most urgent first.

    Parameters
    ----------
    unit
        Prepared unit (its period's comments are already redacted when redaction is on).
    id_column, comment_column, contact_column
        Columns of the export; with ``contact_column=None`` and no ``details`` every
        detractor is listed and ``consent_known`` is false; with ``id_column=None`` (an export
        without ids, such as Google Forms) the id is the response's row number in the file.
    details
        The contact-details columns (``columns.contact_details``): without ``contact_column``
        only the detractors who left a way to reach them are listed, as ``nps-kit alerts``
        alerts them (:func:`contactable_detractors`); the others are counted in
        ``unreachable``.
    breakdowns
        The unit's breakdown columns (names or ``{column, label}``), shown per person.
    themes
        Theme text per response, index of ``unit.current`` (see :func:`respondent_themes`).
    as_of
        Day to count ages to; default: ``now``'s day at the unit's clock, else today.
    now
        When the list is made (zone-aware, e.g. :func:`nps_kit.clock.now`): the call-backs
        are judged against it, at each answer's instant (:meth:`FollowupList.call_backs`).

    Returns
    -------
    FollowupList
        Every matching person (never truncated), sorted by :data:`URGENCY`.

    Raises
    ------
    DataError
        When a named column does not exist.
    """
    rows = unit.current
    if id_column is not None:
        _require(rows, id_column, "id")
    if comment_column is not None:
        _require(rows, comment_column, "comment")
    by_details = () if contact_column is not None else reach_columns(details)
    # The tool's record (filled on nearly every response of the months shown) is no consent:
    # consent is then unknown, never "asked to be contacted that way" (QA30 F9).
    recorded = record_columns(unit.responses, by_details)
    by_details = tuple(c for c in by_details if c not in recorded)
    everyone = len(contactable_detractors(rows, contact_column=None))
    rows = contactable_detractors(
        rows, contact_column=contact_column, details=by_details, words=unit.consent
    )
    # The zone the export was read in (the run's, from its cache, whatever an older notebook
    # passed): the dates are its wall clock, or each the clock it was written in (FIX48).
    zone = unit.read_zone
    if as_of is None:
        as_of = now.astimezone(clock.zone(unit.language, zone)).date() if now else dt.date.today()
    pairs = _breakdown_pairs(breakdowns, rows.columns)
    dates = rows["nps_date"]
    written = export_column(unit.load.date_column) if unit.load.date_column else None
    instants = clock.answer_instants(
        dates, rows[written] if written in rows.columns else None, zone=zone
    )
    comments = (  # "-", "n/a", "No" are no comment, as the report counts them (QA25 B-2)
        said(rows[comment_column])
        if comment_column is not None
        else pd.Series("", index=rows.index, dtype="string")
    )
    theme_text = (
        themes.reindex(rows.index).fillna("")
        if themes is not None
        else pd.Series("", index=rows.index)
    )
    table = pd.DataFrame(
        {
            "response_id": row_keys(rows, id_column).fillna(""),
            "date": dates,
            "age_days": (pd.Timestamp(as_of) - dates.dt.normalize()).dt.days.astype("Int64"),
            "score": rows["nps_score"].astype("Int64"),
            **{column: rows[column].astype("string") for column, _ in pairs},
            "themes": theme_text.astype("string"),
            "comment": comments.astype("string"),
        }
    )
    # Oldest first by the moment answered, as the alerts order them (REVIEW28 #4): 21:37
    # −05:00 comes after 03:07 +01:00 of the next day.
    keys = table[list(URGENCY)].assign(date=instants)
    table = table.loc[keys.sort_values(list(URGENCY), kind="stable", na_position="last").index]
    answered = pd.DataFrame({"date": table["date"], "instant": instants[table.index]}).reset_index(
        drop=True
    )
    table["date"] = table["date"].dt.strftime("%Y-%m-%d").astype("string")
    return FollowupList(
        rows=table.reset_index(drop=True),
        breakdowns=pairs,
        consent_known=consent_known(contact_column=contact_column, details=by_details),
        as_of=as_of,
        details=by_details,
        unreachable=everyone - len(table) if by_details else 0,
        declined=everyone - len(table) if contact_column is not None else 0,
        names=tuple(details) if names_only(contact_column=contact_column, details=details) else (),
        unlisted=unlisted_reach(
            unit.current, contact_column=contact_column, details=details, found=unit.reach
        ),
        id_name=id_column,
        id_label=next((n for c, n in pairs if c == id_column and n != c), None),
        answered=answered,
        made_at=now,
        blank_ids=int(blank_ids(rows, id_column).sum()),
        date_label=other_date_label(unit),
        no_ids=id_column is not None and bool(blank_ids(unit.current, id_column).all()),
    )


def other_date_label(unit: UnitData) -> str | None:
    """Return the date column's label when the date is not when the answer was given.

    A hotel's export dates each answer by the guest's check-out (チェックアウト日), a clinic's by
    the visit: the answer came later, by a day or a month. The follow-up list heads the date by
    the export's own words, not 回答日 / "Date", and counts no call-by from it (QA44). ``None``
    when the header names the answer's own event or none (:func:`answer_time`).
    """
    return date_not_answered(unit.load.date_column)


def date_not_answered(column: str | None) -> str | None:
    """Return the label of date ``column`` when it is not when the answer was given.

    The one rule for the report's follow-up list (:func:`other_date_label`) and the alerts
    (:func:`nps_kit.alerts.new_detractors`): ``None`` when the header names the answer's own
    event or none (:func:`answer_time`), or there is no date column.

    Examples
    --------
    >>> date_not_answered("チェックアウト日"), date_not_answered("Timestamp")
    ('チェックアウト日', None)
    """
    if column is None or answer_time(column):
        return None
    return short_label(column)


# --- the loop's status, from the file the team returns --------------------------------------

#: Status words (compared case-insensitively, after trimming and NFKC) that mean "contacted";
#: any ``contacted_at`` date counts as contacted too, unless the status is an attempt. 「済」
#: with no date is the front desk's usual mark (QA24): contacted, on a day not known.
DONE_STATUSES = frozenset(
    {
        "contacted",
        "done",
        "called",
        "phoned",
        "reached",
        "済",
        "済み",
        "電話済",
        "電話済み",
        "closed",
        "resolved",
        "complete",
        "completed",
        "連絡済",
        "連絡済み",
        "対応済",
        "対応済み",
        "完了",
        "解決",
        "解決済",
        "解決済み",
        # The marks a front desk ticks (QA review: "○" and "電話しました" were counted open).
        "○",
        "◯",
        "✓",
        "✔",
        "電話した",
        "電話しました",
        "連絡した",
        "連絡しました",
        # The words German, French, Spanish and Dutch teams write in the work file (QA26:
        # "angerufen" was left open while "called" counts).
        *("angerufen", "erreicht", "erledigt", "kontaktiert", "telefoniert", "gesprochen"),
        *("abgeschlossen", "contacté", "appelé", "joint", "contactado", "llamado"),
        *("gebeld", "bereikt", "gecontacteerd", "afgehandeld"),
    }
)
#: Status words for a try that reached nobody (a voicemail, no answer): the person stays open
#: even with a date, and the report says the team attempted (QA24: 「留守電」 with a date
#: counted as contacted, but a voicemail is not a call).
ATTEMPT_STATUSES = frozenset(
    {
        "attempted",
        "voicemail",
        "left voicemail",
        "left a voicemail",
        "left message",
        "left a message",
        "no answer",
        "no reply",
        "not reached",
        "busy",
        "留守電",
        "留守番電話",
        "留守電あり",
        "不在",
        "不通",
        "応答なし",
        "つながらず",
        "繋がらず",
        # QA26: "Mailbox" with a date counted as contacted.
        *("mailbox", "ab", "anrufbeantworter", "nicht erreicht", "nicht erreichbar", "besetzt"),
        *("keine antwort", "messagerie", "répondeur", "pas de réponse", "buzón de voz"),
        *("sin respuesta", "niet bereikt", "geen antwoord", "ingesproken"),
    }
)


#: Status words that say the person is still to be called: open, and nothing to say about it.
OPEN_STATUSES = frozenset(
    {
        "open",
        "new",
        "todo",
        "to do",
        "pending",
        "in progress",
        "未対応",
        "未連絡",
        "対応中",
        "連絡待ち",
        "保留",
        *("offen", "neu", "in bearbeitung", "ouvert", "en cours", "pendiente", "abierto"),
    }
)


def _status_words(status: pd.Series) -> pd.Series:
    """Return the team's status cells as the word lists hold them: NFKC, trimmed, folded."""
    text = status.astype("string").fillna("")
    return text.map(lambda w: unicodedata.normalize("NFKC", w).strip(" 。.!！").casefold())


@dataclass(frozen=True, eq=False)
class LoopStatus:
    """How far the team got with a follow-up list.

    Attributes
    ----------
    source
        The status file read.
    total
        People in the status file (distinct response ids).
    contacted
        Of those, contacted: a ``contacted_at`` date or a status in :data:`DONE_STATUSES`,
        unless the status is an attempt (:data:`ATTEMPT_STATUSES`).
    close_rate
        ``contacted / total`` in percent (``None`` when the file lists nobody).
    median_days
        Median whole days from the response to ``contacted_at``, over the contacted people with
        both dates (``None`` when there are none).
    timed
        How many contacted people the median is based on.
    open
        Still open, most urgent first: ``response_id``, ``date``, ``age_days``, ``score``,
        ``status``, ``owner``, ``comment`` (from the export when the id is found there).
    contacted_ids
        The response ids counted as contacted (:func:`still_open` leaves them out).
    contacted_on
        Each contacted id's ``contacted_at`` day (``YYYY-MM-DD``), or ``""`` when only its
        status says so: the follow-up list shows them as contacted, never as overdue.
    warnings
        What could not be read in the file (an unreadable date: file, row, column, value), for
        the report's box and the run's warnings; also the ids written as numbers that fit more
        than one of the export's zero-padded ids (:func:`restore_ids`), left unmatched.
    id_note
        When ids written as numbers (``8609``, Excel's re-save of ``0008609``) were matched to
        the export's zero-padded ids: how many, said in the report's language.
    order_note
        When the file's dates read both ways: the order they were read in and why
        (:attr:`nps_kit.followup_files.StatusFile.order_note`), for the report's box.
    """

    source: Path
    total: int
    contacted: int
    close_rate: float | None
    median_days: float | None
    timed: int
    open: pd.DataFrame
    contacted_ids: frozenset[str] = frozenset()
    contacted_on: Mapping[str, str] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()
    order_note: str | None = None
    id_note: str | None = None
    #: Said once each, in the report's language: how many were marked done without a date
    #: (counted, out of the median) and how many were attempts that reached nobody (open).
    entry_notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class LoopRefused:
    """A status file that cannot be used: the report says why instead of failing.

    Attributes
    ----------
    source
        The status file.
    message
        What is wrong and what to do (a :class:`~nps_kit.errors.DataError`'s words).
    """

    source: Path
    message: str


def still_open(followups: FollowupList, status: LoopStatus | None) -> int:
    """Count the people of a follow-up list whom the returned status does not mark contacted.

    The one count of "detractors awaiting follow-up" for the report's summary, the e-mail and
    the overview: once the team returned the work file, those it contacted are no longer
    waiting (QA20: the e-mail said 17 while the report said 13 were still open).

    Parameters
    ----------
    followups
        The period's list (:func:`followup_list`).
    status
        The loop's status (:func:`loop_status`), or ``None`` when no file was returned.

    Returns
    -------
    int
        ``len(followups)`` without a status; otherwise the listed people not contacted.
    """
    if status is None:
        return len(followups)
    ids = followups.rows["response_id"].astype("string")
    return int((~ids.isin(status.contacted_ids)).sum())


def rows_moved(listed: pd.Series, current: pd.Series) -> pd.Series:
    """Tell which row-number ids now point at a response of another day.

    Parameters
    ----------
    listed
        Each listed person's response date as a work or status file holds it (datetimes).
    current
        The date of the row their id names in the export now (datetimes, same index).

    Returns
    -------
    pandas.Series
        ``True`` where both dates are known and fall on different days: the export's rows
        moved (sorted, or a response deleted). Compared by day, so a file whose dates a
        spreadsheet rewrote in its own format (``2026/11/25 22:12``) or without the time
        still matches.
    """
    was = pd.to_datetime(listed, errors="coerce").dt.normalize()
    now = pd.to_datetime(current, errors="coerce").dt.normalize()
    return was.notna() & now.notna() & (was != now)


def call_by(answered: pd.Series, *, now: dt.datetime | dt.date) -> tuple[pd.Series, pd.Series]:
    """Give each person's call-by time and whether it has already passed.

    Parameters
    ----------
    answered
        When each person answered (datetimes, wall clock at the unit's place).
    now
        The time to judge against, at the same place (naive; a date is its midnight).

    Returns
    -------
    tuple of pandas.Series
        The call-by times, :data:`CALL_WITHIN_HOURS` after the answers (the playbook's first
        action), and ``True`` where that time is before ``now`` (overdue); an unknown answer
        time is never overdue. An answer dated without a time (read as midnight,
        :func:`nps_kit._values.date_only`) may have come at any time of its day: its call-by is
        the end of the day :data:`CALL_WITHIN_HOURS` later (23:59:59), not up to 24 h early.
    """
    when = pd.to_datetime(answered, errors="coerce")
    due = when + pd.Timedelta(hours=CALL_WITHIN_HOURS)
    due = due.mask(date_only(when), due + pd.Timedelta(days=1) - pd.Timedelta(seconds=1))
    return due, (due < pd.Timestamp(now)).fillna(False).astype(bool)


def call_backs(
    answered: pd.Series,
    *,
    instants: pd.Series | None = None,
    now: dt.datetime | dt.date,
) -> pd.DataFrame:
    """Say by when each person is to be called back and whether that has passed: the one rule.

    The report's follow-up list (:meth:`FollowupList.call_backs`) and ``nps-kit alerts`` both
    ask this, so that the same person is overdue in both or in neither (FIX55: an export
    writing each hotel's own UTC offset, read in no zone, was judged at the written day in the
    report and at the instant in the alert e-mail). The call-by time is shown at the answer's
    own clock, as the answer is; whether it passed is judged at its instant.

    Parameters
    ----------
    answered
        When each person answered, at the clock the export wrote it in (naive).
    instants
        The same moments in UTC (naive, same index: :func:`nps_kit.clock.answer_instants`);
        ``None``: ``answered`` is at ``now``'s clock.
    now
        The moment to judge against: zone-aware with ``instants``; without them a naive time
        at the answers' clock, or a day (its midnight).

    Returns
    -------
    pandas.DataFrame
        ``call_by`` (:func:`call_by`: :data:`CALL_WITHIN_HOURS` after the answer, the end of
        the second day for an answer dated without a time) and ``overdue`` (bool; never for an
        unknown answer time), with the index of ``answered``.
    """
    when = pd.to_datetime(answered, errors="coerce")
    if instants is None:
        due, late = call_by(when, now=now)
    else:
        if not isinstance(now, dt.datetime) or now.tzinfo is None:
            raise ValueError(f"now must be a zone-aware time beside instants; found {now!r}")
        moment = now.astimezone(dt.UTC).replace(tzinfo=None)
        due, _ = call_by(when, now=moment)
        # The wait is the written clock's (a day written without a time waits to its end),
        # counted from the moment answered.
        passed = pd.to_datetime(instants, errors="coerce") + (due - when)
        late = (passed < pd.Timestamp(moment)).fillna(False).astype(bool)
    return pd.DataFrame({"call_by": due, "overdue": late.to_numpy(dtype=bool)}, index=when.index)


def _check_rows_in_place(
    status: pd.DataFrame,
    known: pd.DataFrame,
    found: pd.Series,
    source: Path,
    order_note: str | None = None,
) -> None:
    """Refuse row-number ids whose row now holds a response of another day (rows moved)."""
    listed = status["date"].dt.normalize()
    now = pd.Series(pd.NaT, index=status.index, dtype="datetime64[ns]")
    now[found] = known.loc[status.loc[found, "response_id"], "nps_date"].dt.normalize().to_numpy()
    moved = found & rows_moved(listed, now)
    if not moved.any():
        return
    cases = [
        f"response {rid} is dated {was:%Y-%m-%d} in this file but row {rid} of the export is "
        f"dated {is_:%Y-%m-%d}"
        for rid, was, is_ in zip(
            status.loc[moved, "response_id"], listed[moved], now[moved], strict=True
        )
    ]
    raise DataError(
        f"{source}: the response ids are row numbers of the export (it has no id column) and "
        f"{len(cases)} of them no longer point at the response listed: {'; '.join(cases[:5])}"
        + (f"; and {len(cases) - 5} more" if len(cases) > 5 else "")
        + "."
        # The dates may read both ways: which order was taken, so a wrong one can be seen.
        + ("" if order_note is None else f" ({order_note})"),
        hint="The export's rows moved (sorted, or a response deleted), so the team's calls "
        "cannot be matched to the right people safely. Set columns.id to a column unique to "
        "each response (a Google Forms export: columns.id: Timestamp), run the report again "
        "for a new work file and copy the team's entries into it.",
        path=source,
    )


@dataclass(frozen=True)
class RestoredIds:
    """A returned file's ids as the export writes them (:func:`restore_ids`)."""

    #: The file's ids, each zero-stripped one that fits one export id replaced by it.
    ids: pd.Series
    #: File id → export id, for each id replaced.
    restored: Mapping[str, str]
    #: File id → the export ids it fits, for each left as it was because more than one fits.
    ambiguous: Mapping[str, tuple[str, ...]]


def restore_ids(ids: pd.Series, known: pd.Index) -> RestoredIds:
    """Match ids a spreadsheet saved as numbers back to the export's zero-padded ids.

    Excel re-saves a CSV's ``0008609`` as ``8609`` (QA24). An id not among ``known`` that is
    all digits is replaced by the one known id that equals it once both lose their leading
    zeros; when several fit (``0123`` and ``00123``), it is left as it is, unmatched, and
    said. Ids found as they are never change.

    Parameters
    ----------
    ids
        The returned file's ids (text).
    known
        The export's ids (text).

    Returns
    -------
    RestoredIds
        The ids to match, and which were replaced or left unmatched.
    """
    missing = ids[~ids.isin(known) & ids.str.fullmatch(r"\d+").fillna(False).astype(bool)]
    if missing.empty:
        return RestoredIds(ids, {}, {})
    digits = pd.Series(known, index=known).astype("string")
    padded = digits[digits.str.fullmatch(r"0\d+").fillna(False).astype(bool)]
    stems = padded.str.lstrip("0")
    restored: dict[str, str] = {}
    ambiguous: dict[str, tuple[str, ...]] = {}
    for rid in dict.fromkeys(missing):
        fits = tuple(dict.fromkeys(str(k) for k in padded[stems == rid.lstrip("0")]))
        if len(fits) == 1:
            restored[rid] = fits[0]
        elif fits:
            ambiguous[rid] = fits
    return RestoredIds(ids.replace(restored) if restored else ids, restored, ambiguous)


def _id_notes(
    found: RestoredIds, source: Path, lang: Language
) -> tuple[str | None, tuple[str, ...]]:
    """Say the ids restored (a note) and those left unmatched (warnings), in ``lang``."""
    note = None
    if found.restored:
        first = next(iter(found.restored.items()))
        example = f"{first[1]} → {first[0]}"
        note = t("followup.ids_restored", lang, path=source, n=len(found.restored), example=example)
    warnings: tuple[str, ...] = ()
    if found.ambiguous:
        warnings = (
            t(
                "followup.ids_ambiguous",
                lang,
                path=source,
                ids=", ".join(found.ambiguous),
                found=", ".join(k for fits in found.ambiguous.values() for k in fits),
            ),
        )
    return note, warnings


def loop_status(
    status: pd.DataFrame,
    responses: pd.DataFrame,
    *,
    source: Path,
    id_column: str | None,
    comment_column: str | None,
    redact: bool = True,
    as_of: dt.date | None = None,
    warnings: Sequence[str] = (),
    order_note: str | None = None,
    lang: Language = "en",
    listed: Sequence[str] | pd.Series | None = None,
) -> LoopStatus:
    """Measure the loop from a returned status table.

    Parameters
    ----------
    status
        As read by :func:`nps_kit.followup_files.read_status`: ``response_id``, ``status``,
        ``owner``, ``contacted_at`` (datetime) and, when the file has it, ``date``.
    responses
        The unit's responses over all periods (dates, scores and comments of the listed people).
    source
        The status file, for the record.
    id_column, comment_column
        Columns of the export; ``id_column=None`` when the ids are row numbers (``nps_row``, an
        export without ids such as Google Forms). Row numbers are only safe while the export
        keeps its rows in place, so each listed person's ``date`` (the work file has it) must
        still be the date of that row.
    redact
        Redact personal data in the open people's comments (they may come from earlier
        periods, which :func:`nps_kit.unit.prepare_unit` leaves as they are).
    as_of
        Day to count the open people's ages to; default: today.
    warnings
        What could not be read in the file (:meth:`nps_kit.followup_files.StatusFile.warnings`),
        kept in the result for the report's box.
    order_note
        Which order the file's dates that read both ways were read in, and why
        (:attr:`nps_kit.followup_files.StatusFile.order_note`): kept for the report's box,
        and said in the refusal when rows seem to have moved.
    lang
        The report's language, for what is said about ids a spreadsheet saved as numbers
        (:func:`restore_ids`): they are matched back to the export's zero-padded ids when
        only one fits.
    listed
        The response ids of the period's follow-up list (:func:`followup_list`): the close
        rate is then over them, as the e-mail counts (:func:`still_open`), and those the file
        leaves out are still open (QA26: a team returning only the rows it worked on read
        "2 of 4 contacted" while the e-mail said "2 of 14"). ``None``: over the file's rows.

    Returns
    -------
    LoopStatus
        Close rate, median days to contact and the open list.

    Raises
    ------
    DataError
        When the ids are row numbers and a listed person's date is no longer their row's: the
        export's rows moved, so a call could be recorded against the wrong person.
    """
    as_of = as_of or dt.date.today()
    # A blank id is its row's (#12): two blank-id people are two, each found (REVIEW36).
    keys = row_keys(responses, id_column)
    last = ~keys.duplicated(keep="last").to_numpy(dtype=bool)
    known = responses.loc[last].set_axis(pd.Index(keys[last], dtype="string"))
    # Compared as text, as the export writes them: Excel's 8609 is the export's 0008609.
    matched = restore_ids(status["response_id"].astype("string"), known.index)
    id_note, id_warnings = _id_notes(matched, source, lang)
    status = status.assign(response_id=matched.ids).drop_duplicates("response_id", keep="last")
    ids = status["response_id"]
    found = ids.isin(known.index)
    if id_column is None and "date" in status.columns:
        _check_rows_in_place(status, known, found, source, order_note)
    wanted = None if listed is None else pd.Index(pd.Series(listed, dtype="string").dropna())
    if wanted is not None:
        wanted = wanted.unique()
        absent = wanted[~wanted.isin(ids)]
        if len(absent):  # listed, not in the returned file: still open, with nothing typed
            extra = pd.DataFrame(
                {
                    "response_id": pd.Series(absent, dtype=ids.dtype),
                    "contacted_at": pd.Series(
                        pd.NaT, index=range(len(absent)), dtype=status["contacted_at"].dtype
                    ),
                }
            )
            if "date" in status.columns:
                extra["date"] = pd.Series(pd.NaT, index=extra.index, dtype=status["date"].dtype)
            if "contacted_unread" in status.columns:
                extra["contacted_unread"] = False
            status = pd.concat([status, extra], ignore_index=True)
            ids = status["response_id"]
            found = ids.isin(known.index)
    answered_at = pd.Series(pd.NaT, index=status.index, dtype="datetime64[ns]")
    answered_at[found] = known.loc[ids[found], "nps_date"].to_numpy()
    if "date" in status.columns:
        answered_at = answered_at.fillna(status["date"])
    words = _status_words(status["status"])
    done = status["contacted_at"].notna() | words.isin(DONE_STATUSES).fillna(False)
    if "contacted_unread" in status.columns:  # a contact date typed, but not readable
        done |= status["contacted_unread"].astype(bool)
    # A voicemail or no answer is a try, not a contact, even with the day of the try.
    attempted = words.isin(ATTEMPT_STATUSES).fillna(False).astype(bool)
    # A status typed but read as neither contacted, an attempt nor open: said and left open,
    # even with a date (QA26: an unknown "Mailbox" with its day was counted as contacted).
    typed = status["status"].astype("string").fillna("").str.strip()
    known_word = words.isin(DONE_STATUSES | ATTEMPT_STATUSES | OPEN_STATUSES).fillna(False)
    unknown = ((typed != "") & ~known_word).astype(bool)
    done = done.astype(bool) & ~attempted & ~unknown
    # Undated and not already said cell by cell (an unreadable date has its own warning).
    unread = status.get("contacted_unread", pd.Series(False, index=status.index))
    undated = done & status["contacted_at"].isna() & ~unread.astype(bool)
    entry_notes = tuple(
        t(key, lang, n=n)
        for key, n in (
            ("followup.undated_done", int(undated.sum())),
            ("followup.attempts_open", int(attempted.sum())),
        )
        if n
    )
    if unknown.any():
        values = list(dict.fromkeys(typed[unknown].tolist()))
        shown = (
            "、".join(f"「{v}」" for v in values[:5])
            if lang == "ja"
            else ", ".join(f"'{v}'" for v in values[:5])
        )
        entry_notes += (t("followup.status_unread", lang, n=int(unknown.sum()), values=shown),)
    delay = (status["contacted_at"].dt.normalize() - answered_at.dt.normalize()).dt.days
    delay = delay[done & delay.notna()]
    total = len(status) if wanted is None else len(wanted)
    contacted = int(done.sum() if wanted is None else (done & ids.isin(wanted)).sum())
    still = status.loc[~done]
    still_found = still["response_id"].isin(known.index)
    score = pd.Series(pd.NA, index=still.index, dtype="Int64")
    comment = pd.Series("", index=still.index, dtype="string")
    picked = still.loc[still_found, "response_id"]
    score[still_found] = known.loc[picked, "nps_score"].astype("Int64").to_numpy()
    if comment_column is not None and comment_column in known.columns:
        comment[still_found] = said(known.loc[picked, comment_column]).to_numpy()
    if redact:
        from nps_kit.redact import redact as redact_texts

        comment = redact_texts(comment).texts
    when = answered_at[still.index]
    open_rows = pd.DataFrame(
        {
            "response_id": still["response_id"],
            "date": when,
            "age_days": (pd.Timestamp(as_of) - when.dt.normalize()).dt.days.astype("Int64"),
            "score": score,
            "status": still["status"]
            .astype("string")
            .fillna("")
            .mask(
                attempted[still.index],
                still["status"].map(lambda w: t("followup.attempted", lang, status=w)),
            ),
            "owner": still["owner"].astype("string").fillna(""),
            "comment": comment.fillna(""),
        }
    ).sort_values(list(URGENCY), kind="stable", na_position="last")
    open_rows["date"] = open_rows["date"].dt.strftime("%Y-%m-%d").astype("string")
    return LoopStatus(
        source=source,
        total=total,
        contacted=contacted,
        close_rate=100.0 * contacted / total if total else None,
        median_days=float(delay.median()) if len(delay) else None,
        timed=len(delay),
        open=open_rows.reset_index(drop=True),
        contacted_ids=frozenset(str(i) for i in status.loc[done, "response_id"]),
        contacted_on={
            str(rid): "" if pd.isna(day) else f"{day:%Y-%m-%d}"
            for rid, day in zip(
                status.loc[done, "response_id"], status.loc[done, "contacted_at"], strict=True
            )
        },
        warnings=(*warnings, *id_warnings),
        order_note=order_note,
        id_note=id_note,
        entry_notes=entry_notes,
    )
