"""Whether a contact detail is a phone number, which a ``tel:`` link may dial.

One rule for the alert's link and :mod:`nps_kit.inspect`'s ``phone`` kind (QA23): an account
number such as ``44304012`` is no phone, and a link to it dials a stranger.
"""

from __future__ import annotations

import re
from typing import Final

from nps_kit._values import decimal_number

__all__ = ["dial_string", "looks_like_phone"]

# What people write between the digits of a phone number.
_SEPARATORS: Final = re.compile(r"[\s().\-‐‑–]")
_INTERNATIONAL: Final = re.compile(r"\+\d{7,15}")
# A national number with its trunk prefix: 07700 900123 (UK), 090-1234-5678, 03-1234-5678 (JP).
_NATIONAL: Final = re.compile(r"0\d{8,11}")
_SEPARATED: Final = re.compile(r"\+?[\d\s().\-‐‑–]+")
# 2026-11-03, 03.11.2026 (a date) and 81.2.69.160 (an IP address), whatever their digits.
_NOT_PHONE: Final = re.compile(
    r"\d{4}[-.]\d{1,2}[-.]\d{1,2}|\d{1,2}[-.]\d{1,2}[-.]\d{2,4}|\d{1,3}(?:\.\d{1,3}){3}"
)


def dial_string(value: str) -> str:
    """Return the digits (and a leading ``+``) of a phone number, as a ``tel:`` link takes them."""
    return _SEPARATORS.sub("", value.strip())


def looks_like_phone(value: str) -> bool:
    """Whether ``value`` is written as a phone number.

    A ``+`` and 7–15 digits, a trunk ``0`` and 9–12 digits, or 7–15 digits written in groups
    (``555-0199``, ``(555) 123-4567``), unless they form a date, an IP address or an amount
    with decimals (``133316.64``, :func:`nps_kit._values.decimal_number`). A bare run
    of digits without a ``0`` or ``+`` in front (``44304012``) reads as an account or customer
    number, not a phone.
    """
    text = value.strip()
    if not text or not _SEPARATED.fullmatch(text) or _NOT_PHONE.fullmatch(text):
        return False
    if decimal_number(text) is not None:
        # A contract value of 133316.64 € or ¥ was a "phone" to init's contact details (QA26 #17).
        return False
    digits = dial_string(text)
    if _INTERNATIONAL.fullmatch(digits) or _NATIONAL.fullmatch(digits):
        return True
    grouped = digits != text and not digits.startswith("+")
    return grouped and digits.isdigit() and 7 <= len(digits) <= 15
