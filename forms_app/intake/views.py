import time

from django.conf import settings
from django.core.cache import cache
from django.shortcuts import redirect, render
from django.utils.translation import gettext
from django.views.decorators.cache import never_cache
from wagtail.models import Locale

from ..cases.crypto import keyed_hash
from ..cases.receipts import forget_receipt, format_receipt_code, take_receipt
from .abuse import client_key, increment
from .drafts import resume_with_code


@never_cache
def receipt(request):
    """The reference and the secret receipt code, shown once after a case is filed."""
    shown = take_receipt(request)
    context = {"receipt": shown}
    if shown:
        context["receipt_code"] = format_receipt_code(shown["code"])
    response = render(request, "forms_app/receipt.html", context, status=200 if shown else 410)
    forget_receipt(response)
    response["Referrer-Policy"] = "no-referrer"
    return response


def _wrong_code_bucket(request):
    window = settings.INTAKE_RATE_WINDOW_SECONDS
    slot = int(time.time() // window)
    return "draft-code:" + keyed_hash("draft-code-attempts", f"{client_key(request)}|{slot}")[:32], window


def _too_many_wrong_codes(request):
    key, _window = _wrong_code_bucket(request)
    return (cache.get(key) or 0) >= settings.DRAFT_CODE_ATTEMPTS


def _count_wrong_code(request):
    key, window = _wrong_code_bucket(request)
    increment(key, window)


def _form_url(draft):
    """The draft's form in the visitor's language, else in any language it is live in."""
    from .models import IntakeFormPage

    pages = IntakeFormPage.objects.live().filter(translation_key=draft.form_translation_key)
    page = pages.filter(locale=Locale.get_active()).first() or pages.first()
    return page.url if page else None


@never_cache
def resume_draft(request):
    """Continue a saved form with its draft code (POST only carries the code; never in a URL).

    Wrong codes are counted per client (a keyed hash of the address, in the cache, for
    INTAKE_RATE_WINDOW_SECONDS); after DRAFT_CODE_ATTEMPTS of them, every code is refused until the
    window ends, so codes cannot be guessed.
    """
    context, status = {}, 200
    if request.method == "POST":
        if _too_many_wrong_codes(request):
            context["error"] = gettext("Too many wrong codes from your connection. Please wait an hour and try again.")
            status = 429
        else:
            draft = resume_with_code(request, request.POST.get("draft_code", ""))
            url = _form_url(draft) if draft else None
            if url:
                return redirect(url)
            _count_wrong_code(request)
            context["error"] = gettext(
                "This code does not open a saved form. Check it and try again; saved forms are erased after "
                "%(days)s days."
            ) % {"days": settings.DRAFT_RETENTION_DAYS}
            status = 400
    response = render(request, "forms_app/resume_draft.html", context, status=status)
    response["Referrer-Policy"] = "no-referrer"
    return response
