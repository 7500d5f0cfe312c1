from __future__ import annotations

import dataclasses
import hashlib
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow.parquet as pq
import pytest

from nps_kit.cache import UNIT_KEY, build_cache, open_cache, read_rows
from nps_kit.errors import DataError
from nps_kit.load import load_responses
from nps_kit.unit import data_quality, headline, prepare_unit, report_window

ROWS = pd.DataFrame(
    {
        "id": [f"R{i:03d}" for i in range(1, 13)],
        "部門": ["EC事業部", "店舗事業部", "ＥＣ事業部 ", "EC事業部"] * 3,
        "score": ["9", "無回答", "3", "10", "7", "abc", "0", "9", "8", "6", "10", "5"],
        "date": [
            "2026-10-03",
            "2026/10/04 9:15",
            "2026年10月5日",
            "2026-09-30",
            "2025-10-01",
            "2026-10-10",
            "2025-09-30",  # before the 13 months of a 2026-10 report
            "someday",
            "2026-10-31",
            "2026-10-20",
            "2026-11-02",  # after the period
            "2026-10-21",
        ],
        "comment": ["良い", "", "遅い", "", "ok", "", "悪い", "", "", "高い", "", "普通"],
    }
)


def _write(path: Path, kind: str) -> Path:
    if kind == "xlsx":
        ROWS.to_excel(path, index=False)
    elif kind == "parquet":
        ROWS.to_parquet(path, index=False)
    else:
        encoding, sep = {
            "cp932": ("cp932", ","),
            "utf16-tab": ("utf-16", "\t"),
            "bom-semicolon": ("utf-8-sig", ";"),
        }[kind]
        path.write_bytes(ROWS.to_csv(index=False, sep=sep).encode(encoding))
    return path


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _cache(path: Path, tmp_path: Path, **options: object):  # type: ignore[no-untyped-def]
    return build_cache(
        path,
        cache_dir=tmp_path / "cache",
        sha256=_sha(path),
        columns=["id", "comment"],
        unit_column="部門",
        date_column="date",
        **options,  # type: ignore[arg-type]
    )


EC = {
    "name": "EC事業部",
    "unit_column": "部門",
    "unit_values": ["EC事業部"],
    "date_column": "date",
    "text_columns": ["comment"],
    "period": "2026-10",
}


@pytest.mark.parametrize("kind", ["cp932", "utf16-tab", "bom-semicolon", "xlsx", "parquet"])
def test_a_unit_from_the_cache_equals_the_unit_from_the_export(tmp_path: Path, kind: str) -> None:
    suffix = {"xlsx": ".xlsx", "parquet": ".parquet"}.get(kind, ".csv")
    path = _write(tmp_path / f"r{suffix}", kind)
    cache = _cache(path, tmp_path)
    direct = prepare_unit(path, **EC)  # type: ignore[arg-type]
    cached = prepare_unit(path, cache=cache.path, **EC)  # type: ignore[arg-type]
    # EC's rows (R003 with a full-width, padded unit name) in the 13 months of the report;
    # R007 is before them, R011 after them, and R008 (no readable date) is kept and counted.
    expected = ["R001", "R003", "R004", "R005", "R008", "R009", "R012"]
    assert cached.responses["id"].tolist() == expected
    shown = list(cached.responses.columns)
    pd.testing.assert_frame_equal(
        direct.responses[shown].reset_index(drop=True),
        cached.responses.reset_index(drop=True),
        check_dtype=False,
        check_categorical=False,
    )
    assert headline(cached).result == headline(direct).result
    assert data_quality(cached).equals(data_quality(direct))


def test_the_load_report_survives_the_cache(tmp_path: Path) -> None:
    path = _write(tmp_path / "r.csv", "cp932")
    cache = _cache(path, tmp_path)
    original = load_responses(path, date_column="date").report
    stored = open_cache(cache.path).report
    for item in dataclasses.fields(original):
        mine, theirs = getattr(stored, item.name), getattr(original, item.name)
        if isinstance(theirs, pd.DataFrame):
            pd.testing.assert_frame_equal(mine, theirs, check_dtype=False)
        else:
            assert mine == theirs, item.name


def test_the_cache_is_reused_while_the_input_is_unchanged(tmp_path: Path) -> None:
    path = _write(tmp_path / "r.csv", "cp932")
    first = _cache(path, tmp_path)
    stamp = first.path.stat().st_mtime_ns
    again = _cache(path, tmp_path)
    assert again.path == first.path
    assert again.path.stat().st_mtime_ns == stamp
    # Another loader option or another input is another cache.
    assert _cache(path, tmp_path, encoding="cp932").path != first.path
    path.write_bytes(path.read_bytes() + "R099,EC事業部,9,2026-10-30,new\n".encode("cp932"))
    changed = _cache(path, tmp_path)
    assert changed.path != first.path
    assert "R099" in read_rows(changed, unit_values=["EC事業部"]).data["id"].tolist()
    assert sorted(p.name for p in (tmp_path / "cache").iterdir() if p.name.startswith(".")) == []


def test_rows_outside_the_window_are_not_read(tmp_path: Path) -> None:
    cache = _cache(_write(tmp_path / "r.parquet", "parquet"), tmp_path)
    start, end = report_window("2026-10")
    assert (start, end) == (pd.Timestamp("2025-10-01"), pd.Timestamp("2026-11-01"))
    rows = read_rows(cache, unit_values=["店舗事業部"], start=start, end=end).data
    assert rows["id"].tolist() == ["R002", "R006", "R010"]
    assert UNIT_KEY not in rows.columns


def test_each_row_group_holds_few_units_so_a_unit_read_skips_the_rest(tmp_path: Path) -> None:
    rng = np.random.default_rng(1)
    n = 60_000
    frame = pd.DataFrame(
        {
            "store": rng.choice([f"S{i:03d}" for i in range(40)], n),
            "score": rng.integers(0, 11, n).astype(str),
            "date": pd.Timestamp("2025-01-01") + pd.to_timedelta(rng.integers(0, 700, n), unit="D"),
        }
    )
    path = tmp_path / "big.parquet"
    frame.to_parquet(path, index=False)
    cache = build_cache(
        path, cache_dir=tmp_path, sha256=_sha(path), unit_column="store", date_column="date"
    )
    meta = pq.ParquetFile(cache.path).metadata
    assert meta.num_row_groups > 5
    column = meta.schema.names.index(UNIT_KEY)
    spans = [
        (
            meta.row_group(i).column(column).statistics.min,
            meta.row_group(i).column(column).statistics.max,
        )
        for i in range(meta.num_row_groups)
    ]
    # Sorted by unit: a row group spans a contiguous range of units, so a unit is in few groups.
    touching = [lo <= "S007" <= hi for lo, hi in spans]
    assert sum(touching) <= 2
    rows = read_rows(cache, unit_values=["S007"]).data
    assert len(rows) == int((frame["store"] == "S007").sum())
    assert rows["nps_row"].is_monotonic_increasing


def test_a_file_that_is_not_a_cache(tmp_path: Path) -> None:
    path = tmp_path / "x.parquet"
    ROWS.to_parquet(path)
    with pytest.raises(DataError) as err:
        open_cache(path)
    assert str(err.value) == f"{path}: not an nps-kit cache file."
