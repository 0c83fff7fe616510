#!/usr/bin/env bash
# Issue 16.6: launch to a usable window. Starts the real app (dev.handoff.app.Launcher, through the test-side
# LaunchTimeProbe) as a fresh JVM RUNS times with a sample workflow, on one Xvfb display started beforehand, and
# prints, per launch, the milliseconds from starting the process to the second frame drawn with the workflow open.
# The first launch after a build is the "cold" one (class files not yet in the page cache); the rest are warm.
#   usage: benchmarks/scripts/launch-time.sh [workflow] [out.csv]      (RUNS=10)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
workflow="${1:-$root/sample-workflows/synthetic-ring10.workflow.json}"
out="${2:-$root/docs/benchmarks/launch-time.csv}"
runs="${RUNS:-10}"
cd "$root"
mvn -B -q -o -DskipTests -pl app -am package >&2
cp="app/target/handoff-app.jar:app/target/lib/*:app/target/test-classes"

display=":$((90 + RANDOM % 9))"
Xvfb "$display" -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null || true' EXIT
sleep 1

echo "run,launchToUsableMs,jvmUptimeMs,load1" > "$out"
for i in $(seq 1 "$runs"); do
  load=$(cut -d' ' -f1 /proc/loadavg)
  start=$(date +%s%3N)
  line=$(DISPLAY="$display" java -Xmx4g -Dprism.order=sw -cp "$cp" dev.handoff.app.bench.LaunchTimeProbe "$workflow" \
           2>/dev/null | grep '^LAUNCH usable')
  usable=$(echo "$line" | awk '{print $3}')
  uptime=$(echo "$line" | awk '{print $5}')
  echo "$i,$((usable - start)),$uptime,$load" | tee -a "$out"
done
python3 - "$out" <<'PY'
import csv, statistics, sys
rows = list(csv.DictReader(open(sys.argv[1])))
warm = [int(r["launchToUsableMs"]) for r in rows[1:]]
print(f'first launch {rows[0]["launchToUsableMs"]} ms; warm launches (n={len(warm)}): median {statistics.median(warm):.0f} ms, '
      f'min {min(warm)} ms, max {max(warm)} ms; load {rows[0]["load1"]}..{rows[-1]["load1"]}')
PY
