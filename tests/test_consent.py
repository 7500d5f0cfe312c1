"""How a consent question's answers read (``nps_kit._consent``): one rule for init and loader."""

from __future__ import annotations

import pandas as pd
import pytest

from nps_kit._consent import (
    CONSENT_NAME,
    consent_answer,
    consent_columns,
    consent_read,
    reads_as_consent,
    refused,
)
from nps_kit.unit import consent_problem


@pytest.mark.parametrize(
    ("answer", "reading"),
    [("可", True), ("否", False), ("連絡可", True), ("連絡否", False), ("連絡不可", False)],
)
def test_ka_and_hi_read_as_yes_and_no(answer: str, reading: bool) -> None:
    # QA25 C-1: 否 read as neither, so init refused a 連絡可否 column the loader accepted.
    assert consent_answer(answer) is reading


def test_a_column_reads_as_consent_when_half_its_answers_say_yes_or_no() -> None:
    assert consent_read(["可", "否", None, " "]) == (2, 2)
    assert reads_as_consent(["可", "否"])
    assert reads_as_consent(["はい", "いいえ", "わからない"])
    assert not reads_as_consent(["電話", "メール", "不要"])
    assert not reads_as_consent([])


def test_the_loader_accepts_what_init_proposes_and_refuses_what_it_does_not() -> None:
    # One rule: the loader's check of columns.contact is reads_as_consent.
    for values in (["可", "否"], ["はい", "いいえ", "わからない"], ["電話", "メール", "不要"]):
        accepted = consent_problem(pd.Series(values), column="連絡可否") is None
        assert accepted is reads_as_consent(values)


@pytest.mark.parametrize(
    ("answer", "reading"),
    [
        ("ja", True), ("Nein", False), ("oui", True), ("Non", False), ("sí", True),
        ("No", False), ("nee", False), ("Ja, gerne", True), ("Nein, danke", False),
        ("Oui, vous pouvez me contacter", True), ("Non merci", False), ("Sí, por favor", True),
    ],
)  # fmt: skip
def test_german_french_spanish_and_dutch_answers_read_as_yes_and_no(
    answer: str, reading: bool
) -> None:
    # QA26 #2: a German 'Kontakt erlaubt' (ja/nein) read as neither, so init made it a
    # breakdown and the loader refused it as columns.contact.
    assert consent_answer(answer) is reading


@pytest.mark.parametrize(
    "header", ["Kontakt erlaubt", "Dürfen wir Sie kontaktieren?", "Einwilligung", "Toestemming"]
)
def test_a_german_or_dutch_header_asks_for_consent(header: str) -> None:
    assert CONSENT_NAME.search(header)
    frame = pd.DataFrame({header: ["ja", "nein", None], "Filiale": ["a", "b", "c"]})
    assert consent_columns(frame) == [header]
    assert refused(frame).tolist() == [False, True, False]
    assert consent_problem(frame[header], column=header) is None


def test_refused_reads_only_consent_questions_and_never_the_details() -> None:
    frame = pd.DataFrame(
        {
            "Kontakt erlaubt": ["nein", "ja", "nein"],
            "Kontakt E-Mail": ["no", "a@b.de", "c@d.de"],  # a detail, never the question
            "Auftragsart": ["nein", "nein", "ja"],  # no consent in its name
            "nps_contact": ["no", "no", "no"],
        }
    )
    assert refused(frame, skip=["Kontakt E-Mail"]).tolist() == [True, False, True]
