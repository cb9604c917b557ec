"""Form widgets shared by the apps."""

from django import forms
from django.forms.utils import flatatt
from django.utils.html import conditional_escape, escape, format_html
from django.utils.safestring import SafeString


class PlainSelect(forms.Select):
    """A ``<select>`` built in Python instead of one template per ``<option>``; every value,
    label and group name is escaped here (``conditional_escape`` keeps a safe label as it is).

    Issue 16: the measures filter renders ≈ 350 options at NRW scale, and Django's per-option
    templates took two thirds of the request. The markup is what ``Select`` renders — same
    name, id, attributes, values, labels (escaped), ``selected`` state and optgroups — so the
    label's ``for`` and assistive technology see the same element.
    """

    def render(self, name, value, attrs=None, renderer=None) -> SafeString:
        final_attrs = self.build_attrs(self.attrs, attrs)
        if self.allow_multiple_selected:
            final_attrs["multiple"] = True
        selected = set(self.format_value(value))
        has_selected = False
        parts = []

        def options(choices):
            nonlocal has_selected
            rows = []
            for option_value, label in choices:
                option_value = "" if option_value is None else str(option_value)
                is_selected = (
                    not has_selected or self.allow_multiple_selected
                ) and option_value in selected
                has_selected |= is_selected
                rows.append(
                    f'\n  <option value="{escape(option_value)}"'
                    f"{' selected' if is_selected else ''}>{conditional_escape(label)}</option>"
                )
            return "".join(rows)

        for group_name, group_choices in self.choices:
            if isinstance(group_choices, list | tuple):
                parts.append(
                    f'\n  <optgroup label="{escape(group_name)}">'
                    f"{options(group_choices)}\n  </optgroup>"
                )
            else:
                parts.append(options([(group_name, group_choices)]))
        return format_html(
            '<select name="{}"{}>{}\n</select>',
            name,
            flatatt(final_attrs),
            SafeString("".join(parts)),
        )
