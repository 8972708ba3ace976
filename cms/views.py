"""Site-wide views that are not pages: error handlers and /.well-known/ files."""

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.template import loader
from django.utils import timezone


def bad_request(request, exception, template_name="400.html"):
    """Django's 400 handler, without its `requires_csrf_token` decorator.

    That decorator re-runs the CSRF check, which reads request.POST again; when the body itself was
    the problem (e.g. a form posted as UTF-16) the second read raises inside the handler and the
    client gets a 500. The 400 page has no form, so it needs no CSRF token.

    A Host header the site does not serve (DisallowedHost) is rendered without the request: the
    page's header and footer would ask for the host again, and that second refusal was a 500."""
    if isinstance(exception, DisallowedHost):
        request = None
    return HttpResponseBadRequest(loader.get_template(template_name).render(request=request))


def not_found(request, *args, **kwargs):
    raise Http404


SECURITY_TXT_VALID_DAYS = 180


def security_txt(request):
    """/.well-known/security.txt (RFC 9116), with the contact from the organisation details
    (their security contact, else their contact e-mail); 404 while neither is filled in."""
    from home.models import OrganisationDetails

    details = OrganisationDetails.objects.filter(locale__language_code=settings.LANGUAGE_CODE).first()
    details = details or OrganisationDetails.objects.order_by("pk").first()
    contact = details and (details.security_contact or details.contact_email)
    if not contact:
        raise Http404
    if "@" in contact and "://" not in contact:
        contact = f"mailto:{contact}"
    expires = timezone.now().replace(microsecond=0) + timedelta(days=SECURITY_TXT_VALID_DAYS)
    lines = [
        f"Contact: {contact}",
        f"Expires: {expires.strftime('%Y-%m-%dT%H:%M:%SZ')}",
        "Preferred-Languages: en, zh-Hans, zh-Hant",
        f"Canonical: {request.build_absolute_uri(request.path)}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
