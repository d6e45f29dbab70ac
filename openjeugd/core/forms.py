"""Where a service's refusal lands on a form: on the field it names, or on the form as a whole
when the form has no such field. One helper for every screen and API form that calls a service."""

from django.core.exceptions import ValidationError


def add_service_errors(form, error: ValidationError) -> None:
    for field, errors in error.message_dict.items():
        form.add_error(field if field in form.fields else None, errors)


def saved(request, form, write):
    """On a valid POST call ``write(cleaned_data)``; the written object, or None (not a POST,
    an invalid form, or a refusal, which is then on the form)."""
    if request.method != "POST" or not form.is_valid():
        return None
    try:
        return write(form.cleaned_data)
    except ValidationError as error:
        add_service_errors(form, error)
        return None
