"""The follow-up list of a unit's period (:func:`followup_list`), sorted by urgency."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Final

import pandas as pd

from nps_kit import clock
from nps_kit._response_meta import date_not_answered
from nps_kit.closed_loop._contactable import consent_known, contactable_detractors, unlisted_reach
from nps_kit.closed_loop._deadline import call_backs
from nps_kit.closed_loop._reach import (
    URGENCY,
    ContactBasis,
    _require,
    names_only,
    reach_columns,
    record_columns,
)
from nps_kit.i18n import Language, join_names, t
from nps_kit.load import blank_ids, export_column, row_keys
from nps_kit.text.tokens import said
from nps_kit.unit import UnitData


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
            ``overdue`` at its instant against :attr:`made_at`; with a :attr:`date_label` (a
            check-out day, not when the answer came) no call-by (NaT) and nobody overdue.
        """
        if self.answered is None or self.made_at is None:
            dates = self.rows["date"] if self.answered is None else self.answered["date"]
            found = call_backs(pd.to_datetime(dates, errors="coerce"), now=self.as_of)
        else:
            found = call_backs(
                self.answered["date"], instants=self.answered["instant"], now=self.made_at
            )
        if self.date_label is not None:
            # The date is another event's: nobody's call-by counts from it (QA44).
            none = pd.Series(pd.NaT, index=found.index, dtype="datetime64[ns]")
            return found.assign(call_by=none, overdue=False)
        return found

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
    when the header names the answer's own event or none
    (:func:`nps_kit._response_meta.date_not_answered`, the one rule).
    """
    return date_not_answered(unit.load.date_column)
