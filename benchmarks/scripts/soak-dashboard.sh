#!/usr/bin/env bash
# Issue 13 "Long runs" / 16.6: the live dashboard training a sample for MINUTES (default: routing-LATA, 30 minutes,
# 3 seeds), heap sampled every 10 s by DashboardSoakBenchmark into app/target/<sample>-heap.csv, copied to
# docs/benchmarks/ with the summary line. Needs Xvfb.
#   usage: benchmarks/scripts/soak-dashboard.sh [sample.workflow.json] [minutes] [seeds]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
sample="${1:-routing-lata.workflow.json}"
minutes="${2:-30}"
seeds="${3:-3}"
name="${sample%.workflow.json}"
cd "$root"
echo "load before: $(cat /proc/loadavg)"
xvfb-run -a -s "-screen 0 1600x1000x24" mvn -B -q -o -pl app -am test -Dtest=DashboardSoakBenchmark \
  -Dhandoff.benchmark=true -Dsurefire.failIfNoSpecifiedTests=false -Dhandoff.soak.workflow="$sample" \
  -Dhandoff.soak.minutes="$minutes" -Dhandoff.soak.seeds="$seeds"
echo "load after: $(cat /proc/loadavg)"
mkdir -p docs/benchmarks
cp "app/target/$name-heap.csv" "docs/benchmarks/soak-dashboard-$name-${minutes}min-heap.csv"
cat "app/target/$name-soak.txt"
