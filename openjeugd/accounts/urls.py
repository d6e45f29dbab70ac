from django.urls import path

from openjeugd.accounts import views, views_users

app_name = "accounts"
urlpatterns = [
    path("access-log/", views.access_log, name="access-log"),
    path("access-log/export.<str:kind>", views.access_log_export, name="access-log-export"),
]

# Regional user administration (Perm.MANAGE_USERS) and the one-time set-password link.
urlpatterns += [
    path("users/", views_users.user_list, name="user-list"),
    path("users/new/", views_users.user_create, name="user-create"),
    path("users/<int:pk>/", views_users.user_detail, name="user-detail"),
    path("users/<int:pk>/deactivate/", views_users.user_set_active, {"active": False},
         name="user-deactivate"),
    path("users/<int:pk>/reactivate/", views_users.user_set_active, {"active": True},
         name="user-reactivate"),
    path("users/<int:pk>/reset-password/", views_users.user_reset_password,
         name="user-reset-password"),
    path("set-password/done/", views_users.SetPasswordDoneView.as_view(),
         name="set-password-done"),
    path("set-password/<uidb64>/<token>/", views_users.SetPasswordView.as_view(),
         name="set-password"),
]
