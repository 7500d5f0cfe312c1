from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pandas as pd
import pytest

from nps_kit.strategy import load_playbook
from nps_kit.text import PACKS, best_pack, coverage, load_pack, pack_files, tag_themes
from nps_kit.text.packs import DOMAIN_MARKER_SHARE, DOMAIN_MARKERS, MARKER_SHARES

# TAXONOMY.md: the theme ids of every pack, in order.
IDS = {
    "retail": [
        "usability", "checkout", "delivery", "phone", "chat", "email", "staff", "price",
        "quality", "returns", "faq", "communication",
    ],
    "saas": [
        "usability", "performance", "reliability", "features", "support", "docs", "price",
        "integrations", "onboarding", "communication",
    ],
    "finance": [
        "staff", "phone", "usability", "price", "claims", "speed", "branch", "trust", "products",
        "communication",
    ],
    "generic": ["service", "staff", "price", "quality", "usability", "speed", "communication"],
    "food": [
        "food", "menu", "order", "speed", "staff", "price", "cleanliness", "atmosphere",
        "usability", "delivery", "communication",
    ],
    "logistics": [
        "pickup", "delivery", "damage", "claims", "tracking", "customs", "warehouse", "usability",
        "staff", "price", "billing", "communication",
    ],
}  # fmt: skip


@pytest.mark.parametrize("pack", PACKS)
def test_pack_theme_ids_and_playbook(pack: str) -> None:
    book = load_pack(pack)
    assert book.ids == IDS[pack]
    playbook = load_playbook(pack_files(pack)[1], themes=book.ids)
    # every theme has advice for detractors, in both languages
    for theme in book.ids:
        actions = playbook.themes[theme].detractor
        assert actions and all(a.ja and a.en for a in actions)


def test_coverage_counts_answered_comments_only() -> None:
    texts = pd.Series(["配送が遅い", "特になし", None, "Nice weather today", "the app crashes"])
    # 特になし and the missing value are not comments; the weather is no retail theme (the
    # learned layer reads "Great people" as staff, which the dictionaries did not)
    assert coverage(texts, load_pack("retail")) == pytest.approx(100 * 2 / 3)


def test_best_pack_picks_the_domain() -> None:
    saas = pd.Series(["The API keeps timing out", "docs are outdated", "love the integrations"])
    assert best_pack(saas) == ("saas", pytest.approx(100.0))
    bank = pd.Series(["ATMの手数料が高い", "保険金の請求が面倒", "支店の窓口が混んでいる"])
    assert best_pack(bank).pack == "finance"


def test_a_domain_pack_must_show_its_domain_to_beat_generic() -> None:
    """A hotel survey: finance tags "location" (branches) and fees, generic tags more, and no
    second finance-only theme (claims, trust, products) appears: it is not a bank."""
    hotel = pd.Series(
        [
            "Lovely room and the front desk staff were so friendly",
            "Great location near the station, will be back",
            "Overpriced for what you get",
            "Room wasn't ready until 5pm, waited ages at reception",
            "Breakfast was cold and the coffee awful",
            "Check-in was quick and easy",
            "Charged twice and still waiting for the refund",
            "Near the airport, handy for an early flight",
            "Location was perfect for the conference",
            "Good location, walkable to everything",
            "We come every year for the festival",
        ]
    )
    # finance tags 8 of 11 (fees, waits, three "location" as branches), generic 9 of 11: under
    # the 10-point margin, but branches is finance's only own theme here
    assert best_pack(hotel).pack == "generic"


def test_a_domain_pack_is_chosen_only_for_comments_of_its_domain() -> None:
    """A bike shop with branches (QA18): finance tagged a little more than generic, with its
    own branches and products themes, so the report advised on online banking. No comment
    speaks of banking, insurance or money products: generic."""
    bikes = pd.Series(
        [
            "Average, nothing special at the Harbour Road branch",
            "Very knowledgeable, explained everything about my brakes at the Harbour Road branch",
            "Quick turnaround, collected the same day at the Harbour Road branch",
            "Fair price for a full service, bike feels brand new",
            "Overpriced for a puncture repair.",
            "Shop was closed during advertised opening hours.",
            "Staff were rude when I queried the invoice.",
            "Brilliant service, the mechanic sorted my gears in 20 minutes.",
            "Friendly team, great colour choice of hire bikes!",
            "Booking online was a nightmare, the website kept crashing.",
            "Waited three weeks for a part, nobody rang me back.",
            "The rental bike's chain kept slipping, dangerous.",
            "Good products and honest advice at the branch",
        ]
    )
    assert best_pack(bikes).pack == "generic"
    # the same comments about a bank's branches are a bank's
    bank = bikes.str.replace("puncture repair", "mortgage application").str.replace(
        "bike feels brand new", "the savings account"
    )
    assert bank.str.contains(DOMAIN_MARKERS["finance"]).mean() * 100 >= DOMAIN_MARKER_SHARE
    assert best_pack(bank).pack == "finance"


