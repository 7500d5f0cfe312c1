from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nps_kit.errors import ConfigError
from nps_kit.score import segment
from nps_kit.text import (
    PACKS,
    POLARITIES,
    _lexicon,
    clause_split,
    normalise_one,
    polarity_of,
    sentiment,
    theme_mentions,
)
from nps_kit.text.packs import load_pack
from nps_kit.text.sentiment import tag_polarity
from nps_kit.text.tokens import normalise

DATA = Path(__file__).resolve().parent / "data"


# The dictionaries and clause rules, without the learned layer (tests/test_layer.py tests it).
def _polarity(text: str, theme: str) -> str:
    found = theme_mentions(pd.Series([text]), learned=False)
    row = found[found["theme"] == theme]
    assert len(row) == 1, found
    return str(row["polarity"].iloc[0])


def test_clauses_split_at_contrasts_sentence_ends_and_joins():
    text = normalise_one("配送は早かったけど、箱が潰れていた。ただ、対応は丁寧でした")
    assert clause_split(text) == ["配送は早かった", "箱が潰れていた", "対応は丁寧でした"]
    assert clause_split("it took a while to get through") == ["it took a while to get through"]
    # が straight after an adjective is "but"; after a noun it marks the subject.
    assert clause_split("配送は早いが梱包が雑") == ["配送は早い", "梱包が雑"]
    # のに before what a task took is "to", not "although".
    assert clause_split("用語が多く、理解するのに時間がかかった") == [
        "用語が多く",
        "理解するのに時間がかかった",
    ]
    assert clause_split("fast delivery but the box was crushed. £6.99 postage, though") == [
        "fast delivery",
        "the box was crushed",
        "£6.99 postage",
    ]


@pytest.mark.parametrize(
    ("text", "theme", "expected"),
    [
        ("配送が遅い", "delivery", "negative"),
        ("配送がとても早くて助かりました", "delivery", "positive"),
        ("値段は悪くない", "price", "positive"),
        ("配送をもっと早くしてほしい", "delivery", "negative"),
        ("送料がもう少し安ければ嬉しいです", "price", "negative"),
        ("電話がつながらない", "phone", "negative"),
        ("アプリで注文しました", "usability", "neutral"),
        ("スタッフの方が、とても親切でした", "staff", "positive"),
        ("品質が高い", "quality", "positive"),
        ("料金が高い", "price", "negative"),
        ("Delivery was not slow at all", "delivery", "positive"),
        ("Delivery was slow", "delivery", "negative"),
        ("It would be nice if shipping were cheaper and delivery faster", "delivery", "negative"),
        ("The staff should be more helpful", "staff", "negative"),
        ("My package never arrived", "delivery", "negative"),
        ("I ordered through the app", "usability", "neutral"),
        ("No problems with the refund", "returns", "positive"),
        # A subordinate clause ends the scope of a negator: "unless I chase" stays a complaint.
        ("No emails about my order unless I chase", "email", "negative"),
        ("Returns were hassle-free", "returns", "positive"),
        ("The delivery was nothing but hassle", "delivery", "negative"),
        ("Checkout was fiddly", "checkout", "negative"),
        ("配送が遅くて困っています", "delivery", "negative"),
        ("返品の手続きが楽でした", "returns", "positive"),
        ("アプリがシンプルで直感的", "usability", "positive"),
        ("アプリが重すぎる", "usability", "negative"),
        # Topic words that general lexicons score ("joke" is praise there, "energy" too).
        ("The phone line is a joke", "phone", "negative"),
        ("Delivery of our energy meter was booked", "delivery", "neutral"),
        # How long it took, decline, requests as questions, negated complaints (issue 11).
        ("Took over a week to arrive", "delivery", "negative"),
        ("The website keeps logging me out", "usability", "negative"),
        ("The quality has gone downhill", "quality", "negative"),
        ("The app could be a lot better", "usability", "negative"),
        ("Can you add a filter for size on the website", "usability", "negative"),
        ("Returned it no questions asked", "returns", "positive"),
        ("配送が早ければ文句なし", "delivery", "negative"),
        ("サイトがわかりにくいわけではない", "usability", "positive"),
        # Japanese forms the lexicons missed or misread (issue 11, blind sets).
        ("店員さんが丁寧に教えてくださいました", "staff", "positive"),  # thanks, not a request
        ("アプリで返品の手続きができるようになった", "returns", "positive"),
        ("配送の遅れもほとんどない", "delivery", "positive"),  # negation after an adverb
        ("配送の箱がでかすぎる", "delivery", "negative"),  # 〜すぎ: too much
        ("店員さんが親切すぎる", "staff", "positive"),  # 〜すぎ after praise intensifies
        ("返金まで2週間もかかった", "returns", "negative"),  # a long wait
        ("配送に1日もかからなかった", "delivery", "positive"),
        ("アプリがよく固まる", "usability", "negative"),  # よく before a verb: often
        ("よくある質問で答えが見つからなかった", "faq", "negative"),
        ("普段の値段はAmazonのほうが安い", "price", "negative"),  # a rival is the better one
        ("ネットで買い物しやすい", "usability", "positive"),
        # English: something missing, a burden spared, having to, softeners (issue 11).
        ("Zero updates about my delivery", "delivery", "negative"),
        ("Still no refund after a month", "returns", "negative"),
        ("Had to call the phone line three times", "phone", "negative"),
        ("Didn't have to chase my refund once", "returns", "positive"),
        ("The staff were a bit cold", "staff", "negative"),
        ("Marketing emails are way too frequent", "communication", "negative"),
        ("Staff knew their stuff", "staff", "positive"),
        ("The app is dead easy to use", "usability", "positive"),
        ("Got transferred three times on the phone", "phone", "negative"),
        # Requests and expectations.
        ("Just let me pay as a guest pls", "checkout", "negative"),
        ("The checkout let me pay with Klarna, which was handy", "checkout", "positive"),
        ("For the price you'd expect better", "price", "negative"),
        # Sarcasm, quoted claims and rivals.
        ("Loved paying £5 for delivery. Real bargain.", "price", "negative"),  # a fee: price
        ('"Fast delivery" they said. Took two weeks.', "delivery", "negative"),
        ("Delivery takes a week, others do it next day", "delivery", "negative"),
        ("Prices are much cheaper than other shops", "price", "positive"),
        ("Love how the app logs me out every day", "usability", "negative"),
        ("Love how easy the app is", "usability", "positive"),
        ("Their 'quick' delivery took a week", "delivery", "negative"),
        # Set phrases are not split at "and"; one negator reverses one judgement.
        ("Staff went above and beyond", "staff", "positive"),
        ("The app kept failing with no useful error message", "usability", "negative"),
        ("Live chat fixed my issue in like 5 minutes", "chat", "positive"),
        ("The app is so much better since the update", "usability", "positive"),
        ("Found it cheaper on Amazon", "price", "negative"),
        ("Could you add Apple Pay at checkout?", "checkout", "negative"),
        ("Delivery guy left my parcel in the rain", "delivery", "negative"),
        ("Is it too much to ask for delivery on time?", "delivery", "negative"),  # rhetorical
        ("Good prices compared to other shops", "price", "positive"),  # compared with, not rivals
        ("Delivery could've been quicker", "delivery", "negative"),
        ("Free delivery is a big plus", "price", "positive"),  # "plus" is no join; a fee: price
        ("Delivery was ok but nothing special", "delivery", "neutral"),  # ordinary (TAXONOMY)
        ("Delivery is usually good but this time it was late", "delivery", "mixed"),
        ("Can't recommend their delivery enough", "delivery", "positive"),
        ("Delivery 10/10", "delivery", "positive"),
        ("Steer clear of the returns process", "returns", "negative"),
        ("Delivery could not have been faster", "delivery", "positive"),
        ("Delivery isn't what it used to be", "delivery", "negative"),  # no double reversal
        ("Everything was perfect except the delivery", "delivery", "negative"),
        ("Apart from the late delivery, all good", "delivery", "negative"),
        ("Staff went out of their way to help", "staff", "positive"),
        ("It could have been worse, delivery was fine", "delivery", "neutral"),  # merely fine
        ("Staff were fine.", "staff", "neutral"),  # acceptable is ordinary (TAXONOMY)
        ("The app is ok but crashes a lot", "usability", "mixed"),  # fine, then a complaint
        ("Delivery took the usual 3 days", "delivery", "neutral"),
        ("Prices are about what you'd expect", "price", "neutral"),
        ("品質は期待通り", "quality", "positive"),
        ("サイズ感が思ったより小さかった", "quality", "negative"),  # not as expected
        # A wish put as a condition.
        ("送料が無料になったら最高", "price", "negative"),
        ("アプリにお気に入り機能があれば便利なのに", "usability", "negative"),
        ("電話がつながりやすくなるといいです", "phone", "negative"),
        ("レジの待ち時間がほぼない", "checkout", "positive"),
        ("レジがいつも混んでいる", "checkout", "negative"),
        ("配送は早いが梱包が雑", "delivery", "mixed"),
    ],
)
def test_polarity_of_a_theme_mention(text: str, theme: str, expected: str) -> None:
    assert _polarity(text, theme) == expected


def test_sarcasm_reads_praise_as_complaint():
    assert _polarity("Great, another late delivery. Thanks!", "delivery") == "negative"
    assert _polarity("Oh great, the app logged me out again. Lovely.", "usability") == "negative"
    assert _polarity("Thanks, the delivery was lovely", "delivery") == "positive"


def test_praise_and_complaint_about_one_theme_is_mixed():
    assert _polarity("配送は早かったけど、配送業者の態度が最悪", "delivery") == "mixed"
    assert _polarity("Delivery was quick but the delivery driver was awful", "delivery") == "mixed"


def test_a_judgement_after_a_contrast_with_its_own_subject_is_not_the_themes():
    assert _polarity("Delivery was a day late but the product itself is excellent", "delivery") == (
        "negative"
    )
    assert _polarity("配送は遅かったけど、商品自体は最高", "delivery") == "negative"
    # …nor is one about the time after: the product once it runs.
    found = theme_mentions(
        pd.Series(["Setup was a pain but once you get going it's great"]), pack="saas"
    )
    assert found["polarity"].astype(str).tolist() == ["negative"]
    # …or about the theme that borrowed the judgement before it.
    text = "担当の行員さん、みんな感じがいいです。でも知識にはばらつきがある"
    assert theme_mentions(pd.Series([text]), pack="finance")["polarity"].tolist() == ["mixed"]
    # Without a subject of its own it is about the theme before it.
    assert _polarity("Delivery was quick but kept me waiting at the door", "delivery") == "mixed"


def test_each_theme_takes_the_polarity_of_its_own_clause():
    found = theme_mentions(pd.Series(["Delivery was fast, but the staff were rude"]))
    assert found[["theme", "polarity"]].astype(str).values.tolist() == [
        ["delivery", "positive"],
        ["staff", "negative"],
    ]


def test_theme_mentions_frame_shape_and_order():
    texts = pd.Series(
        ["スタッフは親切だが配送が遅い", None, "", "特になし", "price is too high"],
        index=["r1", "r2", "r3", "r4", "r5"],
    )
    found = theme_mentions(texts)
    assert list(found.columns) == ["row", "theme", "polarity"]
    assert found["row"].tolist() == ["r1", "r1", "r5"]
    assert found["theme"].tolist() == ["delivery", "staff", "price"]  # book order per comment
    assert found["polarity"].astype(str).tolist() == ["negative", "positive", "negative"]
    assert list(found["polarity"].cat.categories) == list(POLARITIES)


def test_no_theme_gives_an_empty_frame_with_the_columns():
    found = theme_mentions(pd.Series(["特になし", None]))
    assert found.empty
    assert list(found.columns) == ["row", "theme", "polarity"]


def _pack_polarity(text: str, pack: str, theme: str) -> str:
    found = theme_mentions(pd.Series([text]), pack=pack, learned=False)
    return dict(zip(found["theme"], found["polarity"].astype(str), strict=True))[theme]


def test_a_theme_without_judgement_takes_its_neighbours():
    # Nothing else judges price: it takes the judged clause joined to it, even though that
    # clause names a theme of its own (communication).
    text = "My bill was double what I expected and nobody could explain why"
    assert _pack_polarity(text, "generic", "price") == "negative"
    assert (
        _pack_polarity("請求額がいきなり倍になった。説明もない", "generic", "price") == "negative"
    )
    # Chat is judged in a clause of its own, so its bare mention borrows nothing ("though" at
    # the end of a sentence turns it against the one before).
    text = (
        "Couldn't find the returns policy on the site, so I asked on chat. Chat was helpful though."
    )
    assert _polarity(text, "chat") == "positive"
    # A contrast word stops the borrowing.
    assert _pack_polarity("コスパは悪くないけど、味はふつう", "generic", "quality") == "neutral"


