## 积分银行：余额、等级、兑换、排行榜

points-rule-report_accepted = 上报被受理
points-rule-report_resolved = 上报的问题已解决
points-rule-urgent_confirmed = 紧急隐患经确认
points-rule-fix_confirmed = 确认整改
points-rule-lesson_completed = 完成微党课
points-rule-quiz_correct = 答对题目
points-rule-survey_answered = 参与问卷
points-rule-volunteer_hour = 志愿服务时长
points-rule-manual = 书记奖励
points-rule-redeem = 兑换
points-rule-refund = 兑换退回
points-reversal = 撤回

points-tier-basic = 基础骑手
points-tier-advanced = 进阶骑手
points-tier-spark = 🔥 治理星火

points-me-title = <b>我的积分</b>
points-me-balance = 💰 可用积分：<b>{ $balance }</b>
points-me-tier = 🏅 等级：{ $tier }（近 12 个月获得 { $earned } 分，{ $reports } 件上报被受理）
points-me-next = 距「{ $tier }」还差 { $points ->
    [0] {""}
   *[other] { $points } 分
}{ $points ->
    [0] {""}
   *[other] { $reports ->
        [0] {""}
       *[other] 、
    }
}{ $reports ->
    [0] {""}
   *[other] { $reports } 件受理上报
}
points-me-top = 你已是最高等级，感谢你守护这座城市！
points-me-recent = <b>最近记录</b>
points-me-hidden = 🙈 排行榜上不显示你的名字（/privacy 切换）
points-me-empty = 还没有积分记录。上报问题、学习微党课、参与问卷都能获得积分。
points-me-more = /points 查看全部记录 · /shop 积分兑换
points-line = { $date } { $what } { $points }
points-history-title = <b>积分记录</b>（可用 { $balance } 分）
points-history-empty = 还没有积分记录。

points-shop-title = <b>积分兑换</b>（发 /redeem 编号或名称 兑换，或点下面的按钮）
points-shop-item = { $code } · { $name } · { $cost } 分 · 剩 { $stock } 份{ $limit }
points-shop-limit = （每人 { $count } 份{ $days ->
    [0] {""}
   *[other] /{ $days } 天
}）
points-shop-empty = 兑换目录暂时是空的。
points-redeem-usage = 用法：/redeem 商品编号或名称，例如 /redeem data_pack 或 /redeem 流量包。发 /shop 查看目录。
points-redeem-private-only = 🔒 兑换请私聊我：发 /redeem 编号，或在 /shop 列表里点按钮（你的积分余额只告诉你本人）。
points-redeemed = 🎁 已申请兑换 <b>{ $item }</b>（{ $number }），扣除 { $cost } 分，剩余 { $balance } 分。书记审核后会通知你。
points-item-unknown = 没有编号或名称为「{ $item }」的兑换项目。发 /shop 查看目录。
points-item-several = 「{ $item }」对应不止一个兑换项目：{ $items }。请写完整的编号或名称，例如 /redeem data_pack。
points-too-few = 积分不足：「{ $item }」需要 { $cost } 分，你现在有 { $balance } 分。
points-which-branch = 你在几个支部都有记录（{ $branches }），兑换该由哪个支部办理我说不准。请在你要兑换的那个支部的群里发 /shop，点要兑换的项目。
points-limit = 「{ $item }」每人限兑 { $limit } 份{ $days ->
    [0] {""}
   *[other] （{ $days } 天内）
}，你已达到上限。
points-out-of-stock = 「{ $item }」已兑完，请选择其他项目或稍后再来。
points-redeem-request = 🎁 兑换申请 { $number }：{ $who }想用 { $cost } 分兑换「{ $item }」。
    发放：/fulfil { $number } 兑换码或领取说明；拒绝：/refuse { $number } 原因
points-fulfil-button = ✅ 发放
points-refuse-button = ❌ 拒绝并退分
points-fulfilled = ✅ 你的兑换 { $number }「{ $item }」已发放。{ $note }
points-fulfilled-default = 请到驿站领取。
points-refused = ↩️ 你的兑换 { $number }「{ $item }」未通过，{ $cost } 分已退回。{ $note }
points-fulfilled-group = ✅ { $name }，你的兑换 { $number }「{ $item }」已发放。兑换码等详情不在群里公开，请找支部书记领取。
points-refused-group = ↩️ { $name }，你的兑换 { $number }「{ $item }」未通过，{ $cost } 分已退回。原因请问支部书记。
points-decided = ✅ 已处理兑换 { $number }。
# to the secretary: the rider could not be written to privately, so the group heard the verdict without the note
points-note-undelivered = ⚠️ { $name }没有私聊过我或已屏蔽我，你为兑换 { $number }「{ $item }」写的说明（如兑换码、原因）没能送到TA手里。群里只说了{ $fulfilled ->
        [yes] 已发放
       *[no] 未通过
    }，没有写说明。请当面交给 TA。
points-redemption-unknown = 在你的范围内没有兑换申请「{ $number }」。
points-redemption-decided = 兑换申请 { $number } 已经处理过了。
points-redemption-own = 兑换申请 { $number } 是你自己的，不能自己处理，请由本支部其他书记或超级管理员处理。
points-pending-title = <b>待处理的兑换</b>（{ $count } 件）
points-pending-item = { $number } · { $who } · { $item } · { $cost } 分 · { $date }
points-pending-empty = 没有待处理的兑换申请。
points-decide-usage = 用法：/fulfil R12 兑换码或说明 · /refuse R12 原因

points-grant-usage = 用法：/points grant @用户名 或 用户ID 分数 原因（也可以回复该骑手的消息：/points grant 分数 原因）
points-grant-amount = 分数必须是 1 到 { $max } 之间的整数。
points-grant-self = 不能给自己发放积分。
points-grant-other-branch = 只能给本支部的骑手发放积分：TA 需要在本支部上报过问题、参与过议事或活动，或向本支部报到。也可以在群里回复 TA 的消息发 /points grant 分数 原因。
points-grant-done = 这次发放已经记过了。
points-grant-ok = ✅ 已给{ $who }发放 { $points } 分（{ $reason }），记录 { $number }。发错了可发 /points revoke { $number } 原因 撤回。
points-granted = 🎉 你获得了 { $points } 分书记奖励：{ $reason }。现有 { $balance } 分，发 /me 查看。
points-user-unknown = 找不到用户 { $who }（TA 需要先在群里或私聊里说过话）。
points-not-permitted = 只有书记可以这样做。

points-promoted = 🏅 恭喜！你已成为「{ $tier }」。近 12 个月你获得了 { $points } 分，谢谢你为城市治理出力！
points-privacy-on = 🙈 好的，排行榜上将不再显示你的名字（显示为“匿名骑手”）。再发 /privacy 可恢复。
points-privacy-off = 👀 好的，排行榜上会显示你的名字。再发 /privacy 可隐藏。
points-privacy-private-only = 🙈 请私聊我发 /privacy，你的选择只有你自己知道。
points-anonymous = 匿名骑手
points-leaderboard-title = 🏆 <b>{ $month } 月度优秀骑手</b>
points-leaderboard-line = { $rank }. { $name } — { $points } 分
points-leaderboard-footer = 感谢每一位随手拍、学习和志愿服务的骑手！不想上榜？私聊发 /privacy。

cmd-me = 我的积分和等级
cmd-shop = 积分兑换
