"""Settings shared by every environment.

Everything that differs between machines comes from environment variables with
safe defaults (see the configuration table in README.md).
"""

import os
from datetime import timedelta
from importlib.util import find_spec
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from .scaling import media_storage, read_replica, search_backends, task_backends

BASE_DIR = Path(__file__).resolve().parent.parent.parent
PROJECT_DIR = BASE_DIR / "portal"


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "home",
    "communities",
    "resources",
    "search",
    "wagtail_localize",
    "wagtail_localize.locales",  # replaces wagtail.locales
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.api.v2",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "rest_framework",
    "axes",
    "csp",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Its redirect of "/" by Accept-Language is private (home/page_cache.py).
    "home.page_cache.LanguageRedirectCacheMiddleware",
    # After sessions, before common: picks the language from the URL prefix.
    "django.middleware.locale.LocaleMiddleware",
    # The admin in Indonesian unless the editor's account says otherwise.
    "home.middleware.AdminLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Anonymous page views from the cache, Cache-Control for CDNs (home/page_cache.py).
    # After auth, messages and CSRF: it reads the user and sees what they mark.
    "home.page_cache.PageCacheMiddleware",
    # Routes page views with the cached site and home page (home/routing.py).
    "home.middleware.PageRoutingMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # A lost database connection in a view becomes a translated 503, not a 500.
    "home.middleware.DatabaseUnavailableMiddleware",
    # Last, as django-axes requires: turns a locked-out login into its lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "portal.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "portal.wsgi.application"

# SQLite is the zero-setup default; production and CI use PostgreSQL via DATABASE_URL.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Wagtail >= 7.2 needs it on PostgreSQL.
    INSTALLED_APPS.append("django.contrib.postgres")
    # PostgreSQL's JIT compiles "expensive" plans, such as counting facets over many search
    # matches, and spent more time compiling than it saved (910 ms -> 647 ms for one count).
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c jit=off"
# A read replica for the search index's reads when DATABASE_REPLICA_URL is set (docs/scaling.md).
_replica, DATABASE_ROUTERS = read_replica(DATABASES["default"])
DATABASES.update(_replica)

# Background tasks (search and reference index updates): inline by default; in
# `manage.py db_worker` with TASKS_BACKEND=database (docs/scaling.md).
TASKS, _task_apps = task_backends()
INSTALLED_APPS += _task_apps

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Local memory by default; Redis (django-redis) when REDIS_URL is set.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "portal",
            "OPTIONS": {
                # A Redis outage degrades to "no cache" instead of errors.
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": 1,
                "SOCKET_TIMEOUT": 1,
            },
        }
    }
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
    # Whole pages (home/page_cache.py): errors reach the page cache, which logs them and
    # leaves Redis alone for a while instead of waiting for it on every request.
    CACHES["pages"] = {
        **CACHES["default"],
        "OPTIONS": {**CACHES["default"]["OPTIONS"], "IGNORE_EXCEPTIONS": False},
    }
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "pages": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "pages",
            "OPTIONS": {"MAX_ENTRIES": 500},  # about 25 MB of pages per process
        },
    }
PAGE_CACHE_ALIAS = "pages"
# Seconds the server keeps a page (0 turns the page cache off; every publish purges it),
# browsers keep it (Cache-Control max-age) and a CDN keeps it (s-maxage; purged on publish
# when FRONTEND_CACHE is set). See "Caching" in docs/architecture.md.
PAGE_CACHE_TIMEOUT = int(os.environ.get("PAGE_CACHE_TIMEOUT", "300"))
PAGE_CACHE_MAX_AGE = int(os.environ.get("PAGE_CACHE_MAX_AGE", "60"))
CDN_MAX_AGE = int(os.environ.get("CDN_MAX_AGE", "600"))

# django-axes first: it refuses logins while a username + address is locked out.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: Indonesian first, English second, both under URL prefixes.
LANGUAGE_CODE = "id"
LANGUAGES = [
    ("id", "Bahasa Indonesia"),
    ("en", "English"),
]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Asia/Jakarta"

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media/"

