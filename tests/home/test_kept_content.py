"""What each worker keeps of the public pages is keyed by the content it was built from (the site's
structure, each page's live revision), checked against the database's rows once per content
generation: a publish made by another worker (simulated here by changing the rows and the
generation without this process's signals) shows at once, and a publish that changes nothing a
page shows leaves that page's parts as they were."""

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from wagtail.models import Page

from cms import content_generation
from home.models import AnnouncementPage, HomePage, StandardPage
from home.site_map import bump_generation
from tests.helpers import page_in

pytestmark = [pytest.mark.usefixtures("demo_site"), pytest.mark.django_db]


@pytest.fixture
def on_another_worker(monkeypatch):
    """Changes made in the test reach this process only as another worker's would: through the
    rows and the generation in the shared cache, not through this process forgetting what it kept."""
    monkeypatch.setattr(content_generation, "forget_listeners", [])


def html(url):
    response = Client().get(url)
    assert response.status_code == 200
    return response.content.decode()


def main_nav(url):
    return str(BeautifulSoup(html(url), "html.parser").select_one("nav.main-nav"))


def publish(page):
    page.save_revision().publish()


def test_a_menu_title_changed_on_another_worker_shows_after_the_generation_changes(on_another_worker):
    about = page_in(StandardPage, "en", show_in_menus=True)
    assert about.title in html("/en/")
    about.title = "Who we are, renamed"
    publish(about)
    assert "Who we are, renamed" in html("/en/")


def test_a_body_published_on_another_worker_is_rendered_from_its_new_revision(on_another_worker):
    home = page_in(HomePage, "en")
    assert "A brand new lead paragraph" not in html("/en/")
    home.body = [{"type": "heading", "value": "A brand new lead paragraph"}] + list(home.body.raw_data)
    publish(home)
    assert "A brand new lead paragraph" in html("/en/")


def test_an_announcement_republished_on_another_worker_updates_the_home_pages_list(on_another_worker):
    announcement = AnnouncementPage.objects.live().filter(locale__language_code="en").order_by("-date").first()
    assert announcement.title in html("/en/")
    announcement.summary = "A summary written again after publishing"
    publish(announcement)
    assert "A summary written again after publishing" in html("/en/")


def test_a_view_restriction_added_on_another_worker_takes_the_page_out_of_the_menu(on_another_worker):
    from wagtail.models import PageViewRestriction

    about = page_in(StandardPage, "en", show_in_menus=True)
    assert f'href="{about.url}"' in main_nav("/en/")
    PageViewRestriction.objects.create(page=about, restriction_type=PageViewRestriction.LOGIN)
    bump_generation()
    assert f'href="{about.url}"' not in main_nav("/en/")


def test_after_a_publish_that_changes_nothing_a_page_shows_only_the_sites_rows_are_read(
    django_assert_max_num_queries,
):
    """The site's rows are read again (four statements, sent in one round trip on PostgreSQL) and
    everything the page is made of is kept: no routing query, no page-chooser lookup, no
    announcement query."""
    assert Client().get("/zh-hans/").status_code == 200
    bump_generation()  # as a publish of another page made on another worker
    with django_assert_max_num_queries(4) as captured:
        response = Client().get("/zh-hans/")
    assert response.status_code == 200 and response["X-Page-Cache"] == "miss"
    statements = " ".join(query["sql"] for query in captured.captured_queries)
    assert "home_announcementpage" not in statements and "wagtailcore_revision" not in statements


def test_the_worker_that_saves_a_page_forgets_what_it_kept_even_without_a_new_revision():
    """A page saved without publishing (a script) changes no revision: the saving worker forgets
    everything it kept, so it never serves the old body beside the new one."""
    home = page_in(HomePage, "en")
    assert "Saved by a script" not in html("/en/")
    specific = Page.objects.get(pk=home.pk).specific
    specific.body = [{"type": "heading", "value": "Saved by a script"}] + list(specific.body.raw_data)
    specific.save()
    assert "Saved by a script" in html("/en/")
