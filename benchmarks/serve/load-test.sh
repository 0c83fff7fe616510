#!/usr/bin/env bash
# Load test of `handoff serve` on 127.0.0.1 (bounded: one wrk run of DURATION seconds per setting, then the server stops).
# Usage: benchmarks/serve/load-test.sh [DURATION_S=10] [CONNECTIONS=16]
# Prints the machine, the load average, wrk's latency distribution (req/s and p99) for a tabular agent of the synthetic
# ring, without and with --log. Needs wrk (apt-get install wrk).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
duration="${1:-10}"
connections="${2:-16}"
work="$(mktemp -d)"
server=""
cleanup() { if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi; rm -rf "$work"; }
trap cleanup EXIT
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 1; }
cd "$root"
./handoff train sample-workflows/synthetic-ring10.workflow.json --seed 1 --handoffs 200000 --out "$work/run" >/dev/null 2>&1
./handoff export "$work/run" --out "$work/bundle" >/dev/null 2>&1
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), $(java -version 2>&1 | head -1)"
for mode in plain log; do
  extra=()
  [ "$mode" = log ] && extra=(--log "$work/a3.jsonl")
  ./handoff serve "$work/bundle" --agent a3 --port 0 "${extra[@]}" > "$work/ready.json" 2>/dev/null &
  server=$!
  for _ in $(seq 1 100); do [ -s "$work/ready.json" ] && break; sleep 0.2; done
  port="$(sed -n 's/.*"port":\([0-9]*\).*/\1/p' "$work/ready.json")"
  # warm-up (JIT), then the measured run
  wrk -t1 -c"$connections" -d3s -s benchmarks/serve/act.lua "http://127.0.0.1:$port" >/dev/null
  echo "== $mode: load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  java_pid="$(pgrep -P "$server" java || echo "$server")"
  ticks_before="$(awk '{print $14 + $15}' "/proc/$java_pid/stat")"
  wrk -t1 -c"$connections" -d"${duration}s" --latency -s benchmarks/serve/act.lua "http://127.0.0.1:$port" | tee "$work/wrk.txt"
  ticks_after="$(awk '{print $14 + $15}' "/proc/$java_pid/stat")"
  requests="$(sed -n 's/^ *\([0-9]*\) requests in.*/\1/p' "$work/wrk.txt")"
  hz="$(getconf CLK_TCK)"
  echo "   server CPU: $(( (ticks_after - ticks_before) * 1000 / hz )) ms for $requests requests = $(( (ticks_after - ticks_before) * 1000000 / hz / requests )) µs per request"
  echo "   load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
  [ "$mode" = log ] && echo "   trace lines written: $(wc -l < "$work/a3.jsonl")"
  kill "$server"; wait "$server" 2>/dev/null || true; server=""
  : > "$work/ready.json"
done
