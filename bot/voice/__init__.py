"""Voice reports (a voice note becomes a case awaiting triage) and pluggable speech-to-text."""
