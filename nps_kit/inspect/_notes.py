"""What an inspection tells the analyst beside its table: other sheets, coded scores, no score."""

from __future__ import annotations

from nps_kit.errors import DataError
from nps_kit.i18n import Language, join_names, t
from nps_kit.inspect._facts import Inspection
from nps_kit.inspect._inspect import inspect_export
from nps_kit.inspect._words import _coded_scores


def other_sheets(found: Inspection, lang: Language = "en") -> str | None:
    """Name a workbook's sheets and which of the others holds a 0–10 score column.

    A company's survey workbook often opens with a cover sheet (表紙: title, period, notes)
    and has the answers on the next one: read as the data, the cover has no score.

    Parameters
    ----------
    found
        An inspection of one sheet (whose ``nps_column`` is usually ``None``).
    lang
        The language of the sentence (MSG42: ``inspect`` in a Japanese project).

    Returns
    -------
    str or None
        ``sheets: '表紙' (read), '回答データ' (a 0–10 score column: '推奨度'). Pass --sheet
        '回答データ'.``; ``None`` for a file that is not a workbook of several sheets.
    """
    import openpyxl

    report = found.load
    if report.format != "xlsx":
        return None
    workbook = openpyxl.load_workbook(report.path, read_only=True)
    try:
        names = list(workbook.sheetnames)
    finally:
        workbook.close()
    if len(names) < 2:
        return None
    described = []
    scored = []
    for name in names:
        if name == report.sheet:
            described.append(t("inspect.sheet_read", lang, name=name))
            continue
        try:
            other = inspect_export(report.path, sheet=name)
        except DataError:
            described.append(t("inspect.sheet_not_table", lang, name=name))
            continue
        if other.nps_column is None:
            described.append(t("inspect.sheet_no_score", lang, name=name))
        else:
            described.append(t("inspect.sheet_score", lang, name=name, column=other.nps_column))
            scored.append(name)
    advice = (
        t("inspect.sheets_pass", lang, name=scored[0]) if scored else t("inspect.sheets_none", lang)
    )
    return t("inspect.sheets", lang, described=join_names(described, lang), advice=advice)


def coded_scores(found: Inspection, lang: Language = "en") -> str:
    """Return the sentences of :func:`nps_kit._answer_codes.score_codes_sentence`."""
    space = "" if lang == "ja" else " "  # a Japanese sentence follows 。 without one
    return "".join(space + s for s in _coded_scores(found.columns, found.data, lang))


def no_score_error(found: Inspection, lang: Language = "en") -> DataError:
    """Say that an export has no 0–10 column: what each column holds, what a score looks like.

    Parameters
    ----------
    found
        An inspection whose ``nps_column`` is ``None``.
    lang
        The language it is said in (``nps-kit inspect --language``; MSG41), the answer codes
        and the other sheets too (MSG42); a long table's sentence stays English.

    Returns
    -------
    DataError
        The message (the file, every column with its kind, what was expected) and what to do;
        for a file with no answers at all, that it has no responses yet. A workbook of several
        sheets is named sheet by sheet, with the one that has the score (:func:`other_sheets`).
    """
    path = found.load.path
    sheets = other_sheets(found, lang)
    if sheets is not None:
        return DataError(
            t(
                "inspect.no_score_sheet", lang, sheet=found.load.sheet, file=path.name,
                columns=found.listing(lang), sheets=sheets, codes=coded_scores(found, lang),
            ),
            hint=t("inspect.no_score_sheet_hint", lang),
            path=path,
        )  # fmt: skip
    if all(c.kind == "empty" for c in found.columns):
        # Headers and no answers: a survey exported before anyone responded is not a price list.
        columns = t("run.rows.and", lang).join(
            t("run.rows.value", lang, value=c.column) for c in found.columns
        )
        return DataError(
            t("inspect.no_responses", lang, file=path.name, columns=columns),
            hint=t("inspect.no_responses_hint", lang),
            path=path,
        )
    return DataError(
        t(
            "inspect.no_score", lang, file=path.name, columns=found.listing(lang),
            codes=coded_scores(found, lang),
        ),
        hint=t("inspect.no_score_hint", lang),
        path=path,
    )  # fmt: skip
