"""Sign up: create an account and be signed in."""

from __future__ import annotations

from nicegui import ui

from core import Actor, accounts

from .. import session
from ..components.feedback import attempt
from ..components.form import Form
from ..components.frame import frame
from ..components.returning import back_to, returning


@ui.page("/sign-up")
async def sign_up_page(next: str = "") -> None:
    """The registration form."""
    viewer = await session.viewer()
    async with frame(viewer, "Sign up", follow_session=False):
        sign_up_form(viewer, back_to(next))


def sign_up_form(viewer: Actor, back: str = "/") -> None:
    """The card with the registration fields."""
    with ui.card().classes("w-full max-w-md self-center").props("flat bordered"):
        ui.label("Create your account").classes("text-2xl font-bold")
        form = Form(accounts.RegisterUser)
        form.add("username", ui.input("Username")).classes("w-full").props(f"counter maxlength={accounts.USERNAME_MAX}")
        form.add("email", ui.input("E-mail")).classes("w-full").props(f"type=email maxlength={accounts.EMAIL_MAX}")
        form.add("password", ui.input("Password", password=True, password_toggle_button=True)).classes("w-full")
        ui.label(f"At least {accounts.PASSWORD_MIN} characters.").classes("text-xs text-gray-500")

        async def register() -> None:
            values = form.values()
            if await attempt(accounts.register(viewer, **values), form) is None:
                return
            credentials = {"login": values["username"], "password": values["password"]}
            signed_in = await attempt(accounts.sign_in(viewer, **credentials, address=session.address()), form)
            if signed_in is not None:
                session.remember(signed_in.token)
                ui.navigate.to(back)

        ui.button("Sign up", on_click=register).classes("w-full").props("unelevated").mark("submit")
        with ui.row().classes("gap-1 text-sm"):
            ui.label("Have an account?")
            ui.link("Sign in", returning("/sign-in", back))
