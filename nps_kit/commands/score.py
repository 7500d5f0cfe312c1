"""``nps-kit score``: score a survey export from the command line."""

from __future__ import annotations

import argparse
import calendar
import json
import math
import sys
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from nps_kit._resubmit import DEDUPE_KEEPS, RESUBMISSIONS, dedupe_option, resubmission_note
from nps_kit._width import display_width, pad
from nps_kit.commands._options import add_language_option, command_language, sheet_option
from nps_kit.i18n import interval_label, join_interval, join_names, label, nps_text, t
from nps_kit.periods import fiscal_label_text

if TYPE_CHECKING:
    from collections.abc import Sequence

    import pandas as pd

    from nps_kit._code_table import FoundCodes
    from nps_kit._renames import EarlierName, Rename
    from nps_kit._row_rules import RowRules
    from nps_kit.i18n import Language
    from nps_kit.load import ColumnIndex, LoadReport
    from nps_kit.params import ParameterSet, UnitParameters
    from nps_kit.periods import NamedBy

__all__ = ["register"]

STATS_KEYS = ("n", "promoters", "passives", "detractors", "nps", "ci_low", "ci_high")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser], lang: Language) -> None:
    """Add the ``score`` sub-command."""
    p = sub.add_parser(
        "score",
        help=t("help.score", lang),
        description=t("help.score.about", lang),
    )
    p.add_argument("data", metavar="DATA", type=Path, help=t("help.export", lang))
    p.add_argument(
        "--score-column", required=True, metavar="COL", help=t("help.score.score_column", lang)
    )
    p.add_argument(
        "--by", action="append", default=[], metavar="COL", help=t("help.score.by", lang)
    )
    p.add_argument(
        "--period",
        choices=("week", "month", "quarter", "fiscal-year", "fiscal-quarter"),
        help=t("help.score.period", lang),
    )
    p.add_argument(
        "--fiscal-start",
        type=partial(fiscal_start_option, lang=lang),
        metavar="M",
        help=t("help.score.fiscal_start", lang),
    )
    p.add_argument("--date-column", metavar="COL", help=t("help.score.date_column", lang))
    p.add_argument(
        "--date-format",
        metavar="FMT",
        help=t("help.date_format", lang),
    )
    p.add_argument("--weight-column", metavar="COL", help=t("help.score.weight_column", lang))
    p.add_argument(
        "--id-column",
        metavar="COL",
        help=t("help.score.id_column", lang),
    )
    p.add_argument(
        "--dedupe",
        nargs="?",
        const=True,
        default=False,
        type=partial(dedupe_option, lang=lang),
        metavar=RESUBMISSIONS,
        help=t("help.score.dedupe", lang),
    )
    p.add_argument(
        "--dedupe-keep",
        choices=DEDUPE_KEEPS,
        metavar="|".join(DEDUPE_KEEPS),
        help=t("help.score.dedupe_keep", lang),
    )
    p.add_argument(
        "--exclude",
        action="append",
        default=[],
        type=partial(exclude_option, lang=lang),
        metavar="COL=VALUE",
        help=t("help.score.exclude", lang),
    )
    p.add_argument(
        "--parameters",
        type=Path,
        metavar="DIR",
        help=t("help.score.parameters", lang),
    )
    p.add_argument("--sheet", metavar="NAME", help=t("help.sheet", lang))
    codes = p.add_mutually_exclusive_group()
    codes.add_argument(
        "--codes",
        metavar="FILE",
        type=Path,
        help=t("help.score.codes", lang),
    )
    codes.add_argument(
        "--no-codes",
        action="store_true",
        help=t("help.score.no_codes", lang),
    )
    p.add_argument("--encoding", metavar="ENC", help=t("help.encoding_cp932", lang))
    p.add_argument(
        "--strict",
        action="store_true",
        help=t("help.score.strict", lang),
    )
    p.add_argument(
        "--format",
        choices=("table", "json", "csv"),
        default="table",
        help=t("help.output_format_table", lang),
    )
    p.add_argument(
        "--level", type=float, default=0.95, metavar="P", help=t("help.score.level", lang)
    )
    p.add_argument(
        "--min-n",
        type=int,
        default=30,
        metavar="N",
        help=t("help.score.min_n", lang),
    )
    p.add_argument(
        "--min-report-n",
        type=int,
        default=None,
        metavar="N",
        help=t("help.score.min_report_n", lang),
    )
    add_language_option(p, lang)
    p.set_defaults(handler=_run, parser=p)


