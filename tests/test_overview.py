"""The overview page of a period: units' changes with the false discovery rate controlled."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from nps_kit.overview import write_overview


def _unit(unit: str, p_value: float | None, verdict: str, lang: str = "ja") -> dict[str, Any]:
    change = {"vs": "2026-09", "diff": 5.0 if verdict != "decline" else -5.0}
    change |= {"ci_low": 1.0, "ci_high": 9.0, "p_value": p_value, "verdict": verdict}
    return {
        "unit": unit,
        "name": unit.upper(),
        "language": lang,
        "status": "ok",
        "html": f"{unit}.html",
        "notebook": f"{unit}.ipynb",
        "summary": {"n": 400, "nps": 10.0, "ci_low": 5.0, "ci_high": 15.0, "change": change},
    }


def _changes(page: str) -> list[str]:
    rows = re.findall(r"<tr><td>(.*?)</td>.*?</td><td>.*?</td><td>(.*?)</td>", page)
    return [f"{name}: {change}" for name, change in rows]


def test_overview_verdicts_control_the_false_discovery_rate_across_units(tmp_path: Path) -> None:
    # Raw p .001 .04 .3 .5 .8 → Benjamini–Hochberg .005 .1 .5 .625 .8: only A stays significant;
    # B's unadjusted "decline" reads "no significant change" here.
    units = [
        _unit("a", 0.001, "improvement"),
        _unit("b", 0.04, "decline"),
        _unit("c", 0.3, "no_change"),
        _unit("d", 0.5, "no_change"),
        _unit("e", 0.8, "no_change"),
    ]
    write_overview(tmp_path, {"period": "2026-10", "units": units})
    page = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert _changes(page) == [
        "A: +5.0 ポイント (有意に改善)",
        "B: −5.0 ポイント (有意な変化なし)",
        "C: +5.0 ポイント (有意な変化なし)",
        "D: +5.0 ポイント (有意な変化なし)",
        "E: +5.0 ポイント (有意な変化なし)",
    ]
    assert "Benjamini–Hochberg 法により偽発見率を5%に抑えています" in page


def test_overview_in_english_names_the_method(tmp_path: Path) -> None:
    units = [_unit("a", 0.01, "improvement", "en"), _unit("b", None, "insufficient_data", "en")]
    write_overview(tmp_path, {"period": "2026-10", "units": units})
    page = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert _changes(page)[0] == "A: +5.0 pts (significant improvement)"
    assert "hold the false discovery rate across all units at 5% (Benjamini–Hochberg)" in page
