## Check-ins: activities, /checkin, report-ins (报到), volunteer hours (时间银行)

## Activities
activity-usage =
    <b>活动签到</b>
    /activity new "活动名称" 2026-12-05 09:00 2h — 新建活动（日期可写 12-05、12月5号、明天、周六；时间可写 9点半、下午3点；时长可写 90m，或写结束时间 09:00-11:00）
    末尾加半径（如 500m）表示须到场签到，我会请你发送活动地点的位置；也可以回复一个位置消息来新建
    /activity list — 本支部的活动
    /activity close 签到码 — 结束签到
    /activity place 签到码 [500m] — 设置或更改活动地点
activity-created =
    ✅ 已创建活动「{ $title }」
    时间：{ $when }
    签到码：<code>{ $code }</code> — 骑手发送 /checkin { $code } 签到
    { $where ->
        [ask] 📍 请现在发送活动地点的位置（📎 → 位置），到场 { $radius } 米内才能签到。地点设好后开放签到。
        [pin] 📍 地点已设好，到场 { $radius } 米内才能签到。
       *[none] 不限地点，签到码即可签到。
    }
activity-ask-place = 📍 请发送活动 <code>{ $code }</code> 的地点位置（📎 → 位置），签到范围 { $radius } 米。
activity-place-set = 📍 活动「{ $title }」（<code>{ $code }</code>）地点已设好：（{ $lat }, { $lon }），签到范围 { $radius } 米。
activity-closed = 🔒 活动「{ $title }」（<code>{ $code }</code>）已结束签到，共 { $count } 人签到。
activity-list-header = <b>{ $branch } · 活动</b>（{ $count } 个）
activity-list-empty = { $branch }目前没有活动。
activity-list-item = <code>{ $code }</code> · { $title } · { $when } · { $state ->
        [open] 🟢 签到中
        [upcoming] 未开始
        [ended] 已结束
       *[closed] 🔒 已关闭
    }{ $place ->
        [yes] {" · 📍"}
       *[no] {""}
    }
activity-list-no-branch = 请在工作群里发 /activity list 查看本群支部的活动。
activity-list-which-branch = 你在几个支部都有记录（{ $branches }），私聊里我不知道列哪个支部的活动。请在那个支部的群里发 /activity list。
activity-err-usage = 格式不对。例如：/activity new "周六社区清洁" 2026-12-05 09:00 2h 500m
activity-err-time = 请写开始时间，例如 09:00、9点半、下午3点，或时间段 09:00-11:00。
activity-err-duration = 请写活动时长（如 2h、90m）或结束时间（如 09:00-11:00），不超过 24 小时。
activity-err-date = “{ $value }”不是有效的日期，请写 2026-12-05 或 12-05。
activity-err-radius = 签到范围要在 { $min } 到 { $max } 米之间，例如 500m。
activity-err-past = 这个时间已经过去了（结束于 { $when }），请检查日期。
activity-err-closed-already = 活动 <code>{ $code }</code> 已经结束签到了。

## Check-in
checkin-usage = 请在 /checkin 后面写签到码，例如：/checkin K7MPQ
checkin-done = ✅ 签到成功：「{ $title }」（<code>{ $code }</code>）{ $at }{ $where ->
        [pin] ，距活动地点 { $distance } 米
       *[none] {""}
    }。
    活动结束后可以登记志愿时长：/hours { $code } { $hours }
checkin-already = 👌 你已经在 { $at } 签到过「{ $title }」了，不用重复签到。
checkin-ask-pin = 📍 「{ $title }」需要到场签到：请发送你当前的位置（📎 → 位置），{ $radius } 米内即可。
checkin-ask-pin-private = 📍 「{ $title }」需要到场签到：请私聊我，发送你当前的位置（📎 → 位置）完成签到。
checkin-err-unknown-code = 没有签到码为“{ $code }”的活动，请核对一下（签到码不含 0、O、1、I）。
checkin-err-closed = 活动「{ $title }」已经结束签到。
checkin-err-early = 「{ $title }」还没开始（{ $when }），{ $opens } 起可以签到。
checkin-err-ended = 「{ $title }」已经结束了（{ $when }），不能再签到。
checkin-err-no-place = 「{ $title }」的地点还没设好，请稍后再试，或联系支部书记。
checkin-err-too-far = 📍 你离活动地点约 { $unit ->
        [km] { $km } 公里
       *[m] { $distance } 米
    }，需要在 { $radius } 米内才能签到。到了现场再发一次位置即可。
