"""A small code of conduct the code editor's tests write into, checked to load."""

SMALL = """\
# A small code for the editor's tests.
[code]
slug = "demo"
organisation = "Demo Homes"
version = "1"

[groups]
panel = "Scrutiny Panel"

[roles.staff]
officer = "Involvement Officer"  # receives reports

[gifts]
rules = ["GIFT-1"]
declare_to = ["officer"]

[breach]
rules = ["BR-0"]
investigated_by = ["officer"]

[breach.raising]
rules = ["BR-1"]
route_to = ["officer"]
monitored_by = ["officer"]

[[breach.levels]]
rules = ["BR-7"]
key = "minor"
label = "Minor breach"
marks = "small things"

[[breach.outcomes]]
rules = ["BR-10"]
key = "warning"
label = "Warning"
levels = ["minor"]
effect = "warning"
notice = { within = "5 working days", from = "decision_made" }
"""
