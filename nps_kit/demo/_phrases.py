"""Phrase table of the demo dataset's free text (private to :mod:`nps_kit.demo`).

A line reads ``lang|theme|tone|scope|text``: tone ``n`` (complaint), ``p`` (praise), ``m``
(lukewarm, theme ``none`` only) or ``i`` (what to improve); scope ``*`` (every unit) or a
comma-separated list of unit ids. Theme ``none`` holds generic sentences that name no theme.
"""

from __future__ import annotations

from nps_kit.text.themes import DEFAULT_THEME_IDS

THEMES: tuple[str, ...] = DEFAULT_THEME_IDS

PHRASES = """
ja|usability|n|*|アプリの動作が重い。
ja|usability|n|*|アプリがよく落ちます。
ja|usability|n|*|画面が分かりにくいです。どこを押せばいいのか迷いました。
ja|usability|n|*|ログインのたびにパスワードを聞かれて面倒。
ja|usability|n|ec|サイトが見づらくて、欲しい商品になかなかたどり着けない。
ja|usability|n|ec|検索しても目当ての商品が出てこない。
ja|usability|n|insurance|マイページの使い方が分かりにくい。
ja|usability|n|cloud,banking|管理画面が使いにくい。
ja|checkout|n|ec|決済エラーで３回もやり直しました。
ja|checkout|n|ec|カード決済が通らず、結局注文できませんでした。
ja|checkout|n|ec|購入手続きの途中でエラーになった。
ja|checkout|n|stores|レジの待ち時間が長すぎる。
ja|checkout|n|stores|クーポンがレジで使えなかった。
ja|checkout|n|*|支払い方法が少ない。
ja|delivery|n|ec|配送が遅すぎます。注文から１週間以上かかりました。
ja|delivery|n|ec|届いた箱がつぶれていて、中身も破損していました。
ja|delivery|n|ec|お届け予定日を過ぎても届かず、連絡もありませんでした。
ja|delivery|n|ec|配送状況が追跡できない。
ja|delivery|n|ec|置き配を指定したのに不在票が入っていた。
ja|delivery|n|stores|取り寄せをお願いしたら２週間もかかった。
ja|delivery|n|insurance|書類がなかなか届きません。
ja|phone|n|*|電話がつながらない。30分待たされました。
ja|phone|n|*|コールセンターに何度かけても話し中でした。
ja|phone|n|*|電話をたらい回しにされた。
ja|phone|n|insurance|電話での説明が早口で分かりにくかった。
ja|chat|n|*|チャットの返事が自動応答ばかりで役に立たない。
ja|chat|n|*|チャットで質問したのに途中で切れてしまった。
ja|email|n|*|問い合わせメールの返信が３日経っても来ない。
ja|email|n|*|メールの返信が遅いです。
ja|email|n|*|メールの返事がテンプレートで、質問に答えていない。
ja|staff|n|stores|店員の態度が悪かった。
ja|staff|n|stores|スタッフが不親切で、質問しても面倒くさそうにされた。
ja|staff|n|*|担当者の対応が冷たいと感じました。
ja|staff|n|*|オペレーターの言葉遣いが失礼でした。
ja|price|n|*|値段が高い。
ja|price|n|*|値上げしすぎでは？
ja|price|n|*|ポイント還元が減ってお得感がない。
ja|price|n|ec|送料が高すぎる。
ja|price|n|insurance|他社より保険料が高いと思う。
ja|price|n|banking|手数料が高い。
ja|price|n|cloud|料金体系が分かりにくい。
ja|quality|n|*|品質がいまいちでした。
ja|quality|n|ec|写真と実物が全然違う。
ja|quality|n|ec,stores|すぐに壊れた。
ja|quality|n|stores|品切れが多い。
ja|quality|n|cloud|障害が多すぎる。
ja|returns|n|ec,stores|返品の手続きが面倒すぎる。
ja|returns|n|*|返金までに１か月以上かかりました。
ja|returns|n|ec,stores|交換をお願いしたのに対応してもらえなかった。
ja|faq|n|*|よくある質問を見ても答えが見つからない。
ja|faq|n|*|ヘルプページが分かりにくい。
ja|communication|n|*|連絡が遅く、状況が全く分からなかった。
ja|communication|n|*|案内メールが多すぎてうんざり。
ja|communication|n|insurance|説明が足りず、何が補償されるのか分からない。
ja|communication|n|insurance|保険金を請求してから連絡がありません。
ja|none|n|*|最悪。
ja|none|n|*|期待外れでした。
ja|none|n|*|もう使わないと思います。
ja|none|n|*|残念です。
ja|none|n|*|二度と利用しません。
ja|usability|p|*|アプリが使いやすい！
ja|usability|p|*|操作が簡単で迷わない。
ja|usability|p|ec|サイトが見やすくて、すぐに欲しい物が見つかります。
ja|usability|p|insurance|マイページで契約内容がすぐ確認できて便利です。
ja|checkout|p|*|支払いがスムーズでした。
ja|checkout|p|ec|ワンクリックで注文できて楽。
ja|checkout|p|stores|レジが早くて助かります。
ja|delivery|p|ec|配送が早い！翌日に届きました。
ja|delivery|p|ec|梱包が丁寧でした。
ja|delivery|p|ec|注文した次の日に届いてびっくり。
ja|delivery|p|ec|配送が遅くない。
ja|phone|p|*|電話ですぐにつながって助かりました。
ja|phone|p|*|電話の方が丁寧に説明してくれました。
ja|chat|p|*|チャットですぐに解決しました。
ja|chat|p|*|チャットの返事が早い。
ja|email|p|*|メールの返信が早くて安心しました。
ja|staff|p|*|スタッフの方の対応が丁寧で気持ちよかったです。
ja|staff|p|stores|店員さんがとても親切でした。
ja|staff|p|stores|いつも笑顔で対応してくれる。
ja|staff|p|insurance|担当の方が親身になって相談に乗ってくれました。
ja|price|p|*|値段が手頃。
ja|price|p|*|コスパが良い！
ja|price|p|*|値段のわりに悪くない。
ja|price|p|ec,stores|ポイントがたまってお得です。
ja|price|p|insurance|保険料が安い。
ja|quality|p|*|期待以上の品質でした。
ja|quality|p|ec,stores|商品がしっかりしていて長く使えそう。
ja|quality|p|stores|品揃えが豊富。
ja|returns|p|ec,stores|返品がかんたんでした。
ja|returns|p|ec,stores|交換にすぐ対応してもらえました。
ja|faq|p|*|よくある質問で解決できた。
ja|faq|p|*|ヘルプが分かりやすい。
ja|communication|p|*|連絡が丁寧です。
ja|communication|p|insurance|請求から支払いまでの連絡がこまめで安心できました。
ja|none|p|*|満足しています！
ja|none|p|*|とても良かったです。
ja|none|p|*|特に不満はありません。
ja|none|p|*|いつもありがとうございます。
ja|none|p|*|また利用したいです。
ja|none|p|*|友人にも勧めました。
ja|none|m|*|普通。
ja|none|m|*|可もなく不可もなく。
ja|none|m|*|特にありません。
ja|none|m|*|まあまあ。
ja|none|m|*|悪くはないです。
ja|usability|i|*|アプリを軽くしてほしい。
ja|usability|i|*|サイトをもっと見やすくしてください。
ja|usability|i|ec|検索機能を改善してほしい。
ja|checkout|i|*|支払い方法を増やしてほしい。
ja|checkout|i|ec|決済エラーをなくしてください。
ja|checkout|i|stores|セルフレジを増やしてほしい。
ja|delivery|i|ec|配送をもっと早くしてほしい。
ja|delivery|i|ec|梱包をもう少し丁寧にお願いします。
ja|delivery|i|ec|配達時間の指定を細かくしてほしい。
ja|phone|i|*|電話窓口の人数を増やしてください。
ja|phone|i|*|電話の待ち時間を短くしてほしい。
ja|phone|i|*|土日も電話がつながるようにしてほしい。
ja|chat|i|*|チャットで人間の担当者と話せるようにしてほしい。
ja|chat|i|*|チャットの対応時間を延ばしてほしい。
ja|email|i|*|メールの返信を早くしてください。
ja|staff|i|*|スタッフ教育をしっかりしてほしい。
ja|staff|i|stores|店員さんを増やしてほしい。
ja|price|i|*|もう少し安くしてほしい。
ja|price|i|ec|送料無料の条件を下げてほしい。
ja|price|i|insurance|保険料の見直しをお願いします。
ja|quality|i|*|品質管理を徹底してほしい。
ja|quality|i|stores|品揃えを増やしてほしい。
ja|returns|i|*|返金を早くしてください。
ja|returns|i|ec,stores|返品をもっと簡単にしてほしい。
ja|faq|i|*|FAQを充実させてほしい。
ja|faq|i|*|ヘルプページを分かりやすくしてほしい。
ja|communication|i|*|手続きの進み具合を連絡してほしい。
ja|communication|i|*|説明をもっと分かりやすくしてほしい。
ja|none|i|*|特になし。
ja|none|i|*|今のままで十分です。
ja|none|i|*|このままでお願いします！
en|usability|n|*|The app crashes every time I open it.
en|usability|n|*|The website is confusing and hard to navigate.
en|usability|n|cloud|The console UI is cluttered and slow.
en|usability|n|cloud|Hard to find anything in the dashboard.
en|usability|n|banking|The mobile app logs me out constantly.
en|usability|n|banking|The app is so slow to load my balance.
en|checkout|n|*|Payment failed twice before it went through.
en|checkout|n|cloud|Billing is a mess, we were charged twice.
en|checkout|n|cloud|Couldn't upgrade our plan, the payment page kept erroring.
en|checkout|n|banking|Transfers get stuck as pending for days.
en|checkout|n|ec,stores|Checkout keeps failing with my card.
en|delivery|n|banking|My new card took three weeks to arrive.
en|delivery|n|cloud|Provisioning new instances takes forever.
en|delivery|n|ec,stores|Delivery was late again.
en|delivery|n|ec|The package arrived damaged.
en|phone|n|*|I waited on hold for 45 minutes.
en|phone|n|*|The call centre kept transferring me around.
en|phone|n|*|Nobody answers the phone.
en|phone|n|*|Phone support hung up on me.
en|chat|n|*|Chat support just gives canned answers.
en|chat|n|*|The chat bot is useless, I couldn't reach a human.
en|chat|n|cloud|Chat support took hours to reply.
en|email|n|*|No reply to my support email for 4 days.
en|email|n|*|Email support is painfully slow.
en|email|n|cloud|Support tickets sit unanswered for days.
en|staff|n|*|Unfriendly staff.
en|staff|n|banking|The staff at the branch were rude.
en|staff|n|cloud|The support engineer didn't seem to know the product.
en|staff|n|ec,stores,insurance|Staff were not helpful at all.
en|price|n|*|Way too expensive.
en|price|n|banking|Monthly fees keep going up.
en|price|n|banking|Hidden fees everywhere.
en|price|n|banking|Overdraft fees are ridiculous.
en|price|n|cloud|Pricing is confusing and the egress costs are crazy.
en|quality|n|*|Quality has gone downhill.
en|quality|n|cloud|Too many outages this quarter.
en|quality|n|cloud|The service went down during our launch.
en|quality|n|banking|Interest rates are worse than other banks.
en|returns|n|*|Still waiting for a refund.
en|returns|n|banking|Getting a refund for a disputed charge took weeks.
en|returns|n|cloud|They refused to refund the credits after the outage.
en|faq|n|*|The FAQ doesn't answer anything.
en|faq|n|cloud|The docs are outdated.
en|faq|n|cloud|Documentation is missing examples.
en|communication|n|*|I never got an update on my case.
en|communication|n|*|Too many marketing emails.
en|communication|n|cloud|Nobody told us about the maintenance window.
en|none|n|*|Terrible.
en|none|n|*|Very disappointed.
en|none|n|*|Won't be back.
en|none|n|*|Not happy at all.
en|none|n|*|Worst experience ever.
en|usability|p|*|The app is super easy to use.
en|usability|p|cloud|Clean, intuitive console.
en|usability|p|cloud|Setup was quick and painless.
en|usability|p|banking|Mobile banking just works.
en|usability|p|ec,stores|Easy to order online.
en|checkout|p|*|Paying is quick and simple.
en|checkout|p|cloud|Billing is clear and predictable.
en|checkout|p|banking|Transfers are instant.
en|delivery|p|cloud|New instances spin up in seconds.
en|delivery|p|banking|My card arrived in two days.
en|delivery|p|ec,stores|Fast delivery!
en|phone|p|*|Got through on the phone right away.
en|phone|p|*|The phone agent sorted it out in 5 minutes.
en|chat|p|*|Chat support is fast and actually helpful.
en|chat|p|cloud|Support chat answered within minutes.
en|email|p|*|Quick email replies.
en|email|p|cloud|Support tickets get answered the same day.
en|staff|p|*|The staff were really kind and patient.
en|staff|p|cloud|Our account manager is great.
en|staff|p|cloud|The support engineers really know their stuff.
en|staff|p|banking|The branch team always remembers me.
en|price|p|*|Good value for money.
en|price|p|*|Fair pricing.
en|price|p|banking|No monthly fees, love it.
en|price|p|cloud|Not cheap, but worth every penny.
en|quality|p|*|Reliable and fast.
en|quality|p|*|Great product.
en|quality|p|cloud|Rock solid uptime.
en|quality|p|cloud|We have not had a single outage.
en|quality|p|banking|Great interest rates.
en|returns|p|*|The refund was processed quickly.
en|returns|p|cloud|They credited our account after the incident without us asking.
en|faq|p|*|Found the answer in the FAQ right away.
en|faq|p|cloud|The docs are excellent.
en|communication|p|*|They always keep me informed.
en|communication|p|cloud|Clear status page updates during incidents.
en|none|p|*|Love it!
en|none|p|*|Great service.
en|none|p|*|No complaints.
en|none|p|*|Keep up the good work.
en|none|p|*|Highly recommend.
en|none|p|*|Couldn't be happier.
en|none|m|*|It's fine.
en|none|m|*|Average.
en|none|m|*|Nothing special.
en|none|m|*|OK I guess.
en|none|m|*|Not bad.
en|usability|i|*|Make the app faster.
en|usability|i|*|Simplify the navigation.
en|usability|i|cloud|Add dark mode to the console.
en|usability|i|banking|Let me log in with Face ID.
en|checkout|i|*|Support more payment methods.
en|checkout|i|cloud|Fix the billing page.
en|checkout|i|banking|Make transfers faster.
en|delivery|i|banking|Ship cards faster.
en|delivery|i|cloud|Faster provisioning.
en|delivery|i|ec,stores|Faster delivery please.
en|phone|i|*|Shorter hold times.
en|phone|i|*|Answer the phone!
en|phone|i|*|Offer a call-back option.
en|chat|i|*|Let me talk to a human in chat.
en|chat|i|*|24/7 chat support.
en|email|i|*|Reply to emails faster.
en|email|i|cloud|Faster ticket responses.
en|staff|i|*|Train your staff.
en|staff|i|banking|More staff at the branch.
en|price|i|*|Lower the fees.
en|price|i|cloud|Cheaper plans for small teams.
en|price|i|banking|Drop the monthly fee.
en|quality|i|*|Fewer outages please.
en|quality|i|*|Better reliability.
en|returns|i|*|Faster refunds.
en|faq|i|*|Better documentation.
en|faq|i|*|Update the FAQ.
en|communication|i|*|Keep customers updated.
en|communication|i|cloud|Announce maintenance earlier.
en|none|i|*|Nothing.
en|none|i|*|Nothing, keep it up!
en|none|i|*|n/a
"""