def _date_hint(args: argparse.Namespace, lang: Language) -> str:
    """Say which --date-column to pass: the export's date column as ``inspect`` finds it.

    QA42: a Google Forms download was told "e.g. --date-column submitted_at" beside its own
    ``Timestamp``. Read only on this error's path; an export ``inspect`` cannot read, or one
    without a date column, gets the general example.
    """
    import shlex

    from nps_kit.errors import NpsKitError
    from nps_kit.inspect import inspect_export

    sheet = sheet_option(args.sheet)
    try:
        found = inspect_export(args.data, sheet=sheet, encoding=args.encoding, lang=lang)
    except (NpsKitError, OSError, ValueError):
        found = None
    if found is None or found.date_column is None:
        return t("score.period_needs_date_hint", lang)
    return t(
        "score.period_date_found", lang, option=f"--date-column {shlex.quote(found.date_column)}"
    )


def _run(args: argparse.Namespace) -> int:
    from nps_kit._value_labels import as_tables, label_order
    from nps_kit.errors import NpsKitError
    from nps_kit.followup import explode_options
    from nps_kit.load import (
        blank_dated_answers,
        load_responses,
        read_column_index,
        undated_answers,
        undated_note,
    )
    from nps_kit.score import hide_complement, hide_told_spans, nps, score_groups

    # The project's language, or --language (MSG41): the table, notes and errors.
    lang = command_language(args.language, args.parameters)
    if args.period and not args.date_column:
        raise NpsKitError(t("score.period_needs_date", lang), hint=_date_hint(args, lang))
    if args.fiscal_start is not None and args.period not in _FISCAL:
        raise NpsKitError(
            t("score.fiscal_start_needs_period", lang),
            hint=t("score.fiscal_start_needs_period_hint", lang),
        )
    if args.dedupe == RESUBMISSIONS and not args.date_column:
        raise NpsKitError(
            t("score.resubmissions_need_date", lang, option=f"--dedupe {RESUBMISSIONS}"),
            hint=t("score.resubmissions_need_date_hint", lang),
        )
    if args.dedupe_keep is not None and not args.dedupe:
        raise NpsKitError(
            t("score.keep_needs_dedupe", lang),
            hint=t("score.keep_needs_dedupe_hint", lang, keep=args.dedupe_keep),
        )
    if not 0 < args.level < 1:
        raise NpsKitError(t("score.bad_level", lang, level=args.level))
    if args.parameters is not None and (args.codes is not None or args.no_codes):
        option = "--codes" if args.codes is not None else "--no-codes"
        raise NpsKitError(
            t("score.codes_with_parameters", lang, option=option),
            hint=t("score.codes_with_parameters_hint", lang, option=option),
        )
    sheet = sheet_option(args.sheet)
    index = read_column_index(args.data, sheet=sheet, encoding=args.encoding)
    # Every column option takes a header, Qualtrics QID/ImportId or question text; resolved
    # here, a wrong one is reported by the option's name (--score-column, not score_column).
    score_column = index.resolve(args.score_column, option="--score-column", lang=lang)
    date_column = args.date_column and index.resolve(
        args.date_column, option="--date-column", lang=lang
    )
    weight_column = args.weight_column and index.resolve(
        args.weight_column, option="--weight-column", lang=lang
    )
    id_column = args.id_column and index.resolve(args.id_column, option="--id-column", lang=lang)
    keys = [index.resolve(column, option="--by", lang=lang) for column in args.by]
    exclude = _exclusions(args.exclude, index, lang)
    options: dict[str, Any] = {
        "date_column": date_column,
        "date_format": args.date_format,
        "id_column": id_column,
        "dedupe": args.dedupe,
        "dedupe_keep": args.dedupe_keep or "earliest",
        "exclude": exclude,
    }
    # The folder read once for the row rules and the renames (FIX83: it was read twice).
    project = _project(args)
    # The rows run counts: the row rules of the units reading this file, applied with
    # --parameters and said without it (FIX80: n and NPS differed from run's without a word).
    rules, rules_said = _row_rules(args, exclude, project, lang)
    if args.parameters is not None and rules is not None and rules.options:
        options |= _with_rules(options, rules.options, given_keep=args.dedupe_keep is not None)
    # The floor the reports hide groups under (REVIEW45: a project's 10 was printed at 5).
    args.min_report_n = _report_floor(args, project)
    if args.parameters is not None and project is not None:
        from nps_kit._row_rules import export_value_labels

        # Coded answers (and a score of codes) read through the units' code table, as run.
        options["value_labels"] = export_value_labels(project, args.data)
    coded = (
        None if args.parameters is not None or args.no_codes else _code_table(args, index, sheet)
    )
    if coded is not None:
        # The workbook's code table (or --codes), read as init and inspect read it.
        options["value_labels"] = coded.value_labels
    loaded = load_responses(
        args.data,
        score_column=score_column,
        weight_column=weight_column,
        sheet=sheet,
        encoding=args.encoding,
        strict=args.strict,
        **options,
    )
    data = loaded.data
    renamed: list[str] = rules_said
    stated: list[EarlierName] = []
    if args.parameters is not None:
        assert project is not None  # _project raises when --parameters cannot be read
        data, merged = _merge_renamed(data, keys, project, args.data, index)
        renamed += [_merged_note(name, args.parameters, lang) for name in merged]
    elif keys and project is not None:
        # Scored in a project without --parameters: the renames run's folder states are said,
        # not applied (FIX79; the groups here would differ from the report's units).
        stated = _merge_renamed(data.copy(), keys, project, args.data, index)[1]
        renamed += [_unmerged_note(name, lang) for name in stated]
    if keys and date_column:
        # A rename the project states was said above: not again as one to state (REVIEW35).
        renamed += _looks_renamed(data, keys, stated=[name.old for name in stated], lang=lang)
    weight = "nps_weight" if args.weight_column else None
    overall = nps(data, weight=weight, level=args.level, min_n=args.min_n)
    groups = None
    # A multi-select the loader merged (SurveyMonkey's one column per option): each option is
    # a group of the respondents who chose it, as the report's multi-select table counts them.
    multi = [k for k in keys if k in index.separators]
    for key in multi:
        data = explode_options(data, key, separator=index.separators[key])
    # The fiscal year's first month, said in a note: an English table starts in January.
    fiscal = _fiscal_start(args, project, lang) if args.period in _FISCAL else None
    if keys or args.period:
        # Coded answers' groups in their code table's order (年代 1 … 6), as the report shows.
        labels = as_tables(options.get("value_labels"))
        groups = score_groups(
            data,
            by=keys,
            period=args.period,
            fiscal_start=fiscal.month if fiscal is not None else 4,
            fiscal_named_by=fiscal.named_by if fiscal is not None else "start",
            weight=weight,
            level=args.level,
            min_n=args.min_n,
            min_report_n=args.min_report_n,
            order={k: label_order(labels[k]) for k in keys if k in labels},
        )
        if not multi:
            # One answer per response: the groups partition the responses whose total "(all)"
            # shows, so a lone hidden group would be the total minus the others.
            groups = hide_complement(
                groups, "n", min_report_n=args.min_report_n, keep=(*keys, "n_eff")
            )
        if args.period in _SPANS:
            # A quarter or fiscal year minus the years to date the reports show would tell a
            # month they hide (REVIEW45).
            groups = hide_told_spans(
                groups,
                data,
                by=keys,
                period=args.period,
                fiscal_starts=_span_starts(args, project, fiscal, lang),
                fiscal_named_by=fiscal.named_by if fiscal is not None else "start",
                min_report_n=args.min_report_n,
                keep=(*keys, "n_eff"),
            )
        if args.period:
            keys = [*keys, "period"]
    excluded = {"missing": loaded.report.n_missing, "invalid": loaded.report.n_invalid}
    unread = loaded.report.unreadable_dates
    if args.date_column:
        excluded["unreadable_dates"] = loaded.report.dates_unparsed
    # Scored but in no period (QA35 O2: LimeSurvey's incomplete responses have no submitdate;
    # (all) counted 494, the months 461, without a word).
    undated = undated_answers(data) if args.period else 0
    if undated:
        excluded["undated"] = undated
    duplicates = loaded.report.duplicate_rows
    repeated_ids = loaded.report.duplicate_ids
    # What was left out, then what was read from another way of writing it (１０, 令和).
    left_out = loaded.report.left_out(lang) + loaded.report.read_notes(lang) + renamed
    if args.format == "json":
        out = _as_json(overall.to_dict(), groups, keys, excluded)
        if args.date_column:
            out["unreadable_dates"] = None if unread is None else unread.to_dict()
        out["notes"] = left_out
        print(json.dumps(out, ensure_ascii=False))
    elif args.format == "csv":
        _print_csv(overall.to_dict(), groups, keys)
    else:
        _print_table(
            overall.to_dict(),
            groups,
            keys,
            excluded,
            level=args.level,
            lang=lang,
            period=bool(args.period),
            fiscal=None if fiscal is None else fiscal.said(lang),
        )
    if unread is not None:
        said = unread.message(lang)
        print(
            f"warning: {said}{'' if said.endswith('。') else ' '}{unread.hint(lang)}",
            file=sys.stderr,
        )
    if undated and date_column and blank_dated_answers(data, date_column):
        # Unreadable dates alone have their warning with examples above: no second word.
        print(f"note: {undated_note(undated, loaded.report, lang)}", file=sys.stderr)
    if coded is not None or loaded.report.unlabelled_columns:
        # Said in --language or the project's language (init's), else the code table's.
        codes_lang = _language(args, coded)
        if coded is not None:
            print(f"note: {coded.said('score.code_table', codes_lang)}", file=sys.stderr)
        if unlabelled := _unlabelled_said(loaded.data, loaded.report, codes_lang):
            print(f"note: {unlabelled}", file=sys.stderr)
    for note in left_out:
        print(f"note: {note}", file=sys.stderr)
    if scale := loaded.report.scale_note_in(lang):
        print(f"note: {scale}", file=sys.stderr)
    for key in multi:
        print(f"note: {t('score.multi_select', lang, column=key)}", file=sys.stderr)
    if fiscal is not None and args.format in ("json", "csv"):  # the table's footer says it
        print(f"note: {fiscal.said(lang)}", file=sys.stderr)
    again = len(loaded.report.resubmission_of)
    dedupe = options["dedupe"]
    if dedupe and loaded.report.duplicates_dropped:
        asked = (
            f"--dedupe{'' if dedupe is True else ' ' + dedupe}"
            if dedupe == args.dedupe
            else f"dedupe: {'true' if dedupe is True else dedupe}"
        )
        dropped = "score.dropped_resubmissions" if dedupe == RESUBMISSIONS else "score.dropped"
        n = f"{loaded.report.duplicates_dropped:,}"
        print(f"note: {t(dropped, lang, n=n, asked=asked)}", file=sys.stderr)
    elif duplicates or repeated_ids:
        what = []
        if duplicates:
            what.append(t("score.repeat_rows", lang, n=f"{duplicates:,}"))
        if repeated_ids:
            what.append(t("score.repeat_ids", lang, n=f"{repeated_ids:,}", column=id_column))
        said = t("score.and", lang).join(what)
        print(f"note: {t('score.counted_again', lang, what=said)}", file=sys.stderr)
    if again and dedupe != RESUBMISSIONS:
        note = resubmission_note(again, option=f"--dedupe {RESUBMISSIONS}", lang=lang)
        print(f"note: {note}", file=sys.stderr)
    return 0


