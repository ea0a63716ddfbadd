"""Build the POST data of an admin change form the way a browser would submit it unchanged:
every field of the form and of every inline, with a textarea's line breaks sent as CRLF
(as the HTML standard has browsers do)."""

from django.forms import BaseFormSet, Textarea


def _field_data(form, data):
    for name, field in form.fields.items():
        bound = form[name]
        value = bound.value()
        key = bound.html_name
        if field.disabled:
            continue
        if isinstance(value, list | tuple):
            data[key] = [str(v.pk if hasattr(v, "pk") else v) for v in value]
        elif isinstance(value, bool):
            if value:
                data[key] = "on"
        elif value is None:
            data[key] = ""
        else:
            data[key] = str(value.pk if hasattr(value, "pk") else value)
        if hasattr(field, "widget") and field.widget.__class__.__name__ == "TagSuggestWidget":
            data[key] = field.widget.format_value(value) or ""
        if isinstance(field.widget, Textarea) and isinstance(data.get(key), str):
            data[key] = as_browser_sends(data[key])


def as_browser_sends(text: str) -> str:
    """A textarea's value as a browser posts it: every line break as CRLF."""
    return text.replace("\r\n", "\n").replace("\n", "\r\n")


def change_form_data(response) -> dict:
    """The data of the change form (and its inlines) rendered in `response`."""
    data = {}
    _field_data(response.context["adminform"].form, data)
    for inline in response.context["inline_admin_formsets"]:
        formset: BaseFormSet = inline.formset
        for key, value in formset.management_form.initial.items():
            data[f"{formset.prefix}-{key}"] = str(value)
        for form in formset.forms:
            _field_data(form, data)
    return data
