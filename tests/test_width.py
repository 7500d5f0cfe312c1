"""Display width: what lines up the tables the commands print."""

from __future__ import annotations

from nps_kit._width import display_width, pad


def test_wide_characters_take_two_cells() -> None:
    assert display_width("さくら歯科-大宮院") == 17
    assert display_width("ＡＢ east") == 9
    assert pad("大宮院", 8) == "大宮院  "
    assert pad("42", 4, right=True) == "  42"
    assert pad("too long", 3) == "too long"
