## Telegram's own ways: stickers and other media, albums, anonymous admins, edits

media-unsupported = 🙂 I can't read this kind of message. To report a problem, describe what and where in words, or send a photo with a caption, or a location pin; /help shows how.
album-needs-caption = 📸 Got your photos. Please add a line saying what the problem is and where (a caption, or just a message), and I'll open a case.
anon-admin-hint = 🕶 You are posting as the group's anonymous admin, so I can't tell who you are. /board and /case work anonymously; to accept, assign or act on a case, turn off "Remain anonymous" and send it again, or message me privately from your own account.
case-edited = ✏️ Updated <b>{ $number }</b> from your edit: { $category } · { $location }
ev-edited = reporter edited the report
case-edited-urgent = ⚠️ With your edit this is about personal safety: now urgent, to be answered within { $respond } and dealt with within { $fix }. Stay safe!
