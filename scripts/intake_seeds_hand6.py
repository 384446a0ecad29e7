"""Sixth round of hand-written intake lines (a rider's pay or fees held back is a rider-rights report).

Why: trying the bot from outside with messages of our own, "这个月的配送费到现在还没结 站长说等通知 都拖两个月了"
and "上个月的跑单费还没发 打电话没人接" were read as small talk, while "工资拖了快三个月了" was a report: the
corpus said 工资 (wages) but hardly the words riders use for their pay itself — 配送费, 跑单费, 单费, 补贴,
提成, 冲单奖励, 押金 — with 没结, 没发, 不给, 拖着, 不退. A rider whose pay is withheld heard nothing. These
lines were written one by one for that KIND (never from the evaluation set): pay and fees withheld, cut
or not refunded, in zh and en; and beside them the same words in talk that reports nothing (pay arrived,
how fees are counted, a good week), so the word alone does not make a report.

Format as intake_seeds.HAND: cat|urg|location|text, "-" for none; a non-report has cat "-".
Lines starting with "#" name the kind of the lines below them.
"""

HAND6 = """
# pay and fees withheld, cut or not refunded (zh)
rider_rights|normal|-|这个月的配送费到现在还没结 站长说等通知
rider_rights|normal|-|上个月的跑单费还没发 打电话也没人接
rider_rights|normal|-|单费拖了两个月了 一直说下周结
rider_rights|normal|-|配送费一直不结 问站长就说公司没打款
rider_rights|normal|-|说好的雨天补贴到现在也没发
rider_rights|normal|-|高温补贴一分没见着 别的站都发了
rider_rights|normal|-|提成到现在没到账 都过了发薪日一周了
rider_rights|normal|-|冲单奖励说月底给 现在下个月底了还没给
rider_rights|normal|-|离职一个月了 押金还不退 找谁都推
rider_rights|normal|-|装备押金交了三百 辞职了不给退
rider_rights|normal|-|站点把我上半个月的单费扣着不发 说要干满三个月
rider_rights|normal|-|这周的跑单费少了一百多 对账对不上 没人理
rider_rights|normal|-|夜班补贴被站长吞了 问了就说没有这项
rider_rights|normal|-|外包公司换了老板 之前欠的配送费不认了
rider_rights|normal|-|跑了一个月 结算的时候说我有违规 全扣了
rider_rights|normal|-|我们站三十多个人的单费都拖着 有没有人能管一下
rider_rights|normal|-|工资条上莫名其妙多了一项管理费 每月扣两百
rider_rights|normal|-|春节加班说好三倍 结果按平时算的
rider_rights|normal|-|合同上写的保底没兑现 每个月都少发
rider_rights|normal|-|跑单费打到站长个人卡上 他一直不转给我们
# pay and fees withheld (en)
rider_rights|normal|-|still haven't been paid my delivery fees for last month, the station manager keeps saying next week
rider_rights|normal|-|the rain bonus they promised never showed up
rider_rights|normal|-|quit a month ago and they still won't refund my deposit
rider_rights|normal|-|my pay for the last two weeks is missing and support won't answer
rider_rights|normal|-|the agency changed owners and now says it doesn't owe us the back pay
rider_rights|normal|-|they deducted a "management fee" from my pay again, nobody explains it
# the same words, and nothing wrong (zh)
-|-|-|配送费结了 刚到账
-|-|-|这个月跑单费还行 比上个月多
-|-|-|发工资了 晚上请大家喝奶茶
-|-|-|雨天补贴今天发了 大家查一下
-|-|-|押金退了 谢谢站长
-|-|-|提成怎么算的 有人知道吗
-|-|-|配送费是按距离算还是按单算
-|-|-|这周单费多少 我还没看
-|-|-|冲单奖励拿到了 开心
-|-|-|下个月要调单价了 听说涨一点
-|-|-|结算日是每月几号来着
-|-|-|高温补贴今年从几号开始发
# the same words, and nothing wrong (en)
-|-|-|got my delivery fees today, finally
-|-|-|how is the rain bonus calculated?
-|-|-|pay day tomorrow, drinks on me
-|-|-|deposit refunded, thanks boss
-|-|-|anyone know when the heat bonus starts this year?
"""


def rows() -> list[str]:
    return [line for line in HAND6.splitlines() if line.strip() and not line.startswith("#")]
