"""A case: one submission of an intake form, encrypted at rest (see forms_app.crypto)."""

import datetime
import hashlib
import json
import secrets

import orjson
from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from .. import crypto
from .fields import BucketSetField
from .wording import FormWording, WordingMismatch


def load_json(data: bytes):
    """Decrypted JSON, parsed with orjson (an export parses every case's answers); the standard
    module for what orjson refuses (integers beyond 64 bits)."""
    try:
        return orjson.loads(data)
    except orjson.JSONDecodeError:
        return json.loads(data)


# Sealed answers are padded to a multiple of this many bytes: ciphertext length tells little about
# how much a claimant wrote.
ANSWER_PADDING = 512

# Easy to read aloud and to type: no 0/O, 1/I/L, 5/S or U/V confusions.
REFERENCE_ALPHABET = "2346789ABCDEFGHJKMNPQRTWXYZ"


def new_reference():
    """e.g. WC-7K4Q-92XM: 27**8 (about 2.8e11) possibilities, so references are not guessable."""
    chars = "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(8))
    return f"WC-{chars[:4]}-{chars[4:]}"


class CaseType(models.TextChoices):
    PERSECUTION = "persecution", _("Persecution caused by WeChat censorship")
    ACCOUNT_CLOSURE = "account_closure", _("Financial loss from account closure")
    PRIVACY_CENSORSHIP = "privacy_censorship", _("Loss from privacy violation or censorship")
    INVESTOR = "investor", _("Investor loss")


class CaseStatus(models.TextChoices):
    NEW = "new", _("New")
    IN_REVIEW = "in_review", _("In review")
    NEEDS_INFORMATION = "needs_information", _("Needs information")
    # The claimant answered on "My case" (set by the reply, not chosen by staff).
    INFORMATION_RECEIVED = "information_received", _("Information received")
    MERIT = "merit", _("Merit")
    NO_MERIT = "no_merit", _("No merit")
    CONTACTED = "contacted", _("Contacted")
    PLAINTIFF = "plaintiff", _("Plaintiff")
    CLOSED = "closed", _("Closed")
    # Erased at the claimant's request: only a tombstone is left (forms_app.cases.erasure).
    WITHDRAWN = "withdrawn", _("Withdrawn")
    # Erased when its retention period ended: only a tombstone is left (forms_app.cases.retention).
    ERASED = "erased", _("Erased after its retention period")


