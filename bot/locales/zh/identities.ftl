## /link：Telegram 与企业微信上的同一个人（bot/services/identities.py）

cmd-link = 绑定 Telegram 与企业微信账号
link-usage = 用法：发 /link 获取一次性绑定码；在另一个平台（Telegram 或企业微信）上给机器人发 /link 绑定码，两个账号即合为一人。
link-private-only = 🔗 请私聊机器人发 /link：绑定码只属于你自己。
link-code =
    🔗 你的绑定码：<code>{ $code }</code>
    请在 { $minutes } 分钟内，在{ $platform ->
        [wecom] Telegram
       *[telegram] 企业微信
    }上给机器人发送 <code>/link { $code }</code>。绑定后积分、工单和角色将合在一起。请勿把绑定码告诉他人。
link-done = ✅ 绑定成功：本账号与你的{ $platform ->
        [wecom] 企业微信
       *[telegram] Telegram
    }账号已是同一个人，积分、工单和角色已合并。
link-code-unknown = ❓ 没有这个绑定码。请在另一个平台上重新发 /link 获取。
link-code-used = ⚠️ 这个绑定码已经用过了。请在另一个平台上重新发 /link 获取。
link-code-expired = ⌛ 这个绑定码已过期（有效期 10 分钟）。请在另一个平台上重新发 /link 获取。
link-same-platform = ⚠️ 这个绑定码也是在{ $platform ->
        [wecom] 企业微信
       *[telegram] Telegram
    }上生成的，请到另一个平台上使用。
link-already-same = ✅ 这两个账号已经是同一个人了。
link-already-linked = ⚠️ 其中一个账号已绑定该平台上的另一个账号；每人在每个平台上只能绑定一个账号。
