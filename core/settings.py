"""The one settings object: every tunable of Tidings, read from the environment (and command-line overrides)."""

from __future__ import annotations

import secrets
from pathlib import Path
from typing import Literal

from pydantic import AliasChoices, Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

LogLevel = Literal["debug", "info", "warning", "error"]
SECRET_MIN = 16
# Placeholders copied from examples and templates (shorter ones fail the length check): anyone could sign cookies.
PLACEHOLDER_SECRETS = frozenset(
    {
        "change-me-in-production",
        "changeme-changeme",
        "please-change-this-secret",
        "please-change-me-now",
        "your-secret-key-here",
        "your-session-secret",
        "insecure-session-secret",
        "tidings-session-secret",
        "secretsecretsecret",
    }
)
GENERATE = 'generate one with: python -c "import secrets; print(secrets.token_urlsafe(32))"'


class Settings(BaseSettings):
    """Configuration of one Tidings process."""

    # By name too: `Settings(database_url=...)` (the command line's --database-url) must not be dropped for its alias.
    model_config = SettingsConfigDict(env_prefix="TIDINGS_", extra="ignore", validate_by_name=True)

    database_url: str | None = Field(
        default=None,
        validation_alias=AliasChoices("DATABASE_URL", "TIDINGS_DATABASE_URL"),
        description="PostgreSQL server to use; unset: an embedded PostgreSQL 18 in the data folder",
    )
    data_dir: Path = Field(default=Path("data"), description="folder for the embedded database and the secret")
    session_secret: str | None = Field(
        default=None,
        description="signs session cookies; unset: generated once and kept in the data folder (embedded DB only)",
    )
    host: str = Field(default="127.0.0.1", description="address to listen on")
    port: int = Field(default=8080, ge=1, le=65535, description="port to listen on")
    log_level: LogLevel = Field(default="info", description="debug, info, warning or error")
    trusted_proxies: str = Field(
        default="127.0.0.1,::1",
        description="proxies whose X-Forwarded-For names the client (comma-separated addresses, or *)",
    )
    reconnect_timeout: float = Field(
        default=3.0,
        gt=0,
        le=3600,
        description="seconds an open page waits for its browser to reconnect; after a longer loss the page reloads",
    )
    public_url: str | None = Field(
        default=None,
        pattern=r"^https?://[^\s/?#]+(/[^\s?#]*)?$",
        description="the address readers reach Tidings at (https://news.example): links in feeds, sitemaps and link"
        " previews; unset: the address each request came to",
    )
    gc_default: bool = Field(
        default=False,
        description="keep Python's default garbage collection, for comparing in benchmarks (unset: calmer, for many"
        " open pages)",
    )

    @model_validator(mode="after")
    def _secret_is_safe(self) -> Settings:
        # A secret generated on one machine would differ between processes behind a balancer and
        # would silently sign everybody out on every redeploy: a server deployment must choose one.
        if self.database_url and not self.session_secret:
            raise ValueError(
                f"TIDINGS_SESSION_SECRET must be set when DATABASE_URL points at a PostgreSQL server ({GENERATE})"
            )
        if self.session_secret:
            _check_secret(self.session_secret)
        return self

    @property
    def embedded(self) -> bool:
        """Whether Tidings runs its own embedded PostgreSQL."""
        return self.database_url is None

    def resolved_secret(self) -> str:
        """The session secret: the configured one, or one generated once and kept in the data folder."""
        if self.session_secret:
            return self.session_secret
        path = self.data_dir / "session_secret"
        if not path.exists():
            self.data_dir.mkdir(parents=True, exist_ok=True)
            path.write_text(secrets.token_urlsafe(32))
            path.chmod(0o600)
        return path.read_text().strip()


def _check_secret(secret: str) -> None:
    """Refuse a configured secret that someone else could guess: whoever knows it signs any session cookie."""
    if len(secret) < SECRET_MIN:
        raise ValueError(
            f"TIDINGS_SESSION_SECRET is too short: use at least {SECRET_MIN} random characters ({GENERATE})"
        )
    if secret.strip().lower() in PLACEHOLDER_SECRETS:
        raise ValueError(f"TIDINGS_SESSION_SECRET is a well-known placeholder: choose a random one ({GENERATE})")
