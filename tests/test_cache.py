from __future__ import annotations

import dataclasses
import hashlib
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow.parquet as pq
import pytest

from nps_kit.cache import (
    _FORMAT,
    STALE_AFTER,
    UNIT_KEY,
    build_cache,
    open_cache,
    prune_stale,
    read_rows,
)
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
            "令和8年10月20日",  # the Japanese era, as Japanese office systems write dates
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
    assert (stored.dates_unparsed, stored.date_examples) == (1, ("someday",))
    for item in dataclasses.fields(original):
        mine, theirs = getattr(stored, item.name), getattr(original, item.name)
        if isinstance(theirs, pd.DataFrame):
            pd.testing.assert_frame_equal(mine, theirs, check_dtype=False)
        else:
            assert mine == theirs, item.name


def test_the_cache_is_reused_while_the_input_is_unchanged(tmp_path: Path) -> None:
    path = _write(tmp_path / "r.csv", "cp932")
    first = _cache(path, tmp_path)
    inode = first.path.stat().st_ino
    again = _cache(path, tmp_path)
    assert again.path == first.path
    # Not written again (an atomic write is a new file); its time is touched as its last use.
    assert again.path.stat().st_ino == inode
    # Another loader option or another input is another cache.
    assert _cache(path, tmp_path, encoding="cp932").path != first.path
    path.write_bytes(path.read_bytes() + "R099,EC事業部,9,2026-10-30,new\n".encode("cp932"))
    changed = _cache(path, tmp_path)
    assert changed.path != first.path
    assert "R099" in read_rows(changed, unit_values=["EC事業部"]).data["id"].tolist()
    assert sorted(p.name for p in (tmp_path / "cache").iterdir() if p.name.startswith(".")) == []


def test_a_cache_folder_that_cannot_be_written_is_read_and_a_missing_cache_built_aside(
    tmp_path: Path,
) -> None:
    # FIX64: alerts on a reports folder shared read-only. A folder under a file stands for it
    # here (no one, root included, writes there); a cache already in the folder is read there.
    path = _write(tmp_path / "r.csv", "cp932")
    first = _cache(path, tmp_path)
    spare = tmp_path / "spare"
    again = _cache(path, tmp_path, spare_dir=spare)
    assert again.path == first.path and not spare.exists()
    blocked = tmp_path / "a-file"
    blocked.write_text("", encoding="utf-8")
    aside = build_cache(
        path,
        cache_dir=blocked / "cache",
        sha256=_sha(path),
        columns=["id"],
        date_column="date",
        spare_dir=spare,
    )
    assert aside.path.parent == spare
    assert read_rows(aside).data["id"].tolist()[:2] == ["R001", "R002"]
    with pytest.raises(OSError):  # without a spare folder, as before: run says why first
        build_cache(path, cache_dir=blocked / "cache", sha256=_sha(path), date_column="date")


def test_caches_of_earlier_versions_of_an_export_are_pruned_once_unused(tmp_path: Path) -> None:
    # QA19: a daily warehouse extract added a cache file per version, forever.
    import os
    import time

    path = _write(tmp_path / "r.csv", "cp932")
    other = _write(tmp_path / "other.csv", "bom-semicolon")
    first = _cache(path, tmp_path)
    options = _cache(path, tmp_path, encoding="cp932")  # this version, other loader options
    unrelated = _cache(other, tmp_path)
    not_a_cache = tmp_path / "cache" / "notes.parquet"
    not_a_cache.write_bytes(b"PAR1 not a cache")
    path.write_bytes(path.read_bytes() + "R099,EC事業部,9,2026-10-30,new\n".encode("cp932"))
    # The export changed a moment ago: a run that began before may still read the old cache.
    second = _cache(path, tmp_path)
    assert first.path.exists()
    # A day later, unused: the next version's build removes the old one and nothing else.
    old = time.time() - STALE_AFTER - 60
    for p in (first.path, options.path, unrelated.path, not_a_cache):
        os.utime(p, (old, old))
    path.write_bytes(path.read_bytes() + "R100,EC事業部,3,2026-10-31,late\n".encode("cp932"))
    third = _cache(path, tmp_path)
    left = {p.name for p in (tmp_path / "cache").iterdir()}
    assert first.path.name not in left and options.path.name not in left
    assert {second.path.name, third.path.name, unrelated.path.name, "notes.parquet"} <= left
    # A cache still in use is touched on reuse, so it is never old enough to prune.
    os.utime(unrelated.path, (old, old))
    _cache(other, tmp_path)
    assert prune_stale(tmp_path / "cache", source=other, sha256="new") == []


