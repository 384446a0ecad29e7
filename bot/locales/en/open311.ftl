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
