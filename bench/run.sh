#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Runs every benchmark in one go and prints the figures side by side; the
# results also go to bench/results/latest.md. Reproduce docs/benchmarks.md with:
#   bench/run.sh
# Peers (PptxGenJS 4.0.1 from npm, LibreOffice from Debian) are installed into
# ignored folders. Nothing here asserts a time.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

scripts/setup.sh
scripts/build.sh release >&2

bin=$root/build/release
cli=$bin/app/cli/slidespec-cli
work=$bin/bench-work
results=$root/bench/results
mkdir -p "$work" "$results"
export QT_QPA_PLATFORM=offscreen

if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    echo "[bench] installing Node.js and npm" >&2
    apt-get install -y -q nodejs npm >&2
fi
if [[ ! -d bench/.peers/node_modules/pptxgenjs ]]; then
    echo "[bench] installing pptxgenjs@4.0.1 into bench/.peers" >&2
    mkdir -p bench/.peers
    npm install --prefix bench/.peers --no-audit --no-fund --silent pptxgenjs@4.0.1 >&2
fi

"$bin/bench/bench_makedeck" export 100 "$work/deck100.json"
"$bin/bench/bench_makedeck" validate 200 30 "$work/deck200x30.json"

# measure NAME RUNS COMMAND... — median wall time (s, to the millisecond) and
# max peak RSS (MB, from GNU time) of RUNS runs.
declare -A wall rss
measure() {
    local name=$1 runs=$2; shift 2
    local times=() peak=0 start end m
    for ((i = 0; i < runs; i++)); do
        start=$EPOCHREALTIME
        /usr/bin/time -f '%M' -o "$work/time.txt" "$@" >/dev/null 2>"$work/$name.stderr" || {
            echo "[bench] $name failed:" >&2; cat "$work/$name.stderr" >&2; return 1; }
        end=$EPOCHREALTIME
        read -r m < "$work/time.txt"
        times+=("$(awk -v s="$start" -v e="$end" 'BEGIN {printf "%.3f", e - s}')")
        (( m > peak )) && peak=$m
    done
    wall[$name]=$(printf '%s\n' "${times[@]}" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
    rss[$name]=$(awk -v k="$peak" 'BEGIN {printf "%.0f", k/1024}')
    echo "[bench] $name: ${wall[$name]} s, ${rss[$name]} MB" >&2
}

runs=${BENCH_RUNS:-5}
# Process start-up alone (Qt, offscreen platform, fontconfig), and with the
# 100-slide deck loaded: what every whole-process figure below includes.
measure cli_startup "$runs" "$cli" --version
measure cli_load "$runs" "$cli" info "$work/deck100.json"
measure slidespec_pptx "$runs" "$cli" export "$work/deck100.json" "$work/slidespec.pptx" --overwrite --quiet
measure pptxgenjs_pptx "$runs" node bench/peers/pptxgenjs_export.cjs "$work/deck100.json" "$work/pptxgenjs.pptx"
measure slidespec_png "$runs" "$cli" render "$work/deck100.json" "$work/png" --width 1280 --overwrite --quiet
measure slidespec_pdf "$runs" "$cli" export "$work/deck100.json" "$work/slidespec.pdf" --overwrite --quiet
profile=$work/lo-profile
measure libreoffice_pdf 3 soffice --headless --norestore "-env:UserInstallation=file://$profile" \
    --convert-to pdf --outdir "$work/lo" "$work/slidespec.pptx"
# LibreOffice's own PNG filter renders only the first slide, so its way to 100
# PNGs is PPTX → PDF → pdftoppm at the same width.
measure libreoffice_png 3 sh -c "soffice --headless --norestore '-env:UserInstallation=file://$profile' \
    --convert-to pdf --outdir '$work/lo2' '$work/slidespec.pptx' >/dev/null && \
    mkdir -p '$work/lo2/png' && pdftoppm -png -scale-to-x 1280 -scale-to-y -1 '$work/lo2/slidespec.pdf' '$work/lo2/png/slide'"
validate_out=$("$bin/bench/bench_validate" "$work/deck200x30.json" 20)

# The desktop editor (built when SLIDESPEC_BUILD_EDITOR is on): a drag step on a
# 300-element slide, and the 200-slide deck opened to the first frame. The
# main window opens a workspace: keep it in the work folder.
editor_out=
if [[ -x "$bin/bench/bench_editor_drag" && -x "$bin/bench/bench_editor_open" ]]; then
    "$bin/bench/bench_makedeck" dense 300 "$work/dense300.json"
    export XDG_DATA_HOME=$work/xdg-data XDG_CONFIG_HOME=$work/xdg-config XDG_RUNTIME_DIR=$work/xdg-runtime
    mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
    editor_out=$("$bin/bench/bench_editor_drag" "$work/dense300.json" 500 2>"$work/editor_drag.stderr")
    # The first open creates the workspace; then the median run of $runs by exec → first frame.
    "$bin/bench/bench_editor_open" "$work/deck200x30.json" >/dev/null 2>"$work/editor_open.stderr"
    opens=()
    for ((i = 0; i < runs; i++)); do
        opens+=("$("$bin/bench/bench_editor_open" "$work/deck200x30.json" 2>>"$work/editor_open.stderr")")
    done
    firsts=$(for o in "${opens[@]}"; do awk '/^exec → first frame/ {print $(NF-1)}' <<<"$o"; done)
    median=$(sort -g <<<"$firsts" | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
    for o in "${opens[@]}"; do
        if grep -q "^exec → first frame .* $median ms" <<<"$o"; then
            editor_out+=$'\n\n'"$o"$'\n'"exec → first frame of each run (ms): $(tr '\n' ' ' <<<"$firsts")"
            break
        fi
    done
fi

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a > 0) printf "%.1f", b / a; else print "n/a" }'; }

