"""Side effects of a case, run after its transaction commits, through Django's task framework.

E-mails say only that something happened and where to look: never answers, names or codes.
"""

from django.conf import settings
from django.core.mail import EmailMessage
from django.tasks import task
from django.utils import translation
from django.utils.translation import gettext

from .models import Case


@task
def notify_staff_of_new_case(case_id):
    recipient = settings.CASE_NOTIFICATION_EMAIL
    if not recipient:
        return
    case = Case.objects.only("reference", "case_type").get(pk=case_id)
    with translation.override(settings.LANGUAGE_CODE):
        subject = gettext("New case %(reference)s") % {"reference": case.reference}
        body = gettext("A new case (%(reference)s, %(case_type)s) is waiting in the review queue: %(url)s") % {
            "reference": case.reference,
            "case_type": case.get_case_type_display(),
            "url": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + "/admin/",
        }
    EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [recipient]).send()
