"""SMTP settings from the environment and ``.env``; the password never shows."""

from __future__ import annotations

from pathlib import Path

import pytest

from nps_kit.errors import MailError
from nps_kit.mail.settings import Delivery, SmtpSettings, delivery_mode, load_settings

FULL = {
    "NPS_KIT_SMTP_HOST": "smtp.example.com",
    "NPS_KIT_SMTP_PORT": "2525",
    "NPS_KIT_SMTP_SECURITY": "STARTTLS",
    "NPS_KIT_SMTP_USER": "nps",
    "NPS_KIT_SMTP_PASSWORD": "hunter2-secret",
    "NPS_KIT_SMTP_FROM": "NPS <nps@example.com>",
}


def test_reads_every_variable(tmp_path: Path) -> None:
    cafile = tmp_path / "ca.pem"
    cafile.write_text("-----BEGIN CERTIFICATE-----\n")
    settings = load_settings(environ={**FULL, "NPS_KIT_SMTP_CAFILE": str(cafile)}, env_file=None)
    assert settings == SmtpSettings(
        host="smtp.example.com",
        port=2525,
        security="starttls",
        user="nps",
        password="hunter2-secret",
        sender="NPS <nps@example.com>",
        cafile=cafile,
    )
    assert settings.configured
    assert settings.address == "smtp.example.com:2525"


def test_password_is_not_in_repr() -> None:
    settings = load_settings(environ=FULL, env_file=None)
    assert "hunter2-secret" not in repr(settings)
    assert "hunter2-secret" not in str(settings)
    assert repr(settings) == (
        "SmtpSettings(host='smtp.example.com', port=2525, security='starttls', user='nps', "
        "sender='NPS <nps@example.com>', cafile=None, timeout=30.0, allow_plaintext_auth=False)"
    )


@pytest.mark.parametrize(("security", "port"), [("starttls", 587), ("ssl", 465), ("none", 25)])
def test_default_port_follows_security(security: str, port: int) -> None:
    env = {"NPS_KIT_SMTP_HOST": "mx", "NPS_KIT_SMTP_FROM": "a@example.com"}
    settings = load_settings(environ={**env, "NPS_KIT_SMTP_SECURITY": security}, env_file=None)
    assert (settings.security, settings.port) == (security, port)


def test_unset_or_empty_host_means_not_configured() -> None:
    assert not load_settings(environ={}, env_file=None).configured
    assert not load_settings(environ={"NPS_KIT_SMTP_HOST": "  "}, env_file=None).configured


