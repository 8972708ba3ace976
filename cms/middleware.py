from django.conf import settings
from django.middleware.csp import ContentSecurityPolicyMiddleware as DjangoCSPMiddleware
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.utils.cache import add_never_cache_headers


class ContentSecurityPolicyMiddleware(DjangoCSPMiddleware):
    """Django's CSP middleware, with Wagtail's admin given the looser policy it needs."""

    def process_response(self, request, response):
        if request.path.startswith(settings.ADMIN_URL_PREFIX) and not hasattr(response, "_csp_config"):
            response._csp_config = settings.ADMIN_CSP
        return super().process_response(request, response)


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's LocaleMiddleware, except that a 404 under the admin (which has no language prefix)
    is left alone: Django would redirect it to /en/admin/..., where Wagtail's public catch-all
    answers instead of the admin."""

    def process_response(self, request, response):
        if response.status_code == 404 and request.path.startswith(settings.ADMIN_URL_PREFIX):
            return response
        return super().process_response(request, response)


class NoStoreFormsMiddleware:
    """Pages holding a form, and every answer to a POST, are never stored by the browser or a proxy.

    A re-rendered intake form echoes what the claimant typed (a +86 phone number, a name); a
    browser cache or the back button on a shared or seized phone must not bring it back. "Holds
    a form" means the page asked for a CSRF token. Must sit after CsrfViewMiddleware in MIDDLEWARE
    (it reads the token flag before that middleware clears it).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.method not in ("GET", "HEAD") or request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
            add_never_cache_headers(response)
        return response
