"""How a consent question's answers read (``nps_kit._consent``): one rule for init and loader."""

from __future__ import annotations

import pandas as pd
import pytest

from nps_kit._consent import (
    CONSENT_NAME,
    ConsentWords,
    asks_about_contact,
    asks_refusal,
    consent_answer,
    consent_questions,
    consent_read,
    reads_as_consent,
    refused,
    reversed_words,
    unread_answers,
)
from nps_kit.unit import consent_problem, consent_unread, contact_allowed


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
    assert consent_questions(frame.columns, frame.__getitem__) == [header]
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


def test_an_agreement_scale_is_no_consent_question() -> None:
    # 'Zustimmung' is agreement too: its 1–5 answers left unset would refuse the unit.
    assert not CONSENT_NAME.search("Zustimmung Service (1-5)")


@pytest.mark.parametrize(
    ("header", "asks"),
    [
        # REVIEW27 #5: "May we call you back?" (Yes/No) was not seen, so alerts said the export
        # had no consent question and init asked to add one.
        ("May we call you back?", True),
        ("Are you happy for us to ring you about this?", True),
        ("OK to e-mail you about your answer?", True),
        ("Can someone phone you?", True),
        # Questions about the service, answered Yes/No too, are not permission to call.
        ("Did our team call you back?", False),
        ("Could you reach our support by phone?", False),
        ("How easy was it to reach us?", False),
    ],
)
def test_asking_to_call_back_is_a_consent_question(header: str, asks: bool) -> None:
    assert bool(CONSENT_NAME.search(header)) is asks


def test_a_unit_s_own_consent_answers_are_read_before_the_known_words() -> None:
    # PRIV56: an export words consent its own way; the unit lists how (contact.consent_yes /
    # consent_no), compared as the known words are (full width, case, a final full stop).
    words = ConsentWords.of(["Happy to be contacted", 1, "希望する"], ["Please don't", 2])
    assert consent_answer("happy to be contacted.", words=words) is True
    assert consent_answer("Please don't", words=words) is False
    assert consent_answer("Please don't") is None  # unlisted, it reads as neither
    assert consent_answer(2.0, words=words) is False and consent_answer("２", words=words) is False
    assert consent_answer(2) is None
    assert consent_answer("いいえ", words=words) is False  # the known words still read
    assert consent_answer("Maybe later", words=words) is None
    answers = pd.Series(["Happy to be contacted", "Please don't", "Maybe later", None, "1"])
    assert contact_allowed(answers, words=words).tolist() == [True, False, False, False, True]
    assert contact_allowed(answers).tolist() == [False, False, False, False, True]
    assert unread_answers(answers, words=words) == ["Maybe later"]
    frame = pd.DataFrame({"May we contact you?": answers, "Email": ["a@x", "b@x", "", "", ""]})
    # A question by its name and its few answers, however they read (FIX74: the one detector
    # of run, alerts and the work files); unlisted, its answers refuse nobody.
    assert consent_questions(frame.columns, frame.__getitem__) == ["May we contact you?"]
    assert not refused(frame).any()
    assert refused(frame, words=words).tolist() == [False, True, False, False, False]


def test_consent_unread_names_the_answers_that_never_grant_contact() -> None:
    words = ConsentWords.of(["Happy to be contacted"], ["Please don't"])
    answers = pd.Series(["Happy to be contacted", "Please don't", "Maybe later", "Ask me later"])
    assert consent_unread(answers, column="OK?", words=words) == (
        "columns.contact: 'OK?' has answers read as neither yes nor no: 'Maybe later', "
        "'Ask me later'; nobody who gave them is contacted. If they grant or refuse contact, "
        "list them under contact.consent_yes or contact.consent_no."
    )
    assert consent_unread(answers[:2], column="OK?", words=words) is None
    # Refused as a whole (consent_problem says why), it is no warning.
    assert consent_unread(answers, column="OK?") is None


def test_a_do_not_contact_column_is_refused_unless_its_answers_are_listed_reversed() -> None:
    # QA31 F4: a hotel's "Do not contact" yes/no was read as consent: the alerts listed the
    # guests who had said do not contact me, and nobody else.
    values = pd.Series(["no", "yes", "no"])
    problem = consent_problem(values, column="Do not contact")
    assert problem is not None
    assert "asks whether NOT to contact" in problem
    assert "contact.consent_yes: [no] and contact.consent_no: [yes]" in problem
    reversed_words = ConsentWords.of(["no"], ["yes"])
    assert consent_problem(values, column="Do not contact", words=reversed_words) is None
    assert contact_allowed(values, words=reversed_words).tolist() == [True, False, True]
    for name in ("DNC", "Don't contact me", "連絡不要", "連絡を希望しない"):
        assert consent_problem(pd.Series(["はい", "いいえ"]), column=name) is not None, name
    assert consent_problem(values, column="May we contact you?") is None


