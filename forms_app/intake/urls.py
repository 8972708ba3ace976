from django.urls import path

from . import mycase, views

app_name = "forms_app"

urlpatterns = [
    path("receipt/", views.receipt, name="receipt"),
    # My case: the receipt code is posted to the first one, never put in any of these addresses.
    path("my-case/", mycase.enter, name="mycase"),
    path("my-case/case/", mycase.overview, name="mycase_case"),
    path("my-case/case/questions/<uuid:question>/reply/", mycase.reply, name="mycase_reply"),
    path("my-case/case/evidence/", mycase.add_evidence, name="mycase_evidence"),
    path("my-case/case/contact/", mycase.contact, name="mycase_contact"),
    path("my-case/case/consents/", mycase.consents, name="mycase_consents"),
    path("my-case/case/withdraw/", mycase.withdraw, name="mycase_withdraw"),
    path("my-case/leave/", mycase.leave, name="mycase_leave"),
    path("continue/", views.resume_draft, name="resume_draft"),
]
