"""Double submissions with a new response id (FIX65, QA29 F4).

Delighted and HubSpot give a second click on Submit its own ``Response ID``, ``Permalink`` and
``Updated At``: the rule "every column but the date equal" found none of the 12 in QA29's
export, so ``dedupe: resubmissions`` dropped nothing and each counted twice.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from nps_kit._resubmit import per_submission
from nps_kit.inspect import inspect_export
from nps_kit.load import load_responses

GENERATOR = Path(__file__).parent / "qa29" / "gen_insurance_delighted.py"


def _frame() -> pd.DataFrame:
    """Twelve responses of four people; a@example.com sends "9, Great agent" twice, 30 s apart."""
    people = ["a", "b", "c", "d"] * 3
    return pd.DataFrame(
        {
            "Response ID": [str(48_211_000 + 3 * i) for i in range(12)],
            "Email": [f"{p}@example.com" for p in people],
            "Score": ["9", "3", "3", "7"] * 3,
            "Comment": ["Great agent", "Slow claims", "Slow claims", ""] * 3,
            # b and c answer alike 10 s apart: two people (two e-mails), both kept.
            "Created At": [str(1_790_811_000 + 3600 * (i // 4) + 10 * (i % 4)) for i in range(12)],
            "Updated At": [str(1_790_811_005 + 3600 * (i // 4) + 10 * (i % 4)) for i in range(12)],
            "Permalink": [f"https://delighted.example.com/r/{i}" for i in range(12)],
            "Token": [f"R_3kX9pQ{i:02d}" for i in range(12)],
        }
    )


def _with_double(frame: pd.DataFrame) -> pd.DataFrame:
    again = frame.iloc[[0]].assign(
        **{
            "Response ID": "48211999",
            "Created At": str(1_790_811_030),
            "Updated At": str(1_790_811_031),
            "Permalink": "https://delighted.example.com/r/99",
            "Token": "R_3kX9pQ99",
        }
    )
    return pd.concat([frame, again], ignore_index=True)


def test_ids_links_and_update_stamps_are_new_for_each_submission() -> None:
    fresh = per_submission(_frame(), skip=("Created At",))
    assert fresh == ["Response ID", "Updated At", "Permalink", "Token"]
    # Who answered and what they wrote are compared: unique e-mails and comments too.
    unique = _frame().assign(
        Email=[f"p{i}@example.com" for i in range(12)], Comment=[f"word {i}" for i in range(12)]
    )
    assert per_submission(unique, skip=("Created At",)) == fresh
    # A small export's scores that happen to differ in each row are answers.
    assert per_submission(_frame().head(3).assign(Score=["9", "3", "10"])) == []


def test_tokens_past_ascii_are_still_read_by_python_s_regex() -> None:
    # LOAD40: ASCII tokens are told in C, the rest one by one; full-width digits are a
    # whole number to Python's \\d, a token without a digit or too short is none.
    from nps_kit._resubmit import _tokens

    def cells(*extra: str) -> pd.Series:
        return pd.Series([f"R_3kX9pQ{i:02d}" for i in range(12)] + list(extra), dtype="string")

    assert _tokens(cells())
    assert _tokens(cells("１２３４５", "48211003", "abc-12"))
    for other in ("abcdefg", "R_3k", "R 3kX9pQ", "ＲＸ１２３４５６", "a@example.com"):
        assert not _tokens(cells(other)), other
    assert _tokens(cells().astype("str")) and not _tokens(cells("abcdefg").astype(object))


@given(
    st.lists(
        st.tuples(
            st.integers(0, 3),
            # Times far apart too: the code and the time then no longer fit in one number.
            st.one_of(st.none(), st.integers(-(10**11), 10**11), st.integers(-(2**61), 2**61)),
        ),
        max_size=40,
    )
)
def test_the_window_counts_what_a_sort_and_a_group_by_mark(
    cells: list[tuple[int, int | None]],
) -> None:
    # LOAD40: numpy's lexsort and a gap to the row before replaced the frame's sort and
    # group-by; LOAD41: only their count is used, and one sort of one number a row gives it
    # (nanoseconds, whole seconds, NaT undated).
    from nps_kit._resubmit import RESUBMIT_SECONDS, _within_window

    table = pd.DataFrame(
        {
            "key": np.array([k for k, _ in cells], dtype="int64"),
            "row": np.arange(len(cells), dtype="int64")[::-1],
            "date": pd.to_datetime([d for _, d in cells], unit="ns"),
        }
    )
    kept = table.dropna(subset=["date"]).sort_values(["key", "date", "row"], kind="stable")
    gap = (kept["date"] - kept.groupby("key")["date"].shift()).dt.total_seconds()
    expected = (gap <= RESUBMIT_SECONDS).fillna(False).to_numpy(dtype=bool)
    assert _within_window(table) == int(expected.sum())
    seconds = table.assign(date=table["date"].dt.floor("s"))
    kept = seconds.dropna(subset=["date"]).sort_values(["key", "date", "row"], kind="stable")
    gap = (kept["date"] - kept.groupby("key")["date"].shift()).dt.total_seconds()
    assert _within_window(seconds) == int((gap <= RESUBMIT_SECONDS).sum())


def test_chance_s_pairs_from_dates_already_read_are_those_read_again() -> None:
    # LOAD40: judged_resubmissions hands chance_pairs the dates it read when they are all of
    # them, rather than have them read a second time.
    from nps_kit._resubmit import chance_pairs
    from nps_kit._values import parse_date_values

    dates = pd.Series([f"2026-10-{1 + i % 20:02d} 09:{i % 60:02d}:00" for i in range(90)])
    same = np.array([i % 7 for i in range(90)])
    read = parse_date_values(dates.reset_index(drop=True)).dates
    expected = chance_pairs(same, dates.set_axis(range(100, 190)))
    assert expected > 0
    assert chance_pairs(same, dates, read=read) == expected


def test_a_second_click_with_a_new_id_is_a_resubmission(tmp_path: Path) -> None:
    path = tmp_path / "d.csv"
    _with_double(_frame()).to_csv(path, index=False)
    options = {"score_column": "Score", "date_column": "Created At", "id_column": "Response ID"}
    kept = load_responses(path, dedupe="resubmissions", **options)  # type: ignore[arg-type]
    assert len(kept.data) == 12
    assert "48211999" not in set(kept.data["Response ID"])
    assert len(kept.report.resubmission_of) == 1
    found = inspect_export(path)
    assert any(
        note.startswith(
            "1 row repeats the answers of a response sent at most 60 seconds earlier with a new "
            "'Response ID', 'Updated At', 'Permalink' and 'Token'"
        )
        for note in found.notes
    )


@pytest.fixture(scope="module")
def delighted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    spec = importlib.util.spec_from_file_location("gen_insurance_delighted", GENERATOR)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    out = tmp_path_factory.mktemp("qa29") / "insurance_delighted.csv"
    module.main(out)
    return out


def test_the_qa29_export_s_twelve_double_submissions_are_dropped(delighted: Path) -> None:
    options = {"score_column": "Score", "date_column": "Created At"}
    every = load_responses(delighted, dedupe=True, **options)  # type: ignore[arg-type]
    kept = load_responses(delighted, dedupe="resubmissions", **options)  # type: ignore[arg-type]
    assert len(every.data) - len(kept.data) == 12
    truth = pd.read_csv(delighted.with_name("insurance_delighted_truth.csv"))
    assert len(kept.data) == int(truth["kept"].sum()) == 3000

    def west_october(data: pd.DataFrame) -> int:
        month = pd.to_datetime(data["nps_date"]).dt.strftime("%Y-%m")
        west = data["Person properties: Region"] == "West"
        return int((west & (month == "2026-10") & data["nps_score"].notna()).sum())

    assert (west_october(every.data), west_october(kept.data)) == (45, 44)


def test_days_without_a_time_beside_timed_dates_are_no_double_submissions(tmp_path: Path) -> None:
    # QA40: a chain's cumulative export dates its previous 年度 in 和暦 without a time
    # (令和7年11月3日) and this one with Excel's 2026/04/03 午前 9:05. QA39 kept two people's
    # same answers of one such day only when every date was a day alone; here one of each
    # such pair was dropped as a double submission ("0 seconds apart"): 3 of 梅田店's responses.
    dates = ["令和7年11月3日", "令和7年11月3日", "令和7年11月20日",
             "2026/04/03 午前 9:05", "2026/04/10 午後 1:30", "2026/04/10 午後 1:30"]  # fmt: skip
    # Eight more people, one a week from May: twelve ids or more make 回答No a per-response id.
    dates += [f"2026/05/{day:02d} 午前 10:15" for day in range(1, 29, 4)] + ["2026/06/01 午前 9:00"]
    frame = pd.DataFrame(
        {
            "回答No": [str(k) for k in range(1, 15)],
            "回答日時": dates,
            "店舗名": ["梅田店"] * 14,
            "おすすめ度": ["8", "8", "3", "9", "10", "10", *map(str, range(8))],
            "年代": ["40代", "40代", "30代", "20代", "50代", "50代", *["60代"] * 8],
        }
    )
    path = tmp_path / "chain.csv"
    frame.to_csv(path, index=False)
    loaded = load_responses(path, score_column="おすすめ度", date_column="回答日時",
                            id_column="回答No", dedupe="resubmissions")  # fmt: skip
    # Rows 1 and 2: two people on one day (nothing says a minute); rows 5 and 6: a second
    # click on Submit, the same minute.
    assert loaded.data["回答No"].tolist() == [str(k) for k in range(1, 15) if k != 6]
