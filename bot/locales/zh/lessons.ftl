## 微党课：推送、按钮、/lesson、/lessons（书记）、/stats lessons

lesson-heading = <b>{ $title }</b> · { $minutes } 分钟
lesson-btn-done = ✅ 学完了
lesson-opt-0 = A
lesson-opt-1 = B
lesson-opt-2 = C
lesson-opt-3 = D
lesson-opt-4 = E
lesson-opt-5 = F
lesson-opt-6 = G
lesson-opt-7 = H
lesson-opt-8 = I
lesson-opt-9 = J
lesson-quiz = ❓ <b>小测验</b>：{ $question }
lesson-footer = 👇 读完点「✅ 学完了」，一下就好。
lesson-footer-quiz = 👇 读完点「✅ 学完了」，或直接选一个答案（答题也算学过）。
lesson-footer-done = ✅ 这一课你已经学完了。
lesson-gone = 这一课已经不在了。发 /lesson 看最新的一课。
lesson-none-yet = 📚 还没有推送过微党课。书记开启后，每节课几分钟，会在不忙的时候发到群里。
lesson-private-only = 📚 私聊我发 /lesson，就能看到本期微党课（错过了也能补学）。

lesson-done = { $points ->
    [0] ✅ 已记下：这一课你学完了。
   *[other] ✅ 已记下：这一课你学完了，积分 +{ $points }。
}
lesson-already-done = 👍 这一课你已经学过了，不用再点。
lesson-quiz-right = { $points ->
    [0] 🎉 答对了！正确答案：{ $answer }。
   *[other] 🎉 答对了！正确答案：{ $answer }。积分 +{ $points }。
}
lesson-quiz-wrong = { $points ->
    [0] 差一点。正确答案：{ $answer }。
   *[other] 差一点。正确答案：{ $answer }。参与学习积分 +{ $points }。
}
lesson-quiz-again = 你已经答过这题了（只算第一次）。正确答案：{ $answer }。

lessons-plan-title = 📚 <b>{ $title }</b> · 微党课
lessons-plan-off = 未开启推送。发 /lessons plan 一三五 开启（私聊时在 plan 前写群的编号）。
lessons-plan-days = 推送日：{ $days }
lessons-plan-times = 推送时间（每周相同，错峰自动安排）：{ $times }
lessons-plan-windows = 可推送时段：{ $windows }
lessons-plan-busy = 高峰（不推送）：{ $peak } · 免打扰：{ $quiet }
lessons-plan-next = 下一课：《{ $lesson }》
lessons-none = 无
lessons-groups-title = 你可以设置的群（私聊设置时写群的编号）：
lessons-groups-item = { $n }. { $title } — { $days }
lessons-groups-empty = 你的支部还没有群。在群里发 /bind 支部代码 把群归到支部。
lessons-usage =
    用法（书记）：
    /lessons — 查看本群的推送安排
    /lessons plan 一三五 — 每周几推送（mon,wed,fri / 工作日 / 每天）
    /lessons shifts 高峰 10:30-13:30 16:30-20:00; 早会 08:30 — 改班次（错峰 14:00-16:00 / 免打扰 23:00-07:00 / default 恢复默认）
    /lessons off — 停止推送
    私聊时在命令前写群的编号，例如 /lessons 1 plan 一三五
lessons-not-permitted = 只有本支部的书记可以设置微党课。想看本期微党课，请私聊我发 /lesson。
lessons-not-bound = 这个群还没有归到支部。请先发 /bind 支部代码。
lessons-no-such-group = 找不到群“{ $group }”。发 /lessons 查看编号。
# $why: what could not be read (bot.lessons.shifts.LessonPlanError); $text: the words in question
lessons-bad-days = 看不懂这些星期：{ $why ->
        [unknown] “{ $text }”不是星期几
        [range] 范围要写两头（如 一-五）
        [none] 没有写星期几
        [unreadable] 读不出“{ $text }”
       *[other] 请换个写法
    }。例如：/lessons plan 一三五 或 /lessons plan mon,wed,fri
lessons-bad-shifts = 看不懂这个班次：{ $why ->
        [time] “{ $text }”不是一天里的时间
        [empty-span] 时段“{ $text }”的开始和结束是同一时间
        [meeting] 早会只写一个时间，例如 早会 09:00，或 早会 无
        [ranges] { $section ->
            [peak] 高峰
            [quiet] 免打扰
           *[offpeak] 错峰
        }要写时间段，例如 10:30-13:30，或写“无”
        [empty] 没有写班次
        [no-window] 这样排，错峰时段全落在高峰或免打扰里，没有可以推送的时间
        [unreadable] 读不出“{ $text }”
       *[other] 请换个写法
    }。例如：/lessons shifts 高峰 10:30-13:30 16:30-20:00; 早会 08:30
lessons-cannot-plan = 排不开：{ $why ->
        [no-window] 有的群错峰时段全落在高峰或免打扰里
       *[other] 本支部各群的推送时间已经排满
    }。请少选几天，或放宽推送时段。

lessons-stats-title = 📊 <b>微党课统计</b> · 近 { $days } 天
lessons-stats-row = <b>{ $title }</b>：推送 { $sent } 课 · 学完 { $completions } 人次 · 参与 { $completers }/{ $known } 人 · 完成率 { $rate } · 测验正确率 { $accuracy }（{ $correct }/{ $answers }）
lessons-stats-empty = 你的支部还没有群。
lessons-stats-note = 完成率 = 学完人次 ÷（推送课数 × 已知骑手）；已知骑手 = 在群里上报过问题、或学过/答过本群微党课的人。
lessons-stats-usage = 用法：/stats lessons [天数 1–366]，例如 /stats lessons 7 或 /stats lessons 7天

cmd-lesson = 本期微党课
