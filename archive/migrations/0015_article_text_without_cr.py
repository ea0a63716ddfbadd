from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("archive", "0014_repair_article_line_breaks"),
    ]

    operations = [
        migrations.AddConstraint(
            model_name="article",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("headline__contains", "\r"), _negated=True),
                    models.Q(("standfirst__contains", "\r"), _negated=True),
                    models.Q(("body__contains", "\r"), _negated=True),
                    models.Q(("pull_quote__contains", "\r"), _negated=True),
                ),
                name="article_text_without_cr",
                violation_error_message="An article's text cannot contain a carriage return.",
            ),
        ),
    ]
