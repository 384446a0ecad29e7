## The negative list: what is shown instead of personal data

# A place that is the reporter's home, outside their own private chat.
location-hidden = home address not shown (please add where it happened)
