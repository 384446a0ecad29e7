# 小哥议事会：议题、附议、讨论、表决、落实（bot/deliberation/）

dl-btn-support = 👍 附议
dl-opt-yes = 赞成
dl-opt-no = 反对
dl-opt-abstain = 弃权
points-rule-proposal_adopted = 议题获通过
points-rule-vote_cast = 参与表决

dl-status-proposed = 征集附议
dl-status-agenda = 已上议程
dl-status-voting = 表决中
dl-status-adopted = 已通过
dl-status-rejected = 未通过
dl-status-declined = 未采纳
dl-status-in_progress = 落实中
dl-status-done = 已办结

dl-action-agenda = 上议程
dl-action-decline = 不予采纳
dl-action-open_vote = 发起表决
dl-action-commit = 确定或更正负责方和期限
dl-action-note = 添加进展
dl-action-finish = 办结
dl-args-finish = { " " }[说明]
dl-args-note = { " " }进展
dl-args-commit = { " " }负责方 due=12-31 18:00
dl-args-close = { "" }
dl-args-open_vote = { " " }[quorum=5] [anon] [选项 | 选项]
dl-args-decline = { " " }理由
dl-args-agenda = { "" }
dl-action-close = 现在结束表决并计票（不等截止时间）
dl-sum-step = { $command }{ $args } — { $what }

dl-card-title = 💡 新议题 #{ $id }：<b>{ $title }</b>
dl-card-progress = 已有 { $supporters } 人附议，{ $days } 天内满 { $threshold } 人即上议程。
dl-card-hint = 赞同就点下面的“附议”。
dl-proposed = ✅ 议题 #{ $id }「{ $title }」已发到本支部各群，{ $days } 天内满 { $threshold } 人附议即上议程。

dl-agenda-title = 📌 议题 #{ $id } 上议程：<b>{ $title }</b>
dl-agenda-supporters = { $supporters } 人附议。
dl-agenda-hint = 💬 回复这条消息参与讨论；发 /proposal { $id } 看讨论摘要。
dl-report-hint = 💬 这条已记为议题 #{ $id } 的讨论。要上报问题（坑、路灯、积水等），请直接发到群里，不要回复议题的消息；紧急情况会直接登记工单。
dl-agenda-staff = 📌 议题 #{ $id }「{ $title }」已满 { $supporters } 人附议，上了议程。发起表决：/proposal { $id } vote
dl-declined = 📭 议题 #{ $id }「{ $title }」未予采纳。理由：{ $reason }

dl-vote-title = 🗳 议题 #{ $id } 开始表决：<b>{ $title }</b>
dl-vote-rules = 截止 { $deadline } · 至少 { $quorum } 人投票才有效 · { $mode }
dl-vote-rules-ended = 已于 { $deadline } 提前截止 · 至少 { $quorum } 人投票才有效 · { $mode }
dl-anon = 匿名表决
dl-named = 实名表决
dl-vote-hint = 每人一票，截止前可以改票。也可以发 /vote { $id } 选项编号。

dl-result-title = 📊 议题 #{ $id } 表决结果：<b>{ $title }</b>
dl-option-line = { $n }. { $text } — { $count } 票
dl-result-turnout = 共 { $turnout } 人投票，法定人数 { $quorum } 人：{ $met }
dl-quorum-met = 已达到
dl-quorum-not-met = 未达到
dl-result-adopted = ✅ 议题通过。接下来由支部书记确定负责方和完成期限，进展会在这里通报。
dl-result-adopted-option = ✅ 议题通过，采纳：{ $option }。接下来由支部书记确定负责方和完成期限，进展会在这里通报。
dl-result-rejected = ❌ 议题未通过。
dl-result-no-quorum = ❌ 投票人数不足，表决无效，议题未通过。

dl-commit = 🛠 议题 #{ $id }「{ $title }」进入落实：负责方{ $owner }，{ $due } 前完成。
dl-commit-changed = 🛠 议题 #{ $id }「{ $title }」落实安排有调整：负责方{ $owner }，{ $due } 前完成。
dl-note = 🔄 议题 #{ $id }「{ $title }」进展（{ $owner }）：{ $note }
dl-done = 🎉 议题 #{ $id }「{ $title }」已办结。
dl-done-note = 说明：{ $note }

dl-settled-agenda = 📌 已上议程
dl-settled-declined = 📭 未予采纳
dl-settled-vote = 🗳 表决已结束

