"""Concept images under /media/bilder/<district>/<name>, served with a permission check.

Issue 15: uploaded images never showed in the browser (no route for /media/), and serving
MEDIA_ROOT the usual way (nginx `location /media/`) would publish draft and nichtöffentlich
files without login. Only this view serves from MEDIA_ROOT; Anlagen and released files go
through the papers' own download views. An image is served
- to whoever may read a concept version whose text shows it (``visible_versions``: members who
  read internal documents see drafts, others the adopted versions and those put before them),
- to everyone when a version the public may read shows it (the public concept page).
With ``MEDIA_ACCEL_REDIRECT`` set, nginx sends the bytes (X-Accel-Redirect to an internal
location, README "Betrieb"); otherwise Django streams the file.
"""

import mimetypes
import os

from django.conf import settings
from django.db.models import Q
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_safe

from accounts.access import access_for
from districts.models import District

from .models import ConceptSection, ConceptVersion
from .queries import visible_versions
from .rendering import UPLOAD_NAME

PUBLIC_STATUSES = (ConceptVersion.Status.ADOPTED, ConceptVersion.Status.SUPERSEDED)


@require_safe
def concept_image(request, district_slug: str, name: str):
    if not UPLOAD_NAME.match(name):
        raise Http404
    district = get_object_or_404(District, slug=district_slug)
    folder = os.path.realpath(os.path.join(settings.MEDIA_ROOT, "bilder", district.slug))
    path = os.path.realpath(os.path.join(folder, name))
    if os.path.dirname(path) != folder or not os.path.isfile(path):
        raise Http404
    shown_in = ConceptSection.objects.filter(
        version__concept__district=district, body__contains=f"/bilder/{district.slug}/{name}"
    )
    public = ConceptVersion.objects.filter(concept__district=district).filter(
        Q(status__in=PUBLIC_STATUSES) | Q(presented_publicly=True)
    )
    if shown_in.filter(version__in=public).exists():
        return _send(path, f"bilder/{district.slug}/{name}", public=True)
    access = access_for(request.user, district)
    if access.role is None:
        raise Http404  # as for every page of a District: nothing leaks to outsiders
    request.district, request.access = district, access
    if access.can_read_internal or shown_in.filter(version__in=visible_versions(request)).exists():
        return _send(path, f"bilder/{district.slug}/{name}", public=False)
    raise Http404


def _send(path: str, relative: str, *, public: bool):
    content_type = mimetypes.guess_type(path)[0] or "application/octet-stream"
    accel = getattr(settings, "MEDIA_ACCEL_REDIRECT", "")
    if accel:
        response = HttpResponse(content_type=content_type)
        response["X-Accel-Redirect"] = accel.rstrip("/") + "/" + relative
    else:
        response = FileResponse(open(path, "rb"), content_type=content_type)  # noqa: SIM115
    response["Cache-Control"] = "public, max-age=3600" if public else "private, max-age=600"
    return response
