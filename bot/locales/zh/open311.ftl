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
# Open311 errors (the spec's error list: [{"code": …, "description": …}]), in the client's language
# (Accept-Language, else the bot's default); the spec's parameter names stay as they are
open311-error-service-unknown = 没有 service_code 为「{ $code }」的服务
open311-error-date = { $name }不是 ISO 8601 日期时间：「{ $value }」
open311-error-span-from-start = start_date 比 end_date（默认为现在）早了 { $days } 天以上；请给出 start_date 之后 { $days } 天以内的 end_date
open311-error-end-before-start = end_date 早于 start_date
open311-error-span = start_date 到 end_date 超过了 { $days } 天
open311-error-request-id = service_request_id「{ $value }」不是工单编号
open311-error-number = { $name }不是数字：「{ $value }」
open311-error-range = { $name }超出范围：「{ $value }」
open311-error-service-required = 缺少 service_code
open311-error-lat-long = lat 和 long 须同时给出
open311-error-location = 缺少地点：请给出 lat 和 long、address_string 或 address_id
open311-error-too-long = description 超过 { $most } 个字符
open311-error-key-required = 缺少 api_key
open311-error-key-refused = api_key 无效或已吊销
open311-error-no-group = 辖区「{ $code }」还没有接收诉求的群
open311-error-jurisdiction-unknown = 没有 jurisdiction_id 为「{ $value }」的辖区
open311-error-jurisdiction-required = 缺少 jurisdiction_id
open311-error-status = status 只能是 open 或 closed
open311-error-request-unknown = 没有 service_request_id 为「{ $value }」的诉求
open311-error-method = 此处不接受 { $method } 方法；请用 { $allowed }
open311-error-no-resource = 没有这个 Open311 资源（格式：.json、.xml）
open311-error-not-a-form = 请求正文须为表单（application/x-www-form-urlencoded 或 multipart/form-data），不能是 { $type }
open311-error-bad-form = 无法读取表单：字符集不符、字符集未知，或 multipart 正文损坏
open311-error-too-big = 请求正文过大
open311-error-internal = 内部错误，请稍后重试
