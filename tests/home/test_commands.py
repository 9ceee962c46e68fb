import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

pytestmark = pytest.mark.django_db


def test_ensure_admin_creates_once_and_prints_the_password(monkeypatch):
    monkeypatch.delenv("ADMIN_PASSWORD", raising=False)
    out = io.StringIO()
    call_command("ensure_admin", stdout=out)
    password = out.getvalue().rsplit(": ", 1)[1].strip()

    user = get_user_model().objects.get(username="admin")
    assert user.is_superuser and user.check_password(password)

    out = io.StringIO()
    call_command("ensure_admin", stdout=out)
    assert "unchanged" in out.getvalue()
    assert get_user_model().objects.count() == 1


def test_ensure_admin_takes_the_password_from_the_environment(monkeypatch):
    monkeypatch.setenv("ADMIN_PASSWORD", "guru-belajar-bersama-2026")
    call_command("ensure_admin", stdout=io.StringIO())

    assert (
        get_user_model().objects.get(username="admin").check_password("guru-belajar-bersama-2026")
    )


def test_ensure_admin_refuses_a_weak_password(monkeypatch):
    monkeypatch.setenv("ADMIN_PASSWORD", "12345")
    with pytest.raises(CommandError):
        call_command("ensure_admin", stdout=io.StringIO())
    assert not get_user_model().objects.exists()
