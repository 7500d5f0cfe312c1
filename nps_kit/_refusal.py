"""Why ``run`` refused a unit, recorded once and said in any language (MSG41).

A unit refused before any kernel (:func:`nps_kit._unit_rows.check_unit_rows`) has a short
reason for ``run``'s closing table, the manifest, ``send`` and the overview: ``no row has
store = 'Yrok'; did you mean 'York'?``. The manifest kept it as an English sentence only, and
``send`` in a Japanese project printed it inside Japanese lines. It now records the reason's
catalogue key and arguments beside that sentence (``error.reason_key``,
``error.reason_args``): :func:`reason_text` says it in the reader's language, and a record
without the key (an older manifest, a reason no key words) keeps its sentence as written.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Final

from nps_kit.i18n import Language, t

__all__ = [
    "NO_RESPONSES_IN",
    "NO_ROWS_WITH",
    "SO_FAR",
    "reason_text",
    "recorded_reason",
]

#: No row of the export has the unit's filter values (``column``, ``values``, ``guess``).
NO_ROWS_WITH: Final = "run.reason.no_rows"
#: The unit has rows, none in the month (``month``).
NO_RESPONSES_IN: Final = "run.reason.no_responses"
#: A month still running with fewer scored responses than the floor (``n``, ``month``, ``floor``).
SO_FAR: Final = "run.reason.so_far"

_KEYS: Final = frozenset({NO_ROWS_WITH, NO_RESPONSES_IN, SO_FAR})


def _quoted(values: Sequence[object], lang: Language) -> str:
    """Values as the reason names them: ``'a' or 'b'`` (en) or ``「a」または「b」`` (ja)."""
    return t("run.rows.or", lang).join(t("run.rows.value", lang, value=str(v)) for v in values)


def reason_text(key: str, args: Mapping[str, Any], lang: Language) -> str:
    """Say a refusal's reason in ``lang``.

    Parameters
    ----------
    key
        One of :data:`NO_ROWS_WITH`, :data:`NO_RESPONSES_IN`, :data:`SO_FAR`.
    args
        Its arguments as the manifest records them (JSON values: a list of filter values, a
        count as a number).
    lang
        The language of the line the reason is said in.

    Returns
    -------
    str
        The reason; in English exactly the sentence the manifest's ``reason`` keeps.
    """
    if key == NO_ROWS_WITH:
        values = _quoted(list(args.get("values") or ()), lang)
        text = t(key, lang, column=args.get("column"), values=values)
        guess = args.get("guess")
        return text + (t("run.reason.did_you_mean", lang, guess=str(guess)) if guess else "")
    if key == SO_FAR:
        n = int(args.get("n") or 0)
        return t(key, lang, n=f"{n:,}", month=args.get("month"), floor=args.get("floor"))
    if key == NO_RESPONSES_IN:
        return t(key, lang, month=args["month"])
    raise KeyError(key)


def recorded_reason(error: Mapping[str, Any] | None, lang: Language) -> str | None:
    """Return a manifest ``error``'s reason in ``lang``, or ``None`` when it records none.

    Parameters
    ----------
    error
        A unit's ``error`` object of ``manifest.json`` (``None`` for a unit built).
    lang
        The language of the line it is said in.

    Returns
    -------
    str or None
        Said from ``reason_key`` and ``reason_args`` when recorded and known; else the
        ``reason`` sentence as recorded (manifests written before MSG41, a parameter file's
        problem, which is already in its file's language).
    """
    if not isinstance(error, Mapping):
        return None
    key, args = error.get("reason_key"), error.get("reason_args")
    if key in _KEYS and isinstance(args, Mapping):
        try:
            return reason_text(str(key), args, lang)
        except (KeyError, ValueError, TypeError, IndexError):
            pass  # a record edited by hand: its sentence, as written
    reason = error.get("reason")
    return str(reason) if reason else None
