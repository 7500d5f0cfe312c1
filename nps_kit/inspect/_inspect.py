"""Read an export and describe every column (:func:`inspect_export`)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np

from nps_kit._code_table import found_code_tables
from nps_kit._column_detail import Detail
from nps_kit._grouped_report import ungrouped_sentence
from nps_kit._id_repeats import same_response_repeats
from nps_kit._response_meta import (
    numeric_values,
)
from nps_kit._test_rows import TestRows, month_rows, test_rows
from nps_kit._values import (
    missing_words,
    parse_date_values,
    parse_scores,
    scale_split,
)
from nps_kit.clock import order_evidence_words
from nps_kit.errors import DataError
from nps_kit.i18n import Language, t
from nps_kit.inspect._answers import _answers, _lone_mark_out_of_ten, _one_scale_per_block
from nps_kit.inspect._classify import _classify
from nps_kit.inspect._facts import _TYPED_KINDS, ColumnInfo, Inspection
from nps_kit.inspect._pick import (
    _date_rank,
    _epoch_column,
    _group_check,
    _language,
    _nps_column,
    _undated_note,
    _worded_scores,
)
from nps_kit.inspect._words import (
    _coded_scores,
    _group_sample,
    _groups,
    _headings,
    _repeats_note,
    _sample,
    _values_as_names,
)
from nps_kit.load import (
    ColumnIndex,
    export_column,
    load_responses,
    read_column_index,
)
from nps_kit.ordinal import labelled_scale


def inspect_export(
    path: str | Path,
    *,
    sheet: str | int | None = None,
    encoding: str | None = None,
    date_format: str | None = None,
    missing_values: tuple[str, ...] = (),
    codes: str | Path | None = None,
    lang: Language = "en",
    index: ColumnIndex | None = None,
) -> Inspection:
    """Describe a survey export: the file and every column.

    Parameters
    ----------
    path
        Any file :func:`nps_kit.load.load_responses` reads.
    sheet, encoding
        XLSX sheet and CSV encoding, detected when ``None``.
    date_format
        ``"month-first"``, ``"day-first"`` or a ``strftime`` pattern for dates that read both
        ways.
    missing_values
        More cell texts that mean "no answer".
    codes
        A code table of its own (CSV or XLSX, ``--codes``); ``None`` reads the workbook's
        code-table sheet, if any (:func:`nps_kit._code_table.found_code_tables`).
    lang
        The language of the notes (``nps-kit inspect --language``; MSG41), those other modules
        word too (a rating block's scale, a staff test, a code table, ...: MSG42). Still
        English: a date column that reads only the other order (the loader's refusal), and
        the Qualtrics button names quoted. ``init`` asks for English (its comments have their
        own words).
    index
        The export's columns when already read (:func:`nps_kit.load.read_column_index` with
        the same ``sheet`` and ``encoding``): ``nps-kit inspect`` reads them first to choose
        its language by the headers (LEFT45B).

    Returns
    -------
    Inspection
        File facts, one :class:`ColumnInfo` per column, the likely NPS column and notes.

    Raises
    ------
    DataError
        When the file (or ``codes``) cannot be read.
    """
    path = Path(path)
    if index is None:
        index = read_column_index(path, sheet=sheet, encoding=encoding)
    if not index.columns:
        raise DataError(f"{path} has no columns.", hint="Export the survey again.", path=path)
    # A code table in the workbook (コード表): its columns are read as labels (CODES40).
    coded = found_code_tables(path, index, sheet=sheet, codes=codes)
    loaded = load_responses(
        path,
        score_column=index.columns[0],
        sheet=sheet,
        encoding=encoding,
        check_score=False,
        value_labels=coded.value_labels if coded else None,
    )
    # The export's own columns, those named like the loader's (nps_score) included.
    frame = loaded.data[[export_column(c) for c in index.columns]].set_axis(index.columns, axis=1)
    report = loaded.report
    missing = missing_words(missing_values)
    said_none = missing_words(missing_values, typed=False)
    infos: list[ColumnInfo] = []
    date_notes: list[str] = []
    contradicted: dict[str, str] = {}  # date column → the only order its dates read in
    who: set[str] = set()  # ids that name who answered and repeat by design (account_id)
    for name in index.columns:
        values = frame[name]
        answers = _answers(values)
        kind, detail, scale, sep = _classify(
            name,
            values,
            answers,
            question=index.questions.get(name),
            source=report.source,
            date_format=date_format,
            date_notes=date_notes,
            contradicted=contradicted,
            who=who,
            columnar=report.format == "parquet",
            separator=index.separators.get(name),
            other_box=name in index.other_boxes,
            open_ended=name in index.open_ended,
            lang=lang,
        )
        labelled = labelled_scale(answers.values) if kind == "rating" else None
        words = missing if kind in _TYPED_KINDS else said_none
        said_missing = answers.values.str.casefold().isin(words).to_numpy()
        blanks = len(values) - answers.n + int(answers.counts[said_missing].sum())
        groups = _groups(answers) if kind == "categorical" else None
        sample, variants = _group_sample(groups) if groups else (_sample(answers), ())
        infos.append(
            ColumnInfo(
                column=name,
                qid=index.import_ids.get(name),
                question=index.questions.get(name),
                kind=kind,
                detail=detail,
                distinct=len(answers.values) if groups is None else len(groups),
                blanks=blanks,
                sample=sample,
                variants=variants if any(variants) else (),
                scale=scale,
                separator=sep,
                codes=()
                if labelled is None
                else tuple((labelled.points[a], a) for a in labelled.levels),
                contradicted=contradicted.get(name),
                repeats_by_design=name in who,
            )
        )
    notes: list[str] = list(date_notes)
    if coded is not None:
        notes.append(coded.note_in(lang))
    infos = _one_scale_per_block(infos, notes, lang)
    nps_col = _nps_column(infos)
    if nps_col is None:
        infos, nps_col = _lone_mark_out_of_ten(infos, notes)
    if report.title_rows:
        # QA21: the title read as the header named every column 'Unnamed: N'.
        notes.append(
            t(
                "inspect.title_rows", lang, n=report.title_rows, title=report.title,
                row=report.title_rows + 1,
            )
        )  # fmt: skip
    if report.source == "generic" and report.header_rows_skipped == 1 and index.questions:
        # FIX88: LimeSurvey's question codes over a row of the questions' texts.
        first = report.title_rows + 1
        notes.append(
            t("inspect.code_header", lang, first=first, second=first + 1, answers=first + 2)
        )
    elif report.source == "generic" and report.header_rows_skipped == 1:
        # QA26 #3: a heading merged over several questions (設問) with the questions below it.
        first = report.title_rows + 1
        notes.append(
            t("inspect.merged_header", lang, first=first, second=first + 1, answers=first + 2)
            + _headings(index.groups)
        )
    notes += report.left_out(lang)  # QA23: 12 previews gone without a word
    # A staff test (名前 テスト, QA30 F7): said, and init proposes the data.exclude for it.
    tests = test_rows(
        frame,
        [c.column for c in infos if c.kind in ("name", "text")],
        loaded.data["nps_row"].tolist(),
    )
    if tests is not None:
        notes.append(tests.note(lang))
    if not any(c.kind == "consent" for c in infos):
        # A CRM's e-mail on every row is its record, not a request to be called (QA30 F9).
        from nps_kit.closed_loop import record_columns, record_note

        reach = [c.column for c in infos if c.kind in ("email", "phone")]
        recorded = record_note(record_columns(frame, reach), language=lang)
        if recorded is not None:
            notes.append(recorded + ("。" if lang == "ja" else "."))
    if report.source == "qualtrics" and "Status" in frame and numeric_values(frame["Status"]):
        # FIX31: the previews are left out of such an export too, but its choices are codes.
        notes.append(t("inspect.qualtrics_codes", lang))
    if report.format != "parquet":
        notes += _values_as_names(index.columns, lang)
    if report.grouped_by is None:
        notes += [s for s in [ungrouped_sentence(frame, lang)] if s is not None]
    if nps_col is None:
        notes.append(t("inspect.no_score_note", lang))
        notes += _coded_scores(infos, frame, lang)
    else:
        chosen = next(c for c in infos if c.column == nps_col)
        if chosen.kind == "scale":
            notes.append(t("inspect.no_zero", lang, column=nps_col))
        else:
            # The same rule on one value's rows (QA29 F6: a survey version asked 1–10).
            split = scale_split(
                parse_scores(frame[nps_col], missing_values=missing_values).score,
                frame,
                skip=(nps_col,),
            )
            if split is not None:
                notes.append(split.note(nps_col, lang))
        notes += _group_check(frame, nps_col, infos, lang)
        notes += _worded_scores(frame[nps_col], missing_values, lang, column=nps_col)
    dates = [c for c in infos if c.kind == "date"]
    if not dates:
        # A column of epoch times named ts, created or t (no "when" in its header) is the
        # date when no other column is one: every value a whole second or millisecond from
        # 2000 to now is no id or count by chance (FIX69).
        epoch = _epoch_column(frame, infos, skip=nps_col, lang=lang)
        if epoch is not None:
            k, taken = epoch
            infos[k] = replace(infos[k], kind="date", detail=Detail("epoch"))
            notes.append(taken)
            date_notes.append(taken)  # init writes it beside columns.date
            dates = [infos[k]]
    dates.sort(key=lambda info: _date_rank(info, report.source))
    date_col = dates[0].column if dates else None
    date_min = date_max = None
    month_alone: TestRows | None = None  # a month far from the others (FIX71)
    order_evidence: str | None = None
    if date_col is not None:
        if "ambiguous" in dates[0].detail:
            notes.append(t("inspect.dates_ambiguous", lang, column=date_col))
        elif dates[0].contradicted is not None:
            pass  # the note says which order the dates read in; the other reads no range
        else:
            read = parse_date_values(frame[date_col], date_format=date_format, source=report.source)
            order_evidence = read.order_evidence
            if read.order_evidence is not None:
                other = "day-first" if read.order == "month-first" else "month-first"
                notes.append(
                    t(
                        "inspect.dates_read_as", lang, column=date_col, order=read.order,
                        evidence=order_evidence_words(read.order_evidence, lang), other=other,
                    )
                )  # fmt: skip
            parsed = read.dates.dropna()
            if len(parsed):
                date_min, date_max = parsed.min(), parsed.max()
            ids = [c.column for c in infos if c.kind == "id" and frame[c.column].is_unique]
            alone = month_rows(
                frame,
                read.dates,
                loaded.data["nps_row"].tolist(),
                id_column=ids[0] if ids else None,
                date_column=date_col,
            )
            if alone is not None and not (tests is not None and set(alone.rows) <= set(tests.rows)):
                month_alone = alone
                notes.append(alone.note(lang))
    if index.suggested_encoding is not None:
        # QA18: cp932 read as latin-1 was told to set fix_text, which cannot repair it.
        notes.insert(
            0, t("inspect.wrong_encoding", lang, found=index.suggested_encoding, given=encoding)
        )
    elif report.mojibake_cells:
        notes.append(t("inspect.mojibake", lang, n=f"{report.mojibake_cells:,}"))
    skip = (date_col,) if date_col is not None else ()
    for k, info in enumerate(infos):
        if info.kind != "id" or info.repeats_by_design or info.detail == "unique":
            continue
        count, exact = same_response_repeats(frame, info.column, skip=skip)
        # Codes and tokens (SM-260005, R_3kX9) that repeat only as the same response exported
        # again are said too (QA31 F5); a code repeated in rows that differ is who answered
        # (a patient seen twice: Custom Data 1), ranked after the response ids as before.
        if info.detail.startswith("nearly unique") or (count and exact == count):
            note = _repeats_note(frame, info, skip=skip, lang=lang)
            if note:
                notes.append(note)
                infos[k] = replace(info, note=note, repeats_differ=count - exact)
    if report.duplicate_rows:
        notes.append(t("inspect.duplicate_rows", lang, n=f"{report.duplicate_rows:,}"))
    chance = None
    if date_col is not None:
        # Found here, once the date column is known (the export was read without one).
        from nps_kit._resubmit import per_submission, resubmission_note
        from nps_kit.load import judged_resubmitted_rows

        again, chance = judged_resubmitted_rows(frame, date_col, date_format=date_format)
        found = np.flatnonzero(again != np.arange(len(frame)))
        if len(found):
            rows = loaded.data["nps_row"].to_numpy()
            report = replace(report, resubmission_of=tuple(int(r) for r in rows[again[found]]))
            fresh = per_submission(frame, skip=(date_col,))
            notes.append(resubmission_note(len(found), ignored=fresh, lang=lang))
    if date_col is not None and nps_col is not None:
        # Scored but in no period (QA35 O2: LimeSurvey's incomplete responses, no submitdate).
        note = _undated_note(frame, nps_col, date_col, date_format, report, missing_values, lang)
        if note is not None:
            notes.append(note)
    spoken = _language(frame, infos)
    return Inspection(
        load=report,
        columns=tuple(infos),
        nps_column=nps_col,
        notes=tuple(notes),
        date_column=date_col,
        date_min=date_min,
        date_max=date_max,
        language=spoken.language,
        index=index,
        data=frame,
        spoken=spoken,
        date_notes=tuple(date_notes),
        date_order_evidence=order_evidence,
        test_rows=tests,
        month_rows=month_alone,
        resubmission_chance=chance,
        code_tables=coded,
    )