# A word counts as a theme only in the sense the theme is about (one case per rule in the packs).
SENSES = [
    ("retail", "評価が高いので買いました", []),  # 高い of anything but money
    ("saas", "CI runners keep timing out, builds fail randomly.", ["reliability"]),
    ("saas", "The TypeScript SDK lags behind the REST API", ["integrations"]),  # not latency
    ("saas", "The page load is laggy", ["performance"]),
    ("saas", "just works 🚀", []),  # set 2 labels this no theme
    # booking is ease of use (the schema's generic usability; training sets 9-17 and blind set 6
    # label a hard-to-get booking so); なかなか says it is also a wait
    ("generic", "予約が少し取りにくいです", ["usability"]),
    ("generic", "予約の電話がなかなかつながらない", ["usability", "speed"]),
    ("generic", "衛生士さんのクリーニングが丁寧", ["staff"]),
    ("generic", "麻酔が効かず、とても痛かったです", ["quality"]),
    ("generic", "駐車場が狭くて停められなかった", ["usability"]),  # the car park, not the room
    ("generic", "部屋が狭くて残念", ["quality"]),
    ("retail", "値段が高い", ["price"]),
    ("retail", "Love the design of the dress", []),  # a product's design, not the site's
    ("retail", "The website design is awful", ["usability"]),
    ("retail", "Dealt with my complaint in a day", []),  # "deal" the verb
    ("retail", "Great deal on a kettle", ["price"]),
    ("retail", "Ordered from a shop called Zed", []),  # "called" as a name
    ("retail", "I called three times", ["phone"]),
    ("retail", "Bought a box of chocolates", []),  # the box is the product
    ("retail", "Box was crushed", ["delivery"]),
    ("retail", "The lady on the phone was so kind", ["phone"]),  # a channel's person
    ("retail", "電話の担当者さんが親切でした", ["phone"]),
    ("retail", "店員さんが親切でした", ["staff"]),
    ("retail", "the guy at the till was rude", ["staff"]),  # a person at the till
    ("retail", "不良品が届いた", ["quality"]),  # a defective item, not its delivery
    ("retail", "Got a 'your order is on its way' email every day", ["communication"]),
    ("retail", "Can't fault it", []),  # praise of everything names no fault
    ("retail", "The guy on the live chat was great", ["chat"]),
    ("retail", "Colour nothing like the photo on the site", ["quality"]),  # not the site
    ("retail", "The payment page looked dodgy", ["checkout"]),
    ("retail", "Got a text when the driver was 5 mins away", ["communication"]),  # a message
    ("retail", "They texted me that the parcel was damaged", ["delivery", "communication"]),
    ("retail", "The confirmation email never came", ["communication"]),  # not a parcel
    ("retail", "Love the early access emails", ["communication"]),  # marketing, not support
    ("retail", "Paid extra for next day delivery", ["delivery"]),  # paying for, not the payment
    ("retail", "Couldn't pay for my order", ["checkout"]),  # failing to pay is the payment
    ("retail", "Couldn't apply my discount code", ["checkout"]),  # a code that fails: checkout
    ("retail", "クーポンが使えなかった", ["checkout"]),
    ("retail", "配達員の態度が悪い", ["delivery"]),  # the delivery person is the delivery
    # ...but a driver judged as a person is staff too: the sets label 17 of 19 such comments
    # staff (ERR26; "Delivery man was rude and left the fridge in the driveway")
    ("retail", "The delivery driver was rude", ["delivery", "staff"]),
    ("retail", "同じ商品が他店では安い", ["price"]),  # 商品 as the item, not its quality
    ("retail", "平日は連絡手段がない", []),  # a means of contact is no message
    ("retail", "ネットで注文して店舗受け取りにした", ["delivery"]),  # the channel, not the site
    ("generic", "CMを見て興味を持った", []),  # 味 inside 興味
    ("generic", "ホームページの情報が古い", ["communication"]),  # old information, not quality
    ("generic", "講師がすぐ辞める", ["staff"]),  # how soon they left is not speed
    ("generic", "Asked for a late checkout, no problem", []),  # a hotel service, not a delay
    ("generic", "Booked a sea view, got a car park view", []),  # what was booked, not booking
    ("generic", "Booked online in a minute, so easy", ["usability", "speed"]),
    ("generic", "店員さんの説明がわかりやすい", ["staff"]),  # a person's explanation
    ("generic", "すぐ壊れた", ["quality"]),  # how fast it broke is quality
    ("generic", "すぐ対応してくれた", ["speed"]),
    ("generic", "Our stay was lovely", ["service"]),  # "stay" the noun
    ("generic", "We stayed two nights", []),
    ("generic", "Waited an hour for our mains", ["speed"]),
    ("generic", "駅から徒歩3分でアクセスが最高です", ["usability"]),  # a distance, not a wait
    ("generic", "チェックインに30分以上待たされました", ["speed"]),
    ("finance", "支店が駅から徒歩5分で便利", ["branch"]),
    ("generic", "この価格でこのクオリティなら十分満足です", ["price", "quality"]),  # what satisfied
    ("generic", "朝食の種類が多く、地元の料理もあって大満足です", ["quality"]),
    ("generic", "料理もサービスも満足", ["service", "quality"]),
    ("generic", "大満足です", ["service"]),  # satisfied with nothing named: the whole
    ("generic", "大浴場が広くて疲れが取れました", ["quality"]),  # a facility
    ("generic", "朝食会場が混雑していた", ["usability"]),  # the breakfast room, not the food
    # Round 7: how fast Wi-Fi or a line is, is speed only; a line that drops is quality
    ("generic", "Wi-Fiが遅くて仕事になりませんでした", ["speed"]),
    ("generic", "ネット回線、夜になると激遅", ["speed"]),
    ("generic", "Wi-Fiが途切れる", ["quality"]),
    ("generic", "夜遅くまで診てくれた先生", ["staff"]),  # a time of day, not slowness
    ("generic", "担当の田中さんのおかげ", ["staff"]),
    ("retail", "インパクトドライバーの使い方を店員さんが教えてくれた", ["staff"]),  # a tool
    ("retail", "明らかな偽物が届いた", ["quality"]),
    ("retail", "返品受付が到着後7日以内", ["returns"]),
    ("retail", "お気に入りに入れた商品が消える", ["usability"]),
    ("saas", "Salesforceより全然安い", ["price"]),  # a rival named, no integration
    ("saas", "Markdownをサポートしてるのがありがたい", ["features"]),
    ("saas", "新機能のお知らせメールが多い", ["communication"]),
    ("saas", "ログインできない障害", ["reliability"]),
    ("finance", "保険料が上がる。事故もしてないのに", ["price"]),
    ("finance", "すぐ査定に来てくれて支払いも早かった", ["claims"]),
    ("finance", "アプリで振込が一瞬。もう窓口行かなくていい", ["usability", "speed"]),
    ("finance", "無理に高いプランを勧めてこなかった", ["staff", "price", "products"]),
    ("generic", "予約してるのに毎回30分以上待たされる歯医者", ["speed"]),
    ("generic", "通信速度が安定してて不満なし", ["quality"]),
    ("saas", "Zoomより接続は安定してる", ["reliability"]),
    ("saas", "給与計算は正確", ["reliability"]),
    ("saas", "遅くはないし落ちもしない", ["performance", "reliability"]),
    ("saas", "Googleドキュメント並みに使える", []),
    ("saas", "データの反映が1日遅れ", ["performance"]),
    ("saas", "無料トライアル終わった瞬間に課金された", ["price"]),
    ("saas", "Salesforceから乗り換えたけど、レポート機能が貧弱", ["features"]),  # background
    ("saas", "打刻ボタン押したのに記録されてない", ["usability", "reliability"]),
    ("saas", "突然のメンテでログインできず", ["reliability"]),
    (
        "generic",
        "先生は良いけど、面談の連絡がいつも直前。もっと早く教えてほしい",
        ["staff", "communication"],
    ),
    ("generic", "この価格でこのクオリティなら文句なし。ただ壁が薄い", ["price", "quality"]),
    ("generic", "見積もりより2万高かった", ["price"]),
    ("finance", "電話の担当者は親切だったけど、つながるまで20分待った", ["phone"]),
    ("finance", "問い合わせ電話、AI音声案内でたらい回し", ["phone"]),
    ("retail", "スマホケースのデザインは可愛い", []),
    ("retail", "Amazonの方が安いかも", ["price"]),
    ("retail", "お気に入りの店です", []),  # a favourite shop, not the wishlist
    ("saas", "料金体系がシンプル", ["price"]),
    ("saas", "有料プランなのにサポートの返事が遅い", ["support"]),
    ("finance", "住宅ローンの金利が他行より高い", ["price"]),
    ("generic", "請求書が届かないまま延滞扱いにされた", []),  # a letter, no price
    ("finance", "銀行名でフィッシングメールが来る", ["trust", "communication"]),
    ("finance", "I can do everything from my phone", ["usability"]),  # a device, no call
    ("finance", "Adviser at the branch was great", ["staff"]),  # the branch as a place
    ("finance", "They closed our branch", ["branch"]),
    ("finance", "口座維持手数料がかかる", ["price"]),  # money, not time
    ("saas", "It hasn't gone offline once that I've noticed", ["reliability"]),  # "notice" the verb
    ("saas", "ファイルをアップロードするとエラー", ["reliability"]),  # アップロード is not ロード
    ("saas", "Saved us hours of manual work", []),  # by hand, not the manual
    ("saas", "マニュアルいらずで使える", []),  # no manual needed praises the product
    ("saas", "Shortcuts make me so much faster", ["usability"]),  # the user is faster
    ("saas", "Notes say 'bug fixes and improvements'", []),  # the stock release note
    ("saas", "The error messages are useless", []),  # what an error says is no bug
    ("saas", "Notes go missing", ["reliability"]),  # going missing is data loss
    ("saas", "The HubSpot connector is missing fields", ["integrations"]),
    ("saas", "The API is well designed", ["integrations"]),  # an API's design is no UI
    ("saas", "Teamsにも対応してくれたら嬉しい", []),  # 対応 as "works with", no support team
    ("saas", "サポートがすぐに対応してくれた", ["support"]),
    ("saas", "迷わず実装できました", []),  # the user implemented, no feature asked
    ("saas", "導入が決まった", []),  # deciding to adopt is no setup
    ("saas", "Best tool I've ever paid for", []),
    ("saas", "Slackに通知できる", ["integrations"]),  # the product's own notifications
    ("saas", "画面の案内がわかりやすい", ["usability"]),
    ("finance", "No claims for years and the premium went up", ["price"]),  # no claim made
    ("finance", "They claim to have sent a letter", ["communication"]),  # "claim" the verb
    ("finance", "I do everything without going into a branch", []),  # no branch visited
    ("finance", "窓口に行かなくていい", []),
    ("finance", "The lady in the Leeds branch was lovely", ["staff"]),
    ("finance", "番号札を取ってから1時間", ["speed"]),  # a queue ticket is the queue
    ("finance", "Instant notifications are great", ["communication"]),
    ("finance", "Call centre is fine once you get through, the wait is awful", ["phone"]),
    ("finance", "電話がつながるまで時間がかかる", ["phone"]),
    ("finance", "通知が来るので安心", ["communication"]),  # 安心 as another theme's outcome
    ("finance", "My old broker charged more", ["price"]),  # a broker as a firm
    ("finance", "窓口営業が夜もあればいい", ["branch"]),
    ("finance", "ポイント還元率が高い", ["price"]),  # a reward rate is a rate
    ("finance", "上限額がもう少し高いといい", ["products"]),  # a limit: the account, no price
    ("finance", "Charged me £5 for a paper statement", ["price"]),  # the fee, not the letter
    ("generic", "Good bang for the buck", ["price"]),
    ("generic", "Easy to pay my bill online", ["usability"]),  # paying a bill, not its size
    ("generic", "A friend told me about you", []),  # a referral is no information given
    ("generic", "また利用したいです", []),  # coming again names no topic
    ("generic", "Will be back", []),
    ("generic", "仕上がりは大満足", ["quality"]),  # 満足 with one thing is that thing
    ("generic", "対応が本当に素晴らしかった", ["service"]),
    ("retail", "ヘルプページの説明が古い。画面が今と違う", ["faq"]),  # old screens in the help
    ("retail", "The help articles' screenshots show the old site", ["faq"]),
    ("retail", "発送の連絡がなく、いつ届くのか分からない", ["communication"]),  # not knowing when
    ("retail", "発送遅延の連絡もなかった", ["delivery", "communication"]),  # a delay is delivery
    ("saas", "障害時のステータスページの更新が早い", ["communication"]),  # during outages
    ("saas", "The status page is updated during incidents", ["communication"]),
    ("saas", "The 'new feature' announcement emails are too frequent", ["communication"]),
    ("finance", "金利変更のお知らせがわかりにくい", ["communication"]),  # a notice of a rate
    ("finance", "The fraud team called me within minutes", ["trust"]),  # an alert, no call centre
    # word families a theme was missing (found as misses on the labelled sets)
    ("retail", "Came quicker than expected", ["delivery"]),
    ("retail", "The products are great", ["quality"]),
    ("retail", "The jeans fit perfect", ["quality"]),
    ("retail", "寝心地が最高", ["quality"]),
    ("retail", "品物は良い", ["quality"]),
    ("retail", "The pharmacist was kind", ["staff"]),
    ("retail", "他の店より安かった", ["price"]),
    ("saas", "Way too many promo emails", ["communication"]),
    ("saas", "Lost a week of data", ["reliability"]),
    ("saas", "It eats RAM", ["performance"]),
    ("saas", "大きいファイルだとタイムアウトする", ["performance"]),
    ("saas", "We switched over last month", ["onboarding"]),
    ("saas", "誰でも使える", ["usability"]),
    ("saas", "対応力がすごい", ["support"]),
    ("saas", "CSVをShift_JISでも出せるようにして", ["features"]),
    ("saas", "ヘルプの記事が英語だけ", ["docs"]),
    # a frozen account is security (trust), as three blind sets label it; no warning: communication
    ("finance", "Froze my account with no warning", ["trust", "communication"]),
    ("finance", "説明もなく値上げされた", ["price", "communication"]),
    ("finance", "The policy excludes everything", ["products"]),
    ("finance", "Wish they offered a joint savings account", ["products"]),
    ("finance", "My account was hacked", ["trust"]),
    ("finance", "勝手に契約を変えられた", ["trust"]),
    ("finance", "Applied on my phone in minutes", ["usability"]),
    ("finance", "平日15時までしか開いていない", ["branch"]),
    ("finance", "振込がすぐ反映される", ["speed"]),
    ("finance", "担当がコロコロ変わる", ["staff"]),
    ("generic", "遅延したのに何のアナウンスもない", ["speed", "communication"]),
    ("generic", "Nobody said anything", ["communication"]),
    ("generic", "Wish the gym opened earlier", ["usability"]),
    ("generic", "The ticket machine is a nightmare to use", ["usability"]),
    ("generic", "ネットで手続きできた", ["usability"]),
    ("generic", "Dr Patel is the best", ["staff"]),
    ("generic", "CAさんの対応が良かった", ["staff"]),
    ("generic", "Tidy job, no mess", ["quality"]),
    ("generic", "The repair was not done properly", ["quality"]),
    ("generic", "違約金の説明が違った", ["price", "communication"]),
    # QA probe 7: an insurer (finance) and a dental group (generic)
    ("finance", "無事故なのに保険料が上がった", ["price"]),  # no accident, so no claim
    ("finance", "事故を起こしていないので", []),
    ("finance", "請求書類の準備が大変だった", ["claims"]),  # the claim's paperwork
    ("finance", "担当の方が電話をくれて", ["staff"]),  # a person who rang, not the call centre
    ("generic", "Way higher than my previous dentist", ["price"]),  # a former practice: no staff
    ("generic", "Waiting room was dirty", ["quality"]),  # the room is a place, not a wait
    ("generic", "Long waiting room times", ["speed"]),
    # a dental cleaning is the treatment's quality: the pack has no theme of clean premises apart
    ("generic", "The hygienist did a great cleaning", ["staff", "quality"]),
    ("generic", "Billing is a mess", ["price"]),
    ("generic", "Nobody called back", ["communication"]),
    ("finance", "Nobody called back", ["phone", "communication"]),
    # the customer's own team is no staff (the demo's "Cheaper plans for small teams.")
    ("retail", "Cheaper plans for small teams", ["price"]),
    ("finance", "Our team uses the business account daily", []),
    ("generic", "My whole team comes here", []),
    ("retail", "The team were lovely", ["staff"]),
    ("generic", "The whole team were great", ["staff"]),
    # "supports" the verb names a feature, not the support team (ERR20)
    ("saas", "Now supports dark mode", ["features"]),
    ("saas", "Supports our card reader and support answered in an hour", ["support"]),
    # ERR21: a video call is no phone line, a letter of credit no letter, chatting with a friend
    # no chat channel (as "chatting with friends" in English), a lost phone no app
    ("finance", "The adviser went through it on a Zoom call", ["staff"]),
    ("finance", "A letter of credit for our imports", []),
    ("retail", "友達とLINEでチャットしながら選んだ", []),
    ("finance", "スマホを落としてカードを止めた", []),
    # ERR22: a chat in person is no chat channel; a van sent down a track is no outage
    ("retail", "Had a lovely chat with the owner about hiking boots", ["staff"]),
    ("retail", "Had a quick chat with the agent on live chat", ["chat"]),
    ("saas", "The route sent our van down a farm track", []),
    ("saas", "The server went down again", ["reliability"]),
    # ERR23: an audio guide or a guide book is no person
    ("generic", "Rented the audio guide for the museum", []),
    # SENSE25 (QA25's energy and dental comments): a home's size is no bed slept in; a named
    # hygienist judged is staff, not a product judged (a bed judged stays quality). REVIEW26: a
    # dental cleaning is the work itself, so its praise stays quality (an exclude of "for a
    # cleaning" had made "Thanks for my cleaning, …" neutral; removed).
    ("generic", "Standing charge is steep for our two bed flat", ["price"]),
    ("generic", "The double bed was lumpy", ["quality"]),
    ("generic", "Thanks for my cleaning, the most thorough I have had", ["quality"]),
    ("generic", "Priya the hygienist was brilliant", ["staff"]),
    ("generic", "Dave the surveyor was great", ["staff"]),
    # ERR25, blind set 24's words in another sense: a place in a row or a part of the time is no
    # person (方 of 担当の方 stays staff); 会社員 is the customer's job; a spare part bought
    # (交換用) is no exchange; a call returned is a reply, not a return; a length of time priced is
    # what was bought, not a wait; a contact app or phone tree run on the product is a use
    ("generic", "花火大会、後ろの方は木に隠れて半分しか見えなかった", []),
    ("generic", "ワークショップの最後の方はほぼ自由時間でした", []),
    ("generic", "受付の方は親切でした", ["staff"]),
    ("finance", "会社員なので平日の昼に窓口へ行くのは無理", ["branch"]),
    ("retail", "会社員だと平日の受け取りは無理", ["delivery"]),
    ("retail", "掃除機の交換用フィルターを注文しました", []),
    ("retail", "They returned my email the same afternoon", ["email"]),
    ("generic", "ヨガのレッスン、60分で3000円です", ["price"]),
    ("finance", "相談料は30分で5千円です", ["price"]),
    ("saas", "町内会の連絡網として使っています", []),
    # FIX51 (QA27 #1): e-mails that arrive, named in the sentence before, are no delivery; a
    # parcel that arrives is; hard cancellation is the account (usability).
    ("retail", "通知がうるさい。何度も届くのは勘弁", ["communication"]),
    ("retail", "発送のお知らせが来た。荷物は翌日届いた", ["delivery", "communication"]),
    ("retail", "発送メールが来ない。届くのはいつなのか", ["delivery", "communication"]),
    ("retail", "定期コースの退会手続きが面倒すぎる", ["usability"]),
    # ERR26: a driver met at the door is still delivery, not staff, unless judged as a person;
    # a size guide that cannot be found is usability, not faq
    ("retail", "The delivery driver left it in the rain", ["delivery"]),
    ("retail", "Size chart is impossible to find on the app", ["usability"]),
    # ERR27: a tip handed over is no price paid
    ("retail", "Driver carried it up three flights so I gave him a tenner", ["delivery"]),
    # ERR28: the expensive one talked out of is no price named (11 of 11 readable comments);
    # a cost that adds up fast is no speed (13 of 13)
    ("retail", "The lad talked me out of the expensive drill and into the one I needed", ["staff"]),
    ("finance", "Monthly fees on the joint account add up quickly", ["price", "products"]),
    # FOOD57: the food pack's boundaries (docs/labelling.md): cold food after a wait is food and
    # speed, a QR menu is usability, a customer's own lateness no wait, "friendly" alone staff,
    # 物足りない no missing item, a hint at the wait asked for is communication, toilets beside
    # the table are seating.
    ("food", "They forgot my fries again", ["order"]),
    ("food", "Waited 45 minutes for our food and it was cold", ["food", "speed"]),
    ("food", "The QR menu was fiddly, would rather order with a person", ["usability"]),
    ("food", "注文と違う品が来た", ["order"]),
    ("food", "写真と実物が違った", ["food"]),
    ("food", "Called to say we'd be 10 minutes late and they gave our table away", ["usability"]),
    ("food", "Quick, friendly, cheap", ["speed", "staff", "price"]),
    ("food", "味は悪くない。ただ量が少なめなので物足りない", ["food"]),
    ("food", "ネギ抜きでお願いしたのにネギが乗ってた", ["order"]),
    ("food", "Spent the evening laughing, the tiramisu was spot on", ["food"]),
    ("food", "待ち時間の目安くらい教えてほしい", ["speed", "communication"]),
    ("food", "Sat us right next to the toilets", ["atmosphere"]),
    ("food", "The menus were sticky", ["cleanliness"]),
    ("food", "店員さんが作り直してくれた", ["staff"]),
    ("food", "Amazing tacos, great vibe", ["food", "atmosphere"]),
    # LOG76: the logistics pack's boundaries (docs/labelling.md): a late or missed collection is
    # pickup, not delivery; a hold at customs is customs, not delivery; the ETA shown is tracking
    # and being told communication; damage and the claim that follows are two themes; rates
    # judged are price, charges other than agreed billing; the tracking portal is tracking, the
    # booking portal usability; a driver is staff only when judged as a person.
    ("logistics", "Collection was booked for Tuesday and the driver never turned up", ["pickup"]),
    ("logistics", "Friendly driver but two hours late to collect", ["pickup", "staff"]),
    (
        "logistics",
        "Missed pickup meant the whole shipment arrived a week late",
        ["pickup", "delivery"],
    ),
    ("logistics", "Removal crew arrived three hours late at our old house", ["pickup"]),
    ("logistics", "Container was rolled to the next vessel twice", ["delivery"]),
    ("logistics", "Always find us space in peak season when others can't", ["delivery"]),
    ("logistics", "Driver missed the delivery window at our DC again.", ["delivery"]),
    ("logistics", "Reliable air freight, always on time.", ["delivery"]),
    ("logistics", "Customs clearance delays cost us a production day.", ["customs"]),
    (
        "logistics",
        "Stuck at customs and the whole shipment arrived two weeks late",
        ["delivery", "customs"],
    ),
    (
        "logistics",
        "Container sat at customs for 9 days, nobody told us why.",
        ["customs", "communication"],
    ),
    (
        "logistics",
        "Tracking in the portal shows the wrong ETA, our warehouse waited all day.",
        ["tracking"],
    ),
    ("logistics", "Tracking portal is down every Monday morning.", ["tracking"]),
    ("logistics", "POD takes weeks to show up in the portal", ["tracking"]),
    ("logistics", "The new portal makes booking and tracking easy.", ["tracking", "usability"]),
    (
        "logistics",
        "The booking portal times out every time we upload a commercial invoice.",
        ["usability"],
    ),
    ("logistics", "Pallets arrived damaged and the claim took four months", ["damage", "claims"]),
    ("logistics", "Two cartons missing from the consignment", ["damage"]),
    ("logistics", "Driver threw the boxes off the tailgate", ["damage"]),
    ("logistics", "Invoices never match the quoted rates.", ["billing"]),
    (
        "logistics",
        "Freight rates changed after booking without notice.",
        ["billing", "communication"],
    ),
    ("logistics", "Charged us demurrage for days the port was closed", ["billing"]),
    ("logistics", "Invoice came three months late with extras we never agreed", ["billing"]),
    ("logistics", "Fuel surcharge is far too high", ["price"]),
    ("logistics", "Our account manager solved a customs hold in two hours.", ["customs", "staff"]),
    ("logistics", "Account manager takes days to reply to emails.", ["staff", "communication"]),
    ("logistics", "Quotes take days to come back", ["communication"]),
    ("logistics", "Stock counts never match what the 3PL reports", ["warehouse"]),
    ("logistics", "Would like a dedicated contact person", ["staff"]),
    ("logistics", "Great partner, been with them for years", []),
    ("logistics", "They deliver on their promises", []),
    ("logistics", "Highly rated by our logistics team", []),
    ("logistics", "Late last year we switched to them", []),
    ("logistics", "集荷の時間に来なかった", ["pickup"]),
    ("logistics", "配送遅延が多く、連絡もない。", ["delivery", "communication"]),
    ("logistics", "荷物が破損して届いた", ["damage"]),
    ("logistics", "破損の補償請求に3か月もかかった", ["damage", "claims"]),
    ("logistics", "倉庫での破損が続いている。", ["damage"]),
    ("logistics", "通関で止まっているのに連絡がない", ["customs", "communication"]),
    ("logistics", "請求書の金額が見積と違う。", ["billing"]),
    ("logistics", "予約後に運賃が変わった", ["billing"]),
    ("logistics", "見積をもっと早く", ["communication"]),
    ("logistics", "追跡システムを改善してほしい", ["tracking"]),
    ("logistics", "在庫数が合わない", ["warehouse"]),
    ("logistics", "いつもお世話になっています", []),
    # LOG77: general forms of logistics set 1's errors, in other words than its comments (each
    # failed on e23dac6's pack): collections on time are pickup, goods delivered crushed are
    # damage, invoices on time are billing, comparatives and transit are delivery, temperatures,
    # lashing and shortages are damage, a customer's own WMS, stock and 3PL are no warehouse,
    # charges added or invoiced are billing, notice and call-backs are communication.
    ("logistics", "Pickups are always on time", ["pickup"]),
    ("logistics", "The boxes were delivered with the lids crushed", ["damage"]),
    ("logistics", "The bills turn up on time every month", ["billing"]),
    ("logistics", "The dashboard shows on-time performance by carrier", ["usability"]),
    ("logistics", "A bit quicker than the other forwarder", ["delivery"]),
    ("logistics", "Not slow at all", ["delivery"]),
    ("logistics", "They got us a truck at an hour's notice", ["delivery"]),
    ("logistics", "The freight finally showed up the following Monday", ["delivery"]),
    ("logistics", "Parcel left on the porch in the rain", ["delivery"]),
    ("logistics", "Our flight was cancelled at the last minute", ["delivery"]),
    ("logistics", "Goods sitting at the depot for a week", ["delivery"]),
    ("logistics", "Shipment stuck at the port for ten days", ["delivery"]),
    ("logistics", "14 days instead of 4", ["delivery"]),
    ("logistics", "12 days Chennai to Dubai", ["delivery"]),
    ("logistics", "Transit to Hamburg took the usual three days", ["delivery"]),
    ("logistics", "Two mugs arrived cracked", ["damage"]),
    ("logistics", "A parcel went walkabout in their depot", ["damage"]),
    ("logistics", "The reefer hit 9 degrees on the way", ["damage"]),
    ("logistics", "Never needed to file a claim with them", ["damage"]),
    ("logistics", "Received four cartons short", ["damage"]),
    ("logistics", "Our forklift driver was off sick", []),
    ("logistics", "The truck they sent to collect had no tail lift", ["pickup"]),
    ("logistics", "The tail lift on their truck was broken", []),
    ("logistics", "They claim 99% on time", ["delivery"]),
    ("logistics", "Everything came out whole", ["damage"]),
    ("logistics", "The lashing inside the box was first class", ["damage"]),
    ("logistics", "Picker grabbed the wrong size again", ["warehouse"]),
    ("logistics", "Our WMS keeps crashing", ["usability"]),
    ("logistics", "Christmas stock arrived on time", ["delivery"]),
    ("logistics", "A solid 3PL", []),
    ("logistics", "The labels print blank half the time", ["usability"]),
    ("logistics", "The weekly shipment report stopped coming", ["usability"]),
    ("logistics", "Lovely careful crew", ["damage", "staff"]),
    ("logistics", "The driver had no hi-vis on", ["staff"]),
    ("logistics", "Best customs broker in town", ["customs", "staff"]),
    ("logistics", "Our finance team queries every invoice", ["billing"]),
    ("logistics", "The fuel levy is steep", ["price"]),
    ("logistics", "AUD 40 per pallet is steep", ["price"]),
    ("logistics", "Invoiced $900 when we agreed $700", ["billing"]),
    ("logistics", "Wrong value on the declaration", ["customs"]),
    ("logistics", "We got charged a waiting time fee", ["billing"]),
    ("logistics", "Rates went up after the election", ["price"]),
    ("logistics", "Flagged the delay early", ["delivery", "communication"]),
    ("logistics", "Quote came back in 15 minutes", ["communication"]),
    ("logistics", "She rings before we have to ask", ["communication"]),
    ("logistics", "Price rise with one week's notice", ["price", "communication"]),
    ("logistics", "Still waiting for them to call me back", ["communication"]),
    (
        "logistics",
        "The weekly report stopped without anyone saying a word",
        ["usability", "communication"],
    ),
    ("logistics", "COO was wrong", ["customs"]),
    ("logistics", "Never had a container held", ["customs"]),
    ("logistics", "Lost the whole booking when the portal timed out", ["usability"]),
    ("logistics", "Orders leaving the warehouse late in peak", ["warehouse"]),
    ("logistics", "Collected the next morning", ["pickup"]),
    ("logistics", "Warehouse lads were brilliant", ["staff"]),
    ("logistics", "The carrier's website showed it was rolled", ["delivery"]),
    ("logistics", "They put the racking back up in our new unit", []),
    ("logistics", "Kept us posted every day", ["communication"]),
    ("logistics", "No heads-up at all", ["communication"]),
    ("logistics", "Need better notice of schedule changes", ["communication"]),
    ("logistics", "取引先から破損の連絡があった", ["damage"]),
    ("logistics", "システム上の在庫と合わない", ["warehouse"]),
    ("logistics", "担当の鈴木様にはいつも助けられています", ["staff"]),
    ("logistics", "北海道向けは遅い", ["delivery"]),
    ("logistics", "繁忙期に増便してくれた", ["delivery"]),
    ("logistics", "当社の出荷ミスでした", []),
    ("logistics", "ステータスの更新が遅れる", ["tracking"]),
    ("logistics", "素晴らしいの一言です", []),
    ("logistics", "もっと早く教えてほしかった", ["communication"]),
    ("logistics", "配達完了になっているのに届いていない", ["delivery", "tracking"]),
    ("logistics", "ラベル印刷ができるようにしてほしい", ["usability"]),
    ("logistics", "一から説明し直す必要がある", []),
    ("logistics", "毎朝定時に届けてくれる", ["delivery"]),
    ("logistics", "保管料が請求書に突然載っていた", ["billing"]),
    ("logistics", "通関から配達まで3日", ["delivery", "customs"]),
    ("logistics", "スケジュール通りに着く", ["delivery"]),
    ("logistics", "冷凍品が半解凍で届いた", ["damage"]),
    ("logistics", "コンテナの固縛が甘い", ["damage"]),
    ("logistics", "荷物を大事に扱ってくれる", ["damage"]),
    ("logistics", "事故報告を出したのに返事がない", ["claims", "communication"]),
    ("logistics", "「輸送中」のまま動かない", ["tracking"]),
    ("logistics", "AWB番号で現在地を確認できる", ["tracking"]),
    ("logistics", "納品先の倉庫の受付時間に遅れた", ["delivery"]),
    ("logistics", "在庫計画が立てやすい", []),
    ("logistics", "予約が電話のみで不便", ["usability"]),
    ("logistics", "支払サイトを延ばしてほしい", ["billing"]),
    ("logistics", "ドライバーさん、いつも笑顔で挨拶してくれる", ["staff"]),
    ("logistics", "ドライバーが敷地内でたばこを吸っていた", ["staff"]),
    ("logistics", "対応がとても丁寧", ["staff"]),
    ("logistics", "見積もり通りの金額でした", ["billing"]),
    ("logistics", "「深夜料金」を追加された", ["billing"]),
    ("logistics", "料金改定のお知らせがもっと早ければ", ["communication"]),
    ("logistics", "事前に伝えてあったのに無視された", []),
    ("logistics", "高額品には別に保険をかけている", ["claims"]),
    ("logistics", "時代遅れのシステム", ["usability"]),
    ("logistics", "約束の時間ぴったりに来てくれた", ["pickup"]),
    ("logistics", "9時を過ぎても来なかった", ["pickup"]),
    ("logistics", "到着後の通関に時間がかかる", ["customs"]),
    ("logistics", "運賃、スピード、荷扱い、全部満足", ["delivery", "damage", "price"]),
    # ERR34J: a sales call is the phone, not a staff judgement (6 of 7 readable finance comments);
    # time that flew by is no wait (4 of 4 generic); a trial lesson is no verdict on the service
    # (5 of 6); accuracy that drops is no outage (2 of 2 saas)
    ("finance", "営業の電話が毎週かかってくる", ["phone"]),
    ("generic", "カメラマンさんの話が面白くて2時間があっという間でした", ["staff"]),
    ("generic", "体験レッスンで一から教えてくれました", ["communication"]),
    ("saas", "方言が入ると読み取りの精度が落ちる", ["features"]),
]


