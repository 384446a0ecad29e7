# The web dashboard (handlers/web/dashboard.py, templates in handlers/web/templates)
web-link = Your dashboard link (valid { $minutes ->
    [one] 1 minute
   *[other] { $minutes } minutes
}, opens once): { $url }
web-not-staff = The dashboard is for secretaries, department members and superadmins.
web-in-private = Ask for the dashboard link in a private chat with the bot: /web
web-title = Rider Sentinel dashboard
web-nav-overview = Overview
web-nav-map = Map
web-nav-cases = Cases
web-nav-needs = Needs and participation
web-nav-exports = Exports
web-nav-logout = Log out
web-scope-all = All branches
web-scope-branch = Branch: { $branch }
web-scope-departments = Departments: { $departments }
web-login-bad = This link has expired or was already used. Send /web to the bot in a private chat for a new one.
web-login-needed = Please log in: send /web to the bot in a private chat and open the link it sends.
web-not-found = Not found in your scope.
web-forbidden = The form has expired; reload the page and try again.
web-open = Open
web-overdue = Overdue
web-solved = Solved
web-total = Reported
web-median-accept = Median time to accept (h)
web-median-fix = Median time to fix (h)
web-by-department = By department
web-by-category = By category
web-department = Department
web-category = Category
web-trend = Trend
web-trend-days = { $days ->
    [one] Last day
   *[other] Last { $days } days
}
web-reported = Reported
web-resolved = Resolved
web-filter = Filter
web-filter-status = Status
web-filter-status-any = any status
web-filter-status-open = open
web-filter-category-any = any category
web-filter-urgency-any = any urgency
web-filter-department-any = any department
web-filter-clear = Clear filters
web-filter-since = From
web-filter-until = To
web-map-legend = Markers by status; red ring: urgent and open. The heat layer counts reports per area.
web-map-truncated = { $shown } of { $located } located cases shown as markers; zoom in for more (the heat layer counts them all).
web-map-located = { $located } located cases
web-map-failed = The map's data could not be loaded. Reload the page to try again.
web-col-case = Case
web-col-reported = Reported
web-col-category = Category
web-col-urgency = Urgency
web-col-status = Status
web-col-department = Department
web-col-place = Place
web-col-text = Report
web-page = Page { $page } of { $pages } ({ $total ->
    [one] 1 case
   *[other] { $total } cases
})
web-prev = Previous
web-next = Next
web-case-timeline = Timeline
web-case-photos = Photos: { $count }
web-case-due = Answer by { $due }; fix by { $fix_due }
web-case-pending = Transfer asked to { $department }
web-case-actions = Actions
web-case-text-label = Note, reason or department
web-case-done = Done: the group and the reporter are told.
web-case-no-actions = Nothing you may do on this case now.
web-needs-categories = Most reported ({ $days ->
    [one] last day
   *[other] last { $days } days
})
web-needs-places = Most reported places
web-needs-urgent = Urgent cases still open
web-needs-leaderboard = Points leaderboard (this month)
web-needs-none = Nothing yet.
web-exports-cases = Cases table
web-exports-since = Reported since
web-exports-xlsx = Download XLSX
web-exports-csv = Download CSV
web-exports-summary = Per-department summary (CSV)
web-exports-note = Free text is masked and reporters are not named, as in /export.
web-lang = 中文
web-needs-lessons = Micro lessons per group ({ $days ->
    [one] last day
   *[other] last { $days } days
})
web-needs-activities = Activities
web-col-group = Group
web-col-sent = Pushed
web-col-completions = Completed
web-col-completers = Riders
web-col-quiz = Quiz answers (correct)
web-col-activity = Activity
web-col-starts = Starts
web-col-checkins = Check-ins
web-col-hours = Approved hours
web-login-open = This link opens the dashboard once, in this browser.
web-login-button = Open the dashboard
web-case-photo-label = Photo of the fix (with Mark resolved; JPEG, PNG or WebP, up to 10 MB)
web-case-photo-alt = Photo { $n } of the case
web-photo-resolve-only = A photo goes with Mark resolved: choose Mark resolved, or clear the photo.
web-photo-not-image = That file is not a photo: choose a JPEG, PNG or WebP image.
web-photo-too-big = The photo is too large: at most { $mb } MB.
web-photo-no-store = Photos cannot be uploaded here: the media store (SENTINEL_MEDIA_DIR) is not set.
# refusals worded for the case page (the chat's point to chat commands)
web-case-err-unknown-department = There is no department called “{ $department }”. Choose a department name from the list that opens in the text box.
web-page-not-found = There is no such page. Start from the dashboard's home, /dash/.
web-method-not-allowed = This address cannot be used that way (only { $allowed }). Start from the dashboard's home, /dash/.
web-not-a-form = What was sent is not a form and cannot be read. Use the buttons on the dashboard's pages.
web-bad-date = “{ $value }” is not a date ({ $field }) and was not used. Write it as 2026-12-01.
web-bad-form = The form could not be read (its text is not in a known encoding). Go back, reload the page and send it again.
web-error = Something went wrong on the dashboard and this request was not completed. Please try again in a moment; if it keeps happening, tell the administrator.
web-too-large = What was sent is too large to accept. Go back, reload the page and send it again.
