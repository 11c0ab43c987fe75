#!/bin/bash
# Runs every MPS benchmark once, in sequence, and writes bench/results/summary.md.
#
#   bench/run-all.sh            full run, about 15-20 minutes on 2 cores (most of it populating
#                               100,000 held jobs for the list benchmark)
#   bench/run-all.sh --quick    smoke run with small counts (about 1 minute), results *-quick.json
#
# Needs root (cupsd runs as root with filters as lp; /proc/PID/clear_refs), a built
# mps-server/mps-admin ($MPS_BUILD_DIR, default build/), and the Debian packages of
# shared/peers.md: cups cups-ipp-utils poppler-utils dbus. Results (JSON, logs, generated PDFs,
# a copy of the binaries under test) go to bench/results/, which git ignores.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(dirname "$HERE")
export MPS_BUILD_DIR=${MPS_BUILD_DIR:-$REPO/build}
export PYTHONPATH=$REPO/tests/fixtures${PYTHONPATH:+:$PYTHONPATH}
PY=/usr/bin/python3
RESULTS=${MPS_BENCH_RESULTS:-$HERE/results}
export MPS_BENCH_RESULTS=$RESULTS

quick=0
if [[ "${1:-}" == "--quick" ]]; then
    quick=1
fi

[[ $(id -u) == 0 ]] || { echo "run-all.sh: needs root (cupsd, /proc/PID/clear_refs)" >&2; exit 1; }
for tool in ipptool ippeveprinter cupsd lpadmin lp lpstat pdfinfo dbus-daemon; do
    command -v "$tool" >/dev/null || { echo "run-all.sh: $tool is missing (see shared/peers.md)" >&2; exit 1; }
done
for bin in mps-server mps-admin; do
    [[ -x $MPS_BUILD_DIR/server/$bin ]] || { echo "run-all.sh: build $MPS_BUILD_DIR/server/$bin first" >&2; exit 1; }
done
mkdir -p "$RESULTS"

run() {  # name, script, args...
    local name=$1 script=$2
    shift 2
    echo "=== $name: $script $* ($(date -u '+%H:%M:%S UTC'), load $(cut -d' ' -f1-3 /proc/loadavg))"
    "$PY" "$HERE/$script" "$@" 2>&1 | tee "$RESULTS/$name.log"
}

# One copy of the binaries for the whole run (other sessions rebuild build/ meanwhile).
(cd "$HERE" && "$PY" -c 'import common, json; print("binary under test:", json.dumps(common.snapshot_build()[1]))')
export MPS_BENCH_SNAPSHOT=keep

start=$(date +%s)
if (( quick )); then
    run ingest-quick bench_ingest.py --rounds 1 --jobs 1MiB=16,50MiB=4 --out ingest-quick
    run release-quick bench_release.py --runs 3 --warmup 1 --out release-quick
    run list-quick bench_list.py --users 20 --jobs-per-user 20 --requests 200 --out list-quick
    run rss-quick bench_rss.py --sizes 5MiB,50MiB --out rss-quick
    suffix=-quick
else
    run ingest bench_ingest.py
    run release bench_release.py
    run list bench_list.py
    run rss bench_rss.py
    suffix=
fi
"$PY" "$HERE/report.py" --suffix="$suffix" --results "$RESULTS" > "$RESULTS/summary$suffix.md"
echo "=== done in $(( $(date +%s) - start )) s; summary in $RESULTS/summary$suffix.md"
cat "$RESULTS/summary$suffix.md"
