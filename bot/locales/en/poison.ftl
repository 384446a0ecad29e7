# One update must never stop the others (bot/ids.py, handlers/deadletter.py).
error-recorded = 😥 Something went wrong with this message. It has been recorded for the operators to look at; everything else works as usual.
button-stale = This button no longer works.
unknown-command-private = 🤔 Unknown command: { $command }. Send /help to see what I can do.
unknown-command-close = 🤔 Unknown command: { $command }. Did you mean { $close }? Send /help to see what I can do.
other-bot-command-private = 🤔 That command is addressed to @{ $bot }, not to me. Send /help to see what I can do.
case-action-view = View
case-action-recategorize = Recategorize
case-action-unnamed = this action
