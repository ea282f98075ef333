"""Application Passwords, kept in the operating system's vault through keyring.

A password never goes into the database, the settings file or a log. Where the
machine has no usable vault (no Secret Service on Linux, or only a backend that
writes secrets to a plain file), passwords stay in memory until the app quits
and ``secure`` is False so the UI can warn the clerk.
"""

import logging

import keyring
import keyring.errors

log = logging.getLogger(__name__)

SERVICE = "TinXa"

# Backends that either lose the secret or keep it readable on disk.
_UNSAFE_BACKEND_MODULES = ("keyring.backends.fail", "keyring.backends.null",
                           "keyrings.alt")


def _vault_is_usable() -> bool:
    try:
        backend = keyring.get_keyring()
    except keyring.errors.KeyringError as error:
        log.warning("no password vault: %s", error)
        return False
    module = type(backend).__module__
    if module.startswith(_UNSAFE_BACKEND_MODULES):
        log.warning("password vault backend %s is not safe, keeping passwords "
                    "in memory", module)
        return False
    if getattr(backend, "priority", 1) <= 0:
        return False
    return True


class CredentialStore:
    """Reads and writes one password per site account."""

    def __init__(self) -> None:
        self.secure = _vault_is_usable()
        self._memory: dict[str, str] = {}

    @staticmethod
    def _key(url: str, username: str) -> str:
        return f"{username}@{url}"

    def get(self, url: str, username: str) -> str | None:
        key = self._key(url, username)
        if key in self._memory or not self.secure:
            return self._memory.get(key)
        try:
            return keyring.get_password(SERVICE, key)
        except keyring.errors.KeyringError as error:
            log.warning("reading the password for %s failed: %s", key, error)
            return None

    def set(self, url: str, username: str, password: str) -> None:
        key = self._key(url, username)
        if self.secure:
            try:
                keyring.set_password(SERVICE, key, password)
                self._memory.pop(key, None)
                return
            except keyring.errors.KeyringError as error:
                log.warning("storing the password for %s failed, keeping it in "
                            "memory: %s", key, error)
                self.secure = False
        self._memory[key] = password

    def delete(self, url: str, username: str) -> None:
        key = self._key(url, username)
        self._memory.pop(key, None)
        if not self.secure:
            return
        try:
            keyring.delete_password(SERVICE, key)
        except keyring.errors.PasswordDeleteError:
            pass
        except keyring.errors.KeyringError as error:
            log.warning("deleting the password for %s failed: %s", key, error)