{
    echo "## Results ($(date -u +%Y-%m-%d), $(nproc) cores, $(uname -m))"
    echo
    echo "| benchmark | Slidespec | peer | peer time | ratio | peak RSS (Slidespec / peer) |"
    echo "|---|---:|---|---:|---:|---:|"
    echo "| 100-slide deck → PPTX | ${wall[slidespec_pptx]} s | PptxGenJS 4.0.1 | ${wall[pptxgenjs_pptx]} s | $(ratio "${wall[slidespec_pptx]}" "${wall[pptxgenjs_pptx]}")× | ${rss[slidespec_pptx]} / ${rss[pptxgenjs_pptx]} MB |"
    echo "| 100 slides → 100 PNGs, 1280 px | ${wall[slidespec_png]} s | LibreOffice PPTX → PDF → pdftoppm | ${wall[libreoffice_png]} s | $(ratio "${wall[slidespec_png]}" "${wall[libreoffice_png]}")× | ${rss[slidespec_png]} / ${rss[libreoffice_png]} MB |"
    echo "| 100 slides → PDF | ${wall[slidespec_pdf]} s | LibreOffice PPTX → PDF | ${wall[libreoffice_pdf]} s | $(ratio "${wall[slidespec_pdf]}" "${wall[libreoffice_pdf]}")× | ${rss[slidespec_pdf]} / ${rss[libreoffice_pdf]} MB |"
    echo
    echo "Process start-up (\`slidespec-cli --version\`): ${wall[cli_startup]} s; start-up + loading the deck (\`info\`): ${wall[cli_load]} s."
    echo
    echo "Whole processes, median of $runs runs (LibreOffice: 3). Sizes: slidespec.pptx $(stat -c %s "$work/slidespec.pptx") B,"
    echo "pptxgenjs.pptx $(stat -c %s "$work/pptxgenjs.pptx") B, slidespec.pdf $(stat -c %s "$work/slidespec.pdf") B."
    echo
    echo "Validation (200 slides × 30 elements):"
    echo
    echo '```'
    echo "$validate_out"
    echo '```'
    if [[ -n "$editor_out" ]]; then
        echo
        echo "Editor (300-element slide drag; 200 × 30 deck opened to the first frame):"
        echo
        echo '```'
        echo "$editor_out"
        echo '```'
    fi
} | tee "$results/latest.md"

# The team server over HTTP (wrk on loopback, PostgreSQL from scripts/pg.sh):
# its own table, appended to the results.
bench/server/run.sh "$bin/server/app/slidespec-server" | tee -a "$results/latest.md"

# The job queue against pg-boss and graphile-worker, on the project's
# PostgreSQL (bench/queue/run.sh starts it; its table is appended).
echo | tee -a "$results/latest.md"
BENCH_QUEUE_BUILD_DIR=$bin bench/queue/run.sh | tee -a "$results/latest.md"
