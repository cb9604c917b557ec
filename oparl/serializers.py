"""OParl 1.1 objects as dicts (https://oparl.org/spezifikation/, schema in tests/oparl/schema/).

Every object carries ``id`` = its own absolute URL, ``type``, ``created`` and ``modified``.
The spec asks not to emit ``null`` and to leave out empty optional lists, so absent values are
left out rather than written as ``null`` / ``[]``.
"""

import datetime
import mimetypes
import os

from django.urls import reverse
from django.utils import timezone

from actors.models import Committee, Meeting
from concepts.queries import district_concept, version_in_force
from districts.models import District
from papers.models import Consultation, DecisionPaper, PaperRelease, ReleasedAttachment
from papers.responses import paper_filename

from . import agenda
from .agenda import PublishedItem

OPARL_VERSION = "https://schema.oparl.org/1.1/"
# OParl 1.1, "Herstellerspezifische Erweiterungen": properties beyond the schema carry a vendor
# prefix (without "@").
VENDOR = "kreisintegration"


def object_type(name: str) -> str:
    return f"{OPARL_VERSION}{name}"


def date_time(value: datetime.datetime) -> str:
    """RFC 3339 with the offset of German local time, as OParl requires a time zone."""
    return timezone.localtime(value).isoformat(timespec="seconds")


