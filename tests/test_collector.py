"""The garbage collector's pause over the text loops: on inside, restored after, errors too."""

from __future__ import annotations

import gc
import threading
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


@paused
def _made() -> tuple[list[int], ...]:
    return tuple([k] for k in range(1000))  # tracked containers, as the caches' entries are


@pytest.mark.usefixtures("collector")
def test_what_a_pause_made_is_not_left_to_the_next_young_pass() -> None:
    # That pass would walk every object the text loops cached (140,000 after a unit's phrases).
    gc.enable()
    made = _made()
    young = gc.get_objects(generation=0) + gc.get_objects(generation=1)
    assert not any(obj is made for obj in young)
    assert any(obj is made for obj in gc.get_objects(generation=2))


@pytest.mark.usefixtures("collector")
def test_objects_the_caller_froze_stay_frozen() -> None:
    gc.enable()
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        assert frozen > 0
        _made()
        assert gc.get_freeze_count() == frozen
        assert gc.isenabled()
    finally:
        gc.unfreeze()


@paused
def _inside(entered: threading.Event, leave: threading.Event, seen: list[bool]) -> None:
    entered.set()
    assert leave.wait(10)
    seen.append(gc.isenabled())


def _start(seen: list[bool]) -> tuple[threading.Thread, threading.Event]:
    entered, leave = threading.Event(), threading.Event()
    thread = threading.Thread(target=_inside, args=(entered, leave, seen))
    thread.start()
    assert entered.wait(10)
    return thread, leave


@pytest.mark.usefixtures("collector")
@pytest.mark.parametrize("first_out", ["first in", "last in"])
def test_pauses_of_two_threads_end_when_the_last_ends(first_out: str) -> None:
    # The collector is one per process: a thread that ends its pause must not turn it on under
    # another's, nor leave it off after both.
    gc.enable()
    seen_a: list[bool] = []
    seen_b: list[bool] = []
    a, leave_a = _start(seen_a)
    b, leave_b = _start(seen_b)
    first, second = (a, leave_a), (b, leave_b)
    if first_out == "last in":
        first, second = second, first
    try:
        first[1].set()
        first[0].join()
        assert not gc.isenabled()  # the other thread is still inside
    finally:
        second[1].set()
        second[0].join()
    assert gc.isenabled()
    assert seen_a == seen_b == [False]


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
