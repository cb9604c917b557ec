"""One structured log line per write (issue 15): who, in which District, what, with what result.

Operators need to answer "who changed this, when" from the logs as well as from the history,
and to see failed writes. The line names the user by id and the District by slug; it carries
the path (ids only) but never the submitted data, so no personal data of contact persons or
of people giving feedback reaches the logs (DSGVO Art. 5 (1) c, data minimisation).
"""

import json
import logging
import time

logger = logging.getLogger("kreisintegration.writes")
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})


class WriteLogMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method in SAFE_METHODS:
            return self.get_response(request)
        started = time.monotonic()
        response = self.get_response(request)
        user = getattr(request, "user", None)
        district = getattr(request, "district", None)
        match = getattr(request, "resolver_match", None)
        logger.info(
            json.dumps(
                {
                    "event": "write",
                    "method": request.method,
                    "path": request.path,
                    "view": match.view_name if match else None,
                    "status": response.status_code,
                    "user": user.pk if user is not None and user.is_authenticated else None,
                    "district": getattr(district, "slug", None)
                    or (match.kwargs.get("district_slug") if match else None),
                    "ms": round((time.monotonic() - started) * 1000),
                },
                ensure_ascii=False,
            )
        )
        return response
