#!/usr/bin/env bash
# Issue 13 "Long runs": a headless `handoff train` of HANDOFFS handoffs (default 10^8) on one seed, its JVM's heap
# sampled every 10 s from outside with jstat (young + old generation in use, and the old generation alone) and, from
# the JVM's GC log, the heap in use right after the latest collection (what grows if something leaks), into
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
HANDOFF_JAVA_OPTS="-Xmx2g -Xlog:gc:file=$scratch/gc.log:uptime" ./handoff train "sample-workflows/$sample" --seeds 1 --threads 1 --handoffs "$handoffs" \
  --out "$scratch/run" > "$scratch/summary.txt" 2> "$scratch/progress.txt" &
pid=$!
# the launcher script execs the JVM under the same pid; wait until that JVM publishes its counters
while kill -0 "$pid" 2>/dev/null && [ ! -e "/tmp/hsperfdata_$(id -un)/$pid" ]; do sleep 0.2; done
# one jstat for the whole run, a line every 10 s; -t puts the JVM's uptime first. It stops when the JVM exits.
# columns: Timestamp S0C S1C S0U S1U EC EU OC OU MC MU CCSC CCSU YGC YGCT FGC FGCT CGC CGCT GCT
jstat -gc -t "$pid" 10s > "$scratch/jstat.txt" 2>/dev/null &
status=0
wait "$pid" || status=$?
sleep 1
if [ "$status" -ne 0 ]; then
  echo "handoff train exited $status; its last lines:" >&2
  tail -5 "$scratch/progress.txt" >&2
  exit "$status"
fi
echo "load after: $(cat /proc/loadavg)"
# join: each 10-s sample with the heap after the latest collection before it ("[12.345s] ... 24M->3M(256M) ...")
python3 - "$scratch/jstat.txt" "$scratch/gc.log" "$out" <<'PY'
import re, sys
gcs = []
for line in open(sys.argv[2]):
    m = re.match(r"\[(\d+\.\d+)s\].*?(\d+)M->(\d+)M\((\d+)M\)", line)
    if m:
        gcs.append((float(m.group(1)), int(m.group(3))))
rows = [line.split() for line in open(sys.argv[1]) if line.strip() and not line.lstrip().startswith("Timestamp")]
with open(sys.argv[3], "w") as out:
    out.write("seconds,heapUsedMB,oldGenUsedMB,heapAfterLastGcMB,youngGcs,fullGcs\n")
    for c in rows:
        t = float(c[0])
        after = [mb for s, mb in gcs if s <= t]
        used = (float(c[3]) + float(c[4]) + float(c[6]) + float(c[8])) / 1024
        out.write(f'{t:.0f},{used:.1f},{float(c[8]) / 1024:.1f},{after[-1] if after else ""},{c[13]},{c[15]}\n')
print(f"{len(gcs)} collections in the GC log")
PY
tail -1 "$scratch/summary.txt"
du -sh "$scratch/run" | sed 's/^/run folder: /'
cat "$out"