@pytest.mark.parametrize(("pack", "text", "themes"), SENSES)
def test_words_count_only_in_their_theme_sense(pack: str, text: str, themes: list[str]) -> None:
    # The dictionaries' sense rules (the learned layer may add a theme of the sense, such as
    # staff for "Adviser at the branch was great"; tests/test_layer.py tests it)
    tags = tag_themes(pd.Series([text], dtype="string"), load_pack(pack), learned=False)
    assert [t for t in tags.columns if tags.iloc[0][t]] == themes


# Words any business of the pack uses that found nothing (ERR19, blind set 18's misses; the
# comments are written for the test).
GENERIC_WORDS = [
    ("saas", "The drag-and-drop builder", "usability"),
    ("finance", "They excluded my knee because of an old injury", "products"),
    ("generic", "They always do good work", "quality"),
    ("saas", "操作動画がもっとあれば助かる", "docs"),
    ("retail", "このクッション、リピ確定です", "quality"),
    ("retail", "届いたカーテンが画像とちょっと違った", "quality"),
    ("retail", "Fits like it was made for me", "quality"),
    ("retail", "P5倍デーにまとめ買い", "price"),
    ("finance", "最初に聞いてた話と違う", "trust"),
    # ERR20, blind set 19's misses: fees named by 〜料, a person judged by pronoun
    ("finance", "ローンの保証料がけっこう取られる", "price"),
    ("finance", "口座の管理料が地味に痛い", "price"),
    ("generic", "A bit pricey but she's brilliant", "staff"),
    ("retail", "Asked where the glue was and he was so helpful", "staff"),
    # …a product that failed soon, a mutual's payout
    ("generic", "The kettle died after three weeks", "quality"),
    ("finance", "台風の後、共済金がすぐ出て助かった", "claims"),
    # ERR21, blind set 20's misses: a price put up, whatever names it; 有償 (paid for)
    ("generic", "They have put the rent up twice this year", "price"),
    ("retail", "Subscription has gone up again", "price"),
    ("saas", "They put our subscription up without asking", "price"),
    ("finance", "Membership went up for the third year", "price"),
    ("generic", "修理は有償と言われた", "price"),
    ("saas", "初期設定のサポートは有償です", "price"),
    # ERR22: a theme's word in one pack that means the same in another (no readable set labels
    # it otherwise where it is missed); derived forms (non-refundable, 速く, 半年経っても); a
    # question asked again and again without an answer is the support team
    ("generic", "Had the boiler serviced and the report came the same afternoon", "speed"),
    ("generic", "予約から施術までスピーディでした", "speed"),
    ("generic", "湿気がこもる", "quality"),
    ("generic", "ガイドのお姉さんが最高でした", "staff"),
    ("generic", "対応が丁寧でした", "staff"),
    ("generic", "こっちが聞かないとダメ", "communication"),
    ("finance", "The dashboard shows every pot at a glance", "usability"),
    ("finance", "Hold times are shorter than they used to be", "speed"),
    ("finance", "審査の結果が出るのが速くて助かった", "speed"),
    ("finance", "申請して半年経っても音沙汰なし", "speed"),
    ("saas", "手数料が地味に痛い", "price"),
    ("saas", "他社と比べて高めの設定", "price"),
    ("saas", "Three emails later and still nothing", "support"),
    ("saas", "メールを送っても返ってこない", "support"),
    ("retail", "Custom orders are non-refundable", "returns"),
    ("retail", "このお茶、味は本当にいい", "quality"),
    ("retail", "They emailed me the day it shipped", "communication"),
    # ERR23, blind set 22's misses and docs/labelling.md's ruling: a phone nobody answers is
    # usability in the generic pack (booking, access) and the support team in saas; "comms";
    # a self scan till; メンテ中 (down for maintenance); a seller's reply, a marshal, a tour guide
    ("generic", "Rang all morning and never got through", "usability"),
    ("generic", "予約を変えたいのに電話がつながらない", "usability"),
    ("saas", "Couldn't get through to anyone when the site was down", "support"),
    ("saas", "障害の日に電話がずっと繋がらない", "support"),
    ("saas", "ボットばかりで人間にたどり着けない", "support"),
    ("retail", "Comms about the restock were spot on", "communication"),
    ("finance", "Their comms are all over the place", "communication"),
    ("saas", "Comms during the migration were clear", "communication"),
    ("retail", "Self scan kept beeping at me", "checkout"),
    ("saas", "月末の締め日にメンテ中で開けない", "reliability"),
    ("retail", "The seller told me it was my fault", "staff"),
    ("generic", "The marshals at the fun run were cheering everyone on", "staff"),
    ("generic", "Our tour guide knew every story about the castle", "staff"),
    ("generic", "The sonographer was so gentle", "staff"),
    # ERR24: implied themes in general forms no readable set labels otherwise: a person named by
    # the shop or counter they work at (judged, at a counter); professions of one kind of
    # business; someone sent round the same or next day; a case that will not move; crooks;
    # DOA; a scan-as-you-shop till
    ("retail", "The woman in the shop wrapped it up for me", "staff"),
    ("generic", "The chap in the pharmacy talked me through the dosage", "staff"),
    ("finance", "The lad at the branch set up the app on my phone", "staff"),
    ("generic", "The gent behind the counter was so patient with my dad", "staff"),
    ("finance", "Chap on the counter was really helpful with the forms", "staff"),
    ("generic", "Our registrar made the ceremony feel personal", "staff"),
    ("generic", "The sommelier picked a lovely red for us", "staff"),
    ("generic", "My chiropodist is gentle and thorough", "staff"),
    ("generic", "Rang on Monday and they sent an electrician round the next day", "speed"),
    ("finance", "They sent a surveyor out the next day", "speed"),
    ("generic", "水漏れの連絡をしたら当日に駆けつけてくれた", "speed"),
    ("finance", "相談しても話がなかなか進まない", "speed"),
    ("generic", "申し込みの手続きが一向に進まない", "speed"),
    ("finance", "Absolute crooks, the lot of them", "trust"),
    ("retail", "Kettle was DOA", "quality"),
    ("retail", "Scan as you shop saves me so much time", "checkout"),
    # ERR24, utilities' bills by docs/labelling.md: an amount put up is price, whatever names it
    # (a direct debit, a monthly payment, 引き落とし額)
    ("generic", "My direct debit has gone up again with no warning", "price"),
    ("saas", "They put my monthly payment up without asking", "price"),
    ("generic", "電気の引き落とし額が急に上がった", "price"),
    ("finance", "保険の引き落としが毎年増えていく", "price"),
    # ERR25: forms of blind sets 19-24's misses no readable set labels otherwise: how accurate a
    # function is (精度: features in 35 of 35 saas comments); paid out in so many days; how long
    # each call took; a task timed on the app; chauffeurs, keepers, pilots; crowding (芋洗い)
    ("saas", "文字認識の精度がいまいち", "features"),
    ("finance", "画面割れて申請したら3日で保険金", "speed"),
    ("finance", "Each call took 40 minutes to get through", "speed"),
    ("finance", "Changed my address, two minutes on the app and done", "speed"),
    ("generic", "The chauffeur kept the car lovely and warm", "staff"),
    ("generic", "The keepers knew every animal by name", "staff"),
    ("generic", "Our balloon pilot talked us through the landing", "staff"),
    ("generic", "連休の水族館は芋洗い状態だった", "usability"),
    # ERR26: forms of blind set 25's English misses every readable set labels so: a delivery
    # driver judged as a person is staff (17 of 19 retail comments); a markup is a price; what
    # arrives N minutes late is saas performance; a size guide judged for what it says is faq
    ("retail", "Delivery driver was lovely, carried the compost round the back", "staff"),
    ("retail", "Delivery man was rude and left the fridge in the driveway", "staff"),
    ("finance", "Sold me coins with a 30% markup as 'collector grade'", "price"),
    ("retail", "The mark-up compared to buying it in Europe is ridiculous", "price"),
    ("saas", "Notifications come through 20 mins late so two groups turned up", "performance"),
    ("retail", "Size guide was spot on, everything fitted first time", "faq"),
    ("retail", "I went half a size down like the size guide says and they're perfect", "faq"),
    # ERR27: forms of blind set 26's English misses every readable set labels so: a change made
    # without telling anyone is communication (35 of 35); paid with no quibbles is a finance
    # claim (11 of 11); a fiver or a tenner paid is a price (6 of 6)
    (
        "saas",
        "They removed the offline mode in the last update without telling anyone",
        "communication",
    ),
    ("finance", "Storm took the fence down, paid for a new one, no quibbles", "claims"),
    ("retail", "sausage roll and a coffee for under a fiver, cant complain", "price"),
    ("retail", "UVB bulbs are a fiver more than on Amazon", "price"),
    # ERR28: swapped no questions asked is a return (8 of 8 readable retail comments)
    ("retail", "Swapped the kettle for a new one no questions asked", "returns"),
    # ERR34J: Japanese forms of set 32's even ids' and blind 28's misses every readable set labels
    # so: 仲居 is staff (6 of 6); a numbered ticket is a wait (14 of 14) and done within the
    # morning or the day is speed (6 of 6); too many people is crowding (4 of 5); a medicine or a
    # treatment that works is quality (3 of 3); a task that takes N seconds or a long time is saas
    # performance (24 of 24); an insurer that did not pay out (保険がおりない) is a claim (3 of 3)
    ("generic", "仲居さんがとても気さくでした", "staff"),
    ("generic", "区民センターで番号札を取ってから40分", "speed"),
    ("generic", "車検、午前中のうちに終わって助かった", "speed"),
    ("generic", "連休は人が多すぎて写真も撮れない", "usability"),
    ("generic", "処方された薬がちゃんと効いた", "quality"),
    ("saas", "レポートの出力に毎回かなりの時間がかかる", "performance"),
    ("finance", "入院したのに保険がおりなかった", "claims"),
]


