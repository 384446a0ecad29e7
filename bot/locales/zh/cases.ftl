## Case lifecycle: errors, announcements, statuses, actions

case-err-illegal = 工单当前状态为“{ $status }”，不能执行“{ $action }”。
case-err-illegal-next = 工单当前状态为“{ $status }”，不能执行“{ $action }”。下一步可以“{ $step }”：{ $next }
case-err-not-yours = 工单 { $number } 不归你负责，你不能对它执行“{ $action }”。需要由你的部门办理的，请联系支部书记指派或请责任部门转办。
case-err-not-permitted = 你没有权限对这个工单执行“{ $action }”。
case-err-staff-only = “{ $action }”由支部书记和责任部门操作。要上报问题，直接在群里描述就行，每一步进展都会回复你。
case-err-reporter-only = { $verb ->
    [confirm] 只有上报人本人可以确认这张工单已解决。
   *[other] 只有上报人本人可以把这张工单重新打开。
}{ $who ->
    [staff] 工单标记为已解决后，我会请上报人确认；上报人选“仍未解决”，工单就会重新交给责任部门处理。
   *[rider] { $where ->
        [here] 如果你也遇到了这个问题，直接在群里再报一次就行；这张工单的每一步进展，本群都看得到。
        [group] 如果你也遇到了这个问题，直接再报一次就行；这张工单的每一步进展，都发在上报它的那个群里。
       *[private] 如果你也遇到了这个问题，直接再报一次就行，你报的工单每一步进展我都会告诉你。
    }
}
case-err-reason-required = 请填写原因，原因会告知上报人。
case-err-note-required = 请填写处理说明。
case-err-department-required = 请选择责任部门。
case-err-master-required = 请填写重复的原工单号，例如 C-000123。
case-err-master-invalid = “{ $master }”不是有效的工单号，例如 C-000123。
case-err-master-self = { $number } 就是这张工单本身，不能标记为它自己的重复。请填写先上报的那张工单号，例如 /dup { $number } C-000123。
case-err-transfer-limit = 该工单已转办 { $transfers } 次（上限 { $limit } 次），不能再转办，请由支部书记指派或处理。
case-err-transfer-same-department = 不能转办给本部门。
case-err-no-owner = 工单尚无责任部门，请先由支部书记指派。
case-ev-accepted = 工单 { $case } 已受理，责任部门：{ $department }。
case-ev-assigned = 工单 { $case } 已指派给{ $department }。
case-ev-started = 工单 { $case } 正在处理中（{ $department }）。
case-ev-noted = 工单 { $case } 进展：{ $note }
case-ev-resolved = 工单 { $case } 已处理完毕：{ $note }请确认是否解决；如未解决可申请重新处理。
case-ev-confirmed = 上报人已确认，工单 { $case } 已办结。感谢你的上报！
case-ev-reopened = 上报人反馈问题仍未解决，工单 { $case } 已重新交由{ $department }处理。
case-ev-auto-closed = 工单 { $case } 处理完毕后 72 小时内未收到反馈，已自动办结。
case-ev-transfer-requested = 工单 { $case } 正由{ $from }申请转办至{ $to }，转办完成前仍由{ $from }负责。
case-ev-transfer-accepted = 工单 { $case } 已转由{ $to }负责。
case-ev-transfer-declined = { $to }未接收工单 { $case }（{ $note }），仍由{ $from }负责。
case-ev-marked-duplicate = 工单 { $case } 与 { $master } 为同一问题，将随 { $master } 一并处理。
case-ev-rejected = 工单 { $case } 未予受理，原因：{ $note }
case-ev-closed-not-fixed = 工单 { $case } 暂无法解决，已办结。原因：{ $note }
case-status-new = 待受理
case-status-accepted = 已受理
case-status-in_progress = 处理中
case-status-transferred = 转办中
case-status-resolved = 待确认
case-status-closed = 已办结
case-status-rejected = 不予受理
case-status-duplicate = 重复上报
case-status-closed_not_fixed = 无法解决（已办结）
case-action-accept = 受理
case-action-assign = 指派部门
case-action-start = 开始处理
case-action-note = 添加进展
case-action-resolve = 处理完毕
case-action-confirm = 确认已解决
case-action-reopen = 仍未解决
case-action-auto_close = 自动办结
case-action-transfer_request = 申请转办
case-action-transfer_accept = 接收转办
case-action-transfer_decline = 退回转办
case-action-mark_duplicate = 标记重复
case-action-reject = 不予受理
case-action-cannot_fix = 无法解决

