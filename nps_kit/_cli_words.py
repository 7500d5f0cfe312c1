"""The command line's own words: ``--help`` and argparse's usage errors, in both languages.

``nps_kit.i18n`` takes :data:`WORDS` into its catalogue, so a command says its help with
``t("help.<command>.<option>", lang)`` as it says everything else; it lives here to keep the
catalogue's module from growing by the length of every command's help. Keys:
``help.<command>`` (the line in ``nps-kit --help``'s list), ``help.<command>.about`` (the
description ``nps-kit <command> --help`` opens with) and ``help.<command>.<dest>`` (an option's
or argument's help); ``help.<dest>`` where several commands say the same;
``usage.<command>.<dest>``, an option's value refused as it is read (``--fiscal-start 13``).

:data:`ARGPARSE_JA` is argparse's own messages ("the following arguments are required: %s",
"usage: "), keyed by the English template argparse passes to gettext, as a gettext catalogue
would be: :func:`nps_kit.cli.main` hands them to argparse while it builds the parser and
reads the command line of a Japanese project (MSG44). A message argparse adds in a later
Python and that is not here stays English.
"""

from __future__ import annotations

__all__ = ["ARGPARSE_JA", "WORDS"]

#: argparse's message templates (Python 3.11–3.13), English as argparse writes them, then the
#: Japanese. The "error:" tag stays as every command writes it, so that one search finds the
#: errors in a log (README, "Command reference").
ARGPARSE_JA: dict[str, str] = {
    "usage: ": "使い方：",
    "positional arguments": "引数",
    "options": "オプション",
    "optional arguments": "オプション",
    "show this help message and exit": "このヘルプを表示して終了します",
    "show program's version number and exit": "nps-kitのバージョンを表示して終了します",
    "argument %(argument_name)s: %(message)s": "%(argument_name)s：%(message)s",
    "%(prog)s: error: %(message)s\n": "%(prog)s: error: %(message)s\n",
    "unrecognized arguments: %s": "このコマンドにない引数です：%s",
    "the following arguments are required: %s": "次の引数を指定してください：%s",
    "one of the arguments %s is required": "%sのいずれかを指定してください",
    "expected one argument": "値を1つ指定してください",
    "expected at most one argument": "値は1つまでです",
    "expected at least one argument": "値を1つ以上指定してください",
    "expected %s argument": "値を%s個指定してください",
    "expected %s arguments": "値を%s個指定してください",
    "ambiguous option: %(option)s could match %(matches)s": (
        "%(option)sはどのオプションか決まりません（候補：%(matches)s）"
    ),
    "not allowed with argument %s": "%sと同時には指定できません",
    "ignored explicit argument %r": "値を取らないオプションです（書かれている値：%r）",
    "invalid %(type)s value: %(value)r": "%(type)sの値として読めません：%(value)r",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "%(value)rは選べません（選べるもの：%(choices)s）"
    ),
    "unknown parser %(parser_name)r (choices: %(choices)s)": (
        "%(parser_name)rというコマンドはありません（コマンド：%(choices)s）"
    ),
    "can't open '%(filename)s': %(error)s": "「%(filename)s」を開けません：%(error)s",
    "unexpected option string: %s": "%sはここでは指定できません",
}

_LANGUAGE_EN = (
    "language of what the command prints (default: the language of defaults.yaml in the "
    "parameters folder, --parameters or ./parameters, else Japanese in a Japanese locale such "
    "as LANG=ja_JP.UTF-8, else English); figures, column names and the json/csv keys are the "
    "same in both"
)
_LANGUAGE_JA = (
    "コマンドが表示する言語（既定：パラメーターフォルダー（--parametersまたは./parameters）の"
    "defaults.yamlのlanguage、なければLANG=ja_JP.UTF-8のような日本語のロケールでは日本語、"
    "それ以外は英語）。数値、列名、json/csvのキーはどちらでも同じです"
)
_DATE_FORMAT = {
    "ja": "1/2/2026のような日付の読み方：month-first（月が先）、day-first（日が先）か"
    "strftimeの書式",
    "en": "month-first, day-first or a strftime pattern, for dates like 1/2/2026",
}
_DRY_RUN = {
    "ja": "送信せずに、各メッセージを{outbox}/<unit>.emlに書き、誰に何が届くかを一覧にします。"
    "何も記録しません。尋ねたユニットについて前回そこに残されたメッセージは、隣の"
    "earlier-<UTC time>/に移します",
    "en": "write each message to {outbox}/<unit>.eml and list who would receive what, instead "
    "of sending; logs nothing. The asked units' messages an earlier run left there are moved to "
    "earlier-<UTC time>/ beside them",
}


def _dry_run(outbox: str) -> dict[str, str]:
    """Return ``--dry-run``'s help for a command whose outbox is ``outbox``."""
    return {lang: text.format(outbox=outbox) for lang, text in _DRY_RUN.items()}