def test_japanese_lexicon_words_inside_longer_words_are_not_cues():
    # インポ inside インポート, らい inside くらい, デート inside アップデート.
    assert polarity_of("インポートが簡単") == "positive"
    assert polarity_of("チュートリアルがわかりやすくて1週間くらいで慣れました") == "positive"
    assert polarity_of("アップデートの案内が届いた") == "neutral"
    assert polarity_of("エラーメッセージが出た") == "negative"  # a survey word of our own
    assert polarity_of("ストレスフリーで使える") == "positive"
    # Topics that general lexicons judge (住宅ローン, 事故) are not judgements in a survey.
    assert polarity_of("住宅ローンの相談で支店に行きました") == "neutral"
    assert polarity_of("事故の後、保険金がすぐ振り込まれて助かりました") == "positive"


def test_polarity_of_whole_text():
    assert polarity_of("悪くない") == "positive"
    assert polarity_of("もう信用できない") == "negative"
    assert polarity_of("no small print gotchas") == "positive"  # the negator is used up
    assert polarity_of("no contract") == "positive"  # a burden spared
    assert polarity_of("振込手数料なし") == "positive"
    assert polarity_of("プランの違いがよくわからない") == "negative"  # よく: well, not good
    assert polarity_of("not great") == "negative"
    assert polarity_of("ordered on tuesday") == "neutral"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A defect that is also a theme keyword is still a complaint, and its absence praise.
        ("two of the mugs were chipped", "negative"),
        ("the lid arrived cracked", "negative"),
        ("no warping at all after a year", "positive"),
        # …unless a repair took it away: the job's object.
        ("the cracked tile was replaced", "neutral"),
        # Lasting only so long, or breaking within a fortnight, is no praise of durability.
        ("the hinge lasted three weeks before it went", "negative"),
        ("only lasted a month", "negative"),
        ("the strap snapped within a fortnight", "negative"),
        ("the battery lasted three days", "positive"),
        # Idioms of praise made of complaint words.
        ("for a fiver you can't beat it", "positive"),
        ("won't be the last time I order", "positive"),
        ("my premium dropped by £60", "positive"),
        # Conceding a point praises nothing (QA20's dental detractor read as praising the price).
        ("to be fair the quote was £1,200", "neutral"),
        ("in all fairness they did ring back", "neutral"),
        ("a fair price", "positive"),
        ("prices went up again", "negative"),
        # Japanese: a nuisance felt nowhere, the one consolation, freed from a burden.
        ("ストレス感ゼロ", "positive"),
        ("押し売り感がなかった", "positive"),
        ("対応が早かったのがせめてもの救い", "positive"),
        ("せめて一言ほしかった", "negative"),
        ("手書きの台帳から解放された", "positive"),
        # …a wish in the past is a request; easy to go wrong is a complaint.
        ("予約の変更がネットでできる仕組みがあればよかったのですが", "negative"),
        ("もっと早く使えばよかった", "positive"),
        ("すぐに汚れやすい", "negative"),
        ("粉がダマになりやすい", "negative"),
        ("使いやすい", "positive"),
        # …a maze, confusing; broken within days.
        ("メニュー画面が迷路", "negative"),
        ("料金表が紛らわしい", "negative"),
        ("ストラップが二日で切れた", "negative"),
        ("ボタンが3回で取れた", "negative"),
        # Buying again for sure is praise (the retail pack reads リピ確定 as the product's).
        ("このシャンプーはリピ決定", "positive"),
        # ERR20: praise negated by いかない is a complaint; a sour face never made is praise.
        ("設定がうまくいかない", "negative"),
        ("同期が上手くいかなかった", "negative"),
        ("何度聞いても嫌な顔ひとつされなかった", "positive"),
        ("質問しても嫌な顔されない", "positive"),
        ("嫌な顔をされた", "negative"),
    ],
)
def test_polarity_of_defects_idioms_and_wishes(text: str, expected: str) -> None:
    # ERR19: the structural polarity errors of blind set 18 (short comments written for the test).
    assert polarity_of(normalise_one(text)) == expected


def test_unknown_pack_is_a_config_error():
    with pytest.raises(ConfigError) as info:
        theme_mentions(pd.Series(["x"]), pack="retial")
    assert str(info.value) == (
        "unknown theme pack 'retial'; expected one of "
        + ", ".join(PACKS)
        + " or the path of a themes YAML file. Did you mean 'retail'?"
    )


@pytest.mark.parametrize(
    ("text", "pack", "theme", "expected"),
    [
        ("Took support four days to reply", "saas", "support", "negative"),
        ("Support got back to me within an hour", "saas", "support", "positive"),
        ("Hasn't gone down once this year", "saas", "reliability", "positive"),
        ("サイトの検索機能が使えない", "retail", "usability", "negative"),
        ("予約が取りにくい", "generic", "usability", "negative"),
        ("窓口の対応が遅すぎる", "finance", "speed", "negative"),
        ("Zero downtime since we moved", "saas", "reliability", "positive"),
        ("No hidden fees at all", "finance", "price", "positive"),  # a negated phrase
        ("No fees on international transfers", "finance", "price", "positive"),
        ("手数料は一切かからない", "finance", "price", "positive"),
        ("The docs are thin", "saas", "docs", "negative"),
        ("The app is constantly down", "saas", "reliability", "negative"),
        ("The wifi in the rooms is shocking for a 4 star hotel", "generic", "quality", "negative"),
        ("Setup took a whole afternoon", "saas", "onboarding", "negative"),
        ("Support took days to respond", "saas", "support", "negative"),
        ("Support ticket got closed without a fix", "saas", "support", "negative"),
        ("The support team actually listens", "saas", "support", "positive"),
        ("The branch was closed again", "finance", "branch", "negative"),
        ("They've put the fees up again", "finance", "price", "negative"),
        ("Would really like a dark mode", "saas", "features", "negative"),
        ("一度も止まったことがない", "saas", "reliability", "positive"),
        ("料理が冷めてた", "generic", "quality", "negative"),
        ("待ち時間も短くて助かりました", "generic", "speed", "positive"),
        ("予約時間どおりに診てもらえた", "generic", "speed", "positive"),
        ("注文してから40分。さすがに遅い", "generic", "speed", "negative"),
        ("手数料無料、文句なし", "finance", "price", "positive"),
        # ERR21: nothing left to wish for; a cost that makes the eyes water; "'s" is "is"
        ("Card replaced in two days. Couldn't ask for more.", "finance", "speed", "positive"),
        ("The annual fees are eye-watering", "finance", "price", "negative"),
        ("Licence costs are eye watering", "saas", "price", "negative"),
        ("The app's ok, nothing special.", "finance", "usability", "neutral"),
        ("Website's fine, nothing to shout about", "retail", "usability", "neutral"),
        ("They've put the membership up again", "generic", "price", "negative"),
        (
            "Booked our seats in the app. Never going back to the box office.",
            "generic",
            "usability",
            "positive",
        ),
        ("Pricing tiers jump a lot after 1,000 users", "saas", "price", "negative"),
        # a price called high, later than promised, the buck passed, belittling spared, what
        # staff could do now and then
        ("Their quote was high", "generic", "price", "negative"),
        ("Onboarding took a lot longer than they promised", "saas", "onboarding", "negative"),
        ("Support said it was not their problem", "saas", "support", "negative"),
        ("The adviser never made me feel rushed", "finance", "staff", "positive"),
        ("The cashier could smile occasionally", "retail", "staff", "negative"),
        # a process done laxly (〜が甘い) is a complaint; sweet food is not judged by it
        ("このシャツ、縫製が甘い", "retail", "quality", "negative"),
        ("梱包が甘かったです", "retail", "delivery", "negative"),
        # ERR26: a sum charged is a complaint (the price of 55 of 55 readable comments holding
        # it is labelled negative); a charge spared is praise
        (
            "Got charged a £20 fine because the dock didn't lock the bike",
            "generic",
            "price",
            "negative",
        ),
        ("Charged £150 to witness a signature. Took 4 minutes.", "generic", "price", "negative"),
        ("They didn't charge me a penny for the visit", "generic", "price", "positive"),
        # ERR27: no hard sell is praise, whatever it spared (60 of 61 readable comments'
        # themes labelled positive); what is rare these days is praise (29 of 30)
        (
            "The owner talked me out of the expensive one and into something that suited my kids",
            "retail",
            "staff",
            "positive",
        ),
        (
            "The salesperson didn't push me into anything and let me sit on twenty sofas",
            "retail",
            "staff",
            "positive",
        ),
        (
            "The adviser never pushed the one with the highest commission",
            "finance",
            "staff",
            "positive",
        ),
        (
            "Claim handler called me back when she said she would, rare these days",
            "finance",
            "staff",
            "positive",
        ),
        ("Local branch staff know me by name, that's rare now", "finance", "staff", "positive"),
        # support that only tells you to restart it is a complaint (6 of 6)
        (
            "The badge printer keeps dropping off and support just tell us to restart it",
            "saas",
            "support",
            "negative",
        ),
        (
            "Discount code didn't work at checkout and chat just told me to clear my cookies",
            "retail",
            "chat",
            "negative",
        ),
        # a push named as done stays a complaint
        ("The adviser pushed the most expensive policy on me", "finance", "staff", "negative"),
        # ERR28: care taken over the customer is praise (every readable comment holding it labels
        # the themes of its clause positive: spent ages with me 26 of 26, took the time 18 of 18,
        # without me even asking 26 of 26), so is what the banks would not touch (17 of 17); a
        # cost that adds up fast is a complaint of the price (12 of 12)
        (
            "The owner spent ages with me going through every glaze on the shelf",
            "retail",
            "staff",
            "positive",
        ),
        (
            "The pharmacist took the time to go through how my new inhaler works",
            "retail",
            "staff",
            "positive",
        ),
        (
            "Rang about a late payment and the adviser waived the fee without me even asking",
            "finance",
            "staff",
            "positive",
        ),
        (
            "Our broker found us a mortgage when the high street banks wouldn't touch us",
            "finance",
            "staff",
            "positive",
        ),
        ("Per-seat pricing adds up fast once the whole team is on it", "saas", "price", "negative"),
        # caught before I'd even noticed is praise; the alarm it names ('dodgy') is still read,
        # so the rules alone read both (negative at a955b52)
        (
            "They spotted a dodgy payment and froze my card before I'd even noticed",
            "finance",
            "trust",
            "mixed",
        ),
        # time spent with support on a problem stays a complaint (the clause is no longer cut at
        # 'with' only after 'spent ages' and the like, and the phrase needs a person after it)
        ("Spent ages with support trying to get a refund", "retail", "returns", "negative"),
        # ERR34J: もうちょい asks for more, as もうちょっと does (readable comments holding it:
        # rules right 40 -> 47 of 67); a sentence ending in てくれ or (Kansai) てや is an order
        # (22 of 23 labelled negative), not てくれますが; うまくいかず is うまくいかない
        ("サイズ表記、もうちょいわかりやすく", "retail", "quality", "negative"),
        ("デザインはかわいい。値段がもうちょい安ければ買う", "retail", "price", "negative"),
        ("マニュアルがPDFで300ページもある。動画にしてくれ", "saas", "docs", "negative"),
        ("届いた箱が角から潰れてた。梱包しっかりしてや", "retail", "delivery", "negative"),
        ("サポートに聞けば丁寧に教えてくれますが", "saas", "support", "positive"),
        ("データの移行がうまくいかず、手作業で直した", "saas", "onboarding", "negative"),
        # ERR34J: a low price a shop pays to buy back is a complaint (6 of 7 readable comments
        # negative, 1 mixed); too cheap for what it is (安すぎ) is praise outside it (5 of 5)
        ("ゲーム機を下取りに出したら安く叩かれた", "retail", "price", "negative"),
        ("買取価格は正直かなり低い", "retail", "price", "negative"),
        ("この仕上がりで2000円は安すぎる", "retail", "price", "positive"),
    ],
)
def test_polarity_in_other_packs(text: str, pack: str, theme: str, expected: str) -> None:
    assert _pack_polarity(text, pack, theme) == expected


