"""The one rule for a detractor the team may contact, and what alerts need to list them."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd

from nps_kit._consent import ConsentWords, read_consent
from nps_kit.closed_loop._reach import (
    DETRACTOR_MAX_SCORE,
    _require,
    contact_basis,
    left_contact_details,
    names_only,
    reach_columns,
)
from nps_kit.i18n import Language, t
from nps_kit.unit import contact_allowed


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
