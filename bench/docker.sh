#!/usr/bin/env bash
# Measures the Docker image: its size, the time from `docker run` to the first answered request
# (and the part of it after the container process started), and the server's RSS in the container.
#
#   bench/docker.sh [IMAGE]          # default iamlocal/iamlocal; RUNS=5 containers, medians reported
#   bench/docker.sh --jlink-saving   # also: how much smaller the jlink runtime is than Debian's JRE
#
# Needs a running engine (eval "$(docker/engine.sh start)") and curl. Writes
# bench/results/docker-<UTC timestamp>.md.
set -euo pipefail
cd "$(dirname "$0")/.."

jlink_saving=false
[ "${1:-}" = --jlink-saving ] && { jlink_saving=true; shift; }
image=${1:-iamlocal/iamlocal}
runs=${RUNS:-5}
out=bench/results/docker-$(date -u +%Y%m%d-%H%M%S).md

now_ms() { date +%s%3N; }
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

ready=() started=() rss=()
for _ in $(seq "$runs"); do
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  t0=$(now_ms)
  id=$(docker run -d -p "127.0.0.1:$port:4566" "$image" --quiet)
  until curl -sf -o /dev/null "http://127.0.0.1:$port/"; do sleep 0.005; done
  t1=$(now_ms)
  # When the container's process started, as the engine recorded it (RFC 3339, nanoseconds).
  start_ms=$(date -d "$(docker inspect --format '{{.State.StartedAt}}' "$id")" +%s%3N)
  sleep 2   # idle after start
  rss+=("$(docker exec "$id" awk '/VmRSS/ { print int($2 / 1024) }' /proc/1/status)")
  docker rm -f "$id" >/dev/null
  ready+=($((t1 - t0))) started+=($((t1 - start_ms)))
done

size_mb=$(( $(docker image inspect --format '{{.Size}}' "$image") / 1000000 ))
{
  echo "# Docker image $image, $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo
  echo "Machine: $(nproc) cores, load before: $(cut -d' ' -f1-3 /proc/loadavg); engine $(docker version --format '{{.Server.Version}}'); $runs containers, medians."
  echo
  echo "| measure | value | all runs |"
  echo "|---|---|---|"
  echo "| image size | ${size_mb} MB | |"
  echo "| \`docker run\` to the first answered request | $(printf '%s\n' "${ready[@]}" | median) ms | ${ready[*]} |"
  echo "| of which after the container's process started | $(printf '%s\n' "${started[@]}" | median) ms | ${started[*]} |"
  echo "| RSS in the container, idle after start | $(printf '%s\n' "${rss[@]}" | median) MB | ${rss[*]} |"
  if $jlink_saving; then
    runtime_mb=$(docker run --rm --entrypoint du "$image" -sm /opt/iamlocal/runtime | cut -f1)
    # What installing Debian's JRE (with its dependencies) adds to the same base.
    jre_mb=$(docker run --rm --entrypoint bash local/debian:bookworm -c 'before=$(du -sxm / | cut -f1)
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends openjdk-17-jre-headless >/dev/null 2>&1
      rm -rf /var/lib/apt/lists/* /var/cache/apt/archives/*.deb; echo $(( $(du -sxm / | cut -f1) - before ))')
    echo "| jlink runtime in the image | ${runtime_mb} MB | Debian's openjdk-17-jre-headless adds ${jre_mb} MB: jlink saves $((jre_mb - runtime_mb)) MB |"
  fi
} | tee "$out"