dl-sum-title = 💡 议题 #{ $id }：<b>{ $title }</b>（{ $status }）
dl-sum-supporters = 👍 { $supporters } 人附议（上议程需要 { $days } 天内 { $threshold } 人）
dl-sum-supported = 👍 { $supporters } 人附议
dl-sum-comments = 💬 { $comments } 条讨论
dl-sum-latest = 最新讨论：
dl-sum-comment = · { $name }：{ $text }
dl-sum-reason = 未采纳理由：{ $reason }
dl-sum-vote = 🗳 表决中：已有 { $turnout } 人投票（法定 { $quorum } 人），{ $deadline } 截止
dl-sum-commitment = 🛠 负责方{ $owner }，{ $due } 前完成
dl-sum-notes = 进展：
dl-sum-note = · { $at }：{ $text }
dl-sum-actions = 书记可以：

dl-list-title-open = 📋 进行中的议题（{ $count }）
dl-list-title-adopted = 📋 已通过、落实中的议题（{ $count }）
dl-list-title-done = 📋 已办结的议题（{ $count }）
dl-list-empty = 还没有这类议题。发起一个：/propose 标题 | 说明
dl-list-none-yet = 本支部还没有议题。发起一个：/propose 标题 | 说明
dl-list-item = #{ $id } { $title } · { $status } · 👍 { $supporters }
dl-list-owner = （{ $owner }，{ $due } 前）

dl-propose-usage = 发起议题：/propose 标题 | 说明（例如：/propose 建国路口设骑手休息点 | 中午没地方歇脚）
dl-proposal-usage = 用法：/proposal 编号（看摘要）。支部书记还可以：/proposal 编号 agenda｜decline 理由｜vote [close=明天18:00] [quorum=5] [anon] [选项1 | 选项2]｜close｜commit 负责方 due=2026-12-31｜note 进展｜done [说明]
dl-vote-cmd-usage = 投票：/vote 议题编号 选项编号（例如 /vote 3 1）
dl-decline-usage = 请写上理由：/proposal { $id } decline 理由
dl-vote-usage = 表决写法：/proposal 编号 vote [close=明天18:00] [quorum=5] [anon] [选项1 | 选项2]（不写选项就是 赞成/反对/弃权）
dl-commit-usage = 请写负责方和期限：/proposal { $id } commit 负责方 due=2026-12-31（或 due=12-31 18:00）。落实中再发一次 commit 可以更正负责方或期限。
dl-note-usage = 请写进展：/proposal { $id } note 进展
dl-rule-usage = 用法：/proposals rule 人数 天数（例如 /proposals rule 5人 7天：7 天内 5 人附议即上议程）
dl-rule-range = 附议人数请写 1–{ $max_supporters }，天数请写 1–{ $max_days }（例如 /proposals rule 5 7）。
dl-rule-set = ✅ 本支部规则：{ $days } 天内 { $supporters } 人附议即上议程。

dl-ok-agenda = ✅ 议题 #{ $id } 已上议程，已发到各群。
dl-ok-declined = ✅ 议题 #{ $id } 已标为未采纳，理由已通报。
dl-ok-vote = ✅ 议题 #{ $id } 开始表决，{ $deadline } 截止。
dl-ok-closed = ✅ 议题 #{ $id } 的表决已结束，结果马上发到各群。
dl-ok-commit = ✅ 议题 #{ $id } 的落实安排（负责方、期限）已记下；有变化时在各群通报。
dl-ok-note = ✅ 进展已在议题 #{ $id } 的讨论串通报。
dl-ok-done = ✅ 议题 #{ $id } 已办结，已在各群通报。

dl-sup-recorded = 👍 已附议（{ $count }/{ $threshold }）
dl-sup-agenda = 👍 已附议，满 { $count } 人，议题上了议程！
dl-sup-already = 你已经附议过了。
dl-sup-own = 这是你自己的议题，不用附议。
dl-sup-closed = 这个议题已经不再征集附议了。
dl-sup-expired = 附议期（{ $days } 天）已过。
dl-vote-recorded = ✅ 已投票：{ $option }
dl-vote-points = ✅ 已投票：{ $option }（+{ $points } 积分）
dl-vote-changed = 🔄 已改为：{ $option }
dl-vote-same = 你已经投过“{ $option }”了，一人一票。
dl-vote-closed = 议题 #{ $id } 的表决已经结束。
dl-vote-not-open = 议题 #{ $id } 现在不在表决中。

