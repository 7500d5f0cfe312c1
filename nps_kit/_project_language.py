"""Which language a project and its units speak: the one home of the rule (FIX92).

A unit's report, e-mails and its own lines on the console are in the unit's ``language``: its
file's, else ``defaults.yaml``'s (:class:`nps_kit.params.UnitParameters`, the two merged).
What a command says of the whole run (``run``'s progress and table, ``send``'s and ``alerts``'
waits and totals, a list of parameter problems) is in the project's language, decided here, in
this order:

1. ``language`` of the parameters folder's ``defaults.yaml``, when it is ``ja`` or ``en``;
   a mistyped value that asks for Japanese (``jp``, ``日本語``, ``Japanese``, ...) counts as
   ``ja``: it is still refused, but in the language it asks for;
2. else the language every unit of the run shares (the valid units, or those of the period's
   manifest for ``send``);
3. else English (no parameters folder, no units, or units of both languages).

A parameter file's own problems are said in the file's language (:func:`file_language`): its
own ``language``, else ``defaults.yaml``'s, by the same reading of a value.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, Final

from nps_kit.i18n import Language

__all__ = ["DEFAULTS_FILE", "file_language", "project_language", "run_language", "said_language"]

#: The project-wide parameter file of a parameters folder.
DEFAULTS_FILE: Final = "defaults.yaml"

#: A ``language`` that is no valid value but asks for Japanese: its problem is said in Japanese.
_SAYS_JAPANESE: Final = frozenset(
    {"ja", "jp", "jpn", "japanese", "ja-jp", "ja_jp", "日本語", "japan"}
)


def said_language(value: object) -> Language | None:
    """Return the language a ``language:`` value asks for, or ``None`` when it asks for none.

    ``ja`` and ``en`` as written; a mistyped value that asks for Japanese (``jp``, ``日本語``,
    full-width or upper-case alike) is ``ja`` (REVIEW38); anything else (``fr``, a list,
    nothing) is ``None``.
    """
    if value == "ja" or value == "en":
        return "ja" if value == "ja" else "en"
    if value is None:
        return None
    if unicodedata.normalize("NFKC", str(value)).strip().casefold() in _SAYS_JAPANESE:
        return "ja"
    return None


def file_language(*layers: Mapping[str, Any]) -> Language:
    """Return the language a parameter file's problems are said in (FIX90).

    Parameters
    ----------
    *layers
        The file's raw keys, then those of the files under it (``defaults.yaml``'s).

    Returns
    -------
    str
        The language the first layer that asks for one asks for (:func:`said_language`);
        English when none does.
    """
    for raw in layers:
        found = said_language(raw.get("language"))
        if found is not None:
            return found
    return "en"


def project_language(directory: Path) -> Language | None:
    """Return the language ``defaults.yaml`` of a parameters folder asks for, if any.

    Read without validating the rest of the file: a project whose ``defaults.yaml`` has a
    problem elsewhere (which ``run`` reports) still speaks its language.

    Parameters
    ----------
    directory
        The parameters folder.

    Returns
    -------
    str or None
        ``"ja"`` or ``"en"`` (:func:`said_language`); ``None`` when the folder, the file or the
        key is missing, the file cannot be read, or the value asks for no language.
    """
    from nps_kit._schema_errors import read_yaml
    from nps_kit.errors import ConfigError

    path = Path(directory) / DEFAULTS_FILE
    if not path.is_file():
        return None
    try:
        return said_language(read_yaml(path).get("language"))
    except (ConfigError, OSError):
        return None


def run_language(project: Language | None, units: Iterable[Language]) -> Language:
    """Return the language of what a command says of the whole run.

    Parameters
    ----------
    project
        The project's language (:func:`project_language`, or a validated ``defaults.yaml``'s),
        ``None`` when it sets none.
    units
        The languages of the run's units.

    Returns
    -------
    str
        ``project`` when set, else the language every unit shares, else English.
    """
    if project is not None:
        return project
    shared = set(units)
    return shared.pop() if len(shared) == 1 else "en"
