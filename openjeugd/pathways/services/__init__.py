"""Writes of the care pathway. Each module covers a step; `base` has what they share: finding
the case in the user's scope, optimistic locking, the event log and the access log."""
