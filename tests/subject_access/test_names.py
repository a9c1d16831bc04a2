"""Other people's names typed into free text are taken out of a subject access pack,
unless that person agreed to be named."""

from __future__ import annotations

import datetime as dt
import json

from panelkeeper.cases.changes.people import add_party
from panelkeeper.concerns.handling import send_reporter_message
from panelkeeper.subject_access.models import Pack
from panelkeeper.subject_access.naming import without
from panelkeeper.subject_access.packs import build_pack
from tests.factory import Factory
from tests.subject_access.asking import asks

D = dt.date(2026, 11, 30)
DESCRIPTION = (
    "Rita Reporter saw Sam Subject share the file. WALTER WITNESS was there, "
    "and so was Paula Panel. Ivy  Investigator asked Rita reporter about it."
)


def test_a_name_goes_as_a_whole_word_whatever_its_case_and_spacing() -> None:
    names = ["Ann", "Ann Lee", "Bo"]
    text = "ann lee met Ann and Annabel; ANN\nLEE left. Bo stayed."
    assert without(text, names) == (
        "[name withheld] met [name withheld] and Annabel; [name withheld] left. Bo stayed."
    )
    assert without("", names) == "" and without("Nothing here", []) == "Nothing here"


def _pack_for_subject(factory: Factory, **case_fields: object) -> Pack:
    factory.panel_member(full_name="Paula Panel")
    case = factory.breach_case(description=DESCRIPTION, **case_fields)
    add_party(case=case, role="witness", actor=None, name="Walter Witness", effective=D, today=D)
    factory.investigator()  # Ivy Investigator, seated on the_case
    request = asks(factory, on=D, member=factory.subject_record)
    return build_pack(request=request, actor=factory.officer())


def _case_text(pack: Pack) -> str:
    section = next(s for s in pack.content["sections"] if s["title"] == "Breach cases about you")
    return str(section["entries"][0]["text"])


def test_a_description_naming_the_reporter_the_witness_a_member_and_the_investigator(
    factory: Factory,
) -> None:
    pack = _pack_for_subject(factory)
    assert _case_text(pack) == (
        "[name withheld] saw Sam Subject share the file. [name withheld] was there, "
        "and so was [name withheld]. [name withheld] asked [name withheld] about it."
    )
    text = json.dumps(pack.content).lower()
    for name in ("rita reporter", "walter witness", "paula panel", "ivy investigator"):
        assert name not in text


def test_a_reporter_who_agreed_to_be_named_stays_in_the_text(factory: Factory) -> None:
    pack = _pack_for_subject(factory, reporter_consents_to_identity=True)
    assert _case_text(pack) == (
        "Rita Reporter saw Sam Subject share the file. [name withheld] was there, "
        "and so was [name withheld]. [name withheld] asked Rita reporter about it."
    )


def test_a_reporter_asking_gets_their_words_and_messages_without_anyone_else(
    factory: Factory,
) -> None:
    factory.panel_member(full_name="Paula Panel")
    concern = factory.concern(
        factory.home,
        about_whom="Gordon Bennett",
        what_happened="Gordon Bennett and Paula Panel shouted. I, Rhona Reporter, saw it.",
    )
    send_reporter_message(
        concern=concern, body="Paula Panel spoke to me again, Rhona Reporter.", today=D
    )
    request = asks(factory, on=D, name="Rhona Reporter")
    pack = build_pack(request=request, actor=factory.officer())
    entries = pack.content["sections"][0]["entries"]
    assert [entry["text"] for entry in entries] == [
        "[name withheld] and [name withheld] shouted. I, Rhona Reporter, saw it.",
        "[name withheld] spoke to me again, Rhona Reporter.",
    ]