_FISCAL = ("fiscal-year", "fiscal-quarter")
_SPANS = ("quarter", *_FISCAL)


def _span_starts(
    args: argparse.Namespace,
    project: ParameterSet | None,
    fiscal: _FiscalStart | None,
    lang: Language,
) -> tuple[int, ...]:
    """Return the fiscal years' first months whose years to date a span's row is checked by.

    A fiscal period's own (``fiscal``); for a calendar quarter, every unit's reading DATA with
    ``--parameters`` (each shows its own years to date), else the language's.
    """
    from nps_kit.periods import fiscal_start

    if fiscal is not None:
        return (fiscal.month,)
    if args.fiscal_start is not None:
        return (int(args.fiscal_start),)
    reading = _units_reading(args, project)
    if not reading:
        return (fiscal_start(lang),)
    return tuple(sorted({u.fiscal_start for u in reading}))


def _report_floor(args: argparse.Namespace, project: ParameterSet | None) -> int:
    """``--min-report-n``, else ``--parameters``' ``thresholds.min_report_n``, else 5.

    With ``--parameters`` the figures are the report's, so what its anonymity floor hides is
    hidden too: the highest floor of the units reading DATA (every unit when none does, as
    :func:`_fiscal_start` reads them), so no unit's report hides what this prints.
    """
    from nps_kit.score import DEFAULT_MIN_REPORT_N

    if args.min_report_n is not None:
        return int(args.min_report_n)
    reading = _units_reading(args, project)
    if not reading:
        return DEFAULT_MIN_REPORT_N
    return max(u.thresholds.min_report_n for u in reading)


