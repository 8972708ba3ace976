"""What passes between a claimant and the reviewers after filing ("My case"): reviewers' questions,
the claimant's replies, consents per use, contact preferences and details.

Every text is sealed with the case's own data key, like the answers; plain columns hold only dates,
numbers and choice keys. Erasing a case (forms_app.cases.erasure) deletes these rows with the key.
"""

import json
import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .case import Case


class ConsentUse(models.TextChoices):
    """The uses of a case a claimant agrees to one by one, and may revoke or grant later."""

    SHARE_COUNSEL = "share_counsel", _("Share my case with the lawyers bringing the class action")
    NAMED_PLAINTIFF = "named_plaintiff", _("Be considered as a named plaintiff")
    STATISTICS = "statistics", _("Count my case in anonymous statistics")
    KEEP_ORIGINALS = "keep_originals", _("Keep the unaltered original files I sent")


class CaseConsent(models.Model):
    """One use of the case the claimant agreed to or refused, and when that last changed."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="consents")
    use = models.CharField(_("use"), max_length=32, choices=ConsentUse.choices)
    granted = models.BooleanField(_("granted"), default=False)
    changed_at = models.DateTimeField(_("changed"), default=timezone.now)
    # False: as answered in the intake form; True: changed later on "My case".
    changed_by_claimant = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("consent")
        verbose_name_plural = _("consents")
        ordering = ["use"]
        constraints = [models.UniqueConstraint(fields=["case", "use"], name="case_consent_unique")]
        indexes = [models.Index(fields=["use", "granted", "case"], name="case_consent_use_idx")]

    def __str__(self):
        return f"{self.case_id}:{self.use}={self.granted}"


class ClaimantContact(models.Model):
    """How the claimant may (and must never) be reached, and their contact details, sealed as JSON:
    {"safe": [channel keys], "never": [channel keys], "email": "", "phone": "", "signal": ""}."""

    case = models.OneToOneField(Case, on_delete=models.CASCADE, primary_key=True, related_name="contact")
    sealed = models.BinaryField(editable=False)
    # None: as given in the intake form.
    changed_at = models.DateTimeField(_("changed"), null=True, blank=True)

    PURPOSE = "contact"
    EMPTY = {"safe": [], "never": [], "email": "", "phone": "", "signal": ""}

    class Meta:
        verbose_name = _("contact preferences")
        verbose_name_plural = _("contact preferences")

    def __str__(self):
        return f"{self.case_id}"

    def set(self, values):
        clean = {**self.EMPTY, **{key: values.get(key, self.EMPTY[key]) for key in self.EMPTY}}
        self.sealed = self.case.seal(self.PURPOSE, json.dumps(clean, ensure_ascii=False, sort_keys=True).encode())
        self.__dict__["values"] = clean

    @property
    def values(self):
        if "values" not in self.__dict__:
            self.__dict__["values"] = {**self.EMPTY, **json.loads(self.case.open(self.PURPOSE, self.sealed))}
        return self.__dict__["values"]


class ReviewerQuestion(models.Model):
    """A question reviewers asked the claimant: one text, or one per language, sealed together."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="reviewer_questions")
    asked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    asked_at = models.DateTimeField(_("asked"), default=timezone.now)
    # The languages written, in plain: which language the claimant will read is not a secret.
    languages = models.JSONField(default=list, blank=True)
    sealed_texts = models.BinaryField(editable=False)

    class Meta:
        verbose_name = _("question to the claimant")
        verbose_name_plural = _("questions to the claimant")
        ordering = ["asked_at", "pk"]

    def __str__(self):
        return f"{self.case_id} {self.asked_at:%Y-%m-%d}"

    @property
    def purpose(self):
        return f"question:{self.uuid}"

    def set_texts(self, texts: dict):
        """``texts``: {language code: text}; empty texts are dropped."""
        texts = {code: text.strip() for code, text in texts.items() if text and text.strip()}
        if not texts:
            raise ValueError("A question needs a text.")
        self.languages = list(texts)
        self.sealed_texts = self.case.seal(self.purpose, json.dumps(texts, ensure_ascii=False).encode())
        self.__dict__["texts"] = texts

    @property
    def texts(self):
        if "texts" not in self.__dict__:
            self.__dict__["texts"] = json.loads(self.case.open(self.purpose, self.sealed_texts))
        return self.__dict__["texts"]

    def text_for(self, language):
        """(language, text) best for a reader of ``language``: theirs, the case's, then any."""
        texts = self.texts
        for code in (language, self.case.language, settings.LANGUAGE_CODE):
            if code in texts:
                return code, texts[code]
        code = next(iter(texts))
        return code, texts[code]


class ClaimantReply(models.Model):
    """Something the claimant sent from "My case": an answer to a question, or evidence with a note."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="claimant_replies")
    question = models.ForeignKey(
        ReviewerQuestion, null=True, blank=True, on_delete=models.CASCADE, related_name="replies"
    )
    created_at = models.DateTimeField(_("sent"), default=timezone.now)
    sealed_text = models.BinaryField(blank=True, default=b"", editable=False)
    evidence_count = models.PositiveSmallIntegerField(_("evidence files"), default=0)
    evidence_bytes = models.PositiveBigIntegerField(_("size of the files"), default=0)

    class Meta:
        verbose_name = _("claimant's reply")
        verbose_name_plural = _("claimant's replies")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.case_id} {self.created_at:%Y-%m-%d}"

    @property
    def purpose(self):
        return f"reply:{self.uuid}"

    def seal_text(self, text):
        text = (text or "").strip()
        self.sealed_text = self.case.seal(self.purpose, text.encode()) if text else b""

    @property
    def text(self):
        if not self.sealed_text:
            return ""
        return self.case.open(self.purpose, bytes(self.sealed_text)).decode()
