#!/bin/sh
# Installs the Debian/Ubuntu packages ngodesk needs but pip cannot provide:
# Qt's shared libraries, a CJK font, python3-venv when venv is missing, and
# (for the tests) the freedesktop validators and PostgreSQL's server.
# Usage: packaging/system-deps.sh test|run
# As root it runs apt-get; otherwise it prints the exact command to run.
set -eu

mode=${1:-test}
python=${PYTHON:-python3}

# Offscreen Qt (tests) and a Chinese font (otherwise every character is a box).
want="libegl1 libgl1 libx11-6 libdbus-1-3 libfontconfig1 libfreetype6 libglib2.0-0 libxkbcommon0 fonts-wqy-microhei"
if [ "$mode" = test ]; then
    # The validators of the menu entry and AppStream metadata (tests/test_packaging.py);
    # PostgreSQL's server, which the team hub's tests start (tests/pg_cluster.py).
    want="$want appstream desktop-file-utils postgresql"
fi
if [ "$mode" = run ]; then
    # Real X11 windows (Qt's xcb platform plugin).
    want="$want libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0 libxcb-shape0 libxcb-xkb1 libxkbcommon-x11-0"
fi

if ! command -v dpkg-query >/dev/null 2>&1; then
    echo "system-deps: not a Debian/Ubuntu system; make sure Qt 6's libraries (OpenGL, EGL, fontconfig, xkbcommon) and a CJK font are installed."
    exit 0
fi

if ! "$python" -c 'import ensurepip, venv' >/dev/null 2>&1; then
    want="$want python3-venv"
fi

missing=""
for pkg in $want; do
    status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
    case "$status" in
        *"install ok installed"*) ;;
        *) missing="$missing $pkg" ;;
    esac
done

[ -z "$missing" ] && exit 0

command="apt-get install -y --no-install-recommends$missing"
if [ "$(id -u)" = 0 ]; then
    echo "system-deps: installing$missing"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    # shellcheck disable=SC2086
    apt-get install -y -qq --no-install-recommends $missing
else
    echo "system-deps: missing Debian packages:$missing"
    echo "system-deps: run as root:  apt-get update && $command"
fi
