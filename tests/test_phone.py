from __future__ import annotations

import pytest

from nps_kit._phone import looks_like_phone


@pytest.mark.parametrize(
    ("value", "phone"),
    [
        ("133316.64", False),
        ("1234567.00", False),
        ("2.306,17", False),
        ("44304012", False),
        ("03.11.2026", False),
        ("07700900123", True),
        ("555.0199", True),
        ("555-0199", True),
        ("+49 211 1234567", True),
        ("090-1234-5678", True),
    ],
)
def test_an_amount_with_decimals_is_no_phone(value: str, phone: bool) -> None:
    # QA26 #17: contract values above 100,000 with cents read as phone numbers, so init offered
    # them as contact details and an alert would print 電話：133316.64.
    assert looks_like_phone(value) is phone
