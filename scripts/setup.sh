#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Installs every Debian/Ubuntu package Slidespec needs to build, test, export
# and benchmark. Idempotent: installs only what is missing and says what.
# On other systems it prints the list to install by hand and fails.
set -euo pipefail

packages=(
    # toolchain
    build-essential cmake ninja-build ccache pkg-config git
    clang libclang-rt-14-dev            # libFuzzer target for the spec loader
    # Qt 6 (core: Core + Gui; tests: Test, PDF to read exported PDFs back)
    qt6-base-dev qt6-base-dev-tools qt6-pdf-dev
    libqt6svg6 qt6-image-formats-plugins # SVG and WebP images through QImageReader plugins
    # core libraries
    libzip-dev zipcmp zipmerge ziptool nlohmann-json3-dev
    # fonts the brand kits name, and the documented fallbacks (docs/fonts.md)
    fonts-inter fonts-lato fonts-open-sans fonts-roboto fonts-liberation2
    fonts-dejavu-core fonts-noto-core fonts-crosextra-carlito
    # the real clients the tests check exports with
    libreoffice-impress-nogui poppler-utils
    # desktop editor: Qt Quick UI, QML test runner, SQLite workspace, translations
    # (the editor's logic library itself needs only qt6-base-dev: QUndoStack is in Qt Gui)
    qt6-declarative-dev qt6-declarative-dev-tools libqt6sql6-sqlite qt6-tools-dev qt6-l10n-tools
    qml6-module-qtquick qml6-module-qtquick-controls qml6-module-qtquick-layouts
    qml6-module-qtquick-templates qml6-module-qtquick-window qml6-module-qtqml-workerscript
    qml6-module-qtquick-dialogs qml6-module-qtquick-shapes qml6-module-qtquick-pdf
    qml6-module-qt-labs-settings qml6-module-qttest
    # team server: Qt HttpServer, libpqxx 6.4, spdlog, libsodium (argon2id),
    # a private PostgreSQL 15 cluster for development and tests (scripts/pg.sh),
    # promtool to check /metrics, Node + npm for the local S3 server (s3rver),
    # bubblewrap to isolate the renderer (docs/queue.md, "The sandbox")
    qt6-httpserver-dev libqt6httpserver6 qt6-websockets-dev libpqxx-dev libspdlog-dev libsodium-dev
    postgresql-15 postgresql-client-15 prometheus nodejs openssl bubblewrap
    # benchmarks: GNU time for peak memory (bench/run.sh installs Node/npm itself if missing);
    # wrk (HTTP load) and jq (JSON) for the team server benchmark (bench/server/run.sh)
    time wrk jq
)

say() { printf '[setup] %s\n' "$*" >&2; }

if [[ ! -r /etc/os-release ]] || ! grep -qiE '^(ID|ID_LIKE)=.*(debian|ubuntu)' /etc/os-release; then
    say "This script supports Debian 12+ and Ubuntu 22.04+ (apt)."
    say "On other systems install the equivalents of these packages by hand:"
    printf '  %s\n' "${packages[@]}" >&2
    exit 1
fi

missing=()
for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
        missing+=("$p")
    fi
done

# Debian's nodejs ships npm separately; NodeSource's includes it (and conflicts
# with Debian's npm package), so npm is only asked for when the command is absent.
if ! command -v npm >/dev/null; then
    missing+=(npm)
fi

if [[ ${#missing[@]} -eq 0 ]]; then
    say "all ${#packages[@]} packages are installed"
    exit 0
fi

sudo=()
if [[ $(id -u) -ne 0 ]]; then
    if command -v sudo >/dev/null; then
        sudo=(sudo)
    else
        say "not root and no sudo: install these packages by hand: ${missing[*]}"
        exit 1
    fi
fi

say "installing ${#missing[@]} missing packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -q
"${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
say "done"
