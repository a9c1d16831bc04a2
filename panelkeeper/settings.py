"""Settings for panelkeeper, configured entirely by environment variables.

Defaults suit a newcomer's machine (SQLite under ./var, DEBUG on, mail printed to
the console). Production sets DEBUG=false and supplies SECRET_KEY, AUDIT_KEY, ALLOWED_HOSTS,
DATABASE_URL and the mail variables; a missing or malformed value stops start-up.
"""

from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

from panelkeeper.lib.env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env_str("PANELKEEPER_VAR_DIR", str(BASE_DIR / "var")))

DEBUG = env_bool("DEBUG", True)
# Demo data (fictional staff with known passwords) may only be loaded when this is set.
DEMO = env_bool("PANELKEEPER_DEMO", False)

if DEBUG:
    SECRET_KEY = env_str(
        "SECRET_KEY", "insecure-development-key-never-used-in-production-0123456789"
    )
else:
    SECRET_KEY = env_str("SECRET_KEY")
    if len(SECRET_KEY) < 50:
        raise ImproperlyConfigured("SECRET_KEY must be at least 50 characters long.")
# Earlier keys, kept while SECRET_KEY is rotated (sessions, second-factor secrets).
SECRET_KEY_FALLBACKS = env_list("SECRET_KEY_FALLBACKS", [])

# The key that seals the audit log's chains (panelkeeper/audit/chain.py). Kept out of the
# database, and apart from SECRET_KEY so that one can be rotated without the other;
# changing it makes every existing entry fail `panelkeeper audit verify`.
if DEBUG:
    AUDIT_KEY = env_str("AUDIT_KEY", "insecure-development-audit-key-0123456789")
else:
    AUDIT_KEY = env_str("AUDIT_KEY")
    if len(AUDIT_KEY) < 32:
        raise ImproperlyConfigured("AUDIT_KEY must be at least 32 characters long.")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"] if DEBUG else [])

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_tasks_db",
    "ninja",
    # Sign-in, password reset, emailed sign-in codes and second factors. Not its
    # usersessions app (it stores addresses and user agents) nor social accounts.
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "panelkeeper.accounts",
    "panelkeeper.audit",
    "panelkeeper.core",
    "panelkeeper.outbox",
    "panelkeeper.organisations",
    "panelkeeper.members",
    "panelkeeper.meetings",
    "panelkeeper.registers",
    "panelkeeper.concerns",
    "panelkeeper.cases",
    "panelkeeper.letters",
    "panelkeeper.retention",
    "panelkeeper.subject_access",
    "panelkeeper.departure",
    "panelkeeper.today",
    "panelkeeper.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    # Django's AuthenticationMiddleware, taking the user read with the session.
    "panelkeeper.accounts.middleware.SignedInMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "panelkeeper.accounts.middleware.sessions_middleware",
    "panelkeeper.accounts.middleware.SecondFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "panelkeeper.urls"
WSGI_APPLICATION = "panelkeeper.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "panelkeeper.today.navigation.menu",
            ],
            # Dates are written one way everywhere (panelkeeper.rules.dates).
            "builtins": ["panelkeeper.lib.date_filters"],
        },
    },
]

_SQLITE_DEFAULT = f"sqlite:///{VAR_DIR / 'panelkeeper.sqlite3'}"
DATABASES = {"default": dj_database_url.parse(env_str("DATABASE_URL", _SQLITE_DEFAULT))}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the web server and the task worker share the file; immediate
    # transactions take the write lock up front instead of failing mid-transaction.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;"
        ),
        "transaction_mode": "IMMEDIATE",
    }
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # No just-in-time compilation: a page's queries take milliseconds, and PostgreSQL
    # compiles any it estimates costly (a count over thousands of cases with a subquery
    # each), spending 60 ms or more to save one or two.
    _options = DATABASES["default"].setdefault("OPTIONS", {})
    _options["options"] = f"{_options.get('options', '')} -c jit=off".strip()
