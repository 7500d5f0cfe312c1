"""The garbage collector's pause over the text loops: on inside, restored after, errors too."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pandas as pd
import pytest

from nps_kit.text import load_pack, segment_phrases, tag_polarity, tag_themes
from nps_kit.text._collector import paused
from nps_kit.text.discovery import text_quality, uncovered_phrases


@pytest.fixture
def collector() -> Iterator[None]:
    was = gc.isenabled()
    yield
    if was:
        gc.enable()
    else:
        gc.disable()


@paused
def _state(fail: bool = False) -> bool:
    if fail:
        raise ValueError("inside")
    return gc.isenabled()


@pytest.mark.usefixtures("collector")
def test_the_collector_is_paused_inside_and_running_again_after() -> None:
    gc.enable()
    assert _state() is False
    assert gc.isenabled()


@pytest.mark.usefixtures("collector")
def test_a_collector_turned_off_stays_off() -> None:
    gc.disable()
    assert _state() is False
    assert not gc.isenabled()


@pytest.mark.usefixtures("collector")
def test_an_error_inside_restarts_the_collector() -> None:
    gc.enable()
    with pytest.raises(ValueError, match=r"^inside$"):
        _state(fail=True)
    assert gc.isenabled()


@pytest.mark.usefixtures("collector")
def test_the_text_loops_leave_the_collector_as_they_found_it() -> None:

    book = load_pack("retail")
    texts = pd.Series(["Delivery was slow", "配送が早い", None], dtype="string")
    segments = pd.Series(["detractor", "promoter", "passive"])
    for enabled in (True, False):
        gc.enable() if enabled else gc.disable()
        tag_themes(texts, book)
        tag_polarity(texts, book, segments=segments)
        segment_phrases(texts, segments)
        text_quality(texts, book, lang="en")
        uncovered_phrases(texts, book)
        assert gc.isenabled() is enabled


def test_a_paused_function_keeps_its_name_and_documentation() -> None:
    assert tag_themes.__name__ == "tag_themes"
    assert tag_themes.__doc__ is not None
    assert tag_themes.__doc__.startswith("Tag each comment with the themes it mentions.")
