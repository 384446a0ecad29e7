## 推送、问卷、需求概览（书记在与机器人的私聊中使用）

bc-usage =
    <b>📢 推送 /broadcast</b>（书记使用，请在私聊中发送）
    一条搞定：/broadcast all now 今晚8点起建国路封路施工，请绕行
    定时：/broadcast all 明天 08:30 通知内容
    每周：/broadcast groups=all when=每周一08:30，然后把正文（文字、图片，或转发一条消息）发给我
    对象：all（本支部全部群，默认）· riders（已私聊过机器人的骑手）· groups=群ID或群名关键词,…
    时间：now/现在（默认）· 明天 08:30 · 2026-12-01 09:00 · 每天 20:00 · 每周一 08:30 · every mon 08:30
    发送前会先给你预览，点 ✅ 才发出。/broadcast cancel 放弃草稿 · /broadcasts 查看和取消定时推送
bc-err-when-mistyped = ⚠️ 开头的“{ $said }”像是发送时间，但我没看懂，推送没有生成，也不会发出。请改正时间后重发；如果这就是正文、要立即发送，请在正文前加 now。
    { bc-usage }
bc-ask-body = ✍️ 好的，请把要推送的内容发给我：文字、带说明的图片，或直接转发一条消息。（30 分钟内有效，/broadcast cancel 放弃）
bc-err-not-staff = ⛔ 只有支部书记可以使用这个功能。
bc-err-private-only = 🔒 请在与我的私聊中使用这个命令。
bc-err-no-groups = 你的支部还没有绑定任何群（在群里发 /bind 支部代码）。
bc-err-group-unknown = 找不到群“{ $group }”。你的群：{ $groups }
bc-group-item = { $title }（{ $id }）
bc-err-too-long = 内容太长（{ $length } 字，上限 { $limit }）。请精简后再发。
bc-err-empty = 推送内容不能为空。
bc-err-content = 这种消息没法推送：请发文字、带说明的图片，或转发一条文字/图片消息。
bc-dropped = 🗑 草稿已放弃。
bc-no-draft = 没有待发的草稿。
bc-preview-title = 📢 <b>推送预览 #{ $id }</b>
bc-preview-to = 发给：{ $audience }（{ $count } 个聊天）
bc-preview-when = 时间：{ $when }
bc-preview-blocked = ⚠️ 另有 { $blocked } 个聊天已屏蔽或移除机器人，将跳过。
bc-preview-nobody = ⚠️ 目前没有可送达的聊天。
bc-preview-photo-only = （仅图片）
bc-preview-masked = 🔒 正文里的身份证号、银行卡号、车牌或住址已按负面清单隐去（{ $count } 处），各群收到的就是下面这样。
bc-preview-contacts = ⚠️ 正文含电话号码、邮箱或微信/QQ号，将原样发出；如果不是公开的联系方式，请取消后重写。
bc-audience-groups = 本支部全部群
bc-audience-chosen = 选定的 { $count } 个群
bc-audience-chosen-names = 选定的 { $count } 个群（{ $names }）
bc-audience-riders = 已私聊机器人的骑手
bc-btn-confirm = ✅ 确认发送
bc-btn-drop = ❌ 取消
bc-ok = ✅ 已确认
bc-gone = 这份草稿已不存在或已处理。
bc-not-yours = 这不是你的草稿。
bc-already = 这份推送已经确认过了。
# a draft's preview once the draft has ended: its buttons go, one line says how
bc-settled = { $how ->
        [sent] 🚀 已确认，正在发出。
        [scheduled] ⏰ 已确认，按时发送（/broadcasts 可查看或取消）。
        [replaced] ✏️ 已被新的草稿替代，请看最新的预览。
       *[dropped] 🗑 草稿已放弃，不会发出。
    }
bc-no-body = 还没有正文：请先把内容发给我。
bc-started = 🚀 推送 #{ $id } 开始发送：{ $count } 个聊天{ $blocked ->
    [0] 。
   *[other] ，{ $blocked } 个已屏蔽的跳过。
 }发完后给你送达报告。
bc-scheduled = ⏰ 推送 #{ $id } 已安排：{ $when }（下次：{ $next }）。/broadcasts 可查看或取消。
bc-scheduled-once = ⏰ 推送 #{ $id } 已安排在 { $when } 发送。/broadcasts 可查看或取消。
bc-next = 下次：{ $next }
bc-report = 📬 <b>推送 #{ $id } 送达报告</b>
    ✅ 已送达 { $sent } · ❌ 失败 { $failed } · 🚫 已屏蔽 { $blocked } · 用时 { $seconds } 秒
bc-report-recurring = （周期推送，下次照常发送）
bc-list-title = <b>⏰ 定时推送</b>（{ $count } 条）
bc-list-item = #{ $id } · { $when } · { $audience } · { $next }
    「{ $text }」
bc-list-missed = ⚠️ 未排上（时间已过）
bc-list-hint = 点下方按钮取消，或发 /broadcasts cancel 编号
bc-list-empty = 没有定时推送。
bc-list-usage = 用法：/broadcasts 或 /broadcasts cancel 编号
bc-cancelled = 🗑 推送 #{ $id } 已取消，不会再发送。
bc-cancel-already = 推送 #{ $id } 已经取消过了，不会再发送。
bc-cancel-gone = 推送 #{ $id } 不存在，或已发出/已取消。

