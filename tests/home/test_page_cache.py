"""The public page cache (home/page_cache.py): what anonymous visitors get from it, what never
comes from it, and the query budgets of the public pages."""

import gzip
import re
import zlib

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.test import Client
from wagtail.models import PageViewRestriction

from forms_app.models import Case, IntakeFormPage
from forms_app.reports.counter import public_counts
from home import page_cache
from home.models import HomePage, StandardPage
from home.page_cache import CSRF_PLACEHOLDER, _stored_page, _with_tokens
from home.site_map import bump_generation, current_generation
from tests.helpers import page_in
from tests.intake.builders import complete_answers

# These tests use the seeded demo site (its pages and forms in three languages).
pytestmark = pytest.mark.usefixtures("demo_site")

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([A-Za-z0-9]+)"')


def form_page(language="zh-hans", case_type="account_closure"):
    return IntakeFormPage.objects.live().get(case_type=case_type, locale__language_code=language)


def warm(client, *urls):
    """Request pages so that the site map (and those pages) are in the cache."""
    for url in urls:
        assert client.get(url).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_an_anonymous_second_get_runs_no_query(client, django_assert_num_queries, language):
    """Once a public page has been rendered, anonymous visitors get it without any query: the home
    page and an intake form's first step alike."""
    urls = [f"/{language}/", form_page(language).url]
    warm(client, *urls)
    for url in urls:
        with django_assert_num_queries(0):
            response = Client().get(url)
        assert response.status_code == 200
        assert response["X-Page-Cache"] == "hit"


@pytest.mark.django_db
def test_a_cached_form_page_still_tells_the_browser_not_to_keep_it(client):
    """The server may keep a blank first step (nothing typed, no token but the CSRF one); the
    visitor's browser and any proxy may not, whether the page came from the cache or not."""
    page = form_page("zh-hans", "persecution")
    first = client.get(page.url)
    second = Client().get(page.url)
    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    for response in (first, second):
        assert "no-store" in response["Cache-Control"]
        assert "nonce-" not in response["Content-Security-Policy"]


@pytest.mark.django_db
def test_publishing_a_page_invalidates_the_cached_copy(client):
    """A publish makes every visitor see the new content on the next request."""
    home = page_in(HomePage, "zh-hans")
    warm(client, home.url)
    home.hero_heading = "新的标题：发布后立即可见"
    home.save_revision().publish()
    response = Client().get(home.url)
    assert "新的标题：发布后立即可见" in response.content.decode()
    assert response["X-Page-Cache"] == "miss"


@pytest.mark.django_db
def test_a_worker_keeps_its_own_copy_for_a_second_and_forgets_it_on_a_publish(client, monkeypatch):
    """A page read from the shared cache is kept in the worker for LOCAL_SECONDS (a burst of visitors
    costs one round trip a second); a publish in this worker forgets it at once, and with no time to
    keep it the worker always asks the shared cache."""
    home = page_in(HomePage, "zh-hans")
    warm(client, home.url, home.url)  # rendered and stored, then read back from the shared cache
    cache.clear()  # the shared copy is gone (another server's publish, say)
    assert Client().get(home.url)["X-Page-Cache"] == "hit"  # this worker's own, under a second old
    home.save_revision().publish()
    assert Client().get(home.url)["X-Page-Cache"] == "miss"
    monkeypatch.setattr(page_cache, "LOCAL_SECONDS", 0)
    warm(client, home.url)
    cache.clear()
    assert Client().get(home.url)["X-Page-Cache"] == "miss"


@pytest.mark.django_db
def test_a_change_bumps_the_generation_again_once_it_has_committed(django_capture_on_commit_callbacks):
    """A visitor arriving between a publish and its commit reads the old rows and stores them under
    the new number; a second bump after the commit makes that copy stale too (once per transaction,
    however many rows the publish saved)."""
    about = page_in(StandardPage, "zh-hans")
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        about.title = "关于我们（新）"
        about.save_revision().publish()
        during = current_generation()
    assert callbacks == [bump_generation]
    assert current_generation() != during


