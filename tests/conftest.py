"""Shared fixtures: close figures and seed randomness for every test; every export format."""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import matplotlib
import numpy as np
import pandas as pd
import pytest
from _chromium import browser  # noqa: F401 - real headless chromium, for every test module
from _smtp import Recorder, server  # noqa: F401 - the real SMTP server fixture, for every test module
from hypothesis import settings

from nps_kit.unit import UnitData, prepare_unit

# No time limit per example: the machines are shared and noisy, and a timing assert would flake.
settings.register_profile("nps-kit", deadline=None)
settings.load_profile("nps-kit")

matplotlib.use("Agg")
os.environ.setdefault("MPLBACKEND", "Agg")

ROOT = Path(__file__).resolve().parent.parent
DEMO_DATA = ROOT / "data" / "demo_responses.csv.gz"


@pytest.fixture(autouse=True)
def _close_figures_and_seed() -> Iterator[None]:
    import matplotlib.pyplot as plt

    np.random.seed(0)
    yield
    plt.close("all")


@pytest.fixture(autouse=True)
def _english_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    # Commands outside a project speak the user's locale (command_language): the suite's
    # expectations must not depend on the machine's LANG.
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.delenv("LANGUAGE", raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")


@pytest.fixture
def repo_root() -> Path:
    return ROOT


@pytest.fixture
def outside_the_demo_project(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Run from a folder without ``parameters/``, as a user outside any project.

    The repository is itself a Japanese project (``parameters/defaults.yaml``: ``language:
    ja``), whose language ``inspect`` and ``score`` speak when run there (MSG41); their
    English tests run elsewhere. A test that changes directory itself still does.
    """
    monkeypatch.chdir(tmp_path_factory.mktemp("cwd"))


# --- export formats ---------------------------------------------------------------------------
# One small set of responses written in every format the loader reads, so that every module that
# reads an export (load, periods, unit preparation, params, run) is tested on all of them. The
# responses span September and October 2026 and end on 2026-10-31, written 2026年10月31日 where
# the format holds text dates: the latest complete month is 2026-10. Two more text dates are
# written in the Japanese era (和暦) as office systems export them, among the 西暦 ones.

EXPORT_FORMATS = (
    "cp932",
    "utf16-tab",
    "bom-semicolon",
    "xlsx",
    "parquet",
    "qualtrics",
    "surveymonkey",
    "google-forms",
)
_SCORES = ("10", "9", "8", "7", "6", "3", "0", "9", "無回答", "5", "10", "9")


@dataclass(frozen=True)
class Export:
    """A survey export on disk and what the loader must find in it.

    ``columns`` maps the demo column names (``score``, ``submitted_at``, ``response_id``,
    ``business_unit``, ``channel``, ``comment``, ``contact_ok``) to this export's names
    (``response_id`` is ``None`` when the tool writes no id). ``expected`` holds one row per
    response in file order: ``business_unit``, ``score`` (``Int64``) and ``date``.
    """

    kind: str
    path: Path
    columns: dict[str, str | None]
    expected: pd.DataFrame

    def column(self, name: str) -> str:
        """This export's name for the demo column ``name``."""
        found = self.columns[name]
        assert found is not None
        return found

    @property
    def sheet(self) -> str | None:
        """The XLSX sheet holding the responses (``None`` for other formats)."""
        return "回答" if self.kind == "xlsx" else None

    def prepare(self, *, period: str = "latest") -> UnitData:
        """Prepare the EC事業部 rows as the report notebook does."""
        return prepare_unit(
            self.path,
            name="EC事業部",
            unit_column=self.column("business_unit"),
            unit_values=["EC事業部"],
            score_column=self.column("score"),
            date_column=self.column("submitted_at"),
            sheet=self.sheet,
            period=period,
        )

    def write_unit(self, folder: Path, *, unit: str = "ec", extra: str = "") -> Path:
        """Write ``<folder>/<unit>.yaml``: the EC事業部 rows of this export, default options."""
        c = self.columns
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{unit}.yaml"
        sheet = self.sheet
        path.write_text(
            f"name: EC事業部\nlanguage: ja\n"
            f"data: {{path: {json.dumps(str(self.path))}, sheet: {json.dumps(sheet)}, "
            f"filter: {{column: {c['business_unit']}, values: [EC事業部]}}}}\n"
            f"columns: {{score: {json.dumps(c['score'])}, date: {c['submitted_at']}, "
            f"id: {json.dumps(c['response_id'])}, comment: {c['comment']}, "
            f"contact: {c['contact_ok']}}}\n"
            f"breakdowns: [{c['channel']}]\n" + extra,
            encoding="utf-8",
        )
        return path


def export_rows() -> pd.DataFrame:
    """The responses every export fixture holds, with the demo dataset's column names."""
    rows = []
    for i in range(24):
        when = dt.datetime(2026, 9, 3 + 3 * i, 9, 15) if i < 8 else None
        if when is None:
            when = dt.datetime(2026, 10, 1 + 2 * (i - 8), 18, 30) if i < 23 else None
        rows.append(
            {
                "response_id": f"R{i + 1:03d}",
                "submitted_at": when or dt.datetime(2026, 10, 31),
                "business_unit": "店舗事業部" if i % 3 == 0 else "EC事業部",
                "score": _SCORES[i % len(_SCORES)],
                "channel": "アプリ" if i % 2 else "ウェブ",
                # A report shows comments as data: words such as ERROR must not fail it.
                "comment": ("配送が遅い", "とても良い", "アプリでERROR表示 (Warning)")[i % 3],
                "contact_ok": "はい" if i % 4 else "いいえ",
            }
        )
    return pd.DataFrame(rows)


_ERA_DATES = {
    dt.datetime(2026, 9, 6, 9, 15): "令和8年9月6日 9時15分",
    dt.datetime(2026, 10, 3, 18, 30): "R8.10.3 18:30",
}


def _text_date(when: dt.datetime) -> str:
    # The last response is written the Japanese way, which plain pandas cannot parse.
    if when == dt.datetime(2026, 10, 31):
        return "2026年10月31日"
    return _ERA_DATES.get(when) or when.strftime("%Y-%m-%d %H:%M:%S")


def _as_text(rows: pd.DataFrame) -> pd.DataFrame:
    text = rows.copy()
    text["submitted_at"] = [_text_date(d) for d in rows["submitted_at"]]
    return text


def _csv(rows: pd.DataFrame, *, sep: str = ",") -> str:
    return _as_text(rows).to_csv(index=False, sep=sep, lineterminator="\n")


def write_export(kind: str, folder: Path) -> Export:
    """Write the responses of :func:`export_rows` as ``kind`` (one of ``EXPORT_FORMATS``)."""
    rows = export_rows()
    same = {c: c for c in rows.columns}
    scores = pd.array([None if s == "無回答" else int(s) for s in rows["score"]], dtype="Int64")
    expected = pd.DataFrame(
        {"business_unit": rows["business_unit"], "score": scores, "date": rows["submitted_at"]}
    )
    if kind == "cp932":
        path = folder / "export.csv"
        path.write_bytes(_csv(rows).encode("cp932"))
    elif kind == "utf16-tab":
        path = folder / "export.txt"
        path.write_bytes(_csv(rows, sep="\t").replace("\n", "\r\n").encode("utf-16"))
    elif kind == "bom-semicolon":
        path = folder / "export.csv"
        path.write_bytes(_csv(rows, sep=";").encode("utf-8-sig"))
    elif kind == "xlsx":
        path = folder / "export.xlsx"
        cells = rows.copy()
        cells["score"] = [s if s == "無回答" else int(s) for s in rows["score"]]
        cells.to_excel(path, sheet_name="回答", index=False)
    elif kind == "parquet":
        path = folder / "export.parquet"
        typed = rows.copy()
        typed["score"] = scores
        typed.to_parquet(path)
    elif kind == "qualtrics":
        path = folder / "export.csv"
        ids = ["StartDate", "Status", "ResponseId", "Q3", "Q1", "Q4", "Q2", "Q5"]
        questions = ["Start Date", "Response Type", "Response ID", "部門", "おすすめ度", "チャネル"]
        questions += ["理由", "連絡してよいですか"]
        text = _as_text(rows)
        body = pd.DataFrame(
            {
                "StartDate": text["submitted_at"],
                "Status": "IP Address",
                "ResponseId": rows["response_id"],
                "Q3": rows["business_unit"],
                "Q1": rows["score"],
                "Q4": rows["channel"],
                "Q2": rows["comment"],
                "Q5": rows["contact_ok"],
            }
        )
        preview = body.iloc[[0]].assign(Status="Survey Preview", Q1="0", ResponseId="P1")
        body = pd.concat([preview, body], ignore_index=True)
        import_ids = [json.dumps({"ImportId": i}) for i in ids]
        header = pd.DataFrame([questions, import_ids], columns=ids)
        path.write_bytes(
            pd.concat([header, body]).to_csv(index=False, lineterminator="\n").encode("utf-8-sig")
        )
        same = {
            "submitted_at": "StartDate",
            "response_id": "ResponseId",
            "business_unit": "Q3",
            "score": "Q1",
            "channel": "Q4",
            "comment": "Q2",
            "contact_ok": "Q5",
        }
    elif kind == "surveymonkey":
        path = folder / "export.csv"
        names = {
            "response_id": "Respondent ID",
            "submitted_at": "Start Date",
            "business_unit": "部門",
            "score": "How likely is it that you would recommend us to a friend?",
            "channel": "チャネル",
            "comment": "Comments",
            "contact_ok": "連絡可否",
        }
        body = rows.rename(columns=names)
        # ISO dates: the loader does not read SurveyMonkey's US "10/03/2026 09:15:00 AM" form
        # (month/day order is ambiguous), so a unit names another date column for such exports.
        body["Start Date"] = [d.strftime("%Y-%m-%d %H:%M:%S") for d in rows["submitted_at"]]
        subs = ["", "", "Response", "Response", "Response", "Open-Ended Response", "Response"]
        header = pd.DataFrame([subs], columns=list(body.columns))
        path.write_text(
            pd.concat([header, body]).to_csv(index=False, lineterminator="\n"), encoding="utf-8"
        )
        same = names
    elif kind == "google-forms":
        path = folder / "export.csv"
        names = {
            "submitted_at": "タイムスタンプ",
            "business_unit": "部門",
            "score": "おすすめ度",
            "channel": "チャネル",
            "comment": "理由",
            "contact_ok": "連絡してよいですか",
        }
        body = rows.drop(columns="response_id").rename(columns=names)
        body["タイムスタンプ"] = [d.strftime("%Y/%m/%d %-H:%M:%S") for d in rows["submitted_at"]]
        path.write_text(body.to_csv(index=False, lineterminator="\n"), encoding="utf-8")
        same = {**names, "response_id": None}  # type: ignore[dict-item]
    else:
        raise ValueError(f"unknown export format {kind!r}")
    return Export(kind=kind, path=path, columns=dict(same), expected=expected)


@pytest.fixture(params=EXPORT_FORMATS)
def export(request: pytest.FixtureRequest, tmp_path: Path) -> Export:
    """The shared responses written in one export format (every format in turn)."""
    return write_export(request.param, tmp_path)


# --- fakes of the scoring results ---------------------------------------------------------------
# What report blocks read of an NpsResult and a Change, with the documented example's numbers.


@dataclass(frozen=True)
class FakeResult:
    """An ``NpsResult`` look-alike: 512 responses, NPS −4.9 (−11.0 to 1.2)."""

    n: int = 512
    promoters: float = 103
    passives: float = 281
    detractors: float = 128
    pct_promoters: float = 20.1
    pct_passives: float = 54.9
    pct_detractors: float = 25.0
    nps: float | None = -4.9
    ci_low: float | None = -11.0
    ci_high: float | None = 1.2
    n_eff: float = 512.0
    small_sample: bool = False


@dataclass(frozen=True)
class FakeChange:
    """A ``Change`` look-alike: +3.2 (−5.0 to 11.4), no significant change."""

    diff: float | None = 3.2
    ci_low: float | None = -5.0
    ci_high: float | None = 11.4
    z: float | None = 0.8
    p_value: float | None = 0.44
    verdict: str = "no_change"


@pytest.fixture
def smtp(server: tuple[Recorder, int], monkeypatch: pytest.MonkeyPatch) -> Recorder:  # noqa: F811
    """The real SMTP ``server``'s recorder, named in the ``NPS_KIT_SMTP_*`` environment that
    ``nps-kit send`` and ``alerts`` read."""
    recorder, port = server
    for key, value in {
        "HOST": "127.0.0.1",
        "PORT": str(port),
        "SECURITY": "none",
        "FROM": "NPS <nps@example.com>",
    }.items():
        monkeypatch.setenv(f"NPS_KIT_SMTP_{key}", value)
    return recorder
