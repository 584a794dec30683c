#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Sets everything up and runs Slidespec's main job: builds a release and
# exports every bundled sample deck to PPTX, PDF and PNGs, then says where.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh
scripts/build.sh release >&2

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
