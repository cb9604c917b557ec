from django.db import migrations


class Migration(migrations.Migration):
    """The round a priority came from is now coordination.PriorityAdoption (issue 12): the
    field goes only after coordination 0002 has copied every origin into it."""

    dependencies = [
        ("concepts", "0004_versions_lifecycle"),
        ("coordination", "0002_priority_adoption"),
    ]

    operations = [
        migrations.RemoveField(
            model_name="workpriority",
            name="origin",
        ),
    ]