@pytest.mark.parametrize(
    ("text", "pack", "theme", "expected"),
    [
        # Topic nouns and intensifiers the general lexicon scores (非常, 進捗, 知識).
        ("スタッフの対応が非常に丁寧でした", "generic", "staff", "positive"),
        ("進捗の連絡が一切ない", "saas", "communication", "negative"),
        # Survey words the lexicons miss.
        ("検索機能が弱い", "saas", "features", "negative"),
        ("職場から近いので通っています", "generic", "usability", "positive"),  # nearby
        ("問い合わせメールの返信がテンプレだった", "retail", "email", "negative"),
        ("治療が痛くなかった", "generic", "quality", "positive"),
        ("勝手に上位プランに変更させられた", "saas", "price", "negative"),  # forced
        ("電話はつながるまで時間かかる", "finance", "phone", "negative"),
        ("保険金の請求は写真を送るだけで済んだ", "finance", "claims", "positive"),
        ("スタッフの知識にばらつきがある", "generic", "staff", "negative"),
        ("料金には納得しています", "generic", "price", "positive"),
        ("料金の説明に納得いきません", "generic", "price", "negative"),
        ("説明もなく料金を値上げされるのは納得いかない", "generic", "price", "negative"),
        ("届いた家具に傷もなかった", "retail", "delivery", "positive"),
        ("セール品は毛玉だらけになった", "retail", "quality", "negative"),
        ("サポートの回答が役立った", "saas", "support", "positive"),
        ("他社より機能が優れている", "saas", "features", "positive"),
        # もったいない regrets a good thing spoiled: no complaint about it.
        ("料理は美味しいのにもったいない", "generic", "quality", "positive"),
        # "Where should I go?" is no praise; going back and forth is a complaint.
        ("どこに行けばいいのか誰も説明してくれない", "generic", "communication", "negative"),
        ("メールの返信は丁寧だけど、何往復もした", "retail", "email", "mixed"),
    ],
)
def test_survey_words_the_lexicons_miss_or_misread(
    text: str, pack: str, theme: str, expected: str
) -> None:
    assert _pack_polarity(text, pack, theme) == expected


@pytest.mark.parametrize(
    ("text", "pack", "theme", "expected"),
    [
        # のに: the theme before it is what the complaint after it is about.
        ("保険金を請求したのにまだ振り込まれない", "finance", "claims", "negative"),
        # A failure that never happened, whatever stands between.
        ("サーバーが落ちたことは一度もない", "saas", "reliability", "positive"),
        ("大きな障害は今のところ一度もない", "saas", "reliability", "positive"),
        ("機能は申し分ない", "saas", "features", "positive"),
        # What it used to be is a rival: its praise is a complaint.
        ("以前の方が画面が見やすかった", "saas", "usability", "negative"),
        # A request already made and met is none.
        ("要望を出したら機能が追加されて嬉しい", "saas", "features", "positive"),
        # A trouble that stopped; low prices; nothing in particular.
        ("水漏れがすぐに止まりました", "generic", "quality", "positive"),
        ("金利が低いのが決め手でした", "finance", "price", "positive"),
        ("お知らせの内容は特に変わっていません", "finance", "communication", "neutral"),
        ("もっと安ければ毎月通うのに", "generic", "price", "negative"),
    ],
)
def test_japanese_constructions(text: str, pack: str, theme: str, expected: str) -> None:
    assert _pack_polarity(text, pack, theme) == expected


@pytest.mark.parametrize(
    ("text", "pack", "theme", "expected"),
    [
        # FIX51 (QA27 #1, a cosmetics subscription's comments): praise that was not felt is a
        # complaint, and the value judged with it too (〜のわりに).
        ("この値段なのに効果がまったく感じられなかった", "retail", "price", "negative"),
        ("この商品は効果を実感できませんでした", "retail", "quality", "negative"),
        # A nuisance that no longer bothers is praise; the will to do something is not.
        ("素材のチクチク感が気にならなくなった", "retail", "quality", "positive"),
        ("セール品の小さな傷はほぼ気にならない品質", "retail", "quality", "positive"),
        ("説明書が分厚くて読む気にならない商品", "retail", "quality", "negative"),
        # Too fast or too many to keep up with: the result is the complaint.
        ("サプリが届く間隔が早くて飲みきれない", "retail", "delivery", "negative"),
        # Not allowed to cancel is a complaint, not a cancellation negated.
        ("半年間は退会できないと後からマイページで知った", "retail", "usability", "negative"),
        # 〜力が高い of what a product does is praise, not a high price.
        ("この商品は保湿力がとても高い", "retail", "quality", "positive"),
    ],
)
def test_japanese_praise_negated_and_nuisance_spared(
    text: str, pack: str, theme: str, expected: str
) -> None:
    assert _pack_polarity(text, pack, theme) == expected


@pytest.mark.parametrize(
    ("text", "pack", "theme", "expected"),
    [
        ("Prices used to be great value", "retail", "price", "negative"),  # decline
        ("The jacket is cheap rubbish", "retail", "quality", "negative"),
        ("The fabric feels really cheap", "retail", "quality", "negative"),
        ("My support ticket has been open for two weeks", "saas", "support", "negative"),
        ("The claim took three phone calls to sort", "finance", "claims", "negative"),
        ("Opening the account took 4 working days", "finance", "speed", "negative"),
        ("The app looks like it was designed in 2005", "saas", "usability", "negative"),
        ("The docs are fine, the tutorials less so", "saas", "docs", "mixed"),
        ("Made a claim and got nothing back", "finance", "claims", "negative"),
        ("The wifi drops out every evening", "generic", "quality", "negative"),
        ("Phone agents read from a script", "finance", "phone", "negative"),
        ("Support took a week to answer a simple question", "saas", "support", "negative"),
        ("The staff know what they're talking about", "generic", "staff", "positive"),
        ("They refunded me without any fuss", "retail", "returns", "positive"),
        ("The changelog is readable", "saas", "communication", "positive"),
        ("The mobile SDK feels like an afterthought", "saas", "integrations", "negative"),
        ("Barely any setup needed", "saas", "onboarding", "positive"),
        ("Our premium jumped 30% this year", "finance", "price", "negative"),
        ("Pricing changed with no real notice", "saas", "price", "negative"),
        ("The app keeps changing the layout", "saas", "usability", "negative"),
        ("The call centre passed me around three teams", "finance", "phone", "negative"),
        ("The food was tasty, just a bit salty", "generic", "quality", "mixed"),  # ", just"
        ("Delivery could be quicker", "retail", "delivery", "negative"),  # a request
        ("Give me a real person on the chat", "retail", "chat", "negative"),
        # An upside-down face or an eye-roll at praise is sarcasm; an eye-roll alone a complaint.
        ("The app is so intuitive 🙃", "retail", "usability", "negative"),
        ("Checkout failed twice. Brilliant. 🙄", "retail", "checkout", "negative"),
        ("Delivery was quick but the box was torn 🙄", "retail", "delivery", "mixed"),
        # a task done in a few minutes is praise; waiting that long is not
        ("Check-in took two minutes, very smooth", "generic", "speed", "positive"),
        ("Setup only takes a couple of minutes", "saas", "onboarding", "positive"),
        ("It took 40 minutes to check in", "generic", "speed", "negative"),
    ],
)
def test_english_phrases_for_decline_waits_and_requests(
    text: str, pack: str, theme: str, expected: str
) -> None:
    assert _pack_polarity(text, pack, theme) == expected


@pytest.mark.parametrize(
    ("text", "pack", "theme", "expected"),
    [
        # Negation through a verb of occurring, and ゼロ.
        ("アプリのエラーも出ない", "saas", "reliability", "positive"),
        ("同期が安定しない", "saas", "reliability", "negative"),
        ("決済がサクッと終わるのでストレスゼロ", "retail", "checkout", "positive"),
        # A negation that sets a circumstance is no complaint; a nuisance spared is praise.
        ("サイズが合わなかったときの返品について", "retail", "returns", "neutral"),
        ("店員さんにしつこく声をかけられないのも良い", "retail", "staff", "positive"),
        # Done in minutes or days; a long period of grace.
        ("口座開設がネットで30分で終わった", "finance", "speed", "positive"),
        ("返品の受付期間が長い", "retail", "returns", "positive"),
        # Minutes on foot are a distance, not a task done in minutes.
        ("駅から徒歩20分で不便でした", "generic", "usability", "negative"),
        # Relief from a strain is praise, though 疲れ, 痛み and ストレス are complaints.
        ("大浴場が広くて疲れが取れました", "generic", "quality", "positive"),
        ("部屋が静かで疲れが癒されました", "generic", "quality", "positive"),
        ("施術で腰の痛みが取れた", "generic", "quality", "positive"),
        ("設備が新しくてストレスが解消できた", "generic", "quality", "positive"),
        ("大浴場が狭くて疲れが取れなかった", "generic", "quality", "negative"),
        # …and lends no complaint to the theme of the sentence beside it.
        ("スタッフの笑顔が印象的でした。疲れが取れました", "generic", "staff", "positive"),
        # Round 7 (blind set 4): orders and wishes at a clause's end are requests…
        ("チャットはボットばかり。人間出してくれｗ", "retail", "chat", "negative"),
        ("ドキュメントが英語だけ。日本語版ほしい", "saas", "docs", "negative"),
        ("せめて事前に通知くらいしてよ", "saas", "communication", "negative"),
        ("サポートに聞けば丁寧に教えてくれますが", "saas", "support", "positive"),
        # …regret at not starting sooner, too fast and incomparably better are praise…
        ("家計簿アプリ便利。もっと早く使えばよかった", "generic", "usability", "positive"),
        ("注文した次の日に届いた！早すぎｗ", "retail", "delivery", "positive"),
        ("閉店が早すぎる", "generic", "usability", "negative"),
        ("表示速度が爆速。前のツールとは比べ物にならない", "saas", "performance", "positive"),
        ("5年使ってもガタつかない", "retail", "quality", "positive"),
        ("梱包が丁寧で、割れ物も無事に届きました", "retail", "delivery", "positive"),
        ("支払いは楽", "retail", "checkout", "positive"),
        # …and these are complaints.
        ("また落ちてる。いい加減にして", "saas", "reliability", "negative"),
        ("スタッフの対応がちょっと雑", "generic", "staff", "negative"),
        ("カードに２回請求されてた", "retail", "checkout", "negative"),
        ("チェックインに20分並んだ。部屋はきれいだった", "generic", "speed", "negative"),
        ("引越し屋さん、丁寧。家具に傷ひとつなかったです", "generic", "quality", "positive"),
        ("トレーナーさん、知識はすごい", "generic", "staff", "positive"),
        ("コーヒーはおいしい。ただ行列がすごい", "generic", "speed", "negative"),
        ("ビルド時間が半分になりました", "saas", "performance", "positive"),
        ("返品が超簡単！ほかの通販もこうしてほしい", "retail", "returns", "positive"),
        ("セールで安いと思って買ったら、他のサイトのほうが安かった", "retail", "price", "negative"),
        ("年金の書類、専門用語ばっかりで読む気がしない", "finance", "communication", "negative"),
        ("保険金請求、書類を何回出し直させるの？もう3ヶ月たつ", "finance", "claims", "negative"),
        ("送料無料が5000円以上からってのはちょっと高い", "retail", "price", "negative"),
        # Round 7 (blind set 5)
        (
            "返品の手続きがアプリで完結して、翌日には返金されてた！神",
            "retail",
            "returns",
            "positive",
        ),
        (
            "保険料が上がってた。無事故なのに。ありがとうございます（棒）",
            "finance",
            "price",
            "negative",
        ),
        ("年会費無料って言ってたのに2年目から取られた", "finance", "price", "negative"),
        ("定期便の解約、電話でしか受け付けないってどういうこと？", "retail", "phone", "negative"),
        ("スタッフの方が親切で感謝しかない", "retail", "staff", "positive"),
        ("猫のおもちゃ、すぐ壊れるかと思ったら意外と丈夫でした", "retail", "quality", "positive"),
        ("ここの値段はまだマシな方", "retail", "price", "positive"),
        ("ただ通知メールが５通も来るのはさすがに多い", "retail", "communication", "negative"),
        ("ポイントの有効期限のお知らせくらい欲しかった", "retail", "communication", "negative"),
        ("値段は高いけど技術は確か", "generic", "quality", "positive"),
        ("月々の明細がアプリで見られて、一目でわかる！", "finance", "communication", "positive"),
        ("モバイルオーダーしたのに、普通に並んだ方が早かった", "generic", "speed", "negative"),
        ("停電の時の復旧情報がアプリでわかって安心した", "generic", "communication", "positive"),
        # Japanese 「」 report speech: quoted praise is no sarcasm without a complaint.
        ("「似合いますよ」って言ってくれる店員さんがいて信頼できる", "retail", "staff", "positive"),
        ("「迅速な対応」どうも。返信まで10日かかりました", "retail", "email", "negative"),
        # Requests as conditions and questions.
        ("Teamsとも連携してくれたら全社で使える", "saas", "integrations", "negative"),
        ("Apple Payへの対応はまだですか", "retail", "checkout", "negative"),
        ("なぜ決済方法が変わったのか", "retail", "checkout", "negative"),
        # A rival named as where it is better; not a comparison, nor a marketplace we sell on.
        ("振込手数料は他行なら無料なのに", "finance", "price", "negative"),
        ("同じ商品がAmazonで2割安く売ってた", "retail", "price", "negative"),
        ("Amazonで注文したら翌日に届いた", "retail", "delivery", "positive"),
        ("楽天で買うより値段が安い", "retail", "price", "positive"),
        # Ordinary is a judgement that is neither (TAXONOMY: neutral), not borrowed praise.
        ("品質は安定してる。値段は普通", "retail", "price", "neutral"),
        ("料理はまあまあ。提供が遅い", "generic", "quality", "neutral"),
        ("値段相応です", "generic", "price", "neutral"),
        ("手数料は他社並みなので特に不満はない", "finance", "price", "neutral"),
        ("値段は特別安いわけでもない", "retail", "price", "neutral"),
        ("普通に使えてます。配送も早い", "retail", "delivery", "positive"),
    ],
)
def test_japanese_negation_requests_and_rivals(
    text: str, pack: str, theme: str, expected: str
) -> None:
    assert _pack_polarity(text, pack, theme) == expected


