""" "My case": the claimant's own pages, opened with the receipt code (see mycase_access).

They show the reference, the status in plain words, the reviewers' questions and the claimant's
replies, and a list of what was sent (dates, number and size of files): never the answers, the
contact details or the files themselves, so a stolen code exposes little. Every response is
``Cache-Control: no-store`` and ``Referrer-Policy: no-referrer``; no form is autofilled. The code,
reply and evidence forms carry the intake's human check (human_check.MY_CASE).
"""

from functools import wraps

from django.contrib import messages
from django.forms.utils import ErrorDict
from django.middleware.csrf import CsrfViewMiddleware
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.decorators import decorator_from_middleware
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.debug import sensitive_post_parameters, sensitive_variables
from django.views.decorators.http import require_http_methods, require_POST

from ..cases import activity, erasure
from ..cases.models import ClaimantReply, ConsentUse, Evidence
from ..cases.receipts import find_case
from . import mycase_access as access
from .human_check import MY_CASE, altcha_widget_strings, submission_guard
from .mycase_actions import send, set_consent
from .mycase_forms import ConsentsForm, ContactForm, EvidenceForm, ReceiptCodeForm, ReplyForm, WithdrawForm
from .status_texts import status_text
from .submission import SubmissionFailed

THROTTLED = {
    access.CLIENT: _(
        "Too many wrong codes have been tried from your connection. For your safety, please wait "
        "15 minutes and try again."
    ),
    access.SITE: _(
        "Too many wrong codes have been tried on this site in the last hour, so we have paused checking "
        "codes for everyone. Please try again in an hour."
    ),
}
WRONG_CODE = _(
    "This code does not open any case. Check the 20 digits on your receipt and try again. "
    "A lost code cannot be recovered; you can send a new case instead."
)
SESSION_ENDED = _("Your session on My case has ended. Enter your receipt code again to continue.")
WITHDRAWN = _("This case has been withdrawn.")


class NoReferrerCsrf(CsrfViewMiddleware):
    """Django's CSRF check for pages sent with ``Referrer-Policy: no-referrer``: browsers then post
    their forms with ``Origin: null`` (and no Referer), which Django's origin check refuses. The
    CSRF token is still required, and the cookies are SameSite=Lax."""

    def _origin_verified(self, request):
        return request.META.get("HTTP_ORIGIN") == "null" or super()._origin_verified(request)


csrf_protect_no_referrer = decorator_from_middleware(NoReferrerCsrf)


def private(view):
    """Nothing kept by the browser or proxies, and no address of ours handed to another site; an
    error report (mail to ADMINS, a debug page) shows neither what was posted (a receipt code, a
    reply) nor any local variable of the view or of what it calls."""

    protected = csrf_protect_no_referrer(never_cache(sensitive_post_parameters()(sensitive_variables()(view))))

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        response = protected(request, *args, **kwargs)
        response["Cache-Control"] = "no-store, no-cache, must-revalidate, private, max-age=0"
        response["Referrer-Policy"] = "no-referrer"
        return response

    # The site-wide CSRF middleware steps aside: NoReferrerCsrf checks these views.
    return csrf_exempt(wrapped)


