"""Evidence for reviewers: decrypted only inside a permission-checked view, never from a URL of the
storage itself, and always under a generated name.

Downloads are attachments named ``<reference>-<n>.<ext>`` (never the claimant's filename), with
``nosniff`` and ``no-store``. Image previews are the metadata-free working copy, served inline for
an ``<img>`` only, under a sandboxing Content-Security-Policy. Both are written to the audit log.
"""

import logging
from dataclasses import dataclass

from django.contrib import messages
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.views import View

from ..cases import evidence_store
from ..cases.crypto import DecryptionError
from ..cases.erasure import LegalHoldActive
from ..cases.models import Evidence, EvidenceTampered
from ..evidence import sniffing
from . import audit, operations, permissions

logger = logging.getLogger(__name__)
PREVIEW_MIMES = {"image/jpeg", "image/png", "image/gif", "image/webp"}
WORKING, ORIGINAL = "working", "original"
EXTENSIONS = {value.mime: value.extension for value in vars(sniffing).values() if isinstance(value, sniffing.FileType)}


@dataclass
class EvidenceRow:
    number: int
    evidence: Evidence
    preview_url: str | None
    download_url: str
    original_url: str | None
    delete_url: str = ""
    tampered: bool = False

    @property
    def display_name(self):
        return self.evidence.display_name


def evidence_rows(case, url_namespace):
    rows = []
    for number, evidence in enumerate(case.evidence.all(), start=1):
        evidence.case = case  # unwrap the case key once

        def url(name, *args, evidence=evidence):
            return reverse(f"{url_namespace}:{name}", args=[case.pk, evidence.pk, *args])

        try:
            tampered = not evidence.manifest
        except EvidenceTampered:
            tampered = True
        rows.append(
            EvidenceRow(
                number=number,
                evidence=evidence,
                tampered=tampered,
                preview_url=url("evidence_preview") if evidence.working_mime in PREVIEW_MIMES else None,
                download_url=url("evidence_download", WORKING),
                original_url=url("evidence_download", ORIGINAL) if evidence.has_original else None,
                delete_url=url("evidence_delete"),
            )
        )
    return rows


def protect(response):
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "no-store"
    response["Referrer-Policy"] = "no-referrer"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


class EvidenceFileView(View):
    """Base: the case and the evidence, 404 if they do not belong together (the gate in front has
    checked the download permission)."""

    http_method_names = ["get"]

    @cached_property
    def case(self):
        return get_object_or_404(permissions.cases_visible_to(self.request.user), pk=self.kwargs["pk"])

    @cached_property
    def evidence_and_number(self):
        ids = list(self.case.evidence.values_list("pk", flat=True))
        if self.kwargs["evidence_id"] not in ids:
            raise Http404
        evidence = Evidence.objects.get(pk=self.kwargs["evidence_id"])
        evidence.case = self.case
        return evidence, ids.index(evidence.pk) + 1

    def read(self, evidence, copy):
        stored_name = evidence.working_file if copy == WORKING else evidence.original_file
        if not stored_name:
            raise Http404
        try:
            sealed = evidence_store.read_sealed(stored_name)
        except FileNotFoundError as error:
            raise Http404 from error
        plaintext = self.case.open(evidence.purpose(copy), sealed)
        evidence.check_file(copy, plaintext)  # the chain of custody, checked on every read
        return plaintext

    def dispatch(self, request, *args, **kwargs):
        try:
            return super().dispatch(request, *args, **kwargs)
        except (EvidenceTampered, DecryptionError):
            # Never hand over a file whose record or content changed since it was received.
            logger.error("Evidence failed its integrity check: case %s", self.kwargs.get("pk"))
            return HttpResponse(
                gettext("This file failed its integrity check and is not shown. Tell an administrator."),
                status=409,
                content_type="text/plain; charset=utf-8",
            )


class EvidencePreviewView(EvidenceFileView):
    def get(self, request, *args, **kwargs):
        evidence, number = self.evidence_and_number
        if evidence.working_mime not in PREVIEW_MIMES:
            raise Http404
        response = protect(HttpResponse(self.read(evidence, WORKING), content_type=evidence.working_mime))
        response["Content-Disposition"] = "inline"
        response["Cross-Origin-Resource-Policy"] = "same-origin"
        audit.log_case_action(
            self.case, audit.EVIDENCE_PREVIEW, request.user, {"evidence": evidence.pk, "number": number}
        )
        return response


class EvidenceDownloadView(EvidenceFileView):
    def get(self, request, *args, **kwargs):
        copy = self.kwargs["copy"]
        if copy not in (WORKING, ORIGINAL):
            raise Http404
        evidence, number = self.evidence_and_number
        if copy == WORKING:
            mime, extension = evidence.working_mime, evidence.working_extension
        else:
            mime, extension = evidence.original_mime, EXTENSIONS.get(evidence.original_mime, "bin")
        data = self.read(evidence, copy)
        response = protect(HttpResponse(data, content_type=mime or "application/octet-stream"))
        suffix = "" if copy == WORKING else "-original"
        filename = f"{self.case.reference}-{number}{suffix}.{extension or 'bin'}"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        operations.record_evidence_download(self.case, evidence, number, copy, request.user)
        return response


class EvidenceDeleteView(EvidenceFileView):
    """POST from the case page's evidence table (the gate in front requires the delete permission:
    case managers). Deletes the working copy, the original and the row; refused under legal hold."""

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        evidence, number = self.evidence_and_number
        detail_url = reverse("forms_app_review:detail", args=[self.case.pk]) + "#evidence"
        try:
            deleted = operations.delete_evidence(self.case, evidence, number, request.user)
        except LegalHoldActive:
            refusal = gettext(
                "This case is under legal hold: its evidence cannot be deleted until the hold is lifted."
            )
            messages.error(request, refusal)
            return HttpResponseRedirect(detail_url)
        if deleted:
            messages.success(request, gettext("Evidence file %(number)s deleted.") % {"number": number})
        return HttpResponseRedirect(detail_url)
