"""Role titles: staff roles declared once, member roles from the group itself."""

from panelkeeper.rules.policy.problems import Problems, Table
from panelkeeper.rules.policy.roles import RoleKind, parse_roles


def test_staff_roles_need_a_holder_and_member_roles_do_not() -> None:
    problems = Problems("t.toml")
    roles = parse_roles(
        Table(
            {
                "staff": {"cim": "Customer Involvement Manager"},
                "members": {"panel": "the Challenge Group"},
            },
            "roles",
            problems,
        )
    )
    assert not problems
    assert roles["cim"].needs_holder and roles["cim"].kind is RoleKind.STAFF
    assert not roles["chair"].needs_holder
    assert roles.title("panel") == "the Challenge Group"
    assert roles.title("vice_chair") == "Vice Chair"


def test_an_undeclared_role_is_a_problem_naming_the_declared_ones() -> None:
    problems = Problems("t.toml")
    roles = parse_roles(
        Table({"staff": {"cim": "Customer Involvement Manager"}}, "roles", problems)
    )
    table = Table({"to": "director", "seats": ["cim", "boss", "chair"]}, "appeal", problems)
    assert roles.required(table, "to") is None
    assert [r.key for r in roles.many(table, "seats")] == ["cim", "chair"]
    assert [p.key for p in problems] == ["appeal.to", "appeal.seats[1]"]
    assert '"cim" (Customer Involvement Manager)' in problems.as_tuple()[0].message


def test_a_declared_staff_role_nobody_refers_to_is_reported_once_typos_are_fixed() -> None:
    problems = Problems("t.toml")
    roles = parse_roles(
        Table({"staff": {"cim": "Manager", "spare": "Spare Officer"}}, "roles", problems)
    )
    table = Table({"to": "cim", "by": "ci"}, "appeal", problems)
    roles.required(table, "to")
    roles.required(table, "by")
    assert roles.unreferenced_staff() == ()
    fixed = parse_roles(Table({"staff": {"cim": "Manager", "spare": "Spare"}}, "roles", problems))
    fixed.required(Table({"to": "cim"}, "appeal", problems), "to")
    assert [r.key for r in fixed.unreferenced_staff()] == ["spare"]


def test_a_staff_title_is_declared_once_under_a_lower_case_key() -> None:
    problems = Problems("t.toml")
    roles = parse_roles(
        Table(
            {"staff": {"cim": "Manager", "boss": "Manager", "Chief": "Chief", "chair": "Chair"}},
            "roles",
            problems,
        )
    )
    assert [r.key for r in roles.staff] == ["cim"]
    assert [p.key for p in problems] == [
        "roles.staff.boss",
        "roles.staff.Chief",
        "roles.staff.chair",
    ]
