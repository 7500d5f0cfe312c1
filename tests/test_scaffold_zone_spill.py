"""FIX58 (QA28 #1): one month for one export, a unit's language is its readers'.

An English logistics export with UTC instants; one account manager's customers write
Japanese. Init must not turn that unit into a Japanese (Asia/Tokyo) one, whose October's last
hour would spill into a November of a few responses.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest
import yaml

from nps_kit import clock
from nps_kit.cli import main
from nps_kit.scaffold import project_from_export

EN = [
    "The driver was late again and nobody called us",
    "Great service, the pallets arrived on time",
    "Invoices are confusing and the portal is slow",
    "Friendly account manager, quick answers",
]
JA = [
    "配送が遅れて連絡もありませんでした",
    "担当者の対応がとても丁寧でした",
    "請求書が分かりにくいです",
    "荷物が時間通りに届いて助かりました",
]


def _export(path: Path) -> Path:
    rows = []
    for unit, texts in (("Ann Lee", EN), ("Bob Ray", EN), ("Ken Sato", JA)):
        for month in (9, 10):
            for day in range(1, 29):
                rows.append(
                    {
                        "submitted_at": pd.Timestamp(2026, month, day, 12, tz="UTC"),
                        "account_manager": unit,
                        "nps_score": str((day * 7) % 11),
                        "nps_reason": texts[day % len(texts)],
                    }
                )
        # The last hour of October in UTC: 1 November in Tokyo.
        for minute in (10, 30):
            rows.append(
                {
                    "submitted_at": pd.Timestamp(2026, 10, 31, 23, minute, tz="UTC"),
                    "account_manager": unit,
                    "nps_score": "9",
                    "nps_reason": texts[minute % len(texts)],
                }
            )
    frame = pd.DataFrame(rows)
    frame.to_parquet(path, index=False)
    return path


def _yaml(path: Path) -> dict[str, object]:
    loaded = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(loaded, dict)
    return loaded


def test_init_keeps_the_readers_language_and_writes_the_zone(tmp_path: Path) -> None:
    root = tmp_path / "logi"
    project_from_export(root, _export(tmp_path / "logi.parquet"), unit_column="account_manager")
    defaults = _yaml(root / "parameters" / "defaults.yaml")
    assert defaults["language"] == "en"
    # The zone decided is written, so that no unit's zone follows from a language.
    assert defaults["timezone"] == "UTC"
    said = (root / "parameters" / "defaults.yaml").read_text(encoding="utf-8")
    assert "# The customers of 1 units answer mostly in Japanese (Ken Sato)" in said
    ken = (root / "parameters" / "ken-sato.yaml").read_text(encoding="utf-8")
    assert "language" not in _yaml(root / "parameters" / "ken-sato.yaml")
    # Said, not switched: the readers may still choose Japanese.
    assert "# language: ja" in ken
    assert "Japanese" in ken


def _init_and_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, ken: str = "") -> Path:
    root = tmp_path / "logi"
    project_from_export(root, _export(tmp_path / "logi.parquet"), unit_column="account_manager")
    with (root / "parameters" / "ken-sato.yaml").open("a", encoding="utf-8") as f:
        f.write(ken)
    when = dt.datetime(2026, 12, 5, 9, tzinfo=dt.UTC)
    monkeypatch.setattr(clock, "now", lambda language, timezone=None: when)
    monkeypatch.chdir(root)
    assert main(["run", "--all", "--jobs", "1"]) == 0
    return root


@pytest.mark.slow
def test_run_reports_one_month_for_every_unit_of_the_export(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # A unit set by hand to read in Tokyo: its own latest would be a November of 2 responses.
    root = _init_and_run(tmp_path, monkeypatch, "language: ja\ntimezone: Asia/Tokyo\n")
    assert {p.parent.name for p in (root / "reports").glob("*/manifest.json")} == {"2026-10"}
    manifest = (root / "reports" / "2026-10" / "manifest.json").read_text(encoding="utf-8")
    assert '"ken-sato"' in manifest
    err = capsys.readouterr().err
    # The unit reads in Japanese, so its note is in Japanese (FIX92: a unit's notes, its language).
    assert "note: ken-sato：期間「latest」は、logi.parquetのすべてのユニットで2026-10です" in err
    assert "2026-11" in err


def test_a_japanese_comment_in_an_english_unit_is_read_by_the_japanese_words() -> None:
    from nps_kit.text.packs import load_pack
    from nps_kit.text.themes import tag_themes

    tags = tag_themes(pd.Series([JA[0], EN[0]]), load_pack("generic"))
    assert bool(tags.loc[0].any()) and bool(tags.loc[1].any())
