"""Every write leaves one structured log line with user and District, never the data."""

import json
import logging

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def _lines(caplog):
    return [
        json.loads(record.getMessage())
        for record in caplog.records
        if record.name == "kreisintegration.writes"
    ]


def test_a_write_is_logged_with_user_and_district_but_not_its_data(
    client, district, ki_staff, caplog
):
    client.force_login(ki_staff)
    with caplog.at_level(logging.INFO, logger="kreisintegration.writes"):
        client.post(
            reverse("actors:create", args=[district.slug]),
            {"name": "Verein Erika Mustermann", "type": ""},
        )
        client.get(reverse("actors:list", args=[district.slug]))
    [line] = _lines(caplog)
    assert line["method"] == "POST"
    assert line["user"] == ki_staff.pk
    assert line["district"] == district.slug
    assert line["view"] == "actors:create"
    assert line["status"] in (200, 302)
    assert "Erika" not in caplog.text


def test_a_public_feedback_post_logs_no_name_or_mail(client, district, caplog):
    with caplog.at_level(logging.INFO, logger="kreisintegration.writes"):
        client.post(
            reverse("public:accessibility", args=[district.slug]),
            {"name": "Erika Muster", "email": "erika@example.org", "message": "Zu klein."},
        )
    [line] = _lines(caplog)
    assert line["user"] is None and line["district"] == district.slug
    assert "erika" not in caplog.text.lower()
