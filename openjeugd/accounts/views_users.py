"""Regional user administration: the regional admin manages the users of its own region.

Every user is fetched through `selectors_users.users_managed_by`, so a user of another region,
a superuser or staff answers 404, exactly like one that does not exist.
"""

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from openjeugd.accounts import selectors_users, services
from openjeugd.accounts.decorators import requires
from openjeugd.accounts.forms_users import LinkSetPasswordForm, UserFilterForm, UserForm
from openjeugd.accounts.policy import Perm
from openjeugd.core.forms import add_service_errors


def _managed_user(request, pk):
    return get_object_or_404(selectors_users.users_managed_by(request.user), pk=pk)


@requires(Perm.MANAGE_USERS)
def user_list(request):
    form = UserFilterForm(request.GET or None)
    users = selectors_users.search_users(request.user, **form.filters())
    page = Paginator(users, 50).get_page(request.GET.get("page"))
    return render(request, "accounts/users/user_list.html", {"form": form, "page": page})


@requires(Perm.MANAGE_USERS)
def user_create(request):
    form = UserForm(request.POST or None, admin=request.user, creating=True)
    if request.method == "POST" and form.is_valid():
        try:
            user = services.create_user(actor=request.user, request=request, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("User %(name)s created. Issue a set-password link so "
                                        "they can log in.") % {"name": user.username})
            return redirect("accounts:user-detail", pk=user.pk)
    return render(request, "accounts/users/user_form.html", {"form": form, "subject": None})


@requires(Perm.MANAGE_USERS)
def user_detail(request, pk):
    subject = _managed_user(request, pk)
    form = UserForm(request.POST or None, admin=request.user, creating=False,
                    initial=UserForm.initial_for(subject))
    if request.method == "POST" and form.is_valid():
        try:
            services.update_user(actor=request.user, user=subject, request=request,
                                 **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
            subject.refresh_from_db()
        else:
            messages.success(request, _("Changes saved."))
            return redirect("accounts:user-detail", pk=subject.pk)
    return render(request, "accounts/users/user_form.html", {"form": form, "subject": subject})


@requires(Perm.MANAGE_USERS)
@require_POST
def user_set_active(request, pk, active: bool):
    subject = _managed_user(request, pk)
    try:
        services.set_active(actor=request.user, user=subject, active=active, request=request)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("User reactivated.") if active else _("User deactivated."))
    return redirect("accounts:user-detail", pk=subject.pk)


@requires(Perm.MANAGE_USERS)
@require_POST
def user_reset_password(request, pk):
    subject = _managed_user(request, pk)
    try:
        path = services.issue_set_password_link(actor=request.user, user=subject,
                                                request=request)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("accounts:user-detail", pk=subject.pk)
    # Rendered in the answer to the POST and stored nowhere: the link is shown once.
    response = render(request, "accounts/users/set_password_link.html",
                      {"subject": subject, "link": request.build_absolute_uri(path)})
    response["Cache-Control"] = "no-store"
    return response


class SetPasswordView(auth_views.PasswordResetConfirmView):
    """The page behind the one-time link; a deactivated user's link does not work."""

    form_class = LinkSetPasswordForm
    template_name = "accounts/users/set_password.html"
    success_url = reverse_lazy("accounts:set-password-done")

    def get_user(self, uidb64):
        user = super().get_user(uidb64)
        return user if user is not None and user.is_active else None


class SetPasswordDoneView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/users/set_password_done.html"
