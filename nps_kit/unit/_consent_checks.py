"""Whether a unit's consent column reads, and what to tell the analyst when it does not."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pandas as pd

from nps_kit._consent import (
    ConsentWords,
    asks_refusal,
    consent_questions,
    consent_read,
    read_consent,
    reads_as_consent,
    reversed_words,
    unread_answers,
)
from nps_kit._value_key import cell_text
from nps_kit.i18n import Language, join_names, t


def contact_allowed(values: pd.Series, *, words: ConsentWords | None = None) -> pd.Series:
    """Whether each answer grants permission to contact (:func:`nps_kit._consent.consent_answer`).

    Only a yes grants it: a no, a blank and an answer read as neither do not. ``words``: the
    unit's own consent answers (``contact.consent_yes`` / ``consent_no``), read first.
    """
    return read_consent(values, words=words).fillna(False).astype(bool)


def _its_yes_and_no(values: Sequence[str]) -> tuple[str, str]:
    """Return a "Do not contact" column's first yes and no, as written (``yes``/``no`` if none).

    What the refusals name for its answers listed the other way round (QA31 F4).
    """
    grant, refuse = reversed_words(values)
    return refuse[0], grant[0]


def consent_problem(
    values: pd.Series,
    *,
    column: str,
    words: ConsentWords | None = None,
    language: Language = "en",
) -> str | None:
    """Say why ``values`` cannot be a consent column (``columns.contact``), else ``None``.

    :func:`contact_allowed` reads anything but a yes (はい, yes, true, 1 …) as no, so a column
    with not one yes/no answer (QA20: the form's phone-number question) would silently list
    nobody. A column whose cells are all blank says nothing either way and is let through.
    A column that asks whether *not* to contact ("Do not contact",
    :func:`nps_kit._consent.asks_refusal`) is refused unless the unit lists its answers the
    other way round (``contact.consent_yes`` / ``consent_no``), as ``init --from`` does.

    Parameters
    ----------
    values
        The column's cells (any rows; its distinct values are enough).
    column
        Its name, for the message.
    words
        The unit's own consent answers (``contact.consent_yes`` / ``consent_no``).
    language
        The message's language: the unit's (FIX87: ``run`` refused a Japanese unit in English).

    Returns
    -------
    str or None
        ``"columns.contact: '<column>' holds no yes/no answers, …; its values are …."`` with
        up to five of its values, or ``None`` when half or more of its distinct values read
        as a yes or a no (:func:`nps_kit._consent.reads_as_consent`).
    """
    seen = [cell_text(v) for v in pd.unique(values.dropna())]  # 1.0 reads as 1, as when listing
    seen = [v for v in seen if v]
    if asks_refusal(column) and not words and seen:
        # QA31 F4: "Do not contact" yes/no read as consent listed exactly the wrong people.
        yes, no = _its_yes_and_no(seen)
        quote = _quote(language)
        return t(
            "consent.reversed",
            language,
            column=quote(column),
            yes=quote(yes),
            no=quote(no),
            yes_word=yes,
            no_word=no,
        )
    # Most of a consent column's answers read as yes or no; a comment column set by mistake
    # has the odd 「連絡不要」 among its texts (QA21's wider reading must not let it through).
    read, _ = consent_read(seen, words=words)
    if not seen or reads_as_consent(seen, words=words):
        return None
    quote = _quote(language)
    listed = join_names((quote(v) for v in seen[:5]), language)
    more = t("consent.unread_more", language, n=f"{len(seen) - 5:,}") if len(seen) > 5 else ""
    if not read:
        return t("consent.no_answers", language, column=quote(column), listed=listed, more=more)
    return t(
        "consent.few_answers",
        language,
        column=quote(column),
        read=f"{read:,}",
        n=f"{len(seen):,}",
        listed=listed,
        more=more,
    )


def _quote(language: Language) -> Callable[[object], str]:
    """How a message quotes a column or an answer: 「…」 in Japanese, ``repr`` in English."""
    return (lambda v: f"「{v}」") if language == "ja" else repr


def consent_unread(
    values: pd.Series,
    *,
    column: str,
    words: ConsentWords | None = None,
    language: Language = "en",
) -> str | None:
    """Name the answers of an accepted consent column that read as neither yes nor no.

    A column most of whose answers read as consent is used (:func:`consent_problem`); its
    other answers never grant contact. Said, so that answers the export words its own way
    ("Happy to be contacted", a code 2) can be listed under ``contact.consent_yes`` /
    ``contact.consent_no`` instead of silently leaving people out.

    Parameters
    ----------
    values
        The column's cells (any rows; its distinct values are enough).
    column
        Its name, for the message.
    words
        The unit's own consent answers.
    language
        The warning's language (``alerts`` of a Japanese unit: FIX83; ``run`` speaks English).

    Returns
    -------
    str or None
        The warning, naming up to five such answers; ``None`` when every answer reads (or the
        column is refused as a whole: :func:`consent_problem` says why).
    """
    if consent_problem(values, column=column, words=words) is not None:
        return None
    unread = unread_answers(values, words=words)
    if not unread:
        return None
    quote = _quote(language)
    listed = join_names((quote(v) for v in unread[:5]), language)
    more = t("consent.unread_more", language, n=f"{len(unread) - 5:,}") if len(unread) > 5 else ""
    return t("consent.unread", language, column=quote(column), listed=listed, more=more)


def consent_left_unset(
    columns: Sequence[str],
    distinct: Callable[[str], pd.Series],
    *,
    details: Sequence[str],
    words: ConsentWords | None = None,
    language: Language = "en",
) -> tuple[str, str] | None:
    """Name a consent question of the export while ``columns.contact`` is null (QA21).

    With ``columns.contact: null`` each contact detail a respondent filled counts as their
    consent, which is right only when the survey asks no consent question: with one, the work
    files would give the details of the people who said no.

    Parameters
    ----------
    columns
        The export's columns.
    distinct
        Gives a column's distinct values.
    details
        ``columns.contact_details``, which are never the consent question.
    words
        The unit's own consent answers (``contact.consent_yes`` / ``consent_no``).
    language
        The message's and hint's language: the unit's (FIX87).

    Returns
    -------
    tuple of str or None
        ``(message, hint)`` naming the first column whose name asks for consent (連絡,
        contact, consent …) and whose few answers (at most 12) are a choice, with its values;
        ``None`` when there is none.
    """
    quote = _quote(language)
    for column in consent_questions(columns, distinct, skip=details):
        values = [v for v in (cell_text(x) for x in pd.unique(distinct(column).dropna())) if v]
        listed = join_names((quote(v) for v in values[:6]), language)
        refusal = asks_refusal(column) and not words
        # REVIEW34: a "Do not contact" column's refusers said yes, not no.
        asks, who = (
            ("consent.asks_refusal", "consent.who_refused")
            if refusal
            else ("consent.asks_consent", "consent.who_said_no")
        )
        message = t(
            "consent.left_unset",
            language,
            column=quote(column),
            asks=t(asks, language),
            listed=listed,
            who=t(who, language),
        )
        setting = repr(column)  # as the parameter file writes it
        if refusal:
            # Its yes refuses: set as init --from writes it (FIX74: "Set columns.contact" alone
            # led to a second refusal, consent_problem's).
            yes, no = _its_yes_and_no(values)
            return message, t(
                "consent.hint_reversed", language, setting=setting, yes_word=yes, no_word=no
            )
        if consent_problem(pd.Series(values), column=column, words=words) is None:
            return message, t("consent.hint_set", language, setting=setting)
        return message, t("consent.hint_words", language, setting=setting)
    return None


#: What to do about :func:`consent_problem`, in English (:func:`consent_hint`).
CONSENT_HINT = t("consent.hint", "en")


def consent_hint(language: Language) -> str:
    """Say what to do about :func:`consent_problem` in ``language`` (the unit's)."""
    return t("consent.hint", language)
