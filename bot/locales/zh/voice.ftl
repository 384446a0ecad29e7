## Voice reports (语音上报): a voice note becomes a case awaiting triage

case-status-triage = 待分拣
ev-triaged = 分类
ev-dismissed = 不予受理（语音）
voice-received = 🎙️ 收到语音上报，已登记工单 { $number }（待分拣）。书记听过后会分类，转给责任部门。
voice-transcript = 识别文字：「{ $text }」
voice-suggested = 建议类别：{ $category }
voice-place = 地点：{ $place }
voice-place-missing = 📍 还差地点：点下面的按钮补充，或直接回复这条消息写上地点、发个位置。
voice-add-place = 📍 补充地点
voice-place-prompt = 📍 工单 { $number } 在哪里？请回复这条消息写上地点，或发送一个位置（📎 → 位置）。
voice-place-asked = 请回复群里（或私聊里）的提示消息，写上地点或发送位置。
voice-place-known = 这个工单已经有地点了。
voice-err-not-yours = 只有上报人可以补充这个工单的地点。
voice-triage = 🎙️ 语音上报 { $number } · 来自{ $name } · { $seconds } 秒
voice-triage-ask = 请听后选择类别；不是问题的，点「不予受理」。分类后如需改紧急程度，用 /recat。
voice-dismiss = 🚫 不予受理
voice-triaged = ✅ 已分类：{ $number } · { $category }
voice-dismissed = 已不予受理：{ $number }
voice-err-decided = { $number } 已经处理过了。
voice-err-not-found = 找不到这个语音工单，或它不在你的支部范围内。
case-ev-triaged = 语音上报 { $case } 已分类，责任部门：{ $department }。
case-ev-dismissed = 语音上报 { $case } 经书记核实，不予受理。
card-no-text = 🎙️（语音上报，没有文字）
