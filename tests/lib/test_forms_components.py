"""The GOV.UK partials under templates/govuk/ draw the markup their comments promise."""

from django.core.paginator import Paginator
from django.http import HttpRequest
from django.template import engines
from django.test import RequestFactory


def render(source: str, request: HttpRequest | None = None, **context: object) -> str:
    return engines["django"].from_string(source).render(context, request=request)


def squash(html: str) -> str:
    return " ".join(html.split())


def test_a_success_banner_is_announced_and_others_are_regions() -> None:
    html = squash(
        render(
            '{% include "govuk/_notification_banner.html" with type="success" text="Saved" %}'
            '{% include "govuk/_notification_banner.html" with text="Read this" number=2 %}'
        )
    )
    assert 'govuk-notification-banner--success" role="alert"' in html
    assert 'id="govuk-notification-banner-title">Success</h2>' in html
    assert 'role="region" aria-labelledby="govuk-notification-banner-title-2"' in html
    assert 'id="govuk-notification-banner-title-2">Important</h2>' in html


def test_a_summary_list_row_with_a_link_names_its_key_for_screen_readers() -> None:
    rows = [
        {"key": "Chair", "value": "Ada Lovelace", "href": "/roles/chair/"},
        {"key": "Group", "value": "Scrutiny Panel"},
    ]
    html = squash(render('{% include "govuk/_summary_list.html" %}', rows=rows))
    assert '<dt class="govuk-summary-list__key">Chair</dt>' in html
    assert (
        '<a class="govuk-link" href="/roles/chair/">Change'
        '<span class="govuk-visually-hidden"> chair</span></a>' in html
    )
    assert "govuk-summary-list__row govuk-summary-list__row--no-actions" in html


def test_a_table_escapes_cells_and_can_head_each_row() -> None:
    html = squash(
        render(
            '{% include "govuk/_table.html" with first_cell_is_header=True %}',
            caption="Rules",
            head=["Id", "Rule"],
            rows=[["BR-8", "<b>escalation</b>"]],
        )
    )
    assert '<th scope="col" class="govuk-table__header">Id</th>' in html
    assert '<th scope="row" class="govuk-table__header">BR-8</th>' in html
    assert "&lt;b&gt;escalation&lt;/b&gt;" in html


def test_tag_back_link_and_buttons() -> None:
    assert render('{% include "govuk/_tag.html" with text="Overdue" colour="red" %}').endswith(
        '<strong class="govuk-tag govuk-tag--red">Overdue</strong>\n'
    )
    assert 'href="/cases/" class="govuk-back-link">Back</a>' in render(
        '{% include "govuk/_back_link.html" with href="/cases/" %}'
    )
    button = render('{% include "govuk/_button.html" with text="Publish" variant="warning" %}')
    assert 'type="submit" class="govuk-button govuk-button--warning"' in button
    link = render('{% include "govuk/_button.html" with text="Start" href="/start/" %}')
    assert '<a href="/start/" role="button"' in link


def test_pagination_keeps_the_query_and_marks_the_current_page() -> None:
    request = RequestFactory().get("/members/", {"q": "smith", "page": "2"})
    page = Paginator(list(range(30)), 10).page(2)
    html = squash(render('{% include "govuk/_pagination.html" %}', request=request, page_obj=page))
    assert 'href="?q=smith&amp;page=1" rel="prev"' in html
    assert 'href="?q=smith&amp;page=3" rel="next"' in html
    assert 'aria-label="Page 2" aria-current="page">2</a>' in html
    assert 'aria-label="Page 3">3</a>' in html


def test_pagination_draws_nothing_for_a_single_page() -> None:
    page = Paginator([1, 2], 10).page(1)
    html = render('{% include "govuk/_pagination.html" %}', page_obj=page)
    assert html.strip() == ""


def test_a_phase_banner_shows_its_tag_and_sentence() -> None:
    html = squash(
        render('{% include "govuk/_phase_banner.html" with phase="Beta" text="A new service" %}')
    )
    assert '<strong class="govuk-tag govuk-phase-banner__content__tag">Beta</strong>' in html
    assert '<span class="govuk-phase-banner__text">A new service</span>' in html
