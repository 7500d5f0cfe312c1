"""What ``nps-kit run`` says, in the run's language.

Progress lines, stale exports, contact and cache warnings said once, playbook notes, a refused
unit's line and its closing sentence, and the end-of-run table (:func:`summary_table`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from nps_kit._id_repeats import cached_id_warning
from nps_kit._width import display_width, pad
from nps_kit.errors import ConfigError, NpsKitError
from nps_kit.i18n import Language, join_names, nps_text, t
from nps_kit.params import UnitParameters
from nps_kit.summary import report_floor, under_floor

if TYPE_CHECKING:
    from nps_kit.cache import ExportCache
    from nps_kit.run._results import RunResult, UnitResult


def stale_exports(
    resolved: Sequence[tuple[UnitParameters, str]], *, period: str | None
) -> list[str]:
    """Return a ``warning:`` per export whose ``latest`` month is before the last ended month.

    ``latest`` is the latest complete month *with data*: an export without the month that just
    ended (a late warehouse load) makes a scheduled run report the month before, every unit
    ``ok``. Said once per export, naming both months and the units concerned; the exit status
    does not change (the figures are right for the month reported). Every flow that resolves
    ``latest`` from the data says it in these words: ``run``, ``run --watch`` and ``lab``.

    Parameters
    ----------
    resolved
        Each unit with the month its period was resolved to.
    period
        The period asked for every unit (``--period``), or ``None`` for each unit's own.

    Returns
    -------
    list[str]
        The warnings, one per stale export; empty when none is.
    """
    from nps_kit import clock
    from nps_kit.periods import LATEST, last_ended_month, late_export

    late: dict[tuple[Language, Path, str, str], list[str]] = {}
    for unit, month in resolved:
        if (period or unit.period) != LATEST:
            continue
        ended = last_ended_month(clock.now(unit.language, unit.timezone))
        if month < ended:
            # In the units' language, as alerts says it (FIX92: English in a Japanese project).
            late.setdefault((unit.language, unit.data.path, month, ended), []).append(unit.unit)
    return [
        late_export(
            path.name,
            month,
            missed=t("run.late_missed", lang, month=month, ended=ended),
            units=units,
            then=t("run.late_then", lang, month=month, ended=ended),
            lang=lang,
        )
        for (lang, path, month, ended), units in late.items()
    ]


def contact_warnings(units: Sequence[UnitParameters]) -> list[str]:
    """Return a ``warning:`` per setting of ``columns.contact_details`` that reaches nobody.

    Without a consent column, contact details naming only name columns (QA23:
    ``RecipientFirstName``, 氏名) leave consent unknown: the report lists every detractor
    with that warning and ``nps-kit alerts`` refuses the unit, both in these words
    (:func:`nps_kit.closed_loop.names_only`). Said once per setting, naming its units; the
    exit status does not change.

    Parameters
    ----------
    units
        The units run.

    Returns
    -------
    list[str]
        The warnings; empty when every unit's details reach someone (or it has a consent
        column).
    """
    from nps_kit.closed_loop import names_only

    said = []
    for unit in units:
        details = [unit.column(c) for c in unit.columns.contact_details]
        message = names_only(
            contact_column=unit.columns.contact, details=details, language=unit.language
        )
        if message is not None:
            # In the unit's language (FIX87), closed as that language closes a sentence.
            said.append((unit.unit, message + ("。" if unit.language == "ja" else ".")))
    return _said_once(said)


def playbook_notes(units: Sequence[UnitParameters]) -> list[str]:
    """Return a ``note:`` per themes file whose own themes have no action in the playbook.

    A unit that extends a pack with new themes (``themes.yaml``: ``extends``) sees them
    ranked; its strategy cards and e-mail actions then say that no action is written for them
    yet (:func:`nps_kit.strategy.no_action_text`). Said once per themes and playbook file,
    naming its units (QA25: the run said nothing and the strategies left them out).
    """
    from nps_kit.strategy import load_playbook, own_playbook
    from nps_kit.text.themes import load_themes

    said: dict[tuple[Path | None, Path | None, Language], tuple[list[str], list[str]]] = {}
    for unit in units:
        if unit.themes is None:
            continue
        key = (unit.themes, unit.playbook, unit.language)  # in the units' language (FIX92)
        if key not in said:
            try:
                book = load_themes(unit.themes)
                actions = load_playbook(unit.playbook, themes=book.ids, pack=book.pack)
            except NpsKitError:  # the unit's report says what is wrong with them
                continue
            said[key] = ([t for t in book.ids if t not in actions.themes], [])
        said[key][1].append(unit.unit)
    lines = []
    for (themes, path, lang), (missing, names) in said.items():
        if not missing or themes is None:
            continue
        own = own_playbook(path)
        where = t("run.playbook_own", lang, own=own) if own else t("run.playbook_set", lang)
        lines.append(
            t(
                "run.playbook_missing",
                lang,
                units=join_names(names, lang),
                themes=themes.name,
                missing=join_names(missing, lang),
                have="has" if len(missing) == 1 else "have",
                playbook=own if own is not None else t("run.playbook_builtin", lang),
                where=where,
            )
        )
    return lines


def refusal_line(error: ConfigError, *, lang: Language = "en") -> str:
    """Return what ``run`` says of a unit refused before any kernel started.

    A unit without responses in the month is what the data says (``note:``; a scheduled
    ``run --all`` still succeeds); any other refusal, such as a filter matching no row, is a
    broken unit file (``error:``).
    """
    from nps_kit._unit_rows import NO_RESPONSES

    if error.key == NO_RESPONSES:
        return f"note: {closing(error, 'run.no_report', lang)}"
    return f"error: {closing(error, 'run.skipped', lang)}"


def closing(error: NpsKitError, key: str, lang: Language) -> str:
    """Return ``error``'s message closed by the catalogue's ``key`` (This unit is skipped.).

    The closing sentence speaks the message's language: the run's where the message is said in
    it (a Japanese sentence ends in 「。」 and takes no space after it), English after a message
    still said in English, so that no line switches language in its last words (FIX90).

    Parameters
    ----------
    error
        The refused unit's error.
    key
        The closing sentence: ``run.skipped`` or ``run.no_report``.
    lang
        The run's language.

    Returns
    -------
    str
        The message and its closing sentence.
    """
    said = str(error)
    if said.endswith("。"):
        return f"{said}{t(key, lang)}"
    return f"{said} {t(key, 'en')}"


def progress_line(
    result: UnitResult,
    count: int,
    units: Sequence[str],
    *,
    elapsed: float,
    lang: Language = "en",
) -> str:
    """Return the line ``run`` prints when a unit is done: ``[3/12] ec  ok  4.2 s …``.

    Parameters
    ----------
    result
        The unit just done.
    count
        How many units are done, this one included.
    units
        The ids of every unit of the run.
    elapsed
        Seconds since the run started its units.
    lang
        The run's language (its status word, ``s`` or 秒).

    Returns
    -------
    str
        The line, whose columns line up over the whole run: ids are padded to the run's widest
        id by display width (``さくら歯科-大宮院`` takes 17 cells; a long id more than any fixed
        width would give), the count to the width of the total.
    """
    width = max(12, *(display_width(unit) for unit in units))
    total = str(len(units))
    status = t(f"run.status.{result.status}", lang)
    timing = t("run.progress", lang, seconds=f"{result.seconds:6.1f}", elapsed=f"{elapsed:.1f}")
    return f"[{count:>{len(total)}}/{total}] {pad(result.unit, width)} {pad(status, 6)} {timing}"


def _say(stream: TextIO | None, text: str) -> None:
    if stream is not None:
        print(text, file=stream, flush=True)


def _cache_warnings(units: Sequence[tuple[UnitParameters, ExportCache]]) -> list[str]:
    """Return the ``warning:`` lines their export's cache tells of units, before any kernel starts.

    A ``columns.id`` set by hand that repeats (FIX37), a consent question not set, a consent
    question without contact details (FIX87) and a ``data.filter.previous_names`` no row has
    (REVIEW31); then dates read in an order only guessed (QA28 #2), in the unit's language
    (FIX92). What ``run`` and ``run --watch`` say, each line once for the units that earn it
    alike (:func:`_said_once`).
    """
    from nps_kit._unit_rows import (
        consent_warning,
        contact_details_warning,
        previous_names_warning,
    )

    checks = (cached_id_warning, consent_warning, contact_details_warning, previous_names_warning)
    said = [
        (unit.unit, message)
        for unit, cache in units
        for check in checks
        if (message := check(unit, cache))
    ]
    # After the others, as run said them before they shared this list (MSG43).
    said += [
        (unit.unit, cache.report.read_notes(unit.language)[0])
        for unit, cache in units
        if cache.report.date_order_guess is not None
    ]
    return _said_once(said)


def _said_once(said: Iterable[tuple[str, str]]) -> list[str]:
    """Return ``warning: a, b: message`` for each ``(unit, message)``, a message once.

    A warning several units earn alike is said once with their names (``warning: 梅田店,
    札幌大通店: …``), in the order first said: a project of 40 stores without contact details
    read 40 lines of the same sentence (QA42).
    """
    units: dict[str, list[str]] = {}
    for unit, message in said:
        units.setdefault(message, []).append(unit)
    return [f"warning: {', '.join(names)}: {message}" for message, names in units.items()]


def summary_table(result: RunResult, *, lang: Language = "en") -> str:
    """Format the end-of-run table: unit, status, NPS, n, seconds, output path, note.

    In ``lang``, the run's language (FIX90): its header, status words, notes and the failed
    units' lines; ids, figures, paths and the errors of a notebook stay as they are.

    A unit with unreadable dates says how many in its note and is followed by a warning line
    (examples, what to do); failed units are followed by their failing cell and error. A unit
    refused before any kernel started (:attr:`RunResult.skipped`) has a row too, ``refused``
    (or ``no data`` when it has no responses in the month) with the reason in its note; the
    whole message was said before the run's progress lines (:func:`refusal_line`).
    """
    from nps_kit._refusal import reason_text
    from nps_kit._unit_rows import NO_RESPONSES, UnitRefused

    columns = ("unit", "status", "nps", "n", "seconds", "output", "note")
    rows: list[tuple[str, ...]] = [tuple(t(f"run.col.{c}", lang) for c in columns)]
    notes = []
    for r in result.units:
        floor = report_floor(r.parameters)
        # a month under the anonymity floor shows no NPS anywhere: nor here (REVIEW31)
        hidden = r.summary is not None and under_floor(r.summary, floor)
        nps = r.summary.nps if r.summary and not hidden else None
        n = r.summary.n if r.summary else None
        unread = r.summary.unreadable_dates if r.summary else None
        said = r.summary.followup_warnings if r.summary else ()
        rows.append(
            (
                r.unit,
                t(f"run.status.{r.status}", lang),
                # Signed as the reports write it (+1.0, 0.0), ASCII minus: nps_text.
                "-" if nps is None else nps_text(nps, ascii_minus=True),
                "-" if n is None else str(n),
                f"{r.seconds:.1f}",
                str(r.html or r.notebook or "-"),
                "; ".join(
                    note
                    for note in (
                        t("run.note.hidden", lang, floor=floor) if hidden else "",
                        t("run.note.unreadable", lang, n=f"{unread.count:,}") if unread else "",
                        t("run.note.followup", lang, n=len(said)) if said else "",
                    )
                    if note
                ),
            )
        )
        if unread:
            words = unread.words()
            notes.append(f"{r.unit}: warning: {_sentences(words.message(lang), words.hint(lang))}")
        foreign = r.summary.unread_comments if r.summary else None
        if foreign is not None:
            # The report and the e-mail say what it means for their reader; what to do is the
            # analyst's, said here (REVIEW35).
            themes = r.parameters.get("themes_path") or "themes.yaml"
            said_there = _sentences(foreign.message(lang), foreign.hint(lang, themes=str(themes)))
            notes.append(f"{r.unit}: warning: {said_there}")
        notes += [f"{r.unit}: warning: {warning}" for warning in said]
    for unit, error in result.skipped.items():
        status = "no data" if error.key == NO_RESPONSES else "refused"
        reason = (
            (
                reason_text(error.reason_key, error.reason_args, lang)
                if error.reason_key is not None
                else error.reason
            )
            if isinstance(error, UnitRefused)
            else error.message
        )
        rows.append((unit, t(f"run.status.{status}", lang), "-", "-", "-", "-", reason))
    if not notes and not result.skipped and not any(row[-1] for row in rows[1:]):
        # the note column only when a unit has one
        rows = [row[:-1] for row in rows]
    widths = [max(display_width(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(pad(cell, w) for cell, w in zip(row, widths, strict=True)) for row in rows]
    lines += notes
    for r in result.failed:
        err = r.error or {}
        cell = err.get("cell_index")
        ename = err.get("ename")
        if cell is not None:
            where = t("run.failed_at_cell", lang, cell=cell)
        else:  # a timeout names no index, but it happened in a cell (its preview follows)
            which = "run.failed_in_cell" if ename == "CellTimeoutError" else "run.failed_before"
            where = t(which, lang)
        failure = f"{ename}: {err.get('evalue')}"
        lines.append(f"{r.unit}: {t('run.failed', lang, where=where, error=failure)}")
    return "\n".join(line.rstrip() for line in lines)


def _sentences(first: str, second: str) -> str:
    """Join two sentences: a Japanese one closed by 「。」 takes no space."""
    return f"{first}{'' if first.endswith('。') else ' '}{second}"
