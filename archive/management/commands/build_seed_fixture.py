import json

from django.core import serializers
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from archive.models import Article, Entity
from archive.seed.build import FIXTURE, build_seed, seed_objects


class Rollback(Exception):
    pass


class Command(BaseCommand):
    help = "Rebuild fixtures/seed.json from fixtures/seed/ and archive/seed/spec.py."

    def handle(self, *args, **options):
        if Article.objects.exists() or Entity.objects.exists():
            raise CommandError("Run this against an empty, freshly migrated database.")
        try:
            with transaction.atomic():
                build_seed()
                data = serializers.serialize("json", seed_objects(), indent=1)
                raise Rollback
        except Rollback:
            pass
        FIXTURE.write_text(
            json.dumps(json.loads(data), indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
        )
        self.stdout.write(self.style.SUCCESS(f"Wrote {FIXTURE}."))
