#!/bin/sh
# Register (or, with --remove, unregister) the daily purge of Tracing Desk for this user.
#
#     sh packaging/macos/install-agent.sh ["/Applications/Tracing Desk.app"]
#     sh packaging/macos/install-agent.sh --remove [--forget]
#
# --remove --forget first runs `tracing-desk forget --yes` (« Oublier ce poste »: keychain
# entries and every data file of this user's station), then removes the agent. Dragging the
# application to the bin does not remove the agent: run --remove first.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
LABEL=fr.tracingdesk.purge
AGENT="$HOME/Library/LaunchAgents/$LABEL.plist"
DOMAIN="gui/$(id -u)"

if [ "${1:-}" = --remove ]; then
  if [ "${2:-}" = --forget ]; then
    EXE=$(/usr/libexec/PlistBuddy -c "Print :ProgramArguments:0" "$AGENT" 2>/dev/null || true)
    [ -n "$EXE" ] && [ -x "$EXE" ] && "$EXE" forget --yes
  fi
  launchctl bootout "$DOMAIN/$LABEL" 2>/dev/null || true
  rm -f "$AGENT"
  echo "Purge quotidienne retirée."
  exit 0
fi

APP=${1:-/Applications/Tracing Desk.app}
EXE="$APP/Contents/MacOS/tracing-desk"
[ -x "$EXE" ] || { echo "Programme introuvable : $EXE" >&2; exit 2; }
mkdir -p "$HOME/Library/LaunchAgents"
sed "s|@EXE@|$EXE|g" "$HERE/$LABEL.plist" > "$AGENT"
chmod 0644 "$AGENT"
plutil -lint "$AGENT" >/dev/null
launchctl bootout "$DOMAIN/$LABEL" 2>/dev/null || true
launchctl bootstrap "$DOMAIN" "$AGENT"
echo "Purge quotidienne enregistrée (launchctl print $DOMAIN/$LABEL)."
