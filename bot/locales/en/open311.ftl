# Open311 GeoReport v2 (bot/services/open311.py): texts other systems read
open311-service-description = Reports of this kind go to { $department }; default urgency: { $urgency }.
open311-urgency-urgent = urgent
open311-urgency-normal = normal
open311-urgency-low = low
open311-notice = Received and routed to { $agency }. The group of the branch has been told.
