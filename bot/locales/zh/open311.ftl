# Open311 GeoReport v2（bot/services/open311.py）：供其他系统读取的文字
open311-service-description = 此类问题转交{ $department }办理，默认紧急程度：{ $urgency }。
open311-urgency-urgent = 紧急
open311-urgency-normal = 一般
open311-urgency-low = 较低
open311-notice = 已受理登记，转交{ $agency }办理，并已通知所在支部的群。
# a case another system sent, told to the branch's group (issue 17)
case-source-open311 = 12345 热线 / Open311
case-created-external =
    📥 { $source } 转来一件诉求，已登记为工单 <b>{ $number }</b>
    类别：{ $category } · 紧急程度：{ $urgency }
    内容：{ $description }
    地点：{ $location }
    { $next }
case-next-external = { $urgency ->
    [urgent] ⚠️ 涉及人身安全，已标记为紧急：{ $respond }内必须有人响应，{ $fix }内处置。进展会在群里通报。
   *[other] 已转交责任部门，{ $respond }内受理、{ $fix }内办结。进展会在群里通报，来源系统可随时查询。
}
open311-notice-merged = 该处同类问题已有工单 { $number }，本次诉求已并入该工单，由 { $agency } 办理；所在支部的群已知道这个工单，不再另行通知。