@pytest.mark.parametrize(("pack", "text", "theme"), GENERIC_WORDS)
def test_words_any_business_of_the_pack_uses_find_their_theme(
    pack: str, text: str, theme: str
) -> None:
    tags = tag_themes(pd.Series([text], dtype="string"), load_pack(pack), learned=False)
    assert bool(tags.iloc[0][theme])


@pytest.mark.parametrize(
    "make", [list, tuple, pd.Series, lambda t: (x for x in t), lambda t: pd.Index(t)]
)
def test_best_pack_and_coverage_take_any_sequence_of_comments(make) -> None:  # type: ignore[no-untyped-def]
    # README: "best_pack(comments) tells which pack tags most of a set of comments".
    texts = ["The API keeps timing out", "docs are outdated", None, "love the integrations"]
    expected = best_pack(pd.Series(texts))
    assert best_pack(make(texts)) == expected == ("saas", pytest.approx(100.0))
    assert coverage(make(texts), load_pack("saas")) == pytest.approx(100.0)


def test_one_string_is_not_a_set_of_comments() -> None:
    with pytest.raises(TypeError) as info:
        best_pack("The API keeps timing out")  # type: ignore[arg-type]
    assert str(info.value) == (
        "texts: expected comments (a pandas Series, list or tuple of str); found one str: "
        "pass [text]"
    )