def _units_reading(args: argparse.Namespace, project: ParameterSet | None) -> list[UnitParameters]:
    """Return ``--parameters``' units that read DATA (every unit when none does: a drop folder).

    The one reading of "the project's units for this file" behind the fiscal start, the
    anonymity floor and the spans' years to date; empty without ``--parameters``.
    """
    if args.parameters is None or project is None or not project.units:
        return []
    units = list(project.units.values())
    return [u for u in units if u.data.path.resolve() == args.data.resolve()] or units


def fiscal_start_option(text: str, *, lang: Language = "en") -> int:
    """Read ``--fiscal-start``: a month number 1–12 (argparse's ``type``), refused in ``lang``."""
    if text.strip().isdigit() and 1 <= int(text) <= 12:
        return int(text)
    raise argparse.ArgumentTypeError(t("usage.score.fiscal_start", lang, text=text))


@dataclass(frozen=True)
class _FiscalStart:
    """The fiscal year's first month ``score`` groups by, and who said it."""

    month: int
    #: ``"option"`` (--fiscal-start), ``"project"`` (--parameters) or ``"language"``.
    source: str
    parameters: Path | None = None
    #: Which year names a fiscal year (``fiscal_year_named_by``; by language without a project).
    named_by: NamedBy = "start"

    def said(self, lang: Language) -> str:
        """Say the month and where it came from, e.g. ``fiscal years start in April (…).``."""
        month = f"{self.month}月" if lang == "ja" else calendar.month_name[self.month]
        why = t(
            f"score.fiscal_start_{self.source}",
            lang,
            month=self.month,
            folder=self.parameters,
            language=t(f"score.language_{lang}", lang),
        )
        note = "score.fiscal_start_note" if self.named_by == "start" else "score.fiscal_end_note"
        return t(note, lang, month=month, why=why)


