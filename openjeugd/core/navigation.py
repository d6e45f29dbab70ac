"""The main menu: what each role works on, derived from the central policy."""

from dataclasses import dataclass
from functools import lru_cache

from django.conf import settings
from django.urls import NoReverseMatch, get_script_prefix, get_urlconf, reverse
from django.utils.translation import gettext_lazy as _

from openjeugd.accounts.policy import Perm, has_perm


@dataclass(frozen=True)
class NavItem:
    label: str
    url_name: str
    perm: Perm | None
    description: str = ""

    @property
    def url(self) -> str | None:
        """The entry's address; None when its app is not installed. Remembered per URL
        configuration and script prefix: every page draws the menu (and the start page twice)."""
        return _url(self.url_name, get_script_prefix(), get_urlconf() or settings.ROOT_URLCONF)


@lru_cache(maxsize=256)
def _url(url_name: str, _prefix: str, urlconf: str) -> str | None:
    # The prefix is in the key because reverse() reads it; the URL names take no arguments.
    try:
        return reverse(url_name, urlconf=urlconf)
    except NoReverseMatch:
        return None


# Apps add their entries here as they arrive; the start page shows the same items as cards.
NAV_ITEMS = [
    NavItem(_("Work list"), "pathways:work-list", Perm.WORK_CASES,
            _("Your cases' due and overdue steps: brigade, crisis, outflow, measurements.")),
    NavItem(_("Cases"), "pathways:case-list", Perm.WORK_CASES,
            _("Requests for help, triage, referral, expert team and decisions.")),
    NavItem(_("Youths"), "registry:youth-list", Perm.VIEW_YOUTH,
            _("The youths in your scope and their care.")),
    NavItem(_("Messages"), "ijw:inbox", Perm.VIEW_MESSAGES,
            _("iJw message traffic: inbox, outbox and deadlines.")),
    NavItem(_("Message overview"), "monitoring:overview", Perm.VIEW_REGION_FIGURES,
            _("Volumes, rejection rates and overdue requests in the region.")),
    NavItem(_("Monitoring"), "monitoring:dashboard", Perm.VIEW_REGION_FIGURES,
            _("Youth care trajectories as the CBS counts them, per half year and municipality.")),
    NavItem(_("KPIs and KRIs"), "monitoring:kpi-list", Perm.VIEW_REGION_FIGURES,
            _("The region's indicators per level against their targets, the strategy map and "
              "the story behind the figures.")),
    NavItem(_("CBS delivery file"), "monitoring:cbs-delivery", Perm.VIEW_YOUTH,
            _("A provider's half-year file for CBS Beleidsinformatie Jeugd: check and download.")),
    NavItem(_("Regions"), "registry:region-list", Perm.VIEW_REGISTRY,
            _("All youth-care regions of the Netherlands and their municipalities.")),
    NavItem(_("Municipalities"), "registry:municipality-list", Perm.VIEW_REGISTRY,
            _("Municipalities of the region with population figures.")),
    NavItem(_("Providers"), "registry:provider-list", Perm.VIEW_REGISTRY,
            _("Providers, partnerships and facilities.")),
    NavItem(_("Facilities"), "registry:facility-list", Perm.VIEW_REGISTRY,
            _("Locations with their type, places and age range.")),
    NavItem(_("Teams"), "registry:team-list", Perm.VIEW_REGISTRY,
            _("Local teams, SLTs, the expert team and mobile brigades.")),
    NavItem(_("Users"), "accounts:user-list", Perm.MANAGE_USERS,
            _("The users of your region: roles, scopes, access and passwords.")),
    NavItem(_("Registry of your region"), "registry:manage", Perm.CHANGE_REGISTRY,
            _("Population figures, registered providers, facilities and teams of your region.")),
    NavItem(_("Contracts"), "contracts:contract-list", Perm.VIEW_CONTRACTS,
            _("Contracts, lots, partners and tariffs of your region.")),
    NavItem(_("Budget ceilings"), "contracts:ceiling-overview", Perm.VIEW_CONTRACTS,
            _("Budget, committed, spent and forecast per ceiling; exports.")),
    NavItem(_("Access log"), "accounts:access-log", Perm.VIEW_ACCESS_LOG,
            _("Who read or changed which personal data, when and why.")),
]


def menu_for(user) -> list[NavItem]:
    if not (user and user.is_authenticated):
        return []
    items = []
    for item in NAV_ITEMS:
        if item.perm is not None and not has_perm(user, item.perm):
            continue
        if item.url is not None:  # skip entries whose app is not installed
            items.append(item)
    return items
