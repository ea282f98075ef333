"""The password really reaches the OS vault: gnome-keyring's Secret Service on
a private D-Bus session, as on a Linux desktop."""

import shutil
import subprocess
import sys
import textwrap

import pytest

CHECK = textwrap.dedent("""
    import keyring
    from desktop.credentials import CredentialStore

    store = CredentialStore()
    assert store.secure, type(keyring.get_keyring())
    store.set("https://xa.vn", "hoa", "abcd efgh ijkl")
    assert CredentialStore().get("https://xa.vn", "hoa") == "abcd efgh ijkl"
    print("backend", type(keyring.get_keyring()).__module__)
""")


def test_password_round_trips_through_secret_service(tmp_path):
    for tool in ("dbus-run-session", "gnome-keyring-daemon"):
        if shutil.which(tool) is None:
            pytest.fail(f"{tool} is missing: install the Debian packages "
                        "gnome-keyring and dbus-bin (scripts/run-tests.sh does)")
    script = tmp_path / "check.py"
    script.write_text(CHECK)
    # The daemon reads the unlock password from standard input.
    command = (f"printf test | gnome-keyring-daemon --unlock --components=secrets "
               f">/dev/null && {sys.executable} {script}")
    done = subprocess.run(
        ["dbus-run-session", "--", "sh", "-c", command], capture_output=True,
        text=True, timeout=60, cwd=tmp_path,
        env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin",
             "PYTHONPATH": str(__import__("pathlib").Path(__file__).parents[2])})
    assert done.returncode == 0, done.stderr
    assert "backend keyring.backends.SecretService" in done.stdout
