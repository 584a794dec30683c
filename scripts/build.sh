#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Configures and builds with a CMake preset (default: dev). Usage:
#   scripts/build.sh [preset] [extra cmake configure args...]
set -euo pipefail
cd "$(dirname "$0")/.."

preset=${1:-dev}
shift || true
cmake --preset "$preset" "$@" >&2
cmake --build --preset "$preset"
