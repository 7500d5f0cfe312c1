"""The alert e-mail (``nps_kit.alerts_mail``), composed without a server."""

from __future__ import annotations

import datetime as dt
from email.headerregistry import Address
from pathlib import Path

import pandas as pd
import pytest

from nps_kit.alerts_mail import compose_alert
from nps_kit.params import load_unit


def test_a_header_s_half_width_kana_label_the_alert_full_width(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # QA25 C-5: the alert's profile line read 「ｵﾍﾟﾚｰﾀ：伊藤」 (the breakdown's header as written).
    monkeypatch.chdir(tmp_path)
    (tmp_path / "r.csv").write_text("ｺｰﾙID,日時,ｽｺｱ,ｵﾍﾟﾚｰﾀ,ｺﾒﾝﾄ,連絡可否,ﾒﾓ\n", encoding="utf-8")
    unit_file = tmp_path / "u.yaml"
    unit_file.write_text(
        "name: 札幌\nlanguage: ja\ndata: {path: r.csv}\n"
        "columns: {score: ｽｺｱ, date: 日時, id: ｺｰﾙID, comment: ｺﾒﾝﾄ, contact: 連絡可否,"
        " contact_details: [ﾒﾓ]}\n"
        "breakdowns: [ｵﾍﾟﾚｰﾀ]\nalerts: {to: [a@example.com]}\n",
        encoding="utf-8",
    )
    rows = pd.DataFrame(
        [
            {
                "date": "2026-11-03 11:00 JST",
                "score": 2,
                "ｵﾍﾟﾚｰﾀ": "伊藤",
                "ﾒﾓ": "折り返し希望",
                "comment": "遅い",
                "response_id": "C1",
                "call_by": "2026-11-05 11:00 JST",
            }
        ]
    )
    composed = compose_alert(
        load_unit(unit_file),
        rows,
        sender=Address(addr_spec="nps@example.com"),
        now=dt.datetime(2026, 11, 4, tzinfo=dt.UTC),
    )
    body = composed.message.get_body(("plain",))
    assert body is not None
    text = body.get_content().replace("\r\n", "\n")
    assert "/ オペレータ：伊藤\n" in text and "  メモ：折り返し希望\n" in text
    assert "ｵﾍﾟﾚｰﾀ" not in text and "ﾒﾓ" not in text
