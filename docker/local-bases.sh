#!/usr/bin/env bash
# Makes the Dockerfile's base images from Debian's mirror, for machines that cannot pull from
# Docker Hub (our CI), and prints the matching `docker build` arguments:
#
#   docker build -t iamlocal $(docker/local-bases.sh) .
#
# Both images are kept in the engine, and the Debian root file system also as a tarball under
# $IAMLOCAL_DOCKER_CACHE (default /var/cache/iamlocal-docker), so later runs on the same machine
# take a second. Needs root (debootstrap) the first time.
set -euo pipefail
cd "$(dirname "$0")"

cache=${IAMLOCAL_DOCKER_CACHE:-/var/cache/iamlocal-docker}
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
debian_image=local/debian:bookworm
# Certificate authorities added to this machine (e.g. a TLS-intercepting proxy's) go into the build
# base too, so that Maven in the build stage trusts what the host trusts.
extra_cas=(/usr/local/share/ca-certificates/*.crt)
[ -e "${extra_cas[0]}" ] || extra_cas=()
# Tagged by the recipe's hash, so a changed recipe makes a new image instead of reusing a stale one.
build_image=local/iamlocal-build:$(cat build-base.Dockerfile ${extra_cas[@]+"${extra_cas[@]}"} | sha256sum | cut -c1-12)

log() { echo "local-bases: $*" >&2; }

if ! docker image inspect "$debian_image" >/dev/null 2>&1; then
  tarball=$cache/debian-bookworm-minbase.tar
  if [ ! -s "$tarball" ]; then
    command -v debootstrap >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null; }
    mkdir -p "$cache"
    rootfs=$(mktemp -d "$cache/rootfs.XXXXXX")
    trap 'rm -rf "$rootfs"' EXIT
    log "debootstrap bookworm (minbase) from $mirror"
    debootstrap --variant=minbase bookworm "$rootfs" "$mirror" >"$cache/debootstrap.log" 2>&1 \
      || { tail -20 "$cache/debootstrap.log" >&2; exit 1; }
    # What debian:bookworm-slim leaves out too: package caches, indexes, documentation.
    rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/* \
      "$rootfs"/usr/share/doc/* "$rootfs"/usr/share/man/* "$rootfs"/usr/share/info/* "$rootfs"/usr/share/locale/*
    tar -C "$rootfs" -cf "$tarball.tmp" . && mv "$tarball.tmp" "$tarball"
  fi
  log "importing $tarball as $debian_image"
  docker import "$tarball" "$debian_image" >/dev/null
fi

if ! docker image inspect "$build_image" >/dev/null 2>&1; then
  log "building $build_image (JDK 17 and Maven from Debian)"
  context=$(mktemp -d)
  mkdir "$context/ca" && cp build-base.Dockerfile "$context/Dockerfile"
  [ ${#extra_cas[@]} -eq 0 ] || cp "${extra_cas[@]}" "$context/ca/"
  docker build -q -t "$build_image" --build-arg DEBIAN_BASE="$debian_image" "$context" >/dev/null
  rm -rf "$context"
fi

echo "--build-arg BUILD_BASE=$build_image --build-arg RUN_BASE=$debian_image"
