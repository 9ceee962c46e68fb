"""Machine translation is off unless MACHINE_TRANSLATOR (and what that service needs) is set;
the settings module builds WAGTAILLOCALIZE_MACHINE_TRANSLATOR from the environment."""

import importlib.util
import os
import runpy
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VARIABLES = [
    "MACHINE_TRANSLATOR",
    "DEEPL_API_KEY",
    "LIBRETRANSLATE_URL",
    "LIBRETRANSLATE_API_KEY",
    "GOOGLE_CLOUD_PROJECT",
]


def load_settings(monkeypatch, **env):
    """A fresh copy of portal/settings/base.py evaluated with `env` (the live settings
    module is left alone)."""
    for name in VARIABLES:
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    # run_module, not the live module: a fresh evaluation, with base.py's relative imports.
    return SimpleNamespace(**runpy.run_module("portal.settings.base"))


def test_off_by_default(monkeypatch):
    assert load_settings(monkeypatch).WAGTAILLOCALIZE_MACHINE_TRANSLATOR is None
    assert (
        load_settings(monkeypatch, MACHINE_TRANSLATOR="").WAGTAILLOCALIZE_MACHINE_TRANSLATOR is None
    )


def test_deepl(monkeypatch):
    settings = load_settings(monkeypatch, MACHINE_TRANSLATOR="DeepL", DEEPL_API_KEY="abc:fx")

    assert settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR == {
        "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": "abc:fx"},
    }


def test_libretranslate_with_and_without_key(monkeypatch):
    settings = load_settings(
        monkeypatch,
        MACHINE_TRANSLATOR="libretranslate",
        LIBRETRANSLATE_URL="https://translate.example.id/",
        LIBRETRANSLATE_API_KEY="secret",
    )
    assert settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR == {
        "CLASS": "wagtail_localize.machine_translators.libretranslate.LibreTranslator",
        "OPTIONS": {"LIBRETRANSLATE_URL": "https://translate.example.id", "API_KEY": "secret"},
    }

    self_hosted = load_settings(
        monkeypatch, MACHINE_TRANSLATOR="libretranslate", LIBRETRANSLATE_URL="http://lt:5000"
    )
    assert self_hosted.WAGTAILLOCALIZE_MACHINE_TRANSLATOR["OPTIONS"]["API_KEY"] == ""


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"MACHINE_TRANSLATOR": "deepl"}, "DEEPL_API_KEY"),
        ({"MACHINE_TRANSLATOR": "libretranslate"}, "LIBRETRANSLATE_URL"),
        ({"MACHINE_TRANSLATOR": "babelfish"}, "Unknown MACHINE_TRANSLATOR"),
    ],
)
def test_incomplete_configuration_fails_at_startup(monkeypatch, env, message):
    with pytest.raises(ImproperlyConfigured, match=message):
        load_settings(monkeypatch, **env)


def test_google_needs_its_client_library_and_a_project(monkeypatch):
    if importlib.util.find_spec("google") and importlib.util.find_spec("google.cloud.translate"):
        settings = load_settings(
            monkeypatch, MACHINE_TRANSLATOR="google", GOOGLE_CLOUD_PROJECT="portal"
        )
        assert settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR["OPTIONS"] == {"PROJECT_ID": "portal"}
    else:
        with pytest.raises(ImproperlyConfigured, match="google-cloud-translate"):
            load_settings(monkeypatch, MACHINE_TRANSLATOR="google", GOOGLE_CLOUD_PROJECT="p")


def run_shell(code, **env):
    inherited = {
        k: v
        for k, v in os.environ.items()
        if k not in VARIABLES and k != "DJANGO_ALLOW_ASYNC_UNSAFE"
    }
    return subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=BASE_DIR,
        env={**inherited, "DJANGO_SETTINGS_MODULE": "portal.settings.test", **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


CODE = (
    "from wagtail_localize.machine_translators import get_machine_translator as g; "
    "t = g(); print(t.display_name if t else 'none')"
)


def test_wagtail_localize_sees_the_configured_translator():
    assert run_shell(CODE).stdout.strip().splitlines()[-1] == "none"

    result = run_shell(
        CODE, MACHINE_TRANSLATOR="libretranslate", LIBRETRANSLATE_URL="http://127.0.0.1:5000"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "LibreTranslate"