@pytest.mark.parametrize(
    ("text", "pack", "theme", "expected"),
    [
        # The telecom probe's export (issue 11).
        ("Decent service but support hold times are long.", "saas", "support", "negative"),
        ("Decent service but support hold times are long.", "generic", "speed", "negative"),
        (
            "Outage last Tuesday lasted all day, no compensation offered.",
            "saas",
            "reliability",
            "negative",
        ),
        (
            "Rock solid connection, I work from home and it never lets me down.",
            "saas",
            "reliability",
            "positive",
        ),
        ("Took 3 engineer visits to get the line working.", "generic", "staff", "negative"),
        # "Otherwise fine" is about the rest, not the theme before it.
        ("The interest rate is poor. Otherwise fine.", "finance", "price", "negative"),
        # A subject of its own after a contrast keeps its praise to itself.
        ("Pricey, but the dining table is gorgeous", "retail", "price", "negative"),
        # A theme judged in its own clause does not borrow praise from another sentence.
        (
            "All good. The exit fee is steep though, $50 for leaving early.",
            "finance",
            "price",
            "negative",
        ),
        # Merely ordinary is neutral, and lends no praise ("Ok range. Prices are what they are.").
        ("Ok range. Prices are what they are.", "retail", "price", "neutral"),
        (
            "The food was neither good nor bad. The waiter was lovely.",
            "generic",
            "quality",
            "neutral",
        ),
        # Requests: "could do with a…", "we'd rate higher if…", a why-question.
        ("The app could do with a budgeting tool", "finance", "usability", "negative"),
        ("We'd rate it higher if the reports were faster", "saas", "performance", "negative"),
        ("Why is parking $20 a day", "generic", "price", "negative"),
        # Praise said in general constructions.
        ("Transfers are instant", "finance", "speed", "positive"),
        ("They do sort it eventually on the live chat", "retail", "chat", "positive"),
        ("We were live by Friday after a short onboarding call", "saas", "onboarding", "positive"),
        ("Half the price of our old CRM", "saas", "price", "positive"),
        (
            "The desserts more than made up for it, though the food was slow",
            "generic",
            "quality",
            "mixed",
        ),
        # See-through fabric is a complaint, not transparency.
        ("The fabric of the dress is see-through", "retail", "quality", "negative"),
        (
            "The Xero integration duplicates invoices. Been like that for weeks.",
            "saas",
            "integrations",
            "negative",
        ),
        # From blind set 5: inverted negation, burdens spared, requests, rivals.
        ("Not once has a delivery been late", "retail", "delivery", "positive"),
        ("I never pay any fees on this card", "finance", "price", "positive"),
        ("Kindly provide an option to export invoices", "saas", "features", "negative"),
        ("Slack does the same thing cheaper", "saas", "price", "negative"),
        ("The kettle stopped working within a week", "retail", "quality", "negative"),
        (
            "Reasonable premium. Haven't had to claim yet so can't comment",
            "finance",
            "claims",
            "neutral",
        ),
        # Not fixing it is a complaint, not a negated problem (seen on a podcast-hosting export).
        (
            "Support is friendly but they never actually solve the problem.",
            "saas",
            "support",
            "mixed",
        ),
        ("Support did not fix the issue.", "saas", "support", "negative"),
        ("The agent couldn't resolve my problem.", "retail", "staff", "negative"),
        # Rarely and seldom negate like never: what rarely works is a complaint, what is rarely
        # late praise; rarely needing to call is no judgement, like never having had to.
        ("The app rarely works on my phone.", "retail", "usability", "negative"),
        ("Support seldom answers emails.", "retail", "email", "negative"),
        ("Orders rarely come on time.", "retail", "delivery", "negative"),
        ("Deliveries are rarely late.", "retail", "delivery", "positive"),
        ("The app rarely crashes.", "retail", "usability", "positive"),
        ("Staff rarely help.", "retail", "staff", "negative"),
        ("I rarely need to contact support.", "saas", "support", "neutral"),
        # Seen by analysts extending the generic pack: free of a burden, an easy decision and
        # loyalty are praise ("anywhere else" names no rival there); an order at the start of a
        # clause is a request, the same word as a noun is not.
        ("Delivery was stress free", "retail", "delivery", "positive"),
        ("Returns were trouble-free", "retail", "returns", "positive"),
        ("Non-profit discount made it a no brainer", "saas", "price", "positive"),
        ("The staff are the reason I'll never shop anywhere else", "retail", "staff", "positive"),
        ("Great staff, wouldn't go anywhere else.", "retail", "staff", "positive"),
        ("Staff were rude so I shop elsewhere now", "retail", "staff", "negative"),
        ("Answer the phone!", "retail", "phone", "negative"),
        ("Train your staff.", "retail", "staff", "negative"),
        ("Fix the website", "retail", "usability", "negative"),
        ("Stop sending me emails", "retail", "communication", "negative"),
        ("Fix was quick and staff were lovely", "retail", "staff", "positive"),
        ("Train staff were lovely to my mum", "retail", "staff", "positive"),
        ("Reply to my email came the same day", "retail", "email", "positive"),
        ("Open all hours, staff lovely", "retail", "staff", "positive"),
        # No trouble with a list of things spares the whole list; "the best part of an hour" is
        # no praise; charged for more than was had, or double booked, is a complaint.
        ("Never had a single issue with damp or mould here", "generic", "quality", "positive"),
        ("We waited the best part of an hour", "generic", "speed", "negative"),
        ("They charged me for a whole extra month", "generic", "price", "negative"),
        ("Double booked the room, the staff just shrugged", "generic", "staff", "negative"),
        ("Drive up units, no carrying boxes, staff lovely", "generic", "staff", "positive"),
    ],
)
def test_english_constructions_round_seven(text: str, pack: str, theme: str, expected: str) -> None:
    assert _pack_polarity(text, pack, theme) == expected


@pytest.mark.parametrize(
    ("text", "pack", "theme", "expected"),
    [
        # QA probe 7: an insurer (finance) and a dental group (generic)
        (
            "They explained the costs up front, no surprises on the bill",
            "generic",
            "price",
            "positive",
        ),
        ("Way higher than my previous dentist", "generic", "price", "negative"),
        ("Billing is a mess", "generic", "price", "negative"),
        ("Nobody called back", "generic", "communication", "negative"),
        ("Waiting room was dirty", "generic", "quality", "negative"),
        ("無事故なのに保険料が上がった", "finance", "price", "negative"),
        ("請求書類の準備が大変だった", "finance", "claims", "negative"),
        ("担当の方が電話をくれて丁寧に説明してくれた", "finance", "staff", "positive"),
    ],
)
def test_probe_seven_comments(text: str, pack: str, theme: str, expected: str) -> None:
    assert _pack_polarity(text, pack, theme) == expected


@pytest.mark.parametrize(
    ("text", "pack", "absent"),
    [
        ("Won't arrive till Monday", "retail", "checkout"),  # till = until
        ("Great value for money compared to my old provider.", "saas", "integrations"),
        ("I was billed twice and I'm still waiting for a refund.", "generic", "speed"),
        ("Three outages in two weeks.", "generic", "speed"),
        ("The sales associate was helpful", "retail", "price"),
        ("We are a paying customer and nobody answers", "saas", "price"),
        ("The ATM fee abroad is a rip-off", "finance", "branch"),
        ("The dashboard could be faster", "saas", "usability"),
        ("Keep it up guys", "retail", "staff"),
        ("Haven't used it in a while, can't comment till date", "retail", "checkout"),
        ("Thanks guys, will definitely return", "retail", "returns"),
        ("Nectar card points missing", "retail", "checkout"),
        ("Sales assistant was rude", "retail", "price"),
        ("Waited on hold for over an hour", "finance", "speed"),  # the phone theme's wait
        ("サポートの返事が遅い時がある", "saas", "performance"),
    ],
)
def test_ambiguous_words_in_context_are_not_the_theme(text: str, pack: str, absent: str) -> None:
    found = theme_mentions(pd.Series([text]), pack=pack, learned=False)
    assert absent not in set(found["theme"])


EVAL_SETS = ["theme_eval.csv", "theme_eval_blind.csv", "theme_eval_blind2.csv"]


@pytest.mark.parametrize("name", EVAL_SETS)
def test_clauses_are_cut_where_the_join_pattern_matches(name: str) -> None:
    # The clause cuts are found by sentiment's scanners (tried only where a join can start);
    # they must be exactly those of the join pattern's finditer.
    texts = pd.read_csv(DATA / name, keep_default_na=False, dtype=str)["text"]
    joins = {"ja": sentiment._CUT_JA, "en": sentiment._CUT_EN}
    for text in normalise(texts):
        for lang, scanner in sentiment._CUT_SCAN.items():
            found = [(m.span(), m.lastgroup) for m in scanner.finditer(text)]
            assert found == [(m.span(), m.lastgroup) for m in joins[lang].finditer(text)]


@settings(max_examples=25, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                *pd.read_csv(DATA / "theme_eval_blind.csv", keep_default_na=False)["text"][:80],
                None,
                "",
                " ",
                "特になし",
            ]
        ),
        max_size=12,
    )
)
def test_polarity_of_a_batch_equals_polarity_of_each_comment(texts: list[str | None]) -> None:
    # Comments are normalised and judged once per distinct text and broadcast back: the
    # result must not depend on the other comments of the batch or on their order.
    book = load_pack("retail")
    batch = tag_polarity(pd.Series(texts, dtype=object, index=range(100, 100 + len(texts))), book)
    for i, text in enumerate(texts):
        alone = tag_polarity(pd.Series([text], dtype=object), book).iloc[0]
        assert batch.iloc[i].tolist() == alone.tolist()


