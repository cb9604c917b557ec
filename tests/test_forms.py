"""The shared form widgets keep what the user typed (core/forms.py)."""

from django import forms

from core.forms import DateInput


class MeetingForm(forms.Form):
    day = forms.DateField(label="Sitzung am", widget=DateInput())
    note = forms.CharField(label="Notiz", max_length=3)


def test_a_german_date_shown_again_after_an_error_stays_in_the_picker():
    form = MeetingForm(data={"day": "23.11.2026", "note": "zu lang"})
    assert not form.is_valid() and "note" in form.errors
    html = str(form["day"])
    assert 'type="date"' in html and 'value="2026-11-23"' in html


def test_an_unparseable_date_is_shown_as_typed_with_its_error():
    form = MeetingForm(data={"day": "31.02.2026", "note": "ok"})
    assert not form.is_valid()
    assert "Bitte ein gültiges Datum eingeben." in form.errors["day"][0]
    assert 'value="31.02.2026"' in str(form["day"])
