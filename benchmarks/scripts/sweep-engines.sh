#!/usr/bin/env bash
# Times the same sweeps (100 cells; one of 400) on `--engine local --threads 2` and on `--engine spark --master local[2]` (2 task
# slots each), RUNS times each, alternating, and checks every run's sweep.csv against the first local one.
# Prints one line per run: sweep, engine, process wall seconds (JVM + Spark start-up + cells + files) and the sweep's
# own wallSeconds (the cell phase: Spark's is measured after its context is up), then the load average.
# Usage (repository root): benchmarks/scripts/sweep-engines.sh [RUNS]   (docs/BENCHMARKS.md "Sweeps")
set -euo pipefail
cd "$(dirname "$0")/../.."
runs="${1:-3}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# routing: 5 loads x 10 seeds x {icq-tabular, shortest-path} = 100 cells of 0.05-0.3 s
routing=(sample-workflows/routing-6x6.workflow.json --axis load --values 0.5,1,1.5,2,2.5 --seeds 1..10
  --algo icq-tabular,shortest-path --handoffs 100000 -O measure=2000 -O warmup=100)
# tiny: 5 T x 10 seeds x {icq-tabular, independent} on ring10, T = 1..5 handoffs = 100 cells of almost no work
tiny=(sample-workflows/synthetic-ring10.workflow.json --axis handoffs --values 1,2,3,4,5 --seeds 1..10
  --algo icq-tabular,independent)
# tiny400: the same with T = 1..20 = 400 cells; against tiny, it separates Spark's per-cell cost from its fixed cost
tiny400=(sample-workflows/synthetic-ring10.workflow.json --axis handoffs --values "$(seq -s, 1 20)" --seeds 1..10
  --algo icq-tabular,independent)

./handoff sweep "${tiny[@]}" --engine spark --conf spark.ui.enabled=false --out "$work/warm" >/dev/null 2>&1 # builds both
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-8s %-6s %4s %12s %12s %s\n' sweep engine run process_s cells_s csv
for name in routing tiny tiny400; do
  declare -n args="$name"
  for i in $(seq "$runs"); do
    for engine in local spark; do
      out="$work/$name-$engine-$i"
      if [ "$engine" = local ]; then extra=(--threads 2); else extra=(--engine spark --master 'local[2]' --conf spark.ui.enabled=false); fi
      t0=$(date +%s.%N)
      line=$(./handoff sweep "${args[@]}" "${extra[@]}" --out "$out" 2>/dev/null | tail -1)
      t1=$(date +%s.%N)
      cells=$(grep -o '"wallSeconds":[0-9.]*' <<<"$line" | cut -d: -f2)
      ref="$work/$name-local-1/sweep.csv"
      same=$(cmp -s "$ref" "$out/sweep.csv" && echo same || echo DIFFERENT)
      printf '%-8s %-6s %4d %12.2f %12.2f %s\n' "$name" "$engine" "$i" "$(awk "BEGIN{print $t1 - $t0}")" "$cells" "$same"
    done
  done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