# A comment that names a theme and judges nothing says what it thinks with its score.
@pytest.mark.parametrize(
    ("text", "score", "words", "with_segment"),
    [
        ("Ordered on Monday, delivery on Thursday.", 3, "neutral", "negative"),
        ("Ordered on Monday, delivery on Thursday.", 10, "neutral", "positive"),
        ("Ordered on Monday, delivery on Thursday.", 8, "neutral", "neutral"),
        ("支払いは現金のみでした", 2, "neutral", "negative"),
        ("支払いは現金のみでした", 9, "neutral", "positive"),
        # A word of judgement decides alone: a promoter's complaint stays a complaint, a
        # detractor's praise stays praise, and "ordinary" stays neutral.
        ("送料が高い", 10, "negative", "negative"),
        ("Delivery was quick", 2, "positive", "positive"),
        ("値段は普通", 3, "neutral", "neutral"),
    ],
)
def test_a_comment_that_judges_nothing_takes_its_segment(
    text: str, score: int, words: str, with_segment: str
) -> None:
    book = load_pack("retail")
    texts = pd.Series([text], index=[7])
    theme = (
        "checkout"
        if "支払い" in text
        else "price"
        if "送料" in text or "値段" in text
        else "delivery"
    )
    assert tag_polarity(texts, book).loc[7, theme] == words
    segments = segment(pd.Series([score], index=[7]))
    # The rules' reading (the learned correction over it is tested in test_polarity_layer).
    got = tag_polarity(texts, book, segments=segments, learned=False)
    assert got.loc[7, theme] == with_segment


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(
                [
                    "Ordered on Monday, delivery on Thursday.",
                    "The checkout and the delivery",
                    "Delivery was slow but staff were lovely",
                    "配送について",
                    "スタッフの対応、配送",
                    "送料が高い",
                    "特になし",
                    None,
                ]
            ),
            st.one_of(st.none(), st.integers(0, 10)),
        ),
        max_size=10,
    )
)
def test_segments_change_only_silent_mentions_and_only_towards_the_score(
    rows: list[tuple[str | None, int | None]],
) -> None:
    book = load_pack("retail")
    texts = pd.Series([t for t, _ in rows], dtype=object)
    segments = segment(pd.Series([s for _, s in rows], dtype="Float64"))
    # The rules' score rule; the learned correction over it is tested in test_polarity_layer.
    words = tag_polarity(texts, book, learned=False)
    both = tag_polarity(texts, book, segments=segments, learned=False)
    assert both.notna().equals(words.notna())  # the themes found never change
    changed = (both.astype(object) != words.astype(object)) & words.notna()
    for row, theme in zip(*changed.to_numpy().nonzero(), strict=True):
        assert words.iat[row, theme] == "neutral"
        expected = {"detractor": "negative", "promoter": "positive"}[segments.iat[row]]
        assert both.iat[row, theme] == expected


@pytest.mark.parametrize("dtype", ["string", object, "category"])
def test_segments_as_a_column_of_text_with_blanks(dtype: str | type) -> None:
    # A segment column read back from a file or a database: text, with no segment where the
    # score is missing.
    texts = pd.Series(["Ordered on Monday, delivery on Thursday."] * 3, index=[4, 5, 6])
    segments = pd.Series(["detractor", None, "promoter"], index=[4, 5, 6], dtype=dtype)
    tags = tag_polarity(texts, load_pack("retail"), segments=segments, learned=False)
    assert tags["delivery"].tolist() == ["negative", "neutral", "positive"]


def test_segments_must_share_the_comments_index() -> None:
    with pytest.raises(ValueError, match="index of texts"):
        tag_polarity(
            pd.Series(["Delivery"], index=[1]),
            load_pack("retail"),
            segments=segment(pd.Series([3], index=[2])),
        )


@pytest.mark.parametrize(
    ("segments", "found"),
    [
        # The scores themselves, the commonest slip: they were read as no segment at all.
        (pd.Series([2.0, 10.0]), "2.0, 10.0"),
        (pd.Series(["Detractor", "Promoter"]), "'Detractor', 'Promoter'"),
        (pd.Series(["批判者", None], dtype="string"), "'批判者'"),
    ],
)
def test_segments_that_are_not_segments_are_refused(segments: pd.Series, found: str) -> None:
    texts = pd.Series(["Ordered on Monday, delivery on Thursday."] * 2)
    message = (
        "segments must hold 'detractor', 'passive' or 'promoter' (nps_kit.segment of the "
        f"scores) or be missing; found {found}"
    )
    with pytest.raises(ValueError) as info:
        tag_polarity(texts, load_pack("retail"), segments=segments)
    assert str(info.value) == message


def test_theme_mentions_reads_the_segments_as_reports_do() -> None:
    # The function the README names for polarity could not give a report's polarity: it had no
    # segments, so neither the score reading nor the learned correction ever applied.
    texts = pd.Series(
        ["Ordered on Monday, delivery on Thursday.", "配送は早かったけど、送料が高い", None],
        index=["r1", "r2", "r3"],
    )
    segments = segment(pd.Series([2.0, 9.0, 5.0], index=texts.index))
    found = theme_mentions(texts, segments=segments)
    wide = tag_polarity(texts, load_pack("retail"), segments=segments)
    assert [(r, t, str(p)) for r, t, p in found.itertuples(index=False)] == [
        (r, t, wide.at[r, t]) for r in texts.index for t in wide.columns if pd.notna(wide.at[r, t])
    ]
    # The detractor's bare mention is read through the score (the rules). Round 3's learned
    # correction then calls it neutral (some authors label a detractor's bare fact so), which
    # it may (an English correction of design D2 may even make it praise, PREREG37), so the
    # rules are checked here alone.
    rules = theme_mentions(texts, segments=segments, learned=False)
    assert rules["polarity"].tolist()[0] == "negative"
    assert theme_mentions(texts, learned=False)["polarity"].tolist()[0] == "neutral"


def test_segments_in_another_order_are_refused_with_the_fix() -> None:
    texts = pd.Series(["Delivery was slow", "Staff were rude"], index=[1, 2])
    segments = segment(pd.Series([9.0, 3.0], index=[2, 1]))
    with pytest.raises(ValueError) as info:
        tag_polarity(texts, load_pack("retail"), segments=segments)
    assert str(info.value) == (
        "segments must have the index of texts, in the same order (segments.reindex(texts.index) "
        "aligns the segments of the same responses)"
    )


def _phrases_matching(text: str) -> set[int]:
    from nps_kit.text.sentiment import _EN_PHRASES

    return {k for k, (pattern, _) in enumerate(_EN_PHRASES) if pattern.search(text)}


def test_every_english_phrase_that_matches_a_labelled_clause_is_tried() -> None:
    # _score_en_plain searches, until one matches, only the phrases whose leading literals the
    # clause holds; that is the same reading only if no other phrase can match.
    from nps_kit.text.sentiment import _clauses, _en_phrase_candidates

    names = ["theme_eval.csv", "theme_eval_blind.csv", "theme_eval_blind2.csv"]
    names += ["theme_eval_blind3.csv", "theme_eval_blind4.csv", "theme_eval_blind5.csv"]
    texts = pd.concat(
        pd.read_csv(DATA / name, keep_default_na=False, dtype=str)["text"] for name in names
    )
    matched = 0
    for text in normalise(texts.astype("string")).dropna():
        for clause in [text, *(c.text for c in _clauses(text))]:
            found = _phrases_matching(clause)
            assert found <= _en_phrase_candidates(clause), clause
            matched += bool(found)
    assert matched > 100  # the sets do use the phrases


def test_clause_regexes_skipped_by_their_literals_cannot_match() -> None:
    # _score_en and _score_en_plain search _EN_LUKEWARM, _EN_MILD, _EN_RARE, _EN_RIVAL and
    # _EN_REQUEST, and _score_ja _JA_REQUEST, only in a text whose automaton pass found one of
    # their literals; _score_fine_as_praise _EN_MILD only where one of its leading ones is.
    from nps_kit.text import _clause_rules as rules

    names = ["theme_eval_blind.csv", "theme_eval_blind2.csv", "theme_eval_blind3.csv"]
    names += ["theme_eval_blind4.csv", "theme_eval_blind5.csv", "theme_train5_en.csv"]
    names += ["theme_train5_ja.csv"]
    texts = pd.concat(
        pd.read_csv(DATA / name, keep_default_na=False, dtype=str)["text"] for name in names
    )
    checks = [
        (rules._en_literals, rules._EN_LUKEWARM, rules._LUKEWARM_BIT),
        (rules._en_literals, rules._EN_MILD, rules._MILD_BIT),
        (rules._en_literals, rules._EN_RARE, rules._RARE_BIT),
        (rules._en_literals, rules._EN_RIVAL, rules._RIVAL_BIT),
        (rules._en_literals, rules._EN_REQUEST, rules._REQUEST_BIT),
        (rules._ja_literals, rules._JA_REQUEST, rules._JA_REQUEST_BIT),
    ]
    matched = dict.fromkeys(range(len(checks)), 0)
    mild = 0
    for text in normalise(texts.astype("string")).dropna():
        for clause in [text, *(c.text for c in rules._clauses(text))]:
            for k, (literals, pattern, bit) in enumerate(checks):
                if pattern.search(clause) is not None:
                    assert rules._literal_bits(literals(), clause) & bit, (pattern, clause)
                    matched[k] += 1
            # _score_fine_as_praise searches _EN_MILD only where _may_be_mild says it may match.
            if rules._EN_MILD.search(clause) is not None:
                assert rules._may_be_mild(clause), clause
                mild += 1
    assert min(matched.values()) > 5  # the sets do hold them (_EN_RARE: 6)
    assert mild > 5


# The words the phrases are made of, and a few that join them.
_PHRASE_WORDS = sorted({w for p in _lexicon.EN_PHRASES for w in re.findall(r"[a-z']+", p)})


def _every_phrase_read(text: str) -> tuple[str, float, int, int]:
    """The reference of ``_en_phrase_pass``: every phrase searched, none skipped."""
    from nps_kit.text._clause_rules import _EN_NEGATED_BEFORE, _EN_PHRASES, _USED_NEGATOR

    total, praise, complaint = 0.0, 0, 0
    for pattern, score in _EN_PHRASES:
        m = pattern.search(text)
        if m is None:
            continue
        neg = _EN_NEGATED_BEFORE.search(text, 0, m.start())
        if neg is not None:
            score = -score
            if neg.group().startswith(("no ", "zero ")):
                text = f"{text[: neg.start()]} {text[m.end() :]}"
            else:
                text = f"{text[: neg.start()]} {_USED_NEGATOR} {text[m.start() :]}"
        text = pattern.sub(" ", text)
        total += score
        praise += score > 0
        complaint += score < 0
    return text, total, praise, complaint


def test_japanese_context_cues_are_those_of_every_cue_searched() -> None:
    # _score_ja searches only the context cues whose required literals the text holds.
    from nps_kit.text._clause_rules import _JA_CONTEXT, _ja_context_cues
    from nps_kit.text.sentiment import _clauses

    names = ["theme_eval_blind.csv", "theme_eval_blind2.csv", "theme_eval_blind3.csv"]
    names += ["theme_eval_blind4.csv", "theme_eval_blind5.csv", "theme_train5_ja.csv"]
    texts = pd.concat(
        pd.read_csv(DATA / name, keep_default_na=False, dtype=str)["text"] for name in names
    )
    japanese = [t for t in normalise(texts.astype("string")).dropna() if not t.isascii()]
    found = 0
    for text in [text for t in japanese for text in (t, *(c.text for c in _clauses(t)))]:
        every = [
            (m.start(), m.end(), score)
            for pattern, score in _JA_CONTEXT
            for m in pattern.finditer(text)
        ]
        assert _ja_context_cues(text) == every, text
        found += bool(every)
    assert found > 300


def test_english_phrases_are_read_as_with_every_phrase_searched() -> None:
    # After a phrase matches, the text changes (the phrase blanked, a "no" before it used up)
    # and the candidates are found again in the new text: the reading must be that of trying
    # every phrase on it, also in comments where several phrases match.
    from nps_kit.text._clause_rules import _en_phrase_pass
    from nps_kit.text.sentiment import _clauses

    names = ["theme_eval_blind.csv", "theme_eval_blind2.csv", "theme_eval_blind3.csv"]
    names += ["theme_eval_blind4.csv", "theme_eval_blind5.csv", "theme_train5_en.csv"]
    texts = pd.concat(
        pd.read_csv(DATA / name, keep_default_na=False, dtype=str)["text"] for name in names
    )
    english = [t for t in normalise(texts.astype("string")).dropna() if t.isascii()]
    every = [text for t in english for text in (t, *(c.text for c in _clauses(t)))]
    assert [_en_phrase_pass(text) for text in every] == [_every_phrase_read(t) for t in every]
    several = sum(len(_phrases_matching(text)) > 1 for text in every)
    assert several > 50  # the sets do have texts where the text changes and phrases follow


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*_PHRASE_WORDS, "a", "the", "no", "not", ","]), max_size=10))
def test_phrases_of_any_text_are_read_as_with_every_phrase_searched(words: list[str]) -> None:
    from nps_kit.text._clause_rules import _en_phrase_pass

    text = " ".join(words)
    assert _en_phrase_pass(text) == _every_phrase_read(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*_PHRASE_WORDS, "a", "the", "no", "1", "10", ","]), max_size=8))
