"""Invitation links work before anyone is signed in, so they live outside Wagtail's admin URLs
(which require admin access); cms/urls.py mounts them under /admin/invitation/."""

from django.urls import path

from . import views

urlpatterns = [
    path("", views.invitation, name="staff_auth_invitation"),
    path("<str:token>/", views.invitation_start, name="staff_auth_invitation_start"),
]
