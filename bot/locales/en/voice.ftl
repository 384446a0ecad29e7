## Voice reports: a voice note becomes a case awaiting triage

case-status-triage = awaiting triage
ev-triaged = classified
ev-dismissed = dismissed (voice)
voice-received = 🎙️ Voice report received: case { $number } is awaiting triage. The secretary will listen, classify it and pass it to the department.
voice-transcript = Transcript: “{ $text }”
voice-suggested = Suggested category: { $category }
voice-place = Place: { $place }
voice-place-missing = 📍 The place is missing: tap the button below, or reply to this message with the place or a location pin.
voice-add-place = 📍 Add the place
voice-place-prompt = 📍 Where is case { $number }? Reply to this message with the place, or send a location pin (📎 → Location).
voice-place-asked = Reply to the prompt in the chat with the place, or send a location pin.
voice-place-known = This case already has a place.
voice-err-not-yours = Only the reporter can add this case's place.
voice-triage = 🎙️ Voice report { $number } · from { $name } · { $seconds ->
        [one] { $seconds } second
       *[other] { $seconds } seconds
    }
voice-triage-ask = Listen, then choose a category; if it is not a problem, tap “Dismiss”. To change the urgency afterwards, use /recat.
voice-dismiss = 🚫 Dismiss
voice-triaged = ✅ Classified: { $number } · { $category }
voice-dismissed = Dismissed: { $number }
voice-err-decided = { $number } has already been handled.
voice-err-not-found = No such voice case in your branch.
case-ev-triaged = Voice report { $case } has been classified; department: { $department }.
case-ev-dismissed = Voice report { $case } was reviewed by the secretary and dismissed.
card-no-text = 🎙️ (a voice report, no text)