def test_rows_outside_the_window_are_not_read(tmp_path: Path) -> None:
    cache = _cache(_write(tmp_path / "r.parquet", "parquet"), tmp_path)
    start, end = report_window("2026-10")
    assert (start, end) == (pd.Timestamp("2025-10-01"), pd.Timestamp("2026-11-01"))
    rows = read_rows(cache, unit_values=["店舗事業部"], start=start, end=end).data
    assert rows["id"].tolist() == ["R002", "R006", "R010"]
    assert UNIT_KEY not in rows.columns


def test_only_the_columns_asked_for_are_read_with_the_loader_s_own(tmp_path: Path) -> None:
    # FIX61: alerts read a unit's rows with the few columns they need.
    cache = _cache(_write(tmp_path / "r.parquet", "parquet"), tmp_path)
    full = read_rows(cache, unit_values=["店舗事業部"]).data
    rows = read_rows(cache, unit_values=["店舗事業部"], columns=["id", "absent"]).data
    assert "comment" in full.columns
    assert "comment" not in rows.columns
    assert "absent" not in rows.columns
    assert [c for c in rows.columns if not c.startswith("nps_")] == ["id"]
    pd.testing.assert_frame_equal(rows, full[list(rows.columns)])


def test_the_columns_that_name_places_are_kept_for_a_unit_s_zone_hint(tmp_path: Path) -> None:
    # FIX61: zone_hint reads any column of places; the cache keeps them though no unit uses them.
    path = tmp_path / "r.csv"
    ROWS.assign(region=["Scotland", "London", "", "North West"] * 3, note="x").to_csv(
        path, index=False
    )
    cache = _cache(path, tmp_path)
    assert cache.places == ("region",)
    assert "region" in read_rows(cache).data.columns
    assert "note" not in read_rows(cache).data.columns
    assert open_cache(cache.path).places == ("region",)


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


def test_a_cache_that_is_gone_says_how_to_read_the_export_instead(tmp_path: Path) -> None:
    # REVIEW28: a report notebook opened again names its run's cache; once that file is pruned
    # (an export seen again after STALE_AFTER) or the reports folder moved, open_cache raised
    # pyarrow's FileNotFoundError from inside the notebook.
    gone = tmp_path / "reports" / ".cache" / "0123.parquet"
    with pytest.raises(DataError) as err:
        open_cache(gone)
    assert str(err.value) == (
        f"{gone}: no such cache file: the run that wrote this notebook's data_cache built it, and "
        "it has since been removed or moved. Run nps-kit run again: it builds a new cache from "
        "the export. A report notebook run by hand reads the export itself with data_cache set "
        "to None."
    )


