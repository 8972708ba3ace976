import uuid

from django.conf import settings
from django.core.signals import request_finished
from django.dispatch import receiver
from django.middleware.csp import ContentSecurityPolicyMiddleware as DjangoCSPMiddleware
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.utils.cache import add_never_cache_headers

from .logs import request_id


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


class RequestIdMiddleware:
    """Gives each request a random id: in every log line written while serving it (cms.logs) and in
    the X-Request-ID response header, so an operator can find one request's lines. The id says
    nothing about the client; one sent by the client is ignored."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # Left set until the response is closed (request_finished below): Django logs a 4xx/5xx
        # response after the middleware chain has returned, and that line belongs to the request.
        request_id.set(uuid.uuid4().hex)
        response = self.get_response(request)
        response["X-Request-ID"] = request_id.get()
        return response


@receiver(request_finished)
def _forget_request_id(**kwargs):
    request_id.set("-")


class OnionLocationMiddleware:
    """Sends `Onion-Location: <ONION_LOCATION><path>` with public HTML pages, so Tor Browser offers
    the site's .onion address. Never on the admin, never on non-HTML responses, and not when the
    visitor is already on the .onion host."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        onion = settings.ONION_LOCATION
        if (
            onion
            and not request.path.startswith(settings.ADMIN_URL_PREFIX)
            and response.get("Content-Type", "").startswith("text/html")
            and not request.META.get("HTTP_HOST", "").split(":")[0].endswith(".onion")
        ):
            response["Onion-Location"] = onion + request.path
        return response


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
