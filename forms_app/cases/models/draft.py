"""A claimant's unfinished form: answers and evidence kept between steps, sealed with its own key.

A draft is not a case: it is never listed in the review queue, never exported or counted, and it
is erased when its case is filed, when the claimant abandons it past DRAFT_RETENTION_DAYS
(``manage.py purge_drafts``), or when it is found expired.
"""

import datetime
import json
import uuid

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .. import crypto, evidence_store


def draft_expiry():
    return timezone.now() + datetime.timedelta(days=settings.DRAFT_RETENTION_DAYS)


class DraftQuerySet(models.QuerySet):
    def expired(self, now=None):
        return self.filter(expires_at__lte=now or timezone.now())

    def live(self, now=None):
        return self.filter(expires_at__gt=now or timezone.now())

    def erase(self):
        """Delete the drafts, their evidence rows and then their files. Returns how many drafts."""
        names = list(DraftEvidence.objects.filter(draft__in=self).values_list("working_file", "original_file"))
        _total, per_model = self.filter().delete()
        files = [name for pair in names for name in pair if name]
        # Files are not transactional: removed once the rows are gone for good.
        transaction.on_commit(lambda: evidence_store.delete_files(files))
        return per_model.get(Draft._meta.label, 0)


class Draft(models.Model):
    """Plain columns say only which form, when, and when it expires; everything the claimant
    typed or chose is in ``sealed_state``, sealed with a key the database does not hold."""

    token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    form_translation_key = models.UUIDField(editable=False, db_index=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(default=timezone.now, editable=False)
    expires_at = models.DateTimeField(default=draft_expiry, db_index=True, editable=False)
    # JSON {"step": n, "data": {post key: [values]}}, sealed with the draft key.
    sealed_state = models.BinaryField(editable=False, default=b"")
    # Keyed hash of the draft code (when the claimant asked for one) and the draft key sealed with the code.
    code_hash = models.CharField(max_length=64, unique=True, null=True, blank=True, editable=False)
    code_sealed_key = models.BinaryField(null=True, blank=True, editable=False)

    objects = DraftQuerySet.as_manager()

    class Meta:
        verbose_name = _("draft")
        verbose_name_plural = _("drafts")

    def __str__(self):
        return str(self.token)

    def context_for(self, purpose):
        return f"draft:{self.token}:{purpose}".encode()

    def seal(self, key, purpose, plaintext: bytes) -> bytes:
        return crypto.seal(key, plaintext, self.context_for(purpose))

    def open(self, key, purpose, sealed) -> bytes:
        return crypto.open_sealed(key, bytes(sealed), self.context_for(purpose))

    def read_state(self, key) -> dict:
        if not self.sealed_state:
            return {}
        return json.loads(self.open(key, "state", self.sealed_state))

    def write_state(self, key, state: dict):
        self.sealed_state = self.seal(key, "state", json.dumps(state, ensure_ascii=False).encode())
        self.updated_at = timezone.now()
        self.expires_at = draft_expiry()

    @property
    def expired(self):
        return self.expires_at <= timezone.now()


class DraftEvidence(models.Model):
    """A file already uploaded (and cleaned) for a draft: the working copy and the original, each
    sealed with the draft key in the evidence storage; its name, type, size and hashes sealed here."""

    draft = models.ForeignKey(Draft, on_delete=models.CASCADE, related_name="evidence")
    field_name = models.CharField(max_length=255)
    working_file = models.CharField(max_length=255, editable=False)
    original_file = models.CharField(max_length=255, editable=False)
    sealed_details = models.BinaryField(editable=False)

    class Meta:
        verbose_name = _("draft evidence file")
        verbose_name_plural = _("draft evidence files")
        ordering = ["pk"]

    def __str__(self):
        return f"{self.draft_id} #{self.pk}"

    def purpose(self, part):
        return f"evidence:{self.working_file}:{part}"
