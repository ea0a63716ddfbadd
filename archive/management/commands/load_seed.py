from django.core.management.base import BaseCommand

from archive.loading import load_fixtures
from archive.models import Article, Entity
from archive.seed import spec
from archive.seed.build import FIXTURE


class Command(BaseCommand):
    help = "Load the seed article and its annotations into an empty archive; never twice."

    def handle(self, *args, **options):
        if Article.objects.filter(source_url=spec.ARTICLE["source_url"]).exists():
            self.stdout.write("The seed article is already in the archive; nothing loaded.")
            return
        if Article.objects.exists() or Entity.objects.exists():
            self.stdout.write(
                "The archive already holds articles or entities; the seed is only loaded into "
                "an empty archive, so nothing was loaded."
            )
            return
        count = load_fixtures([FIXTURE])
        self.stdout.write(self.style.SUCCESS(f"Loaded the seed archive ({count} objects)."))
