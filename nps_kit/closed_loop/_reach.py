"""Who a unit's export lets the team reach: contact columns, consent basis, recorded details."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from typing import Literal

import pandas as pd

from nps_kit._consent import ConsentWords, consent_answer
from nps_kit._consent import refused as refused_contact
from nps_kit._response_meta import ANONYMOUS
from nps_kit._values import MISSING_WORDS
from nps_kit.errors import DataError, closest
from nps_kit.text.tokens import NO_ANSWER

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
