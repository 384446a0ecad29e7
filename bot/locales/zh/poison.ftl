# One update must never stop the others (bot/ids.py, handlers/deadletter.py).
error-recorded = 😥 出错了，这条消息没能处理，已记录下来，管理员会查看。其他功能照常可用。
button-stale = 这个按钮已失效。
unknown-command-private = 🤔 没有这个命令：{ $command }。发送 /help 查看可用的命令。
unknown-command-close = 🤔 没有这个命令：{ $command }。是不是想发 { $close }？发送 /help 查看可用的命令。
other-bot-command-private = 🤔 这条命令是发给 @{ $bot } 的，不是发给我的。发送 /help 查看我能做什么。
case-action-view = 查看
case-action-recategorize = 更正分类
case-action-unnamed = 这个操作
