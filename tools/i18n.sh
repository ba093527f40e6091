#!/bin/sh
# Update the translation sources from the code, then build the .qm files.
#
#   tools/i18n.sh            lupdate (app/ → resources/translations/*.ts) + lrelease (→ *.qm)
#   tools/i18n.sh --release  lrelease only (after editing a .ts in Qt Linguist)
#
# Source strings are French. tracing_desk_en.ts holds the English translation;
# tracing_desk_fr.ts holds only the French plural forms (%n) — lupdate -pluralonly.
# The .ts files are the source of truth; the .qm files are generated (commit both).
set -eu
cd "$(dirname "$0")/.."
BIN="${PYSIDE6_BIN:-.venv/bin}"
I18N=resources/translations
mkdir -p "$I18N"

if [ "${1:-}" != "--release" ]; then
    # shellcheck disable=SC2046
    SOURCES=$(find app -name '*.py' | sort)
    "$BIN/pyside6-lupdate" -locations relative -no-obsolete -source-language fr_FR \
        -target-language en_GB $SOURCES -ts "$I18N/tracing_desk_en.ts"
    "$BIN/pyside6-lupdate" -locations relative -no-obsolete -pluralonly -source-language fr_FR \
        -target-language fr_FR $SOURCES -ts "$I18N/tracing_desk_fr.ts"
fi
for ts in "$I18N"/tracing_desk_*.ts; do
    "$BIN/pyside6-lrelease" "$ts" -qm "${ts%.ts}.qm"
done
