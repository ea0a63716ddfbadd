from django.db import migrations, models

import archive.models.fields


class Migration(migrations.Migration):
    dependencies = [
        ("archive", "0012_suggestion_header_field_and_sort_names"),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name="mention",
            name="mention_unique",
        ),
        migrations.AlterField(
            model_name="article",
            name="body",
            field=archive.models.fields.NormalizedTextField(
                help_text="The article text, paragraphs separated by one blank line. Quotes and mentions are anchored in this text: after editing it, check the orphaned annotations."
            ),
        ),
        migrations.AlterField(
            model_name="article",
            name="headline",
            field=archive.models.fields.NormalizedLineField(max_length=300),
        ),
        migrations.AlterField(
            model_name="article",
            name="pull_quote",
            field=archive.models.fields.NormalizedTextField(
                blank=True,
                help_text="Words repeated from the body and set apart as a display quote.",
            ),
        ),
        migrations.AlterField(
            model_name="article",
            name="standfirst",
            field=archive.models.fields.NormalizedTextField(
                blank=True, help_text="The summary paragraph under the headline."
            ),
        ),
        migrations.AddConstraint(
            model_name="mention",
            constraint=models.UniqueConstraint(
                condition=models.Q(("orphaned", False)),
                fields=("article", "part", "start", "end", "entity"),
                name="mention_unique",
                violation_error_message="This mention already exists: these words at this place already name this entity.",
            ),
        ),
    ]
