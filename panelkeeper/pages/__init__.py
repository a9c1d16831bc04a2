"""Pages that belong to no record: the accessibility statement."""
