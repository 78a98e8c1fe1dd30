"""Tidings: `python main.py` serves the app, `python main.py --native` opens it in a desktop window.

Maintenance commands: `python main.py db upgrade | history | migrate NAME`, `role NAME ROLE`,
`seed --posts N [--users M] [--alongside-real-accounts]`.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
from collections.abc import Mapping, Sequence
from typing import Any

from nicegui import app, helpers, ui
from pydantic import ValidationError

import api
from core import Invalid, NotFound, Role, Settings, accounts, db, runtime
from core.console import CONSOLE
from core.db import migrations, tortoise_config
from ui import app as tidings_app
from ui import front, picture_files, reach
from ui import native as desktop

# What `seed` says where the repository's bench/ is missing: the Docker image ships without it.
NO_SEEDING = "Seeding needs the repository's bench/ folder: run python main.py seed in a clone of the repository."


def main(argv: Sequence[str]) -> None:
    """Parse the command line and run what it asks for."""
    args = _parser().parse_args(argv)
    overrides = {key: value for key, value in vars(args).items() if key in Settings.model_fields and value is not None}
    try:
        settings = Settings(**overrides)
    except ValidationError as error:
        sys.exit("Configuration error: " + "; ".join(_describe(e) for e in error.errors(include_input=False)))
    logging.basicConfig(level=settings.log_level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    if args.command == "db":
        asyncio.run(_db_command(settings, args.db_command, args.name))
        return
    if args.command == "role":
        sys.exit(asyncio.run(_role_command(settings, args.username, Role(args.role))))
    if args.command == "seed":
        sys.exit(asyncio.run(_seed_command(settings, args.posts, args.users, alongside=args.alongside_real_accounts)))
    if settings.database_url and (problem := asyncio.run(db.probe(settings.database_url))):
        sys.exit(f"Database error: {problem}")
    if args.native and (problem := desktop.problem()):
        sys.exit(problem)
    serve(settings, native=args.native)


def serve(settings: Settings, *, native: bool = False) -> None:
    """Serve the pages and the JSON API until Ctrl-C or SIGTERM; the database is ready before the first request."""
    tidings_app.setup(settings)
    api.mount(app, settings)
    picture_files.mount(app)
    # The token-based API, the pictures, the feeds, the sitemap and robots.txt: no session cookie, no user storage.
    front.install(app, api.PREFIX, picture_files.PREFIX, routes=reach.routes())
    if native:
        desktop.prepare()
    ui.run(
        host=settings.host,
        # A desktop window needs no fixed port: NiceGUI picks a free one unless one was asked for.
        port=settings.port if not native or "port" in settings.model_fields_set else None,
        title="Tidings",
        language="en-US",  # <html lang="en-US">: what the pages are written in (and Quasar's words)
        favicon="📰",
        dark=None,
        reload=False,
        show=False,
        native=native,
        window_size=desktop.WINDOW_SIZE if native else None,
        storage_secret=settings.resolved_secret(),
        # uvicorn takes the client's address from X-Forwarded-For only on connections from these proxies
        forwarded_allow_ips=settings.trusted_proxies,
        reconnect_timeout=settings.reconnect_timeout,
        uvicorn_logging_level=settings.log_level,
        show_welcome_message=not native,
    )


async def _db_command(settings: Settings, command: str, name: str | None) -> None:
    await runtime.start(settings)
    try:
        config = tortoise_config(runtime.database_url())
        if command == "migrate":
            created = await migrations.make_migration(config, name or "update")
            print(f"wrote migrations/models/{created}" if created else "no model changes: nothing to migrate")
        elif command == "history":
            print("\n".join(await migrations.history(config)))
        else:
            print("the database is at the head migration")  # start() applied whatever was pending
    finally:
        await runtime.stop()


async def _role_command(settings: Settings, username: str, role: Role) -> str | None:
    """Give `username` a role as the console operator; an error message (the exit status) if that cannot be."""
    await runtime.start(settings)
    try:
        user = await accounts.change_role(CONSOLE, username=username, role=role)
    except NotFound:
        return f"No user is called {username!r}: they sign up first, then get a role."
    except Invalid as error:
        return str(error)
    finally:
        await runtime.stop()
    print(f"{user.username} is now {'an' if role == Role.ADMIN else 'a'} {role.value}.")
    return None


async def _seed_command(settings: Settings, posts: int, users: int | None, *, alongside: bool) -> str | None:
    """Add seeded users with posts, tags, follows, favourites, comments (bench/seeding.py); why not, if it cannot."""
    try:
        from bench import seeding  # noqa: PLC0415  (only this command needs it, and only a clone has it)
    except ModuleNotFoundError as missing:
        if missing.name not in {"bench", "bench.seeding"}:
            raise
        return NO_SEEDING
    await runtime.start(settings)
    try:
        done = await seeding.seed(
            runtime.database_url(),
            posts,
            users if users is not None else max(10, posts // 20),
            alongside_real_accounts=alongside,
        )
    except seeding.Refused as refusal:
        return str(refusal)
    finally:
        await runtime.stop()
    print(
        f"added {done.users:,} users, {done.posts:,} posts, {done.post_tags:,} tags on posts, {done.follows:,} follows,"
        f" {done.favorites:,} favourites and {done.comments:,} comments in {done.seconds:.1f} s"
        f" (seeded users sign in with the password {seeding.SEEDED_PASSWORD!r})"
    )
    return None


def _describe(error: Mapping[str, Any]) -> str:
    field = ".".join(str(part) for part in error["loc"])
    message = str(error["msg"]).removeprefix("Value error, ")
    return f"{field}: {message}" if field else message


def _parser() -> argparse.ArgumentParser:
    fields = Settings.model_fields
    parser = argparse.ArgumentParser(
        prog="python main.py",
        description="Tidings, a real-time publishing platform.",
        epilog="Each option can also be set in the environment: DATABASE_URL, TIDINGS_DATA_DIR, "
        "TIDINGS_SESSION_SECRET, TIDINGS_HOST, TIDINGS_PORT, TIDINGS_LOG_LEVEL, TIDINGS_TRUSTED_PROXIES, "
        "TIDINGS_RECONNECT_TIMEOUT, TIDINGS_PUBLIC_URL, TIDINGS_GC_DEFAULT.",
    )
    parser.add_argument("--native", action="store_true", help="open Tidings in a desktop window")
    parser.add_argument("--database-url", dest="database_url", help=fields["database_url"].description)
    parser.add_argument("--data-dir", dest="data_dir", help=f"{fields['data_dir'].description} (default: data)")
    parser.add_argument("--session-secret", dest="session_secret", help=fields["session_secret"].description)
    parser.add_argument("--host", help=f"{fields['host'].description} (default: 127.0.0.1)")
    parser.add_argument(
        "--trusted-proxies",
        dest="trusted_proxies",
        help=f"{fields['trusted_proxies'].description} (default: 127.0.0.1,::1)",
    )
    parser.add_argument("--port", type=int, help=f"{fields['port'].description} (default: 8080)")
    parser.add_argument(
        "--reconnect-timeout",
        dest="reconnect_timeout",
        type=float,
        help=f"{fields['reconnect_timeout'].description} (default: 3)",
    )
    parser.add_argument("--public-url", dest="public_url", help=fields["public_url"].description)
    parser.add_argument(
        "--gc-default",
        dest="gc_default",
        action="store_true",
        default=None,  # unset: the environment's TIDINGS_GC_DEFAULT, else off
        help=fields["gc_default"].description,
    )
    parser.add_argument(
        "--log-level",
        dest="log_level",
        choices=["debug", "info", "warning", "error"],
        help="how much to log (default: info)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    database = commands.add_parser("db", help="database maintenance: upgrade, history, migrate NAME")
    database.add_argument("db_command", choices=["upgrade", "history", "migrate"])
    database.add_argument("name", nargs="?", help="name of the new migration (for migrate)")
    role = commands.add_parser("role", help="give a user a role: how the first admin is made")
    role.add_argument("username")
    role.add_argument("role", choices=[r.value for r in Role if r != Role.ANONYMOUS])
    seed = commands.add_parser(
        "seed", help="add realistic posts, users, tags, follows, favourites and comments in bulk"
    )
    seed.add_argument("--posts", type=int, required=True, help="how many posts to add")
    seed.add_argument("--users", type=int, help="how many users to add (default: one for every 20 posts, at least 10)")
    seed.add_argument(
        "--alongside-real-accounts",
        action="store_true",
        help="seed a database that holds accounts seeding did not create (it never writes into them)",
    )
    return parser


if __name__ in {"__main__", "__mp_main__"}:
    if helpers.is_user_simulation():  # NiceGUI's simulated users: the arguments are pytest's, the environment ours
        serve(Settings())
    else:
        main(sys.argv[1:])
