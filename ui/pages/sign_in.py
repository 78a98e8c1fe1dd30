"""Sign in with a username or e-mail address and a password."""

from __future__ import annotations

from nicegui import ui

from core import Actor, accounts

from .. import session
from ..components.feedback import attempt
from ..components.form import Form
from ..components.frame import frame
from ..components.returning import back_to, returning


@ui.page("/sign-in")
async def sign_in_page(next: str = "") -> None:
    """The sign-in form."""
    viewer = await session.viewer()
    async with frame(viewer, "Sign in", follow_session=False):
        sign_in_form(viewer, back_to(next))


def sign_in_form(viewer: Actor, back: str = "/") -> None:
    """The card with the sign-in fields."""
    with ui.card().classes("w-full max-w-md self-center").props("flat bordered"):
        ui.label("Sign in").classes("text-2xl font-bold")
        form = Form(accounts.SignIn)
        form.add("login", ui.input("Username or e-mail")).classes("w-full")
        password = form.add("password", ui.input("Password", password=True, password_toggle_button=True))
        password.classes("w-full")

        async def sign_in() -> None:
            signed_in = await attempt(accounts.sign_in(viewer, **form.values(), address=session.address()), form)
            if signed_in is not None:
                session.remember(signed_in.token)
                ui.navigate.to(back)

        password.on("keydown.enter", sign_in)
        ui.button("Sign in", on_click=sign_in).classes("w-full").props("unelevated").mark("submit")
        with ui.row().classes("gap-1 text-sm"):
            ui.label("New here?")
            ui.link("Create an account", returning("/sign-up", back))
