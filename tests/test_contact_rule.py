"""One contact rule for run, alerts, init --from and the data quality (nps_kit._contact_rule).

FIX74: ``run`` refused a unit whose ``columns.contact`` was null beside a consent question,
while ``alerts`` read that question itself and alerted: one unit, two decisions. Each case
below is one export, read by all four.
"""

from __future__ import annotations

import email
import email.policy
import re
from email.message import EmailMessage
from pathlib import Path

import pandas as pd
import pytest
import yaml

from nps_kit._contact_rule import frame_contact_rule
from nps_kit._unit_rows import ExportRows, UnitRefused, check_unit_rows
from nps_kit.cache import open_cache
from nps_kit.cli import main
from nps_kit.params import load_all
from nps_kit.run import export_cache
from nps_kit.sections import contact_quality
from nps_kit.unit import prepare_unit

pytestmark = pytest.mark.slow

LEAVE = "ご連絡してもよろしいですか？（連絡不要の場合は「いいえ」）"
# Each case: the consent column, its answers row by row, and the ids who allowed contact.
CASES = {
    "do_not_contact": ("Do not contact", ["No", "Yes", "No", "Yes", "No", "No"]),
    "renraku_fuyou": ("連絡不要", ["いいえ", "はい", "いいえ", "はい", "いいえ", "いいえ"]),
    "asks_leave": (LEAVE, ["はい", "いいえ", "はい", "いいえ", "はい", "はい"]),
    # REVIEW34: an opt-out says no "contact"; read as consent, the alerts listed R2 and R4.
    "opt_out": ("Opt-out", ["No", "Yes", "No", "Yes", "No", "No"]),
}
# The cases asking whether NOT to contact in English.
ENGLISH = ("do_not_contact", "opt_out")
# R1, R3, R5, R6 allowed contact in every case; R6 is a promoter, so detractors R1, R3, R5.
ALLOWED = ["R1", "R3", "R5", "R6"]
DETRACTORS_ALLOWED = ["R1", "R3", "R5"]
SCORES = ["2", "3", "5", "1", "6", "10"]


def _export(tmp_path: Path, case: str) -> Path:
    column, answers = CASES[case]
    frame = pd.DataFrame(
        {
            "Response ID": [f"R{i}" for i in range(1, 7)],
            "Submitted": [f"2026-11-{d:02d} 10:00" for d in (3, 4, 5, 6, 7, 8)],
            "Score": SCORES,
            "Comment": ["遅い", "高い", "普通", "最悪", "いまいち", "最高"],
            "E-mail": [f"r{i}@example.jp" for i in range(1, 7)],
            column: answers,
        }
    )
    path = tmp_path / "export.csv"
    frame.to_csv(path, index=False, encoding="utf-8")
    return path


def _init(tmp_path: Path, case: str) -> Path:
    export = _export(tmp_path, case)
    project = tmp_path / "project"
    assert main(["init", str(project), "--from", str(export)]) == 0
    return project / "parameters"


def _set(params: Path, **columns: object) -> None:
    path = params / "defaults.yaml"
    data = yaml.safe_load(path.read_text("utf-8"))
    data["columns"].update(columns)
    data.pop("contact", None)
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


def _add_alerts(params: Path) -> None:
    for path in params.glob("*.yaml"):
        if path.stem not in ("defaults", "themes", "playbook"):
            text = path.read_text("utf-8")
            path.write_text(text + "alerts: {to: [owner@example.com]}\n", encoding="utf-8")


def _run_check(params: Path, tmp_path: Path) -> str | None:
    """What run says before any kernel: None, or the refusal."""
    (unit,) = load_all(params).units.values()
    cache = open_cache(export_cache(unit, cache_dir=tmp_path / "cache"))
    try:
        check_unit_rows(unit, "2026-11", ExportRows.read(cache))
    except UnitRefused as err:
        return str(err)
    return None


def _alerts(params: Path, tmp_path: Path) -> tuple[int, str]:
    out = tmp_path / "reports"
    status = main(["alerts", "--all", "--since", "2026-11-01", "--dry-run",
                   "--parameters", str(params), "--output", str(out)])  # fmt: skip
    texts = []
    for path in sorted((out / "alerts" / "outbox").glob("*.eml")):
        message = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
        assert isinstance(message, EmailMessage)
        body = message.get_body(("plain",))
        assert body is not None
        texts.append(body.get_content())
    return status, "\n".join(texts)