@pytest.mark.django_db
def test_unpublishing_a_page_stops_serving_it_from_the_cache(client):
    """An unpublished page is gone for everyone at once, cached copy included."""
    about = page_in(StandardPage, "zh-hans")
    warm(client, about.url, about.url)
    about.unpublish()
    assert Client().get(about.url).status_code == 404


@pytest.mark.django_db
def test_a_signed_in_user_never_gets_a_cached_page(client):
    """Signed-in users always get a freshly rendered page, never the anonymous copy."""
    home = page_in(HomePage, "en")
    warm(client, home.url)
    # Changed without a publish signal, so only a fresh rendering can show it.
    HomePage.objects.filter(pk=home.pk).update(hero_heading="Only a fresh rendering shows this")
    assert "Only a fresh rendering shows this" not in Client().get(home.url).content.decode()
    editor = get_user_model().objects.create_superuser("cache-editor", "editor@example.org", "x" * 16)
    signed_in = Client()
    signed_in.force_login(editor)
    response = signed_in.get(home.url)
    assert "Only a fresh rendering shows this" in response.content.decode()
    assert response.get("X-Page-Cache") != "hit"


@pytest.mark.django_db
def test_a_post_is_never_answered_or_stored_by_the_cache(client):
    """A POST is always handled by the form, and its re-rendered page (with what the claimant
    typed and the error messages) is never stored for later visitors."""
    page = form_page()
    warm(client, page.url)
    answers = complete_answers(page, skip=("consent_processing",))
    answers["wechat_id"] = "wxid_previous_visitor_typed_this"
    response = client.post(page.url, answers)
    assert response.get("X-Page-Cache") is None
    assert 'id="form-errors"' in response.content.decode()
    assert "wxid_previous_visitor_typed_this" in response.content.decode()
    later = Client().get(page.url)  # the blank first step, from the cache
    assert later["X-Page-Cache"] == "hit"
    html = later.content.decode()
    assert "wxid_previous_visitor_typed_this" not in html
    assert 'id="form-errors"' not in html


@pytest.mark.django_db
def test_two_anonymous_visitors_get_their_own_csrf_tokens_and_both_can_submit(settings):
    """Each visitor of a form gets a freshly masked token of their own secret: the tokens differ,
    and each one's real POST with its own cookie files a case."""
    settings.INTAKE_RATE_LIMIT = 100
    page = form_page("zh-hans", "persecution")
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    first_page, second_page = first.get(page.url), second.get(page.url)
    assert second_page["X-Page-Cache"] == "hit"
    first_token = TOKEN.search(first_page.content.decode()).group(1)
    second_token = TOKEN.search(second_page.content.decode()).group(1)
    assert first_token != second_token
    assert first.cookies["csrftoken"].value != second.cookies["csrftoken"].value
    # A third visitor also gets a fresh token from the same cached page.
    third_token = TOKEN.search(Client().get(page.url).content.decode()).group(1)
    assert third_token not in (first_token, second_token)
    before = Case.objects.count()
    for visitor, token in ((first, first_token), (second, second_token)):
        response = visitor.post(page.url, complete_answers(page) | {"csrfmiddlewaretoken": token})
        assert response.status_code == 302
    assert Case.objects.count() == before + 2


@pytest.mark.django_db
def test_a_token_from_the_cache_does_not_work_with_another_visitors_cookie():
    """The token a cached page carries belongs to its visitor's own cookie only."""
    page = form_page()
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    first.get(page.url)
    second_token = TOKEN.search(second.get(page.url).content.decode()).group(1)
    response = first.post(page.url, complete_answers(page) | {"csrfmiddlewaretoken": second_token})
    assert response.status_code == 403


