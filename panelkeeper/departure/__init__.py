"""Leaving an installation: an organisation's records exported whole, then removed."""