def _quality(params: Path, *, contact: str | None, details: list[str]) -> str | None:
    (unit,) = load_all(params).units.values()
    prepared = prepare_unit(
        unit.data.path,
        name=unit.name,
        language=unit.language,
        score_column="Score",
        date_column="Submitted",
        id_column="Response ID",
        period="2026-11",
        consent_yes=list(unit.contact.consent_yes),
        consent_no=list(unit.contact.consent_no),
    )
    row = contact_quality(prepared, contact_column=contact, details=details)
    return None if row is None else row["value"]


@pytest.mark.parametrize("case", sorted(CASES))
def test_init_run_alerts_and_the_data_quality_agree_on_who_allowed_contact(
    case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)  # no stray .env: alerts write the outbox
    column, _ = CASES[case]
    params = _init(tmp_path, case)
    # init --from sets the consent question; a "Do not contact" column read the other way round.
    defaults = yaml.safe_load((params / "defaults.yaml").read_text("utf-8"))
    assert defaults["columns"]["contact"] == column
    words = defaults.get("contact")
    if case == "asks_leave":
        assert words is None
    else:
        yes, no = ("No", "Yes") if case in ENGLISH else ("いいえ", "はい")
        assert words == {"consent_yes": [yes], "consent_no": [no]}
    # run accepts it, alerts list exactly those who allowed contact, the data quality counts them.
    assert _run_check(params, tmp_path) is None
    _add_alerts(params)
    status, mail = _alerts(params, tmp_path)
    assert status == 0
    listed = sorted(set(re.findall(r"\bR\d\b", mail)))
    assert listed == DETRACTORS_ALLOWED
    said = _quality(params, contact=column, details=[])
    assert said is not None and said.startswith(f"{len(ALLOWED)}")
    if case != "asks_leave":  # Japanese comments: a Japanese report
        grants = "no" if case in ENGLISH else "いいえ"
        assert said == f"4（「連絡しない」を尋ねる列のため逆向きに読み、「{grants}」を許可とする）"


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_consent_question_left_unset_beside_contact_details_is_refused_by_run_and_alerts_alike(
    case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # The project as an older init (or a hand) left it: contact null, the e-mail listed.
    monkeypatch.chdir(tmp_path)
    column, _ = CASES[case]
    params = _init(tmp_path, case)
    _set(params, contact=None, contact_details=["E-mail"])
    refused = _run_check(params, tmp_path)
    assert refused is not None
    # A column asking whether NOT to contact is said to ask that (REVIEW34: "people who said no"
    # were those who said Yes to "Do not contact"), in the project's Japanese (FIX87).
    asks, who = (
        ("連絡の同意を尋ねる", "連絡を断った")
        if case == "asks_leave"
        else ("連絡しないことを尋ねる", "連絡しないよう求めた")
    )
    assert f"columns.contactがnullですが、「{column}」は{asks}設問です（回答：" in refused
    assert f"作業用ファイルに{who}方の連絡先が載ってしまいます。" in refused
    _add_alerts(params)
    capsys.readouterr()
    status, mail = _alerts(params, tmp_path)
    err = capsys.readouterr().err
    # alerts read the question themselves and mailed (before FIX74); now the same refusal.
    assert status == 2 and mail == ""
    message = refused.split(": ", 1)[1]
    assert message in err
    # What to set names the answers reversed for a question asking whether NOT to contact.
    if case == "asks_leave":
        assert f"columns.contact: {column!r}を設定してください。" in refused
    else:
        yes, no = ("Yes", "No") if case in ENGLISH else ("はい", "いいえ")
        assert (
            f"回答を逆にして指定してください：contact.consent_yes: [{no}]、"
            f"contact.consent_no: [{yes}]（init --fromが書くとおり）。"
        ) in refused
    assert _quality(params, contact=None, details=["E-mail"]) is None


def test_the_rule_reads_a_frame_as_it_reads_the_export() -> None:
    frame = pd.DataFrame(
        {"nps_score": [1.0, 2.0], "E-mail": ["a@x.jp", "b@x.jp"], "Do not contact": ["Yes", "No"]}
    )
    rule = frame_contact_rule(frame, contact=None, details=["E-mail"])
    assert rule.problem is not None and rule.contactable(frame).empty
    set_ = frame_contact_rule(frame, contact="Do not contact")
    assert set_.problem is not None  # its answers not listed reversed
    assert set_.reason == (
        "columns.contact 'Do not contact' asks whether NOT to contact; its answers are not "
        "listed reversed"
    )
