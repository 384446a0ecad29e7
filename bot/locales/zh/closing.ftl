## 闭环：更正积分、排行榜、选择按钮、已处理的按钮、导出

points-revoke-usage = 用法：/points revoke 记录号 原因，例如 /points revoke #17 误发冲正。记录号在发放回执里。
points-revoke-ok = { $points ->
    [0] ↩️ 已撤回{ $who }的记录 { $number }（{ $reason }），但这 { $short } 分已被使用，没有扣回；TA 的积分没有变化。
   *[other] ↩️ 已撤回{ $who }的记录 { $number }，扣回 { $points } 分（{ $reason }）。{ $short ->
        [0] {""}
       *[other] 另有 { $short } 分已被使用，无法扣回。
    }
}{ $has_hours ->
    [yes] 这是「{ $title }」{ $hours } 小时志愿时长的积分，这些时长的认可也随之撤回，不再计入 TA 的时间银行。
   *[no] {""}
}
points-revoked-rider = ↩️ 书记更正了你的积分：扣回 { $points } 分（{ $reason }）。现有 { $balance } 分，发 /points 查看记录。
points-entry-unknown = 没有积分记录 { $number }（或不属于你的支部）。
points-entry-not-revocable = 记录 { $number } 不能撤回：只能撤回发放或奖励的积分，兑换请用 /refuse。
points-entry-revoked = 记录 { $number } 已经撤回过了。
points-who-unknown = 我认不出“{ $who }”是谁：请写 TA 的 @用户名 或用户 ID。
points-who-several = 本支部有 { $count } 位成员叫“{ $who }”：请写 TA 的 @用户名 或用户 ID，或者在群里回复 TA 的消息再发这条命令。
points-correct-none = 没有找到给{ $as_id ->
        [yes] 用户 { $id } 的
       *[no] { $who }的
    } { $points } 分书记奖励可以冲正。请用 /points revoke 记录号 原因 撤回指定记录。
points-grant-cap = 每位骑手每天最多获得 { $cap } 分书记奖励，今天还能发 { $left } 分。

top-usage = 用法：/top 查看本月排行；也可以 /top 本周、上周、上个月、今年、去年。
top-no-branch = 你还没有所属支部，暂时没有排行榜。在工作群里上报或报到后就有了。
top-which-branch = 你在几个支部都有记录（{ $branches }），私聊里我不知道看哪个支部的排行榜。请在那个支部的群里发 /top。
points-top-title = 🏆 <b>{ $period }积分排行</b>{ $ended ->
    [yes] （{ $since } 至 { $until }）
   *[no] （{ $since } 起）
}
top-period-week = 本周
top-period-month = 本月
top-period-year = 今年
top-period-last-week = 上周
top-period-last-month = 上个月
top-period-last-year = 去年
points-top-line = { $rank }. { $name } — { $points } 分
points-top-you = ← 你
points-top-empty = { $ended ->
    [yes] { $period }没有人获得积分。
   *[no] { $period }还没有人获得积分，上报问题、学习微党课都能上榜。
}
points-top-footer = 不想上榜？私聊发 /privacy。
cmd-top = 积分排行榜

choice-cancel = ✖ 取消
choice-cancelled = 已取消（{ $who }）
choice-stale = 部门列表已经变了，请重新打开工单再选。
choice-sent-departments = 请在下面的按钮里选择部门 👇
choice-sent-prompt = 请回复下面那条提示消息，写下说明 👇
choice-settled-department = ✅ { $who }：{ $action } → { $department }
choice-prompt-done = ✅ 已办理 { $number }：{ $action }
case-choose-department = { $case } · { $action }：请选择部门
case-prompt-note = ✍️ { $case } · 添加进展：请直接回复这条消息，写下进展。
case-prompt-resolve = ✍️ { $case } · 处理完毕：请回复这条消息，写下处理结果（可以附一张照片）。
case-prompt-reject = ✍️ { $case } · 不予受理：请回复这条消息，写下原因（会告诉上报人）。
case-prompt-transfer_decline = ✍️ { $case } · 退回转办：请回复这条消息，写下退回原因。
case-prompt-cannot_fix = ✍️ { $case } · 无法解决：请回复这条消息，写下原因。
case-prompt-mark_duplicate = ✍️ { $case } · 标记重复：请回复这条消息，写下原工单号（例如 C-000001）。
settled-case = ✅ 已由{ $who }办理：{ $action }
settled-stale = ℹ️ 已由{ $who }处理，现在：{ $status }
case-stale = 这一步已经有人处理了：{ $who }（{ $at }），现在状态：{ $status }。
case-err-ambiguous-department = “{ $department }”对应多个部门：{ $candidates }。请写全称，或不带部门发命令（/{ $command } { $number }），从按钮里选。
settled-by = ✅ { $who }：{ $what }
settled-stale-by = ℹ️ 已由{ $who }处理
# a request card its requester changed since (hours claimed again, a report-in corrected): a newer card follows
settled-superseded = ✏️ { $who }已修改申请，请按最新的消息处理。
decided-by = 处理人：{ $who }。
board-title-of = （{ $name }）
board-title-all = （全部支部）
role-secretary = 支部书记
role-superadmin = 超级管理员
role-dept = 部门成员
admin-granted-role = ✅ 已授予{ $who }「{ $role }」{ $scope }。
admin-revoked-role = ✅ 已撤销{ $who }{ $gap }的「{ $role }」{ $scope }。
admin-already-role = ℹ️ { $who }{ $gap }已经是「{ $role }」{ $scope }，无需重复授予，没有做任何更改。
admin-scope-dept = （{ $department }，{ $branch }）
admin-scope-dept-every = （{ $department }，全部支部）
admin-scope-branch = （{ $branch }）
admin-person-id = 用户 { $id }
smalltalk-thanks = 不客气！路上注意安全 🙏 看到问题随时发给我。
smalltalk-hello = 你好！看到路上的问题，直接把描述（最好带地点或定位）发给我就行。发 /help 查看全部用法。

