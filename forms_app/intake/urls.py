from django.urls import path

from . import views

app_name = "forms_app"

urlpatterns = [
    path("receipt/", views.receipt, name="receipt"),
    path("continue/", views.resume_draft, name="resume_draft"),
]
