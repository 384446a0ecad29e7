## The negative list: what is shown instead of personal data

# A place that is the reporter's home, outside their own private chat.
location-hidden = 住址不公开显示（请补充事发地点）