export-usage = 用法：/export cases [起始日期] [xlsx|csv]，例如 /export cases 2026-11-01、/export cases 7天、/export cases 本月 csv。默认最近 30 天、xlsx。
export-bad-word = 没看懂“{ $word }”。起始日期可以写 2026-11-01、11-01、7天、本周、本月、上周、上个月；格式写 xlsx 或 csv，例如 /export cases 上周 csv。
export-in-private = 导出表格请私聊机器人发送 /export cases（表格不在群里发）。
export-not-permitted = 只有支部书记和管理员可以导出工单。
export-too-big = 表格太大，无法在聊天里发送，请缩短时间范围，或用命令行 sentinel export cases。
export-caption = 📎 { $part ->
    [summary] 各部门汇总（{ $since } 起，{ $rows } 个部门）
   *[other] 工单导出（{ $since } 起，共 { $rows } 件）{ $part ->
        [both] ，第二个工作表为各部门汇总
       *[other] {""}
    }
}。个人信息已按负面清单脱敏。
export-sheet-cases = 工单
export-sheet-summary = 各部门汇总
export-col-case = 工单号
export-col-reported_at = 上报时间
export-col-category = 类别
export-col-urgency = 紧急程度
export-col-status = 状态
export-col-branch = 支部
export-col-department = 责任部门
export-col-location = 地点
export-col-lat = 纬度
export-col-lon = 经度
export-col-text = 描述
# The response clock (受理/答复) and the resolution clock (办结), issue 13 B3b.
export-col-due_at = 答复期限
export-col-fix_due_at = 办结期限
export-col-accepted_at = 受理时间
export-col-resolved_at = 处理完毕时间
export-col-closed_at = 办结时间
export-col-hours_to_accept = 受理用时（小时）
export-col-hours_to_resolve = 处理用时（小时）
export-col-transfers = 转办次数
export-col-reopens = 重新处理次数
export-col-duplicate_of = 重复于
export-col-category_code = 类别代码
export-col-urgency_code = 紧急程度代码
export-col-status_code = 状态代码
export-col-department_code = 部门代码
export-sum-department = 责任部门
export-sum-received = 收到工单
export-sum-accepted_on_time = 按时受理
export-sum-overdue = 超时
export-sum-median_hours_to_accept = 受理用时中位数（小时）
export-sum-median_hours_to_fix = 处理用时中位数（小时）
export-sum-department_code = 部门代码
cmd-export = 导出工单表格
# `/points <someone>` from a rider (issue 13 B8): only their own record is shown.
points-own-only = ℹ️ /points 只显示你自己的积分记录。
points-ledger-usage = 用法：/points ledger @用户名 或 用户ID（也可以回复该骑手的消息：/points ledger），查看该骑手在本支部的积分记录（带记录号）。
points-ledger-title = <b>{ $who }的积分记录</b>（本支部）
points-ledger-empty = { $as_id ->
        [yes] 用户 { $id } 在
       *[no] { $who }在
    }本支部还没有积分记录。
points-ledger-footer = 撤回某条记录：/points revoke 记录号 原因

# the presser's own private chat: the rider's own ✅/❌ says "you" (issue 13 wording)
settled-case-self = 你已选择：{ $action }
case-confirm-you = ✅ 谢谢，你已确认问题解决。
case-reopen-you = 收到，已转回重新处理。