def test_phrases_whose_leads_a_text_lacks_do_not_match_it(words: list[str]) -> None:
    from nps_kit.text.sentiment import _en_phrase_candidates

    text = " ".join(words)
    assert _phrases_matching(text) <= _en_phrase_candidates(text)


def _every_token_read(tokens: list[str]) -> tuple[float, int, int]:
    """The reference of ``_en_tokens_read``: each token's tests made where it stands."""
    from nps_kit.text import _clause_rules as rules

    lexicon = _lexicon.en_lexicon()
    total, praise, complaint = 0.0, 0, 0
    negate_until = -1
    negator_used = True
    lack_at = soft_at = -1
    for i, token in enumerate(tokens):
        bare = token.replace("'", "")
        if bare == rules._USED_NEGATOR:
            negate_until = i + rules._EN_SCOPE
            continue
        if bare in _lexicon.EN_NEGATORS or token.endswith("n't"):
            negate_until = i + rules._EN_SCOPE
            negator_used = bare in ("no", "zero", "nothing", "none", "without", "nor", "neither")
            if bare in ("no", "zero"):
                lack_at = i + 1
            continue
        if bare in rules._SCOPE_END:
            negate_until = -1
            continue
        if bare in rules._EN_SCOPE_FILLERS and i <= negate_until:
            negate_until += 1
            continue
        if bare in rules._EN_SOFTENERS and (
            bare not in ("bit", "tad") or (i and tokens[i - 1] in ("a", "little"))
        ):
            soft_at = i + 1
            continue
        cue = lexicon.get(token)
        if cue is None:
            cue = _lexicon.EMOJI_CUES.get(token)
        if cue is None and token.isalpha():
            cue = lexicon.get(rules._lemma_en(token))
        if cue is None:
            if i == lack_at and token.isalpha() and token not in _lexicon.EN_NOT_LACK:
                cue = (
                    1.0
                    if rules._lemma_en(token) in _lexicon.EN_SPARED
                    or token in _lexicon.EN_SPARED
                    or not _lexicon.EN_SPARED.isdisjoint(tokens[i + 1 : i + 3])
                    else -1.0
                )
            elif i == soft_at and token.isalpha():
                cue = -1.0
            else:
                continue
        elif i <= negate_until:
            cue = -cue
            negator_used = True
            more = i + 1 < len(tokens) and tokens[i + 1] in ("or", "nor")
            negate_until = i + 2 if more else -1
        total += cue
        praise += cue > 0
        complaint += cue < 0
    if not negator_used:
        total += rules._BARE_NEGATION_SCORE
        complaint += 1
    return total, praise, complaint


def test_english_tokens_are_read_as_with_each_token_tested_where_it_stands() -> None:
    # _en_tokens_read looks up what each token is once per token met (_en_word); the reading
    # must be that of making every test on every token of every clause.
    from nps_kit.text import _clause_rules as rules
    from nps_kit.text.sentiment import _clauses

    names = ["theme_eval_blind.csv", "theme_eval_blind2.csv", "theme_eval_blind3.csv"]
    names += ["theme_eval_blind4.csv", "theme_eval_blind5.csv", "theme_train5_en.csv"]
    texts = pd.concat(
        pd.read_csv(DATA / name, keep_default_na=False, dtype=str)["text"] for name in names
    )
    english = [t for t in normalise(texts.astype("string")).dropna() if t.isascii()]
    every = [text for t in english for text in (t, *(c.text for c in _clauses(t)))]
    judged = 0
    for text in every:
        left = rules._en_phrase_pass(text)[0]
        tokens = rules._EN_TOKEN.findall(left.replace("’", "'"))
        found = rules._en_tokens_read(tokens, 0.0, 0, 0)
        assert found == _every_token_read(tokens), text
        judged += found != (0.0, 0, 0)
    assert judged > 1000


# Every kind of token the reading tells apart, and words the lexicon and EN_SPARED know.
_TOKEN_WORDS = sorted(
    {
        *_lexicon.EN_NEGATORS,
        *"no zero nothing none without nor neither don't can't usednegator or".split(),
        *"unless until because a an the any single one little bit tad slightly too".split(),
        *"fees fee refund updates foreign transaction great slow friendly delays :) 👍 1".split(),
        *sorted(_lexicon.EN_SPARED)[:8],
        *sorted(_lexicon.EN_NOT_LACK)[:4],
    }
)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_TOKEN_WORDS), max_size=10))
def test_any_english_tokens_are_read_as_with_each_token_tested(tokens: list[str]) -> None:
    from nps_kit.text._clause_rules import _en_tokens_read

    assert _en_tokens_read(tokens, 0.0, 0, 0) == _every_token_read(tokens)


# Answers to "what could we improve?" (asks="improvement"): requests unless they praise.
@pytest.mark.parametrize(
    ("text", "pack", "theme", "improvement", "reason"),
    [
        # A comparative or a wish word is no praise: the theme is what is asked for.
        ("Cheaper plans for small teams.", "saas", "price", "negative", "positive"),
        ("Faster delivery", "retail", "delivery", "negative", "positive"),
        ("More discount codes for loyal customers", "retail", "price", "negative", "positive"),
        ("Explain the treatment options better, I left confused", "generic", "communication",
         "negative", "positive"),
        ("Staff at the till could smile once in a while", "retail", "staff", "negative", "mixed"),
        # A theme named without judgement is a request; praising phrases in a fragment too.
        ("Same day delivery in London", "retail", "delivery", "negative", "positive"),
        ("Slack integration is very basic, can't choose which channels get alerts", "saas",
         "integrations", "negative", "positive"),
        ("もっと安く", "retail", "price", "negative", "negative"),
        ("配送を早く", "retail", "delivery", "negative", "positive"),
        ("小規模チーム向けの安いプラン", "saas", "price", "negative", "positive"),
        ("野菜の鮮度", "retail", "quality", "negative", "positive"),
        ("アプリの使いやすさ", "retail", "usability", "negative", "positive"),
        # POL20: a sentence ending in a bare て-form is an order, a request in either reading
        ("手数料を無料にして", "finance", "price", "negative", "negative"),
        ("価格以外は満点です", "retail", "price", "negative", "positive"),
        # Clear praise stays praise, after "nothing to improve" too; negation is read as ever.
        ("The staff are brilliant", "retail", "staff", "positive", "positive"),
        ("Nothing, the staff are brilliant", "retail", "staff", "positive", "positive"),
        ("Staff, always lovely", "retail", "staff", "positive", "positive"),
        ("Good value, great staff. Maybe comfier pillows?", "generic", "staff", "positive",
         "positive"),
        ("Delivery is never late", "retail", "delivery", "positive", "positive"),
        ("The delivery was not fast", "retail", "delivery", "negative", "negative"),
        ("スタッフの対応が丁寧で満足", "retail", "staff", "positive", "positive"),
        ("スタッフの方が、とても親切でした", "retail", "staff", "positive", "positive"),
        ("特になし。スタッフさんがいつも親切です", "retail", "staff", "positive", "positive"),
        ("家から近くて便利", "generic", "usability", "positive", "positive"),
        ("アプリは見やすくなったけど、よく落ちます", "retail", "usability", "mixed", "mixed"),
        ("配送が遅くない", "retail", "delivery", "positive", "positive"),
        # QA43: an adverbial form said of a subject (が) that the sentence goes on from states
        # what was (連用中止), no wish: a bank's 「ご意見・ご要望」 praise read as complaints.
        ("待ち時間が短く、手続きがスムーズでした。", "finance", "speed", "positive", "positive"),
        ("待ち時間を短く", "finance", "speed", "negative", "neutral"),
        ("待ち時間がもう少し短く、手続きも簡単だと助かります", "finance", "speed", "negative",
         "negative"),
        # The same form ending the answer goes on to nothing: the rest of a wish left unsaid
        # (…短く〔してほしい〕), as before QA43's rule, which is for a clause before a comma.
        ("待ち時間が短く", "finance", "speed", "negative", "positive"),
        ("手続きが早く。", "finance", "speed", "negative", "positive"),
        ("料金は安く", "finance", "price", "negative", "positive"),
        ("手数料が高い。待ち時間が短く", "finance", "speed", "negative", "positive"),
        # LEFT45B: より after what is compared with (以前より, 思ったより), the sentence going on
        # to say what was, compares what happened: no request for more. より with nothing
        # compared (今より), or a sentence that goes on to wish (…だと助かります), asks.
        ("以前より待ち時間が短く、助かりました", "finance", "speed", "positive", "positive"),
        ("思ったより待ち時間が短く、手続きもスムーズでした。", "finance", "speed", "positive",
         "positive"),
        ("今より待ち時間が短く、手続きも簡単だと助かります", "finance", "speed", "negative",
         "positive"),
        ("以前より待ち時間が短く、手続きも簡単だと助かります", "finance", "speed", "negative",
         "positive"),
        ("以前より待ち時間が短く", "finance", "speed", "negative", "positive"),
    ],
)  # fmt: skip
@pytest.mark.parametrize("learned", [False, True])
def test_an_improvement_answer_is_a_request_unless_it_praises(
    text: str, pack: str, theme: str, improvement: str, reason: str, learned: bool
) -> None:
    texts = pd.Series([text])

    def polarity(**asks: str) -> str:
        found = theme_mentions(texts, pack=pack, learned=learned, **asks)
        return str(found.loc[found["theme"] == theme, "polarity"].item())

    assert polarity(asks="improvement") == improvement
    assert polarity() == reason == polarity(asks="reason")


@pytest.mark.parametrize("learned", [False, True])
def test_praise_said_of_a_subject_before_a_comma_is_no_request(learned: bool) -> None:
    # QA43: a bank's 「ご意見・ご要望」 answer (the dictionaries find NISA, the learned layer
    # the explanation): praise either way, never a complaint about what was praised.
    texts = pd.Series(["NISAの説明が分かりやすく、始めてみようと思いました。"])
    found = theme_mentions(texts, pack="finance", learned=learned, asks="improvement")
    assert set(found["polarity"]) == {"positive"}


def test_a_wish_after_praise_is_a_request() -> None:
    # The dictionaries alone: round 5 of the generic pack's learned layer drops this quality hit
    # ("comfier pillows"), a loss of recall recorded with it, not a reading of the request.
    texts = pd.Series(["Good value, great staff. Maybe comfier pillows?"])
    found = theme_mentions(texts, pack="generic", learned=False, asks="improvement")
    assert dict(zip(found["theme"], found["polarity"], strict=True)) == {
        "staff": "positive",
        "price": "positive",
        "quality": "negative",
    }


def test_an_improvement_answer_is_read_without_its_score() -> None:
    # A "why?" answer that judges nothing takes its segment; an improvement answer asks.
    texts = pd.Series(["Same day delivery in London", "Dark mode on the app"])
    segments = pd.Series(["promoter", "promoter"])
    book = load_pack("retail")
    asked = tag_polarity(texts, book, segments=segments, asks="improvement")
    assert asked["delivery"].tolist()[0] == "negative"
    assert asked["usability"].tolist()[1] == "negative"


# FIX52 (QA27 #2): a theme the learned layer adds to an improvement answer takes the answer's
# clauses as a theme the dictionaries find does: praise stays praise, "nothing" + something
# said without judgement is no request, and only an answer that judges nothing is a request.
# Sentences written for this test; each theme is one the dictionaries do not find.
@pytest.mark.parametrize(
    ("text", "pack", "theme", "expected"),
    [
        ("Nothing at all, Tom behind the bar is a legend", "generic", "staff", "positive"),
        ("Keep doing what you do. Hot food, quick service", "generic", "service", "positive"),
        ("Nothing! Priya at the front desk is the best, she always remembers my name", "retail",
         "staff", "positive"),
        ("Nothing really. Tom behind the bar", "generic", "staff", "neutral"),
        ("特になし。田中さんに会いに行ってます", "generic", "staff", "neutral"),
        # The layer finds the staff in the praising clause, as in a "why?" answer.
        ("特になし。田中さん最高。でも待ち時間が長い", "generic", "staff", "positive"),
        ("Tom behind the bar is a legend but the beer was warm", "generic", "staff", "positive"),
        ("Great burgers, but Tom behind the bar ignored us for ages", "generic", "staff",
         "negative"),
        # Named without any judgement: what is asked for.
        ("Tom behind the bar", "generic", "staff", "negative"),
        ("Priya at the front desk, every day", "retail", "staff", "negative"),
    ],
)  # fmt: skip
def test_an_added_theme_in_an_improvement_answer_is_read_as_its_clauses(
    text: str, pack: str, theme: str, expected: str
) -> None:
    texts = pd.Series([text])
    ruled = theme_mentions(texts, pack=pack, learned=False, asks="improvement")
    assert theme not in set(ruled["theme"])  # the layer adds it
    segments = pd.Series(["promoter"])
    for who in (None, segments, segments.replace("promoter", "detractor")):
        found = theme_mentions(texts, pack=pack, segments=who, asks="improvement")
        assert found.loc[found["theme"] == theme, "polarity"].astype(str).tolist() == [expected]