def test_env_file_in_current_directory_and_environment_wins(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / ".env").write_text(
        "# local settings\n"
        "NPS_KIT_SMTP_HOST=from-dotenv.example.com\n"
        "NPS_KIT_SMTP_PORT=2525\n"
        'NPS_KIT_SMTP_FROM="NPS レポート <nps@example.com>"\n'
        "OTHER_VARIABLE=ignored\n",
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    settings = load_settings(environ={"NPS_KIT_SMTP_HOST": "from-env.example.com"})
    assert (settings.host, settings.port, settings.sender) == (
        "from-env.example.com",
        2525,
        "NPS レポート <nps@example.com>",
    )


def test_missing_env_file_is_fine(tmp_path: Path) -> None:
    settings = load_settings(environ={}, env_file=tmp_path / ".env")
    assert settings == SmtpSettings()


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        (
            {"NPS_KIT_SMTP_PORT": "smtp"},
            "NPS_KIT_SMTP_PORT is 'smtp'; expected a port number from 1 to 65535. "
            "Set it to e.g. 587 (starttls), 465 (ssl) or 25.",
        ),
        (
            {"NPS_KIT_SMTP_PORT": "70000"},
            "NPS_KIT_SMTP_PORT is '70000'; expected a port number from 1 to 65535. "
            "Set it to e.g. 587 (starttls), 465 (ssl) or 25.",
        ),
        (
            {"NPS_KIT_SMTP_SECURITY": "tls"},
            "NPS_KIT_SMTP_SECURITY is 'tls'; expected one of starttls, ssl, none. "
            "Use starttls for port 587, ssl for port 465, none only for a local relay.",
        ),
        (
            {"NPS_KIT_SMTP_USER": ""},
            "NPS_KIT_SMTP_PASSWORD is set but NPS_KIT_SMTP_USER is not. "
            "Set NPS_KIT_SMTP_USER to the login name for the SMTP server.",
        ),
        (
            {"NPS_KIT_SMTP_FROM": ""},
            "NPS_KIT_SMTP_HOST is set but NPS_KIT_SMTP_FROM is not. "
            "Set NPS_KIT_SMTP_FROM to the sender address, e.g. nps@example.com.",
        ),
        (
            {"NPS_KIT_SMTP_SECURITY": "none"},
            "NPS_KIT_SMTP_SECURITY is none and NPS_KIT_SMTP_USER is set: the login and password "
            "would cross the network unencrypted, so nps-kit does not log in. Use "
            "NPS_KIT_SMTP_SECURITY=starttls or ssl; only for a relay on this machine or a network "
            "you trust, set NPS_KIT_SMTP_ALLOW_PLAINTEXT_AUTH=1.",
        ),
        (
            {"NPS_KIT_SMTP_SECURITY": "none", "NPS_KIT_SMTP_ALLOW_PLAINTEXT_AUTH": "yes"},
            "NPS_KIT_SMTP_ALLOW_PLAINTEXT_AUTH is 'yes'; expected 1 (allow) or 0. "
            "Set it to 1 only for a relay on this machine or a network you trust.",
        ),
        (
            {"NPS_KIT_SMTP_CAFILE": "/nonexistent/ca.pem"},
            "NPS_KIT_SMTP_CAFILE is '/nonexistent/ca.pem', but that file does not exist. "
            "Point it to the PEM file of your private CA, or unset it.",
        ),
    ],
)
def test_bad_values_name_the_variable(changes: dict[str, str], message: str) -> None:
    with pytest.raises(MailError) as caught:
        load_settings(environ={**FULL, **changes}, env_file=None)
    assert str(caught.value) == message
    assert "hunter2-secret" not in str(caught.value)


@pytest.mark.parametrize(
    ("host", "dry_run", "due", "expected"),
    [("smtp.example.com", False, True, Delivery(dry_run=False, no_host=False)),
     ("smtp.example.com", True, True, Delivery(dry_run=True, no_host=False)),
     (None, False, True, Delivery(dry_run=True, no_host=True)),
     (None, True, True, Delivery(dry_run=True, no_host=False)),  # asked for: exit 0
     (None, False, False, Delivery(dry_run=True, no_host=False))],  # nothing due (REVIEW25)
)  # fmt: skip
def test_the_no_host_rule_of_send_and_alerts(
    host: str | None, dry_run: bool, due: bool, expected: Delivery
) -> None:
    # FIX44: send and alerts each wrote the rule; one home now.
    settings = SmtpSettings(host=host)
    assert delivery_mode(settings, dry_run=dry_run, due=due) == expected


def test_bad_values_are_said_in_the_project_s_language() -> None:
    # FIX95: a Japanese project's send said its NPS_KIT_SMTP_* errors in English.
    with pytest.raises(MailError) as caught:
        load_settings(environ={**FULL, "NPS_KIT_SMTP_PORT": "smtp"}, env_file=None, lang="ja")
    assert str(caught.value) == (
        "NPS_KIT_SMTP_PORTが「smtp」です。1〜65535のポート番号にしてください。"
        "587（starttls）、465（ssl）、25などにしてください。"
    )
    with pytest.raises(MailError) as caught:
        load_settings(environ={**FULL, "NPS_KIT_SMTP_SECURITY": "none"}, env_file=None, lang="ja")
    assert str(caught.value) == (
        "NPS_KIT_SMTP_SECURITYがnoneで、NPS_KIT_SMTP_USERが設定されています。ログイン名と"
        "パスワードが暗号化されずにネットワークを流れるため、nps-kitはログインしません。"
        "NPS_KIT_SMTP_SECURITYをstarttlsかsslにしてください。このマシンの中継サーバーか"
        "信頼できるネットワークの場合だけ、NPS_KIT_SMTP_ALLOW_PLAINTEXT_AUTH=1にできます。"
    )
    assert "hunter2-secret" not in str(caught.value)
