"""Riders' deliberation (小哥议事会): proposal → support → agenda → discussion → vote →
commitment. The state machine is `lifecycle`; the service is `service`; button data `buttons`."""