checkin-err-forwarded = 转发的位置不能签到，请发送你当前的位置（📎 → 位置）。
checkin-pin-elsewhere = 📍 { $purpose ->
        [place] 活动「{ $title }」（<code>{ $code }</code>）的地点
       *[checkin] 「{ $title }」的签到位置
    }要在与我的私聊里发送，群里发的位置不算。{ $where ->
        [private] 请在这里发送位置（📎 → 位置）。
       *[group] 请私聊我（点我的头像 → 发消息），在那里发送位置。
    }
checkin-err-staff-only = ⛔ 只有支部书记可以做这件事。
checkin-err-not-permitted = ⛔ 这是别的支部的事项，你没有权限处理。
checkin-err-branch-unknown = 没有“{ $branch }”这个支部代码。
checkin-err-which-branch = 请在支部的工作群里使用这个命令，或在命令后写支部代码。

## Report-in
reportin-usage = 请写上你的组织关系所在党组织，例如：/reportin 河南省周口市某某村党支部
reportin-err-unbound = 本群还没有归属支部，暂时不能报到。请联系管理员用 /bind 设置。
reportin-err-which-branch = 请在你工作的群里发 /reportin 组织关系所在党组织，这样我就知道你向哪个支部报到。
reportin-choose-branch = 你要向哪个支部报到？（组织关系：{ $home }）
reportin-chosen = ✅ 已提交
reportin-err-chosen = 这条报到已经选过支部了。
reportin-err-not-yours = 这不是你的报到。
reportin-err-not-found = 在你的范围内找不到编号 { $id } 的报到。
reportin-err-own = 报到 #{ $id } 是你自己的，不能自己确认，请由本支部其他书记或超级管理员处理。
reportin-submitted = 📮 已向「{ $branch }」提交报到（组织关系：{ $home }），支部书记确认后会通知你。{ $has_withdrawn ->
        [yes] 党员只向工作所在的一个支部报到：你之前向「{ $withdrawn }」提交、还在等待确认的报到已撤回，那边的书记也会看到。
        [unnamed] 党员只向工作所在的一个支部报到：你之前向其他支部提交、还在等待确认的报到已撤回。
       *[no] {""}
    }
# privately, after a report-in made in a group withdrew one waiting elsewhere (the group reads nothing of another branch)
reportin-withdrawn-elsewhere = ↩️ 党员只向工作所在的一个支部报到：你刚在群里提交了新的报到，之前向「{ $withdrawn }」提交、还在等待确认的报到已撤回，那边的书记也会看到。
reportin-updated = ✏️ 已更新你向「{ $branch }」的报到（组织关系：{ $home }），仍在等待支部书记确认。
reportin-already = 👌 你已经在 { $since } 向「{ $branch }」报到过了。
reportin-request =
    🙋 <b>党员报到 #{ $id }</b>
    { $name }{ $username } 申请向「{ $branch }」报到
    组织关系所在：{ $home }
    提交时间：{ $at }
reportin-approve = ✅ 通过
reportin-reject = ❌ 驳回
reportins-header = { $count ->
    [0] { $branch } · 没有待确认的报到。👍
   *[other] <b>{ $branch } · 待确认的报到</b>：{ $count } 条（下面列出 { $shown } 条）
}
reportins-usage = 用法：/reportins 查看待确认的报到；/reportins approve 编号；/reportins reject 编号 [原因]
reportin-err-decided = 报到 #{ $id } 已经处理过了（{ $status ->
        [approved] 已通过
        [rejected] 已驳回
        [withdrawn] 本人已撤回，改向其他支部报到
       *[other] 已失效
    }）。
