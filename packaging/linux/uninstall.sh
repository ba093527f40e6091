#!/bin/sh
# Remove Tracing Desk installed by install.sh, and its daily purge timer.
#
#     sh packaging/linux/uninstall.sh [--forget | --keep-data]
#
# « Oublier ce poste » (--forget, or answering « o » to the question) first runs
# `tracing-desk forget --yes` for the current user: keyring entries, database, recovery
# file, backups, logs, drafts and registered exports are deleted. Without it the data
# folder stays (a later installation opens it again). As root, only the program and the
# timer are removed: each user forgets their own station (their key is in their keyring).
set -eu
if [ "$(id -u)" = 0 ]; then
  PREFIX=/opt/tracing-desk; BIN=/usr/local/bin; SHARE=/usr/local/share; UNITS=/etc/systemd/user
else
  PREFIX=$HOME/.local/opt/tracing-desk; BIN=$HOME/.local/bin; SHARE=$HOME/.local/share
  UNITS=${XDG_CONFIG_HOME:-$HOME/.config}/systemd/user
fi
FORGET=ask
case "${1:-}" in --forget) FORGET=yes ;; --keep-data) FORGET=no ;; esac

if [ "$(id -u)" != 0 ] && [ -x "$PREFIX/tracing-desk" ]; then
  if [ "$FORGET" = ask ] && [ -t 0 ]; then
    printf "Oublier ce poste (supprimer la clé et toutes les données locales) ? [o/N] "
    read -r answer
    case "$answer" in o|O|oui|OUI) FORGET=yes ;; *) FORGET=no ;; esac
  fi
  if [ "$FORGET" = yes ]; then
    QT_QPA_PLATFORM=offscreen "$PREFIX/tracing-desk" forget --yes
  fi
fi

if command -v systemctl >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    systemctl --global disable tracing-desk-purge.timer 2>/dev/null || true
  else
    systemctl --user disable --now tracing-desk-purge.timer 2>/dev/null || true
  fi
fi
rm -f "$UNITS/tracing-desk-purge.service" "$UNITS/tracing-desk-purge.timer" \
  "$UNITS/timers.target.wants/tracing-desk-purge.timer"
[ "$(id -u)" = 0 ] || { command -v systemctl >/dev/null 2>&1 && systemctl --user daemon-reload || true; }
rm -f "$BIN/tracing-desk" "$SHARE/applications/fr.tracingdesk.TracingDesk.desktop" \
  "$SHARE/metainfo/fr.tracingdesk.TracingDesk.metainfo.xml"
rm -f "$SHARE"/icons/hicolor/*/apps/tracing-desk.png "$SHARE/icons/hicolor/scalable/apps/tracing-desk.svg"
rm -rf "$SHARE/doc/tracing-desk" "$PREFIX"
echo "Tracing Desk désinstallé."