dl-err-unknown = 没有编号为 { $id } 的议题。
dl-err-gone = 这个议题不存在，或不在本群。
dl-err-role = 只有本支部书记可以这样处理议题 #{ $id }。
dl-err-state = 议题 #{ $id } 现在是“{ $status }”，不能这样处理。
dl-err-state-now = 现在可以：
dl-err-state-none = 这个议题已经没有要书记处理的步骤了。
dl-err-not-staff = 只有支部书记可以设置议事规则。
dl-err-no-branch = 请在本支部的群里发，或先用 /reportin 报到到支部。
dl-err-which-branch = 你在几个支部都有记录（{ $branches }），私聊里我不知道该算哪个支部。请到那个支部的群里发。
dl-err-no-groups = 本支部还没有绑定群，议题无处发布。
dl-err-too-long = 标题最多 { $title } 个字，说明最多 { $body } 个字。
dl-err-deadline = 截止时间要写一个具体时间，在 30 天以内（例如 close=明天18:00）。
dl-err-options = 需要 { $min }–{ $max } 个选项（现在是 { $count } 个）。
dl-err-option-text = 每个选项最多 { $max } 个字，且不能重复。
dl-err-due = 期限要写一个将来的日期，例如 due=2026-12-31 或 due=12-31 18:00（也可以写 12月31日、明天、后天；不写时间就是当天 23:59）。

ev-proposed = 转为议题
dl-btn-from-case = 💡 转为议题
dl-case-proposed = 💡 已转为议题 #{ $id }，已发到本支部各群征集附议。
dl-case-already = 这条建议已经是议题 #{ $id } 了。
dl-case-unknown = 找不到可以转为议题的建议工单 { $case }。
cmd-propose = 发起议题（小哥议事会）
cmd-proposals = 议题列表
cmd-vote = 给议题投票

dl-list-title-closed = 📋 未通过或未采纳的议题（{ $count }）
dl-list-title-all = 📋 全部议题（{ $count }）
dl-list-none-open = 📋 现在没有进行中的议题。
dl-list-none-adopted = 📋 现在没有已通过、落实中的议题。
dl-list-none-done = 📋 还没有已办结的议题。
dl-list-none-closed = 📋 没有未通过或未采纳的议题。
dl-list-none-all = 📋 还没有议题。
dl-list-others = 另有：{ $lists }
dl-list-other-adopted = 已通过、落实中 { $count } 个（/proposals adopted）
dl-list-other-done = 已办结 { $count } 个（/proposals done）
dl-list-other-closed = 未通过或未采纳 { $count } 个（/proposals closed）
dl-proposals-usage = 用法：/proposals（进行中的议题，并列出其他状态各有几个）｜/proposals open（征集附议、已上议程、表决中）｜adopted（已通过、落实中）｜done（已办结）｜closed（未通过、未采纳）｜all（全部）。支部书记还可以：/proposals rule 人数 天数
dl-vote-no-option = 议题 #{ $id } 没有这个选项（请选 1–{ $count }：{ $options }），例如 /vote { $id } 1。
dl-vote-private-unknown = 私聊里找不到你能投票的议题 #{ $id }。私聊只能给你所在支部的议题投票（报到过，或在支部群里报过工单、附议、讨论或投过票）；也可以在群里点投票消息下的按钮。
dl-list-more = （只列出最新的 { $shown } 个）
dl-closed-outcome = { $result ->
    [adopted] 通过
    [rejected] 未通过
   *[no_quorum] 投票人数不足，未通过
}
dl-closed-staff = 🗳 议题 #{ $id }「{ $title }」表决已截止：{ dl-closed-outcome }（{ $turnout } 人投票，法定人数 { $quorum } 人）。{ $result ->
    [adopted] 下一步：{ $step } 负责方 due=12-31
   *[other] 议题已结束。
}
dl-closed-author = 🗳 你的议题 #{ $id }「{ $title }」表决结束：{ dl-closed-outcome }（{ $turnout } 人投票，法定人数 { $quorum } 人）。
dl-sum-was-adopted = ✅ 表决通过。
dl-sum-done = 🏁 { $at } 已办结。
dl-sum-done-note = 🏁 { $at } 已办结：{ $note }
dl-vote-secret = 🗳 已记下你对议题 #{ $id } 的匿名投票（选择不在群里显示；截止前可以改票，私聊发 /vote 更稳妥）。
