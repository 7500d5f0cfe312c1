"""Shared Japanese and English labels.

Module-specific sentences live next to the code that uses them; this module holds the words that
every part of a report must spell the same way (segments, NPS, points, verdicts, periods).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

from nps_kit._cli_words import WORDS as CLI_WORDS

__all__ = [
    "LANGUAGES",
    "Language",
    "change_points",
    "hidden_month",
    "impact_n_text",
    "impact_name",
    "impact_text",
    "impact_value",
    "interval_label",
    "interval_text",
    "join_interval",
    "join_names",
    "label",
    "nps_text",
    "number",
    "phrase_breaks",
    "points",
    "shown_redactions",
    "signed_number",
    "t",
]

Language = Literal["ja", "en"]
#: Which open answers a unit's theme ranking reads: every one, or (with a reason question beside
#: an improvement question) those that say why, not what to improve.
Scope = Literal["all", "reasons"]
LANGUAGES: tuple[Language, ...] = ("ja", "en")

# One catalogue of every word the reports, charts, overview and e-mails show, so that they say the
# same thing the same way. Shared labels have plain keys; a module's own words are prefixed with
# its name ("sections.subtitle"). Values are str.format templates. A template counting something
# in its {n} or {count} field may have an "en_one" form, which t() uses when that count is 1
# ("1 response", not "1 responses"); Japanese counts need none, but a "ja_one" form may drop
# a word that needs several (いずれも, "every one of them").
_CATALOGUE: dict[str, dict[str, str]] = {
    # Counts in the command line's progress and totals (FIX44: "2 report not ready",
    # "running 1 unit(s) … on 1 warm kernels").
    "count.units": {"ja": "{n}ユニット", "en": "{n} units", "en_one": "{n} unit"},
    "count.warm_kernels": {
        "ja": "起動済みのカーネル{n}個",
        "en": "{n} warm kernels",
        "en_one": "{n} warm kernel",
    },
    "count.fresh_kernels": {
        "ja": "新しいカーネル{n}個",
        "en": "{n} fresh kernels",
        "en_one": "{n} fresh kernel",
    },
    "count.reports_not_ready": {
        "ja": "未完成のレポート{n}件",
        "en": "{n} reports not ready",
        "en_one": "{n} report not ready",
    },
    # run's progress lines and closing table (nps_kit.run), in the project's language
    # (nps_kit._project_language: defaults.yaml's, else the one every unit shares, else
    # English). Unit ids, paths, figures and the error:/warning:/note: tags stay as every
    # command writes them.
    "run.all_units": {
        "ja": "ユニットの指定がないため、全{n}ユニットを実行します",
        "en": "no UNIT given: running all {n} units",
    },
    "run.running": {
        "ja": "{periods}の{count}を{pool}で実行します",
        "en": "running {count} for {periods} on {pool}",
    },
    "run.running_cluster": {
        "ja": "{count}をDaskクラスター（{address}）で実行します",
        "en": "running {count} on the Dask cluster at {address}",
    },
    # A unit done: [3/12] ec  ok  4.2 s   (elapsed 9.8 s); the figures come formatted.
    "run.progress": {
        "ja": "{seconds}秒   （経過{elapsed}秒）",
        "en": "{seconds} s   (elapsed {elapsed} s)",
    },
    "run.interrupted": {
        "ja": "中断しました：{count}のうち{done}ユニットが完了し、manifest.jsonに記録されています。"
        "ほかのユニットは前回のレポートのままです",
        "en": "interrupted: {done} of {count} finished and are in manifest.json; the others "
        "keep their last report",
    },
    # A unit refused before any kernel (nps_kit._unit_rows.check_unit_rows), in the unit's
    # language (FIX94: a Japanese unit's were English).
    "run.rows.unit": {"ja": "ユニット{unit}", "en": "unit {unit}"},
    "run.rows.value": {"ja": "「{value}」", "en": "{value!r}"},
    "run.rows.or": {"ja": "または", "en": " or "},
    "run.rows.and": {"ja": "、", "en": ", "},
    "run.rows.more": {"ja": "ほか{count}個", "en": " and {count} more"},
    "run.rows.no_responses_yet": {
        "ja": "{where}：{unit}にはまだ回答がありません：{export}に{column}が{values}の行が"
        "ありません（{column}の値：{listed}）。",
        "en": "{where}: {unit} has no responses yet: no row of {export} has {column} = "
        "{values}; the values of {column} are {listed}.",
    },
    "run.rows.no_responses_yet_hint": {
        "ja": "最初のレポートは最初の回答とともに作られます。{values}が書き間違いなら、{where}の"
        "data.filter.valuesを直してください。",
        "en": "Its first report comes with its first responses. If {values} is misspelt, fix "
        "data.filter.values in {where}.",
    },
    "run.rows.no_rows": {
        "ja": "{where}：data.filter.values：{export}に{column}が{values}の行がありません"
        "（ユニット{unit}）。{column}の値：{listed}。",
        "en": "{where}: data.filter.values: no row of {export} has {column} = {values} (unit "
        "{unit}); the values of {column} are {listed}.",
    },
    "run.rows.did_you_mean": {"ja": "「{guess}」のことですか？", "en": "Did you mean {guess!r}? "},
    "run.rows.fix_values": {
        "ja": "{where}のdata.filter.valuesを直してください。",
        "en": "Fix data.filter.values in {where}.",
    },
    "run.rows.described": {"ja": "（{column}：{values}）", "en": " ({column} = {values})"},
    # nps-kit inspect's lines, notes and errors (nps_kit.commands.inspect, nps_kit.inspect), in
    # --language, else the project's (MSG41). Column names, kinds, QIDs and figures stay as the
    # export and --format json write them.
    "inspect.summary": {
        "ja": "{file}：回答{responses}件（{details}）",
        "en": "{file}: {responses} responses ({details})",
    },
    "inspect.sheet": {"ja": "シート「{sheet}」", "en": "sheet {sheet!r}"},
    "inspect.source": {"ja": "{source}のエクスポート", "en": "{source} export"},
    "inspect.header_rows": {"ja": "見出し{n}行", "en": "{n} header row(s)"},
    "inspect.dates": {"ja": "日付：「{column}」、{span}", "en": "dates: {column!r}, {span}"},
    "inspect.date_span": {"ja": "{first}〜{last}", "en": "{first} to {last}"},
    "inspect.dates_unreadable": {"ja": "読み取れません", "en": "not readable"},
    "inspect.dates_both_ways": {
        "ja": "月日どちらの順にも読めます（date_formatを設定してください）",
        "en": "reads both ways (set date_format)",
    },
    "inspect.no_dates": {
        "ja": "日付：日付の列が見つかりません",
        "en": "dates: no date column found",
    },
    "inspect.nps_none": {"ja": "NPSの設問：なし", "en": "NPS question: none"},
    "inspect.nps_question": {
        "ja": "NPSの設問：「{question}」（{column}）",
        "en": "NPS question: {question!r} ({column!r})",
    },
    "inspect.nps_column": {"ja": "NPSの設問：「{column}」", "en": "NPS question: {column!r}"},
    "inspect.answer_language": {
        "ja": "回答の言語：{language}{shares}",
        "en": "language of the answers: {language}{shares}",
    },
    "inspect.shares": {"ja": "（{said}）", "en": " ({said})"},
    "inspect.language.ja": {"ja": "日本語", "en": "ja"},
    "inspect.language.en": {"ja": "英語", "en": "en"},
    "answer_language.none": {"ja": "読める記述の回答なし", "en": "no written answers to read"},
    "answer_language.columns": {"ja": "（{n}列）", "en": " in {n} columns"},
    "answer_language.shares": {
        "ja": "英語{english} %、日本語{japanese} %、回答{answers}件{where}",
        "en": "{english} % English, {japanese} % Japanese, of {answers} answers{where}",
    },
    "answer_language.shares_others": {
        "ja": "英語{english} %、日本語{japanese} %、テーマで読まないほかの言語{other} %"
        "（{named}）、回答{answers}件{where}",
        "en": "{english} % English, {japanese} % Japanese, {other} % other languages not read "
        "by the themes ({named}), of {answers} answers{where}",
    },
    # A column's kind and detail in inspect's table and its errors' column list, in the
    # reader's language (MSG43); English is the kind and detail as json and init write them.
    "inspect.kind.nps": {"ja": "NPS", "en": "nps"},
    "inspect.kind.scale": {"ja": "別の尺度", "en": "scale"},
    "inspect.kind.rating": {"ja": "評価", "en": "rating"},
    "inspect.kind.number": {"ja": "数値", "en": "number"},
    "inspect.kind.date": {"ja": "日付", "en": "date"},
    "inspect.kind.categorical": {"ja": "選択肢", "en": "categorical"},
    "inspect.kind.multi": {"ja": "複数選択", "en": "multi"},
    "inspect.kind.text": {"ja": "自由記述", "en": "text"},
    "inspect.kind.id": {"ja": "ID", "en": "id"},
    "inspect.kind.email": {"ja": "メール", "en": "email"},
    "inspect.kind.name": {"ja": "氏名", "en": "name"},
    "inspect.kind.phone": {"ja": "電話番号", "en": "phone"},
    "inspect.kind.consent": {"ja": "連絡の同意", "en": "consent"},
    "inspect.kind.nps_group": {"ja": "NPS区分", "en": "nps_group"},
    "inspect.kind.metadata": {"ja": "記録", "en": "metadata"},
    "inspect.kind.empty": {"ja": "空欄", "en": "empty"},
    "inspect.detail.unique": {"ja": "一意", "en": "unique"},
    "inspect.detail.tokens": {"ja": "トークン", "en": "tokens"},
    "inspect.detail.codes": {"ja": "コード", "en": "codes"},
    "inspect.detail.nearly_unique": {
        "ja": "ほぼ一意（{n}個が重複）",
        "en": "nearly unique, {n} repeat",
    },
    "inspect.detail.values": {"ja": "値{n}種類", "en": "{n} values"},
    "inspect.detail.not_per_response": {
        "ja": "値{n}種類、回答ごとに1つではない",
        "en": "{n} values, not one per response",
    },
    "inspect.detail.free_text": {"ja": "自由記述", "en": "free text"},
    "inspect.detail.asks_comment": {
        "ja": "自由記述（コメントを求める設問）",
        "en": "free text (asks for a comment)",
    },
    "inspect.detail.asks_improvement": {
        "ja": "自由記述（改善点を尋ねる設問）",
        "en": "free text (asks what to improve)",
    },
    "inspect.detail.other_box": {
        "ja": "自由記述（「その他」の記入欄）",
        "en": "free text (Other box)",
    },
    "inspect.detail.open_ended": {"ja": "自由記述（{tool}）", "en": "free text ({tool})"},
    "inspect.detail.yes_no": {"ja": "はい／いいえ", "en": "yes/no"},
    "inspect.detail.yes_no_digits": {"ja": "はい／いいえ（1/0）", "en": "yes/no (1/0)"},
    "inspect.detail.separator": {"ja": "区切り文字{sep}", "en": "separator {sep}"},
    "inspect.detail.qualtrics_group": {"ja": "QualtricsのNPS区分", "en": "Qualtrics NPS group"},
    "inspect.detail.segments": {"ja": "NPSの区分", "en": "NPS segments"},
    "inspect.detail.no_answers": {"ja": "回答なし", "en": "no answers"},
    "inspect.detail.not_applicable": {
        "ja": "「該当なし」のみ",
        "en": "no answers but 'does not apply'",
    },
    "inspect.detail.language_codes": {"ja": "言語コード", "en": "language codes"},
    "inspect.detail.one_language": {
        "ja": "言語コード（1言語のみ）",
        "en": "language codes, one language",
    },
    "inspect.detail.ambiguous": {
        "ja": "月日の順が決まらない（date_formatを設定）",
        "en": "ambiguous: month-first or day-first (set date_format)",
    },
    "inspect.detail.reads_only": {
        "ja": "{asked}ではなく{read}としてだけ読める",
        "en": "reads only {read}, not {asked}",
    },
    "inspect.detail.epoch": {"ja": "Unix時間（UTC）", "en": "Unix epoch times (UTC)"},
    "inspect.detail.response_times": {"ja": "回答時間", "en": "response times"},
    "inspect.detail.timestamps": {"ja": "タイムスタンプ", "en": "timestamps"},
    "inspect.detail.date_cells": {"ja": "日付のセル", "en": "date cells"},
    "inspect.detail.serial_dates": {"ja": "Excelのシリアル値", "en": "Excel serial dates"},
    "inspect.detail.month_names": {"ja": "月の名前", "en": "month names"},
    "inspect.detail.iso": {"ja": "ISO／和式", "en": "ISO/Japanese"},
    "inspect.detail.emails": {"ja": "メールアドレス", "en": "e-mail addresses"},
    "inspect.detail.phones": {"ja": "電話番号", "en": "phone numbers"},
    "inspect.detail.names": {"ja": "氏名（連絡先ではない）", "en": "names, not a way to reach"},
    "inspect.detail.stated_no_zero": {
        "ja": "{range}と記載、0の回答なし",
        "en": "{range} stated, no 0",
    },
    "inspect.detail.no_zero_in": {
        "ja": "{range}？（回答{n}件に0なし）",
        "en": "{range}? (no 0 in {n} answers)",
    },
    "inspect.detail.comma": {"ja": "、", "en": ", "},
    "inspect.detail.as_stated": {"ja": "{range}（設問の記載どおり）", "en": "{range} as stated"},
    "inspect.detail.as_its_block": {
        "ja": "{range}（同じブロックの尺度）",
        "en": "{range} as its block",
    },
    "inspect.detail.half_points": {"ja": "0.5刻み", "en": "half points"},
    "inspect.detail.labelled": {"ja": "ラベル付き", "en": "labelled"},
    "inspect.detail.stated": {"ja": "{range}と記載", "en": "{range} stated"},
    "inspect.detail.low_only": {"ja": "回答は{range}のみ", "en": "answers only {range}"},
    "inspect.detail.day_first": {"ja": "日が先（day-first）", "en": "day-first"},
    "inspect.detail.month_first": {"ja": "月が先（month-first）", "en": "month-first"},
    "inspect.detail.no_zero": {
        "ja": "{range}？（回答に0なし）",
        "en": "{range}? (no 0 in its answers)",
    },
    "inspect.col.column": {"ja": "列", "en": "column"},
    "inspect.col.qid": {"ja": "QID", "en": "QID"},
    "inspect.col.kind": {"ja": "種類", "en": "kind"},
    "inspect.col.detail": {"ja": "詳細", "en": "detail"},
    "inspect.col.distinct": {"ja": "値の数", "en": "distinct"},
    "inspect.col.blanks": {"ja": "空欄", "en": "blanks"},
    "inspect.col.shown": {"ja": "設問／回答例", "en": "question / sample"},
    "inspect.also": {"ja": "（ほかの書き方：{others}）", "en": " (also {others})"},
    "inspect.title_rows": {
        "ja": "1〜{n}行目は表の上のタイトル（{title!r}）なので読み飛ばし、列名は{row}行目から"
        "読みました。",
        "en": "Rows 1–{n} are a title above the table ({title!r}), skipped: the column names "
        "were read from row {row}.",
        "ja_one": "1行目は表の上のタイトル（{title!r}）なので読み飛ばし、列名は{row}行目から"
        "読みました。",
        "en_one": "Row 1 is a title above the table ({title!r}), skipped: the column names "
        "were read from row {row}.",
    },
    "inspect.code_header": {
        "ja": "{first}〜{second}行目は2行の見出しです。各列の名前は設問コード（{first}行目）、"
        "ラベルは設問文（{second}行目）で、回答は{answers}行目からです。",
        "en": "Rows {first}–{second} are a two-row header: each column is named by its "
        "question code (row {first}) and labelled by its question's text (row {second}); the "
        "answers start on row {answers}.",
    },
    "inspect.merged_header": {
        "ja": "{first}〜{second}行目は2行の見出しです。複数の列にまたがって結合された見出しの下の"
        "列は{second}行目、ほかの列は{first}行目で名前を付け、回答は{answers}行目からです。",
        "en": "Rows {first}–{second} are a two-row header: the columns under a heading merged "
        "over several columns are named by row {second}, the others by row {first}; the "
        "answers start on row {answers}.",
    },
    "inspect.qualtrics_codes": {
        "ja": "このQualtricsのエクスポートは数値（Status 0、1、…）で書かれています。選択式の回答は"
        "コードなので、選択式の設問による内訳は1、2、3と表示され、はい／いいえの同意の設問（1/2）"
        "ははい・いいえとして読めません。言葉で得るには「Use choice text」でダウンロードし直して"
        "ください。",
        "en": "This Qualtrics export holds numeric values (Status 0, 1, …): its choice answers "
        "are codes, so a breakdown by a choice question shows 1, 2, 3 and a Yes/No consent "
        "question (1/2) is not read as yes or no. For words, download it again with 'Use "
        "choice text'.",
    },
    "inspect.no_score_note": {
        "ja": "0〜10の点数らしい列がありません。",
        "en": "No column looks like a 0–10 score.",
    },
    "inspect.no_zero": {
        "ja": "「{column}」の回答に0がありません。1〜10の尺度かもしれず、その場合はNPSでは"
        "ありません。",
        "en": "{column!r} has no 0 in its answers: the survey may use 1–10, which is not NPS.",
    },
    "inspect.dates_ambiguous": {
        "ja": "「{column}」の日付は月日どちらの順にも読めます（12を超える日がありません）。"
        "date_formatをmonth-firstかday-firstに設定してください。",
        "en": "The dates in {column!r} read both ways (no day over 12): set date_format to "
        "month-first or day-first.",
    },
    "inspect.dates_read_as": {
        "ja": "「{column}」の日付は月日どちらの順にも読めます（12を超える日がありません）。"
        "{order}として読みました：{evidence}。誤りならdate_formatを{other}に設定してください。",
        "en": "The dates in {column!r} read both ways (no day over 12); they are read "
        "{order}: {evidence}. Set date_format to {other} if that is wrong.",
    },
    "inspect.wrong_encoding": {
        "ja": "このファイルは{given}ではなく{found}として読めます。{given}では文字化けします。"
        "--encodingを外す（自動で判定されます）か、--encoding {found}を指定してください。",
        "en": "The file reads as {found}, not {given}: {given} garbles its text. Drop "
        "--encoding (it is detected), or pass --encoding {found}.",
    },
    "inspect.mojibake": {
        "ja": "{n}個のセルが二重のデコードで文字化けしているようです（例：'¡'が'Â¡'）。"
        "fix_text: trueで直せます。",
        "en": "{n} text cells look garbled by a double decoding (e.g. 'Â¡' for '¡'); "
        "fix_text: true repairs them.",
    },
    "inspect.duplicate_rows": {
        "ja": "{n}行が前の行とまったく同じです。dedupe: trueで除けます。",
        "en": "{n} rows repeat an earlier row exactly; dedupe: true drops them.",
    },
    "inspect.values_as_names": {
        "ja": "列名が回答のように見えます（{shown}）。ファイルに見出しの行がなく、最初の回答が"
        "列名になっているようです。設問のタイトルを1行目にしてエクスポートし直してください。",
        "en": "The column names read like answers ({shown}): the file seems to have no header "
        "row, so its first response names the columns. Export it again with the question "
        "titles as the first row.",
    },
    "inspect.repeats": {
        "ja": "「{column}」をIDとして読みましたが、その値のうち{count}個が重複しています：{why}。",
        "en": "{column!r} is read as the id although {count} of its values repeat: {why}.",
    },
    "inspect.repeats.exact": {
        "ja": "すべて前の行とまったく同じ行です（dedupe: trueで除けます）",
        "en": "all in rows that repeat an earlier row exactly (dedupe: true drops them)",
    },
    "inspect.repeats.again": {
        "ja": "すべて時刻のほかは前の行と同じ行で、同じ回答が再びエクスポートされたものです"
        "（dedupe: trueで除けます）",
        "en": "all in rows that repeat an earlier row but for their time, the same response "
        "exported again (dedupe: true drops them)",
    },
    "inspect.repeats.exactly": {"ja": "まったく同じ", "en": "exactly"},
    "inspect.repeats.or_time": {
        "ja": "まったく同じか時刻のほかは同じ",
        "en": "exactly or but for its time",
    },
    "inspect.repeats.some": {
        "ja": "{same}個は前の行と{again}行（dedupe: trueで除けます）、{differ}個は内容の異なる行"
        "（二度回答されたか、二度エクスポートされたもの）",
        "en": "{same} in rows that repeat an earlier row {again} (dedupe: true drops them), "
        "{differ} in rows that differ (answered or exported twice)",
    },
    "inspect.repeats.differ": {
        "ja": "内容の異なる行です（二度回答されたか、二度エクスポートされたもの）",
        "en": "in rows that differ (answered or exported twice)",
    },
    "inspect.group_agrees": {
        "ja": "「{column}」はQualtricsの「{group}」と{n}件中{agree}件で一致します。",
        "en": "{column!r} agrees with Qualtrics' {group!r} on {agree} of {n} responses.",
    },
    "inspect.crm_group_agrees": {
        "ja": "「{column}」は「{group}」と{n}件中{agree}件で一致します。",
        "en": "{column!r} agrees with {group!r} on {agree} of {n} responses.",
    },
    "inspect.group_other": {
        "ja": "QualtricsがNPSの設問としているのは「{column}」ではなく「{base}」です（{group}）。"
        "columns.scoreを確かめてください。",
        "en": "Qualtrics marks {base!r} as its NPS question ({group!r}), not {column!r}; check "
        "columns.score.",
    },
    "inspect.no_score_sheet": {
        "ja": "{file}のシート「{sheet}」：0〜10の点数の列がありません。列：{columns}。"
        "ブックの{sheets}{codes}",
        "en": "sheet {sheet!r} of {file}: no column holds a 0–10 score. Columns: {columns}. "
        "The workbook's {sheets}{codes}",
    },
    # The workbook's sheets, named after a sheet without a score (other_sheets).
    "inspect.sheets": {"ja": "シート：{described}。{advice}", "en": "sheets: {described}.{advice}"},
    "inspect.sheet_read": {"ja": "「{name}」（読んだシート）", "en": "{name!r} (read)"},
    "inspect.sheet_not_table": {"ja": "「{name}」（表ではない）", "en": "{name!r} (not a table)"},
    "inspect.sheet_no_score": {
        "ja": "「{name}」（0〜10の点数の列なし）",
        "en": "{name!r} (no 0–10 score column)",
    },
    "inspect.sheet_score": {
        "ja": "「{name}」（0〜10の点数の列：「{column}」）",
        "en": "{name!r} (a 0–10 score column: {column!r})",
    },
    "inspect.sheets_pass": {
        "ja": "--sheet {name}を指定してください。",
        "en": " Pass --sheet {name!r}.",
    },
    "inspect.sheets_none": {
        "ja": "どのシートにも0〜10の点数の列がありません。",
        "en": " None of them has a 0–10 score column.",
    },
    "inspect.no_score_sheet_hint": {
        "ja": "プロジェクトのパラメーターでは、シートはdata.sheetで指定します。",
        "en": "In a project's parameters the sheet is data.sheet.",
    },
    "inspect.no_responses": {
        "ja": "{file}：回答がありません。どの列も空欄（{columns}）なので、0〜10の点数として読める"
        "列がありません。",
        "en": "{file}: no responses: every column is blank ({columns}), so no column can be "
        "read as the 0–10 score.",
    },
    "inspect.no_responses_hint": {
        "ja": "回答が集まってからもう一度エクスポートするか、回答のあるシート（--sheet）か"
        "確かめてください。",
        "en": "Export the survey again once it has responses, or check that this is the sheet "
        "with the answers (--sheet).",
    },
    "inspect.no_score": {
        "ja": "{file}：0〜10の点数の列がないため、NPS調査のエクスポートには見えません。列："
        "{columns}。期待したのは、回答が0から10の整数の列（「どのくらい薦めたいか」の設問）"
        "です。5や7までの列は評価、より大きい数や小数の列は点数ではありません。{codes}",
        "en": "{file}: no column holds a 0–10 score, so this does not look like an NPS survey "
        "export. Columns: {columns}. Expected one column whose answers are whole numbers from "
        "0 to 10 (the 'How likely are you to recommend …' question); a column that stops at 5 "
        "or 7 is a rating, and one with larger or fractional numbers is not a score.{codes}",
    },
    "inspect.no_score_hint": {
        "ja": "調査の回答エクスポートか確かめてください（別のシートなら--sheet、回答はラベルでなく"
        "数値で出力）。点数の列があるなら名前で指定してください：nps-kit score --score-column "
        "列名、またはユニットのパラメーターのcolumns.score。",
        "en": "Check that this is the survey's response export (another sheet: --sheet; the "
        "answers exported as numbers, not labels). If a column is the score, name it: nps-kit "
        "score --score-column COL, or columns.score in the unit's parameters.",
    },
    # nps-kit score's table, notes and errors (nps_kit.commands.score), in --language, else the
    # project's (MSG41); --format json/csv keep their English keys.
    "score.period_needs_date": {
        "ja": "--periodには--date-columnが必要です。",
        "en": "--period needs --date-column.",
    },
    "score.period_needs_date_hint": {
        "ja": "回答日の列を指定してください。例：--date-column submitted_at",
        "en": "Name the column with the response date, e.g. --date-column submitted_at.",
    },
    "score.period_date_found": {
        "ja": "回答日の列を指定してください。このエクスポートでは{option}です。",
        "en": "Name the column with the response date; in this export: {option}.",
    },
    "score.resubmissions_need_date": {
        "ja": "{option}には--date-columnが必要です。",
        "en": "{option} needs --date-column.",
    },
    "score.resubmissions_need_date_hint": {
        "ja": "二重送信は時刻で見分けます（同じ回答が1分以内にもう一度送られたもの）。回答日の列を"
        "指定してください。例：--date-column Timestamp",
        "en": "A double submission is told by its time (the same answers sent again within a "
        "minute): name the column with the response date, e.g. --date-column Timestamp.",
    },
    "score.keep_needs_dedupe": {
        "ja": "--dedupe-keepには--dedupeが必要です。",
        "en": "--dedupe-keep needs --dedupe.",
    },
    "score.keep_needs_dedupe_hint": {
        "ja": "--dedupe-keepは、同じIDの回答のうち--dedupeがどれを残すかを指定します。--id-column"
        "と--date-columnとともに--dedupe --dedupe-keep {keep}を指定してください。",
        "en": "It says which answer of a repeated id --dedupe keeps: pass --dedupe "
        "--dedupe-keep {keep} with --id-column and --date-column.",
    },
    "score.fiscal_start_needs_period": {
        "ja": "--fiscal-startには--period fiscal-yearまたはfiscal-quarterが必要です。",
        "en": "--fiscal-start needs --period fiscal-year or fiscal-quarter.",
    },
    "score.fiscal_start_needs_period_hint": {
        "ja": "--fiscal-startは年度の開始月を指定します"
        "（例：--period fiscal-quarter --fiscal-start 4）。",
        "en": "It says in which month the fiscal year starts, e.g. --period fiscal-quarter "
        "--fiscal-start 4.",
    },
    "score.fiscal_starts_differ": {
        "ja": "{folder}のユニットで年度の開始月が異なります（{each}）。",
        "en": "the units of {folder} start their fiscal years in different months ({each}).",
    },
    "score.fiscal_starts_differ_hint": {
        "ja": "どちらの年度で集計するか--fiscal-start Mで指定してください。",
        "en": "Pass --fiscal-start M for the one you mean.",
    },
    # score --period fiscal-year|fiscal-quarter: the fiscal year's first month, and who said it.
    "score.fiscal_start_note": {
        "ja": "年度は{month}始まりです（{why}）。",
        "en": "fiscal years start in {month} ({why}).",
    },
    # The same, for fiscal years named by the year they end in (fiscal_year_named_by: end).
    "score.fiscal_end_note": {
        "ja": "年度は{month}始まりで、終わる年で呼びます（{why}）。",
        "en": "fiscal years start in {month} and are named by the year they end in ({why}).",
    },
    "score.fiscal_start_option": {"ja": "--fiscal-start {month}", "en": "--fiscal-start {month}"},
    "score.fiscal_start_project": {
        "ja": "{folder}のfiscal_year_start",
        "en": "the fiscal_year_start of {folder}",
    },
    "score.fiscal_start_language": {
        "ja": "{language}の既定。ほかの月は--fiscal-start Mで指定できます",
        "en": "the default in {language}; pass --fiscal-start M for another month",
    },
    "score.language_ja": {"ja": "日本語", "en": "Japanese"},
    "score.language_en": {"ja": "英語", "en": "English"},
    "score.codes_with_parameters": {
        "ja": "{option}は--parametersを使わずに集計するときのオプションです。--parametersがあれば、"
        "DATAを読むユニットのvalue_labels:がコードの意味を決めます（nps-kit runと同じ）。",
        "en": "{option} is for scoring without --parameters: with it, the value_labels: of the "
        "units reading DATA say what the codes are, as nps-kit run reads them.",
    },
    "score.codes_with_parameters_hint": {
        "ja": "{option}を外すか、パラメーターのvalue_labels:を変更してください。",
        "en": "Leave out {option}, or change value_labels: in the parameters.",
    },
    "score.bad_level": {
        "ja": "--levelは0より大きく1より小さい値にしてください（指定：{level}）。",
        "en": "--level must be between 0 and 1, got {level}.",
    },
    "score.multi_select": {
        "ja": "「{column}」は複数選択の設問です。複数の選択肢を選んだ回答者は、選んだ各選択肢の"
        "グループに数えます。",
        "en": "{column!r} is a multi-select question: a respondent who chose several options "
        "is counted in each option's group.",
    },
    "score.dropped": {
        "ja": "前の行またはIDと重複する{n}行を除きました（{asked}）。",
        "en": "{n} row(s) repeating an earlier row or id were dropped ({asked}).",
    },
    "score.dropped_resubmissions": {
        "ja": "前の行またはIDと重複するか二重送信の{n}行を除きました（{asked}）。",
        "en": "{n} row(s) repeating an earlier row or id or resubmitting one were dropped "
        "({asked}).",
    },
    "score.repeat_rows": {
        "ja": "{n}行が前の行とまったく同じ",
        "en": "{n} row(s) repeat an earlier row exactly",
    },
    "score.repeat_ids": {
        "ja": "{n}行が前の行と同じ「{column}」",
        "en": "{n} row(s) repeat an earlier {column!r}",
    },
    "score.and": {"ja": "、", "en": " and "},
    "score.counted_again": {
        "ja": "{what}で、重ねて数えています。--dedupe（nps-kit runのパラメーターではdedupe: "
        "true）で除けます。",
        "en": "{what} and are counted again; drop them with --dedupe (dedupe: true in the "
        "parameters of nps-kit run).",
    },
    # inspect's notes of rows that read as a staff test (nps_kit._test_rows, QA30 F7, FIX71);
    # the report's data quality counts them as data.exclude's (テスト回答など).
    "test_rows.test": {
        "ja": "{where}行目はテスト回答のようです（「{column}」が{values}）。data.exclude: "
        "[{rule}]で、どの集計からも除けます。",
        # {row}, {looks}, {it}: Row, looks, it for one row; Rows, look, them for several.
        "en": "{row} {where} {looks} like a test, not a response ({column!r} is {values}): "
        "data.exclude: [{rule}] leaves {it} out of every figure.",
    },
    "test_rows.month_before": {
        "ja": "{where}行目（{column}：{values}）は{month}のただ一つの回答群で、ほかの回答の月"
        "（{first}〜{last}）より{gap}か月前です。調査開始前のテスト回答ではありませんか？"
        "data.exclude: [{rule}]で、どの集計からも除けます。",
        # {only}: "is the only response" or "are the only responses".
        "en": "{row} {where} ({column} {values}) {only} of {month}, {apart}: a staff test "
        "before the survey opened? data.exclude: [{rule}] leaves {it} out of every figure.",
    },
    "test_rows.month_after": {
        "ja": "{where}行目（{column}：{values}）は{month}のただ一つの回答群で、ほかの回答の月"
        "（{first}〜{last}）より{gap}か月後です。調査終了後のテスト回答ではありませんか？"
        "data.exclude: [{rule}]で、どの集計からも除けます。",
        "en": "{row} {where} ({column} {values}) {only} of {month}, {apart}: a staff test "
        "after it closed? data.exclude: [{rule}] leaves {it} out of every figure.",
    },
    # A block of rating questions on one scale (nps_kit._rating_scale), in inspect's notes.
    "rating.block": {
        "ja": "「{words}」で評価する{n}問は、同じ{low}〜{high}の尺度です",
        "en": "The {n} questions rated {words!r} are on one scale, {low}–{high}",
    },
    "rating.one": {
        "ja": "「{column}」は{low}〜{high}の尺度です",
        "en": "{column!r} is on a scale of {low}–{high}",
    },
    "rating.from_zero": {
        "ja": "{said}。{names}に1未満の回答があるため、0から始まる{high}点満点として読みます。",
        "en": "{said}: a mark out of {high} from 0, as {names} {has} answers under 1.",
    },
    "rating.from_one": {
        "ja": "{said}（{high}点満点、1未満の回答はありません）。",
        "en": "{said} (out of {high}, none answered under 1).",
    },
    # inspect's note of a code table (nps_kit._code_table, CODES40): where it is, what it labels.
    "inspect.code_sheet": {"ja": "シート「{name}」", "en": "Sheet {name!r}"},
    "inspect.code_file": {"ja": "ファイル「{name}」", "en": "The file {name!r}"},
    "inspect.code_table": {
        "ja": "{where}はコード表です。{columns}のコードを選択肢として読みます（value_labels）。",
        "en": "{where} is a code table: the codes of {columns} are read as its labels "
        "(value_labels).",
    },
    "inspect.code_table_none": {
        "ja": "{where}はコード表ですが、どの列のコードにも当たりません（value_labels）。",
        "en": "{where} is a code table: the codes of no column are read as its labels "
        "(value_labels).",
    },
    "inspect.code_unmatched": {
        "ja": "{names}という列はありません。",
        "en": " No column is {names}.",
    },
    "inspect.code_scores_left": {
        "ja": "{names}の選択肢は0〜10のスコアではないため、コードのまま残します。",
        "en": " Its labels of {names} are no 0–10 scores: left as codes.",
    },
    # A score column of answer codes (nps_kit._answer_codes, QA39): said by inspect and the
    # loader's refusal.
    "answer_codes.score": {
        "ja": "「{column}」はスコアではなく回答コード（{first} … {last}）です。LimeSurveyが"
        "選択肢の設問を「回答コード」で書き出した形です。どのコードがどのスコアかはファイルに"
        "ないため（0〜10の順か10〜0の順かも分かりません）、スコアとして読みません。「完全な回答」"
        "で書き出し直すか（回答 → エクスポート → 「完全な回答」）、調査で設問の回答コードを"
        "0 … 10にしてから書き出し直してください。",
        "en": "{column!r} holds answer codes ({first} … {last}), not scores, as LimeSurvey "
        "exports a list question with 'Answer codes'. Which code is which score is not in the "
        "file (the list may run 0 to 10 or 10 to 0), so it is not read as the score: export "
        "the responses again with 'Full answers' (Responses → Export → 'Full answers'), or "
        "give the question the answer codes 0 … 10 in the survey and export again.",
    },
    "answer_codes.numeric": {
        "ja": "「{column}」は0〜10のスコアではなく、11段階の選択肢のコード1 … 11です（11は"
        "スコアになく、0の回答がありません）。調査会社のSAコードの形式です。どのコードが"
        "どのスコアかは列ではなく調査のコード表にあるため（コード1が0点のことも10点のことも"
        "あります）、スコアとして読みません。回答を0〜10のスコアか選択肢の文（0：全くそう"
        "思わない … 10：非常にそう思う）で受け取るか、コード表から列を変換して（コード1＝0点"
        "なら「コード − 1」）それを読んでください。",
        "en": "{column!r} holds the codes 1 … 11 of an 11-point list, not 0–10 scores (11 is "
        "no score and nobody answered 0), as a research agency's SA code layout writes them. "
        "Which code is which score is in the survey's code table (コード表), not in the column "
        "(code 1 may be 0 points or 10), so it is not read as the score: ask for the answers "
        "as 0–10 scores or as their answer texts (0：全くそう思わない … 10：非常にそう思う), "
        "or recode the column from the code table (code 1 = 0 points: code − 1) and read that.",
    },
    # One value's answers without a 0 (nps_kit._values.ScaleSplit, QA29 F6), in inspect's notes;
    # the English is ScaleSplit.note's, whose describe() init and score also say.
    "scale_split.note": {
        "ja": "「{score}」：「{column}」＝「{value}」の回答{answers}件には0がなく、ほかの回答には"
        "0が{zeros}件あります。1〜10の尺度で尋ねた回答の可能性があります。0〜10として集計し、"
        "nps-kitはスコアを変換しません。",
        "en": "{score!r}: the {answers} answers with {column!r} = {value!r} have no 0 while the "
        "other answers have {zeros}: they may have been asked on a 1–10 scale, not 0–10. They "
        "are counted as 0–10; nps-kit converts no score.",
    },
    # A score column with no 0 where 1s and 2s make one expected (the loader's scale note, said
    # by score and themes); English is the loader's sentence, which names the questions too.
    "load.other_scale": {
        "ja": "列「{column}」は0〜10ではなく{looks}の尺度のようです（回答{n}件に0がなく、最大は"
        "{high}）。0〜10に見える列：{shown}。",
        "en": "column {column!r} looks like a {looks} scale, not 0–10 (no 0 in {n} answers, "
        "highest {high}); columns that look like 0–10: {shown}.",
    },
    # A grouped report's first column without subtotal lines (nps_kit._grouped_report, QA36 O1).
    "grouped.ungrouped": {
        "ja": "「{column}」は{rows}行のうち{filled}行だけに値があり、値はそれぞれ1度ずつで、"
        "その下の行は空欄です。グループ化したレポートの列で、各グループの最初の行にだけ"
        "書かれているようです。各グループの下に小計の行がないため、どこでグループが終わるか"
        "分からず、値を埋めません。この列による内訳やユニットでは、それらの行は（無回答）に"
        "なります。グループ化せずに（Salesforce：詳細のみ）または小計付きで書き出すか、読む前に"
        "列の値を下の行へ埋めてください。",
        "en": "{column!r} is filled on {filled} of {rows} rows, each value once with blank rows "
        "below it: it looks like a grouped report's column, written on each group's first row "
        "only. Without a subtotal line under each group nothing says where a group ends, so "
        "it is not filled in, and a breakdown or unit by it would put those rows in (no "
        "answer). Export the report without grouping (Salesforce: Details Only), with "
        "subtotals, or fill the column down before reading it.",
    },
    # A column of Unix epoch times taken as the date (FIX69); {taken} is inspect.EPOCH_TAKEN.
    "inspect.epoch_taken": {
        "ja": "{column}：日付の列として使います。整数がすべてUnixエポック{unit}（UTC）として"
        "読め（{first}〜{last}）、日付らしい名前の列がないためです。ほかの値なら、columns.date"
        "（--date-column）に回答日の列を指定してください。",
        "en": "{column}: {taken}: its whole numbers all read as Unix epoch {unit} (UTC), "
        "{first} to {last}, and no column is named like a date. If it holds something else, "
        "set columns.date (--date-column) to the column of response dates.",
    },
    "inspect.epoch_s": {"ja": "秒", "en": "seconds"},
    "inspect.epoch_ms": {"ja": "ミリ秒", "en": "milliseconds"},
    # A date-like column with values that are no dates (inspect's date notes).
    "inspect.not_dates": {
        "ja": "{column}：{n}件のうち{bad}件は日付ではありません（例：{examples}）。{what}",
        "en": "{column}: {bad} of {n} values are not dates, such as {examples}; {what}.",
    },
    "inspect.not_dates_taken": {
        "ja": "これらの回答はどの月にも入りません。",
        "en": "those responses will be in no month",
    },
    "inspect.not_dates_left": {
        "ja": "そのため日付の列とはしていません。",
        "en": "so it was not taken as the date column",
    },
    # score's row rules (nps_kit._row_rules): those of the units reading the export, applied
    # with --parameters and said without it (FIX80), in the reader's language (MSG42).
    "score.rules_differ": {
        "ja": "{folder}のユニットはこのファイルをそれぞれ異なる行の規則で読むため（{each}）、"
        "この集計はどの規則も適用していません。あるユニットのレポートと同じ行を数えるには、"
        "その規則を--dedupeと--excludeで指定してください。",
        "en": "the units of {folder} read this file with different row rules ({each}), so "
        "these figures apply none of them; give one unit's rules as --dedupe and --exclude "
        "to count its rows as its report does.",
    },
    "score.rules_unit": {"ja": "{file}：{rules}", "en": "{file}: {rules}"},
    "score.rules_units": {"ja": "；", "en": "; "},
    "score.rules_none": {"ja": "なし", "en": "none"},
    "score.rules_applied": {
        "ja": "nps-kit runがこのファイルを読むとおり、{files}の行の規則（{rules}）を適用して"
        "います。",
        "en": "the row rules of {files} ({rules}) are applied, as nps-kit run reads this file.",
    },
    "score.rules_not_applied": {
        "ja": "{files}はこのファイルを{rules}で読みます。nps-kit runは適用しますが、この集計は"
        "適用していません。適用するには--parameters {folder}を指定してください。",
        "en": "{files} {reads} this file with {rules}, which nps-kit run applies and these "
        "figures do not; pass --parameters {folder} to apply them.",
    },
    # A unit's earlier name (data.filter.previous_names) in score --by (FIX79, REVIEW35).
    "score.merged": {
        "ja": "「{old}」は「{current}」の以前の名称なので（{file}のdata.filter.previous_names）、"
        "nps-kit runのレポートと同じく「{current}」として数えます。",
        "en": "{old!r} is counted as {current!r}, whose earlier name it is "
        "(data.filter.previous_names in {file}), as nps-kit run reports the unit.",
    },
    "score.unmerged": {
        "ja": "「{old}」は「{current}」と別に数えています。{file}では以前の名称とされ"
        "（data.filter.previous_names）、nps-kit runは1つのユニットとしてレポートします。"
        "そう数えるには--parameters {folder}を指定してください。",
        "en": "{old!r} is counted apart from {current!r}, while {file} states it is its earlier "
        "name (data.filter.previous_names) and nps-kit run reports them as one unit; pass "
        "--parameters {folder} to count them so.",
    },
    "score.renamed": {
        "ja": "「{column}」の「{old}」（最後の回答{last_old}）と「{new}」（最初の回答"
        "{first_new}）は、名称を変えた1つのユニットのようですが、2つのグループとして数えています。"
        "data.filter.previous_namesに「{old}」を挙げたユニットファイルを--parametersで渡すと、"
        "nps-kit runと同じく1つとして数えます。",
        "en": "{old!r} (last answer {last_old}) and {new!r} (first answer {first_new}) in "
        "{column!r} look like one unit renamed and are counted as two groups; a unit file whose "
        "data.filter.previous_names lists {old!r}, passed with --parameters, counts them as "
        "one, as nps-kit run would.",
    },
    "score.renamed_chain": {
        "ja": "「{column}」の「{old}」（最後の回答{last_old}）、{between}、「{new}」（最初の回答"
        "{first_new}）は、名称を{renames}回変えた1つのユニットのようですが、{groups}つの"
        "グループとして数えています。data.filter.previous_namesに{olds}を挙げた「{new}」の"
        "ユニットファイルを--parametersで渡すと、nps-kit runと同じく1つとして数えます。",
        "en": "{old!r} (last answer {last_old}), {between} and {new!r} (first answer "
        "{first_new}) in {column!r} look like one unit renamed {times} and are counted as "
        "{groups} groups; a unit file for {new!r} whose data.filter.previous_names lists "
        "{olds}, passed with --parameters, counts them as one, as nps-kit run would.",
    },
    # A valid score without a date (QA35 O2), said by score and inspect (load.undated_note);
    # the report's data quality names the same count quality.undated.
    "load.undated": {
        "ja": "日付のない有効回答が{count}件あります（「{column}」が空欄または読めない日付）。"
        "どの期間にも入らず、全体の集計には含み、月別とユニットのレポートには含みません。",
        "en": "{count} scored {answers} have no date in {column!r} (blank or unreadable) and "
        "so are in no period: totals count them, months and a unit's report do not.",
    },
    "load.undated_limesurvey": {
        "ja": "LimeSurveyのエクスポートで、未完了の回答（送信されなかった回答）は「{column}」が"
        "空欄です。data.unfinished: exclude（nps-kit runのパラメーター）でどの集計からも除くか、"
        "「{last}」（最終更新）を日付にする（columns.date、--date-column）と、その月に数えます。",
        "en": " This is a LimeSurvey export, whose {column!r} is blank for an incomplete "
        "response (never submitted): data.unfinished: exclude (parameters of nps-kit run) "
        "leaves them out of every figure, or dating them by {last!r} (the last change; "
        "columns.date, --date-column) counts them in their month.",
    },
    "load.undated_fill": {
        "ja": "期間に数えるには、エクスポートで日付を埋めるか、すべての回答にある日付列"
        "（columns.date、--date-column）を使ってください。",
        "en": " Fill in their dates in the export, or take a date column every response has "
        "(columns.date, --date-column), to count them in a period.",
    },
    # Double submissions (nps_kit._resubmit), said by inspect, score and init's comment; the
    # report's data quality names them quality.resubmissions.
    "resubmit.note": {
        "ja": "{count}行は、{seconds}秒以内に先に送られた回答と同じ回答です{aside}（二重送信："
        "「送信」を2度押すとできます）。{option}で、完全に同じ行とともに除けます。",
        "en": "{count} {rows} the answers of a response sent at most {seconds} seconds "
        "earlier{aside} (a double submission, as a second click on Submit makes); {option} "
        "drops them, with the exact duplicates.",
    },
    "resubmit.aside": {"ja": "（{named}は新しい値）", "en": " with a new {named}"},
    "score.col.group": {"ja": "グループ", "en": "group"},
    "score.col.period": {"ja": "期間", "en": "period"},
    "score.col.note": {"ja": "注記", "en": "note"},
    "score.all": {"ja": "（全体）", "en": "(all)"},
    "score.missing": {"ja": "（空欄）", "en": "(missing)"},
    "score.excluded": {
        "ja": "除外：欠損{missing}件、無効{invalid}件",
        "en": "excluded: {missing} missing, {invalid} invalid",
    },
    "score.excluded_dates": {
        "ja": "、読めない日付{n}件（どの期間にも含みません）",
        "en": "; {n} unreadable dates (in no period)",
        "en_one": "; {n} unreadable date (in no period)",
    },
    "score.excluded_undated": {
        "ja": "、日付のない回答{n}件（全体には含み、どの期間にも含みません）",
        "en": "; {n} scored answers with no date (in (all), in no period)",
        "en_one": "; {n} scored answer with no date (in (all), in no period)",
    },
    "score.note.no_valid": {"ja": "有効な回答なし", "en": "no valid responses"},
    "score.note.complementary": {
        "ja": "非表示：表示すると下限未満のグループが全体から割り出せるため",
        "en": "hidden: else a group under the floor follows from the total",
    },
    # A quarter's or fiscal year's row hidden by score.hide_told_spans (REVIEW45).
    "score.note.told": {
        "ja": "非表示：年度累計との差し引きで下限未満の月が分かるため",
        "en": "hidden: else a month under the floor follows from the years to date",
    },
    "score.note.suppressed": {"ja": "非表示：回答数が下限未満", "en": "hidden: n < floor"},
    "score.note.small_sample": {"ja": "回答数少（参考値）", "en": "small sample"},
    # ColumnIndex.resolve's "no column" error, in score's language (MSG41).
    "load.no_column": {
        "ja": "{path}に列「{name}」（{option}）がありません。列：{columns}。{long}",
        "en": "{path} has no column {name!r} ({option}); columns: {columns}.{long}",
    },
    "load.no_column_guess": {"ja": "「{guess}」のことですか？", "en": "Did you mean {guess!r}? "},
    "load.no_column_fix": {
        "ja": "{option}にこれらの列のいずれかを指定してください{how}。",
        "en": "Set {option} to one of these columns{how}.",
    },
    "load.no_column_how": {"ja": "（列名、QID、設問文で）", "en": " (by id, QID or question text)"},
    "load.no_column_encoding": {
        "ja": "このファイルは指定のエンコーディングではなく{found}として読めます。指定の"
        "エンコーディングでは見出しが文字化けします。--encoding（data.encoding）を外す（自動で判定されます）か、"
        "{found}にしてください。",
        "en": "The file reads as {found}, not in the encoding given, which garbles its header: "
        "drop --encoding (data.encoding; it is detected) or set it to {found}.",
    },
    "load.no_column_long": {
        "ja": "{guess}表を説明のとおりに変換するか、{option}にその列のいずれかを指定してください。",
        "en": "{guess}Pivot the table as said, or set {option} to one of its columns.",
    },
    # A refused unit's reason in a few words (nps_kit._refusal): run's closing table, the
    # manifest's error.reason (English) with its key and arguments, and send's line in the
    # reader's language (MSG41: a Japanese project's send said them in English).
    "run.reason.no_rows": {
        "ja": "{column}が{values}の行がありません",
        "en": "no row has {column} = {values}",
    },
    "run.reason.did_you_mean": {
        "ja": "（「{guess}」のことですか？）",
        "en": "; did you mean {guess!r}?",
    },
    "run.reason.no_responses": {"ja": "{month}の回答がありません", "en": "no responses in {month}"},
    "run.reason.so_far": {
        "ja": "{month}の回答はまだ{n}件です（{floor}件未満）",
        "en": "only {n} responses so far in {month} (fewer than {floor})",
        "en_one": "only {n} response so far in {month} (fewer than {floor})",
    },
    "run.rows.span": {"ja": "{first}〜{last}", "en": "{first} to {last}"},
    "run.rows.no_responses": {
        "ja": "{where}：{unit}には{month}の回答がありません。{covered}。",
        "en": "{where}: {unit} has no responses in {month}; {covered}.",
    },
    "run.rows.covered": {
        "ja": "{export}にあるこのユニットの回答{described}は{span}のものです",
        "en": "its responses{described} in {export} cover {span}",
    },
    "run.rows.pick_complete": {
        "ja": "--period {period}、終わった最後の月",
        "en": "--period {period}, the last complete month",
    },
    "run.rows.pick": {
        "ja": "その範囲の月を選ぶか（{pick}）、エクスポートに{month}の回答が入ってからもう一度"
        "実行してください。",
        "en": "Pick a month inside that range ({pick}), or run again once the export has "
        "responses for {month}.",
    },
    "run.rows.usual": {
        "ja": "{unit}には普段ひと月に約{usual}件の回答があります。{month}に1件もないのはデータの"
        "取り込みが壊れているためかもしれないので、まずエクスポートにすべての行があるか確かめて"
        "ください。",
        "en": " {unit} usually has about {usual} responses a month: none in {month} may be a "
        "broken feed, so check that the export has all its rows first.",
    },
    "run.rows.no_dates": {
        "ja": "{export}にあるこのユニットの回答{described}には読める日付がありません",
        "en": "none of its responses{described} in {export} has a readable date",
    },
    "run.rows.no_dates_hint": {
        "ja": "columns.dateとエクスポートの日付のセルを確かめてください（nps-kit inspectで"
        "見られます）。",
        "en": "Check columns.date and the date cells of the export (nps-kit inspect shows them).",
    },
    "run.rows.so_far": {
        "ja": "{where}：{unit}の{month}はまだ終わっていない月で、これまでの回答は{scored}件です。"
        "thresholds.min_report_nがグループの数値を示す前に求める{floor}件に足りず、そのNPSは"
        "月の結果ではなく数人の回答になってしまいます。",
        "en": "{where}: {unit} has only {so_far} so far in {month}, a month that has not ended, "
        "fewer than the {floor} that thresholds.min_report_n asks before a group's figures are "
        "shown: its NPS would be a few people's answers, not the month's result.",
    },
    "run.rows.again": {
        "ja": "{month}の回答が{floor}件になったら、もう一度実行してください。",
        "en": "Run again once {month} has {floor} responses.",
    },
    "run.rows.last_complete": {
        "ja": "代わりに終わった最後の月をレポートしてください：nps-kit run {unit} --period {ended}"
        "（または--period latest）。{again}",
        "en": "Report the last complete month instead: nps-kit run {unit} --period {ended} (or "
        "--period latest). {again}",
    },
    "run.nothing_to_run": {
        "ja": "{count}ユニットのどれにもレポートする回答がありません：\n{listing}",
        "en": "none of the {count} units has responses to report:\n{listing}",
    },
    # After a refused unit's own message (run.refusal_line, a unit file's error).
    "run.skipped": {"ja": "このユニットは実行しません。", "en": "This unit is skipped."},
    # What init and new-unit say last, in the language of the project they wrote (FIX92).
    "init.next": {
        "ja": "next: cd {directory} && nps-kit run --allを実行し、reports/index.htmlを"
        "開いてください",
        "en": "next: cd {directory} && nps-kit run --all, then open reports/index.html",
    },
    "init.next_unit": {
        "ja": "next: {path}を編集してから、nps-kit run {name}を実行してください",
        "en": "next: edit {path}, then nps-kit run {name}",
    },
    # new-unit's refusals, in the project's language (FIX94).
    "init.unit_id": {
        "ja": "ユニット名「{name}」は安全なIDではありません：ファイル名に使われるため、1〜40文字の"
        "小文字（どの文字でも可：大宮院やcaféもIDになります）、数字、「-」、「_」で、文字か数字で"
        "始まり、{files}以外の名前にしてください。",
        "en": "unit name {name!r} is not a safe id: expected {rule}, and not one of {files}.",
    },
    "init.unit_id_hint": {
        "ja": "IDはファイル名parameters/NAME.yamlとreports/<期間>/NAME.htmlになります。",
        "en": "It becomes the file name parameters/NAME.yaml and reports/<period>/NAME.html.",
    },
    "init.unit_exists": {
        "ja": "{path}はもうあります。new-unitはユニットのファイルを上書きしません。",
        "en": "{path} exists already; new-unit never overwrites a unit file.",
    },
    "init.unit_exists_hint": {
        "ja": "そのファイルを編集するか、別のNAMEを選んでください。",
        "en": "Edit it, or choose another NAME.",
    },
    "init.code_table": {
        "ja": "コード表：{where}のコード表で、{columns}のコードを選択肢として読みます"
        "（{defaults}のvalue_labels。レポートには選択肢をこの順に表示します）",
        "en": "codes: the code table {where} labels the codes of {columns} "
        "(value_labels in {defaults}; the reports show the labels, in its order)",
    },
    "init.code_sheet": {"ja": "シート「{name}」", "en": "on sheet '{name}'"},
    "init.code_file": {"ja": "ファイル「{name}」", "en": "in '{name}'"},
    "score.code_table": {
        "ja": "{where}のコード表で、{columns}のコードを選択肢として数えます"
        "（グループはコード表の順。コードのまま数えるには --no-codes）。",
        "en": "the code table {where} labels the codes of {columns}: they are counted as its "
        "labels, in its order (--no-codes counts the codes as written).",
    },
    "score.unlabelled": {
        "ja": "コード表にないコードは、書かれたまま数えます：{codes}。",
        "en": "codes the code table does not label are counted as written: {codes}.",
    },
    "init.pack": {
        "ja": "themes: コメントに最も合うのは「{pack}」パックです。{themes}はこのパックを拡張します"
        "（別のパックを使うには、そこにextends: {others}と書いてください）",
        "en": "themes: the '{pack}' pack fits these comments best; {themes} extends it "
        "(write extends: {others} there to use another)",
    },
    "init.playbook": {
        "ja": "playbook: {playbook}は{which}で、特定の業種向けではありません。最初のレポートを"
        "送る前に、その対応策（{where}の下）を見直し、業種やルールに合わないものは書き換えるか"
        "削除してください",
        "en": "playbook: {playbook} is {which}, written for no business in particular: review "
        "its actions for yours (under {where}) and reword or delete any that does not fit your "
        "business or its rules before the first report goes out",
    },
    "init.playbook_generic": {
        "ja": "汎用パックのプレイブック",
        "en": "the generic pack's playbook",
    },
    "init.playbook_builtin": {
        "ja": "nps-kitの組み込みのプレイブック（推奨者に紹介とレビューを依頼します）",
        "en": "nps-kit's built-in playbook (it asks promoters for referrals and reviews)",
    },
    # init --from's notes, in the language of the project it wrote (FIX94: all were English).
    "init.no_pack_reads": {
        "ja": "themes: {unread}どのパック（{packs}）もこの言語を読めないため、{themes}にはテーマが"
        "ありません。その言語のキーワードをen:の下に書くと、それらのコメントにタグが付きます"
        "（称賛や不満のない言及として）。",
        "en": "themes: {unread} None of the packs ({packs}) reads them, so {themes} has no "
        "themes; keywords in their language written under en: there tag them (as mentions, "
        "without praise or complaint).",
    },
    "init.no_pack_fits": {
        "ja": "themes: どのパック（{packs}）もこのコメントに合いません。{themes}に独自のテーマを"
        "加えるか、そこにextends: {others}と書いてください",
        "en": "themes: none of the packs ({packs}) fits these comments; add your own in "
        "{themes}, or write extends: {others} there",
    },
    "init.split": {
        "ja": "split: 1つのテーマ（「{theme}」）にテーマ付きのコメントの大半が集まっているため、"
        "その対応策は別々のチームの問題をまとめて扱うことになります。{themes}の末尾に、"
        "分けるための、そのテーマで最も多い語によるテーマの案があります",
        "en": "split: one theme ('{theme}') holds most of the comments with a theme, so its "
        "actions would cover the problems of different teams; the end of {themes} proposes "
        "themes of its most frequent words to split it into",
    },
    "init.split_layer": {
        "ja": "split: 1つのテーマにテーマ付きのコメントの大半が集まっていますが、その多くは"
        "学習済みの層がテーマの語なしに付けたものなので、分ける案はありません。{themes}の"
        "末尾に、それらのコメントで最も多いフレーズを挙げています",
        "en": "split: one theme holds most of the comments with a theme, most of them tagged by "
        "the learned layer with none of its words, so no split is proposed; the end of "
        "{themes} lists their most frequent phrases",
    },
    "init.running_id": {
        "ja": "note: columns.idはエクスポートの行を1、2、3…と数えた番号です。エクスポートごとに"
        "1から振り直される場合、返送された作業用ファイルやアラートの記録が別の回答と結び付いて"
        "しまいます。設定する内容は{defaults}に書いてあります。",
        "en": "note: columns.id counts the export's rows 1, 2, 3 …: if each export numbers its "
        "rows from 1 again, a returned work file and the alerts log would match the wrong "
        "response; {defaults} says what to set.",
    },
    "init.merged": {
        "ja": "note: エクスポートは{n}ユニットの値を複数の表記（半角と全角、大文字と小文字、"
        "スペース）で書いています。それぞれ1つのユニットで、そのフィルターに各表記が並んで"
        "います：{files}",
        "en": "note: the export writes the value of {n} unit(s) in more than one spelling "
        "(half- and full-width, case, spaces); each is one unit whose filter lists its "
        "spellings: {files}",
    },
    "init.dates_either_way": {
        "ja": "note: エクスポートの日付は月と日のどちらが先とも読め（12を超える日がありません）、"
        "どちらかを示すものもありません。nps-kit runの前に、{defaults}のdata.date_formatを"
        "month-first（月が先）かday-first（日が先）に設定してください。",
        "en": "note: the export's dates read both ways (no day over 12) and nothing says which; "
        "set data.date_format to month-first or day-first in {defaults} before nps-kit run.",
    },
    "init.renames": {
        "ja": "note: {n}ユニットは別のユニットの名前が変わったものかもしれません（一方の値が"
        "終わるときにもう一方が始まり、一方の名前がもう一方の先頭です）。各ファイルに、2つを"
        "1つのユニットとして1本の推移にするフィルターがコメントとして書いてあります：{files}",
        "en": "note: {n} unit(s) may be another renamed (one value stops as the other starts, "
        "one name the start of the other); each file has, commented out, the filter that keeps "
        "them one unit with one trend: {files}",
    },
    "init.renamed_file": {"ja": "{file}（{old}）", "en": "{file} ({old})"},
    "init.epoch_date": {
        "ja": "note: 日付らしい名前の列がないため、columns.dateは値がすべてUnixエポック時刻（UTC）"
        "として読める列「{column}」です。{defaults}で確かめてください。",
        "en": "note: no column is named like a date; columns.date is {column!r}, whose values "
        "all read as Unix epoch times (UTC): check it in {defaults}.",
    },
    "init.no_contact_offered": {
        "ja": "note: columns.contactが見つからないため、nps-kit alertsが新しい批判者をメールで"
        "知らせるのは、それを設定するか、{defaults}にコメントとして用意したcontact_detailsの行の"
        "コメントを外してからです。",
        "en": "note: no columns.contact found, so nps-kit alerts e-mails new detractors only once "
        "it is set or the contact_details line offered in {defaults} is uncommented.",
    },
    "init.no_alert_columns": {
        "ja": "note: {keys}が見つからないため、nps-kit alertsは新しい批判者をメールで知らせられ"
        "ません。設定する内容は{defaults}に書いてあります。",
        "en": "note: no {keys} found, so nps-kit alerts cannot e-mail new detractors; "
        "{defaults} says what to set.",
    },
    "init.no_columns_joiner": {"ja": "と", "en": " and no "},
    "init.under_themes": {"ja": "general:とthemes:", "en": "general: and themes:"},
    "init.under_drivers": {"ja": "general:とdrivers:", "en": "general: and drivers:"},
    # alerts --since that is neither a duration nor a date (FIX94).
    "alerts.bad_since": {
        "ja": "--since：{found}は読めません。1d、12h、2wのような期間か、2026-11-01のような日付を"
        "指定してください。",
        "en": "--since: expected a duration like 1d, 12h or 2w, or a date like 2026-11-01; "
        "found {found}.",
    },
    "alerts.no_data_file": {
        "ja": "--data：ファイルが見つかりません：{path}。",
        "en": "--data: file not found: {path}.",
    },
    "alerts.unit_skipped": {
        "ja": "このユニットのアラートは送りません。",
        "en": "This unit is skipped.",
    },
    # A parameters folder without a unit file (run, alerts), in the project's language.
    "cli.no_unit_files": {
        "ja": "{folder}にユニットのファイルがありません。",
        "en": "no unit files in {folder}.",
    },
    "cli.no_unit_files_hint": {
        "ja": "「nps-kit new-unit NAME」でユニットを追加してください。",
        "en": "Add one with 'nps-kit new-unit NAME'.",
    },
    # send and alerts take unit ids or --all (the project's language: FIX92).
    "cli.units_and_all": {
        "ja": "ユニットIDと--allのどちらか一方を指定してください（両方が指定されています）。",
        "en": "give unit ids or --all, not both.",
    },
    "cli.units_or_all": {
        "ja": "ユニットIDか--allを指定してください（何も選ばれていません）。",
        "en": "give unit ids or --all; nothing was selected.",
    },
    "cli.units_or_all_hint": {
        "ja": "例：「{one}」または「{every}」。",
        "en": "E.g. `{one}` or `{every}`.",
    },
    # send's period and its manifest (nps_kit.mail.units), in the project's language.
    "send.period_not_month": {
        "ja": "--periodが{period}です。2026-10のようにYYYY-MM形式の月を指定してください。",
        "en": "--period is {period}; expected a month as YYYY-MM, e.g. 2026-10.",
    },
    "send.no_manifest": {
        "ja": "{period}のレポートがありません：{path}がありません。",
        "en": "no reports for {period}: {path} does not exist.",
    },
    "send.no_manifest_hint": {
        "ja": "先に{period}について「nps-kit run」を実行するか、--outputでレポートのフォルダーを"
        "指定してください。",
        "en": "Run `nps-kit run` for {period} first, or pass --output with the reports folder.",
    },
    "run.no_report": {
        "ja": "このユニットのレポートはありません。",
        "en": "This unit has no report.",
    },
    # The closing table's header and each unit's status (UnitResult.status).
    "run.col.unit": {"ja": "ユニット", "en": "unit"},
    "run.col.status": {"ja": "状態", "en": "status"},
    "run.col.nps": {"ja": "NPS", "en": "NPS"},
    "run.col.n": {"ja": "回答数", "en": "n"},
    "run.col.seconds": {"ja": "秒", "en": "seconds"},
    "run.col.output": {"ja": "出力", "en": "output"},
    "run.col.note": {"ja": "備考", "en": "note"},
    "run.status.ok": {"ja": "成功", "en": "ok"},
    "run.status.failed": {"ja": "失敗", "en": "failed"},
    "run.status.refused": {"ja": "実行せず", "en": "refused"},
    "run.status.no data": {"ja": "回答なし", "en": "no data"},
    "run.status.parameter error": {"ja": "パラメーターエラー", "en": "parameter error"},
    "run.note.hidden": {
        "ja": "NPS非表示：回答数が{floor}件未満（匿名性の下限）",
        "en": "NPS not shown: fewer than {floor} responses (anonymity floor)",
    },
    "run.note.unreadable": {
        "ja": "読めない日付{n}件",
        "en": "{n} unreadable dates",
        "en_one": "{n} unreadable date",
    },
    "run.note.followup": {
        "ja": "フォローアップ状況：警告{n}件",
        "en": "follow-up status: {n} warnings",
        "en_one": "follow-up status: {n} warning",
    },
    # A failed unit's line under the table: {where} is one of run.failed_*.
    "run.failed": {"ja": "{where}で失敗しました：{error}", "en": "failed {where}: {error}"},
    "run.failed_at_cell": {"ja": "セル{cell}", "en": "at cell {cell}"},
    "run.failed_in_cell": {"ja": "セルの実行中", "en": "in a cell"},
    "run.failed_before": {"ja": "最初のセルの前", "en": "before any cell"},
    # A parameter file's schema problems (nps_kit._schema_errors), in the file's language
    # (FIX90); the file and the dotted key lead, {found} is the value as the file holds it.
    "schema.unknown_key": {
        "ja": "{where}に「{name}」というキーはありません。",
        "en": "unknown key {name!r} {where}.",
    },
    # PyYAML's own words ({place}: line, column and its problem) stay English (REVIEW38).
    "schema.invalid_yaml": {
        "ja": "{file}：YAMLの書き方に誤りがあります（{place}）。",
        "en": "{file}: invalid YAML at {place}.",
    },
    "schema.invalid_yaml_hint": {
        "ja": "その箇所（字下げ、キーの後のコロンの抜け、閉じていない引用符や括弧）を"
        "直してください。",
        "en": "Fix the syntax there (indentation, a missing ':' or an unclosed quote).",
    },
    # A key written twice in one mapping of a YAML file (FIX91): YAML keeps the last value only.
    "yaml.duplicate_key": {
        "ja": "{file}：キー「{name}」が2回書かれています（{first}行目と{second}行目{as_written}）。"
        "YAMLは後の値だけを読み、前の値は黙って捨てられます。",
        "en": "{file}: the key '{name}' is written twice, on line {first} and on line "
        "{second}{as_written}; YAML would keep only the value on line {second} and drop the other "
        "without a word.",
    },
    # Both on one line, a flow mapping's {id: 1, id: 2} (FIX94): the line and both columns.
    "yaml.duplicate_key_columns": {
        "ja": "{file}：キー「{name}」が{line}行目に2回書かれています（{first}文字目と{second}"
        "文字目{as_written}）。YAMLは後の値だけを読み、前の値は黙って捨てられます。",
        "en": "{file}: the key '{name}' is written twice on line {line}, at column {first} and at "
        "column {second}{as_written}; YAML would keep only the later value and drop the other "
        "without a word.",
    },
    # The later key written differently but read as the same key (true and True, 1 and 0x1).
    "yaml.duplicate_key_written": {
        "ja": "、後の方は「{written}」と書かれています",
        "en": " (as '{written}')",
    },
    "yaml.duplicate_keys": {
        "ja": "{file}：{n}個のキーが2回書かれています。YAMLは後の値だけを読み、前の値は黙って"
        "捨てられます。",
        "en": "{file}: {n} keys are written twice; YAML would keep only the later value of "
        "each and drop the other without a word:",
    },
    "yaml.duplicate_key_line": {
        "ja": "「{name}」：{first}行目と{second}行目{as_written}",
        "en": "'{name}': line {first} and line {second}{as_written}",
    },
    "yaml.duplicate_key_line_columns": {
        "ja": "「{name}」：{line}行目の{first}文字目と{second}文字目{as_written}",
        "en": "'{name}': line {line}, columns {first} and {second}{as_written}",
    },
    "yaml.duplicate_key_hint": {
        "ja": "どちらの値が正しいか確かめて一方の行を残し、もう一方を消してください。",
        "en": "Check which value is meant, keep that line and delete the other.",
    },
    # A user's YAML file that cannot be read (nps_kit._yaml, nps_kit._schema_errors), in the
    # file's language: a Japanese project's themes.yaml and playbook.yaml too (FIX93).
    "yaml.file_not_found": {
        "ja": "{file}：ファイルが見つかりません。",
        "en": "{file}: file not found.",
    },
    "yaml.not_utf8": {
        "ja": "{file}：ファイルはUTF-8で保存してください。{found}（最初の不正なバイトは"
        "{line}行目）。",
        "en": "{file}: the file must be saved as UTF-8, but {found} (first bad byte on "
        "line {line}).",
    },
    "yaml.not_utf8.cp932": {
        "ja": "Shift_JIS（cp932）で保存されているようです",
        "en": "it looks like Shift_JIS (cp932)",
    },
    "yaml.not_utf8.byte": {
        "ja": "バイト0x{byte}はUTF-8ではありません",
        "en": "byte 0x{byte} is not UTF-8",
    },
    "yaml.not_utf8_hint": {
        "ja": "エディターでUTF-8として保存し直すか（VS Code：「エンコード付きで保存」→UTF-8、"
        "メモ帳：文字コードUTF-8）、変換してください：{command}",
        "en": "Re-save it as UTF-8 in your editor (VS Code: 'Save with Encoding' → UTF-8; "
        "Notepad: encoding UTF-8), or convert it: {command}",
    },
    "yaml.not_mapping": {
        "ja": "{file}：最上位はキーと値の組（マッピング）にしてください"
        "（書かれているもの：{found}）。",
        "en": "{file}: expected a mapping of keys at the top level; found {found}.",
    },
    # nps-kit themes' own lines on stderr, in the project's language like score's (MSG43);
    # 'uncovered', 'covered' and 'dropped' are the csv's found_in values, named as written.
    "themes_cmd.uncovered": {
        "ja": "コメント{comments}件のうち{n}件（{share}%）は{pack}のどのテーマの言葉も含みません："
        "「uncovered」の語句はそれらのコメントのもの、「covered」はほかのコメントでテーマを見つけた"
        "言葉の隣にある語句です。{layer}{unread}{extend}{better}",
        "en": "{n} of {comments} comments ({share}%) contain no word of a theme of {pack}: the "
        "phrases 'uncovered' are theirs; 'covered': phrases of the other comments, beside the "
        "words that found their themes.{layer} {unread}{extend}{better}",
    },
    "themes_cmd.layer": {
        "ja": "学習したレイヤーを加えると、{n}件（{share}%）にテーマがつきません（--suggestなしの"
        "'nps-kit themes'と同じ）。",
        "en": " With the learned layer, {n} ({share}%) get no theme, as 'nps-kit themes' "
        "without --suggest tags them.",
    },
    "themes_cmd.dropped": {
        "ja": "「dropped」は、学習したレイヤーがテーマの言葉を退けたためテーマがつかないコメントの"
        "語句です。",
        "en": " 'dropped': phrases of comments whose theme words the learned layer overruled, "
        "so they get no theme.",
    },
    "themes_cmd.unread_uncovered": {
        "ja": "テーマの言葉のないコメント{uncovered}件のうち{n}件（{share}%）はほかの言語"
        "（{named}、{codes}）のようで、読んでいません。その語句は挙げていません。パックの言葉では"
        "テーマがつかず、テーマファイル自身の言葉ならつきます。",
        "en": "{n} of the {uncovered} comments without a theme's word ({share}%) look like "
        "another language ({named}, {codes}) and are not read: no phrase of theirs is listed. "
        "No pack's words tag them; a themes file's own words do. ",
    },
    "themes_cmd.extend_pack": {
        "ja": "テーマをつけるには、'version: 1'と'extends: {pack}'で始まるテーマファイルに、"
        "パックのテーマIDか新しいテーマの下にその言葉を書き、--pack FILEで渡してください。"
        "パックの学習したレイヤーはそのまま使われます"
        "（README：「Open text, themes and actions」）。",
        "en": "To tag them, write their words in a themes file that starts with 'version: 1' and "
        "'extends: {pack}', under a theme id of the pack or a new theme, and pass it with --pack "
        "FILE: the pack's learned layers stay on (README: 'Open text, themes and actions').",
    },
    "themes_cmd.extend_file": {
        "ja": "テーマをつけるには、その言葉を{file}に加えてください（「{pack}」パックを拡張して"
        "います）。",
        "en": "To tag them, add their words to {file} (it extends the '{pack}' pack).",
    },
    "themes_cmd.extend_own": {
        "ja": "テーマをつけるには、その言葉を{file}に加えてください。先頭に'extends: <pack>'を"
        "書けば、同梱のパックに言葉を加え、パックの学習したレイヤーも使います。",
        "en": "To tag them, add their words to {file}; with 'extends: <pack>' at its top it would "
        "add them to a shipped pack and keep the pack's learned layers.",
    },
    "themes_cmd.better_pack": {
        "ja": "「{pack}」パックの言葉はこれらのコメントの{coverage}%をカバーします（このパックは"
        "{covered}%）。--pack {pack}を試してください（nps-kit initは最も合うパックを選びます）。",
        "en": " The '{pack}' pack's words cover {coverage}% of these comments (this one's "
        "{covered}%): try --pack {pack} (nps-kit init picks the pack that fits best).",
    },
    "themes_cmd.split": {
        "ja": "split：「{theme}」（{label}）が、テーマのあるコメント{tagged}件の{share}%"
        "（{count}件）を占めます（{limit}%を超えると、1つの対応で別々のチームの問題を扱うことになります）。",
        "en": "split: '{theme}' ({label}) holds {share}% of the {tagged} comments with a theme "
        "({count}; over {limit}% one action covers problems of different teams). ",
    },
    "themes_cmd.extending": {
        "ja": "'extends: {pack}'で始まるファイル",
        "en": "a file that starts with 'extends: {pack}'",
    },
    "themes_cmd.split_paste": {
        "ja": "最も多い言葉をそれぞれ1つのテーマにしたもの（件数、例）です。{where}の'themes:'の"
        "下に（その後の'{{}}'の代わりに）貼り付けてください：\n{snippet}",
        "en": "Its most frequent words, each a theme of its own (the count, an example), to "
        "paste under 'themes:' of {where} (in place of '{{}}' after it):\n{snippet}",
    },
    "themes_cmd.unsplit": {
        "ja": "繰り返し現れる言葉が2つ未満のため、分け方は提案しません。",
        "en": "Fewer than two of its words recur, so no split of them is proposed.",
    },
    "themes_cmd.unsplit_layer": {
        "ja": "学習したレイヤーは{count}件のうち、その言葉を含まない{n}件にこのテーマをつけました。"
        "{said}",
        "en": " The learned layer tagged {n} of its {count} comments, which contain none of its "
        "words.{said}",
    },
    "themes_cmd.unsplit_phrases": {
        "ja": "それらに最も多い語句：{phrases}。独自の話題を示すものは、新しいテーマのキーワードに"
        "してください。",
        "en": " Their most frequent phrases: {phrases}. Write those that name a topic of their "
        "own as keywords of a new theme.",
    },
    "themes_cmd.unsplit_no_phrase": {
        "ja": "それらに繰り返し現れる語句はありません。",
        "en": " No phrase of theirs recurs.",
    },
    "themes_cmd.unread": {
        "ja": "コメント{n}件はどのテーマパックも読まない言語です（{named}；language列）。パックの"
        "言葉ではテーマがつかず、テーマファイル自身の言葉でだけ、中立の言及としてつきます"
        "（評価せず、スコアでも判断しません）。",
        "en": "{n} comment(s) are in a language no theme pack reads ({named}; 'language' "
        "column): no pack's words tag them, only your themes file's own words, as neutral "
        "mentions (not judged, not by the score either).",
    },
    "themes_cmd.project_pack": {
        "ja": "テーマ：{themes}（{defaults}のとおり。--packで別のものを選べます）",
        "en": "themes: {themes}, as in {defaults} (--pack chooses another)",
    },
    "themes_cmd.invalid": {
        "ja": "「{column}」（--score-column）の回答{n}件は0〜10の整数ではありません"
        "（例：{examples}）。そのコメントはスコアなしで読みます。",
        "en": "{n} answer(s) of {column!r} (--score-column) are not whole numbers 0–10 (e.g. "
        "{examples}): their comments are read without a score.",
    },
    "themes_cmd.no_file": {
        "ja": "--pack：テーマファイル{file}が見つかりません。",
        "en": "--pack: theme file {file} not found.",
    },
    "themes_cmd.no_file_here": {
        "ja": "--pack：テーマファイル{file}が見つかりません（現在のフォルダー{cwd}から数えます）。",
        "en": "--pack: theme file {file} not found (relative to the current folder, {cwd}).",
    },
    "themes_cmd.no_file_hint": {
        "ja": "パスを確かめるか、同梱のパックを指定してください：--pack {packs}。",
        "en": "Check the path, or give a shipped pack instead: --pack {packs}.",
    },
    "themes_cmd.unknown_pack": {
        "ja": "テーマパック「{found}」（--pack）はありません。{packs}のいずれか、またはテーマの"
        "YAMLファイルのパスを指定してください。",
        "en": "unknown theme pack {found!r} (--pack); expected one of {packs} or the path of a "
        "themes YAML file.",
    },
    # A themes file's own problems (nps_kit.text.themes.load_themes), in the unit's language.
    "themes.file_not_found": {
        "ja": "テーマファイル{file}が見つかりません。",
        "en": "Theme file {file} does not exist.",
    },
    "themes.file_not_found_hint": {
        "ja": "パスを確かめるか、Noneを渡して同梱のテーマを使ってください。",
        "en": "Check the path, or pass None to use the packaged default themes.",
    },
    "themes.bad_pattern": {
        "ja": "{file}：キー「{setting}」：正規表現{pattern}が正しくありません（{error}）。",
        "en": "{file}: key '{setting}': invalid regular expression {pattern} ({error}).",
    },
    "themes.bad_pattern_hint": {
        "ja": "パターンを直すか、ただの語句ならエスケープの要らないkeywordsに移してください。",
        "en": "Fix the pattern, or move a plain word to 'keywords', which needs no escaping.",
    },
    "themes.bad_id": {
        "ja": "{file}：テーマID「{theme}」は英小文字・数字・「_」だけで、英字から始めてください。",
        "en": "{file}: theme id '{theme}' must be lower-case letters, digits and '_', "
        "starting with a letter.",
    },
    "themes.bad_id_hint": {
        "ja": "テーマの名前を変えてください（例：delivery_speed）。",
        "en": "Rename the theme, e.g. 'delivery_speed'.",
    },
    "themes.no_words": {
        "ja": "{file}：テーマ「{theme}」にkeywordsもpatternsもありません。",
        "en": "{file}: theme '{theme}' has no keywords and no patterns.",
    },
    "themes.no_words_hint": {
        "ja": "keywords.jaかkeywords.enにキーワードを1つ以上書いてください。",
        "en": "Add at least one keyword under keywords.ja or keywords.en.",
    },
    "themes.unknown_pack": {
        "ja": "テーマパック{found}はありません。{packs}のいずれかを指定してください。",
        "en": "unknown theme pack {found}; expected one of {packs}.",
    },
    "themes.needs_label": {
        "ja": "パック「{pack}」にないテーマにはlabelが必要です。",
        "en": "A theme the '{pack}' pack does not have needs a label.",
    },
    # A playbook's theme id that the themes in use do not have (nps_kit.playbook).
    "playbook.file_not_found": {
        "ja": "プレイブックのファイル{file}が見つかりません。",
        "en": "Playbook file {file} does not exist.",
    },
    "playbook.file_not_found_hint": {
        "ja": "存在するYAMLファイルを指定するか、パスを渡さずに組み込みのプレイブックを"
        "使ってください。",
        "en": "Pass an existing YAML file, or no path for the built-in playbook.",
    },
    "playbook.unknown_theme": {
        "ja": "themesに{found}というテーマIDはありません（使われているテーマID：{ids}）。",
        "en": "unknown key {found} in themes (theme ids in use: {ids}).",
    },
    "schema.in": {"ja": "{parent}", "en": "in {parent}"},
    "schema.top_level": {"ja": "最上位", "en": "at the top level"},
    "schema.did_you_mean": {
        "ja": "「{suggestion}」のことですか？",
        "en": "Did you mean {suggestion!r}?",
    },
    "schema.valid_keys": {
        "ja": "ここで使えるキー：{keys}。",
        "en": "Valid keys here: {keys}.",
    },
    "schema.missing": {
        "ja": "必須のキーですが、書かれていません。",
        "en": "required but missing.",
    },
    "schema.one_of": {
        "ja": "{expected}のいずれかを指定してください（書かれている値：{found}）。",
        "en": "expected one of {expected}; found {found}.",
    },
    "schema.expected": {
        "ja": "{expected}を指定してください（書かれている値：{found}）。",
        "en": "expected {expected}; found {found}.",
    },
    "schema.expected.text": {"ja": "文字列", "en": "text"},
    "schema.expected.whole_number": {"ja": "整数", "en": "a whole number"},
    "schema.expected.number": {"ja": "数値", "en": "a number"},
    "schema.expected.finite_number": {"ja": "有限の数値", "en": "a finite number"},
    "schema.expected.bool": {"ja": "trueかfalse", "en": "true or false"},
    "schema.expected.list": {"ja": "リスト", "en": "a list"},
    "schema.expected.mapping": {"ja": "キーと値の組（マッピング）", "en": "a mapping of keys"},
    "schema.expected.path": {"ja": "ファイルのパス", "en": "a file path"},
    "schema.bound.greater_than": {
        "ja": "{bound}より大きい値を指定してください（書かれている値：{found}）。",
        "en": "input should be greater than {bound}; found {found}.",
    },
    "schema.bound.greater_than_equal": {
        "ja": "{bound}以上の値を指定してください（書かれている値：{found}）。",
        "en": "input should be greater than or equal to {bound}; found {found}.",
    },
    "schema.bound.less_than": {
        "ja": "{bound}未満の値を指定してください（書かれている値：{found}）。",
        "en": "input should be less than {bound}; found {found}.",
    },
    "schema.bound.less_than_equal": {
        "ja": "{bound}以下の値を指定してください（書かれている値：{found}）。",
        "en": "input should be less than or equal to {bound}; found {found}.",
    },
    # Any other pydantic problem: its own words (English), then the value.
    "schema.other": {
        "ja": "{problem}（書かれている値：{found}）。",
        "en": "{problem}; found {found}.",
    },
    # A validator's own problems (nps_kit.params raises _schema_errors.Said), without the
    # closing 。/. (the list adds it).
    "params.fiscal_year_start": {
        "ja": "年度の開始月を1〜12の数で指定してください（4 = 4月始まり）"
        "（書かれている値：{found}）",
        "en": "expected the fiscal year's first month as a number 1–12 (4 = April); found {found}",
    },
    "params.fiscal_year_named_by": {
        "ja": "年度の呼び方は 'start'（始まる年：2026年度＝2026年4月〜2027年3月）か 'end'"
        "（終わる年）で指定してください（書かれている値：{found}）",
        "en": "expected 'start' (FY2026 = April 2026 to March 2027) or 'end' (FY2027 = the "
        "same months, as in the UK and the US federal government); found {found}",
    },
    "params.period": {
        "ja": "'latest'、'current'、または'2026-10'のような月を指定してください"
        "（書かれている値：{found}）",
        "en": "expected 'latest', 'current' or a month like '2026-10'; found {found}",
    },
    # A period run --period or lab is given that reads as no month (FIX94), and a 'latest' or
    # 'current' that finds no month, in the unit's language.
    "params.bad_period": {
        "ja": "period：'latest'、'current'、または'2026-10'のような月を指定してください"
        "（指定された値：{found}）。",
        "en": "period: expected 'latest', 'current' or a month like '2026-10'; found {found}.",
    },
    "params.period_needs_date": {
        "ja": "{where}：period：{word}で最新の月を探すには、columns.dateが必要です。",
        "en": "{where}: period: {word} needs columns.date to find the latest month.",
    },
    "params.period_needs_date_hint": {
        "ja": "columns.dateを設定するか、periodを2026-10のようなYYYY-MM形式で指定してください。",
        "en": "Set columns.date, or give the period as YYYY-MM.",
    },
    "params.period_no_dates": {
        "ja": "{where}：period：{file}の列{column}に読める日付がありません。",
        "en": "{where}: period: no readable dates in column {column} of {file}.",
    },
    "params.period_no_dates_hint": {
        "ja": "periodを2026-10のようなYYYY-MM形式で指定してください。",
        "en": "Give the period as YYYY-MM.",
    },
    "params.email": {
        "ja": "team@example.comや'Team <team@example.com>'のようなメールアドレスを指定して"
        "ください（書かれている値：{found}）",
        "en": "expected an e-mail address like team@example.com or 'Team <team@example.com>'; "
        "found {found}",
    },
    "params.email_local_part": {
        "ja": "{found}の@より前が{n}文字です。メールサーバーが受け取るのは{most}文字までです"
        "（RFC 5321）。短いアドレスかグループのアドレスを指定してください",
        "en": "the part before @ of {found} is {n} characters; mail servers take at most {most} "
        "(RFC 5321). Give a shorter address or a group's address",
    },
    "params.web_address": {
        "ja": "https://またはhttp://で始まるウェブアドレスを指定してください"
        "（書かれている値：{found}）",
        "en": "expected a web address starting with https:// or http://; found {found}",
    },
    "params.low_high": {
        "ja": "下限と上限を[1, 5]のように指定してください（下限 < 上限、書かれている値：{found}）",
        "en": "expected [low, high] with low < high; found {found}",
    },
    # A name or label shown to readers (params.display_text_problem): one line, no control
    # character; {what} is one of params.control.*.
    "params.display_text": {
        "ja": "改行や制御文字のない1行のテキストを指定してください（書かれている値：{found}、"
        "{position}文字目に{what}（U+{code}）があります）",
        "en": "expected one line of text without control characters; found {found} with {what} "
        "(U+{code}) at character {position}",
    },
    "params.control.lf": {"ja": "改行（LF）", "en": "a line feed"},
    "params.control.cr": {"ja": "改行（CR）", "en": "a carriage return"},
    "params.control.tab": {"ja": "タブ", "en": "a tab"},
    "params.control.other": {"ja": "制御文字", "en": "a control character"},
    "params.unit_label_blank": {
        "ja": "店舗やStoreのように、1ユニットの呼び名を指定してください（書かれている値：{found}）",
        "en": "expected a name for one unit such as 店舗 or Store; found {found}",
    },
    "params.unit_label_long": {
        "ja": "列見出しになるため、24文字以内で指定してください（書かれている値：{found}、"
        "{n}文字）",
        "en": "expected at most 24 characters (a column heading); found {found} ({n})",
    },
    "params.label_key": {
        "ja": "言語ごとのラベルのキーにはjaとenを指定してください（書かれている値：{found}）",
        "en": "expected the languages ja and en as keys; found {found}",
    },
    "params.label_text": {
        "ja": "{language}のラベルにはテキストを指定してください（書かれている値：{found}）",
        "en": "expected text as the {language} label; found {found}",
    },
    "params.label": {
        "ja": "ラベルを1つ、またはjaとenをキーにして言語ごとに指定してください"
        "（書かれている値：{found}）",
        "en": "expected a label, or one per language such as {{ja: 理由, en: Reason}}; "
        "found {found}",
    },
    "params.label_missing": {
        "ja": "{where}（{column}）：ラベルは{given}だけですが、このユニットのレポートの言語は"
        "{language}です。「{language}: <ラベル>」を加えてください（または全言語に共通のラベルを"
        "1つ指定してください）",
        "en": "{where} ({column}): label gives {given}, but this unit reports in {language}: "
        "add '{language}: <label>' to it (or give one plain label for every language)",
    },
    "params.label_none": {"ja": "なし", "en": "none"},
    "params.previous_names": {
        "ja": "previous_namesには{column}の以前の値を書きます。{both}はvaluesにもあります。"
        "どちらか一方にだけ書いてください",
        "en": "previous_names lists earlier values of {column}; {both} is in values too: "
        "keep it in one",
    },
    "params.consent_both": {
        "ja": "{listed}がconsent_yesとconsent_noの両方にあります。回答は連絡の許可か拒否の"
        "どちらかです。どちらかのリストから外してください",
        "en": "{listed} is listed in both consent_yes and consent_no; an answer either grants "
        "contact or refuses it: remove it from one list",
    },
    "params.rating_codes": {
        "ja": "ratingのcodesは{low}〜{high}の点数を回答に対応させます。点数でないもの：{wrong}",
        "en": "codes of a rating map points {low}–{high} to answers; not a point: {wrong}",
    },
    "params.asks_text_only": {
        "ja": "asks（reasonまたはimprovement）は自由回答の設問が何を尋ねるかを示すため、"
        "textの設問にだけ指定できます。{column}は{type}です。asksを削除するか、"
        "typeをtextにしてください",
        "en": "asks (reason or improvement) says what an open question asks, so only text "
        "questions have it; {column} is {type}: remove asks, or set type: text",
    },
    "params.value_labels_empty": {
        "ja": 'コードと選択肢を1つ以上書いてください（例：{{"1": "男性", "2": "女性"}}）',
        "en": "expected at least one code and its label, e.g. {{1: Male, 2: Female}}",
    },
    "params.value_labels_same_code": {
        "ja": "コード「{first}」と「{second}」は同じコードです。1つにまとめてください",
        "en": "codes {first!r} and {second!r} are the same code; keep one of them",
    },
    "params.order_repeated": {
        "ja": "orderには各グループを1回だけ書いてください（重複：{repeated}）",
        "en": "each group may appear once in order; repeated: {repeated}",
    },
    "params.unit_id": {
        "ja": "ファイル名に使われるため、1〜40文字の小文字（どの文字でも可：大宮院やcaféも"
        "IDになります）、数字、「-」、「_」で、文字か数字で始まるIDを指定してください"
        "（書かれている値：{found}）",
        "en": "expected {rule} (used in file names); found {found}",
    },
    "params.section_unknown": {
        "ja": "セクション{found}はありません。次の名前から指定してください：{valid}",
        "en": "unknown section {found}; expected names from: {valid}",
    },
    "params.section_unknown_guess": {
        "ja": "セクション{found}はありません（{guess}のことですか？）。次の名前から"
        "指定してください：{valid}",
        "en": "unknown section {found} (did you mean {guess}?); expected names from: {valid}",
    },
    "params.section_repeated": {
        "ja": "各セクションは1回だけ指定してください（重複：{repeated}）",
        "en": "each section may appear once; repeated: {repeated}",
    },
    "params.headline_required": {
        "ja": "headlineは必須です（一覧ページとメールがその数値を表示します。"
        "書かれている値：{found}）",
        "en": "headline is required (the overview and the e-mail show its numbers); found {found}",
    },
    "schema.problems": {"ja": "{n}件の問題があります。", "en": "{n} problems:"},
    # Why a unit is refused when its files are checked (params._checks), in its language.
    "params.file_not_found": {
        "ja": "{file}: {setting}: ファイルが見つかりません：{found}。",
        "en": "{file}: {setting}: file not found: {found}.",
    },
    "params.data_not_found": {
        "ja": "{file}: data.path: データファイルが見つかりません：{found}。",
        "en": "{file}: data.path: data file not found: {found}.",
    },
    "params.fix_path": {
        "ja": "パスを直してください（相対パスはYAMLファイルのフォルダーから始まります）。",
        "en": "Fix the path (relative paths start at the YAML file's folder).",
    },
    "params.fix_path_or_null": {
        "ja": "パスを直すか（相対パスはYAMLファイルのフォルダーから始まります）、"
        "nullにしてください。",
        "en": "Fix the path (relative paths start at the YAML file's folder), or use null.",
    },
    "params.use_a_pack": {
        "ja": "テーマパック（{packs}）かテーマのYAMLファイルのパスを指定してください。",
        "en": "Use a theme pack ({packs}) or the path of a themes YAML file.",
    },
    "params.status_file_hint": {
        "ja": "返ってきた作業用ファイルをそこに置くか（相対パスはYAMLファイルのフォルダーから"
        "始まります）、チームから返ってくるまではnullにしてください。",
        "en": "Put the returned work file there (relative paths start at the YAML file's "
        "folder), or use null until the team returns one.",
    },
    # A problem of defaults.yaml's data or columns, said once with the units it stops.
    "params.shared": {
        "ja": "{file}: {setting}: {reason}（このデータを使う{units}には、"
        "自分の設定がありません）。",
        # {does} {its}: "does … its" after one unit, "do … their" after several
        "en": "{file}: {setting}: {reason} (the data of {units}, which {does} not set {its} own).",
    },
    "params.shared_data_hint": {
        "ja": "defaults.yamlのdata.pathを直すか（相対パスはそのフォルダーから始まります）、"
        "各ユニットのファイルでdata.pathを指定してください。",
        "en": "Fix data.path in defaults.yaml (relative paths start at its folder), or set "
        "data.path in each unit file.",
    },
    "params.shared_hint": {"ja": "defaults.yamlで：{hint}", "en": "In defaults.yaml: {hint}"},
    "params.sheet_hint": {
        "ja": "data.sheetにはシート名か0から数えた番号を指定するか、ブックの最初のシートなら"
        "nullにしてください（CSVやParquetのエクスポートでは常にnullです）。",
        "en": "Set data.sheet to one of the sheet names or a 0-based index, or null for the "
        "first sheet of a workbook (always null for a CSV or Parquet export).",
    },
    "params.no_column": {
        "ja": "{file}に列{column}はありません。",
        "en": "no column {column} in {file}.",
    },
    "params.columns_in": {
        "ja": "{file}の列：{listing}。",
        "en": "Columns in {file}: {listing}.",
    },
    "params.encoding_given": {
        "ja": "data.encodingの{encoding}",
        "en": "data.encoding {encoding}",
    },
    "params.encoding_detected": {"ja": "検出した文字コード", "en": "the detected encoding"},
    "params.encoding": {
        "ja": "{file}: data.encoding: {found}は{given}で読めません（{offset}バイト目が{encoding}"
        "として正しくありません）。",
        "en": "{file}: data.encoding: {found} does not read with {given} (byte {offset} is not "
        "valid {encoding}).",
    },
    "params.encoding_hint": {
        "ja": "data.encodingを{fix}にするか、nullにして自動で検出してください。",
        "en": "Set data.encoding: {fix}, or null to detect it.",
    },
    "params.encoding_saved": {
        "ja": "ファイルを保存した文字コード（utf-8やcp932など）",
        "en": "the encoding the file was saved in (e.g. utf-8 or cp932)",
    },
    "params.unknown_unit": {
        "ja": (
            "ユニット「{name}」はありません：{folder}に{name}.yamlがありません"
            "（ユニット：{units}）。"
        ),
        "en": "unknown unit {name!r}: no {name}.yaml in {folder} (units: {units}).",
    },
    "params.no_units": {"ja": "なし", "en": "none"},
    "params.files_have_problems": {
        "ja": "{n}個のパラメーターファイルに問題があります。",
        "en": "{n} parameter files have problems:",
    },
    "promoter": {"ja": "推奨者", "en": "Promoters"},
    "passive": {"ja": "中立者", "en": "Passives"},
    "detractor": {"ja": "批判者", "en": "Detractors"},
    "promoters": {"ja": "推奨者", "en": "Promoters"},
    "passives": {"ja": "中立者", "en": "Passives"},
    "detractors": {"ja": "批判者", "en": "Detractors"},
    "nps": {"ja": "NPS", "en": "NPS"},
    "n": {"ja": "回答数", "en": "Responses"},
    "score": {"ja": "推奨度（0〜10）", "en": "Likelihood to recommend (0–10)"},
    "share": {"ja": "構成比（%）", "en": "Share (%)"},
    "ci": {"ja": "95%信頼区間", "en": "95% interval"},
    "target": {"ja": "目標", "en": "Target"},
    "other": {"ja": "その他", "en": "Other"},
    "month": {"ja": "月", "en": "Month"},
    "small_sample": {"ja": "回答数少（参考値）", "en": "small sample"},
    # A theme few comments mention: its own mark, never the small-sample one (QA24).
    "few_mentions": {"ja": "言及少（参考値）", "en": "few mentions"},
    "suppressed": {"ja": "非表示（回答数不足）", "en": "hidden (too few responses)"},
    # A breakdown's group hidden by the secondary rule (score.complement_floor): large enough
    # itself, hidden so that a group under the floor is not the total minus the shown ones.
    "complementary": {
        "ja": "非表示（ほかの非表示グループを合計から割り出せないように）",
        "en": "hidden (so that a hidden group cannot be worked out from the total)",
    },
    "no_responses": {"ja": "回答なし", "en": "no responses"},
    # A group of the responses that left a question blank (never "nan").
    "no_answer": {"ja": "（無回答）", "en": "(no answer)"},
    "improvement": {"ja": "有意に改善", "en": "significant improvement"},
    "decline": {"ja": "有意に悪化", "en": "significant decline"},
    "no_change": {"ja": "有意な変化なし", "en": "no significant change"},
    "insufficient_data": {"ja": "比較データ不足", "en": "not enough data to compare"},
    "vs_previous": {"ja": "前月比", "en": "vs previous month"},
    "vs_last_year": {"ja": "前年同月比", "en": "vs same month last year"},
    "ci_level": {"ja": "{percent}信頼区間", "en": "{percent} interval"},
    # an interval's two ends (interval_text): Japanese joins them with a wave dash
    "interval": {"ja": "{low}〜{high}", "en": "{low} to {high}"},
    "working_copy": {
        "ja": (
            "# {unit} {period}（作業用コピー）\n\n"
            "*Run all* でこのユニットのレポートが表示されます。ここでの変更は試すためのものです。"
            "残したいパラメーターの変更は `parameters/{unit_id}.yaml` に書いてください"
            "（`nps-kit run` はそこから値を入れ直します）。"
            "このノートブックで変えたセルをそのままレポートにするには "
            "`nps-kit run {unit_id} --period {period} --notebook {path}`、"
            "全ユニットに反映するには `notebooks/nps_report.ipynb` を編集します。"
            "ここで追加したセルは実行されますが、その出力がレポートに載るのは、"
            "載せたい節のタグ（例：`section-trend`）を付けたセルだけです"
            "（タグのないセルは試し用）。"
            "この `--notebook` での実行は `reports/{period}/{unit_id}.html`"
            "（送信・一覧に使われるレポート）を置き換えます。"
            "試すだけなら `--output` で別のフォルダーを指定してください。"
        ),
        "en": (
            "# {unit} {period} (working copy)\n\n"
            "*Run all* shows this unit's report. Changes here are for trying things out: a "
            "parameter change that should last goes into `parameters/{unit_id}.yaml` "
            "(`nps-kit run` injects the values from there again). To render this notebook's "
            "edited cells as the unit's report: `nps-kit run {unit_id} --period {period} "
            "--notebook {path}`; to change every unit's report, edit "
            "`notebooks/nps_report.ipynb`. A cell you add here runs, but its output reaches the "
            "report only when tagged for the section it belongs to (e.g. `section-trend`); an "
            "untagged cell is scratch. Rendering with `--notebook` replaces "
            "`reports/{period}/{unit_id}.html`, the report that is mailed and listed in the "
            "overview: for a trial, add `--output DIR`."
        ),
    },
    # report: from report.py
    "report.ci_range": {"ja": "{ci}：{interval}", "en": "{ci} {interval}"},
    # The change's interval, named as the change's: beside the compared month's NPS an unnamed
    # one read as that month's interval (BROWSE35).
    "report.change_ci_range": {
        "ja": "変化の{ci}：{interval}",
        "en": "{ci} of the change: {interval}",
    },
    "report.responses": {
        "ja": "回答数{n}件",
        "en": "{n} responses",
        "en_one": "{n} response",
    },
    "report.no_comparison": {
        "ja": "比較できるデータがありません",
        "en": "No data to compare with",
    },
    "report.gap": {
        "ja": "{target}との差",
        "en": "Gap to target",
    },
    "report.target_value": {
        "ja": "目標：{value}",
        "en": "target {value}",
    },
    "report.on_target": {
        "ja": "目標達成",
        "en": "On or above target",
    },
    "report.below_target": {
        "ja": "目標未達",
        "en": "Below target",
    },
    "report.small_sample_note": {
        "ja": "回答数が{n}件と少ないため、数値は大きく振れます。参考値としてご覧ください。",
        "en": "Only {n} responses: the score can move a lot by chance. Read it as indicative.",
        "en_one": "Only {n} response: the score can move a lot by chance. Read it as indicative.",
    },
    "report.no_comments": {
        "ja": "該当するコメントはありません。",
        "en": "No comments.",
    },
    "report.no_recommendations": {
        "ja": "提案はありません。",
        "en": "No recommendations.",
    },
    "report.evidence": {
        "ja": "根拠",
        "en": "Evidence",
    },
    "report.yes": {
        "ja": "はい",
        "en": "yes",
    },
    "report.no": {
        "ja": "いいえ",
        "en": "no",
    },
    # sections: from sections/
    "sections.title": {
        "ja": "{name} NPSレポート",
        "en": "{name} NPS report",
    },
    "sections.subtitle": {
        "ja": "{period}・作成日：{today}",
        "en": "{period} · generated {today}",
    },
    "sections.last_year": {
        "ja": "前年同月比",
        "en": "vs same month last year",
    },
    # The fiscal year to date's change against the same months of the fiscal year before.
    "sections.fiscal_ytd": {
        "ja": "前年度同期比",
        "en": "vs same months last fiscal year",
    },
    # The months of last fiscal year's same months that have no response (an export that
    # begins later): the change compares fewer months of that year.
    "sections.fiscal_gaps": {
        "ja": "前年度同期の{span}のうち、{months}は回答がありません。",
        "en": "Of the same months last fiscal year, {span}, {months} had no responses.",
    },
    "sections.fiscal_too_few": {
        "ja": "回答のある月は{months}か月のうち{answered}か月だけのため、比較しません",
        "en": "responses in only {answered} of its {months} months, too few to compare",
    },
    # The fiscal year to date not shown: minus the months shown, or the year to date an earlier
    # report showed, it would be the NPS of its months under the anonymity floor (REVIEW42;
    # nps_kit.score.told_parts).
    "sections.fiscal_floor": {
        "ja": "{span}：回答{n}件。表示した月や前月までの累計との差し引きで{floor}件未満の月"
        "（{months}）のNPSが分かるため非表示",
        "en": "{span}: {n} responses. Not shown: with the months and earlier years to date "
        "shown, it would tell the NPS of {months}, under the floor of {floor} responses.",
    },
    # The change against last year's span not shown: with the months the reports of a year ago
    # showed, its NPS would be that of its months under the floor there (REVIEW42).
    "sections.fiscal_floor_before": {
        "ja": "{span}：比較は非表示。過去のレポートで表示した月や累計との差し引きで"
        "{floor}件未満の月（{months}）のNPSが分かるため",
        "en": "{span}: not compared. With the months and years to date earlier reports show, "
        "its NPS would tell that of {months}, under the floor of {floor} responses.",
    },
    "sections.method_fiscal": {
        "ja": "年度は{named}で呼びます：{example}年度は{start_year}年{start}月から"
        "{end_year}年{end}月までです。年度累計は年度の最初の月から報告月まで、前年度同期比はその累計と前年度の同じ月々"
        "との差です（月の比較と同じ区間と検定）。前年度の同じ月々のうち回答のある月が半分に満たない"
        "ときは、数か月だけとの比較になるため比較しません。",
        "en": "A fiscal year is named by the year it {named} in: FY{example} runs from {first} "
        "to {last}. Fiscal year to date counts the fiscal year's months through the reporting "
        "month; its change compares them with the same months of the fiscal year before (the "
        "interval and test of the month comparisons). When fewer than half of those months "
        "have responses, no change is shown: it would compare the year with a few months.",
    },
    "sections.previous": {
        "ja": "前月比",
        "en": "vs previous month",
    },
    "sections.shares_title": {
        "ja": "推奨者・中立者・批判者の構成比",
        "en": "Promoters, passives, detractors",
    },
    "sections.distribution_title": {
        "ja": "スコア分布（{period}）",
        "en": "Score distribution ({period})",
    },
    # A month under the anonymity floor (FIX60B, FIX63): after the headline, why the sections
    # of the month's score mix are left out; in a notebook run by hand, in place of each.
    "sections.floor_note": {
        "ja": (
            "今月の回答は{n}件で{floor}件未満のため、匿名性を守るためスコア分布・推移・内訳・"
            "施策・追加設問・データ品質は表示していません（批判者へのフォローアップは表示します）。"
        ),
        "en": (
            "This month has {n} responses, fewer than {floor}: to keep them anonymous, the "
            "score distribution, trend, breakdowns, strategies, follow-up questions and data "
            "quality are not shown (the detractor follow-up is)."
        ),
        "en_one": (
            "This month has {n} response, fewer than {floor}: to keep them anonymous, the score "
            "distribution, trend, breakdowns, strategies, follow-up questions and data quality "
            "are not shown (the detractor follow-up is)."
        ),
    },
    "sections.floor_hidden": {
        "ja": "今月の回答が{floor}件未満のため表示していません（匿名性の保護）。",
        "en": "Not shown: this month has fewer than {floor} responses (anonymity).",
    },
    "sections.trend_title": {
        "ja": "月次NPSの推移（直近12か月）",
        "en": "Monthly NPS, last 12 months",
    },
    # Fewer months than the trend's 12 have responses (QA22: "last 12 months" over 4).
    "sections.trend_title_n": {
        "ja": "月次NPSの推移（データのある{n}か月）",
        "en": "Monthly NPS, the {n} months with data",
        "en_one": "Monthly NPS, the one month with data",
    },
    # Under a choice question's table: why a row shows only its size ("—" elsewhere).
    "sections.hidden_rows": {
        "ja": "「—」は回答数が少なく匿名性のため非表示：{names}。",
        "en": "“—”: hidden for anonymity (too few responses): {names}.",
    },
    "sections.hidden_second": {
        "ja": "{names}も、非表示の回答を合計からの差し引きで割り出せないよう非表示にしています。",
        "en": (
            "{names}: hidden too, so that the hidden answers cannot be worked out from the total."
        ),
    },
    "sections.breakdown_title": {
        "ja": "{label}別のNPS",
        "en": "NPS by {label}",
    },
    "sections.breakdown_hidden": {
        "ja": (
            "{title}：匿名性のため、今月はどのグループも示しません（回答{floor}件未満のグループと、"
            "合計から数値が割り出せてしまうグループ：{groups}）。"
        ),
        "en": (
            "{title}: no group is shown this month, to keep respondents anonymous (groups under "
            "{floor} responses, and those whose figures the total would reveal: {groups})."
        ),
    },
    "sections.breakdown_single": {
        "ja": "{title}：今月の回答{n}件はすべて「{group}」です。",
        "en": "{title}: all {n} responses this month are {group}.",
    },
    "sections.trend_hidden": {
        "ja": (
            "斜線の棒は回答{floor}件未満の月で、匿名性のためNPSは示さず"
            "回答数（n）のみを示しています。"
        ),
        "en": (
            "Hatched bars are months of fewer than {floor} responses: for anonymity they show "
            "only their number of responses (n), no NPS."
        ),
    },
    "sections.breakdown_note": {
        "ja": (
            "点はNPS、横線は{interval}。白抜きは回答数{min_n}件未満（"
            "参考値）、{floor}件未満のグループは匿名性のため非表示です。非表示のグループが"
            "合わせて{floor}件未満のときは、合計からの差し引きで割り出せないよう、次に"
            "小さいグループも非表示にしています。▲／▼は、"
            "このレポートのほかの回答より有意に高い／低いグループです。"
            "グループが多いほど偶然の差が見つかりやすいため、内訳ごとに"
            "Benjamini-Hochberg法で偽発見率を{fdr}%に抑えて判定"
            "しています（区間は調整前のまま）。"
        ),
        "en": (
            "Dots show NPS, lines the {interval}. Hollow dots: fewer than {min_n} "
            "responses (indicative); groups under {floor} responses are hidden for "
            "anonymity; when the hidden groups hold fewer than {floor} together, the next "
            "smallest are hidden too, so that none can be worked out from the total. "
            "▲ / ▼ mark groups significantly above / below the rest of the "
            "unit. The more groups, the more chance differences, so each breakdown's "
            "marks hold the false discovery rate at {fdr}% (Benjamini–Hochberg); the "
            "intervals are unadjusted."
        ),
    },
    "sections.group": {
        "ja": "グループ",
        "en": "Group",
    },
    "sections.n": {
        "ja": "回答数",
        "en": "Responses",
    },
    "sections.nps_col": {
        "ja": "NPS",
        "en": "NPS",
    },
    "sections.ci_low": {"ja": "95%信頼区間の下限", "en": "95% interval low"},
    "sections.ci_high": {"ja": "95%信頼区間の上限", "en": "95% interval high"},
    "sections.answer": {
        "ja": "回答",
        "en": "Answer",
    },
    "sections.option": {
        "ja": "選択肢",
        "en": "Option",
    },
    "sections.share": {
        "ja": "回答者に占める割合（%）",
        "en": "Share of respondents (%)",
    },
    "sections.share_promoters": {"ja": "推奨者に占める割合（%）", "en": "Among promoters (%)"},
    "sections.share_detractors": {"ja": "批判者に占める割合（%）", "en": "Among detractors (%)"},
    "sections.ratings_title": {
        "ja": "評価項目の平均（セグメント別）",
        "en": "Mean ratings by segment",
    },
    "sections.ratings_scale": {
        "ja": "平均は{low}〜{high}点の尺度の値です（パラメーターの followups.scale）。",
        "en": "Means on a scale of {low}–{high} (followups.scale in the parameters).",
    },
    "sections.attribute": {
        "ja": "項目",
        "en": "Attribute",
    },
    "sections.all": {
        "ja": "全体",
        "en": "All",
    },
    "sections.drivers_title": {
        "ja": "キードライバー分析（重要度×評価）",
        "en": "Key drivers: importance vs performance",
    },
    "sections.drivers_note": {
        "ja": (
            "重要度は{method}。「最優先で改善」は、"
            "推奨度への影響が大きいのに評価が平均より低い項目です。"
        ),
        "en": (
            "Importance is {method}. 'Fix first': matters most to the score but "
            "rated below average."
        ),
    },
    "sections.method_rw": {
        "ja": "Johnsonの相対的重要度（R²の配分）",
        "en": "Johnson's relative weights (each rating's share of R²)",
    },
    "sections.method_corr": {
        "ja": "推奨度との相関係数",
        "en": "the correlation with the 0–10 score",
    },
    "sections.quadrant": {
        "ja": "分類",
        "en": "Quadrant",
    },
    "sections.importance": {
        "ja": "重要度",
        "en": "Importance",
    },
    "sections.performance": {
        "ja": "平均評価",
        "en": "Mean rating",
    },
    "sections.commenters": {
        "ja": "回答者{n}人がコメント",
        "en": "{n} respondents commented",
        "en_one": "{n} respondent commented",
    },
    "sections.asks_improvement": {
        "ja": "改善点を尋ねる設問のため、はっきりほめている回答を除き、"
        "テーマへの言及は要望（否定）として数えます。",
        "en": "This question asks what to improve: a theme mentioned here counts as a request "
        "(negative) unless the answer clearly praises it.",
    },
    "sections.asks_improvement_listed": {
        "ja": "改善点を尋ねる設問のため、はっきりほめている回答を除き、"
        "テーマへの言及は要望（否定）として数えます。"
        "施策とメールのテーマの順位はスコアの理由の回答から決め、ここでの要望は別に挙げます。",
        "en": "This question asks what to improve: a theme mentioned here counts as a request "
        "(negative) unless the answer clearly praises it. The actions and the e-mail rank themes "
        "by the reasons people gave for their score and list these requests separately.",
    },
    # The same, in a report without the strategies section (FIX30: it named the actions).
    "sections.asks_improvement_listed_mail": {
        "ja": "改善点を尋ねる設問のため、はっきりほめている回答を除き、"
        "テーマへの言及は要望（否定）として数えます。"
        "メールのテーマの順位はスコアの理由の回答から決め、ここでの要望は別に挙げます。",
        "en": "This question asks what to improve: a theme mentioned here counts as a request "
        "(negative) unless the answer clearly praises it. The e-mail ranks themes by the "
        "reasons people gave for their score and lists these requests separately.",
    },
    "sections.themes_title": {
        "ja": "テーマ別：批判者が中立者になった場合のNPS改善幅",
        "en": "Themes: NPS gain if their detractors became passives",
    },
    "sections.theme": {
        "ja": "テーマ",
        "en": "Theme",
    },
    "sections.mentions": {
        "ja": "言及数",
        "en": "Mentions",
    },
    "sections.nps_with": {
        "ja": "言及者のNPS",
        "en": "NPS (mentioning)",
    },
    "sections.nps_without": {
        "ja": "非言及者のNPS",
        "en": "NPS (not mentioning)",
    },
    # Under a theme table with a theme below the anonymity floor (QA25).
    "sections.impact_hidden": {
        "ja": "NPS改善幅のグラフはありません：どのテーマも言及者が{floor}人未満で、匿名性を守るため"
        "言及数だけを表示しています。",
        "en": "No chart of NPS points gained: every theme has fewer than {floor} commenters, so "
        "only its mentions are shown, to keep them anonymous.",
    },
    # The e-mail and the overview where the report says impact_hidden: why no top theme (FIX78).
    # Why the overview's and the e-mail's fiscal year to date shows no change (FY43): the
    # report's card says it at length (sections.fiscal_too_few, sections.fiscal_floor_before).
    "summary.fiscal_vs_before": {"ja": "前年度同期：{said}", "en": "vs last FY: {said}"},
    "summary.fiscal_not_compared": {"ja": "比較なし（{why}）", "en": "not compared ({why})"},
    "summary.fiscal_not_shown": {"ja": "非表示（{why}）", "en": "not shown ({why})"},
    "summary.fiscal_answered": {
        "ja": "回答のある月が{months}か月中{answered}か月",
        "en": "{answered} of {months} months answered",
    },
    "summary.fiscal_no_responses": {"ja": "回答なし", "en": "no responses"},
    "summary.fiscal_under_floor": {
        "ja": "回答{n}件、{floor}件未満",
        "en": "{n} responses, fewer than {floor}",
        "en_one": "{n} response, fewer than {floor}",
    },
    "summary.fiscal_tells": {
        "ja": "{floor}件未満の月のNPSが分かるため",
        "en": "it would tell the NPS of a month under {floor} responses",
    },
    # A manifest written before FiscalYtd.before_counts, read under a floor (floor_summary).
    "summary.fiscal_rerun": {
        "ja": "旧版の結果のため{floor}件未満の月を確認できません。再実行してください",
        "en": "written by an earlier version, which cannot be checked against the floor of "
        "{floor}; run the month again",
    },
    "summary.themes_under_floor": {
        "ja": "どのテーマも言及者が{floor}人未満で、匿名性を守るため改善幅は表示していません"
        "（言及数はレポートに掲載）。",
        "en": "Every theme has fewer than {floor} commenters, so no points gained are shown, to "
        "keep them anonymous (the report shows their mentions).",
    },
    # … and where it says impact_none_floor: no theme over the floor has a complaining
    # detractor, themes under it are hidden (REVIEW35: not "no complaint").
    "summary.themes_none_over_floor": {
        "ja": "言及者が{floor}人以上のテーマには、不満・要望を書いた批判者がいません。"
        "{floor}人未満のテーマは匿名性を守るため改善幅を表示していません（言及数はレポートに掲載）。",
        "en": "No theme named by {floor} or more commenters has detractors complaining about it; "
        "those named by fewer show no points gained, to keep them anonymous (the report shows "
        "their mentions).",
    },
    # Under a theme table where no detractor complains about or asks to improve any theme.
    "sections.impact_none": {
        "ja": "NPS改善幅のグラフはありません：どのテーマにも、不満・要望を書いた批判者がいません。",
        "en": "No chart of NPS points gained: no detractor complains about or asks to improve "
        "any of these themes.",
    },
    # … where the themes over the floor have none and those under it are hidden: whether
    # their detractors complain is not said (REVIEW35: impact_none said it of them too).
    "sections.impact_none_floor": {
        "ja": "NPS改善幅のグラフはありません：言及者が{floor}人以上のテーマには、不満・要望を書いた"
        "批判者がいません。{floor}人未満のテーマは、匿名性を守るため言及数だけを表示しています。",
        "en": "No chart of NPS points gained: no detractor complains about or asks to improve "
        "a theme named by {floor} or more commenters; a theme named by fewer shows only its "
        "mentions, to keep them anonymous.",
    },
    # Themes exactly the same comments carry are one row of the table and chart (FIX75).
    "sections.same_comments": {
        "ja": "「{label}」：これらのテーマはまったく同じコメントに付いているため、"
        "1行にまとめています（どのテーマの数値もこの行の数値です）。",
        "en": "“{label}”: exactly the same comments carry these themes, so they share one row "
        "(each theme's figures are the row's).",
    },
    "sections.theme_floor": {
        "ja": "「—」：言及者が{floor}人未満のテーマは、匿名性を守るため言及数だけを表示しています"
        "（非言及者が{floor}人未満のときは、そのNPSも表示していません）。",
        "en": "—: a theme fewer than {floor} commenters mention shows only its mentions, to keep "
        "them anonymous (and the NPS of those not mentioning it is not shown when they are fewer "
        "than {floor}).",
    },
    "sections.ci": {
        "ja": "95%信頼区間",
        "en": "95% interval",
    },
    "sections.words_title": {
        "ja": "批判者と推奨者を分ける言葉",
        "en": "Words that separate detractors from promoters",
    },
    "sections.voices": {
        "ja": "{segment}の声",
        "en": "Voices of {segment}",
    },
    "sections.theme_voices": {
        "ja": "「{theme}」に関する批判者の不満・要望",
        "en": "Detractors' complaints and requests on “{theme}”",
    },
    "sections.mention_share_detractors": {
        "ja": "このテーマに触れた批判者の割合（%）",
        "en": "Mention share among detractors (%)",
    },
    "sections.id": {
        "ja": "回答ID",
        "en": "Response ID",
    },
    "sections.date": {
        "ja": "回答日",
        "en": "Date",
    },
    "sections.score": {
        "ja": "スコア",
        "en": "Score",
    },
    "sections.comment": {
        "ja": "コメント",
        "en": "Comment",
    },
    "sections.item": {
        "ja": "項目",
        "en": "Item",
    },
    "sections.value": {
        "ja": "値",
        "en": "Value",
    },
    "sections.nobody_to_call_declined": {
        "ja": "連絡を許可した批判者がいないため、個別に連絡できる方はいません。"
        "批判者のコメントとテーマから改善点を確かめてください",
        "en": "No detractor allowed contact, so there is no one to call back: the detractors' "
        "comments and themes in this report say what to improve",
    },
    "sections.nobody_to_call_unreachable": {
        "ja": "連絡先を残した批判者がいないため、個別に連絡できる方はいません。"
        "批判者のコメントとテーマから改善点を確かめてください",
        "en": "No detractor left a way to reach them, so there is no one to call back: the "
        "detractors' comments and themes in this report say what to improve",
    },
    "sections.nobody_to_call_anonymous": {
        "ja": "フォームに回答ID・連絡の同意・連絡先がないため、個別に連絡できる方はいません。"
        "批判者のコメントとテーマから改善点を確かめてください。折り返し連絡するには、"
        "フォームに連絡の同意の設問と、電話番号またはメールアドレスの欄を加えてください",
        "en": "The form keeps no response id, consent or contact details, so there is no one to "
        "call back: the detractors' comments and themes in this report say what to improve. To "
        "call detractors back, add a consent question and a phone or e-mail field to the form",
    },
    "sections.no_recommendation": {
        "ja": "提案できるデータがありません。",
        "en": "Not enough data for recommendations.",
    },
    "sections.method_themes_pack": {
        "ja": "このレポートのテーマ：テーマパック「{pack}」（辞書・学習済みの層・評価の補正）",
        "en": "Themes of this report: the {pack} pack (dictionaries, learned layer and polarity "
        "correction)",
    },
    # A shipped pack the learned layers have no models of (FOOD57: food; LOG76: logistics): its
    # words alone.
    "sections.method_themes_pack_rules": {
        "ja": "このレポートのテーマ：テーマパック「{pack}」（辞書とルールのみ。このパックには"
        "学習済みの層と評価の補正がまだありません）",
        "en": "Themes of this report: the {pack} pack (dictionaries and rules alone: no learned "
        "layer or polarity correction is trained for this pack yet)",
    },
    "sections.method_themes_extends_rules_only": {
        "ja": (
            "このレポートのテーマ：{file}（テーマパック「{pack}」を拡張。パックの辞書とルールのみ"
            "（学習済みの層と評価の補正はまだありません）を使い、独自の語句はまだありません）"
        ),
        "en": "Themes of this report: {file}, which extends the {pack} pack (its dictionaries "
        "and rules alone, no learned layer or polarity correction yet; no words of its own yet)",
    },
    "sections.method_themes_extends_rules": {
        "ja": (
            "このレポートのテーマ：{file}（テーマパック「{pack}」を拡張。パックの辞書とルールのみ"
            "（学習済みの層と評価の補正はまだありません）に、{own}件のテーマへの独自の語句と"
            "{new}件の新しいテーマを追加）"
        ),
        "en": "Themes of this report: {file}, which extends the {pack} pack (its dictionaries "
        "and rules alone, plus own words for {own} of its themes and {new} new themes)",
    },
    # A theme pack's name as a report's reader reads it (QA21: 「generic」 in a Japanese report).
    "sections.pack.retail": {"ja": "小売", "en": "retail"},
    "sections.pack.saas": {"ja": "SaaS", "en": "saas"},
    "sections.pack.finance": {"ja": "金融", "en": "finance"},
    "sections.pack.generic": {"ja": "汎用", "en": "generic"},
    "sections.pack.food": {"ja": "飲食", "en": "food service"},
    "sections.pack.logistics": {"ja": "物流", "en": "logistics"},
    # What a reader sees where personal data was masked (the masks stay [PHONE] … in the
    # text the analysis reads; QA21: English markers in a Japanese report).
    "redacted.email": {"ja": "［メールアドレス］", "en": "[EMAIL]"},
    "redacted.phone": {"ja": "［電話番号］", "en": "[PHONE]"},
    "redacted.postcode": {"ja": "［郵便番号］", "en": "[POSTCODE]"},
    "redacted.card": {"ja": "［カード番号］", "en": "[CARD]"},
    "redacted.mynumber": {"ja": "［マイナンバー］", "en": "[MYNUMBER]"},
    "redacted.name": {"ja": "［氏名］", "en": "[NAME]"},
    "sections.method_themes_extends": {
        "ja": (
            "このレポートのテーマ：{file}（テーマパック「{pack}」を拡張。パックの辞書・学習済みの"
            "層・評価の補正をそのまま使い、独自の語句はまだありません）"
        ),
        "en": "Themes of this report: {file}, which extends the {pack} pack (its dictionaries, "
        "learned layer and polarity correction; no words of its own yet)",
    },
    "sections.method_themes_extends_more": {
        "ja": (
            "このレポートのテーマ：{file}（テーマパック「{pack}」を拡張。パックの辞書・学習済みの"
            "層・評価の補正に、{own}件のテーマへの独自の語句と{new}件の新しいテーマを追加。"
            "新しいテーマは辞書のみで判定）"
        ),
        "en": "Themes of this report: {file}, which extends the {pack} pack (its dictionaries, "
        "learned layer and polarity correction, plus own words for {own} of its themes and "
        "{new} new themes, tagged by their words alone)",
    },
    "sections.method_themes_own": {
        "ja": (
            "このレポートのテーマ：{file}（辞書のみ。テーマパックを拡張していない"
            "（extends の指定がない）ため、学習済みの層と評価の補正は使っていません）"
        ),
        "en": "Themes of this report: {file} (dictionaries alone: the file does not extend a "
        "pack (no extends:), so no learned layer or polarity correction applies)",
    },
    # The anonymity floor's rule, in one sentence (FIX43).
    "sections.method_floor": {
        "ja": (
            "匿名性：回答者が{floor}人未満のグループ（内訳のグループ、質問の回答、テーマの言及者、"
            "評価項目のセグメント別平均）は人数だけを表示し、NPS・区間・推奨者や批判者の数と割合・"
            "改善幅・変化は「—」です。"
        ),
        "en": (
            "Anonymity: a group of fewer than {floor} respondents (a breakdown's group, an answer, "
            "a theme's commenters, a segment's ratings) shows only its size; its NPS, interval, "
            "promoter and detractor counts and shares, points gained and change show “—”."
        ),
    },
    "sections.method_facts": {
        "ja": (
            "信頼水準{level}%・参考値の基準：回答数{min_n}件未満・非表示の基準：{floor}件未満・"
            "管理限界：データのある月{months}か月以上・nps-kit {version}・作成：{now}"
        ),
        "en": (
            "Confidence level {level}% · small-sample flag under {min_n} responses "
            "· hidden under {floor} responses · control limits from {months} months with data "
            "· nps-kit {version} · generated {now}"
        ),
    },
    # mail: from mail/body.py
    "mail.n_label": {
        "ja": "回答数",
        "en": "n",
    },
    "mail.updated_subject": {
        "ja": "【更新】",
        "en": "Updated: ",
    },
    "mail.replaces": {
        "ja": "{date}に送ったレポートを差し替えます。",
        "en": "Replaces the report sent on {date}.",
    },
    "mail.figure_fiscal_ytd": {"ja": "年度累計NPS", "en": "fiscal year to date"},
    "mail.replaces_figures": {
        "ja": "{date}に送ったレポートを差し替えます：{figures}",
        "en": "Replaces the report sent on {date}: {figures}",
    },
    "mail.heading": {
        "ja": "{name} NPSレポート（{period}）",
        "en": "{name} NPS report, {period}",
    },
    "mail.interval": {
        "ja": "95%信頼区間：{low}〜{high}",
        "en": "95% interval {low} to {high}",
    },
    "mail.responses": {
        "ja": "回答数{n}件",
        "en": "{n} responses",
        "en_one": "{n} response",
    },
    # separates the facts of one line: 「95%信頼区間：…・回答数596件」
    "mail.dot": {"ja": "・", "en": " · "},
    "mail.target": {"ja": "目標{target}：{status}", "en": "target {target}: {status}"},
    "mail.shares": {
        "ja": "回答者の構成",
        "en": "Promoters, passives and detractors",
    },
    # between the three shares: 「推奨者33.7%・中立者33.6%・批判者32.7%」, as the report's chart
    "mail.shares_joiner": {"ja": "・", "en": " / "},
    "mail.trend": {
        "ja": "NPSの推移",
        "en": "NPS trend",
    },
    "mail.themes": {
        "ja": "主なテーマ",
        "en": "Top themes",
    },
    "mail.theme_row": {"ja": "{label}：{impact}", "en": "{label}: {impact}"},
    # An improvement question's requests, by how many asked (QA22).
    "mail.requests": {"ja": "改善要望の多いテーマ", "en": "Most requested improvements"},
    "mail.request_row": {"ja": "{label}：{n}人が要望", "en": "{label}: {n} asked"},
    "mail.actions": {
        "ja": "主な施策",
        "en": "Recommended actions",
    },
    # The detractors' count is worded from the summary's contact_basis, as the report's
    # follow-up box words it (followup.count_known, followup.count_details).
    "mail.detractors": {
        "ja": "連絡を許可した批判者{count}人（フォローアップ待ち）",
        "en": "{count} detractors allowed contact (awaiting follow-up)",
        "en_one": "{count} detractor allowed contact (awaiting follow-up)",
    },
    "mail.detractors_none": {
        "ja": "今月フォローアップする批判者はいません",
        "en": "No detractor to call back this period",
    },
    "mail.detractors_declined": {
        "ja": "今月の批判者{n}人はいずれも連絡を許可していないため、連絡できる方はいません"
        "（コメントとテーマはレポートにあります）",
        "ja_one": "今月の批判者1人は連絡を許可していないため、連絡できる方はいません"
        "（コメントとテーマはレポートにあります）",
        "en": "No detractor to call back: the {n} detractors of this period did not allow "
        "contact (their comments and themes are in the report)",
        "en_one": "No detractor to call back: the one detractor of this period did not allow "
        "contact (their comment and themes are in the report)",
    },
    "mail.detractors_unreachable": {
        "ja": "今月の批判者{n}人はいずれも連絡先を残していないため、連絡できる方はいません"
        "（コメントとテーマはレポートにあります）",
        "ja_one": "今月の批判者1人は連絡先を残していないため、連絡できる方はいません"
        "（コメントとテーマはレポートにあります）",
        "en": "No detractor to call back: the {n} detractors of this period left no way to "
        "reach them (their comments and themes are in the report)",
        "en_one": "No detractor to call back: the one detractor of this period left no way to "
        "reach them (their comment and themes are in the report)",
    },
    "mail.detractors_open": {
        "ja": "連絡を許可した批判者のうちフォローアップ待ち{count}人"
        "（{listed}人中{contacted}人に連絡済み）",
        "en": "{count} detractors allowed contact and await follow-up "
        "({contacted} of {listed} contacted)",
        "en_one": "{count} detractor allowed contact and awaits follow-up "
        "({contacted} of {listed} contacted)",
    },
    # The returned file marks every listed detractor contacted (QA22: "0 … await follow-up
    # (2 of 2 contacted)").
    "mail.detractors_done": {
        "ja": "連絡を許可した批判者{n}人の全員に連絡済み",
        "en": "All {n} detractors who allowed contact have been contacted",
        "en_one": "The one detractor who allowed contact has been contacted",
    },
    "mail.detractors_details": {
        "ja": "連絡先を残した批判者{count}人（フォローアップ待ち）",
        "en": "{count} detractors left a way to reach them (awaiting follow-up)",
        "en_one": "{count} detractor left a way to reach them (awaiting follow-up)",
    },
    "mail.detractors_details_open": {
        "ja": "連絡先を残した批判者のうちフォローアップ待ち{count}人"
        "（{listed}人中{contacted}人に連絡済み）",
        "en": "{count} detractors who left a way to reach them await follow-up "
        "({contacted} of {listed} contacted)",
        "en_one": "{count} detractor who left a way to reach them awaits follow-up "
        "({contacted} of {listed} contacted)",
    },
    "mail.detractors_details_done": {
        "ja": "連絡先を残した批判者{n}人の全員に連絡済み",
        "en": "All {n} detractors who left a way to reach them have been contacted",
        "en_one": "The one detractor who left a way to reach them has been contacted",
    },
    "mail.detractors_unknown_done": {
        "ja": "一覧の批判者{n}人の全員に連絡済み（連絡の同意は不明）",
        "en": "All {n} listed detractors have been contacted (consent to contact unknown)",
        "en_one": "The one listed detractor has been contacted (consent to contact unknown)",
    },
    "mail.detractors_unknown_open": {
        "ja": "フォローアップ待ちの批判者{count}人"
        "（連絡の同意は不明、{listed}人中{contacted}人に連絡済み）",
        "en": "{count} detractors await follow-up (consent to contact unknown; "
        "{contacted} of {listed} contacted)",
        "en_one": "{count} detractor awaits follow-up (consent to contact unknown; "
        "{contacted} of {listed} contacted)",
    },
    "mail.attached": {
        "ja": "詳細レポートを添付しています（{file}）。",
        "en": "The full report is attached ({file}).",
    },
    "mail.link": {
        "ja": "詳細レポート：{url}",
        "en": "Full report: {url}",
    },
    "mail.no_report": {
        "ja": "詳細レポートは分析担当者にお問い合わせください。",
        "en": "Ask the analytics team for the full report.",
    },
    "mail.open": {
        "ja": "詳細レポートを開く",
        "en": "Open the full report",
    },
    "mail.footer": {
        "ja": "このメールは nps-kit により自動送信されています。",
        "en": "This message was sent automatically by nps-kit.",
    },
    # plot_nps: from plot/_nps.py
    "plot_nps.shares_title": {
        "ja": "推奨者・中立者・批判者の構成比",
        "en": "Promoters, passives, detractors",
    },
    "plot_nps.dist_title": {
        "ja": "推奨度（0〜10）の分布",
        "en": "Distribution of scores (0–10)",
    },
    "plot_nps.trend_title": {
        "ja": "NPSの推移（月次）",
        "en": "Monthly NPS",
    },
    "plot_nps.few": {
        "ja": "回答数{min_n}件未満（参考値）",
        "en": "fewer than {min_n} responses (indicative)",
    },
    # The responses' key, a plain and a hatched bar, when a month is under the floor.
    "plot_nps.bars_key": {
        "ja": "回答数（斜線：{min_n}件未満、非表示）",
        "en": "Responses (hatched: under {min_n}, hidden)",
    },
    "plot_nps.bars_key_plain": {
        "ja": "回答数（斜線：回答数不足、非表示）",
        "en": "Responses (hatched: too few, hidden)",
    },
    "plot_nps.hidden": {
        "ja": "非表示（回答数不足）：{names}",
        "en": "Hidden (too few responses): {names}",
    },
    # plot_base: from plot/_base.py
    "plot_base.no_data": {
        "ja": "データなし",
        "en": "no data",
    },
    "plot_base.nps_axis": {
        "ja": "NPS（ポイント）",
        "en": "NPS (points)",
    },
    "plot_base.n_axis": {
        "ja": "回答数（件）",
        "en": "Responses",
    },
    "plot_base.n_tick": {
        "ja": "{n:,}件",
        "en": "n={n:,}",
    },
    # plot_analysis: from plot/_analysis.py
    "plot_analysis.driver_title": {
        "ja": "改善の優先度（重要度×評価）",
        "en": "Where to act: importance vs rating",
    },
    "plot_analysis.importance": {
        "ja": "重要度（推奨度との関連）",
        "en": "Importance (link to score)",
    },
    "plot_analysis.performance": {
        "ja": "評価（平均）",
        "en": "Performance (mean rating)",
    },
    "plot_analysis.words_title": {
        "ja": "批判者と推奨者で差が大きい言葉",
        "en": "Words that set detractors and promoters apart",
    },
    "plot_analysis.z_axis": {
        "ja": "差の大きさ（zスコア）",
        "en": "Difference (z-score)",
    },
    "plot_analysis.favours_detractor": {
        "ja": "批判者に多い",
        "en": "More from detractors",
    },
    "plot_analysis.favours_promoter": {
        "ja": "推奨者に多い",
        "en": "More from promoters",
    },
    "plot_analysis.theme_title": {
        "ja": "テーマ別：批判者が中立者になった場合のNPS改善幅",
        "en": "NPS gain if each theme's detractors became passives",
    },
    "plot_analysis.gain_axis": {"ja": "ポイント", "en": "NPS points"},
    # plot_groups: from plot/_groups.py
    "plot_groups.breakdown_title": {
        "ja": "{by}別のNPS",
        "en": "NPS by {by}",
    },
    "plot_groups.units_title": {
        "ja": "レポート別のNPS",
        "en": "NPS by unit",
    },
    "plot_groups.hidden": {
        "ja": "非表示（回答数不足）：{names}",
        "en": "Hidden (too few responses): {names}",
    },
    "plot_groups.hidden_complementary": {
        "ja": "非表示（回答数不足のグループを合計から割り出せないように）：{names}",
        "en": (
            "Hidden so that the groups with too few responses cannot be worked out from the "
            "total: {names}"
        ),
    },
    # overview: from overview/
    "overview.title": {"ja": "NPSレポート一覧", "en": "NPS reports"},
    "overview.unit": {
        "ja": "レポート",
        "en": "Unit",
    },
    "overview.change": {
        "ja": "前月比",
        "en": "Change",
    },
    "overview.failed": {
        "ja": "失敗",
        "en": "failed",
    },
    "overview.previous": {
        "ja": "前回の成功分",
        "en": "last good report",
    },
    # A unit refused before its report was built (run summary: refused / no data).
    "overview.not_rebuilt": {
        "ja": "{date}の実行で更新されず",
        "en": "Not rebuilt on {date}",
    },
    # The same, for a unit with no earlier report in the period (a first run, QA24).
    "overview.not_built": {
        "ja": "{date}の実行で作成されず",
        "en": "Not built on {date}",
    },
    "overview.refused_filter": {
        "ja": "絞り込み条件に一致する回答なし（パラメーターの修正が必要）",
        "en": "its filter matches no response (its parameters need fixing)",
    },
    "overview.no_responses": {
        "ja": "{period}の回答なし",
        "en": "no responses in {period}",
    },
    "overview.parameter_error": {
        "ja": "パラメーターファイルのエラー（修正が必要）",
        "en": "parameter error (its parameter file needs fixing)",
    },
    "overview.no_responses_yet": {
        "ja": "まだ回答がありません（最初の回答が届くとレポートを作成します）",
        "en": "no responses yet (its first report comes with its first responses)",
    },
    "overview.notebook": {
        "ja": "ノートブック",
        "en": "notebook",
    },
    "overview.periods": {
        "ja": "期間一覧",
        "en": "All periods",
    },
    "overview.chart": {
        "ja": "レポート別 NPS と95%信頼区間",
        "en": "NPS by unit with 95% intervals",
    },
    "overview.chart_by": {
        "ja": "{unit}別 NPS と95%信頼区間",
        "en": "NPS by {unit} with 95% intervals",
    },
    # quality: from unit/_quality.py
    # QA29 F6: a value of a column whose answers have no 0 where the rest have them.
    "quality.other_scale": {
        "ja": "1〜10の尺度の可能性がある回答"
        "（「{column}」＝「{value}」：0がない。0〜10として集計）",
        "en": "Answers perhaps on a 1–10 scale ({column!r} = {value!r}: no 0; counted as 0–10)",
    },
    "quality.other_scale_unit": {
        "ja": "（このユニットの全期間で{n}件）",
        "en": " ({n} in the unit's months)",
    },
    "quality.source": {
        "ja": "データファイル",
        "en": "Source file",
    },
    "quality.format": {
        "ja": "形式",
        "en": "Format",
    },
    "quality.rows_read": {
        "ja": "ファイルの行数",
        "en": "Rows in file",
    },
    "quality.unit_rows": {
        "ja": "このレポートの行数（データのある{n}か月）",
        "en": "Rows for this unit (the {n} months with data)",
        "en_one": "Rows for this unit (the one month with data)",
    },
    "quality.previous_names": {"ja": "以前の名称", "en": "Earlier name"},
    "quality.unlabelled": {
        "ja": "コード表にないコード（コードのまま表示）",
        "en": "Codes without a label (shown as codes)",
    },
    "quality.unlabelled_code": {
        "ja": "{column} {code}（{n:,}件）",
        "en": "{column} {code} ({n:,} rows)",
    },
    "quality.named_until": {"ja": "{name}（{date}まで）", "en": "{name} (until {date})"},
    "quality.period_rows": {
        "ja": "対象期間の行数",
        "en": "Rows in the period",
    },
    "quality.valid": {
        "ja": "有効回答（NPS算出対象）",
        "en": "Valid answers (used for NPS)",
    },
    "quality.missing": {
        "ja": "除外：無回答",
        "en": "Excluded: missing score",
    },
    "quality.invalid": {
        "ja": "除外：無効な値",
        "en": "Excluded: invalid score",
    },
    "quality.unfinished": {
        "ja": "うち途中で終了した回答（Qualtrics の Finished = False、"
        "LimeSurvey の submitdate が空欄）",
        "en": "Of which unfinished (Qualtrics Finished = False; LimeSurvey submitdate blank)",
    },
    "quality.unfinished_unknown": {
        "ja": "不明（{column}列の値{values}を読めません。Qualtricsの値はTrue/Falseか1/0です）",
        "en": "unknown (column {column} holds {values}, where Qualtrics writes True/False or 1/0)",
    },
    "quality.blanks_only": {"ja": "（空欄のみ）", "en": "(blanks only)"},
    "quality.unfinished_excluded": {
        "ja": "除外：途中で終了した回答（Qualtrics の Finished = False、LimeSurvey の submitdate が"
        "空欄、unfinished: exclude）",
        "en": "Excluded: unfinished responses (Qualtrics Finished = False; LimeSurvey submitdate "
        "blank; unfinished: exclude)",
    },
    "quality.duplicates": {
        "ja": "重複ID",
        "en": "Duplicate response IDs",
    },
    "quality.dates": {
        "ja": "回答日の範囲",
        "en": "Date range",
    },
    "quality.dates_other": {"ja": "「{label}」の範囲", "en": "Range of “{label}”"},
    "quality.dates_unparsed": {"ja": "読み取れない日付", "en": "Unreadable dates"},
    "quality.undated": {
        "ja": "日付のない有効回答（どの期間にも入りません）",
        "en": "Scored answers with no date (in no period)",
    },
    # load: from the loader, load/_dates.py (unreadable dates, in every flow that reads an export)
    "load.dates_unparsed": {
        "ja": "{column}の日付を読み取れない回答が{count}件{of}あります（例：{examples}）。"
        "これらの回答はどの期間にも入らず、月別など期間ごとの集計から除かれています。",
        "en": "{count}{of} {responses} a date in column {column} that could not be read, "
        "such as {examples}. A response without a readable date belongs to no period and is "
        "left out of every period's figures.",
    },
    "load.dates_unparsed_of": {"ja": "（全{total}件中）", "en": " of {total}"},
    "load.dates_unparsed_hint": {
        "ja": "エクスポートのセルを読める形式（2026-10-03、2026/10/03、2026年10月3日、"
        "令和8年10月3日、R8.10.3など）に直すか、date_format（--date-format）にstrftimeの"
        "書式（'%d.%m.%Y'など）を設定してください。",
        "en": "Write these cells in a form nps-kit reads (2026-10-03, 2026/10/03, 2026年10月3日, "
        "令和8年10月3日, R8.10.3), or give date_format (--date-format) a strftime pattern "
        "such as '%d.%m.%Y'.",
    },
    "quality.redacted": {
        "ja": "個人情報の伏せ字（対象期間のコメント）",
        "en": "Personal data redacted (this period's comments)",
    },
    "quality.off": {
        "ja": "オフ（社内用）",
        "en": "off (internal use)",
    },
    # quadrant: from drivers.py
    "quadrant.fix_first": {
        "ja": "最優先で改善",
        "en": "fix first",
    },
    "quadrant.keep_up": {
        "ja": "強みを維持",
        "en": "keep up",
    },
    "quadrant.lower_priority": {
        "ja": "優先度低",
        "en": "lower priority",
    },
    "quadrant.possible_overkill": {
        "ja": "過剰品質の可能性",
        "en": "possible overkill",
    },
    "mail.control_above": {
        "ja": "今月のNPSは管理限界（{span}の通常の変動幅{low}〜{high}）を上回りました。",
        "en": (
            "This month's NPS is above the unit's control limits (the normal range of "
            "{span}, {low} to {high})."
        ),
    },
    "mail.control_below": {
        "ja": "今月のNPSは管理限界（{span}の通常の変動幅{low}〜{high}）を下回りました。",
        "en": (
            "This month's NPS is below the unit's control limits (the normal range of "
            "{span}, {low} to {high})."
        ),
    },
    # The months the control limits were pooled over: the trend's 12, or fewer with data.
    "mail.control_span": {"ja": "直近12か月", "en": "the last 12 months"},
    "mail.control_span_n": {
        "ja": "データのある{n}か月",
        "en": "the {n} months with data",
        "en_one": "the one month with data",
    },
    "mail.control_months": {
        "ja": "管理限界外の月：{months}",
        "en": "Months outside the control limits: {months}",
    },
    "mail.above": {"ja": "上回り", "en": "above"},
    "mail.below": {"ja": "下回り", "en": "below"},
    # {columns}: the change columns shown (前月比・前年同月比・年度累計), each its own family.
    "overview.fdr_note": {
        "ja": (
            "変化の判定は、レポートの数だけ偶然の「有意」が増えないよう、{columns}の列ごとに"
            "全レポートでBenjamini-Hochberg法により偽発見率を{fdr}%に抑えています。"
            "そのため各レポートでは有意でも、ここでは「有意な変化なし」となることがあります。"
        ),
        "en": (
            "So that more units do not mean more chance 'significant' changes, the verdicts of "
            "each column ({columns}) hold the false discovery rate across all units at {fdr}% "
            "(Benjamini–Hochberg), each column on its own; a change significant in a unit's own "
            "report can show as 'no significant change' here."
        ),
    },
    "overview.small_sample_note": {
        "ja": "：回答数が{min_n}件未満のため、数値は大きく振れます。参考値としてご覧ください。",
        "en": ": fewer than {min_n} responses, so the NPS swings widely; read it as indicative.",
    },
    "overview.few_mentions_note": {
        "ja": "：このテーマに触れたコメント（称賛も含む）が{min_n}件未満のため、"
        "上位の不満は入れ替わりやすい参考値です。",
        "en": ": fewer than {min_n} comments mention this theme (praise included), so which "
        "complaint leads can change; read it as indicative.",
    },
    "overview.few_mentions_note_few": {
        "ja": "：このテーマに触れたコメント（称賛も含む）が少ないため、"
        "上位の不満は入れ替わりやすい参考値です。",
        "en": ": few comments mention this theme (praise included), so which complaint leads can "
        "change; read it as indicative.",
    },
    "overview.small_sample_note_few": {
        "ja": "：回答数が少ないため、数値は大きく振れます。参考値としてご覧ください。",
        "en": ": few responses, so the NPS swings widely; read it as indicative.",
    },
    "plot_nps.control": {"ja": "管理限界（±3σ）", "en": "Control limits (±3σ)"},
    "plot_nps.outside": {"ja": "管理限界外の月", "en": "Outside control limits"},
    "plot_nps.no_control": {
        "ja": "回答数{min_n}件未満の月には管理限界（±3σ）を引いていません"
        "（幅が広すぎて目安になりません）。",
        "en": "No control limits for months of fewer than {min_n} responses: ±3σ is too wide "
        "there.",
    },
    # BROWSE36: limits pooled from a few months flagged both months of a two-month unit.
    "plot_nps.no_control_months": {
        "ja": "管理限界（±3σ）はデータのある月が{min_months}か月以上になってから引きます"
        "（{n}か月では中心線が安定しません）。",
        "en": "Control limits (±3σ) are drawn once {min_months} months have data: {n} months "
        "give no stable center line.",
        "en_one": "Control limits (±3σ) are drawn once {min_months} months have data: one "
        "month gives no stable center line.",
    },
    "quality.invalid_ratings": {
        "ja": "除外：評価の無効な値（尺度外・数値以外）",
        "en": "Excluded: invalid ratings (off the scale or not a number)",
    },
    "sections.marked": {"ja": "{label}：{groups}", "en": "{label}: {groups}"},
    # Between the parts of one cell: the groups above and below the unit, a respondent's themes
    # of one answer and of the next (JAREV: a half-width " / " in Japanese).
    "sections.parts_joiner": {"ja": "／", "en": " / "},
    "sections.above_unit": {"ja": "全体より高い ▲ {names}", "en": "above the unit ▲ {names}"},
    "sections.below_unit": {"ja": "全体より低い ▼ {names}", "en": "below the unit ▼ {names}"},
    # The reader's sentence: what the language means for them, no instruction to edit a file
    # a manager cannot (REVIEW35); the analyst's is words_unread_hint (the run's warning) and
    # the data quality's discovery.unread_value. One language is "that language", several
    # "those languages" (FIX80); UnreadComments.message and .hint pick the sentence.
    "sections.words_unread": {
        "ja": "コメントの多く（{comments}件中{n}件）は{languages}で、このレポートの分析はこの言語を"
        "読みません。これらのコメントは分析されず、テーマも特徴語も出ていません。",
        "en": "Most comments ({n} of {comments}) are in {languages}, which this report's "
        "analysis does not read: they are not analysed, so no themes or typical phrases come "
        "from them.",
    },
    "sections.words_unread_several": {
        "ja": "コメントの多く（{comments}件中{n}件）は{languages}で、このレポートの分析はこれらの"
        "言語を読みません。これらのコメントは分析されず、テーマも特徴語も出ていません。",
        "en": "Most comments ({n} of {comments}) are in {languages}, which this report's "
        "analysis does not read: they are not analysed, so no themes or typical phrases come "
        "from them.",
    },
    "sections.words_unread_hint": {
        "ja": "その言語の語句を「{themes}」に書けば、テーマが付きます（賛否は「中立」）。",
        "en": "Words of that language written in {themes} tag them, as neutral mentions.",
    },
    "sections.words_unread_hint_several": {
        "ja": "これらの言語の語句を「{themes}」に書けば、テーマが付きます（賛否は「中立」）。",
        "en": "Words of those languages written in {themes} tag them, as neutral mentions.",
    },
    "sections.words_too_few": {
        "ja": "批判者と推奨者の言葉を比べるには、コメントの量や種類が足りません。",
        "en": "Not enough text to compare the words of detractors and promoters.",
    },
    "overview.anonymous": {"ja": "連絡手段なし", "en": "no way to reach them"},
    "mail.detractors_anonymous": {
        "ja": "今月の批判者{n}人には連絡できません"
        "（フォームに回答ID・連絡の同意・連絡先がありません）。コメントとテーマはレポートにあります",
        "en": "The {n} detractors of this period cannot be called back: the form keeps no "
        "response id, consent or contact details (their comments and themes are in the report)",
        "en_one": "The one detractor of this period cannot be called back: the form keeps no "
        "response id, consent or contact details (their comment and themes are in the report)",
    },
    "mail.detractors_unknown": {
        "ja": "フォローアップ待ちの批判者{count}人（連絡の同意は不明）",
        "en": "{count} detractors awaiting follow-up (consent to contact unknown)",
        "en_one": "{count} detractor awaiting follow-up (consent to contact unknown)",
    },
    "mail.work_attached": {
        "ja": "全員の作業用ファイルを添付しています（{file}）。",
        "en": "The work file with every one of them is attached ({file}).",
    },
    "mail.work_link": {"ja": "作業用ファイル：{url}", "en": "Work file: {url}"},
    "quality.duplicate_rows": {"ja": "完全に同じ回答（重複行）", "en": "Exact duplicate responses"},
    # Which copy dedupe keeps: the earliest sent (FIX43), said where the count is.
    "quality.dropped": {
        "ja": "除外した重複（dedupe：いちばん早い回答を残す）",
        "en": "Duplicates dropped (dedupe: the earliest response kept)",
    },
    "quality.resubmissions": {
        "ja": "二重送信（同じ回答を1分以内に再送信）",
        "en": "Double submissions (same answers sent again within a minute)",
    },
    "quality.previews": {
        "ja": "除外したプレビュー（テスト）回答",
        "en": "Preview/test responses left out",
    },
    "quality.scores_rewritten": {
        "ja": "「{column}」で全角数字・丸数字・「点」付きで読んだスコア",
        "en": "Scores in '{column}' read from １０, ⑩ or 10点",
    },
    "quality.scores_worded": {
        "ja": "「{column}」で「{example}」のように言葉付きの回答から数値を読んだスコア",
        "en": "Scores in '{column}' read from a worded answer such as '{example}'",
    },
    "quality.scores_decimal_comma": {
        "ja": "「{column}」で小数点にカンマを使った形（9,0）から読んだスコア",
        "en": "Scores in '{column}' read from a decimal comma, 9,0",
    },
    "quality.era_dates": {
        "ja": "「{column}」で和暦で読んだ日付",
        "en": "Dates in '{column}' read from the Japanese era",
    },
    "quality.blank_rows": {"ja": "読み飛ばした空の行", "en": "Empty rows skipped"},
    "quality.excluded_rows": {
        "ja": "除外の指定（data.exclude）で除いた行（テスト回答など）",
        "en": "Rows left out by data.exclude (test responses and the like)",
    },
    # Who allowed contact, by the rule run and alerts read it with (FIX74).
    "quality.contact": {
        "ja": "連絡を許可した回答（{column}）",
        "en": "Responses allowing contact ({column})",
    },
    "quality.contact_reversed": {
        "ja": "（「連絡しない」を尋ねる列のため逆向きに読み、{answers}を許可とする）",
        "en": " (it asks whether not to contact, so read the other way round: {answers} allows it)",
    },
    # Detractors left off the call-back list as their consent is unknown (FIX77), and what
    # would decide it: the report's contact line and the alerts' line share the words
    # (closed_loop.consent_unknown_words, FIX78).
    "consent.unknown_fix": {
        "ja": "空欄が未チェックの意味なら、調査ツールで値（0、いいえ）として出力し、"
        "contact.consent_yesかcontact.consent_noに加えてください",
        "en": "if a blank means a box left unticked, have the survey export it as a value, 0 or "
        "no, and list that value under contact.consent_yes or contact.consent_no",
    },
    "quality.contact_unknown": {
        "ja": "。批判者{n}人は空欄か可否の読めない回答で同意が不明のため、連絡リストに入れて"
        "いません（{fix}）",
        "en": "; {n} detractors left it blank or answered neither yes nor no, so their consent "
        "is unknown and they are not listed to call back ({fix})",
        "en_one": "; 1 detractor left it blank or answered neither yes nor no, so their consent "
        "is unknown and they are not listed to call back ({fix})",
    },
    "alerts.consent_unknown": {
        "ja": "批判者{n}人にはアラートを送っていません。「{column}」が空欄か可否の読めない回答で、"
        "同意が不明です。{fix}。",
        "en": "{n} detractors not alerted: '{column}' was left blank or answered neither yes nor "
        "no, so their consent is unknown. {fix}.",
        "en_one": "1 detractor not alerted: '{column}' was left blank or answered neither yes "
        "nor no, so their consent is unknown. {fix}.",
    },
    "quality.contact_details": {
        "ja": "連絡先を残した回答（同意の設問なし）",
        "en": "Responses leaving a way to reach them (no consent question)",
    },
    "quality.totals_kept": {
        "ja": "合計行のような名前で残した回答"
        "（0〜10のスコアが一つだけで、合計・平均の数字がないため）",
        "en": "Kept as a response though labelled like a totals row (a lone 0–10 score, no sum "
        "or mean in it)",
    },
    "totals.why.mean": {
        "ja": "スコアが上の行の平均",
        "en": "its score is the mean of the rows above",
    },
    "quality.totals_rows": {
        "ja": "除いた合計行（回答ではありません）",
        "en": "Totals rows left out (not responses)",
    },
    "load.previews_left_out": {
        "ja": "Qualtricsのプレビュー（テスト）回答{n}件を除外しました"
        "（実際の回答ではありません）。",
        "en": "{n} Survey Preview responses (Qualtrics test runs, not real responses) were left "
        "out.",
        "en_one": "1 Survey Preview response (a Qualtrics test run, not a real response) was "
        "left out.",
    },
    "load.scores_rewritten": {
        "ja": "「{column}」で全角数字・丸数字や「10点」のように書かれたスコア{n}件を"
        "数値として読みました。",
        "en": "{n} scores in '{column}' written in full-width or circled digits or with 点 "
        "(１０, ⑩, 10点) were read as numbers.",
        "en_one": "1 score in '{column}' written in full-width or circled digits or with 点 "
        "(１０, ⑩, 10点) was read as a number.",
    },
    "load.scores_worded": {
        "ja": "「{column}」で「{example}」のように数値に言葉が付いたスコア{n}件を、その数値として"
        "読みました。",
        "en": "{n} scores in '{column}' written with words after the number (such as "
        "'{example}') were read as that number.",
        "en_one": "1 score in '{column}' written with words after the number ('{example}') was "
        "read as that number.",
    },
    "load.drop_files": {
        "ja": "{n}個のファイルを読み、一つのエクスポートとして数えました（最新：{newest}）。",
        "en": "Read {n} files as one export (newest: {newest}).",
    },
    "load.drop_repeats": {
        "ja": "前のファイルにもある回答{n}件は一度だけ数えました。",
        "en": "{n} responses also in an earlier file were counted once.",
        "en_one": "1 response also in an earlier file was counted once.",
    },
    "load.drop_changed": {
        "ja": "後のファイル（{files}）で内容が変わった回答{n}件は、後の回答を使いました。",
        "en": "{n} responses changed in a later file ({files}): the later answer kept.",
        "en_one": "1 response changed in a later file ({files}): the later answer kept.",
    },
    "quality.drop_changed": {
        "ja": "後のファイルで変わった回答（後の回答を使用）",
        "en": "Responses changed in a later file (the later answer kept)",
    },
    "quality.files": {
        "ja": "読んだファイル（行数、重複を除いた後）",
        "en": "Files read (rows; after repeats were removed)",
    },
    "quality.file_rows": {
        "ja": "{name} {n}行（{kept}行）",
        "en": "{name} {n} rows ({kept})",
        "en_one": "{name} 1 row ({kept})",
    },
    # How a drop's later file was matched to an earlier one (FIX43): the row and its values.
    "quality.drop_key": {
        "ja": "複数のファイルで同じ回答とみなす基準",
        "en": "One response in several files when",
    },
    "quality.drop_key.id": {"ja": "{id}が同じ", "en": "the same {id}"},
    "quality.drop_key.id_date": {
        "ja": "{id}と{date}が同じ（{id}がファイル内でも重なるため）",
        "en": "the same {id} and {date} (an {id} repeats within a file)",
    },
    "quality.drop_key.date": {"ja": "{date}が同じ（ID列なし）", "en": "the same {date} (no id)"},
    "quality.drop_key.row": {"ja": "すべての列が同じ", "en": "every column the same"},
    "quality.rows_read_drop": {
        "ja": "ファイルの行数（重複を除く前）",
        "en": "Rows in the files (before repeats were removed)",
    },
    "quality.drop_repeats": {
        "ja": "前のファイルと重複した回答（一度だけ数える）",
        "en": "Responses repeated from an earlier file (counted once)",
    },
    "load.scores_decimal_comma": {
        "ja": "「{column}」で小数点にカンマを使って書かれたスコア（9,0）{n}件を整数として"
        "読みました。",
        "en": "{n} scores in '{column}' written with a decimal comma (9,0, as German Excel "
        "writes them) were read as whole numbers.",
        "en_one": "1 score in '{column}' written with a decimal comma (9,0, as German Excel "
        "writes it) was read as a whole number.",
    },
    "load.date_order_guess": {
        "ja": "「{column}」の日付は月日どちらの順にも読めます（12を超える日がない）。{order}で"
        "読みましたが、根拠は推測だけです（{why}）。違う場合はdate_format: {other}"
        "（--date-format {other}）を指定してください。",
        "en": "The dates in '{column}' read both ways (no day over 12); they were read {order} "
        "only because {why}, which nothing in the file confirms. If they are {other}, set "
        "date_format: {other} (--date-format {other}).",
    },
    # The loader's errors, said by the command line in the command's language
    # (errors.Saying, MSG43): a file that is not there, an empty one, dates in the wrong order.
    "load.file_missing": {
        "ja": "{path}を読めません：ファイルがありません。",
        "en": "cannot read {path}: the file does not exist.",
    },
    "load.file_folder": {
        "ja": "{path}を読めません：ファイルではなくフォルダーです。",
        "en": "cannot read {path}: the file is a folder, not a file.",
    },
    "load.file_missing_hint": {
        "ja": "パスとファイル名を確かめてください（相対パスは現在のフォルダーから、"
        "parameters/*.yamlではそのファイルのフォルダーから数えます）。",
        "en": "Check the path and the file name (relative paths start from the current "
        "folder, or from the parameter file's folder in parameters/*.yaml).",
    },
    "load.file_empty": {
        "ja": "{path}は空です（0バイト）。",
        "en": "{path} is empty (0 bytes).",
    },
    "load.file_empty_hint": {
        "ja": "アンケートをもう一度エクスポートしてください。このファイルには見出しも回答も"
        "ありません。",
        "en": "Export the survey again; the file has neither a header nor responses.",
    },
    # Why dates that read both ways were read in one order (nps_kit.clock.export_date_order);
    # recorded in English, said again by clock.order_evidence_words (MSG43).
    "clock.order.future": {
        "ja": "{refuted}で読むと未来の日付がある",
        "en": "read {refuted}, some dates would be in the future",
    },
    "clock.order.am_pm": {
        "ja": "時刻が12時間制（AM/PM）で、日が先の日付ではまず使われない",
        "en": "a 12-hour AM/PM clock, which day-first dates almost never use",
    },
    "clock.order.dots": {
        "ja": "点で区切った日付（04.12.2026）は、どこで書かれても日が先",
        "en": "dates written with dots (04.12.2026) are day-first wherever written",
    },
    "clock.order.us_tool": {
        "ja": "{tool}は米国式の日付（月が先）で書き出す",
        "en": "{tool} writes US dates",
    },
    "clock.order.us_zone": {
        "ja": "タイムゾーン{timezone}は米国",
        "en": "the time zone {timezone} is in the United States",
    },
    "load.dates_contradicted": {
        "ja": "{path}：列「{column}」の日付は、指定の{asked}ではなく{read}としてしか読めません："
        "一方の順にしか読めない日付{decided}件のうち{against}件は、{place}の数が12を超えます"
        "（例：{examples}）。",
        "en": "{path}: the dates in column {column!r} read only {read}, not {asked} as asked: "
        "{against} of the {decided} dates that read only one way have a day over 12 in the "
        "{place} place, e.g. {examples}.",
    },
    "load.dates_contradicted_here": {
        "ja": "列「{column}」の日付は、指定の{asked}ではなく{read}としてしか読めません：一方の"
        "順にしか読めない日付{decided}件のうち{against}件は、{place}の数が12を超えます"
        "（例：{examples}）。",
        "en": "The dates in column {column!r} read only {read}, not {asked} as asked: "
        "{against} of the {decided} dates that read only one way have a day over 12 in the "
        "{place} place, e.g. {examples}.",
    },
    "load.dates_place_first": {"ja": "最初", "en": "first"},
    "load.dates_place_second": {"ja": "2番目", "en": "second"},
    "load.dates_examples_1": {"ja": "「{a}」", "en": "{a!r}"},
    "load.dates_examples_2": {"ja": "「{a}」と「{b}」", "en": "{a!r} and {b!r}"},
    "load.dates_contradicted_hint": {
        "ja": "--date-format {read}（プロジェクトではdata.date_format: {read}）を指定するか、"
        "指定を外してください。12を超える日があれば、順はそれで決まります。",
        "en": "Use --date-format {read} (in a project, data.date_format: {read}), or leave it "
        "out: a day over 12 shows the order.",
    },
    "load.dates_ambiguous": {
        "ja": "{path}：列「{column}」（date_column）の日付は、月が先とも日が先とも読めます："
        "12を超える日がありません（例：{samples}）。",
        "en": "{path}: the dates in column {column!r} (date_column) read both ways, "
        "month-first or day-first: no day is over 12 (e.g. {samples}).",
    },
    "load.dates_ambiguous_hint": {
        "ja": "どちらかを指定してください：プロジェクトではユニットのYAMLかdefaults.yamlに"
        "data.date_format: month-first（またはday-first）（run、alerts、send）、nps-kit score"
        "とinspectでは--date-format month-first（またはday-first）。",
        "en": "Say which: in a project, data.date_format: month-first (or day-first) in the "
        "unit's YAML or defaults.yaml, for run, alerts and send; for nps-kit score and "
        "inspect, --date-format month-first (or day-first).",
    },
    "load.dates_unread": {
        "ja": "{path}：列「{column}」（date_column）の日付を1つも読めません（例：{samples}）。"
        "読める形式：{forms}。",
        "en": "{path}: no date in column {column!r} (date_column) could be read (e.g. "
        "{samples}); accepted forms: {forms}.",
    },
    "load.dates_unread_hint": {
        "ja": "日付の列か確かめるか、--date-format（パラメーターではdate_format）に"
        "'%d.%m.%Y %H:%M'のようなstrftimeの書式を指定してください。",
        "en": "Check that this is the date column, or pass --date-format (date_format in "
        "parameters) with a strftime pattern such as '%d.%m.%Y %H:%M'.",
    },
    # The date forms the loader reads (nps_kit._values.DATE_FORMS).
    "load.date_forms": {
        "ja": "ISO（2026-10-03、2026-10-03T09:15:00）、2026/10/03 9:15、{kanji}、"
        "和暦（令和8年10月3日、令和元年5月1日、R8.10.3、R8/10/3、H31-4-30）、Googleフォームの{google}、Excelの{excel}、"
        "SurveyMonkeyの{monkey}、Nov 3, 2026 9:05 AM、Excelのシリアル値、Unix時間の秒またはミリ秒"
        "（1761958394、UTC）、年が2桁か4桁の日/月/年または月/日/年（13/12/2019、"
        "12/13/2019 9:50:30、9/8/18 15:29）",
        "en": "ISO (2026-10-03, 2026-10-03T09:15:00), 2026/10/03 9:15, {kanji}, Japanese era "
        "dates (令和8年10月3日, 令和元年5月1日, R8.10.3, R8/10/3, H31-4-30), Google Forms' "
        "{google}, Excel's {excel}, SurveyMonkey's {monkey}, Nov 3, 2026 9:05 AM, Excel serial "
        "numbers, Unix epoch seconds or milliseconds (1761958394, UTC), and day/month/year or "
        "month/day/year with a 2- or 4-digit year (13/12/2019, 12/13/2019 9:50:30, 9/8/18 "
        "15:29)",
    },
    # A long (tidy) table of answers, one row per response and question (nps_kit._long_form),
    # said inside inspect's and score's errors; {pivot} is Python, the same in both.
    "long_form.sentence": {
        "ja": "表が縦長（tidy）です：1行は1件の回答ではなく、1つの設問への答えです。「{answers}」に"
        "すべての設問の答えがあり、設問は「{codes}」が示します（コード{n}個）。0〜10の答えは"
        "「{codes}」が「{code}」の行で、点数の列はありません。「{id}」ごとに1行、設問ごとに1列に"
        "並べ替えたファイルを読んでください。pandasでは例えば：{pivot}（その「{code}」列が点数"
        "です）。",
        "en": "The table is long (tidy): one row per answer, not per response. {answers!r} holds "
        "the answers of every question, named by {codes!r} ({n} codes), and the 0–10 answers "
        "are its rows whose {codes!r} is {code!r}: no column is the score. Pivot it to one row "
        "per {id!r}, each question a column, and read that file, e.g. in pandas: {pivot} (its "
        "{code!r} column is the score).",
    },
    # A date_format that is no order and no strftime pattern (params.DataOptions).
    "params.date_format": {
        "ja": "date_formatは'month-first'、'day-first'か、'%d/%m/%Y %H:%M'のようなstrftimeの"
        "書式にしてください（書かれているもの：{found}）",
        "en": "date_format must be 'month-first', 'day-first' or a strftime pattern such as "
        "'%d/%m/%Y %H:%M'; found {found}",
    },
    # A sentence of another entry, closed as its language closes one.
    "load.sentence": {"ja": "{said}。", "en": "{said}."},
    "load.date_format_hint": {
        "ja": "--date-format（パラメーターではdate_format）を直してください。",
        "en": "Fix --date-format (date_format in parameters).",
    },
    # init --from's refusals of an export without a score, in the language it would write the
    # project in (the export's: Inspection.language; MSG43).
    "init.no_score_sheet": {
        "ja": "{export}：nps-kit init --fromはシート「{sheet}」に0〜10の点数の列を見つけられません"
        "でした。ブックの{sheets}{codes}",
        "en": "{export}: nps-kit init --from found no 0–10 score column on sheet {sheet!r}; the "
        "workbook's {sheets}{codes}",
    },
    "init.no_score_sheet_hint": {
        "ja": "initは--sheetで指定したシートをparameters/defaults.yamlのdata.sheetに書きます。",
        "en": "init writes the sheet given with --sheet to data.sheet in parameters/defaults.yaml.",
    },
    "init.no_score": {
        "ja": "{export}：nps-kit init --fromは0〜10の点数の列を見つけられませんでした。列："
        "{columns}。",
        "en": "{export}: nps-kit init --from found no 0–10 score column; columns: {columns}.",
    },
    # init --from's refusal of an export with no date column, and two warnings it writes beside
    # columns.score, in the project's language (MSG44: they were English).
    "init.no_date": {
        "ja": "{export}：nps-kit init --fromは日付の列を見つけられませんでした。{why}列："
        "{columns}。",
        "en": "{export}: nps-kit init --from found no date column;{why} columns: {columns}.",
    },
    "init.no_date_hint": {
        "ja": "nps-kitが読める日付：{forms}。{hint}",
        "en": "Dates nps-kit reads: {forms}. {hint}",
    },
    "init.score_not_nps": {
        "ja": "注意：{detail}。0〜10のNPSの設問か確かめてください。",
        "en": "WARNING: {detail}; check that this is a 0–10 NPS question.",
    },
    "init.scale_split": {
        "ja": "注意：「{column}」＝「{value}」の回答{answers}件には0がなく、ほかの回答には0が"
        "{zeros}件あります。1〜10の尺度で尋ねた回答の可能性があります。0〜10として集計します（nps-kitは"
        "スコアを変換しません）。そうであれば、エクスポートから除くか（「{column}」が「{value}」"
        "でない行だけを残します）、nps-kit init --from EXPORT --unit-column {column!r}で別の"
        "ユニットとしてレポートしてください。各レポートのデータ品質にその件数が示されます。",
        "en": "WARNING: the {answers} answers with {column!r} = {value!r} have no 0 while the "
        "other answers have {zeros}: they may have been asked on a 1–10 scale, not 0–10. They "
        "are counted as 0–10 (nps-kit converts no score); if they are, leave them out of the "
        "export (keep the rows without {column!r} = {value!r}), or report them as a unit of "
        "their own with nps-kit init --from EXPORT --unit-column {column!r}. Each report's data "
        "quality counts them.",
    },
    "init.no_score_hint": {
        "ja": "各列の内容はnps-kit inspectで確かめられます。またはnps-kit init DIRでデモの"
        "プロジェクトから始め、列を手で設定してください。",
        "en": "Run nps-kit inspect on the export to see what each column holds, or start from "
        "the demo project with nps-kit init DIR and set the columns by hand.",
    },
    # A folder or glob read as one export (nps_kit._drop), said in the command's language.
    "drop.folder": {"ja": "フォルダー{path}", "en": "the folder {path}"},
    "drop.pattern": {"ja": "パターン{path}", "en": "the pattern {path}"},
    "drop.none": {
        "ja": "{where}にエクスポートのファイルがありません：.csv、.tsv、.txt、.gz、.xlsx、"
        ".parquetのファイルがありません。",
        "en": "no export file in {where}: it has no .csv, .tsv, .txt, .gz, .xlsx or .parquet file.",
    },
    "drop.none_hint": {
        "ja": "そこにエクスポートのファイルを置くか、1つのファイルを指定してください（相対パスは"
        "現在のフォルダーから、parametersではYAMLファイルのフォルダーから数えます）。",
        "en": "Put the export files there, or name one file (relative paths start from the "
        "current folder, or from the YAML file's folder in parameters).",
    },
    "drop.formats": {
        "ja": "{where}には{n}つの形式（{kinds}）のファイルがあります。フォルダーは1つの形式の"
        "1つのエクスポートとして読みます。",
        "en": "{where} holds files of {n} formats ({kinds}); a folder is read as one export of "
        "one format.",
    },
    "drop.formats_hint": {
        "ja": "ほかのファイルを移すか、globでファイルを指定してください"
        "（data.path: drop/*.parquet）。",
        "en": "Move the other files out, or name the files with a glob (data.path: "
        "drop/*.parquet).",
    },
    "load.era_dates": {
        "ja": "「{column}」で和暦（令和8年11月3日など）で書かれた日付{n}件を西暦に直して"
        "読みました。",
        "en": "{n} dates in '{column}' written in the Japanese era (令和8年11月3日) were read "
        "as dates.",
        "en_one": "1 date in '{column}' written in the Japanese era (令和8年11月3日) was read "
        "as a date.",
    },
    "load.totals_left_out": {
        "ja": "表の下の合計行（{labels}）{n}行を除きました。回答ではありません。",
        "en": "{n} totals rows under the table ({labels}) were left out: they are not responses.",
        "en_one": "1 totals row under the table ({labels}) was left out: it is not a response.",
    },
    # QA36 O6: a grouped report's subtotal lines stand between the groups, not under the table.
    "load.subtotals_left_out": {
        "ja": "表の中の小計行（{labels}）{n}行を除きました。回答ではありません。",
        "en": "{n} subtotal lines in the table ({labels}) were left out: they are not responses.",
        "en_one": "1 subtotal line in the table ({labels}) was left out: it is not a response.",
    },
    "load.subtotals_and_totals_left_out": {
        "ja": "小計・合計の行（{labels}）{n}行を除きました。回答ではありません。",
        "en": "{n} subtotal lines and totals rows ({labels}) were left out: they are not "
        "responses.",
    },
    "load.grouped_by": {
        "ja": "「{column}」は各グループの最初の行にだけ書かれています（グループごとに小計行のある"
        "レポート）。その下の行はそのグループの回答として読みました。",
        "en": "'{column}' is written on the first row of each group only (a grouped report, "
        "a subtotal line under each group): the rows below it were read as its group's.",
    },
    "load.totals_row": {"ja": "{label}（{detail}）", "en": "{label} ({detail})"},
    # Where a named row is: file and row in the reader's language (FIX77).
    "load.file_row": {"ja": "{file} {row}行目", "en": "{file} row {row}"},
    "totals.why.not_answer": {
        "ja": "スコアが0〜10の1件の回答ではありません",
        "en": "its score is no 0–10 answer",
    },
    "totals.why.no_score": {"ja": "スコアが空欄", "en": "no score"},
    "totals.why.sums": {
        "ja": "数値が上の行の合計",
        "en": "its numbers are the sums of the rows above",
    },
    "totals.why.no_text": {"ja": "回答の文字がありません", "en": "no answer written in it"},
    # An Excel Data → Subtotal line (FIX89): its group's figure, told by the rows above it.
    "totals.why.excel_mean": {
        "ja": "Excelの集計行：上の行の平均",
        "en": "an Excel subtotal line: the mean of its rows above",
    },
    "totals.why.excel_count": {
        "ja": "Excelの集計行：上の行のデータの個数",
        "en": "an Excel subtotal line: the count of its rows above",
    },
    "totals.why.excel_sum": {
        "ja": "Excelの集計行：上の行の合計",
        "en": "an Excel subtotal line: the sum of its rows above",
    },
    "totals.why.excel_max": {
        "ja": "Excelの集計行：上の行の最大値",
        "en": "an Excel subtotal line: the largest value of its rows above",
    },
    "totals.why.excel_min": {
        "ja": "Excelの集計行：上の行の最小値",
        "en": "an Excel subtotal line: the smallest value of its rows above",
    },
    "totals.why.excel_product": {
        "ja": "Excelの集計行：上の行の積",
        "en": "an Excel subtotal line: the product of its rows above",
    },
    "totals.why.excel_stdev": {
        "ja": "Excelの集計行：上の行の標本標準偏差",
        "en": "an Excel subtotal line: the standard deviation of its rows above (as a sample)",
    },
    "totals.why.excel_stdevp": {
        "ja": "Excelの集計行：上の行の標準偏差",
        "en": "an Excel subtotal line: the standard deviation of its rows above (as the "
        "population)",
    },
    "totals.why.excel_var": {
        "ja": "Excelの集計行：上の行の標本分散",
        "en": "an Excel subtotal line: the variance of its rows above (as a sample)",
    },
    "totals.why.excel_varp": {
        "ja": "Excelの集計行：上の行の分散",
        "en": "an Excel subtotal line: the variance of its rows above (as the population)",
    },
    "totals.why.excel_formula": {
        "ja": "Excelの集計行：上の行を集計する数式で、値が保存されていません（または#DIV/0!など"
        "のエラー）",
        "en": "an Excel subtotal line: a formula over the rows above whose value is not saved "
        "(or is an error such as #DIV/0!)",
    },
    # An XLSX formula saved without its value (FIX91): read as blank by every reader of values.
    "formulas.unsaved": {
        "ja": "{file}のシート「{sheet}」：{n}個のセルが数式だけで、その値がファイルに保存されて"
        "いません（{cells}）。数式を計算しないプログラムで書かれたブックで、値はすべて空欄（無回答）"
        "として読まれてしまうため、読み込みを中止しました。",
        "en": "{file}, sheet '{sheet}': {n} cells hold a formula whose value the file does not "
        "store ({cells}): the workbook was written by a program that does not compute "
        "formulas, so each would read as blank (unanswered); nps-kit stopped rather than "
        "count them so.",
        "en_one": "{file}, sheet '{sheet}': 1 cell holds a formula whose value the file does not "
        "store ({cells}): the workbook was written by a program that does not compute "
        "formulas, so it would read as blank (unanswered); nps-kit stopped rather than count "
        "it so.",
    },
    "formulas.cell": {"ja": "{ref} {formula}", "en": "{ref} {formula}"},
    "formulas.more": {"ja": " ほか{n}個", "en": " and {n} more"},
    "formulas.hint": {
        "ja": "ExcelかLibreOfficeでファイルを開いて保存し直し、値を保存してください。または"
        "CSVで出力してください。",
        "en": "Open the file in Excel or LibreOffice and save it, so the values are stored; or "
        "export CSV.",
    },
    "load.excel_subtotals_left_out": {
        "ja": "Excelの小計（集計）機能が表の中に入れた集計行{n}行（{labels}）を除きました。"
        "グループの数値で、回答ではありません。",
        "en": "{n} subtotal lines that Excel's Data → Subtotal put into the table ({labels}) "
        "were left out: each is a group's figure, not a response.",
        "en_one": "1 subtotal line that Excel's Data → Subtotal put into the table ({labels}) "
        "was left out: it is a group's figure, not a response.",
    },
    "load.excluded_left_out": {
        "ja": "除外の指定（exclude）に当たる{n}行を除きました（テスト回答など）。",
        "en": "{n} rows matching exclude were left out (test responses and the like).",
        "en_one": "1 row matching exclude was left out (a test response or the like).",
    },
    "load.blank_rows_skipped": {
        "ja": "空の行{n}行を読み飛ばしました。",
        "en": "{n} empty rows were skipped.",
        "en_one": "1 empty row was skipped.",
    },
    # The loader's count over the whole file, as the rows of other units' cells say (QA25).
    "quality.mojibake": {
        "ja": "文字化けしたテキスト（ファイル全体）",
        "en": "Garbled text cells (double decoding, whole file)",
    },
    "quality.repaired": {"ja": "{n}（修復済み）", "en": "{n} (repaired)"},
    "quality.not_repaired": {
        "ja": "{n}（未修復：fix_text: true で修復）",
        "en": "{n} (not repaired: set fix_text: true)",
    },
    "report.no_target": {"ja": "目標未設定", "en": "No target"},
    "report.no_target_note": {
        "ja": "目標はパラメーターの target で設定できます",
        "en": "set one with the target parameter",
    },
    "periods.to_date": {"ja": "{period}（月途中）", "en": "{period} to date"},
    # A fiscal year named by the year it starts in (2026年度 = April 2026 to March 2027).
    "periods.fiscal_to_date": {
        "ja": "{year}年度累計（{months}）",
        "en": "FY{year} to date ({months})",
    },
    "periods.fiscal_year": {"ja": "{year}年度", "en": "FY{year}"},
    # How a fiscal year is named (fiscal_year_named_by), in the method text's sentence.
    "periods.named_by_start": {"ja": "始まる年", "en": "starts"},
    "periods.named_by_end": {"ja": "終わる年", "en": "ends"},
    "periods.fiscal_quarter": {"ja": "{year}年度第{quarter}四半期", "en": "FY{year} Q{quarter}"},
    "periods.fiscal_span": {"ja": "{year}年度（{months}）", "en": "FY{year} ({months})"},
    "overview.under_floor": {
        "ja": "回答{n}件：{min_n}件未満のため非表示",
        "en": "{n} responses, fewer than {min_n}: not shown",
        "en_one": "{n} response, fewer than {min_n}: not shown",
    },
    "overview.too_few_so_far": {
        "ja": "{period}の回答が{n}件のみ（{min_n}件未満）",
        "en": "only {n} responses so far in {period} (fewer than {min_n})",
        "en_one": "only {n} response so far in {period} (fewer than {min_n})",
    },
    "sections.incomplete": {
        "ja": "{period}は集計途中です（{date}までの回答）。",
        "en": "{period} is not complete: responses up to {date}.",
    },
    "sections.nps_ci_col": {"ja": "NPS（95%信頼区間）", "en": "NPS (95% interval)"},
    "quality.email": {"ja": "メールアドレス", "en": "email"},
    "quality.phone": {"ja": "電話番号", "en": "phone"},
    "quality.postcode": {"ja": "郵便番号", "en": "postcode"},
    "quality.card": {"ja": "カード番号", "en": "card"},
    "quality.encoding": {"ja": "文字コード：{name}", "en": "{name}"},
    "overview.nps_ci": {"ja": "NPS（95%信頼区間）", "en": "NPS (95% interval)"},
    "overview.target_status": {"ja": "目標", "en": "Target"},
    "overview.shares": {"ja": "推奨者／批判者", "en": "Promoters / detractors"},
    "overview.trend": {"ja": "12か月の推移", "en": "12 months"},
    # Some unit has fewer months (QA22): the column says what it is, each short line its months.
    "overview.trend_monthly": {"ja": "月次NPSの推移", "en": "Monthly NPS"},
    "overview.trend_months": {"ja": "{n}か月", "en": "{n} months", "en_one": "{n} month"},
    "overview.top_theme": {"ja": "最多の不満テーマ", "en": "Top complaint"},
    "overview.to_contact": {"ja": "未対応の批判者", "en": "Detractors to contact"},
    "overview.fiscal_ytd": {"ja": "年度累計", "en": "Fiscal year to date"},
    "overview.page_title": {"ja": "{title}（{period}）", "en": "{title} — {period}"},
    "overview.generated": {"ja": "作成：{time}", "en": "Generated {time}"},
    "mail.movers": {"ja": "変化の内訳", "en": "What moved"},
    "quadrant.near_average": {"ja": "平均並み", "en": "about average"},
    "met": {"ja": "目標達成", "en": "target met"},
    "missed": {"ja": "目標未達", "en": "target missed"},
    "not_distinguishable": {"ja": "目標との差は誤差の範囲内", "en": "not distinguishable"},
    "no_target": {"ja": "目標未設定", "en": "no target"},
    "no_data": {"ja": "データなし", "en": "no data"},
    "quality.mynumber": {"ja": "マイナンバー", "en": "My Number"},
    "quality.name": {"ja": "氏名", "en": "name"},
    "impact": {
        "ja": "このテーマの批判者が中立者になった場合のNPS改善幅",
        "en": "NPS points gained if this theme's detractors became passives",
    },
    "impact_n": {
        "ja": "このテーマの批判者（不満・要望、人数）",
        "en": "This theme's detractors (complain or ask to improve, n)",
    },
    "impact_n_count": {
        "ja": "不満・要望のある批判者{n}人",
        "en": "{n} complaining detractors",
        "en_one": "{n} complaining detractor",
    },
    "nps_commenters_with": {
        "ja": "言及したコメント回答者のNPS",
        "en": "NPS among commenters mentioning it",
    },
    "nps_commenters_without": {
        "ja": "言及しなかったコメント回答者のNPS",
        "en": "NPS among commenters not mentioning it",
    },
    "sections.in_points": {"ja": "{what}（ポイント）", "en": "{what} (pts)"},
    "sections.phrases_title": {
        "ja": "批判者と推奨者に特徴的な語句",
        "en": "Phrases typical of detractors and of promoters",
    },
    "sections.segment": {"ja": "セグメント", "en": "Segment"},
    "sections.phrase_example": {"ja": "語句（下はコメント例）", "en": "Phrase (an example below)"},
    "sections.phrase_count": {"ja": "件数", "en": "Comments"},
    "sections.phrase_share": {"ja": "割合（%）", "en": "Of the segment (%)"},
    "followup.count_known": {
        "ja": "連絡を許可した批判者{n}人",
        "en": "{n} detractors allowed contact",
        "en_one": "{n} detractor allowed contact",
    },
    "followup.count_unknown": {
        "ja": "批判者{n}人（連絡の同意は不明）",
        "en": "{n} detractors (consent to contact unknown)",
        "en_one": "{n} detractor (consent to contact unknown)",
    },
    "followup.count_details": {
        "ja": "連絡先を残した批判者{n}人",
        "en": "{n} detractors left a way to reach them",
        "en_one": "{n} detractor left a way to reach them",
    },
    "followup.details_rule": {
        "ja": "連絡の同意を尋ねる設問がないため、{columns}に連絡先を残した批判者を、"
        "その方法での連絡を望んだ方として載せています（毎日の通知と同じ基準）。",
        "en": "No consent question: a detractor who left a way to reach them in {columns} "
        "asked to be contacted that way, as the daily alerts read it.",
    },
    "followup.details_others": {
        "ja": "連絡先を残さなかった批判者{n}人は載せていません。",
        "en": "{n} other detractors left none and are not listed.",
        "en_one": "{n} other detractor left none and is not listed.",
    },
    "followup.details_nobody": {
        "ja": "批判者{n}人のいずれも連絡先を残していません。",
        "en": "None of the {n} detractors left one.",
        "en_one": "The {n} detractor left none.",
    },
    "followup.none_details": {
        "ja": "連絡先を残した批判者はいません。",
        "en": "No detractor left a way to reach them.",
    },
    "followup.consent_unknown": {
        "ja": "連絡の同意を示す列（columns.contact）が設定されていないため、"
        "同意の有無はわかりません。連絡する前に、同意を得ているか確認してください。",
        "en": "No consent column is configured (columns.contact), so whether these people "
        "agreed to be contacted is unknown. Check consent before contacting anyone.",
    },
    # The same where the id column is blank on every listed detractor (REVIEW45).
    "followup.no_way_to_reach_blank": {
        "ja": "エクスポートには、この方々に連絡する手段もありません"
        "（全員の「{name}」が空欄で、連絡先の列もありません）。"
        "この一覧は批判者の声を読むためのもので、折り返し連絡はできません。連絡するには、"
        "フォームに連絡の同意の設問と、電話番号またはメールアドレスの欄を加えてください。",
        "en": "Nor does the export hold any way to reach them ({name} is blank on every one of "
        "them, no contact details): this list is for reading what detractors said; nobody on "
        "it can be called back. To call detractors back, add a consent question and a phone "
        "or e-mail field to the form.",
    },
    "followup.no_way_to_reach": {
        "ja": "エクスポートには、この方々に連絡する手段もありません"
        "（回答IDの列も連絡先の列もありません）。"
        "この一覧は批判者の声を読むためのもので、折り返し連絡はできません。連絡するには、"
        "フォームに連絡の同意の設問と、電話番号またはメールアドレスの欄を加えてください。",
        "en": "Nor does the export hold any way to reach them (no response id, no contact "
        "details): this list is for reading what detractors said; nobody on it can be called "
        "back. To call detractors back, add a consent question and a phone or e-mail field to "
        "the form.",
    },
    "followup.names_only": {
        "ja": "連絡先の列（columns.contact_details）の{columns}は氏名の列で、"
        "連絡の方法ではありません。回答者が電話番号やメールアドレスを残す列を"
        "columns.contact_detailsに加えるか、連絡の同意の設問をcolumns.contactに指定してください。",
        "en": "The contact-details columns {columns} are names, not ways to reach anyone: add the "
        "column where respondents leave a phone number or e-mail address to "
        "columns.contact_details, or set columns.contact to a consent question.",
    },
    "followup.none_known": {
        "ja": "連絡を許可した批判者はいません。",
        "en": "No detractor allowed contact.",
    },
    "followup.none_declined": {
        "ja": "連絡を許可した批判者はいません：今月の批判者{n}人はいずれも連絡を許可して"
        "いないため、連絡できる方はいません。コメントとテーマから改善点を確かめてください。",
        "ja_one": "連絡を許可した批判者はいません：今月の批判者1人は連絡を許可していないため、"
        "連絡できる方はいません。コメントとテーマから改善点を確かめてください。",
        "en": "No detractor allowed contact: the {n} detractors of this period said no, so there "
        "is no one to call back. Their comments and themes in this report "
        "say what to improve.",
        "en_one": "No detractor allowed contact: the one detractor of this period said no, so "
        "there is no one to call back. Their comment and themes in this "
        "report say what to improve.",
    },
    "followup.none_unknown": {
        "ja": "この期間の批判者はいません。",
        "en": "No detractors in this period.",
    },
    "followup.order": {
        "ja": "緊急度順：スコアの低い順、同じスコアは回答の古い順です。"
        "経過日数はレポート作成日（{as_of}）時点の日数です。",
        "en": "Most urgent first: lowest score, then the oldest response. "
        "Age is counted in days to the report's generation date ({as_of}).",
    },
    "followup.work_file": {
        "ja": "全員の一覧は作業用ファイル {csv} と {xlsx}（担当者・状況・連絡日・メモの列つき）"
        "にあります。",
        "en": "Everyone is also in the work files {csv} and {xlsx}, with owner, status, "
        "contacted_at and note columns for the team.",
    },
    "followup.call_rule": {
        "ja": "連絡期限：回答から{hours}時間以内（プレイブックの批判者向け施策の最初の項目）。"
        "期限を過ぎた方には「期限切れ」と表示しています。",
        "en": "Call by: within {hours} hours of the response, the playbook's first action; "
        "past dates are marked overdue.",
    },
    "followup.call_rule_other_date": {
        "ja": "連絡期限は示していません。エクスポートの日付は{label}で、回答の届いた日時では"
        "ありません（回答はその日以降に届いています）。回答が届いてから{hours}時間以内に"
        "連絡してください。経過日数は{label}からの日数です。",
        "en": "No call-by date: the export's date is {label}, not when the answer arrived (it "
        "came on that day or later). Call each person within {hours} hours of their answer "
        "arriving; the age counts days since {label}.",
    },
    "followup.call_by": {"ja": "連絡期限", "en": "Call by"},
    "followup.overdue": {"ja": "（期限切れ）", "en": "(overdue)"},
    # In the call-by column, for a person the returned status file marks contacted.
    "followup.contacted": {"ja": "連絡済み", "en": "Contacted"},
    "followup.alerts": {
        "ja": "新しい批判者に1日以内に連絡するには、毎日の通知（nps-kit alerts）をお使いください。",
        "en": "To reach new detractors within a day, use the daily alerts (nps-kit alerts).",
    },
    "followup.more": {"ja": "残り{n}人を表示", "en": "Show the other {n}"},
    # The follow-up box's notes on the list's order, files and alerts, folded under the count.
    "followup.notes": {"ja": "この一覧について", "en": "About this list"},
    "followup.response_id": {"ja": "回答ID", "en": "Response ID"},
    # Without columns.id the list's id is the response's row in the export (Google Forms has no
    # id column): headed as what it is, not 回答ID (BROWSE35), and said once under the table.
    "followup.row_in_file": {"ja": "行番号（ファイル）", "en": "Row in file"},
    "followup.rows_note": {
        "ja": "エクスポートに回答IDの列がないため、「{name}」はエクスポートのファイルでその回答が"
        "ある行の番号です。",
        "en": "The export has no response id column: “{name}” is the row of each response in "
        "the exported file.",
    },
    # Under a list where some ids were blank: those are named by their row (load.row_keys).
    "followup.blank_id_note": {
        "ja": "「{name}」が「#」で始まるもの（#12など）は、エクスポートで{name}が空欄だった"
        "回答で、エクスポートのファイルでその回答がある行の番号です。",
        "en": "Under “{name}”, “#” and a number (#12) is the row of the response in the exported "
        "file: its {name} was blank in the export.",
    },
    "followup.date": {"ja": "回答日", "en": "Date"},
    "followup.age_days": {"ja": "経過日数", "en": "Age"},
    "followup.days": {"ja": "{n}日", "en": "{n} days", "en_one": "{n} day"},
    "followup.score": {"ja": "スコア", "en": "Score"},
    "followup.themes": {"ja": "テーマ", "en": "Themes"},
    "followup.profile": {"ja": "属性", "en": "Profile"},
    "followup.comment": {"ja": "コメント", "en": "Comment"},
    "followup.status": {"ja": "状況", "en": "Status"},
    "followup.owner": {"ja": "担当者", "en": "Owner"},
    "followup.contacted_at": {"ja": "連絡日", "en": "Contacted on"},
    "followup.note": {"ja": "メモ", "en": "Note"},
    "followup.loop_title": {
        "ja": "フォローアップの状況（{file}）",
        "en": "Follow-up status ({file})",
    },
    "followup.loop_refused": {
        "ja": "このファイルは使えないため、連絡状況は集計していません。",
        "en": "This file was not used, so the follow-up is not measured.",
    },
    # A date cell of a returned work file that cannot be read (followup_files.StatusFile).
    "followup.date_unread": {
        "ja": "{path}：{row}行目の{column}「{value}」は日付として読めません。{done}。{hint}",
        "en": "{path}: row {row}, {column}: {value!r} is not a date; {done}. {hint}",
    },
    "followup.date_no_year": {
        "ja": (
            "{path}：{row}行目の{column}「{value}」には年がなく、このレポートの作成日（{today}）"
            "までの{weeks}週間のどの日かが決まりません。{done}。年も書いてください"
            "（例：2026/11/03、2026年11月3日）。"
        ),
        "en": (
            "{path}: row {row}, {column}: {value!r} has no year and is not one date of the "
            "{weeks} weeks up to this report ({today}); {done}. Write the year too: {example}."
        ),
    },
    # 2/12/2026 with no time zone, export or other cell of the file to say the order (QA24).
    "followup.date_both_ways": {
        "ja": (
            "{path}：{row}行目の{column}「{value}」は日/月の順なら{day_first}、月/日の順なら"
            "{month_first}と読め、どちらの順かを決めるものがありません。{done}。ユニットの"
            "timezoneをチームの地域にする（例：timezone: Europe/London なら日/月、"
            "America/New_York なら月/日の順で読みます）か、{iso}のように書いてください。"
        ),
        "en": (
            "{path}: row {row}, {column}: {value!r} reads as {day_first} day-first or "
            "{month_first} month-first, and nothing says which order the team writes; {done}. "
            "Set the unit's timezone to the team's (timezone: Europe/London reads day-first, "
            "America/New_York month-first), or write the date as {iso}."
        ),
    },
    "followup.date_done.contacted_at": {
        "ja": "連絡済みとして数え、連絡までの日数の中央値には入れていません",
        "en": "counted as contacted, left out of the median days",
    },
    "followup.date_done.date": {"ja": "この値は使っていません", "en": "ignored"},
    "followup.date_hint": {
        "ja": (
            "日付は2026-11-03（または2026/11/03、2026年11月3日）のように書くか、"
            "空欄にしてください。"
        ),
        "en": "Write dates as {example}, or leave them blank.",
    },
    # Ids of a returned file that a spreadsheet wrote as numbers (0008609 → 8609), matched
    # back to the export's zero-padded id only when one id fits (closed_loop.loop_status).
    "followup.ids_restored": {
        "ja": (
            "{path}の回答ID {n}件は先頭の0が消えていたため（Excelが数値として保存した例："
            "{example}）、エクスポートの回答IDに戻して照合しました。"
        ),
        "en": (
            "{path}: {n} response id(s) had lost their leading zeros (a spreadsheet saved them "
            "as numbers, e.g. {example}) and were matched to the export's ids."
        ),
    },
    "followup.ids_ambiguous": {
        "ja": (
            "{path}の回答ID {ids}は先頭の0が消えており、エクスポートの複数の回答ID（{found}）に"
            "当てはまるため照合していません。エクスポートどおりの回答IDを文字列として書いてください。"
        ),
        "en": (
            "{path}: response id(s) {ids} lost their leading zeros and fit more than one of the "
            "export's ids ({found}), so they were not matched. Write them as the export does, "
            "as text."
        ),
    },
    # A returned file's common entries (closed_loop.DONE_STATUSES, ATTEMPT_STATUSES), said
    # once each in the follow-up box.
    "followup.undated_done": {
        "ja": (
            "日付のない「済」などの{n}人は連絡済みとして数え、連絡までの日数の中央値には"
            "入れていません（連絡日を書くと中央値に入ります）。"
        ),
        "en": (
            "{n} marked done without a date (done, called) are counted as contacted and left "
            "out of the median days (add the contact date to count them there)."
        ),
    },
    "followup.status_unread": {
        "ja": (
            "状況に{values}と書かれた{n}人は、連絡済みとも連絡を試みたとも読めないため未対応に"
            "残しています（連絡できたら「連絡済」と連絡日を、留守電なら「留守電」と書いてください）。"
        ),
        "en": (
            "{n} with the status {values} are left open: it reads neither as contacted nor as "
            "an attempt (write contacted and the date once reached, or voicemail)."
        ),
    },
    "followup.attempts_open": {
        "ja": (
            "「留守電」「不在」などの{n}人は連絡を試みた段階のため、未対応に残しています"
            "（話せたら状況を「連絡済」にしてください）。"
        ),
        "en": (
            "{n} marked as a voicemail or no answer are attempts, not contacts: they stay open "
            "(set the status to contacted once you reach them)."
        ),
    },
    "followup.attempted": {"ja": "{status}（連絡を試みた・未接触）", "en": "{status} (attempted)"},
    "followup.loop_unreadable": {
        "ja": "読めないセルがありました（他の行は集計済み）。",
        "en": "Some cells could not be read (every other row is counted).",
    },
    "followup.close_rate": {"ja": "連絡率", "en": "Close rate"},
    "followup.close_note": {
        "ja": "{total}人中{contacted}人に連絡済み",
        "en": "{contacted} of {total} contacted",
    },
    "followup.median": {"ja": "連絡までの日数（中央値）", "en": "Median days to contact"},
    "followup.median_note": {
        "ja": "連絡日のわかる{n}人から",
        "en": "from the {n} with a contact date",
    },
    "followup.open": {"ja": "未対応", "en": "Still open"},
    "followup.open_note": {"ja": "下の一覧", "en": "listed below"},
    "followup.open_title": {"ja": "未対応の方（緊急度順）", "en": "Still open, most urgent first"},
    "followup.people": {"ja": "{n}人", "en": "{n}"},
    "decompose.contributors": {
        "ja": "{what}{total}の内訳（{by}別）：{items}",
        "en": "What moved the {total} {what} (by {by}): {items}",
    },
    # Under the e-mail's heading "What moved", which the sentence would otherwise repeat.
    "decompose.contributors_short": {
        "ja": "{what}{total}（{by}別）：{items}",
        "en": "{total} {what} (by {by}): {items}",
    },
    # A within part is the group's weighted part of the unit's change, not its own NPS change:
    # said with the group's NPS levels and what it did to the unit's (QA20: "NPS of Oxford
    # −9.3 pts" when Oxford's NPS fell 52.9 → 23.9). Without the levels (an older summary):
    "decompose.part_within": {
        "ja": "{group}のNPSの変化による分{value}",
        "en": "within {group}: {value} of the unit's change",
    },
    "decompose.part_within_levels": {
        "ja": "{group}のNPSが{before}→{after}となった分{value}",
        "en": "{group} (NPS {before} → {after}) {effect}",
    },
    # A mix part is measured from the unit's NPS: its words say which way the share moved, so a
    # group whose share fell never reads as "share of UK +2.3 pts" (decompose's docstring),
    # and that the responses came from the group, with its two shares, and what that did to the
    # unit's NPS: "higher share of Business −7.0 pts" read as Business' own NPS (FIX75).
    # {shares} is decompose.shares, or nothing in a summary written before the shares were.
    "decompose.part_mix_down": {
        "ja": "回答に占める{group}の割合が{shares}減った分{value}",
        "en": "fewer of the responses came from {group}{shares}, which {effect}",
    },
    "decompose.part_mix_up": {
        "ja": "回答に占める{group}の割合が{shares}増えた分{value}",
        "en": "more of the responses came from {group}{shares}, which {effect}",
    },
    "decompose.shares": {"ja": "{before}→{after}に", "en": " ({before} → {after})"},
    # What a part did to the unit's NPS, after a within part's levels or a share part's shares
    # (Japanese says it with the signed value).
    "decompose.effect_down": {"ja": "{value}", "en": "took {amount} off the unit's NPS"},
    "decompose.effect_up": {"ja": "{value}", "en": "added {amount} to the unit's NPS"},
    # A record written before the direction was published (an older summary).
    "decompose.part_mix": {
        "ja": "{group}の構成比の変化{value}",
        "en": "change in the share of {group} {value}",
    },
    "decompose.others": {"ja": "その他{value}", "en": "others {value}"},
    # After a part of a group under min_n in either month (the breakdown tables' badge).
    "decompose.small_sample": {"ja": "（回答数少・参考値）", "en": " (small sample)"},
    "decompose.others_hidden": {
        "ja": "その他のグループ（匿名性のため非表示のグループを含む）{value}",
        "en": "other groups (including groups hidden for anonymity) {value}",
    },
    # The rest is only the named groups' changes of share (three clinics, each named): it is
    # no other group.
    "decompose.others_mix": {
        "ja": "各グループの構成比の変化による分{value}",
        "en": "shifts in the groups' shares of responses {value}",
    },
    "decompose.others_within": {
        "ja": "ほかのグループのNPSの変化による分{value}",
        "en": "other groups' own NPS {value}",
    },
    # The rest is the share parts (or own NPS parts) of some groups only, named (QA25).
    "decompose.others_mix_of": {
        "ja": "{groups}の構成比の変化による分{value}",
        "en": "the change in the share of {groups} {value}",
    },
    "decompose.others_within_of": {
        "ja": "{groups}のNPSの変化による分{value}",
        "en": "within {groups}: {value} of the unit's change",
    },
    "decompose.withheld": {
        "ja": "{what}{total}の内訳（{by}別）は、どのグループも回答数が少なく匿名性のため"
        "示しません。",
        "en": "What moved the {total} {what} (by {by}) is not shown: every group is too "
        "small to show without risking anonymity.",
    },
    "decompose.withheld_short": {
        "ja": "{what}{total}（{by}別）：どのグループも回答数が少なく匿名性のため示しません。",
        "en": "{total} {what} (by {by}): not shown, every group is too small to show without "
        "risking anonymity.",
    },
    "decompose.noise": {"ja": "。誤差の範囲内：{items}", "en": ". Within noise: {items}"},
    # The parts and the rest after it, no brackets round them: a part's own "(NPS … → …)" and
    # "(small sample)" stay one level deep, and the rest reads as inside the statement (FIX76).
    "decompose.all_noise": {
        "ja": "どのグループの動きも誤差の範囲内で、{items}",
        "en": "every group's move is within noise — {items}",
    },
    # The same parts beside a significant change (BROWSE35: "every group's move is within
    # noise" next to "significantly improved" read as a contradiction): the change is real
    # overall, spread over the groups, and no group's part is beyond noise on its own.
    "decompose.all_noise_spread": {
        "ja": "全体では有意な変化ですが、複数のグループに分かれており、単独で誤差を超える"
        "グループはありません。{items}",
        "en": "a significant change overall, spread across groups, none of whose moves is "
        "beyond noise on its own — {items}",
    },
    # The reverse (REVIEW36: 駅前 +18.7 "no significant change", 店頭 +20.0 beyond noise): the
    # unit's change as a whole is within noise, though a part of it stands out on its own.
    "decompose.clear_in_noise_one": {
        "ja": "全体の変化は誤差の範囲内ですが、次の動きは単独で誤差を超えています：{items}",
        "en": "the change as a whole is within noise, though one part of it stands out beyond "
        "noise on its own — {items}",
    },
    "decompose.clear_in_noise_many": {
        "ja": "全体の変化は誤差の範囲内ですが、次の動きは単独で誤差を超えています：{items}",
        "en": "the change as a whole is within noise, though some parts of it stand out beyond "
        "noise on their own — {items}",
    },
    "overview.own_verdict": {
        "ja": "レポート単体では{verdict}（全レポートで調整後は有意でない）",
        "en": "{verdict} in the unit's own report (not after adjusting for all units)",
    },
    "decompose.answer": {"ja": "回答「{answer}」", "en": "the answer “{answer}”"},
    "alerts_mail.subject": {
        "ja": "【NPS】{name}：連絡を許可した新しい批判者{n}人",
        "en": "[NPS] {name}: {n} new detractors who allowed contact",
        "en_one": "[NPS] {name}: {n} new detractor who allowed contact",
    },
    # Without a consent column: those who left a way to reach them (the report's words).
    "alerts_mail.subject_details": {
        "ja": "【NPS】{name}：連絡先を残した新しい批判者{n}人",
        "en": "[NPS] {name}: {n} new detractors who left a way to reach them",
        "en_one": "[NPS] {name}: {n} new detractor who left a way to reach them",
    },
    "alerts_mail.intro": {
        "ja": "{name}に、連絡を許可した新しい批判者が{n}人います。"
        "スコアの低い方、回答の古い方から順に並べています。",
        "en": "{name} has {n} new detractors who allowed contact, "
        "the lowest score and the oldest response first.",
        "en_one": "{name} has {n} new detractor who allowed contact.",
    },
    "alerts_mail.intro_details": {
        "ja": "{name}に、連絡先を残した新しい批判者が{n}人います。"
        "スコアの低い方、回答の古い方から順に並べています。",
        "en": "{name} has {n} new detractors who left a way to reach them, "
        "the lowest score and the oldest response first.",
        "en_one": "{name} has {n} new detractor who left a way to reach them.",
    },
    "alerts_mail.score": {"ja": "スコア{score}", "en": "score {score}"},
    "alerts_mail.call_by": {"ja": "連絡期限：{time}", "en": "Call by {time}"},
    "alerts_mail.overdue": {"ja": "（期限切れ）", "en": " (overdue)"},
    "alerts_mail.phone": {"ja": "電話", "en": "Phone"},
    "alerts_mail.email": {"ja": "メール", "en": "E-mail"},
    "alerts_mail.id": {"ja": "{name} {id}", "en": "{name} {id}"},
    # A response whose id cell is blank is named by its row (load.row_keys, REVIEW36).
    "alerts_mail.id_blank": {
        "ja": "{name} 空欄（{id}：エクスポートのファイルでその回答がある行）",
        "en": "{name} blank ({id}: the row of the response in the exported file)",
    },
    "alerts_mail.record": {
        # For whoever takes the calls (QA21: the front desk, not the analyst, whose
        # closed_loop.status_file step the README gives).
        "ja": "連絡したら、{month}のレポートの作業用ファイル（{file}）の該当行に担当者・状況・"
        "連絡日を記入してください。次のレポートで連絡率に数えられます。",
        "en": "Once you have called, fill in owner, status and contacted_at on the person's row "
        "of the work file of the {month} report ({file}): the next report counts the call.",
    },
    # A month not ended yet has no report, so no work file (QA25: December's, on 5 December).
    "alerts_mail.record_later": {
        "ja": "{month}に回答した方は、連絡したら担当者・状況・連絡日を控えてください。"
        "{month}のレポートの作業用ファイル（{file}）は、月が終わって{start}に作るレポートに"
        "付きます。その該当行に記入すると、次のレポートで連絡率に数えられます。",
        "en": "For those who answered in {month}: once you have called, note owner, status and "
        "date. The work file of the {month} report ({file}) comes with that report, made once "
        "the month has ended ({start}); fill them in on the person's row there, and the next "
        "report counts the call.",
    },
    "alerts_mail.no_comment": {"ja": "（コメントなし）", "en": "(no comment)"},
    # A consent column and no columns.contact_details (QA25 A-4): the alert, the report's
    # follow-up box and the work files give no way to reach the person; say so, and where.
    # BROWSE36: in the team's words, without the setting; the analyst's instruction is the
    # run's line (alerts.no_details).
    "alerts_mail.no_details": {
        "ja": "このメールには電話番号もメールアドレスもありません。エクスポートの{name}で"
        "該当する方を探してください。連絡先をこのメールに載せるには、分析担当者にご相談ください。",
        "en": "This e-mail gives no phone number or e-mail address: find each person by {name} "
        "in the export. To have contact details in these e-mails, ask the analytics team.",
    },
    # An English unit without timezone: its export's times are shown as written, no zone
    # (QA25 B-4: a Texas clinic's form times were labelled UTC).
    # FIX44: no fixed example zone (a UK unit was told America/Chicago): the rule and neutral
    # examples, or the zone the export points to (nps_kit._zone_hint) and why.
    # QA44: the export's date is a check-out or visit day, not when the answer came.
    "alerts_mail.other_date": {
        "ja": "日付は「{label}」で、回答の届いた日時ではありません（回答はその日以降に"
        "届いています）。そのため連絡期限は示していません。回答が届いてから{hours}時間以内に"
        "連絡してください。",
        "en": "The dates are “{label}”, not when the answers arrived (each came on that day or "
        "later), so no call-by time is given: call each person within {hours} hours of their "
        "answer arriving.",
    },
    "alerts.since_other_date": {
        "ja": "{unit}: エクスポートの日付は「{label}」で、回答の届いた日時ではありません。"
        "--sinceはその日付から数えるため、数日後に届いた回答は短い--sinceでは見落とされます。"
        "同じ回答に二度アラートを送ることはないので、長めの--since（7dなど）を指定してください。",
        "en": "{unit}: the export's dates are “{label}”, not when the answers arrived: --since "
        "counts from that day, so an answer given days later is missed by a short --since. No "
        "response is alerted twice, so a longer one (such as 7d) is safe.",
    },
    "alerts_mail.zone_unknown": {
        "ja": "時刻はエクスポートに書かれたとおりです。"
        "このユニットにはtimezoneが設定されていないため、"
        "どのタイムゾーンの時刻か分かりません。パラメーターのtimezone:に、アンケートツールが時刻を"
        "書いたタイムゾーンをIANA名（例：Europe/London、America/New_York）で設定してください。",
        "en": "Times are as the export wrote them: no timezone is set for this unit, so their "
        "zone is not known. Set timezone: in its parameters to the zone the survey tool wrote "
        "them in, an IANA name such as Europe/London or America/New_York.",
    },
    "alerts_mail.zone_hint": {
        "ja": "時刻はエクスポートに書かれたとおりです。"
        "このユニットにはtimezoneが設定されていないため、"
        "どのタイムゾーンの時刻か分かりません。{evidence}。そのタイムゾーンの時刻であれば、パラメーターに"
        "timezone: {zone}と設定してください。",
        "en": "Times are as the export wrote them: no timezone is set for this unit, so their "
        "zone is not known. {evidence}: if the times are that zone's clock, set timezone: "
        "{zone} in its parameters.",
    },
    "zone_hint.header": {
        "ja": "日付の列「{column}」の見出しは{evidence}です",
        "en": "The date column {column!r} says {evidence}",
    },
    "zone_hint.offset": {
        "ja": "時刻にUTCからの時差{evidence}が書かれています（{zone}の時差）",
        "en": "The times carry the UTC offset {evidence}, that of {zone}",
    },
    "zone_hint.offsets": {
        "ja": "時刻にUTCからの時差{evidence}が書かれ、{zone}の夏時間の始まりと終わりの日に"
        "切り替わっています",
        "en": "The times carry the UTC offsets {evidence}, changing on the days summer time "
        "starts and ends in {zone}",
    },
    "zone_hint.zone": {
        "ja": "列「{column}」は時刻のタイムゾーンを示しています（{evidence}、{zone}）",
        "en": "The column {column!r} names the times' zone ({evidence}, {zone})",
    },
    "zone_hint.place": {
        "ja": "列「{column}」は{zone}の地域を挙げています（{evidence}）",
        "en": "The column {column!r} names places in {zone} ({evidence})",
    },
    # QA26 #12, FIX48: an export whose times carry their UTC offset, and no timezone: shown as
    # written, each at its own offset's clock (clock.export_zone), which the line says.
    "alerts_mail.zone_unknown_offsets": {
        "ja": "時刻はエクスポートに書かれたとおり、各時刻に書かれたUTCとの時差での時刻です。"
        "このユニットにはtimezoneが設定されていません。パラメーターのtimezone:に、その時差の"
        "タイムゾーンをIANA名（例：Europe/London、America/New_York）で設定してください。",
        "en": "Times are as the export wrote them, each at the UTC offset written with it: no "
        "timezone is set for this unit. Set timezone: in its parameters to the zone of those "
        "offsets, an IANA name such as Europe/London or America/New_York.",
    },
    "alerts_mail.zone_hint_offsets": {
        "ja": "時刻はエクスポートに書かれたとおり、各時刻に書かれたUTCとの時差での時刻です。"
        "このユニットにはtimezoneが設定されていません。{evidence}。そのタイムゾーンの時刻であれば、"
        "パラメーターにtimezone: {zone}と設定してください。",
        "en": "Times are as the export wrote them, each at the UTC offset written with it: no "
        "timezone is set for this unit. {evidence}: if the times are that zone's clock, set "
        "timezone: {zone} in its parameters.",
    },
    "alerts.since_no_zone": {
        "ja": "{time}（エクスポートの時刻、timezone未設定）",
        "en": "{time} (the export's clock, no timezone set)",
    },
    # What 'nps-kit alerts' prints of each unit, in the unit's language (FIX80: a Japanese
    # scheduler's log read "no new detractors to alert since …" around Japanese messages). The
    # "error:" and "warning:" tags before a unit's message stay as written in every language,
    # as every command's, so that one search finds them in a log (README, "Command reference").
    "alerts.no_to": {
        "ja": "パラメーターにalerts.toがありません",
        "en": "no alerts.to in its parameters",
    },
    "alerts.skipped": {"ja": "スキップしました（{reason}）。", "en": "skipped, {reason}."},
    "alerts.nothing_new": {
        "ja": "{since}以降、アラートする新しい批判者はいません。",
        "en": "no new detractors to alert since {since}.",
    },
    "alerts.alerted": {
        "ja": "批判者{n}人のアラートを{to}に送りました。",
        "en": "alerted {to} about {n} detractors.",
        "en_one": "alerted {to} about {n} detractor.",
    },
    # BROWSE36: the analyst's side of alerts_mail.no_details, on the run's output.
    "alerts.no_details": {
        "ja": "アラートに電話番号やメールアドレスが載りません"
        "（連絡先の列columns.contact_detailsが設定されていません）。",
        "en": "The alert carries no phone number or e-mail address (no columns.contact_details "
        "is set).",
    },
    "alerts.would_alert": {
        "ja": "批判者{n}人のアラートを{to}に送る予定です：「{subject}」。{path}に書き出しました。",
        "en": "would alert {to} about {n} detractors: '{subject}'; written to {path}",
        "en_one": "would alert {to} about {n} detractor: '{subject}'; written to {path}",
    },
    "alerts.not_sent": {
        "ja": "アラートを送れませんでした{to}：{reply}{retried}",
        "en": "alert NOT sent{to}: {reply}{retried}",
    },
    "alerts.not_sent_to": {"ja": "（宛先：{recipient}）", "en": " to {recipient}"},
    "alerts.gave_up": {"ja": "（{n}回試みて断念）", "en": " (gave up after {n} attempts)"},
    "alerts.no_date": {"ja": "（日付なし）", "en": "(no date)"},
    # The late export's warning (periods.late_export) as alerts word it.
    "alerts.late_missed": {
        "ja": "{since}以降の回答は1件もありません",
        "en": "none of its responses is in the window since {since}",
    },
    "alerts.late_then": {
        "ja": "もう一度ダウンロードしてから、alertsを再実行してください。新しい批判者が"
        "いないことは、エクスポートにない日については何も示しません。",
        "en": "Download it again and run alerts again: nothing new here says nothing of the "
        "days it does not hold.",
    },
    # run's stale export (nps_kit.run.stale_exports), in its units' language.
    "run.late_missed": {
        "ja": "期間「latest」は{ended}が終わっているのに{month}をレポートします",
        "en": "period 'latest' reports {month} though {ended} has ended",
    },
    "run.late_then": {
        "ja": "{ended}を含むエクスポートになったら、もう一度実行してください。--period {month}を"
        "付けると、どの月かを明示できます。",
        "en": "Once it holds {ended}, run again; --period {month} makes the choice explicit.",
    },
    # run's note of a unit whose own reading of period latest/current differs from its export's.
    "run.period_shared": {
        "ja": "note: {unit}：期間{word}は、{export}のすべてのユニットで{chosen}です（{n}ユニット中"
        "{count}ユニットの最新の月）。このユニットのタイムゾーンだけで読むと{month}になります",
        "en": "note: {unit}: period {word} is {chosen} for every unit of {export} ({count} of {n} "
        "units' latest month); read in this unit's timezone alone it would be {month}",
    },
    # run's note of a themes file whose own themes have no action (nps_kit.run.playbook_notes).
    "run.playbook_missing": {
        "ja": "note: {units}：{themes}が加えるテーマ{missing}には、{playbook}にまだ対応策が"
        "ありません。戦略とメールでは根拠とともに表示し、そのことを伝えます。対応策を{where}に"
        "書いてください。",
        # {have}: "has" after one theme, "have" after several
        "en": "note: {units}: {themes} adds {missing}, which {have} no action in {playbook} "
        "yet; the strategies and e-mails show them with their evidence and say so. Write their "
        "actions {where}.",
    },
    # Two units of one export selecting one value (nps_kit._renames.shared_selections), in the
    # language they share, else English.
    "run.shared_selection": {
        "ja": "warning: {first}と{second}は同じエクスポートの{column} = {values}をどちらも選んで"
        "いるため、その回答者が2回レポートされます（両方のレポート、メール、一覧ページ）。意図した"
        "ものでなければ、ユニットのファイルを1つ削除するか、別の値を指定してください"
        "（{first_file}、{second_file}）",
        "en": "warning: {first} and {second} both select {column} = {values} of the same "
        "export, so its respondents are reported twice (both reports, e-mails and the "
        "overview); if that is not meant, delete one unit file or give them different values "
        "({first_file}, {second_file})",
    },
    "run.playbook_builtin": {"ja": "組み込みのプレイブック", "en": "the built-in playbook"},
    "run.playbook_own": {
        "ja": "{own}のthemes:の下",
        "en": "under themes: in {own}",
    },
    "run.playbook_set": {
        "ja": "パラメーターのplaybook:に指定したプレイブックファイルのthemes:の下",
        "en": "under themes: in a playbook file set as playbook: in the parameters",
    },
    "late_export": {
        "ja": "warning: {name}には{newest}より後の回答がないため、{missed}（ユニット：{units}）。"
        "エクスポートが遅れていませんか？{then}",
        "en": "warning: {name} has no responses after {newest}, so {missed} (units {units}). "
        "Is the export late? {then}",
    },
    # What send and alerts say when no SMTP host is set (mail.settings.no_host_opening /
    # no_host_closing); alerts of Japanese units say it in Japanese (FIX80).
    "delivery.no_host_opening": {
        "ja": "NPS_KIT_SMTP_HOSTが設定されていないため、何も送信しません。--dry-runと同じく、"
        "メッセージを{outbox}に書き出します。",
        "en": "NPS_KIT_SMTP_HOST is not set, so nothing is sent: writing the messages to "
        "{outbox} as with --dry-run.",
    },
    "delivery.no_host_closing": {
        "ja": "error: 何も送信されていません。NPS_KIT_SMTP_HOSTが設定されていないため"
        "（環境変数にも{where}にもありません）、{where_to}。送信するには、そこに"
        "NPS_KIT_SMTP_HOSTとNPS_KIT_SMTP_FROMを設定し（'nps-kit {command} --help'を参照）、"
        "{again}。終了ステータスは{code}です。",
        "en": "error: nothing was sent: NPS_KIT_SMTP_HOST is not set (neither in the "
        "environment nor in {where}), so {where_to}. To send, set NPS_KIT_SMTP_HOST and "
        "NPS_KIT_SMTP_FROM there (see 'nps-kit {command} --help') and {again}. Exit status "
        "{code}.",
    },
    "delivery.only_written": {
        "ja": "メッセージは{outbox}に書き出しただけです",
        "en": "the messages were only written to {outbox}",
    },
    "delivery.none_sendable": {
        "ja": "送信できるメッセージはありません",
        "en": "no message can be sent",
    },
    "delivery.again": {
        "ja": "コマンドをもう一度実行してください。アウトボックスに書き出すだけなら、--dry-runを"
        "付けてください",
        "en": "run the command again; to only write the outbox, pass --dry-run",
    },
    "delivery.again_send": {
        "ja": "'nps-kit send --all --period {period}'を実行してください（レポートは作成済み"
        "です）。レポートの作成だけなら、--sendを外してください",
        "en": "run 'nps-kit send --all --period {period}' (the reports are built); to only "
        "build the reports, leave out --send",
    },
    # send (mail.send.send_reports): a unit's lines in its report's language, the run's own
    # lines (lock wait, stop, totals) in the project's (defaults.yaml's language), so that a
    # Japanese project's send and run --send read Japanese (FIX87). The unit id prefix and the
    # warning: tag stay as every command writes them.
    "send.lock_wait": {
        "ja": "別の'nps-kit send'がこの期間を送信中のため、終わるのを待っています（{lock}）。",
        "en": "another 'nps-kit send' is sending this period; waiting for it ({lock})",
    },
    "send.skipped": {"ja": "送信しません：{detail}。", "en": "skipped, {detail}."},
    "send.already_sent": {"ja": "送信済み", "en": "already sent"},
    "send.already_sent_line": {
        "ja": "すべての宛先に送信済みです。もう一度送るには--resendを付けてください。",
        "en": "already sent to every recipient; --resend sends it again.",
    },
    "send.not_attempted": {
        "ja": "SMTPサーバーが応答しなくなったため、送信を試みていません",
        "en": "not attempted, the SMTP server had stopped answering",
    },
    "send.cannot_build": {
        "ja": "メッセージを作れません：{error}",
        "en": "cannot build the message: {error}",
    },
    # {detail} is said whole (a sentence of its own): 。 / . closes it.
    "send.not_sent_detail": {
        "ja": "送信できませんでした：{detail}。",
        "en": "NOT sent: {detail}.",
    },
    # {reason} is the server's reply or the error as it reads.
    "send.not_sent": {"ja": "送信できませんでした{to}：{reason}", "en": "NOT sent{to}: {reason}"},
    "send.not_sent_to": {"ja": "（宛先：{recipients}）", "en": " to {recipients}"},
    "send.gave_up": {
        "ja": "（{n}回試みて中止しました）",
        "en": " (gave up after {n} attempts)",
    },
    "send.sent_to": {"ja": "{to}に送信しました（{size}）。", "en": "sent to {to} ({size})."},
    "send.large": {
        "ja": "メッセージは{mb} MBです。10 MBを超えるメッセージを受け付けないメールサーバーが"
        "多いため、mail.attach: zip、またはmail.report_urlとattach: noneを検討してください。",
        "en": "the message is {mb} MB and many mail servers refuse more than 10 MB; consider "
        "mail.attach: zip or mail.report_url with attach: none.",
    },
    # A dry run's listing of one message (to, cc and bcc are the message's own header names).
    "send.would_send": {
        "ja": "「{subject}」を送信する予定です（{size}）",
        "en": "would send {subject!r} ({size})",
    },
    # A dry run's recipients, one line each under send.would_send (MSG43: English labels in a
    # Japanese unit's listing); English pads them to one column.
    "send.to": {"ja": "宛先：{who}", "en": "to:  {who}"},
    "send.cc": {"ja": "CC：{who}", "en": "cc:  {who}"},
    "send.bcc": {"ja": "BCC：{who}", "en": "bcc: {who}"},
    "send.only_to": {"ja": "次の宛先のみ{why}：{recipients}", "en": "only to{why}: {recipients}"},
    "send.others_got_it": {"ja": "（ほかの宛先は受信済み）", "en": " (the others already got it)"},
    "send.written_to": {"ja": "{path}に書き出しました", "en": "written to {path}"},
    # Why a unit is not sent (UnitOutcome.detail, said after send.skipped).
    "send.no_responses_yet": {
        "ja": "まだ回答がないため、レポートはありません。最初のレポートは回答が届いてから"
        "作られます",
        "en": "it has no responses yet, so no report; its first report comes with them",
    },
    "send.not_rebuilt": {
        "ja": "前回の実行でレポートが作り直されていません（{status}：{why}）。{todo}",
        "en": "the last run did not rebuild its report ({status}: {why}); {todo}",
    },
    "send.see_run": {"ja": "その実行のメッセージを参照", "en": "see that run's message"},
    "send.fix_then_send": {
        "ja": "ユニットを直し、'nps-kit run {unit} --period {period}'をもう一度実行してから"
        "送信してください",
        "en": "fix the unit, run 'nps-kit run {unit} --period {period}' again, then send",
    },
    "send.data_then_send": {
        "ja": "エクスポートに回答が入ったら、'nps-kit run {unit} --period {period}'をもう一度"
        "実行してから送信してください",
        "en": "run 'nps-kit run {unit} --period {period}' again once the export has its "
        "responses, then send",
    },
    "send.parameter_error": {
        "ja": "パラメーターファイルに誤りがあるため、前回の実行では何も作られていません（{why}）。"
        "直して'nps-kit run {unit} --period {period}'を実行してから送信してください",
        "en": "its parameter file has an error, so the last run built nothing ({why}); fix it, "
        "run 'nps-kit run {unit} --period {period}', then send",
    },
    "send.status": {
        "ja": "レポートの状態が「{status}」です",
        "en": "its report has status {status!r}",
    },
    "send.missing": {"ja": "レポート{html}がありません", "en": "its report {html} is missing"},
    "send.unchecked": {
        "ja": "このレポートは、NPSの変動要因で匿名性の下限（thresholds.min_report_n）未満の"
        "グループを隠すようになる前に作られ、{named}を確認せずに載せています。"
        "'nps-kit run {unit} --period {period}'をもう一度実行してから送信してください",
        "en": "its report was built before nps-kit hid groups under the anonymity floor "
        "(thresholds.min_report_n) in what moved the NPS, and names {named} unchecked; run "
        "'nps-kit run {unit} --period {period}' again, then send",
    },
    "send.no_recipients": {
        "ja": "レポートを作ったとき、mail.to/cc/bccに宛先がありませんでした。パラメーターに加えて"
        "'nps-kit run {unit}'をもう一度実行してください",
        "en": "no recipients in mail.to/cc/bcc when its report was built; add them to its "
        "parameters and run 'nps-kit run {unit}' again",
    },
    "send.not_in_manifest": {
        "ja": "{period}のレポートがありません（この期間のmanifest.jsonにありません）。"
        "'nps-kit run {unit} --period {period}'を実行してから送信してください",
        "en": "no report for {period}: the period's manifest does not name it; run "
        "'nps-kit run {unit} --period {period}', then send",
    },
    # A manifest send cannot read, or one of another period (FIX94).
    "send.bad_manifest": {
        "ja": "{path}は正しいmanifestではありません（{error}）。",
        "en": "{path} is not a valid manifest ({error}).",
    },
    "send.bad_manifest_hint": {
        "ja": "{period}について「nps-kit run」をもう一度実行してください。",
        "en": "Re-run `nps-kit run` for {period}.",
    },
    # A manifest's mail blocks and the NPS_KIT_SMTP_* settings, in the project's language
    # (FIX95: send said them in English to a Japanese project). {unit} and {value} come quoted.
    "send.bad_mail": {
        "ja": "{path}のメール設定に誤りがあります：{problems}。",
        "en": "invalid mail settings in {path}: {problems}.",
    },
    "send.bad_mail_hint": {
        "ja": "これらのユニットのparameters/<ユニット>.yamlのmailを直して、"
        "もう一度実行してください。",
        "en": "Fix the mail block of these units in parameters/<unit>.yaml and re-run.",
    },
    "send.mail_unknown_key": {
        "ja": "ユニット{unit}：mail.{name}というキーはありません",
        "en": "unit {unit}: unknown key mail.{name}",
    },
    "send.mail_did_you_mean": {
        "ja": "（mail.{name}のことですか？）",
        "en": " (did you mean mail.{name}?)",
    },
    "send.mail_bad_address": {
        "ja": "ユニット{unit}：mail.{name}の{value}はメールアドレスではありません"
        "（name@example.comのように1件ずつ書きます）",
        "en": "unit {unit}: mail.{name} {value} is not valid, {error}",
    },
    # LEFT45B: an address refused for a reason of its own (its part before @ too long).
    "send.mail_bad_address_said": {
        "ja": "ユニット{unit}：mail.{name}：{error}",
        "en": "unit {unit}: mail.{name}: {error}",
    },
    "send.mail_bad_attach": {
        "ja": "ユニット{unit}：mail.attachが{value}です。{allowed}のどれかにしてください",
        "en": "unit {unit}: mail.attach is {value}; expected one of {allowed}",
    },
    "send.mail_bad_url": {
        "ja": "ユニット{unit}：mail.report_urlの{value}はhttp://かhttps://で始まるURLではありません",
        "en": "unit {unit}: mail.report_url {value} is not an http(s) URL",
    },
    "smtp.bad_security": {
        "ja": "NPS_KIT_SMTP_SECURITYが{value}です。{allowed}のどれかにしてください。",
        "en": "NPS_KIT_SMTP_SECURITY is {value}; expected one of {allowed}.",
    },
    "smtp.bad_security_hint": {
        "ja": "ポート587ならstarttls、465ならssl、noneはこのマシンの中継サーバーにだけ使います。",
        "en": "Use starttls for port 587, ssl for port 465, none only for a local relay.",
    },
    "smtp.bad_port": {
        "ja": "NPS_KIT_SMTP_PORTが{value}です。1〜65535のポート番号にしてください。",
        "en": "NPS_KIT_SMTP_PORT is {value}; expected a port number from 1 to 65535.",
    },
    "smtp.bad_port_hint": {
        "ja": "587（starttls）、465（ssl）、25などにしてください。",
        "en": "Set it to e.g. 587 (starttls), 465 (ssl) or 25.",
    },
    "smtp.no_cafile": {
        "ja": "NPS_KIT_SMTP_CAFILEが{value}ですが、そのファイルはありません。",
        "en": "NPS_KIT_SMTP_CAFILE is {value}, but that file does not exist.",
    },
    "smtp.no_cafile_hint": {
        "ja": "社内CAのPEMファイルを指定するか、設定を外してください。",
        "en": "Point it to the PEM file of your private CA, or unset it.",
    },
    "smtp.password_no_user": {
        "ja": "NPS_KIT_SMTP_PASSWORDが設定されていますが、NPS_KIT_SMTP_USERがありません。",
        "en": "NPS_KIT_SMTP_PASSWORD is set but NPS_KIT_SMTP_USER is not.",
    },
    "smtp.password_no_user_hint": {
        "ja": "NPS_KIT_SMTP_USERにSMTPサーバーのログイン名を設定してください。",
        "en": "Set NPS_KIT_SMTP_USER to the login name for the SMTP server.",
    },
    "smtp.host_no_from": {
        "ja": "NPS_KIT_SMTP_HOSTが設定されていますが、NPS_KIT_SMTP_FROMがありません。",
        "en": "NPS_KIT_SMTP_HOST is set but NPS_KIT_SMTP_FROM is not.",
    },
    "smtp.host_no_from_hint": {
        "ja": "NPS_KIT_SMTP_FROMに送信元アドレス（例：nps@example.com）を設定してください。",
        "en": "Set NPS_KIT_SMTP_FROM to the sender address, e.g. nps@example.com.",
    },
    "smtp.bad_allow": {
        "ja": "NPS_KIT_SMTP_ALLOW_PLAINTEXT_AUTHが{value}です。1（許可）か0にしてください。",
        "en": "NPS_KIT_SMTP_ALLOW_PLAINTEXT_AUTH is {value}; expected 1 (allow) or 0.",
    },
    "smtp.bad_allow_hint": {
        "ja": "1にするのは、このマシンの中継サーバーか信頼できるネットワークの場合だけに"
        "してください。",
        "en": "Set it to 1 only for a relay on this machine or a network you trust.",
    },
    "smtp.bad_from": {
        "ja": "NPS_KIT_SMTP_FROMの{value}はメールアドレスではありません"
        "（name@example.comのように1件書きます）。",
        "en": "NPS_KIT_SMTP_FROM {value} is not valid, {error}.",
    },
    "smtp.bad_from_said": {
        "ja": "NPS_KIT_SMTP_FROM：{error}。",
        "en": "NPS_KIT_SMTP_FROM: {error}.",
    },
    "smtp.bad_from_hint": {
        "ja": "例：'NPS Reports <nps@example.com>'のように設定してください。",
        "en": "Set it to e.g. 'NPS Reports <nps@example.com>'.",
    },
    "smtp.plaintext": {
        "ja": "NPS_KIT_SMTP_SECURITYがnoneで、NPS_KIT_SMTP_USERが設定されています。ログイン名と"
        "パスワードが暗号化されずにネットワークを流れるため、nps-kitはログインしません。",
        "en": "NPS_KIT_SMTP_SECURITY is none and NPS_KIT_SMTP_USER is set: the login and "
        "password would cross the network unencrypted, so nps-kit does not log in.",
    },
    "smtp.plaintext_hint": {
        "ja": "NPS_KIT_SMTP_SECURITYをstarttlsかsslにしてください。このマシンの中継サーバーか"
        "信頼できるネットワークの場合だけ、NPS_KIT_SMTP_ALLOW_PLAINTEXT_AUTH=1にできます。",
        "en": "Use NPS_KIT_SMTP_SECURITY=starttls or ssl; only for a relay on this "
        "machine or a network you trust, set NPS_KIT_SMTP_ALLOW_PLAINTEXT_AUTH=1.",
    },
    "send.other_period": {
        "ja": "{path}は期間「{found}」のもので、「{period}」のものではありません。",
        "en": "{path} is for period {found!r}, not {period!r}.",
    },
    # A unit send names that the period's manifest does not hold, and a selection with no
    # recipient at all (FIX94: both were said in English to a Japanese project).
    "send.unknown_unit": {
        "ja": "{manifest}にユニット{units}はありません（ユニット：{known}）。",
        "en": "no unit {units} in {manifest}; units: {known}.",
    },
    "send.unit_named": {"ja": "「{unit}」", "en": "{unit!r}"},
    "send.unknown_unit_guess": {
        "ja": "「{unit}」（「{guess}」のことですか？）",
        "en": "{unit!r} (did you mean {guess!r}?)",
    },
    "send.no_units": {"ja": "なし", "en": "none"},
    "send.unknown_unit_hint": {
        "ja": "manifestにあるとおりにユニットIDを指定するか、--allを指定してください。",
        "en": "Pass unit ids as in the manifest, or --all.",
    },
    "send.nothing_to_send": {
        "ja": "送るものがありません：選んだユニットのどれも、レポートを作ったときのパラメーターの"
        "mail.to、cc、bccに宛先がありません（{manifest}）：{units}。",
        "en": "nothing to send: no selected unit has recipients in mail.to, cc or bcc of its "
        "parameters when its report was built ({manifest}): {units}.",
    },
    "send.nothing_to_send_hint": {
        "ja": "parameters/<ユニット>.yamlのmail.toに宛先を加え、「nps-kit run」をもう一度実行して"
        "から送信してください。",
        "en": "Add addresses under mail.to in parameters/<unit>.yaml, run 'nps-kit run' again, "
        "then send.",
    },
    # What was sent and what was not after the SMTP server stopped answering.
    "send.stopped": {"ja": "送信を中止しました：{error}", "en": "sending stopped: {error}"},
    "send.stopped_sent": {"ja": "  送信済み：{units}", "en": "  sent:     {units}"},
    "send.stopped_not_sent": {"ja": "  未送信：{units}", "en": "  NOT sent: {units}"},
    "send.stopped_again": {
        "ja": "サーバーが応答するようになったら、同じコマンドをもう一度実行してください。"
        "送信済みのものは二度送られません。",
        "en": "Run the same command again when the server answers: what was sent is not sent "
        "twice.",
    },
    # The last line: how many units ended how (UnitOutcome.status); no units: alerts.no_units.
    "send.totals": {"ja": "{period}：{counts}。", "en": "{period}: {counts}."},
    "send.status.sent": {"ja": "送信{n}", "en": "{n} sent"},
    "send.status.written": {"ja": "アウトボックスに書き出し{n}", "en": "{n} written to the outbox"},
    "send.status.partial": {"ja": "一部拒否{n}", "en": "{n} partly refused"},
    "send.status.failed": {"ja": "送信失敗{n}", "en": "{n} failed"},
    "send.status.already_sent": {"ja": "送信済み{n}", "en": "{n} already sent"},
    "send.status.no_recipients": {"ja": "宛先なし{n}", "en": "{n} without recipients"},
    "send.status.no_responses_yet": {"ja": "回答待ち{n}", "en": "{n} without responses yet"},
    # The outbox's set-aside line (mail.log.set_aside_stale), the lock-wait line and an SMTP
    # server that cannot be reached (mail.deliver): send speaks English, alerts the run's
    # language, so that a Japanese project's scheduler log reads Japanese (FIX83).
    "delivery.set_aside": {
        "ja": "アウトボックス：以前の実行のメッセージ{n}件を{target}に移しました（{names}）。",
        "en": "outbox: {n} messages of an earlier run moved to {target} ({names}).",
        "en_one": "outbox: 1 message of an earlier run moved to {target} ({names}).",
    },
    "delivery.cannot_connect": {
        "ja": "SMTPサーバー{address}に接続できません（{reason}）。",
        "en": "cannot connect to SMTP server {address}: {reason}.",
    },
    "delivery.cannot_connect_hint": {
        "ja": "NPS_KIT_SMTP_HOSTとNPS_KIT_SMTP_PORTを確認してください。",
        "en": "Check NPS_KIT_SMTP_HOST and NPS_KIT_SMTP_PORT.",
    },
    "alerts.lock_wait": {
        "ja": "別の'nps-kit alerts'が実行中のため、終わるのを待っています（{lock}）。",
        "en": "another 'nps-kit alerts' is running; waiting for it ({lock})",
    },
    # A consent column's answers read as neither yes nor no (unit.consent_unread): run says
    # it in English, alerts in the unit's language (FIX83).
    "consent.unread": {
        "ja": "columns.contact：{column}に、可否のどちらとも読めない回答があります："
        "{listed}{more}。この回答をした人には連絡しません。連絡の許可または拒否を意味する回答なら、"
        "contact.consent_yesかcontact.consent_noに加えてください。",
        "en": "columns.contact: {column} has answers read as neither yes nor no: {listed}{more}; "
        "nobody who gave them is contacted. If they grant or refuse contact, list them under "
        "contact.consent_yes or contact.consent_no.",
    },
    "consent.unread_more": {"ja": "ほか{n}件", "en": " and {n} more"},
    # Why a unit's contact settings do not fit its export (unit.consent_problem,
    # unit.consent_left_unset, _contact_rule): run refuses the unit and alerts alerts nobody
    # of it, in the unit's language (FIX87). {column} is the column as the sentence quotes it,
    # {setting} as the parameter file writes it.
    "consent.reversed": {
        "ja": "columns.contact：{column}は連絡しないことを尋ねる設問のため、{yes}は連絡の拒否、"
        "{no}は許可を意味します。同意として読むと、連絡しないよう求めた方を一覧に載せてしまい"
        "ます。回答を逆にして指定してください：contact.consent_yes: [{no_word}]、"
        "contact.consent_no: [{yes_word}]。",
        "en": "columns.contact: {column} asks whether NOT to contact a respondent, so its {yes} "
        "refuses contact and its {no} grants it; read as consent it would list the people who "
        "asked not to be contacted. List its answers the other way round: contact.consent_yes: "
        "[{no_word}] and contact.consent_no: [{yes_word}].",
    },
    "consent.no_answers": {
        "ja": "columns.contact：{column}には可否の回答がないため、連絡を許可した方として数え"
        "られる人がいません。値は{listed}{more}です。",
        "en": "columns.contact: {column} holds no yes/no answers, so nobody would count as "
        "allowing contact; its values are {listed}{more}.",
    },
    "consent.few_answers": {
        "ja": "columns.contact：{column}の値{n}種類のうち、可否の回答は{read}種類だけのため、"
        "同意の設問ではありません。値は{listed}{more}です。",
        "en": "columns.contact: {column} holds few yes/no answers ({read} of its {n} values), "
        "so it is not a consent question; its values are {listed}{more}.",
    },
    "consent.left_unset": {
        "ja": "columns.contactがnullですが、{column}は{asks}設問です（回答：{listed}）。"
        "columns.contact_detailsを挙げたままでは、作業用ファイルに{who}方の連絡先が載って"
        "しまいます。",
        "en": "columns.contact is null, but {column} {asks} (answers: {listed}); with "
        "columns.contact_details listed, the work files would give the contact details of "
        "people {who}.",
    },
    "consent.asks_refusal": {
        "ja": "連絡しないことを尋ねる",
        "en": "asks whether NOT to contact",
    },
    "consent.asks_consent": {"ja": "連絡の同意を尋ねる", "en": "asks for consent to contact"},
    "consent.who_refused": {
        "ja": "連絡しないよう求めた",
        "en": "who asked not to be contacted",
    },
    "consent.who_said_no": {"ja": "連絡を断った", "en": "who said no"},
    "consent.hint_reversed": {
        "ja": "columns.contact: {setting}を設定し、連絡しないことを尋ねる設問なので回答を逆にして"
        "指定してください：contact.consent_yes: [{no_word}]、contact.consent_no: [{yes_word}]"
        "（init --fromが書くとおり）。",
        "en": "Set columns.contact: {setting} and, as it asks whether NOT to contact, list its "
        "answers the other way round: contact.consent_yes: [{no_word}] and "
        "contact.consent_no: [{yes_word}] (as init --from writes them).",
    },
    "consent.hint_set": {
        "ja": "columns.contact: {setting}を設定してください。",
        "en": "Set columns.contact: {setting}.",
    },
    "consent.hint_words": {
        "ja": "回答が可否として読めません。columns.contact: {setting}を設定し、連絡を許可する回答と"
        "拒否する回答をcontact.consent_yesとcontact.consent_noに挙げる（またはエクスポートで"
        "「はい／いいえ」に置き換える）か、columns.contact_detailsを外してください。",
        "en": "Its answers do not read as yes or no: set columns.contact: {setting} and list "
        "which answers grant contact and which refuse it under contact.consent_yes and "
        "contact.consent_no (or recode them to Yes/No in the export), or remove "
        "columns.contact_details.",
    },
    # What to do about consent.no_answers / few_answers (unit.consent_hint).
    "consent.hint": {
        "ja": "columns.contactには、可否で答える同意の設問（はい／いいえ、Yes/No、"
        "「はい、連絡してもよい」、連絡可／連絡不可、希望する／希望しない、1/0）を設定して"
        "ください。回答がほかの言い方なら、contact.consent_yesとcontact.consent_noに挙げて"
        "ください（またはエクスポートで「はい／いいえ」に置き換えてください）。電話番号と"
        "メールアドレスはcolumns.contact_detailsに挙げます。columns.contact: nullにできるのは"
        "同意の設問がないアンケートだけです。設問があるのにnullにすると、連絡を断った方の"
        "連絡先が一覧に載ってしまいます。",
        "en": "Set columns.contact to the survey's consent question, whose answers say yes or "
        "no (Yes/No, はい/いいえ, 「はい、連絡してもよい」, 連絡可/連絡不可, 希望する/希望しない, "
        "1/0); if its answers are worded otherwise, list them under contact.consent_yes and "
        "contact.consent_no (or recode them to Yes/No in the export). Phone numbers and e-mail "
        "addresses belong in columns.contact_details. Only a survey that asks no consent "
        "question may have columns.contact: null; with one, null would list the contact "
        "details of people who said no.",
    },
    # The run's last line: how many units ended how (AlertOutcome.status), in the units'
    # language when they share one.
    "alerts.counts": {"ja": "アラート（ユニット数）：{counts}。", "en": "alerts: {counts}."},
    "alerts.no_units": {"ja": "ユニットなし", "en": "no units"},
    "alerts.status.sent": {"ja": "送信{n}", "en": "{n} sent"},
    "alerts.status.partial": {"ja": "一部送信{n}", "en": "{n} partial"},
    "alerts.status.failed": {"ja": "送信失敗{n}", "en": "{n} failed"},
    "alerts.status.written": {"ja": "書き出し{n}", "en": "{n} written"},
    "alerts.status.nothing_new": {"ja": "新着なし{n}", "en": "{n} nothing new"},
    "alerts.status.skipped": {"ja": "スキップ{n}", "en": "{n} skipped"},
    "alerts.status.cannot_alert": {"ja": "送信不可{n}", "en": "{n} cannot alert"},
    # FIX87: the box is read by the unit's manager, who cannot set columns.contact_details:
    # what it means for them and whom to ask; the analyst's instruction is run's line
    # (followup.no_details_run), as BROWSE36 did for the alert e-mail.
    "followup.no_details": {
        "ja": "この一覧と作業用ファイルには電話番号もメールアドレスもありません。エクスポートの"
        "{name}で該当する方を探してください。連絡先を一覧に載せるには、分析担当者にご相談ください。",
        "en": "This list and its work files give no phone number or e-mail address: find each "
        "person by {name} in the export. To have contact details here, ask the analytics team.",
    },
    # QA34: without columns.id the list's "Response ID" is the row in the file; "find each
    # person by Response ID in the export" sent the reader to a column the export has not.
    # BROWSE35: the column is now headed as the row it is ({name}, followup.row_in_file); the
    # note under the list says the export has no id column.
    "followup.no_details_row": {
        "ja": "この一覧と作業用ファイルには電話番号もメールアドレスもありません。一覧の「{name}」が"
        "示すエクスポートの行で該当する方を探してください。連絡先を一覧に載せるには、"
        "分析担当者にご相談ください。",
        "en": "This list and its work files give no phone number or e-mail address: find each "
        "person in the export at the row the list's “{name}” gives. To have contact details "
        "here, ask the analytics team.",
    },
    # The analyst's side of followup.no_details, on run's output before any kernel starts.
    "followup.no_details_run": {
        "ja": "批判者の一覧と作業用ファイルに電話番号やメールアドレスが載りません"
        "（連絡先の列columns.contact_detailsが設定されていません）。",
        "en": "The follow-up list and its work files carry no phone number or e-mail address "
        "(no columns.contact_details is set).",
    },
    "contact.unlisted_found": {
        "ja": "initがエクスポートで見つけた連絡先の列は{columns}です。columns.contact_detailsに"
        "挙げると、作業用ファイルとアラートにコピーされます。",
        "en": "The e-mail and phone columns init finds in the export: {columns}; list them in "
        "columns.contact_details to copy them into the work files and alerts.",
    },
    # FIX44: what to do, not only that there is none.
    "contact.unlisted_none": {
        "ja": "エクスポートにはメールアドレスや電話番号の列がありません。回答者が連絡先を記入する"
        "設問を加えるか、アンケートツールの設定で連絡先の列をエクスポートに含め、その列を"
        "columns.contact_detailsに挙げてください。",
        "en": "The export has no e-mail or phone column: add a question where respondents leave "
        "one, or have the survey tool include an e-mail column in the export, then list it in "
        "columns.contact_details.",
    },
    "alerts_mail.threshold": {
        "ja": "対象：0〜{max}点の回答で、連絡を許可した方（前回までに通知した方を除く）。",
        "en": "Included: scores 0–{max} from people who allowed contact, not alerted before.",
    },
    "alerts_mail.threshold_details": {
        "ja": "対象：0〜{max}点の回答で、連絡先を残した方（前回までに通知した方を除く）。",
        "en": "Included: scores 0–{max} from people who left a way to reach them, not alerted "
        "before.",
    },
    "alerts_mail.footer": {
        "ja": "このメールは nps-kit alerts により自動送信されています。",
        "en": "This message was sent automatically by nps-kit alerts.",
    },
    "report.chart_alt": {"ja": "グラフ", "en": "Chart"},
    "report.facts_label": {"ja": "グラフの数値", "en": "Figures in this chart"},
    # A long table's fold under its first rows (report.table(first=)).
    "report.more_rows": {"ja": "残り{n}件を表示", "en": "Show {n} more rows"},
    # The strategies' fold under each segment's first action (report.recommendations).
    "report.more_recommendations": {
        "ja": "ほかの施策{n}件を表示",
        "en": "Show {n} more actions",
        "en_one": "Show 1 more action",
    },
    # Before the sections folded for analysts (nps_kit._fold): the manager may stop here.
    "report.analyst_part": {
        "ja": "ここから下は分析の詳細です（見出しを開くと表示されます）。",
        "en": "Below: the detail for analysts (open a heading to see it).",
    },
    "mail.verdict_no_change": {"ja": "有意な変化なし", "en": "no significant change"},
    "mail.verdict_improvement": {"ja": "有意に改善", "en": "significant improvement"},
    "mail.verdict_decline": {"ja": "有意に悪化", "en": "significant decline"},
    "discovery.covered": {"ja": "テーマが付いたコメント", "en": "Comments with a theme"},
    # JAREV: 「78.0% (354 / 454)」 in a Japanese report.
    "discovery.coverage": {
        "ja": "{share}（{comments}件中{tagged}件）",
        "en": "{share} ({tagged} / {comments})",
    },
    "discovery.comments_are": {
        "ja": "。コメントは何かを書いた回答です：期間内の{rows}件のうち{rest}件はコメントなし"
        "（空欄、「特になし」「n/a」、連絡先だけ。一覧のテーマは「—」）",
        "en": "; a comment is an answer that says something: {rest} of the period's {rows} rows "
        "have none (blank, 'n/a', 'nothing', only a way to reach them; Themes '—' in the lists)",
    },
    "discovery.words_alone": {
        "ja": "（テーマの語句だけでは{share:.1f}%）",
        "en": "; by the themes' words alone {share:.1f}%",
    },
    "discovery.unscored": {
        "ja": "。{comments}件には有効なスコアのない{unscored}件を含みます"
        "（追加設問の「回答者{scored}人がコメント」はスコアのある回答だけを数えます）",
        "en": "; the {comments} comments include {unscored} without a valid score "
        "(the follow-up questions' '{scored} respondents commented' count only scored ones)",
    },
    "discovery.phrases": {
        "ja": "テーマの語句を含まないコメントに多い語句（件数）",
        "en": "Frequent phrases in comments without any theme's words (count)",
    },
    "discovery.dropped": {
        "ja": "テーマの語句はあるが、コメント全体からはそのテーマではないと判定された"
        "コメントに多い語句（件数）",
        "en": "Frequent phrases in comments whose theme words were judged, from the comment "
        "as a whole, not to name that theme (count)",
    },
    "discovery.unread": {
        "ja": "テーマパックが読まない言語のコメント",
        "en": "Comments in a language no theme pack reads",
    },
    "discovery.unread_value": {
        "ja": "{share:.1f}%（{comments}件中{n}件）：{languages}。"
        "テーマパックの語句も学習済みの層もテーマを読み取らず、賛否も付けません（スコアからも）。"
        "themes.yaml に書いた独自の語句はテーマを付けます（賛否は「中立」）",
        "en": "{share:.1f}% ({n} / {comments}): {languages}; no pack's words nor learned layer "
        "read themes in them and no polarity is given (not the score's either); the words of "
        "your own themes.yaml do tag them, as neutral mentions",
    },
    "discovery.unread_one": {"ja": "{name}{n}件", "en": "{name} {n}"},
    "discovery.warning_unread": {
        "ja": "注意：テーマの語句を含むコメントは{share:.0f}%だけです。コメントの多くは{languages}"
        "で、どのテーマパックもこの言語を読みません（別のパックを選んでも変わりません）。"
        "その言語の語句を themes.yaml に書けば、テーマが付きます（賛否は「中立」）",
        "en": "Warning: only {share:.0f}% of comments contain a theme's words. Most comments are "
        "in {languages}, which no theme pack reads (another pack would not help); words of "
        "that language written in themes.yaml tag them, as neutral mentions",
    },
    "discovery.warning": {
        "ja": "注意：テーマの語句を含むコメントは{share:.0f}%だけです。別のテーマパック（{packs}）"
        "を選ぶか、themes.yaml に語句を追加してください",
        "en": "Warning: only {share:.0f}% of comments contain a theme's words. Choose another "
        "theme pack ({packs}) or add phrases to themes.yaml",
    },
    "discovery.split": {"ja": "1つのテーマに集中", "en": "One theme holds most comments"},
    "discovery.split_value": {
        "ja": "「{theme}」がテーマの付いたコメント{tagged}件の{share:.0f}%を占めています。"
        "内容ごとのテーマに分けると、対策がそれぞれの担当に届きます。よく出る語：{phrases}。"
        "themes.yaml に貼る形は nps-kit themes EXPORT --text-column COL --suggest が出力します",
        "en": "{theme} holds {share:.0f}% of the {tagged} comments with a theme: split it into "
        "themes of their own, so that each action reaches the team it concerns. Its most "
        "frequent words: {phrases}. nps-kit themes EXPORT --text-column COL --suggest writes "
        "them in the form themes.yaml takes",
    },
    "discovery.split_one": {"ja": "{phrase}（{n}件）", "en": "{phrase} ({n})"},
    "overview.period_units": {
        "ja": "（レポート{total}件中{ok}件を作成）",
        "en": " ({ok} of {total} units' reports)",
    },
    # Which order a returned work file's dates that read both ways were read in, and why
    # (followup_files._TeamDates.note): the report's box and run's note, in the unit's
    # language (MSG44).
    "followup_files.order_note": {
        "ja": "{what}：どちらの順にも読める日付（12を超える日がないもの）は{order}で読みました"
        "（3/4/2026は{example}）：{why}。チームが{other}で書いているなら、ユニットのtimezoneを"
        "チームのものにしてください。",
        "en": "{what}: the dates that read both ways (no day over 12) were read {order} "
        "(3/4/2026 is {example}): {why}. If the team writes them {other}, set the unit's "
        "timezone to theirs.",
    },
    "followup_files.month-first": {"ja": "月が先", "en": "month-first"},
    "followup_files.day-first": {"ja": "日が先", "en": "day-first"},
    "followup_files.example.month-first": {"ja": "3月4日", "en": "March 4"},
    "followup_files.example.day-first": {"ja": "4月3日", "en": "3 April"},
    "followup_files.why.zone": {
        "ja": "ユニットのタイムゾーンがチームの日付の書き方を示す",
        "en": "the unit's time zone says how its team writes dates",
    },
    "followup_files.why.other_dates": {
        "ja": "ファイルのほかの日付に12を超える日がある",
        "en": "a day over 12 among the file's other dates shows it",
    },
    "followup_files.why.export": {
        "ja": "ユニットはエクスポートの日付を{order}で読む（data.date_formatまたは判定結果）",
        "en": "the unit reads its export's dates {order} (data.date_format, or detected)",
    },
    # Every command's --help and its options' refused values (nps_kit._cli_words, MSG44).
    **CLI_WORDS,
}


def t(key: str, lang: Language, **values: object) -> str:
    """Return the catalogue's words for ``key`` in ``lang``, with ``values`` filled in.

    Parameters
    ----------
    key
        A catalogue key: a shared label (``"promoter"``) or a module's word (``"sections.title"``).
    lang
        ``"ja"`` or ``"en"``.
    **values
        Values for the ``{name}`` fields of the words; none leaves the template as it is. When
        the count (``n``, else ``count``) is 1, an entry's ``en_one`` form is used in English.

    Returns
    -------
    str
        The words.

    Raises
    ------
    KeyError
        If the key or language is unknown (a programming error, not a user error).
    """
    words = _CATALOGUE[key]
    text = words[lang]
    count = values.get("n", values.get("count"))
    if count is not None and str(count).strip() == "1":
        text = words.get(f"{lang}_one", text)  # "1 response", not "1 responses"
    return text.format(**values) if values else text


def interval_label(level: float, lang: Language) -> str:
    """Name a confidence interval at ``level``: ``95%信頼区間`` / ``90% interval``."""
    return t("ci_level", lang, percent=f"{level * 100:g}%")


def interval_text(low: float, high: float, lang: Language) -> str:
    """Write an interval's ends in NPS points: ``−2.0〜+25.1`` or ``−2.0 to +25.1``.

    The one way every table, chart text and overview writes an interval, so an English page
    never shows the Japanese wave dash. Both ends carry their sign and a true minus (U+2212);
    an end of zero is ``0.0`` as :func:`nps_text` writes it (``±0.0`` is a change's zero).
    """
    return join_interval(nps_text(low), nps_text(high), lang)


def join_names(names: Iterable[str], lang: Language) -> str:
    """Join names in a sentence: ``a.csv, b.csv`` (en) or ``a.csv、b.csv`` (ja).

    Parameters
    ----------
    names
        The names, already written as they should read.
    lang
        The sentence's language.

    Returns
    -------
    str
        The names joined by the language's list separator.
    """
    return ("、" if lang == "ja" else ", ").join(names)


def hidden_month(when: str, n: int, min_n: int | None, lang: Language) -> str:
    """Say a month under the anonymity floor: its name, then its responses and the floor.

    ``September 2026 (3 responses, fewer than 5: not shown)``,
    ``2026年9月（回答3件：5件未満のため非表示）``. The one wording of the trend chart's note
    (:mod:`nps_kit.plot`) and the headline's note of a change card not shown
    (:mod:`nps_kit.sections`).

    Parameters
    ----------
    when
        The month, already written (:func:`nps_kit.periods.format_period`).
    n
        Its responses.
    min_n
        The floor (``thresholds.min_report_n``).
    lang
        The sentence's language.
    """
    said = t("overview.under_floor", lang, n=n, min_n=min_n)
    return f"{when}（{said}）" if lang == "ja" else f"{when} ({said})"


def join_interval(low: str, high: str, lang: Language) -> str:
    """Join an interval's two written ends: ``−2.0〜+25.1`` (ja) or ``−2.0 to +25.1`` (en).

    For ends written another way (more digits where a bound would read 0); otherwise
    :func:`interval_text`.
    """
    return t("interval", lang, low=low, high=high)


def signed_number(value: float | None, *, digits: int = 1, plus_zero: bool = True) -> str:
    """Write a number of points with its sign and a true minus: ``+2.1``, ``−0.4``.

    The one place a number gets its sign: differences (``±0.0`` for none) and, with
    ``plus_zero=False``, an NPS, which is ``0.0`` when it is zero (:func:`points`, the e-mail's
    subject and headline). A value that rounds to zero at ``digits`` decimals is zero: never
    ``−0.0`` (QA22: "other groups … −0.0 pts", an interval "−0.0 to +70.6"). ``None`` and NaN
    are an em dash.
    """
    if value is None or value != value:
        return "—"
    if round(value, digits) == 0:
        return ("±" if plus_zero else "") + f"{0:.{digits}f}"
    return f"{value:+.{digits}f}".replace("-", "\u2212")


def nps_text(value: float | None, *, digits: int = 1, ascii_minus: bool = False) -> str:
    """Write an NPS: ``+1.0``, ``0.0``, ``−4.9``; the one format of an NPS everywhere.

    The report's headline, tables and charts, the overview, the e-mail's subject and body and
    the notes all write an NPS so (FIX64: the demo's headline said ``1.0`` where its e-mail
    subject said ``+1.0``). A positive NPS carries its ``+``, as the scale runs from −100 to
    +100; zero is ``0.0``, not ``±0.0``, which is a change's zero (:func:`signed_number`) and
    would read as "no change" or as an uncertainty beside an interval. A true minus (U+2212),
    as every number nps-kit writes. ``None`` and NaN are an em dash.

    ``ascii_minus=True`` writes the minus as ASCII ``-`` (``-4.9``) for a console, whose lines
    scripts may read with ``float()`` or awk, and whose Windows code page (cp1252) has no
    U+2212; the sign rule is the same.
    """
    text = signed_number(value, digits=digits, plus_zero=False)
    return text.replace("\u2212", "-") if ascii_minus else text


def number(value: float | None, *, digits: int = 1, grouped: bool = False) -> str:
    """Write a number without a plus sign, with a true minus: ``−4.9``, ``12.0``, ``0.0``.

    The unsigned twin of :func:`signed_number` (shares, means, counts; an NPS is
    :func:`nps_text`). A value that rounds to zero prints ``0.0``, never ``−0.0``;
    ``grouped`` adds thousands separators (``1,234.5``). ``None`` and NaN are an em dash.
    """
    if value is None or value != value:
        return "—"
    if round(value, digits) == 0:
        value = 0.0
    return f"{value:{',' if grouped else ''}.{digits}f}".replace("-", "\u2212")


def label(key: str, lang: Language) -> str:
    """Return the shared label ``key`` in ``lang``.

    Parameters
    ----------
    key
        One of the keys of the shared table, e.g. ``"promoter"`` or ``"no_change"``.
    lang
        ``"ja"`` or ``"en"``.

    Returns
    -------
    str
        The label.

    Raises
    ------
    KeyError
        If the key or language is unknown (a programming error, not a user error).
    """
    return t(key, lang)


def points(value: float | None, lang: Language, *, signed: bool = True, digits: int = 1) -> str:
    """Format an NPS value in points, e.g. ``−4.9ポイント`` or ``+3.2 pts``.

    Japanese writes the unit without a space (「+2.1ポイント」), English with one. An NPS (or
    a gap to a target) is signed as :func:`nps_text` writes it; ``signed=False`` for a
    magnitude ("fell by 3.0 pts").

    Uses a true minus sign (U+2212) so that negative values read well in reports. ``None`` and NaN
    format as an em dash.
    """
    if value is None or value != value:
        return "—"
    text = nps_text(value, digits=digits) if signed else number(value, digits=digits)
    return f"{text}ポイント" if lang == "ja" else f"{text} pts"


def change_points(value: float | None, lang: Language, *, digits: int = 1) -> str:
    """Format a change in points, ``+3.2 pts``, ``±0.0ポイント`` when there is none.

    The one spelling of a change beside another change (:func:`signed_number`'s ``±0.0``, as
    the e-mail's 「前月比±0.0」 writes it): QA27 saw "±0.0 vs previous month" beside "What moved
    the 0.0 pts" in one box. An NPS itself stays ``0.0`` (:func:`points`).
    """
    if value is None or value != value:
        return "—"
    text = signed_number(value, digits=digits)
    return f"{text}ポイント" if lang == "ja" else f"{text} pts"


def impact_n_text(detractors: int, lang: Language) -> str:
    """Say how many detractors the theme impact metric counts: this theme's detractors.

    The one wording of the metric's n (``detractors`` of :func:`nps_kit.text.theme_impact`:
    the detractors who complain about the theme or ask for it to be improved), shared by
    :func:`impact_text` and the theme chart, e.g. ``不満・要望のある批判者12人``.

    Parameters
    ----------
    detractors
        This theme's detractors.
    lang
        ``"ja"`` or ``"en"``.
    """
    return t("impact_n_count", lang, n=f"{detractors:,}")


def impact_text(
    gain: float | None,
    detractors: int | None,
    lang: Language,
    *,
    scope: Scope = "all",
) -> str:
    """Say the NPS points gained if this theme's detractors became passives, with its n.

    The one wording of the theme impact metric (``nps_gain`` of
    :func:`nps_kit.text.theme_impact`), shared by the strategy cards and the e-mail, e.g.
    ``…中立者になった場合のNPS改善幅（自由回答全体）：+4.3ポイント（不満・要望のある批判者12人）``.
    It is computed over all of a respondent's open answers together (``scope="all"``) or over
    those that give a reason, not an improvement request (``"reasons"``), so it says which: the
    theme table of one question, computed over that question's answers, may show a different
    figure.

    Parameters
    ----------
    gain
        The metric in NPS points; ``None`` or NaN shows an em dash.
    detractors
        This theme's detractors, who complain about it or ask to improve it (the metric's n,
        :func:`impact_n_text`); ``None`` leaves it out.
    lang
        ``"ja"`` or ``"en"``.
    """
    colon = "：" if lang == "ja" else ": "
    return f"{impact_name(lang, scope=scope)}{colon}{impact_value(gain, detractors, lang)}"


def impact_name(lang: Language, *, scope: Scope = "all") -> str:
    """Name the theme impact metric as :func:`impact_text` does, for a list's heading.

    A list of themes names the metric once above its rows, each row then giving
    :func:`impact_value` (QA22: the e-mail's plain text repeated the long name on every line).
    """
    # Over every open answer of a respondent, or those giving reasons: a question's own theme
    # table may differ.
    if lang == "ja":
        over = "自由回答全体" if scope == "all" else "改善要望を除く自由回答"
        return f"{label('impact', lang)}（{over}）"
    over = "all open answers" if scope == "all" else "reasons given, not improvement requests"
    return f"{label('impact', lang)} ({over})"


def impact_value(gain: float | None, detractors: int | None, lang: Language) -> str:
    """Write the metric's value with its n, as :func:`impact_text` does after the name."""
    value = points(gain, lang, signed=True)
    if lang == "ja":
        n = "" if detractors is None else f"（{impact_n_text(detractors, lang)}）"
        return f"{value}{n}"
    n = "" if detractors is None else f" ({impact_n_text(detractors, lang)})"
    return f"{value}{n}"


def phrase_breaks(text: str) -> list[int]:
    """Return the positions where a line may break in ``text`` without splitting a word.

    After spaces, Japanese punctuation (、・：）」×) and particles (の, が, を, に, は, で, と),
    before an opening bracket, and where two or more hiragana (a phrase's ending) meet a kanji,
    katakana or Latin word, so that 「…場合の」 + 「NPS改善幅」 keeps each word whole; never
    before closing punctuation (no line starts with 。 or ）). Charts wrap their titles here
    and report tables their headings (Japanese has no spaces, and the report's
    ``word-break: keep-all`` breaks it nowhere else).
    """
    points = [i + 1 for i, ch in enumerate(text) if ch in " 、・：）」×"]
    points += [i + 1 for i, ch in enumerate(text) if ch in "のがをにはでと"]
    points += [i for i, ch in enumerate(text) if ch in "（「" and i > 0]
    # where a phrase's hiragana ending meets the next word: 「言及した」+「コメント」
    points += [
        i
        for i in range(2, len(text))
        if _is_hiragana(text[i - 2]) and _is_hiragana(text[i - 1]) and _starts_word(text[i])
    ]
    # Never before closing punctuation: a line of its own "。" (BROWSE33, the trend's note
    # "…目安になりません）" + "。") breaks Japanese line-start rules (kinsoku).
    return sorted(set(p for p in points if 0 < p < len(text) and text[p] not in _NO_LINE_START))


#: What no Japanese line begins with (closing brackets and punctuation).
_NO_LINE_START = frozenset("。、，．）」』】〕：・！？")


def _is_hiragana(ch: str) -> bool:
    return "\u3041" <= ch <= "\u309f"


def _starts_word(ch: str) -> bool:
    """Kanji, katakana or a Latin letter or digit: what follows a phrase's hiragana ending."""
    kanji, katakana = "\u4e00" <= ch <= "\u9fff", "\u30a1" <= ch <= "\u30fa"
    return kanji or katakana or (ch.isascii() and ch.isalnum())


def shown_redactions(text: str, lang: Language) -> str:
    """Show a redacted comment's masks (``[PHONE]``) in the reader's language (［電話番号］).

    Parameters
    ----------
    text
        A comment as :func:`nps_kit.text.redaction.redact` left it.
    lang
        The report's language.

    Returns
    -------
    str
        ``text`` with each mask in ``lang``'s words; English keeps ``[PHONE]``.
    """
    from nps_kit.text.redaction import KINDS, placeholder

    for kind in KINDS:
        mask = placeholder(kind)
        if mask in text:
            text = text.replace(mask, t(f"redacted.{kind}", lang))
    return text
