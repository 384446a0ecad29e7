## 企业微信上的说法（bot/i18n.py：`<key>--wecom`）
## 企业微信的群里只有 @机器人 的消息送得到，机器人不能“回复某条消息”，群里的后续进展改为私聊（应用消息）告诉上报人。

start--wecom =
    👋 你好，{ $name }！我是<b>骑手哨兵</b>。
    路上看到问题（路灯不亮、井盖丢了、积水、有人摔倒……），在工作群里 @我 说一句，或在这里发 /report 加描述。
    我会立刻给你一个工单号，之后每一步进展都会私聊告诉你。
    还有两分钟微党课、活动签到和可兑换的积分：/lesson、/checkin、/me、/shop。
    /help 查看全部命令。
start-group--wecom =
    👋 我是<b>骑手哨兵</b>。在群里 @我 说一句路上看到的问题，我会登记工单，之后的进展私聊告诉你。
    积分、微党课、签到等个人事项请私聊我（照片和位置也在私聊里发）；/help 查看全部命令。
# 企业微信的群里只收得到 @机器人 的文字：上报要 @我，照片和位置在私聊里发
help--wecom =
    <b>骑手哨兵 · 使用说明</b>
    📸 上报：在群里 @我 说一句问题，或私聊发 /report 描述（照片、位置请在私聊里发）
    📍 缺地点时我会问你一次，把地点发给我（在群里请 @我），或在私聊里发位置即可
    /mycases — 我上报的工单
    /board — 本支部问题上报与解决看板
    /lesson — 本期微党课（错过了也能补学）
    /checkin 签到码 — 活动签到
    /hours 签到码 2.5 — 登记志愿时长；/hours 查看时间银行
    /reportin 所在党组织 — 党员报到
    /me — 我的积分、等级和参与记录；/points 积分明细
    /shop — 积分兑换；/redeem 编号
    /top — 本支部本月积分排行；/top 本周 看本周
    🗣 小哥议事会：/propose 标题 | 说明 — 发起议题；/proposals — 议题列表；/proposal 编号 — 看议题；/vote 编号 选项 — 投票
    /privacy — 排行榜上隐藏或显示我的名字
    /lang zh|en — 切换语言
    /link — 绑定 Telegram 与企业微信账号（一次性绑定码）
    /help — 显示本说明
# 书记、部门成员或超级管理员在企业微信群里发 /help：企业微信的骑手说明，加一行私聊指引
help-group-staff--wecom =
    { help--wecom }
    🔑 书记和部门的命令不在群里列出，请私聊我发 /help 查看。
# 不是上报人的确认或重新处理：企业微信的群看不到工单进展（进展私聊告诉上报人），再报要 @我
case-err-reporter-only--wecom = { $verb ->
    [confirm] 只有上报人本人可以确认这张工单已解决。
   *[other] 只有上报人本人可以把这张工单重新打开。
}{ $who ->
    [staff] 工单标记为已解决后，我会请上报人确认；上报人选“仍未解决”，工单就会重新交给责任部门处理。
   *[rider] { $where ->
        [here] 如果你也遇到了这个问题，在本群 @我 再报一次就行，之后的进展我会私聊告诉你。
       *[other] 如果你也遇到了这个问题，在你的群里 @我 再报一次就行，之后的进展我会私聊告诉你。
    }
}
# 骑手打了书记和部门的工单命令：企业微信的群里上报要 @我，进展私聊告诉上报人
case-err-staff-only--wecom = “{ $action }”由支部书记和责任部门操作。要上报问题，在群里 @我 说一句就行，之后的进展我会私聊告诉你。
case-next--wecom = { $urgency ->
    [urgent] ⚠️ 涉及人身安全，已标记为紧急：{ $respond }内必须有人响应，{ $fix }内处置。注意自身安全！
    [low] 已记录，{ $respond }内受理、{ $fix }内答复。之后每一步进展都会私聊告诉你。
   *[normal] 将转交责任部门，{ $respond }内受理、{ $fix }内办结。之后每一步进展都会私聊告诉你。
}
ask-location--wecom = 📍 { $number } 还缺地点：请把具体位置（路名、小区、门牌、路口）发给我（在群里请 @我），也可以在私聊里发一个位置。
ask-place-inline--wecom = 📍 还缺地点：请把具体位置（路名、小区、门牌、路口）发给我（在群里请 @我），也可以在私聊里发一个位置。
case-place-fix--wecom = 地点不对？把正确地点发给我即可（在群里请 @我）。
# 私聊里的问法：不用 @我，位置就在这里发
ask-place-inline-private--wecom = 📍 还缺地点：请把具体位置（路名、小区、门牌、路口）发给我，或直接发一个位置。
case-place-fix-private--wecom = 地点不对？把正确地点发给我即可。
# 企业微信私聊里，提示之后的下一条消息就是回答（docs/wecom.md）
case-prompt-note--wecom = ✍️ { $case } · 添加进展：请把进展直接发给我（下一条消息即可）。
case-prompt-resolve--wecom = ✍️ { $case } · 处理完毕：请把处理结果直接发给我（下一条消息即可）。
case-prompt-reject--wecom = ✍️ { $case } · 不予受理：请把原因直接发给我（下一条消息即可，会告诉上报人）。
case-prompt-transfer_decline--wecom = ✍️ { $case } · 退回转办：请把退回原因直接发给我（下一条消息即可）。
case-prompt-cannot_fix--wecom = ✍️ { $case } · 无法解决：请把原因直接发给我（下一条消息即可）。
case-prompt-mark_duplicate--wecom = ✍️ { $case } · 标记重复：请把原工单号直接发给我（例如 C-000001）。
voice-place-missing--wecom = 📍 还差地点：点下面的按钮补充，或把地点发给我（在群里请 @我），也可以在私聊里发个位置。
voice-place-prompt--wecom = 📍 工单 { $number } 在哪里？请把地点发给我，或在私聊里发送一个位置。
# 企业微信没有“回复某条消息”，议题的讨论串在那里接不上
dl-agenda-hint--wecom = 💬 发 /proposal { $id } 看讨论摘要。
# 一张按钮卡片最多 6 个按钮：按钮多时分成几张卡片，每张都带标题和序号（handlers/wecom/transport.py）
wecom-card-part = { $title }（{ $n }/{ $total }）
# 群里的回答只能有一条（response_url 只能用一次）：一张卡片放不下的选项私信发给提问的人，群里只说一句（handlers/wecom/transport.py）
wecom-choice-in-private = { $title }
    👉 选项较多，一张卡片放不下，已私信发给你，请在与我的私聊里选择。
# 企业微信没有“回复”，群里也发不了位置：没有事项在等的位置，说清位置在这里怎么用；打招呼，说清在这里怎么上报
pin-unused--wecom = 📍 收到位置，不过现在没有事项在等它。位置这样用：
    · 上报问题：先用一句话说明问题，我问地点时再发位置；更正工单的地点，直接告诉我“地点不对，是……”
    · 活动签到：先发 /checkin 签到码，再发位置{ $staff ->
        [yes] {""}
            · 活动地点：先发 /activity place 签到码，再发位置
       *[no] {""}
    }
smalltalk-hello--wecom = 你好！看到路上的问题，@我 说一句问题和地点就行（定位请在私聊里发）。发 /help 查看全部用法。
