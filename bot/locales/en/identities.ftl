## /link: one person on Telegram and WeCom (bot/services/identities.py)

cmd-link = link your Telegram and WeCom accounts
link-usage = Usage: /link gives a one-time code; send /link CODE to the bot on your other platform (Telegram or WeCom) to make both accounts one person.
link-private-only = 🔗 Send /link to the bot in a private chat: a link code is for you alone.
link-code =
    🔗 Your link code: <code>{ $code }</code>
    Within { $minutes ->
        [one] 1 minute
       *[other] { $minutes } minutes
    }, send <code>/link { $code }</code> to the bot on { $platform ->
        [wecom] Telegram
       *[telegram] WeCom
    }. Your points, cases and roles will then be together. Never give this code to anyone else.
link-done = ✅ Linked: this account and your { $platform ->
        [wecom] WeCom
       *[telegram] Telegram
    } account are now one person — points, cases and roles are together.
link-code-unknown = ❓ That code is not known. Send /link on your other platform for a new one.
link-code-used = ⚠️ That code has already been used. Send /link on your other platform for a new one.
link-code-expired = ⌛ That code has expired (codes last 10 minutes). Send /link on your other platform for a new one.
link-same-platform = ⚠️ That code was made on { $platform ->
        [wecom] WeCom
       *[telegram] Telegram
    } too: use it on your other platform.
link-already-same = ✅ These two accounts are already one person.
link-already-linked = ⚠️ One of these accounts is already linked to another account on that platform; a person can have one account on each platform.