WORDS: dict[str, dict[str, str]] = {
    # nps-kit --help
    "help.about": {
        "ja": "NPSアンケートのエクスポートを集計し、ユニットごとのHTMLレポートを作り、"
        "メールで送ります。",
        "en": "Score NPS survey exports, build per-unit HTML reports and e-mail them.",
    },
    "help.version": {
        "ja": "nps-kitのバージョンを表示して終了します",
        "en": "show program's version number and exit",
    },
    # Shared by several commands.
    "help.export": {"ja": "アンケートのエクスポートのファイル", "en": "the survey export file"},
    "help.sheet": {
        "ja": "XLSXのシート名、または0から数えたシートの番号",
        "en": "XLSX sheet name or 0-based index",
    },
    "help.encoding_cp932": {
        "ja": "文字コード。例：cp932（既定：自動判定）",
        "en": "text encoding, e.g. cp932 (default: detect)",
    },
    "help.date_format": _DATE_FORMAT,
    "help.parameters": {
        "ja": "defaults.yamlと<unit>.yamlのあるフォルダー（既定：parameters）",
        "en": "folder with defaults.yaml and <unit>.yaml (default: parameters)",
    },
    "help.language": {"ja": _LANGUAGE_JA, "en": _LANGUAGE_EN},
    "help.output_format_table": {
        "ja": "出力の形式（既定：table）",
        "en": "output format (default: table)",
    },
    # nps-kit score
    "help.score": {
        "ja": "アンケートのエクスポートを集計します（CSV/TSV、XLSX、Parquet、Qualtrics、"
        "SurveyMonkey、Forms）",
        "en": "score a survey export (CSV/TSV, XLSX, Parquet; Qualtrics, SurveyMonkey, Forms)",
    },
    "help.score.about": {
        "ja": "アンケートのエクスポートを読み、NPSとその95%信頼区間（調整Wald法）を全体と"
        "グループごとに表示します。無回答と無効な点数は除いて数えます。",
        "en": "Read a survey export and print NPS with its 95% adjusted-Wald interval, overall "
        "and per group. Missing and invalid scores are excluded and counted.",
    },
    "help.score.score_column": {"ja": "0〜10の点数の列", "en": "column with the 0–10 score"},
    "help.score.by": {
        "ja": "この列でグループに分けます（繰り返し指定できます）",
        "en": "group by this column (repeatable)",
    },
    "help.score.period": {
        "ja": "--date-columnの暦の期間でもグループに分けます。または年度（FY2026、始まる年で"
        "呼びます。英語では、1月に始まる年度でない限り終わる年で呼びます。プロジェクトの"
        "fiscal_year_named_byがあればそのとおり）か四半期（FY2026 Q1、年度の最初の3か月）で"
        "分けます",
        "en": "also group by calendar period of --date-column, or by fiscal year (FY2026, named "
        "by the year it starts in; in English by the year it ends in unless it starts in "
        "January, or as the project's fiscal_year_named_by says) or fiscal quarter (FY2026 Q1, "
        "its first three months)",
    },
    "help.score.fiscal_start": {
        "ja": "--period fiscal-year|fiscal-quarterの年度の最初の月、1〜12（既定：--parameters"
        "があればプロジェクトのfiscal_year_start、なければコマンドの言語により、日本語では4"
        "（4月）、英語では1（1月）。使った月は注記で示します）",
        "en": "first month of the fiscal year for --period fiscal-year|fiscal-quarter, 1-12 "
        "(default: with --parameters the project's fiscal_year_start, else by the command's "
        "language: 4, April, in Japanese, 1, January, in English; a note says the month used)",
    },
    "help.score.date_column": {"ja": "回答日の列", "en": "column with the response date"},
    "help.score.weight_column": {"ja": "回答の重みの列", "en": "column with response weights"},
    "help.score.id_column": {
        "ja": "回答IDの列：重複したIDを数えます（--dedupeで除きます）",
        "en": "column with the response id: repeated ids are counted (dropped with --dedupe)",
    },
    "help.score.dedupe": {
        "ja": "前の行（または--id-columnのID）と重複する行を除きます。--dedupe resubmissions"
        "は二重送信（フォームの送信ボタンを2回押したときのように、1分以内にすべての答えが"
        "繰り返されたもの。--date-columnが必要）も除きます。nps-kit runのパラメーターの"
        "dedupe: trueとdedupe: resubmissionsと同じで、数値がレポートと一致します",
        "en": "drop rows repeating an earlier row (or its --id-column id); --dedupe "
        "resubmissions also drops double submissions (every answer repeated within a minute, as "
        "a second click on a form's Submit makes; needs --date-column), as dedupe: true / "
        "resubmissions in the parameters of nps-kit run does, so the figures match the report's",
    },
    "help.score.dedupe_keep": {
        "ja": "--dedupeが重複した--id-columnのIDのどの回答を残すか：時刻の最も早いもの（既定）"
        "か最も遅いもの（フォローアップの後に評価し直した顧客）。nps-kit runのパラメーターの"
        "data.dedupe_keepと同じです。--dedupeが必要です",
        "en": "which answer of a repeated --id-column id --dedupe keeps: the earliest in time "
        "(the default) or the latest (a customer who re-rated after a follow-up), as "
        "data.dedupe_keep in the parameters of nps-kit run does; needs --dedupe",
    },
    "help.score.exclude": {
        "ja": "COLがVALUEの行（社員のテストなど）を除きます（繰り返し指定できます）。nps-kit "
        "runのパラメーターのdata.excludeと同じで、数値がレポートと一致します",
        "en": "leave out the rows whose COL is VALUE, a staff test say (repeatable), as "
        "data.exclude in the parameters of nps-kit run does, so the figures match the report's",
    },
    "help.score.parameters": {
        "ja": "パラメーターフォルダー（defaults.yamlと<unit>.yaml）：DATAを読むユニットの行の"
        "規則（dedupe、data.exclude、data.unfinished、data.missing_values）を適用し、--byの"
        "ユニットの列では名称変更前の名前（data.filter.previous_names）を現在の名前で数えます。"
        "nps-kit runがユニットをレポートするとおりです。指定しなければ、./parametersの規則は"
        "注記で示すだけで適用しません",
        "en": "a parameters folder (defaults.yaml and <unit>.yaml): the row rules of the units "
        "reading DATA (dedupe, data.exclude, data.unfinished, data.missing_values) are applied "
        "and a --by unit column counts a renamed unit's earlier name "
        "(data.filter.previous_names) under its current one, as nps-kit run reports the unit; "
        "without it, those of ./parameters are said in a note, not applied",
    },
    "help.score.codes": {
        "ja": "--parametersなしで：アンケートのコード表（CSVかXLSX：設問、コード、ラベル）。"
        "コードの答えをそのラベルとして数えます。nps-kit init --codesと同じ読み方です"
        "（既定：ワークブックにコード表のシートがあればそれ）",
        "en": "without --parameters: the survey's code table (CSV or XLSX: question, code, "
        "label), whose labels coded answers are counted as, as nps-kit init --codes reads it "
        "(default: a code-table sheet of the workbook, if any)",
    },
    "help.score.no_codes": {
        "ja": "--parametersなしで：コードの答えをワークブックのコード表のラベルでなく、"
        "書かれたとおりに数えます",
        "en": "without --parameters: count coded answers as written, not as the labels of the "
        "workbook's code table",
    },
    "help.score.strict": {
        "ja": "無効な点数や読めない日付があれば、除かずに失敗します",
        "en": "fail on any invalid score or unreadable date instead of excluding it",
    },
    "help.score.level": {"ja": "信頼水準（既定：0.95）", "en": "confidence level (default: 0.95)"},
    "help.score.min_n": {
        "ja": "回答がこれより少ないグループを少数サンプルとして示します（既定：30）",
        "en": "flag groups with fewer responses as small samples (default: 30)",
    },
    "help.score.min_report_n": {
        "ja": "回答がこれより少ないグループの結果を隠します。0ですべて表示します（既定："
        "--parametersのthresholds.min_report_n、なければ5）",
        "en": "hide results of groups with fewer responses; 0 shows all (default: "
        "thresholds.min_report_n of --parameters, else 5)",
    },
    # nps-kit inspect
    "help.inspect": {
        "ja": "アンケートのエクスポートの中身を表示します：形式、文字コード、日付とすべての列",
        "en": "show what a survey export holds: format, encoding, dates and every column",
    },
    "help.inspect.about": {
        "ja": "アンケートのエクスポートを1画面で説明します：形式、文字コード、見出し行、回答数と"
        "日付の範囲、次にすべての列について、QualtricsのQIDと設問文、判定した種類、異なる値、"
        "空欄と例。NPSの設問らしい列を示します。0〜10の列がないファイルも説明したうえで、"
        "NPSのエクスポートではないと伝えます（終了ステータス2）。",
        "en": "Describe a survey export on one screen: format, encoding, header rows, responses "
        "and date range, then every column with its Qualtrics QID and question text, detected "
        "kind, distinct values, blanks and a sample. Names the likely NPS question; a file with "
        "no 0–10 column is still described, then said to be no NPS export (exit status 2).",
    },
    "help.inspect.encoding": {
        "ja": "文字コード。例：cp1252（既定：自動判定）",
        "en": "text encoding, e.g. cp1252 (default: detect)",
    },
    "help.inspect.codes": {
        "ja": "アンケートのコード表（CSVかXLSX：設問、コード、ラベル）：コードの答えをその"
        "ラベルとして説明します（既定：ワークブックにコード表のシートがあればそれ）",
        "en": "the survey's code table (CSV or XLSX: question, code, label): coded answers are "
        "described as their labels (default: a code-table sheet of the workbook, if any)",
    },
    "help.inspect.parameters": {
        "ja": "プロジェクトのパラメーターフォルダー。表、注記とエラーをそのdefaults.yamlの"
        "languageで表示します（既定：./parametersがあればそれ）",
        "en": "the project's parameters folder, whose defaults.yaml language the table, notes "
        "and errors are said in (default: ./parameters, if any)",
    },
    # nps-kit run
    "help.run": {
        "ja": "すべてのユニット（または指定したユニット）のHTMLレポートを作ります",
        "en": "build the HTML report of every unit (or the units named)",
    },
    "help.run.about": {
        "ja": "パラメーターファイルを検証してから、ユニットごとのレポートノートブックを起動済みの"
        "カーネルで並列に実行し、reports/<period>/<unit>.html、<unit>.ipynb、index.htmlと"
        "manifest.jsonを書きます。UNITも--allもなければ、すべてのユニットを実行します。"
        "ノートブックが失敗したユニットはreports/<period>/_failed/に残し、ほかのユニットは"
        "続けます。そのときの終了ステータスは1です。",
        "en": "Validate the parameter files, then execute the report notebook for each unit in "
        "parallel on warm kernels and write reports/<period>/<unit>.html, <unit>.ipynb, "
        "index.html and manifest.json. With no UNIT and no --all, every unit runs. A unit whose "
        "notebook fails is kept in reports/<period>/_failed/ and the others carry on; the exit "
        "status is then 1.",
    },
    "help.run.units": {
        "ja": "ユニットID（parameters/<UNIT>.yaml）",
        "en": "unit ids (parameters/<UNIT>.yaml)",
    },
    "help.run.all": {
        "ja": "すべてのユニットを実行します（既定）",
        "en": "run every unit (the default)",
    },
    "help.run.period": {
        "ja": "すべてのユニットでレポートする月。'latest'（データが揃った最新の月）か'current'"
        "（揃っていなくてもデータのある最新の月）も使えます。既定：各ユニットのperiod",
        "en": "month to report for every unit, 'latest' (the latest complete month) or "
        "'current' (the latest month with data, complete or not); default: each unit's period",
    },
    "help.run.jobs": {
        "ja": "同時に実行するユニットの数（既定：CPUのコア数）",
        "en": "units run at once (default: number of CPU cores)",
    },
    "help.run.output": {
        "ja": "レポートのフォルダー（既定：reports）",
        "en": "reports folder (default: reports)",
    },
    "help.run.notebook": {
        "ja": "自分のノートブックがないユニットのレポートノートブック（既定：パラメーター"
        "フォルダーの隣のnotebooks/nps_report.ipynb、なければnps-kitに同梱のもの）",
        "en": "report notebook for units without a notebook of their own (default: "
        "notebooks/nps_report.ipynb next to the parameters folder, else the one bundled with "
        "nps-kit)",
    },
    "help.run.fresh_kernels": {
        "ja": "ユニットごとに通常のpapermillで新しいカーネルを起動します（遅くなります）",
        "en": "start a new kernel per unit with plain papermill (slower)",
    },
    "help.run.scheduler": {
        "ja": "ユニットをDaskクラスターで実行します。例：tcp://host:8786（既定："
        "$NPS_KIT_SCHEDULER、なければこのマシン）",
        "en": "run the units on a Dask cluster, e.g. tcp://host:8786 (default: "
        "$NPS_KIT_SCHEDULER, else this machine)",
    },
    "help.run.cache_dir": {
        "ja": "読み込んだエクスポートのキャッシュの場所（既定：<output>/.cache。クラスターでは"
        "すべてのワーカーから見えるフォルダー）",
        "en": "where the parsed export is cached (default: <output>/.cache; on a cluster, a "
        "folder every worker sees)",
    },
    "help.run.watch": {
        "ja": "UNITを1つ指定して：ノートブック、そのパラメーターファイル、テーマ、プレイブック"
        "またはデータが変わるたびにレポートを作り直します（Ctrl-Cで止めます）",
        "en": "with one UNIT: rebuild its report whenever the notebook, its parameter files, "
        "themes, playbook or data change (Ctrl-C to stop)",
    },
    "help.run.send": {
        "ja": "実行の直後に、成功したレポートをメールで送ります（'nps-kit send'を参照。"
        "NPS_KIT_SMTP_HOSTが設定されていなければ何も送らず、終了ステータスは2）",
        "en": "e-mail the reports that succeeded right after the run (see 'nps-kit send'; exit "
        "status 2 when NPS_KIT_SMTP_HOST is not set, as nothing was sent)",
    },
    # nps-kit init, new-unit
    "help.init": {
        "ja": "デモデータですぐに実行できるプロジェクトのフォルダーを作ります",
        "en": "create a project folder that runs at once on the demo data",
    },
    "help.init.about": {
        "ja": "DIRに、notebooks/nps_report.ipynb、parameters/defaults.yaml（すべてのキーに"
        "コメント付き）、例のユニット、デモデータとREADMEを作ります。--fromでは、パラメーター"
        "をアンケートのエクスポートから判定したプロジェクトを作ります。既存のファイルは上書き"
        "しません。",
        "en": "Create DIR with notebooks/nps_report.ipynb, parameters/defaults.yaml (every key "
        "commented), an example unit, the demo data and a README; with --from, a project whose "
        "parameters are detected from your survey export. Existing files are never overwritten.",
    },
    "help.init.directory": {"ja": "プロジェクトのフォルダー", "en": "project folder"},
    "help.init.export": {
        "ja": "デモデータの代わりに、このアンケートのエクスポートのためのプロジェクトを作ります",
        "en": "build the project for this survey export instead of the demo data",
    },
    "help.init.language": {
        "ja": "--fromなしで：デモプロジェクトの言語。レポート、コメントとデモのユニット（ja："
        "日本語のユニット、en：Cloud Platform…。既定：ja。--fromではエクスポートから判定します）",
        "en": "without --from: the demo project's language: its report, comments and demo "
        "units (ja: EC事業部…, en: Cloud Platform…; default: ja; --from detects it from the "
        "export)",
    },
    "help.init.unit_column": {
        "ja": "--fromで：この列の値ごとに1つのユニット（既定：ユニット1つ）",
        "en": "with --from: one unit per value of this column (default: a single unit)",
    },
    "help.init.sheet": {
        "ja": "--fromでXLSXのワークブックのとき：回答のシート。名前か0から数えた番号（既定："
        "最初のシート）",
        "en": "with --from an XLSX workbook: the sheet with the answers, name or 0-based index "
        "(default: the first)",
    },
    "help.init.codes": {
        "ja": "--fromで：アンケートのコード表（CSVかXLSX：設問、コード、ラベル）。レポートは"
        "コードの答えをそのラベルで示し、value_labelsとして書きます（既定：ワークブックに"
        "コード表のシートがあればそれ）",
        "en": "with --from: the survey's code table (CSV or XLSX: question, code, label) whose "
        "labels the report shows for coded answers, written as value_labels (default: a "
        "code-table sheet of the workbook, if any)",
    },
    "help.new-unit": {
        "ja": "コメント付きのひな形からparameters/NAME.yamlを追加します",
        "en": "add parameters/NAME.yaml from a commented template",
    },
    "help.new-unit.about": {
        "ja": "コメント付きのひな形からparameters/NAME.yamlを書きます。上書きはしません。",
        "en": "Write parameters/NAME.yaml from a commented template; never overwrites.",
    },
    "help.new-unit.name": {
        "ja": "ユニットID：英小文字、数字、-と_",
        "en": "unit id: lower-case letters, digits, - and _",
    },
    # nps-kit send
    "help.send": {"ja": "期間のレポートをメールで送ります", "en": "e-mail the reports of a period"},
    "help.send.about": {
        "ja": """\
期間の各ユニットのレポートを、レポートを作ったときのパラメーターが指定した宛先に送ります
（mail.to、cc、bcc、reply_to、mail.attach html|zip|none、mail.report_url。manifest.json
に記録されたもの：変えたら、送る前にレポートを作り直してください）。送るのはレポートを
実行できたユニット（manifest.jsonで"ok"）だけで、各レポートは1回だけです。実行を頼まれた
ほかのユニット（拒否、データなし、パラメーターのエラー、失敗）は理由とともに一覧にし
（終了ステータス1）、--allでは、その期間のレポートがまったくないプロジェクトのユニット
（--parametersのファイル）も一覧にします。
reports/<period>/sent.jsonlがすべてのメッセージを記録するので、--resendを指定しない限り、
もう一度実行しても新しく送るものはありません。

SMTPの設定は環境変数か現在のフォルダーの.envファイルからだけ読みます（環境変数が優先）：
NPS_KIT_SMTP_HOST、NPS_KIT_SMTP_PORT、NPS_KIT_SMTP_SECURITY（starttls|ssl|none）、
NPS_KIT_SMTP_USER、NPS_KIT_SMTP_PASSWORD、NPS_KIT_SMTP_FROM、必要ならNPS_KIT_SMTP_CAFILE
（プライベートCAのPEM）。NPS_KIT_SMTP_HOSTがなければ、--dry-runのようにメッセージを
送信箱に書き、何も送らず、そう伝えて終了ステータス2で終わります（送信箱に書くだけなら
--dry-runを指定してください）。
ユーザーのあるSECURITY=noneは、NPS_KIT_SMTP_ALLOW_PLAINTEXT_AUTH=1でない限り拒否します
（パスワードが暗号化されずにネットワークを通るため）。

レポートをもう一度送るのは数値が変わったときだけです（sent.jsonlはユニット、期間、宛先と
実行の要約で記録し、HTMLの作成時刻では記録しません）。前の版を受け取った人には更新として
送ります。以前サーバーが拒否した宛先にはレポートそのものを送ります。サーバーが途中で
応答しなくなったら、送れたものと送れなかったものを表示します。残りを送るにはコマンドを
もう一度実行してください。

匿名性の下限を下回るグループをNPSの計算から除く変更より前に作ったレポート（manifestでは
未確認と示されます）は、--resendでも送りません。先に作り直してください。

宛先のないユニットは通知してスキップし、ほかのユニットを送ります（終了ステータス0：
イントラネット専用のレポートかもしれないため）。選んだどのユニットにも宛先がなければ、
何も送れないので、送る前にエラー（終了ステータス2）で止まります。

終了ステータス：選んだものがすべて送られた（送信済み、宛先なしを含む）とき0、未完成の
レポートか誰かに届かなかったレポートがあるとき1、入力か設定にエラーがあるとき2（選んだ
どのユニットにも宛先がないとき、--dry-runなしでNPS_KIT_SMTP_HOSTがないときを含む。何も
送っていません）。""",
        "en": """\
E-mail each unit's report for a period to the recipients its parameters named when the report
was built (mail.to, cc, bcc, reply_to; mail.attach html|zip|none; mail.report_url, as recorded
in manifest.json: after changing them, run the report again before sending). Only units whose
report ran ("ok" in manifest.json) are sent, and each report only once; every other unit the run
was asked for (refused, no data, parameter error, failed) is listed with the reason (exit 1), and
with --all so is every unit of the project (a file in --parameters) that has no report for the
period at all:
reports/<period>/sent.jsonl records every message, so a re-run sends nothing new unless --resend
is given.

SMTP settings come only from the environment or a .env file in the current directory (the
environment wins): NPS_KIT_SMTP_HOST, NPS_KIT_SMTP_PORT, NPS_KIT_SMTP_SECURITY
(starttls|ssl|none), NPS_KIT_SMTP_USER, NPS_KIT_SMTP_PASSWORD, NPS_KIT_SMTP_FROM and optionally
NPS_KIT_SMTP_CAFILE (PEM of a private CA). Without NPS_KIT_SMTP_HOST the messages are
written to the outbox as with --dry-run, nothing is sent, and send says so and exits 2 (pass
--dry-run to only write the outbox).
SECURITY=none with a user is refused unless NPS_KIT_SMTP_ALLOW_PLAINTEXT_AUTH=1 (the password
would cross the network unencrypted).

A report is sent again only when its figures changed (sent.jsonl keys on unit, period, recipients
and the run summary, not on the HTML's generation time), marked as an update to those who got an
earlier version; a recipient the server refused before gets the report itself. If the server
stops answering part-way, the output lists what was sent and what was not; run the command again
to send the rest.

A report built before what moved the NPS left out the groups under the anonymity floor (its
manifest names them unchecked) is not sent, even with --resend: run it again first.

A unit without recipients is skipped with a notice and the others are sent (exit 0: its report
may be meant for the intranet only); when no selected unit has any recipient, nothing could be
sent and the command stops with an error (exit 2) before sending.

Exit status: 0 when everything selected was sent (or already sent, or has no recipients), 1 when
any report was not ready or not delivered to someone, 2 on an error in the input or the
settings, including no recipients in any selected unit and no NPS_KIT_SMTP_HOST without
--dry-run (nothing was sent).""",
    },
    "help.send.units": {"ja": "送るユニットのID", "en": "unit ids to send"},
    "help.send.all": {
        "ja": "その期間のレポートがあるプロジェクトのすべてのユニット（パラメーターファイル）を"
        "送り、ほかのユニットを一覧にします",
        "en": "send every unit of the project (its parameter files) that has a report for the "
        "period; list the others",
    },
    "help.send.period": {"ja": "送る期間。例：2026-10", "en": "the period to send, e.g. 2026-10"},
    "help.send.dry_run": _dry_run("<output>/<period>/outbox"),
    "help.send.resend": {
        "ja": "sent.jsonlで送信済みのものも、もう一度送ります",
        "en": "send again what sent.jsonl says was already sent",
    },
    "help.send.output": {
        "ja": "レポートのルート。<period>/manifest.jsonがあります（既定：reports）",
        "en": "reports root; holds <period>/manifest.json (default: reports)",
    },
    # nps-kit alerts
    "help.alerts": {
        "ja": "連絡を許可した新しい批判者を、各ユニットの担当者にメールで知らせます",
        "en": "e-mail new detractors who allowed contact to each unit's owners",
    },
    "help.alerts.about": {
        "ja": """\
パラメーターにalerts.toのある各ユニットについて、エクスポート（または--dataで指定した
新しいもの）を読み、--since以降の回答のうち、連絡を許可した人（columns.contact。同意の列
がなければ、columns.contact_detailsに電話番号か住所を残した人）の0〜alerts.max_score
（既定6）の点数の回答を探し、前にアラートしたものを除いて、ユニットの担当者に、急ぐもの
から順に並べた短いメールを1通、ユニットの言語で送ります。コメントはレポートと同じように
伏せ字にします。<output>/alerts/alerted.jsonlがアラートした回答IDをすべて記録するので、
--resendを指定しない限り、もう一度実行しても2回アラートすることはありません。cronや
systemdのタイマーで毎日実行するためのものです。

SMTPの設定、再試行とdry-runの送信箱は'nps-kit send'と同じです（環境変数か.envの
NPS_KIT_SMTP_*）。NPS_KIT_SMTP_HOSTがなければ、--dry-runのようにメッセージを送信箱に
書き、何も送らず、そう伝えて終了ステータス2で終わります（送信箱に書くだけなら--dry-run
を指定してください）。

終了ステータス：すべてのアラートが送られたとき0（alerts.toのないユニット、新しいものが
ないユニットを含む）、誰かにアラートを拒否されたとき1、入力か設定にエラーがあるとき2。
2には、alerts.toがあっても列からアラートを作れないユニット（columns.idがない、または
columns.contactもcolumns.contact_detailsもない。ほかのユニットは先にアラートします）、
パラメーターファイルを読めないユニット（'run'と同じく、そのメッセージとともにスキップし、
ほかのすべてのユニットをアラートします）、alerts.toのあるユニットがあって--dry-runなしで
NPS_KIT_SMTP_HOSTがないとき（何も送っていません）を含みます。""",
        "en": """\
For each unit with alerts.to in its parameters, read the export (or a newer one given by
--data), find the responses since --since that score 0 to alerts.max_score (default 6) from
people who allowed contact (columns.contact; without a consent column, those who left a phone
number or address in columns.contact_details), leave out those alerted before, and send the unit's
owners one short e-mail listing them, most urgent first, in the unit's language. Comments are
redacted as in the reports. <output>/alerts/alerted.jsonl records every alerted response id, so a
re-run never alerts twice unless --resend is given. Meant to run daily from cron or a systemd
timer.

SMTP settings, retries and the dry-run outbox are those of 'nps-kit send' (NPS_KIT_SMTP_* in the
environment or .env). Without NPS_KIT_SMTP_HOST the messages are written to the outbox as with
--dry-run, nothing is sent, and the command says so and exits 2 (pass --dry-run to only write
the outbox).

Exit status: 0 when every alert went out (units without alerts.to or with nothing new included),
1 when an alert was refused by anyone, 2 on an error in the input or the settings, including a
unit with alerts.to whose columns cannot give alerts (no columns.id, or neither columns.contact
nor columns.contact_details; the other units are alerted first), a unit whose parameter file
cannot be read (it is skipped with its message and every other unit is alerted, as in 'run'),
and no NPS_KIT_SMTP_HOST without --dry-run when a unit has alerts.to (nothing was sent).""",
    },
    "help.alerts.units": {"ja": "アラートするユニットのID", "en": "unit ids to alert"},
    "help.alerts.all": {"ja": "すべてのユニットをアラートします", "en": "alert every unit"},
    "help.alerts.since": {
        "ja": "この長さだけ前から（12h、1d、2w）、またはこの日付から（2026-11-01）の回答だけ。"
        "既定7d：1日抜けても取り戻せます（記録が重複を防ぎます）",
        "en": "only responses from this long ago (12h, 1d, 2w) or since this date (2026-11-01); "
        "default 7d, so a missed day is caught up (the log prevents repeats)",
    },
    "help.alerts.data": {
        "ja": "data.pathの代わりに読む新しいエクスポート",
        "en": "a newer export to read instead of data.path",
    },
    "help.alerts.dry_run": _dry_run("<output>/alerts/outbox"),
    "help.alerts.resend": {
        "ja": "アラートの記録で送信済みのものも、もう一度送ります",
        "en": "send again what the alert log says was already sent",
    },
    "help.alerts.output": {
        "ja": "レポートのルート。アラートの記録と送信箱はDIR/alertsに置きます（既定：reports）",
        "en": "reports root; the alert log and outbox go to DIR/alerts (default: reports)",
    },
    # nps-kit themes
    "help.themes": {
        "ja": "エクスポートのコメントにテーマと各テーマの極性を付けます",
        "en": "tag the comments of an export with themes and each theme's polarity",
    },
    "help.themes.about": {
        "ja": "アンケートのエクスポートを読み、行ごとに、コメントが触れるテーマと各テーマの極性"
        "（positive、negative、mixed、neutral）を表示します。--suggestでは代わりに、どのテーマ"
        "にも入らないコメントの割合と、それらに最も多い言い回しを表示します。",
        "en": "Read a survey export and print, for every row, the themes its comment mentions "
        "and each theme's polarity (positive, negative, mixed or neutral); with --suggest, the "
        "share of comments no theme covers and their most frequent phrases instead.",
    },
    "help.themes.text_column": {"ja": "コメントの列", "en": "column with the comments"},
    "help.themes.id_column": {
        "ja": "回答IDの列（既定：スプレッドシートが示す行番号）",
        "en": "column with the response id (default: the row number as a spreadsheet shows it)",
    },
    "help.themes.score_column": {
        "ja": "0〜10の答えの列：テーマに触れても評価していないコメントを点数で読み（批判者は"
        "negative、推奨者はpositive）、同梱のパックでは学習した極性の補正が、レポートと同じく"
        "回答者のセグメントを読みます（既定：言葉だけ）",
        "en": "column with the 0-10 answers: a comment that names a theme without judging it is "
        "then read through its score (detractor negative, promoter positive), and with a shipped "
        "pack the learned polarity correction reads each respondent's segment, as the report "
        "reads them (default: words only)",
    },
    "help.themes.asks": {
        "ja": "設問が尋ねたこと：reason（その点数の理由）かimprovement（改善してほしいこと）。"
        "improvementの答えは、ほめていない限り要望として読みます（「Cheaper plans」は"
        "price:negative）。レポートがasks: improvementの設問を読むとおりです（既定：reason）",
        "en": "what the question asked: reason (why that score) or improvement (what to "
        'improve), whose answers are read as requests unless they praise ("Cheaper plans" is '
        "price:negative), as the report reads a question with asks: improvement (default: "
        "reason)",
    },
    "help.themes.pack": {
        "ja": "テーマのパック：retail、saas、finance、generic、food、logistics、またはテーマの"
        "YAMLファイル。'extends: PACK'で始まるファイルは、そのパックに言葉を加え、学習した層を"
        "引き継ぎます（既定：'nps-kit init'で作ったプロジェクトの中では、その"
        "parameters/defaults.yamlのthemes、それ以外ではretail）",
        "en": "theme pack: retail, saas, finance, generic, food, logistics, or a themes YAML "
        "file; a file that starts with 'extends: PACK' adds its words to that pack and keeps "
        "its learned layers (default: inside a project made by 'nps-kit init', the themes of "
        "its parameters/defaults.yaml; elsewhere retail)",
    },
    "help.themes.format": {"ja": "出力の形式（既定：csv）", "en": "output format (default: csv)"},
    "help.themes.suggest": {
        "ja": "どのテーマにも入らないものを一覧にします：コメントの割合と、よく出る言い回しと"
        "その例（個人情報はレポートと同じく伏せ字）",
        "en": "list what no theme covers: share of comments and frequent phrases with examples "
        "(personal data masked as in the report)",
    },
    "help.themes.explain": {
        "ja": "各コメントにそのテーマがある理由を示します：各テーマを見つけた言葉、言葉なしで"
        "学習した層が加えたテーマには'learned layer'、学習した層がテーマを外した言葉。各テーマ"
        "の極性の出どころ：規則、学習した層、学習した補正、点数、または読めなかったこと"
        "（csv：'why'列、json：コメントごとの'why'オブジェクト）",
        "en": "say why each comment has its themes: the words that found each theme, 'learned "
        "layer' for a theme the layer added without any word, and the words whose theme the "
        "layer dropped; and where each theme's polarity came from: the rules, the learned "
        "layer, the learned correction, the score, or not read (csv: a 'why' column; json: a "
        "'why' object per comment)",
    },
    # nps-kit demo
    "help.demo": {
        "ja": "デモのアンケートデータを書きます（5ユニット、18か月、約30,000件の回答）",
        "en": "write the demo survey dataset (5 units, 18 months, ~30,000 responses)",
    },
    "help.demo.about": {
        "ja": "毎回同じデモデータを、gzipで圧縮したUTF-8のCSVとして書きます。",
        "en": "Write the deterministic demo dataset as gzip-compressed UTF-8 CSV.",
    },
    "help.demo.output": {
        "ja": "書き出すファイル（既定：demo_responses.csv.gz）",
        "en": "file to write (default: demo_responses.csv.gz)",
    },
    # nps-kit lab
    "help.lab": {
        "ja": "レポートノートブック、または1つのユニットの作業用コピーでJupyterLabを開きます",
        "en": "open JupyterLab on the report notebook, or on one unit's working copy",
    },
    "help.lab.about": {
        "ja": "UNITなしでは、notebooksフォルダーでJupyterLabを起動します。UNITを指定すると、"
        "notebooks/work/<UNIT>_<period>.ipynbを書きます：ユニットのノートブックに、"
        "'nps-kit run'と同じく、統合して検証したパラメーターを入れたもの（実行はしません）。"
        "それを開くので、'Run all'でそのユニットのレポートが表示されます。すでにあるコピーは"
        "編集したまま開きます。--freshで新しく書きます。",
        "en": "Without UNIT, start JupyterLab on the notebooks folder. With UNIT, write "
        "notebooks/work/<UNIT>_<period>.ipynb: the unit's notebook with its merged, validated "
        "parameters injected as 'nps-kit run' does (not executed), and open it, so 'Run all' "
        "shows that unit's report. A copy that exists already is opened as it is, with your "
        "edits; --fresh writes a new one.",
    },
    "help.lab.unit": {
        "ja": "ユニットID（parameters/<UNIT>.yaml）",
        "en": "unit id (parameters/<UNIT>.yaml)",
    },
    "help.lab.period": {
        "ja": "レポートする月。'latest'（揃った最新の月）か'current'も使えます（既定：ユニット"
        "のperiod）",
        "en": "month to report, 'latest' (complete) or 'current' (default: the unit's)",
    },
    "help.lab.notebook": {
        "ja": "このユニットに、自分の'notebook:'の代わりに使うレポートノートブック（既定："
        "パラメーターフォルダーの隣のnotebooks/nps_report.ipynb、なければnps-kitに同梱のもの）",
        "en": "report notebook for the unit, in place of its own 'notebook:' (default: "
        "notebooks/nps_report.ipynb next to the parameters folder, else the one bundled with "
        "nps-kit)",
    },
    "help.lab.port": {
        "ja": "JupyterLabのポート（既定：8888）",
        "en": "port for JupyterLab (default: 8888)",
    },
    "help.lab.no_browser": {
        "ja": "ブラウザーを開かずにサーバーを起動します",
        "en": "start the server without opening a browser",
    },
    "help.lab.fresh": {
        "ja": "既存の作業用コピーをnotebooks/work/backup/に移し、新しく書きます",
        "en": "move an existing working copy to notebooks/work/backup/ and write a new one",
    },
    # An option's value refused as argparse reads it (its type=), after "argument --x: ".
    "usage.score.fiscal_start": {
        "ja": "年度の最初の月を1〜12の数で指定してください（4＝4月）（書かれている値：「{text}」）",
        "en": "expected the fiscal year's first month as a number 1-12 (4 = April); got {text!r}",
    },
    "usage.score.exclude": {
        "ja": "COL=VALUEの形で指定してください（例：名前=テスト）（書かれている値：「{text}」）",
        "en": "expected COLUMN=VALUE (e.g. 名前=テスト); found {text!r}",
    },
    "usage.score.dedupe": {
        "ja": "--dedupeの後には{word}を書くか、何も書かないでください（書かれている値："
        "「{text}」）。--dedupeだけでは完全な重複と繰り返されたIDを除き、--dedupe {word}では"
        "二重送信も除きます（DATAは--dedupeの前に書いてください）",
        "en": "expected {word!r} or nothing; found {text!r}. --dedupe alone drops exact "
        "duplicates and repeated ids; --dedupe {word} also drops double submissions (put DATA "
        "before --dedupe)",
    },
}
