#!/usr/bin/env bash
# Issue 16: every JMH figure of docs/BENCHMARKS.md in one go, each group with the load average before and after, raw
# result lines appended to docs/benchmarks/jmh-<date>.txt. Builds the benchmark jar first (no tests run).
#   usage: benchmarks/scripts/jmh-all.sh [groups...]
#   groups: tabular gc scale neural ratio footprint scalecpu neuralcpu (default: all)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
mvn -B -q -o -DskipTests -pl benchmarks -am package >&2
out="docs/benchmarks/jmh-$(date -u +%Y%m%d-%H%M).txt"
jar="benchmarks/target/benchmarks.jar"
groups="${*:-tabular gc scale neural ratio footprint scalecpu neuralcpu}"
log() { echo "$@" | tee -a "$out"; }
json="${out%.txt}"
# per benchmark and parameters: mean ± JMH error, and the median, minimum and maximum of the measured iterations
summarise() {
  python3 - "$1" <<'PY' | tee -a "$out"
import json, statistics, sys
for r in json.load(open(sys.argv[1])):
    name = r["benchmark"].rsplit(".", 2)[-2] + "." + r["benchmark"].rsplit(".", 1)[-1]
    params = ",".join(f"{k}={v}" for k, v in (r.get("params") or {}).items())
    m = r["primaryMetric"]
    it = [x for fork in m["rawData"] for x in fork]
    print(f'| {name} | {params} | {m["score"]:.4g} ± {m["scoreError"]:.2g} {m["scoreUnit"]} | median {statistics.median(it):.4g} '
          f'[{min(it):.4g}, {max(it):.4g}] |')
    for sec, v in (r.get("secondaryMetrics") or {}).items():
        if sec.endswith("alloc.rate.norm"):
            print(f'| {name} | {params} | {v["score"]:.4g} ± {v["scoreError"]:.2g} {v["scoreUnit"]} (gc.alloc.rate.norm) | |')
PY
}
run() {   # title, then the command; waits while anyone else's JMH run holds the machine (and JMH's lock)
  local title="$1"; shift
  while pgrep -f 'benchmarks.jar|org.openjdk.jmh' >/dev/null; do sleep 15; done
  log ""
  log "## $title — $(date -u +%H:%M:%S) UTC, load $(cut -d' ' -f1-3 /proc/loadavg)"
  log "\$ $*"
  "$@" 2>&1 | grep -E '^(Benchmark|[A-Za-z]+Benchmark[s]?\.|[a-z-]+( after other kinds)?: limit|\| |workload,|ring|routing|training steps|CPU per|whole neural)' | tee -a "$out"
  log "(end $(date -u +%H:%M:%S) UTC, load $(cut -d' ' -f1-3 /proc/loadavg))"
}
jmh() {   # title, then JMH arguments; also writes the raw JSON and a summary table with medians
  local title="$1"; shift
  local file="$json-$(echo "$title" | tr -c 'a-z0-9' '-' | cut -c1-30).json"
  run "$title" java -jar "$jar" "$@" -rf json -rff "$file"
  summarise "$file"
}
log "# JMH and tool runs, $(date -u) on $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(java -version 2>&1 | head -1)"
for g in $groups; do
  case "$g" in
    tabular)
      jmh "tabular: the limit, the product (clean JVM and after other kinds), BURLAP, the simulator alone" \
        'LimitLoop|TabularHandoffLoop|Burlap|SyntheticStep' -p pollution=none,other-kinds -f 1 -wi 3 -i 10 ;;
    gc)
      jmh "gc: bytes allocated per handoff" 'LimitLoop|TabularHandoffLoop|Burlap|ScaleBenchmark' -p pollution=none \
        -f 1 -wi 3 -i 5 -prof gc ;;
    scale)
      jmh "scale curve" ScaleBenchmark -f 1 -wi 3 -i 10 ;;
    neural)
      jmh "neural" NeuralBenchmarks -f 1 -wi 3 -i 10 ;;
    ratio)
      # a JVM's JIT decisions move this ratio by a few percent from run to run: several JVMs each
      for k in 1 2 3; do
        run "product/limit in CPU time, icq-tabular, JVM $k" java -cp "$jar" dev.handoff.benchmarks.LimitRatio icq-tabular
      done
      for a in oracle independent; do
        run "product/limit in CPU time, $a" java -cp "$jar" dev.handoff.benchmarks.LimitRatio "$a"
      done
      for k in 1 2 3; do
        run "product/limit in CPU time, after other kinds, JVM $k" \
          java -cp "$jar" dev.handoff.benchmarks.LimitRatio icq-tabular other-kinds
      done ;;
    footprint)
      run "heap per agent" java -Xmx4g -cp "$jar" dev.handoff.benchmarks.ScaleFootprint ;;
    scalecpu)
      run "scale curve in CPU time (product and, on rings, the limit)" \
        java -Xmx4g -cp "$jar" dev.handoff.benchmarks.ScaleCpuRate ;;
    neuralcpu)
      run "neural in CPU time" java -Dai.djl.pytorch.num_threads=1 -Dai.djl.pytorch.num_interop_threads=1 \
        -cp "$jar" dev.handoff.benchmarks.NeuralCpuRate ;;
    *) echo "unknown group $g" >&2; exit 2 ;;
  esac
done
echo "wrote $out"
