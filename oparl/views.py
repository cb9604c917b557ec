"""Read-only OParl 1.1 interface of released öffentlich papers (issue 7).

No login: everything here is public on purpose (tests/test_permissions.py, PUBLIC_NAMESPACES).
What is public is decided in ``queries``; a paper that is a draft, nichtöffentlich or of another
District answers 404 exactly like one that does not exist, unless OParl published it before:
then it answers 200 with ``deleted: true`` (OParl 1.1, "Gelöschte Objekte"; oparl/models.py).
"""

from django.db.models import Max, Min
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404
from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators.csrf import csrf_exempt

from districts.models import District
from papers.responses import release_pdf_response, released_attachment_response

from . import agenda, lists, queries
from .serializers import Serializer

JSON = "application/json; charset=utf-8"


def json_response(data: dict, status: int = 200) -> JsonResponse:
    return JsonResponse(
        data, status=status, content_type=JSON, json_dumps_params={"ensure_ascii": False}
    )


def error_response(status: int, message: str) -> JsonResponse:
    return json_response({"error": {"status": status, "message": message}}, status=status)


# Read-only and cookie-free: without the exemption a POST would meet the CSRF check's HTML 403
# instead of OParl's JSON 405.
@method_decorator(csrf_exempt, name="dispatch")
class OParlView(View):
    """GET only; errors come as JSON, and every answer may be read by browser apps (CORS)."""

    http_method_names = ["get", "head", "options"]

    def dispatch(self, request, *args, **kwargs):
        try:
            response = super().dispatch(request, *args, **kwargs)
        except Http404:
            response = error_response(404, "Dieses Objekt gibt es hier nicht.")
        except lists.InvalidParameter as exc:
            response = error_response(400, str(exc))
        # OParl clients are often browser apps on other origins; nothing here needs cookies.
        response["Access-Control-Allow-Origin"] = "*"
        return response

    def http_method_not_allowed(self, request, *args, **kwargs):
        response = error_response(405, "Die OParl-Schnittstelle kann nur gelesen werden.")
        response["Allow"] = "GET, HEAD, OPTIONS"
        return response


class BodyMixin:
    """Resolves the District (OParl: Body) from the URL; unknown → 404."""

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.body_slug = kwargs["body"]

    @property
    def district(self) -> District:
        if not hasattr(self, "_district"):
            self._district = get_object_or_404(District, slug=self.body_slug)
        return self._district

    @property
    def serializer(self) -> Serializer:
        return Serializer(self.request, self.district)

    def public_or_tombstone(self, queryset, kind: str, pk: int, serialize):
        """The public object as OParl shows it; else its tombstone if it was published; else 404."""
        obj = queryset.filter(pk=pk).first()
        if obj is not None:
            return json_response(serialize(obj))
        return self.tombstone(kind, pk)

    def tombstone(self, kind: str, pk: int, key: str = ""):
        """The tombstone of an object that OParl published and shows no more; else 404."""
        found = queries.tombstones(self.district, kind).filter(object_id=pk, object_key=key)
        tombstone = found.first()
        if tombstone is None:
            raise Http404
        return json_response(self.serializer.tombstone(tombstone))

    def list_with_tombstones(self, queryset, kind: str, serialize, **fields):
        data = lists.object_list(
            self.request,
            queryset,
            serialize,
            tombstones=queries.tombstones(self.district, kind),
            serialize_tombstone=self.serializer.tombstone,
            **fields,
        )
        return json_response(data)


class SystemView(OParlView):
    def get(self, request):
        stamps = District.objects.aggregate(created=Min("created"), modified=Max("modified"))
        return json_response(Serializer(request).system(stamps["created"], stamps["modified"]))


class BodyListView(OParlView):
    def get(self, request):
        serializer = Serializer(request)
        # The concept in force of each Body in two queries, however many Bodies (issue 14).
        bodies = District.objects.select_related("concept").prefetch_related("concept__versions")
        data = lists.object_list(request, bodies.order_by("pk"), serializer.body)
        return json_response(data)


class BodyView(BodyMixin, OParlView):
    def get(self, request, body):
        return json_response(self.serializer.body(self.district))


# -- Lists of one Body