# a pending report-in's card, once its rider reported in to another branch instead
reportin-withdrawn-card = ↩️ { $who }已撤回这条报到，改向其他支部报到，不用再处理。
reportin-approved = 🎉 你向「{ $branch }」的报到已确认！你已登记为本支部报到党员（组织关系：{ $home }）。欢迎参加支部的微党课和志愿活动。
reportin-rejected = 你向「{ $branch }」的报到未通过{ $has_reason ->
        [yes] ：{ $reason }
       *[no] 。
    }
    如有疑问请联系支部书记。
# in the group (the rider cannot be written to privately): by name, no reason, as points-refused-group
reportin-rejected-group = { $name }，你向「{ $branch }」的报到未通过。原因请问支部书记。
reportin-decided-approved = ✅ 已通过{ $name }的报到
# $undelivered yes: the rider was told in the group, without the reason the secretary wrote
reportin-decided-rejected = 已驳回{ $name }的报到{ $undelivered ->
        [yes] 。⚠️ { $name }没有私聊过我或已屏蔽我，你写的原因没能告诉TA：群里只说了未通过、原因请问书记。请当面告诉TA。
       *[no] {""}
    }

## Volunteer hours
hours-usage =
    /hours 签到码 时长 — 登记志愿时长，例如 /hours K7MPQ 2.5
    /hours — 我的时间银行
    书记：/hours pending 待审核；/hours approve 编号；/hours reject 编号 [原因]；/hours revoke 编号 原因 撤回已认可的时长
hours-need-amount = 「{ $title }」登记多少小时？请直接回复时长，例如 2、1.5 或 90分钟（也可以发 /hours { $code } 2）。
hours-logged = 📝 已登记「{ $title }」志愿时长 { $hours } 小时{ $note ->
        [rounded] （按半小时计，你填的是“{ $typed }”）
        [replaced] （代替之前登记的 { $was } 小时）
        [both] （按半小时计，你填的是“{ $typed }”；代替之前登记的 { $was } 小时）
       *[none] {""}
    }，等待支部书记审核。{ $checked_in ->
        [true] {""}
       *[false] （你没有签到这个活动，由书记决定是否认可。）
    }
hours-request =
    ⏱ <b>志愿时长 #{ $id }</b>
    { $name }{ $username } · 「{ $title }」（<code>{ $code }</code>，{ $when }）
    申报 { $hours } 小时 · { $checked_in ->
        [true] ✅ 已签到
       *[false] ⚠️ 未签到
    }
hours-approve = ✅ 认可
hours-reject = ❌ 不认可
hours-pending-header = { $count ->
    [0] 没有待审核的志愿时长。👍
   *[other] <b>待审核的志愿时长</b>：{ $count } 条（下面列出 { $shown } 条）
}
hours-approved = 🎉 「{ $title }」的 { $hours } 小时志愿时长已认可，时间银行余额 { $balance } 小时{ $has_points ->
        [yes] ，积分 +{ $points }。
       *[no] 。
    }
hours-approved-group = 🎉 { $name }，你在「{ $title }」的 { $hours } 小时志愿时长已认可。时间银行余额只告诉你本人：请私聊我发 /hours 查看。
# in the group (the rider cannot be written to privately): by name, no reason, as points-refused-group
hours-rejected-group = ↩️ { $name }，你在「{ $title }」的志愿时长 { $hours } 小时未被认可。原因请问支部书记。
hours-rejected = 「{ $title }」的志愿时长 { $hours } 小时未被认可{ $has_reason ->
        [yes] ：{ $reason }
       *[no] 。
    }
# a secretary revoked the points of approved hours (/points revoke): the approval goes with them
hours-revoked-rider = ↩️ 书记撤回了对你在「{ $title }」{ $hours } 小时志愿时长的认可（{ $reason }），这些时长不再计入时间银行，现余额 { $time_balance } 小时。{ $points ->
        [0] {""}
       *[other] 这笔时长的 { $points } 分积分也已扣回，现有 { $balance } 分，发 /points 查看记录。
    }