STORAGES = {
    # Local MEDIA_ROOT, or S3-compatible storage when AWS_STORAGE_BUCKET_NAME is set.
    "default": media_storage(),
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Wagtail's page editor can exceed Django's default of 1000 form fields.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Security headers (SecurityMiddleware, XFrameOptionsMiddleware, django-csp), in every environment.
X_FRAME_OPTIONS = "DENY"  # Wagtail's preview views override this to SAMEORIGIN.
SECURE_CONTENT_TYPE_NOSNIFF = True
# Cross-origin requests carry the origin only: YouTube's player refuses embeds without it.
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
# The public site: same-origin scripts, styles and images only (no inline script or style);
# the click-to-load video players are the only frames. The Wagtail admin does not work under
# a strict policy: /admin/ is left out.
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/"],
    "DIRECTIVES": {
        "default-src": [SELF],
        "base-uri": [SELF],
        "connect-src": [SELF],
        "font-src": [SELF],
        "form-action": [SELF],
        # Not 'none': Wagtail renders previews through this middleware with the page's own URL,
        # and the admin's preview panel frames them (same origin).
        "frame-ancestors": [SELF],
        "frame-src": ["https://www.youtube-nocookie.com", "https://player.vimeo.com"],
        "img-src": [SELF, "data:"],
        "object-src": [NONE],
        "script-src": [SELF],
        "style-src": [SELF],
    },
}

# django-axes: 5 failed sign-ins for one username from one address lock that pair out until
# 15 minutes after its last attempt (HTTP 429 with templates/axes/lockout.html); a successful
# sign-in resets the count.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "axes/lockout.html"
# The client's address is REMOTE_ADDR unless TRUSTED_PROXY_COUNT says how many reverse proxies
# (each appending to X-Forwarded-For) stand in front of the site. Then the client is the
# TRUSTED_PROXY_COUNT-th address from the right of X-Forwarded-For: the last proxy is
# REMOTE_ADDR itself, and anything further left was written by the client and may be forged.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
if TRUSTED_PROXY_COUNT > 0:
    AXES_IPWARE_META_PRECEDENCE_ORDER = ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"]
    AXES_IPWARE_PROXY_COUNT = TRUSTED_PROXY_COUNT - 1  # proxies listed after the client
    IPWARE_STRICT = False  # a longer (client-prefixed) header is used, not skipped

# Personal data (UU PDP) and spam protection of the meeting registration form. Registrations
# are deleted REGISTRATION_RETENTION_DAYS after their meeting date, and django-axes' sign-in
# records after ACCESS_LOG_RETENTION_DAYS, by `manage.py purge_registrations` (run it daily).
# One client address may post the registration form of one meeting REGISTRATION_RATE_LIMIT
# times per REGISTRATION_RATE_WINDOW seconds (counted in the cache; 0 turns the limit off).
REGISTRATION_RETENTION_DAYS = int(os.environ.get("REGISTRATION_RETENTION_DAYS", "365"))
ACCESS_LOG_RETENTION_DAYS = int(os.environ.get("ACCESS_LOG_RETENTION_DAYS", "90"))
REGISTRATION_RATE_LIMIT = int(os.environ.get("REGISTRATION_RATE_LIMIT", "20"))
REGISTRATION_RATE_WINDOW = int(os.environ.get("REGISTRATION_RATE_WINDOW", "3600"))

# Wagtail
WAGTAIL_SITE_NAME = _("Komunitas Praktisi")
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# No Gravatar: the admin would send a hash of every editor's e-mail to gravatar.com on each
# page; editors get Wagtail's default avatar or the one they upload.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# The portal search caches its answers under the index version (search/cache.py); 0 = off.
SEARCH_CACHE_TIMEOUT = int(os.environ.get("SEARCH_CACHE_TIMEOUT", "600"))
# A word gets its own search bitmaps when this many documents of a language have it
# (search/bitmaps.py); rarer words are read from the GIN index at search time.
SEARCH_BITMAP_MIN_DOCUMENTS = int(os.environ.get("SEARCH_BITMAP_MIN_DOCUMENTS", "1000"))
# The database, or OpenSearch/Elasticsearch with SEARCH_BACKEND and SEARCH_URL (docs/scaling.md).
WAGTAILSEARCH_BACKENDS = search_backends()
WAGTAILDOCS_EXTENSIONS = [
    "pdf", "doc", "docx", "ppt", "pptx", "xls", "xlsx", "odt", "odp", "ods", "txt", "csv",
]  # fmt: skip
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# Serve documents through Django so permissions and collections are enforced.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# Every upload path (add, multiple upload, choosers) checks content and hidden extensions.
WAGTAILDOCS_DOCUMENT_FORM_BASE = "home.uploads.DocumentForm"
WAGTAILIMAGES_IMAGE_FORM_BASE = "home.uploads.ImageForm"
WAGTAILEMBEDS_RESPONSIVE_HTML = True