def _fiscal_start(
    args: argparse.Namespace, project: ParameterSet | None, lang: Language
) -> _FiscalStart:
    """``--fiscal-start``, else ``--parameters``' ``fiscal_year_start``, else the language's.

    Without either, the command's language says, as it does a unit without
    ``fiscal_year_start`` (:data:`nps_kit.periods.FISCAL_START`: April in Japanese, January in
    English; the note says which). The units are those reading DATA (every unit when none
    does, a drop folder say); units that start their fiscal years in different months are
    refused: which one is meant?
    """
    from nps_kit.errors import NpsKitError
    from nps_kit.periods import fiscal_named_by, fiscal_start

    if args.fiscal_start is not None:
        month = int(args.fiscal_start)
        return _FiscalStart(month, "option", named_by=fiscal_named_by(lang, month))
    reading = _units_reading(args, project)
    if not reading:
        month = fiscal_start(lang)
        return _FiscalStart(month, "language", named_by=fiscal_named_by(lang, month))
    starts = sorted({(u.fiscal_start, u.fiscal_named_by) for u in reading})
    if len(starts) > 1:
        each = ", ".join(f"{u.unit}: {u.fiscal_start} ({u.fiscal_named_by})" for u in reading)
        if len({month for month, _ in starts}) > 1:
            each = ", ".join(f"{u.unit}: {u.fiscal_start}" for u in reading)
        raise NpsKitError(
            t("score.fiscal_starts_differ", lang, folder=args.parameters, each=each),
            hint=t("score.fiscal_starts_differ_hint", lang),
        )
    month, named_by = starts[0]
    return _FiscalStart(month, "project", args.parameters, named_by)


def _code_table(
    args: argparse.Namespace, index: ColumnIndex, sheet: str | int | None
) -> FoundCodes | None:
    """Find the code table ``score`` reads without ``--parameters``: ``--codes``, or the sheet.

    The one reading ``init --from`` and ``inspect`` share
    (:func:`nps_kit._code_table.found_code_tables`); ``None`` when it labels no column.
    """
    from nps_kit._code_table import found_code_tables

    found = found_code_tables(args.data, index, sheet=sheet, codes=args.codes)
    return found if found is not None and found.value_labels else None


def _language(args: argparse.Namespace, coded: FoundCodes | None) -> Language:
    """Say the code-table notes in --language, the project's language, else the table's."""
    import pandas as pd

    from nps_kit._answer_language import answer_language
    from nps_kit._project_language import project_language

    if args.language is not None:
        return cast("Language", args.language)
    said = project_language(args.parameters if args.parameters is not None else _RUN_PARAMETERS)
    if said is not None:
        return said
    labels = [] if coded is None else [v for t in coded.value_labels.values() for v in t.values()]
    return answer_language([pd.Series(labels, dtype=object)]).language


def _unlabelled_said(data: pd.DataFrame, report: LoadReport, lang: Language) -> str:
    """Say the codes the code table does not label, and the rows holding each, as the report.

    ``""`` when the rows counted hold none.
    """
    from nps_kit._value_labels import rows_with_code
    from nps_kit.i18n import join_names, t
    from nps_kit.load import export_column

    said = []
    for column, codes in zip(report.unlabelled_columns, report.unlabelled_codes, strict=True):
        for code in codes.split("\t"):
            # A multi-select cell's code counts too (``Web;9``: 9); rows left out do not.
            if n := rows_with_code(data[export_column(column)], code):
                said.append(t("quality.unlabelled_code", lang, column=column, code=code, n=n))
    return t("score.unlabelled", lang, codes=join_names(said, lang)) if said else ""


def _project(args: argparse.Namespace) -> ParameterSet | None:
    """Read the parameters folder ``score`` applies (``--parameters``) or says (``./parameters``).

    Read once, for the row rules and the renames alike (FIX83). A ``--parameters`` folder that
    cannot be read is an error (one message, exit 2); ``./parameters`` that cannot be read
    gives ``None`` and nothing is said of it (``run`` says what is wrong with it), as does a
    project without that folder.
    """
    from nps_kit.errors import NpsKitError
    from nps_kit.params import load_all

    if args.parameters is not None:
        return load_all(args.parameters)
    if not _RUN_PARAMETERS.is_dir():
        return None
    try:
        return load_all(_RUN_PARAMETERS)
    except NpsKitError:
        return None