# Connections are kept open between requests (opening one on PostgreSQL costs a few
# milliseconds, a large part of a quick page) and checked before reuse, so one the
# server closed is replaced rather than failing a request. Seconds; 0 closes each at the
# end of its request (the default while developing, where a reloading server would
# otherwise leave connections behind).
CONN_MAX_AGE = env_int("DATABASE_CONN_MAX_AGE", 0 if DEBUG else 600)
if CONN_MAX_AGE < 0:
    raise ImproperlyConfigured("DATABASE_CONN_MAX_AGE must be 0 or more (seconds).")
DATABASES["default"]["CONN_MAX_AGE"] = CONN_MAX_AGE
DATABASES["default"]["CONN_HEALTH_CHECKS"] = env_bool("DATABASE_CONN_HEALTH_CHECKS", True)
# The test run names its own database, so runs side by side on one server don't collide.
if test_database := env_str("PANELKEEPER_TEST_DATABASE", ""):
    DATABASES["default"]["TEST"] = {"NAME": test_database}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "panelkeeper_cache",
    }
}

AUTH_USER_MODEL = "accounts.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:sign-in"
LOGIN_REDIRECT_URL = "/"
# allauth's backend signs in by email address (Django's ModelBackend underneath);
# ModelBackend itself stays for the sessions that accepting an invitation starts.
AUTHENTICATION_BACKENDS = [
    "allauth.account.auth_backends.AuthenticationBackend",
    "django.contrib.auth.backends.ModelBackend",
]

# django-allauth: sign-in by email and password or an emailed code, password reset by
# link, second factors (authenticator app, passkey or security key, recovery codes).
# People come in by invitation only, so sign-up is closed (the adapter says so). Every
# email it sends, every audit entry and the keyed hash it sees instead of a client's
# address come from panelkeeper/accounts/adapter.py.
ACCOUNT_ADAPTER = "panelkeeper.accounts.adapter.AccountAdapter"
MFA_ADAPTER = "panelkeeper.accounts.adapter.MFAAdapter"
ACCOUNT_FORMS = {"login": "panelkeeper.accounts.forms.SignInForm"}
ACCOUNT_LOGIN_METHODS = {"email"}
# The sign-in page stays open to someone signed in, to sign in as someone else.
ACCOUNT_AUTHENTICATED_LOGIN_REDIRECTS = False
# No email to an address that has no account (someone typing another's address).
ACCOUNT_EMAIL_UNKNOWN_ACCOUNTS = False
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*"]
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_LOGIN_BY_CODE_ENABLED = True
ACCOUNT_LOGIN_BY_CODE_TIMEOUT = 15 * 60
ACCOUNT_LOGIN_BY_CODE_MAX_ATTEMPTS = 3
ACCOUNT_PASSWORD_RESET_BY_CODE_ENABLED = False
ACCOUNT_EMAIL_NOTIFICATIONS = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_EMAIL_SUBJECT_PREFIX = "panelkeeper: "
# Every limit expires within the hour (DESIGN "Confidentiality by design"); "ip" means
# the keyed hash of the client's address. There is no limit on failures per email
# address: after several, the right password must be followed by a second factor or an
# emailed code instead (panelkeeper/accounts/throttle.py), so no one can lock a person out.
ACCOUNT_RATE_LIMITS = {
    "change_password": "5/m/user",
    "reset_password": "20/m/ip,5/m/key",
    "reauthenticate": "10/m/user",
    "reset_password_from_key": "20/m/ip",
    "signup": "20/m/ip",
    "login": "30/m/ip",
    "request_login_code": "20/m/ip,3/m/key",
    "login_failed": "20/15m/ip",
    "confirm_email": "1/3m/key",
    "manage_email": "10/m/user",
    "change_phone": "1/m/user",
    "verify_phone": "1/30s/key,3/m/ip",
}
MFA_RATE_LIMITS = {"webauthn_login": "10/m/ip"}
MFA_SUPPORTED_TYPES = ["totp", "webauthn", "recovery_codes"]
MFA_PASSKEY_LOGIN_ENABLED = False
MFA_TOTP_ISSUER = "panelkeeper"
# Everyone came in by an invitation sent to their address, which proves it is theirs.
MFA_ALLOW_UNVERIFIED_EMAIL = True
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = DEBUG
# Staff, installation administrators and anyone deciding a case or an appeal must set
# up a second factor before they reach any organisation's page or API by session
# (panelkeeper/accounts/second_factor.py). A demo installation lets its demo people
# skip it, so a newcomer gets in within a minute.
REQUIRE_SECOND_FACTOR = env_bool("PANELKEEPER_REQUIRE_SECOND_FACTOR", not DEMO)
# The address people open panelkeeper at, for links in emails and on the console
# (invitations); no trailing slash needed.
BASE_URL = env_str("PANELKEEPER_BASE_URL", "http://127.0.0.1:8000")

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = False
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "panelkeeper" / "static"]
# Uploaded files (meeting papers, signed scans, logos) are read and written only through
# Django's storage (FileField and default_storage), never by path, and reach people only
# through the application's own permission-checked pages. PANELKEEPER_STORAGE says where:
# "volume" (the default) keeps them under PANELKEEPER_MEDIA_ROOT, which several web nodes
# all mount (NFS or the like); "s3" keeps them in a private bucket of an S3-compatible
# store (AWS, MinIO, Ceph, ...) through django-storages, set by the PANELKEEPER_S3_*
# variables. Without keys, boto3 finds its own (an instance or pod role).
MEDIA_ROOT = Path(env_str("PANELKEEPER_MEDIA_ROOT", str(VAR_DIR / "media")))
MEDIA_STORAGE = env_str("PANELKEEPER_STORAGE", "volume").strip().lower()
_media: dict[str, object]
if MEDIA_STORAGE == "volume":
    _media = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