def _importable(module):
    try:
        return find_spec(module) is not None
    except ModuleNotFoundError:
        return False


def machine_translator():
    """wagtail-localize's machine translator from MACHINE_TRANSLATOR (deepl, libretranslate,
    google); None (no "Machine translate" button) when unset."""
    name = os.environ.get("MACHINE_TRANSLATOR", "").strip().lower()
    if not name:
        return None

    def required(variable):
        value = os.environ.get(variable, "").strip()
        if not value:
            raise ImproperlyConfigured(f"MACHINE_TRANSLATOR={name} needs {variable}.")
        return value

    prefix = "wagtail_localize.machine_translators"
    if name == "deepl":
        # Keys of DeepL's free plan end in ":fx"; wagtail-localize picks the endpoint.
        return {
            "CLASS": f"{prefix}.deepl.DeepLTranslator",
            "OPTIONS": {"AUTH_KEY": required("DEEPL_API_KEY")},
        }
    if name == "libretranslate":
        return {
            "CLASS": f"{prefix}.libretranslate.LibreTranslator",
            "OPTIONS": {
                "LIBRETRANSLATE_URL": required("LIBRETRANSLATE_URL").rstrip("/"),
                "API_KEY": os.environ.get("LIBRETRANSLATE_API_KEY", ""),
            },
        }
    if name == "google":
        # Credentials come from GOOGLE_APPLICATION_CREDENTIALS.
        if not _importable("google.cloud.translate"):
            raise ImproperlyConfigured(
                "MACHINE_TRANSLATOR=google needs: pip install google-cloud-translate"
            )
        return {
            "CLASS": f"{prefix}.google.GoogleCloudTranslator",
            "OPTIONS": {"PROJECT_ID": required("GOOGLE_CLOUD_PROJECT")},
        }
    raise ImproperlyConfigured(
        f"Unknown MACHINE_TRANSLATOR {name!r}: use deepl, libretranslate or google."
    )


# Off unless configured; see the configuration table in README.md.
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = machine_translator()


def frontend_cache():
    """wagtail.contrib.frontend_cache backends from FRONTEND_CACHE (cloudflare, cloudfront,
    http for Varnish or nginx); None (no purge requests) when unset. home/cache_purge.py
    sends the URLs."""
    name = os.environ.get("FRONTEND_CACHE", "").strip().lower()
    if not name:
        return None

    def required(variable):
        value = os.environ.get(variable, "").strip()
        if not value:
            raise ImproperlyConfigured(f"FRONTEND_CACHE={name} needs {variable}.")
        return value

    prefix = "wagtail.contrib.frontend_cache.backends"
    if name == "cloudflare":
        backend = {
            "BACKEND": f"{prefix}.CloudflareBackend",
            "BEARER_TOKEN": required("CLOUDFLARE_API_TOKEN"),
            "ZONEID": required("CLOUDFLARE_ZONE_ID"),
        }
    elif name == "cloudfront":
        # Credentials come from boto3's usual AWS_* variables or the instance role.
        if not _importable("boto3"):
            raise ImproperlyConfigured("FRONTEND_CACHE=cloudfront needs: pip install boto3")
        backend = {
            "BACKEND": f"{prefix}.CloudfrontBackend",
            "DISTRIBUTION_ID": required("CLOUDFRONT_DISTRIBUTION_ID"),
        }
    elif name == "http":
        backend = {
            "BACKEND": f"{prefix}.HTTPBackend",
            "LOCATION": required("FRONTEND_CACHE_LOCATION"),
        }
    else:
        raise ImproperlyConfigured(
            f"Unknown FRONTEND_CACHE {name!r}: use cloudflare, cloudfront or http."
        )
    hostnames = env_list("FRONTEND_CACHE_HOSTNAMES")
    if hostnames:
        backend["HOSTNAMES"] = hostnames
    return {"default": backend}


WAGTAILFRONTENDCACHE = frontend_cache()
# Purged URLs are already in every language (translated slugs): no /id/ -> /en/ rewriting.
WAGTAILFRONTENDCACHE_LANGUAGES = []

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.security.DisallowedHost": {"level": "ERROR"},
        # Background tasks run inline by default; their per-task lines are noise.
        "django_tasks": {"level": "WARNING"},
        # django-axes logs every sign-in at INFO; lockouts and failures are WARNINGs.
        "axes": {"level": "WARNING"},
    },
}
