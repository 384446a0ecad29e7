# Open311 GeoReport v2 (bot/services/open311.py): texts other systems read
open311-service-description = Reports of this kind go to { $department }; default urgency: { $urgency }.
open311-urgency-urgent = urgent
open311-urgency-normal = normal
open311-urgency-low = low
open311-notice = Received and routed to { $agency }. The group of the branch has been told.
# a case another system sent, told to the branch's group (issue 17)
case-source-open311 = the 12345 hotline / Open311
case-created-external =
    📥 A request from { $source }, registered as case <b>{ $number }</b>
    Category: { $category } · Urgency: { $urgency }
    Description: { $description }
    Place: { $location }
    { $next }
case-next-external = { $urgency ->
    [urgent] ⚠️ Personal safety at risk, flagged URGENT: someone must respond within { $respond } and deal with it within { $fix }. Progress will be posted in this group.
   *[other] It goes to the responsible department: to be accepted within { $respond } and fixed within { $fix }. Progress will be posted in this group; the source system can look it up at any time.
}
open311-notice-merged = An open case of the same kind at this place already exists ({ $number }): this request was merged into it, handled by { $agency }. The branch's group already knows that case and is not told again.
# Open311 errors (the spec's error list: [{"code": …, "description": …}]), in the client's language
# (Accept-Language, else the bot's default); the spec's parameter names stay as they are
open311-error-service-unknown = service_code '{ $code }' not found
open311-error-date = { $name } is not an ISO 8601 date-time: '{ $value }'
open311-error-span-from-start = start_date is more than { $days ->
    [one] { $days } day
   *[other] { $days } days
} before end_date (default: now); give an end_date at most { $days ->
    [one] { $days } day
   *[other] { $days } days
} after start_date
open311-error-end-before-start = end_date is before start_date
open311-error-span = start_date to end_date spans more than { $days ->
    [one] { $days } day
   *[other] { $days } days
}
open311-error-request-id = service_request_id '{ $value }' is not a request id
open311-error-number = { $name } is not a number: '{ $value }'
open311-error-range = { $name } is out of range: '{ $value }'
open311-error-service-required = service_code is required
open311-error-lat-long = lat and long go together
open311-error-location = a location is required: lat and long, address_string or address_id
open311-error-too-long = description is longer than { $most ->
    [one] { $most } character
   *[other] { $most } characters
}
open311-error-key-required = api_key is required
open311-error-key-refused = api_key is invalid or revoked
open311-error-no-group = jurisdiction '{ $code }' has no group to hear requests yet
open311-error-jurisdiction-unknown = jurisdiction_id '{ $value }' not found
open311-error-jurisdiction-required = jurisdiction_id is required
open311-error-status = status is open or closed
open311-error-request-unknown = service_request_id '{ $value }' not found
open311-error-method = method { $method } is not allowed here; use { $allowed }
open311-error-no-resource = no such Open311 resource (formats: .json, .xml)
open311-error-not-a-form = the body must be a form (application/x-www-form-urlencoded or multipart/form-data), not { $type }
open311-error-bad-form = the form cannot be read: not in its charset, an unknown charset, or a broken multipart body
open311-error-too-big = the request body is too large
open311-error-internal = internal error; try again later
