"""Icons for menus and buttons, drawn from QtAwesome's font sets."""

from PySide6.QtGui import QIcon

_NAMES = {
    "new": "fa5s.file-alt",
    "send": "fa5s.paper-plane",
    "sync": "fa5s.sync-alt",
    "account": "fa5s.user-circle",
    "quit": "fa5s.sign-out-alt",
    "language": "fa5s.language",
    "online": "fa5s.wifi",
    "offline": "fa5s.unlink",
    "waiting": "fa5s.inbox",
    "warning": "fa5s.exclamation-triangle",
    "delete": "fa5s.trash-alt",
}


def icon(name: str) -> QIcon:
    import qtawesome  # imported on first use: it costs ~0.1 s at start-up

    return qtawesome.icon(_NAMES[name])