class Case(models.Model):
    """Plain columns hold only what the review queue filters on; the claimant's story, name,
    contacts and files are sealed with the case's own data key."""

    reference = models.CharField(_("reference"), max_length=16, unique=True, default=new_reference, editable=False)
    # Indexed in Meta.indexes only: every index is written on each filing, and Django's own for a
    # CharField comes with a second one for LIKE patterns, which these exact values never need.
    case_type = models.CharField(_("case type"), max_length=32, choices=CaseType.choices)
    status = models.CharField(_("status"), max_length=32, choices=CaseStatus.choices, default=CaseStatus.NEW)
    language = models.CharField(_("claimant's language"), max_length=16, choices=settings.LANGUAGES)
    submitted_at = models.DateTimeField(_("submitted"), default=timezone.now)
    last_activity_at = models.DateTimeField(_("last activity"), default=timezone.now, db_index=True)
    form_page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )
    form_translation_key = models.UUIDField(_("form"), editable=False, db_index=True)
    evidence_count = models.PositiveSmallIntegerField(_("evidence files"), default=0)
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_cases",
        verbose_name=_("assigned to"),
    )

    # Something the claimant sent from "My case" that no reviewer has opened yet.
    claimant_activity_unread = models.BooleanField(_("unread claimant activity"), default=False, db_index=True)
    # Legal hold: nothing is erased or deleted (withdrawal, staff deletion, retention) while set.
    legal_hold = models.BooleanField(_("legal hold"), default=False, db_index=True)
    legal_hold_reason = models.BinaryField(blank=True, default=b"", editable=False)  # sealed
    legal_hold_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    legal_hold_at = models.DateTimeField(_("legal hold since"), null=True, blank=True)
    # The claimant asked to withdraw while the case was held: counsel must contact them.
    withdrawal_requested_at = models.DateTimeField(_("withdrawal requested"), null=True, blank=True)
    # Erased (withdrawn, or at the end of its retention period: the status says which): the case
    # is a tombstone (reference, type, language, dates). The name predates retention.
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)

    # The date by which counsel would need to act, from the incident dates and the case type's
    # limitation rule (forms_app.intake.limitation): plain, so the queue sorts on it without decrypting.
    limitation_date = models.DateField(_("act by"), null=True, blank=True, db_index=True, editable=False)

    # Envelope encryption: the data key, wrapped by the master key named by key_id.
    key_id = models.CharField(max_length=32, editable=False)
    wrapped_key = models.BinaryField(editable=False)
    # JSON {"answers": {key: value}, "wording": FormWording key}, sealed. (Cases filed before
    # FormWording carry {"questions": {key: wording the claimant saw}} instead of "wording".)
    sealed_answers = models.BinaryField(editable=False)
    wording = models.ForeignKey(
        FormWording,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        editable=False,
        db_index=False,  # case_wording_idx
    )
    # Blind search index (forms_app.cases.indexing): truncated keyed hashes of the words, padded with
    # random values to a fixed size; and, sealed with the case key, what confirms a candidate.
    search_buckets = BucketSetField(default=list, editable=False)
    sealed_index = models.BinaryField(editable=False, default=b"")
    # Keyed hash of the secret receipt code; the code itself is never stored.
    receipt_code_hash = models.CharField(max_length=64, editable=False)  # unique: case_receipt_code_unique

    class Meta:
        verbose_name = _("case")
        verbose_name_plural = _("cases")
        ordering = ["-submitted_at", "-pk"]
        indexes = [
            # Also the case type filter's and counts' index (case_type leads).
            models.Index(fields=["case_type", "status", "-submitted_at"], name="case_queue_idx"),
            # The queue's default order and its status filter, walked index-only to a deep page.
            models.Index(fields=["-submitted_at", "-id"], name="case_submitted_order_idx"),
            models.Index(fields=["status", "-submitted_at", "-id"], name="case_status_order_idx"),
            # The language filter's count reads it index-only (the rows carry sealed columns).
            models.Index(fields=["language"], name="case_language_idx"),
            models.Index(fields=["wording"], name="case_wording_idx"),
        ]
        constraints = [models.UniqueConstraint(fields=["receipt_code_hash"], name="case_receipt_code_unique")]
        # view_case lets reviewers read and triage; these separate what only some staff may do.
        permissions = [
            ("download_evidence", _("Can download evidence files")),
            ("assign_case", _("Can assign cases to reviewers")),
            ("export_case", _("Can export cases")),
            ("hold_case", _("Can place and lift legal holds")),
            ("verify_receipt", _("Can verify receipt codes")),
        ]

    def __str__(self):
        return self.reference

    @property
    def is_erased(self):
        return self.withdrawn_at is not None

    # --- encryption -----------------------------------------------------------------------
    def create_data_key(self):
        key = crypto.new_data_key()
        self.key_id, self.wrapped_key = crypto.wrap_data_key(key, self.reference)
        self.__dict__["data_key"] = key
        return key

    @cached_property
    def data_key(self):
        return crypto.unwrap_data_key(self.key_id, bytes(self.wrapped_key), self.reference)

    def context_for(self, purpose):
        return f"case:{self.reference}:{purpose}".encode()

    def seal(self, purpose, plaintext: bytes) -> bytes:
        return crypto.seal(self.data_key, plaintext, self.context_for(purpose))

    def open(self, purpose, sealed: bytes) -> bytes:
        return crypto.open_sealed(self.data_key, bytes(sealed), self.context_for(purpose))

    def rewrap_key(self):
        """Wrap the same data key with the current master key (key rotation); data is untouched."""
        key = self.data_key
        self.key_id, self.wrapped_key = crypto.wrap_data_key(key, self.reference)

    def set_answers(self, answers: dict, questions: dict, wording_key=None):
        """Seal the answers; the wording is stored once (FormWording) and referenced by its key.
        ``wording_key`` skips storing it when the caller already has (bulk creation)."""
        key = wording_key or FormWording.store(questions)
        self.wording_id = key
        payload = json.dumps({"answers": answers, "wording": key}, ensure_ascii=False, sort_keys=True).encode()
        payload += b" " * (-len(payload) % ANSWER_PADDING)
        self.sealed_answers = self.seal("answers", payload)
        self.__dict__["answer_payload"] = json.loads(payload)

    @cached_property
    def answer_payload(self):
        if not self.sealed_answers:  # erased: a tombstone has no answers
            return {"answers": {}, "questions": {}}
        return load_json(self.open("answers", self.sealed_answers))

    @property
    def answers(self):
        return self.answer_payload["answers"]

    @property
    def questions_as_seen(self):
        """{answer key: {"label", "help_text", "field_type", "choices"?}} as the claimant saw them."""
        payload = self.answer_payload
        if "questions" in payload:  # filed before FormWording
            return payload["questions"]
        if payload["wording"] != self.wording_id:
            raise WordingMismatch(self.pk)
        return FormWording.questions_for(payload["wording"])


