"""Reports › Untranslated questions: which intake form, in which language, still shows source text.

Such a question is held back from that language's claimants (forms_app.intake.steps explains why
held back rather than refused at publishing); this page tells editors what to translate.
"""

from dataclasses import dataclass

from django.urls import path, reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .field_types import field_type

URL_NAME = "intake_untranslated"


@dataclass
class Gap:
    page: object
    language: str
    items: list  # [(question label in the source, what is untranslated, held back?)]


def part_label(part):
    if part == "label":
        return gettext("label")
    if part == "help_text":
        return gettext("help text")
    return gettext("choice %(key)s") % {"key": part.split(":", 1)[1]}


def gaps():
    """[Gap] for every live translated intake form with untranslated text."""
    from .models import IntakeFormPage

    found = []
    for page in IntakeFormPage.objects.live().select_related("locale").order_by("title"):
        untranslated = page.untranslated()
        if not untranslated:
            continue
        source = {question.clean_name: question for question in page.source_questions() or []}
        items = []
        for question in page.get_all_questions():
            parts = sorted(part for name, part in untranslated if name == question.clean_name)
            if parts:
                label = getattr(source.get(question.clean_name), "label", question.label)
                is_step = not field_type(question.field_type).has_answer
                items.append((label, ", ".join(part_label(part) for part in parts), not is_step))
        found.append(Gap(page=page, language=page.locale.get_display_name(), items=items))
    return found


class UntranslatedView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "forms_app/untranslated.html"
    page_title = _("Untranslated questions")
    header_icon = "site"

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "gaps": gaps()}


def urlpatterns():
    return [path("reports/untranslated-questions/", UntranslatedView.as_view(), name=URL_NAME)]


def menu_item():
    return MenuItem(_("Untranslated questions"), reverse(URL_NAME), icon_name="site", order=900)
