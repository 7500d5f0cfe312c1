"""Small survey exports in the shapes real tools write, shared by the tests of every reader.

Each builder writes one file and returns its path. The rows are few and explicit, so a test can
state exactly what a reader must find.
"""

from __future__ import annotations

from pathlib import Path

# Qualtrics: three header rows (ids, question texts, ImportIds), NPS question QID74 with its
# *_NPS_GROUP column, a Likert 1-5 question, a multi-select, a free-text comment.
QUALTRICS_HEADER = (
    "StartDate,EndDate,Status,ResponseId,Q1,Q2,Q3,Q3_NPS_GROUP,Q4,Q5\n"
    "Start Date,End Date,Response Type,Response ID,What is your gender?,"
    "How satisfied are you with the service?,"
    '"How likely are you to recommend our service to a friend or colleague?",'
    '"How likely are you to recommend our service to a friend or colleague? - Group",'
    "Which features do you use? - Selected Choice,Why did you give that score?\n"
    '"{""ImportId"":""startDate""}","{""ImportId"":""endDate""}","{""ImportId"":""status""}",'
    '"{""ImportId"":""_recordId""}","{""ImportId"":""QID70""}","{""ImportId"":""QID72""}",'
    '"{""ImportId"":""QID74""}","{""ImportId"":""QID74_NPS_GROUP""}",'
    '"{""ImportId"":""QID75""}","{""ImportId"":""QID76_TEXT""}"\n'
)
_GENDERS = ("Female", "Male", "Non-binary")
_FEATURES = ("Reports", "Reports,Alerts", "Alerts", "Dashboards,Reports", "")
_WHY = (
    "The reports save me hours every week",
    "Too slow when loading large projects",
    "",
    "Support answered quickly",
    "Documentation is hard to follow",
    "Works as expected",
)
_SINCE = ("since January.", "this year.", "for my team.", "on mobile.", "lately.", "so far.", "")


def why(i: int) -> str:
    """The i-th free-text comment (blank every sixth), varied like real comments."""
    return f"{_WHY[i % 6]} {_SINCE[i % 7]}".strip() if _WHY[i % 6] else ""


def nps_group(score: int) -> str:
    """Qualtrics' own segment label for a 0-10 score."""
    return "Promoter" if score >= 9 else "Passive" if score >= 7 else "Detractor"


def qualtrics_rows(n: int = 60) -> list[tuple[str, int]]:
    """``(date, score)`` of the Qualtrics export's responses: Sept and Oct 2026."""
    out = []
    for i in range(n):
        month = 9 if i < n // 2 else 10
        out.append((f"2026-{month:02d}-{i % 28 + 1:02d} 10:{i % 60:02d}:00", (i * 7) % 11))
    return out


def write_qualtrics(path: Path, n: int = 60) -> Path:
    """A Qualtrics CSV export (UTF-8 with BOM, as Qualtrics writes it)."""
    lines = [QUALTRICS_HEADER]
    for i, (date, score) in enumerate(qualtrics_rows(n)):
        lines.append(
            f"{date},{date},IP Address,R_{i:04d},{_GENDERS[i % 3]},{i % 5 + 1},{score},"
            f'{nps_group(score)},"{_FEATURES[i % 5]}",{why(i)}\n'
        )
    path.write_text("".join(lines), encoding="utf-8-sig")
    return path


# Google Forms: Timestamp in US form, no id, no consent column.
GOOGLE_HEADER = (
    "Timestamp,How likely are you to recommend this workshop to a friend?,"
    "Which track did you attend?,Which topics interested you?,What could we improve?\n"
)
_TRACKS = ("Beginner", "Intermediate", "Advanced")
_TOPICS = ("Pandas", "Plotting, Pandas", "Testing", "Plotting", "Testing, Packaging")
_IMPROVE = ("More exercises", "", "Slower pace please", "Longer breaks", "Nothing else", "")


def google_rows(n: int = 48) -> list[tuple[str, int]]:
    """``(timestamp, score)`` of the Google Forms export: Nov and Dec 2019, month-first."""
    out = []
    for i in range(n):
        month = 11 if i < n // 2 else 12
        out.append((f"{month}/{i % 28 + 1}/2019 {9 + i % 8}:{i % 60:02d}:30", (i * 3 + 2) % 11))
    return out


def improve(i: int) -> str:
    """The i-th answer to "What could we improve?" (blank every third)."""
    return f"{_IMPROVE[i % 6]} {_SINCE[i % 7]}".strip() if _IMPROVE[i % 6] else ""


def write_google_forms(path: Path, n: int = 48) -> Path:
    """A Google Forms CSV download (UTF-8, US dates)."""
    lines = [GOOGLE_HEADER]
    for i, (stamp, score) in enumerate(google_rows(n)):
        lines.append(f'{stamp},{score},{_TRACKS[i % 3]},"{_TOPICS[i % 5]}",{improve(i)}\n')
    path.write_text("".join(lines), encoding="utf-8")
    return path


def write_text(path: Path, text: str, encoding: str = "utf-8") -> Path:
    """Write ``text`` in ``encoding`` and return the path."""
    path.write_bytes(text.encode(encoding))
    return path


LATIN1_ROWS = (
    "fecha,puntuación,comentario\n"
    "03/10/2026,9,¡Muy bueno! El café está rico\n"
    "15/10/2026,3,Demasiado caro; señor\n"
    "20/10/2026,10,Très bien et très rapide\n"
)
CP1252_ROWS = (
    "date,score,comment\n2026-10-03,9,“Great” – fast…\n2026-10-04,2,Too expensive — sorry\n"
)
MOJIBAKE_ROWS = (
    "date,score,comment\n"
    "2026-10-03,9,Â¡Traduciendo!\n"
    "2026-10-04,8,NiÃ±o feliz\n"
    "2026-10-05,4,Normal comment\n"
)
