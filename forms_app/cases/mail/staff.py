"""E-mails to staff, each in the recipient's own admin language (Account › Preferences).

A new case goes to the staff chosen for its type in Settings › Case notifications (a rule for the
type, else the rule for every type; if there is no rule at all, to CASE_NOTIFICATION_EMAIL, in the
site's default language). Claimant activity goes to the case's assigned reviewer, or, when nobody
is assigned, to the same staff as a new case. Only active staff accounts that may see cases and
have an address are ever written to."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from wagtail.users.models import UserProfile

from ..models import Case, StaffEvent, StaffMailPreference, StaffNotificationRule
from .sending import message

VIEW_CASES = "forms_app.view_case"


def may_receive(user):
    return bool(user is not None and user.is_active and user.email and user.has_perm(VIEW_CASES))


def rule_for(case_type):
    rules = {rule.case_type: rule for rule in StaffNotificationRule.objects.filter(case_type__in=[case_type, ""])}
    return rules.get(case_type) or rules.get("")


def rule_recipients(rule):
    users = get_user_model().objects.filter(pk__in=rule.users.values("pk")) | get_user_model().objects.filter(
        groups__in=rule.groups.all()
    )
    return [user for user in users.distinct().order_by("pk") if may_receive(user)]


def recipients(case, event):
    """(staff users, use the fallback address?) for ``event`` on ``case``."""
    if event != StaffEvent.NEW_CASE and may_receive(case.assigned_to):
        return [case.assigned_to], False
    rule = rule_for(case.case_type)
    if rule is None:
        return [], bool(settings.CASE_NOTIFICATION_EMAIL)
    return rule_recipients(rule), False


def wants_digest(user):
    return StaffMailPreference.objects.filter(user=user, daily_digest=True).exists()


def language_of(user):
    if user is None:
        return settings.LANGUAGE_CODE
    return UserProfile.get_for_user(user).get_preferred_language()


def case_url(case):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("forms_app_review:detail", args=[case.pk])


def language_name(code):
    names = {
        "en": gettext("English"),
        "zh-hans": gettext("Simplified Chinese"),
        "zh-hant": gettext("Traditional Chinese"),
    }
    return names.get(code, code)


def event_sentence(event, case):
    """One line saying what happened, in the active language (no content of the case)."""
    values = {"reference": case.reference}
    sentences = {
        StaffEvent.NEW_CASE: gettext("New case %(reference)s"),
        StaffEvent.REPLY: gettext("The claimant of case %(reference)s replied to a question"),
        StaffEvent.EVIDENCE: gettext("The claimant of case %(reference)s added evidence"),
        StaffEvent.WITHDRAWAL_REQUESTED: gettext(
            "The claimant of case %(reference)s asked to withdraw it (the case is under legal hold)"
        ),
        StaffEvent.WITHDRAWN: gettext("The claimant of case %(reference)s withdrew it; it has been erased"),
    }
    return sentences[event] % values


def event_message(case, event, user):
    """The e-mail about one event to one staff member (``user`` None: the fallback address)."""
    address = user.email if user is not None else settings.CASE_NOTIFICATION_EMAIL
    with translation.override(language_of(user)):
        subject = event_sentence(event, case)
        lines = [
            subject + ".",
            gettext("Case type: %(case_type)s") % {"case_type": case.get_case_type_display()},
            gettext("Language of the case: %(language)s") % {"language": language_name(case.language)},
            gettext("Open the case in the admin (sign-in required):"),
            case_url(case),
            "",
            gettext(
                "This e-mail never contains what the claimant wrote. To change which e-mails you get, "
                "see Account › Case e-mails in the admin."
            ),
        ]
    return message(address, subject, "\n".join(lines))


def digest_message(user, entries):
    """One e-mail listing ``entries`` (DigestEntry rows, oldest first) for ``user``."""
    with translation.override(language_of(user)):
        subject = gettext("Case activity: %(count)s events") % {"count": len(entries)}
        lines = [gettext("Since your last digest:"), ""]
        for entry in entries:
            lines.append(
                "- "
                + event_sentence(entry.event, entry.case)
                + f" ({entry.case.get_case_type_display()}, {language_name(entry.case.language)})"
            )
            lines.append("  " + case_url(entry.case))
        lines += ["", gettext("This e-mail never contains what claimants wrote.")]
    return message(user.email, subject, "\n".join(lines))


def load_case(case_id):
    return Case.objects.select_related("assigned_to").get(pk=case_id)
