"""The text of each unit's parameter file that ``init --from`` writes.

Its filter and why, other spellings of its value, its answers' language, its time zone, a
rename's ``previous_names`` and an example address for its team.
"""

from __future__ import annotations

import itertools
import re
import textwrap
import unicodedata
from collections.abc import Sequence

from nps_kit._init_words import in_language
from nps_kit._renames import Rename
from nps_kit._yaml import scalar
from nps_kit._zone_hint import ZoneHint
from nps_kit.inspect import AnswerLanguage
from nps_kit.scaffold._dates import _evidence
from nps_kit.scaffold._defaults import _one_line_comments


def _example_address(unit: str) -> str:
    """Return an example address for ``unit``'s team that ``mail.to`` accepts once uncommented.

    The unit id keeps its letters (``köln-hauptbahnhof``, ``さくら歯科-大宮院``), but an
    address's local part must be ASCII (:mod:`nps_kit.params` checks it, as most mail servers
    do): accents are dropped (``koln-hauptbahnhof-team@example.com``) and a name with no
    Latin letter gives ``team@example.com``.
    """
    folded = unicodedata.normalize("NFKD", unit).encode("ascii", "ignore").decode("ascii")
    local = re.sub(r"-+", "-", re.sub(r"[^a-z0-9-]", "-", folded.lower())).strip("-")
    return f"{local}-team@example.com" if re.search(r"[a-z0-9]", local) else "team@example.com"


def _renamed_text(chain: Sequence[Rename]) -> str:
    """Say why a unit's file proposes its earlier names: one rename, or a chain of them.

    A unit renamed twice (A -> B -> C) is one proposal in C's file listing A and B (REVIEW35:
    two, B's listing A and C's listing B, which followed made two units again).
    """
    first = chain[0]
    if len(chain) == 1:
        return (
            f"{first.old!r} has no answers after {first.last_old} and this unit none before "
            f"{first.first_new}: if it was renamed, this filter instead keeps them one unit "
            f"with one trend (then delete the unit file of {first.old!r}):"
        )
    between = "".join(
        f"{later.old!r} none before {earlier.first_new} nor after {later.last_old}, "
        for earlier, later in itertools.pairwise(chain)
    )
    times = {2: "twice", 3: "three times"}.get(len(chain), f"{len(chain)} times")
    olds = [repr(r.old) for r in chain]
    return (
        f"{first.old!r} has no answers after {first.last_old}, {between}and this unit none "
        f"before {chain[-1].first_new}: if it was renamed {times}, this filter instead keeps "
        f"them one unit with one trend (then delete the unit files of {', '.join(olds[:-1])} "
        f"and {olds[-1]}):"
    )


def _unit_text(
    unit: str,
    name: str,
    row_filter: tuple[str, list[str]] | None,
    why: str,
    *,
    language: AnswerLanguage | None = None,
    project_language: str = "en",
    zone: ZoneHint | None = None,
    also: Sequence[tuple[str, int]] = (),
    renamed: Sequence[Rename] = (),
) -> str:
    lines = [
        f"# The {name} report, written by `nps-kit init --from`; merged over defaults.yaml.",
        f"# {why}",
    ]
    for written, rows in also:
        # QA29 F2: another spelling of the value is this unit, said (nps_kit._value_key).
        text = (
            f"Also written {written!r} ({rows:,} rows): the same value in another width, case "
            "or spacing, so one unit."
        )
        lines += textwrap.wrap(
            text, 88, initial_indent="# ", subsequent_indent="# ", break_on_hyphens=False
        )
    lines += [
        f"unit: {scalar(unit)}",
        f"name: {scalar(name)}",
    ]
    if zone is not None:  # FIX48: a group's units in different zones, each its own
        text = (
            f"{_evidence(zone)} (this unit's rows): its report reads them as that zone's "
            "clock and counts ages and overdue call-backs by it."
        )
        lines += [
            *textwrap.wrap(
                text, 88, initial_indent="# ", subsequent_indent="# ", break_on_hyphens=False
            ),
            f"timezone: {zone.zone}",
        ]
    if language is not None:
        # FIX58 (QA28 #1, #10): a report is read by the unit's team, not its customers; each
        # comment is still read by its own language's pack. Said, not switched.
        lines += [
            f"# This unit's customers answer mostly in another language ({language.describe()});",
            f"# its report stays in the project's language ({project_language}), that of its",
            "# readers: each comment is still read in its own language. If this unit's readers",
            "# read that language, uncomment (the months stay those of defaults.yaml's timezone):",
            f"# language: {language.language}",
        ]
    if row_filter is not None:
        column, values = row_filter
        listed = ", ".join(scalar(v) for v in values)
        lines += [
            "data:",
            "  # Only this unit's rows.",
            f"  filter: {{column: {scalar(column)}, values: [{listed}]}}",
        ]
        if renamed:
            # QA29 F8: a ward renamed mid-month was two units, the new one without a trend.
            lines += textwrap.wrap(
                _renamed_text(renamed),
                88,
                initial_indent="  # ",
                subsequent_indent="  # ",
                break_on_hyphens=False,
            )
            earlier = ", ".join(scalar(r.old) for r in renamed)
            lines.append(
                f"  # filter: {{column: {scalar(column)}, values: [{listed}], "
                f"previous_names: [{earlier}]}}"
            )
    # Commented out: a live list would replace the recipients defaults.yaml may be given later.
    lines += [
        "# Recipients of the report; none yet: nps-kit send skips a unit without any, and",
        "# stops with an error when no unit it is asked to send has any. Uncomment to set them",
        "# for this unit (a list here replaces that of defaults.yaml):",
        "# mail:",
        f"#   to: [{_example_address(unit)}]",
        "",
    ]
    # In the project's language: the unit's report language is the readers'.
    return in_language("\n".join(_one_line_comments(lines)), project_language)
