#!/usr/bin/env bash
# Instructions per plan, repeatable on a loaded machine (wall-clock plans/s is not): the planner
# bench's inputs under valgrind's callgrind, in one thread with a predictable GC schedule and fixed
# hash and random seeds (Map hashing varies run to run otherwise). Runs the
# bundled driver (planner-instructions-driver.ts) twice, W + N1 and W + N2 plans, and reports
# (I(W+N2) - I(W+N1)) / (N2 - N1): start-up, module loading and warm-up cancel out.
#
# W must be large enough that TurboFan has finished optimising: with W=1500 about a third of the
# figure was the optimising compiler (v8::internal::compiler::*), still at work between 1,500 and
# 3,500 plans; from about 8,000 plans it is under 2 %. Keep W, N1 and N2 the same when comparing.
# Repeatability (bfccca2, seeded): 232,041 and 236,358 per plan; the W+N2 runs agreed to 1 in 10^6,
# the W+N1 runs differed by one major GC's marking (8.6M instructions, ~4k per plan): judge a change
# by repeated runs and by its functions' costs in the callgrind files, not by one total.
#
# Usage: test/bench/planner-instructions.sh [out-dir]   (env W, N1, N2; needs valgrind)
# PLANNER_FRESH=1 counts the fresh-snapshot path (a JSON.parse per plan, as the Lambda decodes each record).
# PLANNER_CASES=24,25 (indexes into the bench's variants) counts those inputs only: a figure per input.
# The callgrind files are kept in out-dir (default a new temporary directory): read them with
# `callgrind_annotate --inclusive=yes`; JIT code shows as addresses unless node runs with
# --perf-basic-prof, whose /tmp/perf-<pid>.map names them.
set -euo pipefail
W=${W:-8000}
N1=${N1:-500}
N2=${N2:-2500}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
OUT=${1:-$(mktemp -d)}
mkdir -p "$OUT"
"$ROOT/node_modules/.bin/esbuild" "$ROOT/test/bench/planner-instructions-driver.ts" --bundle \
  --platform=node --format=esm --log-level=error --outfile="$OUT/driver.mjs"
run() {
  valgrind --tool=callgrind --callgrind-out-file="$OUT/callgrind.$1.out" \
    node --predictable-gc-schedule --single-threaded --hash-seed=1 --random-seed=1 "$OUT/driver.mjs" "$W" "$1" 2>&1 |
    grep -o 'Collected : [0-9]*' | grep -o '[0-9]*$'
}
# The two runs are independent: run them side by side.
run "$N1" >"$OUT/n1" &
run "$N2" >"$OUT/n2"
wait
A=$(cat "$OUT/n1")
B=$(cat "$OUT/n2")
echo "W=$W N1=$N1 N2=$N2 I1=$A I2=$B instructions_per_plan=$(((B - A) / (N2 - N1))) files=$OUT"
