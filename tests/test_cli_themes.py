from __future__ import annotations

import io
import json
from pathlib import Path

import pandas as pd
import pytest
from _exports import hotel_comments, ja_hotel_export, why, write_qualtrics

from nps_kit.cli import main

ROWS = [
    ("R1", "配送が遅い。スタッフは親切でした", 3),
    ("R2", "Super fast shipping", 10),
    ("R3", "特になし", 8),
]
EXPECTED = [
    {"delivery": "negative", "staff": "positive"},
    {"delivery": "positive"},
    {},
]


@pytest.fixture(autouse=True)
def _outside_a_project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run where no parameters/ folder is: the repository's own would choose the themes."""
    monkeypatch.chdir(tmp_path)


#: The language of each comment of ROWS, as the csv and json output give it.
LANGUAGES = ["ja", "en", "ja"]


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["themes", *args])
    out, err = capsys.readouterr()
    return code, out, err


def _write(tmp_path: Path, kind: str) -> Path:
    frame = pd.DataFrame(ROWS, columns=["id", "comment", "score"])
    if kind == "xlsx":
        path = tmp_path / "export.xlsx"
        frame.to_excel(path, index=False)
    else:
        path = tmp_path / "export.csv"
        encoding = "cp932" if kind == "cp932" else "utf-8"
        path.write_bytes(frame.to_csv(index=False).encode(encoding))
    return path


@pytest.mark.parametrize("kind", ["utf-8", "cp932", "xlsx"])
def test_json_in_file_order_with_row_numbers_as_ids(capsys, tmp_path, kind):
    path = _write(tmp_path, kind)
    code, out, _ = _run(capsys, str(path), "--text-column", "comment", "--format", "json")
    assert code == 0
    assert json.loads(out) == [
        {"id": row, "themes": themes, "language": language}
        for row, themes, language in zip([2, 3, 4], EXPECTED, LANGUAGES, strict=True)
    ]


def test_json_with_id_column(capsys, tmp_path):
    path = _write(tmp_path, "cp932")
    code, out, _ = _run(
        capsys, str(path), "--text-column", "comment", "--id-column", "id", "--format", "json"
    )
    assert code == 0
    assert [r["id"] for r in json.loads(out)] == ["R1", "R2", "R3"]


def test_numeric_ids_keep_their_leading_zeros(capsys, tmp_path):
    # QA18: ids 00123, 00124 came out as 123 and 124 (a survey tool's ids, to look people up).
    path = tmp_path / "ids.csv"
    path.write_text("id,comment\n00123,配送が遅い\n00124,Great staff\n", encoding="utf-8")
    code, out, _ = _run(
        capsys, str(path), "--text-column", "comment", "--id-column", "id", "--format", "json"
    )
    assert code == 0
    assert [r["id"] for r in json.loads(out)] == ["00123", "00124"]


def test_csv_is_the_default(capsys, tmp_path):
    path = _write(tmp_path, "xlsx")
    code, out, _ = _run(capsys, str(path), "--text-column", "comment", "--id-column", "id")
    assert code == 0
    assert out == (
        "id,themes,polarity,language\n"
        "R1,delivery;staff,delivery:negative;staff:positive,ja\n"
        "R2,delivery,delivery:positive,en\n"
        "R3,,,ja\n"
    )


def test_another_pack(capsys, tmp_path):
    path = tmp_path / "saas.csv"
    text = "The docs are great but it is down every other day"
    path.write_text(f"comment\n{text}\n", encoding="utf-8")
    code, out, _ = _run(capsys, str(path), "--text-column", "comment", "--pack", "saas")
    assert code == 0
    # Not "The API docs ...": "API docs" is documentation, not an integration (the saas pack's
    # exclude), but the learned layer of round 3 adds integrations to it (p 0.62 against t_add
    # 0.46; round 2 did to some such comments): an error of the layer's, not of the pack.
    assert out.splitlines()[1] == "2,reliability;docs,reliability:negative;docs:positive,en"


def test_unknown_text_column(capsys, tmp_path):
    path = _write(tmp_path, "utf-8")
    code, out, err = _run(capsys, str(path), "--text-column", "commnt")
    assert code == 2
    assert out == ""
    assert err == (
        f"nps-kit themes: error: {path} has no column 'commnt' (--text-column); columns: 'id', "
        "'comment', 'score'. Did you mean 'comment'? Set --text-column to one of these columns.\n"
    )


def test_unknown_pack(capsys, tmp_path):
    path = _write(tmp_path, "utf-8")
    code, _, err = _run(capsys, str(path), "--text-column", "comment", "--pack", "sass")
    assert code == 2
    assert err == (
        "nps-kit themes: error: unknown theme pack 'sass' (--pack); expected one of retail, saas, "
        "finance, generic, food, logistics or the path of a themes YAML file. "
        "Did you mean 'saas'?\n"
    )


