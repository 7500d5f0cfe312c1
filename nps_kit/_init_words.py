"""The comments ``nps-kit init`` writes into parameter files, in the project's language.

``scaffold`` (``init --from``) builds each comment in English (its lines carry the export's
column names, counts and dates); the demo project's files and the unit template (``init``
without ``--from``, ``new-unit``) are English too. For a Japanese project (``language: ja``)
:func:`in_language` rewrites every comment it knows into Japanese: a run of whole comment lines
that reads as one of :data:`_JA`'s English sentences is replaced by its Japanese, one sentence a
line; the YAML keys and values, and a commented-out setting to uncomment
(``# contact_details: [...]``), stay as they are. A comment it does not know stays English
(``tests/test_scaffold.py`` checks that none is left for the exports it builds,
``tests/test_project.py`` for the demo project and a new unit), so a new English comment shows
up there rather than as a wrong translation.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from nps_kit._width import display_width
from nps_kit.text.languages import japanese_names

__all__ = ["comment_lines", "in_language"]

_Replace = str | Callable[[re.Match[str]], str]

_DETAILS = {
    "ISO/Japanese": "ISO／日本式の日付",
    "date cells": "日付のセル",
    "month names": "英語の月名の日付",
}


def _found(n: str | None, what: str) -> str:
    return f"{what}{n}件。" if n else "見つかりませんでした。"


def _counts(listed: str) -> str:
    """Return ``A (10,471), B (939)`` as ``A（10,471件）、B（939件）``."""
    return re.sub(r" \(([\d,]+)\)(, )?", lambda m: f"（{m[1]}件）" + ("、" if m[2] else ""), listed)


def _literal(english: str) -> str:
    """Return the pattern of a fixed English sentence; ``<<name>>`` is a named group."""
    return re.sub(r"<<(\w+)>>", r"(?P<\1>.+?)", re.escape(english))


def _renamed_chain(m: re.Match[str]) -> str:
    """Say a chain of renames (A, then B, then this unit) in Japanese."""
    middle = "".join(
        f"「{name}」は{first}より前と{last}より後の回答がなく、"
        for name, first, last in re.findall(
            r"'(.+?)' none before ([\d-]+) nor after ([\d-]+), ", m["mid"]
        )
    )
    times = {"twice": "2", "three times": "3"}.get(m["times"], m["times"].split()[0])
    files = "と".join(f"「{name}」" for name in re.findall(r"'(.+?)'", m["files"]))
    return (
        f"「{m['o']}」は{m['l']}より後の回答がなく、{middle}このユニットは{m['f']}より前の回答が"
        f"ありません。名称が{times}回変わったのなら、代わりに次のfilterで1つのユニットにまとめ、"
        f"推移をつなげられます（その場合は{files}のユニットファイルを削除してください）："
    )


# What an export's written UTC offsets show (i18n zone_hint.offset / zone_hint.offsets), and
# what null does with them (scaffold._dates._offset_lines).
_EVIDENCE = (
    r"The times carry the UTC (?:offset (?P<one>\S+), that of (?P<zone1>\S+)|offsets "
    r"(?P<two>.+?), changing on the days summer time starts and ends in (?P<zone2>\S+))"
)
_NULL_OFFSETS = (
    r"(?:With null a time is read as the wall clock it was written in \(months are cut by it\), "
    r"while ages and overdue call-backs count in UTC\.|With null the times are read as "
    r"Asia/Tokyo's clock, the zone of the language\.)"
)
# A Japanese project's null is Asia/Tokyo (clock.export_zone), said so.
_NULL_OFFSETS_JA = "nullでは、時刻をAsia/Tokyo（言語で決まるタイムゾーン）の時刻として読みます。"


def _evidence_ja(m: re.Match[str]) -> str:
    if m["one"] is not None:
        return f"時刻にUTCからの時差{m['one']}が書かれています（{m['zone1']}の時差）"
    return (
        f"時刻にUTCからの時差{m['two']}が書かれ、{m['zone2']}の夏時間の始まりと終わりの日に"
        "切り替わっています"
    )


#: English sentence (whole comment lines joined by spaces) -> Japanese (``re`` replacement).
_JA: tuple[tuple[str, _Replace], ...] = (
    (
        r"Defaults for every unit of this folder, written by `nps-kit init --from` from "
        r"(?P<f>.+?)\. Every choice below was detected from the export; the comment says why, "
        r"so correct whatever is wrong\. `nps-kit inspect` shows the whole export again\. "
        r"Each parameters/<unit>\.yaml is deep-merged over this file \(lists replace\)\.",
        r"このフォルダーの全ユニットの既定値です（`nps-kit init --from` が \g<f> から書きました）。"
        "下の設定はどれもエクスポートから判定したもので、理由をコメントに書いています。"
        "違っていれば修正してください（`nps-kit inspect` でエクスポート全体を改めて確認できます）。"
        "各ユニットの parameters/<ユニット>.yaml は"
        "このファイルに重ねて読まれます（リストは置き換え）。",
    ),
    (
        r"Report language, detected from the answers \((?P<en>\d+) % English, (?P<ja>\d+) % "
        r"Japanese, of (?P<n>[\d,]+) answers\)\. Set once here, the readers' language for "
        r"every unit; init notes in a unit's file when its customers answer mostly in another "
        r"language, and does not switch it\.",
        r"レポートの言語（回答から判定：英語\g<en>%、日本語\g<ja>%、回答\g<n>件）。"
        "ここで一度だけ設定する、全ユニットの読み手の言語です。顧客の回答の大半が別の言語の"
        "ユニットは、そのファイルに注記するだけで切り替えません。",
    ),
    (
        r"Report language, detected from the answers \((?P<en>\d+) % English, (?P<ja>\d+) % "
        r"Japanese, (?P<o>\d+) % other languages not read by the themes \((?P<names>.+?)\), of "
        r"(?P<n>[\d,]+) answers\)\. Set once here, the readers' language for "
        r"every unit; init notes in a unit's file when its customers answer mostly in another "
        r"language, and does not switch it\.",
        lambda m: (
            f"レポートの言語（回答から判定：英語{m['en']}%、日本語{m['ja']}%、"
            f"テーマが読まない他の言語{m['o']}%（{japanese_names(m['names'])}）、回答{m['n']}件）。"
            "ここで一度だけ設定する、全ユニットの読み手の言語です。顧客の回答の大半が別の言語の"
            "ユニットは、そのファイルに注記するだけで切り替えません。"
        ),
    ),
    (
        r"Report language, detected from the answers(?: \((?P<why>.+)\))?\. Set once here, the "
        r"readers' language for every unit; init notes in a unit's file when its customers "
        r"answer mostly in another language, and does not switch it\.",
        lambda m: (
            "レポートの言語（回答から判定"
            + (f"：{m['why']}" if m["why"] else "")
            + "）。ここで一度だけ設定します。"
            "全ユニットの読み手の言語です。顧客の回答の大半が別の言語のユニットは、"
            "そのファイルに注記するだけで切り替えません。"
        ),
    ),
    (
        r"Time zone of every time readers see: the report's 'generated' time, the months of the "
        r"export's times, follow-up ages and overdue call-backs; null = by language \(ja: "
        r"Asia/Tokyo, en: UTC, not this machine's clock\)\.",
        "読み手に表示するすべての時刻のタイムゾーン：レポートの作成日時、"
        "エクスポートの時刻が属する月、"
        "フォローアップの経過日数、期限切れの折り返し連絡。"
        "null＝言語で決まります（ja：Asia/Tokyo、en：UTC。"
        "このマシンのタイムゾーンには依存しません）。",
    ),
    # FIX48: an export whose times carry their UTC offsets (scaffold._dates._offset_lines).
    (
        _EVIDENCE + r": the report reads the times as that zone's clock \(the months the "
        r"export wrote\) and counts ages and overdue call-backs by it\. " + _NULL_OFFSETS,
        lambda m: (
            f"{_evidence_ja(m)}。レポートは時刻をそのタイムゾーンの時刻（エクスポートに書かれた月）"
            f"として読み、経過日数と期限切れの折り返し連絡もその時刻で数えます。{_NULL_OFFSETS_JA}"
        ),
    ),
    (
        r"The export writes each time with its UTC offset, and the units' offsets point to "
        r"different zones: each unit's file sets its own\. " + _NULL_OFFSETS,
        "エクスポートは各時刻をUTCとの時差つきで書いており、ユニットごとに時差の示すタイムゾーンが"
        "異なります。各ユニットのファイルでそれぞれ設定しています。" + _NULL_OFFSETS_JA,
    ),
    (
        r"The export writes each time with the UTC offset \+00:00 \(or Z\): UTC's, but also "
        r"that of Europe/London, Europe/Dublin or Europe/Lisbon in winter, which write \+01:00 "
        r"from summer time on, so no zone is proposed \(UTC would move those times an hour back "
        r"from then\)\. " + _NULL_OFFSETS + r" Set the zone of the times \(UTC, Europe/London "
        r"…\) when you know it\.",
        "エクスポートは各時刻をUTCとの時差+00:00（またはZ）つきで書いています。これはUTCの時差"
        "ですが、冬のEurope/London、Europe/Dublin、Europe/Lisbonの時差でもあり、これらは夏時間"
        "には+01:00と書くため、タイムゾーンは提案していません（UTCにすると夏時間以降の時刻が"
        "1時間ずれます）。" + _NULL_OFFSETS_JA + "タイムゾーンが分かれば設定してください"
        "（UTC、Europe/Londonなど）。",
    ),
    (
        r"The export writes each time with its UTC offset, and the offsets point to no single "
        r"zone\. " + _NULL_OFFSETS + r" Set the zone of the offsets \(e\.g\. Europe/London, "
        r"Australia/Sydney\) to count them there too\.",
        "エクスポートは各時刻をUTCとの時差つきで書いていますが、時差から一つのタイムゾーンには"
        "決まりません。" + _NULL_OFFSETS_JA + "経過日数なども現地で数えるには、その時差の"
        "タイムゾーン（例：Asia/Tokyo）を設定してください。",
    ),
    (
        _EVIDENCE + r" \(this unit's rows\): its report reads them as that zone's clock and "
        r"counts ages and overdue call-backs by it\.",
        lambda m: (
            f"{_evidence_ja(m)}（このユニットの行）。このユニットのレポートは時刻をそのタイムゾーンの"
            "時刻として読み、経過日数と期限切れの折り返し連絡もその時刻で数えます。"
        ),
    ),
    (
        r"The inspected export \(relative to this folder\)\.",
        "読み込んだエクスポート（このフォルダーからの相対パス）。",
    ),
    (
        r"Its first (?P<n>\d+) row\(s\) are a title above the table \((?P<t>.+)\): skipped on "
        r"every read, the column names are row (?P<h>\d+)\.",
        r"先頭の\g<n>行は表の上のタイトル（\g<t>）なので、毎回読み飛ばします。"
        r"列名は\g<h>行目です。",
    ),
    (
        r"XLSX sheet name or 0-based index; null = first sheet\.",
        "XLSXのシート名、または0から数えた番号。null＝最初のシート。",
    ),
    (
        r"Text encoding(?: \(detected: (?P<e>\S+)\))?; null = detect again\.",
        lambda m: (
            "文字コード"
            + (f"（判定結果：{m['e']}）" if m["e"] else "")
            + "。null＝毎回判定します。"
        ),
    ),
    (
        r"How to read dates that could be either order \(1/2/2026\): month-first, day-first or "
        r"a strftime pattern; null = detect \(a day over 12 decides\)\.",
        "どちらの順にも読める日付（1/2/2026）の読み方：month-first（月が先）、day-first（日が先）、"
        "またはstrftimeの書式。null＝自動判定（12を超える日があれば決まります）。",
    ),
    (
        r"More score answers that mean 'no answer' \(blank, NA, N/A, -, 無回答 already do\), "
        r"e\.g\. \[\"Don't know\", わからない\]\.(?P<found> Found in the score column\.)?",
        lambda m: (
            "「回答なし」とみなすスコアの回答を追加で指定します（空欄、NA、N/A、-、無回答は"
            '指定しなくても回答なしとみなします）。例：["Don\'t know", わからない]。'
            + ("スコアの列にあった値です。" if m["found"] else "")
        ),
    ),
    (
        r"Repair text garbled by a double decoding \('Â¡' for '¡'\): (?:(?P<n>[\d,]+) such "
        r"cells found|none found)\.",
        lambda m: (
            "二重デコードによる文字化け（'¡' が 'Â¡' になるなど）を修正します："
            + _found(m["n"], "該当するセル")
        ),
    ),
    (
        r"Drop exact duplicate responses and repeated ids: (?:(?P<n>[\d,]+) exact duplicate "
        r"rows found|none found|(?P<no>no exact duplicate rows))\.",
        lambda m: (
            "完全に重複する回答と、重複したIDを除外します："
            + ("完全に重複する行はありません。" if m["no"] else _found(m["n"], "完全に重複する行"))
        ),
    ),
    (
        r"(?P<c>'[^']+') repeats in (?P<n>[\d,]+) of (?P<m>[\d,]+) rows \(a returning customer's "
        r"answers\): true would drop all but each id's first\.",
        r"\g<c>は\g<m>行のうち\g<n>行で前の行と同じ値です（再び回答したお客様の回答）。"
        "trueにすると、IDごとに最初の回答以外を除外します。",
    ),
    (
        r"(?P<n>[\d,]+) rows? repeats? the answers of a response sent at most (?P<s>\d+) "
        r"seconds earlier(?: with a new (?P<new>.+?))? \(a double submission, as a second click "
        r"on Submit makes\); dedupe: resubmissions drops them, with the exact duplicates\.",
        lambda m: (
            f"{m['n']}行は{m['s']}秒以内に送信された直前の回答と同じ内容です"
            + (
                f"（{m['new'].replace(' and ', ', ')}は送信ごとに新しい値なので比べていません）"
                if m["new"]
                else ""
            )
            + "（送信ボタンの二度押しなどによる二重送信）。dedupe: resubmissions にすると、"
            "完全に重複する行とあわせてこれらを除外します。"
        ),
    ),
    (
        r"Set because of them: each repeats a response id and every answer, so one response read "
        r"twice; with false it would count twice\.",
        "そのため true に設定しています。いずれも回答IDとすべての答えが前の行と同じで、"
        "同じ回答を二度読んだものです。false にすると2回数えられます。",
    ),
    (
        r"(?P<n>[\d,]+) pairs? of responses with the same answers were sent within (?P<s>\d+) "
        r"seconds of each other, about as many as chance gives \((?P<e>[\d,.]+) expected from "
        r"how often answers repeat over the export's span\): different people's answers alike, "
        r"not double submissions, so dedupe stays false\.",
        r"同じ内容の回答が\g<s>秒以内に送信された組が\g<n>組ありましたが、偶然でも生じる程度です"
        r"（答えの重なり方とエクスポートの期間から見込まれる数は\g<e>組）。別々の人の似た回答で"
        "あり二重送信ではないため、dedupe は false のままにしています。",
    ),
    (
        r"LimeSurvey writes (?P<c>\S+) only when the respondent sent the last page: (?P<n>[\d,]+) "
        r"responses have none \(incomplete, never submitted\), (?P<m>[\d,]+) of them with a "
        r"score\. exclude leaves them out of every figure, as LimeSurvey's own statistics count "
        r"completed responses; include counts them \(without a (?P=c) they fall in no month "
        r"unless columns\.date is another date, such as datestamp\)\.",
        r"LimeSurveyは回答者が最後のページを送信したときだけ\g<c>を書きます。\g<n>件の回答には"
        r"それがなく（途中で終わった未送信の回答）、うち\g<m>件にはスコアがあります。"
        r"excludeにすると、LimeSurvey自身の集計が完了した回答だけを数えるのと同じく、"
        r"すべての数値から除きます。includeにすると数えます（\g<c>がないため、columns.dateを"
        r"datestampなど別の日付にしない限り、どの月にも入りません）。",
    ),
    (
        r"Set because of them: with false each would count twice, in the NPS and in the lists\.",
        "そのため resubmissions に設定しています。"
        "false にすると、これらの回答がNPSにも一覧にも2回ずつ数えられます。",
    ),
    (
        r"Qualtrics responses the respondent did not finish \(Finished = False\) but scored: "
        r"include counts them, exclude leaves them out; the report counts them either way\.",
        "Qualtricsで回答者が最後まで回答しなかった（Finished = False）ものの、スコアはある回答の"
        "扱い：include は集計に含め、exclude は除外します。"
        "どちらの場合もレポートにその件数を示します。",
    ),
    (
        r"0–10 and the question speaks of recommending\.",
        "0〜10で回答する設問で、設問文が推奨意向（おすすめするか）を尋ねています。",
    ),
    (
        r"The only 0–10 column \(its header does not speak of recommending\): check that it is "
        r"the NPS question\.",
        "0〜10で回答する唯一の列です（見出しは推奨意向を尋ねていません）。"
        "NPSの設問かどうか確認してください。",
    ),
    (
        r"One of (?P<n>\d+) 0–10 columns, none of which speaks of recommending: check "
        r"that it is the NPS question\.",
        r"0〜10の列\g<n>個のうちの一つで、どの列も推奨意向を尋ねていません。"
        "NPSの設問かどうか確認してください。",
    ),
    (
        r"(?P<c>.+) \((?P<d>ISO/Japanese|date cells|month names)"
        r"(?:; (?P<a>\S+) to (?P<b>\S+))?\)\.",
        lambda m: (
            f"{m['c']}（{_DETAILS[m['d']]}" + (f"、{m['a']}〜{m['b']}" if m["a"] else "") + "）。"
        ),
    ),
    (
        # inspect.not_dates, as init reads the export (in English) beside columns.date
        r"WARNING: (?P<c>.+?): (?P<bad>[\d,]+) of (?P<n>[\d,]+) values are not dates, such as "
        r"(?P<e>.+); those responses will be in no month\.",
        lambda m: (
            f"注意：{m['c']}：{m['n']}件のうち{m['bad']}件は日付ではありません"
            f"（例：{_quoted_ja(m['e'])}）。これらの回答はどの月にも入りません。"
        ),
    ),
    (
        r"When the response was given: Qualtrics records an unfinished response \(RecordedDate, "
        r"EndDate\) when it closes it, up to a week later\.",
        "回答した日時です。Qualtricsでは、未完了の回答の記録日時（RecordedDate、EndDate）は"
        "回答が閉じられた時点（最大1週間後）になります。",
    ),
    (
        r"No id column found: the detractor list shows the row number in the file\.",
        "IDの列が見つかりません。批判者の一覧には、ファイルの行番号を表示します。",
    ),
    (r"(?P<c>.+): unique per response\.", r"\g<c>：回答ごとに異なる値です。"),
    (
        r"'(?P<c>.+)' numbers the rows 1 to (?P<n>[\d,]+) in file order(?: \(answers of "
        r"(?P<a>[\d-]+) to (?P<b>[\d-]+)\))?: a running number of this file, not an id the "
        r"survey keeps\. If each export numbers its rows from 1 again, (?P=c) 5 of a later export "
        r"is another response, and the alerts log and a returned work file would take it for the "
        r"first: then set id to a number that runs on across exports \(a response or receipt "
        r"number\)\.",
        lambda m: (
            f"「{m['c']}」はファイルの行を順に1から{m['n']}まで数えた通し番号"
            + (f"（{m['a']}〜{m['b']}の回答）" if m["a"] else "")
            + "で、アンケートが保つIDではありません。エクスポートごとに1から数え直すと、"
            f"後のエクスポートの{m['c']} 5は別の回答なのに、アラートの記録や戻ってきた"
            "作業用ファイルでは前の回答と取り違えられます。その場合は、エクスポートをまたいで続く番号"
            "（回答番号や受付番号）をidに設定してください。"
        ),
    ),
    (
        r"(?P<c>.+): the free-text question that asks for the reason or a comment\.",
        r"\g<c>：スコアの理由や感想を尋ねる自由記述の設問です。",
    ),
    (r"No free-text column found\.", "自由記述の列が見つかりません。"),
    (
        r"(?P<c>.+): the free-text question with the longest answers \((?P<n>\d+) characters "
        r"on average\)\.",
        r"\g<c>：回答がいちばん長い自由記述の設問です（平均\g<n>文字）。",
    ),
    (
        r"(?P<c>'[^']+') repeats in (?P<n>[\d,]+) of (?P<m>[\d,]+) rows, each with every answer "
        r"of an earlier row but its time: the same response exported again\.",
        r"\g<c>は\g<m>行のうち\g<n>行で前の行と同じ値で、日時のほかはすべての答えが前の行と"
        r"同じです。同じ回答をもう一度エクスポートしたものです。",
    ),
    (
        r"(?P<c>.+): yes = do not contact, read the other way round \(contact:\)\.",
        r"\g<c>：「はい」が連絡しないでほしいという答えなので、逆に読みます（contact:）。",
    ),
    (
        r"'(?P<c>.+)' asks whether NOT to contact a respondent: its answers are read the other "
        r"way round \(its no allows contact, its yes refuses it\)\.",
        r"「\g<c>」は連絡しないでほしいかを尋ねる設問なので、答えを逆に読みます"
        r"（「いいえ」は連絡してよい、「はい」は連絡しないでほしい）。",
    ),
    (
        r"(?P<c>.+): yes/no answers about being contacted\.",
        r"\g<c>：連絡してよいかを「はい／いいえ」で答える設問です。",
    ),
    (
        r"No contact/consent column found: the report lists detractors and says that consent "
        r"to contact them is unknown\.",
        "連絡の同意の列が見つかりません。レポートでは批判者を一覧にし、連絡への同意は"
        "不明と表示します。",
    ),
    (
        r"'(?P<c>.+)' asks for consent to contact, but its answers \((?P<a>.+)\) do not read as "
        r"yes or no: check the contact: lines below, which say which answer grants contact, and "
        r"set contact to it\. "
        r"Until then no contact details are offered: they would list people who said no\.",
        r"「\g<c>」は連絡の同意を尋ねていますが、その回答（\g<a>）が「はい／いいえ」と読めません。"
        "下のcontact:の行でどちらの回答が同意かを確かめ、contactにこの列を指定してください。"
        "それまでは連絡先の列を提案しません（断った人まで一覧に入るためです）。",
    ),
    (
        r"How '(?P<c>.+)' words consent, read from its two answers: check it, then uncomment "
        r"these lines and set columns\.contact to '(?P=c)'\.",
        r"「\g<c>」の同意の答え方を2つの回答から読んだものです。確かめてから下の行のコメントを"
        r"外し、columns.contactに「\g<c>」を指定してください。",
    ),
    (
        r"How '(?P<c>.+)' words consent: init cannot tell which of its two answers grants "
        r"contact, so check and swap them if needed, then uncomment these lines and set "
        r"columns\.contact to '(?P=c)'\.",
        r"「\g<c>」の同意の答え方です。2つの回答のどちらが同意かを判別できないため、確かめて"
        r"必要なら入れ替え、下の行のコメントを外してcolumns.contactに「\g<c>」を指定して"
        r"ください。",
    ),
    (
        r"'(?P<c>.+)' asks for consent to contact, but its answers \((?P<a>.+)\) do not read as "
        r"yes or no: recode them to Yes/No \(はい/いいえ\) in the export and set contact to it\. "
        r"Until then no contact details are offered: they would list people who said no\.",
        r"「\g<c>」は連絡の同意を尋ねていますが、その回答（\g<a>）が「はい／いいえ」と読めません。"
        "エクスポートでYes/No（はい/いいえ）に直し、contactにこの列を指定してください。"
        "それまでは連絡先の列を提案しません（断った人まで一覧に入るためです）。",
    ),
    (
        r"nps-kit alerts \(daily e-mails about new detractors\) needs (?P<what>[^:]+):"
        r"(?P<rest> add a consent question to the survey \(May we contact you about your answer\? "
        r"Yes/No\) and set contact to it, or uncomment contact_details\.)?",
        lambda m: (
            "nps-kit alerts（新しい批判者を毎日知らせるメール）には"
            + _needs(m["what"])
            + "が必要です"
            + (
                "：調査に連絡の同意の設問"
                "（この回答についてご連絡してもよろしいですか？　はい／いいえ）"
                "を加えてcontactに指定するか、contact_detailsのコメントを外してください。"
                if m["rest"]
                else "。"
            )
        ),
    ),
    (
        r"'(?P<c>.+)' is distinct in (?P<d>[\d,]+) of (?P<n>[\d,]+) rows; when no two responses "
        r"share one, set id: (?P<q>.+) \(dedupe: true drops exact duplicate rows\)\.",
        r"「\g<c>」は\g<n>行のうち\g<d>行で異なる値です。同じ値の回答が二つないなら、"
        r"id: \g<q> を設定してください（dedupe: true で完全に同じ行を除けます）。",
    ),
    (
        r"'(?P<c>.+)' is not the id: (?P<k>[\d,]+) of its values repeat in rows that differ "
        r"\(a returning customer\), so a later response would be taken for one already seen "
        r"\(alerts skip it, dedupe drops it\)\.",
        r"「\g<c>」はIDに使いません：\g<k>件の値が内容の異なる行で繰り返されています（再来店の"
        "お客様など）。後の回答が既出の回答とみなされてしまいます（アラートの対象外になり、"
        "dedupe では除外されます）。",
    ),
    (
        r"'(?P<c>.+)' is not the id: (?P<k>[\d,]+) of its (?P<n>[\d,]+) numbers repeat an "
        r"earlier one \(numbered again per form or per export\), so a later response would be "
        r"taken for one already seen \(alerts skip it, dedupe drops it\)\.",
        r"「\g<c>」はIDに使いません：\g<n>件の番号のうち\g<k>件が前の番号と重なっています"
        "（フォームごと・出力ごとに番号を振り直しているようです）。後の回答が既出の回答と"
        "みなされてしまいます（アラートの対象外になり、dedupe では除外されます）。",
    ),
    (
        r"'(?P<c>.+)' is not the id: a customer number names who answered, not the response\.",
        r"「\g<c>」はIDに使いません：顧客番号は、回答ではなく回答者を表すためです。",
    ),
    (
        r"'(?P<c>.+)' repeats: (?P<r>[\d,]+) of (?P<n>[\d,]+) rows share a value with an earlier "
        r"row, so it cannot be the id either, and init found no column unique to each "
        r"response\. Add a response id \(a response or receipt number\) to the export and set id "
        r"to it; a customer number repeats when a customer answers again\.",
        r"「\g<c>」は\g<n>行のうち\g<r>行が前の行と同じ値のため、IDにはなりません。"
        r"回答ごとに異なる値の列も見つかりませんでした。回答ID（回答番号や受付番号）を"
        r"エクスポートに加えてidに設定してください。"
        r"顧客番号は同じお客様が再び回答すると重複します。",
    ),
    (
        r"'(?P<c>.+)' repeats: (?P<r>[\d,]+) of (?P<n>[\d,]+) rows share a value with an earlier "
        r"row, so it cannot be the id either\. '(?P<u>.+)' is unique in every row but not named "
        r"as an id: set id to it when it numbers the responses \(not a count or an amount\)\.",
        r"「\g<c>」は\g<n>行のうち\g<r>行が前の行と同じ値のため、IDにはなりません。"
        r"「\g<u>」は全行で異なる値ですが、IDらしい列名ではありません。回答の番号であれば"
        r"（件数や金額でなければ）idに設定してください。",
    ),
    (
        r"set id to a column unique to each response\.",
        "idに回答ごとに異なる値の列を設定してください。",
    ),
    (
        r"Add a consent question to the survey \(May we contact you about your answer\? Yes/No\) "
        r"and set contact to it(?P<or>, or uncomment contact_details)?\.",
        lambda m: (
            "調査に連絡の同意の設問（この回答についてご連絡してもよろしいですか？　はい／いいえ）"
            "を加え、contactに指定してください"
            + ("。または、下のcontact_detailsのコメントを外してください。" if m["or"] else "。")
        ),
    ),
    (
        r"Contact details found; copied into the follow-up work files and alert e-mails of "
        r"detractors who allowed contact \(never the report\) only when listed here:",
        "連絡先の列が見つかりました。ここに挙げた列に限り、連絡を許可した批判者の連絡先を"
        "フォローアップの作業用ファイルとアラートのメールにコピーします（レポートには載せません）：",
    ),
    (
        r"Contact details found\. Without a consent column, a detail a respondent left "
        r"\(\"leave your number if you would like a call back\"\) is their consent for it: "
        r"listed here, the filled cells reach the follow-up work files, and those who left a "
        r"number or address are alerted by nps-kit alerts \(never the report\)\. List only "
        r"columns respondents filled to be contacted:",
        "連絡先の列が見つかりました。同意の列がないので、回答者が残した連絡先"
        "（「折り返しをご希望の方は電話番号を」）をその連絡への同意とみなします。"
        "ここに挙げると、記入のあるセルがフォローアップの作業用ファイルに入り、"
        "電話番号やアドレスを残した人は nps-kit alerts で知らされます（レポートには載せません）。"
        "連絡を受けるために回答者が記入する列だけを挙げてください：",
    ),
    (r"Survey weights; null = unweighted\.", "調査のウェイト（重み）。null＝重み付けなし。"),
    (
        r"(?P<c>'[^']+') holds numbers \((?P<d>[^)]+)\): set weight to it if they are the "
        r"responses' weights; every figure is then weighted\.",
        r"\g<c>は数値の列です（\g<d>）。回答のウェイトであれば weight に設定してください。"
        r"すべての数値が重み付けされます。",
    ),
    (
        r"Month to report: YYYY-MM; latest = the latest complete month with data \(run on the "
        r"1st, the month that just ended\); current = the latest month with data even if it is "
        r"still running \(the report says it is not complete yet\)\.",
        "レポートの対象月：YYYY-MM。latest＝データのある月のうち、終了した最新の月"
        "（1日に実行すると、前月）。current＝月の途中でも、データのある最新の月"
        "（レポートには月途中と表示します）。",
    ),
    (
        r"Comparisons shown in the headline: previous \(month\) and/or last_year \(same month\)\.",
        "概要に表示する比較：previous（前月）と last_year（前年同月）の一方または両方。",
    ),
    (
        r"First month of the fiscal year \(4 = April\): with fiscal_ytd in comparison the "
        r"headline adds the fiscal year to date against the same months a year before\.",
        "年度の開始月（4＝4月始まり）。comparison に fiscal_ytd を加えると、概要に年度累計"
        "（前年度の同じ月々との比較）を表示します。",
    ),
    (
        r"NPS target in points \(-100 to 100\); null = no target \(the headline says so\)\.",
        "NPSの目標（−100〜100ポイント）。null＝目標なし（概要にその旨を表示します）。",
    ),
    (
        r"Breakdowns and answer tables show the top N values and group the rest as \"?Other\"?\.",
        "内訳と回答の表には上位N件を表示し、残りは「その他」にまとめます。",
    ),
    (
        r"Columns to break the NPS down by: the categorical questions \(first (?P<n>\d+)\)\.",
        r"NPSの内訳に使う列：選択式の設問（最初の\g<n>問まで）。",
    ),
    (
        r"Not (?P<c>.+): people's names, not a breakdown; add it under breakdowns if you want "
        r"it\.",
        r"\g<c>は使いません：人の名前で、内訳の列ではないためです。"
        "担当者別のNPSを見る場合は breakdowns に追加してください。",
    ),
    (
        r"Not (?P<c>.+): a yes/no permission, not a group to compare NPS by\.",
        r"\g<c>は使いません：可否を答える許可の設問で、NPSを比べるグループではないためです。",
    ),
    (
        r"Not (?P<c>.+): it asks for consent to contact, not a group to compare NPS by\.",
        r"\g<c>は使いません：連絡してよいかを尋ねる設問で、NPSを比べるグループではないためです。",
    ),
    (
        # QA30 F9: closed_loop.record_note.
        r"(?P<c>'[^']+' \(\d+%\)(?:, '[^']+' \(\d+%\))*) is filled on nearly every "
        r"response: the tool's record of whom it surveyed, "
        r"not a way a respondent chose to leave, so it is no consent to be contacted\. Add a "
        r"consent question \(May we contact you about your answer\? Yes/No\) and set "
        r"columns\.contact to it\.",
        r"\g<c>はほぼすべての回答に入っています。回答者が連絡を望んで残したものではなく"
        "ツールが持つ記録なので、連絡の同意とはみなしません。同意を尋ねる設問（はい／いいえ）を"
        "加えてcolumns.contactに設定してください。",
    ),
    (
        r"(?P<c>'[^']+') \(yes/no\) is not used: it reads as an e-mail marketing opt-in, not "
        r"consent to be contacted about the answer\. Set contact to it yourself only if your "
        r"survey asked that\.",
        r"\g<c>（可／不可）は使いません：メール配信（メルマガ）の許可と読め、回答について"
        "連絡してよいかの同意ではないためです。調査でその同意を尋ねている場合だけ、"
        "contactに指定してください。",
    ),
    (
        r"Not (?P<c>.+): too many small groups; in a month of one unit none would reach "
        r"(?P<n>\d+) responses, so its chart would show only Other\.",
        r"\g<c>は使いません：小さなグループが多すぎ、1ユニットの1か月ではどれも\g<n>件に届かず、"
        "グラフが「その他」だけになるためです。",
    ),
    (
        r"Follow-up questions: ratings \(with their scale\), multi-select \(with the separator "
        r"found\), the rest of the categorical questions and free text\.",
        "追加設問：評価（尺度付き）、複数選択（検出した区切り文字付き）、"
        "残りの選択式の設問、自由記述。",
    ),
    (
        r"Theme dictionaries: the bundled '(?P<p>\w+)' pack, the one that fits these comments "
        r"best, with its learned layers, through themes\.yaml beside this file: it extends the "
        r"pack, so the words you add there are tagged too\.",
        r"テーマ辞書：このコメントに最もよく合う同梱の「\g<p>」パック（学習済みの層つき）を、"
        "このファイルの隣の themes.yaml を通して使います。themes.yaml はパックを拡張するので、"
        "そこに加えた語句でもテーマが付きます。",
    ),
    (
        r"Theme dictionaries: the bundled '(?P<p>\w+)' pack, the one that fits these comments "
        r"best \(its words and rules alone: it has no learned layers yet\), through themes\.yaml "
        r"beside this file: it extends the pack, so the words you add there are tagged too\.",
        r"テーマ辞書：このコメントに最もよく合う同梱の「\g<p>」パック（辞書とルールのみ。"
        "学習済みの層はまだありません）を、このファイルの隣の themes.yaml を通して使います。"
        "themes.yaml はパックを拡張するので、そこに加えた語もタグ付けされます。",
    ),
    (
        r"(?P<n>[\d,]+) of (?P<m>[\d,]+) comments are in languages no pack reads "
        r"\((?P<names>.+)\)\.",
        lambda m: (
            f"コメント{m['m']}件のうち{m['n']}件は、どのパックも読めない言語です"
            f"（{japanese_names(m['names'])}）。"
        ),
    ),
    (
        r"Theme dictionaries: none of the bundled packs \((?P<p>.+)\) fits these comments, so "
        r"themes\.yaml here has none \(add your own there\)\.",
        r"テーマ辞書：同梱のパック（\g<p>）はどれもこのコメントに合わないため、ここの themes.yaml "
        "にはテーマがありません（独自のテーマをそこに加えてください）。",
    ),
    (
        r"Recommended actions per segment, theme and rating driver\.",
        "セグメント・テーマ・評価項目ごとの推奨施策。",
    ),
    (
        r"Below this many responses a group is flagged as a small sample\.",
        "回答数がこれ未満のグループには「回答数少（参考値）」の印を付けます。",
    ),
    (
        r"Below this many responses a group's numbers are hidden\.",
        "回答数がこれ未満のグループは数値を表示しません。",
    ),
    (r"Confidence level of the intervals\.", "信頼区間の信頼水準。"),
    (
        r"Months with data before the trend draws control limits \(2 or more\)\.",
        "推移に管理限界を引くのに必要な、データのある月数（2以上）。",
    ),
    (
        r"Mask e-mail addresses, phone numbers and similar in free text before showing it\.",
        "自由記述を表示する前に、メールアドレスや電話番号などを伏せ字にします。",
    ),
    (r"How the report is sent:", "レポートの送り方："),
    (
        r"  html: the report as an \.html file, with the follow-up work file",
        "  html: レポートを.htmlファイルで（フォローアップの作業用ファイルつき）",
    ),
    (
        r"  pdf: the report printed to PDF by headless chromium, which must be installed",
        "  pdf: レポートをheadless chromiumでPDFに印刷して（chromiumのインストールが必要）",
    ),
    (
        r"  zip: the report and the work files in one \.zip",
        "  zip: レポートと作業用ファイルを1つの.zipで",
    ),
    (
        r"  none: no file, only the link in report_url",
        "  none: ファイルなし（report_urlのリンクだけ）",
    ),
    (
        r"Link to the report on your intranet, shown in the e-mail; null = none\.",
        "社内サイトにあるレポートへのリンク（メールに載せます）。null＝なし。",
    ),
    (
        r"This Qualtrics export holds numeric values \(Status 0, 1, …\): its choice answers are "
        r"codes, so a breakdown by a choice question shows 1, 2, 3 and a Yes/No consent question "
        r"\(1/2\) is not read as yes or no\. For words, download it again with 'Use choice "
        r"text'\.",
        "このQualtricsのエクスポートは数値（Status 0、1、…）で書かれています：選択式の回答は"
        "コードなので、選択式の設問の内訳は1、2、3と表示され、"
        "はい／いいえの連絡の同意の設問（1/2）は"
        "はい・いいえとして読まれません。"
        "言葉で読むには「Use choice text」（選択肢のテキストを使用）で"
        "ダウンロードし直してください。",
    ),
    (
        r"This export holds Qualtrics' numeric values: the groups of these breakdowns are answer "
        r"codes \(1, 2, 3\), not the answers \(a Yes/No question reads 1 and 2\)\.",
        "このエクスポートはQualtricsの数値で書かれています：下の内訳のグループは回答ではなく"
        "回答のコード（1・2・3）です（はい／いいえの設問は1と2になります）。",
    ),
    # themes.yaml and playbook.yaml
    (
        r"Theme dictionaries for open-text comments\. `nps-kit init --from` found that none of "
        r"nps-kit's bundled theme packs \((?P<p>.+)\) fits the comments of this survey, so none "
        r"is applied: the report shows the comments, distinguishing words and representative "
        r"comments, but no themes\. Add your own themes here \(the format is described at the top "
        r"of nps-kit's themes\.yaml\)\.",
        r"自由回答のテーマ辞書です。`nps-kit init --from` が調べたところ、"
        r"nps-kit 同梱のテーマパック"
        r"（\g<p>）はどれもこのアンケートのコメントに合わないため、適用していません。"
        "レポートにはコメント、特徴的な語句、代表的なコメントを載せますが、テーマはありません。"
        "ここに独自のテーマを追加してください（書式は nps-kit の themes.yaml の冒頭にあります）。",
    ),
    (
        r"Your own words for nps-kit's '(?P<p>\w+)' theme pack, written by "
        r"`(?P<by>nps-kit init(?: --from)?)`\.",
        r"nps-kit のテーマパック「\g<p>」に加える独自の語句です（`\g<by>` が書きました）。",
    ),
    (
        r"defaults\.yaml uses this file \(`themes: themes\.yaml`\): the pack's themes and learned "
        r"layers, plus the words you write under `themes:` below\. The pack's theme ids: "
        r"(?P<ids>[\w, ]+)\.",
        lambda m: (
            "defaults.yaml はこのファイルを使います（`themes: themes.yaml`）。"
            "パックのテーマと学習済みの層に、下の `themes:` に書いた語句が加わります。"
            "パックのテーマID：" + "、".join(m["ids"].split(", ")) + "。"
        ),
    ),
    (
        r"defaults\.yaml uses this file \(`themes: themes\.yaml`\): the pack's themes \(its "
        r"words and rules alone: it has no learned layers yet\), plus the words you write under "
        r"`themes:` below\. The pack's theme ids: (?P<ids>[\w, ]+)\.",
        lambda m: (
            "defaults.yaml はこのファイルを使います（`themes: themes.yaml`）。"
            "パックのテーマ（辞書とルールのみ。学習済みの層はまだありません）に、下の `themes:` "
            "に書いた言葉が加わります。パックのテーマID：" + "、".join(m["ids"].split(", ")) + "。"
        ),
    ),
    (
        r"Keywords under one of them are added to that theme; a new id with a label is a new "
        r"theme\. For example:",
        "既存のIDの下に書いたキーワードはそのテーマに加わり、ラベル付きの新しいIDは新しいテーマに"
        "なります。例：",
    ),
    (
        r"`nps-kit themes EXPORT --text-column COL --suggest` lists frequent phrases no theme "
        r"covers; the format is described at the top of nps-kit's themes\.yaml\.",
        "`nps-kit themes エクスポート --text-column 列 --suggest` で、どのテーマにも入らない"
        "よく出る語句を一覧できます。書式は nps-kit の themes.yaml の冒頭にあります。",
    ),
    (
        r"One theme holds most of these comments: '(?P<label>.+?)' \((?P<id>\w+)\), "
        r"(?P<s>[\d.]+)% of the "
        r"(?P<n>[\d,]+) comments with a theme(?: of (?P<of>.+?))? \(over (?P<t>\d+)%, one "
        r"action covers the "
        r"problems of different teams\)\.(?: Units where one theme holds over \d+%: "
        r"(?P<u>.+?)\.)?(?: To split it into themes of its most frequent words, replace "
        r"`themes: \{\}` above with the lines below, without their leading '# '\.| The learned "
        r"layer tagged (?P<ln>[\d,]+) of its (?P<lc>[\d,]+) comments, which contain none of "
        r"its words, so no split of them is proposed; their most frequent phrases: "
        r"(?P<lp>.+)\. Add those that name a topic of their own as keywords of a new theme "
        r"under `themes:` above\.)",
        lambda m: (
            "1つのテーマにコメントが集中しています："
            + (f"{m['of']}の" if m["of"] else "")
            + f"テーマの付いたコメント{m['n']}件の"
            f"{m['s']}%が「{m['label']}」（{m['id']}）です（{m['t']}%を超えると、1つの施策が別々の担当の問題を"
            "まとめてしまいます）。"
            + (
                f"1つのテーマが{m['t']}%を超える単位：{'、'.join(m['u'].split(', '))}。"
                if m["u"]
                else ""
            )
            + (
                f"このテーマの{m['lc']}件のうち{m['ln']}件はこのテーマの語句を含まず、"
                "学習済みの層が付けたものなので、語句による分割は提案しません。"
                "それらのコメントによく出る語句："
                + _counts(m["lp"])
                + "。独自の話題を表すものは、上の `themes:` に新しいテーマのキーワードとして"
                "加えてください。"
                if m["lp"]
                else "よく出る語ごとのテーマに分けるには、上の `themes: {}` を下の行で置き換え、"
                "行頭の「# 」を外してください。"
            )
        ),
    ),
    (
        r"REVIEW THIS FILE: `nps-kit init --from` chose the generic theme pack, so these are the "
        r"generic pack's actions, written for no business in particular\. Before the first report "
        r"goes out, read the actions under `general:` \(per segment\) and `themes:` \(per theme "
        r"and segment\) and reword or delete any that does not fit your business or its rules; "
        r"`nps-kit run` uses this file as it is\.",
        "このファイルを確認してください：`nps-kit init --from` が汎用（generic）のテーマパックを"
        "選んだため、ここにあるのは特定の業種向けではない汎用の施策です。最初のレポートを出す前に "
        "`general:`（セグメントごと）と `themes:`（テーマ・セグメントごと）の施策を読み、"
        "業種や業界の規則に合わないものは書き換えるか削除してください。"
        "`nps-kit run` はこのファイルをそのまま使います。",
    ),
    (
        r"REVIEW THIS FILE: `nps-kit init --from` found no theme pack that fits these comments, "
        r"so these are nps-kit's built-in actions, not chosen for your business: they ask "
        r"promoters for referrals and reviews, which some sectors' rules restrict\. Before the "
        r"first report goes out, read the actions under `general:` \(per segment\) and "
        r"`drivers:` and reword or delete any that does not fit your business or its rules; "
        r"`nps-kit run` uses this file as it is\.",
        "このファイルを確認してください：`nps-kit init --from` はこのコメントに合うテーマパックを"
        "見つけられなかったため、ここにあるのは業種に合わせて選んだものではない nps-kit 組み込みの"
        "施策です。推奨者への紹介やレビューの依頼を含みますが、業界によっては規則で制限されています。"
        "最初のレポートを出す前に `general:`（セグメントごと）と `drivers:` の施策を読み、"
        "業種や業界の規則に合わないものは書き換えるか削除してください。"
        "`nps-kit run` はこのファイルをそのまま使います。",
    ),
    (
        r"Actions every business can take\. Asking promoters for referrals or public reviews is "
        r"left out: some sectors' rules restrict it \(in Japan, medical advertising rules "
        r"restrict inducing patients to recommend a clinic\)\. Where your rules allow it, add for "
        r"example:",
        "どの業種でも取れる施策です。推奨者への紹介や公開レビューの依頼は入れていません："
        "業界によっては規則で制限されています（日本では医療広告の規則が、患者に推奨を促すことを"
        "制限しています）。規則が認める場合は、たとえば次を加えてください：",
    ),
    (
        r"Actions every restaurant, café or takeaway can take\. Asking promoters for public "
        r"reviews is left out: review sites' rules forbid rewarding reviews or asking only happy "
        r"guests\. Where yours allow it, add for example:",
        "飲食店・カフェ・テイクアウト店ならどこでも取れる施策です。推奨者への公開レビューの依頼は"
        "入れていません：口コミサイトの規約は、レビューへの謝礼や満足した客だけへの依頼を"
        "禁じています。規約が認める場合は、たとえば次を加えてください：",
    ),
    (
        r"usability's words cover getting there \(access, parking, location\), getting in touch "
        r"and booking \(phone lines, online booking\) and opening hours: the actions name them "
        r"all, the evidence quotes which of them the comments are about\.",
        "使いやすさ・利便性の語句は、来院・来店の手段（アクセス、駐車場、立地）、連絡と予約"
        "（電話、ネット予約）、受付・営業時間にわたります。施策はそのすべてを挙げ、"
        "根拠にはコメントがどれについてかを引用します。",
    ),
    (
        r"Playbook of the (?P<p>\w+) pack \(nps-kit\): actions per segment and theme of this "
        r"pack\. Same format as nps_kit/resources/playbook\.yaml \(described at its top\)\.",
        r"nps-kit のテーマパック「\g<p>」のプレイブック："
        "このパックのセグメント・テーマごとの施策です。"
        "書式は nps_kit/resources/playbook.yaml と同じです（その冒頭に説明があります）。",
    ),
    (
        r"nps-kit playbook: the actions a report may recommend, per segment, theme and rating "
        r"driver, written by `(?P<by>nps-kit init(?: --from)?)`\. The format is described at "
        r"the top of nps-kit's playbook\.yaml \(nps_kit/resources/playbook\.yaml\)\.",
        "nps-kit のプレイブック：レポートが勧める施策を、セグメント・テーマ・評価項目ごとに"
        r"書いています（`\g<by>` が書きました）。書式は nps-kit の playbook.yaml"
        "（nps_kit/resources/playbook.yaml）の冒頭にあります。",
    ),
    (
        r"No theme actions: this project's themes\.yaml has no themes yet \(written by `nps-kit "
        r"init --from`\)\. Add actions per theme here when you add themes there\.",
        "テーマ別の施策はありません：このプロジェクトの themes.yaml にはまだテーマがありません"
        "（`nps-kit init --from` が書きました）。そこにテーマを追加したら、ここにテーマごとの施策を"
        "追加してください。",
    ),
    # a unit's file
    (
        r"The (?P<n>.+) report, written by `nps-kit init --from`; merged over defaults\.yaml\.",
        r"\g<n>のレポートです（`nps-kit init --from` が書きました）。"
        "defaults.yaml に重ねて読まれます。",
    ),
    (
        r"One unit per value of '(?P<c>.+)' \(--unit-column\)\.",
        r"「\g<c>」の値ごとに1ユニット（--unit-column）。",
    ),
    (
        r"Also written '(?P<w>.+)' \((?P<n>[\d,]+) rows\): the same value in another width, "
        r"case or spacing, so one unit\.",
        r"「\g<w>」（\g<n>行）とも書かれています。全角・半角、大文字・小文字、空白の違いだけの"
        r"同じ値なので、1つのユニットにしています。",
    ),
    (
        r"No --unit-column: one report for every response\.",
        "--unit-columnなし：すべての回答で一つのレポート。",
    ),
    (r"Only this unit's rows\.", "このユニットの行だけ。"),
    (
        r"'(?P<o>.+)' has no answers after (?P<l>[\d-]+) and this unit none before (?P<f>[\d-]+): "
        r"if it was renamed, this filter instead keeps them one unit with one trend \(then "
        r"delete the unit file of '(?P<o2>.+)'\):",
        r"「\g<o>」は\g<l>より後の回答がなく、このユニットは\g<f>より前の回答がありません。"
        r"名称が変わったのなら、代わりに次のfilterで1つのユニットにまとめ、推移をつなげられます"
        r"（その場合は「\g<o2>」のユニットファイルを削除してください）：",
    ),
    (
        # A unit renamed twice or more (scaffold._units._renamed_text, REVIEW35).
        r"'(?P<o>.+?)' has no answers after (?P<l>[\d-]+), (?P<mid>(?:'.+?' none before "
        r"[\d-]+ nor after [\d-]+, )+)and this unit none before (?P<f>[\d-]+): if it was "
        r"renamed (?P<times>twice|three times|\d+ times), this filter instead keeps them one "
        r"unit with one trend \(then delete the unit files of (?P<files>.+)\):",
        _renamed_chain,
    ),
    (
        r"Detected from this unit's own answers \((?P<why>.+)\)\.",
        r"このユニット自身の回答から判定しました（\g<why>）。",
    ),
    (
        r"The customers of (?P<n>\d+) units answer mostly in (?:Japanese|English) "
        r"\((?P<units>.+)\): their reports stay in (?P<lang>\w+), the readers' language; each "
        r"unit's file says how to change it\.",
        r"\g<n>ユニットの顧客の回答は大半が別の言語です（\g<units>）。レポートは読み手の言語"
        r"（\g<lang>）のままです。変え方は各ユニットのファイルにあります。",
    ),
    (
        r"This unit's customers answer mostly in another language \((?P<why>.+)\); its report "
        r"stays in the project's language \((?P<lang>\w+)\), that of its readers: each comment "
        r"is still read in its own language\. If this unit's readers read that language, "
        r"uncomment \(the months stay those of defaults\.yaml's timezone\):",
        r"このユニットの顧客の回答は大半が別の言語です（\g<why>）。レポートは読み手の言語、"
        r"プロジェクトの言語（\g<lang>）のままです。各コメントはその言語のまま読まれます。"
        r"このユニットの読み手がその言語を読むなら、次の行を有効にしてください"
        r"（月はdefaults.yamlのtimezoneのままです）：",
    ),
    (
        r"defaults\.yaml labels the questions with the export's words; a label may be given per "
        r"language there, e\.g\. label: \{en: Reason for the score, ja: スコアの理由\}, so that "
        r"this report shows its own\.",
        "defaults.yaml では、設問のラベルにエクスポートの言葉を使っています。"
        "そこではラベルを言語ごとに"
        "書けます（例：label: {en: Reason for the score, ja: スコアの理由}）。"
        "そうすると、このレポートには自分の言語のラベルが表示されます。",
    ),
    (
        r"Recipients of the report; none yet: nps-kit send skips a unit without any, and stops "
        r"with an error when no unit it is asked to send has any\. Uncomment to set them for "
        r"this unit \(a list here replaces that of defaults\.yaml\):",
        "レポートの宛先。まだありません：nps-kit send は宛先のないユニットには送信せず、"
        "送信を指定したユニットのどれにも宛先がなければエラーで停止します。"
        "このユニットの宛先は、コメントを外して設定してください"
        "（ここのリストは defaults.yaml のものを置き換えます）：",
    ),
    (
        r"Coded answers and their labels, from the code table (?:on sheet '(?P<s>.+?)'|in "
        r"'(?P<f>.+?)'): the report shows the labels, in this order\.",
        lambda m: (
            f"コードで書かれた回答とその選択肢です（{'シート' if m['s'] else 'ファイル'}"
            f"「{m['s'] or m['f']}」のコード表から読みました）。"
            "レポートにはコードではなく選択肢を、この順に表示します。"
        ),
    ),
    (
        _literal("A code without a label stays as written and is said in the data quality."),
        "コード表にないコードは、そのまま表示し、データ品質の欄に記載します。",
    ),
    (
        r"Not here: (?P<q>.+?), which no column of the export is\.",
        lambda m: (
            "、".join(f"「{q}」" for q in re.findall(r"'(.+?)'", m["q"]))
            + "はエクスポートのどの列でもないため、ここにはありません。"
        ),
    ),
    # the demo project `nps-kit init` writes without --from: its defaults.yaml
    (
        _literal("Defaults for every unit of this folder."),
        "このフォルダーの全ユニットの既定値です。",
    ),
    (
        _literal(
            "Each parameters/<unit>.yaml is deep-merged over this file: mappings merge key by "
            "key, lists (breakdowns, followups, mail.to, ...) replace the default list as a "
            "whole. Relative paths start at the folder of the file that writes them. `nps-kit "
            "run` validates every file before it starts a kernel. playbook.yaml and themes.yaml "
            "in this folder are not units."
        ),
        "各ユニットの parameters/<ユニット>.yaml は、このファイルに重ねて読まれます。"
        "マッピングはキーごとにマージされ、リスト（breakdowns、followups、mail.to など）は既定の"
        "リストを丸ごと置き換えます。相対パスは、"
        "そのパスを書いたファイルのあるフォルダーが基準です。"
        "`nps-kit run` はカーネルを起動する前に全ファイルを検証します。"
        "このフォルダーの playbook.yaml と themes.yaml はユニットではありません。",
    ),
    (
        _literal("Report language: ja | en. Set once here; a unit file only overrides it."),
        "レポートの言語：ja | en。ここで一度だけ設定します。ユニットのファイルでは、必要なときだけ"
        "上書きしてください。",
    ),
    (
        _literal(
            "Time zone of every time readers see (generation time, the day follow-up ages count "
            "to), an IANA name such as Asia/Tokyo, Europe/London or UTC; null = by language (ja: "
            "Asia/Tokyo, en: UTC), not the server's clock."
        ),
        "読み手に表示するすべての時刻（作成日時、フォローアップの経過日数の基準日）の"
        "タイムゾーンです。Asia/Tokyo、Europe/London、UTC のようなIANAの名前で指定します。"
        "null＝言語で決まります（ja：Asia/Tokyo、en：UTC）。"
        "サーバーのタイムゾーンには依存しません。",
    ),
    (
        _literal(
            "The overview page (reports/<period>/index.html) lists every unit on one page, in one "
            "language: ja | en; null = the language above. Unit names are shown as written. This "
            "block belongs here only, not in a unit file."
        ),
        "一覧ページ（reports/<期間>/index.html）は、全ユニットを1ページにまとめます。"
        "その言語：ja | en。null＝上の language と同じ。ユニット名は書いたとおりに表示します。"
        "このブロックはこのファイルにだけ書き、ユニットのファイルには書かないでください。",
    ),
    (
        _literal("Time zone of the overview's generation time; null = the timezone above."),
        "一覧ページの作成日時のタイムゾーン。null＝上の timezone と同じ。",
    ),
    (
        _literal(
            "What readers call one unit, as written (e.g. 店舗, 支店, Store): the overview's "
            "first column and chart say it; null = レポート / Unit."
        ),
        "読み手にとっての1ユニットの呼び方（例：店舗、支店、Store）。書いたとおりに表示します。"
        "一覧ページの最初の列の見出しとグラフにこの言葉を使います。null＝「レポート」（英語では「Unit」）。",
    ),
    (
        _literal("Survey export: CSV (optionally .gz), XLSX or Parquet."),
        "アンケートのエクスポート：CSV（.gz で圧縮したものも可）、XLSX、Parquet。",
    ),
    (
        _literal("Text encoding of a CSV file (e.g. cp932, cp1252); null = detect."),
        "CSVファイルの文字コード（例：cp932、cp1252）。null＝自動で判定します。",
    ),
    (
        _literal(
            "How to read dates that could be either order (1/2/2026): month-first, day-first or "
            'a strftime pattern such as "%d.%m.%Y %H:%M"; null = detect (a day over 12 decides).'
        ),
        "月と日のどちらが先とも読める日付（1/2/2026）の読み方：month-first（月が先）、"
        'day-first（日が先）、または "%d.%m.%Y %H:%M" のような strftime の書式。'
        "null＝自動で判定します（12を超える日の値があれば、それで決まります）。",
    ),
    (
        _literal(
            'More score answers that mean "no answer" (blank, NA, N/A, -, 無回答 already do), '
            'e.g. ["Don\'t know", わからない].'
        ),
        "スコアの回答のうち「回答なし」とみなすものを追加で指定します（空欄、NA、N/A、-、無回答 は"
        '指定しなくても回答なしとみなします）。例：["Don\'t know", わからない]。',
    ),
    (
        _literal(
            'Repair text garbled by a double decoding ("Â¡" for "¡"); the report counts such cells.'
        ),
        '二重デコードによる文字化け（"¡" が "Â¡" になるなど）を修正します。'
        "レポートにはそのようなセルの数を表示します。",
    ),
    (
        _literal(
            "Drop exact duplicate responses and repeated response ids (the report counts them)."
        ),
        "完全に重複する回答と、重複した回答IDを除外します（レポートにはその件数を表示します）。",
    ),
    (
        _literal(
            "Which answer of a repeated id dedupe keeps: earliest (the first answer) or latest (a "
            "ticket tool's re-rating after a follow-up, as Freshdesk keeps it)."
        ),
        "dedupe が重複した回答IDのどの回答を残すか：earliest（最初の回答）または latest"
        "（フォローアップ後の再評価など、Freshdesk のようなチケットツールが残す最後の回答）。",
    ),
    (
        _literal(
            "Qualtrics responses the respondent did not finish (Finished = False) but scored: "
            "include (count them) or exclude (leave them out); the report counts them either way."
        ),
        "Qualtricsで回答者が最後まで回答しなかった（Finished = False）ものの、スコアはある回答の"
        "扱い：include（集計に含める）か exclude（除外する）。どちらの場合もレポートにその件数を"
        "表示します。",
    ),
    (
        _literal('Column with the 0-10 "how likely are you to recommend" score.'),
        "「親しい人に勧める可能性」を0〜10で尋ねたスコア（推奨度）の列。",
    ),
    (
        _literal(
            "Column with the response date and time (needed for trends and `period: latest`)."
        ),
        "回答日時の列（推移と `period: latest` に必要です）。",
    ),
    (
        _literal("Column with a unique response id (used in the detractor follow-up list)."),
        "回答を一意に識別する回答IDの列（批判者のフォローアップ一覧で使います）。",
    ),
    (
        _literal("Free-text column explaining the score (shown in the detractor follow-up list)."),
        "スコアの理由を書く自由記述の列（批判者のフォローアップ一覧に表示します）。",
    ),
    (
        _literal("Column saying whether the respondent allows us to contact them."),
        "回答者が連絡を許可しているかどうかを示す列。",
    ),
    (
        _literal("Column with survey weights; null = unweighted."),
        "調査のウェイト（重み）の列。null＝重み付けなし。",
    ),
    (
        _literal(
            "Columns to break the NPS down by: plain names, or {column: ..., label: ...} for a "
            "label."
        ),
        "NPSの内訳に使う列：列名のみ、またはラベルを付ける場合は {column: ..., label: ...}。",
    ),
    (
        _literal(
            "Themes for the free-text analysis: a shipped pack (retail, saas, finance, generic, "
            "food, logistics; a pack also brings its playbook unless the unit file names one) or a "
            "themes YAML file; null = retail. A file that starts with `extends: <pack>` adds its "
            "words to the pack, keeps the pack's learned layers and brings its playbook too; any "
            "other file gets the dictionaries alone."
        ),
        "自由記述の分析に使うテーマ：同梱のパック（retail、saas、finance、generic、food、"
        "logistics。ユニットのファイルがプレイブックを指定しなければ、パックのプレイブックも使います）か、テーマのYAML"
        "ファイル。null＝retail。`extends: <パック>` で始まるファイルはパックに語句を加え、"
        "パックの学習済みの層とプレイブックも使います。それ以外のファイルは辞書だけを使います。",
    ),
    (
        _literal("Recommended actions per segment and theme (YAML); null = nps-kit's defaults."),
        "セグメントとテーマごとの推奨施策（YAML）。null＝nps-kit の既定。",
    ),
    (
        _literal(
            "How the report is sent: html (attached), pdf (printed with headless chromium, which "
            "must be installed), zip (the html zipped) or none (link only). Mail gateways often "
            "quarantine large .html attachments: with a shared drive or intranet, prefer attach: "
            "none with report_url."
        ),
        "レポートの送り方：html（添付）、pdf（headless chromiumで印刷。chromiumのインストールが"
        "必要です）、zip（htmlをzipで圧縮）、none（リンクのみ）。メールゲートウェイは大きな.htmlの"
        "添付ファイルを隔離することがよくあります。共有ドライブや社内サイトがあれば、"
        "attach: none と"
        " report_url の組み合わせをおすすめします。",
    ),
    (
        _literal(
            "Link to the report on your shared drive or intranet, shown in the e-mail as a "
            "button; null = none."
        ),
        "共有ドライブや社内サイトにあるレポートへのリンク（メールにボタンで表示します）。"
        "null＝なし。",
    ),
    (
        _literal(
            "Who `nps-kit alerts` e-mails about new detractors who allowed contact (set it per "
            "unit); empty = the unit gets no alerts."
        ),
        "`nps-kit alerts` が、連絡を許可した新しい批判者についてメールを送る宛先"
        "（ユニットごとに設定します）。空＝そのユニットにはアラートを送りません。",
    ),
    (
        _literal("Highest score that triggers an alert (0-10; 6 = every NPS detractor)."),
        "アラートの対象とする最高スコア（0〜10。6＝NPSの批判者すべて）。",
    ),
    (
        _literal(
            "Named closed_loop, not followups: `followups` above lists the follow-up questions."
        ),
        "この設定の名前は followups ではなく closed_loop です（上の `followups` は"
        "追加設問の一覧です）。",
    ),
    (
        _literal(
            "The follow-up status the team returned: the work file <unit>_followups.csv/.xlsx "
            "with owner, status, contacted_at filled in, or any CSV/XLSX with response_id and "
            "status and/or contacted_at. The report then shows the close rate, the median days "
            "to contact and who is still open. null = none."
        ),
        "チームから戻ってきたフォローアップの状況：owner、status、"
        "contacted_at を記入した作業用ファイル"
        " <ユニット>_followups.csv/.xlsx か、response_id と status または contacted_at を含む"
        "任意のCSV/XLSX。レポートには連絡率、連絡までの日数の中央値、未対応の回答を"
        "載せます。null＝なし。",
    ),
    # the unit template (the demo's example.yaml, nps-kit new-unit)
    (
        _literal(
            "Parameters of the <<n>> report; merged over defaults.yaml (see the comments there). "
            "Check it with `nps-kit run <<u>>`: every key is validated before anything runs. A "
            "key left out here takes its value from defaults.yaml; an example below that is "
            "commented out is such a key: uncomment it to set it for this unit only. A list "
            "written here (breakdowns, followups, mail.to, ...) replaces the list of defaults.yaml "
            "as a whole, and [] empties it."
        ),
        r"\g<n>のレポートのパラメーターです。defaults.yaml に重ねて読まれます（説明はそちらの"
        r"コメントにあります）。`nps-kit run \g<u>` で確認できます：実行前にすべてのキーを"
        "検証します。ここに書かないキーには defaults.yaml の値が使われます。下のコメントアウト"
        "された例もそうしたキーで、コメントを外すとこのユニットだけに設定できます。ここに書いた"
        "リスト（breakdowns、followups、mail.to など）は defaults.yaml のリストを丸ごと置き換え、"
        "[] は空にします。",
    ),
    (
        _literal(
            "Id used in file names (reports/<period>/<<u>>.html); defaults to this file's name."
        ),
        r"ファイル名に使うID（reports/<期間>/\g<u>.html）。既定はこのファイルの名前です。",
    ),
    (_literal("Display name, in the report's language."), "表示名（レポートの言語で）。"),
    (
        _literal(
            "Report language (ja | en) is set once in defaults.yaml; uncomment to override it here."
        ),
        "レポートの言語（ja | en）は defaults.yaml で一度だけ設定します。ここで上書きするには"
        "コメントを外してください。",
    ),
    (
        _literal("A unit renamed in the export keeps its trend when its old value is listed, e.g."),
        "エクスポート上で名前が変わったユニットも、次のように以前の値を挙げれば推移が続きます：",
    ),
    (
        _literal(
            "Keep only this unit's rows when several units share one export; null = every row."
        ),
        "複数のユニットで一つのエクスポートを共有する場合に、このユニットの行だけに絞り込みます。"
        "null＝すべての行。",
    ),
    (
        _literal("Report language of the demo unit, kept in this file as its data below is."),
        "デモユニットのレポートの言語です。下の data と同じく、このファイルに書いています。",
    ),
    (
        _literal(
            "The demo data ends in October 2026, so this unit reports that month: "
            "defaults.yaml's period (latest, for your own export) would warn that the demo "
            "export holds nothing newer."
        ),
        "デモデータは2026年10月で終わるため、このユニットはその月のレポートを作成します。"
        "defaults.yaml の period（ご自身のエクスポート向けの latest）のままでは、"
        "デモのエクスポートにそれより新しいデータがないという警告が出ます。",
    ),
    (
        _literal("The demo export's columns, kept in this file for the same reason as data above."),
        "デモのエクスポートの列です。上の data と同じ理由で、このファイルに書いています。",
    ),
    (
        _literal("Responses by <<c>> in <<f>>, most frequent first: <<v>>."),
        lambda m: (
            f"{m['f']} の {m['c']} の値と回答数（多い順）："
            + re.sub(r" and (\d+) more$", r"、ほか\1件", _counts(m["v"]))
            + "。"
        ),
    ),
    (
        _literal("No value to suggest: defaults.yaml names no export (data.path)."),
        "提案できる値がありません：defaults.yaml にエクスポート（data.path）の指定がありません。",
    ),
    (
        _literal("No value to suggest: <<f>> cannot be read (nps-kit inspect says why)."),
        r"提案できる値がありません：\g<f> を読み込めませんでした（理由は nps-kit inspect で"
        "確認できます）。",
    ),
    (
        _literal(
            "No value to suggest: no unit file nor defaults.yaml names a column of <<f>> to "
            "filter on (data.filter, breakdowns)."
        ),
        r"提案できる値がありません：\g<f> のどの列で絞り込むかを、ユニットのファイルも"
        " defaults.yaml も指定していません（data.filter、breakdowns）。",
    ),
    (
        _literal("No value to suggest: the column <<c>> of <<f>> is empty."),
        r"提案できる値がありません：\g<f> の \g<c> 列は空です。",
    ),
    (
        _literal(
            "Follow-up questions analysed in every unit's report (a unit file's comments show "
            "the format); a unit file's own list replaces this one. [] = none."
        ),
        "各ユニットのレポートで分析する追加設問です（書き方はユニットのファイルの"
        "コメントにあります）。ユニットのファイルに書いた一覧は、これを置き換えます。[]＝なし。",
    ),
    (
        _literal(
            "Demo settings, kept in this file so that the example still works after "
            "defaults.yaml points at your own export. Delete this file when you no longer need "
            "the example."
        ),
        "デモの設定です。defaults.yaml のエクスポートをご自身のものに変更した後も例が動くように、"
        "このファイルに書いています。例が不要になったら、このファイルを削除してください。",
    ),
    (
        _literal(
            "Columns to break the NPS down by, with the label shown in the report (a plain "
            "column name works too); leave out to use the list in defaults.yaml."
        ),
        "NPSの内訳に使う列と、レポートに表示するラベル（列名だけでも構いません）。"
        "書かなければ defaults.yaml の一覧を使います。",
    ),
    (
        _literal(
            "Follow-up questions analysed in the report; leave out to use the list in "
            "defaults.yaml."
        ),
        "レポートで分析する追加設問。書かなければ defaults.yaml の一覧を使います。",
    ),
    (
        _literal(
            "type is one of: categorical (one answer), multi (several answers joined by "
            "`separator`), rating (a scale, `scale: [low, high]`), text (free text)."
        ),
        "type は次のいずれかです：categorical（単一回答）、"
        "multi（`separator` で区切った複数回答）、"
        "rating（尺度。`scale: [low, high]`）、text（自由記述）。",
    ),
    (
        _literal(
            "label is the question's short name shown in the report; codes maps raw answers to "
            "labels; asks: improvement (text only) reads the answers as requests unless they "
            "praise."
        ),
        "label はレポートに表示する設問の短い名前、codes は元の回答をラベルに置き換える対応表です。"
        "asks: improvement（text のみ）を付けると、褒めている回答以外を要望として扱います。",
    ),
    (_literal("For example:"), "例："),
    (
        _literal(
            "The standard sections of this unit's report, in this order; leave out to show them "
            "all: headline (required), distribution, trend, breakdowns, strategies, followups, "
            "detractors, quality, method."
        ),
        "このユニットのレポートの標準のセクション（この順に表示）。書かなければすべて表示します："
        "headline（必須）、distribution、trend、breakdowns、strategies、followups、"
        "detractors、quality、method の中から選びます。",
    ),
    (
        _literal(
            "Recipients of the report (lists of addresses); reply_to is one address or null. "
            "Leave out to use those of defaults.yaml; nps-kit send skips a unit without any."
        ),
        "レポートの宛先（アドレスのリスト）。reply_to はアドレス一つか null。書かなければ"
        " defaults.yaml の宛先を使います。nps-kit send は宛先のないユニットには送信しません。",
    ),
    (
        _literal(
            "Who `nps-kit alerts` e-mails about new detractors who allowed contact; leave out to "
            "use defaults.yaml's (where [] = no alerts)."
        ),
        "`nps-kit alerts` が、連絡を許可した新しい批判者についてメールを送る宛先。書かなければ"
        " defaults.yaml の宛先を使います（そこで [] ならアラートなし）。",
    ),
)

_NEEDS = {
    "an id": "IDの列",
    "a consent column": "連絡の同意の列",
    "a consent column or the contact details below": "連絡の同意の列か下の連絡先の列",
}


def _needs(what: str) -> str:
    return "と".join(_NEEDS.get(part, part) for part in what.split(" and "))


def _quoted_ja(examples: str) -> str:
    """Return English-quoted examples (``'不明', 'n/a' and '?'``) quoted and listed in Japanese."""
    quoted = re.findall(r"'((?:[^'\\]|\\.)*)'|\"((?:[^\"\\]|\\.)*)\"", examples)
    return "、".join(f"「{a or b}」" for a, b in quoted) if quoted else examples


_PATTERNS = tuple((re.compile(english), japanese) for english, japanese in _JA)
_COMMENT = re.compile(r"^(?P<indent>\s*)# ?(?P<text>.*)$")
# A commented-out setting the analyst uncomments: never translated nor joined with prose.
_SETTING = re.compile(r"^(?:contact_details: \[|mail:$|data:$|\s+to: \[|\s+filter: )")


_OPEN, _CLOSE = "（「(", "）」)"
#: Display columns of a Japanese comment line before it is wrapped (a full-width letter is 2).
_WIDTH = 92


def _sentences(text: str) -> list[str]:
    """Split Japanese text after each 。 outside brackets, one sentence a line, wrapped.

    A 。 that ends a quoted question (そのように評価された理由をお聞かせください。：) is no end.
    """
    out, start, depth = [], 0, 0
    for i, char in enumerate(text):
        depth += (char in _OPEN) - (char in _CLOSE)
        if char == "。" and depth <= 0 and text[i + 1 : i + 2] not in ("：", ":", "」", "）"):
            out.append(text[start : i + 1])
            start = i + 1
    out.append(text[start:])
    return [line for s in out if s.strip() for line in _wrap(s.strip())]


def _wrap(line: str) -> list[str]:
    """Wrap a Japanese line after 、 。 or ： (else before a bracket, else anywhere): ``_WIDTH``.

    A closing mark never starts a line: it stays at the end of the line before.
    """
    lines = []
    while display_width(line) > _WIDTH:
        cut, width, bracket = 0, 0, 0
        for i, char in enumerate(line):
            width += display_width(char)
            if width > _WIDTH:
                cut = cut or bracket or (i + 1 if char in _NO_START else i)
                break
            if char in "、。：":
                cut = i + 1
            elif char in "（「" and width > _WIDTH // 2:
                # No 、。： to break after: before an opening bracket past half the line
                # (…ありません／（… が書きました）。), not inside a word.
                bracket = i
        while cut < len(line) and line[cut] in _NO_START:
            cut += 1  # ）。 stay together at the end of the line
        lines.append(line[:cut].rstrip())
        line = line[cut:].lstrip()
    return [*lines, line] if line else lines


#: Marks a Japanese line never starts with.
_NO_START = "、。：）」"


def _translate(lines: list[str]) -> list[str] | None:
    """Return the Japanese of ``lines`` (comment texts) when they read as one known sentence."""
    joined = " ".join(line.strip() if i else line for i, line in enumerate(lines))
    for pattern, japanese in _PATTERNS:
        m = pattern.fullmatch(joined)
        if m is not None:
            return _sentences(m.expand(japanese) if isinstance(japanese, str) else japanese(m))
    return None


def _block(indent: str, texts: list[str]) -> list[str]:
    """Translate a run of comment lines of one indent, longest known sentence first."""
    out: list[str] = []
    i = 0
    while i < len(texts):
        for j in range(len(texts), i, -1):
            if any(_SETTING.match(t) for t in texts[i:j]) and j - i > 1:
                continue
            found = _translate(texts[i:j])
            if found is not None:
                out += [f"{indent}# {line}" for line in found]
                i = j
                break
        else:
            out.append(f"{indent}# {texts[i]}".rstrip())
            i += 1
    return out


def comment_lines(text: str, indent: str = "") -> list[str]:
    """Return Japanese ``text`` as comment lines: one sentence a line, wrapped (MSG44).

    For a comment ``init`` writes in the project's language where it is decided, from its
    catalogue entry, rather than in English for :func:`in_language` to read back.
    """
    return [f"{indent}# {line}" for line in _sentences(text)]


def in_language(text: str, language: str) -> str:
    """Return a parameter file's ``text`` with its comments in ``language`` (``ja``; else as is)."""
    if language != "ja":
        return text
    out: list[str] = []
    run: list[str] = []
    indent = ""
    for line in [*text.split("\n"), None]:
        m = _COMMENT.match(line) if line is not None else None
        if m is not None and (not run or m["indent"] == indent):
            indent = m["indent"]
            run.append(m["text"])
            continue
        if run:
            out += _block(indent, run)
            run = []
        if m is not None:
            indent, run = m["indent"], [m["text"]]
        elif line is not None:
            out.append(line)
    return "\n".join(out)
