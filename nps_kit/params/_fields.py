"""The field types of the parameter files: unit ids, display text, labels, time zones."""

from __future__ import annotations

import re
import unicodedata
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    PlainValidator,
)

from nps_kit._schema_errors import (
    Said,
)
from nps_kit.clock import check_timezone
from nps_kit.i18n import Language

# Files of a parameters folder that are not units (read by other modules).
NOT_UNITS = frozenset({"defaults", "playbook", "themes"})
#: What a unit id may be, in words (for messages).
UNIT_ID_RULE = (
    "1-40 lower-case letters (of any script: 大宮院 and café are ids), digits, '-' or '_', "
    "starting with a letter or digit"
)


def is_unit_id(value: str) -> bool:
    """Whether ``value`` may be a unit id, which names files and is typed as a CLI argument.

    Letters of every script are allowed so that an id says which unit it is (``大宮院``, not
    ``unit-2``); what makes a name unsafe is not: no space, dot, slash or other punctuation,
    no leading ``-`` (an option), nothing two file systems store differently (the NFKC form,
    lower-case: ``Ａ`` and ``A`` are not two units on a case-blind disk), at most 40 characters.

    Parameters
    ----------
    value
        The proposed id.

    Returns
    -------
    bool
        ``True`` when it is safe.
    """
    if not 1 <= len(value) <= 40 or unicodedata.normalize("NFKC", value) != value:
        return False
    if value.casefold() != value or unicodedata.category(value[0])[0] not in "LN":
        return False
    return all(unicodedata.category(c)[0] in "LNM" or c in "-_" for c in value)


_EMAIL = re.compile(r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$")


# Characters that end a line or are invisible controls: in a name they break e-mail headers
# (a CR/LF in a subject), file listings and table layouts. Format characters such as the
# zero-width joiner of emoji sequences (category Cf) are ordinary text and stay allowed.
_CONTROL_CATEGORIES = frozenset({"Cc", "Zl", "Zp"})
#: The catalogue's name of a control character (params.control.*); others are "other".
_CONTROL_NAMES = {"\n": "lf", "\r": "cr", "\t": "tab"}


def display_text_problem(text: str, lang: Language = "en") -> str | None:
    """Return why ``text`` cannot be shown as a name or label, or ``None`` when it can.

    Display strings (a unit's ``name``, follow-up and breakdown labels) end up in e-mail
    subjects, HTML titles and table cells, so they must be one line without control characters.

    Parameters
    ----------
    text
        The name or label.
    lang
        The language of the problem.

    Returns
    -------
    str or None
        What is wrong, naming the character and its position, e.g. ``"expected one line of
        text without control characters; found '…' with a carriage return (U+000D) at
        character 3"``.
    """
    said = _display_text_said(text)
    return None if said is None else said.words(lang)


def _display_text_said(text: str) -> Said | None:
    for position, char in enumerate(text, 1):
        if unicodedata.category(char) in _CONTROL_CATEGORIES:
            what = Said(f"params.control.{_CONTROL_NAMES.get(char, 'other')}")
            code = f"{ord(char):04X}"
            return Said("params.display_text", found=text, what=what, code=code, position=position)
    return None


def _display_text(text: str) -> str:
    said = _display_text_said(text)
    if said is not None:
        raise said
    return text


#: A name or label shown to readers: one line, no control characters.
DisplayText = Annotated[str, AfterValidator(_display_text)]


def _unit_label(text: str) -> str:
    if not text.strip():
        raise Said("params.unit_label_blank", found=text)
    if len(text) > 24:
        raise Said("params.unit_label_long", found=text, n=len(text))
    return text


#: A label per report language (``{ja: スタッフ, en: Staff}``), so that one ``defaults.yaml``
#: serves units that report in either language; a plain string serves every unit.
def _label(value: object) -> str | dict[str, str]:
    # One validator for both forms, so that a bad label gets one message, not one per form.
    if isinstance(value, str):
        return _display_text(value)
    if isinstance(value, dict) and value:
        for lang, text in value.items():
            if lang not in ("ja", "en"):
                raise Said("params.label_key", found=lang)
            if not isinstance(text, str):
                raise Said("params.label_text", found=text, language=lang)
            _display_text(text)
        return dict(value)
    raise Said("params.label", found=value)


Label = Annotated[str | dict[Literal["ja", "en"], str], PlainValidator(_label)]


def in_language(label: Label | None, language: str) -> str | None:
    """Return ``label`` in ``language``: the string itself, or the mapping's entry for it.

    Parameters
    ----------
    label
        A follow-up's or breakdown's ``label``: a string, a mapping by language or ``None``.
    language
        The unit's report language (``"ja"`` or ``"en"``).

    Returns
    -------
    str or None
        ``None`` when there is no label (or, in a mapping the unit's validation has checked,
        none in that language).
    """
    if label is None or isinstance(label, str):
        return label
    return label.get(language)  # type: ignore[call-overload]


#: What readers call one unit (店舗, "Store"): a heading, so short and on one line.
UnitLabel = Annotated[DisplayText, AfterValidator(_unit_label)]
#: An IANA time zone name that zoneinfo knows (``Asia/Tokyo``, ``UTC``).
TimeZone = Annotated[str, AfterValidator(check_timezone)]

Comparison = Literal["previous", "last_year", "fiscal_ytd"]
#: The default comparisons: the month before and the same month a year before.
_COMPARISONS: tuple[Comparison, ...] = ("previous", "last_year")
# Data settings a unit inherits from defaults.yaml: one error for defaults.yaml, not one per unit.
_INHERITED = ("data.path", "data.encoding", "data.sheet")