elif MEDIA_STORAGE == "s3":
    _addressing = env_str("PANELKEEPER_S3_ADDRESSING_STYLE", "").strip().lower() or None
    if _addressing not in (None, "path", "virtual"):
        raise ImproperlyConfigured("PANELKEEPER_S3_ADDRESSING_STYLE must be path or virtual.")
    _media = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env_str("PANELKEEPER_S3_BUCKET"),
            "endpoint_url": env_str("PANELKEEPER_S3_ENDPOINT_URL", "") or None,
            "region_name": env_str("PANELKEEPER_S3_REGION", "") or None,
            "access_key": env_str("PANELKEEPER_S3_ACCESS_KEY_ID", "") or None,
            "secret_key": env_str("PANELKEEPER_S3_SECRET_ACCESS_KEY", "") or None,
            # A folder within the bucket, so that one bucket may hold several installations.
            "location": env_str("PANELKEEPER_S3_PREFIX", ""),
            # "path" for stores that have no per-bucket host names (MinIO, most others).
            "addressing_style": _addressing,
            # Never replace a file by another of the same name: a new one gets a new name.
            "file_overwrite": False,
            # The bucket's own policy decides access (it should admit no one else); links
            # to a file, were one ever made, would be signed and short-lived.
            "default_acl": None,
            "querystring_auth": True,
            "querystring_expire": 300,
        },
    }
else:
    raise ImproperlyConfigured(f"PANELKEEPER_STORAGE must be volume or s3, not {MEDIA_STORAGE!r}.")
STORAGES = {
    "default": _media,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Where `panelkeeper backup` writes its archives when given no path.
BACKUP_DIR = Path(env_str("PANELKEEPER_BACKUP_DIR", str(VAR_DIR / "backups")))

SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "object-src": [CSP.NONE],
}

