from django.urls import path

from openjeugd.contracts import views, views_manage

app_name = "contracts"
urlpatterns = [
    path("", views.contract_list, name="contract-list"),
    path("<int:pk>/", views.contract_detail, name="contract-detail"),
    path("ceilings/", views.ceiling_overview, name="ceiling-overview"),
    path("ceilings/export.xlsx", views.ceiling_export_xlsx, name="ceiling-export-xlsx"),
    path("ceilings/export.pdf", views.ceiling_export_pdf, name="ceiling-export-pdf"),
    path("ceilings/<int:pk>/", views.ceiling_detail, name="ceiling-detail"),
    path("ceilings/<int:pk>/behind/", views.ceiling_drilldown, name="ceiling-drilldown"),
    path("conversions/", views.conversion_list, name="conversion-list"),
    path("conversions/runs/<int:pk>/", views.conversion_run, name="conversion-run"),
]

# Changing the arrangements (Perm.MANAGE_CONTRACTS).
urlpatterns += [
    path("new/", views_manage.contract_create, name="contract-create"),
    path("<int:pk>/extend/", views_manage.contract_extend, name="contract-extend"),
    path("<int:pk>/award/", views_manage.contract_award, name="contract-award"),
    path("<int:pk>/tariffs/new/", views_manage.tariff_create, name="tariff-create"),
    path("<int:pk>/tariffs/index/", views_manage.tariff_index, name="tariff-index"),
    path("ceilings/set/", views_manage.ceiling_set, name="ceiling-set"),
    path("conversions/<int:pk>/apply/", views_manage.conversion_apply,
         name="conversion-apply"),
]
