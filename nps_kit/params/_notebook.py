"""The reporting month of a unit and the parameters its notebook is run with."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from nps_kit import clock
from nps_kit._schema_errors import (
    display,
)
from nps_kit.errors import ConfigError
from nps_kit.i18n import t
from nps_kit.params._fields import in_language
from nps_kit.params._sections import Breakdown
from nps_kit.params._unit import UnitParameters
from nps_kit.periods import is_month, is_period, latest_month_in_file


def resolve_period(unit: UnitParameters, *, period: str | None = None) -> str:
    """Return the month (``YYYY-MM``) to report for ``unit``.

    Parameters
    ----------
    unit
        Validated parameters.
    period
        An override (``YYYY-MM``, ``"latest"`` or ``"current"``); ``None`` uses
        ``unit.period``.

    Returns
    -------
    str
        The month. ``"latest"`` becomes the latest complete month with data, as of now in the
        unit's time zone; ``"current"`` the latest month with data, complete or not (the
        report's title says when it is not complete); see
        :func:`nps_kit.periods.reporting_month`.

    Raises
    ------
    ConfigError
        When the period is malformed, or ``"latest"`` is asked without a date column or the
        data holds no readable dates.
    """
    wanted = period or unit.period
    if not is_period(wanted):
        # In the unit's language, as the file's own period problem is (FIX94).
        raise ConfigError(t("params.bad_period", unit.language, found=repr(wanted)))
    if is_month(wanted):
        return wanted
    return _month_of(unit, wanted)


def _month_of(unit: UnitParameters, word: str) -> str:
    where = display(unit.source) if unit.source else unit.unit
    if unit.columns.date is None:
        raise ConfigError(
            t("params.period_needs_date", unit.language, where=where, word=repr(word)),
            hint=t("params.period_needs_date_hint", unit.language),
            key="period",
        )
    src = unit.data
    month = latest_month_in_file(
        src.path,
        score_column=unit.column(unit.columns.score),
        date_column=unit.column(unit.columns.date),
        sheet=src.sheet,
        encoding=src.encoding,
        date_format=src.date_format,
        timezone=clock.export_zone(unit.language, unit.timezone),
        word=word,
        now=clock.now(unit.language, unit.timezone),
    )
    if month is None:
        raise ConfigError(
            t(
                "params.period_no_dates", unit.language, where=where,
                column=repr(unit.columns.date), file=src.path.name,
            ),
            hint=t("params.period_no_dates_hint", unit.language),
            key="period",
        )  # fmt: skip
    return month


def _order(order: Sequence[str] | None) -> dict[str, list[str]]:
    """Return a breakdown's or follow-up's ``order`` entry, none without an order."""
    return {} if order is None else {"order": list(order)}


def notebook_parameters(unit: UnitParameters, *, period: str) -> dict[str, Any]:
    """Flatten ``unit`` into the notebook's ``parameters`` cell, as plain JSON types.

    Parameters
    ----------
    unit
        Validated parameters.
    period
        The resolved month, ``YYYY-MM``.

    Returns
    -------
    dict
        ``unit, unit_name, language, timezone, export_timezone, data_path, data_sheet,
        data_encoding, filter_column, filter_values (with the earlier names), previous_names,
        data_exclude (``data.exclude`` as ``[column, values]`` pairs), value_labels
        (``{column: {code: label}}``; a breakdown's, categorical or multi-select
        follow-up's ``order`` is then its labels' order unless set by hand), score_column,
        date_column, id_column,
        comment_column, contact_column, contact_details (column names: the details themselves
        never enter the notebook), consent_yes, consent_no (``contact.``),
        weight_column, date_format, missing_values, fix_text, dedupe, dedupe_keep, unfinished,
        period,
        comparison, fiscal_year_start (the fiscal year's first month with ``fiscal_ytd``, else
        ``None``), fiscal_year_named_by (``"start"`` or ``"end"`` with ``fiscal_ytd``, else
        ``None``), target, top_n, breakdowns (``{column, label}``), followups, themes_path,
        playbook_path, min_n, min_report_n, level, control_min_months, redact, status_file``
        — only str, int, float, bool, None, list and dict.
        Columns named by Qualtrics QID or question text are given as the export's column ids.
    """
    src = unit.data
    cols = unit.columns
    loader = unit.loader_options()
    lang = unit.language

    from nps_kit._question_label import header_label
    from nps_kit._value_labels import label_order

    def coded(name: str) -> list[str] | None:
        # The labels of a column with a code table, in its order (value_labels).
        table = unit.value_labels.get(name)
        return None if table is None else label_order(table)

    def col(name: str | None) -> str | None:
        # Where the unit's frame keeps the column: an export's own 'segment' (a customer
        # segment) is 'segment (export)', beside the NPS segment prepare_unit adds (QA24).
        return None if name is None else unit.frame_column(name)

    return {
        "unit": unit.unit,
        "unit_name": unit.name,
        "language": unit.language,
        "timezone": unit.zone,
        # The zone prepare_unit reads the export in, as the run's cache is built (FIX48B,
        # REVIEW28 #3): an English unit without timezone keeps each offset's wall clock.
        "export_timezone": loader["timezone"],
        "data_path": str(src.path),
        "data_sheet": src.sheet,
        "data_encoding": src.encoding,
        "filter_column": col(src.filter.column) if src.filter else None,
        # The earlier names too, so a notebook that does not know previous_names still
        # reads the unit's rows as the run does.
        "filter_values": list(src.filter.selects) if src.filter else None,
        "previous_names": list(src.filter.previous_names) if src.filter else [],
        # As (column, values) pairs, as prepare_unit takes them and the run's cache applies
        # them: a notebook run by hand, without the cache, leaves out the same rows.
        "data_exclude": [[column, list(values)] for column, values in loader["exclude"]],
        # Coded answers and their labels, as the run's cache read them (a notebook run by
        # hand, without the cache, shows the same labels).
        "value_labels": {column: dict(table) for column, table in loader["value_labels"]},
        "score_column": loader["score_column"],
        "date_column": loader["date_column"],
        "id_column": loader["id_column"],
        "comment_column": col(cols.comment),
        "contact_column": col(cols.contact),
        "contact_details": [col(c) for c in cols.contact_details],
        "consent_yes": list(unit.contact.consent_yes),
        "consent_no": list(unit.contact.consent_no),
        "weight_column": loader["weight_column"],
        "date_format": src.date_format,
        "missing_values": list(src.missing_values),
        "fix_text": src.fix_text,
        "dedupe": src.dedupe,
        "dedupe_keep": src.dedupe_keep,
        "unfinished": src.unfinished,
        "period": period,
        "comparison": list(unit.comparison),
        # Only with fiscal_ytd: the notebook then reads the months back to the previous
        # fiscal year's first (prepare_unit), and no other report reads more than its 13.
        "fiscal_year_start": unit.fiscal_start if "fiscal_ytd" in unit.comparison else None,
        "fiscal_year_named_by": unit.fiscal_named_by if "fiscal_ytd" in unit.comparison else None,
        "target": unit.target,
        "top_n": unit.top_n,
        # A label not set by hand is the header, its half-width kana full-width (QA25).
        # Groups in the code table's order (年代 1 … 6) unless `order:` says otherwise.
        "breakdowns": [
            {"column": col(b.column), "label": in_language(b.label, lang) or header_label(b.column)}
            | _order(b.order if b.order is not None else coded(b.column))
            if isinstance(b, Breakdown)
            else {"column": col(b), "label": header_label(b)} | _order(coded(b))
            for b in unit.breakdowns
        ],
        "followups": [
            {
                **f.model_dump(mode="json"),
                "column": col(f.column),
                "label": in_language(f.label, lang)
                or (None if header_label(f.column) == f.column else header_label(f.column)),
            }
            | (_order(coded(f.column)) if f.type in ("categorical", "multi") else {})
            for f in unit.followups
        ],
        "themes_path": str(unit.themes) if unit.themes else None,
        "playbook_path": str(unit.playbook) if unit.playbook else None,
        "min_n": unit.thresholds.min_n,
        "min_report_n": unit.thresholds.min_report_n,
        "level": unit.thresholds.level,
        "control_min_months": unit.thresholds.control_min_months,
        "redact": unit.privacy.redact,
        "status_file": str(sf) if (sf := unit.closed_loop.status_file) else None,
    }
