"""Check-ins: activities with a short code, a time window and an optional place; report-ins (报到)
of party members to the branch where they work; volunteer hours into a public-service time bank.
All times are local (settings.tz).

- `parsing`: what people type (activity specs, codes, radius, hours) and streak arithmetic; pure.
- `errors`: `CheckinError`, a refusal answered from the catalogue.
- `context`: what the parts share (clock, local time, permissions, replies).
- `activities`, `reportins`, `hours`, `summary`: one concern each.
- `service`: `CheckinService`, the facade handlers call by method name.
"""
