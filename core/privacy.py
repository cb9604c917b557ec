"""The Auskunft (Art. 15 DSGVO): one JSON document of what is held on a person.

Each app that holds personal data gathers it under German keys; this module writes the
envelope every Auskunft shares (the law it answers, the controller, the date), so a contact
person's export and a participant's export read alike.
"""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone


def access_report(*, district, data: dict) -> bytes:
    """The Auskunft for ``district`` as UTF-8 JSON: the envelope, then ``data`` in its order.

    ``district`` needs only a ``name``; the Kommunales Integrationszentrum of the District is
    the controller (Art. 4 Nr. 7 DSGVO).
    """
    payload = {
        "Auskunft nach": "Art. 15 DSGVO",
        "Verantwortliche Stelle": f"Kommunales Integrationszentrum {district.name}",
        "erstellt am": timezone.localtime(),
        **data,
    }
    return json.dumps(payload, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2).encode("utf-8")
