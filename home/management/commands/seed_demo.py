from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Build (or bring up to date) the demo site in English, Simplified and Traditional Chinese."

    def handle(self, *args, **options):
        from home.demo.seed import seed_site

        seed_site(stdout=self.stdout)