# Django's database sessions, each read in one query with the row that lists it
# ("Where you are signed in"), which every signed-in request checks.
SESSION_ENGINE = "panelkeeper.accounts.session_store"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", not DEBUG)
# Behind a reverse proxy (production), trust its X-Forwarded-Proto and take the client's
# address from the last X-Forwarded-For entry (for sign-in throttling only).
BEHIND_PROXY = env_bool("BEHIND_PROXY", not DEBUG)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if BEHIND_PROXY else None
X_FRAME_OPTIONS = "DENY"
# A load balancer asks for the health pages over plain HTTP, beside the TLS it ends.
SECURE_REDIRECT_EXEMPT = [r"^health/"]

# Background work: `panelkeeper worker` runs django-tasks-db's db_worker with a lease on
# each task; `panelkeeper daily` enqueues each day's jobs (see panelkeeper/core/daily.py).
TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend",
        "QUEUES": ["default"],
    }
}
# A task whose worker has not renewed its lease for this long is taken up again by
# another worker (see panelkeeper/core/leases.py): a worker killed mid-task loses nothing.
TASK_LEASE_SECONDS = env_int("TASK_LEASE_SECONDS", 15 * 60)
if TASK_LEASE_SECONDS < 3:
    raise ImproperlyConfigured(
        f"TASK_LEASE_SECONDS must be 3 or more (seconds), not {TASK_LEASE_SECONDS}."
    )

# Email through Django 6.1's MAILERS: printed to the console while developing, sent by
# SMTP in production, where EMAIL_HOST is required.
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "panelkeeper@localhost")
SERVER_EMAIL = env_str("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
MAILERS: dict[str, dict[str, object]]
if DEBUG:
    MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}
else:
    smtp_options = {
        "host": env_str("EMAIL_HOST"),
        "port": env_int("EMAIL_PORT", 587),
        "username": env_str("EMAIL_HOST_USER", ""),
        "password": env_str("EMAIL_HOST_PASSWORD", ""),
        "use_tls": env_bool("EMAIL_USE_TLS", True),
        "use_ssl": env_bool("EMAIL_USE_SSL", False),
        "timeout": env_int("EMAIL_TIMEOUT", 20),
    }
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": smtp_options,
        }
    }
    if smtp_options["use_tls"] and smtp_options["use_ssl"]:
        raise ImproperlyConfigured("Set EMAIL_USE_TLS or EMAIL_USE_SSL, not both.")

# Every email goes through the outbox (panelkeeper/outbox). A message still "sending"
# this long after a worker took it counts as cut off: it is sent once more and marked
# as possibly sent twice. Keep it well above EMAIL_TIMEOUT.
EMAIL_LEASE_MINUTES = env_int("PANELKEEPER_EMAIL_LEASE_MINUTES", 15)
if EMAIL_LEASE_MINUTES < 1:
    raise ImproperlyConfigured("PANELKEEPER_EMAIL_LEASE_MINUTES must be 1 or more.")

FORM_RENDERER = "panelkeeper.lib.forms.GovukFormRenderer"

LOG_LEVEL = env_str("LOG_LEVEL", "INFO").upper()
if LOG_LEVEL not in {"DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"}:
    raise ImproperlyConfigured(
        f"LOG_LEVEL must be DEBUG, INFO, WARNING, ERROR or CRITICAL, not {LOG_LEVEL!r}."
    )
# Everything goes to standard error (systemd's journal in production). Lines about the
# public concern pages are dropped: whoever raises a concern must not be traceable.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "no_concern_paths": {"()": "panelkeeper.lib.logs.DropConcernPaths"},
    },
    "formatters": {
        "plain": {"format": "{asctime} {levelname} {name}: {message}", "style": "{"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "plain",
            "filters": ["no_concern_paths"],
        },
    },
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {
        "django": {"handlers": ["console"], "level": LOG_LEVEL, "propagate": False},
    },
}
