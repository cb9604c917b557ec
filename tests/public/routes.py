from tests.factories import FeedbackMessageFactory
from tests.routes import Route

ROUTES = {
    "feedback:list": Route(has_objects=False),
    "feedback:mark_handled": Route(
        kwargs=lambda d: {"pk": FeedbackMessageFactory(district=d).pk}, method="post"
    ),
}
