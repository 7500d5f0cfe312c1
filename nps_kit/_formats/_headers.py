"""Which survey tool wrote the header rows, the column names, and multi-select questions."""

from __future__ import annotations

import re
from typing import Any, Final

from nps_kit._consent import asks_about_contact
from nps_kit._formats._layout import (
    _MONKEY_IDS,
    _MONKEY_SUBS,
    _NUMBER,
    _OPTION_SEPARATORS,
    _OTHER_BOX,
    _TIMESTAMP_HEADERS,
    MultiSelect,
    Source,
)


def _detect_source(rows: list[list[str]]) -> tuple[Source, int]:
    """Return which tool wrote the header rows and how many header rows there are."""
    first = rows[0] if rows else []
    second = rows[1] if len(rows) > 1 else []
    third = rows[2] if len(rows) > 2 else []
    filled = [c for c in third if c]
    if filled and sum(c.startswith('{"ImportId"') for c in filled) * 2 >= len(filled):
        return "qualtrics", 3
    # Older Qualtrics exports (and some XLSX exports) have the question-text row but no ImportId.
    if "StartDate" in first and first.index("StartDate") < len(second):
        if second[first.index("StartDate")] == "Start Date":
            return "qualtrics", 2
    if any(c in _MONKEY_SUBS for c in second) and (_MONKEY_IDS & set(first) or "" in first):
        return "surveymonkey", 2
    if _limesurvey_texts(first, second):
        return "generic", 2
    if _grouped_names(first, second) is not None:
        return "generic", 2
    if first and first[0] in _TIMESTAMP_HEADERS:
        return "google_forms", 1
    return "generic", 1


#: LimeSurvey's own fields by code (first header row) over their texts (a second one).
_LIMESURVEY_TEXTS: Final = (("id", "Response ID"), ("submitdate", "Date submitted"))


def _limesurvey_texts(first: list[str], second: list[str]) -> bool:
    """Whether a LimeSurvey export's question codes head a row of the questions' texts (FIX88).

    An export by question code, with the texts pasted in or exported as a second heading row
    under them: ``Response ID`` under ``id`` and ``Date submitted`` under ``submitdate``.
    Read as one header row, the texts were a response (its score invalid) and the rating
    sub-questions were labelled ``SQ001``.
    """
    cells = dict(zip(first, second, strict=False))
    return all(cells.get(code, "").strip() == text for code, text in _LIMESURVEY_TEXTS)


def _names(raw: list[str]) -> list[str]:
    """Strip header cells; name blank ones and number repeats the way pandas does."""
    seen: dict[str, int] = {}
    out = []
    for i, cell in enumerate(raw):
        name = cell.strip() or f"Unnamed: {i}"
        count = seen.get(name, 0)
        seen[name] = count + 1
        out.append(name if count == 0 else f"{name}.{count}")
    return out


def _owners(questions: list[str]) -> list[str]:
    """Return each column's cell of the first header row, a merged cell's text in every column.

    A cell merged across several columns (SurveyMonkey's multi-column question, a sheet's group
    heading 設問 over four questions) holds its text in its first column only.
    """
    owners: list[str] = []
    current = ""
    for question in questions:
        current = question or current
        owners.append(current)
    return owners


def _grouped_names(first: list[str], second: list[str]) -> list[str] | None:
    """Return the column names of a two-row header under merged group cells, else ``None``.

    QA26: a hospital's XLSX put 設問 merged over four questions in row 2 and the questions in
    row 3, the other headers merged down over both rows. Read as one header row, the questions
    were 設問 and ``Unnamed: 4``…, and the row of questions a response. The shape is exact: the
    second row is filled under every group (a cell and the blank cells after it) and blank
    under every other column, which no row of answers is. A column under a group is named by
    its second-row cell (what it asks), every other column by its first-row cell.
    """
    width = max(
        (i + 1 for row in (first, second) for i, c in enumerate(row) if c.strip()), default=0
    )
    top = [c.strip() for c in first[:width]] + [""] * (width - len(first[:width]))
    below = [c.strip() for c in second[:width]] + [""] * (width - len(second[:width]))
    if not top or not top[0]:
        return None
    owners = _owners(top)
    sizes = {q: owners.count(q) for q in set(owners)}
    first_at = {q: owners.index(q) for q in sizes}
    # A group's heading is merged (written once, blank after it) or, as Alchemer writes a
    # matrix (QA34), repeated in each of its columns: either way its columns are side by side.
    grouped = [
        sizes[q] >= 2 and owners[first_at[q] : first_at[q] + sizes[q]] == [q] * sizes[q]
        for q in owners
    ]
    if not any(grouped) or any(bool(b) != g for b, g in zip(below, grouped, strict=True)):
        return None
    if any(_NUMBER.fullmatch(b) for b in below if b):
        return None  # answers, not questions
    return _names([b if g else t for t, b, g in zip(top, below, grouped, strict=True)])


