#!/usr/bin/env bash
# Issue 13 "Long runs": a headless `handoff train` of HANDOFFS handoffs (default 10^8) on one seed, its JVM's heap
# sampled every 10 s from outside with jstat (young + old generation in use, and the old generation alone), into
# docs/benchmarks/soak-headless-<sample>-heap.csv. The run folder goes to a scratch directory and is deleted.
#   usage: benchmarks/scripts/soak-headless.sh [sample.workflow.json] [handoffs]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
sample="${1:-routing-lata.workflow.json}"
handoffs="${2:-100000000}"
name="${sample%.workflow.json}"
out="$root/docs/benchmarks/soak-headless-$name-heap.csv"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
cd "$root"
./handoff validate "sample-workflows/$sample" >/dev/null    # builds the CLI once if needed
echo "load before: $(cat /proc/loadavg)"
HANDOFF_JAVA_OPTS="-Xmx2g" ./handoff train "sample-workflows/$sample" --seeds 1 --threads 1 --handoffs "$handoffs" \
  --out "$scratch/run" > "$scratch/summary.txt" 2> "$scratch/progress.txt" &
pid=$!
echo "seconds,heapUsedMB,oldGenUsedMB,youngGcs,fullGcs" > "$out"
t=0
sleep 1
while kill -0 "$pid" 2>/dev/null; do
  # jstat -gc columns: S0C S1C S0U S1U EC EU OC OU MC MU CCSC CCSU YGC YGCT FGC FGCT CGC CGCT GCT
  if row=$(jstat -gc "$pid" 2>/dev/null | tail -1); then
    echo "$row" | awk -v t="$t" '{printf "%d,%.1f,%.1f,%d,%d\n", t, ($3+$4+$6+$8)/1024, $8/1024, $13, $15}' >> "$out"
  fi
  sleep 10
  t=$((t + 10))
done
wait "$pid"
echo "load after: $(cat /proc/loadavg)"
tail -1 "$scratch/summary.txt"
du -sh "$scratch/run" | sed 's/^/run folder: /'
cat "$out"
