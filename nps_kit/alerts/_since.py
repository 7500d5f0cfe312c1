"""Read ``--since`` (``12h``, ``1d``, ``2w`` or a date) as the moment alerts look back to."""

from __future__ import annotations

import datetime as dt
import re

from nps_kit import clock
from nps_kit.errors import ConfigError
from nps_kit.i18n import Language, t
from nps_kit.params import UnitParameters

_SINCE = re.compile(r"^(\d+)([hdw])$")


def parse_since(text: str, *, now: dt.datetime, lang: Language = "en") -> dt.datetime:
    """Turn ``--since`` into a moment: ``12h``, ``1d``, ``2w`` before ``now``, or a date.

    A duration is a moment (zone-aware when ``now`` is); a date is midnight at each unit's
    place, so it is returned naive and read in the unit's time zone (see :func:`local_since`).
    ``lang``: the project's language, which a value it cannot read is said in (FIX94).

    Raises
    ------
    ConfigError
        When ``text`` is neither a duration nor a ``YYYY-MM-DD`` date.
    """
    match = _SINCE.match(text.strip())
    if match:
        amount, unit = int(match[1]), match[2]
        hours = {"h": 1, "d": 24, "w": 24 * 7}[unit] * amount
        return now - dt.timedelta(hours=hours)
    try:
        return dt.datetime.combine(dt.date.fromisoformat(text.strip()), dt.time())
    except ValueError:
        raise ConfigError(t("alerts.bad_since", lang, found=repr(text))) from None


def local_since(since: dt.datetime, unit: UnitParameters) -> dt.datetime:
    """Return ``since`` as wall-clock time at ``unit``'s place, which export dates are in.

    A zone-aware moment (``--since 12h``) is converted to the unit's ``timezone`` (by default
    the zone of its language, :func:`nps_kit.clock.zone`); a naive one (``--since 2026-11-01``)
    already is that place's time.
    """
    if since.tzinfo is None:
        return since
    return since.astimezone(clock.zone(unit.language, unit.timezone)).replace(tzinfo=None)