def test_suggest_lists_phrases_of_comments_without_a_theme(capsys, tmp_path):
    path = tmp_path / "c.csv"
    lines = ["comment", *["The parking meter ate my coins"] * 3, "Lovely fast delivery", "ok"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, out, err = _run(
        capsys, str(path), "--text-column", "comment", "--suggest", "--format", "json"
    )
    assert code == 0
    found = json.loads(out)
    assert (found["comments"], found["uncovered"], found["share"]) == (5, 4, 80.0)
    # without --suggest the same comments are tagged: as many have no theme there
    _, tagged, _ = _run(capsys, str(path), "--text-column", "comment", "--format", "json")
    assert found["untagged"] == sum(not row["themes"] for row in json.loads(tagged))
    top = found["phrases"][0]
    assert top == {
        "phrase": "meter ate my coins",  # counted by lemma, shown as written
        "lang": "en",
        "count": 3,
        "example": "The parking meter ate my coins",
    }
    assert err == ""


def test_suggest_masks_personal_data_as_the_report_does(capsys, tmp_path):
    path = tmp_path / "c.csv"
    comments = ["駐車場の連絡先 090-1234-5678 に電話ください"] * 3
    comments += ["parking: mail a@b.example"] * 2
    path.write_text("\n".join(["comment", *comments]) + "\n", encoding="utf-8")
    themes = tmp_path / "themes.yaml"
    themes.write_text(
        "version: 1\nthemes:\n  price:\n    label: {ja: 価格, en: Price}\n"
        "    keywords: {ja: [価格], en: [price]}\n",
        encoding="utf-8",
    )
    code, out, _ = _run(
        capsys,
        str(path),
        "--text-column",
        "comment",
        "--suggest",
        "--format",
        "json",
        "--pack",
        str(themes),
    )
    assert code == 0
    found = json.loads(out)
    examples = {p["example"] for p in found["phrases"]}
    assert "駐車場の連絡先 [PHONE] に電話ください" in examples
    assert "parking: mail [EMAIL]" in examples
    assert "090-1234-5678" not in out and "a@b.example" not in out
    assert not any("phone" in p["phrase"].lower() for p in found["phrases"])


def test_score_column_reads_a_comment_that_judges_nothing_through_its_score(capsys, tmp_path):
    path = tmp_path / "export.csv"
    frame = pd.DataFrame(
        {
            # "delivery on Thursday" from a detractor: round 3's polarity correction calls it
            # neutral (some authors label a detractor's bare fact so); "delivered" it leaves
            "comment": ["Ordered on Monday, delivered on Thursday."] * 3 + ["送料が高い"],
            "score": [2, 8, 10, 10],
        }
    )
    frame.to_csv(path, index=False)
    code, out, _ = _run(capsys, str(path), "--text-column", "comment")
    assert code == 0
    assert out.splitlines()[1:] == [
        "2,delivery,delivery:neutral,en",
        "3,delivery,delivery:neutral,en",
        "4,delivery,delivery:neutral,en",
        # the learned layer drops delivery from 送料が高い: people label a shipping fee as price
        # (38 of the 45 labelled comments with 送料 have price, 12 delivery)
        "5,price,price:negative,ja",
    ]
    code, out, _ = _run(capsys, str(path), "--text-column", "comment", "--score-column", "score")
    assert code == 0
    # A promoter's complaint keeps its words' polarity.
    assert out.splitlines()[1:] == [
        "2,delivery,delivery:negative,en",
        "3,delivery,delivery:neutral,en",
        "4,delivery,delivery:positive,en",
        "5,price,price:negative,ja",
    ]


def test_a_score_column_that_does_not_exist_is_named(capsys, tmp_path):
    path = _write(tmp_path, "utf-8")
    code, _, err = _run(capsys, str(path), "--text-column", "comment", "--score-column", "scroe")
    assert code != 0
    assert "has no column 'scroe' (--score-column)" in err
    assert "Did you mean 'score'?" in err


def test_score_answers_that_are_not_0_to_10_are_counted_on_stderr(capsys, tmp_path):
    # The score command counts them ("excluded: … invalid"); themes read their comments by the
    # words alone and said nothing, so a wrong or garbled column passed unnoticed.
    path = tmp_path / "export.csv"
    frame = pd.DataFrame(
        {
            "comment": ["Ordered on Monday, delivered on Thursday."] * 3,
            "score": ["2", "eleven", "11"],
        }
    )
    frame.to_csv(path, index=False)
    code, out, err = _run(capsys, str(path), "--text-column", "comment", "--score-column", "score")
    assert code == 0
    assert out.splitlines()[1:] == [
        "2,delivery,delivery:negative,en",
        "3,delivery,delivery:neutral,en",
        "4,delivery,delivery:neutral,en",
    ]
    assert err == (
        "note: 2 answer(s) of 'score' (--score-column) are not whole numbers 0–10 (e.g. "
        "'eleven', '11'): their comments are read without a score.\n"
    )


def test_a_score_column_that_looks_1_to_5_is_noted_as_the_score_command_notes_it(capsys, tmp_path):
    # Read as 0–10, a 1–5 scale makes everyone a detractor: every bare mention a complaint.
    path = tmp_path / "export.csv"
    frame = pd.DataFrame({"comment": ["Delivery on Thursday."] * 60, "score": [1, 2, 3, 4, 5] * 12})
    frame.to_csv(path, index=False)
    code, _, err = _run(capsys, str(path), "--text-column", "comment", "--score-column", "score")
    assert code == 0
    assert err == (
        "note: column 'score' looks like a 1–5 scale, not 0–10 (no 0 in 60 answers, highest 5); "
        "columns that look like 0–10: none.\n"
    )


@pytest.mark.parametrize(
    ("text", "score"),
    [
        ("Q5", "Q3"),
        ("QID76_TEXT", "QID74"),
        (
            "Why did you give that score?",
            "How likely are you to recommend our service to a friend or colleague?",
        ),
    ],
)
def test_a_qualtrics_export_s_columns_by_id_qid_or_question_text(capsys, tmp_path, text, score):
    # As nps-kit score and inspect name them: the command refused all but the header.
    path = write_qualtrics(tmp_path / "q.csv", n=6)
    code, out, err = _run(
        capsys, str(path), "--text-column", text, "--score-column", score, "--pack", "saas"
    )
    assert (code, err) == (0, "")
    rows = out.splitlines()[1:]
    assert len(rows) == 6
    # "Too slow when loading large projects" from a 7: the second response.
    assert why(1).startswith("Too slow") and rows[1].endswith("performance:negative,en")


def test_asks_improvement_reads_an_answer_as_a_request(capsys, tmp_path):
    path = tmp_path / "improve.csv"
    path.write_text(
        'id,improve\nR1,Cheaper plans for small teams.\nR2,"Nothing, the staff are brilliant"\n',
        encoding="utf-8",
    )
    base = (str(path), "--text-column", "improve", "--id-column", "id", "--pack", "saas")
    code, out, _ = _run(capsys, *base, "--asks", "improvement")
    assert code == 0
    assert out.splitlines()[1] == "R1,price,price:negative,en"
    _, reason, _ = _run(capsys, *base)
    assert reason.splitlines()[1] == "R1,price,price:positive,en"
    code, out, _ = _run(capsys, *base[:-2], "--asks", "improvement")
    assert out.splitlines()[2] == "R2,staff,staff:positive,en"


def _readme_example(tmp_path: Path) -> Path:
    """The themes file of README's worked example (a chimney-sweep unit extending generic)."""
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    block = readme.split("```yaml\nversion: 1\nextends: generic", 1)[1].split("```", 1)[0]
    path = tmp_path / "sweeps_themes.yaml"
    path.write_text("version: 1\nextends: generic" + block, encoding="utf-8")
    return path


def test_a_themes_file_that_extends_a_pack(capsys, tmp_path):
    path = tmp_path / "sweeps.csv"
    comments = ["Sweeper left quickly", "Soot all over the carpet", "ok"]
    path.write_text("\n".join(["comment", *comments]) + "\n", encoding="utf-8")
    themes = _readme_example(tmp_path)
    code, out, _ = _run(
        capsys, str(path), "--text-column", "comment", "--pack", str(themes), "--format", "json"
    )
    assert code == 0
    found = [set(row["themes"]) for row in json.loads(out)]
    # the sweep is staff (the file's word for a theme of the pack), soot the new theme
    assert "staff" in found[0] and "mess" not in found[0]
    assert "mess" in found[1]
    assert found[2] == set()
    code, pack_out, _ = _run(
        capsys, str(path), "--text-column", "comment", "--pack", "generic", "--format", "json"
    )
    assert "staff" not in json.loads(pack_out)[0]["themes"]


def test_suggest_says_how_many_comments_the_learned_layer_tags(capsys, tmp_path):
    # The phrases are those of the comments no theme's words are found in; the learned layer
    # gives "Superb." a theme, so the tagged output has one comment fewer without a theme.
    path = tmp_path / "c.csv"
    lines = ["comment", "Superb.", *["The dog barked all night"] * 2, "Lovely fast delivery"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    args = (str(path), "--text-column", "comment", "--pack", "generic")
    code, out, err = _run(capsys, *args, "--suggest", "--format", "json")
    assert code == 0
    found = json.loads(out)
    assert (found["comments"], found["uncovered"], found["untagged"]) == (4, 3, 2)
    _, tagged, _ = _run(capsys, *args, "--format", "json")
    assert [row["themes"] for row in json.loads(tagged)][:3] == [{"quality": "positive"}, {}, {}]
    _, _, err = _run(capsys, *args, "--suggest")
    assert err.startswith(
        "3 of 4 comments (75.0%) contain no word of a theme of generic: the phrases 'uncovered' "
        "are theirs; 'covered': phrases of the other comments, beside the words that found "
        "their themes. With the learned layer, 2 (50.0%) get no theme, as 'nps-kit themes' "
        "without --suggest tags them. To tag them, "
    )


def test_suggest_lists_phrases_beside_the_words_that_found_a_theme(capsys, tmp_path):
    # "gate code" stands beside words of generic's themes (staff, price): --suggest lists it
    # as 'covered', below the phrases of the comments no theme's words are found in.
    path = tmp_path / "c.csv"
    comments = [
        "Staff were great but the gate code never works",
        "Gate code failed again, the price is fine though",
        "Friendly staff, gate code changed without notice",
        *["Loading bay on Saturdays"] * 2,
    ]
    pd.DataFrame({"comment": comments}).to_csv(path, index=False)
    args = (str(path), "--text-column", "comment", "--pack", "generic", "--suggest")
    code, out, _ = _run(capsys, *args)
    assert code == 0
    table = pd.read_csv(io.StringIO(out))
    assert table.columns.tolist() == ["phrase", "lang", "count", "example", "found_in"]
    covered = table[table["found_in"] == "covered"]
    assert covered.iloc[0][["phrase", "count"]].tolist() == ["gate code", 3]
    assert not covered["phrase"].str.contains("staff|price").any()  # the themes' own words
    uncovered = table[table["found_in"] == "uncovered"]
    assert uncovered["phrase"].tolist() == ["loading bay on Saturdays"]
    _, out, _ = _run(capsys, *args, "--format", "json")
    assert json.loads(out)["covered_phrases"][0]["phrase"] == "gate code"


def test_suggest_says_how_to_extend_the_pack(capsys, tmp_path):
    path = tmp_path / "c.csv"
    # (round 7 of the layer gives "The flue was swept badly" quality: no comment here it tags)
    lines = ["comment", *["The dog barked all night"] * 3, "Lovely fast delivery"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, _, err = _run(capsys, str(path), "--text-column", "comment", "--suggest")
    assert code == 0
    assert err == (
        "3 of 4 comments (75.0%) contain no word of a theme of retail: the phrases 'uncovered' "
        "are theirs; 'covered': phrases of the other comments, beside the words that found "
        "their themes. To tag them, write their words in a "
        "themes file that starts with 'version: 1' and 'extends: retail', under a theme id of "
        "the pack or a new theme, and pass it with --pack FILE: the pack's learned layers stay "
        "on (README: 'Open text, themes and actions').\n"
    )
    themes = _readme_example(tmp_path)
    code, _, err = _run(
        capsys, str(path), "--text-column", "comment", "--suggest", "--pack", str(themes)
    )
    assert code == 0
    assert err.endswith(
        f"To tag them, add their words to {themes} (it extends the 'generic' pack).\n"
    )


def test_explain_says_which_words_found_each_theme(capsys, tmp_path):
    path = tmp_path / "c.csv"
    lines = [
        "comment",
        "Cheap but out of town.",
        "営業マンの説明が丁寧でした",
        "ok",
        '"Good product, just took ages to turn up"',
    ]
    path.write_bytes(("\n".join(lines) + "\n").encode("cp932"))
    code, out, err = _run(capsys, str(path), "--text-column", "comment", "--explain")
    assert code == 0 and err == ""
    assert out.splitlines() == [
        "id,themes,polarity,language,why",
        # FIX90 #3: and where each theme's polarity came from
        "2,price;quality,price:positive;quality:positive,en,price: cheap (polarity: rules); "
        "quality: learned layer (polarity: learned layer)",
        "3,communication,communication:positive,ja,"
        "staff: dropped by the learned layer (営業マン); communication: learned layer "
        "(polarity: learned layer)",
        "4,,,en,",
        "5,delivery;quality,delivery:negative;quality:positive,en,"
        "delivery: took ages to turn up (polarity: rules); quality: good product "
        "(polarity: rules)",
    ]
    code, out, _ = _run(
        capsys, str(path), "--text-column", "comment", "--explain", "--format", "json"
    )
    first, second = json.loads(out)[:2]
    assert first["why"] == {
        "price": {"source": "words", "words": "cheap", "polarity": "rules"},
        "quality": {"source": "layer", "words": "", "polarity": "layer"},
    }
    assert second["themes"] == {"communication": "positive"}
    assert second["why"]["staff"] == {"source": "dropped", "words": "営業マン"}
    # without --explain the output is as before
    _, plain, _ = _run(capsys, str(path), "--text-column", "comment", "--format", "json")
    assert [r["themes"] for r in json.loads(plain)] == [r["themes"] for r in json.loads(out)]
    assert "why" not in json.loads(plain)[0]


def test_explain_says_when_the_score_or_the_correction_gave_the_polarity(capsys, tmp_path):
    # FIX90 #3: with --score-column, a comment that judges nothing takes its polarity from the
    # score, and a theme the layer added is settled by it in English; --explain says so.
    path = tmp_path / "c.csv"
    path.write_text(
        'comment,score\nCheap but out of town.,9\n"Ordered Monday, delivered Thursday.",2\n',
        encoding="utf-8",
    )
    args = ["--text-column", "comment", "--score-column", "score", "--explain"]
    code, out, _ = _run(capsys, str(path), *args)
    assert code == 0
    assert out.splitlines()[1:] == [
        "2,price;quality,price:positive;quality:positive,en,price: cheap (polarity: rules); "
        "quality: learned layer (polarity: score)",
        "3,delivery,delivery:negative,en,delivery: delivered (polarity: score)",
    ]


@pytest.mark.parametrize("kind", ["cp932", "xlsx"])
def test_explain_and_suggest_read_every_export_format(capsys, tmp_path, kind):
    path = _write(tmp_path, kind)
    args = (str(path), "--text-column", "comment", "--id-column", "id")
    code, out, _ = _run(capsys, *args, "--explain", "--format", "json")
    assert code == 0
    why_of = {row["id"]: row["why"] for row in json.loads(out)}
    assert why_of["R1"]["delivery"] == {"source": "words", "words": "配送", "polarity": "rules"}
    assert why_of["R2"]["delivery"]["source"] == "words" and why_of["R3"] == {}
    code, out, err = _run(capsys, *args, "--suggest", "--format", "json")
    assert code == 0 and err == ""
    assert json.loads(out)["comments"] == 2  # 特になし says nothing


def test_explain_and_suggest_are_not_asked_together(capsys, tmp_path):
    path = tmp_path / "c.csv"
    path.write_text("comment\nfine\n", encoding="utf-8")
    with pytest.raises(SystemExit) as exit_info:
        _run(capsys, str(path), "--text-column", "comment", "--explain", "--suggest")
    assert exit_info.value.code == 2
    assert "--suggest: not allowed with argument --explain" in capsys.readouterr().err


def test_a_missing_pack_file_says_what_the_cli_user_can_do(capsys, tmp_path, monkeypatch):
    # QA18 9b: the Python API's "pass None to use the packaged default themes" reached the CLI.
    path = tmp_path / "sweeps.csv"
    path.write_text("comment\nslow\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, _, err = _run(
        capsys, str(path), "--text-column", "comment", "--pack", "parameters/themes.yaml"
    )
    assert code == 2
    assert err == (
        "nps-kit themes: error: --pack: theme file parameters/themes.yaml not found (relative to "
        f"the current folder, {tmp_path}). Check the path, or give a shipped pack instead: "
        "--pack retail | saas | finance | generic | food | logistics.\n"
    )
    assert "None" not in err


SAAS = [
    ("S1", "Package deploys time out behind our corporate proxy.", 3),
    ("S2", "Shipping features fast, the REST API and SDK are solid.", 10),
    ("S3", "Webhooks arrive late and the dashboard is slow to load.", 4),
    ("S4", "The integration with Jira broke after the last release.", 2),
    ("S5", "Support tickets take days to get a reply.", 5),
    ("S6", "Uptime has been great, no outages this quarter.", 9),
]


def _saas_export(tmp_path: Path) -> Path:
    path = tmp_path / "export.csv"
    pd.DataFrame(SAAS, columns=["id", "comment", "score"]).to_csv(path, index=False)
    return path


def test_inside_a_project_the_default_pack_is_the_projects(capsys, tmp_path, monkeypatch):
    # QA22: in a saas project made by init, 'nps-kit themes' read "Package deploys time out"
    # with the retail pack as delivery.
    path = tmp_path / "export.csv"  # round 7 of the layer drops delivery "behind our proxy"
    rows = [("S1", "Package deploys time out.", 3), *SAAS[1:]]
    pd.DataFrame(rows, columns=["id", "comment", "score"]).to_csv(path, index=False)
    args = (str(path), "--text-column", "comment", "--format", "json")
    # no project here (the autouse fixture): retail
    _, out, err = _run(capsys, *args)
    retail = json.loads(out)
    assert err == ""
    assert "delivery" in retail[0]["themes"]
    project = tmp_path / "project"
    (project / "parameters").mkdir(parents=True)
    (project / "parameters" / "defaults.yaml").write_text("themes: themes.yaml\n", "utf-8")
    (project / "parameters" / "themes.yaml").write_text(
        "version: 1\nextends: saas\nthemes: {}\n", "utf-8"
    )
    monkeypatch.chdir(project)
    code, out, err = _run(capsys, *args)
    assert code == 0
    assert err == "themes: themes.yaml, as in parameters/defaults.yaml (--pack chooses another)\n"
    assert "delivery" not in json.loads(out)[0]["themes"]
    # --pack still chooses
    _, out, _ = _run(capsys, *args, "--pack", "retail")
    assert json.loads(out) == retail


def test_suggest_names_a_pack_that_clearly_fits_better(capsys, tmp_path):
    # QA22: --suggest said 46.2 % of the comments were uncovered by retail, not that saas
    # covered all but 6.8 %.
    path = _saas_export(tmp_path)
    _, _, err = _run(capsys, str(path), "--text-column", "comment", "--suggest")
    assert "pack's words cover" in err and err.rstrip().endswith(
        "try --pack saas (nps-kit init picks the pack that fits best)."
    )
    _, _, err = _run(capsys, str(path), "--text-column", "comment", "--suggest", "--pack", "saas")
    assert "try --pack" not in err


def test_comments_in_a_language_no_pack_reads_are_marked_and_get_no_themes(capsys, tmp_path):
    # QA26 #13: "Le Wi-Fi ne fonctionnait pas dans la chambre." from a promoter was
    # quality:positive (a loan word found the theme, the score gave the polarity).
    path = tmp_path / "hotel.csv"
    pd.DataFrame(
        {
            "comment": [
                "Le Wi-Fi ne fonctionnait pas dans la chambre.",
                "Zu laut, das Zimmer lag direkt an der Straße.",
                "Wi-Fi kept dropping, impossible to work.",
            ],
            "score": [9, 10, 3],
        }
    ).to_csv(path, index=False)
    args = (str(path), "--text-column", "comment", "--score-column", "score", "--pack", "generic")
    code, out, err = _run(capsys, *args)
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "id,themes,polarity,language"
    assert lines[1:3] == ["2,,,fr", "3,,,de"]
    assert lines[3].endswith(",en") and lines[3].split(",")[1]
    assert err == (
        "note: 2 comment(s) are in a language no theme pack reads (French 1, German 1; "
        "'language' column): no pack's words tag them, only your themes file's own words, as "
        "neutral mentions (not judged, not by the score either).\n"
    )
    code, out, _ = _run(capsys, *args, "--format", "json")
    records = json.loads(out)
    assert [r["language"] for r in records] == ["fr", "de", "en"]
    assert records[0]["themes"] == {} and records[1]["themes"] == {}


def test_suggest_leaves_out_the_phrases_of_other_languages(capsys, tmp_path):
    # QA26 #19: "la", "das", "el" were the top phrases, tagged lang=en.
    path = tmp_path / "hotel.csv"
    comments = [
        "Trop de bruit la nuit, impossible de dormir.",
        "Accueil chaleureux à la réception, merci !",
        "Zu laut, das Zimmer lag direkt an der Straße.",
        "Das WLAN war sehr langsam.",
        "Mucho ruido en la calle, no pudimos dormir.",
        "The towels were changed daily.",
    ] * 2
    pd.DataFrame({"comment": comments}).to_csv(path, index=False)
    code, out, _ = _run(capsys, str(path), "--text-column", "comment", "--suggest")
    assert code == 0
    phrases = [line.split(",")[0].lower() for line in out.splitlines()[1:]]
    assert not {"la", "das", "dormir", "sehr"} & set(phrases)


def test_suggest_proposes_splitting_a_theme_that_holds_most_comments(capsys, tmp_path):
    # QA26 #15: a hotel group's UTF-16 TSV on the generic pack; Quality holds 71 % of the
    # comments with a theme, and --suggest says so with the themes to paste.
    path = tmp_path / "hotel_export.tsv"
    frame = pd.DataFrame(hotel_comments(), columns=["Comments", "Likelihood to Recommend"])
    path.write_bytes(frame.to_csv(sep="\t", index=False).encode("utf-16"))
    args = (str(path), "--text-column", "Comments", "--pack", "generic", "--suggest")
    code, _, err = _run(capsys, *args, "--score-column", "Likelihood to Recommend")
    assert code == 0
    note = err[err.index("split: ") :]
    assert note.startswith(
        "split: 'quality' (Quality) holds 71.2% of the 132 comments with a theme (94; over 60% "
        "one action covers problems of different teams). Its most frequent words, each a theme "
        "of its own (the count, an example), to paste under 'themes:' of a file that starts "
        "with 'extends: generic' (in place of '{}' after it):\n"
        "  quality:  # these words go to the new themes below\n"
        "    exclude:\n"
    )
    assert '  room:  # 28 comments, e.g. "Quiet room, slept like a baby."\n' in note
    _, out, _ = _run(capsys, *args, "--format", "json")
    split = json.loads(out)["split"]
    assert (split["theme"], split["tagged"], split["share"]) == ("quality", 132, 71.2)
    assert split["phrases"][0] == {
        "phrase": "room",
        "lang": "en",
        "count": 28,
        "example": "Quiet room, slept like a baby.",
    }
    balanced = tmp_path / "balanced.csv"
    pd.DataFrame({"comment": ["Staff were friendly", "Too expensive"] * 20}).to_csv(
        balanced, index=False
    )
    _, out, err = _run(
        capsys,
        str(balanced),
        "--text-column",
        "comment",
        "--pack",
        "generic",
        "--suggest",
        "--format",
        "json",
    )
    assert json.loads(out)["split"] is None


def test_suggest_says_the_layer_found_a_dominant_theme_and_which_phrases_recur(capsys, tmp_path):
    # FIX54: a Japanese hotel's Quality comments mostly hold none of its words (the learned
    # layer tagged them): the note said only "Fewer than two of its words recur".
    path = tmp_path / "ja_hotel.csv"
    ja_hotel_export(layer=True).to_csv(path, index=False)
    args = ("--text-column", "理由", "--suggest", "--pack", "generic", "--language", "en")
    code, _, err = _run(capsys, str(path), *args)
    assert code == 0
    note = err.splitlines()[-1]
    assert note == (
        "split: 'quality' (Quality) holds 82.6% of the 276 comments with a theme (228; over 60% "
        "one action covers problems of different teams). Fewer than two of its words recur, so "
        "no split of them is proposed. The learned layer tagged 188 of its 228 comments, which "
        "contain none of its words. Their most frequent phrases: 朝食会場 (69), "
        "バスルームが広かった (45), 湯がぬるかった (40), 朝食会場が狭かった (36), "
        "シャワーの水圧が弱い (34), 朝食会場のメニュー (33), メニューが豊富 (33). Write those "
        "that name a topic of their own as keywords of a new theme."
    )
    _, out, _ = _run(capsys, str(path), *args, "--format", "json")
    split = json.loads(out)["split"]
    assert (split["unmatched"], split["yaml"]) == (188, "")
    assert split["layer_phrases"][0] == {
        "phrase": "朝食会場",
        "lang": "ja",
        "count": 69,
        "example": "朝食会場が狭かった。",
    }


@pytest.mark.parametrize("locale", ["C.UTF-8", "en_US.UTF-8"])
def test_suggest_outside_a_project_speaks_the_language_of_a_japanese_export(
    capsys, tmp_path, monkeypatch, locale
):
    # LEFT45B: with no project and an English locale, a cp932 Japanese export's --suggest
    # hints were English; its headers (回答ID, 推奨度, 理由) say who reads them.
    monkeypatch.setenv("LANG", locale)
    monkeypatch.chdir(tmp_path)
    ja_hotel_export(layer=True).to_csv("h.csv", index=False, encoding="cp932")
    args = ("h.csv", "--text-column", "理由", "--suggest", "--pack", "generic")
    code, out, err = _run(capsys, *args)
    assert code == 0
    assert err.splitlines()[-1] == (
        "split：「quality」（品質・内容）が、テーマのあるコメント276件の82.6%（228件）を占めます"
        "（60%を超えると、1つの対応で別々のチームの問題を扱うことになります）。繰り返し現れる言葉が"
        "2つ未満のため、分け方は提案しません。学習したレイヤーは228件のうち、その言葉を含まない"
        "188件にこのテーマをつけました。それらに最も多い語句：朝食会場 (69)、"
        "バスルームが広かった (45)、湯がぬるかった (40)、朝食会場が狭かった (36)、"
        "シャワーの水圧が弱い (34)、朝食会場のメニュー (33)、メニューが豊富 (33)。"
        "独自の話題を示すものは、新しいテーマのキーワードにしてください。"
    )
    assert (code, out, err) == _run(capsys, *args, "--language", "ja")
    assert (
        _run(capsys, *args, "--language", "en")[2]
        .splitlines()[-1]
        .startswith("split: 'quality' (Quality) holds 82.6%")
    )


def test_suggest_outside_a_project_keeps_an_english_export_english(capsys, tmp_path, monkeypatch):
    # An English export (its headers English) stays English in an English locale (LEFT45B),
    # and a Japanese locale still speaks Japanese to it (QA43).
    monkeypatch.chdir(tmp_path)
    frame = ja_hotel_export(layer=True).set_axis(["id", "date", "hotel", "score", "why"], axis=1)
    frame.to_csv("h.csv", index=False)
    args = ("h.csv", "--text-column", "why", "--suggest", "--pack", "generic")
    english = _run(capsys, *args, "--language", "en")
    assert english[2].splitlines()[-1].startswith("split: 'quality' (Quality) holds 82.6%")
    assert _run(capsys, *args) == english
    monkeypatch.setenv("LANG", "ja_JP.UTF-8")
    assert _run(capsys, *args) == _run(capsys, *args, "--language", "ja") != english


def test_suggest_says_how_many_uncovered_comments_are_in_a_language_no_pack_reads(capsys, tmp_path):
    # QA29 F9: two thirds of an insurer's uncovered comments were Spanish; --suggest listed only
    # English phrases and never said that the rest were not read.
    path = tmp_path / "c.csv"
    spanish = [
        "Muy buen servicio, el agente habla español y fue muy amable.",
        "No pude comunicarme con nadie durante dos semanas, muy mala atención.",
        "El proceso del reclamo fue lento y nadie me explicó nada.",
    ]
    lines = ["comment", *spanish, *["The dog barked all night"] * 2, "Lovely fast delivery"]
    path.write_text("\n".join(f'"{line}"' for line in lines) + "\n", encoding="utf-8")
    args = (str(path), "--text-column", "comment", "--pack", "generic", "--suggest")
    code, out, err = _run(capsys, *args, "--format", "json")
    assert code == 0
    found = json.loads(out)
    assert found["uncovered"] == 5
    assert found["unread"] == {"es": 3}
    _, _, err = _run(capsys, *args)
    assert (
        "3 of the 5 comments without a theme's word (60.0%) look like another language "
        "(Spanish 3, 'es') and are not read: no phrase of theirs is listed."
    ) in " ".join(err.split())


# --- a Japanese project (MSG43) -------------------------------------------------------------


def _japanese_project(root: Path, language: str = "ja") -> None:
    (root / "parameters").mkdir()
    (root / "parameters" / "defaults.yaml").write_text(
        f"language: {language}\nthemes: saas\n", encoding="utf-8"
    )


_SAID = {
    # (arguments after EXPORT, the Japanese line, the English one word for word)
    "project_pack": (
        ("--text-column", "comment"),
        "テーマ：saas（parameters/defaults.yamlのとおり。--packで別のものを選べます）",
        "themes: saas, as in parameters/defaults.yaml (--pack chooses another)",
    ),
    "suggest": (
        ("--text-column", "comment", "--suggest", "--pack", "retail"),
        "コメント2件のうち0件（0.0%）はretailのどのテーマの言葉も含みません：「uncovered」の"
        "語句はそれらのコメントのもの、「covered」はほかのコメントでテーマを見つけた言葉の隣に"
        "ある語句です。テーマをつけるには、'version: 1'と'extends: retail'で始まるテーマ"
        "ファイルに、パックのテーマIDか新しいテーマの下にその言葉を書き、--pack FILEで渡して"
        "ください。パックの学習したレイヤーはそのまま使われます（README：「Open text, themes "
        "and actions」）。",
        "0 of 2 comments (0.0%) contain no word of a theme of retail: the phrases 'uncovered' "
        "are theirs; 'covered': phrases of the other comments, beside the words that found "
        "their themes. To tag them, write their words in a themes file that starts with "
        "'version: 1' and 'extends: retail', under a theme id of the pack or a new theme, and "
        "pass it with --pack FILE: the pack's learned layers stay on (README: 'Open text, "
        "themes and actions').",
    ),
    "unknown_pack": (
        ("--text-column", "comment", "--pack", "retial"),
        "nps-kit themes: error: テーマパック「retial」（--pack）はありません。retail、saas、"
        "finance、generic、food、logisticsのいずれか、またはテーマのYAMLファイルのパスを指定して"
        "ください。「retail」のことですか？",
        "nps-kit themes: error: unknown theme pack 'retial' (--pack); expected one of retail, "
        "saas, finance, generic, food, logistics or the path of a themes YAML file. Did you "
        "mean 'retail'?",
    ),
    "invalid_scores": (
        ("--text-column", "comment", "--score-column", "score", "--pack", "retail"),
        "note: 「score」（--score-column）の回答1件は0〜10の整数ではありません（例：「12」）。"
        "そのコメントはスコアなしで読みます。",
        "note: 1 answer(s) of 'score' (--score-column) are not whole numbers 0–10 (e.g. '12'): "
        "their comments are read without a score.",
    ),
}


@pytest.mark.parametrize("case", list(_SAID))
def test_themes_in_a_japanese_project_says_its_lines_in_japanese(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, case: str
) -> None:
    # MSG43: themes had no --language; a Japanese project heard every line in English.
    from _english import english_runs

    args, japanese, english = _SAID[case]
    frame = pd.DataFrame(ROWS, columns=["id", "comment", "score"])
    frame.loc[2, "score"] = 12
    path = tmp_path / "export.csv"
    frame.to_csv(path, index=False)
    _japanese_project(tmp_path)
    _code, _out, err = _run(capsys, str(path), *args)
    assert japanese in err.splitlines()
    names = ["Open text, themes and actions", "nps-kit themes"]
    assert english_runs(err, names=names) == []
    _code, _out, err = _run(capsys, str(path), *args, "--language", "en")
    assert english in err.splitlines()