def _row_rules(
    args: argparse.Namespace,
    exclude: tuple[tuple[str, tuple[str, ...]], ...],
    project: ParameterSet | None,
    lang: Language = "en",
) -> tuple[RowRules | None, list[str]]:
    """Find the row rules of the units reading ``args.data``, and the note that says them.

    With ``--parameters`` they are applied when its units agree (the note says which file's);
    without it, those of the folder ``run`` reads (``parameters``) that the options given do
    not already apply are said, not applied. ``project`` is that folder as :func:`_project`
    read it (``None``: none, or one that cannot be read, says nothing here). The note is in
    ``lang``; the rules are named as a parameter file writes them (``dedupe: true``).
    """
    from nps_kit._row_rules import export_row_rules, said_rules

    folder = args.parameters if args.parameters is not None else _RUN_PARAMETERS
    if project is None:
        return None, []
    rules = export_row_rules(project, args.data)
    if rules is None:
        return None, []
    files = join_names((str(folder / name) for name in rules.files), lang)
    listed = t("score.rules_units", lang)  # "; ": a rule may hold commas itself
    if rules.differ:
        none = t("score.rules_none", lang)
        each = listed.join(
            t("score.rules_unit", lang, file=name, rules=join_names(said, lang) or none)
            for name, said in rules.differ
        )
        return rules, [t("score.rules_differ", lang, folder=folder, each=each)]
    if args.parameters is not None:
        said = rules.said
        return rules, [
            t("score.rules_applied", lang, files=files, rules=listed.join(said))
        ] if said else []
    if not rules.options:
        return rules, []
    # Said are the rules the options given do not already apply.
    given = {(column, str(value)) for column, values in exclude for value in values}
    unmet = dict(rules.options)
    keep = args.dedupe_keep or "earliest"
    if args.dedupe == unmet["dedupe"] and unmet.get("dedupe_keep", "earliest") == keep:
        unmet["dedupe"] = False  # --dedupe keeps the answer these rules keep
    unmet["exclude"] = tuple(
        (column, left)
        for column, values in unmet["exclude"]
        if (left := tuple(v for v in values if (column, str(v)) not in given))
    )
    said = said_rules(unmet)
    if not said:
        return rules, []
    return rules, [
        t(
            "score.rules_not_applied",
            lang,
            files=files,
            reads="reads" if len(rules.files) == 1 else "read",
            rules=listed.join(said),
            folder=_RUN_PARAMETERS,
        )
    ]


def _with_rules(
    options: dict[str, Any], rules: dict[str, Any], *, given_keep: bool = False
) -> dict[str, Any]:
    """Return ``score``'s loader options with a unit's row rules (a ``--dedupe`` given wins).

    ``given_keep``: ``--dedupe-keep`` was given, and wins over ``data.dedupe_keep``.
    """
    out = dict(options)
    out["exclude"] = (*options["exclude"], *rules["exclude"])
    out["unfinished"] = rules["unfinished"]
    out["missing_values"] = rules["missing_values"]
    if rules["dedupe"] and not given_keep:
        # Which answer of an id is kept, as run keeps it (FIX83), with a --dedupe given too;
        # a --dedupe-keep given wins, as a --dedupe given does.
        out["dedupe_keep"] = rules["dedupe_keep"]
    if rules["dedupe"] and not options["dedupe"]:
        out["dedupe"] = rules["dedupe"]
        # The id it compares and the time that picks the one kept, as run reads them.
        out["id_column"] = options["id_column"] or rules["id_column"]
        if options["date_column"] is None:
            out |= {k: rules[k] for k in ("date_column", "date_format", "timezone")}
    return out


def _merge_renamed(
    data: pd.DataFrame,
    keys: list[str],
    parameters: ParameterSet,
    export: Path,
    index: ColumnIndex,
) -> tuple[pd.DataFrame, list[EarlierName]]:
    """Count each renamed unit's earlier name under its current one in the ``--by`` columns.

    The renames are those of the units of ``parameters`` (:func:`_project`) that read
    ``export`` (:func:`nps_kit._renames.earlier_names`, the reading ``run``'s check shares).
    Returns the data and the earlier names found.
    """
    from nps_kit._renames import earlier_names, merge_earlier

    names = [n for n in earlier_names(parameters.units.values()) if n.export == export.resolve()]
    out = []

    def column(name: str) -> str | None:
        # None for a unit column this export lacks: no rename of its columns.
        return index.find(name)

    for key in keys:
        data[key], merged = merge_earlier(data[key], [n for n in names if column(n.column) == key])
        out += merged
    return data, out


