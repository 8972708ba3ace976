from django.shortcuts import render
from django.views.decorators.cache import never_cache

from ..cases.receipts import format_receipt_code, take_receipt


@never_cache
def receipt(request):
    """The reference and the secret receipt code, shown once after a case is filed."""
    shown = take_receipt(request)
    context = {"receipt": shown}
    if shown:
        context["receipt_code"] = format_receipt_code(shown["code"])
    response = render(request, "forms_app/receipt.html", context, status=200 if shown else 410)
    response["Referrer-Policy"] = "no-referrer"
    return response
