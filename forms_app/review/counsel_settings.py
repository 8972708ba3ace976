"""Settings case managers edit for counsel: limitation rules (the queue's limitation clock) and
reference prices (losses from trade schedules). Registered as snippets in wagtail_hooks."""

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, HelpPanel
from wagtail.snippets.views.snippets import SnippetViewSet

from ..cases.models import LimitationRule, ReferencePrice

TRIAGE_ONLY = _(
    "The limitation date is a triage aid for ordering the queue, not legal advice. It is computed from "
    "the dates the claimant gave in questions marked as incident dates and this rule alone; counsel "
    "decide the real deadlines. Saving a rule recomputes the dates of every case of its type."
)


class LimitationRuleViewSet(SnippetViewSet):
    model = LimitationRule
    icon = "time"
    menu_label = _("Limitation rules")
    list_display = ["__str__", "years", "counted_from"]
    panels = [
        HelpPanel(content=format_lazy("<p><strong>{}</strong></p>", TRIAGE_ONLY), heading=_("Not legal advice")),
        FieldPanel("case_type"),
        FieldPanel("years"),
        FieldPanel("counted_from"),
        FieldPanel("note"),
    ]


REFERENCE_METHOD = _(
    "Losses from trade schedules are computed first in, first out: each sale is matched to the oldest "
    "shares held; shares held at the start of the class period carry no loss; a purchase in the period "
    "loses what it cost minus what it was sold for, or, if still held at the end, minus its value at this "
    "reference price (same security and currency). A case with a net gain counts as no loss."
)


class ReferencePriceViewSet(SnippetViewSet):
    model = ReferencePrice
    icon = "table"
    menu_label = _("Reference prices")
    list_display = ["__str__", "case_type", "note"]
    panels = [
        HelpPanel(content=format_lazy("<p>{}</p>", REFERENCE_METHOD), heading=_("How losses are computed")),
        FieldPanel("case_type"),
        FieldPanel("instrument"),
        FieldPanel("currency"),
        FieldPanel("price"),
        FieldPanel("note"),
    ]
