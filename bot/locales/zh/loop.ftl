## Closing the loop: places, duplicates, two clocks, transfers, routing (bot/services/case_*.py)

dur-days = { $n } 天
dur-hours = { $n } 小时
dur-minutes = { $n } 分钟

case-created-placeless =
    📝 已登记工单 <b>{ $number }</b>
    类别：{ $category } · 紧急程度：{ $urgency }
    { $next }
ask-place-inline = 📍 还缺地点：请回复本条消息告诉我具体位置（路名、小区、门牌、路口），或直接发一个位置。
case-place-fix = 地点不对？回复本条消息发正确地点即可。
ask-place-inline-private = { ask-place-inline }
case-place-fix-private = { case-place-fix }
location-corrected = 📍 已更正 <b>{ $number }</b> 的地点：{ $location }
case-linked = 🔗 附近已有一件同类的一般工单 { $master }；这次是紧急情况，单独登记、单独计时，书记会一并处理。
case-followed-own = 🔁 你已经上报过这个问题（{ $number }，{ $status }），不用重复上报，有进展会通知你。
case-followed-me-too = 👍 收到，已为你关注 { $number }（{ $status }），有进展会在这里告诉你。
case-me-too-closed = ℹ️ { $number } 已经结束了（现在：{ $status }）。问题还在的话，请重新上报，会登记新的工单。
case-followers = 同样反映过的：{ $names }

card-fix-due = 办结期限：{ $due }
cases-transfer-in = ↪ 待你部门接收

case-fix-remind-half = ⏳ 提醒：工单 { $number }（{ $category }，{ $location }）办结期限已过半，期限 { $fix_due }。
case-fix-remind-due = ⏰ 工单 { $number }（{ $category }，{ $location }）已到办结期限 { $fix_due }，请尽快处理。
case-fix-escalated = 🚨 升级：工单 { $number } 超过办结期限仍未解决。责任部门：{ $department }，期限 { $fix_due }。
    「{ $text }」
case-alert-unstaffed = ⚠️ { $department }在机器人里还没有成员，这条提醒发给了支部书记：请代为处理，或用 /grant 添加部门成员。

case-transfer-offer = ↪ { $from }申请把工单 { $number }（{ $category }，{ $location }）转给{ $department }。
    「{ $text }」
    请接收或退回（退回需说明理由）。
case-transfer-declined = ↩️ { $from }退回了工单 { $number }（{ $category }，{ $location }），理由：{ $note }。工单仍由{ $department }负责。
case-transfer-limit = 🚦 工单 { $number }（{ $category }，{ $location }）已转办 { $transfers } 次，达到上限 { $limit } 次，不能再转。请书记指派部门或作出处理决定。
case-transfer-withdrawn = ↩️ 工单 { $number }（{ $category }，{ $location }）不用再转给{ $department }了：{ $by }{ $action ->
    [assign] 已把它指派给{ $to }
    [reject] 已驳回此工单
   *[other] 已把它标为 { $master } 的重复工单
}。{ $department }无需接收，也不必派人前往。

ev-transfer_limit = 转办次数已达上限，交书记决定
ev-linked = 关联工单
ev-fix_reminded = 办结期限过半提醒
ev-fix_escalated = 超过办结期限，已升级

routing-title = <b>部门与成员</b>（{ $count } 个部门）
routing-dept = { $name }（{ $code }）：{ $members }
routing-members-none = ⚠️ 无成员
routing-unstaffed = ⚠️ { $count } 个部门还没有成员：{ $names }。它们的提醒和升级会发给支部书记；在配置文件里填 members，或用 /grant 用户 dept 部门代码 添加。
routing-all-staffed = ✅ 每个部门都有成员。
routing-not-staff = ⛔ 只有支部书记和超级管理员可以查看部门配置。

# Between the names of a list (followers): 、 in Chinese, a comma and space in English.

# a case handed to a department (bot/services/case_handovers.py): its members hear it privately
case-assigned-dept = 📥 工单 { $number }（{ $category }，{ $location }）已指派给{ $department }。
    「{ $text }」
    答复期限：{ $due } · 办结期限：{ $fix_due }
case-reopened-dept = 🔁 上报人反馈工单 { $number }（{ $category }，{ $location }）仍未解决，已重新交由{ $department }处理，办结期限 { $fix_due }。

# the department a case was taken from (bot/services/case_handovers.py): its members hear it privately
case-lost-moved = 🔀 工单 { $number }（{ $category }，{ $location }）已由{ $by }改派给{ $to }，不再由{ $department }负责。你们无需再做任何事，也不必派人前往。
case-lost-transferred = 🔀 工单 { $number }（{ $category }，{ $location }）已转办给{ $to }，{ $by }已确认接收，不再由{ $department }负责。你们无需再做任何事，也不必派人前往。
case-lost-rejected = ⛔ 工单 { $number }（{ $category }，{ $location }）已被{ $by }驳回，理由：{ $note }。工单已结束，{ $department }无需再做任何事，也不必派人前往。
case-lost-cannot-fix = 🚫 工单 { $number }（{ $category }，{ $location }）已由{ $by }以“无法解决”结案，理由：{ $note }。工单已结束，{ $department }无需再做任何事，也不必派人前往。
case-lost-duplicate = 🔗 工单 { $number }（{ $category }，{ $location }）已被{ $by }标为 { $master } 的重复工单并关闭。{ $department }无需再为它做任何事，也不必派人前往；问题本身随 { $master } 处理。
case-by-secretary = 支部书记
case-by-superadmin = 超级管理员
case-by-new-department = 接收部门
case-by-colleague = 本部门同事
case-by-asking-department = { $from }
case-by-system = 系统
