#!/bin/sh
# Installs ngodesk's menu entry, AppStream metadata, file type (.ngodesk-copy)
# and icons for the current user, into the XDG data folder (no root).
# Usage: packaging/install-desktop.sh EXECUTABLE    the absolute path of ngodesk
#        packaging/install-desktop.sh --uninstall
# The PNG icon sizes are rendered from the SVG by a Python with PySide6:
# $NGODESK_PYTHON, else the python beside EXECUTABLE (a venv's bin/). For the
# bundle:  NGODESK_PYTHON=.venv/bin/python sh packaging/install-desktop.sh "$PWD/dist/ngodesk/ngodesk"
# Running it again updates the files in place.
set -eu

ID=io.github.ngodesk.Ngodesk
MIME=application-x-ngodesk-copy.xml
SIZES="16 24 32 48 64 128 256 512"
here=$(cd "$(dirname "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
hicolor=$data/icons/hicolor

die() {
    echo "install-desktop: $*" >&2
    exit 1
}

installed_files() {
    echo "$data/applications/$ID.desktop"
    echo "$data/metainfo/$ID.metainfo.xml"
    echo "$data/mime/packages/$MIME"
    echo "$hicolor/scalable/apps/$ID.svg"
    for size in $SIZES; do
        echo "$hicolor/${size}x${size}/apps/$ID.png"
    done
}

# Rebuild the desktop's caches of file types, menu entries and icons; a
# missing tool only means that desktop does without its cache.
refresh() {
    if command -v update-mime-database >/dev/null 2>&1 && [ -d "$data/mime/packages" ]; then
        update-mime-database "$data/mime" || echo "install-desktop: update-mime-database failed (ignored)"
    fi
    if command -v update-desktop-database >/dev/null 2>&1 && [ -d "$data/applications" ]; then
        update-desktop-database -q "$data/applications" || echo "install-desktop: update-desktop-database failed (ignored)"
    fi
    if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -d "$hicolor" ]; then
        # (-t: a user's hicolor folder has no index.theme of its own)
        gtk-update-icon-cache -q -t -f "$hicolor" || echo "install-desktop: gtk-update-icon-cache failed (ignored)"
    fi
}

copy() { # SOURCE DESTINATION
    mkdir -p "$(dirname "$2")"
    cp "$1" "$2"
    chmod 644 "$2"
    echo "installed $2"
}

if [ "${1:-}" = --uninstall ]; then
    installed_files | while IFS= read -r file; do
        if [ -e "$file" ]; then
            rm -f "$file"
            echo "removed $file"
        fi
    done
    refresh
    exit 0
fi

[ $# = 1 ] || die "usage: $0 EXECUTABLE | --uninstall"
exe=$1
case $exe in
    /*) ;;
    *) die "give the absolute path of the ngodesk executable, not $exe" ;;
esac
[ -x "$exe" ] && [ -f "$exe" ] || die "$exe is not an executable file"
# Characters that would need escaping in the entry's Exec= line are refused
# rather than escaped (the desktop-entry quoting rules nest two levels deep).
case $exe in
    *[!A-Za-z0-9_./+@:,\ -]*) die "move ngodesk to a path without quotes, \$, %, \\ or similar characters: $exe" ;;
esac

desktop=$data/applications/$ID.desktop
mkdir -p "$data/applications"
sed -e "s|^Exec=ngodesk |Exec=\"$exe\" |" -e "s|^TryExec=ngodesk\$|TryExec=$exe|" \
    "$here/$ID.desktop" >"$desktop.tmp"
mv "$desktop.tmp" "$desktop"
chmod 644 "$desktop"
echo "installed $desktop (runs $exe)"

copy "$here/$ID.metainfo.xml" "$data/metainfo/$ID.metainfo.xml"
copy "$here/$MIME" "$data/mime/packages/$MIME"
copy "$here/../resources/icons/app.svg" "$hicolor/scalable/apps/$ID.svg"

python=${NGODESK_PYTHON:-$(dirname "$exe")/python}
if [ -x "$python" ] && "$python" -c 'import PySide6.QtSvg' >/dev/null 2>&1; then
    # shellcheck disable=SC2086
    rendered=$("$python" "$here/render_icons.py" "$here/../resources/icons/app.svg" "$hicolor" "$ID" $SIZES)
    echo "$rendered" | sed 's/^/installed /'
else
    echo "install-desktop: no Python with PySide6 at $python (set NGODESK_PYTHON): only the scalable icon is installed"
fi

refresh
