"""The admin side of notifications: who hears of new cases (case managers), the claimant e-mail
texts (communications staff), e-mails given up on (administrators) and each staff member's choice
of a daily digest (Account)."""

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel
from wagtail.admin.views.account import BaseSettingsPanel, notifications_tab
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.views.snippets import SnippetViewSet

from ..cases.models import ClaimantMailText, MailFailure, StaffMailPreference, StaffNotificationRule
from .permissions import VIEW, can_view

VIEW_CODENAME = VIEW.split(".", 1)[1]


def staff_with_case_access():
    """Active users who may see cases: superusers, or through their own or a group's permission."""
    granted = (
        Q(is_superuser=True)
        | Q(user_permissions__codename=VIEW_CODENAME)
        | Q(groups__permissions__codename=VIEW_CODENAME)
    )
    return get_user_model().objects.filter(granted, is_active=True).distinct().order_by("username")


class StaffNotificationRuleForm(WagtailAdminModelForm):
    """Only staff accounts with case access can be chosen: never a free e-mail address."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["users"].queryset = staff_with_case_access()
        self.fields["groups"].queryset = Group.objects.filter(permissions__codename=VIEW_CODENAME).order_by("name")


class StaffNotificationRuleViewSet(ModelViewSet):
    """Settings › Case notifications (case managers and administrators)."""

    model = StaffNotificationRule
    icon = "mail"
    menu_label = _("Case notifications")
    add_to_settings_menu = True
    form_fields = ["case_type", "users", "groups"]
    list_display = ["__str__"]
    panels = [
        FieldPanel("case_type"),
        FieldPanel("users", widget=forms.CheckboxSelectMultiple),
        FieldPanel("groups", widget=forms.CheckboxSelectMultiple),
    ]

    def get_form_class(self, for_update=False):
        form_class = super().get_form_class(for_update)
        return type("StaffNotificationRuleForm", (StaffNotificationRuleForm, form_class), {})


class MailFailureViewSet(ModelViewSet):
    """Settings › E-mails not sent: messages given up on after their retries (no addresses)."""

    model = MailFailure
    icon = "warning"
    menu_label = _("E-mails not sent")
    add_to_settings_menu = True
    form_fields = ["message", "reference"]
    list_display = ["failed_at", "message", "reference", "attempts", "error"]
    inspect_view_enabled = True


class ClaimantMailTextViewSet(SnippetViewSet):
    """Snippets › Claimant e-mail texts: communications staff write and translate them."""

    model = ClaimantMailText
    icon = "mail"
    menu_label = _("Claimant e-mail texts")
    list_display = ["__str__", "subject"]
    list_filter = ["locale"]
    panels = [FieldPanel("kind"), FieldPanel("subject"), FieldPanel("body")]


class StaffMailPreferenceForm(forms.ModelForm):
    class Meta:
        model = StaffMailPreference
        fields = ["daily_digest"]


class StaffMailSettingsPanel(BaseSettingsPanel):
    """Account › Notifications › Case e-mails: one e-mail per event or one daily digest."""

    name = "case_mail"
    title = _("Case e-mails")
    tab = notifications_tab
    order = 400
    form_class = StaffMailPreferenceForm

    def is_active(self):
        return can_view(self.user)

    def get_form(self):
        instance = StaffMailPreference.objects.filter(user=self.user).first() or StaffMailPreference(user=self.user)
        kwargs = {"instance": instance, "prefix": self.name}
        if self.request.method == "POST":
            return self.form_class(self.request.POST, **kwargs)
        return self.form_class(**kwargs)