def test_a_cache_of_an_earlier_format_says_how_to_rebuild_it(tmp_path: Path) -> None:
    # A report notebook executed again by hand keeps the data_cache of its run: a format-2
    # cache has no nps_finished, and the error said only "cache format 2 is not 3" (the format
    # is 6 since the loader says which rows dedupe's duplicates repeat).
    import json

    store = _cache(_write(tmp_path / "x.csv", "cp932"), tmp_path)
    table = pq.read_table(store.path)
    meta = json.loads(table.schema.metadata[b"nps_kit.cache"])
    old = tmp_path / "old.parquet"
    pq.write_table(
        table.replace_schema_metadata(
            {b"nps_kit.cache": json.dumps({**meta, "format": 2}).encode()}
        ),
        old,
    )
    with pytest.raises(DataError) as err:
        open_cache(old)
    assert str(err.value) == (
        f"{old}: cache format 2 is not {_FORMAT}: it was written by an earlier nps-kit, which read "
        "the export differently. Run nps-kit run again: it builds a new cache from the export. "
        "A report notebook run by hand reads the export itself with data_cache set to None."
    )


# Awkward exports: repeated rows and ids, a comment spanning lines, a blank line, full-width
# unit names, a column of numbers and text, scores that are not 0-10, undated rows.
AWKWARD = (
    "id,部門,score,date,comment,visits\r\n"
    "R001,EC事業部,9,2026-10-03,良い,1\r\n"
    'R002,店舗事業部,無回答,2026-10-04,"遅い\r\n二行目",2\r\n'
    "R003,ＥＣ事業部 ,abc,2026-10-05,,3\r\n"
    "R001,EC事業部,9,2026-10-03,良い,1\r\n"  # the same row again
    "\r\n"
    "R001,EC事業部,7,2026-10-06,別の回答,x\r\n"  # the same id, another answer
    'R004,店舗事業部,11,someday,"カンマ, と ""引用""",\r\n'
    "R005,,5,2026-09-30,ok,4.5\r\n"
    # Many rows alike, so the cache stores its text columns dictionary-encoded.
    + "".join(f"R{i},店舗事業部,8,2026-10-07,普通,1\r\n" for i in range(100, 160))
    + "合計,,8.1,,,\r\n"  # a totals row under the table (QA25)
)


@pytest.mark.parametrize("encoding", ["cp932", "utf-8-sig", "utf-8"])
@pytest.mark.parametrize("dedupe", [False, True])
def test_the_cache_gives_the_frame_and_report_the_loader_gives(
    tmp_path: Path, encoding: str, dedupe: bool
) -> None:
    path = tmp_path / "awkward.csv"
    path.write_bytes(AWKWARD.encode(encoding))
    options = {"date_column": "date", "id_column": "id", "dedupe": dedupe}
    direct = load_responses(path, **options)  # type: ignore[arg-type]
    cache = build_cache(
        path,
        cache_dir=tmp_path / "cache",
        sha256=_sha(path),
        columns=["comment", "visits"],
        unit_column="部門",
        **options,  # type: ignore[arg-type]
    )
    cached = read_rows(cache)
    assert cached.report.to_dict() == direct.report.to_dict()
    for lang in ("en", "ja"):
        assert cached.report.summary(lang) == direct.report.summary(lang)  # type: ignore[arg-type]
    assert direct.report.totals_rows == ("合計",)
    assert direct.report.duplicate_rows == 1
    assert direct.report.duplicate_ids == 1
    assert direct.report.n_invalid == 2
    pd.testing.assert_frame_equal(cached.data, direct.data[list(cached.data.columns)])
    assert "遅い\r\n二行目" in cached.data["comment"].tolist()
    # Read by unit, the same rows (the full-width, padded name is EC's too).
    ec = read_rows(cache, unit_values=["EC事業部"]).data
    expected = direct.data[direct.data["部門"].str.strip().isin(["EC事業部", "ＥＣ事業部"])]
    pd.testing.assert_frame_equal(
        ec, expected[list(ec.columns)].reset_index(drop=True), check_index_type=False
    )