def _group_headings(names: list[str], first: list[str], second: list[str]) -> dict[str, str]:
    """Return each column named by the second row of a grouped header → its merged heading.

    FIX49: the heading (設問, or 満足度 over 待ち時間 / 会計) was dropped; inspect names it, so
    a reader sees what the short names below it belong to.
    """
    width = len(names)
    top = _owners([c.strip() for c in first[:width]] + [""] * (width - len(first[:width])))
    below = [c.strip() for c in second[:width]] + [""] * (width - len(second[:width]))
    return {n: t for n, t, b in zip(names, top, below, strict=True) if b and t}


def _monkey_names(questions: list[str], subs: list[str]) -> list[str]:
    """Merge SurveyMonkey's question row and sub-answer row into one usable name per column.

    The question cell is merged across a multi-column question (blank after its first column);
    single-column questions keep the question text alone, others become ``question - answer``.
    """
    width = max(len(questions), len(subs))
    questions = [q.strip() for q in questions] + [""] * (width - len(questions))
    subs = [s.strip() for s in subs] + [""] * (width - len(subs))
    owners = _owners(questions)
    sizes = {q: owners.count(q) for q in set(owners)}
    names = []
    for question, sub in zip(owners, subs, strict=True):
        if not question:
            names.append(sub)
        elif not sub or (sizes[question] == 1 and sub in _MONKEY_SUBS):
            names.append(question)
        else:
            names.append(f"{question} - {sub}")
    return _names(names)


def _cell_text(value: Any) -> str:
    """Return a cell as stripped text: blank for none, ``2`` for ``2.0``."""
    if value is None or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _monkey_multi(
    questions: list[str], subs: list[str], names: list[str], data: list[list[str]]
) -> list[MultiSelect]:
    """Find SurveyMonkey's multi-select questions among its multi-column questions.

    A multi-select's cell holds its column's option when chosen and is blank otherwise; a
    matrix row's holds an answer on the scale. So a question of two or more columns is a
    multi-select when, in the sample ``data``, every cell of every option column is blank or
    its option, and some option was chosen. Its last column may be the "Other (please
    specify)" box (free text, or a header that says so), which is kept as its own column.
    """
    width = len(names)
    questions = [q.strip() for q in questions] + [""] * (width - len(questions))
    subs = [s.strip() for s in subs] + [""] * (width - len(subs))
    groups: list[list[int]] = []
    for i, question in enumerate(questions):
        if question:
            groups.append([i])
        elif groups and i > 0:
            groups[-1].append(i)
    found = []
    for group in groups:
        if len(group) < 2 or any(not subs[i] or subs[i] in _MONKEY_SUBS for i in group):
            continue
        values = {i: {_cell_text(row[i]) if i < len(row) else "" for row in data} - {""}
                  for i in group}  # fmt: skip
        fits = {i: values[i] <= {subs[i]} for i in group}
        last = group[-1]
        other = last if _OTHER_BOX.search(subs[last]) or not fits[last] else None
        options = [i for i in group if i != other]
        if not options or not all(fits[i] for i in options):
            continue
        if not any(values[i] for i in options):
            continue  # nothing chosen in the sample: no evidence either way
        labels = [subs[i] for i in options]
        other_label = None
        if other is not None:
            # "Other (please specify)" counts as the option "Other".
            other_label = re.sub(r"\s*[(（][^()（）]*[)）]\s*$", "", subs[other]) or subs[other]
            labels.append(other_label)
        separator = next(
            (f[0] for f in _OPTION_SEPARATORS if not any(c in x for x in labels for c in f)),
            _OPTION_SEPARATORS[0][0],
        )
        found.append(
            MultiSelect(
                column=questions[group[0]],
                options=tuple(names[i] for i in options),
                other=None if other is None else names[other],
                other_label=other_label,
                separator=separator,
            )
        )
    return found


