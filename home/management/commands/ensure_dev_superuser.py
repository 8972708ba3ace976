import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Create a development superuser if none exists, printing its generated password once."

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")

    def handle(self, *args, username, **options):
        User = get_user_model()
        if User.objects.filter(is_superuser=True).exists():
            self.stdout.write("A superuser already exists; its password is unchanged.")
            return
        password = secrets.token_urlsafe(12)
        User.objects.create_superuser(username=username, email="", password=password)
        self.stdout.write(self.style.SUCCESS("Development superuser created (shown only this once):"))
        self.stdout.write(f"  username: {username}\n  password: {password}")
        self.stdout.write(
            f"With STAFF_2FA_REQUIRED=true, pair an authenticator first: manage.py invite_staff {username}"
        )