def test_asks_must_be_reason_or_improvement() -> None:
    with pytest.raises(ValueError) as caught:
        tag_polarity(pd.Series(["Faster delivery"]), load_pack("retail"), asks="why")  # type: ignore[arg-type]
    assert str(caught.value) == "asks must be one of 'reason', 'improvement'; got 'why'"


@pytest.mark.parametrize(
    ("text", "pack", "theme"),
    [
        # What was promised before のに stays in its clause and makes it a complaint, also when
        # nothing after it judges ("結局自分で申請した"); seen on a solar installer's comments.
        ("営業さんに「全部お任せください」と言われたのに、結局自分で申請した", "generic", "staff"),
        ("年会費無料って言われたのに請求された", "finance", "price"),
        ("スマホ修理、即日って言われたのに結局3日かかった", "generic", "speed"),
    ],
)
def test_a_broken_promise_before_noni_is_a_complaint(text: str, pack: str, theme: str) -> None:
    assert _pack_polarity(text, pack, theme) == "negative"
    assert any("言われたのに" in clause for clause in clause_split(text))


@pytest.mark.parametrize(
    ("text", "pack", "theme", "expected"),
    [
        # A trouble named as what the service treats or removes is its object, no complaint.
        ("虫歯治療のスタッフが丁寧", "generic", "staff", "positive"),
        ("歯石取りのスタッフが痛くないよう丁寧にしてくれた", "generic", "staff", "positive"),
        # The pain a clinic treats is the topic, pain it eased is praise.
        (
            "Very professional, explained everything about my lower back pain.",
            "generic",
            "communication",
            "positive",
        ),
        ("腰痛について丁寧に説明してくれた", "generic", "communication", "positive"),
        # Discomfort is a complaint, negated it is praise; the weather of a thanks is neither.
        ("届いたスープがぬるかった", "retail", "delivery", "negative"),
        ("寒い中、配達ありがとうございました", "retail", "delivery", "positive"),
        ("暑い日に冷たいお茶を出してくれたスタッフさん", "generic", "staff", "positive"),
        # A bill above the quote is a complaint, below it praise, as quoted merely ordinary.
        ("The final bill was much higher than the quote", "generic", "price", "negative"),
        ("The price came in under the estimate", "generic", "price", "positive"),
        ("Price was as quoted, staff friendly", "generic", "price", "neutral"),
        ("The job took twice as long as promised", "generic", "speed", "negative"),
        # A negated phrase is praise, and its negator no complaint of its own.
        ("The gym is never too busy", "generic", "usability", "positive"),
        ("The room was not too expensive", "generic", "price", "positive"),
        ("I shouldn't have to chase my refund", "retail", "returns", "negative"),
        # "not so much" denies the praise of what came before.
        ("The jacket is fab, the website not so much", "retail", "usability", "negative"),
    ],
)
def test_service_objects_discomfort_and_quotes(
    text: str, pack: str, theme: str, expected: str
) -> None:
    assert _pack_polarity(text, pack, theme) == expected


@pytest.mark.parametrize(
    ("text", "pack", "theme", "expected"),
    [
        # A price said to be dear, rich, a lot, creeping up, or beaten by a rival's.
        ("Quick service, bit dear", "generic", "price", "negative"),
        ("Fun but £32 each for 60 minutes is a lot", "generic", "price", "negative"),
        (
            "Great units, but they've priced themselves out of my budget now",
            "generic",
            "price",
            "negative",
        ),
        ("Nice to book online, but the booking fee is a bit rich", "generic", "price", "negative"),
        (
            "The staff are friendly. Would come more if it weren't so pricey",
            "generic",
            "price",
            "negative",
        ),
        ("The price creeps up every year", "generic", "price", "negative"),
        ("Same deck is $15 cheaper at the shop down the road", "retail", "price", "negative"),
        ("App is great. Pricing less great.", "retail", "price", "negative"),
        # 遅め, 別料金, 対象外, 途絶え; a rhetorical question; a sentence cut off after ちょっと.
        ("配送が届くのは遅め", "retail", "delivery", "negative"),
        ("修正をお願いしたら別料金", "retail", "price", "negative"),
        ("自宅での事故は補償の対象外", "finance", "products", "negative"),
        ("契約後は担当者からの連絡が途絶えがち", "finance", "communication", "negative"),
        ("代行手数料が5万円って高くないですか", "retail", "price", "negative"),
        ("送料がちょっと…", "retail", "price", "negative"),
        ("お知らせメールが毎週来る。ちょっと多い", "retail", "communication", "negative"),
        # さすが after a complaint is sarcasm; after praise it is praise.
        (
            "手帳、発売日に届くって言ってたのに2週間後。さすがですね👏",
            "retail",
            "delivery",
            "negative",
        ),
        ("本の梱包がしっかりしてて、角折れ一切なし！さすがです", "retail", "delivery", "positive"),
        # A short task or wait is praise; so is a burden spared two words on.
        ("Setup took 10 mins", "saas", "onboarding", "positive"),
        ("Easy online booking, only waited 5 mins", "generic", "speed", "positive"),
        ("The staff had me out the door in 10 min", "generic", "speed", "positive"),
        ("No foreign transaction fees, brilliant for travelling", "finance", "price", "positive"),
        # ... not a generous helping, nor praise of a low price.
        ("スタッフさんが少し多めに入れてくれた", "retail", "staff", "positive"),
        ("送料が高くないのが良い", "retail", "price", "positive"),
    ],
)
def test_prices_dear_and_japanese_complaints_read_as_praise_before(
    text: str, pack: str, theme: str, expected: str
) -> None:
    assert _pack_polarity(text, pack, theme) == expected


# QA18 (a gym's export): a request closed politely (よろしくお願いします) or phrased as what would
# please (〜と嬉しいです, 〜てくれると嬉しい, 〜てもらえると助かります) is a request, not praise.
@pytest.mark.parametrize(
    ("text", "theme"),
    [
        ("タオルを無料にしてほしいです。よろしくお願いします", "price"),
        ("もっと営業時間を長くしてほしい。宜しくお願いします", "usability"),
        ("タオルを無料にしてほしいと嬉しいです", "price"),
        ("タオルが無料だと嬉しい", "price"),
        ("タオルを無料にしてくれると嬉しい", "price"),
        ("タオルを無料にしてもらえると助かります", "price"),
        ("予約をネットでできるようにしてもらえると助かります", "usability"),
    ],
)
@pytest.mark.parametrize("asks", ["reason", "improvement"])
@pytest.mark.parametrize("learned", [False, True])
def test_a_polite_request_is_a_request(text: str, theme: str, asks: str, learned: bool) -> None:
    found = theme_mentions(pd.Series([text]), pack="generic", learned=learned, asks=asks)
    got = dict(zip(found["theme"], found["polarity"].astype(str), strict=True))
    assert got[theme] == "negative"
    # every theme found is asked for; round 7 of the layer adds service to two of the Japanese
    # towel requests (a free towel is a service too)
    assert set(got.values()) == {"negative"} and (learned or set(got) == {theme})


# QA18: crowding is a complaint however it is said, and crowding denied is praise.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("スキー場のレストラン激混み", "negative"),
        ("週末は人が多くて落ち着かない", "negative"),
        ("土日は大混雑", "negative"),
        ("更衣室がすし詰め状態", "negative"),
        ("プールが芋洗い状態", "negative"),
        ("ロビーが3密", "negative"),
        ("混雑してなくて快適", "positive"),
        ("いつも空いてて使いやすい", "positive"),
        # people praised are no crowd
        ("親切な人が多い", "positive"),
    ],
)
def test_crowding_is_a_complaint(text: str, expected: str) -> None:
    assert polarity_of(text) == expected


# POL20: forms the blind authors of set 19 said they wrote, in sentences written for these tests.
@pytest.mark.parametrize(
    ("text", "pack", "theme", "expected"),
    [
        # a state negated after て (いない, てない)
        ("トイレの掃除が行き届いていなかった", "generic", "quality", "negative"),
        ("接客に満足していない", "retail", "staff", "negative"),
        # "never felt it was slow"
        ("画面が遅いと感じたことは一度もない", "saas", "performance", "positive"),
        # Kansai and other dialects' negation
        ("電話がいつまでたってもつながらへん", "retail", "phone", "negative"),
        ("頼んだ荷物がまだ届かん", "retail", "delivery", "negative"),
        ("アプリにログインでけへん", "finance", "usability", "negative"),
        # a rival named in Latin letters or katakana with のほう, or bought elsewhere
        ("見積もり作成はmisocaの方が使いやすい", "saas", "usability", "negative"),
        ("同じ洗剤ならカインズのほうが安い", "retail", "price", "negative"),
        ("ネットで買ったほうが品質のいいものがある", "retail", "quality", "negative"),
        # …but a person (の方 = that person) and our own staff keep their praise
        ("FPの方が丁寧に説明してくれた", "finance", "staff", "positive"),
        ("オペレーターの方が親切でした", "retail", "phone", "positive"),
        # sarcasm: a custom, a bravo or a "lovely …, isn't it" after a complaint
        ("年末は配送が10日遅れる。もはや恒例ですね", "retail", "delivery", "negative"),
        ("ケースが割れて届いた。素晴らしい梱包ですね", "retail", "delivery", "negative"),
        ("スタッフの笑顔が素晴らしいですね", "generic", "staff", "positive"),
        # a sentence ending in a bare て-form is an order
        ("送料の案内は最初から正確に表示して", "retail", "price", "negative"),
        ("料金表を見やすく貼って", "generic", "price", "negative"),
        ("店員さんが丁寧に説明してくれて", "retail", "staff", "positive"),
    ],
)
def test_blind19_authors_forms(text: str, pack: str, theme: str, expected: str) -> None:
    assert _pack_polarity(text, pack, theme) == expected


# POL20: a Japanese clause after a contrast that follows praise and judges nothing is the
# reservation: a complaint (written for this test, not taken from a labelled set).
@pytest.mark.parametrize(
    ("text", "pack", "expected"),
    [
        ("料理は美味しい。ただ量が少なめ", "generic", {"quality": "mixed"}),
        ("チャットサポートは便利。ただ平日のみ", "saas", {"support": "mixed"}),
        ("店員さんは親切。でもレジはいつも1台だけ", "retail",
         {"staff": "positive", "checkout": "negative"}),
        # two praises in a row stay praise
        ("配送は早い。梱包もきれい", "retail", {"delivery": "positive"}),
    ],
)  # fmt: skip
def test_japanese_reservation_after_praise(text: str, pack: str, expected: dict) -> None:
    found = theme_mentions(pd.Series([text]), pack=pack, learned=False)
    assert dict(zip(found["theme"], found["polarity"].astype(str), strict=True)) == expected


# POL20: "prone to" a trouble, たまらない of a taste, wishes for a change or regretted.
@pytest.mark.parametrize(
    ("text", "pack", "theme", "expected"),
    [
        ("このセーター、すぐ毛玉になりやすい", "retail", "quality", "negative"),
        ("ジーンズが色落ちしやすい", "retail", "quality", "negative"),
        ("チーズの香りがたまらない", "retail", "quality", "positive"),
        ("配送で壊されたらたまらない", "retail", "delivery", "negative"),
        ("送料がもう少し安くならんかな", "retail", "price", "negative"),
        ("データ移行の代行サービスがあればよかった", "saas", "onboarding", "negative"),
    ],
)
def test_japanese_prone_irresistible_and_wishes(
    text: str, pack: str, theme: str, expected: str
) -> None:
    assert _pack_polarity(text, pack, theme) == expected


