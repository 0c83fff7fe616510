#!/usr/bin/env bash
# What --keep-runs costs: the 100-cell routing load sweep of sweep-engines.sh (50 training cells, 50 baseline cells)
# with and without run folders, on the local engine (2 threads) and on Spark local[2] with a file:// --out.
# Prints wall time of the command, the cell phase (the JSON line's wallSeconds), whether sweep.csv equals the first
# local run's, and the size of runs/. Usage: benchmarks/scripts/sweep-keep-runs.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/../.."
runs="${1:-1}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
routing=(sample-workflows/routing-6x6.workflow.json --axis load --values 0.5,1,1.5,2,2.5 --seeds 1..10
  --algo icq-tabular,shortest-path --handoffs 100000 -O measure=2000 -O warmup=100)
./handoff sweep "${routing[@]}" --values 1 --seeds 1 --engine spark --conf spark.ui.enabled=false --out "$work/warm" >/dev/null 2>&1
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-6s %-10s %4s %10s %9s %-9s %s\n' engine keep-runs run process_s cells_s csv runs_size
for i in $(seq "$runs"); do
  for engine in local spark; do
    for keep in no yes; do
      out="$work/$engine-$keep-$i"
      if [ "$engine" = local ]; then extra=(--threads 2); target="$out"
      else extra=(--engine spark --master 'local[2]' --conf spark.ui.enabled=false); target="file://$out"; fi
      [ "$keep" = yes ] && extra+=(--keep-runs)
      t0=$(date +%s.%N)
      line=$(./handoff sweep "${routing[@]}" "${extra[@]}" --out "$target" 2>/dev/null | tail -1)
      t1=$(date +%s.%N)
      cells=$(grep -o '"wallSeconds":[0-9.]*' <<<"$line" | cut -d: -f2)
      same=$(cmp -s "$work/local-no-1/sweep.csv" "$out/sweep.csv" && echo same || echo DIFFERENT)
      size=$([ -d "$out/runs" ] && du -sh "$out/runs" | cut -f1 || echo -)
      printf '%-6s %-10s %4d %10.2f %9.2f %-9s %s\n' "$engine" "$keep" "$i" "$(awk "BEGIN{print $t1 - $t0}")" "$cells" "$same" "$size"
    done
  done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
