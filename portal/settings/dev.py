"""Local development: DEBUG on, an insecure key that never leaves this machine."""

import os

from .base import *  # noqa: F403

DEBUG = env_bool("DEBUG", True)  # noqa: F405
SECRET_KEY = os.environ.get("SECRET_KEY") or "dev-only-insecure-key-do-not-use-in-production"
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