## 时间表达
when-err-empty = 请写上发送时间。
when-err-unknown = 没看懂这个时间。
when-err-need-time = 请写上几点，例如 08:30。
when-err-need-day = 请写上星期几，例如 每周一 08:30。
when-err-past = 这个时间已经过去了。
when-err-past-today = “{ $said }”今天已经过去了（现在是 { $now }）。如果是指明天这个时间，请写“明天 { $time }”。
bc-err-past-today = “{ $said }”今天已经过去了（现在是 { $now }），推送没有生成。要立即发送，请写“现在”；要明天这个时间发送，请写“明天 { $time }”。
when-err-bad-time = 时间不对：小时 0–23，分钟 0–59。
when-err-bad-date = 日期不对。
when-err-mistyped = “{ $said }”像是时间，但我没看懂。
when-examples = 可以这样写：现在 · 明天 08:30 · 2026-12-01 09:00 · 每天 20:00 · 每周一 08:30 · 工作日 7:30 · 30分钟后
when-now = 立即
when-at = { $at }
when-cron = { $days } { $time }
when-every-day = 每天
when-weekdays = 工作日
when-every-week = 每{ $days }
when-sep = 、
when-dow-0 = 周一
when-dow-1 = 周二
when-dow-2 = 周三
when-dow-3 = 周四
when-dow-4 = 周五
when-dow-5 = 周六
when-dow-6 = 周日

## 问卷
sv-usage =
    <b>📊 问卷 /survey</b>（书记使用，请在私聊中发送）
    /survey new 你们最需要什么？ | 充电桩 | 午休点 | 饮水点
    或者问题和每个选项各占一行；2–10 个选项。
    可选：close=明天18:00（默认 24 小时后截止）· anon（匿名）· riders（发给骑手私聊）· groups=群ID或群名,…
    /survey results 编号 · /survey close 编号（提前结束）· /survey list
sv-err-options = 需要 { $min }–{ $max } 个选项（现在是 { $count } 个）。选项用 | 隔开，或者每个选项占一行，例如：/survey new 周六活动去不去？| 去 | 不去
sv-err-too-long = 问题最多 { $question } 字，每个选项最多 { $option } 字。
sv-err-duplicate = 有重复的选项。
sv-err-close = 截止时间要写一个具体时间（30 天内），例如 close=明天18:00。
sv-err-no-targets = 没有可以发送的聊天。
sv-err-unknown = 在你的范围内没有编号为 { $id } 的问卷。
sv-err-closed = 问卷 #{ $id } 已经结束。
sv-created = 📊 问卷 #{ $id } 已发到 { $count } 个聊天{ $blocked ->
    [0] {""}
   *[other] （{ $blocked } 个已屏蔽的跳过）
 }，{ $close } 截止。/survey results { $id } 随时看结果。
sv-closing = 问卷 #{ $id } 已结束，结果马上发到各群。
sv-question-title = 📊 <b>问卷 #{ $id }</b>
sv-question-close = ⏰ { $close } 截止 · { $mode }
sv-question-hint = 👇 点选项作答；截止前可以改选，以最后一次为准。
sv-anon = 匿名
sv-named = 实名
sv-ans-recorded = ✅ 已记录：{ $option }
sv-ans-points = ✅ 已记录：{ $option }（+{ $points } 积分）
sv-ans-changed = 🔄 已改为：{ $option }
sv-ans-same = 你已经选了：{ $option }
sv-ans-no-option = 问卷 #{ $id } 没有这个选项，请选 1–{ $count }：{ $options }。
sv-ans-closed = 这个问卷已经结束了。
sv-ans-gone = 这个问卷不存在或不在本群。
sv-status-open = 进行中
sv-status-closed = 已结束
sv-results-title = 📊 <b>问卷 #{ $id } 结果</b>（{ $status }）
sv-summary-title = 📊 <b>问卷 #{ $id } 已结束</b>，谢谢大家参与！
sv-option-line = { $n }. { $text } — { $count } 票（{ $pct }%）{ $bar }
sv-more = 等 { $total } 人
sv-total = 共 { $total } 人参与 · { $status ->
    [closed] 已于 { $close } 截止
   *[open] 截止 { $close }
}
sv-anon-note = （匿名问卷：不显示谁选了什么）
sv-list-title = <b>📊 最近的问卷</b>
sv-list-item = #{ $id } · { $question } · { $total } 人 · { $status } · { $close }
sv-list-empty = 还没有问卷。

## 需求概览
needs-usage = 用法：/needs [天数 1–365，或本周、上个月等时段] [支部代码]，例如 /needs 7、/needs 7天 或 /needs 本周
needs-err-branch = 在你的范围内没有代码为“{ $branch }”的支部。
needs-title = 📈 <b>需求概览</b> · { $branch } · 近 { $days } 天
needs-title-all = 📈 <b>需求概览</b> · 全部支部 · 近 { $days } 天
needs-title-period = 📈 <b>需求概览</b> · { $branch } · { $period }
needs-title-period-all = 📈 <b>需求概览</b> · 全部支部 · { $period }
needs-total = 共上报 { $total } 件
needs-categories = <b>最多的问题</b>
needs-places = <b>最多的地点</b>
needs-urgent-title = 🔴 <b>未结的紧急工单</b>（{ $count } 件）
needs-urgent-none = 没有。👍
needs-urgent-item = · { $number } · { $category } · { $location } · { $hours ->
    [0] 不到 1 小时前
   *[other] { $hours } 小时前
} · { $status }
# a survey's question once it has closed: its buttons go
sv-closed-line = 🔒 问卷已结束，不再接受回答，结果见下条。