## Commands, cards, lists, alerts
case-err-not-found = 找不到工单“{ $number }”，或者你无权查看它。工单号形如 C-000123。
case-err-unknown-department = 没有叫“{ $department }”的部门。不带部门发命令（例如 /{ $command } { $number }），可以从按钮里选。
case-usage = 用法：{ $command ->
    [case] /case C-000123（查看工单）
    [accept] /accept C-000123 [部门]，例如 /accept C-000123 住建局
    [assign] /assign C-000123 部门，例如 /assign C-000123 住建局
    [work] /work C-000123（开始处理）
    [note] /note C-000123 进展，例如 /note C-000123 已派人查看
    [resolve] /resolve C-000123 说明，例如 /resolve C-000123 已更换灯泡
    [reject] /reject C-000123 理由，例如 /reject C-000123 不属于市政问题
    [dup] /dup C-000124 C-000123（前一个是后一个的重复）
    [transfer] /transfer C-000123 部门，例如 /transfer C-000123 城管局
    [take] /take C-000123（接收转办）
    [decline] /decline C-000123 理由，例如 /decline C-000123 不归本部门
    [cannotfix] /cannotfix C-000123 理由，例如 /cannotfix C-000123 需要市里立项
    [confirm] /confirm C-000123
    [reopen] /reopen C-000123
   *[other] /{ $command } C-000123 …
}
cases-usage = 用法：/cases [筛选]，可以写：
    · 未办结 / 未完成 / 办理中 / 待办 / 进行中（open，默认）
    · 已办结 / 已完成 / 办结（closed）
    · 超期 / 逾期（overdue）
    · 我的（mine：你上报的；部门成员是本部门负责的工单）
    · 全部 / 所有（all，最新的在前）
cases-filter-unknown = 没看懂“{ $word }”这个筛选。
    { cases-usage }
case-needs-input = 这一步需要补充内容，请发：/{ $command } { $case } 说明
case-done = ✅ 已办理
case-followed = 🔁 已有人上报 { $number }（{ $status }），已为你关注，后续进展会同时告诉你。
card-title = 📋 <b>{ $number }</b> · { $status }
card-facts = { $category } · { $urgency } · { $location }
card-owner = 责任部门：{ $department } · 答复期限：{ $due }
card-overdue = ⏰ 已超时
cases-header = { $which ->
    [dept] <b>本部门的工单</b>，未办结的在前
    [overdue] <b>超时工单</b>
    [mine] <b>我上报的工单</b>
    [all] <b>全部工单</b>
    [closed] <b>已办结工单</b>
   *[open] <b>未办结工单</b>
 }（{ $count } 件）
cases-empty = { $which ->
    [dept] 你的部门目前没有工单。
    [overdue] 没有超时工单。👍
    [mine] 你还没有上报过工单。
    [all] 还没有工单。
    [closed] 没有已办结的工单。
   *[open] 没有未办结的工单。
 }
cases-item = { $number } · { $category } · { $status } · 期限 { $due }
case-remind-half = ⏳ 提醒：工单 { $number }（{ $category }，{ $location }）答复期限已过半，期限 { $due }。
case-remind-due = ⏰ 工单 { $number }（{ $category }，{ $location }）已到答复期限 { $due }，请尽快处理。
case-escalated = 🚨 升级：工单 { $number } 已超时未处理。责任部门：{ $department }，期限 { $due }。
    「{ $text }」
case-urgent = 🔴 紧急工单 { $number }：{ $category } · { $location }
    「{ $text }」
    { $respond }内必须响应（{ $due } 前），责任部门：{ $department }。

ev-reported = 上报
ev-location = 补充地点
ev-location_corrected = 更正地点
ev-accepted = 受理
ev-assigned = 指派
ev-started = 开始处理
ev-noted = 进展
ev-resolved = 处理完毕
ev-confirmed = 上报人确认
ev-reopened = 上报人反馈未解决
ev-auto_closed = 自动办结
ev-transfer_requested = 申请转办
ev-transfer_accepted = 接收转办
ev-transfer_declined = 拒绝转办
ev-marked_duplicate = 标记重复
ev-rejected = 不予受理
ev-closed_not_fixed = 无法解决
ev-reminded = 期限过半提醒
ev-escalated = 超时升级
ev-recategorized = 更正分类

## Unsure reports
unsure-ask = 🤔 这是要上报的问题吗？
unsure-yes = 是，上报
unsure-no = 不是
unsure-gone = 这条询问已失效。
unsure-not-yours = 只有发消息的人可以回答哦。
unsure-done = 已经回答过了。
unsure-dropped = 好的，不上报。
unsure-reported = ✅ 已上报，工单号马上发到群里。

