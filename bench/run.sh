#!/usr/bin/env bash
# IAMLocal benchmark: one command, run from anywhere.
#
#   bench/run.sh [--users 10000] [--duration 10] [wire options…]   wire benchmark of the real jar
#   bench/run.sh --jmh [JMH options…]                                 policy-decision JMH benchmark
#
# The wire benchmark builds what is missing (server jar, launcher and CDS archive, bench jar), installs
# wrk and nginx from Debian if absent, starts IAMLocal the way the README says (the launcher
# server/target/iamlocal that `mvn package` writes), measures startup to the first answered request
# and RSS, fills N users through the AWS SDK, replays SigV4-signed requests with wrk per scenario,
# then measures moto_server (when installed) and an nginx fixed answer the same way, prints a table
# with the ratios of issue #20 and writes bench/results/<timestamp>.json and .md.
# See bench/results/README.md.
#
# Other wire options: --scenarios get_user,list_users,get_caller_identity,simulate_principal_policy,
#   assume_role,assumed_role_call,create_user   --wrk-threads 2 --connections 32 --warmup 5
#   --fill-threads 4 --profile <scenario> (JFR summary of that scenario) --label "text"
#   --java-opts "…" (JVM flags added after the launcher's) --server-args "…" (extra server flags, e.g.
#   --cloudtrail-events 0) --no-cds --rivals no (skip moto and nginx) --results DIR
#
# Environment: IAMLOCAL_BUILD_DIR (Maven build dir, default target; lets builds share a checkout),
#   IAMLOCAL_JAR (benchmark this jar with `java $RECOMMENDED_OPTS -jar` instead of the launcher).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
BUILD_DIR="${IAMLOCAL_BUILD_DIR:-target}"
JAR="${IAMLOCAL_JAR:-server/$BUILD_DIR/iamlocal.jar}"
LAUNCHER="server/$BUILD_DIR/iamlocal"
BENCH_JAR="bench/$BUILD_DIR/iamlocal-bench.jar"

# With IAMLOCAL_JAR: the flags the launcher uses (server/pom.xml, iamlocal.jvmFlags) plus an AppCDS
# archive made by `cds-train` for that jar.
RECOMMENDED_OPTS="-XX:+IgnoreUnrecognizedVMOptions -XX:+UnlockDiagnosticVMOptions -XX:ArchiveRelocationMode=0 -XX:+UseSerialGC -Xms24m -Xmx256m -XX:MinHeapFreeRatio=20 -XX:MaxHeapFreeRatio=50 -XX:NewRatio=4 -XX:NewSize=16m -Xss512k \
-XX:TrimNativeHeapInterval=2000 -Dio.netty.allocator.maxOrder=6 -Dio.netty.allocator.numDirectArenas=1 -XX:Tier3InvocationThreshold=2000 \
-XX:Tier3MinInvocationThreshold=1000 -XX:Tier3CompileThreshold=20000 -XX:Tier3BackEdgeThreshold=600000 \
-XX:Tier4InvocationThreshold=30000 -XX:Tier4MinInvocationThreshold=1800 -XX:Tier4CompileThreshold=90000 -XX:Tier4BackEdgeThreshold=120000 -Dio.netty.leakDetection.level=disabled -Dio.netty.buffer.checkAccessible=false -Dio.netty.buffer.checkBounds=false \
-XX:SharedArchiveFile=${JAR%.jar}.jsa"

log() { echo "[run.sh] $*"; }

# True when $1 is missing or older than any source or pom it is built from (a policy change must
# reach the JMH jar, a server change the wire benchmark).
stale() {
  [[ ! -f "$1" ]] || [[ -n "$(find sigv4/src protocol/src policy/src server/src bench/src -name '*.java' -newer "$1" -print -quit)" ]] \
    || [[ -n "$(find . -maxdepth 2 -name pom.xml -newer "$1" -print -quit)" ]]
}

build_bench() {
  if stale "$BENCH_JAR"; then
    log "building the bench module ($BENCH_JAR)"
    mvn -B -q -Pbench -pl bench -am package -DskipTests "-Diamlocal.buildDir=$BUILD_DIR"
  fi
}

if [[ "${1:-}" == "--jmh" ]]; then
  shift
  build_bench
  if [[ $# -eq 0 ]]; then
    set -- -f 1 -wi 3 -w 2 -i 5 -r 2 PolicyDecision
  fi
  exec java -jar "$BENCH_JAR" jmh "$@"
fi

USE_CDS=1
JAVA_OPTS=""
[[ -n "${IAMLOCAL_JAR:-}" ]] && JAVA_OPTS="$RECOMMENDED_OPTS"
ARGS=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --no-cds) USE_CDS=0; shift ;;
    --java-opts) JAVA_OPTS="$2"; shift 2 ;;
    *) ARGS+=("$1"); shift ;;
  esac
done

if [[ -z "${IAMLOCAL_JAR:-}" ]] && { stale "$JAR" || [[ ! -x "$LAUNCHER" ]]; }; then
  log "building the server jar, launcher and CDS archive ($LAUNCHER)"
  mvn -B -q -DskipTests "-Diamlocal.buildDir=$BUILD_DIR" package
fi
build_bench
for tool in wrk nginx; do
  if ! command -v "$tool" >/dev/null && [[ ! -x "/usr/sbin/$tool" ]]; then
    log "installing $tool from Debian"
    apt-get update -qq && apt-get install -y -qq "$tool" >/dev/null
  fi
done
SERVER="$LAUNCHER"
if [[ -n "${IAMLOCAL_JAR:-}" ]]; then
  SERVER="$JAR"
  JSA="${JAR%.jar}.jsa"
  if [[ $USE_CDS -eq 1 && "$JAVA_OPTS" == *SharedArchiveFile* ]] && { [[ ! -f "$JSA" ]] || [[ "$JAR" -nt "$JSA" ]]; }; then
    log "creating the AppCDS archive $JSA (one training run of the server)"
    java -jar "$BENCH_JAR" cds-train --jar "$JAR" --archive "$JSA" --java-opts "$JAVA_OPTS"
  fi
fi
if [[ $USE_CDS -eq 0 ]]; then
  JAVA_OPTS="$(echo "$JAVA_OPTS" | sed 's/-XX:SharedArchiveFile=[^ ]*//') -Xshare:off"
fi

# Start-up measured straight after a build was ~25 % slower than a minute later with the same build
# (20261206-163756 against -164619): flush what the build wrote and let the machine settle first.
sync
sleep 3
log "load before the run: $(uptime)"
java -Xmx2g -jar "$BENCH_JAR" wire --jar "$SERVER" --java-opts "$JAVA_OPTS" --work "bench/$BUILD_DIR/wire" \
  --results bench/results ${ARGS[@]+"${ARGS[@]}"}
log "load after the run: $(uptime)"
