"""Builders for review-queue tests: cases filed through the real intake form and file_case
(real validation, encryption, evidence storage and indexing), and staff in the real groups."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser, Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.datastructures import MultiValueDict

from forms_app.intake.submission import file_case
from forms_app.models import IntakeFormPage
from tests.forms_app.builders import complete_answers, evidence_files, value_for

PASSWORD = "correct horse battery staple"


def form_page(case_type="persecution", language="en"):
    return IntakeFormPage.objects.live().get(case_type=case_type, locale__language_code=language)


def make_case(case_type="persecution", language="en", files=(), **answers):
    """File one case as the intake form would. ``answers`` replace POST values by answer key, e.g.
    what_happened="..." or wechat_id="wxid_x", or one part of a composite question by its POST key
    (contact_preference_1=["wechat"]); ``files`` are evidence uploads (none by default)."""
    page = form_page(case_type, language)
    posted = complete_answers(page, files=list(files))
    for field in page.get_form_fields():
        if field.clean_name in answers:
            for key in value_for(field):
                posted.pop(key, None)
            posted[field.clean_name] = answers[field.clean_name]
    # Keys of a composite question's parts (e.g. contact_preference_1) replace that part alone.
    posted.update({key: value for key, value in answers.items() if key in posted and key[-2:] in ("_0", "_1")})
    data, uploads = MultiValueDict(), MultiValueDict()
    for key, value in posted.items():
        if isinstance(value, list) and value and isinstance(value[0], SimpleUploadedFile):
            uploads.setlist(key, value)
        elif isinstance(value, list):
            data.setlist(key, value)
        elif value is not None:
            data[key] = value
    form = page.get_form(data, uploads, page=page, user=AnonymousUser())
    assert form.is_valid(), form.errors
    return file_case(page, form).case


def make_case_with_evidence(case_type="persecution", language="en", **answers):
    return make_case(case_type, language, files=evidence_files(), **answers)


def staff(username, group_name=None, **extra):
    user = get_user_model().objects.create_user(username=username, password=PASSWORD, **extra)
    if group_name:
        user.groups.add(Group.objects.get(name=group_name))
    return user