def test_a_do_not_contact_column_refuses_with_its_yes_when_no_consent_column_is_set() -> None:
    # REVIEW32: with columns.contact null, a detail left is consent unless a consent question
    # says no (QA26). A "Do not contact" column was read as consent there: its yes (do not
    # contact me) refused nothing, so the alerts and the work file gave the e-mail of the
    # guests who had asked not to be contacted, and withheld that of those who had not.
    frame = pd.DataFrame(
        {
            "E-mail": ["a@example.jp", "b@example.jp", "c@example.jp"],
            "Do not contact": ["Yes", "No", "Yes"],
        }
    )
    assert refused(frame, skip=["E-mail"]).tolist() == [True, False, True]
    # Listed the other way round (as init --from writes them), they are read as listed.
    words = ConsentWords.of(["no"], ["yes"])
    assert refused(frame, skip=["E-mail"], words=words).tolist() == [True, False, True]
    assert refused(frame.rename(columns={"Do not contact": "連絡不要"})).tolist() == [
        True,
        False,
        True,
    ]


def test_a_question_asking_leave_to_contact_is_no_refusal_for_naming_one() -> None:
    # REVIEW32: a form's 「ご連絡してもよろしいですか？（連絡不要の場合は「いいえ」）」
    # asks leave to contact and explains its no; read as a "Do not contact" column, init
    # listed its answers reversed (consent_yes: [いいえ]), and the alerts would have listed
    # those who said no.
    for name in (
        "ご連絡してもよろしいですか？（連絡不要の場合は「いいえ」）",
        "ご連絡してもよろしいですか？連絡不要の場合は「いいえ」を選んでください",
        "担当者から連絡してもよいですか（連絡しない場合もあります）",
        "May we contact you about your answers? (No contact without your OK)",
        "Permission to contact (DNC list respected)",
    ):
        assert not asks_refusal(name), name
    for name in (
        "Do not contact",
        "DNC",
        "Do not contact (tick if so)",
        "Do not contact (permission withdrawn)",
        "連絡を希望しない",
        "連絡不要",
        "Opt out of contact",
        "Opt-out",
        "Opted out of follow-up",
    ):
        assert asks_refusal(name), name


def test_a_question_asking_not_to_contact_is_one_without_the_word_contact() -> None:
    # REVIEW34: "Opt-out" Yes/No beside an e-mail column read as no consent question, so the
    # e-mail addresses of those who had opted out were given; "DNC" alike. A newsletter's
    # opt-out is no consent to be contacted about one's answer.
    columns = ["E-mail", "Opt-out", "DNC", "Newsletter opt-out"]
    answers = pd.Series(["Yes", "No"])
    found = consent_questions(columns, lambda _: answers, skip=["E-mail"])
    assert found == ["Opt-out", "DNC"]
    assert asks_about_contact("Opt-out") and not asks_about_contact("Newsletter opt-out")


def test_a_question_asking_how_or_when_to_contact_is_no_consent_question() -> None:
    # REVIEW34: 'Preferred contact method' (Email / Phone / Post) beside the e-mail column was
    # taken for a consent question left unset: run and alerts refused a survey asking none.
    answers = {
        "Preferred contact method": ["Email", "Phone", "Post"],
        "ご希望の連絡方法": ["メール", "電話"],
        "Best time to contact you": ["Morning", "Evening"],
        "Contact e-mail": ["a@example.jp", "b@example.jp"],
        # One answer says no: a consent question still, whatever else it asks.
        "How may we contact you?": ["Email", "Phone", "Please do not contact me"],
        "Contact OK?": ["Happy to be contacted", "Please don't"],  # its own words: asks
        "連絡先": ["090-1234-5678", "a@example.jp"],
        "Contact by phone?": ["Happy to be called", "Please don't"],  # a means, asking whether
        "When may we contact you?": ["Happy to be contacted", "Please don't"],
    }
    found = consent_questions(list(answers), lambda c: pd.Series(answers[c]))
    assert found == [
        "How may we contact you?",
        "Contact OK?",
        "Contact by phone?",
        "When may we contact you?",
    ]


def test_a_do_not_contact_box_ticked_or_blank_is_reversed_in_its_own_language() -> None:
    # REVIEW34: a 連絡不要 box, はい or blank, got consent_yes: [no]; a later いいえ (a known no)
    # would then refuse contact, read the right way round while the はい is reversed.
    assert reversed_words(["はい", None, ""]) == (["いいえ"], ["はい"])
    assert reversed_words(["Yes"]) == (["no"], ["Yes"])
    assert reversed_words(["No", "Yes"]) == (["No"], ["Yes"])
    assert reversed_words(["Nein"]) == (["Nein"], ["ja"])
    assert reversed_words(["checked"]) == (["no"], ["yes"])
    grant, refuse = reversed_words(["はい"])
    words = ConsentWords.of(yes=grant, no=refuse)
    assert consent_answer("いいえ", words=words) is True