class Serializer:
    """Builds the objects of one request; URLs are absolute, from the request's host."""

    def __init__(self, request, district: District | None = None):
        self.request = request
        self.district = district

    def absolute(self, path: str) -> str:
        return self.request.build_absolute_uri(path)

    def url(self, name: str, **kwargs) -> str:
        return self.absolute(reverse(f"oparl:{name}", kwargs=kwargs))

    def body_url(self, name: str, **kwargs) -> str:
        return self.url(name, body=self.district.slug, **kwargs)

    # -- System and Body

    def system(self, created: datetime.datetime | None, modified: datetime.datetime | None):
        data = {
            "id": self.url("system"),
            "type": object_type("System"),
            "oparlVersion": OPARL_VERSION,
            "body": self.url("body_list"),
            "name": "Kreisintegration – Vorlagen der Kommunalen Integrationszentren",
            "website": self.absolute(reverse("home")),
        }
        if created and modified:
            data.update(created=date_time(created), modified=date_time(modified))
        return data

    def body(self, district: District) -> dict:
        slug = district.slug
        data = {
            "id": self.url("body", body=slug),
            "type": object_type("Body"),
            "system": self.url("system"),
            "name": district.name,
            "classification": district.get_kind_display(),
            "organization": self.url("organization_list", body=slug),
            "person": self.url("person_list", body=slug),
            "meeting": self.url("meeting_list", body=slug),
            "paper": self.url("paper_list", body=slug),
            # Mandatory in OParl 1.1; the KIs keep no Wahlperioden.
            "legislativeTerm": [],
        }
        # OParl's ags is the eight-digit Gemeindeschlüssel; a Kreis has a five-digit key.
        if len(district.official_key) == 8:
            data["ags"] = district.official_key
        data.update(
            created=date_time(district.created),
            modified=date_time(district.modified),
            web=self.absolute(reverse("public:start", args=[slug])),
        )
        # The concept in force (issue 14: OParl names the same concept as the public page):
        # adopted by the Kreistag on a day that has come, never a draft. Left out if none.
        version = version_in_force(district_concept(district))
        if version is not None:
            data[f"{VENDOR}:integrationskonzept"] = {
                "name": version.title,
                "fassung": version.number,
                "beschlossenAm": version.decided_on.isoformat(),
                "web": self.absolute(reverse("public:concept", args=[slug])),
            }
        return data

    # -- Organization and Meeting

    def organization(self, committee: Committee) -> dict:
        return {
            "id": self.body_url("organization", pk=committee.pk),
            "type": object_type("Organization"),
            "body": self.body_url("body"),
            "name": committee.name,
            "organizationType": "Gremium",
            "classification": committee.get_kind_display(),
            "created": date_time(committee.created),
            "modified": date_time(committee.modified),
        }

    def meeting(self, meeting: Meeting) -> dict:
        """Needs ``queries.meetings_for_output``: the agenda comes from its prefetched rows."""
        data = {
            "id": self.body_url("meeting", pk=meeting.pk),
            "type": object_type("Meeting"),
            "name": str(meeting),
            "cancelled": meeting.cancelled,
            "start": date_time(meeting.start),
        }
        if agenda.location_of(meeting):
            data["location"] = self.location(meeting)
        data["organization"] = [self.body_url("organization", pk=meeting.committee_id)]
        items = [self.agenda_item(meeting, item) for item in agenda.published_items(meeting)]
        if items:
            data["agendaItem"] = items
        data.update(created=date_time(meeting.created), modified=date_time(meeting.oparl_modified))
        return data

    def agenda_item(self, meeting: Meeting, item: PublishedItem) -> dict:
        """An öffentlich item of the agenda (oparl/agenda.py). It changes with the agenda around
        it (``order``, ``number``), so its ``modified`` is the meeting's."""
        entry = item.entry
        data = {
            "id": self.body_url("agenda_item", meeting=meeting.pk, key=item.key),
            "type": object_type("AgendaItem"),
            "meeting": self.body_url("meeting", pk=meeting.pk),
            "number": entry.number,
            "order": item.position,
        }
        if entry.title:
            data["name"] = entry.title
        data["public"] = True
        if entry.consultation is not None:
            # Published with its paper (published_items shows no item of an unpublished one).
            data["consultation"] = self.body_url("consultation", pk=entry.consultation.pk)
            if entry.consultation.result:
                data["result"] = entry.consultation.get_result_display()
        data.update(created=date_time(item.created), modified=date_time(meeting.oparl_modified))
        return data

    def location(self, meeting: Meeting) -> dict:
        """The place of a meeting; the KIs keep it as text, so it is the description only."""
        return {
            "id": self.body_url("location", pk=meeting.pk),
            "type": object_type("Location"),
            "description": agenda.location_of(meeting),
            "meetings": [self.body_url("meeting", pk=meeting.pk)],
            "created": date_time(meeting.created),
            "modified": date_time(meeting.modified),
        }

    # -- Objects that left the public set (OParl 1.1, "Gelöschte Objekte")

    TOMBSTONE_TYPES = {
        "organization": "Organization",
        "meeting": "Meeting",
        "paper": "Paper",
        "consultation": "Consultation",
        "release_file": "File",
        "attachment_file": "File",
        "agenda_item": "AgendaItem",
        "location": "Location",
    }

    def object_url(self, kind: str, object_id: int, key: str = "") -> str:
        if kind == "agenda_item":
            return self.body_url(kind, meeting=object_id, key=key)
        return self.body_url(kind, pk=object_id)

    def tombstone(self, publication) -> dict:
        """What is left of an object once published. OParl 1.1, "Gelöschte Objekte": not a 404
        or 410; ``deleted: true``, ``modified`` = when it left, ``id``, ``type`` and
        ``created`` kept, every other attribute removed (nothing of its content: it may be
        nichtöffentlich now) – except what the 1.1 schema requires: a File's ``accessUrl``, an
        AgendaItem's ``order``."""
        kind = publication.kind
        data = {
            "id": self.object_url(kind, publication.object_id, publication.object_key),
            "type": object_type(self.TOMBSTONE_TYPES[kind]),
        }
        if self.TOMBSTONE_TYPES[kind] == "File":
            # Required by the File schema even when deleted; it answers 410 Gone now.
            data["accessUrl"] = self.body_url(f"{kind}_access", pk=publication.object_id)
        if kind == "agenda_item":
            # Required by the AgendaItem schema even when deleted; the item has no place now.
            data["order"] = 0
        data.update(
            created=date_time(publication.created),
            modified=date_time(publication.left_at),
            deleted=True,
        )
        return data

    # -- Paper, Consultation, File

    def paper(self, paper: DecisionPaper) -> dict:
        """Needs ``queries.papers_for_output``: the prefetched latest release is what is shown."""
        release = paper.oparl_releases[0]
        data = {
            "id": self.body_url("paper", pk=paper.pk),
            "type": object_type("Paper"),
            "body": self.body_url("body"),
            "name": release.subject,
            "reference": release.reference,
            "date": (release.paper_date or paper.date).isoformat(),
            "paperType": release.get_paper_type_display() or paper.get_paper_type_display(),
            "mainFile": self.release_file(release),
        }
        attachments = [self.attachment_file(a) for a in release.attachments.all()]
        if attachments:
            data["auxiliaryFile"] = attachments
        consultations = [self.consultation(c) for c in paper.oparl_consultations]
        if consultations:
            data["consultation"] = consultations
        data.update(
            created=date_time(paper.created),
            modified=date_time(paper.oparl_modified),
            web=self.absolute(reverse("public:paper", args=[self.district.slug, paper.pk])),
        )
        return data

    def consultation(self, consultation: Consultation) -> dict:
        meeting = consultation.meeting
        data = {
            "id": self.body_url("consultation", pk=consultation.pk),
            "type": object_type("Consultation"),
            "paper": self.body_url("paper", pk=consultation.paper_id),
        }
        # A nichtöffentlich meeting is not published; its committee may still be named.
        if meeting.is_public:
            data["meeting"] = self.body_url("meeting", pk=meeting.pk)
        data.update(
            organization=[self.body_url("organization", pk=meeting.committee_id)],
            authoritative=consultation.authoritative,
            role=consultation.get_role_display(),
            created=date_time(consultation.created),
            modified=date_time(consultation.oparl_modified),
        )
        return data

    def release_file(self, release: PaperRelease) -> dict:
        """The released PDF of a paper, byte for byte as the Kreistag received it."""
        return self.file(
            "release_file",
            release.pk,
            release=release,
            name=f"Vorlage {release.reference}",
            file_name=paper_filename(release.reference),
            size=release.size,
            sha512=release.sha512,
            created=release.released_at,
        )

    def attachment_file(self, attachment: ReleasedAttachment) -> dict:
        """An Anlage as frozen in the paper's latest release."""
        return self.file(
            "attachment_file",
            attachment.pk,
            release=attachment.release,
            name=attachment.title,
            file_name=os.path.basename(attachment.file.name),
            size=attachment.size,
            sha512=attachment.sha512,
            created=attachment.created,
        )

    def file(self, route, pk, *, release, name, file_name, size, sha512, created) -> dict:
        """An OParl File of a release; ``route`` names its URLs (``…``, ``…_access``,
        ``…_download``). Frozen with the release, so ``modified`` is ``created``."""
        return {
            "id": self.body_url(route, pk=pk),
            "type": object_type("File"),
            "name": name,
            "fileName": file_name,
            "mimeType": mimetypes.guess_type(file_name)[0] or "application/octet-stream",
            "date": timezone.localdate(release.released_at).isoformat(),
            "size": size,
            "sha512Checksum": sha512,
            "accessUrl": self.body_url(f"{route}_access", pk=pk),
            "downloadUrl": self.body_url(f"{route}_download", pk=pk),
            "paper": [self.body_url("paper", pk=release.paper_id)],
            "created": date_time(created),
            "modified": date_time(created),
        }
