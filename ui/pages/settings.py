"""Settings: the signed-in user's profile (name, e-mail, bio, picture: an address or uploaded), password, and signing
out everywhere."""

from __future__ import annotations

from nicegui import ui

from core import Actor, accounts, pictures

from .. import session
from ..components.feedback import attempt
from ..components.form import Form
from ..components.frame import frame
from ..components.missing import gone
from ..components.picture_upload import LIMITS, PictureUpload


@ui.page("/settings")
async def settings_page() -> None:
    """The settings of the signed-in user."""
    viewer = await session.viewer()
    async with frame(viewer, "Settings"):
        if viewer.is_anonymous:
            gone("Sign in to change your settings.")
            return
        me = await accounts.get_user(viewer, viewer.username)
        with ui.card().classes("w-full max-w-xl self-center").props("flat bordered"):
            ProfileForm(viewer, me)
        with ui.card().classes("w-full max-w-xl self-center").props("flat bordered"):
            PasswordForm(viewer)
        with ui.card().classes("w-full max-w-xl self-center").props("flat bordered"):
            sessions_card(viewer)


class ProfileForm:
    """What others see of the user."""

    def __init__(self, viewer: Actor, me: accounts.UserView) -> None:
        self.viewer = viewer
        ui.label("Your profile").classes("text-xl font-semibold")
        self.form = Form(accounts.UpdateProfile, check_while_typing=True)
        self.form.add("username", ui.input("Username", value=me.username)).classes("w-full").props(
            f"counter maxlength={accounts.USERNAME_MAX}"
        )
        self.form.add("email", ui.input("E-mail", value=me.email or "")).classes("w-full").props(
            f"type=email maxlength={accounts.EMAIL_MAX}"
        )
        self.form.add("image", ui.input("Picture (address of an image)", value=me.image or "")).classes("w-full")
        PictureUpload(viewer, "Or upload a picture", self.use_picture)
        ui.label(LIMITS).classes("text-xs text-gray-500")
        self.form.add("bio", ui.textarea("About you", value=me.bio or "")).classes("w-full").props(
            f"autogrow counter maxlength={accounts.BIO_MAX}"
        )
        ui.button("Save profile", on_click=self.save).props("unelevated").mark("save-profile")

    async def use_picture(self, picture: pictures.PictureView, _filename: str) -> None:
        """An uploaded picture becomes the profile's at once (the header and every page showing it follow)."""
        if (
            user := await attempt(accounts.update_profile(self.viewer, image=picture.avatar_url), self.form)
        ) is not None:
            self.form.fields["image"].value = user.image or ""
            ui.notify("Picture saved", type="positive")

    async def save(self) -> None:
        """Save the profile; a new name takes effect everywhere at once."""
        if (user := await attempt(accounts.update_profile(self.viewer, **self.form.values()), self.form)) is not None:
            ui.notify("Profile saved", type="positive")
            if user.username != self.viewer.username:
                ui.navigate.reload()


class PasswordForm:
    """A new password, proven by the current one; other signed-in browsers are signed out."""

    def __init__(self, viewer: Actor) -> None:
        self.viewer = viewer
        ui.label("Password").classes("text-xl font-semibold")
        self.form = Form(accounts.ChangePassword)
        self.form.add("current_password", ui.input("Current password", password=True)).classes("w-full")
        self.form.add("new_password", ui.input("New password", password=True, password_toggle_button=True)).classes(
            "w-full"
        )
        ui.label(f"At least {accounts.PASSWORD_MIN} characters. Your other sessions will be signed out.").classes(
            "text-xs text-gray-500"
        )
        ui.button("Change password", on_click=self.save).props("unelevated").mark("change-password")

    async def save(self) -> None:
        """Change the password."""
        if await attempt(accounts.change_password(self.viewer, **self.form.values()), self.form) is None:
            return
        for field in self.form.fields.values():
            field.value = ""
        ui.notify("Password changed; your other sessions are signed out", type="positive")


def sessions_card(viewer: Actor) -> None:
    """Sign out everywhere: every browser and API token of the user, this one included."""
    ui.label("Sessions").classes("text-xl font-semibold")
    ui.label(
        "Signed in somewhere you no longer trust? This signs out every browser and app using your account, "
        "this one too, at once."
    ).classes("text-sm")

    async def sign_out_everywhere() -> None:
        if await attempt(accounts.sign_out_everywhere(viewer)) is not None:
            session.forget()  # this page reloads as the visitor it now is, like every other page of the user

    ui.button("Sign out everywhere", on_click=sign_out_everywhere).props("outline").mark("sign-out-everywhere")
