import pytest
@pytest.mark.django_db
def test_dump(client, district, ki_staff):
    client.force_login(ki_staff)
    r = client.get(f"/{district.slug}/massnahmen/neu/")
    open("/tmp/measure_form.html","w").write(r.content.decode())
