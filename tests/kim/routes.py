"""Routes of the KIM app for the URL walker (tests/test_permissions.py)."""

from tests.routes import Route


def _post(district) -> dict:
    from kim.models import Post
    from tests.factories import MunicipalityFactory

    post = Post.objects.create(
        district=district,
        kind="case_management",
        fte=2,
        state="besetzt",
        employer="kommune",
        municipality=MunicipalityFactory(district=district),
    )
    return {"pk": post.pk}


def _change(district) -> dict:
    from kim.models import PostChange

    change = PostChange.objects.create(
        district=district, kind="case_management", fte_before=6, fte_after=12, decision="Kreistag"
    )
    return {"pk": change.pk}


ROUTES = {
    "kim:overview": Route(has_objects=False),
    "kim:post_create": Route(has_objects=False),
    "kim:post_update": Route(kwargs=_post),
    "kim:post_delete": Route(kwargs=_post),
    "kim:change_create": Route(has_objects=False),
    "kim:change_update": Route(kwargs=_change),
    "kim:change_delete": Route(kwargs=_change),
    "kim:case_figures": Route(has_objects=False),
    "kim:case_figures_grid": Route(
        kwargs=lambda district: {"year": 2026, "quarter": 4}, has_objects=False
    ),
}
