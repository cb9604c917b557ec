"""Small steps the browser journeys share: logging in through the form, screenshots."""

from pathlib import Path

PASSWORD = "geheim-und-lang-genug"
SHOTS = Path("/tmp/ki-shots")


def log_in(page, live_server, user, next_path: str = "") -> None:
    """Log in through the login form, as a person would; ``next_path`` is where to land."""
    page.set_default_timeout(30_000)  # generous: CI machines may be busy
    url = f"{live_server.url}/konto/anmelden/"
    if next_path:
        url += f"?next={next_path}"
    page.goto(url)
    page.get_by_label("Benutzername").fill(user.username)
    page.get_by_label("Passwort").fill(PASSWORD)
    page.get_by_role("button", name="Anmelden").click()
    page.wait_for_load_state()
    assert page.get_by_role("button", name="Abmelden").count() == 1, "Anmeldung fehlgeschlagen"


def shot(page, name: str) -> None:
    """Keep a full-page screenshot in /tmp/ki-shots/<name>.png to look at by eye."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)
