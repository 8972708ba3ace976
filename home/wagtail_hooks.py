from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import OrganisationDetails


class OrganisationDetailsViewSet(SnippetViewSet):
    model = OrganisationDetails
    icon = "site"
    menu_label = _("Organisation details")
    add_to_settings_menu = True


register_snippet(OrganisationDetailsViewSet)
