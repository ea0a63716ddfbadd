"""`manage.py check --deploy` with the documented production settings (deploy/production.env)
prints no warning; without them it warns about HSTS and the SSL redirect."""

import subprocess
import sys

from tests.concurrency import ROOT

PRODUCTION_ENV = ROOT / "deploy" / "production.env"


def production_env() -> dict:
    env = {}
    for line in PRODUCTION_ENV.read_text().splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            name, _, value = line.partition("=")
            env[name] = value
    return env


def check_deploy(env: dict) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env={"PATH": "/usr/bin:/bin", **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_documented_production_settings_pass_check_deploy_with_no_warning():
    env = production_env()
    assert env["SECURE_SSL_REDIRECT"] == "true" and int(env["SECURE_HSTS_SECONDS"]) > 0
    result = check_deploy(env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_without_them_check_deploy_warns():
    env = production_env()
    for name in ("SECURE_SSL_REDIRECT", "SECURE_HSTS_SECONDS", "SECURE_PROXY_SSL_HEADER"):
        del env[name]
    result = check_deploy(env)
    assert result.returncode != 0
    assert "security.W004" in result.stderr and "security.W008" in result.stderr


def test_the_proxy_header_must_be_a_header_and_a_value():
    env = {**production_env(), "SECURE_PROXY_SSL_HEADER": "HTTP_X_FORWARDED_PROTO"}
    result = check_deploy(env)
    assert result.returncode != 0
    assert "SECURE_PROXY_SSL_HEADER must be a header and its value" in result.stderr
