# Shared steps of the install scripts: Debian packages and the virtual env.
# Sourced, not run. Expects $ROOT to be the repository root.

# Libraries PySide6's wheels load at run time but do not ship (X11/xcb,
# OpenGL, fonts), the Vietnamese spelling list, and what a fresh Debian needs
# to make a Python venv.
APP_RUNTIME_PACKAGES=(
    hunspell-vi
    python3 python3-venv python3-pip
    libegl1 libgl1 libfontconfig1 libdbus-1-3 libxkbcommon0 libxkbcommon-x11-0
    libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0
    libxcb-render-util0 libxcb-randr0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1
    fonts-dejavu-core
)

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

install_debian_packages() {
    echo "== Installing Debian packages: $*"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive \
        apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

# Create .venv (once) and install TinXa into it with the given extras.
install_python_packages() {
    local extras="$1"
    if [ ! -x "$ROOT/.venv/bin/python" ]; then
        python3 -m venv "$ROOT/.venv"
    fi
    echo "== Installing Python packages into $ROOT/.venv"
    "$ROOT/.venv/bin/python" -m pip install -q --upgrade pip
    "$ROOT/.venv/bin/python" -m pip install -q -e "$ROOT$extras"
}
