"""Data for tests/test_worker_crash.py: a concept long enough that its render can be killed.

Run as ``python -m tests.worker_crash <sections>`` against a migrated SQLite file
(DATABASE_URL); requests the whole-concept PDF (queued for the worker) and prints the
document's id.
"""

import sys

import django


def main(sections: int) -> None:
    django.setup()
    from documents.services import request_document
    from tests import factories

    district = factories.DistrictFactory()
    version = factories.ConceptVersionFactory(concept=district.concept)
    paragraph = "Die Integrationsagentur berät Zugewanderte in allen Fragen des Alltags. " * 12
    for number in range(1, sections + 1):
        factories.ConceptSectionFactory(
            version=version,
            title=f"Abschnitt {number}",
            body="\n\n".join([paragraph] * 4),
        )
    document, queued = request_document(district=district, subject=version, user=None)
    assert queued
    print(document.pk)


if __name__ == "__main__":
    main(int(sys.argv[1]))