def _where(name: EarlierName, parameters: Path) -> str:
    return name.source.name if name.source is not None else parameters.name


def _merged_note(name: EarlierName, parameters: Path, lang: Language = "en") -> str:
    old, current = str(name.old), str(name.current[0])
    return t("score.merged", lang, old=old, current=current, file=_where(name, parameters))


# The folder nps-kit run reads by default (its --parameters), where score looks for the row
# rules and renames it was not given (read once, _project).
_RUN_PARAMETERS = Path("parameters")


def _unmerged_note(name: EarlierName, lang: Language = "en") -> str:
    return t(
        "score.unmerged",
        lang,
        old=str(name.old),
        current=str(name.current[0]),
        file=_RUN_PARAMETERS / _where(name, _RUN_PARAMETERS),
        folder=_RUN_PARAMETERS,
    )


def _looks_renamed(
    data: pd.DataFrame, keys: list[str], *, stated: Sequence[object] = (), lang: Language = "en"
) -> list[str]:
    """Say which ``--by`` values look like one unit renamed, as ``init --from`` proposes.

    (:func:`nps_kit._renames.renames`: one value stops as the other starts, one name the
    start of the other.) They are counted as two groups; a stated rename (``--parameters``)
    has been merged before this looks, and one the project's parameters state (``stated``,
    their earlier names) has its own note.
    """
    from nps_kit._renames import chains, renames
    from nps_kit._value_key import one_spelling, value_key

    said = {value_key(old) for old in stated}
    notes = []
    for key in keys:
        found = [
            r
            for r in renames(one_spelling(data[key]), data["nps_date"])
            if value_key(r.old) not in said
        ]
        # A unit renamed twice (A -> B -> C) is one unit whose file lists A and B, not two
        # renames each asking for a file (REVIEW35: the first for B, itself an earlier name).
        notes += [_renamed_note(list(chain), key, lang) for chain in chains(found)]
    return notes


def _renamed_note(chain: list[Rename], key: str, lang: Language = "en") -> str:
    """Say that the values of one chain of renames look like one unit."""
    first, last = chain[0], chain[-1]
    quote = (lambda v: f"「{v}」") if lang == "ja" else repr
    said = {"column": key, "last_old": first.last_old, "first_new": last.first_new}
    if len(chain) == 1:
        return t("score.renamed", lang, old=first.old, new=first.new, **said)
    olds = [quote(r.old) for r in chain]
    return t(
        "score.renamed_chain",
        lang,
        old=first.old,
        new=last.new,
        between=join_names((quote(r.new) for r in chain[:-1]), lang),
        times={2: "twice", 3: "three times"}.get(len(chain), f"{len(chain)} times"),
        renames=len(chain),
        groups=len(chain) + 1,
        olds=join_names(olds, lang) if lang == "ja" else f"{', '.join(olds[:-1])} and {olds[-1]}",
        **said,
    )


def exclude_option(text: str, *, lang: Language = "en") -> tuple[str, str]:
    """Read a value of ``nps-kit score --exclude``: ``COLUMN=VALUE``, refused in ``lang``.

    Raises
    ------
    argparse.ArgumentTypeError
        When there is no ``=`` or nothing on either side of it.
    """
    column, equals, value = text.partition("=")
    if not equals or not column.strip() or not value.strip():
        raise argparse.ArgumentTypeError(t("usage.score.exclude", lang, text=text))
    return column.strip(), value.strip()


def _exclusions(
    given: list[tuple[str, str]], index: ColumnIndex, lang: Language = "en"
) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """``--exclude`` pairs as the loader's ``exclude``: one entry per column, resolved."""
    by_column: dict[str, list[str]] = {}
    for column, value in given:
        by_column.setdefault(index.resolve(column, option="--exclude", lang=lang), []).append(value)
    return tuple((column, tuple(values)) for column, values in by_column.items())


def _number(value: Any) -> Any:
    """JSON number: ints for whole counts, ``None`` for NaN/NA."""
    if value is None:
        return None
    try:
        f = float(value)
    except (TypeError, ValueError):
        return None
    if math.isnan(f):
        return None
    return int(f) if f.is_integer() and abs(f) < 2**53 else round(f, 6)


def _key(value: Any) -> Any:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    try:
        import pandas as pd

        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    return value.item() if hasattr(value, "item") else value