## Admin
admin-grant-usage = 用法：/grant 用户ID或@用户名 书记 支部代码 | 超管 | 部门 部门名称或代码，例如 /grant @wang 部门 住建局（也可以回复该用户的消息：/grant 部门 住建局；/revoke 同样格式；也可写 secretary、superadmin、dept）
admin-not-permitted = ⛔ 你没有权限执行这个管理命令。
admin-user-unknown = 找不到用户“{ $who }”：对方需要先和机器人说过话。
admin-who-several = 本支部有 { $count } 位成员叫“{ $who }”：请写 TA 的 @用户名 或用户 ID，或者在群里回复 TA 的消息再发这条命令。
admin-grant-points = /grant 用来授予角色（书记、超管、部门）。要给“{ $who }”发 { $points } 积分，请发：/points grant { $who } { $points } 原因
admin-dept-unknown = 没有“{ $dept }”这个部门。发 /routing 查看部门名称。
admin-dept-ambiguous = “{ $dept }”对应多个部门：{ $candidates }。请写全称。
admin-branch-unknown = 没有“{ $branch }”这个支部，请先在群里用 /bind 创建。
admin-granted = ✅ 已授予{ $who }：{ $role } { $arg }
admin-revoked = ✅ 已撤销{ $who }：{ $role } { $arg }
admin-bind-usage = 用法：在群里发 /bind 支部代码 [支部名称]
admin-bind-unknown = ⛔ 没有你能绑定的支部“{ $branch }”，请检查支部代码（你的支部代码：{ $own }）。
admin-bind-new-needs-name = 还没有“{ $branch }”这个支部。如果要新建，请同时写上支部名称：/bind { $branch } 支部名称；如果是输错了，请检查支部代码。
admin-bind-bad-code = ⛔ 支部代码“{ $branch }”不可用：只能用字母、数字、- 和 _，最多 32 个字符，例如 cy。
admin-bound = ✅ 本群已归属支部：{ $branch }

## Corrections
recat-usage = 用法：/recat C-000123 类别 [紧急程度]，例如 /recat C-000123 积水内涝 紧急（类别和紧急程度写名称或代码都行：waterlogging urgent）
recat-done = ✅ 已更正 { $number }：{ $category } · { $urgency }，并记为训练样本。
case-err-bad-category = 没有叫“{ $label }”的类别。类别写名称或代码，例如 积水内涝（waterlogging）、路灯照明（lighting）、道路破损（road）。
case-err-bad-urgency = 没有叫“{ $label }”的紧急程度，请写 紧急、一般 或 较低（urgent、normal、low）。

## Group digest (the group's queue backed up; everything still arrives, merged)
digest-header = 📋 群里消息较多，以下 { $count } 条进展合并发送：

## Public board (/board)
board-title = 📊 <b>问题上报与解决</b>{ $title }
board-counts = 处理中 { $open } 件 · 已解决 { $solved } 件 · 累计上报 { $total } 件
board-median = 从上报到解决的中位时长：{ $hours } 小时
board-median-minutes = 从上报到解决的中位时长：{ $minutes } 分钟
board-median-none = 还没有已解决的工单。
board-latest = 最新工单：
board-in-group = /board 请在骑手群里发；书记私聊可看本支部的看板。
# the reporter's own act, told in their own private chat (issue 13 wording)
case-ev-confirmed-own = 你已确认，工单 { $case } 已办结。感谢你的上报！
case-ev-reopened-own = 你反馈问题仍未解决，工单 { $case } 已重新交由{ $department }处理。
# an edit that puts an open case in doubt (issue 13 §1, edits)
unsure-ask-edited = 🤔 改过之后，{ $number } 还是要上报的问题吗？（选“不是”会撤回这个工单）
unsure-kept = ✅ 好的，工单保留。
unsure-withdrawn = 好的，工单已撤回。
unsure-too-late = 工单已经有人受理，不能撤回了。
case-ev-withdrawn = 工单 { $case } 已由上报人撤回。
ev-withdrawn = 上报人撤回
case-err-already-assigned = 该工单已由{ $department }负责，无需重复指派。
ev-address_id = 来源系统的地址编号
case-reply-unread = 💬 这条回复是关于 { $number } 的（现在：{ $status }）。{ $relayed ->
    [yes] 已转给处理的人，也记在工单里；有新进展我会在这里告诉你，
   *[no] 工单已经结束，回复里的话不会转给处理的人；问题还在的话，请重新上报，会登记新的工单。
}发 /case { $number } 查看详情。{ $resolved ->
    [yes] 问题还在的话，发 /reopen { $number } 重新处理。
   *[no] {""}
}
ev-reporter_added = 上报人补充
ev-follower_added = 同样反映的骑手补充
case-reporter-added = 💬 工单 { $number }（{ $category }，{ $location }）的上报人补充：
    「{ $note }」
case-follower-added = 💬 同样反映工单 { $number }（{ $category }，{ $location }）的骑手补充：
    「{ $note }」
