import json

from django.db import migrations, models


def seal_manifests(apps, schema_editor):
    """Move each file's plaintext hashes into a manifest sealed with its case's key."""
    from forms_app.cases import crypto

    Evidence = apps.get_model("forms_app", "Evidence")
    columns = ("kind", "size", "working_mime", "working_extension", "original_mime", "metadata_removed")
    keys = {}
    for evidence in Evidence.objects.select_related("case").iterator():
        case = evidence.case
        if case.pk not in keys:
            keys[case.pk] = crypto.unwrap_data_key(case.key_id, bytes(case.wrapped_key), case.reference)
        manifest = {column: getattr(evidence, column) for column in columns}
        manifest.update(
            working_sha256=evidence.working_sha256,
            original_sha256=evidence.original_sha256,
            hashed_at=evidence.hashed_at.isoformat(),
        )
        context = f"case:{case.reference}:evidence:{evidence.working_file}:manifest".encode()
        evidence.sealed_manifest = crypto.seal(keys[case.pk], json.dumps(manifest).encode(), context)
        evidence.save(update_fields=["sealed_manifest"])


class Migration(migrations.Migration):
    dependencies = [
        ("forms_app", "0006_question_roles"),
    ]

    operations = [
        migrations.AddField(
            model_name="evidence",
            name="sealed_manifest",
            field=models.BinaryField(default=b"", editable=False),
        ),
        migrations.RunPython(seal_manifests, migrations.RunPython.noop),
        migrations.RemoveField(model_name="evidence", name="hashed_at"),
        migrations.RemoveField(model_name="evidence", name="original_sha256"),
        migrations.RemoveField(model_name="evidence", name="working_sha256"),
    ]
