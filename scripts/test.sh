#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Sets everything up and runs the whole test suite: installs packages, builds
# the libFuzzer target with clang (for a bounded fuzzing run inside the suite),
# builds everything else with warnings as errors, starts the private
# PostgreSQL cluster the server tests use (scripts/pg.sh; left running for the
# next run), and runs CTest.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh

# The fuzzer needs clang; it is built in its own tree and handed to the suite.
cmake -S . -B build/fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_CXX_COMPILER_LAUNCHER=ccache \
    -DSLIDESPEC_BUILD_TESTS=OFF -DSLIDESPEC_BUILD_BENCH=OFF -DSLIDESPEC_BUILD_FUZZERS=ON >&2
cmake --build build/fuzz --target fuzz_specloader

scripts/build.sh ci -DSLIDESPEC_FUZZER="$PWD/build/fuzz/tests/fuzz/fuzz_specloader"

# The server tests run against a real PostgreSQL: start (or reuse) the
# project's cluster and hand its test URLs to CTest.
scripts/pg.sh start
eval "$(scripts/pg.sh env)"
export SLIDESPEC_TEST_DATABASE_URL SLIDESPEC_TEST_MIGRATION_DATABASE_URL

# The S3 storage backend is tested against a real S3-compatible server:
# s3rver from npm, installed into .tools/ and started (HTTP and HTTPS).
scripts/s3.sh start
eval "$(scripts/s3.sh env)"

ctest --preset ci -j2 "$@"
