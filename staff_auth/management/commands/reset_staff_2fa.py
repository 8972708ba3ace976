from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from staff_auth.invitations import reset_second_factor


class Command(BaseCommand):
    help = (
        "A staff member lost their authenticator: remove their second factor and recovery codes, end "
        "their sessions, and print a one-time invitation link to pair a new one (send it out of band)."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        try:
            user = get_user_model().objects.get(username=username)
        except get_user_model().DoesNotExist as error:
            raise CommandError(f"No user named {username!r}.") from error
        removed, invitation, url = reset_second_factor(user)
        self.stdout.write(f"Removed {removed} second-factor device(s) of {username} and ended their sessions.")
        self.stdout.write(f"Invitation link (single use, until {invitation.expires_at:%Y-%m-%d %H:%M} UTC):\n  {url}")