@pytest.mark.django_db
def test_the_wechat_warning_and_the_language_never_leak_to_another_visitor(client):
    """A page cached for a WeChat visitor, or in another language, is not what others get."""
    page = form_page("zh-hans")
    wechat = Client(HTTP_USER_AGENT="Mozilla/5.0 (iPhone) MicroMessenger/8.0.50")
    assert "warning--wechat" in wechat.get(page.url).content.decode()
    plain = Client().get(page.url)
    assert "warning--wechat" not in plain.content.decode()
    assert "warning--wechat" in wechat.get(page.url).content.decode()
    english = form_page("en")
    warm(client, page.url)
    html = Client().get(english.url).content.decode()
    assert '<html lang="en"' in html


@pytest.mark.django_db
def test_a_query_string_or_a_session_bypasses_the_cache(client):
    """Requests with a query string or a session cookie are rendered for themselves."""
    home = page_in(HomePage, "en")
    warm(client, home.url, home.url)
    assert Client().get(home.url + "?utm=chat").get("X-Page-Cache") is None
    with_session = Client()
    with_session.cookies["sessionid"] = "anything"
    assert with_session.get(home.url).get("X-Page-Cache") is None


@pytest.mark.django_db
def test_a_page_with_a_view_restriction_is_never_cached(client):
    """A password-protected page is never stored in, or served from, the cache."""
    about = page_in(StandardPage, "en")
    PageViewRestriction.objects.create(page=about, restriction_type=PageViewRestriction.PASSWORD, password="secret")
    first, second = Client().get(about.url), Client().get(about.url)
    for response in (first, second):
        assert response.get("X-Page-Cache") is None
        assert 'name="password"' in response.content.decode()


@pytest.mark.django_db
def test_html_is_sent_gzip_compressed_when_the_browser_accepts_it(client):
    """HTML goes over the wire compressed, cached or not."""
    home = page_in(HomePage, "zh-hans")
    for _ in range(2):
        response = client.get(home.url, headers={"accept-encoding": "gzip"})
        assert response["Content-Encoding"] == "gzip"
        assert "<html" in gzip.decompress(response.content).decode()


@pytest.mark.django_db
def test_a_cached_page_is_sent_compressed_with_a_fresh_token_that_works(settings):
    """From the cache, a page is compressed once and each visitor's token is put in per response:
    the result is the same page a browser without gzip gets, and its token files a case."""
    settings.INTAKE_RATE_LIMIT = 100
    page = form_page("zh-hans", "persecution")
    Client().get(page.url)
    visitor = Client(enforce_csrf_checks=True)
    response = visitor.get(page.url, headers={"accept-encoding": "gzip, deflate, br"})
    assert (response["X-Page-Cache"], response["Content-Encoding"]) == ("hit", "gzip")
    assert "Accept-Encoding" in response["Vary"]
    html = gzip.decompress(response.content).decode()
    plain = Client().get(page.url)
    assert plain["X-Page-Cache"] == "hit" and not plain.has_header("Content-Encoding")
    assert TOKEN.sub("", html) == TOKEN.sub("", plain.content.decode())
    token = TOKEN.search(html).group(1)
    assert visitor.post(page.url, complete_answers(page) | {"csrfmiddlewaretoken": token}).status_code == 302


def test_a_page_with_several_tokens_decompresses_with_each_token_in_its_place():
    """Pieces compressed apart and tokens stored between them make one valid gzip stream."""
    content = f"<p>甲{CSRF_PLACEHOLDER}乙 " * 3 + "end" * 5000
    stored = _stored_page(content, generation=1, headers={})
    tokens = [b"T" * 64, b"U" * 64, b"V" * 64]
    expected = content.replace(CSRF_PLACEHOLDER, "{}").format("T" * 64, "U" * 64, "V" * 64).encode()
    assert _with_tokens(stored, tokens, compressed=False) == expected
    packed = _with_tokens(stored, tokens, compressed=True)
    assert gzip.decompress(packed) == expected
    assert zlib.decompressobj(wbits=31).decompress(packed) == expected  # as a browser reads it
    assert len(packed) < len(expected) / 10