def with_case(view):
    """Only inside an open My-case session; otherwise back to the code form."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        case, ended = access.current_case(request)
        if case is None:
            if ended:
                messages.info(request, SESSION_ENDED)
            return redirect("forms_app:mycase")
        return view(request, case, *args, **kwargs)

    return private(wrapped)


def url(name, *args):
    return reverse(f"forms_app:{name}", args=args)


# --- Entering and leaving ------------------------------------------------------------------------
@private
@require_http_methods(["GET", "POST"])
def enter(request):
    """The receipt-code form. The code is checked only when no throttle applies."""
    if request.method == "GET":
        case, _ended = access.current_case(request)
        if case is not None:
            return redirect("forms_app:mycase_case")
        return render(request, "forms_app/mycase/enter.html", {"form": ReceiptCodeForm(), **human_check_context()})
    form = ReceiptCodeForm(request.POST)
    status = 200
    scope = access.throttled(request)
    if scope is not None:
        form.is_valid()
        form.add_error(None, THROTTLED[scope])
        status = 429
    else:
        with submission_guard(request, MY_CASE) as guard:
            if guard.refusal is not None:
                form.is_valid()
                form.add_error(None, guard.refusal.message)
                status = guard.refusal.status
            elif form.is_valid():
                # A code was tried: right or wrong, the form's token is used up.
                guard.accept()
                case = find_case(form.cleaned_data["code"])
                if case is not None:
                    access.enter(request, case)
                    return redirect("forms_app:mycase_case")
                access.count_wrong_code(request)
                form.add_error("code", WRONG_CODE)
    # Like the intake form, a form with errors is a page (200), so browsers show it as one.
    # The code is never shown back: a wrong one must be typed again.
    form.data = form.data.copy()
    form.data["code"] = ""
    return render(request, "forms_app/mycase/enter.html", {"form": form, **human_check_context()}, status=status)


@private
@require_POST
def leave(request):
    access.leave(request)
    messages.success(request, gettext("You have left My case. Nothing about your case is kept in this browser."))
    return redirect("forms_app:mycase")


# --- The case ------------------------------------------------------------------------------------
def sent_items(case):
    """What the claimant sent, oldest first: [{"when", "kind", "files": [sizes], "text"?}]."""
    sizes_by_reply = {}
    filed_sizes = []
    for reply_id, size in Evidence.objects.filter(case=case).values_list("reply_id", "size").order_by("pk"):
        (sizes_by_reply.setdefault(reply_id, []) if reply_id else filed_sizes).append(size)
    items = [{"when": case.submitted_at, "kind": "case", "sizes": filed_sizes}]
    for reply in ClaimantReply.objects.filter(case=case):
        kind = "reply" if reply.question_id else "evidence"
        items.append({"when": reply.created_at, "kind": kind, "sizes": sizes_by_reply.get(reply.pk, [])})
    return items


def questions_with_replies(case, language, bound=None):
    """[{"question", "language", "text", "replies", "form", "open"}]; ``bound`` is a reply form sent
    with errors, shown (open) under its question."""
    replies = {}
    for reply in ClaimantReply.objects.filter(case=case, question__isnull=False):
        reply.case = case  # the case key is unwrapped once
        replies.setdefault(reply.question_id, []).append(reply)
    shown = []
    for question in case.reviewer_questions.all():
        question.case = case
        text_language, text = question.text_for(language)
        is_bound = bound is not None and bound.prefix == reply_prefix(question)
        shown.append(
            {
                "question": question,
                "language": text_language,
                "text": text,
                "replies": replies.get(question.pk, []),
                "form": bound if is_bound else ReplyForm(prefix=reply_prefix(question)),
                "open": is_bound or not replies.get(question.pk),
            }
        )
    return shown


def reply_prefix(question):
    return f"q{question.pk}"


def case_context(case, reply_form=None, evidence_form=None):
    language = get_language()
    return {
        "case": case,
        "status_text": status_text(case.status, language),
        "questions": questions_with_replies(case, language, reply_form),
        "sent": sent_items(case),
        "evidence_form": evidence_form or EvidenceForm(prefix="evidence"),
        **human_check_context(),
    }


def human_check_context():
    return {"altcha_strings": altcha_widget_strings()}


@with_case
@require_http_methods(["GET"])
def overview(request, case):
    return render(request, "forms_app/mycase/case.html", case_context(case))


def _sent_or_error(request, case, form, anchor, send_kwargs):
    """Send a reply or evidence once the human check passes; else the page again with the errors."""
    with submission_guard(request, MY_CASE) as guard:
        if guard.refusal is not None:
            # Refused before validation: no file is read, the text is shown again.
            form.cleaned_data, form._errors = {}, ErrorDict()
            form.add_error(None, guard.refusal.message)
            return _with_errors(request, case, form, guard.refusal.status)
        if form.is_valid():
            try:
                send(case, uploads=form.cleaned_data.get("files") or [], **send_kwargs(form.cleaned_data))
            except SubmissionFailed as failure:
                form.add_error(None, failure.message)
            except activity.CaseWithdrawn:
                access.leave(request)
                messages.info(request, WITHDRAWN)
                return redirect("forms_app:mycase")
            else:
                guard.accept()
                messages.success(request, gettext("Thank you. What you sent has reached the reviewers."))
                return redirect(url("mycase_case") + anchor)
    too_large = ("file_too_large", "case_too_large")
    status = 413 if any(error.code in too_large for error in form.errors.as_data().get("files", [])) else 400
    return _with_errors(request, case, form, status)


def _with_errors(request, case, form, status):
    if isinstance(form, ReplyForm):
        context = case_context(case, reply_form=form)
    else:
        context = case_context(case, evidence_form=form)
    return render(request, "forms_app/mycase/case.html", context, status=status)


@with_case
@require_POST
def reply(request, case, question):
    question = get_object_or_404(case.reviewer_questions, uuid=question)
    question.case = case
    form = ReplyForm(request.POST, request.FILES, prefix=reply_prefix(question), request=request)
    return _sent_or_error(
        request,
        case,
        form,
        f"#question-{question.pk}",
        send_kwargs=lambda data: {"question": question, "text": data["text"]},
    )


@with_case
@require_POST
def add_evidence(request, case):
    form = EvidenceForm(request.POST, request.FILES, prefix="evidence", request=request)
    return _sent_or_error(request, case, form, "#add-evidence", send_kwargs=lambda data: {"text": data["note"]})


# --- Contact, consents, withdrawal ---------------------------------------------------------------
@with_case
@require_http_methods(["GET", "POST"])
def contact(request, case):
    current = activity.contact_of(case)
    values = current.values if current else {"safe": [], "never": []}
    if request.method == "POST":
        form = ContactForm(request.POST, current_email=values.get("email", ""))
        if form.is_valid():
            new_values = form.apply_to(dict(values))
            try:
                changed = activity.set_contact(case, new_values)
            except activity.CaseWithdrawn:
                access.leave(request)
                return redirect("forms_app:mycase")
            if changed:
                messages.success(request, gettext("Your contact preferences have been saved."))
            else:
                messages.info(request, gettext("Nothing was changed."))
            return redirect("forms_app:mycase_case")
        status = 400
    else:
        form = ContactForm(initial={"safe": values.get("safe", []), "never": values.get("never", [])})
        status = 200
    context = {"case": case, "form": form, "changed_at": current.changed_at if current else None}
    return render(request, "forms_app/mycase/contact.html", context, status=status)


@with_case
@require_http_methods(["GET", "POST"])
def consents(request, case):
    current = activity.consents_of(case)
    if request.method == "POST":
        form = ConsentsForm(request.POST)
        if form.is_valid():
            changed = [use for use in ConsentUse.values if form.cleaned_data[use] != current[use].granted]
            try:
                for use in changed:
                    set_consent(case, use, form.cleaned_data[use])
            except activity.CaseWithdrawn:
                access.leave(request)
                return redirect("forms_app:mycase")
            messages.success(
                request, gettext("Your choices have been saved.") if changed else gettext("Nothing was changed.")
            )
            return redirect("forms_app:mycase_consents")
        status = 400
    else:
        form = ConsentsForm(initial={use: consent.granted for use, consent in current.items()})
        status = 200
    rows = [(form[use], current[use]) for use in ConsentUse.values]
    return render(request, "forms_app/mycase/consents.html", {"case": case, "form": form, "rows": rows}, status=status)


@with_case
@require_http_methods(["GET", "POST"])
def withdraw(request, case):
    if request.method == "POST":
        form = WithdrawForm(request.POST)
        if form.is_valid():
            outcome = erasure.withdraw(case)
            if outcome == erasure.WITHDRAWAL_RECORDED:
                messages.info(
                    request,
                    gettext(
                        "We have recorded your request to withdraw. Our lawyers will contact you through the "
                        "channel you said is safe."
                    ),
                )
                return redirect("forms_app:mycase_case")
            access.leave(request)
            context = {"reference": case.reference}
            return render(request, "forms_app/mycase/withdrawn.html", context)
        status = 400
    else:
        form = WithdrawForm()
        status = 200
    return render(request, "forms_app/mycase/withdraw.html", {"case": case, "form": form}, status=status)