# POL20: an English rival nearby or left behind is praised instead of us; not one compared with.
@pytest.mark.parametrize(
    ("text", "pack", "theme", "expected"),
    [
        ("The salon across the road has much friendlier staff", "generic", "staff", "negative"),
        ("My previous insurer answered the phone straight away", "finance", "phone", "negative"),
        ("Cheaper than the garage down the road", "generic", "price", "positive"),
        # where we are, and a rival named in passing, are no rival's praise
        ("The clinic is round the corner from my flat, so easy", "generic", "usability",
         "positive"),
        ("Great rates, far better than my old bank", "finance", "price", "positive"),
    ],
)  # fmt: skip
def test_english_rivals_nearby_or_left(text: str, pack: str, theme: str, expected: str) -> None:
    assert _pack_polarity(text, pack, theme) == expected


# QA21 (a hotel chain's free text, sentences written for this test): sentences joined by a
# slash or a space, a wish for next time after a complaint, hours that are too short.
@pytest.mark.parametrize(
    ("text", "pack", "theme", "expected"),
    [
        ("部屋のWi-Fiが何度も切れた💦／次は直っているといいな", "generic", "quality", "negative"),
        ("朝食のパンが冷めていた 次回に期待します", "generic", "quality", "negative"),
        ("大浴場の時間が短い", "generic", "quality", "negative"),
        ("お風呂の時間が短いのが残念", "generic", "quality", "negative"),
        ("受付の待ち時間が短くて助かった", "generic", "speed", "positive"),
        ("手続きにかかる時間が短い", "finance", "speed", "positive"),
        ("コスパ/品質ともに良い", "retail", "quality", "positive"),
    ],
)
def test_slash_and_space_join_japanese_sentences(
    text: str, pack: str, theme: str, expected: str
) -> None:
    assert _pack_polarity(text, pack, theme) == expected


def test_a_wish_for_improvement_is_no_quality_mention() -> None:
    texts = pd.Series(
        ["改善をお願いします", "次回は改善されていることを期待します", "腰痛が改善した"]
    )
    found = theme_mentions(texts, pack="generic", learned=False)
    assert sorted(found.loc[found["theme"] == "quality", "row"]) == [2]


# POL21: English forms from the error list of the readable sets, in sentences written for these
# tests (the dictionaries and rules alone).
@pytest.mark.parametrize(
    ("text", "pack", "theme", "expected"),
    [
        # understatement whose words read as praise
        ("The booking page leaves a lot to be desired", "generic", "usability", "negative"),
        ("Waiting times were less than ideal", "generic", "speed", "negative"),
        ("Their fees are on the high side for a basic account", "finance", "price", "negative"),
        ("Membership prices have gone silly this year", "generic", "price", "negative"),
        ("A current account with no silly charges", "finance", "price", "positive"),
        # others lacking what we did: praise of us
        ("The adviser rang me back the same day, nobody else did", "finance", "staff",
         "positive"),
        ("The staff fitted my shoes properly, no other shop has ever bothered", "retail", "staff",
         "positive"),
        ("The policy covers hired equipment, which most policies don't", "finance", "products",
         "positive"),
        ("The premium has barely moved in five years", "finance", "price", "positive"),
        ("The Slack integration is the killer feature for us", "saas", "integrations", "positive"),
        ("Claim settled, never a quibble", "finance", "claims", "positive"),
        # wishes in the past, understated, or asked as a question
        ("A text saying the engineer was late would have been nice", "generic", "communication",
         "negative"),
        ("Wouldn't hurt to print the price list on the website", "generic", "price", "negative"),
        ("How am I supposed to trust a bank that loses my documents?", "finance", "trust",
         "negative"),
        ("The interface needs sorting out", "saas", "usability", "negative"),
        ("Could you open the branch on Saturdays", "finance", "branch", "negative"),
        ("A manual link and that was it. Good luck.", "saas", "docs", "negative"),
        # a rival praised instead of us
        ("Trello's interface is much easier than yours", "saas", "usability", "negative"),
        ("The salon across town has friendlier staff", "generic", "staff", "negative"),
        ("Revolut's app does all this better", "finance", "usability", "negative"),
        # "cut" is no complaint by itself; a call cut off is
        ("The fringe cut came out exactly how I wanted", "generic", "quality", "positive"),
        ("The phone line cut me off twice", "retail", "phone", "negative"),
        ("Exchanged the jacket without any fuss", "retail", "returns", "positive"),
    ],
)  # fmt: skip
def test_pol21_english_forms(text: str, pack: str, theme: str, expected: str) -> None:
    assert _pack_polarity(text, pack, theme) == expected


# POL21: an answer to "what could we improve?" that opens with "Nothing" goes on to say why;
# a clause that asks for more by its form is still a request.
@pytest.mark.parametrize(
    ("text", "pack", "expected"),
    [
        ("Nothing really. Refund came through in two days, no fuss", "retail",
         {"returns": "positive"}),
        ("Nothing, the mechanics really know their stuff", "retail", {"staff": "positive"}),
        ("Nothing to improve, the staff were lovely", "generic", {"staff": "positive"}),
        ("Nothing much, maybe cheaper delivery", "retail", {"price": "negative"}),
        # FIX52: "nothing to improve" may name what is not there (改善点は見当たりません), and
        # says so after the praise too; a named improvement is still a request.
        ("店員さんがいつも親切です。改善してほしい点は特にないです", "retail",
         {"staff": "positive"}),
        ("スタッフの説明がいつも丁寧です。改善点は見当たりません", "generic",
         {"staff": "positive"}),
        ("配達の方がいつも丁寧。要望は思いつきません", "retail", {"delivery": "positive"}),
        ("改善してほしい点は配送の速さ", "retail", {"delivery": "negative"}),
    ],
)  # fmt: skip
def test_nothing_first_in_an_improvement_answer(text: str, pack: str, expected: dict) -> None:
    found = theme_mentions(pd.Series([text]), pack=pack, learned=False, asks="improvement")
    assert dict(zip(found["theme"], found["polarity"].astype(str), strict=True)) == expected


# POL21: words of the error list read as written ("comfy", "knowledgable", "zero coding" is a
# burden spared, "can't moan" a praise) and hard selling, in sentences written for this test.
@pytest.mark.parametrize(
    ("text", "pack", "theme", "expected"),
    [
        ("The office chair is really comfy", "retail", "quality", "positive"),
        ("The adviser was very knowledgable", "finance", "staff", "positive"),
        ("Got the website live with zero coding", "saas", "usability", "positive"),
        ("Can't moan about the staff", "generic", "staff", "positive"),
        ("The car park is always rammed", "generic", "usability", "negative"),
        ("The adviser kept pushing products I didn't want", "finance", "staff", "negative"),
    ],
)
def test_pol21_english_words(text: str, pack: str, theme: str, expected: str) -> None:
    assert _pack_polarity(text, pack, theme) == expected


# POL21 (from probe set 21): trouble that used to be, or was so only at first, is no judgement
# of now; the decline ("used to be great") keeps its complaint; "hoping you…" wishes.
@pytest.mark.parametrize(
    ("text", "pack", "theme", "expected"),
    [
        ("The app used to crash every week, rock solid now", "saas", "reliability", "positive"),
        ("Checkout was fiddly at first but it's quick now", "retail", "checkout", "positive"),
        ("The staff used to be great", "generic", "staff", "negative"),
        ("Still hoping you add a dark mode", "saas", "features", "negative"),
    ],
)
def test_pol21_past_trouble_and_hopes(text: str, pack: str, theme: str, expected: str) -> None:
    assert _pack_polarity(text, pack, theme) == expected


# POL22 (QA23 #4, an energy supplier's comments): a product named by a judgement word is no
# praise ("smart meter"); a thing that stopped doing its job is a complaint, not what was stopped
# being done to the customer nor a trouble that stopped; what nobody had done before is praise.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The smart meter was installed on Tuesday.", "neutral"),
        ("Got a smart TV with my bundle.", "neutral"),
        ("The smart meter stopped sending readings after two months.", "negative"),
        ("The app stopped syncing with my watch.", "negative"),
        ("Stops connecting every other day.", "negative"),
        ("The staff never stopped smiling.", "positive"),
        ("They finally stopped charging me the fee.", "neutral"),
        ("The tap stopped leaking after the visit.", "positive"),
        ("The engineer explained the “smart” display properly, which nobody has done before.",
         "positive"),
        ("No one at the bank has ever explained my pension to me before.", "positive"),
        ("Nobody answered the phone.", "negative"),
        ("Nobody had told us before we signed.", "negative"),
        ("Your “smart” meter is anything but smart – it shows £0.00 all day.", "negative"),
        ("The service was anything but quick.", "negative"),
        ("スマートメーターを設置してもらいました。", "neutral"),
        ("スマートメーターが検針データを送らなくなった。", "negative"),
        ("アプリが同期しなくなった", "negative"),
        ("腰が痛くなくなった", "positive"),
    ],
)  # fmt: skip
def test_pol22_product_names_stoppages_and_firsts(text: str, expected: str) -> None:
    assert polarity_of(normalise_one(text)) == expected


def test_pol22_anything_but_is_no_contrast() -> None:
    # "anything but smart" is one denial; "comfy as anything but the visor snapped" two clauses
    assert clause_split("The service was anything but quick.") == [
        "The service was anything but quick"
    ]
    assert len(clause_split("Helmet comfy as anything but the visor snapped.")) == 2


# POL23 (blind set 21's Japanese polarity errors, classified in benchmarks/POL23_blind21.md;
# these sentences are written for the test): a wish that names itself (欲を言えば) or is a
# condition of full marks (できたら満点) is a request; a complaint that did not happen
# (痛くならなかった, 重くならない) is praise; a stain, a chore or a trouble that went is praise;
# being made to listen (聞かされた) is a complaint; …どおり of what was set is praise.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("強いて言えば画面のデザインかな", "negative"),
        ("贅沢を言うと色の種類", "negative"),
        ("請求書の自動作成までできたら満点です", "negative"),
        ("一日歩いても足が痛くならなかった", "positive"),
        ("雨の日でも重くならない", "positive"),
        ("値段を考えれば文句なし", "positive"),
        ("カレンダー連携ができれば言うことなし", "negative"),
        ("待っている間、同じ説明を三回も聞かされた", "negative"),
        ("カーペットの汚れがすっかり落ちた", "positive"),
        ("汚れが全然落ちない", "negative"),
        ("入力の手間が半分に減った", "positive"),
        ("請求ミスがなくなった", "positive"),
        ("担当の方には頭が上がりません", "positive"),
        ("約束通りの日に届いた", "positive"),
        ("白いシャツが黄ばんできた", "negative"),
        ("価格設定がかなり強気", "negative"),
        ("部屋がスッキリ片付いた", "positive"),
        # つないで (put through) holds no negation
        ("電話を担当者につないでもらった", "neutral"),
    ],
)  # fmt: skip
def test_pol23_japanese_forms(text: str, expected: str) -> None:
    assert polarity_of(normalise_one(text)) == expected


# POL23 (blind set 21's English polarity errors; sentences written for the test): "as well" is
# "too"; an idiom of success; a bug called "not a minor" one; software that eats memory or
# battery; goods left in the rain; time saved; "surely that's …" asks; "clearly just" is an
# intensifier; fading, clutter and cosiness are judged.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The bread was mouldy as well.", "negative"),
        ("The raffle went down a treat with the kids.", "positive"),
        ("The site went down twice.", "negative"),
        ("This is not a minor glitch.", "negative"),
        ("The app drains my battery in an afternoon.", "negative"),
        ("The parcel was left out in the rain.", "negative"),
        ("The templates save us hours every week.", "positive"),
        ("A bulk export would save us hours.", "negative"),
        ("Surely this can be done online?", "negative"),
        ("Progress slowly but surely.", "positive"),
        ("The agent clearly just wanted to close the sale.", "neutral"),
        ("Towels don't fade.", "positive"),
        ("The menu screen is cluttered.", "negative"),
        ("The cabin was cosy.", "positive"),
    ],
)  # fmt: skip
def test_pol23_english_forms(text: str, expected: str) -> None:
    assert polarity_of(normalise_one(text)) == expected


# SENSE25 (QA25): "No comment" before the answer is a non-answer; it negates nothing after it
# and is no complaint of something missing (sentences written for the test).
def test_no_comment_negates_nothing_after_it() -> None:
    texts = pd.Series(["No comment Helpful staff, quick service"])
    got = tag_polarity(texts, load_pack("generic"), learned=False).iloc[0].dropna().to_dict()
    assert got == {"staff": "positive", "speed": "positive"}
    assert polarity_of(normalise_one("No comment")) == "neutral"
    assert polarity_of(normalise_one("No further comments, rude staff")) == "negative"
