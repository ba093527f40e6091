#!/bin/sh
# Install the Tracing Desk bundle (dist/TracingDesk from PyInstaller) for the current user,
# or for every user when run as root, and register the daily purge (systemd user timer).
#
#     sh packaging/linux/install.sh [BUNDLE_DIR]        # default: dist/TracingDesk
#
# Per user (not root): ~/.local/opt/tracing-desk, ~/.local/bin/tracing-desk, the menu entry,
#   icons and AppStream file under ~/.local/share, the timer in ~/.config/systemd/user
#   (enabled at once).
# Every user (root): /opt/tracing-desk, /usr/local/bin/tracing-desk, /usr/local/share, the
#   timer in /etc/systemd/user, enabled for every user session (systemctl --global).
# The data folder is never touched: it belongs to each user (~/.local/share/TracingDesk).
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
BUNDLE=${1:-$ROOT/dist/TracingDesk}
[ -x "$BUNDLE/tracing-desk" ] || { echo "Bundle introuvable : $BUNDLE (pyinstaller packaging/tracing-desk.spec)" >&2; exit 2; }

if [ "$(id -u)" = 0 ]; then
  PREFIX=/opt/tracing-desk; BIN=/usr/local/bin; SHARE=/usr/local/share; UNITS=/etc/systemd/user
else
  PREFIX=$HOME/.local/opt/tracing-desk; BIN=$HOME/.local/bin; SHARE=$HOME/.local/share
  UNITS=${XDG_CONFIG_HOME:-$HOME/.config}/systemd/user
fi

echo "Installation dans $PREFIX"
rm -rf "$PREFIX.new"
mkdir -p "$(dirname "$PREFIX")"
cp -a "$BUNDLE" "$PREFIX.new"
rm -rf "$PREFIX"
mv "$PREFIX.new" "$PREFIX"
mkdir -p "$BIN" "$SHARE/applications" "$SHARE/metainfo" "$SHARE/doc/tracing-desk" "$UNITS"
ln -sf "$PREFIX/tracing-desk" "$BIN/tracing-desk"

sed -e "s|^Exec=tracing-desk|Exec=$PREFIX/tracing-desk|" \
  -e "s|^TryExec=tracing-desk|TryExec=$PREFIX/tracing-desk|" \
  "$HERE/fr.tracingdesk.TracingDesk.desktop" > "$SHARE/applications/fr.tracingdesk.TracingDesk.desktop"
chmod 0644 "$SHARE/applications/fr.tracingdesk.TracingDesk.desktop"
install -m 0644 "$HERE/fr.tracingdesk.TracingDesk.metainfo.xml" "$SHARE/metainfo/"
for png in "$ROOT"/resources/icons/hicolor/*/apps/tracing-desk.png; do
  size=$(basename "$(dirname "$(dirname "$png")")")
  mkdir -p "$SHARE/icons/hicolor/$size/apps"
  install -m 0644 "$png" "$SHARE/icons/hicolor/$size/apps/tracing-desk.png"
done
mkdir -p "$SHARE/icons/hicolor/scalable/apps"
install -m 0644 "$ROOT/resources/icons/tracing-desk.svg" "$SHARE/icons/hicolor/scalable/apps/"
for doc in guide-admin.md guide-infirmier.md; do
  [ -f "$ROOT/docs/$doc" ] && install -m 0644 "$ROOT/docs/$doc" "$SHARE/doc/tracing-desk/"
done

for unit in tracing-desk-purge.service tracing-desk-purge.timer; do
  sed -e "s|@EXE@|$PREFIX/tracing-desk|g" -e "s|@DOCS@|$SHARE/doc/tracing-desk|g" \
    "$HERE/$unit" > "$UNITS/$unit"
  chmod 0644 "$UNITS/$unit"
done

if command -v systemctl >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    systemctl --global enable tracing-desk-purge.timer
    echo "Purge quotidienne activée pour chaque session utilisateur (systemctl --global)."
  else
    if systemctl --user daemon-reload && systemctl --user enable --now tracing-desk-purge.timer; then
      echo "Purge quotidienne activée : systemctl --user list-timers tracing-desk-purge.timer"
    else
      # No user manager (e.g. installed over ssh): the timer starts with the next session.
      mkdir -p "$UNITS/timers.target.wants"
      ln -sf "$UNITS/tracing-desk-purge.timer" "$UNITS/timers.target.wants/tracing-desk-purge.timer"
      echo "Purge quotidienne enregistrée : active à la prochaine ouverture de session."
    fi
  fi
else
  echo "systemd absent : planifiez « $BIN/tracing-desk purge » une fois par jour (cron)." >&2
fi
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$SHARE/applications" || true
command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$SHARE/icons/hicolor" || true
echo "Tracing Desk installé : $BIN/tracing-desk"
