"""Choice widgets written in Python instead of through Django's widget templates.

Django renders a radio button or a checkbox through four nested templates (the group, the option,
the input, its attributes) and a drop-down option through two; on an intake step with a dozen
options that was a third of the page's time. These widgets write exactly what Django's templates
write, line ends included, after Django's form renderer strips the ends of the whole
(tests/intake/test_widgets.py compares the two), escaping every value the same way.
"""

from django import forms
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe


def _text(value):
    """What ``{{ value|stringformat:'s' }}`` writes: the value as text, escaped unless it is safe."""
    return conditional_escape(value if isinstance(value, str) else str(value))


def _attrs(attrs):
    """django/forms/widgets/attrs.html"""
    parts = []
    for name, value in attrs.items():
        if value is False:
            continue
        if value is True:
            parts.append(f" {conditional_escape(name)}")
        else:
            parts.append(f' {conditional_escape(name)}="{_text(value)}"')
    return "".join(parts)


def _input(widget):
    """django/forms/widgets/input.html (with the line end the template file ends with)"""
    value = "" if widget["value"] is None else f' value="{_text(widget["value"])}"'
    return (
        f'<input type="{conditional_escape(widget["type"])}" name="{conditional_escape(widget["name"])}"'
        f"{value}{_attrs(widget['attrs'])}>\n"
    )


def _input_option(option):
    """radio_option.html or checkbox_option.html, which include input_option.html (each file's
    line end is part of the output)"""
    if not option["wrap_label"]:
        return _input(option) + "\n\n"
    option_id = option["attrs"].get("id")
    label_for = f' for="{conditional_escape(option_id)}"' if option_id else ""
    return f"<label{label_for}>{_input(option)} {conditional_escape(option['label'])}</label>\n\n"


class PlainMultipleInputMixin:
    """django/forms/widgets/multiple_input.html, as radio.html and checkbox_select.html include it."""

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        widget_id, widget_class = widget["attrs"].get("id"), widget["attrs"].get("class")
        parts = ["<div"]
        if widget_id:
            parts.append(f' id="{conditional_escape(widget_id)}"')
        if widget_class:
            parts.append(f' class="{conditional_escape(widget_class)}"')
        parts.append(">")
        for group, options, _index in widget["optgroups"]:
            if group:
                parts.append(f"\n  <div><label>{conditional_escape(group)}</label>")
            for option in options:
                parts.append(f"<div>\n    {_input_option(option)}</div>")
            if group:
                parts.append("\n  </div>")
        parts.append("\n</div>")
        return mark_safe("".join(parts))  # noqa: S308 - every value above is escaped


class RadioSelect(PlainMultipleInputMixin, forms.RadioSelect):
    pass


class CheckboxSelectMultiple(PlainMultipleInputMixin, forms.CheckboxSelectMultiple):
    pass


class Select(forms.Select):
    """django/forms/widgets/select.html and select_option.html"""

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        parts = [f'<select name="{conditional_escape(widget["name"])}"{_attrs(widget["attrs"])}>']
        for group_name, options, _index in widget["optgroups"]:
            if group_name:
                parts.append(f'\n  <optgroup label="{conditional_escape(group_name)}">')
            for option in options:
                parts.append(
                    f'\n  <option value="{_text(option["value"])}"{_attrs(option["attrs"])}>'
                    f"{conditional_escape(option['label'])}</option>\n"
                )
            if group_name:
                parts.append("\n  </optgroup>")
        parts.append("\n</select>")
        return mark_safe("".join(parts))  # noqa: S308 - every value above is escaped
