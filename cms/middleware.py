from django.conf import settings
from django.middleware.csp import ContentSecurityPolicyMiddleware as DjangoCSPMiddleware
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware


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