def test_units_in_different_zones_read_one_zone_aware_export_each_as_their_wall_clock(
    tmp_path: Path,
) -> None:
    # A warehouse extract with UTC instants (datetime64[ns, UTC]), read by a New York and a
    # Tokyo unit: the same instants fall in different months, so no cached frame may carry one
    # unit's zone into the other's report.
    from nps_kit.params import load_all
    from nps_kit.run import export_cache

    instants = ["2026-10-15 12:00", "2026-10-31 20:00", "2026-11-01 02:00", "2026-11-20 12:00"]
    export = pd.DataFrame(
        {
            "id": ["A", "B", "C", "D"],
            "score": [10, 0, 9, 5],
            "created_at": pd.to_datetime(instants).tz_localize("UTC"),
        }
    )
    export.to_parquet(tmp_path / "extract.parquet", index=False)
    params = tmp_path / "parameters"
    params.mkdir()
    (params / "defaults.yaml").write_text(
        "data: {path: ../extract.parquet}\ncolumns: {score: score, date: created_at, id: id}\n",
        encoding="utf-8",
    )
    (params / "ny.yaml").write_text(
        "name: New York\nlanguage: en\ntimezone: America/New_York\n", encoding="utf-8"
    )
    (params / "tokyo.yaml").write_text("name: 東京\nlanguage: ja\n", encoding="utf-8")
    found = load_all(params)
    found.raise_if_errors()
    months = {}
    for unit in found.units.values():
        cache = export_cache(unit, cache_dir=tmp_path / "cache")
        data = prepare_unit(
            unit.data.path,
            name=unit.name,
            language=unit.language,
            timezone=unit.timezone,
            date_column="created_at",
            score_column="score",
            period="2026-11",
            cache=cache,
        )
        direct = prepare_unit(
            unit.data.path,
            name=unit.name,
            language=unit.language,
            timezone=unit.timezone,
            date_column="created_at",
            score_column="score",
            period="2026-11",
        )
        assert direct.responses["nps_date"].tolist() == data.responses["nps_date"].tolist()
        months[unit.unit] = dict(zip(data.responses["id"], data.responses["period"], strict=True))
        if unit.unit == "ny":
            assert data.responses["nps_date"].iloc[1] == pd.Timestamp("2026-10-31 16:00")
    assert months == {
        "ny": {"A": "2026-10", "B": "2026-10", "C": "2026-10", "D": "2026-11"},
        "tokyo": {"A": "2026-10", "B": "2026-11", "C": "2026-11", "D": "2026-11"},
    }


def test_a_drop_cache_keeps_its_files_and_its_data_quality_names_them(tmp_path: Path) -> None:
    # QA24: data.path a folder; the report's Data quality says which files it read.
    from nps_kit._drop import drop_files, drop_sha256

    folder = tmp_path / "drop"
    folder.mkdir()
    ROWS.iloc[:8].to_parquet(folder / "a.parquet", index=False)
    ROWS.iloc[6:].to_parquet(folder / "b_late.parquet", index=False)  # R007, R008 again
    cache = build_cache(
        folder,
        cache_dir=tmp_path / "cache",
        sha256=drop_sha256(drop_files(folder)),
        columns=["id", "comment"],
        unit_column="部門",
        date_column="date",
        id_column="id",
    )
    assert open_cache(cache.path).report.files == tuple(str(f) for f in drop_files(folder))
    cached = prepare_unit(folder, cache=cache.path, id_column="id", **EC)  # type: ignore[arg-type]
    direct = prepare_unit(folder, id_column="id", **EC)  # type: ignore[arg-type]
    assert cached.responses["id"].tolist() == direct.responses["id"].tolist()
    quality = dict(data_quality(cached).itertuples(index=False, name=None))
    # Each file with its rows, before and after repeats (FIX39 #2: only the newest was named).
    rows = len(ROWS)
    assert quality["読んだファイル（行数、重複を除いた後）"] == (
        f"a.parquet 8行（8行）、b_late.parquet {rows - 6}行（{rows - 8}行）"
    )
    assert quality["ファイルの行数（重複を除く前）"] == f"{rows + 2}"
    assert quality["前のファイルと重複した回答（一度だけ数える）"] == "2"
