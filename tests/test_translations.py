"""Every interface string has an Indonesian translation, none fuzzy."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

BASE_DIR = Path(__file__).resolve().parent.parent
PO_PATH = Path("locale/id/LC_MESSAGES/django.po")
SOURCES = ["manage.py", "portal", "home", "communities", "resources", "search", "templates"]


def problems(po):
    untranslated = [e.msgid for e in po.untranslated_entries()]
    fuzzy = [e.msgid for e in po.fuzzy_entries()]
    return untranslated, fuzzy


def test_committed_catalogue_is_complete():
    untranslated, fuzzy = problems(polib.pofile(str(BASE_DIR / PO_PATH)))
    assert not untranslated, f"Untranslated: {untranslated}"
    assert not fuzzy, f"Fuzzy: {fuzzy}"


def test_every_string_in_the_code_is_in_the_catalogue(tmp_path):
    if shutil.which("xgettext") is None:
        if os.environ.get("CI"):
            pytest.fail("GNU gettext is missing (apt-get install gettext)")
        pytest.skip("GNU gettext (xgettext) is not installed")
    for name in SOURCES:
        source = BASE_DIR / name
        if source.is_dir():
            shutil.copytree(source, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, tmp_path / name)
    shutil.copytree(BASE_DIR / "locale", tmp_path / "locale")

    result = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "makemessages", "-l", "id", "--no-obsolete"],
        cwd=tmp_path,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "portal.settings.test"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr

    untranslated, fuzzy = problems(polib.pofile(str(tmp_path / PO_PATH)))
    assert not untranslated, f"New strings without Indonesian: {untranslated}"
    assert not fuzzy, f"Strings whose translation needs review: {fuzzy}"