def _as_json(
    overall: dict[str, Any], groups: Any, keys: list[str], excluded: dict[str, int]
) -> dict[str, Any]:
    out: dict[str, Any] = {
        "overall": {k: _number(overall[k]) for k in STATS_KEYS},
        "groups": [],
        "excluded": excluded,
    }
    if groups is not None:
        for row in groups.to_dict("records"):
            group: Any = _key(row[keys[0]]) if len(keys) == 1 else {k: _key(row[k]) for k in keys}
            flags = {  # why a group's figures are blank: too few of its own, or the total's
                k: bool(row[k]) for k in ("suppressed", "complementary", "told") if k in row
            }
            out["groups"].append(
                {"group": group, **{k: _number(row[k]) for k in STATS_KEYS}, **flags}
            )
    return out


def _print_csv(overall: dict[str, Any], groups: Any, keys: list[str]) -> None:
    import pandas as pd

    if groups is None:
        frame = pd.DataFrame([{k: overall[k] for k in overall if k != "level"}])
    else:
        frame = groups.copy()
    # Counts are floats (weighted sums); write whole ones as integers and never in scientific
    # notation, which a fixed number of significant digits would do from 10,000 on.
    for name in frame.columns:
        column = frame[name]
        if pd.api.types.is_float_dtype(column.dtype):
            values = column.dropna()
            if (values == values.round()).all():
                frame[name] = column.astype("Int64")
            else:
                frame[name] = column.round(4)
    frame.to_csv(sys.stdout, index=False, lineterminator="\n")


def _fmt(value: Any, digits: int = 1) -> str:
    v = _number(value)
    if v is None:
        return "—"
    if isinstance(v, int):
        return str(v)
    return f"{v:.{digits}f}"


def _print_table(
    overall: dict[str, Any],
    groups: Any,
    keys: list[str],
    excluded: dict[str, int],
    *,
    level: float,
    lang: Language = "en",
    period: bool = False,
    fiscal: str | None = None,
) -> None:
    # The column names an English table has always had; a Japanese one in the report's words.
    segments = ("promoters", "passives", "detractors")
    if lang == "ja":
        names = [label(name[:-1], lang) for name in segments]
        ci = interval_label(level, lang)
    else:
        names, ci = list(segments), f"{round(level * 100)}% CI"
    groups_word = t("score.col.group", lang)
    # The period column --period adds is the command's, named in its language.
    shown = [t("score.col.period", lang) if k == "period" and period else k for k in keys]
    header = [*(shown or [groups_word]), "n", *names, "NPS", ci, t("score.col.note", lang)]
    rows = [_table_row([t("score.all", lang)] + [""] * (max(len(keys), 1) - 1), overall, lang)]
    if groups is not None:
        for rec in groups.to_dict("records"):
            labels = [
                t("score.missing", lang)
                if _key(rec[k]) is None
                else fiscal_label_text(str(rec[k]), lang)
                if k == "period" and period
                else str(rec[k])
                for k in keys
            ]
            rows.append(_table_row(labels, rec, lang))
    widths = [max(display_width(r[i]) for r in [header, *rows]) for i in range(len(header))]
    n_keys = max(len(keys), 1)
    for r in [header, *rows]:
        cells = [pad(c, widths[i], right=n_keys <= i < len(header) - 1) for i, c in enumerate(r)]
        print("  ".join(cells).rstrip())
    footer = t("score.excluded", lang, missing=excluded["missing"], invalid=excluded["invalid"])
    if excluded.get("unreadable_dates"):
        footer += t("score.excluded_dates", lang, n=excluded["unreadable_dates"])
    if excluded.get("undated"):
        footer += t("score.excluded_undated", lang, n=excluded["undated"])
    print(footer)
    if fiscal is not None:  # which month FY2026 starts in (an English table's is January)
        print(fiscal)


def _table_row(labels: list[str], rec: dict[str, Any], lang: Language = "en") -> list[str]:
    low, high = _number(rec["ci_low"]), _number(rec["ci_high"])
    if lang == "ja":
        # As the Japanese report writes an NPS (its sign; an ASCII minus on a console).
        def shown(value: Any) -> str:
            return nps_text(float(value), ascii_minus=True)
    else:

        def shown(value: Any) -> str:
            return f"{float(value):.1f}"

    ci = "—" if low is None or high is None else join_interval(shown(low), shown(high), lang)
    note = ""
    if _number(rec["n"]) == 0:
        note = t("score.note.no_valid", lang)
    elif rec.get("told"):
        note = t("score.note.told", lang)
    elif rec.get("complementary"):
        note = t("score.note.complementary", lang)
    elif rec.get("suppressed"):
        note = t("score.note.suppressed", lang)
    elif rec.get("small_sample"):
        note = t("score.note.small_sample", lang)
    return [
        *labels,
        _fmt(rec["n"]),
        _fmt(rec["promoters"]),
        _fmt(rec["passives"]),
        _fmt(rec["detractors"]),
        "—" if _number(rec["nps"]) is None else shown(rec["nps"]),
        ci,
        note,
    ]
