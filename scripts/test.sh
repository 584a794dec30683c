#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Sets everything up and runs the whole test suite: installs packages, builds
# the libFuzzer target with clang (for a bounded fuzzing run inside the suite),
# builds everything else with warnings as errors, and runs CTest.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh

# The fuzzer needs clang; it is built in its own tree and handed to the suite.
cmake -S . -B build/fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_CXX_COMPILER_LAUNCHER=ccache \
    -DSLIDESPEC_BUILD_TESTS=OFF -DSLIDESPEC_BUILD_BENCH=OFF -DSLIDESPEC_BUILD_FUZZERS=ON >&2
cmake --build build/fuzz --target fuzz_specloader

scripts/build.sh ci -DSLIDESPEC_FUZZER="$PWD/build/fuzz/tests/fuzz/fuzz_specloader"
ctest --preset ci -j2 "$@"
