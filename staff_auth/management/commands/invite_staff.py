from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from staff_auth.invitations import invite


class Command(BaseCommand):
    help = (
        "Print a one-time, expiring invitation link with which USERNAME sets a password and pairs an "
        "authenticator. Creates the user (without a usable password) if it does not exist yet."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--email", default="", help="e-mail address of a new user")
        parser.add_argument("--superuser", action="store_true", help="make a new user a superuser")

    def handle(self, *args, username, email, superuser, **options):
        User = get_user_model()
        with transaction.atomic():
            user = User.objects.filter(username=username).first()
            if user is None:
                user = User(username=username, email=email, is_staff=superuser, is_superuser=superuser)
                user.set_unusable_password()
                user.save()
                self.stdout.write(f"Created user {username}.")
            elif superuser:
                raise CommandError("--superuser only applies to a new user; change roles in Settings › Users.")
            if not user.is_active:
                raise CommandError(f"{username} is deactivated; reactivate the account first.")
            invitation, url = invite(user)
        self.stdout.write(f"Invitation link (single use, until {invitation.expires_at:%Y-%m-%d %H:%M} UTC):\n  {url}")
        self.stdout.write("Send it to them through a channel you trust; it is shown only this once.")
