"""Who is told what by e-mail, the wording of the claimant's e-mails, and what could not be sent.

No row here holds a claimant's address or anything they wrote: recipients are staff accounts,
undeliverable addresses are kept only as keyed hashes, failures name the case's reference and
the kind of message.
"""

from django.conf import settings
from django.contrib.auth.models import Group
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from .case import Case, CaseType


class StaffEvent(models.TextChoices):
    """What staff are told about (the wording of each is in forms_app.cases.mail.staff)."""

    NEW_CASE = "new_case", _("New case")
    REPLY = "reply", _("The claimant replied")
    EVIDENCE = "evidence", _("The claimant added evidence")
    WITHDRAWAL_REQUESTED = "withdrawal_requested", _("The claimant asked to withdraw (legal hold)")
    WITHDRAWN = "withdrawn", _("The claimant withdrew the case")


class StaffNotificationRule(models.Model):
    """Settings › Case notifications: the staff told of each new case of a type. Only staff
    accounts (users, or every member of a group) who may see cases; never a free address."""

    case_type = models.CharField(
        _("case type"),
        max_length=32,
        choices=CaseType.choices,
        blank=True,
        unique=True,
        help_text=_("Leave empty for every case type that has no rule of its own."),
    )
    users = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="+", verbose_name=_("users"))
    groups = models.ManyToManyField(Group, blank=True, related_name="+", verbose_name=_("groups"))

    class Meta:
        verbose_name = _("case notification rule")
        verbose_name_plural = _("case notification rules")
        ordering = ["case_type"]

    def __str__(self):
        return str(self.get_case_type_display()) if self.case_type else str(_("Every case type"))


class StaffMailPreference(models.Model):
    """A staff member's choice: one e-mail per event, or one daily digest."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, primary_key=True, related_name="case_mail_preference"
    )
    daily_digest = models.BooleanField(
        _("One daily digest instead of an e-mail per case event"),
        default=False,
        help_text=_("New cases and claimant activity are then listed once a day."),
    )

    class Meta:
        verbose_name = _("case e-mail preference")
        verbose_name_plural = _("case e-mail preferences")

    def __str__(self):
        return str(self.user_id)


class DigestEntry(models.Model):
    """One event waiting for a staff member's next daily digest."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="+")
    event = models.CharField(max_length=32, choices=StaffEvent.choices)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["user", "created_at", "pk"]

    def __str__(self):
        return f"{self.user_id}:{self.case_id}:{self.event}"


class ClaimantMail(models.TextChoices):
    ACKNOWLEDGEMENT = "acknowledgement", _("Acknowledgement of a new case")
    NEWS = "news", _("There is news about the case")


class ClaimantMailText(TranslatableMixin, models.Model):
    """The wording of one e-mail to claimants, written and translated by communications staff.

    Plain text; ``{reference}`` is replaced by the case's reference and ``{my_case_url}`` by the
    address of the My case page in the claimant's language. Never ask for or mention anything a
    claimant wrote: the e-mail may be read by others."""

    kind = models.CharField(_("e-mail"), max_length=32, choices=ClaimantMail.choices)
    subject = models.CharField(_("subject"), max_length=200, help_text=_("May contain {reference}."))
    body = models.TextField(
        _("text"),
        help_text=_(
            "Plain text; an empty line starts a new paragraph. {reference} becomes the case's reference "
            "and {my_case_url} the address of the My case page. Never include anything else about the case."
        ),
    )

    translatable_fields = [
        TranslatableField("subject"),
        TranslatableField("body"),
        SynchronizedField("kind", overridable=False),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("claimant e-mail text")
        verbose_name_plural = _("claimant e-mail texts")
        constraints = [models.UniqueConstraint(fields=["locale", "kind"], name="claimant_mail_text_unique")]

    def __str__(self):
        return str(ClaimantMail(self.kind).label) if self.kind in ClaimantMail.values else self.kind


class MailFailure(models.Model):
    """An e-mail given up on after its retries: shown to administrators, without any address."""

    failed_at = models.DateTimeField(_("failed"), default=timezone.now)
    message = models.CharField(_("message"), max_length=64)
    reference = models.CharField(_("case"), max_length=32, blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    error = models.CharField(_("error"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("e-mail not sent")
        verbose_name_plural = _("e-mails not sent")
        ordering = ["-failed_at"]

    def __str__(self):
        return f"{self.message} {self.reference}"


class UndeliverableReason(models.TextChoices):
    BOUNCED = "bounced", _("Bounced")
    COMPLAINED = "complained", _("Marked as spam")
    REJECTED = "rejected", _("Refused by the provider")


class UndeliverableAddress(models.Model):
    """A claimant address the mail provider reported as bounced or complained about: nothing is
    sent to it again. Only a keyed hash of the address is kept."""

    address_hash = models.CharField(max_length=64, unique=True)
    reason = models.CharField(_("reason"), max_length=16, choices=UndeliverableReason.choices)
    recorded_at = models.DateTimeField(_("recorded"), default=timezone.now)

    class Meta:
        verbose_name = _("undeliverable address")
        verbose_name_plural = _("undeliverable addresses")

    def __str__(self):
        return self.reason
