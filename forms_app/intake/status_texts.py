"""What each status means to a claimant, in plain words, written and translated by staff.

"My case" shows the text of the case's status in the page's language (English when it has not been
translated yet). Editors write one snippet per status in English, then translate it with
wagtail-localize like any page; the status key is synchronised, never translated.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.snippets.views.snippets import SnippetViewSet
from wagtail_localize.fields import SynchronizedField, TranslatableField

from ..cases.models import CaseStatus


class CaseStatusText(TranslatableMixin, models.Model):
    """The claimant's explanation of one case status: what it means and what happens next."""

    status = models.CharField(_("status"), max_length=32, choices=CaseStatus.choices)
    meaning = models.TextField(_("what it means"), help_text=_("Plain words; shown to the claimant on My case."))
    next_steps = models.TextField(_("what happens next"), blank=True)

    panels = [FieldPanel("status"), FieldPanel("meaning"), FieldPanel("next_steps")]

    translatable_fields = [
        TranslatableField("meaning"),
        TranslatableField("next_steps"),
        SynchronizedField("status", overridable=False),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("case status explanation")
        verbose_name_plural = _("case status explanations")
        constraints = [models.UniqueConstraint(fields=["locale", "status"], name="case_status_text_unique")]

    def __str__(self):
        return str(CaseStatus(self.status).label) if self.status in CaseStatus.values else self.status


def status_text(status, language_code):
    """The explanation of ``status`` in ``language_code``, else in English, else None."""
    texts = CaseStatusText.objects.filter(status=status).select_related("locale")
    by_language = {text.locale.language_code: text for text in texts}
    return by_language.get(language_code) or by_language.get(settings.LANGUAGE_CODE)


class CaseStatusTextViewSet(SnippetViewSet):
    """Snippets › Case status explanations: communications staff write and translate them."""

    model = CaseStatusText
    icon = "help"
    menu_label = _("Case status explanations")
    list_display = ["__str__", "meaning"]
    list_filter = ["locale"]