def _product_patterns():  # the generator of the packs' "an unnamed thing, judged" patterns
    spec = importlib.util.spec_from_file_location(
        "product_patterns", Path(__file__).parents[1] / "tools" / "product_patterns.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_product_patterns_in_the_themes_files_come_from_their_one_source() -> None:
    assert _product_patterns().check() == []


def test_product_pattern_check_finds_and_mends_an_edit_made_in_one_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tool = _product_patterns()
    root = Path(__file__).parents[1]
    for _pack, _theme, name, _adjectives, _extra in tool.PACKS:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text((root / name).read_text(encoding="utf-8"), encoding="utf-8")
    edited = tmp_path / "nps_kit/resources/packs/saas/themes.yaml"
    text = edited.read_text(encoding="utf-8")
    edited.write_text(text.replace("|a gimmick)", "|a gimmick|meh)", 1), encoding="utf-8")
    monkeypatch.setattr(tool, "ROOT", tmp_path)
    assert tool.check() == ["nps_kit/resources/packs/saas/themes.yaml"]
    assert tool.check(write=True) == ["nps_kit/resources/packs/saas/themes.yaml"]
    assert tool.check() == []
    assert edited.read_text(encoding="utf-8") == text


# Retail advice that a saas, finance or generic project must not inherit (QA22 #12: the saas
# playbook init wrote told a software company to agree plans with carriers).
RETAIL_ONLY = r"carrier|deliver|search, compare, buy|loyalty|配送|購入"


@pytest.mark.parametrize("pack", [p for p in PACKS if p != "retail"])
def test_pack_playbook_holds_no_retail_actions(pack: str) -> None:
    book = load_pack(pack)
    playbook = load_playbook(pack_files(pack)[1], themes=book.ids)
    segments = ("promoter", "passive", "detractor")
    actions = [
        *(a for seg in segments for a in getattr(playbook.general, seg)),
        *(a for d in playbook.drivers.values() for a in d.actions),
        *(a for entry in playbook.themes.values() for seg in segments for a in getattr(entry, seg)),
    ]
    # the food pack's own delivery theme (riders, delivery apps) may speak of delivery, and the
    # logistics pack's customers buy carriers' deliveries (配送)
    retail_only = RETAIL_ONLY.replace("|deliver", "") if "delivery" in book.ids else RETAIL_ONLY
    if pack == "logistics":
        retail_only = retail_only.replace("carrier|", "").replace("|配送", "")
    wrong = [a.en for a in actions if re.search(retail_only, f"{a.en} {a.ja}", re.IGNORECASE)]
    assert wrong == []
    assert "delivery" not in playbook.drivers


@pytest.mark.parametrize("pack", PACKS)
def test_each_pack_playbook_names_only_its_own_world(pack: str) -> None:
    # FIX30 (QA22 #12): its theme actions are its own themes', and no driver is keyed on
    # another pack's theme (retail's delivery in a software project).
    own = set(load_pack(pack).ids)
    others = set().union(*(load_pack(p).ids for p in PACKS if p != pack)) - own
    playbook = load_playbook(pack_files(pack)[1], themes=sorted(own))
    assert set(playbook.themes) <= own
    assert set(playbook.drivers) & others == set()


@pytest.mark.parametrize("pack", [p for p in PACKS if p != "retail"])
def test_without_a_playbook_file_a_pack_unit_gets_its_packs_actions(
    pack: str, tmp_path: Path
) -> None:
    # QA22: a unit of the saas pack without a playbook of its own was given the retail one
    # (carriers, "search, compare, buy", loyalty benefits): the pack's own is read.
    from nps_kit.analysis import analyse_followups
    from nps_kit.unit import prepare_unit

    export = tmp_path / "export.csv"
    rows = ["date,score,why"] + [
        f"2026-10-{1 + i % 28:02d},{i % 11},the app and the price and the staff" for i in range(60)
    ]
    export.write_text("\n".join(rows) + "\n", encoding="utf-8")
    themes = tmp_path / "themes.yaml"
    themes.write_text(f"version: 1\nextends: {pack}\n", encoding="utf-8")
    unit = prepare_unit(
        export, name="X", language="en", period="2026-10", score_column="score",
        date_column="date", text_columns=["why"],
    )  # fmt: skip
    found = analyse_followups(unit, [{"column": "why", "type": "text"}], themes_path=themes)
    texts = [r.action for r in found.recommendations]
    assert texts and [a for a in texts if re.search(RETAIL_ONLY, a, re.IGNORECASE)] == []
    general = load_playbook(pack_files(pack)[1], themes=load_pack(pack).ids).general
    assert general.promoter[0].en in texts


# British spellings a US reader trips over (QA22 #12, FIX30: "Phone and call centre").
UK_ONLY = r"centre|programme|colour|favourite|(?:prioriti|recogni|organi|personali|optimi)se"


@pytest.mark.parametrize("pack", PACKS)
def test_labels_and_advice_read_in_us_and_uk_english_alike(pack: str) -> None:
    book = load_pack(pack)
    labels = [book.label(t, "en") for t in book.ids]
    playbook = load_playbook(pack_files(pack)[1], themes=book.ids)
    segments = ("promoter", "passive", "detractor")
    advice = [
        *(a.en for seg in segments for a in getattr(playbook.general, seg)),
        *(a.en for d in playbook.drivers.values() for a in d.actions),
        *(a.en for e in playbook.themes.values() for seg in segments for a in getattr(e, seg)),
    ]
    uk = [t for t in [*labels, *advice] if re.search(UK_ONLY, t, re.IGNORECASE)]
    assert uk == []
    if "phone" in book.ids:
        assert book.label("phone", "en") == "Phone support"


def test_the_generic_pack_speaks_to_any_business() -> None:
    # QA23: a clinic read 「品質・仕上がり」 (仕上がり, a retail word) and, for complaints about
    # how treatment and medicine were explained, advice about delays only.
    book = load_pack("generic")
    labels = dict(zip(book.ids, (book.label(t, "ja") for t in book.ids), strict=True))
    assert labels["quality"] == "品質・内容"
    assert not [label for label in labels.values() if "仕上がり" in label]
    playbook = load_playbook(pack_files("generic")[1], themes=book.ids)
    (advice,) = playbook.themes["communication"].detractor
    assert "説明" in advice.ja and "遅れ" in advice.ja
    assert "Explain" in advice.en and "delays" in advice.en


def test_saas_playbook_maps_software_rating_columns() -> None:
    playbook = load_playbook(pack_files("saas")[1], themes=load_pack("saas").ids)
    assert playbook.driver_for("rating_support") == "support"
    assert playbook.driver_for("rating_uptime") == "reliability"
    assert playbook.driver_for("rating_delivery") is None


# QA24 11: an insurer's report read "App, online banking and website" and "Measure processing
# times for account opening, transfers and approvals". The finance pack serves banks, insurers,
# lenders and card issuers: no label or advice may name what only a bank does.
_BANK_ONLY = (
    "online banking", "account opening", "transfers", "your accounts", "passives' accounts",
    "ネットバンキング", "口座開設", "振込",
)  # fmt: skip


def _texts(node: object) -> list[str]:
    if isinstance(node, dict):
        kept = [value for key, value in node.items() if key not in ("keywords", "columns")]
        return _texts(kept)
    if isinstance(node, list):
        return [t for item in node for t in _texts(item)]
    return [node] if isinstance(node, str) else []


def test_finance_labels_and_advice_fit_insurers_too() -> None:
    import yaml

    themes_file, playbook_file = pack_files("finance")
    themes = yaml.safe_load(themes_file.read_text(encoding="utf-8"))["themes"]
    labels = [t for theme in themes.values() for t in _texts(theme["label"])]
    advice = _texts(yaml.safe_load(playbook_file.read_text(encoding="utf-8")))
    assert len(labels) == 20 and len(advice) > 60
    found = [t for t in labels + advice if any(word in t.lower() for word in _BANK_ONLY)]
    assert found == []


def test_generic_advice_fits_parking_and_asks_no_promoter_for_referrals_or_reviews() -> None:
    # QA26 #16: a hospital's parking complaints read 「予約・手続きの手間を洗い出し、手順を減らす」
    # and every promoter card 「紹介制度があれば参加を依頼する」 (medical advertising rules).
    book = load_pack("generic")
    playbook = load_playbook(pack_files("generic")[1], themes=book.ids)
    (detractor,) = playbook.themes["usability"].detractor
    assert (
        detractor.ja
        == "アクセス・駐車場・予約や電話・受付時間のうち、不満の多い点を特定して改善する"
    )
    assert "parking" in detractor.en and "booking" in detractor.en
    promoter = [*playbook.general.promoter]
    promoter += [a for theme in playbook.themes.values() for a in theme.promoter]
    asks = [
        a.ja + a.en
        for a in promoter
        if re.search("紹介|レビュー|口コミ|referr|review|recommend", a.ja + a.en)
    ]
    assert asks == []
    assert playbook.general.promoter[0].en == (
        "Thank promoters personally, ask what they value most, and keep doing it"
    )


def test_best_pack_chooses_food_for_a_restaurant_but_not_for_a_hotel() -> None:
    # FOOD57 (QA27: a restaurant chain's export read through generic had no theme for order
    # accuracy, cleanliness or the menu).
    restaurant = pd.Series(
        [
            "They forgot my fries again",
            "Burger was cold and the bun soggy",
            "Lovely waitress, food came out quick",
            "Toilets were filthy",
            "Too noisy to talk, tables crammed together",
            "Not much on the menu for vegetarians",
            "Pricey for the portion size",
            "Uber Eats order turned up 40 minutes late",
            "注文と違う品が来た",
            "ラーメンが美味しかった。店員さんも親切",
            "Great pizza, will be back",
            "Booking on the app kept failing",
        ]
    )
    assert best_pack(restaurant).pack == "food"
    # a hotel's breakfast (1 comment in 11) is no restaurant: generic, as before the food pack
    hotel = pd.Series(
        [
            "Lovely room and the front desk staff were so friendly",
            "Great location near the station, will be back",
            "Overpriced for what you get",
            "Room wasn't ready until 5pm, waited ages at reception",
            "Breakfast was cold and the coffee awful",
            "Check-in was quick and easy",
            "Charged twice and still waiting for the refund",
            "Near the airport, handy for an early flight",
            "Location was perfect for the conference",
            "Good location, walkable to everything",
            "We come every year for the festival",
        ]
    )
    assert best_pack(hotel).pack == "generic"


def test_best_pack_reads_dishes_named_by_what_they_are_as_a_restaurant() -> None:
    # REVIEW29: a restaurant whose comments judge the salad, the curry and the noodles held too
    # few of the food words (meal, dish, burger) and got generic: "Quality (-)" for cold soup.
    restaurant = pd.Series(
        [
            "The curry was cold",
            "Salad was limp and overdressed",
            "Noodles came out soggy",
            "Steak cooked exactly as asked",
            "Soup of the day was lovely",
            "Pasta was bland, needed salt",
            "Tacos were amazing",
            "Waited ages for the bill",
            "Toilets need a clean",
            "Our server was brilliant",
            "Too loud to hear each other",
            "Will be back",
        ]
    )
    assert best_pack(restaurant).pack == "food"


def test_best_pack_chooses_logistics_for_a_forwarder_but_not_for_a_shops_deliveries() -> None:
    # LOG76 (QA28, QA31: a freight forwarder's export got generic, whose "Freight rates changed"
    # was ease of use and whose first action was about parking and phone lines).
    forwarder = pd.Series(
        [
            "Container sat at customs for 9 days, nobody told us why.",
            "Freight rates changed after booking without notice.",
            "Pallets arrived damaged twice this quarter.",
            "Tracking portal is down every Monday morning.",
            "Invoices never match the quoted rates.",
            "Driver missed the delivery window at our DC again.",
            "Our account manager solved a customs hold in two hours.",
            "Reliable air freight, always on time.",
            "配送遅延が多く、連絡もない。",
            "通関がスムーズでした。",
            "Great rates on the Asia lanes.",
            "Rates are ok, service average.",
        ]
    )
    assert best_pack(forwarder).pack == "logistics"
    # a shop's customers complain of its deliveries, couriers and parcels: retail, as before
    shop = pd.Series(
        [
            "Parcel arrived two days late and the courier left it in the rain",
            "Delivery driver was rude",
            "Tracking never updated, had to chase the order",
            "Box was crushed when it arrived, the mug inside broken",
            "Checkout kept failing on the app",
            "Refund took three weeks",
            "Great prices and free delivery over £30",
            "配送が遅い。追跡番号も届かない",
            "商品が破損して届いた",
            "Wrong size sent, returns were easy though",
            "Lovely staff in the Leeds store",
        ]
    )
    assert shop.str.contains(DOMAIN_MARKERS["logistics"]).mean() * 100 < MARKER_SHARES["logistics"]
    assert best_pack(shop).pack == "retail"


def test_a_shop_whose_customers_speak_of_shipments_collections_and_pick_ups_stays_retail() -> None:
    # REVIEW34: "my shipment", a fashion "collection" and a click-and-collect "pick-up" in 5 of
    # these 20 comments were freight words, so a shop full of delivery and tracking talk got
    # the logistics pack and a shipper's playbook.
    shop = pd.Series(
        [
            "My shipment arrived late and the tracking never updated.",
            "Love the new autumn collection, great prices.",
            "Delivery took a week, tracking number did not work.",
            "The shipment was split in two and one part got lost.",
            "Staff in store were helpful with returns.",
            "Website checkout is clunky, payment failed twice.",
            "Great quality clothes, fits well.",
            "Delivery driver left the parcel in the rain.",
            "Tracking said delivered but nothing arrived.",
            "Prices are too high compared to other shops.",
            "Easy returns, refund came quickly.",
            "The winter collection sold out in my size.",
            "Courier was late and the delivery window was missed.",
            "Order arrived damaged, box crushed.",
            "Good selection, friendly staff.",
            "Click and collect pick-up at the store was quick.",
            "Shipping costs are too high for small orders.",
            "Item was out of stock after I ordered.",
            "The app keeps crashing when I add items to the basket.",
            "Fast delivery, well packed.",
        ]
    )
    assert best_pack(shop).pack == "retail"
    # A freight export in Japanese alone still gets logistics.
    freight = pd.Series(
        [
            "集荷の時間が守られないことが多い。", "通関書類の不備で貨物が止まった。",
            "運賃が急に上がった説明がない。", "倉庫での破損が多く、補償の手続きが遅い。",
            "担当者の対応は丁寧で助かっている。", "追跡システムが分かりにくい。",
            "到着が予定より三日遅れた。", "請求書の金額が見積もりと違う。",
            "コンテナの手配が早くて助かる。", "予約画面が使いにくい。",
        ]
    )  # fmt: skip
    assert best_pack(freight).pack == "logistics"


@pytest.mark.parametrize(
    "comment",
    ["窓口の待ち時間が長すぎます。1時間以上待たされました。", "I waited over an hour to be seen"],
)
def test_finance_advice_for_waiting_speaks_of_the_wait(comment: str) -> None:
    # QA43: a bank's detractors waiting an hour at the counter (the speed theme; the branch
    # theme leaves the branch's wait to it) were told to shorten the processing of
    # "applications, claims and payments": advice for the paperwork, not for the queue.
    book = load_pack("finance")
    found = tag_themes(pd.Series([comment]), book)
    (theme,) = [t for t in book.ids if found[t].iloc[0]]
    playbook = load_playbook(pack_files("finance")[1], themes=book.ids)
    first = playbook.themes[theme].detractor[0]
    assert "待ち時間" in first.ja and re.search(r"\b(queues?|waits?|waiting)\b", first.en)
