## Rider Sentinel — 简体中文
## Arguments are already escaped for the chat's markup by the adapter.

start =
    👋 你好，{ $name }！我是<b>骑手哨兵</b>。
    路上看到问题（路灯不亮、井盖丢了、积水、有人摔倒……），直接在工作群里说一句，或在这里发 /report 加描述。
    我会立刻给你一个工单号，之后每一步进展都会在群里和这里告诉你。
    还有两分钟微党课、活动签到和可兑换的积分：/lesson、/checkin、/me、/shop。
    /help 查看全部命令。
# /start in a group: what the bot does there; the rest (the welcome, /me, /shop …) in the private chat
start-group =
    👋 我是<b>骑手哨兵</b>。在群里说一句路上看到的问题（可带照片或位置），我会登记工单，进展在群里回复。
    积分、微党课、签到等个人事项请私聊我；/help 查看全部命令。
# the bot added to a group that belongs to no branch (bot/services/people.joined)
joined-unbound =
    { start-group }
    本群还没有归属支部。支部书记请在群里发 /bind 支部代码，把本群归到自己的支部；还没有支部的，请超级管理员发 /bind 支部代码 支部名称 新建。
help =
    <b>骑手哨兵 · 使用说明</b>
    📸 上报：在群里直接描述问题（可带照片或位置），或私聊发 /report 描述
    📍 缺地点时我会问你一次，回复地点文字或发位置即可
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
# /help in a group asked by a secretary, a department member or a superadmin: the riders' help the
# group reads, and one line sending them to the private chat for their own commands (not listed in the group)
help-group-staff =
    { help }
    🔑 书记和部门的命令不在群里列出，请私聊我发 /help 查看。
help-dept =
    <b>部门命令</b>
    工单：/cases [未办结|超期|我的] · /case C-000123 · /accept /work /note /resolve /dup /transfer /take /decline /cannotfix · /routing
    也可以写中文：/签收 /开始处理 /进展 /办结 /转办 /接收 /退回 /无法解决
    指派、驳回和改类别由支部书记操作。
help-staff =
    <b>书记 / 部门命令</b>
    工单：/cases [未办结|超期|我的] · /case C-000123 · /accept /assign /work /note /resolve /reject /dup /transfer /take /decline /cannotfix · /recat · /routing
    也可以写中文：/签收 /指派 /开始处理 /进展 /办结 /驳回 /转办 /接收 /退回 /无法解决
    看板与需求：/board · /needs
    微党课：/lessons · /lessons plan 一三五 · /lessons shifts … · /stats lessons
    活动与报到：/activity new "名称" 日期 时间 时长 · /activity list · /stats checkins · /reportins · /hours pending
    积分：/points grant @用户 数量 原因 · /redemptions
    群发与问卷：/broadcast · /broadcasts · /survey new
    议事会：/proposal 编号 agenda | decline 理由 | vote | close | commit 负责方 due=12-31 | note 进展 | done · /proposals rule 5 7
    支部与权限：/bind 支部代码 · /unbind · /grant · /revoke · /audit（超级管理员）
case-created =
    📝 已登记工单 <b>{ $number }</b>
    类别：{ $category } · 紧急程度：{ $urgency }
    地点：{ $location }
    { $next }
case-next = { $urgency ->
    [urgent] ⚠️ 涉及人身安全，已标记为紧急：{ $respond }内必须有人响应，{ $fix }内处置。注意自身安全！
    [low] 已记录，{ $respond }内受理、{ $fix }内答复。每一步进展都会在这里回复你。
   *[normal] 将转交责任部门，{ $respond }内受理、{ $fix }内办结。每一步进展都会在这里回复你。
}
location-unknown = 待补充
ask-location = 📍 { $number } 还缺地点：请回复具体位置（路名、小区、门牌、路口），或直接发一个位置。
location-attached = 📍 已为 <b>{ $number }</b> 补充地点：{ $location }
location-pin = 位置（{ $lat }, { $lon }）
lang-set = ✅ 你的语言已切换为简体中文{ $where ->
    [group] （群里的其他人不受影响）。
   *[private] 。
}
lang-usage = 用法：/lang zh（或 /lang 中文）或 /lang en（或 /lang 英文）
lang-unsupported = 暂时不支持“{ $word }”。目前只有中文（/lang zh）和英文（/lang en）。
mycases-header = <b>我上报的工单</b>（最近 { $count } 件）
mycases-item = { $number } · { $category } · { $place } · { $status } · { $date }
mycases-no-place = 未填地点
mycases-empty = 你还没有上报过工单。在群里说一句看到的问题就行。
unknown-command = 🤔 没有这个命令：{ $command }
    发 /help 查看可用的命令。
stats-usage = 用法：/stats lessons（微党课完成情况）或 /stats checkins（活动签到与志愿时长）
report-usage = 请在 /report 后面写上看到的问题，例如：/report 幸福小区3号门路灯不亮
photo-added = 📸 照片已附到工单 <b>{ $number }</b>。
photo-needs-caption = 📸 收到照片。请补一句说明（什么问题、在哪里），我再登记工单。
pin-unused = 📍 收到位置，不过现在没有事项在等它。位置这样用：
    · 上报问题：先用一句话说明问题，我问地点时再发位置；补上或更正工单的地点，用位置回复我登记工单的消息
    · 活动签到：先发 /checkin 签到码，再发位置（或用 /checkin 签到码 回复这个位置）{ $staff ->
        [yes] {""}
            · 新建活动：用 /activity new … 回复这个位置，它就是活动地点
       *[no] {""}
    }
place-alone = 📍 地点是「{ $place }」。那里出了什么问题？请用一句话连同地点发给我，例如：{ $place }路灯不亮
bots-words = 🤖 这是机器人发的内容，不算上报。路上看到问题，请用自己的话说一句（什么问题、在哪里）。
error-generic = 😥 出了点问题，没处理成功。请稍后再试一次。

cat-lighting = 路灯照明
cat-road = 道路破损
cat-waterlogging = 积水内涝
cat-bike_lane = 非机动车道占用
cat-parking = 乱停乱放
cat-traffic = 交通安全
cat-fire_safety = 消防安全隐患
cat-sanitation = 环境卫生
cat-public_facility = 公共设施损坏
cat-person_in_need = 群众求助
cat-rider_rights = 骑手权益
cat-rider_service = 驿站与服务需求
cat-suggestion = 建议
cat-other = 其他

urg-urgent = 🔴 紧急
urg-normal = 一般
urg-low = 较低


cmd-start = 开始使用
cmd-report = 上报一个问题
cmd-mycases = 我上报的工单
cmd-board = 问题上报与解决看板
cmd-lang = 切换语言 zh / en
cmd-help = 使用说明
