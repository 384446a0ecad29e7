## Telegram's own ways: stickers and other media, albums, anonymous admins, edits

media-unsupported = 🙂 这类消息我看不懂。有问题要上报，请用文字说明“什么问题、在哪里”，也可以发带说明的照片或位置；/help 查看用法。
album-needs-caption = 📸 收到这组照片。请在其中一张补一句说明（什么问题、在哪里），我再登记工单；也可以直接发文字。
anon-admin-hint = 🕶 你正以群组匿名管理员身份发言，我无法确认你是谁。查看类的 /board、/case 可以匿名使用；受理、指派等操作请关闭“匿名发言”后再发，或私聊我用自己的账号操作。
case-edited = ✏️ 已按修改更新 <b>{ $number }</b>：{ $category } · { $location }
ev-edited = 上报人修改了内容
case-edited-urgent = ⚠️ 改后涉及人身安全，已改为紧急：{ $respond }内必须有人响应，{ $fix }内处置。注意自身安全！
