"""Whether a unit's contact settings fit its export, and who may then be contacted: one rule.

``nps-kit run`` (before any kernel starts) and ``nps-kit alerts`` both ask
:func:`unit_contact_rule`, and the report's data quality counts the rows it allows
(:func:`frame_contact_rule`). Before FIX74 ``run`` refused a unit whose ``columns.contact``
was null beside a consent question while ``alerts`` read that question itself and alerted,
so one unit was decided two ways. ``init --from`` writes settings this rule accepts: the
consent question as ``columns.contact``, a "Do not contact" column with its answers listed the
other way round (:func:`nps_kit._consent.asks_refusal`).

The rule:

- ``columns.contact`` set: its answers must read as consent, and a column asking whether *not*
  to contact must list its answers reversed (:func:`nps_kit.unit.consent_problem`); a yes in it
  allows contact.
- ``columns.contact`` null with ``columns.contact_details``: the export must ask no consent
  question (:func:`nps_kit._consent.consent_questions`), else the details of those who said no
  would be given (:func:`nps_kit.unit.consent_left_unset`); a detail left allows contact by
  that means.
- neither: consent is unknown; nobody is said to have allowed contact.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

import pandas as pd

from nps_kit._consent import ConsentWords, asks_refusal
from nps_kit.closed_loop import DETRACTOR_MAX_SCORE, consent_known, contactable_detractors
from nps_kit.i18n import Language
from nps_kit.unit import consent_hint, consent_left_unset, consent_problem

if TYPE_CHECKING:
    from nps_kit.cache import ExportCache
    from nps_kit.params import UnitParameters

__all__ = ["ContactRule", "contact_rule", "frame_contact_rule", "unit_contact_rule"]


@dataclass(frozen=True)
class ContactRule:
    """A unit's contact settings as read against its export.

    Attributes
    ----------
    column
        ``columns.contact`` where the rows keep it, or ``None``.
    details
        ``columns.contact_details`` where the rows keep them.
    words
        The unit's own consent answers (``contact.consent_yes`` / ``consent_no``).
    problem
        Why the settings do not fit the export (a command-line message), else ``None``:
        ``run`` refuses the unit and ``alerts`` alerts nobody of it, with :attr:`hint`.
    hint
        What to set instead (the lines ``init --from`` writes for such an export).
    reason
        :attr:`problem` in a few words, for the run's summary table.
    """

    column: str | None
    details: tuple[str, ...] = ()
    words: ConsentWords = field(default_factory=ConsentWords)
    problem: str | None = None
    hint: str | None = None
    reason: str | None = None

    @property
    def reversed(self) -> bool:
        """Whether the consent column asks whether *not* to contact (read with listed words)."""
        return self.column is not None and asks_refusal(self.column)

    @property
    def known(self) -> bool:
        """Whether anyone may be said to have allowed contact (:func:`consent_known`)."""
        return consent_known(contact_column=self.column, details=self.details)

    def contactable(
        self, responses: pd.DataFrame, *, max_score: int = DETRACTOR_MAX_SCORE
    ) -> pd.DataFrame:
        """Return the rows scoring up to ``max_score`` whose respondent may be contacted.

        :func:`nps_kit.closed_loop.contactable_detractors` with these settings; none while
        the settings do not fit the export (:attr:`problem`).
        """
        if self.problem is not None:
            return responses.iloc[0:0]
        return contactable_detractors(
            responses,
            contact_column=self.column,
            details=list(self.details),
            max_score=max_score,
            words=self.words,
        )


def contact_rule(
    columns: Sequence[str],
    distinct: Callable[[str], pd.Series],
    *,
    contact: str | None,
    details: Sequence[str] = (),
    words: ConsentWords | None = None,
    name: str | None = None,
    language: Language = "en",
) -> ContactRule:
    """Read a unit's contact settings against an export's columns.

    Parameters
    ----------
    columns
        The export's columns, as the rows keep them.
    distinct
        Gives a column's distinct values over the whole export.
    contact
        ``columns.contact`` where the rows keep it, or ``None``.
    details
        ``columns.contact_details`` where the rows keep them.
    words
        The unit's own consent answers.
    name
        ``columns.contact`` as the parameters name it (default ``contact``), for the message.
    language
        The language of :attr:`ContactRule.problem` and :attr:`ContactRule.hint`: the unit's
        (FIX87); :attr:`ContactRule.reason`, for run's English summary table, stays English.

    Returns
    -------
    ContactRule
        With :attr:`ContactRule.problem` set when the settings do not fit the export.
    """
    words = words or ConsentWords()
    rule = ContactRule(contact, tuple(details), words)
    if contact is not None:
        shown = name or contact
        problem = consent_problem(distinct(contact), column=shown, words=words, language=language)
        if problem is None:
            return rule
        why = (
            "asks whether NOT to contact; its answers are not listed reversed"
            if asks_refusal(shown) and not words
            else "holds no yes/no answers"
        )
        hint = consent_hint(language)
        return _refused(rule, problem, hint, f"columns.contact {shown!r} {why}")
    if details:
        unset = consent_left_unset(
            columns, distinct, details=details, words=words, language=language
        )
        if unset is not None:
            return _refused(rule, *unset, "columns.contact null beside a consent question")
    return rule


def _refused(rule: ContactRule, problem: str, hint: str, reason: str) -> ContactRule:
    return replace(rule, problem=problem, hint=hint, reason=reason)


def unit_contact_rule(unit: UnitParameters, cache: ExportCache) -> ContactRule:
    """Read ``unit``'s contact settings against its whole export (``run``'s and ``alerts``').

    Parameters
    ----------
    unit
        Validated parameters.
    cache
        The unit's export as ``nps-kit run`` caches it (:mod:`nps_kit.cache`).

    Returns
    -------
    ContactRule
        Of the whole export, so that every unit of one export is judged alike.
    """
    contact = unit.columns.contact
    return contact_rule(
        cache.columns(),
        cache.distinct,
        contact=unit.frame_column(contact) if contact is not None else None,
        details=[unit.frame_column(c) for c in unit.columns.contact_details],
        words=unit.consent_words(),
        name=unit.column(contact) if contact is not None else None,
        language=unit.language,
    )


def frame_contact_rule(
    frame: pd.DataFrame,
    *,
    contact: str | None,
    details: Sequence[str] = (),
    words: ConsentWords | None = None,
) -> ContactRule:
    """Read contact settings against loaded rows (the report's data quality, Python use)."""
    return contact_rule(
        [str(c) for c in frame.columns],
        lambda column: (
            pd.Series(pd.unique(frame[column].dropna()), dtype=object)
            if column in frame.columns
            else pd.Series([], dtype=object)
        ),
        contact=contact,
        details=details,
        words=words,
    )
