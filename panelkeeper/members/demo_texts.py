"""Short demonstration texts for the documents a code names, written for this project.

An organisation replaces these with its own wording (a new document version). They
describe the spirit of each document in plain words and copy no sentence of any real
code; ``tests/members/test_demo.py`` checks that with the shared phrase hashes.
Numbered clauses are what a breach report may cite (BR-0).
"""

from __future__ import annotations

TEXTS: dict[str, str] = {
    "code_of_conduct": """\
# Code of Conduct (demonstration text)

This is sample wording. Your organisation will publish its own.

1. Treat fellow members, staff and customers with courtesy, even when you disagree.
2. Listen to every view in a meeting and let the chair keep order.
3. Tell the group about any personal interest before a matter is discussed.
4. Do not use your place on the group to gain anything for yourself or your family.
5. Keep what you learn in private papers to yourself, as the confidentiality document explains.
6. Speak for the group in public only when the group has agreed you may.
7. If something goes wrong, the organisation will follow its published breach procedure.
""",
    "confidentiality_statement": """\
# Confidentiality Statement (demonstration text)

This is sample wording. Your organisation will publish its own.

1. Papers marked private stay within the group and are returned or destroyed when asked.
2. Personal details of customers or staff that you come across are never passed on.
3. You may talk about the group's published findings, not about how members voted.
4. Ask an officer first whenever you are unsure whether something may be shared.
""",
    "confidentiality_agreement": """\
# Confidentiality Agreement (demonstration text)

This is sample wording. Your organisation will publish its own.

1. Information about people is handled as data protection law requires.
2. Private papers stay within the group and are kept somewhere safe.
3. Nothing about an individual customer is discussed outside a meeting.
4. A suspected leak is reported to an officer on the day it is noticed.
""",
    "terms_of_reference": """\
# Terms of Reference (demonstration text)

This is sample wording. Your organisation will publish its own.

1. The group looks closely at chosen services and recommends improvements.
2. It agrees a programme of reviews with the organisation each year.
3. Meetings need a quorum of half the members, rounded up.
4. The chair and vice chair are chosen by the members for a two-year term.
5. Reports go to the organisation's board with the group's recommendations.
""",
    "role_profile": """\
# Role Profile (demonstration text)

This is sample wording. Your organisation will publish its own.

- Come to meetings prepared, having read the papers.
- Take part in reviews: reading evidence, visiting services, talking to customers.
- Help write fair, evidence-based recommendations.
- Take up the training offered to you.
""",
    "access_to_information_protocol": """\
# Access to Information Protocol (demonstration text)

This is sample wording. Your organisation will publish its own.

1. The group may ask for the information a review needs.
2. Officers answer within an agreed time or explain why they cannot.
""",
    "equality_and_diversity_policy": """\
# Equality and Diversity Policy (demonstration text)

This is sample wording. Your organisation will publish its own.

1. Everyone taking part is treated fairly, whatever their background.
2. Meetings are arranged so that every member can take a full part.
""",
    "data_protection_policy": """\
# Data Protection Policy (demonstration text)

This is sample wording. Your organisation will publish its own.

1. Personal information is collected only when needed and kept safely.
2. Members may ask to see what is held about them.
""",
}


def demo_text(key: str, title: str) -> str:
    """The demonstration text for a document, or a short one naming its title."""
    return TEXTS.get(key) or (
        f"# {title} (demonstration text)\n\n"
        "This is sample wording. Your organisation will publish its own.\n"
    )