class OrganizationListView(BodyMixin, OParlView):
    def get(self, request, body):
        committees = queries.committees(self.district).order_by("pk")
        return self.list_with_tombstones(committees, "organization", self.serializer.organization)


class PersonListView(BodyMixin, OParlView):
    """Mandatory for a Body in OParl 1.1; no persons are published, so it stays empty."""

    def get(self, request, body):
        nobody = District.objects.none()
        return json_response(lists.object_list(request, nobody, lambda obj: obj))


class MeetingListView(BodyMixin, OParlView):
    def get(self, request, body):
        meetings = queries.meetings_for_output(self.district).order_by("pk")
        return self.list_with_tombstones(
            meetings, "meeting", self.serializer.meeting, modified="oparl_modified"
        )


class PaperListView(BodyMixin, OParlView):
    def get(self, request, body):
        papers = queries.papers_for_output(self.district).order_by("pk")
        return self.list_with_tombstones(
            papers, "paper", self.serializer.paper, modified="oparl_modified"
        )


# -- Objects of one Body


class OrganizationView(BodyMixin, OParlView):
    def get(self, request, body, pk):
        committees = queries.committees(self.district)
        return self.public_or_tombstone(
            committees, "organization", pk, self.serializer.organization
        )


class MeetingView(BodyMixin, OParlView):
    def get(self, request, body, pk):
        meetings = queries.meetings_for_output(self.district)
        return self.public_or_tombstone(meetings, "meeting", pk, self.serializer.meeting)


class AgendaItemView(BodyMixin, OParlView):
    def get(self, request, body, meeting, key):
        found = queries.meetings_for_output(self.district).filter(pk=meeting).first()
        if found is not None:
            for item in agenda.published_items(found):
                if item.key == key:
                    return json_response(self.serializer.agenda_item(found, item))
        return self.tombstone("agenda_item", meeting, key)


class LocationView(BodyMixin, OParlView):
    def get(self, request, body, pk):
        meetings = queries.public_meetings(self.district).exclude(location="")
        found = meetings.filter(pk=pk).first()
        if found is not None and agenda.location_of(found):
            return json_response(self.serializer.location(found))
        return self.tombstone("location", pk)


class PaperView(BodyMixin, OParlView):
    def get(self, request, body, pk):
        papers = queries.papers_for_output(self.district)
        return self.public_or_tombstone(papers, "paper", pk, self.serializer.paper)


class ConsultationView(BodyMixin, OParlView):
    def get(self, request, body, pk):
        consultations = queries.public_consultations(self.district)
        return self.public_or_tombstone(
            consultations, "consultation", pk, self.serializer.consultation
        )


class ReleaseFileView(BodyMixin, OParlView):
    def get(self, request, body, pk):
        releases = queries.public_release_files(self.district)
        return self.public_or_tombstone(releases, "release_file", pk, self.serializer.release_file)


class AttachmentFileView(BodyMixin, OParlView):
    def get(self, request, body, pk):
        attachments = queries.public_attachment_files(self.district)
        return self.public_or_tombstone(
            attachments, "attachment_file", pk, self.serializer.attachment_file
        )


# -- The bytes of a File. OParl: the access URL must not send "Content-Disposition: attachment",
# the download URL must, with a file name.


class FileContentMixin:
    """The bytes of a File that is no longer published are gone (410), not unknown (404)."""

    def gone_or_404(self, kind: str, pk: int):
        if queries.tombstones(self.district, kind).filter(object_id=pk).exists():
            return error_response(410, "Diese Datei ist nicht mehr öffentlich.")
        raise Http404


class ReleaseFileContentView(FileContentMixin, BodyMixin, OParlView):
    download = False

    def get(self, request, body, pk):
        release = queries.public_release_files(self.district).defer(None).filter(pk=pk).first()
        if release is None:
            return self.gone_or_404("release_file", pk)
        return release_pdf_response(release, inline=not self.download)


class AttachmentFileContentView(FileContentMixin, BodyMixin, OParlView):
    download = False

    def get(self, request, body, pk):
        attachment = queries.public_attachment_files(self.district).filter(pk=pk).first()
        if attachment is None:
            return self.gone_or_404("attachment_file", pk)
        return released_attachment_response(attachment, as_attachment=self.download)
