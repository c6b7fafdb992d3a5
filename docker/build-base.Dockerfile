# The Dockerfile's build stage base, made from Debian packages for machines that cannot pull
# maven:3.9-eclipse-temurin-17 (our CI): a JDK 17 with jlink and its jmods, and Maven.
# docker/local-bases.sh builds it; nothing else uses it.
ARG DEBIAN_BASE=local/debian:bookworm
FROM ${DEBIAN_BASE}
# The host's added certificate authorities (may be none); installing ca-certificates trusts them.
COPY ca/ /usr/local/share/ca-certificates/
RUN apt-get update -qq \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends openjdk-17-jdk-headless maven >/dev/null \
 && rm -rf /var/lib/apt/lists/* /var/cache/apt/archives/*.deb
