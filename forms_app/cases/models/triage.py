"""What the review queue adds to a case: its timeline, tags, merit score and blind indexes.

Nothing here holds a claimant's words in clear. Free text typed by staff (notes, reasons) is sealed
with the case's own data key, like the answers; contact identifiers are stored only as keyed
hashes, and the search index as truncated hashes on the case (see forms_app.cases.indexing).
"""

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .case import Case, CaseStatus


class CaseEventKind(models.TextChoices):
    STATUS = "status", _("Status changed")
    ASSIGN = "assign", _("Assignment changed")
    NOTE = "note", _("Internal note")
    TAGS = "tags", _("Tags changed")
    SCORE = "score", _("Merit score changed")
    EVIDENCE_DOWNLOAD = "evidence_download", _("Evidence downloaded")
    QUESTION = "question", _("Question to the claimant")
    REPLY = "reply", _("Reply from the claimant")
    EVIDENCE_ADDED = "evidence_added", _("Evidence added by the claimant")
    CONSENT = "consent", _("Consent changed")
    CONTACT = "contact", _("Contact preferences changed")
    WITHDRAWAL_REQUESTED = "withdrawal_requested", _("Withdrawal requested")
    WITHDRAWN = "withdrawn", _("Withdrawn and erased")
    HOLD_PLACED = "hold_placed", _("Legal hold placed")
    HOLD_LIFTED = "hold_lifted", _("Legal hold lifted")
    RECEIPT_VERIFIED = "receipt_verified", _("Receipt code checked")
    RETENTION_ERASED = "retention_erased", _("Erased after its retention period")
    EVIDENCE_DELETED = "evidence_deleted", _("Evidence file deleted")


class CaseEvent(models.Model):
    """One thing that happened to a case, for the timeline on its page.

    The audit log (Wagtail's ModelLogEntry) records the same actions for the site history;
    this model adds what the log must not hold: the sealed text of notes and reasons.
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="events")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("when"), default=timezone.now)
    kind = models.CharField(_("kind"), max_length=32, choices=CaseEventKind.choices)
    from_status = models.CharField(max_length=32, choices=CaseStatus.choices, blank=True)
    to_status = models.CharField(max_length=32, choices=CaseStatus.choices, blank=True)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Done by the claimant on "My case" (actor is then empty).
    by_claimant = models.BooleanField(default=False)
    # Non-identifying details: tag names added/removed, scores, evidence numbers.
    data = models.JSONField(default=dict, blank=True)
    # A note's body or a status change's reason, sealed with the case key ("note:<uuid>").
    sealed_text = models.BinaryField(blank=True, default=b"", editable=False)

    class Meta:
        verbose_name = _("case event")
        verbose_name_plural = _("case events")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["case", "-created_at"], name="case_event_timeline_idx")]

    def __str__(self):
        return f"{self.case_id} {self.kind} {self.created_at:%Y-%m-%d %H:%M}"

    @property
    def text_purpose(self):
        return f"note:{self.uuid}"

    def seal_text(self, text):
        self.sealed_text = self.case.seal(self.text_purpose, text.encode()) if text else b""

    @property
    def text(self):
        if not self.sealed_text:
            return ""
        return self.case.open(self.text_purpose, self.sealed_text).decode()


class CaseTag(models.Model):
    """A label reviewers put on cases ("strong", "needs translator").

    Deliberately not a taggit TagBase: Wagtail's tag autocomplete endpoint lists the names of any
    TagBase model to every admin user, and case tags are for case staff only.
    """

    name = models.CharField(_("name"), max_length=64, unique=True)
    cases = models.ManyToManyField(Case, related_name="tags", blank=True, verbose_name=_("cases"))

    class Meta:
        verbose_name = _("case tag")
        verbose_name_plural = _("case tags")
        ordering = ["name"]

    def __str__(self):
        return self.name


class CaseAssessment(models.Model):
    """The reviewers' judgement of a case, kept beside it: for now the merit score (1-5)."""

    case = models.OneToOneField(Case, on_delete=models.CASCADE, primary_key=True, related_name="assessment")
    merit_score = models.PositiveSmallIntegerField(
        _("merit score"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(5)]
    )

    class Meta:
        verbose_name = _("case assessment")
        verbose_name_plural = _("case assessments")
        indexes = [models.Index(fields=["merit_score"], name="case_merit_idx")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(merit_score__isnull=True) | models.Q(merit_score__gte=1, merit_score__lte=5),
                name="case_merit_score_1_to_5",
            )
        ]

    def __str__(self):
        return f"{self.case_id}: {self.merit_score}"


class CaseIdentifierKind(models.TextChoices):
    WECHAT_ID = "wechat_id", _("WeChat ID")
    PHONE = "phone", _("phone number")
    EMAIL = "email", _("e-mail address")


class CaseIdentifier(models.Model):
    """A keyed hash of a normalised contact identifier, to link possible duplicates.

    The identifier itself stays sealed in the case's answers.
    """

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="identifiers", db_index=False)
    kind = models.CharField(_("kind"), max_length=16, choices=CaseIdentifierKind.choices)
    value_hash = models.CharField(max_length=64)

    class Meta:
        verbose_name = _("case identifier")
        verbose_name_plural = _("case identifiers")
        constraints = [models.UniqueConstraint(fields=["case", "kind", "value_hash"], name="case_identifier_unique")]
        # Who shares a hash, and the oldest few of them in order (indexing.duplicate_links).
        indexes = [models.Index(fields=["value_hash", "kind", "case"], name="case_identifier_lookup")]

    def __str__(self):
        return f"{self.case_id}:{self.kind}"
