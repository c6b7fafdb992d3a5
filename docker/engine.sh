#!/usr/bin/env bash
# Starts or stops a Docker engine for the Docker tests (as root; CI machines have none running).
#
#   eval "$(docker/engine.sh start)"   # installs docker.io and docker-compose from Debian if missing,
#                                      # starts dockerd, prints `export DOCKER_HOST=…`
#   docker/engine.sh stop              # stops the engine, if `start` started it
#
# The engine listens on its own socket, $IAMLOCAL_DOCKER_SOCK (default /run/iamlocal-docker.sock),
# not /var/run/docker.sock, so that other builds on the machine do not find it and try to pull.
# An engine already answering there is reused and left running.
set -euo pipefail

sock=${IAMLOCAL_DOCKER_SOCK:-/run/iamlocal-docker.sock}
state=${IAMLOCAL_DOCKER_STATE:-/run/iamlocal-docker}
export DOCKER_HOST=unix://$sock

log() { echo "engine: $*" >&2; }

start() {
  if DOCKER_HOST=unix:///var/run/docker.sock docker info >/dev/null 2>&1; then
    log "reusing the engine already running on /var/run/docker.sock"
    export DOCKER_HOST=unix:///var/run/docker.sock
  elif docker info >/dev/null 2>&1; then
    log "reusing the engine on $sock"
  else
    if ! command -v dockerd >/dev/null || ! command -v docker-compose >/dev/null; then
      log "installing docker.io and docker-compose from Debian"
      apt-get update -qq
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker.io docker-compose >/dev/null
    fi
    mkdir -p "$state"
    dockerd --host "$DOCKER_HOST" --pidfile "$state/dockerd.pid" >"$state/dockerd.log" 2>&1 &
    echo $! >"$state/started-by-us"
    for _ in $(seq 100); do
      docker info >/dev/null 2>&1 && break
      kill -0 "$(cat "$state/started-by-us")" 2>/dev/null || { tail -20 "$state/dockerd.log" >&2; exit 1; }
      sleep 0.2
    done
    docker info >/dev/null || { tail -20 "$state/dockerd.log" >&2; exit 1; }
    log "started dockerd $(docker version --format '{{.Server.Version}}') on $sock"
  fi
  echo "export DOCKER_HOST=$DOCKER_HOST"
}

stop() {
  [ -f "$state/started-by-us" ] || return 0
  pid=$(cat "$state/started-by-us")
  rm -f "$state/started-by-us"
  kill "$pid" 2>/dev/null || return 0
  for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || { log "stopped dockerd"; return 0; }; sleep 0.2; done
  log "dockerd $pid did not stop within 20 s"
}

"${1:?usage: engine.sh start|stop}"
