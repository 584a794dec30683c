#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Sets everything up and runs Slidespec's main job: builds a release and opens
# the desktop editor on a sample deck. Without a display (or with
# SLIDESPEC_EXPORT_ONLY=1) it exports every bundled sample deck to PPTX, PDF
# and PNGs instead, and says where they are.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh
scripts/build.sh release >&2

editor=build/release/app/desktop/slidespec
if [[ -z ${SLIDESPEC_EXPORT_ONLY:-} && -z ${CI:-} && -x $editor \
      && ( -n ${DISPLAY:-} || -n ${WAYLAND_DISPLAY:-} ) ]]; then
    echo "Opening the editor on resources/samples/pitch-deck.json" >&2
    exec "$editor" resources/samples/pitch-deck.json
fi
echo "No display: exporting the sample decks instead (the editor needs a desktop session)." >&2

cli=build/release/app/cli/slidespec-cli
out=${SLIDESPEC_OUT:-$PWD/out}
mkdir -p "$out"

for deck in resources/samples/*.json; do
    name=$(basename "$deck" .json)
    "$cli" validate "$deck" || true   # report problems, export anyway
    "$cli" export "$deck" "$out/$name.pptx" --overwrite
    "$cli" export "$deck" "$out/$name.pdf" --overwrite
    mkdir -p "$out/$name-png"
    "$cli" render "$deck" "$out/$name-png" --width 1280 --overwrite
done

echo
echo "Exported the sample decks to $out:"
ls -1 "$out"
