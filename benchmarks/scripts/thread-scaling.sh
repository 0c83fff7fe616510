#!/usr/bin/env bash
# Issue 16.4: how `handoff train --seeds` and `handoff sweep` speed up from 1 to K worker threads.
# Runs each command REPS times for every K in THREADS (interleaved, so a change in the machine's load hits every K
# alike), records the CLI's own wallSeconds and handoffsPerSecond and the load average, then prints the medians, the
# speed-ups and Amdahl's law fitted to the 1- and 2-thread medians.
#   usage: benchmarks/scripts/thread-scaling.sh [out.csv]      (REPS=3 THREADS="1 2 3 4" by default)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="${1:-$root/docs/benchmarks/thread-scaling.csv}"
reps="${REPS:-3}"
threads="${THREADS:-1 2 3 4}"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
cd "$root"
./handoff validate sample-workflows/synthetic-ring10.workflow.json >/dev/null   # builds the CLI once if needed

echo "command,threads,rep,wallSeconds,handoffsPerSecond,load1Before,load1After" > "$out"
field() { python3 -c "import json,sys; print(json.loads(sys.stdin.read().strip().splitlines()[-1])['$1'])"; }
for rep in $(seq 1 "$reps"); do
  for k in $threads; do
    before=$(cut -d' ' -f1 /proc/loadavg)
    line=$(./handoff train sample-workflows/synthetic-ring10.workflow.json --seeds 1..8 --handoffs 6000000 \
             --threads "$k" 2>/dev/null | tail -1)
    after=$(cut -d' ' -f1 /proc/loadavg)
    echo "train ring10 8 seeds x 6M,$k,$rep,$(echo "$line" | field wallSeconds),$(echo "$line" | field handoffsPerSecond),$before,$after" >> "$out"

    before=$(cut -d' ' -f1 /proc/loadavg)
    line=$(./handoff sweep sample-workflows/synthetic-gap.workflow.json --axis gap --values 0,0.5,1 --seeds 1..4 \
             --handoffs 2000000 --threads "$k" --out "$scratch/sweep-$k-$rep" 2>/dev/null | tail -1)
    after=$(cut -d' ' -f1 /proc/loadavg)
    echo "sweep gap 3 values x 4 seeds x 2M,$k,$rep,$(echo "$line" | field wallSeconds),,$before,$after" >> "$out"
  done
done

python3 - "$out" <<'PY'
import csv, statistics, sys
rows = list(csv.DictReader(open(sys.argv[1])))
print("| command | threads | median wall s | median handoffs/s | speed-up | load before→after (median) |")
print("|---|---:|---:|---:|---:|---|")
for cmd in dict.fromkeys(r["command"] for r in rows):
    by_k = {}
    for r in rows:
        if r["command"] == cmd:
            by_k.setdefault(int(r["threads"]), []).append(r)
    base = statistics.median(float(r["wallSeconds"]) for r in by_k[min(by_k)])
    for k, rs in sorted(by_k.items()):
        wall = statistics.median(float(r["wallSeconds"]) for r in rs)
        hps = [float(r["handoffsPerSecond"]) for r in rs if r["handoffsPerSecond"]]
        loads = f'{statistics.median(float(r["load1Before"]) for r in rs):.2f}→{statistics.median(float(r["load1After"]) for r in rs):.2f}'
        print(f'| {cmd} | {k} | {wall:.2f} | {statistics.median(hps)/1e6:.2f} M | {base / wall:.2f}× | {loads} |' if hps else
              f'| {cmd} | {k} | {wall:.2f} | — | {base / wall:.2f}× | {loads} |')
    if 1 in by_k and 2 in by_k:
        s2 = base / statistics.median(float(r["wallSeconds"]) for r in by_k[2])
        serial = max(0.0, 2 / s2 - 1)   # Amdahl: S(2) = 1 / (s + (1 - s) / 2)
        s16 = 1 / (serial + (1 - serial) / 16)
        print(f'\n{cmd}: S(2) = {s2:.2f}, Amdahl serial fraction s = {serial:.3f}, so S(16) = 1/(s + (1-s)/16) = {s16:.1f}×\n')
PY
