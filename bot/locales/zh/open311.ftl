# Open311 GeoReport v2（bot/services/open311.py）：供其他系统读取的文字
open311-service-description = 此类问题转交{ $department }办理，默认紧急程度：{ $urgency }。
open311-urgency-urgent = 紧急
open311-urgency-normal = 一般
open311-urgency-low = 较低
open311-notice = 已受理登记，转交{ $agency }办理，并已通知所在支部的群。
