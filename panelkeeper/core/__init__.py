"""Plumbing with tables of its own: the daily run and the database cache's table."""