class EvidenceTampered(Exception):
    """An evidence row, its sealed manifest or its file do not agree: someone changed one of them."""


class Evidence(models.Model):
    """One uploaded file. Stored sealed, under a generated name, in private storage with no URL.

    The chain-of-custody record (SHA-256 of the copy as uploaded and of the working copy, when, and
    the file's kind, type, size and whether metadata was removed) is a manifest sealed with the case
    key: a database dump shows no hash that could confirm a file taken from a phone was submitted,
    and a database writer cannot change the plain columns without the manifest disagreeing.
    """

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="evidence")
    kind = models.CharField(_("kind"), max_length=16)
    size = models.PositiveIntegerField(_("size in bytes"))
    sealed_display_name = models.BinaryField(editable=False)
    working_file = models.CharField(max_length=255, editable=False)
    working_mime = models.CharField(max_length=100)
    working_extension = models.CharField(max_length=16)
    original_file = models.CharField(max_length=255, blank=True, editable=False)
    original_mime = models.CharField(max_length=100)
    metadata_removed = models.BooleanField(_("metadata removed"), default=True)
    sealed_manifest = models.BinaryField(editable=False, default=b"")
    # Sent later from "My case" (None: with the intake form).
    reply = models.ForeignKey(
        "forms_app.ClaimantReply", null=True, blank=True, on_delete=models.SET_NULL, related_name="evidence"
    )

    # Plain columns that the manifest vouches for.
    MANIFEST_COLUMNS = ("kind", "size", "working_mime", "working_extension", "original_mime", "metadata_removed")

    class Meta:
        verbose_name = _("evidence file")
        verbose_name_plural = _("evidence files")
        ordering = ["pk"]

    def __str__(self):
        return f"{self.case.reference} #{self.pk}"

    @property
    def has_original(self):
        return bool(self.original_file)

    def purpose(self, part):
        return f"evidence:{self.working_file}:{part}"

    @property
    def display_name(self):
        return self.case.open(self.purpose("name"), self.sealed_display_name).decode()

    def seal_manifest(self, working_sha256, original_sha256, hashed_at=None):
        manifest = {column: getattr(self, column) for column in self.MANIFEST_COLUMNS}
        manifest.update(
            working_sha256=working_sha256,
            original_sha256=original_sha256,
            hashed_at=(hashed_at or timezone.now()).isoformat(),
        )
        self.sealed_manifest = self.case.seal(self.purpose("manifest"), json.dumps(manifest).encode())
        self.__dict__["manifest"] = manifest

    @cached_property
    def manifest(self):
        """The sealed manifest; EvidenceTampered if it fails to open or disagrees with the row."""
        try:
            manifest = json.loads(self.case.open(self.purpose("manifest"), self.sealed_manifest))
        except (crypto.DecryptionError, ValueError) as error:
            raise EvidenceTampered(self.pk) from error
        if any(manifest.get(column) != getattr(self, column) for column in self.MANIFEST_COLUMNS):
            raise EvidenceTampered(self.pk)
        return manifest

    @property
    def working_sha256(self):
        return self.manifest["working_sha256"]

    @property
    def original_sha256(self):
        return self.manifest["original_sha256"]

    @property
    def hashed_at(self):
        return datetime.datetime.fromisoformat(self.manifest["hashed_at"])

    def check_file(self, copy, plaintext):
        """Raise EvidenceTampered unless ``plaintext`` is the ``copy`` ("working"/"original") hashed at upload."""
        if hashlib.sha256(plaintext).hexdigest() != self.manifest[f"{copy}_sha256"]:
            raise EvidenceTampered(self.pk)


class ReportedLoss(models.Model):
    """A money amount from a case's answers, kept as a plain number for the loss statistics.

    Amounts alone identify no one; the claimant's story and name stay sealed in the case.
    """

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="reported_losses")
    question_key = models.CharField(_("question"), max_length=255)
    currency = models.CharField(_("currency"), max_length=8, db_index=True)
    amount = models.DecimalField(_("amount"), max_digits=18, decimal_places=2)
    # False for a purchase or sale (a question whose role is "transaction"): shown, never summed as a loss.
    is_loss = models.BooleanField(_("is a loss"), default=True)

    class Meta:
        verbose_name = _("reported loss")
        verbose_name_plural = _("reported losses")

    def __str__(self):
        return f"{self.amount} {self.currency}"