#: Where a one-hot column's header ends its question and starts its option
#: (``Ｑ３＿予約経路＿じゃらん``, ``Q3_channel_web``, ``Channel - Web``, ``経路：電話``).
_ONE_HOT_SPLIT: Final = re.compile(r"^(.+?)\s*(?:[_＿:：]|\s-\s)\s*([^_＿:：]+)$")
_ONE_HOT_CELLS: Final = frozenset({"0", "1", ""})
#: A shared head that is a flag's predicate, not a question (``is_member``, ``is_vip``,
#: ``has_app``): each such column is its own yes/no question (REVIEW37: ``is_member`` and
#: ``is_vip`` were one multi-select ``is``, and ``--by is_member`` found no column).
_FLAG_HEADS: Final = frozenset(
    {"is", "has", "have", "had", "was", "were", "did", "does", "can", "uses", "wants", "needs"}
)


def _one_hot_multi(names: list[str], data: list[list[str]]) -> list[MultiSelect]:
    """Find the multi-select questions written one-hot: a 0/1 column per option (QA36).

    A data-entry vendor or a warehouse writes "choose all that apply" as
    ``Ｑ３＿予約経路＿公式サイト``, ``Ｑ３＿予約経路＿じゃらん`` … holding 1 where chosen and 0
    where not. Read column by column, each was a breakdown of "0" and "1". Two or more
    neighbouring columns whose headers share the question before the last ``_`` (``＿``,
    ``:``, `` - ``) and whose sample cells are all 0, 1 or blank, with a 1 among them, are one
    multi-select question named by the shared part, each option by the rest of its header.
    A shared part that is a flag's predicate (``is_member``, ``is_vip``) names no question, and
    columns asking for consent to contact (``consent_email``, ``consent_phone``) are each one.
    """
    found: list[MultiSelect] = []
    k = 0
    while k < len(names):
        head = _ONE_HOT_SPLIT.match(names[k])
        end = k + 1
        if head is not None and head[1].strip().casefold() in _FLAG_HEADS:
            head = None
        if head is not None:
            while end < len(names):
                other = _ONE_HOT_SPLIT.match(names[end])
                if other is None or other[1] != head[1]:
                    break
                end += 1
        group = list(range(k, end))
        if any(asks_about_contact(names[i]) for i in group):
            # consent_email, consent_phone: each a consent question (REVIEW37: merged into one
            # 'consent', init found no columns.contact and a project's consent_email vanished).
            k = end
            continue
        cells = {_cell_text(row[i]) if i < len(row) else "" for row in data for i in group}
        if head is not None and len(group) >= 2 and cells <= _ONE_HOT_CELLS and "1" in cells:
            labels = tuple(_ONE_HOT_SPLIT.match(names[i])[2] for i in group)  # type: ignore[index]
            separator = next(
                (f[0] for f in _OPTION_SEPARATORS if not any(c in x for x in labels for c in f)),
                _OPTION_SEPARATORS[0][0],
            )
            found.append(
                MultiSelect(
                    column=head[1],
                    options=tuple(names[i] for i in group),
                    other=None,
                    other_label=None,
                    separator=separator,
                    labels=labels,
                )
            )
        k = end
    return found


def _merge_multi(
    file_columns: list[str], multi: list[MultiSelect]
) -> tuple[list[str], list[MultiSelect]]:
    """Return the frame's columns, each multi-select's option columns one where the first was.

    A question may be named like another column: the names are numbered as repeats are, and
    the multi-selects returned carry the name their column got.
    """
    first = {m.options[0]: i for i, m in enumerate(multi)}
    dropped = {c for m in multi for c in m.options[1:]}
    kept = [c for c in file_columns if c not in dropped]
    columns = _names([multi[first[c]].column if c in first else c for c in kept])
    named = {kept[k]: columns[k] for k in range(len(kept))}
    return columns, [MultiSelect(**{**m.__dict__, "column": named[m.options[0]]}) for m in multi]


def _title_rows(rows: list[list[str]]) -> int:
    """Count the rows above the header that are a title: one cell filled or none (QA21).

    A survey SaaS or an Excel report often puts 「…アンケート 回答一覧（…）」 above the table.
    Read as the header, it named every column ``Unnamed: N`` and counted the header as a
    response. A row of one filled cell is a title only when a row of several names follows it
    within the first rows (a one-column table has one cell in every row).
    """
    for k, row in enumerate(rows[: _MAX_TITLE_ROWS + 1]):
        filled = sum(1 for c in row if c.strip())
        if filled >= 2:
            return k
    return 0


#: At most this many title (or blank) rows above a header are looked through: a Salesforce
#: formatted report puts its title, the firm, "Filtered By:" and one line per filter and a blank
#: row there (QA36: 6 rows, more with more filters).
_MAX_TITLE_ROWS: Final = 12