hours-decided-approved = ✅ 已认可{ $name }的 { $hours } 小时
# $undelivered yes: the rider was told in the group, without the reason the secretary wrote
hours-decided-rejected = 已驳回{ $name }的 { $hours } 小时{ $undelivered ->
        [yes] 。⚠️ { $name }没有私聊过我或已屏蔽我，你写的原因没能告诉TA：群里只说了未被认可、原因请问书记。请当面告诉TA。
       *[no] {""}
    }
hours-err-too-little = “{ $value }”太短了，登记不了：志愿时长按半小时计，满 15 分钟算 0.5 小时。
hours-err-amount = “{ $value }”不是有效的时长，请写小时数，例如 2、2.5、90分钟 或 1个半小时。
hours-err-early = 「{ $title }」还没开始（{ $when }），活动开始后才能登记时长。
hours-err-late = 「{ $title }」已结束超过 { $days } 天，不能再登记时长，请联系支部书记。
hours-err-too-many = 「{ $title }」最多登记 { $max } 小时（你填了 { $value } 小时）。
hours-err-approved = 你在「{ $title }」的 { $hours } 小时已经认可过了。
hours-revoke-usage = 用法：/hours revoke 编号 原因，例如 /hours revoke 7 时长记错了。撤回已认可的志愿时长（带积分的，积分一并扣回）。
hours-revoke-not-approved = 志愿时长 #{ $id } 没有被认可，无需撤回。
hours-revoke-ok = ↩️ 已撤回对{ $who }在「{ $title }」{ $hours } 小时志愿时长的认可（{ $reason }），这些时长不再计入 TA 的时间银行（现余额 { $time_balance } 小时）。这笔时长没有积分，无需扣回。
hours-err-not-found = 在你的范围内找不到编号 { $id } 的志愿时长。
hours-err-own = 志愿时长 #{ $id } 是你自己的申请，不能自己审核，请由本支部其他书记或超级管理员处理。
hours-err-decided = 志愿时长 #{ $id } 已经处理过了（{ $status ->
        [approved] 已认可
       *[other] 已驳回
    }）。
hours-err-changed = 志愿时长 #{ $id } 已改为 { $hours } 小时，请按最新的消息审核。
hours-mine-header = <b>我的时间银行</b>：{ $balance } 小时（待审核 { $pending } 小时）
hours-mine-empty = 还没有志愿时长。参加活动签到后发 /hours 签到码 时长 登记。
hours-mine-item = { $title }（<code>{ $code }</code>）· { $hours } 小时 · { $status ->
        [approved] ✅ 已认可
        [rejected] ❌ 未认可
       *[pending] ⏳ 待审核
    }

## Secretary view
stats-checkins-header = <b>{ $branch } · 签到统计</b>
stats-checkins-none = 还没有活动。
stats-checkins-item = <code>{ $code }</code> { $title } · { $when } · 签到 { $checkins } 人 · 认可时长 { $hours } 小时{ $pending ->
        [0] {""}
       *[other] {" · "}待审 { $pending } 条
    }
stats-checkins-footer = 志愿时长合计 { $hours } 小时 · 报到党员：已确认 { $approved } 人，待确认 { $pending } 人

## /me lines (CheckinService.summary → handlers.render_checkins.me_lines)
me-checkins-activities = 📍 本月活动签到 { $month } 次（累计 { $total } 次），连续 { $weeks } 周参加活动
me-checkins-lessons = 📚 本月学习微党课 { $month } 节，连续学习 { $days } 天 / { $weeks } 周
me-checkins-hours = ⏱ 时间银行 { $balance } 小时（待审核 { $pending } 小时）
me-checkins-reportin = 🙋 报到：「{ $branch }」{ $status ->
        [approved] 已确认
        [pending] 待确认
       *[rejected] 未通过
    }（组织关系：{ $home }）
me-checkins-reportin-none = 🙋 还没有报到。党员可在工作群发 /reportin 组织关系所在党组织

cmd-checkin = 活动签到
cmd-hours = 志愿时长 / 时间银行
cmd-reportin = 党员报到