# --- Query budgets ---------------------------------------------------------------------------
# "Uncached" is a page rendered because the page cache does not hold it (the site map, rebuilt
# once per publish for the whole site, is warm). The review queue and case page budgets are
# phase 2 of issue 15 (forms_app is being restructured).


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["zh-hans", "en", "zh-hant"])
def test_home_page_uncached_runs_at_most_four_queries(client, django_assert_max_num_queries, language):
    """The home page, rendered afresh, runs at most 4 queries (its case counter's numbers come from the
    cache, counted at most once per PUBLIC_COUNTER_SECONDS: see tests/home/test_case_counter.py)."""
    warm(client, form_page(language).url)
    public_counts()
    with django_assert_max_num_queries(4):
        response = Client().get(f"/{language}/")
    assert response["X-Page-Cache"] == "miss"


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["zh-hans", "en", "zh-hant"])
def test_form_page_uncached_runs_at_most_four_queries(client, django_assert_max_num_queries, language):
    """An intake form page, rendered afresh, runs at most 4 queries."""
    warm(client, f"/{language}/")
    url = form_page(language).url  # Page.url may look up the site root paths: not the request's queries
    with django_assert_max_num_queries(4):
        response = Client().get(url)
    assert response.get("X-Page-Cache") != "hit"


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_a_page_rendered_afresh_takes_the_site_root_paths_from_the_site_map(
    client, django_assert_max_num_queries, language
):
    """Page URLs in a page need Wagtail's site root paths; the site map has them, so a page rendered
    afresh neither asks the shared cache nor, when that has lost them, the database."""
    from wagtail.models.sites import SITE_ROOT_PATHS_CACHE_KEY, SITE_ROOT_PATHS_CACHE_VERSION

    warm(client, f"/{language}/")
    url = form_page(language).url
    warm(client, url)
    cache.delete(SITE_ROOT_PATHS_CACHE_KEY, version=SITE_ROOT_PATHS_CACHE_VERSION)
    for path in (f"/{language}/", url):
        with django_assert_max_num_queries(4) as captured:
            response = Client().get(path, QUERY_STRING="fresh=1")
        assert response.status_code == 200
        assert not any("wagtailcore_site" in query["sql"] for query in captured.captured_queries)
        assert f'href="{url}"' in response.content.decode() or f'action="{url}"' in response.content.decode()
    assert cache.get(SITE_ROOT_PATHS_CACHE_KEY, version=SITE_ROOT_PATHS_CACHE_VERSION) is None


@pytest.mark.django_db
def test_each_request_gets_its_own_copy_of_a_kept_live_page(django_assert_num_queries):
    """Routing reuses the page this worker read for the current generation (no query), yet every
    request gets its own copy: an attribute one request sets on its page is not on the next one's."""
    from django.contrib.auth.models import AnonymousUser
    from django.test import RequestFactory

    home = page_in(HomePage, "zh-hans")

    def routed():
        request = RequestFactory(HTTP_HOST="localhost").get(home.url)
        request.user = AnonymousUser()
        page_cache.prefetch_route(request)
        return request._wagtail_route_for_request[0]

    first = routed()
    first.left_by_a_previous_visitor = "secret"
    with django_assert_num_queries(0):
        second = routed()
    assert second.pk == home.pk and second is not first
    assert not hasattr(second, "left_by_a_previous_visitor")


@pytest.mark.django_db
def test_the_benchs_first_request_after_a_publish_is_rendered_afresh_without_changing_the_shared_generation(
    settings,
):
    """The bench's "first request after a publish" (settings.BENCH_MODE only) sees a generation that
    nothing was kept under, as after another worker's publish, without writing one itself."""
    settings.BENCH_MODE = True
    warm(Client(), "/zh-hans/")
    generation = current_generation()
    for _ in range(2):
        response = Client().get("/zh-hans/", HTTP_X_BENCH_INVALIDATE="1")
        assert response.status_code == 200 and response["X-Page-Cache"] == "miss"
    assert cache.get("public-site:generation") == generation
    Client().get("/zh-hans/")  # stored again under the real generation
    assert Client().get("/zh-hans/")["X-Page-Cache"] == "hit"
