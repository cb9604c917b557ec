from tests.factories import FeedbackMessageFactory
from tests.routes import Route

ROUTES = {
    "public:feedback": Route(has_objects=False),
    "public:feedback_mark_handled": Route(
        kwargs=lambda d: {"pk": FeedbackMessageFactory(district=d).pk}, method="post"
    ),
}
