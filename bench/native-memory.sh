#!/usr/bin/env bash
# Where the launcher's memory is after a fill: starts server/<build dir>/iamlocal with Native Memory
# Tracking, fills N users through the bench jar's `fill`, and writes (to OUT.*) the NMT summary and
# /proc/PID/smaps_rollup 1 s after the fill, then 11 s after (NMT, heap, class histogram, metaspace).
# VmRSS at each point goes to stdout. Extra JVM flags come after the launcher's.
#
#   bench/native-memory.sh OUT [users 10000] [JVM flags…]
#   bench/native-memory.sh /tmp/nmt 10000 -XX:Tier3InvocationThreshold=200
set -u
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="${IAMLOCAL_BUILD_DIR:-target}"
out=$1; users=${2:-10000}; shift $(( $# >= 2 ? 2 : 1 ))
[[ -x "$ROOT/server/$BUILD_DIR/iamlocal" && -f "$ROOT/bench/$BUILD_DIR/iamlocal-bench.jar" ]] \
  || { echo "build first: bench/run.sh builds both" >&2; exit 1; }
export IAMLOCAL_JAVA_OPTS="-XX:NativeMemoryTracking=summary -Diamlocal.quota.UsersPerAccount=$users $*"
"$ROOT/server/$BUILD_DIR/iamlocal" --port 0 > "$out.server.log" 2>&1 &
launcher=$!
endpoint=
for _ in $(seq 200); do
  endpoint=$(grep -o 'http://127.0.0.1:[0-9]*' "$out.server.log" | head -1)
  [[ -n "$endpoint" ]] && break
  sleep 0.1
done
pid=$(pgrep -P "$launcher" java || echo "$launcher")
rss() { echo "$1: $(grep VmRSS "/proc/$pid/status") (load $(cut -d' ' -f1-3 /proc/loadavg), $(ls "/proc/$pid/task" | wc -l) threads)"; }
rss "idle"
java -jar "$ROOT/bench/$BUILD_DIR/iamlocal-bench.jar" fill --endpoint "$endpoint" --users "$users" > "$out.fill.log" 2>&1
sleep 1
rss "1 s after the fill"
jcmd "$pid" VM.native_memory summary > "$out.nmt1.txt"
cat "/proc/$pid/smaps_rollup" > "$out.smaps1.txt"
sleep 10
rss "11 s after the fill"
jcmd "$pid" VM.native_memory summary > "$out.nmt2.txt"
jcmd "$pid" GC.heap_info > "$out.heap.txt"
jcmd "$pid" GC.class_histogram > "$out.histogram.txt"
jcmd "$pid" VM.metaspace > "$out.metaspace.txt"
rss "after a full collection"
kill "$pid"
wait "$launcher" 2>/dev/null
